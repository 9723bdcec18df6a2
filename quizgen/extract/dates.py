"""Dates in running text, at the precision the text gives them.

"April 18, 2024" and "18 April 2024" (day), "December 2024" (month), "mid-2024" (year, qualifier mid),
"in 2024" (year), and a bare month ("in December") whose year comes from the context (a heading such
as "Phase 3 (December 2024)", or the last year named before it).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from quizgen.generate.values import ORDINAL_WORDS, DateStyle, century_start
from quizgen.generate.values import format_date as format_in_style
from quizgen.model import DateValue

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
# A year with its era: "44 BC", "2560 BCE", "79 AD", "AD 79" (any year from 1; the era says it is one).
_ERA_YEAR = (r"(?:(?P<year>[1-9][0-9]{0,3})\s?(?P<era>BCE|BC|B\.C\.E\.|B\.C\.|AD|A\.D\.|CE|C\.E\.)"
             r"|(?P<era_before>AD|A\.D\.)\s?(?P<year_after>[1-9][0-9]{0,3}))(?![A-Za-z0-9])")

_CENTURY_NUMBER = rf"(?:(?P<cent>[1-9]|1[0-9]|2[01])(?:st|nd|rd|th)|(?P<cent_word>{'|'.join(ORDINAL_WORDS[::-1])}))"


def _day_month_patterns(year: str) -> list[tuple[str, re.Pattern]]:
    """The day, month and qualified-year patterns around one way of writing the year."""
    return [
        # April 18, 2024 / April 18 2024 / March 15, 44 BC
        ("mdy", re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{year}")),
        # 18 April 2024
        ("dmy", re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\s+{year}")),
        # mid-2024, early 2024, late-2024
        ("qual", re.compile(rf"\b(?P<qual>[Ee]arly|[Mm]id|[Ll]ate)[-\s]{year}")),
        # December 2024, December of 2024
        ("my", re.compile(rf"\b(?P<month>{_MONTH})\s+(?:of\s+)?{year}")),
    ]


_PATTERNS = [
    # the 16th century, the early 3rd century BC, the ninth century (not "a 16th-century painter": an adjective)
    ("century", re.compile(rf"(?<=\bthe\s)(?:(?P<qual>[Ee]arly|[Mm]id|[Ll]ate)[-\s])?{_CENTURY_NUMBER}\s+century\b"
                           rf"(?:\s?(?P<era>BCE|BC|B\.C\.E\.|B\.C\.|AD|A\.D\.|CE|C\.E\.)(?![A-Za-z]))?")),
    # the 1970s, the early 1990s (after "the": "1970s fashion" names a style, not a time)
    ("decade", re.compile(r"(?<=\bthe\s)(?:(?P<qual>[Ee]arly|[Mm]id|[Ll]ate)[-\s])?(?P<decade>1[0-9]{2}0|20[0-9]0)['’]?s\b")),
    # years with their era first ("March 15, 44 BC", "AD 79"): the modern patterns would read "1200 BC"
    # as the year 1200
    *_day_month_patterns(_ERA_YEAR),
    ("era_year", re.compile(rf"\b{_ERA_YEAR}")),
    *_day_month_patterns(rf"(?P<year>{_YEAR})\b"),
    # July 20 (year from context)
    ("md", re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![.,]?\d)(?!,?\s+{_YEAR})")),
    # a year opening the sentence: "In 2019 fires in the Amazon drew attention" (not 2019 fires)
    ("year_start", re.compile(rf"(?<=^In )(?P<year>{_YEAR})\b(?![-.,\u2013]?\d)(?!\s*(?:%|percent))")),
    # a year after a preposition or in brackets: "in 2024", "since 1949", "(1985)", "from 1961 to 1989"
    ("year", re.compile(rf"(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Bb]y )|(?<=\bof )|(?<=\bfrom )|(?<=\bto )"
                        rf"|(?<=\buntil )|(?<=\bduring )|(?<=\bthroughout )|(?<=\bafter )|(?<=\bbefore )"
                        rf"|(?<=\bin early )|(?<=\bthe year )|(?<=\()|(?<=, )|(?<=^))(?P<year>{_YEAR})\b"
                        rf"(?![-.,\u2013]?\d)(?!\s*(?:%|percent|people|units|years|million|billion|thousand|[a-z]\w*s\b))")),
    # a bare month: "in December" (year from context)
    ("m", re.compile(r"(?:(?<=\b[Ii]n )|(?<=\b[Bb]y )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Ll]ate )"
                     r"|(?<=\b[Ee]arly ))(?P<month>January|February|March|April|June|July|August|September"
                     r"|October|November|December)\b")),
]


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: its span, its typed value, and whether the year was inferred."""

    start: int
    end: int
    text: str
    value: DateValue
    year_inferred: bool = False


_ANY_DATE = re.compile(r"\d{4}|[Cc]entury|\d\s?(?:BC|B\.C\.|AD|A\.D\.|CE|C\.E\.)|\bA\.?D\.?\s?\d|January|February|March|April|May|June|July|August|September|October|November|"
                       r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.")


def find_dates(text: str, context_year: Optional[int] = None) -> list[DateMention]:
    """Every date in `text`, longest first where spans overlap; `context_year` completes bare months."""
    if not _ANY_DATE.search(text):
        return []  # most sentences: skip the seven patterns
    return list(_find_dates(text, context_year))


@functools.lru_cache(maxsize=4096)
def _find_dates(text: str, context_year: Optional[int]) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if any(start < e and s < end for s, e in taken):
                continue
            mention = _mention(name, match, context_year)
            if mention is not None:
                found.append(mention)
            if mention is not None or name in ("mdy", "dmy"):
                taken.append((start, end))  # "February 30, 2024" is no date, and its year is no fact either
    return tuple(sorted(found, key=lambda m: m.start))


def _mention(name: str, match: re.Match, context_year: Optional[int]) -> Optional[DateMention]:
    groups = match.groupdict()
    if name in ("century", "decade"):
        return _span_mention(name, match)
    inferred = False
    year_text = groups.get("year") or groups.get("year_after")
    year = int(year_text) if year_text else None
    if year is not None and (groups.get("era") or "").startswith("B"):
        year = -year
    if year is None:
        if context_year is None:
            return None
        year, inferred = context_year, True
    month = MONTHS.get(groups["month"].lower().rstrip(".")) if groups.get("month") else None
    day = int(groups["day"]) if groups.get("day") else None
    era = "BC" if year < 0 else None
    iso_year = f"{abs(year):04d}"
    try:
        if day is not None and month is not None:
            value = DateValue(date=f"{iso_year}-{month:02d}-{day:02d}", precision="day", era=era)
        elif month is not None:
            value = DateValue(date=f"{iso_year}-{month:02d}", precision="month", era=era)
        else:
            qualifier = groups.get("qual")
            value = DateValue(date=iso_year, precision="year", qualifier=qualifier.lower() if qualifier else None,
                              era=era)
    except ValueError:
        return None  # "February 31": not a date
    return DateMention(match.start(), match.end(), match.group(0), value, inferred)


def _span_mention(name: str, match: re.Match) -> Optional[DateMention]:
    qualifier = match.group("qual").lower() if match.group("qual") else None
    if name == "decade":
        value = DateValue(date=match.group("decade"), precision="decade", qualifier=qualifier)
    else:
        number = int(match.group("cent")) if match.group("cent") else \
            ORDINAL_WORDS.index(match.group("cent_word").lower()) + 1
        bc = (match.group("era") or "").startswith("B")
        value = DateValue(date=f"{abs(century_start(number, bc)):04d}", precision="century", qualifier=qualifier,
                          era="BC" if bc else None)
    return DateMention(match.start(), match.end(), match.group(0), value)


def years_in(text: str) -> list[int]:
    """Every explicit year in a text, in order (for the running context year)."""
    return [m.value.parts[0] for m in find_dates(text) if not m.year_inferred and not m.value.is_span]


def format_date(value: DateValue) -> str:
    """A date as an English reader writes it at its precision: "April 18, 2024", "December 2024", "mid-2024",
    "March 15, 44 BC"."""
    year, month, day = value.parts
    if value.is_span:
        return format_in_style(value, DateStyle(value.precision, value.precision))
    year_text = f"{-year} BC" if year < 0 else str(year)
    if value.precision == "day":
        return f"{MONTH_NAMES[month - 1]} {day}, {year_text}"
    if value.precision == "month":
        return f"{MONTH_NAMES[month - 1]} {year_text}"
    return f"{value.qualifier}-{year_text}" if value.qualifier else year_text
