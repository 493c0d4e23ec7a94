"""Schede cartacee: a facilitator or a helper with a PIN enters paper cards and assisted votes."""

import streamlit as st

from cantiere.ui import cards_view, t

st.title(t("nav.schede"), anchor=False)
cards_view.render()
