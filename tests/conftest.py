"""Fixtures shared by every layer of tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _facilitator():
    from cantiere.workshop import Actor, Role

    return Actor(Role.FACILITATOR, "test")


# a facilitator, for the calls the tests make on the coordinators' behalf (imports)
FACILITATOR_ACTOR = _facilitator()
PG_ENV = "CANTIERE_TEST_POSTGRES_URL"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """URL of a fresh SQLite file (a real file, not :memory:)."""
    return f"sqlite:///{tmp_path / 'cantiere.db'}"


@pytest.fixture
def fresh_store(sqlite_url):
    """A migrated, empty Store on a temporary SQLite file."""
    from cantiere.store import Store

    store = Store(sqlite_url)
    yield store
    store.close()


def postgres_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def pg_url():
    """URL of an empty PostgreSQL schema; skips when CANTIERE_TEST_POSTGRES_URL is unset."""
    url = postgres_url()
    if not url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    import sqlalchemy as sa

    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path):
    """A migrated, empty Store on SQLite and on PostgreSQL (when available)."""
    from cantiere.store import Store

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'cantiere.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    store = Store(url)
    yield store
    store.close()


@pytest.fixture
def app_env(monkeypatch, sqlite_url):
    """Environment for AppTest runs: a fresh database, a known admin password.

    Settings and store are ``st.cache_resource``d for the whole process, so
    they are dropped before and after each test: every test opens its own
    database."""
    import streamlit as st

    monkeypatch.setenv("CANTIERE_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("CANTIERE_ADMIN_PASSWORD", "segreto-di-prova")
    monkeypatch.chdir(ROOT)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield {"database_url": sqlite_url, "password": "segreto-di-prova"}
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate limits live in process memory (cantiere.ratelimit): each test starts with none counted."""
    from cantiere import ratelimit

    ratelimit.reset()
    yield
    ratelimit.reset()
