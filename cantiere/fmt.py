"""Numbers the way each language writes them: 155.751 and 25,5% in Italian,
155,751 and 25.5% in English."""

from __future__ import annotations

import math

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


def parse_number(text: str) -> float:
    """Read a number written the Italian or English way ("1.234,5", "1234.5", "12,5").

    Raises ValueError when ``text`` is not a number.
    """
    raw = str(text).strip().replace("\u00a0", "").replace(" ", "")
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
