"""The minutes of a workshop: produced by the CLI for the demo workshop, a
well-formed self-contained HTML document with the headings, the tables, the
method explanation and every typed text escaped; the XLSX has the same sections."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import openpyxl
import pytest

from cantiere import cli, report, voting
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db

VOID = {"meta", "br", "hr", "img", "link", "input"}
EVIL = '<script>alert("x")</script> & <b>grassetto</b>'


class Tree(HTMLParser):
    """A strict reader: every opened element is closed, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.current: dict[str, list[str]] = {}
        self.doctype = False

    def handle_decl(self, decl):
        self.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)
        self.current.setdefault(tag, [])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data):
        if self.stack:
            self.text.append(data)
            self.current.setdefault(self.stack[-1], []).append(data)


def parse(document: str) -> Tree:
    tree = Tree()
    tree.feed(document)
    tree.close()
    assert tree.doctype and tree.stack == []
    return tree


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def demo(monkeypatch, sqlite_url, capsys):
    """The demo workshop (made by the CLI) with six ballots, a typed comment and a
    priority whose title contains markup."""
    monkeypatch.setenv("CANTIERE_DATABASE_URL", sqlite_url)
    assert run(capsys, "demo")[0] == 0
    store = Store(sqlite_url)
    (ws,) = db.list_workshops(store)
    fac = w.Actor.command_line()
    w.add_priorities(store, fac, ws.id, [{"title": EVIL}])
    rnd = w.current_round(store, ws.id)
    items = db.list_priorities(store, ws.id)
    for k in range(6):
        _, who = w.join(store, ws.code)
        w.set_profile(store, who, "Ravenna" if k < 5 else "Brisighella", "cittadino", None)
        w.cast_ballot(store, who, rnd.id, {"dots": {str(items[k % 2].id): 2}})
    w.add_comment(store, who, items[0].id, EVIL)
    yield store, ws
    store.close()


def test_cli_report_of_the_demo_is_a_valid_html_document(demo, capsys, tmp_path):
    store, ws = demo
    out = tmp_path / "verbale.html"
    code, stdout, err = run(capsys, "workshop", "export", ws.code.lower(), "--format", "report", "--out", str(out))
    assert code == 0, err
    document = out.read_text(encoding="utf-8")
    tree = parse(document)
    headings = [t for t in tree.current.get("h2", [])]
    assert headings == [
        "Partecipanti",
        "Priorità",
        "Votazioni e risultati",
        "Commenti",
        "Proposte",
        "Versione dei dati",
    ]
    assert tree.current["h1"][0].startswith("Verbale del laboratorio: [DEMO]")
    assert sum(1 for tag, _ in tree.tags if tag == "table") >= 4
    # the method, its parameters and the explanation read out by the facilitator
    text = "".join(tree.text)
    assert "Punti (dot voting): 5 punti, massimo 2 per priorità" in text
    explanation = voting.explain(w.tally_round(store, w.current_round(store, ws.id).id), "it")
    assert explanation and all(line in tree.current["li"] for line in explanation)
    # typed text is escaped: it shows as typed, never as markup
    assert EVIL in text
    assert "<script>" not in document and "<b>grassetto" not in document
    assert "&lt;script&gt;" in document
    # self-contained and printable: no script, no external asset
    assert not any(tag in ("script", "link", "img", "iframe") for tag, _ in tree.tags)
    assert "http://" not in document and "https://" not in document
    assert "@media print" in document
    # small groups: Brisighella (1 person) is not shown by district on its own
    assert "Faenza" not in tree.current["td"]
    assert "Dati di esempio".lower() in text.lower()
    assert "ISTAT, anno 2023" in text


def test_cli_report_to_stdout_and_xlsx(demo, capsys, tmp_path):
    store, ws = demo
    code, stdout, _ = run(capsys, "workshop", "export", ws.code, "--format", "report")
    assert code == 0 and stdout.lstrip().startswith("<!DOCTYPE html>")
    path = tmp_path / "verbale.xlsx"
    assert run(capsys, "workshop", "export", ws.code, "--format", "report-xlsx", "--out", str(path))[0] == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Sintesi",
        "Partecipanti",
        "Priorità",
        "Risultati",
        "Spiegazioni",
        "Commenti",
        "Proposte",
        "Segnalazioni",
        "Dati",
        "Canali e schede",
    ]
    results = list(book["Risultati"].iter_rows(values_only=True))
    assert results[0] == ("Votazione", "Metodo:", "Voti", "Posizione", "Priorità", "Punteggio", "Dettagli")
    assert results[1][2] == 6
    comments = [row[1] for row in book["Commenti"].iter_rows(min_row=2, values_only=True)]
    assert comments == [EVIL]


def test_report_xlsx_needs_out(demo, capsys):
    _, ws = demo
    code, _, err = run(capsys, "workshop", "export", ws.code, "--format", "report-xlsx")
    assert code == 2 and "--out" in err


def test_without_listening_store_the_minutes_say_so(demo, monkeypatch):
    import sys

    store, ws = demo
    monkeypatch.setitem(sys.modules, "cantiere.store.listening", None)  # import fails as before the merge
    built = report.build(store, ws)
    assert built.proposals is None and built.pins is None
    assert "non sono ancora gestite" in report.to_html(built)


def test_proposals_and_pins_from_the_listening_store_are_escaped(demo, monkeypatch):
    import sys
    import types
    from dataclasses import dataclass

    @dataclass
    class Proposal:
        title: str
        description: str
        comuni: tuple
        supports: int

    @dataclass
    class Pin:
        comune_code: str
        category: str
        note: str

    fake = types.ModuleType("cantiere.store.listening")
    fake.list_proposals = lambda store, wid: [Proposal(EVIL, "Più ore", ("Russi",), 4)]
    fake.list_pins = lambda store, wid: [Pin("039005", "servizio mancante", EVIL)]
    monkeypatch.setitem(sys.modules, "cantiere.store.listening", fake)
    store, ws = demo
    document = report.to_html(report.build(store, ws))
    tree = parse(document)
    assert EVIL in tree.current["td"] and "Russi" in tree.current["td"] and "4" in tree.current["td"]
    assert "Casola Valsenio" in tree.current["td"]  # pin comune by ISTAT code, no coordinates
    assert "<script>" not in document
    assert "Segnalazioni sulla mappa" in tree.current["h3"]


def test_multi_round_report_compares_ranks(fresh_store):
    fac = w.Actor.command_line()
    ws = w.create_workshop(fresh_store, fac, "Due votazioni", "", [{"title": "A"}, {"title": "B"}])
    items = db.list_priorities(fresh_store, ws.id)
    first = w.open_new_round(fresh_store, fac, ws.id, "approval", {})
    _, who = w.join(fresh_store, ws.code)
    w.cast_ballot(fresh_store, who, first.id, {"approved": [items[0].id]})
    second = w.open_new_round(fresh_store, fac, ws.id, "ranking", {})
    w.cast_ballot(fresh_store, who, second.id, {"order": [items[1].id, items[0].id]})
    w.change_phase(fresh_store, fac, ws.id, "chiuso")
    tree = parse(report.to_html(report.build(fresh_store, db.get_workshop(fresh_store, ws.id))))
    assert "Confronto tra le votazioni" in tree.current["h3"]
    assert "risultati provvisori" not in "".join(tree.text)


def test_minutes_list_real_proposals_and_pins(fresh_store):
    """With the listening phase installed: a proposal, its "anch'io" and a pin
    (with a hostile note) reach the minutes, as plain text."""
    listening = pytest.importorskip("cantiere.listening")
    fac = w.Actor.command_line()
    ws = w.create_workshop(fresh_store, fac, "Ascolto a Faenza", "", [{"title": "Nido"}], phase="ascolto")
    _, author = w.join(fresh_store, ws.code)
    _, friend = w.join(fresh_store, ws.code)
    proposal = listening.submit_proposal(fresh_store, author, "Più posti al centro diurno", "Lista d'attesa lunga")
    listening.support(fresh_store, friend, proposal.id)
    listening.add_pin(fresh_store, author, 44.2856, 11.8836, "servizio_mancante", EVIL)  # Faenza
    built = report.build(fresh_store, db.get_workshop(fresh_store, ws.id))
    assert built.proposals == [
        {"title": "Più posti al centro diurno", "text": "Lista d'attesa lunga", "comuni": "", "supports": 1}
    ]
    assert built.pins == [{"comune": "Faenza", "kind": "Qui manca un servizio", "note": EVIL}]
    document = report.to_html(built)
    tree = parse(document)
    assert "Più posti al centro diurno" in tree.current["td"] and EVIL in tree.current["td"]
    assert "<script>" not in document
