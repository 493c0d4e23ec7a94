"""Voting methods: pure functions over ballots, registered by name.

A method checks a round's parameters, validates one ballot against them and
tallies a list of ballots. No Streamlit, no database: ballots are plain dicts
(the JSON payload stored whole, one per participant per round).

Ballot shapes (item ids may arrive as strings, JSON keys always do):

- ``dots``      ``{"dots": {"<item_id>": n}}``
- ``approval``  ``{"approved": [item_id, ...]}``
- ``ranking``   ``{"order": [item_id, ...]}`` best first; unranked items share the bottom
- ``budget``    ``{"approved": [item_id, ...]}`` whose total cost fits the budget
- ``pairwise``  ``{"comparisons": [[winner, loser] | [a, b, "skip"], ...]}``
- ``matrix``    ``{"ratings": {"<item_id>": {"importance": 1..5, "feasibility": 1..5}}}``

Every tally reports ties as ties (a tier with several ids), says plainly when a
round has no ballots, very few ballots, a single item or only ties, and never
invents a winner. Explanations are ``Line`` objects (an i18n key and its
parameters); ``explain(result, lang)`` turns them into sentences.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from cantiere import fmt
from cantiere.errors import CantiereError, UnknownNameError


class BallotError(CantiereError, ValueError):
    """A ballot breaks the round's rules; the message says what to fix."""

    key = "vote.error.invalid"


class RoundParamsError(CantiereError, ValueError):
    """A round's parameters are inconsistent (e.g. more dots per item than dots)."""

    key = "vote.error.params"


@dataclass(frozen=True)
class Item:
    """Something to vote on (a priority). ``cost`` is used by budget rounds."""

    id: int
    title: str
    cost: float | None = None


@dataclass(frozen=True)
class Line:
    """One sentence of an explanation: an i18n key and its parameters."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    """A tally: ``ranking`` lists tiers of item ids (ties share a tier, best first);
    ``scores`` maps item id to its score; ``explanation`` can be read out."""

    method: str
    n_ballots: int
    ranking: tuple[tuple[int, ...], ...]
    scores: Mapping[int, float]
    explanation: tuple[Line, ...] = ()
    extra: Mapping[str, object] = field(default_factory=dict)

    @property
    def winners(self) -> tuple[int, ...]:
        return self.ranking[0] if self.ranking else ()


@dataclass(frozen=True)
class Method:
    name: str
    label: str  # i18n key
    check_params: Callable[[Mapping, Sequence[Item]], dict]
    validate: Callable[[Mapping, Sequence[Item], Mapping], dict]
    tally: Callable[[Sequence[Mapping], Sequence[Item], Mapping], Result]
    description: str = ""  # i18n key: one sentence for the facilitator


def tiers(scores: Mapping[int, float], order: Sequence[int] | None = None) -> tuple[tuple[int, ...], ...]:
    """Group item ids by score, best first; equal scores share a tier."""
    ids = list(order) if order is not None else sorted(scores)
    distinct = sorted({scores[i] for i in ids}, reverse=True)
    return tuple(tuple(i for i in ids if scores[i] == value) for value in distinct)


# --- explanations -------------------------------------------------------------


def _format_param(value: object, lang: str) -> object:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, float) and not value.is_integer():
        return fmt.number(value, 1 if round(value, 1) == value else 2, lang)
    return fmt.number(value, 0, lang)


def line_text(line: Line, lang: str = "it") -> str:
    """One explanation line as a sentence, numbers written the way ``lang`` writes them.

    Item titles inside are plain text: show them with ``st.text`` or ``st.write``
    of a string list, never as Markdown or HTML (titles may come from participants).
    """
    from cantiere.i18n import translate

    params = {name: _format_param(value, lang) for name, value in line.params.items()}
    return translate(line.key, lang, **params)


def explain(result: Result, lang: str = "it") -> list[str]:
    """The explanation of ``result``, one sentence per line."""
    return [line_text(line, lang) for line in result.explanation]


def _q(title: str) -> str:
    """A title quoted the Italian way, as every message shows it."""
    return f"«{title}»"


def _titles(ids: Sequence[int], items: Sequence[Item]) -> str:
    by_id = {item.id: item.title for item in items}
    return ", ".join(_q(by_id[i]) for i in ids)


def _situation(n_ballots: int, items: Sequence[Item], ranking: Sequence[Sequence[int]]) -> list[Line]:
    """Plain words for degenerate rounds; empty when the round is ordinary."""
    if not items:
        return [Line("vote.explain.no_items")]
    if n_ballots == 0:
        return [Line("vote.explain.no_ballots")]
    lines = []
    if len(items) == 1:
        lines.append(Line("vote.explain.single_item", {"title": _q(items[0].title)}))
    if n_ballots == 1:
        lines.append(Line("vote.explain.one_ballot"))
    elif n_ballots == 2:
        lines.append(Line("vote.explain.two_ballots"))
    if len(items) > 1 and len(ranking) == 1:
        lines.append(Line("vote.explain.all_tied", {"n": len(items)}))
    elif len(items) > 1 and ranking and len(ranking[0]) > 1:
        lines.append(Line("vote.explain.tie_first", {"n": len(ranking[0]), "titles": _titles(ranking[0], items)}))
    return lines


def _lines(method_line: Line, n_ballots: int, items: Sequence[Item], ranking: Sequence[Sequence[int]]) -> list[Line]:
    """How the method counts, then the plain words for degenerate rounds; with
    no items or no ballots, only the latter (there is nothing to explain)."""
    situation = _situation(n_ballots, items, ranking)
    if not items or n_ballots == 0:
        return situation
    return [method_line, *situation]


def _first_line(
    key: str, ranking: Sequence[Sequence[int]], items: Sequence[Item], n_ballots: int, **params
) -> list[Line]:
    """The "«X» comes first" line, only when there is a single, real winner."""
    if n_ballots == 0 or len(items) < 2 or not ranking or len(ranking[0]) != 1:
        return []
    return [Line(key, {"title": _titles(ranking[0], items), **params})]


# --- shared validation helpers ------------------------------------------------


def _item_id(value: object, known: set[int]) -> int:
    """``value`` as a known item id (ints or their string form), else BallotError."""
    if isinstance(value, bool):
        raise BallotError("vote.error.unknown_item", item=value)
    try:
        item_id = int(value) if not isinstance(value, float) or value.is_integer() else None
    except (TypeError, ValueError):
        item_id = None
    if item_id is None or item_id not in known or (isinstance(value, str) and value.strip() != str(item_id)):
        raise BallotError("vote.error.unknown_item", item=value)
    return item_id


def _id_list(ballot: Mapping, name: str, items: Sequence[Item], duplicate_key: str) -> list[int]:
    """The list ``ballot[name]`` as known, distinct item ids, in the given order."""
    raw = ballot.get(name) if isinstance(ballot, Mapping) else None
    if not isinstance(raw, (list, tuple)):
        raise BallotError("vote.error.shape")
    known = {item.id for item in items}
    titles = {item.id: item.title for item in items}
    seen: list[int] = []
    for value in raw:
        item_id = _item_id(value, known)
        if item_id in seen:
            raise BallotError(duplicate_key, title=_q(titles[item_id]))
        seen.append(item_id)
    if not seen:
        raise BallotError("vote.error.empty")
    return seen


def _optional_positive_int(params: Mapping, name: str) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RoundParamsError("vote.error.params_not_int")
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise RoundParamsError("vote.error.params_not_int") from None
    if number != value and not (isinstance(value, str) and value.strip() == str(number)):
        raise RoundParamsError("vote.error.params_not_int")
    if number < 1:
        raise RoundParamsError("vote.error.params_positive")
    return number


def _plain(value: float) -> int | float:
    """A number for an error message: 1500 rather than 1500.0."""
    return int(value) if float(value).is_integer() else round(float(value), 2)


# --- dots (dot voting) -------------------------------------------------------


def _dots_params(params: Mapping, items: Sequence[Item]) -> dict:
    try:
        dots = int(params.get("dots", 5))
        max_per_item = int(params.get("max_per_item", 2))
    except (TypeError, ValueError):
        raise RoundParamsError("vote.error.params_not_int") from None
    if dots < 1 or max_per_item < 1:
        raise RoundParamsError("vote.error.params_positive")
    if max_per_item > dots:
        raise RoundParamsError("vote.error.max_over_dots", dots=dots, max_per_item=max_per_item)
    return {"dots": dots, "max_per_item": max_per_item}


def _dots_validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"dots": {item_id: n}}`` with n ≥ 0, at most ``max_per_item`` each and
    ``dots`` in total. Zero entries are dropped. Returns the normalised ballot."""
    params = _dots_params(params, items)
    known = {item.id for item in items}
    raw = ballot.get("dots") if isinstance(ballot, Mapping) else None
    if not isinstance(raw, Mapping):
        raise BallotError("vote.error.shape")
    clean: dict[str, int] = {}
    for key, value in raw.items():
        try:
            item_id = int(key)
        except (TypeError, ValueError):
            raise BallotError("vote.error.unknown_item", item=key) from None
        if item_id not in known:
            raise BallotError("vote.error.unknown_item", item=key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise BallotError("vote.error.dots_not_count", item=item_id)
        if value > params["max_per_item"]:
            raise BallotError("vote.error.dots_per_item", max_per_item=params["max_per_item"])
        if value:
            clean[str(item_id)] = value
    used = sum(clean.values())
    if used > params["dots"]:
        raise BallotError("vote.error.dots_over_budget", used=used, dots=params["dots"])
    if used == 0:
        raise BallotError("vote.error.empty")
    return {"dots": clean}


def _dots_tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    scores = {item.id: 0.0 for item in items}
    supporters = {item.id: 0 for item in items}
    for ballot in ballots:
        for key, value in ballot.get("dots", {}).items():
            item_id = int(key)
            if item_id in scores:
                scores[item_id] += value
                supporters[item_id] += 1
    ranking = tiers(scores) if ballots and items else ()
    lines = _lines(
        Line(
            "vote.explain.dots",
            {"n": len(ballots), "dots": params.get("dots"), "max_per_item": params.get("max_per_item")},
        ),
        len(ballots),
        items,
        ranking,
    )
    if ranking:
        best = ranking[0][0]
        lines += _first_line(
            "vote.explain.dots_first", ranking, items, len(ballots), points=scores[best], supporters=supporters[best]
        )
    return Result("dots", len(ballots), ranking, scores, tuple(lines), {"supporters": supporters})


# --- approval ----------------------------------------------------------------


def _approval_params(params: Mapping, items: Sequence[Item]) -> dict:
    """``{"max_approvals": K}``: optional cap on how many items one ballot approves."""
    return {"max_approvals": _optional_positive_int(params, "max_approvals")}


def _approval_validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"approved": [ids]}``: known, distinct, at least one, at most ``max_approvals``."""
    params = _approval_params(params, items)
    approved = _id_list(ballot, "approved", items, "vote.error.duplicate_item")
    cap = params["max_approvals"]
    if cap is not None and len(approved) > cap:
        raise BallotError("vote.error.too_many_approvals", used=len(approved), max_approvals=cap)
    return {"approved": sorted(approved)}


def _approval_tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    scores = {item.id: 0.0 for item in items}
    for ballot in ballots:
        for value in ballot.get("approved", ()):
            item_id = int(value)
            if item_id in scores:
                scores[item_id] += 1
    n = len(ballots)
    share = {item_id: (100.0 * votes / n if n else 0.0) for item_id, votes in scores.items()}
    ranking = tiers(scores) if ballots and items else ()
    lines = _lines(Line("vote.explain.approval", {"n": n}), n, items, ranking)
    if ranking:
        best = ranking[0][0]
        lines += _first_line(
            "vote.explain.approval_first", ranking, items, n, votes=scores[best], share=round(share[best], 1)
        )
    return Result(
        "approval", n, ranking, scores, tuple(lines), {"share": share, "max_approvals": params.get("max_approvals")}
    )


# --- ranking: Borda and Schulze -----------------------------------------------


def _ranking_params(params: Mapping, items: Sequence[Item]) -> dict:
    """``{"max_ranked": K}``: optional cap on how many items one ballot ranks (e.g. a top 3)."""
    return {"max_ranked": _optional_positive_int(params, "max_ranked")}


def _ranking_validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"order": [ids]}`` best first: known ids, each at most once, at least one.
    A partial ranking is fine: unranked items share the bottom."""
    params = _ranking_params(params, items)
    order = _id_list(ballot, "order", items, "vote.error.duplicate_rank")
    cap = params["max_ranked"]
    if cap is not None and len(order) > cap:
        raise BallotError("vote.error.too_many_ranked", used=len(order), max_ranked=cap)
    return {"order": order}


def _orders(ballots: Sequence[Mapping], ids: Sequence[int]) -> list[list[int]]:
    known = set(ids)
    return [[int(v) for v in ballot.get("order", ()) if int(v) in known] for ballot in ballots]


def borda(orders: Sequence[Sequence[int]], ids: Sequence[int]) -> dict[int, float]:
    """Borda points: with m items, the k-th ranked gets m−k points (first: m−1);
    unranked items share the points left over equally, (m−1−r)/2 each when r
    items were ranked, as if tied at the bottom."""
    m = len(ids)
    points = {i: 0.0 for i in ids}
    for order in orders:
        for position, item_id in enumerate(order):
            points[item_id] += m - 1 - position
        rest = (m - 1 - len(order)) / 2
        if rest > 0:
            ranked = set(order)
            for item_id in ids:
                if item_id not in ranked:
                    points[item_id] += rest
    return points


def pairwise_preferences(orders: Sequence[Sequence[int]], ids: Sequence[int]) -> dict[int, dict[int, int]]:
    """``d[a][b]``: how many ballots put a above b (ranked beats unranked)."""
    d = {a: {b: 0 for b in ids if b != a} for a in ids}
    for order in orders:
        position = {item_id: k for k, item_id in enumerate(order)}
        bottom = len(order)
        for a, b in combinations(ids, 2):
            pa, pb = position.get(a, bottom), position.get(b, bottom)
            if pa < pb:
                d[a][b] += 1
            elif pb < pa:
                d[b][a] += 1
    return d


def schulze(
    d: Mapping[int, Mapping[int, int]], ids: Sequence[int]
) -> tuple[dict[int, dict[int, int]], tuple[tuple[int, ...], ...]]:
    """Strongest paths and the Schulze order as tiers (winning votes).

    Markus Schulze, "A new monotonic, clone-independent, reversal symmetric, and
    Condorcet-consistent single-winner election method", Social Choice and
    Welfare 36 (2011). a is above b when p[a][b] > p[b][a]; that relation is a
    strict partial order, so the tiers peel off, one after the other, the items
    nobody left beats; items in the same tier are tied.
    """
    p = {a: {b: (d[a][b] if d[a][b] > d[b][a] else 0) for b in ids if b != a} for a in ids}
    for k in ids:
        for a in ids:
            if a == k:
                continue
            for b in ids:
                if b == a or b == k:
                    continue
                p[a][b] = max(p[a][b], min(p[a][k], p[k][b]))
    remaining = list(ids)
    order: list[tuple[int, ...]] = []
    while remaining:
        tier = tuple(a for a in remaining if not any(p[b][a] > p[a][b] for b in remaining if b != a))
        if not tier:  # cannot happen (the relation is acyclic); never loop forever
            tier = tuple(remaining)
        order.append(tier)
        remaining = [a for a in remaining if a not in tier]
    return p, tuple(order)


def condorcet_winner(d: Mapping[int, Mapping[int, int]], ids: Sequence[int]) -> int | None:
    """The item that beats every other one head to head, if there is one."""
    for a in ids:
        if all(d[a][b] > d[b][a] for b in ids if b != a):
            return a
    return None


def _ranking_tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    ids = [item.id for item in items]
    orders = _orders(ballots, ids)
    n = len(ballots)
    scores = borda(orders, ids)
    ranking = tiers(scores) if ballots and items else ()
    d = pairwise_preferences(orders, ids)
    p, schulze_order = schulze(d, ids) if ballots and items else ({}, ())
    winner = condorcet_winner(d, ids) if ballots and len(ids) > 1 else None
    lines = _lines(
        Line("vote.explain.ranking", {"n": n, "m": len(ids), "top": max(len(ids) - 1, 0)}), n, items, ranking
    )
    if ranking:
        lines += _first_line("vote.explain.borda_first", ranking, items, n, points=scores[ranking[0][0]])
    if schulze_order and len(ids) > 1:
        if len(schulze_order[0]) == 1:
            lines.append(Line("vote.explain.schulze_first", {"title": _titles(schulze_order[0], items)}))
        else:
            lines.append(Line("vote.explain.schulze_tie", {"titles": _titles(schulze_order[0], items)}))
        if winner is not None:
            lines.append(Line("vote.explain.condorcet", {"title": _titles([winner], items)}))
        else:
            lines.append(Line("vote.explain.no_condorcet"))
        if ranking and ranking[0] != schulze_order[0]:
            lines.append(Line("vote.explain.borda_schulze_differ"))
    extra = {
        "borda": {"scores": scores, "ranking": ranking},
        "schulze": {
            "ranking": schulze_order,
            "winners": schulze_order[0] if schulze_order else (),
            "strongest_paths": p,
        },
        "pairwise": d,
        "condorcet_winner": winner,
        "max_ranked": params.get("max_ranked"),
    }
    return Result("ranking", n, ranking, scores, tuple(lines), extra)


# --- budget: greedy and the Method of Equal Shares -----------------------------


def _tol(budget: float) -> float:
    """Float slack for money sums, relative to the budget (euros add up inexactly)."""
    return max(abs(float(budget)), 1.0) * 1e-9


# Completion of Equal Shares: raise every voter's share by 1% of the initial
# share per step (an "add1"-style completion), at most this many steps.
_MES_STEP = 0.01
_MES_MAX_STEPS = 400


def _budget_params(params: Mapping, items: Sequence[Item]) -> dict:
    """``{"budget": B}``: B > 0; every item needs a cost > 0 and no larger than B."""
    raw = params.get("budget")
    if isinstance(raw, bool):
        raise RoundParamsError("vote.error.budget_missing")
    try:
        budget = float(raw)
    except (TypeError, ValueError):
        raise RoundParamsError("vote.error.budget_missing") from None
    if not math.isfinite(budget) or budget <= 0:
        raise RoundParamsError("vote.error.budget_missing")
    for item in items:
        cost = item.cost
        if cost is None or isinstance(cost, bool) or not math.isfinite(float(cost)) or float(cost) <= 0:
            raise RoundParamsError("vote.error.item_without_cost", title=_q(item.title))
        if float(cost) > budget + _tol(budget):
            raise RoundParamsError(
                "vote.error.cost_over_budget", title=_q(item.title), cost=_plain(cost), budget=_plain(budget)
            )
    return {"budget": _plain(budget)}


def _budget_validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"approved": [ids]}``: known, distinct, at least one, total cost within the budget."""
    params = _budget_params(params, items)
    approved = _id_list(ballot, "approved", items, "vote.error.duplicate_item")
    cost = {item.id: float(item.cost) for item in items}
    total = sum(cost[i] for i in approved)
    if total > params["budget"] + _tol(params["budget"]):
        raise BallotError(
            "vote.error.over_budget",
            total=_plain(total),
            budget=params["budget"],
            excess=_plain(total - params["budget"]),
        )
    return {"approved": sorted(approved)}


def greedy_budget(
    votes: Mapping[int, float], costs: Mapping[int, float], budget: float, order: Sequence[int]
) -> list[int]:
    """Fund items by votes (most first; ties: cheaper first, then list order),
    skipping any that no longer fits; items without votes are not funded."""
    position = {item_id: k for k, item_id in enumerate(order)}
    left = budget
    funded = []
    for item_id in sorted(order, key=lambda i: (-votes[i], costs[i], position[i])):
        if votes[item_id] > 0 and costs[item_id] <= left + _tol(budget):
            funded.append(item_id)
            left -= costs[item_id]
    return funded


def _mes_round(
    groups: list[tuple[frozenset, int]], costs: Mapping[int, float], order: Sequence[int], share: float, tol: float
):
    """One run of Equal Shares with ``share`` per voter; voters with the same
    ballot are a group (they pay alike). Returns (selected, rho per item)."""
    position = {item_id: k for k, item_id in enumerate(order)}
    money = [share] * len(groups)
    supporters = {i: [g for g, (approved, _) in enumerate(groups) if i in approved] for i in order}
    votes = {i: sum(groups[g][1] for g in supporters[i]) for i in order}
    selected: list[int] = []
    rhos: dict[int, float] = {}
    candidates = [i for i in order if votes[i] > 0]
    while True:
        best = None
        for item_id in candidates:
            rho = _rho([(money[g], groups[g][1]) for g in supporters[item_id]], costs[item_id], tol)
            if rho is None:
                continue
            # most effective votes first: cost ÷ the largest payment per voter
            # (equalshares.net, "cost utilities"), i.e. the smallest ρ per euro
            key = (rho / costs[item_id], -votes[item_id], costs[item_id], position[item_id])
            if best is None or key < best[0]:
                best = (key, item_id, rho)
        if best is None:
            return selected, rhos
        _, item_id, rho = best
        for g in supporters[item_id]:
            money[g] = max(0.0, money[g] - min(money[g], rho))
        selected.append(item_id)
        rhos[item_id] = rho
        candidates.remove(item_id)


def _rho(budgets: list[tuple[float, int]], cost: float, tol: float) -> float | None:
    """The smallest ρ with Σ weight·min(money, ρ) = cost, or None when the
    supporters together cannot pay ``cost``."""
    if sum(money * weight for money, weight in budgets) < cost - tol:
        return None
    paid = 0.0
    left = sum(weight for _, weight in budgets)
    for money, weight in sorted(budgets):
        rho = (cost - paid) / left
        if rho <= money + tol:
            return rho
        paid += money * weight
        left -= weight
    return None


def equal_shares(
    ballots: Sequence[Sequence[int]], costs: Mapping[int, float], budget: float, order: Sequence[int]
) -> dict:
    """Method of Equal Shares for approval ballots, with the usual completion.

    Peters, Pierczyński, Skowron, "Proportional Participatory Budgeting with
    Additive Utilities", NeurIPS 2021; https://equalshares.net. Every voter gets
    budget/n; an item is bought when its supporters can pay it, splitting its
    cost as equally as their money allows (nobody pays more than ρ), choosing
    each time the item with the most effective votes, cost ÷ ρ. Completion: while money
    is left, raise every voter's share step by step (1% of the initial share)
    and keep the last outcome that still fits the real budget; then fill what is
    left greedily by votes. Returns selected ids (in order of purchase), the
    phase each was bought in, ρ and the virtual budget used.
    """
    n = len(ballots)
    if n == 0:
        return {"selected": [], "phase": {}, "rho": {}, "share": 0.0, "steps": 0}
    counts: dict[frozenset, int] = {}
    for approved in ballots:
        key = frozenset(int(i) for i in approved if int(i) in costs)
        counts[key] = counts.get(key, 0) + 1
    # a fixed group order keeps the float sums identical whatever the ballot order
    groups = sorted(counts.items(), key=lambda kv: (sorted(kv[0]), kv[1]))
    supported = {i for approved, _ in groups for i in approved}
    base = budget / n
    share = base
    tol = _tol(budget)
    selected, rhos = _mes_round(groups, costs, order, share, tol)
    steps = 0
    while steps < _MES_MAX_STEPS and set(selected) != supported:
        left = budget - sum(costs[i] for i in selected)
        if not any(costs[i] <= left + tol for i in supported - set(selected)):
            break  # nothing else could fit anyway
        candidate_share = base * (1 + _MES_STEP * (steps + 1))
        candidate, candidate_rhos = _mes_round(groups, costs, order, candidate_share, tol)
        if sum(costs[i] for i in candidate) > budget + tol:
            break
        steps += 1
        selected, rhos, share = candidate, candidate_rhos, candidate_share
    phase = {i: "equal_shares" for i in selected}
    votes = {i: sum(w for approved, w in groups if i in approved) for i in order}
    left = budget - sum(costs[i] for i in selected)
    rest = [i for i in order if i not in phase]
    for item_id in greedy_budget(votes, costs, left, rest):
        selected.append(item_id)
        phase[item_id] = "greedy_fill"
    return {"selected": selected, "phase": phase, "rho": rhos, "share": share, "steps": steps}


def _budget_tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    ids = [item.id for item in items]
    costs = {item.id: float(item.cost) for item in items}
    budget = float(params["budget"])
    approvals = [[int(v) for v in ballot.get("approved", ()) if int(v) in costs] for ballot in ballots]
    n = len(ballots)
    scores = {i: 0.0 for i in ids}
    for approved in approvals:
        for item_id in approved:
            scores[item_id] += 1
    ranking = tiers(scores) if ballots and items else ()
    greedy = greedy_budget(scores, costs, budget, ids) if ballots else []
    mes = equal_shares(approvals, costs, budget, ids)

    def outcome(selected: Sequence[int]) -> dict:
        spent = sum(costs[i] for i in selected)
        return {
            "funded": {i: costs[i] for i in selected},
            "order": list(selected),
            "spent": spent,
            "left": budget - spent,
        }

    greedy_out = outcome(greedy)
    mes_out = outcome(mes["selected"])
    mes_out.update(
        phase=mes["phase"],
        rho=mes["rho"],
        share_per_voter=mes["share"],
        initial_share=(budget / n if n else 0.0),
        completion_steps=mes["steps"],
    )
    lines = _lines(Line("vote.explain.budget", {"n": n, "budget": budget}), n, items, ranking)
    if n and items:
        lines.append(
            Line(
                "vote.explain.greedy",
                {"count": len(greedy), "spent": greedy_out["spent"], "titles": _titles(greedy, items) or "–"},
            )
        )
        lines.append(
            Line(
                "vote.explain.equal_shares",
                {
                    "share": budget / n,
                    "count": len(mes["selected"]),
                    "spent": mes_out["spent"],
                    "titles": _titles(mes["selected"], items) or "–",
                },
            )
        )
        fill = [i for i in mes["selected"] if mes["phase"][i] == "greedy_fill"]
        if fill:
            lines.append(Line("vote.explain.equal_shares_fill", {"titles": _titles(fill, items)}))
        if set(greedy) == set(mes["selected"]):
            lines.append(Line("vote.explain.budget_same"))
        else:
            lines.append(Line("vote.explain.budget_differ"))
    extra = {"budget": budget, "costs": costs, "greedy": greedy_out, "equal_shares": mes_out}
    return Result("budget", n, ranking, scores, tuple(lines), extra)


# --- pairwise: Bradley–Terry ----------------------------------------------------

SKIP = "skip"
# Prior: each item gets this many virtual wins and as many virtual losses
# against a reference item of strength 1, so undefeated items stay finite.
BT_PRIOR = 0.5


def _pairwise_params(params: Mapping, items: Sequence[Item]) -> dict:
    """No parameters: the pairs shown are chosen by ``next_pair``."""
    return {}


def _comparison(entry: object, known: set[int]) -> list:
    if not isinstance(entry, (list, tuple)) or len(entry) not in (2, 3):
        raise BallotError("vote.error.comparison_shape")
    if len(entry) == 3 and entry[2] != SKIP:
        raise BallotError("vote.error.comparison_shape")
    a, b = _item_id(entry[0], known), _item_id(entry[1], known)
    if a == b:
        raise BallotError("vote.error.same_item")
    return [a, b, SKIP] if len(entry) == 3 else [a, b]


def _pairwise_validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"comparisons": [[winner, loser] | [a, b, "skip"], ...]}``: two different
    known items per answer, "skip" meaning "non so"; at least one answer."""
    raw = ballot.get("comparisons") if isinstance(ballot, Mapping) else None
    if not isinstance(raw, (list, tuple)):
        raise BallotError("vote.error.shape")
    known = {item.id for item in items}
    clean = [_comparison(entry, known) for entry in raw]
    if not clean:
        raise BallotError("vote.error.empty")
    return {"comparisons": clean}


def _flatten(comparisons: Sequence) -> list[list]:
    """Accept either a list of comparisons or a list of pairwise ballots."""
    flat: list[list] = []
    for entry in comparisons:
        if isinstance(entry, Mapping):
            flat.extend(entry.get("comparisons", ()))
        else:
            flat.append(entry)
    return flat


def bradley_terry(comparisons: Sequence[Sequence], ids: Sequence[int], prior: float = BT_PRIOR) -> dict[int, float]:
    """Bradley–Terry strengths by the MM algorithm (Hunter, "MM algorithms for
    generalized Bradley–Terry models", Annals of Statistics 32, 2004), with
    ``prior`` virtual wins and losses per item against a reference of strength 1.
    Skipped comparisons carry no information and are ignored."""
    index = {item_id: k for k, item_id in enumerate(ids)}
    m = len(ids)
    if m == 0:
        return {}
    wins = np.zeros((m, m))
    for entry in comparisons:
        if len(entry) == 3:
            continue
        a, b = index.get(int(entry[0])), index.get(int(entry[1]))
        if a is None or b is None or a == b:
            continue
        wins[a, b] += 1
    games = wins + wins.T
    won = wins.sum(axis=1) + prior
    p = np.ones(m)
    for _ in range(10_000):
        denom = (games / (p[:, None] + p[None, :])).sum(axis=1) + 2 * prior / (p + 1)
        new = _best_scale(won / denom) if prior > 0 else won / denom
        if np.max(np.abs(new - p) / p) < 1e-10:
            p = new
            break
        p = new
    return {item_id: float(p[k]) for item_id, k in index.items()}


def _best_scale(p: np.ndarray) -> np.ndarray:
    """``p`` times the factor c that maximises the likelihood along the common
    scale, which only the prior terms see: sum of 2cp/(cp+1) = m. MM alone
    creeps along that direction for thousands of steps when real comparisons
    far outnumber the prior; a few Newton steps on log c settle it at once."""
    log_c = 0.0
    for _ in range(50):
        q = np.exp(log_c) * p
        f = float(np.sum(2 * q / (q + 1))) - len(p)
        slope = float(np.sum(2 * q / (q + 1) ** 2))
        step = f / slope
        log_c -= max(min(step, 5.0), -5.0)
        if abs(step) < 1e-13:
            break
    return np.exp(log_c) * p


def _win_chance(strength: Mapping[int, float], ids: Sequence[int]) -> dict[int, float]:
    """Score 0–100: the chance of winning against another item picked at random."""
    if len(ids) < 2:
        return {i: 50.0 for i in ids}
    out = {}
    for a in ids:
        total = sum(strength[a] / (strength[a] + strength[b]) for b in ids if b != a)
        out[a] = round(100.0 * total / (len(ids) - 1), 6)
    return out


def _pairwise_tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    ids = [item.id for item in items]
    comparisons = _flatten(ballots)
    known = set(ids)
    won = {i: 0 for i in ids}
    lost = {i: 0 for i in ids}
    skipped = {i: 0 for i in ids}
    for entry in comparisons:
        a, b = int(entry[0]), int(entry[1])
        if a not in known or b not in known:
            continue
        if len(entry) == 3:
            skipped[a] += 1
            skipped[b] += 1
        else:
            won[a] += 1
            lost[b] += 1
    strength = bradley_terry(comparisons, ids)
    scores = _win_chance(strength, ids)
    share = {i: (100.0 * won[i] / (won[i] + lost[i]) if won[i] + lost[i] else None) for i in ids}
    decisive = sum(won.values())
    n = len(ballots)
    ranking = tiers(scores) if decisive and items else ()
    lines = _lines(
        Line("vote.explain.pairwise", {"n": n, "comparisons": decisive, "skipped": sum(skipped.values()) // 2}),
        n,
        items,
        ranking,
    )
    if n and items and not decisive:
        lines.append(Line("vote.explain.no_comparisons"))
    if ranking:
        best = ranking[0][0]
        lines += _first_line(
            "vote.explain.pairwise_first",
            ranking,
            items,
            n,
            score=round(scores[best], 1),
            share=round(share[best] or 0.0, 1),
        )
    extra = {"strength": strength, "won": won, "lost": lost, "skipped": skipped, "share_won": share}
    return Result("pairwise", n, ranking, scores, tuple(lines), extra)


def next_pair(
    items: Sequence[Item], comparisons_so_far: Sequence, rng: random.Random, mine: Sequence | None = None
) -> tuple[int, int] | None:
    """The next pair to show a participant, chosen to be informative.

    ``comparisons_so_far``: every comparison in the round (entries or pairwise
    ballots); ``mine``: the ones this participant already answered (defaults to
    ``comparisons_so_far``). Pairs the participant already answered are avoided
    while any other pair is left; among the rest, the pairs compared least
    often win, then the pairs whose Bradley–Terry scores are closest; ``rng``
    breaks the remaining ties and picks which item shows on the left.
    Returns None when there are fewer than two items.
    """
    ids = sorted({item.id for item in items})
    if len(ids) < 2:
        return None
    everyone = [e for e in _flatten(comparisons_so_far) if int(e[0]) in ids and int(e[1]) in ids]
    own = everyone if mine is None else _flatten(mine)
    answered = {frozenset((int(e[0]), int(e[1]))) for e in own}
    pairs = [pair for pair in combinations(ids, 2) if frozenset(pair) not in answered]
    if not pairs:
        pairs = list(combinations(ids, 2))
    times: dict[frozenset, int] = {}
    for e in everyone:
        key = frozenset((int(e[0]), int(e[1])))
        times[key] = times.get(key, 0) + 1
    strength = bradley_terry(everyone, ids)

    def key(pair):
        a, b = pair
        gap = abs(math.log(strength[a]) - math.log(strength[b]))
        return (times.get(frozenset(pair), 0), round(gap, 3))

    best = min(key(pair) for pair in pairs)
    a, b = rng.choice([pair for pair in pairs if key(pair) == best])
    return (a, b) if rng.random() < 0.5 else (b, a)


# --- matrix: importance × feasibility ------------------------------------------

AXES = ("importance", "feasibility")
SCALE = (1, 5)
MIDPOINT = 3  # a mean of 3 or more counts as "high" on that axis
QUADRANTS = ("priority", "challenge", "quick_win", "later")


def _matrix_params(params: Mapping, items: Sequence[Item]) -> dict:
    """No parameters: both scales go from 1 to 5."""
    return {}


def _matrix_validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"ratings": {id: {"importance": 1..5, "feasibility": 1..5}}}``: both axes
    for each rated item, whole numbers 1–5; items left out mean "non so"."""
    raw = ballot.get("ratings") if isinstance(ballot, Mapping) else None
    if not isinstance(raw, Mapping):
        raise BallotError("vote.error.shape")
    known = {item.id for item in items}
    titles = {item.id: item.title for item in items}
    clean: dict[str, dict[str, int]] = {}
    for key, rating in raw.items():
        item_id = _item_id(key, known)
        if str(item_id) in clean:
            raise BallotError("vote.error.duplicate_item", title=_q(titles[item_id]))
        if not isinstance(rating, Mapping) or set(rating) != set(AXES):
            raise BallotError("vote.error.rating_axes", title=_q(titles[item_id]))
        for axis in AXES:
            value = rating[axis]
            if isinstance(value, bool) or not isinstance(value, int) or not SCALE[0] <= value <= SCALE[1]:
                raise BallotError(
                    f"vote.error.rating_range_{axis}",
                    title=_q(titles[item_id]),
                    value=value,
                    low=SCALE[0],
                    high=SCALE[1],
                )
        clean[str(item_id)] = {axis: rating[axis] for axis in AXES}
    if not clean:
        raise BallotError("vote.error.empty")
    return {"ratings": clean}


def quadrant(importance: float, feasibility: float) -> str:
    """Which quarter of the 2×2 chart a pair of means falls in."""
    high_i, high_f = importance >= MIDPOINT, feasibility >= MIDPOINT
    if high_i:
        return "priority" if high_f else "challenge"
    return "quick_win" if high_f else "later"


def _matrix_tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    ids = [item.id for item in items]
    sums = {i: {axis: [0, 0] for axis in AXES} for i in ids}  # sum, sum of squares
    raters = {i: 0 for i in ids}
    for ballot in ballots:
        for key, rating in ballot.get("ratings", {}).items():
            item_id = int(key)
            if item_id not in raters:
                continue
            raters[item_id] += 1
            for axis in AXES:
                sums[item_id][axis][0] += rating[axis]
                sums[item_id][axis][1] += rating[axis] ** 2
    stats: dict[int, dict] = {}
    scores: dict[int, float] = {}
    for i in ids:
        k = raters[i]
        if not k:
            stats[i] = {
                "n": 0,
                "importance": None,
                "feasibility": None,
                "importance_sd": None,
                "feasibility_sd": None,
                "quadrant": None,
            }
            scores[i] = 0.0
            continue
        row = {"n": k}
        for axis in AXES:
            total, squares = sums[i][axis]
            row[axis] = total / k
            # population standard deviation from integer sums: exact, order-free
            row[f"{axis}_sd"] = math.sqrt(max(k * squares - total * total, 0)) / k
        row["quadrant"] = quadrant(row["importance"], row["feasibility"])
        stats[i] = row
        scores[i] = round((row["importance"] + row["feasibility"]) / 2, 9)
    n = len(ballots)
    ranking = tiers(scores) if ballots and items else ()
    lines = _lines(Line("vote.explain.matrix", {"n": n, "midpoint": MIDPOINT}), n, items, ranking)
    if ranking:
        best = ranking[0][0]
        lines += _first_line(
            "vote.explain.matrix_first",
            ranking,
            items,
            n,
            importance=round(stats[best]["importance"], 2),
            feasibility=round(stats[best]["feasibility"], 2),
        )
        in_priority = [i for i in ids if stats[i]["quadrant"] == "priority"]
        if in_priority:
            lines.append(
                Line("vote.explain.matrix_priority", {"count": len(in_priority), "titles": _titles(in_priority, items)})
            )
        else:
            lines.append(Line("vote.explain.matrix_no_priority"))
        unrated = [i for i in ids if not raters[i]]
        if unrated:
            lines.append(Line("vote.explain.matrix_unrated", {"titles": _titles(unrated, items)}))
    return Result("matrix", n, ranking, scores, tuple(lines), {"stats": stats, "midpoint": MIDPOINT})


# --- registry -----------------------------------------------------------------

METHODS: dict[str, Method] = {
    m.name: m
    for m in (
        Method("dots", "vote.method.dots", _dots_params, _dots_validate, _dots_tally, "vote.method.dots.help"),
        Method(
            "approval",
            "vote.method.approval",
            _approval_params,
            _approval_validate,
            _approval_tally,
            "vote.method.approval.help",
        ),
        Method(
            "ranking",
            "vote.method.ranking",
            _ranking_params,
            _ranking_validate,
            _ranking_tally,
            "vote.method.ranking.help",
        ),
        Method(
            "budget", "vote.method.budget", _budget_params, _budget_validate, _budget_tally, "vote.method.budget.help"
        ),
        Method(
            "pairwise",
            "vote.method.pairwise",
            _pairwise_params,
            _pairwise_validate,
            _pairwise_tally,
            "vote.method.pairwise.help",
        ),
        Method(
            "matrix", "vote.method.matrix", _matrix_params, _matrix_validate, _matrix_tally, "vote.method.matrix.help"
        ),
    )
}


def method(name: str) -> Method:
    """The method registered as ``name``; UnknownNameError lists the valid names."""
    try:
        return METHODS[name]
    except KeyError:
        raise UnknownNameError("metodo di voto", name, list(METHODS)) from None


def tally(name: str, ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    """Tally ``ballots`` with the method ``name`` (ballots are assumed validated)."""
    m = method(name)
    return m.tally(ballots, items, m.check_params(params, items))
