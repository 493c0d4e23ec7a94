"""What every voting method shares: the items, the result, the method's
description (``Method``) and the two errors a method raises.

No Streamlit, no database: ballots are plain dicts (the JSON payload stored
whole, one per participant per round).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from cantiere.errors import CantiereError


class BallotError(CantiereError, ValueError):
    """A ballot breaks the round's rules; the message says what to fix."""

    key = "vote.error.invalid"


class RoundParamsError(CantiereError, ValueError):
    """A round's parameters are inconsistent (e.g. more dots per item than dots)."""

    key = "vote.error.params"


@dataclass(frozen=True)
class Item:
    """Something to vote on (a priority). ``cost`` is used by budget rounds."""

    id: int
    title: str
    cost: float | None = None


@dataclass(frozen=True)
class Line:
    """One sentence of an explanation: an i18n key and its parameters."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    """A tally: ``ranking`` lists tiers of item ids (ties share a tier, best first);
    ``scores`` maps item id to its score; ``explanation`` can be read out."""

    method: str
    n_ballots: int
    ranking: tuple[tuple[int, ...], ...]
    scores: Mapping[int, float]
    explanation: tuple[Line, ...] = ()
    extra: Mapping[str, object] = field(default_factory=dict)

    @property
    def winners(self) -> tuple[int, ...]:
        return self.ranking[0] if self.ranking else ()


Chart = Callable[[Result, Sequence[Item], str], object]  # a plotly Figure
Details = Callable[[Result, str], list[tuple[str, dict[int, str]]]]


def no_details(result: Result, lang: str = "it") -> list[tuple[str, dict[int, str]]]:
    """Methods whose table needs no column beside the score."""
    return []


def ranking_outcome(result: Result) -> dict:
    """The part of every method's outcome that the ranking says: the tiers and the winners."""
    return {
        "ranking": [list(tier) for tier in result.ranking],
        "winners": list(result.winners),
    }


@dataclass(frozen=True)
class Method:
    """One voting method, all its rules in one place (``cantiere/voting/<name>.py``).

    The words it shows live in ``cantiere/voting/strings_<name>.py``, its phone
    screen and parameter form in ``cantiere/ui/methods/<name>.py``, its user
    documentation in ``docs/metodi-di-voto*.md`` under ``<a id="metodo-<name>">``.
    """

    name: str
    label: str  # i18n key: the method's name
    description: str  # i18n key: one sentence for the facilitator
    tie_rule: str  # i18n key: how ties are decided, shown wherever the result is
    check_params: Callable[[Mapping, Sequence[Item]], dict]
    validate: Callable[[Mapping, Sequence[Item], Mapping], dict]
    tally: Callable[[Sequence[Mapping], Sequence[Item], Mapping], Result]
    charts: tuple[Chart, ...]  # the first is the result's chart; others follow it on Risultati
    describe_params: Callable[[Mapping, str], str]  # the parameters in words (without the label)
    outcome: Callable[[Result], dict] = ranking_outcome  # the full outcome, JSON-ready (export)
    details: Details = no_details  # columns beside the score: (header, text per item id)
    score_label: str = "report.col.score"  # i18n key of the score column
    needs_costs: bool = False  # items carry a cost checked by check_params (budget)
    menu_order: int = 100  # place in the facilitator's menu (smaller first)

    @property
    def chart(self) -> Chart:
        return self.charts[0]


def tiers(scores: Mapping[int, float], order: Sequence[int] | None = None) -> tuple[tuple[int, ...], ...]:
    """Group item ids by score, best first; equal scores share a tier."""
    ids = list(order) if order is not None else sorted(scores)
    distinct = sorted({scores[i] for i in ids}, reverse=True)
    return tuple(tuple(i for i in ids if scores[i] == value) for value in distinct)
