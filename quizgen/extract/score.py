"""Scoring a draft against a gold list: which facts a teacher wanted did the extractor propose?

A gold fact is found when a draft fact's source quote and the gold sentence overlap (one contains the
other, after whitespace and quote normalisation) and the draft's answer matches one of the gold
answers: equal after normalisation, or one containing the other as whole words with at least half
of the longer one's words ("1.2 million" for "over 1.2 million", "Zuckerberg" for "Mark Zuckerberg").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from quizgen.model import Fact, normalize_text


@dataclass
class GoldFact:
    kind: str
    answers: list[str]
    sentence: str


@dataclass
class Score:
    gold: list[GoldFact]
    found: list[GoldFact]
    missed: list[GoldFact]

    @property
    def recall(self) -> float:
        return len(self.found) / len(self.gold) if self.gold else 0.0


def load_gold(path: Path) -> tuple[str, list[GoldFact]]:
    """(article path, gold facts) from a gold YAML file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    facts = [GoldFact(kind=str(item["kind"]), answers=[str(a) for a in item["answers"]], sentence=str(item["sentence"]))
             for item in data["facts"]]
    return str(data["article"]), facts


def _loose(text: str) -> str:
    text = normalize_text(text).replace("-", " ")
    text = re.sub(r"[^\w\s.%$]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def answers_match(draft: str, gold: str) -> bool:
    a, b = _loose(draft), _loose(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long_):
        return len(short.split()) * 2 >= len(long_.split())
    return False


def sentences_overlap(quote: str, sentence: str) -> bool:
    a, b = _loose(quote), _loose(sentence)
    return bool(a) and bool(b) and (a in b or b in a)


def score_draft(facts: Iterable[Fact], gold: list[GoldFact]) -> Score:
    """Recall of the gold facts by the draft facts (each draft fact may satisfy one gold fact)."""
    remaining = list(facts)
    found: list[GoldFact] = []
    missed: list[GoldFact] = []
    for item in gold:
        match = next((f for f in remaining if sentences_overlap(f.source.quote, item.sentence)
                      and any(answers_match(f.answer, a) or answers_match(_value_name(f), a) for a in item.answers)),
                     None)
        if match is None:
            missed.append(item)
        else:
            remaining.remove(match)
            found.append(item)
    return Score(gold=gold, found=found, missed=missed)


def _value_name(fact: Fact) -> str:
    return getattr(fact.value, "name", "") or ""
