"""The register, the pacts and their log as plain JSON-ready records: the
open-data export of Monitoraggio and the pacts' part of a workshop's export
(``cantiere.export``). Reads the store only, imports no other domain module,
so the export can use it without an import loop."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import pandas as pd

from cantiere.store import Store
from cantiere.store import network as ndb
from cantiere.store.network import LogLine, Organisation, Pact

OPEN_DATA_FORMAT = "cantiere-pacts-export/1"


def _time(value: datetime | date | None) -> str | None:
    return value.isoformat() if value else None


def organisation_record(org: Organisation) -> dict:
    return {
        "id": org.id,
        "name": org.name,
        "tax_code": org.tax_code,
        "kind": org.kind,
        "comuni": list(org.comuni),
        "fields": list(org.fields),
        "services": list(org.services),
        "contact_role": org.contact_role,
        "source": org.source,
        "is_demo": org.is_demo,
    }


def pact_record(p: Pact) -> dict:
    return {
        "id": p.id,
        "title": p.title,
        "status": p.status,
        "progress": p.progress,
        "lead_id": p.lead_id,
        "lead": p.lead_name,
        "partners": [
            {"organisation_id": x.organisation_id, "name": x.name, "commitment": x.commitment, "due": _time(x.due)}
            for x in p.partners
        ],
        "district": p.district,
        "area": p.area,
        "comuni": list(p.comuni),
        "target_group": p.target_group,
        "budget": p.budget,
        "funding": [dict(f) for f in p.funding],
        "milestones": [{"id": m.id, "title": m.title, "due": _time(m.due), "done": m.done} for m in p.milestones],
        "story": p.story,
        "workshop_id": p.workshop_id,
        "priority_id": p.priority_id,
        "is_demo": p.is_demo,
        "created_at": _time(p.created_at),
        "updated_at": _time(p.updated_at),
    }


def log_record(line: LogLine) -> dict:
    return {"pact_id": line.pact_id, "at": _time(line.at), "who": line.who, "kind": line.kind, "detail": line.detail}


def open_data(store: Store) -> dict[str, Any]:
    """The open-data export of Monitoraggio: the register, every pact and its log."""
    pacts = ndb.list_pacts(store)
    return {
        "format": OPEN_DATA_FORMAT,
        "generated_at": _time(ndb.now()),
        "organisations": [organisation_record(o) for o in ndb.list_organisations(store)],
        "pacts": [pact_record(p) for p in pacts],
        "pact_log": [log_record(x) for x in ndb.list_log(store)],
    }


def workshop_part(store: Store, workshop_id: int) -> dict[str, Any]:
    """The pacts born in a workshop, their log and the organisations they name:
    added to the workshop's export (``cantiere.export``)."""
    pacts = ndb.list_pacts(store, workshop_id)
    ids = {p.lead_id for p in pacts} | {x.organisation_id for p in pacts for x in p.partners}
    return {
        "organisations": [organisation_record(o) for o in ndb.list_organisations(store) if o.id in ids],
        "pacts": [pact_record(p) for p in pacts],
        "pact_log": [log_record(x) for x in ndb.list_log(store, [p.id for p in pacts])] if pacts else [],
    }


def flat_tables(data: Mapping[str, Any], escape: Callable[[Any], Any]) -> dict[str, pd.DataFrame]:
    """organisations, pacts, pact_partners, pact_milestones, pact_log as flat
    tables, cells escaped for spreadsheets by ``escape`` (``export.escape_cell``)."""
    join = " | ".join
    rows = {
        "organisations": [
            {**o, "comuni": join(o["comuni"]), "fields": join(o["fields"]), "services": join(o["services"])}
            for o in data.get("organisations", [])
        ],
        "pacts": [
            {
                **{k: v for k, v in p.items() if k not in ("partners", "milestones", "story", "funding")},
                "comuni": join(p["comuni"]),
                "partners": join(x["name"] for x in p["partners"]),
                "funding": json.dumps(p["funding"], ensure_ascii=False),
                "story": json.dumps(p["story"], ensure_ascii=False),
            }
            for p in data.get("pacts", [])
        ],
        "pact_partners": [{"pact_id": p["id"], **x} for p in data.get("pacts", []) for x in p["partners"]],
        "pact_milestones": [{"pact_id": p["id"], **m} for p in data.get("pacts", []) for m in p["milestones"]],
        "pact_log": [{**x, "detail": json.dumps(x["detail"], ensure_ascii=False)} for x in data.get("pact_log", [])],
    }
    return {name: pd.DataFrame(r).map(escape) if r else pd.DataFrame() for name, r in rows.items()}
