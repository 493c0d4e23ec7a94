"""Approval voting ("approvazione"): each participant ticks every priority
they approve of (at most ``max_approvals`` when the round says so); the most
approved wins.

Ballot: ``{"approved": [item_id, ...]}``. Ties: equal approvals share a place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cantiere import fmt
from cantiere.i18n import translate
from cantiere.voting.charts import bars
from cantiere.voting.checks import id_list, optional_positive_int
from cantiere.voting.explain import first_line, opening
from cantiere.voting.model import BallotError, Item, Line, Method, Result, tiers


def check_params(params: Mapping, items: Sequence[Item]) -> dict:
    """``{"max_approvals": K}``: optional cap on how many items one ballot approves."""
    return {"max_approvals": optional_positive_int(params, "max_approvals")}


def validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"approved": [ids]}``: known, distinct, at least one, at most ``max_approvals``."""
    params = check_params(params, items)
    approved = id_list(ballot, "approved", items, "vote.error.duplicate_item")
    cap = params["max_approvals"]
    if cap is not None and len(approved) > cap:
        raise BallotError("vote.error.too_many_approvals", used=len(approved), max_approvals=cap)
    return {"approved": sorted(approved)}


def tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    """Approvals per priority; ``extra["share"]``: the percentage of ballots approving it."""
    scores = {item.id: 0.0 for item in items}
    for ballot in ballots:
        for value in ballot.get("approved", ()):
            item_id = int(value)
            if item_id in scores:
                scores[item_id] += 1
    n = len(ballots)
    share = {item_id: (100.0 * votes / n if n else 0.0) for item_id, votes in scores.items()}
    ranking = tiers(scores) if ballots and items else ()
    lines = opening(Line("vote.explain.approval", {"n": n}), n, items, ranking)
    if ranking:
        best = ranking[0][0]
        lines += first_line(
            "vote.explain.approval_first", ranking, items, n, votes=scores[best], share=round(share[best], 1)
        )
    return Result(
        "approval", n, ranking, scores, tuple(lines), {"share": share, "max_approvals": params.get("max_approvals")}
    )


def chart(result: Result, items: Sequence[Item], lang: str = "it"):
    """Horizontal bars: approvals per priority, with the share in the hover."""
    share = result.extra.get("share", {})
    hover = {i: fmt.percent(v, 1, lang) for i, v in share.items()}
    return bars(result, items, lang, "vote.chart.approval", result.scores, hover=hover)


def describe_params(params: Mapping, lang: str = "it") -> str:
    cap = params.get("max_approvals")
    return translate("metodi.params.approval_max", lang, max=cap) if cap else translate("metodi.params.no_cap", lang)


def details(result: Result, lang: str = "it") -> list[tuple[str, dict[int, str]]]:
    """The share of ballots approving each priority."""
    return [
        (
            translate("risultati.col.share", lang),
            {i: fmt.percent(v, 1, lang) for i, v in result.extra.get("share", {}).items()},
        )
    ]


def outcome(result: Result) -> dict:
    return {
        "ranking": [list(tier) for tier in result.ranking],
        "winners": list(result.winners),
        "approvals": {str(k): v for k, v in result.scores.items()},
        "share_percent": {str(k): v for k, v in result.extra.get("share", {}).items()},
    }


METHOD = Method(
    name="approval",
    menu_order=20,
    label="vote.method.approval",
    description="vote.method.approval.help",
    tie_rule="vote.method.approval.tie",
    check_params=check_params,
    validate=validate,
    tally=tally,
    charts=(chart,),
    describe_params=describe_params,
    score_label="vote.chart.approval.axis",
    outcome=outcome,
    details=details,
)
