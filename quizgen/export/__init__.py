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
}


def exporter(format_name: str) -> Callable[..., ExportResult]:
    """The writer function of a format (imported on first use)."""
    module_name, function_name, _ = EXPORT_FORMATS[format_name]
    return getattr(importlib.import_module(module_name), function_name)


__all__ = ["EXPORT_FORMATS", "ExportResult", "exporter"]
