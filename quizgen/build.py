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

# The default forms `quizgen build` writes (issue 3): two versions of 20 questions, seed 1.
DEFAULT_FORMS = 2
DEFAULT_FORM_QUESTIONS = 20
DEFAULT_SEED = 1


def _selectable(questions: list) -> int:
    """How many questions one form can hold (one per fact), so small banks still get forms."""
    from quizgen.assemble import eligible_questions, select_questions
    import random

    return len(select_questions(eligible_questions(questions), 10**9, random.Random(0)))


def summarize_bank(bank: Bank) -> str:
    """One line: the bank and its facts by kind."""
    kinds = Counter(fact.kind for fact in bank.facts)
    by_kind = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    facts = f"{len(bank.facts)} fact{'s' if len(bank.facts) != 1 else ''}"
    return f"{bank.id}: {facts} of {len(kinds)} kind{'s' if len(kinds) != 1 else ''} ({by_kind})"


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
    from quizgen.assemble import assemble_forms
    from quizgen.generate import generate_questions
    from quizgen.quizfiles import questions_json, write_forms

    questions = generate_questions(bank)
    written.append(write_text_atomic(target / "questions.json", questions_json(questions, bank.id)))
    progress(f"wrote {written[-1]}")
    usable = sum(1 for q in questions if not q.has_errors)
    count = min(DEFAULT_FORM_QUESTIONS, _selectable(questions))
    if count:
        forms = assemble_forms(questions, count=count, forms=DEFAULT_FORMS, seed=DEFAULT_SEED, bank_id=bank.id,
                               title=bank.title, source_line=bank.article.meta.source_line)
        written.extend(write_forms(forms, target / "forms", progress))
    else:
        progress(f"no forms: {usable} usable questions")


    # -- anki (issue 4) --
    from quizgen.export.anki import write_apkg

    deck = write_apkg(questions, bank, target / "deck.apkg")
    written.append(deck.path)
    progress(f"wrote {deck.path} ({deck.written} notes)")

    # -- worksheets (issue 5) --
    if count:
        from quizgen.render.worksheets import render_worksheets

        written.extend(render_worksheets(forms, bank.article.meta, target / "worksheets", progress=progress,
                                         warn=lambda message: progress(f"Warning: {message}")))

    # -- LMS exports (issue 6) --
    from quizgen.export.runner import export_lms_files

    for lms_result in export_lms_files(bank, questions, target / "lms", progress):
        written.append(lms_result.path)

    return written
