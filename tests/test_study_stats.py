"""Statistics over stored answers: totals, per kind and tag, weakest facts, streak, forecast."""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest
from study_questions import FakeClock, every_kind

from quizgen.study.session import Answer, StudySession, shuffled_item
from quizgen.study.stats import compute_stats
from quizgen.study.store import ProgressStore


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch):
    """Days, streaks and forecasts follow the local calendar: pin it so the dates below hold anywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _session(store, questions, clock):
    items = [shuffled_item(q, n, random.Random(n)) for n, q in enumerate(questions, 1)]
    return StudySession(store, bank_id="bank", mode="review", items=items, seed=1, clock=clock)


def _give(session, item, right: bool):
    q = item.question
    session.show(item)
    session.clock.advance(5)
    if q.kind in ("multiple_choice", "true_false"):
        answer = Answer(choice=next(i for i, c in enumerate(item.choices) if c.correct == right))
    elif right:
        answer = Answer(text=item.key if q.kind in ("ordering", "matching") else q.answer)
    else:
        answer = Answer(text="wrong")
    return session.submit(item, answer)


def test_stats_count_kinds_tags_weakest_streak_and_forecast(tmp_path):
    clock = FakeClock(dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.timezone.utc))
    questions = every_kind()
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        session = _session(store, questions, clock)
        mc, tf, cloze, numeric = session.items[:4]
        _give(session, mc, True)
        _give(session, tf, False)
        _give(session, numeric, False)
        clock.advance(days=1)
        _give(session, cloze, True)
        _give(session, numeric, False)
        session.submit(session.items[4], Answer.skip())
        clock.advance(days=1)
        _give(session, numeric, True)
        data = compute_stats(store, now=clock.now(), statements={"downloads": "Llama was downloaded 1.2 million times."})

    assert data["totals"] == {"answers": 7, "right": 3, "wrong": 3, "skipped": 1, "accuracy": round(3 / 7, 4)}
    assert data["by_kind"]["numeric"] == {"answers": 3, "right": 1, "wrong": 2, "skipped": 0, "accuracy": round(1 / 3, 4)}
    assert data["by_tag"]["numbers"]["answers"] == 3 and data["by_tag"]["markup"]["right"] == 1
    weakest = [(f["fact_id"], f["accuracy"]) for f in data["weakest_facts"]]
    assert weakest[:2] == [("hebrew", 0.0), ("release", 0.0)]  # never right first, ties by id
    assert weakest[2] == ("downloads", round(1 / 3, 4))
    assert data["weakest_facts"][2]["statement"] == "Llama was downloaded 1.2 million times."
    assert data["streak"] == {"days": 3, "studied_today": True, "last_day": "2026-03-04"}
    assert [a["outcome"] for a in data["answers"]] == ["right", "wrong", "wrong", "right", "wrong", "skipped", "right"]
    # Forecast: 7 days from today; the cards answered wrong (tf) are due today, the rest later.
    assert [d["date"] for d in data["forecast"]] == [f"2026-03-{day:02d}" for day in range(4, 11)]
    assert data["forecast"][0]["due"] >= 1
    assert sum(d["due"] for d in data["forecast"]) <= data["cards"]["total"] == 4


def test_streak_survives_until_the_day_is_over_and_breaks_after_a_gap(tmp_path):
    clock = FakeClock(dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.timezone.utc))
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        session = _session(store, every_kind()[:1], clock)
        _give(session, session.items[0], True)
        clock.advance(days=1)
        assert compute_stats(store, now=clock.now())["streak"]["days"] == 1  # not yet studied today: still alive
        assert compute_stats(store, now=clock.now())["streak"]["studied_today"] is False
        clock.advance(days=1)
        assert compute_stats(store, now=clock.now())["streak"]["days"] == 0
