"""What every exporter returns: the file written, what it holds, and what it had to skip (and why)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ExportResult:
    """The outcome of writing one export file."""

    path: Path
    format: str
    written: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (question id, reason)

    @property
    def summary(self) -> str:
        """"moodle.xml: 143 questions (2 skipped)" for the command's summary."""
        extra = f" ({len(self.skipped)} skipped)" if self.skipped else ""
        return f"{self.path}: {self.written} questions{extra}"
