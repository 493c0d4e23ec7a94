"""Strings of paper cards, assisted voting, channels and the large-text view (issue 19)."""

STRINGS = {
    "thing.helper_pin": {"it": "PIN di aiutante", "en": "helper PIN"},
    "thing.channel": {"it": "canale di voto", "en": "voting channel"},
    # --- errors ---------------------------------------------------------------
    "cards.error.bad_code": {
        "it": "Il codice «{code}» non è il codice di una scheda: ha {length} caratteri tra lettere e numeri "
        "(senza 0, O, 1, I, L). Controlla di averlo copiato bene. Non è stato salvato nulla.",
        "en": "“{code}” is not a card code: it has {length} letters and digits (no 0, O, 1, I, L). "
        "Check you copied it right. Nothing was saved.",
    },
    "cards.error.unknown": {
        "it": "Nessuna scheda ha il codice {code}. Controlla la scheda. Non è stato salvato nulla.",
        "en": "No card has the code {code}. Check the card. Nothing was saved.",
    },
    "cards.error.other_workshop": {
        "it": "La scheda {code} è di un altro laboratorio: non vale qui. Non è stato salvato nulla.",
        "en": "Card {code} belongs to another workshop: it does not count here. Nothing was saved.",
    },
    "cards.error.other_round": {
        "it": "La scheda {code} è della votazione n. {position}, non di quella aperta adesso. "
        "Non è stato salvato nulla.",
        "en": "Card {code} is for voting round {position}, not the one open now. Nothing was saved.",
    },
    "cards.error.already": {
        "it": "La scheda {code} è già stata inserita (da {helper}) con gli stessi voti: non viene contata "
        "un'altra volta. Passa alla scheda successiva.",
        "en": "Card {code} was already entered (by {helper}) with the same votes: it is not counted again. "
        "Go on with the next card.",
    },
    "cards.error.not_on_paper": {
        "it": "Le schede cartacee non si possono usare con il metodo «{method}»: scegli un altro metodo "
        "per questa votazione.",
        "en": "Paper cards cannot be used with the “{method}” method: choose another method for this round.",
    },
    "cards.error.pin_wrong": {
        "it": "PIN non valido per questo laboratorio (o non più attivo). Chiedi il PIN al facilitatore.",
        "en": "This PIN is not valid for this workshop (or no longer active). Ask the facilitator for the PIN.",
    },
    "cards.error.pin_revoked": {
        "it": "Il tuo PIN è stato revocato o è scaduto: la scheda NON è stata salvata. "
        "Chiedi un nuovo PIN al facilitatore.",
        "en": "Your PIN was revoked or has expired: the card was NOT saved. Ask the facilitator for a new PIN.",
    },
    "cards.error.how_many": {
        "it": "Si possono stampare da 1 a {max} schede alla volta.",
        "en": "You can print from 1 to {max} cards at a time.",
    },
    "cards.error.rank_repeated": {
        "it": "La posizione {position} è scritta due volte: ogni posizione si usa una volta sola "
        "(1 alla preferita, poi 2, 3…). Non è stato salvato nulla.",
        "en": "Position {position} is written twice: each position is used once "
        "(1 for the favourite, then 2, 3…). Nothing was saved.",
    },
    # --- names ----------------------------------------------------------------
    "cards.helper_default": {"it": "Aiutante", "en": "Helper"},
    "cards.helper_facilitator": {"it": "facilitatore", "en": "facilitator"},
    "cards.channel.phone": {"it": "telefono", "en": "phone"},
    "cards.channel.paper": {"it": "scheda cartacea", "en": "paper card"},
    "cards.channel.assisted": {"it": "voto assistito", "en": "assisted vote"},
    "risultati.dimension.channel": {"it": "canale di voto", "en": "voting channel"},
    # --- the rules printed on a card -----------------------------------------------
    "cards.rule.dots": {
        "it": "Hai {dots} punti. Scrivi nel riquadro quanti punti dai a ogni priorità: "
        "da 0 a {max_per_item}. In tutto non più di {dots}.",
        "en": "You have {dots} dots. Write in the box how many dots you give each priority: "
        "0 to {max_per_item}. No more than {dots} in all.",
    },
    "cards.rule.approval": {
        "it": "Fai una croce nel riquadro di ogni priorità che approvi. Puoi sceglierne quante vuoi.",
        "en": "Put a cross in the box of each priority you approve. Choose as many as you like.",
    },
    "cards.rule.approval_max": {
        "it": "Fai una croce nel riquadro delle priorità che approvi: al massimo {max}.",
        "en": "Put a cross in the box of the priorities you approve: at most {max}.",
    },
    "cards.rule.ranking": {
        "it": "Scrivi 1 nella priorità che preferisci, 2 nella seconda, e così via. Ogni numero una volta sola.",
        "en": "Write 1 by the priority you like best, 2 by the second, and so on. Each number once.",
    },
    "cards.rule.ranking_max": {
        "it": "Scrivi 1 nella priorità che preferisci, 2 nella seconda, fino a {max}. Ogni numero una volta sola.",
        "en": "Write 1 by the priority you like best, 2 by the second, up to {max}. Each number once.",
    },
    "cards.rule.budget": {
        "it": "Fai una croce sui progetti da finanziare. Il costo totale non deve superare {budget} €.",
        "en": "Put a cross by the projects to fund. The total cost must not exceed €{budget}.",
    },
    "cards.rule.matrix": {
        "it": "Per ogni priorità scrivi due numeri da 1 a 5: primo riquadro quanto è importante, "
        "secondo quanto è fattibile (1 = poco, 5 = molto). Lascia vuoto se non sai.",
        "en": "For each priority write two numbers from 1 to 5: first box how important, second how "
        "feasible (1 = a little, 5 = a lot). Leave empty if you don't know.",
    },
    # --- the printed card ---------------------------------------------------------
    "cards.print.title": {"it": "Schede di voto – {title}", "en": "Voting cards – {title}"},
    "cards.print.code": {"it": "Codice della scheda", "en": "Card code"},
    "cards.print.round": {"it": "Votazione n. {position}", "en": "Voting round {position}"},
    "cards.print.keep": {
        "it": "Consegna la scheda a chi raccoglie i voti. Il codice vale una volta sola.",
        "en": "Hand the card to whoever collects the votes. The code is valid once.",
    },
    "cards.print.twice": {
        "it": "Da inserire due volte, da due persone diverse.",
        "en": "To be entered twice, by two different people.",
    },
    # --- the minutes -----------------------------------------------------------------
    "report.channels": {"it": "Schede per canale", "en": "Ballots by channel"},
    "report.channels_hidden": {
        "it": "Suddivisione per canale non mostrata: meno di {min} schede.",
        "en": "Breakdown by channel not shown: fewer than {min} ballots.",
    },
    "report.total": {"it": "Totale", "en": "Total"},
    "report.col.channel": {"it": "Canale", "en": "Channel"},
    "report.sheet.channels": {"it": "Canali e schede", "en": "Channels and cards"},
    "report.card_repeats": {
        "it": "Schede cartacee inserite più di una volta",
        "en": "Paper cards entered more than once",
    },
    "report.card_repeat.refused": {
        "it": "ripetuta: rifiutata, non contata",
        "en": "repeated: refused, not counted",
    },
    "report.card_repeat.match": {
        "it": "secondo inserimento: coincide",
        "en": "second entry: matches",
    },
    "report.card_repeat.mismatch": {
        "it": "secondo inserimento DIVERSO: da verificare (conta il primo)",
        "en": "second entry DIFFERENT: to be checked (the first counts)",
    },
    "report.col.repeat_card": {"it": "Scheda", "en": "Card"},
    "report.col.repeat_round": {"it": "Votazione", "en": "Round"},
    "report.col.repeat_what": {"it": "Esito", "en": "Outcome"},
    "report.col.repeat_helper": {"it": "Inserita da", "en": "Entered by"},
    "report.col.repeat_first_helper": {"it": "Primo inserimento da", "en": "First entered by"},
    "report.col.repeat_when": {"it": "Quando", "en": "When"},
}
