"""What every reader of a file shares: the table of strings a file becomes
(``Table``), one thing wrong with it (``Problem``, with its severity), the
whole-file error, and the comuni looked up by code and by name.

Below both ``cantiere.importers`` (files of services and indicators in the
app's own columns) and ``cantiere.opendata`` (indicators as publishers release
them), which build on it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from cantiere import territory
from cantiere.errors import CantiereError
from cantiere.i18n import translate
from cantiere.text import fold

# a note says what was left out and why (rows of other comuni, text columns):
# the file is fine, the coordinator should know
ERROR, WARNING, NOTE = "errore", "avviso", "nota"
INDICATOR_COLUMNS = ["codice", "comune", "indicatore", "valore", "unita", "fonte", "anno"]


class ImportValidationError(CantiereError, ValueError):
    """A file cannot be read at all (size, format, encoding, structure)."""

    key = "imp.file.unreadable"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: ``row`` None means the whole file."""

    row: int | None
    column: str | None
    key: str
    params: dict = field(default_factory=dict)
    severity: str = ERROR

    def reason(self, lang: str = "it") -> str:
        return translate(self.key, lang, **self.params)

    def text(self, lang: str = "it", row_label: str = "riga") -> str:
        """E.g. "riga 12, colonna 'posti': 'dieci' non è un numero"."""
        where = []
        if self.row is not None:
            where.append(translate(f"imp.where.{row_label}", lang, n=self.row))
        if self.column:
            where.append(translate("imp.where.column", lang, name=self.column))
        prefix = ", ".join(where)
        return f"{prefix}: {self.reason(lang)}" if prefix else self.reason(lang)


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the user sees it, cells)
    file_format: str
    sheet: str | None = None
    row_label: str = "riga"
    problems: list[Problem] = field(default_factory=list)  # e.g. invalid geometries
    title: str = ""  # a title line above the header (ISTAT tables have one)


@lru_cache(maxsize=1)
def comuni_by_code() -> dict[str, territory.Comune]:
    return {c.code: c for c in territory.comuni()}


@lru_cache(maxsize=1)
def comuni_by_name() -> dict[str, territory.Comune]:
    index = {}
    for c in territory.comuni():
        index[fold(c.name)] = c
        index[fold(c.name).replace(" ", "")] = c  # "Santagata sul Santerno"
    return index
