"""Exports that always open (issue 17).

The findings: a comment with ``\\x0b`` (Word's soft line break) or ``\\x00``
made «Scarica Excel» and «verbale (XLSX)» do nothing, with no message, and the
server log then held the comment; U+FFFE/U+FFFF gave an XLSX spreadsheets
cannot open; in CSV, a bare CR inside a cell started a new spreadsheet row
whose cell was a live formula; Streamlit's own dataframe «Download as CSV»
escaped nothing.
"""

from __future__ import annotations

import io
import json
import logging
import re
import tomllib
import zipfile

import openpyxl
import pytest

from cantiere import export, listening, report
from cantiere import workshop as w
from cantiere.store import workshops as db
from cantiere.ui import downloads
from tests.conftest import ROOT

FAC = w.Actor.command_line()
HOSTILE = {
    "soft line break": "prima riga\x0bseconda riga",
    "nul": "nota\x00con NUL",
    "noncharacters": "fine\ufffe\uffff",
    "controls": "campanello\x07 e escape\x1b[31m",
    "cr formula": "nota\r=cmd|' /C calc'!A0",
    "lf formula": "nota\n@SUM(1+1)*cmd|' /C calc'!A0",
    "crlf formula": "nota\r\n+1+cmd|' /C calc'!A0",
}
FORMULA_START = ("=", "+", "@", "-", "\t")


@pytest.fixture
def hostile_workshop(any_store):
    """Every hostile text as a comment and as a proposal's description (SQLite and PostgreSQL)."""
    fresh_store = any_store
    rows = [{"title": f"Priorità {n}"} for n in range(len(HOSTILE))]
    ws = w.create_workshop(fresh_store, FAC, "Laboratorio", "", rows, dots=3, max_per_item=2)
    w.change_phase(fresh_store, FAC, ws.id, "ascolto")
    who = w.join(fresh_store, ws.code)[1]
    for n, text in enumerate(HOSTILE.values()):
        listening.submit_proposal(fresh_store, who, f"Proposta {n}", description=text)
    w.start_voting(fresh_store, FAC, ws.id)
    for item, text in zip(db.list_priorities(fresh_store, ws.id), HOSTILE.values()):
        w.add_comment(fresh_store, who, item.id, text)
    w.change_phase(fresh_store, FAC, ws.id, "chiuso")
    return fresh_store, db.get_workshop(fresh_store, ws.id)


def _cells(data: bytes):
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]


@pytest.mark.parametrize("kind", ["export", "minutes"])
def test_control_characters_export_to_an_xlsx_that_reopens(hostile_workshop, kind):
    store, ws = hostile_workshop
    data = export.render(store, ws, "xlsx") if kind == "export" else report.render(store, ws, "report-xlsx")
    cells = _cells(data)  # re-opens: no IllegalCharacterError, no refused file
    values = [c.value for c in cells if isinstance(c.value, str)]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any("prima riga\nseconda riga" == v for v in values)  # the soft break became a line break
    assert any("notacon NUL" == v for v in values)  # NUL dropped on input: PostgreSQL cannot store it
    assert not any(re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", v) for v in values)
    assert not any(line.startswith(FORMULA_START) for v in values for line in v.split("\n"))


def test_the_database_keeps_what_was_written(hostile_workshop):
    store, ws = hostile_workshop
    stored = {c.text for c in db.list_comments(store, ws.id)}
    assert {v for k, v in HOSTILE.items() if k != "nul"} <= stored
    assert "notacon NUL" in stored


def test_csv_has_no_formula_cell_even_read_line_by_line(hostile_workshop):
    store, ws = hostile_workshop
    with zipfile.ZipFile(io.BytesIO(export.render(store, ws, "csv"))) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8-sig")
            assert "\r" not in text.replace("\r\n", "\n"), name  # no bare CR: no hidden new row
            # a spreadsheet that broke rows at every line break would see these cells
            for line in re.split("\r\n|\r|\n", text):
                for cell in line.split(";"):
                    assert not cell.lstrip('"').startswith(("=", "+", "@")), (name, cell)


def test_a_failed_export_gives_a_file_that_says_so_and_logs_no_text(caplog):
    def broken():
        raise openpyxl.utils.exceptions.IllegalCharacterError("segreto del partecipante cannot be used in worksheets")

    caplog.set_level(logging.INFO)
    build = downloads.guarded(broken, "xlsx", "verbale-ABC234.xlsx")
    cells = _cells(build())
    assert cells[0].value.startswith("L'esportazione non è riuscita (verbale-ABC234.xlsx).")
    assert "IllegalCharacterError" in caplog.text and "segreto" not in caplog.text
    message = "L'esportazione non è riuscita"
    assert "esportazione non è riuscita".encode() in downloads.failure_file("html", message)
    assert json.loads(downloads.failure_file("json", message)) == {"errore": message}
    with zipfile.ZipFile(io.BytesIO(downloads.failure_file("zip", message))) as archive:
        assert archive.read("LEGGIMI.txt").decode("utf-8-sig") == message


def test_streamlit_table_download_is_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
