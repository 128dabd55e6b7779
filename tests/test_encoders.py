"""The wire encodings as pure functions, byte for byte."""

from __future__ import annotations

from todochat.chat.encoders import PING, encode_named, encode_typed
from todochat.chat.events import Event, parse_event_id

RUN = "run_abc"


def ev(seq: int, name: str, data: object) -> Event:
    return Event(RUN, seq, name, data)  # type: ignore[arg-type]


def test_named_encoding_is_exact() -> None:
    assert encode_named(ev(1, "session_initialized", {"session_id": "s1", "run_id": RUN})) == (
        b'event: session_initialized\ndata: {"session_id":"s1","run_id":"run_abc"}\nid: run_abc:1\n\n'
    )
    assert encode_named(ev(4, "message_delta", {"content": "caf\u00e9 \u2615\nline"})) == (
        'event: message_delta\ndata: {"content":"caf\u00e9 \u2615\\nline"}\nid: run_abc:4\n\n'.encode()
    )
    assert encode_named(ev(9, "history", [{"role": "user", "content": "hi"}])) == (
        b'event: history\ndata: [{"role":"user","content":"hi"}]\nid: run_abc:9\n\n'
    )


def test_typed_encoding_is_exact() -> None:
    conv = "c1"
    cases = [
        (
            ev(1, "session_initialized", {"session_id": "c1", "run_id": RUN}),
            b'data: {"type":"start","conversation_id":"c1","run_id":"run_abc"}\nid: run_abc:1\n\n',
        ),
        (
            ev(2, "agent_updated", {"name": "todochat"}),
            b'data: {"type":"agent_updated","name":"todochat"}\nid: run_abc:2\n\n',
        ),
        (
            ev(
                3,
                "tool_call",
                {"call_id": "c", "tool_name": "add_task", "arguments": {"title": "x"}},
            ),
            b'data: {"type":"tool_call","name":"add_task","call_id":"c",'
            b'"arguments":{"title":"x"},"status":"started"}\nid: run_abc:3\n\n',
        ),
        (
            ev(
                4,
                "tool_result",
                {"call_id": "c", "tool_name": "add_task", "output": {"task_id": 1}},
            ),
            b'data: {"type":"tool_result","name":"add_task","call_id":"c",'
            b'"result":{"task_id":1}}\nid: run_abc:4\n\n',
        ),
        (
            ev(5, "message_delta", {"content": "Hi"}),
            b'data: {"type":"text","content":"Hi"}\nid: run_abc:5\n\n',
        ),
        (
            ev(6, "completed", {"final_message": "Hi", "usage": {}}),
            b'data: {"type":"done","conversation_id":"c1","response":"Hi"}\nid: run_abc:6\n\n',
        ),
        # The run's last event carries the terminator, so a resume after "done" gets it.
        (ev(7, "history", []), b"data: [DONE]\n\n"),
        (
            ev(6, "cancelled", {"reason": "requested"}),
            b'data: {"type":"cancelled"}\nid: run_abc:6\n\ndata: [DONE]\n\n',
        ),
        (
            ev(3, "error", {"status": "error", "message": "Oops.", "code": "internal_error"}),
            b'data: {"type":"error","message":"Oops.","code":"internal_error"}\nid: run_abc:3\n\n',
        ),
    ]
    for event, expected in cases:
        assert encode_typed(event, conv) == expected, event.name


def test_ping_and_event_ids() -> None:
    assert PING == b": ping\n\n"
    assert parse_event_id("run_abc:12") == ("run_abc", 12)
    assert parse_event_id("garbage") is None
    assert parse_event_id("run_abc:x") is None
