"""Held-out cases: written before the engine was first run against any corpus case, and never
used to tune it. Their score is reported in docs/assistant.md; failures are xfail (see
HELDOUT_FAILURES), so the suite stays green while the score stays honest.

Default clock: Saturday 21 Nov 2026, 14:30 in Europe/Berlin.
"""

from __future__ import annotations

from tests.assistant.spec import ABSENT, C, Id, Rule, T, case

HELDOUT = [
    case(
        "ho-add-monday-10am",
        "add pick up dry cleaning on monday at 10am",
        calls=(
            C("add_task", title="Pick up dry cleaning", due_date="2026-11-23", due_time="10:00"),
        ),
        reply=r"Pick up dry cleaning.*Nov 23",
    ),
    case(
        "ho-remind-sunday-evening",
        "remind me to call grandma sunday evening",
        calls=(C("add_task", title="Call grandma", due_date="2026-11-22", due_time="20:00"),),
    ),
    case(
        "ho-need-end-of-month",
        "I need to renew my passport by the end of the month",
        calls=(C("add_task", title="Renew my passport", due_date="2026-11-30"),),
    ),
    case(
        "ho-todo-tag-p2",
        "todo: book flights to Lisbon #travel p2",
        calls=(C("add_task", title="Book flights to Lisbon", tags=["travel"], priority="medium"),),
    ),
    case(
        "ho-every-3-days",
        "add water the plants every 3 days",
        calls=(
            C("add_task", title="Water the plants", recurrence=Rule("FREQ=DAILY", "INTERVAL=3")),
        ),
    ),
    case(
        "ho-every-other-tuesday-7pm",
        "add take out the recycling every other tuesday at 7pm",
        calls=(
            C(
                "add_task",
                title="Take out the recycling",
                due_date="2026-11-24",
                due_time="19:00",
                recurrence=Rule("FREQ=WEEKLY", "INTERVAL=2", "BYDAY=TU"),
            ),
        ),
    ),
    case(
        "ho-read-1984-by-friday",
        "add read 1984 by friday",
        calls=(C("add_task", title="Read 1984", due_date="2026-11-27", due_time=ABSENT),),
    ),
    case(
        "ho-second-draft-tomorrow-morning",
        "add finish the second draft tomorrow morning",
        calls=(
            C("add_task", title="Finish the second draft", due_date="2026-11-22", due_time="09:00"),
        ),
    ),
    case(
        "ho-15-december-330pm",
        "add dentist appointment on 15 December at 3:30pm",
        calls=(
            C("add_task", title="Dentist appointment", due_date="2026-12-15", due_time="15:30"),
        ),
    ),
    case(
        "ho-jst-tomorrow",
        "add team call at 9am JST tomorrow",
        calls=(C("add_task", title="Team call", due_date="2026-11-22", due_time="01:00"),),
    ),
    case(
        "ho-ny-in-2-hours",
        "remind me to submit the report in 2 hours",
        tz="America/New_York",
        now="2026-11-21 10:00",
        calls=(C("add_task", title="Submit the report", due_date="2026-11-21", due_time="12:00"),),
    ),
    case(
        "ho-tokyo-at-9-passed",
        "add call the bank at 9",
        tz="Asia/Tokyo",
        now="2026-11-21 23:30",
        calls=(C("add_task", title="Call the bank", due_date="2026-11-22", due_time="09:00"),),
    ),
    case(
        "ho-auckland-on-the-3rd",
        "add pay the water bill on the 3rd",
        tz="Pacific/Auckland",
        calls=(C("add_task", title="Pay the water bill", due_date="2026-12-03"),),
    ),
    case(
        "ho-february-30",
        "add send the invoice on February 30",
        todos=(),
        reply=r"feb",
    ),
    case(
        "ho-march-in-parade-saturday",
        "add march in the parade saturday",
        calls=(C("add_task", title="March in the parade", due_date="2026-11-21"),),
    ),
    case(
        "ho-bottles-and-cheese-one-todo",
        "add buy 2 bottles of wine and cheese for the party",
        calls=(
            C(
                "add_task",
                title="Buy 2 bottles of wine and cheese for the party",
                due_date=ABSENT,
            ),
        ),
    ),
    case(
        "ho-whats-overdue",
        "what's overdue?",
        seed=(T("Pay rent", due="2026-11-19"), T("Buy milk", due="2026-11-25")),
        reads=(C("list_tasks", due="overdue"),),
        reply=r"Pay rent",
        not_reply=r"Buy milk",
    ),
    case(
        "ho-tagged-work",
        "show me everything tagged work",
        seed=(T("Write slides", tags=("work",)), T("Clean kitchen", tags=("home",))),
        reads=(C("list_tasks", tag="work"),),
        reply=r"Write slides",
        not_reply=r"Clean kitchen",
    ),
    case(
        "ho-anything-about-dentist",
        "do I have anything about the dentist?",
        seed=(T("Call the dentist"), T("Buy milk")),
        reply=r"Call the dentist",
        not_reply=r"Buy milk",
    ),
    case(
        "ho-which-milk-then-oat",
        ("mark milk as done", "the oat milk one"),
        seed=(T("Buy milk"), T("Buy oat milk")),
        calls=(C("complete_task", task_id=Id(1)),),
        before=r"Which one",
        todos=(
            {"title": "Buy milk", "completed": False},
            {"title": "Buy oat milk", "completed": True},
        ),
    ),
    case(
        "ho-delete-everything-no",
        ("delete everything", "no"),
        seed=(T("Buy milk"), T("Call mom")),
        todos=({"title": "Buy milk"}, {"title": "Call mom"}),
    ),
    case(
        "ho-delete-all-yes",
        ("delete all my todos", "yes"),
        seed=(T("Buy milk"), T("Call mom")),
        calls=(C("delete_task", task_id=Id(0)), C("delete_task", task_id=Id(1))),
        todos=(),
    ),
    case(
        "ho-add-then-move-it",
        ("add call the plumber", "move it to tuesday at 5pm"),
        calls=(C("update_task", due_date="2026-11-24", due_time="17:00"),),
        todos=({"title": "Call the plumber", "due_date": "2026-11-24", "due_time": "17:00"},),
    ),
    case(
        "ho-list-then-complete-2nd",
        ("show my todos", "complete the 2nd one"),
        seed=(T("Alpha report", due="2026-11-22"), T("Beta review", due="2026-11-23")),
        calls=(C("complete_task", task_id=Id(1)),),
    ),
    case(
        "ho-recurring-rolls-forward",
        "done with water plants",
        seed=(T("Water plants", due="2026-11-21", rrule="FREQ=WEEKLY;BYDAY=SA"),),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=({"title": "Water plants", "due_date": "2026-11-28", "completed": False},),
        reply=r"Nov 28",
    ),
    case(
        "ho-mark-not-done",
        "mark call mom as not done",
        seed=(T("Call mom", done=True),),
        calls=(C("uncomplete_task", task_id=Id(0)),),
        todos=({"title": "Call mom", "completed": False},),
    ),
    case(
        "ho-rename-quoted",
        "rename 'Pay rent' to 'Pay the December rent'",
        seed=(T("Pay rent"),),
        calls=(C("update_task", task_id=Id(0), title="Pay the December rent"),),
    ),
    case(
        "ho-gym-high-priority",
        "make the gym one high priority",
        seed=(T("Gym", due="2026-11-23"), T("Buy milk")),
        calls=(C("update_task", task_id=Id(0), priority="high"),),
    ),
    case(
        "ho-spanish",
        "hola, necesito comprar leche",
        todos=(),
        reply=r"English",
    ),
    case(
        "ho-push-overdue-tomorrow",
        # A change to several todos now waits for a yes (issue 12's policy).
        ("push everything overdue to tomorrow", "yes"),
        seed=(T("Submit taxes", due="2026-11-18"), T("Call bank", due="2026-11-20", at="09:00")),
        calls=(
            C("update_task", task_id=Id(0), due_date="2026-11-22"),
            C("update_task", task_id=Id(1), due_date="2026-11-22"),
        ),
        todos=(
            {"title": "Submit taxes", "due_date": "2026-11-22"},
            {"title": "Call bank", "due_date": "2026-11-22", "due_time": "09:00"},
        ),
    ),
]

# Held-out cases the engine fails, by id, with the reason. Score of the one scoring run
# (2026-11-21, engine as it was before any corpus-driven fix): 30/30, so nothing is xfail; the
# same 30/30 after the fixes.
HELDOUT_FAILURES: dict[str, str] = {}
