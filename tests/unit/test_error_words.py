"""Errors speak the reader's language: a message parameter that names a thing
("Non trovato: {what} n. 7") is an i18n key translated when the message is
shown, never an Italian noun, so the English screen never says «Not found:
priorità no. 7»."""

from __future__ import annotations

import ast

import pytest

from cantiere.errors import UnknownNameError
from cantiere.i18n import strings, translate
from cantiere.workshop_errors import NotFoundError, PhaseError
from tests.conftest import ROOT

# error class -> (the parameter that names a thing, where it is: a keyword or the nth positional)
NAMING = {"UnknownNameError": ("kind", 0), "NotFoundError": ("what", None)}


def _calls():
    """(file, line, class, the literal passed as the thing's name) for every such call in cantiere/."""
    found = []
    for path in sorted((ROOT / "cantiere").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in NAMING:
                continue
            keyword, position = NAMING[name]
            arg = next((k.value for k in node.keywords if k.arg == keyword), None)
            if arg is None and position is not None and len(node.args) > position:
                arg = node.args[position]
            literal = arg.value if isinstance(arg, ast.Constant) else None
            found.append((str(path.relative_to(ROOT)), node.lineno, name, literal))
    return found


CALLS = _calls()


def test_every_call_was_found():
    assert len(CALLS) >= 40  # the calls of the issue: about 46 when it was written


@pytest.mark.parametrize("where, line, name, literal", CALLS, ids=[f"{c[0]}:{c[1]}" for c in CALLS])
def test_the_thing_is_a_key_with_both_languages(where, line, name, literal):
    assert literal is not None, f"{where}:{line}: {name} must name the thing with a literal key"
    assert literal.startswith("thing."), f"{where}:{line}: {literal!r} is not a thing.* key"
    assert set(strings()[literal]) == {"it", "en"}


@pytest.mark.parametrize("where, line, name, literal", CALLS, ids=[f"{c[0]}:{c[1]}" for c in CALLS])
def test_rendered_in_english_no_italian_noun_is_left(where, line, name, literal):
    error = (
        UnknownNameError(literal, "x", ["a", "b"]) if name == "UnknownNameError" else NotFoundError(what=literal, id=7)
    )
    italian, english = translate(literal, "it"), translate(literal, "en")
    text = error.message("en")
    assert english in text
    if italian != english:  # "comune" is the same word in both (an Italian administrative term)
        assert italian not in text


def test_the_issue_example():
    error = NotFoundError(what="thing.priority", id=7)
    assert error.message("en") == "Not found: priority no. 7."
    assert error.message("it") == "Non trovato: priorità n. 7."


def test_a_phase_move_names_the_phases_in_english():
    error = PhaseError("workshop.error.phase_move", old="workshop.phase.bozza", new="workshop.phase.voto")
    assert error.message("en") == "Cannot move from phase “draft” to phase “voting”."
    assert error.message("it") == "Non si può passare dalla fase «bozza» alla fase «voto»."


def test_the_ui_escapes_after_translating(monkeypatch):
    from cantiere import ui

    monkeypatch.setattr(ui, "lang", lambda: "en")
    assert ui.error_message(UnknownNameError("thing.service_type", "nido_*", ["a"])) == (
        "Invalid value for “service type”: “nido\\_\\*”. Valid values: a."
    )


def test_the_call_sites_parse_the_way_this_test_reads_them():
    """A guard on the reader above: a call with a variable would be missed silently."""
    tree = ast.parse('raise UnknownNameError(kind_var, name, valid)\nraise NotFoundError(what="thing.x", id=1)')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert isinstance(calls[0].args[0], ast.Name) and isinstance(calls[1].keywords[0].value, ast.Constant)
