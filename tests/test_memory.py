"""Conversation memory keeps openai-agents' SQLAlchemySession format on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from agents import TResponseInputItem
from agents.extensions.memory import SQLAlchemySession

from todochat.chat.memory import ConversationMemory
from todochat.db.engine import Database

TURN: list[Any] = [
    {"role": "user", "content": "remind me to call Zoë"},
    {
        "type": "function_call",
        "call_id": "c1",
        "name": "add_task",
        "arguments": '{"title": "Call Zoë"}',
    },
    {"type": "function_call_output", "call_id": "c1", "output": '{"task_id": 1}'},
    {"role": "assistant", "content": "Added “Call Zoë”."},
]


async def test_sdk_session_reads_what_a_turn_stored_and_the_other_way(db: Database) -> None:
    memory = ConversationMemory(db, limit=50)
    async with db.session() as session:
        await memory.store_in(session, 7, TURN)
        await session.commit()
    sdk = SQLAlchemySession("7", engine=db.engine)
    assert await sdk.get_items() == TURN

    later: list[TResponseInputItem] = [
        {"role": "user", "content": "thanks"},
        {"role": "assistant", "content": "You're welcome."},
    ]
    await sdk.add_items(later)
    assert await memory.recent(7) == [*TURN, *later]
    # Memory of another conversation is separate.
    assert await memory.recent(8) == []


async def test_recent_is_bounded_and_starts_at_a_user_message(db: Database) -> None:
    async with db.session() as session:
        await ConversationMemory(db, limit=50).store_in(session, 3, TURN)
        await ConversationMemory(db, limit=50).store_in(session, 3, TURN)
        await session.commit()
    # The last 5 items begin with the tool output of the first turn's call: dropped, so the
    # model never sees an output without its call.
    assert await ConversationMemory(db, limit=5).recent(3) == TURN
    assert await ConversationMemory(db, limit=4).recent(3) == TURN
    assert await ConversationMemory(db, limit=3).recent(3) == []


async def test_memory_is_stored_only_if_the_turn_commits_and_cleared_with_it(
    db: Database,
) -> None:
    memory = ConversationMemory(db, limit=50)
    async with db.session() as session:
        await memory.store_in(session, 5, TURN)
        await session.rollback()
    assert await memory.recent(5) == []

    async with db.session() as session:
        await memory.store_in(session, 5, TURN)
        await session.commit()
    async with db.session() as session:
        await memory.clear_in(session, 5)
        await session.commit()
    assert await memory.recent(5) == []
    assert await SQLAlchemySession("5", engine=db.engine).get_items() == []
