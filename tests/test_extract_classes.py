"""Entity classes come from evidence, never from a default "person".

Questions draw multiple-choice distractors and the false variant of a true/false item from names of the
same class, so a machine or a journal classed as a person gives "child of Lord Byron and Scientific
Memoirs". Each table row is a small text of its own (made-up names where the rule must not depend on a
known one); the last tests run the whole extractor on the lead's unseen Lovelace article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.extract import draft_facts, extract_article
from quizgen.extract.document import parse_document
from quizgen.extract.entities import EntityIndex, find_mentions
from quizgen.generate import generate_questions
from quizgen.generate.places import region_of, town_in_region
from quizgen.loading import load_bank

LOVELACE = Path(__file__).parent / "data" / "articles" / "lovelace.txt"


def _index(text: str) -> EntityIndex:
    """The entity index of a short text, built the way `quizgen extract` builds it (sentence by sentence)."""
    document = parse_document(text, markdown=False)
    index = EntityIndex()
    for block in document.blocks:
        for sentence in block.sentences:
            index.add_sentence(find_mentions(sentence.text), sentence.text)
    index.merge_short_names()
    for entity in index.all():
        entity.freeze()
    return index


def _class_of(text: str, name: str) -> str:
    entity = _index(text).resolve(name)
    assert entity is not None, f"{name!r} not found in {text!r}"
    return entity.entity_class


# -- a person needs positive evidence ---------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("She was the daughter of the poet Lord Byron and his wife.", "Byron"),                      # title
    ("The report was signed by Countess Orvala in 1840.", "Orvala"),                              # title
    ("In 1833 she met the mathematician Charles Babbage at a party.", "Charles Babbage"),        # apposition
    ("In 1842 the Italian engineer Luigi Menabrea published a paper.", "Luigi Menabrea"),         # apposition
    ("The team hired the sprinters Tolbe Marrin and Sam Quell in May.", "Tolbe Marrin"),         # plural role
    ("The money came from Anne Wexlock in 1815.", "Anne Wexlock"),                               # given name
    ("At the meeting, Dravic Ostel argued that the plan would fail.", "Dravic Ostel"),            # speech verb
    ("Dravic Ostel won the prize in 1990. She accepted it in Oslo.", "Dravic Ostel"),            # she after
    ("Dravic Ostel won the prize in 1990, and his team went to Oslo.", "Dravic Ostel"),          # his later
    ("The prize went to Dravic Ostel in 1990. Later that year the jury praised Ostel again.", "Dravic Ostel"),
    ("In 1953 Kelzang Norbu and Edmund Hillary reached the summit.", "Kelzang Norbu"),          # coordination
    ("Tarun Velkas has been president of the company since 2018.", "Tarun Velkas"),              # role
    ("The firm was founded by Hiroshi Talvane. Later, Masaru Talvane ran the firm.", "Masaru Talvane"),  # family
])
def test_a_person_needs_evidence(text, name):
    assert _class_of(text, name) == "person"


@pytest.mark.parametrize("text, name, cls", [
    # products, machines, works
    ("Babbage showed her a working portion of his Difference Engine, a mechanical calculator.",
     "Difference Engine", "product"),
    ("The weavers feared the Jacquard Loom more than hunger.", "Jacquard Loom", "product"),
    ("Work on the Orvane Vantor, a mechanical computer, stopped in 1840.", "Orvane Vantor", "product"),
    ("The Game Boy went on sale in 1989. Later came the Game Boy Color, in colour.", "Game Boy Color", "product"),
    ("Work began in 1996 on the Next Generation Space Telescope for infrared light.",
     "Next Generation Space Telescope", "product"),
    # publications
    ("The translation appeared in 1843 in Scientific Memoirs, signed with her initials.",
     "Scientific Memoirs", "publication"),
    ("The result was published in Acta Borealis the next spring.", "Acta Borealis", "publication"),
    ("A long review appeared in Harlow Quarterly that winter.", "Harlow Quarterly", "publication"),
    ("Her letters were reprinted by Velmar Tidings, a weekly newspaper, in 1851.", "Velmar Tidings", "publication"),
    # organisations, places, events
    ("In 1980 the United States Department of Defense named a language.",
     "United States Department of Defense", "organisation"),
    ("The summit lies on the border between Nepal and Tibet.", "Nepal", "place"),
    ("Unlike the earlier Kyoto Protocol, the deal sets no binding targets.", "Kyoto Protocol", "event"),
])
def test_things_are_classed_by_their_own_signals(text, name, cls):
    assert _class_of(text, name) == cls


@pytest.mark.parametrize("text, name", [
    ("The main contractor was Northrop Grumman.", "Northrop Grumman"),
    ("The sums were run on the Harwell Dekatron for a week.", "Harwell Dekatron"),
    ("Note G contained an algorithm to compute numbers with the engine.", "Note G"),
    ("Tarvik Holm won the contract in 1990. It paid for the new plant.", "Tarvik Holm"),
])
def test_no_evidence_gives_a_guessed_neutral_class(text, name):
    # Two capitalised words are no evidence of a person: machines, journals and firms look the same.
    entity = _index(text).resolve(name)
    assert entity is not None
    assert entity.entity_class == "concept"
    assert entity.class_guessed
    assert entity.confidence < 0.5


def test_evidence_is_not_a_guess():
    entity = _index("In 1833 she met the mathematician Charles Babbage.").resolve("Charles Babbage")
    assert not entity.class_guessed


def test_a_bare_name_shared_with_a_thing_named_after_a_person_is_not_the_person():
    text = ("The James Webb Space Telescope is the largest telescope in space. The James Webb Space Telescope "
            "was launched in 2021. In 2002 it was renamed after James E. Webb, who ran NASA. "
            "Since then, Webb has sent back many images.")
    index = _index(text)
    assert index.resolve("James E. Webb").entity_class == "person"
    assert index.resolve("Webb").name != "James E. Webb"


def test_a_guessed_class_is_flagged_for_review_with_less_confidence():
    text = ("The bridge was finished in 1932 after six years of work. The main contractor was Northrop Grumman. "
            "The main designer was the engineer Karla Voss.")
    drafts = draft_facts(parse_document(text, markdown=False))
    by_name = {d.fact.value.name: d for d in drafts if d.fact.kind == "entity"}
    assert by_name["Northrop Grumman"].fact.value.entity_class == "concept"
    assert "class guessed" in by_name["Northrop Grumman"].notes
    assert by_name["Karla Voss"].fact.value.entity_class == "person"
    assert "class guessed" not in by_name["Karla Voss"].notes
    assert by_name["Northrop Grumman"].confidence < by_name["Karla Voss"].confidence


# -- end to end on the lead's unseen article --------------------------------------------------------

@pytest.fixture(scope="module")
def lovelace_bank(tmp_path_factory):
    out = tmp_path_factory.mktemp("lovelace") / "bank"
    extract_article(LOVELACE, out)
    return load_bank(out)


def _draft_classes(bank) -> dict[str, str]:
    return {f.value.name: f.value.entity_class for f in bank.facts if hasattr(f.value, "entity_class")}


def test_lovelace_names_get_their_real_classes(lovelace_bank):
    classes = _draft_classes(lovelace_bank)
    for person in ("Byron", "Charles Babbage", "Luigi Menabrea"):
        assert classes.get(person) == "person", (person, classes)
    assert classes.get("Difference Engine") == "product", classes
    assert classes.get("Scientific Memoirs") == "publication", classes


def _region_after_blank(statement: str, answer: str):
    after = statement.split(answer, 1)[1] if answer in statement else ""
    match = re.match(r",\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)", after)
    return region_of(match.group(1)) if match else None


def _class_mixing_checked(bank) -> tuple[int, int]:
    """Asserts that no multiple-choice question offers, and no false statement swaps in, a name of
    another class than the key's; returns how many of each it checked."""
    classes = _draft_classes(bank)
    facts = {f.id: f for f in bank.facts}
    questions = [q for q in generate_questions(bank) if not q.has_errors]
    checked_mc = checked_false = 0
    for question in questions:
        fact = facts.get(question.fact_id)
        if fact is None or not hasattr(fact.value, "entity_class"):
            continue
        if question.kind == "multiple_choice":
            named = [c.text for c in question.choices if c.text in classes]
            # a choice the bank does not name must be a town of the state or country the sentence
            # writes after the blank ("in ______, Illinois": "Joliet", from the gazetteer)
            region = _region_after_blank(fact.statement, fact.answer) if fact.value.entity_class == "place" else None
            towns = [c.text for c in question.choices if c.text not in classes
                     and region is not None and town_in_region(c.text, region)]
            assert len(named) + len(towns) == len(question.choices), (question.id, [c.text for c in question.choices])
            assert {classes[name] for name in named} == {fact.value.entity_class}, (
                question.id, {name: classes[name] for name in named})
            checked_mc += 1
        if question.id.endswith(".tf-false"):
            # The false variant swaps the answer for a sibling of the same class.
            swapped = [name for name in classes if name != fact.value.name and name in question.stem
                       and name not in fact.statement]
            assert all(classes[name] == fact.value.entity_class for name in swapped), (question.id, swapped)
            checked_false += swapped != []
    return checked_mc, checked_false


def test_lovelace_questions_never_mix_entity_classes(lovelace_bank):
    # Its false statements swap names ("child of Lord Byron and Charles Babbage"). Its people's
    # multiple-choice questions are gone: "______, Countess of Lovelace" has too few women and
    # unknowns once men are ruled out, and "Who showed her ...?" would need "Byron" beside full
    # names. The multiple-choice check runs on the penicillin draft below.
    checked_mc, checked_false = _class_mixing_checked(lovelace_bank)
    assert checked_false >= 3, (checked_mc, checked_false)


def test_penicillin_questions_never_mix_entity_classes(tmp_path):
    out = tmp_path / "bank"
    extract_article(LOVELACE.parent / "penicillin.md", out)
    checked_mc, checked_false = _class_mixing_checked(load_bank(out))
    assert checked_mc >= 2 and checked_false >= 3, (checked_mc, checked_false)
