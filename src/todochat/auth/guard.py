"""LoginGuard: refuses sign-in after repeated failures, per username and per client address."""

from __future__ import annotations

from todochat.errors import TooManyAttempts
from todochat.limits.rate import RateLimiter


class LoginGuard:
    """Counts failed sign-ins only, so people who type their password right are never slowed."""

    def __init__(self, failures: RateLimiter) -> None:
        self._failures = failures

    @staticmethod
    def _keys(username: str, address: str) -> tuple[str, str]:
        return f"user:{username.lower()}", f"addr:{address}"

    async def check(self, username: str, address: str) -> None:
        """Raise TooManyAttempts while either key has used up its failures."""
        for key in self._keys(username, address):
            decision = await self._failures.peek(key)
            if not decision.allowed:
                raise TooManyAttempts(decision.retry_after)

    async def failed(self, username: str, address: str) -> None:
        """Record a failed attempt against both keys."""
        for key in self._keys(username, address):
            await self._failures.hit(key)

    def tracked(self) -> int | None:
        """How many usernames and addresses are being counted in memory (None with Redis)."""
        return self._failures.tracked()

    async def close(self) -> None:
        """Release the limiter's connections."""
        await self._failures.close()
