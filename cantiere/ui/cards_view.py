"""«Schede cartacee» (issue 19): enter paper cards and assisted votes; and the
facilitator's part (print cards, helper PINs) shown in Facilitazione.

Who: the facilitator of this browser (``auth.current``) or a helper with a PIN
of the day (``cards.helper_login``); the PIN is checked again in every
entry's transaction, so a PIN revoked mid-session saves nothing.

The entry form is one ``st.form``: the card code, then one box per priority,
Tab from box to box and Enter to save — keyboard-fast. The boxes write the
same session-state keys as the phone's screen of the round's method, and the
ballot is read by that method's own reader (``ui.methods``) and checked by
the same validation as a phone (``workshop.ballot_validator``). After a saved
card every box is emptied: the next card, or the next person, starts blank.
"""

from __future__ import annotations

import streamlit as st

from cantiere import cards
from cantiere import workshop as w
from cantiere.errors import CantiereError
from cantiere.store import cards as db_cards
from cantiere.store import workshops as db
from cantiere.ui import auth, error_message, flash, get_store, lang, methods, safe, show_error, t
from cantiere.ui.methods.approval import approval_key
from cantiere.ui.methods.budget import budget_key
from cantiere.ui.methods.dots import dots_key
from cantiere.ui.methods.matrix import matrix_key
from cantiere.ui.workshop_data import join_url
from cantiere.voting import AXES

WORKSHOP_CODE = "schede.workshop_code"
PIN = "schede.pin"
LOGIN = "schede.login"
LOGOUT = "schede.logout"
HELPER = "schede.helper"  # the helper's Actor (PIN id and label, never the PIN)
MODE = "schede.mode"
CARD_CODE = "schede.card_code"  # within a sheet: box_key(sheet(), CARD_CODE)
SHEET = "schede.sheet"
SAVE = "schede.save"
NEXT = "schede.next"
FLASH = "schede.flash"  # (kind, message) after a save
FORM = "schede.form"
PREFILLED = "schede.prefilled"
# Facilitazione
HOW_MANY = "schede.fac.how_many"
DOUBLE = "schede.fac.double"
PRINT = "schede.fac.print"
PIN_LABEL = "schede.fac.pin_label"
NEW_PIN = "schede.fac.new_pin"
SHOWN_PIN = "schede.fac.shown_pin"  # (label, pin): shown once, until dismissed
PIN_SEEN = "schede.fac.pin_seen"


def rank_key(round_id: int, item_id: int) -> str:
    return f"schede.rank.{round_id}.{item_id}"


def revoke_key(pin_id: int) -> str:
    return f"schede.fac.revoke.{pin_id}"


# --- the page -----------------------------------------------------------------------


def render() -> None:
    """The «Schede cartacee» page."""
    st.caption(t("cards.page.intro"))
    store = get_store()
    params = st.query_params
    if WORKSHOP_CODE not in st.session_state and params.get("code"):
        st.session_state[WORKSHOP_CODE] = params.get("code")
    typed = st.text_input(t("cards.page.workshop_code"), key=WORKSHOP_CODE, max_chars=12)
    if not typed:
        return
    try:
        workshop = w.find_workshop(store, typed)
    except CantiereError as exc:
        show_error(exc)
        return
    safe.heading(workshop.title, 3)
    actor = _who(workshop)
    if actor is None:
        return
    try:
        rnd = cards.entry_round(store, workshop.id)
    except CantiereError:
        st.info(t("cards.page.no_round"))
        return
    if rnd.method not in cards.PAPER_METHODS:
        st.info(t("cards.page.not_on_paper"))
        return
    mode = st.segmented_control(
        t("cards.page.mode"),
        list(cards.ENTRY_CHANNELS),
        key=MODE,
        default="paper",
        format_func=lambda c: t(f"cards.mode.{c}"),
        width="stretch",
    )
    channel = mode or "paper"
    st.caption(t(f"cards.mode.{channel}.help"))
    flash.show(FLASH)
    _entry_form(actor, workshop, rnd, channel)
    _status(workshop, rnd)


def _who(workshop: db.Workshop) -> w.Actor | None:
    """The facilitator, or the helper logged in with a PIN of this workshop; else the PIN form."""
    facilitator = auth.current()
    if facilitator is not None:
        st.caption(t("cards.page.as_facilitator"))
        return facilitator
    helper = st.session_state.get(HELPER)
    if isinstance(helper, w.Actor) and helper.workshop_id == workshop.id:
        st.caption(t("cards.page.as_helper", label=helper.label))
        st.button(t("cards.page.logout"), key=LOGOUT, on_click=st.session_state.pop, args=(HELPER, None))
        return helper
    st.text_input(t("cards.page.pin"), type="password", key=PIN, max_chars=12)
    st.button(t("cards.page.login"), key=LOGIN, type="primary", on_click=_login, args=(workshop,))
    flash.show(FLASH)
    st.caption(t("cards.page.facilitator_hint"))
    return None


def _login(workshop: db.Workshop) -> None:
    typed = st.session_state.get(PIN, "")
    st.session_state[PIN] = ""  # never keep the PIN in session state
    try:
        st.session_state[HELPER] = cards.helper_login(get_store(), workshop, typed)
    except CantiereError as exc:
        flash.put(FLASH, flash.ERROR, error_message(exc))


def sheet() -> int:
    """The number of the blank sheet on screen: +1 after every saved card."""
    return int(st.session_state.get(SHEET, 0))


def box_key(number: int, key: str) -> str:
    """The widget key of a box of blank sheet ``number``; ``key`` is the
    method's own (``dots_key``…) or ``CARD_CODE``. A saved card moves to a new
    sheet: new widgets, empty from the start (a form's widgets keep what the
    browser holds, whatever session state says)."""
    return f"schede.sheet.{number}.{key}"


def _entry_form(actor: w.Actor, workshop: db.Workshop, rnd: db.Round, channel: str) -> None:
    items = w.items_of(get_store(), workshop.id, rnd.params)
    number = sheet()
    if PREFILLED not in st.session_state:  # ?scheda=… from the card's QR code, once
        st.session_state[PREFILLED] = True
        if st.query_params.get("scheda"):
            st.session_state[box_key(number, CARD_CODE)] = st.query_params.get("scheda")
    with st.form(f"{FORM}.{number}", enter_to_submit=True, border=True):
        st.text_input(t("cards.entry.code"), key=box_key(number, CARD_CODE), placeholder="ABCD-EFGH", max_chars=12)
        st.caption(t(f"cards.entry.how.{rnd.method}"))
        for k, item in enumerate(items, 1):
            title, box = st.columns([4, 2], vertical_alignment="center")
            title.text(f"{k}. {item.title}")  # typed text: never a widget label
            with box:
                _box(rnd, item.id, number)
        st.form_submit_button(
            t(f"cards.entry.save_{channel}"),
            key=SAVE,
            type="primary",
            width="stretch",
            on_click=_save,
            args=(actor, workshop.id, rnd, tuple(i.id for i in items), channel),
        )
    st.button(t("cards.entry.next"), key=NEXT, on_click=_next_sheet)


def _box(rnd: db.Round, item_id: int, number: int) -> None:
    """The box of one priority, keyed by the key the method's phone screen uses."""
    label = t("cards.entry.box")
    if rnd.method == "dots":
        key = box_key(number, dots_key(rnd.id, item_id))
        st.number_input(label, min_value=0, step=1, value=0, key=key, label_visibility="collapsed")
    elif rnd.method in ("approval", "budget"):
        key = approval_key(rnd.id, item_id) if rnd.method == "approval" else budget_key(rnd.id, item_id)
        st.checkbox(t("cards.entry.crossed"), key=box_key(number, key))
    elif rnd.method == "ranking":
        key = box_key(number, rank_key(rnd.id, item_id))
        st.number_input(label, min_value=0, step=1, value=0, key=key, label_visibility="collapsed")
    elif rnd.method == "matrix":
        for axis, column in zip(AXES, st.columns(len(AXES))):
            key = box_key(number, matrix_key(rnd.id, item_id, axis))
            column.number_input(
                t(f"cards.entry.axis.{axis}"), min_value=1, max_value=5, step=1, value=None, key=key
            )  # an empty box, not a 1


def _method_keys(rnd: db.Round, item_id: int) -> list[str]:
    if rnd.method == "matrix":
        return [matrix_key(rnd.id, item_id, axis) for axis in AXES]
    by_method = {"dots": dots_key, "approval": approval_key, "budget": budget_key, "ranking": rank_key}
    return [by_method[rnd.method](rnd.id, item_id)]


def read_ballot(rnd: db.Round, item_ids: tuple[int, ...]) -> dict:
    """The card's ballot from the boxes of the sheet on screen, read by the
    method's own reader (the boxes are copied under its keys first); a
    ranking from the numbers written in its boxes."""
    number = sheet()
    for i in item_ids:
        for key in _method_keys(rnd, i):
            st.session_state[key] = st.session_state.get(box_key(number, key))
    if rnd.method == "ranking":
        return cards.ranking_from_positions({i: st.session_state.get(rank_key(rnd.id, i)) for i in item_ids})
    return methods.screen(rnd.method).read_ballot(rnd.id, item_ids)


def _next_sheet() -> None:
    """A blank sheet: the next card, or the next person. The old sheet's state is dropped."""
    old = f"schede.sheet.{sheet()}."
    for key in [k for k in st.session_state if str(k).startswith(old)]:
        del st.session_state[key]
    st.session_state[SHEET] = sheet() + 1


def _save(actor: w.Actor, workshop_id: int, rnd: db.Round, item_ids: tuple[int, ...], channel: str) -> None:
    code = st.session_state.get(box_key(sheet(), CARD_CODE), "")
    try:
        done = cards.enter_card(get_store(), actor, workshop_id, code, read_ballot(rnd, item_ids), channel=channel)
    except CantiereError as exc:
        flash.put(FLASH, flash.ERROR, error_message(exc))  # the boxes keep what was typed
        return
    pretty = cards.pretty(done.card.code)
    if done.status == "mismatch":
        flash.put(FLASH, flash.WARNING, t("cards.entry.mismatch", code=pretty, helper=done.first_helper))
    elif done.status == "match":
        flash.put(FLASH, flash.SUCCESS, t("cards.entry.match", code=pretty))
    else:
        flash.put(FLASH, flash.SUCCESS, t(f"cards.entry.saved_{channel}", code=pretty))
    _next_sheet()


def _status(workshop: db.Workshop, rnd: db.Round) -> None:
    store = get_store()
    printed = db_cards.list_cards(store, workshop.id, rnd.id)
    entries = [e for e in db_cards.list_entries(store, workshop.id) if e.round_id == rnd.id]
    counted = sum(1 for e in entries if e.status == "counted")
    st.caption(t("cards.page.counts", entered=counted, printed=len(printed)))
    if entries:
        with st.expander(t("cards.page.log", n=len(entries))):
            st.dataframe(
                [
                    {
                        t("report.col.repeat_card"): cards.pretty(e.code),
                        t("report.col.repeat_what"): t(f"cards.status.{e.status}"),
                        t("report.col.channel"): t(f"cards.channel.{e.channel}"),
                        t("report.col.repeat_helper"): e.helper,
                        t("report.col.repeat_when"): e.created_at.strftime("%H:%M:%S"),
                    }
                    for e in reversed(entries)
                ],
                hide_index=True,
            )
    flagged = [e for e in entries if e.status == "mismatch"]
    if flagged:
        st.warning(t("cards.page.mismatches", n=len(flagged)))
        st.dataframe(
            [
                {
                    t("report.col.repeat_card"): cards.pretty(e.code),
                    t("report.col.repeat_helper"): e.helper,
                    t("report.col.repeat_when"): e.created_at.strftime("%H:%M"),
                }
                for e in flagged
            ],
            hide_index=True,
        )


# --- Facilitazione: print cards, helper PINs ------------------------------------------------


def facilitator_panel(actor: w.Actor, workshop: db.Workshop) -> None:
    """Print cards for the open round and manage the helpers' PINs."""
    store = get_store()
    rnd = w.current_round(store, workshop.id)
    url = entry_url(workshop.code)
    st.caption(t("cards.fac.intro"))
    st.link_button(t("cards.fac.open_page"), url.rsplit("&", 1)[0], icon=":material/edit_note:")
    if rnd is None or rnd.status != "open":
        st.info(t("cards.fac.no_round"))
    else:
        printed = db_cards.list_cards(store, workshop.id, rnd.id)
        st.write(t("cards.fac.printed", n=len(printed), position=rnd.position))
        a, b = st.columns(2, vertical_alignment="bottom")
        a.number_input(t("cards.fac.how_many"), min_value=1, max_value=cards.MAX_CARDS, value=20, key=HOW_MANY)
        b.checkbox(t("cards.fac.double"), key=DOUBLE, help=t("cards.fac.double_help"))
        st.button(t("cards.fac.print"), key=PRINT, on_click=_print, args=(actor, rnd.id))
        if printed:
            st.download_button(
                t(
                    "cards.fac.download",
                    n=len(printed),
                    per_page=cards.per_page(len(w.items_of(store, workshop.id, rnd.params))),
                ),
                data=lambda: cards.cards_document(get_store(), actor, rnd.id, url, lang()),
                file_name=f"schede-{workshop.code}-votazione-{rnd.position}.html",
                mime="text/html",
                key="schede.fac.download",
                icon=":material/print:",
            )
    _pins(actor, workshop)


def entry_url(code: str) -> str:
    """The Schede page of workshop ``code``, to which a card's code is appended (its QR code)."""
    url, _ = join_url(code)
    return url.replace("/partecipa?code=", "/schede?code=") + "&scheda="


def _print(actor: w.Actor, round_id: int) -> None:
    try:
        made = cards.print_cards(
            get_store(),
            actor,
            round_id,
            int(st.session_state.get(HOW_MANY) or 0),
            double_entry=bool(st.session_state.get(DOUBLE)),
        )
    except CantiereError as exc:
        flash.put(FLASH, flash.ERROR, error_message(exc))
    else:
        flash.put(FLASH, flash.SUCCESS, t("cards.fac.printed_now", n=len(made)))


def _pins(actor: w.Actor, workshop: db.Workshop) -> None:
    safe.heading(t("cards.fac.pins"), 4)
    flash.show(FLASH, seconds={flash.SUCCESS: 8, flash.ERROR: 15})  # the panel redraws itself every 3 s
    shown = st.session_state.get(SHOWN_PIN)
    if shown:
        st.success(t("cards.fac.pin_once", label=shown[0], pin=shown[1]))
        st.button(t("cards.fac.pin_seen"), key=PIN_SEEN, on_click=st.session_state.pop, args=(SHOWN_PIN, None))
    a, b = st.columns([3, 1], vertical_alignment="bottom")
    a.text_input(t("cards.fac.pin_label"), key=PIN_LABEL, max_chars=cards.LABEL_MAX)
    b.button(t("cards.fac.new_pin"), key=NEW_PIN, on_click=_new_pin, args=(actor, workshop.id))
    for pin in db_cards.list_helper_pins(get_store(), workshop.id):
        row, action = st.columns([3, 1], vertical_alignment="center")
        state_word = t("cards.fac.pin_active") if pin.active else t("cards.fac.pin_inactive")
        row.text(t("cards.fac.pin_row", label=pin.label, id=pin.id, state=state_word))
        if pin.active:
            action.button(t("cards.fac.revoke"), key=revoke_key(pin.id), on_click=_revoke, args=(actor, pin.id))


def _new_pin(actor: w.Actor, workshop_id: int) -> None:
    try:
        made, pin = cards.create_helper_pin(get_store(), actor, workshop_id, st.session_state.get(PIN_LABEL, ""))
    except CantiereError as exc:
        flash.put(FLASH, flash.ERROR, error_message(exc))
    else:
        st.session_state[SHOWN_PIN] = (made.label, pin)
        st.session_state[PIN_LABEL] = ""


def _revoke(actor: w.Actor, pin_id: int) -> None:
    try:
        cards.revoke_helper_pin(get_store(), actor, pin_id)
    except CantiereError as exc:
        flash.put(FLASH, flash.ERROR, error_message(exc))
