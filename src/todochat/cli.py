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
) -> None:
    """Serve the API and web UI (offline defaults: SQLite, built-in assistant)."""
    settings = _settings(db)
    if workers > 1:
        # Worker processes rebuild settings from the environment; pass the choice down.
        os.environ["TODOCHAT_DATABASE_URL"] = settings.database_url
        uvicorn.run("todochat.asgi:app", host=host, port=port, workers=workers, log_level=log_level)
        return
    from todochat.app import create_app

    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)


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


def main() -> None:
    """Console-script entry point."""
    app()
