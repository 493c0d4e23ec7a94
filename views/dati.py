"""Dati: import services and indicators (coordinators only), validation report,
imported datasets listed and removable. Files of indicators are taken as
publishers release them: the page proposes the indicators, the coordinator
picks, renames and adds formulas, with source, licence and year."""

import streamlit as st

from cantiere import importers
from cantiere.store import datasets
from cantiere.ui import data_view, get_settings, get_store, show_error, t
from cantiere.ui import services_view as view

st.title(t("nav.dati"))
actor = view.admin_gate()
if actor is None:
    st.stop()

view.flash()
st.write(t("dati.intro"))
settings = get_settings()
store = get_store()

kind = st.radio(
    t("dati.kind"), importers.KINDS, format_func=lambda k: t(f"dati.kind.{k}"), key=view.KIND, horizontal=True
)
source, year, choice = "", None, None
if kind == "indicators":
    st.caption(t("dati.ind.intro"))
else:
    st.caption(t("dati.replace_note"))
upload = st.file_uploader(
    t("dati.upload"),
    type=["csv", "txt", "xlsx", "geojson", "json"],
    key=view.upload_key(),
    help=t("dati.upload_help", mb=settings.max_upload_mb),
    max_upload_size=settings.max_upload_mb,  # the limit the uploader shows and enforces
)

if upload is not None:
    max_bytes = settings.max_upload_mb * 2**20
    data = upload.getvalue()
    # the size the browser declared is not trusted: validate() measures the bytes
    if kind == "indicators":
        chosen = data_view.choose(upload.name, data, max_bytes, data_view.prefix(view.upload_key(), data))
        if chosen is not None:
            choice, source, year = chosen
        report = data_view.checked(upload.name, data, max_bytes, source, year, choice)
    else:
        report = importers.validate(kind, upload.name, data, max_bytes)
    view.report_view(report)
    data_view.definitions_table(report)
    data_view.values_preview(report)
    if report.ok and st.button(t("dati.import"), type="primary", key=view.IMPORT):
        try:
            done = importers.import_file(
                store,
                kind,
                upload.name,
                data,
                actor=actor,
                max_bytes=max_bytes,
                source=source,
                year=year,
                choice=choice,
            )
        except Exception as exc:
            show_error(exc)
        else:
            if done.inspection is not None:  # indicators as published
                comuni = done.rows["codice"].nunique()
                view.set_flash(t("dati.ind.imported", indicators=len(done.definitions), comuni=comuni))
            else:
                view.set_flash(t("dati.imported", rows=len(done.rows)))  # no file name: st.success is Markdown
            view.next_upload()  # an empty uploader: the same file is not imported twice by mistake
            st.rerun()

st.subheader(t("dati.datasets"))
table = datasets.list_datasets(store)
if table.empty:
    st.info(t("dati.no_datasets"))
else:
    view.datasets_table(table)
    chosen = st.selectbox(
        t("dati.remove_choice"),
        table["id"].astype(int).tolist(),
        format_func=view.dataset_label(table),
        key=view.REMOVE_CHOICE,
    )
    if st.button(t("dati.remove"), key=view.REMOVE):
        try:
            importers.remove_dataset(store, chosen, actor=actor)
        except Exception as exc:
            show_error(exc)
        else:
            view.set_flash(t("dati.removed"))
            st.rerun()
