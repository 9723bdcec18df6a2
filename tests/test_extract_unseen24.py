"""End to end on the twenty-fourth round of unseen articles (tests/data/articles/SOURCES.md, round 24).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles

NAMES = ["crowdstrike-outage", "twitter-acquisition", "event-horizon-telescope", "brexit", "lionel-messi"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen24"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=12)


def test_the_company_is_the_company_the_text_is_about(banks):
    crowdstrike = [f.statement for f in banks["crowdstrike-outage"][0].facts]
    assert "CrowdStrike is based in Austin, Texas." in crowdstrike
    assert not [s for s in crowdstrike if "UTC" in s and "04:09" not in s]
    twitter = [f.statement for f in banks["twitter-acquisition"][0].facts]
    assert not [s for s in twitter if "Delaware Court of Chancery's" in s]


def test_relative_days_are_dates_and_times_of_day_no_numbers(banks):
    twitter = [f.statement for f in banks["twitter-acquisition"][0].facts]
    assert any(s.startswith("On April 14, 2022, Elon Musk offered") for s in twitter), twitter
    brexit, questions = banks["brexit"]
    assert any(f.statement.startswith("On June 24, 2016, the prime minister") for f in brexit.facts)
    assert any(f.statement.startswith("The United Kingdom had joined") for f in brexit.facts)
    assert not [q.stem for q in questions if "______ pm" in q.stem or q.stem.startswith("On ______, was lost")]


def test_no_question_asks_the_year_of_an_as_clause(banks):
    _, questions = banks["lionel-messi"]
    assert not [q.stem for q in questions if q.stem.startswith("In which year") and "as he had been" in q.stem]
