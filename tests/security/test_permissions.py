"""Permissions matrix: every action × every role, checked by calling the core
actions themselves (not the pages). Only the allowed cells succeed; a refused
cell raises a domain error and leaves the database exactly as it was.

Table-driven: a new action (proposals and pins of issue 5, new voting screens
of issue 6) is one line in ACTIONS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from cantiere import cards, export, importers, privacy
from cantiere import workshop as w
from cantiere.errors import CantiereError
from cantiere.store import workshops as db
from tests.conftest import ROOT
from tests.security.fingerprint import fingerprint

FAC = w.Actor(w.Role.FACILITATOR, "password")
PARTICIPANT_ACTOR = w.Actor(w.Role.PARTICIPANT, "token")
SERVICES = (ROOT / "tests" / "fixtures" / "servizi_fonte_italiana.csv").read_bytes()
ROWS = [{"title": "Posti al nido"}, {"title": "Trasporto sociale"}]


@dataclass
class World:
    """Workshop A (open for voting, one comment) and workshop B, one participant each."""

    store: object
    a: db.Workshop
    round_a: db.Round
    draft_round_a: db.Round
    priority_a: db.Priority
    comment_a: db.Comment
    member_a: db.Participant
    member_b: db.Participant
    card_a: str = ""  # a printed card of round A (issue 19)


def build(store) -> World:
    boot = w.Actor.command_line()
    a = w.create_workshop(store, boot, "Laboratorio A", "", ROWS, dots=3, max_per_item=2)
    rnd = w.start_voting(store, boot, a.id)
    draft = w.add_round(store, boot, a.id, "dots", {"dots": 2, "max_per_item": 1})
    b = w.create_workshop(store, boot, "Laboratorio B", "", ROWS, dots=3, max_per_item=2)
    w.start_voting(store, boot, b.id)
    _, member_a = w.join(store, a.code)
    _, member_b = w.join(store, b.code)
    prio = db.list_priorities(store, a.id)[0]
    comment = w.add_comment(store, member_a, prio.id, "primo commento")
    # issue 19: helper PIN 1 of workshop A (id 1) and PIN 2 of workshop B (id 2), one card of round A
    cards.create_helper_pin(store, boot, a.id, "Tavolo A")
    cards.create_helper_pin(store, boot, b.id, "Tavolo B")
    (card,) = cards.print_cards(store, boot, rnd.id, 1)
    return World(store, db.get_workshop(store, a.id), rnd, draft, prio, comment, member_a, member_b, card.code)


@dataclass(frozen=True)
class Who:
    """A role: the Actor it can present, and the participant it is (if any)."""

    actor: w.Actor | None
    participant: Callable[[World], db.Participant]


def _forged(world: World) -> db.Participant:
    # anonymous: no participant of its own; a made-up token is all it has
    return w.participant(world.store, world.a, "token-inventato-da-un-anonimo")


def _no_participant(world: World) -> db.Participant:
    # the facilitator has not joined: the token in their session is empty
    return w.participant(world.store, world.a, "")


ROLES = {
    "anonimo": Who(None, _forged),
    "partecipante": Who(PARTICIPANT_ACTOR, lambda world: world.member_a),
    # a participant of workshop B acting on workshop A with their real identity
    "partecipante di un altro laboratorio": Who(PARTICIPANT_ACTOR, lambda world: world.member_b),
    "facilitatore": Who(FAC, _no_participant),
    # issue 19: a helper with a PIN of workshop A, and one with a PIN of workshop B
    "aiutante": Who(w.Actor(w.Role.HELPER, "pin", pin_id=1, label="Tavolo A", workshop_id=1), _forged),
    "aiutante di un altro laboratorio": Who(
        w.Actor(w.Role.HELPER, "pin", pin_id=2, label="Tavolo B", workshop_id=2), _forged
    ),
}

FACILITATOR = {"facilitatore"}
MEMBER = {"partecipante"}
CARD_ENTRY = {"facilitatore", "aiutante"}

# action: (roles allowed, what it does)
ACTIONS: dict[str, tuple[set[str], Callable[[World, Who], object]]] = {
    "crea laboratorio": (FACILITATOR, lambda x, r: w.create_workshop(x.store, r.actor, "Nuovo", "", ROWS)),
    "modifica laboratorio": (
        FACILITATOR,
        lambda x, r: w.edit_workshop(x.store, r.actor, x.a.id, "Titolo cambiato", ""),
    ),
    "aggiungi priorità": (FACILITATOR, lambda x, r: w.add_priorities(x.store, r.actor, x.a.id, [{"title": "Altra"}])),
    "cambia fase": (FACILITATOR, lambda x, r: w.change_phase(x.store, r.actor, x.a.id, "ascolto")),
    "apri votazione": (FACILITATOR, lambda x, r: w.open_round(x.store, r.actor, x.draft_round_a.id)),
    "chiudi votazione": (FACILITATOR, lambda x, r: w.close_round(x.store, r.actor, x.round_a.id)),
    "modera commento": (FACILITATOR, lambda x, r: w.hide_comment(x.store, r.actor, x.comment_a.id)),
    "importa servizi": (
        FACILITATOR,
        lambda x, r: importers.import_file(
            x.store, "services", "servizi.csv", SERVICES, actor=r.actor, max_bytes=2**20
        ),
    ),
    "esporta laboratorio": (FACILITATOR, lambda x, r: export.render_for(x.store, r.actor, x.a, "csv")),
    "cancella laboratorio": (FACILITATOR, lambda x, r: privacy.erase_workshop(x.store, r.actor, x.a.code)),
    "cancella partecipante": (FACILITATOR, lambda x, r: privacy.erase_participant(x.store, r.actor, x.member_a.token)),
    "vota": (
        MEMBER,
        lambda x, r: w.cast_ballot(x.store, r.participant(x), x.round_a.id, {"dots": {x.priority_a.id: 2}}),
    ),
    "commenta": (MEMBER, lambda x, r: w.add_comment(x.store, r.participant(x), x.priority_a.id, "un commento")),
    # issue 19: paper cards
    "stampa schede": (FACILITATOR, lambda x, r: cards.print_cards(x.store, r.actor, x.round_a.id, 2)),
    "scarica schede": (FACILITATOR, lambda x, r: cards.cards_document(x.store, r.actor, x.round_a.id, "http://x/")),
    "crea PIN": (FACILITATOR, lambda x, r: cards.create_helper_pin(x.store, r.actor, x.a.id, "Nuovo")),
    "revoca PIN": (FACILITATOR, lambda x, r: cards.revoke_helper_pin(x.store, r.actor, 1)),
    "inserisci scheda": (
        CARD_ENTRY,
        lambda x, r: cards.enter_card(x.store, r.actor, x.a.id, x.card_a, {"dots": {x.priority_a.id: 1}}),
    ),
    "voto assistito": (
        CARD_ENTRY,
        lambda x, r: cards.enter_card(
            x.store, r.actor, x.a.id, x.card_a, {"dots": {x.priority_a.id: 2}}, channel="assisted"
        ),
    ),
    # issue 5: "proponi": (MEMBER, lambda x, r: ...), "segnala sulla mappa": (MEMBER, lambda x, r: ...),
}

READ_ONLY = {"esporta laboratorio", "scarica schede"}


CELLS = [(action, role) for action in ACTIONS for role in ROLES]


@pytest.mark.parametrize(("action", "role"), CELLS, ids=[f"{a}|{r}" for a, r in CELLS])
def test_only_allowed_cells_succeed(fresh_store, action, role):
    world = build(fresh_store)
    allowed, run = ACTIONS[action]
    before = fingerprint(fresh_store)
    if role in allowed:
        result = run(world, ROLES[role])
        if action in READ_ONLY:
            assert result  # it gave something back
        else:
            assert fingerprint(fresh_store) != before  # it did something
    else:
        with pytest.raises(CantiereError) as refused:
            run(world, ROLES[role])
        assert refused.value.message("it") != refused.value.key  # a real Italian message
        assert fingerprint(fresh_store) == before  # and nothing changed


def test_matrix_size_report():
    """Printed for SECURITY.md (run with -s)."""
    allowed = sum(1 for a, r in CELLS if r in ACTIONS[a][0])
    print(
        f"\npermission cells: {len(CELLS)} ({len(ACTIONS)} actions × {len(ROLES)} roles), "
        f"{allowed} allowed, {len(CELLS) - allowed} refused"
    )
    assert len(CELLS) == len(ACTIONS) * len(ROLES) >= 44
