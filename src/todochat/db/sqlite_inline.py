"""SQLite for SQLAlchemy's async engine, run in the event loop's thread.

SQLAlchemy's ``sqlite+aiosqlite`` dialect drives an aiosqlite connection, which sends every call
to a worker thread and back: cursor, execute, fetch and close are four handoffs per statement,
each costing a queue put, a thread switch and a loop wake-up. On a local file a statement
itself takes microseconds, so the handoffs were most of the database time of a chat turn, and
each one also made the caller wait for another trip round a busy event loop.

This module gives the dialect (through ``create_async_engine(async_creator=...)``) a
connection with aiosqlite's interface whose coroutines run the stdlib ``sqlite3`` call at once
and never suspend. The trade-off: a statement that has to wait for SQLite's write lock blocks
the loop for up to ``busy_timeout``. Within one server process that cannot happen, because the
pool holds a single connection; it can only happen while another process (a second server on
the same file, the ``todochat`` CLI) writes, and deployments with several processes use
PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any


class InlineCursor:
    """aiosqlite's cursor interface over a ``sqlite3.Cursor``."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        if parameters is None:
            self._cursor.execute(sql)
        else:
            self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> InlineCursor:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        if size is None:
            return self._cursor.fetchmany()
        return self._cursor.fetchmany(size)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class InlineConnection:
    """aiosqlite's connection interface over a ``sqlite3.Connection``."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        # SQLAlchemy's adapter checks ``_connection`` to know whether the connection is open.
        self._connection: sqlite3.Connection | None = connection

    def _open(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ValueError("Connection closed")
        return self._connection

    @property
    def raw(self) -> sqlite3.Connection:
        """The ``sqlite3`` connection itself (``todochat.db.direct`` runs statements on it)."""
        return self._open()

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._open().cursor())

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        return await self.cursor().execute(sql, parameters)

    async def commit(self) -> None:
        self._open().commit()

    async def rollback(self) -> None:
        self._open().rollback()

    async def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def stop(self) -> None:
        """Close at once (SQLAlchemy's forced termination)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def create_function(
        self, name: str, num_params: int, func: Callable[..., Any], **kwargs: Any
    ) -> None:
        self._open().create_function(name, num_params, func, **kwargs)

    @property
    def isolation_level(self) -> str | None:
        return self._open().isolation_level

    @property
    def in_transaction(self) -> bool:
        return self._open().in_transaction


def inline_creator(path: str, **kwargs: Any) -> Callable[[], Any]:
    """``async_creator`` for ``create_async_engine``: opens ``path`` in this thread."""

    async def create() -> InlineConnection:
        # check_same_thread is off because the pool may close a connection from the garbage
        # collector; every statement still runs in the loop's thread.
        connection = sqlite3.connect(path, check_same_thread=False, **kwargs)
        return InlineConnection(connection)

    return create
