"""Results shaping: small groups merged or suppressed, breakdowns that never
show a figure resting on fewer than 5 people, ranks across rounds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cantiere import results, voting
from cantiere.results import OTHERS, UNKNOWN, Voter

ITEMS = [voting.Item(1, "Nido"), voting.Item(2, "Centro diurno"), voting.Item(3, "Trasporto")]


def test_merge_small_keeps_big_groups_and_merges_small_ones():
    assert results.merge_small({"Ravenna": 7, "Cervia": 3, "Russi": 2}) == {
        "Ravenna": "Ravenna",
        "Cervia": OTHERS,
        "Russi": OTHERS,
    }


def test_a_small_leftover_pulls_the_smallest_group_into_altri():
    # otherwise total − Ravenna would show Casola Valsenio's 3 ballots by difference
    assert results.merge_small({"Ravenna": 7, "Casola Valsenio": 3}) == {"Ravenna": OTHERS, "Casola Valsenio": OTHERS}
    assert results.merge_small({"Ravenna": 5, "Faenza": 6, "Casola Valsenio": 3}) == {
        "Ravenna": OTHERS,
        "Faenza": "Faenza",
        "Casola Valsenio": OTHERS,
    }


def test_fewer_than_five_in_all_shows_nothing():
    assert results.merge_small({"Ravenna": 2, "Lugo": 2}) == {"Ravenna": None, "Lugo": None}


def test_a_group_literally_called_altri_is_never_shown_alone():
    assert results.merge_small({OTHERS: 6, "Lugo": 2}) == {OTHERS: OTHERS, "Lugo": OTHERS}


@given(st.dictionaries(st.text(min_size=1, max_size=5), st.integers(min_value=1, max_value=20), max_size=8))
def test_no_figure_below_threshold_directly_or_by_difference(sizes):
    target = results.merge_small(sizes)
    shown: dict[str, int] = {}
    for group, n in sizes.items():
        if target[group] is not None:
            shown[target[group]] = shown.get(target[group], 0) + n
    assert all(n >= results.MIN_GROUP for n in shown.values())
    total = sum(sizes.values())
    if total >= results.MIN_GROUP:
        # everyone is in a shown group: the overall result minus the shown
        # groups leaves nobody to single out
        assert sum(shown.values()) == total
    else:
        assert shown == {}
    assert all(target[g] in (g, OTHERS) for g, n in sizes.items() if n >= results.MIN_GROUP)


def test_group_of_each_dimension():
    voter = Voter(1, "Casola Valsenio", "operatore")
    assert results.group_of(voter, "comune") == "Casola Valsenio"
    assert results.group_of(voter, "district") == "Faenza"
    assert results.group_of(voter, "role") == "operatore"
    assert results.group_of(Voter(2, "fuori provincia", None), "district") == results.OUTSIDE
    assert results.group_of(Voter(3), "role") == UNKNOWN


def test_unknown_dimension_lists_the_valid_ones():
    import pytest

    from cantiere.errors import UnknownNameError

    with pytest.raises(UnknownNameError) as info:
        results.group_of(Voter(1), "età")
    assert info.value.valid == list(results.DIMENSIONS)


def _voters_and_ballots():
    voters, ballots = {}, []
    people = [("Ravenna", 1)] * 5 + [("Faenza", 2)] * 6 + [("Casola Valsenio", 3)] * 3
    for pid, (comune, choice) in enumerate(people, start=1):
        voters[pid] = Voter(pid, comune, "cittadino")
        ballots.append((pid, {"approved": [choice]}))
    return voters, ballots


def test_breakdown_by_comune_gives_the_three_person_group_no_figure():
    voters, ballots = _voters_and_ballots()
    bd = results.breakdown("approval", ballots, voters, ITEMS, {}, "comune")
    # Casola Valsenio (3) goes into "altri" with the smallest shown group (Ravenna, 5)
    assert [(g.label, g.size) for g in bd.groups] == [("Faenza", 6), (OTHERS, 8)]
    assert bd.merged_any and not bd.suppressed_any
    assert not any(g.label == "Casola Valsenio" for g in bd.groups)
    assert bd.groups[1].result.scores == {1: 5, 2: 0, 3: 3}


def test_breakdown_of_a_tiny_round_shows_no_group():
    voters, ballots = _voters_and_ballots()
    bd = results.breakdown("approval", ballots[:4], voters, ITEMS, {}, "comune")
    assert bd.groups == () and bd.suppressed_any


def test_breakdown_by_district_counts_the_small_comune_in_its_district():
    voters, ballots = _voters_and_ballots()
    bd = results.breakdown("approval", ballots, voters, ITEMS, {}, "district")
    assert [(g.label, g.size) for g in bd.groups] == [("Faenza", 9), ("Ravenna", 5)]
    faenza = bd.groups[0].result.scores
    assert (faenza[2], faenza[3]) == (6, 3)


def test_breakdown_merges_two_small_groups_into_altri():
    voters = {k: Voter(k, None, "operatore" if k <= 3 else "altro" if k <= 6 else "cittadino") for k in range(1, 13)}
    ballots = [(k, {"order": [1, 2]}) for k in voters]
    bd = results.breakdown("ranking", ballots, voters, ITEMS, {}, "role")
    assert [(g.label, g.size, g.merged) for g in bd.groups] == [("cittadino", 6, False), (OTHERS, 6, True)]
    assert bd.merged_any and not bd.suppressed_any


def test_counts_largest_first_altri_last():
    voters = (
        [Voter(k, None, "cittadino") for k in range(6)]
        + [Voter(10 + k, None, "operatore") for k in range(3)]
        + [Voter(20 + k, None, "altro") for k in range(2)]
    )
    assert results.counts(voters, "role") == [("cittadino", 6), (OTHERS, 5)]


def _round(position, ranking_ballots):
    result = voting.tally("ranking", ranking_ballots, ITEMS, {})
    return results.RoundResult(position, position, "ranking", {}, "closed", tuple(ITEMS), result, ())


def test_ranks_share_the_best_rank_on_ties():
    result = voting.tally("approval", [{"approved": [1, 2]}], ITEMS, {})
    assert results.ranks(result) == {1: 1, 2: 1, 3: 3}


def test_compare_rounds_gives_rank_per_round():
    first = _round(1, [{"order": [1, 2, 3]}] * 2)
    second = _round(2, [{"order": [3, 1, 2]}] * 2)
    rows = results.compare_rounds([first, second])
    assert [(r["title"], r["ranks"]) for r in rows] == [
        ("Trasporto", [3, 1]),
        ("Nido", [1, 2]),
        ("Centro diurno", [2, 3]),
    ]


def test_describe_params_in_words():
    assert (
        results.describe_params("dots", {"dots": 5, "max_per_item": 2})
        == "Punti (dot voting): 5 punti, massimo 2 per priorità"
    )
    assert results.describe_params("budget", {"budget": 100000}) == "Bilancio partecipativo: budget di 100.000 €"
    assert results.describe_params("budget", {"budget": 100000}, "en") == "Participatory budgeting: budget of €100,000"


def test_details_of_a_budget_round_say_what_each_rule_funds():
    # Equal Shares differs from greedy here: the 2 voters of C pay for it with their share
    items = [voting.Item(1, "A", 60), voting.Item(2, "B", 40), voting.Item(3, "C", 40)]
    ballots = [{"approved": [1, 2]}] * 3 + [{"approved": [3]}] * 2
    result = voting.tally("budget", ballots, items, {"budget": 100})
    details = dict(results.details(result))
    greedy, shares = details["Per voti (greedy)"], details["Quote uguali (Equal Shares)"]
    assert [k for k, v in greedy.items() if v] == sorted(result.extra["greedy"]["funded"])
    assert [k for k, v in shares.items() if v] == sorted(result.extra["equal_shares"]["funded"])
    assert details["Costo (€)"] == {1: "60", 2: "40", 3: "40"}


def test_details_of_a_matrix_round_give_means_and_dashes():
    result = voting.tally("matrix", [{"ratings": {"1": {"importance": 4, "feasibility": 2}}}], ITEMS, {})
    assert results.details(result, "it") == [
        ("Importanza", {1: "4,00", 2: "–", 3: "–"}),
        ("Fattibilità", {1: "2,00", 2: "–", 3: "–"}),
    ]
