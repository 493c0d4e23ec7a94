"""Scenarios for simulated phones, the server they hit, and the report.

A run: start the app with ``streamlit run`` on a free port of 127.0.0.1, warm
it up with one page load, open the projector (an observer session following the
page's ``run_every`` timer), let N phones join over a ramp, then

- ``burst``: every phone taps once, at a random moment inside a short window;
- ``realistic``: every phone acts again and again, a think time apart
  (uniform between 0 and twice the mean), for a fixed duration;
- ``join``: nothing after joining (the ramp alone);
- ``idle``: the room waits (issue 13): every phone keeps the long poll of the
  room version open (``bench.protocol.LivePoll``, what the page's component
  does) for ``duration`` seconds, the server's CPU share is measured, then the
  room moves (the next voting round opens) and every phone's time to show the
  new screen is measured (the long poll answers, the phone reruns its page).

It reports join, vote and projector latencies (p50/p95/p99), errors, the
server's CPU seconds per tap and its memory (psutil on the server's pid), and
compares ballots stored with ballots sent. The same scenario can run against
the minimal one-button app in the same invocation (:func:`compare`), so our
cost reads as a ratio to the framework's floor.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import random
import secrets
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import psutil

from bench.protocol import LivePoll, Phone, ProtocolError


def run_async(coroutine):
    """``asyncio.run``, also from a thread whose event loop is already running
    (Playwright's sync API leaves one in the test process): then in a new thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


ROOT = Path(__file__).resolve().parent.parent
MINIMAL_APP = Path(__file__).resolve().parent / "minimal_app.py"
SCENARIOS = ("burst", "realistic", "join", "idle", "room")
MINIMAL_LIVE_APP = Path(__file__).resolve().parent / "minimal_live.py"
IDLE_SETTLE_S = 3.0  # after the last join, before the idle window: every phone's first long poll is in
STARTUP_TIMEOUT = 60.0
MAX_PHONES = 1000
MAX_ACTIONS_PER_PHONE = 10_000
RSS_SAMPLE_S = 0.25


# --- steps: what a phone does, as a tiny script ----------------------------


@dataclass(frozen=True)
class Step:
    """One thing a phone does: ``wait`` for a widget, ``set`` a value,
    ``press`` a button, wait for a ``text``, send a ballot from a screen the
    browser draws (``vote:ROUND METHOD ID=N ID=N``), or see that the room's long
    poll carried the screen of round ``screen:ROUND`` (drawn by the browser,
    no page run: only after the room moved)."""

    action: str
    key: str
    value: str = ""


STEP_ACTIONS = ("wait", "set", "press", "text", "vote", "screen")


def parse_steps(spec: str) -> list[Step]:
    """``"set:punti_1=2; press:vota; text:Voto registrato"`` → steps (``;`` separated)."""
    steps = []
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        action, sep, rest = part.partition(":")
        action = action.strip()
        if not sep or action not in STEP_ACTIONS or not rest.strip():
            raise ValueError(f"step {part!r}: expected one of {', '.join(a + ':…' for a in STEP_ACTIONS)}")
        key, value = rest.strip(), ""
        if action == "set":
            key, eq, value = rest.partition("=")
            if not eq:
                raise ValueError(f"step {part!r}: expected set:KEY=VALUE")
            key, value = key.strip(), value.strip()
        elif action == "vote":
            key, _, value = rest.strip().partition(" ")
            if not value.strip():
                raise ValueError(f"step {part!r}: expected vote:ROUND METHOD ID=N …")
        steps.append(Step(action, key, value))
    return steps


def _value(text: str):
    """A ``set`` value: int, float, true/false, else the text itself."""
    low = text.lower()
    if low in ("true", "false"):
        return low == "true"
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text


def fill_steps(steps: list[Step], placeholders: dict) -> list[Step]:
    """``steps`` with ``{name}`` placeholders in keys and values filled in (e.g.
    ``set:partecipa.dots.{round}.{item_a}=2`` once the workshop exists)."""
    if not placeholders:
        return list(steps)
    return [Step(s.action, s.key.format(**placeholders), s.value.format(**placeholders)) for s in steps]


async def run_steps(
    phone: Phone, steps: list[Step], on_tap: Callable[[], None] | None = None, since: int | None = None
) -> None:
    """Run ``steps`` on ``phone``; a ``text`` step looks at what arrived since the
    last ``press``/``set`` before it (or since mark ``since`` when there was none);
    ``on_tap`` is called as each ``press`` is sent."""
    mark = phone.mark() if since is None else since
    for step in steps:
        if step.action == "wait":
            await phone.wait_for_widget(step.key)
        elif step.action == "text":
            await phone.wait_for_text(step.key, since=mark)
        elif step.action == "vote":
            mark = phone.mark()
            if on_tap is not None:
                on_tap()
            await phone.post_ballot(int(step.key), ballot_of(step.value))
        elif step.action == "screen":
            raise ProtocolError(f"round {step.key}'s screen: the room's long poll did not carry it")
        else:
            mark = phone.mark()
            if step.action == "press":
                if on_tap is not None:
                    on_tap()
                await phone.press(step.key)
            else:
                await phone.set_value(step.key, _value(step.value))


def ballot_of(text: str) -> dict:
    """``"dots 12=2 13=1"`` → ``{"dots": {"12": 2, "13": 1}}`` (a ``vote`` step's ballot)."""
    method, *pairs = text.split()
    return {method: {k: _value(v) for k, _, v in (pair.partition("=") for pair in pairs)}}


async def follow_screen(phone: Phone, answer: dict, steps: list[Step], mark: int) -> None:
    """What a page does when the long poll says the room moved: draw the screen
    the answer carries (``screen`` steps: no page run), else rerun the page and
    run ``steps`` on what it shows."""
    if answer.get("screen") is not None and steps and all(s.action == "screen" for s in steps):
        drawn = str(answer["screen"].get("round"))
        wrong = [s.key for s in steps if s.key != drawn]
        if wrong:
            raise ProtocolError(f"the long poll carried round {drawn}'s screen, not {wrong[0]}'s")
        return
    await phone.rerun()  # what the component's trigger asks for
    await run_steps(phone, steps, since=mark)


# --- targets: which app, how a phone joins and votes --------------------------


@dataclass
class Target:
    """An app the phones can drive."""

    name: str
    script: Path
    page: str  # st.navigation url_path ("" for a single-page app)
    query: str  # per phone; {token} is a fresh random participant token, {i} the phone's number
    join_steps: list[Step]
    vote_steps: list[Step]
    observer_page: str
    observer_query: str
    env: Callable[[Path], dict[str, str]] = lambda workdir: {}
    count_ballots: Callable[[Path], int | None] = lambda workdir: None
    # database URL → a prepared workshop (bench.app_setup.Prepared): placeholders
    # for query and steps, and the ballot count of its round. None: nothing to set up.
    setup: Callable[[str], object] | None = None
    # the idle scenario (issue 13): the script serving the room-version route, the
    # phones' query, the route's path, how the room moves (prepared, workdir →
    # placeholders of the new screen) and the steps that see the new screen
    live_script: Path | None = None
    live_query: str | None = None
    live_path: str = "/api/live/{code}"
    live_screen: str | None = None  # the language of the screens the long poll carries (the page draws them)
    advance: Callable[[object, Path], dict] | None = None
    follow_steps: list[Step] = field(default_factory=list)
    # the room scenario (issue 16, bench/room.py): the phones' query, how they
    # join, what shows the phase change and then the next round, how they vote
    # ({round} is the round just opened); the facilitator's page and its login
    # ({password}); ballots stored for the n-th move ((prepared, workdir, n) → count)
    room_query: str = ""
    room_join_steps: list[Step] = field(default_factory=list)
    room_follow_steps: tuple[list[Step], list[Step]] = ([], [])
    room_vote_steps: list[Step] = field(default_factory=list)
    room_count: Callable[[object, Path, int], int | None] | None = None
    facilitator_page: str = ""
    facilitator_steps: list[Step] = field(default_factory=list)


def _minimal_env(workdir: Path) -> dict[str, str]:
    return {"BENCH_BALLOTS_DB": str(workdir / "ballots.db")}


def _minimal_count(workdir: Path) -> int | None:
    path = workdir / "ballots.db"
    if not path.exists():
        return 0
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM ballots").fetchone()[0]
    except sqlite3.OperationalError:  # no vote ever reached the table
        return 0
    finally:
        conn.close()


def _app_env(workdir: Path) -> dict[str, str]:
    return {
        "CANTIERE_DATABASE_URL": f"sqlite:///{workdir / 'cantiere.db'}",
        "CANTIERE_ADMIN_PASSWORD": "bench-" + secrets.token_hex(8),
    }


def _app_setup(database_url: str, phase: str = "voto"):
    from bench.app_setup import prepare  # imports the app's core: only for the app target

    return prepare(database_url, phase)


def _app_room_count(prepared, workdir: Path, move: int) -> int:
    return prepared.count(move)


def _minimal_room_count(prepared, workdir: Path, move: int) -> int:
    """Phones that voted in the ``move``-th round: each tap adds one to its row."""
    conn = sqlite3.connect(workdir / "ballots.db")
    try:
        return conn.execute("SELECT count(*) FROM ballots WHERE taps >= ?", (move + 1,)).fetchone()[0]
    except sqlite3.OperationalError:  # no vote ever reached the table
        return 0
    finally:
        conn.close()


def _app_advance(prepared, workdir: Path) -> dict:
    return prepared.advance()


def _minimal_advance(prepared, workdir: Path) -> dict:
    """The minimal room moves: its phase number + 1 (one row of its SQLite file)."""
    conn = sqlite3.connect(workdir / "ballots.db", timeout=30, isolation_level=None)
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS room (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER)")
        conn.execute(
            "INSERT INTO room (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1"
        )
        return {"version": conn.execute("SELECT version FROM room WHERE id = 1").fetchone()[0]}
    finally:
        conn.close()


# The real Partecipa page (cantiere/ui/workshop_partecipa.py): a phone opens the
# join link, which joins it (the app writes its token into the URL) and shows the
# vote (issue 16: one page run); the join is over when the vote screen is there,
# as the minimal app's when its button is. The dots screen is drawn by the browser
# (cantiere/ui/methods/dots.py): the dots cost the server nothing, and «Invia il
# voto» posts the ballot (2 + 1 dots on two priorities) to /api/voto, as the page's
# script does; a vote is one tap, as in the minimal app (the ratio compares taps).
APP_JOIN_STEPS = "wait:partecipa.vote.{round}"
APP_VOTE_STEPS = "vote:{round} dots {item_a}=2 {item_b}=1; text:Voto registrato"
# The room (bench/room.py): phones join while the workshop listens (the ascolto
# screen), follow the vote's opening to the dots of round 1 (drawn from the long
# poll's answer, as the page does), vote, follow the next round, vote again. The
# facilitator logs in and keeps the live panel.
APP_ROOM_JOIN_STEPS = "wait:ascolto.task"
APP_ROOM_FOLLOW_STEPS = "screen:{round}"
APP_ROOM_VOTE_STEPS = APP_VOTE_STEPS
APP_FACILITATOR_STEPS = "set:facilitazione.password={password}; press:facilitazione.login; wait:facilitazione.pick"


def minimal_target() -> Target:
    return Target(
        name="minimal",
        script=MINIMAL_APP,
        page="",
        query="p={token}",
        join_steps=parse_steps("wait:vota"),
        vote_steps=parse_steps("press:vota; text:Voto registrato"),
        observer_page="",
        observer_query="view=proiezione",
        env=_minimal_env,
        count_ballots=_minimal_count,
        live_script=MINIMAL_LIVE_APP,
        live_query="p={token}&room=1",
        live_path="/api/live/room",
        advance=_minimal_advance,
        follow_steps=parse_steps("text:Fase {version}"),
        room_query="p={token}&room=1",
        room_join_steps=parse_steps("wait:vota"),
        room_follow_steps=(parse_steps("text:Fase {version}"), parse_steps("text:Fase {version}")),
        room_vote_steps=parse_steps("press:vota; text:Voto registrato"),
        room_count=_minimal_room_count,
    )


def app_target() -> Target:
    """Our app's Partecipa page on a workshop in the voto phase, created by
    ``setup`` (bench.app_setup) in the benchmark's database."""
    return Target(
        name="app",
        script=ROOT / "app.py",
        page="partecipa",
        query="code={code}",
        join_steps=parse_steps(APP_JOIN_STEPS),
        vote_steps=parse_steps(APP_VOTE_STEPS),
        observer_page="proiezione",
        observer_query="code={code}",
        env=_app_env,
        setup=_app_setup,
        live_path="/api/live/{code}",
        live_screen="it",
        advance=_app_advance,
        follow_steps=parse_steps(APP_ROOM_FOLLOW_STEPS),
        room_query="code={code}",
        room_join_steps=parse_steps(APP_ROOM_JOIN_STEPS),
        room_follow_steps=(parse_steps(APP_ROOM_FOLLOW_STEPS), parse_steps(APP_ROOM_FOLLOW_STEPS)),
        room_vote_steps=parse_steps(APP_ROOM_VOTE_STEPS),
        room_count=_app_room_count,
        facilitator_page="facilitazione",
        facilitator_steps=parse_steps(APP_FACILITATOR_STEPS),
    )


TARGETS: dict[str, Callable[[], Target]] = {"minimal": minimal_target, "app": app_target}


def get_target(name: str) -> Target:
    """The target called ``name``; raises ``ValueError`` listing the valid ones."""
    try:
        return TARGETS[name]()
    except KeyError:
        raise ValueError(f"unknown target {name!r}; valid: {', '.join(TARGETS)}") from None


# --- the server ------------------------------------------------------------------


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (never Streamlit's 8501)."""
    for _ in range(20):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port != 8501:
            return port
    raise RuntimeError("no free port")


class Server:
    """``streamlit run script`` on 127.0.0.1:<free port>, from the repository root
    so ``.streamlit/config.toml`` applies (postScriptGC off, XSRF on)."""

    def __init__(self, script: Path, env: dict[str, str], workdir: Path, nodelay: bool = False):
        self.script = script
        self.nodelay = nodelay
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / f"server-{script.stem}-{self.port}.log"
        self.env = {**os.environ, **env}
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        # bench.nodelay is `streamlit` with TCP_NODELAY on the listening socket.
        cmd = [
            sys.executable,
            "-m",
            "bench.nodelay" if self.nodelay else "streamlit",
            "run",
            str(self.script),
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ]
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self._log.close()
                raise RuntimeError(f"streamlit exited ({self.proc.returncode}): {self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"streamlit did not answer on {self.url} within {STARTUP_TIMEOUT:.0f} s")

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._log.close()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log_tail(self, n: int = 2000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n:]
        except OSError:
            return ""


# --- the scenario and its report ---------------------------------------------------


@dataclass
class Scenario:
    kind: str = "burst"
    phones: int = 20
    ramp: float = 5.0  # seconds over which phones join
    burst: float = 3.0  # window in which every phone taps once (burst)
    think: float = 20.0  # mean seconds between a phone's actions (realistic)
    duration: float = 60.0  # length of the realistic phase
    observer: bool = True  # the projector is open during the run (never in the idle scenario)
    timeout: float = 60.0  # per wait
    quickack: bool = False  # ACK every frame at once (see bench.protocol.Phone)
    nodelay: bool = False  # start the server with TCP_NODELAY (see bench.nodelay)
    wait: float = 3.0  # the room's pauses between its steps (room)
    spread: bool = False  # each phone from its own loopback address (room; through nginx's address hash)

    def check(self) -> None:
        if self.kind not in SCENARIOS:
            raise ValueError(f"unknown scenario {self.kind!r}; valid: {', '.join(SCENARIOS)}")
        if not 1 <= self.phones <= MAX_PHONES:
            raise ValueError(f"phones must be between 1 and {MAX_PHONES}")
        for name in ("ramp", "burst", "think", "duration", "timeout", "wait"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0–100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil
    return ordered[int(rank) - 1]


def summary(values: list[float]) -> dict:
    """Count and p50/p95/p99/max in milliseconds."""
    ms = lambda v: None if v is None else round(v * 1000, 1)  # noqa: E731
    return {
        "n": len(values),
        "p50_ms": ms(percentile(values, 50)),
        "p95_ms": ms(percentile(values, 95)),
        "p99_ms": ms(percentile(values, 99)),
        "max_ms": ms(max(values) if values else None),
    }


@dataclass
class Report:
    target: str
    scenario: dict
    phones_joined: int = 0
    taps_sent: int = 0
    ballots_sent: int = 0  # distinct participants who tapped
    ballots_stored: int | None = None
    join: dict = field(default_factory=dict)
    vote: dict = field(default_factory=dict)
    projector: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    server_cpu_join_s: float | None = None  # during the join ramp
    cpu_ms_per_join: float | None = None
    server_cpu_s: float | None = None  # during the vote phase
    cpu_ms_per_tap: float | None = None
    rss_mb_start: float | None = None  # after warm-up, before any phone
    rss_mb_joined: float | None = None  # all phones joined
    rss_mb_peak: float | None = None
    rss_mb_end: float | None = None
    rss_mb_per_50_phones: float | None = None  # (joined − start) / phones × 50
    idle_s: float | None = None  # the idle window (scenario idle)
    idle_cpu_s: float | None = None  # the server's CPU during it
    idle_cpu_pct: float | None = None  # … as a share of one core
    idle_polls_per_s: float | None = None  # long-poll requests answered per second during it
    rss_mb_idle: float | None = None
    follow: dict = field(default_factory=dict)  # room moved → new screen shown, per phone
    follow_cpu_s: float | None = None  # the server's CPU from the change until every phone followed
    room: dict = field(default_factory=dict)  # the room scenario: per step, ballots per round (bench/room.py)
    loadgen_cpu_s: float | None = None  # this process, whole run: is the client the bottleneck?
    wall_s: float | None = None

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def lost_ballots(self) -> int | None:
        return None if self.ballots_stored is None else self.ballots_sent - self.ballots_stored

    def as_dict(self) -> dict:
        out = asdict(self)
        out["error_count"] = self.error_count
        out["lost_ballots"] = self.lost_ballots
        return out


class _Run:
    """State shared by the phones of one run."""

    def __init__(
        self, target: Target, scenario: Scenario, urls: list[str], code: str, placeholders: dict | None = None
    ):
        self.target = target
        self.scenario = scenario
        self.urls = urls
        self.code = code
        self.placeholders = dict(placeholders or {})
        self.placeholders.setdefault("code", code)
        self.join: list[float] = []
        self.vote: list[float] = []
        self.projector: list[float] = []
        self.errors: Counter[str] = Counter()
        self.taps = 0
        self.voters: set[str] = set()
        # idle scenario
        self.polls: list[LivePoll] = []
        self.follow: list[float] = []
        self.changed_at: float | None = None
        self.follow_steps: list[Step] = []
        self.follow_ready = asyncio.Event()
        self.idle_over = asyncio.Event()

    def error(self, where: str, exc: BaseException) -> None:
        self.errors[f"{where}: {type(exc).__name__}: {str(exc)[:80]}"] += 1

    def query(self, template: str, i: int, token: str) -> str:
        return template.format(**{**self.placeholders, "i": i, "token": token})

    def url_of(self, i: int) -> str:
        """Phones spread over the servers in turn (as ip_hash spreads distinct clients)."""
        return self.urls[i % len(self.urls)]


async def _phone(run: _Run, i: int, start_at: float, joined: asyncio.Event, all_joined: asyncio.Event, vote_at) -> None:
    sc, target = run.scenario, run.target
    token = f"bench{i:04d}{secrets.token_hex(4)}"
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    phone = Phone(
        run.url_of(i),
        page=target.page,
        query=run.query(target.query, i, token),
        timeout=sc.timeout,
        quickack=sc.quickack,
    )
    try:
        t0 = time.monotonic()
        await phone.connect()
        await phone.open()
        await run_steps(phone, target.join_steps, since=0)
        run.join.append(time.monotonic() - t0)
    except Exception as exc:  # every failure is counted, none stops the other phones
        run.error("join", exc)
        _app_errors(run, phone)
        await phone.close()
        joined.set()
        return
    joined.set()
    if sc.kind == "idle":
        try:
            await asyncio.wait_for(all_joined.wait(), sc.timeout + sc.ramp)
            await _wait_and_follow(run, phone, i)
        except Exception as exc:
            run.error("follow", exc)
        finally:
            _app_errors(run, phone)
            await phone.close()
        return
    try:
        await asyncio.wait_for(all_joined.wait(), sc.timeout + sc.ramp)
        for n, delay in enumerate(vote_at()):
            if n >= MAX_ACTIONS_PER_PHONE or delay is None:
                break
            await asyncio.sleep(max(0.0, delay - time.monotonic()))

            def tapped() -> None:
                run.taps += 1
                run.voters.add(token)

            t0 = time.monotonic()
            await run_steps(phone, target.vote_steps, on_tap=tapped)
            run.vote.append(time.monotonic() - t0)
    except Exception as exc:
        run.error("vote", exc)
    finally:
        _app_errors(run, phone)
        await phone.close()


async def _wait_and_follow(run: _Run, phone: Phone, i: int) -> None:
    """What an idle phone's page does (``cantiere/ui/live.py``): keep the long
    poll of the room version open; when it answers with a newer version, draw
    the screen it carries, or rerun the whole page (as the component's trigger
    asks) and see the new screen."""
    sc = run.scenario
    poll = LivePoll(run.url_of(i), run.query(run.target.live_path, i, ""), timeout=sc.timeout)
    run.polls.append(poll)
    try:
        known = (await poll.version(-1))["v"]
        for _ in range(10_000):
            answer = await poll.version(known, hold=60, screen=run.target.live_screen, who=phone.token)
            if answer.get("busy"):  # the server holds too many: ask again a moment later, as the page does
                await asyncio.sleep(1.0)
                continue
            if answer.get("gone") or answer.get("v") is None:
                raise RuntimeError(f"the room is gone: {answer}")
            if answer["v"] <= known:
                if run.idle_over.is_set() and run.changed_at is None:
                    return
                continue
            known = answer["v"]
            mark = phone.mark()
            await asyncio.wait_for(run.follow_ready.wait(), sc.timeout)
            await follow_screen(phone, answer, run.follow_steps, mark)
            run.follow.append(time.monotonic() - run.changed_at)
            return
    finally:
        await poll.close()


def _app_errors(run: _Run, phone: Phone) -> None:
    """Count what the app itself reported to this phone (exception elements,
    page not found, compile errors)."""
    for message in phone.exceptions:
        run.errors[f"app: {message[:80]}"] += 1


def _schedule(sc: Scenario, rng: random.Random):
    """For each phone, a function giving the monotonic times of its actions; it is
    called once the room has joined, so the clock starts then."""

    def burst():
        yield time.monotonic() + rng.uniform(0, sc.burst)

    def realistic():
        now = time.monotonic()
        end = now + sc.duration
        t = now + rng.uniform(0, sc.think)  # first action spread over one think time
        while t < end:
            yield t
            t += rng.uniform(0, 2 * sc.think)

    def join():
        return iter(())

    return {"burst": burst, "realistic": realistic, "join": join, "idle": join}[sc.kind]


def _cpu(procs: list[psutil.Process]) -> float | None:
    """User + system CPU seconds of the server processes so far (summed)."""
    if not procs:
        return None
    try:
        return sum(t.user + t.system for t in (p.cpu_times() for p in procs))
    except psutil.Error:
        return None


def _rss_mb(procs: list[psutil.Process]) -> float | None:
    """Resident memory of the server processes (summed), MB."""
    if not procs:
        return None
    try:
        return sum(p.memory_info().rss for p in procs) / 2**20
    except psutil.Error:
        return None


async def _drive(
    target: Target,
    sc: Scenario,
    urls: list[str],
    code: str,
    server_procs: list[psutil.Process],
    report: Report,
    seed: int,
    placeholders: dict | None = None,
    projector_url: str | None = None,
    advance: Callable[[], dict] | None = None,
) -> None:
    rng = random.Random(seed)
    run = _Run(target, sc, urls, code, placeholders)
    rss: list[float] = []
    stop = asyncio.Event()

    async def sample_rss() -> None:
        for _ in range(int(3600 / RSS_SAMPLE_S)):
            value = _rss_mb(server_procs)
            if stop.is_set() or value is None:
                return
            rss.append(value)
            await asyncio.sleep(RSS_SAMPLE_S)

    def rss_now() -> float | None:
        value = _rss_mb(server_procs)
        return None if value is None else round(value, 1)

    # Warm-up: the first run imports the app's modules; it is not a phone's cost.
    for url in dict.fromkeys(urls + ([projector_url] if projector_url else [])):
        try:
            async with Phone(
                url, page=target.page, query=run.query(target.query, -1, "warmup"), timeout=sc.timeout
            ) as warm:
                await warm.open()
        except Exception as exc:
            run.error("warm-up", exc)
    report.rss_mb_start = rss_now()
    sampler = asyncio.create_task(sample_rss())

    observer = None
    if sc.observer and sc.kind != "idle":
        observer = Phone(
            projector_url or urls[0],
            page=target.observer_page,
            query=run.query(target.observer_query, 0, ""),
            timeout=sc.timeout,
            on_auto_rerun=run.projector.append,
            quickack=sc.quickack,
        )
        try:
            await observer.connect()
            await observer.open()
        except Exception as exc:
            run.error("projector", exc)

    all_joined = asyncio.Event()
    joined_events = [asyncio.Event() for _ in range(sc.phones)]
    cpu_join0 = _cpu(server_procs)
    begin = time.monotonic()
    schedule = _schedule(sc, rng)
    tasks = [
        asyncio.create_task(_phone(run, i, begin + sc.ramp * i / sc.phones, joined_events[i], all_joined, schedule))
        for i in range(sc.phones)
    ]
    try:
        await asyncio.wait_for(asyncio.gather(*(e.wait() for e in joined_events)), sc.ramp + 2 * sc.timeout)
    except TimeoutError:
        run.errors["join: room not joined in time"] += 1
    report.rss_mb_joined = rss_now()
    if report.rss_mb_joined is not None and report.rss_mb_start is not None and run.join:
        report.rss_mb_per_50_phones = round((report.rss_mb_joined - report.rss_mb_start) / len(run.join) * 50, 1)
    cpu0 = _cpu(server_procs)
    if cpu0 is not None and cpu_join0 is not None:
        report.server_cpu_join_s = round(cpu0 - cpu_join0, 3)
        if run.join:
            report.cpu_ms_per_join = round(report.server_cpu_join_s * 1000 / len(run.join), 2)
    all_joined.set()
    if sc.kind == "idle":
        await _idle_window(run, report, server_procs, rss_now, advance)
    phase = {"burst": sc.burst, "realistic": sc.duration, "join": 0.0, "idle": 0.0}[sc.kind]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), phase + 4 * sc.timeout)
    except TimeoutError:
        run.errors["vote: phase did not end in time"] += 1
        for task in tasks:
            task.cancel()
    cpu1 = _cpu(server_procs)
    if cpu0 is not None and cpu1 is not None:
        report.server_cpu_s = round(cpu1 - cpu0, 3)
    if observer is not None:
        for message in observer.exceptions:
            run.errors[f"projector: {message[:80]}"] += 1
        await observer.close()
    report.rss_mb_end = rss_now()
    stop.set()
    await sampler
    report.rss_mb_peak = round(max(rss), 1) if rss else None
    report.phones_joined = len(run.join)
    report.taps_sent = run.taps
    report.ballots_sent = len(run.voters)
    report.join = summary(run.join)
    report.vote = summary(run.vote)
    report.projector = summary(run.projector)
    if sc.kind == "idle":
        report.follow = summary(run.follow)
    report.errors = dict(run.errors)
    if report.server_cpu_s is not None and run.taps:
        report.cpu_ms_per_tap = round(report.server_cpu_s * 1000 / run.taps, 2)


async def _idle_window(run: _Run, report: Report, server_procs, rss_now, advance) -> None:
    """The idle scenario once the room has joined: measure the server while
    every phone waits, then move the room and measure until they all followed."""
    sc = run.scenario
    await asyncio.sleep(IDLE_SETTLE_S)
    cpu0, polls0, t0 = _cpu(server_procs), sum(p.requests for p in run.polls), time.monotonic()
    await asyncio.sleep(sc.duration)
    cpu1, polls1, t1 = _cpu(server_procs), sum(p.requests for p in run.polls), time.monotonic()
    report.idle_s = round(t1 - t0, 1)
    if cpu0 is not None and cpu1 is not None:
        report.idle_cpu_s = round(cpu1 - cpu0, 3)
        report.idle_cpu_pct = round((cpu1 - cpu0) / (t1 - t0) * 100, 2)
    report.idle_polls_per_s = round((polls1 - polls0) / (t1 - t0), 1)
    report.rss_mb_idle = rss_now()
    if advance is None:
        run.errors["follow: this target cannot move its room"] += 1
        run.idle_over.set()
        return
    run.changed_at = time.monotonic()
    fresh = await asyncio.to_thread(advance)
    run.follow_steps = fill_steps(run.target.follow_steps, {**run.placeholders, **fresh})
    run.follow_ready.set()
    run.idle_over.set()
    expected = len(run.join)
    for _ in range(int((sc.timeout + 30) * 10)):
        if len(run.follow) + sum(n for what, n in run.errors.items() if what.startswith("follow")) >= expected:
            break
        await asyncio.sleep(0.1)
    cpu2 = _cpu(server_procs)
    if cpu1 is not None and cpu2 is not None:
        report.follow_cpu_s = round(cpu2 - cpu1, 3)


def _as_list(value) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [v.strip() if isinstance(v, str) else v for v in str(value).split(",") if str(v).strip()]


def run_target(
    target: Target,
    scenario: Scenario,
    url: str | list[str] | None = None,
    pid: int | str | list[int] | None = None,
    code: str = "",
    seed: int = 7,
    workdir: Path | None = None,
    database_url: str | None = None,
    projector_url: str | None = None,
) -> Report:
    """Run ``scenario`` against ``target``: start its server (or use the running
    ones at ``url``, comma-separated, phones spread over them in turn, with their
    ``pid``s for CPU and memory), drive the phones, count the ballots.

    A target with ``setup`` (the app) first creates its workshop in
    ``database_url`` (default: a fresh SQLite file in the work folder; with
    ``url`` the servers must use the same database, else nothing is set up and
    ballots are not counted)."""
    scenario.check()
    from cantiere.ui.launch import raise_open_files  # no Streamlit import: safe for the bench

    raise_open_files()  # 2 connections per phone (websocket, long poll): 1,000 phones need > 1,024
    report = Report(target=target.name, scenario=asdict(scenario))
    me = psutil.Process()
    my_cpu0 = sum(me.cpu_times()[:2])
    started = time.monotonic()
    urls = _as_list(url)
    pids = [int(p) for p in _as_list(pid)]
    if scenario.kind in ("idle", "room") and target.live_script is not None:
        # the minimal app needs its route: the same page, served through st.App
        target = replace(target, script=target.live_script, query=target.live_query or target.query)
    elif scenario.kind == "idle" and target.live_query is not None:
        target = replace(target, query=target.live_query)
    with tempfile.TemporaryDirectory(prefix="cantiere-bench-") as tmp:
        work = Path(workdir or tmp)
        env = target.env(work)
        db_url = database_url or env.get("CANTIERE_DATABASE_URL")
        prepared = None
        if target.setup is not None and db_url and (database_url or not urls):
            prepared = target.setup(db_url, "ascolto") if scenario.kind == "room" else target.setup(db_url)
            env["CANTIERE_DATABASE_URL"] = db_url
            target = replace(
                target,
                join_steps=fill_steps(target.join_steps, prepared.placeholders),
                vote_steps=fill_steps(target.vote_steps, prepared.placeholders),
            )
            code = code or prepared.code
        placeholders = prepared.placeholders if prepared else {}
        advance = (lambda: target.advance(prepared, work)) if target.advance else None
        if scenario.kind == "room":
            _run_room(target, scenario, urls, pids, report, seed, prepared, work, env, advance, projector_url)
        elif urls:
            procs = [psutil.Process(p) for p in pids]
            run_async(_drive(target, scenario, urls, code, procs, report, seed, placeholders, projector_url, advance))
            if prepared is not None:
                report.ballots_stored = prepared.count()
        else:
            with Server(target.script, env, work, nodelay=scenario.nodelay) as server:
                run_async(
                    _drive(
                        target,
                        scenario,
                        [server.url],
                        code,
                        [psutil.Process(server.pid)],
                        report,
                        seed,
                        placeholders,
                        advance=advance,
                    )
                )
                report.ballots_stored = prepared.count() if prepared else target.count_ballots(work)
    report.loadgen_cpu_s = round(sum(me.cpu_times()[:2]) - my_cpu0, 2)
    report.wall_s = round(time.monotonic() - started, 1)
    return report


def _run_room(target, scenario, urls, pids, report, seed, prepared, work, env, advance, projector_url) -> None:
    """The room scenario (bench/room.py) on running servers (``urls``) or on one
    started here."""
    from bench import room

    placeholders = prepared.placeholders if prepared else {}
    # servers started elsewhere (serve) have the password of this environment; ours, the one we gave
    password = os.environ.get("CANTIERE_ADMIN_PASSWORD", "") if urls else env.get("CANTIERE_ADMIN_PASSWORD", "")
    count = (lambda move: target.room_count(prepared, work, move)) if target.room_count else (lambda move: None)
    if prepared is None and target.setup is not None:
        count = lambda move: None  # noqa: E731  (servers of another database: nothing to count)

    def go(run_urls: list[str], procs: list[psutil.Process]) -> None:
        run_async(
            room.drive(
                target, scenario, run_urls, procs, report, seed, placeholders, advance, count, projector_url, password
            )
        )

    if urls:
        go(urls, [psutil.Process(p) for p in pids])
    else:
        with Server(target.script, env, work, nodelay=scenario.nodelay) as server:
            go([server.url], [psutil.Process(server.pid)])


def compare(target: Target, scenario: Scenario, **kwargs) -> tuple[Report, Report | None, dict]:
    """Run ``target`` then the minimal app with the same scenario, one after the
    other (never together: they would share the CPU). Returns both reports and
    the ratios target / minimal."""
    main = run_target(target, scenario, **kwargs)
    if target.name == "minimal":
        return main, None, {}
    floor = run_target(minimal_target(), scenario, seed=kwargs.get("seed", 7))
    ratios = {}
    for name, a, b in (
        ("cpu_per_tap", main.cpu_ms_per_tap, floor.cpu_ms_per_tap),
        ("cpu_per_join", main.cpu_ms_per_join, floor.cpu_ms_per_join),
        ("vote_p95", main.vote.get("p95_ms"), floor.vote.get("p95_ms")),
        ("join_p95", main.join.get("p95_ms"), floor.join.get("p95_ms")),
        ("idle_cpu", main.idle_cpu_pct, floor.idle_cpu_pct),
        ("follow_p95", main.follow.get("p95_ms"), floor.follow.get("p95_ms")),
    ):
        ratios[name] = round(a / b, 2) if a and b else None
    for step, mine in (main.room or {}).get("steps", {}).items():  # the room: each step beside the floor's
        floor_step = (floor.room or {}).get("steps", {}).get(step, {})
        for what, a, b in (
            ("p95", mine.get("p95_ms"), floor_step.get("p95_ms")),
            ("cpu", mine.get("cpu_ms_each"), floor_step.get("cpu_ms_each")),
        ):
            ratios[f"{step}_{what}"] = round(a / b, 2) if a and b else None
    return main, floor, ratios


def format_report(report: Report) -> str:
    """A few readable lines."""

    def lat(s: dict) -> str:
        if not s or not s.get("n"):
            return "—"
        return f"n={s['n']} p50={s['p50_ms']} p95={s['p95_ms']} p99={s['p99_ms']} max={s['max_ms']} ms"

    sc = report.scenario
    lines = [
        f"[{report.target}] {sc['kind']}: {sc['phones']} phones, ramp {sc['ramp']} s"
        + {"burst": f", burst {sc['burst']} s", "realistic": f", think {sc['think']} s for {sc['duration']} s"}.get(
            sc["kind"], ""
        ),
        f"  joined     {report.phones_joined}/{sc['phones']}   join: {lat(report.join)}",
        f"  taps       {report.taps_sent}   vote: {lat(report.vote)}",
        f"  projector  {lat(report.projector)}",
        f"  ballots    sent {report.ballots_sent}, stored "
        + ("not checked" if report.ballots_stored is None else f"{report.ballots_stored} (lost {report.lost_ballots})"),
        f"  server CPU join ramp {report.server_cpu_join_s} s ({report.cpu_ms_per_join} ms per join), "
        f"vote phase {report.server_cpu_s} s ({report.cpu_ms_per_tap} ms per tap)",
        f"  server RSS start {report.rss_mb_start} MB, joined {report.rss_mb_joined} MB, "
        f"peak {report.rss_mb_peak} MB, end {report.rss_mb_end} MB ({report.rss_mb_per_50_phones} MB per 50 phones)",
        f"  loadgen CPU {report.loadgen_cpu_s} s, wall {report.wall_s} s",
    ]
    if sc["kind"] == "idle":
        lines += [
            f"  idle       {report.idle_s} s: server CPU {report.idle_cpu_s} s = {report.idle_cpu_pct} % of one core, "
            f"{report.idle_polls_per_s} long polls/s, RSS {report.rss_mb_idle} MB",
            f"  follow     {lat(report.follow)} (room moved → new screen), server CPU {report.follow_cpu_s} s",
        ]
    if sc["kind"] == "room":
        from bench.room import format_room

        lines += format_room(report)
    lines += [
        f"  errors     {report.error_count}",
    ]
    lines += [f"    {n} × {what}" for what, n in sorted(report.errors.items())]
    return "\n".join(lines)
