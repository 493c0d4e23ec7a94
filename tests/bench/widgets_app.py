"""Test app for the load generator's widget support: a dot-voting-like panel in a
fragment (number inputs, a checkbox, a selectbox) whose button stores the values
read by the script into the SQLite file BENCH_BALLOTS_DB."""

import json
import os
import sqlite3

import streamlit as st


@st.fragment
def panel() -> None:
    dots = {item: st.number_input(item, min_value=0, max_value=5, step=1, key=f"punti_{item}") for item in ("a", "b")}
    anonymous = st.checkbox("Anonimo", key="anonimo")
    comune = st.selectbox("Comune", ["Ravenna", "Faenza", "Lugo"], key="comune")
    if st.button("Vota", key="vota"):
        with sqlite3.connect(os.environ["BENCH_BALLOTS_DB"]) as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS ballots (participant TEXT PRIMARY KEY, payload TEXT)")
            payload = json.dumps({"dots": dots, "anonimo": anonymous, "comune": comune})
            conn.execute("INSERT OR REPLACE INTO ballots VALUES (?, ?)", (st.query_params.get("p", ""), payload))
        st.success("Voto registrato")


panel()
