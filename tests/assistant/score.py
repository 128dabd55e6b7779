"""Score corpus sets end to end and print what failed: ``python -m tests.assistant.score SET...``.

Each SET is a module of ``tests/assistant`` and the list in it (``fresh_a:FRESH_A``), or a
short name from ``SETS``. Prints, per set, the cases passed, the junk todos and the todos
wrongly changed, then every failure (``-v``) or only the ids. The cases run as in the test
suite: the real app on a fresh SQLite database, every turn through the real agent.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import tempfile
from pathlib import Path

from tests.assistant.runner import TALLY, problems, run
from tests.assistant.spec import Case
from tests.conftest import app_under_test
from todochat.config import sqlite_url

SETS = {
    "corpus": "corpus:CORPUS",
    "heldout": "heldout:HELDOUT",
    "dialogue": "dialogue:DIALOGUE",
    "more": "dialogue_more:DIALOGUE_MORE",
    "personas": "dialogue_personas:DIALOGUE_PERSONAS",
    "dheldout": "dialogue_heldout:DIALOGUE_HELDOUT",
}


def _load(name: str) -> list[Case]:
    module, _, attr = SETS.get(name, name).partition(":")
    cases: list[Case] = getattr(importlib.import_module(f"tests.assistant.{module}"), attr)
    return cases


async def _score(names: list[str], verbose: bool, only: str | None, show: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        async with app_under_test(sqlite_url(Path(folder) / "todochat.db")) as api:
            for name in names:
                cases = [c for c in _load(name) if only is None or only in c.id]
                before = dict(TALLY)
                failed: list[tuple[str, list[str], Case]] = []
                for c in cases:
                    out = await run(api, c)
                    found = problems(c, out)
                    if show:
                        print(f"=== {c.id}: {c.says!r}")
                        for said, answer in zip(c.says, out.replies, strict=True):
                            print(f"  > {said}\n  < {answer}")
                        print(f"  calls: {[(x['name'], x['arguments']) for x in out.calls]}")
                    if found:
                        failed.append((c.id, found, c))
                junk = TALLY["junk_todos"] - before["junk_todos"]
                wrong = TALLY["wrong_target_changes"] - before["wrong_target_changes"]
                passed = len(cases) - len(failed)
                share = 100 * passed / max(1, len(cases))
                print(
                    f"{name}: {passed}/{len(cases)} ({share:.1f} %), "
                    f"{junk} junk todos, {wrong} wrong-target changes"
                )
                for ident, found, c in failed:
                    if verbose:
                        print(f"--- {ident}: {c.says!r} ({c.now} {c.tz})")
                        for line in found:
                            print("   ", line[:1500])
                    else:
                        print(f"  {ident}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="+")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("-k", dest="only", help="only cases whose id contains this")
    parser.add_argument("-s", "--show", action="store_true", help="print every conversation")
    args = parser.parse_args()
    asyncio.run(_score(args.sets, args.verbose, args.only, args.show))


if __name__ == "__main__":
    main()
