"""``python -m cantiere.ui.launch run app.py …``: ``streamlit run`` with TCP_NODELAY.

Streamlit 1.67 binds its listening socket with ``socket.socket(family=…)``
(proto 0) and asyncio only disables Nagle on sockets whose proto is
``IPPROTO_TCP``: every connection keeps Nagle on, so an idle server sends the
first frame of a run and holds the rest until the client ACKs it, which phones
(and nginx, and Linux) delay by up to 40 ms. Accepted sockets inherit
TCP_NODELAY from the listening socket on Linux. Measured (bench/README.md): one
idle rerun of the minimal app 48 ms → 6 ms. The benchmarks reuse this module
(``bench.nodelay``), so they measure what ``serve`` runs.

app.py holds an ``st.App``, so ``streamlit run app.py`` serves it with
Streamlit's ``UvicornRunner``, which binds through the same
``_bind_server_socket`` → ``_bind_socket`` as the classic server: the patch
applies to both (tests/unit/test_frontend.py).
"""

from __future__ import annotations

import socket
import sys


def patch() -> None:
    """Make Streamlit's server set TCP_NODELAY on the socket it binds."""
    from streamlit.web.server.starlette import starlette_server

    original = starlette_server._bind_socket
    if getattr(original, "_nodelay", False):
        return

    def bind_socket(address: str, port: int, backlog: int) -> socket.socket:
        sock = original(address, port, backlog)
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    bind_socket._nodelay = True
    starlette_server._bind_socket = bind_socket


def raise_open_files(wanted: int = 65536) -> int:
    """Raise this process's soft limit of open files towards its hard limit: every
    phone holds two connections (the page's websocket and the room's long poll),
    and a Debian default of 1,024 stops a process near 500 phones. Returns the limit."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return 0
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        return target
    return soft


def main(argv: list[str] | None = None) -> None:
    patch()
    raise_open_files()
    from streamlit.web.cli import main as streamlit_main

    sys.argv = ["streamlit", *(sys.argv[1:] if argv is None else argv)]
    streamlit_main()


if __name__ == "__main__":
    main()
