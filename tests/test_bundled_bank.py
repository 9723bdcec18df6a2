"""The bundled bank (content/llama-3-2024) is the bank every newcomer sees first: it must load, cover the
whole article, and give the generator what it needs (every fact kind, every date precision, curated
distractors for cause facts, prompts that do not give their answer away).

Each check is a small function returning the problems it finds; the bundled bank must have none, and a
deliberately broken copy of the bank shows that each check does find what it looks for."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from quizgen.loading import Bank, find_quote, load_bank
from quizgen.model import FACT_KINDS, DateValue, Fact

MIN_FACTS = 40
MIN_KINDS = 6
MIN_CAUSE_DISTRACTORS = 3
# Kahoot's sheet limits (see DESIGN.md): the bundled bank should export without truncation.
MAX_QUESTION_CHARS = 120
MAX_ANSWER_CHARS = 75


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()  # None = the bundled default bank


# ------------------------------------------------------------------------------------------- checks


def uncovered_paragraphs(bank: Bank) -> list[str]:
    """Paragraphs of the article (headings excluded) that no fact's source quote lies in."""
    covered_lines = set()
    for fact in bank.facts:
        block = find_quote(bank.article, fact.source.quote)
        if block is not None and block.kind == "paragraph":
            covered_lines.add(block.line)
    return [f"article.md:{p.line}: {p.text[:60]}..." for p in bank.article.paragraphs if p.line not in covered_lines]


def missing_date_precisions(bank: Bank) -> list[str]:
    """Date precisions (day, month, year) and the year qualifier that no date fact uses."""
    dates = [f.value for f in bank.facts if f.kind == "date" and isinstance(f.value, DateValue)]
    present = {d.precision for d in dates} | {"qualified year" for d in dates if d.qualifier}
    return [p for p in ("day", "month", "year", "qualified year") if p not in present]


def cause_facts_short_of_distractors(bank: Bank) -> list[str]:
    """Cause facts with fewer than three curated distractors (generated ones cannot be parallel)."""
    return [f"{f.id}: {len(f.distractors)} distractors" for f in bank.facts
            if f.kind == "cause" and len(f.distractors) < MIN_CAUSE_DISTRACTORS]


def prompts_leaking_answer(bank: Bank) -> list[str]:
    """Facts whose hand-written prompt contains the answer (case-insensitive)."""
    return [f"{f.id}: {f.prompt!r}" for f in bank.facts
            if f.prompt and f.answer.casefold() in f.prompt.casefold()]


def answers_not_once_in_statement(bank: Bank) -> list[str]:
    """Facts whose answer does not occur exactly once in the statement (a cloze would be ambiguous)."""
    return [f"{f.id}: {f.statement.count(f.answer)} times" for f in bank.facts if f.statement.count(f.answer) != 1]


def texts_too_long_for_kahoot(bank: Bank) -> list[str]:
    """Prompts over Kahoot's question limit and answers or distractors over its answer limit."""
    problems = [f"{f.id}: prompt of {len(f.prompt)} chars" for f in bank.facts
                if f.prompt and len(f.prompt) > MAX_QUESTION_CHARS]
    problems += [f"{f.id}: choice of {len(text)} chars: {text[:30]}..." for f in bank.facts
                 for text in [f.answer, *f.distractors] if len(text) > MAX_ANSWER_CHARS]
    return problems


def with_facts(bank: Bank, facts: list[Fact]) -> Bank:
    """A copy of the bank with other facts (the article stays the same)."""
    return dataclasses.replace(bank, facts=facts)


# ---------------------------------------------------------------------------- the bundled bank


def test_bundled_bank_loads_with_enough_facts_of_enough_kinds(bank):
    kinds = Counter(f.kind for f in bank.facts)
    assert len(bank.facts) >= MIN_FACTS, f"only {len(bank.facts)} facts"
    assert len(kinds) >= MIN_KINDS, f"only {len(kinds)} kinds: {dict(kinds)}"


def test_every_fact_kind_occurs(bank):
    kinds = {f.kind for f in bank.facts}
    assert sorted(set(FACT_KINDS) - kinds) == []


def test_every_paragraph_is_the_source_of_some_fact(bank):
    assert uncovered_paragraphs(bank) == []


def test_every_date_precision_occurs(bank):
    assert missing_date_precisions(bank) == []


def test_every_cause_fact_has_three_curated_distractors(bank):
    assert any(f.kind == "cause" for f in bank.facts)
    assert cause_facts_short_of_distractors(bank) == []


def test_no_prompt_contains_its_answer(bank):
    assert prompts_leaking_answer(bank) == []


def test_every_answer_occurs_exactly_once_in_its_statement(bank):
    assert answers_not_once_in_statement(bank) == []


def test_prompts_and_choices_fit_kahoot_limits(bank):
    assert texts_too_long_for_kahoot(bank) == []


# ------------------------------------------------- the checks above find what they look for


def test_a_paragraph_without_facts_is_reported(bank):
    last = bank.article.paragraphs[-1]
    kept = [f for f in bank.facts if find_quote(bank.article, f.source.quote) != last]
    problems = uncovered_paragraphs(with_facts(bank, kept))
    assert len(problems) == 1 and problems[0].startswith(f"article.md:{last.line}:")


def test_a_quote_from_a_heading_does_not_cover_a_paragraph(bank):
    # The first heading's text; a fact quoting it covers no paragraph.
    heading = next(b for b in bank.article.blocks if b.kind == "heading")
    fact = bank.facts[0].model_copy(update={"source": bank.facts[0].source.model_copy(update={"quote": heading.text})})
    assert len(uncovered_paragraphs(with_facts(bank, [fact]))) == len(bank.article.paragraphs)


def test_a_missing_date_precision_is_reported(bank):
    no_day = [f for f in bank.facts if not (isinstance(f.value, DateValue) and f.value.precision == "day")]
    assert missing_date_precisions(with_facts(bank, no_day)) == ["day"]


def test_a_cause_fact_with_two_distractors_is_reported(bank):
    cause = next(f for f in bank.facts if f.kind == "cause")
    short = cause.model_copy(update={"distractors": cause.distractors[:2]})
    assert cause_facts_short_of_distractors(with_facts(bank, [short])) == [f"{cause.id}: 2 distractors"]


def test_a_prompt_with_its_answer_in_other_case_is_reported(bank):
    fact = next(f for f in bank.facts if f.prompt)
    leaky = fact.model_copy(update={"prompt": f"Is it {fact.answer.upper()}?"})
    assert len(prompts_leaking_answer(with_facts(bank, [leaky]))) == 1


def test_an_answer_occurring_twice_is_reported(bank):
    fact = bank.facts[0]
    twice = fact.model_copy(update={"statement": f"{fact.statement} Again: {fact.answer}."})
    assert answers_not_once_in_statement(with_facts(bank, [twice])) == [f"{fact.id}: 2 times"]


def test_a_prompt_or_choice_too_long_for_kahoot_is_reported(bank):
    fact = next(f for f in bank.facts if f.prompt and f.distractors)
    long = fact.model_copy(update={"prompt": "Why " + "x" * MAX_QUESTION_CHARS + "?",
                                   "distractors": [*fact.distractors[1:], "y" * (MAX_ANSWER_CHARS + 1)]})
    problems = texts_too_long_for_kahoot(with_facts(bank, [long]))
    assert [p.split(":")[1].strip() for p in problems] == ["prompt of 125 chars", "choice of 76 chars"]
