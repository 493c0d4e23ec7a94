"""Backups of the SQLite database: ``VACUUM INTO`` a new file, a consistent
copy taken while the app keeps running (never a plain file copy, which can
catch the database half way through a write or miss the WAL)."""

from __future__ import annotations

from pathlib import Path

from cantiere.errors import CantiereError
from cantiere.store import Store


class BackupError(CantiereError):
    """The backup cannot be written (PostgreSQL, or the target file exists)."""

    key = "cli.backup_error"


def backup(store: Store, target: Path) -> Path:
    """Write a consistent copy of the SQLite database to ``target`` (must not exist).
    Raises BackupError on PostgreSQL (use pg_dump) or when ``target`` exists."""
    if not store.is_sqlite:
        raise BackupError("cli.backup_postgres")
    target = Path(target).resolve()
    if target.exists():
        raise BackupError("cli.backup_exists", path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    # the raw sqlite3 connection: SQLAlchemy would open a transaction, and VACUUM
    # cannot run inside one
    raw = store.engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(target),))
    finally:
        raw.close()
    return target
