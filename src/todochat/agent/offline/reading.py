"""Choosing what a message means when its first reading is weak, against the user's list.

The first reading (``nlu.parse_message``) is kept when it is strong: an explicit new todo, a
listing, a question, a change whose name matches a todo. It is weak when it understood nothing,
when it would file a todo no create word asked for, or when the todo it names does not exist.
Then the message is read again clause by clause (``nlu.frames``), every reading of every clause
is scored against the todos the user has (a reading counts when its words name todos that
exist), remarks around the request are dropped, and the best readings, in the order said, are
what the turn does. A reading that names no todo never acts, and a bare phrase that reads as a
remark is never filed: the assistant asks instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from todochat import nlu
from todochat.nlu.changes import merge
from todochat.nlu.frames import Frame, clauses, group_of, read_frame

if TYPE_CHECKING:
    from todochat.agent.offline.dialogue import Dialogue

# Scores: what a reading is worth when the list agrees with it.
STRONG = 3.0
ASKS = 2.0
WEAK = 1.0
NOTHING = 0.0

REF_KINDS = (
    nlu.Complete, nlu.Uncomplete, nlu.Rename, nlu.Reschedule, nlu.ClearDue, nlu.SetPriority,
    nlu.ChangeTags, nlu.SetRecurrence, nlu.Delete, nlu.Update,
)  # fmt: skip
_SURE = (nlu.ListTasks, nlu.ClearCompleted, nlu.DeleteAll, nlu.PostponeOverdue, nlu.Check)
_TALK = (nlu.Greeting, nlu.Help, nlu.Thanks, nlu.Goodbye)
# Words that make a phrase a remark or a request about todos, never a todo's own title.
_NOT_A_TITLE = frozenset(
    """it that this those these them they both everything anything nothing again instead
    actually wait sorry meant oops undo ones other same done finished completed complete
    delete deleted remove removed cancel cancelled move moved push pushed tag tagged priority
    prio urgent mark marked tick ticked list todo todos task tasks reschedule rename yes no
    i'm i've i'd im ive you're your you my mine our we us he she his her lol haha ugh hmm
    thanks thank cheers please already finally just still yet""".split()  # noqa: SIM905
)
# Of those, the words that make even an explicit new todo's title suspect ("add ... and move
# the dentist to friday"): requests about other todos.
_CUES = frozenset(
    """done finished completed delete deleted remove removed move moved push pushed tag tagged
    priority prio mark marked tick ticked undo instead actually sorry meant oops""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True)
class Which:
    """Several todos fit a name: ask which one ``intent`` is for."""

    intent: Any
    todos: list[dict[str, Any]]


Planned = Any  # an nlu Intent, or a Which


@dataclass
class Reading:
    """A way to read the message: what it does, in order, and how well the list agrees."""

    steps: list[Planned] = field(default_factory=list)
    score: float = NOTHING


def weak(
    intent: nlu.Intent, todos: list[dict[str, Any]] | None, d: Dialogue, text: str = ""
) -> bool:
    """Whether the first reading is worth a second look (``todos``: the list, if read)."""
    if isinstance(intent, nlu.Unknown):
        return intent.reason == "unclear"
    if isinstance(intent, nlu.CreateTasks):
        if any(_broken(t.title) for t in intent.tasks):
            return True
        if not intent.explicit:
            if any(_cue_words(t.title) for t in intent.tasks):
                return True
            # "chem report is due wed now": a bare phrase that acts on a todo that exists.
            return todos is not None and _acts_on_list(text, todos, d)
        return any(_cue_words(t.title, _CUES) for t in intent.tasks)
    if isinstance(intent, nlu.Rename):
        return _has_slots(intent.new_title, d)
    if isinstance(intent, REF_KINDS) and _several_requests(text):
        return True  # "bump the gym one to high, oh and push the accountant call to friday"
    if isinstance(intent, REF_KINDS) and todos is not None:
        return score(intent, todos, d) < ASKS
    return False


_DANGLING = re.compile(
    r"(?:\s(?:to|and|for|with|at|on|by|from|of|add|or|but|is|are|the|a|an|my|not|now)|,)$|,\s+and\b",
    re.I,
)


def _acts_on_list(text: str, todos: list[dict[str, Any]], d: Dialogue) -> bool:
    """Whether some clause of ``text`` reads as an action on todos the user has."""
    parts = clauses(text)
    topic: list[dict[str, Any]] = []
    for part in parts:
        frame = read_frame(nlu.prepare(part), d.now, d.tz)
        if (
            frame is not None
            and frame.words.strip()
            and _frame_reading(frame, todos, d, topic).score > NOTHING
        ):
            return True
        named = ground(nlu.prepare(part), todos, d) if _names_only(part) else None
        if isinstance(named, list) and named and len(parts) > 1:
            return True  # "the cards and library book, both move to friday"
    return False


def _broken(title: str) -> bool:
    """A title the slots were cut out of mid-sentence ("Invoice zeno to, and add")."""
    return bool(_DANGLING.search(title))


_COMMAND = re.compile(
    r"\b(?:move|push|delete|remove|mark|tag|make|set|change|cancel|bump|tick|rename|add|remind|"
    r"reschedule|postpone|complete|finish|untag)\b",
    re.I,
)


def _several_requests(text: str) -> bool:
    """Whether more than one clause of the message asks for something."""
    return sum(1 for part in clauses(text) if _COMMAND.search(part)) > 1


def remark_around(text: str, d: Dialogue) -> bool:
    """Whether the message has small talk beside its request ("cheers mate, flat out today")."""
    parts = clauses(text)
    return len(parts) > 1 and any(isinstance(d.parse(p), _TALK) for p in parts)


def needs_list(intent: nlu.Intent) -> bool:
    """Whether deciding ``weak`` needs the user's list: a change that names a todo by words,
    or a todo no create word asked for (it may name one that exists)."""
    if isinstance(intent, nlu.CreateTasks):
        return not intent.explicit
    return (
        isinstance(intent, REF_KINDS)
        and intent.ref.text is not None
        and nlu.bulk_selector(intent.ref.phrase or "") is None
    )


def choose(text: str, first: nlu.Intent, todos: list[dict[str, Any]], d: Dialogue) -> Reading:
    """The best reading of ``text`` given the user's ``todos``: the first one, or clauses.

    Clause by clause: details join the request before them ("..., high priority"); "it" and
    "that" in a clause mean the todo the clause before named ("the standup notes thing, make
    it repeat every weekday, move it to 9:30"); changes to one todo become one change; a name
    that fits nothing is said, never guessed.
    """
    whole = Reading([first], score(first, todos, d))
    parts = clauses(text)
    steps: list[Planned] = []
    total = NOTHING
    topic: list[dict[str, Any]] = []
    missing: list[NotFound] = []
    group: str | None = None
    for part in parts:
        if steps and isinstance(steps[-1], Which) and _ALL.match(part):
            # "mark the laundry stuff done, both of them": every todo the name fits.
            which = steps.pop()
            steps.extend(_retarget(which.intent, t) for t in which.todos)
            total = max(total, STRONG)
            continue
        detail = nlu.details_of(nlu.prepare(part), d.now, d.tz)
        if detail is not None and steps:
            merged = _with_details(steps[-1], detail, d)
            if merged is not None:
                steps[-1] = merged  # "..., high priority #supplies", "and make it 2 pm"
                continue
        if steps and _group_step(steps[-1]) and _restates(part, d):
            continue  # "everything due today is done, mark it all off": said twice
        titled = _titled(part, todos) if len(parts) > 1 else []
        if titled:
            topic = titled  # "renew library books - no due date anymore & make it low prio"
            continue
        best = _best_for(part, todos, d, topic, missing, group)
        if best is None:
            group = group_of(part) or group  # "all what is overdue, please mark as done"
            named = ground(nlu.prepare(part), todos, d) if _names_only(part) else None
            if isinstance(named, list) and named:
                topic = named  # "the present for kenji, please change the name to ..."
            continue  # otherwise a remark around the request ("she swapped days")
        if all(_repeats(s, steps) for s in best.steps):
            continue  # "santa costume i am returned, pls mark complete": said twice
        named = _as_it_is(best.steps, todos) if len(parts) > 1 else []
        if named:
            topic = named  # "The doctor on Thursday, call it ...": the todo, named by its day
            continue
        step = best.steps[0] if len(best.steps) == 1 else None
        if step is not None and steps and _same_todo(steps[-1], step):
            merged = _with_details(steps[-1], as_changes(step) or nlu.Changes(), d)
            if merged is not None and as_changes(step) is not None:
                steps[-1] = merged
                continue
        steps.extend(best.steps)
        topic = _targets(best.steps, todos)
        total = best.score if total == NOTHING else min(total, best.score)
    if not steps and missing and whole.score <= WEAK and not getattr(first, "alternative", None):
        return Reading([missing[0]], ASKS)
    steps = _asked_only(steps)
    split = Reading(steps, total if steps else NOTHING)
    if steps and split.score >= STRONG and isinstance(first, REF_KINDS) and _several_requests(text):
        return split  # both requests of "bump the gym one to high, oh and push ... to friday"
    return split if split.score > whole.score else whole


@dataclass(frozen=True)
class NotFound:
    """A clear request whose name fits no todo: say so, change nothing."""

    intent: Any
    words: str


def _group_step(step: Planned) -> bool:
    ref = getattr(step, "ref", None)
    return (
        ref is not None and ref.task_id is None and nlu.bulk_selector(ref.phrase or "") is not None
    )


def _restates(part: str, d: Dialogue) -> bool:
    """A clause that only repeats the request before it ("mark it all off")."""
    frame = read_frame(nlu.prepare(part), d.now, d.tz)
    return frame is not None and not frame.words.strip()


def _asked_only(steps: list[Planned]) -> list[Planned]:
    """In a message that asks for something in so many words ("anyway can you add renew my
    passport", "you can tick that one off"), the todos no word asked for are the story around
    it ("today was a LOT", "I was going to do the food shop this morning"), not todos."""
    asked = any(
        (isinstance(s, nlu.CreateTasks) and s.explicit) or isinstance(s, REF_KINDS) for s in steps
    )
    if not asked:
        return steps
    kept: list[Planned] = []
    for step in steps:
        if isinstance(step, nlu.CreateTasks) and not step.explicit:
            tasks = tuple(t for t in step.tasks if _plain_todo(t.title))
            if not tasks:
                continue
            step = replace(step, tasks=tasks)
        kept.append(step)
    return kept


# A title that starts as a question ("Do plants need water in winter") or as a story about
# the speaker ("I was going to ...", "Was a LOT").
_NOT_A_TODO = re.compile(
    r"^(?:(?:do|does|did|is|are|was|were|should|can|could|would|will|has|have)\s+(?!the\b|a\b|an\b|"
    r"my\b|some\b|it\b|this\b|that\b)\w+\s+(?:need|needs|have|has|go|get|want|like|be|do)\b"
    r"|i\b|i'm\b|i've\b|we\b|he\b|she\b|they\b|it\b|was\b|were\b|my\s+\w+\s+(?:says|said|is|was))",
    re.I,
)


def _plain_todo(title: str) -> bool:
    """Whether ``title`` reads as something to do rather than a remark or a question."""
    if _NOT_A_TODO.match(title):
        return False
    return nlu.starts_with_task_verb(title) or len(title.split()) <= 4


def _as_it_is(steps: list[Planned], todos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The todo a clause names when its only "change" is what the todo already has ("the
    doctor on Thursday" for the doctor due on Thursday): a name, not a change."""
    if len(steps) != 1 or not isinstance(steps[0], (nlu.Reschedule, nlu.Update)):
        return []
    changes = as_changes(steps[0])
    found = _targets(steps, todos)
    if changes is None or len(found) != 1 or changes.title or changes.clear_due:
        return []
    todo = found[0]
    same_day = changes.due_date is not None and changes.due_date.isoformat() == todo.get("due_date")
    clock = changes.due_time.strftime("%H:%M") if changes.due_time else None
    same_time = clock is None or clock == todo.get("due_time")
    others = (
        changes.priority,
        changes.tags,
        changes.untags,
        changes.recurrence,
        changes.shift_days,
    )
    return [todo] if same_day and same_time and not any(x for x in others if x) else []


def _titled(part: str, todos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The open todo a clause names by its whole title, said as it is ("renew library books"
    before "- make it low prio"): the topic of the clauses after it, not a new todo."""
    said = " ".join(_WORD.findall(part.lower()))
    if not said or re.match(r"^(?:add|new|create|remind)\b", said):
        return []
    return [
        t
        for t in todos
        if not t.get("completed")
        and " ".join(_WORD.findall(str(t.get("title", "")).lower())) == said
    ][:1]


def _names_only(part: str) -> bool:
    """A clause that only names todos ("the cards and library book", "the standup notes thing")."""
    return re.match(r"^(?:the|my|that|this|those|these)\b", part.strip(), re.I) is not None


def _repeats(step: Planned, steps: list[Planned]) -> bool:
    """Whether ``step`` was already planned: the same action on the same todo (a change only
    when it changes nothing more: "..., and mark it as medium priority" is more)."""
    ref = getattr(step, "ref", None)
    if ref is None or ref.task_id is None:
        return False
    mine = as_changes(step)
    for s in steps:
        if type(s) is not type(step) or getattr(s, "ref", None) != ref:
            continue
        theirs = as_changes(s)
        if mine is None or theirs is None or merge(theirs, mine) == theirs:
            return True
    return False


def _targets(steps: list[Planned], todos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {t["task_id"]: t for t in todos}
    found = []
    for step in steps:
        ref = getattr(step, "ref", None)
        if ref is not None and ref.task_id in by_id:
            found.append(by_id[ref.task_id])
    return found


def _same_todo(a: Planned, b: Planned) -> bool:
    ra, rb = getattr(a, "ref", None), getattr(b, "ref", None)
    return ra is not None and rb is not None and ra.task_id is not None and ra.task_id == rb.task_id


_ALL = re.compile(
    r"^(?:(?:and|yes|yeah)\s+)?(?:both(?:\s+of\s+(?:them|those|these))?|all\s+of\s+them|all\s+"
    r"(?:two|three|four|five)|them\s+(?:both|all)|the\s+lot|each\s+of\s+them)[\s.!]*$",
    re.I,
)


def _with_details(step: Planned, detail: nlu.Changes, d: Dialogue) -> Planned | None:
    """The step with more details said after it, when it can take them."""
    if isinstance(step, nlu.CreateTasks):
        last = nlu.add_details(step.tasks[-1], [detail], d.now, d.tz)
        return replace(step, tasks=(*step.tasks[:-1], last))
    changes = as_changes(step)
    if changes is None:
        return None
    return nlu.Update(step.ref, merge(changes, detail))


def as_changes(step: Planned) -> nlu.Changes | None:
    """A change to one todo as Changes (None for what is not a change: complete, delete)."""
    match step:
        case nlu.Update(changes=changes):
            return changes
        case nlu.Reschedule(due_date=day, due_time=at):
            return nlu.Changes(due_date=day, due_time=at)
        case nlu.SetPriority(priority=level):
            return nlu.Changes(priority=level)
        case nlu.ChangeTags(add=add, remove=remove):
            return nlu.Changes(tags=add, untags=remove)
        case nlu.SetRecurrence(rrule=rule, due_time=at):
            return nlu.Changes(recurrence=rule or "", clock=at)
        case nlu.Rename(new_title=title):
            return nlu.Changes(title=title)
        case nlu.ClearDue():
            return nlu.Changes(clear_due=True)
    return None


def _retarget(intent: Any, todo: dict[str, Any]) -> Any:
    ref = nlu.Reference(task_id=todo["task_id"], phrase=str(todo.get("title", "")))
    return replace(intent, ref=ref)


def _best_for(
    part: str,
    todos: list[dict[str, Any]],
    d: Dialogue,
    topic: list[dict[str, Any]],
    missing: list[NotFound],
    group: str | None = None,
) -> Reading | None:
    """The best reading of one clause, or None when it asks nothing of the list."""
    options: list[Reading] = []
    said = d.parse(part)
    if isinstance(said, _TALK):
        return None
    if not isinstance(said, nlu.Unknown):
        options.append(_said_reading(said, todos, d))
        ref = getattr(said, "ref", None)
        if isinstance(said, REF_KINDS) and ref is not None and ref.pronoun and len(topic) == 1:
            # "call it Dr Patel eye check" right after a clause that named one todo.
            options.append(Reading([_retarget(said, topic[0])], STRONG + 1.0))
    frame = read_frame(nlu.prepare(part), d.now, d.tz)
    if frame is not None and group and not frame.words.strip():
        frame = replace(frame, words=group)
    if frame is not None:
        found = _frame_reading(frame, todos, d, topic)
        if topic and not frame.words.strip() and found.score > NOTHING:
            found.score += 1.0  # "it" right after a clause that named a todo is that todo
        options.append(found)
        if found.score == NOTHING and frame.strength > 1 and frame.words:
            intent = _intent(frame, nlu.Reference(words=frame.words, phrase=frame.words))
            missing.append(NotFound(intent, frame.words))
    options = [o for o in options if o.score > WEAK]
    if not options:
        return None
    return max(options, key=lambda o: o.score)


def _said_reading(said: nlu.Intent, todos: list[dict[str, Any]], d: Dialogue) -> Reading:
    """The first reader's reading of a clause; a name that fits several todos asks which."""
    value = score(said, todos, d)
    if value == ASKS and isinstance(said, REF_KINDS) and said.ref.text is not None:
        found = _strict(said.ref.text, _pool(_kind(said), todos))
        if isinstance(found, Which):
            return Reading([Which(said, found.todos)], ASKS)
    return Reading([said], value)


def _frame_reading(
    frame: Frame, todos: list[dict[str, Any]], d: Dialogue, topic: list[dict[str, Any]]
) -> Reading:
    """A frame as planned steps, scored by the todos its words name ("it" after a clause
    that named a todo is that todo)."""
    if nlu.bulk_selector(frame.words) is not None:
        # "mark all of my tasks tagged spring as complete": listed, then asked.
        ref = nlu.Reference(words=frame.words, phrase=frame.words)
        return Reading([_intent(frame, ref)], STRONG)
    pool = _pool(frame.kind, todos)
    if not frame.words.strip() and topic:
        found: list[dict[str, Any]] | Which | None = [t for t in topic if t in pool] or None
    else:
        found = ground(frame.words, pool, d)
    if not frame.words.strip() and not frame.plural and isinstance(found, list) and len(found) > 1:
        found = Which(None, found)  # "mark it done" with several todos in view: which one?
    if frame.count is not None and isinstance(found, list) and len(found) != frame.count:
        found = Which(None, found)  # "delete both of them" after a list of three: which two?
    if found is None:
        return Reading([], NOTHING)
    if isinstance(found, Which):
        intent = _intent(frame, nlu.Reference(words=frame.words, phrase=frame.words))
        return Reading([Which(intent, found.todos)], ASKS)
    steps = [
        _intent(frame, nlu.Reference(task_id=t["task_id"], phrase=str(t.get("title", ""))))
        for t in found
    ]
    bonus = 0.5 if frame.strength > 1 else 0.0
    return Reading(steps, STRONG + bonus)


def _intent(frame: Frame, ref: nlu.Reference) -> nlu.Intent:
    if frame.kind == "complete":
        return nlu.Complete(ref)
    if frame.kind == "uncomplete":
        return nlu.Uncomplete(ref)
    if frame.kind == "delete":
        return nlu.Delete(ref)
    return nlu.Update(ref, frame.changes or nlu.Changes())


def _pool(kind: str, todos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if kind == "complete":
        return [t for t in todos if not t.get("completed")]
    if kind == "uncomplete":
        return [t for t in todos if t.get("completed")]
    return todos


def ground(
    words: str, todos: list[dict[str, Any]], d: Dialogue
) -> list[dict[str, Any]] | Which | None:
    """The todos ``words`` name: strictly by title, then name by name ("milk and eggs"), then
    by the words they share; None when nothing fits, a Which when several fit one name."""
    if not words.strip():
        by_id = {t["task_id"]: t for t in todos}
        focus = [by_id[i] for i in d.state.focus if i in by_id]
        return focus or None
    listed = _by_position(words, todos, d)
    if listed is not None:
        return listed
    found = _strict(words, todos)
    if found is not None:
        return found
    parts = nlu.split_references(words)
    if len(parts) > 1:
        several: list[dict[str, Any]] = []
        for part in parts:
            one = _strict(part, todos) or _shared(part, todos)
            if not isinstance(one, list) or len(one) != 1:
                return None
            several.extend(one)
        return several
    return _shared(words, todos)


_POSITION = re.compile(
    r"^(?:the\s+)?(?:(?:first|second|third|fourth|fifth|last|top|bottom|\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:\s+(?:two|three|four|one|ones))?(?:\s*(?:,|and|&)\s*)?)+",
    re.I,
)


def _by_position(
    words: str, todos: list[dict[str, Any]], d: Dialogue
) -> list[dict[str, Any]] | None:
    """ "second", "first two", "1 and 3", "last gave back": places in the last list shown."""
    m = _POSITION.match(words.strip())
    shown = d.state.last_list
    if m is None or shown is None:
        return None
    ref = nlu.parse_reference(m.group().strip(" ,&"))
    places = ref.ordinals or ((ref.ordinal,) if ref.ordinal is not None else ())
    by_id = {t["task_id"]: t for t in todos}
    picked: list[dict[str, Any]] = []
    for n in places:
        index = n - 1 if n > 0 else len(shown.ids) + n
        if not 0 <= index < len(shown.ids) or shown.ids[index] not in by_id:
            return None
        picked.append(by_id[shown.ids[index]])
    return picked or None


def _strict(words: str, todos: list[dict[str, Any]]) -> list[dict[str, Any]] | Which | None:
    ref = nlu.parse_reference(words)
    if ref.text is None:
        return None
    found = nlu.match_reference(ref, [nlu.Candidate(t["task_id"], t["title"]) for t in todos])
    by_id = {t["task_id"]: t for t in todos}
    if len(found) == 1:
        return [by_id[found[0].id]]
    if len(found) > 1:
        return Which(None, [by_id[c.id] for c in found])
    return None


_STEMS = ("ing", "ed", "es", "s")


def _stem(word: str) -> str:
    for suffix in _STEMS:
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _content(text: str) -> set[str]:
    return {
        _stem(w) for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _NOT_A_TITLE
    } - {"the", "and", "for", "with", "from", "about"}


# Verbs that start many titles ("Buy milk", "Call mom"): shared alone they name nothing.
_GENERIC = frozenset(
    """buy get call pay make take send book pick check clean fix write read order return go
    do put bring ring email text see meet plan start finish update""".split()  # noqa: SIM905
)


def _shared(words: str, todos: list[dict[str, Any]]) -> list[dict[str, Any]] | Which | None:
    """The todo sharing the most words with ``words`` (a word of its own among them, and at
    least half of what was said); a tie asks; nothing shared is None."""
    wanted = _content(words)
    if not wanted:
        return None

    def overlap(todo: dict[str, Any]) -> int:
        common = wanted & _content(str(todo.get("title", "")))
        if not common - _GENERIC or 2 * len(common) < len(wanted):
            return 0
        return len(common)

    scored = [(overlap(t), t) for t in todos]
    best = max((s for s, _ in scored), default=0)
    if best == 0:
        return None
    top = [t for s, t in scored if s == best]
    if len(top) > 1:
        return Which(None, top)
    return top


def score(intent: nlu.Intent, todos: list[dict[str, Any]], d: Dialogue) -> float:
    """How well the list agrees with one reading."""
    if isinstance(intent, nlu.CreateTasks):
        cues = _CUES if intent.explicit else _NOT_A_TITLE
        if any(_cue_words(t.title, cues) for t in intent.tasks):
            return WEAK
        return STRONG if intent.explicit else ASKS
    if isinstance(intent, _SURE):
        return STRONG
    if isinstance(intent, nlu.InvalidDate):
        return STRONG
    if isinstance(intent, _TALK):
        return WEAK
    if isinstance(intent, nlu.Rename) and _has_slots(intent.new_title, d):
        return WEAK
    if isinstance(intent, REF_KINDS):
        ref = intent.ref
        if ref.task_id is not None:
            return STRONG
        if ref.text is None:
            known = (
                d.state.focus
                if ref.pronoun
                else (d.state.last_list.ids if d.state.last_list else [])
            )
            return STRONG if known else WEAK
        if nlu.bulk_selector(ref.phrase or "") is not None:
            return STRONG
        pool = _pool(_kind(intent), todos)
        found = _strict(ref.text, pool)
        if isinstance(found, Which):
            return ASKS
        if found:
            return STRONG
        parts = nlu.split_references(ref.text)
        if len(parts) > 1 and all(_strict(p, pool) for p in parts):
            return STRONG
        return WEAK
    return NOTHING


def _kind(intent: nlu.Intent) -> str:
    if isinstance(intent, nlu.Complete):
        return "complete"
    if isinstance(intent, nlu.Uncomplete):
        return "uncomplete"
    return "other"


def _cue_words(title: str, words: frozenset[str] = _NOT_A_TITLE) -> bool:
    """A title holding words no todo is named by ("Make the gym thing n", "Sry")."""
    return bool(set(_WORD.findall(title.lower())) & words)


def _has_slots(text: str, d: Dialogue) -> bool:
    changes = nlu.read_changes(text, d.now, d.tz)
    return changes.slots
