"""Monitoraggio: the pacts born from workshops, on a map and a list with their timelines; open data."""

import streamlit as st

from cantiere.ui import pacts_view, t

st.title(t("nav.monitoraggio"), anchor=False)
pacts_view.monitor()
