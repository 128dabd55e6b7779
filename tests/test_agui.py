"""AG-UI 1.0: byte-exact encoding, and the real `@ag-ui/client` HttpAgent (in Node, which checks
the order of events) against a live server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.live import LiveServer
from tests.support.node import node_with_packages, run_node, scripted_server
from tests.test_aisdk import TURN, ev
from todochat.chat.encoders_agui import AgUiEncoder
from todochat.chat.events import Event

EXPECTED = (
    b'data: {"type":"RUN_STARTED","metadata":{"todochat":{"run_id":"run_3f2a","conversation_id":"kitchen"}},"threadId":"kitchen","runId":"r1","protocolVersion":"1.0"}\nid: run_3f2a:1\n\n'
    b'data: {"type":"STEP_STARTED","stepName":"todochat"}\nid: run_3f2a:2\n\n'
    b'data: {"type":"TOOL_CALL_START","toolCallId":"call_91","toolCallName":"add_task","parentMessageId":"r1-1"}\n\n'
    b'data: {"type":"TOOL_CALL_ARGS","toolCallId":"call_91","delta":"{\\"title\\":\\"Buy milk\\"}"}\n\n'
    b'data: {"type":"TOOL_CALL_END","toolCallId":"call_91"}\nid: run_3f2a:3\n\n'
    b'data: {"type":"TOOL_CALL_RESULT","messageId":"r1-call_91-result","toolCallId":"call_91","content":"{\\"task_id\\":1}","role":"tool"}\nid: run_3f2a:4\n\n'
    b'data: {"type":"TEXT_MESSAGE_START","messageId":"r1-2","role":"assistant"}\n\n'
    b'data: {"type":"TEXT_MESSAGE_CONTENT","messageId":"r1-2","delta":"Added"}\nid: run_3f2a:5\n\n'
    b'data: {"type":"TEXT_MESSAGE_CONTENT","messageId":"r1-2","delta":" \'Buy milk\'."}\nid: run_3f2a:6\n\n'
    b'data: {"type":"TEXT_MESSAGE_END","messageId":"r1-2"}\nid: run_3f2a:7\n\n'
    b'data: {"type":"STEP_FINISHED","stepName":"todochat"}\n\n'
    b'data: {"type":"RUN_FINISHED","threadId":"kitchen","runId":"r1","result":{"final_message":"Added \'Buy milk\'."},"outcome":{"type":"success"},"usage":[{"inputTokens":0,"outputTokens":0,"totalTokens":0}]}\nid: run_3f2a:8\n\n'
)


def _encode(events: list[Event]) -> bytes:
    encoder = AgUiEncoder("kitchen", "r1")
    return b"".join(encoder.feed(e) for e in events)


def test_a_turn_is_encoded_exactly_with_no_terminator() -> None:
    out = _encode(TURN)
    assert out == EXPECTED
    assert b"[DONE]" not in out and b"\r" not in out and b"null" not in out


def test_a_replay_gives_the_same_bytes() -> None:
    assert _encode(TURN) == _encode(TURN)


def test_a_stop_closes_what_is_open_before_the_run_finishes() -> None:
    events = [*TURN[:5], ev(6, "cancelled", {"reason": "requested"})]
    assert _encode(events).endswith(
        b'data: {"type":"TEXT_MESSAGE_END","messageId":"r1-2"}\n\n'
        b'data: {"type":"STEP_FINISHED","stepName":"todochat"}\n\n'
        b'data: {"type":"RUN_FINISHED","threadId":"kitchen","runId":"r1","outcome":{"type":"cancelled"}}\nid: run_3f2a:6\n\n'
    )


def test_an_error_is_run_error() -> None:
    events = [
        *TURN[:5],
        ev(6, "error", {"status": "error", "message": "Oops.", "code": "internal_error"}),
    ]
    assert _encode(events).endswith(
        b'data: {"type":"RUN_ERROR","message":"Oops.","code":"internal_error"}\nid: run_3f2a:6\n\n'
    )


def test_a_refusal_is_a_lone_run_error_without_nulls() -> None:
    out = AgUiEncoder("t").refusal({"message": "Slow down.", "retry_after": 3, "reset_date": None})
    assert out == (
        b'data: {"type":"RUN_ERROR","message":"Slow down.","code":"rate_limit_exceeded",'
        b'"metadata":{"todochat":{"retry_after":3}}}\n\n'
    )


@pytest.fixture(scope="module")
def node_client() -> str:
    node = node_with_packages()
    if node is None:
        pytest.skip("node not installed")
    return node


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    with scripted_server(tmp_path_factory.mktemp("agui")) as live:
        yield live


def _run(node: str, server: tuple[LiveServer, str], scenario: str) -> dict[str, Any]:
    return run_node(node, "agui_run.mjs", server, scenario)


def test_a_turn_through_http_agent(node_client: str, server: tuple[LiveServer, str]) -> None:
    seen = _run(node_client, server, "turn")
    assert seen["runError"] is None and seen["outcome"] == "success"
    assert seen["seen"][0] == "RUN_STARTED" and seen["seen"][-1] == "RUN_FINISHED"
    messages = seen["newMessages"]
    assert [m["role"] for m in messages] == ["assistant", "tool", "assistant"]
    assert messages[0]["toolCalls"] == ["add_task"]
    assert json.loads(messages[1]["content"])["title"] == "Call the plumber"
    assert messages[2]["content"] == "Added 'Call the plumber'."


def test_an_error_resolves_with_run_error(node_client: str, server: tuple[LiveServer, str]) -> None:
    seen = _run(node_client, server, "error")
    assert seen["runError"] == {
        "message": "Something went wrong while answering; your message was kept.",
        "code": "internal_error",
    }
    assert seen["seen"][-1] == "RUN_ERROR"


def test_a_cancel_finishes_the_run_as_cancelled(
    node_client: str, server: tuple[LiveServer, str]
) -> None:
    seen = _run(node_client, server, "cancel")
    assert seen["cancel"]["cancelled"] is True
    assert seen["outcome"] == "cancelled" and seen["runError"] is None
    assert seen["newMessages"][-1]["role"] == "assistant"
    assert seen["newMessages"][-1]["content"].startswith("w0")


def test_a_stream_whose_events_expired_ends_with_run_error() -> None:
    encoder = AgUiEncoder("kitchen", "r1")
    for event in TURN[:5]:
        encoder.feed(event)
    assert encoder.close() == (
        b'data: {"type":"RUN_ERROR","message":"This reply is no longer available; reload the '
        b'conversation.","code":"expired"}\n\n'
    )


def test_every_encoding_is_found_by_name_and_replays_identically() -> None:
    from todochat.chat.encodings import encoder

    for name in ("typed", "named", "aisdk", "agui"):
        first = b"".join(encoder(name, "kitchen", "r1").feed(e) for e in TURN)  # type: ignore[arg-type]
        again = b"".join(encoder(name, "kitchen", "r1").feed(e) for e in TURN)  # type: ignore[arg-type]
        assert first == again and first, name
