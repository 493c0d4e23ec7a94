"""Store API for imported datasets (services and extra indicators).

The only code that knows the ``datasets``, ``dataset_services`` and
``dataset_indicators`` tables. Callers pass and get DataFrames shaped like
``importers`` produces them; validation happens before, in ``importers``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from cantiere.errors import CantiereError
from cantiere.store import StoreError, schema

DATASET_COLUMNS = ["id", "tipo", "file", "fonte", "importato_il", "righe"]
IMPORTED_INDICATOR_COLUMNS = ["codice", "nome indicatore", "valore", "fonte", "anno"]
# a stored service: the comune by its ISTAT code (services.imported_services adds name and district)
SERVICE_COLUMNS = ["nome", "tipo", "codice", "indirizzo", "lat", "lon", "posti", "gestore", "tipo_gestore", "esempio"]


class DatasetNotFoundError(CantiereError, LookupError):
    """No imported dataset has this id (maybe already removed)."""

    key = "imp.dataset_not_found"


def _none(value):
    return None if pd.isna(value) else value


def add(store, kind: str, filename: str, source: str, rows: pd.DataFrame) -> int:
    """Store a validated dataset and all its rows in one transaction; its id.

    Raises StoreError when the database refuses (nothing is written).
    """
    now = datetime.now(UTC)
    try:
        with store.write() as conn:
            dataset_id = conn.execute(
                sa.insert(schema.datasets)
                .values(
                    kind=kind,
                    filename=filename[:255],
                    source=(source or "")[:255],
                    imported_at=now,
                    row_count=len(rows),
                )
                .returning(schema.datasets.c.id)
            ).scalar_one()
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
                        "value": float(r.valore),
                        "unit": r.unita or "",
                        "source": r.fonte,
                        "year": None if pd.isna(r.anno) else int(r.anno),
                    }
                    for r in rows.itertuples(index=False)
                ]
                table = schema.dataset_indicators
            if payload:
                conn.execute(sa.insert(table), payload)
    except SQLAlchemyError as exc:
        raise StoreError("error.store_write", detail=str(getattr(exc, "orig", exc))) from exc
    return dataset_id


def remove(store, dataset_id: int) -> None:
    """Remove a dataset and its rows. Raises DatasetNotFoundError."""
    with store.write() as conn:
        for table in (schema.dataset_services, schema.dataset_indicators):
            conn.execute(sa.delete(table).where(table.c.dataset_id == dataset_id))
        deleted = conn.execute(sa.delete(schema.datasets).where(schema.datasets.c.id == dataset_id)).rowcount
    if not deleted:
        raise DatasetNotFoundError(id=dataset_id)


def list_datasets(store) -> pd.DataFrame:
    """Imported datasets, newest first. Columns: id, tipo, file, fonte, importato_il, righe."""
    t = schema.datasets
    with store.read() as conn:
        rows = conn.execute(
            sa.select(t.c.id, t.c.kind, t.c.filename, t.c.source, t.c.imported_at, t.c.row_count).order_by(
                t.c.id.desc()
            )
        ).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=DATASET_COLUMNS)


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
    """Rows per table (datasets, services, indicators): what tests compare before and after."""
    out = {}
    with store.read() as conn:
        for name, table in (
            ("datasets", schema.datasets),
            ("services", schema.dataset_services),
            ("indicators", schema.dataset_indicators),
        ):
            out[name] = conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
    return out


def imported_indicators(store) -> pd.DataFrame:
    """Imported indicator values beside the ISTAT ones, with their declared source.

    Columns: codice (ISTAT, six digits), nome indicatore, valore, fonte, anno.
    """
    t = schema.dataset_indicators
    with store.read() as conn:
        rows = conn.execute(
            sa.select(t.c.comune_code, t.c.indicator, t.c.value, t.c.source, t.c.year).order_by(t.c.id)
        ).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=IMPORTED_INDICATOR_COLUMNS)
    frame["valore"] = frame["valore"].astype(float)
    frame["anno"] = frame["anno"].astype("Int64")
    return frame
