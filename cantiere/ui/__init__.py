"""Streamlit glue: the only package that imports streamlit.

Process-wide resources (settings, store) are cached with ``st.cache_resource``;
per-user state lives in ``st.session_state`` under the keys of ``ui.state``.
"""

from __future__ import annotations

import logging
import re

import streamlit as st

from cantiere import config
from cantiere.errors import CantiereError
from cantiere.i18n import LANGUAGES, translate
from cantiere.ui import state

log = logging.getLogger("cantiere")


@st.cache_resource
def get_settings() -> config.Settings:
    """Settings of this process (environment first, then secrets.toml)."""
    try:
        secrets = dict(st.secrets)
    except Exception:  # no secrets.toml: that is the normal case
        secrets = {}
    return config.load(secrets=secrets)


@st.cache_resource
def get_store():
    """The process-wide Store (one engine, one write lock)."""
    from cantiere.store import Store

    return Store(get_settings().database_url)


@st.cache_resource
def freeze_startup_heap() -> int:
    """Once per process, after the first page has run: move everything loaded so
    far (pandas, plotly, the territory, the app's modules: ~185,000 objects) out
    of the garbage collector's reach with ``gc.freeze()``. The automatic full
    collections then scan only what sessions allocate: measured in the server
    under load, 150 → 16 ms each (bench/RESULTS.md). The per-run ``gc.collect()``
    is off already (``runner.postScriptGC = false``). Returns the number of
    objects frozen."""
    import gc

    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


@st.cache_resource
def favicon() -> str:
    """The tab icon, drawn here as a ``data:`` URL: a Material icon or emoji
    favicon would be fetched from a CDN, which an offline room cannot reach, and
    an image would be stored once per session in Streamlit's media files (every
    script run of every session then walks that list: ~3 % of the server's CPU
    with 300 phones)."""
    import base64
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((2, 2, 62, 62), radius=14, fill="#b5302b")
    for x, height in ((14, 22), (28, 34), (42, 16)):  # three bars: needs, services, votes
        draw.rectangle((x, 52 - height, x + 8, 52), fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def lang() -> str:
    """The language of this session: ?lang=en in the URL, else the one this
    browser chose (cookie ``cantiere_lang``, ``ui.lang_route``), else the setting.

    Called for every string a page draws (~30 times a run), and each lookup in
    Streamlit's session-state and query-parameter proxies costs a lock and, for
    a missing key, an exception: the answer is kept for the rest of the run
    (issue 16: ~3–10 % of a phone's page run). A run is one ``reset`` of the
    script context, which gives it a new ``cursors`` dict (the language switch
    reloads the page)."""
    ctx = _run_context()
    if ctx is not None:
        kept = getattr(ctx, _LANG_MEMO, None)
        if kept is not None and kept[0] is ctx.cursors:
            return kept[1]
    chosen = _session_language()
    if ctx is not None:
        setattr(ctx, _LANG_MEMO, (ctx.cursors, chosen))
    return chosen


_LANG_MEMO = "_cantiere_lang"  # attribute of the script run context: (that run's cursors, language)


def _run_context():
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return ctx if ctx is not None and hasattr(ctx, "cursors") else None


def _session_language() -> str:
    chosen = st.session_state.get(state.LANG)
    if chosen in LANGUAGES:
        return chosen
    from_url = st.query_params.get("lang")
    if from_url in LANGUAGES:
        return from_url
    try:
        remembered = st.context.cookies.get("cantiere_lang")
    except Exception:  # no browser behind this run (AppTest, a bare script)
        remembered = None
    if remembered in LANGUAGES:
        return remembered
    return get_settings().language


def t(key: str, **params) -> str:
    """Translate ``key`` in the session's language."""
    return translate(key, lang(), **params)


# Characters that start Markdown (and Streamlit's directives, math and icons)
# inside a line: escaped with a backslash they show as typed.
_MARKDOWN = re.compile(r"([\\`*_\[\]()!#<>~:$|{}])")


def md_escape(text: object) -> str:
    """``text`` for a Streamlit element that renders Markdown, shown as typed."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def error_message(exc: CantiereError) -> str:
    """The message of ``exc`` for ``st.error``/``st.success``, which render
    Markdown: its parameters may be text people typed (a proposal title, a
    priority, a file name), so they are escaped; the sentence around them is ours."""
    language = lang()
    params = {k: md_escape(v) if isinstance(v, str) else v for k, v in exc.params_in(language).items()}
    return translate(exc.key, language, **params)


def show_error(exc: Exception) -> None:
    """Show an error as a person can act on it; never a traceback."""
    if isinstance(exc, CantiereError):
        st.error(error_message(exc))
    else:
        log.exception("unexpected error")
        st.error(t("error.unexpected"))
