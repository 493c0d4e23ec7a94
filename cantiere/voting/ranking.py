"""Ranking ("classifica"): each participant puts the priorities in order (at
most ``max_ranked`` of them when the round says so); the Borda count ranks
them and the Schulze method (a Condorcet method) is shown beside it.

Ballot: ``{"order": [item_id, ...]}`` best first; unranked items share the
bottom. Ties: equal Borda points share a place; items Schulze cannot separate
share a tier.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

import plotly.graph_objects as go

from cantiere.i18n import translate
from cantiere.voting.charts import bars, layout, safe
from cantiere.voting.checks import id_list, optional_positive_int
from cantiere.voting.explain import first_line, opening, titles
from cantiere.voting.model import BallotError, Item, Line, Method, Result, tiers


def check_params(params: Mapping, items: Sequence[Item]) -> dict:
    """``{"max_ranked": K}``: optional cap on how many items one ballot ranks (e.g. a top 3)."""
    return {"max_ranked": optional_positive_int(params, "max_ranked")}


def validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"order": [ids]}`` best first: known ids, each at most once, at least one.
    A partial ranking is fine: unranked items share the bottom."""
    params = check_params(params, items)
    order = id_list(ballot, "order", items, "vote.error.duplicate_rank")
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


def tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    """Borda points rank the items; ``extra`` holds the Schulze order, the
    head-to-head counts and the Condorcet winner (None when there is none)."""
    ids = [item.id for item in items]
    orders = _orders(ballots, ids)
    n = len(ballots)
    scores = borda(orders, ids)
    ranking = tiers(scores) if ballots and items else ()
    d = pairwise_preferences(orders, ids)
    p, schulze_order = schulze(d, ids) if ballots and items else ({}, ())
    winner = condorcet_winner(d, ids) if ballots and len(ids) > 1 else None
    lines = opening(
        Line("vote.explain.ranking", {"n": n, "m": len(ids), "top": max(len(ids) - 1, 0)}), n, items, ranking
    )
    if ranking:
        lines += first_line("vote.explain.borda_first", ranking, items, n, points=scores[ranking[0][0]])
    if schulze_order and len(ids) > 1:
        if len(schulze_order[0]) == 1:
            lines.append(Line("vote.explain.schulze_first", {"title": titles(schulze_order[0], items)}))
        else:
            lines.append(Line("vote.explain.schulze_tie", {"titles": titles(schulze_order[0], items)}))
        if winner is not None:
            lines.append(Line("vote.explain.condorcet", {"title": titles([winner], items)}))
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


def chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """Horizontal bars: Borda points per priority (the Schulze order is in the explanation)."""
    return bars(result, items, lang, "vote.chart.ranking", result.scores)


def schulze_chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """Heatmap of the head-to-head counts d[row][column], in Schulze order."""
    by_id = {item.id: item for item in items}
    d = result.extra.get("pairwise", {})
    schulze_order = [i for tier in result.extra.get("schulze", {}).get("ranking", ()) for i in tier]
    ids = schulze_order + [item.id for item in items if item.id not in schulze_order]
    labels = [safe(by_id[i].title) for i in ids]
    z = [[(d[a][b] if a != b and a in d else None) for b in ids] for a in ids]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=labels,
            y=labels,
            colorscale="Blues",
            colorbar={"title": {"text": translate("vote.chart.schulze.axis", lang)}},
            texttemplate="%{z}",
        )
    )
    return layout(
        fig,
        translate("vote.chart.schulze.title", lang),
        result,
        lang,
        len(ids),
        xaxis={"type": "category", "side": "top"},
        yaxis={"type": "category", "autorange": "reversed"},
    )


def describe_params(params: Mapping, lang: str = "it") -> str:
    cap = params.get("max_ranked")
    return translate("metodi.params.ranking_max", lang, max=cap) if cap else translate("metodi.params.no_cap", lang)


def outcome(result: Result) -> dict:
    """Borda scores and order, the Schulze order (tiers) and winners, the Condorcet winner."""
    extra = result.extra
    schulze_part = extra.get("schulze", {})
    return {
        "ranking": [list(tier) for tier in result.ranking],
        "winners": list(result.winners),
        "borda": {
            "scores": {str(k): v for k, v in result.scores.items()},
            "ranking": [list(tier) for tier in result.ranking],
        },
        "schulze": {
            "ranking": [list(tier) for tier in schulze_part.get("ranking", ())],
            "winners": list(schulze_part.get("winners", ())),
        },
        "condorcet_winner": extra.get("condorcet_winner"),
        "head_to_head": {str(a): {str(b): n for b, n in row.items()} for a, row in extra.get("pairwise", {}).items()},
    }


METHOD = Method(
    name="ranking",
    menu_order=30,
    label="vote.method.ranking",
    description="vote.method.ranking.help",
    tie_rule="vote.method.ranking.tie",
    check_params=check_params,
    validate=validate,
    tally=tally,
    charts=(chart, schulze_chart),
    describe_params=describe_params,
    score_label="vote.chart.ranking.axis",
    outcome=outcome,
)
