"""The areas of the Piano di Zona: one vocabulary for the fields of the
network's organisations, the areas of proposals, priorities and pacts; and the
memory across workshops: results rolled up comune → district → area, year by
year, and the themes that come back.

Pure logic over the store API (``cantiere.store.network``); no Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from cantiere import territory
from cantiere import workshop as w
from cantiere.errors import CantiereError, UnknownNameError
from cantiere.store import Store
from cantiere.store import network as ndb

# The areas of intervention of the Piani di Zona per la salute e il benessere
# sociale (Emilia-Romagna): key -> i18n key of the label.
AREAS: dict[str, str] = {
    "famiglie_minori": "area.famiglie_minori",
    "anziani": "area.anziani",
    "disabilita": "area.disabilita",
    "poverta": "area.poverta",
    "salute_mentale": "area.salute_mentale",
    "dipendenze": "area.dipendenze",
    "immigrazione": "area.immigrazione",
    "casa": "area.casa",
    "lavoro": "area.lavoro",
}
YEAR_RANGE = (2000, 2100)
RECURRING_MIN_YEARS = 2  # a theme seen in two or more years of a district "comes back"


class WorkshopPlaceError(CantiereError, ValueError):
    """A workshop's district or year is not valid."""

    key = "areas.error.year"


def check_area(area: object, *, allow_empty: bool = True) -> str:
    """The area key; "" when empty and allowed. UnknownNameError lists the valid ones."""
    text = str(area or "").strip()
    if not text and allow_empty:
        return ""
    if text not in AREAS:
        raise UnknownNameError("thing.area", text, list(AREAS))
    return text


def check_areas(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(check_area(v, allow_empty=False) for v in values if str(v or "").strip()))


def district_keys() -> list[str]:
    return [d.key for d in territory.districts()]


def check_district(district: object) -> str:
    """A district key (Ravenna, Lugo, Faenza; any case). UnknownNameError lists them."""
    text = str(district or "").strip()
    for key in district_keys():
        if key.casefold() == text.casefold():
            return key
    raise UnknownNameError("thing.district", text, district_keys())


def check_year(year: object) -> int:
    try:
        value = int(str(year).strip())
    except (TypeError, ValueError):
        raise WorkshopPlaceError("areas.error.year", value=year, low=YEAR_RANGE[0], high=YEAR_RANGE[1]) from None
    if not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        raise WorkshopPlaceError("areas.error.year", value=year, low=YEAR_RANGE[0], high=YEAR_RANGE[1])
    return value


def set_workshop_place(store: Store, actor: w.Actor, workshop_id: int, district: object, year: object) -> None:
    """Say where and when a workshop happened (coordinator)."""
    w.require_facilitator(actor)
    ndb.set_workshop_place(store, workshop_id, check_district(district), check_year(year))


def set_priority_area(store: Store, actor: w.Actor, priority_id: int, area: object) -> None:
    w.require_facilitator(actor)
    ndb.set_priority_area(store, priority_id, check_area(area) or None)


def set_proposal_area(store: Store, actor: w.Actor, proposal_id: int, area: object) -> None:
    w.require_facilitator(actor)
    ndb.set_proposal_area(store, proposal_id, check_area(area) or None)


def district_of_comune(code: str) -> str | None:
    try:
        return territory.comune(code).district
    except Exception:  # a name typed by a participant that is no comune
        return None


def comune_codes(values: Sequence[str]) -> list[str]:
    """ISTAT codes of comuni given by code or name; unknown ones left out."""
    out = []
    for value in values:
        try:
            out.append(territory.comune(value).code)
        except Exception:  # free text: not a comune of the province
            continue
    return out


@dataclass(frozen=True)
class Rollup:
    """Counts of priorities and proposals per area, by level and year."""

    table: pd.DataFrame  # level, place, area, year, priorities, proposals
    recurring: pd.DataFrame  # district, area, years, n_years


COLUMNS = ["livello", "luogo", "area", "anno", "priorita", "proposte"]


def rollup(store: Store) -> Rollup:
    """Roll up every workshop's priorities and proposals: comune (the comuni
    they name), district (the workshop's), area, year by year."""
    return rollup_rows(ndb.area_rows(store))


def rollup_rows(rows: Sequence[ndb.AreaRow]) -> Rollup:
    records = []
    for row in rows:
        area = row.area or ""
        kind = "priorita" if row.kind == "priority" else "proposte"
        records.append(("area", area, area, row.year, kind))
        if row.district:
            records.append(("distretto", row.district, area, row.year, kind))
        for code in comune_codes(row.comuni):
            records.append(("comune", code, area, row.year, kind))
    frame = pd.DataFrame(records, columns=["livello", "luogo", "area", "anno", "kind"])
    if frame.empty:
        table = pd.DataFrame(columns=COLUMNS)
    else:
        table = (
            frame.assign(n=1)
            .pivot_table(
                index=["livello", "luogo", "area", "anno"], columns="kind", values="n", aggfunc="sum", fill_value=0
            )
            .reset_index()
        )
        for name in ("priorita", "proposte"):
            if name not in table:
                table[name] = 0
        table = table[COLUMNS].sort_values(["livello", "luogo", "area", "anno"]).reset_index(drop=True)
        table.columns.name = None
    return Rollup(table, recurring_themes(rows))


def recurring_themes(rows: Sequence[ndb.AreaRow]) -> pd.DataFrame:
    """Areas that come back in a district in RECURRING_MIN_YEARS or more years."""
    seen: dict[tuple[str, str], set[int]] = {}
    for row in rows:
        if row.area and row.district and row.year:
            seen.setdefault((row.district, row.area), set()).add(row.year)
    records = [
        (district, area, ", ".join(map(str, sorted(years))), len(years))
        for (district, area), years in sorted(seen.items())
        if len(years) >= RECURRING_MIN_YEARS
    ]
    return pd.DataFrame(records, columns=["distretto", "area", "anni", "n_anni"])
