"""Hand-built quiz forms for the worksheet tests: every question kind, with the texts that break
naive renderers ($ # * _ < > & [ ] { } \\ quotes, accents, Hebrew)."""

from __future__ import annotations

from quizgen.model import ArticleMeta, Choice, Cloze, FormItem, MatchPair, NumericAnswer, Question, QuizForm, SourceRef

TRICKY = "$5 # 10 * 2 _ <b> & [draft] {v1} \\path \"quoted\" 'single'"
HEBREW = "שלום"
ACCENTED = "crème brûlée in Zürich"

META = ArticleMeta(title='Tricky <Characters> & "Quotes"', publisher="quizgen tests {#1}", date="2025-03")


def _source(quote: str) -> SourceRef:
    return SourceRef(quote=quote, article_title=META.title, publisher=META.publisher or "", date=META.date)


def _q(qid: str, kind: str, stem: str, answer: str, **extra) -> Question:
    return Question(id=qid, fact_id=qid.split(".")[0], fact_ids=[qid.split(".")[0]], kind=kind, stem=stem,
                    answer=answer, explanation=extra.pop("explanation", f"Because {answer} is right."),
                    source=_source(extra.pop("quote", f"The source says {answer}.")), **extra)


def sample_questions() -> list[Question]:
    """One question of each kind (two multiple choice), texts chosen to break escaping."""
    return [
        _q("price.mc", "multiple_choice", f"What did the tag read? {TRICKY}", TRICKY,
           choices=[Choice(text=TRICKY, correct=True), Choice(text="<script>alert('x')</script>", correct=False),
                    Choice(text="{{c1::cloze}} and {{Front}}", correct=False), Choice(text="~=#{}:\\ $$", correct=False)],
           quote=f"The price tag read {TRICKY}."),
        _q("hebrew.mc", "multiple_choice", "Which Hebrew word means peace?", HEBREW,
           choices=[Choice(text="תודה", correct=False), Choice(text=HEBREW, correct=True),
                    Choice(text="בוקר", correct=False), Choice(text=ACCENTED, correct=False)],
           quote=f"The Hebrew word {HEBREW} means peace."),
        _q("cafe.tf-false", "true_false", f"True or false: the café sold 1,500 {ACCENTED}.", "False",
           choices=[Choice(text="True", correct=False), Choice(text="False", correct=True)]),
        _q("poster.tf-true", "true_false", "True or false: the tag <script> was printed in 2019.", "True",
           choices=[Choice(text="True", correct=True), Choice(text="False", correct=False)]),
        _q("guide.cloze", "cloze", "The guide was published by ____.", "Tilde & Co",
           cloze=Cloze(before="The guide to {{Front}} was published by ", answer="Tilde & Co", after=" in 2020."),
           accepted=["Tilde & Co"]),
        _q("teacher.cloze", "cloze", "____ noted it.", "Dr. Müller",
           cloze=Cloze(before="The teacher \"", answer="Dr. Müller", after="\" noted that 2^10 = 1024.")),
        _q("signer.short", "short_answer", "Who signed the price tag [draft]?", "Ada O'Neil",
           accepted=["Ada O'Neil", "O'Neil"]),
        _q("brulee.numeric", "numeric", "How many crème brûlées were sold in 2022?", "1,200",
           numeric=NumericAnswer(value=1200, tolerance=0, unit="crème brûlées")),
        _q("match.abc", "matching", "Match each item with its year.", "",
           pairs=[MatchPair(left="<script> poster", right="2019"), MatchPair(left="Tilde & Co guide", right="2020"),
                  MatchPair(left=f"{HEBREW} gate", right="2018")]),
        _q("timeline.abc", "ordering", "Put these events in order, earliest first.", "",
           sequence=["Gate painted (2018)", "Poster printed (2019)", "Guide published [2020]", "Tag signed {2021}"]),
    ]


def sample_forms(count: int = 2) -> list[QuizForm]:
    """`count` forms (A, B, ...) of the sample questions, with choices and columns shuffled per form."""
    questions = sample_questions()
    forms = []
    for f in range(count):
        items = []
        for n, q in enumerate(questions, 1):
            order: list[int] = []
            size = {"multiple_choice": len(q.choices), "ordering": len(q.sequence), "matching": len(q.pairs)}.get(q.kind, 0)
            if size:
                order = list(range(size))
                shift = (f + n) % size
                order = order[shift:] + order[:shift]
            items.append(FormItem(number=n, question=q, order=order))
        forms.append(QuizForm(label="ABCDEFGH"[f], seed=1, bank_id="escaping", title="Escaping worksheet",
                              source_line=META.source_line, items=items))
    return forms
