"""Account administration for the command line: list, create, delete, set a password.

The same rules as the API (``RegisterIn``: name and password; ``AccountService``: a name taken
in any letter case); a deleted account takes its todos, conversations and usage with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import delete, func, select, update

from todochat.auth.schemas import RegisterIn
from todochat.auth.security import PasswordHasher
from todochat.auth.service import AccountService
from todochat.db.engine import Database
from todochat.db.models import Todo, User
from todochat.errors import InvalidInput, NotFound


@dataclass(frozen=True)
class AccountRow:
    """One account as ``todochat user list`` shows it."""

    id: int
    username: str
    timezone: str
    open_todos: int
    monthly_quota: int | None
    created_at: datetime | None


def _checked(username: str, password: str, timezone: str) -> RegisterIn:
    try:
        return RegisterIn(username=username, password=password, timezone=timezone)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "input"
        raise InvalidInput(field, str(err["msg"]).removeprefix("Value error, ")) from None


async def list_accounts(db: Database) -> list[AccountRow]:
    """Every account, oldest first, with its open todos."""
    open_todos = (
        select(func.count(Todo.id))
        .where(Todo.owner_id == User.id, Todo.completed.is_(False))
        .scalar_subquery()
    )
    async with db.session() as session:
        rows = await session.execute(
            select(
                User.id,
                User.username,
                User.timezone,
                open_todos,
                User.monthly_quota,
                User.created_at,
            ).order_by(User.id)
        )
        return [AccountRow(*row) for row in rows]


async def create_account(
    db: Database, hasher: PasswordHasher, username: str, password: str, timezone: str
) -> int:
    """A new account (the API's rules); its id."""
    checked = _checked(username, password, timezone)
    async with db.session() as session:
        user = await AccountService(session, hasher).register(
            checked.username, checked.password, checked.timezone or "UTC"
        )
        await session.commit()
        return user.id


async def set_password(db: Database, hasher: PasswordHasher, username: str, password: str) -> None:
    """A new password (the API's length rule); the account's tokens stay valid until they expire."""
    _checked("placeholder", password, "UTC")
    password_hash = await hasher.hash(password)
    async with db.session() as session:
        result = await session.execute(
            update(User).where(User.username == username).values(password_hash=password_hash)
        )
        await session.commit()
    if getattr(result, "rowcount", 0) == 0:
        raise NotFound("user", username)


async def delete_account(db: Database, username: str) -> None:
    """Delete an account and everything it owns."""
    async with db.session() as session:
        user_id = await session.scalar(select(User.id).where(User.username == username))
        if user_id is None:
            raise NotFound("user", username)
        await session.execute(delete(User).where(User.id == user_id))
        await session.commit()
