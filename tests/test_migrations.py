"""Migrations from empty produce the models' schema on SQLite and PostgreSQL, and go back down."""

from __future__ import annotations

import warnings
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from todochat.db.engine import Database
from todochat.db.migrate import (
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
    upgrade,
    upgrade_if_behind,
)
from todochat.db.models import Base

EXPECTED_TABLES = {
    "users", "todos", "tags", "todo_tags", "conversations", "chat_messages", "runs",
    "usage_counters", "agent_sessions", "agent_messages", "alembic_version", "todo_changes",
    "conversation_states",
}  # fmt: skip
# Agent memory tables belong to openai-agents' session class, not to our ORM models.
NOT_IN_MODELS = {"agent_sessions", "agent_messages", "alembic_version"}


def _diff(conn: Connection) -> list[Any]:
    ctx = MigrationContext.configure(conn, opts={"compare_type": True})
    with warnings.catch_warnings():
        # SQLite's reflection cannot read the index on lower(username), so it is compared on
        # PostgreSQL only (tests/test_hardening.py holds both databases to the rule itself).
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression")
        diffs = compare_metadata(ctx, Base.metadata)
    return [
        d
        for d in diffs
        if not (d[0] == "remove_table" and d[1].name in NOT_IN_MODELS)
        and not (d[0] == "remove_index" and d[1].table.name in NOT_IN_MODELS)
    ]


async def test_upgrade_from_empty_matches_models_and_downgrades(database_url: str) -> None:
    db = Database(database_url)
    try:
        await upgrade(db)
        async with db.engine.connect() as conn:
            tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
            assert tables == EXPECTED_TABLES
            assert await conn.run_sync(_diff) == []
        await upgrade(db)  # idempotent at head
        await downgrade(db, "base")
        async with db.engine.connect() as conn:
            tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
            assert tables <= {"alembic_version"}
    finally:
        await db.dispose()


def test_the_head_known_without_alembic_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert head_revision() == script.get_current_head()


async def test_start_up_migrates_a_database_that_is_behind(database_url: str) -> None:
    db = Database(database_url)
    try:
        assert await current_revision(db) is None
        await upgrade_if_behind(db)  # from empty
        assert await current_revision(db) == head_revision()
        await downgrade(db, "0003")
        assert await current_revision(db) == "0003"
        await upgrade_if_behind(db)  # one behind
        assert await current_revision(db) == head_revision()
        async with db.engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
        await upgrade_if_behind(db)  # at head: nothing to do
        assert await current_revision(db) == head_revision()
    finally:
        await downgrade(db, "base")
        await db.dispose()
