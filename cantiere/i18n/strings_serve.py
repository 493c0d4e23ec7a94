"""Strings of ``python -m cantiere serve``: several processes and nginx for a large room."""

STRINGS = {
    "cli.serve.nginx_written": {
        "it": "Configurazione di nginx scritta in {path}",
        "en": "nginx configuration written to {path}",
    },
    "cli.serve.ready": {"it": "Processo pronto: {url}", "en": "Process ready: {url}"},
    "cli.serve.ready_projector": {
        "it": "Proiezione (processo separato): {url}",
        "en": "Projector (own process): {url}",
    },
    "cli.serve.nginx_hint": {
        "it": "Telefoni e proiettore passano da nginx sulla porta {listen}: nginx -c {run_dir}/nginx.conf -p {run_dir} (o --nginx). Ctrl-C ferma tutto.",
        "en": "Phones and projector go through nginx on port {listen}: nginx -c {run_dir}/nginx.conf -p {run_dir} (or --nginx). Ctrl-C stops everything.",
    },
    "cli.serve.pids": {"it": "pid: {pids}", "en": "pids: {pids}"},
    "cli.serve.died": {
        "it": "Processo terminato da solo: {names}. Fermo gli altri; i log sono in {run_dir}.",
        "en": "A process exited by itself: {names}. Stopping the others; logs are in {run_dir}.",
    },
    "cli.serve.error.processes": {
        "it": "--processes deve essere tra 1 e {max}, non {value}.",
        "en": "--processes must be between 1 and {max}, not {value}.",
    },
    "cli.serve.error.port": {
        "it": "porta {value} non valida: usare porte tra 1024 e 65535.",
        "en": "invalid port {value}: use ports between 1024 and 65535.",
    },
    "cli.serve.error.listen_clash": {
        "it": "la porta di nginx ({listen}) coincide con quella di un processo: scegliere un'altra --listen o --port.",
        "en": "nginx's port ({listen}) is also a process's port: choose another --listen or --port.",
    },
    "cli.serve.error.port_taken": {
        "it": "la porta {port} è già occupata: scegliere un'altra --port (o --listen).",
        "en": "port {port} is already in use: choose another --port (or --listen).",
    },
    "cli.serve.error.no_nginx": {
        "it": "nginx non è installato (apt-get install nginx-light); senza --nginx la configurazione viene solo scritta.",
        "en": "nginx is not installed (apt-get install nginx-light); without --nginx the configuration is only written.",
    },
    "cli.serve.error.died": {
        "it": "il processo {names} si è fermato durante l'avvio: vedere i log in {run_dir}.",
        "en": "process {names} stopped while starting: see the logs in {run_dir}.",
    },
    "cli.serve.error.timeout": {
        "it": "i processi sulle porte {ports} non rispondono: vedere i log in {run_dir}.",
        "en": "the processes on ports {ports} do not answer: see the logs in {run_dir}.",
    },
    "cli.serve.error.nginx_conf": {
        "it": "nginx rifiuta la configurazione scritta: {detail}",
        "en": "nginx rejects the written configuration: {detail}",
    },
}
