"""Listening: every message key exists in both languages; the core stays free of Streamlit."""

import ast
import re

import pytest

from cantiere.i18n import strings, translate
from tests.conftest import ROOT

CORE = ["cantiere/listening.py", "cantiere/maps_listening.py", "cantiere/store/listening.py"]


def test_every_listening_key_in_the_code_exists():
    used = set()
    for path in [*CORE, "cantiere/ui/partecipa_listening.py", "cantiere/ui/facilitazione_listening.py"]:
        for line in (ROOT / path).read_text().splitlines():
            if re.match(r"\s*[A-Z_]+ = ", line):  # widget and session-state keys share the namespace
                continue
            used |= set(re.findall(r"""["']((?:ascolto|proposte|pins)\.[a-z0-9_.]+[a-z0-9_])["']""", line))
    missing = sorted(k for k in used if k not in strings())
    assert not missing


@pytest.mark.parametrize("path", CORE)
def test_core_does_not_import_streamlit(path):
    tree = ast.parse((ROOT / path).read_text())
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not any(n.split(".")[0] == "streamlit" or n.startswith("cantiere.ui") for n in names)


def test_duplicate_message_in_english():
    assert translate("proposte.error.duplicate", "en", id=3, title="Nido") == (
        "An identical proposal already exists (no. 3: “Nido”): support it with “Me too” instead of repeating it."
    )
