"""The offline assistant's corpus, end to end: each case seeds todos over REST, talks through
POST /api/{user_id}/chat (ChatService → RunManager → Runner → the real tools) on a real
database at a fixed clock, then checks the tool calls, the todo list and the reply."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.assistant.corpus import CORPUS, DATABASE_SUBSET
from tests.assistant.dialogue import DIALOGUE
from tests.assistant.dialogue_more import DIALOGUE_MORE
from tests.assistant.heldout import HELDOUT, HELDOUT_FAILURES
from tests.assistant.runner import problems, run
from tests.assistant.spec import Case
from tests.conftest import AppUnderTest, sign_up
from todochat import nlu

SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _params(cases: list[Case], failures: dict[str, str] | None = None) -> list[object]:
    marks = failures or {}
    return [
        pytest.param(
            c,
            id=c.id,
            marks=[pytest.mark.xfail(strict=False, reason=marks[c.id])] if c.id in marks else [],
        )
        for c in cases
    ]


def test_corpus_ids_are_unique_and_large_enough() -> None:
    ids = [c.id for c in CORPUS + HELDOUT + DIALOGUE + DIALOGUE_MORE]
    assert len(ids) == len(set(ids))
    assert len(CORPUS) >= 170 and len(HELDOUT) == 30
    assert sum(len(c.says) > 1 for c in CORPUS) >= 25


@pytest.mark.parametrize("case", _params(CORPUS))
async def test_corpus(shared_api: AppUnderTest, case: Case) -> None:
    found = problems(case, await run(shared_api, case))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("case", _params(DIALOGUE + DIALOGUE_MORE))
async def test_dialogue(shared_api: AppUnderTest, case: Case) -> None:
    found = problems(case, await run(shared_api, case))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("case", _params(HELDOUT, HELDOUT_FAILURES))
async def test_heldout(shared_api: AppUnderTest, case: Case) -> None:
    found = problems(case, await run(shared_api, case))
    assert not found, "\n".join(found)


# Dialogue cases that also run on PostgreSQL: the state they need is stored between turns.
_DIALOGUE_SUBSET = {
    "dlg-corr-day-after-instead",
    "dlg-undo-after-three-adds",
    "dlg-plural-move-those-two-next-week",
    "dlg-plural-one-of-two-not-found",
    "dlg-undo-after-bulk-delete",
    "dlg-bulk-groceries-sure",
}


@pytest.mark.parametrize(
    "case", _params(DATABASE_SUBSET + [c for c in DIALOGUE if c.id in _DIALOGUE_SUBSET])
)
async def test_corpus_subset_on_every_database(api: AppUnderTest, case: Case) -> None:
    found = problems(case, await run(api, case))
    assert not found, "\n".join(found)


@SQLITE_ONLY
async def test_over_long_message_is_refused_fast(api: AppUnderTest) -> None:
    user = await sign_up(api.client)
    started = time.perf_counter()
    r = await api.client.post(
        f"/api/{user.id}/chat", json={"message": "add " + "x" * 20_000}, headers=user.headers
    )
    assert r.status_code == 422
    assert time.perf_counter() - started < 1.0
    r = await api.client.get("/api/todos", params={"status": "all"}, headers=user.headers)
    assert r.json() == []


def test_twenty_thousand_characters_parse_fast_with_a_capped_title() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    now = datetime(2026, 11, 21, 14, 30, tzinfo=berlin)
    text = "add " + " ".join(["buy milk tomorrow at 5pm and some more words"] * 450)
    assert len(text) > 20_000
    started = time.perf_counter()
    intent = nlu.parse_message(text, now, berlin)
    assert time.perf_counter() - started < 0.5
    assert isinstance(intent, nlu.CreateTasks)
    assert all(len(t.title) <= 500 for t in intent.tasks)
