"""Dati: placeholder until its issue lands."""

import streamlit as st

from cantiere.ui import t

st.title(t("nav.dati"))
st.info(t("common.coming_soon"))
