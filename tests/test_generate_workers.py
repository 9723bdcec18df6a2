"""A big bank is generated on two cores (a forked worker takes the later facts): the questions, their
lint findings and their order are exactly those of one process, whatever the worker does.

The thresholds are lowered so that small banks take the worker path; each test checks that a worker
really ran, so that it cannot pass by silently generating in one process.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers_generate import date_fact, write_bank
from helpers_workers import record_started_workers

import quizgen.generate as generate
from quizgen import workers
from quizgen.generate import generate_questions
from quizgen.loading import load_bank
from quizgen.model import question_data

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not workers.workers_available(), reason="a worker needs fork and two cores")


@pytest.fixture
def worker_runs(monkeypatch):
    """Small banks take the worker path, batches of 7 facts (so the worker writes many frames);
    returns the list of workers that started."""
    monkeypatch.setattr(generate, "PARALLEL_MIN_FACTS", 2)
    monkeypatch.setattr(generate, "FACTS_PER_BATCH", 7)
    return record_started_workers(monkeypatch)


def _one_process(bank, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setenv("QUIZGEN_WORKERS", "1")
        return [question_data(q) for q in generate_questions(bank)]


@pytest.mark.parametrize("bank_ref", ["llama-3-2024", str(ROOT / "tests" / "data" / "banks" / "escaping")])
def test_a_worker_gives_the_very_questions_of_one_process(bank_ref, worker_runs, monkeypatch):
    bank = load_bank(bank_ref)
    alone = _one_process(bank, monkeypatch)
    together = [question_data(q) for q in generate_questions(bank)]
    assert worker_runs
    assert together == alone
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # the worker was reaped: no zombie left


def test_a_near_duplicate_across_the_split_names_the_first_question(tmp_path, worker_runs, monkeypatch):
    # "a" is made by this process, "f" (the same question) by the worker: only this process can
    # see that "f" repeats "a", and the warning must say so as a single process would.
    facts = [date_fact("a", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day",
                       prompt="On what date did Meta release Llama 3?")]
    for n, name in enumerate("bcde"):
        facts.append(date_fact(name, f"Team {name} shipped model {n} on May {n + 3}, 2023.", f"May {n + 3}, 2023",
                               f"2023-05-{n + 3:02d}", "day", prompt=f"On what date did team {name} ship model {n}?"))
    facts.append(date_fact("f", "Meta made Llama 3 available on April 18, 2024.", "April 18, 2024", "2024-04-18",
                           "day", prompt="On what date did Meta release Llama 3?"))
    # and a fact whose questions the worker lints with an error, which must reach this process whole
    facts.append(date_fact("g", "It came out on June 3, 2022.", "June 3, 2022", "2022-06-03", "day"))
    bank = write_bank(tmp_path, facts)
    alone = _one_process(bank, monkeypatch)
    questions = generate_questions(bank)
    assert worker_runs
    assert int(len(bank.facts) * generate.OWN_SHARE) <= 5  # "f" and "g" are on the worker's side
    warned = {q.id: [f.message for f in q.lint] for q in questions if q.lint}
    assert warned["f.short"] == ["asks nearly the same as a.short"]
    pronoun = next(f for q in questions if q.fact_id == "g" for f in q.lint if f.code == "unresolved-pronoun")
    assert pronoun.severity == "error" and pronoun.location.endswith(f"facts.yaml:{bank.fact_lines['g']}")
    assert [question_data(q) for q in questions] == alone


def test_a_failing_worker_leaves_the_work_to_this_process(worker_runs, monkeypatch):
    bank = load_bank(None)
    alone = _one_process(bank, monkeypatch)

    def crash(*_args, **_kwargs):
        raise RuntimeError("the worker dies")

    monkeypatch.setattr(generate, "_later_questions_packed", crash)
    together = [question_data(q) for q in generate_questions(bank)]
    assert worker_runs
    assert together == alone


def test_a_worker_dying_midway_leaves_the_rest_to_this_process(worker_runs, monkeypatch):
    # The frames it finished are taken (read as they were written); the facts of the frames it never
    # wrote are made here, and the result is still exactly one process's.
    bank = load_bank(None)
    alone = _one_process(bank, monkeypatch)
    real_packed = generate._later_questions_packed

    def dies_after_two_frames(*args, **kwargs):
        for n, frame in enumerate(real_packed(*args, **kwargs)):
            if n == 2:
                raise RuntimeError("the worker dies")
            yield frame

    monkeypatch.setattr(generate, "_later_questions_packed", dies_after_two_frames)
    unpacked: list[int] = []
    real_unpacked = generate._unpacked
    monkeypatch.setattr(generate, "_unpacked", lambda data, ctx: unpacked.append(1) or real_unpacked(data, ctx))
    together = [question_data(q) for q in generate_questions(bank)]
    assert worker_runs and not worker_runs[0].succeeded
    assert len(unpacked) == 2  # the two frames written before the worker died were used
    assert together == alone
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_workers_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("QUIZGEN_WORKERS", "1")
    assert not workers.workers_available()
    assert workers.start_worker(lambda: [b"never"]) is None


def test_without_a_temporary_folder_this_process_does_the_work(monkeypatch, tmp_path):
    monkeypatch.setattr(workers.tempfile, "tempdir", str(tmp_path / "missing"))
    assert workers.start_worker(lambda: [b"never"]) is None
