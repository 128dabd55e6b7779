"""Chat request and response bodies (PROTOCOLS.md encodings A, B and C)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from todochat.chat.conversations import valid_key
from todochat.textrules import PlainText

MAX_MESSAGES = 50
MAX_CHARS = 10_000
SESSION_PATTERN = r"^[A-Za-z0-9_-]{1,128}$"


class ChatRequest(BaseModel):
    """Encoding A and C: one new message."""

    model_config = ConfigDict(extra="forbid")

    message: PlainText = Field(min_length=1, max_length=MAX_CHARS)
    conversation_id: str | int | None = None
    timezone: PlainText | None = Field(default=None, max_length=64)

    @field_validator("message")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the message is empty")
        return value

    @field_validator("conversation_id")
    @classmethod
    def _key(cls, value: str | int | None) -> str | int | None:
        if value is not None and not valid_key(str(value)):
            raise ValueError("use 1–128 letters, digits, '-' or '_'")
        return value


class MessageIn(BaseModel):
    """One message of encoding B's transcript."""

    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant", "system"]
    content: PlainText = Field(max_length=MAX_CHARS)


class AgentCreateRequest(BaseModel):
    """Encoding B: a transcript whose last user message is the new turn."""

    model_config = ConfigDict(extra="forbid")

    messages: list[MessageIn] = Field(min_length=1, max_length=MAX_MESSAGES)
    session_id: str | None = Field(default=None, pattern=SESSION_PATTERN)
    timezone: PlainText | None = Field(default=None, max_length=64)

    @model_validator(mode="after")
    def _last_is_user(self) -> AgentCreateRequest:
        last = self.messages[-1]
        if last.role != "user" or not last.content.strip():
            raise ValueError("the last message must be a non-empty user message")
        return self

    @property
    def text(self) -> str:
        """The new turn."""
        return self.messages[-1].content


class ToolCallOut(BaseModel):
    """A tool call made during a turn."""

    name: str
    arguments: Any
    result: Any


class ChatResponse(BaseModel):
    """Encoding C."""

    conversation_id: str
    response: str
    tool_calls: list[ToolCallOut]


class AgentCreateResponse(BaseModel):
    """Encoding C for named-event clients."""

    session_id: str
    final_message: str
    tool_calls: list[ToolCallOut]
    history: list[dict[str, Any]]


class ConversationOut(BaseModel):
    """A conversation in a list."""

    id: str
    title: str
    created_at: datetime
    updated_at: datetime


class NewConversationIn(BaseModel):
    """Optional client-chosen id for a new conversation."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, pattern=SESSION_PATTERN)
    session_id: str | None = Field(default=None, pattern=SESSION_PATTERN)


class MessagesOut(BaseModel):
    """A conversation's user-visible history."""

    conversation_id: str
    title: str
    messages: list[dict[str, Any]]
    active_run_id: str | None = Field(
        default=None, description="a turn still being answered, to resume with /api/runs/{id}"
    )


class CancelOut(BaseModel):
    """The answer to a stop request."""

    run_id: str
    cancelled: bool
    status: str
