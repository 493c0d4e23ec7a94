"""Map builders: escaping of imported text, Python-side clustering, gap colours."""

import pytest

from cantiere import maps_services, services


@pytest.mark.parametrize(
    "raw, safe",
    [
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("`${alert(1)}`", "&#96;&#36;&#123;alert(1)&#125;&#96;"),
        ("a\\`b", "a&#92;&#96;b"),
        ('Nido "Il Sole" & co', "Nido &quot;Il Sole&quot; &amp; co"),
        ("Sant’Agata", "Sant’Agata"),
    ],
)
def test_js_safe_escapes_html_and_template_literal_characters(raw, safe):
    assert maps_services.js_safe(raw) == safe


def sample():
    return services.sample_services()


def test_hostile_service_name_never_reaches_the_map_raw():
    frame = sample().head(1).copy()
    frame.loc[0, "nome"] = "`);alert(document.cookie);${x}<script>"
    html = maps_services.services_map(frame, mode="nessuno").get_root().render()
    assert "alert(document.cookie)" in html  # the text is there …
    assert "`);alert" not in html and "${x}" not in html and "<script>`" not in html  # … but inert
    assert "&#96;);alert(document.cookie);&#36;&#123;x&#125;&lt;script&gt;" in html


def test_clustering_groups_points_and_keeps_counts():
    frame = sample()
    located = frame.dropna(subset=["lat", "lon"])
    for mode in maps_services.CLUSTER_MODES:
        clusters = maps_services.cluster_points(frame, mode)
        assert clusters["n"].sum() == len(located)
        assert clusters["posti"].sum() == int(located["posti"].fillna(0).sum())
    assert len(maps_services.cluster_points(frame, "nessuno")) == len(located)
    assert len(maps_services.cluster_points(frame, "comune")) == 18
    assert len(maps_services.cluster_points(frame, "griglia")) < len(located)


def test_unknown_cluster_mode_lists_the_valid_ones():
    from cantiere.errors import UnknownNameError

    with pytest.raises(UnknownNameError) as caught:
        maps_services.cluster_points(sample(), "esagoni")
    assert "griglia" in caught.value.message("it")


def test_layer_and_base_are_separate_so_the_base_stays_constant():
    base = maps_services.services_base().get_root().render()
    assert "L.circleMarker(" not in base
    layer = maps_services.services_layer(sample(), "comune")
    assert len(layer._children) == 18


def test_services_map_uses_core_leaflet_only():
    html = maps_services.services_map(sample(), mode="comune").get_root().render()
    assert html.count("L.circleMarker(") == 18
    assert "markercluster" not in html.lower()


def test_gap_map_colours_each_comune_by_its_class():
    frame = sample()
    table = services.gap(frame, "cra")
    fmap = maps_services.gap_map(table)
    html = fmap.get_root().render()
    # Bagnara di Romagna and Solarolo have no CRA in the sample: darkest class
    assert html.count('"classe": "nessuno"') >= 2
    assert "Bagnara di Romagna: 0 posti" in html
    legend = maps_services.gap_legend("it")
    assert list(legend["classe"]) == list(maps_services.GAP_COLOURS)


def test_empty_selection_gives_an_empty_map_not_an_error():
    empty = sample().iloc[0:0]
    assert maps_services.cluster_points(empty).empty
    maps_services.services_map(empty).get_root().render()


def test_maps_open_on_the_whole_province():
    html = maps_services.services_map(sample()).get_root().render()
    assert "fitBounds" in html
    legend = maps_services.type_legend(["cra", "nido"], "it")
    assert legend["etichetta"].tolist() == [
        "Nido d'infanzia",
        "Casa Residenza Anziani (CRA)",
        "Gruppo di servizi di tipi diversi",
    ]
    assert maps_services.type_legend(["nido"], "it")["etichetta"].tolist() == ["Nido d'infanzia"]
