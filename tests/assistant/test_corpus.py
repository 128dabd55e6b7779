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
from tests.assistant.dialogue_heldout import DIALOGUE_HELDOUT
from tests.assistant.dialogue_more import DIALOGUE_MORE
from tests.assistant.dialogue_personas import DIALOGUE_PERSONAS
from tests.assistant.fresh_a import FRESH_A
from tests.assistant.fresh_b import FRESH_B
from tests.assistant.fresh_c import FRESH_C
from tests.assistant.fresh_d import FRESH_D
from tests.assistant.fresh_e import FRESH_E
from tests.assistant.fresh_f import FRESH_F
from tests.assistant.heldout import HELDOUT, HELDOUT_FAILURES
from tests.assistant.runner import problems, run
from tests.assistant.spec import Case
from tests.conftest import AppUnderTest, sign_up
from todochat import nlu

SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _params(
    cases: list[Case], failures: dict[str, str] | None = None, strict: bool = False
) -> list[object]:
    marks = failures or {}
    return [
        pytest.param(
            c,
            id=c.id,
            marks=[pytest.mark.xfail(strict=strict, reason=marks[c.id])] if c.id in marks else [],
        )
        for c in cases
    ]


# Conversations written by people who had not read the reader (personas, held-out dialogue,
# six fresh sets; scored once before any change for them: FRESH_D 86/100, FRESH_E 73/100,
# FRESH_F 70/100).
# What it still gets wrong is listed, strictly: a case that starts passing must leave this list.
KNOWN_MISSES = {
    "dlg3-trip-passport-week-before-flight": "dates relative to another event",
    "dlg-ref-only-family-tag": "'should only be tagged X' does not drop the other tags",
    "dlg-corr-aa-batteries": "'i meant AA batteries' replaces the title, not the words it fixes",
    "fa-corr-teen-wrong-one-done": "'i meant X, Y isn't done' does not swap the completion",
    "fa-multi-teacher-council-rename-wednesday": "a quoted new title plus a date in one request",
    "fa-multi-designer-banner-swap-tag-high": "'swap #a for #b' after a name and a colon",
    "fa-typo-teen-filler-buy-jeans-sat": "'add like smth ... oh yeah buy jeans': the second try",
    "fa-name-designer-pixelpop-not-there": "a #tag inside a todo's name is read as a new tag",
    "fb-ref-nn-kenji-rename-and-date": "'change name to X and due date put the 20th'",
    "fb-plural-pm-tag-all-three-nda-urgent": "'tag all three work, and the nda one is urgent'",
    "fb-plural-nn-cards-and-book-to-friday": "'the cards and library book, both move to friday'",
    "fb-miss-nn-yoga-mat-not-there": "'the yoga mat i am buy already, mark it' is not read",
    "fb-miss-dad-third-of-two-kids": "'the third one' after a topic list that showed nothing",
    "fc-correct-actually-the-day-after": "'actually the day after' after a dated add",
    "fc-multi-untag-and-clear-date": "'take the urgent tag off' when urgent is a priority",
    "fc-plural-put-both-on-friday": "'dentist appointment and pharmacy pickup' is one todo",
    "fc-follow-also-a-mouse-pad": "'also a new mouse pad' takes the last todo's verb",
    "fd-typo-parent-add-the-thing-wipes": "'add the thing.. buy wipes' files 'The thing'",
    "fd-typo-spanish-tomorow-profesor": "'put for tomorrow the meeting ...' keeps 'put'",
    "ff-date-rambler-dentist-september-3rd": "'..., can you put that in as dentist checkup'",
    "ff-undo-rambler-kettle": "'so undo that' in the middle of a long story",
}
PEOPLE = (
    DIALOGUE_PERSONAS + DIALOGUE_HELDOUT + FRESH_A + FRESH_B + FRESH_C + FRESH_D + FRESH_E + FRESH_F
)


def test_corpus_ids_are_unique_and_large_enough() -> None:
    ids = [c.id for c in CORPUS + HELDOUT + DIALOGUE + DIALOGUE_MORE + PEOPLE]
    assert len(ids) == len(set(ids))
    assert len(CORPUS) >= 170 and len(HELDOUT) == 30
    assert sum(len(c.says) > 1 for c in CORPUS) >= 25
    assert len(PEOPLE) >= 840
    assert set(KNOWN_MISSES) <= set(ids)
    # The reader is held to most of what people say, not to a list of excuses.
    assert len(KNOWN_MISSES) <= 0.05 * len(PEOPLE)


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


@pytest.mark.parametrize("case", _params(PEOPLE, KNOWN_MISSES, strict=True))
async def test_conversations_people_wrote(shared_api: AppUnderTest, case: Case) -> None:
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
