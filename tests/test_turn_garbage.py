"""A finished chat turn leaves no reference cycles behind.

Objects in a cycle outlive their last use until a full pass of the garbage collector, which
walks every such object at once: with a thousand turns' worth (the agent library's run state,
items and tasks, ~150 objects a turn), one pass held the event loop for ~200 ms, during which
no stream of the process moved. Reference counting frees an acyclic turn the moment it ends.
"""

from __future__ import annotations

import gc

from tests.conftest import AppUnderTest, SignUp

# What a turn is made of: the agent library's run, the model's items, the turn's context and
# tool jobs, its database sessions and tasks. (Not what a test process that builds an app per
# test leaves besides: routes, validators, transports.)
TURN = (
    "agents.",
    "openai.",
    "todochat.agent",
    "todochat.chat",
    "todochat.todos",
    "sqlalchemy.orm",
    "_asyncio.Task",
)


def _server_garbage() -> list[str]:
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        kinds = [f"{type(o).__module__}.{type(o).__qualname__}" for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.collect()  # what was kept for inspection is freed now, not found again next time
    return [kind for kind in kinds if kind.startswith(TURN)]


async def test_finished_turns_are_freed_without_the_cycle_collector(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()

    async def turn(text: str) -> None:
        r = await api.client.post(
            f"/api/{user.id}/chat", json={"message": text}, headers=user.headers
        )
        assert r.status_code == 200, r.text

    await turn("add buy milk tomorrow")  # first use: imports, caches, the agent's tools
    _server_garbage()
    gc.disable()
    try:
        # A tool that writes, one that reads, and a reply without a tool.
        for text in ("add call the plumber on friday", "what's on my list?", "thanks!"):
            await turn(text)
        left = _server_garbage()
    finally:
        gc.enable()
    assert left == []
