"""Every text key of services, imports and the Dati page exists in Italian and
English with the same placeholders; the core never imports Streamlit."""

import ast
import re

import pytest

from cantiere.i18n import placeholders, strings
from tests.conftest import ROOT

FILES = [
    "cantiere/importers.py",
    "cantiere/services.py",
    "cantiere/maps_services.py",
    "cantiere/cli_import.py",
    "cantiere/store/datasets.py",
    "cantiere/ui/services_view.py",
    "views/servizi.py",
    "views/dati.py",
]
KEY = re.compile(r"(imp|svc|dati|cli)\.[a-z0-9_.]*[a-z0-9_]$")


def keys_used() -> set[str]:
    """Literal keys passed to t()/translate(), and every "imp."/"svc."/"cli." literal
    (problem and error keys); "dati.*" literals elsewhere are widget keys."""
    found = set()
    for name in FILES:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                "t",
                "translate",
            ):
                if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    found.add(node.args[0].value)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value):
                if not node.value.startswith("dati."):
                    found.add(node.value)
    return found


@pytest.mark.parametrize("key", sorted(keys_used()))
def test_key_exists_in_both_languages(key):
    texts = strings()[key]
    assert texts["it"] and texts["en"]


def test_placeholders_match_between_languages():
    from cantiere.i18n import strings_services

    for key, texts in strings_services.STRINGS.items():
        assert placeholders(texts["it"]) == placeholders(texts["en"]), key


def test_core_modules_do_not_import_streamlit():
    for name in FILES:
        if name.startswith(("cantiere/ui/", "views/")):
            continue
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("streamlit") for a in node.names), name
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("streamlit"), name
