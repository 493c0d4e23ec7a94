"""Numbers the way each language writes them: 155.751 and 25,5% in Italian,
155,751 and 25.5% in English; amounts («125.000 €»), counts that agree with
their noun («1 sostegno», «2 sostegni»), numbers read back as people type them,
and the axis settings that keep plotly from writing «10k» (issue 15)."""

from __future__ import annotations

import math
import re

_SEPARATORS = {"it": (".", ","), "en": (",", ".")}


def number(value: float | int | None, decimals: int = 0, lang: str = "it") -> str:
    """``value`` with thousands separators and ``decimals`` decimals; "–" when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    thousands, decimal = _SEPARATORS.get(lang, _SEPARATORS["it"])
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def percent(value: float | None, decimals: int = 1, lang: str = "it") -> str:
    """A value already on a 0–100 scale, with the percent sign: 25,5%."""
    text = number(value, decimals, lang)
    return text if text == "–" else f"{text}%"


_THOUSANDS_ONLY = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")


def euro(value: float | None, lang: str = "it") -> str:
    """An amount in euros: «125.000 €», «1.500,50 €» in Italian, «€125,000» in English."""
    text = number(value, 0 if value is None or float(value).is_integer() else 2, lang)
    if text == "–":
        return text
    return f"{text} €" if lang == "it" else f"€{text}"


def count(n: int, one: str, many: str, lang: str = "it") -> str:
    """``n`` and the noun that agrees with it: «1 sostegno», «2 sostegni», «1.500 sostegni»."""
    return f"{number(n, 0, lang)} {one if n == 1 else many}"


def parse_amount(text: str) -> float:
    """Read an amount as people type it: «50.000», «50 000», «50000,50», «125.000 €».
    Unlike :func:`parse_number`, a point followed only by groups of three digits is
    a thousands point («50.000» is fifty thousand euros, never fifty): amounts have
    no more than two decimals. Raises ValueError when ``text`` is not a number."""
    raw = str(text).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("€", "")
    if _THOUSANDS_ONLY.match(raw):
        raw = raw.replace(".", "")
    return parse_number(raw)


def parse_number(text: str) -> float:
    """Read a number written the Italian or English way ("1.234,5", "1234.5", "12,5",
    "50 000"). A lone point is a decimal point («11.879» is a longitude in a data file);
    amounts typed in a form go through :func:`parse_amount`.

    Raises ValueError when ``text`` is not a number.
    """
    raw = str(text).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not raw:
        raise ValueError("empty")
    if "," in raw and "." in raw:
        # the separator that comes last is the decimal one
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif "," in raw:
        raw = raw.replace(",", ".")
    value = float(raw)
    if math.isnan(value) or math.isinf(value):
        raise ValueError("not finite")
    return value


# plotly axes: full numbers with the figure's separators («10.000», never «10k»)
PLOTLY_AXIS = {"exponentformat": "none", "separatethousands": True}
