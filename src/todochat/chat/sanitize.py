"""Tool output sanitizing before anything leaves the server (PROTOCOLS.md)."""

from __future__ import annotations

from typing import Any

SECRET_MARKERS = ("password", "token", "api_key", "secret")
MAX_STRING = 5000
TRUNCATED = "... [truncated]"


def sanitize(value: Any) -> Any:
    """Redact secret-looking keys (any case, recursively) and cut over-long strings."""
    if isinstance(value, dict):
        return {
            key: "[REDACTED]"
            if isinstance(key, str) and any(m in key.lower() for m in SECRET_MARKERS)
            else sanitize(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [sanitize(item) for item in value]
    if isinstance(value, str) and len(value) > MAX_STRING:
        return value[:MAX_STRING] + TRUNCATED
    return value
