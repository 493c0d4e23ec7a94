"""How each screen looks on its device (issue 15): the stylesheets, the
navigation, the language switch.

- every page gets ``styles/base.css`` (contrast to WCAG 2.1 AA, a visible focus);
- ``phone`` (Partecipa) and ``projector`` (Proiezione) are drawn with no
  sidebar at all: app.py hides Streamlit's navigation (``position="hidden"``)
  and draws its own links in the sidebar only on the other pages, so those two
  pages write nothing to the sidebar and Streamlit shows none; their
  stylesheet also hides the toolbar and sizes targets and type;
- the language is a pair of plain links to ``/api/lingua/<it|en>``
  (``lang_route``): a cookie remembers it.

The stylesheets are files of this package, inlined as ``<style>`` (the page's
CSP allows styles from this server and inline, not scripts: ``httpheaders``).
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import streamlit as st

from cantiere.i18n import LANGUAGES
from cantiere.ui import lang, t

STYLES = Path(__file__).resolve().parent / "styles"
MODES = ("phone", "projector")
LANGUAGE_NAMES = {"it": "Italiano", "en": "English"}


@cache
def _css(*names: str) -> str:
    return "\n".join((STYLES / f"{name}.css").read_text(encoding="utf-8") for name in names)


def style(mode: str | None = None) -> None:
    """The stylesheet of every page, plus the one of ``mode`` (``phone`` or ``projector``)."""
    if mode is not None and mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: {', '.join(MODES)}")
    st.html(f"<style>{_css('base', *([mode] if mode else []))}</style>")


def _here() -> str:
    """This page's path and query, without ``lang`` (the cookie decides from now on)."""
    path = urlsplit(st.context.url or "").path or "/"  # no URL in AppTest
    query = {k: v for k, v in st.query_params.to_dict().items() if k != "lang"}
    return path + (f"?{urlencode(query)}" if query else "")


def language_links(where=None) -> None:
    """«Italiano · English» as two links of 48 px; the current one marked for screen readers."""
    from cantiere.ui.live import base_path

    here = _here()
    links = []
    for code in LANGUAGES:
        href = f"{base_path()}/api/lingua/{code}?{urlencode({'next': here})}"
        current = ' aria-current="true"' if code == lang() else ""
        links.append(
            f'<a href="{html.escape(href)}" lang="{code}" hreflang="{code}"{current}>{LANGUAGE_NAMES[code]}</a>'
        )
    target = where if where is not None else st
    target.html(f'<nav class="cantiere-lang" aria-label="{html.escape(t("app.language"))}">{"".join(links)}</nav>')


def sidebar_navigation(pages: dict) -> None:
    """The app's navigation as links in the sidebar, one heading per section
    (Streamlit's own list nests ``<li>`` in ``<div>``: axe-core reports it)."""
    with st.sidebar:
        for section, entries in pages.items():
            st.caption(section)
            for page in entries:
                st.page_link(page, label=page.title, icon=page.icon)
        language_links(st.sidebar)


def limit_notice(key: str, limit: int) -> None:
    """Under a text field with ``max_chars``: a text at the limit was cut there (a
    longer paste is cut, not refused: ``frontend_fixes``); say so before it is sent."""
    if len(str(st.session_state.get(key) or "")) >= limit:
        st.caption(t("a11y.truncated", max=limit))
