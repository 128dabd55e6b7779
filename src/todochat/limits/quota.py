"""QuotaService: chat turns per user per calendar month (UTC), counted in the database.

A turn is taken by one atomic upsert::

    INSERT INTO usage_counters (user_id, period, turns, ...) VALUES (:user, :period, 1, ...)
    ON CONFLICT (user_id, period) DO UPDATE SET turns = usage_counters.turns + 1
        WHERE usage_counters.turns < :limit
    RETURNING turns

No row back means the month is used up. The database serialises the increments (SQLite by
its single writer, PostgreSQL by the row lock the upsert takes), so N concurrent callers with
R turns left get exactly R admissions, whatever the number of workers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypedDict

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from todochat.db.engine import Database
from todochat.db.models import UsageCounter, User
from todochat.db.statements import run
from todochat.errors import LimitExceeded, LimitInfo


class Usage(TypedDict):
    """The body of ``GET /api/usage``."""

    current_usage: int
    monthly_limit: int
    remaining_quota: int
    reset_date: str
    input_tokens: int
    output_tokens: int


@dataclass(frozen=True)
class QuotaDecision:
    """An admitted turn and the figures after it."""

    current_usage: int
    monthly_limit: int
    remaining_quota: int
    reset_date: str


def _utc(now: datetime) -> datetime:
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def period_of(now: datetime) -> str:
    """The ``YYYY-MM`` counter key of an instant (UTC)."""
    return f"{_utc(now):%Y-%m}"


def next_reset(now: datetime) -> datetime:
    """The first instant of the next calendar month, UTC."""
    now = _utc(now)
    year, month = (now.year + 1, 1) if now.month == 12 else (now.year, now.month + 1)
    return datetime(year, month, 1, tzinfo=UTC)


def iso_z(instant: datetime) -> str:
    """ISO 8601 with a ``Z`` suffix."""
    return _utc(instant).isoformat().replace("+00:00", "Z")


_USER_LIMIT = select(User.monthly_quota).where(User.id == bindparam("user_id"))


def _first_turn(user_id: int, period: str) -> dict[str, object]:
    """The counter row a month's first turn inserts."""
    return {
        "user_id": user_id,
        "period": period,
        "turns": 1,
        "input_tokens": 0,
        "output_tokens": 0,
    }


class QuotaService:
    """Monthly turn quota; ``users.monthly_quota`` overrides ``default_limit`` per user."""

    def __init__(self, db: Database, default_limit: int, clock: Callable[[], datetime]) -> None:
        self._db = db
        self.default_limit = default_limit
        self._clock = clock
        # Every turn takes one unit: prepared once for the database (todochat.db.statements).
        count = db.upsert(UsageCounter)
        self._count_turn = count.on_conflict_do_update(
            index_elements=[UsageCounter.user_id, UsageCounter.period],
            set_={"turns": UsageCounter.turns + 1},
        ).returning(UsageCounter.turns)
        self._count_turn_within = count.on_conflict_do_update(
            index_elements=[UsageCounter.user_id, UsageCounter.period],
            set_={"turns": UsageCounter.turns + 1},
            where=UsageCounter.turns < bindparam("limit"),
        ).returning(UsageCounter.turns)

    async def _limit(self, session: AsyncSession, user_id: int) -> int:
        override = (await run(session, _USER_LIMIT, {"user_id": user_id})).scalar()
        return self.default_limit if override is None else int(override)

    async def _counter(
        self, session: AsyncSession, user_id: int, period: str
    ) -> UsageCounter | None:
        result = await session.execute(
            select(UsageCounter).where(
                UsageCounter.user_id == user_id, UsageCounter.period == period
            )
        )
        return result.scalar_one_or_none()

    async def consume(self, user_id: int) -> QuotaDecision:
        """Take one turn of this month's quota, or raise ``LimitExceeded``."""
        async with self._db.session() as session:
            decision = await self.consume_in(session, user_id)
            await session.commit()
            return decision

    async def consume_in(self, session: AsyncSession, user_id: int) -> QuotaDecision:
        """``consume`` inside the caller's transaction: the unit is taken only if it commits."""
        now = self._clock()
        period = period_of(now)
        reset = next_reset(now)
        limit = await self._limit(session, user_id)
        turns: int | None = None
        if limit < 0:
            # Unlimited (``todochat user quota NAME unlimited``): counted, never refused.
            first = _first_turn(user_id, period)
            used = (await run(session, self._count_turn, first)).scalar_one()
            return QuotaDecision(
                current_usage=used, monthly_limit=-1, remaining_quota=-1, reset_date=iso_z(reset)
            )
        if limit > 0:
            first = _first_turn(user_id, period) | {"limit": limit}
            turns = (await run(session, self._count_turn_within, first)).scalar_one_or_none()
        if turns is None:
            counter = await self._counter(session, user_id, period)
            used = counter.turns if counter is not None else 0
            raise LimitExceeded(
                LimitInfo(
                    message=(
                        f"You've used all {limit} chat turns for this month; "
                        f"the quota resets on {reset:%b} {reset.day}, {reset.year}."
                    ),
                    current_usage=used,
                    monthly_limit=limit,
                    remaining_quota=0,
                    reset_date=iso_z(reset),
                    retry_after=max(1, math.ceil((reset - _utc(now)).total_seconds())),
                    extra={"kind": "quota"},
                )
            )
        return QuotaDecision(
            current_usage=turns,
            monthly_limit=limit,
            remaining_quota=max(0, limit - turns),
            reset_date=iso_z(reset),
        )

    async def refund(self, user_id: int) -> None:
        """Give back one turn of this month (the run never started)."""
        period = period_of(self._clock())
        async with self._db.session() as session:
            await session.execute(
                update(UsageCounter)
                .where(
                    UsageCounter.user_id == user_id,
                    UsageCounter.period == period,
                    UsageCounter.turns > 0,
                )
                .values(turns=UsageCounter.turns - 1)
            )
            await session.commit()

    async def add_tokens(self, user_id: int, input_tokens: int, output_tokens: int) -> None:
        """Add a run's token usage to this month's counter."""
        async with self._db.session() as session:
            await self.add_tokens_in(session, user_id, input_tokens, output_tokens)
            await session.commit()

    async def add_tokens_in(
        self, session: AsyncSession, user_id: int, input_tokens: int, output_tokens: int
    ) -> None:
        """``add_tokens`` inside the caller's transaction."""
        stmt = self._db.upsert(UsageCounter).values(
            user_id=user_id,
            period=period_of(self._clock()),
            turns=0,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
        )
        await session.execute(
            stmt.on_conflict_do_update(
                index_elements=[UsageCounter.user_id, UsageCounter.period],
                set_={
                    "input_tokens": UsageCounter.input_tokens + input_tokens,
                    "output_tokens": UsageCounter.output_tokens + output_tokens,
                },
            )
        )

    async def usage(self, user_id: int) -> Usage:
        """This month's figures for the user."""
        now = self._clock()
        async with self._db.session() as session:
            limit = await self._limit(session, user_id)
            counter = await self._counter(session, user_id, period_of(now))
            await session.commit()
        turns = counter.turns if counter is not None else 0
        return Usage(
            current_usage=turns,
            monthly_limit=limit,
            # -1 and -1: unlimited (counted, never refused).
            remaining_quota=-1 if limit < 0 else max(0, limit - turns),
            reset_date=iso_z(next_reset(now)),
            input_tokens=counter.input_tokens if counter is not None else 0,
            output_tokens=counter.output_tokens if counter is not None else 0,
        )
