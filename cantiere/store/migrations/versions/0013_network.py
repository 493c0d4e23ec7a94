"""The network, the pacts and the memory across workshops (issue 20): the
register of organisations (merged by tax code), pacts with their partners,
milestones and change log; workshops get a district and a year, priorities and
proposals an area of the Piano di Zona.

Revision ID: 0013_network
Revises: 0003_listening (proposals get an area; workshops and priorities come with 0001)
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_network"
down_revision = "0003_listening"
branch_labels = None
depends_on = None

STATUSES = "'proposto', 'sottoscritto', 'in_corso', 'concluso', 'sospeso'"


def upgrade() -> None:
    ts = sa.DateTime(timezone=True)
    # plain ADD COLUMN (nullable, no constraint): on SQLite a batch copy of
    # ``workshops`` would drop the table its children cascade from
    op.add_column("workshops", sa.Column("district", sa.String(16), nullable=True))
    op.add_column("workshops", sa.Column("year", sa.Integer, nullable=True))
    op.add_column("priorities", sa.Column("area", sa.String(40), nullable=True))
    op.add_column("proposals", sa.Column("area", sa.String(40), nullable=True))
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("tax_code", sa.String(16), nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("comuni", sa.JSON, nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("services", sa.JSON, nullable=False),
        sa.Column("contact_role", sa.String(120), nullable=False, server_default=""),
        sa.Column("source", sa.String(255), nullable=False, server_default=""),
        sa.Column("is_demo", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", ts, nullable=False),
        sa.Column("updated_at", ts, nullable=False),
        sa.UniqueConstraint("tax_code", name="uq_organisations_tax_code"),
    )
    op.create_table(
        "pacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="SET NULL"), nullable=True),
        sa.Column("priority_id", sa.Integer, sa.ForeignKey("priorities.id", ondelete="SET NULL"), nullable=True),
        sa.Column(
            "lead_id", sa.Integer, sa.ForeignKey("organisations.id", ondelete="RESTRICT"), nullable=False, index=True
        ),
        sa.Column("district", sa.String(16), nullable=False, server_default=""),
        sa.Column("area", sa.String(40), nullable=False, server_default=""),
        sa.Column("comuni", sa.JSON, nullable=False),
        sa.Column("target_group", sa.String(200), nullable=False, server_default=""),
        sa.Column("budget", sa.Float, nullable=True),
        sa.Column("funding", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("progress", sa.Integer, nullable=False, server_default="0"),
        sa.Column("story", sa.JSON, nullable=False),
        sa.Column("is_demo", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", ts, nullable=False),
        sa.Column("updated_at", ts, nullable=False),
        sa.CheckConstraint(f"status IN ({STATUSES})", name="ck_pacts_status"),
        sa.CheckConstraint("progress >= 0 AND progress <= 100", name="ck_pacts_progress"),
        sa.CheckConstraint("budget IS NULL OR budget >= 0", name="ck_pacts_budget"),
    )
    op.create_table(
        "pact_partners",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pact_id", sa.Integer, sa.ForeignKey("pacts.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column(
            "organisation_id",
            sa.Integer,
            sa.ForeignKey("organisations.id", ondelete="RESTRICT"),
            nullable=False,
            index=True,
        ),
        sa.Column("commitment", sa.Text, nullable=False, server_default=""),
        sa.Column("due", sa.Date, nullable=True),
        sa.UniqueConstraint("pact_id", "organisation_id", name="uq_pact_partners_pact_id"),
    )
    op.create_table(
        "pact_milestones",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pact_id", sa.Integer, sa.ForeignKey("pacts.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", ts, nullable=False),
    )
    op.create_table(
        "pact_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pact_id", sa.Integer, sa.ForeignKey("pacts.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("at", ts, nullable=False),
        sa.Column("who", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for table in ("pact_log", "pact_milestones", "pact_partners", "pacts", "organisations"):
        op.drop_table(table)
    op.drop_column("proposals", "area")
    op.drop_column("priorities", "area")
    op.drop_column("workshops", "year")
    op.drop_column("workshops", "district")
