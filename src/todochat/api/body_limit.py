"""Refuse request bodies over the configured size (413) or too slow to arrive (408).

A declared Content-Length over the limit is answered before anything is read. A body without
one (chunked) is counted as it arrives; past the limit the app is told the client went away, so
nothing of it is processed, and the 413 goes out instead. Likewise a body that stops arriving
(a Content-Length larger than what is sent, a client that stalls) is given up after
``body_timeout`` seconds with a 408, instead of holding the request open for good; the server
itself has no such limit.
"""

from __future__ import annotations

import asyncio
import contextlib

from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ContentLengthLimit:
    """413 for request bodies over ``max_bytes``, in the API's JSON error shape."""

    def __init__(self, app: ASGIApp, max_bytes: int, body_timeout: float = 30.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.body_timeout = body_timeout

    def _too_slow(self) -> JSONResponse:
        return JSONResponse(
            {"detail": "The request body did not arrive in time."},
            status_code=408,
            headers={"Connection": "close"},
        )

    def _refusal(self) -> JSONResponse:
        limit = f"{self.max_bytes // 1024} KiB"
        return JSONResponse(
            {"detail": f"The request body is larger than the limit of {limit}."}, status_code=413
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await self._refusal()(scope, receive, send)
                return
        seen = 0
        too_large = too_slow = body_done = False
        started = False

        async def counting_receive() -> Message:
            nonlocal seen, too_large, too_slow, body_done
            if body_done:
                # The body is in: what follows is the wait for a disconnect, unbounded.
                return await receive()
            try:
                async with asyncio.timeout(self.body_timeout):
                    message = await receive()
            except TimeoutError:
                too_slow = True
                return {"type": "http.disconnect"}
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if seen > self.max_bytes:
                    too_large = True
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            refused = too_large or too_slow
            if message["type"] == "http.response.start":
                if refused:
                    return
                started = True
            elif refused and not started:
                return
            await send(message)

        with contextlib.suppress(ClientDisconnect):
            await self.app(scope, counting_receive, tracking_send)
        if not started:
            if too_large:
                await self._refusal()(scope, receive, send)
            elif too_slow:
                await self._too_slow()(scope, receive, send)
