"""What the database holds, as one comparable value: rows per table and a hash
of every row (SQLite dump or ordered SELECTs), for "nothing changed" checks."""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from cantiere.store import privacy as pdb
from cantiere.store.schema import metadata


def fingerprint(store) -> tuple[dict[str, int], str]:
    digest = hashlib.sha256()
    names = set(sa.inspect(store.engine).get_table_names())
    with store.read() as conn:
        for table in metadata.sorted_tables:
            if table.name not in names:
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            for row in conn.execute(sa.select(table).order_by(*order)):
                digest.update(repr(tuple(row)).encode())
    return pdb.table_counts(store), digest.hexdigest()
