"""Readers and validation for the files coordinators load: services and extra
indicators, as CSV, XLSX or GeoJSON, the way Italian sources publish them.

``validate(kind, filename, data)`` never raises for bad content: it returns a
``Report`` whose problems name the row, the column and the reason (an i18n key,
Italian first). ``import_file`` validates and, only when nothing is wrong,
stores the whole file in one transaction; a rejected file changes nothing.

Decisions (documented in docs/dati.md):
- encoding: UTF-8 (with or without BOM), else Windows-1252; UTF-16 and text
  already garbled by a wrong conversion ("Ã¨", "â€™") are rejected;
- separator: ``;``, ``,`` or tab, whichever the header uses most; an Excel
  ``sep=;`` first line is skipped;
- XLSX: the only non-empty sheet; with several, the sheet named like the kind
  ("servizi" / "indicatori"); otherwise rejected, listing the sheets. The
  uncompressed size is checked before opening (zip bombs);
- points whose coordinates fall in a comune other than the declared one are
  a warning (borders are simplified and geocoding is often approximate), points
  outside the province or swapped latitude/longitude are errors.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import hashlib
import io
import json
import math
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import shapely

from cantiere import bounded, derived, fmt, opendata, presets, service_types, territory
from cantiere.actors import require_facilitator
from cantiere.errors import CantiereError, UnknownNameError
from cantiere.i18n import translate
from cantiere.store import datasets
from cantiere.tables import ERROR as ERROR
from cantiere.tables import INDICATOR_COLUMNS as INDICATOR_COLUMNS
from cantiere.tables import NOTE as NOTE
from cantiere.tables import WARNING as WARNING
from cantiere.tables import ImportValidationError as ImportValidationError
from cantiere.tables import Problem as Problem
from cantiere.tables import Table as Table
from cantiere.tables import comuni_by_code as _comuni_by_code
from cantiere.tables import comuni_by_name as _comuni_by_name
from cantiere.text import fold
from cantiere.workshop_errors import PermissionDeniedError

KINDS = ("services", "indicators")
MAX_ROWS = 100_000
MAX_TEXT = 200  # longest name, address or operator accepted
# uncompressed XLSX content may be this many times the upload limit (real
# spreadsheets compress 5-10x; a zip bomb compresses 1000x)
XLSX_EXPANSION = 5
# read files in a bounded worker process (cantiere.bounded); tests of pure reading may switch it off
IN_WORKER = True
# lat/lon bounds of the province with a small margin: outside them a point is
# plainly elsewhere (or swapped), inside them the polygon test decides
_BBOX = (43.9, 44.9, 11.3, 12.6)


class ImportRejectedError(CantiereError):
    """A file has errors: nothing was imported; ``report`` lists them."""

    key = "imp.rejected"

    def __init__(self, report: Report):
        super().__init__(errors=len(report.errors))
        self.report = report


class NotAuthorizedError(CantiereError, PermissionError):
    """A coordinator-only action was attempted by someone who is not a facilitator."""

    key = "imp.not_authorized"


@dataclass
class Report:
    """The outcome of validating a file: the good rows and every problem."""

    kind: str
    filename: str
    rows: pd.DataFrame
    problems: list[Problem]
    file_format: str = ""
    sheet: str | None = None
    row_label: str = "riga"  # "elemento" for GeoJSON features
    # indicators as published (``cantiere.opendata``): one definition per
    # indicator (name, formula, unit, source, licence, year), the dataset's
    # source/licence/attribution/year/preset/outside_rows, and what the file holds
    definitions: list[dict] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    inspection: object | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == NOTE]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.rows.empty

    def table(self, lang: str = "it") -> pd.DataFrame:
        """Problems as a table: row, column, severity, reason."""
        return pd.DataFrame(
            {
                translate("imp.col.row", lang): [p.row if p.row is not None else "–" for p in self.problems],
                translate("imp.col.column", lang): [p.column or "–" for p in self.problems],
                translate("imp.col.severity", lang): [
                    translate(f"imp.severity.{p.severity}", lang) for p in self.problems
                ],
                translate("imp.col.reason", lang): [p.reason(lang) for p in self.problems],
            }
        )

    def text(self, lang: str = "it") -> str:
        """The report as plain lines (CLI)."""
        lines = [
            translate(
                "imp.summary",
                lang,
                name=self.filename,
                fmt=self.file_format or "?",
                rows=len(self.rows),
                errors=len(self.errors),
                warnings=len(self.warnings),
            )
        ]
        if self.sheet:
            lines.append(translate("imp.sheet_used", lang, sheet=self.sheet))
        for p in self.problems:
            label = translate(f"imp.severity.{p.severity}", lang).upper()
            lines.append(f"{label}  {p.text(lang, self.row_label)}")
        if self.ok:
            label = translate("imp.definition", lang).upper()
            for d in self.definitions:
                unit = f" ({d['unit']})" if d.get("unit") else ""
                lines.append(f"{label}  {d['name']}{unit} = {d['formula']}")
        return "\n".join(lines)


# --------------------------------------------------------------------------
# names and values


def _header_key(text: str) -> str:
    return fold(text).replace(" ", "_")


@lru_cache(maxsize=1)
def _prepared_boundaries() -> tuple:
    frame = territory.boundaries()
    shapes = list(frame.geometry.values)
    shapely.prepare(shapes)
    return tuple(zip(frame["code"], shapes))


def comune_at(lat: float, lon: float) -> territory.Comune | None:
    """Same answer as ``territory.comune_at`` (same boundaries, ``covers``), on
    prepared geometries: ~50 µs a point instead of ~1 ms, for files of many rows."""
    point = shapely.Point(lon, lat)
    for code, shape in _prepared_boundaries():
        if shape.covers(point):
            return _comuni_by_code()[code]
    return None


def resolve_comune(code: str, name: str) -> tuple[territory.Comune | None, Problem | None]:
    """The comune named by an ISTAT code (039014 or 39014) or a name; else a problem.

    The problem has no row; the caller adds it.
    """
    valid = _comuni_by_code()
    if code:
        try:
            found = valid.get(territory.istat_code(code))
        except ValueError:
            return None, Problem(None, None, "imp.row.bad_code", {"value": code})
        if found is None:
            return None, Problem(None, None, "imp.row.code_outside", {"value": code})
        if name and fold(name) != fold(found.name) and fold(name).replace(" ", "") != fold(found.name).replace(" ", ""):
            return None, Problem(
                None, None, "imp.row.code_name_mismatch", {"code": found.code, "found": found.name, "name": name}
            )
        return found, None
    if not name:
        return None, Problem(None, None, "imp.row.missing")
    index = _comuni_by_name()
    key = fold(name)
    found = index.get(key) or index.get(key.replace(" ", ""))
    if found is None:
        close = difflib.get_close_matches(key, [fold(c.name) for c in territory.comuni()], n=1)
        hint = index[close[0]].name if close else ""
        problem_key = "imp.row.unknown_comune_hint" if hint else "imp.row.unknown_comune"
        return None, Problem(None, None, problem_key, {"value": name, "hint": hint})
    return found, None


def _number(text: str) -> float:
    return fmt.parse_number(text)


# --------------------------------------------------------------------------
# reading files into a table of strings


_MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122]|â€|Â[\u00a0-\u00bf]")


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:4096]:
        raise ImportValidationError("imp.file.utf16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ImportValidationError("imp.file.encoding", position=exc.start) from None
    garbled = _MOJIBAKE.search(text)
    if garbled:
        line = text.count("\n", 0, garbled.start()) + 1
        raise ImportValidationError("imp.file.mojibake", sample=garbled.group(0), line=line)
    return text


def _is_title(line: list[str], following: list[str]) -> bool:
    """A title above the header: one filled cell over a row of three or more."""
    return len([c for c in line if c.strip()]) == 1 and len([c for c in following if c.strip()]) >= 3


def _sniff_separator(line: str) -> str | None:
    counts = {sep: 0 for sep in (";", ",", "\t")}
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def _read_csv(data: bytes) -> Table:
    text = _decode(data)
    lines = text.splitlines()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start < len(lines) and lines[start].strip().lower().startswith("sep="):
        start += 1  # Excel's "sep=;" hint
    if start >= len(lines):
        raise ImportValidationError("imp.file.empty")
    titles = []
    # ISTAT puts a title line above the header: one cell, then a line of several
    while len(titles) < 3 and start + 1 < len(lines):
        following = _sniff_separator(lines[start + 1])
        try:
            title_like = following is not None and _is_title(
                next(csv.reader([lines[start]], delimiter=following), []),
                next(csv.reader([lines[start + 1]], delimiter=following), []),
            )
        except csv.Error:  # a huge or broken cell: not a title, the reader below reports it
            title_like = False
        if not title_like:
            break
        titles.append(lines[start].strip().strip('"').strip())
        start += 1
    title = " ".join(titles)
    separator = _sniff_separator(lines[start])
    if separator is None:
        raise ImportValidationError("imp.file.separator", header=lines[start][:80])
    del text  # the lines are enough: one copy of the file less in memory
    reader = csv.reader(io.StringIO("\n".join(lines[start:])), delimiter=separator, strict=True)
    del lines[start:]
    records = []
    cells = 0
    try:
        for record in reader:  # bounded: columns per row and cells in all (issue 17)
            cells += _check_width(len(record))
            if cells > bounded.MAX_CELLS:
                raise ImportValidationError("imp.file.too_many_rows", limit=fmt.number(MAX_ROWS))
            records.append(record)
    except csv.Error:
        raise ImportValidationError("imp.file.csv_syntax", line=start + reader.line_num) from None
    headers = [h.strip() for h in records[0]]
    rows = []
    for offset, cells in enumerate(records[1:], start=2):
        if any(c.strip() for c in cells):
            rows.append((start + offset, [c.strip() for c in cells]))
    label = {";": "CSV (;)", ",": "CSV (,)", "\t": "CSV (tab)"}[separator]
    return Table(headers, rows, label, title=title)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def _check_width(columns: int) -> int:
    """``columns`` of one row, or ImportValidationError over bounded.MAX_COLUMNS."""
    if columns > bounded.MAX_COLUMNS:
        raise ImportValidationError(
            "limits.too_many_columns", columns=fmt.number(columns), limit=fmt.number(bounded.MAX_COLUMNS)
        )
    return columns


def _check_dimensions(archive: zipfile.ZipFile) -> None:
    """The size every sheet declares, before any sheet is parsed (issue 17: a
    1.7 KB file declaring A1:XFD1048576 held a core for 13 minutes)."""
    for path, ref, rows, columns in bounded.xlsx_dimensions(archive):
        if rows > bounded.MAX_ROW_NUMBER or columns > bounded.MAX_COLUMNS:
            raise ImportValidationError(
                "limits.xlsx_dimension",
                sheet=path.rsplit("/", 1)[-1].removesuffix(".xml"),
                ref=ref,
                rows=fmt.number(rows),
                columns=fmt.number(columns),
                max_rows=fmt.number(bounded.MAX_ROW_NUMBER),
                max_columns=fmt.number(bounded.MAX_COLUMNS),
            )


def _read_xlsx(data: bytes, kind: str, max_bytes: int) -> Table:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportValidationError("imp.file.xlsx_invalid") from None
    # declared sizes bound what zipfile will inflate (it stops at file_size and
    # fails the CRC), so checking them before opening stops zip bombs
    expanded = sum(e.file_size for e in entries)
    limit = max_bytes * XLSX_EXPANSION
    if expanded > limit or len(entries) > bounded.MAX_ZIP_ENTRIES:
        raise ImportValidationError(
            "imp.file.xlsx_expands", mb=fmt.number(expanded / 2**20, 1), limit=fmt.number(limit / 2**20, 0)
        )
    _check_dimensions(archive)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types on damaged files
        raise ImportValidationError("imp.file.xlsx_invalid") from None
    try:
        sheets = {}
        cells_read = 0
        for ws in book.worksheets:
            rows = []
            # the declared dimension was checked; it is then ignored, so that empty rows
            # stay empty tuples instead of being padded to the declared width
            ws.reset_dimensions()
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                if number > bounded.MAX_ROW_NUMBER:
                    raise ImportValidationError("imp.file.too_many_rows", limit=fmt.number(MAX_ROWS))
                if not values:
                    continue
                cells_read += _check_width(len(values))
                if cells_read > bounded.MAX_CELLS:
                    raise ImportValidationError("imp.file.too_many_rows", limit=fmt.number(MAX_ROWS))
                cells = [_cell_text(v) for v in values]
                if any(cells):
                    rows.append((number, cells))
                if len(rows) > MAX_ROWS + 1:
                    raise ImportValidationError("imp.file.too_many_rows", limit=fmt.number(MAX_ROWS))
            if rows:
                sheets[ws.title] = rows
    except ImportValidationError:
        raise
    except Exception:
        raise ImportValidationError("imp.file.xlsx_invalid") from None
    finally:
        book.close()
    if not sheets:
        raise ImportValidationError("imp.file.empty")
    if len(sheets) == 1:
        title = next(iter(sheets))
    else:
        wanted = {"services": "servizi", "indicators": "indicatori"}[kind]
        named = [s for s in sheets if fold(s) == wanted]
        if not named:
            raise ImportValidationError(
                "imp.file.xlsx_sheets", count=len(sheets), sheets=", ".join(f"«{s}»" for s in sheets), wanted=wanted
            )
        title = named[0]
    rows = sheets[title]
    titles = []
    while len(titles) < 3 and len(rows) > 1 and _is_title(rows[0][1], rows[1][1]):
        titles.append(next(c for c in rows[0][1] if c.strip()))
        rows = rows[1:]
    headers = rows[0][1]
    width = len(headers)
    while width and not headers[width - 1]:
        width -= 1
    headers = headers[:width]
    body = [(n, cells[:width] + [""] * (width - len(cells)) if len(cells) < width else cells) for n, cells in rows[1:]]
    return Table(headers, body, "XLSX", sheet=title, title=" ".join(titles))


def _read_geojson(data: bytes) -> Table:
    text = _decode(data)
    if bounded.json_depth(text) > bounded.MAX_JSON_DEPTH:  # before parsing: no recursion, no quadratic work
        raise ImportValidationError("limits.json_too_deep", limit=bounded.MAX_JSON_DEPTH)
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        raise ImportValidationError("imp.file.json_invalid") from None
    del text
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        doc = {"type": "FeatureCollection", "features": [doc]}
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise ImportValidationError("imp.file.geojson_structure")
    features = doc["features"]
    if not features:
        raise ImportValidationError("imp.file.no_rows")
    coordinate_names = set(ALIASES["lat"]) | set(ALIASES["lon"])
    found: dict[str, None] = {}  # property names in order of appearance (a dict: linear, issue 17)
    records = []
    problems = []
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        props = props if isinstance(props, dict) else {}
        for name in props:
            if str(name) not in found and _header_key(str(name)) not in coordinate_names:
                found[str(name)] = None
                if len(found) > bounded.MAX_COLUMNS:
                    raise ImportValidationError("limits.too_many_properties", limit=fmt.number(bounded.MAX_COLUMNS))
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        lat = lon = ""
        reason = _geometry_problem(geometry)
        if reason:
            problems.append(Problem(number, "geometry", reason))
        else:
            lon, lat = (_cell_text(float(v)) for v in geometry["coordinates"][:2])
        records.append((number, props, lat, lon))
    headers = list(found)
    if len(records) * (len(headers) + 2) > bounded.MAX_CELLS:
        raise ImportValidationError("imp.file.too_many_rows", limit=fmt.number(MAX_ROWS))
    rows = []
    for number, props, lat, lon in records:
        rows.append(
            (
                number,
                [
                    _cell_text(props.get(h)) if not isinstance(props.get(h), (dict, list)) else json.dumps(props.get(h))
                    for h in headers
                ]
                + [lat, lon],
            )
        )
    return Table(headers + ["lat", "lon"], rows, "GeoJSON", row_label="elemento", problems=problems)


def _geometry_problem(geometry: object) -> str | None:
    if not isinstance(geometry, dict):
        return "imp.geo.missing"
    if geometry.get("type") != "Point":
        return "imp.geo.not_point"
    coords = geometry.get("coordinates")
    if not isinstance(coords, list) or len(coords) < 2:
        return "imp.geo.bad_coordinates"
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in coords[:2]):
        return "imp.geo.bad_coordinates"
    return None


def read_table(kind: str, filename: str, data: bytes, max_bytes: int) -> Table:
    """The file as a table of strings. Raises ImportValidationError when it cannot
    be read, BudgetExceededError when reading it took more than its time or
    memory budget (``cantiere.bounded``: the reading runs in a worker process)."""
    if len(data) > max_bytes:
        raise ImportValidationError(
            "imp.file.too_big", mb=fmt.number(len(data) / 2**20, 1), limit=fmt.number(max_bytes / 2**20, 0)
        )
    if not IN_WORKER or bounded.in_worker():
        return _read_table(kind, filename, data, max_bytes)
    return bounded.run(_read_table, kind, filename, data, max_bytes)


def _read_table(kind: str, filename: str, data: bytes, max_bytes: int) -> Table:
    if len(data) > max_bytes:
        raise ImportValidationError(
            "imp.file.too_big", mb=fmt.number(len(data) / 2**20, 1), limit=fmt.number(max_bytes / 2**20, 0)
        )
    if not data.strip():
        raise ImportValidationError("imp.file.empty")
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, kind, max_bytes)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportValidationError("imp.file.xls")
    if suffix in ("xlsx", "xlsm"):
        raise ImportValidationError("imp.file.xlsx_invalid")
    if suffix in ("geojson", "json") or data.lstrip()[:1] in (b"{", b"["):
        return _read_geojson(data)
    return _read_csv(data)


# --------------------------------------------------------------------------
# columns

# canonical field -> accepted header names (normalised: lower case, no accents, "_")
ALIASES: dict[str, tuple[str, ...]] = {
    "nome": (
        "nome",
        "nome_servizio",
        "denominazione_servizio",
        "servizio",
        "struttura",
        "denominazione_struttura",
        "name",
    ),
    "tipo": ("tipo", "tipologia", "tipo_servizio", "tipologia_servizio", "type"),
    "codice": (
        "codice_istat",
        "codice_comune",
        "pro_com",
        "pro_com_t",
        "cod_istat",
        "istat",
        "codice",
        "cod_comune",
        "codice_comune_formato_alfanumerico",
        "codice_comune_formato_numerico",
    ),
    "comune": (
        "comune",
        "denominazione",
        "denominazione_comune",
        "nome_comune",
        "denominazione_in_italiano",
        "municipality",
    ),
    "indirizzo": ("indirizzo", "via", "address"),
    "lat": ("lat", "latitudine", "latitude", "y"),
    "lon": ("lon", "lng", "long", "longitudine", "longitude", "x"),
    "posti": ("posti", "capacita", "capienza", "posti_autorizzati", "posti_disponibili", "capacity"),
    "gestore": ("gestore", "ente_gestore", "soggetto_gestore", "operatore"),
    "tipo_gestore": ("tipo_gestore", "natura_gestore", "tipologia_gestore", "natura_giuridica"),
    "esempio": ("esempio", "dati_di_esempio"),
    "indicatore": ("indicatore", "nome_indicatore", "indicator"),
    "valore": ("valore", "value", "val"),
    "fonte": ("fonte", "source"),
    "anno": ("anno", "year"),
    "unita": ("unita", "unita_di_misura", "unit"),
}
FIELDS = {
    "services": (
        "nome",
        "tipo",
        "codice",
        "comune",
        "indirizzo",
        "lat",
        "lon",
        "posti",
        "gestore",
        "tipo_gestore",
        "esempio",
    ),
    "indicators": ("codice", "comune", "indicatore", "valore", "fonte", "anno", "unita"),
}
REQUIRED = {"services": ("nome", "tipo", "posti"), "indicators": ()}


def _map_columns(kind: str, headers: list[str]) -> tuple[dict[str, int], list[int]]:
    """canonical field -> column index, plus the indexes of unknown columns."""
    found: dict[str, int] = {}
    unknown = []
    seen: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = _header_key(header)
        if not key:
            if kind == "services":
                unknown.append(index)
            continue
        if key in seen:
            raise ImportValidationError("imp.file.duplicate_header", name=header)
        seen[key] = index
        field_name = next((f for f in FIELDS[kind] if key in ALIASES[f]), None)
        if field_name is None:
            unknown.append(index)
        elif field_name in found:
            raise ImportValidationError(
                "imp.file.ambiguous_header", field=field_name, first=headers[found[field_name]], second=header
            )
        else:
            found[field_name] = index
    return found, unknown


def _check_required(kind: str, headers: list[str], columns: dict[str, int]) -> None:
    missing = [f for f in REQUIRED[kind] if f not in columns]
    if "codice" not in columns and "comune" not in columns:
        missing.append("comune")
    if kind == "indicators" and "indicatore" in columns and "valore" not in columns:
        missing.append("valore")
    if not missing:
        return
    if len(headers) == 1:
        # one column where several were expected: the separator is not ; , or tab
        raise ImportValidationError("imp.file.separator", header=headers[0][:80])
    names = {f: ALIASES[f] + (ALIASES["codice"] if f == "comune" else ()) for f in missing}
    accepted = "; ".join(f"{f} → {', '.join(n)}" for f, n in names.items())
    raise ImportValidationError(
        "imp.file.missing_columns",
        missing=", ".join(missing),
        found=", ".join(h for h in headers if h) or "–",
        accepted=accepted,
    )


# --------------------------------------------------------------------------
# validation per kind


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def _truthy(text: str) -> bool:
    return fold(text) not in ("", "no", "0", "false", "falso", "n")


def _coordinates(
    lat_text: str, lon_text: str, declared: territory.Comune | None, row: int, headers
) -> tuple[float | None, float | None, list[Problem]]:
    lat_col, lon_col = headers
    if not lat_text and not lon_text:
        return None, None, []
    if not lat_text or not lon_text:
        col = lat_col if not lat_text else lon_col
        return None, None, [Problem(row, col, "imp.row.coord_half")]
    problems = []
    values = []
    for text, col in ((lat_text, lat_col), (lon_text, lon_col)):
        try:
            values.append(_number(text))
        except ValueError:
            problems.append(Problem(row, col, "imp.row.not_number", {"value": text}))
    if problems:
        return None, None, problems
    lat, lon = values
    if not (-90 <= lat <= 90) or not (-180 <= lon <= 180):
        return None, None, [Problem(row, lat_col, "imp.row.coord_range", {"lat": lat_text, "lon": lon_text})]
    south, north, west, east = _BBOX
    inside_box = south <= lat <= north and west <= lon <= east
    where = comune_at(lat, lon) if inside_box else None
    if where is None:
        if south <= lon <= north and west <= lat <= east and comune_at(lon, lat) is not None:
            return None, None, [Problem(row, lat_col, "imp.row.coord_swapped", {"lat": lat_text, "lon": lon_text})]
        return None, None, [Problem(row, lat_col, "imp.row.coord_outside", {"lat": lat_text, "lon": lon_text})]
    if declared is not None and where.code != declared.code:
        problems.append(
            Problem(
                row, lat_col, "imp.row.coord_other_comune", {"found": where.name, "declared": declared.name}, WARNING
            )
        )
    return lat, lon, problems


def _text(cells, columns, name, row, headers, problems, required=False) -> str:
    value = _cell(cells, columns, name)
    column = headers[columns[name]] if name in columns else name
    if required and not value:
        problems.append(Problem(row, column, "imp.row.missing"))
    elif len(value) > MAX_TEXT:
        problems.append(Problem(row, column, "imp.row.too_long", {"limit": MAX_TEXT}))
        value = value[:MAX_TEXT]
    return value


def _comune_of_row(cells, columns, headers, row, problems) -> territory.Comune | None:
    code = _cell(cells, columns, "codice")
    name = _cell(cells, columns, "comune")
    found, problem = resolve_comune(code, name)
    if problem:
        column = (
            headers[columns["codice"]]
            if code and "codice" in columns
            else headers[columns.get("comune", columns.get("codice"))]
        )
        problems.append(Problem(row, column, problem.key, problem.params))
    return found


def _services(table: Table, columns: dict[str, int], **_) -> tuple[pd.DataFrame, list[Problem]]:
    headers = table.headers
    problems: list[Problem] = []
    records = []
    seen: dict[tuple, int] = {}
    col = lambda name: headers[columns[name]] if name in columns else name  # noqa: E731
    for row, cells in table.rows:
        if len(cells) > len(headers) and any(c.strip() for c in cells[len(headers) :]):
            problems.append(Problem(row, None, "imp.row.fields", {"found": len(cells), "expected": len(headers)}))
            continue
        before = len(problems)
        name = _text(cells, columns, "nome", row, headers, problems, required=True)
        type_text = _text(cells, columns, "tipo", row, headers, problems, required=True)
        type_key = None
        if type_text:
            try:
                type_key = service_types.match_type(type_text)
            except UnknownNameError as exc:
                problems.append(
                    Problem(
                        row, col("tipo"), "imp.row.unknown_type", {"value": type_text, "valid": ", ".join(exc.valid)}
                    )
                )
        comune = _comune_of_row(cells, columns, headers, row, problems)
        places_text = _cell(cells, columns, "posti")
        places = None
        if places_text:
            try:
                value = _number(places_text)
            except ValueError:
                problems.append(Problem(row, col("posti"), "imp.row.not_number", {"value": places_text}))
            else:
                if value < 0 or not float(value).is_integer():
                    problems.append(Problem(row, col("posti"), "imp.row.not_count", {"value": places_text}))
                else:
                    places = int(value)
        kind_text = _cell(cells, columns, "tipo_gestore")
        operator_kind = "altro"
        if kind_text:
            try:
                operator_kind = service_types.match_operator_kind(kind_text)
            except UnknownNameError as exc:
                problems.append(
                    Problem(
                        row,
                        col("tipo_gestore"),
                        "imp.row.unknown_operator_kind",
                        {"value": kind_text, "valid": ", ".join(exc.valid)},
                    )
                )
        lat, lon, coord_problems = _coordinates(
            _cell(cells, columns, "lat"), _cell(cells, columns, "lon"), comune, row, (col("lat"), col("lon"))
        )
        problems.extend(coord_problems)
        address = _text(cells, columns, "indirizzo", row, headers, problems)
        operator = _text(cells, columns, "gestore", row, headers, problems)
        if any(p.severity == ERROR for p in problems[before:]):
            continue
        key = (fold(name), type_key, comune.code)
        if key in seen:
            problems.append(Problem(row, None, "imp.row.duplicate", {"first": seen[key]}))
            continue
        seen[key] = row
        records.append(
            {
                "nome": name,
                "tipo": type_key,
                "codice": comune.code,
                "comune": comune.name,
                "distretto": comune.district,
                "indirizzo": address,
                "lat": lat,
                "lon": lon,
                "posti": places,
                "gestore": operator,
                "tipo_gestore": operator_kind,
                "esempio": _truthy(_cell(cells, columns, "esempio")),
            }
        )
    frame = pd.DataFrame.from_records(records, columns=service_types.SERVICE_COLUMNS)
    frame["posti"] = frame["posti"].astype("Int64")
    frame["lat"] = frame["lat"].astype(float)
    frame["lon"] = frame["lon"].astype(float)
    return frame, problems


def _year(text: str, column: str, row: int, problems: list[Problem]) -> int | None:
    try:
        value = _number(text)
    except ValueError:
        value = -1
    if not float(value).is_integer() or not 1900 <= value <= 2100:
        problems.append(Problem(row, column, "imp.row.bad_year", {"value": text}))
        return None
    return int(value)


def _indicators(
    table: Table, columns: dict[str, int], source: str = "", year: int | None = None, unknown=()
) -> tuple[pd.DataFrame, list[Problem]]:
    """One row per comune and indicator («indicatore», «valore»); files with one
    column per indicator go through ``_published``."""
    headers = table.headers
    problems: list[Problem] = []
    source = (source or "").strip()
    if "fonte" not in columns and not source:
        problems.append(Problem(None, None, "imp.file.no_source"))
    records = []
    seen: dict[tuple, int] = {}
    col = lambda name: headers[columns[name]] if name in columns else name  # noqa: E731
    for row, cells in table.rows:
        if len(cells) > len(headers) and any(c.strip() for c in cells[len(headers) :]):
            problems.append(Problem(row, None, "imp.row.fields", {"found": len(cells), "expected": len(headers)}))
            continue
        before = len(problems)
        comune = _comune_of_row(cells, columns, headers, row, problems)
        row_source = _text(cells, columns, "fonte", row, headers, problems) or source
        if "fonte" in columns and not row_source:
            problems.append(Problem(row, col("fonte"), "imp.row.missing"))
        year_text = _cell(cells, columns, "anno")
        row_year = _year(year_text, col("anno"), row, problems) if year_text else year
        unit = _text(cells, columns, "unita", row, headers, problems)
        pairs = [
            (
                col("indicatore"),
                _text(cells, columns, "indicatore", row, headers, problems, required=True),
                col("valore"),
                _cell(cells, columns, "valore"),
                True,
            )
        ]
        values = []
        for _name_col, name, value_col, text, required in pairs:
            if not text:
                if required:
                    problems.append(Problem(row, value_col, "imp.row.missing"))
                continue
            try:
                values.append((name[:100], _number(text)))
            except ValueError:
                problems.append(Problem(row, value_col, "imp.row.not_number", {"value": text}))
        if any(p.severity == ERROR and p.row == row for p in problems[before:]) or comune is None:
            continue
        for name, value in values:
            key = (comune.code, fold(name), row_year)
            if key in seen:
                problems.append(Problem(row, None, "imp.row.duplicate", {"first": seen[key]}))
                continue
            seen[key] = row
            records.append(
                {
                    "codice": comune.code,
                    "comune": comune.name,
                    "indicatore": name,
                    "valore": value,
                    "unita": unit,
                    "fonte": row_source,
                    "anno": row_year,
                }
            )
    frame = pd.DataFrame.from_records(records, columns=INDICATOR_COLUMNS)
    frame["anno"] = frame["anno"].astype("Int64")
    frame["valore"] = frame["valore"].astype(float)
    return frame, problems


_VALIDATORS: dict[str, Callable] = {"services": _services, "indicators": _indicators}
_EMPTY = {"services": service_types.SERVICE_COLUMNS, "indicators": INDICATOR_COLUMNS}


def check_kind(kind: str) -> str:
    """``kind`` if it is importable, else UnknownNameError listing the kinds."""
    if kind not in KINDS:
        raise UnknownNameError("thing.data_kind", kind, KINDS)
    return kind


@dataclass(frozen=True)
class Choice:
    """What the coordinator chose for a file of indicators: the Dati page's
    preview or the CLI's ``--columns``/``--derivato``/``--licenza``."""

    columns: tuple[str, ...] | None = None  # headers or 1-based numbers; None: the proposed ones
    specs: tuple | None = None  # ``derived.Spec``s as edited on the page (replaces columns)
    formulas: tuple = ()  # ``derived.Spec``s added to the columns
    unit: str = ""  # for chosen columns a preset does not know
    licence: str | None = None  # None: the preset's
    attribution: str | None = None


def _is_long_format(headers: list[str]) -> bool:
    """A file with «indicatore» and «valore» columns: one row per comune and indicator."""
    return any(_header_key(h) in ALIASES["indicatore"] for h in headers)


def validate(
    kind: str,
    filename: str,
    data: bytes,
    max_bytes: int = 20 * 2**20,
    source: str = "",
    year: int | None = None,
    choice: Choice | None = None,
) -> Report:
    """Read and check a whole file; never raises for bad content.

    ``source``/``year`` are the declared source and year of an indicators file
    without ``fonte``/``anno`` columns (they win over a preset's and the file
    name's); ``choice`` picks the indicators of a file as published.
    Raises UnknownNameError for a bad ``kind``.
    """
    check_kind(kind)
    if len(data) > max_bytes:  # refused before any work, and before a worker starts
        return file_report(
            kind,
            filename,
            "imp.file.too_big",
            mb=fmt.number(len(data) / 2**20, 1),
            limit=fmt.number(max_bytes / 2**20, 0),
        )
    if not IN_WORKER or bounded.in_worker():
        return _validate(kind, filename, data, max_bytes, source, year, choice)
    # the whole check runs in a worker: reading and validating 100,000 rows costs seconds
    # of CPU that would otherwise hold the GIL of the process where phones vote
    try:
        return bounded.run(
            _validate, kind, filename, data, max_bytes, source, year, choice, seconds=bounded.BUDGET_SECONDS
        )
    except bounded.BudgetExceededError as exc:
        return file_report(kind, filename, exc.key, **exc.params)


def _validate(
    kind: str,
    filename: str,
    data: bytes,
    max_bytes: int,
    source: str,
    year: int | None,
    choice: Choice | None,
) -> Report:
    try:
        table = read_table(kind, filename, data, max_bytes)
        if not table.headers or not any(h.strip() for h in table.headers):
            raise ImportValidationError("imp.file.empty")
        if kind == "indicators" and not _is_long_format(table.headers):
            if not table.rows:
                raise ImportValidationError("imp.file.no_rows")
            if len(table.rows) > MAX_ROWS:
                raise ImportValidationError("imp.file.too_many_rows", limit=fmt.number(MAX_ROWS))
            return _published(table, filename, source, year, choice or Choice())
        if kind == "services":
            _not_a_list_of_indicators(table.headers)
        columns, unknown = _map_columns(kind, table.headers)
        _check_required(kind, table.headers, columns)
        if not table.rows:
            raise ImportValidationError("imp.file.no_rows")
        if len(table.rows) > MAX_ROWS:
            raise ImportValidationError("imp.file.too_many_rows", limit=fmt.number(MAX_ROWS))
        rows, problems = _VALIDATORS[kind](table, columns, source=source, year=year, unknown=unknown)
    except ImportValidationError as exc:
        return file_report(kind, filename, exc.key, **exc.params)
    if unknown:
        ignored = ", ".join(table.headers[i] for i in unknown if table.headers[i].strip())
        if ignored:
            problems.insert(0, Problem(None, None, "imp.file.ignored_columns", {"names": ignored}, WARNING))
    problems = table.problems + problems
    problems.sort(key=lambda p: (p.row is not None, p.row or 0))
    if any(p.severity == ERROR for p in problems):
        rows = rows.iloc[0:0]
    return Report(
        kind,
        filename,
        rows.reset_index(drop=True),
        problems,
        table.file_format,
        table.sheet,
        table.row_label,
        definitions=_long_definitions(rows) if kind == "indicators" else [],
        meta={"source": (source or "").strip()} if kind == "indicators" else {},
    )


def _long_definitions(rows: pd.DataFrame) -> list[dict]:
    """One definition per indicator and year of a file with «indicatore»/«valore» columns."""
    out = []
    for (name, year), group in rows.groupby(["indicatore", "anno"], dropna=False, sort=False):
        spec = derived.plain("valore", name=name, unit=group["unita"].iloc[0] or "")
        out.append(
            {
                "name": name,
                "year": None if pd.isna(year) else int(year),
                "unit": spec.unit,
                "spec": spec.to_dict(),
                "formula": "«valore»",
                "source": "; ".join(dict.fromkeys(group["fonte"])),
                "licence": "",
                "attribution": "",
                "aggregation": "none",
                "decimals": derived.auto_decimals(group["valore"]),
                "population_year": None,
            }
        )
    return out


def _not_a_list_of_indicators(headers: list[str]) -> None:
    """A publisher's file of indicators (MEF, OpenCivitas…) loaded as services: say so."""
    found = presets.detect(headers)
    if found is not None and found.kind == "indicators":
        raise ImportValidationError("data.file.looks_like_indicators", preset=found.key)


def _published(table: Table, filename: str, source: str, year: int | None, choice: Choice) -> Report:
    """A file of indicators as a publisher released it (``cantiere.opendata``).
    Raises ImportValidationError when the file cannot give any indicator."""
    found = opendata.inspect(table, filename)
    if not found.rows:  # every row of the province has a problem: those are the report
        return Report("indicators", filename, pd.DataFrame(columns=opendata.VALUE_COLUMNS), found.problems)
    if choice.specs is not None:
        specs = [opendata.check_formula(found, s) for s in choice.specs]
    else:
        specs = opendata.choose(found, choice.columns, choice.formulas, choice.unit)
    if not specs:
        raise ImportValidationError(
            "data.file.none_chosen" if choice.specs is not None else "imp.file.no_indicator_columns"
        )
    preset = found.preset
    source = (source or "").strip()[:200] or found.source()[:200]
    year = year or found.year
    licence = choice.licence if choice.licence is not None else (preset.licence if preset else "")
    attribution = choice.attribution if choice.attribution is not None else (preset.attribution if preset else "")
    problems = list(table.problems) + found.problems + opendata.notes(found, specs)
    if not source:
        problems.append(Problem(None, None, "imp.file.no_source"))
    if year is None:
        problems.append(Problem(None, None, "data.file.no_year"))
    elif not 1900 <= int(year) <= 2100:
        problems.append(Problem(None, None, "imp.row.bad_year", {"value": year}))
    outcome = opendata.evaluate(
        found, specs, source=source, year=year, licence=licence.strip()[:200], attribution=attribution.strip()[:300]
    )
    problems += outcome.problems
    problems.sort(key=lambda p: (p.row is not None, p.row or 0))
    rows = outcome.rows
    if any(p.severity == ERROR for p in problems):
        rows = rows.iloc[0:0]
    meta = {
        "source": source,
        "licence": licence.strip()[:200],
        "attribution": attribution.strip()[:300],
        "year": year,
        "preset": preset.key if preset else "",
        "outside_rows": found.outside,
    }
    return Report(
        "indicators",
        filename,
        rows.reset_index(drop=True),
        problems,
        table.file_format,
        table.sheet,
        table.row_label,
        definitions=outcome.definitions,
        meta=meta,
        inspection=found,
    )


def file_report(kind: str, filename: str, key: str, **params) -> Report:
    """A report with one whole-file error (e.g. a file too big to read)."""
    return Report(check_kind(kind), filename, pd.DataFrame(columns=_EMPTY[kind]), [Problem(None, None, key, params)])


def _require_facilitator(actor) -> None:
    """``workshop.require_facilitator``, with the importers' own message
    (NotAuthorizedError: data is for coordinators, not only for a workshop)."""
    try:
        require_facilitator(actor)
    except PermissionDeniedError:
        raise NotAuthorizedError() from None


def import_file(
    store,
    kind: str,
    filename: str,
    data: bytes,
    *,
    actor,
    max_bytes: int,
    source: str = "",
    year: int | None = None,
    dry_run: bool = False,
    choice: Choice | None = None,
) -> Report:
    """Validate a file and, when it has no errors, store it in one transaction.

    ``actor`` is a ``workshop.Actor``. Raises NotAuthorizedError unless it is a
    facilitator (before reading anything), ImportRejectedError when the file
    has errors and ``datasets.IndicatorExistsError`` when an indicator of the
    same name and year is already imported (the database is unchanged).
    """
    _require_facilitator(actor)
    report = validate(kind, filename, data, max_bytes, source, year, choice)
    if not report.ok:
        raise ImportRejectedError(report)
    if not dry_run:
        label = source or report.meta.get("source") or (report.rows["fonte"].iloc[0] if kind == "indicators" else "")
        meta = {**report.meta, "sha256": hashlib.sha256(data).hexdigest()}
        datasets.add(store, kind, filename, label, report.rows, meta=meta, definitions=report.definitions)
    return report


def remove_dataset(store, dataset_id: int, *, actor) -> None:
    """Remove an imported dataset and its rows. Raises NotAuthorizedError unless
    ``actor`` is a facilitator."""
    _require_facilitator(actor)
    datasets.remove(store, dataset_id)
