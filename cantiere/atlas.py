"""What the Atlante shows for one choice of indicator, level and year.

Pure: returns the ranking table, the map classes and the GeoJSON; the page
only renders them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cantiere import fmt, indicators, maps, territory
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
    indicator, level, year, codes, names, districts, values, province, kind, decimals, scheme, k, lang
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
    """Option keys of the imported indicators (``importato:<name>``), in import order."""
    return [IMPORTED_PREFIX + name for name in dict.fromkeys(frame["nome indicatore"])]


def build_imported(
    option: str, frame: pd.DataFrame, scheme: str = "quantili", k: int = 5, lang: str = "it"
) -> AtlasView:
    """The view of an imported indicator (``datasets.imported_indicators`` rows).

    Only by comune: without numerators and denominators a district value
    would be an average of ratios, which this atlas never shows.
    """
    name = option.removeprefix(IMPORTED_PREFIX)
    rows = frame[frame["nome indicatore"] == name]
    if rows.empty:
        raise UnknownNameError("thing.indicator", option, imported_names(frame))
    by_code = dict(zip(rows["codice"], rows["valore"]))
    comuni = territory.comuni(territory.DEFAULT_YEAR)
    values = [by_code.get(c.code) for c in comuni]
    present = [v for v in values if v is not None]
    decimals = 0 if present and all(float(v).is_integer() for v in present) else 2
    return _view(
        None,
        "comune",
        territory.DEFAULT_YEAR,
        [c.code for c in comuni],
        [c.name for c in comuni],
        [c.district for c in comuni],
        [float("nan") if v is None else v for v in values],
        None,
        "number",
        decimals,
        scheme,
        k,
        lang,
    )


def imported_about(option: str, frame: pd.DataFrame) -> dict[str, str]:
    """Name, declared source(s) and year(s) of an imported indicator, as imported (plain text)."""
    name = option.removeprefix(IMPORTED_PREFIX)
    rows = frame[frame["nome indicatore"] == name]
    years = sorted({str(y) for y in rows["anno"].dropna()})
    return {"label": name, "source": "; ".join(dict.fromkeys(rows["fonte"])), "year": ", ".join(years) or "–"}


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
