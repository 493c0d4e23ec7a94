"""Who is acting: a facilitator (password, session, the command line), a
participant, or a helper with a PIN of the day. Privileged functions take an
``Actor`` and check its ``role`` (``require_facilitator``). Below the domain
modules, so that any of them (workshops, imports, pacts) can check a role."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from cantiere.workshop_errors import PermissionDeniedError


class Role(enum.Enum):
    FACILITATOR = "facilitatore"
    PARTICIPANT = "partecipante"
    HELPER = "aiutante"  # enters paper cards with a PIN of the day (issue 19, cantiere.cards)


@dataclass(frozen=True)
class Actor:
    """Who is acting; privileged functions check ``role``. A helper carries the
    id and label of their PIN and its workshop: the PIN is checked again in
    every card entry's transaction (``cantiere.cards``)."""

    role: Role
    via: str = ""
    pin_id: int | None = None
    label: str = ""
    workshop_id: int | None = None

    @classmethod
    def command_line(cls) -> Actor:
        """The operator at the server's shell (already able to read the database)."""
        return cls(Role.FACILITATOR, "cli")


def require_facilitator(actor: Actor | None) -> None:
    """PermissionDeniedError unless ``actor`` is a facilitator."""
    if not isinstance(actor, Actor) or actor.role is not Role.FACILITATOR:
        raise PermissionDeniedError()
