"""``todochat chat``, ``login`` and ``logout``: the terminal client, on ``todochat.client``.

The token is kept per server URL in the user's config directory (mode 0600). Replies stream as
they are written; a tool's result is one line ("✓ Added 'Call the plumber'"). Ctrl-C during a
reply stops the turn (the partial reply is kept, as in the web app); Ctrl-C at the prompt leaves.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any, TextIO

from todochat.client import ClientError, TodochatClient, Turn, TurnEvent

DEFAULT_URL = "http://127.0.0.1:8000"
HELP = """/new        start a new conversation
/list       your conversations
/open N     open conversation N of /list
/todos      your open todos
/help       this help
/quit       leave (or Ctrl-D)"""


def credentials_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "todochat" / "credentials.json"


def load_token(url: str) -> str | None:
    path = credentials_path()
    try:
        saved = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    token = saved.get(url.rstrip("/")) if isinstance(saved, dict) else None
    return token if isinstance(token, str) else None


def save_token(url: str, token: str | None) -> None:
    path = credentials_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        saved = json.loads(path.read_text())
    except (OSError, ValueError):
        saved = {}
    if token is None:
        saved.pop(url.rstrip("/"), None)
    else:
        saved[url.rstrip("/")] = token
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump(saved, out)
    path.chmod(0o600)


def describe(event: TurnEvent) -> str | None:
    """A tool's result as one compact line."""
    if event.type != "tool_result":
        return None
    output = event.data.get("result")
    name = str(event.data.get("name", "tool"))
    if isinstance(output, dict):
        if output.get("error"):
            return f"✗ {name}: {output['error']}"
        title = f"'{output.get('title', '')}'"
        when = " ".join(str(output.get(k) or "") for k in ("due_date", "due_time")).strip()
        verb = {"created": "Added", "deleted": "Deleted", "completed": "Completed"}.get(
            str(output.get("status")), "Updated"
        )
        return f"✓ {verb} {title}" + (f" · {when}" if when else "")
    if isinstance(output, list):
        return f"✓ Found {len(output)}"
    return f"✓ {name}"


async def follow(turn: Turn, out: TextIO, as_json: bool) -> None:
    """Print a turn's events as they come."""
    async for event in turn:
        if as_json:
            out.write(json.dumps({"type": event.type, **event.data}) + "\n")
            out.flush()
            continue
        if event.type == "text":
            out.write(str(event.data.get("content", "")))
            out.flush()
        elif event.type == "tool_result":
            out.write(f"{describe(event)}\n")
        elif event.type == "cancelled":
            out.write(" (stopped)\n")
        elif event.type == "error":
            out.write(f"\n{event.data.get('message', 'The assistant could not answer.')}\n")
        elif event.type == "done":
            out.write("\n")
        out.flush()


async def one_message(url: str, text: str, conversation: str | None, as_json: bool) -> int:
    """``todochat chat -m``: 0 when answered, 1 when refused or failed."""
    token = load_token(url)
    if token is None:
        raise ClientError(f"not signed in to {url}: run `todochat login --url {url}` first")
    async with TodochatClient(url, token) as client:
        turn = await client.send(text, conversation)
        await follow(turn, sys.stdout, as_json)
        return 0 if turn.outcome == "completed" else 1


async def interactive(url: str, conversation: str | None) -> int:
    """The chat loop: Ctrl-C stops a reply (twice: leaves); at the prompt it, Ctrl-D or /quit
    leaves."""
    token = load_token(url)
    if token is None:
        raise ClientError(f"not signed in to {url}: run `todochat login --url {url}` first")
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()

    def read() -> None:
        # A daemon thread: a pending read never holds up leaving.
        while True:
            line = sys.stdin.readline()
            loop.call_soon_threadsafe(lines.put_nowait, line or None)
            if not line:
                return

    threading.Thread(target=read, name="todochat-input", daemon=True).start()

    def at_prompt() -> None:
        lines.put_nowait(None)

    async with TodochatClient(url, token) as client:
        me = await client.me()
        print(f"todochat at {url}, signed in as {me['username']}. /help for commands.")
        listed: list[dict[str, Any]] = []
        watching = asyncio.ensure_future(_reminders(client))
        try:
            return await _loop(client, lines, at_prompt, conversation, listed)
        finally:
            watching.cancel()


async def _reminders(client: TodochatClient) -> None:
    """Reminders as they come, on a line of their own."""
    try:
        async for notice in client.live():
            if notice.get("type") == "reminder":
                print(f"\n⏰ Reminder: {notice.get('title', '')}", flush=True)
    except ClientError:
        return


async def _loop(
    client: TodochatClient,
    lines: asyncio.Queue[str | None],
    at_prompt: Any,
    conversation: str | None,
    listed: list[dict[str, Any]],
) -> int:
    loop = asyncio.get_running_loop()
    while True:
        # Ctrl-C while at the prompt or running a command leaves (at the next prompt).
        loop.add_signal_handler(signal.SIGINT, at_prompt)
        print("you> ", end="", flush=True)
        line = await lines.get()
        if line is None:
            print()
            return 0
        text = line.strip()
        if not text:
            continue
        if text in ("/quit", "/exit"):
            return 0
        if text == "/help":
            print(HELP)
        elif text == "/new":
            conversation = None
            print("(new conversation)")
        elif text == "/list":
            listed = await client.conversations()
            for n, c in enumerate(listed, 1):
                print(f"{n:>3}. {c.get('title') or c['id']}")
        elif text.startswith("/open"):
            number = text.removeprefix("/open").strip()
            if not number.isdigit() or not 1 <= int(number) <= len(listed):
                print("use /list, then /open N")
                continue
            conversation = str(listed[int(number) - 1]["id"])
            for m in (await client.messages(conversation))[-6:]:
                who = "you" if m["role"] == "user" else "todo"
                print(f"{who}: {m['content']}")
        elif text == "/todos":
            for t in await client.todos():
                due = " ".join(str(t.get(k) or "") for k in ("due_date", "due_time")).strip()
                print(f"  • {t['title']}" + (f" · {due}" if due else ""))
        else:
            turn = await client.send(text, conversation)
            if not await _answer(client, turn, at_prompt):
                return 0
            conversation = turn.conversation_id or conversation


async def _answer(client: TodochatClient, turn: Turn, after: Any) -> bool:
    """Print the reply; the first Ctrl-C stops the turn (the reply so far is kept), a second
    one leaves (False)."""
    loop = asyncio.get_running_loop()
    stops: list[asyncio.Future[Any]] = []
    reading = asyncio.ensure_future(follow(turn, sys.stdout, as_json=False))

    def stop() -> None:
        if stops or turn.run_id is None:
            reading.cancel()  # a second Ctrl-C leaves
            return
        stops.append(asyncio.ensure_future(client.cancel(turn.run_id)))

    loop.add_signal_handler(signal.SIGINT, stop)
    try:
        sys.stdout.write("todo: ")
        sys.stdout.flush()
        await reading
        return True
    except asyncio.CancelledError:
        print()
        return False
    finally:
        # Straight back to the prompt's handler: no moment with Python's default one.
        loop.add_signal_handler(signal.SIGINT, after)


async def login(url: str, username: str, password: str) -> str:
    async with TodochatClient(url) as client:
        token = await client.login(username, password)
    save_token(url, token)
    return token
