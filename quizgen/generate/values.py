"""Typed answer values as text: read the style an answer is written in ("April 18, 2024", "December 2024",
"mid-2024", "over 1.2 million", "405B") and write other values in exactly that style, so that
distractors never differ from the key in format or precision. Also parses free text back to values,
for lenient answer matching."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from quizgen.model import SCALE_FACTORS, DateValue, QuantityValue

MONTHS = list(calendar.month_name)[1:]
MONTHS_ABBR = [m[:3] for m in MONTHS]
_MONTH_INDEX = {name.casefold(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_INDEX.update({abbr.casefold(): i + 1 for i, abbr in enumerate(MONTHS_ABBR)})
_MONTH_INDEX["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTH_INDEX, key=len, reverse=True))

QUALIFIERS = ("early", "mid", "late")
# Which months a qualified year covers, so that vague dates can still be ordered on a timeline.
QUALIFIER_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), None: (1, 12)}


# --------------------------------------------------------------------------------------------------
# Dates


@dataclass(frozen=True)
class DateStyle:
    """How a date answer is written. `pattern` is one of:
    day: "mdy" (April 18, 2024), "dmy" (18 April 2024), "iso" (2024-04-18), "md" (April 18);
    month: "my" (December 2024), "m" (December), "iso" (2024-12);
    year: "y" (2024) with an optional qualifier joined by `joiner` ("mid-2024" / "mid 2024")."""

    precision: str
    pattern: str
    abbreviated: bool = False
    joiner: str = ""  # between qualifier and year; "" = the usual ("mid-2024", "early 2024")
    capitalised: bool = False  # "Mid-2024" at the start of a sentence


def date_style(answer: str, value: DateValue) -> DateStyle:
    """The style `answer` writes `value` in (falls back to the usual English style)."""
    text = answer.strip()
    abbreviated = bool(re.search(r"\b(" + "|".join(MONTHS_ABBR) + r")\b\.?(?![a-z])", text)) and not any(
        m in text for m in MONTHS
    )
    if value.precision == "day":
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return DateStyle("day", "iso")
        if re.match(r"^\d{1,2}\s", text):
            return DateStyle("day", "dmy", abbreviated)
        if not re.search(r"\d{4}", text):
            return DateStyle("day", "md", abbreviated)
        return DateStyle("day", "mdy", abbreviated)
    if value.precision == "month":
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return DateStyle("month", "iso")
        if not re.search(r"\d{4}", text):
            return DateStyle("month", "m", abbreviated)
        return DateStyle("month", "my", abbreviated)
    # English writes "mid-2024" but "early 2024" / "late 2023"; an answer that breaks the habit
    # ("mid 2024", "early-2024") sets the joiner for every qualifier.
    if re.search(r"mid\s+\d", text, re.I) or re.search(r"(early|late)-\d", text, re.I):
        joiner = " " if re.search(r"mid\s+\d", text, re.I) else "-"
    else:
        joiner = ""
    return DateStyle("year", "y", joiner=joiner, capitalised=text[:1].isupper() and not text[:1].isdigit())


def format_date(value: DateValue, style: DateStyle) -> str:
    """`value` written in `style` (value must have the style's precision)."""
    year, month, day = value.parts
    month_name = (MONTHS_ABBR if style.abbreviated else MONTHS)[month - 1] if month else ""
    if style.precision == "day":
        return {
            "iso": f"{year:04d}-{month:02d}-{day:02d}",
            "dmy": f"{day} {month_name} {year}",
            "md": f"{month_name} {day}",
        }.get(style.pattern, f"{month_name} {day}, {year}")
    if style.precision == "month":
        return {"iso": f"{year:04d}-{month:02d}", "m": month_name}.get(style.pattern, f"{month_name} {year}")
    if value.qualifier:
        joiner = style.joiner or ("-" if value.qualifier == "mid" else " ")
        text = f"{value.qualifier}{joiner}{year}"
        return text[:1].upper() + text[1:] if style.capitalised else text
    return str(year)


def date_variants(value: DateValue) -> list[str]:
    """Every usual way of writing `value` (for accepted answers)."""
    year, month, day = value.parts
    if value.precision == "day":
        full, abbr = MONTHS[month - 1], MONTHS_ABBR[month - 1]
        return [f"{full} {day}, {year}", f"{day} {full} {year}", f"{year:04d}-{month:02d}-{day:02d}",
                f"{abbr} {day}, {year}", f"{day} {abbr} {year}", f"{full} {day} {year}"]
    if value.precision == "month":
        full, abbr = MONTHS[month - 1], MONTHS_ABBR[month - 1]
        return [f"{full} {year}", f"{abbr} {year}", f"{year:04d}-{month:02d}"]
    if value.qualifier:
        q = value.qualifier
        out = [f"{q}-{year}", f"{q} {year}", f"{'the middle' if q == 'mid' else q} of {year}"]
        if q == "mid":
            out.append(f"middle of {year}")
        return out
    return [str(year)]


def date_key(value: DateValue) -> tuple:
    """Identity of a date at its precision (two writings of one date share it)."""
    return (value.precision, value.parts, value.qualifier)


def date_interval(value: DateValue) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last day a date may mean (mid-2024: May 1 to Aug 31), for ordering events."""
    year, month, day = value.parts
    if value.precision == "day":
        return (year, month, day), (year, month, day)
    if value.precision == "month":
        return (year, month, 1), (year, month, 31)
    first, last = QUALIFIER_MONTHS[value.qualifier]
    return (year, first, 1), (year, last, 31)


def make_date(year: int, month: int = 0, day: int = 0, qualifier: Optional[str] = None) -> DateValue:
    """A DateValue from parts (0 = absent); built without validation for speed."""
    if day:
        return DateValue.model_construct(date=f"{year:04d}-{month:02d}-{day:02d}", precision="day", qualifier=None)
    if month:
        return DateValue.model_construct(date=f"{year:04d}-{month:02d}", precision="month", qualifier=None)
    return DateValue.model_construct(date=f"{year:04d}", precision="year", qualifier=qualifier)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def date_perturbations(value: DateValue) -> list[DateValue]:
    """Nearby dates at the same precision, nearest first: the principled fallback distractors."""
    year, month, day = value.parts
    out: list[DateValue] = []
    if value.precision == "day":
        for delta in (1, -1, 2, -2, 3, -3, 4, -4, 6, -6):
            y, m = shift_month(year, month, delta)
            d = min(day, calendar.monthrange(y, m)[1])
            out.append(make_date(y, m, d))
        # and a few days away within the month (a different day of the same month)
        for delta in (7, -7, 10, -10):
            shifted = _dt.date(year, month, day) + _dt.timedelta(days=delta)
            out.append(make_date(shifted.year, shifted.month, shifted.day))
    elif value.precision == "month":
        for delta in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
            y, m = shift_month(year, month, delta)
            out.append(make_date(y, m))
    elif value.qualifier:
        # the other parts of the same year first, then the neighbouring parts of the next/previous year
        rank = QUALIFIERS.index(value.qualifier)
        order = [(year, q) for q in QUALIFIERS]
        order += sorted([(year - 1, q) for q in QUALIFIERS] + [(year + 1, q) for q in QUALIFIERS],
                        key=lambda yq: abs((yq[0] - year) * 3 + QUALIFIERS.index(yq[1]) - rank))
        for y, q in order:
            if (y, q) != (year, value.qualifier):
                out.append(make_date(y, qualifier=q))
    else:
        for delta in (1, -1, 2, -2, 3, -3, 5, -5):
            out.append(make_date(year + delta))
    return out


_DAY_MDY = re.compile(rf"^(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})$", re.I)
_DAY_DMY = re.compile(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})$", re.I)
_MONTH_MY = re.compile(rf"^(?P<m>{_MONTH_RE})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})$", re.I)
_QUAL_Y = re.compile(r"^(?:the\s+)?(?P<q>early|mid|middle|late)(?:\s*-\s*|\s+|\s+of\s+)(?P<y>\d{4})$", re.I)


@lru_cache(maxsize=1 << 18)
def parse_date(text: str) -> Optional[tuple]:
    """The date_key of a free-text date, or None: "18 April 2024" and "2024-04-18" give the same key."""
    t = re.sub(r"\s+", " ", text.strip().strip(".")).strip()
    if not any(ch.isdigit() for ch in t):
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
            y, m, d = map(int, t.split("-"))
            _dt.date(y, m, d)
            return ("day", (y, m, d), None)
        if re.fullmatch(r"\d{4}-\d{2}", t):
            y, m = map(int, t.split("-"))
            return ("month", (y, m, 0), None) if 1 <= m <= 12 else None
        if re.fullmatch(r"\d{4}", t):
            return ("year", (int(t), 0, 0), None)
        for pattern in (_DAY_MDY, _DAY_DMY):
            match = pattern.match(t)
            if match:
                y, m, d = int(match["y"]), _MONTH_INDEX[match["m"].casefold()], int(match["d"])
                _dt.date(y, m, d)
                return ("day", (y, m, d), None)
        match = _MONTH_MY.match(t)
        if match:
            return ("month", (int(match["y"]), _MONTH_INDEX[match["m"].casefold()], 0), None)
        match = _QUAL_Y.match(t)
        if match:
            q = match["q"].casefold()
            return ("year", (int(match["y"]), 0, 0), "mid" if q == "middle" else q)
    except ValueError:
        return None
    return None


# --------------------------------------------------------------------------------------------------
# Quantities

_SUFFIX_SCALES = {"k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion",
                  "t": "trillion", "tn": "trillion"}
_SCALE_WORDS = ("thousand", "million", "billion", "trillion")
_QTY = re.compile(
    r"^(?P<pre>.*?)(?P<cur>[$€£]?)(?P<num>\d[\d,]*(?:\.\d+)?)(?P<sep>\s*-?\s*)"
    r"(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[kKmMbBtT](?![a-zA-Z]))?(?P<post>.*)$",
    re.S,
)


@dataclass(frozen=True)
class QuantityStyle:
    """How a quantity answer is written: "over 1.2 million" = pre "over ", number "1.2", sep " ",
    scale "million"; "405B" = scale suffix "B"; "$375 million"; "1,200" (commas)."""

    pre: str
    currency: str
    decimals: int
    commas: bool
    sep: str
    scale_text: str  # as written: "billion", "B", "bn", "k" or ""
    scale: Optional[str]  # thousand/million/... the number is counted in
    post: str


def quantity_style(answer: str, value: QuantityValue) -> Optional[QuantityStyle]:
    """Read the style of a quantity answer; None when the answer text does not hold a number."""
    match = _QTY.match(answer.strip())
    if not match:
        return None
    num = match["num"]
    decimals = len(num.split(".")[1]) if "." in num else 0
    scale_text = match["scale"] or ""
    scale = _SUFFIX_SCALES.get(scale_text.casefold(), scale_text.casefold() or None) if scale_text else None
    if scale is None and value.scale and not scale_text:
        # "405-billion" is caught above; an answer "405" for a value in billions keeps its scale
        scale = value.scale
        scale_text = ""
    return QuantityStyle(pre=match["pre"], currency=match["cur"], decimals=decimals, commas="," in num,
                         sep=match["sep"] if scale_text else "", scale_text=scale_text, scale=scale,
                         post=match["post"] if scale_text else match["sep"] + match["post"])


def _format_number(number: float, decimals: int, commas: bool) -> str:
    text = f"{number:,.{decimals}f}" if commas or abs(number) >= 10000 else f"{number:.{decimals}f}"
    return text


def format_quantity(magnitude: float, style: QuantityStyle) -> Optional[str]:
    """`magnitude` (a plain number) written in `style`; None if it cannot be written at that precision
    (e.g. 0.4 billion for a "405 billion" style, or a non-integer count)."""
    factor = SCALE_FACTORS[style.scale] if style.scale else 1
    number = magnitude / factor
    rounded = round(number, style.decimals)
    if rounded <= 0 or abs(rounded - number) > 1e-9 * max(1.0, abs(number)):
        return None
    if style.scale and rounded >= 1000:
        return None  # "1,200 billion" reads wrong; that value belongs to the next scale
    return f"{style.pre}{style.currency}{_format_number(rounded, style.decimals, style.commas)}{style.sep}{style.scale_text}{style.post}"


def round_to_style(magnitude: float, style: QuantityStyle, significant: int) -> float:
    """Round a perturbed magnitude to `significant` digits, then to the style's decimals."""
    factor = SCALE_FACTORS[style.scale] if style.scale else 1
    number = magnitude / factor
    if number <= 0:
        return 0.0
    from math import floor, log10

    digits = significant - 1 - floor(log10(number))
    number = round(number, max(digits, -12))
    number = round(number, style.decimals)
    return number * factor


def significant_digits(text: str) -> int:
    digits = re.sub(r"[^\d]", "", text.split(".")[0]).lstrip("0")
    decimals = text.split(".")[1] if "." in text else ""
    if decimals:
        return len(digits + decimals) if digits else len(decimals.lstrip("0"))
    return max(1, len(digits.rstrip("0")))


# Factors for fallback distractors: plausible mistakes of about the size a student might guess.
PERTURBATION_FACTORS = (0.5, 2.0, 1.5, 0.25, 3.0, 0.75, 4.0, 0.1, 10.0, 1.25, 5.0, 0.2)


def quantity_perturbations(value: QuantityValue, answer: str, style: QuantityStyle) -> list[str]:
    """Texts of nearby quantities in the answer's style, most plausible first."""
    match = _QTY.match(answer.strip())
    significant = significant_digits(match["num"]) if match else 2
    out: list[str] = []
    seen = {round(value.magnitude, 6)}
    for factor in PERTURBATION_FACTORS:
        # Two significant digits at most: "405 billion" -> 200, 810 billion (not 202.5 -> "202").
        candidate = round_to_style(value.magnitude * factor, style, max(1, min(significant, 2)))
        if round(candidate, 6) in seen or candidate <= 0:
            continue
        text = format_quantity(candidate, style)
        if text is not None:
            seen.add(round(candidate, 6))
            out.append(text)
    return out


_NUMBER_IN_TEXT = re.compile(
    r"(?P<cur>[$€£])?\s*(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)\s*-?\s*"
    r"(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[kmbt](?![a-z]))?",
    re.I,
)


NUMBER_WORDS = {word: i for i, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12, "dozen": 12})


@lru_cache(maxsize=1 << 18)
def parse_quantity(text: str) -> Optional[float]:
    """The plain number a free text means: "405B" = "405 billion" = "405,000,000,000" -> 405e9;
    "three" -> 3. Takes the first number of the text (units and qualifiers around it are ignored)."""
    match = _NUMBER_IN_TEXT.search(text.strip())
    if not match:
        words = re.findall(r"[a-z]+", text.casefold())
        for word in words:
            if word in NUMBER_WORDS:
                return float(NUMBER_WORDS[word])
        return None
    num = match["num"].replace(",", "")
    try:
        number = float(num)
    except ValueError:
        return None
    scale = match["scale"]
    if scale:
        scale = _SUFFIX_SCALES.get(scale.casefold(), scale.casefold())
        number *= SCALE_FACTORS.get(scale, 1)
    return number


def quantity_variants(value: QuantityValue, answer: str, style: Optional[QuantityStyle]) -> list[str]:
    """Accepted spellings of a quantity: "405 billion", "405B", "405bn", "405,000,000,000",
    "405 billion parameters"; with and without the qualifier ("over")."""
    magnitude = value.magnitude
    number = value.number
    number_text = f"{number:g}" if number != int(number) else f"{int(number)}"
    out = [answer.strip()]
    if style and style.pre.strip():
        out.append(answer.strip()[len(style.pre):].strip())
    if value.scale:
        suffix = {"thousand": "k", "million": "M", "billion": "B", "trillion": "T"}[value.scale]
        out += [f"{number_text} {value.scale}", f"{number_text}{suffix}", f"{number_text}{suffix.lower()}"]
        if value.scale in ("million", "billion", "trillion"):
            out.append(f"{number_text}{'bn' if value.scale == 'billion' else 'mn' if value.scale == 'million' else 'tn'}")
    plain = f"{magnitude:,.0f}" if magnitude == int(magnitude) else f"{magnitude:,}"
    out += [plain, plain.replace(",", "")]
    if value.unit:
        out.append(f"{number_text}{(' ' + value.scale) if value.scale else ''} {value.unit}")
    seen: set[str] = set()
    unique = []
    for text in out:
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            unique.append(text)
    return unique


def scale_word_of(scale: Optional[str]) -> str:
    return scale or ""


__all__ = [
    "DateStyle", "QuantityStyle", "date_style", "format_date", "date_variants", "date_key", "date_interval",
    "date_perturbations", "parse_date", "quantity_style", "format_quantity", "quantity_perturbations",
    "parse_quantity", "quantity_variants", "MONTHS",
]
