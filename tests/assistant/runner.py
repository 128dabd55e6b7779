"""Running a corpus case end to end: REST seeding, then chat turns through the real agent."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.assistant.spec import READ_TOOLS, C, Case, matches, subset
from tests.conftest import AppUnderTest, sign_up


@dataclass
class Outcome:
    """What the last turn did."""

    replies: list[str]
    calls: list[dict[str, Any]]
    todos: list[dict[str, Any]]
    ids: list[int]


async def run(api: AppUnderTest, case: Case) -> Outcome:
    """Seed the todos, say every turn in one conversation, read the list back."""
    # Tokens are checked against real time, so sign up first, then stop the clock at the case's.
    api.clock.now = datetime.now(UTC)
    user = await sign_up(api.client, case.tz)
    api.clock.now = datetime.fromisoformat(case.now).replace(tzinfo=ZoneInfo(case.tz))
    client, headers = api.client, user.headers
    ids: list[int] = []
    for todo in case.seed:
        r = await client.post("/api/todos", json=todo.body(), headers=headers)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
        if todo.done:
            r = await client.post(f"/api/todos/{ids[-1]}/complete", headers=headers)
            assert r.status_code == 200, r.text
    conversation: str | None = None
    replies: list[str] = []
    calls: list[dict[str, Any]] = []
    for said in case.says:
        text = re.sub(r"\{id(\d+)\}", lambda m: str(ids[int(m[1])]), said)
        r = await client.post(
            f"/api/{user.id}/chat",
            json={"message": text, "conversation_id": conversation},
            headers=headers,
        )
        assert r.status_code == 200, r.text
        body = r.json()
        conversation = body["conversation_id"]
        replies.append(body["response"])
        calls = body["tool_calls"]
    r = await client.get("/api/todos", params={"status": "all"}, headers=headers)
    assert r.status_code == 200, r.text
    return Outcome(replies, calls, r.json(), ids)


def _calls_match(expected: tuple[C, ...], actual: list[dict[str, Any]], ids: list[int]) -> bool:
    return len(expected) == len(actual) and all(
        e.name == a["name"] and subset(e.args, a["arguments"] or {}, ids)
        for e, a in zip(expected, actual, strict=True)
    )


def problems(case: Case, out: Outcome) -> list[str]:
    """Every way the outcome differs from the case's expectations (empty: it passed)."""
    found: list[str] = []
    writes = [c for c in out.calls if c["name"] not in READ_TOOLS]
    reads = [c for c in out.calls if c["name"] in READ_TOOLS]
    if not _calls_match(case.calls, writes, out.ids):
        found.append(f"writes: expected {case.calls}, got {writes}")
    if case.reads is not None and not _calls_match(case.reads, reads, out.ids):
        found.append(f"reads: expected {case.reads}, got {reads}")
    if case.todos is not None:
        if len(case.todos) != len(out.todos):
            found.append(f"todo count: expected {len(case.todos)}, got {len(out.todos)}")
        for want in case.todos:
            same = [t for t in out.todos if matches(want["title"], t["title"], out.ids, "title")]
            if len(same) != 1 or not subset(want, same[0], out.ids):
                found.append(f"todo: expected {want}, got {same}")
    reply = out.replies[-1]
    if case.reply and not re.search(case.reply, reply, re.I | re.S):
        found.append(f"reply {reply!r} lacks /{case.reply}/")
    if case.not_reply and re.search(case.not_reply, reply, re.I | re.S):
        found.append(f"reply {reply!r} has /{case.not_reply}/")
    if case.before and not re.search(case.before, out.replies[-2], re.I | re.S):
        found.append(f"earlier reply {out.replies[-2]!r} lacks /{case.before}/")
    if found:
        found.append(f"all calls: {out.calls}; replies: {out.replies}")
    return found
