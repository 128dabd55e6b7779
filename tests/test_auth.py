"""Accounts and authentication over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from tests.conftest import TEST_SECRET, AppUnderTest, SignUp, app_under_test, sign_up
from todochat.auth.security import TokenCodec
from todochat.errors import AuthenticationFailed

OTHER_SECRET = "another-secret-" + "y" * 40


async def test_register_login_me(api: AppUnderTest) -> None:
    r = await api.client.post(
        "/api/auth/register",
        json={"username": "alice", "password": "s3cret-pass", "timezone": "Pacific/Auckland"},
    )
    assert r.status_code == 201
    body = r.json()
    assert body["username"] == "alice" and body["timezone"] == "Pacific/Auckland"
    assert set(body) == {"id", "username", "timezone"}
    r = await api.client.post(
        "/api/auth/token", data={"username": "alice", "password": "s3cret-pass"}
    )
    assert r.status_code == 200
    token = r.json()
    assert token["token_type"] == "bearer"
    me = await api.client.get(
        "/api/me", headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert me.status_code == 200 and me.json()["id"] == body["id"]


async def test_register_defaults_timezone_and_rejects_duplicates(api: AppUnderTest) -> None:
    r = await api.client.post("/api/auth/register", json={"username": "bob", "password": "x" * 8})
    assert r.status_code == 201 and r.json()["timezone"] == "UTC"
    again = await api.client.post(
        "/api/auth/register", json={"username": "bob", "password": "y" * 8}
    )
    assert again.status_code == 409
    assert "taken" in again.json()["detail"]


async def test_register_validation_names_field(api: AppUnderTest) -> None:
    cases = [
        ({"username": "ab", "password": "longenough"}, "username"),
        ({"username": "a" * 65, "password": "longenough"}, "username"),
        ({"username": "has space", "password": "longenough"}, "username"),
        ({"username": "carol", "password": "short"}, "password"),
        ({"username": "carol", "password": "longenough", "timezone": "Mars/Base"}, "timezone"),
    ]
    for body, field in cases:
        r = await api.client.post("/api/auth/register", json=body)
        assert r.status_code == 422, body
        detail = r.json()["detail"]
        assert any(err["loc"][-1] == field for err in detail), detail
        assert "longenough" not in r.text  # the password is never echoed


async def test_login_failures_are_uniform(api: AppUnderTest, sign_up_user: SignUp) -> None:
    user = await sign_up_user()
    wrong = await api.client.post(
        "/api/auth/token", data={"username": user.username, "password": "not-the-password"}
    )
    unknown = await api.client.post(
        "/api/auth/token", data={"username": "nobody-here", "password": "not-the-password"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


async def test_protected_routes_need_a_valid_token(api: AppUnderTest, sign_up_user: SignUp) -> None:
    user = await sign_up_user()
    now = datetime.now(UTC)
    expired = jwt.encode(
        {
            "sub": str(user.id),
            "iat": now - timedelta(days=2),
            "exp": now - timedelta(days=1),
            "typ": "access",
        },
        TEST_SECRET,
        algorithm="HS256",
    )
    forged = jwt.encode(
        {"sub": str(user.id), "iat": now, "exp": now + timedelta(hours=1), "typ": "access"},
        "some-other-secret-of-sufficient-length",
        algorithm="HS256",
    )
    unsigned = jwt.encode(
        {"sub": str(user.id), "iat": now, "exp": now + timedelta(hours=1), "typ": "access"},
        None,
        algorithm="none",
    )
    bad_headers = [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer not-a-jwt"},
        {"Authorization": f"Bearer {expired}"},
        {"Authorization": f"Bearer {forged}"},
        {"Authorization": f"Bearer {unsigned}"},
        {"Authorization": f"Basic {user.token}"},
    ]
    for headers in bad_headers:
        for method, path in [
            ("GET", "/api/me"),
            ("GET", "/api/todos"),
            ("GET", "/api/tags"),
            ("POST", "/api/todos"),
        ]:
            r = await api.client.request(method, path, headers=headers, json={"title": "x"})
            assert r.status_code == 401, (headers, path)
            assert r.headers["www-authenticate"] == "Bearer"
    assert (await api.client.get("/api/me", headers=user.headers)).status_code == 200


async def test_token_expires_after_configured_time(database_url: str) -> None:
    async with app_under_test(database_url, access_token_minutes=24 * 60) as api:
        await _expires_after_a_day(api)


async def _expires_after_a_day(api: AppUnderTest) -> None:
    user = await sign_up(api.client)
    r = await api.client.post(
        "/api/auth/token", data={"username": user.username, "password": user.password}
    )
    token = {"Authorization": f"Bearer {r.json()['access_token']}"}
    issued = api.clock.now
    # The server's clock, not the wall clock, decides: 23 h on the token still works, 25 h not.
    api.clock.now = issued + timedelta(hours=23)
    assert (await api.client.get("/api/me", headers=token)).status_code == 200
    api.clock.now = issued + timedelta(hours=25)
    r = await api.client.get("/api/me", headers=token)
    assert r.status_code == 401
    assert r.json()["detail"] == "token has expired"


async def test_tokens_follow_the_servers_clock_on_any_date(database_url: str) -> None:
    """A server whose clock is a year ahead of (or behind) the wall clock issues tokens that
    it accepts, and expires them by its own clock."""
    async with app_under_test(database_url, access_token_minutes=24 * 60) as api:
        await _follow_the_clock(api)


async def _follow_the_clock(api: AppUnderTest) -> None:
    user = await sign_up(api.client)
    for shift in (timedelta(days=366), timedelta(days=-400), timedelta(days=3650)):
        api.clock.now = datetime.now(UTC) + shift
        r = await api.client.post(
            "/api/auth/token", data={"username": user.username, "password": user.password}
        )
        assert r.status_code == 200, r.text
        token = {"Authorization": f"Bearer {r.json()['access_token']}"}
        r = await api.client.get("/api/me", headers=token)
        assert r.status_code == 200, (shift, r.text)
        api.clock.now += timedelta(days=2)
        r = await api.client.get("/api/me", headers=token)
        assert r.status_code == 401 and r.json()["detail"] == "token has expired"


async def test_tokens_with_a_subject_no_user_can_have_are_refused(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    await sign_up_user()
    now = api.clock.now
    for sub in ["2147483648", "9223372036854775808", "9" * 5000, "0", "-1", "²", "1.0", " 1"]:
        forged = jwt.encode(
            {"sub": sub, "iat": now, "exp": now + timedelta(hours=1), "typ": "access"},
            TEST_SECRET,
            algorithm="HS256",
        )
        r = await api.client.get("/api/me", headers={"Authorization": f"Bearer {forged}"})
        assert r.status_code == 401, (sub, r.status_code, r.text)
        assert r.json()["detail"] == "invalid token"
    untyped = jwt.encode(
        {"sub": "1", "iat": now, "exp": now + timedelta(hours=2)}, TEST_SECRET, algorithm="HS256"
    )
    r = await api.client.get("/api/me", headers={"Authorization": f"Bearer {untyped}"})
    assert r.status_code == 401


async def test_patch_me_timezone_keeps_all_day_dates(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user(timezone="Pacific/Auckland")
    r = await api.client.post(
        "/api/todos", headers=user.headers, json={"title": "Dentist", "due_date": "2026-12-01"}
    )
    todo_id = r.json()["id"]
    r = await api.client.patch(
        "/api/me", headers=user.headers, json={"timezone": "America/Los_Angeles"}
    )
    assert r.status_code == 200 and r.json()["timezone"] == "America/Los_Angeles"
    todo = (await api.client.get(f"/api/todos/{todo_id}", headers=user.headers)).json()
    assert todo["due_date"] == "2026-12-01" and todo["due_time"] is None
    bad = await api.client.patch("/api/me", headers=user.headers, json={"timezone": "Nope/Nope"})
    assert bad.status_code == 422


async def test_health_and_docs_are_public(api: AppUnderTest) -> None:
    assert (await api.client.get("/healthz")).json() == {"status": "ok"}
    assert (await api.client.get("/docs")).status_code == 200
    schema = (await api.client.get("/openapi.json")).json()
    assert "/api/todos" in schema["paths"]


def test_a_remembered_token_check_still_refuses_altered_tokens_and_follows_the_clock() -> None:
    """Signature checks are remembered per token: a token that passed says nothing about any
    other token (altered payload or signature, another secret), and expiry is read each time."""

    now = datetime(2027, 3, 1, 12, tzinfo=UTC)
    clock = [now]
    codec = TokenCodec(TEST_SECRET, ttl=timedelta(hours=1), clock=lambda: clock[0])
    token = codec.issue(7)
    assert codec.verify(token) == 7
    assert codec.verify(token) == 7
    header, payload, signature = token.split(".")
    other_payload = jwt.encode(
        {"sub": "8", "iat": now, "exp": now + timedelta(hours=1), "typ": "access"},
        OTHER_SECRET,
        algorithm="HS256",
    ).split(".")[1]
    flipped = signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")
    refused = [
        f"{header}.{other_payload}.{signature}",
        f"{header}.{payload}.{flipped}",
        TokenCodec(OTHER_SECRET, ttl=timedelta(hours=1), clock=lambda: clock[0]).issue(7),
    ]
    for bad in refused:
        for _ in range(2):
            with pytest.raises(AuthenticationFailed, match=r"^invalid token$"):
                codec.verify(bad)
    clock[0] = now + timedelta(minutes=59)
    assert codec.verify(token) == 7
    clock[0] = now + timedelta(hours=1)
    with pytest.raises(AuthenticationFailed, match=r"^token has expired$"):
        codec.verify(token)
