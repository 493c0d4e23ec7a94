"""Headings made of text someone else typed (workshop titles): Streamlit's
``st.title``/``st.subheader`` render Markdown, so a title such as
``![x](http://host/x.png)`` would fetch an image, ``[x](data:…)`` or a bare URL
would become a link. Here the text is HTML-escaped inside a plain heading tag:
shown exactly as typed, never interpreted (issue 8, docs/sviluppo.md §6)."""

from __future__ import annotations

import html

import streamlit as st

_CSS = "margin:0.2em 0 0.4em 0;font-weight:700;line-height:1.2;overflow-wrap:anywhere;"
_SIZES = {1: "2.4rem", 2: "1.75rem", 3: "1.4rem"}


def heading(text: str, level: int = 3) -> None:
    """Draw ``text`` as an ``<h{level}>`` heading, escaped (no Markdown, no HTML)."""
    size = _SIZES.get(level, "1.2rem")
    st.html(f'<h{level} class="cantiere-heading" style="{_CSS}font-size:{size}">{html.escape(str(text))}</h{level}>')
