"""Admin operations on limits (``todochat user quota USERNAME N``)."""

from __future__ import annotations

from sqlalchemy import update

from todochat.db.engine import Database
from todochat.db.models import User
from todochat.errors import InvalidInput, NotFound


async def set_user_quota(db: Database, username: str, n: int | None) -> None:
    """Set a user's monthly turn quota; ``None`` returns them to the default."""
    if n is not None and n < 0:
        raise InvalidInput("quota", "a quota is 0 or more turns")
    async with db.session() as session:
        result = await session.execute(
            update(User).where(User.username == username).values(monthly_quota=n)
        )
        await session.commit()
    if getattr(result, "rowcount", 0) == 0:
        raise NotFound("user", username)
