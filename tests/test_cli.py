"""The command line as a user meets it: --version, -h/--help on every command, check and build on
the bundled bank, `Error:` lines, atomic output, and the packaged wheel working outside the repo."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import quizgen
from quizgen.cli import main
from quizgen.loading import load_bank

ROOT = Path(__file__).parent.parent
ESCAPING = ROOT / "tests" / "data" / "banks" / "escaping"
SUMMARY = re.compile(r"^(?P<id>[\w.-]+): (?P<facts>\d+) facts? of (?P<kinds>\d+) kinds? \((?P<by_kind>[a-z]+ \d+(, [a-z]+ \d+)*)\)$")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="quizgen")


def all_commands(group: click.Group = main, prefix: tuple[str, ...] = ()):
    """Every registered command path, sub-groups included: new commands are covered automatically."""
    for name, command in sorted(group.commands.items()):
        yield prefix + (name,)
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


COMMANDS = list(all_commands())


# -- version and help


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"quizgen, version {quizgen.__version__}\n"
    # The version the package metadata (wheel, pip) reports is the same one.
    assert importlib.metadata.version("quizgen") == quizgen.__version__


def test_python_m_quizgen_version():
    proc = subprocess.run([sys.executable, "-m", "quizgen", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"quizgen, version {quizgen.__version__}\n"


def test_console_script_is_installed():
    script = Path(sys.executable).parent / ("quizgen.exe" if os.name == "nt" else "quizgen")
    if not script.exists():
        pytest.skip(f"no console script beside {sys.executable}: install the package (make setup)")
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout == f"quizgen, version {quizgen.__version__}\n"


def test_the_foundation_commands_are_registered():
    assert {("check",), ("build",), ("schema",)} <= set(COMMANDS)


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_group_help(flag: str):
    result = invoke(flag)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: quizgen [OPTIONS] COMMAND [ARGS]...")
    for path in COMMANDS:
        if len(path) == 1:
            assert f"  {path[0]} " in result.stdout or result.stdout.rstrip().endswith(f"  {path[0]}")


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help_and_short_flag(path: tuple[str, ...]):
    long = invoke(*path, "--help")
    short = invoke(*path, "-h")
    assert long.exit_code == 0, long.output
    assert short.exit_code == 0, short.output
    assert short.stdout == long.stdout
    assert long.stdout.startswith(f"Usage: quizgen {' '.join(path)} ")
    # A sentence saying what the command does, not just the option list.
    description = long.stdout.split("\n\n")[1].strip()
    assert description and not description.startswith("Options:"), long.stdout


# -- check


def test_check_without_argument_checks_the_bundled_bank():
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    match = SUMMARY.match(result.stdout.rstrip("\n"))
    assert match, result.stdout
    bank = load_bank()
    assert match["id"] == "llama-3-2024"
    assert int(match["facts"]) == len(bank.facts)
    assert int(match["kinds"]) == len({f.kind for f in bank.facts})
    counted = {kind: int(n) for kind, n in (part.split(" ") for part in match["by_kind"].split(", "))}
    assert counted == {kind: sum(f.kind == kind for f in bank.facts) for kind in counted}


def test_check_two_banks_by_id_and_by_folder():
    result = invoke("check", "llama-3-2024", str(ESCAPING))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [SUMMARY.match(line)["id"] for line in lines] == ["llama-3-2024", "escaping"]


def test_unknown_bank_id_is_an_error_line():
    for command in ("check", "build"):
        result = invoke(command, "no-such-bank")
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        assert result.stderr.splitlines()[0] == (
            "Error: no-such-bank: no such bank folder or bundled bank id (bundled: llama-3-2024)"
        )


def test_a_file_is_not_a_bank(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("hello")
    result = invoke("check", str(tmp_path / "notes.txt"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'notes.txt'}: not a bank folder")


# -- build


def test_build_writes_bank_json(tmp_path: Path):
    out = tmp_path / "out"
    result = invoke("build", "-o", str(out))
    assert result.exit_code == 0, result.output
    target = out / "llama-3-2024"
    payload = json.loads((target / "bank.json").read_text(encoding="utf-8"))
    assert payload["id"] == "llama-3-2024"
    assert [f["id"] for f in payload["facts"]] == [f.id for f in load_bank().facts]
    # Progress goes to stderr, the result line to stdout (pipes stay clean).
    assert f"wrote {target / 'bank.json'}" in result.stderr
    assert re.fullmatch(rf"\d+ files written to {re.escape(str(out))}\n", result.stdout)
    # Nothing but finished files in the target: no temp file of an atomic write left behind.
    leftovers = [p.name for p in target.rglob("*") if p.name.startswith(".") or p.name.endswith(".tmp")]
    assert leftovers == []


def test_build_is_repeatable(tmp_path: Path):
    assert invoke("build", "-o", str(tmp_path / "a")).exit_code == 0
    assert invoke("build", "-o", str(tmp_path / "b")).exit_code == 0
    first = (tmp_path / "a" / "llama-3-2024" / "bank.json").read_bytes()
    assert first == (tmp_path / "b" / "llama-3-2024" / "bank.json").read_bytes()


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A crash while writing (disk full, ^C) leaves the previous bank.json whole and no temp file."""
    out = tmp_path / "out"
    assert invoke("build", "-o", str(out)).exit_code == 0

    def snapshot() -> dict[str, bytes]:
        return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}

    before = snapshot()
    assert "llama-3-2024/bank.json" in before

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = invoke("build", "-o", str(out))
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1  # a message, not a traceback
    assert result.stderr.splitlines()[-1] == "Error: No space left on device"
    assert snapshot() == before  # same files, same bytes: nothing half-written, no temp file left


def test_an_output_folder_under_a_file_is_an_error_line(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("not a folder")
    for args in (["build", "-o", str(tmp_path / "notes.txt" / "out")],
                 ["schema", "-o", str(tmp_path / "notes.txt" / "facts.schema.json")]):
        result = invoke(*args)
        assert isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: {tmp_path / 'notes.txt'}"), result.stderr


def test_build_of_a_bad_bank_writes_nothing(tmp_path: Path):
    bad = ROOT / "tests" / "data" / "bad_banks" / "duplicate-ids"
    result = invoke("build", str(bad), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "Error: 1 problem found"
    assert "duplicate id" in result.stderr
    assert not (tmp_path / "out").exists()


# -- the wheel


def test_wheel_runs_check_and_build_outside_the_repo(tmp_path: Path):
    """The built wheel carries the bundled bank and schema, and works from a folder outside the repo.

    (The CI script .ci/run also installs it into a clean venv; this is the fast version.)"""
    pytest.importorskip("build", reason="the 'build' package is in the test extras: make setup")
    dist = tmp_path / "dist"
    proc = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 and "Forced include not found" in proc.stderr:
        pytest.fail("a folder the wheel force-includes is missing (templates/? content/? schemas/?):\n"
                    + proc.stderr[-800:])
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = dist.glob("quizgen-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    assert "quizgen/content/llama-3-2024/facts.yaml" in names
    assert "quizgen/content/llama-3-2024/article.md" in names
    assert "quizgen/schemas/facts.schema.json" in names
    assert re.search(r"^quizgen = quizgen\.cli:main$", entry_points, re.M)
    assert not any(n.startswith("tests/") for n in names)

    # Unpack it on its own (dependencies come from this environment) and run it from elsewhere.
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=work, env=env, capture_output=True,
                              text=True, timeout=120)

    where = subprocess.run([sys.executable, "-c", "import quizgen; print(quizgen.__file__)"], cwd=work, env=env,
                           capture_output=True, text=True)
    assert Path(where.stdout.strip()).is_relative_to(site), "the test did not import the unpacked wheel"
    check = run("check")
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("llama-3-2024: ")
    build = run("build", "-o", "out")
    assert build.returncode == 0, build.stderr
    assert (work / "out" / "llama-3-2024" / "bank.json").stat().st_size > 0
