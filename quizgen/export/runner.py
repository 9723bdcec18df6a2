"""The library side of `quizgen export` and of the LMS part of `quizgen build`: load a bank, take its
generated questions (lint errors left out), keep the asked kinds and tags, and call a format's writer."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence

from quizgen.errors import QuizgenError
from quizgen.export import EXPORT_FORMATS, LMS_FORMATS, ExportResult, exporter
from quizgen.export.base import DETAIL, select_questions
from quizgen.loading import Bank, load_bank
from quizgen.model import Question


def bank_questions(bank: Bank) -> list[Question]:
    """Every generated question of the bank, lint findings attached."""
    from quizgen.generate import generate_questions

    return generate_questions(bank)


def choose_questions(bank: Bank, questions: list[Question], kinds: Optional[Sequence[str]],
                     tags: Optional[Sequence[str]]) -> list[Question]:
    """The questions to export; a tag the bank does not use is an error (a typo would export nothing)."""
    from quizgen.model import QUESTION_KINDS

    bad_kinds = [kind for kind in kinds or () if kind not in QUESTION_KINDS]
    if bad_kinds:
        raise QuizgenError(f"unknown question kind {', '.join(bad_kinds)} (kinds: {', '.join(QUESTION_KINDS)})")
    known_tags = sorted({tag for question in questions for tag in question.tags})
    unknown = [tag for tag in tags or () if tag not in known_tags]
    if unknown:
        raise QuizgenError(f"no question of bank {bank.id} has the tag {', '.join(unknown)} "
                           f"(tags: {', '.join(known_tags) or 'none'})")
    chosen = select_questions(questions, kinds, tags)
    if not chosen:
        raise QuizgenError(f"no question of bank {bank.id} matches "
                           f"--kinds {','.join(kinds or ()) or 'any'} --tags {','.join(tags or ()) or 'any'}")
    return chosen


def export_bank(bank_ref: Optional[str | Path], format_name: str, out_path: Path,
                kinds: Optional[Sequence[str]] = None, tags: Optional[Sequence[str]] = None) -> ExportResult:
    """Write the bank's questions (of `kinds`, with any of `tags`) in one format to `out_path`."""
    if format_name not in EXPORT_FORMATS:
        raise QuizgenError(f"unknown format {format_name} (formats: {', '.join(EXPORT_FORMATS)})")
    try:
        write = exporter(format_name)
    except (ImportError, AttributeError) as exc:  # a registered format whose module is not installed yet
        raise QuizgenError(f"format {format_name} is not available in this installation ({exc})") from None
    bank = load_bank(bank_ref)
    questions = choose_questions(bank, bank_questions(bank), kinds, tags)
    return write(questions, bank, Path(out_path))


def export_lms_files(bank: Bank, questions: list[Question], folder: Path,
                     progress: Callable[[str], None] = lambda _: None) -> list[ExportResult]:
    """Every LMS format into `folder` as <bank-id><suffix>; reports each file and what it skipped."""
    chosen = select_questions(questions)
    results = []
    for format_name in LMS_FORMATS:
        suffix = EXPORT_FORMATS[format_name][2]
        result = exporter(format_name)(chosen, bank, Path(folder) / f"{bank.id}{suffix}")
        progress(describe_result(result))
        results.append(result)
    return results


def describe_result(result: ExportResult, *, list_skipped: int = 8) -> str:
    """The summary line of a file, then what it skipped grouped by reason, naming the questions."""
    lines = [f"wrote {result.summary}"]
    by_reason: dict[str, list[str]] = {}
    for question_id, reason in result.skipped:
        general, _, detail = reason.partition(DETAIL)
        by_reason.setdefault(general, []).append(f"{question_id} ({detail})" if detail else question_id)
    for reason, ids in by_reason.items():
        shown = ", ".join(ids[:list_skipped]) + (f" and {len(ids) - list_skipped} more" if len(ids) > list_skipped
                                                 else "")
        lines.append(f"  skipped {len(ids)}: {reason}: {shown}")
    return "\n".join(lines)
