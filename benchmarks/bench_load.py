"""Benchmark of `load_bank` alone on synthetic banks (the same banks as bench_scale.py).

Each run is a fresh process, so that its peak RSS is that of one load. Prints the median wall time,
the median CPU time (less disturbed by other work on a shared machine) and the median peak RSS.

    .venv/bin/python benchmarks/bench_load.py                 # 10k and 100k facts, 5 runs each
    .venv/bin/python benchmarks/bench_load.py 10000 --runs 7
    .venv/bin/python benchmarks/bench_load.py 10000 --compare  # also the marked path, run by run

`--compare` also times the marked path (what every bank took before the fast path; now only broken
banks take it), alternating runs so that both see the same load of the machine.

Targets (2-core machine): load of 10k facts <= 0.5 s; peak RSS of the 100k load well under 1 GB
(the whole pipeline must stay under 1 GB at 100k).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_scale import synthetic_bank  # noqa: E402

_CHILD = """
import json, resource, sys, time
import quizgen.loading
from quizgen.loading import load_bank
if sys.argv[3] == "marked":
    quizgen.loading._parse_facts_fast = lambda *args: None
start, cpu_start = time.perf_counter(), time.process_time()
bank = load_bank(sys.argv[1])
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
assert len(bank.facts) == int(sys.argv[2]), len(bank.facts)
print(json.dumps({"load": seconds, "cpu": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", action="store_true", help="also time the marked path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            bank = synthetic_bank(Path(tmp) / f"bank-{n}", n)
            paths = ["fast", "marked"] if args.compare else ["fast"]
            runs: dict[str, list[dict]] = {path: [] for path in paths}
            for _ in range(args.runs):
                for path in paths:
                    out = subprocess.run([sys.executable, "-c", _CHILD, str(bank), str(n), path], check=True,
                                         capture_output=True, text=True).stdout
                    runs[path].append(json.loads(out))
            for path in paths:
                load = statistics.median(r["load"] for r in runs[path])
                cpu = statistics.median(r["cpu"] for r in runs[path])
                rss = statistics.median(r["rss_mb"] for r in runs[path])
                each = ", ".join(f"{r['load']:.3f}" for r in runs[path])
                print(f"{n:>7} facts, {path:>6} path: load {load:.3f} s (runs: {each}; CPU {cpu:.3f} s), "
                      f"peak RSS {rss:.0f} MB")
            if args.compare:
                ratios = [m["load"] / f["load"] for f, m in zip(runs["fast"], runs["marked"])]
                print(f"{n:>7} facts: the fast path is {statistics.median(ratios):.1f}x faster (median of run pairs)")

if __name__ == "__main__":
    main()
