"""Limits on chat turns: a per-user rate limit and a monthly quota, checked together.

``TurnLimits.admit`` is called before a turn starts; it raises ``LimitExceeded`` (HTTP 429).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from todochat.config import Settings
from todochat.db.engine import Database
from todochat.errors import LimitExceeded, LimitInfo
from todochat.limits.quota import QuotaDecision, QuotaService, Usage
from todochat.limits.rate import RateDecision, RateLimiter

__all__ = [
    "QuotaDecision",
    "QuotaService",
    "RateDecision",
    "RateLimiter",
    "TurnLimits",
    "Usage",
    "build_limits",
]


class TurnLimits:
    """The rate limit first (it costs nothing to refuse), then the monthly quota."""

    def __init__(self, rate: RateLimiter, quota: QuotaService) -> None:
        self.rate = rate
        self.quota = quota

    async def admit(self, user_id: int) -> None:
        """Count a turn for the user, or raise ``LimitExceeded``."""
        await self.admit_rate(user_id)
        await self.quota.consume(user_id)

    async def admit_rate(self, user_id: int) -> None:
        """Count a turn start in the rate window, or raise ``LimitExceeded``."""
        decision = await self.rate.hit(user_id)
        if not decision.allowed:
            usage = await self.quota.usage(user_id)
            raise LimitExceeded(
                LimitInfo(
                    message=(
                        f"Too many messages: at most {decision.limit} per {self.rate.unit}. "
                        f"Try again in {decision.retry_after} seconds."
                    ),
                    current_usage=usage["current_usage"],
                    monthly_limit=usage["monthly_limit"],
                    remaining_quota=usage["remaining_quota"],
                    reset_date=usage["reset_date"],
                    retry_after=decision.retry_after,
                    extra={"kind": "rate", "limit": decision.limit},
                )
            )

    async def close(self) -> None:
        """Release the rate limiter's connections."""
        await self.rate.close()


def build_limits(settings: Settings, db: Database, clock: Callable[[], datetime]) -> TurnLimits:
    """Limits from settings: Redis-backed rate window when ``redis_url`` is set."""
    rate = RateLimiter.from_string(
        settings.rate_limit,
        clock=lambda: clock().timestamp(),
        redis_url=settings.redis_url,
    )
    return TurnLimits(rate, QuotaService(db, settings.monthly_quota, clock))
