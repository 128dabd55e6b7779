"""The async engine and session factory, configured for SQLite (WAL) or PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event, make_url
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from todochat.db.checkpoint import AUTOCHECKPOINT_PAGES, WalCheckpointer
from todochat.db.sqlite_inline import inline_creator
from todochat.live.changes import Changes, take


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers run while a turn writes; busy_timeout makes concurrent writers wait
    # instead of failing at once; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _checkpoints_elsewhere(dbapi_connection: Any, _record: Any) -> None:
    # todochat.db.checkpoint: a commit no longer checkpoints the log on the event loop.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
    finally:
        cursor.close()


_DATABASE = "todochat.database"


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    changes = take(session)
    database = session.info.get(_DATABASE)
    if changes and database is not None and database.on_commit is not None:
        database.on_commit(changes)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    take(session)


class Database:
    """Owns the engine and hands out sessions."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        kwargs: dict[str, Any] = {"echo": echo}
        self._inline = False
        # SQLite files: the write-ahead log is checkpointed off the event loop once started.
        self.checkpoints: WalCheckpointer | None = None
        if url.startswith("sqlite"):
            # One connection, handed out in turn by the pool's queue: SQLite allows a single
            # writer, and its own busy-wait backs off in coarse sleeps (p99 of seconds under
            # 20 concurrent writers), while queueing in-process is fair and costs nothing.
            kwargs.update(pool_size=1, max_overflow=0, pool_timeout=60)
            database = make_url(url).database
            if database and database != ":memory:":
                kwargs["async_creator"] = inline_creator(database, timeout=30)
                self._inline = True
                self.checkpoints = WalCheckpointer(database)
            else:
                kwargs["connect_args"] = {"timeout": 30}
        else:
            kwargs.update(pool_size=10, max_overflow=20, pool_pre_ping=True)
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        if self.checkpoints is not None:
            event.listen(self.engine.sync_engine, "connect", _checkpoints_elsewhere)
        self.sessionmaker = async_sessionmaker(
            self.engine, expire_on_commit=False, info={_DATABASE: self}
        )
        # Told what each committed transaction changed (todochat.live.changes), per user.
        self.on_commit: Callable[[Changes], None] | None = None

    def upsert(self, table: Any) -> Any:
        """An INSERT with ``on_conflict_do_update``/``_nothing``: both databases have one,
        but SQLAlchemy builds it per dialect."""
        if self.dialect == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session that is closed (and rolled back if not committed) on exit."""
        session = self.sessionmaker()
        try:
            yield session
        finally:
            if self._inline or session.sync_session.get_transaction() is None:
                # Closing does no I/O here (SQLite runs in this thread; a committed session
                # has already given its connection back), so it cannot be interrupted halfway.
                # ``async with AsyncSession`` would close in a task of its own, which costs
                # two trips round the event loop: under load, most of a turn's time to first
                # event.
                await session.close()
            else:
                async with session:  # SQLAlchemy's cancellation-safe close
                    pass

    async def ping(self, within: float = 2.0) -> bool:
        """Whether the database answers a trivial query within ``within`` seconds."""
        import asyncio

        from sqlalchemy import text

        async def probe() -> None:
            async with self.session() as session:
                await session.execute(text("SELECT 1"))
                await session.commit()

        try:
            await asyncio.wait_for(probe(), within)
        except Exception:
            return False
        return True

    def start_checkpoints(self) -> None:
        """Checkpoint a SQLite file's log in a thread from now on (a server's start-up)."""
        if self.checkpoints is not None:
            self.checkpoints.start()

    async def dispose(self) -> None:
        """Close every pooled connection."""
        if self.checkpoints is not None:
            await self.checkpoints.stop()
        await self.engine.dispose()
