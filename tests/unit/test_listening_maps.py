"""Maps and exports of the listening phase: XSS payloads typed as notes and
titles never reach the map HTML; hidden items vanish from every public output."""

from __future__ import annotations

import json
import re

import pytest

from cantiere import atlas, export, mapkit, maps, maps_listening, pins
from cantiere import listening as lis
from cantiere import workshop as w
from cantiere.store import workshops as db

FAC = w.Actor.command_line()
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "`); alert(1); //",
    "\\u0060",
    "javascript:alert(1)",
)
SPOTS = [
    (44.41751, 12.1996),
    (44.2856, 11.8833),
    (44.26306, 12.34911),
    (44.4236, 11.9163),
    (44.3197, 11.799),
    (44.2237, 11.6265),
]


@pytest.fixture
def with_payloads(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Laboratorio", "", [{"title": "Caregiver"}], phase="ascolto")
    _, who = w.join(fresh_store, ws.code)
    created = [lis.add_pin(fresh_store, who, lat, lon, "altro", note) for (lat, lon), note in zip(SPOTS, PAYLOADS)]
    lis.hide_pin(fresh_store, FAC, created[1].id)
    for n, payload in enumerate(PAYLOADS):
        lis.submit_proposal(fresh_store, who, f"{payload} {n}", description=payload, target_group=payload)
    return fresh_store, db.get_workshop(fresh_store, ws.id), created


def rendered(m, *layers) -> str:
    for layer in layers:
        layer.add_to(m)
    return m.get_root().render()


def assert_clean(html_text: str) -> None:
    for payload in PAYLOADS:
        assert payload not in html_text
    assert "alert(" not in html_text and "onerror" not in html_text and "javascript:" not in html_text


def test_projector_map_has_numbers_not_notes(with_payloads):
    store, ws, created = with_payloads
    points = lis.public_pins(store, ws.id)
    page = rendered(mapkit.base_map("offline"), maps_listening.pins_layer(points, "public"))
    assert_clean(page)
    assert page.count("L.circleMarker(") == len(PAYLOADS) - 1  # the hidden one is not drawn
    tooltips = re.findall(r"bindTooltip\(\s*`<div>\s*(.*?)\s*</div>`", page)
    assert sorted(tooltips) == sorted(str(p.id) for p in points)  # numbers only


def test_facilitator_and_phone_maps_have_no_participant_text(with_payloads):
    store, ws, created = with_payloads
    exact = lis.exact_pins(store, FAC, ws.id)
    page = rendered(
        mapkit.base_map("auto"),
        maps_listening.pins_layer(exact, "exact"),
        maps_listening.provisional_layer((44.4, 12.2)),
    )
    assert_clean(page)
    assert page.count("L.circleMarker(") == len(PAYLOADS) + 1
    assert "44.41751" in page  # exact position for the facilitator


def test_atlante_layer_is_coarsened_text_free_and_without_hidden_pins(with_payloads):
    store, ws, created = with_payloads
    points = lis.public_pins(store)
    view = atlas.build("quota_65", "comune", 2023, "quantili")
    page = rendered(
        maps.base_map("offline"), maps.choropleth_layer(view.geojson, "65+"), maps_listening.coordinator_layer(points)
    )
    assert_clean(page)
    assert "44.41751" not in page  # never the exact tap
    hidden = created[1]
    assert f"{pins.coarsen(hidden.lat, hidden.lon)[0]}" not in page
    assert "L.rectangle(" in page  # the density squares


def test_public_export_drops_hidden_and_coarsens(with_payloads):
    store, ws, created = with_payloads
    target, source = lis.visible_proposals(store, ws.id)[:2]
    lis.hide_proposal(store, FAC, lis.visible_proposals(store, ws.id)[2].id)
    lis.merge(store, FAC, source.id, target.id)
    public = export.build(store, ws, public=True)
    private = export.build(store, ws)
    notes = [f["properties"]["note"] for f in public["pins"]["features"]]
    assert PAYLOADS[1] not in notes and len(notes) == len(PAYLOADS) - 1
    assert public["pins"]["positions"] == "coarsened_200m"
    first = public["pins"]["features"][0]["geometry"]["coordinates"]
    assert tuple(reversed(first)) == pins.coarsen(*SPOTS[0])
    assert len(public["proposals"]) == len(PAYLOADS) - 2 and public["events"] == []
    assert all("hidden" not in p for p in public["proposals"])
    assert len(private["proposals"]) == len(PAYLOADS)
    assert [f["geometry"]["coordinates"] for f in private["pins"]["features"]][0] == [SPOTS[0][1], SPOTS[0][0]]
    assert any(f["properties"]["hidden"] for f in private["pins"]["features"])
    json.loads(export.to_json(private))  # GeoJSON inside stays valid JSON
    # no participant reference anywhere in the supports
    assert all(set(s) == {"proposal_id", "created_at"} for s in private["supports"])


def test_csv_export_has_the_listening_tables_with_formula_cells_escaped(with_payloads):
    store, ws, _ = with_payloads
    tables = export.tables(export.build(store, ws))
    assert {"proposals", "supports", "pins"} <= set(tables)
    assert len(tables["pins"]) == len(PAYLOADS) and {"lat", "lon", "note"} <= set(tables["pins"].columns)


def test_heat_colour_darkens_with_count():
    colours = [maps_listening.heat_colour(n) for n in (1, 3, 6, 10, 50)]
    assert colours == ["#fee391", "#fe9929", "#d95f0e", "#993404", "#993404"]


def test_coordinator_layer_passes_the_offline_check():
    layer = maps_listening.coordinator_layer([lis.PublicPin(1, 44.4, 12.2, "Ravenna", "altro", "x")])
    mapkit.check_local(layer)  # core Leaflet only: no plugin, no CDN


def test_many_pins_on_coordinators_maps_become_density_only():
    many = [
        lis.PublicPin(n, 44.4 + (n % 40) * 0.002, 12.1 + (n // 40) * 0.002, "Ravenna", "altro", "") for n in range(400)
    ]
    page = rendered(mapkit.base_map("offline"), maps_listening.coordinator_layer(many))
    assert page.count("L.circleMarker(") == 0 and page.count("L.rectangle(") > 0
    few = many[: maps_listening.MAX_DOTS]
    assert rendered(mapkit.base_map("offline"), maps_listening.coordinator_layer(few)).count("L.circleMarker(") == len(
        few
    )
