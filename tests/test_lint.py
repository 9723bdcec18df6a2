"""Lint: one deliberately bad question per rule; each test fails if its rule is removed."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from helpers_generate import date_fact, entity_fact, quantity_fact, write_bank
from quizgen.cli import main
from quizgen.generate.lint import lint_questions
from quizgen.model import Choice, Question, SourceRef


@pytest.fixture()
def bank(tmp_path):
    return write_bank(tmp_path, [
        date_fact("release", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day"),
        entity_fact("compare-a", "Zuckerberg compared the plan to Open Compute Project.", "Open Compute Project", "project"),
        entity_fact("compare-b", "Zuckerberg compared the plan to PyTorch.", "PyTorch", "project"),
        entity_fact("tool", "Meta built a Llama tool.", "Llama", "product"),
        quantity_fact("size", "Llama 3.1 included a model with 405 billion parameters.", "405 billion", 405,
                      "billion", "parameters"),
    ])


def make(kind="multiple_choice", stem="On what date did Meta release Llama 3?", key="April 18, 2024",
         wrong=("March 9, 2024", "May 27, 2024", "July 23, 2024"), fact_id="release", qid=None, **extra):
    choices = [Choice(text=key, correct=True)] + [Choice(text=w, correct=False) for w in wrong]
    if kind == "true_false":
        choices = [Choice(text="True", correct=key == "True"), Choice(text="False", correct=key == "False")]
    if kind in ("short_answer", "cloze", "numeric"):
        choices = []
    return Question(id=qid or f"{fact_id}.x", fact_id=fact_id, fact_ids=[fact_id], kind=kind, stem=stem,
                    choices=choices, answer=key, explanation="because", source=SourceRef(quote="q", article_title="t"),
                    **extra)


def codes(question, bank):
    lint_questions([question], bank)
    return {f.code for f in question.lint}


def test_a_good_question_has_no_findings(bank):
    assert codes(make(), bank) == set()


def test_findings_name_the_question_and_the_fact_line(bank):
    q = make(stem="On what date (April 18, 2024) did Meta release Llama 3?")
    lint_questions([q], bank)
    finding = q.lint[0]
    assert finding.question_id == "release.x"
    assert finding.location.endswith("facts.yaml:3")
    assert str(finding).startswith(finding.location + ": error: release.x: answer-leak")


def test_answer_leak(bank):
    assert "answer-leak" in codes(make(stem="Meta released Llama 3 on April 18, 2024: on what date?"), bank)
    assert "answer-leak" in codes(make(kind="short_answer", stem="When, April 18, 2024, did Meta release Llama 3?"), bank)


def test_accepted_variant_leak(bank):
    q = make(kind="short_answer", stem="Meta released Llama 3 on 2024-04-18; on what date?", accepted=["2024-04-18"])
    assert "answer-leak" in codes(q, bank)


def test_distractor_in_stem(bank):
    assert "distractor-in-stem" in codes(make(stem="Was it after May 27, 2024 that Meta released Llama 3?"), bank)


def test_duplicate_choice_after_normalisation(bank):
    q = make(stem="How many parameters did the largest model have?", key="405 billion",
             wrong=("405B", "70 billion", "8 billion"), fact_id="size")
    assert "duplicate-choice" in codes(q, bank)


def test_near_duplicate_choice(bank):
    q = make(stem="To what did Zuckerberg compare the plan?", key="Open Compute Project",
             wrong=("Open Compute Projects", "PyTorch Foundation", "React Native"), fact_id="compare-a")
    assert "near-duplicate-choice" in codes(q, bank)


def test_a_name_that_is_part_of_another_is_a_near_duplicate_choice(bank):
    q = make(stem="Which tool lets scientists cut DNA at a chosen place?", key="CRISPR-Cas9",
             wrong=("Cas9", "TALEN", "Zinc finger"), fact_id="tool", fact_kind="entity")
    assert "near-duplicate-choice" in codes(q, bank)
    fair = make(stem="Which tool lets scientists cut DNA at a chosen place?", key="CRISPR-Cas9",
                wrong=("Prime editing", "TALEN", "Zinc finger"), fact_id="tool", fact_kind="entity")
    assert "near-duplicate-choice" not in codes(fair, bank)


def test_also_true_distractor_from_another_fact_with_the_same_stem(bank):
    q = make(stem="Zuckerberg compared the plan to which project?", key="Open Compute Project",
             wrong=("PyTorch", "React", "Kubernetes"), fact_id="compare-a")
    assert "also-true" in codes(q, bank)


def test_also_true_distractor_that_is_an_accepted_variant(bank):
    q = make(wrong=("18 April 2024", "June 18, 2024", "July 18, 2024"), accepted=["April 18, 2024", "18 April 2024"])
    assert "also-true" in codes(q, bank)


def test_false_statement_that_is_true(bank):
    q = make(kind="true_false", key="False", stem="Zuckerberg compared the plan to PyTorch.", fact_id="compare-a")
    assert "also-true" in codes(q, bank)


def test_length_tell(bank):
    q = make(stem="To what did Zuckerberg compare the plan?", key="the company's earlier Open Compute Project",
             wrong=("React", "Linux", "PyTorch"), fact_id="compare-a")
    assert "length-tell" in codes(q, bank)


def test_format_or_precision_tell(bank):
    assert "format-tell" in codes(make(wrong=("May 2024", "June 2024", "July 2024")), bank)


def test_a_an_grammar_tell(bank):
    q = make(stem="Meta built an ______.", key="open model", wrong=("closed model", "small model", "big model"),
             fact_id="tool")
    assert "grammar-tell" in codes(q, bank)


def test_plural_grammar_tell(bank):
    q = make(stem="Meta released these ______.", key="open models", wrong=("closed model", "small model", "big model"),
             fact_id="tool")
    assert "grammar-tell" in codes(q, bank)


def test_false_statement_with_wrong_article_gives_it_away(bank):
    q = make(kind="true_false", key="False", stem="Meta built a Orca tool.", fact_id="tool")
    assert "grammar-tell" in codes(q, bank)


def test_unresolved_pronoun(bank):
    q = make(kind="cloze", stem="It was released on ______.", key="April 18, 2024")
    assert "unresolved-pronoun" in codes(q, bank)
    assert "unresolved-pronoun" in codes(make(stem="This release came on which date?"), bank)


@pytest.mark.parametrize("stem, flagged", [
    ("On ______, it crossed the heliopause.", True),  # a date before the pronoun resolves nothing
    ("In March 1959 he began work on the site, which took ______ years.", True),
    ("In the same year they sold ______ copies.", True),
    ("In ______ the band founded its own company.", False),
    ("By late ______, Meta had released three models.", False),
    ("From 1947 to ______ she worked in Paris.", True),  # an opening range resolves nothing either
    ("Between 1965 and ______ they lived in Detroit.", True),
    ("From 1947 to ______ Ann Lowe worked in Paris.", False),
])
def test_unresolved_pronoun_after_an_opening_time_phrase(bank, stem, flagged):
    assert ("unresolved-pronoun" in codes(make(kind="cloze", stem=stem, key="2012"), bank)) == flagged


def test_stem_form(bank):
    assert "stem-form" in codes(make(stem="on what date did Meta release Llama 3?"), bank)
    assert "stem-form" in codes(make(stem="The date Meta released Llama 3"), bank)


def test_all_of_the_above(bank):
    assert "all-of-the-above" in codes(make(wrong=("May 18, 2024", "June 18, 2024", "All of the above")), bank)


def test_choice_count(bank):
    assert "choice-count" in codes(make(wrong=("May 18, 2024", "June 18, 2024")), bank)


def test_near_duplicate_questions(bank):
    first = make(kind="short_answer", stem="On what date did Meta release Llama 3?", qid="release.short")
    second = make(kind="short_answer", stem="On which date did Meta release Llama 3?", qid="release.other")
    lint_questions([first, second], bank)
    assert not first.lint
    assert [f.code for f in second.lint] == ["near-duplicate-question"]
    assert "release.short" in second.lint[0].message


def test_lint_command_fails_on_errors_and_strict_on_warnings(tmp_path):
    good = write_bank(tmp_path / "good", [
        date_fact("release", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day"),
    ])
    result = CliRunner().invoke(main, ["lint", str(good.path)])
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output
    bad = write_bank(tmp_path / "bad", [
        date_fact("release", "It came out on April 18, 2024.", "April 18, 2024", "2024-04-18", "day"),
    ])
    result = CliRunner().invoke(main, ["lint", str(bad.path)])
    assert result.exit_code == 1
    assert "facts.yaml:3: error: release.tf-true: unresolved-pronoun" in result.output


def test_lint_strict_fails_on_warnings(tmp_path):
    # two facts that ask the same question with the same answer: a near-duplicate warning
    bank = write_bank(tmp_path, [
        date_fact("a", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day",
                  prompt="On what date did Meta release Llama 3?"),
        date_fact("b", "Meta made Llama 3 available on April 18, 2024.", "April 18, 2024", "2024-04-18", "day",
                  prompt="On what date did Meta release Llama 3?"),
    ])
    relaxed = CliRunner().invoke(main, ["lint", str(bank.path)])
    strict = CliRunner().invoke(main, ["lint", str(bank.path), "--strict"])
    assert relaxed.exit_code == 0, relaxed.output
    assert "near-duplicate-question" in strict.output and strict.exit_code == 1


def test_timeline_event_that_prints_its_date(bank):
    q = Question(id="timeline.1", fact_id="release", fact_ids=["release", "tool"], kind="ordering",
                 stem="Put these events in the order they happened, earliest first.",
                 sequence=["Meta released Llama 3 on 18 April 2024", "Meta built a Llama tool"], answer="x",
                 explanation="x", source=SourceRef(quote="q", article_title="t"))
    assert "answer-leak" in codes(q, bank)
    q.sequence = ["Meta released Llama 3", "Team 1800 built a Llama tool"]
    assert "answer-leak" not in codes(q, bank)


def test_false_statement_that_repeats_a_phrase(tmp_path):
    bank = write_bank(tmp_path, [{
        "id": "guard", "kind": "cause",
        "statement": "Llama Guard 3 supports the stance by giving developers tools, rather than relying on a central authority.",
        "answer": "by giving developers tools", "prompt": "How does Llama Guard 3 support the stance?",
        "distractors": ["by letting a central authority approve every use", "by keeping the weights secret",
                        "by blocking downloads"]}])
    q = make(kind="true_false", key="False", fact_id="guard",
             stem="Llama Guard 3 supports the stance by letting a central authority approve every use, "
                  "rather than relying on a central authority.")
    assert "repeated-phrase" in codes(q, bank)
    # and the generator avoids it: the false statement takes a distractor that does not echo the sentence
    from quizgen.generate import generate_questions

    false = {x.id: x for x in generate_questions(bank)}["guard.tf-false"]
    assert "central authority approve" not in false.stem and not false.lint
