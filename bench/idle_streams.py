"""Open streams: how much each idle chat stream costs one worker, and how fast they open.

    .venv/bin/python bench/idle_streams.py            # 5,000 streams
    .venv/bin/python bench/idle_streams.py --short    # 200 (CI: it must run)

5,000 turns on one `todochat serve` (offline defaults except the model: a scripted
OpenAI-compatible server that holds every request until the benchmark lets it answer), each on
its own connection, 256 connecting at a time. The server's own settings otherwise: 256 turns in
progress at the model, the rest waiting for a slot, every stream idle but for heartbeats (every
5 s here). Figures: time until every stream had its `start` event, server RSS before and with the
streams open (per stream), heartbeats seen on every stream, and how the turns ended once the
model answered. Goal: <= 40 KiB per stream, 5,000 under 400 MiB RSS, opened in <= 15 s.
"""

from __future__ import annotations

import argparse

from _many import report, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true")
    parser.add_argument("--streams", type=int, default=5000)
    args = parser.parse_args()
    count = 200 if args.short else args.streams
    report(f"idle streams: {count} turns open on one worker", run(count, {}))


if __name__ == "__main__":
    main()
