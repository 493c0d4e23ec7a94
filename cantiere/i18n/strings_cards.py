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
    "cards.error.pin_locked": {
        "it": "Troppi PIN sbagliati per questo laboratorio: riprova tra {minutes} minuti, "
        "o chiedi al facilitatore di entrare con la password.",
        "en": "Too many wrong PINs for this workshop: try again in {minutes} minutes, "
        "or ask the facilitator to log in with the password.",
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
    # --- the Schede cartacee page ------------------------------------------------------
    "nav.schede": {"it": "Schede cartacee", "en": "Paper cards"},
    "cards.page.intro": {
        "it": "Per chi non vota con il telefono: inserisci le schede cartacee, o vota insieme a una persona "
        "con la sua scheda. Ogni scheda conta una volta sola, nello stesso conteggio dei telefoni.",
        "en": "For those who do not vote by phone: enter paper cards, or vote together with a person "
        "through their card. Each card counts once, in the same tally as the phones.",
    },
    "cards.page.workshop_code": {"it": "Codice del laboratorio", "en": "Workshop code"},
    "cards.page.pin": {"it": "PIN di aiutante (6 cifre)", "en": "Helper PIN (6 digits)"},
    "cards.page.login": {"it": "Entra", "en": "Enter"},
    "cards.page.logout": {"it": "Esci", "en": "Log out"},
    "cards.page.facilitator_hint": {
        "it": "Sei il facilitatore? Accedi dalla pagina Facilitazione con la password: qui entrerai da solo.",
        "en": "Are you the facilitator? Log in on the Facilitation page with the password: you will be let in here.",
    },
    "cards.page.as_facilitator": {"it": "Stai inserendo come facilitatore.", "en": "Entering as facilitator."},
    "cards.page.as_helper": {"it": "Stai inserendo come «{label}».", "en": "Entering as “{label}”."},
    "cards.page.no_round": {
        "it": "Nessuna votazione aperta in questo momento: le schede si inseriscono mentre la votazione è aperta.",
        "en": "No voting round is open now: cards are entered while the round is open.",
    },
    "cards.page.not_on_paper": {
        "it": "La votazione aperta usa un metodo che non si fa su carta.",
        "en": "The open round uses a method that cannot be done on paper.",
    },
    "cards.page.mode": {"it": "Che cosa fai", "en": "What you do"},
    "cards.mode.paper": {"it": "Inserisco schede cartacee", "en": "Entering paper cards"},
    "cards.mode.assisted": {"it": "Voto assistito", "en": "Assisted vote"},
    "cards.mode.paper.help": {
        "it": "Copia il codice e i numeri della scheda. Tab passa al riquadro dopo, Invio salva.",
        "en": "Copy the card's code and numbers. Tab moves to the next box, Enter saves.",
    },
    "cards.mode.assisted.help": {
        "it": "Sei seduto accanto a una persona: leggi ad alta voce ogni priorità e segna quello che sceglie "
        "lei. Usa il codice della sua scheda. Dopo il salvataggio lo schermo si svuota per la persona successiva.",
        "en": "You sit beside a person: read each priority aloud and mark what they choose. Use their card's "
        "code. After saving, the screen is emptied for the next person.",
    },
    "cards.page.counts": {
        "it": "Schede inserite in questa votazione: {entered} su {printed} stampate.",
        "en": "Cards entered in this round: {entered} of {printed} printed.",
    },
    "cards.page.mismatches": {
        "it": "{n} schede inserite due volte con voti diversi: ricontrolla la scheda di carta. Conta il primo "
        "inserimento, mai tutti e due.",
        "en": "{n} cards entered twice with different votes: check the paper card again. The first entry "
        "counts, never both.",
    },
    "cards.entry.code": {"it": "Codice della scheda", "en": "Card code"},
    "cards.entry.box": {"it": "Riquadro", "en": "Box"},
    "cards.entry.crossed": {"it": "Crocetta", "en": "Crossed"},
    "cards.entry.axis.importance": {"it": "Importanza", "en": "Importance"},
    "cards.entry.axis.feasibility": {"it": "Fattibilità", "en": "Feasibility"},
    "cards.entry.how.dots": {
        "it": "Scrivi i punti di ogni riquadro (0 se vuoto).",
        "en": "Type each box's dots (0 if empty).",
    },
    "cards.entry.how.approval": {"it": "Spunta le priorità con la crocetta.", "en": "Tick the crossed priorities."},
    "cards.entry.how.budget": {"it": "Spunta i progetti con la crocetta.", "en": "Tick the crossed projects."},
    "cards.entry.how.ranking": {
        "it": "Scrivi il numero di ogni riquadro (1, 2, 3…; 0 se vuoto).",
        "en": "Type each box's number (1, 2, 3…; 0 if empty).",
    },
    "cards.entry.how.matrix": {
        "it": "Scrivi i due numeri di ogni priorità (da 1 a 5; lascia vuoto se non c'è).",
        "en": "Type the two numbers of each priority (1 to 5; leave empty if missing).",
    },
    "cards.entry.save_paper": {"it": "Salva la scheda", "en": "Save the card"},
    "cards.entry.save_assisted": {"it": "Salva il voto di questa persona", "en": "Save this person's vote"},
    "cards.entry.next": {
        "it": "Svuota lo schermo (persona o scheda successiva)",
        "en": "Clear the screen (next person or card)",
    },
    "cards.entry.saved_paper": {
        "it": "Scheda {code} registrata. Passa alla scheda successiva.",
        "en": "Card {code} recorded. Go on with the next card.",
    },
    "cards.entry.saved_assisted": {
        "it": "Voto della scheda {code} registrato. Lo schermo è pronto per la persona successiva.",
        "en": "Vote of card {code} recorded. The screen is ready for the next person.",
    },
    "cards.entry.match": {
        "it": "Secondo inserimento della scheda {code}: coincide con il primo. Non viene contata due volte.",
        "en": "Second entry of card {code}: it matches the first. It is not counted twice.",
    },
    "cards.entry.mismatch": {
        "it": "Attenzione: la scheda {code} era già stata inserita (da {helper}) con voti DIVERSI. "
        "È segnalata al facilitatore e non viene contata due volte: conta il primo inserimento.",
        "en": "Warning: card {code} was already entered (by {helper}) with DIFFERENT votes. It is flagged "
        "to the facilitator and not counted twice: the first entry counts.",
    },
    # --- Facilitazione -----------------------------------------------------------------
    "cards.fac.section": {"it": "Schede cartacee", "en": "Paper cards"},
    "cards.fac.intro": {
        "it": "Schede di carta per chi non usa il telefono, e PIN per chi aiuta a inserirle.",
        "en": "Paper cards for those who do not use a phone, and PINs for those who help enter them.",
    },
    "cards.fac.open_page": {"it": "Apri la pagina Schede cartacee", "en": "Open the Paper cards page"},
    "cards.fac.no_round": {
        "it": "Apri una votazione per stampare le sue schede.",
        "en": "Open a voting round to print its cards.",
    },
    "cards.fac.printed": {
        "it": "Schede stampate per la votazione n. {position}: {n}.",
        "en": "Cards printed for round {position}: {n}.",
    },
    "cards.fac.how_many": {"it": "Quante schede nuove", "en": "How many new cards"},
    "cards.fac.double": {"it": "Doppio inserimento", "en": "Double entry"},
    "cards.fac.double_help": {
        "it": "Ogni scheda va inserita da due aiutanti diversi: se i voti non coincidono la scheda è segnalata. "
        "Conta sempre una volta sola.",
        "en": "Each card is entered by two different helpers: if the votes differ the card is flagged. "
        "It always counts once.",
    },
    "cards.fac.print": {"it": "Crea le schede", "en": "Create the cards"},
    "cards.fac.printed_now": {"it": "Create {n} schede nuove.", "en": "{n} new cards created."},
    "cards.fac.download": {
        "it": "Scarica le {n} schede da stampare (A4, {per_page} per pagina)",
        "en": "Download the {n} cards to print (A4, {per_page} per page)",
    },
    "cards.fac.pins": {"it": "PIN per chi aiuta", "en": "PINs for helpers"},
    "cards.fac.pin_label": {"it": "Chi aiuta (es. «Tavolo 2»)", "en": "Who helps (e.g. “Table 2”)"},
    "cards.fac.new_pin": {"it": "Crea un PIN", "en": "Create a PIN"},
    "cards.fac.pin_once": {
        "it": "PIN per «{label}»: {pin}. Comunicalo ora: non verrà più mostrato. Vale per oggi.",
        "en": "PIN for “{label}”: {pin}. Pass it on now: it will not be shown again. Valid for today.",
    },
    "cards.fac.pin_seen": {"it": "Ho annotato il PIN", "en": "I have noted the PIN"},
    "cards.fac.pin_row": {"it": "{label} · PIN n. {id} · {state}", "en": "{label} · PIN no. {id} · {state}"},
    "cards.fac.pin_active": {"it": "attivo", "en": "active"},
    "cards.fac.pin_inactive": {"it": "revocato o scaduto", "en": "revoked or expired"},
    "cards.fac.revoke": {"it": "Revoca", "en": "Revoke"},
    # --- large text on the phone ---------------------------------------------------------
    "large.toggle": {"it": "Testo grande", "en": "Large text"},
    "large.simple.dots": {
        "it": "Dai i tuoi punti alle cose più importanti per te. Poi tocca «Invia il voto».",
        "en": "Give your dots to what matters most to you. Then tap “Send my vote”.",
    },
    "large.simple.approval": {
        "it": "Accendi le cose che ti vanno bene. Poi tocca «Invia il voto».",
        "en": "Switch on what you agree with. Then tap “Send my vote”.",
    },
    "large.simple.ranking": {
        "it": "Tocca per prima la cosa più importante, poi la seconda. Poi tocca «Invia il voto».",
        "en": "Tap the most important first, then the second. Then tap “Send my vote”.",
    },
    "large.simple.budget": {
        "it": "Scegli i progetti da pagare, senza superare i soldi. Poi tocca «Invia il voto».",
        "en": "Choose the projects to pay for, within the money. Then tap “Send my vote”.",
    },
    "large.simple.pairwise": {
        "it": "Tra due cose, tocca quella più importante per te.",
        "en": "Of two things, tap the one that matters more to you.",
    },
    "large.simple.matrix": {
        "it": "Per ogni cosa: quanto è importante, quanto si può fare (da 1 a 5).",
        "en": "For each thing: how important, how doable (1 to 5).",
    },
    "cards.page.log": {
        "it": "Registro degli inserimenti di questa votazione ({n})",
        "en": "Log of this round's entries ({n})",
    },
    "cards.status.counted": {"it": "contata", "en": "counted"},
    "cards.status.match": {"it": "secondo inserimento, coincide", "en": "second entry, matches"},
    "cards.status.mismatch": {"it": "secondo inserimento, DIVERSO", "en": "second entry, DIFFERENT"},
}
