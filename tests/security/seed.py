"""Fill a database with the injection corpus in every text field a participant
or an imported file can fill (tests/security/payloads.py), before the app
starts on it. Returns what the browser test needs to open each view."""

from __future__ import annotations

from dataclasses import dataclass, field

from cantiere import importers
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.store import workshops as db
from tests.conftest import FACILITATOR_ACTOR
from tests.security.payloads import PAYLOADS, batches

FAC = w.Actor.command_line()


@dataclass
class Seeded:
    main_code: str  # the workshop with priorities and comments
    token: str  # a participant of it (profile answered)
    title_codes: list[str] = field(default_factory=list)  # one workshop per batch of titles
    listening_code: str = ""  # a workshop in ascolto with hostile proposals and pin notes
    listening_token: str = ""
    fields: dict[str, int] = field(default_factory=dict)  # field → payloads stored in it


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _spread_points(n: int) -> list[tuple[float, float, str]]:
    """``n`` points each in its own map grid cell (so every name reaches a
    tooltip of its own), each inside a comune of the province."""
    from cantiere import territory
    from cantiere.maps_services import GRID_DEG

    found = []
    for i in range(int(44.0 / GRID_DEG), int(44.9 / GRID_DEG)):
        for j in range(int(11.4 / GRID_DEG), int(12.5 / GRID_DEG)):
            lat, lon = (i + 0.5) * GRID_DEG, (j + 0.5) * GRID_DEG
            comune = territory.comune_at(lat, lon)
            if comune is not None:
                found.append((lat, lon, comune.name))
    step = max(1, len(found) // n)
    return found[::step][:n]


def services_csv() -> bytes:
    """One imported service per payload: name, address and operator all hostile."""
    lines = ["nome;tipo;comune;indirizzo;latitudine;longitudine;posti;gestore;tipo_gestore"]
    for n, (payload, (lat, lon, comune)) in enumerate(zip(PAYLOADS, _spread_points(len(PAYLOADS)))):
        payload = f"{payload} s{n}"  # distinct after normalisation (the importer refuses duplicates)
        cell = _csv_cell(payload)
        lat_text, lon_text = (f"{v:.5f}".replace(".", ",") for v in (lat, lon))
        lines.append(f"{cell};nido;{_csv_cell(comune)};{cell};{lat_text};{lon_text};10;{cell};cooperativa")
    return ("\n".join(lines) + "\n").encode("utf-8")


def indicators_csv() -> bytes:
    """One imported indicator per payload (name and source hostile)."""
    lines = ["codice_istat;indicatore;valore;fonte;anno"]
    for n, payload in enumerate(PAYLOADS):
        payload = f"{payload} i{n}"
        lines.append(f"039014;{_csv_cell(payload)};1,5;{_csv_cell(payload)};2023")
    return ("\n".join(lines) + "\n").encode("utf-8")


def seed(url: str) -> Seeded:
    store = Store(url)
    try:
        title_batches = batches(w.TITLE_MAX_CHARS)
        rows = [{"title": p, "description": p, "target_group": p} for p in PAYLOADS]
        main = w.create_workshop(store, FAC, title_batches[0], " ".join(PAYLOADS), rows, dots=5, max_per_item=3)
        rnd = w.start_voting(store, FAC, main.id, dots=5, max_per_item=3)
        priorities = db.list_priorities(store, main.id)
        voters = []
        for n in range(6):  # ≥ 5 ballots: the projector shows the results (titles)
            _, who = w.join(store, main.code)
            w.set_profile(store, who, None, None, None)
            w.cast_ballot(store, who, rnd.id, {"dots": {priorities[n].id: 3, priorities[n + 1].id: 2}})
            voters.append(who)
        for payload in PAYLOADS:  # every payload as a comment on the first priority (Partecipa shows them)
            w.add_comment(store, voters[0], priorities[0].id, payload)
        for text in batches(w.COMMENT_MAX_CHARS):  # newest: the projector's wall shows the last 12
            w.add_comment(store, voters[1], priorities[0].id, text)
        codes = [main.code]
        for text in title_batches[1:]:
            other = w.create_workshop(store, FAC, text, "", rows[:2], phase="ascolto")
            codes.append(other.code)
        importers.import_file(
            store, "services", "servizi.csv", services_csv(), actor=FACILITATOR_ACTOR, max_bytes=2**20
        )
        importers.import_file(
            store, "indicators", "indicatori.csv", indicators_csv(), actor=FACILITATOR_ACTOR, max_bytes=2**20
        )
        listening_code, listening_token = _seed_listening(store)
        n = len(PAYLOADS)
        fields = {
            "titolo proposta": n,
            "descrizione proposta": n,
            "nota segnalazione": n,
            "titolo laboratorio": n,
            "descrizione laboratorio": n,
            "titolo priorità": n,
            "descrizione priorità": n,
            "destinatari priorità": n,
            "commento": n,
            "nome servizio": n,
            "indirizzo servizio": n,
            "gestore servizio": n,
            "nome indicatore": n,
            "fonte indicatore": n,
        }
        return Seeded(
            main.code,
            voters[0].token,
            codes,
            fields=fields,
            listening_code=listening_code,
            listening_token=listening_token,
        )
    finally:
        store.close()


def _seed_listening(store: Store) -> tuple[str, str]:
    """A workshop in ascolto: every payload as a proposal title and description
    and as a pin note (a few participants, within the per-minute pin limit)."""
    from cantiere import listening, pins

    ws = w.create_workshop(store, FAC, "Ascolto", "", [{"title": "Trasporto sociale"}], phase="ascolto")
    _, first = w.join(store, ws.code)
    w.set_profile(store, first, None, None, None)
    for n, payload in enumerate(PAYLOADS):
        listening.submit_proposal(store, first, f"{payload} p{n}"[: pins.TITLE_MAX], payload)
    points = _spread_points(len(PAYLOADS))
    who = first
    for n, (payload, (lat, lon, _)) in enumerate(zip(PAYLOADS, points)):
        if n and n % pins.MAX_PINS_PER_MINUTE == 0:
            _, who = w.join(store, ws.code)
        listening.add_pin(store, who, lat, lon, "altro", payload[: pins.NOTE_MAX])
    return ws.code, first.token
