"""A whole room in one scenario (issue 16, ``--scenario room``).

What a workshop does to the server, step by step, with the projector and (on
the real app) the facilitator's page open the whole time:

1. **join**: N phones open the join link over ``ramp`` seconds and join (on
   the app: opening the link joins and shows the listening screen of the ``ascolto`` phase);
   each then keeps the room-version long poll open, as the page's component
   does (``cantiere/ui/live.py``);
2. the room **waits** ``wait`` seconds;
3. **follow the phase**: the facilitator opens the vote (``ascolto`` → ``voto``,
   round 1; through the core, one transaction): every phone's long poll
   answers, the phone reruns its page and must show the vote screen;
4. **vote 1**: every phone votes once at a random moment of a ``burst``-second
   window (on the app: 2 + 1 dots, then the tap);
5. the room waits again; **follow the round**: the next round opens;
6. **vote 2**, the same burst on the new round.

Each step reports p50/p95 (from the step's start for the follows, from the
phone's own action for joins and votes), its errors and the server's CPU in
its window. A vote is timed whole (dots and tap) and from the tap alone (the
minimal app's vote is a tap). Ballots are counted in the database per round:
sent (distinct phones that tapped) against stored.

The minimal app runs the same steps (``bench/minimal_live.py``: a phase number
instead of screens, one button): its figures are the framework's floor.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import time
from collections import Counter
from collections.abc import Callable

from bench.loadgen import (
    Report,
    Scenario,
    Step,
    Target,
    _cpu,
    _rss_mb,
    fill_steps,
    follow_screen,
    run_steps,
    summary,
)
from bench.protocol import LivePoll, Phone, source_of

MOVES = 2  # phase change, then the next round
STEPS = ("join", "follow_phase", "vote_1", "follow_round", "vote_2")
SETTLE_S = 1.0  # after the last join: every phone's long poll is in
WARM_SPREAD = 16  # warm-up page loads through nginx, from as many addresses: every process gets one
WARM_FROM = 60_000  # their addresses come after any phone's (source_of)


class RoomRun:
    """State shared by the phones of one room."""

    def __init__(self, target: Target, sc: Scenario, urls: list[str], placeholders: dict, wait: float):
        self.target, self.sc, self.urls = target, sc, urls
        self.placeholders = dict(placeholders)
        self.wait = wait
        self.lat: dict[str, list[float]] = {s: [] for s in STEPS}
        self.taps: dict[str, list[float]] = {"vote_1": [], "vote_2": []}  # tap → confirmation
        self.errors: Counter[str] = Counter()
        self.voters: list[set[str]] = [set() for _ in range(MOVES)]
        self.moved_at: list[float | None] = [None] * MOVES
        self.follow_steps: list[list[Step]] = [[] for _ in range(MOVES)]
        self.vote_steps: list[list[Step]] = [[] for _ in range(MOVES)]
        self.moved = [asyncio.Event() for _ in range(MOVES)]
        self.vote_open = [asyncio.Event() for _ in range(MOVES)]
        self.vote_start: list[float] = [0.0] * MOVES
        self.projector: list[tuple[float, float]] = []  # (when, latency)
        self.facilitator: list[tuple[float, float]] = []
        self.joined = 0

    def error(self, step: str, exc: BaseException) -> None:
        self.errors[f"{step}: {type(exc).__name__}: {str(exc)[:80]}"] += 1

    def step_errors(self, step: str) -> int:
        return sum(n for what, n in self.errors.items() if what.startswith(step + ":"))

    def query(self, template: str, i: int, token: str) -> str:
        return template.format(**{**self.placeholders, "i": i, "token": token})


async def _phone(run: RoomRun, i: int, start_at: float, rng: random.Random, joined: asyncio.Event) -> None:
    target, sc = run.target, run.sc
    token = f"room{i:04d}{secrets.token_hex(4)}"
    url = run.urls[i % len(run.urls)]  # as ip_hash spreads distinct clients
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    source = source_of(i) if sc.spread else None
    phone = Phone(
        url, page=target.page, query=run.query(target.room_query, i, token), timeout=sc.timeout, source=source
    )
    poll = LivePoll(url, run.query(target.live_path, i, ""), timeout=sc.timeout, source=source)
    step = "join"
    try:
        t0 = time.monotonic()
        await phone.connect()
        await phone.open()
        await run_steps(phone, fill_steps(target.room_join_steps, run.placeholders), since=0)
        run.lat["join"].append(time.monotonic() - t0)
        run.joined += 1
        joined.set()
        known = (await poll.version(-1))["v"]
        for move, (follow, vote) in enumerate((("follow_phase", "vote_1"), ("follow_round", "vote_2"))):
            step = follow
            answer = await _hold_until_newer(poll, known, run.moved[move], target.live_screen, phone.token)
            known = answer["v"]
            await follow_screen(phone, answer, run.follow_steps[move], phone.mark())
            run.lat[follow].append(time.monotonic() - run.moved_at[move])
            step = vote
            await asyncio.wait_for(run.vote_open[move].wait(), sc.timeout + sc.ramp)
            await asyncio.sleep(max(0.0, run.vote_start[move] + rng.uniform(0, sc.burst) - time.monotonic()))
            tapped: list[float] = []

            def on_tap(move=move, tapped=tapped) -> None:
                tapped.append(time.monotonic())
                run.voters[move].add(token)

            t0 = time.monotonic()
            await run_steps(phone, run.vote_steps[move], on_tap=on_tap)
            end = time.monotonic()
            run.lat[vote].append(end - t0)
            if tapped:
                run.taps[vote].append(end - tapped[-1])
    except Exception as exc:  # every failure is counted, none stops the other phones
        run.error(step, exc)
    finally:
        joined.set()
        for message in phone.exceptions:
            run.errors[f"{step}: app: {message[:80]}"] += 1
        await poll.close()
        await phone.close()


async def _hold_until_newer(
    poll: LivePoll, known: int, moved: asyncio.Event, screen: str | None, who: str = ""
) -> dict:
    """Keep the long poll open until the room version passes ``known`` (bounded);
    its answer (with the new screen when the page draws it: ``screen``).
    A keep-alive connection the server closed while the phone was voting is
    opened again, as the browser's fetch does."""
    closed = 0
    for _ in range(10_000):
        try:
            answer = await poll.version(known, hold=60, screen=screen, who=who)
        except (ConnectionError, asyncio.IncompleteReadError):
            closed += 1
            if closed > 3:
                raise
            continue
        closed = 0
        if answer.get("busy"):  # the server holds too many: ask again a moment later, as the page does
            await asyncio.sleep(1.0)
            continue
        if answer.get("gone") or answer.get("v") is None:
            raise RuntimeError(f"the room is gone: {answer}")
        if answer["v"] > known:
            await moved.wait()  # the step's clock and screen are set before the phones look
            return answer
    raise RuntimeError("the room never moved")


async def _observer(url: str, page: str, query: str, sc: Scenario, log: list, steps: list[Step] | None = None):
    """A screen that stays open (projector, facilitator): it follows its page's
    ``run_every`` timer like a browser; every refresh is timed."""
    screen = Phone(
        url,
        page=page,
        query=query,
        timeout=sc.timeout,
        on_auto_rerun=lambda latency: log.append((time.monotonic(), latency)),
    )
    await screen.connect()
    await screen.open()
    if steps:
        await run_steps(screen, steps, since=0)
    return screen


async def drive(
    target: Target,
    sc: Scenario,
    urls: list[str],
    server_procs: list,
    report: Report,
    seed: int,
    placeholders: dict,
    advance: Callable[[], dict],
    count: Callable[[int], int | None],
    projector_url: str | None = None,
    password: str = "",
) -> None:
    """Run the room against servers already started; fill ``report``."""
    rng = random.Random(seed)
    run = RoomRun(target, sc, urls, placeholders, sc.wait)
    # Imports are no phone's cost: one page run per server first. Through nginx
    # (--spread) the processes behind it are reached from several addresses.
    warm_sources = [source_of(WARM_FROM + k) for k in range(WARM_SPREAD)] if sc.spread else [None]
    for url in dict.fromkeys(urls + ([projector_url] if projector_url else [])):
        for source in warm_sources if url != projector_url else [None]:
            try:
                query = run.query(target.room_query, -1, "warmup")
                async with Phone(url, page=target.page, query=query, timeout=sc.timeout, source=source) as warm:
                    await warm.open()
            except Exception as exc:
                run.error("warm-up", exc)
    report.rss_mb_start = _round(_rss_mb(server_procs))
    screens = []
    if sc.observer:
        try:
            screens.append(
                await _observer(
                    projector_url or urls[0],
                    target.observer_page,
                    run.query(target.observer_query, 0, ""),
                    sc,
                    run.projector,
                )
            )
        except Exception as exc:
            run.error("projector", exc)
        if target.facilitator_page and password:
            steps = fill_steps(target.facilitator_steps, {"password": password})
            try:
                screens.append(await _observer(urls[0], target.facilitator_page, "", sc, run.facilitator, steps))
            except Exception as exc:
                run.error("facilitator", exc)

    room: dict = {"steps": {}}
    cpu = lambda: _cpu(server_procs)  # noqa: E731
    joined = [asyncio.Event() for _ in range(sc.phones)]
    c0, begin = cpu(), time.monotonic()
    tasks = [
        asyncio.create_task(_phone(run, i, begin + sc.ramp * i / sc.phones, random.Random(rng.random()), joined[i]))
        for i in range(sc.phones)
    ]
    try:
        await asyncio.wait_for(asyncio.gather(*(e.wait() for e in joined)), sc.ramp + 2 * sc.timeout)
    except TimeoutError:
        run.errors["join: room not joined in time"] += 1
    join_end = time.monotonic()
    _step(room, "join", run, c0, cpu(), len(run.lat["join"]), (begin, join_end))
    report.rss_mb_joined = _round(_rss_mb(server_procs))
    await asyncio.sleep(SETTLE_S + sc.wait)
    ballots: list[dict] = []
    for move, (follow, vote) in enumerate((("follow_phase", "vote_1"), ("follow_round", "vote_2"))):
        c0, t_advance = cpu(), time.monotonic()
        fresh = await asyncio.to_thread(advance)  # committed when it returns: the follow's clock starts there
        run.moved_at[move] = t_follow = time.monotonic()
        room.setdefault("advance_ms", []).append(round((t_follow - t_advance) * 1000))
        run.placeholders.update(fresh)
        run.follow_steps[move] = fill_steps(target.room_follow_steps[move], run.placeholders)
        run.vote_steps[move] = fill_steps(target.room_vote_steps, run.placeholders)
        run.moved[move].set()
        await _until(lambda f=follow: len(run.lat[f]) + run.step_errors(f) >= run.joined, sc.timeout + 30)
        _step(room, follow, run, c0, cpu(), len(run.lat[follow]), (t_follow, time.monotonic()))
        run.vote_start[move] = time.monotonic()
        c0 = cpu()
        run.vote_open[move].set()
        voting = len(run.lat[follow])
        await _until(lambda v=vote, n=voting: len(run.lat[v]) + run.step_errors(v) >= n, sc.burst + sc.timeout + 30)
        _step(room, vote, run, c0, cpu(), len(run.lat[vote]), (run.vote_start[move], time.monotonic()))
        room["steps"][vote]["tap"] = summary(run.taps[vote])
        stored = await asyncio.to_thread(count, move)
        ballots.append({"round": move + 1, "sent": len(run.voters[move]), "stored": stored})
        await asyncio.sleep(sc.wait)
    for screen in screens:
        for message in screen.exceptions:
            run.errors[f"screens: {message[:80]}"] += 1
        await screen.close()
    for task in tasks:
        if not task.done():
            task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    room["ballots"] = ballots
    room["projector"] = summary([lat for _, lat in run.projector])
    room["projector_during_join"] = summary([lat for when, lat in run.projector if begin <= when <= join_end])
    room["facilitator"] = summary([lat for _, lat in run.facilitator])
    report.room = room
    report.phones_joined = len(run.lat["join"])
    report.join = summary(run.lat["join"])
    report.vote = summary(run.taps["vote_1"] + run.taps["vote_2"])
    report.projector = room["projector"]
    report.taps_sent = sum(len(v) for v in run.voters)
    report.ballots_sent = sum(b["sent"] for b in ballots)
    stored = [b["stored"] for b in ballots]
    report.ballots_stored = None if None in stored else sum(stored)
    report.errors = dict(run.errors)
    report.rss_mb_end = _round(_rss_mb(server_procs))
    join = room["steps"]["join"]
    report.server_cpu_join_s, report.cpu_ms_per_join = join["cpu_s"], join["cpu_ms_each"]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _step(room: dict, name: str, run: RoomRun, cpu0, cpu1, done: int, window: tuple[float, float]) -> None:
    cpu_s = None if cpu0 is None or cpu1 is None else round(cpu1 - cpu0, 3)
    room["steps"][name] = {
        **summary(run.lat[name]),
        "errors": run.step_errors(name),
        "seconds": round(window[1] - window[0], 1),
        "cpu_s": cpu_s,
        "cpu_ms_each": round(cpu_s * 1000 / done, 2) if cpu_s is not None and done else None,
        "projector_p95_ms": summary([lat for when, lat in run.projector if window[0] <= when <= window[1]])["p95_ms"],
    }


async def _until(done: Callable[[], bool], limit: float) -> None:
    for _ in range(int(limit * 10)):
        if done():
            return
        await asyncio.sleep(0.1)


def format_room(report: Report) -> list[str]:
    """The room's lines of the text report: one per step, then ballots per round."""
    room = report.room or {}
    lines = ["  step           n     p50     p95     max ms   errors  CPU s  CPU ms each  projector p95 ms"]
    for name, s in room.get("steps", {}).items():
        lines.append(
            f"  {name:13s} {s['n']:4d} {_ms(s['p50_ms'])} {_ms(s['p95_ms'])} {_ms(s['max_ms'])}   "
            f"{s['errors']:6d} {s['cpu_s']!s:>6} {s['cpu_ms_each']!s:>12}  {s['projector_p95_ms']}"
        )
        if "tap" in s and s["tap"]["n"]:
            t = s["tap"]
            lines.append(f"    tap only    {t['n']:4d} {_ms(t['p50_ms'])} {_ms(t['p95_ms'])} {_ms(t['max_ms'])}")
    for b in room.get("ballots", []):
        lost = None if b["stored"] is None else b["sent"] - b["stored"]
        lines.append(f"  round {b['round']}: ballots sent {b['sent']}, stored {b['stored']} (lost {lost})")
    for name in ("projector", "projector_during_join", "facilitator"):
        s = room.get(name) or {}
        if s.get("n"):
            lines.append(f"  {name:22s} n={s['n']} p50={s['p50_ms']} p95={s['p95_ms']} max={s['max_ms']} ms")
    return lines


def _ms(value) -> str:
    return f"{value if value is not None else '—':>7}"
