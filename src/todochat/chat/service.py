"""ChatService: turn orchestration. Checks ownership and input, records the turn, starts the run."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from todochat.agent.context import TurnContext
from todochat.chat.conversations import ConversationService, valid_key
from todochat.chat.memory import ConversationMemory
from todochat.chat.runs import RunManager, TurnSpec, new_run_id
from todochat.db.engine import Database
from todochat.db.models import User
from todochat.errors import Conflict, InvalidInput, TurnFailed
from todochat.limits import TurnLimits
from todochat.timezones import zone
from todochat.todos.service import Owner

MAX_MESSAGE_CHARS = 10_000

log = logging.getLogger("todochat.chat")


@dataclass(frozen=True)
class StartedTurn:
    """A run that has started: clients stream or wait on it."""

    run_id: str
    conversation_key: str
    # Started by an earlier request with the same idempotency key: this is that turn again.
    repeated: bool = False


@dataclass(frozen=True)
class StopOutcome:
    """The answer to a Stop: whether this request stopped the run, and its status now."""

    run_id: str
    cancelled: bool
    status: str


# How long past its time limits a run may stay marked running before a new turn of its
# conversation takes it for abandoned (its process died) and closes it.
STALE_GRACE_SECONDS = 60.0


class ChatService:
    """Starts turns for a user."""

    def __init__(
        self,
        *,
        db: Database,
        runs: RunManager,
        clock: Callable[[], datetime],
        run_timeout: float,
        memory: ConversationMemory,
        limits: TurnLimits | None = None,
        queue_timeout: float | None = None,
    ) -> None:
        self._limits = limits
        self._db = db
        self._runs = runs
        self._memory = memory
        self._clock = clock
        # A run may wait for a slot, then run, then store its outcome.
        queued = run_timeout if queue_timeout is None else queue_timeout
        self._stale_after = queued + run_timeout + STALE_GRACE_SECONDS

    async def start_turn(
        self,
        user: User,
        text: str,
        conversation_key: str | None,
        timezone: str | None,
        client_key: str | None = None,
    ) -> StartedTurn:
        """Record the user's message and start the run that answers it.

        ``client_key`` (a client's idempotency key): a turn already started with that key is
        returned instead of starting another, so a client that sends a message again after a
        network error never makes the assistant act twice."""
        if client_key is not None:
            if not valid_key(client_key):
                raise InvalidInput("Idempotency-Key", "use 1–128 letters, digits, '-' or '_'")
            earlier = await self._keyed_turn(user, client_key, text)
            if earlier is not None:
                return earlier
        if not text.strip():
            raise InvalidInput("message", "the message is empty")
        if "\x00" in text:
            raise InvalidInput("message", "the message contains a NUL character")
        if len(text) > MAX_MESSAGE_CHARS:
            raise InvalidInput("message", f"a message is at most {MAX_MESSAGE_CHARS} characters")
        tz_name = user.timezone
        if timezone:
            try:
                zone(timezone)
            except ValueError as exc:
                raise InvalidInput("timezone", str(exc)) from exc
            tz_name = timezone
        if conversation_key is not None and not valid_key(conversation_key):
            raise InvalidInput("conversation_id", "use 1–128 letters, digits, '-' or '_'")
        if self._runs.draining:
            raise TurnFailed(
                "The server is restarting; please send your message again.", "draining"
            )
        run_id = new_run_id()
        if self._limits is not None:
            await self._limits.admit_rate(user.id)
        # Recorded before the first event goes out, in one transaction with the quota unit
        # (creating the conversation if new): a client that sees `start` can load a history
        # that already holds its message, no turn is lost whatever happens to the run, and a
        # refused or failed recording takes no quota.
        try:
            async with self._db.session() as session:
                if self._limits is not None:
                    await self._limits.quota.consume_in(session, user.id)
                conversations = ConversationService(session, user.id, self._clock)
                conversation_id, key, created = await conversations.begin_turn(
                    conversation_key, run_id, text, self._stale_after, client_key
                )
                await session.commit()
        except Conflict:
            # The same key sent twice at once: the other request's turn is this one.
            earlier = None if client_key is None else await self._keyed_turn(user, client_key, text)
            if earlier is None:
                raise
            return earlier
        context = TurnContext(owner=Owner(user.id, tz_name), db=self._db, clock=self._clock)
        spec = TurnSpec(
            run_id=run_id,
            conversation_key=key,
            text=text,
            context=context,
            conversation_id=conversation_id,
            new_conversation=created,
        )
        try:
            await self._runs.start(spec)
        except Exception as exc:
            # Recorded but never started: close the run so the conversation takes the next
            # message, and give its unit of quota back.
            log.exception("run %s could not start", run_id)
            await self._runs.abandon(spec, self._clock())
            if self._limits is not None:
                await self._limits.quota.refund(user.id)
            raise TurnFailed(
                "The assistant could not start answering; please try again.", "not_started"
            ) from exc
        return StartedTurn(run_id=run_id, conversation_key=key)

    async def _keyed_turn(self, user: User, client_key: str, text: str) -> StartedTurn | None:
        async with self._db.session() as session:
            found = await ConversationService(session, user.id).keyed_run(client_key)
            await session.commit()
        if found is None:
            return None
        run_id, key, earlier_text = found
        if earlier_text != text:
            raise Conflict("Idempotency-Key", "this key was used for a different message")
        return StartedTurn(run_id=run_id, conversation_key=key, repeated=True)

    async def stop(self, user: User, run_id: str) -> StopOutcome:
        """Stop one of the user's runs wherever it runs; the reply so far is kept, marked as
        stopped. Exactly one Stop of a run reports ``cancelled: true``."""
        control = self._runs.control
        if self._runs.owner_of(run_id) == user.id:
            # Running here: no database round trip, which on SQLite would wait behind the
            # very tool call the user wants to stop.
            if self._runs.cancel(run_id):
                await control.claim_stop(run_id, "requested")
                return StopOutcome(run_id, True, "cancelling")
            here = self._runs.state(run_id)
            if here is not None:
                return StopOutcome(run_id, False, here)
        async with self._db.session() as session:
            conversations = ConversationService(session, user.id)
            run = await conversations.get_run(run_id)  # the user's own, or not found
            await session.commit()
            if self._runs.cancel(run_id):
                await control.claim_stop(run_id, "requested")
                return StopOutcome(run_id, True, "cancelling")
            here = self._runs.state(run_id)
            if here is not None:
                return StopOutcome(run_id, False, here)
            if run.status == "running" and control.shared:
                # Answering in another process: the first Stop claims it, and whichever
                # process runs it stops it as a local Stop would.
                first = await control.claim_stop(run_id, "requested")
                await control.stop_elsewhere(run_id, "requested")
                return StopOutcome(run_id, first, "cancelling")
            # Not running anywhere: read the status now, after any ending it just had.
            session.expire_all()
            run = await conversations.get_run(run_id)
            await session.commit()
            return StopOutcome(run_id, False, run.status)

    async def delete_conversation(self, user: User, key: str) -> None:
        """Delete a conversation with its history and memory; a turn still answering in it is
        stopped (what its tools already changed stays changed)."""
        async with self._db.session() as session:
            conversations = ConversationService(session, user.id)
            # Locked first: a turn storing its outcome meanwhile either finishes before the
            # deletion (which then removes it too) or finds the conversation gone.
            conversation = await conversations.get(key, for_update=True)
            running = await conversations.active_run(conversation)
            await self._memory.clear_in(session, conversation.id)
            await conversations.delete(conversation)
            await session.commit()
        if running is not None and not self._runs.cancel(running, "the conversation was deleted"):
            await self._runs.control.stop_elsewhere(running, "the conversation was deleted")
