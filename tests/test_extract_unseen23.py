"""End to end on the twenty-third round of unseen articles (tests/data/articles/SOURCES.md, round 23).
Each rule has its own small-text test; this module checks that the articles that showed the faults
now draft and generate cleanly."""

from __future__ import annotations

import pytest

from helpers_unseen import assert_drafts_clean, draft_articles

NAMES = ["eu-ai-act", "nvidia", "malaria", "frida-kahlo", "chandrayaan-3"]


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    """Each article drafted once, loaded, with its questions."""
    return draft_articles(NAMES, tmp_path_factory.mktemp("unseen23"))


@pytest.mark.parametrize("name", NAMES)
def test_drafts_load_and_their_questions_have_no_lint_errors(banks, name):
    assert_drafts_clean(*banks[name], min_facts=12)


@pytest.mark.parametrize("name", ["eu-ai-act", "nvidia"])
def test_no_statement_has_lost_its_verb(banks, name):
    bank, _ = banks[name]
    assert not [f.statement for f in bank.facts if f.statement.startswith(("Three trillion", "Most of the remaining"))]


def test_days_kept_every_year_have_no_year(banks):
    for name, day in (("malaria", "World Malaria Day"), ("chandrayaan-3", "National Space Day")):
        bank, _ = banks[name]
        dated = [f for f in bank.facts if f.kind == "date" and day in f.statement]
        assert not [f.answer for f in dated if "," in f.answer], name  # a month and day with a year


def test_pronouns_and_the_country_are_named(banks):
    statements = {name: [f.statement for f in banks[name][0].facts] for name in ("nvidia", "malaria", "frida-kahlo")}
    assert "Jensen Huang has been Nvidia's chief executive since the start." in statements["nvidia"]
    assert any(s.startswith("Later in 1999 Nvidia released the GeForce 256") for s in statements["nvidia"])
    assert any(s.startswith("China had reported about 30 million cases") for s in statements["malaria"])
    assert any("when Frida Kahlo was 18" in s for s in statements["frida-kahlo"])


def test_no_prize_half_and_no_company_as_a_person(banks):
    malaria, _ = banks["malaria"]
    assert "Medicine" not in [f.answer for f in malaria.facts]
    nvidia, _ = banks["nvidia"]
    arm = [f for f in nvidia.facts if f.answer == "Arm"]
    assert all(f.value.entity_class == "organisation" for f in arm)


def test_timeline_events_are_whole_events(banks):
    for name in ("nvidia", "malaria"):
        _, questions = banks[name]
        events = [e for q in questions if q.kind == "ordering" for e in q.sequence]
        assert not [e for e in events if "that ended" in e or e.startswith("Drugs based on")], events
