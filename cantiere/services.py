"""Services (the offer) and their coverage against demand.

A service type says which residents measure its demand, as an age range over
ISTAT population (``territory.population``). Coverage is places per 100
residents of that range; districts and the province sum places and residents
of their comuni (never average the comuni's ratios). The gap of a comune is
the places it would need to reach a reference coverage, minus the places it has.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from cantiere import importers, territory
from cantiere.errors import DataMissingError, UnknownNameError

# the vocabulary lives in service_types (importers read files with it); services.SERVICE_TYPES etc. stay
from cantiere.service_types import MAX_AGE as MAX_AGE
from cantiere.service_types import OPERATOR_KINDS as OPERATOR_KINDS
from cantiere.service_types import SERVICE_COLUMNS as SERVICE_COLUMNS
from cantiere.service_types import SERVICE_TYPES as SERVICE_TYPES
from cantiere.service_types import TARGET_GROUPS as TARGET_GROUPS
from cantiere.service_types import ServiceType as ServiceType
from cantiere.service_types import match_operator_kind as match_operator_kind
from cantiere.service_types import match_type as match_type
from cantiere.service_types import service_type as service_type
from cantiere.store import datasets

SAMPLE_FILE = Path(__file__).resolve().parent.parent / "data" / "servizi_esempio.csv"
LEVELS = ("comune", "distretto", "provincia")


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise UnknownNameError("thing.level", level, LEVELS)
    return level


@lru_cache(maxsize=1)
def _sample() -> pd.DataFrame:
    report = importers.validate("services", SAMPLE_FILE.name, SAMPLE_FILE.read_bytes(), max_bytes=2**24)
    if not report.ok:  # the shipped file is checked by a test; never show half of it
        raise DataMissingError(what=f"{SAMPLE_FILE.name}: {report.errors[0].text()}", fix="git checkout data/")
    return report.rows


def sample_services() -> pd.DataFrame:
    """The shipped sample services ("dati di esempio"), every row flagged ``esempio``."""
    return _sample().copy()


def imported_services(store) -> pd.DataFrame:
    """The services coordinators imported, shaped like ``SERVICE_COLUMNS``: the
    stored rows with the name and district of their comune."""
    stored = datasets.services(store)
    comuni = {c.code: c for c in territory.comuni()}
    stored["comune"] = [comuni[code].name if code in comuni else code for code in stored["codice"]]
    stored["distretto"] = [comuni[code].district if code in comuni else "" for code in stored["codice"]]
    return stored[SERVICE_COLUMNS]


def current_services(store) -> tuple[pd.DataFrame, bool]:
    """The services to show and whether they are the sample.

    Imported services replace the sample entirely: once a coordinator loads a
    services file, the sample is no longer shown.
    """
    imported = imported_services(store)
    if not imported.empty:
        return imported, bool(imported["esempio"].any())
    return sample_services(), True


def filter_services(frame: pd.DataFrame, types=(), targets=(), operator_kinds=()) -> pd.DataFrame:
    """Rows whose type, target group and operator kind are among the chosen ones
    (an empty choice keeps everything)."""
    mask = pd.Series(True, index=frame.index)
    if types:
        mask &= frame["tipo"].isin(list(types))
    if targets:
        target_of = {k: s.target for k, s in SERVICE_TYPES.items()}
        mask &= frame["tipo"].map(target_of).isin(list(targets))
    if operator_kinds:
        mask &= frame["tipo_gestore"].isin(list(operator_kinds))
    return frame[mask].reset_index(drop=True)


def target_population(type_key: str, year: int = territory.DEFAULT_YEAR) -> pd.Series:
    """Residents of the type's age range per comune (index: ISTAT code). ISTAT, 1 January."""
    kind = service_type(type_key)
    rows = territory.population(year)
    inside = rows[(rows["age"] >= kind.age_low) & (rows["age"] <= kind.age_high)]
    counts = inside.groupby("code")["tot"].sum()
    return counts.reindex([c.code for c in territory.comuni(year)], fill_value=0)


def coverage(
    frame: pd.DataFrame,
    type_key: str,
    level: str = "comune",
    year: int = territory.DEFAULT_YEAR,
    population: pd.Series | None = None,
) -> pd.DataFrame:
    """Places per 100 residents of the target group, for services of ``type_key``.

    Columns: codice, nome, servizi (count), posti, popolazione (target
    residents), copertura (places per 100; NaN when nobody is in the target).
    ``population`` (per comune code) replaces ISTAT's, for tests and what-ifs.
    """
    service_type(type_key)
    check_level(level)
    demand = target_population(type_key, year) if population is None else population.astype(float)
    chosen = frame[frame["tipo"] == type_key]
    places = chosen.groupby("codice")["posti"].sum().astype(float)
    count = chosen.groupby("codice").size()
    parts = pd.DataFrame({"popolazione": demand})
    parts["posti"] = places.reindex(parts.index, fill_value=0.0).fillna(0.0)
    parts["servizi"] = count.reindex(parts.index, fill_value=0)
    if level == "comune":
        names = {c.code: c.name for c in territory.comuni(year)}
        grouped = parts
        labels = [names.get(code, code) for code in grouped.index]
    elif level == "distretto":
        district_of = {c.code: c.district for c in territory.comuni(year)}
        order = [d.key for d in territory.districts()]
        grouped = parts.groupby(parts.index.map(district_of)).sum().reindex(order, fill_value=0)
        names = {d.key: d.name for d in territory.districts()}
        labels = [names[k] for k in grouped.index]
    else:
        grouped = parts.sum().to_frame().T
        grouped.index = [f"{territory.PROVINCE_CODE:03d}"]
        labels = ["Provincia di Ravenna"]
    out = pd.DataFrame(
        {
            "codice": list(grouped.index),
            "nome": labels,
            "servizi": grouped["servizi"].astype(int).to_numpy(),
            "posti": grouped["posti"].astype(int).to_numpy(),
            "popolazione": grouped["popolazione"].astype(int).to_numpy(),
        }
    )
    den = out["popolazione"].astype(float)
    out["copertura"] = (100.0 * out["posti"] / den).where(den > 0)
    return out


def reference_coverage(
    frame: pd.DataFrame, type_key: str, year: int = territory.DEFAULT_YEAR, population: pd.Series | None = None
) -> float:
    """The coverage a comune is measured against: the type's target (e.g. 45
    nursery places per 100 children) or else the province's coverage."""
    kind = service_type(type_key)
    if kind.reference is not None:
        return kind.reference
    value = coverage(frame, type_key, "provincia", year, population)["copertura"].iloc[0]
    return 0.0 if pd.isna(value) else float(value)


def gap(
    frame: pd.DataFrame, type_key: str, year: int = territory.DEFAULT_YEAR, population: pd.Series | None = None
) -> pd.DataFrame:
    """Per comune: coverage columns plus ``riferimento`` (places per 100),
    ``posti_attesi`` (reference × target / 100), ``divario`` (expected − actual;
    positive means places missing) and ``rapporto`` (coverage / reference)."""
    table = coverage(frame, type_key, "comune", year, population)
    reference = reference_coverage(frame, type_key, year, population)
    table["riferimento"] = reference
    table["posti_attesi"] = reference * table["popolazione"] / 100.0
    table["divario"] = table["posti_attesi"] - table["posti"]
    table["rapporto"] = (table["copertura"] / reference) if reference > 0 else float("nan")
    return table


# Gap classes for the map: ratio of coverage to reference, upper bounds
GAP_CLASSES = (
    ("nessuno", None),  # no service of this type in the comune
    ("critico", 0.5),
    ("basso", 0.8),
    ("vicino", 1.0),
    ("adeguato", float("inf")),
)


def gap_class(places: float, ratio: float) -> str:
    """The gap class of a comune from its places and coverage/reference ratio."""
    if not places:
        return "nessuno"
    if pd.isna(ratio):
        return "adeguato"
    for name, upper in GAP_CLASSES[1:]:
        if ratio < upper:
            return name
    return "adeguato"
