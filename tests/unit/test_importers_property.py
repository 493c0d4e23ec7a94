"""Property: whatever bytes arrive, the importers answer with a report (or the
project's own validation error), never with another exception."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cantiere import importers
from cantiere.errors import CantiereError

FIELD = st.one_of(
    st.sampled_from(
        [
            "Ravenna",
            "39014",
            "039017",
            "Sant’Agata sul Santerno",
            "nido",
            "CRA",
            "44,41",
            "12,2",
            "posti",
            "nome",
            "tipo",
            "comune",
            "latitudine",
            "longitudine",
            "",
            "dieci",
            '"',
            "1.234,5",
        ]
    ),
    st.text(max_size=12),
)
ROW = st.lists(FIELD, min_size=0, max_size=8)
SEPARATOR = st.sampled_from([";", ",", "\t", "|"])


@st.composite
def csv_like(draw) -> bytes:
    sep = draw(SEPARATOR)
    header = draw(st.one_of(st.just(["nome", "tipo", "comune", "latitudine", "longitudine", "posti"]), ROW))
    rows = draw(st.lists(ROW, max_size=6))
    text = "\n".join(sep.join(r) for r in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]))
    return text.encode(encoding, errors="replace")


def check(kind: str, name: str, data: bytes) -> None:
    try:
        report = importers.validate(kind, name, data, max_bytes=2**20)
    except CantiereError:
        return
    assert isinstance(report, importers.Report)
    for problem in report.problems:
        assert problem.text("it")  # every problem renders as a sentence
    if report.ok:
        assert not report.rows.empty


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=2048),
    kind=st.sampled_from(importers.KINDS),
    name=st.sampled_from(["f.csv", "f.xlsx", "f.geojson", "f.txt"]),
)
def test_random_bytes_never_raise_anything_else(data, kind, name):
    check(kind, name, data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=csv_like(), kind=st.sampled_from(importers.KINDS))
def test_random_csv_like_text_never_raises_anything_else(data, kind):
    check(kind, "f.csv", data)


@settings(max_examples=50, deadline=None)
@given(data=st.binary(max_size=512))
def test_random_bytes_behind_a_zip_signature_never_raise_anything_else(data):
    check("services", "f.xlsx", b"PK\x03\x04" + data)


JSON = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@st.composite
def geojson_like(draw) -> bytes:
    import json

    feature = st.fixed_dictionaries(
        {
            "type": st.just("Feature"),
            "geometry": st.one_of(
                JSON, st.fixed_dictionaries({"type": st.sampled_from(["Point", "Polygon"]), "coordinates": JSON})
            ),
            "properties": st.one_of(
                JSON, st.dictionaries(st.sampled_from(["nome", "tipo", "comune", "posti", "lat", "x"]), JSON)
            ),
        }
    )
    doc = draw(
        st.one_of(
            JSON,
            st.fixed_dictionaries({"type": st.just("FeatureCollection"), "features": st.lists(feature, max_size=4)}),
        )
    )
    return json.dumps(doc).encode()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=geojson_like(), kind=st.sampled_from(importers.KINDS))
def test_random_geojson_like_documents_never_raise_anything_else(data, kind):
    check(kind, "f.geojson", data)
