"""``GET /api/events``: the signed-in user's live feed as Server-Sent Events."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import StreamingResponse

from todochat.api.deps import CurrentUser, RuntimeDep
from todochat.api.sse import EventStreamResponse
from todochat.chat.encoders import PING
from todochat.live.feed import Feed, FeedEvent

router = APIRouter(prefix="/api", tags=["live"])
_ID = re.compile(r"[0-9]{1,20}(-[0-9]{1,20})?")


def _frame(event: FeedEvent) -> bytes:
    body = json.dumps({"type": event.kind, **event.data}, separators=(",", ":"))
    return f"data: {body}\nid: {event.id}\n\n".encode()


async def _follow(feed: Feed, user_id: int, after: str, heartbeat: float) -> AsyncIterator[bytes]:
    # "ready" tells a client it is connected; what changes from then on reaches it.
    ready = b'data: {"type":"ready"}\n'
    yield ready + (f"id: {after}\n\n".encode() if _ID.fullmatch(after) else b"\n")
    async for batch in feed.tail(user_id, after, heartbeat):
        yield b"".join(_frame(e) for e in batch) if batch else PING


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "change notices"}},
)
async def events(
    user: CurrentUser,
    runtime: RuntimeDep,
    last_event_id: Annotated[str | None, Header(max_length=64)] = None,
) -> StreamingResponse:
    """Every change to your todos and conversations as it happens, whoever made it (the
    assistant, another tab, the REST API): `{"type": "todos", "ids": [...]}`,
    `{"type": "conversations", "ids": [...]}`; `reset` after a gap too long to replay (reload
    everything). Resumable with `Last-Event-ID`."""
    # The starting point is taken now, before the response starts: a change made once the
    # client has its "ready" cannot fall between the two.
    after = last_event_id or await runtime.feed.position(user.id)
    body = _follow(runtime.feed, user.id, after, runtime.settings.heartbeat_seconds)
    return EventStreamResponse(body)
