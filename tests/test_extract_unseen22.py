"""End to end on the twenty-second round of unseen articles (tests/data/articles/SOURCES.md, round 22).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles

NAMES = ["nile", "katrina", "marie-antoinette"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen22"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=12)


def test_the_queen_never_becomes_king(banks):
    bank, _ = banks["marie-antoinette"]
    assert not [f for f in bank.facts if "Marie Antoinette became King" in f.statement]


def test_the_river_is_named_after_its_length(banks):
    bank, _ = banks["nile"]
    assert any(f.statement.startswith("At about 6,650 kilometres, the Nile has long been") for f in bank.facts)
