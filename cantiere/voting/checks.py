"""Validation helpers shared by the methods: item ids as ballots send them,
lists of distinct ids, optional caps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cantiere.voting.explain import quoted
from cantiere.voting.model import BallotError, Item, RoundParamsError


def item_id(value: object, known: set[int]) -> int:
    """``value`` as a known item id (ints or their string form), else BallotError."""
    if isinstance(value, bool):
        raise BallotError("vote.error.unknown_item", item=value)
    try:
        number = int(value) if not isinstance(value, float) or value.is_integer() else None
    except (TypeError, ValueError):
        number = None
    if number is None or number not in known or (isinstance(value, str) and value.strip() != str(number)):
        raise BallotError("vote.error.unknown_item", item=value)
    return number


def id_list(ballot: Mapping, name: str, items: Sequence[Item], duplicate_key: str) -> list[int]:
    """The list ``ballot[name]`` as known, distinct item ids, in the given order."""
    raw = ballot.get(name) if isinstance(ballot, Mapping) else None
    if not isinstance(raw, (list, tuple)):
        raise BallotError("vote.error.shape")
    known = {item.id for item in items}
    by_id = {item.id: item.title for item in items}
    seen: list[int] = []
    for value in raw:
        number = item_id(value, known)
        if number in seen:
            raise BallotError(duplicate_key, title=quoted(by_id[number]))
        seen.append(number)
    if not seen:
        raise BallotError("vote.error.empty")
    return seen


def optional_positive_int(params: Mapping, name: str) -> int | None:
    """``params[name]`` as a whole number ≥ 1, or None when absent or empty."""
    value = params.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RoundParamsError("vote.error.params_not_int")
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise RoundParamsError("vote.error.params_not_int") from None
    if number != value and not (isinstance(value, str) and value.strip() == str(number)):
        raise RoundParamsError("vote.error.params_not_int")
    if number < 1:
        raise RoundParamsError("vote.error.params_positive")
    return number


def plain(value: float) -> int | float:
    """A number for an error message: 1500 rather than 1500.0."""
    return int(value) if float(value).is_integer() else round(float(value), 2)
