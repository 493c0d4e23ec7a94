"""CLI ``import services|indicators FILE [--dry-run]``: same report, exit codes."""

import io

from cantiere import cli_import
from cantiere.store import Store, datasets
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


def run(argv, monkeypatch, sqlite_url, **env):
    monkeypatch.setenv("CANTIERE_DATABASE_URL", sqlite_url)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    out = io.StringIO()
    code = cli_import.main(argv, out=out)
    return code, out.getvalue()


def rows(sqlite_url):
    store = Store(sqlite_url)
    try:
        return datasets.count_rows(store)
    finally:
        store.close()


def test_import_services_exit_0_and_rows_stored(monkeypatch, sqlite_url):
    code, text = run(["import", "services", str(FIXTURES / "servizi_fonte_italiana.csv")], monkeypatch, sqlite_url)
    assert code == 0, text
    assert "5 righe valide, 0 errori" in text and "Importate 5 righe" in text
    assert rows(sqlite_url)["services"] == 5


def test_dry_run_prints_the_report_and_writes_nothing(monkeypatch, sqlite_url):
    code, text = run(
        ["import", "servizi", str(FIXTURES / "servizi_fonte_italiana.csv"), "--dry-run"], monkeypatch, sqlite_url
    )
    assert code == 0 and "--dry-run" in text
    assert rows(sqlite_url)["datasets"] == 0


def test_rejected_file_exit_1_with_row_column_reason(monkeypatch, sqlite_url, tmp_path):
    bad = tmp_path / "servizi.csv"
    bad.write_text("nome;tipo;comune;posti\nNido A;nido;Ravenna;dieci\n", encoding="utf-8")
    code, text = run(["import", "services", str(bad)], monkeypatch, sqlite_url)
    assert code == 1
    assert "ERRORE  riga 2, colonna «posti»: «dieci» non è un numero" in text
    assert "non è stato importato nulla" in text
    assert rows(sqlite_url)["datasets"] == 0


def test_indicators_with_declared_source(monkeypatch, sqlite_url):
    argv = [
        "import",
        "indicators",
        str(FIXTURES / "indicatori_colonne.csv"),
        "--fonte",
        "Regione Emilia-Romagna",
        "--anno",
        "2021",
    ]
    code, text = run(argv, monkeypatch, sqlite_url)
    assert code == 0, text
    store = Store(sqlite_url)
    assert set(datasets.imported_indicators(store)["fonte"]) == {"Regione Emilia-Romagna"}
    store.close()


def test_file_over_the_limit_is_refused_without_reading(monkeypatch, sqlite_url, tmp_path):
    big = tmp_path / "grande.csv"
    big.write_bytes(b"x" * (2 * 2**20))
    code, text = run(["import", "services", str(big)], monkeypatch, sqlite_url, CANTIERE_MAX_UPLOAD_MB="1")
    assert code == 1 and "Il file pesa 2,0 MB, il limite è 1 MB" in text


def test_missing_file_exit_1(monkeypatch, sqlite_url, tmp_path):
    code, text = run(["import", "services", str(tmp_path / "manca.csv")], monkeypatch, sqlite_url)
    assert code == 1 and "Impossibile leggere" in text
