"""Strings of dot voting ("punti"): its name, rules, errors, explanations, chart, phone screen and form.

Kept next to ``dots.py``; ``cantiere.i18n`` merges them into the translation table.
"""

STRINGS = {
    "vote.method.dots": {"it": "Punti (dot voting)", "en": "Dots (dot voting)"},
    "vote.method.dots.help": {
        "it": "Ogni partecipante distribuisce un numero fisso di punti, con un massimo per priorità.",
        "en": "Each participant spreads a fixed number of dots, with a cap per priority.",
    },
    "vote.error.max_over_dots": {
        "it": "Il massimo di punti per priorità ({max_per_item}) supera i punti a disposizione ({dots}).",
        "en": "The maximum dots per priority ({max_per_item}) exceeds the dots available ({dots}).",
    },
    "vote.error.dots_not_count": {
        "it": "I punti assegnati a una priorità devono essere un numero intero da 0 in su.",
        "en": "The dots given to a priority must be a whole number from 0 up.",
    },
    "vote.error.dots_per_item": {
        "it": "Puoi dare al massimo {max_per_item} punti a ciascuna priorità.",
        "en": "You can give at most {max_per_item} dots to each priority.",
    },
    "vote.error.dots_over_budget": {
        "it": "Hai usato {used} punti ma ne hai a disposizione {dots}: togline qualcuno.",
        "en": "You used {used} dots but you have {dots}: remove some.",
    },
    "vote.explain.dots": {
        "it": "Schede: {n}. Ogni partecipante aveva {dots} punti, al massimo {max_per_item} per priorità; conta la somma dei punti.",
        "en": "Ballots: {n}. Each participant had {dots} dots, at most {max_per_item} per priority; the total of dots counts.",
    },
    "vote.explain.dots_first": {
        "it": "Al primo posto {title} con {points} punti da {supporters} partecipanti.",
        "en": "First: {title} with {points} dots from {supporters} participants.",
    },
    "vote.chart.dots.title": {"it": "Punti per priorità", "en": "Dots per priority"},
    "vote.chart.dots.axis": {"it": "Punti", "en": "Dots"},
    "metodi.params.dots": {
        "it": "{dots} punti, massimo {max_per_item} per priorità",
        "en": "{dots} dots, at most {max_per_item} per priority",
    },
    "partecipa.dots_rule": {
        "it": "Hai {dots} punti da distribuire, al massimo {max_per_item} sulla stessa priorità.",
        "en": "You have {dots} dots to spread, at most {max_per_item} on the same priority.",
    },
    "partecipa.dots_used": {"it": "Punti usati: {used} di {dots}", "en": "Dots used: {used} of {dots}"},
    "partecipa.dots_over": {
        "it": "Hai superato i punti disponibili: togline {extra}.",
        "en": "You are over your dots: remove {extra}.",
    },
    "partecipa.dots_less": {"it": "Un punto in meno a «{title}»", "en": "One dot less for “{title}”"},
    "partecipa.dots_more": {"it": "Un punto in più a «{title}»", "en": "One dot more for “{title}”"},
    "proiezione.points": {"it": "Punti", "en": "Dots"},
    "facilitazione.dots": {"it": "Punti per partecipante", "en": "Dots per participant"},
    "facilitazione.max_per_item": {"it": "Massimo punti sulla stessa priorità", "en": "Most dots on one priority"},
    "vote.method.dots.tie": {
        "it": "Parità: le priorità con gli stessi punti restano alla pari, nella stessa posizione; nessun sorteggio.",
        "en": "Ties: priorities with the same dots stay level, in the same place; nothing is drawn by lot.",
    },
}
