"""End to end on the twenty-sixth round of unseen articles (tests/data/articles/SOURCES.md, round 26).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles

NAMES = ["iphone", "falklands-war", "nineteen-eighty-four", "inflation-2022"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen26"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=10)


def test_names_are_named_once_and_rightly(banks):
    iphone, _ = banks["iphone"]
    assert not [f.statement for f in iphone.facts if "Apple announced that Apple" in f.statement]
    novel, questions = banks["nineteen-eighty-four"]
    assert not [q.stem for q in questions if "Eric Arthur Blair" in q.stem and "real name" not in q.stem]
    assert not [f.statement for f in novel.facts if f.statement.startswith("George Orwell falls in love")]
