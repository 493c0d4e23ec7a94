"""What every method's phone screen and parameter form share: the ``Screen``
entry of the registry, the submit key, ``round_context`` and ``submit_button``.

Every screen is an ``st.fragment`` (a tap reruns only the panel), every widget
has a stable key built from the round and item ids, and everything works with
one thumb: full-width buttons and toggles, no drag and drop. A screen reads
the database once per session and round (items and the participant's earlier
ballot, ``round_context``), and its "Invia il voto" button is a fragment nested
in it: a vote tap reruns the button and its confirmation, the ballot is read
from the widgets' session state (the method's ``read_ballot``) and stored in
one write transaction that checks the round is still open (measured in
bench/RESULTS.md). Priority titles are drawn with ``st.text`` (never as a
widget label: labels read Markdown) so a title typed by a person shows exactly
as typed.

The ballot is validated by the core (``workshop.cast_ballot`` → the method's
``validate``); its error, in Italian, is shown on the phone and nothing is saved.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import streamlit as st

from cantiere import fmt, voting
from cantiere import workshop as w
from cantiere.errors import CantiereError
from cantiere.i18n import translate
from cantiere.store import workshops as db
from cantiere.ui import get_store, guard, lang, show_error, state, t
from cantiere.workshop_errors import RoundNotOpenError

BallotReader = Callable[[int, tuple[int, ...]], dict]


@dataclass(frozen=True)
class Screen:
    """The UI of one voting method (``cantiere/ui/methods/<name>.py``, ending with ``SCREEN``)."""

    name: str  # the method's name in ``voting.METHODS``
    screen: Callable[[db.Round, db.Participant], None]  # the phone screen (an st.fragment, or drawn by the browser)
    read_ballot: BallotReader | None  # the ballot from the widgets' state; None: the screen saves each answer
    form: Callable[[Mapping, Sequence[db.Priority]], None]  # the facilitator's inputs, from earlier params
    params_from_state: Callable[[Sequence[db.Priority]], tuple[dict, dict]]  # (params, costs) as typed
    # (store, open round, language) -> the spec the browser draws the screen from, for
    # a method whose screen the browser draws (it then follows the room without a page run)
    browser: Callable[..., dict] | None = None


def submit_key(round_id: int) -> str:
    return f"partecipa.vote.{round_id}"


def _state_key(round_id: int) -> str:
    return f"partecipa.method_state.{round_id}"


ITEMS_TTL_S = 5.0  # a room joining at once reads a round's items once per process and 5 s
_items: dict[tuple[str, int], tuple[float, list[voting.Item]]] = {}
_items_lock = threading.Lock()


def round_items(store, rnd: db.Round) -> list[voting.Item]:
    """The items of an open round, shared by the sessions of this process for
    a few seconds (issue 16: 300 phones joining in 10 s make one read, not 300)."""
    key, now = (store.url, rnd.id), time.monotonic()
    with _items_lock:
        hit = _items.get(key)
    if hit is not None and now - hit[0] < ITEMS_TTL_S:
        return list(hit[1])  # a copy: a screen may reorder its list
    items = w.items_of(store, rnd.workshop_id, rnd.params)
    with _items_lock:
        if len(_items) > 256:  # rounds of past workshops: forget them
            _items.clear()
        _items[key] = (now, items)
    return list(items)


def round_context(rnd: db.Round, who: db.Participant) -> tuple[list[voting.Item], dict] | None:
    """(items, earlier payload) of this round for this phone, read once per
    session and round: the starting values of the widgets (afterwards they keep
    their own state). The ballot is checked against the database at every
    submit. None, with a notice, when the round is not open."""
    if rnd.status != "open":
        st.info(t("partecipa.round_closed"))
        return None
    key = _state_key(rnd.id)
    cached = st.session_state.get(key)
    if cached is None or cached[0] != who.id:
        store = get_store()
        mine = w.my_ballot(store, who, rnd.id)
        cached = (who.id, round_items(store, rnd), dict(mine.payload) if mine else {})
        st.session_state[key] = cached
    return cached[1], cached[2]


def remember_ballot(round_id: int, payload: Mapping) -> None:
    """Make ``payload`` the screen's starting point (a screen that saves each answer)."""
    key = _state_key(round_id)
    if key in st.session_state:
        st.session_state[key] = (*st.session_state[key][:2], dict(payload))


@st.fragment
def _submit(
    read_ballot: BallotReader, round_id: int, who: db.Participant, item_ids: tuple[int, ...], language: str
) -> None:
    """ "Invia il voto" in a fragment nested in the screen: a tap reruns only the
    button and "Voto registrato" (or the core's message, nothing saved). The
    language comes from the screen's run (``lang()`` reads state, URL, settings)."""
    if st.button(
        translate("partecipa.submit_vote", language), key=submit_key(round_id), type="primary", width="stretch"
    ):
        try:
            guard.allow("vote", who.token)
            _, replaced = w.cast_ballot(get_store(), who, round_id, read_ballot(round_id, item_ids))
        except RoundNotOpenError:  # closed since the screen was drawn: say so on the current screen
            st.session_state[state.PARTECIPA_MOVED] = translate("live.vote_too_late", language)
            st.rerun(scope="app")
        except CantiereError as exc:
            show_error(exc)
        else:
            st.success(
                translate("partecipa.vote_replaced" if replaced else "partecipa.vote_saved", language), icon="✅"
            )


def submit_button(rnd: db.Round, who: db.Participant, items: list[voting.Item], read_ballot: BallotReader) -> None:
    """The shared "Invia il voto" of a screen whose ballot ``read_ballot`` reads from its widgets."""
    _submit(read_ballot, rnd.id, who, tuple(item.id for item in items), lang())


class AmountError(CantiereError):
    """An amount typed in a form is not a number of euros (0 or more)."""

    key = "a11y.not_amount"


def money(value: float) -> str:
    """An amount in euros, the way the session's language writes it: «1.500 €»."""
    return fmt.euro(value, lang())


def amount_input(label: str, value: float, key: str, **kwargs) -> None:
    """A field for an amount that reads «50.000», «50000,50» and «50 000» as people
    write them (a browser's number field turns «50.000» into 50): read it back
    with :func:`read_amount`."""
    if key not in st.session_state:
        st.session_state[key] = fmt.number(value, 0 if float(value).is_integer() else 2, lang())
    st.text_input(label, key=key, **kwargs)


def read_amount(key: str) -> float | None:
    """The amount typed in field ``key`` (None when empty); AmountError names what is wrong."""
    raw = st.session_state.get(key)
    if raw is None or str(raw).strip() == "":
        return None
    try:
        value = fmt.parse_amount(str(raw))
    except ValueError:
        raise AmountError(value=str(raw)) from None
    if value < 0:
        raise AmountError(value=str(raw))
    return value


def no_params(priorities: Sequence[db.Priority]) -> tuple[dict, dict]:
    """``params_from_state`` of a method without parameters."""
    return {}, {}


def no_form(params: Mapping, priorities: Sequence[db.Priority]) -> None:
    """``form`` of a method without parameters: its description says it all."""
