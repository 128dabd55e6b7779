"""Requests on todos: which todos a message means, and the calls that change them.

A todo is named by id, by title words (typos and filler words allowed), by position in the last
list shown, by "it"/"that" (the todo in focus), by several names ("groceries and the car wash",
"the first and third") or by a bulk selector ("all the late ones", "those two"). Resolution
always reads the list first, so it acts on the todos as they are now. One match acts; several
matches for one name ask which; nothing matched says so and changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Any

from todochat import nlu
from todochat.agent.offline import replies as say
from todochat.agent.offline.dialogue import (
    Decision,
    call,
    calls,
    iso,
    reads,
    reply,
    report,
    writes,
)
from todochat.agent.offline.state import Call, Option, Pending
from todochat.agent.streaming import PlannedCall
from todochat.nlu.changes import merge
from todochat.nlu.priority import clean_tag

if TYPE_CHECKING:
    from todochat.agent.offline.conversation import Turn
    from todochat.agent.offline.dialogue import Dialogue

WHICH = "Which one do you mean?"
RefIntent = (
    nlu.Complete | nlu.Uncomplete | nlu.Rename | nlu.Reschedule | nlu.ClearDue
    | nlu.SetPriority | nlu.ChangeTags | nlu.SetRecurrence | nlu.Delete | nlu.Update
)  # fmt: skip
REF_INTENTS = (
    nlu.Complete, nlu.Uncomplete, nlu.Rename, nlu.Reschedule, nlu.ClearDue, nlu.SetPriority,
    nlu.ChangeTags, nlu.SetRecurrence, nlu.Delete, nlu.Update,
)  # fmt: skip
# Requests a correction may carry whole ("actually delete that", "no, show the overdue ones").
COMMANDS = (
    *REF_INTENTS,
    nlu.ListTasks,
    nlu.ClearCompleted,
    nlu.DeleteAll,
    nlu.PostponeOverdue,
)
PAST = {"complete": "completed", "reopen": "reopened", "delete": "deleted", "move": "moved"}
VERBS = {
    nlu.Complete: "complete",
    nlu.Uncomplete: "reopen",
    nlu.Delete: "delete",
    nlu.Reschedule: "move",
}
# Words that make a bare phrase a remark about the conversation, never a todo's title.
DIALOGUE_WORDS = frozenset(
    [
        "it",
        "that",
        "this",
        "those",
        "these",
        "them",
        "instead",
        "actually",
        "wait",
        "sorry",
        "meant",
        "better",
        "works",
        "same",
        "both",
        "everything",
        "again",
        "ones",
        "other",
        "nevermind",
        "undo",
        "oops",
    ]
)
# A shown list acted on as a whole without asking when it is this short (the user saw each).
SMALL = 3


def _pronoun_plural(ref: nlu.Reference) -> bool:
    phrase = (ref.phrase or "").lower()
    return any(w in phrase.split() for w in ("them", "those", "these", "they", "both", "all"))


class Targets:
    """The handlers of requests, for one step of one turn."""

    def __init__(self, dialogue: Dialogue, said: str = "") -> None:
        self.d = dialogue
        self.state = dialogue.state
        # The user's message of this turn, as typed.
        self.said = said

    # -- requests read on their own ----------------------------------------------------------

    def handle(self, intent: nlu.Intent, turn: Turn) -> Decision:
        """The step for a request."""
        match intent:
            case nlu.CreateTasks():
                return self.create(intent, turn)
            case nlu.InvalidDate(message=message):
                return reply(f"{message} I haven't changed anything.")
            case nlu.ListTasks():
                return self.listing(intent, turn)
            case nlu.ClearCompleted():
                if not turn.steps:
                    return calls(call("clear_completed"))
                out = turn.steps[-1].output or {}
                n = out.get("deleted", 0) if isinstance(out, dict) else 0
                return reply(
                    f"Cleared {say.plural(n, 'completed todo')}."
                    if n
                    else "There were no completed todos to clear."
                )
            case nlu.DeleteAll():
                return self.bulk(
                    nlu.Delete(nlu.Reference()), nlu.Selector(everything=True, shown=False), turn
                )
            case nlu.PostponeOverdue(due_date=day, due_time=at):
                return self.bulk(
                    nlu.Reschedule(nlu.Reference(), day, at),
                    nlu.Selector({"due": "overdue"}),
                    turn,
                )
            case nlu.Greeting():
                return reply(say.GREETING)
            case nlu.Help():
                return reply(say.HELP)
            case nlu.Thanks():
                return reply(say.THANKS)
            case nlu.Goodbye():
                return reply(say.GOODBYE)
            case nlu.Confirm(yes=False) if (
                self.state.last_action is not None and self.state.recent == "action"
            ):
                # "no, don't" right after a change: what was done stays done unless undone.
                return reply(
                    "Okay, I won't change anything else. What I just did is already done; "
                    "say 'undo' to take it back."
                )
            case nlu.Confirm(yes=False):
                return reply("Okay, I won't change anything.")
            case nlu.Confirm():
                return reply("There's nothing waiting for a yes or no. What would you like to do?")
            case nlu.Choose():
                return reply("Tell me what to do with it, e.g. 'complete the second one'.")
            case nlu.Unknown(reason="gibberish"):
                return reply(say.GIBBERISH)
            case nlu.Unknown(reason="foreign"):
                return reply(say.FOREIGN)
            case nlu.Unknown(text=text):
                if self.state.recent == "list" and text:
                    followed = self.follow_up(text, turn)  # "friday?" after a list
                    if followed is not None:
                        return followed
                if self.state.recent == "action" and text:
                    changes = nlu.read_changes(text, self.d.now, self.d.tz)
                    if changes.slots and changes.title is None:
                        corrected = self.correct(text, turn)  # "at 7 pls" right after an add
                        if corrected is not None:
                            return corrected
                return reply(self._not_sure(text))
            case nlu.Check():
                return self.check(intent, turn)
        if isinstance(intent, REF_INTENTS):
            return self.referenced(intent, turn)
        return reply(say.HELP)

    @staticmethod
    def _not_sure(text: str) -> str:
        hint = f" To add it as a todo, say 'add {text[:80]}'." if text else ""
        return "I'm not sure what you'd like me to do." + hint + " Say 'help' for examples."

    def check(self, intent: nlu.Check, turn: Turn) -> Decision:
        """ "did I already add milk?", "when's the rego due?": what the list says; no change."""
        done = reads(turn)
        if not done:
            return calls(call("list_tasks", status="all"))
        todos = [t for t in done[0].output or [] if isinstance(t, dict)]
        ref = intent.ref
        if ref.text is None:
            by_id = {t["task_id"]: t for t in todos}
            found = [by_id[i] for i in self.state.focus if i in by_id]
        else:
            found = self._matches(ref, todos)
            if not found:
                # "what time is my night shift sat": the day said is not part of the name.
                said = nlu.parse_when(ref.text, self.d.now, self.d.tz)
                bare = ref.text
                for start, end in sorted(said.spans if said else (), reverse=True):
                    bare = bare[:start] + bare[end:]
                bare = re.sub(r"\s+(?:on|at|for|this|next)\s*$", "", bare.strip())
                if bare and bare.lower() != ref.text.lower():
                    found = self._matches(nlu.parse_reference(bare), todos)
                    day = said.due_date.isoformat() if said and said.due_date else None
                    found = [t for t in found if t.get("due_date") == day] or found
        if not found:
            what = f" matching '{ref.text}'" if ref.text else ""
            return reply(f"No, I can't find a todo{what} on your list.")
        if intent.done and len(found) == 1:
            todo = found[0]
            if todo.get("completed"):
                return reply(f"Yes, {say.describe(todo)} is done. ✓", shown=found)
            return reply(f"No, {say.describe(todo)} is still open.", shown=found)
        lines = "\n".join(
            f"{i}. {'✓ ' if t.get('completed') else ''}{say.describe(t)}"
            + ("" if t.get("due_date") else " · no due date")
            for i, t in enumerate(found[:5], 1)
        )
        return reply(f"Yes, it's on your list:\n{lines}", shown=found[:5])

    # -- creating ----------------------------------------------------------------------------

    def create(self, intent: nlu.CreateTasks, turn: Turn) -> Decision:
        """Add todos; a bare phrase that reads as a remark or as a change is not filed."""
        tasks = intent.tasks
        if not turn.steps:
            if not intent.explicit:
                words = {w for t in tasks for w in re.findall(r"[a-z']+", t.title.lower())}
                if words & DIALOGUE_WORDS:
                    return reply(self._not_sure(" ".join(t.title for t in tasks)))
                asked = self._move_or_add(tasks)
                if asked is not None:
                    return asked
            return calls(*[self._add_call(t) for t in tasks])
        made = [
            s.output for s in writes(turn) if isinstance(s.output, dict) and "task_id" in s.output
        ]
        failed = [
            s.output["error"]
            for s in writes(turn)
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
        if not made and not failed:
            lines.append("Something went wrong; nothing was added.")
        shown = made if len(made) > 1 else None
        return reply("\n".join(lines), shown=shown)

    @staticmethod
    def _add_call(t: nlu.TaskDraft) -> PlannedCall:
        return call(
            "add_task",
            title=t.title,
            description=t.description,
            due_date=iso(t.due_date),
            due_time=t.due_time.strftime("%H:%M") if t.due_time else None,
            priority=t.priority if t.priority not in (None, "none") else None,
            tags=list(t.tags) or None,
            recurrence=t.recurrence,
            remind_before_minutes=t.remind_before_minutes or None,
        )

    def _move_or_add(self, tasks: tuple[nlu.TaskDraft, ...]) -> Decision | None:
        """ "dentist thursday" right after adding 'Dentist': a move, or a second todo? Ask."""
        action = self.state.last_action
        if len(tasks) != 1 or action is None or self.state.recent != "action" or not action.ids:
            return None
        draft = tasks[0]
        if not (draft.due_date or draft.due_time):
            return None
        for task_id, title in zip(action.ids, action.titles, strict=False):
            if nlu.match_reference(
                nlu.Reference(words=draft.title), [nlu.Candidate(task_id, title)]
            ):
                when = say.when(draft.due_date, draft.due_time) or say.clock(draft.due_time)  # type: ignore[arg-type]
                move = call(
                    "update_task",
                    task_id=task_id,
                    due_date=iso(draft.due_date),
                    due_time=draft.due_time.strftime("%H:%M") if draft.due_time else None,
                )
                pending = Pending(
                    kind="choice",
                    options=[
                        Option(f"Move '{title}'", [Call(move.name, move.arguments)], "move"),
                        Option(
                            "Add a new todo",
                            [Call("add_task", self._add_call(draft).arguments)],
                            "add",
                        ),
                    ],
                )
                return reply(
                    f"Move '{title}' to {when}, or add a new todo '{draft.title}'?",
                    pending=pending,
                )
        return None

    # -- listing -----------------------------------------------------------------------------

    def listing(self, intent: nlu.ListTasks, turn: Turn) -> Decision:
        """Show todos with the filters asked for; a bare word may be a tag (checked first)."""
        steps = turn.steps
        if intent.word and not steps:
            return calls(call("list_tags"))
        tag, query = intent.tag, intent.query
        if intent.word:
            names = {
                str(t.get("name", "")).lower()
                for t in (steps[0].output if isinstance(steps[0].output, list) else [])
                if isinstance(t, dict)
            }
            word = intent.word.lower()
            singular = word[:-1] if word.endswith("s") else word
            found = next((n for n in (word, singular, word + "s") if n in names), None)
            if found:
                tag = found
            else:
                # "which interviews ...": the word as a title says it, singular or plural.
                query = query or (singular if len(singular) > 3 else intent.word)
        listed = [s for s in steps if s.name in ("list_tasks", "search_tasks")]
        filters: dict[str, Any] = {
            "status": intent.status,
            "due": intent.due,
            "tag": tag,
            "priority": intent.priority,
            "query": query,
            "due_from": iso(intent.due_from),
            "due_to": iso(intent.due_to),
        }
        if not listed:
            if query and intent.status == "all" and not (intent.due or tag) and not intent.word:
                return calls(call("search_tasks", query=query))
            return calls(call("list_tasks", **filters))
        todos = listed[-1].output if isinstance(listed[-1].output, list) else []
        what = self._list_words(intent, tag, query)
        filters = {k: v for k, v in filters.items() if v is not None}
        if not todos:
            return reply(
                f"You have no {what}." if what else "Your list is empty.",
                shown=[],
                filters=filters,
            )
        if not what:
            head = "Here:"
        elif len(todos) == 1:
            head = f"Here is your one {_singular(what)}:"
        else:
            head = f"Here are your {len(todos)} {what}:"
        return reply(f"{head}\n{say.numbered(todos)}", shown=todos, filters=filters)

    def _list_words(self, intent: nlu.ListTasks, tag: str | None, query: str | None) -> str:
        noun = {"open": "open todos", "completed": "completed todos", "all": "todos"}[intent.status]
        if intent.due == "today":
            noun = "todos due today"
        elif intent.due == "overdue":
            noun = "overdue todos"
        elif intent.due == "upcoming":
            noun = "todos due in the next 7 days"
        elif intent.due == "none":
            noun = "todos without a due date"
        if intent.due_from or intent.due_to:
            start, end = intent.due_from, intent.due_to
            if start and end and start == end:
                noun = f"todos due {say.when(start, None)}"
            else:
                noun = f"todos due {say.when(start, None) or '…'} – {say.when(end, None) or '…'}"
        if intent.priority:
            noun = f"{intent.priority}-priority {noun}"
        if tag:
            noun += f" tagged #{tag}"
        if query:
            noun += f" matching '{query}'"
        return noun

    # -- changing named todos ----------------------------------------------------------------

    def referenced(self, intent: RefIntent, turn: Turn) -> Decision:
        """Act on the todo(s) ``intent`` names."""
        if writes(turn):
            created = any(step.name == "add_task" for step in writes(turn))
            return reply(report(turn) + ("" if created else self.missing(intent, turn)))
        ref = intent.ref
        if ref.task_id is not None:
            # The todo as it is now: a new date keeps its time, a new time keeps its date.
            done = reads(turn)
            if not done:
                return calls(call("list_tasks", status="all"))
            same = [t for t in done[0].output or [] if t.get("task_id") == ref.task_id]
            return calls(*self.actions(intent, same[0] if same else {"task_id": ref.task_id}))
        selector = nlu.bulk_selector(ref.phrase or "") if ref.phrase else None
        if selector is not None:
            return self.bulk(intent, selector, turn)
        done = reads(turn)
        if not done:
            return calls(call("list_tasks", status="all"))
        todos = [t for t in done[0].output or [] if isinstance(t, dict)]
        found = self.resolve(ref, todos, intent, turn)
        if isinstance(found, Decision):
            return found
        return calls(*[c for todo in found for c in self.actions(intent, todo)])

    def resolve(
        self, ref: nlu.Reference, todos: list[dict[str, Any]], intent: Any, turn: Turn
    ) -> list[dict[str, Any]] | Decision:
        """The todos ``ref`` names among ``todos``, or the reply when that is not one answer."""
        by_id = {t["task_id"]: t for t in todos if isinstance(t.get("task_id"), int)}
        if ref.ordinals or ref.ordinal is not None:
            shown = self.state.last_list
            if shown is None or not shown.ids:
                return reply("Which list do you mean? Ask me to show your todos first.")
            picked = []
            for n in ref.ordinals or (ref.ordinal,):
                assert n is not None
                index = n - 1 if n > 0 else len(shown.ids) + n
                if not 0 <= index < len(shown.ids):
                    return reply(
                        f"The last list I showed has only {say.plural(len(shown.ids), 'todo')}."
                    )
                todo = by_id.get(shown.ids[index])
                if todo is None:
                    return reply(f"'{shown.titles[index]}' isn't on your list any more.")
                picked.append(todo)
            return picked
        if ref.text is None:
            focus = [by_id[i] for i in self.state.focus if i in by_id]
            if not focus:
                return reply("Which todo do you mean? Tell me its title or say 'show my todos'.")
            if len(focus) > 1 and not _pronoun_plural(ref):
                return self.ask_which(intent, focus)
            return focus
        pool = self._pool(intent, todos)
        matches = self._matches(ref, pool)
        alternative = getattr(intent, "alternative", None)
        named = re.match(r"(?:the|my|that|this|our|your)\b", ref.phrase or "", re.I)
        if not matches and alternative is not None and _task_phrase(turn.user, named is None):
            # "put the bins out tonight", "make costume for school play fri": no todo has that
            # name, so it is a new one.
            return self.create(alternative, _fresh(turn))
        if not matches and isinstance(intent, nlu.Reschedule | nlu.Update) and not named:
            said = nlu.as_new_todo(turn.user, self.d.now, self.d.tz)
            if said is not None:  # "I need to move house next month": no todo "house" yet
                return self.create(said, _fresh(turn))
        if len(matches) == 1:
            return matches
        if len(matches) > 1:
            return self.ask_which(intent, matches)
        parts = nlu.split_references(ref.text)
        if len(parts) > 1:
            several: list[dict[str, Any]] = []
            missing: list[str] = []
            for part in parts:
                one = self._matches(nlu.parse_reference(part), pool)
                if len(one) > 1:
                    return self.ask_which(intent, one)
                if one:
                    several.append(one[0])
                else:
                    missing.append(part)
            if several:
                return several
        return reply(self.not_found(intent, ref.text))

    def missing(self, intent: Any, turn: Turn) -> str:
        """The names in a several-todos request that matched nothing (said after acting)."""
        ref = getattr(intent, "ref", None)
        done = reads(turn)
        if ref is None or ref.text is None or not done or nlu.bulk_selector(ref.phrase or ""):
            return ""
        pool = self._pool(intent, [t for t in done[0].output or [] if isinstance(t, dict)])
        if self._matches(ref, pool):
            return ""
        lost = [
            p
            for p in nlu.split_references(ref.text)
            if not self._matches(nlu.parse_reference(p), pool)
        ]
        return "".join(f"\nI couldn't find '{p}'." for p in lost)

    @staticmethod
    def _pool(intent: Any, todos: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if isinstance(intent, nlu.Complete):
            return [t for t in todos if not t.get("completed")]
        if isinstance(intent, nlu.Uncomplete):
            return [t for t in todos if t.get("completed")]
        return todos

    @staticmethod
    def _matches(ref: nlu.Reference, todos: list[dict[str, Any]]) -> list[dict[str, Any]]:
        found = nlu.match_reference(ref, [nlu.Candidate(t["task_id"], t["title"]) for t in todos])
        by_id = {t["task_id"]: t for t in todos}
        return [by_id[c.id] for c in found]

    def ask_which(self, intent: Any, todos: list[dict[str, Any]]) -> Decision:
        """Several todos fit: list them and wait for a pick (each answer's call is resolved)."""
        pending = self.d.options(
            type(intent).__name__.lower(), todos, lambda t: self.actions(intent, t)
        )
        return reply(f"{WHICH}\n{say.numbered(todos)}", pending=pending, shown=todos)

    @staticmethod
    def not_found(intent: Any, text: str) -> str:
        """The reply when the name in a request fits no todo."""
        if isinstance(intent, nlu.Complete):
            return f"I couldn't find an open todo matching '{text}'. Nothing was changed."
        if isinstance(intent, nlu.Uncomplete):
            return f"I couldn't find a completed todo matching '{text}'. Nothing was changed."
        return f"I couldn't find a todo matching '{text}'. Nothing was changed."

    # -- several at once ---------------------------------------------------------------------

    def bulk(self, intent: Any, selector: nlu.Selector, turn: Turn) -> Decision:
        """A change to every todo a selector names: at once for one todo (or a short list the
        user has just seen), otherwise listed with a question that waits for a yes."""
        if writes(turn):
            return reply(report(turn))
        done = reads(turn)
        if not done:
            filters = dict(selector.filters)
            if selector.day:
                window = nlu.day_window(selector.day, self.d.now, self.d.tz)
                if window is None:
                    return reply("Which days do you mean? Nothing was changed.")
                filters = {"due_from": window[0].isoformat(), "due_to": window[1].isoformat()}
            if selector.shown or selector.everything or selector.word:
                filters = {"status": "all"}
            elif "status" not in filters:
                filters["status"] = "all" if isinstance(intent, nlu.Delete) else "open"
            return calls(call("list_tasks", **filters))
        todos = [t for t in done[0].output or [] if isinstance(t, dict)]
        shown = self.state.last_list
        if selector.shown and not selector.everything:
            if shown is None or not shown.ids:
                return reply("Which todos do you mean? Ask me to show them first.")
            by_id = {t["task_id"]: t for t in todos}
            todos = [by_id[i] for i in shown.ids if i in by_id]
            if selector.count is not None and selector.count != len(todos) and not selector.word:
                return reply(
                    f"The last list has {say.plural(len(todos), 'todo')}; which ones do you "
                    f"mean?\n{say.numbered(todos)}",
                    shown=todos,
                )
        elif (
            selector.everything and shown is not None and shown.ids and self.state.recent == "list"
        ):
            by_id = {t["task_id"]: t for t in todos}
            todos = [by_id[i] for i in shown.ids if i in by_id]
        if selector.word:
            todos = _about(selector.word, todos)
            if selector.count is not None and len(todos) != selector.count:
                return reply(
                    f"I found {say.plural(len(todos), 'todo')} about '{selector.word}', so I "
                    f"haven't changed anything." + (f"\n{say.numbered(todos)}" if todos else "")
                )
        todos = self._pool(intent, todos)
        if not todos:
            if isinstance(intent, nlu.Reschedule) and selector.filters.get("due") == "overdue":
                return reply("Nothing is overdue. 🎉")
            if selector.everything and isinstance(intent, nlu.Delete):
                return reply("Your list is already empty.")
            what = selector.filters.get("tag") or selector.word
            named = (
                f" tagged #{what}"
                if selector.filters.get("tag")
                else (f" about '{what}'" if what else "")
            )
            if named:
                return reply(f"You have no todos{named}, so I haven't changed anything.")
            return reply("Nothing matches that, so I haven't changed anything.")
        planned = [c for t in todos for c in self.actions(intent, t)]
        direct = (
            len(todos) == 1
            or (selector.shown and not selector.everything and len(todos) <= SMALL)
            # "make both priya calls high priority", "put the two things for the Kita on
            # tomorrow": as many todos as were said, changed (not deleted) at once; "all the
            # grocery stuff" still lists them and asks.
            or (
                selector.word is not None
                and selector.count == len(todos)
                and not isinstance(intent, nlu.Delete)
                and len(todos) <= SMALL
            )
        )
        if direct:
            return calls(*planned)
        verb = VERBS.get(type(intent), "change")
        pending = Pending(
            kind="confirm",
            options=[Option("yes", [Call(c.name, dict(c.arguments)) for c in planned])],
            action=PAST.get(verb, "changed"),
        )
        return reply(
            f"That would {verb} {'all ' if selector.everything else ''}"
            f"{say.plural(len(todos), 'todo')}:\n{say.numbered(todos)}\n"
            f"Shall I go ahead? Reply 'yes' to {verb} them all, or 'no' to keep them as they are.",
            pending=pending,
            shown=todos,
        )

    # -- the calls for one todo --------------------------------------------------------------

    def actions(self, intent: Any, todo: dict[str, Any]) -> list[PlannedCall]:
        """The tool calls that apply ``intent`` to ``todo``."""
        task_id = todo["task_id"]
        match intent:
            case nlu.Complete():
                return [call("complete_task", task_id=task_id)]
            case nlu.Uncomplete():
                return [call("uncomplete_task", task_id=task_id)]
            case nlu.Delete():
                return [call("delete_task", task_id=task_id)]
            case nlu.Rename(new_title=title):
                return [call("update_task", task_id=task_id, title=title)]
            case nlu.Reschedule(due_date=day, due_time=at):
                day = _pushed_later(day, todo, self.said)
                time_text = at.strftime("%H:%M") if at else todo.get("due_time")
                return [
                    call(
                        "update_task", task_id=task_id, due_date=day.isoformat(), due_time=time_text
                    )
                ]
            case nlu.ClearDue():
                return [call("update_task", task_id=task_id, clear_due=True)]
            case nlu.SetPriority(priority=priority):
                return [call("update_task", task_id=task_id, priority=priority)]
            case nlu.ChangeTags(add=add, remove=remove):
                return [
                    call(
                        "update_task",
                        task_id=task_id,
                        add_tags=list(add) or None,
                        remove_tags=list(remove) or None,
                    )
                ]
            case nlu.SetRecurrence(rrule=rule, due_time=at):
                first = None
                if rule and not todo.get("due_date"):
                    # A repeating todo needs a date: its first occurrence from now.
                    first = nlu.first_occurrence(rule, self.d.now, self.d.tz, at)
                return [
                    call(
                        "update_task",
                        task_id=task_id,
                        recurrence=rule or "",
                        due_date=iso(first),
                        due_time=at.strftime("%H:%M") if at else None,
                    )
                ]
            case nlu.Update(changes=changes):
                return [self.update_call(todo, changes)]
        raise AssertionError(intent)

    def update_call(self, todo: dict[str, Any], ch: nlu.Changes) -> PlannedCall:
        """One update_task with every change ``ch`` asks for, applied to ``todo`` as it is."""
        d = self.d
        day = ch.due_date
        if ch.shift_days is not None:
            day = d.shift(todo.get("due_date"), ch.shift_days)
        clock = ch.due_time or ch.clock
        at = clock.strftime("%H:%M") if clock else None
        if day is not None and at is None:
            at = todo.get("due_time")  # a new date keeps the time
        if ch.recurrence and day is None and not todo.get("due_date"):
            # A repeating todo needs a date: its first occurrence from now.
            day = nlu.first_occurrence(ch.recurrence, d.now, d.tz, clock)
        if day is None and at is not None:
            if todo.get("due_date"):
                day = None  # only the time changes; the date stays
            else:
                local = d.now.astimezone(d.tz).time().replace(tzinfo=None)
                day = d.today if clock and clock > local else d.shift(None, 1)
        return call(
            "update_task",
            task_id=todo["task_id"],
            title=ch.title,
            description=ch.description,
            due_date=iso(day) if day else None,
            due_time=at if (day is not None or clock) else None,
            clear_due=True if ch.clear_due else None,
            priority=ch.priority,
            add_tags=list(ch.tags) or None,
            remove_tags=list(ch.untags) or None,
            recurrence=ch.recurrence,
        )

    # -- corrections, additions, follow-ups ---------------------------------------------------

    def correct(self, body: str, turn: Turn) -> Decision | None:
        """Apply a correction to the last action (or the todo in focus)."""
        if not body:
            return reply("OK — what should I change?")
        action = self.state.last_action
        recent = action is not None and bool(action.ids) and self.state.recent == "action"
        if recent and action is not None and action.kind in ("create", "update"):
            parts = _correction_parts(body, self.d)
            if parts is not None:
                return self._correct_parts(action.ids, action.titles, parts, turn)
        swap = _SWAP.match(body) or _NOT_FIRST.match(body)
        if swap and recent and action is not None and action.kind in ("create", "update"):
            said = re.sub(r"^(?:is|but)\s+", "", _IT_IS.sub("", swap["new"]), flags=re.I)
            value = nlu.read_changes(said, self.d.now, self.d.tz)
            if value.slots and value.title is None and not value.problem:
                return self._update_focus(action.ids, value, turn, said=said)  # "not 7, is 8"
            return self._swap(action.ids, swap["old"], swap["new"], turn)
        changes = nlu.read_changes(body, self.d.now, self.d.tz)
        if (
            changes.slots
            and changes.title is None
            and not changes.problem
            and recent
            and action is not None
            and action.kind in ("create", "update")
        ):
            changes = _replacing_tags(changes, action.values)
            return self._update_focus(action.ids, changes, turn, said=body)  # "no, urgent"
        sub = self.d.parse(body)
        if isinstance(sub, COMMANDS):
            return self.handle(sub, turn)
        if (
            recent
            and action is not None
            and isinstance(sub, nlu.CreateTasks)
            and len(sub.tasks) == 1
        ):
            draft = sub.tasks[0]
            restated = _changes_of(draft)
            same = any(
                nlu.match_reference(nlu.Reference(words=draft.title), [nlu.Candidate(i, t)])
                for i, t in zip(action.ids, action.titles, strict=False)
            )
            if same and restated.slots:
                # "call the vet at 4 actually": the same todo, said again with the change.
                return self._update_focus(
                    action.ids, replace(restated, title=None), turn, said=body
                )
        if changes.problem:
            return reply(f"{changes.problem}. I haven't changed anything.")
        if changes.title is not None and not changes.slots:
            day = _day_said(body, self.d)
            if (
                day is not None
                and recent
                and action is not None
                and action.kind
                in (
                    "create",
                    "update",
                )
            ):
                # "actually saturday works better", "make it saturday instead": a day.
                return self._update_focus(action.ids, day[0], turn, said=day[1])
            if recent and action is not None and action.kind in ("create", "update"):
                if isinstance(sub, nlu.CreateTasks) and len(sub.tasks) == 1:
                    changes = _changes_of(sub.tasks[0])  # "sorry i meant call the dentist"
                if "?" in body or _QUESTION.match(body):
                    return None
                if len(action.titles) == 1 and changes.title is not None:
                    spliced = _new_count(action.titles[0], changes.title) or splice(
                        action.titles[0], body
                    )
                    if spliced is not None:  # "oops ch 5", "typo, 581": a part of the title
                        changes = replace(changes, title=spliced)
                return self._update_focus(action.ids, changes, turn)
            if recent and action is not None and action.kind in ("complete", "delete"):
                return self._switch(action.kind, action.ids, body, turn)
            return None
        if changes.empty:
            return None
        if changes.slots and changes.title is not None and not _RETITLE.search(body):
            # "make those all high priority please, the vp is watching": the words left over
            # around a change are a remark, never a new title.
            changes = replace(changes, title=None)
        if recent and action is not None and action.kind != "delete":
            return self._update_focus(action.ids, changes, turn)
        if len(self.state.focus) == 1:
            return self._update_focus(self.state.focus, changes, turn)
        return reply("Which todo should I change? Tell me its title or say 'show my todos'.")

    def _correct_parts(
        self, ids: list[int], titles: list[str], parts: list[str], turn: Turn
    ) -> Decision:
        """A correction in several parts ("the tag should be procurement not legal, and make it
        high priority"), or one that names which of the todos just added it is for ("the
        budget deck should be wednesday not tuesday"): one update per todo with all of it."""
        todos = self._as_listed(ids, turn)
        if isinstance(todos, Decision):
            return todos
        named, parts = _named_in(parts, todos)
        todos = named or todos
        if not todos:
            return reply("That todo isn't on your list any more, so I haven't changed anything.")
        planned: list[PlannedCall] = []
        for todo in todos:
            total = nlu.Changes()
            for part in parts:
                one = self._part_changes(todo, part)
                if one is None:
                    return reply(f"I'm not sure what '{part}' should change. Nothing was changed.")
                total = merge(total, one)
            if self.state.last_action is not None:
                total = _replacing_tags(total, self.state.last_action.values)
            planned.append(self.update_call(todo, total))
        return calls(*planned)

    def _part_changes(self, todo: dict[str, Any], part: str) -> nlu.Changes | None:
        """One part of a correction as changes to ``todo``: a swap ("wednesday not tuesday",
        "procurement not legal", "morning not evening") or plain details ("make it p1")."""
        swap = _SWAP.match(part) or _NOT_FIRST.match(part)
        if swap is None:
            changes = nlu.read_changes(part, self.d.now, self.d.tz)
            changes = _near_day(todo, _near_time(todo, changes, part), part, self.d)
            return replace(changes, title=None) if changes.slots else None
        new = re.sub(r"^(?:is|but)\s+", "", _IT_IS.sub("", _FIELD.sub("", swap["new"])), flags=re.I)
        new = new.strip(" '\"")
        old = _FIELD.sub("", swap["old"]).strip(" '\"#").lower()
        tags = [str(t).lower() for t in todo.get("tags") or []]
        if old in _PARTS and new.lower() in _PARTS and todo.get("due_time"):
            at = time.fromisoformat(str(todo["due_time"]))
            evening = new.lower() in ("evening", "night", "afternoon", "pm")
            hour = at.hour % 12 + (12 if evening else 0)
            return nlu.Changes(due_time=at.replace(hour=hour))
        if old in tags:
            return nlu.Changes(tags=(_tag_word(new),), untags=(old,))
        changes = nlu.read_changes(new, self.d.now, self.d.tz)
        if changes.slots:
            return replace(changes, title=None)
        title = str(todo.get("title", ""))
        if re.search(rf"\b{re.escape(old)}\b", title, re.I):
            return nlu.Changes(title=re.sub(rf"\b{re.escape(old)}\b", new, title, flags=re.I))
        return None

    def restate(self, body: str, turn: Turn) -> Decision | None:
        """ "oh and its urgent", "is for saturday": a new detail of the todo just added or
        changed, when the words are only details; otherwise not this act."""
        changes = nlu.read_changes(body, self.d.now, self.d.tz)
        if not changes.slots or changes.title is not None or changes.problem:
            return None
        action = self.state.last_action
        if (
            action is not None
            and action.ids
            and self.state.recent == "action"
            and action.kind in ("create", "update")
        ):
            return self._update_focus(action.ids, changes, turn, said=body)
        if len(self.state.focus) == 1:
            return self._update_focus(self.state.focus, changes, turn)
        return None

    def _swap(self, ids: list[int], old: str, new: str, turn: Turn) -> Decision:
        """ "tim not tom", "personal not work", "not tomorrow, sunday": put ``new`` where ``old``
        was, in the title, the tags or the date of the todo just added or changed."""
        todos = self._as_listed(ids, turn)
        if isinstance(todos, Decision):
            return todos
        if not todos:
            return reply("That todo isn't on your list any more, so I haven't changed anything.")
        new = _IT_IS.sub("", new).strip(" '\"")
        old = old.strip(" '\"#").lower()
        planned = []
        for todo in todos:
            tags = [str(t).lower() for t in todo.get("tags") or []]
            changes = nlu.read_changes(new, self.d.now, self.d.tz)
            if old in tags:
                planned.append(
                    call(
                        "update_task",
                        task_id=todo["task_id"],
                        add_tags=[_tag_word(new)],
                        remove_tags=[old],
                    )
                )
            elif changes.slots:
                planned.append(self.update_call(todo, replace(changes, title=None)))
            elif re.search(rf"\b{re.escape(old)}\b", str(todo.get("title", "")), re.I):
                title = re.sub(rf"\b{re.escape(old)}\b", new, str(todo["title"]), flags=re.I)
                planned.append(call("update_task", task_id=todo["task_id"], title=title))
        if not planned:
            return reply(f"I couldn't find '{old}' in it, so I haven't changed anything.")
        return calls(*planned)

    def _as_listed(self, ids: list[int], turn: Turn) -> list[dict[str, Any]] | Decision:
        """The todos ``ids`` as the list shows them now (those still on it), or the step to
        take first: read the list, or report what this turn already changed."""
        if writes(turn):
            return reply(report(turn))
        done = reads(turn)
        if not done:
            return calls(call("list_tasks", status="all"))
        by_id = {t["task_id"]: t for t in done[0].output or [] if isinstance(t, dict)}
        return [by_id[i] for i in ids if i in by_id]

    def _update_focus(
        self, ids: list[int], changes: nlu.Changes, turn: Turn, said: str | None = None
    ) -> Decision:
        todos = self._as_listed(ids, turn)
        if isinstance(todos, Decision):
            return todos
        if not todos:
            return reply("That todo isn't on your list any more, so I haven't changed anything.")
        if said is None:
            return calls(*[self.update_call(t, changes) for t in todos])
        return calls(
            *[
                self.update_call(t, _near_day(t, _near_time(t, changes, said), said, self.d))
                for t in todos
            ]
        )

    def _switch(self, kind: str, ids: list[int], body: str, turn: Turn) -> Decision | None:
        """ "no, the other milk" after completing or deleting: put that back, act on this."""
        if writes(turn):
            return reply(report(turn))
        done = reads(turn)
        if not done:
            return calls(call("list_tasks", status="all"))
        todos = [t for t in done[0].output or [] if isinstance(t, dict) and t["task_id"] not in ids]
        if kind == "complete":
            todos = [t for t in todos if not t.get("completed")]
        matches = self._matches(nlu.parse_reference(body), todos)
        if len(matches) != 1:
            return None
        target = matches[0]["task_id"]
        undo = (
            [call("uncomplete_task", task_id=i) for i in ids]
            if kind == "complete"
            else [call("undo")]
        )
        redo = call("complete_task" if kind == "complete" else "delete_task", task_id=target)
        return calls(*undo, redo)

    def add_more(self, body: str, turn: Turn) -> Decision | None:
        """ "oh and stamps", "and the bread too", "same for noah", "also high priority": the
        last action again on something else, or more details of the todo just added."""
        action = self.state.last_action
        if self.state.recent == "list" and self.state.last_list is not None:
            return self.follow_up(body, turn)
        if action is None or self.state.recent != "action":
            return None
        details = nlu.details_of(body, self.d.now, self.d.tz)
        if (
            details is not None
            and action.kind == "create"
            and action.titles
            and _ANOTHER_LEAD.match(nlu.prepare(turn.user))
        ):
            return self._another(action, details, body, turn)  # "another one at 9"
        if details is not None and action.kind in ("create", "update"):
            return self._update_focus(action.ids, details, turn)  # "also high priority"
        if action.kind in ("create", "update"):
            told = self._told_about_it(body)
            if told is not None:
                # "oh and my brother can lend me his van at the weekend, so put it on sunday"
                return self._update_focus(action.ids, told[0], turn, said=told[1])
        again = _ANOTHER.match(body)
        if again:  # "another one for sunday: call lucy"
            body = f"{again['rest']} {again['when']}".strip()
        alike = _ALIKE.search(nlu.prepare(turn.user)) is not None
        body = re.sub(r"^(?:the\s+)?same\s+(?:for|with|goes\s+for)\s+", "", body, flags=re.I)
        same = _SAME.search(body)
        if same and action.kind == "create":
            body = _SAME.sub("", body).strip(" ,.")
        sub = self.d.parse(body)
        if action.kind == "create":
            if isinstance(sub, nlu.Unknown) and sub.reason == "unclear" and sub.text:
                title = nlu.clean_title(sub.text)
                if not title or set(title.lower().split()) & DIALOGUE_WORDS:
                    return None
                sub = nlu.CreateTasks((nlu.TaskDraft(title=title),), explicit=True)
            if not isinstance(sub, nlu.CreateTasks):
                return None
            said = nlu.parse_when(body, self.d.now, self.d.tz)
            dated = said is not None and said.date_given
            drafts = [self._like_last(t, action, alike, dated) for t in sub.tasks]
            if same:
                inherit = {
                    k: action.values.get(k) for k in ("tags", "priority", "due_date", "due_time")
                }
                drafts = [_inherit(t, inherit, same["what"].lower()) for t in drafts]
            return self.create(nlu.CreateTasks(tuple(drafts), explicit=True), turn)
        kinds = {"complete": nlu.Complete, "uncomplete": nlu.Uncomplete, "delete": nlu.Delete}
        other = _OTHER.match(body)
        if action.kind in kinds and other is not None:
            return self._other(kinds[action.kind], action, other["w"], turn)
        if action.kind in kinds and not isinstance(sub, (*REF_INTENTS, nlu.ListTasks)):
            return self.referenced(kinds[action.kind](nlu.parse_reference(body)), turn)
        # "the quiz one too" after a move: the same change to another todo.
        alike = alike or _ADD_TOO.search(turn.user) is not None
        if action.kind == "update" and alike and not isinstance(sub, (*REF_INTENTS, nlu.ListTasks)):
            values = action.values
            changes = nlu.Changes(
                due_date=date.fromisoformat(values["due_date"]) if values.get("due_date") else None,
                due_time=time.fromisoformat(values["due_time"]) if values.get("due_time") else None,
                priority=values.get("priority"),
                tags=tuple(values.get("add_tags") or ()),
                recurrence=values.get("recurrence"),
            )
            return self.referenced(nlu.Update(nlu.parse_reference(body), changes), turn)
        return None

    def _told_about_it(self, body: str) -> tuple[nlu.Changes, str] | None:
        """The one clause of a longer follow-up that changes "it" ("so put it on sunday"), and
        its changes; None when there is none or more than one."""
        from todochat.nlu.frames import clauses

        found = []
        for part in clauses(body):
            m = _IT_CHANGE.search(part)
            if m is None:
                continue
            changes = nlu.read_changes(part[m.start() :], self.d.now, self.d.tz)
            if changes.slots and not changes.problem:
                found.append((replace(changes, title=None), part[m.start() :]))
        return found[0] if len(found) == 1 else None

    def _other(self, kind: Any, action: Any, words: str, turn: Turn) -> Decision:
        """ "and the other pickup" after completing one of two: the same act on the todo the
        words (or the last title's) fit besides the one just acted on."""
        if writes(turn):
            return reply(report(turn))
        done = reads(turn)
        if not done:
            return calls(call("list_tasks", status="all"))
        rest = [
            t
            for t in done[0].output or []
            if isinstance(t, dict) and t.get("task_id") not in action.ids
        ]
        if kind is not nlu.Uncomplete:
            rest = [t for t in rest if not t.get("completed")]
        said = words.strip() or (action.titles[-1] if action.titles else "")
        found = nlu.match_reference(
            nlu.Reference(words=said),
            [nlu.Candidate(t["task_id"], str(t.get("title", ""))) for t in rest],
        )
        by_id = {t["task_id"]: t for t in rest}
        if len(found) > 1:
            # The shared question, with its pending answer ("the second", "the valves one").
            return self.ask_which(kind(nlu.Reference(words=said)), [by_id[c.id] for c in found])
        if not found:
            return reply(f"I couldn't find another todo like '{said}'. Nothing was changed.")
        todo = by_id[found[0].id]
        return calls(*self.actions(kind(nlu.Reference(task_id=todo["task_id"])), todo))

    def _another(self, action: Any, details: nlu.Changes, body: str, turn: Turn) -> Decision:
        """ "another one at 9" after "sterilize bottles at 3": the same todo again, at 9 that
        evening (a bare hour later in the day than the last one reads as the later one)."""
        values = action.values
        day = details.due_date or (
            date.fromisoformat(values["due_date"]) if values.get("due_date") else None
        )
        at = details.due_time
        last = time.fromisoformat(values["due_time"]) if values.get("due_time") else None
        bare = not re.search(r"\b(?:am|pm|a\.m|p\.m|morning|evening|night|noon)\b|:", body, re.I)
        if at is not None and last is not None and bare and at.hour < 12 and at < last:
            at = at.replace(hour=at.hour + 12)  # 3 PM, then "at 9": 9 PM
        draft = nlu.TaskDraft(
            title=action.titles[-1],
            due_date=day if (day is not None or at is None) else self.d.today,
            due_time=at,
            priority=details.priority or values.get("priority"),
            tags=tuple(details.tags) or tuple(values.get("tags") or ()),
            recurrence=details.recurrence,
        )
        return self.create(nlu.CreateTasks((draft,), explicit=True), turn)

    def _like_last(
        self, draft: nlu.TaskDraft, action: Any, alike: bool, dated: bool
    ) -> nlu.TaskDraft:
        """A todo said as a follow-up to the one just added: "and my headphones" after "charge
        my camera tmrw" is "Charge my headphones" tomorrow; "same for noah" after "pack lily's
        swim bag" is "Pack noah's swim bag"."""
        last = action.titles[-1] if action.titles else ""
        title = draft.title
        if alike and last:
            title = _swap_in(last, title)
        elif (
            last
            and nlu.starts_with_task_verb(last)
            and not nlu.starts_with_task_verb(title)
            and (len(title.split()) == 1 or _OBJECT.match(title))
        ):
            # "and my headphones", "oh and stamps": more of what the verb is done to.
            title = f"{last.split()[0]} {title[0].lower()}{title[1:]}"
        values = action.values
        if not dated and draft.recurrence is None and values.get("due_date"):
            draft = replace(
                draft,
                due_date=date.fromisoformat(values["due_date"]),
                due_time=draft.due_time
                or (time.fromisoformat(values["due_time"]) if values.get("due_time") else None),
            )
        if not draft.tags and values.get("tags"):
            draft = replace(draft, tags=tuple(values["tags"]))
        return replace(draft, title=title)

    def follow_up(self, body: str, turn: Turn) -> Decision | None:
        """ "what about tomorrow?", "and the week after?": the last list with a new window, or a
        correction when the last thing was an action."""
        shown = self.state.last_list
        if self.state.recent == "action" and shown is None:
            return self.correct(body, turn)
        base = shown.filters if shown is not None else {"status": "open"}
        window = nlu.read_window(body, self.d.now, self.d.tz, base)
        if window is None:
            if self.state.recent == "action":
                return self.correct(body, turn)
            return None
        return self.listing(window, turn)


def _changes_of(draft: nlu.TaskDraft) -> nlu.Changes:
    """A draft todo as changes to an existing one."""
    return nlu.Changes(
        title=draft.title,
        due_date=draft.due_date,
        due_time=draft.due_time,
        priority=draft.priority if draft.priority not in (None, "none") else None,
        tags=draft.tags,
        recurrence=draft.recurrence,
    )


# "tim not tom", "it's personal not work"; and "not tomorrow, sunday".
_SWAP = re.compile(r"^(?P<new>[^,]+?)\s*,?\s+not\s+(?P<old>[#\w'-]+(?:\s+[\w'-]+)?)$", re.I)
_NOT_FIRST = re.compile(r"^not\s+(?P<old>[^,]+?)\s*,\s*(?:but\s+)?(?P<new>.+)$", re.I)
_IT_IS = re.compile(
    r"^(?:it's|it\s+is|its|should\s+be|make\s+it|it\s+should\s+be|tag\s+it|tagged|tag|"
    r"call\s+it|change\s+it\s+to|set\s+it\s+to)\s+",
    re.I,
)
_RETITLE = re.compile(r"\b(?:call|name|rename|retitle|title|named|called)\b", re.I)
_PARTS = frozenset({"morning", "evening", "afternoon", "night", "am", "pm"})
# "the tag should be procurement", "the date is wednesday": which field, then the value.
_FIELD = re.compile(
    r"^(?:the\s+)?(?:tag|tags|date|day|time|priority|title|name)\s+(?:should\s+be|is|was|to|=)\s+"
    r"|^(?:it|they|both|both\s+of\s+them|them)\s+(?:should\s+be|are|is)\s+",
    re.I,
)
# What a correction may end with that changes nothing ("sorry, long morning", "same times").
_ASIDE = re.compile(
    r"\b(?:while\s+you'?re\s+at\s+it|if\s+you\s+can|i\s+mean|i\s+meant|i\s+think)\b", re.I
)


def _correction_parts(body: str, d: Dialogue) -> list[str] | None:
    """The parts of a correction that change something, when there is a swap among them or
    more than one; None for the plain one-part corrections ``correct`` reads itself."""
    from todochat.nlu.frames import clauses

    text = _ASIDE.sub(" ", body).strip(" ?!.,")
    text = re.sub(r",\s*(?=not\s)", " ", text)  # "high priority, not low": one swap
    kept = []
    for part in clauses(text):
        part = part.strip(" ?!.,")
        if _SWAP.match(part) or _NOT_FIRST.match(part) or nlu.read_changes(part, d.now, d.tz).slots:
            kept.append(part)
    swapped = any(_SWAP.match(p) or _NOT_FIRST.match(p) for p in kept)
    named = any(_FIELD.match(p) for p in kept)
    if not kept or not (swapped or len(kept) > 1 or named):
        return None
    return kept


def _named_in(
    parts: list[str], todos: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """ "the budget deck should be wednesday": which of ``todos`` a part names first."""
    if len(todos) < 2:
        return [], parts
    m = re.match(
        r"^(?P<name>.+?)\s+(?:should\s+be|is|are|needs\s+to\s+be)\s+(?P<rest>.+)$", parts[0], re.I
    )
    if m is None:
        return [], parts
    found = nlu.match_reference(
        nlu.parse_reference(m["name"]), [nlu.Candidate(t["task_id"], t["title"]) for t in todos]
    )
    if len(found) != 1:
        return [], parts
    chosen = [t for t in todos if t["task_id"] == found[0].id]
    return chosen, [m["rest"], *parts[1:]]


_QUESTION = re.compile(r"^(?:what|which|how|when|where|who|why|do|does|is|are|can)\b", re.I)


_TOKEN = re.compile(r"[\w'#-]+")


def splice(title: str, fragment: str) -> str | None:
    """The title with ``fragment`` put over the words it corrects, or None when it is a whole
    new title: "Read sapiens ch 4" + "ch 5" -> "Read sapiens ch 5" (same leading word),
    "Review PR 518" + "581" -> "Review PR 581" (a number for the one number)."""
    words = fragment.split()
    if not words or len(words) > 3:
        return None
    tokens = title.split()
    lower = [t.lower().strip(".,") for t in tokens]
    first = words[0].lower()
    if len(words) > 1 and first in lower[1:]:
        at = len(lower) - 1 - lower[::-1].index(first)
        if at + len(words) <= len(tokens):
            return " ".join([*tokens[:at], *words, *tokens[at + len(words) :]])
    numbers = [i for i, t in enumerate(lower) if t.isdigit()]
    if len(words) == 1 and first.isdigit() and len(numbers) == 1:
        tokens[numbers[0]] = words[0]
        return " ".join(tokens)
    return None


def _fresh(turn: Turn) -> Turn:
    """The turn as if its lookups had not happened (a create makes no reads first)."""
    from todochat.agent.offline.conversation import Turn as TurnType

    return TurnType(user=turn.user, steps=[s for s in turn.steps if s.name not in READS_ONLY])


READS_ONLY = frozenset({"list_tasks", "search_tasks", "list_tags"})


def _about(word: str, todos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Todos tagged ``word`` (or its plural/singular), else whose title has the word."""
    word = word.lower()
    forms = {word, word + "s", word + "es", word.rstrip("s")}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    tagged = [t for t in todos if forms & {str(x).lower() for x in t.get("tags") or []}]
    if tagged:
        return tagged
    stem = word.rstrip("s")
    return [t for t in todos if re.search(rf"\b{re.escape(stem)}", str(t.get("title", "")), re.I)]


def _replacing_tags(changes: nlu.Changes, values: dict[str, Any]) -> nlu.Changes:
    """A correction's tags replace the tags the last action gave ("tag it spices instead")."""
    said = [str(t).lower() for t in [*(values.get("tags") or []), *(values.get("add_tags") or [])]]
    if not changes.tags or changes.untags or not said:
        return changes
    return replace(changes, untags=tuple(t for t in said if t not in changes.tags))


# "and the other pickup", "the other one": of two todos, the one not just acted on.
_OTHER = re.compile(r"^(?:the\s+)?other\s+(?:one\b\s*)?(?P<w>.*?)(?:\s+one)?[\s.!?]*$", re.I)
_IT_CHANGE = re.compile(
    r"\b(?:put|move|make|set|change|push|bump|schedule|do)\s+(?:it|that|this)\s+(?:on|to|for|at|by|"
    r"high|low|medium|urgent|tomorrow|today|tonight|next|this)\b",
    re.I,
)
_ADD_TOO = re.compile(r"\b(?:too|as\s+well)\b[\s.!?]*$", re.I)
_ANOTHER_LEAD = re.compile(r"^(?:(?:and|oh|ok|okay)\s+)*(?:another|one\s+more)\b", re.I)
_OBJECT = re.compile(r"^(?:my|the|a|an|some|his|her|their|our|your|more)\s", re.I)
_ANOTHER = re.compile(
    r"^(?:another|one\s+more)(?:\s+(?:one|todo|task|thing|reminder))?\s*(?P<when>[^:]*?)\s*:\s*"
    r"(?P<rest>.+)$",
    re.I,
)
# "same for noah", "the same with marketing", "ditto for call mom": the last action, elsewhere.
_ALIKE = re.compile(r"\b(?:same\s+(?:for|with|goes\s+for)|ditto|likewise)\b", re.I)


def _swap_in(title: str, other: str) -> str:
    """ "Pack lily's swim bag" for noah -> "Pack noah's swim bag"; "Sync with design" with
    marketing -> "Sync with marketing"; otherwise the new words after the title's verb."""
    lowered = other[0].lower() + other[1:] if other else other
    owner = re.search(r"\b[\w-]+'s\b", title)
    if owner:
        return title[: owner.start()] + f"{lowered}'s" + title[owner.end() :]
    prep = re.search(r"\b(?P<p>with|for|to|at)\s+(?P<w>.+)$", title, re.I)
    if prep:
        return title[: prep.start("w")] + lowered
    words = title.split()
    return f"{words[0]} {lowered}" if nlu.starts_with_task_verb(title) else other


_SAME = re.compile(
    r"[,\s]*\b(?:with\s+)?(?:the\s+)?same\s+(?P<what>tags?|priority|day|date|time)\b", re.I
)


def _inherit(draft: nlu.TaskDraft, values: dict[str, Any], what: str) -> nlu.TaskDraft:
    """ "and send the invites, same tag": the new todo takes that from the one just added."""
    if what.startswith("tag") and values.get("tags"):
        return replace(draft, tags=tuple(values["tags"]))
    if what == "priority" and values.get("priority"):
        return replace(draft, priority=values["priority"])
    if what in ("day", "date") and values.get("due_date"):
        return replace(draft, due_date=date.fromisoformat(values["due_date"]))
    if what == "time" and values.get("due_time"):
        return replace(draft, due_time=time.fromisoformat(values["due_time"]))
    return draft


# Verbs that change a todo; a message starting with one is never filed as a new todo when
# the todo it names is not found ("set the pavlova thing to tomorrow").
CHANGE_VERBS = frozenset(
    """set make change move switch push bump mark tag label update shift reschedule rename
    postpone give drop raise lower flag untag""".split()  # noqa: SIM905
)


# Verbs that change a todo but also start everyday tasks ("make dinner", "change oil", "set
# up the printer"): a new todo when what follows is a bare name that matches no todo.
_TASK_TOO = frozenset({"make", "set", "change", "update"})


def _task_phrase(text: str, bare: bool = False) -> bool:
    """Whether a message reads as a new todo's words ("put the bins out tonight")."""
    first = nlu.prepare(text).split(maxsplit=1)
    if not first:
        return False
    verb = first[0].lower()
    return verb not in CHANGE_VERBS or (bare and verb in _TASK_TOO)


def _singular(noun: str) -> str:
    """ "open todos tagged #work" -> "open todo tagged #work"."""
    return re.sub(r"\btodos\b", "todo", noun, count=1)


# "the tag must be auto, not car", "it should be tagged home": the words around the new tag.
_TAG_SAID = re.compile(
    r"^(?:(?:the|its?)\s+)?(?:(?:tag|label)\s+)?(?:(?:must|should|has\s+to|needs\s+to)\s+be|is)"
    r"\s+(?:tagged\s+|labell?ed\s+)?|^(?:tagged|labell?ed)\s+",
    re.I,
)


def _tag_word(new: str) -> str:
    """The tag a swap names: a tag is one word, so of several the last ("the tag must be auto")."""
    words = _TAG_SAID.sub("", new.strip()).split()
    return clean_tag(words[-1]) if words else clean_tag(new)


# What fixes a clock time's half of the day: am/pm, a part of the day, a 24-hour clock.
_HALF_DAY_SAID = re.compile(
    r"(?:\b|(?<=\d))(?:a\.?m\b\.?|p\.?m\b\.?)"
    r"|\b(?:morning|afternoon|evening|night|tonight|noon|midday|midnight)"
    r"|\b(?:1[3-9]|2[0-3]|0\d)(?::\d{2})?\b",
    re.I,
)


def _near_time(todo: dict[str, Any], changes: nlu.Changes, said: str) -> nlu.Changes:
    """A bare hour said to correct a todo's time on the same day ("no, make it 7" for 8 AM) is
    the one nearer the old time, morning or evening, not the rule for a new todo's bare hour."""
    if changes.due_time is None or changes.due_date is not None or not todo.get("due_time"):
        return changes
    if _HALF_DAY_SAID.search(said):
        return changes
    old = time.fromisoformat(str(todo["due_time"]))
    new = changes.due_time
    minutes = old.hour * 60 + old.minute
    options = [new.replace(hour=new.hour % 12), new.replace(hour=new.hour % 12 + 12)]
    best = min(options, key=lambda t: abs(t.hour * 60 + t.minute - minutes))
    return replace(changes, due_time=best)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A weekday named alone, first in a correction ("saturday works better", "make it saturday
# instead", "actually thursday"): the words after it are a remark, not a title.
_DAY_FIRST = re.compile(
    r"^(?:(?:no|nope|actually|sorry|oh|make\s+it|change\s+it\s+to|move\s+it\s+to|rather|"
    r"better|i\s+meant|i\s+mean|let's\s+say|say)[\s,]+)*(?:on\s+)?"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!\s+(?:at|morning|"
    r"afternoon|evening|night)\b)",
    re.I,
)


def _day_said(body: str, d: Dialogue) -> tuple[nlu.Changes, str] | None:
    """The day a correction names first, when its words read as a title ("saturday works
    better, friday is a rest day"), and the words that name it; None when it does not start
    with a weekday."""
    m = _DAY_FIRST.match(body.strip())
    if m is None:
        return None
    changes = nlu.read_changes(f"on {m['day']}", d.now, d.tz)
    return (changes, m[0]) if changes.due_date is not None else None


def _bare_weekday(said: str) -> list[str]:
    """The one weekday ``said`` names with nothing that fixes its week ("next", "this", a
    number); empty otherwise."""
    days = [w for w in _WEEKDAYS if re.search(rf"\b{w}\b", said, re.I)]
    if len(days) != 1 or re.search(r"\b(?:next|this|coming|following|\d)", said, re.I):
        return []
    return days


def _near_day(todo: dict[str, Any], changes: nlu.Changes, said: str, d: Dialogue) -> nlu.Changes:
    """A bare weekday said to correct a todo's day ("actually saturday" for Friday the 5th) is
    the one nearest the old day, not before today: the Saturday after that Friday, not today."""
    if changes.due_date is None or not todo.get("due_date"):
        return changes
    days = _bare_weekday(said)
    if not days:
        return changes
    old = date.fromisoformat(str(todo["due_date"]))
    today = d.now.astimezone(d.tz).date()
    wanted = _WEEKDAYS.index(days[0])
    if changes.due_date.weekday() != wanted:
        return changes
    nearest = min(
        (old + timedelta(days=k) for k in range(-3, 4) if (old.weekday() + k) % 7 == wanted),
        key=lambda day: abs((day - old).days),
    )
    return replace(changes, due_date=nearest if nearest >= today else changes.due_date)


_PUSH = re.compile(r"\b(?:push|postpone|delay|defer|bump|put\s+off|move\s+back|kick)\b", re.I)


def _pushed_later(day: date, todo: dict[str, Any], said: str) -> date:
    """ "push it to friday" for a todo due Tuesday the 5th, said on Friday the 1st: the Friday
    nearest the todo's own day (the 8th), not today; "push the mulch to saturday" for Sunday the
    29th is the day before."""
    if not todo.get("due_date") or not _PUSH.search(said):
        return day
    old = date.fromisoformat(str(todo["due_date"]))
    if day >= old or not _bare_weekday(said):
        return day
    later = day
    while later <= old:
        later += timedelta(days=7)
    return later if (later - old) < (old - day) else day


def _new_count(title: str, said: str) -> str | None:
    """ "make that 60 loaves" after "Order 40 loaves from the bakery": the number changes."""
    m = re.match(r"^(\d+)\s+([a-z][\w'-]*)", said.strip(), re.I)
    if m is None:
        return None
    old = re.search(rf"\b\d+(?=\s+{re.escape(m[2])}\b)", title, re.I)
    if old is None:
        return None
    return title[: old.start()] + m[1] + title[old.end() :]
