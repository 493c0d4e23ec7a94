"""Workshop lifecycle: join codes, phases, rounds, ballots, comments, moderation.

Pure logic over the store API (``cantiere.store.workshops``); no Streamlit.

**Who may do what.** Every privileged function takes an ``actor`` as its
first argument after the store and calls ``require_facilitator(actor)`` before
touching anything, so hiding a button is never the only guard. A facilitator
``Actor`` is obtained in three ways only: ``authenticate(password, expected)``
(constant-time comparison with ``CANTIERE_ADMIN_PASSWORD``; used by the web
UI), ``resume_session(token, …)`` (the signed, expiring session the browser
keeps after that login, ``cantiere.sessions``) and ``Actor.command_line()``
(the CLI: whoever can run commands on the server can already read the database
file). Participants have no actor: they
are identified by their random token and can only join, set their profile,
vote and comment.
"""

from __future__ import annotations

import csv
import hmac
import io
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cantiere import voting
from cantiere.actors import Actor as Actor
from cantiere.actors import Role as Role
from cantiere.actors import require_facilitator as require_facilitator
from cantiere.store import Store
from cantiere.store import workshops as db
from cantiere.store.workshops import Ballot, Comment, Participant, Priority, Round, Workshop
from cantiere.workshop_errors import (
    CommentError,
    CsvError,
    NotFoundError,
    PhaseChangedError,
    PhaseError,
    PriorityError,
    RoundAlreadyOpenError,
    UnknownParticipantError,
    WorkshopFullError,
    WorkshopNotOpenError,
    WrongCodeError,
)

# No 0/O, 1/I/L: codes are read off a projector and typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6

PHASES = ("bozza", "ascolto", "voto", "chiuso")
# Allowed moves: forward one step, back one step before closing; "chiuso" is final.
PHASE_MOVES: dict[str, tuple[str, ...]] = {
    "bozza": ("ascolto", "voto"),
    "ascolto": ("bozza", "voto", "chiuso"),
    "voto": ("ascolto", "chiuso"),
    "chiuso": (),
}
JOINABLE_PHASES = ("ascolto", "voto")
COMMENT_PHASES = ("ascolto", "voto")
COMMENT_MAX_CHARS = 500
# per workshop (issue 17): a room of 300 writes a few hundred; a script must not fill the wall
MAX_COMMENTS = 5_000
MAX_PRIORITIES = 200
TITLE_MAX_CHARS = 200
ROLES = ("cittadino", "operatore", "ente_pubblico", "terzo_settore", "altro")
COMUNE_OUTSIDE = "fuori provincia"
AGE_BANDS = ("<18", "18-34", "35-49", "50-64", "65-79", "80+")
RESULTS_MIN_BALLOTS = 5  # docs/sviluppo.md §4: results stay hidden below this

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "demo_priorita.csv"
DEMO_PARAMS = {"dots": 5, "max_per_item": 2}


def authenticate(password: str, expected: str) -> Actor | None:
    """A facilitator Actor when ``password`` equals ``expected`` (constant time);
    None otherwise, and always None when no password is configured."""
    if not expected or not password:
        return None
    if hmac.compare_digest(password.encode("utf-8"), expected.encode("utf-8")):
        return Actor(Role.FACILITATOR, "password")
    return None


def resume_session(token: str, secret: str, password: str) -> Actor | None:
    """A facilitator Actor for a session signed with ``secret`` and the current
    admin ``password`` that has not expired (``cantiere.sessions``); None otherwise."""
    from cantiere import sessions

    if sessions.valid(token, secret, password):
        return Actor(Role.FACILITATOR, "session")
    return None


# --- codes and lookups -------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: str) -> str:
    """Upper case, without spaces or dashes: "abc-123 " → "ABC123"."""
    return "".join(ch for ch in str(text or "").upper() if ch.isalnum())


def find_workshop(store: Store, code: str) -> Workshop:
    """The workshop of a join code typed by a person. WrongCodeError if none."""
    clean = normalize_code(code)
    found = db.workshop_by_code(store, clean) if clean else None
    if found is None:
        raise WrongCodeError(code=clean or str(code or "").strip())
    return found


# --- creation and editing (facilitator) -------------------------------------


def _check_title(title: str) -> str:
    clean = " ".join(str(title or "").replace("\x00", "").split())
    if not clean:
        raise PriorityError("workshop.error.title_empty")
    if len(clean) > TITLE_MAX_CHARS:
        raise PriorityError("workshop.error.title_too_long", max=TITLE_MAX_CHARS)
    return clean


def create_workshop(
    store: Store,
    actor: Actor,
    title: str,
    description: str = "",
    priority_rows: Sequence[Mapping[str, Any]] = (),
    dots: int | None = None,
    max_per_item: int | None = None,
    *,
    phase: str = "bozza",
    is_demo: bool = False,
) -> Workshop:
    """Create a workshop (phase ``bozza`` unless told) with its priorities and,
    when ``dots`` is given, a draft dot-voting round. All or nothing."""
    require_facilitator(actor)
    title = _check_title(title)
    rows = [check_priority(row) for row in priority_rows]
    round_rows = []
    if dots is not None:
        params = {"dots": dots, "max_per_item": max_per_item if max_per_item is not None else min(2, int(dots))}
        params = voting.method("dots").check_params(params, [])
        round_rows.append({"method": "dots", "params": params})
    for _ in range(20):  # a collision among 31^6 codes is rare; retry anyway
        try:
            return db.create_workshop(
                store,
                code=new_code(),
                title=title,
                description=str(description or "").strip(),
                phase=phase,
                is_demo=is_demo,
                priority_rows=rows,
                round_rows=round_rows,
            )
        except db.CodeTakenError:
            continue
    raise RuntimeError("no free join code after 20 attempts")


def edit_workshop(store: Store, actor: Actor, workshop_id: int, title: str, description: str) -> Workshop:
    require_facilitator(actor)
    return db.update_workshop(store, workshop_id, title=_check_title(title), description=str(description or "").strip())


def change_phase(store: Store, actor: Actor, workshop_id: int, phase: str, expected: str | None = None) -> Workshop:
    """Move to ``phase`` if allowed from the current one (PHASE_MOVES); closing
    the workshop closes its open rounds; leaving "voto" closes them too.

    ``expected`` is the phase the facilitator saw when clicking: the move is a
    compare-and-set on it in the database, so a double click or two facilitators
    at once move the phase once. A workshop already in ``phase`` is returned
    unchanged (the second click of a double click); a phase moved elsewhere
    meanwhile raises PhaseChangedError naming the phase it is in now."""
    require_facilitator(actor)
    current = db.get_workshop(store, workshop_id)
    if phase not in PHASES:
        raise PhaseError("workshop.error.unknown_phase", phase=phase, valid=", ".join(PHASES))
    if current.phase == phase and expected is not None:
        return current
    if expected is not None and current.phase != expected:
        raise PhaseChangedError(current.phase)
    if phase not in PHASE_MOVES[current.phase]:
        raise PhaseError(
            "workshop.error.phase_move", old=f"workshop.phase.{current.phase}", new=f"workshop.phase.{phase}"
        )
    try:
        return db.set_phase(store, workshop_id, phase, close_rounds=phase != "voto", expected=current.phase)
    except PhaseChangedError as exc:
        if exc.phase == phase:  # the same move, committed by the other click
            return db.get_workshop(store, workshop_id)
        raise


def check_priority(row: Mapping[str, Any]) -> dict:
    """A clean priority dict (title required, ≤ 200 chars; comuni as a tuple)."""
    title = " ".join(str(row.get("title") or "").replace("\x00", "").split())
    if not title:
        raise PriorityError("workshop.error.priority_title")
    if len(title) > TITLE_MAX_CHARS:
        raise PriorityError("workshop.error.title_too_long", max=TITLE_MAX_CHARS)
    comuni = row.get("comuni") or ()
    if isinstance(comuni, str):
        comuni = [c.strip() for c in comuni.replace(";", ",").split(",")]
    cost = row.get("cost")
    return {
        "title": title,
        "description": str(row.get("description") or "").strip(),
        "target_group": str(row.get("target_group") or "").strip(),
        "comuni": tuple(c for c in comuni if c),
        "cost": float(cost) if cost not in (None, "") else None,
        "attrs": dict(row.get("attrs") or {}),
    }


def add_priorities(store: Store, actor: Actor, workshop_id: int, rows: Sequence[Mapping[str, Any]]) -> list[Priority]:
    """Add priorities by hand or from a parsed CSV; not once the workshop is closed."""
    require_facilitator(actor)
    workshop = db.get_workshop(store, workshop_id)
    if workshop.phase == "chiuso":
        raise PhaseError("workshop.error.closed")
    existing = len(db.list_priorities(store, workshop_id))
    if existing + len(rows) > MAX_PRIORITIES:
        raise WorkshopFullError(what="limits.what.priority", count=existing + len(rows), limit=MAX_PRIORITIES)
    return db.add_priorities(store, workshop_id, [check_priority(r) for r in rows])


def delete_priority(store: Store, actor: Actor, priority_id: int) -> None:
    require_facilitator(actor)
    db.delete_priority(store, priority_id)


# --- priorities CSV ----------------------------------------------------------

CSV_COLUMNS = {
    # accepted header (lower case) → field
    "titolo": "title",
    "title": "title",
    "descrizione": "description",
    "description": "description",
    "destinatari": "target_group",
    "gruppo_bersaglio": "target_group",
    "target_group": "target_group",
    "comuni": "comuni",
    "comuni_interessati": "comuni",
    "costo": "cost",
    "cost": "cost",
}


def parse_priorities_csv(data: bytes | str) -> list[dict]:
    """Read a priorities CSV (UTF-8 or Windows-1252, ``;`` or ``,``): columns
    titolo (required), descrizione, destinatari, comuni (separated by ``|``),
    costo (optional, decimal comma allowed). Raises CsvError naming the row
    (as in a spreadsheet, header = row 1) and the column; nothing is created."""
    if isinstance(data, bytes):
        head = data[:4096]
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head.count(0) * 8 > len(head):  # UTF-16/32 (issue 8)
            raise CsvError("trust.priorities.not_text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise CsvError("trust.priorities.encoding", position=exc.start) from None
    else:
        text = data
    if not text.strip():
        raise CsvError("workshop.error.csv_empty")
    first = next(iter(text[:65_536].splitlines()), "")  # not the whole file: it may be 100 MB
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    try:
        return _priority_rows(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:  # a 128 KB cell, a NUL byte: not a priorities file (issue 8)
        raise CsvError("trust.priorities.syntax") from None


def _priority_rows(reader) -> list[dict]:
    header = [h.strip().lower() for h in next(reader)]
    fields = []
    for column, name in enumerate(header, start=1):
        if name not in CSV_COLUMNS:
            raise CsvError(
                "workshop.error.csv_column",
                row=1,
                column=name or str(column),
                valid=", ".join(sorted({"titolo", "descrizione", "destinatari", "comuni", "costo"})),
            )
        fields.append(CSV_COLUMNS[name])
    if "title" not in fields:
        raise CsvError("workshop.error.csv_no_title")
    rows = []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(rows) >= MAX_PRIORITIES:  # stop reading: 100,000 rows were accepted once (issue 17)
            raise CsvError("limits.csv_priorities", row=number, limit=MAX_PRIORITIES)
        if len(values) != len(fields):
            raise CsvError("workshop.error.csv_width", row=number, found=len(values), expected=len(fields))
        raw = dict(zip(fields, (v.strip() for v in values)))
        if not raw["title"]:
            raise CsvError("workshop.error.csv_empty_cell", row=number, column=header[fields.index("title")])
        if len(raw["title"]) > TITLE_MAX_CHARS:
            raise CsvError(
                "workshop.error.csv_too_long", row=number, column=header[fields.index("title")], max=TITLE_MAX_CHARS
            )
        if raw.get("comuni"):
            raw["comuni"] = [c.strip() for c in raw["comuni"].split("|") if c.strip()]
        if raw.get("cost"):
            try:
                raw["cost"] = (
                    float(raw["cost"].replace(".", "").replace(",", ".")) if "," in raw["cost"] else float(raw["cost"])
                )
            except ValueError:
                raise CsvError(
                    "workshop.error.csv_not_number", row=number, column=header[fields.index("cost")], value=raw["cost"]
                ) from None
        rows.append(check_priority(raw))
    if not rows:
        raise CsvError("workshop.error.csv_empty")
    return rows


# --- rounds ------------------------------------------------------------------


def add_round(
    store: Store, actor: Actor, workshop_id: int, method: str = "dots", params: Mapping | None = None
) -> Round:
    """A draft round; its parameters are checked by the voting method."""
    require_facilitator(actor)
    m = voting.method(method)
    items = items_of(store, workshop_id, {})
    return db.add_round(store, workshop_id, method, m.check_params(dict(params or {}), items))


def open_round(store: Store, actor: Actor, round_id: int, *, if_none_open: bool = False) -> Round:
    """Open a round for ballots: the workshop moves to "voto" and any other open
    round closes. Needs at least one priority. With ``if_none_open`` another open
    round is not closed: RoundAlreadyOpenError instead (checked in the
    transaction that opens: a double click opens one round)."""
    require_facilitator(actor)
    rnd = db.get_round(store, round_id)
    workshop = db.get_workshop(store, rnd.workshop_id)
    if workshop.phase == "chiuso":
        raise PhaseError("workshop.error.closed")
    if not items_of(store, workshop.id, rnd.params):
        raise PhaseError("workshop.error.no_priorities")
    if if_none_open and any(r.status == "open" and r.id != round_id for r in db.list_rounds(store, workshop.id)):
        raise RoundAlreadyOpenError()
    versions = data_versions(store, workshop.id, rnd.params)  # issue 18: recorded with the opening
    return db.set_round_status(
        store,
        round_id,
        "open",
        close_others=True,
        refuse_if_open=RoundAlreadyOpenError() if if_none_open else None,
        data_versions=versions,
        phase="voto",  # the phase and the round move together: one room version
    )


def open_new_round(
    store: Store,
    actor: Actor,
    workshop_id: int,
    method: str,
    params: Mapping,
    costs: Mapping[int, float | None] | None = None,
    *,
    if_none_open: bool = False,
) -> Round:
    """ "Apri la votazione" with a chosen method: set the priorities' costs (budget
    rounds) and check the parameters first, so a bad input changes nothing; then
    reuse a draft round with the same method and parameters or add one, and open it.
    With ``if_none_open`` (the button) an open round is never replaced: a double
    click opens one round (RoundAlreadyOpenError for the second)."""
    require_facilitator(actor)
    m = voting.method(method)
    workshop = db.get_workshop(store, workshop_id)
    if workshop.phase == "chiuso":
        raise PhaseError("workshop.error.closed")
    if if_none_open and any(r.status == "open" for r in db.list_rounds(store, workshop_id)):
        raise RoundAlreadyOpenError()
    chosen = [int(i) for i in (params or {}).get("items") or ()]
    items = items_of(store, workshop_id, {"items": chosen} if chosen else {})
    missing = set(chosen) - {i.id for i in items}
    if missing:
        raise NotFoundError(what="thing.priority", id=min(missing))
    if costs:
        items = [voting.Item(i.id, i.title, costs.get(i.id, i.cost)) for i in items]
    clean = m.check_params(dict(params or {}), items)
    if chosen:  # a round on a subset, e.g. the top 5 of the previous round
        clean["items"] = sorted(set(chosen))
    elif m.needs_costs:  # a project added later has no checked cost: keep it out of this round
        clean["items"] = [i.id for i in items]
    if costs:
        db.set_priority_costs(store, workshop_id, costs)
    draft = next(
        (
            r
            for r in db.list_rounds(store, workshop_id)
            if r.status == "draft" and r.method == method and dict(r.params) == clean
        ),
        None,
    )
    if draft is None:
        draft = db.add_round(store, workshop_id, method, clean)
    return open_round(store, actor, draft.id, if_none_open=if_none_open)


def close_round(store: Store, actor: Actor, round_id: int) -> Round:
    require_facilitator(actor)
    return db.set_round_status(store, round_id, "closed")


def start_voting(store: Store, actor: Actor, workshop_id: int, dots: int = 5, max_per_item: int = 2) -> Round:
    """ "Apri la votazione": reuse the workshop's draft round or create a dot-voting
    one, then open it."""
    require_facilitator(actor)
    draft = next((r for r in db.list_rounds(store, workshop_id) if r.status == "draft"), None)
    if draft is None:
        draft = add_round(store, actor, workshop_id, "dots", {"dots": dots, "max_per_item": max_per_item})
    return open_round(store, actor, draft.id)


def current_round(store: Store, workshop_id: int) -> Round | None:
    """The open round, else the most recently closed one, else None."""
    rounds = db.list_rounds(store, workshop_id)
    for rnd in rounds:
        if rnd.status == "open":
            return rnd
    closed = [r for r in rounds if r.status == "closed"]
    return closed[-1] if closed else None


def items_of(store: Store, workshop_id: int, params: Mapping) -> list[voting.Item]:
    """The items a round votes on: every priority, or those listed in params["items"]."""
    chosen = params.get("items") if params else None
    return [
        voting.Item(p.id, p.title, p.cost)
        for p in db.list_priorities(store, workshop_id)
        if not chosen or p.id in chosen
    ]


# --- evidence beside priorities (issue 18) -------------------------------------


def set_evidence(
    store: Store,
    actor: Actor,
    priority_id: int,
    *,
    comuni: Sequence[str] = (),
    target_group: str = "",
    figures: Sequence = (),
) -> Priority:
    """Name a priority's comuni and target group and the figures behind it
    (``evidence.Figure``s, frozen when picked). UnknownNameError for a comune
    that is not of the province, EvidenceError for too many figures,
    PhaseError once the workshop is closed."""
    from cantiere import evidence, territory

    require_facilitator(actor)
    found = db.get_priority(store, priority_id)
    if db.get_workshop(store, found.workshop_id).phase == "chiuso":
        raise PhaseError("workshop.error.closed")
    names = [territory.comune(c).name for c in comuni]
    clean = evidence.check(figures)
    return db.set_priority_details(
        store,
        priority_id,
        comuni=list(dict.fromkeys(names)),
        target_group=" ".join(str(target_group or "").split())[:200],
        attrs={evidence.ATTRS_KEY: [f.to_dict() for f in clean]},
    )


def data_versions(store: Store, workshop_id: int, params: Mapping | None = None) -> dict:
    """The data behind the figures of a round's priorities: ISTAT year, imported files and hashes."""
    from cantiere import evidence

    chosen = (params or {}).get("items")
    figures = [
        f
        for p in db.list_priorities(store, workshop_id)
        if not chosen or p.id in chosen
        for f in evidence.figures_of(p.attrs)
    ]
    return evidence.versions(figures)


# --- participants ------------------------------------------------------------


def new_token() -> str:
    """A participant's secret (the ``p`` of their link): 32 URL-safe characters,
    never starting with "-", which a command line would read as an option
    (``participant export TOKEN``)."""
    while True:
        token = secrets.token_urlsafe(24)
        if not token.startswith("-"):
            return token


def join(store: Store, code: str) -> tuple[Workshop, Participant]:
    """A new participant of the workshop with this code. WrongCodeError,
    WorkshopNotOpenError (draft or closed)."""
    return join_workshop(store, find_workshop(store, code))


def join_workshop(store: Store, workshop: Workshop) -> tuple[Workshop, Participant]:
    """``join`` for a workshop just read (its phase as read then)."""
    if workshop.phase not in JOINABLE_PHASES:
        raise WorkshopNotOpenError(title=workshop.title, phase=workshop.phase)
    return workshop, db.add_participant(store, workshop.id, new_token())


def participant(store: Store, workshop: Workshop, token: str) -> Participant:
    """The participant of ``workshop`` with ``token``; UnknownParticipantError otherwise."""
    found = db.participant_by_token(store, str(token or "")) if token else None
    if found is None or found.workshop_id != workshop.id:
        raise UnknownParticipantError()
    return found


def set_profile(store: Store, who: Participant, comune: str | None, role: str | None, age_band: str | None) -> None:
    """Optional profile; unknown role or age band raise UnknownNameError."""
    from cantiere.errors import UnknownNameError

    if comune and comune != COMUNE_OUTSIDE:
        from cantiere import territory

        territory.comune(comune)  # UnknownNameError lists the 18 comuni
    if role and role not in ROLES:
        raise UnknownNameError("thing.role", role, ROLES)
    if age_band and age_band not in AGE_BANDS:
        raise UnknownNameError("thing.age_band", age_band, AGE_BANDS)
    db.update_profile(store, who.id, comune=comune, role=role, age_band=age_band)


def cast_ballot(store: Store, who: Participant, round_id: int, ballot: Mapping) -> tuple[Ballot, bool]:
    """Validate ``ballot`` with the round's method and store it (replacing the
    participant's earlier ballot). Returns (ballot, replaced). Raises
    RoundNotOpenError, voting.BallotError.

    One write transaction: the round (open?), its items, the validation, the
    upsert and the event, so the ballot is checked against what is stored at
    the moment it is stored."""

    return db.upsert_ballot(store, round_id, who.id, {}, validate=ballot_validator(who.workshop_id, ballot))


def ballot_validator(workshop_id: int, ballot: Mapping):
    """The check a ballot passes inside its write transaction, whatever the
    channel (phone, paper card, assisted): the round is of this workshop, the
    items are its priorities (or ``params["items"]``), and the method's
    ``validate`` returns the normalised ballot or raises BallotError."""

    def validate(rnd: Round, rows: list[tuple[int, str, float | None]]) -> dict:
        if rnd.workshop_id != workshop_id:
            raise UnknownParticipantError()
        chosen = rnd.params.get("items") if rnd.params else None
        items = [voting.Item(i, title, cost) for i, title, cost in rows if not chosen or i in chosen]
        return voting.method(rnd.method).validate(ballot, items, rnd.params)

    return validate


def my_ballot(store: Store, who: Participant, round_id: int) -> Ballot | None:
    return db.get_ballot(store, round_id, who.id)


def add_comment(store: Store, who: Participant, priority_id: int, text: str) -> Comment:
    """A comment on a priority of the participant's workshop: not empty, at most
    COMMENT_MAX_CHARS characters, only while listening or voting. A NUL byte is
    dropped (PostgreSQL cannot store it); other characters are kept as typed
    (exports clean them, ``export.clean_text``)."""
    clean = str(text or "").replace("\x00", "").strip()
    if not clean:
        raise CommentError("workshop.error.comment_empty")
    if len(clean) > COMMENT_MAX_CHARS:
        raise CommentError("workshop.error.comment_too_long", max=COMMENT_MAX_CHARS, n=len(clean))
    workshop = db.get_workshop(store, who.workshop_id)
    if workshop.phase not in COMMENT_PHASES:
        raise PhaseError("workshop.error.comments_closed")
    if priority_id not in {p.id for p in db.list_priorities(store, workshop.id)}:
        raise NotFoundError(what="thing.priority", id=priority_id)
    return db.add_comment(store, priority_id, who.id, clean, max_per_workshop=MAX_COMMENTS)


def hide_comment(store: Store, actor: Actor, comment_id: int, hidden: bool = True) -> Comment:
    """Hide (or restore, ``hidden=False``) a comment from the wall."""
    require_facilitator(actor)
    return db.set_comment_hidden(store, comment_id, hidden)


# --- results -----------------------------------------------------------------


def tally_round(store: Store, round_id: int) -> voting.Result:
    """The round's tally, recomputed from its ballots (never a counter)."""
    rnd = db.get_round(store, round_id)
    items = items_of(store, rnd.workshop_id, rnd.params)
    return voting.tally(rnd.method, [b.payload for b in db.list_ballots(store, round_id)], items, rnd.params)


@dataclass(frozen=True)
class Snapshot:
    """What the projector shows, in one read: counts, the tally of the current
    round (None while fewer than RESULTS_MIN_BALLOTS ballots are in) with the
    items it ranked, and the visible comments."""

    workshop: Workshop
    participants: int
    round: Round | None
    ballots: int
    tally: voting.Result | None
    items: tuple[voting.Item, ...]
    comments: tuple[Comment, ...]

    @property
    def results(self) -> tuple[tuple[str, float], ...] | None:
        """(title, score) best first, or None while the results are hidden."""
        if self.tally is None:
            return None
        titles = {item.id: item.title for item in self.items}
        return tuple((titles[i], self.tally.scores[i]) for tier in self.tally.ranking for i in tier)


def snapshot(store: Store, workshop: Workshop, comment_limit: int = 12) -> Snapshot:
    """The projector's view of ``workshop``; the round is tallied once here, and
    the chart is drawn from this tally (``charts_voting.result_chart``)."""
    rnd = current_round(store, workshop.id)
    n_ballots = db.count_ballots(store, rnd.id) if rnd else 0
    tally, items = None, ()
    if rnd and n_ballots >= RESULTS_MIN_BALLOTS:
        items = tuple(items_of(store, workshop.id, rnd.params))
        tally = voting.tally(rnd.method, [b.payload for b in db.list_ballots(store, rnd.id)], items, rnd.params)
    return Snapshot(
        workshop=workshop,
        participants=db.count_participants(store, workshop.id),
        round=rnd,
        ballots=n_ballots,
        tally=tally,
        items=items,
        comments=tuple(db.list_comments(store, workshop.id, limit=comment_limit)),
    )


# --- demo ----------------------------------------------------------------------


def create_demo(
    store: Store, actor: Actor, title: str = "[DEMO] Priorità del welfare locale — laboratorio dimostrativo"
) -> Workshop:
    """A demo workshop on real themes of the territory (data/demo_priorita.csv),
    flagged ``is_demo`` and open for voting so the projector has something to show."""
    require_facilitator(actor)
    rows = parse_priorities_csv(DEMO_FILE.read_bytes())
    workshop = create_workshop(
        store,
        actor,
        title,
        "Laboratorio dimostrativo (dati di esempio): prova il voto a punti dal telefono.",
        rows,
        dots=DEMO_PARAMS["dots"],
        max_per_item=DEMO_PARAMS["max_per_item"],
        is_demo=True,
        phase="ascolto",
    )
    start_voting(store, actor, workshop.id)
    return db.get_workshop(store, workshop.id)


def ensure_demo(store: Store) -> Workshop | None:
    """On an empty database, create the demo workshop; otherwise do nothing."""
    if db.count_workshops(store):
        return None
    return create_demo(store, Actor(Role.FACILITATOR, "first-start"))
