"""Admin operations on limits (``todochat user quota USERNAME N``)."""

from __future__ import annotations

from sqlalchemy import update

from todochat.db.engine import Database
from todochat.db.models import User
from todochat.errors import InvalidInput, NotFound

UNLIMITED = -1


async def set_user_quota(db: Database, username: str, n: int | None) -> None:
    """Set a user's monthly turn quota; ``None`` returns them to the default, ``UNLIMITED``
    (-1) counts their turns but never refuses one."""
    if n is not None and n < UNLIMITED:
        raise InvalidInput("quota", "a quota is 0 or more turns, or -1 for unlimited")
    async with db.session() as session:
        result = await session.execute(
            update(User).where(User.username == username).values(monthly_quota=n)
        )
        await session.commit()
    if getattr(result, "rowcount", 0) == 0:
        raise NotFound("user", username)
