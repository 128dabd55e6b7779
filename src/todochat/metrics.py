"""Prometheus metrics of one process (``TODOCHAT_METRICS_ENABLED``; off by default).

Each worker exposes its own figures at ``/metrics``; a Prometheus server scrapes every worker
(one target per port), so nothing is shared between processes here.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

# Turns take from milliseconds (the built-in assistant) to minutes (a slow model).
_RUN_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)
_FIRST_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
_APPEND_BUCKETS = (0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25)


class Metrics:
    """The figures an operator watches: turns, streams, run and first-event times, the log."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.turns_started = Counter(
            "todochat_turns_started", "Chat turns started in this process", registry=self.registry
        )
        self.turns_finished = Counter(
            "todochat_turns_finished",
            "Chat turns ended in this process, by outcome",
            ["outcome"],
            registry=self.registry,
        )
        self.streams_open = Gauge(
            "todochat_streams_open", "SSE streams open on this process", registry=self.registry
        )
        self.run_seconds = Histogram(
            "todochat_run_duration_seconds",
            "Time from a turn's start to its end",
            buckets=_RUN_BUCKETS,
            registry=self.registry,
        )
        self.first_event_seconds = Histogram(
            "todochat_first_event_seconds",
            "Time from a stream's request to its first event",
            buckets=_FIRST_BUCKETS,
            registry=self.registry,
        )
        self.event_append_seconds = Histogram(
            "todochat_event_log_append_seconds",
            "Time to append one event to the event log (its lag behind the run)",
            buckets=_APPEND_BUCKETS,
            registry=self.registry,
        )
