"""One app per module for the corpus: each case signs up its own user, so cases stay isolated
while the app, its SQLite database and its warm caches are shared (the corpus stays fast)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.conftest import AppUnderTest, app_under_test
from todochat.config import sqlite_url


@pytest.fixture(scope="module")
async def shared_api(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[AppUnderTest]:
    """Like the ``api`` fixture on SQLite, built once per module."""
    async with app_under_test(
        sqlite_url(tmp_path_factory.mktemp("corpus") / "todochat.db")
    ) as under_test:
        yield under_test


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The corpus's two safety counts: todos nobody asked for, and todos wrongly changed."""
    from tests.assistant.runner import TALLY

    if TALLY["cases"]:
        terminalreporter.write_line(
            f"assistant corpus: {TALLY['cases']} cases, {TALLY['junk_todos']} junk todos, "
            f"{TALLY['wrong_target_changes']} wrong-target changes"
        )
