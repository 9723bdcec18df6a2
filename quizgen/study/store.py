"""Study progress in SQLite: one row per answer, one FSRS card per (bank, question).

Durability: every answer is one transaction (the answer row and the card's new state together),
committed before the caller shows feedback. The database runs in WAL mode with synchronous=FULL:
  - kill -9 or a closed terminal only end the process; a committed transaction has already been
    handed to the OS by write(), so it survives with any `synchronous` setting;
  - FULL additionally fsyncs the WAL on every commit, so an answer survives a power cut or an OS
    crash too. That costs one fsync per answer (a few ms; see benchmarks/bench_study.py), which a
    person pressing keys never notices, while NORMAL could roll back the last answers on power loss.
The schema version lives in `PRAGMA user_version` (and in the meta table, for people reading the
file); older files are upgraded by small version-keyed functions, each in its own transaction. A file
that is not ours, is corrupt, or was written by a newer quizgen is refused with a QuizgenError
naming it and is never written to: it is inspected through a read-only connection first.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from quizgen import __version__
from quizgen.errors import QuizgenError

APP_ID = "quizgen-study"
SCHEMA_VERSION = 1
_SQLITE_HEADER = b"SQLite format 3\x00"


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction (executescript would COMMIT first)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)


def _create_v1(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE sessions (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            bank_id    TEXT NOT NULL,
            mode       TEXT NOT NULL,
            seed       INTEGER,
            started_at TEXT NOT NULL,      -- UTC ISO 8601
            ended_at   TEXT                -- NULL: still running, or killed
        );
        -- The FSRS state of one question of one bank (card_json is fsrs.Card.to_json()).
        CREATE TABLE cards (
            bank_id     TEXT NOT NULL,
            question_id TEXT NOT NULL,
            fact_id     TEXT NOT NULL,
            card_json   TEXT NOT NULL,
            state       INTEGER NOT NULL,  -- fsrs.State: 1 learning, 2 review, 3 relearning
            due         TEXT NOT NULL,     -- UTC ISO 8601, copied from the card for queries
            stability   REAL,
            reviews     INTEGER NOT NULL DEFAULT 0,
            lapses      INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bank_id, question_id)
        );
        CREATE INDEX cards_due ON cards (bank_id, due);
        -- Every answer ever given, including skips; the review log of FSRS rides along.
        CREATE TABLE answers (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id   INTEGER REFERENCES sessions (id),
            bank_id      TEXT NOT NULL,
            question_id  TEXT NOT NULL,
            fact_id      TEXT NOT NULL,
            kind         TEXT NOT NULL,
            tags         TEXT NOT NULL,    -- JSON list, as the question had them when answered
            mode         TEXT NOT NULL,    -- quiz | review
            response     TEXT NOT NULL,    -- what the learner typed or pressed ("" for a skip)
            outcome      TEXT NOT NULL CHECK (outcome IN ('right', 'wrong', 'skipped')),
            rating       INTEGER,          -- fsrs.Rating given to the card (NULL: not scheduled)
            duration_ms  INTEGER NOT NULL,
            answered_at  TEXT NOT NULL,    -- UTC ISO 8601
            due_after    TEXT,             -- the card's next due date after this answer
            review_log   TEXT              -- fsrs.ReviewLog.to_json()
        );
        CREATE INDEX answers_bank_time ON answers (bank_id, answered_at);
        """
    )


# version -> function that upgrades a database of (version - 1) to `version`.
# Version 0 is a new, empty file. A future change adds `2: _migrate_1_to_2` and bumps SCHEMA_VERSION.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _create_v1}


@dataclass
class AnswerRecord:
    """One answer as stored (the card's new state goes with it in the same transaction)."""

    bank_id: str
    question_id: str
    fact_id: str
    kind: str
    tags: list[str]
    mode: str
    response: str
    outcome: str
    duration_ms: int
    answered_at: str
    session_id: Optional[int] = None
    rating: Optional[int] = None
    due_after: Optional[str] = None
    review_log: Optional[str] = None


@dataclass
class CardRow:
    """The stored FSRS state of one question."""

    bank_id: str
    question_id: str
    fact_id: str
    card_json: str
    state: int
    due: str
    stability: Optional[float]
    reviews: int = 0
    lapses: int = 0


@dataclass
class StoredAnswer:
    """An answer read back for statistics."""

    id: int
    bank_id: str
    question_id: str
    fact_id: str
    kind: str
    tags: list[str] = field(default_factory=list)
    mode: str = ""
    response: str = ""
    outcome: str = ""
    rating: Optional[int] = None
    duration_ms: int = 0
    answered_at: str = ""


class ProgressStore:
    """The progress database. Open with `ProgressStore.open(path)`; close when done."""

    def __init__(self, path: Path, db: sqlite3.Connection):
        self.path = path
        self._db = db

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, migrations: Optional[dict[int, Callable[[sqlite3.Connection], None]]] = None,
             schema_version: int = SCHEMA_VERSION) -> "ProgressStore":
        """Open (or create) the database at `path`, upgrading an older schema.

        Raises QuizgenError naming the file when it is not a quizgen progress database, is corrupt,
        or was written by a newer quizgen; such a file is never written to.
        """
        path = Path(path)
        migrations = MIGRATIONS if migrations is None else migrations
        existing_version = _inspect_read_only(path, schema_version) if _has_content(path) else 0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise QuizgenError(f"cannot create the folder of the progress database {path}: {exc.strerror}") from None
        try:
            # isolation_level=None: we write BEGIN/COMMIT ourselves, so a transaction is exactly
            # what the code says (Python's implicit transactions would hide where commits happen).
            db = sqlite3.connect(str(path), isolation_level=None, timeout=5.0)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise QuizgenError(f"cannot open the progress database {path}: {exc}") from None
        store = cls(path, db)
        try:
            store._upgrade(existing_version, schema_version, migrations)
        except BaseException:
            db.close()
            raise
        return store

    def _upgrade(self, version: int, target: int, migrations: dict[int, Callable[[sqlite3.Connection], None]]) -> None:
        while version < target:
            step = version + 1
            migrate = migrations[step]
            try:
                self._db.execute("BEGIN IMMEDIATE")
                # Re-read inside the write lock: another process may have upgraded meanwhile.
                current = self._db.execute("PRAGMA user_version").fetchone()[0]
                if current >= step:
                    self._db.execute("ROLLBACK")
                    version = current
                    continue
                migrate(self._db)
                self._db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('app', ?), ('schema_version', ?), ('written_by', ?)",
                    (APP_ID, str(step), f"quizgen {__version__}"),
                )
                self._db.execute(f"PRAGMA user_version = {int(step)}")
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise QuizgenError(f"cannot upgrade the progress database {self.path} to version {step}: {exc}") from None
            version = step

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "ProgressStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def start_session(self, bank_id: str, mode: str, seed: Optional[int], started_at: str) -> int:
        """Record the start of a session; returns its id."""
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO sessions (bank_id, mode, seed, started_at) VALUES (?, ?, ?, ?)",
                (bank_id, mode, seed, started_at),
            )
        return int(cursor.lastrowid)

    def end_session(self, session_id: int, ended_at: str) -> None:
        with self._transaction():
            self._db.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (ended_at, session_id))

    def record_answer(self, answer: AnswerRecord, card: Optional[CardRow]) -> int:
        """Store one answer and the card's new state in one transaction (durable on return)."""
        with self._transaction():
            cursor = self._db.execute(
                """INSERT INTO answers (session_id, bank_id, question_id, fact_id, kind, tags, mode, response,
                                        outcome, rating, duration_ms, answered_at, due_after, review_log)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (answer.session_id, answer.bank_id, answer.question_id, answer.fact_id, answer.kind,
                 json.dumps(answer.tags), answer.mode, answer.response, answer.outcome, answer.rating,
                 answer.duration_ms, answer.answered_at, answer.due_after, answer.review_log),
            )
            if card is not None:
                self._db.execute(
                    """INSERT INTO cards (bank_id, question_id, fact_id, card_json, state, due, stability, reviews, lapses)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT (bank_id, question_id) DO UPDATE SET
                         fact_id = excluded.fact_id, card_json = excluded.card_json, state = excluded.state,
                         due = excluded.due, stability = excluded.stability, reviews = excluded.reviews,
                         lapses = excluded.lapses""",
                    (card.bank_id, card.question_id, card.fact_id, card.card_json, card.state, card.due,
                     card.stability, card.reviews, card.lapses),
                )
        return int(cursor.lastrowid)

    # -- reading -------------------------------------------------------------------------------

    def cards(self, bank_id: Optional[str] = None) -> dict[tuple[str, str], CardRow]:
        """Every stored card (of one bank, or all), keyed by (bank_id, question_id)."""
        sql = "SELECT bank_id, question_id, fact_id, card_json, state, due, stability, reviews, lapses FROM cards"
        rows = self._db.execute(sql + " WHERE bank_id = ?", (bank_id,)) if bank_id else self._db.execute(sql)
        return {(r[0], r[1]): CardRow(*r) for r in rows}

    def card(self, bank_id: str, question_id: str) -> Optional[CardRow]:
        row = self._db.execute(
            "SELECT bank_id, question_id, fact_id, card_json, state, due, stability, reviews, lapses"
            " FROM cards WHERE bank_id = ? AND question_id = ?",
            (bank_id, question_id),
        ).fetchone()
        return CardRow(*row) if row else None

    def answers(self, bank_id: Optional[str] = None) -> list[StoredAnswer]:
        """Every stored answer (of one bank, or all), oldest first."""
        sql = ("SELECT id, bank_id, question_id, fact_id, kind, tags, mode, response, outcome, rating,"
               " duration_ms, answered_at FROM answers")
        args: tuple = ()
        if bank_id:
            sql += " WHERE bank_id = ?"
            args = (bank_id,)
        rows = self._db.execute(sql + " ORDER BY id", args)
        return [
            StoredAnswer(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7], r[8], r[9], r[10], r[11])
            for r in rows
        ]

    def bank_ids(self) -> list[str]:
        rows = self._db.execute("SELECT bank_id FROM answers UNION SELECT bank_id FROM cards ORDER BY 1")
        return [r[0] for r in rows]

    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- helpers -------------------------------------------------------------------------------

    def _transaction(self) -> "_Transaction":
        return _Transaction(self._db, self.path)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error; sqlite errors become QuizgenError."""

    def __init__(self, db: sqlite3.Connection, path: Path):
        self._db = db
        self._path = path

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise QuizgenError(f"cannot write to the progress database {self._path}: {exc}") from None

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self._db.execute("COMMIT")
                return
            except sqlite3.Error as error:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise QuizgenError(f"cannot write to the progress database {self._path}: {error}") from None
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise QuizgenError(f"cannot write to the progress database {self._path}: {exc}") from None


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise QuizgenError(f"cannot read the progress database {path}: {exc.strerror}") from None


def _inspect_read_only(path: Path, newest_known: int) -> int:
    """The schema version of an existing file, checked without writing a byte to it."""
    if path.is_dir():
        raise QuizgenError(f"the progress database {path} is a folder; pass a file with --db")
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise QuizgenError(f"cannot read the progress database {path}: {exc.strerror}") from None
    if header != _SQLITE_HEADER:
        raise QuizgenError(
            f"{path} is not an SQLite database (corrupt, or another kind of file); "
            "it was left untouched: move it away or pass another file with --db"
        )
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error as exc:
        raise QuizgenError(f"cannot open the progress database {path}: {exc}") from None
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > newest_known:
            raise QuizgenError(
                f"the progress database {path} has schema version {version}, written by a newer quizgen "
                f"(this one knows up to version {newest_known}); upgrade quizgen to use it. "
                "The file was left untouched."
            )
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0:
            if tables:
                raise QuizgenError(
                    f"{path} is an SQLite database but not a quizgen progress database; "
                    "it was left untouched: pass another file with --db"
                )
            return 0
        app = db.execute("SELECT value FROM meta WHERE key = 'app'").fetchone() if "meta" in tables else None
        if not app or app[0] != APP_ID:
            raise QuizgenError(
                f"{path} is an SQLite database but not a quizgen progress database; "
                "it was left untouched: pass another file with --db"
            )
        problems = [r[0] for r in db.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise QuizgenError(
                f"the progress database {path} is corrupt ({'; '.join(problems[:3])}); it was left untouched. "
                "Move it away to start afresh, or restore a backup."
            )
        return version
    except sqlite3.DatabaseError as exc:
        raise QuizgenError(
            f"the progress database {path} is corrupt or unreadable ({exc}); it was left untouched. "
            "Move it away to start afresh, or restore a backup."
        ) from None
    finally:
        db.close()

