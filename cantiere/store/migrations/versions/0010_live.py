"""The room version: a counter per workshop, +1 at every phase or round change,
which phones watch to follow the room (issue 13).

Revision ID: 0010_live
Revises: 0001_workshops
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_live"
down_revision = "0001_workshops"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("room_version", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("room_version")
