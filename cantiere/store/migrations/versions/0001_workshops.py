"""Workshops: workshops, rounds, priorities, participants, ballots, comments, events.

Revision ID: 0001_workshops
Revises: 0000_base
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_workshops"
down_revision = "0000_base"
branch_labels = None
depends_on = None


def _fk(table: str, ondelete: str = "CASCADE") -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete=ondelete)


def upgrade() -> None:
    ts = sa.DateTime(timezone=True)
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("phase", sa.String(16), nullable=False),
        sa.Column("is_demo", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", ts, nullable=False),
        sa.UniqueConstraint("code", name="uq_workshops_code"),
    )
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workshop_id", sa.Integer, _fk("workshops"), nullable=False),
        sa.Column("method", sa.String(32), nullable=False),
        sa.Column("params", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("created_at", ts, nullable=False),
    )
    op.create_index("ix_rounds_workshop_id", "rounds", ["workshop_id"])
    op.create_table(
        "priorities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workshop_id", sa.Integer, _fk("workshops"), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("target_group", sa.String(200), nullable=False, server_default=""),
        sa.Column("comuni", sa.JSON, nullable=False),
        sa.Column("cost", sa.Float, nullable=True),
        sa.Column("attrs", sa.JSON, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("created_at", ts, nullable=False),
    )
    op.create_index("ix_priorities_workshop_id", "priorities", ["workshop_id"])
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workshop_id", sa.Integer, _fk("workshops"), nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("comune", sa.String(100), nullable=True),
        sa.Column("role", sa.String(32), nullable=True),
        sa.Column("age_band", sa.String(16), nullable=True),
        sa.Column("profile_answered_at", ts, nullable=True),
        sa.Column("created_at", ts, nullable=False),
        sa.UniqueConstraint("token", name="uq_participants_token"),
    )
    op.create_index("ix_participants_workshop_id", "participants", ["workshop_id"])
    op.create_table(
        "ballots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("round_id", sa.Integer, _fk("rounds"), nullable=False),
        sa.Column("participant_id", sa.Integer, _fk("participants"), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("cast_at", ts, nullable=False),
        sa.UniqueConstraint("round_id", "participant_id", name="uq_ballots_round_participant"),
    )
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("priority_id", sa.Integer, _fk("priorities"), nullable=False),
        sa.Column("participant_id", sa.Integer, _fk("participants", "SET NULL"), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", ts, nullable=False),
    )
    op.create_index("ix_comments_priority_id", "comments", ["priority_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workshop_id", sa.Integer, _fk("workshops"), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.Column("created_at", ts, nullable=False),
    )
    op.create_index("ix_events_workshop_id", "events", ["workshop_id"])


def downgrade() -> None:
    for table in ("events", "comments", "ballots", "participants", "priorities", "rounds", "workshops"):
        op.drop_table(table)
