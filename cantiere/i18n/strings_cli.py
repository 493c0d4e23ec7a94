"""Help texts of the command line (``python -m cantiere …``): commands, command
groups and arguments. The load generator's own texts are in strings_bench."""

STRINGS = {
    # groups
    "cli.group.workshop": {
        "it": "laboratori: crea, elenca, esporta (anche il verbale), cancella",
        "en": "workshops: create, list, export (minutes too), erase",
    },
    "cli.group.participant": {
        "it": "un partecipante (dal suo gettone): esporta i suoi dati o cancellali",
        "en": "one participant (by their token): export or erase their data",
    },
    # commands
    "cli.cmd.workshop_create": {
        "it": "crea un laboratorio da un CSV di priorità e stampa il codice di accesso",
        "en": "create a workshop from a CSV of priorities and print its join code",
    },
    "cli.cmd.workshop_list": {
        "it": "elenca i laboratori (codice, fase, titolo)",
        "en": "list the workshops (code, phase, title)",
    },
    "cli.cmd.workshop_export": {
        "it": "esporta priorità, voti anonimi, conteggi, commenti e registro eventi",
        "en": "export priorities, anonymous ballots, counts, comments and the event log",
    },
    "cli.cmd.workshop_erase": {
        "it": "cancella un laboratorio e tutti i suoi dati (voti, commenti, partecipanti, registro); resta traccia nel registro di audit",
        "en": "erase a workshop and all its data (ballots, comments, participants, log); the audit log keeps a trace",
    },
    "cli.cmd.demo": {
        "it": "crea il laboratorio dimostrativo (temi reali del territorio, dati di esempio)",
        "en": "create the demo workshop (real local themes, sample data)",
    },
    "cli.cmd.backup": {
        "it": "copia coerente del database SQLite (VACUUM INTO), anche con l'app in funzione",
        "en": "consistent copy of the SQLite database (VACUUM INTO), even while the app runs",
    },
    "cli.cmd.participant_erase": {
        "it": "cancella profilo e testi di un partecipante (i voti anonimi restano contati)",
        "en": "erase a participant's profile and texts (anonymous ballots still count)",
    },
    "cli.cmd.participant_export": {
        "it": "stampa in JSON i dati di un partecipante (profilo, voti, testi)",
        "en": "print a participant's data as JSON (profile, ballots, texts)",
    },
    "cli.cmd.restore_check": {
        "it": "controlla una copia di sicurezza: integrità (PRAGMA integrity_check) e righe per tabella",
        "en": "check a backup copy: integrity (PRAGMA integrity_check) and rows per table",
    },
    "cli.cmd.indicators": {
        "it": "stampa tutti gli indicatori per ogni comune, distretto o per la provincia",
        "en": "print every indicator for each comune, district or the province",
    },
    "cli.cmd.serve": {
        "it": "avvia N processi Streamlit sullo stesso database e scrive la configurazione di nginx",
        "en": "start N Streamlit processes on the same database and write the nginx configuration",
    },
    "cli.cmd.import": {
        "it": "importa servizi o indicatori da CSV, XLSX o GeoJSON",
        "en": "import services or indicators from CSV, XLSX or GeoJSON",
    },
    "cli.cmd.import_description": {
        "it": "Controlla un file e, se non ha errori, lo importa in una sola transazione.",
        "en": "Check a file and, when it has no errors, import it in one transaction.",
    },
    # arguments shared by several commands
    "cli.arg.code": {"it": "codice di accesso del laboratorio", "en": "the workshop's join code"},
    "cli.arg.token": {
        "it": "il codice personale del partecipante (parametro «p» del suo link; se inizia con «-», scrivi prima «--»)",
        "en": "the participant's personal code (the «p» parameter of their link; if it starts with «-», write «--» before it)",
    },
    "cli.arg.out_screen": {
        "it": "file da scrivere (predefinito: lo schermo)",
        "en": "file to write (default: the screen)",
    },
    "cli.arg.database_url": {
        "it": "database condiviso (predefinito: CANTIERE_DATABASE_URL)",
        "en": "shared database (default: CANTIERE_DATABASE_URL)",
    },
    # workshop create / export
    "cli.arg.title": {"it": "titolo del laboratorio", "en": "title of the workshop"},
    "cli.arg.priorities": {
        "it": "CSV: titolo;descrizione;destinatari;comuni",
        "en": "CSV: titolo;descrizione;destinatari;comuni",
    },
    "cli.arg.description": {"it": "descrizione", "en": "description"},
    "cli.arg.dots": {"it": "punti per partecipante (predefinito 5)", "en": "dots per participant (default 5)"},
    "cli.arg.max_per_item": {
        "it": "massimo punti sulla stessa priorità (predefinito 2)",
        "en": "most dots on one priority (default 2)",
    },
    "cli.arg.phase": {"it": "fase iniziale (predefinita ascolto)", "en": "initial phase (default ascolto)"},
    "cli.arg.export_format": {
        "it": "json, csv (zip di CSV), xlsx; report: verbale in HTML stampabile; report-xlsx: verbale in XLSX",
        "en": "json, csv (zip of CSVs), xlsx; report: printable HTML minutes; report-xlsx: minutes as XLSX",
    },
    "cli.arg.export_out": {
        "it": "file da scrivere (predefinito: lo schermo, solo per json)",
        "en": "file to write (default: the screen, json only)",
    },
    # backups and privacy
    "cli.arg.backup_out": {
        "it": "file da creare, es. backup/cantiere-2025-05-10.db",
        "en": "file to create, e.g. backup/cantiere-2025-05-10.db",
    },
    "cli.arg.backup_file": {
        "it": "la copia da controllare, es. backup/cantiere-2025-05-10.db",
        "en": "the copy to check, e.g. backup/cantiere-2025-05-10.db",
    },
    "cli.arg.erase_yes": {
        "it": "conferma la cancellazione (senza, il comando non cancella nulla)",
        "en": "confirm the erasure (without it, nothing is erased)",
    },
    # indicators
    "cli.arg.level": {"it": "comune | distretto | provincia", "en": "comune | distretto | provincia"},
    "cli.arg.year": {"it": "anno dei dati ISTAT: {years}", "en": "year of the ISTAT data: {years}"},
    "cli.arg.table_format": {"it": "csv | json", "en": "csv | json"},
    # serve
    "cli.arg.processes": {"it": "processi dell'app (predefinito 2)", "en": "app processes (default 2)"},
    "cli.arg.port": {
        "it": "porta del primo processo; gli altri seguono (predefinito 8601)",
        "en": "port of the first process; the others follow (default 8601)",
    },
    "cli.arg.projector_process": {
        "it": "un processo in più solo per la proiezione, sotto /proiettore/",
        "en": "one more process for the projector only, under /proiettore/",
    },
    "cli.arg.listen": {"it": "porta di nginx (predefinito 8080)", "en": "nginx's port (default 8080)"},
    "cli.arg.nginx": {
        "it": "avvia anche nginx con la configurazione scritta",
        "en": "also start nginx with the configuration written",
    },
    "cli.arg.upstream": {
        "it": "processi dell'app su altre macchine (HOST:PORTA,…) che nginx aggiunge ai propri; "
        "con --processes 0 questa macchina fa solo da ingresso (docs/mille-telefoni.md)",
        "en": "app processes on other hosts (HOST:PORT,…) that nginx adds to its own; "
        "with --processes 0 this host is only the front (docs/mille-telefoni.md)",
    },
    "cli.arg.address": {
        "it": "indirizzo su cui ascoltano i processi (predefinito 127.0.0.1; l'indirizzo di rete "
        "della macchina se nginx è su un'altra)",
        "en": "address the processes listen on (default 127.0.0.1; the host's network address "
        "when nginx runs on another host)",
    },
    "cli.arg.run_dir": {
        "it": "cartella per nginx.conf e i log (predefinito run/serve)",
        "en": "folder for nginx.conf and the logs (default run/serve)",
    },
    "cli.arg.no_nodelay": {
        "it": "senza TCP_NODELAY (streamlit run semplice)",
        "en": "without TCP_NODELAY (plain streamlit run)",
    },
    # import
    "cli.arg.import_kind": {
        "it": "services (servizi) o indicators (indicatori)",
        "en": "services (servizi) or indicators (indicatori)",
    },
    "cli.arg.import_file": {"it": "file CSV, XLSX o GeoJSON", "en": "CSV, XLSX or GeoJSON file"},
    "cli.arg.dry_run": {"it": "controlla soltanto, senza importare", "en": "check only, do not import"},
    "cli.arg.fonte": {
        "it": "fonte dei dati, se il file non ha la colonna «fonte»",
        "en": "source of the data, when the file has no «fonte» column",
    },
    "cli.arg.anno": {
        "it": "anno dei dati, se il file non ha la colonna «anno»",
        "en": "year of the data, when the file has no «anno» column",
    },
}
