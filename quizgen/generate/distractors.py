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
from quizgen.generate.memo import per_run
from typing import Iterable, Optional

from quizgen.generate.values import (
    date_interval,
    date_candidates,
    ERA_MARK,
    date_key,
    date_style,
    derived_number_tells,
    format_date,
    is_derived_number,
    make_date,
    NUMBER_WORDS,
    parse_date,
    parse_quantity,
    quantity_candidates,
    quantity_style,
)
from quizgen.generate.text import (
    fits_word_before,
    name_sort,
    role_before,
    roles_named,
    nations_named,
    regions_named,
    slot_gender,
    slot_nation,
    slot_region,
    word_before_choice,
)
from quizgen.model import DateValue, EntityValue, Fact, QuantityValue, normalize_text
from quizgen.names import GIVEN_NAMES, first_name_gender

WINDOW = 12  # sibling candidates looked at on each side of the answer
SIBLINGS_LOOKED_AT = 5  # nearest siblings formatted for a number or date (both sides are filled from them)


def stable_hash(text: str) -> int:
    """A hash that is the same in every run (Python's hash() of str is salted per process)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


_ARTICLE = re.compile(r"^(the|a|an)\s+")
_PUNCTUATION = re.compile(r"[^\w\s]")
_PLAIN_NUMBER = re.compile(r"[^\w]*[$€£]?\s*[\d.,]+\s*-?\s*(thousand|million|billion|trillion|bn|mn|tn|[kmbt])?[^\w]*")


@per_run
def answer_key(text: str) -> str:
    """Comparison key of an answer: normalize_text, no leading article, numbers and dates canonical."""
    key = normalized(text)
    if not any(map(str.isdigit, key)) and "century" not in key:  # ("the ninth century" is a date)
        return _PUNCTUATION.sub("", _ARTICLE.sub("", key)).strip()
    parsed = parse_date(key)
    if parsed is not None:
        return f"date:{parsed}"
    stripped = _ARTICLE.sub("", key)
    if _PLAIN_NUMBER.fullmatch(stripped):
        number = parse_quantity(stripped)
        if number is not None:
            return f"num:{number:.6g}"
    return _PUNCTUATION.sub("", stripped).strip()


def blank_key(statement: str, span: tuple[int, int]) -> str:
    """The statement with its answer blanked: facts sharing it ask the same question (worked out
    once per fact, by build_index)."""
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


@per_run
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

    # (class, sort) -> (len, hash, name, fact id): a name is replaced only by a name of its sort
    # (an ocean by a sea, a state by a state; see name_sort), found among all of them
    entities: dict[tuple[str, str], list[tuple[int, int, str, str]]] = field(default_factory=dict)
    # (precision, has qualifier) -> sorted (ordinal, month number, value, fact id)
    dates: dict[tuple, list[tuple[tuple, int, DateValue, str]]] = field(default_factory=dict)
    quantities: dict[str, list[tuple[float, str, str]]] = field(default_factory=dict)  # unit -> sorted (magnitude, fact id, answer)
    true_answers: dict[str, set[str]] = field(default_factory=dict)  # blank key / prompt -> answer keys
    statements: dict[str, str] = field(default_factory=dict)  # fact id -> statement
    # fact id -> whether its statement has "the" right before the answer ("connects ... with the Pacific
    # Ocean"): a name that takes "the" reads wrong in a slot without one ("The dam created Pacific Ocean")
    the_before: dict[str, bool] = field(default_factory=dict)
    # fact id -> rank among the bank's number and date facts in a stable hash order (see key_position_target)
    ordered_ranks: dict[str, int] = field(default_factory=dict)
    # fact id -> its keys in true_answers: (blanked sentence or None, prompt or None); worked out
    # once here, as generation and lint both ask for every fact's
    stem_keys: dict[str, tuple[Optional[str], Optional[str]]] = field(default_factory=dict)
    # person's answer key -> the roles the bank writes before the name ("President", "pilot"); see
    # roles_of (made on first use: only a slot with a role before it asks, and a scan of every
    # sentence is 85 ms at 10k facts)
    person_roles: Optional[dict[str, set[str]]] = None
    # answer key of a name with other names (value.aliases anywhere in the bank, or an answer span
    # naming a value: see _entity_identities) -> one key shared by all the names of that person or
    # thing; other names are not in it (they are their own)
    same_entity: dict[str, str] = field(default_factory=dict)
    # that shared key -> every name written for the entity, in bank order
    entity_names: dict[str, list[str]] = field(default_factory=dict)
    # (name, statement, start, end) of every fact whose answer is a person: their own sentences say
    # whether they are a woman or a man (see gender_of)
    person_slots: list[tuple[str, str, int, int]] = field(default_factory=list)
    # entity key of a person -> "female" or "male", where the bank says so (made on first use)
    person_genders: Optional[dict[str, str]] = None
    gender_parts: list = field(default_factory=list)  # (name_parts(key), gender) of person_genders
    # entity key of a person -> the nations the bank gives them ("the Italian engineer ...")
    person_nations: Optional[dict[str, set[str]]] = None

    # town name -> the states or countries the bank writes after it ("Dayton, Ohio"; made on first use)
    place_regions: Optional[dict[str, set[str]]] = None

    def regions_of(self, name: str) -> set[str]:
        """The states or countries the bank's sentences write right after this town ("Dayton, Ohio"
        -> {"ohio"}); empty when none does."""
        if self.place_regions is None:
            towns = {n[2] for (cls, sort), names in self.entities.items() if cls == "place" and sort == ""
                     for n in names}
            self.place_regions = regions_named(self.statements.values(), sorted(towns))
        return self.place_regions.get(name, set())

    def gender_of(self, name: str) -> Optional[str]:
        """"female" or "male" if the bank's sentences say which this person is (and never both):
        from the slot of each fact that asks for them ("______, Countess of Lovelace", "______ was
        killed when he was struck") and from every sentence that opens with their name."""
        if self.person_genders is None:
            said = self._said_of_people(slot_gender)
            self.person_genders = {key: genders.pop() for key, genders in said.items() if len(genders) == 1}
            self.gender_parts = [(name_parts(key), gender) for key, gender in self.person_genders.items()]
        key = self.entity_key(answer_key(name))
        gender = self.person_genders.get(key)
        if gender is None and self.gender_parts:
            # "Leonardo worked on it ... when he moved": "Leonardo da Vinci" is that man, in full (a
            # name that starts or ends another is taken for the same person only if all agree)
            parts = name_parts(key)
            found = {g for other, g in self.gender_parts if part_of_name(parts, other)}
            gender = found.pop() if len(found) == 1 else None
        if gender is None and " " in name.strip():
            # nothing said in the bank: a first name that is a woman's or a man's everywhere
            gender = first_name_gender(name)
        return gender

    def nations_of(self, name: str) -> set[str]:
        """The nations the bank's sentences give this person ("the Italian engineer Luigi Menabrea",
        "Jesse Owens was an American athlete"); empty when none does."""
        if self.person_nations is None:
            said = self._said_of_people(slot_nation)
            for named, nations in nations_named(self.statements.values()).items():
                said.setdefault(self.entity_key(answer_key(named)), set()).update(nations)
            self.person_nations = said
        return self.person_nations.get(self.entity_key(answer_key(name)), set())

    def _said_of_people(self, read) -> dict[str, set[str]]:
        """What `read(statement, start, end)` says of each person (by entity key): in the slot of
        each fact asking for them, and in every sentence that opens with their name."""
        found: dict[str, set[str]] = {}

        def add(name: str, value: Optional[str]) -> None:
            if value is not None:
                found.setdefault(self.entity_key(answer_key(name)), set()).add(value)

        names = {}
        for name, statement, start, end in self.person_slots:
            add(name, read(statement, start, end))
            names[answer_key(name)] = name
        longest = max((len(name.split()) for name in names.values()), default=0)
        for statement in self.statements.values():
            words = statement.split(None, longest)
            for count in range(min(longest, len(words)), 0, -1):  # the longest name the sentence opens with
                prefix = " ".join(words[:count]).rstrip(",;:")
                if answer_key(prefix) in names and statement.startswith(prefix):
                    add(prefix, read(statement, 0, len(prefix)))
                    break
        return found

    def entity_key(self, key: str) -> str:
        """The key every name of one entity shares, from one name's answer key (the key itself for a
        name without aliases)."""
        return self.same_entity.get(key, key)

    def other_names(self, name: str) -> list[str]:
        """The other names of the entity `name` names ("Marie Curie" -> ["Maria Sklodowska"])."""
        key = answer_key(name)
        names = self.entity_names.get(self.same_entity.get(key, ""), [])
        return [n for n in names if answer_key(n) != key]

    def roles_of(self, name: str) -> set[str]:
        """The roles the bank's sentences write right before this person's name ("President John F.
        Kennedy" -> {"president"}); empty when none does."""
        if self.person_roles is None:
            self.person_roles = {}
            for named, roles in roles_named(self.statements.values()).items():
                self.person_roles.setdefault(answer_key(named), set()).update(roles)
        return self.person_roles.get(answer_key(name), set())

    def true_answers_of(self, fact_id: str, *, prompt_without_blank: bool = True) -> set[str]:
        """The answer keys of every fact asking what this one asks (the same blanked sentence or the
        same prompt), its own included."""
        blank_part, prompt_part = self.stem_keys.get(fact_id, (None, None))
        out: set[str] = set()
        if blank_part is not None:
            out |= self.true_answers[blank_part]
        if prompt_part is not None and (prompt_without_blank or blank_part is not None):
            out |= self.true_answers[prompt_part]
        return out


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
        blank_part = prompt_part = None
        if span is not None:
            blank_part = "b:" + blank_key(fact.statement, span)
            index.true_answers.setdefault(blank_part, set()).add(akey)
        if fact.prompt:
            prompt_part = "p:" + normalized(fact.prompt)
            index.true_answers.setdefault(prompt_part, set()).add(akey)
        index.stem_keys[fact.id] = (blank_part, prompt_part)
        if isinstance(value, EntityValue):
            if span is not None:
                index.the_before[fact.id] = _THE_BEFORE.search(fact.statement, 0, span[0]) is not None
                if value.entity_class == "person":
                    index.person_slots.append((fact.answer.strip(), fact.statement, span[0], span[1]))
            names = seen_entities.setdefault(value.entity_class, set())
            for name, owner in [(fact.answer, fact.id)] + [(d, "") for d in fact.distractors]:
                key = answer_key(name)
                if key in names:
                    continue
                names.add(key)
                group = (value.entity_class, name_sort(name, value.entity_class))
                index.entities.setdefault(group, []).append((len(name), stable_hash(name), name, owner))
        elif isinstance(value, DateValue):
            key = date_key(value)
            if key not in seen_dates:
                seen_dates.add(key)
                group = (value.precision, bool(value.qualifier))
                index.dates.setdefault(group, []).append((_date_ordinal(value), _month_number(value), value, fact.id))
        elif isinstance(value, QuantityValue):
            index.quantities.setdefault(unit_key(value), []).append((value.magnitude, fact.id, fact.answer))
    index.same_entity, index.entity_names = _entity_identities(facts)
    ordered = sorted((stable_hash(fact.id + "#below"), fact.id) for fact in facts
                     if isinstance(fact.value, (DateValue, QuantityValue)))
    index.ordered_ranks = {fact_id: rank for rank, (_, fact_id) in enumerate(ordered)}
    for names in index.entities.values():
        names.sort()
    for dates in index.dates.values():
        dates.sort(key=lambda item: item[0])
    for quantities in index.quantities.values():
        quantities.sort()
    return index


def _entity_identities(facts: list[Fact]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Which names are one entity: a value's name and its aliases are one, and two values sharing a
    name are the same one (a union of the groups). So is a fact's answer span with its value's name
    ("GDR" naming the German Democratic Republic), unless that span names two different entities in
    the bank ("Curie" for Marie and for Pierre Curie). Returns the answer key of each such name ->
    the group's key (its first name's), and the group's key -> its names, in bank order."""
    parent: dict[str, str] = {}
    spelling: dict[str, str] = {}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]  # path halving: the chains stay short
            key = parent[key]
        return key

    def join(names: list[str]) -> None:
        keys = []
        for name in names:
            key = answer_key(name)
            if key not in parent:
                parent[key] = key
                spelling[key] = name
            keys.append(key)
        first = root(keys[0])
        for key in keys[1:]:
            other = root(key)
            if other != first:
                parent[other] = first

    short_forms: dict[str, tuple[str, set[str]]] = {}  # answer key -> (its spelling, the names it stands for)
    for fact in facts:
        value = fact.value
        if not isinstance(value, EntityValue):
            continue
        if value.aliases:
            join([value.name, *value.aliases])
        answer = fact.answer.strip()
        if answer != value.name and answer_key(answer) != answer_key(value.name):
            short_forms.setdefault(answer_key(answer), (answer, set()))[1].add(value.name)
    for key, (answer, names) in short_forms.items():
        named = {root(answer_key(n)) if answer_key(n) in parent else answer_key(n) for n in names}
        if len(named) == 1:
            join([next(iter(names)), answer])
    same = {key: root(key) for key in parent}
    groups: dict[str, list[str]] = {}
    for key, group in same.items():  # insertion order: bank order
        groups.setdefault(group, []).append(spelling[key])
    return same, groups


def _date_ordinal(value: DateValue) -> tuple:
    year, month, day = value.parts
    qualifier_rank = _QUALIFIER_RANK.get(value.qualifier or "", 0)
    return (year, month or qualifier_rank * 4, day)


_QUALIFIER_RANK = {"early": 1, "mid": 2, "late": 3}


def _month_number(value: DateValue) -> int:
    """Months since year 0 (mid-year for year-precision dates), to measure how far apart dates are."""
    year, month, _ = value.parts
    return year * 12 + (month or 6)


@dataclass
class Distractor:
    text: str
    origin: str  # "curated", "sibling" or "perturbation"
    fact_id: str = ""  # the sibling fact it is the answer of
    # whether it reads right in the statement too (the false true/false statement is the statement
    # with it swapped in): "proposed by President Michael Collins" does not, though Michael Collins
    # is a fair choice for "Who proposed...?"
    fits_statement: bool = True


def key_position_target(fact_id: str, wanted: int = 3, index: Optional[BankIndex] = None) -> int:
    """How many of the `wanted` distractors go below the key (numbers, dates): 0..wanted.

    Dealt out in turn over the bank's number and date facts (in a stable hash order of their ids), so
    that across a quiz the key is the smallest, second, third and largest value equally often: drawn
    independently per fact, 8 of the bundled bank's 17 keys came out the largest, a pattern a
    test-wise student learns. Without the bank's index (or for a fact it lacks), the fact's own hash."""
    rank = index.ordered_ranks.get(fact_id) if index is not None else None
    if rank is None:
        return stable_hash(fact_id + "#below") % (wanted + 1)
    return rank % (wanted + 1)


def _gazetteer_region(statement: str, end: int, town: str) -> Optional[tuple[str, str]]:
    """The gazetteer's region for the state or country written after a town ("______, Ohio"); the one
    that holds the town where the name is two regions ("Atlanta, Georgia")."""
    from quizgen.generate.places import region_of

    region = _REGION_NAME.match(statement, end)
    return region_of(region.group(1).rstrip("."), town) if region else None


def _holds_a_town(statement: str, start: int) -> bool:
    """Whether the slot at `start` holds a town's county or province: "links Folkestone in ______,
    England" (Kent), where towns are no choices."""
    from quizgen.generate.places import is_town

    inside = _NAME_IN_SLOT.search(statement, 0, start)
    return inside is not None and is_town(inside.group(1))


# Events held every four years: their other years are the wrong choices a student weighs.
_QUADRENNIAL = re.compile(r"\b(?:Olympics|Olympic Games|Summer Games|Winter Games|Paralympic Games|Paralympics|"
                          r"World Cup|Commonwealth Games|European Championships?|Euro \d{4}|leap years?)\b")
_NAME_IN_SLOT = re.compile(r"\b([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+in\s+$")
_REGION_NAME = re.compile(r",\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})")


def town_in_region(name: str, region: tuple[str, str]) -> Optional[bool]:
    from quizgen.generate.places import town_in_region as lookup

    return lookup(name, region)


def towns_like(key: str, region: tuple[str, str], count: int, avoid) -> list[str]:
    from quizgen.generate.places import towns_like as lookup

    return lookup(key, region, count, avoid)


def choose_distractors(fact: Fact, span: Optional[tuple[int, int]], stem: str, index: BankIndex,
                       wanted: int = 3, written: Optional[tuple[int, int, int]] = None) -> list[Distractor]:
    """Up to `wanted` distractors for the fact, best first (curated, then siblings, then perturbations).

    `written` is the article's date (year, month, day; 0 = unknown part): an invented date after both
    it and the answer would be a date the article cannot have reported, which gives it away.
    Numbers and dates are spread below and above the key (how many of each is fixed per fact), and
    none is a simple derivation of the key (x10, x2, the same day in the next month)."""
    answer = fact.answer.strip()
    # Compared by entity: two names of one person are one answer (the key's other name is also true,
    # and two names of one distractor would be one wrong answer offered twice).
    same_entity = index.same_entity
    own = answer_key(answer)
    refused = {index.entity_key(own)}
    if own[:4] not in ("date", "num:") and len(own) > 3:
        # "the 1962 World Cups" is no wrong choice for "the 1962 World Cup": one name, singular and plural
        refused.add(own[:-1] if own.endswith("s") else own + "s")
    stem_norm = normalize_text(stem)  # once per fact: not worth a cache entry
    also_true = index.true_answers_of(fact.id)
    if same_entity:
        also_true = {index.entity_key(key) for key in also_true}
    chosen: list[Distractor] = []
    # "featured a ______-token context window": a distractor read as "an 8k" would give the key away.
    agreement = word_before_choice(stem) if stem else None
    if agreement is not None and not fits_word_before(agreement, answer):
        agreement = None  # the key does not agree either: no choice stands out

    # "between 170 and ______" (180 AD): "170 AD" is printed in the stem all the same, without its era
    era_year = isinstance(fact.value, DateValue) and fact.value.precision == "year" and bool(ERA_MARK.search(answer))

    def acceptable(text: str, curated: bool = False) -> bool:
        key = answer_key(text)
        if same_entity:
            key = same_entity.get(key, key)
        # Curated distractors win even against the a/an before the blank: lint tells their author.
        return not (key in refused or key in also_true or (stem_norm and word_in(text, stem_norm))
                    or (era_year and stem_norm and word_in(ERA_MARK.sub("", text).strip(), stem_norm))
                    or (not curated and agreement is not None and not fits_word_before(agreement, text)))

    def offer(text: str, origin: str, owner: str = "", checked: bool = False, fits_statement: bool = True) -> bool:
        if not checked and not acceptable(text, curated=origin == "curated"):
            return False
        key = answer_key(text)
        refused.add(same_entity.get(key, key) if same_entity else key)
        chosen.append(Distractor(text, origin, owner, fits_statement))
        return len(chosen) >= wanted

    value = fact.value
    curated = list(fact.distractors)
    demoted: list[str] = []
    if isinstance(value, QuantityValue) and curated:
        # A curated number that is the key with its decimal point moved (or a doubling that makes the
        # key the hub) gives the key away: used only when nothing better exists.
        numbers = [parse_quantity(text) for text in curated]
        known = [(i, n) for i, n in enumerate(numbers) if n is not None]
        tells = {known[j][0] for j in derived_number_tells(value.magnitude, [n for _, n in known])}
        demoted = [text for i, text in enumerate(curated) if i in tells]
        curated = [text for i, text in enumerate(curated) if i not in tells]
    # "trained over 600 derivative models": "over 150" would be true as well, and "Fewer than 180
    # copies survive" is true of fewer than 50. Only the other side can be wrong (curated ones too).
    bound = bound_side(fact, span) if isinstance(value, QuantityValue) else None
    if bound and curated:
        curated = [text for text in curated if not on_true_side(parse_quantity(text), value.magnitude, bound)]
    for text in curated:
        if offer(text, "curated"):
            return chosen
    if fact.kind in ("cause", "definition") or value is None:
        for text in demoted:
            if offer(text, "curated"):
                break
        return chosen  # only a person can write wrong reasons or definitions worth reading
    if isinstance(value, EntityValue):
        # A key that is a bare surname ("the poet Lord Byron") gets surnames: a full name beside it
        # stands out, and swapped into the sentence it reads "Lord Luigi Menabrea".
        surnames_only = value.entity_class == "person" and len(answer.split()) == 1
        # "his daughter ______" (Linda): a first name, so other people's first names, not surnames
        given_only = surnames_only and span is not None and _KIN_BEFORE.search(fact.statement, 0, span[0]) is not None
        key_the = index.the_before.get(fact.id)
        # The words around the slot, in the question and in the statement (the false statement's):
        # a person whose surname is there already reads "Fleming, Florey and Howard Florey shared
        # the prize" or "Owens studied where the coach Jesse Owens trained him".
        around = stem + " " + (fact.statement[:span[0]] + " " + fact.statement[span[1]:] if span else "")
        # "proposed by President ______": only people the bank calls presidents fit the slot (not
        # "President Michael Collins", which any student rules out). A question that does not say
        # "President" may offer others; the false statement, which does, may not.
        person_slot = span is not None and value.entity_class == "person"
        role = role_before(fact.statement, span[0]) if person_slot else None
        role_in_stem = role is not None and (find_word(stem.casefold(), role) >= 0
                                             or find_word(stem.casefold(), role + "s") >= 0)
        # "______, Countess of Lovelace", "______ was killed when he was struck", "the Japanese
        # climber ______": a man, a woman, a Briton the bank knows as such is ruled out at a glance
        gender = slot_gender(fact.statement, span[0], span[1]) if person_slot else None
        nation = slot_nation(fact.statement, span[0], span[1]) if person_slot else None
        # "issued in ______, Egypt": a town the bank places elsewhere ("Dayton, Ohio" for "______,
        # Indiana") is ruled out at a glance; one it places nowhere may be a choice, but is swapped
        # into the sentence only if the bank places it there ("in Paris, Egypt" reads absurd)
        region = slot_region(fact.statement, span[0], span[1]) if span is not None and value.entity_class == "place" \
            else None
        place_region = _gazetteer_region(fact.statement, span[1], answer) if region is not None else None
        county_slot = place_region is not None and _holds_a_town(fact.statement, span[0])
        taken_parts = [name_parts(answer)]
        siblings = _entity_siblings(fact, value, index)
        # "the 100-year-old ______" (Rose) beside "Jack": a one-word name no one in the bank has as a
        # surname is a given name or a character's, and so are the wrong choices ("Cameron" and
        # "DiCaprio", surnames of the film's makers, a student rules out at a glance)
        bare_only = False
        given_names: set[str] = set()
        if surnames_only and not given_only:
            surnames = {surname(name).casefold() for name, _ in siblings if " " in name.strip()}
            given_names = ({name.split()[0].casefold() for name, _ in siblings if " " in name.strip()}
                           | {name.casefold() for name, _ in siblings if name.casefold() in GIVEN_NAMES}) - surnames
            bare = [name for name, _ in siblings if " " not in name.strip() and name.casefold() not in surnames
                    and name.casefold() != answer.casefold()]
            # ("Mrs ______" asks for a surname whatever the bank knows: not "Mrs Elizabeth")
            surname_slot = span is not None and _SURNAME_TITLE_BEFORE.search(fact.statement, 0, span[0]) is not None
            bare_only = answer.casefold() not in surnames and bool(bare) and not surname_slot
            if surname_slot:
                gender = None  # "Mrs ______" asks for a family name, which carries no sex ("Mrs Egerton")
        # "the island of ______", "the Roman towns of ______": only names the bank writes after the same
        # words (or, for towns, that the gazetteer knows) fit the slot ("the island of Paris" does not)
        slot_of = _SLOT_NOUN_OF.search(fact.statement, 0, span[0]) if span is not None and \
            value.entity_class == "place" else None
        # "a modified ______ rocket carried the satellite": only names the bank writes before the same
        # kind noun ("a modified Sputnik 1 rocket" is a satellite offered as a rocket)
        kind_after = _KIND_NOUN_AFTER.match(fact.statement, span[1]) if span is not None and \
            value.entity_class == "product" else None
        key_words = {w.casefold() for w in answer.split()}
        for name, owner in siblings:
            if bare_only and (" " in name.strip() or surname(name).casefold() in surnames):
                continue
            if slot_of and not _fits_slot_noun(name, slot_of.group(1), index):
                continue
            if kind_after and not _written_before_noun(name, kind_after.group(1), index):
                continue
            distinct = [w for w in name.split() if w.casefold() not in key_words]
            if value.entity_class != "person" and span is not None and distinct and \
                    any(w[:1].isupper() for w in distinct) and all(find_word(around, w) >= 0 for w in distinct):
                # "Hubble's successor, the Hubble Space Telescope, was launched": what sets the choice
                # apart from the key is printed in the sentence, as its own subject
                continue
            if surnames_only and not bare_only and name.casefold() in given_names:
                continue  # "Austen" among "Collins | Elizabeth | Jane": a first name beside surnames
            parts = name_parts(name)
            if any(part_of_name(parts, taken) for taken in taken_parts):
                # "Cas9" for "CRISPR-Cas9", "Germany" for "East Germany": not wrong enough; and beside
                # another wrong choice, one thing offered twice
                continue
            if key_the is not None and index.the_before.get(owner, key_the) != key_the:
                continue  # "the Pacific Ocean" in the slot of "created Gatun Lake", or the other way
            if value.entity_class == "person" and find_word(around, surname(name)) >= 0:
                continue
            if gender is not None and index.gender_of(name) not in (None, gender):
                continue
            if nation is not None and index.nations_of(name) and nation not in index.nations_of(name):
                continue
            fits = role is None or role in index.roles_of(name)
            if not fits and role_in_stem:
                continue
            if county_slot and town_in_region(name, place_region) is not None:
                continue  # a town (the gazetteer's) in the slot of "Folkestone in ______, England"
            if region is not None:
                regions = index.regions_of(name)
                if regions and region not in regions:
                    continue
                if not regions and "," in name:
                    continue  # "Washington, D.C." is placed by its own name, and not in Indiana
                if not regions and place_region is not None:
                    # the bank does not place it: the gazetteer may ("London" is no town of Germany)
                    where = town_in_region(name, place_region)
                    if where is False:
                        continue
                    regions = {region} if where else regions
                fits = fits and region in regions
            if given_only:
                if gender is not None and index.gender_of(name) != gender:
                    continue  # a first name says the sex at a glance: "his daughter Earl" is no choice
                first = name.split()[0]
                if " " not in name.strip() or len(first.rstrip(".")) < 2 or find_word(around, first) >= 0:
                    continue  # a bare name, an initial, or a first name the sentence already prints
                name = first
            elif surnames_only:
                name = surname(name)
            elif value.entity_class == "person" and " " not in name.strip():
                continue  # "Byron" among "Charles Babbage" and "Luigi Menabrea": the odd one out
            if offer(name, "sibling", owner, fits_statement=fits):
                return chosen
            if chosen and chosen[-1].text == name:
                taken_parts.append(parts)
        if place_region is not None and not county_slot:
            # Too few towns of the bank fit "______, Germany": other towns of Germany, of about the
            # key's size, that the article does not name (one it names might be true as well)
            statements = [normalize_text(s) for s in index.statements.values()]
            named = lambda town: any(word_in(town, s) for s in statements)  # noqa: E731
            for town in towns_like(answer, place_region, wanted, avoid=named):
                if offer(town, "perturbation"):
                    return chosen
        return chosen
    target_below = key_position_target(fact.id, wanted, index)
    if isinstance(value, DateValue):
        style = date_style(answer, value)
        key_start, key_end = date_interval(value)
        latest = max(key_end, written or (0, 0, 0))

        def date_position(text: str) -> Optional[tuple]:
            parsed = parse_date(text)
            return None if parsed is None else _date_ordinal(make_date(*parsed[1], qualifier=parsed[2]))

        key_ordinal = _date_ordinal(value)
        # A key the article could report (not after its date) gets no bank date after the article
        # either: "Meta held 50 percent of the market in 2026" in a 2024 article is a forecast's year,
        # which a student rules out for a past event. (`latest` is a whole day, so comparing a date's
        # parts, 0 for a missing month or day, says whether it starts after it.)
        reportable = written is not None and key_start <= written
        # "from June 12 to ______": the end of a range comes after its start (and the start before its
        # end); "from June 12 to June 12, 2014" is no range
        after_start, before_end = _range_bounds(fact.statement, span, value) if span else (None, None)
        if span:
            # "A British attempt in 1881 was stopped in ______": a wrong year stays on the key's side
            # of every other year of the sentence (1880 any student rules out)
            after_start, before_end = _tighter_date_bounds(after_start, before_end,
                                                           *_sentence_year_bounds(fact.statement, span, value))

        def in_range(d: DateValue) -> bool:
            return (after_start is None or d.parts > after_start) and (before_end is None or d.parts < before_end)

        every = 4 if value.precision == "year" and not value.qualifier and _QUADRENNIAL.search(fact.statement) else 1
        siblings = [(format_date(d, style), _date_ordinal(d), "sibling", owner)
                    for d, owner in _date_siblings(value, index)[:SIBLINGS_LOOKED_AT]
                    if not _same_day_family(d, value) and not (reportable and d.parts > latest) and in_range(d)
                    and (d.parts[0] - value.parts[0]) % every == 0]

        def invented_dates() -> tuple[list, list]:
            before, after = date_candidates(value, stable_hash(fact.id), every)
            # A key after the article's date is a plan or a forecast ("moving into 2025"): a later
            # date is as reportable as the key, and refusing every one makes the key the latest choice.
            if written and key_start <= written:
                # (a decade or century must be over by then: "for most of the 21st century" in 2026)
                reach = 1 if value.is_span else 0
                before = [d for d in before if date_interval(d)[reach] <= latest]
                after = [d for d in after if date_interval(d)[reach] <= latest]
            if after_start is not None or before_end is not None:
                before = [d for d in before if in_range(d)]
                after = [d for d in after if in_range(d)]
            return ([(format_date(d, style), _date_ordinal(d), "perturbation", "") for d in before],
                    [(format_date(d, style), _date_ordinal(d), "perturbation", "") for d in after])

        invented = invented_dates
        if value.qualifier and not any(parse_date(d.text) and parse_date(d.text)[2] == value.qualifier for d in chosen):
            # "late 2023 | early 2024 | mid-2024 | late 2024": only the key says "mid-". One distractor
            # shares the key's qualifier (the nearest year with it that the article could report).
            same = [c for c in siblings if parse_date(c[0]) and parse_date(c[0])[2] == value.qualifier and acceptable(c[0])]
            if not same:
                made = invented_dates()
                invented = lambda: made  # noqa: E731 (computed once here already)
                same = [c for c in made[0] + made[1]
                        if parse_date(c[0]) and parse_date(c[0])[2] == value.qualifier and acceptable(c[0])]
            same.sort(key=lambda c: abs(c[1][0] - key_ordinal[0]))
            if same and offer(same[0][0], same[0][2], same[0][3]):
                return chosen
        _fill_balanced(chosen, wanted, key_ordinal, target_below, siblings, invented, date_position, offer, acceptable)
        return chosen
    if isinstance(value, QuantityValue):
        style = quantity_style(answer, value)
        if style is None:
            for text in demoted:
                if offer(text, "curated"):
                    break
            return chosen
        from quizgen.generate.values import format_quantity

        # An age ("a 43-year-old police constable", "at the age of 17") stays near the key: "a
        # 99-year-old police constable" or "an 8-year-old bricklayer" any student rules out.
        low, high = AGE_BAND if span and _is_age(fact.statement, span) else (0.0, float("inf"))
        # (and no one lives to be 140: "the ______-year-old Rose" (100) gets no 120 or 140)
        oldest = MAX_AGE if high != float("inf") else float("inf")

        # "Around 70,000 of the city's ______ inhabitants": the whole is more than its part (and "______
        # of its 80,000 inhabitants" less than the whole)
        floor, ceiling = _partitive_bounds(fact.statement, span, value.magnitude) if span else (None, None)
        # "Eleven workers were killed, and ______ others were injured": not 11, a number the sentence
        # already gives to something else
        written_numbers: frozenset = frozenset()
        if span:
            # "received ______ nominations and won 11 Oscars": a wrong number stays on the key's side of
            # every other number of its sort in the sentence ("9 nominations and won 11" is no choice)
            below, above, written_numbers = _sentence_numbers(fact.statement, span, answer, value.magnitude)
            floor = below if floor is None else floor if below is None else max(floor, below)
            ceiling = above if ceiling is None else ceiling if above is None else min(ceiling, above)
        # "an earthquake of magnitude ______" (9.0): a logarithmic scale, on which no quake has passed
        # 9.5; wrong choices step by tenths, not by ratios ("12.6 | 20.7")
        seismic = span is not None and _is_magnitude(fact.statement, span)
        if seismic:
            ceiling = MAX_MAGNITUDE if ceiling is None else min(ceiling, MAX_MAGNITUDE)
        below_zero = _below_absolute_zero(fact.statement, span, value.unit) if span else None
        if below_zero is not None:
            # "at minus ______ degrees Celsius": not minus 311, colder than anything can be
            ceiling = below_zero if ceiling is None else min(ceiling, below_zero)
        if bound == "lower":  # (see `bound` above)
            floor = value.magnitude if floor is None else max(floor, value.magnitude)
        elif bound == "upper":
            ceiling = value.magnitude if ceiling is None else min(ceiling, value.magnitude)

        def plausible(magnitude: float) -> bool:
            if (floor is not None and magnitude <= floor) or (ceiling is not None and magnitude >= ceiling):
                return False
            if magnitude in written_numbers:
                return False
            if magnitude > oldest:
                return False
            return low <= magnitude / value.magnitude <= high if value.magnitude > 0 else True

        siblings = []
        for magnitude, owner in _quantity_siblings(value, index)[:SIBLINGS_LOOKED_AT]:
            text = format_quantity(magnitude, style)
            if text is not None and not is_derived_number(magnitude, value.magnitude) \
                    and not _zero_ending_tell(text, answer) and plausible(magnitude):
                siblings.append((text, magnitude, "sibling", owner))
        def invented_numbers() -> tuple[list, list]:
            if seismic:
                return _magnitude_steps(value.magnitude, style, plausible)
            below, above = quantity_candidates(value, answer, style)
            return ([(text, m, "perturbation", "") for m, text in below if plausible(m)],
                    [(text, m, "perturbation", "") for m, text in above if plausible(m)])

        _fill_balanced(chosen, wanted, value.magnitude, target_below, siblings, invented_numbers, parse_quantity,
                       offer, acceptable)
        for text in demoted:
            if len(chosen) >= wanted or offer(text, "curated"):
                break
    return chosen


# How far below zero a temperature can go on each scale (absolute zero), by the unit's last word
_ABSOLUTE_ZERO = {"celsius": 273.15, "c": 273.15, "fahrenheit": 459.67, "f": 459.67}


def _below_absolute_zero(statement: str, span: tuple[int, int], unit: Optional[str]) -> Optional[float]:
    """The largest number a temperature written after "minus" can take: 273.15 in degrees Celsius."""
    if not re.search(r"(?:\bminus\s+|[-\u2212])$", statement[: span[0]]):
        return None
    # the unit, or the words after the number where the unit holds only "degrees"
    scale = re.match(r"\s*(?:°\s*([CF])\b|(?:degrees?\s+)?(Celsius|Fahrenheit)\b)", statement[span[1]:])
    words = re.findall(r"[a-z]+", (unit or "").casefold())
    name = (scale.group(1) or scale.group(2)).casefold() if scale else words[-1] if words else ""
    return _ABSOLUTE_ZERO.get(name)


def _fill_balanced(chosen: list[Distractor], wanted: int, key_position, target_below: int, preferred: list,
                   make_invented, position_of, offer, acceptable) -> None:
    """Take distractors so that `target_below` of the `wanted` lie below the key (the rest above):
    bank siblings first (nearest first) where their side has room, then invented values of the side
    that still needs them; if a side runs out, anything acceptable. Candidates: (text, position,
    origin, owner); `make_invented()` gives the invented ones (below, above), made only if needed."""
    if len(chosen) >= wanted:
        return
    below_now = 0
    for d in chosen:
        where = position_of(d.text)
        if where is not None and where < key_position:
            below_now += 1
    remaining = wanted - len(chosen)
    room = {True: min(remaining, max(0, target_below - below_now))}
    room[False] = remaining - room[True]
    for text, position, origin, owner in preferred:
        side = position < key_position
        if room[side] > 0 and acceptable(text):
            room[side] -= 1
            if offer(text, origin, owner, checked=True):
                return
    invented = make_invented()
    for side, candidates in ((True, invented[0]), (False, invented[1])):
        for text, _, origin, owner in candidates:
            if room[side] <= 0:
                break
            if acceptable(text):
                room[side] -= 1
                if offer(text, origin, owner, checked=True):
                    return
    # a side ran short (a count of 2 has nothing below it): fill from wherever is left
    rest = list(preferred)
    for i in range(max(len(invented[0]), len(invented[1]))):
        rest += invented[0][i:i + 1] + invented[1][i:i + 1]
    for text, _, origin, owner in rest:
        if offer(text, origin, owner):
            return


_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+$")

_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


@per_run
def name_parts(name: str) -> tuple[str, ...]:
    """The words of a name, case-folded, split at spaces, hyphens and commas, without "the"
    ("CRISPR-Cas9" -> ("crispr", "cas9"), "Llama 3.1" -> ("llama", "3.1"))."""
    return tuple(w for w in re.split(r"[\s,\-\u2013]+", name.casefold()) if w and w != "the")


def part_of_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one name is the start or the end of the other ("Cas9" of "CRISPR-Cas9", "Washington"
    of "Washington, D.C."): it names part of the same thing, or the thing itself, so it is not a
    clearly wrong choice. Not "Llama 3" in "Llama Guard 3", which are two products."""
    if not a or not b or (a[0] != b[0] and a[-1] != b[-1]):
        return False  # most pairs: neither the first nor the last words agree
    if len(a) > len(b):
        a, b = b, a
    return b[:len(a)] == a or b[-len(a):] == a


def printed_answer(text_normalized: str, answer: str, accepted: Iterable[str] = ()) -> Optional[str]:
    """The first of the answer and its accepted variants printed as whole words in an already
    normalised text, or None (lint's answer-leak, and generation's check before a false statement)."""
    for text in (answer, *accepted):
        if len(normalized(text)) >= 2 and word_in(text, text_normalized):
            return text
    return None


def bare_surname_in(text: str, name: str) -> Optional[str]:
    """A person's surname printed alone in `text` ("..., and Scott and his four companions died"),
    not as part of another full name ("Pierre Curie" beside a key "Marie Curie"); else None."""
    last = surname(name)
    if " " not in name.strip() or last == name.split()[0] or len(last) < 3 or not last[:1].isupper():
        return None
    for match in re.finditer(rf"(?<![\w'-]){re.escape(last)}(?![\w'-])", text):
        before = re.search(r"(\S+)\s+$", text[: match.start()])
        after = re.match(r"\s+([A-Z])", text[match.end():])
        if (before is None or not before.group(1)[:1].isupper() or before.group(1).endswith(".")) and not after:
            return last
    return None


def surname(name: str) -> str:
    """The last word of a person's name, less a suffix: "Luigi Menabrea" -> "Menabrea",
    "Martin Luther King Jr." -> "King"."""
    words = name.split()
    if "of" in words[1:]:
        return words[0]  # "Victoria of Saxe-Coburg-Saalfeld": a name and a house, no surname
    while len(words) > 1 and words[-1].casefold() in _NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else name


MAX_MAGNITUDE = 9.6  # above the largest earthquake recorded (9.5, Chile 1960)
_MAGNITUDE_BEFORE = re.compile(r"\b(?:magnitude|moment magnitude|Richter scale of)\s+(?:of\s+)?$", re.I)
_MAGNITUDE_AFTER = re.compile(r"(?:-|\s+)magnitude\b|\s+on\s+the\s+Richter\s+scale\b", re.I)
_MAGNITUDE_STEPS = (0.3, 0.6, 0.9, 1.2, 1.5, 2.0)


def _is_magnitude(statement: str, span: tuple[int, int]) -> bool:
    """Whether the number at `span` is an earthquake's magnitude ("of magnitude 9.0", "a 7.8-magnitude")."""
    return bool(_MAGNITUDE_BEFORE.search(statement, 0, span[0]) or _MAGNITUDE_AFTER.match(statement, span[1]))


def _magnitude_steps(key: float, style, plausible) -> tuple[list, list]:
    """Magnitudes a few tenths below and above the key, written like it (one decimal for "9.0")."""
    from quizgen.generate.values import format_quantity

    sides: tuple[list, list] = ([], [])
    for step in _MAGNITUDE_STEPS:
        for side, number in ((0, key - step), (1, key + step)):
            number = round(number, 6)
            text = format_quantity(number, style) if number > 0 else None
            if text is not None and plausible(number):
                sides[side].append((text, number, "perturbation", ""))
    return sides


AGE_BAND = (0.7, 1.5)  # an age's distractors lie within these ratios of the key
MAX_AGE = 115  # ... and below the oldest a person has lived (122)
_AGE_AFTER = re.compile(r"[- ]years?[- ]old\b|\s+years\s+of\s+age\b")
_AGE_BEFORE = re.compile(r"(?:\bage of|\baged)\s+$")


def _is_age(statement: str, span: tuple[int, int]) -> bool:
    """Whether the number at `span` is someone's age ("a 43-year-old", "at the age of 17")."""
    return bool(_AGE_AFTER.match(statement, span[1]) or _AGE_BEFORE.search(statement, 0, span[0]))


_YEAR_IN_TEXT = re.compile(r"\b\d{4}\b")
_RANGE_START_BEFORE = re.compile(r"\bfrom\s+(?P<date>[A-Z]?[\w ,.-]{3,30}?)\s+(?:to|until|through)\s+$")
_RANGE_END_AFTER = re.compile(r"\s+(?:to|until|through)\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?|"
                              r"[A-Z][a-z]+\s+\d{4}|\d{4})\b")


def _range_bounds(statement: str, span: tuple[int, int], key: DateValue
                  ) -> tuple[Optional[tuple[int, int, int]], Optional[tuple[int, int, int]]]:
    """The other end of a date range the key is one end of, as date parts: ("from June 12 to ______"
    -> (start, None); "from ______ to July 13, 2014" -> (None, end)). A bare "June 12" takes the
    key's year. Two dates joined by "and" are in time order too: "In ______ and 2003" (the key comes
    first), "between 1998 and ______"."""
    def parts(text: str) -> Optional[tuple[int, int, int]]:
        parsed = parse_date(text) or (parse_date(f"{text}, {key.parts[0]}") if not _YEAR_IN_TEXT.search(text) else None)
        return parsed[1] if parsed else None

    start = _RANGE_START_BEFORE.search(statement, 0, span[0]) or _PAIR_START_BEFORE.search(statement, 0, span[0])
    if start:
        return parts(start.group("date")), None
    if statement[: span[0]].rstrip().endswith(("from", "From")):
        end = _RANGE_END_AFTER.match(statement, span[1])
        if end:
            return None, parts(end.group("date"))
    if _PAIR_LEAD.search(statement, 0, span[0]):
        end = _PAIR_END_AFTER.match(statement, span[1])
        if end:
            return None, parts(end.group("date"))
    edge = _EDGE_BEFORE.search(statement, 0, span[0])
    if edge:
        # "By 1500 presses had produced 20 million books", "Since 2003 Egypt has asked": true of any
        # later date too, so only earlier dates are wrong; "stood until 1989", "after 1945": the other way
        earlier_wrong = edge.group(1).lower() in ("by", "since", "before")
        if _NEGATION.search(statement, max(0, edge.start() - 40), edge.start()):
            earlier_wrong = not earlier_wrong  # "did not expect to release it before 2026": later dates are wrong
        return (None, key.parts) if earlier_wrong else (key.parts, None)
    return None, None


_NEGATION = re.compile(r"\b(?:not|never|no)\b|n['\u2019]t\b", re.I)

# A year or a decade written in a sentence ("in 1881", "since the 1980s", "in December 1953"), not
# part of a longer number.
_MONTH_NUMBERS = {name: i for i, name in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"), start=1)}
_YEAR_OR_DECADE = re.compile(r"(?<![\d,.$£€])\b(1[0-9]{3}|20[0-9]{2})(s)?\b(?![,.]\d)")
_MONTH_OF_YEAR = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                            r"December)\s+(?:\d{1,2},?\s+)?$")


def _sentence_year_bounds(statement: str, span: tuple[int, int], key: DateValue
                          ) -> tuple[Optional[tuple[int, int, int]], Optional[tuple[int, int, int]]]:
    """The latest date of the sentence before the key and the earliest after it, as date-part bounds
    (to the month where the sentence writes one; outside the key's span; a date that overlaps the key
    bounds nothing)."""
    first, last = date_interval(key)
    after_start = before_end = None
    for match in _YEAR_OR_DECADE.finditer(statement):
        if match.start() < span[1] and match.end() > span[0]:
            continue
        year = int(match.group(1))
        month_name = _MONTH_OF_YEAR.search(statement, max(0, match.start() - 20), match.start())
        month = _MONTH_NUMBERS[month_name.group(1)] if month_name and not match.group(2) else 0
        end_year = year + 9 if match.group(2) and year % 10 == 0 else year
        if (end_year, month or 12, 31) < first:
            bound = (end_year, month or 13, 32)  # after every date of that month or year
            after_start = bound if after_start is None else max(after_start, bound)
        elif (year, month or 1, 1) > last:
            bound = (year, month, 0)  # before every date of that month or year
            before_end = bound if before_end is None else min(before_end, bound)
    return after_start, before_end


def _tighter_date_bounds(after_a, before_a, after_b, before_b):
    """Both pairs of (after, before) bounds at once: the later lower bound, the earlier upper one."""
    after = after_a if after_b is None else after_b if after_a is None else max(after_a, after_b)
    before = before_a if before_b is None else before_b if before_a is None else min(before_a, before_b)
    return after, before


# A number in a sentence with what tells its sort: a currency sign before it, "percent", a scale and a
# unit after it.
_NUMBER_WITH_SORT = re.compile(r"(?P<cur>[$£€])?(?<![\w.,])(?P<n>\d[\d,]*(?:\.\d+)?)(?![\d,.]*\d)"
                               r"(?P<ord>st|nd|rd|th)?\b(?:\s*(?P<pct>%|percent\b))?"
                               r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?(?:[\s-]+(?P<unit>[A-Za-z]+))?")
# Units of measure: a number in one compares only with a number in the same unit ("1,123 millimetres
# high and 757 millimetres wide" says nothing of "weighs 760 kilograms"). Counts of things compare
# freely: "received 14 nominations and won 11 Oscars".
_MEASURES = frozenset("""
mm millimetre millimeter cm centimetre centimeter m metre meter km kilometre kilometer mile ft foot feet inch
in yard g gram kg kilogram tonne ton pound lb ounce oz litre liter gallon second minute hour day week month year
mph degree acre hectare square cubic watt kilowatt megawatt volt calorie knot
""".split())
_MONTH_BEFORE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$")


def _measure(unit: Optional[str]) -> str:
    """The unit of measure a word names ("metres" -> "metre"), or "" for a count's noun."""
    if not unit:
        return ""
    word = unit.casefold()
    for form in (word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word):
        if form in _MEASURES:
            return form
    return ""


_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I)


def _sentence_numbers(statement: str, span: tuple[int, int], answer: str, key: float
                      ) -> tuple[Optional[float], Optional[float], frozenset]:
    """What the sentence's other numbers say of the key's wrong choices, in one pass over them:
    - the largest number of the key's sort (the same currency, a percentage or not, the same unit of
      measure) written below the key, and the smallest above it; years, ordinals ("70th"), days of a
      month and numbers in brackets (a conversion: "(26 ft 8 in)") are left out;
    - every number written outside the key's span, in figures or in words ("Eleven")."""
    own = _NUMBER_WITH_SORT.search(answer)
    at_key = _NUMBER_WITH_SORT.match(statement, span[0])
    key_unit = _measure(own.group("unit") or (at_key and at_key.group("unit"))) if own else ""
    sort = (own.group("cur") or "", bool(own.group("pct"))) if own else None
    floor = ceiling = None
    written: set[float] = set()
    for match in _NUMBER_WITH_SORT.finditer(statement):
        if match.start() < span[1] and match.end() > span[0]:
            continue
        digits = match.group("n")
        number = parse_quantity(digits + (" " + match.group("scale") if match.group("scale") else ""))
        if number is not None:
            written.add(number)
        if own is None or match.group("ord") or ((match.group("cur") or ""), bool(match.group("pct"))) != sort:
            continue
        if not match.group("cur") and _YEAR_OR_DECADE.fullmatch(digits) and not _YEAR_OR_DECADE.fullmatch(own.group("n")):
            continue  # "in 1998" beside "14 nominations"
        if _MONTH_BEFORE.search(statement, 0, match.start()) or statement.count("(", 0, match.start()) > \
                statement.count(")", 0, match.start()):
            continue
        unit = _measure(match.group("unit"))
        if (match.group("unit") or "").lower() in ("by", "x", "to", "and", "or") and 0 <= span[0] - match.end() <= 4:
            unit = key_unit  # "73.7 by ______ centimetres": the key's unit is the other number's too
        if unit != key_unit and (key_unit or unit):
            continue
        if number is None or number == key:
            continue
        if number < key:
            floor = number if floor is None else max(floor, number)
        else:
            ceiling = number if ceiling is None else min(ceiling, number)
    for match in _NUMBER_WORD.finditer(statement):
        if not (match.start() < span[1] and match.end() > span[0]):
            written.add(float(NUMBER_WORDS[match.group(0).casefold()]))
    return floor, ceiling, frozenset(written)
# ("by the 7th century", "since the 1980s": a century or decade answer leaves "the" in the sentence)
_EDGE_BEFORE = re.compile(r"(?:^|[\s,(])(by|since|before|until|till|after)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?$",
                          re.I)


# "in 2002 and ______", "between 1998 and ______"; "In ______ and 2003"
_PAIR_START_BEFORE = re.compile(r"\b(?:[Ii]n|[Bb]etween)\s+(?P<date>(?:[A-Z][a-z]+\s+)?\d{4})\s+and\s+$")
_PAIR_LEAD = re.compile(r"\b(?:[Ii]n|[Bb]etween)\s+$")
_PAIR_END_AFTER = re.compile(r"\s+and\s+(?P<date>(?:[A-Z][a-z]+\s+)?\d{4})\b")


_SLOT_NOUN_OF = re.compile(r"\bthe\s+(?:[A-Z][a-z]+\s+)?(island|islands|town|towns|city|cities|port|village|river|lake)\s+of"
                           r"\s+(?:[A-Z][\w'-]*\s+)*?(?:and\s+)?$")


def _fits_slot_noun(name: str, noun: str, index: BankIndex) -> bool:
    """Whether a place fits "the <noun> of ______": the bank writes it after the same noun, or (for a
    town or city) the gazetteer knows it as a town."""
    singular = noun[:-3] + "y" if noun.endswith("ies") else noun.rstrip("s")
    pattern = re.compile(rf"\b(?:{re.escape(singular)}|{re.escape(noun)})\s+of\s+(?:the\s+)?{re.escape(name)}\b")
    if any(pattern.search(statement) for statement in index.statements.values()):
        return True
    if singular in ("town", "city", "port", "village"):
        from quizgen.generate.places import is_town

        return is_town(name)
    return False


# Nouns that say what kind of made thing a name before them is ("the R-7 rocket", "the Wii console")
_KIND_NOUN_AFTER = re.compile(r"\s+(rocket|satellite|spacecraft|probe|ship|submarine|aircraft|airliner|plane|jet|car|"
                              r"locomotive|engine|console|telescope|missile|tank|computer|reactor)s?\b")


def _written_before_noun(name: str, noun: str, index: BankIndex) -> bool:
    """Whether the bank writes `name` right before `noun` (or its plural) somewhere."""
    pattern = re.compile(rf"\b{re.escape(name)}\s+{re.escape(noun)}s?\b")
    return any(pattern.search(statement) for statement in index.statements.values())


_SURNAME_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Professor|Prof)\.?\s+$")
_KIN_BEFORE = re.compile(r"\b(?:daughter|son|wife|husband|brother|sister|mother|father|child|children|"
                         r"grandson|granddaughter|nephew|niece|cousin|uncle|aunt)\s+$")


def bound_side(fact: Fact, span: Optional[tuple[int, int]]) -> Optional[str]:
    """"lower" when a quantity is a lower bound ("over ______", "more than", "at least"), "upper" for an
    upper bound ("fewer than", "less than", "under", "up to", "at most"), else None: from the value's
    qualifier or the words before the number."""
    qualifier = (getattr(fact.value, "qualifier", None) or "").casefold()
    if qualifier in _LOWER_BOUNDS:
        return "lower"
    if qualifier in _UPPER_BOUNDS:
        return "upper"
    match = _BOUND_BEFORE.search(fact.statement, 0, span[0]) if span else None
    if not match:
        return None
    return "lower" if match.group("lower") else "upper"


def on_true_side(number: Optional[float], key: float, side: str) -> bool:
    """Whether a number would make the bound true as well: "over 150" of over 600, "fewer than 180" of
    fewer than 50 (the key itself aside)."""
    if number is None or number == key:
        return False
    return number < key if side == "lower" else number > key


_LOWER_BOUNDS = {"over", "more than", "at least", "above", "in excess of", "upwards of", "just over"}
_UPPER_BOUNDS = {"fewer than", "less than", "under", "below", "up to", "at most", "no more than", "just under"}


_BOUND_BEFORE = re.compile(r"(?:\b(?P<lower>more than|over|at least|above|in excess of|upwards of)|"
                           r"\b(?P<upper>fewer than|less than|under|below|up to|at most|no more than))\s+$", re.I)


def _partitive_bounds(statement: str, span: tuple[int, int], key: float) -> tuple[Optional[float], Optional[float]]:
    """The part and the whole around a number: "70,000 of the city's ______ inhabitants" -> (70000,
    None), the whole is more; "______ of its 80,000 inhabitants" -> (None, 80000)."""
    part = _PART_BEFORE.search(statement, 0, span[0])
    if part:
        number = parse_quantity(part.group("n"))
        if number is not None and number < key:
            return number, None
    whole = _WHOLE_AFTER.match(statement, span[1])
    if whole:
        number = parse_quantity(whole.group("n"))
        if number is not None and number > key:
            return None, number
    return None, None


_PART_BEFORE = re.compile(r"(?P<n>\d[\d,.]*(?:\s+(?:thousand|million|billion))?)\s+of\s+"
                          r"(?:the|its|their|his|her|[\w'’]+['’]s)(?:\s+[\w'’]+['’]s)?\s+$")
_WHOLE_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+of\s+(?:the|its|their|his|her|[\w'’]+['’]s)(?:\s+[\w'’]+['’]s)?\s+"
                          r"(?P<n>\d[\d,.]*(?:\s+(?:thousand|million|billion))?)\b")


def _same_day_family(other: DateValue, key: DateValue) -> bool:
    """A bank date on the key's day number in another month (both day-precise)."""
    return (key.precision == "day" and other.precision == "day" and other.parts[2] == key.parts[2]
            and other.parts != key.parts)


_DECIMAL_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _zero_ending_tell(text: str, answer: str) -> bool:
    """A sibling written "100.0 million" beside a key "118.7 million": the padded zero marks it."""
    number = _DECIMAL_NUMBER.search(text)
    key = _DECIMAL_NUMBER.search(answer)
    if not number or not key or "." not in key.group(0):
        return False
    return number.group(0).endswith("0") and not key.group(0).endswith("0")


def _entity_siblings(fact: Fact, value: EntityValue, index: BankIndex) -> list[tuple[str, str]]:
    """Names of the same class and sort, closest in length to the answer first (no length tell),
    with a per-fact stable tie-break so that different questions get different distractors."""
    names = index.entities.get((value.entity_class, name_sort(fact.answer.strip(), value.entity_class)), [])
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
    limit = {"day": 8, "month": 12, "year": 48, "decade": 12 * 40, "century": 12 * 400}[value.precision]
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
