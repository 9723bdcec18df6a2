"""Benchmark: `quizgen extract` on 1 MB of article text (target: <= 10 s).

The text is the bundled article and the test articles (tests/data/articles/), concatenated and
repeated until it reaches 1 MB, each copy under its own heading. Prints the median of 3 runs.
Run:  .venv/bin/python benchmarks/bench_extract.py
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.extract import extract_article  # noqa: E402

TARGET_BYTES = 1_000_000


def corpus() -> str:
    texts = [(ROOT / "content" / "llama-3-2024" / "article.md").read_text(encoding="utf-8").split("---", 2)[2]]
    for path in sorted((ROOT / "tests" / "data" / "articles").glob("*.*")):
        if path.suffix in (".txt", ".md") and path.name != "SOURCES.md":
            texts.append(path.read_text(encoding="utf-8"))
    parts: list[str] = []
    size = 0
    copy = 0
    while size < TARGET_BYTES:
        for text in texts:
            # Shift the years in each copy, so that repeated sentences are not free cache hits.
            varied = re.sub(r"\b(1[89]|20)\d\d\b", lambda m: str(int(m.group(0)) - copy % 40), text.strip())
            chunk = f"\n\n## Part {copy}\n\n{varied}\n"
            parts.append(chunk)
            size += len(chunk.encode("utf-8"))
            copy += 1
    return "".join(parts)


def main() -> None:
    text = corpus()
    times = []
    cpu = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "big.md"
        source.write_text(text, encoding="utf-8")
        for run in range(3):
            start, start_cpu = time.perf_counter(), time.process_time()
            report = extract_article(source, Path(tmp) / f"out{run}", max_facts=40)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    # Wall time depends on what else runs on the machine; CPU time is this process's own work.
    print(f"extract {len(text.encode('utf-8')) / 1e6:.2f} MB: median {statistics.median(times):.2f} s wall, "
          f"{statistics.median(cpu):.2f} s CPU (wall runs: {', '.join(f'{t:.2f}' for t in times)}); "
          f"{len(report.facts)} facts kept")


if __name__ == "__main__":
    main()
