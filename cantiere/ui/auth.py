"""Admin gate of the facilitator pages.

``facilitator()`` returns a ``workshop.Actor`` once the right password
(``CANTIERE_ADMIN_PASSWORD``, compared in constant time by
``workshop.authenticate``) was typed in this session, else None after showing
the login form. With no password configured it explains how to set one and
shows no admin action. The Actor is then passed to every privileged call,
which checks it again in the core.
"""

from __future__ import annotations

import streamlit as st

from cantiere import workshop as w
from cantiere.ui import get_settings, state, t

PASSWORD_KEY = "facilitazione.password"
LOGIN_KEY = "facilitazione.login"
LOGOUT_KEY = "facilitazione.logout"
_FAILED = "facilitazione.login_failed"


def _login() -> None:
    typed = st.session_state.get(PASSWORD_KEY, "")
    st.session_state[PASSWORD_KEY] = ""  # never keep the password in session state
    actor = w.authenticate(typed, get_settings().admin_password)
    st.session_state[state.FACILITAZIONE_ACTOR] = actor
    st.session_state[_FAILED] = actor is None


def _logout() -> None:
    st.session_state.pop(state.FACILITAZIONE_ACTOR, None)


def facilitator() -> w.Actor | None:
    """The facilitator of this session, or None (with the gate drawn)."""
    settings = get_settings()
    if not settings.admin_enabled:
        st.warning(t("facilitazione.no_password"))
        return None
    actor = st.session_state.get(state.FACILITAZIONE_ACTOR)
    if isinstance(actor, w.Actor) and actor.role is w.Role.FACILITATOR:
        st.sidebar.button(t("facilitazione.logout"), key=LOGOUT_KEY, on_click=_logout)
        return actor
    st.text_input(t("facilitazione.password"), type="password", key=PASSWORD_KEY)
    st.button(t("facilitazione.login"), key=LOGIN_KEY, on_click=_login, type="primary")
    if st.session_state.pop(_FAILED, False):
        st.error(t("facilitazione.wrong_password"))
    return None
