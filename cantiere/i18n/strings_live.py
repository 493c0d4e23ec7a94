"""Strings of the live room: phones that follow the facilitator, one
participant per browser, the live facilitator page, the projector tied to a code."""

STRINGS = {
    # --- errors ---------------------------------------------------------------
    "live.error.phase_changed": {
        "it": "La fase era già cambiata (ora è «{now}»): non è stato fatto nulla. La pagina mostra lo stato attuale.",
        "en": "The phase had already changed (it is now “{now}”): nothing was done. The page shows the current state.",
    },
    "live.error.round_open": {
        "it": "C'è già una votazione aperta: chiudila prima di aprirne un'altra.",
        "en": "A vote is already open: close it before opening another one.",
    },
    # --- the phone ------------------------------------------------------------
    "live.vote_too_late": {
        "it": "La votazione a cui rispondevi è stata chiusa dal facilitatore: quel voto non è stato registrato. "
        "Ecco la schermata di adesso.",
        "en": "The vote you were answering was closed by the facilitator: that ballot was not recorded. "
        "Here is the current screen.",
    },
    "live.vote_bad": {
        "it": "Il voto inviato non è leggibile: ricarica la pagina e riprova. Non è stato registrato nulla.",
        "en": "The vote sent cannot be read: reload the page and try again. Nothing was recorded.",
    },
    "live.not_open_yet": {
        "it": "Il laboratorio non è ancora aperto. Resta su questa pagina: si aggiornerà da sola "
        "appena il facilitatore apre la partecipazione.",
        "en": "The workshop is not open yet. Stay on this page: it will update by itself "
        "as soon as the facilitator opens it.",
    },
    "live.back_to_draft": {
        "it": "Il facilitatore sta preparando il laboratorio. Resta su questa pagina: si aggiornerà da sola.",
        "en": "The facilitator is preparing the workshop. Stay on this page: it will update by itself.",
    },
    "live.now.bozza": {"it": "Il laboratorio è in preparazione.", "en": "The workshop is being prepared."},
    "live.now.ascolto": {
        "it": "Si apre l'ascolto: proponi i bisogni e segna i luoghi sulla mappa.",
        "en": "Listening is open: propose needs and mark places on the map.",
    },
    "live.now.voto": {"it": "La votazione è aperta!", "en": "Voting is open!"},
    "live.now.chiuso": {"it": "Il laboratorio è chiuso. Grazie!", "en": "The workshop is closed. Thank you!"},
    "live.new_person": {
        "it": "Non sei tu? Entra come nuova persona",
        "en": "Not you? Join as a new person",
    },
    # --- Facilitazione ----------------------------------------------------------
    "live.fac.phase_now": {"it": "Adesso: {phase}", "en": "Now: {phase}"},
    "live.fac.ballots_open": {"it": "Voti (votazione aperta)", "en": "Ballots (open vote)"},
    "live.fac.projector": {"it": "Apri la proiezione", "en": "Open the projector view"},
    "live.fac.refresh": {
        "it": "Questa pagina si aggiorna da sola ogni {seconds} secondi; i telefoni seguono la fase da soli.",
        "en": "This page updates by itself every {seconds} seconds; phones follow the phase by themselves.",
    },
    "live.fac.close_confirm": {
        "it": "Chiudere il laboratorio? I risultati vengono congelati e i telefoni non possono più votare "
        "né commentare. Non si può tornare indietro.",
        "en": "Close the workshop? Results are frozen and phones can no longer vote or comment. This cannot be undone.",
    },
    "live.fac.close_yes": {"it": "Sì, chiudi il laboratorio", "en": "Yes, close the workshop"},
    "live.fac.close_no": {"it": "Annulla", "en": "Cancel"},
    "live.fac.closed": {
        "it": "Laboratorio chiuso: i risultati sono congelati. Li trovi in Risultati e nella proiezione.",
        "en": "Workshop closed: results are frozen. See them in Results and on the projector.",
    },
    "live.fac.gone": {
        "it": "Questo laboratorio non esiste più (è stato cancellato). Scegline un altro.",
        "en": "This workshop no longer exists (it was erased). Choose another one.",
    },
    # --- Proiezione -------------------------------------------------------------
    "live.proj.ask_code": {
        "it": "Quale laboratorio vuoi proiettare? Scrivi il suo codice (lo trovi in Facilitazione, "
        "dove il pulsante «Apri la proiezione» apre direttamente questa pagina).",
        "en": "Which workshop do you want to project? Type its code (you find it in Facilitation, "
        "where the “Open the projector view” button opens this page directly).",
    },
    "live.proj.show": {"it": "Proietta", "en": "Project"},
    "live.proj.closed": {
        "it": "Laboratorio chiuso: questi sono i risultati finali.",
        "en": "Workshop closed: these are the final results.",
    },
    "live.proj.final": {"it": "Risultati finali", "en": "Final results"},
    "live.proj.draft": {
        "it": "In preparazione: i telefoni possono già aprire il collegamento ed entreranno appena si apre.",
        "en": "Being prepared: phones can already open the link and will join as soon as it opens.",
    },
}
