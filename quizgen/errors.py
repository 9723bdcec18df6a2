"""Error types. Every problem a user can fix is a QuizgenError whose text says where and what."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class QuizgenError(Exception):
    """Base class of every error quizgen reports to a person (the CLI prints it, exit code 1)."""


@dataclass(frozen=True)
class SourceError:
    """One problem at one place of one input file."""

    path: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{self.col}:{field} {self.message}"


class BankError(QuizgenError):
    """All problems found in the files of a bank, reported at once."""

    def __init__(self, errors: list[SourceError]):
        self.errors = sorted(errors, key=lambda e: (e.path, e.line, e.col, e.field))
        super().__init__("\n".join(str(e) for e in self.errors))


def display_path(path: Path) -> str:
    """A path as a person typed it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
