"""Small banks written on the fly for the generation, lint and assembly tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from quizgen.loading import Bank, load_bank

BUNDLED_MIN_QUESTIONS = 150
BUNDLED_MIN_KINDS = 6


def write_bank(folder: Path, facts: list[dict], article_sentences: list[str] | None = None) -> Bank:
    """A bank folder whose article holds every fact's quote (one paragraph each), loaded."""
    folder.mkdir(parents=True, exist_ok=True)
    sentences = article_sentences or []
    for fact in facts:
        quote = fact.setdefault("source", {"quote": fact["statement"]})["quote"]
        if quote not in sentences:
            sentences.append(quote)
    body = "\n\n".join(sentences)
    (folder / "article.md").write_text(
        f"---\ntitle: Test article\npublisher: Test Weekly\ndate: 2024-12\n---\n\n{body}\n", encoding="utf-8")
    (folder / "facts.yaml").write_text(yaml.safe_dump({"version": 1, "facts": facts}, allow_unicode=True,
                                                      sort_keys=False), encoding="utf-8")
    return load_bank(folder)


def date_fact(fact_id: str, statement: str, answer: str, date: str, precision: str, **extra) -> dict:
    value = {"date": date, "precision": precision}
    if "qualifier" in extra:
        value["qualifier"] = extra.pop("qualifier")
    return {"id": fact_id, "kind": "date", "statement": statement, "answer": answer, "value": value, **extra}


def quantity_fact(fact_id: str, statement: str, answer: str, number: float, scale=None, unit=None, **extra) -> dict:
    value = {"number": number}
    if scale:
        value["scale"] = scale
    if unit:
        value["unit"] = unit
    if "qualifier" in extra:
        value["qualifier"] = extra.pop("qualifier")
    return {"id": fact_id, "kind": "quantity", "statement": statement, "answer": answer, "value": value, **extra}


def entity_fact(fact_id: str, statement: str, answer: str, entity_class: str, kind: str = "entity", **extra) -> dict:
    return {"id": fact_id, "kind": kind, "statement": statement, "answer": answer,
            "value": {"name": answer, "class": entity_class}, **extra}
