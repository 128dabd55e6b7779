"""Statements run straight on the sqlite3 connection (todochat.db.direct) do what SQLAlchemy's
execution of the same statement does: the same rows back (values, types, names), the same bytes
stored, the same errors.

The parity check replaces every ``todochat`` module's ``run`` (todochat.db.statements) with one
that, at each call, runs the statement through SQLAlchemy inside a savepoint, reads every table,
rolls back to the savepoint, runs it directly, reads every table again, and compares; the
direct run's effects are kept. Real chat turns, REST calls and the quota then drive it: every
statement the product runs that way is checked on the values the product gives it.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import bindparam, insert, select, text
from sqlalchemy.exc import IntegrityError, NoResultFound, StatementError
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import AppUnderTest, app_under_test, sign_up
from tests.support.scripted import factory, tool_then_text
from todochat.agent.streaming import PlannedCall
from todochat.chat import conversations, memory
from todochat.config import sqlite_url
from todochat.db import direct, statements
from todochat.db.engine import Database
from todochat.db.models import ChatMessage, Conversation, Run, User
from todochat.limits import quota
from todochat.todos import journal
from todochat.todos import service as todos_service


def _tables(raw: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    names = [
        row[0]
        for row in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: raw.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall() for name in names
    }


def _shape(rows: Any) -> list[tuple[tuple[str, ...], tuple[Any, ...], tuple[type, ...]]]:
    return [(tuple(row._fields), tuple(row), tuple(type(v) for v in row)) for row in rows]


class Parity:
    """Counts and checks the statements that pass through ``run``."""

    def __init__(self) -> None:
        self.checked: list[Any] = []

    async def run(
        self,
        session: AsyncSession,
        statement: Any,
        params: dict[str, Any] | list[dict[str, Any]],
    ) -> Any:
        connection = await session.connection()
        raw = statements._inline(connection)
        assert raw is not None, "a SQLite file's statements should go straight to sqlite3"
        names = tuple(params[0] if isinstance(params, list) else params)
        plan = statements._PLANS.get(statement, connection.dialect, names)
        assert plan is not None, f"refused, would run through SQLAlchemy: {statement}"
        if not raw.in_transaction:
            raw.execute("BEGIN")
        raw.execute("SAVEPOINT parity")
        expected_error: type[BaseException] | None = None
        expected: Any = None
        try:
            result = await connection.execute(statement, params)
            expected = _shape(result) if result.returns_rows else []
        except Exception as exc:  # compared below
            expected_error = type(exc)
        expected_tables = _tables(raw)
        raw.execute("ROLLBACK TO parity")
        got_error: BaseException | None = None
        got: Any = None
        try:
            rows = direct.execute(raw, plan, params)
            got = _shape(rows)
        except Exception as exc:  # compared below
            got_error = exc
        assert _tables(raw) == expected_tables, statement
        raw.execute("RELEASE parity")
        assert type(got_error) is expected_error if got_error else expected_error is None
        if got_error is not None:
            raise got_error
        assert got == expected, statement
        self.checked.append(statement)
        return rows


@pytest.fixture
async def parity(monkeypatch: pytest.MonkeyPatch) -> Parity:
    checker = Parity()
    callers = [
        module
        for name, module in list(sys.modules.items())
        if name.startswith("todochat.") and getattr(module, "run", None) is statements.run
    ]
    # Every module that runs prepared statements, found by what it imported.
    assert {m.__name__ for m in callers} >= {
        "todochat.chat.conversations",
        "todochat.chat.memory",
        "todochat.limits.quota",
        "todochat.todos.journal",
        "todochat.todos.service",
    }
    for module in callers:
        monkeypatch.setattr(module, "run", checker.run)
    return checker


@pytest.fixture
async def sqlite_api(tmp_path: Path) -> AsyncIterator[AppUnderTest]:
    async with app_under_test(sqlite_url(tmp_path / "todochat.db"), monthly_quota=5) as under:
        yield under


async def test_turns_rest_and_quota_run_the_same_directly_as_through_sqlalchemy(
    sqlite_api: AppUnderTest, parity: Parity
) -> None:
    api = sqlite_api
    alice = await sign_up(api.client, timezone="Europe/Paris")
    bob = await sign_up(api.client)
    api.clock.now = datetime(2027, 2, 28, 23, 30, tzinfo=UTC)

    # The built-in assistant: a todo with a tag, a time and a priority, in a new conversation.
    r = await api.client.post(
        f"/api/{alice.id}/chat",
        headers=alice.headers,
        json={"message": "remind me to call the plumber tomorrow at 5 #home, high priority"},
    )
    assert r.status_code == 200, r.text
    key = r.json()["conversation_id"]
    # The same conversation again (its history and the assistant's memory read back).
    r = await api.client.post(
        f"/api/{alice.id}/chat",
        headers=alice.headers,
        json={"message": "what's on my list?", "conversation_id": key},
    )
    assert r.status_code == 200, r.text
    assert "plumber" in r.json()["response"].lower()
    # A scripted turn with several tools, one failing, and a reply with text in it.
    todos = (await api.client.get("/api/todos", headers=alice.headers)).json()
    api.runtime.runs.model_factory = factory(
        tool_then_text(
            [
                PlannedCall("complete_task", {"task_id": todos[0]["id"]}),
                PlannedCall("complete_task", {"task_id": 999999}),
                PlannedCall("add_task", {"title": "Étagère «neuve» 🛠", "tags": ["home", "ikea"]}),
            ],
            "Done — «ok».",
        )
    )
    r = await api.client.post(
        f"/api/{alice.id}/chat",
        headers=alice.headers,
        json={"message": "done with the plumber; add a shelf", "conversation_id": key},
    )
    assert r.status_code == 200, r.text
    # REST: a todo with tags and a due date, an undo of a chat turn's changes.
    r = await api.client.post(
        "/api/todos",
        headers=bob.headers,
        json={
            "title": "Taxes",
            "tags": ["admin"],
            "due_date": "2027-03-01",
            "due_time": "09:00",
        },
    )
    assert r.status_code == 201, r.text
    assert (await api.client.post("/api/todos/undo", headers=alice.headers)).status_code == 200

    # Quota: Bob unlimited by override (counted, never refused), Alice at her month's end.
    async with api.runtime.db.session() as session:
        await session.execute(
            text("UPDATE users SET monthly_quota = -1 WHERE id = :id"), {"id": bob.id}
        )
        await session.commit()
    for _ in range(2):
        r = await api.client.post(
            f"/api/{bob.id}/chat", headers=bob.headers, json={"message": "add buy milk"}
        )
        assert r.status_code == 200, r.text
    refused = 0
    for _ in range(4):
        r = await api.client.post(
            f"/api/{alice.id}/chat", headers=alice.headers, json={"message": "add bread"}
        )
        refused += r.status_code == 429
    assert refused == 2  # 5 a month: three turns above, two here

    seen = {id(s) for s in parity.checked}
    prepared = [
        conversations._NEW_CONVERSATION["sqlite"],
        conversations._INSERT_RUN,
        conversations._FIND_CONVERSATION,
        conversations._RESUME_CONVERSATION,
        conversations._TOUCH_CONVERSATION,
        conversations._END_RUN,
        conversations._INSERT_MESSAGE,
        conversations._HISTORY,
        todos_service._INSERT_TODO,
        todos_service._INSERT_TODO_TAGS,
        journal._INSERT_CHANGE,
        memory._INSERT_ITEM,
        memory._STATE,
        api.runtime.runs._memory._recent,
        api.runtime.runs._memory._touch_session,
        api.runtime.runs._memory._store_state,
        quota._USER_LIMIT,
        api.runtime.runs.quota._count_turn,
        api.runtime.runs.quota._count_turn_within,
    ]
    missing = [str(s) for s in prepared if id(s) not in seen]
    assert not missing, missing
    assert len(parity.checked) > 40


async def test_a_refused_insert_is_sqlalchemys_integrity_error_and_changes_nothing(
    sqlite_api: AppUnderTest, parity: Parity
) -> None:
    api = sqlite_api
    alice = await sign_up(api.client)
    now = datetime(2027, 1, 1, tzinfo=UTC)
    async with api.runtime.db.session() as session:
        service = conversations.ConversationService(session, alice.id, lambda: now)
        _, key, _ = await service.begin_turn(None, "run-1", "hello", 3600.0)
        await session.commit()
    async with api.runtime.db.session() as session:
        service = conversations.ConversationService(session, alice.id, lambda: now)
        # A second run while the first still answers: refused by the database's unique index.
        with pytest.raises(conversations.Conflict):
            await service.begin_turn(key, "run-2", "again", 3600.0)
        await session.rollback()
    async with api.runtime.db.session() as session:
        runs = (await session.execute(select(Run.id))).scalars().all()
        messages = (await session.execute(select(ChatMessage.content))).scalars().all()
    assert runs == ["run-1"]
    assert messages == ["hello"]


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    async with app_under_test(sqlite_url(tmp_path / "todochat.db")) as under:
        yield under.runtime.db


async def test_errors_and_results_read_as_sqlalchemys(sqlite_db: Database) -> None:
    async with sqlite_db.session() as session:
        connection = await session.connection()
        raw = statements._inline(connection)
        assert raw is not None
        insert_user = insert(User)
        names = ("username", "password_hash")
        plan = direct.plan(insert_user, connection.dialect, names)
        assert plan is not None
        direct.execute(raw, plan, {"username": "ann", "password_hash": "x"})
        with pytest.raises(IntegrityError):
            direct.execute(raw, plan, {"username": "ann", "password_hash": "y"})
        # A naive time for a UTC column is refused before it reaches the database.
        conversation = insert(Conversation)
        plan = direct.plan(
            conversation, connection.dialect, ("owner_id", "key", "created_at", "updated_at")
        )
        assert plan is not None
        naive = datetime(2027, 1, 1)
        with pytest.raises(StatementError):
            direct.execute(
                raw, plan, {"owner_id": 1, "key": "k", "created_at": naive, "updated_at": naive}
            )
        # Defaults the statement did not name are the columns' own (title "", utcnow()).
        aware = datetime(2027, 1, 1, tzinfo=UTC)
        direct.execute(
            raw, plan, {"owner_id": 1, "key": "k", "created_at": aware, "updated_at": aware}
        )
        read = select(Conversation.title, Conversation.created_at).where(
            Conversation.key == bindparam("key")
        )
        plan = direct.plan(read, connection.dialect, ("key",))
        assert plan is not None
        row = direct.execute(raw, plan, {"key": "k"}).first()
        assert (row.title, row.created_at) == ("", aware)
        with pytest.raises(NoResultFound):
            direct.execute(raw, plan, {"key": "none"}).scalar_one()
        assert direct.execute(raw, plan, {"key": "none"}).scalar_one_or_none() is None
        await session.rollback()


async def test_what_direct_cannot_do_runs_through_sqlalchemy(sqlite_db: Database) -> None:
    # An expanding IN is rewritten by SQLAlchemy at execution: refused here, and run() still
    # answers through SQLAlchemy.
    many = select(User.username).where(User.id.in_(bindparam("ids", expanding=True)))
    async with sqlite_db.session() as session:
        connection = await session.connection()
        assert direct.plan(many, connection.dialect, ("ids",)) is None
        result = await statements.run(session, many, {"ids": [1, 2]})
        assert list(result) == []


async def test_statement_logging_keeps_sqlalchemys_path(tmp_path: Path) -> None:
    database = Database(sqlite_url(tmp_path / "echo.db"), echo=True)
    try:
        async with database.session() as session:
            connection = await session.connection()
            assert statements._inline(connection) is None
    finally:
        await database.dispose()


async def test_many_rows_with_returning_and_no_rows_at_all_keep_sqlalchemys_path(
    sqlite_db: Database,
) -> None:
    returning = insert(User).returning(User.id)
    async with sqlite_db.session() as session:
        result = await statements.run(
            session,
            returning,
            [{"username": "a", "password_hash": "x"}, {"username": "b", "password_hash": "x"}],
        )
        assert sorted(row[0] for row in result) == [1, 2]
        await session.rollback()
