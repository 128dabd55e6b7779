"""The Server-Sent Events response."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from starlette.responses import StreamingResponse
from starlette.types import Message, Receive, Scope, Send

SSE_HEADERS = {
    "Cache-Control": "no-cache",
    "X-Accel-Buffering": "no",
    # Passed as a header so Starlette does not append "; charset=utf-8".
    "Content-Type": "text/event-stream",
}
_RAW_SSE_HEADERS = [
    (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SSE_HEADERS.items()
]


class EventStreamResponse(StreamingResponse):
    """An SSE stream written from the request's own task, with one small task that notices
    the client going away.

    Starlette streams a body from a task it starts for the purpose, beside one that listens for
    the client going away, in an AnyIO task group: a new task first runs on the event loop's
    next pass (under load tens of milliseconds, so the first event, which a new turn has logged
    before its response is built, would wait), and the group's tasks, cancel scopes and events
    are a good part of what an idle stream costs (thousands of them are open at once). Here the
    request's task writes every event; a plain asyncio task waits for ``http.disconnect`` and
    stops it.

    A resume that has already seen every event waits here for the next one (or a heartbeat).
    """

    def __init__(self, body: AsyncIterator[bytes], headers: dict[str, str] | None = None) -> None:
        super().__init__(body)
        # The constant headers encoded once for every stream (Starlette builds each pair anew).
        extra = [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()
        ]
        self.raw_headers = [*_RAW_SSE_HEADERS, *extra]
        self._rest: AsyncIterator[bytes] = body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        writer = asyncio.current_task()
        left = False

        async def watch() -> None:
            nonlocal left
            try:
                while True:
                    message: Message = await receive()
                    if message["type"] == "http.disconnect":
                        break
            except Exception:  # noqa: S110 - a connection that cannot be read from is gone
                pass
            left = True
            if writer is not None:
                writer.cancel()

        watcher = asyncio.ensure_future(watch())
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": self.status_code,
                    "headers": self.raw_headers,
                }
            )
            async for chunk in self._rest:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        except asyncio.CancelledError:
            if not left or writer is None:
                raise
            # The client went away: the stream ends here, quietly (as Starlette's does).
            writer.uncancel()
        finally:
            watcher.cancel()
        if self.background is not None:
            await self.background()
