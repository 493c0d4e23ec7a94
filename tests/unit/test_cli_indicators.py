"""``python -m cantiere indicators``."""

import csv
import io
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def cli(*args):
    result = subprocess.run(
        [sys.executable, "-m", "cantiere", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    return result.returncode, result.stdout, result.stderr


def test_csv_has_eighteen_comuni_with_istat_residents():
    code, out, _ = cli("indicators", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 18
    by_name = {r["nome"]: r for r in rows}
    assert by_name["Ravenna"]["residenti"] == "155751"
    assert by_name["Casola Valsenio"]["residenti"] == "2498"
    assert by_name["Ravenna"]["codice"] == "039014"
    assert sum(int(r["residenti"]) for r in rows) == 385_661
    assert {"quota_65", "indice_vecchiaia", "bambini_0_2", "distretto"} <= set(rows[0])


def test_districts_add_up_to_the_province_in_json():
    code, out, _ = cli("indicators", "--level", "distretto", "--format", "json", "--year", "2023")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 3
    assert sum(r["residenti"] for r in rows) == 385_661


def test_province_level_2022():
    code, out, _ = cli("indicators", "--level", "provincia", "--year", "2022")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 1 and rows[0]["residenti"] == "385631"


@pytest.mark.parametrize(
    "args, listed",
    [
        (["--level", "regione"], "comune, distretto, provincia"),
        (["--year", "2019"], "2022, 2023"),
        (["--format", "xml"], "csv, json"),
    ],
)
def test_bad_values_exit_2_with_italian_message(args, listed):
    code, out, err = cli("indicators", *args)
    assert code == 2
    assert "Valore non valido" in err and listed in err
    assert "Traceback" not in err and out == ""
