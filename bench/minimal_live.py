"""The framework's floor for phones that follow the room: ``minimal_app.py``
served through Streamlit 1.67's ``st.App`` with one extra route,
``GET /api/live/room?v=N``, the same long poll as the app's
(``cantiere/ui/live_routes.py``) written as plainly as possible: one task reads
the room's version from the SQLite file once per second while someone waits,
and wakes every waiter at once when it moved. No cantiere import.

``streamlit run bench/minimal_live.py`` (the ``idle`` scenario starts it this
way for ``--target minimal``).
"""

import asyncio
import os
import sqlite3
import time

import streamlit as st
from starlette.responses import JSONResponse
from starlette.routing import Route

DB = os.environ.get("BENCH_BALLOTS_DB", "")
HOLD_S = 25.0
_room = {"version": None, "changed": None, "task": None, "waiting": 0}


def _read() -> int:
    if not DB:
        return 0
    conn = sqlite3.connect(DB, timeout=30)
    try:
        row = conn.execute("SELECT version FROM room WHERE id = 1").fetchone()
        return row[0] if row else 0
    except sqlite3.OperationalError:  # no room table yet: nothing moved
        return 0
    finally:
        conn.close()


async def _refresh() -> None:
    idle_since = time.monotonic()
    while time.monotonic() - idle_since < 30:
        await asyncio.sleep(1.0)
        if not _room["waiting"]:
            continue
        idle_since = time.monotonic()
        _room["version"] = await asyncio.to_thread(_read)
        changed, _room["changed"] = _room["changed"], asyncio.Event()
        changed.set()
    _room["task"] = None


async def live(request):
    known = int(request.query_params.get("v", "-1"))
    if _room["changed"] is None:
        _room["changed"] = asyncio.Event()
    if _room["version"] is None:
        _room["version"] = await asyncio.to_thread(_read)
    if _room["task"] is None:
        _room["task"] = asyncio.get_running_loop().create_task(_refresh())
    _room["waiting"] += 1
    try:
        deadline = time.monotonic() + HOLD_S
        while _room["version"] <= known and time.monotonic() < deadline:
            try:
                await asyncio.wait_for(_room["changed"].wait(), deadline - time.monotonic())
            except TimeoutError:
                break
    finally:
        _room["waiting"] -= 1
    return JSONResponse({"v": _room["version"]}, headers={"Cache-Control": "no-store"})


app = st.App("minimal_app.py", routes=[Route("/api/live/{code}", live)])
