"""A real uvicorn server on 127.0.0.1 in a background thread, for end-to-end and browser tests.

The app is built by the test (settings, and optionally a model factory: the one true seam), then
served by uvicorn exactly as `todochat serve` does, on its own event loop.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn
from agents import Model

from todochat.agent.context import TurnContext
from todochat.app import create_app
from todochat.config import Settings
from todochat.runtime import Runtime


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    """A running server and what a test needs to reach into it."""

    url: str
    runtime: Runtime
    thread: threading.Thread
    server: uvicorn.Server


@contextmanager
def live_server(
    settings: Settings,
    model_factory: Callable[[TurnContext], Model] | None = None,
    port: int | None = None,
) -> Iterator[LiveServer]:
    """Serve ``create_app(settings)`` on 127.0.0.1 until the block ends."""
    runtime = Runtime.build(settings)
    if model_factory is not None:
        runtime.runs.model_factory = model_factory
    app = create_app(settings, runtime=runtime)
    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)

    loops: list[asyncio.AbstractEventLoop] = []

    async def main() -> None:
        loops.append(asyncio.get_running_loop())
        await server.serve()

    def serve() -> None:
        asyncio.run(main())

    thread = threading.Thread(target=serve, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", runtime, thread, server)
    finally:
        # What SIGTERM does for `todochat serve`: open live feed streams end first.
        if loops and not loops[0].is_closed():
            loops[0].call_soon_threadsafe(runtime.feed.end_streams)
        server.should_exit = True
        thread.join(timeout=30)
