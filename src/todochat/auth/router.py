"""Account routes: register, token, me."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from todochat.api.deps import CurrentUser, RuntimeDep, SessionDep
from todochat.auth.schemas import MePatch, RegisterIn, TokenOut, UserOut
from todochat.auth.service import AccountService
from todochat.db.models import User
from todochat.errors import AuthenticationFailed

router = APIRouter(prefix="/api", tags=["accounts"])


def _out(user: object) -> UserOut:
    return UserOut.model_validate(user, from_attributes=True)


@router.post("/auth/register", status_code=status.HTTP_201_CREATED, response_model=UserOut)
async def register(body: RegisterIn, runtime: RuntimeDep, session: SessionDep) -> UserOut:
    """Create an account."""
    accounts = AccountService(session, runtime.hasher)
    timezone = body.timezone or runtime.settings.default_timezone
    user = await accounts.register(body.username, body.password, timezone)
    await session.commit()
    return _out(user)


@router.post("/auth/token", response_model=TokenOut)
async def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    request: Request,
    runtime: RuntimeDep,
    session: SessionDep,
) -> TokenOut:
    """Exchange username and password for a bearer token (OAuth2 password form)."""
    address = request.client.host if request.client else "unknown"
    await runtime.login_guard.check(form.username, address)
    try:
        user = await AccountService(session, runtime.hasher).authenticate(
            form.username, form.password
        )
    except AuthenticationFailed:
        await runtime.login_guard.failed(form.username, address)
        raise
    return TokenOut(
        access_token=runtime.tokens.issue(user.id),
        expires_in=int(runtime.tokens.ttl.total_seconds()),
    )


@router.get("/me", response_model=UserOut)
async def me(user: CurrentUser) -> UserOut:
    """The signed-in account."""
    return _out(user)


@router.patch("/me", response_model=UserOut)
async def update_me(
    body: MePatch, user: CurrentUser, runtime: RuntimeDep, session: SessionDep
) -> UserOut:
    """Change the signed-in account's timezone."""
    # The current user may come from the cache, detached: change a freshly loaded row.
    fresh = await session.get(User, user.id)
    if fresh is None:
        raise AuthenticationFailed("invalid token")
    updated = await AccountService(session, runtime.hasher).set_timezone(fresh, body.timezone)
    await session.commit()
    runtime.users.drop(user.id)
    return _out(updated)
