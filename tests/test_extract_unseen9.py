"""End to end on the ninth round of unseen articles (tests/data/articles/SOURCES.md, round 9). Each
rule has its own small-text test; this module checks that the articles that showed the faults now
draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles, question_texts

NAMES = ["battle-of-hastings", "world-wide-web", "deepwater-horizon", "beethoven-ninth", "euro"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen9"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=14)


def test_hastings_names_and_pronouns(banks):
    bank, questions = banks["battle-of-hastings"]
    answers = {f.answer for f in bank.facts}
    assert "Edward the Confessor" in answers and not [a for a in answers if a.startswith("Around")]
    texts = question_texts(questions)
    assert not [t for t in texts if "Who the Confessor" in t or "promised Harold Godwinson the throne" in t
                or "Around 1070 William" in t]
    assert not [t for t in texts if t.endswith("?") and "the English army broke up" in t]


def test_beethoven_him_and_a_second_predicate(banks):
    _, questions = banks["beethoven-ninth"]
    texts = question_texts(questions)
    assert not [t for t in texts if "stood beside Friedrich Schiller" in t]
    assert not [t for t in texts if t.endswith("?") and "completed and is" in t]


def test_deepwater_no_number_the_sentence_already_gives(banks):
    _, questions = banks["deepwater-horizon"]
    for q in questions:
        if q.stem.startswith("Eleven workers were killed, and ______") and q.kind == "multiple_choice":
            assert "11" not in {c.text for c in q.choices}


def test_euro_frankfurt_is_not_offered_under_its_longer_name(banks):
    _, questions = banks["euro"]
    for q in questions:
        if "Central Bank in" in q.stem and q.kind in ("multiple_choice", "true_false"):
            assert "Frankfurt am Main" not in q.stem and "Frankfurt am Main" not in {c.text for c in q.choices}
