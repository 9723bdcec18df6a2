"""End to end on the fourth round of unseen articles (tests/data/articles/SOURCES.md, round 4): what a
teacher saw wrong in their first drafts, checked on the drafts and on the questions built from them.
Each rule has its own small-text test in test_extract_rules.py or test_distractor_tells.py; this module
checks that the articles that showed the faults now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles

NAMES = ["wright-brothers", "chernobyl", "rosetta-stone", "crispr", "flu-1918", "crisis-2008", "amazon", "vision-pro",
         "world-cup-2014", "hamlet", "higgs"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen4"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=15)


def statements(banks, name):
    return [fact.statement for fact in banks[name][0].facts]


def answers(banks, name):
    return {fact.answer: fact for fact in banks[name][0].facts}


def test_chernobyl_dates_and_referents(banks):
    facts = banks["chernobyl"][0].facts
    # "was evacuated on April 27" is 1986, the day after the accident, not the 2011 of Fukushima
    for fact in facts:
        if fact.kind == "date" and fact.answer.startswith(("April 27", "April 28")):
            assert fact.value.date.startswith("1986-"), fact.statement
    assert any(f.answer.startswith("April 27") for f in facts if f.kind == "date")
    for statement in statements(banks, "chernobyl"):
        assert not statement.startswith(("The Chernobyl is", "The Chernobyl cost", "The Chernobyl disaster cost"))
    assert not {"23", "4", "No. 4", "to ten years in a labour camp"} & set(answers(banks, "chernobyl"))


def test_rosetta_sentences_and_towns(banks):
    _, questions = banks["rosetta-stone"]
    assert not [s for s in statements(banks, "rosetta-stone") if "Ptolemy V. The" in s]
    assert not [q.stem for q in questions if "Ptolemy V. near" in q.stem or "diplomat Ptolemy" in q.stem]
    assert not [q.stem for q in questions if "Paris, Egypt" in q.stem]


def test_wright_brothers_referents(banks):
    texts = " ".join(statements(banks, "wright-brothers"))
    assert "Milton Wright brought home a toy helicopter" in texts  # "he", after "Their father, Milton Wright,"
    assert "Wilbur Wright brought home" not in texts
    assert "Orville and Wilbur Wright studied the work" in texts  # "The brothers"
    assert "Orville studied" not in texts
    assert "In the same year" not in texts
    _, questions = banks["wright-brothers"]
    # Dayton is in Ohio, Kitty Hawk in North Carolina: neither is a town of Indiana
    assert not [q.stem for q in questions if q.kind == "true_false"
                and ("Dayton, Indiana" in q.stem or "Kitty Hawk, Indiana" in q.stem)]


def test_crispr_it_and_part_names(banks):
    _, questions = banks["crispr"]
    assert not [s for s in statements(banks, "crispr") if s.startswith("Charpentier was")]
    assert not [q.stem for q in questions if q.id.endswith("tf-false") and "the Cas9 system" in q.stem]
    for q in questions:
        texts = {c.text for c in q.choices}
        assert not {"Cas9", "CRISPR-Cas9"} <= texts, q.id


def test_flu_places_and_years(banks):
    found = answers(banks, "flu-1918")
    assert "Louis" not in found
    march = [f for f in banks["flu-1918"][0].facts if f.kind == "date" and f.answer.startswith("March 4")]
    assert all(f.value.date == "1918-03-04" for f in march)


def test_crisis_names_and_ranges(banks):
    found = answers(banks, "crisis-2008")
    assert "Frank Act" not in found
    assert not [f for f in found.values() if f.kind == "date" and "2007\u20132008" in f.statement
                and f.answer == "2007"]
    _, questions = banks["crisis-2008"]
    assert not [q.stem for q in questions if "Dodd\u2013Ben" in q.stem or "Dodd\u2013Henry" in q.stem]


def test_amazon_names_and_classes(banks):
    found = answers(banks, "amazon")
    assert "Amazons of Greek" not in found
    if "Manaus" in found:
        assert found["Manaus"].value.entity_class == "place"
    _, questions = banks["amazon"]
    assert not [q.stem for q in questions if "on Manaus" in q.stem or "is Earth" in q.stem]
    assert not [s for s in statements(banks, "amazon") if "1970" in s and "80,000 fires" in s]


def test_vision_pro_past_keys_get_no_year_after_the_article(banks):
    bank, questions = banks["vision-pro"]
    assert bank.article.meta.date == "2024-06"
    for q in questions:
        if q.kind == "multiple_choice" and q.answer == "2023":
            assert "2026" not in {c.text for c in q.choices}, q.stem


def test_world_cup_scores_players_and_dates(banks):
    found = answers(banks, "world-cup-2014")
    assert not [a for a in found if a in ("Brazil 7", "Argentina 1")]
    for fact in banks["world-cup-2014"][0].facts:
        if fact.kind == "date":
            assert fact.value.date.startswith("2014-"), fact.statement  # not "July 8, 1950"
    _, questions = banks["world-cup-2014"]
    for q in questions:
        texts = " ".join([q.stem] + [c.text for c in q.choices])
        assert "company Mario" not in texts and "goalkeeper GoalControl" not in texts, q.stem
    assert not [q.stem for q in questions if q.stem.startswith("Which term scored")]


def test_hamlet_characters_are_people_and_a_company_is_not_a_person(banks):
    found = answers(banks, "hamlet")
    assert "Chamberlain" not in found
    for name in ("Claudius", "Polonius", "Ophelia", "Laertes"):
        if name in found:
            assert found[name].value.entity_class == "person", name
    _, questions = banks["hamlet"]
    for q in questions:
        assert "Lord Claudius's Men" not in q.stem and "kills The Mousetrap" not in q.stem, q.stem
