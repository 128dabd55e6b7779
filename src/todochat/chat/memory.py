"""Conversation memory for the model: openai-agents' SQLAlchemySession on the app's database."""

from __future__ import annotations

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

    def __init__(self, db: Database, limit: int) -> None:
        self._db = db
        self._limit = limit

    def _session(self, conversation_id: int) -> SQLAlchemySession:
        # Tables are created by our migrations, so the schema has one owner.
        return SQLAlchemySession(str(conversation_id), engine=self._db.engine, create_tables=False)

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
