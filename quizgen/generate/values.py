"""Typed answer values as text: read the style an answer is written in ("April 18, 2024", "December 2024",
"mid-2024", "over 1.2 million", "405B") and write other values in exactly that style, so that
distractors never differ from the key in format or precision. Also parses free text back to values,
for lenient answer matching."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from math import floor, log10
from dataclasses import dataclass, replace
from quizgen.generate.memo import per_run
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
    era: str = ""  # the era as the answer writes it: "BC", "BCE", "B.C.", "AD", "CE"; "" = unmarked (a BC year gets "BC")
    era_before: bool = False  # "AD 79" rather than "79 AD"


ERA_MARK = re.compile(r"(?:^|(?<=[\s\d]))(BCE|BC|B\.C\.E\.|B\.C\.|AD|A\.D\.|CE|C\.E\.)(?![A-Za-z])")


def _with_era(style: DateStyle, answer: str) -> DateStyle:
    mark = ERA_MARK.search(answer)
    if not mark:
        return style
    return replace(style, era=mark.group(1), era_before=not answer[:mark.start()].strip())


def date_style(answer: str, value: DateValue) -> DateStyle:
    """The style `answer` writes `value` in (falls back to the usual English style)."""
    style = _date_style(answer, value)
    return _with_era(style, answer) if value.era or ERA_MARK.search(answer) else style


def _date_style(answer: str, value: DateValue) -> DateStyle:
    text = answer.strip()
    if value.is_span:
        # "the ninth century" keeps its words: "the eighth century | the tenth century"
        words = value.precision == "century" and re.search(rf"\b(?:{'|'.join(ORDINAL_WORDS)})\s+century", text,
                                                           re.I) is not None
        return DateStyle(value.precision, "century_word" if words else value.precision,
                         capitalised=text[:1].isupper() and not text[:1].isdigit())
    abbreviated = bool(re.search(r"\b(" + "|".join(MONTHS_ABBR) + r")\b\.?(?![a-z])", text)) and not any(
        m in text for m in MONTHS
    )
    # a year: four digits, or fewer with an era ("March 15, 44 BC")
    has_year = re.search(r"\d{4}", text) or ERA_MARK.search(text)
    if value.precision == "day":
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return DateStyle("day", "iso")
        if re.match(r"^\d{1,2}\s", text):
            return DateStyle("day", "dmy", abbreviated)
        if not has_year:
            return DateStyle("day", "md", abbreviated)
        return DateStyle("day", "mdy", abbreviated)
    if value.precision == "month":
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return DateStyle("month", "iso")
        if not has_year:
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
    if value.is_span:
        return _format_span(value, style)
    if year < 0 or style.era:
        return _format_era_date(value, style)
    month_name = (MONTHS_ABBR if style.abbreviated else MONTHS)[month - 1] if month else ""
    # Only the wanted spelling is built: this runs for every candidate distractor of every date fact.
    pattern = style.pattern
    if style.precision == "day":
        if pattern == "iso":
            return f"{year:04d}-{month:02d}-{day:02d}"
        if pattern == "dmy":
            return f"{day} {month_name} {year}"
        if pattern == "md":
            return f"{month_name} {day}"
        return f"{month_name} {day}, {year}"
    if style.precision == "month":
        if pattern == "iso":
            return f"{year:04d}-{month:02d}"
        if pattern == "m":
            return month_name
        return f"{month_name} {year}"
    if value.qualifier:
        joiner = style.joiner or ("-" if value.qualifier == "mid" else " ")
        text = f"{value.qualifier}{joiner}{year}"
        return text[:1].upper() + text[1:] if style.capitalised else text
    return str(year)


ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth", "twentieth", "twenty-first"]


def ordinal(n: int) -> str:
    """1 -> "1st", 2 -> "2nd", 11 -> "11th", 21 -> "21st"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def century_number(year: int) -> int:
    """The century a first year names: 1500 -> 16 (the 16th century), 0 -> 1, -300 -> 3 (3rd century BC)."""
    return -year // 100 if year < 0 else year // 100 + 1


def century_start(number: int, bc: bool) -> int:
    """The first year (parts) of the `number`th century: 16 -> 1500, 3 BC -> -300."""
    return -number * 100 if bc else (number - 1) * 100


def _span_text(year: int, precision: str, era: str = "", words: bool = False) -> str:
    if precision == "decade":
        text = f"{abs(year)}s"
    elif words and century_number(year) <= len(ORDINAL_WORDS):
        text = f"{ORDINAL_WORDS[century_number(year) - 1]} century"
    else:
        text = f"{ordinal(century_number(year))} century"
    if year < 0:
        text += f" {era if era in _BC_MARKS else 'BC'}"
    elif era in _AD_MARKS:
        text += f" {era}"
    elif era in _BC_MARKS:
        text += " AD"  # beside a BC key, an AD choice says so: "2nd century BC | 1st century AD"
    return text


def _format_span(value: DateValue, style: DateStyle) -> str:
    """"1970s", "mid-1970s", "16th century", "early 3rd century BC"."""
    text = _span_text(value.parts[0], value.precision, style.era, style.pattern == "century_word")
    if value.qualifier:
        joiner = style.joiner or ("-" if value.qualifier == "mid" else " ")
        text = f"{value.qualifier}{joiner}{text}"
    return text[:1].upper() + text[1:] if style.capitalised else text


_BC_MARKS = ("BC", "BCE", "B.C.", "B.C.E.")
_AD_MARKS = ("AD", "A.D.", "CE", "C.E.")


def _format_era_date(value: DateValue, style: DateStyle) -> str:
    """A date with its era: "March 15, 44 BC", "January 49 BC", "mid-44 BC", "AD 79", "79 CE"."""
    year = value.parts[0]
    if year < 0:
        era = style.era if style.era in _BC_MARKS else "BC"
    else:
        # beside a BC key, an AD choice says so ("44 BC | AD 14")
        era = style.era if style.era in _AD_MARKS else "AD" if style.era in _BC_MARKS else ""
    plain = format_date(value.model_copy(update={"date": f"{abs(year):04d}" + value.date[4:], "era": None}),
                        replace(style, era="", pattern="mdy" if style.pattern == "iso" and style.precision == "day"
                                else "my" if style.pattern == "iso" else style.pattern))
    # format_date wrote the year padded only in ISO; a written year has no leading zeros
    if not era:
        return plain
    if (style.era_before or era == "AD" and style.era in _BC_MARKS) and year > 0:
        return f"{era} {plain}"
    return f"{plain} {era}"


def date_variants(value: DateValue) -> list[str]:
    """Every usual way of writing `value` (for accepted answers)."""
    year, month, day = value.parts
    if value.is_span:
        return _span_variants(value)
    if year < 0:
        plain = [v for v in _plain_variants(value.precision, -year, month, day, value.qualifier)
                 if not re.match(r"\d{4}-", v)]  # ISO has no era
        return [f"{v} {mark}" for mark in _BC_MARKS for v in plain]
    plain = _plain_variants(value.precision, year, month, day, value.qualifier)
    if value.precision == "year" and year < 1000:  # "79", "79 AD", "AD 79", "79 CE"
        return plain + [f"{v} {mark}" for mark in _AD_MARKS for v in plain] + [f"AD {v}" for v in plain]
    return plain


def _span_variants(value: DateValue) -> list[str]:
    year = value.parts[0]
    if value.precision == "decade":
        plain = [f"{abs(year)}s", f"{abs(year)}'s", f"the {abs(year)}s"]
    else:
        number = century_number(year)
        words = [ORDINAL_WORDS[number - 1]] if number <= len(ORDINAL_WORDS) else []
        plain = [f"{ordinal(number)} century", f"the {ordinal(number)} century"] + \
            [f"{w} century" for w in words] + [f"the {w} century" for w in words]
    if value.qualifier:
        q = value.qualifier
        plain = [f"{q}{'-' if q == 'mid' else ' '}{p}" for p in plain if not p.startswith("the ")] + \
            [f"the {q}{'-' if q == 'mid' else ' '}{p}" for p in plain if not p.startswith("the ")]
    if year < 0:
        return [f"{p} {mark}" for mark in _BC_MARKS for p in plain]
    return plain


def _plain_variants(precision: str, year: int, month: int, day: int, qualifier: Optional[str]) -> list[str]:
    if precision == "day":
        full, abbr = MONTHS[month - 1], MONTHS_ABBR[month - 1]
        return [f"{full} {day}, {year}", f"{day} {full} {year}", f"{year:04d}-{month:02d}-{day:02d}",
                f"{abbr} {day}, {year}", f"{day} {abbr} {year}", f"{full} {day} {year}"]
    if precision == "month":
        full, abbr = MONTHS[month - 1], MONTHS_ABBR[month - 1]
        return [f"{full} {year}", f"{abbr} {year}", f"{year:04d}-{month:02d}"]
    if qualifier:
        q = qualifier
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
    if value.is_span:
        length = 10 if value.precision == "decade" else 100
        # a part of it, by thirds ("the early 1970s": 1970-1973)
        first, last = {None: (0, length - 1), "early": (0, length * 4 // 10 - 1),
                       "mid": (length * 3 // 10, length * 7 // 10 - 1),
                       "late": (length * 6 // 10, length - 1)}[value.qualifier]
        if year < 0 and value.precision == "century":
            year += 1  # 300-201 BC: the 3rd century BC starts at -300 and its last year is -201
            first, last = first - 1, last - 1
        return (year + first, 1, 1), (year + last, 12, 31)
    first, last = QUALIFIER_MONTHS[value.qualifier]
    return (year, first, 1), (year, last, 31)


@per_run
def make_date(year: int, month: int = 0, day: int = 0, qualifier: Optional[str] = None) -> DateValue:
    """A DateValue from parts (0 = absent; a negative year is BC); built without validation for speed,
    and shared per date (every fact invents a dozen nearby dates, mostly the same few thousand): never
    mutate one."""
    era = "BC" if year < 0 else None
    year = abs(year)
    if day:
        return DateValue.model_construct(date=f"{year:04d}-{month:02d}-{day:02d}", precision="day", qualifier=None,
                                         era=era)
    if month:
        return DateValue.model_construct(date=f"{year:04d}-{month:02d}", precision="month", qualifier=None, era=era)
    return DateValue.model_construct(date=f"{year:04d}", precision="year", qualifier=qualifier, era=era)


@per_run
def make_span(year: int, precision: str, qualifier: Optional[str] = None) -> DateValue:
    """A decade or century DateValue from its first year (negative = BC), unvalidated (see make_date)."""
    return DateValue.model_construct(date=f"{abs(year):04d}", precision=precision, qualifier=qualifier,
                                     era="BC" if year < 0 else None)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _other_day(year: int, month: int, avoid: set[int], salt: int) -> int:
    """A day of the month that is none of `avoid`, chosen from `salt` (so distractors of different
    facts do not all land on the same day)."""
    # monthrange also works out the weekday, a tenth of all distractor time; only the length is needed
    last = calendar.mdays[month] + (month == 2 and calendar.isleap(year))
    start = 4 + salt % 20
    for step in range(last):
        day = (start + step * 7) % last + 1
        if day not in avoid:
            return day
    return 1 if 1 not in avoid else 2


def date_candidates(value: DateValue, salt: int = 0, every: int = 1) -> tuple[list[DateValue], list[DateValue]]:
    """Invented dates at the key's precision, (before, after) the key, nearest first.

    Day dates vary both month and day: "June 23 | July 23 | August 23" shows which date the others
    were made from. `salt` (from the fact id) picks the days, so the choice is deterministic."""
    year, month, day = value.parts
    before: list[DateValue] = []
    after: list[DateValue] = []
    if value.precision == "day":
        used = {day}
        for i, delta in enumerate((1, 2, 3)):
            for sign, out in ((-1, before), (1, after)):
                y, m = shift_month(year, month, sign * delta)
                d = _other_day(y, m, used, salt // (3 + i) + 5 * i + (sign > 0))
                used.add(d)
                out.append(make_date(y, m, d))
            if i == 0:
                # and a day of the key's own month, a week or more away
                for sign, out in ((-1, before), (1, after)):
                    # datetime has no year before 1: shift within a stand-in leap year, then move back
                    proxy = year if year > 0 else 2000
                    shifted = _dt.date(proxy, month, day) + _dt.timedelta(days=sign * (6 + salt % 7))
                    if shifted.day not in used:
                        used.add(shifted.day)
                        out.append(make_date(shifted.year - proxy + year, shifted.month, shifted.day))
    elif value.precision == "month":
        for delta in (1, 2, 3, 5):
            before.append(make_date(*shift_month(year, month, -delta)))
            after.append(make_date(*shift_month(year, month, delta)))
    elif value.is_span:
        step = 10 if value.precision == "decade" else 100
        for delta in (1, 2, 3, 5):
            for sign, out in ((-1, before), (1, after)):
                other = year + sign * delta * step
                if value.precision == "century" and (other < 0) != (year < 0):
                    continue  # no crossing between the 1st century BC and the 1st century AD
                if other < 0 and value.precision == "decade":
                    continue
                if year < 0 and other == 0:
                    continue
                out.append(make_span(other, value.precision, value.qualifier))
        return before, after
    elif value.qualifier:
        rank = QUALIFIERS.index(value.qualifier)
        others = [(y, q) for y in (year - 1, year, year + 1) for q in QUALIFIERS
                  if (y, q) != (year, value.qualifier)]
        others.sort(key=lambda yq: abs((yq[0] - year) * 3 + QUALIFIERS.index(yq[1]) - rank))
        for y, q in others:
            position = (y - year) * 3 + QUALIFIERS.index(q) - rank
            (before if position < 0 else after).append(make_date(y, qualifier=q))
    else:
        # `every` years for an event held that often ("the Olympics in 1900": 1896 | 1904, not 1901).
        # A round ancient year is an estimate ("around 2560 BC", "300 BC"): step by its roundness.
        # "60 BC" (Caesar's alliance) is exact: tens count as round only a thousand years back.
        # An early AD year in round figures is an estimate too ("from about AD 250 to 900").
        step = 100 if year < 0 and year % 100 == 0 else 10 if year <= -1000 and year % 10 == 0 else 1
        if 0 < year < 1000 and year % 50 == 0:
            step = 100 if year % 100 == 0 else 50
        step = max(step, every)
        for delta in (1, 2, 3, 5):
            before.append(make_date(year - delta * step))
            after.append(make_date(year + delta * step))
    if year < 0 or (0 < year < 1000):
        # never across the start of the era (there is no year 0, and "3 BC | AD 2" mixes eras)
        before = [d for d in before if (d.parts[0] < 0) == (year < 0) and d.parts[0] != 0]
        after = [d for d in after if (d.parts[0] < 0) == (year < 0) and d.parts[0] != 0]
    return before, after


def date_perturbations(value: DateValue, salt: int = 0) -> list[DateValue]:
    """Nearby dates at the same precision, alternating sides, nearest first."""
    before, after = date_candidates(value, salt)
    out: list[DateValue] = []
    for i in range(max(len(before), len(after))):
        out += after[i:i + 1] + before[i:i + 1]
    return out


_DAY_MDY = re.compile(rf"^(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})$", re.I)
_DAY_DMY = re.compile(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})$", re.I)
_MONTH_MY = re.compile(rf"^(?P<m>{_MONTH_RE})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})$", re.I)
_WHITESPACE_RUN = re.compile(r"\s+")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")
_ISO_YEAR = re.compile(r"\d{4}")
_QUAL_Y = re.compile(r"^(?:the\s+)?(?P<q>early|mid|middle|late)(?:\s*-\s*|\s+|\s+of\s+)(?P<y>\d{4})$", re.I)


_ERA_AT_END = re.compile(r"^(?P<rest>.*?\d)\s?(?P<era>BCE|BC|B\.C\.E|B\.C|AD|A\.D|CE|C\.E)$", re.I)
_AD_AT_START = re.compile(r"^(?:AD|A\.D\.)\s?(?P<rest>\d.*)$", re.I)
_SHORT_YEAR_AT_END = re.compile(r"(?<!\d)(?<!\d-)(\d{1,3})$")


_SPAN = re.compile(r"^(?:the\s+)?(?:(?P<q>early|mid|middle|late)(?:\s*-\s*|\s+))?(?:(?P<dec>\d{2,3}0)['’]?s"
                   r"|(?P<num>\d{1,2})(?:st|nd|rd|th)\s+century|(?P<word>[a-z-]+)\s+century)"
                   r"(?:\s?(?P<era>BCE|BC|B\.C\.E|B\.C|AD|A\.D|CE|C\.E))?$", re.I)


def _parse_span(text: str) -> Optional[tuple]:
    """"the 1970s" -> ("decade", (1970, 0, 0), None); "early 3rd century BC" -> ("century", (-300, 0, 0), "early")."""
    if "century" not in text.casefold() and not re.search(r"0['’]?s\b", text):
        return None
    match = _SPAN.match(text)
    if not match:
        return None
    qualifier = match["q"].casefold() if match["q"] else None
    qualifier = "mid" if qualifier == "middle" else qualifier
    bc = bool(match["era"]) and match["era"].upper().startswith("B")
    if match["dec"]:
        year = int(match["dec"])
        return None if bc else ("decade", (year, 0, 0), qualifier)
    if match["num"]:
        number = int(match["num"])
    elif match["word"].casefold() in ORDINAL_WORDS:
        number = ORDINAL_WORDS.index(match["word"].casefold()) + 1
    else:
        return None
    return ("century", (century_start(number, bc), 0, 0), qualifier) if number >= 1 else None


@per_run
def parse_date(text: str) -> Optional[tuple]:
    """The date_key of a free-text date, or None: "18 April 2024" and "2024-04-18" give the same key;
    "44 BC" and "44 BCE" give year -44."""
    t = _WHITESPACE_RUN.sub(" ", text.strip().strip(".")).strip()
    if not any(map(str.isdigit, t)):
        return _parse_span(t) if "century" in t.casefold() else None  # "the ninth century"
    span = _parse_span(t)
    if span is not None:
        return span
    era = _ERA_AT_END.match(t) or _AD_AT_START.match(t)
    if era:
        # a year with an era may have fewer than four digits: pad it for the patterns below
        rest = _SHORT_YEAR_AT_END.sub(lambda m: m.group(1).zfill(4), era["rest"])
        key = parse_date(rest)
        bc = era.groupdict().get("era", "").upper().startswith("B")
        if key is None or not bc:
            return key
        precision, (year, month, day), qualifier = key
        return (precision, (-year, month, day), qualifier) if year > 0 else None
    try:
        if _ISO_DAY.fullmatch(t):
            y, m, d = map(int, t.split("-"))
            _dt.date(y, m, d)
            return ("day", (y, m, d), None)
        if _ISO_MONTH.fullmatch(t):
            y, m = map(int, t.split("-"))
            return ("month", (y, m, 0), None) if 1 <= m <= 12 else None
        if _ISO_YEAR.fullmatch(t):
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
    # A key below 1,000 cannot show whether the text groups thousands: English does ("1,123 millimetres
    # high and ______ wide" offers "1,123", not "1123" beside the article's own "1,123").
    commas = "," in num or len(num.split(".")[0]) < 4
    return QuantityStyle(pre=match["pre"], currency=match["cur"], decimals=decimals, commas=commas,
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


# Fallback distractors are spread on both sides of the key, never at a simple multiple of it: with
# "60 | 150 | 600 | 6,000" or "70 | 200 | 405 | 810" a test-wise student picks the value the others
# are derived from (x10, /10, x2, /2) without knowing the fact. Most plausible first on each side.
BELOW_RATIOS = (0.7, 0.45, 0.6, 0.3, 0.8, 0.38, 0.55, 0.22, 0.65, 0.85, 0.15)
ABOVE_RATIOS = (1.4, 2.3, 1.7, 2.7, 1.25, 3.6, 1.55, 1.15, 5.5, 1.85, 6.5)
# Ratios a candidate must not have to the key (nor their inverses): the key would be the "hub".
SIMPLE_RATIOS = (2.0, 3.0, 4.0)
RATIO_TOLERANCE = 0.03
CANDIDATES_PER_SIDE = 5  # enough to fill any side after refusals; more only costs time on big banks
_PERCENT_UNITS = {"%", "percent", "per cent", "percentage points"}


def _near_ratio(ratio: float, target: float, tolerance: float = RATIO_TOLERANCE) -> bool:
    return abs(ratio / target - 1) <= tolerance


def is_decimal_shift(candidate: float, key: float) -> bool:
    """The key with its decimal point moved (15 vs 150, 1.2 million vs 12 million): within 3% of
    key x 10^k for some k != 0 (the same digits give exactly 10^k)."""
    if candidate <= 0 or key <= 0 or candidate == key:
        return False
    ratio = candidate / key
    exponent = round(log10(ratio))
    return exponent != 0 and abs(ratio / 10.0 ** exponent - 1) <= RATIO_TOLERANCE


def is_doubling(candidate: float, key: float) -> bool:
    """Twice or half the key (within 3%: 405 -> 200 is "half" once rounded)."""
    if candidate <= 0 or key <= 0:
        return False
    ratio = candidate / key
    return _near_ratio(ratio, 2.0) or _near_ratio(ratio, 0.5)


_SIMPLE_BOTH_WAYS = tuple(r for ratio in SIMPLE_RATIOS for r in (ratio, 1 / ratio))


def is_derived_number(candidate: float, key: float) -> bool:
    """Whether a candidate distractor is a simple derivation of the key (x10^k, x2, x3, x4 or the
    inverse): generated distractors never are."""
    if candidate <= 0 or key <= 0:
        return False
    ratio = candidate / key
    for simple in _SIMPLE_BOTH_WAYS:
        if abs(ratio / simple - 1) <= RATIO_TOLERANCE:
            return True
    return is_decimal_shift(candidate, key)


def derived_number_tells(key: float, others: list[float]) -> list[int]:
    """Indices of `others` (the distractors' values) that single the key out: a decimal shift of the
    key, or a double/half when the key is the one value the most doublings meet at ("70 | 200 | 405 |
    810"; in a doubling series "32k | 64k | 128k | 256k" no value stands out, so none is a tell)."""
    tells = [i for i, other in enumerate(others) if is_decimal_shift(other, key)]
    values = [key] + list(others)
    degree = [sum(1 for j, b in enumerate(values) if j != i and is_doubling(b, a)) for i, a in enumerate(values)]
    if degree[0] >= 2 and all(d < degree[0] for d in degree[1:]):
        tells += [i for i, other in enumerate(others) if is_doubling(other, key) and i not in tells]
    return sorted(tells)


def _snap(number: float, step: float, last_digit: int, base: float) -> Optional[float]:
    """`number` on the grid of `step` whose last digit (at `step`) is `last_digit` (5: x5 values
    only) or, for any other non-zero last_digit, any non-zero digit; 0 = no constraint. `base` is
    the candidate before rounding: the nearest fitting value wins."""
    if step <= 0:
        return None
    units = round(number / step)
    if last_digit == 0:
        options = [units]
    elif last_digit == 5:
        tens = units // 10
        options = [tens * 10 + 5, tens * 10 - 5, tens * 10 + 15]
    else:
        options = [units] if units % 10 else [units - 1, units + 1]
    best = min(options, key=lambda u: (abs(u * step - base), u))
    return best * step if best > 0 else None


def quantity_candidates(value: QuantityValue, answer: str, style: QuantityStyle
                        ) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """Perturbed quantities in the answer's style, as (magnitude, text), below and above the key,
    most plausible first: rounded like the key (same decimals, same significant digits, a 5 where
    the key ends in 5, never "x.0" where the key is not), never a simple multiple of the key."""
    return _quantity_candidates(value.magnitude, (value.unit or "").strip().casefold(), answer.strip(), style)


@per_run
def _quantity_candidates(magnitude: float, unit: str, answer: str, style: QuantityStyle
                         ) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    match = _QTY.match(answer)
    factor = SCALE_FACTORS[style.scale] if style.scale else 1
    key_number = magnitude / factor
    if not match or key_number <= 0:
        return [], []
    plain = match["num"].replace(",", "")
    below: list[tuple[float, str]] = []
    above: list[tuple[float, str]] = []
    seen = {round(key_number, 9)}
    percent = unit in _PERCENT_UNITS and key_number <= 100
    for ratios, out in ((BELOW_RATIOS, below), (ABOVE_RATIOS, above)):
        for ratio in ratios:
            if len(out) >= CANDIDATES_PER_SIDE:
                break
            base = key_number * ratio
            if style.decimals:
                last = int(plain[-1])
                number = _snap(base, 10.0 ** -style.decimals, last, base)
            else:
                integer = plain.split(".")[0].lstrip("0") or "0"
                trailing = len(integer) - len(integer.rstrip("0"))
                significant = max(1, len(integer) - trailing)
                if significant == 1 and integer[0] == "1":
                    significant = 2  # above 10 or 100 at one digit there are only 20, 30, 40 (x2, x3, x4)
                step = 10.0 ** max(0, floor(log10(base)) - significant + 1) if base >= 1 else 1.0
                last = int(integer[-1]) if trailing == 0 and significant >= 2 else 0
                number = _snap(base, step, last, base)
            if number is None:
                continue
            number = round(number, max(style.decimals, 0) + 6)
            if round(number, 9) in seen or number <= 0:
                continue
            if key_number >= 1 and number < 1 and style.scale:
                continue  # "0.8 million" reads like a trick; the style cannot write 800,000
            if percent and number >= 100:
                continue
            if is_derived_number(number, key_number):
                continue
            text = format_quantity(number * factor, style)
            if text is None:
                continue
            seen.add(round(number, 9))
            out.append((number * factor, text))
    return below, above


def quantity_perturbations(value: QuantityValue, answer: str, style: QuantityStyle) -> list[str]:
    """Texts of nearby quantities in the answer's style, most plausible first, alternating sides."""
    below, above = quantity_candidates(value, answer, style)
    out: list[str] = []
    for i in range(max(len(below), len(above))):
        out += [pair[1] for pair in (below[i:i + 1] + above[i:i + 1])]
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


@per_run
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
    "date_perturbations", "date_candidates", "quantity_candidates", "derived_number_tells", "is_derived_number", "parse_date", "quantity_style", "format_quantity", "quantity_perturbations",
    "parse_quantity", "quantity_variants", "MONTHS",
]
