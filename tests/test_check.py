"""`quizgen check` on malformed banks: every problem at once, as `path:line:col: field: message`,
exit code 1, and never a Python traceback.

The corpus is tests/data/bad_banks/<name>/: each folder is one broken bank (article.md and/or
facts.yaml) plus `expected.txt`, the exact standard-error output of `quizgen check .` run with the
bank folder as the working folder -- so the paths in expected.txt are relative to the bank folder
("facts.yaml:7:12: ..."), exactly as a user who cd's into a bank sees them.

After a deliberate change of a message, rewrite the expected files with
    QUIZGEN_REGENERATE_BAD_BANKS=1 .venv/bin/python -m pytest -q tests/test_check.py
and read the diff before committing it (the regenerating run skips instead of passing).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from quizgen.cli import main

BAD_BANKS_DIR = Path(__file__).parent / "data" / "bad_banks"
BAD_BANKS = sorted(p.name for p in BAD_BANKS_DIR.iterdir() if p.is_dir())
GOOD_BANK = Path(__file__).parent / "data" / "banks" / "escaping"
REGENERATE = os.environ.get("QUIZGEN_REGENERATE_BAD_BANKS") == "1"

# A problem line: file:line:col: then an optional field path, then the message.
PROBLEM_LINE = re.compile(r"^(article\.md|facts\.yaml):\d+:\d+: .+$")


def run_check(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, ["check", *args])


def test_the_corpus_is_big_enough():
    assert len(BAD_BANKS) >= 20, BAD_BANKS
    missing = [name for name in BAD_BANKS if not (BAD_BANKS_DIR / name / "expected.txt").is_file()]
    assert not missing or REGENERATE, f"bad banks without expected.txt: {missing}"


@pytest.mark.parametrize("name", BAD_BANKS)
def test_bad_bank_is_reported_exactly(name: str, monkeypatch: pytest.MonkeyPatch):
    bank = BAD_BANKS_DIR / name
    result = run_check(["."], bank, monkeypatch)
    if REGENERATE:
        (bank / "expected.txt").write_text(result.stderr, encoding="utf-8")
        pytest.skip("expected.txt rewritten; read the diff")
    expected = (bank / "expected.txt").read_text(encoding="utf-8")
    # Exit 1 by sys.exit, not by an exception escaping the command.
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stdout == ""  # nothing on stdout: no summary line for a failed bank
    assert result.stderr.splitlines() == expected.splitlines()
    # Every line is a located problem or an Error: line; the last counts the problems.
    lines = result.stderr.splitlines()
    problems = [line for line in lines if not line.startswith("Error: ")]
    assert all(PROBLEM_LINE.match(line) for line in problems), problems
    count = len(problems) or 1  # a folder that is not a bank is one problem without a location
    assert lines[-1] == f"Error: {count} problem{'s' if count != 1 else ''} found"


def test_every_malformed_file_names_its_line():
    """The issue's "done when": every bank whose files are broken points at file:line."""
    without_location = [
        name for name in BAD_BANKS
        if not any(PROBLEM_LINE.match(line) for line in (BAD_BANKS_DIR / name / "expected.txt").read_text().splitlines())
    ]
    assert without_location == ["not-a-bank"]


def test_several_errors_in_one_file_are_all_reported(monkeypatch: pytest.MonkeyPatch):
    result = run_check(["."], BAD_BANKS_DIR / "several-errors", monkeypatch)
    fields = [line.split(": ")[1] for line in result.stderr.splitlines() if PROBLEM_LINE.match(line)]
    # Two facts, eight independent mistakes: a slug, a kind, an answer, a precision, a quote,
    # an unknown value key, a string for a list and an unknown fact key.
    assert fields == [
        "facts[0].id", "facts[0].kind", "facts[0].answer", "facts[0].value", "facts[0].source.quote",
        "facts[1].value.units", "facts[1].distractors", "facts[1].colour",
    ]


def test_python_tag_is_refused_not_executed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    bank = tmp_path / "bank"
    shutil.copytree(BAD_BANKS_DIR / "python-object-tag", bank)
    result = run_check(["."], bank, monkeypatch)
    assert result.exit_code == 1
    assert 'the YAML tag "!!python/object/apply:os.system" is not allowed' in result.stderr
    assert not (bank / "pwned").exists()


def test_several_banks_in_one_run(monkeypatch: pytest.MonkeyPatch):
    """Each bank's problems are listed, good banks still get their summary, one total at the end."""
    result = run_check(["duplicate-ids", str(GOOD_BANK), "empty-facts", "no-such-bank"], BAD_BANKS_DIR,
                       monkeypatch)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "escaping: 8 facts of 6 kinds (attribution 1, date 1, definition 3, entity 1, quantity 1, quote 1)"
    ]
    assert result.stderr.splitlines() == [
        'duplicate-ids/facts.yaml:10:9: facts[1].id: duplicate id "eiffel-completed" (first at line 3)',
        "empty-facts/facts.yaml:1:1: file is empty",
        "Error: no-such-bank: no such bank folder or bundled bank id (bundled: llama-3-2024)",
        "Error: 3 problems found",
    ]


@pytest.mark.parametrize("name", ["several-errors", "facts-not-utf8", "alias-bomb", "not-a-bank"])
def test_real_process_python_m_quizgen(name: str):
    """The same output through a real interpreter: `python -m quizgen check .` from the bank folder."""
    bank = BAD_BANKS_DIR / name
    proc = subprocess.run([sys.executable, "-m", "quizgen", "check", "."], cwd=bank, capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == (bank / "expected.txt").read_text(encoding="utf-8").splitlines()


def _tiny_bank(folder: Path) -> Path:
    """A copy of a small valid bank (the bad banks' base, fixed) to edit in a test."""
    folder.mkdir()
    article = (BAD_BANKS_DIR / "duplicate-ids" / "article.md").read_text(encoding="utf-8")
    facts = (BAD_BANKS_DIR / "duplicate-ids" / "facts.yaml").read_text(encoding="utf-8")
    (folder / "article.md").write_text(article, encoding="utf-8")
    (folder / "facts.yaml").write_text(facts.replace("id: eiffel-completed\n    kind: quantity",
                                                     "id: eiffel-height\n    kind: quantity"), encoding="utf-8")
    return folder


def test_the_tiny_base_bank_is_valid(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """The bad banks are one mistake away from this bank: it must pass, or they test nothing."""
    result = run_check(["."], _tiny_bank(tmp_path / "tiny"), monkeypatch)
    assert result.exit_code == 0, result.output
    assert result.stdout == "tiny: 2 facts of 2 kinds (date 1, quantity 1)\n"


def test_a_one_fact_bank_is_summarized_in_the_singular(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    bank = _tiny_bank(tmp_path / "one")
    facts = (bank / "facts.yaml").read_text(encoding="utf-8")
    (bank / "facts.yaml").write_text(facts.split("  - id: eiffel-height")[0], encoding="utf-8")
    result = run_check(["."], bank, monkeypatch)
    assert result.stdout == "one: 1 fact of 1 kind (date 1)\n"


def test_byte_order_mark_and_windows_line_ends_are_fine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Notepad writes a BOM and CRLF: both files still load, and lines are still counted right."""
    bank = _tiny_bank(tmp_path / "notepad")
    for name in ("article.md", "facts.yaml"):
        text = (bank / name).read_text(encoding="utf-8")
        (bank / name).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = run_check(["."], bank, monkeypatch)
    assert result.exit_code == 0, result.output
    assert result.stdout == "notepad: 2 facts of 2 kinds (date 1, quantity 1)\n"
    # ...and an error in such a file still points at the right line and column.
    facts = (bank / "facts.yaml").read_bytes().replace(b"kind: date", b"kind: dat")
    (bank / "facts.yaml").write_bytes(facts)
    result = run_check(["."], bank, monkeypatch)
    assert result.stderr.splitlines()[0].startswith("facts.yaml:4:11: facts[0].kind: \"dat\" is not one of")


def test_paths_are_shown_as_typed(monkeypatch: pytest.MonkeyPatch):
    """From elsewhere, problems name the file by the path the user gave."""
    result = run_check(["tests/data/bad_banks/kind-typo"], Path(__file__).parent.parent, monkeypatch)
    assert result.stderr.splitlines()[0].startswith("tests/data/bad_banks/kind-typo/facts.yaml:4:11: ")


def _bank_commands() -> list[str]:
    """Every command that takes a BANK (or BANKS) argument, including ones added after this test."""
    return sorted(name for name, command in main.commands.items()
                  if any(p.name in ("bank", "banks") for p in command.params if isinstance(p, click.Argument)))


def _option_sets(command: click.Command, out: Path) -> list[list[str]]:
    """Values for a command's required options (an export's --format and --out...), so that the bank
    is what fails: one set per value of a required choice (some formats may be missing from an
    installation). Paths point into `out`, which must still not exist afterwards."""
    fixed: list[str] = []
    choices: list[list[str]] = [[]]
    for param in command.params:
        if isinstance(param, click.Option) and param.required:
            if isinstance(param.type, click.Choice) and choices == [[]]:
                choices = [[param.opts[0], str(choice)] for choice in param.type.choices]
                continue
            if isinstance(param.type, click.Choice):
                value = str(param.type.choices[0])
            elif isinstance(param.type, click.Path):
                value = str(out / "result")
            elif isinstance(param.type, (click.types.IntParamType, click.types.FloatParamType)):
                value = "1"
            else:
                value = "x"
            fixed += [param.opts[0], value]
    return [choice + fixed for choice in choices]


@pytest.mark.parametrize("name", ["several-errors", "alias-bomb", "facts-not-utf8", "python-object-tag",
                                  "front-matter-unterminated", "not-a-bank"])
@pytest.mark.parametrize("command", _bank_commands())
def test_every_bank_command_reports_a_bad_bank_like_check(command: str, name: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    """A bad bank given to build, quiz, export... prints the same lines as check, exit 1, and writes
    nothing; with every value of a required choice, no traceback."""
    bank = tmp_path / name
    shutil.copytree(BAD_BANKS_DIR / name, bank)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    expected = (bank / "expected.txt").read_text(encoding="utf-8").splitlines()
    if command != "check" and not any(PROBLEM_LINE.match(line) for line in expected):
        expected = expected[:-1]  # one bank, one plain error: no "1 problem found" count after it
    monkeypatch.chdir(bank)
    outputs = []
    for options in _option_sets(main.commands[command], tmp_path / "out"):
        result = CliRunner().invoke(main, [command, ".", *options])
        assert isinstance(result.exception, SystemExit), (options, result.exception)
        assert result.exit_code == 1, (options, result.output)
        assert "Traceback" not in result.output
        outputs.append(result.stderr.splitlines())
        assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert expected in outputs, outputs
