"""Tags by name: a todo's tags are looked up, and created when new, in one statement each."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from todochat.db.models import Tag


async def tags_named(session: AsyncSession, owner_id: int, names: Sequence[str]) -> list[Tag]:
    """The owner's tags with these names, in this order, creating the missing ones."""
    if not names:
        return []
    wanted = list(dict.fromkeys(names))
    rows = [{"owner_id": owner_id, "name": name} for name in wanted]
    # Insert-if-missing in one statement: two turns adding the same new tag at once must
    # not collide on the (owner, name) unique constraint.
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(insert(Tag).values(rows).on_conflict_do_nothing())
    found = {
        tag.name: tag
        for tag in await session.scalars(
            select(Tag).where(Tag.owner_id == owner_id, Tag.name.in_(wanted))
        )
    }
    return [found[name] for name in wanted]
