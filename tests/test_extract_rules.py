"""One table per extractor rule found on unseen articles (Apollo 11, Panama Canal, Mount Everest,
Jesse Owens). Each row is a small text of its own, never a sentence of those articles' special case."""

from __future__ import annotations

import pytest

from quizgen.extract import draft_candidates, draft_facts
from quizgen.extract.document import parse_document
from quizgen.extract.entities import EntityIndex, find_mentions
from quizgen.extract.quantities import find_quantities


def _candidates(text: str):
    return draft_candidates(parse_document(text, markdown=False))


def _statements(text: str, kind: str | None = None) -> list[str]:
    return [c.statement for c in _candidates(text) if kind is None or c.kind == kind]


# -- compound measures are one quantity or none ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("He stepped out six hours and 39 minutes later.", []),
    ("The flight lasted 6 hours 39 minutes.", []),
    ("They spent about two and a quarter hours outside.", []),
    ("The building took two and a half years to finish.", []),
    ("The boy was 3 ft 2 in tall.", []),
    ("The peak is 8,848.86 metres, or 29,031 ft 8 in, high.", [("8,848.86", "metres")]),
    ("The jump measured 8.13 metres (26 ft 8 in), and the record stood for 25 years.",
     [("8.13", "metres"), ("25", "years")]),
    ("They collected 47.5 pounds of rock in 3 hours.", [("47.5", "pounds"), ("3", "hours")]),
    ("The shield has five layers and 18 segments.", [("five", "layers"), ("18", "segments")]),
])
def test_compound_measures_are_not_split(text, expected):
    assert [(m.text, m.value.unit) for m in find_quantities(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Two years later, Messner climbed it alone.", []),  # a relative time, not a quantity
    ("The army left three days before the battle.", []),
    ("It was named one of the Seven Wonders of the Modern World.", []),  # a number word in a name
    ("Three ships sank in the storm.", [("Three", "ships")]),  # a capital at the sentence start is fine
    ("Sales grew for two years in a row.", [("two", "years")]),
])
def test_relative_times_and_number_words_in_names(text, expected):
    assert [(m.text, m.value.unit) for m in find_quantities(text)] == expected


# -- he/his means the person the text is about, not whoever was named last ------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("Jesse Owens was an American athlete who won four gold medals. In 1976 President Gerald Ford awarded "
     "him a medal. Owens died of lung cancer on March 31, 1980. In 1990 he was awarded the Gold Medal "
     "by President George Bush.", "Gerald Ford was awarded", "Jesse Owens was awarded"),
    ("Marie Curie was a physicist who studied radioactivity. The chemist Henri Becquerel had found the "
     "rays before her. His work was published in 1896.", None, "Henri Becquerel's work was published"),
    ("Ada Lovelace was an English mathematician who wrote about engines. She met Charles Babbage in 1833. "
     "Her notes were published in 1843.", "Charles Babbage's notes", "Ada Lovelace's notes"),
    # "The first patient was X": the person the sentence is about, though not its grammatical subject
    ("Howard Florey led the team in Oxford. The first patient was Albert Alexander, a police constable. "
     "He was treated in February 1941.", "Howard Florey was treated", "Albert Alexander was treated"),
])
def test_pronouns_follow_the_subject_not_the_last_name(text, wrong, right):
    statements = " ".join(_statements(text))
    if wrong:
        assert wrong not in statements
    assert right in statements


def test_bare_surname_of_a_person_named_twice_means_the_subject():
    index = EntityIndex()
    for sentence in ["Jesse Owens was an athlete.", "James Cleveland Owens was born in 1913.",
                     "In 1936 Owens won four medals."]:
        for mention in find_mentions(sentence, {"Owens"}):
            index.add(mention, sentence)
    index.merge_short_names()
    assert index.resolve("Owens").name == "Jesse Owens"


# -- a definite description opening a statement is named ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the topic's own head word
    ("The Panama Canal is a waterway in Panama. Ships pay tolls. The canal opened on August 15, 1914.",
     "The Panama Canal opened on August 15, 1914."),
    # the topic as the first sentence called it
    ("Mount Everest is Earth's highest mountain above sea level. It is in Nepal. Climbers come every year. "
     "The mountain was measured in 1852.", "Mount Everest was measured in 1852."),
    # a subject phrase keeps its head noun before a clause in commas ("The Krebs cycle, which ...")
    ("The Krebs cycle, which takes place in the mitochondria, releases energy. It is named after the chemist "
     "Hans Krebs, who received the Nobel Prize in 1953.",
     "The Krebs cycle is named after the chemist Hans Krebs, who received the Nobel Prize in 1953."),
    # ... where a participle follows the noun ("a space probe launched by NASA")
    ("Mariner 4 is a space probe launched by NASA to study Mars. It reached Mars in 1965. "
     "The probe weighed about 260 kilograms at launch.", "Mariner 4 weighed about 260 kilograms at launch."),
    # a mission/crew of a topic that is not a person
    ("Apollo 11 was the American spaceflight that first landed humans on the Moon. Collins stayed in orbit. "
     "The mission was run by NASA, which had been founded in 1958.",
     "The Apollo 11 mission was run by NASA, which had been founded in 1958."),
    ("Apollo 11 was the American spaceflight that first landed humans on the Moon. It was a success. "
     "The crew was later awarded the Presidential Medal of Freedom.",
     "The Apollo 11 crew was later awarded the Presidential Medal of Freedom."),
    # a name ending in that word just before
    ("Engineers built the Gatun Dam across the Chagres River. The dam created a lake in 1913.",
     "The Gatun Dam created a lake in 1913."),
    # the fuller phrase of the sentence just before
    ("Owens was added to the relay team on the morning of the race. The team set a world record of 39.8 seconds.",
     "The relay team set a world record of 39.8 seconds."),
])
def test_definite_descriptions_are_resolved(text, expected):
    assert expected in _statements(text)


def test_unknown_definite_description_is_left_alone():
    text = "Paris is a city in France. The museum opened in 1793."
    assert "The museum opened in 1793." in _statements(text, "date")


# -- the main clause's subject, not a subordinate mention -----------------------------------------

@pytest.mark.parametrize("text, main, background", [
    ("Michael Collins flew the command module Columbia alone in lunar orbit while Neil Armstrong and Buzz "
     "Aldrin were on the surface.", "Michael Collins", "Buzz Aldrin"),
    ("Roald Amundsen reached the South Pole in 1911 although Robert Scott was close behind.", "Roald Amundsen",
     "Robert Scott"),
])
def test_main_clause_subject_ranks_above_subordinate_mentions(text, main, background):
    by_answer: dict[str, float] = {}
    for c in _candidates(text):
        if c.kind == "entity":
            by_answer[c.answer] = max(by_answer.get(c.answer, 0), c.confidence)
    assert by_answer[main] > by_answer[background]


def test_first_person_to_do_something_is_drafted_with_a_who_prompt():
    text = ("Apollo 11 was a spaceflight. Neil Armstrong said his step was \"one small step for man, one giant "
            "leap for mankind.\" Armstrong became the first person to step onto the lunar surface on July 21, 1969.")
    facts = [d.fact for d in draft_facts(parse_document(text, markdown=False))]
    first = next(f for f in facts if f.kind == "entity" and "first person" in f.statement)
    assert first.answer == "Neil Armstrong"
    assert first.prompt == "Who became the first person to step onto the lunar surface on July 21, 1969?"


@pytest.mark.parametrize("statement_start, prompt", [
    ("Michael Collins flew the command module", "Who flew the command module Columbia alone in lunar orbit?"),
    ("Theodore Roosevelt made", "Who made the canal a national priority?"),
])
def test_who_prompts_for_person_subjects(statement_start, prompt):
    text = ("The canal is a waterway. President Theodore Roosevelt made the canal a national priority. "
            "Michael Collins flew the command module Columbia alone in lunar orbit.")
    found = {c.prompt for c in _candidates(text) if c.kind == "entity" and c.prompt}
    assert prompt in found


def test_no_who_prompt_when_the_rest_needs_a_pronoun():
    text = "The race was in Berlin. The German jumper Luz Long gave him advice during the qualifying round."
    assert not any(c.prompt for c in _candidates(text) if c.kind == "entity")


# -- entity classes and spans ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name, cls", [
    ("It was launched by a Saturn V rocket from Florida.", "Saturn V", "product"),
    ("Collins flew the command module Columbia alone.", "Columbia", "product"),
    ("His story was told in the film Race, in 2016.", "Race", "product"),
    ("He was born in Oakville, Alabama, in 1913.", "Oakville", "place"),
    ("The meet was held in Ann Arbor, Michigan, that day.", "Ann Arbor", "place"),
    ("The crew was awarded the Presidential Medal of Freedom.", "Presidential Medal of Freedom", "event"),
    ("In 1911 she received a second Nobel Prize, this time in Chemistry, for radium.", "Chemistry", "concept"),
    ("She lectured in Paris, this time in French.", "Paris", "place"),
    # a title's "of" names its see or realm, and an office's "for" its portfolio, not a person
    ("The Bishop of Lincoln, Hugh Baxter, signed the charter.", "Lincoln", "place"),
    # a country no hand-made list has: ISO 3166's names
    ("In 1966 Botswana joined the Commonwealth of Nations.", "Botswana", "place"),
    ("The Minister for Public Works, Davis Hughes, refused to pay.", "Public Works", "concept"),
])
def test_entity_classes_from_context(sentence, name, cls):
    index = EntityIndex()
    for mention in find_mentions(sentence):
        index.add(mention, sentence)
    assert index.resolve(name) is not None, [m.text for m in find_mentions(sentence)]
    assert index.resolve(name).entity_class == cls


@pytest.mark.parametrize("sentence, names", [
    ("Owens won the 200 metres and the 4 × 100 metres relay.", []),
    ("It left from Kennedy Space Center on Merritt Island, Florida.", ["Kennedy Space Center", "Merritt Island", "Florida"]),
    ("Experts of the Intergovernmental Panel on Climate Change agreed.", ["Intergovernmental Panel on Climate Change"]),
    # mid-sentence, "He" before a name is a surname
    ("In 2018 the Chinese scientist He Jiankui announced the result.", ["He Jiankui"]),
    # a regnal "I" is no pronoun
    ("He moved to France at the invitation of King Francis I.", ["France", "Francis I"]),
    ("In Paris I saw the painting.", ["Paris"]),
    # a court case is one name, "Justice" a title, and "Southern" of "Southern states" an adjective
    ("In 1896, in Plessy v. Ferguson, the court accepted it.", ["Plessy v. Ferguson"]),
    ("On May 17, 1954, Chief Justice Earl Warren read the decision.", ["Earl Warren"]),
    ("Many Southern states resisted the Southern Ocean plan.", ["Southern Ocean"]),
])
def test_mention_spans(sentence, names):
    assert [m.text for m in find_mentions(sentence)] == names


def test_definite_description_not_resolved_when_the_name_would_give_the_answer_away():
    text = "Engineers built the Gatun Dam across the Chagres River. The dam created Gatun Lake in 1913."
    assert "The dam created Gatun Lake in 1913." in _statements(text, "date")


@pytest.mark.parametrize("text, answer", [
    ("The first patient was Albert Alexander, a police constable.", "Albert Alexander"),
    ("The main contractor was Northrop Grumman.", "Northrop Grumman"),
])
def test_a_name_after_was_is_not_the_subject(text, answer):
    assert answer in [c.answer for c in _candidates(text) if c.kind == "entity"]


# -- a coordinated part with its pronoun named ----------------------------------------------------

@pytest.mark.parametrize("text, statement", [
    ("Armstrong and Aldrin spent two hours outside, and they collected 47.5 pounds of rock.",
     "Armstrong and Aldrin collected 47.5 pounds of rock."),
    ("Marie Curie moved to Paris, and she won the Nobel Prize in 1903.", "Marie Curie won the Nobel Prize in 1903."),
    # the name in apposition, not the description before it ("A Dutch was hanged")
    ("A Dutch sailor, Piet Hein, confessed that he had sunk the ship, and he was hanged at Delft on May 3, 1650.",
     "Piet Hein was hanged at Delft on May 3, 1650."),
])
def test_pronoun_part_is_narrowed_and_named(text, statement):
    assert statement in _statements(text)


def test_pronoun_part_needs_a_fitting_subject():
    # "he" cannot be "The canal", "they" needs two names
    text = "The canal opened in 1914, and he paid 36 cents to swim it."
    assert not any(s.startswith("The canal paid") for s in _statements(text))


# -- the people of a sentence before carry on: "They", "The pair" ---------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Edmund Hillary of New Zealand and the Sherpa climber Tenzing Norgay reached the summit in 1953. "
     "They were members of a British expedition led by John Hunt.",
     "Edmund Hillary and Tenzing Norgay were members of a British expedition led by John Hunt."),
    ("Edmund Hillary and Tenzing Norgay reached the summit in 1953. The pair spent about 15 minutes there.",
     "Edmund Hillary and Tenzing Norgay spent about 15 minutes there."),
])
def test_pairs_of_people_are_named(text, expected):
    assert expected in _statements(text)


def test_person_of_place_is_two_names_and_a_bare_first_name_is_the_person():
    assert [m.text for m in find_mentions("Edmund Hillary of New Zealand arrived.")] == ["Edmund Hillary", "New Zealand"]
    assert [m.text for m in find_mentions("It was the University of Oxford.")] == ["University of Oxford"]
    index = EntityIndex()
    for sentence in ["The climber Tenzing Norgay reached the top.", "Later, Tenzing left some sweets."]:
        for mention in find_mentions(sentence, {"Tenzing"}):
            index.add(mention, sentence)
    index.merge_short_names()
    assert index.resolve("Tenzing").name == "Tenzing Norgay"


# -- names, terms and reasons -----------------------------------------------------------------------

def test_sentence_start_common_noun_is_no_name():
    text = "The army engineer led the work. Engineers also built the Gatun Dam across the river in 1910."
    assert "Engineers" not in [c.answer for c in _candidates(text)]


@pytest.mark.parametrize("text, term", [
    ("Small locomotives called mules run on rails beside the locks.", "mules"),
    ("The society named it after George Everest in 1865.", None),
    ("The peak then known as Peak XV was measured.", "Peak XV"),
])
def test_named_terms(text, term):
    terms = [c.answer for c in _candidates(text) if c.kind == "definition"]
    assert terms == ([term] if term else [])


@pytest.mark.parametrize("text, quantities", [
    ("Owens won the 100 metres, the long jump, the 200 metres and the 4 × 100 metres relay.", []),
    ("The lake lies 26 metres above the sea.", ["26"]),
])
def test_races_and_formulas_are_no_quantities(text, quantities):
    assert [m.text for m in find_quantities(text)] == quantities


@pytest.mark.parametrize("text, reason", [
    ("The Himalayas formed when the Indian Plate collided with the Eurasian Plate, and the range still rises.",
     "when the Indian Plate collided with the Eurasian Plate"),
    ("Because doctors had learned that mosquitoes spread yellow fever, his teams drained the swamps.",
     "Because doctors had learned that mosquitoes spread yellow fever"),
])
def test_reasons(text, reason):
    assert reason in [c.answer for c in _candidates(text) if c.kind == "cause"]


def test_allowed_to_is_no_purpose():
    text = "As a student he was not allowed to live on campus in 1935."
    assert not [c for c in _candidates(text) if c.kind == "cause"]


def test_an_announcement_is_a_deed_not_an_attribution():
    text = "The deal was signed in 2015. President Donald Trump announced the first withdrawal in June 2017."
    assert "Donald Trump" in [c.answer for c in _candidates(text) if c.kind == "entity"]


@pytest.mark.parametrize("text, quantities", [
    ("A typical transit takes between 8 and 10 hours.", []),
    ("The tickets cost 5-10 dollars each.", []),
    ("Each spider has 8 to 10 eyes.", []),
    ("The budget grew to 25 billion dollars in 1965.", ["25 billion"]),
])
def test_ranges_are_not_split_into_two_quantities(text, quantities):
    assert [m.text for m in find_quantities(text)] == quantities


@pytest.mark.parametrize("text, statement", [
    ("The mission was run by NASA, which had been founded in 1958.", "NASA was founded in 1958."),
    ("Ships are raised to Gatun Lake, which lies 26 metres above the sea, and lowered again.",
     "Gatun Lake lies 26 metres above the sea."),
])
def test_number_or_date_in_a_which_clause_is_a_fact_about_its_name(text, statement):
    assert statement in _statements(text)


@pytest.mark.parametrize("sentence, name, cls", [
    ("Mount Everest is the highest mountain above sea level.", "Mount Everest", "place"),
    ("USA Track & Field gives an award each year.", "USA Track & Field", "organisation"),
])
def test_more_entity_classes(sentence, name, cls):
    index = EntityIndex()
    for mention in find_mentions(sentence, {name.split()[0]}):
        index.add(mention, sentence)
    assert index.resolve(name).entity_class == cls


@pytest.mark.parametrize("text, expected", [
    # an object "him" when another person is the subject
    ("Jesse Owens was an American athlete. Owens won four gold medals in 1936. In 1976 President Gerald Ford "
     "awarded him the Presidential Medal of Freedom.",
     "In 1976 President Gerald Ford awarded Jesse Owens the Presidential Medal of Freedom."),
    # "When he ..." and "At high school in Cleveland he ..." open the statement
    ("Jesse Owens was an American athlete. When he was nine, the family moved to Cleveland, Ohio.",
     "When Jesse Owens was nine, the family moved to Cleveland, Ohio."),
    # (with a comma where the name would run on from a name: not "in Cleveland Jesse Owens")
    ("Jesse Owens was an American athlete. At high school in Cleveland he was coached by Charles Riley.",
     "At high school in Cleveland, Jesse Owens was coached by Charles Riley."),
    # a birth name of the subject reads as the name the article uses
    ("Jesse Owens was an American athlete. James Cleveland Owens was born in Alabama in 1913. "
     "He studied at Ohio State University from 1933.", "Jesse Owens studied at Ohio State University from 1933."),
])
def test_more_pronouns_are_named(text, expected):
    assert expected in _statements(text)


def test_him_is_left_when_the_statement_already_names_the_person():
    text = ("Jesse Owens was an American athlete. Owens studied at Ohio State University, where the coach Larry "
            "Snyder trained him in 1934.")
    assert not any("trained Jesse Owens" in s for s in _statements(text))


@pytest.mark.parametrize("text, expected", [
    ("In 1978 Reinhold Messner climbed Everest without oxygen. Two years later, Messner climbed it alone.",
     "In 1980, Reinhold Messner climbed it alone."),
    ("The bridge opened in 1931. A year later, the company built a second bridge.", None),  # no named subject
])
def test_relative_year_is_counted_from_the_last_year_named(text, expected):
    statements = _statements(text)
    if expected:
        assert expected in statements
    assert not any(s.startswith(("Two years later", "A year later")) and "In 19" in s for s in statements)


@pytest.mark.parametrize("text, prompt", [
    ("Everest is a mountain. The Japanese climber Junko Tabei became the first woman to reach the summit in 1975.",
     "Which Japanese climber became the first woman to reach the summit in 1975?"),
    ("The canal was dug by hand. The medical officer William C. Gorgas fought the diseases of the French.",
     "Which medical officer fought the diseases of the French?"),
])
def test_which_prompt_for_a_described_person(text, prompt):
    assert prompt in [c.prompt for c in _candidates(text) if c.kind == "entity"]


def test_event_named_by_its_last_word_and_country_under_another_name():
    index = EntityIndex()
    for sentence in ["He won four medals at the 1936 Summer Olympics in Berlin.",
                     "At the 1936 Olympics, he won the long jump.", "His victories in Nazi Germany made him famous."]:
        for mention in find_mentions(sentence):
            index.add(mention, sentence)
    index.merge_short_names()
    assert index.resolve("Olympics").name == "Summer Olympics"
    assert index.resolve("Nazi Germany").entity_class == "place"


def test_he_after_several_opening_phrases():
    text = ("Jesse Owens was an American athlete. On May 25, 1935, at a Big Ten meet in Ann Arbor, Michigan, he set "
            "three world records.")
    assert ("On May 25, 1935, at a Big Ten meet in Ann Arbor, Michigan, Jesse Owens set three world records."
            in _statements(text))


@pytest.mark.parametrize("text, answer, prompt", [
    ("Everest is a mountain. Edmund Hillary of New Zealand and the Sherpa climber Tenzing Norgay reached the "
     "summit on May 29, 1953.", "Edmund Hillary",
     "Who reached the summit on May 29, 1953, with the Sherpa climber Tenzing Norgay?"),
    ("Mallory was British. The British climbers George Mallory and Andrew Irvine disappeared in June 1924.",
     "George Mallory", "Who disappeared in June 1924, with Andrew Irvine?"),
])
def test_who_prompt_for_one_of_two_people(text, answer, prompt):
    prompts = {c.prompt for c in _candidates(text) if c.answer == answer and c.prompt}
    assert prompt in prompts
    assert not any(p.startswith(("Who of", "Who and", "Which British climbers")) for p in prompts)


def test_a_craft_is_named_by_its_own_name():
    mentions = find_mentions("Armstrong and Aldrin landed the Apollo Lunar Module Eagle on July 20, 1969.")
    assert "Eagle" in [m.text for m in mentions]
    assert "Apollo Lunar Module Eagle" not in [m.text for m in mentions]


# -- a quotation's question ends with the question mark, not with the quotation's own full stop -----

@pytest.mark.parametrize("text, prompt", [
    ('Neil Armstrong said his first step was "one small step for man, one giant leap for mankind."',
     "Who said: \u201cone small step for man, one giant leap for mankind\u201d?"),
    ('"Nothing in life is to be feared, it is only to be understood," Marie Curie said.',
     "Who said: \u201cNothing in life is to be feared, it is only to be understood\u201d?"),
])
def test_who_said_prompt_drops_the_quotations_own_closing_stop(text, prompt):
    quotes = [c for c in _candidates(text) if c.kind == "quote"]
    assert [c.prompt for c in quotes] == [prompt]


@pytest.mark.parametrize("sentence, name, other", [
    ("Marie Curie (born Maria Sklodowska; 1867-1934) was a physicist.", "Marie Curie", "Maria Sklodowska"),
    ("Jesse Owens, born James Cleveland Owens, won four gold medals.", "Jesse Owens", "James Cleveland Owens"),
    ("Maria Sklodowska, better known as Marie Curie, moved to Paris.", "Maria Sklodowska", "Marie Curie"),
    ("The German Democratic Republic (GDR) built the wall.", "German Democratic Republic", "GDR"),
    ("Marie Curie (born Maria Salomea Skłodowska) moved to Paris.", "Marie Curie", "Maria Salomea Skłodowska"),
    ("Dravic Ostel (born Émile Varnet) won the prize in 1957.", "Dravic Ostel", "Émile Varnet"),
])
def test_another_name_the_sentence_gives(sentence, name, other):
    index = EntityIndex()
    index.add_sentence(find_mentions(sentence), sentence)
    assert other in index.resolve(name).other_names
    assert index.resolve(other) is index.resolve(name)


@pytest.mark.parametrize("sentence", [
    "Marie Curie (born in Warsaw) was a physicist.",
    "Marie Curie, born 7 November 1867, was a physicist.",
    "The peak then known as Peak XV was measured in 1852.",
])
def test_no_other_name_without_one(sentence):
    index = EntityIndex()
    index.add_sentence(find_mentions(sentence), sentence)
    assert not [e.other_names for e in index.entities.values() if e.other_names]


# -- found on unseen articles (Wright brothers, Chernobyl, Rosetta Stone) ---------------------------

def test_a_date_without_its_year_takes_the_year_of_the_full_date_just_before():
    # the bare year in between is another event's: "April 27" is the day after the accident
    text = ("The reactor exploded on April 26, 1986, one of two accidents of that size, the other in Japan "
            "in 2011. The town was evacuated on April 27, about 36 hours after the explosion.")
    dates = [c.value.date for c in _candidates(text) if c.kind == "date" and "evacuated" in c.statement]
    assert dates == ["1986-04-27"]


def test_a_date_long_after_the_last_full_date_takes_the_running_year():
    # months later, the bare year named in between is the one meant
    text = ("Jesse Owens set a record on May 25, 1935, in Michigan. In 1936 Owens travelled to Berlin. "
            "Owens won the final on August 3 in front of a large crowd.")
    dates = [c.value.date for c in _candidates(text) if c.kind == "date" and "final" in c.statement]
    assert dates == ["1936-08-03"]


@pytest.mark.parametrize("text", [
    "At 1:23 a.m. local time, a power surge destroyed the reactor core.",
    "The explosion happened at the No. 4 reactor of the plant in 1986.",
])
def test_clock_times_and_serial_numbers_are_no_quantities(text):
    assert not [c for c in _candidates(text) if c.kind == "quantity"]
    assert "No. 4" not in [c.answer for c in _candidates(text)]


def test_a_regnal_number_can_end_a_sentence():
    text = ("The decree was issued in 196 BC on behalf of King Ptolemy V. The top text is in hieroglyphs. "
            "President Harry S. Truman visited the museum in 1950.")
    statements = _statements(text)
    assert not any("Ptolemy V. The top" in s for s in statements)
    assert any(s.startswith("President Harry S. Truman visited") for s in statements)


def test_it_after_a_sentence_about_something_else_is_not_the_topic():
    text = ("The Chernobyl disaster was a nuclear accident in 1986. A shelter was built over the reactor in 1986. "
            "Because the shelter was decaying, a larger structure called the New Safe Confinement was slid over "
            "it in November 2016. It cost about 2.1 billion euros.")
    statements = _statements(text)
    assert not any("disaster cost" in s or "Chernobyl cost" in s for s in statements)


def test_the_topic_phrase_keeps_its_head_noun():
    text = ("The Chernobyl disaster was a nuclear accident in the Soviet Union. It is one of only two accidents "
            "rated at level seven, the other being at Fukushima in 2011.")
    assert any(s.startswith("The Chernobyl disaster is one of only two") for s in _statements(text))


def test_two_people_as_the_topic_are_both_named_and_he_is_not_either():
    text = ("Orville and Wilbur Wright were two American brothers who built the first airplane. "
            "Wilbur Wright was born on April 16, 1867, in Indiana. His younger brother Orville was born on "
            "August 19, 1871, in Ohio. The brothers studied the work of the German glider pioneer Otto "
            "Lilienthal in 1896.")
    statements = _statements(text)
    assert any(s.startswith("Orville and Wilbur Wright studied the work") for s in statements)
    assert not any(s.startswith("Orville studied") for s in statements)


def test_he_after_a_person_in_apposition_to_the_subject_means_that_person():
    text = ("Wilbur Wright was born on April 16, 1867, in Indiana. His brother Orville was born in 1871. "
            "Their father, Milton Wright, was a bishop of the church. In 1878 he brought home a toy helicopter.")
    statements = " ".join(_statements(text))
    assert "In 1878 Milton Wright brought home" in statements
    assert "Wilbur Wright brought home" not in statements


@pytest.mark.parametrize("text, expected", [
    ("Wilbur flew in France in 1908. In the same year Orville crashed at Fort Myer in Virginia.",
     "In 1908 Orville crashed at Fort Myer in Virginia."),
    ("They shared the Nobel Prize in 1945. The following year, Hodgkin was elected to the Royal Society.",
     "In 1946, Hodgkin was elected to the Royal Society."),
])
def test_the_same_year_is_named(text, expected):
    assert expected in _statements(text)


def test_washington_dc_is_one_place():
    text = "The original Flyer has been displayed at the Smithsonian Institution in Washington, D.C., since 1948."
    places = [c.answer for c in _candidates(text) if c.kind == "entity" and c.value.entity_class == "place"]
    assert places == ["Washington, D.C."]


def test_a_number_after_to_is_no_purpose():
    text = "The engineer was later sentenced to ten years in a labour camp in 1987."
    assert not [c for c in _candidates(text) if c.kind == "cause"]


def test_a_date_without_its_year_takes_the_year_its_own_sentence_writes():
    text = ("The pandemic lasted from February 1918 to April 1920. The first cases were in Kansas in March 1918, "
            "where the army cook Albert Gitchell reported sick on March 4.")
    dates = [c.value.date for c in _candidates(text) if c.kind == "date" and c.answer.startswith("March 4")]
    assert dates == ["1918-03-04"]


def test_a_city_named_after_a_saint_is_a_place_not_a_person():
    text = ("Philadelphia held a parade in 1918. St. Louis closed public places early and had far fewer "
            "deaths than Philadelphia.")
    answers = {c.answer: c.value.entity_class for c in _candidates(text) if c.kind == "entity"}
    assert "Louis" not in answers
    assert answers.get("St. Louis") == "place"


def test_it_is_never_the_person_just_named_as_subject():
    text = ("Emmanuelle Charpentier and Jennifer Doudna shared the Nobel Prize in Chemistry in 2020. "
            "It was the first time that two women had shared a science Nobel Prize.")
    assert not any("Charpentier was the first time" in s for s in _statements(text))


def test_a_name_joined_by_an_en_dash_is_one_name():
    text = "In July 2010 President Barack Obama signed the Dodd\u2013Frank Act, which tightened the regulation of banks."
    answers = [c.answer for c in _candidates(text) if c.kind == "entity"]
    assert "Dodd\u2013Frank Act" in answers and "Frank Act" not in answers


@pytest.mark.parametrize("text", [
    "The financial crisis of 2007\u20132008 was the most severe crisis since the Great Depression.",
    "The war of 1914-1918 changed the map of Europe.",
])
def test_a_year_range_is_not_a_date_of_its_first_year(text):
    assert not [c for c in _candidates(text) if c.kind == "date"]


def test_the_next_day_is_named():
    text = ("On September 15, 2008, Lehman Brothers filed for bankruptcy. The next day the Federal Reserve "
            "lent $85 billion to the insurer AIG.")
    assert "On September 16, 2008, the Federal Reserve lent $85 billion to the insurer AIG." in _statements(text)


def test_that_year_is_named():
    text = ("In 2019 fires in the Brazilian Amazon drew worldwide attention. The space agency of Brazil "
            "reported more than 80,000 fires in Brazil that year.")
    assert "The space agency of Brazil reported more than 80,000 fires in Brazil in 2019." in _statements(text)


def test_of_before_an_adjective_of_origin_ends_the_name():
    text = ("Orellana named the river after the Amazons of Greek legend in 1542. In 2019 fires in the "
            "Brazilian Amazon drew worldwide attention.")
    answers = [c.answer for c in _candidates(text) if c.kind == "entity"]
    assert "Amazons of Greek" not in answers


def test_the_city_named_after_is_is_a_place():
    text = "The largest city on the river is Manaus, in the Brazilian state of Amazonas, with two million people."
    classes = {c.answer: c.value.entity_class for c in _candidates(text) if c.kind == "entity"}
    assert classes.get("Manaus") == "place"


def test_a_score_after_a_name_is_no_version_number():
    text = "In the semi-finals on July 8, 2014, Germany beat Brazil 7\u20131 in Belo Horizonte."
    answers = [c.answer for c in _candidates(text) if c.kind == "entity"]
    assert "Brazil 7" not in answers and "Brazil" in answers


def test_a_date_without_its_year_shortly_before_the_last_full_date_takes_its_year():
    # "on July 8" after "until July 13, 2014" and a bare "after 1950" in between
    text = ("The 2014 World Cup was held in Brazil from June 12 to July 13, 2014. It was the second time "
            "that Brazil had hosted it, after 1950. In the semi-finals, Germany beat Brazil in Belo Horizonte "
            "on July 8.")
    dates = {c.answer: c.value.date for c in _candidates(text) if c.kind == "date"}
    assert dates.get("July 8, 2014") == "2014-07-08" and "June 12, 2014" in dates


def test_the_next_day_at_the_end_of_a_sentence_is_named():
    text = ("Germany beat Brazil in the semi-final on July 8, 2014. Argentina beat the Netherlands on "
            "penalties in Sao Paulo the next day.")
    assert "Argentina beat the Netherlands on penalties in Sao Paulo on July 9, 2014." in _statements(text)


@pytest.mark.parametrize("sentence, name", [
    ("The German goalkeeper Manuel Neuer won the Golden Glove in 2014.", "Manuel Neuer"),
    ("Mario Götze scored the only goal in the final in 2014.", "Mario Götze"),
    ("In 2014 James Rodríguez of Colombia won the Golden Boot.", "James Rodríguez"),
])
def test_footballers_are_people(sentence, name):
    classes = {c.answer: c.value.entity_class for c in _candidates(sentence) if c.kind in ("entity", "event")}
    assert classes.get(name) == "person", classes


@pytest.mark.parametrize("text, name", [
    ("Polonius's daughter Ophelia goes mad and drowns in the river in 1601.", "Ophelia"),
    ("By mistake he kills Polonius, the king's chief counsellor, in 1601.", "Polonius"),
])
def test_a_kin_word_before_or_a_counsellor_after_makes_a_person(text, name):
    classes = {c.answer: c.value.entity_class for c in _candidates(text) if c.kind in ("entity", "event")}
    assert classes.get(name) == "person", classes


def test_a_company_named_after_a_title_holder_is_one_name():
    text = "The role was first played by Richard Burbage, the leading actor of the Lord Chamberlain's Men, in 1600."
    answers = [c.answer for c in _candidates(text) if c.kind == "entity"]
    assert "Chamberlain" not in answers


# -- round 5 (tests/data/articles/SOURCES.md): referents and questions ----------------------------------

def test_a_company_named_in_apposition_is_not_replaced_by_the_last_company():
    text = ("Ove Arup & Partners designed the frame of the hall. "
            "The tiles were made in Sweden by the company Hoganas Tiles.")
    assert any("by the company Hoganas Tiles" in s for s in _statements(text))
    assert not any("Ove Arup & Partners Hoganas" in s for s in _statements(text))


def test_a_pronoun_after_a_full_date_is_named():
    text = ("Apollo 9 was a spaceflight. In 1969 Apollo 9 tested the lunar module in orbit. "
            "On March 13, 1969, it landed in the Atlantic Ocean.")
    assert "On March 13, 1969, Apollo 9 landed in the Atlantic Ocean." in _statements(text, "date")


def test_no_who_prompt_for_a_person_in_a_relative_clause():
    text = "The charter was sealed in 1215. The version that Henry Plantagenet issued in 1225 became law."
    prompts = [c.prompt for c in _candidates(text) if c.kind == "entity" and c.prompt]
    assert not any(p.startswith("Which version that") for p in prompts), prompts


def test_who_prompt_drops_a_second_clause_with_its_own_subject():
    text = ("The Larks were a choir in Leeds. Ann Smith founded a choir called the Larks in 1956, and Tom Brown "
            "joined it in 1957.")
    prompts = {c.prompt for c in _candidates(text) if c.kind == "entity" and c.answer == "Ann Smith"}
    assert prompts == {"Who founded a choir called the Larks in 1956?"}


def test_the_next_year_inside_a_sentence_is_named():
    text = "The Larks were a choir in Leeds. Tom Brown joined the choir in 1957. Ann Smith joined the next year."
    assert "Ann Smith joined in 1958." in _statements(text)


def test_him_with_no_person_before_it_is_the_person_the_text_is_about():
    text = ("The Chinese engineer Wen Li designed bridges in Shanghai. In 2019 a court in Beijing sentenced him to three "
            "years in prison.")
    assert "In 2019 a court in Beijing sentenced Wen Li to three years in prison." in _statements(text, "date")


@pytest.mark.parametrize("topic, kept", [
    ("The Monkees were an American band.", False),  # "it" cannot be the band: nothing says what it is
    ("The Hollywood Bowl is an amphitheatre in Los Angeles.", True),  # a reader takes "it" as the topic
])
def test_an_object_it_is_kept_only_where_the_topic_can_be_it(topic, kept):
    text = f"{topic} In 1968 a crowd of 9,000 people came. The police ended it after 42 minutes."
    assert any("ended it" in s for s in _statements(text)) == kept


# -- round 6: who "she" can be, and names in full ---------------------------------------------------

def test_she_is_never_a_man_the_article_calls_her_father():
    text = ("Ann Lowe is an American tennis player. Ann Lowe was born in Ohio in 1981. Her father, Richard Lowe, "
            "coached her from an early age. She turned professional in 1995, when she was 14.")
    statements = _statements(text, "date")
    assert "Ann Lowe turned professional in 1995, when she was 14." in statements, statements
    assert not [s for s in statements if s.startswith("Richard Lowe turned")]


def test_a_pronoun_after_with_a_name_is_named_after_a_comma():
    text = "Ann Lowe is an American tennis player. With Venus she won 14 doubles titles in 2009."
    assert "With Venus, Ann Lowe won 14 doubles titles in 2009." in _statements(text)


def test_a_bare_surname_shared_with_a_relative_is_the_person_in_full():
    text = ("Ann Lowe is an American tennis player. Her father, Richard Lowe, coached her. "
            "Lowe won her first title in September 1999. Lowe later said of the reception at home: \"The president "
            "didn't even send me a telegram.\"")
    assert "Ann Lowe won her first title in September 1999." in _statements(text, "date")
    quotes = [c for c in _candidates(text) if c.kind == "quote"]
    assert quotes and quotes[0].answer == "Ann Lowe" and quotes[0].statement.startswith("Ann Lowe later said")


def test_calling_the_police_names_nothing():
    text = ("The painting was stolen in 1911. In December 1913 the thief tried to sell it to a dealer, Alfredo Geri, "
            "who called the police. The cathedral is called the Minster.")
    answers = [c.answer for c in _candidates(text) if c.kind == "definition"]
    assert "police" not in answers
    assert "Minster" in answers


@pytest.mark.parametrize("text, term", [
    ("Leaves are green. Chloroplasts contain chlorophyll, a green pigment that absorbs red light.", "chlorophyll"),
    ("The portrait is soft. Leonardo used sfumato, a technique of gradual shading.", "sfumato"),
])
def test_a_lower_case_term_with_its_kind_in_apposition_is_a_definition(text, term):
    found = [c for c in _candidates(text) if c.kind == "definition"]
    assert [c.answer for c in found] == [term]


def test_an_apposition_without_a_term_noun_is_no_definition():
    text = "The crew ate bread, a staple of the diet. They sailed on Tuesday, a day of storms."
    assert not [c for c in _candidates(text) if c.kind == "definition"]


def test_a_court_case_does_not_end_the_sentence():
    text = "In 1896, in Plessy v. Ferguson, the court accepted segregation. The rule lasted until 1954."
    assert "In 1896, in Plessy v. Ferguson, the court accepted segregation." in _statements(text, "date")


# -- round 8 (tests/data/articles/SOURCES.md) -------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Ruth Parks was a teacher. In 1950 Ruth Parks moved to Ohio.", "Ruth Parks"),
    ("Bill Gates was a programmer. In 1975 Bill Gates founded a company.", "Bill Gates"),
])
def test_a_surname_that_is_a_plural_place_word_is_no_place(text, person):
    entities = EntityIndex()
    for sentence in [s + "." for s in text.split(". ") if s]:
        entities.add_sentence(find_mentions(sentence.rstrip(".") + "."), sentence)
    entities.merge_short_names()
    entity = entities.resolve(person)
    assert entity is not None and entity.votes["place"] == 0, entity and dict(entity.votes)


def test_a_plural_prize_is_still_an_event():
    entities = EntityIndex()
    sentence = "The Nobel Prizes were first awarded in 1901."
    entities.add_sentence(find_mentions(sentence), sentence)
    assert entities.resolve("Nobel Prizes").votes["event"] > 0


@pytest.mark.parametrize("text, first", [
    ("The march was led by Martin Luther King Jr. The march lasted 381 days.", "The march was led by Martin Luther King Jr."),
    ("Martin Luther King Jr. was a pastor. He led the march in 1963.", "Martin Luther King Jr. was a pastor."),
])
def test_jr_ends_a_sentence_only_before_an_opener(text, first):
    from quizgen.extract.sentences import split_sentences

    assert split_sentences(text)[0].text == first


@pytest.mark.parametrize("opening", ["From 1947 to 1950", "Between 1965 and 1988", "Until 1930"])
def test_a_pronoun_after_an_opening_range_is_the_person(opening):
    text = f"Ada Lowe was a British chemist. {opening} she worked in Paris at a state laboratory."
    assert f"{opening} Ada Lowe worked in Paris at a state laboratory." in _statements(text)


def test_she_passes_over_a_man_named_by_a_gendered_role():
    text = ("Ada Lowe was an American activist. In 1965 the congressman Tom Reed hired her as a secretary. "
            "She received a gold medal in 1999.")
    statements = _statements(text, "date")
    assert "Ada Lowe received a gold medal in 1999." in statements
    assert not [s for s in statements if s.startswith("Tom Reed received")]


def test_a_college_named_for_a_king_is_one_name():
    assert [m.text for m in find_mentions("In 1951 Ada Lowe joined King's College London as a fellow.")] == \
        ["Ada Lowe", "King's College London"]


def test_a_birth_name_is_the_topic_under_another_name():
    text = ("Ada Lowe was an American activist. She was born Ada Mary Dunn in Tuskegee, Alabama, on May 4, 1913. "
            "In 1932 Ada Lowe married Tom Lowe, a barber. In 1940 she married again.")
    facts = [d.fact for d in draft_facts(parse_document(text, markdown=False))]
    assert not [f for f in facts if f.answer == "Ada Mary Dunn"]  # no "born ______" offering men's names
    topic = [f for f in facts if f.answer == "Ada Lowe"]
    assert topic and all("Ada Mary Dunn" in f.value.aliases for f in topic)


# -- round 9 (tests/data/articles/SOURCES.md) -------------------------------------------------------

@pytest.mark.parametrize("sentence, names", [
    ("King Edward the Confessor died childless in 1066.", ["Edward the Confessor"]),
    ("The army of Alfred the Great won at Edington.", ["Alfred the Great", "Edington"]),
    ("Around 1070 William ordered an abbey to be built.", ["William"]),
])
def test_an_epithet_is_part_of_a_name_and_around_is_no_name(sentence, names):
    assert [m.text for m in find_mentions(sentence)] == names


@pytest.mark.parametrize("text, kept", [
    # a pronoun in a reported clause may mean the sentence's subject
    ("Ann Lowe was a queen. Tom Hale was crowned in 1066. William Pole claimed that Ann Lowe had promised him the throne.",
     "William Pole claimed that Ann Lowe had promised him the throne."),
    # with two people before it, "him" is one of them
    ("The symphony was first played in 1824. Tom Hale wrote it. The conductor Michael Umlauf led the performance in 1824, "
     "while Ann Lowe stood beside him.", "The conductor Michael Umlauf led the performance in 1824, while Ann Lowe stood beside him."),
])
def test_him_is_left_alone_where_the_sentence_says_who_he_is(text, kept):
    assert kept in _statements(text)


# -- round 10 (tests/data/articles/SOURCES.md) ------------------------------------------------------

def test_she_is_not_the_husband_named_after_an_opening_phrase():
    # "In 1840 she married her first cousin, Prince Albert" opens with its subject, "she"; and a later
    # "She died" is not "Albert", a prince
    text = ("Ada Lowe was Queen of Ruritania from 1837. In 1840 she married her first cousin, Prince Albert of "
            "Saxe-Coburg and Gotha. Albert died of typhoid fever in December 1861, and Ada Lowe wore black. "
            "She died at Osborne House on January 22, 1901.")
    statements = _statements(text)
    assert "In 1840 Ada Lowe married her first cousin, Prince Albert of Saxe-Coburg and Gotha." in statements
    assert "Ada Lowe died at Osborne House on January 22, 1901." in statements
    assert not [s for s in statements if s.startswith("Albert died at Osborne")]


def test_his_after_an_opening_date_is_the_person():
    text = ("Alexander Graham Bell was a teacher of the deaf. On February 14, 1876, his lawyer filed a patent "
            "application in Washington.")
    assert ("On February 14, 1876, Alexander Graham Bell's lawyer filed a patent application in Washington."
            in _statements(text, "date"))


def test_a_person_of_a_country_is_two_names():
    sentence = ("The negotiators were David Lloyd George of Britain, Woodrow Wilson of the United States and "
                "Vittorio Orlando of Italy.")
    assert [m.text for m in find_mentions(sentence)] == ["David Lloyd George", "Britain", "Woodrow Wilson",
                                                          "United States", "Vittorio Orlando", "Italy"]
    assert [m.text for m in find_mentions("The Bank of England raised rates.")] == ["Bank of England"]


def test_it_after_the_first_thing_keeps_its_words():
    text = ("The Tour de France is a bicycle race. The first Tour started in Montgeron on July 1, 1903. "
            "It had six stages and covered 2,428 kilometres.")
    assert "The first Tour had six stages and covered 2,428 kilometres." in _statements(text, "quantity")


def test_a_who_prompt_drops_a_second_clause_with_its_own_time_and_subject():
    text = ("The telephone is a device. The Italian inventor Antonio Meucci had built a speaking device decades earlier, "
            "and in 2002 the United States House of Representatives passed a resolution honouring his work.")
    prompts = {c.prompt for c in _candidates(text) if c.answer == "Antonio Meucci"}
    assert prompts == {"Which Italian inventor had built a speaking device decades earlier?"}, prompts


# -- round 11 (tests/data/articles/SOURCES.md) ------------------------------------------------------

@pytest.mark.parametrize("sentence, names", [
    ("The speech that Martin Luther King Jr. gave was short.", ["Martin Luther King Jr."]),
    ("The boycott was organised by a young pastor, Martin Luther King Jr.", ["Martin Luther King Jr."]),
])
def test_king_before_jr_is_a_surname_not_a_title(sentence, names):
    assert [(m.text, m.title) for m in find_mentions(sentence)] == [(n, None) for n in names]


def test_a_family_surname_is_no_re_mention_of_one_member():
    # "Mrs Bennet" is not Elizabeth Bennet when the article names the Bennet family
    text = ("The novel follows Elizabeth Bennet, the second of five daughters. The Bennet family lives at Longbourn. "
            "Mrs Bennet wants her daughters to marry wealthy men.")
    answers = {c.answer for c in _candidates(text) if c.kind == "entity" and "wants her daughters" in c.statement}
    assert "Bennet" in answers and "Elizabeth Bennet" not in answers


@pytest.mark.parametrize("text, statement", [
    # "It ended in 1797": the subject just before is "The republic", not "The republic was"
    ("Venice was a sea power. The republic was ruled by an elected leader. It ended in 1797, when Napoleon came.",
     "The republic ended in 1797, when Napoleon came."),
    # "After his death": the person just named
    ("Stoicism is a school of philosophy founded by Zeno. Zeno, a merchant from Cyprus, taught in Athens in 300. After his death the "
     "school was led by Cleanthes, who wrote 700 works.", "After Zeno's death the school was led by Cleanthes, who wrote 700 works."),
])
def test_a_subject_phrase_and_a_possessive_in_an_opening(text, statement):
    assert statement in _statements(text)


def test_a_plural_relative_clause_is_no_fact_of_a_singular_name():
    text = ("Venice is a city in Italy. It is built on 118 islands in the Venetian Lagoon, which are linked by more than "
            "400 bridges.")
    assert not [s for s in _statements(text) if s.startswith("the Venetian Lagoon are") or s.startswith("The Venetian Lagoon are")]


def test_a_name_in_ism_is_a_doctrine_not_a_person():
    entities = EntityIndex()
    for sentence in ["Stoicism is a school of philosophy.", "Stoicism became popular in Rome."]:
        entities.add_sentence(find_mentions(sentence, {"Stoicism"}), sentence)
    entities.merge_short_names()
    entity = entities.resolve("Stoicism")
    entity.freeze()
    assert entity.entity_class == "concept"


# -- round 12 (tests/data/articles/SOURCES.md) ------------------------------------------------------

def test_a_year_later_is_not_reckoned_where_the_sentence_names_its_year():
    # "A year later, at the 2009 World Championships" had become "In 1987, at the 2009 World Championships",
    # counted from a birth year: the 2008 of "the 2008 Summer Olympics" had not counted as a year
    text = ("Usain Bolt is a Jamaican sprinter. He was born on August 21, 1986. At the 2008 Summer Olympics in "
            "Beijing, Bolt won the 100 metres. A year later, at the 2009 World Championships in Berlin, he lowered "
            "the record. Two years later, Bolt ran in Daegu.")
    statements = _statements(text)
    assert not [s for s in statements if s.startswith("In 1987")]
    assert "A year later, at the 2009 World Championships in Berlin, Usain Bolt lowered the record." in statements
    assert any(s.startswith("In 2011, Bolt ran in Daegu") for s in statements), statements


# -- round 14 (tests/data/articles/SOURCES.md) ------------------------------------------------------

def test_an_opening_phrase_holds_no_verb():
    # "In 2013 Queen Elizabeth II granted him a posthumous pardon, and ..." had been read as one long
    # opening phrase, so the sentence had no subject and "him" stayed
    text = ("Alan Turing was an English mathematician. He died on June 7, 1954. In 2013 Queen Elizabeth II granted "
            "him a posthumous pardon, and since 2021 his portrait has appeared on a banknote.")
    assert any(s.startswith("In 2013 Queen Elizabeth II granted Alan Turing a posthumous pardon") for s in _statements(text))


@pytest.mark.parametrize("name, sentence, expected", [
    ("New York Stock Exchange", "Share prices fell on the New York Stock Exchange in 1929.", "organisation"),
    ("Great Depression", "The crash began the Great Depression in 1929.", "event"),
])
def test_an_exchange_is_an_organisation_and_a_depression_an_event(name, sentence, expected):
    entities = EntityIndex()
    entities.add_sentence(find_mentions(sentence), sentence)
    entity = entities.resolve(name)
    entity.freeze()
    assert entity.entity_class == expected


# -- a one-word topic defined in the first sentence is what a later "It" means ---------------------

@pytest.mark.parametrize("text, expected", [
    ("Oxygen is a chemical element with atomic number 8. It becomes a pale blue liquid at minus 183 degrees Celsius.",
     "Oxygen becomes a pale blue liquid at minus 183 degrees Celsius."),
    # the second "it" of the sentence: the part about the number, named like the first
    ("Oxygen is a chemical element. It is the third most abundant element in the universe, and it makes up "
     "about 21 percent of the atmosphere.", "Oxygen makes up about 21 percent of the atmosphere."),
    ("Smallpox was an infectious disease caused by a virus. It killed about 30 percent of the people it infected.",
     "Smallpox killed about 30 percent of the people it infected."),
])
def test_a_defined_one_word_topic_names_a_later_it(text, expected):
    assert expected in _statements(text, "quantity")


def test_it_is_not_read_as_a_one_word_subject_of_a_later_sentence():
    # only the article's opening definition makes a topic: "Zeno was a merchant" later does not
    text = "The school was founded in Athens. Zeno was a merchant from Cyprus. It had 300 members by 250 BC."
    assert not any(s.startswith("Zeno had") for s in _statements(text))


def test_degrees_take_their_scale_as_the_unit():
    [found] = find_quantities("The crystals are cooled to about minus 185 degrees Celsius.")
    assert found.value.unit == "degrees Celsius"


# -- round 15 (tests/data/articles/SOURCES.md) ------------------------------------------------------

def test_a_baptismal_name_in_a_second_clause_is_the_topic_under_another_name():
    # "Albert Chinualumogu Achebe wrote No Longer at Ease" had been a false statement
    text = ("Obi Nwosu was a Nigerian novelist. His parents had become Christians, and he was baptised Albert "
            "Chukwuma Nwosu. In 1960 Obi Nwosu wrote a second novel. In 1964 Ada Eze wrote a play.")
    facts = [d.fact for d in draft_facts(parse_document(text, markdown=False))]
    topic = [f for f in facts if f.answer == "Obi Nwosu"]
    assert topic and all("Albert Chukwuma Nwosu" in f.value.aliases for f in topic)


@pytest.mark.parametrize("text, wrong", [
    # "A" and "His" are no subjects to put in place of "he"
    ("Obi Nwosu was a novelist. A car crash in 1990 left him paralysed, and he later taught at Bard College in "
     "New York.", ("A later taught", "A taught")),
    ("Obi Nwosu was a novelist. His parents moved to Lagos, and he was sent to school in Umuahia in 1944.",
     ("His was sent", "Obi Nwosu's was sent")),
])
def test_a_determiner_is_no_subject_for_a_pronoun_part(text, wrong):
    assert not [s for s in _statements(text) if s.startswith(wrong)]


@pytest.mark.parametrize("text, expected", [
    # the sentence before was about the topic: its object "it" is named
    ("Sputnik 1 was the first artificial satellite. The Soviet Union launched it on October 4, 1957.",
     "The Soviet Union launched Sputnik 1 on October 4, 1957."),
    # "At its height ..., it": the topic, as in "In 1914 it opened"
    ("The Inca Empire was the largest empire in the Americas. At its height in the early 16th century it "
     "stretched about 4,000 kilometres along the Andes.",
     "At its height in the early 16th century the Inca Empire stretched about 4,000 kilometres along the Andes."),
])
def test_it_after_a_sentence_on_the_topic_names_the_topic(text, expected):
    assert expected in _statements(text)


def test_an_object_it_stays_when_the_sentence_before_was_about_something_else():
    text = ("Sputnik 1 was the first artificial satellite. The rocket was built by Sergei Korolev. "
            "The army tested it on August 21, 1957.")
    assert not [s for s in _statements(text) if "tested Sputnik 1" in s]


def test_a_but_clause_about_part_of_something_is_dropped_from_a_who_prompt():
    # "Which engineer led the project, but much of the structural design was the work of ...?"
    text = "The engineer Joseph Strauss led the project, but much of the structural design was the work of Charles Ellis."
    prompts = {c.prompt for c in _candidates(text) if c.answer == "Joseph Strauss" and c.prompt}
    assert prompts == {"Which engineer led the project?"}, prompts


# -- round 16 (tests/data/articles/SOURCES.md) ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # "her" as an object is named like "him"
    ("Emmy Noether was a German mathematician. She was born in Erlangen. Albert Einstein called her the most significant creative "
     "mathematical genius.", "Albert Einstein called Emmy Noether the most significant creative mathematical genius."),
    # "a sentence that names nothing else is still about the topic"
    ("The blue whale is a marine mammal. Adults can reach about 30 metres in length. "
     "Its heart weighs about 180 kilograms.", "The blue whale's heart weighs about 180 kilograms."),
    # an opening "With ..." phrase holds no subject
    ("Roald Amundsen was a Norwegian explorer. He was born in Borge. With four companions and 52 dogs he reached the South Pole "
     "on December 14, 1911.", "With four companions and 52 dogs Roald Amundsen reached the South Pole on December 14, 1911."),
])
def test_more_pronouns_are_named(text, expected):
    assert expected in _statements(text)


@pytest.mark.parametrize("text, expected", [
    # two people who are the subject together are not whom "her" means
    ("Emmy Noether was a German mathematician. She was born in Erlangen. In 1915 David Hilbert and Felix Klein "
     "invited her to Göttingen.", "In 1915 David Hilbert and Felix Klein invited Emmy Noether to Göttingen."),
])
def test_an_object_pronoun_after_a_coordinated_subject_is_named(text, expected):
    assert expected in _statements(text)


def test_her_as_a_possessive_is_not_a_name():
    text = "Emmy Noether was a German mathematician. She was born in Erlangen. David Hilbert announced her lectures under his own name."
    assert not [s for s in _statements(text) if "announced Emmy Noether lectures" in s]


def test_its_after_a_sentence_naming_something_else_stays_unread():
    # "... the New Safe Confinement was slid over it. Its cost ...": not the topic's
    text = ("The Chernobyl disaster was a nuclear accident. In 2016 a structure called the New Safe Confinement was "
            "slid over the reactor. Its arch is 108 metres high.")
    assert not [s for s in _statements(text) if s.startswith("The Chernobyl disaster's arch")]


@pytest.mark.parametrize("text, expected", [
    # ", but in 1907 she completed": the part with its time; "she" is the article's person, not "Women"
    ("Emmy Noether was a German mathematician. She was born in Erlangen. Women could only audit classes there, but in 1907 she completed a "
     "doctorate under Paul Gordan.", "In 1907 Emmy Noether completed a doctorate under Paul Gordan."),
    # and the clause's own subject where it is a person, not the person the article is about
    ("Kate Winslet played Rose in the film. James Cameron had been interested in the wreck for years, and in 1995 "
     "he filmed the real wreck.", "In 1995 James Cameron filmed the real wreck."),
])
def test_a_second_clause_with_its_time_and_a_pronoun_is_its_own_statement(text, expected):
    assert expected in _statements(text, "date")


def test_a_second_clause_that_names_the_answer_by_its_surname_is_cut():
    # "..., and the two men stayed friends until Long was killed": "Long" gives "Luz Long" away, so the
    # fact would fail lint and the draft would lose it
    text = ("Jesse Owens was an American athlete. He was born in Alabama. The German long jumper Luz Long gave him "
            "advice during the final, and the two men stayed friends until Long was killed in the war.")
    statements = [c.statement for c in _candidates(text) if c.answer == "Luz Long"]
    assert statements == ["The German long jumper Luz Long gave Jesse Owens advice during the final."], statements


# -- round 17 (tests/data/articles/SOURCES.md) ------------------------------------------------------

def test_a_day_of_every_year_gets_no_year():
    # "held ... every year on April 30" had become "every year on April 30, 2012"
    text = "Since 2012 UNESCO has held International Jazz Day every year on April 30."
    assert not [c for c in _candidates(text) if c.kind == "date" and "April 30," in c.statement]


def test_a_name_may_open_with_a_capital_beyond_latin_1():
    # "The Ōnin War, which began in 1467" had drafted "War began in 1467"
    assert [m.text for m in find_mentions("The Ōnin War, which began in 1467, destroyed much of the city.")] == ["Ōnin War"]


def test_a_nickname_of_the_topic_is_no_other_person(tmp_path):
    # "Fans in Brazil called him O Rei": O Rei is Pelé, not a person to offer beside him
    from quizgen.extract import extract_article
    from quizgen.generate import generate_questions
    from quizgen.loading import load_bank

    source = tmp_path / "pele.md"
    source.write_text(
        "# Pelé\n\nEdson Arantes do Nascimento, known as Pelé, was a Brazilian footballer and one of the greatest "
        "players of all time. He is the only player to have won three World Cups. Pelé was born on October 23, "
        "1940. Fans in Brazil called him O Rei, the King. In 2000 FIFA named Pelé a Player of the Century, "
        "jointly with Diego Maradona. In 1975 Pelé joined the New York Cosmos.\n", encoding="utf-8")
    extract_article(source, tmp_path / "bank")
    questions = [q for q in generate_questions(load_bank(tmp_path / "bank")) if not q.has_errors]
    texts = [q.stem for q in questions] + [c.text for q in questions for c in q.choices]
    assert not [t for t in texts if "jointly with O Rei" in t or t == "O Rei" or "Diego Maradona, the King" in t]
    # and "him" is the name the article uses
    assert not [t for t in texts if "called Edson Arantes" in t]


@pytest.mark.parametrize("text, expected", [
    ("Kyoto is a city in Japan. Today it has about 1.46 million inhabitants.",
     "Today Kyoto has about 1.46 million inhabitants."),
])
def test_today_it_is_the_topic(text, expected):
    assert expected in _statements(text)


def test_on_the_model_of_is_no_product():
    text = ("Heian-kyō was released as a product in 794. The city was laid out in a grid on the model of Chang'an, "
            "the capital of Tang China.")
    assert not [s for s in _statements(text) if "on Heian-kyō of" in s]


@pytest.mark.parametrize("sentence, name", [
    ("Musicians such as the cornetist Buddy Bolden played a new, freer style.", "Buddy Bolden"),
    ("In the 1940s the saxophonist Charlie Parker created bebop.", "Charlie Parker"),
])
def test_an_instrumentalist_before_a_name_makes_a_person(sentence, name):
    # "the cornetist Buddy Bolden" had been a concept, swapped with the Hot Five recordings
    entities = EntityIndex()
    mentions = find_mentions(sentence)
    entities.add_sentence(mentions, sentence)
    assert entities.resolve(name).entity_class == "person"


# -- round 18 ----------------------------------------------------------------------------------------

def test_it_never_means_the_person_named_by_a_short_name():
    # "Caesar introduced the Julian calendar in 46 BC. It had 365 days" had drafted "Caesar had 365 days"
    text = ("Gaius Julius Caesar was a Roman general. Caesar introduced the Julian calendar in 46 BC. "
            "It had 365 days and a leap day every fourth year.")
    assert not [s for s in _statements(text) if s.startswith(("Caesar had", "Gaius Julius Caesar had"))]


@pytest.mark.parametrize("sentence", [
    "Tradition says that he had about 3,000 students.",
    "Legend says that she founded the city.",
])
def test_a_common_noun_that_says_is_no_name(sentence):
    # "Tradition says ..." had made "Tradition" a person ("Tradition died in 479 BC")
    assert find_mentions(sentence, set()) == []


def test_the_era_of_a_year_is_no_name():
    assert [m.text for m in find_mentions("Then Confucius died in 479 BC in Lu, and Vesuvius erupted in AD 79.",
                                          set())] == ["Confucius", "Lu", "Vesuvius"]


@pytest.mark.parametrize("text, expected", [
    ("The philosopher Confucius was born in 551 BC in Lu. Around the age of 50 he became a minister of the state "
     "of Lu.", "Around the age of 50 Confucius became a minister of the state of Lu."),
    ("Gaius Julius Caesar was a Roman general. He was elected consul in 59 BC. In 55 BC his army crossed the "
     "Rhine.", "In 55 BC Gaius Julius Caesar's army crossed the Rhine."),
])
def test_a_pronoun_after_an_age_or_a_year_is_named(text, expected):
    assert expected in _statements(text)


def test_the_topic_is_no_short_name_of_a_longer_one():
    # "Python is a programming language ... named after Monty Python's Flying Circus" had read the
    # topic as Monty Python, a person ("Guido van Rossum is a high-level programming language")
    text = ("Python is a programming language. Guido van Rossum began working on Python in 1989, and he named it "
            "after Monty Python. Python 2.0 was released on October 16, 2000. Python 3.0 was released on "
            "December 3, 2008.")
    topic = [c for c in _candidates(text) if c.statement == "Python is a programming language."]
    assert topic and {(c.answer, c.value.entity_class) for c in topic} == {("Python", "product")}


@pytest.mark.parametrize("sentence, names", [
    ("Support for Python 2.7 ended on January 1, 2020.", ["Python 2.7"]),
    ("Its aim was to regain control of the Suez Canal for the West.", ["Suez Canal"]),
    ("He joined the Campaign for Nuclear Disarmament in 1958.", ["Campaign for Nuclear Disarmament"]),
    ("The Centre for Disease Control said so.", ["Centre for Disease Control"]),
])
def test_what_opens_or_follows_a_name_with_for(sentence, names):
    assert [m.text for m in find_mentions(sentence, set())] == names


def test_the_company_keeps_the_article_of_its_name_and_the_noun_finds_a_name_further_back():
    text = ("The Suez Crisis was an invasion of Egypt in 1956. Its aim was to regain control of the Suez Canal. "
            "The canal was run by the Suez Canal Company. Nasser said that Egypt would nationalise the company. "
            "Israel invaded the Sinai Peninsula on October 29, 1956. Egypt blocked the canal with ships. "
            "The canal reopened in April 1957.")
    statements = _statements(text)
    assert "The Suez Canal reopened in April 1957." in statements
    assert not [s for s in statements if "Suez Crisis canal" in s or "nationalise Suez Canal Company" in s]


def test_a_thing_named_after_a_person_keeps_its_short_name():
    # (what the "it is never a person" rule must leave alone: "Hubble" here is the telescope, not
    # Edwin Hubble, so "Its main mirror" is the telescope's)
    text = ("The Hubble Space Telescope is a space telescope that was launched in 1990. It was named after the "
            "astronomer Edwin Hubble. Hubble was carried into orbit by the Space Shuttle Discovery on April 24, "
            "1990. Its main mirror is 2.4 metres across.")
    assert "Hubble's main mirror is 2.4 metres across." in _statements(text)


# -- round 19 ----------------------------------------------------------------------------------------

def test_a_day_that_has_been_celebrated_since_a_year_is_no_day_of_that_year():
    # "Since 1966 July 20 has been celebrated as International Chess Day" had drafted "July 20, 1966"
    text = ("The federation was founded in Paris in 1924. Since 1966 July 20 has been celebrated as International "
            "Chess Day. Each year on March 3 the club is observed by its members.")
    assert not [s for s in _statements(text) if "July 20, 1966" in s]


@pytest.mark.parametrize("sentence, expected", [
    ("Most children with type 1 diabetes died within a year.", []),  # a label, not a count
    ("The patient had stage 4 cancer and 3 tumours.", [("3", "tumours")]),
])
def test_a_number_after_type_or_stage_is_a_label(sentence, expected):
    assert [(m.text, m.value.unit) for m in find_quantities(sentence)] == expected


def test_a_title_before_an_institution_word_is_part_of_its_name():
    # "Toronto General Hospital" had been "Hospital", with the title "Toronto General"
    assert [m.text for m in find_mentions("A boy was dying of diabetes in Toronto General Hospital, in Canada.",
                                          set())] == ["Toronto General Hospital", "Canada"]


# -- round 20 ----------------------------------------------------------------------------------------

def test_a_first_name_that_opens_a_full_name_names_that_person_alone():
    # "Leonardo died there ... In 2017 his painting" had read "his" as the king named before
    text = ("Leonardo da Vinci was an Italian painter. In 1516 the French king Francis I invited him to France. "
            "Leonardo died there on May 2, 1519. In 2017 his painting Salvator Mundi was sold for 450 million dollars.")
    statements = _statements(text)
    assert not [s for s in statements if "Francis's painting" in s]
    assert any(s.startswith("In 2017 Leonardo's painting") or s.startswith("In 2017 Leonardo da Vinci's painting")
               for s in statements)


def test_around_a_year_he_is_named():
    text = ("The painter Leonardo da Vinci was born in Vinci. Around 1466 he became an apprentice in the workshop of "
            "the painter Andrea del Verrocchio in Florence.")
    assert any(s.startswith("Around 1466 Leonardo da Vinci became an apprentice") for s in _statements(text))


@pytest.mark.parametrize("sentence, name, title", [
    ("In 2009 Secretary of State Hillary Clinton visited China.", "Hillary Clinton", "Secretary of State"),
    ("The Minister of Health Aneurin Bevan founded the service.", "Aneurin Bevan", "Minister of Health"),
])
def test_a_one_word_portfolio_ends_the_title_before_its_holder(sentence, name, title):
    # "Secretary of State Hillary Clinton" had been a name "State Hillary Clinton"
    assert (name, title) in [(m.text, m.title) for m in find_mentions(sentence, set())]


# -- round 21 ----------------------------------------------------------------------------------------

def test_in_the_same_month_is_the_month_named_last():
    # "In the same month Microsoft announced ..." had stayed unresolved in a drafted statement
    text = ("The service reached 100 million users in January 2023. In the same month Microsoft announced an "
            "investment in OpenAI worth about 10 billion dollars.")
    assert ("In January 2023 Microsoft announced an investment in OpenAI worth about 10 billion dollars."
            in _statements(text))


# -- round 22 ----------------------------------------------------------------------------------------

def test_he_is_never_the_woman_the_article_is_about():
    # "He became King Louis XVI in 1774" had drafted "Marie Antoinette became King Louis XVI in 1774"
    text = ("Marie Antoinette was the last queen of France. She was born in Vienna on November 2, 1755. At the age "
            "of 14 she married the French heir, Louis-Auguste, in May 1770. He became King Louis XVI in 1774.")
    assert not [s for s in _statements(text) if s.startswith("Marie Antoinette became King")]


def test_a_number_with_a_comma_in_an_opening_phrase_before_it():
    text = ("The Nile is a major river in north-eastern Africa. At about 6,650 kilometres, it has long been "
            "considered the longest river in the world.")
    assert ("At about 6,650 kilometres, the Nile has long been considered the longest river in the world."
            in _statements(text))


# -- round 23 ----------------------------------------------------------------------------------------

def test_a_part_without_its_verb_is_not_cut_from_the_sentence():
    # "Three trillion dollars on June 5, 2024." had been a drafted statement: the verb is in the first part
    text = ("Vexor is a chip company. Vexor's market value passed one trillion dollars on May 30, 2023, and three "
            "trillion dollars on June 5, 2024.")
    statements = _statements(text, "date")
    assert not [s for s in statements if s.startswith("Three trillion")], statements
    assert ("Vexor's market value passed one trillion dollars on May 30, 2023, and three trillion dollars on "
            "June 5, 2024.") in statements


def test_its_own_says_what_it_stands_for():
    text = ("The Council adopted its position in December 2022, and the Assembly adopted its own on June 14, 2023. "
            "The law took effect in 2024.")
    assert "The Assembly adopted its own position on June 14, 2023." in _statements(text, "date")


@pytest.mark.parametrize("text, wrong", [
    ("Harvest Day has been held on May 3 every year since 2001. The first one drew 400 visitors.", "May 3, 2001"),
    ("The probe landed on Kellis on August 23, 2023. The government declared August 23 National Probe Day.",
     "declared August 23, 2023"),
])
def test_a_day_kept_every_year_gets_no_year(text, wrong):
    assert not [s for s in _statements(text, "date") if wrong in s]


def test_half_a_prize_name_is_no_answer():
    # "shared the Nobel Prize in Physiology or ______" (Medicine) had been an entity question
    text = ("Lin Wei isolated the compound in 1972. Lin Wei shared the Nobel Prize in Physiology or Medicine in 2015. "
            "Alan Berg shared it too.")
    answers = [c.answer for c in _candidates(text) if c.kind == "entity"]
    assert "Medicine" not in answers and "Physiology" not in answers, answers


def test_a_named_day_is_an_event_and_what_a_company_buys_is_a_company():
    from test_extract_classes import _class_of

    assert _class_of("Harvest Day has been held on May 3 every year since 2001.", "Harvest Day") == "event"
    # not a person, for all the "designer" before it
    assert _class_of("In 2020 Vexor agreed to buy the British chip designer Lumo for 40 billion dollars.",
                     "Lumo") == "organisation"
    # (what a museum buys is no company: "bought her painting The Frame")
    assert _class_of("In 1939 the Louvre bought her painting The Frame.", "The Frame") != "organisation"


def test_later_that_year_it_is_named():
    text = ("Vexor is an American company that designs chips. The company went public in January 1999. Later that "
            "year it released the Zentra 256, its first graphics card.")
    assert any(s.startswith("Later in 1999 Vexor released the Zentra 256") for s in _statements(text)), _statements(text)


def test_its_after_a_person_is_the_thing_the_text_is_about():
    # "Huang has been its chief executive since the start" had kept "its"
    text = ("Vexor is an American company that designs chips. It was founded in 1993 by Ann Bell and Tom Roe. "
            "Ann Bell has been its chief executive since the start.")
    assert "Ann Bell has been Vexor's chief executive since the start." in _statements(text, "entity")


def test_the_country_is_the_one_country_named_just_before():
    text = ("Malaria is a disease spread by mosquitoes. In June 2021 the WHO certified Paraguay as free of malaria. "
            "The country had reported about 80,000 cases a year in the 1940s.")
    assert any(s.startswith("Paraguay had reported about 80,000 cases") for s in _statements(text, "quantity"))


def test_a_pronoun_in_an_opening_when_clause_is_named():
    text = ("Rosa Vela was a Mexican painter. She was born in Puebla in 1907. On September 17, 1925, when she was 18, "
            "the bus she was riding in crashed into a tram.")
    assert any(s.startswith("On September 17, 1925, when Rosa Vela was 18, the bus") for s in _statements(text, "date"))


# -- round 24 ----------------------------------------------------------------------------------------

def test_a_time_zone_is_no_name():
    # "CrowdStrike released the update at 04:09 Parametrix" had swapped "UTC" for an insurer
    names = [m.text for m in find_mentions("The firm Vexor released the update at 04:09 UTC and withdrew it an hour "
                                           "later.", set())]
    assert "UTC" not in names and "Vexor" in names


def test_the_company_before_a_name_and_a_stake_in_it_make_an_organisation():
    from test_extract_classes import _class_of

    assert _class_of("The flaw was in a program made by the American company Korvex.", "Korvex") == "organisation"
    assert _class_of("The insurer Marlowe estimated the losses at 5 billion dollars.", "Marlowe") == "organisation"
    assert _class_of("On April 4 the investor revealed a 9 percent stake in Chirp.", "Chirp") == "organisation"


def test_the_country_keeps_the_article_the_text_gives_it():
    text = ("Exit was the withdrawal of the United Kingdom from the Union. The country had joined the Community on "
            "January 1, 1973.")
    assert "The United Kingdom had joined the Community on January 1, 1973." in _statements(text, "date")


def test_only_a_time_before_a_date_is_folded_into_on():
    # "The first vote, on January 15, 2019, was lost" had drafted "On January 15, 2019, was lost ..."
    text = "The deal failed in 2018. The first vote, on January 15, 2019, was lost by 432 votes to 202."
    statements = _statements(text, "date")
    assert "The first vote, on January 15, 2019, was lost by 432 votes to 202." in statements, statements
    # (a time still is: "Three years later, on 19 April 1906, X ..." -> "On 19 April 1906, X ...")
    text = "Pierre Curie won the prize in 1903. Three years later, on 19 April 1906, Pierre Curie was killed in a street."
    assert "On 19 April 1906, Pierre Curie was killed in a street." in _statements(text, "date")


@pytest.mark.parametrize("text, expected", [
    ("They left the Union at 11 pm on January 31.", []),  # a time of day, whose wrong choices were "15 pm"
    ("The outage began at 04:09 and lasted 78 minutes.", [("78", "minutes")]),
    ("A squad of 23 travelled to Qatar.", [("23", None)]),  # not "23 travelleds"
    ("They hired 500 skilled workers.", [("500", "skilled workers")]),
    ("Police found 3 armed men.", [("3", "armed men")]),  # not "armeds"
    # "men" is plural already ("600,000 mens"), and a number before a verb counts what the number before it does
    ("He invaded with more than 600,000 men, but fewer than 100,000 returned.", [("600,000", "men"), ("100,000", "men")]),
    ("The school had one teacher per 30 child.", [("30", "children")]),
    # "The ______ sides agreed on a Trade and Cooperation Agreement" (two): the two already named
    ("The two sides agreed on a deal, and both three-year plans failed.", []),
    ("The House rejected it three times.", [("three", "times")]),
])
def test_times_of_day_and_verbs_after_numbers(text, expected):
    assert [(m.text, m.value.unit) for m in find_quantities(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("On April 4, 2022, the investor Ana Ruiz bought a stake in Chirp. Ten days later she offered to buy the whole "
     "company for 54 dollars a share.", "On April 14, 2022, Ana Ruiz offered to buy the whole company"),
    ("The referendum was held on June 23, 2016. The next morning the prime minister, Ed Vance, announced that he would "
     "resign.", "On June 24, 2016, the prime minister, Ed Vance, announced"),
    ("The ship sailed on March 3, 1912. A week later the crew sighted Tarvo Island.",
     "On March 10, 1912, the crew sighted Tarvo Island"),
])
def test_days_later_are_counted_from_the_last_full_date(text, expected):
    assert any(s.startswith(expected) for s in _statements(text)), _statements(text)


# -- round 25 ----------------------------------------------------------------------------------------

def test_a_part_that_shares_the_subject_is_not_cut_off():
    # "Was finished on March 31, 1889." had been a drafted statement
    text = "The Vell Tower stands in Lyon. Construction began on January 28, 1887, and was finished on March 31, 1889."
    statements = _statements(text, "date")
    assert not [s for s in statements if s.startswith("Was ")], statements
    assert "Construction began on January 28, 1887, and was finished on March 31, 1889." in statements


def test_it_after_a_with_phrase_is_named():
    text = ("The Vell Tower is an iron tower in Lyon. When it was completed, the tower was 300 metres tall. "
            "With its antennas it now reaches 330 metres.")
    assert "With its antennas the Vell Tower now reaches 330 metres." in _statements(text, "quantity")


# -- round 26 ----------------------------------------------------------------------------------------

def test_a_real_name_is_the_same_person(tmp_path):
    # "a dystopian novel by the English writer Eric Arthur Blair" had been a false statement (it is true)
    from quizgen.extract import extract_article
    from quizgen.generate import generate_questions
    from quizgen.loading import load_bank

    article = tmp_path / "grey-harbour.txt"
    article.write_text("Grey Harbour is a novel by the English writer Mark Vale. It was published in London in 1949. "
                       "Vale, whose real name was Henry Oswin Tarr, wrote most of it on the island of Jura. Mark Vale "
                       "died in London on January 21, 1950.\n", encoding="utf-8")
    extract_article(article, tmp_path / "bank")
    stems = [q.stem for q in generate_questions(load_bank(tmp_path / "bank"))]
    assert not [s for s in stems if "writer Henry Oswin Tarr" in s or "Henry Oswin Tarr died" in s], stems


def test_the_hero_in_apposition_is_the_he_that_follows():
    text = ("Grey Harbour is a novel by the English writer Mark Vale. It was published in 1949. Its hero, Quill Darrow, "
            "works at a lighthouse. He falls in love with Ada Finch, a fellow keeper, in 1950.")
    statements = _statements(text)
    assert any(s.startswith("Quill Darrow falls in love with") for s in statements), statements
    assert not [s for s in statements if s.startswith("Mark Vale falls")]


def test_an_opening_phrase_holds_no_verb():
    # "In July 2016 Apple announced that Apple had sold its one billionth iPhone"
    text = ("The Zentra is a phone made by Vexor. Vexor sold 6 million of them in 2008. In July 2016 the company "
            "announced that it had sold its one billionth Zentra.")
    assert "In July 2016 Vexor announced that it had sold its one billionth Zentra." in _statements(text, "date")
