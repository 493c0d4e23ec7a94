"""Cached Atlante computations (process-wide: they depend only on their arguments)."""

from __future__ import annotations

import streamlit as st

from cantiere import atlas, indicators, maps


# cache_resource: the view is immutable and the same for everyone (no per-user
# data), and it holds indicator definitions that cannot be pickled
@st.cache_resource(show_spinner=False, max_entries=64)
def view(indicator_key: str, level: str, year: int, scheme: str, lang: str) -> atlas.AtlasView:
    return atlas.build(indicator_key, level, year, scheme, lang=lang)


@st.cache_data(show_spinner=False, max_entries=8)
def pyramid(code: str, year: int):
    return indicators.age_pyramid(code, year)


@st.cache_data(show_spinner=False, max_entries=4)
def all_levels(year: int):
    return {level: indicators.compute(level, year) for level in indicators.LEVELS}


def base_map():
    """A fresh base map each run (folium objects are not shared between sessions);
    its HTML is the same every time, so the browser keeps the map."""
    from cantiere.ui.mapassets import map_mode

    return maps.base_map(map_mode())


@st.cache_data(ttl=10, show_spinner=False)
def imported_indicators(database_url: str):
    """Indicators imported on the Dati page (refreshed every 10 s)."""
    from cantiere.store import datasets
    from cantiere.ui import get_store

    return datasets.imported_indicators(get_store())


@st.cache_data(ttl=10, show_spinner=False)
def imported_definitions(database_url: str):
    """Formula, unit, source, licence of each imported indicator (refreshed every 10 s)."""
    from cantiere.store import datasets
    from cantiere.ui import get_store

    return datasets.indicator_definitions(get_store())


@st.cache_resource(show_spinner=False, max_entries=32)
def imported_view(
    option: str, _frame, _definitions, frame_hash: str, level: str, scheme: str, lang: str
) -> atlas.AtlasView:
    return atlas.build_imported(option, _frame, scheme, lang=lang, definitions=_definitions, level=level)
