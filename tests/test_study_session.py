"""Session logic without a terminal: grading, FSRS scheduling on stored cards, queues, retries."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from study_questions import FakeClock, every_kind, question, with_lint_error

from quizgen.errors import QuizgenError
from quizgen.model import LETTERS, Choice, FormItem
from quizgen.study.scheduler import AGAIN, EASY, GOOD, HARD, card_interval, derive_rating
from quizgen.study.session import Answer, StudySession, normalize_kinds, review_items, shuffled_item
from quizgen.study.store import ProgressStore


@pytest.fixture
def store(tmp_path):
    with ProgressStore.open(tmp_path / "progress.sqlite3") as opened:
        yield opened


def _items(questions, seed=7):
    return [shuffled_item(q, n, random.Random(f"{seed}:{q.id}")) for n, q in enumerate(questions, 1)]


def _session(store, questions, clock=None, mode="review"):
    return StudySession(store, bank_id="bank", mode=mode, items=_items(questions), seed=7, clock=clock or FakeClock())


def _right_answer(item: FormItem) -> Answer:
    q = item.question
    if q.kind in ("multiple_choice", "true_false"):
        return Answer(choice=next(i for i, c in enumerate(item.choices) if c.correct))
    if q.kind in ("ordering", "matching"):
        return Answer(text=item.key)
    return Answer(text=q.answer)


def _wrong_answer(item: FormItem) -> Answer:
    q = item.question
    if q.kind in ("multiple_choice", "true_false"):
        return Answer(choice=next(i for i, c in enumerate(item.choices) if not c.correct))
    return Answer(text="certainly not this")


def _answer(session, item, answer, seconds=5.0):
    session.show(item)
    session.clock.advance(seconds)
    return session.submit(item, answer)


def test_every_kind_is_graded_right_and_wrong(store):
    session = _session(store, every_kind())
    for item in session.items:
        assert _answer(session, item, _right_answer(item)).result == "right", item.question.id
        assert _answer(session, item, _wrong_answer(item)).result == "wrong", item.question.id


def test_choice_is_graded_in_the_order_shown_not_the_canonical_order(store):
    mc = every_kind()[0]
    item = FormItem(number=1, question=mc, order=[2, 0, 3, 1])  # the correct choice (index 0) is shown as B
    session = StudySession(store, bank_id="bank", mode="quiz", items=[item], seed=1, clock=FakeClock())
    assert _answer(session, item, Answer(choice=0)).result == "wrong"
    outcome = _answer(session, item, Answer(choice=1))
    assert outcome.result == "right" and outcome.key == 'B) <script>alert("x")</script>'
    assert outcome.response == 'B) <script>alert("x")</script>'


@pytest.mark.parametrize("typed", ["1,200,000", "1.2 million", "1200000", "1.2M", " 1.2 MILLION "])
def test_numbers_typed_in_any_format_are_right(store, typed):
    numeric = next(q for q in every_kind() if q.kind == "numeric")
    session = _session(store, [numeric])
    assert _answer(session, session.items[0], Answer(text=typed)).result == "right"


@pytest.mark.parametrize("typed", ["the open compute project", "Open-Compute Project.", "OPEN COMPUTE PROJECT"])
def test_typed_text_is_matched_leniently(store, typed):
    cloze = next(q for q in every_kind() if q.kind == "cloze")
    session = _session(store, [cloze])
    assert _answer(session, session.items[0], Answer(text=typed)).result == "right"


def test_ordering_and_matching_accept_letters_with_any_separators(store):
    questions = [q for q in every_kind() if q.kind in ("ordering", "matching")]
    session = _session(store, questions)
    for item in session.items:
        letters = item.key.replace("1-", "").replace("2-", "").replace("3-", "").replace(",", "")
        assert _answer(session, item, Answer(text=" ".join(letters.split()).lower())).result == "right"


def test_ordering_is_never_shown_in_its_answer_order():
    ordering = next(q for q in every_kind() if q.kind == "ordering")
    for seed in range(30):
        item = shuffled_item(ordering, 1, random.Random(seed))
        assert item.shown_sequence != ordering.sequence


def test_every_answer_is_stored_with_its_outcome_before_submit_returns(store, tmp_path):
    session = _session(store, every_kind())
    given = []
    for n, item in enumerate(session.items):
        answer = Answer.skip() if n == 2 else (_right_answer(item) if n % 2 else _wrong_answer(item))
        outcome = _answer(session, item, answer)
        given.append((item.question.id, outcome.result))
        # A second connection sees it at once: it is committed, not just buffered in ours.
        with ProgressStore.open(tmp_path / "progress.sqlite3") as other:
            assert [(a.question_id, a.outcome) for a in other.answers()] == given
    assert [r for _, r in given].count("skipped") == 1


def test_skip_leaves_the_card_unscheduled(store):
    session = _session(store, every_kind()[:1])
    outcome = _answer(session, session.items[0], Answer.skip())
    assert outcome.result == "skipped" and outcome.rating is None
    assert store.card("bank", "script-tag.mc") is None


def test_ratings_follow_correctness_and_time():
    # 20 words to read: about 8 s expected.
    assert derive_rating(correct=False, recall=True, duration_ms=1000, words_to_read=20) == AGAIN
    assert derive_rating(correct=True, recall=False, duration_ms=2000, words_to_read=20) == GOOD  # never easy on a guessable
    assert derive_rating(correct=True, recall=False, duration_ms=30000, words_to_read=20) == HARD
    assert derive_rating(correct=True, recall=True, duration_ms=4000, words_to_read=20, answer_chars=10) == EASY
    assert derive_rating(correct=True, recall=True, duration_ms=12000, words_to_read=20, answer_chars=10) == GOOD
    assert derive_rating(correct=True, recall=True, duration_ms=40000, words_to_read=20, answer_chars=10) == HARD


def _stored_interval(store, qid) -> dt.timedelta:
    return card_interval(store.card("bank", qid).card_json)


def test_intervals_grow_after_right_reviews_and_shrink_after_a_lapse(store):
    mc = every_kind()[0]
    clock = FakeClock()
    session = _session(store, [mc], clock)
    item = session.items[0]
    intervals = []
    for _ in range(4):  # right each time it comes due
        _answer(session, item, _right_answer(item), seconds=6)
        intervals.append(_stored_interval(store, mc.id))
        clock.advance(days=intervals[-1].total_seconds() / 86400)
    assert all(later > earlier for earlier, later in zip(intervals, intervals[1:])), intervals
    assert intervals[0] >= dt.timedelta(days=1)  # a right first answer graduates at once
    card = store.card("bank", mc.id)
    assert card.state == 2 and card.lapses == 0 and card.reviews == 4
    stability_before = card.stability

    _answer(session, item, _wrong_answer(item), seconds=6)  # forgotten
    lapsed = store.card("bank", mc.id)
    assert lapsed.state == 3 and lapsed.lapses == 1  # relearning
    assert _stored_interval(store, mc.id) <= dt.timedelta(minutes=10)
    assert lapsed.stability < stability_before
    clock.advance(600)
    _answer(session, item, _right_answer(item), seconds=6)  # relearned
    relearned = _stored_interval(store, mc.id)
    assert dt.timedelta(days=1) <= relearned < intervals[-1]


def test_review_log_is_stored_with_each_scheduled_answer(store, tmp_path):
    session = _session(store, every_kind()[:1])
    _answer(session, session.items[0], _right_answer(session.items[0]), seconds=4)
    import sqlite3

    row = sqlite3.connect(tmp_path / "progress.sqlite3").execute("SELECT rating, review_log, duration_ms FROM answers").fetchone()
    assert row[0] == GOOD and json.loads(row[1])["rating"] == GOOD and row[2] == 4000


def _cards_after(store, questions, clock, answers):
    session = _session(store, questions, clock)
    for item in session.items:
        if item.question.id in answers:
            _answer(session, item, _right_answer(item) if answers[item.question.id] else _wrong_answer(item))
    return {qid: c for (_, qid), c in store.cards("bank").items()}


def test_review_takes_due_cards_first_then_new_ones_one_question_per_fact(store):
    clock = FakeClock()
    facts = [f"fact{i}" for i in range(6)]
    questions = []
    for fact in facts:
        questions.append(question(f"{fact}.mc", "multiple_choice", choices=[Choice(text="yes", correct=True),
                                                                            Choice(text="no", correct=False)]))
        questions.append(question(f"{fact}.short", "short_answer", answer="yes"))
    cards = _cards_after(store, questions, clock, {"fact0.mc": False, "fact1.mc": True, "fact2.short": False})
    clock.advance(days=0.01)
    items = review_items(questions, cards, now=clock.now(), new_limit=2, due_limit=None, seed=1)
    ids = [i.question.id for i in items]
    # fact0.mc and fact2.short were missed (due in 10 minutes: today); fact1.mc is days away.
    assert ids[:2] == ["fact0.mc", "fact2.short"]
    # New: facts never seen come first (3, 4), recognition before recall; no second question of a fact.
    assert ids[2:] == ["fact3.mc", "fact4.mc"]
    assert len({i.question.fact_id for i in items}) == len(items)


def test_review_respects_limits_filters_and_lint(store):
    questions = every_kind()
    questions[0] = with_lint_error(questions[0])
    items = review_items(questions, {}, now=FakeClock().now(), new_limit=10, due_limit=None, seed=1)
    assert "script-tag.mc" not in [i.question.id for i in items]
    only_cloze = review_items(questions, {}, now=FakeClock().now(), new_limit=10, due_limit=None, seed=1,
                              kinds=normalize_kinds(["cloze,tf"]))
    assert sorted(i.question.kind for i in only_cloze) == ["cloze", "true_false"]
    tagged = review_items(questions, {}, now=FakeClock().now(), new_limit=10, due_limit=None, seed=1, tags=["numbers"])
    assert sorted(i.question.id for i in tagged) == ["downloads.numeric", "match.abc"]
    assert len(review_items(questions, {}, now=FakeClock().now(), new_limit=2, due_limit=None, seed=1)) == 2


def test_unknown_kind_names_the_choices():
    with pytest.raises(QuizgenError, match='unknown question kind "essay"'):
        normalize_kinds(["mc,essay"])


def test_retry_round_holds_only_the_missed_items_reshuffled(store):
    questions = [question(f"f{i}.mc", "multiple_choice", choices=[Choice(text=t, correct=t == "a") for t in "abcd"])
                 for i in range(4)]
    session = _session(store, questions)
    for n, item in enumerate(session.items):
        _answer(session, item, _wrong_answer(item) if n in (1, 3) else _right_answer(item))
    summary = session.summary()
    assert (summary.right, summary.wrong) == (2, 2) and summary.score_text == "2/4 (50%)"
    first_orders = {i.question.id: i.order for i in session.items}
    retry = session.retry_missed()
    assert [i.question.id for i in retry] == ["f1.mc", "f3.mc"]
    assert [i.order for i in retry] != [first_orders["f1.mc"], first_orders["f3.mc"]]
    for item in retry:
        _answer(session, item, _right_answer(item))
    assert session.summary(session.round_outcomes()).score_text == "2/2 (100%)"
    assert session.summary().score_text == "4/6 (67%)"
