"""Scale benchmark of the question pipeline: load + generate (with lint) + assemble.

Writes synthetic banks of 1k, 10k and 100k facts (every fact kind, dates at every precision,
quantities with scales and units, entities of several classes, curated distractors) and times each
size in a fresh process, so peak RSS is that of one run. Prints the median of the runs.

    .venv/bin/python benchmarks/bench_scale.py            # 1k, 10k, 100k; 3 runs each
    .venv/bin/python benchmarks/bench_scale.py 10000 --runs 5

Targets (2-core machine): 10k facts <= 2 s; 100k <= 12x the 10k time; peak RSS <= 1 GB at 100k.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PUBLICATIONS = ["IEEE Spectrum", "InfoQ", "The Verge", "Fortune", "TechCrunch", "Maginative", "SiliconANGLE",
                "The Guardian", "Wired", "Ars Technica", "Reuters", "Bloomberg"]
PEOPLE = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Barbara Liskov", "Donald Knuth", "Edsger Dijkstra"]
PRODUCTS = ["Orca", "Falcon", "Mistral", "Gemma", "Phi", "Qwen", "Yi", "Jamba"]
UNITS = ["parameters", "tokens", "downloads", "users", "servers"]
SCALES = ["thousand", "million", "billion", "trillion"]


def _yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are valid YAML flow scalars


def synthetic_bank(folder: Path, n: int) -> Path:
    """A bank of n facts whose quotes all occur in a 200-paragraph article."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = [f"Paragraph {p} reports on project {p} of the synthetic article, with its dates and figures."
                  for p in range(200)]
    (folder / "article.md").write_text(
        "---\ntitle: Synthetic bank\npublisher: quizgen benchmarks\ndate: 2024-12\n---\n\n"
        + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    lines = ["version: 1", "facts:"]
    for i in range(n):
        quote = paragraphs[i % len(paragraphs)]
        kind = i % 8
        thing = f"project {i}"
        if kind == 0:
            day, month, year = 1 + i % 28, 1 + (i // 7) % 12, 2000 + i % 25
            answer = f"{MONTHS[month - 1]} {day}, {year}"
            fact = dict(kind="date", statement=f"Team {i} released {thing} on {answer}.", answer=answer,
                        value=f'{{date: "{year}-{month:02d}-{day:02d}", precision: day}}')
        elif kind == 1:
            month, year = 1 + i % 12, 2000 + i % 25
            answer = f"{MONTHS[month - 1]} {year}"
            fact = dict(kind="date", statement=f"Team {i} shipped {thing} in {answer}.", answer=answer,
                        value=f'{{date: "{year}-{month:02d}", precision: month}}')
        elif kind == 2:
            qualifier, year = ["early", "mid", "late"][i % 3], 2000 + i % 25
            answer = f"{qualifier}-{year}" if qualifier == "mid" else f"{qualifier} {year}"
            fact = dict(kind="date", statement=f"In {answer}, Team {i} introduced {thing}.", answer=answer,
                        value=f'{{date: "{year}", precision: year, qualifier: {qualifier}}}')
        elif kind == 3:
            number, scale, unit = 1 + i % 900, SCALES[i % 4], UNITS[i % 5]
            answer = f"{number} {scale}"
            fact = dict(kind="quantity", statement=f"Model {i} had {answer} {unit}.", answer=answer,
                        value=f"{{number: {number}, scale: {scale}, unit: {unit}}}",
                        prompt=f"How many {unit} did model {i} have?")
        elif kind == 4:
            name = PUBLICATIONS[(i // 8) % len(PUBLICATIONS)]
            fact = dict(kind="attribution", statement=f"{name} said that {thing} changed the field.", answer=name,
                        value=f"{{name: {_yaml_str(name)}, class: publication}}")
        elif kind == 5:
            name = PEOPLE[(i // 8) % len(PEOPLE)]
            fact = dict(kind="quote", statement=f"{name} said that {thing} was a turning point.", answer=name,
                        value=f"{{name: {_yaml_str(name)}, class: person}}")
        elif kind == 6:
            name = f"{PRODUCTS[(i // 8) % len(PRODUCTS)]} {1 + (i // 64) % 9}"
            fact = dict(kind="entity", statement=f"Team {i} built {thing} on {name}.", answer=name,
                        value=f"{{name: {_yaml_str(name)}, class: product}}",
                        prompt=f"On which product did team {i} build {thing}?")
        else:
            fact = dict(kind="cause", statement=f"Team {i} opened {thing} to attract outside developers.",
                        answer="to attract outside developers", prompt=f"Why did team {i} open {thing}?",
                        distractors=["to cut its hosting costs", "to satisfy a regulator", "to sell more hardware"])
        lines.append(f"  - id: fact-{i}")
        lines.append(f"    kind: {fact['kind']}")
        lines.append(f"    statement: {_yaml_str(fact['statement'])}")
        lines.append(f"    answer: {_yaml_str(fact['answer'])}")
        if "value" in fact:
            lines.append(f"    value: {fact['value']}")
        if "prompt" in fact:
            lines.append(f"    prompt: {_yaml_str(fact['prompt'])}")
        if "distractors" in fact:
            lines.append(f"    distractors: [{', '.join(_yaml_str(d) for d in fact['distractors'])}]")
        lines.append(f"    source: {{quote: {_yaml_str(quote)}}}")
        lines.append(f"    tags: [t{i % 10}]")
    (folder / "facts.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


_CHILD = """
import json, sys, time
start = time.perf_counter()
from quizgen.loading import load_bank
from quizgen.generate import generate_questions
from quizgen.assemble import assemble_forms
imported = time.perf_counter()
bank = load_bank(sys.argv[1])
loaded = time.perf_counter()
questions = generate_questions(bank)
generated = time.perf_counter()
forms = assemble_forms(questions, count=20, forms=2, seed=1)
done = time.perf_counter()
errors = sum(1 for q in questions if q.has_errors)
print(json.dumps({"load": loaded - imported, "generate": generated - loaded, "assemble": done - generated,
                  "total": done - imported, "questions": len(questions), "errors": errors}))
"""


def run_once(bank: Path) -> dict:
    """One measured run in a fresh interpreter; adds its peak RSS (MB) from wait4."""
    process = subprocess.Popen([sys.executable, "-c", _CHILD, str(bank)], stdout=subprocess.PIPE)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"benchmark run failed for {bank}")
    result = json.loads(output)
    result["rss_mb"] = usage.ru_maxrss / 1024  # Linux reports KiB
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    medians: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        for n in args.sizes:
            bank = synthetic_bank(Path(tmp) / f"bank-{n}", n)
            runs = [run_once(bank) for _ in range(args.runs)]
            median = {key: statistics.median(r[key] for r in runs) for key in ("load", "generate", "assemble", "total", "rss_mb")}
            medians[n] = median["total"]
            print(f"{n:>7} facts: {runs[0]['questions']:>7} questions ({runs[0]['errors']} with lint errors) | "
                  f"median total {median['total']:.2f} s (load {median['load']:.2f}, generate+lint "
                  f"{median['generate']:.2f}, assemble {median['assemble']:.2f}) | peak RSS {median['rss_mb']:.0f} MB",
                  flush=True)
    if 10000 in medians and 100000 in medians:
        print(f"100k / 10k time ratio: {medians[100000] / medians[10000]:.1f} (target <= 12)")


if __name__ == "__main__":
    main()
