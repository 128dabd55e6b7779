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
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from agents import (
    Agent,
    MaxTurnsExceeded,
    Model,
    ModelBehaviorError,
    RunConfig,
    Runner,
    TResponseInputItem,
)
from agents.items import MessageOutputItem, ToolCallItem, ToolCallOutputItem
from agents.stream_events import (
    AgentUpdatedStreamEvent,
    RawResponsesStreamEvent,
    RunItemStreamEvent,
)

from todochat.agent.context import TurnContext
from todochat.chat.conversations import finish_turn, interrupted_turns
from todochat.chat.eventlog import EventLog
from todochat.chat.events import EventName
from todochat.chat.memory import ConversationMemory
from todochat.chat.sanitize import sanitize
from todochat.db.engine import Database
from todochat.limits.quota import QuotaService

log = logging.getLogger("todochat.runs")

ModelFactory = Callable[[TurnContext], Model]


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
        agent: Agent[TurnContext],
        model_factory: ModelFactory,
        memory: ConversationMemory,
        max_turns: int,
        timeout: float,
        max_active: int = 256,
    ) -> None:
        self._db = db
        self.events = events
        self._agent = agent
        self.model_factory = model_factory
        self._memory = memory
        self._max_turns = max_turns
        self._timeout = timeout
        self._tasks: dict[str, asyncio.Task[None]] = {}
        # Bounds the turns in progress, not the turns accepted. When turns are CPU-bound (the
        # built-in assistant), every running turn lengthens each pass of the event loop, and
        # with it the wait of every new request for its first event; past a handful of turns
        # at once, more only slow each other down without answering any sooner.
        self._active = asyncio.Semaphore(max_active)
        # Set by the runtime: where a finished turn's token usage is summed per user and month.
        self.quota: QuotaService | None = None
        self._cancel_reasons: dict[str, str] = {}

    async def start(self, spec: TurnSpec) -> None:
        """Open the run's log with ``session_initialized`` and start it in the background."""
        await self.events.create(spec.run_id)
        await self._emit(
            spec.run_id,
            "session_initialized",
            {"session_id": spec.conversation_key, "run_id": spec.run_id},
        )
        task = asyncio.create_task(self._run(spec), name=f"todochat-{spec.run_id}")
        self._tasks[spec.run_id] = task
        task.add_done_callback(lambda _: self._tasks.pop(spec.run_id, None))

    def cancel(self, run_id: str, reason: str = "requested") -> bool:
        """Stop a run of this process; False when it is not running here."""
        task = self._tasks.get(run_id)
        if task is None or task.done():
            return False
        self._cancel_reasons[run_id] = reason
        task.cancel()
        return True

    async def shutdown(self, grace: float = 10.0) -> None:
        """Let running turns finish for ``grace`` seconds, then stop the rest as cancelled."""
        tasks = list(self._tasks.values())
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=grace)
            for task in pending:
                run_id = task.get_name().removeprefix("todochat-")
                self.cancel(run_id, "server shutting down")
            if pending:
                await asyncio.wait(pending, timeout=grace)

    async def recover_interrupted(self, now: datetime) -> int:
        """Close the turns a stopped process left answering; returns how many.

        Only for a database one process serves (SQLite): there, a run still marked as running
        at start-up was cut off by a crash or a kill, and would otherwise block its
        conversation until the run timeout passed and point clients at events no process
        holds. Each is stored as a failed turn, as if it had failed at once: the user's
        message stays, in the history and in the model's memory, with an empty failed reply.
        """
        async with self._db.session() as session:
            turns = await interrupted_turns(session)
            for run_id, conversation_id, text in turns:
                await self._memory.store_in(
                    session, conversation_id, [{"role": "user", "content": text}]
                )
                await finish_turn(
                    session,
                    run_id=run_id,
                    conversation_id=conversation_id,
                    status="failed",
                    reply="",
                    tool_calls=[],
                    error_code="interrupted",
                    input_tokens=0,
                    output_tokens=0,
                    now=now,
                )
            await session.commit()
        if turns:
            log.warning("closed %d turn(s) interrupted by the previous stop", len(turns))
        return len(turns)

    async def _emit(self, run_id: str, name: EventName, data: Any) -> None:
        await self.events.append(run_id, name, data)

    async def _run(self, spec: TurnSpec) -> None:
        progress = _Progress()
        user_item: TResponseInputItem = {"role": "user", "content": spec.text}
        status, code, message = "completed", None, ""
        try:
            async with asyncio.timeout(self._timeout), self._active:
                await self._drive(spec, user_item, progress)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            status = "cancelled"
        except TimeoutError:
            status, code = "failed", "timeout"
            message = "The assistant took too long to answer; your message was kept."
        except MaxTurnsExceeded:
            status, code = "failed", "max_turns"
            message = "The assistant needed too many steps; try a simpler request."
        except Exception as exc:  # every failure must end the stream with a safe message
            status, code, message = "failed", *_describe(exc)
            log.exception("run %s failed", spec.run_id)
        await self._finish(spec, user_item, progress, status, code, message)

    async def _drive(
        self, spec: TurnSpec, user_item: TResponseInputItem, progress: _Progress
    ) -> None:
        history = [] if spec.new_conversation else await self._memory.recent(spec.conversation_id)
        model = self.model_factory(spec.context)
        result = Runner.run_streamed(
            self._agent,
            [*history, user_item],
            context=spec.context,
            max_turns=self._max_turns,
            run_config=RunConfig(model=model, tracing_disabled=True),
        )
        try:
            async for event in result.stream_events():
                await self._translate(spec.run_id, event, progress)
        finally:
            if not result.is_complete:
                result.cancel()
        progress.final = str(result.final_output or "")
        usage = result.context_wrapper.usage
        progress.input_tokens, progress.output_tokens = usage.input_tokens, usage.output_tokens

    async def _translate(self, run_id: str, event: object, progress: _Progress) -> None:
        if isinstance(event, RawResponsesStreamEvent):
            data = event.data
            if data.type == "response.output_text.delta":
                delta: str = data.delta
                if delta:
                    progress.text.append(delta)
                    await self._emit(run_id, "message_delta", {"content": delta})
        elif isinstance(event, AgentUpdatedStreamEvent):
            await self._emit(run_id, "agent_updated", {"name": event.new_agent.name})
        elif isinstance(event, RunItemStreamEvent):
            item = event.item
            if isinstance(item, ToolCallItem):
                raw = item.raw_item
                call_id = str(getattr(raw, "call_id", "") or "")
                name = str(getattr(raw, "name", "") or "")
                arguments = _parse_json(getattr(raw, "arguments", "") or "{}")
                if not isinstance(arguments, dict):
                    # The protocol promises an object; keep what the model sent, labelled.
                    arguments = {"invalid_json": arguments}
                progress.calls[call_id] = {"call_id": call_id, "name": name, "arguments": arguments}
                progress.pending.add(call_id)
                progress.items.append(item.to_input_item())
                await self._emit(
                    run_id,
                    "tool_call",
                    {"call_id": call_id, "tool_name": name, "arguments": arguments},
                )
            elif isinstance(item, ToolCallOutputItem):
                raw_out = item.raw_item
                call_id = str(
                    raw_out.get("call_id", "")
                    if isinstance(raw_out, dict)
                    else getattr(raw_out, "call_id", "")
                )
                output = sanitize(_parse_json(item.output))
                call = progress.calls.setdefault(
                    call_id, {"call_id": call_id, "name": "", "arguments": {}}
                )
                call["result"] = output
                progress.pending.discard(call_id)
                progress.items.append(item.to_input_item())
                await self._emit(
                    run_id,
                    "tool_result",
                    {"call_id": call_id, "tool_name": call["name"], "output": output},
                )
            elif isinstance(item, MessageOutputItem):
                text = "".join(part.text for part in item.raw_item.content if hasattr(part, "text"))
                progress.items.append(item.to_input_item())
                await self._emit(run_id, "message", {"content": text})

    async def _finish(
        self,
        spec: TurnSpec,
        user_item: TResponseInputItem,
        progress: _Progress,
        status: str,
        code: str | None,
        message: str,
    ) -> None:
        reply = progress.final if status == "completed" else "".join(progress.text)
        await spec.context.settle()
        history: list[dict[str, Any]] = []
        try:
            # One transaction: the model's memory of the turn, the reply, the run's outcome and
            # its token usage are stored together or not at all.
            async with self._db.session() as session:
                await self._memory.store_in(
                    session,
                    spec.conversation_id,
                    progress.memory_items(user_item, status != "completed"),
                )
                tokens = progress.input_tokens, progress.output_tokens
                if self.quota is not None and any(tokens):
                    await self.quota.add_tokens_in(session, spec.context.owner.id, *tokens)
                history = await finish_turn(
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
                await session.commit()
        except Exception:
            log.exception("storing run %s failed", spec.run_id)
            if status == "completed":
                status, code = "failed", "storage_error"
                message = "Your reply could not be saved; please try again."
        run_id = spec.run_id
        if status == "completed":
            usage = {"input_tokens": progress.input_tokens, "output_tokens": progress.output_tokens}
            await self._emit(run_id, "completed", {"final_message": reply, "usage": usage})
            await self._emit(run_id, "history", history)
        elif status == "cancelled":
            await self._emit(
                run_id, "cancelled", {"reason": self._cancel_reasons.pop(run_id, "requested")}
            )
        else:
            await self._emit(
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
    if isinstance(exc, ModelBehaviorError):
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
