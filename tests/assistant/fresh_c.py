"""A fresh, kept-aside corpus (set C) of 100 conversations, scored once at the end.

Written by a helper session from the brief's thirteen failure classes only (corrections, several
changes by reference, plural references, short follow-ups, filtered listings and positions, bulk
acts that must ask first, typos and fillers, dates and times, small talk, undo, questions that
must not write, names matching nothing or two todos, plain everyday requests), without reading
the engine, its docs or any earlier corpus, and never run against the assistant while written.
Voices: a shop owner, a commuter, a gardener, a PhD student, a grandparent, a gamer, texting as
they would a friend. Every weekday and expected date was computed with Python. Clocks (local
time in the case's timezone):
Europe/Berlin 2026-12-31 15:20 Thu (year change), 2027-03-27 09:10 Sat (DST starts Sun 28th),
2027-06-30 18:45 Wed (month end), 2027-10-13 12:05 Wed, 2028-02-28 08:30 Mon (leap February);
America/New_York 2026-12-14 10:15 Mon, 2027-03-13 16:40 Sat (DST starts Sun 14th),
2027-08-31 07:50 Tue (month end), 2027-12-30 20:10 Thu (year change), 2028-05-17 13:00 Wed;
Asia/Tokyo 2027-01-04 08:00 Mon, 2027-04-30 19:30 Fri (month end), 2027-09-15 11:20 Wed,
2027-12-31 10:00 Fri (year change), 2028-06-06 14:45 Tue;
Pacific/Auckland 2027-01-31 10:05 Sun (month end), 2027-04-01 15:00 Thu (DST ends Sun 4th),
2027-07-21 12:30 Wed, 2027-09-27 17:15 Mon (DST started Sun 26th), 2028-02-10 10:20 Thu.
"""

from __future__ import annotations

from tests.assistant.spec import ABSENT, C, Case, Id, New, Re, Rule, T, case

BER = "Europe/Berlin"
NYC = "America/New_York"
TYO = "Asia/Tokyo"
AKL = "Pacific/Auckland"

# A reply saying the named todo is not there.
NOT_FOUND = (
    r"(?i)couldn.t find|can.?t find|could not find|didn.t find|did not find|no todo|no task"
    r"|don.t see|do not see|don.t have|nothing|no match|not find"
)
# A reply asking the user to choose.
ASKS = r"(?i)which|\?"


def every(*words: str) -> str:
    """A reply regex that finds all these words, in any order."""
    return "(?s)" + "".join(f"(?=.*{w})" for w in words)


FRESH_C: list[Case] = [
    # ------------------------------------------------------------------
    # 1. Corrections right after an action
    # ------------------------------------------------------------------
    case(
        "fc-correct-no-wait-6pm-after-add",
        ("remind me to ring the supplier about the flour order at 5", "no wait, make that 6pm"),
        now="2026-12-14 10:15",
        tz=NYC,
        calls=(C("update_task", task_id=New(0), due_time="18:00"),),
        todos=(
            {
                "title": Re(r"(?i)^ring the supplier"),
                "due_date": "2026-12-14",
                "due_time": "18:00",
            },
        ),
    ),
    case(
        "fc-correct-actually-the-day-after",
        ("put meeting with my supervisor on thursday at 10am", "actually the day after"),
        now="2027-10-13 12:05",
        tz=BER,
        calls=(C("update_task", task_id=New(0), due_date="2027-10-15"),),
        todos=(
            {
                "title": Re(r"(?i)^meeting with (my )?supervisor$"),
                "due_date": "2027-10-15",
                "due_time": "10:00",
            },
        ),
    ),
    case(
        "fc-correct-sorry-meant-friday-after-move",
        ("move the gym to thursday", "sorry i meant friday"),
        now="2027-09-15 11:20",
        tz=TYO,
        seed=(T("Gym session", due="2027-09-15"), T("Buy protein powder")),
        calls=(C("update_task", task_id=Id(0), due_date="2027-09-17"),),
        todos=(
            {"title": "Gym session", "due_date": "2027-09-17"},
            {"title": "Buy protein powder", "due_date": ABSENT},
        ),
    ),
    case(
        "fc-correct-not-tom-tim",
        ("add call tom about the bbq on saturday", "not tom, tim"),
        now="2027-07-21 12:30",
        tz=AKL,
        calls=(C("update_task", task_id=New(0), title=Re(r"(?i)^call tim about the bbq$")),),
        todos=({"title": Re(r"(?i)^call tim about the bbq$"), "due_date": "2027-07-24"},),
        reply=r"(?i)tim",
    ),
    case(
        "fc-correct-low-then-urgent",
        ("add renew train pass, low priority", "oh wait no, it's urgent actually"),
        now="2027-08-31 07:50",
        tz=NYC,
        calls=(C("update_task", task_id=New(0), priority="high"),),
        todos=({"title": Re(r"(?i)^renew (the |my )?train pass$"), "priority": "high"},),
    ),
    case(
        "fc-correct-half-past-after-push",
        ("push the seedlings pickup to 2", "sorry i meant half past 2"),
        now="2027-03-27 09:10",
        tz=BER,
        seed=(T("Pick up seedlings from the nursery", due="2027-03-27", at="11:00"),),
        calls=(C("update_task", task_id=Id(0), due_time="14:30"),),
        todos=(
            {
                "title": "Pick up seedlings from the nursery",
                "due_date": "2027-03-27",
                "due_time": "14:30",
            },
        ),
    ),
    case(
        "fc-correct-tag-instead",
        ("add buy the new zelda dlc #gaming", "actually tag it #treats instead"),
        now="2027-01-04 08:00",
        tz=TYO,
        calls=(C("update_task", task_id=New(0)),),
        todos=({"title": Re(r"(?i)^buy the new zelda dlc$"), "tags": ["treats"]},),
    ),
    case(
        "fc-correct-sorry-the-24th",
        ("add submit conference abstract due the 25th", "sorry, the 24th"),
        now="2027-04-30 19:30",
        tz=TYO,
        calls=(C("update_task", task_id=New(0), due_date="2027-05-24"),),
        todos=(
            {"title": Re(r"(?i)^submit (the )?conference abstract$"), "due_date": "2027-05-24"},
        ),
    ),
    # ------------------------------------------------------------------
    # 2. Several changes to one todo named by reference
    # ------------------------------------------------------------------
    case(
        "fc-multi-gym-high-and-tag-health",
        "bump the gym one to high and tag it health",
        now="2026-12-31 15:20",
        tz=BER,
        seed=(T("Go to the gym", due="2027-01-02"), T("Buy champagne", due="2026-12-31")),
        calls=(C("update_task", task_id=Id(0), priority="high"),),
        todos=(
            {
                "title": "Go to the gym",
                "priority": "high",
                "tags": ["health"],
                "due_date": "2027-01-02",
            },
            {"title": "Buy champagne", "priority": "none", "tags": []},
        ),
    ),
    case(
        "fc-multi-rename-and-move-receipt-paper",
        "change the receipt paper one to 'order receipt rolls and pens' and move it to wednesday",
        now="2027-03-13 16:40",
        tz=NYC,
        seed=(
            T("Order receipt paper", due="2027-03-15"),
            T("Sweep the storefront", due="2027-03-14"),
        ),
        calls=(
            C(
                "update_task",
                task_id=Id(0),
                title="Order receipt rolls and pens",
                due_date="2027-03-17",
            ),
        ),
        todos=(
            {"title": "Order receipt rolls and pens", "due_date": "2027-03-17"},
            {"title": "Sweep the storefront", "due_date": "2027-03-14"},
        ),
    ),
    case(
        "fc-multi-landlord-p2-and-9am",
        "make the landlord call p2 and put it at 9am",
        now="2028-06-06 14:45",
        tz=TYO,
        seed=(
            T("Call the landlord", due="2028-06-08"),
            T("Pay electricity bill", due="2028-06-12", priority="low"),
        ),
        calls=(C("update_task", task_id=Id(0), priority="medium", due_time="09:00"),),
        todos=(
            {
                "title": "Call the landlord",
                "priority": "medium",
                "due_date": "2028-06-08",
                "due_time": "09:00",
            },
            {"title": "Pay electricity bill", "priority": "low", "due_time": ABSENT},
        ),
    ),
    case(
        "fc-multi-untag-and-clear-date",
        "take the urgent tag off the apple tree pruning and get rid of the date on it",
        now="2027-01-31 10:05",
        tz=AKL,
        seed=(
            T("Prune the apple tree", due="2027-02-03", tags=("garden", "urgent")),
            T("Buy compost"),
        ),
        calls=(C("update_task", task_id=Id(0), clear_due=True),),
        todos=(
            {
                "title": "Prune the apple tree",
                "tags": ["garden"],
                "due_date": ABSENT,
                "priority": "none",
            },
            {"title": "Buy compost"},
        ),
    ),
    case(
        "fc-multi-rename-raid-and-10pm",
        ("show me my list", "rename raid night to new years raid and make it 10pm instead"),
        now="2027-12-30 20:10",
        tz=NYC,
        seed=(T("Raid night", due="2027-12-31", at="21:00"), T("Buy headset")),
        calls=(
            C(
                "update_task",
                task_id=Id(0),
                title=Re(r"(?i)^new year.?s raid$"),
                due_time="22:00",
            ),
        ),
        todos=(
            {"title": Re(r"(?i)^new year.?s raid$"), "due_date": "2027-12-31", "due_time": "22:00"},
            {"title": "Buy headset"},
        ),
    ),
    case(
        "fc-multi-chapter-date-priority-extra-tag",
        "push the chapter 3 draft to the 16th, high priority, and tag it writing too",
        now="2027-06-30 18:45",
        tz=BER,
        seed=(
            T("Draft chapter 3", due="2027-07-09", tags=("thesis",)),
            T("Reply to reviewer 2", due="2027-07-02"),
            T("Book conference hotel"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2027-07-16", priority="high"),),
        todos=(
            {
                "title": "Draft chapter 3",
                "due_date": "2027-07-16",
                "priority": "high",
                "tags": ["thesis", "writing"],
            },
            {"title": "Reply to reviewer 2", "due_date": "2027-07-02", "priority": "none"},
            {"title": "Book conference hotel", "priority": "none"},
        ),
    ),
    case(
        "fc-multi-pass-thing-tuesday-and-high",
        ("what's coming up?", "the pass thing - make it tuesday and high"),
        now="2027-04-30 19:30",
        tz=TYO,
        seed=(
            T("Renew commuter pass", due="2027-05-06"),
            T("Dry cleaning pickup", due="2027-05-01"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2027-05-04", priority="high"),),
        todos=(
            {"title": "Renew commuter pass", "due_date": "2027-05-04", "priority": "high"},
            {"title": "Dry cleaning pickup", "due_date": "2027-05-01", "priority": "none"},
        ),
    ),
    case(
        "fc-multi-repeat-sundays-at-4",
        "change ringing margaret to every sunday at 4pm",
        now="2027-09-27 17:15",
        tz=AKL,
        seed=(
            T("Ring Margaret", due="2027-09-29", rrule="FREQ=WEEKLY;BYDAY=WE"),
            T("Library books back", due="2027-10-01"),
        ),
        calls=(
            C(
                "update_task",
                task_id=Id(0),
                recurrence=Rule("FREQ=WEEKLY", "BYDAY=SU"),
                due_time="16:00",
            ),
        ),
        todos=(
            {
                "title": "Ring Margaret",
                "recurrence": Rule("FREQ=WEEKLY", "BYDAY=SU"),
                "due_time": "16:00",
            },
            {"title": "Library books back", "due_date": "2027-10-01"},
        ),
    ),
    # ------------------------------------------------------------------
    # 3. Plural references after a listing or after adding several
    # ------------------------------------------------------------------
    case(
        "fc-plural-move-both-to-next-monday",
        ("what's due today and tomorrow?", "move both to next monday"),
        now="2028-02-28 08:30",
        tz=BER,
        seed=(
            T("Send invoice to Weber", due="2028-02-28"),
            T("Restock shelves", due="2028-02-29"),
            T("Staff rota", due="2028-03-10"),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2028-03-06"),
            C("update_task", task_id=Id(1), due_date="2028-03-06"),
        ),
        todos=(
            {"title": "Send invoice to Weber", "due_date": "2028-03-06"},
            {"title": "Restock shelves", "due_date": "2028-03-06"},
            {"title": "Staff rota", "due_date": "2028-03-10"},
        ),
    ),
    case(
        "fc-plural-tick-off-first-two",
        ("show me my list", "tick off the first two"),
        now="2026-12-14 10:15",
        tz=NYC,
        seed=(
            T("Wrap presents for the grandkids", due="2026-12-15"),
            T("Mail Christmas cards", due="2026-12-16"),
            T("Bake cookies", due="2026-12-20"),
        ),
        calls=(C("complete_task", task_id=Id(0)), C("complete_task", task_id=Id(1))),
        todos=(
            {"title": "Wrap presents for the grandkids", "completed": True},
            {"title": "Mail Christmas cards", "completed": True},
            {"title": "Bake cookies", "completed": False},
        ),
    ),
    case(
        "fc-plural-done-with-milk-and-eggs",
        ("add milk, eggs and bread to my list", "done with milk and eggs"),
        now="2027-01-04 08:00",
        tz=TYO,
        calls=(C("complete_task", task_id=New(0)), C("complete_task", task_id=New(1))),
        todos=(
            {"title": Re(r"(?i)milk"), "completed": True},
            {"title": Re(r"(?i)eggs"), "completed": True},
            {"title": Re(r"(?i)bread"), "completed": False},
        ),
    ),
    case(
        "fc-plural-make-them-both-high",
        (
            "add pick up prescription and buy birthday card for Jean, both for saturday",
            "make them both high priority",
        ),
        now="2027-04-01 15:00",
        tz=AKL,
        calls=(
            C("update_task", task_id=New(0), priority="high"),
            C("update_task", task_id=New(1), priority="high"),
        ),
        todos=(
            {
                "title": Re(r"(?i)^pick up (the |my )?prescription$"),
                "priority": "high",
                "due_date": "2027-04-03",
            },
            {
                "title": Re(r"(?i)^buy (a )?birthday card for jean$"),
                "priority": "high",
                "due_date": "2027-04-03",
            },
        ),
    ),
    case(
        "fc-plural-all-three-lab-done",
        ("what's tagged #lab?", "all three are done"),
        now="2027-06-30 18:45",
        tz=BER,
        seed=(
            T("Order pipette tips", due="2027-07-01", tags=("lab",)),
            T("Calibrate the spectrometer", due="2027-07-02", tags=("lab",)),
            T("Autoclave glassware", due="2027-07-05", tags=("lab",)),
            T("Call mum", due="2027-07-01"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
            C("complete_task", task_id=Id(2)),
        ),
        todos=(
            {"title": "Order pipette tips", "completed": True},
            {"title": "Calibrate the spectrometer", "completed": True},
            {"title": "Autoclave glassware", "completed": True},
            {"title": "Call mum", "completed": False},
        ),
    ),
    case(
        "fc-plural-delete-last-two-overdue",
        ("what's overdue?", "delete the last two"),
        now="2027-12-31 10:00",
        tz=TYO,
        seed=(
            T("Return library book", due="2027-12-20"),
            T("Send new year cards", due="2027-12-28"),
            T("Pay phone bill", due="2027-12-29"),
            T("Clean the house", due="2028-01-02"),
        ),
        calls=(C("delete_task", task_id=Id(1)), C("delete_task", task_id=Id(2))),
        todos=(
            {"title": "Return library book", "due_date": "2027-12-20"},
            {"title": "Clean the house", "due_date": "2028-01-02"},
        ),
    ),
    case(
        "fc-plural-put-both-on-friday",
        ("add dentist appointment and pharmacy pickup", "put both on friday"),
        now="2027-08-31 07:50",
        tz=NYC,
        calls=(
            C("update_task", task_id=New(0), due_date="2027-09-03"),
            C("update_task", task_id=New(1), due_date="2027-09-03"),
        ),
        todos=(
            {"title": Re(r"(?i)dentist"), "due_date": "2027-09-03"},
            {"title": Re(r"(?i)pharmacy"), "due_date": "2027-09-03"},
        ),
    ),
    case(
        "fc-plural-second-and-third-low",
        ("show me everything", "make the second and third low priority"),
        now="2028-02-10 10:20",
        tz=AKL,
        seed=(
            T("Fix the fence", due="2028-02-12"),
            T("Clean the gutters", due="2028-02-14"),
            T("Paint the shed", due="2028-02-20"),
            T("Weed the veg patch", due="2028-02-11"),
        ),
        calls=(
            C("update_task", task_id=Id(0), priority="low"),
            C("update_task", task_id=Id(1), priority="low"),
        ),
        todos=(
            {"title": "Fix the fence", "priority": "low"},
            {"title": "Clean the gutters", "priority": "low"},
            {"title": "Paint the shed", "priority": "none"},
            {"title": "Weed the veg patch", "priority": "none"},
        ),
    ),
    # ------------------------------------------------------------------
    # 4. Short follow-ups
    # ------------------------------------------------------------------
    case(
        "fc-follow-oh-and-stamps",
        ("add envelopes to the shopping list", "oh and stamps"),
        now="2026-12-31 15:20",
        tz=BER,
        calls=(C("add_task", title=Re(r"(?i)^(buy |get )?stamps$")),),
        todos=(
            {"title": Re(r"(?i)envelopes")},
            {"title": Re(r"(?i)^(buy |get )?stamps$")},
        ),
        reply=r"(?i)stamps",
    ),
    case(
        "fc-follow-and-tomorrow-after-today",
        ("what's on today?", "and tomorrow?"),
        now="2027-03-13 16:40",
        tz=NYC,
        seed=(
            T("Count the till", due="2027-03-13"),
            T("Inventory check", due="2027-03-14"),
            T("Call the accountant", due="2027-03-16"),
        ),
        reply=r"(?i)inventory check",
        not_reply=r"(?i)count the till|accountant",
    ),
    case(
        "fc-follow-and-cat-litter-too",
        ("remind me to buy dog food on friday", "and cat litter too"),
        now="2027-09-15 11:20",
        tz=TYO,
        calls=(C("add_task", title=Re(r"(?i)^(buy )?cat litter$"), due_date="2027-09-17"),),
        todos=(
            {"title": Re(r"(?i)^buy dog food$"), "due_date": "2027-09-17"},
            {"title": Re(r"(?i)^(buy )?cat litter$"), "due_date": "2027-09-17"},
        ),
    ),
    case(
        "fc-follow-what-about-work",
        ("show my #home stuff", "what about work?"),
        now="2027-07-21 12:30",
        tz=AKL,
        seed=(
            T("Fix the leaking tap", tags=("home",)),
            T("Quarterly report", due="2027-07-23", tags=("work",)),
            T("Book the team lunch", due="2027-07-22", tags=("work",)),
        ),
        reply=every("quarterly report", "team lunch"),
        not_reply=r"(?i)leaking tap",
    ),
    case(
        "fc-follow-and-the-garage-at-4",
        ("add call the vet at 3pm tomorrow", "and the garage at 4"),
        now="2027-10-13 12:05",
        tz=BER,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^call the garage$"),
                due_date="2027-10-14",
                due_time="16:00",
            ),
        ),
        todos=(
            {"title": Re(r"(?i)^call the vet$"), "due_date": "2027-10-14", "due_time": "15:00"},
            {"title": Re(r"(?i)^call the garage$"), "due_date": "2027-10-14", "due_time": "16:00"},
        ),
    ),
    case(
        "fc-follow-and-the-finished-ones",
        ("what's on my list?", "and the ones i already finished?"),
        now="2028-05-17 13:00",
        tz=NYC,
        seed=(
            T("Fix bike tyre", done=True),
            T("Send thesis draft"),
            T("Email Dr Patel", done=True),
        ),
        reply=every("bike tyre", "dr patel"),
    ),
    case(
        "fc-follow-also-a-mouse-pad",
        ("add replace the hdmi cable #setup", "also a new mouse pad"),
        now="2027-04-30 19:30",
        tz=TYO,
        calls=(C("add_task", title=Re(r"(?i)^(buy |get )?(a )?(new )?mouse ?pad$")),),
        reply=r"(?i)mouse ?pad",
    ),
    case(
        "fc-follow-and-today-after-overdue",
        ("whats overdue", "and today?"),
        now="2027-01-31 10:05",
        tz=AKL,
        seed=(
            T("Pay the water rates", due="2027-01-28"),
            T("Mow the lawn", due="2027-01-31"),
            T("Sow the beans", due="2027-02-02"),
        ),
        reply=r"(?i)mow the lawn",
        not_reply=r"(?i)sow the beans",
    ),
    # ------------------------------------------------------------------
    # 5. Filtered listings and positions in them
    # ------------------------------------------------------------------
    case(
        "fc-filter-work-tag",
        "show my #work stuff",
        now="2027-03-27 09:10",
        tz=BER,
        seed=(
            T("Prepare slides", due="2027-03-30", tags=("work",)),
            T("Expense report", tags=("work",)),
            T("Buy birdseed", tags=("garden",)),
        ),
        reply=every("prepare slides", "expense report"),
        not_reply=r"(?i)birdseed",
    ),
    case(
        "fc-filter-anything-due-thursday",
        "anything due thursday?",
        now="2026-12-14 10:15",
        tz=NYC,
        seed=(
            T("RSVP to the holiday party", due="2026-12-17"),
            T("Pay rent", due="2026-12-15"),
            T("Car inspection", due="2026-12-17", at="14:00"),
        ),
        reply=every("holiday party", "car inspection"),
        not_reply=r"(?i)pay rent",
    ),
    case(
        "fc-filter-overdue-then-second-done",
        ("what's overdue", "the second one is done"),
        now="2027-12-30 20:10",
        tz=NYC,
        seed=(
            T("Return the rental car", due="2027-12-27"),
            T("Reply to Jamal", due="2027-12-29"),
            T("Buy sparkling cider", due="2027-12-31"),
        ),
        calls=(C("complete_task", task_id=Id(1)),),
        todos=(
            {"title": "Return the rental car", "completed": False},
            {"title": "Reply to Jamal", "completed": True},
            {"title": "Buy sparkling cider", "completed": False},
        ),
        reply=r"(?i)jamal",
    ),
    case(
        "fc-filter-urgent-ones",
        "what are my urgent ones?",
        now="2027-09-27 17:15",
        tz=AKL,
        seed=(
            T("Renew passport", due="2027-10-08", priority="high"),
            T("Book flu jab", priority="high"),
            T("Tidy the garage", priority="low"),
        ),
        reply=every("passport", "flu jab"),
        not_reply=r"(?i)tidy the garage",
    ),
    case(
        "fc-filter-gaming-then-delete-first",
        ("show me my gaming stuff", "delete the first one"),
        now="2028-06-06 14:45",
        tz=TYO,
        seed=(
            T("Level up my alt character", due="2028-06-08", tags=("gaming",)),
            T("Buy groceries", due="2028-06-07"),
            T("Finish the DLC quest", due="2028-06-10", tags=("gaming",)),
        ),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Buy groceries"}, {"title": "Finish the DLC quest"}),
        reply=r"(?i)level up",
    ),
    case(
        "fc-filter-no-date",
        "which ones don't have a date?",
        now="2028-02-28 08:30",
        tz=BER,
        seed=(
            T("Sort out the attic"),
            T("Dentist", due="2028-03-01"),
            T("Learn Spanish"),
        ),
        reply=every("attic", "spanish"),
        not_reply=r"(?i)dentist",
    ),
    case(
        "fc-filter-what-have-i-finished",
        "what have i finished?",
        now="2027-04-01 15:00",
        tz=AKL,
        seed=(
            T("Harvest the pumpkins", done=True),
            T("Stake the beans", done=True),
            T("Order the seed catalogue"),
        ),
        reply=every("pumpkins", "stake the beans"),
        not_reply=r"(?i)catalogue",
    ),
    case(
        "fc-filter-this-week-then-third-to-monday",
        ("what do i have this week", "push the third one to monday"),
        now="2027-08-31 07:50",
        tz=NYC,
        seed=(
            T("Renew the rail pass", due="2027-09-03"),
            T("Call HR", due="2027-09-01"),
            T("Lunch with Dana", due="2027-09-02"),
            T("Haircut", due="2027-09-20"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2027-09-06"),),
        todos=(
            {"title": "Renew the rail pass", "due_date": "2027-09-06"},
            {"title": "Call HR", "due_date": "2027-09-01"},
            {"title": "Lunch with Dana", "due_date": "2027-09-02"},
            {"title": "Haircut", "due_date": "2027-09-20"},
        ),
    ),
    # ------------------------------------------------------------------
    # 6. Bulk acts chosen by a filter: list and ask first
    # ------------------------------------------------------------------
    case(
        "fc-bulk-delete-party-tag-asks",
        "delete everything tagged party",
        now="2026-12-31 15:20",
        tz=BER,
        seed=(
            T("Buy sparklers", due="2026-12-31", tags=("party",)),
            T("Hang decorations", tags=("party",)),
            T("Call grandma", due="2027-01-01"),
        ),
        todos=(
            {"title": "Buy sparklers"},
            {"title": "Hang decorations"},
            {"title": "Call grandma"},
        ),
        reply=every("sparklers", "decorations"),
    ),
    case(
        "fc-bulk-delete-party-tag-yes",
        ("delete everything tagged party", "yes"),
        now="2028-02-10 10:20",
        tz=AKL,
        seed=(
            T("Order the cake", tags=("party",)),
            T("Send the invites", tags=("party",)),
            T("Mow the lawn"),
        ),
        calls=(C("delete_task", task_id=Id(0)), C("delete_task", task_id=Id(1))),
        todos=({"title": "Mow the lawn"},),
    ),
    case(
        "fc-bulk-complete-overdue-asks",
        "mark everything overdue as done",
        now="2027-01-04 08:00",
        tz=TYO,
        seed=(
            T("Send thank you notes", due="2027-01-02"),
            T("Take down the decorations", due="2027-01-03"),
            T("Gym", due="2027-01-05"),
        ),
        todos=(
            {"title": "Send thank you notes", "completed": False},
            {"title": "Take down the decorations", "completed": False},
            {"title": "Gym", "completed": False},
        ),
        reply=every("thank you notes", "take down"),
    ),
    case(
        "fc-bulk-complete-overdue-yes-please",
        ("mark everything overdue as done", "yes please"),
        now="2028-05-17 13:00",
        tz=NYC,
        seed=(
            T("Grade lab reports", due="2028-05-15"),
            T("Submit travel claim", due="2028-05-16"),
            T("Seminar prep", due="2028-05-19"),
        ),
        calls=(C("complete_task", task_id=Id(0)), C("complete_task", task_id=Id(1))),
        todos=(
            {"title": "Grade lab reports", "completed": True},
            {"title": "Submit travel claim", "completed": True},
            {"title": "Seminar prep", "completed": False},
        ),
    ),
    case(
        "fc-bulk-move-garden-jobs-asks",
        "move all my #garden jobs to saturday",
        now="2027-07-21 12:30",
        tz=AKL,
        seed=(
            T("Plant the garlic", due="2027-07-22", tags=("garden",)),
            T("Mulch the roses", due="2027-07-23", tags=("garden",)),
            T("Dentist", due="2027-07-23"),
        ),
        todos=(
            {"title": "Plant the garlic", "due_date": "2027-07-22"},
            {"title": "Mulch the roses", "due_date": "2027-07-23"},
            {"title": "Dentist", "due_date": "2027-07-23"},
        ),
        reply=every("garlic", "mulch"),
    ),
    case(
        "fc-bulk-move-errands-yep",
        ("push all the #errands to friday", "yep go ahead"),
        now="2027-10-13 12:05",
        tz=BER,
        seed=(
            T("Post office", due="2027-10-13", tags=("errands",)),
            T("Pick up dry cleaning", due="2027-10-14", tags=("errands",)),
            T("Standup notes", due="2027-10-14", tags=("work",)),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2027-10-15"),
            C("update_task", task_id=Id(1), due_date="2027-10-15"),
        ),
        todos=(
            {"title": "Post office", "due_date": "2027-10-15"},
            {"title": "Pick up dry cleaning", "due_date": "2027-10-15"},
            {"title": "Standup notes", "due_date": "2027-10-14"},
        ),
    ),
    case(
        "fc-bulk-delete-low-priority-then-no",
        ("delete all the low priority ones", "no, leave them"),
        now="2027-09-15 11:20",
        tz=TYO,
        seed=(
            T("Sort the photo albums", priority="low"),
            T("Learn kanji", priority="low"),
            T("Pay rent", due="2027-09-27", priority="high"),
        ),
        todos=(
            {"title": "Sort the photo albums"},
            {"title": "Learn kanji"},
            {"title": "Pay rent"},
        ),
    ),
    # ------------------------------------------------------------------
    # 7. Typos and filler words
    # ------------------------------------------------------------------
    case(
        "fc-typo-remidn-tmrw",
        "remidn me to call the bank tmrw at 10am",
        now="2027-03-13 16:40",
        tz=NYC,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^call the bank$"),
                due_date="2027-03-14",
                due_time="10:00",
            ),
        ),
        reply=r"(?i)call the bank",
    ),
    case(
        "fc-typo-cancle-dentist-thingy",
        "cancle the dentist thingy",
        now="2027-06-30 18:45",
        tz=BER,
        seed=(T("Dentist appointment", due="2027-07-06", at="09:30"), T("Buy sunscreen")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Buy sunscreen"},),
    ),
    case(
        "fc-typo-pls-mark-laundry-done",
        ("whats on my list", "pls mark the laundry stuff done"),
        now="2027-01-31 10:05",
        tz=AKL,
        seed=(T("Do the laundry"), T("Call the plumber")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Do the laundry", "completed": True},
            {"title": "Call the plumber", "completed": False},
        ),
    ),
    case(
        "fc-typo-shedule-waterin-evry-sunday",
        "shedule waterin the plants evry sunday",
        now="2027-04-30 19:30",
        tz=TYO,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^water(in|ing)? the plants$"),
                recurrence=Rule("FREQ=WEEKLY", "BYDAY=SU"),
            ),
        ),
    ),
    case(
        "fc-typo-delte-lisbon-flights",
        "umm can u delte the lisbon flights one thx",
        now="2028-05-17 13:00",
        tz=NYC,
        seed=(T("Book flights to Lisbon", due="2028-06-01"), T("Renew library card")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Renew library card"},),
    ),
    case(
        "fc-typo-filler-football-kits",
        "hiya so basically i need to like remember to pick up the kids football kits on "
        "wednesday if thats ok",
        now="2028-02-28 08:30",
        tz=BER,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^pick up the kids.? football kits$"),
                due_date="2028-03-01",
            ),
        ),
    ),
    case(
        "fc-typo-feed-teh-chikens-dun",
        "feed teh chikens is dun",
        now="2027-09-27 17:15",
        tz=AKL,
        seed=(T("Feed the chickens", due="2027-09-27"), T("Order hay")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Feed the chickens", "completed": True},
            {"title": "Order hay", "completed": False},
        ),
    ),
    case(
        "fc-typo-resheduel-guild-meetng",
        "resheduel guild meetng to thurs same time",
        now="2028-06-06 14:45",
        tz=TYO,
        seed=(T("Guild meeting", due="2028-06-07", at="20:00"), T("Buy snacks")),
        calls=(C("update_task", task_id=Id(0), due_date="2028-06-08"),),
        todos=(
            {"title": "Guild meeting", "due_date": "2028-06-08", "due_time": "20:00"},
            {"title": "Buy snacks"},
        ),
    ),
    # ------------------------------------------------------------------
    # 8. Dates and times
    # ------------------------------------------------------------------
    case(
        "fc-date-in-3-days-over-new-year",
        "remind me to return the sweater in 3 days",
        now="2027-12-30 20:10",
        tz=NYC,
        calls=(C("add_task", title=Re(r"(?i)^return the sweater$"), due_date="2028-01-02"),),
    ),
    case(
        "fc-date-end-of-month-leap-day",
        "pay the shop rent by end of the month",
        now="2028-02-28 08:30",
        tz=BER,
        calls=(C("add_task", title=Re(r"(?i)^pay the shop rent$"), due_date="2028-02-29"),),
    ),
    case(
        "fc-date-quarter-past-4-dst-sunday",
        "call Mum sunday at quarter past 4",
        now="2027-04-01 15:00",
        tz=AKL,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^call mum$"),
                due_date="2027-04-04",
                due_time="16:15",
            ),
        ),
    ),
    case(
        "fc-date-1830-friday",
        "team dinner friday 1830",
        now="2027-09-15 11:20",
        tz=TYO,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^team dinner$"),
                due_date="2027-09-17",
                due_time="18:30",
            ),
        ),
    ),
    case(
        "fc-date-first-monday-of-next-month",
        "submit the ethics form on the first monday of next month",
        now="2027-10-13 12:05",
        tz=BER,
        calls=(C("add_task", title=Re(r"(?i)^submit the ethics form$"), due_date="2027-11-01"),),
    ),
    case(
        "fc-date-weekdays-at-7am",
        "take my vitamins weekdays at 7am",
        now="2026-12-14 10:15",
        tz=NYC,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^take (my )?vitamins$"),
                due_time="07:00",
                recurrence=Re(r"^(?=.*FREQ=(WEEKLY|DAILY))(?=.*BYDAY=MO,TU,WE,TH,FR)"),
            ),
        ),
    ),
    case(
        "fc-date-last-friday-of-each-month",
        "do the stock take on the last friday of each month",
        now="2028-02-10 10:20",
        tz=AKL,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^(do )?(the )?stock ?take$"),
                recurrence=Re(r"^(?=.*FREQ=MONTHLY)(?=.*(BYDAY=-1FR|BYSETPOS=-1))"),
            ),
        ),
    ),
    case(
        "fc-date-every-other-saturday",
        "clean the fish tank every other saturday",
        now="2027-12-31 10:00",
        tz=TYO,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^clean the fish tank$"),
                recurrence=Rule("FREQ=WEEKLY", "INTERVAL=2", "BYDAY=SA"),
            ),
        ),
    ),
    # ------------------------------------------------------------------
    # 9. Small talk, alone or mixed in
    # ------------------------------------------------------------------
    case(
        "fc-talk-thanks-after-add",
        ("add get gas on the way home", "thanks!"),
        now="2027-08-31 07:50",
        tz=NYC,
        todos=({"title": Re(r"(?i)gas")},),
    ),
    case(
        "fc-talk-hi-what-can-you-do",
        "hi there, what can you do",
        now="2027-03-27 09:10",
        tz=BER,
        seed=(T("Sow sweet peas"),),
        reply=r"(?i)add|remind|todo|task|list",
        todos=({"title": "Sow sweet peas", "completed": False},),
    ),
    case(
        "fc-talk-thats-all-for-today",
        ("what's on today", "ok that's all for today, cheers"),
        now="2027-01-04 08:00",
        tz=TYO,
        seed=(T("Return to the office", due="2027-01-04"),),
        todos=({"title": "Return to the office", "completed": False, "due_date": "2027-01-04"},),
    ),
    case(
        "fc-talk-youre-a-lifesaver",
        ("mark the vet appointment done", "you're a lifesaver 🙏"),
        now="2027-07-21 12:30",
        tz=AKL,
        seed=(T("Vet appointment for Biscuit", due="2027-07-21"), T("Buy dog biscuits")),
        todos=(
            {"title": "Vet appointment for Biscuit", "completed": True},
            {"title": "Buy dog biscuits", "completed": False},
        ),
    ),
    case(
        "fc-talk-good-morning-emoji",
        "good morning!! ☀️",
        now="2028-06-06 14:45",
        tz=TYO,
        seed=(T("Daily login bonus"),),
        todos=({"title": "Daily login bonus", "completed": False},),
    ),
    case(
        "fc-talk-mixed-with-an-add",
        "hey hope you're well! could you add renew my library card please 😊",
        now="2028-05-17 13:00",
        tz=NYC,
        calls=(C("add_task", title=Re(r"(?i)^renew (my |the )?library card$")),),
    ),
    case(
        "fc-talk-how-are-you",
        "how are you today?",
        now="2028-02-10 10:20",
        tz=AKL,
        seed=(T("Check the tomatoes"),),
        todos=({"title": "Check the tomatoes", "completed": False},),
    ),
    # ------------------------------------------------------------------
    # 10. Undo
    # ------------------------------------------------------------------
    case(
        "fc-undo-after-add",
        ("add buy a new watering can", "undo"),
        now="2027-06-30 18:45",
        tz=BER,
        seed=(T("Repot the basil"),),
        calls=(C("undo"),),
        todos=({"title": "Repot the basil"},),
    ),
    case(
        "fc-undo-scratch-that-after-add",
        ("remind me to order more coffee beans monday", "scratch that"),
        now="2027-03-13 16:40",
        tz=NYC,
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "fc-undo-oops-put-it-back-after-delete",
        ("delete the plumber one", "oops put it back"),
        now="2027-09-15 11:20",
        tz=TYO,
        seed=(T("Call the plumber"), T("Submit expense report")),
        calls=(C("undo"),),
        todos=({"title": "Call the plumber"}, {"title": "Submit expense report"}),
    ),
    case(
        "fc-undo-after-completing-two",
        ("tick off the buns and the egg hunt", "wait undo that"),
        now="2027-04-01 15:00",
        tz=AKL,
        seed=(T("Buy hot cross buns"), T("Easter egg hunt prep"), T("Clean the car")),
        calls=(C("undo"),),
        todos=(
            {"title": "Buy hot cross buns", "completed": False},
            {"title": "Easter egg hunt prep", "completed": False},
            {"title": "Clean the car", "completed": False},
        ),
    ),
    case(
        "fc-undo-after-bulk-delete",
        ("delete everything tagged ebay", "yes", "no wait undo that!"),
        now="2026-12-14 10:15",
        tz=NYC,
        seed=(
            T("Sell the old skates", tags=("ebay",)),
            T("List the lamp", tags=("ebay",)),
            T("Pay rent", due="2026-12-15"),
        ),
        calls=(C("undo"),),
        todos=(
            {"title": "Sell the old skates", "tags": ["ebay"]},
            {"title": "List the lamp", "tags": ["ebay"]},
            {"title": "Pay rent"},
        ),
    ),
    case(
        "fc-undo-after-reschedule",
        ("move parents evening to friday", "hmm no, undo"),
        now="2027-10-13 12:05",
        tz=BER,
        seed=(T("Parents evening", due="2027-10-14", at="18:00"),),
        calls=(C("undo"),),
        todos=({"title": "Parents evening", "due_date": "2027-10-14", "due_time": "18:00"},),
    ),
    case(
        "fc-undo-after-rename",
        ("rename boss fight practice to speedrun practice", "undo pls"),
        now="2027-04-30 19:30",
        tz=TYO,
        seed=(T("Boss fight practice"),),
        calls=(C("undo"),),
        todos=({"title": "Boss fight practice"},),
    ),
    # ------------------------------------------------------------------
    # 11. Questions that must not write
    # ------------------------------------------------------------------
    case(
        "fc-ask-anything-tomorrow",
        "do i have anything tomorrow?",
        now="2027-09-27 17:15",
        tz=AKL,
        seed=(
            T("Book the church hall", due="2027-09-28"),
            T("Bingo night", due="2027-09-30"),
        ),
        reply=r"(?i)church hall",
        not_reply=r"(?i)bingo",
    ),
    case(
        "fc-ask-did-i-already-add-milk",
        ("add eggs to the list", "did i already add milk?"),
        now="2026-12-31 15:20",
        tz=BER,
        seed=(T("Buy milk"), T("Buy bread")),
        reply=r"(?i)milk",
        todos=({"title": "Buy milk"}, {"title": "Buy bread"}, {"title": Re(r"(?i)eggs")}),
    ),
    case(
        "fc-ask-when-is-the-dentist",
        "when is the dentist?",
        now="2027-03-13 16:40",
        tz=NYC,
        seed=(T("Dentist", due="2027-03-18", at="15:30"), T("Order receipt rolls")),
        reply=every("(thu|18)", "(3:30|15:30)"),
        todos=(
            {"title": "Dentist", "due_date": "2027-03-18", "due_time": "15:30"},
            {"title": "Order receipt rolls"},
        ),
    ),
    case(
        "fc-ask-how-many-left",
        "how many things have i got left to do?",
        now="2027-12-31 10:00",
        tz=TYO,
        seed=(
            T("Buy new year soba", due="2027-12-31"),
            T("Visit the shrine", due="2028-01-01"),
            T("Write new year cards"),
            T("Clean the balcony", done=True),
        ),
        reply=r"\b3\b|three",
    ),
    case(
        "fc-ask-is-anything-overdue-none",
        "is anything overdue?",
        now="2027-01-31 10:05",
        tz=AKL,
        seed=(T("Water the seedlings", due="2027-02-01"),),
        reply=r"(?i)\bno\b|nothing|none|not|all caught up",
        todos=({"title": "Water the seedlings", "due_date": "2027-02-01", "completed": False},),
    ),
    case(
        "fc-ask-did-i-send-the-rota",
        "did i send the rota already?",
        now="2028-02-28 08:30",
        tz=BER,
        seed=(T("Send the rota", done=True), T("Order bread rolls")),
        reply=r"(?i)yes|done|completed|finished|ticked",
        todos=(
            {"title": "Send the rota", "completed": True},
            {"title": "Order bread rolls", "completed": False},
        ),
    ),
    case(
        "fc-ask-what-tags",
        "what tags do i have?",
        now="2027-12-30 20:10",
        tz=NYC,
        seed=(
            T("Fix the sink", tags=("home",)),
            T("Beat the final boss", tags=("gaming",)),
            T("Hoover the stairs", tags=("home",)),
        ),
        reply=every("home", "gaming"),
    ),
    # ------------------------------------------------------------------
    # 12. A name matching nothing, or two todos
    # ------------------------------------------------------------------
    case(
        "fc-nomatch-delete-dentist",
        "delete the dentist",
        now="2027-03-27 09:10",
        tz=BER,
        seed=(T("Sow carrots"), T("Buy bamboo canes")),
        reply=NOT_FOUND,
        todos=({"title": "Sow carrots"}, {"title": "Buy bamboo canes"}),
    ),
    case(
        "fc-nomatch-mark-essay-done",
        "mark the essay done",
        now="2028-06-06 14:45",
        tz=TYO,
        seed=(T("Weekly raid"), T("Buy energy drinks")),
        reply=NOT_FOUND,
        todos=(
            {"title": "Weekly raid", "completed": False},
            {"title": "Buy energy drinks", "completed": False},
        ),
    ),
    case(
        "fc-nomatch-move-hairdresser",
        ("what's due this week?", "move the hairdresser to friday"),
        now="2028-02-10 10:20",
        tz=AKL,
        seed=(T("Vet for Rex", due="2028-02-14"), T("Pay the power bill", due="2028-02-12")),
        reply=NOT_FOUND,
        todos=(
            {"title": "Vet for Rex", "due_date": "2028-02-14"},
            {"title": "Pay the power bill", "due_date": "2028-02-12"},
        ),
    ),
    case(
        "fc-ambig-done-with-the-call",
        "done with the call",
        now="2027-08-31 07:50",
        tz=NYC,
        seed=(T("Call mum"), T("Call the landlord"), T("Buy stamps")),
        reply=ASKS,
        todos=(
            {"title": "Call mum", "completed": False},
            {"title": "Call the landlord", "completed": False},
            {"title": "Buy stamps", "completed": False},
        ),
    ),
    case(
        "fc-ambig-cancel-the-dentist",
        "cancel the dentist",
        now="2026-12-31 15:20",
        tz=BER,
        seed=(T("Dentist for Ava", due="2027-01-05"), T("Dentist for Noah", due="2027-01-07")),
        reply=ASKS,
        todos=({"title": "Dentist for Ava"}, {"title": "Dentist for Noah"}),
    ),
    case(
        "fc-ambig-move-the-meeting",
        "move the meeting to friday",
        now="2027-01-04 08:00",
        tz=TYO,
        seed=(
            T("Meeting with Tanaka", due="2027-01-05"),
            T("Meeting with Sato", due="2027-01-06"),
        ),
        reply=ASKS,
        todos=(
            {"title": "Meeting with Tanaka", "due_date": "2027-01-05"},
            {"title": "Meeting with Sato", "due_date": "2027-01-06"},
        ),
    ),
    case(
        "fc-nomatch-tick-off-gutters-after-list",
        ("show me my list", "tick off the gutters"),
        now="2027-07-21 12:30",
        tz=AKL,
        seed=(T("Feed the hens"), T("Split firewood")),
        reply=NOT_FOUND,
        todos=(
            {"title": "Feed the hens", "completed": False},
            {"title": "Split firewood", "completed": False},
        ),
    ),
    case(
        "fc-ambig-read-paper-priority",
        "change the read paper one to high priority",
        now="2027-04-01 15:00",
        tz=AKL,
        seed=(T("Read paper on graph neural nets"), T("Read paper on transformers")),
        reply=ASKS,
        todos=(
            {"title": "Read paper on graph neural nets", "priority": "none"},
            {"title": "Read paper on transformers", "priority": "none"},
        ),
    ),
    # ------------------------------------------------------------------
    # 13. Plain everyday requests
    # ------------------------------------------------------------------
    case(
        "fc-plain-add-gift-wrap-details",
        "add order more gift wrap for the shop, high priority, friday, tag it shop",
        now="2026-12-14 10:15",
        tz=NYC,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^order more gift wrap( for the shop)?$"),
                due_date="2026-12-18",
                priority="high",
                tags=["shop"],
            ),
        ),
        reply=r"(?i)gift wrap",
    ),
    case(
        "fc-plain-add-lunch-15th-noon",
        "lunch with Sam on the 15th at noon",
        now="2027-06-30 18:45",
        tz=BER,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^lunch with sam$"),
                due_date="2027-07-15",
                due_time="12:00",
            ),
        ),
    ),
    case(
        "fc-plain-add-tomorrow-9am-dst-day",
        "call the nursery about the hedging plants tomorrow at 9am",
        now="2027-03-27 09:10",
        tz=BER,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^call the nursery( about the hedging plants)?$"),
                due_date="2027-03-28",
                due_time="09:00",
            ),
        ),
    ),
    case(
        "fc-plain-complete-orchid",
        "finished repotting the orchid",
        now="2027-01-31 10:05",
        tz=AKL,
        seed=(T("Repot the orchid"), T("Buy seed potatoes")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Repot the orchid", "completed": True},
            {"title": "Buy seed potatoes", "completed": False},
        ),
    ),
    case(
        "fc-plain-delete-shrine",
        "delete visit the shrine",
        now="2027-12-31 10:00",
        tz=TYO,
        seed=(T("Buy new year soba", due="2027-12-31"), T("Visit the shrine", due="2028-01-01")),
        calls=(C("delete_task", task_id=Id(1)),),
        todos=({"title": "Buy new year soba"},),
    ),
    case(
        "fc-plain-reschedule-next-tuesday",
        "move the accountant meeting to next tuesday",
        now="2027-03-13 16:40",
        tz=NYC,
        seed=(T("Accountant meeting", due="2027-03-15", at="11:00"),),
        calls=(C("update_task", task_id=Id(0), due_date="2027-03-16"),),
        todos=({"title": "Accountant meeting", "due_date": "2027-03-16", "due_time": "11:00"},),
    ),
    case(
        "fc-plain-rename-scarf",
        "rename knit scarf to knit scarf for Ellie",
        now="2027-09-27 17:15",
        tz=AKL,
        seed=(T("Knit scarf"), T("Bake for the fete")),
        calls=(C("update_task", task_id=Id(0), title="Knit scarf for Ellie"),),
        todos=({"title": "Knit scarf for Ellie"}, {"title": "Bake for the fete"}),
    ),
    case(
        "fc-plain-list-everything",
        "show me everything on my list",
        now="2028-06-06 14:45",
        tz=TYO,
        seed=(
            T("Preorder the new console", due="2028-06-20"),
            T("Cancel the streaming trial", due="2028-06-07"),
            T("Clean the keyboard"),
        ),
        reply=every("preorder", "streaming trial", "keyboard"),
    ),
]
