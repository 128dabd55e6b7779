"""Password hashing (argon2) and JWT access tokens (PyJWT)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import anyio.to_thread
import argon2
import jwt

from todochat.errors import AuthenticationFailed


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
    """Issues and verifies signed, expiring access tokens whose subject is the user id."""

    def __init__(self, secret: str, *, algorithm: str = "HS256", ttl: timedelta) -> None:
        self._secret = secret
        self._algorithm = algorithm
        self.ttl = ttl

    def issue(self, user_id: int, *, now: datetime | None = None) -> str:
        """A token for ``user_id`` that expires after the configured time."""
        issued = now or datetime.now(UTC)
        claims = {"sub": str(user_id), "iat": issued, "exp": issued + self.ttl, "typ": "access"}
        return jwt.encode(claims, self._secret, algorithm=self._algorithm)

    def verify(self, token: str) -> int:
        """The user id in a valid token; raises AuthenticationFailed otherwise."""
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[self._algorithm],
                options={"require": ["exp", "sub", "iat"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise AuthenticationFailed("token has expired") from exc
        except jwt.PyJWTError as exc:
            raise AuthenticationFailed("invalid token") from exc
        if claims.get("typ") != "access":
            raise AuthenticationFailed("invalid token")
        try:
            return int(claims["sub"])
        except (TypeError, ValueError) as exc:
            raise AuthenticationFailed("invalid token") from exc
