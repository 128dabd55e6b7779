"""Request and response bodies for accounts."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from todochat.textrules import PlainText
from todochat.timezones import check_timezone

Timezone = Annotated[str, AfterValidator(check_timezone)]
Username = Annotated[
    str,
    Field(
        min_length=3,
        max_length=64,
        pattern=r"^[A-Za-z0-9_.@+-]+$",
        description="3–64 letters, digits or . _ @ + -",
    ),
]


class RegisterIn(BaseModel):
    """A new account."""

    model_config = ConfigDict(extra="forbid")

    username: Username
    password: PlainText = Field(min_length=8, max_length=1024)
    timezone: Timezone | None = None


class UserOut(BaseModel):
    """An account as the owner sees it."""

    id: int
    username: str
    timezone: str


class MePatch(BaseModel):
    """Changes to one's own account."""

    model_config = ConfigDict(extra="forbid")

    timezone: Timezone


class TokenOut(BaseModel):
    """An OAuth2 bearer token."""

    access_token: str
    token_type: str = "bearer"
    expires_in: int
