"""Risultati: results of closed workshops, breakdowns, comparison of rounds, minutes."""

import streamlit as st

from cantiere.ui import results_view, t

st.title(t("nav.risultati"), anchor=False)
results_view.render()
