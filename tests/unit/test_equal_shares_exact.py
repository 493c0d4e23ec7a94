"""The Method of Equal Shares, exactly: the written tie rule decides ties (not
float rounding), the add1 completion runs to its end (no cap on the steps),
published examples give their published outcomes, and the fast run (which
skips the shares where nothing can change) agrees with a plain transcription
of equalshares.net's reference code over many random elections."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cantiere.voting import Item, equal_shares, equal_shares_fixed_budget, explain, tally

# --- a plain reference: equalshares.net's code (https://equalshares.net/implementation/computation),
# with Fractions, our tie rule, a configurable step, and exhaustiveness over supported projects ----


def _reference_fixed(voters, projects, cost, approvers, total, votes, position):
    budget = {i: Fraction(total) / len(voters) for i in voters}
    remaining = {c: Fraction(votes[c]) for c in projects if cost[c] > 0 and votes[c] > 0}
    winners = []
    while True:
        best, best_eff = [], Fraction(0)
        for c in sorted(remaining, key=lambda c: remaining[c], reverse=True):
            if remaining[c] < best_eff:
                break
            if sum(budget[i] for i in approvers[c]) < cost[c]:
                del remaining[c]
                continue
            payers = sorted(approvers[c], key=lambda i: budget[i])
            paid, denominator = Fraction(0), len(payers)
            for i in payers:
                max_payment = (cost[c] - paid) / denominator
                eff = cost[c] / max_payment
                if max_payment > budget[i]:
                    paid += budget[i]
                    denominator -= 1
                else:
                    remaining[c] = eff
                    if eff > best_eff:
                        best, best_eff = [c], eff
                    elif eff == best_eff:
                        best.append(c)
                    break
        if not best:
            return winners
        chosen = min(best, key=lambda c: (-votes[c], cost[c], position[c]))  # more votes, cheaper, earlier
        winners.append(chosen)
        del remaining[chosen]
        payment = cost[chosen] / best_eff
        for i in approvers[chosen]:
            budget[i] = budget[i] - payment if budget[i] > payment else Fraction(0)


def reference(ballots, costs, total, order, step=Fraction(1, 100)):
    """Equal Shares with the add1 completion, one step after the other."""
    voters = list(range(len(ballots)))
    cost = {c: Fraction(str(costs[c])) for c in order}
    approvers = {c: [i for i in voters if c in ballots[i]] for c in order}
    votes = {c: len(approvers[c]) for c in order}
    position = {c: k for k, c in enumerate(order)}
    total = Fraction(str(total))
    supported = [c for c in order if votes[c] > 0]
    mes = _reference_fixed(voters, order, cost, approvers, total, votes, position)
    per_voter = math.floor(total / len(voters) / step) * step
    while True:
        spent = sum(cost[c] for c in mes)
        if all(c in mes or spent + cost[c] > total for c in supported):
            return mes
        per_voter += step
        following = _reference_fixed(voters, order, cost, approvers, per_voter * len(voters), votes, position)
        if sum(cost[c] for c in following) > total:
            return mes
        mes = following


def _items(costs):
    return [Item(k, f"Progetto {k}", c) for k, c in enumerate(costs, start=1)]


def _funded(result):
    return result.extra["equal_shares"]["order"]


# --- the two elections of issue 14 ------------------------------------------------------------


def test_a_tie_in_effective_votes_goes_by_the_written_rule_not_by_float_rounding():
    """Budget 11; three ballots {X 5, Y 6}, one ballot {W 1}. X and Y both have 3
    effective votes (5 ÷ 5/3 = 6 ÷ 2 = 3): a tie, which the rule gives to the
    cheaper X (same votes). In floats 5/(5/3) and 6/2 differ in the 17th digit."""
    X, Y, W = 1, 2, 3
    items = [Item(X, "X", 5), Item(Y, "Y", 6), Item(W, "W", 1)]
    ballots = [{"approved": [X, Y]}] * 3 + [{"approved": [W]}]
    result = tally("budget", ballots, items, {"budget": 11})
    mes = result.extra["equal_shares"]
    assert X in mes["funded"] and Y not in mes["funded"]
    assert mes["order"][0] == X
    assert equal_shares([[X, Y]] * 3 + [[W]], {X: 5, Y: 6, W: 1}, 11, [X, Y, W])["selected"][0] == X


def test_the_completion_runs_to_its_canonical_end():
    """Budget 100; 17 × {Q 40}, 2 × {T 60}, 1 × {P 28}. The share must rise from
    5 to 28 € for P's one voter to pay it: a completion capped at 400 steps of
    1% stopped at 25 € and filled greedily with T; the canonical run funds Q and P."""
    Q, T, P = 1, 2, 3
    items = [Item(Q, "Q", 40), Item(T, "T", 60), Item(P, "P", 28)]
    ballots = [{"approved": [Q]}] * 17 + [{"approved": [T]}] * 2 + [{"approved": [P]}]
    result = tally("budget", ballots, items, {"budget": 100})
    mes = result.extra["equal_shares"]
    assert set(mes["funded"]) == {Q, P}
    assert mes["phase"] == {Q: "equal_shares", P: "equal_shares"}
    assert mes["share_per_voter"] == 28
    assert mes["initial_share"] == 5
    assert mes["completion_steps"] == 2300  # 23 € in cents
    assert any("fino a 28 €" in line for line in explain(result))
    assert reference([{Q}] * 17 + [{T}] * 2 + [{P}], {Q: 40, T: 60, P: 28}, 100, [Q, T, P]) == [Q, P]


# --- published examples ---------------------------------------------------------------------

# https://equalshares.net/explanation, Example 2: budget 1100, 11 voters, the right-most
# voter votes for the outdoor gym instead of the bike path.
BIKE, GYM, PARK, PLAYGROUND, LIBRARY = 1, 2, 3, 4, 5
COSTS = {BIKE: 700, GYM: 400, PARK: 250, PLAYGROUND: 200, LIBRARY: 100}
EXAMPLE_2 = [
    [BIKE, GYM],
    [BIKE, GYM, PARK],
    [BIKE, GYM],
    [BIKE, GYM, PARK],
    [BIKE, GYM, PARK],
    [BIKE, GYM],
    [PARK, PLAYGROUND, LIBRARY],
    [PLAYGROUND],
    [PLAYGROUND, LIBRARY],
    [PARK, PLAYGROUND, LIBRARY],
    [GYM],
]


def test_equalshares_net_example_2_without_completion():
    """ "the Method of Equal Shares selects the gym (400/7 = 57.14 each), then the
    park (three pay their 42.86, two pay 60.5), then the playground"."""
    order = list(COSTS)
    assert equal_shares_fixed_budget(EXAMPLE_2, COSTS, 1100, order) == [GYM, PARK, PLAYGROUND]


def test_equalshares_net_example_2_with_completion_matches_the_reference():
    order = list(COSTS)
    mes = equal_shares(EXAMPLE_2, COSTS, 1100, order)
    assert mes["selected"] == reference([set(b) for b in EXAMPLE_2], COSTS, 1100, order)
    assert sum(COSTS[i] for i in mes["selected"]) <= 1100
    assert mes["rho"][GYM] == Fraction(400, 7) or mes["share"] > 100


def test_pabutools_approval_example_2_with_a_tenth_step():
    """pabutools tests/rules/test_rule.py, "AppEx_2" with cost utilities (the
    effective vote count of equalshares.net): budget 4; ballots {p0}, {p1 p2 p3}
    twice, {p2}. Plain MES: p2, p0. Iterated with +0.1 per voter: p0, p1, p2."""
    p0, p1, p2, p3 = 0, 1, 2, 3
    costs = {p0: 1, p1: 0.9, p2: 2, p3: 1.09}
    ballots = [[p0], [p1, p2, p3], [p1, p2, p3], [p2]]
    assert equal_shares_fixed_budget(ballots, costs, 4, [p0, p1, p2, p3]) == [p2, p0]
    completed = equal_shares(ballots, costs, 4, [p0, p1, p2, p3], step=Fraction(1, 10))
    assert sorted(completed["selected"]) == [p0, p1, p2]


def test_pabutools_approval_example_3_projects_nobody_chose_do_not_count():
    """ "AppEx_3": as AppEx_2 with two more projects nobody approved."""
    costs = {0: 1, 1: 0.9, 2: 2, 3: 1.09, 4: 1.09, 5: 1.09}
    ballots = [[0], [1, 2, 3], [1, 2, 3], [2]]
    completed = equal_shares(ballots, costs, 4, list(costs), step=Fraction(1, 10))
    assert sorted(completed["selected"]) == [0, 1, 2]


def test_lackner_skowron_running_example():
    """pabutools, "RunningEx LackSkow23" (Lackner & Skowron, Multi-Winner Voting
    with Approval Preferences, 2023): seven projects of cost 1, budget 4, twelve
    voters; plain Equal Shares buys only a."""
    a, b, c, d, e, f, g = range(7)
    ballots = [[a, b]] * 3 + [[a, c]] * 3 + [[a, d]] * 2 + [[b, c, f], [e], [f], [g]]
    costs = dict.fromkeys(range(7), 1)
    assert equal_shares_fixed_budget(ballots, costs, 4, list(range(7))) == [a]


def test_all_affordable():
    """pabutools, "AllAfford": one voter approves everything and the budget pays it all."""
    costs = {0: 1, 1: 3, 2: 2, 3: 1}
    assert sorted(equal_shares([[0, 1, 2, 3]], costs, 7, list(costs))["selected"]) == [0, 1, 2, 3]


def test_wikipedia_red_and_blue():
    """Wikipedia, "Method of equal shares", Motivation: 51% support 10 red
    projects, 49% support 10 blue ones, the budget pays for 10: 5 and 5."""
    red, blue = list(range(10)), list(range(10, 20))
    costs = dict.fromkeys(red + blue, 1)
    mes = equal_shares([red] * 51 + [blue] * 49, costs, 10, red + blue)
    assert len(set(mes["selected"]) & set(red)) == 5 and len(set(mes["selected"]) & set(blue)) == 5


# --- the fast run agrees with the plain one ---------------------------------------------------


@st.composite
def elections(draw):
    m = draw(st.integers(2, 6))
    costs = {k: draw(st.sampled_from([1, 2, 3, 5, 6, 7.5, 10, 12, 20])) for k in range(m)}
    total = draw(st.integers(max(int(c) + 1 for c in costs.values()), 40))
    n = draw(st.integers(1, 12))
    ballots = [draw(st.sets(st.sampled_from(list(costs)), max_size=m)) for _ in range(n)]
    step = draw(st.sampled_from([Fraction(1, 100), Fraction(1, 10), Fraction(1)]))
    return ballots, costs, total, step


@settings(max_examples=300, deadline=None)
@given(elections())
def test_the_fast_completion_equals_the_step_by_step_reference(election):
    ballots, costs, total, step = election
    order = list(costs)
    fast = equal_shares([sorted(b) for b in ballots], costs, total, order, step=step)
    assert fast["selected"] == reference(ballots, costs, total, order, step=step)


def test_many_random_elections_against_the_reference():
    rng = random.Random(14)
    for _ in range(150):
        m = rng.randint(3, 7)
        costs = {k: rng.choice([10, 20, 25, 30, 40, 50, 60, 75]) for k in range(m)}
        total = rng.randint(max(costs.values()), 200)
        n = rng.randint(3, 25)
        ballots = [{k for k in costs if rng.random() < 0.4} for _ in range(n)]
        order = list(costs)
        fast = equal_shares([sorted(b) for b in ballots], costs, total, order, step=Fraction(1))
        assert fast["selected"] == reference(ballots, costs, total, order, step=Fraction(1)), (ballots, costs, total)


def test_300_voters_30_projects_is_exact_and_quick_enough_to_count_the_runs():
    """The size the benchmark times (bench/tally.py): what we assert here is only
    the work, not the time: the completion computes few shares, not one per cent."""
    rng = random.Random(7)
    costs = {k: rng.randrange(5_000, 60_000, 500) for k in range(30)}
    ballots = []
    for _ in range(300):
        chosen, spent = [], 0
        for k in rng.sample(range(30), 30):
            if rng.random() < 0.25 and spent + costs[k] <= 200_000:
                chosen.append(k)
                spent += costs[k]
        ballots.append(chosen)
    mes = equal_shares(ballots, costs, 200_000, list(costs))
    assert sum(costs[i] for i in mes["selected"]) <= 200_000
    assert mes["runs"] < 200 < mes["steps"] or mes["steps"] == 0 or mes["runs"] <= mes["steps"]


@pytest.mark.parametrize("budget", [11, "11", 11.0])
def test_money_is_read_as_typed(budget):
    assert equal_shares([[1]], {1: 0.1 + 0.2}, budget, [1])["selected"] == [1]
