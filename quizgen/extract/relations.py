"""Candidate facts of one sentence: dates, quantities, attributions, quotes, causes, definitions, events.

Each candidate carries a statement (the source clause, with "this release", "the company", "He" and a
leading "it" replaced by their antecedents so it reads on its own), the answer span in it, its typed
value, a confidence and a note for the reviewer. Nothing here decides what is kept: see ranking.py.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Optional

from quizgen.extract import rx
from quizgen.extract.dates import DateMention, find_dates, format_date
from quizgen.extract.entities import Entity, EntityIndex, Mention, is_country
from quizgen.extract.quantities import QuantityMention, find_quantities
from quizgen.model import DateValue, EntityValue, QuantityValue
from quizgen.names import first_name_gender
from quizgen.generate.distractors import bare_surname_in
from quizgen.generate.text import first_clause

CLASS_WORDS = {
    "publication": "publication", "organisation": "organisation", "product": "product", "place": "place",
    "project": "project", "event": "event", "concept": "term",
}
SAY_VERBS = (
    "reported|reports|noted|notes|highlighted|highlights|said|says|wrote|writes|argued|argues|contended|contends|"
    "claimed|claims|stated|states|explained|explains|observed|observes|warned|warns|described|describes|"
    "announced|announces|suggested|suggests|believes|believed|told|predicted|predicts|found"
)
_SAY_THAT = re.compile(rf"^(?P<verb>{SAY_VERBS})\s+(?:that\s+)?")
_QUOTE_CHARS = "\"\u201c\u201d"
_LEADING_CONNECTIVE = re.compile(
    r"^(?:However|Moreover|Meanwhile|Indeed|Still|Instead|Also|Furthermore|Nevertheless|In addition|"
    r"As a result|Therefore|Thus|Then|Yet),\s+"
)
_CATENATIVE = {
    "began", "begin", "begins", "continue", "continued", "continues", "want", "wanted", "wants", "tried",
    "try", "need", "needed", "going", "used", "able", "has", "have", "had", "likely", "about", "seem", "seems",
    "seemed", "appear", "appeared", "decided", "agreed", "plan", "planned", "hope", "hoped", "expected",
    "refused", "failed", "managed", "is", "are", "was", "were", "be", "compared", "according", "due",
    "similar", "up", "next", "close", "order", "prior", "from", "back", "way", "ought", "wish", "chose",
    "chosen", "started", "start", "intended", "intends", "tends", "tend", "set", "went", "came", "how",
    "what", "where", "whether", "than", "not", "ready", "willing", "unable", "sure", "first", "last",
    "allowed", "forced", "permitted", "required", "promised", "asked", "told", "invited", "encouraged",
    "allowing", "promising", "threatened", "offered", "trying", "hard",
}
_NOT_VERB_AFTER_TO = {
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "be", "date", "and", "or", "one", "two", "three", "it", "them", "him", "us", "me", "all", "each", "every",
    "some", "any", "such", "more", "most", "less", "other", "another", "both", "which", "whom", "what",
    # "sentenced to ten years": a number after "to" is an amount, never a purpose
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "fifty",
    "hundred", "thousand", "million", "several", "many", "life",
}


@dataclass
class SentenceInfo:
    """A sentence with what the article around it tells about it."""

    text: str
    position: int  # index of the sentence in the whole article
    block_index: int
    headings: tuple[str, ...]
    heading_date: Optional[DateMention]
    context_year: Optional[int]
    # the last date the article wrote in full before this sentence, (year, month, day; 0 = not given)
    context_date: Optional[tuple[int, int, int]] = None
    mentions: list[tuple[Mention, Entity]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    subject: Optional[tuple[Mention, Entity]] = None  # the entity the sentence opens with, if any
    subject_np: Optional[str] = None  # "The Switch", "The Berlin Wall": the opening noun phrase


@dataclass
class Candidate:
    """A proposed fact before ranking."""

    kind: str
    statement: str
    answer: str
    value: Optional[object]
    quote: str
    position: int
    answer_span: tuple[int, int]  # span of the answer in the source sentence (for overlaps)
    confidence: float
    reason: str
    prompt: Optional[str] = None
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


# "Edson Arantes do Nascimento, known as Pelé, was ...": the name an article's first sentence says its
# person goes by (and then uses)
PERSON_KNOWN_AS = re.compile(r"^[^,]{3,60},\s+(?:better\s+|also\s+|commonly\s+)?known\s+as\s+"
                      r"([A-Z\u00c0-\u00de][\w'\u2019.-]*(?:\s+[A-Z\u00c0-\u00de][\w'\u2019.-]*){0,2}),")


class Antecedents:
    """What "this release", "the company", "he" and "it" refer to: the nearest earlier fitting mention."""

    def __init__(self) -> None:
        self.history: list[tuple[int, Mention, Entity]] = []
        self.subjects: list[tuple[int, str]] = []
        # What the article is about: the subject of its first sentence ("The Berlin Wall was ...").
        # A bare "it" with no subject just before usually means the topic in encyclopedic text.
        self.topic: Optional[str] = None
        self.topic_is_person = False
        self.topic_person: Optional[str] = None
        # (the topic's entity name and the name it is "known as", which the article goes on to use)
        self.topic_alias: Optional[tuple[str, str]] = None
        # People who were the subject of a sentence ("Owens, who had smoked ..., died"), with a
        # sentence opening "He"/"She" carrying the last one on: "he"/"his" means the person the text
        # is about, not whoever was named last ("Gerald Ford awarded him ... In 1990 he was ...").
        self.person_subjects: list[tuple[int, str]] = []
        # "Apollo 11 was the American spaceflight ...": later "The spaceflight" means the topic.
        self.topic_head: Optional[str] = None
        # Names by their last word ("canal" -> "the Panama Canal"), for "The canal ..." later on.
        self.named_heads: list[tuple[int, str, str]] = []
        self.last_text: tuple[int, str] = (-1, "")
        # "Edmund Hillary ... and ... Tenzing Norgay reached ...": later "They" / "The pair".
        self.pairs: dict[int, str] = {}
        # People the article introduces as a relative ("Their father, Milton Wright,"): never the
        # person the text is about under another name, though they share a surname.
        self.relatives: set[str] = set()
        # What the article says of a person's sex: "Her father, Richard Williams," is a man, and "She
        # turned professional" cannot mean him.
        self.genders: dict[str, str] = {}
        # Resolved clauses of the current sentences: several candidates share one clause.
        self.resolved: dict[tuple[int, str], tuple[Optional[str], list[str]]] = {}

    def record(self, info: SentenceInfo) -> None:
        for mention, entity in info.mentions:
            if " " in mention.text and mention.text.split()[-1][:1].isupper():
                lead = "the " if info.text[max(0, mention.start - 4): mention.start].lower() == "the " else ""
                self.named_heads.append((info.position, mention.text.split()[-1].lower(), lead + entity.name))
        self.last_text = (info.position, info.text)
        if info.position - 1 in self.pairs and rx.match(r"^(?:They|The (?:pair|two|duo|couple))\b", info.text):
            self.pairs[info.position] = self.pairs[info.position - 1]  # still the same two
        if info.subject and info.subject[1].entity_class == "person":
            first = info.subject[0]
            for mention, entity in info.mentions:
                if mention.start > first.end and entity.entity_class == "person" and entity is not info.subject[1] \
                        and rx.fullmatch(r"(?:\s+of\s+[A-Z][\w ]*?)?\s+and\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,3}",
                                         info.text[first.end: mention.start]):
                    self.pairs[info.position] = f"{info.subject[1].name} and {entity.name}"
                    break
        if info.position == 0 and info.subject_np:
            self.topic = info.subject_np
            self.topic_is_person = bool(info.subject and info.subject[1].entity_class == "person")
            if self.topic_is_person and info.subject:
                self.topic_person = info.subject[1].name
                # "Edson Arantes do Nascimento, known as Pelé, was ...": "he" is then "Pelé", the name
                # the article goes on to use
                known = PERSON_KNOWN_AS.match(info.text)
                if known:
                    self.topic_alias = (self.topic_person, known.group(1))
                    self.topic_person = known.group(1)
            if info.position in self.pairs:
                # "Orville and Wilbur Wright were two American brothers": the topic is the two of
                # them ("The brothers studied ..."), and neither alone is whom "he" means
                self.topic, self.topic_person = self.pairs[info.position], None
            head = rx.match(r"^.*?\b(?:is|was|are|were)\s+(?:(?:an?|the|one of the)\s+)?([^,;.]*?)"
                            r"(?=\s+(?:who|that|which|whose|in|of|on|at|above|from|with|for|to|by|"
                            r"[a-z]+ed\s+(?:by|in|to|for|at|on|from|as|with|under|after))\b|[,;.]|$)", info.text)
            if head and head.group(1) and rx.fullmatch(r"[a-z]+", head.group(1).split()[-1]):
                self.topic_head = head.group(1).split()[-1]
        for mention, entity in info.mentions:
            self.history.append((info.position, mention, entity))
            if entity.entity_class == "person":
                # "the congressman John Conyers", "the actress Kate Winslet": a gendered word before a name
                word = rx.search(r"\b([A-Za-z]+)\.?\s+$", info.text[max(0, mention.start - 30): mention.start])
                said = word and (_TITLE_GENDER.get(word.group(1).lower()) or _ROLE_GENDER.get(word.group(1).lower()))
                if said:
                    self.genders.setdefault(entity.name, said)
        copular = None
        if not info.subject:
            # "The first patient was Albert Alexander, ...": the person the sentence is about.
            for mention, entity in info.mentions:
                if entity.entity_class == "person" and rx.search(r"\b(?:was|is|became)\s+(?:the\s+[a-z]+\s+)?$",
                                                                 info.text[: mention.start]) \
                        and rx.match(r"^The\s+[a-z]+(?:\s+[a-z]+)?\s+(?:was|is|became)\b", info.text):
                    copular = entity.name
                    break
            # "Their father, Milton Wright, was a bishop": the person in apposition to the subject
            opening = rx.match(r"^(?:The|His|Her|Its|Their)\s+(?:[a-z]+\s+){0,2}([a-z]+),\s+", info.text)
            for mention, entity in info.mentions if opening else ():
                if mention.start == opening.end() and entity.entity_class == "person" \
                        and info.text[mention.end: mention.end + 1] == ",":
                    copular = entity.name
                    if opening.group(1) in _KIN:
                        self.relatives.add(entity.name)  # a father is not the son under another name
                    if opening.group(1) in _KIN_GENDER:
                        self.genders.setdefault(entity.name, _KIN_GENDER[opening.group(1)])
                break
        if info.position in self.pairs and info.subject:
            # "Orville and Wilbur Wright were ...": a "he" after them means neither one for sure
            self.person_subjects.append((info.position, self.pairs[info.position]))
        elif info.subject and info.subject[1].entity_class == "person":
            self.person_subjects.append((info.position, info.subject[1].name))
            title = (info.subject[0].title or "").split()[-1:] or [""]
            # (the pronouns only where no other person is named: "After Pierre's death, Marie Curie
            # took over his teaching post")
            alone = all(e.entity_class != "person" or e is info.subject[1] for _, e in info.mentions)
            said = _TITLE_GENDER.get(title[0].lower().rstrip(".")) or (
                _pronoun_gender(info.text[info.subject[0].end:]) if alone else None)
            if said:
                self.genders.setdefault(info.subject[1].name, said)
        elif copular:
            self.person_subjects.append((info.position, copular))
        elif self.person_subjects and rx.match(r"^(?:[A-Z][^,]{0,60},\s+)?(?:[Hh]e|[Ss]he)\b", info.text):
            # "She turned professional": the last person she can be (not "Her father, Richard Williams")
            pronoun = rx.match(r"^(?:[A-Z][^,]{0,60},\s+)?([Hh]e|[Ss]he)\b", info.text).group(1).lower()
            gender = "male" if pronoun == "he" else "female"
            carried = self.person_referent(info.position, gender=gender)
            if carried:
                self.person_subjects.append((info.position, carried))
                if carried == self.topic_person:
                    # "Marie Antoinette was the last queen of France. She was born ...": the article's
                    # person is a woman, and a later "He became King Louis XVI" is not her
                    self.genders.setdefault(carried, gender)
        if info.subject_np:
            self.subjects.append((info.position, info.subject_np))

    def nearest(self, entity_class: str, before: int, window: int = 8, min_count: int = 1) -> Optional[Entity]:
        for position, mention, entity in reversed(self.history):
            if position >= before:
                continue
            if before - position > window:
                break
            if entity.entity_class == entity_class and entity.count >= min_count:
                return entity
        return None

    def previous_subject(self, before: int, topic: bool = True) -> Optional[str]:
        """The subject of the sentence just before; else the article's topic (if not a person)."""
        for position, phrase in reversed(self.subjects):
            if position < before:
                if before - position <= 1:
                    # "Charpentier and Doudna shared the prize. It was the first time ...": "it" is
                    # never a person
                    people = {name for at, name in self.person_subjects if at == position}
                    # (the subject may be the person's short name: "Caesar" for Gaius Julius Caesar)
                    person = any(phrase == name or name.endswith(" " + phrase) for name in people)
                    return None if person or position in self.pairs else phrase
                break
        if not topic or self.topic_is_person or not self.topic:
            return None
        # Only while the text is still about the topic: after "... a larger structure called the New
        # Safe Confinement was slid over it.", "It cost 2.1 billion euros" is not the disaster's cost.
        position, text = self.last_text
        # (a sentence that opens with "It" goes on about the topic: "It was founded in 1993 by Jensen Huang")
        if position == before - 1 and not self._names_topic(text) and not rx.match(r"Its?\b", text) and rx.search(
                r"(?<=\s)(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]", text):
            # (a sentence that names nothing else is still about the topic: "The blue whale is ...
            # Adults can reach about 30 metres ... Its scientific name is ...")
            return None
        return self.topic

    def _names_topic(self, text: str) -> bool:
        """Whether `text` names the topic: one of its capitalised words, or else its last word."""
        words = [w for w in self.topic.split() if w[:1].isupper() and w != "The"] or self.topic.split()[-1:]
        return any(rx.search(rf"\b{re.escape(w)}\b", text, re.I) for w in words)

    def definite_referent(self, noun: str, before: int, rest: str = "") -> Optional[str]:
        """What "The <noun>" opening a statement names, if the article says: a name ending in that
        word just before or as the topic ("The canal" -> "the Panama Canal"), the topic when the
        first sentence called it that ("The athlete" -> "Jesse Owens"), "the Apollo 11 mission" for
        a mission/crew/project of the topic, or the fuller phrase of the sentence just before ("The
        team" after "the relay team"). Not a name whose other words the rest of the statement uses ("The
        dam created Gatun Lake" stays: "the Gatun Dam created Gatun Lake" gives the answer away)."""
        topic = self.topic
        if topic and rx.search(rf"\b{re.escape(noun)}$", topic, re.I) and topic[:1].isupper():
            return topic if topic.startswith("The ") else topic
        for position, head, name in reversed(self.named_heads):
            if before - position > 3:
                break
            if position < before and head in (noun, noun + "s"):
                others = [w for w in name.split()[:-1] if w.lower() != "the"]
                if any(rx.search(rf"\b{re.escape(w)}\b", rest) for w in others):
                    return None
                return name
        if topic and noun == self.topic_head:
            return topic
        # further back, the one name the article gave with that head: "The canal reopened" after
        # "the Suez Canal", in an article on the Suez Crisis
        named = {name for position, head, name in self.named_heads if position < before and head == noun}
        if len(named) == 1:
            name = named.pop()
            others = [w for w in name.split()[:-1] if w.lower() != "the"]
            return None if any(rx.search(rf"\b{re.escape(w)}\b", rest) for w in others) else name
        if topic and not self.topic_is_person and noun in _TOPIC_PARTS:
            bare = rx.sub(r"^The\s+", "", topic)
            return f"the {bare} {noun}"
        if noun in ("pair", "two", "duo", "couple") and before - 1 in self.pairs:
            return self.pairs[before - 1]
        if noun in ("country", "nation"):
            # "In June 2021 the WHO certified China as free of malaria. The country had reported ...": the
            # one country the sentence before names
            last, text = self.last_text
            countries = {("the " if last == position and text[max(0, mention.start - 4): mention.start].lower() == "the "
                          else "") + entity.name  # "the United Kingdom" as the text writes it
                         for position, mention, entity in self.history
                         if position == before - 1 and is_country(entity.name)}
            if len(countries) == 1:
                return countries.pop()
        position, text = self.last_text
        if position == before - 1:
            fuller = rx.search(rf"\bthe\s+([a-z]+)\s+{re.escape(noun)}\b", text)
            if fuller and fuller.group(1) not in _NOT_MODIFIERS:
                return f"the {fuller.group(1)} {noun}"
        return None

    def person_referent(self, before: int, window: int = 6, text: str = "", gender: Optional[str] = None) -> Optional[str]:
        """Who "he"/"she"/"his"/"her" means: the person who was last a sentence's subject (within
        4 sentences), else the person the article is about, else the person named last. With a
        `gender` (the pronoun's), a person the article says is of the other sex is passed over."""
        def fits(name: str) -> bool:
            if gender is None:
                return True
            said = self.genders.get(name) or first_name_gender(name)
            if said is None and " " not in name:
                # "Albert" of "Prince Albert of Saxe-Coburg": the sex said of the fuller name
                fuller = {g for other, g in self.genders.items() if other.split()[0] == name}
                said = fuller.pop() if len(fuller) == 1 else None
            return said in (None, gender)

        for position, name in reversed(self.person_subjects):
            if position < before:
                if before - position <= 4:
                    if position in self.pairs and name == self.pairs[position]:
                        return None  # the last subject was two people
                    if not fits(name):
                        continue  # "Her father, Richard Williams, coached her. She turned professional ..."
                    common = self._common_name(name)
                    # "He got the name Jesse ...": not "Jesse Owens got the name Jesse".
                    return name if common != name and rx.search(rf"\b{re.escape(common.split()[0])}\b", text) else common
                break
        if self.topic_person:
            return self.topic_person if fits(self.topic_person) else None
        name = self.nearest_name("person", before + 1, window=window)
        return name if name and fits(name) else None

    def _common_name(self, name: str) -> str:
        """"James Cleveland Owens" (a birth name) -> "Jesse Owens", the name the article is about."""
        topic = self.topic_person
        if self.topic_alias and name == self.topic_alias[0]:
            return self.topic_alias[1]  # "Edson Arantes" -> "Pelé", the name the article uses
        if topic and name != topic and name.split()[-1] == topic.split()[-1] and name not in self.relatives:
            return topic
        return name

    def nearest_name(self, entity_class: str, before: int, window: int = 8) -> Optional[str]:
        """The name as last written ("Zuckerberg"), for a person; the full name otherwise."""
        for position, mention, entity in reversed(self.history):
            if position >= before:
                continue
            if before - position > window:
                break
            if entity.entity_class == entity_class:
                return entity.name
        return None


# Words naming a part or an aspect of the article's topic: "The mission" in an article on Apollo 11
# is "the Apollo 11 mission", "The crew" its crew.
_TOPIC_PARTS = {"mission", "crew", "astronauts", "project", "flight", "spacecraft", "programme", "program",
                "campaign", "expedition", "voyage", "launch", "treaty", "agreement", "canal", "construction"}
_NOT_MODIFIERS = {"same", "other", "first", "last", "next", "whole", "entire", "new", "old", "most", "following"}
_DEFINITE_OPENER = re.compile(
    r"^The\s+([a-z]+)(?=\s+(?!of\b|at\b|in\b|on\b|for\b|with\b|from\b|to\b|and\b|or\b|that\b|which\b|who\b)"
    r"[a-z]+\b)")


# --------------------------------------------------------------------------------------------------
# Statement building


def clause_with(sentence: str, start: int, end: int) -> tuple[str, int]:
    """The semicolon clause of `sentence` holding [start, end) and the clause's offset in the sentence."""
    offset = 0
    for part in rx.split(r"(;\s+)", sentence):
        if part.startswith(";"):
            offset += len(part)
            continue
        if offset <= start and end <= offset + len(part):
            return part, offset
        offset += len(part)
    return sentence, 0


def resolve(text: str, info: SentenceInfo, antecedents: Antecedents, notes: list[str],
            entities: EntityIndex) -> Optional[str]:
    """Replace references that need the context with their antecedents; None if one cannot be resolved."""
    out = text
    stripped = _LEADING_CONNECTIVE.sub("", out)
    if stripped != out:
        out = stripped[:1].upper() + stripped[1:]

    def product(word: str) -> Optional[str]:
        entity = antecedents.nearest("product", info.position + 1, window=6)
        return entity.name if entity else None

    def replace(pattern: str, make, label: str) -> bool:
        nonlocal out
        match = rx.search(pattern, out)
        if not match:
            return True
        replacement = make(match)
        if replacement is None:
            return False
        at_start = match.start() == 0
        if at_start:
            replacement = replacement[:1].upper() + replacement[1:]
        notes.append(f'"{match.group(0)}" read as "{replacement}"')
        out = out[: match.start()] + replacement + out[match.end():]
        return True

    # "this release" -> "the Llama 3 release"; "the model" -> "Llama 3.3"
    def this_thing(match: re.Match) -> Optional[str]:
        name = product(match.group(2))
        return f"the {name} {match.group(2)}" if name else None

    if not replace(r"\b([Tt]his) (release|update|launch|version|model family)\b", this_thing, "product"):
        return None
    own_products = [m for m, e in info.mentions if e.entity_class == "product"]
    if not own_products:
        def the_model(match: re.Match) -> Optional[str]:
            return product("model")

        # (not "on the model of Chang'an": a pattern, no product)
        if not replace(r"\b[Tt]he model(?!s)\b(?! weights)(?! of\b)", the_model, "product"):
            return None
    # "noted this was" -> "noted that Llama 3.1 was"
    # (also after an opening phrase of time: "On February 14, 1876, his lawyer filed ...", or in it:
    # "After his death the school was led by ...")
    match = rx.match(r"^(His|Her)\s+(?=[a-z]+\s)", out) or \
        rx.match(r"^(?:After|Before|Since|Until|At|On|During)\s+(his|her)\s+(?=(?:death|birth|retirement|marriage|"
                 r"arrest|election|return|release|wedding|coronation|funeral)\b)", out) or \
        rx.match(r"^(?:On|In|By|During|After|Before)\s[^,]{2,30}(?:,\s+\d{4})?,\s+(his|her)\s+(?=[a-z]+\s)", out) or \
        rx.match(r"^(?:In|By)\s+(?:[A-Z][a-z]+\s+)?\d{1,4}(?:\s?(?:BCE?|AD|CE))?\s+(his|her)\s+(?=[a-z]+\s)", out)
    if match:
        name = antecedents.person_referent(info.position, window=4, text=out, gender=_GENDER_OF[match.group(1).lower()])
        if not name:
            return None
        notes.append(f'"{match.group(1)}" read as "{name}\'s"')
        out = out[: match.start(1)] + f"{name}'s " + out[match.end():]
    match = rx.search(rf"\b({SAY_VERBS}) this (was|is)\b", out)
    if match:
        name = product("model")
        if not name:
            return None
        notes.append(f'"this" read as "{name}"')
        out = out[: match.start()] + f"{match.group(1)} that {name} {match.group(2)}" + out[match.end():]

    # "the company" -> "Meta"
    def company(match: re.Match) -> Optional[str]:
        entity = antecedents.nearest("organisation", info.position + 1, window=40, min_count=3) or \
            antecedents.nearest("organisation", info.position + 1, window=8)
        if entity is None:
            entity = _main_organisation(entities)
        if entity is None:
            return None
        # "the company" -> "Meta", but "the Suez Canal Company" (a name that ends in its kind keeps "the")
        the = "the " if rx.search(r"\b(?:Company|Corporation|Foundation|Society|Association|Organisation|"
                                  r"Organization|Agency|Bank)$", entity.name) \
            and not entity.name.startswith("The ") else ""
        return the + entity.name + ("'s" if match.group(1) else "")

    # (not "the company Höganäs": there the name follows, in apposition)
    if not replace(r"\b[Tt]he company(['\u2019]s)?(?!\w)(?!\s+[A-Z\u00c0-\u00de])", company, "organisation"):
        return None

    # A sentence opening with a pronoun: He/She -> the last person; It -> the last sentence's subject.
    first = rx.match(r"^(He|She|It|it|They)\b", out)
    if first:
        word = first.group(1)
        if word in ("He", "She"):
            name = antecedents.person_referent(info.position, text=out, gender=_GENDER_OF[word.lower()])
        elif word.lower() == "it":
            name = antecedents.previous_subject(info.position)
        elif info.position - 1 in antecedents.pairs:
            name = antecedents.pairs[info.position - 1]  # "Hillary and Tenzing reached ... They were ..."
        else:
            name = antecedents.previous_subject(info.position, topic=False)
            if not name or not re.search(r"[a-z]s$", name):
                name = None  # "They" needs a plural subject just before
        if not name:
            return None
        notes.append(f'"{word}" read as "{name}"')
        out = name[:1].upper() + name[1:] + out[len(word):]
    first = rx.match(r"^(Its|its)\s+(?=[a-z])", out)
    if first:
        name = antecedents.previous_subject(info.position)
        if not name or rx.search(r"[a-z]s$", name):
            return None
        notes.append(f'"Its" read as "{name}\'s"')
        out = name[:1].upper() + name[1:] + "'s " + out[first.end():]
    # "On September 17, 1925, when she was 18, the bus she was riding in collided ...": the pronoun of an
    # opening phrase is the person the text is about (the main clause's subject is a thing)
    match = rx.match(r"^(?:On|In|At|By|During)\s[^,]{2,40}(?:,\s+\d{4})?,\s+(?:when|while|as|after|before)\s+(he|she)\s+"
                     r"(?=was\b|were\b|had\b)[^,]{2,40},\s+(?:the|a|an|his|her)\s+[a-z]", out)
    if match:
        name = antecedents.person_referent(info.position, text=out, gender=_GENDER_OF[match.group(1)])
        if not name:
            return None
        notes.append(f'"{match.group(1)}" read as "{name}"')
        out = out[: match.start(1)] + name + out[match.end(1):]
    # "Huang has been its chief executive since the start": a person is no "it", so "its" is the thing
    # the text is about (the sentence before, or the article's topic)
    match = rx.match(r"^((?:[A-Z][\w.'\u2019-]*\s+){1,3}(?:has\s+been|had\s+been|have\s+been|is|was|became|remains|"
                     r"remained|served\s+as|joined\s+as)\s+)(its)\s+(?=[a-z])", out)
    if match:
        subject = rx.match(r"^((?:[A-Z][\w.'\u2019-]*\s+){0,2}[A-Z][\w.'\u2019-]*)\s", out)
        people = {m.text for m, e in info.mentions if e.entity_class == "person"}
        if subject and (subject.group(1) in people or subject.group(1) == antecedents.topic_person):
            name = antecedents.previous_subject(info.position)
            if not name or rx.search(r"[a-z]s$", name) or name in people:
                return None
            name = rx.sub(r"^The\b", "the", name)
            notes.append(f'"its" read as "{name}\'s"')
            out = out[: match.start(2)] + name + "'s" + out[match.end(2):]
    # "Because the mirror was too large ..., it was built ...": "it" is the clause's subject.
    match = rx.match(r"^((?:Because|As|Since|When|After|Although|While|If|Once)\s+((?:the|its)\s+[a-z]+)\s+"
                     r"(?:was|is|were|are|had|has|could|would|[a-z]+ed)\b[^,]*),\s+(it)\s+(?=[a-z])", out)
    if match:
        noun = match.group(2)
        if noun.startswith("its "):
            return None
        notes.append(f'"it" read as "{noun}"')
        out = out[: match.start(3)] + noun + out[match.end(3):]
    # ", it sold" after an opening phrase: "Together with the later Game Boy Color, it sold ..."
    # (the phrase may hold a full date: "On August 25, 2012, it crossed ...", or the topic's own
    # "its": "At its height in the early 16th century it stretched ...")
    match = rx.match(r"^([A-Z](?:[^,]|,(?=\d{3}))"  # ("At about 6,650 kilometres, it ...": a number's comma)
                     r"{3,60}(?:,\s+\d{4})?),\s+(it|he|she|they)\s+(?=[a-z])", out) or \
        rx.match(r"^((?:In|On|By|During|After|Before|At|With|Without|Alongside|From|Between|Until|Since|Throughout|"
                 r"Around|About|Circa)"
                 # (the phrase holds no verb: "In July 2016 Apple announced that it had sold" is a clause)
                 r"\s+(?:the\s+)?[A-Z0-9](?:(?!\s(?:that|which|who|whom|[a-z]{2,}ed)\b)[\w ]){1,30}?)\s+(it|he|she|they)"
                 r"\s+(?=[a-z])", out) or \
        rx.match(r"^(Today|Now|Currently|Nowadays)\s+(it|they)\s+(?=[a-z])", out) or \
        rx.match(rf"^({_COUNT_WORDS}\s+(?:days?|weeks?|months?|years?)\s+later|The\s+(?:next|following)\s+"
                 r"(?:day|morning|afternoon|evening|night|week|month)),?\s+(it|he|she|they)\s+(?=[a-z])", out) or \
        rx.match(r"^((?:(?:Later|Earlier)\s+)?(?:That|The\s+(?:same|following|next|previous)|This|that|the\s+(?:same|"
                 r"following|next|previous)|this)\s+(?:year|month|week|day|decade|spring|summer|autumn|fall|winter)"
                 r"|(?:Later|Earlier)\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4})\s+(it|he|she|they)\s+(?=[a-z])", out) or \
        rx.match(r"^((?:(?:Around|At|By|From|Before|After)\s+the\s+age\s+of|At|Aged)\s+\d{1,3}),?\s+(he|she)\s+(?=[a-z])", out) or \
        rx.match(r"^((?:With|Without|Alongside|Together\s+with)\s+(?:[a-z0-9]+\s+){1,6}?)(he|she|they|it)\s+(?=[a-z])", out) or \
        rx.match(r"^((?:At|In|By|During)\s+its\s+[a-z]+(?:\s+(?:in|of|around)\s+[\w ]{2,30}?)?),?\s+(it)\s+(?=[a-z])", out) or \
        (" he " in out[:90] or " she " in out[:90]) and (
            # "On May 25, 1935, at a meet in Ann Arbor, Michigan, he set ...": several opening phrases
            rx.match(r"^((?:On|In|At|By|During|After|Before)\s[^,]{2,40}(?:,\s[^,]{2,40}){1,3}),\s+(he|she)\s+(?=[a-z])", out) or
            # "A year later, at the 2009 World Championships in Berlin, he lowered ..."
            rx.match(r"^((?:A|One|Two|Three|Four|Five|\d{1,2})\s+years?\s+later(?:,\s[^,]{2,60}){1,3}),\s+(he|she)\s+(?=[a-z])", out) or
            rx.match(r"^((?:In|At|During)\s+[a-z][a-z ]{2,20}\s+(?:in|at)\s+[A-Z][\w ]{1,25}?)\s+(he|she)\s+(?=[a-z])", out) or
            rx.match(r"^((?:When|After|Before|While|Because|Although|Since|Once|Until))\s+(he|she)\s+(?=[a-z])", out))
    if match:
        if match.group(2) in ("it", "they"):
            name = antecedents.previous_subject(info.position)
            if name and (match.group(2) == "they") != bool(rx.search(r"[a-z]s$", name)):
                return None
        else:
            name = antecedents.person_referent(info.position, text=out, gender=_GENDER_OF[match.group(2)])
        if not name:
            return None
        name = rx.sub(r"^The\b", "the", name)
        notes.append(f'"{match.group(2)}" read as "{name}"')
        lead = out[: match.start(2)]
        last = rx.search(r"\b([A-Z][\w'\u2019-]*)\s+$", lead)
        if last and last.start() > 0 and name[:1].isupper():
            lead = lead.rstrip() + ", "  # "With Venus, Serena Williams won": not one name "Venus Serena Williams"
        out = lead + name + out[match.end(2):]
    # "Williams won her first title" in an article that also names her father Richard Williams: the
    # bare surname is the person the article is about, named in full
    bare = rx.match(r"^([A-Z][a-z]+)\s+(?=[a-z])", out)
    topic_person = antecedents.topic_person
    if bare and topic_person and " " in topic_person and topic_person.split()[-1] == bare.group(1) \
            and any(e.entity_class == "person" and e.name != topic_person and e.name.split()[-1] == bare.group(1)
                    for e in entities.all()):
        notes.append(f'"{bare.group(1)}" read as "{topic_person}"')
        out = topic_person + out[bare.end(1):]
    # "The mission was run by NASA" -> "The Apollo 11 mission was run by NASA": a definite description
    # opening the statement names what the article named before.
    match = _DEFINITE_OPENER.match(out) if out.startswith("The ") else None
    if match:
        name = antecedents.definite_referent(match.group(1), info.position, out[match.end():])
        if name and name.casefold() != match.group(0).casefold() and name.casefold() not in out.casefold():
            notes.append(f'"{match.group(0)}" read as "{name}"')
            out = name[:1].upper() + name[1:] + out[match.end():]
    # "Two years later, Messner climbed it alone." -> "In 1980, Messner ...": the year the reader
    # cannot see, counted from the last year the article named.
    later = rx.match(r"^(A|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d{1,2}) years? later,\s+(?=\S)", out) \
        if " later, " in out[:20] else None
    if later and info.context_year and not _holds_a_year(out):
        count = int(later.group(1)) if later.group(1).isdigit() else _COUNTS[later.group(1).lower()]
        year = info.context_year + count
        notes.append(f'"{later.group(0).strip()}" read as "In {year},": check the year')
        out = f"In {year}, " + out[later.end():]
    # "In the same year Orville crashed ..." -> "In 1908 Orville crashed ...": the same counted from
    # the year the article named last.
    same = rx.match(r"^(?:In\s+)?(the\s+same\s+year|that\s+(?:same\s+)?year|the\s+(?:following|next)\s+year|"
                    r"the\s+year\s+(?:after|before))(,?)\s+(?=\S)", out, re.I)
    if same and info.context_year and not _holds_a_year(out):
        phrase = same.group(1).lower()
        year = info.context_year + (1 if ("following" in phrase or "next" in phrase or "after" in phrase)
                                    else -1 if "before" in phrase else 0)
        notes.append(f'"{same.group(0).strip()}" read as "In {year}": check the year')
        out = f"In {year}{same.group(2)} " + out[same.end():]
    # "In the same month Microsoft announced ..." -> "In January 2023 Microsoft announced ...": the
    # month of the last date written with its month
    same_month = rx.match(r"^(?:In\s+)?(?:the\s+same\s+month|that\s+(?:same\s+)?month)(,?)\s+(?=\S)", out, re.I) \
        if "month" in out[:25] else None
    if same_month and info.context_date and info.context_date[1] and not find_dates(out):
        year, month = info.context_date[0], info.context_date[1]
        written = format_date(DateValue(date=f"{abs(year):04d}-{month:02d}", precision="month",
                                        era="BC" if year < 0 else None))
        notes.append(f'"{same_month.group(0).strip()}" read as "In {written}": check the month')
        out = f"In {written}{same_month.group(1)} " + out[same_month.end():]
    # "... reported more than 80,000 fires in Brazil that year." -> "... in 2019.": the year the
    # article named last.
    that_year = rx.search(r"(?:\bin\s+)?\bthat\s+(?:same\s+)?year\b", out) if "that" in out else None
    if that_year and that_year.start() > 0 and info.context_year and not _holds_a_year(out):
        notes.append(f'"{that_year.group(0)}" read as "in {info.context_year}": check the year')
        out = out[: that_year.start()] + f"in {info.context_year}" + out[that_year.end():]
    # "Harrison joined the next year." -> "Harrison joined in 1958.": counted from the last year named.
    next_year = rx.search(r"(?<=\s)(?:in\s+)?the\s+(?:next|following)\s+year\b", out) if " year" in out else None
    if next_year and info.context_year and not _holds_a_year(out):
        notes.append(f'"{next_year.group(0)}" read as "in {info.context_year + 1}": check the year')
        out = out[: next_year.start()] + f"in {info.context_year + 1}" + out[next_year.end():]
    # "The next day the Federal Reserve lent ..." -> "On September 16, 2008, the Federal Reserve lent
    # ...": the day after the last full date the article wrote.
    # (also "The next morning", "Ten days later", "A week later": counted in days the same way)
    next_day = rx.match(r"^(?:The|On the)\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night),?\s+(?=\S)", out) or \
        rx.match(rf"^({_COUNT_WORDS})\s+(days?|weeks?)\s+later,?\s+(?=\S)", out) or \
        rx.search(r"(?<=\s)(?:on\s+)?the\s+(?:next|following)\s+day\b", out) \
        if (" day" in out or " morning" in out or " week" in out or " evening" in out or " night" in out
            or " afternoon" in out) else None
    if next_day and info.context_date and info.context_date[2] and info.context_date[0] > 0 and not find_dates(out):
        days = 1
        if next_day.re.groups and next_day.group(2):
            count = next_day.group(1).lower()
            days = int(count) if count.isdigit() else _COUNTS[count]
            days *= 7 if next_day.group(2).startswith("week") else 1
        day = datetime.date(*info.context_date) + datetime.timedelta(days=days)
        written = format_date(DateValue(date=day.isoformat(), precision="day"))
        if next_day.start() == 0:
            notes.append(f'"{next_day.group(0).strip()}" read as "On {written},": check the date')
            out = f"On {written}, " + out[next_day.end():]
        else:  # "... on penalties in Sao Paulo the next day."
            notes.append(f'"{next_day.group(0)}" read as "on {written}": check the date')
            out = out[: next_day.start()] + f"on {written}" + out[next_day.end():]
    # "President Gerald Ford awarded him the medal": "him" is the person the text is about, when the
    # statement names another person as its subject.
    # (also "her" where it is an object, not a possessive: "Albert Einstein called her the most
    # significant ...", not "her lectures")
    him = rx.search(r"(?<=[a-z] )him\b", out) if " him" in out else None
    if him is None and " her" in out:
        him = rx.search(r"(?<=[a-z] )her(?=\s+(?:the|a|an|to|as|at|for|with|from|into|that)\b|[,.;]|$)", out)
    female = him is not None and him.group(0) == "her"
    if him and info.subject and info.subject[1].entity_class == "person" and _REPORTED_THAT.search(out, 0, him.start()):
        him = None  # "William claimed that Edward had promised him the throne": him is William
    if him and not rx.search(r"\b(?:she|her|herself)\b" if female else r"\b(?:he|his|himself)\b", out[: him.start()], re.I):
        name = antecedents.person_referent(info.position, text=out, gender="female" if female else "male")
        # ... or when no person is named before "him": "a court in Shenzhen sentenced him"
        people_before = [m for m, e in info.mentions if e.entity_class == "person" and m.text in out[: him.start()]]
        named_before = {e.name for m, e in info.mentions if e.entity_class == "person" and m.text in out[: him.start()]}
        if name and not rx.search(rf"\b{re.escape(name.split()[-1])}\b", out) and (
                info.subject and info.subject[1].entity_class == "person" and info.subject[1].name != name
                # (not with a second person before it: "Umlauf led, while Beethoven stood beside him";
                # but two people who are the subject together: "In 1915 David Hilbert and Felix Klein
                # invited her to Göttingen" cannot mean either of them)
                and (len(named_before) <= 1 or _coordinated_subject_holds(out, people_before))
                or people_before == [] and not (info.subject and info.subject[1].entity_class == "person")):
            notes.append(f'"{him.group(0)}" read as "{name}"')
            out = out[: him.start()] + name + out[him.end():]
    match = rx.match(r"^(This|These)\s+(?=[a-z]+(?:\s+[a-z]+)?[\s,])", out)
    if match and not rx.match(r"^\w+\s+(?:is|was|are|were|has|had|will|would|can|could|may|might)\b", out):
        notes.append(f'"{match.group(1)}" changed to "The": check the sentence still says what it meant')
        out = "The " + out[match.end():]
    if rx.match(r"^(?:this|these|those|that|they|its|his|her|their|such|he|she|it)\b", out, re.I):
        return None
    # "The police ended it after 42 minutes": the object is in another sentence. A reader of a quiz
    # on Mount Everest takes "The Royal Geographical Society named it after George Everest" to mean
    # the mountain; in a quiz on the Beatles (or on a person) nothing says what "it" is.
    object_it = rx.match(r"^(?:The\s+)?[A-Za-z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*\s+(?:[a-z]+ed|"
                         + _IRREGULAR_PAST + r")\s+(it|them)\b", out)
    if object_it and (object_it.group(1) == "them" or not antecedents.topic or antecedents.topic_is_person
                      or rx.search(r"[a-z]s$", antecedents.topic)):
        return None
    topic = antecedents.topic
    if object_it and topic and antecedents.previous_subject(info.position, topic=False) == topic \
            and not out.startswith(topic):
        # "Sputnik 1 was the first artificial satellite. The Soviet Union launched it on October 4, 1957":
        # the sentence before was about the topic, so the question can name it ("On what date did the
        # Soviet Union launch it?" asks about nothing in a quiz of several articles)
        named = "the " + topic[4:] if topic.startswith("The ") else topic
        notes.append(f'"it" read as "{named}"')
        out = out[: object_it.start(1)] + named + out[object_it.end(1):]
    return out


def _coordinated_subject_holds(text: str, mentions: list) -> bool:
    """Whether every mention is in the sentence's opening subject "X and Y" (after a time phrase)."""
    subject = rx.match(r"^(?:(?:In|On|By|During|After)\s[^,]{2,30}?,?\s+)?((?:[A-Z][\w.'-]*\s+){1,3}and\s+"
                       r"(?:[A-Z][\w.'-]*\s+){0,2}[A-Z][\w.'-]*)\s+(?=[a-z])", text)
    # (by text: earlier replacements may have moved the mentions' positions)
    return bool(subject) and all(m.text in subject.group(1) for m in mentions)


def _holds_a_year(text: str) -> bool:
    """Whether a sentence writes a year of its own: a date, or one in a name ("at the 2009 World
    Championships"), so that "A year later" needs no reckoning (and must get none)."""
    return bool(find_dates(text)) or rx.search(r"\b(?:1[5-9]\d\d|20\d\d)\s+[A-Z]", text) is not None


# A reported clause: a pronoun object in it may mean the sentence's own subject.
_REPORTED_THAT = re.compile(r"\b(?:said|claimed|stated|argued|insisted|announced|wrote|believed|knew|thought|feared|"
                            r"complained|hoped|alleged|maintained|declared)\s+that\b")


def _main_organisation(entities: EntityIndex) -> Optional[Entity]:
    orgs = [e for e in entities.all() if e.entity_class == "organisation"]
    return max(orgs, key=lambda e: (e.count, e.name)) if orgs else None


def finish(statement: str) -> str:
    """Make a clause a sentence: capital first letter, final period (kept inside a closing quote)."""
    statement = statement.strip()
    statement = statement[:1].upper() + statement[1:]
    if not rx.search(r"[.!?][\"'\u201d\u2019)]*$", statement):
        statement = statement.rstrip(",;:") + "."
    return statement


# --------------------------------------------------------------------------------------------------
# Candidate builders


def candidates_for(info: SentenceInfo, antecedents: Antecedents, entities: EntityIndex) -> list[Candidate]:
    """Every candidate fact of one sentence."""
    out: list[Candidate] = []
    builders = (_attributions, _quotes, _dates, _quantities, _causes, _definitions, _subject_entities,
                _object_entities)
    for build in builders:
        out.extend(build(info, antecedents, entities))
    return out


def _make(kind: str, info: SentenceInfo, antecedents: Antecedents, entities: EntityIndex, start: int, end: int,
          value, confidence: float, reason: str, answer: Optional[str] = None,
          statement_text: Optional[str] = None, siblings: tuple = ()) -> Optional[Candidate]:
    """A candidate whose statement is the (resolved) clause holding sentence[start:end].

    `siblings` are spans of other answers of the same kind: when one shares the clause, the statement
    narrows to the coordinated part holding this answer, so two facts never print each other's answer."""
    sentence = info.text
    notes: list[str] = []
    if statement_text is None:
        clause, offset = clause_with(sentence, start, end)
        if offset:
            notes.append("statement is one clause of the sentence")
            if rx.match(r"(?:it|they|this)\b", clause, re.I):
                return None  # "...; it is a calculated bid": "it" is the first clause's subject, not the topic
        inside = [(s - offset, e - offset) for s, e in siblings if offset <= s < offset + len(clause) and (s, e) != (start, end)]
        part = _coordinated_part(clause, start - offset, end - offset, inside) if inside else None
        if part:
            clause = part
            notes.append("statement is one part of the sentence")
        else:
            people = {m.text for m, e in info.mentions if e.entity_class == "person"}
            part = _pronoun_part(clause, start - offset, end - offset, people) \
                if (", and " in clause or ", but " in clause) else None
            if part:
                clause = part
                notes.append("statement is one part of the sentence, its pronoun named")
            elif kind in ("date", "quantity"):
                part = _relative_clause_fact(sentence, start, end, info.mentions) if ", which " in sentence else None
                if part:
                    clause = part
                    notes.append("statement is the sentence's which-clause about its name")
        statement_text = clause
    answer = answer if answer is not None else sentence[start:end]
    # Several candidates of one sentence share a clause: resolve it once.
    cache = antecedents.resolved
    key = (info.position, statement_text)
    if key not in cache:
        if len(cache) > 256:
            cache.clear()
        resolve_notes: list[str] = []
        cache[key] = (resolve(statement_text, info, antecedents, resolve_notes, entities), resolve_notes)
    resolved, resolve_notes = cache[key]
    notes.extend(resolve_notes)
    if resolved is None:
        return None
    statement = finish(resolved)
    if isinstance(value, EntityValue) and value.entity_class == "person" and answer is not None:
        statement = _without_surname_echo(statement, answer, notes)
    full = antecedents.topic_person
    if full and full.endswith(" " + answer) and statement.startswith(full + " ") and sentence.startswith(answer + " "):
        answer = full  # "Owens later said" read as "Jesse Owens later said": the answer is the whole name
    if answer not in statement:
        return None
    if len(statement.split()) > 45:
        confidence -= 0.1
        notes.append("long statement: consider shortening it")
    named = entities.resolve(value.name) if isinstance(value, EntityValue) else None
    if named is not None and named.class_guessed:
        # Nothing in the article said what this is: "concept" is a guess, and questions draw their wrong
        # choices from names of the same class, so a reviewer should set the class. (Like every review
        # note, it costs the fact a little confidence below.)
        notes.append("class guessed")
    if notes:
        confidence -= 0.03
    return Candidate(kind=kind, statement=statement, answer=answer, value=value, quote=sentence,
                     position=info.position, answer_span=(start, end), confidence=round(confidence, 2),
                     reason=reason, notes=notes)


def _without_surname_echo(statement: str, answer: str, notes: list[str]) -> str:
    """"The German long jumper Luz Long gave him advice ..., and the two men stayed friends until Long
    was killed": a second clause that names the answer by its surname gives the blank away, so the
    statement is the first clause (when that clause holds the answer and no echo)."""
    at = statement.find(answer)
    if at < 0 or not bare_surname_in(statement[at + len(answer):], answer):
        return statement
    cut = first_clause(statement)
    at = cut.find(answer)
    if at < 0 or len(cut) >= len(statement) or bare_surname_in(cut[at + len(answer):], answer):
        return statement
    notes.append("statement is the first clause: the rest names the answer by its surname")
    return finish(cut)


_NAMED_SUBJECT = re.compile(r"^((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*(?:\s+and\s+(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*)?)"
                            r"\s+(?=[a-z])")


_APPOSED_SUBJECT = re.compile(r"^(?:A|An|The)\s+(?:[A-Za-z-]+\s+){0,3}[a-z]+,\s+((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*),\s+(?=[a-z])")


_NOT_A_NAMED_SUBJECT = {"The", "In", "On", "By", "At", "A", "An", "His", "Her", "Its", "Their", "This", "These", "That",
                        "Those"}


def _pronoun_part(clause: str, start: int, end: int, people: frozenset | set = frozenset()) -> Optional[str]:
    """"Armstrong and Aldrin spent ..., and they collected 47.5 pounds of ..." -> "Armstrong and Aldrin
    collected 47.5 pounds of ...": the part holding the answer, its pronoun replaced by the clause's
    named subject, so the question is about one thing."""
    # "Women could only audit classes there, but in 1907 she completed a doctorate": the part with its
    # time, its pronoun left for the resolver to name as it names "In 1907 she ..."
    for match in rx.finditer(r",\s+(?:and|but)\s+((?:in|on|by)\s+[A-Z0-9][\w ]{1,25}?),?\s+(he|she)\s+(?=[a-z])", clause):
        if match.start(1) <= start:  # (the answer may be the time itself: "in ______ she completed")
            rest = clause[match.end():]
            if rx.search(r",\s+(?:and|but)\s+", rest[: max(0, start - match.end())]):
                return None
            # the clause's own subject where it is a person ("Cameron had been interested ..., and in
            # 1995 he filmed": Cameron), else the resolver's person ("Women could only audit ...")
            subject = _NAMED_SUBJECT.match(clause)
            who = subject.group(1) if subject and subject.group(1) in people else match.group(2)
            return f"{match.group(1)[:1].upper()}{match.group(1)[1:]} {who} {rest}"
    for match in rx.finditer(r",\s+and\s+(they|he|she|it)\s+(?=[a-z])", clause):
        if match.end() <= start and match.group(1) == "it":
            # "It is the third most abundant element ..., and it makes up about 21 percent of ...":
            # "It makes up ...", which the resolver then names like the first "It"
            rest = clause[match.end():]
            if not clause.startswith("It ") or rx.search(r",\s+and\s+", rest[: max(0, start - match.end())]):
                return None
            return "It " + rest
        if match.end() <= start:
            # "A French watchmaker, Robert Hubert, confessed ..., and he was hanged": the name in apposition
            subject = _APPOSED_SUBJECT.match(clause) or _NAMED_SUBJECT.match(clause)
            if not subject or (match.group(1) == "they") != (" and " in subject.group(1)) \
                    or subject.group(1).startswith(("The ", "In ", "On ", "By ", "At ", "A ", "An ")) \
                    or subject.group(1) in _NOT_A_NAMED_SUBJECT:  # "A car crash ..., and he", "His parents ..., and he"
                return None  # "they" needs "X and Y"; "he"/"she" a person's name, not "The canal"
            rest = clause[match.end():]
            if rx.search(r",\s+and\s+", rest[: max(0, start - match.end())]):
                return None
            return subject.group(1) + " " + rest
    return None


def _relative_clause_fact(sentence: str, start: int, end: int, mentions: list) -> Optional[str]:
    """"... to Gatun Lake, which lies 26 metres above the sea, and ..." -> "Gatun Lake lies 26 metres
    above the sea.": a number or date inside a which-clause is a fact about the name before it."""
    for match in rx.finditer(r",\s+which\s+(?=(?:is|was|are|were|lies|lay|has|had|became|stands|covers|"
                             r"measures|reaches|holds|opened|began|ended)\b)", sentence):
        body_end = rx.search(r"(?:,|;|\.\s*$|$)", sentence[match.end():])
        stop = match.end() + (body_end.start() if body_end else len(sentence) - match.end())
        if not match.end() <= start and end <= stop:
            continue
        owner = next((m for m, _ in mentions if m.end == match.start()), None)
        if owner is None:
            return None
        if rx.match(r"(?:are|were)\b", sentence[match.end():]) and not owner.text.endswith("s"):
            return None  # "118 islands in the Venetian Lagoon, which are separated by canals": not the lagoon
        lead = "the " if sentence[max(0, owner.start - 4): owner.start].lower() == "the " else ""
        body = sentence[match.end(): stop].strip()
        if len(body.split()) < 3:
            return None
        body = rx.sub(r"^had been\b", "was", body)  # the pluperfect only made sense inside the sentence
        return f"{lead}{owner.text} {body}"
    return None


def _coordinated_part(clause: str, start: int, end: int, others: list[tuple[int, int]]) -> Optional[str]:
    """The ", and ..." part of a clause holding [start, end) but none of `others`, if it reads alone."""
    cuts = [0] + [m.start() for m in rx.finditer(r",\s+(?:and|but|while|whereas)\s+", clause)] + [len(clause)]
    for a, b in zip(cuts, cuts[1:]):
        if a <= start and end <= b and not any(a <= s < b for s, _ in others):
            part = rx.sub(r"^,\s+(?:and|but|while|whereas)\s+", "", clause[a:b]).strip()
            if a > 0 and rx.search(r"\b(?:it|they|them|he|she)\b", part):
                return None  # its antecedent is in the part left out
            if a > 0 and rx.match(r"(?:was|were|is|are|has|had|have|will|would|could|can|did|[a-z]{2,}ed|"
                                  + _IRREGULAR_PAST + r")\b", part):
                # "Construction began on January 28, 1887, and was finished on March 31, 1889": the part
                # shares the first part's subject, and alone it has none ("Was finished on ...")
                return None
            if a > 0 and not _FINITE_VERB.search(part):
                # "..., and three trillion dollars on June 5, 2024": the verb ("passed") is in the part
                # left out, so the part reads alone as no sentence at all
                return None
            own = rx.search(r"\b(its|their|his|her)\s+own\b(?=\s+(?:on|in|at|by|for|from|with|to|as|after|before|"
                            r"during)\b|\s*[,.;]|\s*$)", part) if a > 0 else None
            if own:
                # "The Council adopted its position in 2022, and the Parliament adopted its own on June 14,
                # 2023": "its own" stands for "its own position", which the part left out says
                noun = rx.search(rf"\b{own.group(1)}\s+(?:[a-z-]+\s+){{0,2}}?([a-z-]+)(?=\s+(?:on|in|at|to|for|from|"
                                 rf"with|and|by)\b|\s*[,.;])", clause[:a])
                if noun is None or noun.group(1) == "own":
                    return None
                part = part[: own.end()] + " " + noun.group(1) + part[own.end():]
            if len(part.split()) >= 5:
                return part
    return None


def _attributions(info: SentenceInfo, antecedents: Antecedents, entities: EntityIndex) -> list[Candidate]:
    out = []
    sentence = info.text
    for mention, entity in info.mentions:
        before = sentence[: mention.start]
        after = sentence[mention.end:]
        cls = entity.entity_class
        if cls not in ("publication", "organisation", "person"):
            continue
        value = EntityValue(name=entity.name, entity_class=cls)
        answer = mention.text
        if rx.search(r"(?:^|[;,]\s+|\b)According to\s+$", before) and after.startswith(","):
            candidate = _make("attribution", info, antecedents, entities, mention.start, mention.end, value,
                              0.88 if cls == "publication" else 0.75, f'"According to {answer}"')
            if candidate:
                out.append(candidate)
            continue
        says = _SAY_THAT.match(after.lstrip()) if after.startswith(" ") else None
        if says and rx.search(r"(?:^|;\s+|^A discussion on\s+|^An? \w+ (?:in|on|by)\s+|^(?:However|Moreover|Still|Yet|Indeed|Instead),\s+"
                              r"|^(?:While|Although|Though|Whereas|As|If|When)\b[^;]{3,120},\s+)$", before):
            confidence = 0.85 if cls == "publication" else 0.7
            candidate = _make("attribution", info, antecedents, entities, mention.start, mention.end, value,
                              confidence, f'"{answer} {says.group("verb")}"')
            if candidate:
                out.append(candidate)
    return out


_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{12,})[\"\u201d]")


def _quotes(info: SentenceInfo, antecedents: Antecedents, entities: EntityIndex) -> list[Candidate]:
    """A full quotation with its speaker: '"..." - The Guardian', 'X said: "..."', 'He said that "..."'."""
    out = []
    sentence = info.text
    quote = _QUOTE.search(sentence)
    if not quote or len(quote.group(1).split()) < 5:
        return out
    # '"...." - The Guardian'
    dash = rx.match(r"^\s*[-\u2013\u2014]\s*(.+?)\s*$", sentence[quote.end():])
    if quote.start() == 0 and dash:
        speaker = entities.resolve(dash.group(1))
        name = dash.group(1).rstrip(".")
        cls = speaker.entity_class if speaker else "publication"
        if cls not in ("publication", "person", "organisation"):
            cls = "publication"
        statement = f"{name} wrote: {quote.group(0)}"
        if not statement.rstrip().endswith((".", "!", "?", ".\"", ".\u201d")):
            statement += "."
        value = EntityValue(name=speaker.name if speaker else name, entity_class=cls)
        out.append(Candidate("quote", statement, name, value, sentence, info.position,
                             (quote.end() + dash.start(1), quote.end() + dash.end(1)), 0.82,
                             f'quotation signed "- {name}"', notes=["statement rewritten from the signed quotation"]))
        return out
    if quote.start() == 0:
        # '"...," Curie said.' / '"...," said Curie.' / '"...," Curie is often quoted as saying.'
        for mention, entity in info.mentions:
            if mention.start < quote.end() or entity.entity_class != "person":
                continue
            between = sentence[quote.end(): mention.start]
            after = sentence[mention.end:]
            if rx.fullmatch(r"\s*(?:said|says|wrote|writes|told \w+|added|recalled)?\s*", between) and (
                    between.strip() or rx.match(r"\s+(?:said|says|wrote|writes|told|added|recalled|is (?:often |widely )?quoted|once said|later said)\b", after)):
                value = EntityValue(name=entity.name, entity_class="person")
                prompt = _who_said(quote.group(1)) if len(quote.group(1).split()) <= 40 else None
                out.append(Candidate("quote", finish(sentence), mention.text, value, sentence, info.position,
                                     (mention.start, mention.end), 0.8, f"quotation by {mention.text}",
                                     prompt=prompt))
            break
        return out
    lead = sentence[: quote.start()]
    # The speaker: "He said that", "X expects ...:", "President X ... challenged ...:"
    speaker_name: Optional[str] = None
    speaker_entity: Optional[Entity] = None
    pronoun = rx.match(r"^(He|She)\b", lead)
    if pronoun:
        speaker_name = antecedents.person_referent(info.position, text=sentence, gender=_GENDER_OF[pronoun.group(1).lower()])
        if speaker_name:
            speaker_entity = entities.resolve(speaker_name)
    else:
        for mention, entity in info.mentions:
            if mention.start < quote.start() and entity.entity_class == "person":
                speaker_name, speaker_entity = mention.text, entity
                break
    if not speaker_name or speaker_entity is None:
        return out
    if not rx.search(r"(?:\b(?:" + SAY_VERBS + r"|expects|added|asked|answered|challenged|declared|"
                     r"quoted|wrote)\b|:)", lead):
        return out
    notes: list[str] = []
    resolved = resolve(sentence, info, antecedents, notes, entities)
    if resolved is None or speaker_name not in resolved:
        return out
    if resolved.startswith(speaker_entity.name + " ") and not resolved.startswith(speaker_name + " "):
        speaker_name = speaker_entity.name  # "Owens later said" read as "Jesse Owens later said"
    value = EntityValue(name=speaker_entity.name, entity_class="person")
    prompt = None
    words = quote.group(1).split()
    if len(words) <= 40:
        prompt = _who_said(quote.group(1))
    out.append(Candidate("quote", finish(resolved), speaker_name, value, sentence, info.position,
                         (quote.start(), quote.end()), 0.8, f"quotation by {speaker_name}", prompt=prompt,
                         notes=notes))
    return out


def _who_said(quoted: str) -> str:
    """The question of a quotation: its own closing comma or full stop is dropped, so that the
    question mark ends it ("Who said: “one small step for man”?", not "…mankind.”?")."""
    return f"Who said: \u201c{quoted.strip().rstrip(',.;:').rstrip()}\u201d?"


def _within(year: int, span: DateValue) -> bool:
    """Whether `year` falls in the decade or century `span`."""
    start = span.parts[0]
    length = 10 if span.precision == "decade" else 100
    if start < 0 and span.precision == "century":
        start += 1  # 300-201 BC
    return start <= year < start + length


def _dates(info: SentenceInfo, antecedents: Antecedents, entities: EntityIndex) -> list[Candidate]:
    out = []
    sentence = info.text
    for mention in info.dates:
        if _inside_quote(sentence, mention.start):
            continue
        if mention.year_inferred and rx.search(r"\b(?:every|each)\s+year\s+(?:on|in)\s+$|\b(?:annually|yearly)\s+(?:on|in)\s+$",
                                               sentence[: mention.start]):
            continue  # "held every year on April 30": a day of every year, not one of the year named
        if mention.year_inferred and rx.match(r",?\s+(?:has|have|had)\s+been\s+(?:celebrated|observed|marked|"
                                              r"commemorated|held|kept)\b|\s+(?:is|are)\s+(?:celebrated|observed|"
                                              r"marked|commemorated)\b", sentence[mention.end:]):
            continue  # "Since 1966 July 20 has been celebrated as International Chess Day": a day of every year
        if mention.year_inferred and (
                rx.match(r",?\s+(?:every|each)\s+year\b|,?\s+(?:annually|yearly)\b", sentence[mention.end:])
                or (rx.search(r"\b(?:declared|named|made|designated|proclaimed)\s+$", sentence[: mention.start])
                    and rx.match(r"\s+(?:as\s+)?(?:an?\s+|the\s+)?(?:[A-Z][\w'-]*\s+){1,5}Day\b", sentence[mention.end:]))):
            continue  # "held on April 25 every year", "declared August 23 National Space Day": every year's day
        value = mention.value
        if value.is_span and any(
                _within(int(year), value) for year in rx.findall(r"\b(1\d{3}|20\d{2})\b(?!\s?(?:BC|BCE|B\.C\.))", sentence)):
            continue  # "The 1918 pandemic was the deadliest of the ______": the year gives the century away
        confidence = {"day": 0.86, "month": 0.8, "year": 0.7, "decade": 0.64, "century": 0.64}[value.precision]
        reason = f"date {format_date(value)}"
        statement_text = None
        answer = None
        if mention.year_inferred:
            confidence -= 0.08
            reason += " (year from the context)"
            # Write the year the reader cannot see: "in December" -> "in December 2024".
            clause, offset = clause_with(sentence, mention.start, mention.end)
            s, e = mention.start - offset, mention.end - offset
            answer = format_date(value)
            statement_text = clause[:s] + answer + clause[e:]
        elif value.precision == "year" and not value.qualifier:
            if rx.search(r"\bfrom\s+$", sentence[: mention.start]) or rx.search(r"^\s*[-\u2013]", sentence[mention.end:]):
                confidence -= 0.05  # a range: still a fine fact, the start year
        if statement_text is None:
            # "Three years later, on 19 April 1906, X ..." -> "On 19 April 1906, X ...": the date says it all.
            # (a time before the date, not a subject: "The first vote, on January 15, 2019, was lost")
            lead = rx.match(r"^[A-Z][^,]{0,30}\b(?:later|earlier|afterwards|after|before|ago|then|years?|months?|weeks?|"
                            r"days?|morning|evening|night|decades?|centuries|century)\b[^,]{0,12},\s+(on|in)\s+$",
                            sentence[: mention.start])
            if lead and sentence[mention.end: mention.end + 2] == ", ":
                statement_text = lead.group(1).capitalize() + " " + sentence[mention.start:]
                answer = mention.text
        candidate = _make("date", info, antecedents, entities, mention.start, mention.end, value, confidence,
                          reason, answer=answer, statement_text=statement_text,
                          siblings=tuple((d.start, d.end) for d in info.dates))
        if candidate:
            if mention.year_inferred:
                candidate.notes.append(f'the text says "{mention.text}"; the year was added from the context')
            out.append(candidate)
        # The event: who did what on that date ("Erich Honecker resigned ... on October 18, 1989").
        if info.subject and info.subject[1].entity_class in ("person", "organisation", "place", "product"):
            subject_mention, subject_entity = info.subject
            if subject_mention.start < mention.start or sentence[: subject_mention.start].strip().rstrip(",") \
                    .endswith(mention.text):
                ev_value = EntityValue(name=subject_entity.name, entity_class=subject_entity.entity_class)
                ev = _make("event", info, antecedents, entities, subject_mention.start, subject_mention.end,
                           ev_value, 0.62, f"who did what on {format_date(value)}",
                           statement_text=statement_text)
                if ev:
                    if subject_entity.entity_class == "person":
                        ev.prompt = _who_prompt(ev.statement, ev.answer, subject_mention.title)
                    out.append(ev)
    if not info.dates and info.heading_date is not None and info.subject is not None:
        # A heading such as "Phase 2: The Frontier (July 2024)" dates the events under it.
        verb = rx.match(r"^\s+(released|launched|introduced|unveiled|announced|debuted|published|opened)\b",
                        sentence[info.subject[0].end:])
        if verb and sentence[: info.subject[0].start].strip() in ("", ",") or (
                verb and rx.match(r"^[A-Z][\w\s-]*,\s*$", sentence[: info.subject[0].start])):
            heading_value = info.heading_date.value
            date_text = format_date(heading_value)
            clause, _ = clause_with(sentence, info.subject[0].start, info.subject[0].end)
            body = rx.sub(r"^[A-Z][\w\s-]*,\s*", "", clause) if not clause.startswith(info.subject[0].text) else clause
            body = body.rstrip(" .")
            prep = "On" if heading_value.precision == "day" else "In"
            statement_text = f"{prep} {date_text}, {body}."
            candidate = _make("date", info, antecedents, entities, 0, 0, heading_value, 0.6,
                              f'date from the heading "{info.headings[-1] if info.headings else ""}"',
                              answer=date_text, statement_text=statement_text)
            if candidate:
                candidate.notes.append("the date comes from the section heading; check it applies")
                candidate.answer_span = (len(sentence), len(sentence))
                out.append(candidate)
    return out


def _inside_quote(sentence: str, index: int) -> bool:
    return sum(sentence[:index].count(c) for c in _QUOTE_CHARS) % 2 == 1


def _quantities(info: SentenceInfo, antecedents: Antecedents, entities: EntityIndex) -> list[Candidate]:
    out = []
    for mention in info.quantities:
        if _inside_quote(info.text, mention.start):
            continue
        value: QuantityValue = mention.value
        confidence = 0.8 if value.unit else 0.5
        if value.scale:
            confidence += 0.05
        if value.unit == "years":
            confidence -= 0.15  # ages are rarely what a teacher asks
        if rx.fullmatch(r"[a-z]+", mention.text):
            confidence -= 0.12  # "three phases": often incidental
        reason = "quantity " + " ".join(str(x) for x in (value.qualifier, mention.text, value.unit) if x)
        siblings = tuple((m.start, m.end) for m in info.quantities)
        candidate = _make("quantity", info, antecedents, entities, mention.start, mention.end, value, confidence,
                          reason, siblings=siblings)
        if candidate:
            out.append(candidate)
    return out


_PURPOSE = re.compile(r"(?<![\w-])to\s+([a-z]+)\b")
_BY_ING = re.compile(r"^(By\s+[a-z]+ing\b[^,]{3,120}),\s+(?=\S)")
_SO_THAT = re.compile(r"\bso that\s+[^,;.]{5,150}")
# "The Himalayas formed when the Indian Plate collided with ...": how something came to be.
_FORMED_WHEN = re.compile(r"\b(?:formed|was formed|were formed|was created|were created|arose|originated)\s+"
                          r"(when\s+[^,;.]{5,120})")
_BECAUSE = re.compile(r"(?:^Because\s+[^,]{5,150}(?=,)|\bbecause\s+[^,;.]{5,150})")


def _causes(info: SentenceInfo, antecedents: Antecedents, entities: EntityIndex) -> list[Candidate]:
    """Purpose and cause clauses: "... to help developers detect ...", "By standardizing ..., X", "so that"."""
    out = []
    sentence = info.text
    spans: list[tuple[int, int, str]] = []
    match = _BY_ING.match(sentence)
    if match:
        spans.append((match.start(1), match.end(1), "means (By ...-ing)"))
    match = rx.match(r"^(To\s+[a-z]+\b[^,]{3,100}),\s+(?=[a-z]|[A-Z][a-z]+\s+[a-z]+ed\b)", sentence)
    if match and not rx.match(r"^To\s+(?:close|sum|start|begin|put|be)\b", sentence):
        spans.append((match.start(1), match.end(1), "purpose (To ..., ...)"))
    for match in _SO_THAT.finditer(sentence):
        spans.append((match.start(), match.end(), "purpose (so that)"))
    for match in _BECAUSE.finditer(sentence):
        spans.append((match.start(), match.end(), "cause (because)"))
    for match in _FORMED_WHEN.finditer(sentence):
        spans.append((match.start(1), match.end(1), "cause (formed when)"))
    for match in _PURPOSE.finditer(sentence):
        verb = match.group(1)
        before_words = rx.findall(r"[\w'-]+", sentence[: match.start()])
        if not before_words or verb in _NOT_VERB_AFTER_TO or verb.endswith(("ing", "ly", "ed")):
            continue
        if before_words[-1].lower() in _CATENATIVE or match.start() < 3:
            continue
        if not rx.search(r"\b\w+(?:ed|ent|ilt|ade|ew|ook|ave|ote|old)\b|\b(?:uses|use|gives|makes|helps)\b",
                         sentence[: match.start()]):
            continue  # no finished action before it: not a purpose
        if verb in _NOUNS_AFTER_TO or before_words[-1].lower() in ("bled", "barriers", "access", "close", "due"):
            continue  # "bled to death", "barriers to entry": not a purpose
        tail = rx.match(r"to\s+(?:[^,;.]|\.(?=\d)){3,140}", sentence[match.start():])
        if not tail:
            continue
        end = match.start() + tail.end()
        spans.append((match.start(), end, "purpose (to ...)"))
    for start, end, reason in spans[:2]:
        answer = _trim_reason(sentence[start:end].rstrip())
        if len(answer.split()) < 3 or _inside_quote(sentence, start):
            continue
        # An explicit "because" or "By ...-ing" is a surer reason than an infinitive that may not be one.
        confidence = 0.58 if reason.startswith("purpose") else 0.6
        if len(answer.split()) > 8:
            confidence -= 0.04  # too long to blank in a cloze: fewer question forms
        candidate = _make("cause", info, antecedents, entities, start, start + len(answer), None,
                          confidence, reason, answer=answer)
        if candidate:
            candidate.notes.append("no distractors: add three plausible wrong reasons to get multiple choice")
            out.append(candidate)
    return out


# Words after "to" that are nouns or adverbs, not the verb of a purpose.
_NOUNS_AFTER_TO = {"death", "entry", "well", "date", "power", "market", "school", "bed", "court", "war", "sea",
                   "life", "mind", "light", "scale", "office", "prison", "hospital", "church", "work", "town",
                   "home", "space", "earth", "zero", "nothing", "whom", "about", "around", "over", "under"}


def _trim_reason(answer: str) -> str:
    """A reason short enough to blank (at most 8 words), cut where a new clause starts."""
    words = answer.split()
    if len(words) <= 8:
        return answer
    for match in rx.finditer(r"\s(?:as if|while|when|after|before|that|which|who|where|in order to)\s", answer):
        if match.group(0).strip() == "that" and rx.search(
                r"\b(?:learned|learnt|knew|found|showed|realised|realized|discovered|believed|feared|thought|said)$",
                answer[: match.start()]):
            continue  # "Because doctors had learned that mosquitoes spread ...": the that-clause is the reason
        if 3 <= len(answer[: match.start()].split()) <= 8:
            return answer[: match.start()]
    return answer


_KNOWN_AS = re.compile(r"\b(?:known as|called|named|dubbed|nicknamed)\s+(?:the\s+)?(?P<term>[\"\u201c]?[\w][\w\s'-]{1,40}?[\"\u201d]?)(?=[,.;]|\s+(?:and|in|on|at|by|for|to|which|that|survives|is|was)\b|$)")
_KIND_OF = re.compile(r"(?P<term>\b[a-z][\w-]+|[A-Z][\w-]+(?: [A-Z][\w-]+)*), (?P<def>(?:a|an) (?:kind|type|form|species|variety) of [^,.;]{3,60})")
# A lower-case term and, in apposition, the kind of thing it is: "chlorophyll, a green pigment that ...",
# "sfumato, a technique of soft shading". The head nouns say it is a term of the subject.
_APPOSED_TERM = re.compile(
    r"(?<![\w-])(?P<term>[a-z][a-z-]{3,}), (?P<def>(?:a|an) (?:[a-z-]+ ){0,3}?"
    r"(?:pigment|technique|process|molecule|enzyme|protein|substance|compound|method|mineral|organelle|organ|"
    r"tissue|hormone|gas|acid|element|particle|device|instrument|disease|condition|style|genre|dance|"
    r"structure|reaction|cycle|theory|principle|material|alloy|fabric|plant|species|tool|weapon|drug|vaccine|"
    r"virus|bacterium|fungus|rock|sugar|fat|vitamin|metal|fibre|fiber)s?)(?= (?:that|which|who|of|used|made|"
    r"found|in|with|for|to)\b|[,.;])")
_NOT_TERMS = {"which", "that", "this", "these", "those", "there", "their", "them", "then", "where", "when", "while",
              "also", "such", "other", "others", "each"}
_SCARE = re.compile(r"[\"\u201c](?P<term>[^\"\u201c\u201d]{3,45}?)[,.]?[\"\u201d]")


def _definitions(info: SentenceInfo, antecedents: Antecedents, entities: EntityIndex) -> list[Candidate]:
    out = []
    sentence = info.text
    for match in _KNOWN_AS.finditer(sentence):
        term = match.group("term").strip().strip("\"\u201c\u201d")
        if rx.match(r"(?:it|him|her|them|this|that|after|for|by)\b", term):
            continue  # "named it after George Everest": the object, not the name
        if rx.match(r"called\s+(?:the|a|an)\s+[a-z]", match.group(0)) or rx.search(r"\bwho\s+$", sentence[: match.start()]):
            continue  # "Alfredo Geri, who called the police": a telephone call, not a name
        if rx.fullmatch(r"[a-z]+s\s+[a-z]+", term):
            term = term.split()[0]  # "locomotives called mules run on rails": the name is "mules"
        start = sentence.find(term, match.start("term"))
        if start < 0 or len(term.split()) > 5:
            continue
        candidate = _make("definition", info, antecedents, entities, start, start + len(term), None, 0.66,
                          f'named with "{match.group(0).split()[0]} ..."')
        if candidate:
            out.append(candidate)
    for match in _APPOSED_TERM.finditer(sentence) if ", a" in sentence else ():
        # "Chloroplasts contain chlorophyll, a green pigment that absorbs red and blue light": a term
        # of the subject and what it is (asked as a blank: the article's other terms are no sure
        # wrong choices)
        term = match.group("term")
        if term in _NOT_TERMS or match.start("term") == 0:
            continue
        candidate = _make("definition", info, antecedents, entities, match.start("term"), match.end("term"), None,
                          0.6, f'"{term}, {match.group("def")} ..."')
        if candidate:
            out.append(candidate)
    for match in _KIND_OF.finditer(sentence):
        term = match.group("term")
        candidate = _make("definition", info, antecedents, entities, match.start("term"), match.end("term"), None,
                          0.64, f'"{term}, {match.group("def")}"')
        if candidate:
            out.append(candidate)
    for match in _SCARE.finditer(sentence):
        term = match.group("term").strip()
        words = term.split()
        if not 1 <= len(words) <= 7 or match.start() == 0:
            continue
        start = match.start("term")
        candidate = _make("definition", info, antecedents, entities, start, start + len(term), None,
                          0.6 if len(words) >= 2 else 0.55, f'quoted term "{term}"')
        if candidate:
            out.append(candidate)
    return out


def _subject_entities(info: SentenceInfo, antecedents: Antecedents, entities: EntityIndex) -> list[Candidate]:
    """The entity a sentence is about, when it is the subject of a verb: "Chancellor Helmut Kohl led ..."."""
    if info.subject is None:
        return []
    mention, entity = info.subject
    after = info.text[mention.end:]
    verb = rx.match(r"^\s+(?:(?:later|also|then|first|once|soon|still|never|alone)\s+)?"
                    r"(?:[a-z]+ed|[a-z]+s|was|were|is|are|has|had|" + _IRREGULAR_PAST + r")\b", after)
    if not verb:
        return []
    if rx.match(r"^\s+(?:" + SAY_VERBS + r")\s+(?:that\b|[:\"\u201c,]|(?:it|this)\b)", after) or \
            rx.match(r"^\s+(?:" + SAY_VERBS + r")[.,:]?\s*$", after):
        return []  # an attribution, handled there; "announced the first withdrawal" is a deed
    value = EntityValue(name=entity.name, entity_class=entity.entity_class)
    confidence = 0.5 + 0.2 * entity.confidence - _topic_penalty(entity, entities)
    if entity.entity_class == "person":
        confidence += 0.05
    first = _FIRST.match(after)
    if first:
        confidence += 0.2  # "Armstrong became the first person to ...": the fact a teacher asks first
    candidate = _make("entity", info, antecedents, entities, mention.start, mention.end, value, confidence,
                      f"{entity.entity_class} (class {entity.confidence:.2f} sure) as subject")
    if candidate and entity.entity_class == "person":
        candidate.prompt = _who_prompt(candidate.statement, candidate.answer, mention.title)
    return [candidate] if candidate else []


def _who_prompt(statement: str, answer: str, title: Optional[str]) -> Optional[str]:
    """"Michael Collins flew ..." -> "Who flew ...?": when the statement opens with the person (after
    their title) and the rest is their deed, the hand-style stem is safer than one built from a blank."""
    lead = f"{title} {answer} " if title else f"{answer} "
    asker = "Who"
    described = rx.match(rf"^The ((?:[A-Z][a-z]+ )?(?:[a-z-]+ ){{0,2}}[a-z]+) {re.escape(answer)} ", statement)
    if described and rx.search(r"\b(?:that|which|who|whom|whose|when|where)\b", described.group(1)):
        return None  # "The version that Henry III issued ...": the person is in a relative clause
    if described and not rx.search(r"\b(?:first|last|only|same)\b", described.group(1)):
        # "The Japanese climber Junko Tabei became ..." -> "Which Japanese climber became ...?"; a plural
        # ("The British climbers George Mallory and Andrew Irvine") stays "Who".
        if not described.group(1).endswith("s"):
            asker = f"Which {described.group(1)}"
        rest = statement[described.end():].strip().rstrip(".")
    else:
        for opening in (lead, "The " + lead, answer + " "):
            if statement.startswith(opening):
                rest = statement[len(opening):].strip().rstrip(".")
                break
        else:
            return None
    partner = rx.match(r"^(?:of\s+[A-Z]\w*(?:\s+[A-Z]\w*)*\s+)?and\s+((?:the\s+)?(?:[A-Za-z-]+\s+){0,3}"
                       r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s+(?=(?:[a-z]+ed|[a-z]+s|were|" + _IRREGULAR_PAST + r")\b)", rest)
    if partner:
        # "Edmund Hillary of New Zealand and the Sherpa climber Tenzing Norgay reached ..." ->
        # "Who reached ..., with the Sherpa climber Tenzing Norgay?"
        rest = f"{rest[partner.end():]}, with {partner.group(1)}"
    elif rx.match(r"(?:of|and)\b", rest):
        return None
    # A second clause with its own subject is dropped: "Who founded the Quarrymen in 1956?", not
    # "..., and McCartney joined it in 1957?"
    rest = rx.compiled(r",\s+(?:and|but)\s+(?=(?:he|she|it|they)\s|(?:[A-Z][\w'\u2019-]*\s+|the\s+(?:[\w-]+\s+){0,2}[\w-]+\s+)"
                       r"(?:[A-Z][\w'\u2019-]*\s+){0,2}(?:[a-z]+ed|was|were|had|" + _IRREGULAR_PAST + r")\b)").split(rest, maxsplit=1)[0]
    rest = first_clause(rest)  # (", and in 2002 the House of Representatives passed ...")
    if not 3 <= len(rest.split()) <= 30 or rx.search(r"[\"\u201c\u201d]", rest):
        return None
    if rx.match(r"(?:is|are|has|have|were)\b", rest) or rx.search(r"\b(?:him|her|them|they|he|she)\b", rest):
        return None  # a present state, or a pronoun whose person the stem no longer names
    return f"{asker} {rest}?"



_IRREGULAR_PAST = (
    "led|made|won|became|began|built|sold|took|gave|wrote|held|went|grew|saw|found|drove|ran|spoke|shared|flew|"
    "swam|rode|fought|taught|brought|bought|caught|sang|drew|threw|chose|spent|kept|left|lost|met|paid|sent|set|"
    "stood|struck|fell|got|knew|rose|shot|sat|spread|thought|broke|beat|came|did|gave|sought|sank|"
    "withdrew|overcame|undertook|oversaw|won|hid|dug|split|told|heard|meant|wore|forgot|understood|bore"
)
# A word that can only be a finite verb (or an auxiliary): a part of a sentence without one has left its
# verb behind ("and most of the remaining rules on August 2, 2026"). Present-tense "-s" verbs are not
# told from plural nouns here, so the common ones are listed.
_FINITE_VERB = re.compile(r"\b(?:[a-z]{2,}ed|is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|"
                          r"should|does|do|remains|remain|lies|lie|includes|include|contains|contain|holds|hold|"
                          r"makes|make|takes|take|gives|give|runs|run|says|say|uses|use|becomes|become|"
                          + _IRREGULAR_PAST + r")\b")
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12}
_COUNT_WORDS = r"(?:A|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|\d{1,2})"
_FIRST = re.compile(r"^\s+(?:(?:later|also|then|soon)\s+)?(?:became|was|is|were)\s+the\s+first\b")
# A mention inside a subordinate clause ("... while Armstrong and Aldrin were on the surface") is
# background, not what the sentence says.
_SUBORDINATE = re.compile(r"\b(?:while|whereas|although|though|because|when|whenever|until|unless|after|before|"
                          r"since|if)\s")


def _in_subordinate_clause(sentence: str, start: int) -> bool:
    before = sentence[:start]
    last = None
    for last in _SUBORDINATE.finditer(before):
        pass
    if last is None:
        return False
    if last.start() == 0 or not before[: last.start()].strip():
        return "," not in before[last.end():]  # a fronted clause runs to its comma
    return not rx.search(r"[,;:]", before[last.end():])


def _topic_penalty(entity: Entity, entities: EntityIndex) -> float:
    """"Which organisation ...?" is too easy when the answer is what the whole article is about."""
    top = entities.top_count()
    return 0.15 if entity.count >= 4 and entity.count == top else 0.0


def _object_entities(info: SentenceInfo, antecedents: Antecedents, entities: EntityIndex) -> list[Candidate]:
    """Other named things in the sentence (a person with a title, a place, a project, a product)."""
    out = []
    subject_start = info.subject[0].start if info.subject else -1
    for mention, entity in info.mentions:
        if mention.start == subject_start or _inside_quote(info.text, mention.start):
            continue
        before = info.text[: mention.start]
        if rx.search(r"According to\s+$", before):
            continue
        if rx.search(r"\bPrizes?\s+in\s+(?:[A-Z][a-z]+\s+or\s+)?$", before) and rx.match(r"\s+or\s+[A-Z]", info.text[mention.end:]) \
                or rx.search(r"\bPrizes?\s+in\s+[A-Z][a-z]+\s+or\s+$", before):
            continue  # "the Nobel Prize in Physiology or ______": half of a prize's name is no answer
        cls = entity.entity_class
        confidence = 0.42 + 0.2 * entity.confidence - _topic_penalty(entity, entities)
        if mention.title:
            confidence += 0.12
        if cls in ("project", "event", "place", "product", "person"):
            confidence += 0.05
        if rx.search(r"['\u2019]s?\s*$", info.text[mention.end: mention.end + 3]) and info.text[mention.end:mention.end + 1] in "'\u2019":
            confidence -= 0.1  # a possessive is rarely the point of the sentence
        if rx.match(r"\s*\([A-Z]", info.text[mention.end:]):
            confidence += 0.12  # "German Democratic Republic (GDR)": a defined name
        if rx.search(r"(?:ans|ese|ers)$", mention.text) and cls != "publication":
            confidence -= 0.12  # "East Germans": a group, rarely the answer a teacher wants
        if rx.search(r"\b(?:was|were|is|are|been)\s+[a-z]+(?:ed|en|un|wn|ld|lt)\s+by\s+(?:the\s+|an?\s+)?$", before):
            confidence += 0.08  # the agent of a passive: "was run by NASA", "was launched by a Saturn V rocket"
        if info.subject is not None and _in_subordinate_clause(info.text, mention.start):
            confidence -= 0.15  # the main clause's subject is the point; "while X was ..." is background
        value = EntityValue(name=entity.name, entity_class=cls)
        candidate = _make("entity", info, antecedents, entities, mention.start, mention.end, value, confidence,
                          f"{cls} (class {entity.confidence:.2f} sure)")
        if candidate:
            out.append(candidate)
    return out


# --------------------------------------------------------------------------------------------------
# Sentence analysis


def analyse_sentence(info: SentenceInfo, known_names: set[str], entities: EntityIndex) -> None:
    """Fill dates, quantities and the opening subject of a sentence (mentions are filled by the caller)."""
    info.dates = find_dates(info.text, info.context_year)
    date_spans = [(d.start, d.end) for d in info.dates]
    info.quantities = [q for q in find_quantities(info.text)
                       if not any(s <= q.start < e for s, e in date_spans)]
    info.subject, info.subject_np = _subject_of(info)


_OPENING = re.compile(
    # (an opening phrase holds no subject pronoun and no verb in -ed: "In 1840 she married her cousin,
    # Prince Albert" and "In 2013 Queen Elizabeth II granted him a pardon, and ..." open with their subjects)
    r"^(?:(?:On|In|By|At|During|After|Before|Since|Today|Together with|Under|Alongside|Once)\b"
    r"(?:(?!\b(?:he|she|they|we|him|[a-z]{3,}ed)\b)[^,]){0,60},\s+"
    r"|(?:In|By|On)\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?"
    r"(?:(?:The|the)\s+)?"
)


_GENDER_OF = {"he": "male", "his": "male", "him": "male", "she": "female", "her": "female"}
_KIN_GENDER = {"father": "male", "brother": "male", "son": "male", "husband": "male", "uncle": "male",
               "grandfather": "male", "nephew": "male", "mother": "female", "sister": "female",
               "daughter": "female", "wife": "female", "aunt": "female", "grandmother": "female", "niece": "female"}
_TITLE_GENDER = {"mr": "male", "sir": "male", "king": "male", "lord": "male", "prince": "male", "emperor": "male",
                 "duke": "male", "mrs": "female", "ms": "female", "miss": "female", "queen": "female",
                 "lady": "female", "dame": "female", "princess": "female", "empress": "female", "duchess": "female",
                 "countess": "female"}


# Role nouns that say a person's sex ("the congressman John Conyers").
_ROLE_GENDER = {"congressman": "male", "congresswoman": "female", "businessman": "male", "businesswoman": "female",
                "chairman": "male", "chairwoman": "female", "spokesman": "male", "spokeswoman": "female",
                "actor": "male", "actress": "female", "sportsman": "male", "sportswoman": "female",
                "nobleman": "male", "noblewoman": "female", "monk": "male", "nun": "female", "widow": "female",
                "widower": "male", "heiress": "female", "waitress": "female", "countess": "female",
                "stewardess": "female", "schoolboy": "male", "schoolgirl": "female", "boy": "male", "girl": "female",
                "man": "male", "woman": "female"}


def _pronoun_gender(text: str) -> Optional[str]:
    """"male" or "female" when the rest of a sentence refers back as "he" or "she" (never both). Not
    by "his", "him" or "her", which may mean someone else: "Becquerel had found the rays before her"."""
    male = rx.search(r"\b(?:he|himself)\b", text) is not None
    female = rx.search(r"\b(?:she|herself)\b", text) is not None
    return "male" if male and not female else "female" if female and not male else None


_KIN = {"father", "mother", "brother", "sister", "son", "daughter", "wife", "husband", "uncle", "aunt",
        "grandfather", "grandmother", "cousin", "parents", "brothers", "sisters", "sons", "daughters"}

# Lower-case words after a name that are not a head noun of it ("The Switch also sold").
_NOT_HEADS = {"also", "then", "still", "soon", "now", "first", "later", "itself", "alone", "too", "again",
              "and", "or", "but", "who", "which", "that", "never", "often", "once", "not"}


def _subject_of(info: SentenceInfo) -> tuple[Optional[tuple[Mention, Entity]], Optional[str]]:
    opening = _OPENING.match(info.text)
    position = opening.end() if opening else 0
    for mention, entity in info.mentions:
        between = info.text[position: mention.start]
        # "President Theodore Roosevelt made ...", "The Japanese climber Junko Tabei became ...".
        titled = bool(mention.title) and between == mention.title + " " or (
            info.text[max(0, position - 4): position] in ("The ", "the ")
            and bool(rx.fullmatch(r"(?:[A-Z][a-z]+\s+)?(?:[a-z-]+\s+){1,3}", between))
            and not rx.search(r"\b(?:was|is|were|are|has|had|became|of|by|to|and|[a-z]+ed)\b", between))
        if mention.start == position or titled or (mention.start < position + 1 and mention.end > position):
            np = info.text[opening.start() if opening and info.text[position - 4: position] in ("The ", "the ") and False else position: mention.end]
            has_the = info.text[max(0, mention.start - 4): mention.start] in ("The ", "the ")
            phrase = ("The " if has_the else "") + mention.text
            if not has_the and mention.start > position and info.text[max(0, position - 4): position] in ("The ", "the "):
                # "The first Tour started ...": later "It" is "The first Tour", not a bare "Tour"
                phrase = "The " + info.text[position: mention.end]
            # "The Chernobyl disaster was ...": the phrase is the disaster, not "The Chernobyl"
            # (also before a clause in commas: "The Calvin cycle, which takes place in the stroma, uses")
            head = rx.match(r"\s+([a-z]+)(?=\s+(?:was|is|were|are|has|had|became|[a-z]+ed)\b|,\s+(?:which|who|that)\b)",
                            info.text[mention.end:]) if has_the else None
            if head and not head.group(1).endswith("ly") and head.group(1) not in _NOT_HEADS:
                phrase += " " + head.group(1)
            # A title before the name belongs to the subject phrase but not to the answer.
            return (mention, entity), phrase
        if mention.start > position:
            break
    # A common-noun subject still helps "it" later: "The wall was ..." -> "The wall".
    match = rx.match(r"^(?:(?:In|By|On)\s+(?:[A-Z][a-z]+\s+)?\d{4},?\s+)?([Tt]he\s+[a-z]+(?:\s+(?!(?:was|is|were|are|has|had|have)\b)[a-z]+)?)"
                     r"\s+(?:was|is|were|are|has|had|[a-z]+ed)\b", info.text)
    if not match and info.position == 0:
        # "Oxygen is a chemical element ...", "Stoicism is a school of philosophy ...": a word that opens
        # the article and is defined there is its topic (no mention: any first word is capitalised),
        # and a later "It becomes a pale blue liquid" means it.
        match = rx.match(r"^([A-Z][a-z]{2,})\s+(?:is|was)\s+(?:an?|the|one)\s", info.text)
    return None, (match.group(1) if match else None)
