"""axe-core (pinned in tests/node, run inside the page) finds no serious or critical problem on
the sign-in page, the chat and the todo panel, in light and dark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.helpers import register, serve
from tests.browser.test_web import last_reply, send, sign_in_ui
from tests.support.node import NODE_DIR, node_with_packages

pytestmark = pytest.mark.browser


def _axe(page: Page) -> list[dict[str, Any]]:
    """Serious and critical violations on the page once its animations have settled (a row
    fading in is measured at its final colours)."""
    page.wait_for_function(
        "document.getAnimations().filter(a => a.playState === 'running'"
        " && a.effect?.getTiming().iterations !== Infinity).length === 0"
    )
    if page.evaluate("typeof window.axe") == "undefined":
        page.add_script_tag(path=str(NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_problems(browser: Browser, tmp_path: Path, scheme: str) -> None:
    if node_with_packages() is None:
        pytest.skip("node not installed")
    # The page's CSP admits only its own scripts; axe is added by the test.
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    try:
        with serve(tmp_path) as server:
            user = register(server.url)
            user.post(
                "/api/todos", {"title": "Water the plants", "priority": "high", "tags": ["home"]}
            )
            page.goto(server.url + "/")
            expect(page.get_by_label("Username")).to_be_visible()
            found = {"sign-in": _axe(page)}
            sign_in_ui(page, server.url, user.username)
            send(page, "add buy milk tomorrow #shopping")
            expect(last_reply(page).locator(".chip")).to_be_visible()
            expect(page.locator(".todo", has_text="buy milk")).to_be_visible()
            found["chat and todo panel"] = _axe(page)
            page.get_by_role("button", name="Edit “Water the plants”").click()
            found["todo editor"] = _axe(page)
            page.set_viewport_size({"width": 390, "height": 844})
            found["phone"] = _axe(page)
    finally:
        context.close()
    assert found == {name: [] for name in found}, found


def test_the_phone_drawer_keeps_focus_until_closed(page: Page, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    with serve(tmp_path) as server:
        user = register(server.url)
        user.post(f"/api/{user.id}/chat", {"message": "add buy milk", "conversation_id": "one"})
        sign_in_ui(page, server.url, user.username)
        menu = page.get_by_role("button", name="Conversations")
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        assert page.evaluate("document.activeElement.id") == "new-chat"
        # Around the drawer and its button, never into the page behind it.
        seen = set()
        for _ in range(8):
            page.keyboard.press("Tab")
            seen.add(
                page.evaluate(
                    "document.activeElement.closest('#sidebar') ? 'drawer' :"
                    " document.activeElement.id"
                )
            )
        assert seen <= {"drawer", "menu-button"}, seen
        assert page.evaluate("document.getElementById('chat').inert") is True
        page.keyboard.press("Escape")
        expect(menu).to_have_attribute("aria-expanded", "false")
        assert page.evaluate("document.activeElement.id") == "menu-button"
        assert page.evaluate("document.getElementById('chat').inert") is False
