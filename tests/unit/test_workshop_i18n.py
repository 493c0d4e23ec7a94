"""Every translation key the workshop code uses exists in Italian and English,
with the same placeholders; and the core stays free of Streamlit."""

from __future__ import annotations

import ast
import re

import pytest

from cantiere.i18n import placeholders, strings
from tests.conftest import ROOT

FILES = [
    "cantiere/workshop.py",
    "cantiere/workshop_errors.py",
    "cantiere/export.py",
    "cantiere/cli.py",
    "cantiere/store/workshops.py",
    "cantiere/store/backup.py",
    "cantiere/ui/auth.py",
    "cantiere/ui/workshop_data.py",
    "cantiere/ui/workshop_partecipa.py",
    "cantiere/ui/workshop_proiezione.py",
    "cantiere/ui/workshop_facilitazione.py",
]
PREFIXES = ("workshop.", "partecipa.", "proiezione.", "facilitazione.", "cli.")
USES = re.compile(r'(?:\bt|say|translate|Error)\(\s*"([a-z_.]+)"|\bkey = "([a-z_.]+)"|\bt\(\s*"([a-z_.]+)" if')


def used_keys() -> set[str]:
    found = set()
    for name in FILES:
        for match in USES.finditer((ROOT / name).read_text(encoding="utf-8")):
            found |= {g for g in match.groups() if g and g.startswith(PREFIXES)}
    return found


def test_keys_used_are_defined_in_both_languages():
    keys = used_keys()
    assert len(keys) > 40  # the pattern really finds the calls
    table = strings()
    missing = sorted(k for k in keys if k not in table)
    assert missing == []
    for key in keys:
        assert set(table[key]) == {"it", "en"}, key


@pytest.mark.parametrize("key", sorted(k for k in strings() if k.startswith(PREFIXES)))
def test_placeholders_match(key):
    texts = strings()[key]
    assert placeholders(texts["it"]) == placeholders(texts["en"])


@pytest.mark.parametrize("name", [f for f in FILES if "/ui/" not in f])
def test_core_does_not_import_streamlit(name):
    tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            assert not any(a.name.split(".")[0] == "streamlit" for a in node.names)
        if isinstance(node, ast.ImportFrom):
            assert (node.module or "").split(".")[0] != "streamlit"


def test_keys_built_at_runtime_exist():
    from cantiere import workshop as w

    table = strings()
    built = [f"workshop.phase.{p}" for p in w.PHASES] + [f"workshop.role.{r}" for r in w.ROLES]
    built += [f"workshop.round.{s}" for s in ("draft", "open", "closed")]
    assert [k for k in built if k not in table] == []
