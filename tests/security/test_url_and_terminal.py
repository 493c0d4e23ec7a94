"""Text from links and cells stays text (issue 17).

The findings: Atlante URL parameters (``?indicatore=www.example.org/accedi``,
also ``livello``, ``anno``, ``comune``) were echoed as Markdown links inside
the error box; the CLI printed raw terminal escape sequences from a cell.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from cantiere import cli
from cantiere import workshop as w
from cantiere.store import Store
from cantiere.text import terminal_safe
from tests.conftest import ROOT

LINK = "www.example.org/accedi"
PAYLOADS = {
    "indicatore": LINK,
    "livello": "[accedi](https://example.org)",
    "anno": "**2023** <img src=x>",
    "comune": "https://example.org/accedi",
}


def _atlante(params: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page("views/atlante.py")
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_atlante_url_parameter_is_shown_as_plain_text_never_markdown(app_env, name):
    value = PAYLOADS[name]
    at = _atlante({name: value})
    errors = [e.value for e in at.error]
    assert any(f"Parametro «{name}» dell'indirizzo non valido" in e for e in errors), errors
    assert not any(
        "example.org" in e or "accedi" in e or "img" in e or "**" in e for e in errors
    )  # nothing of the link
    assert any(value in t.value for t in at.text), [t.value for t in at.text]  # shown as typed, as text


def test_cli_prints_no_terminal_escape_from_a_cell(monkeypatch, sqlite_url, capsys):
    monkeypatch.setenv("CANTIERE_DATABASE_URL", sqlite_url)
    store = Store(sqlite_url)
    title = "Laboratorio\x1b]0;titolo rubato\x07\x1b[2J\x1b[31m rosso\u202e"
    w.create_workshop(store, w.Actor.command_line(), title, "", [{"title": "A"}])
    store.close()
    assert cli.main(["workshop", "list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Laboratorio\\x1b]0;titolo rubato\\x07\\x1b[2J\\x1b[31m rosso\\u202e" in out
    assert "\t" in out  # the columns' tabs stay


def test_terminal_safe_keeps_plain_text():
    assert terminal_safe("Sant'Agata sul Santerno\tà è ì\n") == "Sant'Agata sul Santerno\tà è ì\n"
    assert terminal_safe("a\rb\x9bc") == "a\\rb\\x9bc"
