"""The web app in a real browser against a real server (Playwright + Debian Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from agents import TResponseInputItem
from playwright.sync_api import Dialog, Page, Route, expect

from tests.browser.helpers import PASSWORD, echo_script, register, serve
from tests.support.scripted import factory, last_user_text, slow_words, tool_then_text
from todochat.agent.streaming import Plan, PlannedCall

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=alert(1)>"
LONG_REPLY = " ".join(f"word{i}" for i in range(1, 61)) + " THE-END"
RELOAD_REPLY = (
    "Here is your answer: alpha bravo charlie delta echo foxtrot golf hotel india juliet."
)


def sign_up_ui(page: Page, url: str, username: str = "alex") -> None:
    page.goto(url + "/")
    page.get_by_role("group", name="Account").get_by_role("button", name="Create account").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("#auth-form").get_by_role("button", name="Create account").click()
    expect(page.locator("#app")).to_be_visible()


def sign_in_ui(page: Page, url: str, username: str) -> None:
    page.goto(url + "/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("#auth-form").get_by_role("button", name="Sign in").click()
    expect(page.locator("#app")).to_be_visible()


def send(page: Page, text: str) -> None:
    box = page.get_by_role("textbox", name="Message")
    box.fill(text)
    box.press("Enter")


def refuse_turns_with(page: Page, sse: str) -> None:
    """Every streaming turn the page starts is answered with these SSE bytes."""
    page.route(
        "**/chat/stream",
        lambda route: route.fulfill(
            status=200, headers={"Content-Type": "text/event-stream"}, body=sse
        ),
    )


def last_reply(page: Page):  # type: ignore[no-untyped-def]
    return page.locator(".msg-assistant").last


def test_page_headers_and_assets(tmp_path: Path) -> None:
    """Security and cache headers; assets are served, versioned and revalidated."""
    with serve(tmp_path) as server:
        r = httpx.get(server.url + "/")
        assert r.status_code == 200
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["cache-control"] == "no-cache"
        again = httpx.get(server.url + "/", headers={"If-None-Match": r.headers["etag"]})
        assert again.status_code == 304
        script = re.search(r'src="(/static/v-[0-9a-f]+/app\.js)"', r.text)
        assert script, r.text
        js = httpx.get(server.url + script.group(1))
        assert js.status_code == 200
        assert js.headers["content-type"].startswith("text/javascript")
        assert "immutable" in js.headers["cache-control"]
        plain = httpx.get(server.url + "/static/app.css")
        assert plain.headers["cache-control"] == "public, max-age=3600"
        assert httpx.get(server.url + "/static/../app.py").status_code == 404
        assert httpx.get(server.url + "/static/nope.js").status_code == 404


def test_chat_adds_todo_with_offline_model(page: Page, tmp_path: Path) -> None:
    """Sign up, ask the offline assistant, watch the reply stream and the todo appear."""
    with serve(tmp_path) as server:
        sign_up_ui(page, server.url)
        expect(page.locator("#empty-state")).to_be_visible()
        send(page, "add buy milk tomorrow #shopping")
        expect(page.locator(".msg-user").last).to_have_text("add buy milk tomorrow #shopping")
        reply = last_reply(page)
        expect(reply).not_to_have_class(re.compile("is-streaming"), timeout=15_000)
        # Said once: the chip carries the change with its details; the reply's text, which
        # only repeated it ("Added 'buy milk' · Tomorrow · #shopping."), is not shown again.
        expect(reply.locator(".chip")).to_have_count(1)
        expect(reply.locator(".msg-text")).to_have_count(0)
        todo = page.locator(".todo", has_text=re.compile("buy milk", re.I))
        expect(todo).to_be_visible()
        expect(todo).to_contain_text("#shopping")
        expect(todo.locator(".due")).to_contain_text("Tomorrow")
        expect(reply.locator(".chip")).to_contain_text(re.compile("Added 'buy milk'", re.I))
        page.screenshot(path=str(tmp_path / "offline-add.png"))


def test_complete_todo_by_checkbox(page: Page, tmp_path: Path) -> None:
    """A checked todo leaves the open list and the server has it completed."""
    with serve(tmp_path) as server:
        user = register(server.url)
        todo = user.post("/api/todos", {"title": "Water the plants", "priority": "high"})
        user.post("/api/todos", {"title": "Stay open"})
        sign_in_ui(page, server.url, user.username)
        row = page.locator(".todo", has_text="Water the plants")
        expect(row).to_be_visible()
        expect(page.locator("#todo-count")).to_have_text("2")
        page.get_by_role("checkbox", name="Water the plants").check()
        expect(row).to_have_count(0)
        expect(page.locator(".todo", has_text="Stay open")).to_be_visible()
        expect(page.locator("#todo-count")).to_have_text("1")
        assert user.get(f"/api/todos/{todo['id']}")["completed"] is True
        page.screenshot(path=str(tmp_path / "completed.png"))


def _stop_script(items: list[TResponseInputItem]) -> Plan:
    if last_user_text(items).startswith("long"):
        return Plan(text=slow_words(LONG_REPLY, 0.12))
    return Plan(text=["Quick", " answer."])


def test_stop_keeps_partial_reply(page: Page, tmp_path: Path) -> None:
    """Stop during a long turn: the partial reply stays, marked stopped; chat goes on."""
    with serve(tmp_path, factory(_stop_script)) as server:
        sign_up_ui(page, server.url)
        send(page, "long story please")
        reply = last_reply(page)
        expect(reply.locator(".msg-text")).to_contain_text("word5")
        stop = page.get_by_role("button", name="Stop")
        expect(stop).to_be_visible()
        stop.click()
        expect(reply.locator(".mark-stopped")).to_have_text("stopped")
        expect(page.get_by_role("button", name="Send")).to_be_visible()
        partial = reply.locator(".msg-text").inner_text()
        assert "word5" in partial and "THE-END" not in partial
        page.screenshot(path=str(tmp_path / "stopped.png"))

        send(page, "and now?")
        expect(last_reply(page)).to_have_text("Quick answer.")
        expect(page.locator(".mark-stopped")).to_have_count(1)

        # The stored conversation agrees, and reloading shows the stopped mark again.
        page.reload()
        expect(page.locator(".mark-stopped")).to_have_count(1)
        expect(page.locator(".msg-assistant").first.locator(".msg-text")).to_contain_text("word5")


def test_reload_mid_turn_shows_reply_once(page: Page, tmp_path: Path) -> None:
    """Reload while the reply streams: afterwards it is there, complete, exactly once."""
    script = tool_then_text(
        [PlannedCall("add_task", {"title": "Reload-proof task"})], RELOAD_REPLY, delay=0.2
    )
    with serve(tmp_path, factory(script)) as server:
        sign_up_ui(page, server.url)
        send(page, "add a reload-proof task")
        expect(last_reply(page).locator(".msg-text")).to_contain_text("alpha")
        resumed: list[str] = []
        page.on("request", lambda r: resumed.append(r.url) if "/api/runs/" in r.url else None)
        page.reload()
        expect(page.locator("#app")).to_be_visible()
        expect(page.locator(".msg-assistant")).to_have_count(1)
        expect(last_reply(page)).not_to_have_class(re.compile("is-streaming"), timeout=15_000)
        expect(last_reply(page).locator(".msg-text")).to_have_text(RELOAD_REPLY)
        messages = page.locator("#messages").inner_text()
        assert messages.count(RELOAD_REPLY) == 1
        assert messages.count("add a reload-proof task") == 1
        expect(last_reply(page).locator(".chip")).to_have_text("Added 'Reload-proof task'")
        expect(page.locator(".todo", has_text="Reload-proof task")).to_be_visible()
        assert page.evaluate("sessionStorage.getItem('todochat.turn')") is None
        assert len(resumed) == 1, "the reply was picked up from the run's event log"
        page.screenshot(path=str(tmp_path / "after-reload.png"))

        page.reload()
        expect(last_reply(page).locator(".msg-text")).to_have_text(RELOAD_REPLY)
        assert page.locator("#messages").inner_text().count(RELOAD_REPLY) == 1


def test_dropped_stream_resumes(page: Page, tmp_path: Path) -> None:
    """The stream breaks off mid-turn: the client resumes with Last-Event-ID, text shown once."""
    script = tool_then_text(
        [PlannedCall("add_task", {"title": "Survive a drop"})], RELOAD_REPLY, delay=0.1
    )

    def cut_off(route: Route) -> None:
        # Forward the POST, but hand the page only the events up to "alpha", then end the body
        # without a terminal event, as a dropped connection would.
        request = route.request
        headers = {
            k: v for k, v in request.headers.items() if k in ("authorization", "content-type")
        }
        got = b""
        with httpx.stream(
            "POST", request.url, headers=headers, content=request.post_data_buffer, timeout=10
        ) as response:
            for chunk in response.iter_bytes():
                got += chunk
                if b"alpha" in got:
                    break
        route.fulfill(
            status=200,
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"},
            body=got[: got.rfind(b"\n\n") + 2],
        )

    with serve(tmp_path, factory(script)) as server:
        sign_up_ui(page, server.url)
        resumes: list[str | None] = []
        page.on(
            "request",
            lambda r: (
                resumes.append(r.headers.get("last-event-id")) if "/events" in r.url else None
            ),
        )
        page.route("**/chat/stream", cut_off)
        send(page, "tell me something")
        reply = last_reply(page)
        expect(reply).not_to_have_class(re.compile("is-streaming"), timeout=15_000)
        expect(reply.locator(".msg-text")).to_have_text(RELOAD_REPLY)
        expect(reply.locator(".chip")).to_have_text("Added 'Survive a drop'")
        assert len(resumes) == 1
        assert resumes[0] and re.fullmatch(r"run_[0-9a-f]+:\d+", resumes[0])
        assert page.locator("#messages").inner_text().count(RELOAD_REPLY) == 1


def test_leave_and_return_mid_turn(page: Page, tmp_path: Path) -> None:
    """Open another conversation while a reply streams; back again, the reply is whole, once."""
    script = tool_then_text([], RELOAD_REPLY, delay=0.15)
    with serve(tmp_path, factory(script)) as server:
        sign_up_ui(page, server.url)
        send(page, "first question")
        expect(last_reply(page).locator(".msg-text")).to_contain_text("alpha")
        page.get_by_role("button", name="New chat").click()
        expect(page.locator(".msg")).to_have_count(0)
        expect(page.get_by_role("button", name="Send")).to_be_visible()
        page.locator(".conversation-open", has_text="first question").click()
        reply = last_reply(page)
        expect(reply).not_to_have_class(re.compile("is-streaming"), timeout=15_000)
        expect(reply.locator(".msg-text")).to_have_text(RELOAD_REPLY)
        expect(page.locator(".msg-assistant")).to_have_count(1)


def test_xss_title_renders_as_text(page: Page, tmp_path: Path) -> None:
    """Markup in a todo title, a message and a tool chip is shown as text, never run."""
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    script = tool_then_text([PlannedCall("add_task", {"title": XSS + " 2"})], f"Added {XSS} 2.")
    with serve(tmp_path, factory(script)) as server:
        user = register(server.url)
        user.post("/api/todos", {"title": XSS, "description": XSS, "tags": ["x"]})
        sign_in_ui(page, server.url, user.username)
        expect(page.locator(".todo-title").first).to_have_text(XSS)
        send(page, XSS)
        expect(page.locator(".msg-user").last).to_have_text(XSS)
        expect(last_reply(page).locator(".msg-text")).to_have_text(f"Added {XSS} 2.")
        expect(last_reply(page).locator(".chip")).to_have_text(f"Added '{XSS} 2'")
        expect(page.locator(".todo-title", has_text=XSS + " 2")).to_be_visible()
        page.wait_for_timeout(300)
        assert page.locator("#app img:not(.brand img)").count() == 0
        assert dialogs == []
        page.screenshot(path=str(tmp_path / "xss.png"))


def test_switch_conversations(page: Page, tmp_path: Path) -> None:
    """Two conversations, each shows its own history."""
    with serve(tmp_path, factory(echo_script)) as server:
        sign_up_ui(page, server.url)
        send(page, "first topic")
        expect(last_reply(page)).to_have_text("Echo: first topic")
        page.get_by_role("button", name="New chat").click()
        expect(page.locator("#chat-title")).to_have_text("New chat")
        expect(page.locator(".msg")).to_have_count(0)
        send(page, "second topic")
        expect(last_reply(page)).to_have_text("Echo: second topic")
        items = page.locator(".conversation-open")
        expect(items).to_have_count(2)
        expect(items.first).to_contain_text("second topic")

        page.locator(".conversation-open", has_text="first topic").click()
        expect(page.locator("#chat-title")).to_have_text("first topic")
        expect(page.locator(".msg-assistant")).to_have_text(["Echo: first topic"])
        expect(page.locator("#messages")).not_to_contain_text("second topic")

        page.locator(".conversation-open", has_text="second topic").click()
        expect(page.locator(".msg-assistant")).to_have_text(["Echo: second topic"])
        expect(page.locator("#messages")).not_to_contain_text("first topic")

        # A follow-up lands in the open conversation.
        send(page, "more on two")
        expect(page.locator(".msg-assistant")).to_have_count(2)
        page.locator(".conversation-open", has_text="first topic").click()
        expect(page.locator(".msg")).to_have_count(2)
        page.screenshot(path=str(tmp_path / "conversations.png"))


def test_sign_in_errors_are_shown(page: Page, tmp_path: Path) -> None:
    """Server messages for a short password, a taken name and bad credentials."""
    with serve(tmp_path) as server:
        register(server.url, username="taken")
        page.goto(server.url + "/")
        page.get_by_role("group", name="Account").get_by_role(
            "button", name="Create account"
        ).click()
        page.get_by_label("Username").fill("newbie")
        page.get_by_label("Password").fill("short")
        page.locator("#auth-form").get_by_role("button", name="Create account").click()
        expect(page.get_by_role("alert")).to_contain_text("password")
        page.get_by_label("Username").fill("taken")
        page.get_by_label("Password").fill(PASSWORD)
        page.locator("#auth-form").get_by_role("button", name="Create account").click()
        expect(page.get_by_role("alert")).to_contain_text(re.compile("taken|exists", re.I))
        page.get_by_role("group", name="Account").get_by_role("button", name="Sign in").click()
        page.get_by_label("Password").fill("wrong password")
        page.locator("#auth-form").get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("alert")).to_be_visible()
        page.get_by_label("Password").fill(PASSWORD)
        page.locator("#auth-form").get_by_role("button", name="Sign in").click()
        expect(page.locator("#app")).to_be_visible()
        page.get_by_role("button", name="Sign out").click()
        expect(page.locator("#auth")).to_be_visible()
        assert page.evaluate("sessionStorage.getItem('todochat.token')") is None


def test_fallback_and_rate_limit_notice(page: Page, tmp_path: Path) -> None:
    """No stream: the non-streaming endpoint answers. A refusal reads as a notice with the reset."""
    script = tool_then_text([PlannedCall("add_task", {"title": "Fallback task"})], "Added it.")
    with serve(tmp_path, factory(script)) as server:
        sign_up_ui(page, server.url)
        page.route("**/chat/stream", lambda route: route.abort())
        send(page, "add fallback task")
        expect(last_reply(page).locator(".msg-text")).to_have_text("Added it.")
        expect(last_reply(page).locator(".chip")).to_have_text("Added 'Fallback task'")
        expect(page.locator(".todo", has_text="Fallback task")).to_be_visible()

        page.unroute("**/chat/stream")
        refusal = (
            'data: {"type":"error","message":"You have used all 100 messages this month.",'
            '"code":"rate_limit_exceeded","reset_date":"2030-01-01T00:00:00Z"}\n\n'
        )
        refuse_turns_with(page, refusal)
        send(page, "one more")
        notice = last_reply(page).get_by_role("alert")
        expect(notice).to_contain_text("You've reached your limit")
        expect(notice).to_contain_text("all 100 messages")
        expect(notice).to_contain_text("resets Jan 1, 2030, 12 AM")
        expect(page.get_by_role("button", name="Send")).to_be_visible()
        page.screenshot(path=str(tmp_path / "limit.png"))


def test_a_turn_that_reached_the_server_is_not_sent_again(page: Page, tmp_path: Path) -> None:
    """The stream's request reaches the server, then the network fails before the page reads
    a byte: the page asks the server instead of posting the turn a second time."""
    script = tool_then_text([PlannedCall("add_task", {"title": "Only once"})], "Added it once.")
    with serve(tmp_path, factory(script)) as server:
        sign_up_ui(page, server.url)

        def deliver_then_fail(route: Route) -> None:
            route.fetch()  # the server gets the turn and answers it in full
            route.abort()  # the page sees a network error

        page.route("**/chat/stream", deliver_then_fail)
        send(page, "add only once")
        expect(last_reply(page).locator(".msg-text")).to_have_text("Added it once.")
        expect(page.locator(".msg-user")).to_have_count(1)
        expect(page.locator(".todo", has_text="Only once")).to_have_count(1)
        token = page.evaluate("sessionStorage.getItem('todochat.token')")
        auth = {"Authorization": f"Bearer {token}"}
        todos = httpx.get(server.url + "/api/todos", headers=auth).json()
        assert [t["title"] for t in todos] == ["Only once"]
        conversations = httpx.get(server.url + "/api/conversations", headers=auth).json()
        assert len(conversations) == 1
        messages = httpx.get(
            server.url + f"/api/conversations/{conversations[0]['id']}/messages", headers=auth
        ).json()["messages"]
        assert [m["role"] for m in messages] == ["user", "assistant"]


def test_a_per_minute_refusal_does_not_read_as_a_monthly_lockout(
    page: Page, tmp_path: Path
) -> None:
    with serve(tmp_path) as server:
        sign_up_ui(page, server.url)
        refusal = (
            'data: {"type":"error","message":"Too many messages: at most 10 per minute. '
            'Try again in 49 seconds.","code":"rate_limit_exceeded","current_usage":12,'
            '"monthly_limit":200,"remaining_quota":188,"reset_date":"2027-01-01T00:00:00Z"}\n\n'
        )
        refuse_turns_with(page, refusal)
        send(page, "one more")
        notice = last_reply(page).get_by_role("alert")
        expect(notice).to_contain_text("Try again in 49 seconds")
        expect(notice).not_to_contain_text("resets")
        expect(notice).not_to_contain_text("reached your limit")
