"""«Testo grande» on the phone's voting screen (issue 19): bigger type, bigger
targets, one short sentence of what to do. The choice is kept on the device
in a cookie (written by the live component, as the participant's token is:
``ui.live``), so a reload, the next round or the next day keep it."""

from __future__ import annotations

import streamlit as st

from cantiere.ui import live, t

COOKIE = "cantiere_testo_grande"
KEY = "partecipa.large_text"
_WRITES = "partecipa.large_text.writes"
DAYS = 365

# Our own constant CSS (no participant text): larger text, inputs and buttons on the main column.
_CSS = """<style>
[data-testid="stMain"] [data-testid="stText"] {font-size: 1.45rem; line-height: 1.35; font-weight: 600;}
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p {font-size: 1.3rem;}
[data-testid="stMain"] [data-testid="stCaptionContainer"] {font-size: 1.15rem;}
[data-testid="stMain"] input {font-size: 1.5rem !important; min-height: 3.2rem;}
[data-testid="stMain"] button {min-height: 3.4rem; font-size: 1.25rem;}
[data-testid="stMain"] [data-testid="stNumberInputStepUp"],
[data-testid="stMain"] [data-testid="stNumberInputStepDown"] {min-width: 3.4rem;}
</style>"""


def switch(method: str) -> bool:
    """The switch (above the vote screen); True when the large view is on."""
    if KEY not in st.session_state:
        st.session_state[KEY] = live.cookie(COOKIE) == "1"
    on = st.toggle(t("large.toggle"), key=KEY)  # no help icon: a 16-px target on a phone
    if st.session_state.get(_WRITES) or ("1" if on else "") != live.cookie(COOKIE):
        st.session_state[_WRITES] = True  # from the first change on, this session keeps the cookie current
        live.remember(COOKIE, "1" if on else "", DAYS, key="live.large_text")
    if on:
        st.html(_CSS)
        st.text(t(f"large.simple.{method}"))
    return on
