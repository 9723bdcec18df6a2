"""`quizgen anki`: load a bank, generate its questions and write its Anki deck (the export module
itself only reads questions)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from quizgen.export.base import ExportResult


def write_bank_deck(
    bank_ref: Optional[str | Path],
    out_path: Optional[Path] = None,
    *,
    timestamp: "float | str | None" = None,
    subdecks: Optional[str] = None,
) -> ExportResult:
    """Write BANK's deck to `out_path` (default: ./<bank-id>.apkg); questions with lint errors are left out."""
    from quizgen.export.anki import write_apkg
    from quizgen.generate import generate_questions
    from quizgen.loading import load_bank

    bank = load_bank(bank_ref)
    questions = generate_questions(bank)
    return write_apkg(questions, bank, Path(out_path or f"{bank.id}.apkg"), timestamp=timestamp, subdecks=subdecks)
