"""The ``todochat`` command: serve, database and user administration."""

from __future__ import annotations

import asyncio
import os

import typer
import uvicorn

from todochat.config import Settings, normalise_db

app = typer.Typer(help="todochat: a todo list you talk to.", no_args_is_help=True)
db_app = typer.Typer(help="Database administration.", no_args_is_help=True)
app.add_typer(db_app, name="db")
user_app = typer.Typer(help="User administration.", no_args_is_help=True)
app.add_typer(user_app, name="user")


def _settings(db: str | None) -> Settings:
    if db is not None:
        return Settings(database_url=normalise_db(db))
    return Settings()


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    db: str | None = typer.Option(None, help="Database URL or SQLite file path."),
    workers: int = typer.Option(1, help="Worker processes (needs PostgreSQL and Redis for >1)."),
    log_level: str = typer.Option("info", help="uvicorn log level."),
    forwarded_allow_ips: str = typer.Option(
        "127.0.0.1",
        help="Proxies whose X-Forwarded-For is trusted for the client address ('*' for any).",
    ),
) -> None:
    """Serve the API and web UI (offline defaults: SQLite, built-in assistant)."""
    from pydantic import ValidationError

    from todochat.agent.provider import ModelConfigError, check_model_settings

    try:
        settings = _settings(db)
        check_model_settings(settings)
        _check_scale_out(settings, workers)
    except (ModelConfigError, ValidationError, _Refused) as exc:
        # One line for the operator, not a traceback.
        typer.echo(f"todochat: {_one_line(exc)}", err=True)
        raise typer.Exit(2) from None
    options: dict[str, object] = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "proxy_headers": True,
        "forwarded_allow_ips": forwarded_allow_ips,
        # Streams of turns in progress may finish for this long after SIGTERM; the turns
        # themselves get the same grace in the app's shutdown.
        "timeout_graceful_shutdown": int(settings.shutdown_grace_seconds) or None,
    }
    if workers > 1:
        # Worker processes rebuild settings from the environment; pass the choice down.
        os.environ["TODOCHAT_DATABASE_URL"] = settings.database_url
        uvicorn.run("todochat.asgi:app", workers=workers, **options)  # type: ignore[arg-type]
        return
    from todochat.app import create_app
    from todochat.heap import tune_for_serving

    app = create_app(settings)
    tune_for_serving()
    uvicorn.run(app, **options)  # type: ignore[arg-type]


class _Refused(Exception):
    """A configuration ``serve`` will not start with."""


def _check_scale_out(settings: Settings, workers: int) -> None:
    """Several workers need a shared database and Redis; a Redis that is set must answer."""
    if workers > 1 and settings.is_sqlite:
        raise _Refused(
            "several workers need PostgreSQL (TODOCHAT_DATABASE_URL): a SQLite file serves "
            "one process"
        )
    if workers > 1 and not settings.redis_url:
        raise _Refused(
            "several workers need Redis (TODOCHAT_REDIS_URL) to share runs, Stop and resume"
        )
    if settings.redis_url:
        from redis import Redis
        from redis.exceptions import RedisError

        try:
            client = Redis.from_url(settings.redis_url, socket_connect_timeout=3, socket_timeout=3)
            client.ping()
            client.close()
        except (RedisError, ValueError, OSError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise _Refused(
                f"cannot reach Redis at {_safe_url(settings.redis_url)}: {reason}"
            ) from None


def _safe_url(url: str) -> str:
    """A URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + netloc))


def _one_line(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        problems = [
            f"{'.'.join(str(p) for p in err['loc']) or 'setting'}: {err['msg']}"
            for err in exc.errors()
        ]
        return "invalid setting: " + "; ".join(problems)
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


@db_app.command("upgrade")
def db_upgrade(
    db: str | None = typer.Option(None, help="Database URL or SQLite file path."),
    revision: str = typer.Argument("head"),
) -> None:
    """Apply migrations up to REVISION (default: head)."""
    from todochat.db.engine import Database
    from todochat.db.migrate import upgrade

    settings = _settings(db)

    async def run() -> None:
        database = Database(settings.database_url)
        try:
            await upgrade(database, revision)
        finally:
            await database.dispose()

    asyncio.run(run())
    typer.echo(f"database at {revision}")


@user_app.command("quota")
def user_quota(
    username: str = typer.Argument(..., help="The account to change."),
    turns: int = typer.Argument(..., help="Chat turns per month; -1 returns to the default."),
    db: str | None = typer.Option(None, help="Database URL or SQLite file path."),
) -> None:
    """Set a user's monthly chat-turn quota."""
    from todochat.db.engine import Database
    from todochat.errors import TodochatError
    from todochat.limits.admin import set_user_quota

    settings = _settings(db)

    async def run() -> None:
        database = Database(settings.database_url)
        try:
            await set_user_quota(database, username, None if turns < 0 else turns)
        finally:
            await database.dispose()

    try:
        asyncio.run(run())
    except TodochatError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1) from exc
    shown = "the default" if turns < 0 else str(turns)
    typer.echo(f"{username}: monthly quota set to {shown}")


def main() -> None:
    """Console-script entry point."""
    app()
