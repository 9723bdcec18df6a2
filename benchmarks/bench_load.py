"""Benchmark of `load_bank` alone on synthetic banks (the same banks as bench_scale.py).

Each run is a fresh process, so that its peak RSS is that of one load. Prints the median time and
the median peak RSS of the runs.

    .venv/bin/python benchmarks/bench_load.py                 # 10k and 100k facts, 5 runs each
    .venv/bin/python benchmarks/bench_load.py 10000 --runs 7

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
from quizgen.loading import load_bank
start = time.perf_counter()
bank = load_bank(sys.argv[1])
seconds = time.perf_counter() - start
assert len(bank.facts) == int(sys.argv[2]), len(bank.facts)
print(json.dumps({"load": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            bank = synthetic_bank(Path(tmp) / f"bank-{n}", n)
            runs = []
            for _ in range(args.runs):
                out = subprocess.run([sys.executable, "-c", _CHILD, str(bank), str(n)], check=True,
                                     capture_output=True, text=True).stdout
                runs.append(json.loads(out))
            load = statistics.median(r["load"] for r in runs)
            rss = statistics.median(r["rss_mb"] for r in runs)
            each = ", ".join(f"{r['load']:.3f}" for r in runs)
            print(f"{n:>7} facts: load {load:.3f} s (runs: {each}), peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
