"""The worksheet view model shared by the PDF and HTML renderers: quiz forms turned into plain,
JSON-able dicts (sections by kind, numbers, letters, word bank, labels). Renderers only lay this out;
they never pick or reorder questions.

A student sheet carries no answers at all (not even hidden), so an HTML worksheet's source gives
nothing away; a key sheet adds the answer, the explanation and the source of every question.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import yaml

from quizgen.errors import QuizgenError
from quizgen.model import LETTERS, ArticleMeta, FormItem, QuizForm
from quizgen.resources import templates_dir as builtin_templates_dir

LABELS_FILE = "worksheet-labels.yaml"
PAPERS = {"a4": "a4", "letter": "us-letter"}
SHEET_FORMAT_VERSION = 1


def find_template(name: str, templates_dir: Optional[Path] = None) -> Path:
    """The file `name` from the user's templates folder if it has one, else the built-in one."""
    if templates_dir is not None:
        candidate = Path(templates_dir) / name
        if candidate.is_file():
            return candidate
    builtin = builtin_templates_dir() / name
    if not builtin.is_file():
        raise QuizgenError(f"template {name} not found in {builtin_templates_dir()}")
    return builtin


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_labels(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise QuizgenError(f"{path}: cannot read the worksheet labels: {exc}") from None
    if not isinstance(data, dict):
        raise QuizgenError(f"{path}: the worksheet labels must be a mapping of label: text")
    return data


def load_labels(templates_dir: Optional[Path] = None) -> dict[str, Any]:
    """The printed words (Name, Date, Class, instructions...): built-in, with the user's file on top.

    A user's worksheet-labels.yaml may hold only the labels it changes (e.g. a translation of some).
    """
    labels = _read_labels(builtin_templates_dir() / LABELS_FILE)
    if templates_dir is not None and (Path(templates_dir) / LABELS_FILE).is_file():
        labels = _merge(labels, _read_labels(Path(templates_dir) / LABELS_FILE))
    return labels


def _source(item: FormItem) -> dict[str, str]:
    source = item.question.source
    return {"quote": source.quote, "citation": source.citation}


def _numeric_answer(item: FormItem) -> str:
    numeric = item.question.numeric
    if numeric is None:
        return item.question.answer
    text = item.question.answer or f"{numeric.value:g}"
    if numeric.unit and numeric.unit.casefold() not in text.casefold():
        text += f" {numeric.unit}"
    if numeric.tolerance:
        text += f" (\u00b1 {numeric.tolerance:g})"
    return text


def build_item(item: FormItem, labels: dict[str, Any], *, key: bool) -> dict[str, Any]:
    """One numbered question as the templates print it; answers only when `key`."""
    q = item.question
    view: dict[str, Any] = {"number": item.number, "kind": q.kind, "id": q.id, "stem": q.stem}
    if q.kind == "multiple_choice":
        view["choices"] = [
            {"letter": LETTERS[i], "text": choice.text, **({"correct": choice.correct} if key else {})}
            for i, choice in enumerate(item.choices)
        ]
    elif q.kind == "true_false":
        truth = {c.text.strip().casefold(): c.correct for c in q.choices}
        view["choices"] = [
            {"letter": labels["true_letter"], "text": labels["true_word"],
             **({"correct": truth.get("true", q.answer.casefold() == "true")} if key else {})},
            {"letter": labels["false_letter"], "text": labels["false_word"],
             **({"correct": truth.get("false", q.answer.casefold() == "false")} if key else {})},
        ]
    elif q.kind == "cloze" and q.cloze is not None:
        view["cloze"] = {"before": q.cloze.before, "after": q.cloze.after,
                         **({"answer": q.cloze.answer} if key else {})}
    elif q.kind == "ordering":
        shown = item.shown_sequence
        view["events"] = [
            {"letter": LETTERS[i], "text": event, **({"position": q.sequence.index(event) + 1} if key else {})}
            for i, event in enumerate(shown)
        ]
    elif q.kind == "matching":
        shown = item.shown_right
        view["left"] = [
            {"number": n, "text": pair.left, **({"letter": LETTERS[shown.index(pair.right)]} if key else {})}
            for n, pair in enumerate(q.pairs, 1)
        ]
        view["right"] = [{"letter": LETTERS[i], "text": text} for i, text in enumerate(shown)]
    if key:
        view["answer"] = _numeric_answer(item) if q.kind == "numeric" else item.key
        shown = {view["answer"].strip().casefold(), q.answer.strip().casefold()}
        others = list(dict.fromkeys(a.strip() for a in q.accepted if a.strip() and a.strip().casefold() not in shown))
        if others and q.kind in ("short_answer", "numeric", "cloze"):
            view["accepted"] = others
        view["explanation"] = q.explanation
        view["source"] = _source(item)
    return view


def word_bank(items: Iterable[FormItem]) -> list[str]:
    """The cloze answers of a section, one entry per blank, sorted so the order gives nothing away."""
    answers = [item.question.cloze.answer if item.question.cloze else item.question.answer for item in items]
    return sorted(answers, key=lambda text: (text.casefold(), text))


def build_sections(form: QuizForm, labels: dict[str, Any], *, key: bool) -> list[dict[str, Any]]:
    """The form's items in their numbered order, grouped into runs of one kind (one heading per run)."""
    runs: list[list[FormItem]] = []
    for item in sorted(form.items, key=lambda i: i.number):
        if item.question.has_errors:  # assemble leaves them out; never print one that slipped in
            continue
        if runs and runs[-1][0].question.kind == item.question.kind:
            runs[-1].append(item)
        else:
            runs.append([item])
    sections = []
    for run in runs:
        kind = run[0].question.kind
        words = labels.get("sections", {}).get(kind, {})
        section: dict[str, Any] = {
            "kind": kind,
            "heading": words.get("heading", kind.replace("_", " ").capitalize()),
            "instructions": words.get("instructions", ""),
            "items": [build_item(item, labels, key=key) for item in run],
        }
        if kind == "cloze":
            section["word_bank"] = word_bank(run)
        sections.append(section)
    return sections


def build_sheet(form: QuizForm, bank_meta: Optional[ArticleMeta], labels: dict[str, Any], *, key: bool,
                title: Optional[str] = None) -> dict[str, Any]:
    """One printed worksheet (student sheet or teacher key) of one form."""
    if bank_meta is not None:
        article_title = bank_meta.title
        source_line = ", ".join(bit for bit in (bank_meta.publisher or bank_meta.source, bank_meta.date) if bit)
    else:  # the form's source line is "Title — Publisher, date"
        article_title, _, source_line = (form.source_line or form.title).partition(" \u2014 ")
    sections = build_sections(form, labels, key=key)
    sheet = {
        "title": title or form.title or article_title,
        "article_title": article_title,
        "source_line": source_line,
        "form_label": form.label,
        "is_key": key,
        "question_count": len(form.items),
        "sections": sections,
    }
    if key:  # every answer at a glance, for marking a pile of sheets
        sheet["quick_key"] = [{"number": item["number"], "answer": item["answer"]}
                              for section in sections for item in section["items"]]
    return sheet


def build_document(sheets: Sequence[dict[str, Any]], labels: dict[str, Any], *, paper: str, large_print: bool,
                   lang: str = "en") -> dict[str, Any]:
    """Everything one PDF or HTML file needs: page settings, labels and its sheets."""
    if paper not in PAPERS:
        raise QuizgenError(f"unknown paper size {paper!r}: use one of {', '.join(PAPERS)}")
    return {
        "version": SHEET_FORMAT_VERSION,
        "paper": PAPERS[paper],
        "large_print": large_print,
        "lang": (lang or "en").split("-")[0].lower(),
        "labels": labels,
        "sheets": list(sheets),
    }


def sheet_texts(document: dict[str, Any]) -> list[str]:
    """Every string a document prints (for the font coverage check)."""
    texts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(document["labels"])
    walk(document["sheets"])
    return texts
