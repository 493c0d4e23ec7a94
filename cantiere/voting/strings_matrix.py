"""Strings of the importance × feasibility matrix ("matrice"): its name, rules, errors, explanations, chart, phone screen and form.

Kept next to ``matrix.py``; ``cantiere.i18n`` merges them into the translation table.
"""

STRINGS = {
    "vote.method.matrix": {"it": "Matrice importanza × fattibilità", "en": "Importance × feasibility matrix"},
    "vote.method.matrix.help": {
        "it": "Per ogni priorità si danno due voti da 1 a 5: quanto è importante e quanto è fattibile.",
        "en": "Each priority gets two marks from 1 to 5: how important and how feasible it is.",
    },
    "vote.error.rating_axes": {
        "it": "Per {title} servono due voti: importanza e fattibilità.",
        "en": "{title} needs two marks: importance and feasibility.",
    },
    "vote.error.rating_range_importance": {
        "it": "L'importanza di {title} è {value}: usa un numero intero da {low} a {high}.",
        "en": "The importance of {title} is {value}: use a whole number from {low} to {high}.",
    },
    "vote.error.rating_range_feasibility": {
        "it": "La fattibilità di {title} è {value}: usa un numero intero da {low} a {high}.",
        "en": "The feasibility of {title} is {value}: use a whole number from {low} to {high}.",
    },
    "vote.explain.matrix": {
        "it": "Schede: {n}. Per ogni priorità, media e dispersione (deviazione standard) dei voti da 1 a 5 su importanza e fattibilità; una media da {midpoint} in su è «alta». L'ordine segue la media dei due voti.",
        "en": "Ballots: {n}. For each priority, mean and spread (standard deviation) of the 1–5 marks for importance and feasibility; a mean of {midpoint} or more is “high”. The order follows the average of the two marks.",
    },
    "vote.explain.matrix_first": {
        "it": "Al primo posto {title}: importanza {importance}, fattibilità {feasibility}.",
        "en": "First: {title}: importance {importance}, feasibility {feasibility}.",
    },
    "vote.explain.matrix_priority": {
        "it": "Importanti e fattibili ({count}): {titles}.",
        "en": "Important and feasible ({count}): {titles}.",
    },
    "vote.explain.matrix_no_priority": {
        "it": "Nessuna priorità è, in media, sia importante sia fattibile.",
        "en": "No priority is, on average, both important and feasible.",
    },
    "vote.explain.matrix_unrated": {
        "it": "Nessuno ha valutato: {titles}.",
        "en": "Nobody rated: {titles}.",
    },
    "vote.quadrant.priority": {"it": "Priorità: importanti e fattibili", "en": "Priorities: important and feasible"},
    "vote.quadrant.challenge": {"it": "Sfide: importanti ma difficili", "en": "Challenges: important but hard"},
    "vote.quadrant.quick_win": {
        "it": "A portata di mano: fattibili, meno importanti",
        "en": "Quick wins: feasible, less important",
    },
    "vote.quadrant.later": {"it": "Da rinviare", "en": "For later"},
    "vote.chart.matrix.title": {"it": "Importanza × fattibilità", "en": "Importance × feasibility"},
    "vote.chart.matrix.x": {"it": "Fattibilità (media 1–5)", "en": "Feasibility (mean 1–5)"},
    "vote.chart.matrix.y": {"it": "Importanza (media 1–5)", "en": "Importance (mean 1–5)"},
    "vote.chart.matrix.spread": {"it": "Dispersione (dev. std.)", "en": "Spread (std. dev.)"},
    "metodi.params.matrix": {"it": "importanza e fattibilità da 1 a 5", "en": "importance and feasibility from 1 to 5"},
    "metodi.matrix.rule": {
        "it": "Per ogni priorità: quanto è importante e quanto è fattibile (1 = poco, 5 = molto). Lascia vuoto se non sai.",
        "en": "For each priority: how important and how feasible (1 = little, 5 = a lot). Leave blank if you don't know.",
    },
    "metodi.matrix.importance": {"it": "Importanza", "en": "Importance"},
    "metodi.matrix.feasibility": {"it": "Fattibilità", "en": "Feasibility"},
    "vote.method.matrix.tie": {
        "it": "Parità: le priorità con la stessa media di importanza e fattibilità restano alla pari, nella stessa posizione; nessun sorteggio.",
        "en": "Ties: priorities with the same mean of importance and feasibility stay level, in the same place; nothing is drawn by lot.",
    },
    "vote.score.matrix": {"it": "Media di importanza e fattibilità", "en": "Mean of importance and feasibility"},
}
