"""Pairwise comparison ("confronto a coppie", as in All Our Ideas): a phone
shows two priorities at a time and the participant picks the more important
one or says "non so"; Bradley–Terry strengths give each priority a score 0–100,
its chance of winning against another one picked at random.

Ballot: ``{"comparisons": [[winner, loser] | [a, b, "skip"], ...]}`` (each
phone's answers, replaced whole at every answer). Ties: equal scores share a place.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from itertools import combinations

import numpy as np

from cantiere import fmt
from cantiere.i18n import translate
from cantiere.voting.charts import GREEN, bars
from cantiere.voting.checks import item_id
from cantiere.voting.explain import first_line, opening
from cantiere.voting.model import BallotError, Item, Line, Method, Result, tiers

SKIP = "skip"
# Prior: each item gets this many virtual wins and as many virtual losses
# against a reference item of strength 1, so undefeated items stay finite.
BT_PRIOR = 0.5


def check_params(params: Mapping, items: Sequence[Item]) -> dict:
    """No parameters: the pairs shown are chosen by ``next_pair``."""
    return {}


def _comparison(entry: object, known: set[int]) -> list:
    if not isinstance(entry, (list, tuple)) or len(entry) not in (2, 3):
        raise BallotError("vote.error.comparison_shape")
    if len(entry) == 3 and entry[2] != SKIP:
        raise BallotError("vote.error.comparison_shape")
    a, b = item_id(entry[0], known), item_id(entry[1], known)
    if a == b:
        raise BallotError("vote.error.same_item")
    return [a, b, SKIP] if len(entry) == 3 else [a, b]


def validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"comparisons": [[winner, loser] | [a, b, "skip"], ...]}``: two different
    known items per answer, "skip" meaning "non so"; at least one answer."""
    raw = ballot.get("comparisons") if isinstance(ballot, Mapping) else None
    if not isinstance(raw, (list, tuple)):
        raise BallotError("vote.error.shape")
    known = {item.id for item in items}
    clean = [_comparison(entry, known) for entry in raw]
    if not clean:
        raise BallotError("vote.error.empty")
    return {"comparisons": clean}


def _flatten(comparisons: Sequence) -> list[list]:
    """Accept either a list of comparisons or a list of pairwise ballots."""
    flat: list[list] = []
    for entry in comparisons:
        if isinstance(entry, Mapping):
            flat.extend(entry.get("comparisons", ()))
        else:
            flat.append(entry)
    return flat


def bradley_terry(comparisons: Sequence[Sequence], ids: Sequence[int], prior: float = BT_PRIOR) -> dict[int, float]:
    """Bradley–Terry strengths by the MM algorithm (Hunter, "MM algorithms for
    generalized Bradley–Terry models", Annals of Statistics 32, 2004), with
    ``prior`` virtual wins and losses per item against a reference of strength 1.
    Skipped comparisons carry no information and are ignored."""
    index = {item_id: k for k, item_id in enumerate(ids)}
    m = len(ids)
    if m == 0:
        return {}
    wins = np.zeros((m, m))
    for entry in comparisons:
        if len(entry) == 3:
            continue
        a, b = index.get(int(entry[0])), index.get(int(entry[1]))
        if a is None or b is None or a == b:
            continue
        wins[a, b] += 1
    games = wins + wins.T
    won = wins.sum(axis=1) + prior
    p = np.ones(m)
    for _ in range(10_000):
        denom = (games / (p[:, None] + p[None, :])).sum(axis=1) + 2 * prior / (p + 1)
        new = _best_scale(won / denom) if prior > 0 else won / denom
        if np.max(np.abs(new - p) / p) < 1e-10:
            p = new
            break
        p = new
    return {item_id: float(p[k]) for item_id, k in index.items()}


def _best_scale(p: np.ndarray) -> np.ndarray:
    """``p`` times the factor c that maximises the likelihood along the common
    scale, which only the prior terms see: sum of 2cp/(cp+1) = m. MM alone
    creeps along that direction for thousands of steps when real comparisons
    far outnumber the prior; a few Newton steps on log c settle it at once."""
    log_c = 0.0
    for _ in range(50):
        q = np.exp(log_c) * p
        f = float(np.sum(2 * q / (q + 1))) - len(p)
        slope = float(np.sum(2 * q / (q + 1) ** 2))
        step = f / slope
        log_c -= max(min(step, 5.0), -5.0)
        if abs(step) < 1e-13:
            break
    return np.exp(log_c) * p


def _win_chance(strength: Mapping[int, float], ids: Sequence[int]) -> dict[int, float]:
    """Score 0–100: the chance of winning against another item picked at random."""
    if len(ids) < 2:
        return {i: 50.0 for i in ids}
    out = {}
    for a in ids:
        total = sum(strength[a] / (strength[a] + strength[b]) for b in ids if b != a)
        out[a] = round(100.0 * total / (len(ids) - 1), 6)
    return out


def tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    ids = [item.id for item in items]
    comparisons = _flatten(ballots)
    known = set(ids)
    won = {i: 0 for i in ids}
    lost = {i: 0 for i in ids}
    skipped = {i: 0 for i in ids}
    for entry in comparisons:
        a, b = int(entry[0]), int(entry[1])
        if a not in known or b not in known:
            continue
        if len(entry) == 3:
            skipped[a] += 1
            skipped[b] += 1
        else:
            won[a] += 1
            lost[b] += 1
    strength = bradley_terry(comparisons, ids)
    scores = _win_chance(strength, ids)
    share = {i: (100.0 * won[i] / (won[i] + lost[i]) if won[i] + lost[i] else None) for i in ids}
    decisive = sum(won.values())
    n = len(ballots)
    ranking = tiers(scores) if decisive and items else ()
    lines = opening(
        Line("vote.explain.pairwise", {"n": n, "comparisons": decisive, "skipped": sum(skipped.values()) // 2}),
        n,
        items,
        ranking,
    )
    if n and items and not decisive:
        lines.append(Line("vote.explain.no_comparisons"))
    if ranking:
        best = ranking[0][0]
        lines += first_line(
            "vote.explain.pairwise_first",
            ranking,
            items,
            n,
            score=round(scores[best], 1),
            share=round(share[best] or 0.0, 1),
        )
    extra = {"strength": strength, "won": won, "lost": lost, "skipped": skipped, "share_won": share}
    return Result("pairwise", n, ranking, scores, tuple(lines), extra)


def next_pair(
    items: Sequence[Item], comparisons_so_far: Sequence, rng: random.Random, mine: Sequence | None = None
) -> tuple[int, int] | None:
    """The next pair to show a participant, chosen to be informative.

    ``comparisons_so_far``: every comparison in the round (entries or pairwise
    ballots); ``mine``: the ones this participant already answered (defaults to
    ``comparisons_so_far``). Pairs the participant already answered are avoided
    while any other pair is left; among the rest, the pairs compared least
    often win, then the pairs whose Bradley–Terry scores are closest; ``rng``
    breaks the remaining ties and picks which item shows on the left.
    Returns None when there are fewer than two items.
    """
    ids = sorted({item.id for item in items})
    if len(ids) < 2:
        return None
    everyone = [e for e in _flatten(comparisons_so_far) if int(e[0]) in ids and int(e[1]) in ids]
    own = everyone if mine is None else _flatten(mine)
    answered = {frozenset((int(e[0]), int(e[1]))) for e in own}
    pairs = [pair for pair in combinations(ids, 2) if frozenset(pair) not in answered]
    if not pairs:
        pairs = list(combinations(ids, 2))
    times: dict[frozenset, int] = {}
    for e in everyone:
        key = frozenset((int(e[0]), int(e[1])))
        times[key] = times.get(key, 0) + 1
    strength = bradley_terry(everyone, ids)

    def key(pair):
        a, b = pair
        gap = abs(math.log(strength[a]) - math.log(strength[b]))
        return (times.get(frozenset(pair), 0), round(gap, 3))

    best = min(key(pair) for pair in pairs)
    a, b = rng.choice([pair for pair in pairs if key(pair) == best])
    return (a, b) if rng.random() < 0.5 else (b, a)


def chart(result: Result, items: Sequence[Item], lang: str = "it"):
    """Horizontal bars: Bradley–Terry score 0–100, share of comparisons won in the hover."""
    share = result.extra.get("share_won", {})
    label = translate("vote.chart.pairwise.share", lang)
    hover = {i: f"{label}: {fmt.percent(v, 0, lang)}" for i, v in share.items()}
    fig = bars(result, items, lang, "vote.chart.pairwise", result.scores, color=GREEN, hover=hover)
    fig.update_xaxes(range=[0, 100])
    return fig


def describe_params(params: Mapping, lang: str = "it") -> str:
    return translate("metodi.params.pairwise", lang)


def details(result: Result, lang: str = "it") -> list[tuple[str, dict[int, str]]]:
    """The share of its decided comparisons each priority won."""
    won = result.extra.get("share_won", {})
    return [
        (
            translate("risultati.col.share_won", lang),
            {i: "–" if v is None else fmt.percent(v, 1, lang) for i, v in won.items()},
        )
    ]


def outcome(result: Result) -> dict:
    extra = result.extra
    return {
        "ranking": [list(tier) for tier in result.ranking],
        "winners": list(result.winners),
        "score_0_100": {str(k): v for k, v in result.scores.items()},
        "strength": {str(k): v for k, v in extra.get("strength", {}).items()},
        "won": {str(k): v for k, v in extra.get("won", {}).items()},
        "lost": {str(k): v for k, v in extra.get("lost", {}).items()},
        "skipped": {str(k): v for k, v in extra.get("skipped", {}).items()},
    }


METHOD = Method(
    name="pairwise",
    menu_order=50,
    label="vote.method.pairwise",
    description="vote.method.pairwise.help",
    tie_rule="vote.method.pairwise.tie",
    check_params=check_params,
    validate=validate,
    tally=tally,
    charts=(chart,),
    describe_params=describe_params,
    score_label="vote.chart.pairwise.axis",
    outcome=outcome,
    details=details,
)
