"""The offline assistant's dialogue state: what it keeps of a conversation between turns.

Stored as JSON with the conversation (``conversation_states``), written in the transaction that
stores the turn, so it survives restarts and reads the same on SQLite and PostgreSQL. Nothing
here is recovered from the assistant's own reply text:

- ``last_action``: the writes of the last turn that changed something: their kind, the todos
  they touched and the values they set. Corrections ("no wait, 6 pm") and additions ("and the
  bread too") apply to it.
- ``last_list``: the last list shown, as ids in display order, with the filters that made it,
  so "the second one" and "and the week after?" mean what the user saw.
- ``focus``: the todos "it", "that" and "those" stand for.
- ``pending``: a question the assistant asked, with each answer's tool calls fully resolved
  (dates included), so "yes" the next day does what was offered, not something recomputed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PendingKind = Literal["which", "confirm", "choice"]
VERSION = 1


@dataclass
class Call:
    """A tool call, resolved: its name and arguments."""

    name: str
    arguments: dict[str, Any]


@dataclass
class Option:
    """One answer to a pending question: what to match it by, and what it does."""

    label: str
    calls: list[Call]
    kind: str = ""


@dataclass
class Pending:
    """A question waiting for an answer."""

    kind: PendingKind
    options: list[Option]
    # For "which": the action the chosen todo gets (its kind, for the reply).
    action: str = ""


@dataclass
class Action:
    """What the last changing turn did."""

    kind: str
    ids: list[int]
    titles: list[str]
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Shown:
    """The last list shown."""

    ids: list[int]
    titles: list[str]
    filters: dict[str, Any] = field(default_factory=dict)


@dataclass
class DialogueState:
    """Everything carried from one turn to the next."""

    last_action: Action | None = None
    last_list: Shown | None = None
    focus: list[int] = field(default_factory=list)
    pending: Pending | None = None
    # Which came last: "action" (last_action) or "list" (last_list); corrections and
    # follow-ups apply to the more recent one.
    recent: str = ""

    def to_json(self) -> dict[str, Any]:
        """The stored form."""
        return {"v": VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> DialogueState:
        """The state from its stored form; an unreadable one is a fresh state."""
        if not data or data.get("v") != VERSION:
            return cls()
        try:
            action = data.get("last_action")
            shown = data.get("last_list")
            pending = data.get("pending")
            return cls(
                last_action=Action(**action) if action else None,
                last_list=Shown(**shown) if shown else None,
                focus=[int(i) for i in data.get("focus") or []],
                pending=_pending(pending) if pending else None,
                recent=str(data.get("recent", "")),
            )
        except (TypeError, ValueError, KeyError):
            return cls()


def _pending(data: dict[str, Any]) -> Pending:
    options = [
        Option(
            label=str(o["label"]),
            calls=[Call(str(c["name"]), dict(c["arguments"])) for c in o["calls"]],
            kind=str(o.get("kind", "")),
        )
        for o in data["options"]
    ]
    return Pending(kind=data["kind"], options=options, action=str(data.get("action", "")))
