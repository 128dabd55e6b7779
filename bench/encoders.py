"""Encoding cost per canonical event, for each wire format, in one run.

    python bench/encoders.py [--turns 2000]

A turn like the chat benchmark's (start, agent, one tool call and result, a 44-word reply word by
word, the message, completed, history: 51 events) is encoded by a fresh encoder per turn, as a
stream does; the figure is the time per event (median of 5 rounds).
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime

from todochat.chat.chatkit_events import ChatKitEvents
from todochat.chat.encodings import encoder
from todochat.chat.events import Event

RUN = "run_bench"


def turn() -> list[Event]:
    words = [f"w{i}" for i in range(44)]
    events = [
        Event(RUN, 1, "session_initialized", {"session_id": "kitchen", "run_id": RUN}),
        Event(RUN, 2, "agent_updated", {"name": "todochat"}),
        Event(
            RUN,
            3,
            "tool_call",
            {
                "call_id": "c1",
                "tool_name": "add_task",
                "arguments": {"title": "Call the plumber", "due_date": "2026-12-06"},
            },
        ),
        Event(
            RUN,
            4,
            "tool_result",
            {
                "call_id": "c1",
                "tool_name": "add_task",
                "output": {
                    "task_id": 1,
                    "status": "created",
                    "title": "Call the plumber",
                    "due_date": "2026-12-06",
                    "priority": "none",
                    "tags": [],
                },
            },
        ),
    ]
    for i, word in enumerate(words):
        events.append(Event(RUN, 5 + i, "message_delta", {"content": (" " if i else "") + word}))
    n = 5 + len(words)
    events.append(Event(RUN, n, "message", {"content": " ".join(words)}))
    events.append(
        Event(
            RUN,
            n + 1,
            "completed",
            {"final_message": " ".join(words), "usage": {"input_tokens": 0, "output_tokens": 0}},
        )
    )
    events.append(Event(RUN, n + 2, "history", [{"role": "user", "content": "hi"}]))
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=2000)
    args = parser.parse_args()
    events = turn()
    print(
        f"encoding cost per event ({len(events)} events per turn, {args.turns} turns, median of 5)"
    )
    base = None
    for name in ("typed", "named", "aisdk", "agui"):
        rounds = []
        for _ in range(5):
            started = time.perf_counter()
            for _ in range(args.turns):
                stream = encoder(name, "kitchen", "r1")  # type: ignore[arg-type]
                for event in events:
                    stream.feed(event)
            rounds.append((time.perf_counter() - started) / (args.turns * len(events)))
        per_event = statistics.median(rounds) * 1e6
        base = base or per_event
        print(f"  {name:7} {per_event:6.2f} µs/event  ({per_event / base:.2f}x typed)")
    # ChatKit: the mapping to its event models, serialized as ChatKitServer writes them.
    rounds = []
    at = datetime.now(UTC)
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(args.turns):
            mapper = ChatKitEvents("kitchen", RUN, at)
            for event in events:
                for out in mapper.feed(event):
                    (
                        b"data: "
                        + out.model_dump_json(by_alias=True, exclude_none=True).encode()
                        + b"\n\n"
                    )
        rounds.append((time.perf_counter() - started) / (args.turns * len(events)))
    per_event = statistics.median(rounds) * 1e6
    print(f"  chatkit {per_event:6.2f} µs/event  ({per_event / (base or 1):.2f}x typed)")


if __name__ == "__main__":
    main()
