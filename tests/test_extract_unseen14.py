"""End to end on the fourteenth round of unseen articles (tests/data/articles/SOURCES.md, round 14).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles

NAMES = ["concorde", "alan-turing", "great-pyramid", "wall-street-crash"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen14"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=10)


def test_turing_pardon_names_him(banks):
    bank, _ = banks["alan-turing"]
    assert any(f.statement.startswith("In 2013 Queen Elizabeth II granted Alan Turing") for f in bank.facts)


def test_crash_keeps_an_exchange_an_index_and_a_depression_apart(banks):
    _, questions = banks["wall-street-crash"]
    stems = [q.stem for q in questions]
    assert not [s for s in stems if s.startswith(("The New York Stock Exchange reached", "The Great Depression did not"))
                or "share prices on the Great Depression" in s]
