"""Strings of pairwise comparison ("confronto a coppie"): its name, rules, errors, explanations, chart, phone screen and form.

Kept next to ``pairwise.py``; ``cantiere.i18n`` merges them into the translation table.
"""

STRINGS = {
    "vote.method.pairwise": {"it": "Confronto a coppie", "en": "Pairwise comparison"},
    "vote.method.pairwise.help": {
        "it": "Si vedono due priorità alla volta e si sceglie la più importante (oppure «non so»).",
        "en": "Two priorities at a time: pick the more important one (or “don't know”).",
    },
    "vote.error.comparison_shape": {
        "it": "Una risposta del confronto a coppie non è valida: ricarica la pagina e riprova.",
        "en": "An answer of the pairwise comparison is not valid: reload the page and try again.",
    },
    "vote.error.same_item": {
        "it": "Un confronto deve riguardare due priorità diverse.",
        "en": "A comparison needs two different priorities.",
    },
    "vote.explain.pairwise": {
        "it": "Partecipanti: {n}; confronti decisi: {comparisons}; risposte «non so»: {skipped}. Il punteggio (modello Bradley–Terry) è la probabilità che una priorità vinca il confronto con un'altra scelta a caso.",
        "en": "Participants: {n}; comparisons decided: {comparisons}; “don't know” answers: {skipped}. The score (Bradley–Terry model) is the chance a priority wins against another one picked at random.",
    },
    "vote.explain.no_comparisons": {
        "it": "Nessun confronto deciso (solo «non so»): non c'è un risultato.",
        "en": "No comparison decided (only “don't know”): there is no result.",
    },
    "vote.explain.pairwise_first": {
        "it": "Al primo posto {title}: punteggio {score} su 100, vince nel {share}% dei suoi confronti.",
        "en": "First: {title}: score {score} out of 100, it won {share}% of its comparisons.",
    },
    "vote.chart.pairwise.title": {
        "it": "Confronto a coppie (Bradley–Terry)",
        "en": "Pairwise comparison (Bradley–Terry)",
    },
    "vote.chart.pairwise.axis": {
        "it": "Probabilità di vincere un confronto (%)",
        "en": "Chance of winning a comparison (%)",
    },
    "vote.chart.pairwise.share": {"it": "Confronti vinti (%)", "en": "Comparisons won (%)"},
    "metodi.params.pairwise": {
        "it": "due priorità alla volta, con «Non so»",
        "en": "two priorities at a time, with “Don't know”",
    },
    "metodi.pairwise.rule": {
        "it": "Quale delle due è più importante? Ogni risposta è registrata subito.",
        "en": "Which of the two matters more? Each answer is recorded at once.",
    },
    "metodi.pairwise.pick": {"it": "Questa", "en": "This one"},
    "metodi.pairwise.skip": {"it": "Non so", "en": "Don't know"},
    "metodi.pairwise.answered": {
        "it": "Confronti fatti: {n}. Puoi continuare quanto vuoi.",
        "en": "Comparisons made: {n}. Go on as long as you like.",
    },
    "metodi.pairwise.too_few": {
        "it": "Servono almeno due priorità per un confronto.",
        "en": "A comparison needs at least two priorities.",
    },
    "risultati.col.share_won": {"it": "Confronti vinti", "en": "Comparisons won"},
    "vote.method.pairwise.tie": {
        "it": "Parità: le priorità con lo stesso punteggio restano alla pari, nella stessa posizione; nessun sorteggio.",
        "en": "Ties: priorities with the same score stay level, in the same place; nothing is drawn by lot.",
    },
}
