"""OfflineModel: the default model. Reads the conversation with ``todochat.nlu``, calls the
agent's tools through the same Runner as an LLM would, and streams its reply word by word."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from agents import Tool, TResponseInputItem

from todochat.agent.offline.conversation import read_turns
from todochat.agent.offline.dialogue import Dialogue
from todochat.agent.streaming import Plan, PlannedModel


def words(text: str) -> Iterator[str]:
    """The reply as deltas of one word each (with the space before it)."""
    for i, word in enumerate(text.split(" ")):
        yield word if i == 0 else " " + word


class OfflineModel(PlannedModel):
    """A deterministic natural-language engine: no network, no key."""

    def __init__(self, *, timezone: ZoneInfo, clock: Callable[[], datetime]) -> None:
        self._tz = timezone
        self._clock = clock

    async def plan(
        self, system_instructions: str | None, input: list[TResponseInputItem], tools: list[Tool]
    ) -> Plan:
        """Decide the next response from the conversation so far."""
        decision = Dialogue(self._clock().astimezone(self._tz), self._tz).decide(read_turns(input))
        if decision.calls:
            return Plan(calls=decision.calls)
        return Plan(text=words(decision.reply))
