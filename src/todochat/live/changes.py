"""What a transaction changed, per user, told to the live feed once the transaction commits.

Services mark what they change in their session (``mark``); the database hands the marks of a
committed transaction to its ``on_commit`` callback and drops those of a rolled-back one, so a
client is told only of changes that are really there, whichever code path made them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

KEY = "todochat.changes"

# owner id -> kind ("todos", "conversations") -> ids
Changes = dict[int, dict[str, set[Any]]]


def mark(session: AsyncSession | Session, owner_id: int, kind: str, ident: Any) -> None:
    """Note that ``ident`` of ``kind`` of ``owner_id`` changes in this transaction."""
    changes: Changes = session.info.setdefault(KEY, {})
    changes.setdefault(owner_id, {}).setdefault(kind, set()).add(ident)


def take(session: Session) -> Changes | None:
    """The marks of the transaction that just ended (and forget them)."""
    changes: Changes | None = session.info.pop(KEY, None)
    return changes
