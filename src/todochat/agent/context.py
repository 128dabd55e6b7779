"""TurnContext: what tools may know about a turn. It reaches them only through the run context."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from todochat.db.engine import Database
from todochat.todos.service import Owner

# A named point in a run ("queued", "tool", "storing", ...) with the run's id. Fault-injection
# tests pause runs there; in the product it does nothing.
Checkpoint = Callable[[str, str], Awaitable[None]]

# What a tool that failed unexpectedly reports (its changes rolled back).
FAILED = {"error": "Something went wrong; nothing was changed.", "code": "internal_error"}


async def no_checkpoint(_phase: str, _run_id: str) -> None:
    """The product's checkpoint: nothing happens."""


async def no_state() -> dict[str, Any] | None:
    """A conversation with no stored dialogue state."""
    return None


@dataclass
class ToolJob:
    """One tool call's transaction, running in a task of its own so a Stop cannot cut it off.

    ``future`` gives the JSON text the tool answers with.
    """

    call_id: str
    name: str
    arguments: str
    future: asyncio.Future[str]


@dataclass
class TurnContext:
    """The user a turn acts for, and how to reach their todos. Never shown to the model."""

    owner: Owner
    db: Database
    clock: Callable[[], datetime]
    run_id: str = ""
    conversation_id: int = 0
    checkpoint: Checkpoint = no_checkpoint
    # The model's own state of the conversation (the offline assistant's dialogue state):
    # ``load_state`` reads what the last turn stored; a model that sets ``state`` has it stored
    # with this turn's outcome, in the same transaction.
    load_state: Callable[[], Awaitable[dict[str, Any] | None]] = no_state
    state: dict[str, Any] | None = None
    # Every tool call this turn started, by call id, in the order they started: how a stopped
    # run learns what its tools did after the model's stream was cut off.
    jobs: dict[str, ToolJob] = field(default_factory=dict)

    async def settle(self) -> None:
        """Wait (up to 10 s) for tool transactions still running."""
        running = [job.future for job in self.jobs.values() if not job.future.done()]
        if running:
            await asyncio.wait(running, timeout=10.0)
