"""What an operator watches: /readyz and the Prometheus figures at /metrics."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import app_under_test, sign_up
from todochat import preload
from todochat.config import sqlite_url


async def test_readyz_tells_whether_the_process_takes_turns(tmp_path: Path) -> None:
    async with app_under_test(sqlite_url(tmp_path / "t.db")) as api:
        await preload.loaded()  # started by the app's start-up
        r = await api.client.get("/readyz")
        assert r.status_code == 200
        assert r.json()["checks"] == {
            "loaded": True,
            "database": True,
            "redis": True,
            "accepting_turns": True,
        }
        api.runtime.runs.draining = True  # as on SIGTERM
        r = await api.client.get("/readyz")
        assert r.status_code == 503 and r.json()["checks"]["accepting_turns"] is False
        user = await sign_up(api.client)
        r = await api.client.post(
            f"/api/{user.id}/chat", json={"message": "add milk"}, headers=user.headers
        )
        assert r.status_code == 503 and r.json()["code"] == "draining"


async def test_metrics_count_turns_and_streams(tmp_path: Path) -> None:
    async with app_under_test(sqlite_url(tmp_path / "t.db"), metrics_enabled=True) as api:
        user = await sign_up(api.client)
        r = await api.client.post(
            f"/api/{user.id}/chat/stream", json={"message": "add milk"}, headers=user.headers
        )
        assert r.status_code == 200 and "done" in r.text
        r = await api.client.get("/metrics")
        assert r.status_code == 200
        text = r.text
        assert "todochat_turns_started_total 1.0" in text
        assert 'todochat_turns_finished_total{outcome="completed"} 1.0' in text
        assert "todochat_streams_open 0.0" in text
        assert "todochat_first_event_seconds_count 1.0" in text
        assert "todochat_event_log_append_seconds_count" in text


async def test_metrics_are_off_by_default(tmp_path: Path) -> None:
    async with app_under_test(sqlite_url(tmp_path / "t.db")) as api:
        assert (await api.client.get("/metrics")).status_code == 404


async def test_readyz_is_not_ready_while_what_a_turn_needs_is_loading(tmp_path: Path) -> None:
    from concurrent.futures import Future

    async with app_under_test(sqlite_url(tmp_path / "t.db")) as api:
        await preload.loaded()
        loaded = preload._loading
        loading: Future[None] = Future()
        preload._loading = loading  # as just after start-up
        try:
            r = await api.client.get("/readyz")
            assert r.status_code == 503 and r.json()["checks"]["loaded"] is False
            # A turn that comes meanwhile waits for the load, then is answered.
            user = await sign_up(api.client)
            import asyncio

            turn = asyncio.ensure_future(
                api.client.post(
                    f"/api/{user.id}/chat", json={"message": "add milk"}, headers=user.headers
                )
            )
            await asyncio.sleep(0.2)
            assert not turn.done()
            loading.set_result(None)
            r = await turn
            assert r.status_code == 200 and "Milk" in r.json()["response"]
            r = await api.client.get("/readyz")
            assert r.status_code == 200
        finally:
            preload._loading = loaded
