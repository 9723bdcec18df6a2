"""The question commands as a user runs them: questions --json, quiz (byte-identical per seed), build."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import main

ESCAPING = str(Path(__file__).parent / "data" / "banks" / "escaping")


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_questions_json_has_every_documented_field():
    result = run("questions", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["format"] == "quizgen-questions" and payload["version"] == 1
    questions = payload["questions"]
    assert questions
    for q in questions:
        for field in ("id", "fact_id", "kind", "stem", "choices", "answer", "accepted", "explanation", "source",
                      "tags", "lint"):
            assert field in q, field
        assert set(q["source"]) >= {"quote", "article_title"}
        for choice in q["choices"]:
            assert set(choice) >= {"text", "correct", "feedback"}
    assert sum(payload["counts"].values()) == len(questions)


def test_questions_listing_marks_the_key():
    result = run("questions")
    assert result.exit_code == 0, result.output
    assert "llama-3-release-date.mc  [multiple_choice]" in result.output
    assert "   * " in result.output


def read_all(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_quiz_same_seed_gives_byte_identical_files(tmp_path):
    args = ["quiz", "--count", "5", "--forms", "3", "--seed", "42"]
    assert run(*args, "-o", str(tmp_path / "one")).exit_code == 0
    assert run(*args, "-o", str(tmp_path / "two")).exit_code == 0
    one, two = read_all(tmp_path / "one"), read_all(tmp_path / "two")
    assert sorted(one) == ["forms.json", "key-A.md", "key-B.md", "key-C.md", "quiz-A.md", "quiz-B.md", "quiz-C.md"]
    assert one == two
    assert run("quiz", "--count", "5", "--forms", "3", "--seed", "43", "-o", str(tmp_path / "three")).exit_code == 0
    assert read_all(tmp_path / "three") != one


def test_quiz_files_key_matches_the_json(tmp_path):
    assert run("quiz", "-n", "5", "-k", "2", "-o", str(tmp_path)).exit_code == 0
    forms = json.loads((tmp_path / "forms.json").read_text("utf-8"))["forms"]
    for form in forms:
        key_md = (tmp_path / f"key-{form['label']}.md").read_text("utf-8")
        for entry in form["key"]:
            assert f"| {entry['number']} |" in key_md
        for item in form["items"]:
            if item["kind"] == "multiple_choice":
                assert item["choices"]["ABCD".index(item["key"])] == item["answer"]


def test_quiz_asking_for_too_many_says_how_many_there_are(tmp_path):
    result = run("quiz", "--count", "999", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.startswith("Error: only ")
    assert "but 999 were requested" in result.output


def test_quiz_rejects_unknown_kind(tmp_path):
    result = run("quiz", "--kinds", "mc,essay", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert 'Error: unknown question kind "essay"' in result.output


def test_escaping_bank_stays_literal_in_json_and_markdown(tmp_path):
    result = run("quiz", ESCAPING, "--count", "6", "--forms", "1", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    forms = json.loads((tmp_path / "forms.json").read_text("utf-8"))
    texts = json.dumps(forms, ensure_ascii=False)
    payload = json.loads(run("questions", ESCAPING, "--json").output)
    stems = {q["id"]: q["stem"] for q in payload["questions"]}
    assert stems["script-tag-text.tf-true"] == 'The tag <script>alert("x")</script> was printed on the poster.'
    assert stems["hebrew-word.cloze"] == "The Hebrew word ______ means peace."
    markdown = (tmp_path / "quiz-A.md").read_text("utf-8") + (tmp_path / "key-A.md").read_text("utf-8")
    assert "<script>" not in markdown  # raw HTML would run in a Markdown viewer
    assert "<" not in markdown.replace("\\<", "")
    # Undoing the backslash escapes gives back the literal text of every item on the form.
    import re

    unescaped = re.sub(r"\\(.)", r"\1", markdown)
    for item in forms["forms"][0]["items"]:
        assert item["stem"] in unescaped, item["stem"]
    assert texts


def test_build_writes_questions_and_default_forms(tmp_path):
    result = run("build", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    target = tmp_path / "llama-3-2024"
    payload = json.loads((target / "questions.json").read_text("utf-8"))
    assert payload["questions"]
    assert (target / "forms" / "quiz-A.md").is_file() and (target / "forms" / "key-B.md").is_file()
    forms = json.loads((target / "forms" / "forms.json").read_text("utf-8"))["forms"]
    assert [f["label"] for f in forms] == ["A", "B"]


def test_a_short_article_gets_forms_of_all_it_allows_without_a_count(tmp_path):
    # `quizgen worksheet mybank` on a short article had failed: "only 16 questions available ... but 20"
    from helpers_generate import date_fact, write_bank

    facts = [date_fact(f"f{i}", f"Team {name} shipped the {name} kit in {1990 + 3 * i}.", str(1990 + 3 * i),
                       str(1990 + 3 * i), "year") for i, name in enumerate(["Alder", "Birch", "Cedar", "Larch", "Maple"])]
    bank = write_bank(tmp_path / "bank", facts)
    result = CliRunner().invoke(main, ["quiz", str(bank.path), "-o", str(tmp_path / "quiz")])
    assert result.exit_code == 0, result.output
    forms = json.loads((tmp_path / "quiz" / "forms.json").read_text("utf-8"))["forms"]
    count = len(forms[0]["items"])
    assert 5 <= count < 20  # one question per fact, and the timeline or matching of all five
    assert f"Note: {count} questions per form: all the bank allows" in result.output
    # an asked-for count the bank cannot fill is still an error that says how many there are
    result = CliRunner().invoke(main, ["quiz", str(bank.path), "-n", "20", "-o", str(tmp_path / "quiz2")])
    assert result.exit_code == 1 and f"only {count} questions available" in result.output
    result = CliRunner().invoke(main, ["worksheet", str(bank.path), "--format", "html", "-o", str(tmp_path / "ws")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ws" / "worksheet-A.html").exists()
    assert f"Warning: {count} questions per form" in result.output
