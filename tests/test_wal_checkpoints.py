"""SQLite's write-ahead log is checkpointed in a thread, not inside a turn's commit.

A commit that checkpoints copies the log back and syncs the file (6-9 ms, measured) on the
event loop's thread, where every stream of the process waits for it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import text

from tests.conftest import make_settings
from todochat.app import create_app
from todochat.config import sqlite_url
from todochat.db.checkpoint import AUTOCHECKPOINT_PAGES, WalCheckpointer
from todochat.db.engine import Database


async def test_commits_leave_the_log_to_the_checkpointer(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    db = Database(sqlite_url(path))
    try:
        async with db.engine.begin() as conn:
            threshold = (await conn.execute(text("PRAGMA wal_autocheckpoint"))).scalar()
            await conn.execute(text("CREATE TABLE t (x TEXT)"))
        assert threshold == AUTOCHECKPOINT_PAGES
        # Far more than SQLite's default threshold of 1,000 pages, one commit at a time.
        for _ in range(60):
            async with db.engine.begin() as conn:
                await conn.execute(text("INSERT INTO t VALUES (:x)"), [{"x": "x" * 4000}] * 30)
        assert db.checkpoints is not None
        busy, pages, done = await asyncio.to_thread(db.checkpoints.checkpoint)
        # Nothing was checkpointed by the commits themselves: all of it is still in the log,
        # and one checkpoint from the other connection takes all of it.
        assert pages > 1_000
        assert (busy, done) == (0, pages)
        async with db.engine.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar() == 1_800
    finally:
        await db.dispose()


async def test_the_checkpointer_runs_with_the_server_and_stops_with_it(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    app = create_app(make_settings(sqlite_url(path)))
    db: Database = app.state.runtime.db
    assert db.checkpoints is not None
    async with app.router.lifespan_context(app):
        task = db.checkpoints._task
        assert task is not None and not task.done()
    assert db.checkpoints._task is None and task.done()


def test_a_missing_file_is_nothing_to_checkpoint(tmp_path: Path) -> None:
    assert WalCheckpointer(str(tmp_path / "gone.db")).checkpoint() == (0, 0, 0)


def test_postgresql_has_none() -> None:
    assert Database("postgresql+asyncpg://u@127.0.0.1:1/x").checkpoints is None
