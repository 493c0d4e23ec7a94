"""Indicators from files as publishers release them: MEF, OpenCivitas, ISTAT,
the 5×1000 list, or any table with one row per comune.

``inspect(table, filename)`` finds the comune (ISTAT code under the names
publishers use, with or without leading zeros, or the name, also in capitals),
keeps the 18 comuni of the province and counts the rows of other comuni (a
national file has ~7,900: they are a count, not an error), tells number
columns from descriptions and codes, and recognises the publisher
(``cantiere.presets``). ``candidates`` lists what can become an indicator;
``evaluate`` computes the chosen ones (``cantiere.derived``). An empty or
"n.d." cell stays missing, never zero.

The reader entry point is ``importers.read_table``; everything here works on
its ``Table`` of strings, so a bounded-work wrapper around reading covers it.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from cantiere import derived, fmt, indicators, presets, territory
from cantiere.derived import Spec, Term
from cantiere.tables import (
    INDICATOR_COLUMNS,
    NOTE,
    WARNING,
    ImportValidationError,
    Problem,
    Table,
)
from cantiere.tables import comuni_by_code as _comuni_by_code
from cantiere.tables import comuni_by_name as _comuni_by_name
from cantiere.text import fold

# cells publishers write for "no figure" (ISTAT "..", "-"; others "n.d.")
MISSING_MARKS = frozenset({"", "-", "--", "..", "...", "n.d.", "nd", "n.d", "n.a.", "na", "–", "—"})
# where the ISTAT code of the comune is, in the spellings publishers use
CODE_KEYS = (
    "codice_istat_comune",
    "codice_istat",
    "codice_comune",
    "pro_com_t",
    "pro_com",
    "istat_code",
    "codice_comune_formato_alfanumerico",
    "codice_comune_formato_numerico",
    "codice_istat_del_comune",
    "cod_istat",
    "cod_comune",
    "cod_com",
    "procom",
    "istat",
    "codice",
)
NAME_KEYS = (
    "denominazione_comune",
    "nome_comune",
    "comune",
    "denominazione_in_italiano",
    "denominazione_italiana",
    "denominazione_italiana_e_straniera",
    "municipality",
    "denominazione",  # last: in lists of organisations it is the organisation's name
)
YEAR_KEYS = ("anno", "anno_di_imposta", "anno_di_riferimento", "anno_riferimento", "year")
# a header with one of these words holds codes or years, not a figure
_IDENTIFIER_WORDS = {"codice", "code", "cod", "istat", "sigla", "anno", "year", "id", "cap", "catastale"}
MAX_NAME = 100
EXAMPLES = 3


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    role: str  # key | name | year | ignored | empty | text | identifier | number | mixed
    numbers: int = 0  # province cells holding a number
    texts: int = 0  # province cells holding text

    @property
    def number(self) -> int:
        """1-based, as in the preview and ``--columns 3``."""
        return self.index + 1

    @property
    def is_candidate(self) -> bool:
        return self.role in ("number", "mixed", "identifier")


@dataclass
class Inspection:
    """What a file holds once its comuni are found."""

    table: Table
    filename: str
    preset: presets.Preset | None
    variant: presets.Variant | None
    columns: list[Column]
    rows: list[tuple[int, territory.Comune, list[str]]]  # province rows
    outside: int = 0  # rows of comuni outside the province
    outside_examples: list[str] = field(default_factory=list)
    unkeyed: int = 0  # rows with no comune code (totals, notes)
    unkeyed_examples: list[str] = field(default_factory=list)
    filtered: int = 0  # rows left out by the preset (ISTAT: one row per age)
    key_header: str = ""
    year: int | None = None
    year_from: str = ""  # "colonna" | "nome_file" | "titolo" | ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def grouped(self) -> bool:
        return bool(self.preset and self.preset.grouped)

    @property
    def title(self) -> str:
        return self.table.title

    def column(self, wanted: str) -> Column:
        """A column by header, folded header or 1-based number; ImportValidationError listing them."""
        text = str(wanted).strip()
        if text.lstrip("#").isdigit():
            n = int(text.lstrip("#"))
            if 1 <= n <= len(self.columns):
                return self.columns[n - 1]
        key = presets.header_key(text)
        for c in self.columns:
            if c.header == text or presets.header_key(c.header) == key:
                return c
        raise ImportValidationError(
            "data.file.unknown_column",
            name=text,
            valid="; ".join(f"{c.number} «{c.header}»" for c in self.columns if c.is_candidate) or "–",
        )

    def source(self) -> str:
        if not self.preset:
            return ""
        detail = f" {self.variant.detail}" if self.variant and self.variant.detail else ""
        return f"{self.preset.source}{detail}"


# --- finding the comuni -----------------------------------------------------------------


def _keys(headers: Sequence[str]) -> list[str]:
    return [presets.header_key(h) for h in headers]


def _first(keys: list[str], wanted: Sequence[str], skip: set[int] = frozenset()) -> int | None:
    for option in wanted:
        for alternative in option.split("|"):
            if alternative in keys and keys.index(alternative) not in skip:
                return keys.index(alternative)
    return None


def _is_missing(text: str) -> bool:
    return text.strip().lower() in MISSING_MARKS


def _is_number(text: str) -> bool:
    try:
        fmt.parse_number(text)
    except ValueError:
        return False
    return True


def _close_comune(name: str) -> territory.Comune | None:
    """A province comune whose name is a near miss of ``name`` (a typo, not another town)."""
    names = {fold(c.name): c for c in territory.comuni()}
    close = difflib.get_close_matches(fold(name), list(names), n=1, cutoff=0.85)
    return names[close[0]] if close else None


def inspect(table: Table, filename: str) -> Inspection:
    """Find the comune of every row and the role of every column.

    Raises ImportValidationError when no column names the comune or when no
    row is of a comune of the province (one message, whatever the file size).
    """
    headers = table.headers
    keys = _keys(headers)
    seen: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key and key in seen:
            raise ImportValidationError("imp.file.duplicate_header", name=headers[index])
        seen[key] = index
    preset = presets.detect(headers)
    variant = presets.variant(preset, f"{filename} {table.title}") if preset else None
    code_i = _first(keys, [preset.code_column] if preset and preset.code_column else CODE_KEYS)
    name_keys = [preset.name_column] if preset and preset.name_column else NAME_KEYS
    # with a code column, "denominazione" alone may be an organisation's name
    name_i = _first(keys, [k for k in name_keys if code_i is None or k != "denominazione"], {code_i})
    if code_i is None and name_i is None:
        raise ImportValidationError(
            "data.file.no_key",
            found=", ".join(f"«{h}»" for h in headers if h) or "–",
            codes=", ".join(CODE_KEYS[:8]),
            names=", ".join(NAME_KEYS[:4]),
        )
    year_i = _first(keys, [preset.year_column] if preset and preset.year_column else YEAR_KEYS, {code_i, name_i})
    row_filter = None
    if preset and preset.row_filter:
        at = presets.find(preset.row_filter[0], keys)
        if at is not None:
            row_filter = (at, set(preset.row_filter[1]))
    found = Inspection(table, filename, preset, variant, [], [])
    found.key_header = headers[code_i if code_i is not None else name_i]
    by_code = _comuni_by_code()
    by_name = _comuni_by_name()
    first_row: dict[str, int] = {}
    for number, cells in table.rows:
        if row_filter and fold(_cell(cells, row_filter[0])) not in row_filter[1]:
            found.filtered += 1
            continue
        code, name = _cell(cells, code_i), _cell(cells, name_i)
        comune = None
        if code_i is not None and code:
            try:
                code6 = territory.istat_code(code)
            except ValueError:
                found.unkeyed += 1
                _example(found.unkeyed_examples, code)
                continue
            comune = by_code.get(code6)
            if comune is None:
                found.outside += 1
                _example(found.outside_examples, name or code)
                continue
            if (
                name
                and fold(name) != fold(comune.name)
                and fold(name).replace(" ", "") != fold(comune.name).replace(" ", "")
            ):
                found.problems.append(
                    Problem(
                        number,
                        headers[code_i],
                        "imp.row.code_name_mismatch",
                        {"code": comune.code, "found": comune.name, "name": name},
                    )
                )
                continue
        elif name:
            comune = by_name.get(fold(name)) or by_name.get(fold(name).replace(" ", ""))
            if comune is None:
                near = _close_comune(name)
                if near is not None:
                    found.problems.append(
                        Problem(
                            number,
                            headers[name_i],
                            "imp.row.unknown_comune_hint",
                            {"value": name, "hint": near.name},
                        )
                    )
                else:
                    found.outside += 1
                    _example(found.outside_examples, name)
                continue
        else:
            found.unkeyed += 1
            continue
        if not found.grouped:
            if comune.code in first_row:
                found.problems.append(
                    Problem(
                        number,
                        found.key_header,
                        "data.row.comune_again",
                        {"comune": comune.name, "first": first_row[comune.code]},
                    )
                )
                continue
            first_row[comune.code] = number
        found.rows.append((number, comune, cells))
    if not found.rows and not found.problems:
        key_i = code_i if code_i is not None else name_i
        examples = [_cell(cells, key_i) for _, cells in table.rows[:EXAMPLES]]
        raise ImportValidationError(
            "data.file.no_province_rows",
            rows=fmt.number(len(table.rows)),
            column=found.key_header,
            examples=", ".join(f"«{e}»" for e in examples if e) or "–",
        )
    found.columns = _classify(headers, keys, found, {code_i: "key", name_i: "name", year_i: "year"})
    found.year, found.year_from = _year(found, year_i)
    return found


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _example(bucket: list[str], value: str) -> None:
    if len(bucket) < EXAMPLES and value not in bucket:
        bucket.append(value)


def _classify(headers, keys, found: Inspection, fixed: dict) -> list[Column]:
    ignore = set()
    if found.preset:
        for name in found.preset.ignore:
            at = presets.find(name, keys)
            if at is not None:
                ignore.add(at)
    columns = []
    for index, header in enumerate(headers):
        if index in fixed and fixed[index]:
            columns.append(Column(index, header, fixed[index]))
            continue
        numbers = texts = 0
        for _, _, cells in found.rows:
            text = _cell(cells, index)
            if _is_missing(text):
                continue
            if _is_number(text):
                numbers += 1
            else:
                texts += 1
        if not header.strip() and not numbers and not texts:
            continue  # a trailing separator: nothing there
        if index in ignore:
            role = "ignored"
        elif not numbers and not texts:
            role = "empty"
        elif not numbers:
            role = "text"
        elif set(keys[index].split("_")) & _IDENTIFIER_WORDS:
            role = "identifier"
        else:
            role = "number" if not texts else "mixed"
        columns.append(Column(index, header, role, numbers, texts))
    return columns


def _year(found: Inspection, year_i: int | None) -> tuple[int | None, str]:
    if year_i is not None:
        values = {_cell(cells, year_i) for _, _, cells in found.rows} - {""}
        if len(values) == 1:
            try:
                value = fmt.parse_number(values.pop())
            except ValueError:
                value = 0
            if float(value).is_integer() and 1900 <= value <= 2100:
                return int(value), "colonna"
    for text, origin in ((found.filename, "nome_file"), (found.title, "titolo")):
        year = presets.year_in(text)
        if year:
            return year, origin
    return None, ""


# --- what can become an indicator --------------------------------------------------------


def _resolve(term: Term, found: Inspection) -> Term | None:
    """A preset's term with folded names turned into the file's headers; None if a column is missing."""
    keys = _keys(found.table.headers)
    columns = []
    for name in term.columns:
        at = presets.find(name, keys)
        if at is None:
            return None
        columns.append(found.table.headers[at])
    flag = ""
    if term.flag:
        at = presets.find(term.flag, keys)
        if at is None:
            return None
        flag = found.table.headers[at]
    return Term(tuple(columns), term.group, term.rows, flag)


def preset_specs(found: Inspection) -> list[Spec]:
    """The preset's indicators this file can give (columns present), named for its variant."""
    if not found.preset:
        return []
    chosen = found.variant.specs if found.variant and found.variant.specs is not None else found.preset.specs
    suffix = f" – {found.variant.suffix}" if found.variant and found.variant.suffix else ""
    out = []
    for spec in chosen:
        num = _resolve(spec.numerator, found)
        den = _resolve(spec.denominator, found) if spec.denominator is not None else None
        if num is None or (spec.denominator is not None and den is None):
            continue
        out.append(Spec((spec.name + suffix)[:MAX_NAME], num, den, spec.scale, spec.unit, spec.decimals, spec.additive))
    return out


def candidates(found: Inspection, unit: str = "") -> list[tuple[Spec, bool]]:
    """Every indicator the file can give, with whether it is proposed: the
    preset's ones first (proposed), then each number column as it is (proposed
    when there is no preset)."""
    out = [(spec, True) for spec in preset_specs(found)]
    for c in found.columns:
        if c.is_candidate:
            proposed = not found.preset and c.role == "number"
            out.append((derived.plain(c.header, unit=unit), proposed))
    return out


def choose(
    found: Inspection,
    columns: Sequence[str] | None = None,
    extra: Sequence[Spec] = (),
    unit: str = "",
) -> list[Spec]:
    """The indicators to import: the proposed ones, or those of ``columns``
    (headers or numbers; a preset's name and unit are kept for a column it
    knows), plus ``extra`` formulas."""
    if columns is None:
        specs = [spec for spec, proposed in candidates(found, unit) if proposed]
    else:
        known = {s.numerator.columns: s for s in preset_specs(found) if s.denominator is None and not s.numerator.rows}
        specs = []
        for wanted in columns:
            column = found.column(wanted)
            specs.append(known.get((column.header,)) or derived.plain(column.header, unit=unit))
    return specs + [check_formula(found, s) for s in extra]


def check_formula(found: Inspection, spec: Spec) -> Spec:
    """``spec`` with its columns named as in the file (by header or number);
    ImportValidationError for a column or population group that does not exist."""

    def fix(term: Term | None) -> Term | None:
        if term is None:
            return None
        if term.group:
            try:
                indicators.check_group(term.group)
            except Exception:
                raise ImportValidationError(
                    "data.file.unknown_group", name=term.group, valid=", ".join(indicators.POPULATION_GROUPS)
                ) from None
        columns = tuple(found.column(c).header for c in term.columns)
        flag = found.column(term.flag).header if term.flag else ""
        return Term(columns, term.group, term.rows, flag)

    return Spec(
        spec.name.strip()[:MAX_NAME],
        fix(spec.numerator),
        fix(spec.denominator),
        spec.scale,
        spec.unit,
        spec.decimals,
        spec.additive,
    )


def parse_formula(text: str) -> Spec:
    """A formula typed at the command line: ``NOME [UNITÀ] = A / B [* K]``.

    A and B are column headers or numbers (``#24``), sums with ``+``; B may be
    a population group (``residenti``, ``anziani_65``…: ISTAT). E.g.
    ``"Reddito medio [€] = #24 / #23"`` or
    ``"Enti ogni 1.000 anziani = numero_scelte / anziani_65 * 1000"``.
    Raises ImportValidationError when it cannot be read.
    """
    name, sep, rest = str(text).partition("=")
    if not sep or not name.strip() or not rest.strip():
        raise ImportValidationError("data.file.bad_formula", text=text)
    unit = ""
    name = name.strip()
    if name.endswith("]") and "[" in name:
        name, _, unit = name[:-1].rpartition("[")
        name, unit = name.strip(), unit.strip()
    scale = 1.0
    body = rest.strip()
    if "*" in body:
        body, _, factor = body.rpartition("*")
        try:
            scale = fmt.parse_number(factor.replace(".", "") if factor.count(".") and "," not in factor else factor)
        except ValueError:
            raise ImportValidationError("data.file.bad_formula", text=text) from None
    numerator, slash, denominator = body.partition(" / ") if " / " in body else body.partition("/")

    def term(part: str) -> Term:
        part = part.strip()
        if part in indicators.POPULATION_GROUPS:
            return Term(group=part)
        names = tuple(p.strip() for p in part.split(" + ")) if " + " in part else (part,)
        if not all(names):
            raise ImportValidationError("data.file.bad_formula", text=text)
        return Term(columns=names)

    if not numerator.strip():
        raise ImportValidationError("data.file.bad_formula", text=text)
    return Spec(name, term(numerator), term(denominator) if slash else None, scale, unit)


# --- computing ---------------------------------------------------------------------------


@dataclass
class Outcome:
    rows: pd.DataFrame  # one row per comune and indicator (INDICATOR_COLUMNS + numerator, denominator, missing)
    definitions: list[dict]
    problems: list[Problem]


VALUE_COLUMNS = INDICATOR_COLUMNS + ["numeratore", "denominatore", "mancante"]


def evaluate(
    found: Inspection,
    specs: Sequence[Spec],
    *,
    source: str,
    year: int | None,
    licence: str = "",
    attribution: str = "",
) -> Outcome:
    """The chosen indicators for every comune of the file: values, their
    definitions (formula, source, licence, year) and the problems found."""
    problems: list[Problem] = []
    names: dict[str, int] = {}
    for spec in specs:
        if not spec.name.strip():
            problems.append(Problem(None, None, "data.file.empty_name"))
        folded = fold(spec.name)
        names[folded] = names.get(folded, 0) + 1
    for spec in specs:
        if names.get(fold(spec.name), 0) > 1:
            problems.append(Problem(None, None, "data.file.duplicate_name", {"name": spec.name}))
            names[fold(spec.name)] = 0  # once per name
    population_year = indicators.population_year(year)
    headers = found.table.headers
    index = {h: i for i, h in enumerate(headers)}
    bad_cells: set[tuple[int, int]] = set()
    # per comune: the rows of the file (one, or several in a list)
    by_comune: dict[str, list[tuple[int, list[str]]]] = {}
    for number, comune, cells in found.rows:
        by_comune.setdefault(comune.code, []).append((number, cells))
    comuni = {c.code: c for c in territory.comuni()}
    codes = list(comuni) if found.grouped else list(by_comune)
    counts_cache: dict[str, dict[str, int]] = {}

    def term_value(term: Term, code: str) -> float | None:
        if term.group:
            if term.group not in counts_cache:
                counts_cache[term.group] = indicators.group_counts(term.group, population_year)
            return float(counts_cache[term.group].get(code, 0))
        rows = by_comune.get(code, [])
        if term.rows:
            if not term.flag:
                return float(len(rows))
            at = index[term.flag]
            return float(sum(1 for _, cells in rows if not _is_missing(_cell(cells, at))))
        total = 0.0
        for number, cells in rows:
            for column in term.columns:
                at = index[column]
                text = _cell(cells, at)
                if _is_missing(text):
                    return None
                try:
                    total += fmt.parse_number(text)
                except ValueError:
                    if (number, at) not in bad_cells:
                        bad_cells.add((number, at))
                        problems.append(Problem(number, column, "imp.row.not_number", {"value": text[:60]}))
                    return None
        return total

    records = []
    definitions = []
    for spec in specs:
        missing: dict[str, list[str]] = {}
        values = []
        for code in codes:
            num = term_value(spec.numerator, code)
            den = term_value(spec.denominator, code) if spec.denominator is not None else None
            value, why = derived.combine(num, den, spec)
            if why:
                missing.setdefault(why, []).append(comuni[code].name)
            values.append(value)
            records.append(
                {
                    "codice": code,
                    "comune": comuni[code].name,
                    "indicatore": spec.name,
                    "valore": value,
                    "unita": spec.unit,
                    "fonte": source,
                    "anno": year,
                    "numeratore": num,
                    "denominatore": den,
                    "mancante": why,
                }
            )
        for why, where in missing.items():
            problems.append(
                Problem(
                    None,
                    None,
                    f"data.note.missing.{why}",
                    {
                        "name": spec.name,
                        "n": len(where),
                        "comuni": ", ".join(where[:6]) + (" …" if len(where) > 6 else ""),
                    },
                    NOTE,
                )
            )
        definitions.append(
            {
                "name": spec.name,
                "year": year,
                "unit": spec.unit,
                "spec": spec.to_dict(),
                "formula": derived.formula_text(spec, "it", population_year),
                "source": source,
                "licence": licence,
                "attribution": attribution,
                "aggregation": spec.aggregation,
                "decimals": spec.decimals if spec.decimals is not None else derived.auto_decimals(values),
                "population_year": population_year if spec.groups else None,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=VALUE_COLUMNS)
    frame["anno"] = frame["anno"].astype("Int64")
    for column in ("valore", "numeratore", "denominatore"):
        frame[column] = frame[column].astype(float)
    return Outcome(frame, definitions, problems)


def notes(found: Inspection, specs: Sequence[Spec]) -> list[Problem]:
    """What was left out and why, as notes (never errors): the coordinator reads them once."""
    out = []
    if found.preset:
        out.append(Problem(None, None, f"data.note.preset.{found.preset.key}", {}, NOTE))
        if found.preset.variants and found.variant is None and found.preset.key == "opencivitas":
            out.append(Problem(None, None, "data.note.no_variant", {}, WARNING))
        if found.preset.note:
            out.append(Problem(None, None, found.preset.note, {}, NOTE))
    if found.title:
        out.append(Problem(None, None, "data.note.title", {"title": found.title[:200]}, NOTE))
    if found.outside:
        out.append(
            Problem(
                None,
                None,
                "data.note.outside",
                {"n": fmt.number(found.outside), "examples": ", ".join(f"«{e}»" for e in found.outside_examples)},
                NOTE,
            )
        )
    if found.unkeyed:
        out.append(
            Problem(
                None,
                None,
                "data.note.unkeyed",
                {
                    "n": fmt.number(found.unkeyed),
                    "column": found.key_header,
                    "examples": ", ".join(f"«{e}»" for e in found.unkeyed_examples) or "–",
                },
                NOTE,
            )
        )
    if found.filtered:
        out.append(Problem(None, None, "data.note.filtered", {"n": fmt.number(found.filtered)}, NOTE))
    for role in ("text", "ignored", "identifier", "empty"):
        chosen = {c for s in specs for c in s.columns}
        names = [c.header for c in found.columns if c.role == role and c.header not in chosen]
        if names:
            out.append(
                Problem(None, None, f"data.note.left_out.{role}", {"names": ", ".join(f"«{n}»" for n in names)}, NOTE)
            )
    used = {c for s in specs for c in s.columns}
    unused = [c for c in found.columns if c.role in ("number", "mixed") and c.header not in used]
    if unused:
        out.append(Problem(None, None, "data.note.unused", {"n": len(unused)}, NOTE))
    if not found.grouped and found.rows:
        present = {comune.code for _, comune, _ in found.rows}
        absent = [c.name for c in territory.comuni() if c.code not in present]
        if absent:
            out.append(Problem(None, None, "data.note.absent", {"comuni": ", ".join(absent)}, WARNING))
    if found.year_from in ("nome_file", "titolo"):
        out.append(Problem(None, None, f"data.note.year_from.{found.year_from}", {"year": found.year}, NOTE))
    return out
