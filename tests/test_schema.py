"""The committed JSON Schema of facts.yaml (schemas/facts.schema.json) is what `quizgen schema`
prints today, editors can find it from the bundled bank, and it accepts real banks and rejects
the typos the loader rejects."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from quizgen.cli import main
from quizgen.schema import facts_schema_text

ROOT = Path(__file__).parent.parent
COMMITTED = ROOT / "schemas" / "facts.schema.json"
BANKS = [ROOT / "content" / "llama-3-2024" / "facts.yaml", ROOT / "tests" / "data" / "banks" / "escaping" / "facts.yaml"]


def test_committed_schema_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == facts_schema_text(), (
        "schemas/facts.schema.json is out of date with quizgen/model.py: run `make schema` and commit it"
    )


def test_quizgen_schema_prints_and_writes_the_same_text(tmp_path: Path):
    printed = CliRunner().invoke(main, ["schema"])
    assert printed.exit_code == 0
    assert printed.stdout == COMMITTED.read_text(encoding="utf-8")
    written = CliRunner().invoke(main, ["schema", "-o", str(tmp_path / "s.json")])
    assert written.exit_code == 0
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == printed.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]  # no temp file left beside it


def test_bundled_bank_points_editors_at_the_schema():
    """The first line tells the VS Code YAML extension where the schema is; the path must resolve."""
    facts = BANKS[0]
    first = facts.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    assert (facts.parent / first[len(prefix):]).resolve() == COMMITTED.resolve()


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extras: make setup")
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.parent.name)
def test_real_banks_validate(validator, path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(data)] == []


@pytest.mark.parametrize("mistake", [
    ("unknown fact key", lambda f: f.update(promt="When?")),
    ("kind typo", lambda f: f.update(kind="dat")),
    ("missing source", lambda f: f.pop("source")),
    ("tags not a list", lambda f: f.update(tags="timeline")),
    ("unknown value key", lambda f: f["value"].update(precison="day")),
    ("bad precision", lambda f: f["value"].update(precision="week")),
], ids=lambda m: m[0])
def test_schema_rejects_what_the_loader_rejects(validator, mistake):
    data = yaml.safe_load(BANKS[0].read_text(encoding="utf-8"))
    assert not list(validator.iter_errors(data))
    broken = copy.deepcopy(data)
    mistake[1](broken["facts"][0])
    assert list(validator.iter_errors(broken)), f"the schema accepts a bank with a {mistake[0]}"


def test_schema_rejects_another_version(validator):
    data = yaml.safe_load(BANKS[0].read_text(encoding="utf-8"))
    data["version"] = 2
    assert list(validator.iter_errors(data))
