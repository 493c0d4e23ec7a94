"""Downloads that never fail in silence (issue 17).

A download button given a callable builds the file only when pressed, outside
the script run: an exception there used to leave the button doing nothing, and
Streamlit logged the exception's text — which for openpyxl's
IllegalCharacterError is the comment itself. :func:`guarded` wraps the
builder: on failure it logs the exception's *type* only and hands the browser a
file of the same kind that opens and says, in Italian, that the export failed
and what to do (an XLSX with one sheet «errore», an HTML page, a zip with
LEGGIMI.txt, a JSON object).
"""

from __future__ import annotations

import io
import json
import logging
import zipfile
from collections.abc import Callable
from html import escape

from cantiere.i18n import translate

log = logging.getLogger("cantiere.export")


def failure_file(extension: str, message: str) -> bytes:
    """A file of kind ``extension`` (xlsx, html, zip, json) that opens and shows ``message``."""
    if extension == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "errore"
        sheet["A1"] = message
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    if extension == "html":
        return f'<!doctype html><html lang="it"><meta charset="utf-8"><p>{escape(message)}</p></html>'.encode()
    if extension == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("LEGGIMI.txt", message.encode("utf-8-sig"))
        return buffer.getvalue()
    return json.dumps({"errore": message}, ensure_ascii=False).encode("utf-8")


def guarded(build: Callable[[], bytes], extension: str, what: str, language: str = "it") -> Callable[[], bytes]:
    """``build`` for ``st.download_button(data=…)`` that never raises: a failure
    is logged by type (never its text: it may quote participants) and the file
    says that the export of ``what`` failed."""

    def run() -> bytes:
        try:
            return build()
        except Exception as exc:
            log.error("export %s failed: %s", what, type(exc).__name__)
            return failure_file(extension, translate("limits.export_failed", language, what=what))

    return run
