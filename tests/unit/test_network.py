"""The network register: organisations merged by tax code, CSV and 5×1000
imports (counts checked against the published file), the gap of actors, no
personal data, deleting an organisation a pact depends on refused."""

from __future__ import annotations

from collections import Counter

import pytest

from cantiere import network, pacts
from cantiere.store import network as ndb
from cantiere.workshop_errors import PermissionDeniedError
from tests import realdata
from tests.conftest import FACILITATOR_ACTOR as FAC

CINQUE = "cinque_per_mille_2022_ravenna.csv"
ORG = {"name": "Coop. La Quercia", "tax_code": "01234567890", "kind": "cooperativa_sociale", "comuni": ["Lugo"]}


def test_same_tax_code_twice_is_merged_not_duplicated(any_store):
    network.add_organisations(any_store, FAC, [ORG])
    outcome = network.add_organisations(
        any_store, FAC, [{**ORG, "name": "Cooperativa La Quercia", "comuni": ["039001"], "fields": ["anziani"]}]
    )
    (org,) = network.register(any_store)
    assert (outcome.created, outcome.merged) == (0, 1)
    assert org.name == "Cooperativa La Quercia"
    assert org.comuni == ("039012", "039001")  # Lugo kept, Alfonsine added
    assert org.fields == ("anziani",)


def test_csv_import_merges_by_tax_code_and_reads_italian_files(any_store):
    data = (
        "nome;codice_fiscale;tipo;comuni;ambiti;servizi;ruolo_contatto\n"
        "Coop. La Quercia;1234567890;cooperativa_sociale;Lugo|Sant'Agata sul Santerno;anziani|disabilita;"
        "CRA Lugo;Ufficio progettazione\n"
        "Coop. La Quercia;01234567890;cooperativa_sociale;039014;;;\n"
    ).encode("cp1252")
    outcome = network.import_csv(any_store, FAC, "rete.csv", data)
    (org,) = network.register(any_store)
    assert (outcome.created, outcome.merged) == (1, 1)
    assert org.tax_code == "01234567890"  # the leading zero a spreadsheet ate, restored
    assert org.comuni == ("039012", "039017", "039014")
    assert org.services == ("CRA Lugo",)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("X;;cooperativa_sociale;Lugo;;;mario.rossi@example.org", "non una persona"),
        ("X;;cooperativa_sociale;Lugo;;;Tel. 0545 123456", "non una persona"),
        ("X;;cooperativa_sociale;Milano;;;", "«Milano» non è un comune della provincia di Ravenna"),
        ("X;123;cooperativa_sociale;Lugo;;;", "non è un codice fiscale"),
        ("X;;cooperativa;Lugo;;;", "colonna «tipo»"),
        (";;cooperativa_sociale;Lugo;;;", "Scrivi il nome"),
    ],
)
def test_bad_rows_reject_the_file_with_row_and_reason(fresh_store, row, message):
    data = f"nome;codice_fiscale;tipo;comuni;ambiti;servizi;ruolo_contatto\n{row}\n".encode()
    with pytest.raises(network.NetworkImportError) as caught:
        network.import_csv(fresh_store, FAC, "rete.csv", data)
    assert message in caught.value.message()
    assert "riga 2" in caught.value.problems[0].text()
    assert network.register(fresh_store) == []  # a rejected file changes nothing


def test_cinque_per_mille_gives_the_network_per_comune(any_store):
    rows = realdata.rows(CINQUE)
    data = realdata.path(CINQUE).read_bytes()
    first = network.import_cinque_per_mille(any_store, FAC, CINQUE, data)
    counts = network.counts_by_comune(network.register(any_store))
    taken = [r for r in rows if r["ets_e_onlus"] or r["comuni"]]
    expected = Counter(r["codice_comune"].zfill(6) for r in taken)
    for code, name in (("039010", "FAENZA"), ("039014", "RAVENNA"), ("039012", "LUGO"), ("039005", "CASOLA VALSENIO")):
        assert counts.get(code, 0) == expected[code], name
    assert counts["039010"] == 123 and counts["039014"] == 193  # 122 + 1 and 192 + 1: ETS/ONLUS and the comune
    assert first.created == len({r["codice_fiscale"] for r in taken})
    assert first.skipped == len(rows) - len(taken)  # sports clubs and research left out, counted
    again = network.import_cinque_per_mille(any_store, FAC, CINQUE, data)
    assert (again.created, again.merged) == (0, first.created)  # merged by tax code, never duplicated
    assert ndb.count_organisations(any_store) == first.created
    kinds = Counter(o.kind for o in network.register(any_store))
    assert kinds["comune"] == 17 and kinds["cooperativa_sociale"] > 0


def test_a_file_that_is_not_the_5x1000_list_is_refused(fresh_store):
    with pytest.raises(network.NetworkImportError) as caught:
        network.import_cinque_per_mille(fresh_store, FAC, "x.csv", b"nome;comune\nA;Lugo\n")
    assert "mancano le colonne" in caught.value.message()


def test_gap_of_actors_per_field_and_comune(fresh_store):
    network.add_organisations(
        fresh_store,
        FAC,
        [
            {"name": "A", "kind": "associazione", "comuni": ["Lugo"], "fields": ["anziani"]},
            {"name": "B", "kind": "associazione", "comuni": ["Lugo"], "fields": ["anziani"]},
        ],
    )
    gap = network.actor_gap(network.register(fresh_store), "Lugo").set_index(["comune", "area"])
    assert gap.loc[("Lugo", "anziani"), "n"] == 2 and not gap.loc[("Lugo", "anziani"), "gap"]
    assert gap.loc[("Lugo", "casa"), "gap"] and gap.loc[("Fusignano", "anziani"), "gap"]
    assert set(gap.reset_index()["comune"]) == {
        "Alfonsine", "Bagnacavallo", "Bagnara di Romagna", "Conselice", "Cotignola", "Fusignano", "Lugo",
        "Massa Lombarda", "Sant'Agata sul Santerno",
    }  # fmt: skip


def _pact_with(store, lead_id, partner_id):
    return pacts.create_pact(
        store, FAC, pacts.Draft(title="Patto", lead_id=lead_id, partners=[{"organisation_id": partner_id}])
    )


def test_deleting_an_organisation_that_leads_a_pact_is_refused(any_store):
    network.add_organisations(any_store, FAC, [{"name": "Capofila", "kind": "comune"}, {"name": "Partner"}])
    lead, partner = sorted(network.register(any_store), key=lambda o: o.name)
    _pact_with(any_store, lead.id, partner.id)
    with pytest.raises(network.OrganisationInUseError) as caught:
        network.delete_organisation(any_store, FAC, lead.id)
    assert "«Capofila» è capofila del patto «Patto»" in caught.value.message()
    with pytest.raises(network.OrganisationInUseError):
        network.delete_organisation(any_store, FAC, partner.id)
    assert len(network.register(any_store)) == 2


def test_an_unused_organisation_can_be_deleted_and_only_by_the_coordinator(fresh_store):
    network.add_organisations(fresh_store, FAC, [{"name": "Sola"}])
    (org,) = network.register(fresh_store)
    with pytest.raises(PermissionDeniedError):
        network.delete_organisation(fresh_store, None, org.id)
    network.delete_organisation(fresh_store, FAC, org.id)
    assert network.register(fresh_store) == []
