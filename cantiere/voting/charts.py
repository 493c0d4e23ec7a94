"""Chart helpers shared by the methods' charts: pure plotly, data in, figure out.

Item titles may come from participants and plotly reads a subset of HTML in
every text (``<a href>``, ``<b>``...), so titles are HTML-escaped before they
reach a figure. Labels come from the translation table.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from cantiere import fmt
from cantiere.i18n import translate
from cantiere.voting.model import Item, Result

# colour-blind safe (Okabe–Ito)
BLUE, ORANGE, GREEN, GREY = "#0072B2", "#E69F00", "#009E73", "#999999"


def safe(text: str) -> str:
    """``text`` for a plotly label: HTML-escaped, so it shows as typed."""
    return html.escape(str(text), quote=True)


def order(result: Result, items: Sequence[Item]) -> list[int]:
    """Item ids best first (ties in list order); items never ranked go last."""
    ranked = [i for tier in result.ranking for i in tier]
    return ranked + [item.id for item in items if item.id not in ranked]


def layout(fig: go.Figure, title: str, result: Result, lang: str, n_items: int, **axes) -> go.Figure:
    """Title, "N schede" subtitle, height for ``n_items`` rows, the language's separators."""
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
    fig.update_xaxes(**fmt.PLOTLY_AXIS)  # «10.000», never «10k»
    fig.update_yaxes(**fmt.PLOTLY_AXIS)
    return fig


def bars(
    result: Result,
    items: Sequence[Item],
    lang: str,
    prefix: str,
    values: Mapping[int, float],
    color: str = BLUE,
    hover: Mapping[int, str] | None = None,
) -> go.Figure:
    """Horizontal bars, best on top; title and axis from ``{prefix}.title`` and ``{prefix}.axis``."""
    by_id = {item.id: item for item in items}
    ids = order(result, items)
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
    return layout(
        fig,
        translate(f"{prefix}.title", lang),
        result,
        lang,
        len(ids),
        xaxis={"title": {"text": translate(f"{prefix}.axis", lang)}, "rangemode": "tozero"},
        yaxis={"title": {"text": translate("vote.chart.item", lang)}, "autorange": "reversed", "type": "category"},
    )
