"""Hand-built questions of every kind for the study tests, with the escaping texts in them."""

from __future__ import annotations

from dataclasses import replace
import datetime as dt

from quizgen.model import Choice, Cloze, LintFinding, MatchPair, NumericAnswer, Question, SourceRef

SOURCE = SourceRef(quote='The tag <script>alert("x")</script> read $5 # 10 * 2 _ [draft] {v1} \\path ~ = :.',
                   article_title="Symbols [draft] & {{Front}}", publisher="Tilde & Co", date="2024-04")


def question(qid: str, kind: str, *, fact_id: str | None = None, tags: tuple[str, ...] = ("core",), **fields) -> Question:
    fields.setdefault("explanation", f"Because {qid}.")
    fields.setdefault("stem", f"Stem of {qid}?")
    fields.setdefault("answer", "")
    return Question(id=qid, fact_id=fact_id or qid.split(".")[0], fact_ids=[fact_id or qid.split(".")[0]], kind=kind,
                    source=SOURCE, tags=list(tags), **fields)


def every_kind() -> list[Question]:
    """One question of each kind, each on its own fact."""
    return [
        question("script-tag.mc", "multiple_choice", stem='Which tag was printed: <script> or [draft] {{c1::x}}?',
                 answer='<script>alert("x")</script>', tags=("markup",),
                 choices=[Choice(text='<script>alert("x")</script>', correct=True), Choice(text="<b>bold</b>", correct=False),
                          Choice(text="[draft] {v1} $5", correct=False), Choice(text="שלום 🍮", correct=False)]),
        question("release.tf-true", "true_false", stem="True or false: Meta released Llama 3 in April 2024.",
                 answer="True", tags=("timeline",),
                 choices=[Choice(text="True", correct=True), Choice(text="False", correct=False)]),
        question("compute.cloze", "cloze", stem="Zuckerberg compared the strategy to the ____.",
                 answer="Open Compute Project", cloze=Cloze(before="Zuckerberg compared the strategy to the ",
                                                           answer="Open Compute Project", after=".")),
        question("downloads.numeric", "numeric", stem="How many times was Llama downloaded?",
                 answer="1.2 million", numeric=NumericAnswer(value=1_200_000, tolerance=0), tags=("numbers", "core")),
        question("hebrew.short", "short_answer", stem="Which Hebrew word means peace?", answer="שלום",
                 tags=("rtl",)),
        question("timeline.abc", "ordering", stem="Put in order, earliest first.", fact_id="timeline.abc",
                 answer="", sequence=["Llama 3", "Llama 3.1", "Llama 3.2"], tags=("timeline",)),
        question("match.abc", "matching", stem="Match each model to its size.", fact_id="match.abc", answer="",
                 pairs=[MatchPair(left="Llama 3.1", right="405B"), MatchPair(left="Llama 3.2", right="1B"),
                        MatchPair(left="Llama 3", right="70B")], tags=("numbers",)),
    ]


def with_lint_error(q: Question) -> Question:
    return replace(q, **{"lint": [LintFinding(code="leak", severity="error", message="answer in stem",
                                                     question_id=q.id)]})


class FakeClock:
    """A clock that only moves when told to (both wall time and monotonic time)."""

    def __init__(self, start: dt.datetime = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)):
        self._now = start
        self._mono = 1000.0

    def now(self) -> dt.datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float = 0, *, days: float = 0) -> None:
        self._now += dt.timedelta(seconds=seconds, days=days)
        self._mono += seconds + days * 86400
