"""The canonical chat events (PROTOCOLS.md). Every wire format is an encoding of these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

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

# The last event of a run. `completed` is followed by `history`, which closes a normal run.
TERMINAL: frozenset[str] = frozenset({"history", "error", "rate_limit_exceeded", "cancelled"})


@dataclass(frozen=True, slots=True)
class Event:
    """One canonical event of a run; ``seq`` counts from 1 within the run."""

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
