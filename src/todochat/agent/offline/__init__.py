"""The offline assistant: a deterministic natural-language engine as an openai-agents Model.

``OfflineModel`` is loaded on first use: the composer's preview reads ``replies`` without the
agent library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from todochat.agent.offline.model import OfflineModel

__all__ = ["OfflineModel"]


def __getattr__(name: str) -> Any:
    if name == "OfflineModel":
        from todochat.agent.offline.model import OfflineModel

        return OfflineModel
    raise AttributeError(name)
