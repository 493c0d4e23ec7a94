"""Paper cards and assisted voting (issue 19): the channel of every ballot,
cards (a participant with a printed one-time code), card entries (at most two
per card, only the first counted) and helper PINs (hashed, revocable).

Revision ID: 0015_cards
Revises: 0010_live
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_cards"
down_revision = "0010_live"
branch_labels = None
depends_on = None


def upgrade() -> None:
    ts = sa.DateTime(timezone=True)
    with op.batch_alter_table("ballots") as batch:
        batch.add_column(sa.Column("channel", sa.String(16), nullable=False, server_default="phone"))
        batch.create_check_constraint("channel", "channel IN ('phone', 'paper', 'assisted')")
    op.create_table(
        "cards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
        sa.Column("round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False),
        sa.Column("participant_id", sa.Integer, sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("double_entry", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", ts, nullable=False),
        sa.UniqueConstraint("participant_id", name="uq_cards_participant_id"),
        sa.UniqueConstraint("code", name="uq_cards_code"),
    )
    op.create_index("ix_cards_workshop_id", "cards", ["workshop_id"])
    op.create_index("ix_cards_round_id", "cards", ["round_id"])
    op.create_table(
        "card_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("card_id", sa.Integer, sa.ForeignKey("cards.id", ondelete="CASCADE"), nullable=False),
        sa.Column("entry_no", sa.Integer, nullable=False),
        sa.Column("helper", sa.String(120), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", ts, nullable=False),
        sa.UniqueConstraint("card_id", "entry_no", name="uq_card_entries_card_entry"),
        sa.CheckConstraint("entry_no IN (1, 2)", name="entry_no"),
        sa.CheckConstraint("channel IN ('paper', 'assisted')", name="channel"),
        sa.CheckConstraint(
            "(entry_no = 1 AND status = 'counted') OR (entry_no = 2 AND status IN ('match', 'mismatch'))",
            name="status",
        ),
    )
    op.create_table(
        "helper_pins",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
        sa.Column("label", sa.String(60), nullable=False),
        sa.Column("pin_hash", sa.String(128), nullable=False),
        sa.Column("salt", sa.String(32), nullable=False),
        sa.Column("created_at", ts, nullable=False),
        sa.Column("expires_at", ts, nullable=False),
        sa.Column("revoked_at", ts, nullable=True),
    )
    op.create_index("ix_helper_pins_workshop_id", "helper_pins", ["workshop_id"])


def downgrade() -> None:
    op.drop_table("helper_pins")
    op.drop_table("card_entries")
    op.drop_table("cards")
    with op.batch_alter_table("ballots") as batch:
        batch.drop_constraint("ck_ballots_channel", type_="check")
        batch.drop_column("channel")
