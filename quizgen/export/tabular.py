"""Row-shaped exports: a Kahoot quiz spreadsheet, a Quizlet import text, and a CSV of every question.

Kahoot's spreadsheet import reads its own template: a header on row 8 and one question a row from row
9 (column A numbers the question; B the question, at most 120 characters; C-F up to four answers of
at most 75; G the time limit, one of 5, 10, 20, 30, 60, 90, 120, 240 seconds; H the number(s) of the
correct answer(s)). Anything that does not fit is skipped with a reason, never cut short.

Quizlet imports "term TAB definition", one card a line; tabs and line breaks inside a text become
spaces (the only change made to any text, and it is reported).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import zipfile
from pathlib import Path
from typing import Optional

from quizgen.export.base import (
    DETAIL,
    ExportResult,
    accepted_answers,
    flatten_whitespace,
    format_number,
    source_text,
    stable_choice_order,
    xml_unsafe_reason,
)
from quizgen.loading import Bank
from quizgen.model import Question
from quizgen.output import write_bytes_atomic, write_text_atomic, zip_bytes

KAHOOT_QUESTION_MAX = 120
KAHOOT_ANSWER_MAX = 75
KAHOOT_TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
KAHOOT_HEADER = (
    "",
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) \u2013 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
KAHOOT_HEADER_ROW = 8  # 1-based, as in Kahoot's template; questions start on the next row
# A fixed date for the workbook's properties, so the same questions give the same bytes.
_FIXED_TIME = _dt.datetime(2000, 1, 1, 0, 0, 0)


def kahoot_length(text: str) -> int:
    """Length as a web page counts it (UTF-16 code units: an emoji counts 2), the stricter count."""
    return len(text.encode("utf-16-le")) // 2


def _kahoot_time_limit(question: Question, answers: list[str]) -> int:
    # Reading time grows with the text: 20 s (Kahoot's default) for short items, 30 s or 60 s for long.
    size = kahoot_length(flatten_whitespace(question.stem)) + sum(kahoot_length(a) for a in answers)
    limit = 20 if size <= 120 else 30 if size <= 240 else 60
    assert limit in KAHOOT_TIME_LIMITS
    return limit


def kahoot_row(question: Question) -> tuple[Optional[list], Optional[str]]:
    """(row values B..H, None) for a question Kahoot can hold, else (None, reason)."""
    if question.kind not in ("multiple_choice", "true_false"):
        return None, "Kahoot's spreadsheet holds only multiple-choice and true/false questions"
    if question.image:
        return None, "Kahoot's spreadsheet cannot carry images"
    unsafe = xml_unsafe_reason(question)
    if unsafe:
        return None, unsafe
    stem = flatten_whitespace(question.stem)
    if kahoot_length(stem) > KAHOOT_QUESTION_MAX:
        return None, (f"question over Kahoot's {KAHOOT_QUESTION_MAX} characters{DETAIL}"
                      f"{kahoot_length(stem)} characters")
    choices = stable_choice_order(question)
    if not 2 <= len(choices) <= 4:
        return None, f"Kahoot takes 2 to 4 answers{DETAIL}{len(choices)} answers"
    answers = [flatten_whitespace(c.text) for c in choices]
    too_long = [a for a in answers if kahoot_length(a) > KAHOOT_ANSWER_MAX]
    if too_long:
        return None, (f"an answer over Kahoot's {KAHOOT_ANSWER_MAX} characters{DETAIL}"
                      f"\"{too_long[0]}\" has {kahoot_length(too_long[0])}")
    if any(not a for a in answers):
        return None, "an answer is empty"
    correct = [str(i) for i, c in enumerate(choices, 1) if c.correct]
    if not correct:
        return None, "no correct answer"
    # One correct answer is a number, as in Kahoot's template; several are "1,3".
    key: int | str = int(correct[0]) if len(correct) == 1 else ",".join(correct)
    return [stem, *answers, *([""] * (4 - len(answers))), _kahoot_time_limit(question, answers), key], None


def _set_text(cell, value: str) -> None:
    cell.value = value
    # openpyxl reads a string starting with "=" as a formula; keep user text as text.
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def kahoot_workbook_bytes(questions: list[Question], bank: Bank, result: ExportResult) -> bytes:
    """The Kahoot quiz spreadsheet (.xlsx) in Kahoot's template layout, reproducible byte for byte."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    _set_text(sheet["B1"], "Quiz template")
    _set_text(sheet["B2"], bank.title)
    _set_text(sheet["B3"], "Made by quizgen. In Kahoot: Create > Kahoot > Add question > Import spreadsheet. "
                           "Keep the columns as they are.")
    sheet["B1"].font = Font(bold=True, size=14)
    for column, title in enumerate(KAHOOT_HEADER, 1):
        cell = sheet.cell(KAHOOT_HEADER_ROW, column)
        _set_text(cell, title)
        cell.font = Font(bold=True, color="FFFFFFFF")
        cell.fill = PatternFill("solid", fgColor="FF46178F")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for letter, width in zip("ABCDEFGH", (4, 60, 30, 30, 30, 30, 14, 14)):
        sheet.column_dimensions[letter].width = width
    row_number = KAHOOT_HEADER_ROW
    for question in questions:
        values, reason = kahoot_row(question)
        if values is None:
            result.skip(question, reason or "cannot be written")
            continue
        row_number += 1
        sheet.cell(row_number, 1, result.written + 1)
        for column, value in enumerate(values, 2):
            cell = sheet.cell(row_number, column)
            if isinstance(value, str):
                _set_text(cell, value)
            else:
                cell.value = value
        result.written += 1
    workbook.properties.creator = "quizgen"
    workbook.properties.title = bank.title
    workbook.properties.created = _FIXED_TIME
    workbook.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    # openpyxl stamps the save time into docProps/core.xml and onto the zip members; put the fixed
    # time back and re-pack with fixed member times, so the same questions give the same bytes.
    from openpyxl.xml.functions import tostring

    workbook.properties.modified = _FIXED_TIME
    core = tostring(workbook.properties.to_tree())
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        members = [(info.filename, core if info.filename == "docProps/core.xml" else archive.read(info.filename))
                   for info in archive.infolist()]
    return zip_bytes(members)


def export_kahoot(questions: list[Question], bank: Bank, path: Path) -> ExportResult:
    """Write the multiple-choice and true/false questions as a Kahoot quiz spreadsheet (.xlsx)."""
    result = ExportResult(path=Path(path), format="kahoot")
    write_bytes_atomic(result.path, kahoot_workbook_bytes(questions, bank, result))
    return result


# --------------------------------------------------------------------------------------------------
# Quizlet


def quizlet_card(question: Question) -> tuple[str, str]:
    """(term, definition) of a question as a flashcard; texts may still hold tabs or line breaks."""
    if question.kind in ("multiple_choice", "true_false"):
        definition = next((c.text for c in question.choices if c.correct), question.answer)
    elif question.kind == "ordering":
        definition = " \u2192 ".join(question.sequence)
    elif question.kind == "matching":
        definition = "; ".join(f"{p.left} \u2192 {p.right}" for p in question.pairs)
    elif question.kind == "cloze" and question.cloze:
        definition = question.cloze.answer
    else:
        definition = question.answer
    return question.stem, definition


def quizlet_text(questions: list[Question], result: ExportResult) -> str:
    """Quizlet's import text: term TAB definition, one card a line."""
    lines = []
    seen: set[tuple[str, str]] = set()
    for question in questions:
        term, definition = quizlet_card(question)
        term, definition = flatten_whitespace(term), flatten_whitespace(definition)
        if not term or not definition:
            result.skip(question, "empty term or definition")
            continue
        # A multiple-choice and a short-answer question on one fact make the same card; keep one.
        if (term, definition) in seen:
            result.skip(question, "same question and answer as an earlier card")
            continue
        seen.add((term, definition))
        lines.append(f"{term}\t{definition}")
        result.written += 1
    return "".join(line + "\n" for line in lines)


def export_quizlet(questions: list[Question], bank: Bank, path: Path) -> ExportResult:
    """Write one Quizlet flashcard a question (question TAB answer), for Quizlet's "Import" box."""
    result = ExportResult(path=Path(path), format="quizlet")
    write_text_atomic(result.path, quizlet_text(questions, result))
    return result


# --------------------------------------------------------------------------------------------------
# CSV of everything

CSV_COLUMNS = ("id", "kind", "stem", "answer", "choices", "correct", "accepted", "value", "tolerance",
               "unit", "sequence", "pairs", "explanation", "source", "tags", "fact_ids")


def csv_row(question: Question) -> dict[str, str]:
    """A question as one CSV row. List columns hold JSON arrays, so any text survives unchanged."""

    def as_json(value: object) -> str:
        return json.dumps(value, ensure_ascii=False) if value else ""

    numeric = question.numeric
    return {
        "id": question.id,
        "kind": question.kind,
        "stem": question.stem,
        "answer": question.answer,
        "choices": as_json([c.text for c in question.choices]),
        "correct": as_json([c.text for c in question.choices if c.correct]),
        "accepted": as_json(accepted_answers(question) if question.kind in ("short_answer", "cloze", "numeric")
                            else []),
        "value": format_number(numeric.value) if numeric else "",
        "tolerance": format_number(numeric.tolerance) if numeric else "",
        "unit": numeric.unit if numeric else "",
        "sequence": as_json(question.sequence),
        "pairs": as_json([[p.left, p.right] for p in question.pairs]),
        "explanation": question.explanation,
        "source": source_text(question),
        "tags": as_json(question.tags),
        "fact_ids": as_json(question.fact_ids),
    }


def csv_text(questions: list[Question], result: ExportResult) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for question in questions:
        writer.writerow(csv_row(question))
        result.written += 1
    return buffer.getvalue()


def export_csv(questions: list[Question], bank: Bank, path: Path) -> ExportResult:
    """Write every question as a CSV row (UTF-8 with a byte-order mark, so spreadsheets read accents)."""
    result = ExportResult(path=Path(path), format="csv")
    write_bytes_atomic(result.path, csv_text(questions, result).encode("utf-8-sig"))
    return result
