"""The data model: facts as authored, the article they come from, and the questions and forms built
from them; no I/O. What is authored is pydantic, and every input model forbids unknown keys, so a
typo is an error; what is generated is plain dataclasses."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
import functools
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

FactKind = Literal["date", "quantity", "entity", "attribution", "quote", "cause", "definition", "event"]
FACT_KINDS: tuple[str, ...] = FactKind.__args__  # type: ignore[attr-defined]

EntityClass = Literal[
    "person", "organisation", "publication", "product", "place", "project", "event", "concept"
]
ENTITY_CLASSES: tuple[str, ...] = EntityClass.__args__  # type: ignore[attr-defined]

DatePrecision = Literal["day", "month", "year", "decade", "century"]
DateQualifier = Literal["early", "mid", "late"]
DateEra = Literal["BC"]
Scale = Literal["thousand", "million", "billion", "trillion"]
SCALE_FACTORS = {None: 1, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
QuantityQualifier = Literal[
    "over", "more than", "at least", "under", "less than", "up to", "about", "approximately", "nearly",
    "almost", "around", "roughly",
]


class StrictModel(BaseModel):
    """Base of every authored model: unknown keys are errors, strings are not silently coerced.
    Frozen: a loaded bank is read, never changed (and its facts share bookkeeping, see loading)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateValue(StrictModel):
    """A date at the precision the article gives it: "2024-04-18" (day), "2024-12" (month), "2024" (year).

    `qualifier` keeps vague parts of a year ("mid-2024" = date 2024, precision year, qualifier mid).
    `era: BC` counts the year back from year 1 as history books do ("0044-03-15", era BC = March 15,
    44 BC); there is no year 0, as in the books. A decade or a century is written by its first year:
    "1970" (decade) = the 1970s, "1500" (century) = the 16th century, "0300" (century, BC) = the 3rd
    century BC.
    """

    date: str = Field(description='ISO date at its precision: "2024-04-18", "2024-12" or "2024"; a decade or '
                                  'century by its first year: "1970" = the 1970s, "1500" = the 16th century.')
    precision: DatePrecision
    qualifier: Optional[DateQualifier] = None
    era: Optional[DateEra] = Field(None, description='"BC" for a year before year 1: 44 BC = date "0044", era BC.')

    @field_validator("date", mode="before")
    @classmethod
    def _date_to_text(cls, value: Any) -> Any:
        # YAML reads an unquoted 2024-04-18 as a date and 2024 as an int; both are meant as text here.
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @model_validator(mode="after")
    def _check_precision(self) -> "DateValue":
        match = _ISO_PARTIAL.match(self.date)
        if not match:
            raise ValueError(f'date "{self.date}" is not YYYY, YYYY-MM or YYYY-MM-DD')
        year, month, day = match.groups()
        given = "day" if day else "month" if month else "year"
        if self.is_span:
            return self._check_span(given, int(year))
        if given != self.precision:
            raise ValueError(f'date "{self.date}" has {given} precision but precision says {self.precision}')
        try:
            _dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError as exc:
            raise ValueError(f'date "{self.date}" is not a real date ({exc})') from None
        if self.qualifier and self.precision != "year":
            raise ValueError("qualifier (early/mid/late) only applies to a year, decade or century")
        return self

    def _check_span(self, given: str, year: int) -> "DateValue":
        # A decade is written by its first year ("1970" = the 1970s); a century by its first year as
        # people count it ("1500" = the 16th century, "0000" = the 1st century AD, "0300" with era BC
        # = the 3rd century BC, 300-201 BC).
        if given != "year":
            raise ValueError(f'a {self.precision} is written as its first year (YYYY), not "{self.date}"')
        step = 10 if self.precision == "decade" else 100
        if year % step:
            raise ValueError(f'date "{self.date}" does not start a {self.precision} (a multiple of {step})')
        if self.era == "BC" and year == 0:
            raise ValueError("there is no year 0 BC: the 1st century BC is 0100 with era BC")
        return self

    @property
    def is_span(self) -> bool:
        """A decade or a century: a stretch of time, no year to date other things by."""
        return self.precision in ("decade", "century")

    @property
    def parts(self) -> tuple[int, int, int]:
        """(year, month, day), with 0 for parts below the precision; a BC year is negative (44 BC = -44),
        so that parts order dates in time."""
        return _date_parts(self.date, self.era)


@functools.cache
def _date_parts(date: str, era: Optional[str] = None) -> tuple[int, int, int]:
    # Memoised: generation asks for the parts of the same few thousand dates hundreds of thousands of times.
    bits = [int(b) for b in date.split("-")]
    if era == "BC":
        bits[0] = -bits[0]
    return tuple(bits + [0] * (3 - len(bits)))  # type: ignore[return-value]


class QuantityValue(StrictModel):
    """A number with its scale and unit: 405 billion parameters, over 1.2 million times, $375 million."""

    number: float = Field(allow_inf_nan=False)  # YAML reads .nan, .inf and 1e999 as floats
    scale: Optional[Scale] = None
    unit: Optional[Text] = Field(None, description='What is counted: "parameters", "tokens", "USD"...')
    qualifier: Optional[QuantityQualifier] = None

    @property
    def magnitude(self) -> float:
        """The plain number: 405 billion -> 405e9."""
        return self.number * SCALE_FACTORS[self.scale]


class EntityValue(StrictModel):
    """A named thing with its class from a fixed vocabulary (person, organisation, publication...)."""

    name: Text
    entity_class: EntityClass = Field(alias="class")
    aliases: list[Text] = Field(
        default_factory=list,
        description='Other names of the same person or thing ("Maria Sklodowska" for Marie Curie): accepted as '
                    "answers, and never offered as a wrong choice beside it, anywhere in the bank.")


def _value_tag(value: Any) -> Optional[str]:
    # The shape of the mapping says which value it is; the fact's kind is checked against it later.
    if isinstance(value, dict):
        if "date" in value or "precision" in value:
            return "date"
        if "number" in value or "scale" in value or "unit" in value:
            return "quantity"
        return "entity"
    if isinstance(value, DateValue):
        return "date"
    if isinstance(value, QuantityValue):
        return "quantity"
    if isinstance(value, EntityValue):
        return "entity"
    return None


FactValue = Annotated[
    Union[
        Annotated[DateValue, Tag("date")],
        Annotated[QuantityValue, Tag("quantity")],
        Annotated[EntityValue, Tag("entity")],
    ],
    Discriminator(_value_tag),
]

# Which typed value each fact kind needs (None: no typed value).
VALUE_FOR_KIND: dict[str, Optional[type]] = {
    "date": DateValue,
    "quantity": QuantityValue,
    "entity": EntityValue,
    "attribution": EntityValue,
    "quote": EntityValue,
    "event": EntityValue,
    "cause": None,
    "definition": None,
}


class SourceQuote(StrictModel):
    """Where the fact comes from: an exact sentence (or span) of the article."""

    quote: Text


def normalize_text(text: str) -> str:
    """Comparison form of a text: NFKC, straight quotes, lower case, single spaces, no outer punctuation."""
    if text.isascii():
        # Most texts: NFKC and the quote map change nothing in ASCII, and the only whitespace an
        # ASCII text can hold besides single spaces is a double space or a control character.
        text = text.casefold()
        if "  " in text or not text.isprintable():
            text = _WHITESPACE_RUN.sub(" ", text)
    else:
        text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MAP).casefold()
        text = _WHITESPACE_RUN.sub(" ", text)
    return text.strip().strip(" .,;:!?")


_WHITESPACE_RUN = re.compile(r"\s+")


_QUOTE_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


class Fact(StrictModel):
    """One true statement of the article, with the span a question asks for and its typed value."""

    id: Slug = Field(description="Stable slug; Anki GUIDs and LMS identifiers derive from it forever.")
    kind: FactKind
    statement: Text = Field(description="One true sentence, readable on its own.")
    answer: Text = Field(description="The span of the statement a question targets.")
    value: Optional[FactValue] = None
    prompt: Optional[Text] = Field(None, description="A hand-written question stem, used instead of the automatic one.")
    distractors: list[Text] = Field(default_factory=list, description="Curated wrong answers; they win over generated ones.")
    explanation: Optional[Text] = Field(None, description="Shown after answering; defaults to the statement.")
    source: SourceQuote
    tags: list[Slug] = Field(default_factory=list)
    image: Optional[Text] = Field(None, description="Optional image file, relative to the bank folder.")

    @model_validator(mode="after")
    def _check_consistency(self, info: ValidationInfo) -> "Fact":
        if info.context and info.context.get("consistency_checked"):
            return self  # the loader already checked the raw mapping (and located each problem)
        problems = fact_consistency_problems(self.model_dump(by_alias=True))
        if problems:
            raise ValueError("; ".join(f"{field}: {message}" for field, message in problems))
        return self


_VALUE_SHAPES = {"date": "{date, precision}", "quantity": "{number, scale, unit}", "entity": "{name, class}"}


def fact_consistency_problems(raw: Any) -> list[tuple[str, str]]:
    """Checks across the fields of one fact, as (field, message) pairs.

    Works on the raw mapping too, so the loader reports these alongside field errors.
    """
    if not isinstance(raw, dict):
        return []
    problems: list[tuple[str, str]] = []
    statement, answer = raw.get("statement"), raw.get("answer")
    if isinstance(statement, str) and isinstance(answer, str) and answer.strip() and answer.strip() not in statement:
        problems.append(("answer", f'"{answer.strip()}" does not occur in the statement'))
    kind, value = raw.get("kind"), raw.get("value")
    if kind in VALUE_FOR_KIND:
        wanted = VALUE_FOR_KIND[kind]
        tag = _value_tag(value) if value is not None else None
        if wanted is None and value is not None:
            problems.append(("value", f"kind {kind} takes no typed value"))
        elif wanted is not None:
            wanted_tag = {DateValue: "date", QuantityValue: "quantity", EntityValue: "entity"}[wanted]
            if tag != wanted_tag:
                problems.append(("value", f"kind {kind} needs a value {_VALUE_SHAPES[wanted_tag]}"))
    aliases = value.get("aliases") if isinstance(value, dict) and _value_tag(value) == "entity" else None
    alias_keys: set[str] = set()
    if isinstance(aliases, list):
        name = value.get("name")
        own = {normalize_text(text) for text in (name, answer) if isinstance(text, str)}
        for i, alias in enumerate(aliases):
            if not isinstance(alias, str):
                continue
            key = normalize_text(alias)
            if key in own:
                problems.append((f"value.aliases[{i}]", f'"{alias}" is the name itself'))
            elif key in alias_keys:
                problems.append((f"value.aliases[{i}]", f'"{alias}" is listed twice'))
            alias_keys.add(key)
    distractors = raw.get("distractors")
    if isinstance(distractors, list) and isinstance(answer, str):
        answer_key = normalize_text(answer)
        seen: set[str] = set()
        for i, distractor in enumerate(distractors):
            if not isinstance(distractor, str):
                continue
            key = normalize_text(distractor)
            if key == answer_key:
                problems.append((f"distractors[{i}]", f'"{distractor}" equals the answer'))
            elif key in alias_keys:
                problems.append((f"distractors[{i}]", f'"{distractor}" is another name of the answer (value.aliases)'))
            elif key in seen:
                problems.append((f"distractors[{i}]", f'"{distractor}" is listed twice'))
            seen.add(key)
    return problems


class FactsFile(StrictModel):
    """The whole of facts.yaml."""

    version: Literal[1] = Field(1, description="Format version of this file.")
    facts: list[Fact] = Field(min_length=1)


class ArticleMeta(StrictModel):
    """The front matter of article.md."""

    title: Text
    publisher: Optional[Text] = None
    source: Optional[Text] = None
    date: str = Field(description='Publication date, ISO at its precision: "2024-12-20", "2024-12" or "2024".')
    url: Optional[Text] = None
    language: Text = "en"
    licence: Optional[Text] = None

    @field_validator("date", mode="before")
    @classmethod
    def _date_to_text(cls, value: Any) -> Any:
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("date")
    @classmethod
    def _check_date(cls, value: str) -> str:
        if not _ISO_PARTIAL.match(value):
            raise ValueError(f'date "{value}" is not YYYY, YYYY-MM or YYYY-MM-DD')
        return value

    @model_validator(mode="after")
    def _publisher_or_source(self) -> "ArticleMeta":
        if not (self.publisher or self.source):
            raise ValueError("give a publisher or a source")
        return self

    @property
    def source_line(self) -> str:
        """"Title — Publisher, 2024-12" as printed under every source quote."""
        who = self.publisher or self.source
        return f"{self.title} \u2014 {who}, {self.date}"


class Block(BaseModel):
    """One block of the article body: a heading or a paragraph, with its line in article.md."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["heading", "paragraph"]
    text: str
    line: int


class Article(BaseModel):
    """The article: front matter plus its blocks in order."""

    meta: ArticleMeta
    blocks: list[Block]

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def text(self) -> str:
        """The body as plain text, one block a line (heading markers removed)."""
        return "\n".join(b.text for b in self.blocks)


# --------------------------------------------------------------------------------------------------
# Questions and forms (generated; never authored, so they allow building in code freely)

QuestionKind = Literal[
    "multiple_choice", "true_false", "cloze", "short_answer", "numeric", "ordering", "matching"
]
QUESTION_KINDS: tuple[str, ...] = QuestionKind.__args__  # type: ignore[attr-defined]


# Generated objects are plain slotted dataclasses, not pydantic models: nothing authored reaches
# them unvalidated, and a 100k-fact bank holds half a million questions, for which a pydantic
# instance (an 18-key __dict__ each) doubled the memory. pydantic still validates and dumps them as
# fields of FormItem and QuizForm, and through QUESTION_ADAPTER.


@dataclass(slots=True, kw_only=True)
class Choice:
    """One option of a multiple-choice or true/false question."""

    text: str
    correct: bool
    feedback: str = ""


@dataclass(slots=True, kw_only=True)
class SourceRef:
    """The source shown with every question: the quote and the article it comes from."""

    quote: str
    article_title: str
    publisher: str = ""
    date: str = ""
    url: str = ""
    line: int = 0  # line of article.md holding the quote (0: unknown)

    @property
    def citation(self) -> str:
        """"Title — Publisher, date" for printing under the quote."""
        bits = [b for b in (self.publisher, self.date) if b]
        return self.article_title + (" \u2014 " + ", ".join(bits) if bits else "")


@dataclass(slots=True, kw_only=True)
class NumericAnswer:
    """The key of a numeric question: value +- tolerance, in `unit`."""

    value: float
    tolerance: float = 0.0
    unit: str = ""


@dataclass(slots=True, kw_only=True)
class Cloze:
    """A cloze text: `before` + [answer] + `after`; the answer is the hidden span."""

    before: str
    answer: str
    after: str

    @property
    def text(self) -> str:
        return f"{self.before}{self.answer}{self.after}"


@dataclass(slots=True, kw_only=True)
class MatchPair:
    """One correct pair of a matching question (left prompt <-> right answer)."""

    left: str
    right: str


@dataclass(slots=True, kw_only=True)
class LintFinding:
    """A quality problem of a question; errors keep the question out of every form."""

    code: str
    severity: Literal["error", "warning"]
    message: str
    question_id: str
    location: str = ""  # "content/bank/facts.yaml:42" of the fact

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.severity}: {self.question_id}: {self.code}: {self.message}"


@dataclass(slots=True, kw_only=True)
class Question:
    """One generated question, ready for every output.

    Per kind:
      multiple_choice  `choices` (exactly one correct)
      true_false       `choices` = [True, False] with one correct; `answer` "True"/"False"
      cloze            `cloze` (the stem shows `before ____ after`); `accepted` answers
      short_answer     `answer` and `accepted` variants
      numeric          `numeric` (value, tolerance, unit) and `accepted` spellings
      ordering         `sequence` in the correct (chronological) order
      matching         `pairs` (left <-> right), in canonical order

    The generator lets the questions of a fact share lists (`fact_ids`, `tags`) and every question
    share one empty list: replace a list (`dataclasses.replace`, or assign), never change one in place.
    """

    id: str
    fact_id: str
    fact_ids: list[str]
    kind: QuestionKind
    fact_kind: str = ""
    stem: str
    choices: list[Choice] = field(default_factory=list)
    answer: str
    accepted: list[str] = field(default_factory=list)
    numeric: Optional[NumericAnswer] = None
    cloze: Optional[Cloze] = None
    sequence: list[str] = field(default_factory=list)
    pairs: list[MatchPair] = field(default_factory=list)
    explanation: str
    source: SourceRef
    tags: list[str] = field(default_factory=list)
    image: Optional[str] = None  # absolute path of an image file, if the fact has one
    lint: list[LintFinding] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.lint)


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class FormItem(BaseModel):
    """A question as placed on one form: its number and the order its parts are shown in.

    `order` permutes the question's parts for display: the choices (multiple choice), the events
    (ordering) or the right-hand column (matching); empty means canonical order.
    """

    number: int
    question: Question
    order: list[int] = Field(default_factory=list)

    @property
    def choices(self) -> list[Choice]:
        """Choices in the order printed on this form."""
        q = self.question
        return [q.choices[i] for i in self.order] if (self.order and q.kind == "multiple_choice") else list(q.choices)

    @property
    def shown_sequence(self) -> list[str]:
        """Ordering items in the (shuffled) order printed on this form."""
        q = self.question
        return [q.sequence[i] for i in self.order] if (self.order and q.kind == "ordering") else list(q.sequence)

    @property
    def shown_right(self) -> list[str]:
        """Matching right-hand column in the order printed on this form (lettered A, B, ...)."""
        q = self.question
        rights = [p.right for p in q.pairs]
        return [rights[i] for i in self.order] if (self.order and q.kind == "matching") else rights

    @property
    def key(self) -> str:
        """The answer key as a teacher reads it: "B", "True", "C, A, B, D", "1-B, 2-A", or the text."""
        q = self.question
        if q.kind == "multiple_choice":
            return next(LETTERS[i] for i, c in enumerate(self.choices) if c.correct)
        if q.kind == "true_false":
            return next(c.text for c in q.choices if c.correct)
        if q.kind == "ordering":
            shown = self.shown_sequence
            return ", ".join(LETTERS[shown.index(event)] for event in q.sequence)
        if q.kind == "matching":
            shown = self.shown_right
            return ", ".join(f"{n}-{LETTERS[shown.index(p.right)]}" for n, p in enumerate(q.pairs, 1))
        return q.answer


class QuizForm(BaseModel):
    """One version (A, B, ...) of a quiz: numbered items, each with its key."""

    label: str
    seed: int
    bank_id: str
    title: str
    source_line: str = ""
    items: list[FormItem]

    @property
    def key(self) -> list[tuple[int, str]]:
        return [(item.number, item.key) for item in self.items]


QUESTION_ADAPTER: TypeAdapter[Question] = TypeAdapter(Question)


def question_data(question: Question) -> dict:
    """A question as JSON-ready data, its keys in field order (questions.json)."""
    return QUESTION_ADAPTER.dump_python(question, mode="json")
