"""Need indicators computed from ISTAT population by age and sex.

Each indicator is a ratio ``scale × numerator / denominator`` (or a plain count
when it has no denominator). Districts and the province sum numerators and
denominators of their comuni, never average the comuni's ratios.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from cantiere import territory
from cantiere.errors import UnknownNameError

LEVELS = ("comune", "distretto", "provincia")

Selector = Callable[[pd.DataFrame], pd.Series]  # population rows -> people counted per row


def _ages(low: int, high: int = 200, sex: str = "tot") -> Selector:
    return lambda rows: rows[sex].where((rows["age"] >= low) & (rows["age"] <= high), 0)


@dataclass(frozen=True)
class Indicator:
    """A need indicator: ``scale × Σ numerator / Σ denominator`` over a unit's residents."""

    key: str
    label: str  # i18n key
    unit: str  # i18n key
    formula: str  # i18n key
    numerator: Selector
    denominator: Selector | None = None
    scale: float = 100.0
    decimals: int = 1
    source: str = territory.SOURCE_POPULATION

    @property
    def is_count(self) -> bool:
        return self.denominator is None


# Registry, in display order. Unit, formula, source and year sit beside each
# entry (the year is the population year the user picks: 2023 or 2022).
INDICATORS: dict[str, Indicator] = {
    i.key: i
    for i in (
        # residents, all ages; unit: people
        Indicator("residenti", "ind.residenti", "unit.persone", "formula.residenti", _ages(0), None, 1, 0),
        # share aged 65+; unit: % of residents
        Indicator("quota_65", "ind.quota_65", "unit.pct_residenti", "formula.quota_65", _ages(65), _ages(0)),
        # share aged 75+; unit: % of residents
        Indicator("quota_75", "ind.quota_75", "unit.pct_residenti", "formula.quota_75", _ages(75), _ages(0)),
        # share aged 80+; unit: % of residents
        Indicator("quota_80", "ind.quota_80", "unit.pct_residenti", "formula.quota_80", _ages(80), _ages(0)),
        # old-age index: 65+ per 100 aged 0-14; unit: ratio × 100
        Indicator(
            "indice_vecchiaia",
            "ind.indice_vecchiaia",
            "unit.per_100",
            "formula.indice_vecchiaia",
            _ages(65),
            _ages(0, 14),
        ),
        # (structural) dependency ratio: (0-14 + 65+) per 100 aged 15-64
        Indicator(
            "indice_dipendenza",
            "ind.indice_dipendenza",
            "unit.per_100",
            "formula.indice_dipendenza",
            lambda r: _ages(0, 14)(r) + _ages(65)(r),
            _ages(15, 64),
        ),
        # children 0-2: nursery (nido) demand; unit: people
        Indicator("bambini_0_2", "ind.bambini_0_2", "unit.persone", "formula.bambini_0_2", _ages(0, 2), None, 1, 0),
        # children 3-5: pre-school (scuola dell'infanzia) demand; unit: people
        Indicator("bambini_3_5", "ind.bambini_3_5", "unit.persone", "formula.bambini_3_5", _ages(3, 5), None, 1, 0),
        # minors 0-17; unit: people
        Indicator("minori", "ind.minori", "unit.persone", "formula.minori", _ages(0, 17), None, 1, 0),
        # female share of the 80+; unit: % of residents aged 80+
        Indicator(
            "quota_donne_80",
            "ind.quota_donne_80",
            "unit.pct_80",
            "formula.quota_donne_80",
            _ages(80, sex="F"),
            _ages(80),
        ),
    )
}


# Target groups an imported figure can be divided by ("per 1.000 residenti con
# 65 anni e più"): key -> (first age, last age), ISTAT residents on 1 January.
POPULATION_GROUPS: dict[str, tuple[int, int]] = {
    "residenti": (0, 200),
    "bambini_0_2": (0, 2),
    "bambini_3_5": (3, 5),
    "minori": (0, 17),
    "eta_15_64": (15, 64),
    "eta_18_64": (18, 64),
    "anziani_65": (65, 200),
    "anziani_75": (75, 200),
    "anziani_80": (80, 200),
}


def check_group(key: str) -> str:
    """``key`` if it is a population group, else UnknownNameError listing them."""
    if key not in POPULATION_GROUPS:
        raise UnknownNameError("thing.population_group", key, list(POPULATION_GROUPS))
    return key


def population_year(year: int | None) -> int:
    """The ISTAT population year to divide a figure of ``year`` by: the same
    year when available, else the nearest one (2023 for later years)."""
    if year is None:
        return territory.DEFAULT_YEAR
    return min(territory.YEARS, key=lambda y: (abs(y - year), -y))


def group_counts(group: str, year: int = territory.DEFAULT_YEAR) -> dict[str, int]:
    """Residents of a population group per comune (ISTAT code -> people), ISTAT ``year``."""
    low, high = POPULATION_GROUPS[check_group(group)]
    rows = territory.population(territory.check_year(year))
    counted = _ages(low, high)(rows)
    return {code: int(n) for code, n in counted.groupby(rows["code"]).sum().items()}


def indicator(key: str) -> Indicator:
    """The indicator registered as ``key``; UnknownNameError lists the valid keys."""
    try:
        return INDICATORS[key]
    except KeyError:
        raise UnknownNameError("thing.indicator", key, list(INDICATORS)) from None


def check_level(level: str) -> str:
    """``level`` if valid, else UnknownNameError listing the levels."""
    if level not in LEVELS:
        raise UnknownNameError("thing.level", level, LEVELS)
    return level


def _components(year: int) -> pd.DataFrame:
    """Numerator and denominator of every indicator, per comune (index: ISTAT code)."""
    rows = territory.population(year)
    columns = {}
    for key, ind in INDICATORS.items():
        columns[f"{key}__num"] = ind.numerator(rows)
        if ind.denominator is not None:
            columns[f"{key}__den"] = ind.denominator(rows)
    parts = pd.DataFrame(columns)
    parts["code"] = rows["code"]
    return parts.groupby("code").sum()


def _ratios(parts: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=parts.index)
    for key, ind in INDICATORS.items():
        num = parts[f"{key}__num"].astype(float)
        if ind.is_count:
            out[key] = num
        else:
            den = parts[f"{key}__den"].astype(float)
            out[key] = (ind.scale * num / den).where(den > 0)
    return out


def compute(level: str = "comune", year: int = territory.DEFAULT_YEAR) -> pd.DataFrame:
    """Every indicator for every unit of ``level``.

    Columns: ``codice`` (ISTAT code, district key or "039"), ``nome``,
    ``distretto`` and one column per indicator key, in registry order.
    """
    check_level(level)
    year = territory.check_year(year)
    parts = _components(year)
    if level == "comune":
        values = _ratios(parts)
        names = {c.code: c for c in territory.comuni(year)}
        values.insert(0, "distretto", [names[c].district for c in values.index])
        values.insert(0, "nome", [names[c].name for c in values.index])
        values.insert(0, "codice", values.index)
        return values.sort_values("nome").reset_index(drop=True)
    if level == "distretto":
        district_of = {c.code: c.district for c in territory.comuni(year)}
        grouped = parts.groupby(parts.index.map(district_of)).sum()
        order = [d.key for d in territory.districts()]
        values = _ratios(grouped.loc[order])
        names = {d.key: d.name for d in territory.districts()}
        values.insert(0, "distretto", values.index)
        values.insert(0, "nome", [names[k] for k in values.index])
        values.insert(0, "codice", values.index)
        return values.reset_index(drop=True)
    total = parts.sum().to_frame().T
    total.index = [f"{territory.PROVINCE_CODE:03d}"]
    values = _ratios(total)
    values.insert(0, "distretto", "")
    values.insert(0, "nome", "Provincia di Ravenna")
    values.insert(0, "codice", values.index)
    return values.reset_index(drop=True)


def age_pyramid(code: str, year: int = territory.DEFAULT_YEAR, band: int = 5) -> pd.DataFrame:
    """Residents of a comune by age band and sex. Columns: band (e.g. "0-4",
    "100+"), lower (first age), F, M. ISTAT, residents on 1 January."""
    code = territory.comune(code, year).code
    rows = territory.population(year)
    rows = rows[rows["code"] == code]
    lower = (rows["age"] // band * band).clip(upper=100)
    table = rows.groupby(lower)[["F", "M"]].sum().reset_index(names="lower")
    table["band"] = [f"{a}+" if a >= 100 else f"{a}-{a + band - 1}" for a in table["lower"]]
    return table[["band", "lower", "F", "M"]]
