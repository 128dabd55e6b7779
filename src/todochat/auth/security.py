"""Password hashing (argon2) and JWT access tokens (PyJWT)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, timedelta

import anyio.to_thread
import argon2
import jwt

from todochat.db.types import utcnow
from todochat.errors import AuthenticationFailed

# A token's subject is a user id, and ids are 32-bit on PostgreSQL: a larger number names nobody
# (and would overflow the database's integer on lookup).
MAX_USER_ID = 2**31 - 1
# Tokens whose signature check is remembered (see TokenCodec._check_signed).
SIGNED_TOKENS_KEPT = 8192


class PasswordHasher:
    """argon2id hashing, run off the event loop because each hash takes tens of milliseconds."""

    def __init__(self, *, time_cost: int = 3, memory_kib: int = 65536) -> None:
        self._hasher = argon2.PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)
        # Verifying against this when the user does not exist makes a failed login take the
        # same time whether or not the username is known, so timing reveals no accounts.
        self._dummy_hash = self._hasher.hash("todochat-timing-equaliser")

    async def hash(self, password: str) -> str:
        """An argon2id hash of ``password``."""
        return await anyio.to_thread.run_sync(self._hasher.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        """Whether ``password`` matches; with no hash, spend the same time and answer False."""

        def check() -> bool:
            try:
                return self._hasher.verify(password_hash or self._dummy_hash, password)
            except argon2.exceptions.VerificationError:
                return False
            except argon2.exceptions.InvalidHashError:
                return False

        ok = await anyio.to_thread.run_sync(check)
        return ok and password_hash is not None


class TokenCodec:
    """Issues and verifies signed, expiring access tokens whose subject is the user id.

    Issuing and verifying read the same clock. PyJWT's own expiry check reads the wall clock,
    so it is switched off and done here: a server (or a test) whose clock is not the wall
    clock would otherwise issue tokens that its own verification calls expired.
    """

    def __init__(
        self,
        secret: str,
        *,
        algorithm: str = "HS256",
        ttl: timedelta,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._secret = secret
        self._algorithm = algorithm
        self._clock = clock
        self.ttl = ttl
        # Bounded: one entry (~0.4 KiB) per token in use, the least recently used dropped.
        self._signed_claims = functools.lru_cache(maxsize=SIGNED_TOKENS_KEPT)(self._check_signed)

    def issue(self, user_id: int) -> str:
        """A token for ``user_id`` that expires after the configured time."""
        issued = self._clock()
        claims = {"sub": str(user_id), "iat": issued, "exp": issued + self.ttl, "typ": "access"}
        return jwt.encode(claims, self._secret, algorithm=self._algorithm)

    def verify(self, token: str) -> int:
        """The user id in a valid token; raises AuthenticationFailed otherwise."""
        user_id, exp = self._signed_claims(token)
        if self._clock().timestamp() >= exp:
            raise AuthenticationFailed("token has expired")
        return user_id

    def _check_signed(self, token: str) -> tuple[int, float]:
        """The user id and expiry of a token we signed; raises AuthenticationFailed otherwise.

        Depends only on the token and the secret, so its answers are kept (``_signed_claims``):
        a client sends the same token with every request, and checking the signature and the
        claims again cost ~0.15 ms of each (2 % of a chat turn). Expiry is checked on every use.
        A failure is not kept: a forged token costs the full check each time.
        """
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[self._algorithm],
                options={
                    "require": ["exp", "sub", "iat"],
                    "verify_exp": False,
                    "verify_iat": False,
                    "verify_nbf": False,
                },
            )
        except jwt.PyJWTError as exc:
            raise AuthenticationFailed("invalid token") from exc
        exp, iat = claims.get("exp"), claims.get("iat")
        if not isinstance(exp, int | float) or isinstance(exp, bool) or not _is_number(iat):
            raise AuthenticationFailed("invalid token")
        if claims.get("typ") != "access":
            raise AuthenticationFailed("invalid token")
        # An issue time after "now" is accepted: workers' clocks differ a little, and only the
        # signature says whether we issued the token.
        sub = claims.get("sub")
        if not (isinstance(sub, str) and 0 < len(sub) <= 10 and sub.isascii() and sub.isdigit()):
            raise AuthenticationFailed("invalid token")
        user_id = int(sub)
        if not 1 <= user_id <= MAX_USER_ID:
            raise AuthenticationFailed("invalid token")
        return user_id, float(exp)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
