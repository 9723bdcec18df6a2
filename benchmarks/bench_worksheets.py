"""Benchmark: worksheets for 30 forms of 20 questions (student sheet + key per form, both combined
PDFs, and the HTML files). Target: <= 3 s median for the PDFs. Run by hand:

    .venv/bin/python benchmarks/bench_worksheets.py [--runs 5]

Uses the real generator and assembler on the bundled bank when they are installed; otherwise
hand-built forms of every question kind (tests/worksheet_forms.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

FORMS, QUESTIONS = 30, 20


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the PDF renderer's worker processes)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def make_forms():
    """(forms, bank meta, where they came from)."""
    try:
        from quizgen.assemble import assemble_forms
        from quizgen.generate import generate_questions
        from quizgen.loading import load_bank
    except ImportError:
        from quizgen.model import FormItem, QuizForm
        from worksheet_forms import META, sample_questions

        questions = sample_questions()
        forms = [QuizForm(label=f"F{f + 1}", seed=f, bank_id="escaping", title="Benchmark", items=[
            FormItem(number=n + 1, question=questions[(n + f) % len(questions)]) for n in range(QUESTIONS)])
            for f in range(FORMS)]
        return forms, META, "hand-built forms (generate/assemble not installed)"
    bank = load_bank(None)
    questions = generate_questions(bank)
    # assemble labels at most 26 forms (A-Z): two seeds of 15, relabelled 1..30
    halves = [assemble_forms(questions, count=QUESTIONS, forms=FORMS // 2, seed=seed, bank_id=bank.id,
                             title=bank.title, source_line=bank.article.meta.source_line) for seed in (1, 2)]
    forms = [form.model_copy(update={"label": str(n)}) for n, form in enumerate(halves[0] + halves[1], 1)]
    return forms, bank.article.meta, f"bundled bank {bank.id}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from quizgen.render.worksheets import render_worksheets

    forms, meta, origin = make_forms()
    counts = sorted({len(form.items) for form in forms})
    print(f"{len(forms)} forms of {counts} questions from {origin}")
    for formats in (("pdf",), ("html",), ("pdf", "html")):
        times, cpu = [], []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as out:
                start, start_cpu = time.perf_counter(), _cpu_seconds()
                written = render_worksheets(forms, meta, Path(out), formats=formats, warn=lambda _: None)
                times.append(time.perf_counter() - start)
                cpu.append(_cpu_seconds() - start_cpu)
        # CPU time too: on a shared machine the wall clock mostly measures the neighbours
        print(f"{'+'.join(formats):9s} {len(written):3d} files  median {statistics.median(times):.2f} s wall, "
              f"{statistics.median(cpu):.2f} s CPU  (wall min {min(times):.2f}, max {max(times):.2f}; "
              f"{args.runs} runs; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
