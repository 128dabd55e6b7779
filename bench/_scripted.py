"""The benchmark turn: one add_task call, then a ~40-word reply streamed word by word."""

from __future__ import annotations

from typing import Any

from agents import Model, Tool, TResponseInputItem

from todochat.agent.context import TurnContext
from todochat.agent.streaming import Plan, PlannedCall, PlannedModel

REPLY = (
    "Done! I added Call the plumber to your list for tomorrow at 5 PM with high priority. "
    "I will keep it at the top of your open tasks so you see it first, and you can ask me to "
    "move it, rename it or mark it done whenever you like."
)


class BenchModel(PlannedModel):
    """Deterministic: tool call first, reply after the tool result."""

    async def plan(
        self, system_instructions: str | None, input: list[TResponseInputItem], tools: list[Tool]
    ) -> Plan:
        last: Any = input[-1] if input else {}
        if isinstance(last, dict) and last.get("type") == "function_call_output":
            words = REPLY.split(" ")
            return Plan(
                text=[w if i == 0 else " " + w for i, w in enumerate(words)],
                input_tokens=50,
                output_tokens=len(words),
            )
        return Plan(
            calls=[
                PlannedCall(
                    "add_task",
                    {
                        "title": "Call the plumber",
                        "due_date": "2026-11-22",
                        "due_time": "17:00",
                        "priority": "high",
                    },
                )
            ]
        )


def bench_model_factory(_context: TurnContext) -> Model:
    return BenchModel()
