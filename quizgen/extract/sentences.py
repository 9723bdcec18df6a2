"""Sentence splitting that survives abbreviations (Dec., U.S., Inc., Dr.), quotes, dashes and bullets.

Works on one block (a paragraph or a bullet item) at a time and returns character spans, so every
sentence is an exact span of the article: the source quote of a fact is always copied, never rebuilt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a period never ends a sentence (a name or a number follows).
_ALWAYS_CONTINUE = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt",
    "sgt", "rev", "hon", "mt", "ft", "no", "nos", "vol", "fig", "approx", "cf", "vs", "e.g", "i.e", "etc.,",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "pp", "ch",
    "v",  # a court case: "Plessy v. Ferguson"
}
# Abbreviations that may end a sentence: split only when a typical sentence opener follows.
# ("Martin Luther King Jr. The boycott lasted ..." is two sentences; "King Jr. was" one.)
_MAYBE_END = {"jr", "sr", "inc", "ltd", "co", "corp", "u.s", "u.k", "u.n", "e.u", "etc", "bros", "plc", "llc", "a.m", "p.m"}
_OPENERS = {
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "this", "that", "these", "those", "it", "its",
    "he", "she", "they", "we", "i", "his", "her", "their", "our", "after", "before", "when", "while",
    "but", "and", "however", "as", "if", "although", "since", "today", "then", "there", "meanwhile",
    "during", "under", "with", "to", "according", "one", "some", "many", "most",
}

# Sentence openers that are never a surname after an initial ("Henry V. The", not "Harry S. Truman").
_NOT_SURNAMES = {"The", "This", "These", "Those", "It", "Its", "He", "She", "They", "His", "Her", "Their",
                 "After", "When", "During", "However", "But", "In", "On"}

# End punctuation, then closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"([.!?]+)([\"'\u201d\u2019)\]]*)(\s+)")
_NEXT_START = re.compile(r"[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Sentence:
    """A sentence as a span of its block's text."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Split one paragraph into sentences; each is an exact span of `text` (outer spaces trimmed)."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end(2)
        following = text[match.end():]
        if not following or not _NEXT_START.match(following):
            continue
        if match.group(1) == "." and not match.group(2) and not _ends_sentence(text[start:match.start()], following):
            continue
        if _inside_open_quote(text[start:end]) and _QUOTE_CLOSE.search(following):
            continue  # a quotation of several sentences stays one sentence with its speaker
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


_QUOTE_CLOSE = re.compile(r"[\u201d\"]")


def _inside_open_quote(chunk: str) -> bool:
    """Whether a quotation opened in `chunk` is still open at its end."""
    straight = chunk.count('"') % 2 == 1
    curly = chunk.count("\u201c") > chunk.count("\u201d")
    return straight or curly


def _ends_sentence(before: str, following: str) -> bool:
    """Whether a period right after `before` ends the sentence, looking at the word it follows."""
    found = _WORD_BEFORE.search(before)
    if not found:
        return True
    word = found.group(1)
    lower = word.lower().rstrip(".")
    if len(word) == 1 and word.isupper():
        # an initial: "J. R. R. Tolkien", "Harry S. Truman"; but a regnal number ends a sentence when
        # no name can follow: "on behalf of King Ptolemy V. The top text is ..."
        next_word = re.match(r"[\"'\u201c\u2018(]*([A-Za-z]+)\b", following)
        return word in "IVX" and bool(next_word) and next_word.group(1) in _NOT_SURNAMES
    if lower in _ALWAYS_CONTINUE:
        return False
    if lower in _MAYBE_END or re.fullmatch(r"(?:[a-z]\.)+[a-z]", lower):
        next_word = re.match(r"[\"'\u201c\u2018(]*([A-Za-z]+)", following)
        return bool(next_word) and next_word.group(1).lower() in _OPENERS
    return True


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    sentences.append(Sentence(stripped, start + lead, start + lead + len(stripped)))


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d{1,2}[.)])\s+")


def strip_bullet(line: str) -> tuple[str, bool]:
    """A list item's text without its marker ("- ", "* ", "1. "), and whether it was one."""
    match = _BULLET.match(line)
    if match:
        return line[match.end():], True
    return line, False


def looks_like_heading(line: str, next_line_blank_or_end: bool = True) -> bool:
    """A plain-text heading: a short line without final sentence punctuation."""
    stripped = line.strip()
    if not stripped or _BULLET.match(stripped):
        return False
    if stripped[-1] in ".,;:!\"'\u201d\u2019" or len(stripped) > 90:
        return False
    words = stripped.split()
    if len(words) > 14:
        return False
    if not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    # A question can be a heading ("Why Give It Away?") but a long one is a sentence.
    if stripped.endswith("?") and len(words) > 10:
        return False
    return next_line_blank_or_end or len(words) <= 10
