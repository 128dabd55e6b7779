"""A minimal HTTP/1.1 client on asyncio streams, so the load generator costs less than the server.

httpx tops out near 280 small requests/s on this machine, below what the server does; this client
sends one request per keep-alive connection at a time and reads chunked SSE bodies as they arrive.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit


class Connection:
    """One keep-alive connection."""

    def __init__(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str
    ) -> None:
        self._reader = reader
        self._writer = writer
        self._host = host

    @classmethod
    async def open(cls, base: str) -> Connection:
        parts = urlsplit(base)
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        return cls(reader, writer, f"{parts.hostname}:{parts.port}")

    async def close(self) -> None:
        self._writer.close()
        await self._writer.wait_closed()

    async def _send(self, method: str, path: str, headers: dict[str, str], body: bytes) -> None:
        head = [f"{method} {path} HTTP/1.1", f"Host: {self._host}", f"Content-Length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in headers.items()]
        self._writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        await self._writer.drain()

    async def _head(self) -> tuple[int, dict[str, str]]:
        status_line = await self._reader.readline()
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        while True:
            line = await self._reader.readline()
            if line in (b"\r\n", b""):
                break
            key, _, value = line.decode().partition(":")
            headers[key.strip().lower()] = value.strip()
        return status, headers

    async def _chunks(self, headers: dict[str, str]) -> AsyncIterator[bytes]:
        if headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await self._reader.readline()).strip(), 16)
                if size == 0:
                    await self._reader.readline()
                    return
                data = await self._reader.readexactly(size)
                await self._reader.readexactly(2)
                yield data
        else:
            yield await self._reader.readexactly(int(headers.get("content-length", "0")))

    async def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        form: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        hdrs = dict(headers or {})
        body = b""
        if json_body is not None:
            body = json.dumps(json_body).encode()
            hdrs["Content-Type"] = "application/json"
        elif form is not None:
            body = form.encode()
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        await self._send(method, path, hdrs, body)
        status, head = await self._head()
        data = b"".join([c async for c in self._chunks(head)])
        return status, data

    async def stream(
        self,
        path: str,
        json_body: Any,
        headers: dict[str, str],
        text_marker: bytes = b'"type":"text"',
    ) -> tuple[float, float, float, int]:
        """POST and read an SSE body to its end (``text_marker`` finds the first text delta
        in the encoding's bytes; the default is encoding A's).

        Returns seconds to the first event, to the first text delta and to the end, and the
        number of events.
        """
        start = time.perf_counter()
        await self._send(
            "POST",
            path,
            {**headers, "Content-Type": "application/json"},
            json.dumps(json_body).encode(),
        )
        status, head = await self._head()
        if status != 200:
            raise RuntimeError(f"stream answered {status}")
        if head.get("transfer-encoding") != "chunked":
            raise RuntimeError("an SSE body is expected to be chunked")
        # Parsed from bulk reads rather than a readline per chunk: the client handles 50
        # streams on one event loop, and its own loop passes would otherwise be counted as
        # the server's latency.
        first = first_text = 0.0
        events = 0
        buf = b""
        while True:
            data = await self._reader.read(65536)
            if not data:
                raise ConnectionError("stream cut before its end")
            buf += data
            while True:
                eol = buf.find(b"\r\n")
                if eol < 0:
                    break
                size = int(buf[:eol], 16)
                end = eol + 2 + size + 2
                if len(buf) < end:
                    break
                if size == 0:
                    return first, first_text, time.perf_counter() - start, events
                if not first:
                    first = time.perf_counter() - start
                if not first_text and buf.find(text_marker, eol + 2, eol + 2 + size) >= 0:
                    first_text = time.perf_counter() - start
                events += buf.count(b"\n\n", eol + 2, eol + 2 + size)
                buf = buf[end:]


async def sign_up(conn: Connection, name: str) -> tuple[int, dict[str, str]]:
    """Register (if needed) and log in; returns user id and auth headers."""
    password = "bench-password"
    await conn.request(
        "POST", "/api/auth/register", json_body={"username": name, "password": password}
    )
    status, body = await conn.request(
        "POST", "/api/auth/token", form=f"username={name}&password={password}"
    )
    if status != 200:
        raise RuntimeError(f"login failed: {status} {body!r}")
    headers = {"Authorization": f"Bearer {json.loads(body)['access_token']}"}
    _, me = await conn.request("GET", "/api/me", headers=headers)
    return int(json.loads(me)["id"]), headers
