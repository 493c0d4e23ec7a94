"""The evidence beside a priority: the figures that say why it matters, each
with its source and year, in one line people read under the title —
«Casola Valsenio: 31,6 % over 65, provincia 25,9 % — ISTAT 2023».

A figure is frozen when the facilitator picks it (value, province value,
source, year, the imported file and its hash): the phones, the projector, the
results and the minutes show what was picked, and a round records the data
versions it showed when it opened (``versions``). Pure: the callers read the
store (``workshop.set_evidence``); figures are computed from the Atlante's
registry (ISTAT indicators), the imported indicators and the coverage of
services.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass

import pandas as pd

from cantiere import atlas, fmt, indicators, presets, services, territory
from cantiere.errors import CantiereError, UnknownNameError
from cantiere.i18n import translate

KINDS = ("istat", "importato", "copertura")
MAX_FIGURES = 4  # one line under a title on a phone: a few figures, not a table
ATTRS_KEY = "evidence"  # where a priority keeps its figures (``Priority.attrs``)


class EvidenceError(CantiereError, ValueError):
    """A figure cannot be computed or attached (unknown comune, too many figures)."""

    key = "evidence.error"


@dataclass(frozen=True)
class Figure:
    """One figure behind a priority, as it was when picked."""

    kind: str  # istat | importato | copertura
    key: str  # ISTAT indicator key, imported option key, or service type
    comune: str  # ISTAT code of the comune the figure is about
    value: float | None
    province: float | None  # the same figure for the whole province, when it adds up
    style: str  # percent | number | count
    decimals: int
    unit: str = ""  # imported: «€», «persone»…
    name: str = ""  # imported: the indicator's name
    source: str = ""  # short: «ISTAT», «MEF», «dati di esempio»
    year: int | None = None
    dataset: int | None = None  # imported file: its id, name and SHA-256
    file: str = ""
    sha256: str = ""
    sample: bool = False  # computed on the sample services ("dati di esempio")

    def to_dict(self) -> dict:
        # 0 is a figure (no places at all), not an absence: only None, "" and False are left out
        return {k: v for k, v in asdict(self).items() if v is not None and v != "" and v is not False}

    @classmethod
    def from_dict(cls, data: Mapping) -> Figure:
        known = {f: data[f] for f in cls.__dataclass_fields__ if f in data}
        return cls(
            **{
                "value": None,
                "province": None,
                "style": "number",
                "decimals": 1,
                **known,
            }
        )


def figures_of(attrs: Mapping | None) -> list[Figure]:
    """The figures kept in a priority's ``attrs`` (bad entries are skipped, never shown half)."""
    out = []
    for entry in (attrs or {}).get(ATTRS_KEY, []) or []:
        try:
            out.append(Figure.from_dict(entry))
        except (TypeError, KeyError, ValueError):
            continue
    return out


# --- the line ------------------------------------------------------------------------


def _number(value: float | None, style: str, decimals: int, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translate("atlante.not_available", lang)
    if style == "percent":  # «31,6 %» in Italian, "31.6%" in English
        return f"{fmt.number(value, decimals, lang)} %" if lang == "it" else fmt.percent(value, decimals, lang)
    return fmt.number(value, 0 if style == "count" else decimals, lang)


def _with_unit(text: str, unit: str) -> str:
    if not unit or unit == "%" or unit.startswith("unit."):
        return text
    return f"{text} {unit}"


def _label(figure: Figure, lang: str) -> str:
    if figure.kind == "istat":
        return translate(f"evidence.short.{figure.key}", lang)
    if figure.kind == "copertura":
        kind = services.service_type(figure.key)
        return translate(
            "evidence.coverage", lang, type=translate(f"svc.type.{figure.key}", lang), target=_target(kind, lang)
        )
    name = figure.name
    # "Reddito medio" reads "reddito medio" inside a sentence; "IRPEF…" stays
    return name[:1].lower() + name[1:] if len(name) > 1 and name[1:2].islower() else name


def _target(kind: services.ServiceType, lang: str) -> str:
    if kind.age_high >= services.MAX_AGE:
        return translate("evidence.target.over", lang, low=kind.age_low)
    return translate("evidence.target.range", lang, low=kind.age_low, high=kind.age_high)


def _source(figure: Figure, lang: str) -> str:
    if figure.kind == "copertura":
        offer = translate("evidence.sample", lang) if figure.sample else (figure.file or figure.source)
        return translate("evidence.source.coverage", lang, offer=offer, year=figure.year or "")
    return f"{figure.source} {figure.year}" if figure.year else figure.source


def _place(code: str, lang: str) -> str:
    try:
        return territory.comune(code).name
    except Exception:  # a code that is no longer a comune still shows as stored
        return str(code)


def part(figure: Figure, lang: str = "it", place: bool = True) -> str:
    """One figure without its source: «Casola Valsenio: 31,6 % over 65, provincia 25,9 %»."""
    label = _label(figure, lang)
    value = _with_unit(_number(figure.value, figure.style, figure.decimals, lang), figure.unit)
    value_first = figure.style == "percent" or figure.kind == "copertura"
    said = f"{value} {label}" if value_first else f"{label} {value}"
    text = f"{_place(figure.comune, lang)}: {said}" if place else said
    if figure.province is not None:
        province = _with_unit(_number(figure.province, figure.style, figure.decimals, lang), figure.unit)
        text += translate("evidence.province", lang, value=province)
    return text


def line(figures: Sequence[Figure], lang: str = "it") -> str:
    """The evidence line of a priority, sources and years at the end; "" without figures.

    «Casola Valsenio: 31,6 % over 65, provincia 25,9 % — ISTAT 2023»
    """
    if not figures:
        return ""
    sources = list(dict.fromkeys(_source(f, lang) for f in figures))
    # the comune is said once for consecutive figures about it
    parts = [part(f, lang, place=k == 0 or figures[k - 1].comune != f.comune) for k, f in enumerate(figures)]
    return f"{'; '.join(parts)} — {', '.join(sources)}"


def line_of(attrs: Mapping | None, lang: str = "it") -> str:
    """The evidence line of a priority's ``attrs``."""
    return line(figures_of(attrs), lang)


# --- what the facilitator can pick ----------------------------------------------------


def choices(imported: pd.DataFrame | None = None, lang: str = "it") -> dict[str, str]:
    """Option key -> label: the Atlante's ISTAT indicators, the imported ones,
    and the coverage of each service type."""
    out = {f"istat:{k}": translate(ind.label, lang) for k, ind in indicators.INDICATORS.items()}
    if imported is not None and not imported.empty:
        for option in atlas.imported_names(imported):
            out[option] = translate("evidence.choice.imported", lang, name=atlas.imported_label(option))
    for key in services.SERVICE_TYPES:
        out[f"copertura:{key}"] = translate("evidence.choice.coverage", lang, type=translate(f"svc.type.{key}", lang))
    return out


def _short_source(source: str) -> str:
    for preset in presets.PRESETS.values():
        if source.startswith(preset.source[:40]):
            return preset.short
    head = source.split(",")[0].split(" (")[0].strip()
    return head[:40] or source[:40]


def _comune(code: str) -> territory.Comune:
    try:
        return territory.comune(code)
    except UnknownNameError as exc:
        raise EvidenceError("evidence.error.comune", name=code, valid=", ".join(exc.valid)) from None


def figure(
    option: str,
    comune: str,
    *,
    imported: pd.DataFrame | None = None,
    definitions: pd.DataFrame | None = None,
    offer: tuple[pd.DataFrame, bool] | None = None,
    services_file: Mapping | None = None,
    year: int = territory.DEFAULT_YEAR,
) -> Figure:
    """The figure of ``option`` (a ``choices`` key) for ``comune``, frozen now.

    ``imported``/``definitions``: ``datasets.imported_indicators`` and
    ``indicator_definitions``; ``offer``: ``services.current_services`` (frame,
    is_sample); ``services_file``: the imported services dataset (id, file,
    sha256). Raises EvidenceError or UnknownNameError for an unknown choice.
    """
    place = _comune(comune)
    kind, _, key = option.partition(":")
    if kind == "istat":
        ind = indicators.indicator(key)
        value = indicators.compute("comune", year).set_index("codice").loc[place.code, key]
        province = indicators.compute("provincia", year)[key].iloc[0]
        style = "count" if ind.is_count else ("percent" if ind.unit in atlas.PERCENT_UNITS else "number")
        return Figure(
            "istat",
            key,
            place.code,
            _float(value),
            _float(province),
            style,
            ind.decimals,
            source="ISTAT",
            year=year,
        )
    if kind == "copertura":
        services.service_type(key)
        frame, sample = offer if offer is not None else (services.sample_services(), True)
        by_comune = services.coverage(frame, key, "comune", year).set_index("codice")
        province = services.coverage(frame, key, "provincia", year)["copertura"].iloc[0]
        info = services_file or {}
        return Figure(
            "copertura",
            key,
            place.code,
            _float(by_comune.loc[place.code, "copertura"]),
            _float(province),
            "number",
            1,
            source="ISTAT",
            year=year,
            dataset=None if sample else info.get("id"),
            file="" if sample else str(info.get("file") or ""),
            sha256="" if sample else str(info.get("sha256") or ""),
            sample=bool(sample),
        )
    if option.startswith(atlas.IMPORTED_PREFIX):
        if imported is None or imported.empty:
            raise UnknownNameError("thing.indicator", option, [])
        figures = atlas.imported_figures(option, imported, definitions)
        found = atlas.definition(option, definitions) or {}
        name, data_year = atlas.parse_option(option)
        value = figures["comuni"].get(place.code, (None,))[0]
        unit = str(found.get("unita") or "")
        return Figure(
            "importato",
            option,
            place.code,
            value,
            figures["province"],
            "percent" if unit == "%" else "number",
            int(found.get("decimali", 2)) if found else 2,
            unit=unit,
            name=name,
            source=_short_source(str(found.get("fonte") or "")),
            year=data_year,
            dataset=int(found["dataset"]) if found.get("dataset") is not None else None,
            file=str(found.get("file") or ""),
            sha256=str(found.get("sha256") or ""),
        )
    raise UnknownNameError("thing.figure", option, list(choices(imported)))


def _float(value) -> float | None:
    if value is None or pd.isna(value):
        return None
    return float(value)


def check(figures: Sequence[Figure]) -> list[Figure]:
    """At most MAX_FIGURES figures, each of a known kind; EvidenceError otherwise."""
    figures = list(figures)
    if len(figures) > MAX_FIGURES:
        raise EvidenceError("evidence.error.too_many", max=MAX_FIGURES)
    for f in figures:
        if f.kind not in KINDS:
            raise EvidenceError("evidence.error.kind", kind=f.kind, valid=", ".join(KINDS))
    return figures


# --- what a round showed ------------------------------------------------------------------


def versions(all_figures: Iterable[Figure]) -> dict:
    """The data versions behind a round's figures: the ISTAT year and each
    imported file (id, name, SHA-256, source, year), plus the sample services
    when a coverage figure was computed on them."""
    all_figures = list(all_figures)
    istat = sorted({f.year for f in all_figures if f.kind in ("istat", "copertura") and f.year})
    files: dict = {}
    for f in all_figures:
        if f.dataset is not None or f.file:
            files.setdefault(
                (f.dataset, f.file),
                {
                    "id": f.dataset,
                    "file": f.file,
                    "sha256": f.sha256,
                    "source": f.source,
                    "year": f.year if f.kind == "importato" else None,
                },
            )
        if f.sample:
            files.setdefault(("esempio", ""), {"id": None, "file": services.SAMPLE_FILE.name, "sample": True})
    return {"istat_year": istat[-1] if istat else territory.DEFAULT_YEAR, "datasets": list(files.values())}


def versions_text(record: Mapping, lang: str = "it") -> list[str]:
    """A recorded round's data, one line each, for the minutes."""
    lines = [translate("evidence.versions.istat", lang, year=record.get("istat_year"))]
    for d in record.get("datasets") or []:
        if d.get("sample"):
            lines.append(translate("evidence.versions.sample", lang, file=d.get("file", "")))
        else:
            lines.append(
                translate(
                    "evidence.versions.file",
                    lang,
                    file=d.get("file") or "–",
                    id=d.get("id") if d.get("id") is not None else "–",
                    sha=(d.get("sha256") or "–")[:16],
                    source=d.get("source") or "–",
                    year=d.get("year") or "–",
                )
            )
    return lines
