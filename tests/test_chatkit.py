"""OpenAI ChatKit's self-hosted server protocol: the event mapping byte for byte, and a live
server driven the way ChatKit's front end drives it, every request built and every byte parsed
with the `openai-chatkit` package's own types."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from chatkit.types import (
    ItemsListParams,
    ItemsListReq,
    Page,
    Thread,
    ThreadAddUserMessageParams,
    ThreadCreateParams,
    ThreadGetByIdParams,
    ThreadItem,
    ThreadListParams,
    ThreadsAddUserMessageReq,
    ThreadsCreateReq,
    ThreadsGetByIdReq,
    ThreadsListReq,
    ThreadStreamEvent,
    UserMessageInput,
    UserMessageTextContent,
)
from pydantic import BaseModel, TypeAdapter

from tests.conftest import make_settings
from tests.support.client import sign_up
from tests.support.live import LiveServer, live_server
from tests.support.node import script, scripted_server
from tests.support.scripted import factory
from tests.test_aisdk import TURN, ev
from todochat.chat.chatkit_events import ChatKitEvents, message_items
from todochat.config import sqlite_url

AT = datetime(2026, 12, 1, 19, 30, 49, tzinfo=UTC)
STREAM_EVENT = TypeAdapter[ThreadStreamEvent](ThreadStreamEvent)


def _dump(model: BaseModel) -> str:
    # What ChatKitServer writes after "data: ".
    return model.model_dump_json(by_alias=True, exclude_none=True)


def _map(events: list[Any]) -> list[str]:
    mapper = ChatKitEvents("kitchen", "run_3f2a", AT)
    return [_dump(out) for event in events for out in mapper.feed(event)]


WORKFLOW_TASK = '"type":"custom","title":"add_task","content":"{\\"title\\":\\"Buy milk\\"}"'
EXPECTED = [
    '{"type":"progress_update","text":"Running add_task…"}',
    '{"type":"thread.item.added","item":{"id":"wf_run_3f2a","thread_id":"kitchen","created_at":"2026-12-01T19:30:49Z","type":"workflow","workflow":{"type":"custom","tasks":[{"status_indicator":"loading",'
    + WORKFLOW_TASK
    + '}],"expanded":false}}}',
    '{"type":"thread.item.updated","item_id":"wf_run_3f2a","update":{"type":"workflow.task.updated","task_index":0,"task":{"status_indicator":"complete",'
    + WORKFLOW_TASK
    + "}}}",
    '{"type":"client_effect","name":"todochat.tool_result","data":{"call_id":"call_91","tool_name":"add_task","arguments":{"title":"Buy milk"},"output":{"task_id":1}}}',
    '{"type":"thread.item.done","item":{"id":"wf_run_3f2a","thread_id":"kitchen","created_at":"2026-12-01T19:30:49Z","type":"workflow","workflow":{"type":"custom","tasks":[{"status_indicator":"complete",'
    + WORKFLOW_TASK
    + '}],"summary":{"title":"Used 1 tool"},"expanded":false}}}',
    '{"type":"thread.item.added","item":{"id":"msg_run_3f2a_a","thread_id":"kitchen","created_at":"2026-12-01T19:30:49Z","type":"assistant_message","content":[]}}',
    '{"type":"thread.item.updated","item_id":"msg_run_3f2a_a","update":{"type":"assistant_message.content_part.added","content_index":0,"content":{"annotations":[],"text":"","type":"output_text"}}}',
    '{"type":"thread.item.updated","item_id":"msg_run_3f2a_a","update":{"type":"assistant_message.content_part.text_delta","content_index":0,"delta":"Added"}}',
    '{"type":"thread.item.updated","item_id":"msg_run_3f2a_a","update":{"type":"assistant_message.content_part.text_delta","content_index":0,"delta":" \'Buy milk\'."}}',
    '{"type":"thread.item.updated","item_id":"msg_run_3f2a_a","update":{"type":"assistant_message.content_part.done","content_index":0,"content":{"annotations":[],"text":"Added \'Buy milk\'.","type":"output_text"}}}',
    '{"type":"thread.item.done","item":{"id":"msg_run_3f2a_a","thread_id":"kitchen","created_at":"2026-12-01T19:30:49Z","type":"assistant_message","content":[{"annotations":[],"text":"Added \'Buy milk\'.","type":"output_text"}]}}',
]


def test_a_turn_maps_exactly_and_parses_as_chatkit_events() -> None:
    out = _map(TURN)
    assert out == EXPECTED
    for line in out:
        STREAM_EVENT.validate_json(line)


def test_a_replay_gives_the_same_events() -> None:
    assert _map(TURN) == _map(TURN)


def test_a_batch_sends_its_consecutive_text_deltas_as_one() -> None:
    one_by_one = _map(TURN)
    mapper = ChatKitEvents("kitchen", "run_3f2a", AT)
    batched = [_dump(out) for out in mapper.feed_batch(TURN)]
    merged = EXPECTED[7].replace('"delta":"Added"', '"delta":"Added \'Buy milk\'."')
    assert batched == [*one_by_one[:7], merged, *one_by_one[9:]]
    # An error ends the batch: nothing after it is mapped.
    mapper = ChatKitEvents("kitchen", "run_3f2a", AT)
    failed = ev(7, "error", {"status": "error", "message": "Oops.", "code": "internal_error"})
    out = mapper.feed_batch([*TURN[:6], failed, *TURN[6:]])
    assert mapper.error == "Oops." and out[-1].type == "thread.item.done"


def test_an_error_while_the_reply_is_open_keeps_the_partial_reply() -> None:
    mapper = ChatKitEvents("kitchen", "run_3f2a", AT)
    events = [
        *TURN[:5],
        ev(6, "error", {"status": "error", "message": "Oops.", "code": "internal_error"}),
    ]
    out = [_dump(o) for e in events for o in mapper.feed(e)]
    assert mapper.error == "Oops."
    assert out[-2].startswith('{"type":"thread.item.updated","item_id":"msg_run_3f2a_a"')
    assert '"type":"assistant_message.content_part.done"' in out[-2]
    assert out[-1].startswith('{"type":"thread.item.done","item":{"id":"msg_run_3f2a_a"')
    assert '"text":"Added"' in out[-1]


def test_a_stop_while_a_tool_runs_closes_its_workflow_then_says_stopped() -> None:
    mapper = ChatKitEvents("kitchen", "run_3f2a", AT)
    events = [*TURN[:3], ev(4, "cancelled", {"reason": "requested"})]
    out = [_dump(o) for e in events for o in mapper.feed(e)]
    assert out[-2].startswith('{"type":"thread.item.done","item":{"id":"wf_run_3f2a"')
    assert '"status_indicator":"loading"' in out[-2]  # the call never returned
    assert out[-1] == '{"type":"notice","level":"info","message":"Stopped."}'
    assert mapper.error is None


def test_text_then_a_second_tool_call_opens_new_items() -> None:
    call = {"call_id": "c2", "tool_name": "list_tasks", "arguments": {}}
    events = [
        ev(1, "message_delta", {"content": "Let me look."}),
        ev(2, "tool_call", call),
        ev(3, "tool_call", {**call, "call_id": "c3"}),
        ev(4, "tool_result", {"call_id": "c3", "tool_name": "list_tasks", "output": []}),
        ev(5, "message_delta", {"content": "Nothing."}),
        ev(6, "completed", {"final_message": "", "usage": {}}),
    ]
    parsed = [STREAM_EVENT.validate_json(line) for line in _map(events)]
    done = [p.item.id for p in parsed if p.type == "thread.item.done"]  # type: ignore[union-attr]
    assert done == ["msg_run_3f2a_a", "wf_run_3f2a", "msg_run_3f2a_a2"]
    added = [p for p in parsed if p.type == "thread.item.updated"]
    task_added = [p for p in added if p.update.type == "workflow.task.added"]  # type: ignore[union-attr]
    assert [p.update.task_index for p in task_added] == [1]  # type: ignore[union-attr]


def test_stored_messages_become_the_items_the_stream_announced() -> None:
    user = {
        "id": 1,
        "role": "user",
        "content": "add milk",
        "run_id": "run_3f2a",
        "created_at": "2026-12-01T19:30:49Z",
    }
    reply = {
        "id": 2,
        "role": "assistant",
        "content": "Added 'Milk'.",
        "run_id": "run_3f2a",
        "status": "complete",
        "tool_calls": [{"call_id": "c1", "name": "add_task", "arguments": {"title": "Milk"}}],
        "created_at": "2026-12-01T19:30:50Z",
    }
    items = message_items("kitchen", user) + message_items("kitchen", reply)
    assert [(i.type, i.id) for i in items] == [
        ("user_message", "msg_run_3f2a_u"),
        ("workflow", "wf_run_3f2a"),
        ("assistant_message", "msg_run_3f2a_a"),
    ]
    stopped = message_items("kitchen", {**reply, "status": "stopped", "tool_calls": []})
    assert stopped[0].content[0].text == "Added 'Milk'.\n\n_Stopped._"  # type: ignore[union-attr]


# -- a live server ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    with scripted_server(tmp_path_factory.mktemp("chatkit")) as live:
        yield live


def _new_user(live: LiveServer) -> str:
    async def token() -> str:
        async with httpx.AsyncClient(base_url=live.url) as c:
            return (await sign_up(c)).headers["Authorization"].removeprefix("Bearer ")

    return asyncio.run(token())


def _text_input(text: str) -> UserMessageInput:
    return UserMessageInput(
        content=[UserMessageTextContent(text=text)], attachments=[], inference_options={}
    )


class Client:
    """ChatKit's front end, as far as the protocol goes: one POST per request."""

    def __init__(self, live: LiveServer, token: str) -> None:
        self.http = httpx.Client(
            base_url=live.url, headers={"Authorization": f"Bearer {token}"}, timeout=30
        )

    def post(self, request: BaseModel) -> httpx.Response:
        return self.http.post(
            "/api/chatkit",
            content=request.model_dump_json(),
            headers={"Content-Type": "application/json"},
        )

    def stream(self, request: BaseModel) -> list[Any]:
        """Every event of a streamed answer, each parsed by ChatKit's own types."""
        with self.http.stream(
            "POST", "/api/chatkit", content=request.model_dump_json()
        ) as response:
            assert response.status_code == 200, response.read()
            assert response.headers["content-type"] == "text/event-stream"
            raw = response.read().decode()
        return _parse(raw)

    @contextmanager
    def streaming(self, request: BaseModel) -> Iterator[httpx.Response]:
        with self.http.stream("POST", "/api/chatkit", content=request.model_dump_json()) as r:
            yield r

    def items(self, thread_id: str, **params: Any) -> Page[ThreadItem]:
        r = self.post(ItemsListReq(params=ItemsListParams(thread_id=thread_id, **params)))
        assert r.status_code == 200, r.text
        return TypeAdapter(Page[ThreadItem]).validate_json(r.content)


def _parse(raw: str) -> list[Any]:
    events = []
    for block in raw.split("\n\n"):
        lines = [line for line in block.split("\n") if line and not line.startswith(":")]
        if not lines:
            continue
        assert len(lines) == 1 and lines[0].startswith("data: "), block
        events.append(STREAM_EVENT.validate_json(lines[0].removeprefix("data: ")))
    return events


def _create(text: str) -> ThreadsCreateReq:
    return ThreadsCreateReq(params=ThreadCreateParams(input=_text_input(text)))


def _add(thread_id: str, text: str) -> ThreadsAddUserMessageReq:
    return ThreadsAddUserMessageReq(
        params=ThreadAddUserMessageParams(thread_id=thread_id, input=_text_input(text))
    )


def test_a_new_thread_then_a_second_message_then_its_items(
    server: tuple[LiveServer, str],
) -> None:
    client = Client(*server)
    first = client.stream(_create("remind me to call the plumber tomorrow at 5"))
    types = [e.type for e in first]
    assert types[:4] == ["thread.created", "thread.item.done", "stream_options", "progress_update"]
    assert first[1].item.type == "user_message"
    titled = [e.thread.title for e in first if e.type == "thread.updated"]
    assert titled == ["remind me to call the plumber tomorrow at 5"]
    effect = next(e for e in first if e.type == "client_effect")
    assert effect.data["output"]["title"] == "Call the plumber"
    reply = [e for e in first if e.type == "thread.item.done"][-1].item
    assert reply.type == "assistant_message"
    assert reply.content[0].text == "Added 'Call the plumber'."
    thread_id = first[0].thread.id

    second = client.stream(_add(thread_id, "and another one"))
    assert [e.type for e in second][:2] == ["thread.item.done", "stream_options"]
    announced = [e.item.id for e in first + second if e.type == "thread.item.done"]

    items = client.items(thread_id, order="asc", limit=50)
    assert [i.id for i in items.data] == announced
    assert [i.type for i in items.data] == [
        "user_message",
        "workflow",
        "assistant_message",
    ] * 2
    assert not items.has_more

    # Newest first by default, a page at a time, ``after`` = the last item's id.
    page = client.items(thread_id, limit=4)
    assert [i.id for i in page.data] == announced[::-1][:4] and page.has_more
    rest = client.items(thread_id, limit=4, after=page.after)
    assert [i.id for i in rest.data] == announced[::-1][4:] and not rest.has_more

    r = client.post(ThreadsListReq(params=ThreadListParams(limit=10)))
    threads = TypeAdapter(Page[Thread]).validate_json(r.content)
    assert threads.data[0].id == thread_id
    assert threads.data[0].title == "remind me to call the plumber tomorrow at 5"

    r = client.post(ThreadsGetByIdReq(params=ThreadGetByIdParams(thread_id=thread_id)))
    thread = Thread.model_validate_json(r.content)
    assert [i.id for i in thread.items.data] == announced


def test_another_users_thread_is_not_found_before_anything_streams(
    server: tuple[LiveServer, str],
) -> None:
    live, token = server
    mine = Client(live, token)
    thread_id = mine.stream(_create("add buy bread"))[0].thread.id
    theirs = Client(live, _new_user(live))
    for request in (
        _add(thread_id, "delete everything"),
        ItemsListReq(params=ItemsListParams(thread_id=thread_id)),
        ThreadsGetByIdReq(params=ThreadGetByIdParams(thread_id=thread_id)),
    ):
        r = theirs.post(request)
        assert r.status_code == 404, r.text
        assert r.headers["content-type"] == "application/json"
    listed = TypeAdapter(Page[Thread]).validate_json(
        theirs.post(ThreadsListReq(params=ThreadListParams())).content
    )
    assert thread_id not in [t.id for t in listed.data]
    assert [i.type for i in mine.items(thread_id).data][-1] == "user_message"  # desc: newest
    assert len(mine.items(thread_id).data) == 3  # nothing was added by the other user


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (b"not json", "Invalid JSON"),
        (b'{"type":"threads.create","params":{}}', "input"),
        (
            b'{"type":"attachments.create","params":{"name":"a","size":1,"mime_type":"text/plain"}}',
            "type",
        ),
        (b'{"type":"threads.retry_after_item","params":{"thread_id":"t","item_id":"i"}}', "type"),
        (
            b'{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"  "}],'
            b'"attachments":[],"inference_options":{}}}}',
            "message",
        ),
        (
            b'{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"hi"}],'
            b'"attachments":["atc_1"],"inference_options":{}}}}',
            "attachments",
        ),
    ],
)
def test_a_bad_request_is_a_4xx_with_a_reason(
    server: tuple[LiveServer, str], body: bytes, where: str
) -> None:
    client = Client(*server)
    r = client.http.post("/api/chatkit", content=body)
    assert r.status_code == 422, r.text
    assert where in r.text
    assert "Traceback" not in r.text


def test_a_failing_turn_is_a_chatkit_error_and_the_thread_takes_the_next_message(
    server: tuple[LiveServer, str],
) -> None:
    client = Client(*server)
    events = client.stream(_create("please fail now"))
    error = events[-1] if events[-1].type == "error" else events[-2]
    assert error.type == "error" and error.code == "custom" and error.allow_retry is False
    assert error.message == "Something went wrong while answering; your message was kept."
    thread_id = events[0].thread.id
    again = client.stream(_add(thread_id, "call the plumber"))
    assert [e for e in again if e.type == "thread.item.done"][-1].item.type == "assistant_message"


def test_closing_the_stream_stops_the_turn_and_keeps_the_partial_reply(
    server: tuple[LiveServer, str],
) -> None:
    live, token = server
    client = Client(live, token)
    seen: list[Any] = []
    with client.streaming(_create("a slow reply please")) as response:
        buffer = ""
        for chunk in response.iter_text():
            buffer += chunk
            seen = _parse(buffer.rsplit("\n\n", 1)[0] + "\n\n") if "\n\n" in buffer else []
            if (
                sum(
                    1
                    for e in seen
                    if getattr(e, "update", None) and e.update.type.endswith("text_delta")
                )
                >= 3
            ):
                break
    thread_id = seen[0].thread.id
    # The server notices the closed connection and stops the run; its outcome is stored.
    stored = _wait_for_reply(client, thread_id)
    assert stored["status"] == "stopped"
    assert stored["content"].startswith("w0 w1 w2")
    assert len(stored["content"].split()) < 60
    items = client.items(thread_id, order="asc")
    assert items.data[-1].content[0].text.endswith("_Stopped._")  # type: ignore[union-attr]


def _wait_for_reply(client: Client, thread_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        r = client.http.get(f"/api/conversations/{thread_id}/messages")
        messages = r.json()["messages"]
        if r.json()["active_run_id"] is None and messages[-1]["role"] == "assistant":
            return messages[-1]
        time.sleep(0.05)
    raise AssertionError("the turn did not end after its stream was closed")


def test_a_refused_turn_is_a_chatkit_error_event(tmp_path: Any) -> None:
    settings = make_settings(sqlite_url(tmp_path / "t.db"), rate_limit="1/minute")
    with live_server(settings, factory(script)) as live:
        client = Client(live, _new_user(live))
        thread_id = client.stream(_create("add buy milk"))[0].thread.id
        refused = client.stream(_add(thread_id, "add buy eggs"))
    assert [e.type for e in refused] == ["thread.item.done", "stream_options", "error"]
    assert refused[-1].code == "custom" and refused[-1].allow_retry is False
    assert refused[-1].message.startswith("Too many messages")
