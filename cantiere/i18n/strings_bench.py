"""Strings of the load generator's command line (``python -m bench``, also ``python -m cantiere bench``)."""

STRINGS = {
    "cli.bench.missing": {
        "it": "Il generatore di carico non c'è ({path}): serve la cartella bench/ del repository.",
        "en": "The load generator is missing ({path}): it needs the repository's bench/ folder.",
    },
    "cli.bench.help": {
        "it": "Simula N telefoni (protocollo websocket di Streamlit) e misura latenze, CPU e memoria",
        "en": "Simulate N phones (Streamlit's websocket protocol) and measure latency, CPU and memory",
    },
    "cli.bench.target": {
        "it": "cosa provare: minimal (app a un pulsante) | app (pagina Partecipa) | tally (tempi dei conteggi, Equal Shares incluso)",
        "en": "what to test: minimal (one-button app) | app (Partecipa page) | tally (tally times, Equal Shares included)",
    },
    "cli.bench.scenario": {
        "it": "burst (tutti votano in pochi secondi) | realistic (un'azione ogni ~think s) | join (solo ingresso) | "
        "idle (i telefoni attendono la sala per duration s, poi la sala cambia e la seguono) | "
        "room (la sala intera: ingresso, cambio di fase, voto, nuovo turno, voto; proiettore e facilitatore aperti)",
        "en": "burst (everyone votes within seconds) | realistic (one action every ~think s) | join (joining only) | "
        "idle (phones wait on the room for duration s, then the room moves and they follow) | "
        "room (the whole room: join, phase change, vote, next round, vote; projector and facilitator open)",
    },
    "cli.bench.phones": {"it": "numero di telefoni simulati", "en": "number of simulated phones"},
    "cli.bench.ramp": {
        "it": "secondi in cui i telefoni entrano, uno dopo l'altro",
        "en": "seconds over which phones join, one after another",
    },
    "cli.bench.burst": {
        "it": "finestra in secondi in cui ogni telefono vota una volta (burst)",
        "en": "window in seconds in which each phone votes once (burst)",
    },
    "cli.bench.think": {
        "it": "secondi medi tra due azioni di un telefono (realistic)",
        "en": "mean seconds between a phone's actions (realistic)",
    },
    "cli.bench.duration": {
        "it": "durata in secondi della fase realistic, o dell'attesa (idle)",
        "en": "length in seconds of the realistic phase, or of the wait (idle)",
    },
    "cli.bench.wait": {
        "it": "secondi di attesa della sala tra un passo e l'altro (room)",
        "en": "seconds the room waits between its steps (room)",
    },
    "cli.bench.spread": {
        "it": "ogni telefono da un proprio indirizzo 127.0.x.y (room): attraverso nginx si distribuiscono sui processi",
        "en": "each phone from its own 127.0.x.y address (room): through nginx they spread over the processes",
    },
    "cli.bench.no_observer": {"it": "senza la sessione del proiettore", "en": "without the projector session"},
    "cli.bench.no_compare": {
        "it": "non ripetere lo scenario sull'app minima",
        "en": "do not repeat the scenario on the minimal app",
    },
    "cli.bench.timeout": {
        "it": "attesa massima in secondi per ogni passo",
        "en": "maximum wait in seconds for each step",
    },
    "cli.bench.quickack": {
        "it": "conferma (ACK) subito ogni frame TCP: toglie l'attesa di ~40 ms dell'ACK ritardato a server scarico",
        "en": "acknowledge every TCP frame at once: removes the ~40 ms delayed-ACK stall on an idle server",
    },
    "cli.bench.nodelay": {
        "it": "avvia il server con TCP_NODELAY (python -m bench.nodelay): niente attesa di ~40 ms per ogni esecuzione",
        "en": "start the server with TCP_NODELAY (python -m bench.nodelay): no ~40 ms stall per run",
    },
    "cli.bench.seed": {"it": "seme casuale (istanti dei tocchi)", "en": "random seed (tap times)"},
    "cli.bench.code": {
        "it": "codice del laboratorio, sostituito a {code} nella query",
        "en": "workshop code, replacing {code} in the query",
    },
    "cli.bench.page": {
        "it": "pagina (url_path di st.navigation) aperta dai telefoni",
        "en": "page (st.navigation url_path) the phones open",
    },
    "cli.bench.query": {
        "it": "query string di ogni telefono; {token}, {i} e {code} vengono sostituiti",
        "en": "each phone's query string; {token}, {i} and {code} are replaced",
    },
    "cli.bench.join_steps": {
        "it": "passi dopo l'apertura, separati da ';' (wait:KEY, set:KEY=VAL, press:KEY, text:TESTO)",
        "en": "steps after opening, ';'-separated (wait:KEY, set:KEY=VAL, press:KEY, text:TEXT)",
    },
    "cli.bench.vote_steps": {
        "it": "passi di un voto, separati da ';' (es. press:vota; text:Voto registrato)",
        "en": "steps of one vote, ';'-separated (e.g. press:vota; text:Voto registrato)",
    },
    "cli.bench.url": {
        "it": "server già avviati (solo http://127.0.0.1:PORTA, separati da virgole: i telefoni si distribuiscono a turno); senza, lo avvia il benchmark",
        "en": "already running servers (http://127.0.0.1:PORT only, comma-separated: phones spread over them in turn); without it the benchmark starts one",
    },
    "cli.bench.pid": {
        "it": "pid dei server già avviati (separati da virgole), per misurarne CPU e memoria",
        "en": "pids of the running servers (comma-separated), to measure their CPU and memory",
    },
    "cli.bench.database_url": {
        "it": "database in cui creare il laboratorio di prova e contare i voti (target app; predefinito: un file SQLite nuovo)",
        "en": "database in which to create the test workshop and count ballots (app target; default: a fresh SQLite file)",
    },
    "cli.bench.projector_url": {
        "it": "server del proiettore, se diverso (es. il processo separato di serve --projector-process)",
        "en": "the projector's server when different (e.g. serve --projector-process's own process)",
    },
    "cli.bench.json": {
        "it": "scrivi i risultati anche in questo file JSON",
        "en": "also write the results to this JSON file",
    },
    "cli.bench.bad_args": {
        "it": "Parametri del benchmark non validi: {reason}",
        "en": "Invalid benchmark parameters: {reason}",
    },
}
