"""Worksheet PDFs with Typst (the only typst user). The view model goes in as JSON through
`sys.inputs`, so no question text is ever parsed as Typst markup; the templates place every text as a
string value. Templates are looked up file by file: the user's --templates folder first, then ours."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

from quizgen.errors import QuizgenError
from quizgen.output import write_bytes_atomic
from quizgen.render.fonts import coverage_warning, uncovered_characters
from quizgen.render.sheet import sheet_texts
from quizgen.resources import templates_dir as builtin_templates_dir

MAIN_TEMPLATE = "worksheet.typ"
BODY_FONT = "Libertinus Serif"  # built into typst: the same look on every machine
# Large print reads best in a plain sans serif; the first one installed wins, else the built-in serif.
LARGE_PRINT_FONTS = ("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans", "Open Sans")

Warn = Callable[[str], None]


# Each page of each part, placed as a PDF image on a page of the same size: no layout at all.
_COMBINE_SOURCE = b"""
#let data = json(bytes(sys.inputs.at("data")))
#set document(title: data.title, date: if data.dated { auto } else { none })
#set page(paper: data.paper, margin: 0pt)
#for part in data.parts {
  for number in range(part.pages) { image(part.file, page: number + 1, width: 100%, height: 100%) }
}
"""
_PAGE_COUNT = re.compile(rb"/Type\s*/Pages\s*/Count\s+(\d+)")


def _page_count(pdf: bytes) -> Optional[int]:
    """Pages of a PDF typst wrote: its one page tree node says (None if it cannot be read)."""
    counts = _PAGE_COUNT.findall(pdf)
    return int(counts[0]) if len(counts) == 1 else None


def _source_date_epoch() -> Optional[int]:
    # Typst would stamp the current time; our PDFs carry no date (same input, same bytes) unless
    # SOURCE_DATE_EPOCH gives one.
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def _check_font_paths(font_paths: Iterable[Path]) -> list[str]:
    checked = []
    for path in font_paths:
        if not Path(path).is_dir():
            raise QuizgenError(f"--font-path {path}: no such folder")
        checked.append(str(Path(path)))
    return checked


@dataclass
class PdfRenderer:
    """A Typst compiler set up once (fonts scanned once) for many worksheet PDFs."""

    templates_dir: Optional[Path] = None
    font_paths: Sequence[Path] = ()
    warn: Warn = lambda message: None
    _workdir: Optional[tempfile.TemporaryDirectory] = field(default=None, init=False, repr=False)

    def __enter__(self) -> "PdfRenderer":
        import typst

        self._typst = typst
        self._font_dirs = _check_font_paths(self.font_paths)
        # Typst resolves `#import "worksheet-parts.typ"` beside the main file, so the chosen
        # templates (user's first, file by file) are gathered into one folder: the compile root.
        self._workdir = tempfile.TemporaryDirectory(prefix="quizgen-typst-")
        root = Path(self._workdir.name)
        for source in builtin_templates_dir().glob("*.typ"):
            shutil.copyfile(source, root / source.name)
        if self.templates_dir is not None:
            if not Path(self.templates_dir).is_dir():
                raise QuizgenError(f"--templates {self.templates_dir}: no such folder")
            # every file, so that a user's template can use its own logo or data files
            for source in Path(self.templates_dir).iterdir():
                if source.is_file():
                    shutil.copyfile(source, root / source.name)
        self._main = root / MAIN_TEMPLATE
        self._fonts = typst.Fonts(include_system_fonts=True, include_embedded_fonts=True, font_paths=self._font_dirs)
        self._compiler = typst.Compiler(input=str(self._main), root=str(root), font_paths=self._fonts)
        self._timestamp = _source_date_epoch()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

    def font_files(self) -> list[tuple[str, int]]:
        """(path, index) of every font file Typst may use: --font-path folders first, then the system's."""
        files = [(info.path, info.index) for info in self._fonts.fonts() if info.path]
        given = tuple(os.path.abspath(d) for d in self._font_dirs)
        return sorted(files, key=lambda f: (not os.path.abspath(f[0]).startswith(given), f[0], f[1]))

    def check_fonts(self, documents: Sequence[dict[str, Any]]) -> list[str]:
        """Warn (once) about characters no available font has; return them."""
        texts = [text for document in documents for text in sheet_texts(document)]
        missing = uncovered_characters(texts, self.font_files())
        if missing:
            self.warn(coverage_warning(missing))
        return missing

    def fonts_for(self, document: dict[str, Any]) -> list[str]:
        """The font families the document asks Typst for, best first (only installed ones)."""
        if not document.get("large_print"):
            return [BODY_FONT]
        installed = {family.casefold() for family in self._fonts.families()}
        return [family for family in LARGE_PRINT_FONTS if family.casefold() in installed][:1] + [BODY_FONT]

    def render(self, document: dict[str, Any]) -> bytes:
        """The PDF bytes of one document (one or more sheets)."""
        document = {**document, "fonts": self.fonts_for(document), "dated": self._timestamp is not None}
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        try:
            pdf, warnings = self._compiler.compile_with_warnings(
                format="pdf", sys_inputs={"data": data}, timestamp=self._timestamp)
        except self._typst.TypstError as exc:
            hints = "".join(f"\n  hint: {hint}" for hint in (getattr(exc, "hints", None) or []))
            where = getattr(exc, "diagnostic", "") or ""
            raise QuizgenError(f"the worksheet template failed: {getattr(exc, 'message', exc)}"
                               f"{(chr(10) + where) if where else ''}{hints}") from None
        for warning in warnings:
            self.warn(f"typst: {getattr(warning, 'message', warning)}")
        if not isinstance(pdf, bytes):
            raise QuizgenError("typst returned no PDF")
        return pdf

    def render_many(self, documents: Sequence[dict[str, Any]]) -> list[bytes]:
        """The PDF bytes of many documents, in order; spread over the machine's cores when worth it.

        Typst lays out one document on one core and keeps the GIL, so threads do not help; a few
        worker processes, each with its own compiler, do. Output is the same bytes either way.
        """
        workers = min(len(documents) // PARALLEL_MIN_DOCUMENTS, os.cpu_count() or 1, MAX_WORKERS)
        if workers < 2:
            return [self.render(document) for document in documents]
        import concurrent.futures
        import multiprocessing

        payloads = []
        for document in documents:
            document = {**document, "fonts": self.fonts_for(document), "dated": self._timestamp is not None}
            payloads.append(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
        # spawn, not fork: forking a process that holds a (multi-threaded) Rust compiler is unsafe.
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=_worker_start,
                initargs=(str(self._main), str(self._main.parent), list(self._font_dirs))) as pool:
            results = list(pool.map(_worker_compile, payloads, [self._timestamp] * len(payloads), chunksize=4))
        out = []
        for pdf, warnings, error in results:
            if error is not None:
                raise QuizgenError(f"the worksheet template failed: {error}")
            for warning in warnings:
                self.warn(f"typst: {warning}")
            out.append(pdf)
        return out

    def write(self, path: Path, document: dict[str, Any]) -> Path:
        return write_bytes_atomic(path, self.render(document))

    def combine(self, pdfs: Sequence[bytes], *, paper: str, title: str) -> Optional[bytes]:
        """One PDF of the pages of `pdfs`, placed whole (vector, text kept) on pages of `paper`.

        Ten times cheaper than laying the sheets out again. None when a part's page count cannot
        be read, so the caller lays the combined document out instead.
        """
        counts = [_page_count(pdf) for pdf in pdfs]
        if not pdfs or any(count is None for count in counts):
            return None
        assert self._workdir is not None
        folder = Path(self._workdir.name) / "combine"
        folder.mkdir(exist_ok=True)
        parts = []
        for number, (pdf, count) in enumerate(zip(pdfs, counts), 1):
            (folder / f"part-{number}.pdf").write_bytes(pdf)
            parts.append({"file": f"combine/part-{number}.pdf", "pages": count})
        data = json.dumps({"paper": paper, "title": title, "parts": parts, "dated": self._timestamp is not None},
                          ensure_ascii=False)
        try:
            combined, _ = self._compiler.compile_with_warnings(
                input=_COMBINE_SOURCE, format="pdf", sys_inputs={"data": data}, timestamp=self._timestamp)
        except self._typst.TypstError:
            return None
        return combined if isinstance(combined, bytes) else None


# Parallel rendering: below this many documents per worker, starting processes costs more than it saves.
PARALLEL_MIN_DOCUMENTS = 8
MAX_WORKERS = 4
_worker_compiler: Any = None


def _worker_start(main: str, root: str, font_dirs: list[str]) -> None:
    """Set up one compiler per worker process (fonts scanned once per worker)."""
    import typst

    global _worker_compiler
    fonts = typst.Fonts(include_system_fonts=True, include_embedded_fonts=True, font_paths=font_dirs)
    _worker_compiler = typst.Compiler(input=main, root=root, font_paths=fonts)


def _worker_compile(data: str, timestamp: Any) -> tuple[bytes, list[str], Optional[str]]:
    """(pdf, warnings, error message) of one document, in a worker process."""
    import typst

    try:
        pdf, warnings = _worker_compiler.compile_with_warnings(
            format="pdf", sys_inputs={"data": data}, timestamp=timestamp)
    except typst.TypstError as exc:
        return b"", [], str(getattr(exc, "message", exc))
    return pdf, [str(getattr(w, "message", w)) for w in warnings], None
