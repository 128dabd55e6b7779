"""Shared fixed clocks for the language tests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
UTC_ZONE = ZoneInfo("UTC")
# Saturday 21 November 2026, 14:30 in Berlin.
NOW = datetime(2026, 11, 21, 14, 30, tzinfo=BERLIN)
# Monday 16 November 2026, 10:00 in Berlin.
MONDAY = datetime(2026, 11, 16, 10, 0, tzinfo=BERLIN)
# Friday 20 November 2026, 09:00 in Berlin.
FRIDAY = datetime(2026, 11, 20, 9, 0, tzinfo=BERLIN)
