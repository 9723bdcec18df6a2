"""Automatic question stems (facts without a hand-written prompt): the wh-question is only made from a
simple clause whose answer is a whole constituent; otherwise the always-grammatical blanked sentence is
used. The `garbled-stem` lint rule catches what slips through. Checked on an unseen article (Apollo 11),
on the test articles, and on one fact per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers_generate import date_fact, entity_fact, quantity_fact, write_bank
from quizgen.extract import extract_article
from quizgen.generate import generate_questions
from quizgen.generate.lint import lint_questions
from quizgen.generate.text import BLANK, garbled_stem_reasons
from quizgen.loading import load_bank
from quizgen.model import Choice, Question, SourceRef

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
ESCAPING = Path(__file__).resolve().parent / "data" / "banks" / "escaping"


def by_id(questions):
    return {q.id: q for q in questions}


@pytest.fixture(scope="module")
def apollo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafts") / "apollo"
    extract_article(ARTICLES / "apollo-11.txt", folder)
    bank = load_bank(folder)
    return bank, generate_questions(bank)


def question_for(questions, bank, answer, kind="multiple_choice"):
    fact_ids = {f.id for f in bank.facts if f.answer.strip() == answer}
    found = [q for q in questions if q.fact_id in fact_ids and q.kind == kind]
    assert found, f"no {kind} question for {answer!r}"
    return found[0]


def test_apollo_number_in_a_second_clause_is_asked_as_a_blank(apollo):
    bank, questions = apollo
    stem = question_for(questions, bank, "47.5").stem
    assert "collected of" not in stem and not stem.startswith("How many pounds did")
    assert f"collected {BLANK} pounds of lunar material" in stem
    assert not [q for q in questions if q.kind == "numeric" and "pounds" in q.stem]


def test_apollo_coordinated_durations_are_not_wh_questions(apollo):
    bank, questions = apollo
    for q in questions:
        if q.kind in ("multiple_choice", "numeric", "short_answer"):
            assert "surface and 39 minutes" not in q.stem, q.stem
            assert "hours and later" not in q.stem, q.stem
            assert not q.stem.startswith(("How many hours did Armstrong", "How many minutes did Armstrong")), q.stem


def test_apollo_keeps_the_good_wh_questions(apollo):
    bank, questions = apollo
    stems = {q.stem for q in questions}
    assert "On what date was Apollo 11 launched by a Saturn V rocket from Kennedy Space Center on Merritt Island, Florida?" in stems


def all_stem_questions(questions):
    return [q for q in questions if q.kind in ("multiple_choice", "short_answer", "numeric")]


@pytest.mark.parametrize("name", ["apollo-11.txt", "berlin-wall.txt", "penicillin.md", "nintendo.txt",
                                  "marie-curie.md", "james-webb.txt", "paris-agreement.md"])
def test_extracted_drafts_have_no_garbled_stems(tmp_path, name):
    extract_article(ARTICLES / name, tmp_path / "draft")
    bank = load_bank(tmp_path / "draft")
    questions = generate_questions(bank)
    facts = {f.id: f for f in bank.facts}
    for q in all_stem_questions(questions):
        assert not [f for f in q.lint if f.code == "garbled-stem"], (q.id, q.stem)
        if facts[q.fact_id].prompt and facts[q.fact_id].prompt.strip() == q.stem:
            continue  # a prompt the extractor wrote is not an automatic stem
        assert not garbled_stem_reasons(q.stem), (q.id, q.stem)
        if BLANK not in q.stem:
            assert q.stem.endswith("?") and q.stem[0].isupper(), q.stem
            # no clause opener inverted into the subject, no capitalised common word after "did"
            assert " did after " not in q.stem and " did by " not in q.stem.casefold(), q.stem
        fact = facts[q.fact_id]
        assert q.stem.count(BLANK) <= 1 and fact.answer.strip() not in q.stem


def test_escaping_bank_stems_are_clean():
    bank = load_bank(ESCAPING)
    questions = generate_questions(bank)
    assert not [(q.id, f.message) for q in questions for f in q.lint if f.code == "garbled-stem"]


# ---- one fact per generator rule ------------------------------------------------------------------


@pytest.mark.parametrize("statement,answer,number,unit", [
    # a second clause holds the number
    ("Armstrong and Aldrin spent two hours outside, and they collected 47.5 pounds of lunar material.",
     "47.5", 47.5, "pounds"),
    # the number is not the verb's object ("six hours later")
    ("Armstrong became the first person on the surface 6 hours later.", "6", 6, "hours"),
    # a partitive "of" follows the unit
    ("The crew brought 47.5 pounds of lunar material back.", "47.5", 47.5, "pounds"),
    # coordination after the unit
    ("Hiroshi Yamauchi led Nintendo for more than 5 decades and tried many new businesses.", "5", 5, "decades"),
    # a prepositional phrase opens the sentence, an auxiliary sits in the "subject"
    ("By March 2024 the Switch had sold more than 140 million units.", "140 million", 140, "units"),
])
def test_unsafe_quantity_clauses_fall_back_to_the_blank(tmp_path, statement, answer, number, unit):
    scale = "million" if "million" in answer else None
    bank = write_bank(tmp_path, [quantity_fact("q", statement, answer, number, scale, unit)])
    questions = by_id(generate_questions(bank))
    assert "q.cloze" in questions
    assert "q.numeric" not in questions  # a numeric question needs a real question
    if "q.mc" in questions:  # (a number written as a word gets no invented distractors)
        assert BLANK in questions["q.mc"].stem, questions["q.mc"].stem


def test_safe_quantity_clause_keeps_its_question(tmp_path):
    bank = write_bank(tmp_path, [quantity_fact("q", "The Wii sold more than 100 million units.", "100 million",
                                               100, "million", "units")])
    assert by_id(generate_questions(bank))["q.mc"].stem == "How many units did the Wii sell?"


@pytest.mark.parametrize("statement,answer,date,precision", [
    ("After the Wii U sold poorly, Nintendo released the Switch on March 3, 2017.", "March 3, 2017",
     "2017-03-03", "day"),
    ("Work on the telescope began in 1996.", "1996", "1996", "year"),
    ("Official demolition began in June 1990.", "June 1990", "1990-06", "month"),
    ("Fleming called the substance penicillin and published his findings in 1929.", "1929", "1929", "year"),
    ("A team at Oxford led by Howard Florey took up the problem in 1939.", "1939", "1939", "year"),
])
def test_unsafe_date_clauses_fall_back_to_the_blank(tmp_path, statement, answer, date, precision):
    bank = write_bank(tmp_path, [date_fact("d", statement, answer, date, precision)])
    mc = by_id(generate_questions(bank))["d.mc"]
    assert BLANK in mc.stem, mc.stem


def test_a_date_of_an_elaboration_after_a_colon_gets_no_question_about_the_whole(tmp_path):
    # the 2012 is the singles gold's, not the four medals'
    bank = write_bank(tmp_path, [date_fact(
        "d", "Ann Lowe won four gold medals: one in singles, at the Games in 2012, and three in doubles.", "2012",
        "2012", "year")])
    questions = by_id(generate_questions(bank))
    assert BLANK in questions["d.mc"].stem, questions["d.mc"].stem
    assert "d.short" not in questions


def test_names_keep_their_date_questions(tmp_path):
    bank = write_bank(tmp_path, [
        date_fact("a", "Fusajiro Yamauchi founded Nintendo on September 23, 1889.", "September 23, 1889", "1889-09-23", "day"),
        date_fact("b", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day"),
    ])
    questions = by_id(generate_questions(bank))
    assert questions["a.mc"].stem == "On what date did Fusajiro Yamauchi found Nintendo?"
    assert questions["b.mc"].stem == "On what date did Meta release Llama 3?"


def test_subject_question_drops_a_second_clause(tmp_path):
    bank = write_bank(tmp_path, [entity_fact(
        "g", "Mikhail Gorbachev had begun reforms known as glasnost, and he signalled that force would not be used.",
        "Mikhail Gorbachev", "person")])
    assert by_id(generate_questions(bank))["g.short"].stem == "Who had begun reforms known as glasnost?"



def test_subject_question_drops_a_second_clause_with_its_own_named_subject(tmp_path):
    bank = write_bank(tmp_path, [entity_fact(
        "f", "Ann Smith founded a choir called the Larks in 1956, and Tom Brown joined it in 1957.", "Ann Smith",
        "person")])
    assert by_id(generate_questions(bank))["f.short"].stem == "Who founded a choir called the Larks in 1956?"


def test_subject_question_drops_an_elaboration_after_a_colon(tmp_path):
    bank = write_bank(tmp_path, [entity_fact(
        "f", "Portugal was hit hardest: about 9,000 people died there, most of them in Lisbon.", "Portugal", "place")])
    assert by_id(generate_questions(bank))["f.short"].stem == "Which country was hit hardest?"
    # ... but not a quotation after the colon: that is what the question asks about
    bank = write_bank(tmp_path / "quote", [entity_fact(
        "g", "The Daily Planet wrote: \"The bridge will change the city for ever.\"", "The Daily Planet", "publication")])
    assert by_id(generate_questions(bank))["g.short"].stem == \
        "Which publication wrote: \"The bridge will change the city for ever\"?"


def test_quantity_question_asks_of_the_conjunct_holding_the_number(tmp_path):
    bank = write_bank(tmp_path, [quantity_fact(
        "q", "The treaty was written in French and later divided into 40 articles.", "40", 40, None, "articles")])
    assert by_id(generate_questions(bank))["q.mc"].stem == "How many articles was the treaty later divided into?"


@pytest.mark.parametrize("statement, answer, entity_class, stem", [
    # the sentence says what the answer is: that, not the class noun, names it
    ("Apollo 11 was the American spaceflight that first landed humans on the Moon.", "Apollo 11", "product",
     "What was the American spaceflight that first landed humans on the Moon?"),
    ("Gatun Lake was an artificial lake created by damming the river.", "Gatun Lake", "place",
     "Which lake was an artificial lake created by damming the river?"),  # its name says its sort already
    # no noun after "was the": the class noun stays
    ("IEEE Spectrum was the first to report the release of the model.", "IEEE Spectrum", "publication",
     "Which publication was the first to report the release of the model?"),
    ("Ada Lovelace was the first programmer of the engine.", "Ada Lovelace", "person",
     "Who was the first programmer of the engine?"),
])
def test_subject_question_names_the_answer_as_the_sentence_does(tmp_path, statement, answer, entity_class, stem):
    bank = write_bank(tmp_path, [entity_fact("f", statement, answer, entity_class)])
    assert by_id(generate_questions(bank))["f.short"].stem == stem


# ---- the lint rule ----------------------------------------------------------------------------------


@pytest.fixture()
def apollo_bank(tmp_path):
    return write_bank(tmp_path, [
        quantity_fact("pounds", "Armstrong and Aldrin spent about two and a quarter hours together outside the "
                      "spacecraft, and they collected 47.5 pounds of lunar material to bring back to Earth.",
                      "47.5", 47.5, unit="pounds"),
        quantity_fact("hours", "Armstrong became the first person to step onto the lunar surface six hours and "
                      "39 minutes later, on July 21.", "six", 6, unit="hours"),
    ])


def lint_codes(bank, fact_id, stem):
    q = Question(id=f"{fact_id}.numeric", fact_id=fact_id, fact_ids=[fact_id], kind="numeric", stem=stem,
                 answer="x", explanation="e", source=SourceRef(quote="q", article_title="t"))
    lint_questions([q], bank)
    return {f.code for f in q.lint if f.severity == "error"}


@pytest.mark.parametrize("fact_id,stem", [
    ("pounds", "How many pounds did Armstrong and Aldrin spend about two and a quarter hours together outside the "
               "spacecraft, and they collected of lunar material to bring back to Earth?"),
    ("hours", "How many hours did Armstrong become the first person to step onto the lunar surface and 39 minutes "
              "later, on July 21?"),
    ("hours", "How many hours did Armstrong become the first person,, to step onto the lunar surface?"),
    ("hours", "How many hours did Armstrong spend  on the surface?"),
    ("hours", "How many hours did Armstrong spend on the surface, six hours in all?"),
    ("hours", "How many hours did after the landing Armstrong wait?"),
    ("hours", "How many hours did Armstrong wait on the surface and?"),
])
def test_lint_garbled_stem(apollo_bank, fact_id, stem):
    assert "garbled-stem" in lint_codes(apollo_bank, fact_id, stem)


def test_lint_garbled_stem_passes_good_and_hand_written_stems(apollo_bank):
    assert "garbled-stem" not in lint_codes(apollo_bank, "pounds", "How many pounds of lunar material did they collect?")
    assert "garbled-stem" not in lint_codes(apollo_bank, "hours", "How many hours after landing did Armstrong step out?")


def test_a_swapped_in_name_with_a_period_ends_the_sentence_once():
    from quizgen.generate.text import substitute

    based = "Nintendo is a video game company based in Kyoto."
    start = based.index("Kyoto")
    assert substitute(based, (start, start + len("Kyoto")), "U.S.") == "Nintendo is a video game company based in U.S."
    sold = "The cards sold well in Osaka and the U.S."
    start = sold.index("U.S.")
    assert substitute(sold, (start, start + len("U.S.")), "Netherlands") == "The cards sold well in Osaka and the Netherlands."
    assert substitute(sold, (start, start + len("U.S.")), "U.K.") == "The cards sold well in Osaka and the U.K."


@pytest.mark.parametrize("statement", [
    "James Cameron had studied the wreck since the 1980s, and in 1995 he filmed it from a submersible.",
    "James Cameron had studied the wreck since the 1980s, and later that year he filmed it from a submersible.",
])
def test_a_second_clause_with_its_own_time_is_dropped_from_the_question(tmp_path, statement):
    # "Who had been interested in the shipwreck since the 1980s, and in 1995 he filmed ...?" asked two things
    bank = write_bank(tmp_path, [entity_fact("who", statement, "James Cameron", "person"),
                                 entity_fact("b", "The ship was drawn by Kit Lamb.", "Kit Lamb", "person")])
    stems = [q.stem for q in generate_questions(bank) if q.fact_id == "who" and q.stem.endswith("?")]
    assert stems and all(" he " not in stem for stem in stems), stems
    assert "Who had studied the wreck since the 1980s?" in stems
    assert garbled_stem_reasons("Who had studied the wreck since the 1980s, and in 1995 he filmed it?")


def test_a_second_clause_with_a_noun_subject_is_dropped_from_the_question(tmp_path):
    bank = write_bank(tmp_path, [
        entity_fact("who", "Harold Godwinson was killed late in the day, and the English army broke up.",
                    "Harold Godwinson", "person"),
        entity_fact("b", "The ship was drawn by Kit Lamb.", "Kit Lamb", "person")])
    stems = [q.stem for q in generate_questions(bank) if q.fact_id == "who" and q.stem.endswith("?")]
    assert stems == ["Who was killed late in the day?"] * len(stems) and stems


def test_a_date_question_drops_a_second_predicate(tmp_path):
    # "In which year was the symphony completed and is one of the best-known works ...?"
    bank = write_bank(tmp_path, [date_fact(
        "done", "The Ninth Symphony was completed in 1824 and is one of the best-known works of music.", "1824", "1824",
        "year")])
    stems = {q.stem for q in generate_questions(bank) if q.kind in ("short_answer", "multiple_choice")}
    assert stems == {"In which year was the Ninth Symphony completed?"}, stems


def test_a_date_question_holds_no_other_year_of_any_century(tmp_path):
    # "In which year was a British attempt in 1881 stopped ...?" asks with one year and for another
    bank = write_bank(tmp_path, [date_fact("stop", "A British attempt in 1881 was stopped in 1882 because of fears.",
                                           "1882", "1882", "year")])
    stems = {q.stem for q in generate_questions(bank) if q.kind == "multiple_choice"}
    assert stems == {"A British attempt in 1881 was stopped in ______ because of fears."}, stems


def test_a_date_of_a_second_clause_makes_no_timeline_event(tmp_path):
    from quizgen.generate.text import event_phrase

    statement = "Antonio Meucci built a speaking device decades earlier, and in 2002 the House honoured his work."
    fact = bank_fact(tmp_path, statement)
    assert event_phrase(fact, (0, 0)) is None


def bank_fact(tmp_path, statement):
    return write_bank(tmp_path, [date_fact("d", statement, "2002", "2002", "year")]).facts[0]


@pytest.mark.parametrize("statement, answer, date, phrase", [
    # an event phrase holds no second date, of any century ("from June 20, 1837, until her death" -> 1901)
    ("Victoria was queen from June 20, 1837, until her death in 1901.", "1901", "1901", None),
    # but a count or a name with four digits is no date
    ("Team 1024 shipped project 1024 in 2003.", "2003", "2003", "Team 1024 shipped project 1024"),
])
def test_an_event_phrase_holds_no_other_date(tmp_path, statement, answer, date, phrase):
    from quizgen.generate.text import event_phrase

    fact = write_bank(tmp_path, [date_fact("d", statement, answer, date, "year")]).facts[0]
    assert event_phrase(fact, (0, 0)) == phrase


def test_a_building_is_asked_as_one(tmp_path):
    bank = write_bank(tmp_path, [entity_fact("b", "St Mark's Basilica stands on St Mark's Square in Venice.",
                                             "St Mark's Basilica", "concept")])
    stems = {q.stem for q in generate_questions(bank) if q.kind == "short_answer"}
    assert stems == {"Which basilica stands on St Mark's Square in Venice?"}, stems


def test_a_date_of_an_apposition_makes_no_timeline_event(tmp_path):
    from quizgen.generate.text import event_phrase

    statement = "The canal is crossed by four bridges, the oldest of which is the Rialto Bridge, completed in 1591."
    fact = write_bank(tmp_path, [date_fact("d", statement, "1591", "1591", "year")]).facts[0]
    assert event_phrase(fact, (0, 0)) is None


def test_a_pronoun_after_a_decade_is_flagged():
    from quizgen.generate.lint import check_stem

    question = Question(id="q.cloze", fact_id="q", fact_ids=["q"], kind="cloze", stem="By the 2010s it had sold ______ copies.",
                        answer="20 million", explanation="x", source=SourceRef(quote="x", article_title="t"))
    assert "unresolved-pronoun" in [code for code, _, _ in check_stem(question)]


def test_a_name_that_modifies_the_subject_gets_no_which_question(tmp_path):
    # "Which product vaccines protect against the disease?" asked nothing
    bank = write_bank(tmp_path, [
        entity_fact("v", "COVID-19 vaccines protect against the disease caused by the virus.", "COVID-19", "product"),
        entity_fact("g", "Germany was reunified on October 3, 1990, after the border opened.", "Germany", "place")])
    stems = {q.fact_id: q.stem for q in generate_questions(bank) if q.kind == "short_answer"}
    assert "v" not in stems
    assert stems["g"] == "Which country was reunified on October 3, 1990, after the border opened?"


@pytest.mark.parametrize("statement, answer, phrase", [
    # the year is another person's
    ("Ada Yonath was the first woman in 45 years to win the prize, after Dorothy Hodgkin in 1964.", "1964", None),
    # but "named after" keeps its event
    ("The society named the mountain after George Everest in 1865.", "1865", "The society named the mountain after George Everest"),
])
def test_a_year_of_another_person_makes_no_event(tmp_path, statement, answer, phrase):
    from quizgen.generate.text import event_phrase

    fact = write_bank(tmp_path, [date_fact("d", statement, answer, answer, "year")]).facts[0]
    assert event_phrase(fact, (0, 0)) == phrase


@pytest.mark.parametrize("statement, answer, phrase", [
    # the year is the relative clause's: the story is not told in 1912, the voyage is
    ("The film tells the story of two passengers who fall in love aboard the ship on its maiden voyage in 1912.",
     "1912", None),
    ("The society honoured Otto Lilienthal, who died in a glider crash in 1896.", "1896", None),
    # a closed which-clause leaves the date to the main verb
    ("The Berlin Wall, which had divided the city for decades, fell in 1989.", "1989",
     "The Berlin Wall, which had divided the city for decades, fell"),
])
def test_a_date_of_a_relative_clause_makes_no_event(tmp_path, statement, answer, phrase):
    from quizgen.generate.text import event_phrase

    fact = write_bank(tmp_path, [date_fact("d", statement, answer, answer, "year")]).facts[0]
    assert event_phrase(fact, (0, 0)) == phrase


@pytest.mark.parametrize("statement, answer, phrase", [
    # a second predicate or clause after the date is not of that date
    ("Things Fall Apart was published in 1958 and has sold more than 20 million copies.", "1958",
     "Things Fall Apart was published"),
    ("A car crash in 1990 left Obi Nwosu paralysed, and he later taught at Bard College.", "1990",
     "A car crash left Obi Nwosu paralysed"),
    # the date ends an opening phrase: the event is the main clause after it
    ("On its 50th anniversary in 1987, about 300,000 people crowded onto the deck.", "1987",
     "On its 50th anniversary, about 300,000 people crowded onto the deck"),
    # the date of a participle after a noun is the participle's ("a goal proposed in 1961 by ...")
    ("The mission fulfilled a national goal proposed in 1961 by President John F. Kennedy.", "1961", None),
    ("The mission fulfilled a goal set by President John F. Kennedy in 1961.", "1961", None),
    # but a passive main verb keeps its event
    ("The novel was published by Heinemann in 1958.", "1958", "The novel was published by Heinemann"),
    # the date of a participle and its place, after a noun, is the participle's too
    ("The tablet is a slab of basalt carved with a law issued in Babylon, Iraq, in 1754.", "1754", None),
    # (not a finite verb and its place, nor a passive one)
    ("British paratroopers landed at Port Said, Egypt, in 1956.", "1956", "British paratroopers landed at Port Said, Egypt"),
    ("The rocket was launched from Cape Canaveral, Florida, in 1969.", "1969",
     "The rocket was launched from Cape Canaveral, Florida"),
    # any opening phrase before the date: the event is the main clause
    ("Under the Treaty of Paris in 1801, the island passed to the British.", "1801",
     "Under the Treaty of Paris, the island passed to the British"),
])
def test_event_phrases_keep_only_what_the_date_dates(tmp_path, statement, answer, phrase):
    from quizgen.generate.text import event_phrase

    fact = write_bank(tmp_path, [date_fact("d", statement, answer, answer, "year")]).facts[0]
    assert event_phrase(fact, (0, 0)) == phrase



@pytest.mark.parametrize("statement, answer, date, precision, era, bad", [
    # "Port Said" is a place: "said" is no verb to invert ("did ... landed at Port say?")
    ("British and French paratroopers landed at Port Said on November 5, 1956.", "November 5, 1956",
     "1956-11-05", "day", None, "Port say"),
    # the verb found second ("and spent") is not the clause's: "did Confucius returned to Lu and spend"
    ("Confucius returned to Lu in 484 BC and spent his last years teaching.", "484 BC", "0484", "year", "BC",
     "did Confucius returned"),
])
def test_no_stem_inverts_a_name_or_a_second_verb(tmp_path, statement, answer, date, precision, era, bad):
    fact = date_fact("f1", statement, answer, date, precision)
    others = [date_fact("f2", "Israel invaded the Sinai Peninsula on October 29, 1956.", "October 29, 1956",
                        "1956-10-29", "day"),
              date_fact("f3", "A ceasefire took effect on November 7, 1956.", "November 7, 1956", "1956-11-07", "day")]
    if era:
        fact["value"]["era"] = era
        others = []
    # (an article that writes "British" inside a sentence too, so that the subject reads as a name)
    bank = write_bank(tmp_path, [fact, *others], ["The canal was run by a company in which the British "
                                                  "government held the largest share."])
    stems = [q.stem for q in generate_questions(bank)]
    assert stems and not [s for s in stems if bad in s]


def test_one_of_two_subjects_gets_no_who_question(tmp_path):
    # "Mozart and Schikaneder were both Masons" had asked "Who and Schikaneder were both Masons?"
    facts = [entity_fact("m", "Wolfgang Amadeus Mozart and Emanuel Schikaneder were both Masons.",
                         "Wolfgang Amadeus Mozart", "person"),
             entity_fact("t", "Antonio Salieri taught Franz Schubert.", "Antonio Salieri", "person"),
             entity_fact("u", "Joseph Haydn wrote The Creation.", "Joseph Haydn", "person"),
             entity_fact("v", "Ludwig van Beethoven wrote Fidelio.", "Ludwig van Beethoven", "person")]
    questions = generate_questions(write_bank(tmp_path, facts))
    stems = [q.stem for q in questions if q.fact_id == "m"]
    assert stems and not [s for s in stems if s.startswith("Who and")]


@pytest.mark.parametrize("statement, answer, date, precision, bad", [
    # "the same year" means the answer's year: the question cannot keep it
    ("The plague reached Paris in June 1348 and London in the autumn of the same year.", "June 1348", "1348-06",
     "month", "same year?"),
    # "trade declined after the Ottoman Empire" is a clause, not the subject of "took"
    ("Trade declined after the Ottoman Empire took Constantinople in 1453 and sailors found sea routes to Asia.",
     "1453", "1453", "year", "did trade declined"),
])
def test_no_date_question_from_a_clause_it_cannot_hold(tmp_path, statement, answer, date, precision, bad):
    others = [date_fact("o1", "The city walls were finished in 1350.", "1350", "1350", "year"),
              date_fact("o2", "The bridge opened in May 1349.", "May 1349", "1349-05", "month")]
    bank = write_bank(tmp_path, [date_fact("f", statement, answer, date, precision), *others],
                      ["The Ottoman Empire grew, and the trade of Paris and London passed through Constantinople."])
    stems = [q.stem for q in generate_questions(bank) if q.fact_id == "f"]
    assert stems and not [s for s in stems if bad in s]


@pytest.mark.parametrize("text, expected", [
    ("The treaty was signed in Washington, D.C.,", "The treaty was signed in Washington, D.C."),
    ("It was made by Acme Inc.", "It was made by Acme Inc."),
    ("It was signed.", "It was signed"),
])
def test_a_stem_keeps_the_stop_of_an_abbreviation(text, expected):
    from quizgen.generate.text import ends_sentence

    assert ends_sentence(text) == expected


def test_a_second_clause_with_is_is_cut_from_a_who_question(tmp_path):
    # "Who had died of ovarian cancer in 1958, at the age of 37, and the prize is not given after death?"
    facts = [entity_fact("f", "Rosalind Franklin had died of ovarian cancer in 1958, at the age of 37, and the prize "
                         "is not given after death.", "Rosalind Franklin", "person"),
             entity_fact("w", "Maurice Wilkins showed the photograph to James Watson.", "Maurice Wilkins", "person"),
             entity_fact("g", "Raymond Gosling made the X-ray images.", "Raymond Gosling", "person"),
             entity_fact("c", "Francis Crick built the model.", "Francis Crick", "person")]
    stems = [q.stem for q in generate_questions(write_bank(tmp_path, facts)) if q.fact_id == "f"]
    assert "Who had died of ovarian cancer in 1958, at the age of 37?" in stems


@pytest.mark.parametrize("statement, answer, phrase", [
    # the date is the end of a period named in a that-clause, not the day of the event
    ("Strong demand lifted Vexor's revenue for the fiscal year that ended in January 2019 to 9 billion dollars.",
     "January 2019", None),
    # but a copular "was an accident that occurred in ..." is what the subject is: its event
    ("The Kellin disaster was a mining accident that occurred in March 1911.", "March 1911",
     "The Kellin disaster was a mining accident that occurred"),
    # the date of a second clause with a subject of its own: that clause is the event
    ("Quinine is now rarely used, and Ana Ruiz shared the Lasker Award in 2009.", "2009",
     "Ana Ruiz shared the Lasker Award"),
    # (a second clause that needs the first for its pronoun gives no event)
    ("Ross received the Lasker Award in 2002, and Ana Ruiz received it in 2009.", "2009", None),
])
def test_round23_event_phrases(tmp_path, statement, answer, phrase):
    from quizgen.generate.text import event_phrase

    precision = "month" if " " in answer else "year"
    date = {"January 2019": "2019-01", "March 1911": "1911-03"}.get(answer, answer)
    fact = write_bank(tmp_path, [date_fact("d", statement, answer, date, precision)]).facts[0]
    assert event_phrase(fact, (0, 0)) == phrase


def test_a_day_kept_every_year_is_no_sort_of_championship():
    from quizgen.generate.text import name_sort

    # "Since 1966 July 20 has been celebrated as World Chess Championship" had been a false statement
    assert name_sort("International Chess Day", "event") != name_sort("World Chess Championship", "event")
    assert name_sort("International Chess Day", "event") == name_sort("World Malaria Day", "event")


def test_a_year_of_an_as_clause_is_not_the_year_of_the_sentence(tmp_path):
    from quizgen.generate.text import event_phrase

    # "In which year was Lionel Messi named the best player of the tournament, as he had been?" (2014)
    statement = "Ravi Kumar was named the best player of the tournament, as he had been in 2014."
    bank = write_bank(tmp_path, [date_fact("d", statement, "2014", "2014", "year")])
    stems = {q.kind: q.stem for q in generate_questions(bank)}
    assert "short_answer" not in stems
    assert stems["multiple_choice"] == "Ravi Kumar was named the best player of the tournament, as he had been in ______."
    assert event_phrase(bank.facts[0], (0, 0)) is None


@pytest.mark.parametrize("statement, answer, date, phrase", [
    # a date set off by commas after the subject: the event is the sentence without it
    ("The first vote, on January 15, 2019, was lost by 432 votes to 202.", "January 15, 2019", "2019-01-15",
     "The first vote was lost by 432 votes to 202"),
    # the participle that leads to the date goes with it
    ("In a referendum held on June 23, 2016, most voters chose to leave.", "June 23, 2016", "2016-06-23",
     "In a referendum, most voters chose to leave"),
])
def test_round24_event_phrases(tmp_path, statement, answer, date, phrase):
    from quizgen.generate.text import event_phrase

    fact = write_bank(tmp_path, [date_fact("d", statement, answer, date, "day")]).facts[0]
    assert event_phrase(fact, (0, 0)) == phrase


def test_a_name_whose_word_is_a_noun_gets_what_before_a_copula(tmp_path):
    # "Which harbour is a novel by the English writer Mark Vale?" (Grey Harbour)
    bank = write_bank(tmp_path, [entity_fact("g", "Grey Harbour is a novel by the English writer Mark Vale.",
                                             "Grey Harbour", "publication")])
    stems = {q.stem for q in generate_questions(bank) if q.kind == "short_answer"}
    assert stems == {"What is a novel by the English writer Mark Vale?"}, stems
