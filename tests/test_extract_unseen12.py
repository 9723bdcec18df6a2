"""End to end on the twelfth round of unseen articles (tests/data/articles/SOURCES.md, round 12). Each
rule has its own small-text test; this module checks that the articles that showed the faults now
draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles
from quizgen.generate.values import parse_quantity

NAMES = ["usain-bolt", "red-cross", "great-barrier-reef", "starry-night", "covid-vaccines"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen12"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=12)


def test_bolt_a_year_later(banks):
    bank, _ = banks["usain-bolt"]
    assert not [f for f in bank.facts if f.statement.startswith("In 1987")]


def test_starry_night_measure_and_vaccine_stem(banks):
    _, questions = banks["starry-night"]
    for q in questions:
        if q.kind == "multiple_choice" and "73.7 by ______" in q.stem:
            assert all(parse_quantity(c.text) > 73.7 for c in q.choices)
    _, questions = banks["covid-vaccines"]
    assert not [q for q in questions if q.stem.startswith("Which product vaccines")]
