"""Charts of voting results: each method draws its own (``cantiere/voting/<name>.py``,
``Method.charts``); this module looks them up by ``result.method``.

Pure plotly builders, data in, figure out; labels from the translation table,
item titles HTML-escaped (``cantiere.voting.charts.safe``).
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from cantiere import fmt
from cantiere.errors import UnknownNameError
from cantiere.voting import METHODS, Item, Result
from cantiere.voting.charts import safe
from cantiere.voting.ranking import schulze_chart

__all__ = ["CHARTS", "result_chart", "result_charts", "safe", "schulze_chart"]

# The main chart of each method (a view of the registry).
CHARTS = {name: m.chart for name, m in METHODS.items()}


def _method(result: Result):
    try:
        return METHODS[result.method]
    except KeyError:
        raise UnknownNameError("thing.chart", result.method, list(METHODS)) from None


def result_chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """The chart of ``result`` for its method; UnknownNameError lists the methods with a chart."""
    return _italian_axes(_method(result).chart(result, items, lang))


def _italian_axes(fig: go.Figure) -> go.Figure:
    """Full numbers on every axis with the figure's separators: «10.000», never «10k» (issue 15)."""
    fig.update_xaxes(**fmt.PLOTLY_AXIS)
    fig.update_yaxes(**fmt.PLOTLY_AXIS)
    return fig


def result_charts(result: Result, items: Sequence[Item], lang: str = "it") -> list[go.Figure]:
    """Every chart of ``result``'s method, the main one first (ranking adds the Schulze heatmap)."""
    return [_italian_axes(chart(result, items, lang)) for chart in _method(result).charts]
