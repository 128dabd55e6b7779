"""AccountService: registration, login and account changes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from todochat.auth.security import PasswordHasher
from todochat.db.models import User
from todochat.errors import AuthenticationFailed, Conflict
from todochat.todos.service import rebase_all_day_todos


class AccountService:
    """Every rule about accounts; knows nothing of HTTP."""

    def __init__(self, session: AsyncSession, hasher: PasswordHasher) -> None:
        self._session = session
        self._hasher = hasher

    async def register(self, username: str, password: str, timezone: str) -> User:
        """Create an account; a taken username is a Conflict."""
        existing = await self._session.scalar(select(User.id).where(User.username == username))
        if existing is not None:
            raise Conflict("username", "that username is taken")
        user = User(
            username=username, password_hash=await self._hasher.hash(password), timezone=timezone
        )
        self._session.add(user)
        try:
            await self._session.commit()
        except IntegrityError as exc:  # lost a race with another registration
            await self._session.rollback()
            raise Conflict("username", "that username is taken") from exc
        return user

    async def authenticate(self, username: str, password: str) -> User:
        """The user whose credentials these are, or AuthenticationFailed."""
        user = await self._session.scalar(select(User).where(User.username == username))
        ok = await self._hasher.verify(user.password_hash if user else None, password)
        if user is None or not ok:
            raise AuthenticationFailed("incorrect username or password")
        return user

    async def get(self, user_id: int) -> User | None:
        """The user with this id, if any."""
        return await self._session.get(User, user_id)

    async def set_timezone(self, user: User, timezone: str) -> User:
        """Change the user's timezone, keeping all-day todos on the same calendar date."""
        old = user.timezone
        user.timezone = timezone
        await rebase_all_day_todos(self._session, user.id, old, timezone)
        await self._session.commit()
        return user
