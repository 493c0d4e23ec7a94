"""Proiezione: QR code, join code, live counts, results and comments wall."""

import streamlit as st

from cantiere.ui import t, workshop_proiezione

st.title(t("nav.proiezione"), anchor=False)
workshop_proiezione.render()
