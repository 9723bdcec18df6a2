"""End to end on the twenty-fifth round of unseen articles (tests/data/articles/SOURCES.md, round 25).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles

NAMES = ["eiffel-tower", "human-genome-project", "wikipedia", "tohoku-earthquake"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen25"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=12)


def test_every_statement_has_its_subject(banks):
    bank, _ = banks["eiffel-tower"]
    statements = [f.statement for f in bank.facts]
    assert not [s for s in statements if s.startswith(("Was ", "With its antennas it "))], statements


def test_a_magnitude_has_choices_an_earthquake_can_have(banks):
    _, questions = banks["tohoku-earthquake"]
    [question] = [q for q in questions if q.kind == "multiple_choice" and "magnitude ______" in q.stem]
    assert all(8.0 <= float(c.text) <= 9.6 for c in question.choices), [c.text for c in question.choices]
