"""The framework's floor: a one-button Streamlit app.

A phone opens ``?p=<participant>`` (without it, it gets a fresh token written into
the URL) and taps **Vota**; the tap stores one ballot
per participant (upsert on a primary key, like the real ballot table) in the
SQLite file named by ``BENCH_BALLOTS_DB`` and shows "Voto registrato". Without
that variable it stores nothing. ``?view=proiezione`` is the projector: a
fragment refreshed every second showing the ballot count. With ``&room=1`` the
phone also shows the room's phase ("Fase N", one row of the same SQLite file):
the page the ``idle`` scenario's phones rerun when ``bench/minimal_live.py``'s
route tells them the room moved.

Deliberately no pandas, no plotly, no cantiere import: this is what any Streamlit
vote costs, the denominator of the benchmark's ratios.
"""

import os
import secrets
import sqlite3

import streamlit as st

DB = os.environ.get("BENCH_BALLOTS_DB", "")


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB, timeout=30, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS ballots (participant TEXT PRIMARY KEY, taps INTEGER NOT NULL)")
    return conn


def store_ballot(participant: str) -> None:
    if not DB:
        return
    conn = connect()
    try:
        conn.execute(
            "INSERT INTO ballots (participant, taps) VALUES (?, 1) "
            "ON CONFLICT (participant) DO UPDATE SET taps = taps + 1",
            (participant,),
        )
    finally:
        conn.close()


def room_version() -> int:
    """The room's phase number (0 before any change)."""
    if not DB:
        return 0
    conn = connect()
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS room (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER)")
        row = conn.execute("SELECT version FROM room WHERE id = 1").fetchone()
        return row[0] if row else 0
    finally:
        conn.close()


def count_ballots() -> int:
    if not DB:
        return 0
    conn = connect()
    try:
        return conn.execute("SELECT count(*) FROM ballots").fetchone()[0]
    finally:
        conn.close()


@st.fragment(run_every=1)
def projector() -> None:
    st.metric("Voti", count_ballots())


@st.fragment
def vote_panel(participant: str) -> None:
    if st.button("Vota", key="vota"):
        store_ballot(participant)
        st.success("Voto registrato")


if st.query_params.get("view") == "proiezione":
    projector()
else:
    participant = st.query_params.get("p", "")
    if not participant:
        # Like the real join: a fresh pseudonymous token, kept in the URL.
        participant = secrets.token_urlsafe(12)
        st.query_params["p"] = participant
    if st.query_params.get("room"):
        st.write(f"Fase {room_version()}")
    vote_panel(participant)
