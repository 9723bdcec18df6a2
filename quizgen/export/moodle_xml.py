"""Moodle XML, Moodle's complete question format (what its own "Export questions" writes).

Structure follows Moodle's qformat_xml importer: a `<quiz>` root, `<question type="category">`
pseudo-questions that switch the category, then one `<question>` per item with `<name>`,
`<questiontext format="html">`, `<generalfeedback>`, `<idnumber>` (the question id, so a re-import is
recognisable), answers with a `fraction` from Moodle's grade list and per-answer `<feedback>`, and
`<tags>`. HTML fields carry the user's text HTML-escaped inside CDATA (as Moodle writes them); fields
Moodle stores as plain text (short-answer and numerical answers, matching answers, names, categories)
are plain XML text. lxml does the XML escaping. Ordering questions use core qtype_ordering (standard
since Moodle 4.4).
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import Optional
from urllib.parse import quote

from lxml import etree

from quizgen.export.base import (
    moodle_import_problem,
    carried_questions,
    DETAIL,
    ExportResult,
    accepted_answers,
    format_number,
    general_feedback_html,
    moodle_category_names,
    moodle_category_path,
    moodle_grade,
    moodle_shortanswer_pattern,
    stable_choice_order,
    text_to_html,
    xml_unsafe_reason,
)
from quizgen.loading import Bank
from quizgen.model import Question
from quizgen.output import write_bytes_atomic

FORMAT = "moodle-xml"

# Moodle question types by our question kind (cloze is a short answer whose stem shows the blank).
MOODLE_TYPES = {
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "short_answer": "shortanswer",
    "cloze": "shortanswer",
    "numeric": "numerical",
    "matching": "match",
    "ordering": "ordering",  # qtype_ordering: standard since Moodle 4.4, a plugin before
}


def _cdata_safe(html_text: str) -> str:
    # User text is HTML-escaped first, so ']]>' can only arrive as ']]&gt;'; this guard keeps CDATA
    # valid even for HTML we build ourselves.
    return html_text.replace("]]>", "]]&gt;")


def _text(parent: etree._Element, tag: str, value: str) -> etree._Element:
    element = etree.SubElement(parent, tag)
    etree.SubElement(element, "text").text = value
    return element


def _html_field(parent: etree._Element, tag: str, html_text: str) -> etree._Element:
    """<tag format="html"><text><![CDATA[html_text]]></text></tag>"""
    element = etree.SubElement(parent, tag, format="html")
    text = etree.SubElement(element, "text")
    text.text = etree.CDATA(_cdata_safe(html_text)) if html_text else ""
    return element


def _plain(parent: etree._Element, tag: str, value: str) -> etree._Element:
    element = etree.SubElement(parent, tag)
    element.text = value
    return element


def _category(quiz: etree._Element, names: list[str]) -> None:
    question = etree.SubElement(quiz, "question", type="category")
    _text(question, "category", moodle_category_path(names))
    _html_field(question, "info", "")
    _plain(question, "idnumber", "")


def _common(quiz: etree._Element, question: Question, moodle_type: str) -> etree._Element:
    element = etree.SubElement(quiz, "question", type=moodle_type)
    _text(element, "name", question.id)
    stem_html = text_to_html(question.stem)
    if question.image:
        # The image travels inside the file (base64) and the text points at it, as Moodle exports do.
        name = Path(question.image).name
        stem_html += f'<p><img src="@@PLUGINFILE@@/{html.escape(quote(name))}" alt=""></p>'
    text = _html_field(element, "questiontext", stem_html)
    if question.image:
        data = Path(question.image).read_bytes()
        etree.SubElement(text, "file", name=Path(question.image).name, path="/",
                         encoding="base64").text = base64.b64encode(data).decode("ascii")
    _html_field(element, "generalfeedback", general_feedback_html(question))
    _plain(element, "defaultgrade", "1")
    # Wrong tries cost a third (Moodle's default); true/false has only one try worth having.
    _plain(element, "penalty", "1" if moodle_type == "truefalse" else "0.3333333")
    _plain(element, "hidden", "0")
    _plain(element, "idnumber", question.id)
    return element


def _tags(element: etree._Element, question: Question) -> None:
    if question.tags:
        tags = etree.SubElement(element, "tags")
        for tag in question.tags:
            _text(tags, "tag", tag)


def _combined_feedback(element: etree._Element) -> None:
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _html_field(element, tag, "")


def _answer(element: etree._Element, fraction: float, text: str, *, html: bool, feedback: str = "") -> None:
    answer = etree.SubElement(element, "answer", fraction=moodle_grade(fraction),
                              format="html" if html else "moodle_auto_format")
    if html:
        text_element = etree.SubElement(answer, "text")
        text_element.text = etree.CDATA(_cdata_safe(text_to_html(text)))
    else:
        etree.SubElement(answer, "text").text = text
    _html_field(answer, "feedback", text_to_html(feedback) if feedback else "")


def _multiple_choice(quiz: etree._Element, question: Question) -> None:
    element = _common(quiz, question, "multichoice")
    _plain(element, "single", "true")
    _plain(element, "shuffleanswers", "true")
    _plain(element, "answernumbering", "abc")
    _plain(element, "showstandardinstruction", "0")
    _combined_feedback(element)
    for choice in stable_choice_order(question):
        _answer(element, 100 if choice.correct else 0, choice.text, html=True, feedback=choice.feedback)
    _tags(element, question)


def _true_false(quiz: etree._Element, question: Question) -> None:
    element = _common(quiz, question, "truefalse")
    by_value = {c.text.strip().lower(): c for c in question.choices}
    for value in ("true", "false"):
        choice = by_value[value]
        # Moodle matches the literal words "true"/"false" to tell the two answers apart.
        _answer(element, 100 if choice.correct else 0, value, html=False, feedback=choice.feedback)
    _tags(element, question)


def _short_answer(quiz: etree._Element, question: Question) -> None:
    element = _common(quiz, question, "shortanswer")
    _plain(element, "usecase", "0")
    for answer in accepted_answers(question):
        _answer(element, 100, moodle_shortanswer_pattern(answer), html=False)
    _tags(element, question)


def _numeric(quiz: etree._Element, question: Question) -> None:
    assert question.numeric is not None
    element = _common(quiz, question, "numerical")
    answer = etree.SubElement(element, "answer", fraction="100", format="moodle_auto_format")
    etree.SubElement(answer, "text").text = format_number(question.numeric.value)
    _html_field(answer, "feedback", "")
    _plain(answer, "tolerance", format_number(question.numeric.tolerance))
    # The unit is part of the stem; Moodle's own unit handling stays off so "1200" is the answer.
    _plain(element, "unitgradingtype", "0")
    _plain(element, "unitpenalty", "0.1000000")
    _plain(element, "showunits", "3")
    _plain(element, "unitsleft", "0")
    _tags(element, question)


def _matching(quiz: etree._Element, question: Question) -> None:
    element = _common(quiz, question, "match")
    _plain(element, "shuffleanswers", "true")
    _combined_feedback(element)
    for pair in question.pairs:
        sub = _html_field(element, "subquestion", text_to_html(pair.left))
        answer = etree.SubElement(sub, "answer")
        etree.SubElement(answer, "text").text = pair.right
    _tags(element, question)


def _ordering(quiz: etree._Element, question: Question) -> None:
    element = _common(quiz, question, "ordering")
    # Fields as core qtype_ordering's import_from_xml reads them; the answers' file order is the
    # correct order (Moodle numbers them itself on save).
    _plain(element, "layouttype", "VERTICAL")
    _plain(element, "selecttype", "ALL")
    _plain(element, "selectcount", str(len(question.sequence)))
    _plain(element, "gradingtype", "ABSOLUTE_POSITION")
    _plain(element, "showgrading", "SHOW")
    _plain(element, "numberingstyle", "none")
    _combined_feedback(element)
    _plain(element, "shownumcorrect", "1")
    for event in question.sequence:
        _answer(element, 100, event, html=True)
    _tags(element, question)


_WRITERS = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "short_answer": _short_answer,
    "cloze": _short_answer,
    "numeric": _numeric,
    "matching": _matching,
    "ordering": _ordering,
}


def cannot_carry(question: Question) -> Optional[str]:
    """Why Moodle XML (as a standard Moodle imports it) cannot hold this question, or None."""
    unsafe = xml_unsafe_reason(question)
    if unsafe:
        return unsafe
    if question.kind == "ordering" and len(question.sequence) < 2:
        return "an ordering question needs at least 2 items"
    problem = moodle_import_problem(question)
    if problem:
        return problem
    if question.kind == "true_false" and {c.text.strip().lower() for c in question.choices} != {"true", "false"}:
        return "true/false choices are not True and False"
    if question.image and not Path(question.image).is_file():
        return f"image file not found{DETAIL}{question.image}"
    return None


def moodle_xml_bytes(questions: list[Question], bank: Bank, result: ExportResult) -> bytes:
    """The Moodle XML document for `questions`; skipped questions are recorded in `result`."""
    quiz = etree.Element("quiz")
    quiz.append(etree.Comment(f" {bank.title} \u2014 exported by quizgen from bank {bank.id} "
                              .replace("--", "\u2014")))
    kept = carried_questions(questions, cannot_carry, result)
    kept.sort(key=lambda q: moodle_category_names(bank.id, q))
    current = None
    for question in kept:
        names = moodle_category_names(bank.id, question)
        if names != current:
            _category(quiz, names)
            current = names
        _WRITERS[question.kind](quiz, question)
        result.written += 1
    return etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_moodle_xml(questions: list[Question], bank: Bank, path: Path) -> ExportResult:
    """Write `questions` as a Moodle XML file for Moodle's question bank import."""
    result = ExportResult(path=Path(path), format=FORMAT)
    write_bytes_atomic(result.path, moodle_xml_bytes(questions, bank, result))
    return result
