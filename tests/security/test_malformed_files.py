"""Malformed files through the importers (services, indicators) and the
priorities CSV of a workshop: each gets a clear Italian report, nothing
crashes, nothing is fetched from the network, and the database is exactly as
before (row counts and a hash of every row).

The corpus is generated in tests/security/malformed.py. Cases already covered
in tests/unit/test_importers.py (its BAD_CASES, the 100 MB file, the sheet zip
bomb) are not repeated here.
"""

from __future__ import annotations

import csv
import io
import socket
import zipfile

import openpyxl
import pytest

from cantiere import export, importers
from cantiere import workshop as w
from cantiere.importers import ImportRejectedError
from cantiere.store import Store
from cantiere.store import workshops as db
from cantiere.workshop_errors import CsvError
from tests.conftest import FACILITATOR_ACTOR
from tests.security.fingerprint import fingerprint
from tests.security.malformed import PRIORITIES_CSV, SERVICES_CSV, corpus

FAC = w.Actor.command_line()
LIMIT = 20 * 2**20
CASES = {label: (kind, name, data) for label, kind, name, data in corpus()}
tried: list[str] = []


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """A database that already holds a services dataset and a workshop."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('malformed') / 'cantiere.db'}")
    importers.import_file(store, "services", "servizi.csv", SERVICES_CSV, actor=FACILITATOR_ACTOR, max_bytes=LIMIT)
    workshop = w.create_workshop(store, FAC, "Laboratorio", "", w.parse_priorities_csv(PRIORITIES_CSV))
    yield store, workshop
    store.close()


@pytest.fixture
def no_network(monkeypatch):
    """Any outgoing connection attempt is recorded and refused."""
    attempts = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


@pytest.mark.parametrize("label", list(CASES))
def test_malformed_file_is_reported_and_changes_nothing(loaded, no_network, label):
    store, workshop = loaded
    kind, name, data = CASES[label]
    before = fingerprint(store)
    if kind == "priorities":
        with pytest.raises(CsvError) as refused:
            w.add_priorities(store, FAC, workshop.id, w.parse_priorities_csv(data))
        text = refused.value.message("it")
        assert "Nessuna priorità creata" in text
    else:
        with pytest.raises(ImportRejectedError) as refused:
            importers.import_file(store, kind, name, data, actor=FACILITATOR_ACTOR, max_bytes=LIMIT)
        report = refused.value.report
        assert report.errors and "non è stato importato nulla" in refused.value.message("it")
        text = report.text("it")
        assert "ERRORE" in text
    assert not any(key in text for key in ("imp.", "trust.", "workshop.error"))  # a sentence, not a key
    assert fingerprint(store) == before
    assert no_network == []
    tried.append(label)


def test_malformed_corpus_report():
    kinds = {}
    for kind, _, _ in CASES.values():
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"\nmalformed files: {len(CASES)} tried ({kinds}), {len(tried)} reported, 0 crashes, 0 database changes")
    assert len(CASES) >= 50


# --- exports of imported text never become formulas ---------------------------

PREFIXES = ("=", "+", "-", "@", "\t", "\r")
DANGEROUS = {p: f'{p}HYPERLINK("http://127.0.0.1:9/x","clicca")' if p in "=+-@" else f"{p}=1+1" for p in PREFIXES}


@pytest.fixture
def formula_workshop(fresh_store):
    """Every text field that reaches the workshop export starts like a formula."""
    rows = [{"title": text, "description": text, "target_group": text} for text in DANGEROUS.values()]
    ws = w.create_workshop(fresh_store, FAC, "=CMD()", "@descrizione", rows, dots=3, max_per_item=2)
    w.start_voting(fresh_store, FAC, ws.id)
    _, who = w.join(fresh_store, ws.code)
    for p, text in zip(db.list_priorities(fresh_store, ws.id), DANGEROUS.values()):
        w.add_comment(fresh_store, who, p.id, text)
    return fresh_store, db.get_workshop(fresh_store, ws.id)


def _formula_like(value) -> bool:
    return isinstance(value, str) and value.lstrip("\ufeff").startswith(PREFIXES)


def test_csv_and_xlsx_exports_escape_every_formula_prefix(formula_workshop, tmp_path):
    store, ws = formula_workshop
    data = export.build(store, ws)
    texts = [p["title"] for p in data["priorities"]] + [c["text"] for c in data["comments"]]
    assert sum(_formula_like(t) for t in texts) >= 8  # the JSON keeps the text as written

    book_path = tmp_path / "e.xlsx"
    book_path.write_bytes(export.render_for(store, FAC, ws, "xlsx"))
    book = openpyxl.load_workbook(book_path)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.value for c in cells if _formula_like(c.value)]
    assert sum(1 for c in cells if isinstance(c.value, str) and c.value.startswith("'=")) >= 3

    with zipfile.ZipFile(io.BytesIO(export.render_for(store, FAC, ws, "csv"))) as archive:
        for name in archive.namelist():
            rows = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")), delimiter=";"))
            bad = [cell for row in rows for cell in row if _formula_like(cell)]
            assert bad == [], (name, bad)
