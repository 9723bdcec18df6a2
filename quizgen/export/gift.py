"""GIFT, Moodle's plain-text question format.

Every text goes out as `[html]` with the user's text HTML-escaped and then GIFT-escaped, so that
Moodle shows it literally (GIFT's `[moodle]` default would turn some text into markup). Fields Moodle
stores as plain text (short-answer responses, matching answers) are GIFT-escaped only. The escaping
rules are those of Moodle's qformat_gift (escapedchar_pre / repchar): `~ = # { } :` and the backslash
itself take a backslash, a line break is written `\\n`.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.export.base import (
    moodle_import_problem,
    carried_questions,
    ExportResult,
    accepted_answers,
    flatten_whitespace,
    format_number,
    general_feedback_html,
    moodle_category_names,
    moodle_category_path,
    moodle_shortanswer_pattern,
    stable_choice_order,
    text_to_html,
)
from quizgen.loading import Bank
from quizgen.model import Question
from quizgen.output import write_text_atomic

FORMAT = "gift"

_GIFT_SPECIAL = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:",
                 "\n": "\\n", "\r": ""}


def gift_escape(text: str) -> str:
    """Escape GIFT's control characters (and line breaks) so Moodle reads `text` literally."""
    return "".join(_GIFT_SPECIAL.get(ch, ch) for ch in text)


def gift_html(text: str) -> str:
    """User text as an `[html]` GIFT field: HTML-escaped, then GIFT-escaped."""
    return "[html]" + gift_escape(text_to_html(text))


def gift_raw_html(html_text: str) -> str:
    """Already-built HTML (our own feedback markup) as an `[html]` GIFT field."""
    return "[html]" + gift_escape(html_text)


def _header(question: Question) -> list[str]:
    # Moodle (3.6+) reads "[id:...]" and "[tag:...]" from the comment line just before a question.
    bits = [f"[id:{question.id}]"] + [f"[tag:{tag}]" for tag in question.tags]
    return ["// " + " ".join(bits), f"::{gift_escape(question.id)}::{gift_html(question.stem)}{{"]


def _general_feedback(question: Question) -> str:
    return "\t####" + gift_raw_html(general_feedback_html(question))


def _answer_feedback(feedback: str) -> str:
    return "#" + gift_html(feedback) if feedback else ""


def _multiple_choice(question: Question) -> list[str]:
    lines = _header(question)
    for choice in stable_choice_order(question):
        mark = "=" if choice.correct else "~"
        lines.append(f"\t{mark}{gift_html(choice.text)}{_answer_feedback(choice.feedback)}")
    lines += [_general_feedback(question), "}"]
    return lines


def _true_false(question: Question) -> list[str]:
    right = next(c for c in question.choices if c.correct)
    wrong = next(c for c in question.choices if not c.correct)
    key = "TRUE" if right.text.strip().lower() == "true" else "FALSE"
    # {TRUE#feedback when answered wrongly#feedback when answered rightly####general}
    feedback = ""
    if wrong.feedback or right.feedback:
        feedback = "#" + (gift_html(wrong.feedback) if wrong.feedback else "")
        if right.feedback:
            feedback += "#" + gift_html(right.feedback)
    lines = _header(question)
    lines.append(f"\t{key}{feedback}")
    lines += [_general_feedback(question), "}"]
    return lines


def _short_answer(question: Question) -> list[str]:
    lines = _header(question)
    for answer in accepted_answers(question):
        # An explicit full weight, as Moodle itself writes: an answer that starts like "%50%..."
        # would otherwise be read as a weight.
        lines.append(f"\t=%100%{gift_escape(moodle_shortanswer_pattern(answer))}")
    lines += [_general_feedback(question), "}"]
    return lines


def _numeric(question: Question) -> list[str]:
    assert question.numeric is not None
    lines = _header(question)
    lines[-1] += "#"
    value = format_number(question.numeric.value)
    tolerance = format_number(question.numeric.tolerance)
    lines.append(f"\t={value}:{tolerance}")
    lines += [_general_feedback(question), "}"]
    return lines


def _matching(question: Question) -> list[str]:
    lines = _header(question)
    for pair in question.pairs:
        # The left side is HTML (so '->' inside it is written '-&gt;' and cannot split the pair);
        # the right side is plain text, split by Moodle at the first '->'.
        lines.append(f"\t={gift_html(pair.left)} -> {gift_escape(pair.right)}")
    lines += [_general_feedback(question), "}"]
    return lines


def _cannot_carry(question: Question) -> str | None:
    """Why GIFT (as Moodle imports it) cannot hold this question, or None."""
    if question.kind == "ordering":
        return "GIFT has no ordering question type"
    problem = moodle_import_problem(question)
    if problem:
        return problem
    if question.image:
        return "GIFT cannot carry images (use Moodle XML)"
    return None


_WRITERS = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "short_answer": _short_answer,
    "cloze": _short_answer,  # the stem shows the blank; the answers are those of a short answer
    "numeric": _numeric,
    "matching": _matching,
}


def gift_text(questions: list[Question], bank: Bank, result: ExportResult) -> str:
    """The GIFT file for `questions`, grouped by category; skipped questions are recorded in `result`."""
    blocks: list[str] = [f"// {flatten_whitespace(bank.title)}\n// exported by quizgen from bank {bank.id}"]
    current_category = None
    kept = carried_questions(questions, _cannot_carry, result)
    # Group by category (stable), so each $CATEGORY line is written once.
    kept.sort(key=lambda q: moodle_category_names(bank.id, q))
    for question in kept:
        category = moodle_category_path(moodle_category_names(bank.id, question))
        if category != current_category:
            blocks.append(f"$CATEGORY: {category}")
            current_category = category
        blocks.append("\n".join(_WRITERS[question.kind](question)))
        result.written += 1
    return "\n\n".join(blocks) + "\n"


def export_gift(questions: list[Question], bank: Bank, path: Path) -> ExportResult:
    """Write `questions` as a GIFT file for Moodle's question bank import."""
    result = ExportResult(path=Path(path), format=FORMAT)
    write_text_atomic(result.path, gift_text(questions, bank, result))
    return result
