"""`quizgen extract`: draft a fact bank from any article, offline, with rules only.

    from quizgen.extract import extract_article, draft_facts
    report = extract_article(Path("article.txt"), Path("content/my-bank"))

Pipeline: document (blocks, headings) -> sentences -> entities (merged, classed) -> candidates per
sentence (relations) -> ranking -> writer; then the draft is loaded, its questions generated and
linted, and facts whose questions fail lint are dropped (and replaced by the next best), so the
draft is never written broken.
"""

from __future__ import annotations

import datetime
import functools
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from pydantic import ValidationError

from quizgen.errors import BankError, QuizgenError
from quizgen.extract.dates import DateMention, find_dates
from quizgen.extract.document import Document, read_document
from quizgen.extract.entities import EntityIndex, find_mentions, key_of
from quizgen.extract.ranking import candidate_key, prepare, select
from quizgen.extract.relations import PERSON_KNOWN_AS, Antecedents, Candidate, SentenceInfo, analyse_sentence, candidates_for
from quizgen.extract.writer import render_article, render_facts
from quizgen.generate.text import garbled_stem_reasons
from quizgen.model import DateValue, EntityValue, Fact, SourceQuote
from quizgen.names import GIVEN_NAMES

__all__ = ["extract_article", "draft_candidates", "draft_facts", "ExtractReport", "DEFAULT_MAX_FACTS"]

DEFAULT_MAX_FACTS = 40
LINT_ROUNDS = 4


@dataclass
class DraftFact:
    """A fact of the draft with what the reviewer should know about it."""

    fact: Fact
    confidence: float
    reason: str
    notes: list[str]
    candidate: Candidate


@dataclass
class ExtractReport:
    """What `extract_article` wrote and what it left out."""

    out_dir: Path
    facts: list[DraftFact]
    dropped_by_lint: list[str] = field(default_factory=list)
    questions: int = 0
    questions_with_errors: int = 0
    linted: bool = False

    def summary(self) -> str:
        kinds: dict[str, int] = {}
        for draft in self.facts:
            kinds[draft.fact.kind] = kinds.get(draft.fact.kind, 0) + 1
        by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
        text = f"{len(self.facts)} draft facts ({by_kind}) written to {self.out_dir}"
        if self.linted:
            text += f"; {self.questions} questions, 0 with lint errors"
            if self.dropped_by_lint:
                n = len(self.dropped_by_lint)
                text += f"; {n} candidate{'s' if n != 1 else ''} left out because {'their' if n != 1 else 'its'} questions failed lint (listed in the header)"
        return text + f"\nNext: review {self.out_dir / 'facts.yaml'}, then run: quizgen check {self.out_dir}"


# --------------------------------------------------------------------------------------------------
# Analysis


# A date without its year ("was evacuated on April 27") within this many days of the last date
# written in full ("April 26, 1986") takes that date's year, even if a bare year came between:
# "..., the other being the Fukushima accident in 2011. Pripyat was evacuated on April 27" means
# April 27, 1986.
_NEAR_DATED_DAYS = 61


def _year_of_bare_dates(text: str, running_year: Optional[int],
                        last_dated: Optional[tuple[int, int, int]]) -> Optional[int]:
    """The year for the dates of `text` written without one: the year of a date the sentence itself
    writes ("in March 1918, where the cook reported sick on March 4"); else the running year (the
    last one the article wrote), unless the first such date falls within _NEAR_DATED_DAYS of
    `last_dated`, the last date written in full."""
    dates = find_dates(text, (last_dated or (running_year or 2000,))[0])
    bare = [d for d in dates if d.year_inferred]
    if not bare:
        return running_year
    own = [d for d in dates if not d.year_inferred and not d.value.is_span]
    if own:  # the nearest before it, else the first after it: "from June 12 to July 13, 2014"
        before = [d for d in own if d.start < bare[0].start]
        return (before[-1] if before else own[0]).value.parts[0]
    if last_dated is None or last_dated[0] == running_year:
        return running_year
    year, month, day = bare[0].value.parts
    last_year, last_month, last_day = last_dated
    try:
        gap = (datetime.date(year, month, max(day, 1)) - datetime.date(last_year, last_month, max(last_day, 1))).days
    except ValueError:
        return running_year
    # within two months either side: "the semi-final on July 8" after "until July 13, 2014"
    return last_year if abs(gap) <= _NEAR_DATED_DAYS else running_year


def draft_candidates(document: Document, start_year: Optional[int] = None) -> list[Candidate]:
    """Every candidate fact of the article, in article order."""
    sentences: list[SentenceInfo] = []
    title_key = " ".join(re.findall(r"\w+", (document.title or "").casefold()))
    known_names = _mid_sentence_names(document)
    common_words = {w for b in document.body_blocks() for w in re.findall(r"\b[a-z][a-z-]+\b", b.text)}
    entities = EntityIndex()
    context_year = start_year
    last_dated: Optional[tuple[int, int, int]] = None  # the last date written with its month and year
    position = 0
    raw_mentions: list[list] = []
    for block_index, block in enumerate(document.blocks):
        if block.kind == "heading":
            years = [d.value.parts[0] for d in find_dates(block.text) if not d.value.is_span]
            if years:
                context_year = years[-1]
            continue
        heading_date = _heading_date(block.headings)
        for sentence in block.sentences:
            year_here = heading_date.value.parts[0] if heading_date else context_year
            if not heading_date:
                year_here = _year_of_bare_dates(sentence.text, year_here, last_dated)
            info = SentenceInfo(text=sentence.text, position=position, block_index=block_index,
                                headings=block.headings, heading_date=heading_date, context_year=year_here,
                                context_date=last_dated)
            mentions = find_mentions(sentence.text, known_names, common_words)
            entities.add_sentence(mentions, sentence.text)
            raw_mentions.append(mentions)
            sentences.append(info)
            # (a decade or century dates no bare month after it)
            explicit_dates = [d.value for d in find_dates(sentence.text) if not d.year_inferred
                              and not d.value.is_span]
            named_years = re.findall(r"\bthe\s+(1[5-9]\d\d|20\d\d)\s+[A-Z]", sentence.text)
            if explicit_dates:
                context_year = explicit_dates[-1].parts[0]
            elif named_years:
                context_year = int(named_years[-1])  # "At the 2008 Summer Olympics ...": a year all the same
            dated = [v.parts for v in explicit_dates if v.precision != "year"]
            if dated:
                last_dated = dated[-1]
            position += 1
    entities.merge_short_names()
    for entity in entities.all():
        entity.freeze()
    _birth_names(raw_mentions, sentences, entities)
    namesakes = _namesakes(entities)
    antecedents = Antecedents()
    out: list[Candidate] = []
    for info, mentions in zip(sentences, raw_mentions):
        info.mentions = [(m, entities.resolve(m.text)) for m in mentions if entities.resolve(m.text) is not None]
        analyse_sentence(info, known_names, entities)
        for candidate in candidates_for(info, antecedents, entities):
            candidate.tags = _tags(info.headings)
            _use_full_name(candidate)
            _add_other_names(candidate, entities)
            _note_namesakes(candidate, namesakes)
            if candidate.kind in ("entity", "event") and _names_the_topic(candidate.answer, title_key):
                # "Which organisation ...?" -> "Nintendo" in an article titled "Nintendo: ...": too easy.
                candidate.confidence = round(candidate.confidence - 0.15, 2)
                candidate.notes.append("the answer is what the article is about: an easy question")
            out.append(candidate)
        antecedents.record(info)
    return out


# "She was born Rosa Louise McCauley", "..., and he was baptised Albert Chinualumogu Achebe"
_BORN_AS = re.compile(r"(?:^|,\s+and\s+|;\s+)(?:[Hh]e|[Ss]he)\s+was\s+(?:born|baptised|baptized|christened)\s+((?:[A-Z][\w'\u2019-]+\s+){1,3}[A-Z][\w'\u2019-]+)\b(?!\s+[A-Z])")


# "Fans in Brazil called him O Rei, the King": a nickname of the person the article is about
_NICKNAMED = re.compile(r"\b(?:called|nicknamed|dubbed)\s+(?:him|her)\s+((?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]+)\b")


def _birth_names(raw_mentions: list, sentences: list, entities: EntityIndex) -> None:
    """"Rosa Parks was ... She was born Rosa Louise McCauley in Tuskegee": the birth name is another
    name of the person the article is about (its first sentence's subject), not another person."""
    if not sentences or not raw_mentions[0]:
        return
    first = raw_mentions[0][0]
    topic = entities.resolve(first.text)
    if topic is None or first.start > 0 or topic.entity_class != "person":
        return
    known = PERSON_KNOWN_AS.match(sentences[0].text)
    if known:  # "Edson Arantes do Nascimento, known as Pelé, was ...": the name the article then uses
        entities.add_other_name(topic.name, known.group(1))
    for info in sentences[1:]:
        born = _BORN_AS.search(info.text) or _NICKNAMED.search(info.text)
        if born:
            entities.add_other_name(topic.name, born.group(1))


def _names_the_topic(answer: str, title_key: str) -> bool:
    words = [w for w in re.findall(r"\w+", answer.casefold()) if w not in ("co", "ltd", "inc", "corp", "plc", "llc")]
    key = " ".join(words)
    return bool(key) and bool(title_key) and f" {key} " in f" {title_key} "


def _add_other_names(candidate: Candidate, entities: EntityIndex) -> None:
    """The other names the article gives the answer's entity, as the value's aliases (with a note)."""
    value = candidate.value
    if not isinstance(value, EntityValue):
        return
    entity = entities.resolve(value.name)
    if entity is None or not entity.other_names:
        return
    own = {key_of(value.name), key_of(candidate.answer)}
    names = sorted(n for n in entity.other_names if key_of(n) not in own)
    for name in names:
        # "the ______ (GDR)" gives the key away: the statement drops the bracketed other name
        candidate.statement = candidate.statement.replace(f"{candidate.answer} ({name})", candidate.answer, 1)
    if names:
        candidate.value = value.model_copy(update={"aliases": names})
        candidate.notes.append(f"also named {', '.join(names)} in the article (value.aliases)")


def _namesakes(entities: EntityIndex) -> dict[str, list[str]]:
    """Each person's name -> the other people of the article with the same surname ("Jesse Owens"
    -> ["James Cleveland Owens"]): family, or one person under two names, which only a reader can
    tell."""
    by_surname: dict[str, list[str]] = {}
    for entity in entities.all():
        words = entity.name.split()
        if entity.entity_class == "person" and len(words) >= 2:
            by_surname.setdefault(words[-1].casefold(), []).append(entity.name)
    return {name: [other for other in names if other != name]
            for names in by_surname.values() if len(names) > 1 for name in names}


def _note_namesakes(candidate: Candidate, namesakes: dict[str, list[str]]) -> None:
    value = candidate.value
    if isinstance(value, EntityValue) and value.entity_class == "person" and value.name in namesakes:
        others = [n for n in namesakes[value.name] if n not in value.aliases]
        if others:
            candidate.notes.append(f"{' and '.join(others)} {'shares' if len(others) == 1 else 'share'} this "
                                   "surname: if one person, add to value.aliases")


def _use_full_name(candidate: Candidate) -> None:
    """"Zuckerberg compared ..." -> "Mark Zuckerberg compared ...": the answer a reader can check, and
    no distractor can be the same person under their full name."""
    value = candidate.value
    name = getattr(value, "name", None)
    if getattr(value, "entity_class", None) != "person" or not name or name == candidate.answer:
        return
    if not name.endswith(" " + candidate.answer) or name in candidate.statement:
        return
    index = candidate.statement.find(candidate.answer)
    if index < 0:
        return
    candidate.statement = candidate.statement[:index] + name + candidate.statement[index + len(candidate.answer):]
    candidate.answer = name


def _heading_date(headings: tuple[str, ...]) -> Optional[DateMention]:
    for heading in reversed(headings):
        found = [d for d in find_dates(heading) if not d.year_inferred and not d.value.is_span]
        if found:
            return found[-1]
    return None


def _mid_sentence_names(document: Document) -> set[str]:
    """Capitalised words that occur somewhere other than at a sentence start: names, not openers."""
    names: set[str] = set()
    full_names: set[str] = set()
    for block in document.body_blocks():
        for sentence in block.sentences:
            for match in re.finditer(r"(?<=[\w,;:)] )([A-Z][\w-]+)", sentence.text):
                names.add(match.group(1))
            opening = _OPENING_FULL_NAME.match(sentence.text)
            if opening and opening.group(1).lower() in GIVEN_NAMES:
                full_names.add(opening.group(1))
    # "Leonardo da Vinci was ... Leonardo died there": a first name that opens a full name in one
    # sentence names that person when it opens another alone
    return names | full_names


_OPENING_FULL_NAME = re.compile(r"([A-Z][a-z]+)\s+(?:(?:da|de|di|van|von|del|della|du|le|la)\s+)?[A-Z][a-z]+")


def _tags(headings: tuple[str, ...]) -> list[str]:
    return list(_heading_tag(headings[-1])) if headings else []


@functools.lru_cache(maxsize=4096)
def _heading_tag(heading: str) -> tuple[str, ...]:
    headings = (heading,)
    if not headings:
        return ()
    text = re.sub(r"\([^)]*\)", "", headings[-1])
    slug = slugify(text, 40)
    return (slug,) if slug else ()


def slugify(text: str, limit: int = 60) -> str:
    """ASCII slug cut at a word boundary: "Phase 1: The Foundation" -> "phase-1-the-foundation"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", text)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")


# --------------------------------------------------------------------------------------------------
# Facts


def draft_facts(document: Document, max_facts: int = DEFAULT_MAX_FACTS, excluded: frozenset = frozenset(),
                no_prompt: frozenset = frozenset(), candidates: Optional[list[Candidate]] = None,
                prepared: bool = False) -> list[DraftFact]:
    """The selected candidates as validated Facts with stable ids (`prepared`: already through ranking.prepare)."""
    if candidates is None:
        candidates = draft_candidates(document, _start_year(document))
    chosen = select(candidates, max_facts, set(excluded), prepared=prepared)
    drafts: list[DraftFact] = []
    used_ids: set[str] = set()
    for candidate in chosen:
        fact_id = _fact_id(candidate, used_ids)
        prompt = None if candidate_key(candidate) in no_prompt else candidate.prompt
        if prompt and garbled_stem_reasons(prompt):
            # Lint trusts a fact's prompt as its author's wording; this one is ours, so it must pass
            # the checks lint runs on automatic stems ("..., and it took effect on ...?").
            prompt = None
        try:
            fact = Fact(id=fact_id, kind=candidate.kind, statement=candidate.statement, answer=candidate.answer,
                        value=candidate.value, prompt=prompt, source=SourceQuote(quote=candidate.quote),
                        tags=candidate.tags)
        except ValidationError:
            continue  # a candidate the model rejects is never written
        used_ids.add(fact_id)
        drafts.append(DraftFact(fact, candidate.confidence, candidate.reason, list(candidate.notes), candidate))
    return drafts


def _fact_id(candidate: Candidate, used: set[str]) -> str:
    """A readable slug from the answer and the statement's first content words; unique in the draft."""
    answer = slugify(candidate.answer, 36)
    stop = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "by", "for", "with", "that", "was", "is",
            "were", "its", "it", "as", "from", "this"}
    rest = candidate.statement.replace(candidate.answer, " ")
    words = [w for w in re.findall(r"[a-z0-9]+", slugify(rest, 200).replace("-", " ")) if w not in stop]
    base = "-".join(filter(None, [answer, "-".join(words[:3]) or candidate.kind]))[:72].strip("-")
    base = re.sub(r"-+", "-", base) or candidate.kind
    fact_id, n = base, 2
    while fact_id in used:
        fact_id, n = f"{base}-{n}", n + 1
    return fact_id


def _start_year(document: Document) -> Optional[int]:
    front = document.front_matter or {}
    match = re.match(r"(\d{4})", str(front.get("date", "")))
    return int(match.group(1)) if match else None


# --------------------------------------------------------------------------------------------------
# Front matter


def guess_meta(document: Document, source_path: Path) -> dict:
    """Front matter for article.md: kept from the input when it has one, else guessed from the text."""
    front = dict(document.front_matter or {})
    meta: dict = {}
    title = front.get("title") or document.title
    if not title:
        stem = source_path.stem if source_path.stem.lower() != "article" else source_path.parent.name
        title = re.sub(r"[-_]+", " ", stem).strip().title() or "Untitled article"
    meta["title"] = str(title)
    for key in ("publisher", "source", "url", "licence"):
        if front.get(key):
            meta[key] = str(front[key])
    if not (meta.get("publisher") or meta.get("source")):
        meta["source"] = f"{source_path.name} (drafted by quizgen extract)"
    date = front.get("date")
    meta["date"] = str(date) if date else guess_date(document)
    meta["language"] = str(front.get("language") or "en")
    return meta


def guess_date(document: Document) -> str:
    """The article's date: a dateline if there is one, else the most precise date it names in the
    latest year it names (an article is usually written after the last thing it reports)."""
    dated: list[DateValue] = []
    for block in document.blocks[:3]:
        match = re.search(r"\b(?:Published|Updated|Posted|Date)\b:?\s*(.{6,40})", block.text)
        if match:
            found = find_dates(match.group(1))
            if found:
                return found[0].value.date
    for block in document.blocks:  # headings too: "Phase 3 (December 2024)"
        # Sentence by sentence: the same texts the extractor already parsed (cached).
        for text in [s.text for s in block.sentences] or [block.text]:
            for found in find_dates(text):
                if not found.value.is_span:
                    dated.append(found.value)
    latest_year = max((d.parts[0] for d in dated), default=None)
    # The most precise date in the latest year named ("1945" beats "June 6, 1944").
    pool = [d for d in dated if d.parts[0] == latest_year and d.precision != "year"] or \
        [d for d in dated if d.parts[0] == latest_year]
    if not pool:
        # No date anywhere: the month of drafting (SOURCE_DATE_EPOCH pins it), flagged for review.
        import datetime as dt
        import os

        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        today = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch and epoch.isdigit() \
            else dt.date.today()
        return f"{today.year:04d}-{today.month:02d}"
    return max(pool, key=lambda d: d.parts).date


# --------------------------------------------------------------------------------------------------
# The command


def extract_article(source: Path, out_dir: Optional[Path] = None, max_facts: int = DEFAULT_MAX_FACTS,
                    force: bool = False, progress: Callable[[str], None] = lambda _: None) -> ExtractReport:
    """Read ARTICLE.txt/.md and write OUT/article.md + OUT/facts.yaml, a draft that passes `quizgen check`."""
    from quizgen.output import write_text_atomic

    source = Path(source)
    if max_facts < 1:
        raise QuizgenError("--max-facts must be at least 1")
    document = read_document(source)
    if out_dir is None:
        stem = source.stem if source.stem.lower() != "article" else source.resolve().parent.name + "-draft"
        out_dir = Path("content") / (slugify(stem, 60) or "draft")
    out_dir = Path(out_dir)
    if (out_dir / "facts.yaml").exists() and not force:
        raise QuizgenError(f"{out_dir / 'facts.yaml'} already exists; pass --force to overwrite it, "
                           "or choose another folder with -o")
    count = sum(len(b.sentences) for b in document.body_blocks())
    progress(f"read {source}: {count} sentence{'s' if count != 1 else ''}")
    meta = guess_meta(document, source)
    article_text = render_article(document, meta)
    candidates = draft_candidates(document, _start_year(document))
    progress(f"{len(candidates)} candidate facts")
    candidates = prepare(candidates)
    excluded: set[tuple] = set()
    no_prompt: set[tuple] = set()
    dropped: list[str] = []
    dropped_notes: list[str] = []
    report: Optional[ExtractReport] = None
    for round_number in range(LINT_ROUNDS + 1):
        drafts = draft_facts(document, max_facts, frozenset(excluded), frozenset(no_prompt), candidates, prepared=True)
        if not drafts:
            raise QuizgenError(f"{source}: found no facts to draft (is it a factual article in English?)")
        facts_text = render_facts([(d.fact, d.confidence, d.reason, d.notes) for d in drafts],
                                  _header(source, meta, document))
        failing, total, linted = _lint_draft(article_text, facts_text)
        report = ExtractReport(out_dir=out_dir, facts=drafts, dropped_by_lint=list(dropped), questions=total,
                               linted=linted)
        if not failing:
            break
        if round_number == LINT_ROUNDS:
            # Last resort: leave out every fact that still fails rather than write it broken.
            for draft in drafts:
                if draft.fact.id in failing:
                    dropped.append(draft.fact.id)
                    dropped_notes.append(_dropped_note(draft, failing[draft.fact.id]))
            drafts = [d for d in drafts if d.fact.id not in failing]
            report.facts = drafts
            break
        for draft in drafts:
            if draft.fact.id in failing:
                key = candidate_key(draft.candidate)
                if draft.fact.prompt and key not in no_prompt:
                    no_prompt.add(key)  # first try the generator's own stem
                else:
                    excluded.add(key)
                    dropped.append(draft.fact.id)
                    dropped_notes.append(_dropped_note(draft, failing[draft.fact.id]))
        progress(f"lint round {round_number + 1}: {len(failing)} facts had questions with errors")
    assert report is not None
    report.dropped_by_lint = dropped
    # Final text: the same facts, with the left-out candidates listed for the reviewer.
    header = _header(source, meta, document)
    if dropped_notes:
        header.append("Left out because their questions failed lint (replaced by the next best candidates):")
        header += [f"  - {note}" for note in dropped_notes]
    facts_text = render_facts([(d.fact, d.confidence, d.reason, d.notes) for d in report.facts], header)
    write_text_atomic(out_dir / "article.md", article_text)
    write_text_atomic(out_dir / "facts.yaml", facts_text)
    progress(f"wrote {out_dir / 'article.md'}")
    progress(f"wrote {out_dir / 'facts.yaml'}")
    return report


def _dropped_note(draft: DraftFact, message: str) -> str:
    quote = draft.fact.source.quote
    short = quote if len(quote) <= 70 else quote[:67].rstrip() + "..."
    return f'{draft.fact.kind} "{draft.fact.answer}" from "{short}": {message}'


def _header(source: Path, meta: dict, document: Document) -> list[str]:
    lines = [
        f"Draft fact bank written by `quizgen extract` from {source.name}.",
        "Review every fact: the statement must be true and read on its own, the answer is the part a",
        "question asks for, and the source quote is copied from article.md. Delete what a teacher would not ask.",
        "Each fact's comment gives the extractor's confidence (0-1) and why it proposed the fact.",
    ]
    if not document.front_matter:
        lines.append(f'article.md front matter was guessed: title "{meta["title"]}", date {meta["date"]}; check both.')
    return lines


def _lint_draft(article_text: str, facts_text: str) -> tuple[dict[str, str], int, bool]:
    """Load the draft like `quizgen check` does and lint its questions:
    ({failing fact id: first error}, number of questions, whether lint ran)."""
    from quizgen.loading import load_bank
    from quizgen.output import write_text_atomic

    with tempfile.TemporaryDirectory(prefix="quizgen-extract-") as tmp:
        folder = Path(tmp) / "draft"
        write_text_atomic(folder / "article.md", article_text)
        write_text_atomic(folder / "facts.yaml", facts_text)
        try:
            bank = load_bank(folder)
        except BankError as exc:
            # A draft the loader rejects is a bug of the extractor, never the user's problem to debug.
            raise QuizgenError("internal error: the draft does not validate: "
                               + "; ".join(str(e) for e in exc.errors[:3])) from None
        try:
            from quizgen.generate import generate_questions
        except ImportError:
            return {}, 0, False
        questions = generate_questions(bank)
    failing: dict[str, str] = {}
    quotes = {fact.id: fact.source.quote for fact in bank.facts}
    for question in questions:
        if question.has_errors:
            error = next(f for f in question.lint if f.severity == "error")
            message = f"{question.id.split('.', 1)[-1] if len(question.fact_ids) == 1 else question.kind}: {error.code}"
            if len(question.fact_ids) == 1:
                failing.setdefault(question.fact_id, message)
                continue
            # A group question fails when two of its facts share a sentence (one prints the other's
            # answer): leave out the later of them, not an innocent member of the group.
            seen: dict[str, str] = {}
            culprit = question.fact_ids[-1]
            for fact_id in question.fact_ids:
                quote = quotes.get(fact_id, "")
                if quote in seen:
                    culprit = fact_id
                    break
                seen[quote] = fact_id
            failing.setdefault(culprit, message)
    return failing, len(questions), True
