"""Watching the forked workers of quizgen.workers in tests."""

from __future__ import annotations

import pytest

from quizgen import workers


def record_started_workers(monkeypatch: pytest.MonkeyPatch) -> list:
    """Patch start_worker so that every worker that really starts is appended to the returned list
    (a test can then check that the worker path was taken, and how each worker ended)."""
    started: list = []
    real_start = workers.start_worker

    def start(work):
        worker = real_start(work)
        if worker is not None:
            started.append(worker)
        return worker

    monkeypatch.setattr(workers, "start_worker", start)
    return started
