"""Running the Alembic migrations, from the CLI or at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from todochat.db.engine import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def head_revision() -> str:
    """The newest migration's revision, from the file names (``0004_….py`` is ``0004``):
    known without importing Alembic (a test checks it against Alembic's own head)."""
    names = (p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return max(name.partition("_")[0] for name in names)


async def current_revision(db: Database) -> str | None:
    """The revision the database is at (None: never migrated)."""
    try:
        async with db.engine.connect() as conn:
            row = (await conn.execute(text("SELECT version_num FROM alembic_version"))).first()
    except DBAPIError:
        return None  # no alembic_version table yet
    return None if row is None else str(row[0])


async def upgrade_if_behind(db: Database) -> None:
    """At start-up: migrate only when the database is behind (Alembic loads in ~0.2 s)."""
    if await current_revision(db) != head_revision():
        await upgrade(db)


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at the packaged migrations."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


async def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` on the app's own engine."""

    from alembic import command

    def run(connection: Connection, cfg: Any) -> None:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)

    cfg = alembic_config(db.url)
    async with db.engine.begin() as conn:
        await conn.run_sync(run, cfg)


async def downgrade(db: Database, revision: str = "base") -> None:
    """Take the schema down to ``revision``."""

    from alembic import command

    def run(connection: Connection, cfg: Any) -> None:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)

    cfg = alembic_config(db.url)
    async with db.engine.begin() as conn:
        await conn.run_sync(run, cfg)
