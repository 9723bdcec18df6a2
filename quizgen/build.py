"""`quizgen build`: every output of a bank into OUT/<bank-id>/. The only module that calls all the
generators and exporters; each of them is independent of the others."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Callable, Optional

from quizgen.loading import Bank, load_bank
from quizgen.output import write_text_atomic

Progress = Callable[[str], None]


def summarize_bank(bank: Bank) -> str:
    """One line: the bank and its facts by kind."""
    kinds = Counter(fact.kind for fact in bank.facts)
    by_kind = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    return f"{bank.id}: {len(bank.facts)} facts of {len(kinds)} kinds ({by_kind})"


def bank_json(bank: Bank) -> str:
    """The validated bank as JSON (article metadata, blocks and facts), stable key order."""
    payload = {
        "format": "quizgen-bank",
        "version": 1,
        "id": bank.id,
        "article": bank.article.model_dump(mode="json"),
        "facts": [fact.model_dump(mode="json", by_alias=True, exclude_none=True) for fact in bank.facts],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def build_all(bank_ref: Optional[str | Path], out_dir: Path, progress: Progress = lambda _: None) -> list[Path]:
    """Write every output of the bank into out_dir/<bank-id>/ and return the paths written."""
    bank = load_bank(bank_ref)
    target = Path(out_dir) / bank.id
    written: list[Path] = []

    written.append(write_text_atomic(target / "bank.json", bank_json(bank)))
    progress(f"wrote {written[-1]}")

    # -- questions and forms (issue 3) --

    # -- anki (issue 4) --

    # -- worksheets (issue 5) --

    # -- LMS exports (issue 6) --

    return written
