"""What an action did, said on the next draw: the one flash helper of the UI.

A button's callback runs before the page is drawn again and cannot draw itself:
it leaves ``(kind, message)`` under a session-state key, and the run that follows
shows it once (or, on a panel that redraws itself every few seconds, for some
seconds). ``act`` is the one action helper: run a core action, keep its error
(always a ``CantiereError``, already in the user's words) or its success message.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import streamlit as st

from cantiere.errors import CantiereError
from cantiere.ui import error_message

ERROR = "error"
SUCCESS = "success"
WARNING = "warning"


def put(key: str, kind: str, message: str) -> None:
    """Leave ``message`` (``ERROR``, ``SUCCESS`` or ``WARNING``) for the next draw of ``key``'s place."""
    st.session_state[key] = (kind, message)


def act(
    key: str,
    action: Callable[[], object],
    success: Callable[[object], str] | None = None,
    after: Callable[[object], None] | None = None,
) -> None:
    """Run ``action`` (from a callback): its error message, or ``success(result)``,
    is left under ``key``; ``after(result)`` runs only when the action succeeded."""
    try:
        result = action()
    except CantiereError as exc:
        put(key, ERROR, error_message(exc))
        return
    if after is not None:
        after(result)
    if success is not None:
        put(key, SUCCESS, success(result))


def show(key: str, *, seconds: Mapping[str, float] | None = None, success_icon: str | None = None) -> None:
    """Draw the message left under ``key``: once, or, with ``seconds`` (by kind),
    on every draw until that many seconds have passed since the first one."""
    found = st.session_state.get(key) if seconds else st.session_state.pop(key, None)
    if not found:
        return
    if seconds:
        if len(found) == 2:  # as left by a callback: its clock starts with its first draw
            found = (*found, time.monotonic() + seconds.get(found[0], 8))
            st.session_state[key] = found
        if time.monotonic() > found[2]:
            st.session_state.pop(key, None)
            return
    kind, message = found[0], found[1]
    if kind == ERROR:
        st.error(message)
    elif kind == WARNING:
        st.warning(message)
    elif kind == SUCCESS:
        st.success(message, icon=success_icon)
