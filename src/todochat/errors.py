"""Domain errors: what services raise. HTTP and stream mappings live in one place each.

TodochatError
 ├── NotFound                 unknown id, or another user's (the two are indistinguishable)
 ├── InvalidInput             a field breaks a rule (field, message)
 ├── Conflict                 e.g. a username that is taken
 ├── AuthenticationFailed     bad credentials or token
 ├── Forbidden                authenticated, but not allowed
 └── LimitExceeded            rate limit or monthly quota (carries the refusal payload)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class TodochatError(Exception):
    """Base of every error a service raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(TodochatError):
    """The thing does not exist for this user."""

    def __init__(self, kind: str, ident: object) -> None:
        super().__init__(f"{kind} {ident} not found")
        self.kind = kind
        self.ident = ident


class TodoNotFound(NotFound):
    """No todo with this id belongs to the user."""

    def __init__(self, todo_id: object) -> None:
        super().__init__("todo", todo_id)


class ConversationNotFound(NotFound):
    """No conversation with this id belongs to the user."""

    def __init__(self, conversation_id: object) -> None:
        super().__init__("conversation", conversation_id)


class RunNotFound(NotFound):
    """No run with this id belongs to the user."""

    def __init__(self, run_id: object) -> None:
        super().__init__("run", run_id)


class InvalidInput(TodochatError):
    """A value breaks a rule; ``field`` names it for the client."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class Conflict(TodochatError):
    """The request clashes with existing state."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class AuthenticationFailed(TodochatError):
    """Credentials or token are missing, wrong or expired."""


class TooManyAttempts(AuthenticationFailed):
    """Too many failed sign-ins for a username or from an address."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed sign-in attempts; try again in {retry_after} seconds")
        self.retry_after = retry_after


class Forbidden(TodochatError):
    """The caller is known but may not do this."""


@dataclass
class LimitInfo:
    """The refusal payload of a rate limit or quota (PROTOCOLS.md ``rate_limit_exceeded``)."""

    message: str
    current_usage: int
    monthly_limit: int
    remaining_quota: int
    reset_date: str
    retry_after: int = 60
    extra: dict[str, Any] = field(default_factory=dict)

    def payload(self) -> dict[str, Any]:
        """The JSON body sent to clients."""
        return {
            "message": self.message,
            "current_usage": self.current_usage,
            "monthly_limit": self.monthly_limit,
            "remaining_quota": self.remaining_quota,
            "reset_date": self.reset_date,
        }


class LimitExceeded(TodochatError):
    """A rate limit or the monthly quota refused a turn."""

    def __init__(self, info: LimitInfo) -> None:
        super().__init__(info.message)
        self.info = info


class TurnFailed(TodochatError):
    """A chat turn ended in an error; ``message`` is safe to show."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code
