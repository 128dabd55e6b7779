"""create_app(settings): the ASGI application."""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import FrameType
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response

from todochat import __version__, preload
from todochat.api.body_limit import ContentLengthLimit
from todochat.api.errors import install_error_handlers
from todochat.auth.router import router as auth_router
from todochat.chat.router import clients_router
from todochat.chat.router import router as chat_router
from todochat.config import Settings, get_settings
from todochat.db.migrate import upgrade_if_behind
from todochat.limits.router import router as usage_router
from todochat.live.feed import Feed
from todochat.live.router import router as live_router
from todochat.runtime import Runtime
from todochat.todos.router import router as todos_router
from todochat.web import install_web
from todochat.web.docs import install_docs


def _end_feed_streams_on_stop(feed: Feed) -> None:
    """uvicorn stops only once every response has ended, and a live feed stream never ends
    by itself: the stop signal ends them first (clients resume on another worker)."""
    if threading.current_thread() is not threading.main_thread():
        return  # an embedded server: whoever stops it ends the streams (Feed.end_streams)
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(number)
        if not callable(previous):
            continue

        def handler(signum: int, frame: FrameType | None, previous: Any = previous) -> None:
            loop.call_soon_threadsafe(feed.end_streams)
            previous(signum, frame)

        signal.signal(number, handler)


def create_app(settings: Settings | None = None, *, runtime: Runtime | None = None) -> FastAPI:
    """Build the app; migrations run at start-up."""
    settings = settings or get_settings()
    rt = runtime or Runtime.build(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await upgrade_if_behind(rt.db)
        rt.db.start_checkpoints()
        if not settings.redis_url:
            # Without Redis one process serves the database (several refuse to start): any
            # turn still marked running was cut off by its stop. With Redis, leases tell.
            await rt.runs.recover_interrupted(rt.clock())
        rt.runs.draining = False  # a server started again takes turns again
        await rt.runs.start_control()
        _end_feed_streams_on_stop(rt.feed)
        if rt.reminders is not None:
            rt.reminders.start()
        # What a chat turn needs loads while the server already answers.
        preload.start()
        try:
            yield
        finally:
            if rt.reminders is not None:
                await rt.reminders.stop()
            await rt.runs.shutdown(settings.shutdown_grace_seconds)
            await rt.runs.control.close()
            await rt.events.close()
            await rt.feed.close()
            await rt.limits.close()
            await rt.login_guard.close()
            await rt.db.dispose()

    app = FastAPI(
        title="todochat",
        version=__version__,
        summary="A todo list you talk to.",
        lifespan=lifespan,
        # Served from the package instead of a CDN (todochat.web.docs).
        docs_url=None,
        redoc_url=None,
    )
    # Larger bodies are refused with 413 before they are processed, and a body that stops
    # arriving gets 408 instead of holding the request open for good.
    app.add_middleware(
        ContentLengthLimit,
        max_bytes=settings.max_body_bytes,
        body_timeout=settings.body_timeout_seconds,
    )
    if settings.cors_origins:
        # Off by default: the web UI is served from the same origin. Bearer tokens, not
        # cookies, so credentials are never allowed cross-origin.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Last-Event-ID", "Idempotency-Key"],
            allow_credentials=False,
        )
    app.state.runtime = rt
    install_error_handlers(app)
    app.include_router(auth_router)
    # Before the todos router: /api/todos/agent-sessions must not be read as a todo id.
    app.include_router(clients_router)
    app.include_router(chat_router)
    app.include_router(todos_router)
    app.include_router(usage_router)
    app.include_router(live_router)
    install_web(app)
    install_docs(app, "todochat")

    # HEAD as well, for uptime checks (kept out of the schema: one operation per path).
    @app.head("/healthz", include_in_schema=False)
    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    if rt.metrics is not None:
        registry = rt.metrics.registry

        @app.get("/metrics", include_in_schema=False)
        async def metrics() -> Response:
            """Prometheus text format: this process's turns, streams and timings."""
            from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

            return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    @app.get("/readyz", tags=["health"], responses={503: {"description": "not ready"}})
    async def readyz() -> JSONResponse:
        """Readiness: the database and Redis answer, what a chat turn needs has loaded, and the
        process is not stopping."""
        checks = {
            "loaded": preload.finished(),
            "database": await rt.db.ping(),
            "redis": await rt.runs.control.ready(),
            "accepting_turns": not rt.runs.draining,
        }
        ready = all(checks.values())
        return JSONResponse(
            {"status": "ready" if ready else "not ready", "checks": checks},
            status_code=200 if ready else 503,
        )

    return app
