"""The one door to the database.

``Store`` owns the SQLAlchemy engine: SQLite pragmas (WAL, synchronous=FULL,
busy_timeout, foreign keys), writes serialised by an in-process lock and run
in ``BEGIN IMMEDIATE`` transactions, and Alembic migrations applied at open.
Only modules inside ``cantiere/store/`` know tables; callers get dataclasses,
DataFrames and domain errors.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from cantiere.errors import CantiereError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(CantiereError):
    """The database cannot be opened or written."""

    key = "error.store"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: an acknowledged vote survives a power loss (WAL + NORMAL may lose the last commits)
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("cantiere_readonly"):
        # deferred: a consistent snapshot that never waits for writers (WAL)
        conn.exec_driver_sql("BEGIN")
    else:
        # take the write lock up front so a read-then-write never fails half
        # way with SQLITE_BUSY
        conn.exec_driver_sql("BEGIN IMMEDIATE")


class Store:
    """A database opened at ``url`` with the schema migrated to the newest version."""

    def __init__(self, url: str, migrate: bool = True):
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        self._write_lock = threading.RLock()
        self.engine: Engine = self._make_engine(url)
        if migrate:
            self.migrate()

    def _make_engine(self, url: str) -> Engine:
        if self.is_sqlite:
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                url,
                connect_args={"check_same_thread": False, "timeout": 10},
                isolation_level=None,  # we issue BEGIN ourselves
            )
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)

    def migrate(self) -> None:
        """Apply every Alembic migration not yet applied (idempotent)."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["engine"] = self.engine
        with self._write_lock:
            try:
                command.upgrade(config, "heads")
            except OperationalError as exc:
                raise StoreError("error.store_open", url=self.safe_url, detail=str(exc.orig)) from exc

    @property
    def safe_url(self) -> str:
        """The URL without its password, for messages and logs."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: serialised in this process, ``BEGIN IMMEDIATE`` on SQLite."""
        with self._write_lock, self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only connection: one consistent snapshot, never blocked by writers."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(cantiere_readonly=True)
            try:
                yield conn
            finally:
                conn.rollback()

    def close(self) -> None:
        self.engine.dispose()
