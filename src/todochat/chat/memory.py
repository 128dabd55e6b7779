"""Conversation memory for the model, stored as openai-agents' ``SQLAlchemySession`` stores it.

The tables (``agent_sessions``, ``agent_messages``), their columns, the JSON of each item and the
read order are the SDK session's, so ``SQLAlchemySession(str(conversation_id), engine=...)`` opens
any conversation's memory (a test holds us to that). The statements are our own for two reasons:

- a turn's items are written in the transaction that stores its reply and its run's outcome, so
  memory and history cannot disagree after a crash (the SDK session writes in a transaction of
  its own, with a savepoint);
- the SDK session builds its Table objects per instance, so every conversation paid for new
  Table objects and freshly compiled statements (measured at about a fifth of a turn's CPU).
  One set of tables here means SQLAlchemy compiles each statement once per process.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    TIMESTAMP,
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    delete,
    select,
)
from sqlalchemy import text as sql_text
from sqlalchemy.ext.asyncio import AsyncSession

from todochat.db.engine import Database
from todochat.db.models import ConversationState
from todochat.db.statements import run

if TYPE_CHECKING:
    from agents import TResponseInputItem

# Mirrors SQLAlchemySession's tables (created by our migration 0001); kept out of the models'
# metadata because the SDK, not our ORM, defines them.
_metadata = MetaData()
agent_sessions = Table(
    "agent_sessions",
    _metadata,
    Column("session_id", String, primary_key=True),
    Column("created_at", TIMESTAMP, server_default=sql_text("CURRENT_TIMESTAMP")),
    Column("updated_at", TIMESTAMP, server_default=sql_text("CURRENT_TIMESTAMP")),
)
agent_messages = Table(
    "agent_messages",
    _metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", String, ForeignKey("agent_sessions.session_id", ondelete="CASCADE")),
    Column("message_data", Text, nullable=False),
    Column("created_at", TIMESTAMP, server_default=sql_text("CURRENT_TIMESTAMP")),
)

_INSERT_ITEM = agent_messages.insert()
_STATE = select(ConversationState.state).where(
    ConversationState.conversation_id == bindparam("conversation_id")
)


def _is_user_message(item: Any) -> bool:
    return (
        isinstance(item, dict)
        and item.get("role") == "user"
        and item.get("type", "message") == "message"
    )


def _serialize(item: TResponseInputItem) -> str:
    # Byte for byte what SQLAlchemySession writes (its default ensure_ascii=True).
    return json.dumps(item, ensure_ascii=True, separators=(",", ":"))


class ConversationMemory:
    """Reads the recent items of a conversation; stores a finished turn's items."""

    def __init__(self, db: Database, limit: int) -> None:
        self._db = db
        self._limit = limit
        # Prepared once for the database's dialect (todochat.db.statements): a continued
        # conversation's recent items read; a finished turn's session row created or touched,
        # as the SDK does, and its dialogue state replaced.
        self._recent = (
            select(agent_messages.c.message_data)
            .where(agent_messages.c.session_id == bindparam("session_id"))
            .order_by(agent_messages.c.created_at.desc(), agent_messages.c.id.desc())
            .limit(limit)
        )
        touch = db.upsert(agent_sessions)
        self._touch_session = touch.on_conflict_do_update(
            index_elements=[agent_sessions.c.session_id],
            set_={"updated_at": sql_text("CURRENT_TIMESTAMP")},
        )
        state = db.upsert(ConversationState)
        self._store_state = state.on_conflict_do_update(
            index_elements=[ConversationState.conversation_id],
            set_={"state": state.excluded.state, "updated_at": state.excluded.updated_at},
        )

    async def recent(self, conversation_id: int) -> list[TResponseInputItem]:
        """The last ``limit`` items, starting at a user message so no tool output is orphaned."""
        async with self._db.session() as session:
            rows = list(await run(session, self._recent, {"session_id": str(conversation_id)}))
            await session.commit()
        items: list[TResponseInputItem] = []
        for (raw,) in reversed(rows):
            try:
                items.append(json.loads(raw))
            except ValueError:
                continue  # as the SDK does: an unreadable item is skipped, not fatal
        start = next((i for i, item in enumerate(items) if _is_user_message(item)), len(items))
        return items[start:]

    async def store_in(
        self, session: AsyncSession, conversation_id: int, items: list[TResponseInputItem]
    ) -> None:
        """Add a turn's items inside the caller's transaction."""
        if not items:
            return
        session_id = str(conversation_id)
        await run(session, self._touch_session, {"session_id": session_id})
        await run(
            session,
            _INSERT_ITEM,
            [{"session_id": session_id, "message_data": _serialize(item)} for item in items],
        )

    async def clear_in(self, session: AsyncSession, conversation_id: int) -> None:
        """Forget a conversation inside the caller's transaction."""
        sid = str(conversation_id)
        await session.execute(delete(agent_messages).where(agent_messages.c.session_id == sid))
        await session.execute(delete(agent_sessions).where(agent_sessions.c.session_id == sid))

    async def state(self, conversation_id: int) -> dict[str, Any] | None:
        """The model's dialogue state stored by the conversation's last turn, if any."""
        async with self._db.session() as session:
            found = (await run(session, _STATE, {"conversation_id": conversation_id})).scalar()
            await session.commit()
        return cast(dict[str, Any] | None, found)

    async def store_state_in(
        self, session: AsyncSession, conversation_id: int, state: dict[str, Any], now: datetime
    ) -> None:
        """Replace the conversation's dialogue state inside the caller's transaction."""
        await run(
            session,
            self._store_state,
            {"conversation_id": conversation_id, "state": state, "updated_at": now},
        )
