"""Voting charts build for every method, carry the Italian labels and show titles as typed."""

from __future__ import annotations

import pytest

from cantiere.charts_voting import CHARTS, result_chart, schulze_chart
from cantiere.errors import UnknownNameError
from cantiere.voting import METHODS, Item, Result, tally

ITEMS = [
    Item(1, "Casa Residenza Anziani", 40_000),
    Item(2, "Nido <b>d'infanzia</b>", 60_000),
    Item(3, "Centro per le famiglie", 30_000),
]
ROUNDS = {
    "dots": ({"dots": 3, "max_per_item": 2}, [{"dots": {"1": 2, "2": 1}}, {"dots": {"3": 2}}, {"dots": {"1": 1}}]),
    "approval": ({}, [{"approved": [1, 2]}, {"approved": [2]}, {"approved": [3]}]),
    "ranking": ({}, [{"order": [1, 2, 3]}, {"order": [2, 1]}, {"order": [3, 2, 1]}]),
    "budget": ({"budget": 100_000}, [{"approved": [1, 2]}, {"approved": [2, 3]}, {"approved": [3]}]),
    "pairwise": ({}, [{"comparisons": [[1, 2], [2, 3]]}, {"comparisons": [[1, 3], [2, 1, "skip"]]}]),
    "matrix": (
        {},
        [
            {"ratings": {"1": {"importance": 5, "feasibility": 4}, "2": {"importance": 2, "feasibility": 1}}},
            {"ratings": {"1": {"importance": 4, "feasibility": 4}}},
        ],
    ),
}
TITLES = {
    "dots": ("Punti per priorità", "Punti"),
    "approval": ("Approvazioni per priorità", "Partecipanti che approvano"),
    "ranking": ("Classifica: punti Borda", "Punti Borda"),
    "budget": ("Bilancio partecipativo: budget 100.000 €", "Euro assegnati"),
    "pairwise": ("Confronto a coppie (Bradley–Terry)", "Probabilità di vincere un confronto (%)"),
    "matrix": ("Importanza × fattibilità", "Fattibilità (media 1–5)"),
}


def _result(name: str) -> Result:
    params, ballots = ROUNDS[name]
    return tally(name, ballots, ITEMS, params)


def test_every_method_has_a_chart():
    assert set(CHARTS) == set(METHODS)


@pytest.mark.parametrize("name", list(METHODS))
def test_chart_builds_with_italian_labels(name):
    fig = result_chart(_result(name), ITEMS)
    title, x_axis = TITLES[name]
    assert fig.layout.title.text == title
    assert fig.layout.xaxis.title.text == x_axis
    assert fig.layout.title.subtitle.text.endswith(" schede")
    fig.to_json()  # serialisable, as st.plotly_chart needs


@pytest.mark.parametrize("name", list(METHODS))
def test_chart_in_english(name):
    fig = result_chart(_result(name), ITEMS, "en")
    assert fig.layout.title.text != TITLES[name][0]
    assert fig.layout.title.subtitle.text.endswith(" ballots")


@pytest.mark.parametrize("name", list(METHODS))
def test_chart_of_an_empty_round_builds_and_says_so(name):
    params = ROUNDS[name][0]
    fig = result_chart(tally(name, [], ITEMS, params), ITEMS)
    assert fig.layout.title.subtitle.text == "Nessuna scheda ancora"
    fig.to_json()


def _labels(fig) -> list[str]:
    labels = []
    for trace in fig.data:
        for attr in ("y", "x", "text"):
            value = getattr(trace, attr, None)
            if value is not None:
                labels += [v for v in value if isinstance(v, str)]
    return labels


@pytest.mark.parametrize("name", list(METHODS))
def test_titles_are_escaped_so_plotly_shows_them_as_typed(name):
    labels = _labels(result_chart(_result(name), ITEMS))
    assert "Nido &lt;b&gt;d&#x27;infanzia&lt;/b&gt;" in labels
    assert not any("<b>" in label for label in labels)


def test_bars_are_sorted_best_first_with_the_values():
    fig = result_chart(_result("dots"), ITEMS)
    bar = fig.data[0]
    assert list(bar.y) == [
        "Casa Residenza Anziani",
        "Centro per le famiglie",
        "Nido &lt;b&gt;d&#x27;infanzia&lt;/b&gt;",
    ]
    assert list(bar.x) == [3, 2, 1]


def test_budget_chart_shows_the_money_of_both_methods_and_the_costs():
    result = _result("budget")
    fig = result_chart(result, ITEMS)
    names = [trace.name for trace in fig.data]
    assert names == ["Quote uguali (Equal Shares)", "Più votati (greedy)", "Costo"]
    by_label = dict(zip(fig.data[0].y, fig.data[0].x))
    for item_id, money in result.extra["equal_shares"]["funded"].items():
        title = {1: "Casa Residenza Anziani", 3: "Centro per le famiglie"}.get(item_id)
        if title:
            assert by_label[title] == money


def test_matrix_chart_names_the_quadrants_and_splits_at_3():
    fig = result_chart(_result("matrix"), ITEMS)
    texts = {a.text for a in fig.layout.annotations}
    assert {
        "Priorità: importanti e fattibili",
        "Sfide: importanti ma difficili",
        "A portata di mano: fattibili, meno importanti",
        "Da rinviare",
    } <= texts
    assert fig.layout.yaxis.title.text == "Importanza (media 1–5)"
    lines = [shape for shape in fig.layout.shapes]
    assert {(s.x0, s.x1) for s in lines if s.x0 == s.x1} == {(3, 3)}
    # only rated items are points; item 3 was not rated
    assert len(fig.data[0].x) == 2


def test_schulze_heatmap_uses_the_head_to_head_counts():
    result = _result("ranking")
    fig = schulze_chart(result, ITEMS)
    assert fig.layout.title.text == "Confronti diretti: schede che preferiscono la riga alla colonna"
    heat = fig.data[0]
    order = [i for tier in result.extra["schulze"]["ranking"] for i in tier]
    row, col = order[0], order[1]
    assert heat.z[0][1] == result.extra["pairwise"][row][col]
    assert heat.z[0][0] is None


def test_unknown_method_has_no_chart():
    with pytest.raises(UnknownNameError):
        result_chart(Result("lotteria", 0, (), {}), ITEMS)
