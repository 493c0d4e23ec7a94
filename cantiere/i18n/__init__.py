"""Translation table: Italian first, English second.

Strings live in one module per area (``strings_*.py``), each defining
``STRINGS = {key: {"it": ..., "en": ...}}``; they are merged here and a key
defined twice is an error, so areas can grow without stepping on each other.
A voting method keeps its strings next to its rules (``cantiere/voting/strings_<name>.py``).
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from functools import lru_cache

LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "it"
# Packages whose ``strings_*`` modules are merged: this one, and each voting method's words.
PACKAGES = ("cantiere.i18n", "cantiere.voting")


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    """Every key with its text in each language."""
    merged: dict[str, dict[str, str]] = {}
    for package in PACKAGES:
        path = importlib.import_module(package).__path__
        for info in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
            if not info.name.startswith("strings_"):
                continue
            module = importlib.import_module(f"{package}.{info.name}")
            for key, texts in module.STRINGS.items():
                if key in merged:
                    raise RuntimeError(f"i18n key {key!r} defined twice ({package}.{info.name})")
                merged[key] = texts
    return merged


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The text of ``key`` in ``lang``, with ``{param}`` placeholders filled.

    A missing key shows the key itself (visible, never a crash); tests check
    that every key used in the code exists in both languages.
    """
    texts = strings().get(key)
    if texts is None:
        return key
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def placeholders(text: str) -> set[str]:
    """Names of the ``{placeholders}`` in a text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
