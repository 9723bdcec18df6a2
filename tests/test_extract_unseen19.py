"""End to end on the nineteenth round of unseen articles (tests/data/articles/SOURCES.md, round 19).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts

NAMES = ["insulin", "indian-independence", "maya-civilization", "magic-flute", "chess"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen19"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=10)


def test_no_day_of_every_year_gets_a_year(banks):
    _, questions = banks["chess"]
    assert not [t for t in question_texts(questions, answers=True) if "July 20, 1966" in t]


def test_type_1_diabetes_stays_type_1_and_the_hospital_keeps_its_name(banks):
    _, questions = banks["insulin"]
    texts = question_texts(questions, answers=True)
    assert not [t for t in texts if "type 1" not in t and "diabetes" in t and "type " in t]
    assert not [t for t in texts if "Toronto General ______" in t or t == "Hospital"]


def test_no_who_question_on_one_of_two_subjects(banks):
    _, questions = banks["magic-flute"]
    assert not [t for t in question_texts(questions) if t.startswith("Who and")]


def test_an_early_round_year_is_asked_in_round_figures(banks):
    _, questions = banks["maya-civilization"]
    choices = [c.text for q in questions if q.answer == "AD 250" for c in q.choices]
    assert choices and all(int(c.split()[1]) % 50 == 0 for c in choices)
