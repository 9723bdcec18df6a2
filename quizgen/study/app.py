"""What the `study` and `stats` commands run: load the bank, open the progress database, play."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from pathlib import Path
from typing import IO, Optional, Sequence

from quizgen.errors import QuizgenError
from quizgen.study.session import (
    MODES,
    Clock,
    StudySession,
    SystemClock,
    normalize_kinds,
    normalize_tags,
    quiz_items,
    review_items,
)
from quizgen.study.store import ProgressStore

DEFAULT_QUIZ_COUNT = 10
DEFAULT_NEW = 10


def default_db_path() -> Path:
    """Where progress lives unless --db says otherwise: the user data dir, e.g.
    ~/.local/share/quizgen/progress.sqlite3 on Linux."""
    from platformdirs import user_data_path

    return user_data_path("quizgen", appauthor=False) / "progress.sqlite3"


def study(bank_ref: Optional[str], *, mode: str = "review", count: Optional[int] = None,
          new: Optional[int] = None, kinds: Optional[Sequence[str]] = None, tags: Optional[Sequence[str]] = None,
          seed: Optional[int] = None, db_path: Optional[Path] = None, stdin: Optional[IO[str]] = None,
          stdout: Optional[IO[str]] = None, clock: Optional[Clock] = None) -> int:
    """Run one study session in the terminal (or a pipe); returns the exit code."""
    from quizgen.generate import generate_questions
    from quizgen.loading import load_bank
    from quizgen.study.screen import StudyScreen, Terminal

    if mode not in MODES:
        raise QuizgenError(f'unknown study mode "{mode}"; use quiz or review')
    if count is not None and count < 1:
        raise QuizgenError("--count must be at least 1")
    if new is not None and new < 0:
        raise QuizgenError("--new must be 0 or more")
    kind_list, tag_list = normalize_kinds(kinds), normalize_tags(tags)
    clock = clock or SystemClock()
    bank = load_bank(bank_ref)
    questions = generate_questions(bank)
    seed_given = seed is not None
    seed = seed if seed is not None else secrets.randbelow(1_000_000)
    store = ProgressStore.open(db_path or default_db_path())
    try:
        if mode == "quiz":
            items = quiz_items(questions, count=count or DEFAULT_QUIZ_COUNT, seed=seed, kinds=kind_list, tags=tag_list)
        else:
            cards = {qid: card for (_, qid), card in store.cards(bank.id).items()}
            items = review_items(questions, cards, now=clock.now(), new_limit=DEFAULT_NEW if new is None else new,
                                 due_limit=count, seed=seed, kinds=kind_list, tags=tag_list)
        terminal = Terminal(stdin, stdout)
        from rich.text import Text

        if not items:
            if mode == "review":
                terminal.print(Text("Nothing due today. Learn more with --new N, or take a quiz with --mode quiz."))
            else:
                terminal.print(Text("No questions match these --kinds/--tags."))
            return 0
        what = "Quiz" if mode == "quiz" else "Review"
        if mode == "quiz" and count is not None and len(items) < count:
            fit = f"{len(items)} question fits" if len(items) == 1 else f"{len(items)} questions fit"
            terminal.print(Text(f"Only {fit} (one per fact); asking {'it' if len(items) == 1 else 'those'}."))
        terminal.print(Text(f"{what} \u00b7 {len(items)} question{'s' if len(items) != 1 else ''} \u00b7 {bank.title}",
                            style="bold" if terminal.styled else ""))
        repeat = "" if seed_given else f" (--seed {seed} repeats it)"
        terminal.print(Text(f"seed {seed}{repeat} \u00b7 progress saved in {store.path}",
                            style="dim" if terminal.styled else ""))
        session = StudySession(store, bank_id=bank.id, mode=mode, items=items, seed=seed, clock=clock)
        code = StudyScreen(terminal, session, title=bank.title).run()
        if session.outcomes:
            terminal.print(Text(_coming_up(store, bank.id, clock), style="dim" if terminal.styled else ""))
        return code
    finally:
        store.close()


def stats(bank_ref: Optional[str], *, db_path: Optional[Path] = None, as_json: bool = False,
          stdout: Optional[IO[str]] = None, clock: Optional[Clock] = None) -> None:
    """Print study statistics (of one bank, or of every bank when none is named)."""
    from quizgen.study.screen import Terminal, print_stats
    from quizgen.study.stats import compute_stats

    path = db_path or default_db_path()
    clock = clock or SystemClock()
    bank_id = None
    statements: dict[str, str] = {}
    if bank_ref is not None:
        from quizgen.loading import load_bank

        bank = load_bank(bank_ref)
        bank_id = bank.id
        statements = {fact.id: fact.statement for fact in bank.facts}
    if not path.exists():
        raise QuizgenError(f"no progress database at {path} yet; run `quizgen study` first (or pass --db)")
    with ProgressStore.open(path) as store:
        if bank_ref is None:
            statements = _bundled_statements(store.bank_ids())
        data = compute_stats(store, now=clock.now(), bank_id=bank_id, statements=statements)
    terminal = Terminal(stdout=stdout)
    if as_json:
        terminal.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        terminal.stdout.flush()
    else:
        print_stats(terminal, data)




def _bundled_statements(bank_ids: list[str]) -> dict[str, str]:
    """Fact statements of the banks in the database that are bundled ones (others need BANK)."""
    from quizgen.loading import load_bank
    from quizgen.resources import content_dir

    statements: dict[str, str] = {}
    for bank_id in bank_ids:
        if (content_dir() / bank_id).is_dir():
            try:
                statements.update({fact.id: fact.statement for fact in load_bank(bank_id).facts})
            except QuizgenError:  # a broken bundled bank must not break stats
                continue
    return statements


def _coming_up(store: ProgressStore, bank_id: str, clock: Clock) -> str:
    """"Coming up: 3 reviews tomorrow, 7 this week." so a learner knows when to return."""
    from quizgen.study.scheduler import card_due
    from quizgen.study.session import end_of_local_day

    now = clock.now()
    tomorrow_ends = end_of_local_day(end_of_local_day(now))
    week_ends = now + dt.timedelta(days=7)
    dues = [card_due(card.card_json) for card in store.cards(bank_id).values()]
    today = sum(due < end_of_local_day(now) for due in dues)
    tomorrow = sum(end_of_local_day(now) <= due < tomorrow_ends for due in dues)
    week = sum(due < week_ends for due in dues)
    parts = []
    if today:
        parts.append(f"{today} more today")
    parts.append(f"{tomorrow} tomorrow")
    parts.append(f"{week} within a week")
    return "Coming up: " + ", ".join(parts) + " (quizgen stats shows more)."
