"""How long `load_bank` (what `quizgen check` does) takes on the bundled bank and on a large
synthetic bank (the bundled facts repeated under new ids, the article repeated to match), and on
a large bank full of errors. Prints medians; run by hand: .venv/bin/python benchmarks/bench_check.py"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

from quizgen.errors import BankError
from quizgen.loading import load_bank
from quizgen.resources import content_dir


def median_seconds(func, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def make_big_bank(folder: Path, copies: int, broken: bool = False) -> int:
    source = content_dir() / "llama-3-2024"
    article = (source / "article.md").read_text(encoding="utf-8")
    front, body = article.split("---\n", 2)[1:]
    facts_text = (source / "facts.yaml").read_text(encoding="utf-8")
    header, facts_body = facts_text.split("facts:\n", 1)
    out = [header + "facts:\n"]
    for copy in range(copies):
        # Broken: every copy repeats the ids (duplicates) and misspells a kind, so most facts have a problem.
        chunk = facts_body if broken else re.sub(r"(- id: )([a-z0-9-]+)", rf"\g<1>\g<2>-{copy}", facts_body)
        if broken:
            chunk = chunk.replace("kind: date", "kind: dat")
        out.append(chunk.rstrip("\n") + "\n\n")
    (folder / "facts.yaml").write_text("".join(out), encoding="utf-8")
    (folder / "article.md").write_text("---\n" + front + "---\n" + body * max(1, copies // 10), encoding="utf-8")
    return len(re.findall(r"- id: ", "".join(out)))


def main() -> None:
    print(f"bundled bank: {median_seconds(load_bank) * 1000:.1f} ms")
    for copies, broken in ((20, False), (20, True)):
        with tempfile.TemporaryDirectory() as tmp:
            count = make_big_bank(Path(tmp), copies, broken)

            def run() -> None:
                try:
                    load_bank(tmp)
                except BankError:
                    if not broken:
                        raise

            label = "broken" if broken else "valid"
            print(f"{count} facts ({label}): {median_seconds(run, 3) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
