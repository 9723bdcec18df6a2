"""Anki decks, checked the way a student meets them: imported by the real Anki backend (the `anki`
package) into a fresh collection with the desktop's default import options, every card rendered."""

from __future__ import annotations

from dataclasses import replace
import html
import re
import shutil
import tempfile
import time
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

anki_collection = pytest.importorskip("anki.collection", reason="the official anki package (pip install anki) is a test dependency")
Collection = anki_collection.Collection
ImportAnkiPackageRequest = anki_collection.ImportAnkiPackageRequest
from anki import import_export_pb2  # noqa: E402

from anki_fixtures import questions_for  # noqa: E402
from quizgen.errors import QuizgenError  # noqa: E402
from quizgen.export import exporter  # noqa: E402
from quizgen.export.anki import (  # noqa: E402
    build_deck_package,
    export_anki_text,
    field_html,
    note_guid,
    resolve_timestamp,
    write_apkg,
)
from quizgen.loading import load_bank  # noqa: E402
from quizgen.model import LintFinding  # noqa: E402

ESCAPING_BANK = Path(__file__).parent / "data" / "banks" / "escaping"

# Anki renders a broken template, a blank front or a missing cloze as an error page; each of them
# links to this manual page (measured with anki 26: "Front template has a problem:<br>Found '{{X}}',
# but there is no field called 'X'", "The front of this card is blank.", "No cloze 1 found on card.").
TEMPLATE_ERROR_MARKERS = (
    "docs.ankiweb.net/templates/errors",
    "template has a problem",
    "front of this card is blank",
    "found on card",
)

# The raw texts of the escaping bank that must show literally (and never act as markup).
LITERAL_TEXTS = (
    '<script>alert("x")</script>',
    "{{c1::cloze}}",
    "{{Front}}",
    "Tilde & Co",
    "$5 # 10 * 2 _ [draft] {v1} \\path ~ = :",
    "שלום",
    "crème brûlées 🍮",
    '"Dr. Müller"',
)


class _TextOf(HTMLParser):
    """The text a reader sees: no <style>/<script> contents, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    BLOCKS = {"div", "p", "li", "ol", "ul", "tr", "td", "table", "br", "hr"}

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._hidden -= 1
        elif tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(card_html: str) -> str:
    parser = _TextOf()
    parser.feed(card_html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def squash(text: str) -> str:
    return " ".join(text.split())


def desktop_import_options() -> import_export_pb2.ImportAnkiPackageOptions:
    """The options the desktop's import screen starts with (what a student leaves untouched)."""
    return import_export_pb2.ImportAnkiPackageOptions(
        merge_notetypes=False,
        update_notes=import_export_pb2.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=import_export_pb2.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False,
        with_deck_configs=False,
    )


def import_package(col, path: Path):
    return col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path), options=desktop_import_options())
    ).log


@pytest.fixture
def collection(tmp_path):
    folder = tmp_path / "student"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    col.close()


@pytest.fixture(scope="module")
def escaping_bank():
    return load_bank(ESCAPING_BANK)


@pytest.fixture(scope="module")
def bundled_bank():
    return load_bank(None)


def cards_by_guid(col) -> dict[str, list]:
    out: dict[str, list] = {}
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        out.setdefault(card.note().guid, []).append(card)
    return out


def assert_renders_cleanly(col, questions, bank) -> int:
    """Every card of the collection: no error page, a front with text, the key on the back, the
    cloze hidden on the front. Returns the number of cards checked."""
    by_guid = cards_by_guid(col)
    checked = 0
    for question in questions:
        cards = by_guid.get(note_guid(bank.id, question.id))
        assert cards, f"{question.id}: no card in the collection"
        assert len(cards) == 1, f"{question.id}: {len(cards)} cards (one expected)"
        card = cards[0]
        front_html, back_html = card.question(), card.answer()
        for side, text in (("front", front_html), ("back", back_html)):
            for marker in TEMPLATE_ERROR_MARKERS:
                assert marker not in text, f"{question.id}: {side} is Anki's error page:\n{text[-800:]}"
        front, back = visible_text(front_html), visible_text(back_html)
        answer_area = re.search(r'<div class="qz-answer".*?(?=<div class="qz-explanation"|<div class="qz-source")',
                                back_html, re.S)
        answer_shown = visible_text(answer_area.group(0)) if answer_area else ""
        assert front.strip(), f"{question.id}: empty front"
        assert "Source:" in back and squash(question.source.quote) in back, f"{question.id}: no source on the back"
        if question.kind == "multiple_choice":
            correct = next(c for c in question.choices if c.correct)
            marked = re.findall(r'<div class="qz-choice qz-correct"[^>]*>(.*?)</div>', back_html)
            assert len(marked) == 1 and squash(correct.text) in visible_text(marked[0])
            assert "\u2713 key" not in front and "Answer:" not in front
            for choice in question.choices:
                assert squash(choice.text) in front, f"{question.id}: choice missing on the front"
        elif question.kind == "cloze":
            shown = visible_text(re.search(r'<div class="qz-question"[^>]*>.*?</div>', front_html, re.S).group(0))
            assert shown == squash(question.cloze.before + "[...]" + question.cloze.after), shown
            assert squash(question.cloze.text) in back
        elif question.kind == "ordering":
            assert all(squash(event) in front for event in question.sequence)
            positions = [answer_shown.find(squash(event)) for event in question.sequence]
            assert -1 not in positions and positions == sorted(positions), f"{question.id}: back not in order"
        elif question.kind == "matching":
            for pair in question.pairs:
                assert f"{squash(pair.left)} \u2192 {squash(pair.right)}" in answer_shown
        else:
            answer = next((c.text for c in question.choices if c.correct), question.answer)
            assert answer_shown.startswith(squash(answer)), f"{question.id}: key not on the back: {answer_shown}"
            assert '<div class="qz-answer"' not in front_html
        checked += 1
    return checked


# --------------------------------------------------------------------------------------------------


def test_every_card_of_the_escaping_bank_imports_and_renders(tmp_path, collection, escaping_bank):
    questions = questions_for(escaping_bank)
    assert {q.kind for q in questions} == {"multiple_choice", "true_false", "cloze", "short_answer", "numeric",
                                           "ordering", "matching"}
    result = write_apkg(questions, escaping_bank, tmp_path / "deck.apkg")
    assert result.written == len(questions) and not result.skipped

    log = import_package(collection, tmp_path / "deck.apkg")
    assert len(log.new) == len(questions) and not log.conflicting and not log.duplicate
    assert collection.note_count() == len(questions)
    assert assert_renders_cleanly(collection, questions, escaping_bank) == len(questions)

    all_text = " ".join(
        visible_text(card.question()) + " " + visible_text(card.answer())
        for cards in cards_by_guid(collection).values() for card in cards
    )
    for literal in LITERAL_TEXTS:
        assert literal in all_text, f"{literal!r} is not shown literally"
    raw = " ".join(card.question() + card.answer() for cards in cards_by_guid(collection).values() for card in cards)
    for markup in ("<script>alert", "<b>bold</b>", "<img src=x", "</textarea>"):
        assert markup not in raw, f"{markup!r} reached the card as markup"


def test_bundled_bank_deck_renders(tmp_path, collection, bundled_bank):
    questions = questions_for(bundled_bank)
    write_apkg(questions, bundled_bank, tmp_path / "deck.apkg")
    import_package(collection, tmp_path / "deck.apkg")
    assert collection.note_count() == len(questions)
    assert assert_renders_cleanly(collection, questions, bundled_bank) == len(questions)
    deck_names = {d.name for d in collection.decks.all_names_and_ids()}
    assert bundled_bank.title in deck_names


@pytest.mark.parametrize("bank_ref", [None, str(ESCAPING_BANK)], ids=["bundled", "escaping"])
def test_generated_questions_import_and_render(tmp_path, collection, bank_ref):
    from quizgen.generate import generate_questions

    bank = load_bank(bank_ref)
    questions = generate_questions(bank)
    usable = [q for q in questions if not q.has_errors]
    result = write_apkg(questions, bank, tmp_path / "deck.apkg")
    assert result.written == len(usable) and len(result.skipped) == len(questions) - len(usable)
    log = import_package(collection, tmp_path / "deck.apkg")
    assert len(log.new) == len(usable) == collection.note_count()
    assert assert_renders_cleanly(collection, usable, bank) == len(usable)
    assert collection.card_count() == len(usable)  # one card per note, clozes included
    # An explanation that only repeats the true statement is not printed twice on its card.
    by_guid = cards_by_guid(collection)
    repeats = [q for q in usable if q.kind == "true_false" and q.explanation.strip() == q.stem.strip()]
    assert repeats
    for question in repeats:
        back = visible_text(by_guid[note_guid(bank.id, question.id)][0].answer()).split("Source:")[0]
        assert back.count(squash(question.stem)) == 1, back


def test_render_check_catches_a_broken_template(tmp_path, collection, escaping_bank):
    # The checks above must be able to fail: a card whose template names a missing field renders as
    # Anki's error page, and the same check reports it.
    import genanki

    from quizgen.export import anki as anki_export

    broken = genanki.Model(anki_export.BASIC_MODEL_ID, "quizgen Basic", fields=anki_export.BASIC_MODEL.fields,
                           templates=[{"name": "Question", "qfmt": "{{Question}} {{NoSuchField}}", "afmt": "x"}])
    original = anki_export.NOTE_TYPE_BY_KIND["short_answer"]
    anki_export.NOTE_TYPE_BY_KIND["short_answer"] = broken
    try:
        questions = [q for q in questions_for(escaping_bank) if q.kind == "short_answer"][:1]
        write_apkg(questions, escaping_bank, tmp_path / "broken.apkg")
    finally:
        anki_export.NOTE_TYPE_BY_KIND["short_answer"] = original
    import_package(collection, tmp_path / "broken.apkg")
    with pytest.raises(AssertionError, match="error page"):
        assert_renders_cleanly(collection, questions, escaping_bank)


def test_lint_errors_are_left_out_and_counted(tmp_path, escaping_bank):
    questions = questions_for(escaping_bank)
    bad = replace(questions[0], **{"lint": [LintFinding(code="answer-leak", severity="error",
                                                               message="x", question_id=questions[0].id)]})
    warned = replace(questions[1], **{"lint": [LintFinding(code="long-stem", severity="warning",
                                                                  message="x", question_id=questions[1].id)]})
    result = write_apkg([bad, warned, *questions[2:]], escaping_bank, tmp_path / "deck.apkg")
    assert result.written == len(questions) - 1
    assert result.skipped == [(bad.id, "lint error (answer-leak)")]


# --------------------------------------------------------------------------------------------------
# Updating in place


def _edited_bank_copy(tmp_path: Path, fact_id: str, new_statement: str, new_explanation: str):
    """A copy of the escaping bank with one fact's statement and explanation rewritten."""
    import yaml

    folder = tmp_path / "edited" / ESCAPING_BANK.name  # the folder name is the bank id
    shutil.copytree(ESCAPING_BANK, folder)
    data = yaml.safe_load((folder / "facts.yaml").read_text(encoding="utf-8"))
    for fact in data["facts"]:
        if fact["id"] == fact_id:
            fact["statement"] = new_statement
            fact["explanation"] = new_explanation
    (folder / "facts.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_bank(folder)


def note_by_question(col, bank_id: str, question_id: str):
    # (Anki's search syntax would need GUID characters such as * and _ escaped; SQL does not.)
    note_ids = col.db.list("select id from notes where guid = ?", note_guid(bank_id, question_id))
    assert len(note_ids) == 1, f"{question_id}: {len(note_ids)} notes"
    return col.get_note(note_ids[0])


def _note_text(col, bank_id: str, question_id: str) -> str:
    return " ".join(note_by_question(col, bank_id, question_id).fields)


def test_reimport_after_an_edit_updates_the_note_and_keeps_reviews(tmp_path, collection, escaping_bank):
    from quizgen.generate import generate_questions

    questions = generate_questions(escaping_bank)
    # The first build happened a while ago (its notes carry that time); the rebuild uses the default, now.
    write_apkg(questions, escaping_bank, tmp_path / "v1.apkg", timestamp=time.time() - 3600)
    import_package(collection, tmp_path / "v1.apkg")
    notes_before = collection.note_count()

    # The student studies a card of the fact before the teacher's fix.
    tf_card = cards_by_guid(collection)[note_guid(escaping_bank.id, "creme-brulee-count.tf-true")][0]
    studied = collection.get_card(tf_card.id)
    studied.start_timer()
    collection.sched.answerCard(studied, 3)
    reviews_before = collection.db.scalar("select count() from revlog")
    assert reviews_before == 1

    edited = _edited_bank_copy(tmp_path, "creme-brulee-count",
                               "The café in Zürich sold 1,200 crème brûlées 🍮 in 2022, a record.",
                               "A record year <for> the café & its crème brûlées.")
    new_questions = generate_questions(edited)
    write_apkg(new_questions, edited, tmp_path / "v2.apkg")
    log = import_package(collection, tmp_path / "v2.apkg")

    assert collection.note_count() == notes_before
    assert not log.new and not log.conflicting
    assert {q.id for q in new_questions} == {q.id for q in questions}
    changed = {q.id for q in new_questions if q.fact_id == "creme-brulee-count"}
    updated_notes = {entry.id.nid for entry in log.updated}
    assert len(changed) >= 4 and len(updated_notes) >= len(changed)
    text = _note_text(collection, edited.id, "creme-brulee-count.tf-true")
    assert "a record." in text and field_html("A record year <for> the café & its crème brûlées.") in text
    assert assert_renders_cleanly(collection, new_questions, edited) == len(new_questions)
    # Review history survives the update.
    assert collection.db.scalar("select count() from revlog") == reviews_before
    assert collection.get_card(tf_card.id).reps == 1


def test_a_pinned_timestamp_older_than_the_students_notes_does_not_update(tmp_path, collection, escaping_bank):
    # The trade-off of reproducible builds: Anki only takes a note whose modification time is newer.
    write_apkg(questions_for(escaping_bank), escaping_bank, tmp_path / "v1.apkg")  # build time: now
    import_package(collection, tmp_path / "v1.apkg")
    edited = _edited_bank_copy(tmp_path, "creme-brulee-count",
                               "The café in Zürich sold 1,200 crème brûlées 🍮 in 2022, a record.", "Pinned edit.")
    write_apkg(questions_for(edited), edited, tmp_path / "v2.apkg", timestamp="2020-01-01T00:00:00Z")
    log = import_package(collection, tmp_path / "v2.apkg")
    assert not log.updated and not log.new
    assert "Pinned edit." not in _note_text(collection, edited.id, "creme-brulee-count.tf-true")


def test_identity_survives_a_title_change(escaping_bank):
    from quizgen.export.anki import deck_id_for, deck_name_for

    assert note_guid("bank-a", "fact.mc") == note_guid("bank-a", "fact.mc")
    assert note_guid("bank-a", "fact.mc") != note_guid("bank-b", "fact.mc")  # same fact id, other bank
    assert deck_id_for(escaping_bank.id) == deck_id_for(escaping_bank.id)
    assert deck_id_for("bank-a") != deck_id_for("bank-a", "tag") != deck_id_for("bank-b")
    assert deck_name_for("C++::Templates\tand  more") == "C++:Templates and more"  # '::' would nest decks


# --------------------------------------------------------------------------------------------------
# Package details


def test_same_timestamp_gives_the_same_bytes(escaping_bank, monkeypatch):
    questions = questions_for(escaping_bank)
    first = build_deck_package(questions, escaping_bank, timestamp=1_700_000_000)
    second = build_deck_package(questions, escaping_bank, timestamp=1_700_000_000)
    assert first == second
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_deck_package(questions, escaping_bank) == first


def test_no_temp_file_is_left_behind(tmp_path, escaping_bank, monkeypatch):
    import genanki

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    questions = questions_for(escaping_bank)
    write_apkg(questions, escaping_bank, tmp_path / "out" / "deck.apkg")
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["deck.apkg"]  # no atomic-write leftovers
    # Canary: genanki's own writer does leave its database here, so the check above can fail.
    deck = genanki.Deck(1 << 30, "x")
    genanki.Package(deck).write_to_file(str(tmp_path / "plain.apkg"))
    assert list(scratch.iterdir()), "genanki no longer leaves a temp file; this canary needs a new target"


def test_package_layout(tmp_path, escaping_bank):
    path = tmp_path / "deck.apkg"
    write_apkg(questions_for(escaping_bank), escaping_bank, path, timestamp=1_700_000_000)
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["collection.anki2", "media"]
        assert archive.read("media") == b"{}"


def test_images_are_packaged_as_media(tmp_path, collection, escaping_bank):
    # 1x1 PNG
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8cfc0f01f0005fe02fea7d6a4b40000000049454e44ae426082"
    )
    image = tmp_path / "figure one.png"
    image.write_bytes(png)
    questions = [replace(q, **{"image": str(image)}) if q.kind in ("multiple_choice", "cloze", "numeric") else q
                 for q in questions_for(escaping_bank)]
    write_apkg(questions, escaping_bank, tmp_path / "deck.apkg")
    import_package(collection, tmp_path / "deck.apkg")
    media_files = list(Path(collection.media.dir()).iterdir())
    assert len(media_files) == 1 and media_files[0].read_bytes() == png
    name = media_files[0].name
    assert name.startswith(f"quizgen-{escaping_bank.id}-")
    assert assert_renders_cleanly(collection, questions, escaping_bank) == len(questions)
    with_image = [q for q in questions if q.image]
    for q in with_image:
        card = cards_by_guid(collection)[note_guid(escaping_bank.id, q.id)][0]
        assert f'src="{name}"' in card.question()

    missing = replace(questions[0], **{"image": str(tmp_path / "nope.png")})
    with pytest.raises(QuizgenError, match="nope.png"):
        build_deck_package([missing], escaping_bank)


def test_tags_and_subdecks(tmp_path, collection, escaping_bank):
    questions = questions_for(escaping_bank)
    write_apkg(questions, escaping_bank, tmp_path / "deck.apkg", subdecks="tag")
    import_package(collection, tmp_path / "deck.apkg")
    title = escaping_bank.title
    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert {title, f"{title}::markup", f"{title}::symbols", f"{title}::rtl"} <= names
    for question in questions:
        note = note_by_question(collection, escaping_bank.id, question.id)
        assert f"quizgen::{escaping_bank.id}" in note.tags
        assert f"quizgen::kind::{question.kind}" in note.tags
        assert set(question.tags) <= set(note.tags)
        deck = collection.decks.name(note.cards()[0].did)
        assert deck == (f"{title}::{question.tags[0]}" if question.tags else title)


def test_bad_options_are_reported(escaping_bank, monkeypatch):
    with pytest.raises(QuizgenError, match="--subdecks"):
        build_deck_package([], escaping_bank, subdecks="colour")
    with pytest.raises(QuizgenError, match="neither Unix seconds"):
        resolve_timestamp("yesterday")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(QuizgenError, match="SOURCE_DATE_EPOCH"):
        resolve_timestamp()


def test_timestamps(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert abs(resolve_timestamp() - time.time()) < 5
    assert resolve_timestamp("2024-01-01T00:00:00Z") == 1704067200
    assert resolve_timestamp("2024-01-01") == 1704067200
    assert resolve_timestamp("1704067200") == 1704067200
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")
    assert resolve_timestamp() == 1704067200
    assert resolve_timestamp(5_000_000_000 - 1) == 4_999_999_999  # an explicit value wins


# --------------------------------------------------------------------------------------------------
# Plain-text import format


def test_anki_text_imports_into_a_fresh_collection(tmp_path, collection, escaping_bank):
    questions = questions_for(escaping_bank)
    path = tmp_path / "deck.anki.txt"
    assert exporter("anki-txt") is export_anki_text
    result = export_anki_text(questions, escaping_bank, path)
    assert result.written == len(questions)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:6] == ["#separator:tab", "#html:true", "#notetype column:1", f"#deck:{escaping_bank.title}",
                         "#guid column:2", "#tags column:5"]
    assert all(line.count("\t") == 4 for line in lines[6:])

    metadata = collection.get_csv_metadata(str(path), None)
    log = collection.import_csv(import_export_pb2.ImportCsvRequest(path=str(path), metadata=metadata)).log
    assert len(log.new) == len(questions), log
    assert collection.note_count() == len(questions)
    guids = set()
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        guids.add(card.note().guid)
        front, back = card.question(), card.answer()
        for marker in TEMPLATE_ERROR_MARKERS:
            assert marker not in front + back
        assert visible_text(front)
        assert "Source:" in visible_text(back)
    assert guids == {note_guid(escaping_bank.id, q.id) for q in questions}
    shown = " ".join(visible_text(collection.get_card(c).answer()) for c in collection.find_cards(""))
    for literal in LITERAL_TEXTS:
        assert literal in shown
    assert {d.name for d in collection.decks.all_names_and_ids()} >= {escaping_bank.title}
    # Cloze cards: exactly one per note, answer hidden on the front.
    for card_id in collection.find_cards("note:Cloze"):
        assert "[...]" in visible_text(collection.get_card(card_id).question())
    assert len(collection.find_cards("note:Cloze")) == sum(q.kind == "cloze" for q in questions)


# --------------------------------------------------------------------------------------------------
# Command line and build


def test_cli_writes_a_reproducible_deck(tmp_path):
    from click.testing import CliRunner

    from quizgen.cli import main

    runner = CliRunner()
    first = runner.invoke(main, ["anki", str(ESCAPING_BANK), "-o", str(tmp_path / "a.apkg"), "--timestamp", "1700000000"])
    assert first.exit_code == 0, first.output
    assert f"wrote {tmp_path / 'a.apkg'}: " in first.output and " notes" in first.output
    second = runner.invoke(main, ["anki", str(ESCAPING_BANK), "-o", str(tmp_path / "b.apkg"),
                                  "--timestamp", "2023-11-14T22:13:20Z", "--subdecks", "tag"])
    assert second.exit_code == 0, second.output
    plain = runner.invoke(main, ["anki", str(ESCAPING_BANK), "-o", str(tmp_path / "c.apkg"), "--timestamp", "1700000000"])
    assert (tmp_path / "a.apkg").read_bytes() == (tmp_path / "c.apkg").read_bytes()
    assert plain.exit_code == 0
    bad = runner.invoke(main, ["anki", str(ESCAPING_BANK), "-o", str(tmp_path / "d.apkg"), "--timestamp", "soon"])
    assert bad.exit_code == 1
    assert bad.output.strip().splitlines()[-1].startswith('Error: timestamp "soon" is neither Unix seconds')
    assert not (tmp_path / "d.apkg").exists()


def test_build_writes_the_deck(tmp_path, collection):
    from quizgen.build import build_all
    from quizgen.generate import generate_questions

    messages: list[str] = []
    written = build_all(ESCAPING_BANK, tmp_path / "out", progress=messages.append)
    deck = tmp_path / "out" / "escaping" / "deck.apkg"
    assert deck in written and any("deck.apkg" in m for m in messages)
    import_package(collection, deck)
    usable = [q for q in generate_questions(load_bank(ESCAPING_BANK)) if not q.has_errors]
    assert collection.note_count() == len(usable)


def test_anki_text_after_the_apkg_duplicates_nothing(tmp_path, collection, escaping_bank):
    # Same GUIDs, other note type: Anki reports the text rows as conflicting and adds no note.
    questions = questions_for(escaping_bank)
    write_apkg(questions, escaping_bank, tmp_path / "deck.apkg")
    import_package(collection, tmp_path / "deck.apkg")
    export_anki_text(questions, escaping_bank, tmp_path / "deck.anki.txt")
    metadata = collection.get_csv_metadata(str(tmp_path / "deck.anki.txt"), None)
    log = collection.import_csv(import_export_pb2.ImportCsvRequest(path=str(tmp_path / "deck.anki.txt"),
                                                                   metadata=metadata)).log
    assert not log.new and len(log.conflicting) == len(questions)
    assert collection.note_count() == len(questions)


def test_python_310_database_copy_leaves_nothing_behind(tmp_path, monkeypatch):
    import sqlite3

    from quizgen.export.anki import _database_bytes_via_file

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    conn = sqlite3.connect(":memory:")
    conn.execute("create table notes (id integer, flds text)")
    conn.execute("insert into notes values (1, 'x')")
    conn.commit()
    data = _database_bytes_via_file(conn)
    assert list(scratch.iterdir()) == []
    (tmp_path / "copy.db").write_bytes(data)
    assert sqlite3.connect(tmp_path / "copy.db").execute("select flds from notes").fetchall() == [("x",)]


def test_a_fact_image_reaches_the_cards_of_that_fact(tmp_path, collection):
    import yaml

    from quizgen.generate import generate_questions

    folder = tmp_path / "with-image"
    shutil.copytree(ESCAPING_BANK, folder)
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8cfc0f01f0005fe02fea7d6a4b40000000049454e44ae426082"
    )
    (folder / "images").mkdir()
    (folder / "images" / "poster <1>.png").write_bytes(png)
    data = yaml.safe_load((folder / "facts.yaml").read_text(encoding="utf-8"))
    data["facts"][0]["image"] = "images/poster <1>.png"
    (folder / "facts.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    bank = load_bank(folder)
    questions = [q for q in generate_questions(bank) if not q.has_errors]
    write_apkg(questions, bank, tmp_path / "deck.apkg")
    import_package(collection, tmp_path / "deck.apkg")
    assert [p.read_bytes() for p in Path(collection.media.dir()).iterdir()] == [png]
    assert assert_renders_cleanly(collection, questions, bank) == len(questions)
    by_guid = cards_by_guid(collection)
    for question in questions:
        card_html = by_guid[note_guid(bank.id, question.id)][0].question()
        assert ("<img src=" in card_html) == (question.fact_id == data["facts"][0]["id"]), question.id


# --------------------------------------------------------------------------------------------------
# Any text, literally


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TRICKY = st.lists(st.sampled_from(list("ab {}[]:<>&\"'\\/#$~=|_*c1\n\t") + ["ש", "é", "🍮", "::", "{{c1::", "}}"]),
                   max_size=12).map("".join)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_TRICKY, _TRICKY.filter(lambda s: s.strip()), _TRICKY), min_size=1, max_size=6))
def test_any_text_shows_literally_and_makes_exactly_one_cloze(tmp_path_factory, escaping_bank, texts):
    from quizgen.model import Cloze, Question

    folder = tmp_path_factory.mktemp("anytext")
    source = questions_for(escaping_bank)[0].source
    questions = []
    for n, (before, answer, after) in enumerate(texts):
        common = dict(fact_id="f", fact_ids=["f"], answer=answer, explanation=after + "!",
                      source=source)
        questions.append(Question(id=f"f{n}.cloze", kind="cloze", stem=before + "___" + after,
                                  cloze=Cloze(before=before, answer=answer, after=after), **common))
        questions.append(Question(id=f"f{n}.short", kind="short_answer", stem=before + "?" + after, **common))
    write_apkg(questions, escaping_bank, folder / "deck.apkg")
    col = Collection(str(folder / "collection.anki2"))
    try:
        import_package(col, folder / "deck.apkg")
        assert col.card_count() == len(questions)  # a literal {{c2::x}} never makes a second card
        assert assert_renders_cleanly(col, questions, escaping_bank) == len(questions)
        for question in questions:
            card = cards_by_guid(col)[note_guid(escaping_bank.id, question.id)][0]
            if question.kind == "short_answer":
                assert squash(question.stem) in visible_text(card.question())
                assert squash(question.answer) in visible_text(card.answer())
    finally:
        col.close()


def test_subdecks_by_kind(tmp_path, collection, escaping_bank):
    questions = questions_for(escaping_bank)
    write_apkg(questions, escaping_bank, tmp_path / "deck.apkg", subdecks="kind")
    import_package(collection, tmp_path / "deck.apkg")
    for question in questions:
        card = note_by_question(collection, escaping_bank.id, question.id).cards()[0]
        assert collection.decks.name(card.did) == f"{escaping_bank.title}::{question.kind}"
