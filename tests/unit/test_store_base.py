"""The Store's engine: SQLite pragmas, migrations, read/write transactions."""

import threading

import pytest

from cantiere.store import Store


def test_sqlite_pragmas(fresh_store):
    with fresh_store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_migrations_are_idempotent(sqlite_url):
    Store(sqlite_url).close()
    store = Store(sqlite_url)  # second start: nothing to apply, no error
    with store.read() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"alembic_version", "app_meta"} <= tables
    store.close()


def test_reader_sees_a_snapshot_while_a_writer_holds_the_lock(fresh_store):
    with fresh_store.write() as conn:
        conn.exec_driver_sql("INSERT INTO app_meta VALUES ('k', 'v1')")
    started, release = threading.Event(), threading.Event()

    def writer():
        with fresh_store.write() as conn:
            conn.exec_driver_sql("UPDATE app_meta SET value = 'v2' WHERE name = 'k'")
            started.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    started.wait(10)
    with fresh_store.read() as conn:  # does not wait for the writer
        assert conn.exec_driver_sql("SELECT value FROM app_meta").scalar() == "v1"
    release.set()
    thread.join()
    with fresh_store.read() as conn:
        assert conn.exec_driver_sql("SELECT value FROM app_meta").scalar() == "v2"


def test_failed_write_changes_nothing(fresh_store):
    with pytest.raises(RuntimeError):
        with fresh_store.write() as conn:
            conn.exec_driver_sql("INSERT INTO app_meta VALUES ('x', '1')")
            raise RuntimeError("boom")
    with fresh_store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM app_meta").scalar() == 0


def test_postgres_opens_and_migrates(pg_url):
    store = Store(pg_url)
    with store.write() as conn:
        conn.exec_driver_sql("INSERT INTO app_meta VALUES ('k', 'v')")
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT value FROM app_meta").scalar() == "v"
    store.close()
