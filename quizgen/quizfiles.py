"""The question bank and quiz forms as files: questions.json, and per form a Markdown quiz and a
Markdown answer key, plus forms.json. Also the text the `questions`, `lint` and `quiz` commands print.
Only reads questions and forms; the picking is done by quizgen.assemble."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Optional

from quizgen.model import LETTERS, FormItem, Question, QuizForm, question_data

FORMAT_VERSION = 1
Progress = Callable[[str], None]

SECTION_TITLES = {
    "multiple_choice": ("Multiple choice", "Circle the letter of the best answer."),
    "true_false": ("True or false", "Write True or False."),
    "cloze": ("Fill in the blank", "Write the missing words."),
    "short_answer": ("Short answer", "Answer in a few words."),
    "numeric": ("Numbers", "Write the number."),
    "matching": ("Matching", "Write the letter of the matching item next to each number."),
    "ordering": ("Ordering", "Write the letters in the order the events happened, earliest first."),
}

# Every ASCII character Markdown may treat as syntax. CommonMark lets any ASCII punctuation be
# backslash-escaped, so escaping these shows the text literally in every renderer.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$!])")


def md_escape(text: str) -> str:
    """Text for Markdown that renders literally (no emphasis, links, HTML or math)."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"\s*\n\s*", " ", text)


def _dump(payload: object) -> str:
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------------
# Questions


def question_record(q: Question) -> dict:
    """A question as plain JSON data (stable key order)."""
    return question_data(q)


def questions_json(questions: list[Question], bank_id: str) -> str:
    """Every question with its lint findings, as the versioned questions.json."""
    counts = Counter(q.kind for q in questions)
    payload = {
        "format": "quizgen-questions",
        "version": FORMAT_VERSION,
        "bank": bank_id,
        "counts": {kind: counts[kind] for kind in sorted(counts)},
        "questions": [question_record(q) for q in questions],
    }
    return _dump(payload)


def questions_text(questions: list[Question]) -> str:
    """A readable listing of every question: id, kind, stem, choices (key marked *), answer."""
    lines: list[str] = []
    for q in questions:
        lines.append(f"{q.id}  [{q.kind}]")
        lines.append(f"  {q.stem}")
        for letter, choice in zip(LETTERS, q.choices):
            lines.append(f"   {'*' if choice.correct else ' '} {letter}. {choice.text}")
        for letter, event in zip(LETTERS, q.sequence):
            lines.append(f"    {letter}. {event}")
        for number, pair in enumerate(q.pairs, 1):
            lines.append(f"    {number}. {pair.left}  ->  {pair.right}")
        if q.kind in ("cloze", "short_answer", "numeric"):
            lines.append(f"  = {q.answer}" + (f"   (also: {', '.join(q.accepted[1:])})" if len(q.accepted) > 1 else ""))
        for finding in q.lint:
            lines.append(f"  ! {finding.severity}: {finding.code}: {finding.message}")
        lines.append("")
    counts = Counter(q.kind for q in questions)
    lines.append(f"{len(questions)} questions: " + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
    return "\n".join(lines) + "\n"


def questions_report(bank_ref: Optional[str], as_json: bool) -> str:
    """What `quizgen questions` prints."""
    from quizgen.generate import generate_questions
    from quizgen.loading import load_bank

    bank = load_bank(bank_ref)
    questions = generate_questions(bank)
    return questions_json(questions, bank.id) if as_json else questions_text(questions)


def lint_report(bank_ref: Optional[str], strict: bool) -> tuple[str, bool]:
    """What `quizgen lint` prints, and whether it passed (no errors; with strict, no warnings either)."""
    from quizgen.generate import generate_questions
    from quizgen.loading import load_bank

    bank = load_bank(bank_ref)
    questions = generate_questions(bank)
    findings = [f for q in questions for f in q.lint]
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    lines = [str(f) for f in findings]
    kept = sum(1 for q in questions if not q.has_errors)
    lines.append(f"{bank.id}: {len(questions)} questions, {errors} error{'s' if errors != 1 else ''}, "
                 f"{warnings} warning{'s' if warnings != 1 else ''}; {kept} usable in forms")
    passed = errors == 0 and (not strict or warnings == 0)
    return "\n".join(lines) + "\n", passed


# --------------------------------------------------------------------------------------------------
# Forms


def _sections(form: QuizForm) -> list[tuple[str, list[FormItem]]]:
    out: list[tuple[str, list[FormItem]]] = []
    for item in form.items:
        if not out or out[-1][0] != item.question.kind:
            out.append((item.question.kind, []))
        out[-1][1].append(item)
    return out


def _hard_broken(rows: list[str]) -> list[str]:
    """Rows of one list item's paragraph, each on its own printed line (a trailing backslash is
    CommonMark's hard line break), indented to stay inside the numbered item."""
    return [f"    {row}\\" if i < len(rows) - 1 else f"    {row}" for i, row in enumerate(rows)]


def form_markdown(form: QuizForm) -> str:
    """The printable quiz of one form (no answers)."""
    lines = [f"# {md_escape(form.title)}", "", f"**Form {form.label}** · {len(form.items)} questions · seed {form.seed}", ""]
    if form.source_line:
        lines += [f"Source: {md_escape(form.source_line)}", ""]
    lines += ["Name: ______________________________", ""]
    for kind, items in _sections(form):
        title, instruction = SECTION_TITLES.get(kind, (kind, ""))
        lines += [f"## {title}", "", f"*{instruction}*", ""]
        for item in items:
            q = item.question
            lines.append(f"{item.number}. {md_escape(q.stem)}")
            if q.kind == "multiple_choice":
                lines.append("")
                lines += _hard_broken([f"{LETTERS[i]}. {md_escape(c.text)}" for i, c in enumerate(item.choices)])
            elif q.kind == "true_false":
                lines += ["", "    True / False"]
            elif q.kind in ("short_answer", "numeric"):
                unit = f" {md_escape(q.numeric.unit)}" if q.numeric and q.numeric.unit else ""
                lines += ["", f"    Answer: " + "\\_" * 20 + unit]
            elif q.kind == "ordering":
                lines.append("")
                lines += _hard_broken([f"{LETTERS[i]}. {md_escape(event)}" for i, event in enumerate(item.shown_sequence)])
                lines += ["", "    Order: " + " ".join("\\_\\_\\_\\_" for _ in item.shown_sequence)]
            elif q.kind == "matching":
                lines.append("")
                lines += _hard_broken([f"{n}\\. {md_escape(p.left)} \\_\\_\\_\\_" for n, p in enumerate(q.pairs, 1)])
                lines.append("")
                lines += _hard_broken([f"{LETTERS[i]}. {md_escape(right)}" for i, right in enumerate(item.shown_right)])
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def key_markdown(form: QuizForm) -> str:
    """The answer key of one form: each answer with its explanation and source quote."""
    lines = [f"# Answer key: {md_escape(form.title)}", "", f"**Form {form.label}** · seed {form.seed}", ""]
    lines += ["| # | Key |", "|---|-----|"]
    lines += [f"| {item.number} | {md_escape(item.key)} |" for item in form.items]
    lines += ["", "## Explanations", ""]
    for item in form.items:
        q = item.question
        lines.append(f"{item.number}. **{md_escape(item.key)}**: {md_escape(q.explanation)}")
        where = f" (article line {q.source.line})" if q.source.line else ""
        lines.append(f"    > {md_escape(q.source.quote)}{where}")
        lines.append(f"    Question id: {md_escape(q.id)}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def form_record(form: QuizForm) -> dict:
    """One form as JSON data: items as printed (shown order) with their keys."""
    items = []
    for item in form.items:
        q = item.question
        record: dict = {"number": item.number, "question_id": q.id, "kind": q.kind, "stem": q.stem}
        if q.kind in ("multiple_choice", "true_false"):
            record["choices"] = [c.text for c in item.choices]
        if q.kind == "ordering":
            record["events"] = item.shown_sequence
        if q.kind == "matching":
            record["left"] = [p.left for p in q.pairs]
            record["right"] = item.shown_right
        record["order"] = list(item.order)
        record["key"] = item.key
        record["answer"] = q.answer
        if q.accepted:
            record["accepted"] = list(q.accepted)
        record["explanation"] = q.explanation
        record["source"] = {"quote": q.source.quote, "line": q.source.line}
        items.append(record)
    return {"label": form.label, "seed": form.seed, "bank_id": form.bank_id, "title": form.title,
            "source_line": form.source_line, "items": items,
            "key": [{"number": n, "key": k} for n, k in form.key]}


def forms_json(forms: list[QuizForm]) -> str:
    return _dump({"format": "quizgen-forms", "version": FORMAT_VERSION, "forms": [form_record(f) for f in forms]})


def write_forms(forms: list[QuizForm], out_dir: Path, progress: Progress = lambda _: None) -> list[Path]:
    """quiz-A.md, key-A.md, ... and forms.json into out_dir; returns the paths written."""
    from quizgen.output import write_text_atomic

    written: list[Path] = []
    for form in forms:
        for name, text in ((f"quiz-{form.label}.md", form_markdown(form)), (f"key-{form.label}.md", key_markdown(form))):
            written.append(write_text_atomic(Path(out_dir) / name, text))
            progress(f"wrote {written[-1]}")
    written.append(write_text_atomic(Path(out_dir) / "forms.json", forms_json(forms)))
    progress(f"wrote {written[-1]}")
    return written


def write_quiz(bank_ref: Optional[str], out_dir: Path, *, count: Optional[int] = None, forms: int, seed: int,
               kinds: Optional[Iterable[str]] = None, tags: Optional[Iterable[str]] = None,
               allow_same_fact: bool = False, progress: Progress = lambda _: None) -> list[Path]:
    """`quizgen quiz`: load, generate, assemble and write the forms of a bank."""
    from quizgen.assemble import assemble_forms
    from quizgen.generate import generate_questions
    from quizgen.loading import load_bank

    bank = load_bank(bank_ref)
    questions = generate_questions(bank)
    built = assemble_forms(questions, count=count, forms=forms, seed=seed, kinds=kinds, tags=tags,
                           allow_same_fact=allow_same_fact, bank_id=bank.id, title=bank.title,
                           source_line=bank.article.meta.source_line,
                           note=lambda message: progress(f"Note: {message}"))
    return write_forms(built, out_dir, progress)
