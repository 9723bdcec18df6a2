"""LMS and quiz-platform exports (issue 6): GIFT, Moodle XML, Canvas QTI, Kahoot, Quizlet, CSV.

Each file is read back the way its platform (or an independent parser of it) reads it, and compared
with the questions meant to be written, texts character for character."""

from __future__ import annotations

from dataclasses import replace
import csv
import html
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from lms_fixtures import NASTY, escaping_bank, hand_questions
from quizgen.export.base import (
    MOODLE_GRADE_LIST,
    accepted_answers,
    general_feedback_html,
    general_feedback_text,
    moodle_shortanswer_pattern,
    select_questions,
    stable_choice_order,
    text_to_html,
    xml_identifier,
)
from quizgen.export.gift import export_gift, gift_escape
from quizgen.export.moodle_xml import export_moodle_xml
from quizgen.export.qti import export_qti
from quizgen.export.tabular import (
    KAHOOT_HEADER,
    KAHOOT_TIME_LIMITS,
    export_csv,
    export_kahoot,
    export_quizlet,
    kahoot_length,
)
from quizgen.model import Choice, LintFinding, MatchPair

TESTS = Path(__file__).parent
SCHEMAS = TESTS / "data" / "schemas" / "qti"
NODE_DIR = TESTS / "node"


@pytest.fixture(scope="module")
def bank():
    return escaping_bank()


@pytest.fixture(scope="module")
def questions(bank):
    return hand_questions(bank)


def generated(ref):
    from quizgen.export.base import select_questions as usable
    from quizgen.generate import generate_questions
    from quizgen.loading import load_bank

    real_bank = load_bank(ref)
    return real_bank, usable(generate_questions(real_bank))


@pytest.fixture(scope="module", params=["hand-built", "escaping-generated", "bundled-generated"])
def question_set(request):
    """(bank, questions): the hand-built set of every kind, and the real generated questions of the
    escaping bank and of the bundled bank."""
    if request.param == "hand-built":
        bank = escaping_bank()
        return bank, hand_questions(bank)
    return generated(TESTS / "data" / "banks" / "escaping" if request.param == "escaping-generated" else None)


def by_id(questions):
    return {q.id: q for q in questions}


def html_to_text(fragment: str) -> str:
    """What a reader sees of our HTML: <br> as a line break, entities decoded (no other tags are ours)."""
    return html.unescape(fragment.replace("<br>", "\n"))


# ------------------------------------------------------------------------------------------------
# shared helpers


def test_select_questions_leaves_out_lint_errors_and_filters_kinds_and_tags(questions):
    broken = replace(questions[0], **{"lint": [LintFinding(code="leak", severity="error", message="x",
                                                                  question_id=questions[0].id)]})
    warned = replace(questions[1], **{"lint": [LintFinding(code="long", severity="warning", message="x",
                                                                  question_id=questions[1].id)]})
    pool = [broken, warned, *questions[2:]]
    assert broken not in select_questions(pool)
    assert warned in select_questions(pool)
    assert {q.kind for q in select_questions(pool, kinds=["true_false"])} == {"true_false"}
    assert all("rtl" in q.tags for q in select_questions(pool, tags=["rtl"]))
    assert [q.id for q in select_questions(pool, tags=["rtl", "accents"])] == \
        [q.id for q in pool[1:] if {"rtl", "accents"} & set(q.tags)]


def test_xml_identifiers_are_ncnames_without_dots_and_distinct():
    ids = ["405b-model.mc", "405b-model.tf-true", "timeline.0f3a9c", "Odd id: with spaces", "Odd id_ with spaces"]
    idents = [xml_identifier("q", i) for i in ids]
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", ident) for ident in idents)
    assert len(set(idents)) == len(idents)
    assert xml_identifier("q", "405b-model.mc") == "q_405b-model_mc"  # readable and stable


def test_stable_choice_order_depends_on_the_question_only(questions):
    mc = [q for q in questions if q.kind == "multiple_choice"]
    for question in mc:
        order = stable_choice_order(question)
        assert sorted(c.text for c in order) == sorted(c.text for c in question.choices)
        assert order == stable_choice_order(replace(question))
    tf = next(q for q in questions if q.kind == "true_false")
    assert [c.text for c in stable_choice_order(tf)] == ["True", "False"]


# ------------------------------------------------------------------------------------------------
# GIFT


def moodle_gift_unescape(text: str) -> str:
    """Moodle's qformat_gift escapedchar_pre + escapedchar_post, ported literally."""
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in (("\\:", "&&058;"), ("\\#", "&&035;"), ("\\=", "&&061;"), ("\\{", "&&123;"),
                                 ("\\}", "&&125;"), ("\\~", "&&126;"), ("\\n", "&&010")):
        text = text.replace(escaped, placeholder)
    text = text.replace("&&092;", "\\")
    for placeholder, char in (("&&058;", ":"), ("&&035;", "#"), ("&&061;", "="), ("&&123;", "{"),
                              ("&&125;", "}"), ("&&126;", "~"), ("&&010", "\n")):
        text = text.replace(placeholder, char)
    return text


@pytest.mark.parametrize("text", [NASTY, "\\n is not a newline", "a\\", "\\\\:", "line one\nline two", "{{c1::x}}"])
def test_gift_escape_is_undone_exactly_by_moodles_unescape(text):
    escaped = gift_escape(text)
    assert not re.search(r"(?<!\\)(?:\\\\)*[~=#{}:]", escaped.replace("\\\\", "")), escaped
    assert "\n" not in escaped  # a raw line break could start a '//' comment line or end the question
    assert moodle_gift_unescape(escaped) == text


def parse_gift_with_node(path: Path) -> list[dict]:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the GIFT round-trip through gift-pegjs needs it")
    if not (NODE_DIR / "node_modules" / "gift-pegjs").is_dir():
        pytest.skip("gift-pegjs is not installed in tests/node (make setup runs npm ci there)")
    run = subprocess.run(["node", str(NODE_DIR / "parse_gift.js"), str(path)], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, f"gift-pegjs could not parse {path}:\n{run.stderr}"
    return json.loads(run.stdout)


def test_gift_parses_back_with_gift_pegjs_to_the_questions_written(tmp_path, question_set):
    bank, questions = question_set
    path = tmp_path / "bank.gift.txt"
    result = export_gift(questions, bank, path)
    parsed = parse_gift_with_node(path)
    expected = {q.id: q for q in questions if q.kind != "ordering"}
    assert result.written == len(expected)
    assert result.skipped == [(q.id, "GIFT has no ordering question type") for q in questions if q.kind == "ordering"]

    categories = [p["title"] for p in parsed if p["type"] == "Category"]
    assert categories == sorted(set(categories))
    assert all(c.startswith(f"$course$/top/{bank.id}") for c in categories)
    items = [p for p in parsed if p["type"] != "Category"]
    assert sorted(p["title"] for p in items) == sorted(expected)
    for item in items:
        question = expected[item["title"]]
        assert item["id"] == question.id
        assert item["tags"] == (question.tags or None)
        assert item["stem"] == {"format": "html", "text": text_to_html(question.stem)}
        assert html_to_text(item["stem"]["text"]) == question.stem
        assert item["globalFeedback"] == {"format": "html", "text": general_feedback_html(question)}
        kind = question.kind
        if kind == "multiple_choice":
            assert item["type"] == "MC"
            got = [(c["text"]["text"], c["isCorrect"], (c["feedback"] or {}).get("text", "")) for c in item["choices"]]
            want = [(text_to_html(c.text), c.correct, text_to_html(c.feedback)) for c in stable_choice_order(question)]
            assert got == want
            assert [html_to_text(t) for t, _, _ in got] == [c.text for c in stable_choice_order(question)]
        elif kind == "true_false":
            right = next(c for c in question.choices if c.correct)
            wrong = next(c for c in question.choices if not c.correct)
            assert item["type"] == "TF" and item["isTrue"] == (right.text == "True")
            # Moodle's order: {TRUE#feedback for a wrong answer#feedback for a right answer}
            assert (item["trueFeedback"] or {}).get("text", "") == text_to_html(wrong.feedback)
            assert (item["falseFeedback"] or {}).get("text", "") == text_to_html(right.feedback)
        elif kind in ("short_answer", "cloze"):
            assert item["type"] == "Short"
            got = [c["text"]["text"] for c in item["choices"]]
            assert got == [moodle_shortanswer_pattern(a) for a in accepted_answers(question)]
            assert all(c["isCorrect"] and c["weight"] == 100 for c in item["choices"])
        elif kind == "numeric":
            assert item["type"] == "Numerical"
            [choice] = item["choices"]
            assert choice["text"]["number"] == question.numeric.value
            assert choice["text"]["range"] == question.numeric.tolerance
        elif kind == "matching":
            assert item["type"] == "Matching"
            got = [(m["subquestion"]["text"], m["subanswer"]) for m in item["matchPairs"]]
            assert got == [(text_to_html(p.left), p.right) for p in question.pairs]
        else:  # pragma: no cover - every kind above
            raise AssertionError(kind)


def test_gift_matching_with_too_few_answers_is_skipped_by_name(tmp_path, bank, questions):
    matching = next(q for q in questions if q.kind == "matching")
    small = replace(matching, **{"id": "match.small", "pairs": matching.pairs[:2]})
    result = export_gift([small], bank, tmp_path / "m.gift.txt")
    assert result.written == 0
    assert result.skipped == [("match.small", "Moodle matching needs at least 2 pairs and 3 different answers"
                                              " — 2 pairs, 2 answers")]


# ------------------------------------------------------------------------------------------------
# Moodle XML


def text_of(element, path: str) -> str:
    found = element.find(path)
    return "" if found is None or found.text is None else found.text


def test_moodle_xml_follows_moodles_import_rules(tmp_path, question_set):
    bank, questions = question_set
    path = tmp_path / "bank.moodle.xml"
    result = export_moodle_xml(questions, bank, path)
    raw = path.read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(raw)
    assert root.tag == "quiz"
    entries = root.findall("question")
    assert entries[0].get("type") == "category", "the first entry must set the category"
    expected = by_id(questions)
    seen_ids = []
    for entry in entries:
        kind = entry.get("type")
        if kind == "category":
            assert text_of(entry, "category/text").startswith(f"$course$/top/{bank.id}")
            continue
        assert kind in {"multichoice", "truefalse", "shortanswer", "numerical", "match", "ordering"}
        name = text_of(entry, "name/text")
        question = expected[name]
        seen_ids.append(text_of(entry, "idnumber"))
        assert text_of(entry, "idnumber") == question.id
        assert entry.find("questiontext").get("format") == "html"
        assert html_to_text(text_of(entry, "questiontext/text")) == question.stem
        assert text_of(entry, "generalfeedback/text") == general_feedback_html(question)
        assert [t.text for t in entry.findall("tags/tag/text")] == question.tags
        assert text_of(entry, "penalty") in ("1", "0.5", "0.3333333", "0.25", "0.2", "0.1", "0")  # Moodle's list
        assert float(text_of(entry, "defaultgrade")) > 0
        answers = entry.findall("answer")
        fractions = [float(a.get("fraction")) for a in answers]
        assert all(any(abs(f - g) < 1e-6 for g in MOODLE_GRADE_LIST) for f in fractions)
        if kind == "multichoice":
            assert text_of(entry, "single") == "true" and fractions.count(100) == 1
            assert text_of(entry, "answernumbering") in ("abc", "ABCD", "123", "iii", "IIII", "none")
            assert [(html_to_text(text_of(a, "text")), float(a.get("fraction")) == 100,
                     html_to_text(text_of(a, "feedback/text"))) for a in answers] == \
                [(c.text, c.correct, c.feedback) for c in stable_choice_order(question)]
        elif kind == "truefalse":
            assert sorted(text_of(a, "text") for a in answers) == ["false", "true"]
            right = next(a for a in answers if a.get("fraction") == "100")
            assert text_of(right, "text") == question.answer.lower()
            for answer in answers:
                choice = next(c for c in question.choices if c.text.lower() == text_of(answer, "text"))
                assert html_to_text(text_of(answer, "feedback/text")) == choice.feedback
        elif kind == "shortanswer":
            assert text_of(entry, "usecase") in ("0", "1") and set(fractions) == {100}
            assert [text_of(a, "text") for a in answers] == \
                [moodle_shortanswer_pattern(a) for a in accepted_answers(question)]
        elif kind == "numerical":
            [answer] = answers
            assert float(text_of(answer, "text")) == question.numeric.value
            assert float(text_of(answer, "tolerance")) == question.numeric.tolerance
        elif kind == "match":
            subs = entry.findall("subquestion")
            assert len([s for s in subs if text_of(s, "text")]) >= 2
            assert len({text_of(s, "answer/text") for s in subs}) >= 3
            assert [(html_to_text(text_of(s, "text")), text_of(s, "answer/text")) for s in subs] == \
                [(p.left, p.right) for p in question.pairs]
        elif kind == "ordering":
            # core qtype_ordering: the answers in the correct order, every one shown (selecttype ALL)
            assert text_of(entry, "selecttype") == "ALL"
            assert int(text_of(entry, "selectcount")) == len(question.sequence)
            assert [html_to_text(text_of(a, "text")) for a in answers] == question.sequence
    assert len(seen_ids) == len(set(seen_ids)) == result.written == len(questions)
    assert result.skipped == []


def test_moodle_xml_keeps_html_in_cdata_even_with_a_cdata_terminator_in_the_text(tmp_path, bank, questions):
    price = next(q for q in questions if q.id == "price-tag-text.mc")
    assert "]]>" in price.stem
    path = tmp_path / "one.moodle.xml"
    export_moodle_xml([price], bank, path)
    raw = path.read_text(encoding="utf-8")
    assert "<questiontext format=\"html\">\n      <text><![CDATA[What did the price tag read?" in raw
    assert "<b>bold</b>" not in raw.split("<questiontext")[1].split("</questiontext>")[0]
    entry = etree.fromstring(raw.encode()).find("question[@type='multichoice']")
    assert html_to_text(text_of(entry, "questiontext/text")) == price.stem


# ------------------------------------------------------------------------------------------------
# Canvas QTI


def imscp_schema() -> etree.XMLSchema:
    source = (SCHEMAS / "imscp_v1p1.xsd").read_bytes()
    # The XSD imports the xml: namespace schema from w3.org; use the local copy (no network in tests).
    source = source.replace(b"http://www.w3.org/2001/03/xml.xsd", (SCHEMAS / "xml.xsd").resolve().as_uri().encode())
    return etree.XMLSchema(etree.fromstring(source, base_url=str(SCHEMAS / "imscp_v1p1.xsd")))


def read_package(path: Path) -> tuple[etree._Element, etree._Element, list[str]]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        ns = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
        [href] = manifest.xpath("//cp:resource[@type='imsqti_xmlv1p2']/cp:file/@href", namespaces=ns)
        assert href in names, "the manifest names a file that is not in the zip"
        assessment = etree.fromstring(archive.read(href))
    return manifest, assessment, names


def test_qti_package_validates_against_ims_cp_xsd_and_qti_dtd(tmp_path, question_set):
    bank, questions = question_set
    path = tmp_path / "bank.canvas-qti.zip"
    result = export_qti(questions, bank, path)
    manifest, assessment, names = read_package(path)
    assert names[0] == "imsmanifest.xml" and len(names) == 2
    schema = imscp_schema()
    assert schema.validate(manifest), schema.error_log
    dtd = etree.DTD(str(SCHEMAS / "ims_qtiasiv1p2p1.dtd"))
    assert dtd.validate(assessment), dtd.error_log.filter_from_errors()
    assert result.written == len(assessment.findall(".//item")) == \
        len([q for q in questions if q.kind != "ordering"])


def test_qti_every_reference_resolves_inside_its_item(tmp_path, question_set):
    bank, questions = question_set
    path = tmp_path / "bank.canvas-qti.zip"
    export_qti(questions, bank, path)
    _, assessment, _ = read_package(path)
    items = assessment.findall(".//item")
    item_idents = [item.get("ident") for item in items]
    assert len(set(item_idents)) == len(item_idents)
    for item in items:
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", item.get("ident"))
        responses = {r.get("ident"): r for r in item.xpath(".//response_lid | .//response_str")}
        feedback_idents = {f.get("ident") for f in item.findall("itemfeedback")}
        for element in item.xpath(".//varequal | .//vargte | .//varlte"):
            respident = element.get("respident")
            assert respident in responses, f"{item.get('ident')}: respident {respident} names no response"
            response = responses[respident]
            if element.tag == "varequal" and response.tag == "response_lid":
                labels = {label.get("ident") for label in response.findall(".//response_label")}
                assert element.text in labels, f"{item.get('ident')}: varequal {element.text} names no choice"
        for display in item.findall(".//displayfeedback"):
            assert display.get("linkrefid") in feedback_idents
        metadata = {f.findtext("fieldlabel"): f.findtext("fieldentry") for f in item.findall(".//qtimetadatafield")}
        assert metadata["points_possible"] == "1.0"
        answer_ids = metadata["original_answer_ids"].split(",")
        assert len(answer_ids) == len(set(answer_ids)) and all(answer_ids)
        if metadata["question_type"] in ("multiple_choice_question", "true_false_question"):
            assert answer_ids == [label.get("ident") for label in item.findall(".//response_label")]


def test_qti_carries_every_text_and_the_canvas_question_types(tmp_path, question_set):
    bank, questions = question_set
    path = tmp_path / "bank.canvas-qti.zip"
    export_qti(questions, bank, path)
    _, assessment, _ = read_package(path)
    expected = by_id(questions)
    canvas_types = {"multiple_choice": "multiple_choice_question", "true_false": "true_false_question",
                    "short_answer": "short_answer_question", "cloze": "short_answer_question",
                    "numeric": "numerical_question", "matching": "matching_question"}
    for item in assessment.findall(".//item"):
        question = expected[item.get("title")]
        assert item.get("ident") == xml_identifier("q", question.id)
        metadata = {f.findtext("fieldlabel"): f.findtext("fieldentry") for f in item.findall(".//qtimetadatafield")}
        assert metadata["question_type"] == canvas_types[question.kind]
        stem = item.find("presentation/material/mattext")
        assert stem.get("texttype") == "text/html" and html_to_text(stem.text) == question.stem
        general = item.find("itemfeedback[@ident='general_fb']//mattext").text
        assert general == general_feedback_html(question)
        if question.kind in ("multiple_choice", "true_false"):
            labels = item.findall(".//response_label")
            assert [label.findtext(".//mattext") for label in labels] == [c.text for c in stable_choice_order(question)]
            correct = item.find(".//respcondition[@continue='No']/conditionvar/varequal").text
            correct_label = next(label for label in labels if label.get("ident") == correct)
            assert correct_label.findtext(".//mattext") == next(c.text for c in question.choices if c.correct)
        elif question.kind in ("short_answer", "cloze"):
            got = [v.text for v in item.findall(".//respcondition[@continue='No']/conditionvar/varequal")]
            assert got == accepted_answers(question)
        elif question.kind == "numeric":
            assert float(item.find(".//or/varequal").text) == question.numeric.value
        elif question.kind == "matching":
            lids = item.findall(".//response_lid")
            assert [lid.findtext("material/mattext") for lid in lids] == [p.left for p in question.pairs]
            for lid, pair in zip(lids, question.pairs):
                right_ident = item.xpath(f".//varequal[@respident='{lid.get('ident')}']")[0].text
                assert lid.find(f".//response_label[@ident='{right_ident}']").findtext(".//mattext") == pair.right


def test_qti_package_is_reproducible_and_identifiers_follow_the_question(tmp_path, bank, questions):
    first, second, reordered = tmp_path / "a.zip", tmp_path / "b.zip", tmp_path / "c.zip"
    export_qti(questions, bank, first)
    export_qti(questions, bank, second)
    assert first.read_bytes() == second.read_bytes()
    export_qti(list(reversed(questions)), bank, reordered)
    idents = {}
    for path in (first, reordered):
        _, assessment, _ = read_package(path)
        idents[path] = {item.get("title"): sorted(e.get("ident") for e in item.iter() if e.get("ident"))
                        for item in assessment.findall(".//item")}
    assert idents[first] == idents[reordered]


# ------------------------------------------------------------------------------------------------
# Kahoot


def kahoot_rows(path: Path):
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    header = [cell.value or "" for cell in sheet[8]][:8]
    rows = [[cell for cell in row][:8] for row in sheet.iter_rows(min_row=9) if row[1].value is not None]
    return header, rows


def test_kahoot_sheet_has_kahoots_template_layout_and_the_right_answers(tmp_path, question_set):
    bank, questions = question_set
    path = tmp_path / "bank.kahoot.xlsx"
    result = export_kahoot(questions, bank, path)
    header, rows = kahoot_rows(path)
    assert tuple(header) == KAHOOT_HEADER
    skipped = dict(result.skipped)
    chosen = [q for q in questions if q.id not in skipped]
    assert result.written == len(rows) == len(chosen) == len(questions) - len(skipped)
    for question in questions:
        if question.kind not in ("multiple_choice", "true_false"):
            assert skipped[question.id] == "Kahoot's spreadsheet holds only multiple-choice and true/false questions"
        elif question.id in skipped:
            assert skipped[question.id].startswith(("question over Kahoot's 120 characters",
                                                    "an answer over Kahoot's 75 characters"))
    for number, (row, question) in enumerate(zip(rows, chosen), 1):
        values = [cell.value for cell in row]
        assert values[0] == number
        assert values[1] == question.stem and kahoot_length(values[1]) <= 120
        answers = [v for v in values[2:6] if v not in (None, "")]
        assert answers == [c.text for c in stable_choice_order(question)]
        assert all(kahoot_length(a) <= 75 for a in answers)
        assert values[6] in KAHOOT_TIME_LIMITS
        assert isinstance(values[7], int)  # one right answer: a number, as in Kahoot's template
        correct = [answers[int(i) - 1] for i in str(values[7]).split(",")]
        assert correct == [c.text for c in question.choices if c.correct]
        assert all(cell.data_type == "s" for cell in row[1:6] if cell.value not in (None, ""))


def test_kahoot_skips_what_it_cannot_hold_by_name_and_never_cuts_text(tmp_path, bank, questions):
    mc = next(q for q in questions if q.id == "script-tag-text.mc")
    long_stem = replace(mc, **{"id": "long.mc", "stem": "Which " + "very " * 23 + "long tag?"})
    long_answer = replace(mc, **{"id": "long-answer.mc", "choices": [
        Choice(text="x" * 76, correct=True), *mc.choices[1:]]})
    five = replace(mc, **{"id": "five.mc", "choices": [*mc.choices, Choice(text="fifth", correct=False)]})
    emoji = replace(mc, **{"id": "emoji.mc", "stem": "🍮" * 60})  # 60 code points, 120 UTF-16 units
    formula = replace(mc, **{"id": "formula.mc", "choices": [
        Choice(text="=1+1", correct=True), *mc.choices[1:]]})
    result = export_kahoot([long_stem, long_answer, five, emoji, formula], bank, tmp_path / "k.xlsx")
    skipped = dict(result.skipped)
    assert skipped["long.mc"] == f"question over Kahoot's 120 characters — {len(long_stem.stem)} characters"
    assert skipped["long-answer.mc"] == f"an answer over Kahoot's 75 characters — \"{'x' * 76}\" has 76"
    assert skipped["five.mc"] == "Kahoot takes 2 to 4 answers — 5 answers"
    assert result.written == 2
    _, rows = kahoot_rows(tmp_path / "k.xlsx")
    assert rows[0][1].value == "🍮" * 60
    formula_cells = [cell for cell in rows[1][2:6] if cell.value == "=1+1"]
    assert len(formula_cells) == 1 and formula_cells[0].data_type == "s"


def test_kahoot_file_is_reproducible(tmp_path, bank, questions):
    export_kahoot(questions, bank, tmp_path / "a.xlsx")
    export_kahoot(questions, bank, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


# ------------------------------------------------------------------------------------------------
# Quizlet and CSV


def test_quizlet_has_one_card_a_line_with_one_tab(tmp_path, bank, questions):
    multi_line = replace(questions[0], **{"id": "multi.mc", "stem": "Line one\nline\ttwo  \r\n three"})
    path = tmp_path / "bank.quizlet.txt"
    result = export_quizlet([*questions, multi_line], bank, path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == result.written == len(questions) + 1
    cards = [line.split("\t") for line in lines[:-1]]
    assert all(len(card) == 2 for card in cards)
    assert cards[-1][0] == "Line one line two three"
    by_stem = {card[0]: card[1] for card in cards}
    assert by_stem[questions[1].stem] == next(c.text for c in questions[1].choices if c.correct)
    assert NASTY in questions[1].stem  # the nasty characters arrive untouched
    ordering = next(q for q in questions if q.kind == "ordering")
    assert by_stem[ordering.stem] == " \u2192 ".join(ordering.sequence)


def test_csv_reads_back_to_every_question_field(tmp_path, question_set):
    bank, questions = question_set
    path = tmp_path / "bank.questions.csv"
    result = export_csv(questions, bank, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert result.written == len(rows) == len(questions)
    for row, question in zip(rows, questions):
        assert row["id"] == question.id and row["kind"] == question.kind
        assert row["stem"] == question.stem and row["explanation"] == question.explanation
        assert json.loads(row["choices"] or "[]") == [c.text for c in question.choices]
        assert json.loads(row["pairs"] or "[]") == [[p.left, p.right] for p in question.pairs]
        assert json.loads(row["sequence"] or "[]") == question.sequence
        assert question.source.quote in row["source"]


def test_general_feedback_holds_explanation_and_source(questions):
    question = questions[0]
    text = general_feedback_text(question)
    assert question.explanation in text and question.source.quote in text and question.source.article_title in text
    assert html_to_text(general_feedback_html(question).replace("</p><p>", "\n\n").removeprefix("<p>")
                        .removesuffix("</p>")) == text


def test_quizlet_cards_carry_every_question_text(tmp_path, question_set):
    bank, questions = question_set
    path = tmp_path / "bank.quizlet.txt"
    result = export_quizlet(questions, bank, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    skipped = dict(result.skipped)
    kept = [q for q in questions if q.id not in skipped]
    assert len(lines) == result.written == len(kept)
    for line, question in zip(lines, kept):
        term, definition = line.split("\t")
        assert term == " ".join(question.stem.split())
        if question.kind in ("multiple_choice", "true_false"):
            assert definition == " ".join(next(c.text for c in question.choices if c.correct).split())


def test_quizlet_writes_a_repeated_card_once_and_names_the_repeat(tmp_path, bank, questions):
    mc = next(q for q in questions if q.id == "script-tag-text.mc")
    short = replace(mc, **{"id": "script-tag-text.short", "kind": "short_answer", "choices": []})
    result = export_quizlet([mc, short], bank, tmp_path / "q.txt")
    assert result.written == 1
    assert result.skipped == [("script-tag-text.short", "same question and answer as an earlier card")]


# ------------------------------------------------------------------------------------------------
# the command and the build


def run_cli(*args):
    from click.testing import CliRunner

    from quizgen.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


ESCAPING = str(TESTS / "data" / "banks" / "escaping")


def test_export_command_writes_the_file_and_names_what_it_skipped(tmp_path):
    out = tmp_path / "esc.kahoot.xlsx"
    run = run_cli("export", ESCAPING, "--format", "kahoot", "-o", str(out))
    assert run.exit_code == 0, run.output
    first, *rest = run.output.splitlines()
    assert first.startswith(f"wrote {out}: ") and "skipped)" in first
    skipped_line = next(line for line in rest if "holds only multiple-choice and true/false" in line)
    _, questions = generated(ESCAPING)
    others = [q.id for q in questions if q.kind not in ("multiple_choice", "true_false")]
    assert skipped_line.startswith(f"  skipped {len(others)}: ")
    assert all(qid in skipped_line for qid in others)  # every one named, none summarised away
    assert out.is_file()


def test_export_command_filters_kinds_and_tags(tmp_path):
    out = tmp_path / "esc.csv"
    run = run_cli("export", ESCAPING, "-f", "csv", "-o", str(out), "--kinds", "true_false,cloze", "--tags", "rtl")
    assert run.exit_code == 0, run.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert rows and {r["kind"] for r in rows} <= {"true_false", "cloze"}
    assert all("rtl" in json.loads(r["tags"]) for r in rows)


@pytest.mark.parametrize("args, message", [
    (["--tags", "nope"], "Error: no question of bank escaping has the tag nope (tags: accents, anki-syntax, "
                         "markup, rtl, symbols)"),
    (["--kinds", "essay"], "Error: unknown question kind essay (kinds: multiple_choice, true_false, cloze, "
                           "short_answer, numeric, ordering, matching)"),
    (["--kinds", "matching"], "Error: no question of bank escaping matches --kinds matching --tags any"),
])
def test_export_command_explains_a_selection_that_cannot_work(tmp_path, args, message):
    run = run_cli("export", ESCAPING, "-f", "gift", "-o", str(tmp_path / "x.gift.txt"), *args)
    assert run.exit_code == 1
    assert run.output.strip() == message
    assert not (tmp_path / "x.gift.txt").exists()


def test_build_writes_every_lms_format_with_the_escaping_text_intact(tmp_path):
    from quizgen.build import build_all

    messages = []
    written = build_all(ESCAPING, tmp_path, progress=messages.append)
    folder = tmp_path / "escaping" / "lms"
    expected = ["escaping.gift.txt", "escaping.moodle.xml", "escaping.canvas-qti.zip", "escaping.kahoot.xlsx",
                "escaping.quizlet.txt", "escaping.questions.csv"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected)
    assert all(folder / name in written for name in expected)
    assert any(m.startswith(f"wrote {folder / 'escaping.kahoot.xlsx'}: ") for m in messages)
    # The statements of the escaping bank, with every awkward character, reach each text format literally.
    statement = 'The tag <script>alert("x")</script> was printed on the poster in 2019.'
    assert statement in (folder / "escaping.quizlet.txt").read_text(encoding="utf-8")
    assert statement in (folder / "escaping.questions.csv").read_text(encoding="utf-8-sig").replace('""', '"')
    moodle = etree.parse(str(folder / "escaping.moodle.xml"))
    stems = [html_to_text(t) for t in moodle.xpath("//questiontext/text/text()")]
    assert statement in stems
    gift = (folder / "escaping.gift.txt").read_text(encoding="utf-8")
    assert gift_escape(text_to_html(statement)) in gift


def test_an_image_travels_inside_moodle_xml_and_is_named_where_it_cannot(tmp_path, bank, questions):
    import base64

    image = tmp_path / "poster & co.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n fake image bytes")
    mc = replace(next(q for q in questions if q.id == "script-tag-text.mc"), image=str(image))
    export_moodle_xml([mc], bank, tmp_path / "i.moodle.xml")
    entry = etree.parse(str(tmp_path / "i.moodle.xml")).find("question[@type='multichoice']")
    text = text_of(entry, "questiontext/text")
    assert text.startswith(text_to_html(mc.stem))
    assert '<img src="@@PLUGINFILE@@/poster%20%26%20co.png" alt="">' in text
    file = entry.find("questiontext/file")
    assert file.get("name") == "poster & co.png" and file.get("path") == "/" and file.get("encoding") == "base64"
    assert base64.b64decode(file.text) == image.read_bytes()
    for write, reason in ((export_gift, "GIFT cannot carry images (use Moodle XML)"),
                          (export_qti, "the Canvas export does not carry images yet (Moodle XML does)"),
                          (export_kahoot, "Kahoot's spreadsheet cannot carry images")):
        result = write([mc], bank, tmp_path / f"i.{write.__name__}")
        assert result.skipped == [(mc.id, reason)] and result.written == 0


def test_a_control_character_xml_cannot_hold_skips_the_question_by_name(tmp_path, bank, questions):
    mc = next(q for q in questions if q.id == "script-tag-text.mc")
    bad = replace(mc, **{"id": "bad.mc", "explanation": "vertical\x0btab"})
    reason = "a text holds a control character XML cannot carry \u2014 U+000B"
    for write in (export_moodle_xml, export_qti, export_kahoot):
        result = write([bad, mc], bank, tmp_path / f"c.{write.__name__}")
        assert result.skipped == [("bad.mc", reason)] and result.written == 1
    gift = export_gift([bad], bank, tmp_path / "c.gift.txt")  # plain text holds it
    assert gift.written == 1
