"""`quizgen worksheet`: load a bank, generate and assemble its quiz forms, and print them as
worksheets. The picking is done by quizgen.assemble; the drawing by quizgen.render."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

Progress = Callable[[str], None]


def write_worksheets(bank_ref: Optional[str], out_dir: Path, *, count: Optional[int] = None, forms: int, seed: int,
                     kinds: Optional[Iterable[str]] = None, tags: Optional[Iterable[str]] = None,
                     allow_same_fact: bool = False, formats: str | Iterable[str] = ("pdf", "html"),
                     paper: str = "a4", large_print: bool = False, title: Optional[str] = None,
                     templates_dir: Optional[Path] = None, font_paths: Sequence[Path] = (),
                     progress: Progress = lambda _: None, warn: Progress = lambda _: None) -> list[Path]:
    """Worksheets and keys of `forms` seeded forms of `count` questions of a bank into out_dir."""
    from quizgen.assemble import assemble_forms
    from quizgen.generate import generate_questions
    from quizgen.loading import load_bank
    from quizgen.render.worksheets import parse_formats, render_worksheets

    chosen_formats = parse_formats(formats)  # a typo fails before any work
    bank = load_bank(bank_ref)
    questions = generate_questions(bank)
    built = assemble_forms(questions, count=count, forms=forms, seed=seed, kinds=kinds, tags=tags,
                           allow_same_fact=allow_same_fact, bank_id=bank.id, title=bank.title,
                           source_line=bank.article.meta.source_line, note=warn)
    return render_worksheets(built, bank.article.meta, out_dir, formats=chosen_formats, paper=paper,
                             large_print=large_print, title=title, templates_dir=templates_dir,
                             font_paths=font_paths, progress=progress, warn=warn)
