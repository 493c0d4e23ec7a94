"""Caching for workshops: the demo created once per process, the projector's
snapshot read through a 1-second cache so hundreds of open screens cost one
query per second."""

from __future__ import annotations

import io

import streamlit as st

from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.ui import get_settings, get_store


@st.cache_resource(show_spinner=False)
def ensure_demo(database_url: str) -> str | None:
    """First start on an empty database (CANTIERE_DEMO=1): create the demo
    workshop. Cached per process and database, so it runs once."""
    if get_settings().demo != "1":
        return None
    from cantiere import network_demo  # issue 20: the demo with its district's history, labelled as examples

    created = network_demo.first_start(get_store())
    return created.code if created else None


@st.cache_data(ttl=1, show_spinner=False)
def projector_snapshot(code: str) -> w.Snapshot | None:
    """Counts, results (hidden below 5 ballots) and the comments wall of a workshop."""
    store = get_store()
    workshop = db.workshop_by_code(store, code)
    return w.snapshot(store, workshop) if workshop else None


@st.cache_data(show_spinner=False)
def qr_png(url: str) -> bytes:
    """A QR code of ``url``, drawn locally with segno (no web service)."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


def projector_url(code: str) -> tuple[str, bool]:
    """The projector's page of workshop ``code`` (the same base address as the join link)."""
    url, configured = join_url(code)
    return url.replace(f"/partecipa?code={code}", f"/proiezione?code={code}"), configured


def join_url(code: str) -> tuple[str, bool]:
    """The link phones open, and whether it comes from CANTIERE_PUBLIC_URL."""
    base = get_settings().public_url.rstrip("/")
    configured = bool(base)
    if not base:
        try:
            page = st.context.url or ""
        except Exception:  # older Streamlit or no browser context (tests)
            page = ""
        scheme, _, rest = page.partition("://")
        base = f"{scheme}://{rest.split('/', 1)[0]}" if rest else "http://localhost:8501"
    return f"{base}/partecipa?code={code}", configured
