"""The command line. The only click user: each command parses its options, calls one library
function, and turns QuizgenError into `Error: ...` with exit code 1."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any, Callable

import click

from quizgen import __version__
from quizgen.errors import BankError, QuizgenError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def reports_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into a clear message and exit 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BankError as exc:
            for error in exc.errors:
                click.echo(str(error), err=True)
            click.echo(f"Error: {len(exc.errors)} problem{'s' if len(exc.errors) != 1 else ''} found", err=True)
            sys.exit(1)
        except QuizgenError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except OSError as exc:
            # A full disk, a read-only or mistyped output folder: the user can fix it, so no traceback.
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"Error: {where}{exc.strerror or exc}", err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="quizgen")
def main() -> None:
    """Turn a factual article into a question bank, quizzes with keys, Anki decks,
    printable worksheets, LMS exports and a terminal study mode.

    BANK is a bank folder (article.md + facts.yaml) or a bundled bank id;
    without it, the bundled llama-3-2024 bank is used.
    """


@main.command(context_settings=CONTEXT)
@click.argument("banks", nargs=-1, metavar="[BANK...]")
@reports_errors
def check(banks: tuple[str, ...]) -> None:
    """Validate banks; print every problem as path:line:col: field: message."""
    from quizgen.build import summarize_bank
    from quizgen.loading import load_bank

    failures: list[BankError | QuizgenError] = []
    for ref in banks or (None,):
        try:
            click.echo(summarize_bank(load_bank(ref)))
        except BankError as exc:
            for error in exc.errors:
                click.echo(str(error), err=True)
            failures.append(exc)
        except QuizgenError as exc:
            click.echo(f"Error: {exc}", err=True)
            failures.append(exc)
    if failures:
        count = sum(len(f.errors) if isinstance(f, BankError) else 1 for f in failures)
        click.echo(f"Error: {count} problem{'s' if count != 1 else ''} found", err=True)
        sys.exit(1)


@main.command(context_settings=CONTEXT)
@click.argument("bank", required=False)
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Output folder; files go to OUT/<bank-id>/.")
@reports_errors
def build(bank: str | None, out_dir: Path) -> None:
    """Write every output of BANK into OUT/<bank-id>/."""
    from quizgen.build import build_all

    written = build_all(bank, out_dir, progress=lambda message: click.echo(message, err=True))
    click.echo(f"{len(written)} files written to {out_dir}")


@main.command(context_settings=CONTEXT)
@click.option("-o", "--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@reports_errors
def schema(out_file: Path | None) -> None:
    """Print the JSON Schema of facts.yaml (for editors' YAML support)."""
    from quizgen.output import write_text_atomic
    from quizgen.schema import facts_schema_text

    text = facts_schema_text()
    if out_file:
        write_text_atomic(out_file, text)
        click.echo(f"wrote {out_file}", err=True)
    else:
        click.echo(text, nl=False)


# -- question commands (issue 3): questions, lint, quiz --


@main.command(context_settings=CONTEXT)
@click.argument("bank", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print every question as JSON (with its lint findings).")
@reports_errors
def questions(bank: str | None, as_json: bool) -> None:
    """Print every question BANK yields (ids, stems, choices with the key marked *, answers)."""
    from quizgen.quizfiles import questions_report

    click.echo(questions_report(bank, as_json), nl=False)


@main.command(context_settings=CONTEXT)
@click.argument("bank", required=False)
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@reports_errors
def lint(bank: str | None, strict: bool) -> None:
    """Check the generated questions: answer leaks, duplicate or also-true choices, length, format and
    grammar tells, unresolved pronouns, near-duplicate questions. Exit 1 on errors (or warnings with --strict)."""
    from quizgen.quizfiles import lint_report

    text, passed = lint_report(bank, strict)
    click.echo(text, nl=False)
    if not passed:
        sys.exit(1)


@main.command(context_settings=CONTEXT)
@click.argument("bank", required=False)
@click.option("-n", "--count", type=click.IntRange(min=1), default=None,
              help="Questions per form  [default: 20, or all the bank allows if fewer]")
@click.option("-k", "--forms", type=click.IntRange(1, 26), default=2, show_default=True, help="Versions (A, B, ...).")
@click.option("-s", "--seed", type=int, default=1, show_default=True, help="Same seed, same files.")
@click.option("--kinds", multiple=True, metavar="KIND[,KIND]",
              help="Only these kinds: mc, tf, cloze, short, numeric, ordering, matching (or the full names).")
@click.option("--tags", multiple=True, metavar="TAG[,TAG]", help="Only questions with any of these tags.")
@click.option("--allow-same-fact", is_flag=True, help="Allow several questions about one fact on a form.")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out/quiz"),
              show_default=True, help="Folder for quiz-A.md, key-A.md, ... and forms.json.")
@reports_errors
def quiz(bank: str | None, count: int | None, forms: int, seed: int, kinds: tuple[str, ...], tags: tuple[str, ...],
         allow_same_fact: bool, out_dir: Path) -> None:
    """Assemble seeded quiz forms of BANK, each with its answer key (Markdown + JSON)."""
    from quizgen.quizfiles import write_quiz

    written = write_quiz(bank, out_dir, count=count, forms=forms, seed=seed, kinds=kinds, tags=tags,
                         allow_same_fact=allow_same_fact, progress=lambda message: click.echo(message, err=True))
    click.echo(f"{len(written)} files written to {out_dir}")


# -- anki commands (issue 4) --


@main.command(context_settings=CONTEXT)
@click.argument("bank", required=False)
@click.option("-o", "--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The .apkg to write (default: ./<bank-id>.apkg).")
@click.option("--timestamp", metavar="T",
              help="Pin the notes' modification time (Unix seconds or ISO date) for reproducible bytes; "
                   "default: SOURCE_DATE_EPOCH, else now. A pinned time older than a student's import "
                   "does NOT update their notes.")
@click.option("--subdecks", type=click.Choice(["tag", "kind"]),
              help="Split into Title::<first tag> (or Title::<kind>) subdecks.")
@reports_errors
def anki(bank: str | None, out_file: Path | None, timestamp: str | None, subdecks: str | None) -> None:
    """Write BANK as an Anki deck (.apkg) that re-imports as an update, keeping review history."""
    from quizgen.decks import write_bank_deck

    result = write_bank_deck(bank, out_file, timestamp=timestamp, subdecks=subdecks)
    for question_id, reason in result.skipped:
        click.echo(f"skipped {question_id}: {reason}", err=True)
    click.echo(f"wrote {result.path}: {result.written} notes" + (f" ({len(result.skipped)} skipped)" if result.skipped else ""))

# -- worksheet commands (issue 5) --


@main.command(context_settings=CONTEXT)
@click.argument("bank", required=False)
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out/worksheets"), show_default=True,
              help="Folder for worksheet-A.pdf, key-A.pdf, ..., worksheets-all-forms.pdf and the HTML files.")
@click.option("-k", "--forms", type=click.IntRange(1, 26), default=2, show_default=True, help="Versions (A, B, ...).")
@click.option("-n", "--count", type=click.IntRange(min=1), default=None,
              help="Questions per form  [default: 20, or all the bank allows if fewer]")
@click.option("-s", "--seed", type=int, default=1, show_default=True, help="Same seed, same worksheets.")
@click.option("--kinds", multiple=True, metavar="KIND[,KIND]",
              help="Only these kinds: mc, tf, cloze, short, numeric, ordering, matching (or the full names).")
@click.option("--tags", multiple=True, metavar="TAG[,TAG]", help="Only questions with any of these tags.")
@click.option("--allow-same-fact", is_flag=True, help="Allow several questions about one fact on a form.")
@click.option("--format", "formats", default="pdf,html", show_default=True, metavar="pdf,html",
              help="Which files: pdf, html or both.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper size.")
@click.option("--large-print", is_flag=True, help="Accessible variant: 16 pt or more, more space (files end in -large-print).")
@click.option("--title", help="Title printed on every sheet (default: the article's title).")
@click.option("--templates", "templates_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of your own templates; each file there replaces the built-in one of that name.")
@click.option("--font-path", "font_paths", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Extra folder of fonts for the PDF (repeatable), e.g. for CJK text.")
@reports_errors
def worksheet(bank: str | None, out_dir: Path, forms: int, count: int | None, seed: int, kinds: tuple[str, ...],
              tags: tuple[str, ...], allow_same_fact: bool, formats: str, paper: str, large_print: bool,
              title: str | None, templates_dir: Path | None, font_paths: tuple[Path, ...]) -> None:
    """Printable worksheets of BANK: per form a student sheet and a teacher key (PDF and HTML),
    plus one PDF of every form's sheet for printing."""
    from quizgen.worksheet_files import write_worksheets

    written = write_worksheets(bank, out_dir, count=count, forms=forms, seed=seed, kinds=kinds, tags=tags,
                               allow_same_fact=allow_same_fact, formats=formats, paper=paper,
                               large_print=large_print, title=title, templates_dir=templates_dir,
                               font_paths=font_paths, progress=lambda message: click.echo(message, err=True),
                               warn=lambda message: click.echo(f"Warning: {message}", err=True))
    click.echo(f"{len(written)} files written to {out_dir}")


# -- export commands (issue 6) --


def _split_list(values: tuple[str, ...]) -> list[str]:
    """--kinds a,b --kinds c -> [a, b, c]"""
    return [bit.strip() for value in values for bit in value.split(",") if bit.strip()]


def _export_format_names() -> list[str]:
    from quizgen.export import EXPORT_FORMATS  # light: the registry imports no exporter

    return list(EXPORT_FORMATS)


@main.command("export", context_settings=CONTEXT)
@click.argument("bank", required=False)
@click.option("-f", "--format", "format_name", required=True, type=click.Choice(_export_format_names()),
              help="gift and moodle-xml (Moodle), qti (Canvas), kahoot (.xlsx), quizlet, csv, anki-txt.")
@click.option("-o", "--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write.")
@click.option("--kinds", multiple=True, metavar="KIND[,KIND...]",
              help="Only these question kinds (multiple_choice, true_false, cloze, short_answer, numeric, "
                   "ordering, matching).")
@click.option("--tags", multiple=True, metavar="TAG[,TAG...]", help="Only questions with one of these tags.")
@reports_errors
def export_command(bank: str | None, format_name: str, out_file: Path, kinds: tuple[str, ...],
                   tags: tuple[str, ...]) -> None:
    """Write BANK's questions in an LMS or quiz-platform import format.

    Questions a format cannot hold (an ordering item in Kahoot, an over-long Kahoot question...) are
    skipped and named, never cut short.
    """
    from quizgen.export.runner import describe_result, export_bank

    result = export_bank(bank, format_name, out_file, kinds=_split_list(kinds), tags=_split_list(tags))
    click.echo(describe_result(result, list_skipped=len(result.skipped)))

# -- study commands (issue 7) --


@main.command(context_settings=CONTEXT)
@click.argument("bank", required=False)
@click.option("--mode", type=click.Choice(["review", "quiz"]), default="review", show_default=True,
              help="review: what FSRS says is due today plus new questions; quiz: a scored run of one seeded form.")
@click.option("--count", type=click.IntRange(min=1), default=None,
              help="Questions in a quiz (default 10); in review, the most due questions to take (default all).")
@click.option("--new", "new", type=click.IntRange(min=0), default=None,
              help="Review mode: at most this many never-seen questions (default 10).")
@click.option("--kinds", multiple=True, metavar="KINDS",
              help="Only these kinds, comma-separated or repeated: mc, tf, cloze, short, numeric, ordering, matching.")
@click.option("--tags", multiple=True, metavar="TAGS", help="Only questions with one of these tags (comma-separated or repeated).")
@click.option("--seed", type=int, default=None, help="Seed of the form and choice order (default: a new one each time).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Progress database (default: progress.sqlite3 in your user data folder).")
@reports_errors
def study(bank: str | None, mode: str, count: int | None, new: int | None, kinds: tuple[str, ...],
          tags: tuple[str, ...], seed: int | None, db_path: Path | None) -> None:
    """Practise BANK in the terminal: quick quizzes, or daily spaced-repetition reviews.

    Keys: 1-4 or a-d answer, s skip, q quit; typed answers end with Enter. In a pipe, one answer
    per line. Every answer is saved before its feedback appears.
    """
    from quizgen.study.app import study as run_study

    sys.exit(run_study(bank, mode=mode, count=count, new=new, kinds=kinds, tags=tags, seed=seed, db_path=db_path))


@main.command(context_settings=CONTEXT)
@click.argument("bank", required=False)
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Progress database (default: progress.sqlite3 in your user data folder).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for tools (every answer included).")
@reports_errors
def stats(bank: str | None, db_path: Path | None, as_json: bool) -> None:
    """Study statistics: accuracy per kind and tag, weakest facts, streak, 7-day review forecast.

    Without BANK, every bank in the progress database.
    """
    from quizgen.study.app import stats as show_stats

    show_stats(bank, db_path=db_path, as_json=as_json)

# -- extract command (issue 8) --


@main.command(context_settings=CONTEXT)
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Bank folder to write (default: content/<name of the article file>/).")
@click.option("--max-facts", type=click.IntRange(min=1), default=40, show_default=True,
              help="Keep at most this many facts (the most confident ones).")
@click.option("--force", is_flag=True, help="Overwrite an existing facts.yaml in the output folder.")
@reports_errors
def extract(article: Path, out_dir: Path | None, max_facts: int, force: bool) -> None:
    """Draft a fact bank (article.md + facts.yaml) from ARTICLE.txt or .md, for a teacher to review.

    Offline and rule-based. Each fact gets its source sentence, a typed value, a confidence and a
    reviewer comment; facts whose questions fail lint are left out. Then: quizgen check OUT.
    """
    from quizgen.extract import extract_article

    report = extract_article(article, out_dir, max_facts=max_facts, force=force,
                             progress=lambda message: click.echo(message, err=True))
    click.echo(report.summary())
