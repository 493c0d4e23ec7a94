"""Evidence beside priorities and the data each round showed (issue 18): the
line people read, the figures frozen when picked, the record of an opening,
and the minutes that print both."""

from __future__ import annotations

import io

import openpyxl
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from cantiere import evidence, importers, indicators, report, services, territory
from cantiere import workshop as w
from cantiere.errors import UnknownNameError
from cantiere.evidence import Figure
from cantiere.store import MIGRATIONS, datasets
from cantiere.store import workshops as db
from cantiere.workshop_errors import PermissionDeniedError, PhaseError
from tests import realdata
from tests.conftest import FACILITATOR_ACTOR

FAC = w.Actor.command_line()
MEF = "mef_irpef_2024_ravenna.csv"


def test_the_line_reads_as_in_the_issue():
    figure = Figure("istat", "quota_65", "039005", 31.6, 25.9, "percent", 1, source="ISTAT", year=2023)
    assert evidence.line([figure]) == "Casola Valsenio: 31,6 % over 65, provincia 25,9 % — ISTAT 2023"
    assert evidence.line([figure], "en") == "Casola Valsenio: 31.6% aged 65+, province 25.9% — ISTAT 2023"
    assert evidence.line([]) == ""


def test_an_istat_figure_is_the_atlas_figure_of_the_comune():
    figure = evidence.figure("istat:quota_65", "Casola Valsenio")
    table = indicators.compute("comune", 2023).set_index("codice")
    assert figure.value == pytest.approx(table.loc["039005", "quota_65"])
    assert figure.province == pytest.approx(indicators.compute("provincia", 2023)["quota_65"].iloc[0])
    assert evidence.line([figure]) == (
        f"Casola Valsenio: {figure.value:.1f} % over 65, provincia {figure.province:.1f} % — ISTAT 2023".replace(
            ".", ","
        )
    )
    # two figures of the same comune name it once
    both = [figure, evidence.figure("istat:residenti", "039005")]
    assert evidence.line(both).startswith("Casola Valsenio: ")
    assert "; residenti 2.498, provincia 385.661 — ISTAT 2023" in evidence.line(both)


def test_an_imported_mef_figure_keeps_its_file_and_hash(fresh_store):
    data = realdata.path(MEF).read_bytes()
    importers.import_file(fresh_store, "indicators", MEF, data, actor=FACILITATOR_ACTOR, max_bytes=2**22)
    figure = evidence.figure(
        "importato:Reddito complessivo medio per contribuente@2024",
        "039005",
        imported=datasets.imported_indicators(fresh_store),
        definitions=datasets.indicator_definitions(fresh_store),
    )
    assert evidence.line([figure]) == (
        "Casola Valsenio: reddito complessivo medio per contribuente 23.211 €, provincia 26.351 € — MEF 2024"
    )
    assert figure.file == MEF and figure.sha256 == "8a6fe6d0bc34b165af0b776d23e885dbf67feea0d9ce9ee6e94d7daed6a0faba"


def test_a_coverage_figure_on_the_sample_says_so():
    figure = evidence.figure("copertura:nido", "039005", offer=(services.sample_services(), True))
    text = evidence.line([figure])
    assert text.startswith("Casola Valsenio: ") and "posti in «Nido d'infanzia» ogni 100 residenti di 0–2 anni" in text
    assert text.endswith("servizi: dati di esempio; popolazione ISTAT 2023")
    assert evidence.versions([figure])["datasets"] == [{"id": None, "file": "servizi_esempio.csv", "sample": True}]


def test_unknown_choices_and_comuni_explain_themselves():
    with pytest.raises(UnknownNameError):
        evidence.figure("istat:quota_99", "039005")
    with pytest.raises(evidence.EvidenceError) as caught:
        evidence.figure("istat:quota_65", "Bologna")
    assert "Casola Valsenio" in caught.value.message("it")
    assert "istat:quota_65" in evidence.choices() and "copertura:cra" in evidence.choices()


def test_a_figure_survives_the_json_of_a_priority():
    figure = Figure(
        "importato",
        "importato:X@2024",
        "039014",
        1.5,
        None,
        "number",
        2,
        unit="€",
        name="X",
        source="MEF",
        year=2024,
        dataset=3,
        file="f.csv",
        sha256="ab",
    )
    assert Figure.from_dict(figure.to_dict()) == figure
    assert evidence.figures_of({"evidence": [figure.to_dict(), {"broken": 1}]}) == [figure]


# --- store and core -----------------------------------------------------------------------


@pytest.fixture
def workshop(fresh_store):
    ws = w.create_workshop(
        fresh_store, FAC, "Laboratorio di Casola", "", [{"title": "Trasporto per anziani"}, {"title": "Nido"}]
    )
    return fresh_store, ws, db.list_priorities(fresh_store, ws.id)


def test_a_priority_names_its_comuni_target_group_and_figures(workshop):
    store, ws, (first, _) = workshop
    figure = evidence.figure("istat:quota_65", "039005")
    saved = w.set_evidence(
        store, FAC, first.id, comuni=["039005", "Brisighella"], target_group="anziani soli", figures=[figure]
    )
    assert saved.comuni == ("Casola Valsenio", "Brisighella") and saved.target_group == "anziani soli"
    assert evidence.figures_of(db.get_priority(store, first.id).attrs) == [figure]
    assert [e.kind for e in db.list_events(store, ws.id)][-1] == "priority_details_set"


def test_evidence_rules(workshop):
    store, ws, (first, _) = workshop
    figure = evidence.figure("istat:quota_65", "039005")
    with pytest.raises(PermissionDeniedError):
        w.set_evidence(store, None, first.id, figures=[figure])
    with pytest.raises(UnknownNameError):
        w.set_evidence(store, FAC, first.id, comuni=["Bologna"])
    with pytest.raises(evidence.EvidenceError):
        w.set_evidence(store, FAC, first.id, figures=[figure] * (evidence.MAX_FIGURES + 1))
    assert evidence.figures_of(db.get_priority(store, first.id).attrs) == []
    w.change_phase(store, FAC, ws.id, "ascolto")
    w.change_phase(store, FAC, ws.id, "chiuso")
    with pytest.raises(PhaseError):
        w.set_evidence(store, FAC, first.id, figures=[figure])


def test_opening_a_round_records_the_data_it_shows(any_store):
    data = realdata.path(MEF).read_bytes()
    importers.import_file(any_store, "indicators", MEF, data, actor=FACILITATOR_ACTOR, max_bytes=2**22)
    ws = w.create_workshop(any_store, FAC, "Laboratorio", "", [{"title": "Trasporto"}, {"title": "Nido"}])
    first, second = db.list_priorities(any_store, ws.id)
    income = evidence.figure(
        "importato:Reddito complessivo medio per contribuente@2024",
        "039005",
        imported=datasets.imported_indicators(any_store),
        definitions=datasets.indicator_definitions(any_store),
    )
    w.set_evidence(any_store, FAC, first.id, figures=[evidence.figure("istat:quota_65", "039005"), income])
    rnd = w.open_new_round(any_store, FAC, ws.id, "approval", {})
    (record,) = db.list_round_data(any_store, ws.id)
    assert record.round_id == rnd.id and record.istat_year == 2023
    (file,) = record.datasets
    assert file["file"] == MEF and file["sha256"].startswith("8a6fe6d0bc34b165") and file["year"] == 2024
    # a round on the second priority only shows no imported file
    w.close_round(any_store, FAC, rnd.id)
    w.open_new_round(any_store, FAC, ws.id, "approval", {"items": [second.id]})
    assert db.list_round_data(any_store, ws.id)[-1].datasets == ()


def test_the_minutes_print_the_evidence_and_the_data_of_each_round(fresh_store):
    data = realdata.path(MEF).read_bytes()
    importers.import_file(fresh_store, "indicators", MEF, data, actor=FACILITATOR_ACTOR, max_bytes=2**22)
    ws = w.create_workshop(fresh_store, FAC, "Laboratorio", "", [{"title": "Trasporto"}, {"title": "Nido"}])
    first, _ = db.list_priorities(fresh_store, ws.id)
    income = evidence.figure(
        "importato:Reddito complessivo medio per contribuente@2024",
        "039005",
        imported=datasets.imported_indicators(fresh_store),
        definitions=datasets.indicator_definitions(fresh_store),
    )
    w.set_evidence(fresh_store, FAC, first.id, figures=[evidence.figure("istat:quota_65", "039005"), income])
    w.open_new_round(fresh_store, FAC, ws.id, "approval", {})
    workshop = db.get_workshop(fresh_store, ws.id)
    line = evidence.line_of(db.get_priority(fresh_store, first.id).attrs)
    html = report.render(fresh_store, workshop, "report").decode("utf-8")
    assert "Dati a sostegno" in html and line.replace("'", "&#x27;") in html
    assert "Dati mostrati in ogni votazione" in html and "Votazione n. 1, aperta il" in html
    assert "File «mef_irpef_2024_ravenna.csv» (dataset n. 1, SHA-256 8a6fe6d0bc34b165…)" in html.replace("&#x27;", "'")
    assert "Popolazione ISTAT al 1° gennaio 2023" in html
    book = openpyxl.load_workbook(io.BytesIO(report.render(fresh_store, workshop, "report-xlsx")))
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert line in cells
    assert any(c.startswith("File «mef_irpef_2024_ravenna.csv»") for c in cells)


def test_the_migration_goes_down_and_up(fresh_store):
    tables = {"indicator_defs", "round_data_versions"}
    assert tables <= set(sa.inspect(fresh_store.engine).get_table_names())
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = fresh_store.engine
    command.downgrade(config, "0012_data@0002_datasets")
    inspector = sa.inspect(fresh_store.engine)
    assert not tables & set(inspector.get_table_names())
    assert "sha256" not in {c["name"] for c in inspector.get_columns("datasets")}
    command.upgrade(config, "heads")
    assert tables <= set(sa.inspect(fresh_store.engine).get_table_names())


def test_territory_facts_behind_the_example():
    """The example line of the issue is illustrative; the real 2023 figure is what the app shows."""
    assert territory.comune("039005").name == "Casola Valsenio"
