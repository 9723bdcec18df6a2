"""End to end in a real pseudo-terminal: single-key answers, kill -9 mid-session, nothing lost."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect is a test extra (make setup installs it)")
if sys.platform == "win32":  # pragma: no cover
    pytest.skip("pseudo-terminals need a POSIX system", allow_module_level=True)

HEADER = re.compile(r"Question (\d+) of (\d+) \u00b7 ([a-z]+(?: [a-z]+)*)")
CHOICE_LABELS = {"multiple choice", "true or false"}


def _spawn(*args: str, preexec_fn=None) -> "pexpect.spawn":
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm-256color", COLUMNS="120", LINES="40", PYTHONIOENCODING="utf-8")
    return pexpect.spawn(sys.executable, ["-m", "quizgen", *args], env=env, encoding="utf-8", timeout=30,
                         dimensions=(40, 120), preexec_fn=preexec_fn)


def _answer_one(child, n: int) -> tuple[str, str]:
    """Answer the question on screen (right or wrong, whatever we press); returns (kind, result)."""
    child.expect(HEADER)
    kind = child.match.group(3).strip()
    if kind in CHOICE_LABELS:
        child.expect(r"Answer \(")
        child.send("b" if n % 2 else "a")  # a single key, no Enter
    else:
        child.expect(r"\(s skip, q quit\): ")
        child.sendline("no idea at all" if n % 2 else "Meta")
    child.expect("(Right|Wrong)")
    return kind, child.match.group(1).lower()


def _stats(db) -> dict:
    result = subprocess.run([sys.executable, "-m", "quizgen", "stats", "--db", str(db), "--json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_kill_9_mid_session_loses_nothing_answered(tmp_path):
    db = tmp_path / "progress.sqlite3"
    child = _spawn("study", "--mode", "quiz", "--count", "6", "--seed", "11", "--kinds", "mc,tf,cloze,short",
                   "--db", str(db))
    given = []
    for n in range(3):
        given.append(_answer_one(child, n))
        child.expect("Press any key for the next question")
        child.send(" ")
    child.expect(HEADER)  # question 4 is on screen, unanswered
    child.kill(signal.SIGKILL)
    child.wait()
    assert not child.isalive()

    after_kill = _stats(db)
    assert [(a["outcome"]) for a in after_kill["answers"]] == [result for _, result in given]
    assert after_kill["totals"]["answers"] == 3

    # Start again: the same database opens fine (the killed session's WAL is recovered) and more
    # answers are added: the three missed-or-not quiz questions are now due, so review has work.
    child = _spawn("study", "--mode", "review", "--new", "2", "--seed", "12", "--db", str(db))
    for n in range(2):
        given.append(_answer_one(child, n))
        child.expect("Press any key")
        child.send(" ")
    child.expect(HEADER)
    if child.expect([r"Answer \(", r"\(s skip, q quit\): "]) == 0:
        child.send("q")  # a choice question: single key
    else:
        child.sendline("q")  # a typed question: q and Enter
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    final = _stats(db)
    assert [a["outcome"] for a in final["answers"]] == [result for _, result in given]
    assert [a["mode"] for a in final["answers"]] == ["quiz"] * 3 + ["review"] * 2


def test_ctrl_c_saves_what_was_answered_and_restores_the_terminal(tmp_path):
    db = tmp_path / "progress.sqlite3"
    child = _spawn("study", "--mode", "quiz", "--count", "4", "--seed", "3", "--kinds", "mc,tf", "--db", str(db))
    _answer_one(child, 0)
    child.expect("Press any key")
    child.sendintr()  # Ctrl-C while waiting for a key (cbreak mode)
    child.expect("1 answer saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert _stats(db)["totals"]["answers"] == 1


def test_ctrl_c_ends_the_quiz_even_when_the_parent_ignored_sigint(tmp_path):
    """A script's `quizgen study &` (no job control) hands SIGINT down as ignored; Ctrl-C must still work."""
    db = tmp_path / "progress.sqlite3"
    child = _spawn("study", "--mode", "quiz", "--count", "4", "--seed", "3", "--kinds", "mc,tf", "--db", str(db),
                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    _answer_one(child, 0)
    child.expect("Press any key")
    child.sendintr()
    child.expect("1 answer saved", timeout=15)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert _stats(db)["totals"]["answers"] == 1


def test_single_keys_answer_and_q_quits(tmp_path):
    db = tmp_path / "progress.sqlite3"
    child = _spawn("study", "--mode", "quiz", "--count", "3", "--seed", "4", "--kinds", "mc", "--db", str(db))
    child.expect(HEADER)
    child.expect(r"Answer \(")
    child.send("\x1b[A")  # an arrow key must not count as answer "A"
    child.send("2")
    child.expect("(Right|Wrong)")
    child.expect("Press any key")
    child.send("q")
    child.expect("1 answer saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    answers = _stats(db)["answers"]
    assert len(answers) == 1 and answers[0]["response"].startswith("B) ")


def _short_session_log(tmp_path, **env_extra) -> str:
    import io

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm-256color", PYTHONIOENCODING="utf-8", **env_extra)
    child = pexpect.spawn(sys.executable, ["-m", "quizgen", "study", "--mode", "quiz", "--count", "2", "--seed", "1",
                                           "--kinds", "mc", "--db", str(tmp_path / "p.sqlite3")],
                          env=env, encoding="utf-8", timeout=30, dimensions=(40, 120))
    child.logfile_read = io.StringIO()
    child.expect(r"Answer \(")
    child.send("a")
    child.expect("Press any key")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    return child.logfile_read.getvalue()


# Colour SGR parameters: 30-37/90-97 foreground, 40-47 background, 38;5 / 38;2 extended.
COLOUR = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|9[0-7]|4[0-7])(?:;[0-9]+)*m")


def test_colour_in_a_terminal_and_none_with_no_color(tmp_path):
    assert COLOUR.search(_short_session_log(tmp_path / "a"))
    plain = _short_session_log(tmp_path / "b", NO_COLOR="1")
    assert "Question 1 of 2" in plain and "Press any key" in plain
    assert not COLOUR.search(plain), repr(plain[:400])
