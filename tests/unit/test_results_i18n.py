"""Every key of the method screens, Risultati and the minutes exists in both
languages (including the families built at run time), and the new core
modules stay free of Streamlit."""

from __future__ import annotations

import ast
import re

from cantiere import results, voting
from cantiere.i18n import strings
from tests.conftest import ROOT

FILES = [
    "cantiere/results.py",
    "cantiere/report.py",
    "cantiere/ui/partecipa_methods.py",
    "cantiere/ui/facilitazione_rounds.py",
    *(
        f"cantiere/ui/methods/{name}.py"
        for name in ("common", "dots", "approval", "ranking", "budget", "pairwise", "matrix")
    ),
    "cantiere/ui/results_view.py",
    "views/risultati.py",
]
USES = re.compile(
    r"""\b(?:t|tr|translate)\(\s*["']((?:metodi|risultati|report|workshop|partecipa|facilitazione|vote)\.[a-z_.]+)["']"""
)


def test_keys_used_exist_in_both_languages():
    used = set()
    for name in FILES:
        text = (ROOT / name).read_text(encoding="utf-8")
        used |= set(USES.findall(text))
    assert len(used) > 60
    table = strings()
    assert sorted(k for k in used if k not in table) == []
    assert all(set(table[k]) == {"it", "en"} for k in used)


def test_dynamic_families_exist():
    table = strings()
    dynamic = [f"metodi.matrix.{axis}" for axis in voting.AXES]
    dynamic += [f"risultati.dimension.{d}" for d in results.DIMENSIONS]
    dynamic += [f"metodi.params.{m}" for m in ("pairwise", "matrix")]
    dynamic += ["risultati.download_html", "risultati.download_xlsx"]
    assert [k for k in dynamic if k not in table] == []


def test_core_modules_do_not_import_streamlit():
    for name in ("cantiere/results.py", "cantiere/report.py"):
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not any(m.split(".")[0] == "streamlit" for m in imported), name
