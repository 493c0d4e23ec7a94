"""Known small cases from the literature, checked exactly. Each test names its source."""

from __future__ import annotations

import pytest

from cantiere.voting import Item, explain, tally

LETTERS = "ABCDE"


def _profile(groups: list[tuple[int, str]]) -> tuple[list[Item], list[dict]]:
    items = [Item(k, letter) for k, letter in enumerate(LETTERS, start=1)]
    index = {letter: k for k, letter in enumerate(LETTERS, start=1)}
    ballots = [{"order": [index[c] for c in order]} for count, order in groups for _ in range(count)]
    return items, ballots


# Wikipedia, "Schulze method", section "Example" (45 voters, 5 candidates);
# the same profile is example 1 in Schulze, Social Choice and Welfare 36 (2011).
WIKIPEDIA_SCHULZE = [
    (5, "ACBED"),
    (5, "ADECB"),
    (8, "BEDAC"),
    (3, "CABED"),
    (7, "CAEBD"),
    (2, "CBADE"),
    (7, "DCEBA"),
    (8, "EBADC"),
]


def test_schulze_wikipedia_45_voters_cycle():
    items, ballots = _profile(WIKIPEDIA_SCHULZE)
    result = tally("ranking", ballots, items, {})
    schulze = result.extra["schulze"]
    a, b, c, d, e = 1, 2, 3, 4, 5
    # the pairwise table d[X][Y] printed in the article
    assert result.extra["pairwise"][a] == {b: 20, c: 26, d: 30, e: 22}
    assert result.extra["pairwise"][e] == {a: 23, b: 27, c: 21, d: 31}
    # strongest paths printed in the article
    assert schulze["strongest_paths"][e] == {a: 25, b: 28, c: 28, d: 31}
    assert schulze["strongest_paths"][a] == {b: 28, c: 28, d: 30, e: 24}
    # "the full ranking is E > A > C > B > D", with no Condorcet winner (a cycle)
    assert schulze["ranking"] == ((e,), (a,), (c,), (b,), (d,))
    assert result.extra["condorcet_winner"] is None
    text = explain(result)
    assert "Metodo Schulze: vince «E»." in text
    assert any("Nessuna priorità batte tutte le altre" in line for line in text)


def test_borda_wikipedia_tennessee_capital():
    """Wikipedia, "Borda count" (Tennessee capital example): Memphis 42%,
    Nashville 26%, Chattanooga 15%, Knoxville 17%; Borda elects Nashville with
    194 points (on 100 voters), Chattanooga 173, Memphis 126, Knoxville 107."""
    memphis, nashville, chattanooga, knoxville = 1, 2, 3, 4
    items = [
        Item(memphis, "Memphis"),
        Item(nashville, "Nashville"),
        Item(chattanooga, "Chattanooga"),
        Item(knoxville, "Knoxville"),
    ]
    groups = [
        (42, [memphis, nashville, chattanooga, knoxville]),
        (26, [nashville, chattanooga, knoxville, memphis]),
        (15, [chattanooga, knoxville, nashville, memphis]),
        (17, [knoxville, chattanooga, nashville, memphis]),
    ]
    ballots = [{"order": order} for count, order in groups for _ in range(count)]
    result = tally("ranking", ballots, items, {})
    assert result.scores == {memphis: 126, nashville: 194, chattanooga: 173, knoxville: 107}
    assert result.ranking == ((nashville,), (chattanooga,), (memphis,), (knoxville,))
    # Nashville is also the Condorcet winner there, so Schulze agrees
    assert result.extra["condorcet_winner"] == nashville
    assert result.extra["schulze"]["winners"] == (nashville,)


# https://equalshares.net/explanation, "Example 1": budget 1100, 11 voters.
BIKE, GYM, PARK, PLAYGROUND, LIBRARY = 1, 2, 3, 4, 5
EQUALSHARES_ITEMS = [
    Item(BIKE, "pista ciclabile", 700),
    Item(GYM, "palestra all'aperto", 400),
    Item(PARK, "nuovo parco", 250),
    Item(PLAYGROUND, "nuovo parco giochi", 200),
    Item(LIBRARY, "biblioteca per bambini", 100),
]
# voters 1..11 (columns of the table), each with the projects they voted for
EQUALSHARES_BALLOTS = [
    {"approved": [BIKE, GYM]},
    {"approved": [BIKE, GYM, PARK]},
    {"approved": [BIKE, GYM]},
    {"approved": [BIKE, GYM, PARK]},
    {"approved": [BIKE, GYM, PARK]},
    {"approved": [BIKE, GYM]},
    {"approved": [PARK, PLAYGROUND, LIBRARY]},
    {"approved": [PLAYGROUND]},
    {"approved": [PLAYGROUND, LIBRARY]},
    {"approved": [PARK, PLAYGROUND, LIBRARY]},
    {"approved": [BIKE]},
]


def test_equal_shares_example_1_differs_from_greedy():
    result = tally("budget", EQUALSHARES_BALLOTS, EQUALSHARES_ITEMS, {"budget": 1100})
    assert result.scores == {BIKE: 7, GYM: 6, PARK: 5, PLAYGROUND: 4, LIBRARY: 3}
    # "they would select the bike path and then the outdoor gym, and then stop"
    assert result.extra["greedy"]["order"] == [BIKE, GYM]
    assert result.extra["greedy"]["spent"] == 1100
    # "the Method of Equal Shares will select the bike path, then the new
    # playground, and then the library for kids"
    mes = result.extra["equal_shares"]
    assert mes["order"] == [BIKE, PLAYGROUND, LIBRARY]
    assert mes["funded"] == {BIKE: 700, PLAYGROUND: 200, LIBRARY: 100}
    assert mes["spent"] == 1000 and mes["left"] == 100
    # each bike supporter pays 100, each playground supporter 50, library 33.3
    assert mes["rho"][BIKE] == pytest.approx(100)
    assert mes["rho"][PLAYGROUND] == pytest.approx(50)
    assert mes["rho"][LIBRARY] == pytest.approx(100 / 3)
    # nothing else fits in the 100 left, so the completion does not change it
    assert mes["completion_steps"] == 0
    assert any("I due metodi finanziano progetti diversi" in line for line in explain(result))


def test_equal_shares_red_blue_proportionality():
    """Wikipedia, "Method of Equal Shares", Motivation: 51% of voters support
    10 red projects, 49% support 10 blue ones, the budget pays for 10. Greedy
    (knapsack) funds the 10 red ones; Equal Shares 5 red and 5 blue (here only
    after the completion raises the voters' shares: the plain rule buys 5 + 4)."""
    red = [Item(k, f"rosso {k}", 1) for k in range(1, 11)]
    blue = [Item(k, f"blu {k}", 1) for k in range(11, 21)]
    ballots = [{"approved": [i.id for i in red]}] * 51 + [{"approved": [i.id for i in blue]}] * 49
    result = tally("budget", ballots, red + blue, {"budget": 10})
    red_ids, blue_ids = {i.id for i in red}, {i.id for i in blue}
    assert set(result.extra["greedy"]["order"]) == red_ids
    funded = set(result.extra["equal_shares"]["funded"])
    assert len(funded & red_ids) == 5 and len(funded & blue_ids) == 5
    assert result.extra["equal_shares"]["spent"] == 10
    assert result.extra["equal_shares"]["completion_steps"] > 0
    assert set(result.extra["equal_shares"]["phase"].values()) == {"equal_shares"}
