"""Strings of workshops: errors, Partecipa, Proiezione, Facilitazione, CLI."""

STRINGS = {
    # --- errors -------------------------------------------------------------
    "workshop.error.generic": {"it": "Operazione non riuscita sul laboratorio.", "en": "The workshop action failed."},
    "workshop.error.wrong_code": {
        "it": "Nessun laboratorio ha il codice «{code}». Controlla il codice sullo schermo (6 caratteri, senza 0, O, 1, I, L).",
        "en": "No workshop has the code “{code}”. Check the code on the screen (6 characters, no 0, O, 1, I, L).",
    },
    "workshop.error.not_open": {
        "it": "Il laboratorio «{title}» non è aperto ai partecipanti in questo momento (fase: {phase}).",
        "en": "The workshop “{title}” is not open to participants right now (phase: {phase}).",
    },
    "workshop.error.unknown_participant": {
        "it": "Il collegamento non corrisponde a un partecipante di questo laboratorio: entra di nuovo con il codice.",
        "en": "This link does not match a participant of this workshop: join again with the code.",
    },
    "workshop.error.not_found": {"it": "Non trovato: {what} n. {id}.", "en": "Not found: {what} no. {id}."},
    "workshop.error.round_not_open": {
        "it": "La votazione non è aperta: il voto non è stato registrato.",
        "en": "Voting is not open: the ballot was not recorded.",
    },
    "workshop.error.phase": {"it": "Azione non possibile in questa fase.", "en": "Not possible in this phase."},
    "workshop.error.unknown_phase": {
        "it": "Fase sconosciuta: «{phase}». Fasi valide: {valid}.",
        "en": "Unknown phase: “{phase}”. Valid phases: {valid}.",
    },
    "workshop.error.phase_move": {
        "it": "Non si può passare dalla fase «{old}» alla fase «{new}».",
        "en": "Cannot move from phase “{old}” to phase “{new}”.",
    },
    "workshop.error.closed": {
        "it": "Il laboratorio è chiuso: i risultati sono congelati.",
        "en": "The workshop is closed: results are frozen.",
    },
    "workshop.error.no_priorities": {
        "it": "Aggiungi almeno una priorità prima di aprire la votazione.",
        "en": "Add at least one priority before opening the vote.",
    },
    "workshop.error.comment_empty": {
        "it": "Il commento è vuoto: scrivi qualcosa prima di inviarlo.",
        "en": "The comment is empty: write something before sending it.",
    },
    "workshop.error.comment_too_long": {
        "it": "Il commento è troppo lungo: {n} caratteri, il massimo è {max}.",
        "en": "The comment is too long: {n} characters, the maximum is {max}.",
    },
    "workshop.error.comments_closed": {
        "it": "I commenti sono chiusi per questo laboratorio.",
        "en": "Comments are closed for this workshop.",
    },
    "workshop.error.priority": {"it": "Priorità non valida.", "en": "Invalid priority."},
    "workshop.error.priority_title": {
        "it": "Ogni priorità ha bisogno di un titolo.",
        "en": "Every priority needs a title.",
    },
    "workshop.error.title_empty": {"it": "Il titolo è obbligatorio.", "en": "The title is required."},
    "workshop.error.title_too_long": {
        "it": "Il titolo è troppo lungo (massimo {max} caratteri).",
        "en": "The title is too long (at most {max} characters).",
    },
    "workshop.error.csv": {"it": "Il file CSV non si può leggere.", "en": "The CSV file cannot be read."},
    "workshop.error.csv_empty": {
        "it": "Il file CSV è vuoto: serve un'intestazione (titolo;descrizione;destinatari;comuni) e almeno una riga. Nessuna priorità creata.",
        "en": "The CSV file is empty: it needs a header (titolo;descrizione;destinatari;comuni) and at least one row. No priority created.",
    },
    "workshop.error.csv_column": {
        "it": "Riga {row}, colonna «{column}»: colonna sconosciuta. Colonne valide: {valid}. Nessuna priorità creata.",
        "en": "Row {row}, column “{column}”: unknown column. Valid columns: {valid}. No priority created.",
    },
    "workshop.error.csv_no_title": {
        "it": "Riga 1: manca la colonna «titolo». Nessuna priorità creata.",
        "en": "Row 1: the “titolo” column is missing. No priority created.",
    },
    "workshop.error.csv_width": {
        "it": "Riga {row}: {found} colonne invece di {expected}. Controlla il separatore (; o ,) e le virgolette. Nessuna priorità creata.",
        "en": "Row {row}: {found} columns instead of {expected}. Check the separator (; or ,) and quotes. No priority created.",
    },
    "workshop.error.csv_empty_cell": {
        "it": "Riga {row}, colonna «{column}»: è vuota, serve un titolo. Nessuna priorità creata.",
        "en": "Row {row}, column “{column}”: it is empty, a title is needed. No priority created.",
    },
    "workshop.error.csv_too_long": {
        "it": "Riga {row}, colonna «{column}»: più di {max} caratteri. Nessuna priorità creata.",
        "en": "Row {row}, column “{column}”: more than {max} characters. No priority created.",
    },
    "workshop.error.csv_not_number": {
        "it": "Riga {row}, colonna «{column}»: «{value}» non è un numero. Nessuna priorità creata.",
        "en": "Row {row}, column “{column}”: “{value}” is not a number. No priority created.",
    },
    "workshop.error.permission": {
        "it": "Azione riservata a chi facilita il laboratorio: accedi con la password nella pagina Facilitazione.",
        "en": "Only facilitators can do this: log in with the password on the Facilitation page.",
    },
    # --- shared words ---------------------------------------------------------
    "workshop.phase.bozza": {"it": "bozza", "en": "draft"},
    "workshop.phase.ascolto": {"it": "ascolto", "en": "listening"},
    "workshop.phase.voto": {"it": "voto", "en": "voting"},
    "workshop.phase.chiuso": {"it": "chiuso", "en": "closed"},
    "workshop.round.draft": {"it": "da aprire", "en": "not open yet"},
    "workshop.round.open": {"it": "aperta", "en": "open"},
    "workshop.round.closed": {"it": "chiusa", "en": "closed"},
    "workshop.role.cittadino": {"it": "cittadino/a", "en": "citizen"},
    "workshop.role.operatore": {"it": "operatore/operatrice", "en": "care worker"},
    "workshop.role.ente_pubblico": {"it": "ente pubblico", "en": "public body"},
    "workshop.role.terzo_settore": {"it": "terzo settore", "en": "third sector"},
    "workshop.role.altro": {"it": "altro", "en": "other"},
    "workshop.demo_badge": {
        "it": "Laboratorio dimostrativo: dati di esempio.",
        "en": "Demo workshop: illustrative data.",
    },
    "workshop.no_choice": {"it": "—", "en": "—"},
    "workshop.outside": {"it": "fuori provincia", "en": "outside the province"},
    # --- Partecipa ------------------------------------------------------------
    "partecipa.intro": {
        "it": "Inserisci il codice che vedi sullo schermo della sala.",
        "en": "Type the code shown on the screen in the room.",
    },
    "partecipa.code": {"it": "Codice del laboratorio", "en": "Workshop code"},
    "partecipa.enter": {"it": "Entra", "en": "Join"},
    "partecipa.join_title": {"it": "Stai entrando nel laboratorio:", "en": "You are joining the workshop:"},
    "partecipa.anonymous": {
        "it": "Nessun nome e nessun indirizzo IP vengono registrati. Tieni aperta questa pagina: il collegamento ti riconosce se ricarichi.",
        "en": "No name and no IP address are stored. Keep this page open: the link recognises you if you reload.",
    },
    "partecipa.profile": {"it": "Chi sei?", "en": "Who are you?"},
    "partecipa.profile_help": {
        "it": "Serve solo a leggere i risultati per territorio e ruolo; i gruppi con meno di 5 persone non vengono mostrati.",
        "en": "Only used to read results by area and role; groups of fewer than 5 people are never shown.",
    },
    "partecipa.comune": {"it": "Comune di residenza", "en": "Comune of residence"},
    "partecipa.role": {"it": "Ruolo", "en": "Role"},
    "partecipa.age_band": {"it": "Fascia d'età", "en": "Age band"},
    "partecipa.profile_open": {"it": "Chi sei? (facoltativo)", "en": "Who are you? (optional)"},
    "partecipa.save_profile": {"it": "Salva", "en": "Save"},
    "partecipa.leave": {"it": "Esci da questo laboratorio", "en": "Leave this workshop"},
    "partecipa.tab_vote": {"it": "Vota", "en": "Vote"},
    "partecipa.tab_comment": {"it": "Commenta", "en": "Comment"},
    "partecipa.listening": {
        "it": "Fase di ascolto: leggi le priorità e lascia un commento. La votazione si aprirà tra poco.",
        "en": "Listening phase: read the priorities and leave a comment. Voting opens soon.",
    },
    "partecipa.no_round": {"it": "La votazione non è ancora aperta.", "en": "Voting is not open yet."},
    "partecipa.round_closed": {
        "it": "La votazione è chiusa. Grazie per aver partecipato!",
        "en": "Voting is closed. Thank you for taking part!",
    },
    "partecipa.closed": {"it": "Il laboratorio è chiuso. Grazie!", "en": "The workshop is closed. Thank you!"},
    "partecipa.submit_vote": {"it": "Invia il voto", "en": "Send my vote"},
    "partecipa.vote_sending": {"it": "Invio del voto…", "en": "Sending your vote…"},
    "partecipa.vote_lost": {
        "it": "Il voto non è arrivato: la connessione si è interrotta. Riprova tra poco.",
        "en": "Your vote did not arrive: the connection dropped. Try again in a moment.",
    },
    "partecipa.vote_saved": {
        "it": "Voto registrato. Puoi cambiarlo finché la votazione è aperta.",
        "en": "Vote recorded. You can change it while voting is open.",
    },
    "partecipa.vote_replaced": {
        "it": "Voto registrato: il nuovo voto sostituisce il precedente.",
        "en": "Vote recorded: the new ballot replaces the previous one.",
    },
    "partecipa.your_vote": {"it": "Il tuo voto attuale", "en": "Your current vote"},
    "partecipa.comment_on": {"it": "Priorità da commentare", "en": "Priority to comment on"},
    "partecipa.comment_text": {
        "it": "Il tuo commento (massimo {max} caratteri)",
        "en": "Your comment (at most {max} characters)",
    },
    "partecipa.send_comment": {"it": "Invia il commento", "en": "Send comment"},
    "partecipa.comment_saved": {
        "it": "Commento inviato. Grazie!",
        "en": "Comment sent. Thank you!",
    },
    "partecipa.comments_of": {"it": "Commenti", "en": "Comments"},
    # --- Proiezione -----------------------------------------------------------
    "proiezione.none": {
        "it": "Nessun laboratorio aperto. Aprine uno dalla pagina Facilitazione.",
        "en": "No open workshop. Open one from the Facilitation page.",
    },
    "proiezione.join_at": {"it": "Partecipa dal telefono", "en": "Join from your phone"},
    "proiezione.code": {"it": "Codice", "en": "Code"},
    "proiezione.public_url_hint": {
        "it": "Imposta CANTIERE_PUBLIC_URL con l'indirizzo che i telefoni raggiungono (es. http://192.168.1.10:8501): il QR code lo userà.",
        "en": "Set CANTIERE_PUBLIC_URL to the address phones can reach (e.g. http://192.168.1.10:8501): the QR code uses it.",
    },
    "proiezione.participants": {"it": "Partecipanti", "en": "Participants"},
    "proiezione.ballots": {"it": "Voti", "en": "Ballots"},
    "proiezione.phase": {"it": "Fase", "en": "Phase"},
    "proiezione.results": {"it": "Risultati in diretta", "en": "Live results"},
    "proiezione.results_hidden": {
        "it": "I risultati compaiono quando arrivano almeno {min} voti (ora {n}).",
        "en": "Results appear once at least {min} ballots are in (now {n}).",
    },
    "proiezione.priority": {"it": "Priorità", "en": "Priority"},
    "proiezione.wall": {"it": "Bacheca dei commenti", "en": "Comments wall"},
    "proiezione.wall_empty": {"it": "Ancora nessun commento.", "en": "No comments yet."},
    "proiezione.workshop": {"it": "Laboratorio", "en": "Workshop"},
    # --- Facilitazione --------------------------------------------------------
    "facilitazione.no_password": {
        "it": "La gestione dei laboratori è disattivata perché non è impostata una password. "
        "Per attivarla, avvia l'app con la variabile d'ambiente CANTIERE_ADMIN_PASSWORD "
        "(es. `CANTIERE_ADMIN_PASSWORD='una-frase-lunga' streamlit run app.py`) oppure aggiungi "
        '`CANTIERE_ADMIN_PASSWORD = "…"` a .streamlit/secrets.toml, poi riavvia.',
        "en": "Workshop management is disabled because no password is set. To enable it, start the app "
        "with the CANTIERE_ADMIN_PASSWORD environment variable (e.g. `CANTIERE_ADMIN_PASSWORD='a-long-phrase' "
        'streamlit run app.py`) or add `CANTIERE_ADMIN_PASSWORD = "…"` to .streamlit/secrets.toml, then restart.',
    },
    "facilitazione.password": {"it": "Password di facilitazione", "en": "Facilitator password"},
    "facilitazione.login": {"it": "Accedi", "en": "Log in"},
    "facilitazione.logout": {"it": "Esci", "en": "Log out"},
    "facilitazione.wrong_password": {"it": "Password errata.", "en": "Wrong password."},
    "facilitazione.choose": {"it": "Laboratorio", "en": "Workshop"},
    "facilitazione.new": {"it": "Nuovo laboratorio", "en": "New workshop"},
    "facilitazione.title": {"it": "Titolo", "en": "Title"},
    "facilitazione.description": {"it": "Descrizione", "en": "Description"},
    "facilitazione.create": {"it": "Crea il laboratorio", "en": "Create the workshop"},
    "facilitazione.created": {
        "it": "Laboratorio creato. Codice di accesso: {code}",
        "en": "Workshop created. Join code: {code}",
    },
    "facilitazione.edit": {"it": "Modifica titolo e descrizione", "en": "Edit title and description"},
    "facilitazione.save": {"it": "Salva", "en": "Save"},
    "facilitazione.saved": {"it": "Salvato.", "en": "Saved."},
    "facilitazione.code_is": {
        "it": "Codice di accesso: {code} · fase: {phase}",
        "en": "Join code: {code} · phase: {phase}",
    },
    "facilitazione.section_phase": {"it": "Fasi e votazione", "en": "Phases and voting"},
    "facilitazione.move_to": {"it": "Passa alla fase «{phase}»", "en": "Move to phase “{phase}”"},
    "facilitazione.start_voting": {"it": "Apri la votazione", "en": "Open the vote"},
    "facilitazione.close_round": {"it": "Chiudi la votazione", "en": "Close the vote"},
    "facilitazione.round_info": {
        "it": "Votazione n. {position} ({method}): {status} · {dots} punti, massimo {max_per_item} per priorità · {n} voti",
        "en": "Round {position} ({method}): {status} · {dots} dots, at most {max_per_item} per priority · {n} ballots",
    },
    "facilitazione.section_priorities": {"it": "Priorità", "en": "Priorities"},
    "facilitazione.priority_title": {"it": "Titolo della priorità", "en": "Priority title"},
    "facilitazione.priority_description": {"it": "Descrizione", "en": "Description"},
    "facilitazione.target_group": {"it": "Destinatari", "en": "Target group"},
    "facilitazione.comuni": {"it": "Comuni interessati", "en": "Comuni concerned"},
    "facilitazione.add_priority": {"it": "Aggiungi la priorità", "en": "Add the priority"},
    "facilitazione.priority_added": {"it": "Priorità aggiunta.", "en": "Priority added."},
    "facilitazione.csv_upload": {
        "it": "Oppure carica un CSV (colonne: titolo;descrizione;destinatari;comuni, comuni separati da |)",
        "en": "Or upload a CSV (columns: titolo;descrizione;destinatari;comuni, comuni separated by |)",
    },
    "facilitazione.csv_import": {"it": "Importa le priorità dal CSV", "en": "Import priorities from the CSV"},
    "facilitazione.csv_done": {"it": "{n} priorità importate.", "en": "{n} priorities imported."},
    "facilitazione.csv_too_big": {
        "it": "Il file è troppo grande ({mb} MB, massimo {max} MB). Nessuna priorità creata.",
        "en": "The file is too large ({mb} MB, at most {max} MB). No priority created.",
    },
    "facilitazione.no_priorities": {"it": "Ancora nessuna priorità.", "en": "No priorities yet."},
    "facilitazione.section_moderation": {"it": "Moderazione dei commenti", "en": "Comment moderation"},
    "facilitazione.no_comments": {"it": "Nessun commento.", "en": "No comments."},
    "facilitazione.hide": {"it": "Nascondi", "en": "Hide"},
    "facilitazione.restore": {"it": "Ripristina", "en": "Restore"},
    "facilitazione.hidden_label": {"it": "(nascosto)", "en": "(hidden)"},
    "facilitazione.section_results": {"it": "Risultati della votazione", "en": "Voting results"},
    "facilitazione.section_export": {"it": "Esporta", "en": "Export"},
    "facilitazione.export_json": {"it": "Scarica JSON", "en": "Download JSON"},
    "facilitazione.export_csv": {"it": "Scarica CSV (zip)", "en": "Download CSV (zip)"},
    "facilitazione.export_xlsx": {"it": "Scarica Excel", "en": "Download Excel"},
    "facilitazione.none": {"it": "Nessun laboratorio: creane uno.", "en": "No workshop yet: create one."},
    # --- CLI ------------------------------------------------------------------
    "cli.description": {
        "it": "Cantiere del Welfare: comandi per laboratori e dati.",
        "en": "Cantiere del Welfare: commands for workshops and data.",
    },
    "cli.workshop_created": {
        "it": "Laboratorio creato: «{title}». Codice di accesso: {code}",
        "en": "Workshop created: “{title}”. Join code: {code}",
    },
    "cli.no_workshops": {"it": "Nessun laboratorio.", "en": "No workshops."},
    "cli.exported": {"it": "Esportato in {path}", "en": "Exported to {path}"},
    "cli.demo_created": {
        "it": "Laboratorio dimostrativo creato: «{title}». Codice di accesso: {code}",
        "en": "Demo workshop created: “{title}”. Join code: {code}",
    },
    "cli.backup_done": {"it": "Copia di sicurezza scritta in {path}", "en": "Backup written to {path}"},
    "cli.backup_error": {"it": "Copia di sicurezza non riuscita.", "en": "Backup failed."},
    "cli.backup_exists": {
        "it": "Il file {path} esiste già: scegli un nome nuovo (la copia non sovrascrive).",
        "en": "The file {path} already exists: choose a new name (backups never overwrite).",
    },
    "cli.backup_postgres": {
        "it": "Il database è PostgreSQL: usa pg_dump (es. pg_dump -Fc NOME_DB > cantiere.dump).",
        "en": "The database is PostgreSQL: use pg_dump (e.g. pg_dump -Fc DB_NAME > cantiere.dump).",
    },
    "cli.file_missing": {"it": "File non trovato: {path}", "en": "File not found: {path}"},
    "cli.error": {"it": "Errore: {message}", "en": "Error: {message}"},
    "cli.xlsx_needs_out": {
        "it": "Il formato {format} è binario: indica il file con --out.",
        "en": "The {format} format is binary: give the file with --out.",
    },
}
