"""The Vercel AI SDK UI message stream: byte-exact encoding, and the real `ai` library (its chat
machinery and DefaultChatTransport, in Node) against a live server."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from agents import TResponseInputItem

from tests.conftest import IN_CI, make_settings
from tests.support.client import sign_up
from tests.support.live import LiveServer, live_server
from tests.support.scripted import factory, last_user_text, slow_words
from todochat.agent.streaming import Plan, PlannedCall
from todochat.chat.encoders_aisdk import AiSdkEncoder
from todochat.chat.events import Event
from todochat.config import sqlite_url

NODE_DIR = Path(__file__).parent / "node"
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


def _script(items: list[TResponseInputItem]) -> Plan:
    text = last_user_text(items)
    last = items[-1] if items else {}
    if "fail" in text:
        raise RuntimeError("scripted failure")
    if "slow" in text:
        return Plan(text=slow_words(" ".join(f"w{i}" for i in range(60)), 0.05))
    if not (isinstance(last, dict) and last.get("type") == "function_call_output"):
        return Plan(calls=[PlannedCall("add_task", {"title": "Call the plumber"})])
    return Plan(text=["Added", " 'Call", " the", " plumber'."])


@pytest.fixture(scope="module")
def node_client() -> str:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        if IN_CI:
            pytest.fail("node and npm are needed for the client-library tests")
        pytest.skip("node not installed")
    if not (NODE_DIR / "node_modules" / "ai").exists():
        # Pinned by tests/node/package-lock.json; the product itself never fetches packages.
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, check=True, capture_output=True
        )
    return node


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    settings = make_settings(sqlite_url(tmp_path_factory.mktemp("aisdk") / "t.db"))
    with live_server(settings, factory(_script)) as live:

        async def token() -> str:
            async with httpx.AsyncClient(base_url=live.url) as client:
                user = await sign_up(client)
            return user.headers["Authorization"].removeprefix("Bearer ")

        yield live, asyncio.run(token())


def _run(node: str, server: tuple[LiveServer, str], scenario: str) -> dict[str, Any]:
    live, token = server
    out = subprocess.run(
        [node, str(NODE_DIR / "aisdk_chat.mjs"), live.url, token, scenario],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    assert result.pop("warnings") == []
    return result


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
