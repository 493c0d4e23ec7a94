"""Strings of rate limits, throttled secrets, bounded imports and safe exports (issue 17)."""

STRINGS = {
    "limits.too_fast": {
        "it": "Stai andando troppo veloce ({action}): aspetta {seconds} secondi e riprova. "
        "Se siete in tanti sullo stesso telefono o sulla stessa rete, chiedi a chi facilita.",
        "en": "You are going too fast ({action}): wait {seconds} seconds and try again. "
        "If many of you share this phone or network, ask the facilitator.",
    },
    "limits.throttled": {
        "it": "Troppi tentativi sbagliati da questo dispositivo: aspetta {seconds} secondi prima di riprovare.",
        "en": "Too many wrong attempts from this device: wait {seconds} seconds before trying again.",
    },
    "limits.action.join": {"it": "ingressi", "en": "joins"},
    "limits.action.vote": {"it": "voti", "en": "votes"},
    "limits.action.pin": {"it": "segnaposti", "en": "pins"},
    "limits.action.support": {"it": "«Anch'io»", "en": "“Me too”"},
    "limits.action.support_one": {"it": "«Anch'io» sulla stessa proposta", "en": "“Me too” on the same proposal"},
    "limits.action.comment": {"it": "commenti", "en": "comments"},
    "limits.action.proposal": {"it": "proposte", "en": "proposals"},
    "limits.workshop_full": {
        "it": "Questo laboratorio ha già {count} {what}, il massimo ({limit}): chiedi a chi facilita.",
        "en": "This workshop already has {count} {what}, the maximum ({limit}): ask the facilitator.",
    },
    "limits.csv_priorities": {
        "it": "Riga {row}: il file ha più di {limit} priorità, il massimo per un laboratorio. "
        "Tieni le priorità principali e riprova.",
        "en": "Row {row}: the file has more than {limit} priorities, the maximum for a workshop. "
        "Keep the main ones and try again.",
    },
    "limits.what.comment": {"it": "commenti", "en": "comments"},
    "limits.what.proposal": {"it": "proposte", "en": "proposals"},
    "limits.what.priority": {"it": "priorità", "en": "priorities"},
    "limits.import_budget": {
        "it": "La lettura del file ha superato il limite di {seconds} secondi o {mb} MB di memoria ed è stata "
        "interrotta: il file è troppo grande o costruito per rallentare il server. Dividilo in file più piccoli.",
        "en": "Reading the file went over the limit of {seconds} seconds or {mb} MB of memory and was stopped: "
        "the file is too large or built to slow the server down. Split it into smaller files.",
    },
    "limits.xlsx_dimension": {
        "it": "Il foglio «{sheet}» dichiara {rows} righe × {columns} colonne ({ref}): il massimo è "
        "{max_rows} righe e {max_columns} colonne. Copia i soli dati in un foglio nuovo e riprova.",
        "en": "Sheet “{sheet}” declares {rows} rows × {columns} columns ({ref}): the maximum is "
        "{max_rows} rows and {max_columns} columns. Copy only the data to a new sheet and try again.",
    },
    "limits.too_many_columns": {
        "it": "Il file ha {columns} colonne (o nomi di proprietà diversi): il massimo è {limit}.",
        "en": "The file has {columns} columns (or distinct property names): the maximum is {limit}.",
    },
    "limits.too_many_properties": {
        "it": "Il file usa più di {limit} nomi di proprietà diversi: non è un elenco di servizi. "
        "Controlla che ogni punto abbia le stesse colonne (nome, tipo, comune, posti…).",
        "en": "The file uses more than {limit} distinct property names: it is not a list of services. "
        "Check that every point has the same columns (nome, tipo, comune, posti…).",
    },
    "limits.json_too_deep": {
        "it": "Il file JSON è annidato più di {limit} livelli: non è un GeoJSON di punti.",
        "en": "The JSON file is nested more than {limit} levels deep: it is not a GeoJSON of points.",
    },
    "atlante.bad_param_plain": {
        "it": "Parametro «{param}» dell'indirizzo non valido: la pagina mostra il valore predefinito.",
        "en": "Invalid “{param}” parameter in the address: the page shows the default value.",
    },
    "limits.export_failed": {
        "it": "L'esportazione non è riuscita ({what}). Nessun dato è andato perso: riprova, e se l'errore "
        "si ripete scarica il formato CSV o JSON e avvisa chi gestisce il server.",
        "en": "The export failed ({what}). No data was lost: try again, and if it happens again "
        "download the CSV or JSON format and tell whoever runs the server.",
    },
    "thing.entry_mode": {"it": "modalità di ingresso", "en": "entry mode"},
    "entry.error.key": {
        "it": "Il codice per entrare è cambiato (cambia ogni {seconds} secondi): inquadra di nuovo il QR code sul "
        "proiettore, oppure scrivi il codice che vedi ora, lettere e cifre.",
        "en": "The join code has changed (it changes every {seconds} seconds): scan the QR code on the projector "
        "again, or type the code you see now, letters and digits.",
    },
    "entry.mode.label": {"it": "Come si entra", "en": "How people join"},
    "entry.mode.codice": {
        "it": "Con il codice del laboratorio (fisso)",
        "en": "With the workshop's code (fixed)",
    },
    "entry.mode.codice_a_tempo": {
        "it": "Con un codice che cambia sul proiettore ogni {seconds} secondi (solo chi è in sala)",
        "en": "With a code that changes on the projector every {seconds} seconds (only people in the room)",
    },
    "entry.mode.help": {
        "it": "Con il codice che cambia, il QR code e il codice sul proiettore hanno 4 cifre in più che "
        "valgono pochi minuti: chi ha ricevuto il collegamento fuori dalla sala non può entrare. "
        "Chi è già entrato resta dentro.",
        "en": "With the changing code, the projector's QR code and code carry 4 more digits valid for a few "
        "minutes: a link passed on outside the room does not let anyone in. People already in stay in.",
    },
    "entry.projector.changes": {
        "it": "Il codice cambia tra {seconds} secondi.",
        "en": "The code changes in {seconds} seconds.",
    },
    "entry.minutes.codice": {
        "it": "Ingresso: con il codice del laboratorio (fisso); un browser è un partecipante e ingressi, voti "
        "e commenti sono limitati per telefono e per indirizzo di rete.",
        "en": "Entry: with the workshop's code (fixed); one browser is one participant, and joins, votes "
        "and comments are limited per phone and per network address.",
    },
    "entry.minutes.codice_a_tempo": {
        "it": "Ingresso: con un codice che cambiava sul proiettore ogni {seconds} secondi (solo chi era in "
        "sala); un browser è un partecipante e ingressi, voti e commenti sono limitati per telefono e per "
        "indirizzo di rete.",
        "en": "Entry: with a code that changed on the projector every {seconds} seconds (only people in the "
        "room); one browser is one participant, and joins, votes and comments are limited per phone and "
        "per network address.",
    },
}
