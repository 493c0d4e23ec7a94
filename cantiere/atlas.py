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


@dataclass(frozen=True)
class AtlasView:
    indicator: indicators.Indicator
    level: str
    year: int
    table: pd.DataFrame  # rank, code, name, district, value, label — best (highest) first
    province_value: float
    province_label: str
    classes: Classes
    geojson: dict


def format_value(indicator: indicators.Indicator, value: float | None, lang: str = "it") -> str:
    """The value as users read it: "155.751" for counts, "25,5%" for shares, "230,4" per 100."""
    if indicator.is_count:
        return fmt.number(value, 0, lang)
    if indicator.unit in PERCENT_UNITS:
        return fmt.percent(value, indicator.decimals, lang)
    return fmt.number(value, indicator.decimals, lang)


def check_map_level(level: str) -> str:
    if level not in MAP_LEVELS:
        raise UnknownNameError("livello", level, MAP_LEVELS)
    return level


def build(indicator_key: str, level: str = "comune", year: int = territory.DEFAULT_YEAR,
          scheme: str = "quantili", k: int = 5, lang: str = "it") -> AtlasView:
    """Compute the view; UnknownNameError for an unknown indicator, level, year or scheme."""
    indicator = indicators.indicator(indicator_key)
    level = check_map_level(level)
    year = territory.check_year(year)
    values = indicators.compute(level, year)
    table = pd.DataFrame(
        {
            "code": values["codice"],
            "name": values["nome"],
            "district": values["distretto"],
            "value": values[indicator.key].astype(float),
        }
    )
    table = table.sort_values(["value", "name"], ascending=[False, True], na_position="last")
    table.insert(0, "rank", table["value"].rank(method="min", ascending=False).astype("Int64"))
    table["label"] = [format_value(indicator, v, lang) for v in table["value"]]
    table = table.reset_index(drop=True)

    province = indicators.compute("provincia", year)[indicator.key].iloc[0]
    classes = classify(table["value"].tolist(), scheme, k)
    units = [maps.Unit(r.code, r.name, r.value, r.label) for r in table.itertuples()]
    if level == "comune":
        shapes, key = territory.boundaries(year), "code"
    else:
        shapes, key = territory.district_boundaries(year), "district"
    geojson = maps.choropleth_geojson(shapes, key, units, classes)
    return AtlasView(indicator, level, year, table, float(province), format_value(indicator, province, lang), classes, geojson)


def legend(view: AtlasView, lang: str = "it") -> list[tuple[str, str]]:
    """(colour, range text) per class, lowest first, values formatted like the table."""
    bounds = view.classes.bounds
    rows = []
    for i, color in enumerate(view.classes.colors):
        low, high = bounds[i], bounds[i + 1]
        low_text = format_value(view.indicator, low, lang)
        high_text = format_value(view.indicator, high, lang)
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
