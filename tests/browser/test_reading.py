"""Chat that reads well: a long reply stays in view while it streams (unless the reader scrolls
up, then a "Jump to latest" button), a conversation opens at its latest message, and at phone
width nothing scrolls sideways."""

from __future__ import annotations

from pathlib import Path

import pytest
from agents import TResponseInputItem
from playwright.sync_api import Browser, Page, expect

from tests.browser.helpers import register, serve
from tests.browser.test_web import last_reply, send, sign_in_ui
from tests.support.scripted import factory, last_user_text, slow_words, tool_then_text
from todochat.agent.streaming import Plan, PlannedCall

pytestmark = pytest.mark.browser

LONG = " ".join(f"word{i}" for i in range(1, 400)) + " THE-END"


def _long_script(items: list[TResponseInputItem]) -> Plan:
    if "long" in last_user_text(items):
        return Plan(text=slow_words(LONG, 0.004))
    return Plan(text=["Short", " answer."])


def _distance_from_end(page: Page) -> float:
    return float(
        page.evaluate(
            "(() => { const s = document.getElementById('chat-scroll');"
            " return s.scrollHeight - s.scrollTop - s.clientHeight; })()"
        )
    )


def test_a_long_reply_stays_in_view_to_its_last_word(page: Page, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 600})
    with serve(tmp_path, factory(_long_script)) as server:
        user = register(server.url)
        sign_in_ui(page, server.url, user.username)
        send(page, "a long one please")
        expect(last_reply(page).locator(".msg-text")).to_contain_text("THE-END", timeout=20_000)
        expect(last_reply(page)).not_to_have_class("msg msg-assistant is-streaming")
        assert _distance_from_end(page) < 2
        end = page.get_by_text("THE-END", exact=False)
        expect(end).to_be_in_viewport()
        composer = page.locator("#composer").bounding_box()
        word = page.locator(".msg-assistant .msg-text").last.bounding_box()
        assert composer is not None and word is not None
        assert word["y"] + word["height"] <= composer["y"] + 1  # not under the message box


def test_scrolling_up_stops_following_and_jump_returns(page: Page, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 600})
    with serve(tmp_path, factory(_long_script)) as server:
        user = register(server.url)
        sign_in_ui(page, server.url, user.username)
        send(page, "a long one please")
        expect(last_reply(page).locator(".msg-text")).to_contain_text("word150", timeout=20_000)
        page.locator("#chat-scroll").evaluate("s => s.scrollTo({top: 0, behavior: 'instant'})")
        expect(last_reply(page).locator(".msg-text")).to_contain_text("THE-END", timeout=20_000)
        assert page.locator("#chat-scroll").evaluate("s => s.scrollTop") < 50  # left where read
        jump = page.get_by_role("button", name="Jump to latest")
        expect(jump).to_be_visible()
        jump.click()
        expect(jump).to_be_hidden()
        assert _distance_from_end(page) < 2


def test_a_conversation_opens_at_its_latest_message(page: Page, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 500})
    with serve(tmp_path) as server:
        user = register(server.url)
        for n in range(9):  # under the rate limit of 10 a minute
            user.post(
                f"/api/{user.id}/chat",
                {"message": f"add task number {n}", "conversation_id": "long"},
            )
        sign_in_ui(page, server.url, user.username)
        expect(page.locator(".msg-user")).to_have_count(9)
        expect(page.locator(".msg-user").last).to_be_in_viewport()
        page.reload()
        expect(page.locator(".msg-user")).to_have_count(9)
        expect(page.locator(".msg-user").last).to_be_in_viewport()


def test_at_phone_width_nothing_scrolls_sideways(browser: Browser, tmp_path: Path) -> None:
    title = "Call the plumber about the leaking pipe under the kitchen sink before the weekend"
    reply = f"Added '{title}'. I'll remind you well before the weekend."
    script = tool_then_text([PlannedCall("add_task", {"title": title})], reply)
    context = browser.new_context(viewport={"width": 390, "height": 844}, timezone_id="UTC")
    page = context.new_page()
    try:
        with serve(tmp_path, factory(script)) as server:
            user = register(server.url)
            sign_in_ui(page, server.url, user.username)
            send(page, "remind me about the plumber")
            expect(last_reply(page).locator(".chip")).to_be_visible()
            expect(last_reply(page).locator(".msg-text")).to_contain_text("weekend")
            widths = page.evaluate(
                "(() => ({page: document.scrollingElement.scrollWidth,"
                " chat: document.getElementById('chat-scroll').scrollWidth,"
                " view: document.getElementById('chat-scroll').clientWidth}))()"
            )
            assert widths["page"] <= 390, widths
            assert widths["chat"] <= widths["view"], widths
            chip = last_reply(page).locator(".chip").bounding_box()
            assert chip is not None and chip["x"] + chip["width"] <= 390
    finally:
        context.close()


MARKDOWN = (
    "Here is **the plan**:\n\n1. Call the *plumber*\n2. Buy `AA` batteries\n\n"
    "- one\n- two <img src=x onerror=alert(1)>\n\n```\nraw <b>code</b>\n```"
)


def test_a_reply_reads_as_markdown_and_html_stays_text(page: Page, tmp_path: Path) -> None:
    def script(items: list[TResponseInputItem]) -> Plan:
        return Plan(text=slow_words(MARKDOWN, 0.002))

    with serve(tmp_path, factory(script)) as server:
        user = register(server.url)
        sign_in_ui(page, server.url, user.username)
        send(page, "what's the plan")
        text = last_reply(page).locator(".msg-text")
        expect(text.locator("pre code")).to_have_text("raw <b>code</b>", timeout=15_000)
        expect(text.locator("strong")).to_have_text("the plan")
        expect(text.locator("ol li")).to_have_text(["Call the plumber", "Buy AA batteries"])
        expect(text.locator("ol em")).to_have_text("plumber")
        expect(text.locator("ol code")).to_have_text("AA")
        expect(text.locator("ul li")).to_have_text(["one", "two <img src=x onerror=alert(1)>"])
        assert text.locator("img, b").count() == 0


def test_try_again_after_an_error_and_edit_a_sent_message(page: Page, tmp_path: Path) -> None:
    calls = {"n": 0}

    def script(items: list[TResponseInputItem]) -> Plan:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("scripted failure")
        return Plan(text=["Done", " now."])

    with serve(tmp_path, factory(script)) as server:
        user = register(server.url)
        sign_in_ui(page, server.url, user.username)
        send(page, "tidy the garage")
        retry = page.get_by_role("button", name="Try again")
        expect(retry).to_be_visible()
        retry.click()
        expect(last_reply(page).locator(".msg-text")).to_have_text("Done now.")
        expect(page.locator(".msg-user")).to_have_text(["tidy the garage", "tidy the garage"])
        expect(retry).to_have_count(0)
        page.locator(".msg-user").last.hover()
        page.get_by_role("button", name="Edit this message").last.click()
        box = page.get_by_role("textbox", name="Message")
        expect(box).to_have_value("tidy the garage")
        expect(box).to_be_focused()


def test_undo_under_a_reply_reverts_what_it_changed(page: Page, tmp_path: Path) -> None:
    with serve(tmp_path) as server:
        user = register(server.url)
        kept = user.post("/api/todos", {"title": "Renew passport"})
        sign_in_ui(page, server.url, user.username)
        send(page, "add three tasks: buy milk, water the plants every monday, book flights p2")
        reply = last_reply(page)
        expect(reply.locator(".chip")).to_have_count(3)
        expect(reply.locator(".msg-text")).to_have_count(0)  # the list only repeated the chips
        expect(page.locator("#todo-list .todo")).to_have_count(4)
        reply.get_by_role("button", name="Undo").click()
        expect(page.locator("#todo-list .todo-title")).to_have_text(["Renew passport"])
        expect(reply.locator(".chip-undone")).to_have_count(3)
        assert [t["id"] for t in user.get("/api/todos")] == [kept["id"]]
        # A change made since (here over REST) is never undone by an older reply's button.
        send(page, "add call mom")
        expect(last_reply(page).get_by_role("button", name="Undo")).to_be_visible()
        user.post("/api/todos", {"title": "Made elsewhere"})
        last_reply(page).get_by_role("button", name="Undo").click()
        expect(page.locator(".toast", has_text="other changes came after")).to_be_visible()
        titles = sorted(t["title"] for t in user.get("/api/todos"))
        assert titles == ["Call mom", "Made elsewhere", "Renew passport"]
