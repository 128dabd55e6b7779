"""Turn limits: the monthly quota on SQLite and PostgreSQL, the sliding window in memory and Redis.

Time is moved by the tests (settable clocks), never slept through.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import UTC, datetime
from typing import Any

import pytest
from redis.asyncio import Redis

from tests.conftest import REDIS_URL, RUN_ID, Clock, make_settings, need
from todochat.db.engine import Database
from todochat.db.models import UsageCounter, User
from todochat.errors import InvalidInput, LimitExceeded, NotFound
from todochat.limits import QuotaService, RateLimiter, build_limits
from todochat.limits.admin import set_user_quota

NOV_21 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


async def make_user(db: Database, quota: int | None = None) -> int:
    async with db.session() as session:
        user = User(username=f"u_{uuid.uuid4().hex[:10]}", password_hash="x", monthly_quota=quota)
        session.add(user)
        await session.commit()
        return user.id


async def username_of(db: Database, user_id: int) -> str:
    async with db.session() as session:
        user = await session.get(User, user_id)
        assert user is not None
        return user.username


async def outcomes(calls: list[Coroutine[Any, Any, object]]) -> tuple[int, int]:
    """(admitted, refused) of concurrent consume() calls; any other error fails the test."""
    results = await asyncio.gather(*calls, return_exceptions=True)
    refused = [r for r in results if isinstance(r, LimitExceeded)]
    errors = [r for r in results if isinstance(r, BaseException) and r not in refused]
    assert not errors, errors
    return len(results) - len(refused), len(refused)


# --- monthly quota ---------------------------------------------------------------------------


async def test_quota_admits_exactly_the_remaining_under_50_concurrent_calls(db: Database) -> None:
    quota = QuotaService(db, default_limit=20, clock=Clock(NOV_21))
    user = await make_user(db)
    for _ in range(5):
        await quota.consume(user)

    admitted, refused = await outcomes([quota.consume(user) for _ in range(50)])

    assert (admitted, refused) == (15, 35)
    usage = await quota.usage(user)
    assert usage["current_usage"] == 20
    assert usage["remaining_quota"] == 0


async def test_quota_first_turns_of_the_month_race_on_the_insert(db: Database) -> None:
    # No counter row yet: 50 callers race to create it, and still exactly 7 get in.
    quota = QuotaService(db, default_limit=7, clock=Clock(NOV_21))
    user = await make_user(db)
    other = await make_user(db)

    admitted, refused = await outcomes(
        [quota.consume(user) for _ in range(50)] + [quota.consume(other) for _ in range(3)]
    )

    assert (admitted, refused) == (7 + 3, 43)
    assert (await quota.usage(user))["current_usage"] == 7
    assert (await quota.usage(other))["current_usage"] == 3


async def test_quota_refusal_payload(db: Database) -> None:
    quota = QuotaService(db, default_limit=2, clock=Clock(NOV_21))
    user = await make_user(db)
    first = await quota.consume(user)
    assert (first.current_usage, first.monthly_limit, first.remaining_quota) == (1, 2, 1)
    assert first.reset_date == "2026-12-01T00:00:00Z"
    await quota.consume(user)

    with pytest.raises(LimitExceeded) as caught:
        await quota.consume(user)

    info = caught.value.info
    assert info.message == (
        "You've used all 2 chat turns for this month; the quota resets on Dec 1, 2026."
    )
    assert info.payload() == {
        "message": info.message,
        "current_usage": 2,
        "monthly_limit": 2,
        "remaining_quota": 0,
        "reset_date": "2026-12-01T00:00:00Z",
    }
    assert info.retry_after == 9 * 86400 + 12 * 3600


async def test_per_user_override_and_admin_command(db: Database) -> None:
    quota = QuotaService(db, default_limit=200, clock=Clock(NOV_21))
    user = await make_user(db, quota=3)
    for _ in range(3):
        await quota.consume(user)
    with pytest.raises(LimitExceeded) as caught:
        await quota.consume(user)
    assert caught.value.info.monthly_limit == 3

    name = await username_of(db, user)
    await set_user_quota(db, name, 5)
    await quota.consume(user)
    await quota.consume(user)
    with pytest.raises(LimitExceeded):
        await quota.consume(user)

    await set_user_quota(db, name, None)
    usage = await quota.usage(user)
    assert (usage["current_usage"], usage["monthly_limit"], usage["remaining_quota"]) == (
        5,
        200,
        195,
    )

    await set_user_quota(db, name, 0)
    with pytest.raises(LimitExceeded):
        await quota.consume(user)
    assert (await quota.usage(user))["current_usage"] == 5

    with pytest.raises(NotFound):
        await set_user_quota(db, "nobody_" + uuid.uuid4().hex[:6], 3)
    # -1: unlimited, counted but never refused (`todochat user quota NAME unlimited`).
    await set_user_quota(db, name, -1)
    for _ in range(3):
        await quota.consume(user)
    usage = await quota.usage(user)
    assert (usage["current_usage"], usage["monthly_limit"], usage["remaining_quota"]) == (8, -1, -1)
    with pytest.raises(InvalidInput):
        await set_user_quota(db, name, -2)


async def test_month_rollover(db: Database) -> None:
    clock = Clock(datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC))
    quota = QuotaService(db, default_limit=2, clock=clock)
    user = await make_user(db)
    await quota.consume(user)
    await quota.consume(user)
    with pytest.raises(LimitExceeded) as caught:
        await quota.consume(user)
    assert caught.value.info.reset_date == "2027-01-01T00:00:00Z"
    assert caught.value.info.retry_after == 1
    assert "resets on Jan 1, 2027." in caught.value.info.message

    clock.now = datetime(2027, 1, 1, 0, 0, tzinfo=UTC)
    decision = await quota.consume(user)
    assert (decision.current_usage, decision.remaining_quota) == (1, 1)
    assert decision.reset_date == "2027-02-01T00:00:00Z"

    async with db.session() as session:
        rows = (
            await session.execute(
                UsageCounter.__table__.select().where(UsageCounter.user_id == user)
            )
        ).all()
    assert sorted((r.period, r.turns) for r in rows) == [("2026-12", 2), ("2027-01", 1)]


async def test_tokens_and_refund(db: Database) -> None:
    clock = Clock(NOV_21)
    quota = QuotaService(db, default_limit=1, clock=clock)
    user = await make_user(db)

    await quota.add_tokens(user, 10, 4)  # creates the counter with no turn taken
    await quota.consume(user)
    await quota.add_tokens(user, 5, 6)
    assert await quota.usage(user) == {
        "current_usage": 1,
        "monthly_limit": 1,
        "remaining_quota": 0,
        "reset_date": "2026-12-01T00:00:00Z",
        "input_tokens": 15,
        "output_tokens": 10,
    }

    await quota.refund(user)
    assert (await quota.usage(user))["current_usage"] == 0
    await quota.refund(user)  # never below zero
    assert (await quota.usage(user))["current_usage"] == 0
    await quota.consume(user)


# --- sliding window ------------------------------------------------------------------------


class Seconds:
    """A settable float clock."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


MakeLimiter = Callable[[int, float, Seconds], RateLimiter]


@pytest.fixture(params=["memory", "redis"])
async def limiter_factory(request: pytest.FixtureRequest) -> AsyncIterator[MakeLimiter]:
    """Builds limiters on one backend; Redis keys live under a per-test prefix, deleted after."""
    backend = request.param
    if backend == "redis":
        need("Redis", REDIS_URL is not None)
    prefix = f"todochat-test:{RUN_ID}:{uuid.uuid4().hex[:8]}:"
    made: list[RateLimiter] = []

    def make(limit: int, window: float, clock: Seconds) -> RateLimiter:
        limiter = RateLimiter(
            limit,
            window,
            clock=clock,
            redis_url=REDIS_URL if backend == "redis" else None,
            key_prefix=prefix,
        )
        made.append(limiter)
        return limiter

    yield make
    for limiter in made:
        await limiter.close()
    if backend == "redis":
        assert REDIS_URL is not None
        redis = Redis.from_url(REDIS_URL)
        try:
            keys = [key async for key in redis.scan_iter(match=prefix + "*")]
            if keys:
                await redis.delete(*keys)
        finally:
            await redis.aclose()


async def test_window_edges(limiter_factory: MakeLimiter) -> None:
    clock = Seconds()
    t0 = clock.now
    limiter = limiter_factory(3, 10, clock)

    for offset in (0, 1, 2):
        clock.now = t0 + offset
        decision = await limiter.hit(1)
        assert decision.allowed
        assert decision.remaining == 2 - offset
    clock.now = t0 + 3
    refused = await limiter.hit(1)
    assert (refused.allowed, refused.retry_after, refused.remaining, refused.limit) == (
        False,
        7,
        0,
        3,
    )
    assert (await limiter.hit(2)).allowed  # other users have their own window
    clock.now = t0 + 9.5
    assert not (await limiter.hit(1)).allowed
    clock.now = t0 + 10  # the hit at t0 leaves the window (now - 10, now]
    assert (await limiter.hit(1)).allowed
    assert not (await limiter.hit(1)).allowed
    clock.now = t0 + 11
    assert (await limiter.hit(1)).allowed


async def test_admits_exactly_n_in_any_window(
    limiter_factory: MakeLimiter,
) -> None:
    limit, window = 5, 60.0
    clock = Seconds()
    limiter = limiter_factory(limit, window, clock)
    rng = random.Random(1234)
    allowed: list[float] = []
    t = clock.now
    for _ in range(300):
        t += rng.choice([0.0, 0.25, 0.5, 1.0, 4.0, 15.0, 30.0])
        clock.now = t
        decision = await limiter.hit(7)
        in_window = [a for a in allowed if t - window < a <= t]
        # Admitted exactly when fewer than `limit` admissions lie in the window ending now.
        assert decision.allowed == (len(in_window) < limit), (t, in_window)
        if decision.allowed:
            allowed.append(t)
        else:
            assert decision.retry_after >= 1
            assert min(in_window) + window - t <= decision.retry_after
    # Never more than `limit` in any window, and the window was filled many times.
    for start in allowed:
        assert sum(1 for a in allowed if start <= a < start + window) <= limit
    assert len(allowed) > 3 * limit


async def test_concurrent_hits_at_one_instant(
    limiter_factory: MakeLimiter,
) -> None:
    limiter = limiter_factory(10, 60, Seconds())
    decisions = await asyncio.gather(*(limiter.hit(3) for _ in range(50)))
    assert sum(d.allowed for d in decisions) == 10


def test_rate_string_is_parsed_by_limits() -> None:
    limiter = RateLimiter.from_string("10/minute", clock=Seconds())
    assert (limiter.limit, limiter.window, limiter.unit) == (10, 60.0, "minute")
    limiter = RateLimiter.from_string("100/2 hours", clock=Seconds())
    assert (limiter.limit, limiter.window, limiter.unit) == (100, 7200.0, "2 hours")


# --- both together -------------------------------------------------------------------------


async def test_turn_limits_rate_refusal_carries_quota_figures(db: Database) -> None:
    clock = Clock(NOV_21)
    settings = make_settings(db.url, rate_limit="2/minute", monthly_quota=50)
    limits = build_limits(settings, db, clock)
    user = await make_user(db)
    await limits.admit(user)
    await limits.admit(user)

    with pytest.raises(LimitExceeded) as caught:
        await limits.admit(user)
    info = caught.value.info
    assert info.message == "Too many messages: at most 2 per minute. Try again in 60 seconds."
    assert (info.current_usage, info.monthly_limit, info.remaining_quota) == (2, 50, 48)
    assert info.reset_date == "2026-12-01T00:00:00Z"
    assert info.retry_after == 60

    clock.now = datetime(2026, 11, 21, 12, 0, 45, tzinfo=UTC)
    with pytest.raises(LimitExceeded) as caught:
        await limits.admit(user)
    assert caught.value.info.message.endswith("Try again in 15 seconds.")
    clock.now = datetime(2026, 11, 21, 12, 1, tzinfo=UTC)
    await limits.admit(user)
    assert (await limits.quota.usage(user))["current_usage"] == 3
    await limits.close()


async def test_turn_limits_quota_refusal_after_rate(db: Database) -> None:
    clock = Clock(NOV_21)
    settings = make_settings(db.url, rate_limit="100/minute", monthly_quota=1)
    limits = build_limits(settings, db, clock)
    user = await make_user(db)
    await limits.admit(user)
    with pytest.raises(LimitExceeded) as caught:
        await limits.admit(user)
    assert caught.value.info.message.startswith("You've used all 1 chat turns")
    await limits.close()
