"""Streamlit's own words, in Italian: texts of its JavaScript frontend.

Streamlit 1.67 writes the texts of its widgets in English inside its
JavaScript chunks («Drag and drop file here», «Choose options», «Press
Ctrl+Enter to apply», «Connection error»…), with no translation mechanism.
``cantiere.ui.frontend`` rewrites those chunks once at start-up: each
English text below becomes a JavaScript expression that picks the English
text when the page is in English (``?lang=en`` in the address, or the
server's default language) and the Italian one otherwise.

Each entry names the chunk (the file name up to its first dot), the text as
it is written in the chunk (a JavaScript template literal, backticks
included, interpolations ``${…}`` as they are) and the Italian text with the
same interpolations. The minified names inside ``${…}`` belong to this
Streamlit version: after an upgrade an entry may no longer be found, and
then :func:`apply_all` raises ``FrontendTextError`` at start-up in the tests
(tests/unit/test_frontend.py) — never a silent return to English. Update the
entries for the new chunks (``grep -o`` the English text in
``streamlit/static/static/js``) and ``STREAMLIT_VERSION``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STREAMLIT_VERSION = "1.67.0"

# True when the page is in English: ?lang=en, else <html lang> (the server's
# default language, written into index.html by cantiere.ui.frontend).
IS_ENGLISH = '((new URLSearchParams(location.search).get("lang")||document.documentElement.lang)==="en")'


class FrontendTextError(RuntimeError):
    """A Streamlit text to translate is not where this table says (Streamlit changed)."""


@dataclass(frozen=True)
class Text:
    """One English text of a Streamlit chunk and its Italian."""

    chunk: str  # file name up to the first dot: "FileUploader" for FileUploader.D7YhAWeM.js
    en: str  # JavaScript source exactly as in the chunk (a template literal)
    it: str  # the Italian, same interpolations
    count: int = 1  # how many times the chunk holds it


def _t(chunk: str, en: str, it: str, count: int = 1) -> Text:
    return Text(chunk, f"`{en}`", f"`{it}`", count)


TEXTS: tuple[Text, ...] = (
    # file uploader (Dati, Facilitazione)
    _t("FileUploader", "Drag and drop a file here", "Trascina qui un file"),
    _t("FileUploader", "Drag and drop files here", "Trascina qui i file"),
    _t("FileUploader", "${T(t,D.Byte,0)} per file", "max ${T(t,D.Byte,0)} per file"),
    # multiselect and selectbox placeholders (utils: shared defaults)
    _t("utils", "Choose options", "Scegli una o più opzioni"),
    _t("utils", "Choose an option", "Scegli un'opzione"),
    _t("utils", "No options to select", "Nessuna opzione disponibile"),
    _t("Multiselect", "No results", "Nessun risultato", count=2),
    _t("Multiselect", "Clear all", "Togli tutto"),
    _t("Selectbox", "No results", "Nessun risultato"),
    _t("Selectbox", "Clear value", "Togli la scelta"),
    # text inputs: the hint under a field being edited
    _t("InputInstructions", "submit form", "inviare il modulo"),
    _t("InputInstructions", "apply", "applicare"),
    _t("InputInstructions", "Press ${r()?`⌘`:`Ctrl`}+Enter to ${e}", "Premi ${r()?`⌘`:`Ctrl`}+Invio per ${e}"),
    _t("InputInstructions", "Press Enter to ${e}", "Premi Invio per ${e}"),
    # the page itself
    _t("index", "Page not found", "Pagina non trovata"),
    _t("index", "Connection error", "Errore di connessione"),
)


def chunk_name(file_name: str) -> str:
    return file_name.split(".", 1)[0]


# A template literal right after one of these is a tagged template (a call),
# unless the word before it is a keyword (return`…`, case`…`:).
_TAGGED = re.compile(r"[\w$)\]`]")
_WORD_BEFORE = re.compile(r"([\w$]+)$")
_KEYWORDS = {"return", "case", "typeof", "void", "throw", "else", "in", "of", "yield", "await", "do", "delete", "new"}


def _check(source: str, text: Text, file_name: str) -> None:
    start = 0
    while (at := source.find(text.en, start)) >= 0:
        head = source[:at].rstrip()
        before = head[-1:]
        word = _WORD_BEFORE.search(head)
        if _TAGGED.fullmatch(before or " ") and not (word and word.group(1) in _KEYWORDS):
            raise FrontendTextError(f"{file_name}: {text.en!r} follows {before!r}: not a plain expression")
        start = at + len(text.en)


def apply_all(chunks: dict[str, str], texts: tuple[Text, ...] = TEXTS) -> dict[str, str]:
    """The rewritten chunks, by file name, of ``chunks`` (file name → source):
    each English text replaced by "English or Italian".

    Several chunks may share a name (``utils.ob4wbeQt.js``, ``utils.BJVSE7F9.js``):
    a text must be found ``count`` times in all of them together. Raises
    FrontendTextError when it is not, or when it sits where a string cannot
    become an expression (a tagged template)."""
    out: dict[str, str] = {}
    for text in texts:
        names = [name for name in chunks if chunk_name(name) == text.chunk]
        sources = {name: out.get(name, chunks[name]) for name in names}
        found = sum(source.count(text.en) for source in sources.values())
        if found != text.count:
            raise FrontendTextError(
                f"{text.chunk}.*.js: {text.en!r} found {found} times, expected {text.count} "
                f"(table for Streamlit {STREAMLIT_VERSION}: update cantiere/i18n/frontend_streamlit.py)"
            )
        for name, source in sources.items():
            if text.en in source:
                _check(source, text, name)
                out[name] = source.replace(text.en, f"({IS_ENGLISH}?{text.en}:{text.it})")
    return out
