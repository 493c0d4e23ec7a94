"""The voting methods on screen: one module per method
(``cantiere/ui/methods/<name>.py``: its phone screen, the ballot reader of its
widgets and the facilitator's parameter form), ending with ``SCREEN``; every
module of this package with a ``SCREEN`` is registered under the method's name
in ``cantiere.voting.METHODS``. What the screens share is in ``common``."""

from __future__ import annotations

import importlib
import pkgutil

from cantiere.errors import UnknownNameError
from cantiere.store import workshops as db
from cantiere.ui.methods.common import Screen, round_context, submit_button, submit_key

__all__ = [
    "SCREENS",
    "Screen",
    "room_screen",
    "round_context",
    "screen",
    "submit_button",
    "submit_key",
    "vote_panel",
]


def _discover() -> dict[str, Screen]:
    found = {}
    for info in pkgutil.iter_modules(__path__):
        entry = getattr(importlib.import_module(f"{__name__}.{info.name}"), "SCREEN", None)
        if isinstance(entry, Screen):
            found[entry.name] = entry
    return found


SCREENS: dict[str, Screen] = _discover()


def screen(name: str) -> Screen:
    """The UI of the method ``name``; UnknownNameError lists the methods with a screen."""
    try:
        return SCREENS[name]
    except KeyError:
        raise UnknownNameError("thing.voting_method", name, list(SCREENS)) from None


def vote_panel(rnd: db.Round, who: db.Participant) -> None:
    """The phone's vote: the screen of the round's method."""
    screen(rnd.method).screen(rnd, who)


def room_screen(store, workshop: db.Workshop, language: str) -> dict | None:
    """The screen every phone of ``workshop`` shows now, as the spec the browser
    draws it from (``Screen.browser``), when the browser can draw it: an open
    round of a method that has one. None: the phone reruns its page to see it."""
    from cantiere import workshop as w

    if workshop.phase != "voto":
        return None
    rnd = w.current_round(store, workshop.id)
    entry = SCREENS.get(rnd.method) if rnd is not None and rnd.status == "open" else None
    if entry is None or entry.browser is None:
        return None
    return entry.browser(store, rnd, language)
