"""Charts of voting results: pure plotly builders, data in, figure out.

One builder per method, looked up by ``result.method`` in ``CHARTS``; labels
come from the translation table. Item titles may come from participants and
plotly reads a subset of HTML in every text (``<a href>``, ``<b>``...), so
titles are HTML-escaped before they reach a figure.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

import plotly.graph_objects as go

from cantiere import fmt
from cantiere.errors import UnknownNameError
from cantiere.i18n import translate
from cantiere.voting import MIDPOINT, SCALE, Item, Result

# colour-blind safe (Okabe–Ito)
BLUE, ORANGE, GREEN, GREY = "#0072B2", "#E69F00", "#009E73", "#999999"


def safe(text: str) -> str:
    """``text`` for a plotly label: HTML-escaped, so it shows as typed."""
    return html.escape(str(text), quote=True)


def _order(result: Result, items: Sequence[Item]) -> list[int]:
    """Item ids best first (ties in list order); items never ranked go last."""
    ranked = [i for tier in result.ranking for i in tier]
    return ranked + [item.id for item in items if item.id not in ranked]


def _layout(fig: go.Figure, title: str, result: Result, lang: str, n_items: int, **axes) -> go.Figure:
    subtitle = (
        translate("vote.chart.ballots", lang, n=fmt.number(result.n_ballots, 0, lang))
        if result.n_ballots
        else translate("vote.chart.no_ballots", lang)
    )
    fig.update_layout(
        title={"text": title, "subtitle": {"text": subtitle}},
        height=max(320, 60 + 36 * n_items),
        margin={"l": 10, "r": 10, "t": 80, "b": 40},
        separators=",." if lang == "it" else ".,",
        **axes,
    )
    return fig


def _bars(
    result: Result,
    items: Sequence[Item],
    lang: str,
    prefix: str,
    values: Mapping[int, float],
    color: str = BLUE,
    hover: Mapping[int, str] | None = None,
) -> go.Figure:
    by_id = {item.id: item for item in items}
    ids = _order(result, items)
    labels = [safe(by_id[i].title) for i in ids]
    fig = go.Figure(
        go.Bar(
            x=[values.get(i, 0) for i in ids],
            y=labels,
            orientation="h",
            marker_color=color,
            text=[fmt.number(values.get(i, 0), 0 if float(values.get(i, 0)).is_integer() else 1, lang) for i in ids],
            textposition="auto",
            hovertext=[hover.get(i, "") for i in ids] if hover else None,
        )
    )
    return _layout(
        fig,
        translate(f"{prefix}.title", lang),
        result,
        lang,
        len(ids),
        xaxis={"title": {"text": translate(f"{prefix}.axis", lang)}, "rangemode": "tozero"},
        yaxis={"title": {"text": translate("vote.chart.item", lang)}, "autorange": "reversed", "type": "category"},
    )


def dots_chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """Horizontal bars: dots per priority, best on top."""
    return _bars(result, items, lang, "vote.chart.dots", result.scores)


def approval_chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """Horizontal bars: approvals per priority, with the share in the hover."""
    share = result.extra.get("share", {})
    hover = {i: fmt.percent(v, 1, lang) for i, v in share.items()}
    return _bars(result, items, lang, "vote.chart.approval", result.scores, hover=hover)


def ranking_chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """Horizontal bars: Borda points per priority (the Schulze order is in the explanation)."""
    return _bars(result, items, lang, "vote.chart.ranking", result.scores)


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
    return _layout(
        fig,
        translate("vote.chart.schulze.title", lang),
        result,
        lang,
        len(ids),
        xaxis={"type": "category", "side": "top"},
        yaxis={"type": "category", "autorange": "reversed"},
    )


def budget_chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """Grouped horizontal bars: euros each project gets by Equal Shares and by greedy,
    beside its cost."""
    by_id = {item.id: item for item in items}
    ids = _order(result, items)
    labels = [safe(by_id[i].title) for i in ids]
    mes = result.extra.get("equal_shares", {}).get("funded", {})
    greedy = result.extra.get("greedy", {}).get("funded", {})
    costs = result.extra.get("costs", {i: by_id[i].cost for i in ids})
    fig = go.Figure()
    for name, funded, color in (("equal_shares", mes, BLUE), ("greedy", greedy, ORANGE)):
        values = [funded.get(i, 0.0) for i in ids]
        fig.add_trace(
            go.Bar(
                name=translate(f"vote.chart.budget.{name}", lang),
                x=values,
                y=labels,
                orientation="h",
                marker_color=color,
                text=[fmt.number(v, 0, lang) if v else "" for v in values],
                textposition="auto",
            )
        )
    fig.add_trace(
        go.Scatter(
            name=translate("vote.chart.budget.cost", lang),
            x=[costs.get(i) for i in ids],
            y=labels,
            mode="markers",
            marker={"symbol": "line-ns-open", "size": 18, "color": GREY, "line": {"width": 2}},
        )
    )
    budget = result.extra.get("budget", 0)
    return _layout(
        fig,
        translate("vote.chart.budget.title", lang, budget=fmt.number(budget, 0, lang)),
        result,
        lang,
        2 * len(ids),
        barmode="group",
        xaxis={"title": {"text": translate("vote.chart.budget.axis", lang)}, "rangemode": "tozero"},
        yaxis={"title": {"text": translate("vote.chart.item", lang)}, "autorange": "reversed", "type": "category"},
        legend={"orientation": "h", "y": -0.15},
    )


def pairwise_chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """Horizontal bars: Bradley–Terry score 0–100, share of comparisons won in the hover."""
    share = result.extra.get("share_won", {})
    label = translate("vote.chart.pairwise.share", lang)
    hover = {i: f"{label}: {fmt.percent(v, 0, lang)}" for i, v in share.items()}
    fig = _bars(result, items, lang, "vote.chart.pairwise", result.scores, color=GREEN, hover=hover)
    fig.update_xaxes(range=[0, 100])
    return fig


def matrix_chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
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
            textposition="top center",
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
    return _layout(
        fig,
        translate("vote.chart.matrix.title", lang),
        result,
        lang,
        8,
        xaxis={"title": {"text": translate("vote.chart.matrix.x", lang)}, "range": [low, high], "dtick": 1},
        yaxis={"title": {"text": translate("vote.chart.matrix.y", lang)}, "range": [low, high], "dtick": 1},
        showlegend=False,
    )


CHARTS: dict[str, Callable[[Result, Sequence[Item], str], go.Figure]] = {
    "dots": dots_chart,
    "approval": approval_chart,
    "ranking": ranking_chart,
    "budget": budget_chart,
    "pairwise": pairwise_chart,
    "matrix": matrix_chart,
}


def result_chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """The chart of ``result`` for its method; UnknownNameError lists the methods with a chart."""
    try:
        builder = CHARTS[result.method]
    except KeyError:
        raise UnknownNameError("grafico", result.method, list(CHARTS)) from None
    return builder(result, items, lang)
