"""CLI and export: create → votes → export round-trips; spreadsheet escaping."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pytest

from cantiere import cli, export, voting
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db

CSV = (
    "titolo;descrizione;destinatari;comuni\n"
    "Assistenza domiciliare;Più ore a casa;anziani soli;Ravenna|Russi\n"
    "Posti al nido;;famiglie 0-2;Faenza\n"
    '=HYPERLINK("http://x");formula;;\n'
    "Trasporto sociale;;anziani;Brisighella\n"
)


@pytest.fixture
def cli_env(monkeypatch, sqlite_url, tmp_path):
    monkeypatch.setenv("CANTIERE_DATABASE_URL", sqlite_url)
    path = tmp_path / "priorita.csv"
    path.write_text(CSV, encoding="utf-8")
    return sqlite_url, path


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_create_votes_export_json_round_trip(cli_env, capsys, tmp_path):
    url, csv_path = cli_env
    code, out, _ = run(
        capsys,
        "workshop",
        "create",
        "--title",
        "Laboratorio di Russi",
        "--priorities",
        str(csv_path),
        "--dots",
        "4",
        "--max-per-item",
        "3",
    )
    assert code == 0
    join_code = out.strip().splitlines()[-1]
    assert "Codice di accesso: " + join_code in out

    store = Store(url)
    ws = w.find_workshop(store, join_code)
    rnd = w.start_voting(store, w.Actor.command_line(), ws.id)
    items = db.list_priorities(store, ws.id)
    ballots = [{items[0].id: 3, items[1].id: 1}, {items[1].id: 2, items[3].id: 2}, {items[0].id: 1}]
    for dots in ballots:
        _, who = w.join(store, join_code)
        w.cast_ballot(store, who, rnd.id, {"dots": dots})
        w.add_comment(store, who, items[2].id, "-1 non mi convince")
    w.hide_comment(store, w.Actor.command_line(), db.list_comments(store, ws.id)[0].id)
    store.close()

    out_file = tmp_path / "export.json"
    code, out, _ = run(capsys, "workshop", "export", join_code.lower(), "--format", "json", "--out", str(out_file))
    assert code == 0 and str(out_file) in out
    data = json.loads(out_file.read_text(encoding="utf-8"))

    (exported_round,) = data["rounds"]
    assert len(data["ballots"]) == 3
    assert all("participant_id" not in b and "token" not in json.dumps(b) for b in data["ballots"])
    items_back = [voting.Item(p["id"], p["title"]) for p in data["priorities"] if p["id"] in exported_round["items"]]
    recomputed = voting.tally(
        exported_round["method"], [b["payload"] for b in data["ballots"]], items_back, exported_round["params"]
    )
    (exported_tally,) = data["tallies"]
    assert {int(k): v for k, v in exported_tally["scores"].items()} == recomputed.scores
    assert exported_tally["scores"][str(items[0].id)] == 4
    assert [c["hidden"] for c in data["comments"]] == [False, False, True]
    assert {"ballot_cast", "comment_hidden", "round_opened"} <= {e["kind"] for e in data["events"]}
    assert all("participant_id" not in e["detail"] for e in data["events"])


def test_export_spreadsheets_escape_formulas(cli_env, capsys, tmp_path):
    url, csv_path = cli_env
    _, out, _ = run(capsys, "workshop", "create", "--title", "+Titolo", "--priorities", str(csv_path))
    join_code = out.strip().splitlines()[-1]
    store = Store(url)
    ws = w.find_workshop(store, join_code)
    _, who = w.join(store, join_code)
    w.add_comment(store, who, db.list_priorities(store, ws.id)[0].id, "=1+1")
    w.add_comment(store, who, db.list_priorities(store, ws.id)[0].id, "@SUM(A1)")
    store.close()

    xlsx = tmp_path / "out.xlsx"
    assert run(capsys, "workshop", "export", join_code, "--format", "xlsx", "--out", str(xlsx))[0] == 0
    book = openpyxl.load_workbook(xlsx)
    texts = [row[0].value for row in book["comments"].iter_rows(min_row=2, min_col=4, max_col=4)]
    assert texts == ["'=1+1", "'@SUM(A1)"]
    titles = [row[0].value for row in book["priorities"].iter_rows(min_row=2, min_col=2, max_col=2)]
    assert '\'=HYPERLINK("http://x")' in titles
    assert all(cell.data_type != "f" for row in book["comments"].iter_rows() for cell in row)

    zipped = tmp_path / "out.zip"
    assert run(capsys, "workshop", "export", join_code, "--format", "csv", "--out", str(zipped))[0] == 0
    with zipfile.ZipFile(zipped) as archive:
        comments_csv = archive.read("comments.csv").decode("utf-8-sig")
        assert set(archive.namelist()) == {f"{t}.csv" for t in (*export.TABLES, *export.NETWORK_TABLES)}
    assert ";'=1+1;" in comments_csv and ";=1+1" not in comments_csv


def test_json_to_stdout_and_binary_needs_out(cli_env, capsys):
    _, csv_path = cli_env
    _, out, _ = run(capsys, "workshop", "create", "--title", "Lab", "--priorities", str(csv_path))
    join_code = out.strip().splitlines()[-1]
    code, out, _ = run(capsys, "workshop", "export", join_code)
    assert code == 0 and json.loads(out)["workshop"]["code"] == join_code
    code, out, err = run(capsys, "workshop", "export", join_code, "--format", "xlsx")
    assert code == 2 and "--out" in err


def test_list_and_demo(cli_env, capsys):
    assert run(capsys, "workshop", "list")[1].strip() == "Nessun laboratorio."
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "dimostrativo" in out
    listed = run(capsys, "workshop", "list")[1]
    assert "[demo]" in listed and "DEMO" in listed


def test_wrong_code_and_malformed_csv_change_nothing(cli_env, capsys, tmp_path):
    url, _ = cli_env
    code, _, err = run(capsys, "workshop", "export", "ZZZZZZ")
    assert code == 2 and "Nessun laboratorio ha il codice «ZZZZZZ»" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("titolo;costo\nNido;12\nTrasporto;dieci\n", encoding="utf-8")
    code, _, err = run(capsys, "workshop", "create", "--title", "Lab", "--priorities", str(bad))
    assert code == 2 and "Riga 3, colonna «costo»" in err
    code, _, err = run(capsys, "workshop", "create", "--title", "Lab", "--priorities", str(tmp_path / "manca.csv"))
    assert code == 2 and "File non trovato" in err
    assert db.list_workshops(Store(url)) == []


def test_every_command_is_registered_once_and_parses():
    parser = cli.build_parser()
    assert {"workshop create", "workshop list", "workshop export", "demo"} <= set(cli.COMMANDS)
    args = parser.parse_args(["workshop", "export", "ABCDEF", "--format", "csv"])
    assert args.handler is cli.workshop_export and args.format == "csv"
    with pytest.raises(SystemExit):
        parser.parse_args(["workshop", "export", "ABCDEF", "--format", "pdf"])
    buffer = io.StringIO()
    parser.print_help(buffer)
    assert "workshop" in buffer.getvalue() and "demo" in buffer.getvalue()


def test_backup_is_a_consistent_copy_with_the_ballots(cli_env, capsys, tmp_path):
    url, csv_path = cli_env
    _, out, _ = run(capsys, "workshop", "create", "--title", "Lab", "--priorities", str(csv_path))
    join_code = out.strip().splitlines()[-1]
    store = Store(url)
    ws = w.find_workshop(store, join_code)
    rnd = w.start_voting(store, w.Actor.command_line(), ws.id)
    _, who = w.join(store, join_code)
    w.cast_ballot(store, who, rnd.id, {"dots": {db.list_priorities(store, ws.id)[0].id: 1}})
    target = tmp_path / "copie" / "backup.db"
    code, out, _ = run(capsys, "backup", str(target))
    assert code == 0 and "backup.db" in out
    copy = Store(f"sqlite:///{target}")
    assert [b.payload for b in db.list_ballots(copy, rnd.id)] == [b.payload for b in db.list_ballots(store, rnd.id)]
    code, _, err = run(capsys, "backup", str(target))
    assert code == 2 and "esiste già" in err
