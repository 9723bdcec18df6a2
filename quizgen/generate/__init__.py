"""Facts -> questions. Every fact yields every question form that fits it (multiple choice, true/false
both ways, cloze, short answer or numeric); groups of facts yield timeline ordering and matching
questions. Ids come from the fact id and the form, so they survive edits of the wording.

    from quizgen.generate import generate_questions
    questions = generate_questions(load_bank())        # lint findings attached to each question
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from quizgen.generate.answers import accepted_answers
from quizgen.generate.distractors import (
    BankIndex,
    Distractor,
    answer_key,
    bare_surname_in,
    build_index,
    choose_distractors,
    name_parts,
    part_of_name,
    printed_answer,
)
from quizgen.generate.text import (
    BLANK,
    shared_phrases,
    CLASS_NOUNS,
    attributed_claim,
    blank,
    event_phrase,
    _name_words_of,
    find_span,
    name_sort,
    question_stem,
    substitute,
)
from quizgen.generate.values import date_interval, parse_quantity
from quizgen.loading import Bank, find_quote
from quizgen.model import (
    Choice,
    Cloze,
    DateValue,
    EntityValue,
    Fact,
    LintFinding,
    MatchPair,
    NumericAnswer,
    QuantityValue,
    Question,
    SourceRef,
    normalize_text,
)

__all__ = ["generate_questions", "FORMS", "KIND_ALIASES", "resolve_kinds"]

# The single-fact forms in the order they are generated (and their id suffixes).
FORMS = ("mc", "tf-true", "tf-false", "cloze", "short", "numeric")

KIND_ALIASES = {
    "mc": "multiple_choice", "multiple-choice": "multiple_choice", "multiple_choice": "multiple_choice",
    "tf": "true_false", "true-false": "true_false", "true_false": "true_false",
    "cloze": "cloze", "short": "short_answer", "short-answer": "short_answer", "short_answer": "short_answer",
    "numeric": "numeric", "number": "numeric", "ordering": "ordering", "timeline": "ordering",
    "order": "ordering", "matching": "matching", "match": "matching",
}

# Approximate quantities ("about 15 trillion") accept answers within this fraction of the value.
APPROXIMATE_TOLERANCE = 0.05
_APPROXIMATE = {"about", "approximately", "nearly", "almost", "around", "roughly"}
MAX_CLOZE_WORDS = 8
MAX_SHORT_WORDS = 4  # a longer typed answer rarely matches, however lenient the matching
GROUP_SIZE = 4
_WORD = re.compile(r"\w+")
MAX_GROUP_PASSES = 4
# Facts generated and linted together before the memo caches are emptied (see _fact_batches).
FACTS_PER_BATCH = 2000
# From this many facts a worker process on the second core takes the later facts (see quizgen/workers.py);
# this process keeps OWN_SHARE of them, less than half: it also makes the multi-fact questions and
# reads the worker's.
PARALLEL_MIN_FACTS = 1000
OWN_SHARE = 0.46


def resolve_kinds(kinds: Optional[list[str] | tuple[str, ...]]) -> Optional[set[str]]:
    """Question kinds from user spellings ("mc", "tf", "multiple_choice", "ordering"...); None = all."""
    from quizgen.errors import QuizgenError

    if not kinds:
        return None
    out: set[str] = set()
    for raw in kinds:
        for part in str(raw).split(","):
            name = part.strip().casefold()
            if not name:
                continue
            if name not in KIND_ALIASES:
                known = ", ".join(sorted(set(KIND_ALIASES) - {"multiple-choice", "true-false", "short-answer"}))
                raise QuizgenError(f'unknown question kind "{part.strip()}" (use one of: {known})')
            out.add(KIND_ALIASES[name])
    return out or None


@dataclass
class _Context:
    """What generation needs about the whole bank, computed once."""

    bank: Bank
    index: BankIndex
    spans: dict[str, tuple[int, int]]
    common_words: set[str]
    name_words: Optional[set[str]] = None  # capitalised words the article uses mid-sentence (names)
    source_lines: dict[str, int] = field(default_factory=dict)
    sources: dict[str, SourceRef] = field(default_factory=dict)
    written: Optional[tuple[int, int, int]] = None  # the article's date, latest day it can mean
    # The facts whose statement no earlier fact states: facts drafted from one sentence (its date,
    # its number, its name) share it, and the statement is asked as a true/false question once.
    first_statements: set[str] = field(default_factory=set)

    def source(self, fact: Fact) -> SourceRef:
        quote = fact.source.quote
        ref = self.sources.get(quote)
        if ref is None:
            meta = self.bank.article.meta
            block = find_quote(self.bank.article, quote)  # once per distinct quote
            ref = SourceRef(
                quote=quote, article_title=meta.title, publisher=meta.publisher or meta.source or "",
                date=meta.date, url=meta.url or "", line=block.line if block else 0,
            )
            self.sources[quote] = ref
        return ref


def _common_words(bank: Bank) -> set[str]:
    """Words the article writes in lower case somewhere: those are not names, so a stem may lower them."""
    words: set[str] = set()
    for block in bank.article.blocks:
        words.update(w for w in re.findall(r"\b[a-z][a-z-]*\b", block.text))
    return words


def _name_words(bank: Bank) -> set[str]:
    """Capitalised words the article uses inside sentences: names, which a question keeps capitalised
    ("did Meta release"); a capitalised word seen only at a sentence start ("Work on the telescope
    began") may be an ordinary word, so no inverted question is made with it as the subject."""
    words: set[str] = set()
    for block in bank.article.blocks:
        words |= _name_words_of(block.text)
    words |= _name_words_of(" " + (bank.article.meta.title or ""))
    return words


def _article_date(bank: Bank) -> Optional[tuple[int, int, int]]:
    """The last day the article's date may mean ("2024-12" -> (2024, 12, 31)), or None."""
    bits = bank.article.meta.date.split("-")
    try:
        year, month, day = (int(b) for b in bits + ["12", "31"][len(bits) - 1:]) if len(bits) < 3 else map(int, bits)
    except ValueError:
        return None
    return (year, month, day if len(bits) == 3 else 31)


def question_hash(fact_ids: list[str]) -> str:
    """8 hex digits identifying a set of facts (order-free), for multi-fact question ids."""
    return hashlib.sha1(",".join(sorted(fact_ids)).encode("utf-8")).hexdigest()[:8]


def generate_questions(bank: Bank, *, lint: bool = True) -> list[Question]:
    """Every question the bank yields, in fact order then form order; multi-fact questions last.

    With `lint`, each question's `lint` holds its findings (errors keep it out of every form)."""
    # Generation allocates hundreds of thousands of long-lived objects and no reference cycles; the
    # cyclic collector would keep rescanning the growing heap for nothing (30-40% of the time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _generate(bank, lint)
    finally:
        _clear_caches()
        if was_enabled:
            # The questions live as long as the command: out of the collector's sight, so that the
            # allocations of assembling and writing do not trigger full collections that walk them all.
            gc.freeze()
            gc.enable()


def _clear_caches() -> None:
    """Drop the memoised texts of this bank: they are only worth keeping during one generation."""
    from quizgen.generate import memo

    memo.clear_all()


def _generate(bank: Bank, lint: bool) -> list[Question]:
    spans: dict[str, tuple[int, int]] = {}
    for fact in bank.facts:
        span = find_span(fact.statement, fact.answer.strip())
        if span is not None:
            spans[fact.id] = span
    ctx = _Context(bank=bank, index=build_index(bank.facts, spans), spans=spans, common_words=_common_words(bank),
                   name_words=_name_words(bank),
                   written=_article_date(bank))
    owners: dict[str, str] = {}
    for fact in bank.facts:
        owners.setdefault(normalize_text(fact.statement), fact.id)
    ctx.first_statements = set(owners.values())
    from quizgen import workers
    from quizgen.generate.lint import Linter

    linter = Linter(bank, index=ctx.index, spans=spans) if lint else None
    facts = bank.facts
    # A big bank is split: a worker on the second core makes the questions of the later facts while
    # this process makes the earlier ones' and the multi-fact questions, then reads the worker's.
    split = len(facts)
    worker = None
    if len(facts) >= PARALLEL_MIN_FACTS:
        split = int(len(facts) * OWN_SHARE)
        later = facts[split:]
        worker = workers.start_worker(lambda: _later_questions_packed(later, ctx, linter))
        if worker is None:
            split = len(facts)
    try:
        questions = _fact_batches(facts[:split], ctx, linter)
        multi_fact = timeline_questions(ctx) + matching_questions(ctx)
        if linter is not None:
            # their near-duplicate keys name their kind, so no single-fact question can share one:
            # linted before the later facts' questions, they get the very findings they would after
            linter.lint(multi_fact)
        if worker is not None:
            # The worker's frames are read as it writes them: while it makes its last batch, this
            # process is already rebuilding the questions of its first ones.
            done = split
            for frame in worker.frames():
                later_questions, keys = _unpacked(frame, ctx)
                if linter is not None:
                    linter.add_near_duplicates(later_questions, keys)
                questions += later_questions
                done = min(done + FACTS_PER_BATCH, len(facts))  # a frame is one batch (_later_questions_packed)
            if not worker.succeeded:  # it failed: the facts it had not finished are made here (the same questions)
                questions += _fact_batches(facts[done:], ctx, linter)
            worker = None
    finally:
        if worker is not None:
            worker.cancel()
    questions.extend(multi_fact)
    return questions


def _fact_batches(facts: list[Fact], ctx: _Context, linter) -> list[Question]:
    """The single-fact questions of `facts`, linted a batch at a time."""
    questions: list[Question] = []
    for batch in _linted_batches(facts, ctx, linter, near_duplicates=True):
        questions += batch
    return questions


def _linted_batches(facts: list[Fact], ctx: _Context, linter, *, near_duplicates: bool) -> Iterator[list[Question]]:
    from quizgen.generate import memo

    for start in range(0, len(facts), FACTS_PER_BATCH):
        batch: list[Question] = []
        for fact in facts[start:start + FACTS_PER_BATCH]:
            batch.extend(fact_questions(fact, ctx))
        if linter is not None:
            linter.lint(batch, near_duplicates=near_duplicates)
        yield batch
        # The memoised texts of a batch (its stems, normalised sentences, parsed choices) are rarely
        # asked for again: emptied here, they never add up to the size of a 100k-fact bank.
        memo.clear_batch()


def _later_questions_packed(facts: list[Fact], ctx: _Context, linter) -> Iterator[bytes]:
    """What the worker computes: the questions of the later facts, linted but for near-duplicates
    (which need every earlier question), with their near-duplicate keys; packed a batch at a time."""
    from quizgen.generate.lint import near_duplicate_key

    for batch in _linted_batches(facts, ctx, linter, near_duplicates=False):
        keys = [near_duplicate_key(q) for q in batch] if linter is not None else [None] * len(batch)
        yield _packed(batch, keys)


def _packed(questions: list[Question], keys: list) -> bytes:
    """Questions and keys as marshal bytes: plain tuples of strings, numbers and tuples, many times
    faster to write and read than pickled objects. Shared texts (explanations) are written once."""
    records = []
    for q, key in zip(questions, keys):
        s = q.source
        records.append((
            q.id, q.fact_id, tuple(q.fact_ids), q.kind, q.fact_kind, q.stem,
            tuple((c.text, c.correct, c.feedback) for c in q.choices), q.answer, tuple(q.accepted),
            (q.numeric.value, q.numeric.tolerance, q.numeric.unit) if q.numeric else None,
            (q.cloze.before, q.cloze.answer, q.cloze.after) if q.cloze else None,
            tuple(q.sequence), tuple((p.left, p.right) for p in q.pairs), q.explanation,
            (s.quote, s.article_title, s.publisher, s.date, s.url, s.line), tuple(q.tags), q.image,
            tuple((f.code, f.severity, f.message, f.question_id, f.location) for f in q.lint), key,
        ))
    return marshal.dumps(records)


def _unpacked(data: bytes, ctx: _Context) -> tuple[list[Question], list]:
    """The questions and keys of `_packed`, sharing what generation shares: a fact's questions share
    their fact-id and tag lists, and questions citing one quote share its SourceRef."""
    questions: list[Question] = []
    keys: list = []
    last_fact: Optional[str] = None
    fact_ids: list[str] = []
    tags: list[str] = []
    for (id_, fact_id, fact_ids_t, kind, fact_kind, stem, choices, answer, accepted, numeric, cloze, sequence,
         pairs, explanation, source, tags_t, image, findings, key) in marshal.loads(data):
        if fact_id != last_fact:
            last_fact, fact_ids, tags = fact_id, list(fact_ids_t), list(tags_t)
        ref = ctx.sources.get(source[0])
        if ref is None:
            quote, title, publisher, date, url, line = source
            ref = ctx.sources[quote] = SourceRef(quote=quote, article_title=title, publisher=publisher, date=date,
                                                 url=url, line=line)
        question = Question(
            id=id_, fact_id=fact_id, fact_ids=fact_ids, kind=kind, fact_kind=fact_kind, stem=stem,
            choices=[Choice(text=t, correct=c, feedback=f) for t, c, f in choices] if choices else _NO_ITEMS,
            answer=answer, accepted=list(accepted) if accepted else _NO_ITEMS,
            numeric=NumericAnswer(value=numeric[0], tolerance=numeric[1], unit=numeric[2]) if numeric else None,
            cloze=Cloze(before=cloze[0], answer=cloze[1], after=cloze[2]) if cloze else None,
            sequence=list(sequence) if sequence else _NO_ITEMS,
            pairs=[MatchPair(left=left, right=right) for left, right in pairs] if pairs else _NO_ITEMS,
            explanation=explanation, source=ref, tags=tags or _NO_ITEMS, image=image,
            lint=[LintFinding(code=c, severity=sv, message=m, question_id=qi, location=loc)
                  for c, sv, m, qi, loc in findings] if findings else _NO_ITEMS)
        questions.append(question)
        keys.append(key)
    return questions, keys


# Every question without choices, accepted answers, events, pairs or findings holds this one list
# (a fresh empty list per field was a tenth of the memory of a 100k-fact bank); Question's docstring
# says lists are replaced, never changed in place.
_NO_ITEMS: list = []


def _printed_elsewhere(statement: str, span: tuple[int, int], answer: str, accepted: list[str], person: bool) -> bool:
    """Whether the rest of the statement names the answer too: "The expedition led by Umberto Nobile
    arrived 34 days later, and Scott and his companions died" is no false statement a student must
    think about (the cloze and the multiple choice of such a fact fail lint's answer-leak)."""
    rest = statement[: span[0]] + " " + statement[span[1]:]
    if person and bare_surname_in(rest, answer):
        return True
    return printed_answer(normalize_text(rest), answer, accepted) is not None


def _question(*, id: str, fact_id: str, fact_ids: list[str], kind: str, stem: str, answer: str,
              explanation: str, source: SourceRef, fact_kind: str = "", tags: list[str] | None = None,
              image: Optional[str] = None, choices: list[Choice] | None = None, accepted: list[str] | None = None,
              numeric: Optional[NumericAnswer] = None, cloze: Optional[Cloze] = None,
              sequence: list[str] | None = None, pairs: list[MatchPair] | None = None) -> Question:
    return Question(
        id=id, fact_id=fact_id, fact_ids=fact_ids, kind=kind, fact_kind=fact_kind, stem=stem,
        choices=choices or _NO_ITEMS, answer=answer, accepted=accepted or _NO_ITEMS, numeric=numeric,
        cloze=cloze, sequence=sequence or _NO_ITEMS, pairs=pairs or _NO_ITEMS, explanation=explanation,
        source=source, tags=tags or _NO_ITEMS, image=image, lint=_NO_ITEMS,
    )


def _image_path(fact: Fact, bank: Bank) -> Optional[str]:
    return str((bank.path / fact.image).resolve()) if fact.image else None


def _sort_choices(fact: Fact, choices: list[Choice]) -> list[Choice]:
    """Canonical choice order: numbers ascending, dates in time order, other texts alphabetically
    (item-writing guides ask for a logical order; forms shuffle anyway)."""
    value = fact.value
    if isinstance(value, QuantityValue):
        return sorted(choices, key=lambda c: (parse_quantity(c.text) or 0.0, c.text))
    if isinstance(value, DateValue):
        from quizgen.generate.values import parse_date

        def when(choice: Choice) -> tuple:
            parsed = parse_date(choice.text)
            if parsed is None:
                return ((9999, 0, 0), 0, choice.text)
            qualifier = {"early": 1, "mid": 2, "late": 3}.get(parsed[2] or "", 0)
            return (parsed[1], qualifier, choice.text)

        return sorted(choices, key=when)
    return sorted(choices, key=lambda c: (c.text.casefold(), c.text))


def fact_questions(fact: Fact, ctx: _Context) -> list[Question]:
    """The single-fact questions of one fact, in FORMS order."""
    span = ctx.spans.get(fact.id)
    statement = fact.statement.strip()
    explanation = fact.explanation or statement
    confirmed = f"Correct. {explanation}"  # one text for the multiple-choice and true/false keys
    source = ctx.source(fact)
    common = dict(fact_id=fact.id, fact_ids=[fact.id], fact_kind=fact.kind, source=source,
                  tags=list(fact.tags), image=_image_path(fact, ctx.bank))
    out: list[Question] = []
    accepted = accepted_answers(fact, ctx.index.other_names(fact.answer) if ctx.index.same_entity else ())
    answer = fact.answer.strip()

    question_text = fact.prompt.strip() if fact.prompt else (
        question_stem(fact, span, ctx.common_words, ctx.name_words) if span is not None else None)
    cloze_text = None
    if span is not None:
        before, after = blank(statement, span)
        if len(_WORD.findall(before + " " + after)) >= 3:
            cloze_text = f"{before}{BLANK}{after}"

    mc_stem = question_text or cloze_text
    distractors: list[Distractor] = []
    if mc_stem:
        distractors = choose_distractors(fact, span, mc_stem, ctx.index, written=ctx.written)
    elif span is not None:
        distractors = choose_distractors(fact, span, "", ctx.index, written=ctx.written)

    # Multiple choice: the key and three distractors of the same kind and precision.
    if mc_stem and len(distractors) >= 3:
        choices = [Choice(text=answer, correct=True, feedback=confirmed)]
        for d in distractors[:3]:
            choices.append(Choice(text=d.text, correct=False, feedback=_distractor_feedback(d, ctx, explanation)))
        out.append(_question(id=f"{fact.id}.mc", kind="multiple_choice", stem=mc_stem,
                             choices=_sort_choices(fact, choices), answer=answer, accepted=accepted,
                             explanation=explanation, **common))

    # True/false: the statement as written (once per statement, whichever facts share it), and with
    # the best distractor swapped in.
    if fact.id in ctx.first_statements:
        out.append(_question(id=f"{fact.id}.tf-true", kind="true_false", stem=statement,
                             choices=[Choice(text="True", correct=True, feedback=confirmed),
                                      Choice(text="False", correct=False, feedback=f"It is true. {explanation}")],
                             answer="True", explanation=explanation, **common))
    fitting = [d for d in distractors if d.fits_statement]
    if span is not None and fitting and not _printed_elsewhere(
            statement, span, answer, accepted, getattr(fact.value, "entity_class", None) == "person"):
        # The best distractor that does not echo the rest of the sentence: "... by letting a central
        # authority approve it, rather than relying on a central authority" contradicts itself.
        rest = statement[: span[0]] + " " + statement[span[1]:]
        wrong = min(fitting, key=lambda d: len(shared_phrases(d.text, rest))).text
        false_statement = substitute(statement, span, wrong)
        why = f"False: it was {answer}, not {wrong}. {explanation}" if fact.kind in (
            "date", "quantity", "entity", "attribution", "quote", "event") else f"False. {explanation}"
        out.append(_question(id=f"{fact.id}.tf-false", kind="true_false", stem=false_statement,
                             choices=[Choice(text="True", correct=False, feedback=why),
                                      Choice(text="False", correct=True, feedback=f"Correct. {why}")],
                             answer="False", explanation=why, **common))

    # Cloze: the answer span blanked in the statement.
    if cloze_text and len(answer.split()) <= MAX_CLOZE_WORDS and span is not None:
        before, after = blank(statement, span)
        out.append(_question(id=f"{fact.id}.cloze", kind="cloze", stem=cloze_text,
                             cloze=Cloze(before=before, answer=statement[span[0]:span[1]], after=after),
                             answer=answer, accepted=accepted, explanation=explanation, **common))

    # Short answer / numeric: only with a real question (a blanked sentence is the cloze form already).
    value = fact.value
    if question_text and isinstance(value, QuantityValue):
        tolerance = value.magnitude * APPROXIMATE_TOLERANCE if value.qualifier in _APPROXIMATE else 0.0
        out.append(_question(id=f"{fact.id}.numeric", kind="numeric", stem=question_text, answer=answer,
                             accepted=accepted,
                             numeric=NumericAnswer(value=value.magnitude, tolerance=tolerance,
                                                     unit=value.unit or ""),
                             explanation=explanation, **common))
    elif question_text and fact.kind != "cause" and len(answer.split()) <= MAX_SHORT_WORDS:
        out.append(_question(id=f"{fact.id}.short", kind="short_answer", stem=question_text, answer=answer,
                             accepted=accepted, explanation=explanation, **common))
    return out


def _distractor_feedback(d: Distractor, ctx: _Context, explanation: str) -> str:
    if d.fact_id and d.fact_id in ctx.index.statements:
        return f"Not {d.text}. {explanation} ({ctx.index.statements[d.fact_id]})"
    return f"Not {d.text}. {explanation}"


# --------------------------------------------------------------------------------------------------
# Multi-fact questions


def _multi_source(facts: list[Fact], ctx: _Context) -> SourceRef:
    first = ctx.source(facts[0])
    quotes: list[str] = []
    for fact in facts:
        if fact.source.quote not in quotes:
            quotes.append(fact.source.quote)
    return SourceRef(quote=" … ".join(quotes), article_title=first.article_title,
                                     publisher=first.publisher, date=first.date, url=first.url, line=first.line)


def _tags_of(facts: list[Fact]) -> list[str]:
    tags: list[str] = []
    for fact in facts:
        for tag in fact.tags:
            if tag not in tags:
                tags.append(tag)
    return tags


def timeline_questions(ctx: _Context) -> list[Question]:
    """"Put these events in order" from groups of 4 dated facts whose dates cannot overlap."""
    events = []
    for fact in ctx.bank.facts:
        if fact.kind != "date" or not isinstance(fact.value, DateValue) or fact.id not in ctx.spans:
            continue
        phrase = event_phrase(fact, ctx.spans[fact.id])
        if phrase:
            start, end = date_interval(fact.value)
            events.append((start, end, fact, phrase))
    # Earliest end first (interval scheduling): the precise "April 18, 2024" is taken before the vaguer
    # "April 2024" that contains it, which leaves room for more events in each group.
    events.sort(key=lambda e: (e[1], e[0], e[2].id))
    position = {id(e): i for i, e in enumerate(events)}

    def fits(group: list, event: tuple) -> bool:
        if not group:
            return True
        last = group[-1]
        phrases = {answer_key(e[3]) for e in group}
        # strictly after the previous event, and in a different month, so the order is unarguable
        return event[0] > last[1] and (event[0][0], event[0][1]) != (last[1][0], last[1][1]) and answer_key(event[3]) not in phrases

    groups = _greedy_groups(events, fits, position)
    if not groups:
        # A short article may date only three events apart; three in order still make a good item.
        groups = _greedy_groups(events, fits, position, size=GROUP_SIZE - 1)[:1]
    out: list[Question] = []
    for group in groups:
        facts = [e[2] for e in group]
        ids = [f.id for f in facts]
        explanation = " ".join(f.statement.strip() for f in facts)
        out.append(_question(
            id=f"timeline.{question_hash(ids)}", fact_id=ids[0], fact_ids=ids, kind="ordering",
            fact_kind="date", stem="Put these events in the order they happened, earliest first.",
            sequence=[e[3] for e in group], answer=" → ".join(e[3] for e in group),
            explanation=explanation, source=_multi_source(facts, ctx), tags=_tags_of(facts)))
    return out


def _greedy_groups(items: list, fits, position: dict, size: int = GROUP_SIZE) -> list[list]:
    """Groups of `size` taken in order; an item that does not fit the current group waits for the
    next pass. Each pass is linear, and there are at most MAX_GROUP_PASSES of them (a huge bank with
    many equal dates would otherwise need one pass per repeat: quadratic)."""
    groups: list[list] = []
    pending = items
    for _ in range(MAX_GROUP_PASSES):
        if len(pending) < size:
            break
        made = 0
        left: list = []
        group: list = []
        for item in pending:
            if fits(group, item):
                group.append(item)
                if len(group) == size:
                    groups.append(group)
                    made += 1
                    group = []
            else:
                left.append(item)
        if made == 0:
            break
        left.extend(group)
        left.sort(key=lambda item: position[id(item)])
        pending = left
    return groups


def matching_questions(ctx: _Context) -> list[Question]:
    """Matching from groups of 4 facts of one kind: claim <-> source, event <-> date,
    sentence <-> the entity or number that completes it."""
    pools: dict[tuple, list[tuple[Fact, str, str]]] = {}
    for fact in ctx.bank.facts:
        span = ctx.spans.get(fact.id)
        value = fact.value
        if span is None or value is None:
            continue
        right = fact.answer.strip()
        if fact.kind == "attribution" and isinstance(value, EntityValue):
            left = attributed_claim(fact, span)
            key = ("claim", value.entity_class)
        elif fact.kind == "date" and isinstance(value, DateValue):
            left = event_phrase(fact, span)
            key = ("date",)
        elif fact.kind == "entity" and isinstance(value, EntityValue):
            before, after = blank(fact.statement.strip(), span)
            left = f"{before}{BLANK}{after}" if len((before + after).split()) >= 3 else None
            # names of one sort only: beside an ocean, a river's sentence is matched by its sort alone
            key = ("entity", value.entity_class, name_sort(right, value.entity_class))
        elif fact.kind == "quantity" and isinstance(value, QuantityValue):
            if not any(map(str.isdigit, right)):
                continue  # "three" among "405 billion" and "8 billion" stands out: figures only
            before, after = blank(fact.statement.strip(), span)
            left = f"{before}{BLANK}{after}" if len((before + after).split()) >= 3 else None
            key = ("quantity",)
        else:
            continue
        if left:
            pools.setdefault(key, []).append((fact, left, right))

    out: list[Question] = []
    for key, pool in pools.items():
        position = {id(item): i for i, item in enumerate(pool)}

        # Each item's comparison keys (and date span), worked out once: fits() runs for every item
        # against every member of the group being filled, over several passes.
        # (two names of one person on the right would each match both left-hand sentences)
        keys_of = {id(item): (answer_key(item[1]), ctx.index.entity_key(answer_key(item[2]))) for item in pool}
        # names: "John" and "John of England" both fit "King ______ sealed it" (one may be the other)
        parts_of = {id(item): name_parts(item[2]) for item in pool} if key[0] in ("entity", "claim") else {}
        spans_of = {id(item): date_interval(item[0].value) for item in pool} if key == ("date",) else {}

        def fits(group: list, item: tuple, key: tuple = key, keys_of: dict = keys_of, spans_of: dict = spans_of,
                 parts_of: dict = parts_of) -> bool:
            if spans_of:
                start, end = spans_of[id(item)]
                for g in group:
                    g_start, g_end = spans_of[id(g)]
                    if not (end < g_start or g_end < start):
                        return False  # "April 2024" would also be right for an event of April 18, 2024
            item_left, item_right = keys_of[id(item)]
            for g in group:
                g_left, g_right = keys_of[id(g)]
                # a right-hand answer that appears in another left-hand text would give the pair away
                if item_right in g_left or g_right in item_left:
                    return False
                if item_left == g_left or item_right == g_right:
                    return False
                if parts_of and part_of_name(parts_of[id(item)], parts_of[id(g)]):
                    return False
            return True

        for group in _greedy_groups(pool, fits, position):
            facts = [g[0] for g in group]
            ids = [f.id for f in facts]
            out.append(_question(
                id=f"match.{question_hash(ids)}", fact_id=ids[0], fact_ids=ids, kind="matching",
                fact_kind=facts[0].kind, stem=_matching_stem(key),
                pairs=[MatchPair(left=g[1], right=g[2]) for g in group],
                answer="; ".join(f"{g[1]} → {g[2]}" for g in group),
                explanation=" ".join(f.statement.strip() for f in facts),
                source=_multi_source(facts, ctx), tags=_tags_of(facts)))
    return out


def _overlap(a: DateValue, b: DateValue) -> bool:
    a_start, a_end = date_interval(a)
    b_start, b_end = date_interval(b)
    return not (a_end < b_start or b_end < a_start)


def _matching_stem(key: tuple) -> str:
    if key[0] == "claim":
        who = "person" if key[1] == "person" else CLASS_NOUNS.get(key[1], "source")
        return f"Match each claim to the {who} that made it." if who != "person" else "Match each claim to the person who made it."
    if key[0] == "date":
        return "Match each event to its date."
    if key[0] == "entity":
        noun = "name" if key[1] == "person" else CLASS_NOUNS.get(key[1], "name")
        return f"Match each sentence to the {noun} that completes it."
    return "Match each sentence to the number that completes it."
