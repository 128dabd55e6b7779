"""RateLimiter: a sliding-window log of turn starts per user (memory or Redis).

Why not ``limits.aio.strategies``: every storage of the ``limits`` library reads
``time.time()`` itself, so a test can only move its window by sleeping. A sliding-window log
is a few lines, takes an injected ``clock``, and admits exactly ``limit`` hits in any window
of ``window`` seconds (no approximation, unlike a sliding-window counter). The ``limits``
library is still the parser of the ``"10/minute"`` setting (``limits.parse``).

* memory: a deque of admitted timestamps per user; right for one worker process.
* Redis: a sorted set per user (score = timestamp), trimmed, counted and appended by one Lua
  script, so concurrent workers share the window atomically. Timestamps come from the
  injected clock, not Redis' own, so tests control both backends the same way.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import limits
from redis.asyncio import Redis


@dataclass(frozen=True)
class RateDecision:
    """One hit's outcome; ``retry_after`` is whole seconds until a slot frees (0 if allowed)."""

    allowed: bool
    retry_after: int
    limit: int
    remaining: int


class _Log(Protocol):
    async def hit(self, key: str, now: float, limit: int, window: float) -> tuple[bool, int, float]:
        """Admit if fewer than ``limit`` hits in ``(now - window, now]``.

        Returns (allowed, hits in the window after this call, oldest hit in the window).
        """

    async def close(self) -> None:
        """Release connections."""


class _MemoryLog:
    """Hits per key, keys ordered by their latest hit, so keys whose hits have all left the
    window are dropped from the front as time passes: a key per failed username must not stay
    for good. ``max_keys`` bounds the memory even within one window."""

    def __init__(self, max_keys: int = 100_000) -> None:
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._max_keys = max_keys
        self._lock = asyncio.Lock()

    def __len__(self) -> int:
        return len(self._hits)

    def _prune(self, now: float, window: float) -> None:
        while self._hits:
            key, log = next(iter(self._hits.items()))
            if log and log[-1] > now - window and len(self._hits) <= self._max_keys:
                return
            del self._hits[key]

    async def hit(self, key: str, now: float, limit: int, window: float) -> tuple[bool, int, float]:
        async with self._lock:
            self._prune(now, window)
            log = self._hits.get(key)
            if log is None:
                log = deque()
            while log and log[0] <= now - window:
                log.popleft()
            allowed = len(log) < limit
            if allowed:
                log.append(now)
                self._hits[key] = log
                self._hits.move_to_end(key)
            count = len(log)
            oldest = log[0] if log else now
            if not log:
                self._hits.pop(key, None)
            return allowed, count, oldest

    async def close(self) -> None:
        self._hits.clear()


# KEYS[1] the user's sorted set; ARGV: now, window, limit, unique member.
# Scores go back as strings: Lua numbers returned to Redis are truncated to integers.
_SCRIPT = """
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local allowed = 0
if count < limit then
  redis.call('ZADD', key, now, ARGV[4])
  count = count + 1
  allowed = 1
end
redis.call('PEXPIRE', key, math.ceil(window * 1000))
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {allowed, count, oldest[2] or ARGV[1]}
"""


class _RedisLog:
    def __init__(self, url: str, prefix: str) -> None:
        self._redis: Redis = Redis.from_url(url)
        self._prefix = prefix
        self._script = self._redis.register_script(_SCRIPT)
        self._ids = itertools.count()
        self._node = uuid.uuid4().hex[:12]

    async def hit(self, key: str, now: float, limit: int, window: float) -> tuple[bool, int, float]:
        member = f"{now!r}:{self._node}:{next(self._ids)}"
        result = await self._script(
            keys=[self._prefix + key], args=[repr(now), repr(float(window)), limit, member]
        )
        allowed, count, oldest = result
        return bool(int(allowed)), int(count), float(oldest)

    async def close(self) -> None:
        await self._redis.aclose()


class RateLimiter:
    """At most ``limit`` turn starts per user in any ``window`` seconds."""

    def __init__(
        self,
        limit: int,
        window: float,
        *,
        clock: Callable[[], float],
        redis_url: str | None = None,
        key_prefix: str = "todochat:rate:",
        unit: str | None = None,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("a rate limit needs limit >= 1 and window > 0")
        self.limit = limit
        self.window = float(window)
        self.unit = unit or f"{window:g} seconds"
        self._clock = clock
        self._log: _Log = _RedisLog(redis_url, key_prefix) if redis_url else _MemoryLog()

    @classmethod
    def from_string(
        cls,
        spec: str,
        *,
        clock: Callable[[], float],
        redis_url: str | None = None,
        key_prefix: str = "todochat:rate:",
    ) -> RateLimiter:
        """A limiter from a ``limits`` rate string such as ``"10/minute"`` or ``"100/2 hours"``."""
        item = limits.parse(spec)
        name = item.GRANULARITY.name
        unit = name if item.multiples == 1 else f"{item.multiples} {name}s"
        return cls(
            item.amount,
            item.get_expiry(),
            clock=clock,
            redis_url=redis_url,
            key_prefix=key_prefix,
            unit=unit,
        )

    async def hit(self, key: int | str) -> RateDecision:
        """Count one event for ``key`` (a user id, or any name) if the window has room."""
        return await self._hit(key, self.limit)

    async def peek(self, key: int | str) -> RateDecision:
        """Whether ``key`` has room now, without counting anything."""
        decision = await self._hit(key, 0)
        return RateDecision(
            allowed=decision.remaining > 0,
            retry_after=decision.retry_after,
            limit=self.limit,
            remaining=decision.remaining,
        )

    async def _hit(self, key: int | str, limit: int) -> RateDecision:
        # A limit of 0 admits nothing and adds nothing: both logs then only report the count.
        now = self._clock()
        allowed, count, oldest = await self._log.hit(str(key), now, limit, self.window)
        full = not allowed and count >= self.limit
        retry_after = max(1, math.ceil(oldest + self.window - now)) if full else 0
        return RateDecision(
            allowed=allowed,
            retry_after=retry_after,
            limit=self.limit,
            remaining=max(0, self.limit - count),
        )

    def tracked(self) -> int | None:
        """How many keys the in-memory storage holds (None with Redis, which expires them)."""
        return len(self._log) if isinstance(self._log, _MemoryLog) else None

    async def close(self) -> None:
        """Release the storage's connections."""
        await self._log.close()
