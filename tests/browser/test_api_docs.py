"""/docs and /redoc render with no internet, every file from the server itself, under its CSP."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.helpers import serve

pytestmark = pytest.mark.browser


def test_swagger_ui_and_redoc_work_offline(browser: Browser, tmp_path: Path) -> None:
    # Not the `page` fixture: ReDoc's footer asks for a logo from its CDN, which the CSP
    # blocks (no request leaves; the browser logs the refusal).
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # What the page actually fetched (a request the CSP refused gets no response).
    requested: list[str] = []
    page.on("response", lambda r: requested.append(r.url))
    try:
        with serve(tmp_path) as server:
            page.goto(server.url + "/docs")
            expect(
                page.locator(".opblock-summary-path", has_text="/api/todos").first
            ).to_be_visible()
            page.goto(server.url + "/redoc")
            expect(page.get_by_role("heading", name=re.compile("todochat"))).to_be_visible(
                timeout=15_000
            )
            expect(page.get_by_text("/api/parse").first).to_be_attached()
            for path in ("/docs", "/redoc"):
                r = httpx.get(server.url + path)
                assert "script-src 'self'" in r.headers["content-security-policy"]
                assert "<script>" not in r.text  # no inline script
            outside = [u for u in requested if not u.startswith((server.url, "data:", "blob:"))]
            assert outside == [], outside
    finally:
        context.close()
    assert errors == []
