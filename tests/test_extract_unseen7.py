"""End to end on the seventh round of unseen articles (tests/data/articles/SOURCES.md, round 7). Each
rule has its own small-text test; this module checks that the articles that showed the faults now
draft and generate cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.extract import extract_article
from quizgen.generate import generate_questions
from quizgen.generate.values import parse_quantity
from quizgen.loading import load_bank

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
NAMES = ["brown-v-board", "smallpox", "gutenberg", "magellan"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    base = tmp_path_factory.mktemp("unseen7")
    out = {}
    for name in NAMES:
        extract_article(ARTICLES / f"{name}.md", base / name)
        bank = load_bank(base / name)
        out[name] = (bank, generate_questions(bank))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    bank, questions = banks[name]
    assert len(bank.facts) >= 15
    errors = [(q.id, f.code) for q in questions for f in q.lint if f.severity == "error"]
    assert not errors
    assert {"multiple_choice", "true_false", "cloze"} <= {q.kind for q in questions}


def test_brown_case_names_titles_and_first_names(banks):
    bank, questions = banks["brown-v-board"]
    statements = [f.statement for f in bank.facts]
    assert not [s for s in statements if s.endswith("Plessy v.")]
    texts = [q.stem for q in questions] + [c.text for q in questions for c in q.choices]
    assert not [t for t in texts if "Justice Earl Warren argued" in t or t.startswith("Southern was")
                or "Many Brown v." in t or "his daughter Warren" in t or "his daughter Earl" in t]


def test_gutenberg_bounds(banks):
    _, questions = banks["gutenberg"]
    for q in questions:
        if q.stem.startswith("Fewer than") and q.answer != "True" and q.kind in ("true_false", "multiple_choice"):
            numbers = [parse_quantity(t) for t in re.findall(r"\d[\d,]*", q.stem)] if q.kind == "true_false" else \
                [parse_quantity(c.text) for c in q.choices if not c.correct]
            assert all(n is None or n < 50 for n in numbers), q.stem
