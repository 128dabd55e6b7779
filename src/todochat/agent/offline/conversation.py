"""Reading the model input as turns: what the user said, what tools ran, what was replied.

The offline assistant keeps no state of its own: everything it needs (the last list shown, the
todo just discussed, a question it asked) is read back from the conversation, exactly as an LLM
would read it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from agents import TResponseInputItem

LIST_TOOLS = frozenset({"list_tasks", "search_tasks"})


@dataclass
class ToolStep:
    """One tool call of a turn and its parsed output (None until it ran)."""

    name: str
    arguments: dict[str, Any]
    output: Any = None


@dataclass
class Turn:
    """A user message and what followed it."""

    user: str
    steps: list[ToolStep] = field(default_factory=list)
    reply: str = ""

    def outputs(self, name: str) -> list[Any]:
        """Outputs of the tool ``name`` in this turn."""
        return [s.output for s in self.steps if s.name == name and s.output is not None]


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return ""


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def read_turns(items: Sequence[TResponseInputItem]) -> list[Turn]:
    """Split the input into turns, oldest first."""
    turns: list[Turn] = []
    by_call: dict[str, ToolStep] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        kind = item.get("type", "message")
        role = item.get("role")
        if kind == "message" and role == "user":
            turns.append(Turn(user=_text(item.get("content"))))
        elif not turns:
            continue
        elif kind == "message" and role == "assistant":
            turns[-1].reply += _text(item.get("content"))
        elif kind == "function_call":
            arguments = _json(item.get("arguments", "{}"))
            step = ToolStep(
                str(item.get("name", "")), arguments if isinstance(arguments, dict) else {}
            )
            turns[-1].steps.append(step)
            by_call[str(item.get("call_id", ""))] = step
        elif kind == "function_call_output":
            step_for = by_call.get(str(item.get("call_id", "")))
            if step_for is not None:
                step_for.output = _json(item.get("output"))
    return turns


def last_list(turns: Sequence[Turn]) -> list[dict[str, Any]] | None:
    """The most recent list of todos shown (a list tool's output), newest turn first."""
    for turn in reversed(turns):
        for step in reversed(turn.steps):
            if step.name in LIST_TOOLS and isinstance(step.output, list):
                return [t for t in step.output if isinstance(t, dict)]
    return None


def last_task(turns: Sequence[Turn]) -> dict[str, Any] | None:
    """The todo most recently created, changed or shown alone: what "it" refers to."""
    for turn in reversed(turns):
        for step in reversed(turn.steps):
            out = step.output
            if isinstance(out, dict) and "task_id" in out:
                return out
            if step.name in LIST_TOOLS and isinstance(out, list) and len(out) == 1:
                return out[0] if isinstance(out[0], dict) else None
    return None
