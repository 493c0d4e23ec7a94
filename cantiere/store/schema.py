"""Tables. Only ``cantiere/store/`` imports this module.

Each area adds its tables here and a migration under ``migrations/versions``
whose ``down_revision`` is ``0000_base`` (or a later revision of the same area).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

app_meta = sa.Table(
    "app_meta",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# --- imported datasets (services, indicators): cantiere/store/datasets.py ---

datasets = sa.Table(
    "datasets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # "services" | "indicators"
    sa.Column("filename", sa.String(255), nullable=False),
    sa.Column("source", sa.String(255), nullable=False, server_default=""),
    sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.CheckConstraint("kind IN ('services', 'indicators')", name="kind"),
)

dataset_services = sa.Table(
    "dataset_services",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("dataset_id", sa.Integer, sa.ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("comune_code", sa.String(6), nullable=False),
    sa.Column("address", sa.String(200), nullable=False, server_default=""),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("places", sa.Integer, nullable=True),
    sa.Column("operator", sa.String(200), nullable=False, server_default=""),
    sa.Column("operator_kind", sa.String(16), nullable=False),
    sa.Column("is_sample", sa.Boolean, nullable=False, server_default=sa.false()),
)

dataset_indicators = sa.Table(
    "dataset_indicators",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("dataset_id", sa.Integer, sa.ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("comune_code", sa.String(6), nullable=False),
    sa.Column("indicator", sa.String(100), nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("unit", sa.String(200), nullable=False, server_default=""),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=True),
)
