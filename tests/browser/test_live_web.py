"""Two browser tabs of the same user stay in step through the live feed (`GET /api/events`):
a change made in one tab, by the assistant, or over REST shows in the other without a reload."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.helpers import register, serve
from tests.browser.test_web import send, sign_in_ui

pytestmark = pytest.mark.browser

# Far above the feed's delay (milliseconds; docs/benchmarks.md); a passing test never waits it.
SOON = 5_000


@contextmanager
def tab(browser: Browser, url: str, username: str) -> Iterator[Page]:
    """A signed-in page in a browser context of its own (as another window or device)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, timezone_id="UTC")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        sign_in_ui(page, url, username)
        yield page
    finally:
        context.close()
    assert not errors, errors


def test_two_tabs_see_each_others_changes(browser: Browser, tmp_path: Path) -> None:
    with serve(tmp_path) as server:
        user = register(server.url)
        with (
            tab(browser, server.url, user.username) as laptop,
            tab(browser, server.url, user.username) as phone,
        ):
            # A change over REST reaches both.
            user.post("/api/todos", {"title": "Made over the API"})
            for page in (laptop, phone):
                expect(page.locator(".todo", has_text="Made over the API")).to_be_visible(
                    timeout=SOON
                )

            # The assistant in one tab: the other tab gets the todo and the conversation.
            send(laptop, "add buy bread tomorrow")
            expect(laptop.locator(".todo", has_text=re.compile("buy bread", re.I))).to_be_visible()
            expect(phone.locator(".todo", has_text=re.compile("buy bread", re.I))).to_be_visible(
                timeout=SOON
            )
            expect(phone.locator(".conversation", has_text="add buy bread tomorrow")).to_be_visible(
                timeout=SOON
            )

            # Ticked on the phone: gone from the laptop's open list.
            phone.get_by_role("checkbox", name="Made over the API").check()
            expect(laptop.locator(".todo", has_text="Made over the API")).to_have_count(
                0, timeout=SOON
            )

            # The same conversation open in both: a message sent from the laptop shows on
            # the phone, reply included.
            phone.locator(".conversation", has_text="add buy bread tomorrow").locator(
                ".conversation-open"
            ).click()
            expect(phone.locator(".msg-user")).to_have_count(1)
            send(laptop, "add call mom on friday")
            expect(phone.locator(".msg-user").last).to_have_text(
                "add call mom on friday", timeout=SOON
            )
            expect(phone.locator(".msg-assistant").last).to_contain_text(
                re.compile("call mom", re.I), timeout=SOON
            )
            expect(phone.locator(".msg-user")).to_have_count(2)
            # The laptop, which wrote it, shows it once.
            expect(laptop.locator(".msg-user")).to_have_count(2)
