"""Many model turns: 10,000 turns waiting on a slow model at once on one worker.

    .venv/bin/python bench/waiting_turns.py            # 10,000 turns
    .venv/bin/python bench/waiting_turns.py --short    # 300 (CI: it must run)

As `idle_streams.py`, with TODOCHAT_MAX_ACTIVE_RUNS set to the number of turns, so every turn is
at the model at the same moment (the model server counts the requests it holds), as far as the
server's open-file limit allows: each turn at the model holds two descriptors, and the server
bounds its turns in progress by what the limit leaves (`todochat.openfiles`; with a hard limit
of 20,000, 9,872 at once), the rest waiting for a slot. Figures: turns waiting at the model at
once, failures (goal 0), server RSS, and how the turns ended once the model answered.
"""

from __future__ import annotations

import argparse

from _many import report, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true")
    parser.add_argument("--turns", type=int, default=10_000)
    args = parser.parse_args()
    count = 300 if args.short else args.turns
    result = run(count, {"TODOCHAT_MAX_ACTIVE_RUNS": str(count)})
    report(f"waiting turns: {count} turns at the model at once on one worker", result)


if __name__ == "__main__":
    main()
