"""Distractors: wrong answers of the same kind, class and precision as the key.

Order of preference: the fact's curated distractors, then bank siblings (other facts' answers of the
same entity class / date precision / quantity unit, nearest first), then principled perturbations
(a nearby month, half or double the number). Candidates are rejected when they equal the answer after
normalisation, are printed in the stem, or are a true answer to the same stem elsewhere in the bank.

The bank is indexed once (sorted lists + bisect), so each fact costs O(log n): 100k facts stay linear."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from quizgen.generate.values import (
    date_interval,
    date_key,
    date_perturbations,
    date_style,
    format_date,
    parse_date,
    parse_quantity,
    quantity_perturbations,
    quantity_style,
)
from quizgen.model import DateValue, EntityValue, Fact, QuantityValue, normalize_text

WINDOW = 12  # sibling candidates looked at on each side of the answer


def stable_hash(text: str) -> int:
    """A hash that is the same in every run (Python's hash() of str is salted per process)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


_ARTICLE = re.compile(r"^(the|a|an)\s+")


@lru_cache(maxsize=1 << 18)
def answer_key(text: str) -> str:
    """Comparison key of an answer: normalize_text, no leading article, numbers and dates canonical."""
    key = normalized(text)
    if not any(ch.isdigit() for ch in key):
        return re.sub(r"[^\w\s]", "", _ARTICLE.sub("", key)).strip()
    parsed = parse_date(key)
    if parsed is not None:
        return f"date:{parsed}"
    stripped = _ARTICLE.sub("", key)
    if re.fullmatch(r"[^\w]*[$€£]?\s*[\d.,]+\s*-?\s*(thousand|million|billion|trillion|bn|mn|tn|[kmbt])?[^\w]*", stripped):
        number = parse_quantity(stripped)
        if number is not None:
            return f"num:{number:.6g}"
    return re.sub(r"[^\w\s]", "", stripped).strip()


def blank_key(statement: str, span: tuple[int, int]) -> str:
    """The statement with its answer blanked: facts sharing it ask the same question."""
    return normalized(statement[: span[0]] + "_" + statement[span[1]:])


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_word(haystack: str, needle: str, start: int = 0) -> int:
    """Index of the first whole-word occurrence of `needle` in `haystack`, or -1.

    Plain str.find plus boundary checks: a regex per needle would be compiled for every answer of a
    100k-fact bank and thrash the re module's cache."""
    if not needle:
        return -1
    at = haystack.find(needle, start)
    while at >= 0:
        end = at + len(needle)
        before_ok = at == 0 or not _is_word_char(haystack[at - 1]) or not _is_word_char(needle[0])
        after_ok = end >= len(haystack) or not _is_word_char(haystack[end]) or not _is_word_char(needle[-1])
        if before_ok and after_ok:
            return at
        at = haystack.find(needle, at + 1)
    return -1


@lru_cache(maxsize=1 << 18)
def normalized(text: str) -> str:
    """normalize_text, memoised: the same answers and stems are compared many times."""
    return normalize_text(text)


def word_in(needle: str, haystack_normalized: str) -> bool:
    """Whether the normalized `needle` occurs as whole words in an already-normalized text."""
    return find_word(haystack_normalized, normalized(needle)) >= 0


@dataclass
class BankIndex:
    """Sibling answers of the bank, indexed by class / precision / unit, and the true answers of each
    stem (to refuse also-true distractors)."""

    entities: dict[str, list[tuple[int, int, str, str]]] = field(default_factory=dict)  # class -> (len, hash, name, fact id)
    # (precision, has qualifier) -> sorted (ordinal, month number, value, fact id)
    dates: dict[tuple, list[tuple[tuple, int, DateValue, str]]] = field(default_factory=dict)
    quantities: dict[str, list[tuple[float, str, str]]] = field(default_factory=dict)  # unit -> sorted (magnitude, fact id, answer)
    true_answers: dict[str, set[str]] = field(default_factory=dict)  # blank key / prompt -> answer keys
    statements: dict[str, str] = field(default_factory=dict)  # fact id -> statement


def unit_key(value: QuantityValue) -> str:
    unit = (value.unit or "").casefold().strip()
    return unit[:-1] if unit.endswith("s") else unit


def build_index(facts: list[Fact], spans: dict[str, tuple[int, int]]) -> BankIndex:
    index = BankIndex()
    seen_entities: dict[str, set[str]] = {}
    seen_dates: set[tuple] = set()
    for fact in facts:
        index.statements[fact.id] = fact.statement
        value = fact.value
        span = spans.get(fact.id)
        akey = answer_key(fact.answer)
        if span is not None:
            index.true_answers.setdefault("b:" + blank_key(fact.statement, span), set()).add(akey)
        if fact.prompt:
            index.true_answers.setdefault("p:" + normalize_text(fact.prompt), set()).add(akey)
        if isinstance(value, EntityValue):
            names = seen_entities.setdefault(value.entity_class, set())
            for name, owner in [(fact.answer, fact.id)] + [(d, "") for d in fact.distractors]:
                key = answer_key(name)
                if key in names:
                    continue
                names.add(key)
                index.entities.setdefault(value.entity_class, []).append((len(name), stable_hash(name), name, owner))
        elif isinstance(value, DateValue):
            key = date_key(value)
            if key not in seen_dates:
                seen_dates.add(key)
                group = (value.precision, bool(value.qualifier))
                index.dates.setdefault(group, []).append((_date_ordinal(value), _month_number(value), value, fact.id))
        elif isinstance(value, QuantityValue):
            index.quantities.setdefault(unit_key(value), []).append((value.magnitude, fact.id, fact.answer))
    for names in index.entities.values():
        names.sort()
    for dates in index.dates.values():
        dates.sort(key=lambda item: item[0])
    for quantities in index.quantities.values():
        quantities.sort()
    return index


def _date_ordinal(value: DateValue) -> tuple:
    year, month, day = value.parts
    qualifier_rank = {"early": 1, "mid": 2, "late": 3}.get(value.qualifier or "", 0)
    return (year, month or qualifier_rank * 4, day)


def _month_number(value: DateValue) -> int:
    """Months since year 0 (mid-year for year-precision dates), to measure how far apart dates are."""
    year, month, _ = value.parts
    return year * 12 + (month or 6)


@dataclass
class Distractor:
    text: str
    origin: str  # "curated", "sibling" or "perturbation"
    fact_id: str = ""  # the sibling fact it is the answer of


def choose_distractors(fact: Fact, span: Optional[tuple[int, int]], stem: str, index: BankIndex,
                       wanted: int = 3, written: Optional[tuple[int, int, int]] = None) -> list[Distractor]:
    """Up to `wanted` distractors for the fact, best first (curated, then siblings, then perturbations).

    `written` is the article's date (year, month, day; 0 = unknown part): an invented date after both
    it and the answer would be a date the article cannot have reported, which gives it away."""
    answer = fact.answer.strip()
    refused = {answer_key(answer)}
    stem_norm = normalized(stem)
    also_true: set[str] = set()
    if span is not None:
        also_true |= index.true_answers.get("b:" + blank_key(fact.statement, span), set())
    if fact.prompt:
        also_true |= index.true_answers.get("p:" + normalized(fact.prompt), set())
    chosen: list[Distractor] = []

    def offer(text: str, origin: str, owner: str = "") -> bool:
        key = answer_key(text)
        if key in refused or key in also_true or (stem_norm and word_in(text, stem_norm)):
            return False
        refused.add(key)
        chosen.append(Distractor(text, origin, owner))
        return len(chosen) >= wanted

    for text in fact.distractors:
        if offer(text, "curated"):
            return chosen
    value = fact.value
    if fact.kind in ("cause", "definition") or value is None:
        return chosen  # only a person can write wrong reasons or definitions worth reading
    if isinstance(value, EntityValue):
        for name, owner in _entity_siblings(fact, value, index):
            if offer(name, "sibling", owner):
                return chosen
        return chosen
    if isinstance(value, DateValue):
        style = date_style(answer, value)
        for sibling, owner in _date_siblings(value, index):
            if offer(format_date(sibling, style), "sibling", owner):
                return chosen
        latest = max(date_interval(value)[1], written or (0, 0, 0))
        for nearby in date_perturbations(value):
            if written and date_interval(nearby)[0] > latest:
                continue
            if offer(format_date(nearby, style), "perturbation"):
                return chosen
        return chosen
    if isinstance(value, QuantityValue):
        style = quantity_style(answer, value)
        if style is None:
            return chosen
        from quizgen.generate.values import format_quantity

        for magnitude, owner in _quantity_siblings(value, index):
            text = format_quantity(magnitude, style)
            if text is not None and offer(text, "sibling", owner):
                return chosen
        for text in quantity_perturbations(value, answer, style):
            if offer(text, "perturbation"):
                return chosen
    return chosen


def _entity_siblings(fact: Fact, value: EntityValue, index: BankIndex) -> list[tuple[str, str]]:
    """Names of the same class, closest in length to the answer first (no length tell), with a
    per-fact stable tie-break so that different questions get different distractors."""
    names = index.entities.get(value.entity_class, [])
    if not names:
        return []
    length = len(fact.answer)
    position = bisect.bisect_left(names, (length, 0, "", ""))
    window = names[max(0, position - WINDOW): position + WINDOW]
    salt = stable_hash(fact.id)
    # name hash (computed once in the index) mixed with the fact's: a stable, per-fact tie-break
    ranked = sorted(window, key=lambda n: (abs(n[0] - length) // 4, (n[1] ^ salt) * 0x9E3779B97F4A7C15 % (1 << 64), n[2]))
    return [(n[2], n[3]) for n in ranked]


def _date_siblings(value: DateValue, index: BankIndex) -> list[tuple[DateValue, str]]:
    """Bank dates at the same precision, nearest first, within a plausible range."""
    group = index.dates.get((value.precision, bool(value.qualifier)), [])
    if not group:
        return []
    ordinal = _date_ordinal(value)
    position = bisect.bisect_left(group, ordinal, key=lambda item: item[0])
    window = group[max(0, position - WINDOW): position + WINDOW]
    limit = {"day": 8, "month": 12, "year": 48}[value.precision]
    month = _month_number(value)
    near = [(abs(m - month), d.date, d, owner) for _, m, d, owner in window if abs(m - month) <= limit]
    near.sort(key=lambda item: (item[0], item[1]))
    return [(d, owner) for _, _, d, owner in near]


def _quantity_siblings(value: QuantityValue, index: BankIndex) -> list[tuple[float, str]]:
    """Bank quantities of the same unit within a factor of 20, nearest (in ratio) first."""
    group = index.quantities.get(unit_key(value), [])
    if not group:
        return []
    magnitude = value.magnitude
    position = bisect.bisect_left(group, (magnitude, "", ""))
    window = group[max(0, position - WINDOW): position + WINDOW]
    near = [(m, owner) for m, owner, _ in window if m > 0 and 1 / 20 <= m / magnitude <= 20]
    near.sort(key=lambda item: (max(item[0] / magnitude, magnitude / item[0]), item[0]))
    return near
