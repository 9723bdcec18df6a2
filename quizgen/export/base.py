"""What every exporter returns (the file written, what it holds, what it had to skip and why), and the
small neutral helpers the exporters share: choosing questions, feedback text, identifiers, Moodle's
grade list. Exporters import this module, never each other."""

from __future__ import annotations

import hashlib
import html
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TYPE_CHECKING, Iterable, Optional, Sequence, TypeVar

if TYPE_CHECKING:  # only annotations: keeps `import quizgen.export` (the CLI's format list) light
    from quizgen.model import Choice, Question


# A skip reason is "general reason" or "general reason" + DETAIL + "what about this question": the
# summary groups skipped questions by the general part and shows the detail beside each id.
DETAIL = " — "


@dataclass
class ExportResult:
    """The outcome of writing one export file."""

    path: Path
    format: str
    written: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (question id, reason)

    @property
    def summary(self) -> str:
        """"moodle.xml: 143 questions (2 skipped)" for the command's summary."""
        extra = f" ({len(self.skipped)} skipped)" if self.skipped else ""
        return f"{self.path}: {self.written} questions{extra}"

    def skip(self, question: Question, reason: str) -> None:
        """Record that `question` is not in the file, and why (shown to the user by name)."""
        self.skipped.append((question.id, reason))


# --------------------------------------------------------------------------------------------------
# choosing questions


def carried_questions(questions: Iterable[Question], cannot_carry: "Callable[[Question], Optional[str]]",
                      result: "ExportResult") -> list[Question]:
    """The questions a format can carry; each other one is recorded in `result` with the reason."""
    kept = []
    for question in questions:
        reason = cannot_carry(question)
        if reason:
            result.skip(question, reason)
        else:
            kept.append(question)
    return kept


def select_questions(questions: Iterable[Question], kinds: Optional[Sequence[str]] = None,
                     tags: Optional[Sequence[str]] = None) -> list[Question]:
    """The questions an export should hold, in their given order.

    Questions with lint errors are left out (they are left out of every form too); `kinds` keeps only
    those kinds, `tags` only questions carrying at least one of the tags. None or empty means all.
    """
    wanted_kinds = set(kinds or ())
    wanted_tags = set(tags or ())
    chosen = []
    for question in questions:
        if question.has_errors:
            continue
        if wanted_kinds and question.kind not in wanted_kinds:
            continue
        if wanted_tags and not wanted_tags.intersection(question.tags):
            continue
        chosen.append(question)
    return chosen


# --------------------------------------------------------------------------------------------------
# text


def text_to_html(text: str) -> str:
    """Plain user text as HTML that shows it literally: &, <, > escaped, line breaks kept as <br>.

    Quotes are left as they are: they are safe in element content, and GIFT treats '#' (as in
    &#x27;) as a feedback marker, so numeric entities would only add escaping work downstream.
    """
    escaped = html.escape(text, quote=False)
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def flatten_whitespace(text: str) -> str:
    """One line: tabs, line breaks and runs of spaces become single spaces (for TSV / spreadsheet cells)."""
    return re.sub(r"\s+", " ", text).strip()


def source_text(question: Question) -> str:
    """'Source: "quote" — Title — Publisher, date' as shown under the explanation."""
    citation = question.source.citation
    return f"Source: \u201c{question.source.quote}\u201d \u2014 {citation}" if citation else \
        f"Source: \u201c{question.source.quote}\u201d"


def general_feedback_html(question: Question) -> str:
    """The explanation and the source, as HTML (every LMS shows this after the answer)."""
    parts = []
    if question.explanation:
        parts.append(f"<p>{text_to_html(question.explanation)}</p>")
    parts.append(f"<p>{text_to_html(source_text(question))}</p>")
    if question.source.url:
        parts.append(f"<p>{text_to_html(question.source.url)}</p>")
    return "".join(parts)


def general_feedback_text(question: Question) -> str:
    """The explanation and the source as plain text (one paragraph each)."""
    parts = [p for p in (question.explanation, source_text(question), question.source.url) if p]
    return "\n\n".join(parts)


def stable_choice_order(question: Question) -> list[Choice]:
    """The choices in an order that depends only on the question id (true/false keeps True, False).

    Kahoot and Canvas show answers in file order (Moodle shuffles only if the quiz says so), and a generator may list the right one first; a
    per-question seeded order spreads the right answer over the positions, identically on every export.
    """
    choices = list(question.choices)
    if question.kind == "true_false":
        return sorted(choices, key=lambda c: c.text.strip().lower() != "true")
    return stable_shuffle(question.id, choices)


T = TypeVar("T")


def stable_shuffle(key: str, items: Sequence[T]) -> list[T]:
    """`items` in an order that depends only on `key` (a question id): mixed, and the same every time."""
    mixed = list(items)
    random.Random(f"quizgen-choice-order:{key}").shuffle(mixed)
    return mixed


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def question_texts(question: Question) -> list[str]:
    """Every text of a question that an export may write."""
    texts = [question.stem, question.answer, question.explanation, question.source.quote,
             question.source.citation, *question.accepted, *question.sequence]
    texts += [t for c in question.choices for t in (c.text, c.feedback)]
    texts += [t for p in question.pairs for t in (p.left, p.right)]
    return texts


def xml_unsafe_reason(question: Question) -> Optional[str]:
    """Why XML (and so Moodle XML, QTI and xlsx) cannot hold this question's text, or None.

    XML 1.0 has no way at all to write most control characters; rather than drop them silently,
    the question is skipped and named.
    """
    for text in question_texts(question):
        found = _NOT_XML.search(text)
        if found:
            return f"a text holds a control character XML cannot carry{DETAIL}U+{ord(found.group()):04X}"
    return None


# --------------------------------------------------------------------------------------------------
# identifiers


_NOT_IDENT = re.compile(r"[^A-Za-z0-9-]")


def xml_identifier(prefix: str, *parts: str) -> str:
    """A stable identifier for XML (an NCName without '.' or ':'), derived from content ids.

    `prefix` starts with a letter, so ids such as "405b-model.mc" become e.g. "q_405b-model_mc".
    Ids that are slugs joined by dots (every generated id) map one-to-one; anything else gets a
    short hash so that two different ids never share an identifier.
    """
    raw = ".".join(parts)
    ident = prefix + "_" + _NOT_IDENT.sub("_", raw)
    if not re.fullmatch(r"[a-z0-9.-]+", raw):
        ident += "_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:8]
    return ident


def text_key(text: str) -> str:
    """A short stable key of a text (for answer identifiers that follow the answer, not its position)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


# --------------------------------------------------------------------------------------------------
# Moodle


# Moodle accepts only these answer fractions (question_bank::fraction_options_full); anything else
# is an import error. Percent values, positives and their negatives.
MOODLE_GRADES = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
                 14.28571, 12.5, 11.11111, 10, 5, 0)
MOODLE_GRADE_LIST = tuple(sorted(set(MOODLE_GRADES) | {-g for g in MOODLE_GRADES}, reverse=True))


def moodle_grade(percent: float) -> str:
    """`percent` as written in a Moodle file; raises ValueError if it is not on Moodle's grade list."""
    for grade in MOODLE_GRADE_LIST:
        if abs(grade - percent) < 1e-4:
            return f"{grade:g}" if grade == int(grade) else f"{grade:.5f}"
    raise ValueError(f"{percent} is not on Moodle's grade list")


def moodle_import_problem(question: Question) -> Optional[str]:
    """Why Moodle's import would refuse this question (GIFT and Moodle XML both land in Moodle's
    question types, so the rules are the same), or None."""
    if question.kind in ("multiple_choice", "true_false") and sum(c.correct for c in question.choices) != 1:
        return "needs exactly one correct choice"
    if question.kind == "numeric" and question.numeric is None:
        return "numeric question without a numeric answer"
    if question.kind == "matching":
        rights = {p.right.strip() for p in question.pairs}
        if len(question.pairs) < 2 or len(rights) < 3:
            return (f"Moodle matching needs at least 2 pairs and 3 different answers{DETAIL}"
                    f"{len(question.pairs)} pairs, {len(rights)} answers")
    return None


def moodle_category_names(bank_id: str, question: Question) -> list[str]:
    """The category of a question below the course's top: the bank, then its first tag (if any)."""
    return [bank_id] + ([question.tags[0]] if question.tags else [])


def moodle_category_path(names: Sequence[str]) -> str:
    """"$course$/top/a/b" with '/' inside a name doubled, as Moodle's split_category_path expects."""
    escaped = []
    for name in names:
        bit = name.replace("/", "//")
        if bit.startswith("/"):
            bit = " " + bit
        if bit.endswith("/"):
            bit += " "
        escaped.append(bit)
    return "/".join(["$course$", "top", *escaped])


def moodle_shortanswer_pattern(answer: str) -> str:
    """A short-answer response as a Moodle pattern: '*' is Moodle's wildcard, so a literal one is '\\*'."""
    return answer.replace("*", "\\*")


def format_number(value: float) -> str:
    """A number as plain decimal text (no exponent, no trailing .0): 405000000000, 1.5, -3."""
    from decimal import Decimal

    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def accepted_answers(question: Question) -> list[str]:
    """The answer and its accepted variants, first the answer, without duplicates (order kept)."""
    seen: list[str] = []
    for answer in [question.cloze.answer if question.cloze else question.answer, question.answer,
                   *question.accepted]:
        answer = answer.strip()
        if answer and answer not in seen:
            seen.append(answer)
    return seen
