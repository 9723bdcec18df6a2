"""Quantities with their qualifier, scale and unit.

"405-billion parameter" -> 405 billion parameters; "over 1.2 million times" -> over 1.2 million times;
"128k-token" -> 128 thousand tokens; "$375 million" -> 375 million USD; "49,000 people"; "three phases".
Years, version numbers ("Llama 3.1", "GPT-4") and dates are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from quizgen.extract import rx
from quizgen.model import QuantityValue

_QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "up to", "over", "under", "about", "approximately",
    "nearly", "almost", "around", "roughly", "some",
)
_QUALIFIER_MAP = {"fewer than": "less than", "some": "about"}
_SCALES = {"thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion",
           "k": "thousand", "m": "million", "bn": "billion", "b": "billion", "tn": "trillion"}
_CURRENCY = {"$": "USD", "US$": "USD", "\u20ac": "EUR", "\u00a3": "GBP", "\u00a5": "JPY"}
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "dozens": None,
}

_QUAL_RE = "|".join(q.replace(" ", r"\s+") for q in _QUALIFIERS)
_PATTERN = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUAL_RE}))\s+)?"
    rf"(?<![\w.$/-])(?P<cur>US\$|[$\u20ac\u00a3\u00a5])?"
    rf"(?<![\w.-])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:(?P<suffix>k|K|bn|tn|M|B)\b)?"
    rf"(?:[\s-](?P<scale>thousand|million|billion|trillion)\b)?"
    rf"(?P<percent>\s?%|\s+percent\b)?"
    rf"(?P<degrees>\s?\u00b0\s?[CF]\b)?"
    rf"(?:(?P<sep>[\s-])(?P<unit>[a-z][a-z-]*(?:\s[a-z]+)?|(?:[A-Z][a-z]+\s)?[A-Z][a-z]+(?:ans|ese|ers|ians)\b))?",
)
_WORD_PATTERN = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUAL_RE}))\s+)?\b(?P<word>two|three|four|five|six|seven|eight|nine|ten|eleven|"
    rf"twelve|fifteen|twenty|thirty|forty|fifty|one|a)(?:\s+(?P<scale>thousand|million|billion|trillion))?"
    rf"\s+(?P<unit>(?:[a-z]+\s)?[a-z]+s)\b",
    re.I,
)
# Words that may follow a number but are not what it counts.
_NOT_UNITS = {
    "and", "or", "of", "the", "a", "an", "to", "in", "on", "at", "by", "for", "with", "from", "as", "was",
    "were", "is", "are", "had", "has", "have", "that", "which", "who", "it", "its", "than", "per", "each",
    "long", "high", "wide", "deep", "tall", "old", "later", "earlier", "after", "before", "year",
}
_ADJECTIVE_AFTER_UNIT = {"long", "high", "wide", "deep", "tall", "old", "away", "ago", "later", "earlier"}
# "8 billion parameter sizes" counts parameters, not sizes.
_MEASURE_NOUNS = {"sizes", "size", "versions", "variants", "range", "mark", "level", "levels", "count", "model",
                  "window", "limit", "budget"}
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
# Units that combine into one measure: "6 hours 39 minutes", "29,031 ft 8 in", "5 lb 3 oz".
_COMPOUND_UNIT = (r"(?:hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|feet|foot|ft|"
                  r"inch(?:es)?|in|yards?|yd|miles?|pounds?|lbs?|lb|ounces?|oz|stones?|st|metres?|meters?|"
                  r"centimetres?|centimeters?|cm|mm|m|km|kilograms?|kg|grams?|g)")
_NUMBER = (r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
           r"twenty|thirty|forty|fifty|sixty|a|an)")
_COMPOUND = re.compile(
    rf"\b{_NUMBER}[\s-]+{_COMPOUND_UNIT}(?:,?\s+(?:and\s+)?|\s*,\s*){_NUMBER}[\s-]+{_COMPOUND_UNIT}\b"
    rf"|\b{_NUMBER}(?:\s+and\s+|-and-)an?[\s-]+(?:half|quarter|third)[\s-]+{_COMPOUND_UNIT}\b"
    rf"|\b{_NUMBER}\s+(?:and\s+)?(?:a\s+)?(?:half|quarter|third|three[\s-]quarters)\s+{_COMPOUND_UNIT}\b",
    re.I,
)
# "Two years later": a span of time counted from another event, not a quantity a teacher asks for.
_RELATIVE_TIME = re.compile(r"^\s+(?:later|earlier|ago|afterwards|after|before)\b")


@dataclass(frozen=True)
class QuantityMention:
    """A quantity found in a text: span of the number (+scale), full span with unit, typed value."""

    start: int  # answer span: qualifier excluded, number + scale included
    end: int
    text: str
    full_start: int
    full_end: int
    value: QuantityValue


def find_quantities(text: str) -> list[QuantityMention]:
    """Every quantity in `text`, in order; units carry over "8 billion and 70 billion parameter sizes"."""
    found: list[QuantityMention] = []
    has_digit = any(ch.isdigit() for ch in text)
    for match in _PATTERN.finditer(text) if has_digit else ():
        mention = _numeric_mention(text, match)
        if mention is not None:
            found.append(mention)
    for match in _WORD_PATTERN.finditer(text):
        if any(m.full_start <= match.start("word") < m.full_end for m in found):
            continue
        number = _NUMBER_WORDS.get(match.group("word").lower())
        scale = match.group("scale")
        if match.group("word").lower() in ("one", "a"):
            number = 1 if scale else None  # "one million soldiers"; "one day" is no fact
        unit = match.group("unit").lower()
        if number is None or unit.split()[-1] in _NOT_UNITS:
            continue
        if rx.search(r"\b(?:[Tt]he|[Bb]oth|[Tt]hese|[Tt]hose)\s+$", text[:match.start("word")]):
            continue  # "The two sides agreed ...": the two already named, no count to ask ("The ______ sides")
        qualifier = _qualifier(match.group("qual"))
        value = QuantityValue(number=number, scale=scale, unit=unit, qualifier=qualifier)
        end = match.end("scale") if scale else match.end("word")
        found.append(QuantityMention(match.start("word"), end, match.string[match.start("word"):end],
                                     match.start(), match.end(), value))
    found.sort(key=lambda m: m.start)
    if found:
        # Compound measures once per text (most texts have none: skip the scan without two numbers).
        compounds = [(m.start(), m.end()) for m in _COMPOUND.finditer(text)] if len(found) > 1 or \
            rx.search(r"\b(?:and\s+an?|an?)\s+(?:half|quarter|third)\b|\b(?:half|quarter|third)\s", text) else []
        found = [m for m in found if not _part_of_other_measure(m, text, compounds)]
    return _share_units(found, text)


def _part_of_other_measure(mention: QuantityMention, text: str, compounds: list[tuple[int, int]]) -> bool:
    """A number that is not a quantity on its own: one part of a compound measure ("six hours and
    39 minutes" is one duration, so neither "six" nor "39" alone), a relative time ("two years
    later"), a capitalised number word inside a name ("the Seven Wonders"), or a race ("the 200
    metres")."""
    if any(start <= mention.start < end for start, end in compounds):
        return True
    if mention.value.unit in ("years", "months", "days", "weeks", "hours", "minutes") and \
            _RELATIVE_TIME.match(text[mention.full_end:]):
        return True
    if mention.text[:1].isupper() and mention.text.isalpha() and text[:mention.start].strip(" \"'\u201c("):
        return True
    if rx.search(r"\bbetween\s+$", text[:mention.full_start]) and rx.match(r"\s+and\s+\d", text[mention.end:]) or \
            rx.search(r"\bbetween\s+\S+\s+and\s+$", text[:mention.full_start]) or \
            rx.match(r"\s*(?:-|\u2013|to)\s*\d", text[mention.end:]) and not rx.search(r"\bfrom\s+$", text[:mention.full_start]) or \
            rx.search(r"\d\s*(?:-|\u2013|to)\s*$", text[:mention.start]) and not rx.search(r"\bfrom\s+\S+\s+to\s+$", text[:mention.start]):
        return True  # "between 8 and 10 hours", "8-10 hours": one range; either end alone makes a false question
    if rx.match(r"\s*(?:[ap]\.?m\.?|o['\u2019]clock)(?![\w])", text[mention.end:]) or rx.match(r"[:.]\d\d\b", text[mention.end:]):
        return True  # "at 11 pm", "at 04:09": a time of day, whose wrong choices would be "15 pm"
    if rx.match(r"\s*[\u00d7x]\s*\d", text[mention.end:]) or rx.search(r"\d\s*[\u00d7x]\s*$", text[:mention.start]):
        return True  # "4 × 100 metres": a formula, not two quantities
    if rx.search(r"\bthe\s+$", text[:mention.start]) and mention.value.unit in ("metres", "meters", "miles", "yards") \
            and rx.match(r"(?:[,.;]|\s+(?:and|or|relay|race|final|dash|hurdles|freestyle|event)\b)", text[mention.full_end:]):
        return True  # "won the 100 metres and the long jump": the name of a race
    return False


def _qualifier(raw: Optional[str]) -> Optional[str]:
    if not raw:
        return None
    key = rx.sub(r"\s+", " ", raw.lower())
    return _QUALIFIER_MAP.get(key, key)


def _numeric_mention(text: str, match: re.Match) -> Optional[QuantityMention]:
    number_text = match.group("num")
    before = text[:match.start("num")]
    # A version number or a name: "Llama 3.1", "GPT-4", "Apollo 11", "Phase 2", "r/singularity 2".
    if rx.search(r"(?:[A-Z][\w.]*|[A-Z]{2,})[ -]$", before) and not match.group("cur") and not match.group("qual"):
        word_before = rx.search(r"([A-Za-z]+)[ -]$", before)
        if word_before and word_before.group(1) not in ("In", "By", "About", "Over", "Nearly", "Some", "Around"):
            return None
    if rx.match(r"\d", text[match.end("num"):match.end("num") + 1] or "x"):
        return None
    scale = match.group("scale") or (_SCALES.get(match.group("suffix").lower()) if match.group("suffix") else None)
    if _YEAR.match(number_text) and not scale and not match.group("cur") and not match.group("percent"):
        unit_word = (match.group("unit") or "").split(" ")[0]
        if unit_word not in ("people", "units", "copies", "km", "kilometres", "miles", "metres", "meters"):
            return None  # a year
    # A date's day ("April 18"), a clock time ("1:23 a.m.", either side of the colon) or a serial
    # number ("the No. 4 reactor", a name rather than a count) is not a quantity.
    if rx.search(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s$",
                 before) or rx.match(r"[:.]\d", text[match.end("num"):]) or rx.search(r"\d:$|\bNo\.\s?$", before):
        return None
    if rx.match(r",\s*(1[0-9]{3}|20[0-9]{2})", text[match.end("num"):]):
        return None
    # a label, not a count: "type 1 diabetes", "stage 4", "level 3"
    if rx.search(r"\b(?:type|stage|phase|class|category|level|grade|group|step|chapter|section|article|act|scene|"
                 r"round|game)\s$", before):
        return None
    # a year with its era ("44 BC", "AD 79") is a date
    if rx.match(r"\s?(?:BCE?|B\.C\.|AD|A\.D\.|CE|C\.E\.)(?![A-Za-z])", text[match.end("num"):]) \
            or rx.search(r"\bA\.?D\.?\s?$", before):
        return None
    number = float(number_text.replace(",", ""))
    unit: Optional[str] = None
    end = match.end("scale") if match.group("scale") else match.end("suffix") if match.group("suffix") else match.end("num")
    full_end = end
    if match.group("degrees"):
        unit = "degrees Celsius" if match.group("degrees").strip().endswith("C") else "degrees Fahrenheit"
        full_end = match.end("degrees")
    elif match.group("percent"):
        unit = "percent"
        full_end = match.end("percent")
    elif match.group("cur"):
        unit = _CURRENCY[match.group("cur")]
    elif match.group("unit"):
        unit, consumed = _unit_from(match.group("unit"))
        if unit:
            full_end = match.start("unit") + consumed
            scale_name = rx.match(r"\s+(Celsius|Fahrenheit|Kelvin)\b", text[full_end:]) if unit == "degrees" else None
            if scale_name:  # "183 degrees Celsius": the scale is part of the unit (the words are not lower case)
                unit = f"degrees {scale_name.group(1)}"
                full_end += scale_name.end()
    start = match.start("cur") if match.group("cur") else match.start("num")
    answer_end = match.end("percent") if match.group("percent") else match.end("degrees") if match.group("degrees") else end
    if unit is None and number < 2 and not scale:
        return None  # "1" alone is rarely a fact
    value = QuantityValue(number=number, scale=scale, unit=unit, qualifier=_qualifier(match.group("qual")))
    full_start = match.start("qual") if match.group("qual") else start
    return QuantityMention(start, answer_end, text[start:answer_end], full_start, full_end, value)


def _unit_from(raw: str) -> tuple[Optional[str], int]:
    """The counted noun from the words after a number, and how many characters of `raw` it uses."""
    words = raw.split(" ")
    first = words[0]
    if first[:1].isupper():
        return raw, len(raw)  # "3.5 million East Germans"
    if first in _NOT_UNITS or not first.isalpha() and "-" not in first:
        if first == "year-old" or first.startswith("year-old"):
            return "years", len(first)
        return None, 0
    if first.endswith("-old"):
        return "years", len(first)
    if first.endswith("ed") and (len(words) == 1 or words[1] in _NOT_UNITS or not words[1].isalpha()):
        return None, 0  # "a squad of 23 travelled to Qatar": a verb, not "23 travelleds" (but "3 armed men")
    if first.endswith("ed") and len(words) > 1 and words[1].isalpha() and words[1] not in _ADJECTIVE_AFTER_UNIT:
        # "3 armed men", "500 skilled workers": the adjective goes with the noun it describes
        return pluralize(f"{first} {words[1]}"), len(first) + 1 + len(words[1])
    unit = first.rstrip("-")
    used = len(first)
    if len(words) > 1 and words[1] in _MEASURE_NOUNS:
        return pluralize(unit), used
    if len(words) > 1 and words[1].endswith("s") and not unit.endswith("s") and words[1] not in _NOT_UNITS \
            and words[1] not in _ADJECTIVE_AFTER_UNIT:
        unit = f"{unit} {words[1]}"
        used = len(first) + 1 + len(words[1])
    return pluralize(unit), used


_PLURAL_OF = {"child": "children", "man": "men", "woman": "women", "person": "people", "foot": "feet", "tooth": "teeth",
              "mouse": "mice", "goose": "geese"}
_IRREGULAR_PLURALS = {"children", "people", "feet", "teeth", "mice", "geese", "oxen", "police", "cattle", "sheep",
                      "fish", "deer", "aircraft", "spacecraft", "personnel", "crew", "staff", "livestock", "offspring"}


def pluralize(unit: str) -> str:
    """"parameter" -> "parameters", "token" -> "tokens"; plurals and mass nouns stay as they are."""
    last = unit.split(" ")[-1]
    if last.endswith("s") or last in ("people", "percent", "staff", "data", "km", "kg", "cm", "mm") \
            or last in _IRREGULAR_PLURALS or last.endswith("men") and last not in ("specimen", "abdomen", "regimen"):
        return unit  # ("men", "children", "aircraft": already plural, or the same in both)
    if last in _PLURAL_OF:
        return unit[: len(unit) - len(last)] + _PLURAL_OF[last]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("ch", "sh", "x")):
        plural = last + "es"
    else:
        plural = last + "s"
    return unit[: len(unit) - len(last)] + plural


def format_quantity(value: QuantityValue) -> str:
    """"405 billion parameters", "over 1.2 million times"."""
    number = f"{value.number:,.0f}" if float(value.number).is_integer() else f"{value.number:g}"
    bits = [value.qualifier or "", ("$" if value.unit == "USD" else "") + number, value.scale or "",
            value.unit if value.unit not in (None, "USD") else ""]
    return " ".join(b for b in bits if b)


def _share_units(found: list[QuantityMention], text: str) -> list[QuantityMention]:
    """A unitless quantity takes the unit of its neighbour: "8 billion and 70 billion parameter sizes",
    "15 trillion tokens for Llama 3 compared to 1.8 trillion for Llama 2"."""
    out = list(found)
    for i, mention in enumerate(out):
        if mention.value.unit:
            continue
        following = out[i + 1] if i + 1 < len(out) else None
        preceding = out[i - 1] if i > 0 else None
        donor = None
        if following and following.value.unit and rx.fullmatch(r"\s*(?:and|or|to|-|\u2013)\s*",
                                                                  text[mention.full_end:following.full_start]):
            donor = following
        elif preceding and preceding.value.unit and mention.value.scale and preceding.value.scale == mention.value.scale:
            donor = preceding
        elif preceding and preceding.value.unit and preceding.value.scale == mention.value.scale \
                and preceding.value.unit not in ("percent",) and not rx.match(r"[$£€]", preceding.text) \
                and rx.match(r"\s+(?:[a-z]{2,}ed|were|was|died|came|went|left|fell|survived?|remain(?:ed)?)\b",
                             text[mention.end:]):
            donor = preceding  # "more than 600,000 men, but fewer than 100,000 returned": 100,000 men
        if donor is not None:
            value = mention.value.model_copy(update={"unit": donor.value.unit})
            out[i] = QuantityMention(mention.start, mention.end, mention.text, mention.full_start,
                                     mention.full_end, value)
    return out
