"""End to end on the tenth round of unseen articles (tests/data/articles/SOURCES.md, round 10). Each
rule has its own small-text test; this module checks that the articles that showed the faults now
draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts

NAMES = ["queen-victoria", "telephone", "treaty-of-versailles", "amazon-river", "tour-de-france"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen10"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=14)


def test_victoria_is_she(banks):
    bank, questions = banks["queen-victoria"]
    statements = [f.statement for f in bank.facts]
    assert any(s.startswith("Victoria died at Osborne House") for s in statements)
    assert not [s for s in statements if s.startswith("Albert died at Osborne")]
    assert not [t for t in question_texts(questions, answers=True) if t.startswith("Saxe-Coburg-Saalfeld")]


def test_telephone_his_lawyer_and_towns(banks):
    bank, questions = banks["telephone"]
    assert any(f.statement.startswith("On February 14, 1876, Alexander Graham Bell's lawyer") for f in bank.facts)
    for q in questions:
        if q.kind == "multiple_choice" and "Connecticut" in q.stem:
            texts = [c.text for c in q.choices]
            assert not [(a, b) for a in texts for b in texts if a != b and a in b], texts
        if q.kind == "ordering":
            assert "House of Representatives" not in q.answer  # a second clause's year is no event's


def test_versailles_people_are_no_countries(banks):
    _, questions = banks["treaty-of-versailles"]
    assert not [t for t in question_texts(questions, answers=True) if t.endswith("of the United States") and t.startswith("Woodrow")]


def test_tour_it_keeps_the_first(banks):
    bank, _ = banks["tour-de-france"]
    assert not [f for f in bank.facts if f.statement.startswith("Tour had")]
