"""``todochat chat``, ``login`` and ``logout``: the terminal client, on ``todochat.client``.

The token is kept per server URL in the user's config directory (mode 0600). Replies stream as
they are written; a tool's result is one coloured line ("✓ Added 'Call the plumber' · Fri, Dec 11
at 5 PM"). Input is prompt-toolkit's (line editing, history kept next to the token) when on a
terminal, plain lines from a pipe. Ctrl-C during a reply stops the turn (the partial reply is
kept, as in the web app); Ctrl-C at the prompt leaves.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from todochat.agent.offline.replies import when
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


def describe(event: TurnEvent) -> tuple[str, str] | None:
    """A tool's result as one compact line and its colour."""
    if event.type != "tool_result":
        return None
    output = event.data.get("result")
    name = str(event.data.get("name", "tool"))
    if isinstance(output, dict):
        if output.get("error"):
            return f"✗ {name}: {output['error']}", "red"
        parts = [f"'{output.get('title', '')}'"]
        with contextlib.suppress(ValueError, TypeError):
            parts.append(when(output.get("due_date"), output.get("due_time")))
        if output.get("priority") == "high":
            parts.append("high priority")
        verb = {"created": "Added", "deleted": "Deleted", "completed": "Completed"}.get(
            str(output.get("status")), "Updated"
        )
        return f"✓ {verb} " + " · ".join(p for p in parts if p), "green"
    if isinstance(output, list):
        return f"✓ Found {len(output)}", "green"
    return f"✓ {name}", "green"


def _console() -> Console:
    # Colour on a terminal only; long lines are left to the terminal to wrap (a script reading
    # the output gets each line whole).
    return Console(highlight=False, soft_wrap=True, emoji=False)


async def follow(turn: Turn, console: Console, as_json: bool, prefix: str = "") -> None:
    """Print a turn's events as they come: each tool's result on a line of its own, then the
    reply (after ``prefix``, its later lines indented to match)."""
    out = console.file
    indent = "\n" + " " * len(prefix)
    writing = False
    async for event in turn:
        if as_json:
            out.write(json.dumps({"type": event.type, **event.data}) + "\n")
            out.flush()
            continue
        if event.type == "text":
            text = str(event.data.get("content", ""))
            if not writing and prefix:
                console.print(Text(prefix, style="magenta"), end="")
            writing = True
            out.write(text.replace("\n", indent) if prefix else text)
        elif event.type == "tool_result":
            line = describe(event)
            if line is not None:
                if writing:
                    out.write("\n")
                    writing = False
                console.print(Text("  " + line[0], style=line[1]))
        elif event.type == "cancelled":
            console.print(Text(" (stopped)" if writing else "(stopped)", style="yellow"))
            writing = False
        elif event.type == "error":
            message = str(event.data.get("message", "The assistant could not answer."))
            if writing:
                out.write("\n")
                writing = False
            console.print(Text(message, style="red"))
        elif event.type == "done" and writing:
            out.write("\n")
        out.flush()


async def one_message(url: str, text: str, conversation: str | None, as_json: bool) -> int:
    """``todochat chat -m``: 0 when answered, 1 when refused or failed."""
    token = load_token(url)
    if token is None:
        raise ClientError(f"not signed in to {url}: run `todochat login --url {url}` first")
    async with TodochatClient(url, token) as client:
        turn = await client.send(text, conversation)
        await follow(turn, _console(), as_json)
        return 0 if turn.outcome == "completed" else 1


class _Prompt:
    """Where lines come from: prompt-toolkit on a terminal (editing, history), else lines
    read from a pipe. ``None`` means leave."""

    async def line(self) -> str | None:
        raise NotImplementedError

    def interrupt(self) -> None:
        """Ctrl-C outside a reply: leave at the next prompt."""


class _TerminalPrompt(_Prompt):
    def __init__(self) -> None:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory

        path = credentials_path().parent / "history"
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.touch(mode=0o600, exist_ok=True)
        self._session: PromptSession[str] = PromptSession(history=FileHistory(str(path)))
        self._leave = False

    async def line(self) -> str | None:
        from prompt_toolkit.patch_stdout import patch_stdout

        if self._leave:
            return None
        try:
            # Reminders printed while the prompt is up appear above it, not in the typing.
            with patch_stdout(raw=True):
                # Raw mode: Ctrl-C is a key here (KeyboardInterrupt), never a signal, so the
                # loop's SIGINT handler stays the only one.
                return await self._session.prompt_async("you> ", handle_sigint=False)
        except (KeyboardInterrupt, EOFError):
            return None

    def interrupt(self) -> None:
        self._leave = True


class _PipePrompt(_Prompt):
    def __init__(self) -> None:
        loop = asyncio.get_running_loop()
        self._lines: asyncio.Queue[str | None] = asyncio.Queue()

        def read() -> None:
            # A daemon thread: a pending read never holds up leaving.
            while True:
                line = sys.stdin.readline()
                loop.call_soon_threadsafe(self._lines.put_nowait, line or None)
                if not line:
                    return

        threading.Thread(target=read, name="todochat-input", daemon=True).start()

    async def line(self) -> str | None:
        print("you> ", end="", flush=True)
        line = await self._lines.get()
        if line is None:
            print()
        return line

    def interrupt(self) -> None:
        self._lines.put_nowait(None)


async def interactive(url: str, conversation: str | None) -> int:
    """The chat loop: Ctrl-C stops a reply (twice: leaves); at the prompt it, Ctrl-D or /quit
    leaves."""
    token = load_token(url)
    if token is None:
        raise ClientError(f"not signed in to {url}: run `todochat login --url {url}` first")
    prompt: _Prompt = (
        _TerminalPrompt() if sys.stdin.isatty() and sys.stdout.isatty() else _PipePrompt()
    )
    console = _console()
    async with TodochatClient(url, token) as client:
        me = await client.me()
        console.print(
            Text.assemble(
                f"todochat at {url}, signed in as ",
                (str(me["username"]), "bold"),
                ". /help for commands.",
            )
        )
        watching = asyncio.ensure_future(_reminders(client, console))
        try:
            return await _loop(client, prompt, console, conversation)
        finally:
            watching.cancel()


async def _reminders(client: TodochatClient, console: Console) -> None:
    """Reminders as they come, on a line of their own."""
    try:
        async for notice in client.live():
            if notice.get("type") == "reminder":
                console.print(Text(f"⏰ Reminder: {notice.get('title', '')}", style="bold yellow"))
    except ClientError:
        return


async def _loop(
    client: TodochatClient, prompt: _Prompt, console: Console, conversation: str | None
) -> int:
    loop = asyncio.get_running_loop()
    listed: list[dict[str, Any]] = []
    while True:
        # Ctrl-C while running a command leaves at the next prompt; at a prompt-toolkit prompt
        # it is a key, on a pipe the handler ends the wait for a line.
        loop.add_signal_handler(signal.SIGINT, prompt.interrupt)
        line = await prompt.line()
        if line is None:
            return 0
        text = line.strip()
        if not text:
            continue
        if text in ("/quit", "/exit"):
            return 0
        if text == "/help":
            console.print(HELP)
        elif text == "/new":
            conversation = None
            console.print(Text("(new conversation)", style="dim"))
        elif text == "/list":
            listed = await client.conversations()
            for n, c in enumerate(listed, 1):
                console.print(f"{n:>3}. {c.get('title') or c['id']}", markup=False)
        elif text.startswith("/open"):
            number = text.removeprefix("/open").strip()
            if not number.isdigit() or not 1 <= int(number) <= len(listed):
                console.print("use /list, then /open N")
                continue
            conversation = str(listed[int(number) - 1]["id"])
            for m in (await client.messages(conversation))[-6:]:
                who = ("you", "cyan") if m["role"] == "user" else ("todo", "magenta")
                console.print(Text.assemble((f"{who[0]}: ", who[1]), str(m["content"])))
        elif text == "/todos":
            for t in await client.todos():
                due = when(t.get("due_date"), t.get("due_time"))
                console.print(Text(f"  • {t['title']}" + (f" · {due}" if due else "")))
        elif text.startswith("/"):
            console.print(f"unknown command {text.split()[0]}; /help lists them", markup=False)
        else:
            turn = await client.send(text, conversation)
            if not await _answer(client, turn, console, prompt.interrupt):
                return 0
            conversation = turn.conversation_id or conversation


async def _answer(client: TodochatClient, turn: Turn, console: Console, after: Any) -> bool:
    """Print the reply; the first Ctrl-C stops the turn (the reply so far is kept), a second
    one leaves (False)."""
    loop = asyncio.get_running_loop()
    stops: list[asyncio.Future[Any]] = []
    reading = asyncio.ensure_future(follow(turn, console, as_json=False, prefix="todo: "))

    def stop() -> None:
        if stops or turn.run_id is None:
            reading.cancel()  # a second Ctrl-C leaves
            return
        stops.append(asyncio.ensure_future(client.cancel(turn.run_id)))

    loop.add_signal_handler(signal.SIGINT, stop)
    try:
        await reading
        return True
    except asyncio.CancelledError:
        console.print()
        return False
    finally:
        # Straight back to the prompt's handler: no moment with Python's default one.
        loop.add_signal_handler(signal.SIGINT, after)


async def login(url: str, username: str, password: str) -> str:
    async with TodochatClient(url) as client:
        token = await client.login(username, password)
    save_token(url, token)
    return token
