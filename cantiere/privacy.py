"""GDPR actions (docs/sviluppo.md §6): erase a workshop, erase one participant, give a
participant their own data.

Erasures are privileged: they take the facilitator ``Actor`` and check it here,
whatever door they come through (the CLI today). The participant export is
keyed by the token alone: whoever holds the token is that participant.
"""

from __future__ import annotations

from typing import Any

from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import privacy as db


def erase_workshop(store: Store, actor: w.Actor, code: str) -> dict[str, int]:
    """Delete the workshop with join code ``code`` and everything of it (logged
    in the audit log, which survives). Raises PermissionDeniedError,
    WrongCodeError."""
    w.require_facilitator(actor)
    workshop = w.find_workshop(store, code)
    return db.erase_workshop(store, workshop.id, via=actor.via)


def erase_participant(store: Store, actor: w.Actor, token: str) -> dict[str, int]:
    """Remove the profile and the texts of the participant with ``token``;
    their anonymous ballots stay counted (logged). Raises
    PermissionDeniedError, UnknownParticipantError."""
    w.require_facilitator(actor)
    return db.erase_participant(store, token, via=actor.via)


def participant_data(store: Store, token: str) -> dict[str, Any]:
    """The participant's own data as JSON-ready dicts. Raises UnknownParticipantError."""
    return db.participant_data(store, token)
