"""Start of history: the settings table every later migration can rely on.

Revision ID: 0000_base
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0000_base"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("app_meta")
