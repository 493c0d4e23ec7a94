"""Importance × feasibility matrix ("matrice"): each priority gets two marks
from 1 to 5; the chart places it by its mean marks, with the spread, in one of
four quadrants split at the scale's midpoint.

Ballot: ``{"ratings": {"<item_id>": {"importance": 1..5, "feasibility": 1..5}}}``
(items left out mean "non so"). Ties: equal mean marks share a place.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from cantiere import fmt
from cantiere.i18n import translate
from cantiere.voting.charts import BLUE, GREY, layout, safe
from cantiere.voting.checks import item_id
from cantiere.voting.explain import first_line, opening, quoted, titles
from cantiere.voting.model import BallotError, Item, Line, Method, Result, tiers

AXES = ("importance", "feasibility")
SCALE = (1, 5)
MIDPOINT = 3  # a mean of 3 or more counts as "high" on that axis
QUADRANTS = ("priority", "challenge", "quick_win", "later")


def check_params(params: Mapping, items: Sequence[Item]) -> dict:
    """No parameters: both scales go from 1 to 5."""
    return {}


def validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"ratings": {id: {"importance": 1..5, "feasibility": 1..5}}}``: both axes
    for each rated item, whole numbers 1–5; items left out mean "non so"."""
    raw = ballot.get("ratings") if isinstance(ballot, Mapping) else None
    if not isinstance(raw, Mapping):
        raise BallotError("vote.error.shape")
    known = {item.id for item in items}
    by_id = {item.id: item.title for item in items}
    clean: dict[str, dict[str, int]] = {}
    for key, rating in raw.items():
        number = item_id(key, known)
        if str(number) in clean:
            raise BallotError("vote.error.duplicate_item", title=quoted(by_id[number]))
        if not isinstance(rating, Mapping) or set(rating) != set(AXES):
            raise BallotError("vote.error.rating_axes", title=quoted(by_id[number]))
        for axis in AXES:
            value = rating[axis]
            if isinstance(value, bool) or not isinstance(value, int) or not SCALE[0] <= value <= SCALE[1]:
                raise BallotError(
                    f"vote.error.rating_range_{axis}",
                    title=quoted(by_id[number]),
                    value=value,
                    low=SCALE[0],
                    high=SCALE[1],
                )
        clean[str(number)] = {axis: rating[axis] for axis in AXES}
    if not clean:
        raise BallotError("vote.error.empty")
    return {"ratings": clean}


def quadrant(importance: float, feasibility: float) -> str:
    """Which quarter of the 2×2 chart a pair of means falls in."""
    high_i, high_f = importance >= MIDPOINT, feasibility >= MIDPOINT
    if high_i:
        return "priority" if high_f else "challenge"
    return "quick_win" if high_f else "later"


def tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    ids = [item.id for item in items]
    sums = {i: {axis: [0, 0] for axis in AXES} for i in ids}  # sum, sum of squares
    raters = {i: 0 for i in ids}
    for ballot in ballots:
        for key, rating in ballot.get("ratings", {}).items():
            number = int(key)
            if number not in raters:
                continue
            raters[number] += 1
            for axis in AXES:
                sums[number][axis][0] += rating[axis]
                sums[number][axis][1] += rating[axis] ** 2
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
    lines = opening(Line("vote.explain.matrix", {"n": n, "midpoint": MIDPOINT}), n, items, ranking)
    if ranking:
        best = ranking[0][0]
        lines += first_line(
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
                Line("vote.explain.matrix_priority", {"count": len(in_priority), "titles": titles(in_priority, items)})
            )
        else:
            lines.append(Line("vote.explain.matrix_no_priority"))
        unrated = [i for i in ids if not raters[i]]
        if unrated:
            lines.append(Line("vote.explain.matrix_unrated", {"titles": titles(unrated, items)}))
    return Result("matrix", n, ranking, scores, tuple(lines), {"stats": stats, "midpoint": MIDPOINT})


_AROUND = ("top center", "bottom center", "middle right", "middle left", "top right", "bottom left")


def _label_positions(points: Sequence[tuple[float, float]]) -> list[str]:
    """Where each point's title goes: above it, and around it in turn when
    several priorities share (nearly) the same place, so titles never overlap."""
    seen: dict[tuple[float, float], int] = {}
    positions = []
    for x, y in points:
        spot = (round(x, 1), round(y, 1))
        positions.append(_AROUND[seen.get(spot, 0) % len(_AROUND)])
        seen[spot] = seen.get(spot, 0) + 1
    return positions


def chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """The 2×2 chart: feasibility across, importance up, spread as error bars,
    the quadrants split at the scale's midpoint and named."""
    stats = result.extra.get("stats", {})
    rated = [item for item in items if stats.get(item.id, {}).get("n")]
    fig = go.Figure(
        go.Scatter(
            x=[stats[item.id]["feasibility"] for item in rated],
            y=[stats[item.id]["importance"] for item in rated],
            error_x={
                "type": "data",
                "array": [stats[item.id]["feasibility_sd"] for item in rated],
                "color": GREY,
                "thickness": 1,
            },
            error_y={
                "type": "data",
                "array": [stats[item.id]["importance_sd"] for item in rated],
                "color": GREY,
                "thickness": 1,
            },
            mode="markers+text",
            text=[safe(item.title) for item in rated],
            textposition=_label_positions([(stats[i.id]["feasibility"], stats[i.id]["importance"]) for i in rated]),
            marker={"size": 12, "color": BLUE},
            customdata=[[stats[item.id]["feasibility_sd"], stats[item.id]["importance_sd"]] for item in rated],
            hovertemplate="%{text}<br>%{x:.2f} × %{y:.2f}<br>"
            + safe(translate("vote.chart.matrix.spread", lang))
            + ": %{customdata[0]:.2f} × %{customdata[1]:.2f}<extra></extra>",
        )
    )
    low, high = SCALE[0] - 0.5, SCALE[1] + 0.5
    fig.add_vline(x=MIDPOINT, line_dash="dot", line_color=GREY)
    fig.add_hline(y=MIDPOINT, line_dash="dot", line_color=GREY)
    corners = {
        "priority": (high, high, "right", "top"),
        "challenge": (low, high, "left", "top"),
        "quick_win": (high, low, "right", "bottom"),
        "later": (low, low, "left", "bottom"),
    }
    for name, (x, y, xanchor, yanchor) in corners.items():
        fig.add_annotation(
            x=x,
            y=y,
            text=translate(f"vote.quadrant.{name}", lang),
            showarrow=False,
            xanchor=xanchor,
            yanchor=yanchor,
            font={"color": GREY},
        )
    return layout(
        fig,
        translate("vote.chart.matrix.title", lang),
        result,
        lang,
        8,
        xaxis={"title": {"text": translate("vote.chart.matrix.x", lang)}, "range": [low, high], "dtick": 1},
        yaxis={"title": {"text": translate("vote.chart.matrix.y", lang)}, "range": [low, high], "dtick": 1},
        showlegend=False,
    )


def describe_params(params: Mapping, lang: str = "it") -> str:
    return translate("metodi.params.matrix", lang)


def details(result: Result, lang: str = "it") -> list[tuple[str, dict[int, str]]]:
    """Mean importance and mean feasibility of each priority."""
    stats = result.extra.get("stats", {})

    def mean(i, axis):
        value = stats[i].get(axis)
        return "–" if value is None else fmt.number(value, 2, lang)

    return [
        (translate("metodi.matrix.importance", lang), {i: mean(i, "importance") for i in stats}),
        (translate("metodi.matrix.feasibility", lang), {i: mean(i, "feasibility") for i in stats}),
    ]


def outcome(result: Result) -> dict:
    return {
        "ranking": [list(tier) for tier in result.ranking],
        "winners": list(result.winners),
        "midpoint": result.extra.get("midpoint"),
        "stats": {str(k): dict(v) for k, v in result.extra.get("stats", {}).items()},
    }


METHOD = Method(
    name="matrix",
    menu_order=60,
    label="vote.method.matrix",
    description="vote.method.matrix.help",
    tie_rule="vote.method.matrix.tie",
    check_params=check_params,
    validate=validate,
    tally=tally,
    charts=(chart,),
    describe_params=describe_params,
    score_label="vote.score.matrix",
    outcome=outcome,
    details=details,
)
