"""The translation table: every key used exists in Italian and English, with
the same placeholders."""

import re

import pytest

from cantiere.i18n import LANGUAGES, placeholders, strings, translate
from tests.conftest import ROOT

# t("key"), translate("key"), SomeError("key"), key = "key", label="key" …
KEY_USE = re.compile(
    r"""(?:\bt\(|translate\(|Error\(|^\s*key = |label=|unit=|formula=)\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", re.M
)
# positional registry entries such as Indicator("x", "ind.x", "unit.y", "formula.x", …)
REGISTRY_KEY = re.compile(r"""["']((?:ind|unit|formula|nav|level|scheme)\.[a-z0-9_.]+)["']""")


def _used_keys():
    used = set()
    for folder in ("cantiere", "views"):
        for path in (ROOT / folder).rglob("*.py"):
            if "i18n" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            used |= set(KEY_USE.findall(text)) | set(REGISTRY_KEY.findall(text))
    used |= set(KEY_USE.findall((ROOT / "app.py").read_text(encoding="utf-8")))
    return {k for k in used if not k.endswith(".") and not k.endswith(".py")}


def test_every_used_key_exists():
    missing = sorted(k for k in _used_keys() if k not in strings())
    assert not missing, f"keys used but not defined: {missing}"


def test_dynamic_key_families_exist():
    from cantiere import classes, indicators

    for level in indicators.LEVELS:
        assert f"level.{level}" in strings()
    for scheme in classes.SCHEMES:
        assert f"scheme.{scheme}" in strings()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_has_every_language(lang):
    missing = [k for k, texts in strings().items() if not texts.get(lang)]
    assert not missing, f"{lang} missing for {missing}"


def test_placeholders_match_between_languages():
    mismatched = [k for k, texts in strings().items() if placeholders(texts["it"]) != placeholders(texts["en"])]
    assert not mismatched, mismatched


def test_translate_fills_parameters_and_falls_back_to_the_key():
    assert translate("error.unknown_name", "it", kind="livello", name="x", valid="a, b") == (
        "Valore non valido per «livello»: «x». Valori validi: a, b."
    )
    assert translate("no.such.key") == "no.such.key"
