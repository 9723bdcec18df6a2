"""Lenient matching of typed answers (cloze, short answer, numeric) against a question's key.

Forgiven: case, punctuation, quote styles, extra spaces, the articles "a/an/the", number formats ("1.2 million" = "1,200,000" = "1.2M"),
date formats ("April 18, 2024" = "18 April 2024" = "2024-04-18"), and one slip of a letter in a long
word-answer. Not forgiven: a different number or a different digit anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

from quizgen.model import Question

_ARTICLES = {"a", "an", "the"}
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mio": 1e6, "billion": 1e9, "b": 1e9,
    "bn": 1e9, "trillion": 1e12, "t": 1e12, "tn": 1e12,
}
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_MONTHS = {
    name: i + 1
    for i, names in enumerate([
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
        ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
        ("november", "nov"), ("december", "dec"),
    ])
    for name in names
}
# A number as people write it: 1,200,000 / 1 200 000 / 1.2 / 405 / 1.200.000 is not supported (ambiguous).
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d{1,3}(?:[, \u202f](?=\d{3}\b)\d{3})+|\d+)(?:\.\d+)?")


def matches(question: Question, text: str) -> bool:
    """True when `text` is an acceptable answer to the typed question `question`."""
    text = text.strip()
    if not text:
        return False
    keys = [question.answer, *question.accepted]
    if question.cloze is not None:
        keys.append(question.cloze.answer)
    if question.kind == "numeric" and question.numeric is not None:
        given = parse_quantity(text)
        if given is not None and _numeric_close(question, given[0]):
            return True
    return any(_text_matches(key, text) for key in keys if key and key.strip())


def _numeric_close(question: Question, magnitude: float) -> bool:
    numeric = question.numeric
    assert numeric is not None
    targets = [(numeric.value, numeric.tolerance)]
    # The key may hold 405 (with "billion" in the answer text) or 405e9: scale the tolerance to match.
    stated = parse_quantity(question.answer)
    if stated is not None and numeric.value and stated[0] != numeric.value:
        ratio = stated[0] / numeric.value
        targets.append((stated[0], numeric.tolerance * abs(ratio)))
    return any(abs(magnitude - value) <= tolerance + 1e-9 * max(1.0, abs(value)) for value, tolerance in targets)


def _text_matches(key: str, text: str) -> bool:
    key_words, text_words = normal_words(key), normal_words(text)
    if key_words and key_words == text_words:
        return True
    if not key_words:  # a key of symbols only ("~=#{}:"): compare it as written, spaces aside
        return _squash(key) == _squash(text)
    key_date, text_date = parse_date(key), parse_date(text)
    if key_date and text_date:
        return key_date == text_date
    key_quantity, text_quantity = parse_quantity(key), parse_quantity(text)
    if key_quantity and text_quantity:
        # Same number, and the words typed besides it belong to the key ("1.2 million" for
        # "over 1.2 million times"), so "GPT 3" never matches "Llama 3".
        same = abs(key_quantity[0] - text_quantity[0]) <= 1e-9 * max(1.0, abs(key_quantity[0]))
        return same and set(text_quantity[1]) <= set(key_quantity[1])
    return _one_slip(" ".join(key_words), " ".join(text_words))


def normal_words(text: str) -> list[str]:
    """Comparison words: NFKC, case-folded, punctuation dropped, articles dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = re.sub(r"(?<=\d)[,\u202f](?=\d{3}\b)", "", text)  # 1,200 -> 1200 before commas become spaces
    cleaned = "".join(ch if (unicodedata.category(ch)[0] in "LNM" or ch == ".") else " " for ch in text)
    cleaned = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", cleaned)  # keep decimal points only
    return [w for w in cleaned.split() if w not in _ARTICLES]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).casefold())


def parse_quantity(text: str) -> Optional[tuple[float, list[str]]]:
    """(magnitude, other words) of a text holding exactly one number: "over 1.2 million times" -> (1.2e6, [over, times])."""
    cleaned = unicodedata.normalize("NFKC", text).casefold().replace("$", " $ ").replace("%", " % ")
    found = list(_NUMBER.finditer(cleaned))
    if len(found) != 1:
        return None
    number_text = found[0].group(0)
    try:
        value = float(re.sub(r"[, \u202f]", "", number_text))
    except ValueError:
        return None
    rest = cleaned[: found[0].start()] + " " + cleaned[found[0].end():]
    # A scale glued on or right after the number: 1.2m, 405B, 405 billion.
    words = normal_words(rest)
    after = normal_words(cleaned[found[0].end():])
    if after and after[0] in _SCALES:
        value *= _SCALES[after[0]]
        words.remove(after[0])
    return value, [w for w in words if w not in {"$"}]


def parse_date(text: str) -> Optional[tuple[int, int, int]]:
    """(year, month, day) of a date written as 2024-04-18, April 18, 2024 or 18 April 2024 (0 for missing parts)."""
    words = normal_words(text.replace("-", " "))
    if not words or len(words) > 3:
        return None
    year = month = day = 0
    for word in words:
        if word in _MONTHS and not month:
            month = _MONTHS[word]
        elif word.isdigit() and len(word) == 4 and not year:
            year = int(word)
        elif word.isdigit() and len(word) <= 2:
            number = int(word)
            if not month and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text.strip()) and not day:
                month = number
            elif not day and 1 <= number <= 31:
                day = number
            else:
                return None
        else:
            return None
    if not (month or (year and len(words) == 1)):
        return None
    return year, month, day


def _one_slip(key: str, text: str) -> bool:
    """One letter wrong, missing, extra or swapped, in a key of 6+ letters whose digits are all right."""
    if len(key) < 6 or re.sub(r"\D", "", key) != re.sub(r"\D", "", text):
        return False
    if abs(len(key) - len(text)) > 1:
        return False
    return _damerau_at_most_one(key, text)


def _damerau_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    if len(a) < len(b):
        a, b = b, a
    for i in range(len(a)):
        if a[:i] + a[i + 1:] == b:
            return True
    return False
