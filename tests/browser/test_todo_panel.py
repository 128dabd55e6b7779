"""The todo panel as a list you can edit: filters, inline edit, delete with Undo."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import register, serve
from tests.browser.test_web import sign_in_ui

pytestmark = pytest.mark.browser


def _titles(page: Page) -> list[str]:
    return page.locator("#todo-list .todo-title").all_inner_texts()


def test_filters_show_today_overdue_upcoming_done_and_a_tag(page: Page, tmp_path: Path) -> None:
    today = datetime.now(UTC).date()
    with serve(tmp_path) as server:
        user = register(server.url)
        user.post(
            "/api/todos", {"title": "Late", "due_date": (today - timedelta(days=2)).isoformat()}
        )
        user.post("/api/todos", {"title": "Now", "due_date": today.isoformat(), "tags": ["home"]})
        user.post(
            "/api/todos", {"title": "Soon", "due_date": (today + timedelta(days=3)).isoformat()}
        )
        done = user.post("/api/todos", {"title": "Finished"})
        user.post(f"/api/todos/{done['id']}/complete")
        sign_in_ui(page, server.url, user.username)
        expect(page.locator("#todo-list .todo")).to_have_count(3)
        filters = page.get_by_role("group", name="Show")
        for name, expected in (
            ("Today", ["Now"]),
            ("Overdue", ["Late"]),
            ("Upcoming", ["Soon"]),  # after today
            ("Done", ["Finished"]),
        ):
            filters.get_by_role("button", name=name).click()
            expect(filters.get_by_role("button", name=name)).to_have_attribute(
                "aria-pressed", "true"
            )
            expect(page.locator("#todo-list .todo-title")).to_have_text(expected)
        filters.get_by_role("button", name="Open").click()
        page.get_by_role("combobox", name="Tag").select_option("home")
        expect(page.locator("#todo-list .todo-title")).to_have_text(["Now"])


def test_inline_edit_changes_title_time_priority_and_tags(page: Page, tmp_path: Path) -> None:
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    with serve(tmp_path) as server:
        user = register(server.url)
        todo = user.post("/api/todos", {"title": "Call plumber", "due_date": tomorrow})
        sign_in_ui(page, server.url, user.username)
        page.get_by_role("button", name="Edit “Call plumber”").click()
        form = page.get_by_role("form", name="Edit “Call plumber”")
        form.get_by_label("Title").fill("Call the plumber")
        form.get_by_label("Time").fill("17:30")
        form.get_by_label("Priority").select_option("high")
        form.get_by_label("Tags").fill("home, #errands")
        form.get_by_role("button", name="Save").click()
        row = page.locator(".todo", has_text="Call the plumber")
        expect(row).to_contain_text("#errands")
        expect(row.locator(".priority")).to_have_text("high")
        saved = user.get(f"/api/todos/{todo['id']}")
        assert (saved["title"], saved["due_time"], saved["priority"], saved["tags"]) == (
            "Call the plumber",
            "17:30",
            "high",
            ["errands", "home"],
        )
        # Escape leaves the editor without saving.
        page.get_by_role("button", name="Edit “Call the plumber”").click()
        page.get_by_role("form").get_by_label("Title").fill("Something else")
        page.keyboard.press("Escape")
        expect(page.locator(".todo-title")).to_have_text(["Call the plumber"])


def test_delete_then_undo_brings_it_back_with_its_id(page: Page, tmp_path: Path) -> None:
    with serve(tmp_path) as server:
        user = register(server.url)
        todo = user.post("/api/todos", {"title": "Renew passport", "priority": "high"})
        sign_in_ui(page, server.url, user.username)
        page.get_by_role("button", name="Delete “Renew passport”").click()
        expect(page.locator(".todo", has_text="Renew passport")).to_have_count(0)
        page.locator(".toast", has_text=re.compile("Deleted")).get_by_role(
            "button", name="Undo"
        ).click()
        expect(page.locator(".todo", has_text="Renew passport")).to_be_visible()
        assert user.get(f"/api/todos/{todo['id']}")["priority"] == "high"
