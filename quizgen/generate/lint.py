"""Quality lint of generated questions. Each finding names the question and the fact's file:line.

Errors keep a question out of every form; warnings are shown (and fail `quizgen lint --strict`).

Rules (code, severity):
  answer-leak            error    the answer (or an accepted variant) is printed in the stem
  distractor-in-stem     error    a wrong choice is printed in the stem
  duplicate-choice       error    two choices are the same after normalisation
  near-duplicate-choice  warning  two choices differ only trivially, or one name is the start or the end
                                  of another ("Cas9", "CRISPR-Cas9")
  also-true              error    a "wrong" choice is a true answer too (accepted variant, or the answer
                                  of another fact with the same stem, or a number a bound makes true:
                                  "over 150" of over 600), or a "false" statement is true
  length-tell            warning  the key is the longest option by far
  format-tell            warning  the key is written in a different format or precision than every distractor
                                  (decimals, a padded "x.0" only the key lacks, the day of the month, the only
                                  "mid-"/"early"/"late" qualifier among qualified years)
  derived-number         warning  a distractor is the key with its decimal point moved (x10^k), or the key is
                                  where the doublings meet ("70 | 200 | 405 | 810"): the key is what the
                                  others were made from
  derived-date           warning  two or more distractors share the key's day of the month ("June 23 | July 23
                                  | August 23"): the key is the centre of the family
  grammar-tell           error    a/an or singular/plural before the blank fits the key but not a distractor
                                  (or a false statement reads wrong where the true one does not)
  gender-tell            warning  the sentence says the person asked for is a woman (or a man), and a wrong
                                  choice is someone the bank's sentences say is the other
  nationality-tell       warning  the sentence gives the person asked for a nationality ("the Italian
                                  engineer ______"), and a wrong choice is someone the bank gives another
  unresolved-pronoun     error    the stem opens with a pronoun (He, It, This...) that nothing resolves
  stem-form              error    a question stem is not capitalised or does not end in "?" (or a blank)
  garbled-stem           error    an automatic question reads garbled: the words around the removed answer
                                  joined ("collected of lunar material", "surface and 39 minutes later"), a
                                  dangling "and"/"the" before punctuation, a doubled comma or space, a clause
                                  opener as subject ("did after the Wii U..."), "How many pounds ... pounds"
  all-of-the-above       error    "all/none of the above" style choices
  choice-count           error    a multiple-choice question without 4 choices and exactly one key
  near-duplicate-question warning another question of the same kind asks nearly the same thing
  repeated-phrase        warning  a false statement repeats a phrase of the sentence around the swapped
                                  part ("... a central authority ..., rather than ... a central authority")
"""

from __future__ import annotations

import difflib
import re
from quizgen.generate.memo import per_batch, per_run
from typing import Iterable, Optional

from quizgen.errors import display_path
from quizgen.generate.distractors import (
    BankIndex,
    bare_surname_in,
    printed_answer,
    bound_side,
    on_true_side,
    answer_key,
    build_index,
    name_parts,
    normalized,
    part_of_name,
    word_in,
)
from quizgen.generate.text import (
    BLANK,
    PRONOUNS,
    find_span,
    fits_word_before,
    garbled_stem_reasons,
    shared_phrases,
    slot_gender,
    slot_nation,
    starts_with_vowel_sound,
    word_before_choice,
)
from quizgen.generate.values import _NUMBER_IN_TEXT, date_variants, derived_number_tells, parse_date, parse_quantity
from quizgen.loading import Bank
from quizgen.model import DateValue, EntityValue, Fact, LintFinding, QuantityValue, Question, normalize_text

LENGTH_TELL_RATIO = 1.6
LENGTH_TELL_MIN_EXTRA = 12
_STOP_WORDS = {"the", "a", "an", "of", "in", "on", "to", "for", "and", "or", "did", "does", "do", "was", "were",
               "is", "are", "what", "which", "who", "when", "how", "many", "much", "that", "this", "by", "with",
               "at", "its", "their", "it", "as", "be", "been"}
_ABOVE = re.compile(r"\b(all|none|both|neither) of (the )?(above|these|them)\b|\ball of these\b", re.I)
_ARTICLE = re.compile(r"^(the|a|an)\s+")
_WORD = re.compile(r"\w+")
_WORD_SEPARATORS = re.compile(r"[\s,]+")
# An opening phrase of time alone ("On ______,", "In March 1959", "By late 2023,"), then the subject.
_TIME_PREPOSITIONS = {"in", "on", "by", "during", "after", "before", "since", "until", "from", "at", "between"}
_SUBJECT_PRONOUNS = {"he", "she", "it", "they", "we"}
_AFTER_TIME_PHRASE = re.compile(
    r"(?:In|On|By|During|After|Before|Since|Until|From|At|Between)\s+"
    r"(?:(?:the|early|mid|late|same|following|next|year|to|and|spring|summer|autumn|fall|winter|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|\d[\d:.apm]*s?|_+s?)[\s,\u2013-]*){1,6}"
    r"\b([A-Za-z]+)\b")
_LEADING_A_AN = re.compile(r"^(an?|An?)\s+")
_SHAPE_QUALIFIER = re.compile(r"\b(early|mid|late)[- ](?=\d)", re.I)
_SHAPE_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SHAPE_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_SHAPE_LOWER = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_A_AN_WORD = re.compile(r"(?<!\w)(a|an)\s+([\w\"'“‘$€£][^\s]*)", re.I)


def lint_questions(questions: list[Question], bank: Bank, *, index: Optional[BankIndex] = None,
                   spans: Optional[dict[str, tuple[int, int]]] = None) -> list[Question]:
    """Attach lint findings to every question (replacing earlier ones) and return the same list.

    `index` and `spans` may be passed by the generator that already computed them."""
    Linter(bank, index=index, spans=spans).lint(questions)
    return questions


class Linter:
    """Lints questions batch after batch, as if they were one list: a question is a near-duplicate
    of the first question asking the same in any earlier batch. The generator lints each batch of
    facts' questions as it makes them, so that its memo caches can be emptied between batches."""

    def __init__(self, bank: Bank, *, index: Optional[BankIndex] = None,
                 spans: Optional[dict[str, tuple[int, int]]] = None):
        if spans is None:
            spans = {}
            for fact in bank.facts:
                span = find_span(fact.statement, fact.answer.strip())
                if span is not None:
                    spans[fact.id] = span
        self.bank = bank
        self.spans = spans
        self.index = index if index is not None else build_index(bank.facts, spans)
        self.facts = {fact.id: fact for fact in bank.facts}
        self.true_statements = {normalize_text(fact.statement) for fact in bank.facts}
        self.facts_shown = display_path(bank.facts_path)
        self.seen_keys: dict[tuple, str] = {}

    def _also_true(self, fact: Optional[Fact]) -> set[str]:
        """The other true answers to this fact's stem (the answers of facts with the same blanked
        sentence or prompt)."""
        if fact is None or fact.id not in self.spans:
            return set()
        keys = self.index.true_answers_of(fact.id, prompt_without_blank=False)
        if not self.index.same_entity:
            return keys
        # every name of each true answer: "Marie Curie" is true wherever "Maria Sklodowska" is
        same, names = self.index.same_entity, self.index.entity_names
        return keys | {answer_key(name) for key in keys for name in names.get(same.get(key, ""), [])}

    def lint(self, questions: list[Question], *, near_duplicates: bool = True) -> None:
        """Attach findings to each question of this batch (replacing earlier ones).

        Without `near_duplicates`, the near-duplicate rule is left to `add_near_duplicates`: a worker
        linting a later part of the bank cannot know the questions before it."""
        facts, spans = self.facts, self.spans
        also_true_of: dict[str, set[str]] = {}  # per fact: every question of a fact shares it
        for question in questions:
            found: list[tuple[str, str, str]] = []
            fact = facts.get(question.fact_id)
            also_true = also_true_of.get(question.fact_id)
            if also_true is None:
                also_true = also_true_of[question.fact_id] = self._also_true(fact)
            found += check_stem(question, facts, spans)
            found += check_choices(question, also_true, self.index.same_entity)
            if question.kind == "multiple_choice" and fact is not None:
                found += self._person_tells(question, fact)
            if question.kind == "true_false" and question.answer == "False" and fact is not None:
                found += check_false_statement(question, fact.statement, self.true_statements, also_true)
            if fact is not None and isinstance(fact.value, QuantityValue) and (
                    question.kind == "multiple_choice" or question.answer == "False" and question.kind == "true_false"):
                found += check_bound(question, fact, spans.get(fact.id) if spans is not None else None)
            if near_duplicates:
                duplicate = self._near_duplicate_of(question, near_duplicate_key(question))
                if duplicate:
                    found.append(duplicate)
            # a question without findings keeps (or gets) an empty list, a new one only if it had findings
            if found:
                question.lint = [LintFinding(code=code, severity=severity, message=message, question_id=question.id,
                                             location=self._where(question.fact_id))
                                 for code, severity, message in found]
            elif question.lint:
                question.lint = []

    def _person_tells(self, question: Question, fact: Fact) -> list[tuple[str, str, str]]:
        """Wrong choices of the other gender, or of another nation, than the fact's sentence gives its
        person ("______, Countess of Lovelace": Charles Babbage; "the Japanese climber ______":
        George Mallory); generation never picks them, a curated distractor may."""
        value, span = fact.value, self.spans.get(fact.id)
        if not isinstance(value, EntityValue) or value.entity_class != "person" or span is None:
            return []
        out = []
        wrong = [c.text for c in question.choices if not c.correct]
        gender = slot_gender(fact.statement, span[0], span[1])
        if gender is not None:
            other = [text for text in wrong if self.index.gender_of(text) not in (None, gender)]
            if other:
                named = ", ".join(f'"{text}"' for text in other)
                out.append(("gender-tell", "warning", f"the sentence speaks of a {'woman' if gender == 'female' else 'man'}, "
                                                      f"and the bank says {named} {'is' if len(other) == 1 else 'are'} not"))
        nation = slot_nation(fact.statement, span[0], span[1])
        if nation is not None:
            other = [text for text in wrong if self.index.nations_of(text) and nation not in self.index.nations_of(text)]
            if other:
                named = ", ".join(f'"{text}"' for text in other)
                out.append(("nationality-tell", "warning", f"the sentence gives a nationality, and the bank gives "
                                                           f"{named} another"))
        return out

    def _near_duplicate_of(self, question: Question, key: Optional[tuple]) -> Optional[tuple[str, str, str]]:
        """The near-duplicate finding of `question` if an earlier question had its key (else the key
        is remembered as this question's)."""
        if key is None:
            return None
        first = self.seen_keys.get(key)
        if first is None:
            self.seen_keys[key] = question.id
            return None
        return ("near-duplicate-question", "warning", f"asks nearly the same as {first}")

    def add_near_duplicates(self, questions: list[Question], keys: list[Optional[tuple]]) -> None:
        """The near-duplicate rule for questions linted without it, given their keys (near_duplicate_key),
        in order after every question linted so far. Its finding comes last, as in `lint`."""
        for question, key in zip(questions, keys):
            duplicate = self._near_duplicate_of(question, key)
            if duplicate:
                code, severity, message = duplicate
                question.lint = [*question.lint, LintFinding(code=code, severity=severity, message=message,
                                                             question_id=question.id,
                                                             location=self._where(question.fact_id))]

    def _where(self, fact_id: str) -> str:
        return f"{self.facts_shown}:{self.bank.fact_lines.get(fact_id, 1)}"


def lint_findings(questions: Iterable[Question]) -> list[LintFinding]:
    """Every finding of every question, in question order."""
    return [finding for question in questions for finding in question.lint]


# --------------------------------------------------------------------------------------------------
# Rules. Each returns (code, severity, message) triples; they are public so tests can call one rule.


def check_stem(q: Question, facts: Optional[dict[str, Fact]] = None,
               spans: Optional[dict[str, tuple[int, int]]] = None) -> list[tuple[str, str, str]]:
    out = []
    stem = q.stem.strip()
    first_word = _WORD_SEPARATORS.split(stem.lstrip("\"'“‘"), maxsplit=1)[0].casefold() if stem else ""
    if first_word in PRONOUNS:
        out.append(("unresolved-pronoun", "error", f'the stem opens with "{stem.split()[0]}", which nothing resolves'))
    elif first_word in _TIME_PREPOSITIONS:
        after_time = _AFTER_TIME_PHRASE.match(stem)
        if after_time and after_time.group(1).casefold() in _SUBJECT_PRONOUNS:
            # "On ______, it crossed the heliopause": a date before the pronoun resolves nothing either
            out.append(("unresolved-pronoun", "error",
                        f'the stem\'s subject is "{after_time.group(1)}", which nothing resolves'))
    if q.kind in ("multiple_choice", "short_answer", "numeric"):
        if stem[:1].islower():
            out.append(("stem-form", "error", "the stem does not start with a capital letter"))
        if not stem.endswith("?") and BLANK not in stem:
            out.append(("stem-form", "error", 'a question stem must end with "?" (or hold a blank)'))
    if q.kind in ("multiple_choice", "short_answer", "numeric") and facts and BLANK not in stem:
        fact = facts.get(q.fact_id)
        # Only automatic stems: a teacher's own prompt is theirs to word.
        if fact is not None and not (fact.prompt and fact.prompt.strip() == stem):
            span = spans.get(fact.id) if spans is not None else find_span(fact.statement, fact.answer.strip())
            reasons = garbled_stem_reasons(stem, fact, span)
            if reasons:
                out.append(("garbled-stem", "error", f"the automatic question reads garbled ({reasons[0]}); "
                                                     "write a prompt for this fact"))
    if q.kind in ("multiple_choice", "short_answer", "numeric", "cloze"):
        leaked = _leaked_answer(stem, q.answer, tuple(q.accepted))
        if leaked is not None:
            out.append(("answer-leak", "error", f'the answer "{leaked}" is printed in the stem'))
        elif facts:
            fact = facts.get(q.fact_id)
            # "The expedition led by ______ arrived ..., and Scott and his companions died": the surname
            leaked = bare_surname_in(stem, q.answer) if fact is not None and \
                getattr(fact.value, "entity_class", None) == "person" else None
            if leaked is not None:
                out.append(("answer-leak", "error", f'the answer\'s surname "{leaked}" is printed in the stem'))
    if q.kind == "ordering" and facts:
        # each event must not print its own date, in any spelling
        for fact_id, item in zip(q.fact_ids, q.sequence):
            fact = facts.get(fact_id)
            if fact is None or not isinstance(fact.value, DateValue):
                continue
            item_norm = normalized(item)
            spellings = [fact.answer] + date_variants(fact.value)
            if any(word_in(spelling, item_norm) for spelling in spellings):
                out.append(("answer-leak", "error", f'the event "{item}" prints its date'))
                break
    if q.kind == "matching":
        for pair in q.pairs:
            for other in q.pairs:
                if len(normalized(other.right)) >= 2 and word_in(other.right, normalized(pair.left)):
                    out.append(("answer-leak", "error", f'"{other.right}" is printed in "{pair.left}"'))
                    break
    return out


@per_batch
def _leaked_answer(stem: str, answer: str, accepted: tuple[str, ...]) -> Optional[str]:
    """The first of the answer and its accepted variants printed in the stem, or None (memoised: a
    fact's multiple-choice, short-answer and cloze questions often share their stem and answers)."""
    return printed_answer(blankless_normalized(stem), answer, accepted)


def check_choices(q: Question, also_true: Optional[set[str]] = None,
                  same_entity: Optional[dict[str, str]] = None) -> list[tuple[str, str, str]]:
    """`same_entity` (BankIndex.same_entity) says which names are one person or thing."""
    if q.kind != "multiple_choice":
        return []
    out = []
    correct = [c for c in q.choices if c.correct]
    if len(q.choices) != 4 or len(correct) != 1:
        out.append(("choice-count", "error", f"{len(q.choices)} choices with {len(correct)} keys (want 4 with 1)"))
        if not correct:
            return out
    key = correct[0]
    distractors = [c for c in q.choices if not c.correct]
    stem_norm = blankless_normalized(q.stem)
    keys = [answer_key(c.text) for c in q.choices]
    if len(set(keys)) < len(keys):
        out.append(("duplicate-choice", "error", "two choices are the same after normalisation"))
    elif same_entity and len({same_entity.get(k, k) for k in keys}) < len(keys):
        out.append(("duplicate-choice", "error", "two choices name the same person or thing"))
    else:
        for i, a in enumerate(q.choices):
            for b in q.choices[i + 1:]:
                if _near_duplicate(a.text, b.text):
                    out.append(("near-duplicate-choice", "warning", f'"{a.text}" and "{b.text}" are nearly the same'))
                elif q.fact_kind in _NAME_KINDS and _part_of_other_name(a.text, b.text):
                    out.append(("near-duplicate-choice", "warning",
                                f'"{a.text}" and "{b.text}": one name is part of the other'))
    accepted = _accepted_keys(q.answer, tuple(q.accepted))
    for d in distractors:
        dkey = answer_key(d.text)
        if dkey in accepted or (also_true and dkey in also_true):
            out.append(("also-true", "error", f'"{d.text}" is also a true answer'))
        if len(normalized(d.text)) >= 2 and word_in(d.text, stem_norm):
            out.append(("distractor-in-stem", "error", f'"{d.text}" is printed in the stem'))
    if _ABOVE.search("\n".join(c.text for c in q.choices)):  # one scan; a match never spans a newline
        for c in q.choices:
            if _ABOVE.search(c.text):
                out.append(("all-of-the-above", "error", f'"{c.text}": write a real choice instead'))
    if distractors:
        longest = max(len(d.text) for d in distractors)
        if len(key.text) >= LENGTH_TELL_RATIO * longest and len(key.text) - longest >= LENGTH_TELL_MIN_EXTRA:
            out.append(("length-tell", "warning", f"the key is the longest option by far ({len(key.text)} vs {longest} characters)"))
        key_shape = text_shape(key.text)
        shapes = {text_shape(d.text) for d in distractors}
        numeric_like = any(map(str.isdigit, key.text)) or any(any(map(str.isdigit, d.text)) for d in distractors)
        if numeric_like and len(shapes) == 1 and key_shape not in shapes:
            out.append(("format-tell", "warning", f'the key "{key.text}" is written differently from every distractor'))
        texts = [d.text for d in distractors]
        if numeric_like:  # both rules are about numbers and dates
            out += _derived_tells(key.text, texts)
            if not any(code == "format-tell" for code, _, _ in out):
                out += _ending_tells(key.text, texts)
    out += _grammar_tells(q, key.text, [d.text for d in distractors])
    return out


@per_run
def _accepted_keys(answer: str, accepted: tuple[str, ...]) -> frozenset[str]:
    """The answer keys of a question's answer and its accepted spellings (memoised per fact's answers)."""
    return frozenset(answer_key(text) for text in (answer,) + accepted)


def _derived_tells(key: str, distractors: list[str]) -> list[tuple[str, str, str]]:
    """Distractors made from the key by a simple operation, which a student can undo to find it:
    "60 | 150 | 600 | 6,000" (x10, /10), "70 | 200 | 405 | 810" (the key is where the doublings meet),
    "June 23 | July 23 | August 23" (the same day in the neighbouring months)."""
    key_date = _choice_date(key)
    dates = [_choice_date(d) for d in distractors]
    if key_date is not None and all(dates):
        if key_date[0] == "day":
            family = [d for d, parsed in zip(distractors, dates)
                      if parsed[0] == "day" and parsed[1][2] == key_date[1][2] and parsed[1] != key_date[1]]
            if len(family) >= 2:
                return [("derived-date", "warning",
                         f'{", ".join(family)} share the key\'s day ({key_date[1][2]}): the key is the date they were made from')]
        return []
    if key_date is not None or any(dates) or not _same_number_frame([key] + distractors):
        return []
    key_number = parse_quantity(key)
    numbers = [parse_quantity(d) for d in distractors]
    if key_number is None or key_number <= 0 or any(n is None for n in numbers):
        return []
    tells = derived_number_tells(key_number, numbers)
    if not tells:
        return []
    named = ", ".join(f'"{distractors[i]}"' for i in tells)
    return [("derived-number", "warning", f"{named} {'is' if len(tells) == 1 else 'are'} the key x10, x2 or the like: "
             "the key is the value the others were made from")]


_MONTH_DAY = re.compile(r"^(?P<m>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})$")


def _choice_date(text: str) -> Optional[tuple]:
    """parse_date, plus a day without its year ("April 18"), whose year is left 0."""
    parsed = parse_date(text)
    if parsed is not None:
        return parsed
    match = _MONTH_DAY.match(text.strip())
    if match:
        month = parse_date(f"{match['m']} 2000")
        if month is not None and 1 <= int(match["d"]) <= 31:
            return ("day", (0, month[1][1], int(match["d"])), None)
    return None


def _same_number_frame(texts: list[str]) -> bool:
    """Whether the texts are numbers in one frame: "$10 billion" / "$400 million", "2 °C" / "3 °C",
    but not "Llama 3.1" / "Llama Guard 3" (names with digits are not quantities)."""
    frames = {number_frame(text) for text in texts}
    return len(frames) == 1 and "#" in next(iter(frames))


@per_run
def number_frame(text: str) -> str:
    """The text with its first number replaced by "#" (memoised: the same choices come up again and again)."""
    text = text.strip()
    if not _DIGIT.search(text):
        return text  # the number pattern needs a digit; scanning for it is the slow part
    return _NUMBER_IN_TEXT.sub("#", text, count=1)


_LAST_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _ending_tells(key: str, distractors: list[str]) -> list[tuple[str, str, str]]:
    """The key alone written differently where the shape check cannot see it: other decimals
    ("24 | 47.5 | 71"), a padded zero only the key lacks ("24.0 | 47.5 | 71.0"), another day
    ("June 5 | July 18 | Aug 5"), or the only one with its qualifier ("late 2023 | mid-2024 | late 2024")."""
    key_date = _choice_date(key)
    dates = [_choice_date(d) for d in distractors]
    if key_date is not None and all(dates):
        if key_date[2] and all(d[2] for d in dates) and not any(d[2] == key_date[2] for d in dates):
            return [("format-tell", "warning", f'only the key says "{key_date[2]}"; give a distractor the same qualifier')]
        if key_date[0] == "day" and all(d[0] == "day" for d in dates):
            days = {d[1][2] for d in dates}
            if len(days) == 1 and key_date[1][2] not in days:
                return [("format-tell", "warning", "every distractor but not the key falls on the same day of the month")]
        return []
    if key_date is not None or any(dates) or not _same_number_frame([key] + distractors):
        return []
    key_match = _LAST_NUMBER.search(key)
    matches = [_LAST_NUMBER.search(d) for d in distractors]
    if not key_match or not all(matches):
        return []
    key_decimals = len(key_match.group(1) or "")
    decimals = [len(m.group(1) or "") for m in matches]
    if all(d != key_decimals for d in decimals):
        return [("format-tell", "warning", f'the key has {key_decimals} decimal{"" if key_decimals == 1 else "s"} and no distractor has as many')]
    key_digits = key_match.group(0)
    if key_decimals and not key_digits.endswith("0") and all(m.group(0).endswith("0") for m in matches):
        return [("format-tell", "warning", f'every distractor but the key ends in 0 ("{key_digits}" stands out)')]
    return []


_QUANTITY_TEXT = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?")


def check_bound(q: Question, fact: Fact, span: Optional[tuple[int, int]]) -> list[tuple[str, str, str]]:
    """A number that a bound makes true as well: "over 150" when the article says over 600, "fewer
    than 180" when it says fewer than 50 (in a choice, or swapped into the "false" statement)."""
    side = bound_side(fact, span)
    if side is None:
        return []
    key = fact.value.magnitude
    if q.kind == "multiple_choice":
        texts = [c.text for c in q.choices if not c.correct]
    else:
        stem, statement = q.stem.strip(), fact.statement.strip()
        start = _common_prefix_length(stem, statement)
        end = max(start, len(stem) - _common_suffix_length(stem, statement))
        # the whole number where the two differ ("2.5 million" of "1.2 million", not "2.5")
        texts = [m.group(0) for m in _QUANTITY_TEXT.finditer(stem) if m.start() <= end and m.end() >= start]
    word = "over" if side == "lower" else "under"
    return [("also-true", "error", f'"{text}" is true as well: the article gives {word} {fact.answer.strip()}')
            for text in texts if on_true_side(parse_quantity(text), key, side)]


def check_false_statement(q: Question, statement: str, true_statements: set[str],
                          also_true: set[str]) -> list[tuple[str, str, str]]:
    out = []
    stem = q.stem.strip()
    if normalize_text(stem) in true_statements:
        out.append(("also-true", "error", "the \"false\" statement is a true statement of the bank"))
    else:
        prefix = stem[:_common_prefix_length(stem, statement)]
        suffix = stem[len(stem) - _common_suffix_length(stem, statement):]
        middle = stem[len(prefix): len(stem) - len(suffix)] if len(prefix) + len(suffix) <= len(stem) else ""
        middle = _LEADING_A_AN.sub("", middle.strip())
        if middle and answer_key(middle) in also_true:
            out.append(("also-true", "error", f'"{middle}" makes the "false" statement true'))
        if middle:
            rest = prefix + " " + suffix
            true_middle = statement[len(prefix): max(len(prefix), len(statement) - len(suffix))]
            # only echoes the true sentence does not have already
            repeated = shared_phrases(middle, rest) - shared_phrases(true_middle, rest)
            if repeated:
                phrase = " ".join(sorted(repeated)[0])
                out.append(("repeated-phrase", "warning",
                            f'the false statement says "{phrase}" twice, which reads as a contradiction'))
    wrong_here = _article_misuses(stem) - _article_misuses(statement)
    if wrong_here:
        out.append(("grammar-tell", "error", f'"{sorted(wrong_here)[0]}" reads wrong, which gives the answer away'))
    return out


def _common_prefix_length(a: str, b: str) -> int:
    """Length of the longest common prefix, by bisection on slice comparisons (C speed), where
    os.path.commonprefix compares character by character in Python."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix_length(a: str, b: str) -> int:
    """Length of the longest common suffix (see _common_prefix_length)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle:] == b[len(b) - middle:]:
            low = middle
        else:
            high = middle - 1
    return low


def near_duplicate_key(q: Question) -> Optional[tuple]:
    """A cheap key: two questions of one kind whose stems share their content words and answer."""
    if q.kind in ("ordering", "matching"):
        return (q.kind, tuple(sorted(q.fact_ids)))
    if q.kind == "true_false":
        return None  # tf-true and tf-false of one fact differ on purpose
    return (q.kind, _content_words(q.stem), answer_key(q.answer))


@per_batch
def _content_words(stem: str) -> tuple[str, ...]:
    """The stem's words less stop words, sorted (memoised: a fact's questions share stems)."""
    return tuple(sorted(set(w for w in _WORD.findall(blankless_normalized(stem)) if w not in _STOP_WORDS)))


@per_batch
def blankless_normalized(stem: str) -> str:
    """A stem normalised with its blank as a space (memoised: three rules ask for it per question)."""
    return normalize_text(stem.replace(BLANK, " "))  # memoised here already


@per_run
def text_shape(text: str) -> str:
    """The format of a text without its content: "April 18, 2024" -> "Aa 9, 9"; "405 billion" -> "9 a"."""
    shape = _SHAPE_QUALIFIER.sub("Q ", text.strip())  # "mid-2024" ~ "early 2024"
    shape = _SHAPE_NUMBER.sub("9", shape)
    shape = _SHAPE_CAPITALISED.sub("Aa", shape)
    shape = _SHAPE_LOWER.sub("a", shape)
    return shape


_NAME_KINDS = {"entity", "attribution", "quote", "event"}


def _part_of_other_name(a: str, b: str) -> bool:
    """"Cas9" and "CRISPR-Cas9", "Germany" and "East Germany": short names, one the start or the end
    of the other (distractors.part_of_name)."""
    pa, pb = name_parts(a), name_parts(b)
    return len(pa) <= 4 and len(pb) <= 4 and part_of_name(pa, pb)


def _near_duplicate(a: str, b: str) -> bool:
    la, lb = _without_article(a), _without_article(b)
    # Cheap length and affix tests first: they settle nearly every pair of a question's choices.
    if len(la) < 6 or len(lb) < 6:
        return False
    if la[:4] != lb[:4] and la[-4:] != lb[-4:]:
        return False  # near-duplicates share a start or an end ("Open Compute Project(s)")
    if 2 * min(len(la), len(lb)) < 0.9 * (len(la) + len(lb)):
        return False  # the ratio can never reach 0.9: skip building the matcher
    # Dates and numbers differ in a digit on purpose; only texts can be near-duplicates.
    if parse_date(a) is not None or parse_date(b) is not None:
        return False
    if _DIGIT.search(a) and _DIGIT.search(b) and parse_quantity(a) != parse_quantity(b):
        return False
    matcher = difflib.SequenceMatcher(None, la, lb)
    # the quick upper bounds settle most pairs without the full comparison
    return matcher.real_quick_ratio() >= 0.9 and matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9


@per_run
def _without_article(text: str) -> str:
    """normalize_text without a leading the/a/an (memoised: each choice is compared with three others)."""
    return _ARTICLE.sub("", normalized(text))


def _grammar_tells(q: Question, key: str, distractors: list[str]) -> list[tuple[str, str, str]]:
    """a/an or singular/plural right before where the choice goes, agreeing with the key only."""
    agreement = word_before_choice(q.stem)
    if agreement is None:
        return []
    if fits_word_before(agreement, key) and not all(fits_word_before(agreement, d) for d in distractors):
        if agreement.casefold() in ("a", "an"):
            return [("grammar-tell", "error", f'"{agreement}" before the blank fits the key but not every distractor')]
        return [("grammar-tell", "error", f'"{agreement}" before the blank agrees with the key only')]
    return []


@per_batch
def _article_misuses(text: str) -> frozenset[str]:
    misuses = set()
    for match in _A_AN_WORD.finditer(text):
        article, word = match.group(1).casefold(), match.group(2)
        if (article == "an") != starts_with_vowel_sound(word):
            misuses.add(f"{match.group(1)} {word}")
    return frozenset(misuses)
