"""Seeded quiz forms: pick questions, then give each form (A, B, C...) its own question order and choice
order, with answer letters balanced within the form. Every random choice comes from
`random.Random` seeded with text derived from the seed ("1:select", "1:A"), which Python seeds
deterministically (str seeds are hashed with SHA-512, not the salted hash()), so the same seed
gives the same forms on every run and machine."""

from __future__ import annotations

import random
from typing import Callable, Iterable, Optional

from quizgen.errors import QuizgenError
from quizgen.model import LETTERS, QUESTION_KINDS, FormItem, Question, QuizForm

# Printed order of sections on a form: quick recognition first, then recall, then multi-part items.
KIND_ORDER = ("multiple_choice", "true_false", "cloze", "short_answer", "numeric", "matching", "ordering")
MAX_FORMS = len(LETTERS)
# Questions per form when none are asked for; a smaller bank gets all it allows (see assemble_forms).
DEFAULT_COUNT = 20


def eligible_questions(questions: Iterable[Question], *, kinds: Optional[Iterable[str]] = None,
                       tags: Optional[Iterable[str]] = None) -> list[Question]:
    """Questions without lint errors, of the given kinds (any spelling) and having any of the tags."""
    from quizgen.generate import resolve_kinds

    wanted_kinds = resolve_kinds(list(kinds)) if kinds else None
    wanted_tags = {t.strip() for raw in (tags or ()) for t in str(raw).split(",") if t.strip()}
    out = []
    for q in questions:
        if q.has_errors:
            continue
        if wanted_kinds is not None and q.kind not in wanted_kinds:
            continue
        if wanted_tags and not wanted_tags.intersection(q.tags):
            continue
        out.append(q)
    return out


# How much of a mixed quiz each kind gets: mostly multiple choice, as teachers' quizzes are, with
# some of every other kind. Only the kinds that have questions share the count.
KIND_WEIGHTS = {"multiple_choice": 6, "true_false": 3, "cloze": 2, "short_answer": 2, "numeric": 1,
                "matching": 1, "ordering": 1}


def select_questions(candidates: list[Question], count: int, rng: random.Random,
                     allow_same_fact: bool = False) -> list[Question]:
    """Up to `count` questions, kinds mixed by KIND_WEIGHTS, at most one per fact (and per sentence
    that several facts state)."""
    by_kind: dict[str, list[Question]] = {}
    for q in sorted(candidates, key=lambda q: q.id):
        by_kind.setdefault(q.kind, []).append(q)
    for pool in by_kind.values():
        rng.shuffle(pool)
    kinds = [k for k in KIND_ORDER if k in by_kind]
    rng.shuffle(kinds)
    # Facts that one sentence states (a drafted sentence gives a fact per answer) count as one: each
    # one's cloze would print the others' answers ("In July 2010 President ______ signed the
    # Dodd-Frank Act" beside "In July 2010 President Barack Obama signed the ______").
    sentence_of = _sentence_groups(candidates)
    used_facts: set[str] = set()
    # Facts (sentences) that still have a single-fact question: a timeline or matching question (4
    # facts) is only taken when enough of them remain to fill the quiz, so multi-fact items never
    # starve the count.
    free_facts = {sentence_of.get(q.fact_id, q.fact_id) for q in candidates if len(q.fact_ids) == 1}
    chosen: list[Question] = []
    cursors = {k: 0 for k in kinds}
    picked = {k: 0 for k in kinds}

    def take(kind: str) -> bool:
        """Add the next usable question of `kind`; False when its pool is used up."""
        pool = by_kind[kind]
        while cursors[kind] < len(pool):
            q = pool[cursors[kind]]
            cursors[kind] += 1
            groups = {sentence_of.get(f, f) for f in q.fact_ids}
            if not allow_same_fact:
                if used_facts.intersection(groups):
                    continue
                if (len(q.fact_ids) > 1 and free_facts
                        and len(free_facts - groups) < count - len(chosen) - 1):
                    continue
            chosen.append(q)
            picked[kind] += 1
            used_facts.update(groups)
            free_facts.difference_update(groups)
            return True
        return False

    # First each kind's share (multi-fact kinds first: they need 3-4 facts still unused), then fill
    # up from the kind furthest below its share.
    shares = apportion(count, {k: KIND_WEIGHTS.get(k, 1) for k in kinds})
    for kind in sorted(kinds, key=lambda k: k not in ("ordering", "matching")):
        while picked[kind] < shares[kind] and len(chosen) < count and take(kind):
            pass
    while len(chosen) < count and kinds:
        kind = min(kinds, key=lambda k: (picked[k] + 1) / KIND_WEIGHTS.get(k, 1))
        if not take(kind):
            kinds.remove(kind)
    return chosen


def _sentence_groups(questions: list[Question]) -> dict[str, str]:
    """Fact id -> what it states (its questions' explanation: the fact's explanation, else its
    statement), for the facts of single-fact questions; a "false" true/false item explains otherwise."""
    groups: dict[str, str] = {}
    for q in questions:
        if len(q.fact_ids) == 1 and not (q.kind == "true_false" and q.answer == "False"):
            groups.setdefault(q.fact_id, q.explanation)
    return groups


def apportion(count: int, weights: dict[str, int]) -> dict[str, int]:
    """`count` split in proportion to `weights` (largest remainder; ties in the dict's order)."""
    total = sum(weights.values()) or 1
    exact = {k: count * w / total for k, w in weights.items()}
    shares = {k: int(v) for k, v in exact.items()}
    rest = count - sum(shares.values())
    for k in sorted(weights, key=lambda k: -(exact[k] - shares[k]))[:rest]:
        shares[k] += 1
    return shares


def balanced_positions(n: int, width: int, rng: random.Random) -> list[int]:
    """n key positions in 0..width-1 whose counts differ by at most one, in random order."""
    positions = [i for _ in range(n // width) for i in range(width)]
    positions += rng.sample(range(width), n % width)
    rng.shuffle(positions)
    return positions


def _derangement_or_shuffle(n: int, rng: random.Random) -> list[int]:
    """A random order of n parts that is not the canonical one (when n > 1)."""
    order = list(range(n))
    if n < 2:
        return order
    for _ in range(20):
        rng.shuffle(order)
        if order != list(range(n)):
            return order
    return order[1:] + order[:1]


def assemble_forms(questions: list[Question], *, count: Optional[int] = None, forms: int, seed: int,
                   kinds: Optional[Iterable[str]] = None, tags: Optional[Iterable[str]] = None,
                   allow_same_fact: bool = False, bank_id: str = "", title: str = "",
                   source_line: str = "", note: Callable[[str], None] = lambda _: None) -> list[QuizForm]:
    """`forms` versions of a `count`-question quiz from the same questions, each with its own order.

    Without a `count`, DEFAULT_COUNT questions, or all a smaller bank allows (said through `note`): a
    short article still gets its worksheet. Raises QuizgenError when fewer questions match than an
    asked-for count (saying how many do), or none at all."""
    if count is not None and count < 1:
        raise QuizgenError("--count must be at least 1")
    if not 1 <= forms <= MAX_FORMS:
        raise QuizgenError(f"--forms must be between 1 and {MAX_FORMS}")
    candidates = eligible_questions(questions, kinds=kinds, tags=tags)
    wanted = DEFAULT_COUNT if count is None else count
    chosen = select_questions(candidates, wanted, random.Random(f"{seed}:select"), allow_same_fact)
    what = []
    if kinds:
        what.append("kinds " + ", ".join(str(k) for k in kinds))
    if tags:
        what.append("tags " + ", ".join(str(t) for t in tags))
    scope = f" for {' and '.join(what)}" if what else ""
    per_fact = "" if allow_same_fact else \
        " (at most one per fact, or per sentence that several facts state; --allow-same-fact lifts that)"
    if len(chosen) < wanted:
        available = f"{len(chosen)} question{'s' if len(chosen) != 1 else ''}"
        if count is not None or not chosen:
            requested = f"{count} were requested" if count is not None else "a form needs at least one"
            raise QuizgenError(f"only {available} available{scope}{per_fact}, but {requested}")
        note(f"{available} per form: all the bank allows{scope}{per_fact}")
    if not title:
        title = chosen[0].source.article_title if chosen else "Quiz"
    if not source_line and chosen:
        source_line = chosen[0].source.citation
    return [build_form(chosen, LETTERS[i], seed, bank_id=bank_id, title=title, source_line=source_line)
            for i in range(forms)]


def build_form(chosen: list[Question], label: str, seed: int, *, bank_id: str = "", title: str = "",
               source_line: str = "") -> QuizForm:
    """One form: sections in KIND_ORDER, questions shuffled within them, choices shuffled with the key
    letters balanced, ordering and matching parts shown out of order."""
    rng = random.Random(f"{seed}:{label}")
    sections: dict[str, list[Question]] = {}
    for q in sorted(chosen, key=lambda q: q.id):
        sections.setdefault(q.kind, []).append(q)
    ordered: list[Question] = []
    for kind in KIND_ORDER + tuple(k for k in QUESTION_KINDS if k not in KIND_ORDER):
        pool = sections.get(kind, [])
        rng.shuffle(pool)
        ordered.extend(pool)
    mc_items = [q for q in ordered if q.kind == "multiple_choice"]
    # Key positions are balanced per number of choices (normally all have 4).
    positions: dict[int, list[int]] = {}
    for width in sorted({len(q.choices) for q in mc_items}):
        n = sum(1 for q in mc_items if len(q.choices) == width)
        positions[width] = balanced_positions(n, width, rng)
    items: list[FormItem] = []
    for number, q in enumerate(ordered, 1):
        order: list[int] = []
        if q.kind == "multiple_choice" and q.choices:
            width = len(q.choices)
            target = positions[width].pop()
            key_index = next(i for i, c in enumerate(q.choices) if c.correct)
            others = [i for i in range(width) if i != key_index]
            rng.shuffle(others)
            order = others[:target] + [key_index] + others[target:]
        elif q.kind == "ordering":
            order = _derangement_or_shuffle(len(q.sequence), rng)
        elif q.kind == "matching":
            order = _derangement_or_shuffle(len(q.pairs), rng)
        items.append(FormItem(number=number, question=q, order=order))
    return QuizForm(label=label, seed=seed, bank_id=bank_id, title=title, source_line=source_line, items=items)
