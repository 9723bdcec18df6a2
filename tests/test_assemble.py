"""Seeded forms: same seed same forms, keys that match, balanced letters, one question per fact."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pytest

from helpers_generate import date_fact, entity_fact, quantity_fact, write_bank
from quizgen.assemble import assemble_forms, balanced_positions
from quizgen.errors import QuizgenError
from quizgen.generate import generate_questions
from quizgen.loading import load_bank
from quizgen.model import LETTERS


@pytest.fixture(scope="module")
def questions(tmp_path_factory):
    """A bank of 24 facts: enough for 20-question forms of every kind."""
    folder = tmp_path_factory.mktemp("bank")
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    facts = []
    for i, month in enumerate(months):
        facts.append(date_fact(f"event-{i}", f"Meta shipped tool number {i + 1} on {month} 3, 2024.",
                               f"{month} 3, 2024", f"2024-{i + 1:02d}-03", "day"))
    for i, name in enumerate(["IEEE Spectrum", "InfoQ", "The Verge", "Fortune", "TechCrunch", "Maginative"]):
        facts.append(entity_fact(f"claim-{i}", f"{name} said that release {i + 1} mattered.", name, "publication",
                                 kind="attribution"))
    for i, number in enumerate([8, 70, 405, 90, 11, 1]):
        facts.append(quantity_fact(f"size-{i}", f"Model {i + 1} had {number} billion parameters.",
                                   f"{number} billion", number, "billion", "parameters"))
    return generate_questions(write_bank(folder, facts))


def test_same_seed_same_forms_different_seed_different_forms(questions):
    one = assemble_forms(questions, count=20, forms=3, seed=7)
    again = assemble_forms(questions, count=20, forms=3, seed=7)
    other = assemble_forms(questions, count=20, forms=3, seed=8)
    dump = lambda forms: [f.model_dump_json() for f in forms]
    assert dump(one) == dump(again)
    assert dump(one) != dump(other)
    assert [f.label for f in one] == ["A", "B", "C"]


def test_forms_differ_in_question_and_choice_order(questions):
    a, b = assemble_forms(questions, count=20, forms=2, seed=1)
    assert sorted(i.question.id for i in a.items) == sorted(i.question.id for i in b.items)
    assert [i.question.id for i in a.items] != [i.question.id for i in b.items]
    orders_a = {i.question.id: i.order for i in a.items if i.order}
    orders_b = {i.question.id: i.order for i in b.items if i.order}
    assert orders_a != orders_b


def test_each_key_matches_its_form(questions):
    for form in assemble_forms(questions, count=20, forms=4, seed=3):
        for item in form.items:
            q = item.question
            if q.kind == "multiple_choice":
                letter = item.key
                assert item.choices[LETTERS.index(letter)].correct
                assert item.choices[LETTERS.index(letter)].text == q.answer
            elif q.kind == "ordering":
                shown = item.shown_sequence
                assert [shown[LETTERS.index(x)] for x in item.key.split(", ")] == q.sequence
                assert shown != q.sequence
            elif q.kind == "matching":
                shown = item.shown_right
                for part, pair in zip(item.key.split(", "), q.pairs):
                    number, letter = part.split("-")
                    assert shown[LETTERS.index(letter)] == pair.right
            elif q.kind == "true_false":
                assert item.key == q.answer
        assert [n for n, _ in form.key] == list(range(1, len(form.items) + 1))


def test_answer_letters_are_balanced_within_a_form(questions):
    for seed in range(5):
        for form in assemble_forms(questions, count=20, forms=3, seed=seed, kinds=["mc"]):
            counts = Counter(item.key for item in form.items)
            assert len(form.items) == 20
            assert max(counts.values()) - min(counts.get(letter, 0) for letter in "ABCD") <= 1, counts


def test_balanced_positions_differ_by_at_most_one():
    import random

    for n in range(0, 30):
        counts = Counter(balanced_positions(n, 4, random.Random(n)))
        assert max(counts.values(), default=0) - min((counts.get(i, 0) for i in range(4)), default=0) <= 1


def test_at_most_one_question_per_fact_unless_allowed(questions):
    form = assemble_forms(questions, count=20, forms=1, seed=2)[0]
    facts = [f for item in form.items for f in item.question.fact_ids]
    assert len(facts) == len(set(facts))
    many = assemble_forms(questions, count=60, forms=1, seed=2, allow_same_fact=True)[0]
    assert len({item.question.fact_id for item in many.items}) < 60


def test_too_few_questions_is_a_clear_error(questions):
    with pytest.raises(QuizgenError, match=r"only \d+ questions available .*but 500 were requested"):
        assemble_forms(questions, count=500, forms=2, seed=1)
    with pytest.raises(QuizgenError, match=r"only 0 questions available for tags nope"):
        assemble_forms(questions, count=1, forms=1, seed=1, tags=["nope"])


def test_kinds_and_tags_filter(questions):
    form = assemble_forms(questions, count=5, forms=1, seed=1, kinds=["tf", "numeric"])[0]
    assert {i.question.kind for i in form.items} <= {"true_false", "numeric"}
    with pytest.raises(QuizgenError, match="unknown question kind"):
        assemble_forms(questions, count=5, forms=1, seed=1, kinds=["essay"])


def test_questions_with_lint_errors_never_reach_a_form(questions):
    bad = copy.deepcopy(questions[0])
    from quizgen.model import LintFinding

    bad.lint = [LintFinding(code="answer-leak", severity="error", message="x", question_id=bad.id)]
    rest = [q for q in questions if q.id != bad.id]
    for seed in range(10):
        form = assemble_forms([bad] + rest, count=20, forms=1, seed=seed)[0]
        assert bad.id not in {item.question.id for item in form.items}


def test_bundled_bank_makes_forms():
    questions = generate_questions(load_bank(None))
    forms = assemble_forms(questions, count=5, forms=2, seed=1)
    assert all(len(f.items) == 5 for f in forms)


def test_a_mixed_quiz_is_mostly_multiple_choice_with_every_kind(questions):
    # 24 facts: a 12-question form leaves room for the 4-fact timeline and matching items
    form = assemble_forms(questions, count=12, forms=1, seed=5)[0]
    kinds = Counter(item.question.kind for item in form.items)
    assert kinds.most_common(1)[0][0] == "multiple_choice"
    assert set(kinds) == {q.kind for q in questions}, kinds


def test_a_quiz_of_only_multi_fact_kinds(questions):
    form = assemble_forms(questions, count=2, forms=1, seed=1, kinds=["ordering"])[0]
    assert [item.question.kind for item in form.items] == ["ordering", "ordering"]


def test_facts_stated_by_one_sentence_get_one_question_per_form(tmp_path):
    # A drafted sentence gives a fact per answer; a cloze of each prints the others' answers ("In July
    # 2010 President ______ signed the Dodd-Frank Act" beside "... President Barack Obama signed the
    # ______"), so a form takes one of them.
    shared = "In July 2010 President Barack Obama signed the Dodd-Frank Act, which tightened bank rules."
    facts = [date_fact("when", shared, "July 2010", "2010-07", "month"),
             entity_fact("who", shared, "Barack Obama", "person"),
             entity_fact("what", shared, "Dodd-Frank Act", "event")]
    for i, month in enumerate(["January", "March", "May", "August", "October", "December"]):
        facts.append(date_fact(f"other-{i}", f"The bank opened branch number {i + 1} in {month} 2009.",
                               f"{month} 2009", f"2009-{[1, 3, 5, 8, 10, 12][i]:02d}", "month"))
    for i, name in enumerate(["Ben Bernanke", "Henry Paulson", "Timothy Geithner", "Sheila Bair"]):
        facts.append(entity_fact(f"person-{i}", f"{name} spoke to Congress about plan {i + 1}.", name, "person"))
    questions = generate_questions(write_bank(tmp_path, facts))
    for seed in range(12):
        form = assemble_forms(questions, count=11, forms=1, seed=seed)[0]
        sharing = [item.question.id for item in form.items
                   if {"when", "who", "what"} & set(item.question.fact_ids)]
        assert len(sharing) <= 1, (seed, sharing)
    with pytest.raises(QuizgenError, match="per sentence"):
        assemble_forms(questions, count=12, forms=1, seed=1)
    allowed = assemble_forms(questions, count=12, forms=1, seed=1, allow_same_fact=True)[0]
    assert len(allowed.items) == 12


def test_without_a_count_a_form_holds_twenty_or_all_there_are(questions):
    notes: list[str] = []
    form = assemble_forms(questions, forms=1, seed=1, note=notes.append)[0]
    assert len(form.items) == 20 and notes == []
    few = assemble_forms(questions, forms=1, seed=1, kinds=["ordering"], note=notes.append)[0]
    assert 0 < len(few.items) < 20
    assert notes == [f"{len(few.items)} question{'s' if len(few.items) != 1 else ''} per form: all the bank allows "
                     f"for kinds ordering (at most one per fact, or per sentence that several facts state; "
                     f"--allow-same-fact lifts that)"]
    with pytest.raises(QuizgenError, match=r"only 0 questions available for tags nope.*a form needs at least one"):
        assemble_forms(questions, forms=1, seed=1, tags=["nope"])
