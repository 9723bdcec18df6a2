"""Decades and centuries ("the 1970s", "the early 3rd century BC", "the ninth century"): found in
text, stored by their first year, written in the answer's own style, ordered, and never a date that
a bare month or an article's own date is counted from."""

from __future__ import annotations

import pytest

from helpers_generate import date_fact, write_bank
from quizgen.extract import draft_candidates
from quizgen.extract.dates import find_dates
from quizgen.extract.document import parse_document
from quizgen.generate import generate_questions
from quizgen.generate.distractors import answer_key
from quizgen.generate.values import date_interval, date_perturbations, date_style, date_variants, format_date
from quizgen.model import DateValue


@pytest.mark.parametrize("text, expected", [
    ("Chaturanga was played in India by the 7th century.", [("7th century", "0600", "century", None, None)]),
    ("It was founded in the early 3rd century BC.", [("early 3rd century BC", "0300", "century", "early", "BC")]),
    ("Many cities were abandoned in the ninth century.", [("ninth century", "0800", "century", None, None)]),
    ("The mite arrived in Europe in the 1970s.", [("1970s", "1970", "decade", None, None)]),
    ("Hyperinflation struck in the late 2000s.", [("late 2000s", "2000", "decade", "late", None)]),
    ("He was a 16th-century painter.", []),  # an adjective, no time of an event
    ("The 1970s fashion came back.", []),  # a style, not after "the ... in"
])
def test_decades_and_centuries_in_text(text, expected):
    found = [(m.text, m.value.date, m.value.precision, m.value.qualifier, m.value.era) for m in find_dates(text)]
    assert found == expected or (expected == [] and not [f for f in found if f[2] in ("decade", "century")])


@pytest.mark.parametrize("value, wrong", [
    (dict(date="1975", precision="decade"), "does not start a decade"),
    (dict(date="1550", precision="century"), "does not start a century"),
    (dict(date="1970-01", precision="decade"), "first year"),
])
def test_a_decade_or_century_is_written_by_its_first_year(value, wrong):
    with pytest.raises(ValueError, match=wrong):
        DateValue(**value)


@pytest.mark.parametrize("answer, value, first_four, interval", [
    ("1970s", dict(date="1970", precision="decade"), ["1980s", "1960s", "1990s", "1950s"],
     ((1970, 1, 1), (1979, 12, 31))),
    ("16th century", dict(date="1500", precision="century"),
     ["17th century", "15th century", "18th century", "14th century"], ((1500, 1, 1), (1599, 12, 31))),
    ("ninth century", dict(date="0800", precision="century"),
     ["tenth century", "eighth century", "eleventh century", "seventh century"], ((800, 1, 1), (899, 12, 31))),
    # the 3rd century BC is 300-201 BC, and no wrong choice crosses into the other era
    ("early 3rd century BC", dict(date="0300", precision="century", era="BC", qualifier="early"),
     ["early 2nd century BC", "early 4th century BC", "early 1st century BC", "early 5th century BC"],
     ((-300, 1, 1), (-261, 12, 31))),
])
def test_span_answers_keep_their_style_and_order(answer, value, first_four, interval):
    date = DateValue(**value)
    style = date_style(answer, date)
    assert format_date(date, style) == answer
    assert [format_date(d, style) for d in date_perturbations(date)[:4]] == first_four
    assert date_interval(date) == interval
    assert answer in date_variants(date)


def test_a_century_in_words_or_figures_is_one_answer():
    assert answer_key("the ninth century") == answer_key("9th century") != answer_key("10th century")
    assert answer_key("the 1970s") == answer_key("1970s") != answer_key("1970")


def test_a_century_after_by_gets_only_earlier_wrong_choices_and_none_in_the_future(tmp_path):
    facts = [date_fact("by", "Chaturanga was played in India by the 7th century.", "7th century", "0600", "century"),
             date_fact("most", "The United States controlled the canal for most of the 20th century.", "20th century",
                       "1900", "century")]
    questions = generate_questions(write_bank(tmp_path, facts))
    by = [c.text for q in questions if q.fact_id == "by" and q.kind == "multiple_choice" for c in q.choices
          if not c.correct]
    assert by and all(int(c.split("th")[0]) < 7 for c in by)  # "by the 8th century" is true as well
    most = [c.text for q in questions if q.fact_id == "most" for c in q.choices] + \
        [q.stem for q in questions if q.fact_id == "most"]
    assert most and not [t for t in most if "21st century" in t]  # not over when the article was written


def test_a_decade_dates_no_bare_month_after_it():
    text = ("The band formed in 1962. In the 1970s it toured Japan. In March it played in Osaka, "
            "and it split up in 1980.")
    statements = [c.statement for c in draft_candidates(parse_document(text, markdown=False))]
    assert not [s for s in statements if "March 1970" in s]


def test_no_century_question_where_the_sentence_prints_a_year_of_it():
    # "The 1918 influenza pandemic was the deadliest pandemic of the ______": 1918 gives it away
    text = ("The 1918 influenza pandemic was the deadliest pandemic of the twentieth century. "
            "The city walls were built in the 12th century and torn down in 1870.")
    statements = [(c.answer, c.statement) for c in draft_candidates(parse_document(text, markdown=False))]
    assert not [s for a, s in statements if a == "twentieth century"]
    assert [s for a, s in statements if a == "12th century"]  # 1870 is no year of the 12th century
