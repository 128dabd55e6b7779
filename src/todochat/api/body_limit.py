"""Refuse request bodies over the configured size with a 413 a person can read.

A declared Content-Length over the limit is answered before anything is read. A body without
one (chunked) is counted as it arrives; past the limit the app is told the client went away, so
nothing of it is processed, and the 413 goes out instead.
"""

from __future__ import annotations

import contextlib

from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ContentLengthLimit:
    """413 for request bodies over ``max_bytes``, in the API's JSON error shape."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

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
        too_large = False
        started = False

        async def counting_receive() -> Message:
            nonlocal seen, too_large
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    too_large = True
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                if too_large:
                    return
                started = True
            elif too_large and not started:
                return
            await send(message)

        with contextlib.suppress(ClientDisconnect):
            await self.app(scope, counting_receive, tracking_send)
        if too_large and not started:
            await self._refusal()(scope, receive, send)
