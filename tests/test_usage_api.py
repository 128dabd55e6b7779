"""GET /api/usage and the 429 a refused turn gets (needs the limits wired into the app)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import AppUnderTest, SignUp
from todochat.limits.admin import set_user_quota


async def test_usage_needs_a_token(api: AppUnderTest) -> None:
    r = await api.client.get("/api/usage")
    assert r.status_code == 401


async def test_usage_of_a_new_user(api: AppUnderTest, sign_up_user: SignUp) -> None:
    user = await sign_up_user()  # tokens are issued on the app clock, checked on real time
    api.clock.now = datetime(2026, 2, 10, 8, 30, tzinfo=UTC)

    r = await api.client.get("/api/usage", headers=user.headers)

    assert r.status_code == 200, r.text
    assert r.json() == {
        "current_usage": 0,
        "monthly_limit": api.runtime.settings.monthly_quota,
        "remaining_quota": api.runtime.settings.monthly_quota,
        "reset_date": "2026-03-01T00:00:00Z",
        "input_tokens": 0,
        "output_tokens": 0,
    }


async def test_usage_counts_turns_tokens_and_the_override(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    other = await sign_up_user()
    api.clock.now = datetime(2026, 12, 31, 23, 0, tzinfo=UTC)
    quota = api.runtime.limits.quota
    await set_user_quota(api.runtime.db, user.username, 5)
    await quota.consume(user.id)
    await quota.consume(user.id)
    await quota.add_tokens(user.id, 120, 30)

    body = (await api.client.get("/api/usage", headers=user.headers)).json()
    assert body == {
        "current_usage": 2,
        "monthly_limit": 5,
        "remaining_quota": 3,
        "reset_date": "2027-01-01T00:00:00Z",
        "input_tokens": 120,
        "output_tokens": 30,
    }
    # Another user's figures are their own.
    assert (await api.client.get("/api/usage", headers=other.headers)).json()["current_usage"] == 0

    api.clock.now = datetime(2027, 1, 1, tzinfo=UTC)
    body = (await api.client.get("/api/usage", headers=user.headers)).json()
    assert (body["current_usage"], body["remaining_quota"], body["input_tokens"]) == (0, 5, 0)


async def test_chat_turn_over_quota_is_429(api: AppUnderTest, sign_up_user: SignUp) -> None:
    user = await sign_up_user()
    api.clock.now = datetime(2026, 11, 30, 23, 59, tzinfo=UTC)
    await set_user_quota(api.runtime.db, user.username, 0)

    r = await api.client.post(f"/api/{user.id}/chat", json={"message": "hi"}, headers=user.headers)

    assert r.status_code == 429, r.text
    assert r.headers["Retry-After"] == "60"
    assert r.json() == {
        "message": "You've used all 0 chat turns for this month; the quota resets on Dec 1, 2026.",
        "current_usage": 0,
        "monthly_limit": 0,
        "remaining_quota": 0,
        "reset_date": "2026-12-01T00:00:00Z",
    }
    usage = (await api.client.get("/api/usage", headers=user.headers)).json()
    assert usage["current_usage"] == 0
