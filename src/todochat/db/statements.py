"""Running the chat turn's own statements cheaply.

A turn makes about a dozen statements. Through the ORM session, each one is rebuilt (~120 µs:
coercions, bind parameters, its cache key) and passes the session's ORM execution layer
(~75 µs), for statements that are plain Core INSERT/UPDATE/SELECT on one table. Built once at
import (with ``bindparam``s, or values given as parameters) and executed on the session's own
connection, the same statement takes ~50 µs on SQLite, inside the same transaction: the
session's commit (and its change notices) covers it as before.
"""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy import CursorResult, Executable
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

_CONNECTION = "todochat.statements.connection"


async def run(
    session: AsyncSession, statement: Executable, params: dict[str, Any] | list[dict[str, Any]]
) -> CursorResult[Any]:
    """Execute a prepared Core ``statement`` in ``session``'s transaction."""
    # The session's connection is fixed for the life of its transaction: asked once per
    # transaction, not per statement (each ask is a trip through a greenlet, ~15 µs).
    # The transaction is held weakly: it refers to the session, and a cycle would keep each
    # session's objects until a full collection of the garbage collector.
    transaction = session.sync_session.get_transaction()
    held = session.info.get(_CONNECTION)
    if transaction is not None and held is not None and held[0]() is transaction:
        connection: AsyncConnection = held[1]
    else:
        connection = await session.connection()
        session.info[_CONNECTION] = (
            weakref.ref(session.sync_session.get_transaction()),
            connection,
        )
    return await connection.execute(statement, params)
