"""The progress database: versioned schema, migrations, and refusing files it must not touch."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from quizgen.errors import QuizgenError
from quizgen.study import store as store_module
from quizgen.study.store import APP_ID, SCHEMA_VERSION, AnswerRecord, CardRow, ProgressStore


def _answer(qid: str = "a.mc", outcome: str = "right") -> AnswerRecord:
    return AnswerRecord(bank_id="bank", question_id=qid, fact_id=qid.split(".")[0], kind="multiple_choice",
                        tags=["t"], mode="quiz", response="A) x", outcome=outcome, duration_ms=1200,
                        answered_at="2026-03-02T09:00:00+00:00")


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_records_its_version_and_owner(tmp_path):
    path = tmp_path / "sub" / "progress.sqlite3"
    with ProgressStore.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    meta = dict(db.execute("SELECT key, value FROM meta"))
    assert meta["app"] == APP_ID and meta["schema_version"] == str(SCHEMA_VERSION)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_answers_and_cards_survive_reopening(tmp_path):
    path = tmp_path / "p.sqlite3"
    with ProgressStore.open(path) as store:
        store.record_answer(_answer(), CardRow("bank", "a.mc", "a", '{"x": 1}', 1, "2026-03-02T09:10:00+00:00", 0.4, 1, 0))
        store.record_answer(_answer("b.cloze", "skipped"), None)
    with ProgressStore.open(path) as store:
        answers = store.answers()
        assert [(a.question_id, a.outcome, a.tags) for a in answers] == [("a.mc", "right", ["t"]),
                                                                        ("b.cloze", "skipped", ["t"])]
        assert store.card("bank", "a.mc").due == "2026-03-02T09:10:00+00:00"
        assert store.card("bank", "b.cloze") is None


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "p.sqlite3"
    with ProgressStore.open(path) as store:
        store.record_answer(_answer(), None)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = _digest(path)
    with pytest.raises(QuizgenError) as info:
        ProgressStore.open(path)
    message = str(info.value)
    assert str(path) in message and "newer quizgen" in message and f"version {SCHEMA_VERSION + 1}" in message
    assert _digest(path) == before


def test_garbage_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "p.sqlite3"
    path.write_bytes(b"this is my shopping list, not a database\n" * 50)
    before = _digest(path)
    with pytest.raises(QuizgenError, match="not an SQLite database") as info:
        ProgressStore.open(path)
    assert str(path) in str(info.value)
    assert _digest(path) == before


def test_damaged_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "p.sqlite3"
    with ProgressStore.open(path) as store:
        for i in range(300):
            store.record_answer(_answer(f"q{i}.mc"), None)
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over the second page (a b-tree page of the schema's tables): the header stays valid.
    data[page_size + 8: 2 * page_size] = b"\xff" * (page_size - 8)
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(QuizgenError, match="corrupt") as info:
        ProgressStore.open(path)
    assert str(path) in str(info.value)
    assert _digest(path) == before


def test_someone_elses_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()
    before = _digest(path)
    with pytest.raises(QuizgenError, match="not a quizgen progress database"):
        ProgressStore.open(path)
    assert _digest(path) == before


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(QuizgenError, match="is a folder"):
        ProgressStore.open(tmp_path)


def test_older_schema_is_upgraded_step_by_step_keeping_answers(tmp_path, monkeypatch):
    path = tmp_path / "p.sqlite3"
    with ProgressStore.open(path) as store:
        store.record_answer(_answer(), None)

    def add_notes(db):
        db.execute("ALTER TABLE answers ADD COLUMN note TEXT NOT NULL DEFAULT ''")

    migrations = {**store_module.MIGRATIONS, SCHEMA_VERSION + 1: add_notes}
    with ProgressStore.open(path, migrations=migrations, schema_version=SCHEMA_VERSION + 1) as store:
        assert store.schema_version() == SCHEMA_VERSION + 1
        assert [a.question_id for a in store.answers()] == ["a.mc"]
    db = sqlite3.connect(path)
    assert "note" in [row[1] for row in db.execute("PRAGMA table_info(answers)")]
    assert dict(db.execute("SELECT key, value FROM meta"))["schema_version"] == str(SCHEMA_VERSION + 1)


def test_failed_migration_rolls_back_to_the_old_version(tmp_path):
    path = tmp_path / "p.sqlite3"
    with ProgressStore.open(path) as store:
        store.record_answer(_answer(), None)

    def broken(db):
        db.execute("ALTER TABLE answers ADD COLUMN note TEXT")
        db.execute("SELECT * FROM no_such_table")

    migrations = {**store_module.MIGRATIONS, SCHEMA_VERSION + 1: broken}
    with pytest.raises(QuizgenError, match=f"to version {SCHEMA_VERSION + 1}"):
        ProgressStore.open(path, migrations=migrations, schema_version=SCHEMA_VERSION + 1)
    with ProgressStore.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert len(store.answers()) == 1
    db = sqlite3.connect(path)
    assert "note" not in [row[1] for row in db.execute("PRAGMA table_info(answers)")]
