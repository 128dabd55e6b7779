"""A client's idempotency key per turn (a turn sent twice runs once), and todo reminders.

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
    op.add_column("todos", sa.Column("remind_before_minutes", sa.Integer(), nullable=True))
    op.add_column("todos", sa.Column("remind_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("todos", sa.Column("reminded_for", sa.DateTime(timezone=True), nullable=True))
    op.add_column(
        "todos",
        sa.Column("reminder_missed", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_todos_remind_at", "todos", ["remind_at"])
    # Todos that exist already remind at their due moment, as new ones do.
    op.execute("UPDATE todos SET remind_before_minutes = 0")


def downgrade() -> None:
    op.drop_index("ix_todos_remind_at", table_name="todos")
    for column in ("reminder_missed", "reminded_for", "remind_at", "remind_before_minutes"):
        op.execute(f"ALTER TABLE todos DROP COLUMN {column}")
    op.drop_index("uq_runs_owner_client_key", table_name="runs")
    # Both databases drop a column in place (SQLite since 3.35); no table copy.
    op.execute("ALTER TABLE runs DROP COLUMN client_key")
