"""Results of a workshop: per round, per group of participants, across rounds.

The functions that shape results are pure (plain data in, plain data out);
``collect`` is the one function here that reads the store, so the Risultati
page and the report see the same numbers.

**Small groups.** A breakdown never shows a figure for a group of fewer than
``MIN_GROUP`` people (docs/sviluppo.md §4: in a comune of 2,500 residents three people
can be recognised). Such groups are merged into "altri"; when "altri" itself
stays below the threshold, the smallest shown groups join it, so that the
overall result minus the shown groups never isolates a small group by
difference. Only a round with fewer than ``MIN_GROUP`` ballots in all shows
no breakdown. The page says that groups were merged, never how many people
each small group had.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cantiere import territory, voting
from cantiere.errors import UnknownNameError
from cantiere.i18n import translate

MIN_GROUP = 5  # same threshold as the projector (workshop.RESULTS_MIN_BALLOTS)
DIMENSIONS = ("district", "comune", "role", "channel")  # channel: phone, paper, assisted (issue 19)
CHANNEL_DEFAULT = "phone"
OTHERS = "altri"
UNKNOWN = "non indicato"
OUTSIDE = "fuori provincia"


@dataclass(frozen=True)
class Voter:
    """The optional profile of a participant, as the breakdown needs it."""

    participant_id: int
    comune: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Group:
    """One column of a breakdown: a label (or "altri"), its size and its tally."""

    label: str
    size: int
    result: voting.Result
    merged: bool = False  # True for "altri"


@dataclass(frozen=True)
class Breakdown:
    dimension: str
    groups: tuple[Group, ...]
    merged_any: bool  # some small groups went into "altri"
    suppressed_any: bool  # some people are in no shown group


@dataclass(frozen=True)
class RoundResult:
    """A round with its items, tally and ballots (participant id, payload)."""

    round_id: int
    position: int
    method: str
    params: Mapping
    status: str
    items: tuple[voting.Item, ...]
    result: voting.Result
    ballots: tuple[tuple[int, Mapping], ...]
    channels: Mapping[int, str] = field(default_factory=dict)  # participant id → channel of their ballot


@dataclass(frozen=True)
class WorkshopResults:
    workshop: object  # store.workshops.Workshop
    rounds: tuple[RoundResult, ...]
    voters: Mapping[int, Voter]


# --- words -----------------------------------------------------------------------


def describe_params(method: str, params: Mapping, lang: str = "it") -> str:
    """A round's method and parameters in words: "Punti (dot voting): 5 punti, …"."""
    m = voting.method(method)
    return f"{translate(m.label, lang)}: {m.describe_params(dict(params or {}), lang)}"


def details(result: voting.Result, lang: str = "it") -> list[tuple[str, dict[int, str]]]:
    """Method-specific columns beside the score, as (header, text per item id):
    approval share; budget cost and what each rule funds; pairwise share of
    comparisons won; matrix mean importance and feasibility."""
    return voting.method(result.method).details(result, lang)


def tie_rule(method: str, lang: str = "it") -> str:
    """How the method decides ties, in one or two sentences (shown with every result)."""
    return translate(voting.method(method).tie_rule, lang)


# --- groups ----------------------------------------------------------------------


def _district_of(comune_name: str) -> str:
    try:
        return territory.comune(comune_name).district
    except UnknownNameError:
        return OUTSIDE


def group_of(voter: Voter | None, dimension: str) -> str:
    """The group label of ``voter`` for ``dimension`` (district, comune or role)."""
    if dimension not in DIMENSIONS:
        raise UnknownNameError("thing.dimension", dimension, DIMENSIONS)
    if dimension == "channel":  # a property of each ballot, not of the person: see ``breakdown``
        return UNKNOWN
    if voter is None:
        return UNKNOWN
    if dimension == "role":
        return voter.role or UNKNOWN
    if not voter.comune:
        return UNKNOWN
    if voter.comune == OUTSIDE:
        return OUTSIDE
    return voter.comune if dimension == "comune" else _district_of(voter.comune)


def merge_small(sizes: Mapping[str, int], min_size: int = MIN_GROUP) -> dict[str, str | None]:
    """Where each group's people are shown: itself when it has ``min_size``
    people or more, else in ``OTHERS``.

    When "altri" would hold some people but fewer than ``min_size``, the
    smallest shown groups join it until it reaches ``min_size``: otherwise the
    overall result minus the shown groups would give away the small ones by
    difference. None (shown nowhere) only when everyone together is fewer
    than ``min_size``.
    """
    kept = sorted((g for g, n in sizes.items() if n >= min_size and g != OTHERS), key=lambda g: (-sizes[g], g))
    others_size = sum(n for g, n in sizes.items() if g not in kept)
    while kept and 0 < others_size < min_size:
        others_size += sizes[kept.pop()]  # the smallest (last by name on ties) joins "altri"
    others = OTHERS if others_size >= min_size else None
    return {g: (g if g in kept else others) for g in sizes}


def counts(voters: Sequence[Voter], dimension: str, min_size: int = MIN_GROUP) -> list[tuple[str, int]]:
    """People per group with small groups merged into "altri" (or left out),
    largest first, "altri" last."""
    sizes = Counter(group_of(v, dimension) for v in voters)
    target = merge_small(sizes, min_size)
    shown: Counter = Counter()
    for group, n in sizes.items():
        if target[group] is not None:
            shown[target[group]] += n
    rows = sorted(((g, n) for g, n in shown.items() if g != OTHERS), key=lambda r: (-r[1], r[0]))
    if OTHERS in shown:
        rows.append((OTHERS, shown[OTHERS]))
    return rows


def breakdown(
    method: str,
    ballots: Sequence[tuple[int, Mapping]],
    voters: Mapping[int, Voter],
    items: Sequence[voting.Item],
    params: Mapping,
    dimension: str,
    min_size: int = MIN_GROUP,
    channels: Mapping[int, str] | None = None,
) -> Breakdown:
    """The round's tally per group of voters (district, comune or role), or
    per channel of the ballot (``channels``: participant id → phone, paper,
    assisted; absent = phone).

    Groups are sized by the ballots of this round; groups smaller than
    ``min_size`` are merged into "altri", and "altri" is dropped when it is
    still too small, so no shown figure rests on fewer than ``min_size`` people.
    """
    by_group: dict[str, list[Mapping]] = {}
    for participant_id, payload in ballots:
        by_group.setdefault(_label(participant_id, voters, dimension, channels), []).append(payload)
    target = merge_small({g: len(b) for g, b in by_group.items()}, min_size)
    shown: dict[str, list[Mapping]] = {}
    for group, payloads in by_group.items():
        if target[group] is not None:
            shown.setdefault(target[group], []).extend(payloads)
    order = sorted((g for g in shown if g != OTHERS), key=lambda g: (-len(shown[g]), g))
    if OTHERS in shown:
        order.append(OTHERS)
    groups = tuple(
        Group(g, len(shown[g]), voting.tally(method, shown[g], items, params), merged=g == OTHERS) for g in order
    )
    return Breakdown(
        dimension,
        groups,
        merged_any=any(t == OTHERS and g != OTHERS for g, t in target.items()),
        suppressed_any=any(t is None for t in target.values()),
    )


def _label(participant_id: int, voters: Mapping[int, Voter], dimension: str, channels) -> str:
    if dimension == "channel":
        return (channels or {}).get(participant_id, CHANNEL_DEFAULT)
    return group_of(voters.get(participant_id), dimension)


def channel_counts(rnd: RoundResult, min_size: int = MIN_GROUP) -> list[tuple[str, int]]:
    """Ballots of the round per channel, small channels merged into "altri" (or
    left out when the round has fewer than ``min_size`` ballots), largest
    first. What is shown adds up to the round's ballots whenever anything is shown."""
    sizes = Counter(rnd.channels.get(pid, CHANNEL_DEFAULT) for pid, _ in rnd.ballots)
    target = merge_small(sizes, min_size)
    shown: Counter = Counter()
    for group, n in sizes.items():
        if target[group] is not None:
            shown[target[group]] += n
    rows = sorted(((g, n) for g, n in shown.items() if g != OTHERS), key=lambda r: (-r[1], r[0]))
    if OTHERS in shown:
        rows.append((OTHERS, shown[OTHERS]))
    return rows


# --- ranks across rounds ----------------------------------------------------------


def ranks(result: voting.Result) -> dict[int, int]:
    """Rank of each ranked item (ties share the best rank: 1, 1, 3)."""
    out: dict[int, int] = {}
    position = 1
    for tier in result.ranking:
        for item_id in tier:
            out[item_id] = position
        position += len(tier)
    return out


def top_items(result: voting.Result, n: int) -> list[int]:
    """Ids of the best ``n`` items of a tally; a tie across the cut keeps the
    whole tier (never drops one of two equal items at random)."""
    chosen: list[int] = []
    for tier in result.ranking:
        if len(chosen) >= n:
            break
        chosen.extend(tier)
    return chosen


def compare_rounds(rounds: Sequence[RoundResult], min_ballots: int = 1) -> list[dict]:
    """One row per priority: its title and its rank in each round (None when
    the item was not in that round or the round has fewer than ``min_ballots``
    ballots). Rows follow the last round's ranking, then the others."""
    titles: dict[int, str] = {}
    for rnd in rounds:
        for item in rnd.items:
            titles.setdefault(item.id, item.title)
    per_round = [ranks(r.result) if r.result.n_ballots >= min_ballots else {} for r in rounds]
    last = per_round[-1] if per_round else {}
    order = sorted(titles, key=lambda i: (last.get(i, len(titles) + 1), i))
    return [{"id": i, "title": titles[i], "ranks": [r.get(i) for r in per_round]} for i in order]


# --- the store side ------------------------------------------------------------------


def collect(store, workshop) -> WorkshopResults:
    """Every round of ``workshop`` (drafts left out) with its tally and ballots,
    and the profiles of its participants."""
    from cantiere import workshop as w
    from cantiere.store import workshops as db

    voters = {p.id: Voter(p.id, p.comune, p.role) for p in db.list_participants(store, workshop.id)}
    rounds = []
    for rnd in db.list_rounds(store, workshop.id):
        if rnd.status == "draft":
            continue
        items = tuple(w.items_of(store, workshop.id, rnd.params))
        stored = db.list_ballots(store, rnd.id)
        ballots = tuple((b.participant_id, b.payload) for b in stored)
        result = voting.tally(rnd.method, [p for _, p in ballots], items, rnd.params)
        channels = {b.participant_id: b.channel for b in stored}
        rounds.append(
            RoundResult(
                rnd.id, rnd.position, rnd.method, dict(rnd.params), rnd.status, items, result, ballots, channels
            )
        )
    return WorkshopResults(workshop, tuple(rounds), voters)
