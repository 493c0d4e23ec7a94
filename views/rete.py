"""Rete: the actors of the territory, where they work and on what, and where a field has few or none."""

import streamlit as st

from cantiere.ui import network_view, t

st.title(t("nav.rete"), anchor=False)
network_view.render()
