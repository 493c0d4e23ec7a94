"""Indicators taken from a published file: a column, or a formula over its
columns and the ISTAT population, with the formula kept beside the figures.

An indicator is ``scale × numerator ÷ denominator`` (no denominator: ``scale ×
numerator``). A numerator or denominator (a ``Term``) is the sum of one or more
columns, the residents of a population group, or, for lists such as the 5×1000
beneficiaries, the number of rows of the comune. Pure: no file reading here
(``cantiere.opendata``), no database.

How figures add up beyond one comune (``aggregation``):
- ``ratio``: districts and the province divide the sum of the numerators by the
  sum of the denominators (never an average of the comuni's ratios);
- ``sum``: counts and amounts add up;
- ``none``: per-capita figures, levels and indexes published as they are: shown
  by comune only.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from cantiere import fmt, indicators
from cantiere.i18n import translate

AGGREGATIONS = ("ratio", "sum", "none")
# why a value is missing; an empty cell is "not published" (MEF leaves
# frequencies under 4 empty), never zero
MISSING_REASONS = ("non_pubblicato", "denominatore_zero")


@dataclass(frozen=True)
class Term:
    """What a numerator or a denominator counts."""

    columns: tuple[str, ...] = ()  # headers as published, summed
    group: str = ""  # a population group (``indicators.POPULATION_GROUPS``), ISTAT
    rows: bool = False  # lists: rows of the comune ...
    flag: str = ""  # ... only those where this column is filled (e.g. «ets_e_onlus» = X)

    @property
    def additive(self) -> bool:
        """Counts of people or rows add up over comuni; published columns may not."""
        return bool(self.group or self.rows)

    def to_dict(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items() if v}

    @classmethod
    def from_dict(cls, data: Mapping) -> Term:
        return cls(
            columns=tuple(data.get("columns") or ()),
            group=str(data.get("group") or ""),
            rows=bool(data.get("rows")),
            flag=str(data.get("flag") or ""),
        )


@dataclass(frozen=True)
class Spec:
    """One indicator to take from a file: name, formula, unit."""

    name: str
    numerator: Term
    denominator: Term | None = None
    scale: float = 1.0
    unit: str = ""
    decimals: int | None = None  # None: 0 when every value is whole, else 2
    additive: bool = False  # a plain column that adds up over comuni (counts, amounts)

    @property
    def aggregation(self) -> str:
        if self.denominator is not None:
            return "ratio"
        return "sum" if (self.additive or self.numerator.additive) else "none"

    @property
    def columns(self) -> tuple[str, ...]:
        """Every published column the formula reads."""
        found = list(self.numerator.columns) + ([self.numerator.flag] if self.numerator.flag else [])
        if self.denominator is not None:
            found += list(self.denominator.columns) + ([self.denominator.flag] if self.denominator.flag else [])
        return tuple(dict.fromkeys(found))

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(t.group for t in (self.numerator, self.denominator) if t is not None and t.group)

    def renamed(self, name: str, unit: str | None = None) -> Spec:
        return Spec(
            name,
            self.numerator,
            self.denominator,
            self.scale,
            self.unit if unit is None else unit,
            self.decimals,
            self.additive,
        )

    def to_dict(self) -> dict:
        out = {"name": self.name, "numerator": self.numerator.to_dict(), "scale": self.scale, "unit": self.unit}
        if self.denominator is not None:
            out["denominator"] = self.denominator.to_dict()
        if self.decimals is not None:
            out["decimals"] = self.decimals
        if self.additive:
            out["additive"] = True
        return out

    @classmethod
    def from_dict(cls, data: Mapping) -> Spec:
        den = data.get("denominator")
        return cls(
            name=str(data["name"]),
            numerator=Term.from_dict(data.get("numerator") or {}),
            denominator=Term.from_dict(den) if den else None,
            scale=float(data.get("scale", 1.0)),
            unit=str(data.get("unit") or ""),
            decimals=data.get("decimals"),
            additive=bool(data.get("additive")),
        )


def plain(column: str, name: str | None = None, unit: str = "", scale: float = 1.0, **kw) -> Spec:
    """A published column taken as it is (``scale`` converts, e.g. cents to euro)."""
    return Spec((name or column).strip()[:100], Term(columns=(column,)), None, scale, unit, **kw)


def ratio(name: str, numerator: Term, denominator: Term, scale: float = 1.0, unit: str = "", **kw) -> Spec:
    return Spec(name, numerator, denominator, scale, unit, **kw)


# --- the formula, as people read it --------------------------------------------------


def _scale_text(scale: float, lang: str) -> str:
    decimals = 0 if float(scale).is_integer() else max(0, -math.floor(math.log10(abs(scale)))) if scale else 0
    return fmt.number(scale, decimals, lang)


def term_text(term: Term, lang: str = "it", population_year: int | None = None) -> str:
    """«Reddito imponibile - Frequenza», «A» + «B», residenti 65+ (ISTAT 2023), enti dell'elenco con «asd»."""
    if term.group:
        label = translate(f"data.group.{term.group}", lang)
        year = population_year or indicators.population_year(None)
        return translate("data.formula.population", lang, group=label, year=year)
    if term.rows:
        if term.flag:
            return translate("data.formula.rows_flag", lang, column=term.flag)
        return translate("data.formula.rows", lang)
    return " + ".join(f"«{c}»" for c in term.columns)


def formula_text(spec: Spec, lang: str = "it", population_year: int | None = None) -> str:
    """E.g. "«Reddito imponibile - Ammontare in euro» ÷ «Reddito imponibile - Frequenza»"."""
    text = term_text(spec.numerator, lang, population_year)
    if spec.denominator is not None:
        text = f"{text} ÷ {term_text(spec.denominator, lang, population_year)}"
    if spec.scale != 1:
        text = f"{text} × {_scale_text(spec.scale, lang)}"
    return text


# --- values --------------------------------------------------------------------------


def combine(numerator: float | None, denominator: float | None, spec: Spec) -> tuple[float | None, str | None]:
    """(value, why missing): ``scale × num ÷ den``; a zero denominator gives no
    value ("denominatore_zero"), never an infinite one."""
    if numerator is None:
        return None, "non_pubblicato"
    if spec.denominator is None:
        return spec.scale * numerator, None
    if denominator is None:
        return None, "non_pubblicato"
    if denominator == 0:
        return None, "denominatore_zero"
    return spec.scale * numerator / denominator, None


def _finite(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def aggregate(
    aggregation: str,
    scale: float,
    rows: Iterable[tuple[float | None, float | None, float | None]],
) -> float | None:
    """The value of a group of comuni from its comuni's (value, numerator,
    denominator); None when any comune lacks what the sum needs (a suppressed
    cell makes the total unknown, not smaller) or the figure does not add up."""
    rows = [(_finite(v), _finite(n), _finite(d)) for v, n, d in rows]
    if not rows or aggregation == "none":
        return None
    if aggregation == "sum":
        if any(v is None for v, _, _ in rows):
            return None
        return sum(v for v, _, _ in rows)
    if any(n is None or d is None for _, n, d in rows):
        return None
    total = sum(d for _, _, d in rows)
    return scale * sum(n for _, n, _ in rows) / total if total else None


def auto_decimals(values: Iterable[float | None]) -> int:
    present = [v for v in (_finite(x) for x in values) if v is not None]
    return 0 if present and all(float(v).is_integer() for v in present) else 2
