"""Names of one entity, at random: however a bank groups its people's names (value.aliases on any
fact, chains of them, a short answer naming its value), no question offers two names of one person,
offers the key's other name as wrong, swaps it into the false statement, or refuses it as a typed
answer. Derandomized, so CI sees the same banks every run."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers_generate import entity_fact, write_bank
from quizgen.generate import generate_questions

FIRST = ["Ada", "Grace", "Alan", "Marie", "Pierre", "Henri", "Lise", "Emmy", "Niels", "Max", "Rosalind", "Otto"]
LAST = ["Lovelace", "Hopper", "Turing", "Curie", "Becquerel", "Meitner", "Noether", "Bohr", "Planck",
        "Franklin", "Hahn", "Sklodowska"]
DEEDS = ["wrote the first program", "found the first bug", "broke the cipher", "isolated radium",
         "measured the rays", "explained fission", "proved the theorem", "modelled the atom",
         "named the quantum", "photographed the helix", "split the nucleus", "coined the word"]


@st.composite
def people_banks(draw):
    """Facts about 5-9 distinct names; some names are declared one person, on a random fact."""
    count = draw(st.integers(5, 9))
    names = draw(st.lists(st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)).map(" ".join),
                          min_size=count, max_size=count, unique=True))
    # person of each name: a random partition, merged through aliases declared on random facts
    person = list(range(count))
    for _ in range(draw(st.integers(0, 3))):
        a, b = draw(st.integers(0, count - 1)), draw(st.integers(0, count - 1))
        old, new = person[a], person[b]
        person = [new if p == old else p for p in person]
    facts = []
    for i, name in enumerate(names):
        facts.append(entity_fact(f"f{i}", f"{name} {DEEDS[i]} in {1900 + i}.", name, "person"))
    for group in set(person):
        members = [i for i in range(count) if person[i] == group]
        if len(members) > 1:
            on = draw(st.sampled_from(members))  # the alias is written on one fact of the group only
            facts[on]["value"]["aliases"] = [names[i] for i in members if i != on]
    return facts, names, person


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(people_banks())
def test_no_question_treats_two_names_of_one_person_as_two(bank_spec):
    facts, names, person = bank_spec
    group_of = {name: person[i] for i, name in enumerate(names)}
    with tempfile.TemporaryDirectory() as tmp:
        questions = generate_questions(write_bank(Path(tmp), facts))
    for question in questions:
        if question.kind not in ("multiple_choice", "true_false", "short_answer", "cloze"):
            continue
        key = names[int(question.fact_id[1:])]
        same = {n for n in names if group_of[n] == group_of[key]}
        if question.kind == "multiple_choice":
            groups = [group_of[c.text] for c in question.choices]
            assert len(set(groups)) == len(groups), [c.text for c in question.choices]
        elif question.kind == "true_false" and question.answer == "False":
            swapped = question.stem.split(" ", 2)[:2]
            assert " ".join(swapped) not in same, question.stem
        elif question.kind in ("short_answer", "cloze"):
            assert same <= set(question.accepted), (same, question.accepted)
        assert not [f for f in question.lint if f.severity == "error"], question.lint
