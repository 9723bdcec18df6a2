"""The unseen-article rounds (tests/test_extract_unseen*.py): each drafts its articles once and
checks that the drafts load and generate without lint errors."""

from __future__ import annotations

from pathlib import Path

from quizgen.extract import extract_article
from quizgen.generate import generate_questions
from quizgen.loading import load_bank

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


def draft_articles(names: list[str], base: Path) -> dict:
    """Each article drafted once into `base`, loaded, with its questions: name -> (bank, questions)."""
    out = {}
    for name in names:
        extract_article(ARTICLES / f"{name}.md", base / name)
        bank = load_bank(base / name)
        out[name] = (bank, generate_questions(bank))
    return out


def assert_drafts_clean(bank, questions, min_facts: int) -> None:
    """The draft has enough facts, no question with a lint error, and the three basic kinds."""
    assert len(bank.facts) >= min_facts
    errors = [(q.id, f.code) for q in questions for f in q.lint if f.severity == "error"]
    assert not errors
    assert {"multiple_choice", "true_false", "cloze"} <= {q.kind for q in questions}


def question_texts(questions, answers: bool = False) -> list[str]:
    """Every stem and choice of the questions (and, with `answers`, every answer): what a rule that
    must never print something checks."""
    texts = [q.stem for q in questions] + [c.text for q in questions for c in q.choices]
    return texts + [q.answer for q in questions] if answers else texts
