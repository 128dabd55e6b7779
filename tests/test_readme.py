"""Every command block of the README, run as written against a real `todochat serve` whose
database already holds another user (with a todo), so an example that assumes user 1, todo 1 or
a fixed date fails here.

The blocks run in bash with `set -euo pipefail`; the only rewrites are the address
(`localhost:8000` → the test server's port) and `.venv/bin/todochat` → `todochat` (the venv's,
first on PATH). `todochat serve` is run until `/healthz` answers and then stopped; programs the
README asks the reader to run that are not todochat (`ollama`, `llama-server`) are stubs that say
so. `make run` and `make test` are the two commands `.ci/run` itself runs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import PG_URL, need, pg_database
from tests.support.cluster import Worker, wait_healthy
from tests.support.live import free_port

README = Path(__file__).resolve().parents[1] / "README.md"
BIN = Path(sys.executable).parent

# Each block, by a line only it has, and the group it runs in (a group is one shell), in the
# order a reader follows: "The API at a glance" defines TOKEN and ME for the chat example that
# comes before it in the README, and the terminal client signs in as the user it registered.
BLOCKS = [
    ("make run    #", "ci"),
    ("curl -s -X POST localhost:8000/api/auth/register", "api"),
    ('curl -N -X POST "localhost:8000/api/$ME/chat/stream"', "api"),
    ("todochat login", "api"),
    ("export OPENAI_API_KEY=sk-", "models"),
    ("ollama pull llama3.1", "models"),
    ("llama-server -m model.gguf", "models"),
    ("todochat user list", "admin"),
    ("export TODOCHAT_DATABASE_URL=postgresql+asyncpg://", "postgresql"),
]


def sh_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README.read_text(), flags=re.S)


def group(name: str) -> list[str]:
    blocks = sh_blocks()
    found = []
    for key, where in BLOCKS:
        if where == name:
            (block,) = [b for b in blocks if key in b]
            found.append(block)
    return found


def test_every_block_is_run_by_a_group() -> None:
    blocks = sh_blocks()
    assert blocks
    for block in blocks:
        keys = [key for key, _ in BLOCKS if key in block]
        assert len(keys) == 1, f"a README block no test runs (or runs twice):\n{block}"
    (ci,) = group("ci")
    assert ci.splitlines()[0].startswith("make run") and ci.splitlines()[1].startswith("make test")
    ci_run = (README.parent / ".ci" / "run").read_text()
    assert ci_run.rstrip().endswith("make test")


class Server:
    def __init__(self, worker: Worker, database_url: str) -> None:
        self.worker = worker
        self.database_url = database_url


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("readme")
    database_url = f"sqlite+aiosqlite:///{folder / 'readme.db'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TODOCHAT_", "OPENAI_"))}
    env["TODOCHAT_DATABASE_URL"] = database_url
    port = free_port()
    log = folder / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "todochat", "serve", "--port", str(port)],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    worker = Worker(port, proc, log)
    try:
        wait_healthy(worker)
        # Someone was here first: user 1 and todo 1 are theirs.
        with httpx.Client(base_url=worker.url) as client:
            r = client.post(
                "/api/auth/register", json={"username": "first", "password": "a long password"}
            )
            assert r.status_code == 201, r.text
            token = client.post(
                "/api/auth/token", data={"username": "first", "password": "a long password"}
            ).json()["access_token"]
            r = client.post(
                "/api/todos",
                headers={"Authorization": f"Bearer {token}"},
                json={"title": "Someone else's todo", "due_date": "2020-01-01"},
            )
            assert r.status_code == 201, r.text
        yield Server(worker, database_url)
    finally:
        worker.stop()


def run(blocks: list[str], server: Server, folder: Path, extra: dict[str, str] | None = None,
        stdin: str = "") -> str:  # fmt: skip
    port = server.worker.port
    spare = free_port()
    prelude = f"""
set -euo pipefail
cd {folder}
todochat() {{
  if [ "${{1:-}}" = serve ]; then shift; _serve "$@"; else command todochat "$@"; fi
}}
_serve() {{
  command todochat serve --port {spare} --log-level warning "$@" &
  local pid=$!
  for _ in $(seq 1 300); do
    curl -sf 127.0.0.1:{spare}/healthz >/dev/null && break
    kill -0 $pid 2>/dev/null || {{ echo "todochat serve stopped" >&2; return 1; }}
    sleep 0.1
  done
  curl -sf 127.0.0.1:{spare}/healthz >/dev/null
  echo "(served until healthy)"
  kill $pid; wait $pid || true
}}
ollama() {{ echo "(ollama $*: a program of its own, not run here)"; }}
llama-server() {{ echo "(llama-server: a program of its own, not run here)"; }}
"""
    body = "\n".join(blocks)
    body = body.replace("localhost:8000", f"127.0.0.1:{port}").replace(
        ".venv/bin/todochat", "todochat"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TODOCHAT_", "OPENAI_"))}
    env.update(
        PATH=f"{BIN}:{env.get('PATH', '')}",
        XDG_CONFIG_HOME=str(folder / "config"),
        TODOCHAT_URL=f"http://127.0.0.1:{port}",
        TODOCHAT_DATABASE_URL=server.database_url,
        TODOCHAT_NEW_PASSWORD="another long password",
        **(extra or {}),
    )
    out = subprocess.run(
        ["bash", "-c", prelude + body + '\necho "::ME=${ME:-}::TODO=${TODO:-}::"'],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=240,
        # No controlling terminal: a password prompt reads the input given here.
        start_new_session=True,
    )
    assert out.returncode == 0, f"{out.stdout}\n{out.stderr}"
    return out.stdout


def test_the_api_and_terminal_examples(server: Server, tmp_path: Path) -> None:
    out = run(group("api"), server, tmp_path, stdin="alice\na long password\n")
    me, todo = re.search(r"::ME=(\d+)::TODO=(\d+)::", out).groups()  # type: ignore[union-attr]
    assert me != "1" and todo != "1"  # read from the API, not assumed
    assert '"username":"alice"' in out
    assert '"title":"Call the plumber"' in out and '"completed":true' in out
    # Both chat examples streamed a whole turn, and the terminal client added the milk.
    assert out.count('"type":"done"') >= 2
    assert "Added 'Milk'" in out or "Added 'Buy milk'" in out
    assert "signed out of" in out

    # The client library's example, as alice (registered above).
    (example,) = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    example = example.replace("127.0.0.1:8000", f"127.0.0.1:{server.worker.port}")
    ran = subprocess.run(
        [sys.executable, "-c", example], capture_output=True, text=True, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    assert "Added 'Buy milk'" in ran.stdout and ran.stdout.rstrip().endswith("completed")


def test_the_admin_commands(server: Server, tmp_path: Path) -> None:
    out = run(group("admin"), server, tmp_path)
    assert "first" in out  # the list shows the user who was there
    assert "created zoe" in out and "zoe: password changed" in out
    assert "monthly quota set to 500" in out and "deleted zoe" in out
    assert re.search(r"^todochat \d", out, flags=re.M)


def test_the_language_model_examples_start_the_server(server: Server, tmp_path: Path) -> None:
    out = run(group("models"), server, tmp_path)
    assert out.count("(served until healthy)") == 3


async def test_the_postgresql_example(server: Server, tmp_path: Path) -> None:
    import asyncio

    need("PostgreSQL", PG_URL is not None)
    (block,) = group("postgresql")
    async with pg_database("readme") as url:
        block = re.sub(r"postgresql\+asyncpg://\S+", url, block)
        out = await asyncio.to_thread(run, [block], server, tmp_path)
    assert "database at head" in out and "(served until healthy)" in out
