"""The composer's preview: what the assistant will read is highlighted while typing."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import register, serve
from tests.browser.test_web import sign_in_ui

pytestmark = pytest.mark.browser


def test_typing_highlights_date_priority_and_tag(page: Page, tmp_path: Path) -> None:
    with serve(tmp_path) as server:
        user = register(server.url)
        sign_in_ui(page, server.url, user.username)
        box = page.get_by_role("textbox", name="Message")
        box.press_sequentially("call the plumber tomorrow at 5 p1 #home")
        preview = page.locator("#composer-preview")
        expect(preview).to_be_visible()
        expect(preview.locator("mark")).to_have_text(["tomorrow", "at 5", "p1", "#home"])
        expect(preview.locator(".pv-summary")).to_contain_text("at 5 PM · high priority · #home")
        # Words that are not read as anything stay plain text; markup typed stays text.
        box.fill("buy <b>milk</b>")
        box.press("End")
        box.press_sequentially(" on friday")
        expect(preview.locator("mark")).to_have_text(["on friday"])
        assert page.locator("#composer-preview b").count() == 0
        # Sent: the preview goes away with the text.
        box.press("Enter")
        expect(preview).to_be_hidden()
