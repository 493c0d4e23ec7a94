"""Pins and proposals as plain functions: the rules behind a tap on the map
and a typed need, with no Streamlit and no database.

- a tap becomes a pin only inside the province; its comune comes from the point;
- public and projected views show positions snapped to a ~200 m grid;
- notes and titles are plain text with length limits (never rendered as HTML);
- one participant may drop at most ``MAX_PINS_PER_MINUTE`` pins a minute;
- a proposal whose normalised title equals an existing one is a duplicate.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from cantiere import territory
from cantiere.errors import CantiereError
from cantiere.text import fold

CATEGORIES = ("servizio_mancante", "accessibilita", "trasporti", "luogo_di_incontro", "sicurezza", "altro")
NOTE_MAX = 280
TITLE_MAX = 120
DESCRIPTION_MAX = 1000
COARSE_METERS = 200
MAX_PINS_PER_MINUTE = 10
_EARTH_M_PER_DEG_LAT = 111_320.0
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class PinError(CantiereError, ValueError):
    """A pin or proposal breaks a rule; the message says which."""

    key = "pins.error.invalid"


@dataclass(frozen=True)
class PlacedPin:
    lat: float
    lon: float
    comune: territory.Comune


def place(lat: object, lon: object) -> PlacedPin:
    """A tap at (lat, lon) as a pin: rounded to ~1 m and located in its comune.

    Raises PinError for coordinates that are not numbers or lie outside the province.
    """
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError):
        raise PinError("pins.error.not_a_point") from None
    if not (math.isfinite(lat_f) and math.isfinite(lon_f)) or not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
        raise PinError("pins.error.not_a_point")
    lat_f, lon_f = round(lat_f, 5), round(lon_f, 5)
    comune = territory.comune_at(lat_f, lon_f)
    if comune is None:
        raise PinError("pins.error.outside")
    return PlacedPin(lat_f, lon_f, comune)


def coarsen(lat: float, lon: float, meters: float = COARSE_METERS) -> tuple[float, float]:
    """The centre of the ~``meters`` grid cell holding the point, so public views
    never show where exactly someone tapped (a house, a school)."""
    step_lat = meters / _EARTH_M_PER_DEG_LAT
    # the cell keeps its size in metres at this latitude (Ravenna: ~44.4°N)
    step_lon = meters / (_EARTH_M_PER_DEG_LAT * math.cos(math.radians(44.4)))
    cell_lat = (math.floor(lat / step_lat) + 0.5) * step_lat
    cell_lon = (math.floor(lon / step_lon) + 0.5) * step_lon
    return round(cell_lat, 5), round(cell_lon, 5)


def clean_text(text: object, limit: int, empty_key: str, long_key: str, *, required: bool = True) -> str:
    """Participant text as stored: trimmed, control and direction characters
    removed, at most ``limit`` characters. HTML is kept as typed — it is only
    ever displayed as text."""
    value = _CONTROL.sub("", unicodedata.normalize("NFC", str(text or ""))).strip()
    if required and not value:
        raise PinError(empty_key)
    if len(value) > limit:
        raise PinError(long_key, limit=limit, length=len(value))
    return value


def clean_note(text: object) -> str:
    """A pin's note: required, at most NOTE_MAX characters."""
    return clean_text(text, NOTE_MAX, "pins.error.note_empty", "pins.error.note_long")


def check_category(category: str) -> str:
    if category not in CATEGORIES:
        raise PinError("pins.error.category", valid=", ".join(CATEGORIES))
    return category


def check_rate(recent: Iterable[datetime], now: datetime, limit: int = MAX_PINS_PER_MINUTE) -> None:
    """Refuse a new pin when the participant already dropped ``limit`` in the last minute."""
    window = now - timedelta(minutes=1)
    if sum(1 for moment in recent if moment > window) >= limit:
        raise PinError("pins.error.too_many", limit=limit)


def find_duplicate(title: str, existing: dict[int, str]) -> int | None:
    """The id of an existing proposal whose title matches ``title`` once
    normalised, or None."""
    wanted = fold(title)
    for proposal_id, other in existing.items():
        if fold(other) == wanted:
            return proposal_id
    return None
