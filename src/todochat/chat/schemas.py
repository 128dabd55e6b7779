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


class ParseRequest(BaseModel):
    """What the composer holds so far, for its live preview."""

    model_config = ConfigDict(extra="forbid")

    text: PlainText = Field(max_length=MAX_CHARS)
    timezone: PlainText | None = Field(default=None, max_length=64)


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


class AiSdkPart(BaseModel):
    """One part of an AI SDK UI message; only text parts carry the turn."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(max_length=64)
    text: str | None = None


class AiSdkMessage(BaseModel):
    """A UI message of the AI SDK's transcript."""

    model_config = ConfigDict(extra="allow")

    id: str | None = Field(default=None, max_length=256)
    role: Literal["user", "assistant", "system"]
    parts: list[AiSdkPart] = Field(default_factory=list, max_length=1000)


class AiSdkChatRequest(BaseModel):
    """What ``DefaultChatTransport`` sends: the chat id, the whole transcript and the trigger.

    todochat owns the history: the turn is the text of the last user message.
    """

    # The transport merges an app's extra ``body`` fields at the top level.
    model_config = ConfigDict(extra="allow")

    id: str = Field(pattern=SESSION_PATTERN)
    messages: list[AiSdkMessage] = Field(min_length=1, max_length=10_000)
    trigger: Literal["submit-message", "regenerate-message"] = "submit-message"
    timezone: PlainText | None = Field(default=None, max_length=64)

    @model_validator(mode="after")
    def _last_user_text(self) -> AiSdkChatRequest:
        if self.trigger == "regenerate-message":
            raise ValueError("regenerating a reply is not supported; send the message again")
        if not self.text.strip():
            raise ValueError("the last user message has no text")
        if len(self.text) > MAX_CHARS:
            raise ValueError(f"a message is at most {MAX_CHARS} characters")
        return self

    @property
    def text(self) -> str:
        """The new turn: the text parts of the last user message, joined."""
        last = next((m for m in reversed(self.messages) if m.role == "user"), None)
        if last is None:
            return ""
        return "".join(p.text or "" for p in last.parts if p.type == "text")


class AgUiMessage(BaseModel):
    """A message of AG-UI's ``RunAgentInput``; only the last user message is read."""

    model_config = ConfigDict(extra="allow")

    id: str | None = Field(default=None, max_length=256)
    role: str = Field(max_length=32)
    content: str | list[dict[str, Any]] | None = None

    @property
    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        parts = self.content or []
        return "".join(str(p.get("text", "")) for p in parts if p.get("type") == "text")


class AgUiRunInput(BaseModel):
    """AG-UI's ``RunAgentInput`` (camelCase). ``tools``, ``context`` and ``state`` are ignored:
    todochat's tools are its own. ``threadId`` is the conversation id."""

    model_config = ConfigDict(extra="allow")

    threadId: str = Field(pattern=SESSION_PATTERN)
    runId: str | None = Field(default=None, max_length=128, pattern=SESSION_PATTERN)
    messages: list[AgUiMessage] = Field(min_length=1, max_length=10_000)
    forwardedProps: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _last_user_text(self) -> AgUiRunInput:
        if not self.text.strip():
            raise ValueError("the last user message has no text")
        if len(self.text) > MAX_CHARS:
            raise ValueError(f"a message is at most {MAX_CHARS} characters")
        return self

    @property
    def text(self) -> str:
        """The new turn: the last user message's text."""
        last = next((m for m in reversed(self.messages) if m.role == "user"), None)
        return "" if last is None else last.text

    @property
    def timezone(self) -> str | None:
        value = (self.forwardedProps or {}).get("timezone")
        return value if isinstance(value, str) and len(value) <= 64 else None
