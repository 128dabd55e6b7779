"""ConversationService: conversations, their user-visible messages and their runs."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from todochat.db.models import ChatMessage, Conversation, Run
from todochat.db.types import utcnow
from todochat.errors import Conflict, ConversationNotFound, InvalidInput, RunNotFound

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
TITLE_LENGTH = 80


def title_from(text: str) -> str:
    """A conversation title from its first message: first line, whitespace folded, cut short."""
    line = " ".join(text.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1].rstrip() + "…"


def message_view(message: ChatMessage) -> dict[str, Any]:
    """A message as clients see it in history."""
    view: dict[str, Any] = {
        "id": message.id,
        "role": message.role,
        "content": message.content,
        "created_at": message.created_at.isoformat().replace("+00:00", "Z"),
    }
    view["run_id"] = message.run_id
    if message.role == "assistant":
        view["status"] = message.status
        view["tool_calls"] = message.tool_calls
    return view


class ConversationService:
    """Conversations of one owner; ids are scoped per owner, so another user's are never seen."""

    def __init__(
        self, session: AsyncSession, owner_id: int, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._session = session
        self.owner_id = owner_id
        self._clock = clock

    async def all(self) -> list[Conversation]:
        """Newest activity first."""
        rows = await self._session.scalars(
            select(Conversation)
            .where(Conversation.owner_id == self.owner_id)
            .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
        )
        return list(rows)

    async def get(self, key: str) -> Conversation:
        """One conversation by its client-visible id."""
        conversation = await self._find(key)
        if conversation is None:
            raise ConversationNotFound(key)
        return conversation

    async def create(self, key: str | None = None, title: str = "") -> Conversation:
        """A new conversation; ``key`` is generated when not given."""
        if key is not None and not KEY_PATTERN.match(key):
            raise InvalidInput("session_id", "use 1–128 letters, digits, '-' or '_'")
        if key is not None and await self._find(key) is not None:
            raise Conflict("session_id", "a conversation with this id exists already")
        conversation = self._new(key or uuid.uuid4().hex, title)
        await self._session.commit()
        return conversation

    def _new(self, key: str, title: str) -> Conversation:
        now = self._clock()
        conversation = Conversation(
            owner_id=self.owner_id, key=key, title=title, created_at=now, updated_at=now
        )
        self._session.add(conversation)
        return conversation

    async def delete(self, conversation: Conversation) -> None:
        """Delete a conversation with its messages and runs (the caller commits)."""
        await self._session.execute(
            delete(ChatMessage).where(ChatMessage.conversation_id == conversation.id)
        )
        await self._session.execute(delete(Run).where(Run.conversation_id == conversation.id))
        await self._session.delete(conversation)

    async def messages(self, conversation: Conversation) -> list[dict[str, Any]]:
        """User-visible history: user and assistant messages, each reply with its tool calls."""
        rows = await self._session.scalars(
            select(ChatMessage)
            .where(ChatMessage.conversation_id == conversation.id)
            .order_by(ChatMessage.id)
        )
        return [message_view(m) for m in rows]

    async def begin_turn(
        self, key: str | None, run_id: str, text: str, stale_after: float
    ) -> tuple[int, str, bool]:
        """Record the user's message and the run (creating the conversation if new), in the
        caller's transaction, before the model is asked anything, so no turn is lost.

        Returns the conversation's internal id, its key and whether this turn created it.
        Plain INSERT/UPDATE statements: this runs before a turn's first event, and the ORM's
        unit of work would add a flush and an extra UPDATE to it.
        """
        now = self._clock()
        row = None
        if key is not None:
            # A key the client chose may exist; a generated one cannot, so it is not looked up.
            busy = (
                select(func.count(Run.id))
                .where(
                    Run.conversation_id == Conversation.id,
                    Run.status == "running",
                    Run.created_at > now - timedelta(seconds=stale_after),
                )
                .scalar_subquery()
            )
            row = (
                await self._session.execute(
                    select(Conversation.id, Conversation.title, busy).where(
                        Conversation.owner_id == self.owner_id, Conversation.key == key
                    )
                )
            ).first()
        if row is None:
            key = key or uuid.uuid4().hex
            conversation_id = await self._session.scalar(
                insert(Conversation)
                .values(
                    owner_id=self.owner_id,
                    key=key,
                    title=title_from(text),
                    created_at=now,
                    updated_at=now,
                )
                .returning(Conversation.id)
            )
            assert conversation_id is not None
            created = True
        else:
            assert key is not None
            conversation_id, title, running = row
            if running:
                raise Conflict(
                    "conversation_id", "a reply is still being written in this conversation"
                )
            changes: dict[str, Any] = {"updated_at": now}
            if not title:
                changes["title"] = title_from(text)
            await self._session.execute(
                update(Conversation).where(Conversation.id == conversation_id).values(**changes)
            )
            created = False
        await self._session.execute(
            insert(Run).values(
                id=run_id,
                owner_id=self.owner_id,
                conversation_id=conversation_id,
                status="running",
                input_tokens=0,
                output_tokens=0,
                created_at=now,
            )
        )
        await self._session.execute(
            insert(ChatMessage).values(
                conversation_id=conversation_id,
                run_id=run_id,
                role="user",
                content=text,
                status="complete",
                tool_calls=[],
                created_at=now,
            )
        )
        return conversation_id, key, created

    async def active_run(self, conversation: Conversation) -> str | None:
        """The run still answering in this conversation, if any."""
        return await self._session.scalar(
            select(Run.id)
            .where(Run.conversation_id == conversation.id, Run.status == "running")
            .order_by(Run.created_at.desc())
            .limit(1)
        )

    async def get_run(self, run_id: str) -> Run:
        """A run of this owner."""
        run = await self._session.scalar(
            select(Run).where(Run.id == run_id, Run.owner_id == self.owner_id)
        )
        if run is None:
            raise RunNotFound(run_id)
        return run

    async def conversation_of(self, run: Run) -> Conversation:
        """The conversation a run belongs to."""
        conversation = await self._session.get(Conversation, run.conversation_id)
        if conversation is None:
            raise RunNotFound(run.id)
        return conversation

    async def _find(self, key: str) -> Conversation | None:
        return await self._session.scalar(
            select(Conversation).where(
                Conversation.owner_id == self.owner_id, Conversation.key == key
            )
        )


async def interrupted_turns(session: AsyncSession) -> list[tuple[str, int, str]]:
    """Runs still marked as answering, each with its conversation and the user's message."""
    rows = await session.execute(
        select(Run.id, Run.conversation_id, ChatMessage.content)
        .join(ChatMessage, (ChatMessage.run_id == Run.id) & (ChatMessage.role == "user"))
        .where(Run.status == "running")
    )
    return [(run_id, conversation_id, text) for run_id, conversation_id, text in rows]


async def finish_turn(
    session: AsyncSession,
    *,
    run_id: str,
    conversation_id: int,
    status: str,
    reply: str,
    tool_calls: list[dict[str, Any]],
    error_code: str | None,
    input_tokens: int,
    output_tokens: int,
    now: datetime,
) -> list[dict[str, Any]]:
    """Store the assistant's reply and the run's outcome in the caller's transaction; returns
    the conversation's history as it will be once that transaction commits."""
    message_status = {"completed": "complete", "cancelled": "stopped"}.get(status, "failed")
    if reply or tool_calls or message_status != "complete":
        await session.execute(
            insert(ChatMessage).values(
                conversation_id=conversation_id,
                run_id=run_id,
                role="assistant",
                content=reply,
                status=message_status,
                tool_calls=tool_calls,
                created_at=now,
            )
        )
    # Plain UPDATEs: loading the rows first would cost two more round trips per turn.
    await session.execute(
        update(Run)
        .where(Run.id == run_id)
        .values(
            status=status,
            error_code=error_code,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            finished_at=now,
        )
    )
    await session.execute(
        update(Conversation).where(Conversation.id == conversation_id).values(updated_at=now)
    )
    rows = await session.scalars(
        select(ChatMessage)
        .where(ChatMessage.conversation_id == conversation_id)
        .order_by(ChatMessage.id)
    )
    return [message_view(m) for m in rows]
