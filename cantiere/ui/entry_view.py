"""The entry mode on screen (issue 17, ``cantiere.entry``): the facilitator's
choice, and the projector's QR code and join code — in the rotating mode a
fragment that redraws them every few seconds, with the seconds left."""

from __future__ import annotations

import streamlit as st

from cantiere import entry
from cantiere import workshop as w
from cantiere.errors import CantiereError
from cantiere.store import meta
from cantiere.ui import error_message, get_settings, get_store, t
from cantiere.ui.workshop_data import join_url, qr_png

MODE_KEY = "facilitazione.entry_mode"
PROJECTOR_REFRESH = 5  # seconds: the key lasts entry.ROTATE_SECONDS, the previous one is still accepted


@st.cache_resource(show_spinner=False)
def _secret(database_url: str) -> str:
    return meta.server_secret(get_store(), entry.SECRET_NAME)


def secret() -> str:
    """The server's key for rotating codes (the same in every process)."""
    return _secret(get_settings().database_url)


def link_and_code(workshop) -> tuple[str, str, bool]:
    """The join link, the code to show and whether the link comes from CANTIERE_PUBLIC_URL."""
    url, configured = join_url(workshop.code)
    if entry.mode(get_store(), workshop.id) != entry.ROTATING:
        return url, workshop.code, configured
    key = entry.current_key(secret(), workshop.code)
    return f"{url}&k={key}", f"{workshop.code} {key}", configured


def _draw(workshop, big: bool = True) -> None:
    """Big before the room opens (QR code beside the address), small in the
    projector's corner after (QR code over the code)."""
    url, code, configured = link_and_code(workshop)
    if big:
        left, right = st.columns([1, 2], vertical_alignment="center")
    else:
        left = right = st.container()
    with left:
        st.image(qr_png(url), width=320 if big else 140, alt=t("a11y.qr_alt", url=url))
    with right:
        if big:
            st.write(t("proiezione.join_at"))
        st.html(f'<div class="cantiere-code">{code}</div>')  # generated: [A-Z2-9] and digits only
        if code != workshop.code:
            st.caption(t("entry.projector.changes", seconds=entry.seconds_left()))
        if big:
            st.text(url)
            if not configured:
                st.caption(t("proiezione.public_url_hint"))


@st.fragment(run_every=PROJECTOR_REFRESH)
def _rotating(workshop, big: bool) -> None:
    _draw(workshop, big)


def join_panel(workshop, big: bool = True) -> None:
    """The projector's QR code and join code (redrawn every few seconds when they rotate)."""
    if entry.mode(get_store(), workshop.id) == entry.ROTATING:
        _rotating(workshop, big)
    else:
        _draw(workshop, big)


def _choose(actor: w.Actor, workshop_id: int) -> None:
    try:
        entry.set_mode(get_store(), actor, workshop_id, st.session_state[MODE_KEY])
    except CantiereError as exc:
        st.session_state[MODE_KEY + ".error"] = error_message(exc)


def mode_control(actor: w.Actor, workshop) -> None:
    """The facilitator's choice of entry mode for ``workshop``."""
    current = entry.mode(get_store(), workshop.id)
    if st.session_state.get(MODE_KEY + ".for") != workshop.id:
        st.session_state[MODE_KEY + ".for"] = workshop.id
        st.session_state[MODE_KEY] = current
    st.radio(
        t("entry.mode.label"),
        entry.MODES,
        key=MODE_KEY,
        format_func=lambda m: t(f"entry.mode.{m}", seconds=entry.ROTATE_SECONDS),
        on_change=_choose,
        args=(actor, workshop.id),
        help=t("entry.mode.help"),
    )
    message = st.session_state.pop(MODE_KEY + ".error", None)
    if message:
        st.error(message)
