"""Partecipa: join a workshop from a phone, vote and comment."""

import streamlit as st

from cantiere.ui import t, workshop_partecipa

st.title(t("nav.partecipa"), anchor=False)
workshop_partecipa.render()
