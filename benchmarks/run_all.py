"""Run every benchmark script in this folder, one after the other, and print their reports.

Speed and memory targets live here, not in unit tests: these machines are shared and noisy, so each
script reports medians (and ratios measured side by side in one run) rather than asserting a time.
Usage: .venv/bin/python benchmarks/run_all.py [name-substring ...]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(selected: list[str]) -> int:
    scripts = sorted(p for p in HERE.glob("bench_*.py") if not selected or any(s in p.name for s in selected))
    failures = 0
    for script in scripts:
        print(f"== {script.name}", flush=True)
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
