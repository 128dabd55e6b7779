"""The Vercel AI SDK UI message stream: byte-exact encoding, and the real `ai` library (its chat
machinery and DefaultChatTransport, in Node) against a live server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.live import LiveServer
from tests.support.node import node_with_packages, run_node, scripted_server
from todochat.chat.encoders_aisdk import AiSdkEncoder
from todochat.chat.events import Event

RUN = "run_3f2a"


def ev(seq: int, name: str, data: Any) -> Event:
    return Event(RUN, seq, name, data)  # type: ignore[arg-type]


TURN = [
    ev(1, "session_initialized", {"session_id": "kitchen", "run_id": RUN}),
    ev(2, "agent_updated", {"name": "todochat"}),
    ev(
        3,
        "tool_call",
        {"call_id": "call_91", "tool_name": "add_task", "arguments": {"title": "Buy milk"}},
    ),
    ev(4, "tool_result", {"call_id": "call_91", "tool_name": "add_task", "output": {"task_id": 1}}),
    ev(5, "message_delta", {"content": "Added"}),
    ev(6, "message_delta", {"content": " 'Buy milk'."}),
    ev(7, "message", {"content": "Added 'Buy milk'."}),
    ev(
        8,
        "completed",
        {"final_message": "Added 'Buy milk'.", "usage": {"input_tokens": 0, "output_tokens": 0}},
    ),
    ev(9, "history", []),
]

EXPECTED = (
    b'data: {"type":"start","messageId":"run_3f2a","messageMetadata":{"conversationId":"kitchen","runId":"run_3f2a"}}\n\n'
    b'data: {"type":"start-step"}\nid: run_3f2a:1\n\n'
    b'data: {"type":"data-agent","data":{"name":"todochat"},"transient":true}\nid: run_3f2a:2\n\n'
    b'data: {"type":"tool-input-available","toolCallId":"call_91","toolName":"add_task","input":{"title":"Buy milk"}}\nid: run_3f2a:3\n\n'
    b'data: {"type":"tool-output-available","toolCallId":"call_91","output":{"task_id":1}}\nid: run_3f2a:4\n\n'
    b'data: {"type":"finish-step"}\n\n'
    b'data: {"type":"start-step"}\n\n'
    b'data: {"type":"text-start","id":"t1"}\n\n'
    b'data: {"type":"text-delta","id":"t1","delta":"Added"}\nid: run_3f2a:5\n\n'
    b'data: {"type":"text-delta","id":"t1","delta":" \'Buy milk\'."}\nid: run_3f2a:6\n\n'
    b'data: {"type":"text-end","id":"t1"}\nid: run_3f2a:7\n\n'
    b'data: {"type":"finish-step"}\n\n'
    b'data: {"type":"finish","finishReason":"stop","messageMetadata":{"status":"complete","usage":{"input_tokens":0,"output_tokens":0}}}\nid: run_3f2a:8\n\n'
    b"data: [DONE]\n\n"
)


def _encode(events: list[Event]) -> bytes:
    encoder = AiSdkEncoder("kitchen")
    return b"".join(encoder.feed(e) for e in events)


def test_a_turn_is_encoded_exactly() -> None:
    assert _encode(TURN) == EXPECTED


def test_a_replay_gives_the_same_bytes() -> None:
    assert _encode(TURN) == _encode(TURN)


def test_an_error_while_text_is_open_closes_it_first() -> None:
    events = [
        *TURN[:5],
        ev(6, "error", {"status": "error", "message": "Oops.", "code": "internal_error"}),
    ]
    out = _encode(events)
    assert out.endswith(
        b'data: {"type":"text-delta","id":"t1","delta":"Added"}\nid: run_3f2a:5\n\n'
        b'data: {"type":"text-end","id":"t1"}\n\n'
        b'data: {"type":"error","errorText":"Oops."}\nid: run_3f2a:6\n\n'
        b"data: [DONE]\n\n"
    )


def test_a_stop_while_a_tool_runs_marks_the_reply_stopped() -> None:
    events = [
        *TURN[:3],
        ev(
            4,
            "tool_result",
            {
                "call_id": "call_91",
                "tool_name": "add_task",
                "output": {
                    "error": "Stopped before this ran; nothing was changed.",
                    "code": "not_run",
                },
            },
        ),
        ev(5, "cancelled", {"reason": "requested"}),
    ]
    out = _encode(events)
    assert out.endswith(
        b'data: {"type":"tool-output-error","toolCallId":"call_91","errorText":"Stopped before this ran; nothing was changed."}\nid: run_3f2a:4\n\n'
        b'data: {"type":"message-metadata","messageMetadata":{"status":"stopped"}}\n\n'
        b'data: {"type":"abort","reason":"requested"}\nid: run_3f2a:5\n\n'
        b"data: [DONE]\n\n"
    )


def test_a_refusal_is_an_error_chunk() -> None:
    out = AiSdkEncoder("c").refusal({"message": "Slow down.", "retry_after": 3})
    assert out == (
        b'data: {"type":"data-rate-limit","data":{"message":"Slow down.","retry_after":3},"transient":true}\n\n'
        b'data: {"type":"error","errorText":"Slow down."}\n\n'
        b"data: [DONE]\n\n"
    )


# -- the real library ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def node_client() -> str:
    node = node_with_packages()
    if node is None:
        pytest.skip("node not installed")
    return node


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    with scripted_server(tmp_path_factory.mktemp("aisdk")) as live:
        yield live


def _run(node: str, server: tuple[LiveServer, str], scenario: str) -> dict[str, Any]:
    return run_node(node, "aisdk_chat.mjs", server, scenario)


def test_a_turn_with_a_tool_call_and_streamed_text(
    node_client: str, server: tuple[LiveServer, str]
) -> None:
    seen = _run(node_client, server, "turn")
    assert seen["status"] == "ready" and seen["error"] is None
    assert seen["roles"] == ["user", "assistant"]
    assert seen["id"].startswith("run_")
    assert seen["metadata"]["status"] == "complete"
    assert seen["metadata"]["conversationId"] == "kitchen"
    parts = [(p["type"], p["state"]) for p in seen["parts"]]
    assert parts == [
        ("step-start", None),
        ("tool-add_task", "output-available"),
        ("step-start", None),
        ("text", "done"),
    ]
    assert seen["parts"][-1]["text"] == "Added 'Call the plumber'."


def test_errors_reach_the_chat(node_client: str, server: tuple[LiveServer, str]) -> None:
    seen = _run(node_client, server, "error")
    assert seen["failed"]["status"] == "error"
    assert seen["failed"]["error"] == "Something went wrong while answering; your message was kept."
    assert seen["refused"]["status"] == "error"
    assert "10000 characters" in seen["refused"]["error"]


def test_stop_keeps_the_partial_reply_marked_stopped(
    node_client: str, server: tuple[LiveServer, str]
) -> None:
    seen = _run(node_client, server, "stop")
    assert seen["cancel"]["cancelled"] is True
    assert seen["status"] == "ready"
    assert seen["metadata"]["status"] == "stopped"
    text = next(p for p in seen["parts"] if p["type"] == "text")
    assert text["state"] == "done" and text["text"].startswith("w0")


def test_a_reloaded_page_resumes_the_reply_from_its_start(
    node_client: str, server: tuple[LiveServer, str]
) -> None:
    seen = _run(node_client, server, "reload")
    resumed = seen["resumed"]
    assert resumed["status"] == "ready" and resumed["metadata"]["status"] == "complete"
    text = next(p for p in resumed["parts"] if p["type"] == "text")
    assert text["text"] == " ".join(f"w{i}" for i in range(60))
    assert seen["after"]["roles"] == []  # finished: 204, nothing to resume


def test_a_stream_whose_events_expired_ends_with_an_error() -> None:
    encoder = AiSdkEncoder("kitchen")
    for event in TURN[:5]:
        encoder.feed(event)
    assert encoder.close() == (
        b'data: {"type":"text-end","id":"t1"}\n\n'
        b'data: {"type":"error","errorText":"This reply is no longer available; reload the conversation."}\n\n'
        b"data: [DONE]\n\n"
    )
