"""ConversationService: conversations, their user-visible messages and their runs."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from todochat.db.models import ChatMessage, Conversation, Run
from todochat.db.statements import run
from todochat.db.types import utcnow
from todochat.errors import Conflict, ConversationNotFound, InvalidInput, RunNotFound
from todochat.live.changes import mark

# \Z, not $: "$" also matches before a final newline, so "abc\n" would pass.
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,128}\Z")
RUN_ID_PATTERN = re.compile(r"run_[0-9a-f]{32}\Z")


def valid_key(key: str) -> bool:
    """Whether ``key`` can be a conversation id (1–128 letters, digits, '-' or '_')."""
    return KEY_PATTERN.match(key) is not None


TITLE_LENGTH = 80


def title_from(text: str) -> str:
    """A conversation title from its first message: first line, whitespace folded, cut short."""
    line = " ".join(text.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1].rstrip() + "…"


# The statements of a turn's start and finish, prepared once (todochat.db.statements).
_NEW_CONVERSATION = {
    name: insert_for(Conversation)
    .on_conflict_do_nothing(index_elements=["owner_id", "key"])
    .returning(Conversation.id)
    for name, insert_for in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))
}
_INSERT_RUN = insert(Run)
# A conversation the client names, with how many of its runs were abandoned (still running,
# started before ``stale_before``).
_FIND_CONVERSATION = select(
    Conversation.id,
    select(func.count(Run.id))
    .where(
        Run.conversation_id == Conversation.id,
        Run.status == "running",
        Run.created_at < bindparam("stale_before"),
    )
    .scalar_subquery(),
).where(Conversation.owner_id == bindparam("owner_id"), Conversation.key == bindparam("key"))
# A conversation continued: touched, and titled from this message if it has no title yet.
_RESUME_CONVERSATION = (
    update(Conversation)
    .where(Conversation.id == bindparam("conversation_id"))
    .values(
        updated_at=bindparam("now"),
        title=func.coalesce(func.nullif(Conversation.title, ""), bindparam("title")),
    )
)
_TOUCH_CONVERSATION = (
    update(Conversation)
    .where(Conversation.id == bindparam("conversation_id"))
    .values(updated_at=bindparam("now"))
    .returning(Conversation.id)
)
_END_RUN = (
    update(Run)
    .where(Run.id == bindparam("run_id"), Run.status == "running")
    .values(
        status=bindparam("status"),
        error_code=bindparam("error_code"),
        input_tokens=bindparam("input_tokens"),
        output_tokens=bindparam("output_tokens"),
        finished_at=bindparam("now"),
    )
    .returning(Run.id)
)
_INSERT_MESSAGE = insert(ChatMessage)
_HISTORY = (
    select(*ChatMessage.__table__.c)
    .where(ChatMessage.conversation_id == bindparam("conversation_id"))
    .order_by(ChatMessage.id)
)


def message_view(message: ChatMessage | Row[Any]) -> dict[str, Any]:
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

    async def get(self, key: str, *, for_update: bool = False) -> Conversation:
        """One conversation by its client-visible id (row-locked on PostgreSQL if asked)."""
        conversation = await self._find(key, for_update=for_update)
        if conversation is None:
            raise ConversationNotFound(key)
        return conversation

    async def create(self, key: str | None = None, title: str = "") -> Conversation:
        """A new conversation; ``key`` is generated when not given."""
        if key is not None and not valid_key(key):
            raise InvalidInput("session_id", "use 1–128 letters, digits, '-' or '_'")
        if key is not None and await self._find(key) is not None:
            raise Conflict("session_id", "a conversation with this id exists already")
        conversation = self._new(key or uuid.uuid4().hex, title)
        mark(self._session, self.owner_id, "conversations", conversation.key)
        try:
            await self._session.flush()
        except IntegrityError as exc:  # created by a concurrent request meanwhile
            raise Conflict("session_id", "a conversation with this id exists already") from exc
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
        mark(self._session, self.owner_id, "conversations", conversation.key)

    async def messages(self, conversation: Conversation) -> list[dict[str, Any]]:
        """User-visible history: user and assistant messages, each reply with its tool calls."""
        rows = await self._session.scalars(
            select(ChatMessage)
            .where(ChatMessage.conversation_id == conversation.id)
            .order_by(ChatMessage.id)
        )
        return [message_view(m) for m in rows]

    async def begin_turn(
        self,
        key: str | None,
        run_id: str,
        text: str,
        stale_after: float,
        client_key: str | None = None,
    ) -> tuple[int, str, bool]:
        """Record the user's message and the run (creating the conversation if new), in the
        caller's transaction, before the model is asked anything, so no turn is lost.

        Returns the conversation's internal id, its key and whether this turn created it.
        The database decides races: the conversation is inserted if missing (a concurrent
        first turn with the same key finds it instead of failing), and a unique index admits
        one running run per conversation, so of two turns that start at once one gets a
        Conflict. A run still marked running after ``stale_after`` seconds was abandoned by
        a process that died; it is closed here so it no longer blocks the conversation.
        Plain INSERT/UPDATE statements: this runs before a turn's first event, and the ORM's
        unit of work would add a flush and an extra UPDATE to it.
        """
        now = self._clock()
        row = None
        stale_before = now - timedelta(seconds=stale_after)
        if key is not None:
            # A key the client chose may exist; a generated one cannot, so it is not looked up.
            row = (
                await run(
                    self._session,
                    _FIND_CONVERSATION,
                    {"owner_id": self.owner_id, "key": key, "stale_before": stale_before},
                )
            ).first()
        created = False
        if row is None:
            key = key or uuid.uuid4().hex
            dialect = self._session.bind.dialect.name if self._session.bind else "sqlite"
            conversation_id = (
                await run(
                    self._session,
                    _NEW_CONVERSATION[dialect],
                    {
                        "owner_id": self.owner_id,
                        "key": key,
                        "title": title_from(text),
                        "created_at": now,
                        "updated_at": now,
                    },
                )
            ).scalar()
            if conversation_id is None:  # a concurrent first turn created it meanwhile
                row = (
                    await self._session.execute(
                        select(Conversation.id, literal(0)).where(
                            Conversation.owner_id == self.owner_id, Conversation.key == key
                        )
                    )
                ).one()
            else:
                created = True
        if row is not None:
            assert key is not None
            conversation_id, stale = row
            if stale:
                await self._session.execute(
                    update(Run)
                    .where(
                        Run.conversation_id == conversation_id,
                        Run.status == "running",
                        Run.created_at < stale_before,
                    )
                    .values(status="failed", error_code="abandoned", finished_at=now)
                )
            await run(
                self._session,
                _RESUME_CONVERSATION,
                {"conversation_id": conversation_id, "now": now, "title": title_from(text)},
            )
        assert conversation_id is not None
        assert key is not None
        try:
            # The refusal ends the caller's transaction: nothing of this turn is kept.
            await run(
                self._session,
                _INSERT_RUN,
                {
                    "id": run_id,
                    "owner_id": self.owner_id,
                    "conversation_id": conversation_id,
                    "status": "running",
                    "input_tokens": 0,
                    "output_tokens": 0,
                    "created_at": now,
                    "client_key": client_key,
                },
            )
        except IntegrityError as exc:
            raise Conflict(
                "conversation_id", "a reply is still being written in this conversation"
            ) from exc
        await run(
            self._session,
            _INSERT_MESSAGE,
            {
                "conversation_id": conversation_id,
                "run_id": run_id,
                "role": "user",
                "content": text,
                "status": "complete",
                "tool_calls": [],
                "created_at": now,
            },
        )
        mark(self._session, self.owner_id, "conversations", key)
        return conversation_id, key, created

    async def keyed_run(self, client_key: str) -> tuple[str, str, str] | None:
        """The run this owner started with an idempotency key: its id, its conversation's key
        and the message it answers."""
        row = (
            await self._session.execute(
                select(Run.id, Conversation.key, ChatMessage.content)
                .join(Conversation, Conversation.id == Run.conversation_id)
                .join(ChatMessage, (ChatMessage.run_id == Run.id) & (ChatMessage.role == "user"))
                .where(Run.owner_id == self.owner_id, Run.client_key == client_key)
            )
        ).first()
        return None if row is None else (row[0], row[1], row[2])

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
        if RUN_ID_PATTERN.match(run_id) is None:
            raise RunNotFound(run_id)
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

    async def _find(self, key: str, *, for_update: bool = False) -> Conversation | None:
        if not valid_key(key):
            return None  # cannot exist, and PostgreSQL refuses some characters outright
        stmt = select(Conversation).where(
            Conversation.owner_id == self.owner_id, Conversation.key == key
        )
        if for_update:
            stmt = stmt.with_for_update()
        return await self._session.scalar(stmt)


def upsert_for(session: AsyncSession, table: Any) -> Any:
    """An INSERT with ``on_conflict_do_*`` for the session's database."""
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    return postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)


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
) -> list[dict[str, Any]] | None:
    """Store the assistant's reply and the run's outcome in the caller's transaction; returns
    the conversation's history as it will be once that transaction commits, or None when the
    conversation has been deleted or the run was already finished (nothing is stored then).

    The conversation's row is updated first: on PostgreSQL that locks it, so a deletion either
    waits for this transaction (and then removes what it stored) or has already happened.
    """
    touched = (
        await run(session, _TOUCH_CONVERSATION, {"conversation_id": conversation_id, "now": now})
    ).scalar()
    if touched is None:
        return None
    # Only a run still answering is finished, once: a worker closing the run of a worker it
    # believes dead, and that worker storing its own outcome, cannot both store a reply.
    ended = (
        await run(
            session,
            _END_RUN,
            {
                "run_id": run_id,
                "status": status,
                "error_code": error_code,
                "input_tokens": input_tokens,
                "output_tokens": output_tokens,
                "now": now,
            },
        )
    ).scalar()
    if ended is None:
        return None
    message_status = {"completed": "complete", "cancelled": "stopped"}.get(status, "failed")
    if reply or tool_calls or message_status != "complete":
        await run(
            session,
            _INSERT_MESSAGE,
            {
                "conversation_id": conversation_id,
                "run_id": run_id,
                "role": "assistant",
                "content": reply,
                "status": message_status,
                "tool_calls": tool_calls,
                "created_at": now,
            },
        )
    rows = await run(session, _HISTORY, {"conversation_id": conversation_id})
    return [message_view(m) for m in rows]
