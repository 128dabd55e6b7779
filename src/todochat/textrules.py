"""Rules for text that clients send, shared by every request body.

NUL is refused everywhere: PostgreSQL cannot store it in a text column (the statement fails),
no keyboard types it, and refusing it on both databases keeps them answering alike.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator


def no_nul(value: str) -> str:
    """``value`` unless it holds a NUL character (for pydantic validators)."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


PlainText = Annotated[str, AfterValidator(no_nul)]
