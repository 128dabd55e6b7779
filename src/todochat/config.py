"""Settings: the one place configuration is read (``TODOCHAT_`` env vars and ``.env``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SQLITE_FILE = "todochat.db"


def sqlite_url(path: str | Path) -> str:
    """SQLAlchemy async URL for a SQLite file path."""
    return f"sqlite+aiosqlite:///{Path(path).expanduser().resolve()}"


def normalise_db(value: str) -> str:
    """Accept a full URL or a bare file path (``--db ./x.db``) and return a URL."""
    if "://" in value:
        if value.startswith("postgresql://") or value.startswith("postgres://"):
            # A plain libpq URL is what operators paste; the app speaks asyncpg.
            return "postgresql+asyncpg://" + value.split("://", 1)[1]
        return value
    return sqlite_url(value)


class Settings(BaseSettings):
    """Every setting of todochat, with offline defaults."""

    model_config = SettingsConfigDict(
        env_prefix="TODOCHAT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    environment: Literal["development", "production", "test"] = "development"
    database_url: str = Field(default_factory=lambda: sqlite_url(DEFAULT_SQLITE_FILE))
    database_echo: bool = False
    jwt_secret: SecretStr | None = None
    jwt_secret_file: Path | None = None
    jwt_algorithm: str = "HS256"
    access_token_minutes: int = Field(default=24 * 60, ge=1)
    # How long a request may reuse the signed-in user read by an earlier one (0 turns it off).
    user_cache_seconds: float = Field(default=5.0, ge=0)
    # argon2id cost; the defaults are argon2-cffi's (RFC 9106 low-memory profile).
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_kib: int = Field(default=65536, ge=8)
    default_timezone: str = "UTC"
    model: str = "local"
    # Real language models (TODOCHAT_MODEL=openai:<model> or openai-compatible:<model>)
    openai_base_url: str | None = None
    openai_api_key: SecretStr | None = Field(
        default=None,
        # TODOCHAT_OPENAI_API_KEY wins; the usual OPENAI_API_KEY works too.
        validation_alias=AliasChoices("TODOCHAT_OPENAI_API_KEY", "openai_api_key"),
    )
    openai_timeout_seconds: float = Field(default=60.0, gt=0)
    openai_max_retries: int = Field(default=2, ge=0, le=10)
    # Redis: with it, events, Stop and leases are shared by every worker and host.
    redis_url: str | None = None
    # Keys and channels are named under this prefix (several deployments on one Redis).
    redis_prefix: str = "todochat:"
    # A run's lease: renewed every third of it; a run whose worker died is closed within
    # about two of these.
    run_lease_seconds: float = Field(default=6.0, ge=0.3)
    # On SIGTERM: how long turns in progress may take to finish before they end as failed.
    shutdown_grace_seconds: float = Field(default=30.0, ge=0)
    # Prometheus figures at /metrics (off: expose them to your monitoring network only).
    metrics_enabled: bool = False
    # Chat runs
    history_items: int = Field(default=40, ge=2)
    # Reminders: how often each worker looks for due ones, and how late one may still be
    # delivered (after a restart, say) before it counts as missed instead.
    reminder_poll_seconds: float = Field(default=1.0, gt=0)
    reminder_grace_seconds: float = Field(default=3600.0, ge=0)
    heartbeat_seconds: float = Field(default=15.0, gt=0)
    event_ttl_seconds: float = Field(default=3600.0, gt=0)
    event_log_max_runs: int = Field(default=10_000, ge=1)
    # How long a turn may run once it has a slot; waiting for the slot is not counted.
    run_timeout_seconds: float = Field(default=120.0, gt=0)
    # How long a turn may wait for a slot before it fails as "busy" (unset: the run timeout).
    queue_timeout_seconds: float | None = Field(default=None, gt=0)
    # How long a request body may take to arrive once its headers have (408 after that).
    body_timeout_seconds: float = Field(default=30.0, gt=0)
    max_turns: int = Field(default=10, ge=1)
    # Turns answered at once per process; more wait their turn (after their first event).
    # Unset: see active_runs_limit.
    max_active_runs: int | None = Field(default=None, ge=1)
    # Limits
    rate_limit: str = "10/minute"
    # Failed sign-ins allowed per username and per client address.
    login_attempts: str = "5/minute"
    monthly_quota: int = Field(default=200, ge=0)
    max_body_bytes: int = Field(default=256 * 1024, ge=1024)
    cors_origins: list[str] = Field(default_factory=list)

    @field_validator("database_url")
    @classmethod
    def _db_url(cls, value: str) -> str:
        return normalise_db(value)

    @field_validator("default_timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        return value

    @property
    def is_sqlite(self) -> bool:
        """Whether the database is a SQLite file."""
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        """The SQLite file behind the URL, if any (None for in-memory or other databases)."""
        if not self.is_sqlite:
            return None
        raw = self.database_url.split(":///", 1)[1] if ":///" in self.database_url else ""
        if not raw or raw == ":memory:":
            return None
        return Path(raw)

    def active_runs_limit(self) -> int:
        """``max_active_runs``, or its default for the configured model.

        A language model's turns mostly wait on the network: 256. The built-in assistant's
        turns are CPU work in this process, so more at once answer none sooner: 4 (a few, to
        fill the waits for PostgreSQL or Redis, and see ``calm_runs_limit``).
        """
        if self.max_active_runs is not None:
            return self.max_active_runs
        return 4 if self.model == "local" else 256

    def calm_runs_limit(self) -> int:
        """Turns answered at once while few wait (``todochat.chat.slots``).

        The built-in assistant on SQLite (statements run in the event loop's thread) with no
        Redis: a turn waits for nothing but the processor, and one at a time answers each
        soonest (at half capacity, first text delta p50 15 / p99 61 ms against 20 / 85 ms with
        four at once; docs/benchmarks.md). Otherwise, and when the operator set
        ``max_active_runs``: ``active_runs_limit``.
        """
        if (
            self.max_active_runs is None
            and self.model == "local"
            and self.is_sqlite
            and self.redis_url is None
        ):
            return 1
        return self.active_runs_limit()

    def secret_file_path(self) -> Path:
        """Where a generated JWT secret is kept: next to the SQLite file, else the working dir."""
        if self.jwt_secret_file is not None:
            return self.jwt_secret_file
        db = self.sqlite_path()
        base = db.parent if db is not None else Path.cwd()
        return base / "todochat.jwt-secret"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings from the environment, built once per process."""
    return Settings()
