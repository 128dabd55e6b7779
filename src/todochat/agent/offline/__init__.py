"""The offline assistant: a deterministic natural-language engine as an openai-agents Model."""

from todochat.agent.offline.model import OfflineModel

__all__ = ["OfflineModel"]
