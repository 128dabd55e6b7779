"""IANA timezone names: validation shared by accounts, todos and chat."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo:
    """The zone for an IANA name; raises ValueError with a readable message otherwise."""
    if not name or len(name) > 64 or name.startswith("/") or ".." in name or "\x00" in name:
        raise ValueError(f"{name!r} is not an IANA timezone name such as 'Europe/Berlin'")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{name!r} is not an IANA timezone name such as 'Europe/Berlin'") from exc


def check_timezone(name: str) -> str:
    """``name`` if it is a known IANA zone (for pydantic validators)."""
    zone(name)
    return name
