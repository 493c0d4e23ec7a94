"""A corpus of malformed files, generated (nothing binary is committed).

``corpus()`` yields ``(label, kind, filename, data)``; ``kind`` is an importer
of ``cantiere.importers`` ("services", "indicators") or "priorities" (the
priorities CSV of a workshop, ``cantiere.workshop.parse_priorities_csv``).
"""

from __future__ import annotations

import io
import json
import random
import zipfile

import openpyxl

from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
SERVICES_CSV = (FIXTURES / "servizi_fonte_italiana.csv").read_bytes()
INDICATORS_CSV = (FIXTURES / "indicatori_fonte_italiana.csv").read_bytes()
SERVICES_GEOJSON = (FIXTURES / "servizi_punti.geojson").read_bytes()
PRIORITIES_CSV = (ROOT / "data" / "demo_priorita.csv").read_bytes()
MB = 2**20


def _xlsx(rows, **sheets) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "servizi"
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SERVICE_ROWS = [["nome", "tipo", "comune", "posti"], ["Nido A", "nido", "Ravenna", 30]]
GOOD_XLSX = _xlsx(SERVICE_ROWS)


def _as_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def minimal_xlsx(sheet_xml: str) -> bytes:
    """The smallest XLSX openpyxl opens: one sheet whose XML is ``sheet_xml``."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
        'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="r1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="servizi" sheetId="1" r:id="r1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/relationships"><Relationship Id="r1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def dimension_bomb_xlsx(dimension: str | None = "A1:XFD1048576", last: str = "A1048576") -> bytes:
    """The issue-17 file (1.7 KB): a sheet declaring ``dimension`` with a header
    and one cell at ``last`` (openpyxl padded every row between to the declared width)."""
    header = "".join(_cell(f"{c}1", n) for c, n in zip("ABCD", ("nome", "tipo", "comune", "posti")))
    row = "".join(ch for ch in last if ch.isdigit())
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return minimal_xlsx(
        f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}">{declared}<sheetData><row r="1">{header}</row>'
        f'<row r="{row}">{_cell(last, "x")}</row></sheetData></worksheet>'
    )


def many_keys_geojson(names: int = 150_000, per_feature: int = 100) -> bytes:
    """GeoJSON points whose properties use ``names`` distinct names, ``per_feature``
    on each point (the old reader was quadratic in the distinct names: 97 s of CPU)."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [12.2, 44.4]},
            "properties": {f"k{i}": 1 for i in range(start, min(start + per_feature, names))},
        }
        for start in range(0, names, per_feature)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _cut_mid_row(data: bytes) -> bytes:
    """Cut inside the last data row, between two separators."""
    text = data.rstrip(b"\r\n")
    last = text.rfind(b"\n")
    sep = text.find(b";", last) if b";" in text[last:] else text.find(b",", last)
    return text[: sep + 2]


def _cut_mid_char(data: bytes) -> bytes:
    """Cut inside a multi-byte UTF-8 character (after an accented letter starts)."""
    text = _as_text(data).encode("utf-8")
    for i, byte in enumerate(text):
        if byte >= 0xC2:
            return text[: i + 1]
    return text[:-1] + "à".encode()[:1]


def _rewrite_zip(data: bytes, extra: dict[str, bytes], drop=()) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            body = source.read(info.filename)
            target.writestr(info.filename, extra.pop(info.filename, body))
        for name, body in extra.items():
            target.writestr(name, body)
    return out.getvalue()


def _xlsx_external_link() -> bytes:
    """A workbook with an external link part pointing to a remote file, as Excel writes."""
    rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
        b'Target="http://127.0.0.1:9/remoto.xlsx" TargetMode="External"/></Relationships>'
    )
    link = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b'<externalBook r:id="rId1"><sheetNames><sheetName val="x"/></sheetNames></externalBook></externalLink>'
    )
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "servizi"
    ws.append(["nome", "tipo", "comune", "posti"])
    ws.append(["=[1]x!A1", "nido", "Ravenna", "=[1]x!B1"])
    buffer = io.BytesIO()
    book.save(buffer)
    return _rewrite_zip(
        buffer.getvalue(),
        {
            "xl/externalLinks/externalLink1.xml": link,
            "xl/externalLinks/_rels/externalLink1.xml.rels": rels,
        },
    )


def _xlsx_formulas() -> bytes:
    return _xlsx(
        [
            ["nome", "tipo", "comune", "posti"],
            ['=HYPERLINK("http://127.0.0.1:9/x","clicca")', "nido", "Ravenna", "=1+1"],
            ['=cmd|" /C calc"!A0', "nido", "Faenza", 10],
        ]
    )


def _billion_laughs() -> bytes:
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    sheet = (
        f'<?xml version="1.0"?><!DOCTYPE r [{entities}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>'
    ).encode()
    return _rewrite_zip(GOOD_XLSX, {"xl/worksheets/sheet1.xml": sheet})


def _many_entries() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for n in range(12_000):
            archive.writestr(f"xl/x{n}.xml", b"")
    return out.getvalue()


def _nested_zip_bomb() -> bytes:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.bin", b"\0" * (8 * MB))
    # no sheet beside it: the file must be refused without unpacking the archive inside
    return _rewrite_zip(GOOD_XLSX, {"xl/embeddings/bomba.zip": inner.getvalue()}, drop=["xl/worksheets/sheet1.xml"])


def _deep_geojson(depth: int) -> bytes:
    nested = "[" * depth + "]" * depth
    return (
        f'{{"type":"FeatureCollection","features":[{{"type":"Feature",'
        f'"geometry":{{"type":"Point","coordinates":[12.2,44.4]}},'
        f'"properties":{{"nome":{nested},"tipo":"nido","comune":"Ravenna","posti":3}}}}]}}'
    ).encode()


def _geojson_weird_numbers() -> bytes:
    return (
        b'{"type":"FeatureCollection","features":['
        b'{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,Infinity]},'
        b'"properties":{"nome":"A","tipo":"nido","comune":"Ravenna","posti":1e400}},'
        b'{"type":"Feature","geometry":{"type":"Point","coordinates":[1e308,-1e308]},'
        b'"properties":{"nome":"B","tipo":"nido","comune":"Ravenna","posti":-0}}]}'
    )


def _random(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random(2000, 1)
ELF = b"\x7fELF\x02\x01\x01\x00" + _random(3000, 2)


def corpus():
    """Every malformed file, labelled."""
    for kind, name, good in (
        ("services", "servizi.csv", SERVICES_CSV),
        ("indicators", "indicatori.csv", INDICATORS_CSV),
        ("priorities", "priorita.csv", PRIORITIES_CSV),
    ):
        yield f"{kind}: troncato a metà riga", kind, name, _cut_mid_row(good)
        yield f"{kind}: troncato a metà carattere UTF-8", kind, name, _cut_mid_char(good)
        yield f"{kind}: troncato dentro le virgolette", kind, name, good.splitlines()[0] + b'\n"Nido A;nido'
        yield f"{kind}: UTF-32", kind, name, _as_text(good).encode("utf-32")
        yield f"{kind}: UTF-16 senza BOM", kind, name, _as_text(good).encode("utf-16-le")
        yield f"{kind}: EBCDIC (cp500)", kind, name, _as_text(good).encode("cp500", errors="replace")
        yield f"{kind}: byte non validi in Windows-1252", kind, name, good + b"\x81\x8d\x8f\x90\x9d;x;y\n"
        yield f"{kind}: NUL dopo 4 KB", kind, name, good + b"a;b;c\n" * 800 + b"Nido\x00X;nido;Ravenna;3\n"
        yield f"{kind}: PNG", kind, name, PNG
        yield f"{kind}: ELF", kind, name, ELF
        yield f"{kind}: byte casuali", kind, name, _random(50_000, 3)
        yield (
            f"{kind}: una cella di 5 MB",
            kind,
            name,
            good.splitlines()[0] + b"\n" + b"A" * (5 * MB) + b";nido;Ravenna;3\n",
        )
        yield (
            f"{kind}: 30.000 colonne",
            kind,
            name,
            b";".join(b"c%d" % i for i in range(30_000)) + b"\n" + b";" * 29_999 + b"\n",
        )
        yield f"{kind}: HTML al posto del CSV", kind, name, b"<!doctype html><html><script>alert(1)</script></html>"
    yield (
        "services: 150.000 righe",
        "services",
        "servizi.csv",
        b"nome;tipo;comune;posti\n" + b"N;nido;Ravenna;1\n" * 150_000,
    )
    yield "services: xlsx troncato", "services", "servizi.xlsx", GOOD_XLSX[: len(GOOD_XLSX) // 2]
    yield "services: xlsx di byte casuali", "services", "servizi.xlsx", _random(20_000, 4)
    yield (
        "services: xlsx zip vuoto",
        "services",
        "servizi.xlsx",
        _rewrite_zip(GOOD_XLSX, {}, drop=[n for n in zipfile.ZipFile(io.BytesIO(GOOD_XLSX)).namelist()]),
    )
    yield (
        "services: xlsx senza foglio",
        "services",
        "servizi.xlsx",
        _rewrite_zip(GOOD_XLSX, {}, drop=["xl/worksheets/sheet1.xml"]),
    )
    yield "services: xlsx con 12.000 voci (zip bomb)", "services", "servizi.xlsx", _many_entries()
    yield "services: xlsx con zip annidato (zip bomb)", "services", "servizi.xlsx", _nested_zip_bomb()
    yield "services: xlsx billion laughs (entità XML)", "services", "servizi.xlsx", _billion_laughs()
    yield "services: xlsx con collegamenti esterni", "services", "servizi.xlsx", _xlsx_external_link()
    yield "services: xlsx con formule", "services", "servizi.xlsx", _xlsx_formulas()
    yield "services: xlsx che dichiara A1:XFD1048576 (1,7 KB)", "services", "servizi.xlsx", dimension_bomb_xlsx()
    yield (
        "services: xlsx con una riga a 1.048.576 e nessuna dimensione",
        "services",
        "servizi.xlsx",
        (dimension_bomb_xlsx(None)),
    )
    yield "services: xlsx con una cella in colonna XFD", "services", "servizi.xlsx", dimension_bomb_xlsx(None, "XFD2")
    yield "services: geojson con 150.000 nomi di proprietà", "services", "servizi.geojson", many_keys_geojson()
    yield "services: geojson troncato", "services", "servizi.geojson", SERVICES_GEOJSON[: len(SERVICES_GEOJSON) // 2]
    yield "services: geojson annidato 100.000 livelli", "services", "servizi.geojson", _deep_geojson(100_000)
    yield "services: geojson annidato 500 livelli", "services", "servizi.geojson", _deep_geojson(500)
    yield "services: geojson NaN e infiniti", "services", "servizi.geojson", _geojson_weird_numbers()
    yield "services: geojson che è un array", "services", "servizi.geojson", b"[" * 50 + b"]" * 50
    yield "services: geojson binario", "services", "servizi.geojson", ELF
