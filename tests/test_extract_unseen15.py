"""End to end on the fifteenth round of unseen articles (tests/data/articles/SOURCES.md, round 15),
and the oxygen article of round 11 redrafted. Each rule has its own small-text test; this module
checks that the articles that showed the faults now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts
from quizgen.generate.values import parse_quantity

NAMES = ["golden-gate-bridge", "plate-tectonics", "sputnik-1", "chinua-achebe", "inca-empire"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES + ["oxygen", "titanic-film"], tmp_path_factory.mktemp("unseen15"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=15)


def test_achebe_under_his_baptismal_name_is_no_other_man(banks):
    bank, questions = banks["chinua-achebe"]
    assert not [t for t in question_texts(questions) if t.startswith(("Albert Chinualumogu Achebe wrote", "A later"))]
    assert any("Albert Chinualumogu Achebe" in f.value.aliases for f in bank.facts
               if f.answer == "Chinua Achebe" and f.value is not None)


def test_it_is_named_in_sputnik_and_the_inca_empire(banks):
    for name, start in (("sputnik-1", "The Soviet Union launched Sputnik 1 on October 4, 1957"),
                        ("inca-empire", "At its height in the early 16th century the Inca Empire stretched")):
        bank, _ = banks[name]
        assert any(f.statement.startswith(start) for f in bank.facts), name


def test_timeline_events_are_what_their_dates_date(banks):
    flat = [e for _, questions in banks.values() for q in questions
            for e in q.sequence + [p.left for p in q.pairs]]
    assert any(e == "Chinua Achebe was born" for e in flat)
    assert not [e for e in flat if e.startswith(("Titanic tells the story", "A car crash left Chinua Achebe paralysed,"))
                or e == "On its 50th anniversary"]


def test_oxygen_gets_its_it_sentences_and_no_choice_below_absolute_zero(banks):
    bank, questions = banks["oxygen"]
    statements = [f.statement for f in bank.facts]
    assert "Oxygen becomes a pale blue liquid at minus 183 degrees Celsius." in statements
    assert "Oxygen makes up about 21 percent of the Earth's atmosphere." in statements
    cold = [q for q in questions if q.kind == "multiple_choice" and "minus ______ degrees Celsius" in q.stem]
    assert cold and all(parse_quantity(c.text) <= 273.15 for q in cold for c in q.choices)
