"""Study statistics from the progress database: totals, accuracy per kind and tag, weakest facts,
streak and the review forecast. Pure computation over the store; rendering lives in screen.py."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any, Optional

from quizgen.study.scheduler import STATE_NAMES, card_due
from quizgen.study.store import ProgressStore, StoredAnswer

FORECAST_DAYS = 7
WEAKEST_FACTS = 5


def _tally(answers: list[StoredAnswer]) -> dict[str, Any]:
    counts = Counter(a.outcome for a in answers)
    total = len(answers)
    return {
        "answers": total,
        "right": counts["right"],
        "wrong": counts["wrong"],
        "skipped": counts["skipped"],
        # A skip is an answer the learner did not know: it counts against accuracy.
        "accuracy": round(counts["right"] / total, 4) if total else None,
    }


def local_date(iso: str) -> dt.date:
    return dt.datetime.fromisoformat(iso).astimezone().date()


def compute_stats(store: ProgressStore, *, now: dt.datetime, bank_id: Optional[str] = None,
                  statements: Optional[dict[str, str]] = None) -> dict[str, Any]:
    """Everything `quizgen stats` shows, as plain JSON-ready data."""
    answers = store.answers(bank_id)
    cards = store.cards(bank_id)
    today = now.astimezone().date()

    by_kind: dict[str, list[StoredAnswer]] = defaultdict(list)
    by_tag: dict[str, list[StoredAnswer]] = defaultdict(list)
    by_fact: dict[tuple[str, str], list[StoredAnswer]] = defaultdict(list)
    for answer in answers:
        by_kind[answer.kind].append(answer)
        for tag in answer.tags or ["(untagged)"]:
            by_tag[tag].append(answer)
        by_fact[(answer.bank_id, answer.fact_id)].append(answer)

    weakest = []
    for (bank, fact_id), fact_answers in by_fact.items():
        tally = _tally(fact_answers)
        if tally["right"] == tally["answers"]:
            continue
        entry = {"bank_id": bank, "fact_id": fact_id, **tally, "last_answered": fact_answers[-1].answered_at}
        if statements and fact_id in statements:
            entry["statement"] = statements[fact_id]
        weakest.append(entry)
    weakest.sort(key=lambda e: (e["accuracy"], -e["wrong"] - e["skipped"], e["fact_id"]))

    days_studied = {local_date(a.answered_at) for a in answers}
    streak = 0
    day = today if today in days_studied else today - dt.timedelta(days=1)
    while day in days_studied:
        streak += 1
        day -= dt.timedelta(days=1)

    forecast_counts = Counter()
    states = Counter()
    for card in cards.values():
        states[STATE_NAMES.get(card.state, str(card.state))] += 1
        due_day = card_due(card.card_json).astimezone().date()
        forecast_counts[max(0, (due_day - today).days)] += 1
    forecast = [
        {"date": (today + dt.timedelta(days=offset)).isoformat(), "due": forecast_counts.get(offset, 0)}
        for offset in range(FORECAST_DAYS)
    ]

    return {
        "database": str(store.path),
        "bank": bank_id,
        "generated_at": now.astimezone(dt.timezone.utc).isoformat(),
        "totals": _tally(answers),
        "by_kind": {kind: _tally(items) for kind, items in sorted(by_kind.items())},
        "by_tag": {tag: _tally(items) for tag, items in sorted(by_tag.items())},
        "weakest_facts": weakest[:WEAKEST_FACTS],
        "streak": {"days": streak, "studied_today": today in days_studied,
                   "last_day": max(days_studied).isoformat() if days_studied else None},
        "cards": {"total": len(cards), **{name: states.get(name, 0) for name in STATE_NAMES.values()},
                  "due_today": forecast_counts.get(0, 0)},
        "forecast": forecast,
        "answers": [
            {"id": a.id, "bank_id": a.bank_id, "question_id": a.question_id, "fact_id": a.fact_id, "kind": a.kind,
             "mode": a.mode, "response": a.response, "outcome": a.outcome, "rating": a.rating,
             "duration_ms": a.duration_ms, "answered_at": a.answered_at}
            for a in answers
        ],
    }
