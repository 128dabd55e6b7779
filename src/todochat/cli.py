"""The ``todochat`` command: serve, database and user administration.

Every failure of every command is one line on stderr and exit status 2 (``--debug``, anywhere on
the line, shows the traceback instead); a usage mistake says what was wrong, also with 2.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import typer
import uvicorn

try:  # typer vendors its own click; its errors are the ones its commands raise
    from typer._click import exceptions as cli_errors
except ImportError:  # pragma: no cover - a typer that uses click itself
    from click import exceptions as cli_errors  # type: ignore[no-redef]

from todochat import __version__
from todochat.config import Settings, normalise_db

app = typer.Typer(
    help="todochat: a todo list you talk to. Add --debug to any command to see a failure's "
    "traceback.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database administration.", no_args_is_help=True)
app.add_typer(db_app, name="db")
user_app = typer.Typer(help="User administration.", no_args_is_help=True)
app.add_typer(user_app, name="user")

T = TypeVar("T")
# The database a command was given, for a failure's one line (never with its password).
_database_url: str | None = None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"todochat {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """todochat: a todo list you talk to."""


def _settings(db: str | None) -> Settings:
    global _database_url
    settings = Settings(database_url=normalise_db(db)) if db is not None else Settings()
    _database_url = settings.database_url
    return settings


def _with_database(settings: Settings, work: Callable[[Any], Awaitable[T]]) -> T:
    """Run ``work(database)`` and close the database after it."""
    from todochat.db.engine import Database

    async def run() -> T:
        database = Database(settings.database_url)
        try:
            return await work(database)
        finally:
            await database.dispose()

    return asyncio.run(run())


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
    # A database that cannot be reached stops the start here, in one line (main() says it),
    # not in uvicorn's start-up traceback.
    _with_database(settings, _reachable)
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


async def _reachable(database: Any) -> None:
    from sqlalchemy import text

    async with database.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


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
    from todochat.db.migrate import upgrade

    settings = _settings(db)
    _with_database(settings, lambda database: upgrade(database, revision))
    typer.echo(f"database at {revision}")


def _hasher(settings: Settings) -> Any:
    from todochat.auth.security import PasswordHasher

    return PasswordHasher(
        time_cost=settings.argon2_time_cost, memory_kib=settings.argon2_memory_kib
    )


@user_app.command("list")
def user_list(
    db: str | None = typer.Option(None, help="Database URL or SQLite file path."),
) -> None:
    """Every account: id, name, timezone, open todos, quota."""
    from todochat.auth.admin import list_accounts

    settings = _settings(db)
    rows = _with_database(settings, list_accounts)
    if not rows:
        typer.echo("no accounts yet")
        return
    typer.echo(f"{'id':>5}  {'username':<24} {'timezone':<22} {'open':>5}  quota")
    for row in rows:
        quota = {None: "default", -1: "unlimited"}.get(row.monthly_quota, str(row.monthly_quota))
        typer.echo(
            f"{row.id:>5}  {row.username:<24} {row.timezone:<22} {row.open_todos:>5}  {quota}"
        )


def _password(value: str | None, prompt: str) -> str:
    if value is not None:
        return value
    env = os.environ.get("TODOCHAT_NEW_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise cli_errors.UsageError(
            "no password: give --password, set TODOCHAT_NEW_PASSWORD, or run it in a terminal"
        )
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=True))


@user_app.command("create")
def user_create(
    username: str = typer.Argument(..., help="The new account's name."),
    password: str | None = typer.Option(
        None, help="Its password (else TODOCHAT_NEW_PASSWORD, else asked for)."
    ),
    timezone: str = typer.Option("UTC", help="Its IANA timezone, e.g. Europe/Berlin."),
    db: str | None = typer.Option(None, help="Database URL or SQLite file path."),
) -> None:
    """Create an account (the same rules as signing up)."""
    from todochat.auth.admin import create_account

    settings = _settings(db)
    secret = _password(password, "Password")
    user_id = _with_database(
        settings,
        lambda database: create_account(database, _hasher(settings), username, secret, timezone),
    )
    typer.echo(f"created {username} (id {user_id})")


@user_app.command("set-password")
def user_set_password(
    username: str = typer.Argument(..., help="The account to change."),
    password: str | None = typer.Option(
        None, help="The new password (else TODOCHAT_NEW_PASSWORD, else asked for)."
    ),
    db: str | None = typer.Option(None, help="Database URL or SQLite file path."),
) -> None:
    """Give an account a new password."""
    from todochat.auth.admin import set_password

    settings = _settings(db)
    secret = _password(password, "New password")
    _with_database(
        settings, lambda database: set_password(database, _hasher(settings), username, secret)
    )
    typer.echo(f"{username}: password changed")


@user_app.command("delete")
def user_delete(
    username: str = typer.Argument(..., help="The account to delete."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
    db: str | None = typer.Option(None, help="Database URL or SQLite file path."),
) -> None:
    """Delete an account with its todos and conversations."""
    from todochat.auth.admin import delete_account

    settings = _settings(db)
    if not yes:
        if not sys.stdin.isatty():
            raise cli_errors.UsageError(f"deleting {username} needs --yes when not in a terminal")
        typer.confirm(f"Delete {username} and everything it owns?", abort=True)
    _with_database(settings, lambda database: delete_account(database, username))
    typer.echo(f"deleted {username}")


def _quota(value: str) -> int | None:
    word = value.strip().lower()
    if word == "default":
        return None
    if word in ("unlimited", "-1"):
        return -1
    if word.isdigit():
        return int(word)
    raise cli_errors.BadParameter("use a number of turns, 'unlimited' (or -1), or 'default'")


# "-1" is a value here, not an option.
@user_app.command("quota", context_settings={"ignore_unknown_options": True})
def user_quota(
    username: str = typer.Argument(..., help="The account to change."),
    turns: str = typer.Argument(
        ..., help="Chat turns per month: a number, 'unlimited' (or -1), or 'default'."
    ),
    db: str | None = typer.Option(None, help="Database URL or SQLite file path."),
) -> None:
    """Set a user's monthly chat-turn quota."""
    from todochat.limits.admin import set_user_quota

    n = _quota(turns)
    settings = _settings(db)
    _with_database(settings, lambda database: set_user_quota(database, username, n))
    shown = {None: "the default", -1: "unlimited"}.get(n, str(n))
    typer.echo(f"{username}: monthly quota set to {shown}")


def _url(url: str | None) -> str:
    from todochat.terminal import DEFAULT_URL

    return (url or os.environ.get("TODOCHAT_URL") or DEFAULT_URL).rstrip("/")


@app.command()
def login(
    username: str = typer.Option(..., prompt=True, help="Your account."),
    password: str = typer.Option(..., prompt=True, hide_input=True, help="Its password."),
    url: str | None = typer.Option(None, help="The server (default: TODOCHAT_URL or local)."),
) -> None:
    """Sign in to a todochat server; the token is kept in your config directory (0600)."""
    from todochat.terminal import credentials_path
    from todochat.terminal import login as sign_in

    server = _url(url)
    asyncio.run(sign_in(server, username, password))
    typer.echo(f"signed in to {server} (token in {credentials_path()})")


@app.command()
def logout(url: str | None = typer.Option(None, help="The server.")) -> None:
    """Forget the token for a server."""
    from todochat.terminal import save_token

    server = _url(url)
    save_token(server, None)
    typer.echo(f"signed out of {server}")


@app.command()
def chat(
    message: str | None = typer.Option(
        None, "-m", "--message", help="Send one message, print the reply and exit."
    ),
    as_json: bool = typer.Option(False, "--json", help="With -m: print the events as JSON lines."),
    conversation: str | None = typer.Option(None, help="Continue this conversation."),
    url: str | None = typer.Option(None, help="The server (default: TODOCHAT_URL or local)."),
) -> None:
    """Chat from the terminal. Ctrl-C stops a reply; exit status 1 when -m was refused."""
    from todochat.terminal import interactive, one_message

    server = _url(url)
    if message is not None:
        status = asyncio.run(one_message(server, message, conversation, as_json))
    else:
        status = asyncio.run(interactive(server, conversation))
    if status:
        raise typer.Exit(status)


def describe_failure(exc: BaseException) -> str:
    """One line a person understands, for any failure of a command."""
    from pydantic import ValidationError
    from sqlalchemy.exc import SQLAlchemyError

    from todochat.client import ClientError
    from todochat.errors import TodochatError

    if isinstance(exc, TodochatError):
        return exc.message
    if isinstance(exc, ClientError):
        return str(exc)
    if isinstance(exc, ValidationError):
        return _one_line(exc)
    where = f" at {_safe_url(_database_url)}" if _database_url else ""
    if isinstance(exc, SQLAlchemyError):
        cause = exc.orig if getattr(exc, "orig", None) is not None else exc  # type: ignore[attr-defined]
        return f"cannot use the database{where}: {_first_line(cause)}"
    module = type(exc).__module__
    if isinstance(exc, OSError) or module.startswith(("asyncpg", "aiosqlite", "sqlite3")):
        return f"cannot use the database{where}: {_first_line(exc)}"
    return _first_line(exc)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    return line if len(line) <= 300 else line[:297] + "..."


def main() -> None:
    """Console-script entry point: every failure is one line on stderr and exit status 2."""
    args = sys.argv[1:]
    debug = "--debug" in args
    args = [a for a in args if a != "--debug"]
    try:
        # Not standalone: a command's exit status comes back as the result.
        status = app(args=args, prog_name="todochat", standalone_mode=False)
        if isinstance(status, int) and status:
            raise SystemExit(status)
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except cli_errors.NoArgsIsHelpError:
        raise SystemExit(2) from None  # the help has been shown
    except typer.Abort:
        typer.echo("todochat: stopped", err=True)
        raise SystemExit(2) from None
    except cli_errors.ClickException as exc:
        typer.echo(f"todochat: {exc.format_message()}", err=True)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        typer.echo("todochat: stopped", err=True)
        raise SystemExit(2) from None
    except Exception as exc:
        if debug:
            raise
        typer.echo(f"todochat: {describe_failure(exc)}", err=True)
        raise SystemExit(2) from None
