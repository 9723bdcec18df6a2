"""End to end on the thirteenth round of unseen articles (tests/data/articles/SOURCES.md, round 13).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts

NAMES = ["hubble", "napoleon", "mount-vesuvius", "ada-yonath", "berlin-airlift"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen13"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=12)


def test_slots_and_subjects(banks):
    texts = [t for name in ("napoleon", "mount-vesuvius", "hubble") for t in question_texts(banks[name][1], answers=True)]
    assert not [t for t in texts if "island of Paris" in t or "towns of Campania" in t
                or "the Hubble Space Telescope, was launched" in t]


def test_yonath_timeline_holds_no_year_of_another_person(banks):
    _, questions = banks["ada-yonath"]
    assert not [q for q in questions if q.kind in ("ordering", "matching") and "after Dorothy Hodgkin" in q.answer]
