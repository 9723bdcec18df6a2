"""Spaced repetition with FSRS (py-fsrs 6). The only module that imports fsrs.

Cards are stored as `fsrs.Card.to_json()` per question; reviews produce `fsrs.ReviewLog` JSON that is
kept with each answer, so the schedule can be recomputed (or re-optimised) from the log later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Optional

from fsrs import Card, Rating, Scheduler, State

AGAIN, HARD, GOOD, EASY = int(Rating.Again), int(Rating.Hard), int(Rating.Good), int(Rating.Easy)
RATING_NAMES = {AGAIN: "again", HARD: "hard", GOOD: "good", EASY: "easy"}
STATE_NAMES = {int(State.Learning): "learning", int(State.Review): "review", int(State.Relearning): "relearning"}

# One short step: a wrong answer comes back in 10 minutes (the same day's session or its retry round),
# a right one graduates to day-long intervals at once. Anki's default (1 min, 10 min) would bring every
# right answer back a second time the same day, which for a few dozen facts of one article is busywork.
LEARNING_STEPS = (dt.timedelta(minutes=10),)
RELEARNING_STEPS = (dt.timedelta(minutes=10),)

# Reading speed used to judge how long an answer "should" take (about 240 words a minute), plus a
# fixed moment to think and press a key, and typing time for typed answers.
_WORDS_PER_SECOND = 4.0
_BASE_SECONDS = 3.0
_CHARS_PER_SECOND = 5.0


def derive_rating(*, correct: bool, recall: bool, duration_ms: int, words_to_read: int, answer_chars: int = 0) -> int:
    """The FSRS rating of one answer, from its correctness and how long it took.

    Wrong is Again. A right answer is judged against the time a person needs to read the question
    (and type the answer): slow (over 2.5x that) is Hard, otherwise Good; a quick right answer to a
    typed question (recall: cloze, short, numeric) is Easy. Recognition answers (multiple choice,
    true/false) are never Easy: a guess is right 25-50% of the time, and Easy would push a guessed
    card weeks away.
    """
    if not correct:
        return AGAIN
    expected = _BASE_SECONDS + words_to_read / _WORDS_PER_SECOND
    if recall:
        expected += answer_chars / _CHARS_PER_SECOND
    seconds = duration_ms / 1000.0
    if seconds > 2.5 * expected:
        return HARD
    if recall and seconds <= 0.75 * expected:
        return EASY
    return GOOD


@dataclass
class ReviewResult:
    """A card after one review, ready to store."""

    card_json: str
    state: int
    due: dt.datetime
    stability: Optional[float]
    review_log_json: str
    interval: dt.timedelta  # due - review time

    @property
    def due_iso(self) -> str:
        return self.due.astimezone(dt.timezone.utc).isoformat()


class StudyScheduler:
    """FSRS with quizgen's settings: no fuzz (same answers give the same schedule), 10-minute steps."""

    def __init__(self, desired_retention: float = 0.9):
        # Fuzzing would spread due dates with the global `random` module: schedules would differ
        # between runs with the same answers, which makes them untestable and irreproducible. With
        # a bank of tens of questions the load-spreading it buys does not matter.
        self._fsrs = Scheduler(
            desired_retention=desired_retention,
            learning_steps=LEARNING_STEPS,
            relearning_steps=RELEARNING_STEPS,
            enable_fuzzing=False,
        )

    @staticmethod
    def card_id(bank_id: str, question_id: str) -> int:
        """A stable positive 63-bit id from content identity (fsrs' default is the creation time)."""
        digest = hashlib.sha256(f"{bank_id}\x00{question_id}".encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") >> 1

    def review(self, card_json: Optional[str], *, bank_id: str, question_id: str, rating: int,
               now: dt.datetime, duration_ms: int) -> ReviewResult:
        """Review a stored card (or a new one when `card_json` is None) with `rating` at `now` (UTC)."""
        now = now.astimezone(dt.timezone.utc)
        if card_json is None:
            card = Card(card_id=self.card_id(bank_id, question_id), due=now)
        else:
            card = Card.from_json(card_json)
        new_card, log = self._fsrs.review_card(card, Rating(rating), review_datetime=now, review_duration=duration_ms)
        return ReviewResult(
            card_json=new_card.to_json(),
            state=int(new_card.state),
            due=new_card.due,
            stability=new_card.stability,
            review_log_json=log.to_json(),
            interval=new_card.due - now,
        )

    def retrievability(self, card_json: str, now: dt.datetime) -> float:
        """The predicted chance (0-1) that the learner recalls this card at `now`."""
        return float(self._fsrs.get_card_retrievability(Card.from_json(card_json), now.astimezone(dt.timezone.utc)))


def card_due(card_json: str) -> dt.datetime:
    """The due time of a stored card."""
    return Card.from_json(card_json).due


def card_interval(card_json: str) -> Optional[dt.timedelta]:
    """due - last review of a stored card (None before its first review)."""
    card = Card.from_json(card_json)
    return card.due - card.last_review if card.last_review else None
