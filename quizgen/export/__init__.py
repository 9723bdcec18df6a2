"""Exporters: each module writes one family of formats from questions. They never import each other;
`EXPORT_FORMATS` names each format's writer so the CLI and `build` can dispatch without importing all."""

from __future__ import annotations

import importlib
from typing import Callable

from quizgen.export.base import ExportResult

# format name -> ("module", "function", default file name suffix)
# Each function has the signature (questions, bank, path) -> ExportResult.
EXPORT_FORMATS: dict[str, tuple[str, str, str]] = {
    "anki-txt": ("quizgen.export.anki", "export_anki_text", ".anki.txt"),
    # LMS and quiz platforms (issue 6). GIFT ends in .txt: Moodle's import checks the file type and
    # takes GIFT only as text/plain.
    "gift": ("quizgen.export.gift", "export_gift", ".gift.txt"),
    "moodle-xml": ("quizgen.export.moodle_xml", "export_moodle_xml", ".moodle.xml"),
    "qti": ("quizgen.export.qti", "export_qti", ".canvas-qti.zip"),
    "kahoot": ("quizgen.export.tabular", "export_kahoot", ".kahoot.xlsx"),
    "quizlet": ("quizgen.export.tabular", "export_quizlet", ".quizlet.txt"),
    "csv": ("quizgen.export.tabular", "export_csv", ".questions.csv"),
}

# The formats `quizgen build` writes into the LMS folder (issue 6), in this order.
LMS_FORMATS: tuple[str, ...] = ("gift", "moodle-xml", "qti", "kahoot", "quizlet", "csv")


def exporter(format_name: str) -> Callable[..., ExportResult]:
    """The writer function of a format (imported on first use)."""
    module_name, function_name, _ = EXPORT_FORMATS[format_name]
    return getattr(importlib.import_module(module_name), function_name)


__all__ = ["EXPORT_FORMATS", "ExportResult", "exporter"]
