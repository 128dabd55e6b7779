"""Runtime: the long-lived objects one app instance shares, built from Settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from todochat.agent.provider import model_factory
from todochat.auth.cache import UserCache
from todochat.auth.guard import LoginGuard
from todochat.auth.secret import resolve_jwt_secret
from todochat.auth.security import PasswordHasher, TokenCodec
from todochat.chat.control import LocalRunControl, RunControl
from todochat.chat.eventlog import EventLog, MemoryEventLog
from todochat.chat.memory import ConversationMemory
from todochat.chat.runs import RunManager
from todochat.chat.service import ChatService
from todochat.config import Settings
from todochat.db.engine import Database
from todochat.db.types import utcnow
from todochat.limits import TurnLimits, build_limits
from todochat.limits.rate import RateLimiter
from todochat.live.feed import ChangeNotifier, Feed, MemoryFeed
from todochat.metrics import Metrics
from todochat.openfiles import turns_in_progress
from todochat.todos.reminders import Reminders


@dataclass
class Runtime:
    """What every request may need; created once per app in ``create_app``."""

    settings: Settings
    db: Database
    hasher: PasswordHasher
    tokens: TokenCodec
    users: UserCache
    events: EventLog
    memory: ConversationMemory
    runs: RunManager
    chat: ChatService
    limits: TurnLimits
    login_guard: LoginGuard
    feed: Feed = field(default_factory=MemoryFeed)
    reminders: Reminders | None = None
    clock: Callable[[], datetime] = field(default=utcnow)
    metrics: Metrics | None = None

    @classmethod
    def build(cls, settings: Settings, *, clock: Callable[[], datetime] = utcnow) -> Runtime:
        """Construct the runtime (no I/O beyond reading or creating the secret file)."""
        db = Database(settings.database_url, echo=settings.database_echo)
        turns = turns_in_progress(settings.active_runs_limit())
        events: EventLog
        control: RunControl
        feed: Feed
        if settings.redis_url:
            from redis.asyncio import Redis

            from todochat.chat.control import RedisRunControl
            from todochat.chat.eventlog_redis import RedisEventLog

            # Separate clients: the Stop listener and blocked readers hold connections.
            events = RedisEventLog(
                Redis.from_url(settings.redis_url, max_connections=None),
                prefix=settings.redis_prefix,
                ttl=settings.event_ttl_seconds,
            )
            from todochat.live.feed_redis import RedisFeed

            feed = RedisFeed(Redis.from_url(settings.redis_url), prefix=settings.redis_prefix)
            control = RedisRunControl(
                Redis.from_url(settings.redis_url),
                prefix=settings.redis_prefix,
                lease_seconds=settings.run_lease_seconds,
                stop_ttl_seconds=settings.event_ttl_seconds,
            )
        else:
            events = MemoryEventLog(
                ttl=settings.event_ttl_seconds, max_runs=settings.event_log_max_runs
            )
            control = LocalRunControl()
            feed = MemoryFeed()
        # Every committed change to a user's todos or conversations, told to the user's streams.
        db.on_commit = ChangeNotifier(feed).changed
        memory = ConversationMemory(db, settings.history_items)
        runs = RunManager(
            db=db,
            events=events,
            model_factory=model_factory(settings, turns),
            memory=memory,
            max_turns=settings.max_turns,
            timeout=settings.run_timeout_seconds,
            max_active=turns,
            calm_active=min(turns, settings.calm_runs_limit()),
            queue_timeout=settings.queue_timeout_seconds,
            clock=clock,
        )
        runs.control = control
        metrics = Metrics() if settings.metrics_enabled else None
        runs.metrics = metrics
        limits = build_limits(settings, db, clock)
        runs.quota = limits.quota
        return cls(
            settings=settings,
            db=db,
            events=events,
            feed=feed,
            reminders=Reminders(
                db,
                feed,
                clock,
                poll_seconds=settings.reminder_poll_seconds,
                grace_seconds=settings.reminder_grace_seconds,
            ),
            memory=memory,
            runs=runs,
            limits=limits,
            login_guard=LoginGuard(
                RateLimiter.from_string(
                    settings.login_attempts,
                    clock=lambda: clock().timestamp(),
                    redis_url=settings.redis_url,
                    key_prefix="todochat:login:",
                )
            ),
            chat=ChatService(
                db=db,
                runs=runs,
                clock=clock,
                run_timeout=settings.run_timeout_seconds,
                queue_timeout=settings.queue_timeout_seconds,
                memory=memory,
                limits=limits,
            ),
            clock=clock,
            metrics=metrics,
            users=UserCache(ttl=settings.user_cache_seconds),
            hasher=PasswordHasher(
                time_cost=settings.argon2_time_cost, memory_kib=settings.argon2_memory_kib
            ),
            tokens=TokenCodec(
                resolve_jwt_secret(settings),
                algorithm=settings.jwt_algorithm,
                ttl=timedelta(minutes=settings.access_token_minutes),
                clock=clock,
            ),
        )
