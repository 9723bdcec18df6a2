"""End to end on the seventeenth round of unseen articles (tests/data/articles/SOURCES.md, round 17).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts

NAMES = ["pele", "kyoto", "leeuwenhoek", "jazz"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen17"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=12)


def test_pele_is_one_person_under_his_names(banks):
    _, questions = banks["pele"]
    texts = question_texts(questions)
    assert not [t for t in texts if "World Cups" in t and "1962" in t]
    assert not [t for t in texts if "called Edson Arantes" in t or "jointly with O Rei" in t or t == "O Rei"]


def test_kyoto_names_its_war_and_its_model(banks):
    bank, _ = banks["kyoto"]
    statements = [f.statement for f in bank.facts]
    assert "The Ōnin War began in 1467." in statements
    assert not [s for s in statements if s.startswith("War began") or "on Heian-kyō of" in s]
    assert any(s.startswith("Today Kyoto has about 1.46 million inhabitants") for s in statements)


def test_a_day_of_every_year_is_no_date_of_one_year(banks):
    _, questions = banks["jazz"]
    assert not [t for t in question_texts(questions) if "every year on" in t and ", 2012" in t]
