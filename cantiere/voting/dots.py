"""Dot voting ("punti"): each participant spreads ``dots`` dots, at most
``max_per_item`` on the same priority; the priorities are ranked by dots.

Ballot: ``{"dots": {"<item_id>": n}}``. Ties: equal dots share a place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cantiere.i18n import translate
from cantiere.voting.charts import bars
from cantiere.voting.explain import first_line, opening
from cantiere.voting.model import BallotError, Item, Line, Method, Result, RoundParamsError, tiers

DEFAULTS = {"dots": 5, "max_per_item": 2}


def check_params(params: Mapping, items: Sequence[Item]) -> dict:
    """``{"dots": N, "max_per_item": k}``: whole numbers, 1 ≤ k ≤ N."""
    try:
        dots = int(params.get("dots", DEFAULTS["dots"]))
        max_per_item = int(params.get("max_per_item", DEFAULTS["max_per_item"]))
    except (TypeError, ValueError):
        raise RoundParamsError("vote.error.params_not_int") from None
    if dots < 1 or max_per_item < 1:
        raise RoundParamsError("vote.error.params_positive")
    if max_per_item > dots:
        raise RoundParamsError("vote.error.max_over_dots", dots=dots, max_per_item=max_per_item)
    return {"dots": dots, "max_per_item": max_per_item}


def validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"dots": {item_id: n}}`` with n ≥ 0, at most ``max_per_item`` each and
    ``dots`` in total. Zero entries are dropped. Returns the normalised ballot."""
    params = check_params(params, items)
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


def tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    """Dots per priority; ``extra["supporters"]``: how many gave it at least one dot."""
    scores = {item.id: 0.0 for item in items}
    supporters = {item.id: 0 for item in items}
    for ballot in ballots:
        for key, value in ballot.get("dots", {}).items():
            item_id = int(key)
            if item_id in scores:
                scores[item_id] += value
                supporters[item_id] += 1
    ranking = tiers(scores) if ballots and items else ()
    lines = opening(
        Line(
            "vote.explain.dots",
            {"n": len(ballots), "dots": params.get("dots"), "max_per_item": params.get("max_per_item")},
        ),
        len(ballots),
        items,
        ranking,
    )
    if ranking:
        best = ranking[0][0]
        lines += first_line(
            "vote.explain.dots_first", ranking, items, len(ballots), points=scores[best], supporters=supporters[best]
        )
    return Result("dots", len(ballots), ranking, scores, tuple(lines), {"supporters": supporters})


def chart(result: Result, items: Sequence[Item], lang: str = "it"):
    """Horizontal bars: dots per priority, best on top."""
    return bars(result, items, lang, "vote.chart.dots", result.scores)


def describe_params(params: Mapping, lang: str = "it") -> str:
    return translate("metodi.params.dots", lang, dots=params.get("dots"), max_per_item=params.get("max_per_item"))


def outcome(result: Result) -> dict:
    return {
        "ranking": [list(tier) for tier in result.ranking],
        "winners": list(result.winners),
        "supporters": {str(k): v for k, v in result.extra.get("supporters", {}).items()},
    }


METHOD = Method(
    name="dots",
    menu_order=10,
    label="vote.method.dots",
    description="vote.method.dots.help",
    tie_rule="vote.method.dots.tie",
    check_params=check_params,
    validate=validate,
    tally=tally,
    charts=(chart,),
    describe_params=describe_params,
    outcome=outcome,
    score_label="proiezione.points",
)
