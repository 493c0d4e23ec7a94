"""Admin gate of the facilitator pages.

``facilitator()`` returns a ``workshop.Actor`` once the right password
(``CANTIERE_ADMIN_PASSWORD``, compared in constant time by
``workshop.authenticate``) was typed in this session, else None after showing
the login form. With no password configured it explains how to set one and
shows no admin action. The Actor is then passed to every privileged call,
which checks it again in the core.

A login survives a reload for a working day (issue 13): it issues a signed,
expiring session (``cantiere.sessions``), which the browser keeps in an
HttpOnly cookie (``ui.live.keep_session``); a new page load with a valid one
is logged in (``workshop.resume_session``). The password is never in the URL
nor in the browser. «Esci» deletes the cookie; changing the password ends every
session.
"""

from __future__ import annotations

import streamlit as st

from cantiere import workshop as w
from cantiere.ratelimit import ThrottledError
from cantiere.ui import error_message, get_settings, guard, live, state, t

PASSWORD_KEY = "facilitazione.password"
LOGIN_KEY = "facilitazione.login"
LOGOUT_KEY = "facilitazione.logout"
_FAILED = "facilitazione.login_failed"


def _login() -> None:
    typed = st.session_state.get(PASSWORD_KEY, "")
    st.session_state[PASSWORD_KEY] = ""  # never keep the password in session state
    try:  # after a few failures from this client every attempt waits (issue 17)
        guard.secret_allowed("password")
    except ThrottledError as exc:
        st.session_state[_FAILED] = error_message(exc)
        return
    actor = w.authenticate(typed, get_settings().admin_password)
    st.session_state[state.FACILITAZIONE_ACTOR] = actor
    if actor is None:
        guard.secret_failed("password")  # logged as a count: never the typed text
        st.session_state[_FAILED] = t("facilitazione.wrong_password")
    else:
        guard.secret_ok("password")
        st.session_state[state.FACILITAZIONE_SESSION] = live.new_session()
        st.session_state.pop(state.FACILITAZIONE_LOGGED_OUT, None)


def _logout() -> None:
    st.session_state.pop(state.FACILITAZIONE_ACTOR, None)
    st.session_state.pop(state.FACILITAZIONE_SESSION, None)
    st.session_state[state.FACILITAZIONE_LOGGED_OUT] = True  # the cookie sent at page load no longer counts


def _resumed() -> w.Actor | None:
    """The facilitator of a valid session cookie sent when this page was opened."""
    if st.session_state.get(state.FACILITAZIONE_LOGGED_OUT):
        return None
    token = live.cookie(live.SESSION_COOKIE)
    if not token:
        return None
    return w.resume_session(token, live.session_secret(), get_settings().admin_password)


def facilitator() -> w.Actor | None:
    """The facilitator of this session, or None (with the gate drawn)."""
    settings = get_settings()
    if not settings.admin_enabled:
        st.warning(t("facilitazione.no_password"))
        return None
    actor = st.session_state.get(state.FACILITAZIONE_ACTOR)
    if not isinstance(actor, w.Actor):
        actor = _resumed()
        if actor is not None:
            st.session_state[state.FACILITAZIONE_ACTOR] = actor
    if isinstance(actor, w.Actor) and actor.role is w.Role.FACILITATOR:
        if st.session_state.get(state.FACILITAZIONE_SESSION):
            live.keep_session(st.session_state[state.FACILITAZIONE_SESSION])  # the browser keeps it (HttpOnly)
        st.sidebar.button(t("facilitazione.logout"), key=LOGOUT_KEY, on_click=_logout)
        return actor
    if st.session_state.get(state.FACILITAZIONE_LOGGED_OUT):
        live.forget_session()
    st.text_input(t("facilitazione.password"), type="password", key=PASSWORD_KEY)
    st.button(t("facilitazione.login"), key=LOGIN_KEY, on_click=_login, type="primary")
    failure = st.session_state.pop(_FAILED, None)
    if failure:
        st.error(failure)
    return None


def current() -> w.Actor | None:
    """The facilitator of this browser (logged in this session, or a valid
    session cookie), without drawing anything; None otherwise."""
    if not get_settings().admin_enabled:
        return None
    actor = st.session_state.get(state.FACILITAZIONE_ACTOR)
    if not isinstance(actor, w.Actor):
        actor = _resumed()
    return actor if isinstance(actor, w.Actor) and actor.role is w.Role.FACILITATOR else None
