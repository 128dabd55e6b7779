"""Screenshots of the main screen for the README: light/dark x desktop/phone.

Run from the repository root:  python -m tests.browser.make_screenshots
Writes docs/screenshots/{light,dark}-{desktop,phone}.png, and light-reminder.png (a reminder
firing while the composer previews what it will read). Uses Debian's Chromium
(TODOCHAT_TEST_CHROMIUM, default /usr/bin/chromium) and a scripted model, so it needs no network.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from agents import TResponseInputItem
from playwright.sync_api import sync_playwright

from tests.browser.helpers import CHROMIUM_ARGS, Rest, register, serve
from tests.support.scripted import factory, last_user_text
from todochat.agent.streaming import Plan, PlannedCall

TZ = "America/New_York"
OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def today() -> date:
    return datetime.now(ZoneInfo(TZ)).date()


def day(offset: int) -> str:
    return (today() + timedelta(days=offset)).isoformat()


def demo_script(items: list[TResponseInputItem]) -> Plan:
    """A few canned turns that show streaming text and tool chips."""
    text = last_user_text(items).lower()
    after_tools = (
        bool(items)
        and isinstance(items[-1], dict)
        and (items[-1].get("type") == "function_call_output")
    )
    if "plumber" in text:
        if not after_tools:
            call = PlannedCall(
                "add_task",
                {
                    "title": "Call the plumber",
                    "due_date": day(1),
                    "due_time": "17:00",
                    "tags": ["home"],
                },
            )
            return Plan(calls=[call])
        return Plan(text=["Done. ", "I'll remind you to call the plumber ", "tomorrow at 5 PM."])
    if "due today" in text:
        if not after_tools:
            return Plan(calls=[PlannedCall("list_tasks", {"due": "today"})])
        return Plan(
            text=[
                "Two things today: water the plants and pick up the dry cleaning (by 6 PM). ",
                "Also, renewing your passport was due yesterday. Want me to move it?",
            ]
        )
    if "weekend" in text:
        return Plan(text=["Saturday: groceries and laundry. Sunday: a hike if the weather holds."])
    return Plan(text=["Got it."])


def seed(user: Rest) -> None:
    todos = [
        {"title": "Renew passport", "due_date": day(-1), "priority": "high", "tags": ["admin"]},
        {
            "title": "Water the plants",
            "due_date": day(0),
            "recurrence": "FREQ=WEEKLY",
            "tags": ["home"],
        },
        {"title": "Pick up the dry cleaning", "due_date": day(0), "due_time": "18:00"},
        {"title": "Buy milk", "due_date": day(1), "tags": ["shopping"]},
        {
            "title": "Book a dentist appointment",
            "due_date": day(4),
            "priority": "medium",
            "tags": ["health"],
        },
        {"title": "Read “Project Hail Mary”", "priority": "low", "tags": ["books"]},
    ]
    for todo in todos:
        user.post("/api/todos", todo)
    chat = f"/api/{user.id}/chat"
    user.post(chat, {"message": "plan the weekend for me"})
    first = user.post(chat, {"message": "remind me to call the plumber tomorrow at 5pm"})
    user.post(chat, {"message": "what's due today?", "conversation_id": first["conversation_id"]})


def reminder_shot(browser: Any, url: str, user: Rest) -> None:
    """A reminder toast over the app, with the composer's preview of a half-typed message."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, timezone_id=TZ, reduced_motion="reduce"
    )
    page = context.new_page()
    page.goto(url + "/")
    page.evaluate("t => sessionStorage.setItem('todochat.token', t)", user.token)
    page.reload()
    page.locator(".todo").nth(6).wait_for(state="attached")
    page.get_by_role("textbox", name="Message").press_sequentially(
        "book the car service next friday at 9 p1 #car"
    )
    page.locator("#composer-preview mark").first.wait_for()
    todo = next(t for t in user.get("/api/todos") if t["title"] == "Pick up the dry cleaning")
    soon = (datetime.now(ZoneInfo("UTC")) + timedelta(seconds=1)).isoformat()
    user.post(f"/api/todos/{todo['id']}/snooze", {"until": soon})
    page.locator(".toast-reminder").wait_for()
    page.wait_for_timeout(300)
    path = OUT / "light-reminder.png"
    page.screenshot(path=str(path))
    print(path, file=sys.stderr)
    context.close()


def main() -> None:
    chromium = os.environ.get("TODOCHAT_TEST_CHROMIUM", "/usr/bin/chromium")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp), factory(demo_script)) as server:
        user = register(server.url, timezone=TZ, username="alex")
        seed(user)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for scheme in ("light", "dark"):
                for size, (width, height) in SIZES.items():
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        device_scale_factor=2 if size == "phone" else 1,
                        timezone_id=TZ,
                        color_scheme=scheme,  # type: ignore[arg-type]
                        reduced_motion="reduce",
                    )
                    page = context.new_page()
                    page.goto(server.url + "/")
                    page.evaluate("t => sessionStorage.setItem('todochat.token', t)", user.token)
                    page.reload()
                    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
                    page.locator(".msg-assistant").nth(1).wait_for()
                    page.locator(".todo").nth(6).wait_for(state="attached")
                    page.wait_for_timeout(300)
                    path = OUT / f"{scheme}-{size}.png"
                    page.screenshot(path=str(path))
                    print(path, file=sys.stderr)
                    context.close()
            reminder_shot(browser, server.url, user)
            browser.close()


if __name__ == "__main__":
    main()
