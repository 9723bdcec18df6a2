"""The study session: which questions to ask, grading, scheduling and recording each answer.

No terminal I/O here: the screen shows items and passes answers in; time comes from an injected
clock, so a whole session runs in tests without a terminal and without waiting.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import time
from dataclasses import dataclass, field
from typing import Iterable, Optional, Protocol, Sequence

from quizgen.errors import QuizgenError
from quizgen.model import LETTERS, FormItem, Question
from quizgen.generate.answers import matches
from quizgen.study.scheduler import AGAIN, StudyScheduler, card_due, derive_rating
from quizgen.study.store import AnswerRecord, CardRow, ProgressStore

MODES = ("quiz", "review")
# The order new questions of one fact are introduced in: recognise it first (multiple choice,
# true/false), recall it later (cloze, short answer, number).
KIND_ORDER = ("multiple_choice", "true_false", "cloze", "short_answer", "numeric", "ordering", "matching")
CHOICE_KINDS = {"multiple_choice", "true_false"}
LETTER_KINDS = {"ordering", "matching"}  # answered by typing letters ("CAB")
MAX_COUNTED_SECONDS = 600  # someone who walked away for an hour did not think for an hour


class Clock(Protocol):
    def now(self) -> dt.datetime: ...  # timezone-aware
    def monotonic(self) -> float: ...


class SystemClock:
    """The real clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)

    def monotonic(self) -> float:
        return time.monotonic()


def normalize_kinds(kinds: Optional[Iterable[str]]) -> Optional[list[str]]:
    """Full kind names from what a person typed ("mc,cloze" or repeated options); None = all kinds."""
    from quizgen.generate import resolve_kinds  # the spellings every command accepts

    resolved = resolve_kinds(list(kinds) if kinds else None)
    return [kind for kind in KIND_ORDER if kind in resolved] if resolved else None


def normalize_tags(tags: Optional[Iterable[str]]) -> Optional[list[str]]:
    if not tags:
        return None
    result = [t.strip() for chunk in tags for t in chunk.split(",") if t.strip()]
    return result or None


def keep_question(question: Question, kinds: Optional[Sequence[str]], tags: Optional[Sequence[str]]) -> bool:
    """Whether a question may be studied under the --kinds/--tags filters (never one with lint errors)."""
    if question.has_errors:
        return False
    if kinds and question.kind not in kinds:
        return False
    if tags and not set(tags) & set(question.tags):
        return False
    return True


def shuffled_item(question: Question, number: int, rng: random.Random) -> FormItem:
    """A FormItem with the parts of `question` in a random order (choices, events, right column)."""
    size = {"multiple_choice": len(question.choices), "ordering": len(question.sequence),
            "matching": len(question.pairs)}.get(question.kind, 0)
    order = list(range(size))
    if size > 1:
        for _ in range(10):  # an ordering shown in its answer order gives itself away
            rng.shuffle(order)
            if question.kind == "multiple_choice" or order != sorted(order):
                break
    return FormItem(number=number, question=question, order=order)


LEARN_AHEAD = dt.timedelta(minutes=20)  # like Anki: a card due in a few minutes is shown now


def end_of_local_day(moment: dt.datetime) -> dt.datetime:
    """The first instant of the next local day after `moment` (reviews due before it are due today)."""
    local = moment.astimezone()
    tomorrow = local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(tomorrow, dt.time(), tzinfo=local.tzinfo).astimezone(dt.timezone.utc)


def review_items(questions: Sequence[Question], cards: dict[str, CardRow], *, now: dt.datetime, new_limit: int,
                 due_limit: Optional[int], seed: int, kinds: Optional[Sequence[str]] = None,
                 tags: Optional[Sequence[str]] = None) -> list[FormItem]:
    """Today's review: cards due before the end of the local day (most overdue first), then up to
    `new_limit` questions never answered. One question per fact per session (like Anki's sibling
    burying): a fact asked as multiple choice is not asked again as cloze two questions later.
    New questions prefer facts never seen, in the order of the bank, recognition forms first.
    """
    candidates = [q for q in questions if keep_question(q, kinds, tags)]
    # Due today; and a question missed a moment ago (due in 10 minutes) counts even at 23:55.
    horizon = max(end_of_local_day(now), now.astimezone(dt.timezone.utc) + LEARN_AHEAD)
    due: list[tuple[dt.datetime, int, Question]] = []
    for position, question in enumerate(candidates):
        card = cards.get(question.id)
        if card is not None:
            when = card_due(card.card_json)
            if when < horizon:
                due.append((when, position, question))
    due.sort(key=lambda entry: (entry[0], entry[1]))
    picked: list[Question] = []
    facts_taken: set[str] = set()
    for _, _, question in due:
        if due_limit is not None and len(picked) >= due_limit:
            break
        if question.fact_id in facts_taken:
            continue
        picked.append(question)
        facts_taken.add(question.fact_id)
    seen_facts = {card.fact_id for card in cards.values()}
    fact_order: dict[str, int] = {}
    for question in candidates:
        fact_order.setdefault(question.fact_id, len(fact_order))
    fresh = [q for q in candidates if q.id not in cards]
    fresh.sort(key=lambda q: (q.fact_id in seen_facts, fact_order[q.fact_id], KIND_ORDER.index(q.kind), q.id))
    added = 0
    for question in fresh:
        if added >= new_limit:
            break
        if question.fact_id in facts_taken:
            continue
        picked.append(question)
        facts_taken.add(question.fact_id)
        added += 1
    return [shuffled_item(q, n, random.Random(f"{seed}:{q.id}")) for n, q in enumerate(picked, 1)]


def quiz_items(questions: Sequence[Question], *, count: int, seed: int, kinds: Optional[Sequence[str]] = None,
               tags: Optional[Sequence[str]] = None) -> list[FormItem]:
    """The items of one seeded quiz form (form A of `quizgen quiz` with the same seed and options).

    A learner asking for more questions than the bank has gets all there are (one per fact), not
    an error: the caller sees the shorter list and can say so.
    """
    from quizgen.assemble import assemble_forms

    usable = [q for q in questions if keep_question(q, kinds, tags)]
    for size in range(min(count, len(usable)), 0, -1):
        try:
            forms = assemble_forms(usable, count=size, forms=1, seed=seed)
        except QuizgenError:  # fewer questions fit than `size` (at most one per fact): try one fewer
            continue
        return list(forms[0].items)
    return []


# ----------------------------------------------------------------------------------------------
# Answers and outcomes


@dataclass(frozen=True)
class Answer:
    """What the learner gave: a choice index (choice kinds), text (typed kinds), or a skip."""

    choice: Optional[int] = None
    text: Optional[str] = None
    skipped: bool = False

    @classmethod
    def skip(cls) -> "Answer":
        return cls(skipped=True)


@dataclass
class Outcome:
    """The graded, scheduled and stored result of one answer."""

    item: FormItem
    result: str  # right | wrong | skipped
    response: str
    key: str  # the correct answer as shown to the learner
    duration_ms: int
    rating: Optional[int] = None
    due: Optional[dt.datetime] = None
    interval: Optional[dt.timedelta] = None
    answer_id: int = 0

    @property
    def correct(self) -> bool:
        return self.result == "right"


@dataclass
class Summary:
    """The end of a session (or of one round of it)."""

    asked: int
    right: int
    wrong: int
    skipped: int
    seconds: float
    missed: list[Outcome] = field(default_factory=list)

    @property
    def score_text(self) -> str:
        percent = round(100 * self.right / self.asked) if self.asked else 0
        return f"{self.right}/{self.asked} ({percent}%)"


def choice_count(item: FormItem) -> int:
    q = item.question
    return len(item.choices) if q.kind in CHOICE_KINDS else 0


def key_text(item: FormItem) -> str:
    """The key as the learner reads it in feedback: "B) Open Compute Project", "True", "C, A, B"."""
    q = item.question
    if q.kind == "multiple_choice":
        index = next(i for i, c in enumerate(item.choices) if c.correct)
        return f"{LETTERS[index]}) {item.choices[index].text}"
    if q.kind == "true_false":
        return next(c.text for c in q.choices if c.correct)
    if q.kind in LETTER_KINDS:
        return item.key
    return q.answer


def words_to_read(item: FormItem) -> int:
    q = item.question
    texts = [q.stem, *(c.text for c in item.choices if q.kind in CHOICE_KINDS), *item.shown_sequence,
             *(p.left for p in q.pairs), *item.shown_right]
    if q.cloze is not None:
        texts.append(q.cloze.before + q.cloze.after)
    return sum(len(t.split()) for t in texts)


def _letters(text: str) -> str:
    return re.sub(r"[^A-Z]", "", text.upper())


class StudySession:
    """One sitting: ask items, grade each answer, schedule it with FSRS, commit it, report."""

    def __init__(self, store: ProgressStore, *, bank_id: str, mode: str, items: Sequence[FormItem],
                 seed: int, clock: Optional[Clock] = None, scheduler: Optional[StudyScheduler] = None):
        if mode not in MODES:
            raise QuizgenError(f'unknown study mode "{mode}"; use quiz or review')
        self.store = store
        self.bank_id = bank_id
        self.mode = mode
        self.seed = seed
        self.items = list(items)
        self.clock = clock or SystemClock()
        self.scheduler = scheduler or StudyScheduler()
        self.outcomes: list[Outcome] = []
        self.round = 1
        self._round_start = 0  # index in outcomes where the current round began
        self._shown_at: Optional[float] = None
        self._started = self._round_started = self.clock.monotonic()
        self.session_id = store.start_session(bank_id, mode, seed, self.clock.now().isoformat())

    def show(self, item: FormItem) -> None:
        """Note that `item` is on screen now (its answer time counts from here)."""
        self._shown_at = self.clock.monotonic()

    def submit(self, item: FormItem, answer: Answer) -> Outcome:
        """Grade, schedule and durably record one answer; returns what to show as feedback."""
        shown_at = self._shown_at if self._shown_at is not None else self.clock.monotonic()
        elapsed = max(0.0, min(self.clock.monotonic() - shown_at, MAX_COUNTED_SECONDS))
        duration_ms = int(round(elapsed * 1000))
        self._shown_at = None
        question = item.question
        now = self.clock.now().astimezone(dt.timezone.utc)
        result, response = self._grade(item, answer)
        card_row: Optional[CardRow] = None
        rating = due = interval = review_log = None
        if result != "skipped":
            rating = derive_rating(
                correct=result == "right",
                recall=question.kind not in CHOICE_KINDS,
                duration_ms=duration_ms,
                words_to_read=words_to_read(item),
                answer_chars=len(response),
            )
            previous = self.store.card(self.bank_id, question.id)
            reviewed = self.scheduler.review(
                previous.card_json if previous else None, bank_id=self.bank_id, question_id=question.id,
                rating=rating, now=now, duration_ms=duration_ms,
            )
            lapsed = rating == AGAIN and previous is not None and previous.state == 2  # forgot a learned card
            card_row = CardRow(
                bank_id=self.bank_id, question_id=question.id, fact_id=question.fact_id,
                card_json=reviewed.card_json, state=reviewed.state, due=reviewed.due_iso,
                stability=reviewed.stability, reviews=(previous.reviews if previous else 0) + 1,
                lapses=(previous.lapses if previous else 0) + int(lapsed),
            )
            due, interval, review_log = reviewed.due, reviewed.interval, reviewed.review_log_json
        record = AnswerRecord(
            bank_id=self.bank_id, question_id=question.id, fact_id=question.fact_id, kind=question.kind,
            tags=list(question.tags), mode=self.mode, response=response, outcome=result,
            duration_ms=duration_ms, answered_at=now.isoformat(), session_id=self.session_id,
            rating=rating, due_after=due.astimezone(dt.timezone.utc).isoformat() if due else None,
            review_log=review_log,
        )
        answer_id = self.store.record_answer(record, card_row)
        outcome = Outcome(item=item, result=result, response=response, key=key_text(item),
                          duration_ms=duration_ms, rating=rating, due=due, interval=interval, answer_id=answer_id)
        self.outcomes.append(outcome)
        return outcome

    def _grade(self, item: FormItem, answer: Answer) -> tuple[str, str]:
        question = item.question
        if answer.skipped:
            return "skipped", ""
        if question.kind in CHOICE_KINDS:
            choices = item.choices
            if answer.choice is None or not 0 <= answer.choice < len(choices):
                raise ValueError(f"choice {answer.choice} out of range for {question.id}")
            chosen = choices[answer.choice]
            label = chosen.text if question.kind == "true_false" else f"{LETTERS[answer.choice]}) {chosen.text}"
            return ("right" if chosen.correct else "wrong"), label
        text = (answer.text or "").strip()
        if question.kind in LETTER_KINDS:
            given = _letters(text)
            # Ordering "C, A, B" and matching "1-B, 2-A" keys both reduce to their letters in order.
            return ("right" if given == _letters(item.key) else "wrong"), text
        return ("right" if matches(question, text) else "wrong"), text

    # -- rounds and summaries -----------------------------------------------------------------

    def round_outcomes(self) -> list[Outcome]:
        return self.outcomes[self._round_start:]

    def round_summary(self) -> Summary:
        """Totals of the current round (the first run, or a retry of the missed)."""
        return self.summary(self.round_outcomes(), since=self._round_started)

    def summary(self, outcomes: Optional[list[Outcome]] = None, *, since: Optional[float] = None) -> Summary:
        """Totals of the whole session (or of the given outcomes, timed from `since`)."""
        outcomes = self.outcomes if outcomes is None else outcomes
        right = sum(o.result == "right" for o in outcomes)
        wrong = sum(o.result == "wrong" for o in outcomes)
        skipped = sum(o.result == "skipped" for o in outcomes)
        return Summary(asked=len(outcomes), right=right, wrong=wrong, skipped=skipped,
                       seconds=self.clock.monotonic() - (self._started if since is None else since),
                       missed=[o for o in outcomes if not o.correct])

    def retry_missed(self) -> list[FormItem]:
        """A new round of the items missed in this round, parts reshuffled (so the letter is not remembered)."""
        missed = [o.item for o in self.round_outcomes() if not o.correct]
        self.round += 1
        self._round_start = len(self.outcomes)
        self._round_started = self.clock.monotonic()
        self.items = [
            shuffled_item(item.question, n, random.Random(f"{self.seed}:{self.round}:{item.question.id}"))
            for n, item in enumerate(missed, 1)
        ]
        return self.items

    def finish(self) -> None:
        self.store.end_session(self.session_id, self.clock.now().isoformat())


def describe_interval(interval: Optional[dt.timedelta]) -> str:
    """"in 10 minutes", "in 3 days", "in 2 months" for the feedback line."""
    if interval is None:
        return ""
    seconds = interval.total_seconds()
    if seconds < 3600:
        minutes = max(1, round(seconds / 60))
        return f"in {minutes} minute{'s' if minutes != 1 else ''}"
    if seconds < 86400:
        hours = round(seconds / 3600)
        return f"in {hours} hour{'s' if hours != 1 else ''}"
    days = round(seconds / 86400)
    if days < 60:
        return f"in {days} day{'s' if days != 1 else ''}"
    months = round(days / 30.4)
    if months < 24:
        return f"in {months} months"
    return f"in {round(days / 365)} years"

