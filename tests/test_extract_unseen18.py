"""End to end on the eighteenth round of unseen articles (tests/data/articles/SOURCES.md, round 18).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import re

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts

NAMES = ["julius-caesar", "confucius", "python-language", "suez-crisis", "honey-bee"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen18"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=9 if name == "honey-bee" else 15)


def test_years_before_year_one_are_dates_in_order(banks):
    bank, questions = banks["julius-caesar"]
    values = {f.statement: f.value for f in bank.facts if f.kind == "date"}
    born = next(v for s, v in values.items() if s.startswith("Gaius Julius Caesar was born in Rome"))
    assert (born.date, born.precision, born.era) == ("0100-07", "month", "BC")
    texts = question_texts(questions, answers=True)
    assert not [t for t in texts if "2026" in t]  # no July of the article's own year
    assert not [t for t in texts if re.search(r"\bBC\b", t) and not re.search(r"\d BC\b", t)]  # "BC" is no place
    timeline = [q for q in questions if q.kind == "ordering"]
    assert timeline
    for q in timeline:  # the key, earliest first, explained with its dates: 100 BC before 59 BC before 48 BC
        years = [int(m) for m in re.findall(r"(\d+) BC", q.explanation)]
        assert len(years) == len(q.answer.split(" \u2192 ")) and years == sorted(years, reverse=True)
    # a year with its era is no count: no "Match each sentence to the number" of 59 BC and 365 days
    assert not [q for q in questions if q.kind == "matching" and "number" in q.stem and "BC" in q.stem]


def test_it_is_never_the_person_before(banks):
    bank, _ = banks["julius-caesar"]
    assert not [f for f in bank.facts if f.statement.startswith(("Caesar had", "Gaius Julius Caesar had"))]


def test_tradition_is_no_person(banks):
    bank, questions = banks["confucius"]
    assert not [f for f in bank.facts if f.answer == "Tradition" or f.statement.startswith("Tradition died")]
    assert "Confucius died in 479 BC at the age of 71 or 72." in [f.statement for f in bank.facts]
    assert any(f.statement.startswith("Around the age of 50 Confucius became") for f in bank.facts)
    assert not [t for t in question_texts(questions) if "did Confucius returned" in t]


def test_python_is_the_language_not_monty_python(banks):
    bank, questions = banks["python-language"]
    topic = next(f for f in bank.facts if f.statement.startswith("Python is a high-level"))
    assert (topic.answer, topic.value.entity_class) == ("Python", "product")
    texts = question_texts(questions, answers=True)
    assert not [t for t in texts if "Monty Python is" in t or "Rossum is a" in t or t == "Support for Python 2.7"]


def test_port_said_is_a_place_and_the_canal_is_named(banks):
    bank, questions = banks["suez-crisis"]
    texts = question_texts(questions)
    assert not [t for t in texts if "Port say" in t or "Suez Crisis canal" in t]
    assert "The Suez Canal reopened in April 1957." in [f.statement for f in bank.facts]
