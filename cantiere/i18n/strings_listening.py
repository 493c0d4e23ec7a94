"""Strings of the listening phase: proposals (``proposte.*``) and the pin task (``ascolto.*``)."""

STRINGS = {
    # --- errors ---
    "ascolto.error.closed": {
        "it": "La fase di ascolto non è aperta: proposte e segnalazioni non si possono più aggiungere o cambiare.",
        "en": "The listening phase is not open: proposals and pins can no longer be added or changed.",
    },
    "proposte.error.title_empty": {
        "it": "Scrivi un titolo breve per la proposta.",
        "en": "Write a short title for the proposal.",
    },
    "proposte.error.title_long": {
        "it": "Il titolo è troppo lungo ({length} caratteri): il massimo è {limit}.",
        "en": "The title is too long ({length} characters): the limit is {limit}.",
    },
    "proposte.error.description_long": {
        "it": "La descrizione è troppo lunga ({length} caratteri): il massimo è {limit}.",
        "en": "The description is too long ({length} characters): the limit is {limit}.",
    },
    "proposte.error.target_long": {
        "it": "I destinatari sono descritti in troppi caratteri ({length}): il massimo è {limit}.",
        "en": "The target group is too long ({length} characters): the limit is {limit}.",
    },
    "proposte.error.duplicate": {
        "it": "Esiste già una proposta uguale (n. {id}: «{title}»): sostienila con «Anch'io» invece di ripeterla.",
        "en": "An identical proposal already exists (no. {id}: “{title}”): support it with “Me too” instead of repeating it.",
    },
    "proposte.error.own": {
        "it": "È una tua proposta: non puoi sostenerla con «Anch'io».",
        "en": "It is your own proposal: you cannot support it with “Me too”.",
    },
    "proposte.error.merge_self": {
        "it": "Scegli due proposte diverse da unire.",
        "en": "Choose two different proposals to merge.",
    },
    "proposte.error.already_merged": {
        "it": "La proposta n. {id} è già stata unita a un'altra.",
        "en": "Proposal no. {id} was already merged into another one.",
    },
    "proposte.error.already_promoted": {
        "it": "La proposta n. {id} è già una priorità.",
        "en": "Proposal no. {id} is already a priority.",
    },
    "proposte.error.promote_hidden": {
        "it": "La proposta n. {id} è nascosta: ripristinala prima di farne una priorità.",
        "en": "Proposal no. {id} is hidden: restore it before making it a priority.",
    },
    "proposte.error.promote_merged": {
        "it": "La proposta n. {id} è stata unita alla n. {into}: promuovi quella.",
        "en": "Proposal no. {id} was merged into no. {into}: promote that one.",
    },
    # --- participant: proposals ---
    "proposte.section": {"it": "Proponi un bisogno", "en": "Propose a need"},
    "proposte.intro": {
        "it": "Che cosa manca nel tuo territorio? Scrivi un bisogno in poche parole.",
        "en": "What is missing where you live? Describe a need in a few words.",
    },
    "proposte.title": {"it": "Titolo (max {max} caratteri)", "en": "Title (max {max} characters)"},
    "proposte.description": {"it": "Descrizione (facoltativa)", "en": "Description (optional)"},
    "proposte.target_group": {"it": "Per chi? (facoltativo)", "en": "For whom? (optional)"},
    "proposte.comuni": {"it": "Comuni interessati (facoltativo)", "en": "Comuni concerned (optional)"},
    "proposte.comuni_placeholder": {"it": "Scegli uno o più comuni", "en": "Choose one or more comuni"},
    "proposte.send": {"it": "Invia la proposta", "en": "Send the proposal"},
    "proposte.sent": {"it": "Proposta n. {id} inviata. Grazie!", "en": "Proposal no. {id} sent. Thank you!"},
    "proposte.others": {"it": "Proposte degli altri", "en": "Other people's proposals"},
    "proposte.none": {"it": "Ancora nessuna proposta.", "en": "No proposals yet."},
    "proposte.support": {"it": "Anch'io", "en": "Me too"},
    "proposte.supported": {"it": "Hai sostenuto la proposta n. {id}.", "en": "You supported proposal no. {id}."},
    "proposte.already_supported": {
        "it": "Sostieni già la proposta n. {id}.",
        "en": "You already support proposal no. {id}.",
    },
    "proposte.you_support": {"it": "✓ La sostieni", "en": "✓ You support it"},
    "proposte.yours": {"it": "La tua proposta", "en": "Your proposal"},
    "proposte.count": {"it": "n. {id} · {supports}", "en": "no. {id} · {supports}"},
    "proposte.support_one": {"it": "sostegno", "en": "support"},
    "proposte.support_many": {"it": "sostegni", "en": "supports"},
    # --- participant: pins ---
    "ascolto.task": {"it": "Che cosa vuoi fare?", "en": "What would you like to do?"},
    "ascolto.tab_proposals": {"it": "Proposte", "en": "Proposals"},
    "ascolto.tab_map": {"it": "Mappa", "en": "Map"},
    "ascolto.tab_comment": {"it": "Commenti", "en": "Comments"},
    "ascolto.intro": {
        "it": "Fase di ascolto: proponi bisogni, sostieni quelli degli altri e segnala luoghi sulla mappa.",
        "en": "Listening phase: propose needs, support other people's, and mark places on the map.",
    },
    "ascolto.map_hint": {
        "it": "Tocca la mappa nel punto da segnalare, poi scegli categoria e nota e premi «Conferma».",
        "en": "Tap the map where the place is, then choose a category and a note and press “Confirm”.",
    },
    "ascolto.comune_filter": {"it": "Zoom su un comune", "en": "Zoom to a comune"},
    "ascolto.whole_province": {"it": "Tutta la provincia", "en": "Whole province"},
    "ascolto.no_point": {"it": "Nessun punto scelto: tocca la mappa.", "en": "No point chosen: tap the map."},
    "ascolto.point_in": {"it": "Punto scelto nel comune di {comune}.", "en": "Chosen point in the comune of {comune}."},
    "ascolto.category": {"it": "Categoria", "en": "Category"},
    "ascolto.note": {"it": "Nota (max {max} caratteri)", "en": "Note (max {max} characters)"},
    "ascolto.confirm": {"it": "Conferma la segnalazione", "en": "Confirm the pin"},
    "ascolto.added": {"it": "Segnalazione n. {id} aggiunta a {comune}.", "en": "Pin no. {id} added in {comune}."},
    "ascolto.moved": {"it": "Segnalazione n. {id} spostata a {comune}.", "en": "Pin no. {id} moved to {comune}."},
    "ascolto.deleted": {"it": "Segnalazione n. {id} eliminata.", "en": "Pin no. {id} deleted."},
    "ascolto.mine": {"it": "Le tue segnalazioni", "en": "Your pins"},
    "ascolto.mine_none": {"it": "Non hai ancora segnalato luoghi.", "en": "You have not marked any place yet."},
    "ascolto.move_here": {"it": "Sposta qui la n. {id}", "en": "Move no. {id} here"},
    "ascolto.delete": {"it": "Elimina la n. {id}", "en": "Delete no. {id}"},
    "ascolto.hidden_by_facilitator": {"it": "(nascosta dalla facilitazione)", "en": "(hidden by the facilitator)"},
    "ascolto.col.number": {"it": "N.", "en": "No."},
    "ascolto.col.comune": {"it": "Comune", "en": "Comune"},
    "ascolto.col.category": {"it": "Categoria", "en": "Category"},
    "ascolto.col.note": {"it": "Nota", "en": "Note"},
    "ascolto.col.lat": {"it": "Latitudine", "en": "Latitude"},
    "ascolto.col.lon": {"it": "Longitudine", "en": "Longitude"},
    "ascolto.col.hidden": {"it": "Nascosta", "en": "Hidden"},
    # --- facilitator ---
    "ascolto.fac.section": {"it": "Ascolto", "en": "Listening"},
    "ascolto.fac.proposals": {"it": "Proposte ricevute", "en": "Proposals received"},
    "ascolto.fac.no_proposals": {"it": "Nessuna proposta per ora.", "en": "No proposals yet."},
    "ascolto.fac.status_hidden": {"it": "[nascosta]", "en": "[hidden]"},
    "ascolto.fac.status_merged": {"it": "[unita alla n. {into}]", "en": "[merged into no. {into}]"},
    "ascolto.fac.status_promoted": {"it": "[priorità]", "en": "[priority]"},
    "ascolto.fac.hide": {"it": "Nascondi", "en": "Hide"},
    "ascolto.fac.restore": {"it": "Ripristina", "en": "Restore"},
    "ascolto.fac.promote": {"it": "Rendi priorità", "en": "Make it a priority"},
    "ascolto.fac.promoted": {
        "it": "La proposta è ora una priorità: entrerà nella prossima votazione.",
        "en": "The proposal is now a priority: it will be in the next voting round.",
    },
    "ascolto.fac.merge_source": {"it": "Unisci la proposta (doppione)", "en": "Merge the proposal (duplicate)"},
    "ascolto.fac.merge_target": {"it": "nella proposta", "en": "into the proposal"},
    "ascolto.fac.merge": {"it": "Unisci", "en": "Merge"},
    "ascolto.fac.merged": {
        "it": "Proposte unite: la n. {id} ora ha {supports}.",
        "en": "Proposals merged: no. {id} now has {supports}.",
    },
    "ascolto.fac.pins": {"it": "Segnalazioni (posizioni esatte)", "en": "Pins (exact positions)"},
    "ascolto.fac.no_pins": {"it": "Nessuna segnalazione per ora.", "en": "No pins yet."},
    "ascolto.fac.pin_pick": {"it": "Segnalazione", "en": "Pin"},
    "ascolto.fac.pin_toggle": {"it": "Nascondi / ripristina", "en": "Hide / restore"},
    "ascolto.fac.pin_done": {"it": "Segnalazione n. {id} aggiornata.", "en": "Pin no. {id} updated."},
    "ascolto.fac.public_help": {
        "it": "Export pubblico: senza proposte e segnalazioni nascoste, posizioni arrotondate a ~200 m, senza registro eventi.",
        "en": "Public export: no hidden proposals or pins, positions rounded to ~200 m, no event log.",
    },
    "ascolto.fac.public_json": {"it": "Scarica l'export pubblico (JSON)", "en": "Download the public export (JSON)"},
    "ascolto.fac.public_geojson": {
        "it": "Scarica le segnalazioni (GeoJSON pubblico)",
        "en": "Download the pins (public GeoJSON)",
    },
    "ascolto.fac.done": {"it": "Fatto.", "en": "Done."},
    # --- projector ---
    "ascolto.proj.map": {"it": "Mappa delle segnalazioni", "en": "Map of pins"},
    "ascolto.proj.coarse": {
        "it": "Posizioni arrotondate a circa 200 m; le segnalazioni nascoste non compaiono.",
        "en": "Positions rounded to about 200 m; hidden pins are not shown.",
    },
    "ascolto.proj.top": {"it": "Proposte più sostenute", "en": "Most supported proposals"},
    "ascolto.proj.none": {"it": "Ancora nessuna proposta.", "en": "No proposals yet."},
    "proposte.col.id": {"it": "N.", "en": "No."},
    "proposte.col.title": {"it": "Proposta", "en": "Proposal"},
    "proposte.col.supports": {"it": "Sostegni", "en": "Supports"},
    "proposte.col.status": {"it": "Stato", "en": "Status"},
    # --- coordinators' maps ---
    "ascolto.layer": {"it": "Segnalazioni dei laboratori", "en": "Workshop pins"},
    "ascolto.layer_caption": {
        "it": "{n} segnalazioni dei partecipanti ai laboratori (posizioni arrotondate a ~200 m, "
        "quadrati più scuri = più segnalazioni in ~750 m; nascoste escluse).",
        "en": "{n} pins from workshop participants (positions rounded to ~200 m, darker squares = more pins "
        "within ~750 m; hidden ones excluded).",
    },
}
