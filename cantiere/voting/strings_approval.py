"""Strings of approval voting ("approvazione"): its name, rules, errors, explanations, chart, phone screen and form.

Kept next to ``approval.py``; ``cantiere.i18n`` merges them into the translation table.
"""

STRINGS = {
    "vote.method.approval": {"it": "Approvazione", "en": "Approval"},
    "vote.method.approval.help": {
        "it": "Ogni partecipante segna tutte le priorità che approva; vince quella approvata da più persone.",
        "en": "Each participant ticks every priority they approve of; the most approved wins.",
    },
    "vote.error.too_many_approvals": {
        "it": "Hai scelto {used} priorità ma se ne possono scegliere al massimo {max_approvals}: togline qualcuna.",
        "en": "You picked {used} priorities but at most {max_approvals} are allowed: remove some.",
    },
    "vote.explain.approval": {
        "it": "Schede: {n}. Ogni partecipante ha approvato le priorità che condivide; conta quante persone approvano ciascuna.",
        "en": "Ballots: {n}. Each participant approved the priorities they share; what counts is how many people approve each.",
    },
    "vote.explain.approval_first": {
        "it": "Al primo posto {title}, approvata da {votes} partecipanti ({share}%).",
        "en": "First: {title}, approved by {votes} participants ({share}%).",
    },
    "vote.chart.approval.title": {"it": "Approvazioni per priorità", "en": "Approvals per priority"},
    "vote.chart.approval.axis": {"it": "Partecipanti che approvano", "en": "Participants approving"},
    "metodi.param.max_approvals": {"it": "Massimo di priorità approvabili", "en": "Most priorities one may approve"},
    "metodi.params.approval_max": {
        "it": "al massimo {max} priorità approvate",
        "en": "at most {max} priorities approved",
    },
    "metodi.approval.rule": {
        "it": "Attiva tutte le priorità che approvi, poi invia.",
        "en": "Switch on every priority you approve of, then send.",
    },
    "metodi.approval.rule_max": {
        "it": "Attiva le priorità che approvi (al massimo {max}), poi invia.",
        "en": "Switch on the priorities you approve of (at most {max}), then send.",
    },
    "metodi.approval.toggle": {"it": "Approvo", "en": "I approve"},
    "metodi.approval.count": {"it": "Priorità approvate: {n}", "en": "Priorities approved: {n}"},
    "risultati.col.share": {"it": "Quota di approvazione", "en": "Approval share"},
    "vote.method.approval.tie": {
        "it": "Parità: le priorità con le stesse approvazioni restano alla pari, nella stessa posizione; nessun sorteggio.",
        "en": "Ties: priorities with the same approvals stay level, in the same place; nothing is drawn by lot.",
    },
}
