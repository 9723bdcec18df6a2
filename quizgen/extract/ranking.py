"""Choosing the draft's facts from the candidates: one fact per answer span, spread over the article.

A sentence's second and third facts and an answer already asked for cost a little confidence each, so
a 40-fact draft covers 30-40 sentences instead of asking five questions about one.
"""

from __future__ import annotations

import heapq
from typing import Iterable

from quizgen.extract.relations import Candidate
from quizgen.model import normalize_text

MIN_CONFIDENCE = 0.4
SAME_SENTENCE_COST = 0.12
SAME_ANSWER_COST = 0.2
# Each fact of a kind already chosen makes the next one of that kind cost a little more, so a long
# article yields a mix (dates, numbers, names, sources, reasons) instead of forty dates.
SAME_KIND_COST = 0.015


def occurrences(statement: str, answer: str) -> int:
    """Whole-word occurrences of the answer in the statement, ignoring case (no regex: called per candidate)."""
    haystack, needle = statement.casefold(), answer.casefold()
    if not needle:
        return 0
    count, start = 0, haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before_ok = start == 0 or not (haystack[start - 1].isalnum() or haystack[start - 1] == "_")
        after_ok = end >= len(haystack) or not (haystack[end].isalnum() or haystack[end] == "_")
        if before_ok and after_ok:
            count += 1
        start = haystack.find(needle, start + 1)
    return count


def usable(candidate: Candidate) -> bool:
    """Candidates that would make a broken question are never kept."""
    if occurrences(candidate.statement, candidate.answer) != 1:
        return False  # a blank would leave the answer printed elsewhere in the sentence
    if len(candidate.answer) > 0.8 * len(candidate.statement):
        return False
    if candidate.kind != "cause" and len(candidate.answer.split()) > 8:
        return False
    return True


def prepare(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The usable candidates, the best one per answer span (done once; selection may run again)."""
    best: dict[tuple, Candidate] = {}
    for candidate in candidates:
        if not usable(candidate):
            continue
        key = (candidate.position, candidate.answer_span, normalize_text(candidate.answer))
        if key not in best or candidate.confidence > best[key].confidence:
            best[key] = candidate
    return list(best.values())


def select(candidates: Iterable[Candidate], max_facts: int, excluded: set[tuple] = frozenset(),
           prepared: bool = False) -> list[Candidate]:
    """The best `max_facts` candidates, without overlaps, in article order."""
    pool = list(candidates) if prepared else prepare(candidates)
    best = {i: c for i, c in enumerate(pool) if candidate_key(c) not in excluded}
    chosen: list[Candidate] = []
    per_sentence: dict[int, list[Candidate]] = {}
    per_answer: dict[str, int] = {}
    per_kind: dict[str, int] = {}
    keys = {id(c): _answer_key(c) for c in best.values()}

    def score(candidate: Candidate) -> float:
        return (candidate.confidence
                - SAME_SENTENCE_COST * len(per_sentence.get(candidate.position, []))
                - SAME_ANSWER_COST * per_answer.get(keys[id(candidate)], 0)
                - SAME_KIND_COST * per_kind.get(candidate.kind, 0))

    # Scores only go down as facts are chosen, so a lazy heap gives the same order as rescoring
    # every candidate each time, in O(n log n): a popped candidate whose score fell is pushed back.
    heap = [(-c.confidence, c.position, c.answer_span, c.kind, i, c) for i, c in enumerate(best.values())]
    heapq.heapify(heap)
    while heap and len(chosen) < max_facts:
        negative, position, span, kind, i, top = heapq.heappop(heap)
        current = score(top)
        if current < -negative - 1e-9:
            heapq.heappush(heap, (-current, position, span, kind, i, top))
            continue
        # The kind cost only orders the choice; whether a fact is good enough ignores it.
        if current + SAME_KIND_COST * per_kind.get(top.kind, 0) < MIN_CONFIDENCE:
            continue
        if any(_overlaps(top, other) for other in per_sentence.get(top.position, [])):
            continue
        chosen.append(top)
        per_sentence.setdefault(top.position, []).append(top)
        per_answer[keys[id(top)]] = per_answer.get(keys[id(top)], 0) + 1
        per_kind[top.kind] = per_kind.get(top.kind, 0) + 1
    return sorted(chosen, key=lambda c: (c.position, c.answer_span))


def candidate_key(candidate: Candidate) -> tuple:
    return (candidate.position, candidate.kind, candidate.answer)


def _answer_key(candidate: Candidate) -> str:
    cached = candidate.__dict__.get("_answer_key")
    if cached is None:
        name = getattr(candidate.value, "name", None)
        cached = candidate.__dict__["_answer_key"] = normalize_text(name or candidate.answer)
    return cached


def _overlaps(a: Candidate, b: Candidate) -> bool:
    (s1, e1), (s2, e2) = a.answer_span, b.answer_span
    if s1 == e1 or s2 == e2:
        return normalize_text(a.answer) == normalize_text(b.answer)
    return s1 < e2 and s2 < e1
