"""ChatService: turn orchestration. Checks ownership and input, records the turn, starts the run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from todochat.agent.context import TurnContext
from todochat.chat.conversations import KEY_PATTERN, ConversationService
from todochat.chat.runs import RunManager, TurnSpec, new_run_id
from todochat.db.engine import Database
from todochat.db.models import User
from todochat.errors import InvalidInput
from todochat.limits import TurnLimits
from todochat.timezones import zone
from todochat.todos.service import Owner

MAX_MESSAGE_CHARS = 10_000


@dataclass(frozen=True)
class StartedTurn:
    """A run that has started: clients stream or wait on it."""

    run_id: str
    conversation_key: str


class ChatService:
    """Starts turns for a user."""

    def __init__(
        self,
        *,
        db: Database,
        runs: RunManager,
        clock: Callable[[], datetime],
        run_timeout: float,
        limits: TurnLimits | None = None,
    ) -> None:
        self._limits = limits
        self._db = db
        self._runs = runs
        self._clock = clock
        self._run_timeout = run_timeout

    async def start_turn(
        self, user: User, text: str, conversation_key: str | None, timezone: str | None
    ) -> StartedTurn:
        """Record the user's message and start the run that answers it."""
        if not text.strip():
            raise InvalidInput("message", "the message is empty")
        if len(text) > MAX_MESSAGE_CHARS:
            raise InvalidInput("message", f"a message is at most {MAX_MESSAGE_CHARS} characters")
        tz_name = user.timezone
        if timezone:
            try:
                zone(timezone)
            except ValueError as exc:
                raise InvalidInput("timezone", str(exc)) from exc
            tz_name = timezone
        if conversation_key is not None and not KEY_PATTERN.match(conversation_key):
            raise InvalidInput("conversation_id", "use 1–128 letters, digits, '-' or '_'")
        run_id = new_run_id()
        if self._limits is not None:
            await self._limits.admit_rate(user.id)
        # Recorded before the first event goes out, in one transaction with the quota unit
        # (creating the conversation if new): a client that sees `start` can load a history
        # that already holds its message, no turn is lost whatever happens to the run, and a
        # refused or failed recording takes no quota.
        async with self._db.session() as session:
            if self._limits is not None:
                await self._limits.quota.consume_in(session, user.id)
            conversations = ConversationService(session, user.id, self._clock)
            conversation_id, key, created = await conversations.begin_turn(
                conversation_key, run_id, text, self._run_timeout
            )
            await session.commit()
        context = TurnContext(owner=Owner(user.id, tz_name), db=self._db, clock=self._clock)
        try:
            await self._runs.start(
                TurnSpec(
                    run_id=run_id,
                    conversation_key=key,
                    text=text,
                    context=context,
                    conversation_id=conversation_id,
                    new_conversation=created,
                )
            )
        except BaseException:
            # The turn was recorded but never started: give its unit of quota back.
            if self._limits is not None:
                await self._limits.quota.refund(user.id)
            raise
        return StartedTurn(run_id=run_id, conversation_key=key)
