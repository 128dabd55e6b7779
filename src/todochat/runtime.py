"""Runtime: the long-lived objects one app instance shares, built from Settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from todochat.auth.secret import resolve_jwt_secret
from todochat.auth.security import PasswordHasher, TokenCodec
from todochat.config import Settings
from todochat.db.engine import Database
from todochat.db.types import utcnow


@dataclass
class Runtime:
    """What every request may need; created once per app in ``create_app``."""

    settings: Settings
    db: Database
    hasher: PasswordHasher
    tokens: TokenCodec
    clock: Callable[[], datetime] = field(default=utcnow)

    @classmethod
    def build(cls, settings: Settings) -> Runtime:
        """Construct the runtime (no I/O beyond reading or creating the secret file)."""
        return cls(
            settings=settings,
            db=Database(settings.database_url, echo=settings.database_echo),
            hasher=PasswordHasher(
                time_cost=settings.argon2_time_cost, memory_kib=settings.argon2_memory_kib
            ),
            tokens=TokenCodec(
                resolve_jwt_secret(settings),
                algorithm=settings.jwt_algorithm,
                ttl=timedelta(minutes=settings.access_token_minutes),
            ),
        )
