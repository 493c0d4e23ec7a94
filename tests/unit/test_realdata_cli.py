"""``python -m cantiere import indicatori FILE`` on every real file of
../shared/realdata as published, with ``--columns`` and ``--derivato``."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from cantiere import cli_import
from cantiere.store import Store, datasets
from tests import realdata
from tests.conftest import ROOT


def run(argv, monkeypatch, sqlite_url):
    monkeypatch.setenv("CANTIERE_DATABASE_URL", sqlite_url)
    out = io.StringIO()
    code = cli_import.main(argv, out=out)
    return code, out.getvalue()


def stored(sqlite_url, indicator: str) -> dict[str, float]:
    store = Store(sqlite_url)
    try:
        frame = datasets.imported_indicators(store)
    finally:
        store.close()
    rows = frame[frame["nome indicatore"] == indicator]
    return dict(zip(rows["codice"], rows["valore"]))


@pytest.mark.parametrize("name", realdata.FILES)
def test_every_real_file_through_the_cli(monkeypatch, sqlite_url, name):
    code, text = run(["import", "indicatori", str(realdata.path(name))], monkeypatch, sqlite_url)
    assert code == 0, text
    assert "INDICATORE" in text and "0 errori" in text
    store = Store(sqlite_url)
    try:
        listed = datasets.list_datasets(store)
    finally:
        store.close()
    assert listed["file"].tolist() == [name] and listed["licenza"].iloc[0]


def test_the_command_line_as_a_coordinator_types_it(tmp_path):
    """A real process, as on the server: exit code and report."""
    env = {"CANTIERE_DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "cantiere", "import", "indicatori", str(realdata.path("mef_irpef_2024_ravenna.csv"))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Reddito complessivo medio per contribuente (€) = «reddito_complessivo_cents»" in done.stdout


def test_columns_and_formulas_on_the_command_line(monkeypatch, sqlite_url):
    argv = [
        "import",
        "indicatori",
        str(realdata.path("mef_irpef_2020_ravenna_raw.csv")),
        "--columns",
        "Numero contribuenti;Reddito da pensione - Frequenza",
        "--derivato",
        "Reddito medio da lavoro dipendente [€] = #12 / #11",
        "--derivato",
        "Pensionati ogni 100 anziani [%] = #13 / anziani_65 * 100",
    ]
    code, text = run(argv, monkeypatch, sqlite_url)
    assert code == 0, text
    rows = {r["Denominazione Comune"]: r for r in realdata.rows("mef_irpef_2020_ravenna_raw.csv")}
    wage = stored(sqlite_url, "Reddito medio da lavoro dipendente")
    ravenna = rows["RAVENNA"]
    expected = int(ravenna["Reddito da lavoro dipendente e assimilati - Ammontare in euro"]) / int(
        ravenna["Reddito da lavoro dipendente e assimilati - Frequenza"]
    )
    assert wage["039014"] == pytest.approx(expected)
    assert stored(sqlite_url, "Reddito da pensione - Frequenza")["039014"] == int(
        ravenna["Reddito da pensione - Frequenza"]
    )
    assert "Pensionati ogni 100 anziani (%) = «Reddito da pensione - Frequenza» ÷ residenti con 65 anni" in text


def test_an_unreadable_formula_exit_1_with_the_syntax(monkeypatch, sqlite_url):
    argv = ["import", "indicatori", str(realdata.path("mef_irpef_2024_ravenna.csv")), "--derivato", "reddito medio"]
    code, text = run(argv, monkeypatch, sqlite_url)
    assert code == 1 and "Formula non leggibile: «reddito medio»" in text
    assert "NOME [UNITÀ] = COLONNA / COLONNA" in text


def test_a_national_file_through_the_cli(monkeypatch, sqlite_url, tmp_path):
    data = realdata.path("mef_irpef_2024_ravenna.csv").read_text(encoding="utf-8").splitlines()
    milano = "015146,F205,MILANO,015,MI,03,800000,780000,2800000000000,770000,2600000000000,700000,600000000000,690000,50000000000,680000,20000000000,35897.44"
    path = tmp_path / "mef_irpef_2024_italia.csv"
    path.write_text("\n".join([data[0], milano, *data[1:]]) + "\n", encoding="utf-8")
    code, text = run(["import", "indicatori", str(path)], monkeypatch, sqlite_url)
    assert code == 0, text
    assert "Righe di comuni fuori dalla provincia di Ravenna lasciate fuori: 1 (ad esempio «MILANO»)" in text
    assert "015146" not in stored(sqlite_url, "Contribuenti IRPEF")
