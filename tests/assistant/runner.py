"""Running a corpus case end to end: REST seeding, then chat turns through the real agent."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.assistant.spec import READ_TOOLS, C, Case, Id, New, matches, subset
from tests.conftest import AppUnderTest, sign_up


@dataclass
class Outcome:
    """What the last turn did."""

    replies: list[str]
    calls: list[dict[str, Any]]
    todos: list[dict[str, Any]]
    ids: list[int]
    # Todos the conversation created before its last turn (``New(n)``), in creation order.
    made: list[int]
    # The list just before the last message, by id.
    before: dict[int, dict[str, Any]]


# Totals over a run of the corpus, printed at the end (tests/assistant/conftest.py).
TALLY = {"cases": 0, "junk_todos": 0, "wrong_target_changes": 0}
_VOLATILE = {"updated_at"}


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
    made: list[int] = []
    before: dict[int, dict[str, Any]] = {}
    for turn, said in enumerate(case.says):
        if turn == len(case.says) - 1:
            r = await client.get("/api/todos", params={"status": "all"}, headers=headers)
            before = {t["id"]: t for t in r.json()}
        for done in calls:
            result = done.get("result")
            if done["name"] == "add_task" and isinstance(result, dict) and "task_id" in result:
                made.append(result["task_id"])
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
    return Outcome(replies, calls, r.json(), ids, made, before)


def _calls_match(
    expected: tuple[C, ...], actual: list[dict[str, Any]], ids: list[int], made: list[int]
) -> bool:
    """The calls match in order; several calls of one tool (completing three todos) are
    independent of each other, so those may come in any order."""
    if len(expected) != len(actual):
        return False

    def fits(e: C, a: dict[str, Any]) -> bool:
        return e.name == a["name"] and subset(e.args, a["arguments"] or {}, ids, made)

    if all(fits(e, a) for e, a in zip(expected, actual, strict=True)):
        return True
    if len({e.name for e in expected}) != 1 or len(expected) > 7:
        return False
    return any(
        all(fits(e, a) for e, a in zip(expected, order, strict=True))
        for order in itertools.permutations(actual)
    )


def _resolved(value: Any, ids: list[int], made: list[int]) -> Any:
    if isinstance(value, Id):
        return ids[value.index]
    if isinstance(value, New):
        return made[value.index] if value.index < len(made) else None
    return value


def side_effects(case: Case, out: Outcome) -> tuple[int, int]:
    """Todos the last turn created beyond the expected add_task calls, and todos it changed or
    deleted that no expected call names (an expected undo may touch any)."""
    after = {t["id"]: t for t in out.todos}
    created = [i for i in after if i not in out.before]
    touched = [i for i in out.before if i not in after] + [
        i
        for i, t in after.items()
        if i in out.before
        and {k: v for k, v in t.items() if k not in _VOLATILE}
        != {k: v for k, v in out.before[i].items() if k not in _VOLATILE}
    ]
    expected_adds = sum(1 for c in case.calls if c.name == "add_task")
    if any(c.name in ("undo", "clear_completed") for c in case.calls):
        return 0, 0  # an undo brings todos back and changes whichever the last change did
    junk = max(0, len(created) - expected_adds)
    targets = {_resolved(c.args.get("task_id"), out.ids, out.made) for c in case.calls}
    # An expected write that names no task_id may touch one todo the case leaves unnamed.
    unnamed = sum(1 for c in case.calls if c.name != "add_task" and "task_id" not in c.args)
    wrong = max(0, sum(1 for i in touched if i not in targets) - unnamed)
    return junk, wrong


def problems(case: Case, out: Outcome) -> list[str]:
    """Every way the outcome differs from the case's expectations (empty: it passed)."""
    found: list[str] = []
    writes = [c for c in out.calls if c["name"] not in READ_TOOLS]
    # list_tags is a lookup (is "errands" a tag?), not a list shown: reads are the listings.
    reads = [c for c in out.calls if c["name"] in READ_TOOLS and c["name"] != "list_tags"]
    junk, wrong = side_effects(case, out)
    TALLY["cases"] += 1
    TALLY["junk_todos"] += junk
    TALLY["wrong_target_changes"] += wrong
    if junk:
        found.append(f"{junk} unexpected todo(s) created")
    if wrong:
        found.append(f"{wrong} todo(s) changed that the case does not name")
    if not _calls_match(case.calls, writes, out.ids, out.made):
        found.append(f"writes: expected {case.calls}, got {writes}")
    if case.reads is not None and not _calls_match(case.reads, reads, out.ids, out.made):
        found.append(f"reads: expected {case.reads}, got {reads}")
    if case.todos is not None:
        if len(case.todos) != len(out.todos):
            found.append(f"todo count: expected {len(case.todos)}, got {len(out.todos)}")
        for want in case.todos:
            same = [t for t in out.todos if matches(want["title"], t["title"], out.ids, "title")]
            if len(same) != 1 or not subset(want, same[0], out.ids, out.made):
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
