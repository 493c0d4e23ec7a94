"""Atlante dei bisogni: choropleth of a need indicator by comune or district,
with legend, ranking, and a comune profile (age pyramid, comparison)."""

import html

import streamlit as st

from cantiere import atlas, charts, indicators, maps, territory
from cantiere.classes import SCHEMES
from cantiere.ui import atlas as cached
from cantiere.ui import facilitazione_listening, get_settings, lang, t
from cantiere.ui.mapview import clicked_feature
from cantiere.ui.params import url_choice

st.title(t("nav.atlante"))
st.caption(t("atlante.intro"))

imported = cached.imported_indicators(get_settings().database_url)
definitions = cached.imported_definitions(get_settings().database_url)
imported_keys = atlas.imported_names(imported)
keys = list(indicators.INDICATORS) + imported_keys


def _check_indicator(value: str) -> str:
    return value if value in imported_keys else indicators.indicator(value).key


def _label(key: str) -> str:
    if key in imported_keys:
        return t("atlante.imported_label", name=atlas.imported_label(key))
    return t(indicators.INDICATORS[key].label)


default_indicator = url_choice("indicatore", _check_indicator, "quota_65")
default_level = url_choice("livello", atlas.check_map_level, "comune")
default_year = url_choice("anno", territory.check_year, territory.DEFAULT_YEAR)

left, middle, right = st.columns([3, 1, 1])
key = left.selectbox(
    t("atlante.indicator"),
    keys,
    index=keys.index(default_indicator),
    format_func=_label,
    key="atlante.indicator",
)
level = middle.selectbox(
    t("atlante.level"),
    atlas.MAP_LEVELS,
    index=atlas.MAP_LEVELS.index(default_level),
    format_func=lambda v: t(f"level.{v}"),
    key="atlante.level",
)
year = right.selectbox(
    t("atlante.year"), territory.YEARS, index=territory.YEARS.index(default_year), key="atlante.year"
)
scheme = st.radio(
    t("atlante.scheme"),
    list(SCHEMES),
    format_func=lambda s: t(f"scheme.{s}"),
    horizontal=True,
    key="atlante.scheme",
)

is_imported = key in imported_keys
if is_imported:
    if level not in atlas.imported_levels(key, definitions):
        st.info(t("atlante.imported_only_comune"))
    frame_hash = str(hash(imported.to_json() + definitions.to_json()))
    view = cached.imported_view(key, imported, definitions, frame_hash, level, scheme, lang())
    about = atlas.imported_about(key, imported, definitions)
else:
    view = cached.view(key, level, year, scheme, lang())
    about = atlas.indicator_about(view.indicator, year, lang())

map_col, side_col = st.columns([3, 2])
with map_col:
    pins_layers = facilitazione_listening.coordinator_layers(facilitazione_listening.LAYER_TOGGLE_ATLANTE)
    clicked = clicked_feature(
        cached.base_map(), [maps.choropleth_layer(view.geojson, about["label"]), *pins_layers], key="atlante.map"
    )
    if is_imported:
        st.text(atlas.source_line(about, lang()))  # imported text: plain, never Markdown
        if (view.table["label"] == t("atlante.not_available")).any():
            st.caption(t("atlante.not_available_note"))
    st.caption(t("atlante.attribution", year=year))
with side_col:
    if view.province_value is not None:
        st.metric(t("atlante.province_value"), view.province_label)
    st.markdown(f"**{t('atlante.legend')}**")
    st.caption(about["unit"])
    if view.classes.k == 1:
        st.caption(t("atlante.legend_single"))
    # colours and ranges are our own figures, never user text
    swatches = "".join(
        f'<div><span style="display:inline-block;width:1.2em;height:1em;background:{color};'
        f'border:1px solid #555;margin-right:.5em"></span>{html.escape(text)}</div>'
        for color, text in atlas.legend(view, lang())
    )
    st.markdown(swatches, unsafe_allow_html=True)
    st.subheader(t("atlante.ranking"))
    st.dataframe(
        view.table[["rank", "name", "district", "label"]].rename(
            columns={
                "rank": t("atlante.col.rank"),
                "name": t("atlante.col.name"),
                "district": t("atlante.col.district"),
                "label": t("atlante.col.value"),
            }
        ),
        hide_index=True,
        width="stretch",
        key="atlante.table",
    )
    with st.expander(t("atlante.about")):
        if is_imported:
            # imported names and sources are shown as plain text, never Markdown
            st.text(t("atlante.imported_about", **about))
            if about["formula"]:
                st.text(t("atlante.imported_formula", formula=about["formula"], unit=about["unit"] or "–"))
        else:
            st.markdown(t("atlante.about_text", **about))

st.header(t("atlante.detail"))
st.caption(t("atlante.map_hint"))
comuni = territory.comuni(year)
codes = [c.code for c in comuni]
default_code = url_choice("comune", lambda v: territory.comune(v, year).code, "039014")
if clicked and clicked.get("code") in codes:
    default_code = clicked["code"]
code = st.selectbox(
    t("atlante.detail_pick"),
    codes,
    index=codes.index(default_code),
    format_func=lambda c: territory.comune(c, year).name,
    key="atlante.comune",
)
chosen = territory.comune(code, year)
levels = cached.all_levels(year)
pyramid_col, compare_col = st.columns([3, 2])
with pyramid_col:
    st.subheader(t("atlante.pyramid", name=chosen.name, year=year))
    labels = {k: t(f"atlante.{k}") for k in ("female", "male", "age", "people")}
    st.plotly_chart(charts.age_pyramid(cached.pyramid(code, year), labels, lang()), key="atlante.pyramid")
with compare_col:
    names = [chosen.name, territory.district(chosen.district).name, t("common.province")]
    rows = atlas.imported_compare(key, imported, definitions, code) if is_imported else None
    if is_imported and rows is None:
        st.caption(t("atlante.imported_no_compare"))
    else:
        if rows is None:
            rows = [
                float(levels["comune"].set_index("codice").loc[code, key]),
                float(levels["distretto"].set_index("codice").loc[chosen.district, key]),
                float(levels["provincia"][key].iloc[0]),
            ]
        st.plotly_chart(
            charts.comparison(names, rows, t("atlante.compare", label=about["label"]), about["unit"], lang()),
            key="atlante.compare",
        )
        st.dataframe(
            {t("atlante.col.name"): names, t("atlante.col.value"): [view.format(v, lang()) for v in rows]},
            hide_index=True,
            width="stretch",
        )
