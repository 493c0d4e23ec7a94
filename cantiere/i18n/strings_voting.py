"""Strings every voting method shares: parameter and ballot errors, degenerate rounds, chart frames.

Each method's own words live next to it, in ``cantiere/voting/strings_<name>.py``.

Explanations are read out by a facilitator: short sentences, no jargon left
unexplained. Item titles arrive already quoted («…») in ``{title}``/``{titles}``.
"""

STRINGS = {
    # --- round parameters --------------------------------------------------------
    "vote.error.params": {
        "it": "I parametri della votazione non sono coerenti.",
        "en": "The voting parameters are inconsistent.",
    },
    "vote.error.params_not_int": {
        "it": "I parametri della votazione devono essere numeri interi.",
        "en": "The voting parameters must be whole numbers.",
    },
    "vote.error.params_positive": {
        "it": "I parametri della votazione devono essere almeno 1.",
        "en": "The voting parameters must be at least 1.",
    },
    # --- ballots ---------------------------------------------------------------
    "vote.error.invalid": {
        "it": "La scheda non rispetta le regole di questa votazione.",
        "en": "The ballot breaks the rules of this round.",
    },
    "vote.error.shape": {
        "it": "La scheda non è nel formato atteso per questo metodo di voto: ricarica la pagina e riprova.",
        "en": "The ballot is not in the format this voting method expects: reload the page and try again.",
    },
    "vote.error.empty": {
        "it": "La scheda è vuota: esprimi almeno una preferenza prima di inviare.",
        "en": "The ballot is empty: express at least one preference before sending.",
    },
    "vote.error.unknown_item": {
        "it": "La priorità «{item}» non fa parte di questa votazione: ricarica la pagina per vedere l'elenco aggiornato.",
        "en": "Priority “{item}” is not part of this round: reload the page to see the current list.",
    },
    "vote.error.duplicate_item": {
        "it": "Hai indicato {title} più di una volta: ogni priorità conta una volta sola.",
        "en": "You listed {title} more than once: each priority counts once.",
    },
    # --- explanations: degenerate rounds -------------------------------------------
    "vote.explain.no_items": {
        "it": "Questa votazione non ha priorità: non c'è nulla da contare.",
        "en": "This round has no priorities: there is nothing to count.",
    },
    "vote.explain.no_ballots": {
        "it": "Nessuna scheda ancora: non c'è un risultato.",
        "en": "No ballots yet: there is no result.",
    },
    "vote.explain.single_item": {
        "it": "C'è una sola priorità ({title}): la votazione non può sceglierne una tra più.",
        "en": "There is only one priority ({title}): the round cannot choose among several.",
    },
    "vote.explain.one_ballot": {
        "it": "C'è una sola scheda: è l'opinione di una persona, non ancora del gruppo.",
        "en": "There is a single ballot: it is one person's view, not yet the group's.",
    },
    "vote.explain.two_ballots": {
        "it": "Ci sono solo due schede: il risultato dice poco, servono più partecipanti.",
        "en": "There are only two ballots: the result says little, more participants are needed.",
    },
    "vote.explain.all_tied": {
        "it": "Tutte le {n} priorità sono in parità: nessuna prevale.",
        "en": "All {n} priorities are tied: none prevails.",
    },
    "vote.explain.tie_first": {
        "it": "Parità al primo posto tra {n} priorità: {titles}.",
        "en": "A tie for first place between {n} priorities: {titles}.",
    },
    # --- charts ------------------------------------------------------------------------------
    "vote.chart.ballots": {"it": "{n} schede", "en": "{n} ballots"},
    "vote.chart.no_ballots": {"it": "Nessuna scheda ancora", "en": "No ballots yet"},
    "vote.chart.item": {"it": "Priorità", "en": "Priority"},
}
