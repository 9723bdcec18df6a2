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

# -- anki commands (issue 4) --

# -- worksheet commands (issue 5) --

# -- export commands (issue 6) --

# -- study commands (issue 7) --

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
