"""The Server-Sent Events response."""

from __future__ import annotations

from collections.abc import AsyncIterator

from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

SSE_HEADERS = {
    "Cache-Control": "no-cache",
    "X-Accel-Buffering": "no",
    # Passed as a header so Starlette does not append "; charset=utf-8".
    "Content-Type": "text/event-stream",
}


class EventStreamResponse(StreamingResponse):
    """An SSE stream whose head and first events leave from the request's own task.

    Starlette streams a body from a task it starts for the purpose (beside one that listens
    for the client going away), and a new task first runs on the event loop's next pass. Under
    load a pass takes tens of milliseconds, so the first event, which a new turn has logged
    before its response is built, is written here at once; the rest streams as usual.

    A resume that has already seen every event waits here for the next one (or a heartbeat);
    a client that leaves meanwhile is noticed at that write instead of at once.
    """

    def __init__(self, body: AsyncIterator[bytes], headers: dict[str, str] | None = None) -> None:
        super().__init__(body, headers=SSE_HEADERS | (headers or {}))
        self._rest: AsyncIterator[bytes] = body
        self._head_sent = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await send(
                {
                    "type": "http.response.start",
                    "status": self.status_code,
                    "headers": self.raw_headers,
                }
            )
            self._head_sent = True
            first = await anext(self._rest, None)
            if first is not None:
                await send({"type": "http.response.body", "body": first, "more_body": True})
        await super().__call__(scope, receive, send)

    async def stream_response(self, send: Send) -> None:
        if not self._head_sent:
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
