"""What the Atlante shows for one choice of indicator, level and year.

Pure: returns the ranking table, the map classes and the GeoJSON; the page
only renders them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cantiere import derived, fmt, indicators, maps, territory
from cantiere.classes import Classes, classify
from cantiere.errors import UnknownNameError
from cantiere.i18n import translate

MAP_LEVELS = ("comune", "distretto")
PERCENT_UNITS = ("unit.pct_residenti", "unit.pct_80")


IMPORTED_PREFIX = "importato:"


@dataclass(frozen=True)
class AtlasView:
    indicator: indicators.Indicator | None  # None for an imported indicator
    level: str
    year: int
    table: pd.DataFrame  # rank, code, name, district, value, label — best (highest) first
    province_value: float | None  # None when it cannot be computed (imported ratios)
    province_label: str
    classes: Classes
    geojson: dict
    kind: str = "number"  # count | percent | number
    decimals: int = 1

    def format(self, value: float | None, lang: str = "it") -> str:
        return _format(self.kind, self.decimals, value, lang)


def _format(kind: str, decimals: int, value: float | None, lang: str) -> str:
    if kind == "count":
        return fmt.number(value, 0, lang)
    if kind == "percent":
        return fmt.percent(value, decimals, lang)
    return fmt.number(value, decimals, lang)


def _kind(indicator: indicators.Indicator) -> str:
    if indicator.is_count:
        return "count"
    return "percent" if indicator.unit in PERCENT_UNITS else "number"


def format_value(indicator: indicators.Indicator, value: float | None, lang: str = "it") -> str:
    """The value as users read it: "155.751" for counts, "25,5%" for shares, "230,4" per 100."""
    return _format(_kind(indicator), indicator.decimals, value, lang)


def check_map_level(level: str) -> str:
    if level not in MAP_LEVELS:
        raise UnknownNameError("thing.level", level, MAP_LEVELS)
    return level


def build(
    indicator_key: str,
    level: str = "comune",
    year: int = territory.DEFAULT_YEAR,
    scheme: str = "quantili",
    k: int = 5,
    lang: str = "it",
) -> AtlasView:
    """Compute the view; UnknownNameError for an unknown indicator, level, year or scheme."""
    indicator = indicators.indicator(indicator_key)
    level = check_map_level(level)
    year = territory.check_year(year)
    values = indicators.compute(level, year)
    province = float(indicators.compute("provincia", year)[indicator.key].iloc[0])
    return _view(
        indicator,
        level,
        year,
        values["codice"],
        values["nome"],
        values["distretto"],
        values[indicator.key],
        province,
        _kind(indicator),
        indicator.decimals,
        scheme,
        k,
        lang,
    )


def _view(
    indicator, level, year, codes, names, districts, values, province, kind, decimals, scheme, k, lang, missing=None
) -> AtlasView:
    table = pd.DataFrame(
        {
            "code": list(codes),
            "name": list(names),
            "district": list(districts),
            "value": pd.Series(list(values), dtype=float),
        }
    )
    table = table.sort_values(["value", "name"], ascending=[False, True], na_position="last")
    table.insert(0, "rank", table["value"].rank(method="min", ascending=False).astype("Int64"))
    table["label"] = [_format(kind, decimals, v, lang) for v in table["value"]]
    if missing:  # published as "not available", or a zero denominator: not a blank
        na = translate("atlante.not_available", lang)
        table.loc[table["code"].isin(list(missing)), "label"] = na
    table = table.reset_index(drop=True)
    classes = classify(table["value"].tolist(), scheme, k)
    units = [maps.Unit(r.code, r.name, r.value, r.label) for r in table.itertuples()]
    if level == "comune":
        shapes, key = territory.boundaries(year), "code"
    else:
        shapes, key = territory.district_boundaries(year), "district"
    geojson = maps.choropleth_geojson(shapes, key, units, classes)
    province_label = _format(kind, decimals, province, lang) if province is not None else "–"
    return AtlasView(indicator, level, year, table, province, province_label, classes, geojson, kind, decimals)


def imported_names(frame: pd.DataFrame) -> list[str]:
    """Option keys of the imported indicators, in import order: ``importato:<name>@<year>``
    (``importato:<name>`` when the file gave no year)."""
    pairs = dict.fromkeys(zip(frame["nome indicatore"], frame["anno"]))
    return [option_key(name, year) for name, year in pairs]


def option_key(name: str, year) -> str:
    if year is None or pd.isna(year):
        return IMPORTED_PREFIX + name
    return f"{IMPORTED_PREFIX}{name}@{int(year)}"


def parse_option(option: str) -> tuple[str, int | None]:
    """(name, year) of an imported option key."""
    body = option.removeprefix(IMPORTED_PREFIX)
    name, at, year = body.rpartition("@")
    if at and year.isdigit():
        return name, int(year)
    return body, None


def _rows_of(option: str, frame: pd.DataFrame) -> pd.DataFrame:
    name, year = parse_option(option)
    rows = frame[frame["nome indicatore"] == name]
    rows = rows[rows["anno"].isna()] if year is None else rows[rows["anno"] == year]
    if rows.empty:
        raise UnknownNameError("thing.indicator", option, imported_names(frame))
    return rows


def definition(option: str, definitions: pd.DataFrame | None) -> dict | None:
    """The stored definition of an imported indicator (formula, unit, licence…), or None
    for data imported before definitions were kept."""
    if definitions is None or definitions.empty:
        return None
    name, year = parse_option(option)
    rows = definitions[definitions["nome"] == name]
    rows = rows[rows["anno"].isna()] if year is None else rows[rows["anno"] == year]
    return rows.iloc[-1].to_dict() if not rows.empty else None


def imported_levels(option: str, definitions: pd.DataFrame | None) -> tuple[str, ...]:
    """Levels an imported indicator can be shown at: districts only when its
    figures add up (a sum, or a ratio with numerator and denominator kept)."""
    found = definition(option, definitions)
    if found is None or found["aggregazione"] == "none":
        return ("comune",)
    return MAP_LEVELS


def imported_figures(option: str, frame: pd.DataFrame, definitions: pd.DataFrame | None = None) -> dict:
    """Per comune code: (value, numerator, denominator, why missing); plus the
    district and province values where the figure adds up. Pure."""
    rows = _rows_of(option, frame)
    found = definition(option, definitions)
    aggregation = found["aggregazione"] if found else "none"
    scale = float((found["spec"] or {}).get("scale", 1.0)) if found else 1.0
    by_code = {
        r.codice: (
            None if pd.isna(r.valore) else float(r.valore),
            None if pd.isna(r.numeratore) else float(r.numeratore),
            None if pd.isna(r.denominatore) else float(r.denominatore),
            r.mancante if isinstance(r.mancante, str) else None,
        )
        for r in rows.itertuples(index=False)
    }
    comuni = territory.comuni(territory.DEFAULT_YEAR)

    def group_value(codes) -> float | None:
        if any(c not in by_code for c in codes):
            return None
        return derived.aggregate(aggregation, scale, [by_code[c][:3] for c in codes])

    districts = {d.key: group_value(d.comuni) for d in territory.districts()}
    return {
        "comuni": by_code,
        "districts": districts,
        "province": group_value([c.code for c in comuni]),
        "aggregation": aggregation,
    }


def build_imported(
    option: str,
    frame: pd.DataFrame,
    scheme: str = "quantili",
    k: int = 5,
    lang: str = "it",
    definitions: pd.DataFrame | None = None,
    level: str = "comune",
) -> AtlasView:
    """The view of an imported indicator (``datasets.imported_indicators`` rows,
    ``datasets.indicator_definitions`` for formula and unit).

    By district only when the figure adds up (``imported_levels``): a ratio
    sums numerators and denominators, never averages the comuni's ratios.
    A value the file does not publish, or with a zero denominator, reads "n.d.";
    a comune missing from the file reads "–".
    """
    figures = imported_figures(option, frame, definitions)
    found = definition(option, definitions)
    if level not in imported_levels(option, definitions):
        level = "comune"
    decimals = int(found["decimali"]) if found else None
    kind = "percent" if found and found["unita"] == "%" else "number"
    missing: dict[str, str] = {}
    if level == "comune":
        comuni = territory.comuni(territory.DEFAULT_YEAR)
        codes, names, districts = [c.code for c in comuni], [c.name for c in comuni], [c.district for c in comuni]
        values = []
        for code in codes:
            value, _, _, why = figures["comuni"].get(code, (None, None, None, None))
            values.append(float("nan") if value is None else value)
            if value is None and why:
                missing[code] = why
    else:
        units = territory.districts()
        codes, names, districts = [d.key for d in units], [d.name for d in units], [d.key for d in units]
        values = [float("nan") if figures["districts"][d.key] is None else figures["districts"][d.key] for d in units]
    if decimals is None:
        decimals = derived.auto_decimals(values)
    view = _view(
        None,
        level,
        territory.DEFAULT_YEAR,
        codes,
        names,
        districts,
        values,
        figures["province"],
        kind,
        decimals,
        scheme,
        k,
        lang,
        missing,
    )
    return view


def imported_compare(
    option: str, frame: pd.DataFrame, definitions: pd.DataFrame | None, code: str
) -> list[float] | None:
    """[comune, its district, province] for an imported figure that adds up; None otherwise."""
    figures = imported_figures(option, frame, definitions)
    if figures["aggregation"] == "none":
        return None
    district = territory.comune(code).district
    value = figures["comuni"].get(code, (None,))[0]
    found = [value, figures["districts"].get(district), figures["province"]]
    return [float("nan") if v is None else float(v) for v in found]


def imported_about(option: str, frame: pd.DataFrame, definitions: pd.DataFrame | None = None) -> dict[str, str]:
    """Name, unit, formula, source, licence, attribution, year and file of an
    imported indicator, as imported (plain text: never Markdown)."""
    rows = _rows_of(option, frame)
    name, _ = parse_option(option)
    years = sorted({str(y) for y in rows["anno"].dropna()})
    found = definition(option, definitions) or {}
    return {
        "label": name,
        "unit": str(found.get("unita") or (rows["unita"].iloc[0] if "unita" in rows else "") or ""),
        "formula": str(found.get("formula") or ""),
        "source": str(found.get("fonte") or "; ".join(dict.fromkeys(rows["fonte"]))),
        "licence": str(found.get("licenza") or ""),
        "attribution": str(found.get("attribuzione") or ""),
        "year": ", ".join(years) or "–",
        "file": str(found.get("file") or ""),
    }


def imported_label(option: str) -> str:
    """The option as the selectbox shows it: "Reddito complessivo medio per contribuente · 2024"."""
    name, year = parse_option(option)
    return name if year is None else f"{name} · {year}"


def source_line(about: dict[str, str], lang: str = "it") -> str:
    """One line under the map: source, year, licence, attribution (plain text)."""
    parts = [translate("atlante.source_line.source", lang, source=about["source"], year=about["year"])]
    if about.get("licence"):
        parts.append(translate("atlante.source_line.licence", lang, licence=about["licence"]))
    if about.get("attribution") and about["attribution"] not in about["source"]:
        parts.append(about["attribution"])
    if about.get("file"):
        parts.append(translate("atlante.source_line.file", lang, file=about["file"]))
    return " · ".join(parts)


def legend(view: AtlasView, lang: str = "it") -> list[tuple[str, str]]:
    """(colour, range text) per class, lowest first, values formatted like the table."""
    bounds = view.classes.bounds
    rows = []
    for i, color in enumerate(view.classes.colors):
        low, high = bounds[i], bounds[i + 1]
        low_text = view.format(low, lang)
        high_text = view.format(high, lang)
        rows.append((color, low_text if low_text == high_text else f"{low_text} – {high_text}"))
    return rows


def indicator_about(indicator: indicators.Indicator, year: int, lang: str = "it") -> dict[str, str]:
    """Label, unit, formula, source and year of an indicator, translated."""
    return {
        "label": translate(indicator.label, lang),
        "unit": translate(indicator.unit, lang),
        "formula": translate(indicator.formula, lang),
        "source": indicator.source,
        "year": str(year),
    }
