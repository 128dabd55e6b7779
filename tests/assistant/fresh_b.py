"""Fresh corpus B: 110 conversations written by a helper session from the twelve failure classes
in its brief (corrections, changes by reference, plural references, short follow-ups, filtered
listings and positions, bulk acts with confirmation, typos and fillers, dates and times, small
talk, undo, questions that must not write, names that match nothing or two todos), without
reading the offline engine, its docs or the other corpora; only spec.py, runner.py, the tool
signatures, the todo schemas and the README were read. The voices are a project manager (run-on
sentences, several requests, commas), a non-native speaker (dropped articles, odd word order), a
dad planning kids' activities and a voice-dictation user (no punctuation, numbers as words);
the voice is the third part of each id (pm, nn, dad, vd). Every weekday and expected date was
computed with Python. Clocks (local time in the zone given): Europe/Berlin B1 2027-01-14 09:15
Thursday, B2 2027-06-08 18:40 Tuesday, B3 2027-12-28 10:00 Tuesday, B4 2028-02-28 07:05 Monday,
B5 2027-09-22 23:10 Wednesday; America/New_York N1 2027-03-03 08:30 Wednesday, N2 2027-07-19
14:20 Monday, N3 2027-12-30 21:45 Thursday, N4 2028-02-29 12:00 Tuesday, N5 2027-10-11 06:10
Monday; Asia/Tokyo K1 2027-02-10 07:30 Wednesday, K2 2027-05-21 16:00 Friday, K3 2027-08-30
22:50 Monday, K4 2027-12-27 11:20 Monday, K5 2028-03-15 13:45 Wednesday; Pacific/Auckland A1
2027-01-25 10:30 Monday, A2 2027-04-16 05:45 Friday, A3 2027-11-09 20:15 Tuesday, A4 2027-12-31
15:00 Friday, A5 2028-02-28 23:30 Monday.
"""

from __future__ import annotations

from typing import Any

from tests.assistant.spec import C, Case, Id, New, Re, Rule, T, case

B1: dict[str, Any] = {"now": "2027-01-14 09:15", "tz": "Europe/Berlin"}  # Thursday
B2: dict[str, Any] = {"now": "2027-06-08 18:40", "tz": "Europe/Berlin"}  # Tuesday
B3: dict[str, Any] = {"now": "2027-12-28 10:00", "tz": "Europe/Berlin"}  # Tuesday
B4: dict[str, Any] = {"now": "2028-02-28 07:05", "tz": "Europe/Berlin"}  # Monday
B5: dict[str, Any] = {"now": "2027-09-22 23:10", "tz": "Europe/Berlin"}  # Wednesday
N1: dict[str, Any] = {"now": "2027-03-03 08:30", "tz": "America/New_York"}  # Wednesday
N2: dict[str, Any] = {"now": "2027-07-19 14:20", "tz": "America/New_York"}  # Monday
N3: dict[str, Any] = {"now": "2027-12-30 21:45", "tz": "America/New_York"}  # Thursday
N4: dict[str, Any] = {"now": "2028-02-29 12:00", "tz": "America/New_York"}  # Tuesday
N5: dict[str, Any] = {"now": "2027-10-11 06:10", "tz": "America/New_York"}  # Monday
K1: dict[str, Any] = {"now": "2027-02-10 07:30", "tz": "Asia/Tokyo"}  # Wednesday
K2: dict[str, Any] = {"now": "2027-05-21 16:00", "tz": "Asia/Tokyo"}  # Friday
K3: dict[str, Any] = {"now": "2027-08-30 22:50", "tz": "Asia/Tokyo"}  # Monday
K4: dict[str, Any] = {"now": "2027-12-27 11:20", "tz": "Asia/Tokyo"}  # Monday
K5: dict[str, Any] = {"now": "2028-03-15 13:45", "tz": "Asia/Tokyo"}  # Wednesday
A1: dict[str, Any] = {"now": "2027-01-25 10:30", "tz": "Pacific/Auckland"}  # Monday
A2: dict[str, Any] = {"now": "2027-04-16 05:45", "tz": "Pacific/Auckland"}  # Friday
A3: dict[str, Any] = {"now": "2027-11-09 20:15", "tz": "Pacific/Auckland"}  # Tuesday
A4: dict[str, Any] = {"now": "2027-12-31 15:00", "tz": "Pacific/Auckland"}  # Friday
A5: dict[str, Any] = {"now": "2028-02-28 23:30", "tz": "Pacific/Auckland"}  # Monday

NOT_FOUND = (
    r"(?i)couldn.t find|can.t find|cannot find|could not find|no todo|no task|don.t see|"
    r"do not see|nothing (called|named|matches|like)|no match|not on your list|doesn.t match"
)
WHICH = r"(?i)which|\?"
WEEKDAYS = Rule("BYDAY=MO,TU,WE,TH,FR")


def both(*words: str) -> str:
    """A reply regex that finds every one of these words, in any order."""
    return "(?is)" + "".join(f"(?=.*{w})" for w in words)


# 1. Corrections right after an action.
CORRECTIONS: list[Case] = [
    case(
        "fb-corr-vd-make-that-six-thirty",
        ("remind me to call grandma tomorrow at five", "no wait make that six thirty"),
        **A3,
        calls=(C("update_task", task_id=New(0), due_time="18:30"),),
        todos=({"title": "Call grandma", "due_date": "2027-11-10", "due_time": "18:30"},),
        reply=r"(?i)grandma",
    ),
    case(
        "fb-corr-nn-the-day-after",
        ("please add send invoice to client on friday", "ah sorry, i mean the day after"),
        **N1,
        calls=(C("update_task", task_id=New(0), due_date="2027-03-06"),),
        todos=(
            {
                "title": Re(r"(?i)^send (the |an )?invoice to (the )?client$"),
                "due_date": "2027-03-06",
            },
        ),
    ),
    case(
        "fb-corr-dad-not-tom-tim",
        ("remind me to pick up tom from soccer at 6", "sorry not tom, tim"),
        **K2,
        calls=(C("update_task", task_id=New(0), title=Re(r"(?i)^pick up tim from soccer$")),),
        todos=({"title": Re(r"(?i)^pick up tim from soccer$")},),
        reply=r"(?i)tim",
    ),
    case(
        "fb-corr-pm-deck-wednesday-not-tuesday",
        (
            "add prepare the q1 budget deck for tuesday, high priority, tag it finance, and also "
            "book the meeting room for the kickoff",
            "actually the budget deck should be wednesday not tuesday, sorry, long morning",
        ),
        **B1,
        calls=(C("update_task", task_id=New(0), due_date="2027-01-20"),),
        todos=(
            {
                "title": Re(r"(?i)^prepare (the )?q1 budget deck$"),
                "due_date": "2027-01-20",
                "priority": "high",
                "tags": ["finance"],
            },
            {"title": Re(r"(?i)^book (the )?meeting room( for the kickoff)?$")},
        ),
    ),
    case(
        "fb-corr-nn-not-low-is-high",
        ("please add renew passport, low priority", "sorry, not low, is high priority"),
        **A4,
        calls=(C("update_task", task_id=New(0), priority="high"),),
        todos=({"title": Re(r"(?i)^renew (my |the )?passport$"), "priority": "high"},),
    ),
    case(
        "fb-corr-vd-sorry-i-meant-friday",
        ("add dentist appointment on thursday at three", "sorry i meant friday"),
        **N2,
        calls=(C("update_task", task_id=New(0), due_date="2027-07-23"),),
        todos=(
            {
                "title": Re(r"(?i)^dentist( appointment)?$"),
                "due_date": "2027-07-23",
                "due_time": "15:00",
            },
        ),
    ),
    case(
        "fb-corr-dad-piano-half-past",
        ("put piano with mrs lee for lily on wednesday at 4pm", "oops, it's 4:30 not 4"),
        **A1,
        calls=(C("update_task", task_id=New(0), due_time="16:30"),),
        todos=(
            {
                "title": Re(r"(?i)piano with mrs\.? lee"),
                "due_date": "2027-01-27",
                "due_time": "16:30",
            },
        ),
    ),
    case(
        "fb-corr-pm-tag-procurement-not-legal",
        (
            "add review the vendor contract, tag it legal, due friday",
            "no wait, the tag should be procurement not legal, and make it high priority while "
            "you're at it",
        ),
        **B2,
        calls=(C("update_task", task_id=New(0), priority="high"),),
        todos=(
            {
                "title": Re(r"(?i)^review (the )?vendor contract$"),
                "tags": ["procurement"],
                "priority": "high",
                "due_date": "2027-06-11",
            },
        ),
    ),
    case(
        "fb-corr-nn-dinner-friday-not-thursday",
        ("please the team dinner move to thursday", "no no sorry, friday i mean, not thursday"),
        **K4,
        seed=(T("Team dinner", due="2027-12-29"), T("Buy new year cards")),
        calls=(C("update_task", task_id=Id(0), due_date="2027-12-31"),),
        reply=r"(?i)team dinner",
    ),
]

# 2. Changes by reference to an existing todo, several in one message.
REFERENCES: list[Case] = [
    case(
        "fb-ref-pm-gym-high-health-accountant-friday",
        "ok so bump the gym one to high and tag it health, oh and push the accountant call to "
        "friday, thanks",
        **N5,
        seed=(T("Gym session", due="2027-10-12"), T("Call accountant")),
        calls=(
            C("update_task", task_id=Id(0), priority="high"),
            C("update_task", task_id=Id(1), due_date="2027-10-15"),
        ),
        todos=(
            {
                "title": "Gym session",
                "priority": "high",
                "tags": ["health"],
                "due_date": "2027-10-12",
            },
            {"title": "Call accountant", "due_date": "2027-10-15"},
        ),
    ),
    case(
        "fb-ref-nn-landlord-meeting-friday-2pm",
        "please the meeting with landlord move to friday and make 2 pm",
        **B3,
        seed=(T("Meeting with landlord", due="2027-12-29", at="10:00"), T("Buy bread")),
        calls=(C("update_task", task_id=Id(0), due_date="2027-12-31", due_time="14:00"),),
        reply=r"(?i)landlord",
    ),
    case(
        "fb-ref-dad-max-soccer-sunday-important",
        "change max's soccer to 9:30 on sunday and mark it important, coach says it's the final",
        **A2,
        seed=(
            T("Soccer practice for Max", due="2027-04-17", at="09:00", tags=("kids",)),
            T("Swimming lessons for Ella", due="2027-04-18", at="10:00", tags=("kids",)),
        ),
        calls=(
            C(
                "update_task",
                task_id=Id(0),
                due_date="2027-04-18",
                due_time="09:30",
                priority="high",
            ),
        ),
        todos=(
            {
                "title": "Soccer practice for Max",
                "due_date": "2027-04-18",
                "due_time": "09:30",
                "priority": "high",
                "tags": ["kids"],
            },
            {"title": "Swimming lessons for Ella", "due_date": "2027-04-18", "due_time": "10:00"},
        ),
    ),
    case(
        "fb-ref-vd-report-tomorrow-noon-low",
        "move the quarterly report to tomorrow at noon and make it low priority",
        **K3,
        seed=(T("Quarterly report", due="2027-09-03", priority="high"), T("Order printer ink")),
        calls=(
            C(
                "update_task",
                task_id=Id(0),
                due_date="2027-08-31",
                due_time="12:00",
                priority="low",
            ),
        ),
    ),
    case(
        "fb-ref-pm-caterer-date-tag-priority",
        (
            "add call the caterer about the offsite",
            "make it due wednesday, tag it events, and set the priority to medium",
        ),
        **N2,
        calls=(C("update_task", task_id=New(0), due_date="2027-07-21", priority="medium"),),
        todos=(
            {
                "title": Re(r"(?i)^call (the )?caterer about (the )?offsite$"),
                "due_date": "2027-07-21",
                "priority": "medium",
                "tags": ["events"],
            },
        ),
    ),
    case(
        "fb-ref-nn-kenji-rename-and-date",
        "the present for kenji, please change name to buy birthday present for kenji and due "
        "date put the 20th",
        **K5,
        seed=(T("Buy present for Kenji"), T("Clean apartment", due="2028-03-18")),
        calls=(
            C(
                "update_task",
                task_id=Id(0),
                title=Re(r"(?i)^buy (a )?birthday present for kenji$"),
                due_date="2028-03-20",
            ),
        ),
        todos=(
            {"title": Re(r"(?i)^buy (a )?birthday present for kenji$"), "due_date": "2028-03-20"},
            {"title": "Clean apartment", "due_date": "2028-03-18"},
        ),
    ),
    case(
        "fb-ref-dad-piano-untag-music-thursday",
        "take the music tag off the piano lesson with mrs lee and move it to thursday at 5pm, "
        "she swapped days",
        **B4,
        seed=(
            T("Piano lesson with Mrs Lee", due="2028-03-01", at="16:00", tags=("kids", "music")),
            T("Ballet recital tickets", tags=("kids",)),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2028-03-02", due_time="17:00"),),
        todos=(
            {
                "title": "Piano lesson with Mrs Lee",
                "tags": ["kids"],
                "due_date": "2028-03-02",
                "due_time": "17:00",
            },
            {"title": "Ballet recital tickets", "tags": ["kids"]},
        ),
    ),
    case(
        "fb-ref-vd-dentist-twenty-third-ten-thirty",
        "change the dentist one to the twenty third at ten thirty in the morning",
        **A3,
        seed=(
            T("Dentist checkup", due="2027-11-12", at="09:00"),
            T("Renew car registration", due="2027-11-30"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2027-11-23", due_time="10:30"),),
        reply=r"(?i)dentist",
    ),
    case(
        "fb-ref-pm-standup-weekdays-930-work",
        "the standup notes thing, make it repeat every weekday, move it to 9:30, and tag it "
        "work, thanks a ton",
        **K1,
        seed=(T("Team standup notes", due="2027-02-11", at="09:00"), T("Expense report")),
        calls=(C("update_task", task_id=Id(0), due_time="09:30", recurrence=WEEKDAYS),),
        todos=(
            {"title": "Team standup notes", "due_time": "09:30", "tags": ["work"]},
            {"title": "Expense report"},
        ),
    ),
]

# 3. Plural references after a listing or after adding several.
PLURALS: list[Case] = [
    case(
        "fb-plural-dad-move-both-to-tomorrow",
        (
            "add pick up lily from piano at 5 and buy snacks for the soccer team",
            "actually move both to tomorrow",
        ),
        **K2,
        calls=(
            C("update_task", task_id=New(0), due_date="2027-05-22"),
            C("update_task", task_id=New(1), due_date="2027-05-22"),
        ),
    ),
    case(
        "fb-plural-nn-first-two-finish",
        ("show me todo for today", "first two i am finish"),
        **A4,
        seed=(
            T("Buy champagne", due="2027-12-31", at="17:00"),
            T("Call parents", due="2027-12-31", at="19:00"),
            T("Clean kitchen", due="2028-01-01"),
        ),
        calls=(C("complete_task", task_id=Id(0)), C("complete_task", task_id=Id(1))),
        todos=(
            {"title": "Buy champagne", "completed": True},
            {"title": "Call parents", "completed": True},
            {"title": "Clean kitchen", "completed": False},
        ),
    ),
    case(
        "fb-plural-vd-done-milk-and-eggs",
        "done with milk and eggs",
        **N3,
        seed=(T("Buy milk"), T("Buy eggs"), T("Buy bread")),
        calls=(C("complete_task", task_id=Id(0)), C("complete_task", task_id=Id(1))),
        todos=(
            {"title": "Buy milk", "completed": True},
            {"title": "Buy eggs", "completed": True},
            {"title": "Buy bread", "completed": False},
        ),
    ),
    case(
        "fb-plural-pm-tag-all-three-nda-urgent",
        (
            "add three things: draft the release notes, update the roadmap slide, ping legal "
            "about the nda",
            "tag all three work, and the nda one is urgent",
        ),
        **B2,
        calls=(
            C("update_task", task_id=New(0)),
            C("update_task", task_id=New(1)),
            C("update_task", task_id=New(2), priority="high"),
        ),
        todos=(
            {"title": Re(r"(?i)^draft (the )?release notes$"), "tags": ["work"]},
            {"title": Re(r"(?i)^update (the )?roadmap slide$"), "tags": ["work"]},
            {
                "title": Re(r"(?i)^ping legal about (the )?nda$"),
                "tags": ["work"],
                "priority": "high",
            },
        ),
    ),
    case(
        "fb-plural-dad-tick-off-both-kids",
        ("what's on the kids list", "got both already, tick them off"),
        **B5,
        seed=(
            T("Soccer cleats for Noah", tags=("kids",)),
            T("Piano book for Mia", tags=("kids",)),
            T("Oil change"),
        ),
        calls=(C("complete_task", task_id=Id(0)), C("complete_task", task_id=Id(1))),
        todos=(
            {"title": "Soccer cleats for Noah", "completed": True},
            {"title": "Piano book for Mia", "completed": True},
            {"title": "Oil change", "completed": False},
        ),
    ),
    case(
        "fb-plural-nn-cards-and-book-to-friday",
        ("what i have this week?", "the cards and library book, both move to friday please"),
        **K4,
        seed=(
            T("Send new year cards", due="2027-12-28"),
            T("Buy osechi", due="2027-12-29"),
            T("Return library book", due="2027-12-30"),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2027-12-31"),
            C("update_task", task_id=Id(2), due_date="2027-12-31"),
        ),
        todos=(
            {"title": "Send new year cards", "due_date": "2027-12-31"},
            {"title": "Buy osechi", "due_date": "2027-12-29"},
            {"title": "Return library book", "due_date": "2027-12-31"},
        ),
    ),
    case(
        "fb-plural-vd-last-two-done",
        ("whats coming up this week", "mark the last two done"),
        **A1,
        seed=(
            T("Water the garden", due="2027-01-26"),
            T("Pay rates", due="2027-01-28"),
            T("Book flights", due="2027-01-29"),
        ),
        calls=(C("complete_task", task_id=Id(1)), C("complete_task", task_id=Id(2))),
    ),
    case(
        "fb-plural-pm-make-those-all-high",
        (
            "add book venue for the offsite, send the agenda to the team, and order swag, all "
            "due march 10",
            "make those all high priority please, the vp is watching this one",
        ),
        **N4,
        calls=(
            C("update_task", task_id=New(0), priority="high"),
            C("update_task", task_id=New(1), priority="high"),
            C("update_task", task_id=New(2), priority="high"),
        ),
        todos=(
            {
                "title": Re(r"(?i)^book (the )?venue for the offsite$"),
                "priority": "high",
                "due_date": "2028-03-10",
            },
            {
                "title": Re(r"(?i)^send the agenda to the team$"),
                "priority": "high",
                "due_date": "2028-03-10",
            },
            {"title": Re(r"(?i)^order swag$"), "priority": "high", "due_date": "2028-03-10"},
        ),
    ),
    case(
        "fb-plural-dad-both-sunday-same-times",
        (
            "add swimming for ella saturday 9am and karate for sam saturday 11am",
            "oops both are sunday, same times",
        ),
        **A2,
        calls=(
            C("update_task", task_id=New(0), due_date="2027-04-18"),
            C("update_task", task_id=New(1), due_date="2027-04-18"),
        ),
        todos=(
            {
                "title": Re(r"(?i)^swimming for ella$"),
                "due_date": "2027-04-18",
                "due_time": "09:00",
            },
            {"title": Re(r"(?i)^karate for sam$"), "due_date": "2027-04-18", "due_time": "11:00"},
        ),
    ),
]

# 4. Short follow-ups.
FOLLOW_UPS: list[Case] = [
    case(
        "fb-follow-nn-oh-and-stamps",
        ("add buy envelopes", "oh and stamps"),
        **B1,
        calls=(C("add_task", title=Re(r"(?i)^(buy )?stamps$")),),
        todos=({"title": "Buy envelopes"}, {"title": Re(r"(?i)^(buy )?stamps$")}),
    ),
    case(
        "fb-follow-vd-and-tomorrow",
        ("what do i have today", "and tomorrow"),
        **N1,
        seed=(
            T("Standup", due="2027-03-03", at="09:30"),
            T("Dentist", due="2027-03-04", at="14:00"),
            T("Groceries", due="2027-03-05"),
        ),
        reads=(C("list_tasks", due_from="2027-03-04", due_to="2027-03-04"),),
        reply=r"(?i)dentist",
    ),
    case(
        "fb-follow-dad-same-for-noah",
        ("remind me to pack lily's swim bag for saturday", "same for noah"),
        **K2,
        calls=(C("add_task", title=Re(r"(?i)^pack noah'?s swim bag$"), due_date="2027-05-22"),),
        todos=(
            {"title": Re(r"(?i)^pack lily'?s swim bag$"), "due_date": "2027-05-22"},
            {"title": Re(r"(?i)^pack noah'?s swim bag$"), "due_date": "2027-05-22"},
        ),
    ),
    case(
        "fb-follow-pm-same-with-marketing",
        ("add sync with design on thursday at 10", "and the same with marketing at 11"),
        **B2,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^sync with marketing$"),
                due_date="2027-06-10",
                due_time="11:00",
            ),
        ),
    ),
    case(
        "fb-follow-vd-what-about-friday",
        ("anything on thursday", "what about friday"),
        **A3,
        seed=(
            T("Pick up dry cleaning", due="2027-11-11"),
            T("Book haircut", due="2027-11-12", at="12:00"),
            T("Call the bank", due="2027-11-11", at="09:00"),
        ),
        reply=r"(?i)haircut",
    ),
    case(
        "fb-follow-nn-also-high",
        ("add pay the gas bill tomorrow", "also high priority"),
        **K5,
        calls=(C("update_task", task_id=New(0), priority="high"),),
        todos=(
            {
                "title": Re(r"(?i)^pay (the )?gas bill$"),
                "due_date": "2028-03-16",
                "priority": "high",
            },
        ),
    ),
    case(
        "fb-follow-dad-and-a-card",
        ("add buy birthday present for jake's party on saturday", "and a card"),
        **N5,
        calls=(C("add_task", title=Re(r"(?i)^(buy )?(a )?(birthday )?card\b")),),
    ),
    case(
        "fb-follow-pm-and-the-finished-ones",
        ("show my open work stuff", "and the finished ones?"),
        **K3,
        seed=(
            T("Write test plan", tags=("work",)),
            T("Fix login bug", tags=("work",), done=True),
            T("Plan vacation"),
        ),
        reply=r"(?i)fix login bug",
    ),
    case(
        "fb-follow-vd-one-more-cat-litter",
        ("add buy dog food", "one more buy cat litter"),
        **A5,
        calls=(C("add_task", title="Buy cat litter"),),
        todos=({"title": "Buy dog food"}, {"title": "Buy cat litter"}),
    ),
]

# 5. Filtered listings and positions in them.
FILTERS: list[Case] = [
    case(
        "fb-filter-pm-work-second-done-first-friday",
        ("show my #work stuff", "ok the second one is done, and push the first one to friday"),
        **B3,
        seed=(
            T("Year-end report", due="2027-12-29", tags=("work",)),
            T("Buy fireworks", due="2027-12-30"),
            T("Close Q4 tickets", due="2027-12-30", tags=("work",)),
            T("Archive old email", due="2028-01-10", tags=("work",)),
        ),
        calls=(
            C("complete_task", task_id=Id(2)),
            C("update_task", task_id=Id(0), due_date="2027-12-31"),
        ),
        todos=(
            {"title": "Year-end report", "due_date": "2027-12-31", "completed": False},
            {"title": "Buy fireworks", "completed": False},
            {"title": "Close Q4 tickets", "completed": True},
            {"title": "Archive old email", "completed": False},
        ),
    ),
    case(
        "fb-filter-nn-due-thursday",
        "what is due on thursday?",
        **N1,
        seed=(
            T("Send tax documents", due="2027-03-04"),
            T("Book hotel", due="2027-03-05"),
            T("Water plants", due="2027-03-04", at="18:00"),
        ),
        reply=both("tax documents", "water plants"),
    ),
    case(
        "fb-filter-vd-overdue-first-done",
        ("whats overdue", "the first one is done"),
        **K1,
        seed=(
            T("Renew gym membership", due="2027-02-05"),
            T("Return rental skis", due="2027-02-08"),
            T("Call plumber", due="2027-02-12"),
        ),
        calls=(C("complete_task", task_id=Id(0)),),
        before=both("gym membership", "rental skis"),
        reply=r"(?i)gym membership",
    ),
    case(
        "fb-filter-dad-kids-third-to-thursday",
        ("show me the kids stuff", "the third one move it to thursday"),
        **B4,
        seed=(
            T("Soccer registration for Max", due="2028-03-01", tags=("kids",)),
            T("Buy new tires", due="2028-03-02"),
            T("Piano recital tickets", due="2028-03-03", tags=("kids",)),
            T("Sign Lily's field trip form", due="2028-03-04", tags=("kids",)),
        ),
        calls=(C("update_task", task_id=Id(3), due_date="2028-03-02"),),
        reply=r"(?i)field trip",
    ),
    case(
        "fb-filter-pm-high-second-tag-clients",
        (
            "what's high priority this week, just the urgent stuff",
            "the second one, tag it clients and make it due thursday instead",
        ),
        **N2,
        seed=(
            T("Finalize budget", priority="high", due="2027-07-21"),
            T("Team lunch", due="2027-07-20"),
            T("Client deck", priority="high", due="2027-07-23"),
        ),
        calls=(C("update_task", task_id=Id(2), due_date="2027-07-22"),),
        todos=(
            {"title": "Finalize budget", "due_date": "2027-07-21", "tags": []},
            {"title": "Team lunch", "due_date": "2027-07-20"},
            {"title": "Client deck", "due_date": "2027-07-22", "tags": ["clients"]},
        ),
    ),
    case(
        "fb-filter-nn-which-have-tag-home",
        "which things have tag home?",
        **A4,
        seed=(
            T("Pay rent", due="2028-01-03", tags=("home",)),
            T("Fix balcony door", tags=("home",)),
            T("Submit timesheet", due="2028-01-03", tags=("work",)),
        ),
        reply=both("pay rent", "balcony door"),
        not_reply=r"(?i)timesheet",
    ),
    case(
        "fb-filter-vd-no-date-second-delete",
        ("show me everything without a date", "the second one delete it"),
        **K2,
        seed=(T("Learn guitar"), T("Fix bike", due="2027-05-25"), T("Read Dune")),
        calls=(C("delete_task", task_id=Id(2)),),
        todos=({"title": "Learn guitar"}, {"title": "Fix bike"}),
    ),
    case(
        "fb-filter-dad-kids-this-weekend",
        "what have the kids got on this weekend",
        **A2,
        seed=(
            T("Ella swim meet", due="2027-04-17", at="08:00", tags=("kids",)),
            T("Mow lawn", due="2027-04-17"),
            T("Sam karate grading", due="2027-04-18", at="10:00", tags=("kids",)),
            T("Parent teacher interview", due="2027-04-20", tags=("kids",)),
        ),
        reply=both("swim meet", "karate"),
        not_reply=r"(?i)parent teacher|mow lawn",
    ),
    case(
        "fb-filter-pm-overdue-last-done-first-friday",
        (
            "what's overdue, give me the list",
            "the last one is done, and the first one move to friday",
        ),
        **B5,
        seed=(
            T("Send board minutes", due="2027-09-15"),
            T("Approve timesheets", due="2027-09-20"),
            T("Renew SSL cert", due="2027-09-21", priority="high"),
            T("Plan Q4 offsite", due="2027-09-30"),
        ),
        calls=(
            C("complete_task", task_id=Id(2)),
            C("update_task", task_id=Id(0), due_date="2027-09-24"),
        ),
        todos=(
            {"title": "Send board minutes", "due_date": "2027-09-24", "completed": False},
            {"title": "Approve timesheets", "due_date": "2027-09-20", "completed": False},
            {"title": "Renew SSL cert", "completed": True},
            {"title": "Plan Q4 offsite", "due_date": "2027-09-30", "completed": False},
        ),
    ),
]

# 6. Bulk acts: list and ask first; write on "yes".
BULK: list[Case] = [
    case(
        "fb-bulk-pm-delete-archive-asks",
        "delete everything tagged archive, it's all stale anyway",
        **K3,
        seed=(
            T("Old sprint retro notes", tags=("archive",)),
            T("Legacy API docs", tags=("archive",)),
            T("Quarterly goals", tags=("work",)),
        ),
        reply=both("sprint retro notes", "legacy api docs"),
        todos=(
            {"title": "Old sprint retro notes"},
            {"title": "Legacy API docs"},
            {"title": "Quarterly goals"},
        ),
    ),
    case(
        "fb-bulk-pm-delete-xmas-yes",
        ("delete all the xmas todos, the holidays are long over", "yes"),
        **N4,
        seed=(
            T("Holiday card list", tags=("xmas",)),
            T("Wrap presents", tags=("xmas",)),
            T("Dentist", due="2028-03-03"),
        ),
        calls=(C("delete_task", task_id=Id(0)), C("delete_task", task_id=Id(1))),
        before=both("holiday card list", "wrap presents"),
        todos=({"title": "Dentist", "due_date": "2028-03-03"},),
    ),
    case(
        "fb-bulk-nn-overdue-done-asks",
        "all what is overdue, please mark as done",
        **B1,
        seed=(
            T("Pay rent", due="2027-01-10"),
            T("Send letter to bank", due="2027-01-12"),
            T("Book train", due="2027-01-20"),
        ),
        reply=both("pay rent", "letter to bank"),
        todos=(
            {"title": "Pay rent", "completed": False},
            {"title": "Send letter to bank", "completed": False},
            {"title": "Book train", "completed": False},
        ),
    ),
    case(
        "fb-bulk-nn-overdue-done-yes",
        ("everything overdue make done please", "yes, all of them"),
        **K5,
        seed=(
            T("Submit visa form", due="2028-03-10"),
            T("Call landlord", due="2028-03-14"),
            T("Buy rice", due="2028-03-16"),
        ),
        calls=(C("complete_task", task_id=Id(0)), C("complete_task", task_id=Id(1))),
        before=both("visa form", "call landlord"),
        todos=(
            {"title": "Submit visa form", "completed": True},
            {"title": "Call landlord", "completed": True},
            {"title": "Buy rice", "completed": False},
        ),
    ),
    case(
        "fb-bulk-dad-push-kids-stuff-asks",
        "school camp this week so push all the kids stuff to next monday",
        **A5,
        seed=(
            T("Soccer practice", due="2028-03-01", tags=("kids",)),
            T("Piano with Mrs Lee", due="2028-03-02", tags=("kids",)),
            T("Dentist for me", due="2028-03-01"),
        ),
        reply=both("soccer practice", "piano"),
        todos=(
            {"title": "Soccer practice", "due_date": "2028-03-01"},
            {"title": "Piano with Mrs Lee", "due_date": "2028-03-02"},
            {"title": "Dentist for me", "due_date": "2028-03-01"},
        ),
    ),
    case(
        "fb-bulk-dad-kids-to-saturday-yes",
        ("kids are sick all week, move all the kids things to saturday", "yes go ahead"),
        **N5,
        seed=(
            T("Swim lesson for Ella", due="2027-10-12", tags=("kids",)),
            T("Art class for Sam", due="2027-10-13", tags=("kids",)),
            T("Car service", due="2027-10-12"),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2027-10-16"),
            C("update_task", task_id=Id(1), due_date="2027-10-16"),
        ),
        before=both("swim lesson", "art class"),
        todos=(
            {"title": "Swim lesson for Ella", "due_date": "2027-10-16"},
            {"title": "Art class for Sam", "due_date": "2027-10-16"},
            {"title": "Car service", "due_date": "2027-10-12"},
        ),
    ),
    case(
        "fb-bulk-vd-home-low-priority-asks",
        "make everything tagged home low priority",
        **A3,
        seed=(
            T("Fix fence", priority="high", tags=("home",)),
            T("Clean gutters", priority="high", tags=("home",)),
            T("Tax return", priority="high"),
        ),
        reply=both("fix fence", "clean gutters"),
    ),
    case(
        "fb-bulk-vd-delete-garden-yes",
        ("delete all my garden todos", "yes please"),
        **B2,
        seed=(
            T("Paint fence", tags=("garden",)),
            T("Plant tomatoes", tags=("garden",)),
            T("Call mum"),
        ),
        calls=(C("delete_task", task_id=Id(0)), C("delete_task", task_id=Id(1))),
        todos=({"title": "Call mum"},),
    ),
    case(
        "fb-bulk-pm-today-all-done-yes",
        ("everything due today is done actually, mark it all off", "yes"),
        **K4,
        seed=(
            T("Send year-end invoices", due="2027-12-27"),
            T("Update CRM", due="2027-12-27", at="15:00"),
            T("Plan january sprint", due="2028-01-04"),
        ),
        calls=(C("complete_task", task_id=Id(0)), C("complete_task", task_id=Id(1))),
        before=both("year-end invoices", "update crm"),
    ),
    case(
        "fb-bulk-nn-delete-tag-old-then-no",
        ("please delete all with tag old", "no, wait, not do it"),
        **A1,
        seed=(T("Old photos scan", tags=("old",)), T("Old phone sell", tags=("old",))),
        todos=({"title": "Old photos scan"}, {"title": "Old phone sell"}),
    ),
]

# 7. Typos and filler words.
TYPOS: list[Case] = [
    case(
        "fb-typo-vd-remidn-vet-tomorow",
        "remidn me to call the vet tomorow at ten in the morning",
        **N3,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^call (the )?vet$"),
                due_date="2027-12-31",
                due_time="10:00",
            ),
        ),
    ),
    case(
        "fb-typo-nn-cancle-dentist-thingy",
        "cancle the dentist thingy pls",
        **K1,
        seed=(T("Dentist appointment", due="2027-02-15", at="11:00"), T("Buy shampoo")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Buy shampoo"},),
    ),
    case(
        "fb-typo-pm-laundry-stuff-done",
        "pls mark the laundry stuff done, both of them, thx",
        **B3,
        seed=(T("Do laundry"), T("Fold laundry"), T("Call IT")),
        calls=(C("complete_task", task_id=Id(0)), C("complete_task", task_id=Id(1))),
        todos=(
            {"title": "Do laundry", "completed": True},
            {"title": "Fold laundry", "completed": True},
            {"title": "Call IT", "completed": False},
        ),
    ),
    case(
        "fb-typo-dad-socer-tommorow",
        "add socer practise for max tommorow 9 am",
        **A2,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^soc+er practi[cs]e for max$"),
                due_date="2027-04-17",
                due_time="09:00",
            ),
        ),
    ),
    case(
        "fb-typo-nn-delet-milk",
        "plz delet milk from list",
        **N4,
        seed=(T("Buy milk"), T("Buy bread")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Buy bread"},),
    ),
    case(
        "fb-typo-vd-um-like-prescription",
        "um so like can you uh add pick up the prescription on friday",
        **K5,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^pick up (the |my )?prescription$"),
                due_date="2028-03-17",
            ),
        ),
    ),
    case(
        "fb-typo-pm-chnage-priorty",
        "hey so chnage the priorty on the vendor onboarding thing to high, its blocking us, thx",
        **B5,
        seed=(T("Vendor onboarding checklist", priority="low"), T("Hiring plan")),
        calls=(C("update_task", task_id=Id(0), priority="high"),),
        todos=(
            {"title": "Vendor onboarding checklist", "priority": "high"},
            {"title": "Hiring plan", "priority": "none"},
        ),
    ),
    case(
        "fb-typo-dad-pianno-thrusday",
        ("hi", "addd pianno lesson with mrs lee on thrusday 4pm"),
        **A1,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^pia+n+o lesson with mrs\.? lee$"),
                due_date="2027-01-28",
                due_time="16:00",
            ),
        ),
    ),
    case(
        "fb-typo-nn-santa-costume-complet",
        ("what i have?", "santa costume i am returned, pls mark complet"),
        **K4,
        seed=(T("Write thank you cards"), T("Return Santa costume", due="2027-12-28")),
        calls=(C("complete_task", task_id=Id(1)),),
        todos=(
            {"title": "Write thank you cards", "completed": False},
            {"title": "Return Santa costume", "completed": True},
        ),
    ),
]

# 8. Dates and times.
DATES: list[Case] = [
    case(
        "fb-date-vd-in-three-days-at-noon-leap",
        "add renew the parking permit in three days at noon",
        **B4,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^renew (the )?parking permit$"),
                due_date="2028-03-02",
                due_time="12:00",
            ),
        ),
    ),
    case(
        "fb-date-pm-end-of-month-leap-day",
        "add close the february books by end of the month, high priority, tag it finance",
        **A5,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^close (the )?february books$"),
                due_date="2028-02-29",
                priority="high",
                tags=["finance"],
            ),
        ),
    ),
    case(
        "fb-date-nn-first-monday-next-month",
        "add team planning on first monday of next month at 10 am",
        **B3,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^team planning$"),
                due_date="2028-01-03",
                due_time="10:00",
            ),
        ),
    ),
    case(
        "fb-date-dad-every-other-saturday",
        "put swimming for ella on the list, every other saturday at 10am, starting tomorrow",
        **K2,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^swimming for ella$"),
                due_date="2027-05-22",
                due_time="10:00",
                recurrence=Rule("FREQ=WEEKLY", "INTERVAL=2"),
            ),
        ),
    ),
    case(
        "fb-date-vd-quarter-past-four",
        "remind me to call the school tomorrow at quarter past four",
        **N2,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^call (the )?school$"),
                due_date="2027-07-20",
                due_time="16:15",
            ),
        ),
    ),
    case(
        "fb-date-pm-1830-wednesday",
        "add a call with the berlin office on wednesday at 1830, tag it work",
        **K4,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^(a )?call with (the )?berlin office$"),
                due_date="2027-12-29",
                due_time="18:30",
                tags=["work"],
            ),
        ),
    ),
    case(
        "fb-date-nn-weekdays-at-7am",
        "add take vitamins, weekdays at 7 am",
        **A3,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^take (the |my )?vitamins$"),
                due_date="2027-11-10",
                due_time="07:00",
                recurrence=WEEKDAYS,
            ),
        ),
    ),
    case(
        "fb-date-dad-last-friday-each-month",
        "put movie night with the kids on the last friday of every month",
        **N1,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^movie night( with the kids)?$"),
                due_date="2027-03-26",
                recurrence=Re(
                    r"^(?=.*FREQ=MONTHLY)(?=.*(BYDAY=-1FR|BYDAY=FR.*BYSETPOS=-1|BYSETPOS=-1.*BYDAY=FR))"
                ),
            ),
        ),
    ),
    case(
        "fb-date-nn-next-tuesday-on-a-tuesday",
        "please add dentist for my son next tuesday at 3 pm",
        **B2,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^dentist for my son$"),
                due_date="2027-06-15",
                due_time="15:00",
            ),
        ),
    ),
    case(
        "fb-date-dad-the-15th-next-year",
        "remind me to pay the school fees on the 15th",
        **A4,
        calls=(C("add_task", title=Re(r"(?i)^pay (the )?school fees$"), due_date="2028-01-15"),),
        todos=({"title": Re(r"(?i)^pay (the )?school fees$"), "due_date": "2028-01-15"},),
    ),
]

# 9. Small talk, alone or mixed in.
SMALL_TALK: list[Case] = [
    case(
        "fb-talk-pm-thanks-after-add",
        ("add send the minutes to the board by friday", "thanks!"),
        **B1,
        todos=({"title": Re(r"(?i)^send (the )?minutes to the board$"), "due_date": "2027-01-15"},),
    ),
    case(
        "fb-talk-nn-hi-what-you-can-do",
        "hi there, what you can do?",
        **K3,
        reply=r"(?i)add|todo|task|remind",
        todos=(),
    ),
    case(
        "fb-talk-vd-thats-all-for-today",
        ("add buy dog treats", "ok thats all for today"),
        **N4,
        todos=({"title": "Buy dog treats"},),
    ),
    case(
        "fb-talk-dad-lifesaver",
        ("mark soccer snacks done", "you're a lifesaver, seriously"),
        **N5,
        seed=(T("Soccer snacks", due="2027-10-16"), T("Karate uniform")),
        todos=(
            {"title": "Soccer snacks", "completed": True},
            {"title": "Karate uniform", "completed": False},
        ),
    ),
    case(
        "fb-talk-pm-good-morning-coffee-first",
        "good morning! long day ahead, coffee first, then we'll get going",
        **B4,
        seed=(T("Prepare sprint review", due="2028-02-28"),),
        todos=({"title": "Prepare sprint review", "completed": False},),
    ),
    case(
        "fb-talk-nn-english-not-good",
        "hello, sorry my english not so good",
        **N1,
        todos=(),
    ),
    case(
        "fb-talk-vd-how-are-you",
        "hey how are you doing today",
        **N3,
        seed=(T("Pay credit card", due="2027-12-31"),),
    ),
    case(
        "fb-talk-dad-great-thanks-bye",
        ("what's on for the kids tomorrow", "great thanks, bye"),
        **A1,
        seed=(
            T("Lily piano with Mrs Lee", due="2027-01-26", at="16:00", tags=("kids",)),
            T("Buy groceries"),
        ),
        before=r"(?i)piano",
    ),
    case(
        "fb-talk-vd-greeting-mixed-with-add",
        "hey there hope youre well add water the plants tomorrow please cheers",
        **B5,
        calls=(C("add_task", title=Re(r"(?i)^water the plants$"), due_date="2027-09-23"),),
        todos=({"title": Re(r"(?i)^water the plants$"), "due_date": "2027-09-23"},),
    ),
]

# 10. Undo after an add, a delete, a multi-todo change.
UNDOS: list[Case] = [
    case(
        "fb-undo-vd-scratch-that-after-add",
        ("add buy new year decorations", "scratch that"),
        **K4,
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "fb-undo-nn-bring-back-deleted-flight",
        ("delete the flight to lisbon", "oh no, bring back please, was mistake"),
        **B2,
        seed=(T("Book flight to Lisbon", due="2027-06-20"), T("Pay phone bill")),
        calls=(C("undo"),),
        todos=(
            {"title": "Book flight to Lisbon", "due_date": "2027-06-20"},
            {"title": "Pay phone bill"},
        ),
    ),
    case(
        "fb-undo-pm-after-moving-two",
        (
            "move the proposal and the budget review both to friday",
            "hmm actually undo that, leave them where they were",
        ),
        **N2,
        seed=(T("Draft proposal", due="2027-07-20"), T("Review budget", due="2027-07-21")),
        calls=(C("undo"),),
        todos=(
            {"title": "Draft proposal", "due_date": "2027-07-20"},
            {"title": "Review budget", "due_date": "2027-07-21"},
        ),
    ),
    case(
        "fb-undo-dad-oops-put-pony-ride-back",
        ("delete the pony ride", "oops put it back, ruby would never forgive me"),
        **A4,
        seed=(T("Buy sparklers for the kids"), T("Book pony ride for Ruby", due="2028-01-03")),
        calls=(C("undo"),),
        todos=(
            {"title": "Buy sparklers for the kids"},
            {"title": "Book pony ride for Ruby", "due_date": "2028-01-03"},
        ),
    ),
    case(
        "fb-undo-vd-after-complete",
        ("mark mail the package done", "undo"),
        **K5,
        seed=(T("Mail the package"), T("Call the pharmacy")),
        calls=(C("undo"),),
        todos=(
            {"title": "Mail the package", "completed": False},
            {"title": "Call the pharmacy", "completed": False},
        ),
    ),
    case(
        "fb-undo-nn-after-bulk-delete-yes",
        ("delete all with tag temp please", "yes", "ah no, undo please"),
        **B3,
        seed=(
            T("Temp file cleanup", tags=("temp",)),
            T("Temp badge return", tags=("temp",)),
            T("Renew lease", due="2028-01-15"),
        ),
        calls=(C("undo"),),
        todos=(
            {"title": "Temp file cleanup", "tags": ["temp"]},
            {"title": "Temp badge return", "tags": ["temp"]},
            {"title": "Renew lease"},
        ),
    ),
    case(
        "fb-undo-pm-after-update",
        (
            "make the client workshop high priority and move it to 2pm",
            "undo that, i changed my mind",
        ),
        **A2,
        seed=(T("Client workshop", due="2027-04-20", at="09:00", priority="medium"),),
        calls=(C("undo"),),
        todos=(
            {
                "title": "Client workshop",
                "priority": "medium",
                "due_date": "2027-04-20",
                "due_time": "09:00",
            },
        ),
    ),
    case(
        "fb-undo-dad-scratch-all-three-adds",
        (
            "add buy snow boots for sam, buy mittens for lily and book ice skating for saturday",
            "scratch all that",
        ),
        **N3,
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "fb-undo-vd-after-rename",
        ("rename call tom about the car to call tim about the car", "oops undo that"),
        **K1,
        seed=(T("Call Tom about the car"),),
        calls=(C("undo"),),
        todos=({"title": "Call Tom about the car"},),
    ),
]

# 11. Questions that must not write.
QUESTIONS: list[Case] = [
    case(
        "fb-q-vd-anything-tomorrow-late-night",
        "do i have anything tomorrow",
        **A5,
        seed=(
            T("Vet appointment for Rex", due="2028-02-29", at="10:00"),
            T("Buy flowers", due="2028-03-02"),
        ),
        reply=r"(?i)vet appointment",
    ),
    case(
        "fb-q-nn-did-i-add-milk",
        "did i already add milk?",
        **B1,
        seed=(T("Buy milk"), T("Buy coffee")),
        reply=r"(?i)milk",
        todos=({"title": "Buy milk"}, {"title": "Buy coffee"}),
    ),
    case(
        "fb-q-dad-when-is-max-dentist",
        "when is max's dentist again?",
        **N4,
        seed=(
            T("Dentist for Max", due="2028-03-08", at="15:30"),
            T("Soccer practice", due="2028-03-01"),
        ),
        reply=r"(?i)mar\w*\.? 0?8\b|\b0?8(th)? (of )?mar|2028-03-08|\b3/8\b",
    ),
    case(
        "fb-q-pm-how-many-open",
        "quick one, how many open tasks have i got, just the number, im between meetings",
        **K3,
        seed=(T("Budget review"), T("Hiring sync"), T("Update wiki"), T("Old task", done=True)),
        reply=r"(?i)\b3\b|three",
    ),
    case(
        "fb-q-nn-insurance-paid-or-not",
        "insurance i already pay or not?",
        **A3,
        seed=(T("Pay insurance", done=True), T("Book car service")),
        reply=r"(?i)complet|done|yes|already|paid",
        todos=(
            {"title": "Pay insurance", "completed": True},
            {"title": "Book car service", "completed": False},
        ),
    ),
    case(
        "fb-q-vd-what-time-architect",
        "what time is the meeting with the architect tomorrow",
        **B5,
        seed=(
            T("Meeting with the architect", due="2027-09-23", at="14:30"),
            T("Buy printer paper"),
        ),
        reply=r"(?i)2:30|14:30|half past two",
    ),
    case(
        "fb-q-dad-anything-else-sunday",
        ("add ballet for mia on sunday at 10am", "wait does mia have anything else on sunday?"),
        **K2,
        seed=(T("Mia playdate with Zoe", due="2027-05-23", at="15:00"), T("Fix the fence")),
        reply=r"(?i)playdate",
        todos=(
            {"title": "Mia playdate with Zoe"},
            {"title": "Fix the fence"},
            {"title": Re(r"(?i)^ballet for mia$"), "due_date": "2027-05-23", "due_time": "10:00"},
        ),
    ),
    case(
        "fb-q-pm-anything-before-friday",
        "do i have anything due before friday? if not im taking the day off, finally",
        **N1,
        seed=(
            T("Submit conference talk", due="2027-03-04"),
            T("Quarterly taxes", due="2027-03-15"),
        ),
        reply=r"(?i)conference talk",
    ),
    case(
        "fb-q-nn-is-soy-sauce-on-list",
        ("add buy rice", "is there also buy soy sauce in my list?"),
        **K5,
        seed=(T("Buy miso"),),
        reply=r"(?i)\bno\b|\bnot\b|n.t|nothing",
        todos=({"title": "Buy miso"}, {"title": "Buy rice"}),
    ),
]

# 12. A name that matches nothing, or two todos.
MISSES: list[Case] = [
    case(
        "fb-miss-vd-delete-yoga-class",
        "delete the yoga class",
        **A1,
        seed=(T("Mow the lawn"), T("Pay power bill")),
        reply=NOT_FOUND,
        todos=({"title": "Mow the lawn"}, {"title": "Pay power bill"}),
    ),
    case(
        "fb-miss-pm-which-report",
        "push the report to monday, i'm completely swamped",
        **B2,
        seed=(
            T("Sales report", due="2027-06-10"),
            T("Expense report", due="2027-06-11"),
            T("Book offsite venue"),
        ),
        reply=both("sales report", "expense report"),
        todos=(
            {"title": "Sales report", "due_date": "2027-06-10"},
            {"title": "Expense report", "due_date": "2027-06-11"},
            {"title": "Book offsite venue"},
        ),
    ),
    case(
        "fb-miss-nn-yoga-mat-not-there",
        "the yoga mat i am buy already, mark it",
        **N3,
        seed=(T("Buy gifts"), T("Clean fridge")),
        reply=NOT_FOUND,
    ),
    case(
        "fb-miss-dad-which-soccer",
        "soccer's cancelled, delete it",
        **K4,
        seed=(
            T("Soccer for Max", due="2027-12-29"),
            T("Soccer for Noah", due="2027-12-30"),
            T("Buy juice boxes"),
        ),
        reply=WHICH,
        todos=(
            {"title": "Soccer for Max"},
            {"title": "Soccer for Noah"},
            {"title": "Buy juice boxes"},
        ),
    ),
    case(
        "fb-miss-vd-dentist-after-list",
        ("what have i got", "the dentist one is done"),
        **A2,
        seed=(T("Pick up parcel", due="2027-04-17"), T("Call the plumber", due="2027-04-19")),
        reply=NOT_FOUND,
        todos=(
            {"title": "Pick up parcel", "completed": False},
            {"title": "Call the plumber", "completed": False},
        ),
    ),
    case(
        "fb-miss-pm-which-sarah-call",
        "mark the sarah call done, she finally picked up",
        **N5,
        seed=(
            T("Call Sarah about the contract"),
            T("Call Sarah re hiring"),
            T("Prep board slides"),
        ),
        reply=WHICH,
    ),
    case(
        "fb-miss-nn-meeting-hiroshi",
        "please the meeting with hiroshi move to monday",
        **N4,
        seed=(T("Doctor appointment", due="2028-03-03", at="09:00"),),
        reply=NOT_FOUND,
        todos=({"title": "Doctor appointment", "due_date": "2028-03-03", "due_time": "09:00"},),
    ),
    case(
        "fb-miss-dad-third-of-two-kids",
        ("what's on for the kids", "the third one is done"),
        **B4,
        seed=(
            T("Lily ballet shoes", tags=("kids",)),
            T("Max library books", tags=("kids",)),
            T("Renew car insurance"),
        ),
        reply=r"(?i)only|\btwo\b|\b2\b|couldn.t|can.t find|don.t see|no (third|3rd)|isn.t|there (are|is)",
        todos=(
            {"title": "Lily ballet shoes", "completed": False},
            {"title": "Max library books", "completed": False},
            {"title": "Renew car insurance", "completed": False},
        ),
    ),
    case(
        "fb-miss-vd-which-milk",
        "move the milk to wednesday",
        **A5,
        seed=(T("Buy oat milk"), T("Buy whole milk")),
        reply=WHICH,
    ),
]

FRESH_B: list[Case] = (
    CORRECTIONS
    + REFERENCES
    + PLURALS
    + FOLLOW_UPS
    + FILTERS
    + BULK
    + TYPOS
    + DATES
    + SMALL_TALK
    + UNDOS
    + QUESTIONS
    + MISSES
)
