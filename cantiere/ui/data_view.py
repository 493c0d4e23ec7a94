"""Dati page, files of indicators as publishers release them: what the file
holds, which indicators to take (names, units, formulas), and the source,
licence, attribution and year that go with them.

Presentation only: the file is read and checked by ``cantiere.importers`` /
``cantiere.opendata``; text from the file (headers, names, sources) is shown
with ``st.text``, widgets' labels and dataframes, never as Markdown.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from cantiere import derived, fmt, importers, indicators, opendata
from cantiere.derived import Spec, Term
from cantiere.ui import lang, t

FORMULAS = "formulas"  # + prefix: the formulas added by hand for this file
# multiply by: as it is, a percentage, per 1,000, per 10,000, cents to euro
FACTORS = {
    1.0: "dati.ind.factor.one",
    100.0: "dati.ind.factor.percent",
    1000.0: "dati.ind.factor.thousand",
    10_000.0: "dati.ind.factor.tenthousand",
    0.01: "dati.ind.factor.cents",
}


@st.cache_data(max_entries=4, show_spinner=False)
def checked(
    filename: str, data: bytes, max_bytes: int, source: str, year: int | None, choice: importers.Choice | None
) -> importers.Report:
    """``importers.validate`` for a file of indicators, cached per file and choice:
    a rerun of the page does not read a national file (~8,000 rows) again."""
    return importers.validate("indicators", filename, data, max_bytes, source, year, choice)


def prefix(upload_key: str, data: bytes) -> str:
    """Widget keys of this file: a new file starts from its own proposals."""
    return f"dati.ind.{upload_key}.{hashlib.sha256(data).hexdigest()[:10]}."


def _candidate_label(spec: Spec, found: opendata.Inspection) -> str:
    if spec.denominator is None and len(spec.numerator.columns) == 1 and spec.name == spec.numerator.columns[0]:
        column = found.column(spec.numerator.columns[0])
        return t("dati.ind.column_option", n=column.number, name=spec.name)
    return t("dati.ind.formula_option", name=spec.name, formula=derived.formula_text(spec, lang()))


def choose(filename: str, data: bytes, max_bytes: int, keys: str):
    """The coordinator's choice for a file of indicators: (Choice, source, year),
    or None when the file cannot be read (the report says why)."""
    first = checked(filename, data, max_bytes, "", None, None)
    found = first.inspection
    if found is None:
        return None
    if found.preset:
        st.info(t("dati.ind.recognised", label=t(found.preset.label)))
    st.caption(
        t(
            "dati.ind.found",
            comuni=len({comune.code for _, comune, _ in found.rows}),
            rows=fmt.number(len(found.rows), lang=lang()),
            outside=fmt.number(found.outside, lang=lang()),
        )
    )
    st.subheader(t("dati.ind.about"))
    left, right = st.columns(2)
    meta = first.meta
    source = left.text_input(t("dati.ind.source"), value=meta.get("source", ""), key=keys + "source", max_chars=200)
    year = right.number_input(
        t("dati.ind.year"), min_value=1900, max_value=2100, value=meta.get("year"), step=1, key=keys + "year"
    )
    licence = left.text_input(t("dati.ind.licence"), value=meta.get("licence", ""), key=keys + "licence", max_chars=200)
    attribution = right.text_input(
        t("dati.ind.attribution"), value=meta.get("attribution", ""), key=keys + "attribution", max_chars=300
    )

    st.subheader(t("dati.ind.which"))
    added = [Spec.from_dict(d) for d in st.session_state.get(keys + FORMULAS, [])]
    pairs = opendata.candidates(found) + [(spec, True) for spec in added]
    options = list(range(len(pairs)))
    picked = st.multiselect(
        t("dati.ind.pick"),
        options,
        default=[i for i, (_, proposed) in enumerate(pairs) if proposed],
        format_func=lambda i: _candidate_label(pairs[i][0], found),
        key=keys + "pick",
        help=t("dati.ind.pick_help"),
    )
    specs = []
    if picked:
        with st.expander(t("dati.ind.names"), expanded=False):
            for i in picked:
                spec = pairs[i][0]
                name_col, unit_col = st.columns([3, 1])
                name = name_col.text_input(t("dati.ind.name"), value=spec.name, key=f"{keys}name.{i}", max_chars=100)
                unit = unit_col.text_input(t("dati.ind.unit"), value=spec.unit, key=f"{keys}unit.{i}", max_chars=40)
                st.text(t("dati.ind.formula", formula=derived.formula_text(spec, lang())))
                specs.append(spec.renamed(name.strip(), unit.strip()))
    _formula_form(found, keys)
    choice = importers.Choice(specs=tuple(specs), licence=licence, attribution=attribution)
    return choice, source, int(year) if year is not None else None


def _formula_form(found: opendata.Inspection, keys: str) -> None:
    """A ratio of two columns, or a column per resident / per 1,000 of a target group."""
    columns = [c for c in found.columns if c.is_candidate]
    if not columns:
        return
    groups = list(indicators.POPULATION_GROUPS)
    if st.session_state.pop(keys + "f.error", False):
        st.error(t("data.file.empty_name"))
    with st.expander(t("dati.ind.add_formula")):
        with st.form(keys + "formula_form", clear_on_submit=True, border=False):
            st.text_input(t("dati.ind.name"), key=keys + "f.name", max_chars=100)
            st.text_input(t("dati.ind.unit"), key=keys + "f.unit", max_chars=40)
            st.selectbox(
                t("dati.ind.numerator"),
                [c.header for c in columns],
                format_func=lambda h: t("dati.ind.column_option", n=found.column(h).number, name=h),
                key=keys + "f.num",
            )
            st.selectbox(
                t("dati.ind.denominator"),
                ["", *(f"col:{c.header}" for c in columns), *(f"pop:{g}" for g in groups)],
                format_func=lambda v: _denominator_label(v, found),
                key=keys + "f.den",
            )
            st.selectbox(
                t("dati.ind.factor"), list(FACTORS), format_func=lambda f: t(FACTORS[f]), key=keys + "f.factor"
            )
            st.form_submit_button(
                t("dati.ind.add"),
                key=keys + "f.add",
                on_click=_add_formula,
                args=(keys, len(opendata.candidates(found))),
            )


def _add_formula(keys: str, proposed: int) -> None:
    """The form's callback (runs before the page, so the new formula can be ticked in the picker)."""
    state = st.session_state
    name = str(state.get(keys + "f.name") or "").strip()
    if not name:
        state[keys + "f.error"] = True
        return
    denominator = state.get(keys + "f.den") or ""
    den = None
    if denominator.startswith("col:"):
        den = Term(columns=(denominator[4:],))
    elif denominator.startswith("pop:"):
        den = Term(group=denominator[4:])
    spec = Spec(
        name,
        Term(columns=(state[keys + "f.num"],)),
        den,
        float(state[keys + "f.factor"]),
        str(state.get(keys + "f.unit") or "").strip(),
    )
    added = state.setdefault(keys + FORMULAS, [])
    added.append(spec.to_dict())
    state[keys + "pick"] = [*state.get(keys + "pick", []), proposed + len(added) - 1]


def _denominator_label(value: str, found: opendata.Inspection) -> str:
    if not value:
        return t("dati.ind.no_denominator")
    if value.startswith("col:"):
        header = value[4:]
        return t("dati.ind.column_option", n=found.column(header).number, name=header)
    return t("dati.ind.per_group", group=t(f"data.group.{value[4:]}"))


def values_preview(report: importers.Report) -> None:
    """Comuni by indicator, formatted as the Atlante shows them ("n.d." when missing)."""
    rows = report.rows
    if rows.empty or not report.definitions:
        return
    decimals = {d["name"]: d["decimals"] for d in report.definitions}
    units = {d["name"]: d["unit"] for d in report.definitions}
    na = t("atlante.not_available")

    def shown(r) -> str:
        if pd.isna(r.valore):
            return na
        return fmt.number(r.valore, int(decimals.get(r.indicatore, 2)), lang())

    table = rows.assign(testo=[shown(r) for r in rows.itertuples(index=False)])
    table["colonna"] = [f"{n} ({units[n]})" if units.get(n) else n for n in table["indicatore"]]
    pivot = table.pivot(index="comune", columns="colonna", values="testo")
    order = list(dict.fromkeys(table["colonna"]))
    pivot = pivot[order].reset_index().rename(columns={"comune": t("atlante.col.name")})
    pivot.columns.name = None
    st.caption(t("dati.ind.preview"))
    st.dataframe(pivot, hide_index=True, width="stretch", key="dati.ind.values")
    if rows["valore"].isna().any():
        st.caption(t("atlante.not_available_note"))


def definitions_table(report: importers.Report) -> None:
    """Name, unit, formula and how each indicator adds up, in a dataframe (never Markdown)."""
    if not report.definitions:
        return
    frame = pd.DataFrame(
        {
            t("dati.ind.col.name"): [d["name"] for d in report.definitions],
            t("dati.ind.col.unit"): [d["unit"] for d in report.definitions],
            t("dati.ind.col.formula"): [d["formula"] for d in report.definitions],
            t("dati.ind.col.levels"): [t(f"dati.ind.aggregation.{d['aggregation']}") for d in report.definitions],
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch", key="dati.ind.definitions")
