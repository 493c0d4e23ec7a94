"""Imported text on a map is never evaluated on the server.

branca compiles each rendered script again as a Jinja template: before the
fix, a service named ``{{ 7*7 }}`` was drawn as "49" (server-side template
injection; with Jinja's globals that reaches ``os``), and a name with a quote
inside ``{{ }}`` made the Servizi page crash."""

from __future__ import annotations

import pandas as pd
import pytest

from cantiere import maps_services

HOSTILE = (
    "{{ 7*7 }}",
    "{{ 6*7 }}{% if 1 %}IF{% endif %}",
    "{{ lipsum.__globals__ }}",
    "{# commento #}visibile",
    "{{constructor.constructor('alert(1)')()}}",  # made the page crash
    "{% raw %}",
)


def services(names) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"nome": name, "tipo": "nido", "lat": 44.30 + n * 0.05, "lon": 12.0 + n * 0.05, "posti": 10}
            for n, name in enumerate(names)
        ]
    )


@pytest.mark.parametrize("name", HOSTILE)
def test_template_syntax_in_a_service_name_is_drawn_as_text(name):
    html = maps_services.services_map(services([name]), mode="nessuno").get_root().render()
    escaped = maps_services.js_safe(name)
    assert escaped in html  # drawn as written (evaluated, "{{ 7*7 }}" would have become "49")
    assert "{{" not in escaped and "{%" not in escaped
