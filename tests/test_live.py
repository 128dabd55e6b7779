"""The per-user live feed (`GET /api/events`): every committed change to a user's todos and
conversations reaches that user's open streams, whoever made it, and nobody else's."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import REDIS_URL, RUN_ID, make_settings, need
from tests.support.client import User, sign_up
from tests.support.live import LiveServer, live_server
from tests.support.node import script
from tests.support.scripted import factory
from todochat.config import sqlite_url
from todochat.live.feed import FEED_LENGTH, RESET, MemoryFeed

# -- the feed itself -------------------------------------------------------------------------


async def _next(stream: AsyncIterator[list[Any]]) -> list[Any]:
    while True:
        batch = await asyncio.wait_for(anext(stream), 5)
        if batch:
            return batch


async def test_memory_feed_follows_resumes_and_resets() -> None:
    feed = MemoryFeed()
    live = feed.tail(1, await feed.position(1), 0.05)
    await feed.publish(1, "todos", {"ids": [1]})
    await feed.publish(2, "todos", {"ids": [99]})  # another user's
    await feed.publish(1, "conversations", {"ids": ["c"]})
    first = await _next(live)
    seen = first if len(first) == 2 else first + await _next(live)
    assert [(e.kind, e.data) for e in seen] == [
        ("todos", {"ids": [1]}),
        ("conversations", {"ids": ["c"]}),
    ]
    # Resuming after the first event gives exactly the rest.
    resumed = feed.tail(1, seen[0].id, 0.05)
    assert [e.id for e in await _next(resumed)] == [seen[1].id]
    # Resuming from an event the feed no longer holds: reset first, then live.
    for i in range(FEED_LENGTH + 5):
        await feed.publish(1, "todos", {"ids": [i]})
    stale = feed.tail(1, seen[0].id, 0.05)
    assert [e.kind for e in await _next(stale)] == [RESET]
    await feed.publish(1, "todos", {"ids": [7]})
    assert [e.data for e in await _next(stale)] == [{"ids": [7]}]


async def test_memory_feed_forgets_idle_users_and_never_reuses_their_ids() -> None:
    # One process sees every user who ever signed in; it keeps the feeds of the most recently
    # active ones, and never those a stream follows.
    feed = MemoryFeed(max_users=3)
    followed = feed.tail(1, await feed.position(1), 0.05)
    await feed.publish(1, "todos", {"ids": [1]})
    assert [e.data for e in await _next(followed)] == [{"ids": [1]}]
    await feed.publish(2, "todos", {"ids": [2]})
    last_seen_by_2 = await feed.position(2)
    for user in range(3, 10):
        await feed.publish(user, "todos", {"ids": [user]})
    assert len(feed._users) == 3 and 1 in feed._users and 2 not in feed._users
    # User 1's stream still follows: nothing lost while others came and went, nor what was
    # published while its stream was busy between two batches (it resumes from the batch it
    # sent, not from the feed's newest notice at that moment).
    await feed.publish(1, "todos", {"ids": [11]})
    assert [e.data for e in await _next(followed)] == [{"ids": [11]}]
    # More than the feed holds while the stream was busy: it is told to reload.
    for i in range(FEED_LENGTH + 1):
        await feed.publish(1, "todos", {"ids": [i]})
    assert [e.kind for e in await _next(followed)] == [RESET]
    await feed.publish(1, "todos", {"ids": [12]})
    assert [e.data for e in await _next(followed)] == [{"ids": [12]}]
    # User 2 was forgotten: new notices get ids past every id given before, and a client that
    # resumes from an old one is told to reload instead of missing what changed meanwhile.
    await feed.publish(2, "todos", {"ids": [22]})
    resumed = feed.tail(2, last_seen_by_2, 0.05)
    assert [e.kind for e in await _next(resumed)] == [RESET]
    assert int(await feed.position(2)) > int(last_seen_by_2)
    await feed.publish(2, "todos", {"ids": [23]})
    assert [e.data for e in await _next(resumed)] == [{"ids": [23]}]
    await followed.aclose()
    await resumed.aclose()
    assert all(user.streams == 0 for user in feed._users.values())


async def test_redis_feed_reaches_another_instance() -> None:
    need("Redis", REDIS_URL is not None)
    from redis.asyncio import Redis

    from todochat.live.feed_redis import RedisFeed

    assert REDIS_URL is not None
    prefix = f"todochat-test:{RUN_ID}:feed:"
    a = RedisFeed(Redis.from_url(REDIS_URL), prefix=prefix)
    b = RedisFeed(Redis.from_url(REDIS_URL), prefix=prefix)
    try:
        live = b.tail(5, await b.position(5), 0.2)
        await a.publish(5, "todos", {"ids": [3]})
        batch = await _next(live)
        assert batch[0].kind == "todos" and batch[0].data == {"ids": [3]}
        # Resume from that id on the first instance: only what came after.
        await a.publish(5, "conversations", {"ids": ["k"]})
        resumed = a.tail(5, batch[-1].id, 0.2)
        assert [(e.kind, e.data) for e in await _next(resumed)][-1] == (
            "conversations",
            {"ids": ["k"]},
        )
        stale = a.tail(5, "1-0", 0.2)
        assert (await _next(stale))[0].kind == RESET
    finally:
        client = Redis.from_url(REDIS_URL)
        async for key in client.scan_iter(match=prefix + "*"):
            await client.delete(key)
        await client.aclose()
        await a.close()
        await b.close()


# -- a live server ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = make_settings(sqlite_url(Path(tmp_path_factory.mktemp("live")) / "t.db"))
    with live_server(settings, factory(script)) as live:
        yield live


class Notices:
    """One open `GET /api/events` stream, read in the background."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.ids: list[str] = []
        self._arrived = asyncio.Event()

    def feed(self, block: str) -> None:
        data = [line[6:] for line in block.split("\n") if line.startswith("data: ")]
        ids = [line[4:] for line in block.split("\n") if line.startswith("id: ")]
        if data:
            self.events.append(json.loads(data[0]))
            self.ids.extend(ids)
            self._arrived.set()

    async def wait_for(self, test: Any) -> dict[str, Any]:
        async def find() -> dict[str, Any]:
            while True:
                for event in self.events:
                    if test(event):
                        return event
                self._arrived.clear()
                await self._arrived.wait()

        return await asyncio.wait_for(find(), 5)


@asynccontextmanager
async def listening(
    live: LiveServer, user: User, last_id: str | None = None
) -> AsyncIterator[Notices]:
    notices = Notices()
    headers = dict(user.headers) | ({"Last-Event-ID": last_id} if last_id else {})

    async def read() -> None:
        async with httpx.AsyncClient(base_url=live.url, timeout=30) as client:
            async with client.stream("GET", "/api/events", headers=headers) as r:
                assert r.status_code == 200
                assert r.headers["content-type"] == "text/event-stream"
                buffer = ""
                async for text in r.aiter_text():
                    buffer += text
                    while "\n\n" in buffer:
                        block, buffer = buffer.split("\n\n", 1)
                        notices.feed(block)

    task = asyncio.create_task(read())
    try:
        await notices.wait_for(lambda e: e["type"] == "ready")
        yield notices
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def test_rest_and_chat_changes_reach_the_users_streams_only(server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        alice = await sign_up(client)
        bob = await sign_up(client)
        async with listening(server, alice) as tab, listening(server, bob) as other:
            r = await client.post("/api/todos", headers=alice.headers, json={"title": "Buy milk"})
            todo_id = r.json()["id"]
            notice = await tab.wait_for(lambda e: e["type"] == "todos")
            assert notice == {"type": "todos", "ids": [todo_id]}

            r = await client.patch(
                f"/api/todos/{todo_id}", headers=alice.headers, json={"priority": "high"}
            )
            assert r.status_code == 200
            await tab.wait_for(lambda e: e["type"] == "todos" and e is not notice)

            # A turn: its conversation when it starts and ends, the todo its tool added.
            r = await client.post(
                f"/api/{alice.id}/chat",
                headers=alice.headers,
                json={"message": "call the plumber", "conversation_id": "kitchen"},
            )
            assert r.status_code == 200, r.text
            await tab.wait_for(lambda e: e == {"type": "conversations", "ids": ["kitchen"]})
            added = await tab.wait_for(lambda e: e["type"] == "todos" and todo_id not in e["ids"])
            listed = (await client.get("/api/todos", headers=alice.headers)).json()
            assert added["ids"][0] in [t["id"] for t in listed]

            r = await client.delete("/api/conversations/kitchen", headers=alice.headers)
            assert r.status_code == 204
            # Its start, its end, its deletion.
            kitchen = {"type": "conversations", "ids": ["kitchen"]}
            await tab.wait_for(lambda e: e == kitchen and tab.events.count(kitchen) == 3)

            # A change that was rolled back (a refused update) tells nobody anything.
            before = len(tab.events)
            r = await client.patch(
                f"/api/todos/{todo_id}", headers=alice.headers, json={"title": ""}
            )
            assert r.status_code == 422
            # Bob's own change reaches Bob, and nothing of Alice's ever did.
            await client.post("/api/todos", headers=bob.headers, json={"title": "Bob's"})
            await other.wait_for(lambda e: e["type"] == "todos")
            assert all(e["type"] in ("ready", "todos") for e in other.events)
            assert len([e for e in other.events if e["type"] == "todos"]) == 1
            assert len(tab.events) == before


async def test_a_stream_resumes_from_its_last_event_id(server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        user = await sign_up(client)
        async with listening(server, user) as tab:
            await client.post("/api/todos", headers=user.headers, json={"title": "one"})
            await tab.wait_for(lambda e: e["type"] == "todos")
            last = tab.ids[-1]
        # Changes made while no stream was open arrive when one resumes.
        r = await client.post("/api/todos", headers=user.headers, json={"title": "two"})
        async with listening(server, user, last) as again:
            missed = await again.wait_for(lambda e: e["type"] == "todos")
            assert missed["ids"] == [r.json()["id"]]


def test_another_users_stream_needs_a_token(server: LiveServer) -> None:
    r = httpx.get(f"{server.url}/api/events", timeout=10)
    assert r.status_code == 401
