"""Export a workshop: priorities, anonymous ballots, tallies, comments (hidden
ones marked), the event log, and the listening phase (proposals, anonymous
supports, pins as a GeoJSON FeatureCollection), as JSON, a zip of CSV files,
or XLSX.

Two audiences: the facilitator's export (the default) has exact pin
positions and hidden items marked; ``public=True`` leaves out hidden and
merged proposals, hidden pins and comments and the event log, and snaps pins
to the ~200 m grid of ``pins.coarsen``.

Each tally carries the method's whole ``outcome`` (the funded sets of greedy
and Equal Shares, the Schulze order and the Condorcet winner, …) and its
``tie_rule`` in words.

Ballots are anonymous: no participant id, token or profile leaves the
database. Spreadsheet formats escape cells that start with ``=``, ``+``, ``-``,
``@`` (and tab/CR) so a comment cannot become a formula (CSV injection).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pandas as pd

from cantiere import pacts_records, voting
from cantiere import pins as pin_rules
from cantiere import workshop as w
from cantiere.errors import UnknownNameError
from cantiere.i18n import translate
from cantiere.store import Store
from cantiere.store import listening as ldb
from cantiere.store import workshops as db

FORMAT_VERSION = "cantiere-workshop-export/1"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
TABLES = ("priorities", "rounds", "ballots", "tallies", "comments", "events", "proposals", "supports", "pins")
NETWORK_TABLES = ("organisations", "pacts", "pact_partners", "pact_milestones", "pact_log")  # issue 20
PRIVATE_DETAIL_KEYS = {"participant_id", "token"}


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def build(store: Store, workshop: db.Workshop, *, public: bool = False) -> dict[str, Any]:
    """Everything about a workshop as plain JSON-ready data (``public``: see the module docstring)."""
    priorities = db.list_priorities(store, workshop.id)
    rounds = db.list_rounds(store, workshop.id)
    out: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "workshop": {
            "code": workshop.code,
            "title": workshop.title,
            "description": workshop.description,
            "phase": workshop.phase,
            "is_demo": workshop.is_demo,
            "created_at": _time(workshop.created_at),
        },
        "priorities": [
            {
                "id": p.id,
                "title": p.title,
                "description": p.description,
                "target_group": p.target_group,
                "comuni": list(p.comuni),
                "cost": p.cost,
                "attrs": dict(p.attrs),
            }
            for p in priorities
        ],
        "rounds": [],
        "ballots": [],
        "tallies": [],
    }
    for rnd in rounds:
        items = w.items_of(store, workshop.id, rnd.params)
        out["rounds"].append(
            {
                "id": rnd.id,
                "position": rnd.position,
                "method": rnd.method,
                "params": dict(rnd.params),
                "status": rnd.status,
                "items": [i.id for i in items],
            }
        )
        ballots = db.list_ballots(store, rnd.id)
        # numbered in storage order, with no link to the participant
        out["ballots"] += [
            {
                "round_id": rnd.id,
                "ballot": n,
                "channel": b.channel,  # phone, paper or assisted (issue 19)
                "payload": dict(b.payload),
                "cast_at": _time(b.cast_at),
            }
            for n, b in enumerate(ballots, start=1)
        ]
        result = w.tally_round(store, rnd.id)
        method = voting.method(result.method)
        out["tallies"].append(
            {
                "round_id": rnd.id,
                "method": result.method,
                "n_ballots": result.n_ballots,
                "scores": {str(k): v for k, v in result.scores.items()},
                "ranking": [list(tier) for tier in result.ranking],
                # the method's whole outcome: funded sets, Schulze order, Condorcet winner…
                "outcome": method.outcome(result),
                "tie_rule": translate(method.tie_rule, "it"),
            }
        )
    out["comments"] = [
        {
            "id": c.id,
            "priority_id": c.priority_id,
            "priority": c.priority_title,
            "text": c.text,
            "hidden": c.hidden,
            "created_at": _time(c.created_at),
        }
        for c in reversed(db.list_comments(store, workshop.id, include_hidden=not public))
    ]
    out["events"] = (
        []
        if public
        else [
            {
                "id": e.id,
                "kind": e.kind,
                "detail": {k: v for k, v in e.detail.items() if k not in PRIVATE_DETAIL_KEYS},
                "created_at": _time(e.created_at),
            }
            for e in db.list_events(store, workshop.id)
        ]
    )
    out.update(listening_part(store, workshop, public=public))
    out.update(
        pacts_records.workshop_part(store, workshop.id)
    )  # issue 20: pacts born here, their log, their organisations
    return out


def listening_part(store: Store, workshop: db.Workshop, *, public: bool = False) -> dict[str, Any]:
    """Proposals, supports (no participant) and pins (GeoJSON) of a workshop."""
    proposals = ldb.list_proposals(store, workshop.id, include_hidden=not public, include_merged=not public)
    shown = {p.id for p in proposals}
    features = []
    for pin in ldb.list_pins(store, workshop.id, include_hidden=not public):
        lat, lon = pin_rules.coarsen(pin.lat, pin.lon) if public else (pin.lat, pin.lon)
        properties = {
            "id": pin.id,
            "comune": pin.comune_code,
            "category": pin.category,
            "note": pin.note,
            "created_at": _time(pin.created_at),
            "updated_at": _time(pin.updated_at),
        }
        if not public:
            properties["hidden"] = pin.hidden
        features.append(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}
        )
    return {
        "proposals": [
            {
                "id": p.id,
                "title": p.title,
                "description": p.description,
                "target_group": p.target_group,
                "comuni": list(p.comuni),
                "supports": p.supports,
                "promoted_priority_id": p.promoted_priority_id,
                **({} if public else {"hidden": p.hidden, "merged_into": p.merged_into}),
                "created_at": _time(p.created_at),
            }
            for p in proposals
        ],
        "supports": [
            {"proposal_id": proposal_id, "created_at": _time(moment)}
            for proposal_id, moment in ldb.list_supports(store, workshop.id)
            if proposal_id in shown
        ],
        "pins": {
            "type": "FeatureCollection",
            "positions": "coarsened_200m" if public else "exact",
            "features": features,
        },
    }


# Characters XML 1.0 (hence XLSX) cannot hold, and lone surrogates UTF-8 cannot:
# one in a comment made «Scarica Excel» fail (openpyxl's IllegalCharacterError,
# issue 17); U+FFFE/U+FFFF gave files spreadsheets refuse to open.
_ILLEGAL = re.compile("[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """``text`` as a file can hold it: Word's soft line break (``\x0b``) becomes a
    line break, every other character XML and spreadsheets reject becomes U+FFFD.
    The database keeps the original; only files get the cleaned text."""
    return _ILLEGAL.sub("\ufffd", text.replace("\x0b", "\n"))


def escape_cell(value: Any) -> Any:
    """A text cell for a spreadsheet (XLSX or CSV): cleaned (:func:`clean_text`),
    line breaks as ``\n`` (a bare CR started a new row in some spreadsheets),
    and an apostrophe before the cell and before every line that starts like a
    formula (``=``, ``+``, ``-``, ``@``, tab, CR). Other values pass."""
    if not isinstance(value, str):
        return value
    text = _LINE_BREAKS.sub("\n", clean_text(value))
    if "\n" in text:
        text = "\n".join("'" + line if line.startswith(FORMULA_PREFIXES) else line for line in text.split("\n"))
    elif text.startswith(FORMULA_PREFIXES):
        text = "'" + text
    return text


def tables(data: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """One flat table per section, cells escaped for spreadsheets."""
    titles = {p["id"]: p["title"] for p in data["priorities"]}
    rows: dict[str, list[dict]] = {
        "priorities": [
            {**p, "comuni": " | ".join(p["comuni"]), "attrs": json.dumps(p["attrs"], ensure_ascii=False)}
            for p in data["priorities"]
        ],
        "rounds": [
            {**r, "params": json.dumps(r["params"]), "items": " ".join(map(str, r["items"]))} for r in data["rounds"]
        ],
        "ballots": [{**b, "payload": json.dumps(b["payload"], ensure_ascii=False)} for b in data["ballots"]],
        "tallies": [
            {
                "round_id": t["round_id"],
                "method": t["method"],
                "rank": rank,
                "priority_id": int(item),
                "priority": titles.get(int(item), ""),
                "score": t["scores"][str(item)],
            }
            for t in data["tallies"]
            for rank, tier in enumerate(t["ranking"], start=1)
            for item in tier
        ],
        "comments": data["comments"],
        "events": [{**e, "detail": json.dumps(e["detail"], ensure_ascii=False)} for e in data["events"]],
        "proposals": [{**p, "comuni": " | ".join(p["comuni"])} for p in data.get("proposals", [])],
        "supports": data.get("supports", []),
        "pins": [
            {**f["properties"], "lat": f["geometry"]["coordinates"][1], "lon": f["geometry"]["coordinates"][0]}
            for f in data.get("pins", {}).get("features", [])
        ],
    }
    out = {name: pd.DataFrame(rows[name]).map(escape_cell) if rows[name] else pd.DataFrame() for name in TABLES}
    return out | pacts_records.flat_tables(data, escape_cell)  # issue 20


def to_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def to_csv_zip(data: dict[str, Any]) -> bytes:
    """A zip with one CSV per table (UTF-8 with BOM, ``;``: what Excel in Italy opens)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables(data).items():
            archive.writestr(f"{name}.csv", frame.to_csv(index=False, sep=";").encode("utf-8-sig"))
    return buffer.getvalue()


def to_xlsx(data: dict[str, Any]) -> bytes:
    """One sheet per table."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in tables(data).items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return buffer.getvalue()


FORMATS: dict[str, tuple[Callable[[dict], bytes], str, str]] = {
    # name: (writer, file extension, MIME type)
    "json": (to_json, "json", "application/json"),
    "csv": (to_csv_zip, "zip", "application/zip"),
    "xlsx": (to_xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def render(store: Store, workshop: db.Workshop, fmt: str) -> bytes:
    """The export of ``workshop`` in format ``fmt``; UnknownNameError lists the formats."""
    if fmt not in FORMATS:
        raise UnknownNameError("thing.format", fmt, list(FORMATS))
    return FORMATS[fmt][0](build(store, workshop))


def render_for(store: Store, actor: w.Actor, workshop: db.Workshop, fmt: str) -> bytes:
    """``render`` for a facilitator only: the export holds hidden comments and
    every ballot. Raises PermissionDeniedError, UnknownNameError."""
    w.require_facilitator(actor)
    return render(store, workshop, fmt)


def filename(workshop: db.Workshop, fmt: str) -> str:
    return f"laboratorio-{workshop.code}.{FORMATS[fmt][1]}"
