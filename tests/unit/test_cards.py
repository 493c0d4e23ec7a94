"""Paper cards and assisted voting (issue 19): one tally whatever the channel,
every card counted once (a database rule), every entry logged with its helper,
and each bad input refused with an Italian message and nothing saved."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from cantiere import cards, export, report, results, voting
from cantiere import workshop as w
from cantiere.store import cards as db_cards
from cantiere.store import workshops as db
from cantiere.store.schema import ballots, card_entries
from cantiere.workshop_errors import (
    CardAlreadyEnteredError,
    CardCodeError,
    CardOtherRoundError,
    CardOtherWorkshopError,
    CardsNotOnPaperError,
    PermissionDeniedError,
    PinError,
    PinLockedError,
    PinRevokedError,
    RoundNotOpenError,
    UnknownCardError,
)

FAC = w.Actor.command_line()
ROWS = [{"title": "Nido"}, {"title": "Trasporto sociale"}, {"title": "Caregiver"}]


def voting_workshop(store, title="Laboratorio di Lugo", n_cards=4, double_entry=False):
    ws = w.create_workshop(store, FAC, title, "", ROWS, dots=3, max_per_item=2)
    rnd = w.start_voting(store, FAC, ws.id)
    items = db.list_priorities(store, ws.id)
    printed = cards.print_cards(store, FAC, rnd.id, n_cards, double_entry=double_entry)
    return ws, rnd, items, printed


def dots(items, *counts):
    return {"dots": {items[k].id: n for k, n in enumerate(counts) if n}}


def ballot_count(store, round_id):
    return db.count_ballots(store, round_id)


# --- codes ---------------------------------------------------------------------


def test_codes_are_distinct_checked_and_forgiving_about_case_and_dashes(fresh_store):
    ws, rnd, items, printed = voting_workshop(fresh_store, n_cards=40)
    codes = [c.code for c in printed]
    assert len(set(codes)) == 40 and all(len(c) == cards.CODE_LENGTH for c in codes)
    code = codes[0]
    assert cards.check_card_code(cards.pretty(code).lower()) == code
    # every single-character typo is caught by the check character
    for k in range(cards.CODE_LENGTH):
        for ch in cards.CODE_ALPHABET:
            if ch != code[k]:
                with pytest.raises(CardCodeError):
                    cards.check_card_code(code[:k] + ch + code[k + 1 :])


@pytest.mark.parametrize("typed", ["", "ABC", "ABCD-EFGH-J", "0OIL1234"])
def test_malformed_code_says_so_in_italian(typed):
    with pytest.raises(CardCodeError) as info:
        cards.check_card_code(typed)
    assert "non è il codice di una scheda" in info.value.message("it")
    assert "Non è stato salvato nulla" in info.value.message("it")


def test_cards_are_participants_of_the_workshop(fresh_store):
    ws, rnd, items, printed = voting_workshop(fresh_store, n_cards=3)
    ids = {p.id for p in db.list_participants(fresh_store, ws.id)}
    assert {c.participant_id for c in printed} <= ids
    assert db_cards.card_participants(fresh_store, ws.id) == {c.participant_id for c in printed}


def test_pairwise_rounds_have_no_paper_cards(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "Coppie", "", ROWS)
    rnd = w.open_new_round(fresh_store, FAC, ws.id, "pairwise", {})
    with pytest.raises(CardsNotOnPaperError) as info:
        cards.print_cards(fresh_store, FAC, rnd.id, 3)
    assert "confronto" in info.value.message("it").lower()


# --- entering: the rules -----------------------------------------------------------


def test_entered_card_counts_once_with_its_channel_and_helper_in_the_log(any_store):
    ws, rnd, items, printed = voting_workshop(any_store)
    done = cards.enter_card(any_store, FAC, ws.id, printed[0].code, dots(items, 2, 1))
    assert done.status == "counted"
    (stored,) = db.list_ballots(any_store, rnd.id)
    assert stored.channel == "paper" and stored.payload == {"dots": {str(items[0].id): 2, str(items[1].id): 1}}
    (event,) = [e for e in db.list_events(any_store, ws.id) if e.kind == "card_entered"]
    assert event.detail["helper"] == "facilitatore" and event.detail["card"] == printed[0].code
    assert event.created_at is not None


def test_identical_repeat_is_refused_logged_and_not_counted(any_store):
    ws, rnd, items, printed = voting_workshop(any_store)
    cards.enter_card(any_store, FAC, ws.id, printed[0].code, dots(items, 1, 1, 1))
    with pytest.raises(CardAlreadyEnteredError) as info:
        cards.enter_card(any_store, FAC, ws.id, printed[0].code, dots(items, 1, 1, 1))
    assert "già stata inserita" in info.value.message("it")
    assert ballot_count(any_store, rnd.id) == 1
    assert [e.kind for e in db.list_events(any_store, ws.id)].count("card_duplicate") == 1
    assert [d["kind"] for d in cards.duplicates(any_store, ws.id)] == ["refused"]


def test_different_repeat_is_flagged_never_counted_twice(any_store):
    ws, rnd, items, printed = voting_workshop(any_store)
    cards.enter_card(any_store, FAC, ws.id, printed[0].code, dots(items, 2, 1))
    flagged = cards.enter_card(any_store, FAC, ws.id, printed[0].code, dots(items, 0, 1, 2))
    assert flagged.status == "mismatch"
    (stored,) = db.list_ballots(any_store, rnd.id)
    assert stored.payload == {"dots": {str(items[0].id): 2, str(items[1].id): 1}}  # the first counts
    with pytest.raises(CardAlreadyEnteredError):  # a third entry: refused
        cards.enter_card(any_store, FAC, ws.id, printed[0].code, dots(items, 1))
    assert ballot_count(any_store, rnd.id) == 1


def test_double_entry_by_two_helpers(any_store):
    ws, rnd, items, printed = voting_workshop(any_store, double_entry=True)
    anna = cards.helper_login(any_store, ws, cards.create_helper_pin(any_store, FAC, ws.id, "Anna")[1])
    bruno = cards.helper_login(any_store, ws, cards.create_helper_pin(any_store, FAC, ws.id, "Bruno")[1])
    first, second = printed[0].code, printed[1].code
    assert cards.enter_card(any_store, anna, ws.id, first, dots(items, 1, 1)).status == "counted"
    assert cards.enter_card(any_store, bruno, ws.id, first, dots(items, 1, 1)).status == "match"
    assert cards.enter_card(any_store, anna, ws.id, second, dots(items, 2)).status == "counted"
    assert cards.enter_card(any_store, bruno, ws.id, second, dots(items, 1)).status == "mismatch"
    cards.enter_card(any_store, anna, ws.id, printed[2].code, dots(items, 1))
    with pytest.raises(CardAlreadyEnteredError):  # the same helper again is a repeat, not a check
        cards.enter_card(any_store, anna, ws.id, printed[2].code, dots(items, 1))
    assert ballot_count(any_store, rnd.id) == 3
    statuses = [(e.code, e.entry_no, e.status) for e in db_cards.list_entries(any_store, ws.id)]
    assert (second, 2, "mismatch") in statuses and (first, 2, "match") in statuses
    helpers = {e.detail["helper"] for e in db.list_events(any_store, ws.id) if e.kind.startswith("card_")}
    assert any("Anna" in h for h in helpers) and any("Bruno" in h for h in helpers)


def test_database_refuses_a_second_counted_entry_and_a_second_ballot(any_store):
    ws, rnd, items, printed = voting_workshop(any_store)
    cards.enter_card(any_store, FAC, ws.id, printed[0].code, dots(items, 1))
    card = printed[0]
    with pytest.raises(IntegrityError), any_store.write() as conn:
        conn.execute(
            card_entries.insert().values(
                card_id=card.id,
                entry_no=3,
                helper="x",
                channel="paper",
                payload={},
                status="counted",
                created_at=db.now(),
            )
        )
    with pytest.raises(IntegrityError), any_store.write() as conn:
        conn.execute(
            ballots.insert().values(
                round_id=rnd.id,
                participant_id=card.participant_id,
                payload={},
                version=1,
                cast_at=db.now(),
                channel="paper",
            )
        )
    with pytest.raises(IntegrityError), any_store.write() as conn:
        conn.execute(sa.update(ballots).values(channel="fax"))
    assert ballot_count(any_store, rnd.id) == 1


@pytest.mark.parametrize(
    "make, error, words",
    [
        (lambda ctx: "ZZZZ-ZZZZ", CardCodeError, "Controlla di averlo copiato bene"),
        (lambda ctx: ctx["unknown"], UnknownCardError, "Nessuna scheda ha il codice"),
        (lambda ctx: ctx["other_workshop"], CardOtherWorkshopError, "è di un altro laboratorio"),
        (lambda ctx: ctx["other_round"], CardOtherRoundError, "è della votazione n. 1"),
    ],
)
def test_wrong_cards_are_refused_and_nothing_saved(fresh_store, make, error, words):
    ws, rnd, items, printed = voting_workshop(fresh_store)
    other_ws, _, _, other_cards = voting_workshop(fresh_store, "Laboratorio di Faenza")
    w.close_round(fresh_store, FAC, rnd.id)
    rnd2 = w.open_new_round(fresh_store, FAC, ws.id, "approval", {})
    body = "ABCDEFG"
    ctx = {
        "unknown": body + cards._check_char(body),
        "other_workshop": other_cards[0].code,
        "other_round": printed[0].code,
    }
    with pytest.raises(error) as info:
        cards.enter_card(fresh_store, FAC, ws.id, make(ctx), {"approved": [items[0].id]})
    assert words in info.value.message("it")
    assert ballot_count(fresh_store, rnd.id) == ballot_count(fresh_store, rnd2.id) == 0
    assert db_cards.list_entries(fresh_store, ws.id) == []


def test_ballot_breaking_the_rules_gets_the_phones_message(fresh_store):
    ws, rnd, items, printed = voting_workshop(fresh_store)
    _, phone = w.join(fresh_store, ws.code)
    too_many = dots(items, 2, 2, 2)
    with pytest.raises(voting.BallotError) as on_phone:
        w.cast_ballot(fresh_store, phone, rnd.id, too_many)
    with pytest.raises(voting.BallotError) as on_paper:
        cards.enter_card(fresh_store, FAC, ws.id, printed[0].code, too_many)
    assert on_paper.value.message("it") == on_phone.value.message("it")
    assert ballot_count(fresh_store, rnd.id) == 0 and db_cards.list_entries(fresh_store, ws.id) == []


def test_closed_round_refuses_cards(fresh_store):
    ws, rnd, items, printed = voting_workshop(fresh_store)
    w.close_round(fresh_store, FAC, rnd.id)
    with pytest.raises(RoundNotOpenError):
        cards.enter_card(fresh_store, FAC, ws.id, printed[0].code, dots(items, 1))


# --- helper PINs ---------------------------------------------------------------------


def test_pin_is_stored_hashed_and_revoked_mid_session_saves_nothing(any_store):
    ws, rnd, items, printed = voting_workshop(any_store)
    made, pin = cards.create_helper_pin(any_store, FAC, ws.id, "Tavolo 2")
    assert len(pin) == cards.PIN_DIGITS and pin not in made.pin_hash
    helper = cards.helper_login(any_store, ws, pin)
    assert cards.enter_card(any_store, helper, ws.id, printed[0].code, dots(items, 1)).status == "counted"
    cards.revoke_helper_pin(any_store, FAC, made.id)
    with pytest.raises(PinRevokedError) as info:
        cards.enter_card(any_store, helper, ws.id, printed[1].code, dots(items, 1))
    assert "NON è stata salvata" in info.value.message("it")
    assert ballot_count(any_store, rnd.id) == 1
    with pytest.raises(PinError):
        cards.helper_login(any_store, ws, pin)


def test_wrong_pins_lock_the_pin_login_for_a_while(fresh_store):
    ws, rnd, items, printed = voting_workshop(fresh_store)
    _, pin = cards.create_helper_pin(fresh_store, FAC, ws.id, "Tavolo 1")
    wrong = "000000" if pin != "000000" else "111111"
    for _ in range(cards.MAX_FAILED_LOGINS):
        with pytest.raises(PinError):
            cards.helper_login(fresh_store, ws, wrong)
    with pytest.raises(PinLockedError) as info:
        cards.helper_login(fresh_store, ws, pin)  # even the right one, for LOCK_MINUTES
    assert "Troppi PIN sbagliati" in info.value.message("it")
    failed = [e for e in db.list_events(fresh_store, ws.id) if e.kind == "helper_pin_failed"]
    assert len(failed) == cards.MAX_FAILED_LOGINS and all(e.detail == {} for e in failed)  # never what was typed


def test_helper_of_another_workshop_and_participants_cannot_enter(fresh_store):
    ws, rnd, items, printed = voting_workshop(fresh_store)
    other, _, _, _ = voting_workshop(fresh_store, "Altro")
    stranger = cards.helper_login(fresh_store, other, cards.create_helper_pin(fresh_store, FAC, other.id, "X")[1])
    for actor in (None, stranger, w.Actor(w.Role.PARTICIPANT, "token")):
        with pytest.raises(PermissionDeniedError):
            cards.enter_card(fresh_store, actor, ws.id, printed[0].code, dots(items, 1))
    with pytest.raises(PermissionDeniedError):  # a helper cannot make PINs or print cards
        cards.create_helper_pin(fresh_store, stranger, other.id, "Y")
    with pytest.raises(PinError):
        cards.helper_login(fresh_store, ws, "12345")


# --- one tally across channels -------------------------------------------------------------


def mixed_round(store):
    """2 phones, 2 paper cards, 1 assisted, 1 repeat refused: 5 ballots."""
    ws, rnd, items, printed = voting_workshop(store, n_cards=4)
    for counts in ((2, 1), (0, 2, 1)):
        _, who = w.join(store, ws.code)
        w.cast_ballot(store, who, rnd.id, dots(items, *counts))
    cards.enter_card(store, FAC, ws.id, printed[0].code, dots(items, 1, 1, 1))
    cards.enter_card(store, FAC, ws.id, printed[1].code, dots(items, 2, 0, 1))
    with pytest.raises(CardAlreadyEnteredError):
        cards.enter_card(store, FAC, ws.id, printed[1].code, dots(items, 2, 0, 1))
    cards.enter_card(store, FAC, ws.id, printed[2].code, dots(items, 0, 0, 2), channel="assisted")
    return ws, rnd, items


def test_tally_and_export_recount_agree_across_channels(any_store):
    ws, rnd, items = mixed_round(any_store)
    assert db_cards.channel_counts(any_store, rnd.id) == {"phone": 2, "paper": 2, "assisted": 1}
    tally = w.tally_round(any_store, rnd.id)
    assert tally.n_ballots == 5
    data = json.loads(export.to_json(export.build(any_store, ws)))
    rows = [b for b in data["ballots"] if b["round_id"] == rnd.id]
    assert sorted(b["channel"] for b in rows) == ["assisted", "paper", "paper", "phone", "phone"]
    vitems = w.items_of(any_store, ws.id, rnd.params)
    recount = voting.tally(rnd.method, [b["payload"] for b in rows], vitems, rnd.params)
    assert recount.scores == tally.scores
    # the sum of the per-channel tallies is the whole tally
    per_channel = {
        ch: voting.tally(rnd.method, [b["payload"] for b in rows if b["channel"] == ch], vitems, rnd.params)
        for ch in ("phone", "paper", "assisted")
    }
    for item in vitems:
        assert sum(r.scores[item.id] for r in per_channel.values()) == tally.scores[item.id]
    # the log alone tells who entered each card
    entered = [e for e in data["events"] if e["kind"] == "card_entered"]
    assert len(entered) == 3 and all(e["detail"]["helper"] for e in entered)


def test_channel_breakdown_suppresses_small_channels_and_adds_up(fresh_store):
    ws, rnd, items = mixed_round(fresh_store)
    (rr,) = results.collect(fresh_store, ws).rounds
    # 2 phone, 2 paper, 1 assisted: no channel reaches 5, so all go into "altri" together
    assert results.channel_counts(rr) == [(results.OTHERS, 5)]
    bd = results.breakdown(rr.method, rr.ballots, {}, rr.items, rr.params, "channel", channels=rr.channels)
    assert [g.label for g in bd.groups] == [results.OTHERS] and bd.groups[0].size == 5
    # 5 phones, 5 paper, 1 assisted: "altri" alone (1) would be recovered by difference,
    # so the smaller shown channel joins it; what is shown still adds up to every ballot
    extra = cards.print_cards(fresh_store, FAC, rnd.id, 3)
    for card in extra:
        cards.enter_card(fresh_store, FAC, ws.id, card.code, dots(items, 1))
    for _ in range(3):
        _, who = w.join(fresh_store, ws.code)
        w.cast_ballot(fresh_store, who, rnd.id, dots(items, 1))
    (rr,) = results.collect(fresh_store, ws).rounds
    assert results.channel_counts(rr) == [("paper", 5), (results.OTHERS, 6)]
    bd = results.breakdown(rr.method, rr.ballots, {}, rr.items, rr.params, "channel", channels=rr.channels)
    assert sum(g.size for g in bd.groups) == 11 == w.tally_round(fresh_store, rnd.id).n_ballots


def test_minutes_show_channels_and_list_the_repeat(fresh_store):
    ws, rnd, items = mixed_round(fresh_store)
    page = report.to_html(report.build(fresh_store, ws))
    assert "Schede per canale" in page and 'class="channels"' in page
    assert "Schede cartacee inserite più di una volta" in page
    assert "ripetuta: rifiutata, non contata" in page
    sheets = report.sheets(report.build(fresh_store, ws))
    assert "Canali e schede" in sheets


def test_printed_document_has_n_distinct_codes_and_escapes_titles(fresh_store):
    ws = w.create_workshop(fresh_store, FAC, "<b>Lab</b>", "", [{"title": "<script>x</script>"}, *ROWS], dots=3)
    rnd = w.start_voting(fresh_store, FAC, ws.id)
    cards.print_cards(fresh_store, FAC, rnd.id, 9)
    page = cards.cards_document(fresh_store, FAC, rnd.id, "http://sala/schede?scheda=").decode()
    import re

    codes = re.findall(r'data-code="([A-Z0-9]+)"', page)
    assert len(codes) == len(set(codes)) == 9
    assert page.count('class="sheet four"') == 3  # 4 per A4 page (up to 6 priorities)
    assert "<script>x" not in page and "&lt;script&gt;x" in page
    assert "Hai 3 punti" in page and "<svg" in page
    with pytest.raises(PermissionDeniedError):
        cards.cards_document(fresh_store, None, rnd.id, "")


def test_dynamic_key_families_exist():
    from cantiere.i18n import strings

    keys = strings()
    for channel in cards.CHANNELS:
        assert f"cards.channel.{channel}" in keys
    for channel in cards.ENTRY_CHANNELS:
        assert {f"cards.mode.{channel}", f"cards.mode.{channel}.help", f"cards.entry.save_{channel}"} <= set(keys)
        assert f"cards.entry.saved_{channel}" in keys
    for method in cards.PAPER_METHODS:
        assert f"cards.entry.how.{method}" in keys and any(k.startswith(f"cards.rule.{method}") for k in keys)
    for method in voting.METHODS:
        assert f"large.simple.{method}" in keys
    for kind in ("refused", "match", "mismatch"):
        assert f"report.card_repeat.{kind}" in keys
    for status in ("counted", "match", "mismatch"):
        assert f"cards.status.{status}" in keys


def test_erasing_a_workshop_removes_its_cards_entries_and_pins(any_store):
    from cantiere import privacy
    from cantiere.store import privacy as pdb

    ws, rnd, items, printed = voting_workshop(any_store)
    other, other_round, _, other_cards = voting_workshop(any_store, "Resta")
    cards.create_helper_pin(any_store, FAC, ws.id, "Tavolo 1")
    cards.enter_card(any_store, FAC, ws.id, printed[0].code, dots(items, 1))
    privacy.erase_workshop(any_store, FAC, ws.code)
    counts = pdb.table_counts(any_store)
    assert counts["cards"] == len(other_cards) and counts["card_entries"] == 0 and counts["helper_pins"] == 0
    assert db_cards.card_by_code(any_store, printed[0].code) is None
