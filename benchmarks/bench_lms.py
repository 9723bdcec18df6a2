"""Benchmark: writing every LMS export format for a large bank (by hand: `python benchmarks/bench_lms.py`).

Builds 2,000 synthetic questions (every exportable kind, with awkward characters) and prints the
median time of each format's writer over a few runs. Target: each format well under a second."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from quizgen.export import LMS_FORMATS, exporter
from quizgen.loading import load_bank
from quizgen.model import Choice, MatchPair, NumericAnswer, Question, SourceRef

COUNT = 2000
RUNS = 5
TEXT = "The tag <script> & \"quotes\" ~ = # { } : \\ $ [ ] שלום 🍮"


def synthetic_questions(count: int) -> list[Question]:
    source = SourceRef(quote="A sentence of the article. " + TEXT, article_title="Bench article", publisher="quizgen")
    kinds = ["multiple_choice", "true_false", "short_answer", "cloze", "numeric", "matching"]
    questions = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        fields = dict(id=f"fact-{i}.{kind}", fact_id=f"fact-{i}", fact_ids=[f"fact-{i}"], kind=kind,
                      stem=f"Question {i}: {TEXT}?", answer=f"answer {i}", explanation=f"Because {i}. {TEXT}",
                      source=source, tags=[f"tag-{i % 7}"])
        if kind == "multiple_choice":
            fields["choices"] = [Choice(text=f"choice {i}.{j} {TEXT[:10]}", correct=j == 0, feedback=f"fb {j}")
                                 for j in range(4)]
        elif kind == "true_false":
            fields.update(answer="True", choices=[Choice(text="True", correct=True), Choice(text="False", correct=False)])
        elif kind in ("short_answer", "cloze"):
            fields["accepted"] = [f"answer {i}", f"ans {i} *"]
        elif kind == "numeric":
            fields["numeric"] = NumericAnswer(value=1200 + i, tolerance=i % 3, unit="units")
        else:
            fields["pairs"] = [MatchPair(left=f"left {i}.{j} {TEXT[:12]}", right=f"right {i}.{j}") for j in range(4)]
        questions.append(Question(**fields))
    return questions


def main() -> int:
    bank = load_bank(None)
    questions = synthetic_questions(COUNT)
    with tempfile.TemporaryDirectory() as folder:
        for name in LMS_FORMATS:
            write = exporter(name)
            times = []
            for run in range(RUNS):
                start = time.perf_counter()
                result = write(questions, bank, Path(folder) / f"bench-{name}")
                times.append(time.perf_counter() - start)
            print(f"{name:11s} {COUNT} questions: median {statistics.median(times) * 1000:7.1f} ms "
                  f"({result.written} written, {len(result.skipped)} skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
