"""Services (the offer) and their coverage against demand.

A service type says which residents measure its demand, as an age range over
ISTAT population (``territory.population``). Coverage is places per 100
residents of that range; districts and the province sum places and residents
of their comuni (never average the comuni's ratios). The gap of a comune is
the places it would need to reach a reference coverage, minus the places it has.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from cantiere import territory
from cantiere.errors import UnknownNameError
from cantiere.text import fold

SAMPLE_FILE = Path(__file__).resolve().parent.parent / "data" / "servizi_esempio.csv"
MAX_AGE = 200  # "and over"
# One row per service; the store and the importers produce this shape.
SERVICE_COLUMNS = [
    "nome",
    "tipo",
    "codice",
    "comune",
    "distretto",
    "indirizzo",
    "lat",
    "lon",
    "posti",
    "gestore",
    "tipo_gestore",
    "esempio",
]


@dataclass(frozen=True)
class ServiceType:
    """A kind of service and the residents that measure its demand."""

    key: str
    label: str  # regional vocabulary, Italian; the UI shows t(f"svc.type.{key}")
    target: str  # target group key, shown as t(f"svc.target.{target}")
    age_low: int
    age_high: int = MAX_AGE
    # reference coverage (places per 100 of the target) for the gap; None: the
    # province's own coverage for this type
    reference: float | None = None
    aliases: tuple[str, ...] = ()


# Registry, in display order (regional vocabulary of Emilia-Romagna).
SERVICE_TYPES: dict[str, ServiceType] = {
    s.key: s
    for s in (
        # demand: children 0-2. Reference 45 per 100: EU target for 2030 on
        # children under 3 in early childhood education (Council Rec. 2022)
        ServiceType(
            "nido",
            "Nido d'infanzia",
            "prima_infanzia",
            0,
            2,
            45.0,
            ("nido", "asilo nido", "nido d infanzia", "nidi d infanzia", "servizio educativo 0 3"),
        ),
        # demand: residents 75+ (non self-sufficient elderly are mostly 75+)
        ServiceType(
            "cra",
            "Casa Residenza Anziani (CRA)",
            "anziani",
            75,
            MAX_AGE,
            None,
            ("cra", "casa residenza anziani", "casa residenza per anziani", "casa protetta", "casa di riposo", "rsa"),
        ),
        ServiceType(
            "centro_diurno_anziani",
            "Centro diurno anziani",
            "anziani",
            75,
            MAX_AGE,
            None,
            ("centro diurno", "centro diurno anziani", "centro diurno per anziani", "cd anziani"),
        ),
        # demand: residents 65+
        ServiceType(
            "assistenza_domiciliare",
            "Assistenza domiciliare",
            "anziani",
            65,
            MAX_AGE,
            None,
            ("assistenza domiciliare", "sad", "servizio assistenza domiciliare", "adi"),
        ),
        # demand: all residents (disability is spread over every age)
        ServiceType(
            "csr_residenziale",
            "Centro socio-riabilitativo residenziale per disabili",
            "disabili",
            0,
            MAX_AGE,
            None,
            ("csrr", "centro socio riabilitativo residenziale", "centro socio riabilitativo residenziale per disabili"),
        ),
        ServiceType(
            "csr_diurno",
            "Centro socio-riabilitativo diurno per disabili",
            "disabili",
            0,
            MAX_AGE,
            None,
            ("csrd", "centro socio riabilitativo diurno", "centro socio riabilitativo diurno per disabili"),
        ),
        # demand: minors 0-17
        ServiceType(
            "comunita_minori",
            "Comunità per minori",
            "minori",
            0,
            17,
            None,
            ("comunita per minori", "comunita minori", "comunita educativa", "comunita educativa per minori"),
        ),
        ServiceType(
            "centro_famiglie",
            "Centro per le famiglie",
            "famiglie",
            0,
            17,
            None,
            ("centro per le famiglie", "centro famiglie"),
        ),
        # demand: adults 18-64
        ServiceType(
            "accoglienza_adulti",
            "Accoglienza adulti in difficoltà",
            "adulti",
            18,
            64,
            None,
            ("accoglienza adulti", "accoglienza adulti in difficolta", "dormitorio", "prima accoglienza"),
        ),
        # demand: all residents
        ServiceType(
            "sportello_sociale", "Sportello sociale", "tutti", 0, MAX_AGE, None, ("sportello sociale", "sportello")
        ),
    )
}
TARGET_GROUPS = ("prima_infanzia", "anziani", "disabili", "minori", "famiglie", "adulti", "tutti")

# operator kind -> accepted spellings (normalised)
OPERATOR_KINDS: dict[str, tuple[str, ...]] = {
    "cooperativa": ("cooperativa", "cooperativa sociale", "coop", "coop sociale", "consorzio di cooperative"),
    "pubblico": ("pubblico", "ente pubblico", "comune", "unione dei comuni", "asp", "ausl", "azienda pubblica"),
    "altro": ("altro", "privato", "associazione", "fondazione", "ente religioso", "impresa"),
}
LEVELS = ("comune", "distretto", "provincia")


def service_type(key: str) -> ServiceType:
    """The service type registered as ``key``; UnknownNameError lists the keys."""
    try:
        return SERVICE_TYPES[key]
    except KeyError:
        raise UnknownNameError("tipo di servizio", key, list(SERVICE_TYPES)) from None


def match_type(text: str) -> str:
    """The key of the type written as ``text`` (key, label or a common variant,
    ignoring case, accents and punctuation). UnknownNameError lists the labels."""
    wanted = fold(text)
    for s in SERVICE_TYPES.values():
        if wanted in {fold(s.key), fold(s.label), *s.aliases}:
            return s.key
    raise UnknownNameError("tipo di servizio", text, [s.label for s in SERVICE_TYPES.values()])


def match_operator_kind(text: str) -> str:
    """``cooperativa``, ``pubblico`` or ``altro`` from a common spelling."""
    wanted = fold(text)
    for key, spellings in OPERATOR_KINDS.items():
        if wanted in spellings:
            return key
    raise UnknownNameError("tipo di gestore", text, list(OPERATOR_KINDS))


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise UnknownNameError("livello", level, LEVELS)
    return level


@lru_cache(maxsize=1)
def _sample() -> pd.DataFrame:
    from cantiere import importers

    report = importers.validate("services", SAMPLE_FILE.name, SAMPLE_FILE.read_bytes(), max_bytes=2**24)
    if not report.ok:  # the shipped file is checked by a test; never show half of it
        from cantiere.errors import DataMissingError

        raise DataMissingError(what=f"{SAMPLE_FILE.name}: {report.errors[0].text()}", fix="git checkout data/")
    return report.rows


def sample_services() -> pd.DataFrame:
    """The shipped sample services ("dati di esempio"), every row flagged ``esempio``."""
    return _sample().copy()


def current_services(store) -> tuple[pd.DataFrame, bool]:
    """The services to show and whether they are the sample.

    Imported services replace the sample entirely: once a coordinator loads a
    services file, the sample is no longer shown.
    """
    from cantiere.store import datasets

    imported = datasets.services(store)
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
