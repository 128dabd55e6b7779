"""The offline assistant's decisions: from the conversation so far to tool calls or a reply.

Each model call re-reads the conversation (``read_turns``) and the user's newest message
(``nlu.parse_message``) and decides the next step of the turn: resolve a reference by listing
todos, act with a tool, or reply. It never guesses destructively: several matches make it ask
which one, "delete everything" asks for a clear yes, and both answers are read back from the
previous turn on the next message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from todochat import nlu
from todochat.agent.offline import replies as say
from todochat.agent.offline.conversation import LIST_TOOLS, Turn, last_list, last_task
from todochat.agent.streaming import PlannedCall

WHICH = "Which one do you mean?"
CONFIRM_ALL = "Reply 'yes' to delete them all"
RefIntent = (
    nlu.Complete | nlu.Uncomplete | nlu.Rename | nlu.Reschedule | nlu.ClearDue
    | nlu.SetPriority | nlu.ChangeTags | nlu.SetRecurrence | nlu.Delete
)  # fmt: skip
REF_INTENTS = (
    nlu.Complete,
    nlu.Uncomplete,
    nlu.Rename,
    nlu.Reschedule,
    nlu.ClearDue,
    nlu.SetPriority,
    nlu.ChangeTags,
    nlu.SetRecurrence,
    nlu.Delete,
)


@dataclass
class Decision:
    """Tool calls to make now, or the reply that ends the turn."""

    calls: list[PlannedCall] = field(default_factory=list)
    reply: str = ""


def _reply(text: str) -> Decision:
    return Decision(reply=text)


def _calls(*calls: PlannedCall) -> Decision:
    return Decision(calls=list(calls))


def _call(name: str, **arguments: Any) -> PlannedCall:
    return PlannedCall(name, {k: v for k, v in arguments.items() if v is not None})


class Dialogue:
    """Decides one step for a user in a timezone at a moment."""

    def __init__(self, now: datetime, tz: ZoneInfo) -> None:
        self.now = now
        self.tz = tz

    def parse(self, text: str) -> nlu.Intent:
        """The nlu reading of a message."""
        return nlu.parse_message(text, self.now, self.tz)

    def decide(self, turns: Sequence[Turn]) -> Decision:
        """The next step of the newest turn."""
        if not turns:
            return _reply(say.GREETING)
        turn, history = turns[-1], list(turns[:-1])
        intent = self.parse(turn.user)
        previous = history[-1] if history else None
        if previous is not None and previous.reply.startswith(WHICH):
            answer = self._answer_which(intent, turn, previous, history)
            if answer is not None:
                return answer
        if (
            previous is not None
            and CONFIRM_ALL in previous.reply
            and isinstance(intent, nlu.Confirm)
        ):
            if not intent.yes:
                return _reply("OK, I haven't deleted anything.")
            return self._delete_all(turn)
        return self._handle(intent, turn, history)

    # -- intents -----------------------------------------------------------------------------

    def _handle(self, intent: nlu.Intent, turn: Turn, history: list[Turn]) -> Decision:
        match intent:
            case nlu.CreateTasks(tasks=tasks):
                return self._create(tasks, turn)
            case nlu.InvalidDate(message=message):
                return _reply(f"{message} I haven't changed anything.")
            case nlu.ListTasks():
                return self._list(intent, turn)
            case nlu.ClearCompleted():
                if not turn.steps:
                    return _calls(_call("clear_completed"))
                out = turn.steps[-1].output or {}
                n = out.get("deleted", 0) if isinstance(out, dict) else 0
                return _reply(
                    f"Cleared {say.plural(n, 'completed todo')}."
                    if n
                    else "There were no completed todos to clear."
                )
            case nlu.DeleteAll():
                if not turn.steps:
                    return _calls(_call("list_tasks", status="all"))
                todos = turn.steps[0].output if isinstance(turn.steps[0].output, list) else []
                if not todos:
                    return _reply("Your list is already empty.")
                return _reply(
                    f"That would delete all {say.plural(len(todos), 'todo')}:\n"
                    f"{say.numbered(todos)}\n{CONFIRM_ALL}, or 'no' to keep them."
                )
            case nlu.PostponeOverdue(due_date=day, due_time=at):
                return self._postpone(turn, day.isoformat(), at.strftime("%H:%M") if at else None)
            case nlu.Greeting():
                return _reply(say.GREETING)
            case nlu.Help():
                return _reply(say.HELP)
            case nlu.Thanks():
                return _reply(say.THANKS)
            case nlu.Goodbye():
                return _reply(say.GOODBYE)
            case nlu.Confirm():
                return _reply("There's nothing waiting for a yes or no. What would you like to do?")
            case nlu.Choose():
                return _reply("Tell me what to do with it, e.g. 'complete the second one'.")
            case nlu.Unknown(reason="gibberish"):
                return _reply(say.GIBBERISH)
            case nlu.Unknown(reason="foreign"):
                return _reply(say.FOREIGN)
            case nlu.Unknown(text=text):
                hint = f" To add it as a todo, say 'add {text[:80]}'." if text else ""
                return _reply(
                    "I'm not sure what you'd like me to do." + hint + " Say 'help' for examples."
                )
        if isinstance(intent, REF_INTENTS):
            return self._referenced(intent, turn, history)
        return _reply(say.HELP)

    def _create(self, tasks: Sequence[nlu.TaskDraft], turn: Turn) -> Decision:
        if not turn.steps:
            return _calls(
                *[
                    _call(
                        "add_task",
                        title=t.title,
                        description=t.description,
                        due_date=t.due_date.isoformat() if t.due_date else None,
                        due_time=t.due_time.strftime("%H:%M") if t.due_time else None,
                        priority=t.priority if t.priority not in (None, "none") else None,
                        tags=list(t.tags) or None,
                        recurrence=t.recurrence,
                    )
                    for t in tasks
                ]
            )
        made = [
            s.output for s in turn.steps if isinstance(s.output, dict) and "task_id" in s.output
        ]
        failed = [
            s.output["error"]
            for s in turn.steps
            if isinstance(s.output, dict) and "error" in s.output
        ]
        lines = []
        if len(made) == 1:
            lines.append(f"Added {say.describe(made[0])}.")
        elif made:
            lines.append(f"Added {say.plural(len(made), 'todo')}:\n{say.numbered(made)}")
        if failed:
            lines.append(
                "I couldn't add "
                + ("it" if len(failed) == 1 else "some of them")
                + ": "
                + "; ".join(failed)
            )
        return _reply("\n".join(lines))

    def _list(self, intent: nlu.ListTasks, turn: Turn) -> Decision:
        if not turn.steps:
            if intent.query and intent.status == "all" and not (intent.due or intent.tag):
                return _calls(_call("search_tasks", query=intent.query))
            return _calls(
                _call(
                    "list_tasks",
                    status=intent.status,
                    due=intent.due,
                    tag=intent.tag,
                    priority=intent.priority,
                    query=intent.query,
                )
            )
        todos = turn.steps[-1].output if isinstance(turn.steps[-1].output, list) else []
        what = self._list_words(intent)
        if not todos:
            return _reply(f"You have no {what}." if what else "Your list is empty.")
        head = f"{'Here is' if len(todos) == 1 else 'Here are'} your {what}:" if what else "Here:"
        return _reply(f"{head}\n{say.numbered(todos)}")

    @staticmethod
    def _list_words(intent: nlu.ListTasks) -> str:
        noun = {"open": "open todos", "completed": "completed todos", "all": "todos"}[intent.status]
        if intent.due == "today":
            noun = "todos due today"
        elif intent.due == "overdue":
            noun = "overdue todos"
        elif intent.due == "upcoming":
            noun = "todos due in the next 7 days"
        elif intent.due == "none":
            noun = "todos without a due date"
        if intent.priority:
            noun = f"{intent.priority}-priority {noun}"
        if intent.tag:
            noun += f" tagged #{intent.tag}"
        if intent.query:
            noun += f" matching '{intent.query}'"
        return noun

    def _postpone(self, turn: Turn, day: str, at: str | None) -> Decision:
        if not turn.steps:
            return _calls(_call("list_tasks", due="overdue"))
        overdue = turn.steps[0].output if isinstance(turn.steps[0].output, list) else []
        if not overdue:
            return _reply("Nothing is overdue. 🎉")
        if len(turn.steps) == 1:
            return _calls(
                *[
                    _call(
                        "update_task",
                        task_id=t["task_id"],
                        due_date=day,
                        due_time=at or t.get("due_time"),
                    )
                    for t in overdue
                ]
            )
        moved = [
            s.output for s in turn.steps[1:] if isinstance(s.output, dict) and "task_id" in s.output
        ]
        target = say.when(day, at)
        return _reply(
            f"Moved {say.plural(len(moved), 'overdue todo')} to {target}:\n{say.numbered(moved)}"
        )

    def _delete_all(self, turn: Turn) -> Decision:
        if not turn.steps:
            return _calls(_call("list_tasks", status="all"))
        todos = turn.steps[0].output if isinstance(turn.steps[0].output, list) else []
        if len(turn.steps) == 1:
            if not todos:
                return _reply("Your list is already empty.")
            return _calls(*[_call("delete_task", task_id=t["task_id"]) for t in todos])
        deleted = sum(
            1
            for s in turn.steps[1:]
            if isinstance(s.output, dict) and s.output.get("status") == "deleted"
        )
        return _reply(f"Deleted {say.plural(deleted, 'todo')}. Your list is empty now.")

    # -- references --------------------------------------------------------------------------

    def _status_for(self, intent: RefIntent) -> str:
        if isinstance(intent, nlu.Complete):
            return "open"
        if isinstance(intent, nlu.Uncomplete):
            return "completed"
        return "all"

    def _referenced(self, intent: RefIntent, turn: Turn, history: list[Turn]) -> Decision:
        acted = [s for s in turn.steps if s.name not in LIST_TOOLS]
        if acted:
            return _reply(self._result_text(intent, acted[-1].output))
        ref = intent.ref
        if ref.task_id is not None:
            return _calls(self._action(intent, {"task_id": ref.task_id}))
        if ref.ordinal is not None:
            shown = self._last_shown(history)
            if shown is None:
                return _reply("Which list do you mean? Ask me to show your todos first.")
            picked = nlu.match_reference(
                ref, [nlu.Candidate(t["task_id"], t["title"]) for t in shown]
            )
            if not picked:
                return _reply(f"The last list I showed has only {say.plural(len(shown), 'todo')}.")
            chosen = next(t for t in shown if t["task_id"] == picked[0].id)
            return _calls(self._action(intent, chosen))
        if ref.text is None:
            recent = last_task(history) if ref.pronoun else None
            if recent is None:
                return _reply("Which todo do you mean? Tell me its title or say 'show my todos'.")
            return _calls(self._action(intent, recent))
        if not turn.steps:
            return _calls(_call("list_tasks", status=self._status_for(intent)))
        candidates = turn.steps[0].output if isinstance(turn.steps[0].output, list) else []
        matches = self._matches(ref, candidates)
        if not matches:
            return _reply(self._not_found(intent, ref.text))
        if len(matches) > 1:
            return _reply(f"{WHICH}\n{say.numbered(matches)}")
        return _calls(self._action(intent, matches[0]))

    def _last_shown(self, history: list[Turn]) -> list[dict[str, Any]] | None:
        """The numbered list the user last saw: a listing, a "which one?" or new todos."""
        for turn in reversed(history):
            if turn.reply.startswith(WHICH):
                asked = self.parse(turn.user)
                if isinstance(asked, REF_INTENTS) and turn.steps:
                    first = turn.steps[0].output
                    return self._matches(asked.ref, first if isinstance(first, list) else [])
            intent = self.parse(turn.user)
            if isinstance(intent, nlu.ListTasks | nlu.DeleteAll):
                return last_list([turn])
            if isinstance(intent, nlu.CreateTasks) and len(turn.steps) > 1:
                return [
                    s.output
                    for s in turn.steps
                    if isinstance(s.output, dict) and "task_id" in s.output
                ]
        return None

    @staticmethod
    def _matches(ref: nlu.Reference, todos: list[dict[str, Any]]) -> list[dict[str, Any]]:
        found = nlu.match_reference(ref, [nlu.Candidate(t["task_id"], t["title"]) for t in todos])
        by_id = {t["task_id"]: t for t in todos}
        return [by_id[c.id] for c in found]

    def _not_found(self, intent: RefIntent, text: str) -> str:
        if isinstance(intent, nlu.Complete):
            return f"I couldn't find an open todo matching '{text}'."
        if isinstance(intent, nlu.Uncomplete):
            return f"I couldn't find a completed todo matching '{text}'."
        return f"I couldn't find a todo matching '{text}'."

    def _answer_which(
        self, intent: nlu.Intent, turn: Turn, previous: Turn, history: list[Turn]
    ) -> Decision | None:
        """Act on the reply to "which one do you mean?" with the question's own intent."""
        asked = self.parse(previous.user)
        if not isinstance(asked, REF_INTENTS) or not previous.steps:
            return None
        options = self._matches(
            asked.ref,
            previous.steps[0].output if isinstance(previous.steps[0].output, list) else [],
        )
        if isinstance(intent, nlu.Choose):
            ref = nlu.Reference(ordinal=intent.ordinal, words=intent.words)
        elif isinstance(intent, REF_INTENTS) and intent.ref.ordinal is not None:
            ref = intent.ref
        elif isinstance(intent, nlu.Unknown) and intent.reason == "unclear" and intent.text:
            ref = nlu.Reference(words=intent.text)  # "oat milk": words of one of the options
        else:
            return None
        picked = self._matches(ref, options)
        if len(picked) != 1:
            return _reply(f"Please pick one by number:\n{say.numbered(options)}")
        acted = [s for s in turn.steps if s.name not in LIST_TOOLS]
        if acted:
            return _reply(self._result_text(asked, acted[-1].output))
        return _calls(self._action(asked, picked[0]))

    # -- acting ------------------------------------------------------------------------------

    def _action(self, intent: RefIntent, todo: dict[str, Any]) -> PlannedCall:
        task_id = todo["task_id"]
        match intent:
            case nlu.Complete():
                return _call("complete_task", task_id=task_id)
            case nlu.Uncomplete():
                return _call("uncomplete_task", task_id=task_id)
            case nlu.Delete():
                return _call("delete_task", task_id=task_id)
            case nlu.Rename(new_title=title):
                return _call("update_task", task_id=task_id, title=title)
            case nlu.Reschedule(due_date=day, due_time=at):
                time_text = at.strftime("%H:%M") if at else todo.get("due_time")
                return _call(
                    "update_task", task_id=task_id, due_date=day.isoformat(), due_time=time_text
                )
            case nlu.ClearDue():
                return _call("update_task", task_id=task_id, clear_due=True)
            case nlu.SetPriority(priority=priority):
                return _call("update_task", task_id=task_id, priority=priority)
            case nlu.ChangeTags(add=add, remove=remove):
                return _call(
                    "update_task",
                    task_id=task_id,
                    add_tags=list(add) or None,
                    remove_tags=list(remove) or None,
                )
            case nlu.SetRecurrence(rrule=rule, due_time=at):
                return _call(
                    "update_task",
                    task_id=task_id,
                    recurrence=rule or "",
                    due_time=at.strftime("%H:%M") if at else None,
                )
        raise AssertionError(intent)

    def _result_text(self, intent: RefIntent, out: Any) -> str:
        if not isinstance(out, dict):
            return "Something went wrong; please try again."
        if "error" in out:
            if out.get("code") == "not_found":
                ident = getattr(intent.ref, "task_id", None)
                return f"There's no todo #{ident}." if ident else "I couldn't find that todo."
            return f"I couldn't do that: {out['error']}"
        title = f"'{out.get('title', '')}'"
        match intent:
            case nlu.Complete():
                if out.get("rolled_forward"):
                    return (
                        f"Done! {title} repeats {say.repeat(out.get('recurrence'))}, so it's "
                        f"next due {say.when(out.get('due_date'), out.get('due_time'))}."
                    )
                return f"Completed {title}. ✓"
            case nlu.Uncomplete():
                return f"Reopened {title}."
            case nlu.Delete():
                return f"Deleted {title}."
            case nlu.Rename():
                return f"Renamed it to {title}."
            case nlu.Reschedule():
                return f"Moved {title} to {say.when(out.get('due_date'), out.get('due_time'))}."
            case nlu.ClearDue():
                return f"Removed the due date from {title}."
            case nlu.SetPriority(priority=priority):
                return f"Set {title} to {priority} priority."
            case nlu.ChangeTags():
                tags = " ".join(f"#{t}" for t in out.get("tags") or []) or "no tags"
                return f"{title} now has {tags}."
            case nlu.SetRecurrence(rrule=rule):
                if not rule:
                    return f"{title} no longer repeats."
                return (
                    f"{title} now repeats {say.repeat(out.get('recurrence'))}; next due "
                    f"{say.when(out.get('due_date'), out.get('due_time'))}."
                )
        return "Done."
