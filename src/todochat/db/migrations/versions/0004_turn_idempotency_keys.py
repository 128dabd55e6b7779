"""A client's idempotency key per turn: a turn sent twice (a retry after a network error) runs once.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("runs", sa.Column("client_key", sa.String(128), nullable=True))
    op.create_index(
        "uq_runs_owner_client_key",
        "runs",
        ["owner_id", "client_key"],
        unique=True,
        sqlite_where=sa.text("client_key IS NOT NULL"),
        postgresql_where=sa.text("client_key IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_runs_owner_client_key", table_name="runs")
    # Both databases drop a column in place (SQLite since 3.35); no table copy.
    op.execute("ALTER TABLE runs DROP COLUMN client_key")
