"""Errors of workshops: each one a failure a person can act on, with an i18n key.

Kept apart from ``cantiere.workshop`` so the store can raise them without an
import cycle.
"""

from __future__ import annotations

from cantiere.errors import CantiereError


class WorkshopError(CantiereError):
    """Base of the workshop errors."""

    key = "workshop.error.generic"


class WrongCodeError(WorkshopError, ValueError):
    """No workshop has this join code."""

    key = "workshop.error.wrong_code"


class WorkshopNotOpenError(WorkshopError):
    """The workshop exists but does not accept participants now (draft or closed)."""

    key = "workshop.error.not_open"


class UnknownParticipantError(WorkshopError):
    """The participant token in the link belongs to no participant of this workshop."""

    key = "workshop.error.unknown_participant"


class NotFoundError(WorkshopError, LookupError):
    """A workshop, round, priority or comment id does not exist."""

    key = "workshop.error.not_found"
    key_params = ("what",)  # what: "thing.workshop", "thing.priority", …


class RoundNotOpenError(WorkshopError):
    """A ballot was sent to a round that is not open (not yet, or already closed)."""

    key = "workshop.error.round_not_open"


class PhaseError(WorkshopError):
    """The action is not allowed in the workshop's current phase."""

    key = "workshop.error.phase"
    key_params = ("old", "new")  # phase_move: "workshop.phase.bozza", …


class CommentError(WorkshopError, ValueError):
    """A comment is empty or too long."""

    key = "workshop.error.comment_empty"


class PriorityError(WorkshopError, ValueError):
    """A priority (typed by hand or read from a CSV row) is not valid."""

    key = "workshop.error.priority"


class CsvError(WorkshopError, ValueError):
    """A priorities CSV cannot be read; the message names row and column."""

    key = "workshop.error.csv"


class PermissionDeniedError(WorkshopError, PermissionError):
    """A privileged action was attempted without the facilitator role."""

    key = "workshop.error.permission"


class PhaseChangedError(PhaseError):
    """The phase moved since the page was drawn (a double click, another facilitator): nothing done."""

    key = "live.error.phase_changed"
    key_params = ("now",)  # "workshop.phase.voto", …

    def __init__(self, phase: str):
        super().__init__(now=f"workshop.phase.{phase}")
        self.phase = phase


class RoundAlreadyOpenError(PhaseError):
    """A voting round is already open (a double click on "Apri la votazione"): no second one."""

    key = "live.error.round_open"


class WorkshopFullError(WorkshopError):
    """A workshop already holds the most comments, proposals or priorities it may (issue 17)."""

    key = "limits.workshop_full"
    key_params = ("what",)  # "limits.what.comment", …


# --- paper cards and assisted voting (issue 19) ---------------------------------


class CardCodeError(WorkshopError, ValueError):
    """A card code typed wrong: not 8 letters and digits, or its check character does not match."""

    key = "cards.error.bad_code"


class UnknownCardError(WorkshopError, LookupError):
    """A well-formed card code that no printed card has."""

    key = "cards.error.unknown"


class CardOtherWorkshopError(WorkshopError):
    """The card was printed for another workshop."""

    key = "cards.error.other_workshop"


class CardOtherRoundError(WorkshopError):
    """The card was printed for another voting round of this workshop."""

    key = "cards.error.other_round"


class CardAlreadyEnteredError(WorkshopError):
    """The card was already entered with the same votes (or twice already): refused, not counted again."""

    key = "cards.error.already"


class CardsNotOnPaperError(WorkshopError):
    """The round's method cannot be voted on a paper card (pairwise comparisons)."""

    key = "cards.error.not_on_paper"
    key_params = ("method",)  # the method's label key


class PinError(WorkshopError, PermissionError):
    """The helper PIN typed matches no active PIN of this workshop."""

    key = "cards.error.pin_wrong"


class PinRevokedError(WorkshopError, PermissionError):
    """The helper's PIN was revoked or expired since they logged in: nothing was saved."""

    key = "cards.error.pin_revoked"


class PinLockedError(WorkshopError, PermissionError):
    """Too many wrong helper PINs for this workshop lately: PIN logins wait a few minutes."""

    key = "cards.error.pin_locked"
