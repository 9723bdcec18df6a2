"""Questions of every kind built by hand from the escaping bank's texts, for the LMS export tests.

They stand in for generated questions wherever a test needs a precise, known input (every kind, every
awkward character); the tests against real generated questions live beside them."""

from __future__ import annotations

from pathlib import Path

from quizgen.loading import Bank, load_bank
from quizgen.model import Choice, Cloze, MatchPair, NumericAnswer, Question, SourceRef

ESCAPING_BANK = Path(__file__).parent / "data" / "banks" / "escaping"

# Every character the issue names, plus HTML, CDATA's terminator, right-to-left text and emoji.
NASTY = "~ = # { } : \\ < > & \" ' $ [ ] ]]> <b>bold</b> שלום 🍮 -> 50% 2^10 * ? _"


def escaping_bank() -> Bank:
    return load_bank(ESCAPING_BANK)


def _source(bank: Bank, fact_id: str) -> SourceRef:
    fact = bank.fact(fact_id)
    meta = bank.article.meta
    return SourceRef(quote=fact.source.quote, article_title=meta.title, publisher=meta.publisher or "",
                     date=meta.date, url=meta.url or "", line=3)


def hand_questions(bank: Bank | None = None) -> list[Question]:
    """One or more questions of every kind, with the escaping bank's texts in every field."""
    bank = bank or escaping_bank()
    price = bank.fact("price-tag-text")
    script = bank.fact("script-tag-text")
    hebrew = bank.fact("hebrew-word")
    creme = bank.fact("creme-brulee-count")
    signer = bank.fact("price-tag-signer")

    def common(fact, form, kind, **fields):
        return dict(id=f"{fact.id}.{form}", fact_id=fact.id, fact_ids=[fact.id], kind=kind, fact_kind=fact.kind,
                    explanation=fact.statement, source=_source(bank, fact.id), tags=list(fact.tags), **fields)

    questions = [
        Question(**common(
            script, "mc", "multiple_choice", stem=script.prompt, answer=script.answer,
            choices=[Choice(text=script.answer, correct=True, feedback="Yes: " + script.statement)]
            + [Choice(text=d, correct=False, feedback=f"No, {d} was not printed.") for d in script.distractors])),
        Question(**common(
            price, "mc", "multiple_choice", stem=price.prompt + " " + NASTY, answer=price.answer,
            choices=[Choice(text=d, correct=False) for d in price.distractors[:2]]
            + [Choice(text=price.answer, correct=True)] + [Choice(text=price.distractors[2], correct=False,
                                                                  feedback=NASTY)])),
        Question(**common(
            hebrew, "tf-true", "true_false", stem=f"True or false: {hebrew.statement}", answer="True",
            choices=[Choice(text="True", correct=True, feedback="Right: " + NASTY),
                     Choice(text="False", correct=False, feedback="It is true: " + hebrew.statement)])),
        Question(**common(
            signer, "tf-false", "true_false", stem="True or false: the price tag reading $5 # 10 * 2 _ [draft] "
            "{v1} \\path ~ = : was signed by Tilde & Co.", answer="False",
            choices=[Choice(text="True", correct=False), Choice(text="False", correct=True)])),
        Question(**common(
            price, "short", "short_answer", stem=price.prompt, answer=price.answer,
            accepted=[price.answer, "$5 # 10 * 2", "{v1} \\path ~ = :", "%50% off"])),
        Question(**common(
            hebrew, "cloze", "cloze", stem="The Hebrew word ____ means peace.", answer=hebrew.answer,
            accepted=[hebrew.answer], cloze=Cloze(before="The Hebrew word ", answer=hebrew.answer,
                                                  after=" means peace."))),
        Question(**common(
            creme, "numeric", "numeric", stem="How many crème brûlées 🍮 did the café in Zürich sell in 2022?",
            answer="1,200", accepted=["1,200", "1200"], numeric=NumericAnswer(value=1200, tolerance=0,
                                                                          unit="crème brûlées"))),
        Question(id="timeline.0f3a9c", fact_id="script-tag-year", fact_ids=["script-tag-year", "hebrew-word"],
                 kind="ordering", stem="Put these in order, earliest first.", answer="",
                 sequence=["The <script> poster (2019)", "שלום on the gate (2018) ~ = #"],
                 explanation="2018 before 2019.", source=_source(bank, "hebrew-word"), tags=["markup"]),
        Question(id="match.7b1e22", fact_id="price-tag-signer", fact_ids=["price-tag-signer", "anki-syntax-guide",
                                                                         "teacher-quote"],
                 kind="matching", stem="Match each thing with who made it: {{c1::x}} & <i>",
                 answer="", pairs=[MatchPair(left="The price tag $5 # {v1} -> x", right="Ada O'Neil"),
                                   MatchPair(left="The guide to {{c1::cloze}} and {{Front}}", right="Tilde & Co"),
                                   MatchPair(left="The note \"50% and 2^10 = 1024\"", right="Dr. Müller ]]> -> <b>")],
                 explanation="Each made one of them.", source=_source(bank, "teacher-quote"),
                 tags=["symbols", "accents"]),
    ]
    return questions
