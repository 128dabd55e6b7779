"""A TCP proxy on loopback that cuts the first chat stream mid-reply, as a flaky network would.

It runs its own event loop in a thread, so synchronous tests (tmux) and async ones use it alike.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class CuttingProxy:
    """Forwards everything to ``upstream``; the first response to a request whose bytes hold
    ``marker`` is cut after ``after`` bytes (the connection closes, as a dropped one does)."""

    def __init__(self, upstream: str, *, marker: bytes = b"/chat/stream", after: int = 1200):
        host, port = upstream.removeprefix("http://").rstrip("/").split(":")
        self._upstream = host, int(port)
        self._marker = marker
        self._after = after
        self.cut = False
        self.connections = 0
        self.url = ""

    async def _handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        self.connections += 1
        upstream_r, upstream_w = await asyncio.open_connection(*self._upstream)
        armed = False

        async def requests() -> None:
            nonlocal armed
            while data := await client_r.read(4096):
                # The first turn's stream is the one cut (keep-alive may carry others before).
                if self._marker in data and not self.cut:
                    armed = True
                upstream_w.write(data)
                await upstream_w.drain()
            upstream_w.close()

        async def responses() -> None:
            sent = 0
            while data := await upstream_r.read(4096):
                if armed:
                    if sent + len(data) > self._after:
                        client_w.write(data[: self._after - sent])
                        await client_w.drain()
                        self.cut = True
                        break
                    sent += len(data)
                client_w.write(data)
                await client_w.drain()
            client_w.close()
            upstream_w.close()

        await asyncio.gather(requests(), responses(), return_exceptions=True)


@contextmanager
def cutting_proxy(upstream: str, **options: object) -> Iterator[CuttingProxy]:
    """A running ``CuttingProxy`` in front of ``upstream`` (its ``url`` is set)."""
    proxy = CuttingProxy(upstream, **options)  # type: ignore[arg-type]
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    stop: asyncio.Event | None = None

    async def serve() -> None:
        nonlocal stop
        stop = asyncio.Event()
        server = await asyncio.start_server(proxy._handle, "127.0.0.1", 0)
        proxy.url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
        ready.set()
        await stop.wait()
        server.close()
        # Connections still open end with the proxy, quietly.
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), daemon=True)
    thread.start()
    assert ready.wait(10), "the proxy did not start"
    try:
        yield proxy
    finally:
        assert stop is not None
        loop.call_soon_threadsafe(stop.set)
        thread.join(10)
        loop.close()
