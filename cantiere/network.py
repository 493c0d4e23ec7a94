"""The network (Rete): the register of the actors of the territory — social
cooperatives, associations and other third-sector bodies, comuni and Unioni,
AUSL/ASP, schools, informal groups — with the comuni where they work, their
fields (the areas of the Piano di Zona, ``cantiere.areas``), the services they
run and an organisational contact role. No personal data: a contact role that
looks like an e-mail address or a phone number is refused.

Imports: a simple CSV (``import_csv``) and the list of 5×1000 beneficiaries as
published (``import_cinque_per_mille``); both merge by tax code. The «gap of
actors» (``actor_gap``) counts, per comune and field, the organisations at work.

Pure logic over the store API (``cantiere.store.network``); no Streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from cantiere import areas, presets, territory
from cantiere import workshop as w
from cantiere.errors import CantiereError, UnknownNameError
from cantiere.importers import Problem, read_table, resolve_comune
from cantiere.store import Store
from cantiere.store import network as ndb
from cantiere.store.network import Organisation, OrganisationInUseError
from cantiere.text import fold

__all__ = ["Organisation", "OrganisationInUseError"]

# kind -> i18n key
KINDS: dict[str, str] = {
    "cooperativa_sociale": "network.kind.cooperativa_sociale",
    "associazione": "network.kind.associazione",
    "altro_terzo_settore": "network.kind.altro_terzo_settore",
    "comune": "network.kind.comune",
    "unione": "network.kind.unione",
    "ausl_asp": "network.kind.ausl_asp",
    "scuola": "network.kind.scuola",
    "gruppo_informale": "network.kind.gruppo_informale",
    "altro": "network.kind.altro",
}
NAME_MAX = 200
ROLE_MAX = 120
MAX_UPLOAD = 5 * 2**20
GAP_THRESHOLD = 1  # a field with at most this many organisations in a comune is a gap
_TAX_CODE = re.compile(r"^(\d{11}|[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z])$")
_EMAIL = re.compile(r"\S+@\S+")
_PHONE = re.compile(r"(\d[\s./-]?){6,}")
# CSV columns (folded header) -> field
CSV_COLUMNS = {
    "name": ("nome", "denominazione", "name"),
    "tax_code": ("codice_fiscale", "cf", "tax_code"),
    "kind": ("tipo", "kind"),
    "comuni": ("comuni", "comune"),
    "fields": ("ambiti", "settori", "fields"),
    "services": ("servizi", "services"),
    "contact_role": ("ruolo_contatto", "contatto", "contact_role"),
}
CINQUE_COLUMNS = ("codice_fiscale", "denominazione", "codice_comune", "nome_comune", "ets_e_onlus", "comuni")


class NetworkError(CantiereError, ValueError):
    """An organisation (typed or imported) is not valid."""

    key = "network.error.invalid"


class NetworkImportError(CantiereError, ValueError):
    """A file of organisations has errors: nothing was imported; ``problems`` lists them."""

    key = "network.error.import"

    def __init__(self, problems: Sequence[Problem]):
        super().__init__(count=len(problems), first=problems[0].text() if problems else "")
        self.problems = list(problems)


@dataclass(frozen=True)
class ImportOutcome:
    created: int
    merged: int
    skipped: int  # rows left out on purpose (not welfare actors, outside the province)


def check_tax_code(value: object) -> str | None:
    text = "".join(str(value or "").split()).upper()
    if not text:
        return None
    if text.isdigit() and 9 <= len(text) < 11:
        text = text.zfill(11)  # a spreadsheet ate the leading zeros (00354730392: Comune di Ravenna)
    if not _TAX_CODE.match(text):
        raise NetworkError("network.error.tax_code", value=value)
    return text


def check_kind(kind: object) -> str:
    text = str(kind or "").strip().lower().replace(" ", "_")
    if text not in KINDS:
        raise UnknownNameError("thing.org_kind", kind, list(KINDS))
    return text


def _split(value: object) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in re.split(r"[;|,]", str(value or "")) if part.strip()]


def check_organisation(row: Mapping[str, object]) -> dict:
    """A clean organisation dict; NetworkError / UnknownNameError say what to fix."""
    name = " ".join(str(row.get("name") or "").split())
    if not name:
        raise NetworkError("network.error.name")
    if len(name) > NAME_MAX:
        raise NetworkError("network.error.name_long", max=NAME_MAX)
    comuni = []
    for value in _split(row.get("comuni")):
        comune, problem = resolve_comune(value if value.isdigit() else "", "" if value.isdigit() else value)
        if comune is None:
            raise NetworkError("network.error.comune", value=value)
        comuni.append(comune.code)
    role = " ".join(str(row.get("contact_role") or "").split())
    if _EMAIL.search(role) or _PHONE.search(role):
        raise NetworkError("network.error.personal")
    if len(role) > ROLE_MAX:
        raise NetworkError("network.error.role_long", max=ROLE_MAX)
    return {
        "name": name,
        "tax_code": check_tax_code(row.get("tax_code")),
        "kind": check_kind(row.get("kind") or "altro"),
        "comuni": list(dict.fromkeys(comuni)),
        "fields": list(areas.check_areas(_split(row.get("fields")))),
        "services": list(dict.fromkeys(_split(row.get("services")))),
        "contact_role": role,
        "source": str(row.get("source") or "").strip(),
        "is_demo": bool(row.get("is_demo")),
    }


def add_organisations(store: Store, actor: w.Actor, rows: Sequence[Mapping[str, object]]) -> ImportOutcome:
    """Add (or merge, same tax code) organisations typed by the coordinator."""
    w.require_facilitator(actor)
    created, merged = ndb.upsert_organisations(store, [check_organisation(r) for r in rows])
    return ImportOutcome(created, merged, 0)


def delete_organisation(store: Store, actor: w.Actor, organisation_id: int) -> None:
    """Refused (OrganisationInUseError) while it leads or joins a pact."""
    w.require_facilitator(actor)
    ndb.delete_organisation(store, organisation_id)


def _columns(headers: list[str]) -> dict[str, int]:
    keys = [presets.header_key(h) for h in headers]
    out = {}
    for name, spellings in CSV_COLUMNS.items():
        for spelling in spellings:
            if spelling in keys:
                out[name] = keys.index(spelling)
                break
    return out


def parse_csv(filename: str, data: bytes) -> list[dict]:
    """Organisations from a simple CSV (UTF-8 or Windows-1252, ``;`` or ``,``):
    nome; codice_fiscale; tipo; comuni; ambiti; servizi; ruolo_contatto (lists
    separated by ``|`` or ``;`` inside a cell). NetworkImportError lists every
    bad row with its column."""
    table = read_table("indicators", filename, data, MAX_UPLOAD)
    columns = _columns(table.headers)
    if "name" not in columns:
        raise NetworkImportError([Problem(None, None, "network.error.no_name_column")])
    rows, problems = [], []
    for number, cells in table.rows:
        raw = {name: cells[i] if i < len(cells) else "" for name, i in columns.items()}
        for name in ("comuni", "fields", "services"):
            raw[name] = [part.strip() for part in re.split(r"[|;]", raw.get(name) or "") if part.strip()]
        try:
            rows.append(check_organisation(raw))
        except CantiereError as exc:
            column = next((h for n, h in _column_names(exc, table.headers, columns)), None)
            problems.append(Problem(number, column, exc.key, exc.params_in()))
    if problems:
        raise NetworkImportError(problems)
    return rows


_ERROR_COLUMN = {
    "network.error.name": "name",
    "network.error.name_long": "name",
    "network.error.tax_code": "tax_code",
    "network.error.comune": "comuni",
    "network.error.personal": "contact_role",
    "network.error.role_long": "contact_role",
}


def _column_names(exc: CantiereError, headers: list[str], columns: dict[str, int]):
    name = _ERROR_COLUMN.get(exc.key)
    if name is None and exc.key == "error.unknown_name":
        name = "kind" if exc.params.get("kind") == "thing.org_kind" else "fields"
    if name in columns:
        yield name, headers[columns[name]]


def import_csv(store: Store, actor: w.Actor, filename: str, data: bytes) -> ImportOutcome:
    """Import a CSV of organisations (all or nothing), merged by tax code."""
    w.require_facilitator(actor)
    created, merged = ndb.upsert_organisations(store, parse_csv(filename, data))
    return ImportOutcome(created, merged, 0)


def _kind_of_beneficiary(name: str, is_comune: bool) -> str:
    if is_comune:
        return "comune"
    folded = fold(name)
    if "coop" in folded and "social" in folded:
        return "cooperativa_sociale"
    if "fondazione" in folded:
        return "altro_terzo_settore"
    return "associazione"


def parse_cinque_per_mille(filename: str, data: bytes) -> tuple[list[dict], int]:
    """The 5×1000 beneficiaries as published (Agenzia delle Entrate via
    «Liberiamoli tutti!»): the third-sector bodies and ONLUS (``ets_e_onlus``)
    and the comuni (``comuni``) of the province; sports clubs, research and
    cultural bodies are left out and counted. Returns (rows, skipped)."""
    table = read_table("indicators", filename, data, MAX_UPLOAD)
    keys = [presets.header_key(h) for h in table.headers]
    missing = [c for c in CINQUE_COLUMNS if c not in keys]
    if missing:
        raise NetworkImportError([Problem(None, None, "network.error.cinque_columns", {"missing": ", ".join(missing)})])
    at = {c: keys.index(c) for c in CINQUE_COLUMNS}
    preset = presets.get("cinque_per_mille")
    source = f"{preset.source} ({preset.attribution}, {preset.licence})"
    rows, problems, skipped = [], [], 0

    def cell(cells: list[str], name: str) -> str:
        i = at[name]
        return cells[i].strip() if i < len(cells) else ""

    for number, cells in table.rows:
        is_ets = bool(cell(cells, "ets_e_onlus"))
        is_comune = bool(cell(cells, "comuni"))
        if not (is_ets or is_comune):
            skipped += 1
            continue
        comune, problem = resolve_comune(cell(cells, "codice_comune"), cell(cells, "nome_comune"))
        if comune is None:
            if problem is not None and problem.key == "imp.row.code_outside":
                skipped += 1
                continue
            problems.append(Problem(number, "codice_comune", problem.key, problem.params))
            continue
        name = cell(cells, "denominazione")
        try:
            rows.append(
                check_organisation(
                    {
                        "name": name,
                        "tax_code": cell(cells, "codice_fiscale"),
                        "kind": _kind_of_beneficiary(name, is_comune and not is_ets),
                        "comuni": [comune.code],
                        "source": source,
                    }
                )
            )
        except CantiereError as exc:
            problems.append(Problem(number, None, exc.key, exc.params_in()))
    if problems:
        raise NetworkImportError(problems)
    return rows, skipped


def import_cinque_per_mille(store: Store, actor: w.Actor, filename: str, data: bytes) -> ImportOutcome:
    """Import the 5×1000 list (all or nothing); a second import merges, never duplicates."""
    w.require_facilitator(actor)
    rows, skipped = parse_cinque_per_mille(filename, data)
    created, merged = ndb.upsert_organisations(store, rows)
    return ImportOutcome(created, merged, skipped)


# --- reading ---------------------------------------------------------------------


def register(store: Store) -> list[Organisation]:
    """Every organisation, by name (public)."""
    return ndb.list_organisations(store)


def per_comune(organisations: Sequence[Organisation]) -> pd.DataFrame:
    """Organisations per comune and kind: comune code, name, district, kind, n."""
    names = {c.code: c for c in territory.comuni()}
    records = [
        (code, names[code].name, names[code].district, org.kind)
        for org in organisations
        for code in org.comuni
        if code in names
    ]
    frame = pd.DataFrame(records, columns=["codice_istat", "comune", "distretto", "tipo"])
    if frame.empty:
        return pd.DataFrame(columns=["codice_istat", "comune", "distretto", "tipo", "n"])
    return frame.groupby(["codice_istat", "comune", "distretto", "tipo"]).size().reset_index(name="n")


def counts_by_comune(organisations: Sequence[Organisation]) -> dict[str, int]:
    """Comune code -> number of organisations working there."""
    out: dict[str, int] = {}
    for org in organisations:
        for code in set(org.comuni):
            out[code] = out.get(code, 0) + 1
    return out


def actor_gap(organisations: Sequence[Organisation], district: str | None = None) -> pd.DataFrame:
    """The «gap of actors»: per comune and field (area of the Piano di Zona) the
    organisations that work on it there; ``gap`` when at most GAP_THRESHOLD."""
    records = []
    for comune in territory.comuni():
        if district and comune.district != district:
            continue
        for area in areas.AREAS:
            n = sum(1 for org in organisations if comune.code in org.comuni and area in org.fields)
            records.append((comune.code, comune.name, comune.district, area, n, n <= GAP_THRESHOLD))
    return pd.DataFrame(records, columns=["codice_istat", "comune", "distretto", "area", "n", "gap"])


def filter_register(
    organisations: Sequence[Organisation],
    *,
    district: str | None = None,
    area: str | None = None,
    kind: str | None = None,
) -> list[Organisation]:
    out = []
    district_comuni = set(territory.district(district).comuni) if district else None
    for org in organisations:
        if district_comuni is not None and not district_comuni.intersection(org.comuni):
            continue
        if area and area not in org.fields:
            continue
        if kind and org.kind != kind:
            continue
        out.append(org)
    return out


def comune_names(codes: Sequence[str]) -> str:
    names = {c.code: c.name for c in territory.comuni()}
    return ", ".join(names.get(code, code) for code in codes)
