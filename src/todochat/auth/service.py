"""AccountService: registration, login and account changes.

The service flushes; the request that called it commits (one owner per transaction).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from todochat.auth.security import PasswordHasher
from todochat.db.models import User
from todochat.errors import AuthenticationFailed, Conflict
from todochat.todos.service import rebase_all_day_todos


def _same_name(username: str) -> ColumnElement[bool]:
    # Usernames are unique ignoring case (an index on lower(username) holds the database to it).
    return func.lower(User.username) == username.lower()


class AccountService:
    """Every rule about accounts; knows nothing of HTTP."""

    def __init__(self, session: AsyncSession, hasher: PasswordHasher) -> None:
        self._session = session
        self._hasher = hasher

    async def register(self, username: str, password: str, timezone: str) -> User:
        """Create an account; a name taken in any letter case is a Conflict."""
        # Hashed before the first statement: the hash takes tens of milliseconds, and on
        # SQLite the session would hold the one connection all that time.
        password_hash = await self._hasher.hash(password)
        existing = await self._session.scalar(select(User.id).where(_same_name(username)))
        if existing is not None:
            raise Conflict("username", "that username is taken")
        user = User(username=username, password_hash=password_hash, timezone=timezone)
        self._session.add(user)
        try:
            await self._session.flush()
        except IntegrityError as exc:  # lost a race with another registration
            raise Conflict("username", "that username is taken") from exc
        return user

    async def authenticate(self, username: str, password: str) -> User:
        """The user whose credentials these are, or AuthenticationFailed."""
        user = None
        if "\x00" not in username:  # no username holds one, and PostgreSQL refuses it in text
            user = await self._session.scalar(select(User).where(_same_name(username)))
        if user is not None:
            self._session.expunge(user)  # keeps its loaded values past the rollback
        # Nothing was written: end the read before the slow hash check, so the connection
        # (SQLite's only one) serves other requests meanwhile.
        await self._session.rollback()
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
        await self._session.flush()
        return user
