"""A reminder fires in the page (toast with Done / Snooze), and Undo brings back a change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import register, serve
from tests.browser.test_web import sign_in_ui

pytestmark = pytest.mark.browser


def test_a_reminder_shows_once_and_done_completes_the_todo(page: Page, tmp_path: Path) -> None:
    with serve(tmp_path) as server:
        user = register(server.url)
        tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
        todo = user.post(
            "/api/todos", {"title": "Call the plumber", "due_date": tomorrow, "due_time": "17:00"}
        )
        sign_in_ui(page, server.url, user.username)
        expect(page.locator(".todo", has_text="Call the plumber")).to_be_visible()
        # Due in a moment (the server's reminder loop looks every second).
        soon = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
        user.post(f"/api/todos/{todo['id']}/snooze", {"until": soon})
        reminder = page.locator(".toast-reminder")
        expect(reminder).to_contain_text("Reminder: Call the plumber")
        expect(reminder).to_have_count(1)
        reminder.get_by_role("button", name="Done").click()
        expect(page.locator(".todo", has_text="Call the plumber")).to_have_count(0)
        assert user.get(f"/api/todos/{todo['id']}")["completed"] is True


def test_a_reminder_can_be_snoozed(page: Page, tmp_path: Path) -> None:
    with serve(tmp_path) as server:
        user = register(server.url)
        todo = user.post("/api/todos", {"title": "Water the plants"})
        sign_in_ui(page, server.url, user.username)
        user.post(
            f"/api/todos/{todo['id']}/snooze",
            {"until": (datetime.now(UTC) + timedelta(seconds=1)).isoformat()},
        )
        reminder = page.locator(".toast-reminder")
        expect(reminder).to_contain_text("Water the plants")
        reminder.get_by_role("button", name="Snooze 1 h").click()
        expect(page.locator(".toast", has_text="remind you in an hour")).to_be_visible()
        remind_at = datetime.fromisoformat(user.get(f"/api/todos/{todo['id']}")["remind_at"])
        assert timedelta(minutes=58) < remind_at - datetime.now(UTC) <= timedelta(minutes=60)


def test_undo_brings_back_a_ticked_todo(page: Page, tmp_path: Path) -> None:
    with serve(tmp_path) as server:
        user = register(server.url)
        todo = user.post("/api/todos", {"title": "Buy stamps"})
        sign_in_ui(page, server.url, user.username)
        page.get_by_role("checkbox", name="Buy stamps").check()
        expect(page.locator(".todo", has_text="Buy stamps")).to_have_count(0)
        page.locator(".toast").get_by_role("button", name="Undo").click()
        expect(page.locator(".todo", has_text="Buy stamps")).to_be_visible()
        assert user.get(f"/api/todos/{todo['id']}")["completed"] is False
