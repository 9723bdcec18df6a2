"""The loader's two paths agree: a valid bank read by the fast path (parser events, no marks) is the
very Bank the marked path reads, and anything unusual falls back to the marked path, which words
every message exactly as before.

The marked path is forced by making the fast path give up (monkeypatching `_parse_facts_fast`).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from typing import Optional

import pytest
import yaml
from hypothesis import given, settings

import quizgen.loading as loading
from quizgen import workers
from quizgen.errors import BankError
from quizgen.extract import extract_article
from quizgen.loading import load_bank

from helpers_workers import record_started_workers
from test_hypothesis_bank import SETTINGS, edited

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "content" / "llama-3-2024"
ESCAPING = ROOT / "tests" / "data" / "banks" / "escaping"
ESCAPING_FACTS = (ESCAPING / "facts.yaml").read_text(encoding="utf-8")
ARTICLES = ROOT / "tests" / "data" / "articles"


def _synthetic_bank(folder: Path, n: int) -> Path:
    """The benchmark's synthetic bank (every fact kind, every date precision, flow mappings)."""
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "benchmarks" / "bench_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_bank(folder, n)


def fast_facts(bank: Path):
    """What the fast path makes of a bank's facts.yaml (None: it leaves the bank to the marked path)."""
    blocks = loading._read_article(bank / "article.md", [])[1]
    return loading._parse_facts_fast(bank, bank / "facts.yaml", blocks)


def load_marked(bank: Path, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as patch:
        patch.setattr(loading, "_parse_facts_fast", lambda *args: None)
        return load_bank(bank)


def assert_same_bank_both_ways(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert fast_facts(bank) is not None, "a valid bank should take the fast path"
    fast = load_bank(bank)
    marked = load_marked(bank, monkeypatch)
    assert fast.facts == marked.facts
    # Equal models could still differ in what pydantic remembers of the input: the fields given.
    assert [f.model_fields_set for f in fast.facts] == [f.model_fields_set for f in marked.facts]
    assert [f.value.model_fields_set if f.value else None for f in fast.facts] == [
        f.value.model_fields_set if f.value else None for f in marked.facts]
    assert fast.fact_lines == marked.fact_lines
    assert fast.article == marked.article
    assert fast == marked


def bank_with_facts(tmp_path: Path, facts_yaml: str) -> Path:
    bank = tmp_path / "bank"
    shutil.copytree(ESCAPING, bank)
    (bank / "facts.yaml").write_text(facts_yaml, encoding="utf-8")
    return bank


@pytest.mark.parametrize("loader", ["libyaml", "pure"])
@pytest.mark.parametrize("bank", [BUNDLED, ESCAPING], ids=["bundled", "escaping"])
def test_valid_bank_is_the_same_both_ways(bank: Path, loader: str, monkeypatch: pytest.MonkeyPatch):
    if loader == "pure":
        monkeypatch.setattr(loading, "_Loader", yaml.SafeLoader)
    assert_same_bank_both_ways(bank, monkeypatch)


def test_bundled_bank_lines_point_at_the_ids():
    bank = load_bank(BUNDLED)
    lines = (BUNDLED / "facts.yaml").read_text(encoding="utf-8").splitlines()
    assert len(bank.fact_lines) == len(bank.facts) == 59
    for fact in bank.facts:
        assert lines[bank.fact_lines[fact.id] - 1].strip() == f"- id: {fact.id}"


def test_synthetic_bank_is_the_same_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    bank = _synthetic_bank(tmp_path / "synthetic", 400)  # 50 of each of the 8 fact shapes
    assert_same_bank_both_ways(bank, monkeypatch)
    assert len(load_bank(bank).facts) == 400


@pytest.mark.parametrize("article", ["apollo-11.txt", "marie-curie.md", "panama-canal.md"])
def test_extracted_draft_bank_is_the_same_both_ways(article: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Banks written by `quizgen extract` (block style, plain scalars, comments)."""
    bank = tmp_path / "draft"
    extract_article(ARTICLES / article, bank)
    assert_same_bank_both_ways(bank, monkeypatch)


# Each of these sends the fast path back to the marked path; the messages are those of the marked
# path before the fast path existed (recorded from main at 42b882f).
FALLBACK_TRIGGERS = {
    "duplicate-key": ("    kind: date\n", "    kind: date\n    kind: quantity\n",
                      ["facts.yaml:5:5: facts[0].kind: duplicate key (first at line 4)"]),
    "undefined-alias": ("    tags: [markup]\n  - id: script-tag-text", "    tags: *nowhere\n  - id: script-tag-text",
                        ["facts.yaml:9:11: YAML syntax error: found undefined alias"]),
    "python-tag": ('    answer: "2019"\n', '    answer: !!python/object/apply:os.system ["echo"]\n',
                   ['facts.yaml:6:13: facts[0].answer: the YAML tag "!!python/object/apply:os.system" is not '
                    'allowed (plain values only)']),
    "merge-key": ('value: {date: "2019", precision: year}', 'value: {<<: {date: "2019"}, precision: year}',
                  ["facts.yaml:7:12: facts[0].value.date: required field is missing",
                   "facts.yaml:7:13: facts[0].value: merge keys (<<) are not supported: write the fields out"]),
    "key-not-text": ("    kind: date\n", "    kind: date\n    yes: 1\n",
                     ['facts.yaml:5:5: facts[0]: "yes" is not a field name (a key must be a word)']),
    "impossible-date": ('value: {date: "2019", precision: year}', "value: {date: 2019-02-30, precision: day}",
                        ['facts.yaml:7:19: facts[0].value.date: "2019-02-30" is not a real date '
                         "(day is out of range for month)"]),
    "second-document": ("version: 1\n", "version: 1\n---\nversion: 1\n",
                        ["facts.yaml:2:1: YAML syntax error: expected a single document in the stream but "
                         "found another document"]),
}


@pytest.mark.parametrize("name", sorted(FALLBACK_TRIGGERS))
def test_fallback_trigger_gives_the_marked_message(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    old, new, expected = FALLBACK_TRIGGERS[name]
    assert old in ESCAPING_FACTS
    bank = bank_with_facts(tmp_path, ESCAPING_FACTS.replace(old, new, 1))
    assert fast_facts(bank) is None
    monkeypatch.chdir(bank)
    with pytest.raises(BankError) as caught:
        load_bank(".")
    assert str(caught.value).splitlines() == expected


# Valid banks the fast path leaves to the marked path, which loads them as ever: (the unusual text,
# the same bank written plainly).
_PROMPT = "    prompt: Which tag was printed on the poster?\n"
_SHARED_TAGS = ESCAPING_FACTS.replace("    tags: [markup]\n", "    tags: &shared [markup]\n", 1)
_SHARED_TAGS = _SHARED_TAGS.replace("    tags: [markup]\n", "    tags: *shared\n", 1)
VALID_BUT_UNUSUAL = {
    "anchor-and-alias": (_SHARED_TAGS, ESCAPING_FACTS),
    "explicit-str-tag": (ESCAPING_FACTS.replace('    answer: "2019"\n', "    answer: !!str 2019\n", 1), ESCAPING_FACTS),
    "bare-equals-sign": (ESCAPING_FACTS.replace(_PROMPT, "    prompt: =\n", 1),
                         ESCAPING_FACTS.replace(_PROMPT, '    prompt: "="\n', 1)),
}


@pytest.mark.parametrize("name", sorted(VALID_BUT_UNUSUAL))
def test_unusual_valid_bank_loads_through_the_marked_path(name: str, tmp_path: Path):
    unusual_text, plain_text = VALID_BUT_UNUSUAL[name]
    assert unusual_text != ESCAPING_FACTS
    unusual = bank_with_facts(tmp_path / "unusual", unusual_text)
    plain = bank_with_facts(tmp_path / "plain", plain_text)
    assert fast_facts(unusual) is None
    assert fast_facts(plain) is not None
    assert load_bank(unusual).facts == load_bank(plain).facts


def test_marked_path_keeps_no_nodes_after_loading(tmp_path: Path):
    """The module-level constructor remembers nodes for aliases; a load must not leave them behind."""
    bank = bank_with_facts(tmp_path, _SHARED_TAGS)
    load_bank(bank)
    assert loading._constructor.constructed_objects == {}
    assert loading._constructor.recursive_objects == {}


def _compare_on(facts: bytes, loader) -> None:
    """If the fast path accepts the edited file, the marked path must load the same bank from it."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        bank = Path(tmp) / "bank"
        shutil.copytree(ESCAPING, bank)
        (bank / "facts.yaml").write_bytes(facts)
        saved = loading._Loader
        loading._Loader = loader
        try:
            fast = fast_facts(bank)
            if fast is None:
                return
            saved_fast = loading._parse_facts_fast
            loading._parse_facts_fast = lambda *args: None
            try:
                marked = load_bank(bank)  # raises if the marked path finds a problem the fast path missed
            finally:
                loading._parse_facts_fast = saved_fast
        finally:
            loading._Loader = saved
        facts, lines = fast
        assert facts == marked.facts
        assert lines == marked.fact_lines


@settings(SETTINGS, max_examples=200)
@given(edited(ESCAPING_FACTS.encode("utf-8")))
def test_random_edits_never_make_the_paths_disagree(facts: bytes):
    _compare_on(facts, yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)


@settings(SETTINGS, max_examples=60)
@given(edited(ESCAPING_FACTS.encode("utf-8")))
def test_random_edits_never_make_the_paths_disagree_without_libyaml(facts: bytes):
    _compare_on(facts, yaml.SafeLoader)


def _compare_yaml(text: str) -> bool:
    """If the fast parser reads `text`, the marked parser reads the same data from it, without a
    problem, and the lines of the fact ids are those of the marks. Returns whether it read it."""
    try:
        data, id_lines = loading._plain_yaml(text)
    except loading._NotPlain:
        return False
    marked_data, marked, syntax = loading._parse_yaml(text)
    assert syntax is None and marked.problems == []
    assert data == marked_data and type(data) is type(marked_data)
    assert repr(data) == repr(marked_data)  # True vs 1, 1.0 vs 1, date vs datetime
    assert id_lines == [line for where, (line, _) in marked.value_marks.items()
                        if len(where) == 3 and where[-1] == "id" and where in marked.scalar_text]
    return True


@settings(SETTINGS, max_examples=200)
@given(edited(ESCAPING_FACTS.encode("utf-8")))
def test_random_edits_parse_the_same_both_ways(facts: bytes):
    """Most random edits break the bank but not the YAML: compare the two parsers on the YAML."""
    try:
        text = facts.decode("utf-8")
    except UnicodeDecodeError:
        return
    _compare_yaml(text)


# The same banks written by PyYAML's emitter in other styles: quoted or plain, flow or block,
# folded over several lines, escaped non-ASCII, explicit document markers.
EMITTER_STYLES = [
    dict(default_flow_style=False, allow_unicode=True),
    dict(default_flow_style=True, allow_unicode=True, width=60),
    dict(default_flow_style=False, default_style='"', allow_unicode=False, width=40),
    dict(default_flow_style=False, default_style="'", allow_unicode=True, width=30, explicit_start=True,
         explicit_end=True),
    dict(default_flow_style=None, allow_unicode=False, indent=4, width=20),
]


@pytest.mark.parametrize("style", range(len(EMITTER_STYLES)))
@pytest.mark.parametrize("source", [BUNDLED, ESCAPING], ids=["bundled", "escaping"])
def test_other_yaml_styles_are_the_same_both_ways(source: Path, style: int, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch):
    data = yaml.safe_load((source / "facts.yaml").read_text(encoding="utf-8"))
    text = yaml.safe_dump(data, sort_keys=False, **EMITTER_STYLES[style])
    # A forced quote style writes numbers as !!int '1': tags are the marked path's (tested above).
    text = re.sub(r"""!!(?:int|float) (['"])([^'"]*)\1""", r"\2", text)
    assert _compare_yaml(text)
    bank = tmp_path / "bank"
    shutil.copytree(source, bank)
    (bank / "facts.yaml").write_text(text, encoding="utf-8")
    assert_same_bank_both_ways(bank, monkeypatch)


def test_windows_line_endings_and_a_byte_order_mark_are_the_same_both_ways(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch):
    bank = tmp_path / "bank"
    shutil.copytree(BUNDLED, bank)
    text = (BUNDLED / "facts.yaml").read_text(encoding="utf-8")
    (bank / "facts.yaml").write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    assert_same_bank_both_ways(bank, monkeypatch)
    assert load_bank(bank).fact_lines == load_bank(BUNDLED).fact_lines


def test_loaded_facts_cannot_be_changed_and_a_changed_copy_leaves_the_others_alone():
    # The facts of a bank share their pydantic bookkeeping and repeated texts to save memory; that
    # is only safe if nothing changes a loaded fact in place.
    from pydantic import ValidationError

    bank = load_bank(BUNDLED)
    fact = next(f for f in bank.facts if f.image is None)
    with pytest.raises(ValidationError, match="frozen"):
        fact.statement = "Changed."
    with pytest.raises(ValidationError, match="frozen"):
        fact.source.quote = "Changed."
    before = [(f.model_fields_set, f.source.model_fields_set) for f in bank.facts]
    changed = fact.model_copy(update={"image": "figure.png"})
    assert changed.image == "figure.png" and "image" in changed.model_fields_set
    assert [(f.model_fields_set, f.source.model_fields_set) for f in bank.facts] == before
    assert fact.image is None and "image" not in fact.model_fields_set


# --------------------------------------------------------------------------------------------------
# A big facts.yaml is parsed in two halves at once (the later one by a worker on the second core):
# the result is always that of one parse of the whole file.


@pytest.fixture
def split_parses(monkeypatch: pytest.MonkeyPatch) -> list:
    """Every facts.yaml is split, whatever its size; returns the workers that started."""
    if not workers.workers_available():
        pytest.skip("a worker needs fork and two cores")
    monkeypatch.setattr(loading, "PARALLEL_PARSE_MIN_CHARS", 0)
    return record_started_workers(monkeypatch)


def _split_or_not_plain(text: str, cut: Optional[int] = None):
    try:
        return loading._plain_yaml_split(text, cut)
    except loading._NotPlain:
        return "not plain"


def _whole_or_not_plain(text: str):
    try:
        return loading._plain_yaml(text)
    except loading._NotPlain:
        return "not plain"


@pytest.mark.parametrize("bank", ["bundled", "escaping", "synthetic"])
def test_a_split_parse_gives_the_bank_of_one_parse(bank: str, split_parses: list, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch):
    folder = {"bundled": BUNDLED, "escaping": ESCAPING}.get(bank) or _synthetic_bank(tmp_path / "synthetic", 400)
    assert_same_bank_both_ways(folder, monkeypatch)
    assert split_parses and all(worker.succeeded for worker in split_parses)
    lines = (folder / "facts.yaml").read_text(encoding="utf-8").splitlines()
    loaded = load_bank(folder)
    for fact in loaded.facts:  # the worker's half has its line numbers counted from the file's start
        assert re.fullmatch(rf"\s*- id: \"?{re.escape(fact.id)}\"?", lines[loaded.fact_lines[fact.id] - 1])


def test_a_split_parse_gives_the_lines_of_the_later_half(split_parses: list):
    text = (BUNDLED / "facts.yaml").read_text(encoding="utf-8")
    cut = loading._fact_split(text)
    assert cut is not None and cut > len(text) // 2
    assert loading._plain_yaml_split(text) == loading._plain_yaml(text)
    assert split_parses[-1].succeeded


# Texts in which an item-like line ("  - id: ...") is not an item of the facts list (inside a quoted
# text over several lines, inside a block text), or the list is followed by another key. Cut at each
# item-like line, the result must still be that of one parse (each text is valid YAML).
TRICKY_FACTS = {
    "double-quoted": '  - id: q1\n    statement: "one line\n  - id: not-an-item\n    still the text"\n  - id: last\n',
    "single-quoted": "  - id: q1\n    statement: 'one line\n  - id: not-an-item'\n  - id: last\n",
    "key-after-list": "  - id: q1\n    kind: date\n  - id: last\nversion: 1\n",
    "block-text": "  - id: q1\n    statement: |\n      a text\n      - with a dash\n  - id: q2\n",
    "comment": "  - id: q1\n  # - id: commented-out\n  - id: q2 # - id: no\n",
}


@pytest.mark.parametrize("name", sorted(TRICKY_FACTS))
def test_a_cut_at_any_item_like_line_gives_the_result_of_one_parse(name: str, split_parses: list):
    text = "facts:\n  - id: first\n    kind: date\n" + TRICKY_FACTS[name]
    whole = loading._plain_yaml(text)
    cuts = list(loading._fact_cuts(text))
    assert len(cuts) >= 2
    for cut in cuts:
        assert loading._plain_yaml_split(text, cut) == whole, text[cut:]
    assert split_parses


@settings(SETTINGS, max_examples=80)
@given(edited(ESCAPING_FACTS.encode("utf-8")))
def test_random_edits_split_anywhere_parse_as_one(facts: bytes):
    """Random edits of a bank, cut at every place _fact_cuts offers: always one parse's result."""
    try:
        text = facts.decode("utf-8")
    except UnicodeDecodeError:
        return
    whole = _whole_or_not_plain(text)
    for cut in list(loading._fact_cuts(text))[:6]:
        assert _split_or_not_plain(text, cut) == whole


def test_line_breaks_a_newline_count_would_miss_are_never_split():
    text = (BUNDLED / "facts.yaml").read_text(encoding="utf-8")
    assert list(loading._fact_cuts(text))
    assert not list(loading._fact_cuts(text.replace("\n", "\r")))
    assert not list(loading._fact_cuts(text.replace("statement:", "statement: \u2028", 1)))
    assert list(loading._fact_cuts(text.replace("\n", "\r\n")))
