"""The voting methods on screen: one module per method
(``cantiere/ui/methods/<name>.py``: its phone screen, the ballot reader of its
widgets and the facilitator's parameter form), registered here under the
method's name in ``cantiere.voting.METHODS``. What the screens share is in
``common``."""

from __future__ import annotations

from cantiere.errors import UnknownNameError
from cantiere.store import workshops as db
from cantiere.ui.methods import approval, budget, dots, matrix, pairwise, ranking
from cantiere.ui.methods.common import Screen, round_context, submit_button, submit_key

__all__ = ["SCREENS", "Screen", "round_context", "screen", "submit_button", "submit_key", "vote_panel"]

SCREENS: dict[str, Screen] = {m.SCREEN.name: m.SCREEN for m in (dots, approval, ranking, budget, pairwise, matrix)}


def screen(name: str) -> Screen:
    """The UI of the method ``name``; UnknownNameError lists the methods with a screen."""
    try:
        return SCREENS[name]
    except KeyError:
        raise UnknownNameError("thing.voting_method", name, list(SCREENS)) from None


def vote_panel(rnd: db.Round, who: db.Participant) -> None:
    """The phone's vote: the screen of the round's method."""
    screen(rnd.method).screen(rnd, who)
