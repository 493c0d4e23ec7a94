"""Regenerate data/servizi_esempio.csv: invented services ("dati di esempio").

Deterministic (fixed seed). Every point is checked with territory.comune_at to
fall inside its declared comune. Run: python tools/make_sample_services.py
"""

import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cantiere import services, territory  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "data" / "servizi_esempio.csv"
# approximate centre of each comune's main town (lat, lon)
CENTRES = {
    "039001": (44.5050, 12.0430),
    "039002": (44.4170, 11.9770),
    "039003": (44.3880, 11.8290),
    "039004": (44.2220, 11.7720),
    "039005": (44.2250, 11.6240),
    "039006": (44.3200, 11.7990),
    "039007": (44.2600, 12.3500),
    "039008": (44.5150, 11.8290),
    "039009": (44.3860, 11.9380),
    "039010": (44.2856, 11.8830),
    "039011": (44.4660, 11.9560),
    "039012": (44.4200, 11.9110),
    "039013": (44.4480, 11.8200),
    "039014": (44.4175, 12.2000),
    "039015": (44.2760, 11.7270),
    "039016": (44.3760, 12.0330),
    "039017": (44.4430, 11.8620),
    "039018": (44.3590, 11.8460),
}
BIG = {"039014": 3, "039010": 2, "039012": 2, "039007": 2}  # extra copies in larger towns
STREETS = [
    "Via Roma",
    "Via Garibaldi",
    "Via Mazzini",
    "Via Matteotti",
    "Via Cavour",
    "Via XX Settembre",
    "Via della Repubblica",
    "Via Dante Alighieri",
    "Via Marconi",
    "Via Gramsci",
    "Viale della Stazione",
]
NAMES = [
    "Il Girasole",
    "Arcobaleno",
    "Il Melograno",
    "La Quercia",
    "Il Faro",
    "La Rondine",
    "Il Ponte",
    "La Coccinella",
    "Il Glicine",
    "La Bussola",
    "Il Mulino",
    "La Pineta",
    "Il Germoglio",
    "La Fenice",
]
OPERATORS = [
    ("Cooperativa sociale Esempio Uno", "cooperativa"),
    ("Cooperativa sociale Esempio Due", "cooperativa"),
    ("Consorzio di cooperative Esempio", "cooperativa"),
    ("Comune (esempio)", "pubblico"),
    ("ASP del distretto (esempio)", "pubblico"),
    ("Associazione Esempio", "altro"),
]
# places per 100 of the target group a comune's services add up to (plausible
# ranges; spread so that the gap map shows every class)
SHARE = {"Nido d'infanzia": (12, 50), "Casa Residenza Anziani (CRA)": (1.5, 5), "Assistenza domiciliare": (1, 4)}
# type label, places range, in every comune?, towns where present otherwise
TYPES = [
    ("Nido d'infanzia", (20, 60), True),
    ("Casa Residenza Anziani (CRA)", (30, 90), True),
    ("Centro diurno anziani", (12, 25), False),
    ("Assistenza domiciliare", (20, 120), True),
    ("Sportello sociale", None, True),
    ("Centro socio-riabilitativo residenziale per disabili", (10, 25), False),
    ("Centro socio-riabilitativo diurno per disabili", (15, 30), False),
    ("Comunità per minori", (6, 10), False),
    ("Centro per le famiglie", None, False),
    ("Accoglienza adulti in difficoltà", (10, 40), False),
]
ONLY_IN = {
    "Centro diurno anziani": {
        "039014",
        "039010",
        "039012",
        "039007",
        "039016",
        "039002",
        "039001",
        "039013",
        "039004",
        "039006",
    },
    "Centro socio-riabilitativo residenziale per disabili": {"039014", "039010", "039012"},
    "Centro socio-riabilitativo diurno per disabili": {"039014", "039010", "039012", "039007", "039002"},
    "Comunità per minori": {"039014", "039010", "039012"},
    "Centro per le famiglie": {"039014", "039010", "039012"},
    "Accoglienza adulti in difficoltà": {"039014", "039010", "039012"},
}


def point_in(code: str, rng: random.Random) -> tuple[float, float]:
    lat0, lon0 = CENTRES[code]
    for spread in (0.006, 0.004, 0.002, 0.0):
        for _ in range(20):
            lat, lon = round(lat0 + rng.uniform(-spread, spread), 5), round(lon0 + rng.uniform(-spread, spread), 5)
            found = territory.comune_at(lat, lon)
            if found is not None and found.code == code:
                return lat, lon
    raise SystemExit(f"no point inside {code}")


def main() -> None:
    rng = random.Random(39)
    rows = []
    for c in territory.comuni():
        for label, places, everywhere in TYPES:
            if not everywhere and c.code not in ONLY_IN.get(label, set()):
                continue
            copies = 1 + (BIG.get(c.code, 0) if label in ("Nido d'infanzia", "Casa Residenza Anziani (CRA)") else 0)
            if label == "Casa Residenza Anziani (CRA)" and c.code in {"039003", "039018"}:
                continue  # small comuni without a CRA: the gap map shows them
            share = SHARE.get(label)
            if share:
                demand = services.target_population(services.match_type(label)).loc[c.code]
                total = max(6, round(demand * rng.uniform(*share) / 100))
            for _ in range(copies):
                lat, lon = point_in(c.code, rng)
                if share:
                    places = (max(5, total // copies),) * 2
                operator, kind = rng.choice(OPERATORS)
                rows.append(
                    {
                        "nome": f"{label.split(' (')[0]} {rng.choice(NAMES)} (esempio)",
                        "tipo": label,
                        "codice_istat": c.code,
                        "comune": c.name,
                        "indirizzo": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
                        "latitudine": lat,
                        "longitudine": lon,
                        "posti": rng.randint(*places) if places else "",
                        "gestore": operator,
                        "tipo_gestore": kind,
                        "dati_di_esempio": "sì",
                    }
                )
    # names must be unique within comune and type: number repeats
    seen = {}
    for row in rows:
        key = (row["nome"], row["codice_istat"])
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            row["nome"] = row["nome"].replace(" (esempio)", f" {seen[key]} (esempio)")
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} sample services written to {OUT}")


if __name__ == "__main__":
    main()
