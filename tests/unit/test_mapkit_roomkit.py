"""The room kit's nginx example is valid nginx and keeps the websocket working."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

MARKER = "# Cantiere del Welfare dietro nginx"


def documented_config() -> str:
    """The ```nginx block of the room kit (docs/sala.md)."""
    for path in (ROOT / "docs" / "sala.md",):
        if path.exists():
            for block in re.findall(r"```nginx\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
                if block.startswith(MARKER):
                    return block
    raise AssertionError("room kit nginx example not found")


def test_websocket_location_keeps_host_and_upgrade():
    config = documented_config()
    stream = re.search(r"location /_stcore/stream \{(.*?)\n    \}", config, re.S).group(1)
    # nginx does not inherit proxy_set_header into a location that sets its own:
    # without Host, Streamlit answers 403 to the websocket.
    assert "proxy_set_header Host $http_host;" in stream
    assert "proxy_set_header Upgrade $http_upgrade;" in stream
    assert "gzip on;" in config and "application/javascript" in config


def test_nginx_accepts_the_example(tmp_path):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if nginx is None:
        pytest.skip("nginx is not installed (apt-get install nginx)")
    site = documented_config().replace("/var/cache/nginx/cantiere", str(tmp_path / "cache"))
    site = site.replace("listen 80;", "listen 127.0.0.1:1;")  # only parsed, never bound
    (tmp_path / "site.conf").write_text(site)
    temp = " ".join(
        f"{kind}_temp_path {tmp_path / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path / 'nginx.pid'}; error_log {tmp_path / 'error.log'};\n"
        "events {}\n"
        f"http {{ access_log off; {temp} include {tmp_path / 'site.conf'}; }}\n"
    )
    done = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
