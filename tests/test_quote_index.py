"""The quote check finds a quote only as whole words of one paragraph, exactly as the regex
`(?<!\\w)quote(?!\\w)` would, block by block."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.loading import QuoteIndex
from quizgen.model import Block

WORDS = st.sampled_from(["x", "next", "Llama", "3.1", "_a", "é", "ß", "שלום", "\"open\"", "405B", "-", ",", "a_b"])
PARAGRAPHS = st.lists(st.lists(WORDS, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=5)


def regex_find(blocks: list[Block], needle: str):
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return next((block for block in blocks if pattern.search(block.text)), None)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(PARAGRAPHS, st.lists(WORDS, min_size=1, max_size=3).map(" ".join))
def test_index_agrees_with_the_word_boundary_regex(paragraphs, needle):
    blocks = [Block(kind="paragraph", text=text, line=i + 1) for i, text in enumerate(paragraphs)]
    assert QuoteIndex(blocks).find(needle) == regex_find(blocks, needle)


def test_fragment_inside_a_word_is_not_a_quote():
    blocks = [Block(kind="paragraph", text="The next release.", line=3)]
    assert QuoteIndex(blocks).find("x") is None
    assert QuoteIndex(blocks).find("next release") == blocks[0]


def test_quote_never_spans_two_paragraphs():
    blocks = [Block(kind="paragraph", text="Ends here", line=1), Block(kind="paragraph", text="starts there", line=3)]
    assert QuoteIndex(blocks).find("here starts") is None
    assert QuoteIndex(blocks).find("starts there") == blocks[1]
