"""Running the Alembic migrations, from the CLI or at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

from todochat.db.engine import Database

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at the packaged migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


async def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` on the app's own engine."""

    def run(connection: Connection, cfg: Any) -> None:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)

    cfg = alembic_config(db.url)
    async with db.engine.begin() as conn:
        await conn.run_sync(run, cfg)


async def downgrade(db: Database, revision: str = "base") -> None:
    """Take the schema down to ``revision``."""

    def run(connection: Connection, cfg: Any) -> None:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)

    cfg = alembic_config(db.url)
    async with db.engine.begin() as conn:
        await conn.run_sync(run, cfg)
