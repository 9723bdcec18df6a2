"""Canvas QTI 1.2: a zip with `imsmanifest.xml` (IMS Content Packaging 1.1) at its root and one
assessment XML (IMS QTI ASI 1.2.1), as Canvas's "QTI .zip file" import reads it.

Items carry Canvas's metadata (`question_type`, `points_possible`, `original_answer_ids`,
`assessment_question_identifierref`); the item structures follow Canvas's own exports (as text2qti
writes them). Every identifier derives from the question id (plus a hash of an answer's text), never
from a position, so a re-export of the same bank gives the same identifiers. The assessment XML has no
namespace: QTI 1.2.1 is defined by its DTD, which declares none, and the files validate against it.
Canvas fails silently on bad packages, which is why the tests validate against the DTD and the XSD.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from lxml import etree

from quizgen.export.base import (
    ExportResult,
    accepted_answers,
    format_number,
    general_feedback_html,
    text_key,
    stable_choice_order,
    stable_shuffle,
    text_to_html,
    xml_unsafe_reason,
    xml_identifier,
)
from quizgen.loading import Bank
from quizgen.model import Question
from quizgen.output import write_bytes_atomic, zip_bytes

FORMAT = "qti"
IMSCP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"

CANVAS_TYPES = {
    "multiple_choice": "multiple_choice_question",
    "true_false": "true_false_question",
    "short_answer": "short_answer_question",
    "cloze": "short_answer_question",
    "numeric": "numerical_question",
    "matching": "matching_question",
}
POINTS = "1.0"


def _sub(parent: etree._Element, tag: str, text: Optional[str] = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, **attrs)
    if text is not None:
        element.text = text
    return element


def _material(parent: etree._Element, text: str, texttype: str) -> etree._Element:
    material = _sub(parent, "material")
    _sub(material, "mattext", text, texttype=texttype)
    return material


def _metadata(item: etree._Element, question: Question, answer_ids: list[str]) -> None:
    qtimetadata = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    fields = [
        ("question_type", CANVAS_TYPES[question.kind]),
        ("points_possible", POINTS),
        ("original_answer_ids", ",".join(answer_ids)),
        ("assessment_question_identifierref", item.get("ident") + "_ref"),
    ]
    for label, entry in fields:
        field = _sub(qtimetadata, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _presentation(item: etree._Element, question: Question) -> etree._Element:
    presentation = _sub(item, "presentation")
    _material(presentation, text_to_html(question.stem), "text/html")
    return presentation


def _resprocessing(item: etree._Element) -> etree._Element:
    resprocessing = _sub(item, "resprocessing")
    outcomes = _sub(resprocessing, "outcomes")
    _sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    # Canvas shows the "general_fb" item feedback whatever the answer (its "neutral comments").
    general = _sub(resprocessing, "respcondition", **{"continue": "Yes"})
    _sub(_sub(general, "conditionvar"), "other")
    _sub(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    return resprocessing


def _feedback(item: etree._Element, ident: str, html_text: str) -> None:
    feedback = _sub(item, "itemfeedback", ident=ident)
    _material(_sub(feedback, "flow_mat"), html_text, "text/html")


def _choice_item(item: etree._Element, question: Question) -> None:
    ident = item.get("ident")
    choices = stable_choice_order(question)
    answer_ids = [f"{ident}_a{text_key(choice.text)}" for choice in choices]
    _metadata(item, question, answer_ids)
    presentation = _presentation(item, question)
    response = _sub(presentation, "response_lid", ident="response1", rcardinality="Single")
    render = _sub(response, "render_choice")
    for answer_id, choice in zip(answer_ids, choices):
        label = _sub(render, "response_label", ident=answer_id)
        _material(label, choice.text, "text/plain")
    resprocessing = _resprocessing(item)
    for answer_id, choice in zip(answer_ids, choices):
        if choice.feedback:
            condition = _sub(resprocessing, "respcondition", **{"continue": "Yes"})
            _sub(_sub(condition, "conditionvar"), "varequal", answer_id, respident="response1")
            _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{answer_id}_fb")
    correct_id = next(a for a, c in zip(answer_ids, choices) if c.correct)
    condition = _sub(resprocessing, "respcondition", **{"continue": "No"})
    _sub(_sub(condition, "conditionvar"), "varequal", correct_id, respident="response1")
    _sub(condition, "setvar", "100", action="Set", varname="SCORE")
    _feedback(item, "general_fb", general_feedback_html(question))
    for answer_id, choice in zip(answer_ids, choices):
        if choice.feedback:
            _feedback(item, f"{answer_id}_fb", text_to_html(choice.feedback))


def _fill_in_item(item: etree._Element, question: Question) -> None:
    ident = item.get("ident")
    answers = accepted_answers(question)
    answer_ids = [f"{ident}_a{text_key(answer)}" for answer in answers]
    _metadata(item, question, answer_ids)
    presentation = _presentation(item, question)
    response = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
    render = _sub(response, "render_fib")
    _sub(render, "response_label", ident="answer1", rshuffle="No")
    resprocessing = _resprocessing(item)
    condition = _sub(resprocessing, "respcondition", **{"continue": "No"})
    conditionvar = _sub(condition, "conditionvar")
    for answer in answers:
        _sub(conditionvar, "varequal", answer, respident="response1")
    _sub(condition, "setvar", "100", action="Set", varname="SCORE")
    _feedback(item, "general_fb", general_feedback_html(question))


def _numeric_item(item: etree._Element, question: Question) -> None:
    assert question.numeric is not None
    ident = item.get("ident")
    _metadata(item, question, [f"{ident}_a{text_key(format_number(question.numeric.value))}"])
    presentation = _presentation(item, question)
    response = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
    render = _sub(response, "render_fib", fibtype="Decimal")
    _sub(render, "response_label", ident="answer1")
    resprocessing = _resprocessing(item)
    condition = _sub(resprocessing, "respcondition", **{"continue": "No"})
    either = _sub(_sub(condition, "conditionvar"), "or")
    value, tolerance = question.numeric.value, abs(question.numeric.tolerance)
    # Canvas's "exact answer with margin": the value itself, or anything within the margin.
    _sub(either, "varequal", format_number(value), respident="response1")
    both = _sub(either, "and")
    _sub(both, "vargte", format_number(value - tolerance), respident="response1")
    _sub(both, "varlte", format_number(value + tolerance), respident="response1")
    _sub(condition, "setvar", "100", action="Set", varname="SCORE")
    _feedback(item, "general_fb", general_feedback_html(question))


def _matching_item(item: etree._Element, question: Question) -> None:
    ident = item.get("ident")
    left_ids = [f"{ident}_l{text_key(pair.left)}" for pair in question.pairs]
    rights: list[str] = []
    for pair in question.pairs:
        if pair.right not in rights:
            rights.append(pair.right)
    # Canvas lists the options in file order for every prompt; mix them so the first prompt's
    # answer is not always the first option.
    rights = stable_shuffle(question.id, rights)
    right_ids = {right: f"{ident}_r{text_key(right)}" for right in rights}
    _metadata(item, question, left_ids)
    presentation = _presentation(item, question)
    for left_id, pair in zip(left_ids, question.pairs):
        response = _sub(presentation, "response_lid", ident=f"response_{left_id}")
        _material(response, pair.left, "text/plain")
        render = _sub(response, "render_choice")
        for right in rights:
            _material(_sub(render, "response_label", ident=right_ids[right]), right, "text/plain")
    resprocessing = _resprocessing(item)
    share = format_number(round(100 / len(question.pairs), 2))
    for left_id, pair in zip(left_ids, question.pairs):
        condition = _sub(resprocessing, "respcondition")
        _sub(_sub(condition, "conditionvar"), "varequal", right_ids[pair.right], respident=f"response_{left_id}")
        _sub(condition, "setvar", share, varname="SCORE", action="Add")
    _feedback(item, "general_fb", general_feedback_html(question))


_WRITERS = {
    "multiple_choice": _choice_item,
    "true_false": _choice_item,
    "short_answer": _fill_in_item,
    "cloze": _fill_in_item,
    "numeric": _numeric_item,
    "matching": _matching_item,
}


def cannot_carry(question: Question) -> Optional[str]:
    """Why a Canvas QTI package cannot hold this question, or None."""
    unsafe = xml_unsafe_reason(question)
    if unsafe:
        return unsafe
    if question.kind == "ordering":
        return "Canvas (Classic Quizzes) QTI has no ordering question type"
    if question.kind in ("multiple_choice", "true_false") and sum(c.correct for c in question.choices) != 1:
        return "needs exactly one correct choice"
    if question.kind in ("multiple_choice", "true_false") and \
            len({text_key(c.text) for c in question.choices}) != len(question.choices):
        return "two choices have the same text"
    if question.kind == "numeric" and question.numeric is None:
        return "numeric question without a numeric answer"
    if question.kind == "matching" and (not question.pairs or
                                        len({text_key(p.left) for p in question.pairs}) != len(question.pairs)):
        return "matching question without pairs, or with two identical prompts"
    if question.image:
        return "the Canvas export does not carry images yet (Moodle XML does)"
    return None


def assessment_identifier(bank: Bank) -> str:
    return xml_identifier("quiz", bank.id)


def assessment_xml(questions: list[Question], bank: Bank, result: ExportResult) -> bytes:
    """The QTI 1.2 assessment document; skipped questions are recorded in `result`."""
    root = etree.Element("questestinterop")
    assessment = _sub(root, "assessment", ident=assessment_identifier(bank), title=bank.title)
    field = _sub(_sub(assessment, "qtimetadata"), "qtimetadatafield")
    _sub(field, "fieldlabel", "cc_maxattempts")
    _sub(field, "fieldentry", "1")
    section = _sub(assessment, "section", ident="root_section")
    for question in questions:
        reason = cannot_carry(question)
        if reason:
            result.skip(question, reason)
            continue
        item = _sub(section, "item", ident=xml_identifier("q", question.id), title=question.id)
        _WRITERS[question.kind](item, question)
        result.written += 1
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def manifest_xml(bank: Bank, assessment_href: str) -> bytes:
    """imsmanifest.xml (IMS CP 1.1) naming the one assessment file as an imsqti_xmlv1p2 resource."""
    nsmap = {None: IMSCP_NS}

    def cp(tag: str) -> str:
        return f"{{{IMSCP_NS}}}{tag}"

    manifest = etree.Element(cp("manifest"), identifier=xml_identifier("manifest", bank.id), nsmap=nsmap)
    metadata = etree.SubElement(manifest, cp("metadata"))
    etree.SubElement(metadata, cp("schema")).text = "IMS Content"
    etree.SubElement(metadata, cp("schemaversion")).text = "1.1.3"
    etree.SubElement(manifest, cp("organizations"))
    resources = etree.SubElement(manifest, cp("resources"))
    resource = etree.SubElement(resources, cp("resource"), identifier=xml_identifier("res", bank.id),
                                type="imsqti_xmlv1p2", href=assessment_href)
    etree.SubElement(resource, cp("file"), href=assessment_href)
    return etree.tostring(manifest, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def qti_package_bytes(questions: list[Question], bank: Bank, result: ExportResult) -> bytes:
    """The zip: imsmanifest.xml + <assessment-id>/<assessment-id>.xml, byte-for-byte reproducible."""
    folder = assessment_identifier(bank)
    href = f"{folder}/{folder}.xml"
    assessment = assessment_xml(questions, bank, result)
    return zip_bytes([("imsmanifest.xml", manifest_xml(bank, href)), (href, assessment)])


def export_qti(questions: list[Question], bank: Bank, path: Path) -> ExportResult:
    """Write `questions` as a Canvas QTI 1.2 package (.zip) for Canvas's "QTI .zip file" import."""
    result = ExportResult(path=Path(path), format=FORMAT)
    write_bytes_atomic(result.path, qti_package_bytes(questions, bank, result))
    return result
