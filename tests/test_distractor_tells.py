"""Distractor tells: a test-wise student must not find the key of a number or date question without
knowing the fact (the value the others are multiples of, the middle one, the only "x.5", the date whose
day the others share, the only "mid-"). One test per rule; each fails with the earlier generator."""

from __future__ import annotations

import math
import re

import pytest

from helpers_generate import date_fact, entity_fact, quantity_fact, write_bank
from quizgen.generate import generate_questions
from quizgen.generate.lint import lint_questions
from quizgen.generate.values import parse_date, parse_quantity
from quizgen.generate.text import starts_with_vowel_sound
from quizgen.loading import load_bank
from quizgen.model import Choice, Question, SourceRef


def mc_of(bank, fact_id):
    questions = {q.id: q for q in generate_questions(bank)}
    return questions[f"{fact_id}.mc"]


def split(question):
    key = next(c.text for c in question.choices if c.correct)
    return key, [c.text for c in question.choices if not c.correct]


def simple_multiple(a: float, b: float) -> bool:
    """What a student can spot: x2, /2, or the same digits with the point moved (x10^k)."""
    ratio = a / b
    if any(abs(ratio / r - 1) <= 0.03 for r in (2, 0.5)):
        return True
    exponent = round(math.log10(ratio))
    return exponent != 0 and abs(ratio / 10 ** exponent - 1) <= 0.03


NUMBER_CASES = [
    ("Developers trained over 600 derivative models in the first week.", "600", 600, None, "derivative models"),
    ("Llama 3.1 included a model with 405 billion parameters.", "405 billion", 405, "billion", "parameters"),
    ("The weights were downloaded over 1.2 million times.", "1.2 million", 1.2, "million", "times"),
    ("Meta trained Llama 3 on 15 trillion tokens.", "15 trillion", 15, "trillion", "tokens"),
    ("The crew collected 47.5 pounds of lunar material.", "47.5", 47.5, None, "pounds"),
    ("The border was about 155 kilometres long.", "155", 155, None, "kilometres"),
    ("At least 140 people were killed at the wall.", "140", 140, None, "people"),
    ("The telescope cost about $10 billion.", "$10 billion", 10, "billion", "USD"),
]


@pytest.mark.parametrize("statement,answer,number,scale,unit", NUMBER_CASES)
def test_invented_numbers_are_not_simple_multiples_of_the_key(tmp_path, statement, answer, number, scale, unit):
    bank = write_bank(tmp_path, [quantity_fact("n", statement, answer, number, scale, unit)])
    key, wrong = split(mc_of(bank, "n"))
    assert len(wrong) == 3
    key_value = parse_quantity(key)
    for text in wrong:
        assert not simple_multiple(parse_quantity(text), key_value), f"{text} is derived from {key}"


def test_invented_numbers_keep_the_keys_decimals_and_ending(tmp_path):
    bank = write_bank(tmp_path, [quantity_fact("n", "The crew collected 47.5 pounds of lunar material.", "47.5",
                                               47.5, unit="pounds")])
    key, wrong = split(mc_of(bank, "n"))
    for text in wrong:
        assert re.fullmatch(r"\d+\.\d", text), text
        assert not text.endswith(".0"), f"{text}: only the key would lack the padded zero"


def distractors_below_the_key(bank, fact_ids: list[str]) -> list[int]:
    """For each fact's multiple-choice question: how many of its distractors are smaller than the key."""
    questions = {q.id: q for q in generate_questions(bank)}
    counts = []
    for fact_id in fact_ids:
        key, wrong = split(questions[f"{fact_id}.mc"])
        counts.append(sum(1 for w in wrong if parse_quantity(w) < parse_quantity(key)))
    return counts


def test_the_key_is_not_systematically_the_middle_value(tmp_path):
    facts = [quantity_fact(f"count-{i}", f"The lab ran {300 + 40 * i} trials of type {i}.", f"{300 + 40 * i}",
                           300 + 40 * i, unit=f"trials of type {i}") for i in range(16)]
    below_counts = distractors_below_the_key(write_bank(tmp_path, facts), [f"count-{i}" for i in range(16)])
    assert len(set(below_counts)) >= 3, below_counts
    assert below_counts.count(0) + below_counts.count(3) >= 3, "the key should sometimes be the smallest or largest"


def test_the_key_takes_every_position_equally_often_across_a_bank(tmp_path):
    # Each fact has room for distractors on both sides, so each gets the position dealt to it: over
    # 16 number questions the key is the smallest, 2nd, 3rd and largest value 4 times each.
    facts = [quantity_fact(f"size-{i}", f"Model {i} has {20 + 7 * i} billion parameters in all.",
                           f"{20 + 7 * i} billion", 20 + 7 * i, scale="billion", unit=f"parameters of kind {i}")
             for i in range(16)]
    below_counts = distractors_below_the_key(write_bank(tmp_path, facts), [f"size-{i}" for i in range(16)])
    assert sorted(below_counts) == [0] * 4 + [1] * 4 + [2] * 4 + [3] * 4, below_counts


def test_day_dates_vary_the_day_not_only_the_month(tmp_path):
    bank = write_bank(tmp_path, [
        date_fact("full", "Meta released Llama 3 on April 18, 2024.", "April 18, 2024", "2024-04-18", "day"),
        date_fact("short", "The model shipped on March 18 after a delay.", "March 18", "2024-03-18", "day"),
    ])
    questions = {q.id: q for q in generate_questions(bank)}
    for qid, key_day in (("full.mc", 18), ("short.mc", 18)):
        key, wrong = split(questions[qid])
        days = [int(re.search(r"\b(\d{1,2})\b", w).group(1)) for w in wrong]
        assert key_day not in days, (key, wrong)


def test_a_qualified_year_gets_a_distractor_with_the_same_qualifier_and_none_after_the_article(tmp_path):
    bank = write_bank(tmp_path, [
        date_fact("mid", "The move became undeniable in mid-2024, with Llama 3.1.", "mid-2024", "2024", "year",
                  qualifier="mid"),
    ])  # the article is dated 2024-12
    key, wrong = split(mc_of(bank, "mid"))
    qualifiers = [parse_date(w)[2] for w in wrong]
    assert "mid" in qualifiers, wrong
    assert all(parse_date(w)[1][0] <= 2024 for w in wrong), wrong


def test_a_curated_decimal_shift_of_the_key_is_replaced(tmp_path):
    bank = write_bank(tmp_path, [quantity_fact(
        "tokens", "Meta used 15 trillion tokens to train Llama 3.", "15 trillion", 15, "trillion", "tokens",
        distractors=["1.8 trillion", "5 trillion", "150 trillion"])])
    key, wrong = split(mc_of(bank, "tokens"))
    assert "150 trillion" not in wrong
    assert {"1.8 trillion", "5 trillion"} <= set(wrong)


def test_a_curated_doubling_series_is_kept(tmp_path):
    # 32k | 64k | 128k | 256k: every middle value meets two doublings, so none stands out
    bank = write_bank(tmp_path, [quantity_fact(
        "ctx", "Llama 3.3 featured a 128k-token context window.", "128k", 128, "thousand", "tokens",
        distractors=["32k", "64k", "256k"])])
    question = mc_of(bank, "ctx")
    assert set(split(question)[1]) == {"32k", "64k", "256k"}
    assert not {f.code for f in question.lint}


# ---- lint rules that catch these tells -----------------------------------------------------------


@pytest.fixture()
def bank(tmp_path):
    return write_bank(tmp_path, [
        quantity_fact("size", "Llama 3.1 included a model with 405 billion parameters.", "405 billion", 405,
                      "billion", "parameters"),
    ])


def codes_for(bank, key, wrong, stem="How many parameters did the largest Llama 3.1 model have?"):
    choices = [Choice(text=key, correct=True)] + [Choice(text=w, correct=False) for w in wrong]
    question = Question(id="size.mc", fact_id="size", fact_ids=["size"], kind="multiple_choice", stem=stem,
                        choices=choices, answer=key, explanation="because", source=SourceRef(quote="q", article_title="t"))
    lint_questions([question], bank)
    return {f.code for f in question.lint}


@pytest.mark.parametrize("key,wrong", [
    ("600", ["60", "150", "6,000"]),
    ("405 billion", ["70 billion", "200 billion", "810 billion"]),
    ("1.2 million", ["400,000", "2.5 million", "12 million"]),
    ("15 trillion", ["1.8 trillion", "5 trillion", "150 trillion"]),
])
def test_lint_derived_number(bank, key, wrong):
    assert "derived-number" in codes_for(bank, key, wrong)


@pytest.mark.parametrize("key,wrong", [
    ("128k", ["32k", "64k", "256k"]),
    ("405 billion", ["185 billion", "285 billion", "565 billion"]),
    ("Llama 3.3", ["Llama 3", "Llama 3.1", "Llama Guard 3"]),
])
def test_lint_derived_number_leaves_fair_choices_alone(bank, key, wrong):
    assert "derived-number" not in codes_for(bank, key, wrong)


def test_lint_derived_date(bank):
    assert "derived-date" in codes_for(bank, "July 23, 2024", ["June 23, 2024", "August 23, 2024", "April 18, 2024"])
    assert "derived-date" in codes_for(bank, "April 18", ["March 18", "May 18", "June 2"])
    assert "derived-date" not in codes_for(bank, "July 23, 2024", ["June 16, 2024", "July 15, 2024", "April 18, 2024"])


@pytest.mark.parametrize("key,wrong", [
    ("47.5", ["24.0", "71.0", "95.0"]),          # a padded zero only the key lacks
    ("47.5", ["24", "71", "95"]),                # other decimals
    ("mid-2024", ["late 2023", "early 2024", "late 2024"]),  # the only "mid-"
])
def test_lint_format_tell_on_endings_and_qualifiers(bank, key, wrong):
    assert "format-tell" in codes_for(bank, key, wrong)


def test_lint_format_tell_leaves_matching_formats_alone(bank):
    assert "format-tell" not in codes_for(bank, "47.5", ["33.5", "62.5", "88.5"])
    assert "format-tell" not in codes_for(bank, "mid-2024", ["mid-2023", "early 2024", "late 2024"])


def test_bundled_bank_has_no_number_or_date_tells():
    questions = generate_questions(load_bank(None))
    findings = [(q.id, f.code, f.message) for q in questions for f in q.lint]
    assert findings == []
    for q in questions:
        if q.kind != "multiple_choice":
            continue
        key, wrong = split(q)
        if parse_quantity(key) and all(parse_quantity(w) for w in wrong) and re.fullmatch(r"[\d.,]+ \w+", key):
            assert not any(simple_multiple(parse_quantity(w), parse_quantity(key)) for w in wrong
                           if w.split()[-1] == key.split()[-1] and re.fullmatch(r"[\d.,]+ \w+", w)), (q.id, key, wrong)


def test_invented_distractors_agree_with_the_a_or_an_before_the_blank(tmp_path):
    # "a ______-token context window": an invented "80k" or "8k" would read "an 8k", which the key
    # "128k" does not; such candidates are passed over, so the question keeps no grammar tell.
    facts = [quantity_fact(f"window-{i}", f"Model {i} featured a {n}k-token context window.", f"{n}k", n,
                           scale="thousand", unit=f"tokens of kind {i}")
             for i, n in enumerate((128, 100, 120, 110, 150, 160, 101, 104))]
    bank = write_bank(tmp_path, facts)
    questions = {q.id: q for q in generate_questions(bank)}
    for i in range(len(facts)):
        question = questions[f"window-{i}.mc"]
        key, wrong = split(question)
        assert not any(f.code == "grammar-tell" for f in question.lint), (key, wrong)
        for text in wrong:
            assert not starts_with_vowel_sound(text), f'"a {text}" would read wrong beside "a {key}"'


def test_a_surname_key_gets_surname_distractors(tmp_path):
    # "the poet Lord Byron": a full sibling name would stand out among the choices and read
    # "Lord Luigi Menabrea" in the false statement.
    bank = write_bank(tmp_path, [
        entity_fact("father", "Ada was the only legitimate child of the poet Lord Byron.", "Byron", "person"),
        entity_fact("engineer", "In 1842 a paper was published by Luigi Menabrea.", "Luigi Menabrea", "person"),
        entity_fact("inventor", "Charles Babbage designed the Analytical Engine.", "Charles Babbage", "person"),
        entity_fact("writer", "Mary Shelley wrote Frankenstein in 1818.", "Mary Shelley", "person"),
        entity_fact("king", "Martin Luther King Jr. led the march.", "Martin Luther King Jr.", "person"),
    ])
    questions = {q.id: q for q in generate_questions(bank)}
    key, wrong = split(questions["father.mc"])
    assert key == "Byron" and all(len(w.split()) == 1 for w in wrong), wrong
    assert set(wrong) <= {"Menabrea", "Babbage", "Shelley", "King"}, wrong
    false_statement = questions["father.tf-false"].stem
    assert false_statement.startswith("Ada was the only legitimate child of the poet Lord ")
    assert false_statement.split("Lord ")[1].rstrip(".") in {"Menabrea", "Babbage", "Shelley", "King"}
    # a full-name key keeps full-name distractors
    key, wrong = split(questions["engineer.mc"])
    assert all(len(w.split()) >= 2 for w in wrong), wrong


def test_names_that_take_the_replace_only_names_that_take_the(tmp_path):
    # "conquered United States" / "connects the France": a name read with "the" in its own sentence
    # is no distractor for a slot without one, nor the other way round (all of one sort: countries).
    plain = [("war", "The war began in France.", "France"), ("treaty", "The treaty was signed in Spain.", "Spain"),
             ("port", "The fleet sailed from Portugal.", "Portugal"), ("art", "The painter worked in Italy.", "Italy")]
    with_the = [("dutch", "The tulip trade made the Netherlands rich.", "Netherlands"),
                ("canal", "The canal was run by the United States.", "United States"),
                ("fleet", "The fleet reached the Philippines in March.", "Philippines"),
                ("storm", "The storm hit the Bahamas at dawn.", "Bahamas")]
    bank = write_bank(tmp_path, [entity_fact(i, s, a, "place") for i, s, a in plain + with_the])
    questions = {q.id: q for q in generate_questions(bank)}
    plain_names = {a for _, _, a in plain}
    the_names = {a for _, _, a in with_the}
    for fact_id, _, answer in plain:
        key, wrong = split(questions[f"{fact_id}.mc"])
        assert set(wrong) <= plain_names - {answer}, (key, wrong)
    for fact_id, _, answer in with_the:
        key, wrong = split(questions[f"{fact_id}.mc"])
        assert set(wrong) <= the_names - {answer}, (key, wrong)
    assert questions["war.tf-false"].stem.split("began in ")[1].rstrip(".") in plain_names - {"France"}
    assert questions["canal.tf-false"].stem.split("run by the ")[1].rstrip(".") in the_names - {"United States"}


def test_a_name_is_replaced_only_by_names_of_its_sort(tmp_path):
    # "connects the Atlantic Ocean with the Chagres River", "London is Earth's highest mountain", "on
    # the border between London and China", "the coronation of Queen George Mallory": a sibling of
    # the key's class but another sort.
    places = [("pacific", "The canal connects the Atlantic with the Pacific Ocean.", "Pacific Ocean"),
              ("indian", "The river flows into the Indian Ocean.", "Indian Ocean"),
              ("arctic", "The expedition crossed the Arctic Ocean in winter.", "Arctic Ocean"),
              ("southern", "Whales feed in the Southern Ocean each summer.", "Southern Ocean"),
              ("chagres", "The floods of the Chagres River ruined the plan.", "Chagres River"),
              ("everest", "Mount Everest is Earth's highest mountain above sea level.", "Mount Everest"),
              ("london", "The news reached London on the morning of the coronation.", "London"),
              ("paris", "She moved to Paris in 1891.", "Paris"),
              ("warsaw", "She was born in Warsaw in 1867.", "Warsaw"),
              ("rome", "The treaty was signed in Rome in 1957.", "Rome"),
              ("nepal", "The mountain stands on the border between Nepal and China.", "Nepal"),
              ("france", "A ship sailing from France to San Francisco saves a long voyage.", "France"),
              ("hungary", "Hungary began to dismantle its border fence in May 1989.", "Hungary"),
              ("japan", "The console went on sale in Japan in 1989.", "Japan"),
              ("nazi", "His victories in Nazi Germany made him a symbol.", "Nazi Germany"),
              ("america", "The game was bundled with the console in North America.", "North America"),
              ("north", "The family moved to Ohio as part of the migration to the industrial North.", "North"),
              ("ohio", "When he was nine, the family moved to Cleveland, Ohio, for work.", "Ohio"),
              ("arizona", "He died in Tucson, Arizona, at the age of 66.", "Arizona"),
              ("alabama", "He was born in Oakville, Alabama, in 1913.", "Alabama"),
              ("michigan", "The meet was held in Ann Arbor, Michigan, in May.", "Michigan")]
    # (no role word before these names: "Queen ______" is asked among queens only, tested below)
    people = [("queen", "The news came on the coronation day of Elizabeth II.", "Elizabeth II"),
              ("king", "The ship was named after George V of Britain.", "George V"),
              ("tsar", "The court of Nicholas II moved to the palace.", "Nicholas II"),
              ("pope", "The council was opened by John XXIII in Rome.", "John XXIII"),
              ("guide", "Kami Rita has climbed it most often.", "Kami Rita"),
              ("climber", "George Mallory vanished in 1924.", "George Mallory"),
              ("leader", "The expedition was led by John Hunt.", "John Hunt"),
              ("geologist", "Noel Odell saw them last.", "Noel Odell")]
    bank = write_bank(tmp_path, [entity_fact(i, s, a, "place") for i, s, a in places]
                      + [entity_fact(i, s, a, "person") for i, s, a in people])
    questions = {q.id: q for q in generate_questions(bank)}
    oceans = {"Pacific Ocean", "Indian Ocean", "Arctic Ocean", "Southern Ocean"}
    cities = {"London", "Paris", "Warsaw", "Rome"}
    countries = {"Nepal", "France", "Hungary", "Japan", "Nazi Germany"}
    states = {"Ohio", "Arizona", "Alabama", "Michigan"}
    for fact_id, names in [("pacific", oceans), ("indian", oceans), ("london", cities), ("rome", cities),
                           ("nazi", countries),
                           ("nepal", countries), ("japan", countries), ("ohio", states), ("arizona", states)]:
        key, wrong = split(questions[f"{fact_id}.mc"])
        assert set(wrong) <= names - {key}, (key, wrong)
    # the question names the sort too
    assert questions["hungary.mc"].stem == "Which country began to dismantle its border fence in May 1989?"
    # alone of their sort: no choices to offer, so no multiple choice and no false statement
    for fact_id in ("chagres", "everest", "america", "north"):
        assert f"{fact_id}.mc" not in questions and f"{fact_id}.tf-false" not in questions
    key, wrong = split(questions["queen.mc"])
    assert "II" in key and set(wrong) == {"George V", "Nicholas II", "John XXIII"}, wrong
    key, wrong = split(questions["guide.mc"])
    assert set(wrong) <= {"George Mallory", "John Hunt", "Noel Odell"}, wrong
    assert "of George Mallory" not in questions["queen.tf-false"].stem
    # matching too: the right-hand names of one question are of one sort
    from quizgen.generate.text import name_sort

    class_of = {a: "place" for _, _, a in places} | {a: "person" for _, _, a in people}
    matching = [q for q in questions.values() if q.kind == "matching"]
    assert matching
    for q in matching:
        assert len({name_sort(p.right, class_of[p.right]) for p in q.pairs}) == 1, [p.right for p in q.pairs]


def test_names_of_one_sort_stand_together(tmp_path):
    # a protocol beside a treaty or an accord, an empire beside countries; a war is of another sort
    events = [("paris", "The Paris Agreement was adopted in December 2015.", "Paris Agreement"),
              ("kyoto", "The Kyoto Protocol set binding targets for rich countries.", "Kyoto Protocol"),
              ("montreal", "The ozone layer is protected by the Montreal Protocol.", "Montreal Protocol"),
              ("copenhagen", "The talks of 2009 ended with the Copenhagen Accord.", "Copenhagen Accord"),
              ("war", "The league was founded after the First World War.", "First World War")]
    places = [("empire", "Poland was then part of the Russian Empire.", "Russian Empire"),
              ("dutch", "The tulip trade made the Netherlands rich.", "Netherlands"),
              ("states", "The canal was run by the United States.", "United States"),
              ("philippines", "The fleet reached the Philippines in March.", "Philippines")]
    bank = write_bank(tmp_path, [entity_fact(i, s, a, "event") for i, s, a in events]
                      + [entity_fact(i, s, a, "place") for i, s, a in places])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["paris.mc"])
    assert set(wrong) == {"Kyoto Protocol", "Montreal Protocol", "Copenhagen Accord"}, wrong
    _, wrong = split(questions["empire.mc"])
    assert set(wrong) == {"Netherlands", "United States", "Philippines"}, wrong
    assert "war.mc" not in questions


def test_no_person_is_offered_whose_surname_the_sentence_already_names(tmp_path):
    # "Fleming, Florey and Howard Florey shared the prize"; "where the coach Jesse Owens trained him".
    # In each bank the named person is the sibling nearest the key in length, so it would be taken.
    prize = write_bank(tmp_path / "prize", [entity_fact(i, s, a, "person") for i, s, a in [
        ("prize", "Fleming, Florey and Ernst Chain shared the Nobel Prize in 1945.", "Ernst Chain"),
        ("team", "The Oxford team was led by Howard Florey.", "Howard Florey"),
        ("engineer", "The equipment was designed by Norman Heatley.", "Norman Heatley"),
        ("crystal", "The structure was found by Dorothy Hodgkin.", "Dorothy Hodgkin"),
        ("patient", "The first patient was Albert Alexander.", "Albert Alexander")]])
    questions = {q.id: q for q in generate_questions(prize)}
    _, wrong = split(questions["prize.mc"])
    assert set(wrong) == {"Norman Heatley", "Dorothy Hodgkin", "Albert Alexander"}, wrong
    assert "Florey and Howard Florey" not in questions["prize.tf-false"].stem
    coach = write_bank(tmp_path / "coach", [entity_fact(i, s, a, "person") for i, s, a in [
        # (no role word before the slot: "the coach ______" would be asked among coaches only, below)
        ("coach", "Owens studied at Ohio State University, where Larry Snyder trained him.",
         "Larry Snyder"),
        ("runner", "The gold medal went to Jesse Owens.", "Jesse Owens"),
        ("mayor", "The parade was led by Wilhelmina Montgomery-Smythe.", "Wilhelmina Montgomery-Smythe"),
        ("judge", "The race was judged by Bartholomew Fitzgerald.", "Bartholomew Fitzgerald"),
        ("doctor", "The team doctor was Maximilian Oppenheimer.", "Maximilian Oppenheimer")]])
    questions = {q.id: q for q in generate_questions(coach)}
    _, wrong = split(questions["coach.mc"])
    assert "Jesse Owens" not in wrong, wrong
    assert "where Jesse Owens trained" not in questions["coach.tf-false"].stem


def test_a_role_before_the_slot_is_filled_only_by_people_the_bank_gives_that_role(tmp_path):
    # "proposed by President Michael Collins", "the Sherpa guide Andrew Waugh": any student rules
    # them out. The bank says who is a president (in any of its sentences); only they fill the slot.
    bank = write_bank(tmp_path, [entity_fact(i, s, a, "person") for i, s, a in [
        ("goal", "The mission fulfilled a goal proposed by President John F. Kennedy.", "John F. Kennedy"),
        ("medal", "In 1976 President Gerald Ford awarded Owens the Medal of Freedom.", "Gerald Ford"),
        ("pilot", "The command module was flown by Michael Collins.", "Michael Collins"),
        ("walk", "The first person on the Moon was Neil Armstrong.", "Neil Armstrong"),
        ("second", "The second person on the Moon was Buzz Aldrin.", "Buzz Aldrin"),
        ("lead", "Who led the negotiations was decided by Chancellor Helmut Kohl.", "Helmut Kohl")]]
        + [entity_fact("talks", "The talks were led by Chancellor Helmut Kohl.", "Helmut Kohl", "person",
                       prompt="Who led the talks?")])
    questions = {q.id: q for q in generate_questions(bank)}
    # "President ______" in the stem: only one other president, so no multiple-choice question
    assert "goal.mc" not in questions
    assert questions["goal.tf-false"].stem == "The mission fulfilled a goal proposed by President Gerald Ford."
    assert questions["medal.tf-false"].stem == "In 1976 President John F. Kennedy awarded Owens the Medal of Freedom."
    # "Who led the talks?" does not say "Chancellor": anyone may be offered, but the false statement
    # says "Chancellor", and the bank has no other chancellor
    _, wrong = split(questions["talks.mc"])
    assert len(wrong) == 3
    assert "talks.tf-false" not in questions
    # a slot without a role takes anyone
    assert "walk.tf-false" in questions and "walk.mc" in questions


def test_a_forecast_after_the_articles_date_may_get_later_distractors(tmp_path):
    # "moving into 2025" in an article of December 2024: later years are as reportable as the key.
    # Refusing all of them made the key the latest choice of every such question.
    bank = write_bank(tmp_path, [
        date_fact("outlook", "The industry is moving into 2025 as the models spread.", "2025", "2025", "year"),
        date_fact("past", "The first model came out in 2021.", "2021", "2021", "year")])
    key, wrong = split(mc_of(bank, "outlook"))
    assert any(parse_date(w)[1] > parse_date(key)[1] for w in wrong), wrong


def test_a_past_key_gets_no_bank_date_after_the_articles_date(tmp_path):
    # "Meta held 50 percent of the market in ______" offered 2026, a year the same article only
    # forecasts: a student rules it out for a past event
    bank = write_bank(tmp_path, [
        date_fact("share", "Analysts estimated that Meta held half of the market in 2023.", "2023", "2023", "year"),
        date_fact("cheaper", "Apple did not expect to release a cheaper model before 2026.", "2026", "2026", "year"),
        date_fact("launch", "Apple first showed the device in 2022.", "2022", "2022", "year")])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["share.mc"])
    assert "2026" not in wrong and all(int(w) <= 2024 for w in wrong), wrong
    assert "2026" not in questions["share.tf-false"].stem
    key, wrong = split(questions["cheaper.mc"])  # the forecast itself may still get later years
    assert key == "2026"


CURIE_PEOPLE = [
    ("born", "Maria Sklodowska was born in Warsaw in 1867.", "Maria Sklodowska"),
    ("quote", "Marie Curie said that nothing in life is to be feared.", "Marie Curie"),
    ("killed", "Pierre Curie was killed by a horse-drawn wagon in 1906.", "Pierre Curie"),
    ("rays", "Henri Becquerel found that uranium gives off rays.", "Henri Becquerel"),
    ("prize", "Ernest Rutherford won the 1908 Nobel Prize in Chemistry.", "Ernest Rutherford"),
    ("element", "Dmitri Mendeleev arranged the elements in a periodic table.", "Dmitri Mendeleev")]


def curie_bank(tmp_path, aliases_on: str = "born", distractors: list[str] | None = None, people: int = 6):
    """`people` facts about people, two of them one woman under two names; `aliases_on` is the
    fact that says so."""
    facts = [entity_fact(i, s, a, "person") for i, s, a in CURIE_PEOPLE[:people]]
    other = {"born": "Marie Curie", "quote": "Maria Sklodowska"}[aliases_on]
    for fact in facts:
        if fact["id"] == aliases_on:
            fact["value"]["aliases"] = [other]
            if distractors:
                fact["distractors"] = distractors
    return write_bank(tmp_path, facts)


@pytest.mark.parametrize("aliases_on", ["born", "quote"])
def test_another_name_of_the_key_is_never_a_wrong_choice(tmp_path, aliases_on):
    # Four names, three people: "Who was born in Warsaw? Maria Sklodowska | Marie Curie | ..." would
    # have two right answers, and "Who was killed...? Pierre Curie | Marie Curie | Maria Sklodowska |
    # Henri Becquerel" offers one woman twice. Neither has three other people to offer: no question.
    questions = {q.id: q for q in generate_questions(curie_bank(tmp_path / "four", aliases_on, people=4))}
    assert not [q for q in questions.values() if q.kind == "multiple_choice"]
    for fact_id, other in (("born", "Marie Curie"), ("quote", "Maria Sklodowska")):
        assert other in questions[f"{fact_id}.short"].accepted  # typing the other name is right
        # "Marie Curie was born in Warsaw" is true: not the false statement
        assert other not in questions[f"{fact_id}.tf-false"].stem
    # Six names, five people: every multiple-choice question has three other people.
    questions = {q.id: q for q in generate_questions(curie_bank(tmp_path / "six", aliases_on))}
    for fact_id, _, _ in CURIE_PEOPLE:
        key, wrong = split(questions[f"{fact_id}.mc"])
        names = {key, *wrong}
        assert not {"Marie Curie", "Maria Sklodowska"} <= names, (key, wrong)
    assert not [f for q in questions.values() for f in q.lint if f.severity == "error"]


def test_without_the_alias_both_names_are_offered_as_different_people(tmp_path):
    # The check above fails for the right reason: the bank alone cannot know the two names are one.
    facts = [entity_fact(i, s, a, "person") for i, s, a in [
        ("born", "Maria Sklodowska was born in Warsaw in 1867.", "Maria Sklodowska"),
        ("quote", "Marie Curie said that nothing in life is to be feared.", "Marie Curie"),
        ("killed", "Pierre Curie was killed by a horse-drawn wagon in 1906.", "Pierre Curie"),
        ("rays", "Henri Becquerel found that uranium gives off rays.", "Henri Becquerel")]]
    _, wrong = split(mc_of(write_bank(tmp_path, facts), "born"))
    assert "Marie Curie" in wrong


def test_lint_flags_a_choice_that_is_another_name_of_the_key_or_of_another_choice(tmp_path):
    bank = curie_bank(tmp_path)
    source = SourceRef(quote="Pierre Curie was killed by a horse-drawn wagon in 1906.", article_title="t")
    def mc(fact_id, key, wrong):
        return Question(id=f"{fact_id}.mc", fact_id=fact_id, fact_ids=[fact_id], kind="multiple_choice",
                        stem="Who was killed by a horse-drawn wagon in 1906?", answer=key,
                        choices=[Choice(text=key, correct=True)] + [Choice(text=w, correct=False) for w in wrong],
                        explanation="x", source=source)
    two_names = mc("killed", "Pierre Curie", ["Marie Curie", "Maria Sklodowska", "Henri Becquerel"])
    key_alias = mc("quote", "Marie Curie", ["Maria Sklodowska", "Pierre Curie", "Henri Becquerel"])
    fine = mc("killed", "Pierre Curie", ["Marie Curie", "Ernest Rutherford", "Henri Becquerel"])
    for question in (two_names, key_alias, fine):  # one at a time: the same stem twice is a near-duplicate
        lint_questions([question], bank)
    assert "duplicate-choice" in {f.code for f in two_names.lint}
    assert "also-true" in {f.code for f in key_alias.lint}
    assert not fine.lint


def test_an_alias_cannot_be_the_name_itself_nor_a_curated_distractor(tmp_path):
    from quizgen.errors import BankError

    with pytest.raises(BankError) as caught:
        curie_bank(tmp_path, distractors=["Marie Curie", "Pierre Curie"])
    assert 'distractors[0]: "Marie Curie" is another name of the answer' in str(caught.value)


def test_a_facts_answer_and_its_values_name_are_one_entity(tmp_path):
    # The answer "NASA" names the National Aeronautics and Space Administration: that name, the
    # answer of another fact, is no wrong choice for it.
    nasa = entity_fact("landing", "NASA landed astronauts on the Moon in 1969.", "NASA", "organisation")
    nasa["value"]["name"] = "National Aeronautics and Space Administration"
    bank = write_bank(tmp_path, [nasa] + [entity_fact(i, s, a, "organisation") for i, s, a in [
        ("founded", "The National Aeronautics and Space Administration was founded in 1958.",
         "National Aeronautics and Space Administration"),
        ("ariane", "The European Space Agency launches the Ariane rockets.", "European Space Agency"),
        ("soyuz", "Roscosmos flies the Soyuz spacecraft.", "Roscosmos")]])
    questions = {q.id: q for q in generate_questions(bank)}
    assert "landing.mc" not in questions and "founded.mc" not in questions  # two other agencies only
    assert "National Aeronautics" not in questions["landing.tf-false"].stem
    assert not [q.id for q in questions.values() if q.fact_id == "founded" and "NASA" in q.stem]
    assert "NASA" in questions["founded.cloze"].accepted
    assert "National Aeronautics and Space Administration" in questions["landing.short"].accepted


def test_a_short_answer_naming_two_people_joins_neither(tmp_path):
    # "Curie" answers for Marie Curie in one fact and for Pierre Curie in another: the two stay two
    # people (joined through "Curie", a question on one would accept the other's name).
    facts = [entity_fact(i, s, a, "person") for i, s, a in [
        ("marie", "Marie Curie coined the word radioactivity.", "Marie Curie"),
        ("pierre", "Pierre Curie studied piezoelectricity with his brother.", "Pierre Curie"),
        ("rays", "Henri Becquerel found that uranium gives off rays.", "Henri Becquerel"),
        ("prize", "Ernest Rutherford won the 1908 Nobel Prize in Chemistry.", "Ernest Rutherford")]]
    for fact_id, statement, name in (("polonium", "Curie named polonium after Poland.", "Marie Curie"),
                                     ("wagon", "Curie was killed by a wagon in 1906.", "Pierre Curie")):
        fact = entity_fact(fact_id, statement, "Curie", "person")
        fact["value"]["name"] = name
        facts.append(fact)
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    assert "Pierre Curie" not in questions["marie.short"].accepted
    key, wrong = split(questions["marie.mc"])
    assert "Pierre Curie" in wrong  # still a fair wrong choice


@pytest.mark.parametrize("statement, name, gender", [
    ("Augusta Ada King, Countess of Lovelace, was an English mathematician.", "Augusta Ada King", "female"),
    ("Queen Elizabeth II opened the bridge in 1962.", "Elizabeth II", "female"),
    ("Three years later, on 19 April 1906, Pierre Curie was killed when he was struck by a wagon.", "Pierre Curie", "male"),
    ("Marie Curie died in 1934 from anaemia caused by her long exposure to radiation.", "Marie Curie", "female"),
    ("In 1928 the adventurer Richard Halliburton swam the canal, and he paid a toll of 36 cents.", "Richard Halliburton", "male"),
    ("Charles Babbage showed her a working portion of his Difference Engine.", "Charles Babbage", "male"),
    ("Her daughter Irène Joliot-Curie won the Nobel Prize in Chemistry in 1935.", "Irène Joliot-Curie", "female"),
    ("The Japanese climber Junko Tabei became the first woman to reach the summit.", "Junko Tabei", "female"),
    ("Jesse Owens was the son of a sharecropper from Alabama.", "Jesse Owens", "male"),
    ("The thief was Vincenzo Peruggia, an Italian handyman who had worked at the museum.", "Vincenzo Peruggia", "male"),
    # no word about the slot's person: the pronoun means someone else, or there is none
    ("Pierre Curie met Maria Sklodowska and married her in 1895.", "Pierre Curie", None),
    ("Jesse Owens was coached by Charles Riley, who let him train before classes.", "Charles Riley", None),
    ("A team led by Howard Florey and Ernst Chain took up the problem, and he wrote it up.", "Howard Florey", None),
    ("Maria Sklodowska was born in Warsaw on 7 November 1867.", "Maria Sklodowska", None),
])
def test_what_a_sentence_says_of_its_persons_gender(statement, name, gender):
    from quizgen.generate.text import slot_gender

    start = statement.index(name)
    assert slot_gender(statement, start, start + len(name)) == gender


def test_a_slot_for_a_woman_gets_no_man_the_bank_knows_and_the_other_way(tmp_path):
    # "Pierre Curie, Countess of Lovelace" or "Ada Lovelace was killed when he was struck": any student
    # rules these out. The bank's own sentences say who is a woman and who a man; the unknown stay.
    facts = [entity_fact(i, s, a, "person") for i, s, a in [
        ("countess", "Augusta Ada King, Countess of Lovelace, wrote the first published program.", "Augusta Ada King"),
        ("wagon", "Pierre Curie was killed when he was struck by a horse-drawn wagon.", "Pierre Curie"),
        ("engine", "Charles Babbage designed his Difference Engine in the 1820s.", "Charles Babbage"),
        ("radium", "Marie Curie isolated radium with her husband in a leaky shed.", "Marie Curie"),
        ("queen", "Queen Victoria opened the exhibition in 1851.", "Victoria"),
        ("translator", "The article was translated by Jean Menabrea.", "Jean Menabrea"),
        ("notes", "The notes were printed by Sam Taylor.", "Sam Taylor"),
        ("editor", "The journal was edited by Richard Reid.", "Richard Reid")]]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    # (Richard Reid: nothing in the bank says, but "Richard" is a man's name everywhere)
    men, women = {"Pierre Curie", "Charles Babbage", "Richard Reid"}, {"Augusta Ada King", "Marie Curie", "Victoria"}
    _, wrong = split(questions["countess.mc"])
    assert not men & set(wrong) and len(wrong) == 3, wrong  # Jean Menabrea and Sam Taylor: either, so not known
    _, wrong = split(questions["wagon.mc"])
    assert not women & set(wrong) and len(wrong) == 3, wrong
    for fact_id, ruled_out in (("countess", men), ("radium", men), ("wagon", women), ("engine", women)):
        assert not [n for n in ruled_out if n in questions[f"{fact_id}.tf-false"].stem], questions[f"{fact_id}.tf-false"].stem
    # a slot that says nothing of its person takes anyone
    _, wrong = split(questions["notes.mc"])
    assert men & set(wrong) or women & set(wrong)


def test_a_plural_role_before_coordinated_names_covers_each_name(tmp_path):
    # "in place of the Jewish sprinters Gerald Ford and Sam Stoller": only sprinters fill either slot.
    facts = [entity_fact(i, s, a, "person") for i, s, a in [
        ("first", "Owens replaced the sprinters Marty Glickman and Sam Stoller in the relay.", "Marty Glickman"),
        ("second", "Owens replaced the sprinters Marty Glickman and Sam Stoller in the relay.", "Sam Stoller"),
        ("medal", "In 1976 President Gerald Ford awarded Owens the Medal of Freedom.", "Gerald Ford"),
        ("coach", "Owens was trained at Ohio State by Larry Snyder.", "Larry Snyder"),
        ("film", "In the film Race, Owens was played by Stephan James.", "Stephan James")]]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    # each sprinter's only fellow sprinter is the other key of the same sentence: no choices, no swap
    for fact_id in ("first", "second"):
        assert f"{fact_id}.mc" not in questions and f"{fact_id}.tf-false" not in questions, questions.keys()
    from quizgen.generate.text import role_before, roles_named

    sentence = facts[0]["statement"]
    assert role_before(sentence, sentence.index("Sam Stoller")) == "sprinter"
    assert roles_named([sentence]) == {"Marty Glickman": {"sprinter"}, "Sam Stoller": {"sprinter"}}


@pytest.mark.parametrize("name, sort", [("Alexanderplatz", "street"), ("Potsdamer Platz", "street"),
                                        ("Kurfürstendamm", "street"), ("Bornholmer Strasse", "street"),
                                        ("West Berlin", ""), ("Amsterdam", ""),
                                        # English street names: "at 3 Savile Row" is no town
                                        ("Savile Row", "street"), ("Penny Lane", "street"),
                                        ("Sunset Boulevard", "street"), ("Carlton House Terrace", "street")])
def test_a_german_compound_names_its_sort_at_the_end(name, sort):
    # "hundreds of thousands gathered on West Berlin": a square is replaced by squares and streets only
    from quizgen.generate.text import name_sort

    assert name_sort(name, "place") == sort


def test_an_age_gets_ages_near_it(tmp_path):
    # "a 99-year-old police constable", "an 8-year-old bricklayer": ruled out at a glance.
    bank = write_bank(tmp_path, [
        quantity_fact("patient", "The first patient was a 43-year-old police constable.", "43", 43, unit="years"),
        quantity_fact("met", "At the age of 17, she met the mathematician Charles Babbage.", "17", 17, unit="years"),
        quantity_fact("mission", "The mission is planned to last at least 10 years.", "10", 10, unit="years"),
        quantity_fact("fuel", "The telescope carries enough fuel for about 99 years.", "99", 99, unit="years"),
        quantity_fact("orbit", "The probe spent 4 years in orbit.", "4", 4, unit="years")])
    for fact_id, key in (("patient", 43), ("met", 17)):
        questions = {q.id: q for q in generate_questions(bank) if q.fact_id == fact_id}
        wrong = [parse_quantity(c.text) for c in questions[f"{fact_id}.mc"].choices if not c.correct]
        assert len(wrong) == 3 and all(0.7 * key <= w <= 1.5 * key for w in wrong), wrong
        false = re.search(r"\d+", questions[f"{fact_id}.tf-false"].stem)
        assert false and 0.7 * key <= int(false.group()) <= 1.5 * key
    # a duration is no age: its choices may range wider
    mission = {q.id: q for q in generate_questions(bank)}["mission.mc"]
    assert max(parse_quantity(c.text) for c in mission.choices) > 15


def test_lint_warns_of_a_curated_choice_of_the_other_gender(tmp_path):
    # Curated distractors win in generation; lint tells their author when one is ruled out by grammar.
    facts = [entity_fact(i, s, a, "person") for i, s, a in [
        ("countess", "Augusta Ada King, Countess of Lovelace, wrote the first published program.", "Augusta Ada King"),
        ("wagon", "Pierre Curie was killed when he was struck by a horse-drawn wagon.", "Pierre Curie"),
        ("engine", "Charles Babbage designed his Difference Engine in the 1820s.", "Charles Babbage")]]
    facts[0]["distractors"] = ["Charles Babbage", "Mary Somerville", "Caroline Herschel"]
    facts[1]["distractors"] = ["Henri Becquerel", "Ernest Rutherford", "Paul Langevin"]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    findings = [f for f in questions["countess.mc"].lint if f.code == "gender-tell"]
    assert len(findings) == 1 and '"Charles Babbage"' in findings[0].message and findings[0].severity == "warning"
    assert not [f for f in questions["wagon.mc"].lint if f.code == "gender-tell"]


def test_a_full_name_gets_no_bare_surname_beside_it(tmp_path):
    # "Anne Isabella Milbanke | Byron | Charles Babbage | Luigi Menabrea": the one-word name stands out.
    facts = [entity_fact(i, s, a, "person") for i, s, a in [
        ("engine", "Charles Babbage designed the Difference Engine.", "Charles Babbage"),
        ("paper", "The paper was written by Luigi Menabrea.", "Luigi Menabrea"),
        ("mother", "Her mother was Anne Isabella Milbanke.", "Anne Isabella Milbanke"),
        ("poet", "Her father was the poet Lord Byron.", "Byron")]]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path / "four", facts))}
    assert "engine.mc" not in questions  # two full names besides the key: no question rather than "Byron"
    facts += [entity_fact("notes", "The notes were printed by Richard Taylor.", "Richard Taylor", "person")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path / "five", facts))}
    _, wrong = split(questions["engine.mc"])
    assert all(" " in w for w in wrong), wrong


@pytest.mark.parametrize("statement, name, nation", [
    ("In 1842 the Italian engineer Luigi Menabrea published a paper.", "Luigi Menabrea", "italy"),
    ("The British climbers George Mallory and Andrew Irvine disappeared.", "Andrew Irvine", "uk"),
    ("On June 12, 1987, U.S. President Ronald Reagan spoke at the gate.", "Ronald Reagan", "us"),
    ("Jesse Owens was an American track and field athlete who won four medals.", "Jesse Owens", "us"),
    ("Augusta Ada King, Countess of Lovelace, was an English mathematician.", "Augusta Ada King", "uk"),
    ("In September 1928, the Scottish physician Alexander Fleming returned.", "Alexander Fleming", "uk"),
    # a nationality that is not the person's
    ("They were members of a British expedition led by John Hunt.", "John Hunt", None),
    ("The German long jumper Luz Long gave Jesse Owens advice.", "Jesse Owens", None),
    ("In 1977 President Jimmy Carter and the Panamanian leader Omar Torrijos signed.", "Jimmy Carter", None),
])
def test_what_a_sentence_says_of_its_persons_nation(statement, name, nation):
    from quizgen.generate.text import slot_nation

    start = statement.index(name)
    assert slot_nation(statement, start, start + len(name)) == nation


def test_a_slot_with_a_nationality_gets_no_one_the_bank_gives_another(tmp_path):
    # "The Japanese climber George Mallory became the first woman to reach the summit": the bank calls
    # Mallory British. People the bank gives no nation stay eligible.
    facts = [entity_fact(i, s, a, "person") for i, s, a in [
        ("tabei", "The Japanese climber Junko Tabei reached the summit in 1975.", "Junko Tabei"),
        ("mallory", "The British climber George Mallory disappeared on the ridge in 1924.", "George Mallory"),
        ("irvine", "The British climber Andrew Irvine disappeared with him.", "Andrew Irvine"),
        ("messner", "The Italian climber Reinhold Messner climbed it without oxygen.", "Reinhold Messner"),
        ("uemura", "The Japanese climber Naomi Uemura climbed it in 1970.", "Naomi Uemura"),
        ("nobody", "The climber Kami Rita has climbed it most often.", "Kami Rita"),
        ("guide", "The climber Ang Rita guided many teams.", "Ang Rita")]]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    _, wrong = split(questions["tabei.mc"])
    assert not {"George Mallory", "Andrew Irvine", "Reinhold Messner"} & set(wrong), wrong
    for fact_id, others in (("tabei", ("George Mallory", "Andrew Irvine", "Reinhold Messner")),
                            ("mallory", ("Junko Tabei", "Naomi Uemura", "Reinhold Messner"))):
        stem = questions[f"{fact_id}.tf-false"].stem
        assert not [n for n in others if n in stem], stem


def test_lint_warns_of_a_curated_choice_of_another_nation(tmp_path):
    facts = [entity_fact(i, s, a, "person") for i, s, a in [
        ("tabei", "The Japanese climber Junko Tabei reached the summit in 1975.", "Junko Tabei"),
        ("mallory", "The British climber George Mallory disappeared on the ridge in 1924.", "George Mallory")]]
    facts[0]["distractors"] = ["George Mallory", "Naomi Uemura", "Yuichiro Miura"]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    findings = [f for f in questions["tabei.mc"].lint if f.code == "nationality-tell"]
    assert len(findings) == 1 and '"George Mallory"' in findings[0].message


def test_numbers_of_a_thousand_and_more_are_grouped_beside_a_key_below_a_thousand(tmp_path):
    # "1,123 millimetres high and ______ millimetres wide": "1123" beside the article's "1,123" looks
    # like a typo, and a student rules it out
    bank = write_bank(tmp_path, [
        quantity_fact("high", "The stone is 1,123 millimetres high.", "1,123", 1123, unit="millimetres"),
        quantity_fact("wide", "The stone is 757 millimetres wide.", "757", 757, unit="millimetres"),
        quantity_fact("flight", "The longest flight covered 852 feet.", "852", 852, unit="feet")])
    for fact_id in ("wide", "flight"):
        _, wrong = split(mc_of(bank, fact_id))
        big = [w for w in wrong if parse_quantity(w) >= 1000]
        assert big, wrong  # the case is exercised
        assert all(re.fullmatch(r"\d{1,3}(?:,\d{3})+", w) for w in big), wrong


def test_a_town_with_its_region_gets_no_town_the_bank_places_elsewhere(tmp_path):
    # "near ______, Indiana" offered Dayton, which the bank places in Ohio; and "issued in Paris, Egypt"
    # was a false statement any student rules out
    facts = [entity_fact(i, s, a, "place") for i, s, a in [
        ("millville", "Wilbur Wright was born near Millville, Indiana.", "Millville"),
        ("dayton", "Orville Wright was born in Dayton, Ohio.", "Dayton"),
        ("kitty", "The brothers flew near Kitty Hawk, North Carolina.", "Kitty Hawk"),
        ("muncie", "Their uncle farmed near Muncie, Indiana.", "Muncie"),
        ("paris", "Champollion announced the decipherment in Paris in 1822.", "Paris"),
        ("london", "The stone is on display in London at the British Museum.", "London"),
        ("memphis", "The decree was issued in Memphis, Egypt, in 196 BC.", "Memphis")]]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    for fact_id, elsewhere in (("millville", {"Dayton", "Kitty Hawk"}), ("memphis", {"Dayton", "Kitty Hawk", "Muncie"})):
        mc = questions.get(f"{fact_id}.mc")
        if mc is not None:
            assert not elsewhere & {c.text for c in mc.choices}, mc.choices
    # the false statement takes a town the bank places in that region, and only such a town
    assert questions["millville.tf-false"].stem == "Wilbur Wright was born near Muncie, Indiana."
    assert "memphis.tf-false" not in questions  # no town the bank places in Egypt
    # a town without a region after it is not limited
    assert "paris.tf-false" in questions


def test_no_wrong_choice_is_the_start_or_end_of_the_keys_name(tmp_path):
    # "the Cas9 system" for "the CRISPR-Cas9 system" is no false statement; "Germany" beside "East
    # Germany" is hardly a wrong answer. Two products sharing words stay apart ("Llama 3", "Llama Guard 3").
    facts = [entity_fact(i, s, a, "product") for i, s, a in [
        ("crispr", "Adapted as a laboratory tool, the CRISPR-Cas9 system cuts DNA at a chosen place.", "CRISPR-Cas9"),
        ("cas9", "The paper showed that the Cas9 protein could be guided by RNA.", "Cas9"),
        ("talen", "Before 2012 labs used the TALEN system to edit genes.", "TALEN"),
        ("zfn", "Zinc fingers, or the ZFN system, came even earlier.", "ZFN"),
        ("mage", "Engineers used the MAGE system in 2009.", "MAGE"),
        ("hdr", "Cells repair the cuts with the HDR system.", "HDR"),
        ("guard", "Meta released Llama Guard 3 to help developers.", "Llama Guard 3"),
        ("llama3", "Meta released Llama 3 in April 2024.", "Llama 3"),
        ("llama31", "Meta released Llama 3.1 in July 2024.", "Llama 3.1")]]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    assert "the TALEN system" in questions["crispr.tf-false"].stem  # not "the Cas9 system"
    assert "the TALEN protein" in questions["cas9.tf-false"].stem
    offered = [{c.text for c in q.choices} for q in questions.values() if q.kind == "multiple_choice"]
    assert offered  # the case is exercised
    assert not [texts for texts in offered if {"Cas9", "CRISPR-Cas9"} <= texts], offered
    assert questions["guard.tf-false"].stem == "Meta released Llama 3 to help developers."


def test_the_end_of_a_date_range_gets_no_choice_before_its_start(tmp_path):
    # "held in Brazil from June 12 to ______" offered June 12, 2014 and May 9, 2014
    statement = "The World Cup was held in Brazil from June 12 to July 13, 2014."
    bank = write_bank(tmp_path, [
        date_fact("end", statement, "July 13, 2014", "2014-07-13", "day"),
        date_fact("start", "The tournament opened in Sao Paulo on June 12, 2014.", "June 12, 2014", "2014-06-12", "day"),
        date_fact("draw", "The draw took place on December 6, 2013.", "December 6, 2013", "2013-12-06", "day"),
        date_fact("semi", "Germany beat Brazil on July 8, 2014.", "July 8, 2014", "2014-07-08", "day")])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["end.mc"])
    assert all(parse_date(w)[1] > (2014, 6, 12) for w in wrong), wrong
    assert parse_date(questions["end.tf-false"].stem.split(" to ")[1])[1] > (2014, 6, 12)


def test_one_matching_question_never_holds_a_name_and_a_part_of_it(tmp_path):
    # "John" and "John of England" both fit "King ______ sealed the charter": neither pairing is sure
    facts = [("a", "The charter was sealed by King John of England at a meadow.", "John of England"),
             ("b", "John had lost most of his lands in France by then.", "John"),
             ("c", "The peace was drafted by Stephen Langton in a hurry.", "Stephen Langton"),
             ("d", "The charter was reissued by William Marshal after the war.", "William Marshal"),
             ("e", "The fleet was led by Hubert de Burgh at Sandwich.", "Hubert de Burgh")]
    bank = write_bank(tmp_path, [entity_fact(i, s, a, "person") for i, s, a in facts])
    matching = [q for q in generate_questions(bank) if q.kind == "matching"]
    assert matching
    for q in matching:
        rights = {p.right for p in q.pairs}
        assert not {"John", "John of England"} <= rights, rights


def _town_bank(tmp_path, key_sentence, key):
    others = [("paris", "The painter studied in Paris for a year.", "Paris"),
              ("london", "His first show opened in London in May.", "London"),
              ("york", "A second show followed in New York.", "New York"),
              ("dc", "The prize was given in Washington, D.C., in June.", "Washington, D.C.")]
    facts = [entity_fact("key", key_sentence, key, "place")] + [entity_fact(i, s, a, "place") for i, s, a in others]
    return {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}


def test_a_town_with_its_state_gets_towns_of_that_state(tmp_path):
    # "moved to ______, Ohio": no town the gazetteer places elsewhere (Paris, London, New York, the
    # District of Columbia), but Ohio's towns of about the key's size, which the false statement may use
    from quizgen.generate.places import region_of, town_in_region

    questions = _town_bank(tmp_path, "The family moved to Cleveland, Ohio, in 1922.", "Cleveland")
    _, wrong = split(questions["key.mc"])
    assert len(wrong) == 3
    assert all(town_in_region(town, region_of("Ohio")) for town in wrong), wrong
    false = questions["key.tf-false"].stem
    assert any(f"moved to {town}, Ohio" in false for town in wrong), false


def test_a_town_of_a_country_the_gazetteer_does_not_list_gets_no_invented_towns(tmp_path):
    # "Zorbatown, Egypt" is no town the gazetteer knows (a village, a place of the past): Egypt's
    # smallest towns would stand out beside it, and the bank's towns lie elsewhere: no multiple choice
    questions = _town_bank(tmp_path, "The decree was issued in Zorbatown, Egypt, in 196 BC.", "Zorbatown")
    assert "key.mc" not in questions
    assert "key.cloze" in questions


def test_a_town_of_a_country_gets_towns_of_its_size(tmp_path):
    from quizgen.generate.places import region_of, town_in_region

    questions = _town_bank(tmp_path, "The band played in clubs in Hamburg, Germany, for two years.", "Hamburg")
    _, wrong = split(questions["key.mc"])
    assert "New York" not in wrong and "London" not in wrong  # "New York" is GeoNames' "New York City"
    assert all(town_in_region(town, region_of("Germany")) for town in wrong), wrong
    assert "Berlin" in wrong  # the town nearest Hamburg in size


def test_a_person_named_in_part_has_the_gender_the_bank_gives_the_part(tmp_path):
    # "Leonardo ... when he moved": "Leonardo da Vinci" is no wife of a merchant
    bank = write_bank(tmp_path, [
        entity_fact("wife", "The portrait shows Lisa Gherardini, the wife of a silk merchant.", "Lisa Gherardini", "person"),
        entity_fact("move", "Leonardo took the portrait with him when he moved to France.", "Leonardo", "person"),
        entity_fact("artist", "The portrait was painted by Leonardo da Vinci in Florence.", "Leonardo da Vinci", "person"),
        entity_fact("thief", "The portrait was stolen by Vincenzo Peruggia in 1911.", "Vincenzo Peruggia", "person"),
        entity_fact("poet", "The poet Anna Rossi wrote about the theft.", "Anna Rossi", "person"),
        entity_fact("dealer", "The art dealer Alfredo Geri called the police.", "Alfredo Geri", "person"),
    ])
    questions = {q.id: q for q in generate_questions(bank)}
    for q in questions.values():
        if q.fact_id == "wife" and q.kind in ("multiple_choice", "true_false"):
            assert "Leonardo da Vinci" not in q.stem and "Leonardo da Vinci" not in {c.text for c in q.choices}, q.id


_HOMES = quantity_fact("homes", "Around 70,000 of the city's 80,000 inhabitants lost their homes.", "80,000", 80000,
                       None, "inhabitants")


@pytest.mark.parametrize("fact_id, statement, answer, bound", [
    # two years joined by "and" are in order: the blank comes before 2003, or after 2003
    ("d", "In 2002 and 2003 Ann Lowe won four major titles in a row.", "2002", lambda year: year < 2003),
    ("b", "Ann Lowe won major titles in 2003 and 2004 in Paris.", "2004", lambda year: year > 2003),
])
def test_a_year_paired_with_another_keeps_their_order(tmp_path, fact_id, statement, answer, bound):
    # (beside a second fact, so that the bank's balance of key positions asks for earlier years too)
    bank = write_bank(tmp_path, [dict(_HOMES), {"id": fact_id, "kind": "date", "statement": statement, "answer": answer,
                                                "value": {"date": answer, "precision": "year"}}])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions[f"{fact_id}.mc"])
    assert all(bound(int(w)) for w in wrong), wrong


def test_the_whole_is_more_than_its_part(tmp_path):
    # "Around 70,000 of the city's ______ inhabitants": no 60,000
    bank = write_bank(tmp_path, [dict(_HOMES), {"id": "d", "kind": "date", "answer": "2004",
                                                "statement": "Ann Lowe won major titles in 2003 and 2004 in Paris.",
                                                "value": {"date": "2004", "precision": "year"}}])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["homes.mc"])
    assert all(parse_quantity(w) > 70000 for w in wrong), wrong
    assert "homes.tf-false" in questions


@pytest.mark.parametrize("statement, answer, number, qualifier, curated, wrong_side", [
    # "over 150" is true of over 600, and "fewer than 80" of fewer than 50: only the other side is wrong
    ("Developers trained over 600 derivative models in the first week.", "600", 600, "over", ["150", "900", "2,400"],
     lambda n: n > 600),
    ("Fewer than 50 copies of the book survive today.", "50", 50, None, [], lambda n: n < 50),
])
def test_a_bound_gets_no_number_it_makes_true(tmp_path, statement, answer, number, qualifier, curated, wrong_side):
    value = {"number": number, "unit": "models" if "models" in statement else "copies"}
    if qualifier:
        value["qualifier"] = qualifier
    fact = {"id": "q", "kind": "quantity", "statement": statement, "answer": answer, "value": value}
    if curated:
        fact["distractors"] = curated
    bank = write_bank(tmp_path, [fact, dict(_HOMES)])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["q.mc"])
    assert all(wrong_side(parse_quantity(w)) for w in wrong), wrong
    false = questions["q.tf-false"].stem
    swapped = [parse_quantity(m) for m in re.findall(r"\d[\d,]*", false)]
    assert swapped and all(wrong_side(n) for n in swapped), false
    assert not [f for q in questions.values() for f in q.lint if f.severity == "error"]


def test_lint_flags_a_curated_question_with_a_number_the_bound_makes_true(tmp_path):
    from quizgen.generate.lint import check_bound
    from quizgen.model import Choice, Question, SourceRef

    bank = write_bank(tmp_path, [{"id": "q", "kind": "quantity", "answer": "600",
                                  "statement": "Developers trained over 600 derivative models in the first week.",
                                  "value": {"number": 600, "unit": "models", "qualifier": "over"}}])
    fact = bank.facts[0]
    source = SourceRef(quote=fact.statement, article_title="t", publisher="", date="", url="", line=1)
    question = Question(id="q.mc", fact_id="q", fact_ids=["q"], kind="multiple_choice", stem="Over how many models?",
                        choices=[Choice(text=t, correct=t == "600", feedback="") for t in ("150", "600", "900", "2,400")],
                        answer="600", explanation="", source=source)
    assert [code for code, _, message in check_bound(question, fact, None) if "150" in message] == ["also-true"]


def test_a_first_name_after_a_kin_word_gets_first_names_of_its_sex(tmp_path):
    # "his daughter ______" (Linda): not surnames ("his daughter Warren"), nor men's first names
    bank = write_bank(tmp_path, [
        entity_fact("linda", "In 1951 Oliver Brown tried to enroll his daughter Linda in the school.", "Linda", "person"),
        entity_fact("warren", "Earl Warren read the decision, and he called it unanimous.", "Earl Warren", "person"),
        entity_fact("mamie", "Mamie Clark tested the children, and she used dolls.", "Mamie Clark", "person"),
        entity_fact("ruby", "Ruby Bridges went to school in 1960, and she was six.", "Ruby Bridges", "person"),
        entity_fact("rosa", "Rosa Parks refused to give up her seat, and she was arrested.", "Rosa Parks", "person"),
    ])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["linda.mc"])
    assert sorted(wrong) == ["Mamie", "Rosa", "Ruby"], wrong


def test_georgia_is_told_apart_by_its_town_and_stands_in_for_no_country(tmp_path):
    from quizgen.generate.places import town_in_region
    from quizgen.generate.text import name_sort

    questions = _town_bank(tmp_path, "The treaty was signed in Tbilisi, Georgia, in 1921.", "Tbilisi")
    _, wrong = split(questions["key.mc"])
    assert all(town_in_region(town, ("GE", "")) for town in wrong), wrong
    assert name_sort("Georgia", "place") not in (name_sort("Somalia", "place"), name_sort("Ohio", "place"))


def test_by_a_date_gets_only_earlier_dates(tmp_path):
    # "By 1906 yellow fever had been wiped out": by 1907 as well, so only earlier years are wrong
    bank = write_bank(tmp_path, [dict(_HOMES), {"id": "d", "kind": "date", "answer": "1906",
                                                "statement": "By 1906 yellow fever had been wiped out in the zone.",
                                                "value": {"date": "1906", "precision": "year"}}])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["d.mc"])
    assert all(int(w) < 1906 for w in wrong), wrong
    assert int(re.search(r"\d{4}", questions["d.tf-false"].stem).group(0)) < 1906


@pytest.mark.parametrize("statement, answer, earlier_wrong", [
    ("Since 2003 the museum has asked several times for the stone.", "2003", True),
    ("The wall stood until 1989 in the city centre.", "1989", False),
    ("The firm did not expect to release the model before 2026 at the earliest.", "2026", False),
])
def test_since_until_and_not_before_get_dates_on_their_wrong_side(tmp_path, statement, answer, earlier_wrong):
    bank = write_bank(tmp_path, [dict(_HOMES), {"id": "d", "kind": "date", "answer": answer, "statement": statement,
                                                "value": {"date": answer, "precision": "year"}}])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["d.mc"])
    assert all((int(w) < int(answer)) == earlier_wrong for w in wrong), wrong


# -- round 8 (tests/data/articles/SOURCES.md) -------------------------------------------------------

@pytest.mark.parametrize("fact_id, statement, answer, precision, bound", [
    # a wrong date stays on the key's side of every other date of its sentence
    ("stop", "A first attempt in 1881 was stopped in 1882 because of fears of invasion.", "1882", "year",
     lambda d: d[0] > 1881),
    ("second", "Three versions survive: the First Quarto of 1603, the Second Quarto of 1604 and the Folio of 1623.",
     "1604", "year", lambda d: 1603 < d[0] < 1623),
    ("argued", "The case was first argued in December 1952 and argued again in December 1953.", "December 1952",
     "month", lambda d: d < (1953, 12, 0)),
    ("decade", "Ann Lowe described the cycle in the 1950s and received the prize in 1961.", "1961", "year",
     lambda d: d[0] > 1959),
])
def test_a_date_stays_on_its_side_of_the_sentence_s_other_dates(tmp_path, fact_id, statement, answer, precision, bound):
    date = {"year": answer, "month": "1952-12"}[precision]
    bank = write_bank(tmp_path, [dict(_HOMES), date_fact(fact_id, statement, answer, date, precision)])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions[f"{fact_id}.mc"])
    assert all(bound(parse_date(w)[1]) for w in wrong), wrong


def test_a_count_stays_on_its_side_of_the_sentence_s_other_counts_of_its_sort(tmp_path):
    # "received ______ nominations and won 11 Oscars": no 9; but "757 millimetres wide" bounds no weight
    bank = write_bank(tmp_path, [
        quantity_fact("noms", "At the 70th awards in 1998 the film received 14 nominations and won 11 Oscars.", "14", 14,
                      None, "nominations"),
        quantity_fact("weight", "The stone is 1,123 millimetres high and 757 millimetres wide, and it weighs about "
                      "760 kilograms.", "760", 760, None, "kilograms", qualifier="about"),
        quantity_fact("fine", "She was fined $10, plus $4 in court costs.", "$4", 4, None, "dollars")])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["noms.mc"])
    assert all(11 < parse_quantity(w) for w in wrong), wrong
    _, wrong = split(questions["weight.mc"])
    assert len(wrong) == 3 and not all(757 < parse_quantity(w) < 1123 for w in wrong), wrong
    _, wrong = split(questions["fine.mc"])
    assert all(parse_quantity(w) < 10 for w in wrong), wrong


def test_a_one_word_given_name_gets_given_names_not_surnames(tmp_path):
    # "the 100-year-old ______" (Rose) offered "Cameron" and "DiCaprio", the surnames of the film's makers
    facts = [entity_fact("rose", "Gloria Stuart played the older Rose, who tells the story.", "Rose", "person"),
             entity_fact("jack", "In the film Leonardo DiCaprio played Jack, a poor artist.", "Jack", "person"),
             entity_fact("cal", "Billy Zane played Cal, a rich heir.", "Cal", "person"),
             entity_fact("ross", "The film was edited by Ann Ross in 1997.", "Ann Ross", "person"),
             entity_fact("hale", "The score was written by Tom Hale in 1997.", "Tom Hale", "person"),
             entity_fact("lamb", "The ship was drawn by Kit Lamb in 1996.", "Kit Lamb", "person")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    given = {"Jack", "Cal"}
    if "rose.mc" in questions:  # (two given names are too few for three wrong choices)
        _, wrong = split(questions["rose.mc"])
        assert set(wrong) <= given, wrong
    assert questions["rose.tf-false"].stem.split("the older ")[1].split(",")[0] in given
    # a surname key still gets surnames
    assert questions["hale.tf-false"].stem.split("written by ")[1].split(" in")[0] in {"Ann Ross", "Kit Lamb"}


def test_a_slot_after_a_town_and_in_gets_no_towns(tmp_path):
    # "links Folkestone in ______, England" (Kent): the slot holds a county, so towns are no choices
    questions = _town_bank(tmp_path, "The tunnel links Folkestone in Kent, England, with Calais.", "Kent")
    assert "key.mc" not in questions
    assert "key.cloze" in questions


def test_a_town_is_never_offered_under_its_own_longer_name(tmp_path):
    # GeoNames calls Frankfurt "Frankfurt am Main": "in Frankfurt am Main, Germany" is no false statement
    questions = _town_bank(tmp_path, "The bank is managed from an office in Frankfurt, Germany, since 1998.", "Frankfurt")
    _, wrong = split(questions["key.mc"])
    assert not [w for w in wrong if w.startswith("Frankfurt")], wrong
    assert "Frankfurt am Main" not in questions["key.tf-false"].stem


def test_a_name_of_a_house_has_no_surname(tmp_path):
    # "Princess Victoria of Saxe-Coburg-Saalfeld" gave "Saxe-Coburg-Saalfeld died of typhoid fever"
    bank = write_bank(tmp_path, [
        entity_fact("albert", "Albert died of typhoid fever in December 1861.", "Albert", "person"),
        entity_fact("mother", "She was raised by Princess Victoria of Saxe-Coburg-Saalfeld.",
                    "Victoria of Saxe-Coburg-Saalfeld", "person")])
    texts = [q.stem for q in generate_questions(bank)]
    assert not [t for t in texts if t.startswith("Saxe-Coburg-Saalfeld")], texts


def test_a_town_beside_its_own_part_is_no_choice(tmp_path):
    # "Bridgeport | *New Haven | North Stamford | Stamford": a near-duplicate pair
    from quizgen.generate.places import region_of, towns_like

    towns = towns_like("Stamford", region_of("Connecticut"), 6)
    assert not [t for t in towns if "Stamford" in t], towns
    towns = towns_like("New Haven", region_of("Connecticut"), 12)
    words = [t.split() for t in towns]
    assert not [(a, b) for a in words for b in words if a != b and (a[-len(b):] == b or a[:len(b)] == b)], towns


def test_a_surname_key_gets_no_first_names_and_a_title_asks_for_a_surname(tmp_path):
    # "Who wrote the first version? Austen | Collins | Elizabeth | Jane"; "Mrs Elizabeth wants her daughters ..."
    facts = [entity_fact("austen", "Austen wrote the first version in 1797.", "Austen", "person"),
             entity_fact("mrs", "Mrs Bennet wants her daughters to marry.", "Bennet", "person"),
             entity_fact("jane", "The novel was written by Jane Austen in 1797.", "Jane Austen", "person"),
             entity_fact("liz", "The heroine is Elizabeth Bennet of Longbourn.", "Elizabeth Bennet", "person"),
             entity_fact("eliza", "In the end Elizabeth marries for love.", "Elizabeth", "person"),
             entity_fact("collins", "The estate passes to Mr Collins, a cousin.", "Collins", "person"),
             entity_fact("egerton", "The rights were sold to Thomas Egerton in 1812.", "Thomas Egerton", "person"),
             entity_fact("firth", "Darcy was played by Colin Firth in 1995.", "Colin Firth", "person")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    for qid in ("austen.mc", "mrs.mc"):
        _, wrong = split(questions[qid])
        assert not {"Elizabeth", "Jane", "Thomas", "Colin"} & set(wrong), wrong
    assert "Mrs Elizabeth" not in questions["mrs.tf-false"].stem


def test_a_doctrine_is_not_swapped_with_a_person_the_bank_could_not_class(tmp_path):
    facts = [entity_fact("stoa", "Stoicism is a school of philosophy founded in Athens.", "Stoicism", "concept"),
             entity_fact("led", "The school was later led by Cleanthes of Assos.", "Cleanthes", "concept"),
             entity_fact("cyn", "Cynicism was an older school of philosophy.", "Cynicism", "concept"),
             entity_fact("epi", "Epicureanism was a rival school in Athens.", "Epicureanism", "concept")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    assert "Cleanthes" not in questions["stoa.tf-false"].stem
    assert "Stoicism" not in questions["led.tf-false"].stem if "led.tf-false" in questions else True


def test_both_sides_of_a_measure_share_its_unit(tmp_path):
    # "The painting measures 73.7 by ______ centimetres": no 41.4 or 64.5
    bank = write_bank(tmp_path, [
        quantity_fact("w", "The painting measures 73.7 by 92.1 centimetres.", "92.1", 92.1, None, "centimetres"),
        quantity_fact("h", "The museum holds 1,500 other paintings.", "1,500", 1500, None, "paintings"),
        quantity_fact("k", "The painter made 860 oil paintings.", "860", 860, None, "paintings")])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["w.mc"])
    assert all(parse_quantity(w) > 73.7 for w in wrong), wrong


# -- round 13 (tests/data/articles/SOURCES.md) ------------------------------------------------------

def test_a_place_after_the_island_of_is_an_island(tmp_path):
    # "The British exiled Napoleon to the island of Paris": only names the bank calls islands fit
    facts = [entity_fact("helena", "The British exiled Napoleon to the island of Saint Helena in 1815.", "Saint Helena", "place"),
             entity_fact("elba", "In 1814 Napoleon was sent to the island of Elba.", "Elba", "place"),
             entity_fact("corsica", "Napoleon was born on the island of Corsica in 1769.", "Corsica", "place"),
             entity_fact("jena", "His armies won at Jena in 1806.", "Jena", "place"),
             entity_fact("paris", "He was crowned in Paris in 1804.", "Paris", "place"),
             entity_fact("russia", "In 1812 he invaded Russia.", "Russia", "place")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    false = questions["helena.tf-false"].stem
    assert "island of Elba" in false or "island of Corsica" in false, false


def test_a_choice_whose_own_word_the_sentence_prints_is_no_choice(tmp_path):
    # "Hubble's successor, the Hubble Space Telescope, was launched": not the sentence's own subject
    facts = [entity_fact("webb", "Hubble's successor, the James Webb Space Telescope, was launched in 2021.",
                         "James Webb Space Telescope", "product"),
             entity_fact("hubble", "The Hubble Space Telescope was launched in 1990.", "Hubble Space Telescope", "product"),
             entity_fact("spitzer", "The Spitzer Space Telescope was launched in 2003.", "Spitzer Space Telescope", "product"),
             entity_fact("chandra", "The Chandra X-ray Observatory was launched in 1999.", "Chandra X-ray Observatory", "product"),
             entity_fact("kepler", "The Kepler Space Telescope was launched in 2009.", "Kepler Space Telescope", "product"),
             entity_fact("euclid", "The Euclid Space Telescope was launched in 2023.", "Euclid Space Telescope", "product")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    assert "the Hubble Space Telescope, was launched" not in questions["webb.tf-false"].stem
    _, wrong = split(questions["webb.mc"])
    assert "Hubble Space Telescope" not in wrong and len(wrong) == 3, wrong


def test_an_act_and_a_depression_are_not_swapped(tmp_path):
    # "President Barack Obama signed the Great Depression"
    facts = [entity_fact("dodd", "In July 2010 President Barack Obama signed the Dodd-Frank Act, which tightened rules.",
                         "Dodd-Frank Act", "event"),
             entity_fact("great", "The crisis was the worst since the Great Depression of the 1930s.", "Great Depression", "event"),
             entity_fact("glass", "In 1933 Congress passed the Glass-Steagall Act to separate banks.", "Glass-Steagall Act", "event"),
             entity_fact("long", "The Long Depression began in 1873.", "Long Depression", "event")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    assert "signed the Great Depression" not in questions["dodd.tf-false"].stem
    assert "Glass-Steagall Act" in questions["dodd.tf-false"].stem
    assert "Long Depression" in questions["great.tf-false"].stem


@pytest.mark.parametrize("statement, answer, unit, limit", [
    ("Oxygen becomes a liquid at minus 183 degrees Celsius.", "183", "degrees Celsius", 273.15),
    # the unit says only "degrees": the scale after the number still counts
    ("Nitrogen freezes at minus 210 degrees Celsius.", "210", "degrees", 273.15),
    ("The air in the chamber fell to -400 °F.", "400", "degrees Fahrenheit", 459.67),
])
def test_no_temperature_below_absolute_zero(tmp_path, statement, answer, unit, limit):
    # "at minus ______ degrees Celsius: 183 | 256 | 311 | 421": nothing is colder than minus 273.15
    bank = write_bank(tmp_path, [quantity_fact("t", statement, answer, float(answer), unit=unit)])
    questions = {q.id: q for q in generate_questions(bank)}
    _, wrong = split(questions["t.mc"])
    assert len(wrong) == 3 and all(0 < parse_quantity(w) <= limit for w in wrong), wrong
    assert parse_quantity(questions["t.tf-false"].stem.split("minus ")[-1].split("-")[-1]) <= limit


def test_a_temperature_above_zero_is_not_bounded(tmp_path):
    bank = write_bank(tmp_path, [quantity_fact("t", "Iron melts at 1538 degrees Celsius.", "1538", 1538.0,
                                               unit="degrees Celsius")])
    _, wrong = split({q.id: q for q in generate_questions(bank)}["t.mc"])
    assert any(parse_quantity(w) > 1538 for w in wrong), wrong


def test_a_slot_before_a_kind_noun_gets_only_names_written_before_it(tmp_path):
    # "a modified ______ rocket carried the satellite": Sputnik 1 is a satellite, not a rocket
    facts = [entity_fact("r7", "A modified R-7 rocket carried the satellite into orbit.", "R-7", "product"),
             entity_fact("s1", "Sputnik 1 was the first artificial satellite.", "Sputnik 1", "product"),
             entity_fact("s2", "Sputnik 2 carried a dog named Laika.", "Sputnik 2", "product"),
             entity_fact("e1", "Explorer 1 was the first American satellite.", "Explorer 1", "product"),
             entity_fact("v2", "Germany first launched a V-2 rocket in 1942.", "V-2", "product"),
             entity_fact("at", "Four Atlas rockets later carried astronauts.", "Atlas", "product")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    assert "r7.mc" not in questions or set(split(questions["r7.mc"])[1]) <= {"V-2", "Atlas"}
    false = questions["r7.tf-false"].stem
    assert "V-2 rocket" in false or "Atlas rocket" in false, false
    # without a kind noun after the slot, any product of the bank may stand in
    _, wrong = split(questions["s2.mc"])
    assert {"Sputnik 1", "Explorer 1"} & set(wrong), wrong


def test_no_false_statement_where_the_rest_of_the_sentence_names_the_answer(tmp_path):
    # "The expedition led by Umberto Nobile arrived 34 days later, and Scott and his companions died"
    facts = [entity_fact("led", "The British expedition led by Robert Falcon Scott arrived 34 days later, and Scott "
                                "and his four companions died on the way back.", "Robert Falcon Scott", "person"),
             entity_fact("n", "The airship was built by Umberto Nobile.", "Umberto Nobile", "person"),
             entity_fact("e", "The flight was paid for by Lincoln Ellsworth.", "Lincoln Ellsworth", "person"),
             entity_fact("a", "The ship was bought by Roald Amundsen.", "Roald Amundsen", "person")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    assert "led.tf-false" not in questions
    assert "n.tf-false" in questions  # (a name printed once is no leak)
    # and the blanked questions fail lint: "led by ______ arrived ..., and Scott and his ... died"
    for form in ("led.mc", "led.cloze"):
        assert "answer-leak" in [f.code for f in questions[form].lint if f.severity == "error"], form
    assert not [f for f in questions["n.cloze"].lint if f.code == "answer-leak"]


def test_an_age_stays_below_the_oldest_anyone_has_lived(tmp_path):
    bank = write_bank(tmp_path, [quantity_fact("age", "Gloria Stuart played the 100-year-old Rose, who tells the story.",
                                               "100", 100.0, unit="years")])
    questions = {q.id: q for q in generate_questions(bank)}
    shown = [c.text for q in questions.values() for c in q.choices if q.kind == "multiple_choice"]
    shown += [questions["age.tf-false"].stem.split("the ")[1].split("-year")[0]] if "age.tf-false" in questions else []
    assert all(parse_quantity(t) <= 115 for t in shown), shown


def test_a_name_in_the_plural_is_no_choice_for_the_singular(tmp_path):
    # "An injury kept Pelé out of most of the 1962 World Cups" was a false statement
    facts = [entity_fact("cup", "An injury kept Pelé out of most of the 1962 World Cup.", "World Cup", "event"),
             entity_fact("cups", "Pelé is the only player to have won three World Cups.", "World Cups", "event"),
             entity_fact("lib", "Santos won the Copa Libertadores in 1962.", "Copa Libertadores", "event")]
    questions = generate_questions(write_bank(tmp_path, facts))
    texts = [c.text for q in questions if q.fact_id == "cup" for c in q.choices] + \
        [q.stem for q in questions if q.id == "cup.tf-false"]
    assert not [t for t in texts if "World Cups" in t], texts


def test_a_first_name_says_the_sex_where_the_bank_does_not(tmp_path):
    # "Charles Babbage, Countess of Lovelace, was ..." had been a false statement
    facts = [entity_fact("ada", "Augusta Ada King, Countess of Lovelace, was an English mathematician.",
                         "Augusta Ada King", "person"),
             entity_fact("cb", "The engine was designed by Charles Babbage.", "Charles Babbage", "person"),
             entity_fact("lm", "The translation was read by Luigi Menabrea.", "Luigi Menabrea", "person"),
             entity_fact("am", "The school was run by Anne Milbanke.", "Anne Milbanke", "person")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    assert questions["ada.tf-false"].stem.startswith("Anne Milbanke, Countess"), questions["ada.tf-false"].stem


def test_mrs_takes_any_family_name(tmp_path):
    # a family name carries no sex: "Mrs Egerton" may be Thomas Egerton's wife
    facts = [entity_fact("b", "Mrs Bennet wants her daughters to marry wealthy men.", "Bennet", "person"),
             entity_fact("e", "The novel was published by Thomas Egerton.", "Thomas Egerton", "person"),
             entity_fact("f", "The film starred Colin Firth.", "Colin Firth", "person"),
             entity_fact("a", "The novel was written by Jane Austen.", "Jane Austen", "person")]
    questions = {q.id: q for q in generate_questions(write_bank(tmp_path, facts))}
    _, wrong = split(questions["b.mc"])
    assert set(wrong) == {"Egerton", "Firth", "Austen"}, wrong


def test_an_earthquake_magnitude_gets_tenths_not_ratios(tmp_path):
    # "an earthquake of magnitude ______: 6.3 | 9.0 | 12.6 | 20.7" (no quake has passed 9.5)
    from helpers_generate import quantity_fact, write_bank

    bank = write_bank(tmp_path, [
        quantity_fact("q", "On March 11, 2011, an earthquake of magnitude 9.0 struck off the coast of Tarvo.", "9.0", 9.0),
        quantity_fact("r", "A 7.8-magnitude earthquake struck Kellis in 2015.", "7.8", 7.8)])
    choices = {q.fact_id: [float(c.text) for c in q.choices] for q in generate_questions(bank)
               if q.kind == "multiple_choice"}
    for fact_id, key in (("q", 9.0), ("r", 7.8)):
        assert len(choices[fact_id]) == 4
        assert all(abs(c - key) <= 2.0 and c <= 9.6 for c in choices[fact_id]), choices[fact_id]
