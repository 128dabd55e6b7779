"""FastAPI dependencies: the runtime, a DB session, the current user."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession

from todochat.db.models import User
from todochat.errors import AuthenticationFailed
from todochat.runtime import Runtime
from todochat.todos.service import Owner, TodoService

# auto_error=False: a missing token is mapped by our own error handler, with the same body
# and WWW-Authenticate header as a bad one.
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


# Dependencies are all `async def`: FastAPI runs a plain `def` dependency in a worker thread,
# a thread handoff and a trip round the event loop on every request.
async def get_runtime(request: Request) -> Runtime:
    """The app's runtime."""
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


async def get_session(runtime: RuntimeDep) -> AsyncIterator[AsyncSession]:
    """A database session for one request."""
    async with runtime.db.session() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]


async def get_current_user(
    runtime: RuntimeDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> User:
    """The user whose valid bearer token came with the request."""
    if not token:
        raise AuthenticationFailed("not authenticated")
    user_id = runtime.tokens.verify(token)
    cached = runtime.users.get(user_id)
    if cached is not None:
        return cached
    # A session of its own, only when the user is not cached: most requests need none here
    # (a turn's route opens its own), and a per-request session dependency costs every one.
    async with runtime.db.session() as session:
        user = await session.get(User, user_id)
        if user is None:
            raise AuthenticationFailed("invalid token")
        await session.commit()
    runtime.users.put(user)
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


async def get_todo_service(
    runtime: RuntimeDep, session: SessionDep, user: CurrentUser
) -> TodoService:
    """The current user's todos."""
    return TodoService(session, Owner(user.id, user.timezone), clock=runtime.clock)


TodoServiceDep = Annotated[TodoService, Depends(get_todo_service)]
