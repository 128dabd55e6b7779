"""A scripted OpenAI-compatible HTTP server on 127.0.0.1, for tests and the latency benchmark.

It speaks real HTTP and real SSE, so todochat's provider path (the ``openai`` client, the agents
SDK's Chat Completions and Responses models) runs exactly as against a real server:

- ``POST /v1/chat/completions`` (``stream: true``): ``chat.completion.chunk`` events, a usage
  chunk when ``stream_options.include_usage`` is set, then ``data: [DONE]``.
- ``POST /v1/responses`` (``stream: true``): Responses API events from ``response.created`` to
  ``response.completed`` (with usage).

Each request takes the next scripted step (``ToolCall``, ``Text``, ``Fail``, ``Hang``, ``Cut``,
``Timed``); with none left it answers ``default``. Every request is recorded (path, JSON body,
Authorization header) so tests can check what the model was shown.

Run alone for the benchmark: ``python -m tests.support.fake_openai --port 9000 --deltas 200``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.support.live import free_port


@dataclass
class ToolCall:
    """One function call; its JSON ``arguments`` text arrives split over ``pieces`` chunks."""

    name: str
    arguments: str
    pieces: int = 4
    call_id: str = "call_fake_1"
    # Chat Completions: send the call id on the second chunk, not the first (some servers do).
    late_id: bool = False
    usage: tuple[int, int] = (120, 18)


@dataclass
class Text:
    """A text reply streamed in ``pieces`` (default: word by word)."""

    text: str
    pieces: list[str] | None = None
    delay: float = 0.0
    usage: tuple[int, int] = (160, 25)

    def deltas(self) -> list[str]:
        if self.pieces is not None:
            return self.pieces
        words = self.text.split(" ")
        return [w if i == 0 else " " + w for i, w in enumerate(words)]


@dataclass
class Fail:
    """An HTTP error before any byte of the stream."""

    status: int
    message: str = "scripted failure"


@dataclass
class Hang:
    """No answer for ``seconds`` (longer than the client's timeout)."""

    seconds: float


@dataclass
class Cut:
    """Start streaming ``text``, then drop the connection mid-way."""

    text: str = "I will add that right"


@dataclass
class Timed:
    """For the benchmark: ``deltas`` text deltas ``interval`` s apart, each ``<monotonic send>``."""

    deltas: int = 200
    interval: float = 0.005


Step = ToolCall | Text | Fail | Hang | Cut | Timed


@dataclass
class Recorded:
    """One request the fake received."""

    path: str
    body: dict[str, Any]
    authorization: str | None


class _Abort(Exception):
    """Raised inside a stream to drop the connection without ending the body."""


@dataclass
class FakeOpenAI:
    """The scripted server's state: what to answer next and what it was asked."""

    default: Step = field(default_factory=lambda: Text("Done."))
    steps: deque[Step] = field(default_factory=deque)
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""
    stopping: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def queue(self, *steps: Step) -> None:
        """Answer the next requests with these steps, in order."""
        with self._lock:
            self.steps.extend(steps)

    def _next(self) -> Step:
        with self._lock:
            return self.steps.popleft() if self.steps else self.default

    def bodies(self, path_suffix: str = "") -> list[dict[str, Any]]:
        """JSON bodies of the requests received (optionally only those to one endpoint)."""
        return [r.body for r in self.requests if r.path.endswith(path_suffix)]

    # -- HTTP ---------------------------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/chat/completions", self._chat, methods=["POST"]),
                Route("/v1/responses", self._responses, methods=["POST"]),
            ]
        )

    async def _common(self, request: Request) -> tuple[dict[str, Any], Step | Response]:
        body = await request.json()
        self.requests.append(Recorded(request.url.path, body, request.headers.get("authorization")))
        step = self._next()
        if isinstance(step, Fail):
            error = {"error": {"message": step.message, "type": "fake", "code": None}}
            headers = {"retry-after": "0"} if step.status == 429 else {}
            return body, JSONResponse(error, status_code=step.status, headers=headers)
        if isinstance(step, Hang):
            for _ in range(round(step.seconds / 0.02)):  # ends early when the server stops
                if self.stopping:
                    break
                await asyncio.sleep(0.02)
            return body, JSONResponse({"error": {"message": "too late"}}, status_code=504)
        if not body.get("stream"):
            return body, JSONResponse({"error": {"message": "the fake only streams"}}, 400)
        return body, step

    async def _chat(self, request: Request) -> Response:
        body, step = await self._common(request)
        if isinstance(step, Response):
            return step
        usage = bool((body.get("stream_options") or {}).get("include_usage"))
        return _sse(_chat_stream(step, str(body.get("model")), usage))

    async def _responses(self, request: Request) -> Response:
        body, step = await self._common(request)
        if isinstance(step, Response):
            return step
        return _sse(_responses_stream(step, str(body.get("model"))))


def _sse(events: AsyncIterator[str]) -> StreamingResponse:
    return StreamingResponse(
        events, media_type="text/event-stream", headers={"cache-control": "no-cache"}
    )


def _split(text: str, pieces: int) -> list[str]:
    size = max(1, -(-len(text) // max(1, pieces)))
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _stamp() -> str:
    return f"<{time.monotonic():.6f}>"


# -- Chat Completions -------------------------------------------------------------------------


def _chunk(model: str, delta: dict[str, Any] | None, finish: str | None = None) -> str:
    data = {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta or {}, "finish_reason": finish}],
    }
    return f"data: {json.dumps(data)}\n\n"


async def _chat_stream(step: Step, model: str, include_usage: bool) -> AsyncIterator[str]:
    usage = (0, 0)
    if isinstance(step, ToolCall):
        usage = step.usage
        first_id = "" if step.late_id else step.call_id
        yield _chunk(
            model,
            {
                "role": "assistant",
                "tool_calls": [
                    {
                        "index": 0,
                        "id": first_id,
                        "type": "function",
                        "function": {"name": step.name, "arguments": ""},
                    }
                ],
            },
        )
        for i, piece in enumerate(_split(step.arguments, step.pieces)):
            call: dict[str, Any] = {"index": 0, "function": {"arguments": piece}}
            if step.late_id and i == 0:
                call["id"] = step.call_id
            yield _chunk(model, {"tool_calls": [call]})
        yield _chunk(model, {}, "tool_calls")
    elif isinstance(step, Text):
        usage = step.usage
        yield _chunk(model, {"role": "assistant", "content": ""})
        for piece in step.deltas():
            if step.delay:
                await asyncio.sleep(step.delay)
            yield _chunk(model, {"content": piece})
        yield _chunk(model, {}, "stop")
    elif isinstance(step, Timed):
        yield _chunk(model, {"role": "assistant", "content": ""})
        for _ in range(step.deltas):
            await asyncio.sleep(step.interval)
            yield _chunk(model, {"content": _stamp()})
        yield _chunk(model, {}, "stop")
    elif isinstance(step, Cut):
        yield _chunk(model, {"role": "assistant", "content": ""})
        for piece in Text(step.text).deltas():
            yield _chunk(model, {"content": piece})
        await asyncio.sleep(0.05)
        raise _Abort("cut")
    if include_usage:
        data = {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": model,
            "choices": [],
            "usage": {
                "prompt_tokens": usage[0],
                "completion_tokens": usage[1],
                "total_tokens": usage[0] + usage[1],
            },
        }
        yield f"data: {json.dumps(data)}\n\n"
    yield "data: [DONE]\n\n"


# -- Responses API ----------------------------------------------------------------------------


def _response(model: str, status: str, output: list[Any], usage: tuple[int, int] | None) -> Any:
    return {
        "id": "resp_fake",
        "object": "response",
        "created_at": 0,
        "model": model,
        "status": status,
        "output": output,
        "tool_choice": "auto",
        "tools": [],
        "parallel_tool_calls": True,
        "error": None,
        "incomplete_details": None,
        "instructions": None,
        "metadata": {},
        "temperature": None,
        "top_p": None,
        "usage": None
        if usage is None
        else {
            "input_tokens": usage[0],
            "output_tokens": usage[1],
            "total_tokens": usage[0] + usage[1],
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens_details": {"reasoning_tokens": 0},
        },
    }


async def _responses_stream(step: Step, model: str) -> AsyncIterator[str]:
    seq = 0

    def event(kind: str, **data: Any) -> str:
        nonlocal seq
        seq += 1
        return (
            f"event: {kind}\ndata: {json.dumps({'type': kind, 'sequence_number': seq, **data})}\n\n"
        )

    yield event("response.created", response=_response(model, "in_progress", [], None))
    if isinstance(step, ToolCall):
        item = {
            "type": "function_call",
            "id": "fc_fake_1",
            "call_id": step.call_id,
            "name": step.name,
            "arguments": "",
            "status": "in_progress",
        }
        yield event("response.output_item.added", output_index=0, item=item)
        for piece in _split(step.arguments, step.pieces):
            yield event(
                "response.function_call_arguments.delta",
                item_id="fc_fake_1",
                output_index=0,
                delta=piece,
            )
        yield event(
            "response.function_call_arguments.done",
            item_id="fc_fake_1",
            output_index=0,
            name=step.name,
            arguments=step.arguments,
        )
        done = {**item, "arguments": step.arguments, "status": "completed"}
        yield event("response.output_item.done", output_index=0, item=done)
        yield event(
            "response.completed", response=_response(model, "completed", [done], step.usage)
        )
        return
    deltas: list[str]
    if isinstance(step, Text):
        deltas, usage, delay = step.deltas(), step.usage, step.delay
    elif isinstance(step, Cut):
        deltas, usage, delay = Text(step.text).deltas(), (0, 0), 0.0
    else:
        assert isinstance(step, Timed)
        deltas, usage, delay = [""] * step.deltas, (0, 0), step.interval
    message = {
        "type": "message",
        "id": "msg_fake_1",
        "role": "assistant",
        "status": "in_progress",
        "content": [],
    }
    where = {"item_id": "msg_fake_1", "output_index": 0, "content_index": 0}
    part = {"type": "output_text", "text": "", "annotations": []}
    yield event("response.output_item.added", output_index=0, item=message)
    yield event("response.content_part.added", part=part, **where)
    sent: list[str] = []
    for piece in deltas:
        if delay:
            await asyncio.sleep(delay)
        piece = piece or _stamp()
        sent.append(piece)
        yield event("response.output_text.delta", delta=piece, logprobs=[], **where)
    if isinstance(step, Cut):
        await asyncio.sleep(0.05)
        raise _Abort("cut")
    text = "".join(sent)
    yield event("response.output_text.done", text=text, logprobs=[], **where)
    yield event("response.content_part.done", part={**part, "text": text}, **where)
    done = {**message, "status": "completed", "content": [{**part, "text": text}]}
    yield event("response.output_item.done", output_index=0, item=done)
    yield event("response.completed", response=_response(model, "completed", [done], usage))


# -- Serving ----------------------------------------------------------------------------------


@contextmanager
def fake_openai(port: int | None = None) -> Iterator[FakeOpenAI]:
    """Serve a FakeOpenAI on 127.0.0.1 in a background thread; ``fake.url`` ends in ``/v1``."""
    fake = FakeOpenAI()
    port = port or free_port()
    config = uvicorn.Config(
        fake.app(),
        host="127.0.0.1",
        port=port,
        log_level="critical",
        lifespan="off",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("fake OpenAI server did not start")
        time.sleep(0.01)
    fake.url = f"http://127.0.0.1:{port}/v1"
    try:
        yield fake
    finally:
        fake.stopping = True
        server.should_exit = True
        thread.join(timeout=10)


def main() -> None:
    """Serve ``Timed`` replies forever (the latency benchmark's provider)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--deltas", type=int, default=200)
    parser.add_argument("--interval", type=float, default=0.005)
    args = parser.parse_args()
    fake = FakeOpenAI(default=Timed(args.deltas, args.interval))
    uvicorn.run(fake.app(), host="127.0.0.1", port=args.port, log_level="warning", lifespan="off")


if __name__ == "__main__":
    main()
