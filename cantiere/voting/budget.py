"""Participatory budgeting ("bilancio partecipativo"): every project has a cost;
each participant approves the projects they would fund, within the budget.
Two outcomes are shown side by side: greedy (most votes first) and the Method
of Equal Shares.

Ballot: ``{"approved": [item_id, ...]}`` whose total cost fits the budget.

**Money is exact.** Costs and the budget are read as the decimals people typed
(``Fraction("1234.56")``, not the float next to it) and every comparison of
Equal Shares is made on exact rationals, so a tie is a tie and the written tie
rule decides it, never the 17th digit of a float.

**Ties.** Greedy: more votes first, then the cheaper project, then the one
earlier in the list. Equal Shares: the highest effective vote count first; on
equal counts, more votes, then cheaper, then earlier in the list.

**Completion of Equal Shares** ("add1", equalshares.net/implementation/completion,
pabutools ``voter_budget_increment``): run the method with budget/n per voter;
while its outcome is not exhaustive (some supported project still fits in
what is left), raise every voter's share to the next whole cent, then one cent
more at a time, and keep the last outcome that fits the budget. We step by one
cent, the smallest unit of our money, where equalshares.net's reference code
steps by one currency unit: with shares of hundreds of euros the two agree
except when an outcome lives in a window of less than a euro. A project nobody
approved cannot be bought, so it does not keep the completion going (as in
pabutools). The completion runs to that end, without a cap on the steps; it is
fast because the outcome is constant between breakpoints that the run
computes exactly (``_Election.run``), so only the shares where something can
change are computed. Money still left then goes, greedily by votes, to the
projects that fit (the "utilitarian completion" of equalshares.net's tool):
those projects are marked ``greedy_fill``.

Peters, Pierczyński, Skowron, "Proportional Participatory Budgeting with
Additive Utilities", NeurIPS 2021; https://equalshares.net.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from operator import mul

import plotly.graph_objects as go

from cantiere import fmt
from cantiere.errors import Amount
from cantiere.i18n import translate
from cantiere.voting.charts import BLUE, GREY, ORANGE, layout, order, safe
from cantiere.voting.checks import id_list, plain
from cantiere.voting.explain import opening, quoted, titles
from cantiere.voting.model import BallotError, Item, Line, Method, Result, RoundParamsError, tiers

STEP = Fraction(1, 100)  # the completion raises every voter's share one cent at a time


def exact(value: object) -> Fraction:
    """A money amount as an exact fraction: 1234.56 is 123456/100, not its float neighbour."""
    if isinstance(value, (Fraction, int)):
        return Fraction(value)
    return Fraction(str(value))


def check_params(params: Mapping, items: Sequence[Item]) -> dict:
    """``{"budget": B}``: B > 0; every item needs a cost > 0 and no larger than B."""
    raw = params.get("budget")
    if isinstance(raw, bool):
        raise RoundParamsError("vote.error.budget_missing")
    try:
        budget = float(raw)
    except (TypeError, ValueError):
        raise RoundParamsError("vote.error.budget_missing") from None
    if not math.isfinite(budget) or budget <= 0:
        raise RoundParamsError("vote.error.budget_missing")
    for item in items:
        cost = item.cost
        if cost is None or isinstance(cost, bool) or not math.isfinite(float(cost)) or float(cost) <= 0:
            raise RoundParamsError("vote.error.item_without_cost", title=quoted(item.title))
        if exact(cost) > exact(budget):
            raise RoundParamsError(
                "vote.error.cost_over_budget", title=quoted(item.title), cost=Amount(cost), budget=Amount(budget)
            )
    return {"budget": plain(budget)}


def validate(ballot: Mapping, items: Sequence[Item], params: Mapping) -> dict:
    """``{"approved": [ids]}``: known, distinct, at least one, total cost within the budget."""
    params = check_params(params, items)
    approved = id_list(ballot, "approved", items, "vote.error.duplicate_item")
    cost = {item.id: exact(item.cost) for item in items}
    total = sum(cost[i] for i in approved)
    budget = exact(params["budget"])
    if total > budget:
        raise BallotError(
            "vote.error.over_budget",
            total=Amount(total),
            budget=Amount(params["budget"]),
            excess=Amount(total - budget),
        )
    return {"approved": sorted(approved)}


def greedy_budget(
    votes: Mapping[int, float], costs: Mapping[int, float], budget: float, order: Sequence[int]
) -> list[int]:
    """Fund items by votes (most first; ties: cheaper first, then list order),
    skipping any that no longer fits; items without votes are not funded."""
    position = {item_id: k for k, item_id in enumerate(order)}
    cost = {i: exact(costs[i]) for i in order}
    left = exact(budget)
    funded = []
    for item_id in sorted(order, key=lambda i: (-votes[i], cost[i], position[i])):
        if votes[item_id] > 0 and cost[item_id] <= left:
            funded.append(item_id)
            left -= cost[item_id]
    return funded


# --- the Method of Equal Shares ------------------------------------------------------------


def _ratio(n: int, m: int) -> float:
    return n / m


class _Limit:
    """The smallest share above the current one where a decision of the run may
    change: every decision is "α + β·t stays ≥ 0" (or > 0) in the voters' share t."""

    def __init__(self) -> None:
        self.num: int | None = None
        self.den = 1

    def keep(self, alpha: int, beta: int) -> None:
        if beta >= 0:  # holds now, and grows with t
            return
        num, den = alpha, -beta  # the root α/−β, as a fraction kept unreduced
        if self.num is None or num * self.den < self.num * den:
            self.num, self.den = num, den

    def holds_at(self, share: Fraction) -> bool:
        """Whether every decision recorded still holds at ``share`` (a larger one)."""
        return self.num is None or share * self.den < self.num

    def value(self) -> Fraction | None:
        return None if self.num is None else Fraction(self.num, self.den)


@dataclass
class _Step:
    """One purchase of a run (or its end, ``bought`` None): the state before it,
    affine in the share t, and the limit up to which its decisions hold. The
    state is the same for every share where the earlier steps hold, so a run at
    a larger share starts again from the first step whose limit it reaches."""

    a: list[int]  # money of group g, in units: (a[g] + b[g]·t) / d
    b: list[int]
    d: int
    bound: dict[int, tuple[int, int, int]]  # a lower bound on each candidate's ρ: (ra + rb·t) / den
    remaining: list[int]
    limit: _Limit = field(default_factory=_Limit)
    bought: tuple[int, int, int, int] | None = None  # (item, ra, rb, den): ρ = (ra + rb·t) / den
    poor: frozenset[int] = frozenset()  # the groups that paid all they had
    rich_weight: int = 0  # how many voters paid ρ each


class _Election:
    """Approval ballots grouped by identical ballots (a group pays alike), with
    the costs as whole numbers of a small money unit (``scale`` units per euro).

    A run keeps every voter's money as an affine function of the share t,
    (a + b·t)/d, with integers a, b and a common d: the payments are affine in
    t as long as the same decisions are taken, so a run can say up to which
    share each of its decisions stays the same."""

    def __init__(self, approvals: Sequence[Sequence[int]], costs: Mapping[int, object], order: Sequence[int]):
        cost = {i: exact(costs[i]) for i in order}
        self.scale = math.lcm(*(c.denominator for c in cost.values())) if cost else 1
        self.cost = {i: int(c * self.scale) for i, c in cost.items()}
        counts: dict[frozenset, int] = {}
        for approved in approvals:
            key = frozenset(int(i) for i in approved if int(i) in cost)
            counts[key] = counts.get(key, 0) + 1
        # a fixed group order: the outcome never depends on the order of the ballots
        groups = sorted(counts.items(), key=lambda kv: (sorted(kv[0]), kv[1]))
        self.weight = [w for _, w in groups]
        self.supporters = {i: [g for g, (approved, _) in enumerate(groups) if i in approved] for i in order}
        self.votes = {i: sum(self.weight[g] for g in self.supporters[i]) for i in order}
        self.position = {i: k for k, i in enumerate(order)}
        self.candidates = [i for i in order if self.votes[i] > 0 and self.cost[i] > 0]

    def _tie_key(self, item_id: int) -> tuple:
        """The written tie rule: more votes, then cheaper, then earlier in the list."""
        return (-self.votes[item_id], self.cost[item_id], self.position[item_id])

    def start(self) -> _Step:
        """The state before the first purchase: everyone has the share t."""
        count = len(self.weight)
        bound = {c: (self.cost[c], 0, self.votes[c]) for c in self.candidates}  # ρ ≥ cost / votes
        return _Step([0] * count, [self.scale] * count, 1, bound, list(self.candidates))

    def run(self, share: Fraction, previous: list[_Step] | None = None) -> list[_Step]:
        """Equal Shares with ``share`` euros per voter, as its steps. With the
        steps of a run at a smaller share, the steps whose decisions still hold
        are kept and the run goes on from the first one that may change."""
        steps: list[_Step] = []
        for step in previous or ():
            if step.bought is None or not step.limit.holds_at(share):
                break
            steps.append(step)
        if steps:
            last = steps[-1]
            state = self._after(last)
        else:
            state = self.start()
        sp, sq = share.numerator, share.denominator
        weight, supporters, costs = self.weight, self.supporters, self.cost

        def effective(c: int, ra: int, rb: int, den: int) -> tuple[int, int]:
            """The effective vote count cost/ρ at this share, as numerator and (positive) denominator."""
            return costs[c] * den * sq, ra * sq + rb * sp

        while True:
            a, b, d, bound, remaining = state.a, state.b, state.d, state.bound, state.remaining
            limit = state.limit
            value = [x * sq + y * sp for x, y in zip(a, b)]  # money · d · sq at t = share
            weighted = list(map(mul, weight, value))
            # most promising first (floats only order the work; every decision below is exact)
            remaining.sort(key=lambda c: _ratio(*effective(c, *bound[c])), reverse=True)
            best = None  # (item, ra, rb, den, poor groups, rich weight, effective count as (n, m))
            for c in list(remaining):
                if best is not None:
                    n, m = effective(c, *bound[c])
                    if n * best[6][1] < best[6][0] * m:
                        continue  # effective counts only fall: c cannot beat the best any more
                owed = costs[c] * d
                group = supporters[c]
                if sum(map(weighted.__getitem__, group)) < owed * sq:  # cannot pay it, now or later in this run
                    ws = list(map(weight.__getitem__, group))
                    total_a = sum(map(mul, ws, map(a.__getitem__, group)))
                    total_b = sum(map(mul, ws, map(b.__getitem__, group)))
                    limit.keep(owed - total_a, -total_b)
                    remaining.remove(c)
                    continue
                paid, left = 0, self.votes[c]
                poor_a = poor_b = 0
                poor = []
                for g in sorted(group, key=value.__getitem__):
                    if owed * sq - paid > value[g] * left:  # cannot pay an equal part: pays all it has
                        w = weight[g]
                        paid += w * value[g]
                        left -= w
                        poor_a += w * a[g]
                        poor_b += w * b[g]
                        poor.append(g)
                    else:
                        break
                ra, rb, den = owed - poor_a, -poor_b, left * d
                bound[c] = (ra, rb, den)
                n, m = effective(c, ra, rb, den)
                if best is None:
                    better = True
                else:
                    mine, theirs = n * best[6][1], best[6][0] * m
                    better = mine > theirs or (mine == theirs and self._tie_key(c) < self._tie_key(best[0]))
                if better:
                    best = (c, ra, rb, den, poor, left, (n, m))
            steps.append(state)
            if best is None:
                return steps
            p, ra, rb, den, poor, rich_weight, _ = best
            # the split of p's cost holds: the poor have less than ρ, the others at least ρ
            poor_set = set(poor)
            for g in supporters[p]:
                if g in poor_set:
                    limit.keep(ra - rich_weight * a[g], rb - rich_weight * b[g])
                else:
                    limit.keep(rich_weight * a[g] - ra, rich_weight * b[g] - rb)
            # p beats every other candidate (their bounds over-estimate their effective counts)
            for q in remaining:
                if q != p:
                    qa, qb, qden = bound[q]
                    cp, cq = costs[p] * den, costs[q] * qden
                    limit.keep(cp * qa - cq * ra, cp * qb - cq * rb)
            state.bought = (p, ra, rb, den)
            state.poor = frozenset(poor_set)
            state.rich_weight = rich_weight
            state = self._after(state)

    def _after(self, step: _Step) -> _Step:
        """The state after ``step``'s purchase: the rich pay ρ each, the poor all
        they have (over the common denominator d·K, K the rich voters)."""
        p, ra, rb, _ = step.bought
        k = step.rich_weight
        a = list(map(k.__mul__, step.a))
        b = list(map(k.__mul__, step.b))
        for g in self.supporters[p]:
            if g in step.poor:
                a[g] = b[g] = 0
            else:
                a[g] -= ra
                b[g] -= rb
        remaining = [c for c in step.remaining if c != p]
        return _Step(a, b, step.d * k, {c: step.bound[c] for c in remaining}, remaining)

    def bought(self, steps: list[_Step]) -> list[int]:
        """The projects a run bought, in order."""
        return [step.bought[0] for step in steps if step.bought is not None]

    def limit(self, steps: list[_Step]) -> Fraction | None:
        """The smallest larger share at which a run's outcome may change (None: never)."""
        known = [step.limit.value() for step in steps if step.limit.num is not None]
        return min(known) if known else None

    def payments(self, steps: list[_Step], share: Fraction) -> dict[int, Fraction]:
        """What each payer paid for each project bought (ρ, in euros) at ``share``."""
        sp, sq = share.numerator, share.denominator
        bought = [step.bought for step in steps if step.bought is not None]
        return {p: Fraction(ra * sq + rb * sp, den * sq * self.scale) for p, ra, rb, den in bought}


def equal_shares_fixed_budget(
    approvals: Sequence[Sequence[int]], costs: Mapping[int, object], budget: object, order: Sequence[int]
) -> list[int]:
    """Equal Shares with budget/n per voter and no completion (equalshares.net,
    "Explanation", steps 1–6): the projects bought, in order."""
    if not approvals:
        return []
    election = _Election(approvals, costs, order)
    return election.bought(election.run(exact(budget) / len(approvals)))


def equal_shares(
    approvals: Sequence[Sequence[int]],
    costs: Mapping[int, object],
    budget: object,
    order: Sequence[int],
    step: Fraction = STEP,
) -> dict:
    """Equal Shares with the add1 completion (see the module docstring).

    Returns ``selected`` (in order of purchase), ``rho`` (what each payer paid
    for each, in euros), ``share`` (the voters' share that gave it),
    ``initial_share`` (budget/n), ``steps`` (how many ``step`` the share was
    raised above budget/n rounded down to a ``step``) and ``runs`` (how many
    shares were computed)."""
    n = len(approvals)
    if n == 0:
        return {"selected": [], "rho": {}, "share": Fraction(0), "initial_share": Fraction(0), "steps": 0, "runs": 0}
    election = _Election(approvals, costs, order)
    cost, total = election.cost, exact(budget) * election.scale  # whole units: exact and quick
    first = exact(budget) / n
    path = election.run(first)
    share, steps, runs = first, 0, 1
    base = math.floor(first / step) * step  # the whole number of steps under budget/n
    k = 0
    while True:
        selected = election.bought(path)
        spent = sum(cost[i] for i in selected)
        if all(i in selected or spent + cost[i] > total for i in election.candidates):
            break  # exhaustive: nothing more fits
        limit = election.limit(path)
        if limit is None:
            break  # the same outcome for every larger share (cannot happen: all would then fit)
        k = max(k + 1, math.ceil((limit - base) / step))
        candidate = base + k * step
        next_path = election.run(candidate, path)
        runs += 1
        if sum(cost[i] for i in election.bought(next_path)) > total:
            break  # one step too far: keep the last outcome within the budget
        path, share, steps = next_path, candidate, k
    return {
        "selected": election.bought(path),
        "rho": election.payments(path, share),
        "share": share,
        "initial_share": first,
        "steps": steps,
        "runs": runs,
    }


# --- tally --------------------------------------------------------------------------------


def tally(ballots: Sequence[Mapping], items: Sequence[Item], params: Mapping) -> Result:
    """Votes per project rank them; ``extra`` holds both outcomes: ``greedy`` and
    ``equal_shares``, each with the money per funded project, the order, what
    was spent and what is left."""
    ids = [item.id for item in items]
    costs = {item.id: exact(item.cost) for item in items}
    budget = exact(params["budget"])
    approvals = [[int(v) for v in ballot.get("approved", ()) if int(v) in costs] for ballot in ballots]
    n = len(ballots)
    scores = {i: 0.0 for i in ids}
    for approved in approvals:
        for item_id in approved:
            scores[item_id] += 1
    ranking = tiers(scores) if ballots and items else ()
    greedy = greedy_budget(scores, costs, budget, ids) if ballots else []
    mes = equal_shares(approvals, costs, budget, ids)
    phase = {i: "equal_shares" for i in mes["selected"]}
    rest = [i for i in ids if i not in phase]
    fill = greedy_budget(scores, costs, budget - sum(costs[i] for i in mes["selected"]), rest) if ballots else []
    phase.update({i: "greedy_fill" for i in fill})
    funded_mes = [*mes["selected"], *fill]

    def outcome(selected: Sequence[int]) -> dict:
        spent = sum(costs[i] for i in selected)
        return {
            "funded": {i: float(costs[i]) for i in selected},
            "order": list(selected),
            "spent": float(spent),
            "left": float(budget - spent),
        }

    greedy_out = outcome(greedy)
    mes_out = outcome(funded_mes)
    mes_out.update(
        phase=phase,
        rho={i: float(r) for i, r in mes["rho"].items()},
        share_per_voter=float(mes["share"]),
        initial_share=float(mes["initial_share"]),
        completion_steps=mes["steps"],
        completion_step=float(STEP),
    )
    lines = opening(Line("vote.explain.budget", {"n": n, "budget": float(budget)}), n, items, ranking)
    if n and items:
        lines.append(
            Line(
                "vote.explain.greedy",
                {"count": len(greedy), "spent": greedy_out["spent"], "titles": titles(greedy, items) or "–"},
            )
        )
        lines.append(
            Line(
                "vote.explain.equal_shares",
                {
                    "share": float(budget / n),
                    "count": len(funded_mes),
                    "spent": mes_out["spent"],
                    "titles": titles(funded_mes, items) or "–",
                },
            )
        )
        if mes["steps"]:
            lines.append(Line("vote.explain.equal_shares_completion", {"share": float(mes["share"])}))
        if fill:
            lines.append(Line("vote.explain.equal_shares_fill", {"titles": titles(fill, items)}))
        if set(greedy) == set(funded_mes):
            lines.append(Line("vote.explain.budget_same"))
        else:
            lines.append(Line("vote.explain.budget_differ"))
    extra = {
        "budget": float(budget),
        "costs": {i: float(c) for i, c in costs.items()},
        "greedy": greedy_out,
        "equal_shares": mes_out,
    }
    return Result("budget", n, ranking, scores, tuple(lines), extra)


# --- words and chart --------------------------------------------------------------------


def chart(result: Result, items: Sequence[Item], lang: str = "it") -> go.Figure:
    """Grouped horizontal bars: euros each project gets by Equal Shares and by greedy,
    beside its cost."""
    by_id = {item.id: item for item in items}
    ids = order(result, items)
    labels = [safe(by_id[i].title) for i in ids]
    mes = result.extra.get("equal_shares", {}).get("funded", {})
    greedy = result.extra.get("greedy", {}).get("funded", {})
    costs = result.extra.get("costs", {i: by_id[i].cost for i in ids})
    fig = go.Figure()
    for name, funded, color in (("equal_shares", mes, BLUE), ("greedy", greedy, ORANGE)):
        values = [funded.get(i, 0.0) for i in ids]
        fig.add_trace(
            go.Bar(
                name=translate(f"vote.chart.budget.{name}", lang),
                x=values,
                y=labels,
                orientation="h",
                marker_color=color,
                text=[fmt.number(v, 0, lang) if v else "" for v in values],
                textposition="auto",
            )
        )
    fig.add_trace(
        go.Scatter(
            name=translate("vote.chart.budget.cost", lang),
            x=[costs.get(i) for i in ids],
            y=labels,
            mode="markers",
            marker={"symbol": "line-ns-open", "size": 18, "color": GREY, "line": {"width": 2}},
        )
    )
    budget = result.extra.get("budget", 0)
    layout(
        fig,
        translate("vote.chart.budget.title", lang, budget=fmt.number(budget, 0, lang)),
        result,
        lang,
        2 * len(ids),
        barmode="group",
        xaxis={"title": {"text": translate("vote.chart.budget.axis", lang)}, "rangemode": "tozero"},
        yaxis={"title": {"text": translate("vote.chart.item", lang)}, "autorange": "reversed", "type": "category"},
    )
    # the legend below the axis title, not on it
    return fig.update_layout(legend={"orientation": "h", "y": -0.3, "yanchor": "top"}, margin={"b": 110})


def describe_params(params: Mapping, lang: str = "it") -> str:
    return translate("metodi.params.budget", lang, budget=fmt.number(float(params.get("budget") or 0), 0, lang))


def details(result: Result, lang: str = "it") -> list[tuple[str, dict[int, str]]]:
    """The cost of each project and whether each outcome funds it."""
    extra = result.extra
    yes, no = translate("risultati.yes", lang), ""
    costs = extra.get("costs", {})
    greedy = set(extra.get("greedy", {}).get("funded", {}))
    shares = set(extra.get("equal_shares", {}).get("funded", {}))
    return [
        (translate("report.col.cost", lang), {i: fmt.number(c, 0, lang) for i, c in costs.items()}),
        (translate("risultati.col.greedy", lang), {i: yes if i in greedy else no for i in costs}),
        (translate("risultati.col.equal_shares", lang), {i: yes if i in shares else no for i in costs}),
    ]


def outcome(result: Result) -> dict:
    """Both funded sets, in the order they were funded, with what they spend."""
    extra = result.extra
    greedy = extra.get("greedy", {})
    mes = extra.get("equal_shares", {})
    return {
        "ranking": [list(tier) for tier in result.ranking],
        "winners": list(result.winners),
        "votes": {str(k): v for k, v in result.scores.items()},
        "budget": extra.get("budget"),
        "greedy": {"funded": list(greedy.get("order", ())), "spent": greedy.get("spent"), "left": greedy.get("left")},
        "equal_shares": {
            "funded": list(mes.get("order", ())),
            "phase": {str(k): v for k, v in mes.get("phase", {}).items()},
            "spent": mes.get("spent"),
            "left": mes.get("left"),
            "rho": {str(k): v for k, v in mes.get("rho", {}).items()},
            "initial_share": mes.get("initial_share"),
            "share_per_voter": mes.get("share_per_voter"),
            "completion": "add1",
            "completion_step": mes.get("completion_step"),
            "completion_steps": mes.get("completion_steps"),
        },
    }


METHOD = Method(
    name="budget",
    menu_order=40,
    label="vote.method.budget",
    description="vote.method.budget.help",
    tie_rule="vote.method.budget.tie",
    check_params=check_params,
    validate=validate,
    tally=tally,
    charts=(chart,),
    describe_params=describe_params,
    outcome=outcome,
    details=details,
    score_label="vote.score.votes",
    needs_costs=True,
)
