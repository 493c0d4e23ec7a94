"""Risultati: placeholder until its issue lands."""

import streamlit as st

from cantiere.ui import t

st.title(t("nav.risultati"))
st.info(t("common.coming_soon"))
