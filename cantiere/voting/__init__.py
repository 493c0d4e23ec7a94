"""Voting methods: pure functions over ballots, registered by name.

One method, one module: ``cantiere/voting/<name>.py`` holds its parameters,
ballot validation, tally, words and charts, and ends with ``METHOD``; every
module of this package with a ``METHOD`` is registered (adding a method is
adding a module). Its strings live beside it in ``strings_<name>.py``, its
phone screen and parameter form in ``cantiere/ui/methods/<name>.py``, its user
documentation in ``docs/metodi-di-voto*.md``;
``tests/unit/test_method_registry.py`` fails when one of these pieces is missing.

Ballot shapes (item ids may arrive as strings, JSON keys always do):

- ``dots``      ``{"dots": {"<item_id>": n}}``
- ``approval``  ``{"approved": [item_id, ...]}``
- ``ranking``   ``{"order": [item_id, ...]}`` best first; unranked items share the bottom
- ``budget``    ``{"approved": [item_id, ...]}`` whose total cost fits the budget
- ``pairwise``  ``{"comparisons": [[winner, loser] | [a, b, "skip"], ...]}``
- ``matrix``    ``{"ratings": {"<item_id>": {"importance": 1..5, "feasibility": 1..5}}}``
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping, Sequence

from cantiere.errors import UnknownNameError
from cantiere.voting.budget import equal_shares, equal_shares_fixed_budget, greedy_budget
from cantiere.voting.explain import explain, line_text
from cantiere.voting.matrix import AXES, MIDPOINT, QUADRANTS, SCALE, quadrant
from cantiere.voting.model import BallotError, Item, Line, Method, Result, RoundParamsError, tiers
from cantiere.voting.pairwise import BT_PRIOR, SKIP, bradley_terry, next_pair
from cantiere.voting.ranking import borda, condorcet_winner, pairwise_preferences, schulze

__all__ = [
    "AXES",
    "BT_PRIOR",
    "METHODS",
    "MIDPOINT",
    "QUADRANTS",
    "SCALE",
    "SKIP",
    "BallotError",
    "Item",
    "Line",
    "Method",
    "Result",
    "RoundParamsError",
    "borda",
    "bradley_terry",
    "condorcet_winner",
    "equal_shares",
    "equal_shares_fixed_budget",
    "explain",
    "greedy_budget",
    "line_text",
    "method",
    "next_pair",
    "pairwise_preferences",
    "quadrant",
    "schulze",
    "tally",
    "tiers",
]


def _discover() -> dict[str, Method]:
    """Every ``METHOD`` of this package's modules, in the facilitator's menu order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        entry = getattr(importlib.import_module(f"{__name__}.{info.name}"), "METHOD", None)
        if isinstance(entry, Method):
            found.append(entry)
    return {m.name: m for m in sorted(found, key=lambda m: (m.menu_order, m.name))}


# The registry, in the order the facilitator's menu shows them.
METHODS: dict[str, Method] = _discover()


def method(name: str) -> Method:
    """The method registered as ``name``; UnknownNameError lists the valid names."""
    try:
        return METHODS[name]
    except KeyError:
        raise UnknownNameError("thing.voting_method", name, list(METHODS)) from None


def tally(name: str, ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    """Tally ``ballots`` with the method ``name`` (ballots are assumed validated)."""
    m = method(name)
    return m.tally(ballots, items, m.check_params(params, items))
