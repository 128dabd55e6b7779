"""TurnContext: what tools may know about a turn. It reaches them only through the run context."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from todochat.db.engine import Database
from todochat.todos.service import Owner


@dataclass
class TurnContext:
    """The user a turn acts for, and how to reach their todos. Never shown to the model."""

    owner: Owner
    db: Database
    clock: Callable[[], datetime]
    # Tool transactions still running; a stopped run waits for them so its end is final.
    inflight: set[asyncio.Future[object]] = field(default_factory=set)

    async def settle(self) -> None:
        """Wait (up to 10 s) for tool transactions that outlived a cancellation."""
        if self.inflight:
            await asyncio.wait(self.inflight, timeout=10.0)
