"""OfflineModel: understands the conversation with ``todochat.nlu`` and plans tool calls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from agents import Tool, TResponseInputItem

from todochat.agent.streaming import Plan, PlannedModel


class OfflineModel(PlannedModel):
    """The default model: no network, no key."""

    def __init__(self, *, timezone: ZoneInfo, clock: Callable[[], datetime]) -> None:
        self._tz = timezone
        self._clock = clock

    async def plan(
        self, system_instructions: str | None, input: list[TResponseInputItem], tools: list[Tool]
    ) -> Plan:
        """Decide the next response."""
        return Plan(text=["I'm", " still", " learning", "."])
