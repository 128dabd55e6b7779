"""Common timezone abbreviations and the IANA zone each one means.

An abbreviation names the region's civil time, not a fixed offset: "3pm EST" in July is read
as 3pm New York time (EDT), because that is what people mean when they write it.
"""

from __future__ import annotations

from functools import cache
from zoneinfo import ZoneInfo

ZONE_ABBREVIATIONS: dict[str, str] = {
    "utc": "UTC",
    "gmt": "UTC",
    "z": "UTC",
    "est": "America/New_York",
    "edt": "America/New_York",
    "et": "America/New_York",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "ct": "America/Chicago",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "mt": "America/Denver",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "akst": "America/Anchorage",
    "hst": "Pacific/Honolulu",
    "brt": "America/Sao_Paulo",
    "art": "America/Argentina/Buenos_Aires",
    "wet": "Europe/Lisbon",
    "bst": "Europe/London",
    "cet": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "eet": "Europe/Helsinki",
    "eest": "Europe/Helsinki",
    "msk": "Europe/Moscow",
    "sast": "Africa/Johannesburg",
    "ist": "Asia/Kolkata",
    "sgt": "Asia/Singapore",
    "hkt": "Asia/Hong_Kong",
    "jst": "Asia/Tokyo",
    "kst": "Asia/Seoul",
    "awst": "Australia/Perth",
    "acst": "Australia/Adelaide",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
    "nzst": "Pacific/Auckland",
    "nzdt": "Pacific/Auckland",
}

# Longest first so "cest" is tried before "cet"; two-letter forms only in capitals ("5 ET", not
# "5 et al").
ZONE_RE = (
    "|".join(sorted((k for k in ZONE_ABBREVIATIONS if len(k) > 2), key=len, reverse=True))
    + "|(?-i:ET|PT|CT|MT)"
)


@cache
def zone_for(abbreviation: str) -> ZoneInfo:
    """The IANA zone for a known abbreviation (case-insensitive)."""
    return ZoneInfo(ZONE_ABBREVIATIONS[abbreviation.lower()])
