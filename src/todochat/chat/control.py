"""RunControl: what one process asks of the runs of another — Stop, and noticing it died.

With one process (no Redis) every run is local: a Stop reaches it directly and nothing else can
die while it keeps running. With several workers or hosts, ``RedisRunControl``:

- **Stop from any worker.** The first Stop of a run claims ``<prefix>stop:<run_id>`` (SET NX,
  so exactly one request reports ``cancelled: true``) and is published on
  ``<prefix>stop``; every worker listens, and the one that runs it cancels it exactly as a
  local Stop does (``cancelled`` event, partial reply kept, no half tool call).
- **Leases.** A worker holds ``<prefix>lease:<run_id>`` (a key with a TTL) for each of its runs
  and renews them every third of the lease. Every worker looks for runs the database says are
  answering whose lease is gone; one seen without a lease twice in a row (half a lease apart,
  so a run whose lease is being taken right now is never mistaken) belonged to a worker that
  died. Its turn is closed as failed with the user's message kept and an ``error`` event ends
  every stream, so a dead worker holds no turn past about two lease periods.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Iterable
from typing import Protocol

from redis.asyncio import Redis
from redis.asyncio.client import PubSub

log = logging.getLogger("todochat.control")

# What a worker that finds a dead worker's run asks of its own RunManager.
Cancel = Callable[[str, str], bool]
LiveRuns = Callable[[], Iterable[str]]
Orphans = Callable[[], Awaitable[list[str]]]
Reap = Callable[[str], Awaitable[None]]


class RunControl(Protocol):
    """Cross-process control of runs; a no-op for one process."""

    # Whether other processes may run this deployment's turns.
    shared: bool

    async def start(self, cancel: Cancel, live: LiveRuns, orphans: Orphans, reap: Reap) -> None:
        """Begin listening for Stops, renewing leases and looking for dead workers' runs."""

    async def claim_stop(self, run_id: str, reason: str) -> bool:
        """Record the first Stop of a run; False when one was already asked for."""

    async def stop_elsewhere(self, run_id: str, reason: str) -> None:
        """Ask whichever process runs ``run_id`` to stop it."""

    async def hold(self, run_id: str) -> None:
        """Take the lease of a run this process starts."""

    async def release(self, run_id: str) -> None:
        """Give up the lease of a run that has ended here."""

    async def ready(self) -> bool:
        """Whether the shared services can be reached."""

    async def close(self) -> None:
        """Stop the background work and release resources."""


class LocalRunControl:
    """One process: every run is local, so there is nothing to tell anyone."""

    shared = False

    async def start(self, cancel: Cancel, live: LiveRuns, orphans: Orphans, reap: Reap) -> None:
        return None

    async def claim_stop(self, run_id: str, reason: str) -> bool:
        return True

    async def stop_elsewhere(self, run_id: str, reason: str) -> None:
        return None

    async def hold(self, run_id: str) -> None:
        return None

    async def release(self, run_id: str) -> None:
        return None

    async def ready(self) -> bool:
        return True

    async def close(self) -> None:
        return None


def worker_name() -> str:
    """This process, as lease values and logs name it."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class RedisRunControl:
    """Run control through Redis: pub/sub for Stop, keys with a TTL for leases."""

    shared = True

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "todochat:",
        lease_seconds: float = 6.0,
        stop_ttl_seconds: float = 3600.0,
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._lease_ms = max(100, int(lease_seconds * 1000))
        self._stop_ttl = max(1, int(stop_ttl_seconds))
        self._channel = f"{prefix}stop"
        self.worker = worker_name()
        self._tasks: list[asyncio.Task[None]] = []
        self._held: set[str] = set()
        self._suspects: set[str] = set()
        self._pending: set[asyncio.Task[None]] = set()

    def _lease(self, run_id: str) -> str:
        return f"{self._prefix}lease:{run_id}"

    async def start(self, cancel: Cancel, live: LiveRuns, orphans: Orphans, reap: Reap) -> None:
        pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
        await pubsub.subscribe(self._channel)
        self._tasks = [
            asyncio.create_task(self._listen(pubsub, cancel), name="todochat-stop-listener"),
            asyncio.create_task(self._renew(live), name="todochat-lease-renewal"),
            asyncio.create_task(self._watch(orphans, reap), name="todochat-lease-watch"),
        ]

    async def claim_stop(self, run_id: str, reason: str) -> bool:
        first = await self._redis.set(
            f"{self._prefix}stop:{run_id}", reason, nx=True, ex=self._stop_ttl
        )
        return bool(first)

    async def stop_elsewhere(self, run_id: str, reason: str) -> None:
        await self._redis.publish(self._channel, f"{run_id}\n{reason}")

    async def hold(self, run_id: str) -> None:
        # Taken in the background, off the turn's path to its first event: a run counts as
        # abandoned only when seen without a lease twice, half a lease apart.
        self._held.add(run_id)
        self._background(self._redis.set(self._lease(run_id), self.worker, px=self._lease_ms))

    async def release(self, run_id: str) -> None:
        self._held.discard(run_id)
        self._background(self._redis.delete(self._lease(run_id)))

    def _background(self, work: Awaitable[object]) -> None:
        async def run() -> None:
            try:
                await work
            except Exception:
                log.warning("a lease update failed; renewal or expiry settles it", exc_info=True)

        task = asyncio.create_task(run())
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def ready(self) -> bool:
        try:
            return bool(await asyncio.wait_for(self._redis.ping(), 2.0))
        except Exception:
            return False

    async def close(self) -> None:
        if self._pending:
            await asyncio.wait(self._pending, timeout=2.0)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []
        await self._redis.aclose()

    async def _listen(self, pubsub: PubSub, cancel: Cancel) -> None:
        while True:
            try:
                async for message in pubsub.listen():
                    data = message.get("data")
                    text = data.decode() if isinstance(data, bytes) else str(data)
                    run_id, _, reason = text.partition("\n")
                    cancel(run_id, reason or "requested")
            except asyncio.CancelledError:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]
                raise
            except Exception:
                log.warning("lost the Stop channel; listening again", exc_info=True)
                await asyncio.sleep(0.5)
                with contextlib.suppress(Exception):
                    await pubsub.subscribe(self._channel)

    async def _renew(self, live: LiveRuns) -> None:
        every = self._lease_ms / 3000
        while True:
            await asyncio.sleep(every)
            runs = set(live()) | self._held
            if not runs:
                continue
            try:
                async with self._redis.pipeline(transaction=False) as pipe:
                    for run_id in runs:
                        pipe.set(self._lease(run_id), self.worker, px=self._lease_ms)
                    await pipe.execute()
            except Exception:
                log.warning("could not renew %d lease(s)", len(runs), exc_info=True)

    async def _watch(self, orphans: Orphans, reap: Reap) -> None:
        every = self._lease_ms / 2000
        while True:
            await asyncio.sleep(every)
            try:
                await self.sweep(orphans, reap)
            except Exception:
                log.warning("looking for runs of stopped workers failed", exc_info=True)

    async def sweep(self, orphans: Orphans, reap: Reap) -> list[str]:
        """One look for runs without a lease; those seen twice in a row are reaped."""
        running = [r for r in await orphans() if r not in self._held]
        if not running:
            self._suspects = set()
            return []
        async with self._redis.pipeline(transaction=False) as pipe:
            for run_id in running:
                pipe.exists(self._lease(run_id))
            leased = await pipe.execute()
        unleased = {r for r, held in zip(running, leased, strict=True) if not held}
        gone = sorted(unleased & self._suspects)
        self._suspects = unleased - set(gone)
        for run_id in gone:
            log.warning("run %s lost its worker; closing it", run_id)
            await reap(run_id)
        return gone
