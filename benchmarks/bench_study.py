"""Benchmark: processing one study answer (grade, FSRS schedule, commit to SQLite) - median and p90.

Run by hand: .venv/bin/python benchmarks/bench_study.py [--answers N]
Target (issue 7): median <= 20 ms. The commit is durable (WAL, synchronous=FULL: one fsync per
answer), so the number depends mostly on the disk's fsync latency; the temp folder is used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from quizgen.generate import generate_questions
from quizgen.loading import load_bank
from quizgen.study.session import Answer, StudySession, review_items
from quizgen.study.store import ProgressStore


class _Clock:
    def __init__(self) -> None:
        self._now = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc)

    def now(self) -> dt.datetime:
        return self._now

    def monotonic(self) -> float:
        return time.monotonic()

    def advance_days(self, days: float) -> None:
        self._now += dt.timedelta(days=days)


def _answer_for(item, n: int) -> Answer:
    q = item.question
    if n % 5 == 4:  # some wrong answers: lapses and relearning are part of the mix
        if q.kind in ("multiple_choice", "true_false"):
            return Answer(choice=next(i for i, c in enumerate(item.choices) if not c.correct))
        return Answer(text="not the answer")
    if q.kind in ("multiple_choice", "true_false"):
        return Answer(choice=next(i for i, c in enumerate(item.choices) if c.correct))
    if q.kind in ("ordering", "matching"):
        return Answer(text=item.key)
    return Answer(text=q.answer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=400)
    args = parser.parse_args()
    questions = [q for q in generate_questions(load_bank(None)) if not q.has_errors]
    clock = _Clock()
    timings: list[float] = []
    with tempfile.TemporaryDirectory() as folder, ProgressStore.open(Path(folder) / "bench.sqlite3") as store:
        cards = {}
        day = 0
        while len(timings) < args.answers:
            items = review_items(questions, cards, now=clock.now(), new_limit=len(questions), due_limit=None, seed=day)
            session = StudySession(store, bank_id="bench", mode="review", items=items, seed=day, clock=clock)
            for n, item in enumerate(items):
                answer = _answer_for(item, n + day)
                session.show(item)
                start = time.perf_counter()
                session.submit(item, answer)  # grade + schedule + durable commit
                timings.append(time.perf_counter() - start)
            session.finish()
            cards = {qid: card for (_, qid), card in store.cards("bench").items()}
            clock.advance_days(3)
            day += 1
        answers = len(store.answers())
    ms = sorted(t * 1000 for t in timings)
    print(f"{len(questions)} questions, {answers} answers over {day} simulated days")
    print(f"answer processing (grade, schedule, commit): median {statistics.median(ms):.2f} ms, "
          f"p90 {ms[int(0.9 * len(ms))]:.2f} ms, max {ms[-1]:.2f} ms")


if __name__ == "__main__":
    main()
