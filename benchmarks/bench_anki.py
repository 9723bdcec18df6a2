"""Writing the .apkg of 10,000 questions: quizgen's writer against plain genanki writing the same notes.

Both sides get the same notes (same note types, fields, tags and GUIDs); quizgen's side also builds the
field HTML from the questions, writes the database in memory, zips deterministically and writes the
file atomically. Runs alternate, and each side's median is printed. Target: ours <= 1.3x genanki.

    .venv/bin/python benchmarks/bench_anki.py [--questions 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

import genanki

from quizgen.export.anki import NOTE_TYPE_BY_KIND, deck_id_for, note_fields, note_guid, note_tags, write_apkg
from quizgen.loading import load_bank
from quizgen.model import Choice, Cloze, MatchPair, NumericAnswer, Question, SourceRef

TIMESTAMP = 1_700_000_000


def synthetic_questions(count: int) -> list[Question]:
    """`count` questions cycling through every kind, with texts of realistic length."""
    source = SourceRef(quote="Meta released Llama 3 on April 18, 2024, in 8B and 70B sizes, the article says.",
                       article_title="Meta's Llama strategy in 2024", publisher="Example Weekly", date="2024-12-20")
    kinds = ["multiple_choice", "true_false", "cloze", "short_answer", "numeric", "ordering", "matching"]
    out = []
    for n in range(count):
        kind = kinds[n % len(kinds)]
        common = dict(id=f"fact-{n}.{kind}", fact_id=f"fact-{n}", fact_ids=[f"fact-{n}"], kind=kind,
                      stem=f"Question {n}: on what date did Meta release model number {n} of the family?",
                      answer=f"April {n % 28 + 1}, 2024", explanation=f"Meta released model {n} on April {n % 28 + 1}, 2024.",
                      source=source, tags=["timeline", f"group-{n % 10}"])
        if kind == "multiple_choice":
            common["choices"] = [Choice(text=f"April {d}, 2024", correct=(d == n % 28 + 1)) for d in
                                 sorted({n % 28 + 1, (n + 3) % 28 + 1, (n + 7) % 28 + 1, (n + 11) % 28 + 1})]
        elif kind == "true_false":
            common["choices"] = [Choice(text="True", correct=True), Choice(text="False", correct=False)]
        elif kind == "cloze":
            common["cloze"] = Cloze(before=f"Meta released model {n} on ", answer=f"April {n % 28 + 1}, 2024", after=".")
        elif kind == "numeric":
            common["numeric"] = NumericAnswer(value=405e9, tolerance=1e9, unit="parameters")
        elif kind == "ordering":
            common["sequence"] = [f"Event {n}-{i} happened in month {i}" for i in range(4)]
        elif kind == "matching":
            common["pairs"] = [MatchPair(left=f"Model {n}-{i}", right=f"Release {i}") for i in range(4)]
        out.append(Question(**common))
    return out


def write_with_genanki(questions: list[Question], bank, path: Path) -> None:
    """Plain genanki: the same notes (fields precomputed outside the timing), one deck, write_to_file."""
    deck = genanki.Deck(deck_id_for(bank.id), bank.title)
    for position, (question, fields) in enumerate(questions):
        deck.add_note(genanki.Note(model=NOTE_TYPE_BY_KIND[question.kind], fields=fields, sort_field=question.stem,
                                   tags=note_tags(question, bank.id), guid=note_guid(bank.id, question.id),
                                   due=position))
    genanki.Package(deck).write_to_file(str(path), timestamp=TIMESTAMP)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    bank = load_bank(None)
    questions = synthetic_questions(args.questions)
    prepared = [(q, note_fields(q)) for q in questions]
    # Wall time is what a user waits; CPU time of this process is steadier on a shared machine.
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []

    def timed(write) -> tuple[float, float]:
        gc.collect()  # neither side pays for the other's garbage
        wall, cpu = time.perf_counter(), time.process_time()
        write()
        return time.perf_counter() - wall, time.process_time() - cpu

    with tempfile.TemporaryDirectory(prefix="bench-anki-") as folder:
        result = None

        def write_ours() -> None:
            nonlocal result
            result = write_apkg(questions, bank, Path(folder, "ours.apkg"), timestamp=TIMESTAMP)

        def write_theirs() -> None:
            write_with_genanki(prepared, bank, Path(folder, "genanki.apkg"))

        for run in range(args.runs):
            # Alternate who goes first, so that neither side always runs on a warmer (or busier) machine.
            if run % 2:
                theirs.append(timed(write_theirs))
                ours.append(timed(write_ours))
            else:
                ours.append(timed(write_ours))
                theirs.append(timed(write_theirs))
            print(f"run {run + 1}: quizgen {ours[-1][0]:.3f} s, genanki {theirs[-1][0]:.3f} s", file=sys.stderr)
        sizes = (Path(folder, "ours.apkg").stat().st_size, Path(folder, "genanki.apkg").stat().st_size)
    assert result is not None and result.written == args.questions
    print(f"{args.questions} questions, median of {args.runs} runs        wall       cpu")
    for label, times, size in (("quizgen write_apkg", ours, sizes[0]), ("genanki alone", theirs, sizes[1])):
        print(f"  {label:<18} {statistics.median(t[0] for t in times):8.3f} s {statistics.median(t[1] for t in times):8.3f} s"
              f"   ({size / 1e6:.1f} MB)")
    for i, what in ((0, "wall"), (1, "cpu")):
        ratio = statistics.median(t[i] for t in ours) / statistics.median(t[i] for t in theirs)
        print(f"  ratio ({what}): {ratio:.2f}x (target <= 1.30x)")


if __name__ == "__main__":
    main()
