"""Server-side values kept in ``app_meta`` (name → text), shared by every process
and host that opens the same database."""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from cantiere.store import Store
from cantiere.store.schema import app_meta


def server_secret(store: Store, name: str) -> str:
    """A random secret (64 hex characters) stored under ``name``, created on
    first use. Every process reads the same one, so what one process signs the
    others accept (``python -m cantiere serve --processes N``)."""
    select = sa.select(app_meta.c.value).where(app_meta.c.name == name)
    with store.read() as conn:
        found = conn.execute(select).scalar_one_or_none()
    if found:
        return found
    try:
        with store.write() as conn:
            found = conn.execute(select).scalar_one_or_none()
            if found:
                return found
            value = secrets.token_hex(32)
            conn.execute(app_meta.insert().values(name=name, value=value))
            return value
    except IntegrityError:  # another process created it first (PostgreSQL): use theirs
        with store.read() as conn:
            return conn.execute(select).scalar_one()


def get_value(store: Store, name: str) -> str | None:
    """The value stored under ``name``, or None."""
    with store.read() as conn:
        return conn.execute(sa.select(app_meta.c.value).where(app_meta.c.name == name)).scalar_one_or_none()


def set_value(store: Store, name: str, value: str) -> None:
    """Store ``value`` under ``name`` (replacing any earlier one), in one transaction."""
    with store.write() as conn:
        conn.execute(app_meta.delete().where(app_meta.c.name == name))
        conn.execute(app_meta.insert().values(name=name, value=value))
