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
    before: str = ""  # source right before it, when the same words also serve as a name or key

    @property
    def found(self) -> str:
        return self.before + self.en


def _t(chunk: str, en: str, it: str, count: int = 1, before: str = "") -> Text:
    return Text(chunk, f"`{en}`", f"`{it}`", count, before)


TEXTS: tuple[Text, ...] = (
    # file uploader (Dati, Facilitazione): the limit shown is the widget's
    # max_upload_size (CANTIERE_MAX_UPLOAD_MB), not the server's transport ceiling
    _t("FileUploader", "Drag and drop a file here", "Trascina qui un file"),
    _t("FileUploader", "Drag and drop files here", "Trascina qui i file"),
    _t("FileUploader", "${T(t,D.Byte,0)} per file", "massimo ${T(t,D.Byte,0)} per file"),
    _t("FileUploader", "Upload", "Scegli un file"),
    _t("FileUploader", "Add files", "Aggiungi file"),
    _t("utils", "file upload", "scegli un file da caricare"),  # react-dropzone's hidden input
    # multiselect and selectbox (shared defaults in utils)
    _t("utils", "Choose options", "Scegli una o più voci"),
    _t("utils", "Choose an option", "Scegli una voce"),
    _t("utils", "No options to select", "Nessuna voce disponibile"),
    _t("Multiselect", "No results", "Nessun risultato", count=2),
    _t("Multiselect", "Clear all", "Togli tutte"),
    _t("Multiselect", "Select all", "Scegli tutte"),
    _t("Multiselect", "Select ${p.length} matches", "Scegli le ${p.length} trovate"),
    _t("Multiselect", "Open", "Apri"),
    _t("Multiselect", "option", "voce"),
    _t("Multiselect", "options", "voci"),
    _t(
        "Multiselect",
        "You can only select up to ${t.maxSelections} ${e}. Remove an option first.",
        "Puoi scegliere al massimo ${t.maxSelections} ${e}. Togline prima una.",
    ),
    _t("Selectbox", "No results", "Nessun risultato"),
    _t("Selectbox", "Clear value", "Togli la scelta"),
    _t("Selectbox", "Open", "Apri"),
    _t("Radio", "No options to select.", "Nessuna voce disponibile."),
    # text and number inputs
    _t("InputInstructions", "submit form", "inviare il modulo"),
    _t("InputInstructions", "apply", "confermare"),
    _t("InputInstructions", "Press ${r()?`⌘`:`Ctrl`}+Enter to ${e}", "Premi ${r()?`⌘`:`Ctrl`}+Invio per ${e}"),
    _t("InputInstructions", "Press Enter to ${e}", "Premi Invio per ${e}"),
    _t("TextInput", "Show password", "Mostra la password"),
    _t("TextInput", "Hide password", "Nascondi la password"),
    _t("TextInput", "Clear entry", "Cancella il testo"),
    _t("NumberInput", "Decrement", "Diminuisci"),
    _t("NumberInput", "Increment", "Aumenta"),
    _t("NumberInput", "Clear value", "Cancella il valore"),
    _t(
        "NumberInput",
        "Number is below the allowed range. Please enter a value greater than or equal to ${n}.",
        "Numero troppo piccolo: scrivi un valore di almeno ${n}.",
    ),
    _t("NumberInput", "Number is below the allowed range.", "Numero troppo piccolo."),
    _t(
        "NumberInput",
        "Number is above the allowed range. Please enter a value less than or equal to ${r}.",
        "Numero troppo grande: scrivi un valore di al massimo ${r}.",
    ),
    _t("NumberInput", "Number is above the allowed range.", "Numero troppo grande."),
    # tables and charts: the toolbar over them
    _t("Toolbar", "Fullscreen", "Schermo intero", before="label:"),
    _t("Toolbar", "Close fullscreen", "Chiudi lo schermo intero"),
    _t("PlotlyChart", "Fullscreen", "Schermo intero", before="`Close fullscreen`:"),
    _t("PlotlyChart", "Close fullscreen", "Chiudi lo schermo intero", before="l?"),
    _t("DataFrame", "Download as CSV", "Scarica come CSV"),
    _t("DataFrame", "Search", "Cerca", before="label:"),
    _t("DataFrame", "Show/hide columns", "Mostra o nascondi colonne"),
    # the page itself: navigation, status, errors
    _t("index", "App pages", "Pagine dell'app", count=2),
    _t("index", "Collapse sidebar", "Chiudi il menu laterale"),
    _t("index", "Expand sidebar", "Apri il menu laterale"),
    _t("index", "Sidebar", "Menu laterale", before='"aria-label":'),
    _t("index", "Main menu", "Menu principale", count=2),
    _t("index", "Skip to main content", "Vai al contenuto"),
    _t("index", "View less", "Mostra meno"),
    _t("index", "View ${x-m} more", "Mostra altre ${x-m}"),
    _t("index", "Running...", "Aggiornamento in corso…"),
    _t("index", "Stop", "Ferma"),
    _t("index", "Stopping...", "Arresto in corso…"),
    _t("index", "Please wait...", "Attendere…"),
    _t("index", "Page not found", "Pagina non trovata"),
    _t("index", "The page that you have requested does not seem to exist", "La pagina richiesta non esiste"),
    _t(
        "index",
        "You have requested page /${e}, but no corresponding file was found in the app's pages/ directory",
        "La pagina /${e} non esiste",
    ),
    _t("index", "${t}. Running the app's main page.", "${t}: si apre la pagina principale."),
    _t("index", "Connection error", "Connessione interrotta"),
    _t(
        "index",
        "Streamlit server is not responding. Are you connected to the internet?",
        "Il server non risponde. Controlla di essere collegato alla rete (Wi-Fi) della sala: "
        "la pagina si ricollega da sola appena possibile.",
    ),
    _t(
        "index",
        "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:",
        "Il server non risponde: è ancora acceso? Se è stato fermato, riavvialo dal terminale:",
    ),
    _t(
        "index",
        "Connection lost. Please wait for the app to reconnect, then try again.",
        "Connessione persa: attendi che l'app si ricolleghi, poi riprova.",
    ),
    _t("index", "Try again", "Riprova"),
    _t("index", "Continue anyway", "Continua comunque"),
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
    while (at := source.find(text.found, start)) >= 0:
        head = source[: at + len(text.before)].rstrip()
        before = head[-1:]
        word = _WORD_BEFORE.search(head)
        if _TAGGED.fullmatch(before or " ") and not (word and word.group(1) in _KEYWORDS):
            raise FrontendTextError(f"{file_name}: {text.en!r} follows {before!r}: not a plain expression")
        start = at + len(text.found)


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
        found = sum(source.count(text.found) for source in sources.values())
        if found != text.count:
            raise FrontendTextError(
                f"{text.chunk}.*.js: {text.found!r} found {found} times, expected {text.count} "
                f"(table for Streamlit {STREAMLIT_VERSION}: update cantiere/i18n/frontend_streamlit.py)"
            )
        for name, source in sources.items():
            if text.found in source:
                _check(source, text, name)
                out[name] = source.replace(text.found, f"{text.before}({IS_ENGLISH}?{text.en}:{text.it})")
    return out
