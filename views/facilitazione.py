"""Facilitazione: password gate, then prepare, run, moderate and export workshops."""

import streamlit as st

from cantiere.ui import auth, t, workshop_facilitazione

st.title(t("nav.facilitazione"), anchor=False)
actor = auth.facilitator()
if actor is not None:
    workshop_facilitazione.render(actor)
