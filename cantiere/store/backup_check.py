"""Restore check of a backup file: open the copy read-only, run
``PRAGMA integrity_check`` and count the rows of every table.

A backup nobody has opened is a hope, not a backup: run this after each copy
(``python -m cantiere restore-check FILE``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from cantiere.errors import CantiereError


class BackupCheckError(CantiereError):
    """The file to check does not exist."""

    key = "trust.backup_missing"


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    integrity: str  # "ok" or the first problems SQLite reports
    counts: dict[str, int] = field(default_factory=dict)
    schema_version: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


def verify(path: Path) -> BackupCheck:
    """Integrity (``PRAGMA integrity_check`` and ``foreign_key_check``) and row
    counts of the SQLite file at ``path``, opened read-only (the copy is never
    changed). A damaged or foreign file gives ``ok`` False with SQLite's words.
    Raises BackupCheckError when there is no such file."""
    path = Path(path)
    if not path.is_file():
        raise BackupCheckError("trust.backup_missing", path=str(path))
    conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
    counts: dict[str, int] = {}
    version: tuple[str, ...] = ()
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        integrity = "ok" if problems == ["ok"] else "; ".join(problems[:5])
        broken_links = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken_links and integrity == "ok":
            integrity = f"foreign_key_check: {len(broken_links)}"
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        counts = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
        if "alembic_version" in names:
            version = tuple(sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version")))
    except sqlite3.DatabaseError as exc:
        # "file is not a database", "database disk image is malformed": a damaged copy
        integrity = str(exc)
    finally:
        conn.close()
    return BackupCheck(path, integrity, counts, version)
