"""End to end on the twentieth round of unseen articles (tests/data/articles/SOURCES.md, round 20).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts

NAMES = ["black-death", "silk-road", "leonardo", "antarctic-treaty", "dna-double-helix"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen20"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=12)


def test_no_garbled_date_question(banks):
    texts = [t for name in ("black-death", "silk-road", "antarctic-treaty") for t in question_texts(banks[name][1])]
    assert not [t for t in texts if "same year?" in t or "did trade declined" in t or t.endswith("D.C?")]


def test_every_choice_beside_a_bc_century_says_its_era(banks):
    _, questions = banks["silk-road"]
    for q in questions:
        if q.answer.endswith("century BC"):
            assert all(c.text.endswith((" BC", " AD")) for c in q.choices)


def test_his_painting_is_leonardos(banks):
    bank, _ = banks["leonardo"]
    assert not [f for f in bank.facts if "Francis's painting" in f.statement]


def test_a_decade_is_asked_among_decades(banks):
    _, questions = banks["dna-double-helix"]
    choices = [c.text for q in questions if q.answer == "1940s" for c in q.choices]
    assert choices and all(c.endswith("0s") for c in choices)
