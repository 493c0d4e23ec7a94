"""Partecipa: the participant's phone. One task per screen, every widget with a
stable key, the vote panel in a fragment so changing a choice reruns only that
panel (a dot: nothing at all, ``ui/methods/dots.py``), and its submit button in
a nested fragment so a vote tap reruns only the button and its confirmation.

Opening the join link is joining (issue 16): the first run of a phone that is
nobody yet in an open workshop makes it a participant and already shows the
room's current screen, one page run for the whole QR moment (no «Entra» tap, no
profile screen in the way). «Entra» stays for a code typed by hand and for a
join refused on opening (a rotating key gone stale, too many joins at once:
the message and the button, nothing created). The profile («Chi sei?») is
optional and never blocks: a small button under the screen opens it in a
dialog, which runs alone (a fragment) until it is saved.

Identity lives in the URL (``?code=ABC123&p=<token>``) so a reload keeps it,
and in this browser too (issue 13: the session remembers it, and a cookie written
by ``ui.live``): a second tab, Back, or a second scan of the QR code return the
same participant; «Non sei tu?» hands a shared phone over to a new person.
The page follows the room (``live.follow``): when the facilitator opens or
closes a phase or a round, the phone reruns by itself, or, when the next screen
is one the browser draws (an open dots round), draws it over ``SCREEN_BOX``
with no page run (issue 16).
Participant text (comments) is shown with ``st.text`` only.
"""

from __future__ import annotations

import streamlit as st

from cantiere import territory
from cantiere import workshop as w
from cantiere.errors import CantiereError
from cantiere.ratelimit import ThrottledError
from cantiere.store import workshops as db
from cantiere.ui import (
    error_message,
    flash,
    get_store,
    guard,
    lang,
    large_text,
    live,
    look,
    methods,
    partecipa_listening,
    safe,
    show_error,
    state,
    t,
)
from cantiere.ui.partecipa_methods import dots_key, submit_key  # noqa: F401  (keys: tests)
from cantiere.workshop_errors import UnknownParticipantError, WrongCodeError

CODE_INPUT = "partecipa.code_input"
ENTER = "partecipa.enter"
JOIN = "partecipa.join"
LEAVE = "partecipa.leave"
PROFILE_COMUNE = "partecipa.profile.comune"
PROFILE_ROLE = "partecipa.profile.role"
PROFILE_AGE = "partecipa.profile.age"
PROFILE_SAVE = "partecipa.profile.save"
PROFILE_OPEN = "partecipa.profile.open"
COMMENT_PRIORITY = "partecipa.comment.priority"
COMMENT_TEXT = "partecipa.comment.text"
COMMENT_SEND = "partecipa.comment.send"
NEW_PERSON = "partecipa.new_person"
TAB = "partecipa.tab"  # Vota / Commenta (its label)
SCREEN_BOX = "partecipa_screen"  # the room's screen; hidden while the browser draws the next one


# error message left by a button callback (Entra, Salva) for the run that follows it
_FLASH = "partecipa.flash"
_PROFILE_SAVED = "partecipa.profile_saved"  # the dialog closes itself after a save


def _join(typed: str, from_link: bool, found: db.Workshop | None = None) -> db.Participant | None:
    """Join the workshop ``typed`` (a code as typed, or the link's; ``found``: this
    run read it already), with the link's rotating key when it comes from the link,
    and put the identity in the URL and in this browser. None, with the message
    left for the next ``_show_flash``, when the join is refused (nothing created)."""
    try:
        key = st.query_params.get("k") if from_link else None
        workshop, who = guard.join(get_store(), typed, key=key, found=found)
    except CantiereError as exc:
        flash.put(_FLASH, flash.ERROR, error_message(exc))
        return None
    st.query_params.pop("k", None)  # a rotating key is for joining only
    st.query_params["code"] = workshop.code
    st.query_params["p"] = who.token
    _remember(workshop.code, who.token)
    return who


def _join_cb(code_key: str | None, code: str | None = None) -> None:
    """Entra (callback): join before the run that follows, so that one run
    already shows the next screen (no st.rerun)."""
    _join(st.session_state.get(code_key, "") if code_key else code, from_link=code_key is None)


def _remember(code: str, token: str) -> None:
    """This browser is this participant of workshop ``code`` (the session keeps
    it for Back and for this tab; ``live.follow`` writes the cookie for new tabs)."""
    st.session_state.setdefault(state.PARTECIPA_DEVICE, {})[code] = token


def _device_token(code: str) -> str:
    """The participant this browser already is in workshop ``code`` ("" if none)."""
    return st.session_state.get(state.PARTECIPA_DEVICE, {}).get(code) or live.device_token(code)


def _new_person_cb(code: str) -> None:
    """«Entra come nuova persona» (callback): a shared phone hands over; the
    earlier participant and their ballot stay as they are."""
    st.session_state.get(state.PARTECIPA_DEVICE, {}).pop(code, None)
    _join_cb(None, code)


def _room_moved() -> None:
    """The room moved (live.follow asked for this run): say so once, on top."""
    st.session_state[state.PARTECIPA_ROOM_MOVED] = True


def _show_moved(workshop: db.Workshop) -> None:
    message = st.session_state.pop(state.PARTECIPA_MOVED, None)
    if message:  # a vote sent to a round closed meanwhile: said here, on the current screen
        st.warning(message)
    if st.session_state.pop(state.PARTECIPA_ROOM_MOVED, False):
        st.toast(t(f"live.now.{workshop.phase}"), icon=":material/notifications_active:")


def _show_flash() -> None:
    flash.show(_FLASH)


def _code_form() -> None:
    st.write(t("partecipa.intro"))
    st.text_input(t("partecipa.code"), key=CODE_INPUT, max_chars=14, placeholder="ABC234")
    st.button(t("partecipa.enter"), key=ENTER, type="primary", width="stretch", on_click=_join_cb, args=(CODE_INPUT,))
    _show_flash()


def _join_button(code: str) -> None:
    st.button(t("partecipa.enter"), key=JOIN, type="primary", width="stretch", on_click=_join_cb, args=(None, code))
    _show_flash()


def render() -> None:
    """The whole Partecipa page."""
    store = get_store()
    st.session_state.pop(_PROFILE_SAVED, None)  # a whole run: the dialog is closed anyway
    code = st.query_params.get("code", "")
    token = st.query_params.get("p", "")
    if not code:
        _code_form()
        return
    try:
        workshop = guard.find_workshop(store, code)
    except (WrongCodeError, ThrottledError) as exc:
        show_error(exc)
        st.query_params.clear()
        _code_form()
        return
    who, problem = None, None
    if not token and (remembered := _device_token(workshop.code)):
        token = remembered  # a second tab, Back, a second scan: the same participant
    if token:
        try:
            who = w.participant(store, workshop, token)
        except UnknownParticipantError as exc:
            problem = exc
            st.session_state.get(state.PARTECIPA_DEVICE, {}).pop(workshop.code, None)
    joined_now = False
    st.session_state.pop(state.PARTECIPA_JOINED, None)
    if who is None and problem is None and workshop.phase in w.JOINABLE_PHASES:
        who = _join(workshop.code, from_link=True, found=workshop)  # opening the link is joining (issue 16)
        joined_now = who is not None
        if joined_now:
            st.session_state[state.PARTECIPA_JOINED] = who.id  # nobody new has a ballot: none to read
    if who is not None:
        if st.query_params.get("p") != who.token:
            st.query_params["p"] = who.token
        _remember(workshop.code, who.token)
    _show_moved(workshop)
    safe.heading(workshop.title, 3)  # typed text: never Markdown
    if workshop.is_demo:
        st.caption(t("workshop.demo_badge"))
    if joined_now:
        st.caption(t("partecipa.anonymous"))  # said once, on the screen the link opened
    # follow the room from the first screen on (a phone waiting for the room to open too);
    # a participant's phone draws a next screen itself when it can (issue 16), over SCREEN_BOX
    live.follow(
        workshop.code,
        workshop.room_version,
        # the cookie written when this browser does not hold this participant yet
        remember=who.token if who and live.device_token(workshop.code) != who.token else None,
        on_change=_room_moved,
        draw=(lang(), who.token) if who else None,
        hide=SCREEN_BOX,
    )
    with st.container(key=SCREEN_BOX):
        _screen(store, workshop, who, problem)
    if who is not None and workshop.phase not in ("chiuso", "bozza"):
        _footer(workshop.code, who)


def _screen(store, workshop: db.Workshop, who: db.Participant | None, problem: Exception | None) -> None:
    """What the room shows this phone now (the footer aside)."""
    if who is None:
        if problem is not None:
            show_error(problem)
        if workshop.phase == "bozza":
            st.info(t("live.not_open_yet"))
        elif workshop.phase == "chiuso":
            st.info(t("partecipa.closed"))
        else:
            st.caption(t("partecipa.anonymous"))
            _join_button(workshop.code)
        return
    if workshop.phase == "chiuso":
        st.info(t("partecipa.closed"))
        return
    if workshop.phase == "bozza":
        st.info(t("live.back_to_draft"))
        return
    if workshop.phase == "voto":
        rnd = w.current_round(store, workshop.id)
        if rnd is None:
            st.info(t("partecipa.no_round"))
            _comment_panel(workshop.id, who.token)
            return
        # only the open tab is built (a full run, e.g. when the room moves, stays cheap);
        # the tab is kept across runs
        labels = [t("partecipa.tab_vote"), t("partecipa.tab_comment")]
        if st.session_state.get(TAB) not in labels:
            st.session_state.pop(TAB, None)
        vote_tab, comment_tab = st.tabs(labels, key=TAB, on_change="rerun")
        if vote_tab.open is not False:
            with vote_tab:
                large_text.switch(rnd.method)  # issue 19: «Testo grande», kept on the device
                methods.vote_panel(rnd, who)  # the screen of the round's method (cantiere/ui/methods)
        if comment_tab.open is not False:
            with comment_tab:
                _comment_panel(workshop.id, who.token)
    else:
        partecipa_listening.render(workshop, who, lambda: _comment_panel(workshop.id, who.token))


def _footer(code: str, who: db.Participant) -> None:
    """Under every screen, one small button each (every full run draws them):
    «Chi sei? (facoltativo)» until the profile is answered, and, for a shared
    phone, «Non sei tu? Entra come nuova persona»."""
    if not who.profile_answered and st.button(t("partecipa.profile_open"), key=PROFILE_OPEN, type="tertiary"):
        _profile_dialog(who)
    st.button(t("live.new_person"), key=NEW_PERSON, type="tertiary", on_click=_new_person_cb, args=(code,))


def _profile_dialog(who: db.Participant) -> None:
    st.dialog(t("partecipa.profile"))(_profile_form)(who)


def _profile_form(who: db.Participant) -> None:
    """The dialog's body (a fragment: a choice reruns only the dialog); «Salva»
    stores the three answers and closes it with a run of the page."""
    st.caption(t("partecipa.profile_help"))
    none = t("workshop.no_choice")
    comuni = [None] + [c.name for c in territory.comuni()] + [w.COMUNE_OUTSIDE]
    st.selectbox(
        t("partecipa.comune"),
        comuni,
        key=PROFILE_COMUNE,
        format_func=lambda v: none if v is None else t("workshop.outside") if v == w.COMUNE_OUTSIDE else v,
    )
    st.selectbox(
        t("partecipa.role"),
        [None, *w.ROLES],
        key=PROFILE_ROLE,
        format_func=lambda v: none if v is None else t(f"workshop.role.{v}"),
    )
    st.selectbox(
        t("partecipa.age_band"), [None, *w.AGE_BANDS], key=PROFILE_AGE, format_func=lambda v: none if v is None else v
    )
    st.button(
        t("partecipa.save_profile"),
        key=PROFILE_SAVE,
        type="primary",
        width="stretch",
        on_click=_profile_cb,
        args=(who,),
    )
    if st.session_state.pop(_PROFILE_SAVED, False):
        st.rerun()  # saved: close the dialog; the page no longer offers the profile
    _show_flash()  # a bad value: its message, in the dialog, nothing saved


def _profile_cb(who: db.Participant) -> None:
    """Salva (callback, so it counts whichever run follows the tap)."""
    ss = st.session_state
    try:
        w.set_profile(get_store(), who, ss.get(PROFILE_COMUNE), ss.get(PROFILE_ROLE), ss.get(PROFILE_AGE))
    except CantiereError as exc:
        flash.put(_FLASH, flash.ERROR, error_message(exc))
    else:
        ss[_PROFILE_SAVED] = True


def _send_comment(token: str) -> None:
    """Button callback: store the comment, then clear the box (allowed only here,
    before the text area is drawn again)."""
    store = get_store()

    def send() -> None:
        who = db.participant_by_token(store, token)
        guard.allow("comment", token)
        w.add_comment(store, who, st.session_state.get(COMMENT_PRIORITY), st.session_state.get(COMMENT_TEXT, ""))

    flash.act(
        state.PARTECIPA_COMMENT_RESULT,
        send,
        success=lambda _: t("partecipa.comment_saved"),
        after=lambda _: st.session_state.update({COMMENT_TEXT: ""}),
    )


@st.fragment
def _comment_panel(workshop_id: int, token: str) -> None:
    """Pick a priority, read its comments (as plain text), add one."""
    store = get_store()
    priorities = {p.id: p for p in db.list_priorities(store, workshop_id)}
    if not priorities:
        return
    pick = st.selectbox(
        t("partecipa.comment_on"), list(priorities), key=COMMENT_PRIORITY, format_func=lambda i: priorities[i].title
    )
    st.text_area(
        t("partecipa.comment_text", max=w.COMMENT_MAX_CHARS),
        key=COMMENT_TEXT,
        max_chars=w.COMMENT_MAX_CHARS,
        height=100,
    )
    look.limit_notice(COMMENT_TEXT, w.COMMENT_MAX_CHARS)  # a long paste is cut there (issue 15)
    st.button(t("partecipa.send_comment"), key=COMMENT_SEND, width="stretch", on_click=_send_comment, args=(token,))
    flash.show(state.PARTECIPA_COMMENT_RESULT, success_icon="✅")
    visible = [c for c in db.list_comments(store, workshop_id) if c.priority_id == pick]
    if visible:
        st.caption(t("partecipa.comments_of"))
        for comment in visible:
            st.text(comment.text)  # participant text: plain text only, never Markdown/HTML
