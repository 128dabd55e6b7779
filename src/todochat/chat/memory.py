"""Conversation memory for the model: openai-agents' SQLAlchemySession on the app's database."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from agents import TResponseInputItem
from agents.extensions.memory import SQLAlchemySession

from todochat.db.engine import Database


def _is_user_message(item: Any) -> bool:
    return (
        isinstance(item, dict)
        and item.get("role") == "user"
        and item.get("type", "message") == "message"
    )


class ConversationMemory:
    """Reads the recent items of a conversation and appends a finished turn's items."""

    def __init__(self, db: Database, limit: int, cache_size: int = 1024) -> None:
        self._db = db
        self._limit = limit
        self._cache_size = cache_size
        self._sessions: OrderedDict[int, SQLAlchemySession] = OrderedDict()

    def _session(self, conversation_id: int) -> SQLAlchemySession:
        # Building a session object builds its SQLAlchemy Table objects (measured at ~5 % of a
        # turn's CPU), so recent ones are kept; they hold no connection. Tables are created by
        # our migrations, so the schema has one owner.
        session = self._sessions.get(conversation_id)
        if session is None:
            session = SQLAlchemySession(
                str(conversation_id), engine=self._db.engine, create_tables=False
            )
            self._sessions[conversation_id] = session
            if len(self._sessions) > self._cache_size:
                self._sessions.popitem(last=False)
        else:
            self._sessions.move_to_end(conversation_id)
        return session

    async def recent(self, conversation_id: int) -> list[TResponseInputItem]:
        """The last ``limit`` items, starting at a user message so no tool output is orphaned."""
        items = await self._session(conversation_id).get_items(limit=self._limit)
        start = next((i for i, item in enumerate(items) if _is_user_message(item)), len(items))
        return items[start:]

    async def append(self, conversation_id: int, items: list[TResponseInputItem]) -> None:
        """Store a turn's items."""
        await self._session(conversation_id).add_items(items)

    async def clear(self, conversation_id: int) -> None:
        """Forget a conversation."""
        await self._session(conversation_id).clear_session()
        self._sessions.pop(conversation_id, None)
