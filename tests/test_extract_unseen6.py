"""End to end on the sixth round of unseen articles (tests/data/articles/SOURCES.md, round 6): what a
teacher saw wrong in their first drafts, checked on the drafts and on the questions built from them.
Each rule has its own small-text test in test_extract_rules.py, test_stems.py or
test_distractor_tells.py; this module checks that the articles that showed the faults now draft and
generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles
from quizgen.generate.values import parse_quantity

NAMES = ["serena-williams", "great-fire-london", "mona-lisa", "zimbabwe-inflation", "photosynthesis"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen6"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=5)


def statements(banks, name) -> list[str]:
    return [fact.statement for fact in banks[name][0].facts]


def choices(question) -> list[str]:
    return [c.text for c in question.choices if not c.correct]


def test_serena_she_is_not_her_father_and_the_medals_year_is_the_singles(banks):
    texts = statements(banks, "serena-williams")
    assert not [s for s in texts if s.startswith("Richard Williams turned professional")]
    assert "Serena Williams turned professional in 1995, when she was 14." in texts
    assert not [s for s in texts if s.startswith("With Venus she") or s.startswith("Williams ")]
    _, questions = banks["serena-williams"]
    assert not [q.stem for q in questions if q.stem.startswith("In which year did Serena Williams win four Olympic")]
    for q in questions:
        if q.kind == "multiple_choice" and q.stem.startswith("In ______ and 2003"):
            assert all(int(w) < 2003 for w in choices(q)), choices(q)


def test_great_fire_apposed_name_and_the_whole_city(banks):
    texts = statements(banks, "great-fire-london")
    assert not [s for s in texts if s.startswith("A French was")]
    _, questions = banks["great-fire-london"]
    for q in questions:
        if q.kind == "multiple_choice" and "of the city's ______ inhabitants" in q.stem:
            assert all(parse_quantity(w) > 70000 for w in choices(q)), choices(q)


def test_mona_lisa_regnal_number_and_genders(banks):
    bank, questions = banks["mona-lisa"]
    assert "Francis" not in {f.answer for f in bank.facts}
    for q in questions:
        texts = [q.stem] + [c.text for c in q.choices]
        assert not [t for t in texts if "Leonardo da Vinci, the wife" in t or "Gherardini, an Italian handyman" in t]
        if "the wife of the Florentine silk merchant" in q.stem and q.kind == "multiple_choice" and "______, the wife" in q.stem:
            assert "Leonardo da Vinci" not in choices(q)


def test_zimbabwe_is_a_country_and_the_calvin_cycle_keeps_its_noun(banks):
    bank, _ = banks["zimbabwe-inflation"]
    classes = {f.answer: f.value.entity_class for f in bank.facts if hasattr(f.value, "entity_class")}
    assert classes.get("Zimbabwe") in (None, "place")
    assert any(f.answer == "Zimbabwe" for f in bank.facts)
    assert not [s for s in statements(banks, "photosynthesis") if s.startswith("The Calvin is")]
