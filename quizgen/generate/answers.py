"""Accepted answers and lenient matching of typed answers (used by study mode and exporters).

`matches(question, text)` forgives case, punctuation, spacing, leading articles, curly quotes, and
number and date formats ("1.2 million" = "1,200,000" = "1.2M"; "18 April 2024" = "2024-04-18")."""

from __future__ import annotations

import re
from typing import Optional

from quizgen.generate.values import (
    date_variants,
    parse_date,
    parse_quantity,
    quantity_style,
    quantity_variants,
)
from quizgen.model import DateValue, EntityValue, Fact, Question, QuantityValue, normalize_text

_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_PUNCTUATION = re.compile(r"[^\w\s]")
_WHITESPACE_RUN = re.compile(r"\s+")
_TRUE = {"true", "t", "yes", "y", "correct", "right", "wahr", "vrai"}
_FALSE = {"false", "f", "no", "n", "incorrect", "wrong", "falsch", "faux"}


def loose_text(text: str) -> str:
    """Text as compared by `matches`: normalized, no leading article, punctuation dropped."""
    key = normalize_text(text)
    key = _LEADING_ARTICLE.sub("", key)
    key = _PUNCTUATION.sub(" ", key)
    return _WHITESPACE_RUN.sub(" ", key).strip()


def accepted_answers(fact: Fact, other_names: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The answer and its usual variants, answer first, without duplicates; for a name, also
    `other_names` of the same entity (its aliases, see BankIndex.other_names)."""
    answer = fact.answer.strip()
    value = fact.value
    out = [answer]
    if isinstance(value, DateValue):
        out += date_variants(value)
    elif isinstance(value, QuantityValue):
        out += quantity_variants(value, answer, quantity_style(answer, value))
    elif isinstance(value, EntityValue):
        out.append(value.name)
        stripped = _LEADING_ARTICLE.sub("", value.name)
        if stripped != value.name:
            out.append(stripped)
        out += other_names
    seen: set[str] = set()
    unique = []
    for text in out:
        key = text.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(text)
    return unique


_MOSTLY_NUMBER = re.compile(
    r"(?:(?:over|more than|about|around|nearly|almost|approximately|roughly|at least|up to|under|less than)\s+)?"
    r"[$€£]?\s*\d[\d,]*(?:\.\d+)?\s*-?\s*(?:thousand|million|billion|trillion|bn|mn|tn|[kmbt])?(?:[\s-]+[^\W\d][\w-]*){0,2}"
)


def _number_of(text: str) -> Optional[float]:
    """The number a text is about, only when the text mostly is a number ("405B", "over 1.2 million
    times"); "Llama 3.1" is a name, not the number 3.1."""
    if not _MOSTLY_NUMBER.fullmatch(normalize_text(text)):
        return None
    return parse_quantity(text)


def matches(question: Question, text: str) -> bool:
    """Whether a typed reply counts as the answer to `question` (lenient, never a different answer)."""
    reply = text.strip()
    if not reply:
        return False
    if question.kind == "true_false":
        word = loose_text(reply)
        truth = question.answer.casefold() == "true"
        return word in (_TRUE if truth else _FALSE)
    if question.kind == "multiple_choice":
        correct = [c.text for c in question.choices if c.correct]
        letter = next((i for i, c in enumerate(question.choices) if c.correct), None)
        if len(reply) == 1 and reply.isalpha() and letter is not None:
            return reply.upper() == "ABCDEFGHIJ"[letter]
        candidates = correct + list(question.accepted)
    else:
        candidates = [question.answer] + list(question.accepted)
    if question.numeric is not None:
        number = _number_of(reply)
        if number is not None:
            target = question.numeric.value
            tolerance = max(question.numeric.tolerance, abs(target) * 1e-9)
            return abs(number - target) <= tolerance
    reply_loose = loose_text(reply)
    for candidate in candidates:
        if reply_loose == loose_text(candidate):
            return True
    reply_date = parse_date(reply)
    if reply_date is not None:
        for candidate in candidates:
            if parse_date(candidate) == reply_date:
                return True
    if question.kind in ("short_answer", "cloze", "multiple_choice"):
        number = _number_of(reply)
        if number is not None:
            for candidate in candidates:
                target = _number_of(candidate)
                if target is not None and abs(target - number) <= abs(target) * 1e-9:
                    return True
    return False
