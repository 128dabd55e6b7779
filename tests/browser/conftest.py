"""Browser fixtures: Debian's Chromium through Playwright (never a downloaded browser)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from tests.browser.helpers import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import need

# Generous enough for a loaded CI machine; a passing test never waits this long.
expect.set_options(timeout=10_000)


# Package scope: sync Playwright keeps an event loop running in this thread while it is
# open, which would stop pytest-asyncio from running the async tests that come after.
@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole run."""
    need("Chromium (TODOCHAT_TEST_CHROMIUM)", bool(CHROMIUM))
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, tmp_path: Path) -> Iterator[Page]:
    """A fresh desktop-sized page; fails the test on a JavaScript error or a CSP violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, timezone_id="UTC")
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error" and "Content Security Policy" in msg.text:
            problems.append(f"console: {msg.text}")

    page.on("console", on_console)
    yield page
    try:
        page.screenshot(path=str(tmp_path / "last.png"))
    finally:
        context.close()
    assert not problems, problems
