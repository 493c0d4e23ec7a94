"""Test app whose vote button raises: the load generator must count it as an error."""

import streamlit as st

if st.button("Vota", key="vota"):
    raise RuntimeError("guasto di prova")
