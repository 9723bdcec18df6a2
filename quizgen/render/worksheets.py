"""Printable worksheets: for each quiz form a student sheet and a teacher key (PDF and/or HTML), plus
one PDF of every form's student sheet, for the photocopier."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from quizgen.errors import QuizgenError
from quizgen.model import ArticleMeta, QuizForm
from quizgen.output import write_bytes_atomic
from quizgen.render.sheet import PAPERS, build_document, build_sheet, load_labels

FORMATS = ("pdf", "html")


class FontCoverageWarning(UserWarning):
    """Some characters of a worksheet have no font that can draw them."""


def _warn_default(message: str) -> None:
    warnings.warn(message, FontCoverageWarning, stacklevel=3)


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    """"pdf,html" -> ("pdf", "html"); an unknown format is a clear error."""
    items = text.split(",") if isinstance(text, str) else list(text)
    chosen = tuple(dict.fromkeys(item.strip().lower() for item in items if item.strip()))
    unknown = [item for item in chosen if item not in FORMATS]
    if unknown or not chosen:
        raise QuizgenError(f"unknown worksheet format {', '.join(unknown) or '(none)'}: use pdf, html or pdf,html")
    return chosen


def worksheet_file_names(label: str, *, large_print: bool = False) -> tuple[str, str]:
    """("worksheet-A", "key-A") without extension; large print adds "-large-print"."""
    suffix = "-large-print" if large_print else ""
    return f"worksheet-{label}{suffix}", f"key-{label}{suffix}"


def render_worksheets(
    forms: Sequence[QuizForm],
    bank_meta: Optional[ArticleMeta],
    out_dir: Path,
    *,
    formats: Iterable[str] = FORMATS,
    paper: str = "a4",
    large_print: bool = False,
    title: Optional[str] = None,
    templates_dir: Optional[Path] = None,
    font_paths: Sequence[Path] = (),
    progress: Callable[[str], None] = lambda _: None,
    warn: Optional[Callable[[str], None]] = None,
) -> list[Path]:
    """Write the worksheets and keys of `forms` into `out_dir` and return the paths written.

    Per form: worksheet-<label> (student) and key-<label> (teacher), in each of `formats`; with PDF,
    also worksheets-all-forms.pdf (every student sheet, for printing). Characters that no font can draw are
    reported through `warn` (default: a FontCoverageWarning) before anything is written.
    """
    formats = parse_formats(formats)
    if paper not in PAPERS:
        raise QuizgenError(f"unknown paper size {paper!r}: use a4 or letter")
    if not forms:
        raise QuizgenError("no quiz forms to print: the bank gave no questions for these options")
    if len({form.label for form in forms}) != len(forms):
        raise QuizgenError("two quiz forms have the same label; each form needs its own (A, B, ...)")
    warn = warn or _warn_default
    out_dir = Path(out_dir)
    labels = load_labels(templates_dir)
    lang = bank_meta.language if bank_meta else "en"

    def document(sheets: list[dict]) -> dict:
        return build_document(sheets, labels, paper=paper, large_print=large_print, lang=lang)

    students = [build_sheet(form, bank_meta, labels, key=False, title=title) for form in forms]
    keys = [build_sheet(form, bank_meta, labels, key=True, title=title) for form in forms]
    names = [worksheet_file_names(form.label, large_print=large_print) for form in forms]
    suffix = "-large-print" if large_print else ""
    written: list[Path] = []

    def wrote(path: Path) -> None:
        written.append(path)
        progress(f"wrote {path}")

    if "pdf" in formats:
        from quizgen.render.pdf import PdfRenderer

        with PdfRenderer(templates_dir=templates_dir, font_paths=font_paths, warn=warn) as pdf:
            all_students = document(students)
            pdf.check_fonts([all_students, document(keys)])
            rendered = pdf.render_many([document([sheet]) for pair in zip(students, keys) for sheet in pair])
            student_pdfs = rendered[0::2]
            for (student_name, key_name), student_pdf, key_pdf in zip(names, student_pdfs, rendered[1::2]):
                wrote(write_bytes_atomic(out_dir / f"{student_name}.pdf", student_pdf))
                wrote(write_bytes_atomic(out_dir / f"{key_name}.pdf", key_pdf))
            # One file for the photocopier: every form's student sheet, each from its own page 1,
            # made of the pages just written (laid out again only if that fails).
            combined = pdf.combine(student_pdfs, paper=all_students["paper"], title=students[0]["title"]) \
                or pdf.render(all_students)
            wrote(write_bytes_atomic(out_dir / f"worksheets-all-forms{suffix}.pdf", combined))

    if "html" in formats:
        from quizgen.render.html import HtmlRenderer

        html = HtmlRenderer(templates_dir)
        for (student_name, key_name), student, key in zip(names, students, keys):
            wrote(html.write(out_dir / f"{student_name}.html", document([student])))
            wrote(html.write(out_dir / f"{key_name}.html", document([key])))
    return written
