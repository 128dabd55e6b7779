"""Scripted models: the seam where tests replace the language model.

A script is a function from the conversation so far to the next response. Helpers here cover the
common shapes: call these tools, then say this text (optionally slowly, for stop and heartbeat
tests), or fail.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from agents import Model, Tool, TResponseInputItem

from todochat.agent.context import TurnContext
from todochat.agent.streaming import Plan, PlannedCall, PlannedModel


def last_user_text(items: Sequence[TResponseInputItem]) -> str:
    """The newest user message."""
    for item in reversed(items):
        if isinstance(item, dict) and item.get("role") == "user":
            content = item.get("content")
            return content if isinstance(content, str) else json.dumps(content)
    return ""


def tool_outputs_since_user(items: Sequence[TResponseInputItem]) -> list[Any]:
    """Parsed outputs of the tool calls made after the newest user message."""
    outputs: list[Any] = []
    for item in reversed(items):
        if isinstance(item, dict) and item.get("role") == "user":
            break
        if isinstance(item, dict) and item.get("type") == "function_call_output":
            raw = item.get("output")
            outputs.append(json.loads(raw) if isinstance(raw, str) else raw)
    return list(reversed(outputs))


async def slow_words(text: str, delay: float) -> AsyncIterator[str]:
    """Yield ``text`` word by word with a pause before each word."""
    for i, word in enumerate(text.split(" ")):
        await asyncio.sleep(delay)
        yield word if i == 0 else " " + word


Script = Callable[[list[TResponseInputItem]], Plan]


@dataclass
class ScriptedModel(PlannedModel):
    """Answers with whatever the script decides; records the inputs it saw."""

    script: Script
    seen: list[list[TResponseInputItem]] = field(default_factory=list)

    async def plan(
        self, system_instructions: str | None, input: list[TResponseInputItem], tools: list[Tool]
    ) -> Plan:
        self.seen.append(list(input))
        return self.script(list(input))


def recording(script: Script) -> tuple[list[list[TResponseInputItem]], Script]:
    """``script``, and the list of the inputs of every model call made through it."""
    seen: list[list[TResponseInputItem]] = []

    def recorded(items: list[TResponseInputItem]) -> Plan:
        seen.append(items)
        return script(items)

    return seen, recorded


def factory(script: Script) -> Callable[[TurnContext], Model]:
    """A model factory giving every run a model that follows ``script``."""
    return lambda _context: ScriptedModel(script)


def tool_then_text(
    calls: Callable[[str], list[PlannedCall]] | list[PlannedCall],
    reply: Callable[[list[Any]], str] | str,
    *,
    delay: float = 0.0,
) -> Script:
    """First response: the tool calls; second: the reply (streamed word by word)."""

    def script(items: list[TResponseInputItem]) -> Plan:
        last = items[-1] if items else {}
        after_tools = isinstance(last, dict) and last.get("type") == "function_call_output"
        if not after_tools:
            planned = calls(last_user_text(items)) if callable(calls) else calls
            if planned:
                return Plan(calls=[PlannedCall(c.name, c.arguments) for c in planned])
        text = reply(tool_outputs_since_user(items)) if callable(reply) else reply
        words: Any = (
            slow_words(text, delay)
            if delay
            else [w if i == 0 else " " + w for i, w in enumerate(text.split(" "))]
        )
        return Plan(text=words, input_tokens=12, output_tokens=len(text.split()))

    return script
