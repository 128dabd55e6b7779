"""The offline assistant's dialogue manager: from a message and the dialogue state to tool
calls or a reply.

Each model call re-reads the newest message and the steps its turn has taken so far, and
decides the next step: resolve todos with a read, act with writes, or reply. What the message
means depends on the state (``state.py``) as well as on its words, in this order:

1. an answer to a pending question (a pick from the options, yes/no);
2. a dialogue act (``nlu.acts``): undo, a correction of the last action, an addition to it, a
   follow-up on the last list;
3. a request read on its own (``nlu.parse_message``).

Policy: never guess destructively (several matches ask which one; several targets at once are
listed and wait for a yes), never file a todo without a create cue or a bare task phrase, and
never say a change happened that no tool result shows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from todochat import nlu
from todochat.agent.offline import replies as say
from todochat.agent.offline.conversation import Turn
from todochat.agent.offline.state import Action, Call, DialogueState, Option, Pending, Shown
from todochat.agent.streaming import PlannedCall

if TYPE_CHECKING:
    from todochat.agent.offline.targets import Targets

READS = frozenset({"list_tasks", "search_tasks", "list_tags"})
KINDS = {
    "add_task": "create",
    "update_task": "update",
    "complete_task": "complete",
    "uncomplete_task": "uncomplete",
    "delete_task": "delete",
    "undo": "undo",
    "clear_completed": "clear",
}


@dataclass
class Decision:
    """Tool calls to make now, or the reply that ends the turn (and what it leaves behind)."""

    calls: list[PlannedCall] = field(default_factory=list)
    reply: str = ""
    shown: list[dict[str, Any]] | None = None
    filters: dict[str, Any] | None = None
    pending: Pending | None = None
    keep_pending: bool = False


def reply(text: str, **extra: Any) -> Decision:
    """A decision that ends the turn with ``text``."""
    return Decision(reply=text, **extra)


def calls(*planned: PlannedCall) -> Decision:
    """A decision to call these tools now."""
    return Decision(calls=list(planned))


def call(name: str, **arguments: Any) -> PlannedCall:
    """A tool call; arguments that are None are left out."""
    return PlannedCall(name, {k: v for k, v in arguments.items() if v is not None})


def writes(turn: Turn) -> list[Any]:
    """The writing steps the turn has taken."""
    return [s for s in turn.steps if s.name not in READS]


def reads(turn: Turn) -> list[Any]:
    """The reading steps the turn has taken."""
    return [s for s in turn.steps if s.name in READS]


GROUP = {
    "delete_task": "Deleted",
    "complete_task": "Completed",
    "uncomplete_task": "Reopened",
    "add_task": "Added",
}


def report(turn: Turn) -> str:
    """What the turn's writes did: one line per change, under a count when several of one kind
    succeeded ("Deleted 3 todos:")."""
    done = writes(turn)
    ok = [s for s in done if isinstance(s.output, dict) and "error" not in s.output]
    names = {s.name for s in ok}
    if len(ok) > 1 and len(names) == 1 and len(ok) == len(done):
        name = names.pop()
        todos = [s.output for s in ok]
        head = GROUP.get(name, "Changed" if name != "update_task" else "Updated")
        if name == "update_task" and all(
            set(s.arguments) - {"task_id"} <= {"due_date", "due_time"} for s in ok
        ):
            head = "Moved"
        return f"{head} {say.plural(len(ok), 'todo')}:\n{say.numbered(todos)}"
    lines = [say.result(s.name, s.arguments, s.output) for s in done]
    return "\n".join(lines) if lines else "Nothing changed."


def iso(day: date | None) -> str | None:
    """A date as the tools take it."""
    return day.isoformat() if day else None


class Dialogue:
    """Decides one step of a turn for a user in a timezone at a moment, from the state."""

    def __init__(self, now: datetime, tz: ZoneInfo, state: DialogueState) -> None:
        self.now = now
        self.tz = tz
        self.state = state
        self.today = now.astimezone(tz).date()
        # Readings of texts at this moment: a turn's every step (the tool call, then the reply
        # once it has the result) reads the same message, and a full reading is most of the
        # assistant's time in a turn. Intents are frozen, so one reading can serve each step.
        self._readings: dict[str, nlu.Intent] = {}
        self._acts: dict[str, tuple[str, nlu.Act | None]] = {}

    def parse(self, text: str) -> nlu.Intent:
        """The reading of a message on its own."""
        reading = self._readings.get(text)
        if reading is None:
            reading = self._readings[text] = nlu.parse_message(text, self.now, self.tz)
        return reading

    def _read_act(self, message: str) -> tuple[str, nlu.Act | None]:
        """The message prepared for reading, and the dialogue act it is, if any."""
        known = self._acts.get(message)
        if known is None:
            text = nlu.prepare(message)
            known = self._acts[message] = (text, nlu.read_act(text))
        return known

    def decide(self, turn: Turn) -> Decision:
        """The next step of the newest turn."""
        from todochat.agent.offline.targets import REF_INTENTS, Targets

        text, act = self._read_act(turn.user)
        targets = Targets(self, turn.user)
        if self.state.pending is not None:
            answered = self._answer(self.state.pending, text, turn)
            if answered is not None:
                return answered
        intent = self.parse(text)
        ref = getattr(intent, "ref", None)
        phrase = getattr(ref, "phrase", None) or ""
        swap = (
            (act is not None and bool(re.match(r"^not\s|.*\bnot\s+\S+$", act.body, re.I)))
            or bool(re.match(r"^(?:it|that|this|them)\s+\S", phrase, re.I))
            # "tag it spices instead": said in place of what was just set.
            or bool(
                re.search(r"\b(?:instead|rather)\b", text, re.I) and getattr(ref, "pronoun", False)
            )
        )
        if (
            act is not None
            and act.kind == "correct"
            and isinstance(intent, REF_INTENTS)
            and not swap
        ):
            # "set it to thursday and make it p2": a whole request of its own, not a correction.
            return targets.handle(intent, turn)
        if act is not None:
            acted = self._act(act, turn, targets)
            if acted is not None:
                return acted
        return self._request(text, intent, turn, targets)

    # -- requests: the first reading, or a second one against the list ----------------------

    def _request(self, text: str, intent: nlu.Intent, turn: Turn, targets: Targets) -> Decision:
        """A request: read as it stands when that reading is sure; otherwise the list is read
        first and the reading it agrees with best is done (``reading``)."""
        from todochat.agent.offline import reading

        remark = isinstance(intent, nlu.CreateTasks) and reading.remark_around(text, self)
        if not (remark or reading.weak(intent, None, self, text) or reading.needs_list(intent)):
            return targets.handle(intent, turn)
        if not turn.steps:
            return calls(call("list_tasks", status="all"))
        looked = turn.steps[0]
        todos = [t for t in looked.output or [] if isinstance(t, dict) and "task_id" in t]
        if reading.weak(intent, todos, self, text):
            chosen = reading.choose(text, intent, todos, self)
            planned = chosen.steps or [intent]
        else:
            planned = [intent]
        return self.run(planned, turn, looked, targets, remark=remark)

    def run(
        self,
        planned: list[Any],
        turn: Turn,
        looked: Any,
        targets: Targets,
        *,
        remark: bool = False,
    ) -> Decision:
        """Do the planned requests in order, each as if it were the turn's only one.

        The turn's steps are handed out to the requests in the order they were made (every
        step is a pure function of the steps before it, so replaying them gives the same
        plan); a request that reads the whole list gets the list read at the start instead
        of reading it again. A question stops the sequence: its answer comes first.
        """
        from todochat.agent.offline import reading
        from todochat.agent.offline.conversation import Turn as TurnType

        real = turn.steps[1:]
        used = 0
        said: list[str] = []
        shown: list[dict[str, Any]] | None = None
        filters: dict[str, Any] | None = None
        for item in planned:
            steps: list[Any] = []
            while True:
                sub = TurnType(user=turn.user, steps=list(steps))
                if isinstance(item, reading.Which):
                    decision = targets.ask_which(item.intent, item.todos)
                elif isinstance(item, reading.NotFound):
                    decision = reply(targets.not_found(item.intent, item.words))
                elif _bare_guess(item, self, remark):
                    decision = self._offer(item)
                else:
                    decision = targets.handle(item, sub)
                if not decision.calls:
                    break
                if (
                    len(decision.calls) == 1
                    and decision.calls[0].name == "list_tasks"
                    and decision.calls[0].arguments == {"status": "all"}
                    and looked not in steps
                ):
                    steps.append(looked)
                    continue
                wanted = len(decision.calls)
                if used + wanted > len(real):
                    return decision
                steps.extend(real[used : used + wanted])
                used += wanted
            if decision.reply:
                said.append(decision.reply)
            if decision.shown is not None:
                shown, filters = decision.shown, decision.filters
            if decision.pending is not None:
                return Decision(
                    reply="\n".join(said), shown=shown, filters=filters, pending=decision.pending
                )
        return Decision(reply="\n".join(said) or "Nothing changed.", shown=shown, filters=filters)

    def _offer(self, intent: nlu.CreateTasks) -> Decision:
        """A bare phrase that may not be a todo at all: ask before filing it."""
        from todochat.agent.offline.targets import Targets

        adds = [Targets._add_call(t) for t in intent.tasks]
        names = ", ".join(f"'{t.title}'" for t in intent.tasks)
        pending = Pending(
            kind="confirm",
            options=[Option("yes", [Call(c.name, dict(c.arguments)) for c in adds], "add")],
            action="added",
        )
        return reply(
            f"I'm not sure what you mean. Should I add {names} as a new todo? (yes/no)",
            pending=pending,
        )

    # -- answers to a question ---------------------------------------------------------------

    def _answer(self, pending: Pending, text: str, turn: Turn) -> Decision | None:
        intent = self.parse(text)
        if pending.kind == "confirm":
            if not isinstance(intent, nlu.Confirm):
                return None
            if not intent.yes:
                if pending.action == "added":
                    return reply("OK, I won't add it.")
                return reply("OK, I've left them as they are.")
            return self.run_option(pending.options[0], turn)
        index = self._pick(pending, text, intent)
        if index is None:
            if isinstance(intent, nlu.Choose) or (
                isinstance(intent, nlu.Confirm) and pending.kind == "which"
            ):
                labels = "\n".join(f"{i}. {o.label}" for i, o in enumerate(pending.options, 1))
                return reply(f"Please pick one by number:\n{labels}", keep_pending=True)
            if isinstance(intent, nlu.Confirm) and not intent.yes:
                return reply("OK, I haven't changed anything.")
            return None
        return self.run_option(pending.options[index], turn)

    def _pick(self, pending: Pending, text: str, intent: nlu.Intent) -> int | None:
        options = pending.options
        ordinal: int | None = None
        words: str | None = None
        if isinstance(intent, nlu.Choose):
            ordinal, words = intent.ordinal, intent.words
        elif isinstance(intent, nlu.Confirm):
            return 0 if intent.yes and pending.kind == "choice" else None
        elif hasattr(intent, "ref") and intent.ref.ordinal is not None:
            ordinal = intent.ref.ordinal
        if ordinal is not None:
            index = ordinal - 1 if ordinal > 0 else len(options) + ordinal
            return index if 0 <= index < len(options) else None
        plain = text.lower()
        if pending.kind == "choice":
            for i, option in enumerate(options):
                cue = {
                    "add": ("new", "add", "another", "separate"),
                    "move": ("move", "change", "update", "existing", "that one", "the old", "same"),
                }.get(option.kind, ())
                if any(c in plain for c in cue):
                    return i
        if words is None and isinstance(intent, nlu.Unknown) and intent.text:
            words = intent.text
        if words is None:
            words = text
        candidates = [nlu.Candidate(i, o.label) for i, o in enumerate(options)]
        found = nlu.match_reference(nlu.parse_reference(words), candidates)
        return found[0].id if len(found) == 1 else None

    def run_option(self, option: Option, turn: Turn) -> Decision:
        """Do what an answer chose: its calls, then say what they did."""
        if not writes(turn):
            return calls(*[PlannedCall(c.name, dict(c.arguments)) for c in option.calls])
        return reply(report(turn))

    # -- dialogue acts -----------------------------------------------------------------------

    def _act(self, act: nlu.Act, turn: Turn, targets: Targets) -> Decision | None:
        if act.kind == "undo":
            if not writes(turn):
                return calls(call("undo"))
            return reply(report(turn))
        if act.kind == "correct":
            return targets.correct(act.body, turn)
        if act.kind == "restate":
            return targets.restate(act.body, turn)
        if act.kind == "add":
            return targets.add_more(act.body, turn)
        return targets.follow_up(act.body, turn)

    # -- the state a turn leaves -------------------------------------------------------------

    def next_state(self, turn: Turn, decision: Decision) -> DialogueState:
        """The dialogue state after the turn ends with ``decision``."""
        old = self.state
        new = DialogueState(
            last_action=old.last_action,
            last_list=old.last_list,
            focus=list(old.focus),
            pending=old.pending if decision.keep_pending else decision.pending,
            recent=old.recent,
        )
        done = [s for s in writes(turn) if isinstance(s.output, dict) and "error" not in s.output]
        if done:
            ids: list[int] = []
            titles: list[str] = []
            values: dict[str, Any] = {}
            for step in done:
                outputs = step.output.get("changes") if step.name == "undo" else [step.output]
                for out in outputs or []:
                    if isinstance(out, dict) and isinstance(out.get("task_id"), int):
                        ids.append(out["task_id"])
                        titles.append(str(out.get("title", "")))
                values.update({k: v for k, v in step.arguments.items() if k != "task_id"})
            names = {KINDS.get(s.name, s.name) for s in done}
            kind = names.pop() if len(names) == 1 else "mixed"
            new.last_action = Action(kind, ids, titles, values)
            new.focus = [i for i in ids if kind != "delete"]
            new.recent = "action"
        if decision.shown is not None:
            shown = [t for t in decision.shown if isinstance(t.get("task_id"), int)]
            new.last_list = Shown(
                [t["task_id"] for t in shown],
                [str(t.get("title", "")) for t in shown],
                dict(decision.filters or {}),
            )
            new.focus = new.last_list.ids
            acted = new.last_action is not None and new.recent == "action" and done
            if not (
                acted and new.last_action is not None and set(new.focus) <= set(new.last_action.ids)
            ):
                # A list of what the turn itself just changed ("Added 3 todos: ...") leaves
                # the action as what corrections apply to; any other list is the newest thing.
                new.recent = "list"
        return new

    # -- helpers for the handlers ------------------------------------------------------------

    def shift(self, day: str | None, days: int) -> date:
        """A todo's due date (today when it has none) moved by ``days``."""
        base = date.fromisoformat(day) if day else self.today
        return base + timedelta(days=days)

    def options(self, kind: str, todos: Sequence[dict[str, Any]], action: Any) -> Pending:
        """A "which one?" question over ``todos``, each option doing ``action(todo)``."""
        return Pending(
            kind="which",
            options=[
                Option(label=str(t.get("title", "")), calls=[_as_call(c) for c in action(t)])
                for t in todos
            ],
            action=kind,
        )


def _bare_guess(item: Any, d: Dialogue, remark: bool) -> bool:
    """A todo no create word asked for, whose words read as a remark or a request (or that
    is said beside small talk without a task verb: "cheers mate, flat out today")."""
    from todochat.agent.offline import reading

    if not isinstance(item, nlu.CreateTasks) or item.explicit:
        return False
    if remark and not all(nlu.starts_with_task_verb(t.title) for t in item.tasks):
        return True
    return reading.score(item, [], d) <= reading.WEAK


def _as_call(planned: PlannedCall) -> Call:
    return Call(planned.name, dict(planned.arguments))
