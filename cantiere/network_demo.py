"""The demo history of a district, so a newcomer sees the whole cycle: two past
workshops of the Bassa Romagna (Lugo district), 2024 and 2025, labelled as
examples, a few example organisations and five pacts born there at different
stages. Everything is flagged ``is_demo`` and named «esempio»: no figure here
is real. Created once, on a database with no organisations and no pacts;
a handful of inserts, no ballots (keeps the first start fast).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from cantiere import areas, pacts
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import network as ndb
from cantiere.store import workshops as wdb

DISTRICT = "Lugo"
ORGANISATIONS = [
    # name, kind, comuni (ISTAT), fields, services, contact role
    (
        "Coop. sociale Il Ponte (esempio)",
        "cooperativa_sociale",
        ["039012", "039002"],
        ["anziani", "disabilita"],
        ["Assistenza domiciliare Lugo (esempio)"],
        "Ufficio progettazione",
    ),
    (
        "Associazione Famiglie in Rete (esempio)",
        "associazione",
        ["039012", "039009"],
        ["famiglie_minori"],
        [],
        "Segreteria",
    ),
    (
        "Comune di Lugo (esempio)",
        "comune",
        ["039012"],
        ["anziani", "famiglie_minori", "casa"],
        [],
        "Servizi sociali, ufficio di piano",
    ),
    (
        "Unione dei Comuni della Bassa Romagna (esempio)",
        "unione",
        ["039001", "039002", "039003", "039008", "039009", "039011", "039012", "039013", "039017"],
        ["poverta", "casa", "lavoro"],
        [],
        "Ufficio di piano",
    ),
    (
        "AUSL Romagna, distretto di Lugo (esempio)",
        "ausl_asp",
        ["039012"],
        ["salute_mentale", "dipendenze"],
        [],
        "Direzione di distretto",
    ),
    (
        "Emporio solidale Bassa Romagna (esempio)",
        "altro_terzo_settore",
        ["039012", "039001"],
        ["poverta"],
        [],
        "Coordinamento volontari",
    ),
]
WORKSHOPS = [
    (
        2024,
        "[ESEMPIO] Laboratorio Bassa Romagna 2024",
        [
            ("Sollievo per chi assiste un anziano a casa", "anziani", ["039012", "039002"]),
            ("Spazi per adolescenti il pomeriggio", "famiglie_minori", ["039012"]),
            ("Casa: affitti accessibili per famiglie fragili", "casa", ["039012", "039009"]),
        ],
    ),
    (
        2025,
        "[ESEMPIO] Laboratorio Bassa Romagna 2025",
        [
            ("Trasporto sociale verso i servizi sanitari", "anziani", ["039001", "039012"]),
            ("Spesa solidale e orientamento al lavoro", "poverta", ["039012", "039001"]),
            ("Affitti: garanzie per chi cerca casa", "casa", ["039012"]),
        ],
    ),
]
# (workshop year, priority index, lead, partners, status, progress, milestones, budget, funding)
PACTS = [
    (
        2024,
        0,
        0,
        [2, 4],
        "concluso",
        100,
        [
            ("Avvio dei turni di sollievo", date(2024, 9, 1), True),
            ("Bilancio con le famiglie", date(2025, 3, 31), True),
        ],
        60000,
        [("Fondo regionale per la non autosufficienza", 45000), ("Cofinanziamento della cooperativa", 15000)],
    ),
    (
        2024,
        1,
        1,
        [2, 0],
        "in_corso",
        55,
        [
            ("Apertura del primo spazio", date(2025, 2, 1), True),
            ("Secondo spazio a Bagnacavallo", date(2026, 1, 15), False),
        ],
        30000,
        [("Bando regionale giovani", 30000)],
    ),
    (
        2024,
        2,
        3,
        [2, 1],
        "sospeso",
        20,
        [("Censimento degli alloggi sfitti", date(2024, 12, 1), True), ("Prime garanzie", date(2025, 6, 30), False)],
        80000,
        [("Fondo affitti", 80000)],
    ),
    (
        2025,
        0,
        3,
        [0, 4],
        "sottoscritto",
        10,
        [("Mappa dei percorsi", date(2025, 11, 30), True), ("Avvio del servizio", date(2026, 4, 1), False)],
        40000,
        [("Piano di Zona", 25000), ("Fondazione bancaria (esempio)", 15000)],
    ),
    (
        2025,
        1,
        5,
        [3, 1],
        "proposto",
        0,
        [
            ("Accordo con i supermercati", date(2026, 2, 1), False),
            ("Apertura dello sportello lavoro", date(2026, 6, 1), False),
        ],
        None,
        [],
    ),
]


def first_start(store: Store) -> wdb.Workshop | None:
    """On an empty database: the district's history first, then the demo
    workshop (``workshop.ensure_demo``), which becomes the district's next
    workshop and, created last, comes first in the lists. Otherwise nothing."""
    if wdb.count_workshops(store):
        return None
    ensure_demo(store)
    demo = w.create_demo(store, w.Actor(w.Role.FACILITATOR, "first-start"))
    areas.set_workshop_place(store, w.Actor(w.Role.FACILITATOR, "demo"), demo.id, DISTRICT, 2026)
    return demo


def ensure_demo(store: Store, current: wdb.Workshop | None = None) -> bool:
    """Create the demo history on a database with no organisations and no pacts;
    ``current`` (the demo workshop, if any) becomes the district's next workshop.
    Returns whether anything was created."""
    if ndb.count_organisations(store) or ndb.list_pacts(store):
        return False
    actor = w.Actor(w.Role.FACILITATOR, "demo")
    network_rows = [
        {
            "name": name,
            "kind": kind,
            "comuni": comuni,
            "fields": fields,
            "services": services,
            "contact_role": role,
            "source": "dati di esempio",
            "is_demo": True,
        }
        for name, kind, comuni, fields, services, role in ORGANISATIONS
    ]
    ndb.upsert_organisations(store, network_rows)
    by_name = {o.name: o.id for o in ndb.list_organisations(store)}
    org_ids = [by_name[row[0]] for row in ORGANISATIONS]
    made = {}
    for year, title, priorities in WORKSHOPS:
        rows = [{"title": t, "comuni": c} for t, _, c in priorities]
        ws = w.create_workshop(
            store,
            actor,
            title,
            "Laboratorio di esempio: la storia di un distretto.",
            rows,
            phase="chiuso",
            is_demo=True,
        )
        areas.set_workshop_place(store, actor, ws.id, DISTRICT, year)
        ndb.backdate_workshop(
            store, ws.id, datetime(year, 11, 15, 17, 0, tzinfo=UTC)
        )  # past: listed after the live demo
        saved = wdb.list_priorities(store, ws.id)
        for priority, (_, area, _) in zip(saved, priorities):
            areas.set_priority_area(store, actor, priority.id, area)
        made[year] = (ws, saved, priorities)
    for year, index, lead, partners, status, progress, milestones, budget, funding in PACTS:
        ws, saved, priorities = made[year]
        _, area, comuni = priorities[index]
        pacts.create_pact(
            store,
            actor,
            pacts.Draft(
                title=saved[index].title,
                lead_id=org_ids[lead],
                partners=[
                    {"organisation_id": org_ids[p], "commitment": "Personale e spazi (esempio)"} for p in partners
                ],
                comuni=comuni,
                area=area,
                district=DISTRICT,
                target_group=area,
                budget=budget,
                funding=[{"source": s, "amount": a} for s, a in funding],
                milestones=[{"title": t, "due": d, "done": done} for t, d, done in milestones],
                status=status,
                progress=progress,
                workshop_id=ws.id,
                priority_id=saved[index].id,
                is_demo=True,
            ),
        )
    if current is not None:
        areas.set_workshop_place(store, actor, current.id, DISTRICT, 2026)
    return True
