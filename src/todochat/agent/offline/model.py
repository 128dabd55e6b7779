"""OfflineModel: the default model. Reads the conversation with ``todochat.nlu``, calls the
agent's tools through the same Runner as an LLM would, and streams its reply word by word."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from agents import Tool, TResponseInputItem

from todochat.agent.context import TurnContext
from todochat.agent.offline.conversation import read_turns
from todochat.agent.offline.dialogue import Dialogue
from todochat.agent.offline.replies import GREETING
from todochat.agent.offline.state import DialogueState
from todochat.agent.streaming import Plan, PlannedModel


def words(text: str) -> Iterator[str]:
    """The reply as deltas of one word each (with the space before it)."""
    for i, word in enumerate(text.split(" ")):
        yield word if i == 0 else " " + word


class OfflineModel(PlannedModel):
    """A deterministic natural-language engine: no network, no key.

    It reads the dialogue state the conversation's last turn stored (through the turn
    context), decides each step of this turn from it, and leaves the new state in the context
    when it replies, to be stored with the turn. One model answers one turn (the provider
    makes one per run): every step of the turn is decided at the turn's moment, and the
    message is read once, not again at each step.
    """

    def __init__(
        self,
        *,
        timezone: ZoneInfo,
        clock: Callable[[], datetime],
        context: TurnContext | None = None,
    ) -> None:
        self._tz = timezone
        self._clock = clock
        self._context = context
        self._state: DialogueState | None = None
        self._dialogue: Dialogue | None = None

    async def _dialogue_state(self) -> DialogueState:
        if self._state is None:
            stored = await self._context.load_state() if self._context is not None else None
            self._state = DialogueState.from_json(stored)
        return self._state

    async def plan(
        self, system_instructions: str | None, input: list[TResponseInputItem], tools: list[Tool]
    ) -> Plan:
        """Decide the next response from the conversation so far."""
        turns = read_turns(input)
        if not turns:
            return Plan(text=words(GREETING))
        if self._dialogue is None:
            state = await self._dialogue_state()
            self._dialogue = Dialogue(self._clock().astimezone(self._tz), self._tz, state)
        dialogue = self._dialogue
        turn = turns[-1]
        decision = dialogue.decide(turn)
        if decision.calls:
            return Plan(calls=decision.calls)
        if self._context is not None:
            self._context.state = dialogue.next_state(turn, decision).to_json()
        return Plan(text=words(decision.reply))
