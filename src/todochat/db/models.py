"""ORM models. Business rules live in the services, not here."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from todochat.db.types import UTCDateTime, utcnow


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints alike."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


Base.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class User(Base):
    """An account."""

    __tablename__ = "users"
    # "Alice" and "alice" are one account: sign-in and registration compare ignoring case.
    __table_args__ = (Index("uq_users_username_lower", func.lower(text("username")), unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    monthly_quota: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


todo_tags = Table(
    "todo_tags",
    Base.metadata,
    Column("todo_id", ForeignKey("todos.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(Base):
    """A per-user, lower-case tag name."""

    __tablename__ = "tags"
    __table_args__ = (UniqueConstraint("owner_id", "name", name="uq_tags_owner_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))


class Todo(Base):
    """A todo. ``due_at`` is a UTC instant; for all-day todos it is local midnight of the date."""

    __tablename__ = "todos"
    __table_args__ = (Index("ix_todos_owner_completed_due", "owner_id", "completed", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    completed: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    due_at: Mapped[datetime | None] = mapped_column(nullable=True)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[str] = mapped_column(String(8), default="none")
    recurrence: Mapped[str | None] = mapped_column(String(255), nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Reminders: how long before a timed todo's due moment (None: no reminder), when the next
    # one fires (UTC; None: none pending), and the moment last reminded or missed, so that a
    # change that leaves the moment as it was does not remind twice.
    remind_before_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    remind_at: Mapped[datetime | None] = mapped_column(nullable=True, index=True)
    reminded_for: Mapped[datetime | None] = mapped_column(nullable=True)
    reminder_missed: Mapped[bool] = mapped_column(Boolean, default=False)

    tags: Mapped[list[Tag]] = relationship(secondary=todo_tags, lazy="selectin", order_by=Tag.name)


class Conversation(Base):
    """A chat conversation; ``key`` is the client-visible id, unique per owner."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("owner_id", "key", name="uq_conversations_owner_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(128))
    title: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ChatMessage(Base):
    """A user-visible message of a conversation (model memory lives in the agent session)."""

    __tablename__ = "chat_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    run_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    role: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="complete")
    tool_calls: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Run(Base):
    """One chat turn executed by the server."""

    __tablename__ = "runs"
    # At most one turn answers in a conversation at a time; the database is what decides a
    # race between two turns that start at once.
    __table_args__ = (
        Index(
            "uq_runs_one_running",
            "conversation_id",
            unique=True,
            sqlite_where=text("status = 'running'"),
            postgresql_where=text("status = 'running'"),
        ),
        # A client's key for a turn it may send again (after a network error): one run per key.
        Index(
            "uq_runs_owner_client_key",
            "owner_id",
            "client_key",
            unique=True,
            sqlite_where=text("client_key IS NOT NULL"),
            postgresql_where=text("client_key IS NOT NULL"),
        ),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="running")
    error_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    input_tokens: Mapped[int] = mapped_column(Integer, default=0)
    output_tokens: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    client_key: Mapped[str | None] = mapped_column(String(128), nullable=True)


class UsageCounter(Base):
    """Turns and tokens per user per calendar month (``period`` is ``YYYY-MM``)."""

    __tablename__ = "usage_counters"
    __table_args__ = (UniqueConstraint("user_id", "period", name="uq_usage_user_period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(7))
    turns: Mapped[int] = mapped_column(Integer, default=0)
    input_tokens: Mapped[int] = mapped_column(Integer, default=0)
    output_tokens: Mapped[int] = mapped_column(Integer, default=0)


class TodoChange(Base):
    """One todo's state before and after a change; a group is one chat turn or one request.

    ``before`` is None for a todo the change created, ``after`` None for one it deleted. Undo
    reverts the owner's newest group not yet undone.
    """

    __tablename__ = "todo_changes"
    __table_args__ = (Index("ix_todo_changes_owner_group", "owner_id", "group_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    group_id: Mapped[str] = mapped_column(String(64))
    todo_id: Mapped[int] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(nullable=True)


class ConversationState(Base):
    """What the assistant keeps of a conversation between turns (its dialogue state), as JSON."""

    __tablename__ = "conversation_states"

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
