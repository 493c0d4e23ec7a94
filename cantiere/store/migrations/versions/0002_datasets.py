"""Imported datasets: services and extra indicators, one row per file imported.

Revision ID: 0002_datasets
Revises: 0000_base
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_datasets"
down_revision = "0000_base"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "datasets",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("source", sa.String(255), nullable=False, server_default=""),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("row_count", sa.Integer, nullable=False),
        sa.CheckConstraint("kind IN ('services', 'indicators')", name="ck_datasets_kind"),
        sa.PrimaryKeyConstraint("id", name="pk_datasets"),
    )
    op.create_table(
        "dataset_services",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dataset_id", sa.Integer, nullable=False),
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
        sa.PrimaryKeyConstraint("id", name="pk_dataset_services"),
        sa.ForeignKeyConstraint(
            ["dataset_id"], ["datasets.id"], ondelete="CASCADE", name="fk_dataset_services_dataset_id_datasets"
        ),
    )
    op.create_index("ix_dataset_services_dataset_id", "dataset_services", ["dataset_id"])
    op.create_table(
        "dataset_indicators",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dataset_id", sa.Integer, nullable=False),
        sa.Column("comune_code", sa.String(6), nullable=False),
        sa.Column("indicator", sa.String(100), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("unit", sa.String(200), nullable=False, server_default=""),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("year", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_dataset_indicators"),
        sa.ForeignKeyConstraint(
            ["dataset_id"], ["datasets.id"], ondelete="CASCADE", name="fk_dataset_indicators_dataset_id_datasets"
        ),
    )
    op.create_index("ix_dataset_indicators_dataset_id", "dataset_indicators", ["dataset_id"])


def downgrade() -> None:
    op.drop_index("ix_dataset_indicators_dataset_id", table_name="dataset_indicators")
    op.drop_table("dataset_indicators")
    op.drop_index("ix_dataset_services_dataset_id", table_name="dataset_services")
    op.drop_table("dataset_services")
    op.drop_table("datasets")
