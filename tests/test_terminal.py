"""The terminal client against a live server: login, one message with -m (text and --json),
exit codes for a failed turn, logout, and an unreachable server."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.client import sign_up
from tests.support.live import LiveServer
from tests.support.node import scripted_server
from tests.support.proxy import cutting_proxy


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with scripted_server(tmp_path_factory.mktemp("terminal")) as (live, _token):
        yield live


def _user(live: LiveServer) -> str:
    async def make() -> str:
        async with httpx.AsyncClient(base_url=live.url) as client:
            return (await sign_up(client)).username

    return asyncio.run(make())


def _cli(args: list[str], config: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TODOCHAT_")}
    env["XDG_CONFIG_HOME"] = str(config)
    return subprocess.run(
        [sys.executable, "-m", "todochat", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_login_chat_and_logout(server: LiveServer, tmp_path: Path) -> None:
    name = _user(server)
    url = ["--url", server.url]
    out = _cli(["login", "--username", name, "--password", "pw-" + name, *url], tmp_path)
    assert out.returncode == 0, out.stderr
    saved = tmp_path / "todochat" / "credentials.json"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert server.url in json.loads(saved.read_text())

    out = _cli(["chat", "-m", "call the plumber", *url], tmp_path)
    assert out.returncode == 0, out.stderr
    assert "✓ Added 'Call the plumber'" in out.stdout
    assert "Added 'Call the plumber'." in out.stdout

    out = _cli(["chat", "-m", "call the plumber", "--json", *url], tmp_path)
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events[0]["type"] == "start" and events[-1]["type"] == "done"
    assert "tool_result" in [e["type"] for e in events]

    failed = _cli(["chat", "-m", "please fail now", *url], tmp_path)
    assert failed.returncode == 1
    assert "Something went wrong" in failed.stdout

    assert _cli(["logout", *url], tmp_path).returncode == 0
    out = _cli(["chat", "-m", "hello", *url], tmp_path)
    assert out.returncode == 2 and out.stderr.strip().startswith("todochat: not signed in")
    assert len(out.stderr.strip().splitlines()) == 1


def test_a_wrong_password_and_an_unreachable_server_are_one_line(
    server: LiveServer, tmp_path: Path
) -> None:
    name = _user(server)
    out = _cli(["login", "--username", name, "--password", "wrong", "--url", server.url], tmp_path)
    assert out.returncode == 2 and "incorrect username or password" in out.stderr
    out = _cli(
        ["login", "--username", name, "--password", "x", "--url", "http://127.0.0.1:1"], tmp_path
    )
    assert out.returncode == 2 and out.stderr.startswith("todochat: cannot reach")
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


class Pane:
    """`todochat chat` in tmux, driven as a person would: keys in, screen out."""

    def __init__(self, command: str, name: str) -> None:
        self.name = name
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", command],
            check=True,
        )

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def screen(self) -> str:
        out = subprocess.run(
            ["tmux", "capture-pane", "-p", "-J", "-S", "-200", "-t", self.name],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout

    def wait_for(self, text: str, count: int = 1) -> str:
        import time

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            screen = self.screen()
            if screen.count(text) >= count:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False)


def _tmux_or_skip() -> None:
    import shutil

    from tests.conftest import IN_CI

    if shutil.which("tmux") is None:
        if IN_CI:
            pytest.fail("tmux is needed for the terminal client test")
        pytest.skip("tmux not installed")


def _wait_for_file(path: Path) -> str:
    import time

    deadline = time.monotonic() + 10
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return path.read_text().strip()


def _remind_soon(live: LiveServer, name: str, title: str) -> None:
    from datetime import UTC, datetime, timedelta

    with httpx.Client(base_url=live.url) as client:
        r = client.post("/api/auth/token", data={"username": name, "password": "pw-" + name})
        headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
        todo = client.post("/api/todos", headers=headers, json={"title": title}).json()
        soon = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
        r = client.post(f"/api/todos/{todo['id']}/snooze", headers=headers, json={"until": soon})
        assert r.status_code == 200, r.text


def test_the_interactive_chat_streams_stops_and_switches(
    server: LiveServer, tmp_path: Path
) -> None:
    import shlex
    import uuid

    _tmux_or_skip()
    name = _user(server)
    assert (
        _cli(
            ["login", "--username", name, "--password", "pw-" + name, "--url", server.url], tmp_path
        ).returncode
        == 0
    )
    done = tmp_path / "exit-status"
    command = (
        f"XDG_CONFIG_HOME={shlex.quote(str(tmp_path))} {shlex.quote(sys.executable)} -m todochat "
        f"chat --url {server.url}; echo $? > {shlex.quote(str(done))}"
    )
    pane = Pane(command, f"todochat-{uuid.uuid4().hex[:8]}")
    try:
        pane.wait_for("you>")
        pane.keys("call the plumber", "Enter")
        pane.wait_for("Added 'Call the plumber'.")
        # A reminder that falls due while the client is open appears on its own line.
        _remind_soon(server, name, "Water the plants")
        pane.wait_for("⏰ Reminder: Water the plants")
        pane.keys("a slow reply please", "Enter")
        pane.wait_for("w3")
        pane.keys("C-c")  # stops the reply, keeps what came
        pane.wait_for("(stopped)")
        pane.wait_for("you>", count=3)
        pane.keys("/new", "Enter")
        pane.wait_for("(new conversation)")
        pane.keys("call the plumber", "Enter")
        pane.wait_for("Added 'Call the plumber'.", count=2)
        pane.keys("/list", "Enter")
        screen = pane.wait_for("  2. ")
        assert "call the plumber" in screen
        prompts = pane.screen().count("you>")
        pane.keys("/open 2", "Enter")
        pane.wait_for("todo: w0 w1")  # the first conversation's stopped reply, as stored
        pane.wait_for("you>", count=prompts + 1)
        pane.keys("C-c")  # at the prompt: leaves
        assert _wait_for_file(done) == "0"
    finally:
        pane.close()

    # The stopped reply is stored as stopped, and only once.
    async def history() -> list[dict[str, object]]:
        async with httpx.AsyncClient(base_url=server.url) as client:
            r = await client.post(
                "/api/auth/token", data={"username": name, "password": "pw-" + name}
            )
            headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
            conversations = (await client.get("/api/conversations", headers=headers)).json()
            first = conversations[-1]["id"]
            r = await client.get(f"/api/conversations/{first}/messages", headers=headers)
            return list(r.json()["messages"])

    replies = [m for m in asyncio.run(history()) if m["role"] == "assistant"]
    assert [m["status"] for m in replies] == ["complete", "stopped"]


async def test_the_client_library_resumes_a_dropped_reply_once(server: LiveServer) -> None:
    """A proxy the test controls cuts the first stream mid-reply; the client resumes from
    its last event id and the reply arrives whole, each word once."""
    from todochat.client import TodochatClient

    with cutting_proxy(server.url) as proxy:
        async with httpx.AsyncClient(base_url=server.url) as plain:
            user = await sign_up(plain)
        async with TodochatClient(proxy.url) as client:
            await client.login(user.username, "pw-" + user.username)
            await client.me()
            turn = await client.send("a slow reply please")
            events = [event async for event in turn]
    assert turn.outcome == "completed"
    words = "".join(turn.reply).split()
    assert words == [f"w{i}" for i in range(60)]  # whole, nothing twice
    ids = [e.id for e in events if e.id]
    assert len(ids) == len(set(ids))
    assert proxy.cut and proxy.connections >= 2  # cut mid-reply, resumed on a new connection


def test_login_a_dropped_connection_and_logout_in_the_terminal(
    server: LiveServer, tmp_path: Path
) -> None:
    """Signing in at the prompts, a reply whose connection drops mid-way (a proxy the test
    controls cuts it) arrives whole and once, then signing out, all typed in tmux."""
    import re
    import shlex
    import uuid

    _tmux_or_skip()
    name = _user(server)
    done = tmp_path / "exit-status"
    with cutting_proxy(server.url) as proxy:
        todochat = (
            f"XDG_CONFIG_HOME={shlex.quote(str(tmp_path))} {shlex.quote(sys.executable)} "
            "-m todochat"
        )
        command = (
            f"{todochat} login --url {proxy.url} && {todochat} chat --url {proxy.url} && "
            f"{todochat} logout --url {proxy.url}; echo $? > {shlex.quote(str(done))}; sleep 30"
        )
        pane = Pane(command, f"todochat-{uuid.uuid4().hex[:8]}")
        try:
            pane.wait_for("Username:")
            pane.keys(name, "Enter")
            pane.wait_for("Password:")
            pane.keys("pw-" + name, "Enter")
            pane.wait_for(f"signed in as {name}")
            saved = tmp_path / "todochat" / "credentials.json"
            assert stat.S_IMODE(saved.stat().st_mode) == 0o600
            pane.keys("a slow reply please", "Enter")
            pane.wait_for("w59")
            pane.wait_for("you>", count=2)
            assert proxy.cut and proxy.connections >= 2  # cut mid-reply, resumed
            screen = pane.screen()
            assert "pw-" + name not in screen  # the password was not echoed
            shown = re.findall(r"\bw\d+\b", screen)
            assert shown == [f"w{i}" for i in range(60)]  # whole, each word once
            pane.keys("/quit", "Enter")
            pane.wait_for(f"signed out of {proxy.url}")
            assert _wait_for_file(done) == "0"
            assert proxy.url not in json.loads(saved.read_text())
        finally:
            pane.close()


async def test_the_client_library_speaks_both_todochat_encodings_alike(
    server: LiveServer,
) -> None:
    """A turn sent as named events (B) comes out as the same events as a typed one (A), also
    when its connection drops mid-reply (resumed in B); ``follow`` replays a run from its
    start for a second client, in either encoding."""
    from todochat.client import TodochatClient, TurnEvent

    def shape(events: list[TurnEvent]) -> list[tuple[str, object]]:
        keep = {"text": "content", "tool_call": "name", "tool_result": "name", "done": "response"}
        return [(e.type, e.data.get(keep[e.type])) for e in events if e.type in keep]

    async with httpx.AsyncClient(base_url=server.url) as plain:
        user = await sign_up(plain)
    with cutting_proxy(server.url, marker=b"/agent-create/stream") as proxy:
        async with TodochatClient(proxy.url) as client:
            await client.login(user.username, "pw-" + user.username)
            typed = await client.send("call the plumber")
            typed_events = [e async for e in typed]
            named = await client.send("call the plumber", encoding="named")
            named_events = [e async for e in named]
            slow = await client.send("a slow reply please", encoding="named")
            slow_events = [e async for e in slow]
    assert typed.outcome == named.outcome == slow.outcome == "completed"
    assert shape(named_events) == shape(typed_events)
    assert ("tool_result", "add_task") in shape(named_events)
    added = [e.data["result"] for e in named_events if e.type == "tool_result"]
    assert added[0]["title"] == "Call the plumber"
    assert named_events[0].type == "start" and named.conversation_id and named.run_id
    assert proxy.cut and "".join(slow.reply).split() == [f"w{i}" for i in range(60)]
    assert len({e.id for e in slow_events if e.id}) == len([e for e in slow_events if e.id])

    async with TodochatClient(server.url) as other:
        await other.login(user.username, "pw-" + user.username)
        assert slow.run_id is not None
        again = [e async for e in other.follow(slow.run_id, encoding="named")]
        assert shape(again) == shape(slow_events)
        assert typed.run_id is not None and typed.last_id is not None
        tail = [e async for e in other.follow(typed.run_id, typed_events[2].id)]
        assert shape(tail) == shape(typed_events[3:])
