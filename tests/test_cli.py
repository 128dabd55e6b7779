"""The command line as an operator uses it: every failure of every command is one line on
stderr and exit status 2 (no traceback), `--version`, and account administration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AppUnderTest, SignUp

COMMANDS = [
    ["serve", "--port", "1"],
    ["db", "upgrade"],
    ["user", "list"],
    ["user", "create", "zoe", "--password", "correct horse"],
    ["user", "set-password", "zoe", "--password", "correct horse"],
    ["user", "delete", "zoe", "--yes"],
    ["user", "quota", "zoe", "-1"],
]
# Nothing listens on port 1: refused at once, wherever the tests run.
UNREACHABLE_DB = "postgresql+asyncpg://todochat@127.0.0.1:1/todochat"


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("TODOCHAT_")}
    return subprocess.run(
        [sys.executable, "-m", "todochat", *args],
        cwd=cwd,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def _one_line_failure(out: subprocess.CompletedProcess[str], *words: str) -> None:
    lines = out.stderr.strip().splitlines()
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert len(lines) == 1 and lines[0].startswith("todochat: "), out.stderr
    assert "Traceback" not in out.stderr + out.stdout
    for word in words:
        assert word in lines[0], lines[0]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_an_unreachable_database_is_one_line(command: list[str], tmp_path: Path) -> None:
    out = _run([*command, "--db", UNREACHABLE_DB], tmp_path)
    _one_line_failure(out, "cannot use the database", "127.0.0.1:1")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_refused_setting_is_one_line(command: list[str], tmp_path: Path) -> None:
    out = _run(command, tmp_path, TODOCHAT_MONTHLY_QUOTA="-5")
    _one_line_failure(out, "monthly_quota")


def test_serve_refuses_a_weak_secret_and_an_unreachable_redis(tmp_path: Path) -> None:
    weak = _run(["serve"], tmp_path, TODOCHAT_ENVIRONMENT="production", TODOCHAT_JWT_SECRET="weak")
    _one_line_failure(weak, "TODOCHAT_JWT_SECRET")
    redis = _run(["serve", "--port", "1"], tmp_path, TODOCHAT_REDIS_URL="redis://127.0.0.1:1/0")
    _one_line_failure(redis, "Redis")


def test_a_password_in_the_url_is_never_shown(tmp_path: Path) -> None:
    out = _run(["user", "list", "--db", UNREACHABLE_DB.replace("todochat@", "u:s3cret@")], tmp_path)
    _one_line_failure(out, "u:***@")
    assert "s3cret" not in out.stderr


def test_usage_mistakes_are_one_line_and_debug_shows_the_traceback(tmp_path: Path) -> None:
    _one_line_failure(_run(["nonsense"], tmp_path), "No such command")
    _one_line_failure(_run(["user", "quota", "zoe", "lots"], tmp_path), "unlimited")
    debug = _run(["--debug", "user", "list", "--db", UNREACHABLE_DB], tmp_path)
    assert debug.returncode != 0 and "Traceback" in debug.stderr


def test_version(tmp_path: Path) -> None:
    from todochat import __version__

    out = _run(["--version"], tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == f"todochat {__version__}"


def test_accounts_from_the_command_line(tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "t.db")]
    assert _run(["db", "upgrade", *db], tmp_path).returncode == 0
    made = _run(["user", "create", "zoe", "--password", "correct horse", *db], tmp_path)
    assert made.returncode == 0 and made.stdout.startswith("created zoe")
    _one_line_failure(
        _run(["user", "create", "ZOE", "--password", "correct horse", *db], tmp_path), "taken"
    )
    _one_line_failure(
        _run(["user", "create", "yan", "--password", "short", *db], tmp_path), "password"
    )
    # No password given and no terminal to ask in: said so, nothing made.
    _one_line_failure(_run(["user", "create", "yan", *db], tmp_path), "TODOCHAT_NEW_PASSWORD")
    made = _run(["user", "create", "yan", *db], tmp_path, TODOCHAT_NEW_PASSWORD="horse battery")
    assert made.returncode == 0
    for value, shown in (("-1", "unlimited"), ("unlimited", "unlimited"), ("7", "7")):
        out = _run(["user", "quota", "zoe", value, *db], tmp_path)
        assert out.returncode == 0 and out.stdout.strip().endswith(shown), out.stdout
    listed = _run(["user", "list", *db], tmp_path).stdout.splitlines()
    assert [line.split()[1] for line in listed[1:]] == ["zoe", "yan"]
    assert listed[1].split()[-1] == "7"
    assert _run(["user", "quota", "zoe", "default", *db], tmp_path).returncode == 0
    assert (
        _run(
            ["user", "set-password", "zoe", "--password", "another horse", *db], tmp_path
        ).returncode
        == 0
    )
    _one_line_failure(_run(["user", "delete", "zoe", *db], tmp_path), "--yes")
    assert _run(["user", "delete", "zoe", "--yes", *db], tmp_path).returncode == 0
    _one_line_failure(_run(["user", "delete", "zoe", "--yes", *db], tmp_path), "not found")
    listed = _run(["user", "list", *db], tmp_path).stdout.splitlines()
    assert [line.split()[1] for line in listed[1:]] == ["yan"]


async def test_an_unlimited_quota_counts_but_never_refuses(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    from todochat.limits.admin import UNLIMITED, set_user_quota

    user = await sign_up_user()
    api.runtime.limits.quota.default_limit = 1
    await set_user_quota(api.runtime.db, user.username, UNLIMITED)
    for n in range(3):
        r = await api.client.post(
            f"/api/{user.id}/chat", headers=user.headers, json={"message": f"add task {n}"}
        )
        assert r.status_code == 200, r.text
    usage = (await api.client.get("/api/usage", headers=user.headers)).json()
    assert (usage["current_usage"], usage["monthly_limit"], usage["remaining_quota"]) == (3, -1, -1)
