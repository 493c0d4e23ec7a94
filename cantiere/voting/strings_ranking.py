"""Strings of ranking ("classifica": Borda and Schulze): its name, rules, errors, explanations, chart, phone screen and form.

Kept next to ``ranking.py``; ``cantiere.i18n`` merges them into the translation table.
"""

STRINGS = {
    "vote.method.ranking": {"it": "Classifica", "en": "Ranking"},
    "vote.method.ranking.help": {
        "it": "Ogni partecipante mette le priorità in ordine; si mostrano il conteggio Borda e il metodo Schulze.",
        "en": "Each participant puts the priorities in order; Borda count and the Schulze method are both shown.",
    },
    "vote.error.duplicate_rank": {
        "it": "{title} compare due volte nella tua classifica: ogni priorità deve avere un solo posto.",
        "en": "{title} appears twice in your ranking: each priority takes one place only.",
    },
    "vote.error.too_many_ranked": {
        "it": "Hai messo in classifica {used} priorità ma se ne possono ordinare al massimo {max_ranked}.",
        "en": "You ranked {used} priorities but at most {max_ranked} can be ranked.",
    },
    "vote.explain.ranking": {
        "it": "Schede: {n}, con una classifica di {m} priorità. Borda: il primo posto vale {top} punti, il secondo uno in meno e così via; chi non è in classifica divide i punti rimasti. Schulze: si confrontano le priorità a due a due e vince chi batte tutte le altre, direttamente o attraverso una catena di vittorie.",
        "en": "Ballots: {n}, ranking {m} priorities. Borda: first place is worth {top} points, second one less and so on; unranked priorities share the points left. Schulze: priorities are compared two by two and the winner beats every other one, directly or through a chain of wins.",
    },
    "vote.explain.borda_first": {
        "it": "Conteggio Borda: al primo posto {title} con {points} punti.",
        "en": "Borda count: first is {title} with {points} points.",
    },
    "vote.explain.schulze_first": {
        "it": "Metodo Schulze: vince {title}.",
        "en": "Schulze method: {title} wins.",
    },
    "vote.explain.schulze_tie": {
        "it": "Metodo Schulze: parità al primo posto tra {titles}.",
        "en": "Schulze method: a tie for first place between {titles}.",
    },
    "vote.explain.condorcet": {
        "it": "{title} batte ogni altra priorità nel confronto diretto (vincitore di Condorcet).",
        "en": "{title} beats every other priority head to head (Condorcet winner).",
    },
    "vote.explain.no_condorcet": {
        "it": "Nessuna priorità batte tutte le altre nel confronto diretto: le preferenze del gruppo formano un ciclo o una parità.",
        "en": "No priority beats every other one head to head: the group's preferences form a cycle or a tie.",
    },
    "vote.explain.borda_schulze_differ": {
        "it": "Borda e Schulze non indicano la stessa prima scelta: vale la pena discuterne insieme.",
        "en": "Borda and Schulze do not agree on the first choice: worth discussing together.",
    },
    "vote.chart.ranking.title": {"it": "Classifica: punti Borda", "en": "Ranking: Borda points"},
    "vote.chart.ranking.axis": {"it": "Punti Borda", "en": "Borda points"},
    "vote.chart.schulze.title": {
        "it": "Confronti diretti: schede che preferiscono la riga alla colonna",
        "en": "Head to head: ballots preferring the row to the column",
    },
    "vote.chart.schulze.axis": {"it": "Schede", "en": "Ballots"},
    "metodi.param.max_ranked": {
        "it": "Quante priorità mettere in classifica (al massimo)",
        "en": "How many priorities to rank (at most)",
    },
    "metodi.params.ranking_max": {"it": "classifica delle prime {max}", "en": "ranking of the top {max}"},
    "metodi.ranking.rule": {
        "it": "Tocca le priorità nell'ordine che preferisci: la prima è la più importante.",
        "en": "Tap the priorities in your order of preference: the first is the most important.",
    },
    "metodi.ranking.rule_max": {
        "it": "Tocca le priorità nell'ordine che preferisci (al massimo {max}).",
        "en": "Tap the priorities in your order of preference (at most {max}).",
    },
    "metodi.ranking.your_order": {"it": "La tua classifica", "en": "Your ranking"},
    "metodi.ranking.empty": {
        "it": "Ancora vuota: tocca una priorità qui sotto.",
        "en": "Still empty: tap a priority below.",
    },
    "metodi.ranking.tap_next": {"it": "Tocca la prossima:", "en": "Tap the next one:"},
    "metodi.ranking.add": {"it": "Metti al posto {position}", "en": "Put in place {position}"},
    "metodi.ranking.up": {"it": "Sposta su", "en": "Move up"},
    "metodi.ranking.down": {"it": "Sposta giù", "en": "Move down"},
    "metodi.ranking.remove": {"it": "Togli dalla classifica", "en": "Remove from the ranking"},
    "vote.method.ranking.tie": {
        "it": "Parità: con gli stessi punti Borda le priorità restano alla pari; Schulze mette alla pari le priorità che nessun confronto separa. Nessun sorteggio.",
        "en": "Ties: priorities with the same Borda points stay level; Schulze keeps level the priorities no comparison separates. Nothing is drawn by lot.",
    },
}
