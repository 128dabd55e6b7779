"""A scripted OpenAI-compatible Chat Completions server that answers when told to.

    python bench/_slow_model.py PORT

Every ``POST /v1/chat/completions`` is held (no byte of the answer) until ``POST /release``;
then each gets a short streamed reply ("OK.") with usage, and every later request is answered at
once, until ``POST /hold``. ``GET /arrived`` says how many requests are waiting or were
answered. Plain asyncio sockets, so ten thousand held requests cost this process little; one
connection per request (``Connection: close``).
"""

from __future__ import annotations

import asyncio
import json
import sys

CHUNKS = [
    {"choices": [{"index": 0, "delta": {"role": "assistant", "content": "OK."}}]},
    {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
    {"choices": [], "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}},
]


class State:
    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.arrived = 0


def _response(status: str, content_type: str, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\nconnection: close\r\n"
        f"content-length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def handle(state: State, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        request_line, *lines = head.decode("latin-1").split("\r\n")
        length = 0
        for line in lines:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        if length:
            await reader.readexactly(length)
        method, path, _ = request_line.split(" ", 2)
        if path.endswith("/release"):
            state.release.set()
            writer.write(_response("200 OK", "application/json", b"{}"))
        elif path.endswith("/hold"):
            state.release = asyncio.Event()
            writer.write(_response("200 OK", "application/json", b"{}"))
        elif path.endswith("/arrived"):
            body = json.dumps({"arrived": state.arrived}).encode()
            writer.write(_response("200 OK", "application/json", body))
        elif method == "POST" and path.endswith("/chat/completions"):
            state.arrived += 1
            await state.release.wait()
            writer.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n"
            )
            for n, chunk in enumerate(CHUNKS):
                event = {
                    "id": "chatcmpl-slow",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": "slow",
                    **chunk,
                }
                writer.write(f"data: {json.dumps(event)}\n\n".encode())
                if n == 0:
                    await writer.drain()
            writer.write(b"data: [DONE]\n\n")
        else:
            writer.write(_response("404 Not Found", "application/json", b"{}"))
        await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def main() -> None:
    state = State()
    server = await asyncio.start_server(
        lambda r, w: handle(state, r, w), "127.0.0.1", int(sys.argv[1]), backlog=4096
    )
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
