"""Store API for imported datasets (services and extra indicators).

The only code that knows the ``datasets``, ``dataset_services``,
``dataset_indicators`` and ``indicator_defs`` tables. Callers pass and get
DataFrames shaped like ``importers`` produces them; validation happens
before, in ``importers``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from cantiere.errors import CantiereError
from cantiere.store import StoreError, schema

DATASET_COLUMNS = [
    "id",
    "tipo",
    "file",
    "fonte",
    "importato_il",
    "righe",
    "licenza",
    "attribuzione",
    "anno",
    "fuori_provincia",
    "sha256",
]
IMPORTED_INDICATOR_COLUMNS = [
    "codice",
    "nome indicatore",
    "valore",
    "fonte",
    "anno",
    "unita",
    "numeratore",
    "denominatore",
    "mancante",
    "dataset",
]
DEFINITION_COLUMNS = [
    "dataset",
    "nome",
    "anno",
    "unita",
    "spec",
    "formula",
    "fonte",
    "licenza",
    "attribuzione",
    "aggregazione",
    "decimali",
    "anno_popolazione",
    "file",
    "sha256",
]
# a stored service: the comune by its ISTAT code (services.imported_services adds name and district)
SERVICE_COLUMNS = ["nome", "tipo", "codice", "indirizzo", "lat", "lon", "posti", "gestore", "tipo_gestore", "esempio"]


class DatasetNotFoundError(CantiereError, LookupError):
    """No imported dataset has this id (maybe already removed)."""

    key = "imp.dataset_not_found"


class IndicatorExistsError(CantiereError):
    """An indicator with this name and year is already imported (one name per year)."""

    key = "data.indicator_exists"


def _none(value):
    return None if pd.isna(value) else value


def _existing_definition(conn, definitions) -> dict | None:
    """The first of ``definitions`` whose name and year are already imported, with its file."""
    d, t = schema.indicator_defs, schema.datasets
    for definition in definitions:
        year_rule = d.c.year.is_(None) if definition.get("year") is None else d.c.year == definition["year"]
        row = conn.execute(
            sa.select(d.c.name, d.c.year, t.c.id, t.c.filename)
            .join(t, t.c.id == d.c.dataset_id)
            .where(d.c.name == definition["name"], year_rule)
        ).first()
        if row is not None:
            return {
                "name": row.name,
                "year": row.year if row.year is not None else "–",
                "id": row.id,
                "file": row.filename,
            }
    return None


def add(
    store,
    kind: str,
    filename: str,
    source: str,
    rows: pd.DataFrame,
    *,
    meta: dict | None = None,
    definitions: list[dict] = (),
) -> int:
    """Store a validated dataset, its rows and its indicator definitions in one
    transaction; its id.

    ``meta`` may give sha256, licence, attribution, year, preset, outside_rows.
    Raises IndicatorExistsError when an indicator of the same name and year is
    already imported, StoreError when the database refuses (nothing is written).
    """
    now = datetime.now(UTC)
    meta = meta or {}
    try:
        with store.write() as conn:
            clash = _existing_definition(conn, definitions)
            if clash is not None:
                raise IndicatorExistsError(**clash)
            dataset_id = conn.execute(
                sa.insert(schema.datasets)
                .values(
                    kind=kind,
                    filename=filename[:255],
                    source=(source or "")[:255],
                    imported_at=now,
                    row_count=len(rows),
                    sha256=str(meta.get("sha256") or "")[:64],
                    licence=str(meta.get("licence") or "")[:200],
                    attribution=str(meta.get("attribution") or "")[:300],
                    preset=str(meta.get("preset") or "")[:40],
                    data_year=meta.get("year"),
                    outside_rows=int(meta.get("outside_rows") or 0),
                )
                .returning(schema.datasets.c.id)
            ).scalar_one()
            if definitions:
                conn.execute(
                    sa.insert(schema.indicator_defs),
                    [
                        {
                            "dataset_id": dataset_id,
                            "name": d["name"],
                            "year": d.get("year"),
                            "unit": (d.get("unit") or "")[:100],
                            "spec": d["spec"],
                            "formula": d.get("formula") or "",
                            "source": (d.get("source") or "")[:255],
                            "licence": (d.get("licence") or "")[:200],
                            "attribution": (d.get("attribution") or "")[:300],
                            "aggregation": d.get("aggregation") or "none",
                            "decimals": int(d.get("decimals") if d.get("decimals") is not None else 2),
                            "population_year": d.get("population_year"),
                        }
                        for d in definitions
                    ],
                )
            if kind == "services":
                payload = [
                    {
                        "dataset_id": dataset_id,
                        "name": r.nome,
                        "type": r.tipo,
                        "comune_code": r.codice,
                        "address": r.indirizzo or "",
                        "lat": _none(r.lat),
                        "lon": _none(r.lon),
                        "places": None if pd.isna(r.posti) else int(r.posti),
                        "operator": r.gestore or "",
                        "operator_kind": r.tipo_gestore,
                        "is_sample": bool(r.esempio),
                    }
                    for r in rows.itertuples(index=False)
                ]
                table = schema.dataset_services
            else:
                payload = [
                    {
                        "dataset_id": dataset_id,
                        "comune_code": r.codice,
                        "indicator": r.indicatore,
                        "value": _none(r.valore),
                        "unit": r.unita or "",
                        "source": r.fonte,
                        "year": None if pd.isna(r.anno) else int(r.anno),
                        "numerator": _none(getattr(r, "numeratore", None)),
                        "denominator": _none(getattr(r, "denominatore", None)),
                        "missing": _none(getattr(r, "mancante", None)),
                    }
                    for r in rows.itertuples(index=False)
                ]
                table = schema.dataset_indicators
            if payload:
                conn.execute(sa.insert(table), payload)
    except IntegrityError as exc:
        if "indicator_defs" in str(exc.orig).lower() or "uq_indicator_defs_name" in str(exc.orig).lower():
            # another import of the same name and year won the race
            raise IndicatorExistsError(name=definitions[0]["name"], year="", id="", file="") from exc
        raise StoreError("error.store_write", detail=str(getattr(exc, "orig", exc))) from exc
    except SQLAlchemyError as exc:
        raise StoreError("error.store_write", detail=str(getattr(exc, "orig", exc))) from exc
    return dataset_id


def remove(store, dataset_id: int) -> None:
    """Remove a dataset and its rows. Raises DatasetNotFoundError."""
    with store.write() as conn:
        for table in (schema.dataset_services, schema.dataset_indicators, schema.indicator_defs):
            conn.execute(sa.delete(table).where(table.c.dataset_id == dataset_id))
        deleted = conn.execute(sa.delete(schema.datasets).where(schema.datasets.c.id == dataset_id)).rowcount
    if not deleted:
        raise DatasetNotFoundError(id=dataset_id)


def list_datasets(store) -> pd.DataFrame:
    """Imported datasets, newest first. Columns: id, tipo, file, fonte,
    importato_il, righe, licenza, attribuzione, anno, fuori_provincia, sha256."""
    t = schema.datasets
    with store.read() as conn:
        rows = conn.execute(
            sa.select(
                t.c.id,
                t.c.kind,
                t.c.filename,
                t.c.source,
                t.c.imported_at,
                t.c.row_count,
                t.c.licence,
                t.c.attribution,
                t.c.data_year,
                t.c.outside_rows,
                t.c.sha256,
            ).order_by(t.c.id.desc())
        ).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=DATASET_COLUMNS)
    frame["anno"] = frame["anno"].astype("Int64")
    return frame


def services(store) -> pd.DataFrame:
    """Every imported service as stored (columns ``SERVICE_COLUMNS``)."""
    t = schema.dataset_services
    with store.read() as conn:
        rows = conn.execute(
            sa.select(
                t.c.name,
                t.c.type,
                t.c.comune_code,
                t.c.address,
                t.c.lat,
                t.c.lon,
                t.c.places,
                t.c.operator,
                t.c.operator_kind,
                t.c.is_sample,
            ).order_by(t.c.id)
        ).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=SERVICE_COLUMNS)
    frame["posti"] = frame["posti"].astype("Int64")
    frame["lat"] = frame["lat"].astype(float)
    frame["lon"] = frame["lon"].astype(float)
    frame["esempio"] = frame["esempio"].astype(bool)
    return frame


def count_rows(store) -> dict[str, int]:
    """Rows per table (datasets, services, indicators, definitions): what tests compare before and after."""
    out = {}
    with store.read() as conn:
        for name, table in (
            ("datasets", schema.datasets),
            ("services", schema.dataset_services),
            ("indicators", schema.dataset_indicators),
            ("definitions", schema.indicator_defs),
        ):
            out[name] = conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
    return out


def imported_indicators(store) -> pd.DataFrame:
    """Imported indicator values beside the ISTAT ones, with their declared source.

    Columns: codice (ISTAT, six digits), nome indicatore, valore (NaN when
    missing), fonte, anno, unita, numeratore, denominatore, mancante (why a
    value is missing, else None), dataset (its id).
    """
    t = schema.dataset_indicators
    with store.read() as conn:
        rows = conn.execute(
            sa.select(
                t.c.comune_code,
                t.c.indicator,
                t.c.value,
                t.c.source,
                t.c.year,
                t.c.unit,
                t.c.numerator,
                t.c.denominator,
                t.c.missing,
                t.c.dataset_id,
            ).order_by(t.c.id)
        ).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=IMPORTED_INDICATOR_COLUMNS)
    for column in ("valore", "numeratore", "denominatore"):
        frame[column] = frame[column].astype(float)
    frame["anno"] = frame["anno"].astype("Int64")
    return frame


def indicator_definitions(store) -> pd.DataFrame:
    """One row per imported indicator and year: its formula, unit, source,
    licence, attribution, how it adds up over comuni, and its file (name, sha256).

    Columns: ``DEFINITION_COLUMNS``; ``spec`` is the formula as a dict
    (``derived.Spec.from_dict``).
    """
    d, t = schema.indicator_defs, schema.datasets
    with store.read() as conn:
        rows = conn.execute(
            sa.select(
                d.c.dataset_id,
                d.c.name,
                d.c.year,
                d.c.unit,
                d.c.spec,
                d.c.formula,
                d.c.source,
                d.c.licence,
                d.c.attribution,
                d.c.aggregation,
                d.c.decimals,
                d.c.population_year,
                t.c.filename,
                t.c.sha256,
            )
            .join(t, t.c.id == d.c.dataset_id)
            .order_by(d.c.id)
        ).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=DEFINITION_COLUMNS)
    frame["anno"] = frame["anno"].astype("Int64")
    return frame
