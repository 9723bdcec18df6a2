"""Questions of every kind built by hand from a bank's facts, for the Anki tests (independent of the
generator, so every kind and every escaping text is covered whatever the generator emits)."""

from __future__ import annotations

from quizgen.loading import Bank
from quizgen.model import Choice, Cloze, MatchPair, NumericAnswer, Question, SourceRef


def source_of(bank: Bank, fact) -> SourceRef:
    meta = bank.article.meta
    return SourceRef(quote=fact.source.quote, article_title=meta.title, publisher=meta.publisher or meta.source or "",
                     date=meta.date, url=meta.url or "")


def questions_for(bank: Bank) -> list[Question]:
    """For every fact: multiple choice, true/false, cloze, short answer (+ numeric for quantities);
    plus one ordering and one matching question over the first facts."""
    out: list[Question] = []
    facts = bank.facts
    for n, fact in enumerate(facts):
        src = source_of(bank, fact)
        explanation = fact.explanation or fact.statement
        stem = fact.prompt or f"Which answer completes: {fact.statement.replace(fact.answer, '_____')}"
        others = [f.answer for f in facts if f.answer != fact.answer][:3] or ["none of these"]
        distractors = (fact.distractors or others)[:3]
        choices = [Choice(text=t, correct=False) for t in distractors]
        choices.insert(n % (len(choices) + 1), Choice(text=fact.answer, correct=True))
        common = dict(fact_id=fact.id, fact_ids=[fact.id], fact_kind=fact.kind, explanation=explanation,
                      source=src, tags=list(fact.tags))
        out.append(Question(id=f"{fact.id}.mc", kind="multiple_choice", stem=stem, choices=choices,
                            answer=fact.answer, **common))
        out.append(Question(id=f"{fact.id}.tf-true", kind="true_false", stem=fact.statement,
                            choices=[Choice(text="True", correct=True), Choice(text="False", correct=False)],
                            answer="True", **common))
        start = fact.statement.index(fact.answer)
        out.append(Question(id=f"{fact.id}.cloze", kind="cloze",
                            stem=fact.statement[:start] + "_____" + fact.statement[start + len(fact.answer):],
                            cloze=Cloze(before=fact.statement[:start], answer=fact.answer,
                                        after=fact.statement[start + len(fact.answer):]),
                            answer=fact.answer, accepted=[fact.answer], **common))
        out.append(Question(id=f"{fact.id}.short", kind="short_answer", stem=stem, answer=fact.answer,
                            accepted=[fact.answer, fact.answer.lower()], **common))
        if fact.kind == "quantity" and fact.value is not None:
            out.append(Question(id=f"{fact.id}.numeric", kind="numeric", stem=stem, answer=fact.answer,
                                numeric=NumericAnswer(value=fact.value.magnitude, tolerance=fact.value.magnitude * 0.05,
                                                      unit=fact.value.unit or ""),
                                **common))
    first = facts[:4]
    out.append(Question(id="timeline.handmade", fact_id=first[0].id, fact_ids=[f.id for f in first], kind="ordering",
                        stem="Put these statements in the order the facts list them.",
                        sequence=[f.statement for f in first], answer="",
                        explanation="In the order of the bank.", source=source_of(bank, first[0]), tags=[]))
    out.append(Question(id="match.handmade", fact_id=first[0].id, fact_ids=[f.id for f in first], kind="matching",
                        stem="Match each answer to its fact id.",
                        pairs=[MatchPair(left=f.answer, right=f.statement) for f in first], answer="",
                        explanation="Each answer comes from its statement.", source=source_of(bank, first[0]),
                        tags=[]))
    return out
