"""End to end on the twenty-first round of unseen articles (tests/data/articles/SOURCES.md, round 21):
news-like texts close to the bundled article, which must draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles

NAMES = ["chatgpt", "bitcoin", "paris-2024", "great-wall", "starship"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen21"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=10)


def test_the_same_month_is_named(banks):
    bank, _ = banks["chatgpt"]
    assert not [f for f in bank.facts if f.statement.startswith("In the same month")]
    assert any(f.statement.startswith("In January 2023 Microsoft announced") for f in bank.facts)


def test_bc_centuries_of_the_wall_are_asked_among_bc_centuries(banks):
    _, questions = banks["great-wall"]
    choices = [c.text for q in questions if q.answer == "7th century BC" for c in q.choices]
    assert choices and all(c.endswith("century BC") for c in choices)
