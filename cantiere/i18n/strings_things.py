"""Names of things that error messages mention ("Non trovato: {what} n. 7",
"Valore non valido per «{kind}»"): errors carry these keys, never an Italian
noun, and the message is put together in the reader's language."""

STRINGS = {
    "thing.age_band": {"it": "fascia d'età", "en": "age band"},
    "thing.chart": {"it": "grafico", "en": "chart"},
    "thing.class_count": {"it": "numero di classi", "en": "number of classes"},
    "thing.classification_scheme": {"it": "schema di classificazione", "en": "classification scheme"},
    "thing.clustering": {"it": "raggruppamento", "en": "grouping"},
    "thing.comment": {"it": "commento", "en": "comment"},
    # comune: an Italian administrative term with no exact English twin (README glossary)
    "thing.comune": {"it": "comune", "en": "comune"},
    "thing.data_kind": {"it": "tipo di dati", "en": "kind of data"},
    "thing.dimension": {"it": "dimensione", "en": "breakdown"},
    "thing.district": {"it": "distretto", "en": "district"},
    "thing.figure": {"it": "dato", "en": "figure"},
    "thing.file_format": {"it": "formato di file", "en": "file format"},
    "thing.format": {"it": "formato", "en": "format"},
    "thing.indicator": {"it": "indicatore", "en": "indicator"},
    "thing.level": {"it": "livello", "en": "level"},
    "thing.map_mode": {"it": "modalità della mappa (CANTIERE_MAP_MODE)", "en": "map mode (CANTIERE_MAP_MODE)"},
    "thing.operator_kind": {"it": "tipo di gestore", "en": "kind of operator"},
    "thing.pin": {"it": "segnalazione", "en": "pin"},
    "thing.population_group": {"it": "gruppo di popolazione", "en": "population group"},
    "thing.priority": {"it": "priorità", "en": "priority"},
    "thing.proposal": {"it": "proposta", "en": "proposal"},
    "thing.role": {"it": "ruolo", "en": "role"},
    "thing.round": {"it": "votazione", "en": "voting round"},
    "thing.service_type": {"it": "tipo di servizio", "en": "service type"},
    "thing.voting_method": {"it": "metodo di voto", "en": "voting method"},
    "thing.workshop": {"it": "laboratorio", "en": "workshop"},
    "thing.year": {"it": "anno", "en": "year"},
}
