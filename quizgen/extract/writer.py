"""Writing the draft: article.md with guessed front matter, and facts.yaml with a comment per fact.

Every string goes out as a JSON-style double-quoted scalar (valid YAML), so quotes, colons, '#',
backslashes and non-ASCII text round-trip through the loader exactly.
"""

from __future__ import annotations

import json
import re
from typing import Optional

from quizgen.extract.document import Document
from quizgen.model import DateValue, EntityValue, Fact, QuantityValue


def q(text: str) -> str:
    """A YAML double-quoted scalar for any text."""
    return json.dumps(text, ensure_ascii=False)


def comment(text: str) -> str:
    """One comment line's text: no line breaks (they would end the comment)."""
    return re.sub(r"\s+", " ", text).strip()


def render_article(document: Document, meta: dict) -> str:
    """article.md: front matter (title, source, date, language), then headings and paragraphs."""
    lines = ["---"]
    for key in ("title", "publisher", "source", "date", "url", "language", "licence"):
        if meta.get(key) is not None:
            lines.append(f"{key}: {q(str(meta[key]))}")
    lines.append("---")
    lines.append("")
    for block in document.blocks:
        if block.kind == "heading":
            lines.append("#" * max(2, min(block.level, 6)) + " " + block.text)
            lines.append("")
        elif block.kind == "item":
            lines.append(f"- {block.text}")
        else:
            if lines and lines[-1].startswith("- "):
                lines.append("")
            lines.append(block.text)
            lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def render_facts(facts: list[tuple[Fact, float, str, list[str]]], header: list[str]) -> str:
    """facts.yaml with a `# confidence ...` comment and reviewer notes above each fact."""
    out = ["# yaml-language-server: $schema=../../schemas/facts.schema.json"]
    out += [f"# {comment(line)}" for line in header]
    out += ["version: 1", "facts:"]
    for fact, confidence, reason, notes in facts:
        out.append("")
        quote = comment(fact.source.quote)
        short = quote if len(quote) <= 60 else quote[:57].rstrip() + "..."
        out.append(f"  # confidence {confidence:.2f} \u2014 {comment(reason)}; from \"{short}\"")
        for note in notes:
            out.append(f"  # review: {comment(note)}")
        out.append(f"  - id: {fact.id}")
        out.append(f"    kind: {fact.kind}")
        out.append(f"    statement: {q(fact.statement)}")
        out.append(f"    answer: {q(fact.answer)}")
        value = _value(fact.value)
        if value:
            out.append(f"    value: {value}")
        if fact.prompt:
            out.append(f"    prompt: {q(fact.prompt)}")
        if fact.distractors:
            out.append("    distractors:")
            out += [f"      - {q(d)}" for d in fact.distractors]
        out.append("    source:")
        out.append(f"      quote: {q(fact.source.quote)}")
        if fact.tags:
            out.append(f"    tags: [{', '.join(fact.tags)}]")
    return "\n".join(out) + "\n"


def _value(value: Optional[object]) -> Optional[str]:
    if isinstance(value, DateValue):
        parts = [f"date: {q(value.date)}", f"precision: {value.precision}"]
        if value.qualifier:
            parts.append(f"qualifier: {value.qualifier}")
        if value.era:
            parts.append(f"era: {value.era}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, QuantityValue):
        number = int(value.number) if float(value.number).is_integer() else value.number
        parts = [f"number: {number}"]
        if value.scale:
            parts.append(f"scale: {value.scale}")
        if value.unit:
            parts.append(f"unit: {q(value.unit)}")
        if value.qualifier:
            parts.append(f"qualifier: {q(value.qualifier)}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, EntityValue):
        aliases = f", aliases: [{', '.join(q(a) for a in value.aliases)}]" if value.aliases else ""
        return "{" + f"name: {q(value.name)}, class: {value.entity_class}{aliases}" + "}"
    return None
