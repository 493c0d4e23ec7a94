"""Partecipa: join a workshop from a phone, vote and comment."""

import streamlit as st

from cantiere.ui import look, t, workshop_partecipa

st.title(t("nav.partecipa"), anchor=False)
look.language_links()  # on the page: the phone has no sidebar (issue 15)
workshop_partecipa.render()
