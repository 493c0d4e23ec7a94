"""Open data as published (issue 18): imported files keep their hash, licence,
attribution and the rows left outside the province; indicator definitions keep
their formula, one name per year; a value may be missing with its reason;
a voting round records the data versions it showed.

Revision ID: 0012_data
Revises: 0002_datasets
Depends on: 0001_workshops (round_data_versions refers to rounds)
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_data"
down_revision = "0002_datasets"
branch_labels = None
depends_on = "0001_workshops"


def upgrade() -> None:
    with op.batch_alter_table("datasets") as batch:
        batch.add_column(sa.Column("sha256", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("licence", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("attribution", sa.String(300), nullable=False, server_default=""))
        batch.add_column(sa.Column("preset", sa.String(40), nullable=False, server_default=""))
        batch.add_column(sa.Column("data_year", sa.Integer, nullable=True))
        batch.add_column(sa.Column("outside_rows", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("dataset_indicators") as batch:
        batch.alter_column("value", existing_type=sa.Float, nullable=True)
        batch.add_column(sa.Column("numerator", sa.Float, nullable=True))
        batch.add_column(sa.Column("denominator", sa.Float, nullable=True))
        batch.add_column(sa.Column("missing", sa.String(24), nullable=True))
        batch.create_check_constraint(
            "ck_dataset_indicators_value_or_missing", "value IS NOT NULL OR missing IS NOT NULL"
        )
    op.create_table(
        "indicator_defs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dataset_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("unit", sa.String(100), nullable=False, server_default=""),
        sa.Column("spec", sa.JSON, nullable=False),
        sa.Column("formula", sa.Text, nullable=False, server_default=""),
        sa.Column("source", sa.String(255), nullable=False, server_default=""),
        sa.Column("licence", sa.String(200), nullable=False, server_default=""),
        sa.Column("attribution", sa.String(300), nullable=False, server_default=""),
        sa.Column("aggregation", sa.String(8), nullable=False),
        sa.Column("decimals", sa.Integer, nullable=False, server_default="2"),
        sa.Column("population_year", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_indicator_defs"),
        sa.ForeignKeyConstraint(
            ["dataset_id"], ["datasets.id"], ondelete="CASCADE", name="fk_indicator_defs_dataset_id_datasets"
        ),
        sa.UniqueConstraint("name", "year", name="uq_indicator_defs_name"),
        sa.CheckConstraint("aggregation IN ('ratio', 'sum', 'none')", name="ck_indicator_defs_aggregation"),
    )
    op.create_index("ix_indicator_defs_dataset_id", "indicator_defs", ["dataset_id"])
    op.create_table(
        "round_data_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.Integer, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("istat_year", sa.Integer, nullable=False),
        sa.Column("datasets", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_round_data_versions"),
        sa.ForeignKeyConstraint(
            ["round_id"], ["rounds.id"], ondelete="CASCADE", name="fk_round_data_versions_round_id_rounds"
        ),
    )
    op.create_index("ix_round_data_versions_round_id", "round_data_versions", ["round_id"])


def downgrade() -> None:
    op.drop_index("ix_round_data_versions_round_id", table_name="round_data_versions")
    op.drop_table("round_data_versions")
    op.drop_index("ix_indicator_defs_dataset_id", table_name="indicator_defs")
    op.drop_table("indicator_defs")
    op.execute("DELETE FROM dataset_indicators WHERE value IS NULL")
    with op.batch_alter_table("dataset_indicators") as batch:
        batch.drop_constraint("ck_dataset_indicators_value_or_missing", type_="check")
        batch.drop_column("missing")
        batch.drop_column("denominator")
        batch.drop_column("numerator")
        batch.alter_column("value", existing_type=sa.Float, nullable=False)
    with op.batch_alter_table("datasets") as batch:
        for column in ("outside_rows", "data_year", "preset", "attribution", "licence", "sha256"):
            batch.drop_column(column)
