"""Listening: proposals, supports (unique per proposal and participant), pins.

Revision ID: 0003_listening
Revises: 0001_workshops
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_listening"
down_revision = "0001_workshops"
branch_labels = None
depends_on = None


def upgrade() -> None:
    ts = sa.DateTime(timezone=True)
    op.create_table(
        "proposals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
        sa.Column("participant_id", sa.Integer, sa.ForeignKey("participants.id", ondelete="SET NULL"), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("target_group", sa.String(200), nullable=False, server_default=""),
        sa.Column("comuni", sa.JSON, nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("merged_into", sa.Integer, sa.ForeignKey("proposals.id", ondelete="SET NULL"), nullable=True),
        sa.Column(
            "promoted_priority_id", sa.Integer, sa.ForeignKey("priorities.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("created_at", ts, nullable=False),
    )
    op.create_index("ix_proposals_workshop_id", "proposals", ["workshop_id"])
    op.create_table(
        "supports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("proposal_id", sa.Integer, sa.ForeignKey("proposals.id", ondelete="CASCADE"), nullable=False),
        sa.Column("participant_id", sa.Integer, sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", ts, nullable=False),
        sa.UniqueConstraint("proposal_id", "participant_id", name="uq_supports_proposal_participant"),
    )
    op.create_index("ix_supports_proposal_id", "supports", ["proposal_id"])
    op.create_table(
        "pins",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
        sa.Column("participant_id", sa.Integer, sa.ForeignKey("participants.id", ondelete="SET NULL"), nullable=True),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("comune_code", sa.String(6), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", ts, nullable=False),
        sa.Column("updated_at", ts, nullable=False),
    )
    op.create_index("ix_pins_workshop_id", "pins", ["workshop_id"])


def downgrade() -> None:
    op.drop_index("ix_pins_workshop_id", table_name="pins")
    op.drop_table("pins")
    op.drop_index("ix_supports_proposal_id", table_name="supports")
    op.drop_table("supports")
    op.drop_index("ix_proposals_workshop_id", table_name="proposals")
    op.drop_table("proposals")
