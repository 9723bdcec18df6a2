"""The screen in a plain pipe: one answer per line, plain text, feedback, summary, retry, quitting."""

from __future__ import annotations

from dataclasses import replace
import io
import random

import pytest
from study_questions import FakeClock, every_kind, question

from quizgen.model import Choice
from quizgen.study.screen import StudyScreen, Terminal
from quizgen.study.session import StudySession, shuffled_item
from quizgen.study.store import ProgressStore


def _items(questions, seed=3):
    return [shuffled_item(q, n, random.Random(f"{seed}:{q.id}")) for n, q in enumerate(questions, 1)]


def _letter_of_correct(item):
    return "abcdefgh"[next(i for i, c in enumerate(item.choices) if c.correct)]


def _right_line(item):
    q = item.question
    if q.kind in ("multiple_choice", "true_false"):
        return _letter_of_correct(item)
    if q.kind in ("ordering", "matching"):
        return item.key
    return q.answer


def _play(tmp_path, questions, lines, stdout=None, mode="quiz"):
    store = ProgressStore.open(tmp_path / "progress.sqlite3")
    items = _items(questions)
    session = StudySession(store, bank_id="bank", mode=mode, items=items, seed=3, clock=FakeClock())
    out = stdout or io.StringIO()
    code = StudyScreen(Terminal(io.StringIO("".join(f"{line}\n" for line in lines)), out), session, title="T").run()
    answers = store.answers()
    store.close()
    return code, out.getvalue(), items, answers


def test_a_whole_round_in_a_pipe_prints_plain_text_with_every_text_literal(tmp_path):
    questions = every_kind()
    items = _items(questions)
    code, output, _, answers = _play(tmp_path, questions, [_right_line(i) for i in items])
    assert code == 0
    assert "\x1b[" not in output  # no colour or cursor codes in a pipe
    assert output.count("\u2713 Right") == len(questions)
    assert "Score 7/7 (100%)" in output
    # Learner text printed literally, never eaten as rich markup or emoji codes.
    for text in ['<script>alert("x")</script>', "[draft] {v1} $5", "שלום 🍮", "{{c1::x}}",
                 'The tag <script>alert("x")</script> read $5 # 10 * 2 _ [draft] {v1} \\path ~ = :.',
                 "Symbols [draft] & {{Front}}"]:
        assert text in output, text
    assert [a.outcome for a in answers] == ["right"] * len(questions)
    assert "Retry" not in output  # nothing missed, nothing offered


def test_feedback_shows_key_explanation_and_source(tmp_path):
    cloze = next(q for q in every_kind() if q.kind == "cloze")
    _, output, _, answers = _play(tmp_path, [cloze], ["Open Closed Project"])
    assert "\u2717 Wrong \u2014 the answer is Open Compute Project (you typed Open Closed Project)" in output
    assert "Because compute.cloze." in output
    assert 'Source: \u201cThe tag <script>alert("x")</script>' in output
    assert "\u2014 Symbols [draft] & {{Front}} \u2014 Tilde & Co, 2024-04" in output
    assert answers[0].response == "Open Closed Project"


def test_each_answer_is_committed_before_its_feedback_is_printed(tmp_path):
    db_path = tmp_path / "progress.sqlite3"
    seen_at_feedback = []

    class Watching(io.StringIO):
        def write(self, text):
            for mark in ("\u2713 Right", "\u2717 Wrong", "\u2192 Skipped"):
                if mark in text:
                    with ProgressStore.open(db_path) as other:
                        seen_at_feedback.append(len(other.answers()))
            return super().write(text)

    questions = every_kind()[:4]
    items = _items(questions)
    lines = [_right_line(items[0]), "s", "nonsense", _right_line(items[3])]
    _play(tmp_path, questions, lines + ["n"], stdout=Watching())
    assert seen_at_feedback == [1, 2, 3, 4]


def test_summary_lists_missed_items_and_retry_replays_only_them(tmp_path):
    questions = [question(f"f{i}.mc", "multiple_choice", stem=f"Question {i}?",
                          choices=[Choice(text=f"right {i}", correct=True), Choice(text=f"wrong {i}", correct=False)])
                 for i in range(3)]
    items = _items(questions)
    wrong = lambda item: "ab"[1 - "ab".index(_letter_of_correct(item))]  # noqa: E731
    lines = [_right_line(items[0]), wrong(items[1]), "s", "y"]
    # The retry round reshuffles: answer it by reading the printed choices.
    store = ProgressStore.open(tmp_path / "progress.sqlite3")
    session = StudySession(store, bank_id="bank", mode="quiz", items=items, seed=3, clock=FakeClock())

    class Replier(io.StringIO):
        """Stdin that answers the retry round right by looking at what the screen printed."""

        def __init__(self, out):
            super().__init__()
            self.out = out
            self.queue = list(lines)

        def readline(self):
            if self.queue:
                return self.queue.pop(0) + "\n"
            shown = self.out.getvalue().rsplit("-- retry", 1)[-1]
            for letter in "AB":
                if f"  {letter}  right" in shown.rsplit("Question", 1)[-1]:
                    return letter.lower() + "\n"
            return "n\n"

    out = io.StringIO()
    code = StudyScreen(Terminal(Replier(out), out), session, title="T").run()
    output = out.getvalue()
    store.close()
    assert code == 0
    first_summary = output.split("-- Done --")[1].split("Retry the")[0]
    assert "Score 1/3 (33%)" in first_summary and "(1 skipped)" in first_summary
    assert "Question 1?\n    answer: A) right 1" in first_summary or "Question 1?\n    answer: B) right 1" in first_summary
    assert "Question 2?" in first_summary and "(skipped)" in first_summary
    assert "Question 0?" not in first_summary
    assert "Retry the 2 missed questions? [y/N]" in output
    assert "-- retry 1 \u00b7 Question 1 of 2" in output and "-- retry 1 \u00b7 Question 2 of 2" in output
    assert "Score 2/2 (100%)" in output.split("-- Retry done --")[1]
    assert "5 answers saved; session score 3/5 (60%)." in output


def test_invalid_keys_are_explained_and_asked_again(tmp_path):
    mc = every_kind()[0]
    item = _items([mc])[0]
    _, output, _, answers = _play(tmp_path, [mc], ["x", "9", _right_line(item)])
    assert output.count("Press 1-4 or a-d, s to skip or q to quit.") == 2
    assert [a.outcome for a in answers] == ["right"]


@pytest.mark.parametrize("ending", [["q"], []])  # q, or the input simply ends
def test_quitting_keeps_the_answers_given_and_says_so(tmp_path, ending):
    questions = every_kind()[:3]
    items = _items(questions)
    code, output, _, answers = _play(tmp_path, questions, [_right_line(items[0])] + ending)
    assert code == 0
    assert len(answers) == 1
    assert "1 answer saved; session score 1/1 (100%)." in output


def test_true_false_takes_t_and_f(tmp_path):
    tf = every_kind()[1]
    _, _, _, answers = _play(tmp_path, [tf, replace(tf, **{"id": "release.tf-2", "fact_id": "other"})], ["t", "f"])
    assert [(a.response, a.outcome) for a in answers] == [("True", "right"), ("False", "wrong")]


def test_the_article_is_cited_once_not_under_every_question(tmp_path):
    questions = every_kind()[:3]
    items = _items(questions)
    _, output, _, _ = _play(tmp_path, questions, [_right_line(i) for i in items])
    assert output.count("Source: \u201c") == 3
    assert output.count("\u2014 Symbols [draft] & {{Front}} \u2014 Tilde & Co, 2024-04") == 1
