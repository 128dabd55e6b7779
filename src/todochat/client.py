"""``todochat.client``: a small typed async client for a todochat server.

Sign in, start a turn in either of the todochat SSE encodings (``typed``, A, or ``named``, B:
the events come out the same either way) and follow it with automatic resume from the last
event id after a dropped connection, follow a run started elsewhere, stop a turn, read
conversations and todos, and follow the live feed. (The Vercel AI SDK, AG-UI and ChatKit
encodings are for those projects' own client libraries.) The terminal
client (``todochat chat``) is built on it; so can scripts::

    async with TodochatClient("http://127.0.0.1:8000") as client:
        await client.login("alex", "correct horse")
        turn = await client.send("add buy milk tomorrow")
        async for event in turn:
            ...
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
from httpx_sse import ServerSentEvent, aconnect_sse

Encoding = Literal["typed", "named"]

# Encoding B's canonical names and fields, as encoding A's (what ``TurnEvent`` always holds).
_NAMED_TYPES = {
    "session_initialized": "start",
    "message_delta": "text",
    "completed": "done",
}


def _from_named(name: str, payload: Any) -> tuple[str, dict[str, Any]]:
    if not isinstance(payload, dict):
        return name, {"items": payload}
    data = dict(payload)
    if name == "session_initialized":
        data["conversation_id"] = data.pop("session_id", None)
    elif name in ("tool_call", "tool_result"):
        data["name"] = data.pop("tool_name", "")
        if name == "tool_result":
            data["result"] = data.pop("output", None)
    elif name == "completed":
        data["response"] = data.pop("final_message", "")
    kind = _NAMED_TYPES.get(name, name)
    data["type"] = kind
    return kind, data


class ClientError(Exception):
    """What the server refused, or why it could not be reached, in one line."""


@dataclass
class TurnEvent:
    """One event of a turn: its type (``text``, ``tool_call``, ``tool_result``, ``done``,
    ``error``, ``rate_limit_exceeded``, ``cancelled`` …) and its fields."""

    type: str
    data: dict[str, Any]
    id: str | None = None


@dataclass
class Turn:
    """A turn being answered; iterate it for its events (resumed after a drop)."""

    client: TodochatClient
    first: httpx.Response | None
    conversation_id: str | None = None
    run_id: str | None = None
    last_id: str | None = None
    reply: list[str] = field(default_factory=list)
    outcome: str = "running"
    encoding: Encoding = "typed"

    def __aiter__(self) -> AsyncIterator[TurnEvent]:
        return self._events()

    async def _events(self) -> AsyncIterator[TurnEvent]:
        drops = 0
        while self.outcome == "running":
            try:
                async for event in self._read():
                    yield event
                if self.outcome == "running":
                    raise httpx.RemoteProtocolError("the stream ended early")
            except httpx.TransportError as exc:
                drops += 1
                if self.run_id is None or drops > 5:
                    raise ClientError(f"the connection was lost: {exc}") from None

    async def _read(self) -> AsyncIterator[TurnEvent]:
        if self.first is not None:
            response, self.first = self.first, None
            source = _sse_lines(response)
        else:
            source = self.client._resume(self.run_id or "", self.last_id, self.encoding)
        async for sse in source:
            if sse.data == "[DONE]":
                if self.outcome == "running":
                    self.outcome = "completed"
                return
            event = TurnEvent(sse.event if sse.event != "message" else "", {}, sse.id or None)
            try:
                payload = json.loads(sse.data)
            except ValueError:
                continue
            if self.encoding == "named":
                event.type, event.data = _from_named(sse.event, payload)
            elif isinstance(payload, dict):
                event.type = str(payload.get("type", event.type))
                event.data = payload
            else:
                continue
            if event.id:
                self.last_id = event.id
                self.run_id = self.run_id or event.id.rpartition(":")[0]
            self._note(event)
            yield event

    def _note(self, event: TurnEvent) -> None:
        data = event.data
        if event.type == "start":
            self.conversation_id = data.get("conversation_id") or self.conversation_id
            self.run_id = data.get("run_id") or self.run_id
        elif event.type == "text":
            self.reply.append(str(data.get("content", "")))
        elif event.type == "done":
            self.outcome = "completed"
        elif event.type in ("error", "rate_limit_exceeded", "cancelled"):
            self.outcome = "cancelled" if event.type == "cancelled" else "failed"


async def _sse_lines(response: httpx.Response) -> AsyncIterator[ServerSentEvent]:
    from httpx_sse import EventSource

    async for sse in EventSource(response).aiter_sse():
        yield sse


class TodochatClient:
    """One server, one signed-in user."""

    def __init__(self, base_url: str, token: str | None = None, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.user: dict[str, Any] | None = None
        self._http = httpx.AsyncClient(
            base_url=self.base_url, timeout=httpx.Timeout(timeout, read=None)
        )
        self._open: list[Any] = []

    async def __aenter__(self) -> TodochatClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        for stream in self._open:
            await stream.__aexit__(None, None, None)
        self._open.clear()
        await self._http.aclose()

    @property
    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            r = await self._http.request(method, path, headers=self._auth, **kwargs)
        except httpx.TransportError as exc:
            raise ClientError(
                f"cannot reach {self.base_url}: {exc or type(exc).__name__}"
            ) from None
        if r.status_code >= 400:
            raise ClientError(_detail(r))
        return r.json() if r.content else None

    async def login(self, username: str, password: str) -> str:
        """Sign in; the token is kept on the client and returned."""
        out = await self._request(
            "POST", "/api/auth/token", data={"username": username, "password": password}
        )
        self.token = str(out["access_token"])
        return self.token

    async def me(self) -> dict[str, Any]:
        self.user = dict(await self._request("GET", "/api/me"))
        return self.user

    async def conversations(self) -> list[dict[str, Any]]:
        return list(await self._request("GET", "/api/conversations"))

    async def messages(self, conversation_id: str) -> list[dict[str, Any]]:
        out = await self._request("GET", f"/api/conversations/{conversation_id}/messages")
        return list(out["messages"])

    async def todos(self, status: str = "open") -> list[dict[str, Any]]:
        return list(await self._request("GET", "/api/todos", params={"status": status}))

    async def cancel(self, run_id: str) -> dict[str, Any]:
        return dict(await self._request("POST", f"/api/runs/{run_id}/cancel"))

    async def send(
        self,
        text: str,
        conversation_id: str | None = None,
        timezone: str | None = None,
        idempotency_key: str | None = None,
        encoding: Encoding = "typed",
    ) -> Turn:
        """Start a turn; iterate the returned ``Turn`` for its events. Sent again with the same
        ``idempotency_key`` (after a network error, say), it is the same turn, not a second."""
        import uuid

        body: dict[str, Any]
        if encoding == "named":
            path = "/api/todos/agent-create/stream"
            body = {"messages": [{"role": "user", "content": text}]}
            if conversation_id:
                body["session_id"] = conversation_id
        else:
            user = self.user or await self.me()
            path = f"/api/{user['id']}/chat/stream"
            body = {"message": text}
            if conversation_id:
                body["conversation_id"] = conversation_id
        if timezone:
            body["timezone"] = timezone
        headers = self._auth | {"Idempotency-Key": idempotency_key or uuid.uuid4().hex}
        stream = aconnect_sse(self._http, "POST", path, json=body, headers=headers)
        try:
            source = await stream.__aenter__()
        except httpx.TransportError as exc:
            raise ClientError(f"cannot reach {self.base_url}: {exc}") from None
        self._open.append(stream)
        response = source.response
        if response.status_code >= 400:
            await response.aread()
            raise ClientError(_detail(response))
        return Turn(self, response, conversation_id=conversation_id, encoding=encoding)

    def follow(
        self, run_id: str, last_event_id: str | None = None, encoding: Encoding = "typed"
    ) -> Turn:
        """A run started elsewhere (another process, a page), from after ``last_event_id``
        (from its start without one); iterate it like a turn this client sent."""
        return Turn(self, None, run_id=run_id, last_id=last_event_id, encoding=encoding)

    async def live(self) -> AsyncIterator[dict[str, Any]]:
        """The user's live feed (``GET /api/events``): change notices and reminders, without
        end; a dropped connection is resumed from the last event id, a little later each time."""
        import asyncio

        last_id: str | None = None
        delay = 0.5
        while True:
            headers = self._auth | ({"Last-Event-ID": last_id} if last_id else {})
            try:
                async with aconnect_sse(
                    self._http, "GET", "/api/events", headers=headers
                ) as source:
                    if source.response.status_code >= 400:
                        await source.response.aread()
                        raise ClientError(_detail(source.response))
                    async for sse in source.aiter_sse():
                        delay = 0.5
                        last_id = sse.id or last_id
                        try:
                            payload = json.loads(sse.data)
                        except ValueError:
                            continue
                        if isinstance(payload, dict) and payload.get("type") != "ready":
                            yield payload
            except httpx.TransportError:
                pass
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)

    async def _resume(
        self, run_id: str, last_id: str | None, encoding: Encoding
    ) -> AsyncIterator[ServerSentEvent]:
        headers = self._auth | ({"Last-Event-ID": last_id} if last_id else {})
        async with aconnect_sse(
            self._http,
            "GET",
            f"/api/runs/{run_id}/events",
            headers=headers,
            params={"format": encoding},
        ) as source:
            if source.response.status_code >= 400:
                await source.response.aread()
                raise ClientError(_detail(source.response))
            async for sse in source.aiter_sse():
                yield sse


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return f"the server answered {response.status_code}"
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, list) and detail:
        first = detail[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg"))
    if isinstance(detail, str):
        return detail
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return str(body["message"])
    return f"the server answered {response.status_code}"
