"""Atlante: placeholder until its issue lands."""

import streamlit as st

from cantiere.ui import t

st.title(t("nav.atlante"))
st.info(t("common.coming_soon"))
