"""Servizi e copertura: the offer on the map, coverage per comune/district, the gap."""

import streamlit as st

from cantiere import services
from cantiere.ui import get_store, show_error, t
from cantiere.ui import services_view as view

st.title(t("nav.servizi"))
try:
    offer, is_sample = services.current_services(get_store())
except Exception as exc:  # a missing sample or database: a message, never a traceback
    show_error(exc)
    st.stop()

view.sample_notice(is_sample)
if not is_sample:
    st.caption(t("svc.imported_notice"))

st.subheader(t("svc.filters"))
chosen = services.filter_services(offer, **view.filters(offer))
view.count_caption(chosen)

st.subheader(t("svc.section.map"))
if chosen.empty:
    st.info(t("svc.empty_filter"))
else:
    view.services_map(chosen)

st.subheader(t("svc.section.table"))
view.services_table(chosen, is_sample)

st.subheader(t("svc.section.coverage"))
view.sample_notice(is_sample)
type_key = view.coverage_section(offer)

st.subheader(t("svc.section.gap"))
view.gap_section(offer, type_key)
view.sources_caption()
