"""Class breaks for choropleth maps.

``classify(values, scheme, k)`` looks the scheme up in a registry. With fewer
distinct values than classes it uses one class per distinct value instead of
drawing empty or duplicated classes; with no values it raises
ClassificationError.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from cantiere.errors import ClassificationError, UnknownNameError

# ColorBrewer YlOrRd (sequential, colour-blind safe), from light to dark
PALETTE = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026")
NO_DATA_COLOR = "#d9d9d9"
MAX_CLASSES = len(PALETTE)


@dataclass(frozen=True)
class Classes:
    """``k`` classes: class i holds values in (bounds[i], bounds[i+1]], the first
    one also holds bounds[0]. ``colors[i]`` is the fill of class i."""

    scheme: str
    bounds: tuple[float, ...]  # k + 1 ascending numbers: min, upper bound of each class

    @property
    def k(self) -> int:
        return len(self.bounds) - 1

    @property
    def colors(self) -> tuple[str, ...]:
        if self.k == 1:
            return (PALETTE[3],)
        picks = np.linspace(0, len(PALETTE) - 1, self.k).round().astype(int)
        return tuple(PALETTE[i] for i in picks)

    def assign(self, value: float | None) -> int | None:
        """The class index of ``value``; None for a missing value."""
        if value is None or np.isnan(value):
            return None
        for i, upper in enumerate(self.bounds[1:]):
            if value <= upper:
                return i
        return self.k - 1

    def color(self, value: float | None) -> str:
        index = self.assign(value)
        return NO_DATA_COLOR if index is None else self.colors[index]


def _quantiles(values: np.ndarray, k: int) -> list[float]:
    return list(np.quantile(values, np.linspace(0, 1, k + 1)[1:]))


def _equal(values: np.ndarray, k: int) -> list[float]:
    return list(np.linspace(values.min(), values.max(), k + 1)[1:])


def _jenks(values: np.ndarray, k: int) -> list[float]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Numba not installed": the pure-Python path is fine for 18 comuni
        import mapclassify

        return list(mapclassify.FisherJenks(values, k=k).bins)


SCHEMES: dict[str, Callable[[np.ndarray, int], list[float]]] = {
    "quantili": _quantiles,
    "intervalli_uguali": _equal,
    "jenks": _jenks,
}


def classify(values: Sequence[float], scheme: str = "quantili", k: int = 5) -> Classes:
    """Split ``values`` (missing ones ignored) into at most ``k`` classes."""
    if scheme not in SCHEMES:
        raise UnknownNameError("thing.classification_scheme", scheme, list(SCHEMES))
    if not 1 <= k <= MAX_CLASSES:
        raise UnknownNameError("thing.class_count", k, range(1, MAX_CLASSES + 1))
    data = np.asarray([v for v in values if v is not None], dtype=float)
    data = data[~np.isnan(data)]
    if data.size == 0:
        raise ClassificationError()
    distinct = np.unique(data)
    if distinct.size <= k:
        # one class per distinct value: no empty classes, no repeated bounds
        return Classes(scheme, (float(distinct[0]), *map(float, distinct)))
    uppers = SCHEMES[scheme](data, k)
    # ties in skewed data can repeat a bound: keep each once, close on the max
    bounds = sorted({float(b) for b in uppers} | {float(data.max())})
    return Classes(scheme, (float(data.min()), *bounds))
