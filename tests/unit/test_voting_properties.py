"""Property tests (hypothesis): what must hold for every profile, per method.

Each property is one that is actually true for the method it is tested on:
- every tally is independent of the order of the ballots;
- Schulze elects the Condorcet winner whenever one exists;
- adding a ballot that puts the current winner at the top never lowers it
  (dots, approval, Borda; matrix: a ballot rating only the winner 5 × 5);
- Equal Shares and greedy never spend more than the budget and never give an
  item more than its cost (Equal Shares buys only items someone voted for);
- a pairwise item that wins every comparison against every other item ranks
  first, alone.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from cantiere.voting import (
    Item,
    method,
    next_pair,
    pairwise_preferences,
    tally,
)

FAST = settings(max_examples=60, deadline=None)


def _items(m: int, costs: list[int] | None = None) -> list[Item]:
    return [Item(k, f"Priorità {k}", float(costs[k - 1]) if costs else None) for k in range(1, m + 1)]


@st.composite
def dots_round(draw):
    m = draw(st.integers(1, 6))
    dots = draw(st.integers(1, 6))
    cap = draw(st.integers(1, dots))
    ballots = []
    for _ in range(draw(st.integers(0, 12))):
        counts: dict[str, int] = {}
        left = dots
        for k in draw(st.permutations(range(1, m + 1))):
            n = draw(st.integers(0, min(cap, left)))
            if n:
                counts[str(k)] = n
                left -= n
        if not counts:
            counts[str(draw(st.integers(1, m)))] = 1
        ballots.append({"dots": counts})
    return _items(m), {"dots": dots, "max_per_item": cap}, ballots


@st.composite
def approval_round(draw):
    m = draw(st.integers(1, 6))
    ids = list(range(1, m + 1))
    subsets = st.lists(st.sampled_from(ids), min_size=1, max_size=m, unique=True)
    ballots = [{"approved": sorted(s)} for s in draw(st.lists(subsets, max_size=12))]
    return _items(m), {}, ballots


@st.composite
def ranking_round(draw, max_items=5, max_ballots=12):
    m = draw(st.integers(1, max_items))
    ids = list(range(1, m + 1))
    ballots = []
    for _ in range(draw(st.integers(0, max_ballots))):
        order = draw(st.permutations(ids))
        ballots.append({"order": list(order[: draw(st.integers(1, m))])})
    return _items(m), {}, ballots


@st.composite
def budget_round(draw):
    m = draw(st.integers(1, 6))
    costs = draw(st.lists(st.integers(1, 50), min_size=m, max_size=m))
    budget = draw(st.integers(max(costs), 150))
    items = _items(m, costs)
    ballots = []
    for _ in range(draw(st.integers(0, 15))):
        chosen, total = [], 0
        for k in draw(st.permutations(range(1, m + 1))):
            if draw(st.booleans()) and total + costs[k - 1] <= budget:
                chosen.append(k)
                total += costs[k - 1]
        if not chosen:
            chosen = [draw(st.integers(1, m))]
        ballots.append({"approved": sorted(chosen)})
    return items, {"budget": budget}, ballots


@st.composite
def pairwise_round(draw):
    m = draw(st.integers(2, 6))
    ids = list(range(1, m + 1))
    pairs = [(a, b) for a in ids for b in ids if a < b]
    answer = st.sampled_from(pairs).flatmap(
        lambda p: st.sampled_from([[p[0], p[1]], [p[1], p[0]], [p[0], p[1], "skip"]])
    )
    ballots = [{"comparisons": c} for c in draw(st.lists(st.lists(answer, min_size=1, max_size=8), max_size=8))]
    return _items(m), {}, ballots


@st.composite
def matrix_round(draw):
    m = draw(st.integers(1, 5))
    ids = list(range(1, m + 1))
    mark = st.integers(1, 5)
    ballots = []
    for _ in range(draw(st.integers(0, 10))):
        rated = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=m, unique=True))
        ballots.append({"ratings": {str(k): {"importance": draw(mark), "feasibility": draw(mark)} for k in rated}})
    return _items(m), {}, ballots


ROUNDS = {
    "dots": dots_round(),
    "approval": approval_round(),
    "ranking": ranking_round(),
    "budget": budget_round(),
    "pairwise": pairwise_round(),
    "matrix": matrix_round(),
}


def _check_order_independence(name, data):
    items, params, ballots = data.draw(ROUNDS[name])
    for ballot in ballots:  # the strategies build valid ballots
        assert method(name).validate(ballot, items, params) is not None
    shuffled = data.draw(st.permutations(ballots))
    assert tally(name, ballots, items, params) == tally(name, list(shuffled), items, params)


@FAST
@given(st.data())
def test_dots_do_not_depend_on_ballot_order(data):
    _check_order_independence("dots", data)


@FAST
@given(st.data())
def test_approval_does_not_depend_on_ballot_order(data):
    _check_order_independence("approval", data)


@FAST
@given(st.data())
def test_ranking_does_not_depend_on_ballot_order(data):
    _check_order_independence("ranking", data)


@FAST
@given(st.data())
def test_budget_does_not_depend_on_ballot_order(data):
    _check_order_independence("budget", data)


@FAST
@given(st.data())
def test_pairwise_does_not_depend_on_ballot_order(data):
    _check_order_independence("pairwise", data)


@FAST
@given(st.data())
def test_matrix_does_not_depend_on_ballot_order(data):
    _check_order_independence("matrix", data)


# --- Schulze and Condorcet -------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(ranking_round(max_items=5, max_ballots=15))
def test_schulze_elects_the_condorcet_winner_whenever_there_is_one(data):
    items, params, ballots = data
    ids = [item.id for item in items]
    orders = [b["order"] for b in ballots]
    d = pairwise_preferences(orders, ids)
    winners = [a for a in ids if all(d[a][b] > d[b][a] for b in ids if b != a)]
    result = tally("ranking", ballots, items, params)
    if ballots and len(ids) > 1 and winners:
        assert result.extra["condorcet_winner"] == winners[0]
        assert result.extra["schulze"]["winners"] == (winners[0],)
    else:
        assert result.extra["condorcet_winner"] is None


def test_condorcet_winner_found_on_a_hand_built_profile():
    # B beats A 3-2 and C 4-1; A beats C: B is the Condorcet winner and Schulze agrees
    items = _items(3)
    ballots = [{"order": [1, 2, 3]}] * 2 + [{"order": [2, 1, 3]}] * 2 + [{"order": [2, 3, 1]}]
    result = tally("ranking", ballots, items, {})
    assert result.extra["condorcet_winner"] == 2
    assert result.extra["schulze"]["ranking"] == ((2,), (1,), (3,))


# --- adding a ballot that favours the winner never lowers it -------------------------------


@FAST
@given(dots_round(), st.data())
def test_dots_a_ballot_for_the_winner_keeps_it_on_top(data, more):
    items, params, ballots = data
    result = tally("dots", ballots, items, params)
    if not result.winners:
        return
    winner = more.draw(st.sampled_from(result.winners))
    extra = {str(winner): params["max_per_item"]}
    left = params["dots"] - params["max_per_item"]
    for item in items:
        if item.id != winner and left:
            n = more.draw(st.integers(0, min(left, params["max_per_item"])))
            if n:
                extra[str(item.id)] = n
                left -= n
    after = tally("dots", ballots + [{"dots": extra}], items, params)
    assert winner in after.winners


@FAST
@given(approval_round(), st.data())
def test_approval_a_ballot_for_the_winner_keeps_it_on_top(data, more):
    items, params, ballots = data
    result = tally("approval", ballots, items, params)
    if not result.winners:
        return
    winner = more.draw(st.sampled_from(result.winners))
    others = more.draw(st.lists(st.sampled_from([i.id for i in items]), unique=True))
    after = tally("approval", ballots + [{"approved": sorted({winner, *others})}], items, params)
    assert winner in after.winners


@FAST
@given(ranking_round(), st.data())
def test_borda_a_ballot_ranking_the_winner_first_keeps_it_on_top(data, more):
    items, params, ballots = data
    result = tally("ranking", ballots, items, params)
    if not result.winners:
        return
    winner = more.draw(st.sampled_from(result.winners))
    rest = more.draw(st.permutations([i.id for i in items if i.id != winner]))
    cut = more.draw(st.integers(0, len(rest)))
    after = tally("ranking", ballots + [{"order": [winner, *rest[:cut]]}], items, params)
    assert winner in after.winners


@FAST
@given(matrix_round(), st.data())
def test_matrix_a_top_rating_of_the_winner_keeps_it_on_top(data, more):
    items, params, ballots = data
    result = tally("matrix", ballots, items, params)
    if not result.winners:
        return
    winner = more.draw(st.sampled_from(result.winners))
    top = {"ratings": {str(winner): {"importance": 5, "feasibility": 5}}}
    assert winner in tally("matrix", ballots + [top], items, params).winners


@FAST
@given(matrix_round())
def test_matrix_means_and_spreads_stay_on_the_scale(data):
    items, params, ballots = data
    for stats in tally("matrix", ballots, items, params).extra["stats"].values():
        if stats["n"]:
            for axis in ("importance", "feasibility"):
                assert 1 <= stats[axis] <= 5
                assert 0 <= stats[f"{axis}_sd"] <= 2


# --- budget -------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(budget_round())
def test_budget_outcomes_never_overspend_nor_overpay(data):
    items, params, ballots = data
    result = tally("budget", ballots, items, params)
    costs = {item.id: item.cost for item in items}
    voted = {int(i) for b in ballots for i in b["approved"]}
    for name in ("greedy", "equal_shares"):
        outcome = result.extra[name]
        assert outcome["spent"] <= params["budget"] + 1e-9
        assert sum(outcome["funded"].values()) == outcome["spent"]
        for item_id, money in outcome["funded"].items():
            assert money <= costs[item_id]
            assert item_id in voted
        assert len(outcome["order"]) == len(set(outcome["order"]))
    mes = result.extra["equal_shares"]
    # whoever pays in the Equal Shares phase pays at most ρ and ρ never exceeds the share
    for _item_id, rho in mes["rho"].items():
        assert rho <= mes["share_per_voter"] + 1e-9
    assert mes["share_per_voter"] >= mes["initial_share"]


@FAST
@given(budget_round())
def test_greedy_is_exhaustive(data):
    """Greedy stops only when no voted item fits in what is left."""
    items, params, ballots = data
    result = tally("budget", ballots, items, params)
    greedy = result.extra["greedy"]
    voted = {int(i) for b in ballots for i in b["approved"]}
    for item in items:
        if item.id in voted and item.id not in greedy["funded"]:
            assert item.cost > greedy["left"] + 1e-9


# --- pairwise -------------------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_pairwise_item_winning_every_comparison_ranks_first(data):
    m = data.draw(st.integers(2, 6))
    ids = list(range(1, m + 1))
    champion = data.draw(st.sampled_from(ids))
    others = [i for i in ids if i != champion]
    ballots = []
    for _ in range(data.draw(st.integers(1, 6))):
        comparisons = [[champion, other] for other in others]
        for _ in range(data.draw(st.integers(0, 6)) if len(others) > 1 else 0):
            a, b = data.draw(st.permutations(others))[:2]
            comparisons.append(data.draw(st.sampled_from([[a, b], [b, a], [a, b, "skip"]])))
        ballots.append({"comparisons": data.draw(st.permutations(comparisons))})
    result = tally("pairwise", ballots, _items(m), {})
    assert result.ranking[0] == (champion,)
    assert result.extra["share_won"][champion] == 100.0


@FAST
@given(pairwise_round(), st.integers(0, 10_000))
def test_next_pair_never_repeats_an_answered_pair_while_others_are_left(data, seed):
    items, _, ballots = data
    mine = [c for b in ballots[:1] for c in b["comparisons"]]
    pair = next_pair(items, ballots, random.Random(seed), mine=mine)
    answered = {frozenset(c[:2]) for c in mine}
    all_pairs = {frozenset((a.id, b.id)) for a in items for b in items if a.id < b.id}
    assert pair is not None and pair[0] != pair[1]
    if all_pairs - answered:
        assert frozenset(pair) not in answered
