"""Where the bundled templates, content and schemas live, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    # A wheel carries the folders inside the package (see pyproject force-include);
    # a checkout or an editable install keeps them at the repository root.
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def templates_dir() -> Path:
    """The folder of the built-in templates (worksheet.typ, worksheet.html.j2, ...)."""
    return _data_dir("templates")


def content_dir() -> Path:
    """The folder of the bundled banks (one sub-folder per bank id)."""
    return _data_dir("content")


def schemas_dir() -> Path:
    """The folder of the committed JSON Schemas."""
    return _data_dir("schemas")


DEFAULT_BANK_ID = "llama-3-2024"
