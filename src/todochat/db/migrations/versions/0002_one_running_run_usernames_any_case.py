"""At most one running run per conversation; usernames unique ignoring case.

Both rules were checked by the application before and raced under concurrency: two turns of one
conversation could both start on PostgreSQL, and "RaceX" and "racex" could both register. The
database now enforces them with unique indexes, which both SQLite and PostgreSQL support (a
partial index and an index on ``lower(username)``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RUNNING = sa.text("status = 'running'")


def upgrade() -> None:
    bind = op.get_bind()
    clashes = bind.execute(
        sa.text("SELECT lower(username) FROM users GROUP BY lower(username) HAVING count(*) > 1")
    ).all()
    if clashes:
        names = ", ".join(sorted(row[0] for row in clashes))
        raise RuntimeError(
            "usernames must now be unique ignoring case, and these are taken more than once: "
            f"{names}. Delete or rename the extra accounts, then upgrade again."
        )
    # Older runs that the race let start beside a newer one are closed, as if interrupted.
    bind.execute(
        sa.text(
            "UPDATE runs SET status = 'failed', error_code = 'interrupted' "
            "WHERE status = 'running' AND id NOT IN ("
            "  SELECT id FROM (SELECT id, row_number() OVER ("
            "    PARTITION BY conversation_id ORDER BY created_at DESC, id DESC) AS n"
            "    FROM runs WHERE status = 'running') AS ranked WHERE n = 1)"
        )
    )
    op.create_index(
        "uq_runs_one_running",
        "runs",
        ["conversation_id"],
        unique=True,
        sqlite_where=RUNNING,
        postgresql_where=RUNNING,
    )
    op.create_index("uq_users_username_lower", "users", [sa.text("lower(username)")], unique=True)


def downgrade() -> None:
    op.drop_index("uq_users_username_lower", table_name="users")
    op.drop_index("uq_runs_one_running", table_name="runs")
