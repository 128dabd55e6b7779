"""RunManager: a chat turn runs as an asyncio task owned by the server, not by a connection.

It feeds ``Runner.run_streamed`` and turns SDK stream events into canonical events in the event
log. A dropped connection changes nothing here; only ``cancel`` (or shutdown) stops a run. On any
ending the conversation is left consistent: the user's message, the reply so far (marked stopped
or failed) and every finished tool call with its result are stored.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from todochat.agent.context import FAILED, Checkpoint, TurnContext, no_checkpoint
from todochat.chat.control import LocalRunControl, RunControl
from todochat.chat.conversations import finish_turn, interrupted_turns
from todochat.chat.eventlog import EventLog
from todochat.chat.events import Completed, EventName, Payload, Usage
from todochat.chat.memory import ConversationMemory
from todochat.chat.sanitize import sanitize
from todochat.chat.slots import Slots
from todochat.db.engine import Database
from todochat.db.types import utcnow
from todochat.limits.quota import QuotaService
from todochat.live.changes import mark
from todochat.metrics import Metrics
from todochat.preload import loaded

if TYPE_CHECKING:
    from agents import Agent, Model, TResponseInputItem

log = logging.getLogger("todochat.runs")

ModelFactory = Callable[[TurnContext], "Model"]


@dataclass
class TurnSpec:
    """Everything a run needs, resolved before it starts."""

    run_id: str
    conversation_key: str
    text: str
    context: TurnContext
    conversation_id: int
    # A conversation this turn created has no memory yet: nothing to read.
    new_conversation: bool = False


@dataclass
class _Progress:
    """What a run has produced so far, to store whatever way it ends."""

    text: list[str] = field(default_factory=list)
    items: list[TResponseInputItem] = field(default_factory=list)
    calls: dict[str, dict[str, Any]] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    final: str = ""
    input_tokens: int = 0
    output_tokens: int = 0

    def tool_calls(self) -> list[dict[str, Any]]:
        return [c for c in self.calls.values() if "result" in c]

    def memory_items(
        self, user_item: TResponseInputItem, partial: bool
    ) -> list[TResponseInputItem]:
        """Items to remember: no tool call without its output; a partial reply as a message."""
        items = [user_item]
        for item in self.items:
            if (
                isinstance(item, dict)
                and item.get("type") == "function_call"
                and (item.get("call_id") in self.pending)
            ):
                continue
            items.append(item)
        if partial and self.text and not self.final:
            items.append({"role": "assistant", "content": "".join(self.text)})
        return items


@dataclass
class _Live:
    """A run of this process, as Stop sees it."""

    owner_id: int
    task: asyncio.Task[None] | None = None
    # Set by the first Stop; a second one finds it and changes nothing.
    stop_reason: str | None = None
    # The run is storing its outcome: too late to stop it, and it must not be interrupted.
    storing: bool = False


class _NoSlot(Exception):
    """A turn waited longer than the queue timeout for a free slot."""


class TooManySteps(Exception):
    """The model took more steps than ``max_turns`` allows."""


class ModelMisbehaved(Exception):
    """The model produced something the agent loop could not act on."""


# What a tool call that never started reports, so every tool_call has its tool_result.
NOT_RUN = {"error": "Stopped before this ran; nothing was changed.", "code": "not_run"}
# What a tool call still running when the run had to end reports.
UNSETTLED = {
    "error": "This change was still being made when the reply ended; check your todos.",
    "code": "unsettled",
}


# Why a run ends without its answer when its process stops or dies (error events' codes).
SHUTDOWN = "server shutting down"
SHUTDOWN_MESSAGE = "The server restarted while answering; your message was kept. Please try again."
WORKER_LOST_MESSAGE = (
    "The server running this reply stopped; your message was kept. Please try again."
)


def new_run_id() -> str:
    """A run id: opaque, unguessable, safe in an SSE id line."""
    return "run_" + uuid.uuid4().hex


class RunManager:
    """Starts, tracks and cancels runs in this process."""

    def __init__(
        self,
        *,
        db: Database,
        events: EventLog,
        agent: Agent[TurnContext] | None = None,
        model_factory: ModelFactory,
        memory: ConversationMemory,
        max_turns: int,
        timeout: float,
        max_active: int = 256,
        calm_active: int | None = None,
        queue_timeout: float | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._now = clock
        self._db = db
        self.events = events
        self._agent = agent
        self.model_factory = model_factory
        self._memory = memory
        self._max_turns = max_turns
        self._timeout = timeout
        self._queue_timeout = timeout if queue_timeout is None else queue_timeout
        self._live: dict[str, _Live] = {}
        # Bounds the turns in progress, not the turns accepted. When turns are CPU-bound (the
        # built-in assistant), every running turn lengthens each pass of the event loop, and
        # with it the wait of every new request for its first event; past a handful of turns
        # at once, more only slow each other down without answering any sooner. ``calm_active``:
        # fewer at once while few turns wait (todochat.chat.slots).
        self.max_active = max_active
        self._active = Slots(max_active, calm_active)
        # Set by the runtime: where a finished turn's token usage is summed per user and month.
        self.quota: QuotaService | None = None
        # Fault-injection tests pause runs at named phases; a no-op in the product.
        self.checkpoint: Checkpoint = no_checkpoint
        # Stop from other processes, leases (set by the runtime when there are several).
        self.control: RunControl = LocalRunControl()
        # Set when the process is stopping: new turns are refused.
        self.draining = False
        # Prometheus figures, when the operator turned them on.
        self.metrics: Metrics | None = None

    async def start(self, spec: TurnSpec) -> None:
        """Open the run's log with ``session_initialized`` and start it in the background."""
        spec.context.run_id = spec.run_id
        spec.context.conversation_id = spec.conversation_id
        spec.context.checkpoint = self.checkpoint
        if not spec.new_conversation:
            spec.context.load_state = partial(self._memory.state, spec.conversation_id)
        await self.events.create(spec.run_id)
        await self.emit(
            spec.run_id,
            "session_initialized",
            {"session_id": spec.conversation_key, "run_id": spec.run_id},
        )
        live = _Live(owner_id=spec.context.owner.id)
        self._live[spec.run_id] = live
        await self.control.hold(spec.run_id)
        if self.metrics is not None:
            self.metrics.turns_started.inc()
        task = asyncio.create_task(self._run(spec, live), name=f"todochat-{spec.run_id}")
        live.task = task
        task.add_done_callback(lambda _: self._live.pop(spec.run_id, None))

    async def start_control(self) -> None:
        """Listen for Stops from other processes and watch for runs of dead workers."""
        await self.control.start(self.cancel, self._live.keys, self._orphans, self.reap)

    async def _orphans(self) -> list[str]:
        """Runs the database says are answering that do not run in this process."""
        async with self._db.session() as session:
            turns = await interrupted_turns(session)
            await session.commit()
        return [run_id for run_id, _, _ in turns if run_id not in self._live]

    async def reap(self, run_id: str) -> None:
        """Close a run whose worker died: stored as failed with the user's message kept, then
        an ``error`` event ends every stream that follows it (if the run has not ended)."""
        async with self._db.session() as session:
            turns = {r: (c, t) for r, c, t in await interrupted_turns(session)}
            if run_id not in turns:
                await session.commit()
                return
            conversation_id, text = turns[run_id]
            await self._close_unanswered(
                session, run_id, conversation_id, text, "worker_lost", self._now()
            )
            await session.commit()
        await self.emit(
            run_id,
            "error",
            {"status": "error", "message": WORKER_LOST_MESSAGE, "code": "worker_lost"},
        )

    def live_runs(self) -> list[str]:
        """The runs this process answers now."""
        return list(self._live)

    async def abandon(self, spec: TurnSpec, now: datetime) -> None:
        """Close a recorded turn whose run could not start, so its conversation is not blocked."""
        async with self._db.session() as session:
            await self._close_unanswered(
                session, spec.run_id, spec.conversation_id, spec.text, "not_started", now
            )
            await session.commit()

    def cancel(self, run_id: str, reason: str = "requested") -> bool:
        """Stop a run of this process; False when it is not running here, when a Stop was
        already asked for, or when it is already storing its outcome."""
        live = self._live.get(run_id)
        if live is None or live.task is None or live.task.done():
            return False
        if live.stop_reason is not None or live.storing:
            return False
        live.stop_reason = reason
        live.task.cancel()
        return True

    def owner_of(self, run_id: str) -> int | None:
        """The user a run of this process answers, or None when it does not run here."""
        live = self._live.get(run_id)
        return None if live is None else live.owner_id

    def state(self, run_id: str) -> str | None:
        """``cancelling`` or ``running`` for a run of this process, else None."""
        live = self._live.get(run_id)
        if live is None:
            return None
        return "cancelling" if live.stop_reason is not None else "running"

    async def shutdown(self, grace: float = 30.0) -> None:
        """Refuse new turns, let running ones finish for ``grace`` seconds, then end the rest
        as failed with a message (their clients reconnect elsewhere and see that end)."""
        self.draining = True
        tasks = [live.task for live in self._live.values() if live.task is not None]
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=grace)
            for task in pending:
                run_id = task.get_name().removeprefix("todochat-")
                live = self._live.get(run_id)
                if live is not None and not live.storing and live.stop_reason is None:
                    live.stop_reason = SHUTDOWN
                    task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=max(grace, 5.0))

    async def recover_interrupted(self, now: datetime) -> int:
        """Close the turns a stopped process left answering; returns how many.

        Only for a database one process serves (SQLite): there, a run still marked as running
        at start-up was cut off by a crash or a kill, and would otherwise block its
        conversation and point clients at events no process holds. Each is stored as a
        failed turn, as if it had failed at once: the user's message stays, in the history
        and in the model's memory, with an empty failed reply.
        """
        async with self._db.session() as session:
            turns = await interrupted_turns(session)
            for run_id, conversation_id, text in turns:
                await self._close_unanswered(
                    session, run_id, conversation_id, text, "interrupted", now
                )
            await session.commit()
        if turns:
            log.warning("closed %d turn(s) interrupted by the previous stop", len(turns))
        return len(turns)

    async def _close_unanswered(
        self,
        session: AsyncSession,
        run_id: str,
        conversation_id: int,
        text: str,
        code: str,
        now: datetime,
    ) -> None:
        """Store a turn that got no answer as failed, its message kept for the model too."""
        stored = await finish_turn(
            session,
            run_id=run_id,
            conversation_id=conversation_id,
            status="failed",
            reply="",
            tool_calls=[],
            error_code=code,
            input_tokens=0,
            output_tokens=0,
            now=now,
        )
        if stored is not None:
            await self._memory.store_in(
                session, conversation_id, [{"role": "user", "content": text}]
            )

    async def emit(self, run_id: str, name: EventName, data: Payload) -> None:
        if self.metrics is None:
            await self.events.append(run_id, name, data)
            return
        began = time.perf_counter()
        await self.events.append(run_id, name, data)
        self.metrics.event_append_seconds.observe(time.perf_counter() - began)

    async def _run(self, spec: TurnSpec, live: _Live) -> None:
        began = time.perf_counter()
        progress = _Progress()
        user_item: TResponseInputItem = {"role": "user", "content": spec.text}
        status, code, message = "completed", None, ""
        try:
            await self._answer(spec, user_item, progress)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            status = "cancelled"
            if live.stop_reason == SHUTDOWN:
                status, code, message = "failed", "shutdown", SHUTDOWN_MESSAGE
        except _NoSlot:
            status, code = "failed", "busy"
            message = "The server is too busy to answer right now; your message was kept."
        except TimeoutError:
            status, code = "failed", "timeout"
            message = "The assistant took too long to answer; your message was kept."
        except TooManySteps:
            status, code = "failed", "max_turns"
            message = "The assistant needed too many steps; try a simpler request."
        except Exception as exc:  # every failure must end the stream with a safe message
            status, code, message = "failed", *_describe(exc)
            log.exception("run %s failed", spec.run_id)
        # No await since the handlers above: a Stop from now on finds the run storing and
        # leaves it alone, so the outcome is stored and the terminal event always goes out.
        live.storing = True
        reason = live.stop_reason or "requested"
        try:
            await self._finish(spec, user_item, progress, status, code, message, reason)
            if self.metrics is not None:
                self.metrics.turns_finished.labels(status).inc()
                self.metrics.run_seconds.observe(time.perf_counter() - began)
        finally:
            try:
                await self.control.release(spec.run_id)
            except Exception:
                # The lease runs out by itself; the run has already ended in the log.
                log.warning("could not release the lease of run %s", spec.run_id)

    async def _answer(
        self, spec: TurnSpec, user_item: TResponseInputItem, progress: _Progress
    ) -> None:
        """Wait for a slot (not counted in the run's timeout), then drive the model."""
        await self.checkpoint("queued", spec.run_id)
        try:
            async with asyncio.timeout(self._queue_timeout):
                await self._active.acquire()
        except TimeoutError as exc:
            raise _NoSlot from exc
        try:
            await self.checkpoint("started", spec.run_id)
            async with asyncio.timeout(self._timeout):
                await self._drive(spec, user_item, progress)
        finally:
            self._active.release()

    async def _drive(
        self, spec: TurnSpec, user_item: TResponseInputItem, progress: _Progress
    ) -> None:
        # The agent loop's library is loaded in the background once the server answers; the
        # first turns wait for it here rather than holding up the start.
        await loaded()
        from todochat.chat.drive import drive

        history = [] if spec.new_conversation else await self._memory.recent(spec.conversation_id)
        if self._agent is None:
            from todochat.agent.agent import build_agent

            self._agent = build_agent()
        await drive(
            self,
            self._agent,
            self.model_factory(spec.context),
            [*history, user_item],
            spec,
            progress,
            self._max_turns,
        )

    async def tool_call(
        self,
        run_id: str,
        progress: _Progress,
        call_id: str,
        name: str,
        raw_arguments: str,
        item: TResponseInputItem,
    ) -> None:
        arguments = _parse_json(raw_arguments)
        if not isinstance(arguments, dict):
            # The protocol promises an object; keep what the model sent, labelled.
            arguments = {"invalid_json": arguments}
        progress.calls[call_id] = {"call_id": call_id, "name": name, "arguments": arguments}
        progress.pending.add(call_id)
        progress.items.append(item)
        await self.emit(
            run_id, "tool_call", {"call_id": call_id, "tool_name": name, "arguments": arguments}
        )

    async def tool_result(
        self,
        run_id: str,
        progress: _Progress,
        call_id: str,
        raw_output: object,
        item: TResponseInputItem | None = None,
    ) -> None:
        output = sanitize(_parse_json(raw_output))
        call = progress.calls.setdefault(call_id, {"call_id": call_id, "name": "", "arguments": {}})
        call["result"] = output
        progress.pending.discard(call_id)
        if item is None:
            text = raw_output if isinstance(raw_output, str) else json.dumps(raw_output)
            item = {"type": "function_call_output", "call_id": call_id, "output": text}
        progress.items.append(item)
        await self.emit(
            run_id,
            "tool_result",
            {"call_id": call_id, "tool_name": call["name"], "output": output},
        )

    async def _account_for_tools(self, spec: TurnSpec, progress: _Progress) -> None:
        """Report every tool call the model's stream did not: a run cut off by a Stop, a
        timeout or an error may have started tools whose events never reached it.

        Each change a tool made then has its ``tool_call`` and ``tool_result`` in the events,
        the history and the model's memory; a call that never started says so.
        """
        turn = spec.context
        await turn.settle()
        for job in list(turn.jobs.values()):
            if job.call_id in progress.calls and job.call_id not in progress.pending:
                continue
            if job.call_id not in progress.calls:
                item: TResponseInputItem = {
                    "type": "function_call",
                    "call_id": job.call_id,
                    "name": job.name,
                    "arguments": job.arguments,
                }
                await self.tool_call(
                    spec.run_id, progress, job.call_id, job.name, job.arguments, item
                )
            if not job.future.done():
                output = json.dumps(UNSETTLED)
            elif job.future.cancelled() or job.future.exception() is not None:
                output = json.dumps(FAILED)
            else:
                output = job.future.result()
            await self.tool_result(spec.run_id, progress, job.call_id, output)
        for call_id in sorted(progress.pending):
            await self.tool_result(spec.run_id, progress, call_id, json.dumps(NOT_RUN))

    async def _finish(
        self,
        spec: TurnSpec,
        user_item: TResponseInputItem,
        progress: _Progress,
        status: str,
        code: str | None,
        message: str,
        reason: str,
    ) -> None:
        try:
            await self._account_for_tools(spec, progress)
        except Exception:
            log.exception("accounting for the tools of run %s failed", spec.run_id)
        reply = progress.final if status == "completed" else "".join(progress.text)
        history: list[dict[str, Any]] = []
        try:
            await self.checkpoint("storing", spec.run_id)
            # One transaction: the model's memory of the turn, the reply, the run's outcome and
            # its token usage are stored together or not at all.
            async with self._db.session() as session:
                stored = await finish_turn(
                    session,
                    run_id=spec.run_id,
                    conversation_id=spec.conversation_id,
                    status=status,
                    reply=reply,
                    tool_calls=progress.tool_calls(),
                    error_code=code,
                    input_tokens=progress.input_tokens,
                    output_tokens=progress.output_tokens,
                    now=spec.context.clock(),
                )
                # None: the conversation was deleted meanwhile; there is nowhere to keep it.
                if stored is not None:
                    history = stored
                    mark(session, spec.context.owner.id, "conversations", spec.conversation_key)
                    await self._memory.store_in(
                        session,
                        spec.conversation_id,
                        progress.memory_items(user_item, status != "completed"),
                    )
                    if spec.context.state is not None:
                        await self._memory.store_state_in(
                            session, spec.conversation_id, spec.context.state, spec.context.clock()
                        )
                    tokens = progress.input_tokens, progress.output_tokens
                    if self.quota is not None and any(tokens):
                        await self.quota.add_tokens_in(session, spec.context.owner.id, *tokens)
                    await session.commit()
        except Exception:
            log.exception("storing run %s failed", spec.run_id)
            if status == "completed":
                status, code = "failed", "storage_error"
                message = "Your reply could not be saved; please try again."
        run_id = spec.run_id
        if status == "completed":
            usage = Usage(input_tokens=progress.input_tokens, output_tokens=progress.output_tokens)
            await self.emit(run_id, "completed", Completed(final_message=reply, usage=usage))
            await self.emit(run_id, "history", history)
        elif status == "cancelled":
            await self.emit(run_id, "cancelled", {"reason": reason})
        else:
            await self.emit(
                run_id, "error", {"status": "error", "message": message, "code": code or "error"}
            )


def _parse_json(text: object) -> Any:
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


def _describe(exc: Exception) -> tuple[str, str]:
    """A code and a message a person understands; never the exception's own text."""
    if isinstance(exc, ModelMisbehaved):
        return "model_error", "The assistant produced something it could not act on; try again."
    with contextlib.suppress(ImportError):
        import openai

        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return (
                "model_auth",
                "The language model refused our credentials; check the API key setting.",
            )
        if isinstance(exc, openai.APIError | openai.APIConnectionError):
            return "model_unavailable", "The language model is unavailable right now; try again."
    return "internal_error", "Something went wrong while answering; your message was kept."
