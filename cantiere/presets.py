"""Files of the publishers people use, recognised from their header.

A preset is a small data description, no code: which columns identify the
comune and the year, which columns are descriptions to leave out, the
publisher's source, licence and attribution, and the indicators worth taking
(columns or formulas, ``cantiere.derived``). ``detect(headers, hint)`` finds
the preset of a file; ``get(key)`` looks one up by name. The network register
(issue 20) reuses the 5×1000 preset (``get("cinque_per_mille")``) for the
source, licence and attribution of the organisations it imports.

Columns are named by their folded header (``cantiere.text.fold``, spaces as
``_``); ``"a|b"`` accepts either spelling, the first one present wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cantiere.derived import Spec, Term
from cantiere.errors import UnknownNameError
from cantiere.text import fold


@dataclass(frozen=True)
class Variant:
    """A flavour of a preset told apart by words of the file name or title
    (OpenCivitas publishes one file per function with the same header)."""

    words: tuple[str, ...]  # folded words; any of them in the file name or title
    suffix: str  # added to every indicator name: "Sociale e asili nido"
    detail: str  # added to the source: the dataset's own name
    specs: tuple[Spec, ...] | None = None  # replace the preset's indicators


@dataclass(frozen=True)
class Preset:
    key: str
    label: str  # i18n key
    kind: str  # "indicators", or "organisations" (a list: several rows per comune)
    signature: tuple[str, ...]  # folded headers that must all be present ("a|b": either)
    source: str
    licence: str
    attribution: str
    url: str
    code_column: str | None = None
    name_column: str | None = None
    year_column: str | None = None
    row_filter: tuple[str, tuple[str, ...]] | None = None  # keep rows whose column folds to one of these
    specs: tuple[Spec, ...] = ()  # the indicators proposed, in order
    ignore: tuple[str, ...] = ()  # columns that describe or identify, never indicators
    variants: tuple[Variant, ...] = ()
    note: str = ""  # i18n key of a caveat shown with the figures
    short: str = ""  # the source in a few words, for the evidence line: «MEF 2024»

    @property
    def grouped(self) -> bool:
        """Several rows per comune (a list of organisations): figures count and sum rows."""
        return self.kind == "organisations"


def _c(*keys: str) -> Term:
    return Term(columns=keys)


MEF_SOURCE = "MEF – Dipartimento delle Finanze, «Redditi e principali variabili IRPEF su base comunale»"
MEF_URL = "https://www1.finanze.gov.it/finanze/analisi_stat/public/index.php?opendata=yes"
OPENCIVITAS_URL = "https://www.opencivitas.it/it/open-data"

PRESETS: dict[str, Preset] = {
    p.key: p
    for p in (
        # the raw CSV as MEF publishes it: ";", 50 columns, amounts in euro,
        # ISTAT codes without the leading zero, frequencies under 4 left empty
        Preset(
            key="mef_irpef",
            short="MEF",
            label="preset.mef_irpef",
            kind="indicators",
            signature=("anno_di_imposta", "codice_istat_comune", "numero_contribuenti"),
            source=MEF_SOURCE,
            licence="CC BY 3.0 IT",
            attribution="MEF – Dipartimento delle Finanze",
            url=MEF_URL,
            code_column="codice_istat_comune",
            name_column="denominazione_comune",
            year_column="anno_di_imposta",
            ignore=("codice_catastale", "sigla_provincia", "regione", "codice_istat_regione"),
            specs=(
                Spec("Contribuenti IRPEF", _c("numero_contribuenti"), unit="persone", decimals=0, additive=True),
                # in the files that publish the total (not every year does)
                Spec(
                    "Reddito complessivo medio per contribuente",
                    _c("reddito_complessivo_ammontare_in_euro"),
                    _c("reddito_complessivo_frequenza"),
                    unit="€",
                    decimals=0,
                ),
                Spec(
                    "Reddito imponibile medio per contribuente",
                    _c("reddito_imponibile_ammontare_in_euro"),
                    _c("reddito_imponibile_frequenza"),
                    unit="€",
                    decimals=0,
                ),
                Spec(
                    "Contribuenti con reddito complessivo tra 0 e 10.000 €",
                    _c("reddito_complessivo_da_0_a_10000_euro_frequenza"),
                    _c("numero_contribuenti"),
                    scale=100.0,
                    unit="%",
                    decimals=1,
                ),
                Spec(
                    "Contribuenti con reddito da pensione",
                    _c("reddito_da_pensione_frequenza"),
                    _c("numero_contribuenti"),
                    scale=100.0,
                    unit="%",
                    decimals=1,
                ),
                Spec(
                    "Reddito da pensione medio",
                    _c("reddito_da_pensione_ammontare_in_euro"),
                    _c("reddito_da_pensione_frequenza"),
                    unit="€",
                    decimals=0,
                ),
            ),
        ),
        # the same MEF data reshaped by DoveVannoINostriSoldi: amounts in euro cents
        Preset(
            key="mef_irpef_estratto",
            short="MEF",
            label="preset.mef_irpef_estratto",
            kind="indicators",
            signature=("istat_code", "numero_contribuenti", "reddito_complessivo_freq", "reddito_complessivo_cents"),
            source=MEF_SOURCE + " (estratto di Italian-Builders-Org/DoveVannoINostriSoldi, importi in centesimi)",
            licence="CC BY 3.0 IT",
            attribution="MEF – Dipartimento delle Finanze",
            url=MEF_URL,
            code_column="istat_code",
            name_column="comune",
            ignore=("codice_catastale", "provincia_code", "sigla", "regione_code"),
            specs=(
                Spec("Contribuenti IRPEF", _c("numero_contribuenti"), unit="persone", decimals=0, additive=True),
                Spec(
                    "Reddito complessivo medio per contribuente",
                    _c("reddito_complessivo_cents"),
                    _c("reddito_complessivo_freq"),
                    scale=0.01,
                    unit="€",
                    decimals=0,
                ),
                Spec(
                    "Reddito imponibile medio per contribuente",
                    _c("reddito_imponibile_cents"),
                    _c("reddito_imponibile_freq"),
                    scale=0.01,
                    unit="€",
                    decimals=0,
                ),
                Spec(
                    "Imposta netta media per contribuente che la paga",
                    _c("imposta_netta_cents"),
                    _c("imposta_netta_freq"),
                    scale=0.01,
                    unit="€",
                    decimals=0,
                ),
            ),
        ),
        # OpenCivitas "fabbisogni standard" per comune, as reshaped by
        # DoveVannoINostriSoldi (amounts in euro cents); the same header for
        # every function, so the file name tells which one
        Preset(
            key="opencivitas",
            short="OpenCivitas",
            label="preset.opencivitas",
            kind="indicators",
            signature=("istat_code", "historical_spending_cents", "standard_spending_cents", "service_level_1_10"),
            source="OpenCivitas (Ragioneria Generale dello Stato / Sogei), fabbisogni standard dei comuni",
            licence="CC BY 4.0",
            attribution="OpenCivitas – RGS / Sogei",
            url=OPENCIVITAS_URL,
            code_column="istat_code",
            name_column="comune",
            ignore=("provincia", "regione", "spending_assessment_reason", "services_assessment_reason"),
            specs=(
                Spec("Spesa storica per abitante", _c("historical_per_capita_cents"), scale=0.01, unit="€", decimals=2),
                Spec(
                    "Fabbisogno standard per abitante",
                    _c("standard_per_capita_cents"),
                    scale=0.01,
                    unit="€",
                    decimals=2,
                ),
                Spec(
                    "Servizi offerti rispetto ai comuni della stessa fascia",
                    _c("service_difference_basis_points"),
                    scale=0.01,
                    unit="%",
                    decimals=1,
                ),
                Spec("Livello dei servizi offerti (1–10)", _c("service_level_1_10"), unit="1–10", decimals=0),
                Spec("Livello della spesa (1–10)", _c("spending_level_1_10"), unit="1–10", decimals=0),
            ),
            variants=(
                Variant(("sociale", "asili", "socnid", "fc80socnid"), "Sociale e asili nido", "«Sociale e asili nido»"),
                Variant(("totale", "totali", "fc80tot"), "tutti i servizi", "«Totale funzioni»"),
            ),
            note="preset.opencivitas.note",
        ),
        # ISTAT demo.istat.it tables by single year of age (POSAS, STRASA):
        # a title line, then one row per age and a total row with age 999
        Preset(
            key="istat_demografia",
            short="ISTAT",
            label="preset.istat_demografia",
            kind="indicators",
            signature=("codice_comune", "eta", "totale_maschi|maschi", "totale_femmine|femmine"),
            source="ISTAT, demo.istat.it",
            licence="CC BY 4.0",
            attribution="ISTAT",
            url="https://demo.istat.it",
            code_column="codice_comune",
            name_column="denominazione|comune",
            row_filter=("eta", ("999", "totale")),
            specs=(
                Spec("Residenti", _c("totale_maschi|maschi", "totale_femmine|femmine"), unit="persone", decimals=0),
            ),
            variants=(
                Variant(
                    ("stranier", "strasa", "cittadini"),
                    "",
                    "«Cittadini stranieri residenti al 1° gennaio»",
                    (
                        Spec(
                            "Stranieri residenti",
                            _c("totale_maschi|maschi", "totale_femmine|femmine"),
                            unit="persone",
                            decimals=0,
                            additive=True,
                        ),
                        Spec(
                            "Stranieri residenti ogni 100 residenti",
                            _c("totale_maschi|maschi", "totale_femmine|femmine"),
                            Term(group="residenti"),
                            scale=100.0,
                            unit="%",
                            decimals=1,
                        ),
                    ),
                ),
                Variant(
                    ("popolazione", "posas", "residente"),
                    "",
                    "«Popolazione residente al 1° gennaio»",
                    (
                        Spec(
                            "Residenti (tabella ISTAT)",
                            _c("totale_maschi|maschi", "totale_femmine|femmine"),
                            unit="persone",
                            decimals=0,
                            additive=True,
                        ),
                    ),
                ),
            ),
        ),
        # the list of 5×1000 beneficiaries, one row per organisation
        Preset(
            key="cinque_per_mille",
            short="5 per mille (Liberiamoli tutti!)",
            label="preset.cinque_per_mille",
            kind="organisations",
            signature=("codice_fiscale", "denominazione", "numero_scelte", "importo_totale_erogabile"),
            source=(
                "Agenzia delle Entrate, elenco dei beneficiari del 5 per mille; "
                "estrazione e codici ISTAT: ondata, «Liberiamoli tutti!»"
            ),
            licence="CC BY 4.0",
            attribution="Fonte: Liberiamoli tutti! (datibenecomune.substack.com)",
            url="https://github.com/ondata/liberiamoli-tutti",
            code_column="codice_comune",
            name_column="nome_comune",
            ignore=("codice_fiscale", "denominazione", "regione", "pr"),
            specs=(
                Spec("Enti beneficiari del 5 per mille", Term(rows=True), unit="enti", decimals=0),
                Spec(
                    "Enti del Terzo settore e ONLUS beneficiari del 5 per mille",
                    Term(rows=True, flag="ets_e_onlus"),
                    unit="enti",
                    decimals=0,
                ),
                Spec(
                    "Enti del Terzo settore e ONLUS ogni 10.000 residenti",
                    Term(rows=True, flag="ets_e_onlus"),
                    Term(group="residenti"),
                    scale=10_000.0,
                    unit="enti",
                    decimals=1,
                ),
                Spec(
                    "Associazioni sportive dilettantistiche beneficiarie del 5 per mille",
                    Term(rows=True, flag="asd"),
                    unit="enti",
                    decimals=0,
                ),
                Spec(
                    "Importo del 5 per mille erogabile",
                    _c("importo_totale_erogabile"),
                    unit="€",
                    decimals=0,
                    additive=True,
                ),
            ),
        ),
    )
}


def get(key: str) -> Preset:
    """The preset named ``key``; UnknownNameError lists the valid names."""
    try:
        return PRESETS[key]
    except KeyError:
        raise UnknownNameError("thing.file_format", key, list(PRESETS)) from None


def header_key(text: str) -> str:
    """A header as presets name it: folded, spaces as ``_``."""
    return fold(text).replace(" ", "_")


def find(alternatives: str, keys: list[str]) -> int | None:
    """The index of the first spelling of ``"a|b"`` present among folded ``keys``."""
    for option in alternatives.split("|"):
        if option in keys:
            return keys.index(option)
    return None


def detect(headers: list[str]) -> Preset | None:
    """The preset whose signature the header carries (the most specific one), or None."""
    keys = [header_key(h) for h in headers]
    found = [p for p in PRESETS.values() if all(find(s, keys) is not None for s in p.signature)]
    return max(found, key=lambda p: len(p.signature)) if found else None


def variant(preset: Preset, hint: str) -> Variant | None:
    """The variant named by words of ``hint`` (file name and title), or None."""
    words = fold(hint).replace(" ", "_")
    for v in preset.variants:
        if any(w in words for w in v.words):
            return v
    return None


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def year_in(text: str) -> int | None:
    """The one year a file name or title mentions ("mef_irpef_2024_ravenna.csv" → 2024), else None."""
    years = set(_YEAR.findall(text or ""))
    return int(years.pop()) if len(years) == 1 else None
