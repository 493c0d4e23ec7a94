"""Importers: files as Italian sources publish them import; bad files are
rejected with a report a coordinator can act on, and change nothing."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pandas as pd
import pytest

from cantiere import importers, services
from cantiere.importers import ImportRejectedError, NotAuthorizedError
from cantiere.store import datasets
from tests.conftest import FACILITATOR_ACTOR, ROOT

FIXTURES = ROOT / "tests" / "fixtures"
MB = 2**20
LIMIT = 20 * MB


def load(store, kind, name, data, **kw):
    return importers.import_file(
        store, kind, name, data, actor=FACILITATOR_ACTOR, max_bytes=kw.pop("max_bytes", LIMIT), **kw
    )


def messages(report) -> str:
    return "\n".join(p.text("it", report.row_label) for p in report.problems)


# --- files the way Italian sources publish them ---------------------------------


def test_windows_1252_semicolon_decimal_comma_short_codes_import(fresh_store):
    data = (FIXTURES / "servizi_fonte_italiana.csv").read_bytes()
    assert b"\x92" in data  # the typographic apostrophe, in Windows-1252

    report = load(fresh_store, "services", "servizi_fonte_italiana.csv", data)

    assert report.ok and report.file_format == "CSV (;)"
    stored = services.imported_services(fresh_store)
    assert len(stored) == 5
    by_name = stored.set_index("nome")
    # "Sant’Agata sul Santerno" (typographic ’) and code 39017 without its leading zero
    assert by_name.loc["Centro diurno Sant’Agata", "codice"] == "039017"
    assert by_name.loc["Centro diurno Sant’Agata", "comune"] == "Sant'Agata sul Santerno"
    # decimal commas in coordinates; accented header "Capacità"
    assert by_name.loc["Nido d’infanzia Il Pulcino", "lat"] == pytest.approx(44.4184)
    assert by_name.loc["Nido d’infanzia Il Pulcino", "posti"] == 42
    assert by_name.loc["Nido d’infanzia Il Pulcino", "tipo"] == "nido"
    assert by_name.loc["CRA Santa Teresa", "tipo_gestore"] == "pubblico"  # "ASP"
    # upper-case name, no coordinates, no places: still a valid sportello
    assert by_name.loc["Sportello sociale Casola", "comune"] == "Casola Valsenio"
    assert pd.isna(by_name.loc["Sportello sociale Casola", "lat"])
    listed = datasets.list_datasets(fresh_store)
    assert list(listed["file"]) == ["servizi_fonte_italiana.csv"] and list(listed["righe"]) == [5]


def test_indicators_long_format_keep_their_declared_source(fresh_store):
    data = (FIXTURES / "indicatori_fonte_italiana.csv").read_bytes()
    load(fresh_store, "indicators", "indicatori.csv", data)

    table = datasets.imported_indicators(fresh_store)
    assert list(table.columns)[:5] == ["codice", "nome indicatore", "valore", "fonte", "anno"]
    row = table[(table["codice"] == "039017")].iloc[0]
    assert row["nome indicatore"] == "Stranieri residenti (%)"
    assert row["valore"] == pytest.approx(9.8)
    assert row["fonte"] == "ISTAT, bilancio demografico" and row["anno"] == 2023
    income = table[table["nome indicatore"].str.startswith("Reddito")].iloc[0]
    assert income["valore"] == pytest.approx(23456.7)  # "23.456,7"
    assert income["fonte"] == "MEF, dichiarazioni 2022"


def test_indicators_one_column_each_take_the_source_given_at_import(fresh_store):
    data = (FIXTURES / "indicatori_colonne.csv").read_bytes()
    load(fresh_store, "indicators", "fragilita.csv", data, source="Regione Emilia-Romagna", year=2021)

    table = datasets.imported_indicators(fresh_store)
    assert len(table) == 6
    fragility = table[(table["nome indicatore"] == "indice_fragilita") & (table["codice"] == "039017")].iloc[0]
    assert fragility["valore"] == pytest.approx(0.51)
    assert fragility["fonte"] == "Regione Emilia-Romagna" and fragility["anno"] == 2021
    assert datasets.list_datasets(fresh_store)["fonte"].tolist() == ["Regione Emilia-Romagna"]


def test_geojson_points_import(fresh_store):
    load(fresh_store, "services", "punti.geojson", (FIXTURES / "servizi_punti.geojson").read_bytes())
    stored = datasets.services(fresh_store).set_index("nome")
    assert stored.loc["Nido Faenza", "lat"] == pytest.approx(44.2860)
    assert stored.loc["Nido Faenza", "lon"] == pytest.approx(11.8820)
    assert stored.loc["Centro per le famiglie Ravenna", "codice"] == "039014"


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SERVICE_ROWS = [
    ["nome", "tipo", "codice_istat", "latitudine", "longitudine", "posti"],
    ["Nido Girotondo", "Nido d'infanzia", 39014, 44.4184, 12.2035, 30],
    ["CRA Le Querce", "CRA", 39010, 44.286, 11.882, 70],
]


def test_xlsx_with_one_sheet_imports_numbers_as_numbers(fresh_store):
    load(fresh_store, "services", "servizi.xlsx", xlsx({"Foglio1": SERVICE_ROWS}))
    stored = datasets.services(fresh_store)
    assert stored["codice"].tolist() == ["039014", "039010"]
    assert stored["posti"].tolist() == [30, 70]


def test_xlsx_with_several_sheets_reads_the_one_named_servizi(fresh_store):
    data = xlsx({"Note": [["da rivedere"]], "Servizi": SERVICE_ROWS})
    report = load(fresh_store, "services", "servizi.xlsx", data)
    assert report.sheet == "Servizi"
    assert len(datasets.services(fresh_store)) == 2


# --- bad input: a clear message and an unchanged database -------------------------

GOOD = (FIXTURES / "servizi_fonte_italiana.csv").read_bytes()


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


HEADER = "nome;tipo;comune;latitudine;longitudine;posti\n"

BAD_CASES = {
    "utf16 (Excel 'Testo Unicode')": (
        "servizi.txt",
        (HEADER + "Nido A;nido;Ravenna;44,4184;12,2035;30\n").encode("utf-16"),
        ["UTF-16", "CSV UTF-8"],
    ),
    "garbled encoding": (
        "servizi.csv",
        csv_bytes(HEADER + "Nido A;nido;Sant’Agata sul Santerno;;;30\n")
        .decode("utf-8")
        .encode("utf-8")
        .decode("cp1252")
        .encode("utf-8"),
        ["Codifica errata", "riga 2", "CSV UTF-8"],
    ),
    "wrong separator": (
        "servizi.csv",
        csv_bytes("nome|tipo|comune|posti\nNido A|nido|Ravenna|30\n"),
        ["Separatore non riconosciuto", "«nome|tipo|comune|posti»"],
    ),
    "missing required columns": (
        "servizi.csv",
        csv_bytes("nome;comune\nNido A;Ravenna\n"),
        ["Mancano colonne obbligatorie: tipo, posti", "Colonne trovate: nome, comune", "capacita"],
    ),
    "text in numeric column": (
        "servizi.csv",
        csv_bytes(HEADER + "Nido A;nido;Ravenna;44,4184;12,2035;30\nNido B;nido;Faenza;;;dieci\n"),
        ["riga 3, colonna «posti»: «dieci» non è un numero"],
    ),
    "unknown comune": (
        "servizi.csv",
        csv_bytes(HEADER + "Nido A;nido;Ravena;;;30\nNido B;nido;Bologna;;;30\n"),
        [
            "riga 2, colonna «comune»: comune sconosciuto «Ravena»: forse «Ravenna»?",
            "riga 3, colonna «comune»: comune sconosciuto «Bologna»",
        ],
    ),
    "code of another province": (
        "servizi.csv",
        csv_bytes("nome;tipo;codice_istat;posti\nNido A;nido;37006;30\n"),
        ["riga 2, colonna «codice_istat»: il codice ISTAT «37006» non è di un comune della provincia di Ravenna"],
    ),
    "duplicate rows": (
        "servizi.csv",
        csv_bytes(HEADER + "Nido A;nido;Ravenna;;;30\nNido B;nido;Ravenna;;;20\nnido a;Nido d'infanzia;RAVENNA;;;30\n"),
        ["riga 4: riga duplicata: uguale alla riga 2"],
    ),
    "coordinates swapped": (
        "servizi.csv",
        csv_bytes(HEADER + "Nido A;nido;Ravenna;12,2035;44,4184;30\n"),
        ["riga 2, colonna «latitudine»: latitudine e longitudine sembrano invertite"],
    ),
    "coordinates out of range": (
        "servizi.csv",
        csv_bytes(HEADER + "Nido A;nido;Ravenna;444184;12,2035;30\n"),
        ["riga 2, colonna «latitudine»: coordinate fuori intervallo"],
    ),
    "point outside the province": (
        "servizi.csv",
        csv_bytes(HEADER + "Nido A;nido;Ravenna;44,4949;11,3426;30\n"),  # Bologna
        ["riga 2, colonna «latitudine»: il punto (lat 44,4949, lon 11,3426) è fuori dalla provincia di Ravenna"],
    ),
    "empty file": ("servizi.csv", b"", ["Il file è vuoto"]),
    "blank file": ("servizi.csv", b"\r\n  \n", ["Il file è vuoto"]),
    "header only": ("servizi.csv", csv_bytes(HEADER), ["solo l'intestazione"]),
    "multi-sheet spreadsheet": (
        "servizi.xlsx",
        xlsx({"Ravenna": SERVICE_ROWS, "Faenza": SERVICE_ROWS}),
        ["Il file ha 2 fogli con dati («Ravenna», «Faenza»)", "chiama «servizi»"],
    ),
    "geojson with invalid geometries": (
        "servizi.geojson",
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [12.2035, 44.4184]},
                        "properties": {"nome": "Nido A", "tipo": "nido", "comune": "Ravenna", "posti": 30},
                    },
                    {
                        "type": "Feature",
                        "geometry": {"type": "Polygon", "coordinates": [[[12, 44], [12.1, 44], [12, 44.1], [12, 44]]]},
                        "properties": {"nome": "Nido B", "tipo": "nido", "comune": "Ravenna", "posti": 30},
                    },
                    {
                        "type": "Feature",
                        "geometry": None,
                        "properties": {"nome": "Nido C", "tipo": "nido", "comune": "Ravenna", "posti": 30},
                    },
                    {
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": ["12,2", 44.4]},
                        "properties": {"nome": "Nido D", "tipo": "nido", "comune": "Ravenna", "posti": 30},
                    },
                ],
            }
        ).encode(),
        [
            "elemento 2, colonna «geometry»: la geometria non è un punto",
            "elemento 3, colonna «geometry»: geometria mancante",
            "elemento 4, colonna «geometry»: coordinate del punto non valide",
        ],
    ),
    "stray quote": (
        "servizi.csv",
        csv_bytes(HEADER + 'Nido A;nido;Ravenna;;;30\n"Nido" B;nido;Ravenna;;;30\n'),
        ["Il CSV non è ben formato alla riga 3"],
    ),
    "not json": ("servizi.geojson", b"{ not json", ["non è un JSON/GeoJSON valido"]),
    "old xls": ("servizi.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, [".xls non è supportato"]),
    "comma decimals unquoted in a comma file": (
        "servizi.csv",
        csv_bytes("nome,tipo,comune,latitudine,longitudine,posti\nNido A,nido,Ravenna,44,4184,12,2035,30\n"),
        ["riga 2: la riga ha 8 campi, l'intestazione 6"],
    ),
    "unknown service type": (
        "servizi.csv",
        csv_bytes(HEADER + "Palestra;palestra;Ravenna;;;30\n"),
        ["riga 2, colonna «tipo»: tipo di servizio sconosciuto «palestra». Tipi validi: Nido d'infanzia"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_bad_input_is_reported_and_changes_nothing(fresh_store, case):
    name, data, expected = BAD_CASES[case]
    load(fresh_store, "services", "prima.csv", GOOD)  # the database already holds a dataset
    before_counts = datasets.count_rows(fresh_store)
    before = datasets.services(fresh_store)

    with pytest.raises(ImportRejectedError) as caught:
        load(fresh_store, "services", name, data)

    text = messages(caught.value.report)
    for fragment in expected:
        assert fragment in text
    assert "non è stato importato nulla" in caught.value.message("it")
    assert datasets.count_rows(fresh_store) == before_counts
    pd.testing.assert_frame_equal(datasets.services(fresh_store), before)


def test_a_100_mb_file_is_refused_before_reading(fresh_store, tmp_path):
    big = tmp_path / "enorme.csv"
    with big.open("wb") as handle:
        handle.write(HEADER.encode())
        line = b"Nido A;nido;Ravenna;;;30\n" * 40_000
        while handle.tell() < 100 * MB:
            handle.write(line)
        handle.truncate(100 * MB)
    data = big.read_bytes()
    assert len(data) == 100 * MB

    with pytest.raises(ImportRejectedError) as caught:
        load(fresh_store, "services", big.name, data)

    assert "Il file pesa 100,0 MB, il limite è 20 MB (CANTIERE_MAX_UPLOAD_MB)" in messages(caught.value.report)
    assert datasets.count_rows(fresh_store) == {"datasets": 0, "services": 0, "indicators": 0, "definitions": 0}


def test_xlsx_zip_bomb_is_refused_before_opening(fresh_store):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as entry:
            chunk = b"\0" * MB
            for _ in range(30):
                entry.write(chunk)
    data = buffer.getvalue()
    assert len(data) < MB  # 30 MB of zeros compress to a few tens of KB

    with pytest.raises(ImportRejectedError) as caught:
        load(fresh_store, "services", "bomba.xlsx", data, max_bytes=MB)

    assert "decompresso, occuperebbe 30,0 MB (limite 5 MB)" in messages(caught.value.report)
    assert datasets.count_rows(fresh_store)["datasets"] == 0


def test_point_in_another_comune_is_flagged_but_imported(fresh_store):
    # Faenza's centre declared as Ravenna
    data = csv_bytes(HEADER + "Nido A;nido;Ravenna;44,2860;11,8820;30\n")
    report = load(fresh_store, "services", "servizi.csv", data)
    assert report.warnings and "il punto cade nel comune di Faenza, non in quello dichiarato (Ravenna)" in messages(
        report
    )
    assert datasets.services(fresh_store)["codice"].tolist() == ["039014"]


def test_code_and_name_that_disagree_are_an_error(fresh_store):
    data = csv_bytes("nome;tipo;codice_istat;comune;posti\nNido A;nido;039010;Ravenna;30\n")
    with pytest.raises(ImportRejectedError) as caught:
        load(fresh_store, "services", "servizi.csv", data)
    assert "il codice 039010 è «Faenza», ma il nome indicato è «Ravenna»" in messages(caught.value.report)


def test_indicators_without_a_source_are_rejected(fresh_store):
    with pytest.raises(ImportRejectedError) as caught:
        load(fresh_store, "indicators", "fragilita.csv", (FIXTURES / "indicatori_colonne.csv").read_bytes())
    assert "Manca la fonte" in messages(caught.value.report)
    assert datasets.imported_indicators(fresh_store).empty


def test_indicator_text_value_is_reported(fresh_store):
    data = csv_bytes("codice_istat;indicatore;valore;fonte\n39014;stranieri;n.d.;ISTAT\n")
    with pytest.raises(ImportRejectedError) as caught:
        load(fresh_store, "indicators", "x.csv", data)
    assert "riga 2, colonna «valore»: «n.d.» non è un numero" in messages(caught.value.report)
    assert datasets.count_rows(fresh_store)["indicators"] == 0


# --- roles, dry run, removal ----------------------------------------------------------


def test_import_without_admin_is_refused_and_changes_nothing(fresh_store):
    with pytest.raises(NotAuthorizedError) as caught:
        importers.import_file(fresh_store, "services", "servizi.csv", GOOD, actor=None, max_bytes=LIMIT)
    assert "Solo chi coordina" in caught.value.message("it")
    assert datasets.count_rows(fresh_store)["datasets"] == 0


def test_dry_run_validates_without_writing(fresh_store):
    report = load(fresh_store, "services", "servizi.csv", GOOD, dry_run=True)
    assert report.ok and len(report.rows) == 5
    assert datasets.count_rows(fresh_store) == {"datasets": 0, "services": 0, "indicators": 0, "definitions": 0}


def test_removing_a_dataset_removes_its_rows_and_needs_admin(fresh_store):
    load(fresh_store, "services", "servizi.csv", GOOD)
    dataset_id = int(datasets.list_datasets(fresh_store)["id"].iloc[0])
    with pytest.raises(NotAuthorizedError):
        importers.remove_dataset(fresh_store, dataset_id, actor=None)
    assert datasets.count_rows(fresh_store)["services"] == 5

    importers.remove_dataset(fresh_store, dataset_id, actor=FACILITATOR_ACTOR)
    assert datasets.count_rows(fresh_store) == {"datasets": 0, "services": 0, "indicators": 0, "definitions": 0}
    with pytest.raises(datasets.DatasetNotFoundError):
        importers.remove_dataset(fresh_store, dataset_id, actor=FACILITATOR_ACTOR)


def test_datasets_round_trip_on_every_backend(any_store):
    load(any_store, "services", "servizi.csv", GOOD)
    load(any_store, "indicators", "ind.csv", (FIXTURES / "indicatori_fonte_italiana.csv").read_bytes())
    assert datasets.count_rows(any_store) == {"datasets": 2, "services": 5, "indicators": 4, "definitions": 2}
    assert services.imported_services(any_store)["comune"].tolist()[3] == "Sant'Agata sul Santerno"
    assert set(datasets.list_datasets(any_store)["tipo"]) == {"services", "indicators"}


# --- names and codes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "code, name, expected",
    [
        ("39014", "", "039014"),
        ("039014", "", "039014"),
        ("39014.0", "", "039014"),
        ("", "Sant’Agata sul Santerno", "039017"),
        ("", "sant'agata sul santerno", "039017"),
        ("", "SANT`AGATA SUL SANTERNO", "039017"),
        ("", "Santagata sul Santerno", "039017"),
        ("", "  casola   valsenio ", "039005"),
        ("39017", "Sant’Agata sul Santerno", "039017"),
    ],
)
def test_comuni_match_codes_and_names_loosely(code, name, expected):
    found, problem = importers.resolve_comune(code, name)
    assert problem is None and found.code == expected


def test_sample_file_is_valid_and_every_point_is_in_its_comune():
    data = (ROOT / "data" / "servizi_esempio.csv").read_bytes()
    report = importers.validate("services", "servizi_esempio.csv", data)
    assert report.ok and not report.warnings  # no point in another comune
    assert report.rows["esempio"].all()
    assert report.rows["codice"].nunique() == 18
    assert report.rows["tipo"].nunique() >= 8
    assert report.rows["nome"].str.contains("esempio").all()


def test_fast_point_lookup_agrees_with_territory_comune_at():
    import random

    from cantiere import territory

    rng = random.Random(7)
    for _ in range(300):
        lat, lon = rng.uniform(44.05, 44.65), rng.uniform(11.55, 12.45)
        expected = territory.comune_at(lat, lon)
        assert importers.comune_at(lat, lon) == expected


def test_a_failure_half_way_through_storing_leaves_nothing(fresh_store):
    from cantiere.store import StoreError

    report = importers.validate("services", "servizi.csv", GOOD)
    rows = report.rows.copy()
    rows.loc[3, "nome"] = None  # the database refuses the 4th row (NOT NULL)
    with pytest.raises(StoreError) as caught:
        datasets.add(fresh_store, "services", "servizi.csv", "", rows)
    assert "non è stato salvato nulla" in caught.value.message("it")
    assert datasets.count_rows(fresh_store) == {"datasets": 0, "services": 0, "indicators": 0, "definitions": 0}


def test_unknown_columns_are_reported_as_warnings(fresh_store):
    data = csv_bytes("nome;tipo;comune;posti;note interne\nNido A;nido;Ravenna;30;da verificare\n")
    report = load(fresh_store, "services", "servizi.csv", data)
    assert "Colonne non riconosciute, ignorate: note interne" in messages(report)
    assert report.ok
