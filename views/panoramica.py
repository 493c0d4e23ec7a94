"""Panoramica: what the tool is, the province at a glance, where to go."""

import streamlit as st

from cantiere import atlas, indicators, territory
from cantiere.ui import atlas as cached
from cantiere.ui import lang, t

st.title(t("app.title"))
st.subheader(t("app.tagline"))
st.write(t("panoramica.what"))

year = territory.DEFAULT_YEAR
levels = cached.all_levels(year)
province = levels["provincia"].iloc[0]


def shown(key: str, value) -> str:
    return atlas.format_value(indicators.indicator(key), value, lang())


st.header(t("panoramica.figures", year=year))
cols = st.columns(3) + st.columns(3)
cols[0].metric(t("panoramica.residents"), shown("residenti", province["residenti"]))
cols[1].metric(t("panoramica.comuni"), str(len(territory.comuni(year))))
cols[2].metric(t("panoramica.oldage"), shown("indice_vecchiaia", province["indice_vecchiaia"]))
cols[3].metric(t("panoramica.over65"), shown("quota_65", province["quota_65"]))
cols[4].metric(t("panoramica.over80"), shown("quota_80", province["quota_80"]))
cols[5].metric(t("panoramica.children"), shown("bambini_0_2", province["bambini_0_2"]))

st.subheader(t("panoramica.districts_title"))
districts = levels["distretto"]
st.dataframe(
    {
        t("common.distretto"): districts["nome"],
        t("panoramica.comuni"): [
            ", ".join(territory.comune(c, year).name for c in territory.district(k).comuni) for k in districts["codice"]
        ],
        t("panoramica.residents"): [shown("residenti", v) for v in districts["residenti"]],
        t("panoramica.over65"): [shown("quota_65", v) for v in districts["quota_65"]],
    },
    hide_index=True,
    width="stretch",
)

st.header(t("panoramica.links"))
st.page_link("views/atlante.py", label=t("panoramica.link.atlante"), icon=":material/map:")
st.page_link("views/servizi.py", label=t("panoramica.link.servizi"), icon=":material/medical_services:")
st.page_link("views/partecipa.py", label=t("panoramica.link.partecipa"), icon=":material/how_to_vote:")
st.caption(t("panoramica.sources"))
