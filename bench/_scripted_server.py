"""`todochat serve` with the benchmark's scripted model: python _scripted_server.py PORT DB."""

from __future__ import annotations

import sys

import uvicorn
from _scripted import bench_model_factory

from todochat.app import create_app
from todochat.config import Settings, normalise_db
from todochat.heap import tune_for_serving
from todochat.runtime import Runtime


def main() -> None:
    port, db = int(sys.argv[1]), sys.argv[2]
    settings = Settings(
        database_url=normalise_db(db), rate_limit="1000000/minute", monthly_quota=10_000_000
    )
    runtime = Runtime.build(settings)
    runtime.runs.model_factory = bench_model_factory
    app = create_app(settings, runtime=runtime)
    tune_for_serving()  # as `todochat serve` does
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
