"""Running the chat turn's own statements cheaply.

A turn makes about a dozen statements. Through the ORM session, each one is rebuilt (~120 µs:
coercions, bind parameters, its cache key) and passes the session's ORM execution layer
(~75 µs), for statements that are plain Core INSERT/UPDATE/SELECT on one table. Built once at
import (with ``bindparam``s, or values given as parameters) and executed on the session's own
connection, the same statement takes ~50 µs on SQLite, inside the same transaction: the
session's commit (and its change notices) covers it as before. On a SQLite file the statement
goes straight to the ``sqlite3`` connection (``todochat.db.direct``), which leaves SQLAlchemy's
execution path out too.
"""

from __future__ import annotations

import sqlite3
import weakref
from typing import Any, Protocol

from sqlalchemy import Executable
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from todochat.db import direct
from todochat.db.sqlite_inline import InlineConnection

_CONNECTION = "todochat.statements.connection"
_PLANS = direct.Plans()


class Result(Protocol):
    """What callers read from a statement's result (SQLAlchemy's or ``direct.Rows``)."""

    def __iter__(self) -> Any: ...
    def first(self) -> Any: ...
    def scalar(self) -> Any: ...
    def scalar_one(self) -> Any: ...
    def scalar_one_or_none(self) -> Any: ...


def _inline(connection: AsyncConnection) -> sqlite3.Connection | None:
    """The ``sqlite3`` connection under ``connection`` when statements may go to it directly:
    a SQLite file run in this thread, with no statement logging or cursor hooks to honour."""
    sync = connection.sync_connection
    if sync is None or sync._echo:
        return None
    if sync.dispatch.before_cursor_execute or sync.dispatch.after_cursor_execute:
        return None
    driver = sync.connection.driver_connection
    if isinstance(driver, InlineConnection):
        return driver.raw
    return None


async def run(
    session: AsyncSession, statement: Executable, params: dict[str, Any] | list[dict[str, Any]]
) -> Result:
    """Execute a prepared Core ``statement`` in ``session``'s transaction."""
    # The session's connection is fixed for the life of its transaction: asked once per
    # transaction, not per statement (each ask is a trip through a greenlet, ~15 µs).
    # The transaction is held weakly: it refers to the session, and a cycle would keep each
    # session's objects until a full collection of the garbage collector.
    transaction = session.sync_session.get_transaction()
    held = session.info.get(_CONNECTION)
    if transaction is not None and held is not None and held[0]() is transaction:
        connection: AsyncConnection = held[1]
        raw: sqlite3.Connection | None = held[2]
    else:
        connection = await session.connection()
        raw = _inline(connection)
        session.info[_CONNECTION] = (
            weakref.ref(session.sync_session.get_transaction()),
            connection,
            raw,
        )
    many = isinstance(params, list)
    # Several rows at once with RETURNING is SQLAlchemy's "insertmanyvalues"; none at all is
    # SQLAlchemy's to decide too.
    if raw is not None and (params or not many):
        names = tuple(params[0] if isinstance(params, list) else params)  # `many`, for mypy
        found = _PLANS.get(statement, connection.dialect, names)
        if found is not None and not (many and found.row is not None):
            return direct.execute(raw, found, params)
    return await connection.execute(statement, params)
