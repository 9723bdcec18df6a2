"""End to end on the sixteenth round of unseen articles (tests/data/articles/SOURCES.md, round 16).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts
from quizgen.generate.values import parse_quantity

NAMES = ["emmy-noether", "transistor", "roald-amundsen", "san-francisco-earthquake", "blue-whale"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES + ["titanic-film"], tmp_path_factory.mktemp("unseen16"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=9)


def test_noether_is_named_where_she_is_meant(banks):
    bank, questions = banks["emmy-noether"]
    statements = [f.statement for f in bank.facts]
    assert any(s.startswith("Albert Einstein called Emmy Noether") for s in statements)
    assert "In 1907 Emmy Noether completed a doctorate under the mathematician Paul Gordan." in statements
    assert not [t for t in question_texts(questions) if " she completed" in t or "called her " in t]


def test_amundsen_and_the_whale_get_their_pronoun_sentences(banks):
    amundsen, _ = banks["roald-amundsen"]
    assert any(f.statement.startswith("With four companions and 52 dogs Roald Amundsen reached") for f in amundsen.facts)
    whale, _ = banks["blue-whale"]
    assert "The blue whale's heart weighs about 180 kilograms." in [f.statement for f in whale.facts]


def test_no_question_gives_scott_away_by_his_surname(banks):
    _, questions = banks["roald-amundsen"]
    usable = [q for q in questions if not q.has_errors]
    assert not [q.stem for q in usable if "Scott and his four companions" in q.stem and "Robert Falcon Scott" not in q.stem]


def test_no_one_is_older_than_anyone_has_lived(banks):
    _, questions = banks["titanic-film"]
    ages = [q for q in questions if "-year-old" in q.stem]
    assert ages
    for q in ages:
        shown = [c.text for c in q.choices if q.kind == "multiple_choice"]
        if q.kind == "true_false":
            shown.append(q.stem.split("the ")[-1].split("-year-old")[0])
        assert all(parse_quantity(t) <= 115 for t in shown if parse_quantity(t) is not None), q.stem
