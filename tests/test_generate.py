"""Question generation: every form a fact fits, distractors of the right kind and precision, stable ids."""

from __future__ import annotations

from collections import Counter

import pytest

from helpers_generate import (BUNDLED_MIN_KINDS, BUNDLED_MIN_QUESTIONS, date_fact, entity_fact, quantity_fact,
                              write_bank)
from quizgen.generate import generate_questions
from quizgen.generate.answers import matches
from quizgen.loading import load_bank
from quizgen.model import QUESTION_KINDS


def by_id(questions):
    return {q.id: q for q in questions}


def distractor_texts(question):
    return [c.text for c in question.choices if not c.correct]


def test_bundled_bank_yields_a_full_bank_without_lint_errors():
    bank = load_bank(None)
    questions = generate_questions(bank)
    errors = [str(f) for q in questions for f in q.lint if f.severity == "error"]
    assert errors == []
    kinds = Counter(q.kind for q in questions)
    assert len(questions) >= BUNDLED_MIN_QUESTIONS, kinds
    assert len(kinds) >= BUNDLED_MIN_KINDS, kinds


def test_every_single_fact_form_has_the_documented_id(tmp_path):
    bank = write_bank(tmp_path, [
        date_fact("release", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day"),
        quantity_fact("size", "Llama 3.1 included a model with 405 billion parameters.", "405 billion", 405,
                      "billion", "parameters", prompt="How many parameters did the largest Llama 3.1 model have?"),
    ])
    ids = [q.id for q in generate_questions(bank)]
    assert ids == ["release.mc", "release.tf-true", "release.tf-false", "release.cloze", "release.short",
                   "size.mc", "size.tf-true", "size.tf-false", "size.cloze", "size.numeric"]


def test_question_ids_survive_rewording_of_the_statement(tmp_path):
    fact = date_fact("release", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day")
    first = [q.id for q in generate_questions(write_bank(tmp_path / "a", [fact]))]
    reworded = dict(fact, statement="Meta made Llama 3 public on April 18, 2024.")
    second = [q.id for q in generate_questions(write_bank(tmp_path / "b", [reworded]))]
    assert set(second) <= set(first) and {"release.tf-true", "release.cloze", "release.mc"} <= set(second)


def test_day_dates_get_day_dates_in_the_same_style(tmp_path):
    bank = write_bank(tmp_path, [
        date_fact("release", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day"),
        date_fact("debut", "Meta released Llama 3.1 on July 23, 2024.", "July 23, 2024", "2024-07-23", "day"),
    ])
    mc = by_id(generate_questions(bank))["release.mc"]
    assert mc.stem == "On what date did Meta release Llama 3?"
    wrong = distractor_texts(mc)
    assert "July 23, 2024" in wrong  # a bank sibling comes first
    import re
    assert all(re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", text) for text in wrong), wrong


def test_month_and_vague_dates_keep_their_precision(tmp_path):
    bank = write_bank(tmp_path, [
        date_fact("llama-33", "Meta released Llama 3.3 in December 2024.", "December 2024", "2024-12", "month"),
        date_fact("llama-31", "In mid-2024, Meta introduced Llama 3.1.", "mid-2024", "2024", "year", qualifier="mid"),
    ])
    questions = by_id(generate_questions(bank))
    months = distractor_texts(questions["llama-33.mc"])
    import re
    assert all(re.fullmatch(r"[A-Z][a-z]+ \d{4}", m) for m in months), months
    vague = distractor_texts(questions["llama-31.mc"])
    assert all(re.fullmatch(r"(early \d{4}|mid-\d{4}|late \d{4})", v) for v in vague), vague
    assert questions["llama-31.mc"].stem == "When did Meta introduce Llama 3.1?"


def test_quantities_get_numbers_of_the_same_unit_and_scale(tmp_path):
    bank = write_bank(tmp_path, [
        quantity_fact("big", "Llama 3.1 included a model with 405 billion parameters.", "405 billion", 405, "billion",
                      "parameters", prompt="How many parameters did the largest Llama 3.1 model have?"),
        quantity_fact("mid", "Llama 3 came in a version with 70 billion parameters.", "70 billion", 70, "billion",
                      "parameters", prompt="How many parameters did the larger Llama 3 model have?"),
        quantity_fact("tokens", "Meta trained Llama 3 on 15 trillion tokens.", "15 trillion", 15, "trillion", "tokens",
                      prompt="On how many tokens was Llama 3 trained?"),
    ])
    wrong = distractor_texts(by_id(generate_questions(bank))["big.mc"])
    assert "70 billion" in wrong
    assert "15 trillion" not in wrong  # another unit
    assert all(text.endswith(" billion") and text.split()[0].isdigit() for text in wrong), wrong


def test_over_qualified_counts_keep_the_qualifier(tmp_path):
    bank = write_bank(tmp_path, [
        quantity_fact("downloads", "The model weights were downloaded over 1.2 million times in the first week.",
                      "over 1.2 million", 1.2, "million", "times", qualifier="over"),
    ])
    questions = by_id(generate_questions(bank))
    mc = questions["downloads.mc"]
    assert mc.stem == "How many times were the model weights downloaded in the first week?"
    assert all(text.startswith("over ") for text in distractor_texts(mc))
    numeric = questions["downloads.numeric"]
    assert numeric.numeric.value == 1_200_000
    for reply in ("1.2 million", "over 1.2 million", "1,200,000", "1.2M", "1200000"):
        assert matches(numeric, reply), reply
    assert not matches(numeric, "1.3 million")


def test_entities_take_siblings_of_the_same_class(tmp_path):
    facts = [entity_fact(f"claim-{i}", f"{name} said the release was {adj}.", name, "publication", kind="attribution")
             for i, (name, adj) in enumerate([("IEEE Spectrum", "historic"), ("InfoQ", "fast"),
                                              ("The Verge", "bold"), ("Fortune", "costly")])]
    facts.append(entity_fact("ceo", "Mark Zuckerberg said openness wins.", "Mark Zuckerberg", "person",
                             kind="attribution"))
    questions = by_id(generate_questions(write_bank(tmp_path, facts)))
    mc = questions["claim-0.mc"]
    assert mc.stem == "Which publication said the release was historic?"
    assert set(distractor_texts(mc)) == {"InfoQ", "The Verge", "Fortune"}
    assert "ceo.mc" not in questions  # a lone person has no siblings: no multiple choice rather than a bad one


def test_curated_distractors_win_and_cause_facts_use_only_them(tmp_path):
    bank = write_bank(tmp_path, [
        {"id": "guard", "kind": "cause", "statement": "Meta released Llama Guard 3 to help developers detect attacks.",
         "answer": "to help developers detect attacks", "prompt": "Why did Meta release Llama Guard 3?",
         "distractors": ["to run models on phones", "to translate output"]},
        date_fact("release", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day",
                  distractors=["April 1, 2024"]),
    ])
    questions = by_id(generate_questions(bank))
    assert "guard.mc" not in questions  # two curated distractors are not enough, and none are invented
    assert questions["guard.tf-false"].stem == "Meta released Llama Guard 3 to run models on phones."
    assert "April 1, 2024" in distractor_texts(questions["release.mc"])
    assert "False" in questions["release.tf-false"].explanation


def test_distractor_never_another_true_answer_of_the_same_stem(tmp_path):
    bank = write_bank(tmp_path, [
        entity_fact("a", "Meta compared the plan to Open Compute Project.", "Open Compute Project", "project"),
        entity_fact("b", "Meta compared the plan to PyTorch.", "PyTorch", "project"),
        entity_fact("c", "Meta funded React.", "React", "project"),
        entity_fact("d", "Meta funded Llama Stack.", "Llama Stack", "project"),
        entity_fact("e", "Meta funded Velox.", "Velox", "project"),
    ])
    questions = by_id(generate_questions(bank))
    for qid in ("a.mc", "a.tf-false"):
        q = questions[qid]
        assert "PyTorch" not in (distractor_texts(q) if q.kind == "multiple_choice" else [q.stem]), q


def test_true_false_pair_and_cloze(tmp_path):
    bank = write_bank(tmp_path, [
        date_fact("release", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day"),
    ])
    questions = by_id(generate_questions(bank))
    assert questions["release.tf-true"].stem == "Meta released Llama 3 on April 18, 2024."
    assert questions["release.tf-true"].answer == "True"
    assert questions["release.tf-false"].answer == "False"
    assert "April 18, 2024" not in questions["release.tf-false"].stem
    cloze = questions["release.cloze"]
    assert cloze.stem == "Meta released Llama 3 on ______."
    assert cloze.cloze.before + cloze.cloze.answer + cloze.cloze.after == "Meta released Llama 3 on April 18, 2024."
    for reply in ("April 18, 2024", "18 April 2024", "2024-04-18", "april 18 2024", "Apr. 18, 2024"):
        assert matches(cloze, reply), reply
    assert not matches(cloze, "April 19, 2024")


def test_false_statement_fixes_a_and_an(tmp_path):
    bank = write_bank(tmp_path, [
        entity_fact("tool", "Meta built a Llama tool.", "Llama", "product", distractors=["Orca", "Falcon", "Mistral"]),
    ])
    assert by_id(generate_questions(bank))["tool.tf-false"].stem == "Meta built an Orca tool."


def test_every_question_has_explanation_and_source(tmp_path):
    for q in generate_questions(load_bank(None)):
        assert q.explanation.strip()
        assert q.source.quote.strip() and q.source.article_title
        assert q.source.line > 0


def test_escaping_bank_generates_and_keeps_text_literal():
    from pathlib import Path

    bank = load_bank(Path(__file__).parent / "data" / "banks" / "escaping")
    questions = by_id(generate_questions(bank))
    assert questions["script-tag-text.tf-true"].stem == 'The tag <script>alert("x")</script> was printed on the poster.'
    assert "<script>alert(\"x\")</script>" in [c.text for c in questions["script-tag-text.mc"].choices]
    assert questions["hebrew-word.cloze"].answer == "שלום"
    assert questions["anki-syntax-guide.cloze"].stem.startswith("The guide to {{c1::cloze}} and {{Front}}")
    assert set(q.kind for q in questions.values()) <= set(QUESTION_KINDS)


def test_answer_matching_is_lenient_but_not_loose(tmp_path):
    bank = write_bank(tmp_path, [
        entity_fact("verge", "The Verge interviewed Zuckerberg about open source.", "The Verge", "publication",
                    prompt="Which publication interviewed Zuckerberg about open source?"),
        quantity_fact("size", "Llama 3.1 included a model with 405 billion parameters.", "405 billion", 405,
                      "billion", "parameters", prompt="How many parameters did the largest Llama 3.1 model have?"),
    ])
    questions = by_id(generate_questions(bank))
    short = questions["verge.short"]
    for reply in ("The Verge", "the verge", "Verge", " THE VERGE. "):
        assert matches(short, reply), reply
    assert not matches(short, "The Vergence")
    numeric = questions["size.numeric"]
    for reply in ("405 billion", "405B", "405bn", "405,000,000,000", "405000000000", "405 billion parameters"):
        assert matches(numeric, reply), reply
    assert not matches(numeric, "405 million") and not matches(numeric, "40.5 billion")


def test_generated_questions_are_valid_models_with_every_field():
    from dataclasses import fields

    from quizgen.model import QUESTION_ADAPTER, Question, question_data

    for q in generate_questions(load_bank(None)):
        dumped = question_data(q)
        assert list(dumped) == [f.name for f in fields(Question)]
        # the JSON record reads back into the same question: every field is there, with its declared type
        assert QUESTION_ADAPTER.validate_python(dumped) == q


def test_invented_dates_never_fall_after_the_article(tmp_path):
    # The test article is dated 2024-12: "January 2025" could not have been reported in it.
    bank = write_bank(tmp_path, [
        date_fact("llama-33", "Meta released Llama 3.3 in December 2024.", "December 2024", "2024-12", "month"),
    ])
    months = distractor_texts(by_id(generate_questions(bank))["llama-33.mc"])
    assert months == ["September 2024", "October 2024", "November 2024"]


def test_built_stems_read_like_a_teacher_wrote_them(tmp_path):
    bank = write_bank(tmp_path, [
        entity_fact("sa", 'SiliconANGLE called Llama 3.1 Meta\'s "biggest model to date."', "SiliconANGLE",
                    "publication", kind="quote"),
        entity_fact("x", "InfoQ said the release was fast.", "InfoQ", "publication", kind="attribution"),
        entity_fact("y", "Fortune said the release was costly.", "Fortune", "publication", kind="attribution"),
        entity_fact("z", "Wired said the release was bold.", "Wired", "publication", kind="attribution"),
        date_fact("d", "Meta released Llama 3.3 in December 2024, to close out the year.", "December 2024",
                  "2024-12", "month"),
        entity_fact("m", "According to Maginative, the release cut costs.", "Maginative", "publication",
                    kind="attribution"),
    ])
    questions = by_id(generate_questions(bank))
    assert questions["sa.mc"].stem == 'Which publication called Llama 3.1 Meta\'s "biggest model to date"?'
    assert questions["d.mc"].stem == "In which month did Meta release Llama 3.3?"
    assert questions["m.mc"].stem == "Which publication reported that the release cut costs?"


def test_number_matching_uses_figures_and_distinct_answers():
    questions = generate_questions(load_bank(None))
    matching = [q for q in questions if q.kind == "matching"]
    assert matching
    for q in matching:
        if "number" in q.stem:
            assert all(any(ch.isdigit() for ch in p.right) for p in q.pairs), q.pairs
        assert len({p.right for p in q.pairs}) == len(q.pairs) == 4


def test_a_statement_shared_by_several_facts_is_asked_true_or_false_once(tmp_path):
    # A drafted sentence gives a fact per answer (its date, its number, its name): on one form the same
    # "True" statement printed three times is one question three times.
    statement = "In October 2008 Congress created the $700 billion Troubled Asset Relief Program."
    bank = write_bank(tmp_path, [
        date_fact("when", statement, "October 2008", "2008-10", "month"),
        quantity_fact("how-much", statement, "$700 billion", 700, "billion", "USD"),
        entity_fact("who", statement, "Congress", "organisation"),
        date_fact("other", "In March 2008 Bear Stearns was sold to JPMorgan Chase.", "March 2008", "2008-03", "month")])
    questions = generate_questions(bank)
    true_ones = [q for q in questions if q.id.endswith(".tf-true")]
    assert [q.id for q in true_ones if q.stem == statement] == ["when.tf-true"]
    assert "other.tf-true" in {q.id for q in true_ones}
    # each fact keeps its own questions of every other form
    assert {"when.tf-false", "how-much.tf-false", "how-much.cloze", "when.cloze"} <= {q.id for q in questions}
