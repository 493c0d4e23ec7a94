"""The vocabulary of services: the columns of a services table, the service
types (regional vocabulary of Emilia-Romagna) with the residents that measure
their demand, the target groups and the kinds of operator, and the matching of
the spellings that files use.

Kept apart from ``cantiere.services`` (coverage and gap) so that the importers
can read files in these words while ``services`` reads its sample file through
the importers: no import loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from cantiere.errors import UnknownNameError
from cantiere.text import fold

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


def service_type(key: str) -> ServiceType:
    """The service type registered as ``key``; UnknownNameError lists the keys."""
    try:
        return SERVICE_TYPES[key]
    except KeyError:
        raise UnknownNameError("thing.service_type", key, list(SERVICE_TYPES)) from None


def match_type(text: str) -> str:
    """The key of the type written as ``text`` (key, label or a common variant,
    ignoring case, accents and punctuation). UnknownNameError lists the labels."""
    wanted = fold(text)
    for s in SERVICE_TYPES.values():
        if wanted in {fold(s.key), fold(s.label), *s.aliases}:
            return s.key
    raise UnknownNameError("thing.service_type", text, [s.label for s in SERVICE_TYPES.values()])


def match_operator_kind(text: str) -> str:
    """``cooperativa``, ``pubblico`` or ``altro`` from a common spelling."""
    wanted = fold(text)
    for key, spellings in OPERATOR_KINDS.items():
        if wanted in spellings:
            return key
    raise UnknownNameError("thing.operator_kind", text, list(OPERATOR_KINDS))
