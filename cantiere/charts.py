"""Plotly builders for the Atlante: data in, figure out (no Streamlit).

Labels arrive already translated; numbers are formatted the Italian way by
setting the figure's separators.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cantiere import fmt

FEMALE = "#b5302b"
MALE = "#2b6cb5"
SEPARATORS = {"it": ",.", "en": ".,"}  # plotly: decimal then thousands


def age_pyramid(table: pd.DataFrame, labels: dict[str, str], lang: str = "it") -> go.Figure:
    """Horizontal bars, men to the left and women to the right, by age band.

    ``table`` is ``indicators.age_pyramid``'s output; ``labels`` gives
    ``female``, ``male``, ``age`` and ``people`` texts.
    """
    fig = go.Figure()
    fig.add_bar(
        y=table["band"],
        x=-table["M"],
        orientation="h",
        name=labels["male"],
        marker_color=MALE,
        customdata=table["M"],
        hovertemplate="%{y}: %{customdata:,}<extra>" + labels["male"] + "</extra>",
    )
    fig.add_bar(
        y=table["band"],
        x=table["F"],
        orientation="h",
        name=labels["female"],
        marker_color=FEMALE,
        customdata=table["F"],
        hovertemplate="%{y}: %{customdata:,}<extra>" + labels["female"] + "</extra>",
    )
    peak = int(max(table["M"].max(), table["F"].max(), 1))
    ticks = [round(peak * f) for f in (-1, -0.5, 0, 0.5, 1)]
    fig.update_layout(
        barmode="overlay",
        bargap=0.05,
        separators=SEPARATORS.get(lang, ",."),
        xaxis={
            "title": labels["people"],
            "tickvals": ticks,
            "ticktext": [f"{abs(v):,}".replace(",", "." if lang == "it" else ",") for v in ticks],
        },
        yaxis={"title": labels["age"], "categoryorder": "array", "categoryarray": list(table["band"])},
        legend={"orientation": "h", "y": -0.15},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        height=460,
    )
    return fig


def comparison(names: list[str], values: list[float], title: str, unit: str, lang: str = "it") -> go.Figure:
    """Bars comparing one indicator across a comune, its district and the province."""
    fig = go.Figure(
        go.Bar(x=values, y=names, orientation="h", marker_color=["#fd8d3c", "#bd0026", "#7f7f7f"][: len(names)])
    )
    fig.update_traces(texttemplate="%{x:,.1f}", textposition="auto", hovertemplate="%{y}: %{x:,.1f}<extra></extra>")
    fig.update_layout(
        title=title,
        separators=SEPARATORS.get(lang, ",."),
        xaxis={"title": unit},
        yaxis={"autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        height=220,
    )
    fig.update_xaxes(**fmt.PLOTLY_AXIS)  # «10.000», never «10k»
    return fig
