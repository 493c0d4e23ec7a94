"""Panoramica: placeholder, filled by the Atlante issue."""

import streamlit as st

from cantiere.ui import t

st.title(t("app.title"))
st.write(t("app.tagline"))
