"""Streamlit glue for maps: serve Leaflet from the app, then show a folium map.

Every page shows its maps through :func:`show_map` (a thin adapter over
``streamlit_folium.st_folium``), which makes sure, once per process, that
Leaflet's files sit in the folder Streamlit serves at ``/app/static`` and
refuses maps that would fetch anything from another host.
"""

from __future__ import annotations

from pathlib import Path

import folium
import streamlit as st

from cantiere import mapkit
from cantiere.config import ROOT
from cantiere.errors import CantiereError
from cantiere.ui import get_settings, show_error


def static_dir() -> Path:
    """The folder Streamlit serves at /app/static: ``static/`` next to the running main script."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    main = getattr(ctx, "main_script_path", None) if ctx else None
    return (Path(main).resolve().parent if main else ROOT) / "static"


@st.cache_resource(show_spinner=False)
def _install(folder: str) -> str:
    # Process-wide and the same for every user: copy/verify once. A failure
    # is not cached, so fixing the install and reloading the page is enough.
    return str(mapkit.install_assets(Path(folder)))


def ensure_assets() -> Path:
    """Leaflet's files are in place and served; returns their folder.

    Raises MapAssetError (missing or corrupted asset, static serving off).
    """
    if not st.get_option("server.enableStaticServing"):
        raise mapkit.MapAssetError(
            "error.map_static_off", asset="leaflet.js", path=mapkit.ASSET_URL, fix="server.enableStaticServing = true"
        )
    target = Path(_install(str(static_dir())))
    # Cheap per-render check: someone may have deleted the copied files.
    for asset in mapkit.ASSETS:
        if asset.required and not (target / asset.path).is_file():
            _install.clear()
            target = Path(_install(str(static_dir())))
            break
    return target


def map_mode() -> str:
    """CANTIERE_MAP_MODE of this process."""
    return get_settings().map_mode


def show_map(
    m: folium.Map,
    *,
    key: str,
    height: int = 480,
    returned_objects: list[str] | tuple[str, ...] = (),
    feature_group_to_add=None,
    **kwargs,
) -> dict | None:
    """Render ``m`` (built with ``mapkit.base_map``) and return what ``st_folium`` returns.

    ``returned_objects`` defaults to nothing, so panning never reruns the app;
    pass ``["last_clicked"]`` for a pin map (then ``mapkit.clicked_point``).
    Keep ``m`` constant between reruns and pass changing layers as
    ``feature_group_to_add``. On a missing/corrupted asset or an element that
    would load from another host, shows the Italian error instead of an empty
    grey box and returns None.
    """
    from streamlit_folium import st_folium

    try:
        groups = feature_group_to_add
        groups = [] if groups is None else list(groups) if isinstance(groups, (list, tuple)) else [groups]
        for element in [m, *groups]:
            mapkit.check_local(element)
        ensure_assets()
        mapkit.prefix_asset_urls(m, st.get_option("server.baseUrlPath") or "")
    except CantiereError as exc:
        show_error(exc)
        return None
    kwargs.setdefault("use_container_width", True)
    return st_folium(
        m,
        key=key,
        height=height,
        returned_objects=list(returned_objects),
        feature_group_to_add=feature_group_to_add,
        **kwargs,
    )
