"""Reminders that fire: each worker looks for due reminders and claims each one in the database
before telling its owner, so a reminder is delivered exactly once however many workers look.

A reminder is a ``reminder`` notice on the owner's live feed (every open tab, phone and terminal
client shows it). One that fell due while no server was running is still delivered when one
starts, if it is less than ``grace`` late; later than that it is marked missed instead, since a
reminder for a plumber's visit hours ago helps nobody.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from todochat.db.engine import Database
from todochat.db.models import Todo
from todochat.live.feed import Feed

log = logging.getLogger("todochat.reminders")

BATCH = 100


class Reminders:
    """Finds due reminders, claims them, and tells their owners."""

    def __init__(
        self,
        db: Database,
        feed: Feed,
        clock: Callable[[], datetime],
        *,
        poll_seconds: float = 1.0,
        grace_seconds: float = 3600.0,
    ) -> None:
        self._db = db
        self._feed = feed
        self._clock = clock
        self._poll = poll_seconds
        self._grace = timedelta(seconds=grace_seconds)
        self._task: asyncio.Task[None] | None = None

    async def tick(self) -> list[dict[str, Any]]:
        """Deliver every reminder due now; returns the notices sent (for tests and logs)."""
        now = self._clock()
        sent: list[tuple[int, dict[str, Any]]] = []
        async with self._db.session() as session:
            due = (
                await session.execute(
                    select(Todo.id, Todo.owner_id, Todo.title, Todo.due_at, Todo.remind_at)
                    .where(Todo.remind_at.is_not(None), Todo.remind_at <= now)
                    .order_by(Todo.remind_at)
                    .limit(BATCH)
                )
            ).all()
            for todo_id, owner_id, title, due_at, remind_at in due:
                assert remind_at is not None  # selected for it
                missed = now - remind_at > self._grace
                # The claim: only the worker whose UPDATE still finds this very reminder
                # pending delivers it.
                claimed = await session.scalar(
                    update(Todo)
                    .where(Todo.id == todo_id, Todo.remind_at == remind_at)
                    .values(remind_at=None, reminded_for=remind_at, reminder_missed=missed)
                    .returning(Todo.id)
                )
                if claimed is None or missed:
                    continue
                notice = {
                    "ids": [todo_id],
                    "title": title,
                    "due_at": due_at.isoformat() if due_at is not None else None,
                    "remind_at": remind_at.isoformat(),
                }
                sent.append((owner_id, notice))
            await session.commit()
        for owner_id, notice in sent:
            await self._feed.publish(owner_id, "reminder", notice)
        return [notice for _, notice in sent]

    def start(self) -> None:
        """Look every ``poll_seconds`` until ``stop``."""
        self._task = asyncio.create_task(self._run(), name="todochat-reminders")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _run(self) -> None:
        while True:
            try:
                await self.tick()
            except Exception:
                log.exception("looking for due reminders failed; trying again")
            await asyncio.sleep(self._poll)
