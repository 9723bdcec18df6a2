"""Random edits of a valid bank never make the loader raise anything but QuizgenError, and every
problem it reports is located as `path:line:col: ` inside the file.

The edits are what a hurried author (or a bad merge) does to facts.yaml: delete, duplicate or swap
lines, type stray characters or bytes, turn a scalar into another type, drop or add keys, cut the
file short. Derandomized, so CI sees the same examples every run.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quizgen.loading
from quizgen.errors import BankError, QuizgenError
from quizgen.loading import load_bank

BASE = Path(__file__).parent / "data" / "banks" / "escaping"
FACTS = (BASE / "facts.yaml").read_bytes()
ARTICLE = (BASE / "article.md").read_bytes()
LOCATED = re.compile(r"^.+:\d+:\d+: ")

SETTINGS = settings(max_examples=250, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Values a scalar can be turned into: other YAML types, empty, huge, odd dates, tags, aliases...
REPLACEMENTS = [
    "", "~", "null", "true", "no", "0", "-1", "3.5", ".nan", ".inf", "1e999", "9" * 5000, "0x1F", "[]", "{}",
    "[a, b]", "{a: 1}", "2024-02-30", "2024-13-01", "2024-04-18", "12:30:00", '""', "''", "'unclosed",
    '"\\x00"', "!!binary aGk=", "!!python/none ''", "!custom x", "*nowhere", "&anchor x", "<<: {a: 1}",
    "- list item", "|", ">-", "{date: 2024, precision: year}", "{number: x}", "{name: X, class: alien}",
    "=", "?", "%", "@", "`", "#", "- ", "{", "[", "}", "]", ":", "\t", "\u00e9t\u00e9", "\U0001f36e",
]
KEYS = ["id", "kind", "statement", "answer", "value", "source", "quote", "tags", "distractors", "prompt",
        "image", "explanation", "version", "facts", "date", "precision", "number", "class", "name", "aliases",
        "unknwon", "Id", "1", "yes", "~", "<<", "? [a]"]


@st.composite
def edit(draw, data: bytes) -> bytes:
    """One random edit of a YAML file's bytes."""
    lines = data.split(b"\n")
    index = draw(st.integers(0, max(0, len(lines) - 1)))
    action = draw(st.sampled_from([
        "delete", "duplicate", "swap", "insert_text", "insert_bytes", "replace_scalar", "add_key",
        "rename_key", "reindent", "truncate",
    ]))
    if action == "delete" and lines:
        del lines[index]
    elif action == "duplicate" and lines:
        lines.insert(index, lines[index])
    elif action == "swap" and len(lines) > 1:
        other = draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    elif action == "insert_text":
        text = draw(st.text(min_size=1, max_size=8)).encode("utf-8", "surrogatepass")
        at = draw(st.integers(0, len(data)))
        return data[:at] + text + data[at:]
    elif action == "insert_bytes":
        raw = draw(st.binary(min_size=1, max_size=4))
        at = draw(st.integers(0, len(data)))
        return data[:at] + raw + data[at:]
    elif action == "replace_scalar":
        match = re.match(rb"^(\s*(?:- )?[\w-]+:) .*$", lines[index])
        if match:
            lines[index] = match.group(1) + b" " + draw(st.sampled_from(REPLACEMENTS)).encode()
    elif action == "add_key":
        indent = b" " * draw(st.sampled_from([0, 2, 4, 6, 3]))
        key = draw(st.sampled_from(KEYS)).encode()
        lines.insert(index, indent + key + b": " + draw(st.sampled_from(REPLACEMENTS)).encode())
    elif action == "rename_key":
        lines[index] = re.sub(rb"[\w-]+:", draw(st.sampled_from(KEYS)).encode() + b":", lines[index], count=1)
    elif action == "reindent":
        lines[index] = b" " * draw(st.integers(0, 7)) + lines[index].lstrip()
    elif action == "truncate":
        return data[:draw(st.integers(0, len(data)))]
    return b"\n".join(lines)


@st.composite
def edited(draw, data: bytes) -> bytes:
    for _ in range(draw(st.integers(1, 4))):
        data = draw(edit(data))
    return data


def check_loader_on(facts: bytes, article: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bank = Path(tmp) / "bank"
        bank.mkdir()
        (bank / "facts.yaml").write_bytes(facts)
        (bank / "article.md").write_bytes(article)
        try:
            load_bank(bank)
        except BankError as exc:
            assert exc.errors, "a BankError with no problems in it"
            for line in str(exc).splitlines():
                assert LOCATED.match(line), line
            for error in exc.errors:
                # The location points inside the file it names.
                data = facts if error.path.endswith("facts.yaml") else article
                assert 1 <= error.line <= data.count(b"\n") + 1, (error, data)
                assert error.col >= 1, error
        except QuizgenError:
            pass  # a clear message without a location (say, not a bank folder): fine
        # Anything else (ValueError, RecursionError, yaml errors, pydantic errors...) fails the test.


def test_the_unedited_bank_loads():
    check_loader_on(FACTS, ARTICLE)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "facts.yaml").write_bytes(FACTS)
        (Path(tmp) / "article.md").write_bytes(ARTICLE)
        assert len(load_bank(tmp).facts) == 8


@SETTINGS
@given(edited(FACTS))
def test_random_edits_of_facts_yaml(facts: bytes):
    check_loader_on(facts, ARTICLE)


@settings(SETTINGS, max_examples=100)
@given(edited(ARTICLE))
def test_random_edits_of_article_md(article: bytes):
    check_loader_on(FACTS, article)


@settings(SETTINGS, max_examples=60)
@given(edited(FACTS))
def test_random_edits_without_libyaml(facts: bytes):
    """Machines whose PyYAML lacks libyaml use the pure-Python parser: same guarantee."""
    saved = quizgen.loading._Loader
    quizgen.loading._Loader = yaml.SafeLoader
    try:
        check_loader_on(facts, ARTICLE)
    finally:
        quizgen.loading._Loader = saved


@pytest.mark.parametrize("text", [
    "version: 1\nfacts: [" + "[" * 3000 + "]" * 3000 + "]\n",
    "version: 1\nfacts:\n" + "".join("  " * i + "- \n" for i in range(1, 1500)),
    "version: 1\nfacts: &f [*f]\n",
    "version: 1\nfacts: [{<<: {id: x}}]\n",
    "version: 1\nfacts: [{? [a, b] : c}]\n",
    "version: 1\nfacts: [{id: !!binary aGk=}]\n",
])
@pytest.mark.parametrize("loader", ["libyaml", "pure"])
def test_pathological_yaml(text: str, loader: str, monkeypatch: pytest.MonkeyPatch):
    if loader == "pure":
        monkeypatch.setattr(quizgen.loading, "_Loader", yaml.SafeLoader)
    check_loader_on(text.encode(), ARTICLE)
