"""One voting method, one place: every registered method has all its pieces,
and a method that lacks one is caught.

The pieces: the rules (parameters, validation, tally, words, outcome) and the
chart in ``cantiere/voting/<name>.py``; the phone screen and the parameter form
in ``cantiere/ui/methods/<name>.py``; its strings in both languages
(``cantiere/voting/strings_<name>.py``, every key its modules use); its section
in the voting methods guide (``docs/metodi-di-voto*.md``, ``<a id="metodo-<name>">``).
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Mapping

import pytest

from cantiere import voting
from cantiere.i18n import LANGUAGES, strings
from cantiere.ui import methods as ui_methods
from cantiere.ui.methods.common import Screen, no_form, no_params
from tests.conftest import ROOT

# a translation key used in code: t("…"), translate("…"), Line("…"), SomeError("…")
KEY = re.compile(r"""(?:\bt|translate|Line|Error)\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")
RULES = ("check_params", "validate", "tally", "describe_params", "outcome", "details")


def docs_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("metodi-di-voto*.md")))


def _source(function) -> str:
    module = sys.modules.get(getattr(function, "__module__", ""), None)
    try:
        return inspect.getsource(module) if module else ""
    except (OSError, TypeError):
        return ""


def missing_pieces(
    name: str,
    methods: Mapping[str, voting.Method] | None = None,
    screens: Mapping[str, Screen] | None = None,
    table: Mapping[str, Mapping[str, str]] | None = None,
    docs: str | None = None,
) -> list[str]:
    """The pieces the method ``name`` lacks (empty when it is complete)."""
    methods = voting.METHODS if methods is None else methods
    screens = ui_methods.SCREENS if screens is None else screens
    table = strings() if table is None else table
    docs = docs_text() if docs is None else docs
    missing = []
    method = methods.get(name)
    screen = screens.get(name)
    if method is None:
        return ["rules", "chart", "strings", *(["screen", "form"] if screen is None else []), "docs"]
    if not all(callable(getattr(method, attr, None)) for attr in RULES):
        missing.append("rules")
    if not method.charts or not all(callable(chart) for chart in method.charts):
        missing.append("chart")
    if screen is None or not callable(screen.screen):
        missing.append("screen")
    if screen is None or not (callable(screen.form) and callable(screen.params_from_state)):
        missing.append("form")
    # the method's own words, and every key its modules use, in every language
    keys = {method.label, method.description, method.tie_rule, method.score_label}
    for function in (method.tally, *((screen.screen, screen.form) if screen else ())):
        keys |= set(KEY.findall(_source(function)))
    if any(k not in table or any(not table[k].get(lang) for lang in LANGUAGES) for k in keys):
        missing.append("strings")
    if f'id="metodo-{name}"' not in docs:
        missing.append("docs")
    return missing


@pytest.mark.parametrize("name", list(voting.METHODS))
def test_every_method_has_every_piece(name):
    assert missing_pieces(name) == []


def test_the_six_methods_are_registered_on_both_sides():
    assert list(voting.METHODS) == ["dots", "approval", "ranking", "budget", "pairwise", "matrix"]
    assert set(ui_methods.SCREENS) == set(voting.METHODS)


def test_each_method_has_its_strings_module():
    for name in voting.METHODS:
        assert (ROOT / "cantiere" / "voting" / f"strings_{name}.py").is_file(), name


# --- a seventh method, to prove the check fails when a piece is missing --------------------------


def _lottery_tally(ballots, items, params):
    return voting.Result("lottery", len(ballots), (), {})


def _lottery_chart(result, items, lang="it"):
    return None


LOTTERY = voting.Method(
    name="lottery",
    label="vote.method.lottery",
    description="vote.method.lottery.help",
    tie_rule="vote.method.lottery.tie",
    check_params=lambda params, items: {},
    validate=lambda ballot, items, params: dict(ballot),
    tally=_lottery_tally,
    charts=(_lottery_chart,),
    describe_params=lambda params, lang="it": "",
)
LOTTERY_SCREEN = Screen("lottery", lambda rnd, who: None, None, no_form, no_params)
LOTTERY_STRINGS = {
    key: {"it": "testo", "en": "text"}
    for key in ("vote.method.lottery", "vote.method.lottery.help", "vote.method.lottery.tie", "report.col.score")
}
LOTTERY_DOCS = '<a id="metodo-lottery"></a>\n## Lotteria\n'


def _check(method=LOTTERY, screen=LOTTERY_SCREEN, table=LOTTERY_STRINGS, docs=LOTTERY_DOCS) -> list[str]:
    methods = {**voting.METHODS, **({"lottery": method} if method else {})}
    screens = {**ui_methods.SCREENS, **({"lottery": screen} if screen else {})}
    return missing_pieces("lottery", methods, screens, {**strings(), **table}, docs)


def test_a_complete_seventh_method_passes():
    assert _check() == []


@pytest.mark.parametrize(
    "change, missing",
    [
        ({"method": None}, ["rules", "chart", "strings", "docs"]),
        ({"method": voting.Method(**{**LOTTERY.__dict__, "tally": None})}, ["rules"]),
        ({"method": voting.Method(**{**LOTTERY.__dict__, "charts": ()})}, ["chart"]),
        ({"screen": None}, ["screen", "form"]),
        ({"screen": Screen("lottery", lambda rnd, who: None, None, None, no_params)}, ["form"]),
        ({"table": {k: v for k, v in LOTTERY_STRINGS.items() if k != "vote.method.lottery.tie"}}, ["strings"]),
        ({"table": {**LOTTERY_STRINGS, "vote.method.lottery": {"it": "Lotteria", "en": ""}}}, ["strings"]),
        ({"docs": "## Lotteria\n"}, ["docs"]),
    ],
    ids=[
        "no rules at all",
        "no tally",
        "no chart",
        "no screen",
        "no form",
        "a string missing",
        "no English",
        "no docs",
    ],
)
def test_a_seventh_method_lacking_a_piece_is_caught(change, missing):
    assert _check(**change) == missing


def test_a_seventh_method_registered_for_real_without_its_pieces_fails(monkeypatch):
    """Registered the way a new module would be (in ``voting.METHODS``), with no
    screen, strings or docs: the registry test above would fail for it."""
    monkeypatch.setitem(voting.METHODS, "lottery", LOTTERY)
    assert "lottery" in voting.METHODS
    assert missing_pieces("lottery") == ["screen", "form", "strings", "docs"]
