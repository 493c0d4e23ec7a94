"""``python -m cantiere serve``: the plan, the nginx configuration, the errors."""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from cantiere import cli, cli_serve


def plan(tmp_path, processes=2, port=28601, projector=False, listen=28080):
    return cli_serve.make_plan(processes, port, projector, listen, tmp_path)


def test_plan_uses_consecutive_ports_and_the_projector_after_them(tmp_path):
    p = plan(tmp_path, processes=3, projector=True)
    assert p.app_ports == (28601, 28602, 28603)
    assert p.projector_port == 28604


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"processes": 0}, "--processes deve essere tra 1 e 16, non 0."),
        ({"processes": 17}, "--processes deve essere tra 1 e 16, non 17."),
        ({"port": 80}, "porta 80 non valida: usare porte tra 1024 e 65535."),
        ({"listen": 28602}, "la porta di nginx (28602) coincide con quella di un processo"),
    ],
)
def test_bad_options_are_refused_in_italian(tmp_path, kwargs, message):
    with pytest.raises(cli_serve.ServeError) as caught:
        plan(tmp_path, **kwargs)
    assert caught.value.message("it").startswith(message)


def test_the_cli_prints_the_italian_error_and_exits_2(capsys):
    assert cli.main(["serve", "--processes", "0"]) == 2
    assert "--processes deve essere tra 1 e 16" in capsys.readouterr().err


def test_a_taken_port_is_refused_before_anything_starts(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        p = cli_serve.make_plan(1, port, False, 28080 if port != 28080 else 28081, tmp_path)
        with pytest.raises(cli_serve.ServeError) as caught:
            cli_serve.start_all(p, f"sqlite:///{tmp_path / 'c.db'}", nodelay=True, with_nginx=False)
    assert caught.value.message("it") == f"la porta {port} è già occupata: scegliere un'altra --port (o --listen)."
    assert not (tmp_path / "nginx.conf").exists()


def test_nginx_config_is_sticky_and_keeps_the_websocket_host(tmp_path):
    text = cli_serve.nginx_config(plan(tmp_path, projector=True))
    upstream = text.split("upstream cantiere {")[1].split("}")[0]
    assert "ip_hash;" in upstream
    assert "server 127.0.0.1:28601;" in upstream and "server 127.0.0.1:28602;" in upstream
    assert "listen 28080;" in text
    assert "gzip on;" in text and "application/javascript" in text
    # every location that proxies repeats Host $http_host and the upgrade headers
    for location in text.split("location ")[1:]:
        assert "proxy_set_header Host $http_host;" in location
        assert "proxy_set_header Upgrade $http_upgrade;" in location
        assert "proxy_set_header Connection $connection_upgrade;" in location
    assert "location /proiettore/" in text and "server 127.0.0.1:28603;" in text


def test_without_projector_process_there_is_no_projector_location(tmp_path):
    text = cli_serve.nginx_config(plan(tmp_path))
    assert "proiettore" not in text


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx not installed (apt-get install nginx-light)")
def test_nginx_accepts_the_generated_config(tmp_path):
    p = plan(tmp_path, projector=True)
    (tmp_path / "nginx-tmp").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(cli_serve.nginx_config(p))
    result = subprocess.run(["nginx", "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_a_relative_sqlite_path_is_made_absolute_for_every_process(tmp_path):
    assert cli_serve.absolute_database_url("sqlite:///data/x.db", tmp_path) == f"sqlite:///{tmp_path / 'data' / 'x.db'}"
    assert cli_serve.absolute_database_url("sqlite:////abs/x.db", tmp_path) == "sqlite:////abs/x.db"
    pg = "postgresql+psycopg://postgres@127.0.0.1:5432/x"
    assert cli_serve.absolute_database_url(pg, tmp_path) == pg


def test_processes_start_with_tcp_nodelay_unless_told(tmp_path):
    assert cli_serve.streamlit_command(28601)[1:3] == ["-m", "cantiere.ui.launch"]
    assert cli_serve.streamlit_command(28601, nodelay=False)[1:3] == ["-m", "streamlit"]
    assert cli_serve.streamlit_command(28603, "proiettore")[-2:] == ["--server.baseUrlPath", "proiettore"]


def test_serve_strings_exist_in_both_languages_with_the_same_placeholders():
    import string

    from cantiere.i18n import strings
    from cantiere.i18n.strings_serve import STRINGS

    fields = lambda text: {f for _, f, _, _ in string.Formatter().parse(text) if f}  # noqa: E731
    for key, texts in STRINGS.items():
        assert set(texts) == {"it", "en"}, key
        assert fields(texts["it"]) == fields(texts["en"]), key
        assert strings()[key] == texts


def test_nginx_sends_the_apps_security_headers_once_on_every_response(tmp_path):
    from cantiere import httpheaders

    text = cli_serve.nginx_config(plan(tmp_path, projector=True))
    server = text.split("server {", 1)[1]
    for name, value in httpheaders.COMMON.items():
        assert f"proxy_hide_header {name};" in server  # the app's copy is not sent twice
        assert f'add_header {name} "{value}" always;' in server  # error pages too
    assert 'add_header Content-Security-Policy "$cantiere_csp" always;' in server
    assert f'default  "{httpheaders.PAGE_CSP}";' in text
    assert f'"{httpheaders.COMPONENT_CSP}";' in text
    # no location sets headers of its own (that would drop the server's ones)
    assert all("add_header" not in location for location in server.split("location ")[1:])
