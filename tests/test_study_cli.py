"""`quizgen study` and `quizgen stats` through the command line (CliRunner: stdin is a pipe)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import datetime as dt
import time

import pytest
from click.testing import CliRunner

from quizgen.cli import main
from quizgen.study import session as session_module

ESCAPING_BANK = str(Path(__file__).parent / "data" / "banks" / "escaping")


@pytest.fixture(autouse=True)
def midday(monkeypatch):
    """"Today" and "tomorrow" follow the local calendar, and a missed card comes back in 10 minutes:
    a run in the last minutes before midnight would see it due tomorrow. Pin the local zone to UTC and
    the clock to noon of today, running on from there in real time."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    start = time.monotonic()
    noon = dt.datetime.now(dt.timezone.utc).replace(hour=12, minute=0, second=0, microsecond=0)
    monkeypatch.setattr(session_module.SystemClock, "now",
                        lambda self: noon + dt.timedelta(seconds=time.monotonic() - start))
    yield
    monkeypatch.undo()
    time.tzset()


def _run(*args, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env=env)


def _stats(db, *extra):
    result = _run("stats", "--db", str(db), "--json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_quiz_session_from_piped_answers_is_scored_and_stored(tmp_path):
    db = tmp_path / "p.sqlite3"
    result = _run("study", "--mode", "quiz", "--count", "5", "--seed", "2", "--kinds", "mc,tf", "--db", str(db),
                  input="a\nb\ns\n1\n2\nn\n")
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.output
    assert result.output.count("-- Question") == 5
    assert "-- Done --" in result.output and "(1 skipped)" in result.output
    wrong = result.output.count("\u2717 Wrong")
    assert f"Coming up: {wrong} more today, " in result.output if wrong else "Coming up: 0 tomorrow" in result.output
    stats = _stats(db)
    assert [a["outcome"] == "skipped" for a in stats["answers"]] == [False, False, True, False, False]
    assert {a["kind"] for a in stats["answers"]} <= {"multiple_choice", "true_false"}
    assert stats["totals"]["answers"] == 5
    # Every printed verdict is the stored one, in order.
    verdicts = [line.split()[1].lower() for line in result.output.splitlines()
                if line.startswith(("\u2713 ", "\u2717 ", "\u2192 "))]
    assert verdicts == [a["outcome"] for a in stats["answers"]]


def test_same_seed_gives_the_same_quiz(tmp_path):
    outputs = [_run("study", "--mode", "quiz", "--count", "4", "--seed", "9", "--db", str(tmp_path / f"{n}.sqlite3"),
                    input="q\n").output for n in range(2)]
    assert outputs[0].split("progress saved in")[0] == outputs[1].split("progress saved in")[0]
    first_question = lambda out: out.split("-- Question 1")[1].split("Answer")[0]  # noqa: E731
    assert first_question(outputs[0]) == first_question(outputs[1])


def test_review_brings_back_missed_questions_and_respects_new(tmp_path):
    db = tmp_path / "p.sqlite3"
    first = _run("study", "--new", "3", "--seed", "1", "--kinds", "mc", "--db", str(db), input="s\nd\nd\nn\n")
    assert first.exit_code == 0, first.output
    assert first.output.count("-- Question") == 3
    answered = _stats(db)["answers"]
    wrong = [a["question_id"] for a in answered if a["outcome"] == "wrong"]
    assert wrong and answered[0]["outcome"] == "skipped"
    # Wrong answers are due again in 10 minutes (today); the skip left its question unscheduled, so
    # with --new 0 only the wrong ones come back.
    second = _run("study", "--new", "0", "--seed", "1", "--kinds", "mc", "--db", str(db),
                  input="a\n" * len(wrong) + "n\n")
    assert f"Review \u00b7 {len(wrong)} question" in second.output
    assert [a["question_id"] for a in _stats(db)["answers"][len(answered):]] == wrong


def test_nothing_due_says_what_to_do(tmp_path):
    result = _run("study", "--new", "0", "--db", str(tmp_path / "p.sqlite3"))
    assert result.exit_code == 0
    assert "Nothing due today. Learn more with --new N, or take a quiz with --mode quiz." in result.output


def test_escaping_bank_prints_its_texts_literally(tmp_path):
    db = tmp_path / "p.sqlite3"
    result = _run("study", ESCAPING_BANK, "--new", "50", "--seed", "1", "--db", str(db), input="s\n" * 60 + "n\n")
    assert result.exit_code == 0, result.output
    for text in ['<script>alert("x")</script>', "$5 # 10 * 2 _ [draft] {v1} \\path ~ = :", "{{c1::cloze}}",
                 "שלום", "Ada O'Neil"]:
        assert text in result.output, text


def test_corrupt_database_is_an_error_and_untouched(tmp_path):
    db = tmp_path / "p.sqlite3"
    db.write_bytes(b"not a database" * 100)
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    for args in (["study", "--db", str(db)], ["stats", "--db", str(db)]):
        result = _run(*args, input="q\n")
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: {db} is not an SQLite database")
        assert "Traceback" not in result.output
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest


def test_stats_without_a_database_says_how_to_start(tmp_path):
    result = _run("stats", "--db", str(tmp_path / "none.sqlite3"))
    assert result.exit_code == 1
    assert "no progress database at" in result.output and "quizgen study" in result.output


def test_stats_for_people_show_kinds_tags_weakest_and_forecast(tmp_path):
    db = tmp_path / "p.sqlite3"
    _run("study", "--mode", "quiz", "--count", "6", "--seed", "5", "--kinds", "mc", "--db", str(db),
         input="a\na\na\nb\nb\nb\nn\n")
    result = _run("stats", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.output
    for heading in ("Accuracy by kind", "Accuracy by tag", "Reviews due, next 7 days", "Streak: 1 day"):
        assert heading in result.output
    assert "  multiple choice" in result.output
    stats = _stats(db)
    assert len(stats["forecast"]) == 7 and stats["forecast"][0]["due"] == stats["totals"]["wrong"]
    assert sum(day["due"] for day in stats["forecast"]) <= stats["cards"]["total"]
    if stats["totals"]["wrong"]:
        assert stats["weakest_facts"] and "\u2588" in result.output
    # Named bank: the weakest facts carry their statements.
    named = _stats(db, "llama-3-2024")
    assert all("statement" in fact for fact in named["weakest_facts"])


def test_default_database_lives_in_the_user_data_folder(tmp_path):
    result = _run("study", "--mode", "quiz", "--count", "1", "--seed", "1", input="s\n",
                  env={"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "quizgen" / "progress.sqlite3").is_file()


def test_unknown_kind_is_a_clear_error(tmp_path):
    result = _run("study", "--kinds", "essay", "--db", str(tmp_path / "p.sqlite3"))
    assert result.exit_code == 1 and result.output.startswith('Error: unknown question kind "essay"')


def test_asking_for_more_questions_than_fit_asks_all_there_are(tmp_path):
    result = _run("study", ESCAPING_BANK, "--mode", "quiz", "--count", "30", "--kinds", "numeric", "--seed", "1",
                  "--db", str(tmp_path / "p.sqlite3"), input="s\n")
    assert result.exit_code == 0, result.output
    assert "Only 1 question fits (one per fact); asking it." in result.output
    assert result.output.count("-- Question") == 1
    default = _run("study", ESCAPING_BANK, "--mode", "quiz", "--seed", "1", "--db", str(tmp_path / "p.sqlite3"),
                   input="q\n")
    assert default.exit_code == 0 and "Only" not in default.output  # the default 10 quietly shrinks


def test_review_count_caps_the_due_questions(tmp_path):
    db = tmp_path / "p.sqlite3"
    _run("study", "--new", "4", "--seed", "1", "--kinds", "mc", "--db", str(db), input="d\nd\nd\nd\nn\n")
    wrong = sum(a["outcome"] == "wrong" for a in _stats(db)["answers"])
    assert wrong >= 2
    capped = _run("study", "--new", "0", "--count", "1", "--seed", "1", "--kinds", "mc", "--db", str(db), input="q\n")
    assert "Review \u00b7 1 question \u00b7" in capped.output
