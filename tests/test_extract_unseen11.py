"""End to end on the eleventh round of unseen articles (tests/data/articles/SOURCES.md, round 11). Each
rule has its own small-text test; this module checks that the articles that showed the faults now
draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts

NAMES = ["pride-and-prejudice", "i-have-a-dream", "venice", "oxygen", "stoicism"]
MIN_FACTS = {"pride-and-prejudice": 15, "i-have-a-dream": 15, "venice": 14, "oxygen": 8, "stoicism": 3}


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen11"))


@pytest.mark.parametrize("name", [n for n in NAMES if n != "stoicism"])
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=MIN_FACTS[name])


def test_stoicism_draft_is_clean_if_thin(banks):
    bank, questions = banks["stoicism"]
    assert len(bank.facts) >= MIN_FACTS["stoicism"]
    assert not [(q.id, f.code) for q in questions for f in q.lint if f.severity == "error"]
    people = {f.answer for f in bank.facts if getattr(f.value, "entity_class", None) == "person"}
    assert "Stoicism" not in people  # "Who is a school of philosophy ...? Aurelius | Beck | Nero | *Stoicism"
    assert not [t for t in question_texts(questions, answers=True) if " is a school of philosophy" in t and not t.startswith(("Stoicism", "What", "______"))
                or "led by Stoicism" in t]


def test_king_jr_is_one_person(banks):
    bank, questions = banks["i-have-a-dream"]
    assert "Jr." not in {f.answer for f in bank.facts}
    assert not [t for t in question_texts(questions, answers=True) if t.startswith("In 1964 Jr.")]


def test_the_bennets_are_a_family(banks):
    _, questions = banks["pride-and-prejudice"]
    texts = question_texts(questions, answers=True)
    assert not [t for t in texts if "Mrs Elizabeth" in t]
    for q in questions:
        if q.kind == "multiple_choice" and q.stem.startswith("Mrs ______"):
            assert q.answer == "Bennet"
        if q.kind == "multiple_choice" and q.answer == "Austen":
            assert not {"Elizabeth", "Jane"} & {c.text for c in q.choices}


def test_venice_islands_republic_and_bridge(banks):
    bank, questions = banks["venice"]
    statements = [f.statement for f in bank.facts]
    assert not [s for s in statements if "Lagoon are" in s or "The republic was ended" in s]
    assert not [q for q in questions if q.kind == "ordering" and "Rialto Bridge, completed" in q.answer]
