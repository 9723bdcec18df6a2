"""Worksheets (issue 5): what a teacher checks in the printed PDF and the HTML. PDF text is read back
with pypdf, so these tests see what a reader (or a screen reader) sees, not what we meant to write."""

from __future__ import annotations

from dataclasses import replace
import io
import re
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from quizgen.cli import main
from quizgen.errors import QuizgenError
from quizgen.model import FormItem, QuizForm
from quizgen.render.fonts import coverage_warning, embedded_covers, uncovered_characters
from quizgen.render.pdf import PdfRenderer
from quizgen.render.sheet import build_document, build_sheet, load_labels
from quizgen.render.worksheets import render_worksheets
from worksheet_forms import META, TRICKY, sample_forms, sample_questions

ESCAPING_BANK = Path(__file__).parent / "data" / "banks" / "escaping"
LITERAL_CHARS = ['$5', '#', '*', '_', '<', '>', '&', '[', ']', '{', '}', '\\', '"', "'"]


def flat(text: str) -> str:
    """Whitespace-insensitive form: wrapped lines and PDF spacing do not matter, characters do.
    ("closed-source" wrapped after its hyphen reads back as "closed- source": joined again.)"""
    return re.sub(r"(?<=\w)- ", "-", re.sub(r"\s+", " ", text)).strip()


def pdf_pages(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in pypdf.PdfReader(str(path)).pages]


def collect_warnings():
    messages: list[str] = []
    return messages, messages.append


@pytest.fixture(scope="module")
def sample_out(tmp_path_factory) -> tuple[Path, list[QuizForm], list[str]]:
    out = tmp_path_factory.mktemp("worksheets")
    forms = sample_forms(2)
    messages, warn = collect_warnings()
    render_worksheets(forms, META, out, warn=warn)
    return out, forms, messages


def item_texts(item: FormItem) -> list[str]:
    q = item.question
    if q.kind == "cloze" and q.cloze:
        return [q.cloze.before.strip(), q.cloze.after.strip()]
    texts = [q.stem] + [c.text for c in item.choices if q.kind == "multiple_choice"]
    texts += item.shown_sequence if q.kind == "ordering" else []
    texts += [p.left for p in q.pairs] + item.shown_right if q.kind == "matching" else []
    return texts


def test_files_per_form_and_combined(sample_out):
    out, forms, _ = sample_out
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["worksheet-A.pdf", "key-A.pdf", "worksheet-B.pdf", "key-B.pdf",
                            "worksheets-all-forms.pdf",
                            "worksheet-A.html", "key-A.html", "worksheet-B.html", "key-B.html"])


@pytest.mark.parametrize("name", ["worksheet", "key"])
def test_every_stem_and_choice_comes_out_literally(sample_out, name):
    out, forms, _ = sample_out
    for form in forms:
        text = " ".join(pdf_pages(out / f"{name}-{form.label}.pdf"))
        for item in form.items:
            for expected in item_texts(item):
                assert flat(expected) in text, f"{form.label} #{item.number}: {expected!r} missing"


def test_tricky_characters_hebrew_and_accents_are_literal(sample_out):
    out, _, messages = sample_out
    text = " ".join(pdf_pages(out / "worksheet-A.pdf"))
    assert flat(TRICKY) in text
    for chars in LITERAL_CHARS:
        assert chars in text
    assert "<script>alert('x')</script>" in text
    assert "{{c1::cloze}} and {{Front}}" in text
    assert "שלום" in text and "crème brûlée in Zürich" in text
    assert messages == []  # Hebrew and accents are covered by the built-in fonts


def test_sheet_header_lines(sample_out):
    out, _, _ = sample_out
    first = pdf_pages(out / "worksheet-A.pdf")[0]
    for label in ("Name:", "Date:", "Class:", "Form A", "Escaping worksheet", "Read each question carefully"):
        assert label in first
    assert "Tricky <Characters> & \"Quotes\"" in first  # the article title and source line
    assert "Answer key" in pdf_pages(out / "key-A.pdf")[0]


def test_page_x_of_y_per_file_and_restarting_per_form_in_the_combined_pdf(sample_out):
    out, forms, _ = sample_out
    per_form_pages = []
    for form in forms:
        pages = pdf_pages(out / f"worksheet-{form.label}.pdf")
        assert len(pages) >= 2, "the sample needs a second page to test numbering"
        for number, text in enumerate(pages, 1):
            assert f"Page {number} of {len(pages)}" in text
            assert f"Form {form.label}" in text
        per_form_pages.append(len(pages))
    combined = pdf_pages(out / "worksheets-all-forms.pdf")
    assert len(combined) == sum(per_form_pages)
    expected = [(form.label, n, total) for form, total in zip(forms, per_form_pages) for n in range(1, total + 1)]
    for text, (label, n, total) in zip(combined, expected):
        assert f"Form {label}" in text and f"Page {n} of {total}" in text


def test_no_question_is_split_from_its_choices(tmp_path):
    # 40 questions of every kind with long stems: plenty of page breaks to fall badly
    questions = sample_questions()
    long = [replace(q, **{"stem": q.stem + " " + " ".join(["A deliberately long stem that wraps."] * (i % 5))})
            for i, q in enumerate(questions * 4)]
    items = [FormItem(number=n, question=q, order=[]) for n, q in enumerate(long, 1)]
    form = QuizForm(label="A", seed=1, bank_id="t", title="Long", items=items)
    render_worksheets([form], META, tmp_path, formats=["pdf"], warn=lambda m: None)
    for name in ("worksheet-A.pdf", "key-A.pdf"):
        pages = pdf_pages(tmp_path / name)
        assert len(pages) >= 4
        for item in items:
            parts = [flat(t) for t in item_texts(item)]
            first = re.compile(rf"(?<!\d){item.number}\. {re.escape(parts[0])}")
            on = [i for i, text in enumerate(pages) if first.search(text)]
            assert len(on) == 1, f"#{item.number} not found once in {name}"
            page = pages[on[0]]
            start = first.search(page).start()
            last = parts[-1] if item.question.kind != "true_false" else "T True F False"
            assert last in page[start:], f"#{item.number}: its last part is not on its page in {name}"


def test_key_marks_the_right_answer(sample_out):
    out, forms, _ = sample_out
    for form in forms:
        text = " ".join(pdf_pages(out / f"key-{form.label}.pdf"))
        found = re.findall(r"Answer: (.+?) (?:\(Also accepted|Why:)", text)
        assert len(found) == len(form.items)
        for item, answer in zip(form.items, found):
            expected = "1,200 crème brûlées" if item.question.kind == "numeric" else flat(item.key)
            assert answer == expected, f"#{item.number}"
        multiple_choice = [item for item in form.items if item.question.kind == "multiple_choice"]
        assert {item.key for item in multiple_choice} != {"A"} or len(multiple_choice) < 2
        student = " ".join(pdf_pages(out / f"worksheet-{form.label}.pdf"))
        assert "Answer:" not in student and "Why:" not in student


def test_key_starts_with_a_quick_key(sample_out):
    out, forms, _ = sample_out
    first = pdf_pages(out / "key-A.pdf")[0]
    keys = [item.key if item.question.kind != "numeric" else "1,200 crème brûlées" for item in forms[0].items]
    assert "Quick key: " + " ".join(f"{n}. {flat(k)}" for n, k in enumerate(keys, 1)) in first
    assert "Quick key" not in " ".join(pdf_pages(out / "worksheet-A.pdf"))


def test_key_letters_differ_between_forms_when_choices_are_shuffled(sample_out):
    _, forms, _ = sample_out
    assert [i.key for i in forms[0].items if i.question.kind == "multiple_choice"] != \
        [i.key for i in forms[1].items if i.question.kind == "multiple_choice"]


def test_key_shows_explanation_and_source(sample_out):
    out, forms, _ = sample_out
    text = " ".join(pdf_pages(out / "key-A.pdf"))
    for item in forms[0].items:
        assert flat(item.question.explanation) in text
        assert flat(item.question.source.quote) in text


def test_cloze_word_bank_and_blanks(sample_out):
    out, forms, _ = sample_out
    text = " ".join(pdf_pages(out / "worksheet-A.pdf"))
    assert "Word bank: Dr. Müller Tilde & Co" in text  # sorted, so the order gives nothing away
    # the student sheet leaves the blank empty: the answer is only in the word bank
    assert "The guide to {{Front}} was published by in 2020." in text
    assert "The guide to {{Front}} was published by Tilde & Co in 2020." in " ".join(pdf_pages(out / "key-A.pdf"))


def test_matching_and_timeline_sections(sample_out):
    out, forms, _ = sample_out
    key = " ".join(pdf_pages(out / "key-A.pdf"))
    matching = next(i for i in forms[0].items if i.question.kind == "matching")
    ordering = next(i for i in forms[0].items if i.question.kind == "ordering")
    assert "Matching" in key and "Timeline" in key
    assert f"Answer: {matching.key}" in key and f"Answer: {ordering.key}" in key


def test_html_escapes_script_and_marks_the_key(sample_out):
    out, forms, _ = sample_out
    student = (out / "worksheet-A.html").read_text(encoding="utf-8")
    assert "<script>alert" not in student and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in student
    doc = lxml_html.fromstring(student)
    assert doc.xpath("//script") == []
    assert "<script>alert('x')</script>" in doc.text_content()
    assert flat(TRICKY) in flat(doc.text_content())
    assert doc.xpath("//*[contains(@class, 'correct')]") == [], "a student sheet must not carry the key"
    key = lxml_html.fromstring((out / "key-A.html").read_text(encoding="utf-8"))
    marked = [li.xpath("string(.//span[@class='bubble'])") for li in key.xpath("//li[@class='correct']")]
    expected = [item.key if item.question.kind == "multiple_choice" else item.key[0]
                for item in forms[0].items if item.question.kind in ("multiple_choice", "true_false")]
    assert marked == expected


def test_same_inputs_same_bytes(tmp_path):
    forms = sample_forms(1)
    for run in ("one", "two"):
        render_worksheets(forms, META, tmp_path / run, warn=lambda m: None)
    for path in (tmp_path / "one").iterdir():
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


def test_letter_paper_and_large_print(tmp_path):
    forms = sample_forms(1)
    render_worksheets(forms, META, tmp_path, formats=["pdf"], paper="letter", large_print=True, warn=lambda m: None)
    reader = pypdf.PdfReader(str(tmp_path / "worksheet-A-large-print.pdf"))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    sizes: list[float] = []
    for page in reader.pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.append(size * tm[0] * cm[0])
                          if text.strip() else None)
    assert sizes and min(sizes) >= 16 - 0.01
    normal = tmp_path / "normal"
    render_worksheets(forms, META, normal, formats=["pdf"], warn=lambda m: None)
    assert len(reader.pages) > len(pypdf.PdfReader(str(normal / "worksheet-A.pdf")).pages)
    box = pypdf.PdfReader(str(normal / "worksheet-A.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


# -- fonts -----------------------------------------------------------------------------------------


def test_builtin_fonts_cover_latin_accents_and_hebrew_but_not_cjk():
    assert all(embedded_covers(c) for c in "Aé€ש\"'$")
    assert uncovered_characters(["你好 and 🍮 and Zürich"]) == ["你", "好", "🍮"]


def test_uncovered_characters_warn_clearly(tmp_path):
    system = pytest.importorskip("typst").Fonts(include_embedded_fonts=False).fonts()
    files = [(f.path, f.index) for f in system if f.path]
    if not uncovered_characters(["你"], files):
        pytest.skip("this machine has a CJK font installed, so nothing is uncovered")
    questions = sample_questions()
    cjk = replace(questions[0], **{"stem": "Which city is 北京?"})
    form = QuizForm(label="A", seed=1, bank_id="t", title="CJK", items=[FormItem(number=1, question=cjk)])
    messages, warn = collect_warnings()
    render_worksheets([form], META, tmp_path, formats=["pdf"], warn=warn)
    assert len(messages) == 1
    assert '"北" (U+5317' in messages[0] and '"京" (U+4EAC' in messages[0]
    assert "--font-path" in messages[0] and "fonts-noto-cjk" in messages[0]


def test_font_path_fonts_count_as_covering(tmp_path):
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.is_file():
        pytest.skip("needs DejaVu Sans (fonts-dejavu-core) to stand in for a user's font")
    # a character DejaVu Sans has and typst's built-in fonts lack
    char = next((chr(c) for c in range(0x2600, 0x2700) if not embedded_covers(chr(c))
                 and not uncovered_characters([chr(c)], [(str(dejavu), 0)])), None)
    assert char is not None
    assert uncovered_characters([char]) == [char]
    assert "--font-path" in coverage_warning([char])


# -- templates -------------------------------------------------------------------------------------


def test_labels_translate_through_a_user_templates_folder(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "worksheet-labels.yaml").write_text(
        "name: Nom\ndate: Date du jour\nclass: Classe\npage: Page\nof: sur\n"
        "sections:\n  true_false: {heading: Vrai ou faux}\n", encoding="utf-8")
    render_worksheets(sample_forms(1), META, tmp_path / "out", templates_dir=templates, warn=lambda m: None)
    first = pdf_pages(tmp_path / "out" / "worksheet-A.pdf")[0]
    assert "Nom:" in first and "Date du jour:" in first and "Classe:" in first and "Page 1 sur" in first
    assert "Vrai ou faux" in first
    assert "Fill in the circle" in first  # labels not given keep their built-in text
    assert "Fill in T if the statement" in first  # also inside a section that changed its heading
    assert "Nom:" in (tmp_path / "out" / "worksheet-A.html").read_text(encoding="utf-8")


def test_user_html_template_extends_the_builtin_one(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "worksheet.html.j2").write_text(
        '{% extends "default:worksheet.html.j2" %}{% block style %}{{ super() }} body { color: navy; }{% endblock %}'
        '{% block header %}<p class="school">Springfield Elementary</p>{{ super() }}{% endblock %}',
        encoding="utf-8")
    render_worksheets(sample_forms(1), META, tmp_path / "out", formats=["html"], templates_dir=templates)
    page = (tmp_path / "out" / "worksheet-A.html").read_text(encoding="utf-8")
    assert "Springfield Elementary" in page and "color: navy" in page and "&lt;script&gt;" in page


def test_user_typst_part_overrides_the_builtin_one(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    parts = (Path(__file__).parent.parent / "templates" / "worksheet-parts.typ").read_text(encoding="utf-8")
    (templates / "worksheet-parts.typ").write_text(
        parts.replace('block(text(style: "italic", labels.instructions))',
                      'block(text(style: "italic", "Springfield Elementary. " + labels.instructions))'),
        encoding="utf-8")
    render_worksheets(sample_forms(1), META, tmp_path / "out", formats=["pdf"], templates_dir=templates,
                      warn=lambda m: None)
    assert "Springfield Elementary. Read each question" in pdf_pages(tmp_path / "out" / "worksheet-A.pdf")[0]


def test_broken_user_templates_give_clear_errors(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "worksheet.typ").write_text('#let x = (\n', encoding="utf-8")
    with pytest.raises(QuizgenError, match="worksheet template failed"):
        render_worksheets(sample_forms(1), META, tmp_path / "out", formats=["pdf"], templates_dir=templates)
    (templates / "worksheet.html.j2").write_text("{% if %}", encoding="utf-8")
    with pytest.raises(QuizgenError, match="worksheet.html.j2:1"):
        render_worksheets(sample_forms(1), META, tmp_path / "out", formats=["html"], templates_dir=templates)


# -- real questions and the command ----------------------------------------------------------------


def test_bundled_bank_worksheets_through_the_command(tmp_path):
    from quizgen.assemble import assemble_forms
    from quizgen.generate import generate_questions
    from quizgen.loading import load_bank

    result = CliRunner().invoke(main, ["worksheet", "-o", str(tmp_path), "--forms", "2", "--count", "12",
                                       "--seed", "3", "--paper", "letter"])
    assert result.exit_code == 0, result.output
    assert "9 files written" in result.output
    bank = load_bank(None)
    forms = assemble_forms(generate_questions(bank), count=12, forms=2, seed=3, bank_id=bank.id,
                           title=bank.title, source_line=bank.article.meta.source_line)
    for form in forms:
        student = " ".join(pdf_pages(tmp_path / f"worksheet-{form.label}.pdf"))
        key = " ".join(pdf_pages(tmp_path / f"key-{form.label}.pdf"))
        for item in form.items:
            text, expected_texts = student, item_texts(item)
            if item.question.kind == "matching":
                # text extraction reads a two-column row line by line, so a right-hand item can land
                # inside a wrapped left-hand sentence: check the right column, then take it out
                for letter, right in zip("ABCDEFGH", item.shown_right):
                    assert f"{letter}. {flat(right)} " in text
                    text = text.replace(f"{letter}. {flat(right)} ", "")
                expected_texts = [item.question.stem] + [pair.left for pair in item.question.pairs]
            for expected in expected_texts:
                assert flat(expected) in text, expected
        answers = re.findall(r"Answer: (.+?) (?:\(Also accepted|Why:)", key)
        assert len(answers) == len(form.items)
        for item, answer in zip(form.items, answers):
            if item.question.kind != "numeric":
                assert answer == flat(item.key)


def test_escaping_bank_through_the_command(tmp_path):
    result = CliRunner().invoke(main, ["worksheet", str(ESCAPING_BANK), "-o", str(tmp_path), "--forms", "1",
                                       "--count", "6", "--format", "pdf,html"])
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_pages(tmp_path / "key-A.pdf"))
    assert "$5 # 10 * 2 _ [draft] {v1} \\path ~ = :" in text
    assert "שלום" in text or "Zürich" in text or "Müller" in text
    page = (tmp_path / "worksheet-A.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page


@pytest.mark.parametrize("args, message", [
    (["--format", "docx"], "Error: unknown worksheet format docx"),
    (["--templates", "/nonexistent/templates"], "Error: --templates /nonexistent/templates: no such folder"),
    (["--font-path", "/nonexistent/fonts"], "Error: --font-path /nonexistent/fonts: no such folder"),
    (["--count", "500"], "Error: only"),
])
def test_command_errors_are_clear(tmp_path, args, message):
    result = CliRunner().invoke(main, ["worksheet", "-o", str(tmp_path), *args])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_build_writes_worksheets(tmp_path):
    result = CliRunner().invoke(main, ["build", str(ESCAPING_BANK), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "escaping" / "worksheets"
    assert (folder / "worksheets-all-forms.pdf").is_file() and (folder / "key-B.html").is_file()


# -- any text at all comes out literally ------------------------------------------------------------


# Printable ASCII (every markup character of Typst and HTML) plus accented letters; words separated
# by single spaces, because PDF text extraction does not keep runs of spaces.
WORD = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E) | st.sampled_from("éüßçñ"),
               min_size=1, max_size=12)
TEXT = st.lists(WORD, min_size=1, max_size=8).map(" ".join)


@pytest.fixture(scope="module")
def pdf_renderer():
    with PdfRenderer(warn=lambda m: None) as renderer:
        yield renderer


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stem=TEXT, choice=TEXT)
def test_any_text_prints_literally(pdf_renderer, stem, choice):
    question = sample_questions()[0]
    choices = [replace(c, **{"text": choice if c.correct else c.text}) for c in question.choices]
    question = replace(question, **{"stem": stem, "choices": choices})
    form = QuizForm(label="A", seed=1, bank_id="t", title="T", items=[FormItem(number=1, question=question)])
    labels = load_labels()
    document = build_document([build_sheet(form, META, labels, key=True)], labels, paper="a4", large_print=False)
    pdf = pypdf.PdfReader(io.BytesIO(pdf_renderer.render(document)))
    # Compared without whitespace: a line may break after "/" or "-" where the text had no space,
    # and extraction reads that break as one. Every other character must come back as it went in.
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in pdf.pages))
    assert "1." + re.sub(r"\s+", "", stem) in text
    assert re.sub(r"\s+", "", choice) in text


def test_title_is_escaped_in_html_page_margins_and_pdf(tmp_path):
    title = 'Quiz "1" </style><script>alert(1)</script> \\ $x$ #set'
    render_worksheets(sample_forms(1), META, tmp_path, title=title, warn=lambda m: None)
    page = (tmp_path / "worksheet-A.html").read_text(encoding="utf-8")
    doc = lxml_html.fromstring(page)
    assert doc.xpath("//script") == [] and len(doc.xpath("//style")) == 1
    assert "@top-left" in doc.xpath("string(//style)")  # the style element was not cut short
    assert doc.xpath("string(//h1)") == title
    assert title in pdf_pages(tmp_path / "worksheet-A.pdf")[0]


def test_pdf_carries_a_date_only_from_source_date_epoch(tmp_path, monkeypatch):
    render_worksheets(sample_forms(1), META, tmp_path / "plain", formats=["pdf"], warn=lambda m: None)
    assert b"/CreationDate" not in (tmp_path / "plain" / "worksheet-A.pdf").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    render_worksheets(sample_forms(1), META, tmp_path / "dated", formats=["pdf"], warn=lambda m: None)
    assert b"/CreationDate(D:20231114" in (tmp_path / "dated" / "worksheet-A.pdf").read_bytes()


def test_combined_pdf_is_made_of_the_written_pages(tmp_path):
    forms = sample_forms(2)
    render_worksheets(forms, META, tmp_path, formats=["pdf"], paper="letter", warn=lambda m: None)
    parts = [(tmp_path / f"worksheet-{form.label}.pdf").read_bytes() for form in forms]
    with PdfRenderer(warn=lambda m: None) as renderer:
        combined = renderer.combine(parts, paper="us-letter", title="T")
    assert combined is not None  # the fast path works on what typst writes (no fallback layout)
    reader = pypdf.PdfReader(io.BytesIO(combined))
    singles = [page for part in parts for page in pypdf.PdfReader(io.BytesIO(part)).pages]
    assert len(reader.pages) == len(singles)
    for page, single in zip(reader.pages, singles):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
        assert flat(page.extract_text()) == flat(single.extract_text())


def test_one_document_of_several_sheets_numbers_each_sheet_from_one(pdf_renderer):
    # the layout path the combined PDF falls back on (and a user template may rely on)
    labels = load_labels()
    forms = sample_forms(2)
    sheets = [build_sheet(form, META, labels, key=key) for form in forms for key in (False, True)]
    document = build_document(sheets, labels, paper="a4", large_print=False)
    pages = [flat(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf_renderer.render(document))).pages]
    numbering = [re.search(r"Page (\d+) of (\d+)$", page).groups() for page in pages]
    starts = [i for i, (here, _) in enumerate(numbering) if here == "1"]
    assert len(starts) == 4
    for start, end in zip(starts, starts[1:] + [len(pages)]):
        assert [n for n, _ in numbering[start:end]] == [str(i) for i in range(1, end - start + 1)]
        assert {total for _, total in numbering[start:end]} == {str(end - start)}


def test_parallel_rendering_gives_the_same_bytes_as_one_by_one(monkeypatch):
    """Many sheets are spread over worker processes; a teacher must get the very same PDFs."""
    import quizgen.render.pdf as pdf_module

    forms = sample_forms()
    labels = load_labels()
    sheets = [build_sheet(form, META, labels, key=key) for form in forms for key in (False, True)]
    documents = [build_document([sheet], labels, paper="a4", large_print=False) for sheet in sheets] * 4
    monkeypatch.setattr(pdf_module.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pdf_module, "PARALLEL_MIN_DOCUMENTS", 2)
    with PdfRenderer() as renderer:
        parallel = renderer.render_many(documents)
        one_by_one = [renderer.render(document) for document in documents]
    assert len(parallel) == len(documents)
    assert parallel == one_by_one
