"""``python -m cantiere serve``: N Streamlit processes behind nginx (docs/sviluppo.md §7).

Streamlit runs every session of a process under one GIL, so a room beyond what
one core can rerun is served by several ``streamlit run`` processes on
consecutive ports, all on the same ``CANTIERE_DATABASE_URL`` (SQLite in WAL on
one host, PostgreSQL across hosts), behind nginx with sticky sessions (a hash
of the phone's address: a phone's session lives in one process). With
``--projector-process`` the projector gets a process of its own under
``/proiettore/``, so a burst of votes never stalls its refresh.

Every process is started with TCP_NODELAY (``cantiere.ui.launch``): without it
an idle Streamlit holds the rest of each run behind the client's delayed ACK,
~40 ms per projector refresh and per lone tap (bench/README.md).
``--no-nodelay`` starts plain ``streamlit run``.

Several hosts (docs/mille-telefoni.md): on each app host ``serve --address
<its LAN address>`` (no nginx), on the front host ``serve --upstream
HOST:PORT,…`` (``--processes 0`` for a front that runs no app process itself),
all on one PostgreSQL.

The command writes a complete nginx configuration (``--run-dir``/nginx.conf:
upstream hashed on the client address, websocket headers including ``Host $http_host``,
gzip), starts the processes, waits until each answers its health check, and
with ``--nginx`` also runs nginx on ``--listen``. Ctrl-C stops everything; if a
process dies, the others are stopped too (exit 1).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cantiere import httpheaders
from cantiere.cli import Arg, command, say
from cantiere.errors import CantiereError

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
MAX_PROCESSES = 16
PROJECTOR_PATH = "proiettore"
STARTUP_TIMEOUT_S = 120.0
WATCH_INTERVAL_S = 1.0


class ServeError(CantiereError):
    """The serve command cannot start as asked (bad option, port taken, nginx missing)."""

    key = "cli.serve.error.processes"


@dataclass(frozen=True)
class Plan:
    """What ``serve`` runs: app ports, the projector's port (or None), nginx's port."""

    app_ports: tuple[int, ...]
    projector_port: int | None
    listen: int
    run_dir: Path
    upstreams: tuple[str, ...] = ()  # app servers of other hosts, "host:port"
    address: str = "127.0.0.1"  # where this host's processes listen

    @property
    def ports(self) -> tuple[int, ...]:
        return self.app_ports + ((self.projector_port,) if self.projector_port else ())


def make_plan(
    processes: int,
    port: int,
    projector: bool,
    listen: int,
    run_dir: Path,
    upstreams: tuple[str, ...] = (),
    address: str = "127.0.0.1",
) -> Plan:
    """Ports for ``processes`` app processes from ``port`` on, then the projector's;
    ``upstreams`` ("host:port") are app servers of other hosts that nginx spreads
    phones over too (then ``processes`` may be 0). ServeError when a number is
    out of range, an upstream is not host:port, or nginx would share a port."""
    upstreams = tuple(check_upstream(u) for u in upstreams)
    if not (0 if upstreams else 1) <= processes <= MAX_PROCESSES:
        raise ServeError("cli.serve.error.processes", max=MAX_PROCESSES, value=processes)
    count = processes + (1 if projector else 0)
    for value in (port, port + count - 1, listen):
        if not 1024 <= value <= 65535:
            raise ServeError("cli.serve.error.port", value=value)
    app_ports = tuple(range(port, port + processes))
    projector_port = port + processes if projector else None
    if listen in app_ports or listen == projector_port:
        raise ServeError("cli.serve.error.listen_clash", listen=listen)
    return Plan(app_ports, projector_port, listen, run_dir.resolve(), upstreams, address)


def check_upstream(text: str) -> str:
    """``host:port`` of an app server on another host (ServeError otherwise)."""
    host, sep, port = text.strip().rpartition(":")
    if not sep or not host or not port.isdigit() or not 1 <= int(port) <= 65535 or any(c in host for c in " ;{}#"):
        raise ServeError("cli.serve.error.upstream", value=text)
    return f"{host}:{int(port)}"


def nginx_config(plan: Plan) -> str:
    """A complete nginx.conf (``nginx -c FILE -p RUN_DIR``) for ``plan``."""
    run = plan.run_dir
    servers = "\n".join(
        [f"        server 127.0.0.1:{p};" for p in plan.app_ports] + [f"        server {u};" for u in plan.upstreams]
    )
    # Headers set inside a location replace (do not add to) the server's ones:
    # every location repeats Host, or Streamlit refuses the websocket (403).
    proxy_headers = """            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1d;
            proxy_buffering off;"""
    projector_upstream = projector_location = ""
    if plan.projector_port:
        projector_upstream = f"""
    # The projector in its own process (server.baseUrlPath = {PROJECTOR_PATH}):
    # participants' bursts never queue its refresh.
    upstream cantiere_proiettore {{
        server 127.0.0.1:{plan.projector_port};
    }}
"""
        projector_location = f"""
        location /{PROJECTOR_PATH}/ {{
            proxy_pass http://cantiere_proiettore;
{proxy_headers}
        }}
"""
    return f"""# Generated by `python -m cantiere serve`: {len(plan.app_ports)} Streamlit process(es) behind nginx.
# Run: nginx -c {run}/nginx.conf -p {run}   (check: nginx -t -c {run}/nginx.conf -p {run})
worker_processes 1;
worker_rlimit_nofile 20000;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;

events {{
    # 4 per phone: the page's websocket and the room's long poll, each with a
    # phone side and an app side (1,000 phones: 4,000)
    worker_connections 8192;
}}

http {{
    access_log off;
    default_type application/octet-stream;
    client_body_temp_path {run}/nginx-tmp/body;
    proxy_temp_path {run}/nginx-tmp/proxy;
    fastcgi_temp_path {run}/nginx-tmp/fastcgi;
    uwsgi_temp_path {run}/nginx-tmp/uwsgi;
    scgi_temp_path {run}/nginx-tmp/scgi;

    # Sticky sessions: a phone's Streamlit session (and the media it shows)
    # lives in one process. The hash is of the whole client address: ip_hash
    # would use only its first three octets, and a hall's Wi-Fi (192.168.1.x)
    # would all land on one process. Phones behind one NAT (a hall's Wi-Fi to a
    # remote server) still share one address, hence one process.
    upstream cantiere {{
        hash $remote_addr consistent;
{servers}
    }}
{projector_upstream}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ''      close;
    }}

    # Security headers (cantiere/httpheaders.py, the same the app sends): the
    # map component's documents get their own Content-Security-Policy.
    {httpheaders.nginx_map()}

    server {{
        listen {plan.listen};
        server_name _;
        client_max_body_size 100m;  # = server.maxUploadSize

        # Sent on every response, nginx's own error pages included.
{httpheaders.nginx_server_lines(" " * 8)}

        # The app sends Streamlit's frontend compressed already (brotli or gzip,
        # made once: cantiere/ui/frontend.py); nginx compresses the rest
        # (JSON, the maps' Leaflet files) and leaves encoded responses alone.
        gzip on;
        gzip_comp_level 6;
        gzip_min_length 1024;
        gzip_vary on;
        gzip_proxied any;
        gzip_types application/javascript text/javascript text/css application/json image/svg+xml text/plain;

        location / {{
            proxy_pass http://cantiere;
{proxy_headers}
        }}
{projector_location}    }}
}}
"""


def streamlit_command(port: int, base_path: str = "", nodelay: bool = True, address: str = "127.0.0.1") -> list[str]:
    """The command line of one app process on ``address``:``port``."""
    launcher = ["-m", "cantiere.ui.launch"] if nodelay else ["-m", "streamlit"]
    cmd = [
        sys.executable,
        *launcher,
        "run",
        str(APP),
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--server.headless",
        "true",
    ]
    if base_path:
        cmd += ["--server.baseUrlPath", base_path]
    return cmd


def absolute_database_url(url: str, cwd: Path) -> str:
    """A relative SQLite path made absolute from ``cwd``: the processes run in the
    repository (for .streamlit/config.toml), every one must open the same file."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
        return prefix + str((cwd / url[len(prefix) :]).resolve())
    return url


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def healthy(port: int, base_path: str = "", host: str = "127.0.0.1") -> bool:
    prefix = f"/{base_path}" if base_path else ""
    host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    try:
        with urllib.request.urlopen(f"http://{host}:{port}{prefix}/_stcore/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


class Processes:
    """The children of one ``serve``: started together, stopped together."""

    def __init__(self) -> None:
        self.children: list[tuple[str, subprocess.Popen, object]] = []

    def start(self, name: str, cmd: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen:
        log = open(log_path, "ab")
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.children.append((name, proc, log))
        return proc

    def dead(self) -> list[str]:
        return [name for name, proc, _ in self.children if proc.poll() is not None]

    def stop(self) -> None:
        for _, proc, _ in self.children:
            if proc.poll() is None:
                proc.terminate()
        for _, proc, log in self.children:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
            log.close()


def start_all(plan: Plan, database_url: str, nodelay: bool, with_nginx: bool, out=sys.stdout) -> Processes:
    """Write nginx.conf, start every process and wait for their health checks.
    ServeError (nothing left running) when a port is taken or a process fails."""
    for port in plan.ports + ((plan.listen,) if with_nginx else ()):
        if not port_is_free(port):
            raise ServeError("cli.serve.error.port_taken", port=port)
    nginx = shutil.which("nginx") if with_nginx else None
    if with_nginx and nginx is None:
        raise ServeError("cli.serve.error.no_nginx")
    plan.run_dir.mkdir(parents=True, exist_ok=True)
    (plan.run_dir / "nginx-tmp").mkdir(exist_ok=True)
    conf = plan.run_dir / "nginx.conf"
    conf.write_text(nginx_config(plan), encoding="utf-8")
    print(say("cli.serve.nginx_written", path=conf), file=out)

    # Migrate once here: N processes migrating a fresh database at once would race.
    from cantiere.store import Store

    Store(database_url).close()
    env = {**os.environ, "CANTIERE_DATABASE_URL": database_url}
    procs = Processes()
    try:
        for port in plan.app_ports:
            procs.start(
                f"app:{port}",
                streamlit_command(port, nodelay=nodelay, address=plan.address),
                env,
                plan.run_dir / f"streamlit-{port}.log",
            )
        if plan.projector_port:
            procs.start(
                f"proiettore:{plan.projector_port}",
                streamlit_command(plan.projector_port, PROJECTOR_PATH, nodelay),
                env,
                plan.run_dir / f"streamlit-{plan.projector_port}.log",
            )
        waiting = {p: (PROJECTOR_PATH if p == plan.projector_port else "") for p in plan.ports}
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while waiting:
            if procs.dead():
                raise ServeError("cli.serve.error.died", names=", ".join(procs.dead()), run_dir=plan.run_dir)
            if time.monotonic() > deadline:
                raise ServeError("cli.serve.error.timeout", ports=", ".join(map(str, waiting)), run_dir=plan.run_dir)
            waiting = {
                p: b for p, b in waiting.items() if not healthy(p, b, plan.address if p in plan.app_ports else "")
            }
            time.sleep(0.3)
        if nginx:
            check = subprocess.run(
                [nginx, "-t", "-c", str(conf), "-p", str(plan.run_dir)], capture_output=True, text=True
            )
            if check.returncode != 0:
                raise ServeError("cli.serve.error.nginx_conf", detail=check.stderr.strip()[-500:])
            procs.start(
                "nginx",
                [nginx, "-c", str(conf), "-p", str(plan.run_dir), "-g", "daemon off;"],
                env,
                plan.run_dir / "nginx-stdout.log",
            )
    except BaseException:
        procs.stop()
        raise
    return procs


@command(
    "serve",
    "cli.cmd.serve",
    Arg("--processes", type=int, default=2, help="cli.arg.processes"),
    Arg("--port", type=int, default=8601, help="cli.arg.port"),
    Arg("--projector-process", action="store_true", help="cli.arg.projector_process"),
    Arg("--listen", type=int, default=8080, help="cli.arg.listen"),
    Arg("--nginx", action="store_true", help="cli.arg.nginx"),
    Arg("--run-dir", type=Path, default=Path("run/serve"), help="cli.arg.run_dir"),
    Arg("--database-url", default=None, help="cli.arg.database_url"),
    Arg("--no-nodelay", action="store_true", help="cli.arg.no_nodelay"),
    Arg("--upstream", default="", help="cli.arg.upstream"),
    Arg("--address", default="127.0.0.1", help="cli.arg.address"),
)
def serve(args: argparse.Namespace, out=None) -> int:
    out = out or sys.stdout
    from cantiere import config

    upstreams = tuple(u for u in args.upstream.split(",") if u.strip())
    plan = make_plan(
        args.processes, args.port, args.projector_process, args.listen, args.run_dir, upstreams, args.address
    )
    database_url = absolute_database_url(args.database_url or config.load().database_url, Path.cwd())
    procs = start_all(plan, database_url, not args.no_nodelay, args.nginx, out)
    for port in plan.app_ports:
        print(say("cli.serve.ready", url=f"http://{plan.address}:{port}"), file=out)
    if plan.projector_port:
        print(
            say("cli.serve.ready_projector", url=f"http://127.0.0.1:{plan.projector_port}/{PROJECTOR_PATH}/proiezione"),
            file=out,
        )
    print(say("cli.serve.nginx_hint", listen=plan.listen, run_dir=plan.run_dir), file=out)
    print(say("cli.serve.pids", pids=",".join(str(p.pid) for _, p, _ in procs.children)), file=out, flush=True)

    stopping = False

    def on_signal(signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        while not stopping:
            dead = procs.dead()
            if dead:
                print(say("cli.serve.died", names=", ".join(dead), run_dir=plan.run_dir), file=sys.stderr)
                return 1
            time.sleep(WATCH_INTERVAL_S)
    finally:
        procs.stop()
    return 0
