"""Widgets of the Servizi e copertura and Dati pages.

Presentation only: labels, tables with translated headers, the map adapter and
the local admin gate. Logic lives in ``cantiere.services``,
``cantiere.importers`` and ``cantiere.maps_services``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cantiere import fmt, importers, maps_services, services, territory
from cantiere.ui import facilitazione_listening, lang, t
from cantiere.ui.mapassets import map_mode

# session-state and widget keys of these pages, defined once
ADMIN = "dati.admin"
PASSWORD = "dati.password"
KIND = "dati.kind"
UPLOAD = "dati.upload"  # + ".<round>": a new key empties the uploader after an import
UPLOAD_ROUND = "dati.upload_round"
IMPORT = "dati.import"
REMOVE_CHOICE = "dati.remove_choice"
REMOVE = "dati.remove"
FLASH = "dati.flash"
FILTER_TYPE = "servizi.filter_type"
FILTER_TARGET = "servizi.filter_target"
FILTER_OPERATOR = "servizi.filter_operator"
CLUSTER = "servizi.cluster"
COVERAGE_TYPE = "servizi.coverage_type"
COVERAGE_LEVEL = "servizi.coverage_level"
GAP_COMUNE = "servizi.gap_comune"
MAP_SERVICES = "servizi.map"
MAP_GAP = "servizi.gap_map"


# --- Servizi e copertura ---------------------------------------------------------


def sample_notice(is_sample: bool) -> None:
    """The "dati di esempio" warning, on every screen that shows the sample."""
    if is_sample:
        st.warning(t("svc.sample_notice"))


def type_label(key: str) -> str:
    return t(f"svc.type.{key}")


def filters(frame: pd.DataFrame) -> dict:
    """Type, target group and operator kind multiselects; an empty choice keeps all."""
    present = [k for k in services.SERVICE_TYPES if k in set(frame["tipo"])]
    targets = [g for g in services.TARGET_GROUPS if any(services.SERVICE_TYPES[k].target == g for k in present)]
    kinds = [k for k in services.OPERATOR_KINDS if k in set(frame["tipo_gestore"])]
    left, middle, right = st.columns(3)
    chosen = {
        "types": left.multiselect(
            t("svc.filter.type"), present, format_func=type_label, key=FILTER_TYPE, placeholder=t("svc.filter.all")
        ),
        "targets": middle.multiselect(
            t("svc.filter.target"),
            targets,
            format_func=lambda g: t(f"svc.target.{g}"),
            key=FILTER_TARGET,
            placeholder=t("svc.filter.all"),
        ),
        "operator_kinds": right.multiselect(
            t("svc.filter.operator_kind"),
            kinds,
            format_func=lambda k: t(f"svc.operator.{k}"),
            key=FILTER_OPERATOR,
            placeholder=t("svc.filter.all"),
        ),
    }
    return chosen


def services_table(frame: pd.DataFrame, is_sample: bool, key: str = "servizi.table") -> None:
    """The services as a dataframe (imported text is never rendered as Markdown)."""
    st.dataframe(_services_display(frame, is_sample), hide_index=True, width="stretch", key=key)


def _services_display(frame: pd.DataFrame, is_sample: bool) -> pd.DataFrame:
    shown = pd.DataFrame(
        {
            t("svc.col.nome"): frame["nome"],
            t("svc.col.tipo"): frame["tipo"].map(type_label),
            t("svc.col.destinatari"): frame["tipo"].map(lambda k: t(f"svc.target.{services.SERVICE_TYPES[k].target}")),
            t("svc.col.comune"): frame["comune"],
            t("svc.col.distretto"): frame["distretto"],
            t("svc.col.indirizzo"): frame["indirizzo"],
            t("svc.col.posti"): frame["posti"],
            t("svc.col.gestore"): frame["gestore"],
            t("svc.col.tipo_gestore"): frame["tipo_gestore"].map(lambda k: t(f"svc.operator.{k}")),
        }
    )
    if is_sample:
        shown[t("svc.col.esempio")] = frame["esempio"]
    return shown


def count_caption(frame: pd.DataFrame) -> None:
    places = int(frame["posti"].fillna(0).sum()) if not frame.empty else 0
    st.caption(t("svc.count", n=fmt.number(len(frame), lang=lang()), places=fmt.number(places, lang=lang())))


def show_map(fmap, key: str, layer=None, height: int = 480) -> None:
    """No value returned, so panning never reruns; the base map stays constant
    and the changing ``layer`` is passed apart, so a filter change redraws the
    layer, not the whole iframe. Assets are served locally (``mapassets``)."""
    from cantiere.ui import mapassets

    mapassets.show_map(fmap, key=key, height=height, returned_objects=[], feature_group_to_add=layer)


def services_map(frame: pd.DataFrame) -> None:
    mode = st.selectbox(
        t("svc.cluster"), maps_services.CLUSTER_MODES, format_func=lambda m: t(f"svc.cluster.{m}"), key=CLUSTER
    )
    located = int(frame["lat"].notna().sum())
    if mode == "nessuno" and located > maps_services.MAX_SINGLE_POINTS:
        st.info(
            t(
                "svc.too_many_points",
                n=fmt.number(located, lang=lang()),
                limit=fmt.number(maps_services.MAX_SINGLE_POINTS, lang=lang()),
            )
        )
        mode = "griglia"
    missing = int(frame["lat"].isna().sum())
    if missing:
        st.caption(t("svc.no_coordinates", n=missing))
    left, right = st.columns([3, 1])
    with left:
        extra = facilitazione_listening.coordinator_layers(facilitazione_listening.LAYER_TOGGLE_SERVIZI)
        show_map(
            maps_services.services_base(mode=map_mode()),
            MAP_SERVICES,
            [maps_services.services_layer(frame, mode, lang()), *extra],
        )
    with right:
        _legend(maps_services.type_legend(frame["tipo"], lang()), t("svc.map_legend"), "servizi.map_legend")


def _legend(legend: pd.DataFrame, title: str, key: str) -> None:
    """Colour swatches beside their labels (our own words only)."""
    swatches = pd.DataFrame({" ": [""] * len(legend), title: legend["etichetta"]})
    colours = list(legend["colore"])
    styled = swatches.style.apply(lambda _: [f"background-color: {c}" for c in colours], subset=[" "])
    st.dataframe(styled, hide_index=True, width="stretch", key=key)


def _demand_text(type_key: str) -> str:
    kind = services.service_type(type_key)
    if kind.age_low == 0 and kind.age_high >= services.MAX_AGE:
        ages = t("svc.ages.all")
    elif kind.age_high >= services.MAX_AGE:
        ages = t("svc.ages.over", low=kind.age_low)
    else:
        ages = t("svc.ages.range", low=kind.age_low, high=kind.age_high)
    return t("svc.demand", ages=ages)


def coverage_section(frame: pd.DataFrame) -> str:
    """Type and level selectboxes, then the coverage table; the chosen type."""
    left, right = st.columns(2)
    type_key = left.selectbox(
        t("svc.coverage.type"), list(services.SERVICE_TYPES), format_func=type_label, key=COVERAGE_TYPE
    )
    level = right.selectbox(
        t("svc.coverage.level"), services.LEVELS, format_func=lambda v: t(f"svc.level.{v}"), key=COVERAGE_LEVEL
    )
    table = services.coverage(frame, type_key, level)
    st.dataframe(_coverage_display(table, level), hide_index=True, width="stretch", key="servizi.coverage_table")
    st.caption(
        t(
            "svc.coverage.caption",
            demand=_demand_text(type_key),
            source=territory.SOURCE_POPULATION,
            year=territory.DEFAULT_YEAR,
        )
    )
    return type_key


def _coverage_display(table: pd.DataFrame, level: str = "comune", extra: bool = False) -> pd.DataFrame:
    shown = pd.DataFrame(
        {
            t(f"svc.level.{level}"): table["nome"],
            t("svc.col.servizi"): table["servizi"],
            t("svc.col.posti"): table["posti"],
            t("svc.col.popolazione"): table["popolazione"],
            t("svc.col.copertura"): table["copertura"].round(1),
        }
    )
    if extra:
        shown[t("svc.col.posti_attesi")] = table["posti_attesi"].round(0)
        shown[t("svc.col.divario")] = table["divario"].clip(lower=0).round(0)
    return shown


def gap_section(frame: pd.DataFrame, type_key: str) -> None:
    """Gap map for the chosen type, its legend, and a comune picker (the map's selectbox twin)."""
    table = services.gap(frame, type_key)
    reference = table["riferimento"].iloc[0]
    kind = services.service_type(type_key)
    key = "svc.gap.reference_target" if kind.reference is not None else "svc.gap.reference_province"
    st.caption(t(key, value=fmt.number(reference, 1, lang())))
    left, right = st.columns([3, 1])
    with left:
        show_map(maps_services.gap_base(mode=map_mode()), MAP_GAP, maps_services.gap_layer(table, lang()))
    with right:
        _legend(maps_services.gap_legend(lang()), t("svc.gap.legend"), "servizi.gap_legend")
        names = dict(zip(table["codice"], table["nome"]))
        code = st.selectbox(t("svc.gap.choose_comune"), list(names), format_func=names.get, key=GAP_COMUNE)
        row = table.set_index("codice").loc[code]
        st.metric(t("svc.col.copertura"), fmt.number(row["copertura"], 1, lang()))
        st.metric(t("svc.col.divario"), fmt.number(max(row["divario"], 0), 0, lang()))
    st.dataframe(
        _coverage_display(table, "comune", extra=True), hide_index=True, width="stretch", key="servizi.gap_table"
    )


def sources_caption() -> None:
    st.caption(t("svc.sources", boundaries=territory.SOURCE_BOUNDARIES, population=territory.SOURCE_POPULATION))


# --- Dati ------------------------------------------------------------------------------


def admin_gate():
    """The same password gate as Facilitazione (``cantiere.ui.auth``): the
    facilitator ``Actor`` (the importers check it again), or None."""
    from cantiere.ui import auth

    return auth.facilitator()


def flash() -> None:
    """A message left by the previous run (e.g. after an import)."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)


def set_flash(message: str) -> None:
    st.session_state[FLASH] = message


def upload_key() -> str:
    """The uploader's key of this round; ``next_upload`` starts a new, empty one."""
    return f"{UPLOAD}.{st.session_state.get(UPLOAD_ROUND, 0)}"


def next_upload() -> None:
    st.session_state[UPLOAD_ROUND] = st.session_state.get(UPLOAD_ROUND, 0) + 1


def report_view(report: importers.Report) -> None:
    """The validation report: summary, problems (row, column, reason) and preview."""
    st.subheader(t("dati.report"))
    if report.sheet:
        st.text(t("imp.sheet_used", sheet=report.sheet))  # the sheet name is file content: no Markdown
    if report.ok and report.inspection is not None:  # indicators as published: per comune and indicator
        st.success(t("dati.ind.valid", indicators=len(report.definitions), comuni=report.rows["codice"].nunique()))
    elif report.ok:
        st.success(t("dati.valid", rows=len(report.rows)))
    elif report.errors:
        st.error(t("imp.rejected", errors=len(report.errors)))
    if report.problems:
        st.dataframe(report.table(lang()), hide_index=True, width="stretch", key="dati.problems")
    if not report.rows.empty and report.inspection is None:
        st.caption(t("dati.preview"))
        preview = report.rows.head(200)
        if report.kind == "services":
            services_table(preview, bool(preview["esempio"].any()), key="dati.preview")
        else:  # files as published show theirs in data_view.values_preview
            st.dataframe(preview, hide_index=True, width="stretch", key="dati.preview")


def datasets_table(table: pd.DataFrame) -> None:
    shown = table.rename(columns={c: t(f"dati.col.{c}") for c in table.columns})
    st.dataframe(shown, hide_index=True, width="stretch", key="dati.datasets")


def dataset_label(table: pd.DataFrame):
    labels = {int(r.id): f"{r.id} · {r.file} ({t('dati.kind.' + r.tipo)}, {r.righe})" for r in table.itertuples()}
    return labels.get
