"""Memory across workshops: district and year of a workshop, areas of
priorities and proposals, the roll-up comune → district → area, recurring themes."""

from __future__ import annotations

import pytest

from cantiere import areas
from cantiere import workshop as w
from cantiere.errors import UnknownNameError
from cantiere.store import listening as ldb
from cantiere.store import workshops as db
from tests.conftest import FACILITATOR_ACTOR as FAC


def _workshop(store, title, district, year, rows):
    ws = w.create_workshop(store, FAC, title, "", [{"title": t, "comuni": c} for t, _, c in rows])
    areas.set_workshop_place(store, FAC, ws.id, district, year)
    for priority, (_, area, _) in zip(db.list_priorities(store, ws.id), rows):
        areas.set_priority_area(store, FAC, priority.id, area)
    return ws


def test_roll_up_and_a_theme_that_comes_back(any_store):
    _workshop(any_store, "Lugo 2024", "Lugo", 2024, [("Sollievo", "anziani", "Lugo, Cotignola"), ("Casa", "casa", "")])
    ws = _workshop(any_store, "Lugo 2025", "Lugo", 2025, [("Trasporto", "anziani", "Alfonsine")])
    _workshop(any_store, "Faenza 2025", "Faenza", 2025, [("Nidi", "famiglie_minori", "Faenza")])
    proposal = ldb.add_proposal(
        any_store,
        ws.id,
        None,
        {"title": "Badanti di condominio", "description": "", "target_group": "", "comuni": ["Lugo"]},
    )
    areas.set_proposal_area(any_store, FAC, proposal.id, "anziani")
    rolled = areas.rollup(any_store)
    table = rolled.table.set_index(["livello", "luogo", "area", "anno"])
    assert table.loc[("distretto", "Lugo", "anziani", 2025)].tolist() == [1, 1]  # one priority, one proposal
    assert table.loc[("comune", "039012", "anziani", 2024), "priorita"] == 1
    assert table.loc[("area", "anziani", "anziani", 2024), "priorita"] == 1
    assert rolled.recurring.to_dict("records") == [
        {"distretto": "Lugo", "area": "anziani", "anni": "2024, 2025", "n_anni": 2}
    ]


@pytest.mark.parametrize(
    ("district", "year", "error", "text"),
    [
        ("Imola", 2025, UnknownNameError, "Ravenna, Lugo, Faenza"),
        ("Lugo", "duemila", areas.WorkshopPlaceError, "scrivi un anno tra 2000 e 2100"),
        ("Lugo", 1850, areas.WorkshopPlaceError, "«1850»"),
    ],
)
def test_a_wrong_district_or_year_is_refused_with_the_valid_values(fresh_store, district, year, error, text):
    ws = w.create_workshop(fresh_store, FAC, "Lab", "", [])
    with pytest.raises(error) as caught:
        areas.set_workshop_place(fresh_store, FAC, ws.id, district, year)
    assert text in caught.value.message()


def test_an_unknown_area_lists_the_piano_di_zona_areas(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Lab", "", [{"title": "X"}])
    (priority,) = db.list_priorities(fresh_store, ws.id)
    with pytest.raises(UnknownNameError) as caught:
        areas.set_priority_area(fresh_store, FAC, priority.id, "sport")
    assert "famiglie_minori, anziani, disabilita, poverta, salute_mentale" in caught.value.message()
