"""End to end on the seventh round of unseen articles (tests/data/articles/SOURCES.md, round 7). Each
rule has its own small-text test; this module checks that the articles that showed the faults now
draft and generate cleanly."""

from __future__ import annotations

import re

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles
from quizgen.generate.values import parse_quantity

NAMES = ["brown-v-board", "smallpox", "gutenberg", "magellan"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen7"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=15)


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
