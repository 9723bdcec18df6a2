"""Unit tables for the extractor's parsers: sentences, dates, quantities, entities."""

from __future__ import annotations

import pytest

from quizgen.extract.dates import find_dates
from quizgen.extract.document import parse_document
from quizgen.extract.entities import EntityIndex, find_mentions
from quizgen.extract.quantities import find_quantities
from quizgen.extract.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("The company's U.S. subsidiary, Nintendo of America Inc., sold the game. It did well.",
     ["The company's U.S. subsidiary, Nintendo of America Inc., sold the game.", "It did well."]),
    ("Dr. Smith met J. R. R. Tolkien on Dec. 5, 2020. They talked.",
     ["Dr. Smith met J. R. R. Tolkien on Dec. 5, 2020.", "They talked."]),
    ("He moved to the U.S. The trip was long.", ["He moved to the U.S.", "The trip was long."]),
    ('SiliconANGLE noted this was the "best model to date." Alongside it, Meta released more.',
     ['SiliconANGLE noted this was the "best model to date."', "Alongside it, Meta released more."]),
    ('Was it good? "Yes!" he said. Then he left.', ["Was it good?", '"Yes!" he said.', "Then he left."]),
    ('"Meta has been releasing models for free." - The Guardian', ['"Meta has been releasing models for free." - The Guardian']),
    ("Super Mario Bros., released in 1985, sold more than 40 million copies. Nintendo Co., Ltd. is based in Kyoto.",
     ["Super Mario Bros., released in 1985, sold more than 40 million copies.", "Nintendo Co., Ltd. is based in Kyoto."]),
    ("Prices rose 3.5 percent. The U.S. economy grew.", ["Prices rose 3.5 percent.", "The U.S. economy grew."]),
    ('Fabius declared: "I hear no objection. The agreement is accepted." Then it was signed.',
     ['Fabius declared: "I hear no objection. The agreement is accepted."', "Then it was signed."]),
    ('An unbalanced "quote here. Next sentence.', ['An unbalanced "quote here.', "Next sentence."]),
])
def test_sentence_splitting(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for sentence in sentences:  # every sentence is an exact span of the text
        assert text[sentence.start:sentence.end] == sentence.text


def test_plain_text_headings_bullets_and_paragraphs():
    text = ("Meta released models in 2024.\n"
            "Phase 2: The Frontier (July 2024)\n"
            "The stakes were raised on July 23, 2024.\n"
            "Why Give It Away?\n"
            "The pressure grew:\n"
            "- In May 1989, Hungary opened its border.\n"
            "- On October 9, 1989, people marched.\n")
    document = parse_document(text, markdown=False)
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert ("heading", "Phase 2: The Frontier (July 2024)") in kinds
    assert ("heading", "Why Give It Away?") in kinds
    assert ("paragraph", "The pressure grew:") in kinds
    assert ("item", "In May 1989, Hungary opened its border.") in kinds
    assert ("item", "On October 9, 1989, people marched.") in kinds
    stakes = next(b for b in document.blocks if b.text.startswith("The stakes"))
    assert stakes.headings[-1] == "Phase 2: The Frontier (July 2024)"


def test_markdown_title_and_wrapped_paragraphs():
    text = "# A Title\n\nFirst line of a paragraph\nthat wraps here.\n\n## Section\n\nMore text.\n"
    document = parse_document(text, markdown=True)
    assert document.title == "A Title"
    assert [b.text for b in document.blocks] == ["First line of a paragraph that wraps here.", "Section", "More text."]


@pytest.mark.parametrize("text, context_year, expected", [
    ("On April 18, 2024, Meta released Llama 3.", None, [("April 18, 2024", "2024-04-18", "day", None)]),
    ("It became undeniable in mid-2024 when", None, [("mid-2024", "2024", "year", "mid")]),
    ("Meta released Llama 3.3 in December.", 2024, [("December", "2024-12", "month", None)]),
    ("Meta released Llama 3.3 in December.", None, []),
    ("Phase 2: The Frontier (July 2024)", None, [("July 2024", "2024-07", "month", None)]),
    ("It divided Berlin from 1961 to 1989.", None, [("1961", "1961", "year", None), ("1989", "1989", "year", None)]),
    ("Germany was reunified on 3 October 1990.", None, [("3 October 1990", "1990-10-03", "day", None)]),
    ("in early 2023 and late-2025", None, [("early 2023", "2023", "year", "early"), ("late-2025", "2025", "year", "late")]),
    ("using 15 trillion tokens and 2024 people", None, []),
    ("Llama 3 in 8 billion parameter sizes", None, []),
    ("On February 30, 2024, nothing happened.", None, []),
])
def test_dates(text, context_year, expected):
    found = [(m.text, m.value.date, m.value.precision, m.value.qualifier) for m in find_dates(text, context_year)]
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    ("including a massive 405-billion parameter model.", [("405-billion", 405, "billion", "parameters", None)]),
    ("downloaded over 1.2 million times", [("1.2 million", 1.2, "million", "times", "over")]),
    ("using 15 trillion tokens for Llama 3 compared to 1.8 trillion for Llama 2",
     [("15 trillion", 15, "trillion", "tokens", None), ("1.8 trillion", 1.8, "trillion", "tokens", None)]),
    ("featured a 128k-token context window", [("128k", 128, "thousand", "tokens", None)]),
    ("raised $375 million from 49,000 people", [("$375 million", 375, "million", "USD", None),
                                                 ("49,000", 49000, None, "people", None)]),
    ("in 8 billion and 70 billion parameter sizes", [("8 billion", 8, "billion", "parameters", None),
                                                    ("70 billion", 70, "billion", "parameters", None)]),
    ("approximately 3.5 million East Germans left", [("3.5 million", 3.5, "million", "East Germans", "approximately")]),
    ("in three distinct phases", [("three", 3, None, "distinct phases", None)]),
    ("Llama 3.1 and GPT-4 and Llama Guard 3 in 2024", []),
    ("grew 40% in 2020", [("40%", 40, None, "percent", None)]),
])
def test_quantities(text, expected):
    found = [(m.text, m.value.number, m.value.scale, m.value.unit, m.value.qualifier) for m in find_quantities(text)]
    assert found == expected


def test_mentions_titles_possessives_and_abbreviations():
    mentions = find_mentions("This strategic shift, driven by CEO Mark Zuckerberg, represents more.", set())
    assert [(m.text, m.title) for m in mentions] == [("Mark Zuckerberg", "CEO")]
    mentions = find_mentions("A discussion on Reddit's r/singularity noted that Meta's plan worked.", {"Meta"})
    assert [m.text for m in mentions] == ["Reddit", "r/singularity", "Meta"]
    mentions = find_mentions("On June 12, 1987, U.S. President Ronald Reagan spoke at the Brandenburg Gate.", set())
    assert [m.text for m in mentions] == ["Ronald Reagan", "Brandenburg Gate"]
    mentions = find_mentions("Nintendo Co., Ltd. is a Japanese video game company based in Kyoto.", {"Nintendo"})
    assert [m.text for m in mentions] == ["Nintendo Co., Ltd.", "Kyoto"]
    mentions = find_mentions("He worked at St Mary's Hospital in London.", set())
    assert [m.text for m in mentions] == ["St Mary's Hospital", "London"]


def _index(sentences: list[str]) -> EntityIndex:
    index = EntityIndex()
    known = {"Zuckerberg", "Meta", "InfoQ"}
    for sentence in sentences:
        for mention in find_mentions(sentence, known):
            index.add(mention, sentence)
    index.merge_short_names()
    return index


def test_entity_merging_and_classes():
    index = _index([
        "This shift, driven by CEO Mark Zuckerberg, matters.",
        "In an interview with The Verge, Zuckerberg compared the strategy to the Open Compute Project.",
        "According to IEEE Spectrum, Meta leads.",
        "Built by the German Democratic Republic (GDR), the wall stood.",
        "The end of the GDR came in 1990.",
        "Meta released Llama 3.1 and Llama Guard 3.",
    ])
    assert index.resolve("Zuckerberg") is index.resolve("Mark Zuckerberg")
    assert index.resolve("Zuckerberg").entity_class == "person"
    assert index.resolve("The Verge").entity_class == "publication"
    assert index.resolve("IEEE Spectrum").entity_class == "publication"
    assert index.resolve("Open Compute Project").entity_class == "project"
    assert index.resolve("GDR") is index.resolve("German Democratic Republic")
    assert index.resolve("GDR").entity_class == "organisation"
    assert index.resolve("Llama 3.1").entity_class == "product"
    assert index.resolve("Llama Guard 3").entity_class == "product"
    assert index.resolve("Meta").entity_class == "organisation"


def test_markdown_inline_markup_is_removed():
    text = "Meta released **Llama 3** on [April 18, 2024](https://example.com) ![logo](x.png) with _care_.\n"
    document = parse_document(text, markdown=True)
    assert document.blocks[0].text == "Meta released Llama 3 on April 18, 2024 with care."


def test_wrapped_plain_text_paragraphs():
    text = ("The Title Line\n\nThe first paragraph is wrapped over\ntwo lines here.\n\n"
            "A Short Heading\n\nThe second paragraph.\n")
    document = parse_document(text, markdown=False)
    assert document.title == "The Title Line"
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("paragraph", "The first paragraph is wrapped over two lines here."),
        ("heading", "A Short Heading"),
        ("paragraph", "The second paragraph."),
    ]


def test_code_fences_and_tables_are_not_prose():
    text = "Intro text here.\n\n```sh\nquizgen extract x.txt\n```\n\n| a | b |\n| --- | --- |\n\nOutro text here.\n"
    document = parse_document(text, markdown=True)
    assert [b.text for b in document.blocks] == ["Intro text here.", "Outro text here."]


def test_degrees_and_bodies_named_with_on():
    found = [(m.text, m.value.unit) for m in find_quantities("well below 2 °C, and 1.5°C at most")]
    assert found == [("2 °C", "degrees Celsius"), ("1.5°C", "degrees Celsius")]
    mentions = find_mentions("Scientists of the Intergovernmental Panel on Climate Change (IPCC) have warned.", set())
    assert [m.text for m in mentions] == ["Intergovernmental Panel on Climate Change"]


def test_reference_marks_are_removed():
    document = parse_document("Webb launched on December 25, 2021.[12] It works.[citation needed]\n", markdown=False)
    assert document.blocks[0].text == "Webb launched on December 25, 2021. It works."
