"""Anki decks: an .apkg for import (three note types with fixed ids and field lists) and Anki's plain-text
import format. The only genanki user.

Identity is what makes re-import update a student's notes instead of duplicating them:
- note GUID from the bank id and question id (never genanki's default, a hash of every field),
- deck id from the bank id, note type ids hard-coded below (never change them),
- field lists fixed per note type (Anki forks a note type whose fields change),
- note modification time = build time (Anki only updates a note whose incoming mtime is newer), unless
  `timestamp` / SOURCE_DATE_EPOCH pins it for reproducible bytes; see `resolve_timestamp`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import itertools
import json
import os
import re
import sqlite3
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

import genanki

from quizgen.errors import QuizgenError
from quizgen.export.base import ExportResult
from quizgen.model import LETTERS, Question, SourceRef, normalize_text
from quizgen.output import write_bytes_atomic, write_text_atomic, zip_bytes

if TYPE_CHECKING:  # pragma: no cover
    from quizgen.loading import Bank

SUBDECK_MODES = ("tag", "kind")

# --------------------------------------------------------------------------------------------------
# Escaping: every piece of user text goes through `field_html` before it meets our markup.

# Beyond HTML's five characters, Anki gives meaning to braces ({{c1::x}} clozes, {{Field}} in
# templates) and square brackets ([sound:x], [latex], [$]): entities keep them literal on the card,
# because Anki parses field HTML before the browser decodes entities.
_FIELD_ESCAPES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
    "{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;",
    "\t": " ", "\r": "", "\n": "<br>",
}
_FIELD_SPECIAL = re.compile("[" + re.escape("".join(_FIELD_ESCAPES)) + "]")


def field_html(text: str) -> str:
    """User text as Anki field HTML that shows every character literally."""
    # One regex pass, skipped when nothing needs escaping: this runs ~10 times per note.
    if _FIELD_SPECIAL.search(text) is None:
        return text
    return _FIELD_SPECIAL.sub(_escape_match, text)


def _escape_match(match: "re.Match[str]") -> str:
    return _FIELD_ESCAPES[match.group()]


def _cloze_answer_html(text: str) -> str:
    # Inside {{c1::...}} a "::" would start a hint; a colon entity keeps it part of the answer.
    return field_html(text).replace(":", "&#58;")


# --------------------------------------------------------------------------------------------------
# Identity

# Hard-coded forever: changing one makes every student's next import create a new note type and
# duplicate every note. (Each was derived once from stable_id("quizgen-model-<name>").)
MULTIPLE_CHOICE_MODEL_ID = 1588792040
BASIC_MODEL_ID = 1953209422
CLOZE_MODEL_ID = 1290114767


def stable_id(*parts: str) -> int:
    """A 31-bit id in [2^30, 2^31) from content identity (genanki's recommended id range)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def deck_id_for(bank_id: str, subdeck: str = "") -> int:
    """The deck id of a bank (or of one of its subdecks): stable across rebuilds and title edits."""
    return stable_id("quizgen-deck", bank_id, subdeck)


def note_guid(bank_id: str, question_id: str) -> str:
    """The note GUID: from the bank and question ids only, so editing any text updates the note."""
    return genanki.guid_for("quizgen", bank_id, question_id)


def deck_name_for(title: str) -> str:
    """The bank title as an Anki deck name ('::' would nest decks, so it is softened)."""
    name = " ".join(title.split()).replace("::", ":")
    return name or "quizgen"


def resolve_timestamp(value: "float | int | str | None" = None) -> float:
    """The note modification time: `value`, else SOURCE_DATE_EPOCH, else now.

    Anki updates an already-imported note only when this is newer than the note in the collection,
    so a pinned (reproducible) time stops updates reaching students who imported a later build.
    `value` is Unix seconds or an ISO 8601 date/time (UTC unless it says otherwise).
    """
    if value is None:
        env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if not env:
            return time.time()
        try:
            return float(int(env))
        except ValueError:
            raise QuizgenError(f'SOURCE_DATE_EPOCH must be whole Unix seconds, not "{env}"') from None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        text = str(value).strip()
        try:
            seconds = float(text)
        except ValueError:
            try:
                moment = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                raise QuizgenError(
                    f'timestamp "{text}" is neither Unix seconds nor an ISO date such as 2025-01-31T12:00:00Z'
                ) from None
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=_dt.timezone.utc)
            seconds = moment.timestamp()
    if not 0 < seconds < 32503680000:  # Anki stores whole seconds; year 3000 is a typo, not a plan
        raise QuizgenError(f"timestamp {value} is out of range (Unix seconds after 1970)")
    return seconds


# --------------------------------------------------------------------------------------------------
# Note types

CARD_CSS = """\
.card {
  --qz-fg: #1f2328; --qz-bg: #fbfbf9; --qz-muted: #5f6670; --qz-line: #d5d9de; --qz-panel: #ffffff;
  --qz-ok: #116329; --qz-ok-bg: #dcf5e3; --qz-accent: #0a58ca; --qz-pick: #8250df;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Hebrew", Arial, sans-serif;
  font-size: 20px; line-height: 1.45; color: var(--qz-fg); background: var(--qz-bg);
  text-align: left; overflow-wrap: break-word;
}
.card.nightMode, .nightMode .card, .card.night_mode, .night_mode .card {
  --qz-fg: #e6e8eb; --qz-bg: #1c1d1f; --qz-muted: #a3aab3; --qz-line: #44484e; --qz-panel: #26282b;
  --qz-ok: #7ee2a0; --qz-ok-bg: #173d25; --qz-accent: #8ab4ff; --qz-pick: #c8a8ff;
}
.qz { max-width: 36em; margin: 0 auto; padding: 0.75em 0.9em; }
.qz + .qz { padding-top: 0; }
.qz-instruction { font-size: 0.72em; font-weight: 600; letter-spacing: 0.07em; text-transform: uppercase;
  color: var(--qz-muted); margin-bottom: 0.35em; }
.qz-question { font-size: 1.08em; font-weight: 600; margin-bottom: 0.7em; }
.qz-image img, .qz img { max-width: 100%; height: auto; border-radius: 6px; }
.qz-image { margin: 0.4em 0 0.8em; }
.qz-choices, .qz-items { margin: 0.3em 0; padding: 0; list-style: none; }
.qz-choice, .qz-item { display: flex; gap: 0.6em; align-items: baseline; margin: 0.45em 0;
  padding: 0.55em 0.75em; border: 1px solid var(--qz-line); border-radius: 10px; background: var(--qz-panel); }
.qz-letter { flex: none; min-width: 1.3em; font-weight: 700; color: var(--qz-accent); }
.qz-text { flex: 1; }
.qz-mark { flex: none; font-size: 0.8em; font-weight: 700; color: var(--qz-ok); }
.qz-correct { border: 2px solid var(--qz-ok); background: var(--qz-ok-bg); }
.qz-tappable .qz-choice { cursor: pointer; }
.qz-picked { outline: 3px solid var(--qz-pick); outline-offset: 1px; }
.qz-verdict { margin: 0.5em 0; font-weight: 600; color: var(--qz-pick); }
hr#answer { border: 0; border-top: 1px solid var(--qz-line); margin: 0.9em 0; }
.qz-answer { font-size: 1.08em; font-weight: 700; color: var(--qz-ok); margin: 0.3em 0 0.6em; }
.qz-answer .qz-also { display: block; font-size: 0.8em; font-weight: 400; color: var(--qz-muted); }
.qz-answer ol, .qz-answer ul { font-weight: 400; color: var(--qz-fg); }
.qz-key { font-weight: 600; }
.qz-question .qz-items { font-size: 0.93em; font-weight: 400; }
.qz-rights { margin-top: 0.9em; padding-top: 0.5em; border-top: 1px dashed var(--qz-line); }
.qz-answer ol, .qz-pairs { padding-left: 1.3em; }
.qz-pairs li, .qz-answer ol li { margin: 0.3em 0; }
.qz-explanation { margin-top: 0.9em; }
.qz-source { margin-top: 0.9em; padding-left: 0.7em; border-left: 3px solid var(--qz-line);
  font-size: 0.82em; color: var(--qz-muted); }
.qz-source cite { font-style: italic; }
.qz-source a { color: inherit; }
.qz-label { font-weight: 600; }
.cloze { font-weight: 700; color: var(--qz-accent); }
.qz-extra { margin-top: 0.9em; }
"""

# Optional tap-to-choose: on the front a tap marks a choice; the back then marks it again and says
# whether it was the key. Without JavaScript (or storage) the cards read the same, minus the marks.
_PICK_FRONT_JS = """\
<script>
(function () {
  try {
    var root = document.querySelector(".qz-mc");
    if (!root) return;
    var stem = root.querySelector(".qz-question").textContent;
    var choices = root.querySelectorAll(".qz-choice");
    var store = null;
    try { store = window.sessionStorage; store.removeItem("quizgen-pick"); } catch (e) { store = null; }
    window.quizgenPick = null;
    root.querySelector(".qz-choices").classList.add("qz-tappable");
    Array.prototype.forEach.call(choices, function (choice) {
      choice.addEventListener("click", function (event) {
        event.stopPropagation();
        Array.prototype.forEach.call(choices, function (c) { c.classList.remove("qz-picked"); });
        choice.classList.add("qz-picked");
        var pick = JSON.stringify({stem: stem, letter: choice.getAttribute("data-letter")});
        window.quizgenPick = pick;
        try { if (store) store.setItem("quizgen-pick", pick); } catch (e) {}
      });
    });
  } catch (e) {}
})();
</script>"""

_PICK_BACK_JS = """\
<script>
(function () {
  try {
    var root = document.querySelector(".qz-mc");
    if (!root) return;
    var raw = window.quizgenPick;
    try { raw = raw || window.sessionStorage.getItem("quizgen-pick"); } catch (e) {}
    if (!raw) return;
    var pick = JSON.parse(raw);
    if (pick.stem !== root.querySelector(".qz-question").textContent) return;
    var chosen = root.querySelector('.qz-choice[data-letter="' + pick.letter + '"]');
    if (!chosen) return;
    chosen.classList.add("qz-picked");
    var verdict = document.createElement("div");
    verdict.className = "qz-verdict";
    verdict.textContent = "You chose " + pick.letter + (chosen.classList.contains("qz-correct") ? ": correct." : ": not the key.");
    root.querySelector(".qz-choices").before(verdict);
  } catch (e) {}
})();
</script>"""

_IMAGE = '{{#Image}}<div class="qz-image">{{Image}}</div>{{/Image}}'
_EXPLANATION_AND_SOURCE = (
    '{{#Explanation}}<div class="qz-explanation" dir="auto">{{Explanation}}</div>{{/Explanation}}'
    '{{#Source}}<div class="qz-source" dir="auto">{{Source}}</div>{{/Source}}'
)

# Field lists are part of each note type's identity: append new fields at the end, never rename.
MULTIPLE_CHOICE_FIELDS = ["Question", "Choices", "ChoicesWithKey", "Answer", "Explanation", "Source", "Image"]
BASIC_FIELDS = ["Question", "Answer", "Explanation", "Source", "Image", "Instruction"]
CLOZE_FIELDS = ["Text", "Extra"]

MULTIPLE_CHOICE_MODEL = genanki.Model(
    MULTIPLE_CHOICE_MODEL_ID,
    "quizgen Multiple Choice",
    fields=[{"name": name} for name in MULTIPLE_CHOICE_FIELDS],
    templates=[{
        "name": "Multiple choice",
        "qfmt": (
            '<div class="qz qz-mc">' + _IMAGE
            + '<div class="qz-question" dir="auto">{{Question}}</div>'
            + '<div class="qz-choices">{{Choices}}</div></div>\n' + _PICK_FRONT_JS
        ),
        "afmt": (
            '<div class="qz qz-mc">' + _IMAGE
            + '<div class="qz-question" dir="auto">{{Question}}</div><hr id="answer">'
            + '<div class="qz-choices">{{ChoicesWithKey}}</div>'
            + '<div class="qz-answer" dir="auto">Answer: {{Answer}}</div>'
            + _EXPLANATION_AND_SOURCE + "</div>\n" + _PICK_BACK_JS
        ),
    }],
    css=CARD_CSS,
)

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID,
    "quizgen Basic",
    fields=[{"name": name} for name in BASIC_FIELDS],
    templates=[{
        "name": "Question",
        "qfmt": (
            '<div class="qz qz-basic">'
            '{{#Instruction}}<div class="qz-instruction">{{Instruction}}</div>{{/Instruction}}' + _IMAGE
            + '<div class="qz-question" dir="auto">{{Question}}</div></div>'
        ),
        "afmt": (
            '{{FrontSide}}<div class="qz qz-basic"><hr id="answer">'
            '<div class="qz-answer" dir="auto">{{Answer}}</div>' + _EXPLANATION_AND_SOURCE + "</div>"
        ),
    }],
    css=CARD_CSS,
)

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "quizgen Cloze",
    fields=[{"name": name} for name in CLOZE_FIELDS],
    templates=[{
        "name": "Cloze",
        "qfmt": '<div class="qz qz-cloze"><div class="qz-question" dir="auto">{{cloze:Text}}</div></div>',
        "afmt": (
            '<div class="qz qz-cloze"><div class="qz-question" dir="auto">{{cloze:Text}}</div>'
            '{{#Extra}}<div class="qz-extra">{{Extra}}</div>{{/Extra}}</div>'
        ),
    }],
    css=CARD_CSS,
    model_type=genanki.Model.CLOZE,
)

NOTE_TYPE_BY_KIND = {
    "multiple_choice": MULTIPLE_CHOICE_MODEL,
    "cloze": CLOZE_MODEL,
    # Anki has no ordering or matching card; a Basic card with the items (in a stable shuffled order)
    # on the front and the right order / pairs on the back is honest recall practice without scripts.
    "true_false": BASIC_MODEL,
    "short_answer": BASIC_MODEL,
    "numeric": BASIC_MODEL,
    "ordering": BASIC_MODEL,
    "matching": BASIC_MODEL,
}

_INSTRUCTIONS = {
    "true_false": "True or false?",
    "short_answer": "Answer in a few words",
    "numeric": "Give the number",
    "ordering": "Put in order",
    "matching": "Match each item to its partner",
}


# --------------------------------------------------------------------------------------------------
# Fields of one question


def source_html(source: SourceRef) -> str:
    """'Source: "quote" — Title, Publisher, date' as field HTML (title linked when a web URL is known)."""
    return _source_html(source.quote, source.article_title, source.publisher, source.date, source.url)


@functools.lru_cache(maxsize=1024)  # every question of a fact (and often of a bank) shares its source
def _source_html(quote: str, article_title: str, publisher: str, date: str, url: str) -> str:
    title = f"<cite>{field_html(article_title)}</cite>"
    if url.startswith(("https://", "http://")):
        title = f'<a href="{field_html(url)}">{title}</a>'
    rest = ", ".join(field_html(bit) for bit in (publisher, date) if bit)
    return (
        f'<span class="qz-label">Source:</span> \u201c{field_html(quote)}\u201d'
        f" \u2014 {title}{', ' + rest if rest else ''}"
    )


def _stable_order(question_id: str, count: int) -> list[int]:
    """A shuffled display order seeded by the question id: the same on every build, and never the
    answer order itself (that would give the answer away)."""
    order = list(range(count))
    if count < 2:
        return order
    # Sorting by a keyed hash is a seeded shuffle that is the same on every machine and Python, and
    # far cheaper than seeding a random.Random per question.
    order.sort(key=lambda i: hashlib.blake2b(f"{question_id}\x1f{i}".encode("utf-8"), digest_size=8).digest())
    if order == list(range(count)):
        order = order[1:] + order[:1]
    return order


def _choice_html(letter: str, text_html: str, *, marked: bool) -> str:
    mark = '<span class="qz-mark">\u2713 key</span>' if marked else ""
    css = "qz-choice qz-correct" if marked else "qz-choice"
    if marked:  # bold as well as coloured: it still stands out without our CSS (the text format)
        text_html = f"<strong>{text_html}</strong>"
    return (
        f'<div class="{css}" data-letter="{letter}"><span class="qz-letter">{letter}</span> '
        f'<span class="qz-text" dir="auto">{text_html}</span> {mark}</div>'
    )


def _number_text(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6g}"


def _explanation_beyond(question: Question, shown: str) -> str:
    """The explanation, or "" when it only repeats what the card already shows (a true statement on
    its true/false card, the full sentence on a cloze back)."""
    if normalize_text(question.explanation) == normalize_text(shown):
        return ""
    return question.explanation


def _basic_fields(question: Question, image_html: str) -> list[str]:
    kind = question.kind
    stem_html = field_html(question.stem)
    if kind == "true_false":
        correct = next((c.text for c in question.choices if c.correct), question.answer)
        answer_html = field_html(correct)
    elif kind == "numeric":
        answer_html = field_html(question.answer)
        numeric = question.numeric
        if numeric and numeric.tolerance:
            unit = f" {field_html(numeric.unit)}" if numeric.unit else ""
            answer_html += (
                f'<span class="qz-also">Accepted: {_number_text(numeric.value)} \u00b1 '
                f"{_number_text(numeric.tolerance)}{unit}</span>"
            )
    elif kind == "ordering":
        order = _stable_order(question.id, len(question.sequence))
        shown = [question.sequence[i] for i in order]
        stem_html += '<ol class="qz-items">' + "".join(
            f'<li class="qz-item"><span class="qz-letter">{LETTERS[n]}</span> '
            f'<span class="qz-text" dir="auto">{field_html(event)}</span></li>'
            for n, event in enumerate(shown)
        ) + "</ol>"
        key = ", ".join(LETTERS[order.index(i)] for i in range(len(question.sequence)))
        answer_html = f'<div class="qz-key">{key}</div><ol>' + "".join(
            f'<li dir="auto">{field_html(event)}</li>' for event in question.sequence
        ) + "</ol>"
    elif kind == "matching":
        # Two stacked lists (numbered prompts, lettered partners) rather than a table: long texts
        # stay readable on a phone's width.
        order = _stable_order(question.id, len(question.pairs))
        rights = [question.pairs[i].right for i in order]
        stem_html += '<ol class="qz-items qz-lefts">' + "".join(
            f'<li class="qz-item"><span class="qz-letter">{n}</span> '
            f'<span class="qz-text" dir="auto">{field_html(pair.left)}</span></li>'
            for n, pair in enumerate(question.pairs, 1)
        ) + '</ol><ol class="qz-items qz-rights">' + "".join(
            f'<li class="qz-item"><span class="qz-letter">{LETTERS[i]}</span> '
            f'<span class="qz-text" dir="auto">{field_html(right)}</span></li>'
            for i, right in enumerate(rights)
        ) + "</ol>"
        key = ", ".join(f"{n}-{LETTERS[order.index(n - 1)]}" for n in range(1, len(question.pairs) + 1))
        answer_html = f'<div class="qz-key">{key}</div><ul class="qz-pairs">' + "".join(
            f'<li dir="auto">{field_html(p.left)} \u2192 <strong>{field_html(p.right)}</strong></li>'
            for p in question.pairs
        ) + "</ul>"
    else:  # short_answer
        # (Accepted spellings are for machine grading; a self-graded card only needs the answer.)
        answer_html = field_html(question.answer)
    return [
        stem_html,
        answer_html,
        field_html(_explanation_beyond(question, question.stem)),
        source_html(question.source),
        image_html,
        _INSTRUCTIONS.get(kind, ""),
    ]


def _multiple_choice_fields(question: Question, image_html: str) -> list[str]:
    choices = question.choices
    texts_html = [field_html(c.text) for c in choices]
    front = "".join(_choice_html(LETTERS[i], text, marked=False) for i, text in enumerate(texts_html))
    back = "".join(_choice_html(LETTERS[i], text, marked=c.correct)
                   for i, (c, text) in enumerate(zip(choices, texts_html)))
    key = next(i for i, c in enumerate(choices) if c.correct)
    return [
        field_html(question.stem),
        front,
        back,
        f"{LETTERS[key]}. {texts_html[key]}",
        field_html(question.explanation),
        source_html(question.source),
        image_html,
    ]


def _cloze_fields(question: Question, image_html: str) -> list[str]:
    cloze = question.cloze
    if cloze is None:  # a generator bug, not something a user can fix; keep it loud
        raise ValueError(f"cloze question {question.id} has no cloze text")
    text = (
        f"{field_html(cloze.before)}{{{{c1::{_cloze_answer_html(cloze.answer)}}}}}{field_html(cloze.after)}"
    )
    if image_html:
        text += f'<div class="qz-image">{image_html}</div>'
    explanation = _explanation_beyond(question, cloze.text)
    extra = f'<div class="qz-explanation" dir="auto">{field_html(explanation)}</div>' if explanation else ""
    extra += f'<div class="qz-source" dir="auto">{source_html(question.source)}</div>'
    return [text, extra]


def note_fields(question: Question, image_html: str = "") -> list[str]:
    """The field values (HTML) of a question's note, in its note type's field order."""
    if question.kind == "multiple_choice":
        return _multiple_choice_fields(question, image_html)
    if question.kind == "cloze":
        return _cloze_fields(question, image_html)
    return _basic_fields(question, image_html)


def note_tags(question: Question, bank_id: str) -> list[str]:
    """quizgen::<bank>, quizgen::kind::<kind> and the fact's own tags (Anki tags cannot hold spaces)."""
    tags = [f"quizgen::{bank_id}", f"quizgen::kind::{question.kind}"]
    for tag in question.tags:
        cleaned = "_".join(tag.split())
        if cleaned and cleaned not in tags:
            tags.append(cleaned)
    return tags


def skip_reason(question: Question) -> Optional[str]:
    """Why a question cannot become a note (None: it can)."""
    if question.has_errors:
        codes = ", ".join(sorted({f.code for f in question.lint if f.severity == "error"}))
        return f"lint error ({codes})"
    if question.kind == "multiple_choice" and sum(c.correct for c in question.choices) != 1:
        return "multiple choice needs exactly one correct choice"
    if question.kind == "true_false" and not (question.choices or question.answer):
        return "true/false question without an answer"
    if question.kind == "cloze" and question.cloze is None:
        return "cloze question without cloze text"
    if question.kind == "ordering" and len(question.sequence) < 2:
        return "ordering question with fewer than two items"
    if question.kind == "matching" and len(question.pairs) < 2:
        return "matching question with fewer than two pairs"
    return None


# --------------------------------------------------------------------------------------------------
# The package


class _EscapedNote(genanki.Note):
    """A note whose fields we built from escaped text: genanki's check for unescaped HTML (a regex
    over every field of every note, a fifth of its write time) has nothing to find."""

    def _check_invalid_html_tags_in_fields(self) -> None:
        return None


@dataclass
class DeckPackage:
    """An .apkg in memory and what went into it."""

    data: bytes
    notes: int
    skipped: list[tuple[str, str]] = field(default_factory=list)
    media: list[str] = field(default_factory=list)


def _subdeck_key(question: Question, mode: Optional[str]) -> str:
    if mode == "tag":
        return "_".join(question.tags[0].split()) if question.tags else ""
    if mode == "kind":
        return question.kind
    return ""


def _media_for(question: Question, bank_id: str, media: dict[str, bytes]) -> str:
    """Register the question's image (if any) as media and return its <img> HTML."""
    if not question.image:
        return ""
    path = Path(question.image)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QuizgenError(f"cannot read image {path} of question {question.id}: {exc.strerror or exc}") from None
    # Content-addressed, bank-prefixed names: two banks' "figure.png" never overwrite each other in
    # the student's shared media folder, and a changed image gets a new name (so the note updates).
    name = f"quizgen-{bank_id}-{hashlib.sha256(data).hexdigest()[:16]}{path.suffix.lower()}"
    media[name] = data
    return f'<img src="{field_html(name)}" alt="">'


def _sqlite_bytes(package: genanki.Package, timestamp: float) -> bytes:
    """The collection database genanki builds, made in memory: genanki's own write_to_file leaves a
    temp file in /tmp on every call."""
    conn = sqlite3.connect(":memory:")
    try:
        package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        conn.commit()
        if hasattr(conn, "serialize"):  # Python 3.11+
            return conn.serialize()
        return _database_bytes_via_file(conn)
    finally:
        conn.close()


def _database_bytes_via_file(conn: sqlite3.Connection) -> bytes:
    """Python 3.10 has no Connection.serialize: copy to a private temp folder, read, remove."""
    with tempfile.TemporaryDirectory(prefix="quizgen-anki-") as folder:
        target = sqlite3.connect(os.path.join(folder, "collection.anki2"))
        try:
            conn.backup(target)
        finally:
            target.close()
        return Path(folder, "collection.anki2").read_bytes()


def notes_to_write(questions: Iterable[Question], bank_id: str) -> tuple[list[tuple[Question, str]], list[tuple[str, str]]]:
    """The questions that become notes, each with its GUID, and the skipped ones with the reason.

    Both the .apkg and the text format write exactly these, so a deck and its text twin agree.
    """
    kept: list[tuple[Question, str]] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    for question in questions:
        reason = skip_reason(question)
        if reason:
            skipped.append((question.id, reason))
            continue
        guid = note_guid(bank_id, question.id)
        if guid in seen:
            skipped.append((question.id, "duplicate question id"))
            continue
        seen.add(guid)
        kept.append((question, guid))
    return kept, skipped


def build_deck(
    questions: Sequence[Question],
    bank: "Bank",
    *,
    timestamp: "float | int | str | None" = None,
    subdecks: Optional[str] = None,
) -> DeckPackage:
    """Build the .apkg of a bank's questions in memory (see `build_deck_package` for the bytes only)."""
    if subdecks not in (None, *SUBDECK_MODES):
        raise QuizgenError(f'--subdecks must be one of {", ".join(SUBDECK_MODES)}, not "{subdecks}"')
    when = resolve_timestamp(timestamp)
    title = deck_name_for(bank.title)
    description = field_html(bank.article.meta.source_line)
    parent = genanki.Deck(deck_id_for(bank.id), title, description)
    decks: dict[str, genanki.Deck] = {"": parent}
    media: dict[str, bytes] = {}
    notes = 0
    kept, skipped = notes_to_write(questions, bank.id)
    for question, guid in kept:
        fields = note_fields(question, _media_for(question, bank.id, media))
        key = _subdeck_key(question, subdecks)
        deck = decks.get(key)
        if deck is None:
            deck = decks[key] = genanki.Deck(deck_id_for(bank.id, key), f"{title}::{key}", description)
        # due = position: new cards are introduced in the bank's order (article order).
        deck.add_note(_EscapedNote(
            model=NOTE_TYPE_BY_KIND[question.kind], fields=fields, sort_field=question.stem,
            tags=note_tags(question, bank.id), guid=guid, due=notes,
        ))
        notes += 1
    package = genanki.Package([decks[k] for k in sorted(decks)])
    names = sorted(media)
    members = [("collection.anki2", _sqlite_bytes(package, when))]
    members.append(("media", json.dumps({str(i): name for i, name in enumerate(names)}).encode("utf-8")))
    members.extend((str(i), media[name]) for i, name in enumerate(names))
    # Level 1: the database is most of a deck and deflates ~9x even so, at 2.5x the speed of level 6.
    return DeckPackage(zip_bytes(members, compresslevel=1), notes, skipped, names)


def build_deck_package(
    questions: Sequence[Question],
    bank: "Bank",
    *,
    timestamp: "float | int | str | None" = None,
    subdecks: Optional[str] = None,
) -> bytes:
    """The .apkg bytes of a bank's questions (questions with lint errors are left out)."""
    return build_deck(questions, bank, timestamp=timestamp, subdecks=subdecks).data


def write_apkg(
    questions: Sequence[Question],
    bank: "Bank",
    path: Path,
    *,
    timestamp: "float | int | str | None" = None,
    subdecks: Optional[str] = None,
) -> ExportResult:
    """Write the bank's deck to `path` (.apkg) atomically; returns what was written and skipped."""
    package = build_deck(questions, bank, timestamp=timestamp, subdecks=subdecks)
    write_bytes_atomic(Path(path), package.data)
    return ExportResult(Path(path), "apkg", package.notes, package.skipped)


# --------------------------------------------------------------------------------------------------
# Plain-text import format (for decks kept in git)

# Anki's stock note types exist in every collection, so the text file imports anywhere; the .apkg
# carries the richer quizgen note types.
_TEXT_NOTETYPE = {"cloze": "Cloze"}


def _text_fields(question: Question) -> tuple[str, str]:
    if question.kind == "cloze":
        text, extra = _cloze_fields(question, "")
        return text, extra
    if question.kind == "multiple_choice":
        stem, front, back, answer, explanation, source, _ = _multiple_choice_fields(question, "")
        return (
            f'<div class="qz-question">{stem}</div>{front}',
            f'{back}<div class="qz-answer">Answer: {answer}</div>'
            f'<div class="qz-explanation">{explanation}</div><div class="qz-source">{source}</div>',
        )
    stem, answer, explanation, source, _, instruction = _basic_fields(question, "")
    label = f'<div class="qz-instruction">{instruction}</div>' if instruction else ""
    return (
        f'{label}<div class="qz-question">{stem}</div>',
        f'<div class="qz-answer">{answer}</div><div class="qz-explanation">{explanation}</div>'
        f'<div class="qz-source">{source}</div>',
    )


def anki_text(questions: Iterable[Question], bank: "Bank") -> tuple[str, int, list[tuple[str, str]]]:
    """Anki's tab-separated import text: (text, notes written, skipped questions with reasons)."""
    deck = deck_name_for(bank.title)
    lines = [
        "#separator:tab",
        "#html:true",
        "#notetype column:1",
        f"#deck:{deck}",
        "#guid column:2",
        "#tags column:5",
    ]
    kept, skipped = notes_to_write(questions, bank.id)
    for question, guid in kept:
        first, second = _text_fields(question)
        # Fields are HTML with no raw tab, newline or double quote, so no row needs CSV quoting.
        lines.append("\t".join([
            _TEXT_NOTETYPE.get(question.kind, "Basic"), guid, first, second, " ".join(note_tags(question, bank.id)),
        ]))
    return "\n".join(lines) + "\n", len(kept), skipped


def export_anki_text(questions: Sequence[Question], bank: "Bank", path: Path) -> ExportResult:
    """Write Anki's plain-text import format (stock Basic and Cloze note types, GUID column)."""
    text, written, skipped = anki_text(questions, bank)
    write_text_atomic(Path(path), text)
    return ExportResult(Path(path), "anki-txt", written, skipped)
