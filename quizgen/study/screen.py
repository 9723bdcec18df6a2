"""The terminal side of studying: rich rendering and reading answers.

In a terminal, choice questions take a single key press (read in cbreak mode, always restored); typed
questions read a line with normal editing. In a pipe (stdin or stdout not a terminal) every answer
is one line of input and nothing but plain text is printed; NO_COLOR turns colour off in a terminal.
All learner text goes through rich `Text` objects, never markup strings, so "[draft]" or ":smile:"
in a question prints literally.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import IO, Any, Iterator, Optional

from rich.console import Console
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from quizgen.model import LETTERS, FormItem
from quizgen.study.session import (
    CHOICE_KINDS,
    Answer,
    Outcome,
    StudySession,
    Summary,
    choice_count,
    describe_interval,
)

KIND_LABELS = {
    "multiple_choice": "multiple choice", "true_false": "true or false", "cloze": "fill in the blank",
    "short_answer": "short answer", "numeric": "number", "ordering": "put in order", "matching": "match",
}
QUIT, SKIP = "quit", "skip"


class Quit(Exception):
    """The learner asked to stop (q, Ctrl-D, end of input)."""


class Terminal:
    """Input and output for a session: a real terminal or a plain pipe."""

    def __init__(self, stdin: Optional[IO[str]] = None, stdout: Optional[IO[str]] = None):
        self.stdin = stdin if stdin is not None else sys.stdin
        self.stdout = stdout if stdout is not None else sys.stdout
        self.interactive = _isatty(self.stdin) and _isatty(self.stdout)
        no_color = bool(os.environ.get("NO_COLOR")) or not self.interactive
        self.console = Console(
            file=self.stdout,
            force_terminal=self.interactive,
            no_color=no_color,
            color_system=None if no_color else "auto",
            highlight=False,
            emoji=False,
            markup=False,
            # In a pipe, one logical line per line: tools and tests read it; a human's terminal wraps.
            soft_wrap=not self.interactive,
        )
        self.styled = self.interactive and not no_color

    def print(self, *parts: Any, **kwargs: Any) -> None:
        self.console.print(*parts, **kwargs)

    def print_indented(self, text: Text, indent: int = 2) -> None:
        """Text whose wrapped lines keep the indent in a terminal; one plain line in a pipe."""
        if self.interactive:
            self.console.print(Padding(text, (0, 0, 0, indent), expand=False))
        else:
            self.console.print(Text(" " * indent) + text)

    def read_line(self, prompt: str) -> str:
        """One line of input; raises Quit at end of input.

        In a terminal, input() gives line editing (arrow keys, history) when readline is available.
        In a pipe the prompt goes on a line of its own, so output lines never run together.
        """
        if self.interactive and self.stdin is sys.stdin and self.stdout is sys.stdout:
            _enable_line_editing()
            self.stdout.flush()
            try:
                return input(prompt)
            except EOFError:
                raise Quit() from None
        self.console.print(Text(prompt.rstrip() if not self.interactive else prompt, style="bold"),
                           end="" if self.interactive else "\n")
        self.stdout.flush()
        line = self.stdin.readline()
        if line == "":
            raise Quit()
        return line.rstrip("\r\n")

    def read_key(self, prompt: str) -> str:
        """One key press in a terminal (no Enter needed); one line in a pipe."""
        if not self.interactive:
            return self.read_line(prompt)
        self.console.print(Text(prompt, style="bold"), end="")
        self.stdout.flush()
        key = _read_key_cbreak(self.stdin)
        if key in ("\x04", ""):  # Ctrl-D
            self.console.print()
            raise Quit()
        self.console.print(Text(key if key.isprintable() else ""))  # echo what was pressed
        return key


def _enable_line_editing() -> None:
    try:
        import readline  # noqa: F401  (importing it is what makes input() editable)
    except ImportError:  # pragma: no cover - Windows, or Python built without it
        pass


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _read_key_cbreak(stdin: IO[str]) -> str:
    """Read one key in cbreak mode (Ctrl-C still interrupts) and restore the terminal, always.

    Escape sequences (arrow keys...) arrive as one chunk and are ignored whole, so the "A" of an
    up-arrow never answers choice A.
    """
    try:
        import termios
        import tty
    except ImportError:  # pragma: no cover - Windows: fall back to a line
        return stdin.readline().strip()[:1]
    fd = stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        while True:
            data = os.read(fd, 64)
            if not data:
                return ""
            if data.startswith(b"\x1b"):
                continue
            text = data.decode("utf-8", errors="ignore")
            if text:
                return text[0]
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


@contextlib.contextmanager
def _terminate_as_interrupt(interactive: bool) -> Iterator[None]:
    """SIGTERM and SIGHUP end the session like Ctrl-C: finally-blocks run, the terminal is restored.

    In a terminal, Ctrl-C always ends the session, even when this process inherited SIGINT as
    ignored (a parent started without job control, such as a script's `cmd &`, passes that on and
    Python keeps it). The convention of keeping an inherited "ignore" exists for background jobs,
    whose stdin is not the terminal; a quiz reading keys from the terminal is in the foreground.
    """
    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt()

    handlers: dict[str, Any] = {"SIGTERM": handler, "SIGHUP": handler}
    if interactive and signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        handlers["SIGINT"] = signal.default_int_handler
    previous = {}
    for name, new_handler in handlers.items():
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                previous[sig] = signal.signal(sig, new_handler)
            except ValueError:  # not the main thread (some test runners)
                pass
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


# ----------------------------------------------------------------------------------------------
# Rendering


class StudyScreen:
    """Runs a StudySession on a Terminal: question, answer, feedback, summary, retry."""

    def __init__(self, terminal: Terminal, session: StudySession, *, title: str):
        self.term = terminal
        self.session = session
        self.title = title
        self._last_citation = ""

    def style(self, name: str) -> str:
        return name if self.term.styled else ""

    # -- the loop ------------------------------------------------------------------------------

    def run(self) -> int:
        """Play the whole session; returns the exit code (0, or 130 after Ctrl-C)."""
        session = self.session
        interrupted = stopped = False
        with _terminate_as_interrupt(self.term.interactive):
            try:
                items = session.items
                while items:
                    self._play_round(items)
                    summary = session.round_summary()
                    self._show_summary(summary)
                    if not summary.missed or not self._ask_retry(len(summary.missed)):
                        break
                    items = session.retry_missed()
            except Quit:
                stopped = True
            except KeyboardInterrupt:
                interrupted = stopped = True
                self.term.print()
            finally:
                try:
                    session.finish()
                except Exception:  # pragma: no cover - the answers are committed already
                    pass
        if stopped:
            if session.round_outcomes():
                self._show_summary(session.round_summary())
            self._show_totals()
        elif session.round > 1:
            self._show_totals()
        return 130 if interrupted else 0

    def _play_round(self, items: list[FormItem]) -> None:
        total = len(items)
        for index, item in enumerate(items, 1):
            self._show_question(item, index, total)
            self.session.show(item)
            answer = self._read_answer(item)  # raises Quit
            outcome = self.session.submit(item, answer)  # committed before any feedback
            self._show_feedback(outcome)
            if self.term.interactive and index < total:
                key = self.term.read_key("Press any key for the next question (q to quit) ")
                if key.lower() == "q":
                    raise Quit()

    # -- questions -----------------------------------------------------------------------------

    def _round_score(self) -> str:
        outcomes = self.session.round_outcomes()
        right = sum(o.correct for o in outcomes)
        return f" \u00b7 score {right}/{len(outcomes)}" if outcomes else ""

    def _show_question(self, item: FormItem, index: int, total: int) -> None:
        q = item.question
        round_label = f"retry {self.session.round - 1} \u00b7 " if self.session.round > 1 else ""
        header = f"{round_label}Question {index} of {total} \u00b7 {KIND_LABELS.get(q.kind, q.kind)}{self._round_score()}"
        self.term.print()
        if self.term.interactive:
            self.term.print(Rule(Text(header), style=self.style("blue")))
        else:
            self.term.print(Text(f"-- {header} --"))
        self.term.print(Text(q.stem, style=self.style("bold")))
        if q.kind == "cloze" and q.cloze is not None and "__" not in q.stem:
            self.term.print(Text(f"{q.cloze.before}_____{q.cloze.after}"))
        if q.kind in CHOICE_KINDS:
            for i, choice in enumerate(item.choices):
                self._print_labelled(LETTERS[i], choice.text)
        elif q.kind == "ordering":
            for i, event in enumerate(item.shown_sequence):
                self._print_labelled(LETTERS[i], event)
        elif q.kind == "matching":
            for n, pair in enumerate(q.pairs, 1):
                self._print_labelled(str(n), pair.left)
            self.term.print(Text("  with", style=self.style("dim")))
            for i, right in enumerate(item.shown_right):
                self._print_labelled(LETTERS[i], right)
        elif q.kind == "numeric" and q.numeric is not None and q.numeric.unit:
            self.term.print(Text(f"(in {q.numeric.unit})", style=self.style("dim")))

    def _print_labelled(self, label: str, text: str) -> None:
        if self.term.interactive:  # a grid: wrapped lines hang under the text, not under the letter
            grid = Table.grid(padding=(0, 2))
            grid.add_column(no_wrap=True)
            grid.add_column()
            grid.add_row(Text(label, style=self.style("bold cyan")), Text(text))
            self.term.print(Padding(grid, (0, 0, 0, 2), expand=False))
            return
        self.term.print_indented(Text(f"{label}  {text}"))

    def _read_answer(self, item: FormItem) -> Answer:
        q = item.question
        if q.kind in CHOICE_KINDS:
            count = choice_count(item)
            letters = "".join(LETTERS[:count]).lower()
            hint = f"1-{count} or a-{letters[-1]}"
            if q.kind == "true_false":
                hint = "t/f, 1-2 or a-b"
            prompt = f"Answer ({hint}, s skip, q quit): "
            while True:
                key = self.term.read_key(prompt).strip().lower()
                choice = _parse_choice(key, count, true_false=q.kind == "true_false", item=item)
                if choice is not None:
                    return Answer(choice=choice)
                if key == "s":
                    return Answer.skip()
                if key == "q":
                    raise Quit()
                if key:
                    self.term.print(Text(f"Press {hint}, s to skip or q to quit.", style=self.style("yellow")))
        if q.kind == "ordering":
            prompt = "The letters in order, first one first (s skip, q quit): "
        elif q.kind == "matching":
            prompt = f"The letter for each of 1-{len(q.pairs)}, in that order (s skip, q quit): "
        else:
            prompt = "Your answer (s skip, q quit): "
        while True:
            text = self.term.read_line(prompt).strip()
            if text.lower() == "s":
                return Answer.skip()
            if text.lower() == "q":
                raise Quit()
            if text:
                return Answer(text=text)

    # -- feedback ------------------------------------------------------------------------------

    def _show_feedback(self, outcome: Outcome) -> None:
        q = outcome.item.question
        line = Text()
        if outcome.result == "right":
            line.append("\u2713 Right", style=self.style("bold green"))
            if q.kind not in CHOICE_KINDS:
                line.append(f" \u2014 {outcome.key}")
        elif outcome.result == "wrong":
            line.append("\u2717 Wrong", style=self.style("bold red"))
            line.append(f" \u2014 the answer is {outcome.key}")
            if q.kind not in CHOICE_KINDS:
                line.append(f" (you typed {outcome.response})", style=self.style("dim"))
        else:
            line.append("\u2192 Skipped", style=self.style("bold yellow"))
            line.append(f" \u2014 the answer is {outcome.key}")
        self.term.print(line)
        if q.kind == "ordering" and outcome.result != "right":
            self.term.print_indented(Text("  \u2192  ".join(q.sequence)))
        if q.kind == "matching" and outcome.result != "right":
            for pair in q.pairs:
                self.term.print_indented(Text(f"{pair.left} \u2194 {pair.right}"))
        if q.explanation:
            self.term.print_indented(Text(q.explanation))
        if q.source.quote:
            source = Text("Source: ", style=self.style("dim"))
            source.append(f"\u201c{q.source.quote}\u201d", style=self.style("italic"))
            citation = q.source.citation
            # The article is the same question after question: name it once, and again when it changes.
            if citation and citation != self._last_citation:
                source.append(f" \u2014 {citation}", style=self.style("dim"))
                self._last_citation = citation
            self.term.print_indented(source)
        if outcome.interval is not None:
            self.term.print_indented(Text(f"Next review {describe_interval(outcome.interval)}", style=self.style("dim")))

    # -- summaries -----------------------------------------------------------------------------

    def _show_summary(self, summary: Summary) -> None:
        self.term.print()
        header = "Retry done" if self.session.round > 1 else "Done"
        if self.term.interactive:
            self.term.print(Rule(Text(header), style=self.style("blue")))
        else:
            self.term.print(Text(f"-- {header} --"))
        line = Text("Score ")
        line.append(summary.score_text, style=self.style("bold"))
        line.append(f" in {_duration(summary.seconds)}")
        if summary.skipped:
            line.append(f" ({summary.skipped} skipped)")
        self.term.print(line)
        if summary.missed:
            self.term.print(Text("Missed:", style=self.style("bold")))
            for outcome in summary.missed:
                self.term.print_indented(Text(outcome.item.question.stem), 2)
                entry = Text("answer: ")
                entry.append(outcome.key, style=self.style("green"))
                if outcome.result == "skipped":
                    entry.append("   (skipped)", style=self.style("dim"))
                else:
                    entry.append("   you: ")
                    entry.append(outcome.response, style=self.style("red"))
                self.term.print_indented(entry, 4)

    def _show_totals(self) -> None:
        session = self.session
        saved = len(session.outcomes)
        if saved == 0:
            self.term.print(Text("No answers given."))
            return
        total = session.summary()
        self.term.print(Text(f"{saved} answer{'s' if saved != 1 else ''} saved; session score {total.score_text}."))

    def _ask_retry(self, missed: int) -> bool:
        question = f"Retry the {missed} missed question{'s' if missed != 1 else ''}? [y/N] "
        try:
            key = self.term.read_key(question).strip().lower()
        except Quit:
            return False
        return key in ("y", "yes")


def _parse_choice(key: str, count: int, *, true_false: bool, item: FormItem) -> Optional[int]:
    if not key:
        return None
    if key.isdigit() and 1 <= int(key) <= count:
        return int(key) - 1
    if len(key) == 1 and key.isalpha() and key.upper() in LETTERS[:count] and key not in ("s", "q"):
        return LETTERS.index(key.upper())
    if true_false and key in ("t", "true", "f", "false"):
        wanted = "true" if key.startswith("t") else "false"
        for i, choice in enumerate(item.choices):
            if choice.text.strip().lower() == wanted:
                return i
    return None


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {rest} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


# ----------------------------------------------------------------------------------------------
# Statistics


def print_stats(term: Terminal, data: dict[str, Any]) -> None:
    """`quizgen stats` for people: totals, per kind and tag, weakest facts, streak, 7-day forecast."""
    styled = term.styled

    def style(name: str) -> str:
        return name if styled else ""

    def percent(tally: dict[str, Any]) -> str:
        return "-" if tally["accuracy"] is None else f"{round(100 * tally['accuracy'])}%"

    def heading(text: str) -> None:
        term.print()
        term.print(Text(text, style=style("bold underline")))

    totals = data["totals"]
    scope = f"bank {data['bank']}" if data["bank"] else "all banks"
    term.print(Text(f"Progress in {data['database']} ({scope})", style=style("bold")))
    if not totals["answers"]:
        term.print(Text("No answers yet. Start with: quizgen study"))
    line = Text(f"{totals['answers']} answers: {totals['right']} right, {totals['wrong']} wrong, "
                f"{totals['skipped']} skipped; accuracy {percent(totals)}")
    term.print(line)
    streak = data["streak"]
    days = streak["days"]
    streak_line = f"Streak: {days} day{'s' if days != 1 else ''}"
    if days and not streak["studied_today"]:
        streak_line += " (study today to keep it)"
    cards = data["cards"]
    term.print(Text(f"{streak_line}. Cards: {cards['total']} ({cards['learning'] + cards['relearning']} learning, "
                    f"{cards['review']} in review)"))

    for title, key in (("Accuracy by kind", "by_kind"), ("Accuracy by tag", "by_tag")):
        rows = data[key]
        if not rows:
            continue
        heading(title)
        width = max(len(KIND_LABELS.get(name, name)) for name in rows)
        for name, tally in rows.items():
            label = KIND_LABELS.get(name, name) if key == "by_kind" else name
            term.print(Text(f"  {label:<{width}}  {percent(tally):>4}  of {tally['answers']}"))

    if data["weakest_facts"]:
        heading("Weakest facts")
        for fact in data["weakest_facts"]:
            entry = Text(f"  {percent(fact):>4}  of {fact['answers']}  ")
            entry.append(fact["fact_id"], style=style("bold"))
            term.print(entry)
            if fact.get("statement"):
                term.print_indented(Text(fact["statement"], style=style("dim")), 14)

    heading("Reviews due, next 7 days")
    forecast = data["forecast"]
    most = max((day["due"] for day in forecast), default=0)
    import datetime as _dt

    for offset, day in enumerate(forecast):
        date = _dt.date.fromisoformat(day["date"])
        label = "today" if offset == 0 else date.strftime("%a %d %b")
        bar = "\u2588" * (round(30 * day["due"] / most) if most else 0)
        if day["due"] and not bar:
            bar = "\u258f"
        line = Text(f"  {label:<10} {day['due']:>4}  ")
        line.append(bar, style=style("cyan"))
        term.print(line)
