"""Database: async engine, ORM models and migrations."""

from todochat.db.engine import Database
from todochat.db.models import (
    Base,
    ChatMessage,
    Conversation,
    Run,
    Tag,
    Todo,
    UsageCounter,
    User,
)

__all__ = [
    "Base",
    "ChatMessage",
    "Conversation",
    "Database",
    "Run",
    "Tag",
    "Todo",
    "UsageCounter",
    "User",
]
