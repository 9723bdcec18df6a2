"""Reading an article (plain text or Markdown, with or without front matter) into blocks and sentences.

Plain-text headings are short lines without final punctuation; Markdown headings are `#` lines.
A list item is its own block, so a sentence never runs across bullets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from quizgen.errors import QuizgenError
from quizgen.extract.sentences import Sentence, looks_like_heading, split_sentences, strip_bullet


@dataclass
class Block:
    """A heading, paragraph or list item of the article."""

    kind: str  # "heading" | "paragraph" | "item"
    text: str
    level: int = 0  # heading level (1 = top); 0 for body blocks
    sentences: list[Sentence] = field(default_factory=list)
    headings: tuple[str, ...] = ()  # enclosing headings, outermost first (body blocks)


@dataclass
class Document:
    """The article as read: optional front matter, a title guess, and its blocks in order."""

    blocks: list[Block]
    front_matter: Optional[dict] = None
    title: Optional[str] = None
    source_name: str = ""

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind != "heading"]


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.S | re.M)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def read_document(path: Path) -> Document:
    """Read ARTICLE.txt or .md into a Document; raises QuizgenError if it cannot be read."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise QuizgenError(f"{path}: cannot read the article ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuizgenError(f"{path}: not UTF-8 text; save the article as UTF-8 and try again") from None
    document = parse_document(text, markdown=Path(path).suffix.lower() in (".md", ".markdown"))
    document.source_name = Path(path).name
    if not document.body_blocks():
        raise QuizgenError(f"{path}: the article has no text to extract facts from")
    return document


def parse_document(text: str, markdown: bool = True) -> Document:
    """Split article text into blocks; `#` headings always count, short bare lines count in plain text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front: Optional[dict] = None
    match = _FRONT.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, dict):
            front = loaded
        text = text[match.end():]
    lines = text.split("\n")
    # Plain text comes either wrapped (paragraphs separated by blank lines) or one paragraph a line.
    filled = [line for line in lines if line.strip()]
    one_per_line = not markdown and len(filled) > 2 and sum(1 for line in lines if not line.strip()) < len(filled) / 4
    blocks: list[Block] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            blocks.append(Block("paragraph", " ".join(s.strip() for s in buffer)))
            buffer.clear()

    in_fence = False
    for index, raw_line in enumerate(lines):
        if raw_line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence  # code is not prose: no facts from it
            flush()
            continue
        if in_fence or (markdown and raw_line.lstrip().startswith("|")):
            continue
        line = plain_inline(raw_line.strip()) if markdown else raw_line.strip()
        # Wikipedia-style reference marks ("[12]", "[citation needed]") are not part of any fact.
        line = _REFERENCE.sub("", line)
        if not line:
            flush()
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            blocks.append(Block("heading", heading.group(2).strip(), level=len(heading.group(1))))
            continue
        item, is_item = strip_bullet(line)
        if is_item:
            flush()
            blocks.append(Block("item", item.strip()))
            continue
        next_line = lines[index + 1].strip() if index + 1 < len(lines) else ""
        next_ok = not next_line or next_line[:1].isupper() or next_line[:1].isdigit() or next_line[:1] in "\"'\u201c-*"
        ended = not buffer or re.search(r"[.!?:][\"'\u201d\u2019)]*$", buffer[-1])
        if one_per_line:
            flush()
        if not markdown and (ended or one_per_line) and next_ok and looks_like_heading(line):
            flush()
            blocks.append(Block("heading", line, level=0))
            continue
        if buffer and not markdown:
            # In plain text every line is a paragraph unless it continues a wrapped sentence.
            if re.search(r"[.!?][\"'\u201d\u2019)]*$", buffer[-1]) and line[:1].isupper():
                flush()
        buffer.append(line)
    flush()

    title = None
    if front and isinstance(front.get("title"), str):
        title = front["title"]
    elif blocks and blocks[0].kind == "heading":
        # The first heading is the title when it opens the text (a `#` heading, or a bare first line).
        title = blocks[0].text
        blocks = blocks[1:]
    _assign_levels(blocks)
    for block in blocks:
        if block.kind != "heading":
            block.sentences = split_sentences(block.text)
    return Document(blocks=blocks, front_matter=front, title=title)


_REFERENCE = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|note \d+|nb \d+)\]", re.I)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1(?!\w)")


def plain_inline(line: str) -> str:
    """Markdown inline markup to plain text ("[Meta](url)" -> "Meta", "**405B**" -> "405B"), so facts
    and quotes never carry markup; article.md is written from this text, so quotes still match."""
    if line.startswith("<!--") and line.endswith("-->"):
        return ""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    return re.sub(r"\s{2,}", " ", _EMPHASIS.sub(r"\2", line)).strip()


def _assign_levels(blocks: list[Block]) -> None:
    """Give plain-text headings a level and every body block its enclosing headings.

    Plain text has no levels; a heading that shares a "Phase N:"-style prefix with the one before is
    its sibling, and a heading right after another heading is its child.
    """
    stack: list[Block] = []
    previous: Optional[Block] = None
    for block in blocks:
        if block.kind == "heading":
            if block.level == 0:
                if previous is not None and previous.kind == "heading":
                    block.level = previous.level + 1
                elif stack and _same_pattern(stack[-1].text, block.text):
                    block.level = stack[-1].level
                else:
                    block.level = stack[0].level if stack else 2
            while stack and stack[-1].level >= block.level:
                stack.pop()
            stack.append(block)
        else:
            block.headings = tuple(h.text for h in stack)
        previous = block


def _same_pattern(a: str, b: str) -> bool:
    first = lambda s: re.sub(r"\d+", "#", s.split(":")[0].split()[0]) if s.split() else ""
    return ":" in a and ":" in b and first(a) == first(b)
