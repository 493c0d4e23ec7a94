"""AppTest flows of «Schede cartacee» (issue 19): a helper logs in with a PIN,
enters cards from the keyboard, sees the same message as a phone for a bad
ballot, a repeat refused, a different repeat flagged; a PIN revoked mid-session
saves nothing; assisted voting empties the screen between people; the
facilitator prints cards and creates PINs in Facilitazione."""

from __future__ import annotations

from cantiere import cards
from cantiere import workshop as w
from cantiere.store import cards as db_cards
from cantiere.store import workshops as db
from cantiere.ui import cards_view as ui
from cantiere.ui.methods.dots import dots_key
from tests.app.test_workshop_flow import FAC, click, env, login, page, section, texts, voting_workshop  # noqa: F401


def helper_page(store, ws, label="Tavolo 1"):
    made, pin = cards.create_helper_pin(store, FAC, ws.id, label)
    at = page("schede", code=ws.code)
    at.text_input(key=ui.PIN).set_value(pin)
    click(at, ui.LOGIN)
    return at, made


def key(at, k: str) -> str:
    """The widget key of ``k`` on the blank sheet now on screen."""
    number = at.session_state[ui.SHEET] if ui.SHEET in at.session_state else 0
    return ui.box_key(number, k)


def fill(at, rnd, items, code, *counts):
    at.text_input(key=key(at, ui.CARD_CODE)).set_value(code)
    for item, n in zip(items, counts):
        at.number_input(key=key(at, dots_key(rnd.id, item.id))).set_value(n)
    return click(at, ui.SAVE)


def test_helper_enters_cards_repeat_refused_and_different_flagged(env):
    ws, rnd, items = voting_workshop(env)
    printed = cards.print_cards(env, FAC, rnd.id, 3)
    at, _ = helper_page(env, ws)
    assert "Stai inserendo come «Tavolo 1»." in texts(at, "caption")
    fill(at, rnd, items, cards.pretty(printed[0].code).lower(), 2, 1, 0)
    assert texts(at, "success") == [f"Scheda {cards.pretty(printed[0].code)} registrata. Passa alla scheda successiva."]
    assert at.text_input(key=key(at, ui.CARD_CODE)).value == ""  # the screen is empty for the next card
    assert at.number_input(key=key(at, dots_key(rnd.id, items[0].id))).value == 0
    fill(at, rnd, items, printed[0].code, 2, 1, 0)
    assert "è già stata inserita (da Tavolo 1 · PIN n. 1) con gli stessi voti" in texts(at, "error")[0]
    assert at.text_input(key=key(at, ui.CARD_CODE)).value == printed[0].code  # kept, to be corrected
    fill(at, rnd, items, printed[0].code, 0, 0, 1)
    assert "con voti DIVERSI" in texts(at, "warning")[0]
    (ballot,) = db.list_ballots(env, rnd.id)
    assert ballot.channel == "paper" and ballot.payload == {"dots": {str(items[0].id): 2, str(items[1].id): 1}}


def test_bad_input_shows_italian_messages_and_saves_nothing(env):
    ws, rnd, items = voting_workshop(env)
    printed = cards.print_cards(env, FAC, rnd.id, 2)
    at, made = helper_page(env, ws)
    fill(at, rnd, items, "ABCD-EFGX", 1, 0, 0)
    assert "Controlla di averlo copiato bene" in texts(at, "error")[0]
    fill(at, rnd, items, printed[0].code, 2, 2, 0)  # 4 dots of 3: the phone's message
    _, phone = w.join(env, ws.code)
    try:
        w.cast_ballot(env, phone, rnd.id, {"dots": {items[0].id: 2, items[1].id: 2}})
    except Exception as exc:  # noqa: BLE001
        phone_message = exc.message("it")
    assert texts(at, "error") == [phone_message]
    cards.revoke_helper_pin(env, FAC, made.id)  # revoked mid-session
    fill(at, rnd, items, printed[1].code, 1, 0, 0)
    assert "Il tuo PIN è stato revocato o è scaduto: la scheda NON è stata salvata." in texts(at, "error")[0]
    assert db.count_ballots(env, rnd.id) == 0


def test_wrong_pin_is_refused(env):
    ws, rnd, items = voting_workshop(env)
    at = page("schede", code=ws.code)
    at.text_input(key=ui.PIN).set_value("000000")
    click(at, ui.LOGIN)
    assert texts(at, "error") == [
        "PIN non valido per questo laboratorio (o non più attivo). Chiedi il PIN al facilitatore."
    ]
    assert not any(ui.CARD_CODE in str(t.key) for t in at.text_input)


def test_assisted_vote_resets_between_people(env):
    ws, rnd, items = voting_workshop(env)
    printed = cards.print_cards(env, FAC, rnd.id, 2)
    at, _ = helper_page(env, ws)
    at.session_state[ui.MODE] = "assisted"
    at.run()
    fill(at, rnd, items, printed[0].code, 1, 1, 1)
    assert "Lo schermo è pronto per la persona successiva" in texts(at, "success")[0]
    assert [at.number_input(key=key(at, dots_key(rnd.id, i.id))).value for i in items] == [0, 0, 0]
    fill(at, rnd, items, printed[1].code, 0, 0, 2)
    assert sorted(b.channel for b in db.list_ballots(env, rnd.id)) == ["assisted", "assisted"]
    helpers = [e.detail["helper"] for e in db.list_events(env, ws.id) if e.kind == "card_entered"]
    assert helpers == ["Tavolo 1 · PIN n. 1"] * 2


def test_facilitator_prints_cards_and_makes_a_pin(env):
    ws, rnd, items = voting_workshop(env)
    at = section(login(page("facilitazione")), "cards.fac.section")
    at.number_input(key=ui.HOW_MANY).set_value(6)
    click(at, ui.PRINT)
    assert len(db_cards.list_cards(env, ws.id, rnd.id)) == 6
    at.text_input(key=ui.PIN_LABEL).set_value("Tavolo 3")
    click(at, ui.NEW_PIN)
    (shown,) = [s for s in texts(at, "success") if "Tavolo 3" in s]
    pin = shown.split(": ", 1)[1][:6]
    (made,) = db_cards.list_helper_pins(env, ws.id)
    assert pin not in made.pin_hash and cards.helper_login(env, ws, pin).label == "Tavolo 3"
    click(at, ui.revoke_key(made.id))
    assert not db_cards.list_helper_pins(env, ws.id)[0].active
