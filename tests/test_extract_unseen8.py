"""End to end on the eighth round of unseen articles (tests/data/articles/SOURCES.md, round 8). Each
rule has its own small-text test; this module checks that the articles that showed the faults now
draft and generate cleanly."""

from __future__ import annotations

import re

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts
from quizgen.generate.values import parse_quantity

NAMES = ["rosa-parks", "rosalind-franklin", "titanic-film", "channel-tunnel", "giant-panda"]
MIN_FACTS = {"rosa-parks": 15, "rosalind-franklin": 15, "titanic-film": 15, "channel-tunnel": 15, "giant-panda": 8}


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen8"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=MIN_FACTS[name])


def test_rosa_parks_is_a_person_and_she_is_rosa_parks(banks):
    bank, questions = banks["rosa-parks"]
    people = {f.answer for f in bank.facts if getattr(f.value, "entity_class", None) == "person"}
    places = {f.answer for f in bank.facts if getattr(f.value, "entity_class", None) == "place"}
    assert "Rosa Parks" in people and not {"Rosa Parks", "Parks", "Raymond Parks"} & places
    statements = [f.statement for f in bank.facts]
    # "She was arrested", "She received the Presidential Medal of Freedom": not the driver, not the congressman
    assert any(s.startswith("Rosa Parks was arrested") for s in statements)
    assert any(s.startswith("Rosa Parks received the Presidential Medal") for s in statements)
    assert not [s for s in statements if s.startswith(("James F. Blake was arrested", "John Conyers received",
                                                       "Jr.", "In 1932 Rosa Louise McCauley"))]
    assert any(s.startswith("The boycott lasted 381 days") for s in statements)
    # her birth name is not someone she married
    assert not [t for t in question_texts(questions) if "married Rosa Louise McCauley" in t or t == "Rosa Louise McCauley"]


def test_franklin_pronoun_after_a_range_and_a_college_named_for_a_king(banks):
    bank, questions = banks["rosalind-franklin"]
    statements = [f.statement for f in bank.facts]
    assert any(s.startswith("From 1947 to 1950 Rosalind Franklin worked in Paris") for s in statements)
    assert not [t for t in question_texts(questions) if "College London" in t and "King's College London" not in t]


def test_titanic_names_and_numbers(banks):
    _, questions = banks["titanic-film"]
    for q in questions:
        if "the 100-year-old" in q.stem and q.kind == "multiple_choice" and "______-year-old" not in q.stem:
            assert not {"Cameron", "DiCaprio"} & {c.text for c in q.choices}
        if "nominations and won 11 Oscars" in q.stem and q.kind in ("true_false", "multiple_choice"):
            numbers = [c.text for c in q.choices if not c.correct] if q.kind == "multiple_choice" else \
                re.findall(r"received (\d+) nominations", q.stem)
            assert all(parse_quantity(n) > 11 for n in numbers if n not in ("True", "False")), q.stem
        if q.stem.endswith("?"):
            assert "he filmed" not in q.stem, q.stem  # a question asks one thing, of one subject


def test_channel_tunnel_years_and_a_county(banks):
    _, questions = banks["channel-tunnel"]
    for q in questions:
        if "attempt in 1881" in q.stem and q.kind in ("multiple_choice", "true_false"):
            years = [int(c.text) for c in q.choices if not c.correct and c.text.isdigit()] if q.kind == "multiple_choice" \
                else [int(y) for y in re.findall(r"stopped in (\d{4})", q.stem)]
            assert all(y > 1881 for y in years), q.stem
        if "Folkestone in ______" in q.stem and q.kind == "multiple_choice":
            assert not {"Neston", "Newport Pagnell", "Tottenham Hale"} & {c.text for c in q.choices}
