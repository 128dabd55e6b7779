"""The canonical chat events (PROTOCOLS.md). Every wire format is an encoding of these."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple, TypedDict

EventName = Literal[
    "session_initialized",
    "agent_updated",
    "message_delta",
    "tool_call",
    "tool_result",
    "message",
    "completed",
    "history",
    "error",
    "rate_limit_exceeded",
    "cancelled",
]


class SessionInitialized(TypedDict):
    session_id: str
    run_id: str


class AgentUpdated(TypedDict):
    name: str


class MessageDelta(TypedDict):
    content: str


class ToolCall(TypedDict):
    call_id: str
    tool_name: str
    arguments: dict[str, Any]


class ToolResult(TypedDict):
    call_id: str
    tool_name: str
    output: Any


class Usage(TypedDict):
    input_tokens: int
    output_tokens: int


class Completed(TypedDict):
    final_message: str
    usage: Usage


class ErrorPayload(TypedDict):
    status: str
    message: str
    code: str


class Cancelled(TypedDict):
    reason: str


# What each canonical event carries (``history``: the conversation's messages; a turn refused by
# a limit never reaches the log, its encoder writes the refusal).
Payload = (
    SessionInitialized
    | AgentUpdated
    | MessageDelta
    | ToolCall
    | ToolResult
    | Completed
    | ErrorPayload
    | Cancelled
    | list[dict[str, Any]]
)

# The last event of a run. `completed` is followed by `history`, which closes a normal run.
TERMINAL: frozenset[str] = frozenset({"history", "error", "rate_limit_exceeded", "cancelled"})


class Event(NamedTuple):
    """One canonical event of a run; ``seq`` counts from 1 within the run.

    A tuple, not a class instance, because the log holds tens of thousands of these: the
    garbage collector stops tracking a tuple of plain values (and a dict of plain values,
    like a text delta's), so the retained events add nothing to its full passes.
    """

    run_id: str
    seq: int
    name: EventName
    data: Any

    @property
    def event_id(self) -> str:
        """The SSE ``id:`` value, ``<run_id>:<seq>``, that a client resumes from."""
        return f"{self.run_id}:{self.seq}"

    @property
    def terminal(self) -> bool:
        """Whether nothing follows this event."""
        return self.name in TERMINAL


def parse_event_id(value: str) -> tuple[str, int] | None:
    """Split a ``Last-Event-ID`` into run id and seq; None if it is not one of ours."""
    run_id, sep, seq = value.strip().rpartition(":")
    if not sep or not run_id or not seq.isdigit():
        return None
    return run_id, int(seq)
