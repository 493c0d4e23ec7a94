"""Per-run costs of Streamlit 1.67 that this app removes, once per process.

Every script run starts with a ``new_session`` message whose theme part
(``app_session._populate_theme_msg``) asks ``config.get_options_for_section``
for ``theme`` and each of its sub-sections; that function walks all ~250
config options every time. Measured with py-spy on the join link
(issue 16, bench/RESULTS.md): ~11 % of the server's CPU for a phone's first
page run, paid again at every full rerun. The theme cannot change while the
server runs (``server.fileWatcherType = "none"``, and ``st.set_option`` only
accepts ``client.*`` options at run time), so the answer is kept per section
for as long as Streamlit keeps the same option table (a reload makes a new one,
and the kept answers are dropped).

Installed by ``asgi.middleware()``, i.e. once when ``app.py`` creates its
``st.App``; ``tests/unit/test_speedups.py`` checks that the theme message is
the same with and without it.
"""

from __future__ import annotations

import threading


def memoize_theme_options() -> bool:
    """Keep ``config.get_options_for_section("theme…")`` answers; True if installed now."""
    from streamlit import config

    original = config.get_options_for_section
    if getattr(original, "_cantiere_memo", False):
        return False
    lock = threading.Lock()
    kept: dict = {"table": None, "sections": {}}

    def get_options_for_section(section: str) -> dict:
        if not section.startswith("theme"):
            return original(section)
        with lock:
            table = config._config_options
            if table is None or kept["table"] is not table:
                kept["table"], kept["sections"] = table, {}
            found = kept["sections"].get(section)
        if found is None:
            found = original(section)
            with lock:
                if kept["table"] is table:
                    kept["sections"][section] = found
        return dict(found)  # a copy: callers may not change what is kept

    get_options_for_section._cantiere_memo = True
    get_options_for_section.original = original
    config.get_options_for_section = get_options_for_section
    return True


def install() -> None:
    """Every speed-up of this module (idempotent)."""
    memoize_theme_options()
