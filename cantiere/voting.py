"""Voting methods: pure functions over ballots, registered by name.

A method checks a round's parameters, validates one ballot against them and
tallies a list of ballots. No Streamlit, no database: ballots are plain dicts
(the JSON payload stored whole, one per participant per round).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from cantiere.errors import CantiereError, UnknownNameError


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


@dataclass(frozen=True)
class Method:
    name: str
    label: str  # i18n key
    check_params: Callable[[Mapping, Sequence[Item]], dict]
    validate: Callable[[Mapping, Sequence[Item], Mapping], dict]
    tally: Callable[[Sequence[Mapping], Sequence[Item], Mapping], Result]


def tiers(scores: Mapping[int, float], order: Sequence[int] | None = None) -> tuple[tuple[int, ...], ...]:
    """Group item ids by score, best first; equal scores share a tier."""
    ids = list(order) if order is not None else sorted(scores)
    distinct = sorted({scores[i] for i in ids}, reverse=True)
    return tuple(tuple(i for i in ids if scores[i] == value) for value in distinct)


# --- dots (dot voting) -------------------------------------------------------


def _dots_params(params: Mapping, items: Sequence[Item]) -> dict:
    try:
        dots = int(params.get("dots", 5))
        max_per_item = int(params.get("max_per_item", 2))
    except (TypeError, ValueError):
        raise RoundParamsError("vote.error.params_not_int") from None
    if dots < 1 or max_per_item < 1:
        raise RoundParamsError("vote.error.params_positive")
    if max_per_item > dots:
        raise RoundParamsError("vote.error.max_over_dots", dots=dots, max_per_item=max_per_item)
    return {"dots": dots, "max_per_item": max_per_item}


def _dots_validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"dots": {item_id: n}}`` with n ≥ 0, at most ``max_per_item`` each and
    ``dots`` in total. Zero entries are dropped. Returns the normalised ballot."""
    params = _dots_params(params, items)
    known = {item.id for item in items}
    raw = ballot.get("dots") if isinstance(ballot, Mapping) else None
    if not isinstance(raw, Mapping):
        raise BallotError("vote.error.shape")
    clean: dict[str, int] = {}
    for key, value in raw.items():
        try:
            item_id = int(key)
        except (TypeError, ValueError):
            raise BallotError("vote.error.unknown_item", item=key) from None
        if item_id not in known:
            raise BallotError("vote.error.unknown_item", item=key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise BallotError("vote.error.dots_not_count", item=item_id)
        if value > params["max_per_item"]:
            raise BallotError("vote.error.dots_per_item", max_per_item=params["max_per_item"])
        if value:
            clean[str(item_id)] = value
    used = sum(clean.values())
    if used > params["dots"]:
        raise BallotError("vote.error.dots_over_budget", used=used, dots=params["dots"])
    if used == 0:
        raise BallotError("vote.error.empty")
    return {"dots": clean}


def _dots_tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    scores = {item.id: 0.0 for item in items}
    supporters = {item.id: 0 for item in items}
    for ballot in ballots:
        for key, value in ballot.get("dots", {}).items():
            item_id = int(key)
            if item_id in scores:
                scores[item_id] += value
                supporters[item_id] += 1
    ranking = tiers(scores) if ballots else ()
    lines = [Line("vote.explain.dots", {"n": len(ballots), "dots": params.get("dots"), "max_per_item": params.get("max_per_item")})]
    if not ballots:
        lines = [Line("vote.explain.no_ballots")]
    elif len(ranking[0]) > 1:
        lines.append(Line("vote.explain.tie_first", {"n": len(ranking[0])}))
    return Result("dots", len(ballots), ranking, scores, tuple(lines), {"supporters": supporters})


METHODS: dict[str, Method] = {
    m.name: m
    for m in (Method("dots", "vote.method.dots", _dots_params, _dots_validate, _dots_tally),)
}


def method(name: str) -> Method:
    """The method registered as ``name``; UnknownNameError lists the valid names."""
    try:
        return METHODS[name]
    except KeyError:
        raise UnknownNameError("metodo di voto", name, list(METHODS)) from None


def tally(name: str, ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    """Tally ``ballots`` with the method ``name`` (ballots are assumed validated)."""
    m = method(name)
    return m.tally(ballots, items, m.check_params(params, items))
