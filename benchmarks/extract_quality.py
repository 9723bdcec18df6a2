"""Quality of `quizgen extract` on every article with a gold list (tests/data/gold/*.yaml).

For each article: draft a bank (default settings), then report
  recall  = gold facts found in the draft / gold facts
  usable  = questions generated from the draft with no lint errors / all questions
            (the draft is linted while it is written; `raw usable` is the share before that filter)
Run:  .venv/bin/python benchmarks/extract_quality.py [-v]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.extract import extract_article  # noqa: E402
from quizgen.extract.score import load_gold, score_draft  # noqa: E402
from quizgen.loading import load_bank  # noqa: E402


def raw_usable_share(source: Path) -> tuple[int, int]:
    """Questions without lint errors / all, for the draft before the lint filter (top facts only)."""
    from quizgen.extract import draft_facts, guess_meta
    from quizgen.extract.document import read_document
    from quizgen.extract.writer import render_article, render_facts
    from quizgen.generate import generate_questions

    document = read_document(source)
    drafts = draft_facts(document)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "raw"
        folder.mkdir()
        (folder / "article.md").write_text(render_article(document, guess_meta(document, source)), encoding="utf-8")
        (folder / "facts.yaml").write_text(render_facts([(d.fact, d.confidence, d.reason, d.notes) for d in drafts], []),
                                           encoding="utf-8")
        questions = generate_questions(load_bank(folder))
    return sum(1 for q in questions if not q.has_errors), len(questions)


def main() -> None:
    verbose = "-v" in sys.argv
    rows = []
    runs = []
    for gold_path in sorted((ROOT / "tests" / "data" / "gold").glob("*.yaml")):
        article, gold = load_gold(gold_path)
        runs.append((gold_path.stem, ROOT / article, gold))
        if gold_path.stem == "llama-3-2024":
            # The same article as raw plain text (no front matter, bare-line headings).
            runs.append(("llama-raw-txt", ROOT / "tests/data/articles/llama-2024-article.txt", gold))
    for name, source, gold in runs:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / name
            report = extract_article(source, out)
            bank = load_bank(out)
            score = score_draft(bank.facts, gold)
            usable, total = _usable(bank)
        raw_ok, raw_total = raw_usable_share(source)
        rows.append((name, len(bank.facts), score, usable, total, raw_ok, raw_total))
        if verbose:
            for item in score.missed:
                print(f"  missed [{name}] {item.kind} {item.answers[0]!r}: {item.sentence[:90]}")
    print(f"{'article':<16} {'facts':>5} {'gold':>4} {'found':>5} {'recall':>7} {'usable':>13} {'raw usable':>13}")
    for name, n, score, usable, total, raw_ok, raw_total in rows:
        print(f"{name:<16} {n:>5} {len(score.gold):>4} {len(score.found):>5} {score.recall:>7.0%} "
              f"{usable:>4}/{total:<4} {usable / max(total, 1):>4.0%} {raw_ok:>4}/{raw_total:<4} {raw_ok / max(raw_total, 1):>4.0%}")


def _usable(bank) -> tuple[int, int]:
    from quizgen.generate import generate_questions

    questions = generate_questions(bank)
    return sum(1 for q in questions if not q.has_errors), len(questions)


if __name__ == "__main__":
    main()
