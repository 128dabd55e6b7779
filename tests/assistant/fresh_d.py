"""Fresh held-out set D: 100 conversations for the built-in assistant, to be scored once, at the end.

Written by a helper session (an AI writer) working only from the brief's thirteen failure classes
(corrections, multi-change references, plural references, short follow-ups, filtered listings and
positions, bulk acts with confirmation, typos and fillers, dates and times, small talk, undo,
read-only questions, unknown or ambiguous names, plain everyday requests), in the voices of a
nurse, a retired engineer, an admissions officer, a teenage gamer, a tired new parent, a chef, a
driver dictating and a native Spanish speaker; without reading the engine, its docs or any other
corpus, and without running these cases against it. Every weekday and expected date was computed
with Python. Clocks (local time in the case's timezone): Europe/Berlin 2027-03-26 10:15 Friday
(DST starts Sunday 28th), 2027-06-30 19:05 Wednesday (month end), 2027-12-30 16:40 Thursday
(year change), 2028-02-29 09:00 Tuesday (leap day), 2028-08-17 14:20 Thursday;
America/New_York 2027-01-14 08:30 Thursday, 2027-11-05 17:45 Friday (DST ends Sunday 7th),
2027-12-31 11:00 Friday (year change), 2028-05-31 12:10 Wednesday (month end), 2028-10-12 21:00
Thursday; Asia/Tokyo 2027-04-08 07:50 Thursday, 2027-07-21 15:00 Wednesday, 2027-09-30 13:30
Thursday (month end), 2028-02-28 18:00 Monday (eve of the leap day), 2028-12-29 10:00 Friday (year
change); Pacific/Auckland 2027-04-01 09:30 Thursday (DST ends Sunday 4th), 2027-08-31 20:15
Tuesday (month end), 2028-01-03 12:00 Monday, 2028-06-15 06:45 Thursday, 2028-09-22 16:00 Friday
(DST starts Sunday 24th).
"""

from __future__ import annotations

from typing import Any

from tests.assistant.spec import ABSENT, C, Case, Id, New, Re, Rule, T, case

# Europe/Berlin
BE_DST: dict[str, Any] = {"now": "2027-03-26 10:15", "tz": "Europe/Berlin"}  # Friday
BE_JUNE: dict[str, Any] = {"now": "2027-06-30 19:05", "tz": "Europe/Berlin"}  # Wednesday
BE_NYE: dict[str, Any] = {"now": "2027-12-30 16:40", "tz": "Europe/Berlin"}  # Thursday
BE_LEAP: dict[str, Any] = {"now": "2028-02-29 09:00", "tz": "Europe/Berlin"}  # Tuesday
BE_AUG: dict[str, Any] = {"now": "2028-08-17 14:20", "tz": "Europe/Berlin"}  # Thursday
# America/New_York
NY_JAN: dict[str, Any] = {"now": "2027-01-14 08:30", "tz": "America/New_York"}  # Thursday
NY_DST: dict[str, Any] = {"now": "2027-11-05 17:45", "tz": "America/New_York"}  # Friday
NY_NYE: dict[str, Any] = {"now": "2027-12-31 11:00", "tz": "America/New_York"}  # Friday
NY_MAY: dict[str, Any] = {"now": "2028-05-31 12:10", "tz": "America/New_York"}  # Wednesday
NY_OCT: dict[str, Any] = {"now": "2028-10-12 21:00", "tz": "America/New_York"}  # Thursday
# Asia/Tokyo
TK_APR: dict[str, Any] = {"now": "2027-04-08 07:50", "tz": "Asia/Tokyo"}  # Thursday
TK_JUL: dict[str, Any] = {"now": "2027-07-21 15:00", "tz": "Asia/Tokyo"}  # Wednesday
TK_SEP: dict[str, Any] = {"now": "2027-09-30 13:30", "tz": "Asia/Tokyo"}  # Thursday
TK_LEAP: dict[str, Any] = {"now": "2028-02-28 18:00", "tz": "Asia/Tokyo"}  # Monday
TK_NYE: dict[str, Any] = {"now": "2028-12-29 10:00", "tz": "Asia/Tokyo"}  # Friday
# Pacific/Auckland
AK_DST: dict[str, Any] = {"now": "2027-04-01 09:30", "tz": "Pacific/Auckland"}  # Thursday
AK_AUG: dict[str, Any] = {"now": "2027-08-31 20:15", "tz": "Pacific/Auckland"}  # Tuesday
AK_JAN: dict[str, Any] = {"now": "2028-01-03 12:00", "tz": "Pacific/Auckland"}  # Monday
AK_JUN: dict[str, Any] = {"now": "2028-06-15 06:45", "tz": "Pacific/Auckland"}  # Thursday
AK_SEP: dict[str, Any] = {"now": "2028-09-22 16:00", "tz": "Pacific/Auckland"}  # Friday

NOT_FOUND = (
    r"(?i)couldn.t find|can.t find|could not find|cannot find|no todo|no task|don.t see|"
    r"do not see|nothing (called|named|like|matching)|no match|doesn.t match|not on your list|"
    r"isn.t on your list|don.t have"
)
WHICH = r"(?i)which|\?"
ASKS = r"(\?|yes|confirm|sure)"


CORRECTIONS: list[Case] = [
    case(
        "fd-corr-nurse-handover-make-that-6pm",
        ("add handover meeting with night team tomorrow at 5pm", "no wait, make that 6pm"),
        **BE_DST,
        calls=(C("update_task", task_id=New(0), due_time="18:00"),),
        todos=(
            {
                "title": Re(r"(?i)^handover meeting( with (the )?night team)?$"),
                "due_date": "2027-03-27",
                "due_time": "18:00",
            },
        ),
        reply=r"(?i)6(:00)?\s*pm|18:00",
    ),
    case(
        "fd-corr-parent-pediatrician-day-after",
        ("remind me pediatrician appt friday", "actually the day after"),
        **NY_JAN,
        calls=(C("update_task", task_id=New(0), due_date="2027-01-16"),),
        todos=(
            {
                "title": Re(r"(?i)^pediatrician( appt| appointment)?$"),
                "due_date": "2027-01-16",
            },
        ),
        reply=r"(?i)sat|jan(uary)? 16|16 jan|2027-01-16",
    ),
    case(
        "fd-corr-spanish-rent-meant-friday",
        ("I need to pay the rent of the apartment on wednesday", "sorry i meant friday"),
        **TK_LEAP,
        calls=(C("update_task", task_id=New(0), due_date="2028-03-03"),),
        todos=(
            {
                "title": Re(r"(?i)^pay (the )?rent( of the apartment)?$"),
                "due_date": "2028-03-03",
            },
        ),
    ),
    case(
        "fd-corr-nurse-not-tom-tim",
        ("add call tom about the roster swap", "not tom, tim"),
        **AK_DST,
        calls=(C("update_task", task_id=New(0), title="Call Tim about the roster swap"),),
        todos=({"title": "Call Tim about the roster swap"},),
        reply=r"(?i)tim",
    ),
    case(
        "fd-corr-chef-saffron-tag-instead",
        (
            "add order more saffron from the spice guy, tag it suppliers",
            "tag it spices instead",
        ),
        **BE_JUNE,
        calls=(C("update_task", task_id=New(0)),),
        todos=(
            {
                "title": Re(r"(?i)^order (more )?saffron( from the spice guy)?$"),
                "tags": ["spices"],
            },
        ),
    ),
    case(
        "fd-corr-driver-dry-cleaning-seven-thirty",
        (
            "remind me to pick up the dry cleaning tomorrow at six thirty",
            "no no seven thirty",
        ),
        **NY_DST,
        calls=(C("update_task", task_id=New(0), due_time="19:30"),),
        todos=(
            {
                "title": Re(r"(?i)^pick up (the )?dry cleaning$"),
                "due_date": "2027-11-06",
                "due_time": "19:30",
            },
        ),
    ),
    case(
        "fd-corr-engineer-torque-wrench-medium",
        (
            "Please add a task to recalibrate the torque wrench, low priority.",
            "Correction: I intended medium priority, not low.",
        ),
        **TK_JUL,
        calls=(C("update_task", task_id=New(0), priority="medium"),),
        todos=({"title": Re(r"(?i)^recalibrate (the )?torque wrench$"), "priority": "medium"},),
        reply=r"(?i)medium",
    ),
    case(
        "fd-corr-admissions-interview-meant-friday",
        ("move the Okafor interview to thursday", "sorry, I meant friday"),
        **AK_JAN,
        seed=(
            T("Interview Okafor family", due="2028-01-05"),
            T("Read early decision files"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2028-01-07"),),
        todos=(
            {"title": "Interview Okafor family", "due_date": "2028-01-07"},
            {"title": "Read early decision files", "due_date": ABSENT},
        ),
        reply=r"(?i)okafor",
    ),
]

MULTI_CHANGE: list[Case] = [
    case(
        "fd-multi-gym-high-and-tag-health",
        ("what have i got on tomorrow", "bump the gym one to high and tag it health"),
        **BE_NYE,
        seed=(T("Gym session", due="2027-12-31"), T("Buy printer ink")),
        calls=(C("update_task", task_id=Id(0), priority="high"),),
        todos=(
            {"title": "Gym session", "priority": "high", "tags": ["health"]},
            {"title": "Buy printer ink", "priority": "none", "tags": []},
        ),
    ),
    case(
        "fd-multi-admissions-rename-and-move",
        "rename the waitlist letter one to 'Finalize waitlist letter' and move it to friday",
        **NY_MAY,
        seed=(
            T("Email the Patel family", due="2028-06-01"),
            T("Draft waitlist letter", due="2028-06-05"),
        ),
        calls=(
            C(
                "update_task",
                task_id=Id(1),
                title="Finalize waitlist letter",
                due_date="2028-06-02",
            ),
        ),
        todos=(
            {"title": "Email the Patel family", "due_date": "2028-06-01"},
            {"title": "Finalize waitlist letter", "due_date": "2028-06-02"},
        ),
    ),
    case(
        "fd-multi-chef-fish-order-time-and-urgent",
        "fish order -> saturday 5:30am, and make it urgent",
        **TK_SEP,
        seed=(
            T("Fish order from Tsukiji supplier", due="2027-10-01", at="06:00"),
            T("Deep clean walk-in fridge", due="2027-10-03"),
        ),
        calls=(
            C(
                "update_task",
                task_id=Id(0),
                due_date="2027-10-02",
                due_time="05:30",
                priority="high",
            ),
        ),
    ),
    case(
        "fd-multi-gamer-rename-and-tag",
        "rename raid prep to 'grind raid mats' and tag it weekend",
        **AK_AUG,
        seed=(
            T("finish the raid prep", tags=("gaming",)),
            T("maths homework", due="2027-09-01"),
        ),
        calls=(C("update_task", task_id=Id(0), title=Re(r"(?i)^grind raid mats$")),),
        todos=(
            {"title": "grind raid mats", "tags": ["gaming", "weekend"]},
            {"title": "maths homework", "due_date": "2027-09-01"},
        ),
    ),
    case(
        "fd-multi-engineer-furnace-three-changes",
        "Regarding the furnace filter task: please move it to the 3rd of March, set it for 8 in "
        "the morning, and mark it as medium priority.",
        **BE_LEAP,
        seed=(
            T("Replace the furnace filter", due="2028-03-15"),
            T("Renew the amateur radio licence", due="2028-04-30"),
        ),
        calls=(
            C(
                "update_task",
                task_id=Id(0),
                due_date="2028-03-03",
                due_time="08:00",
                priority="medium",
            ),
        ),
        reply=r"(?i)furnace filter",
    ),
    case(
        "fd-multi-nurse-by-number-move-and-tag",
        "can you move todo {id0} to monday 7am and tag it icu",
        **NY_JAN,
        seed=(
            T("Restock crash cart", due="2027-01-15"),
            T("Renew BLS certification", due="2027-02-20"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2027-01-18", due_time="07:00"),),
        todos=(
            {
                "title": "Restock crash cart",
                "due_date": "2027-01-18",
                "due_time": "07:00",
                "tags": ["icu"],
            },
            {"title": "Renew BLS certification", "due_date": "2027-02-20", "tags": []},
        ),
    ),
    case(
        "fd-multi-spanish-passport-date-and-priority",
        "the passport one put it for the day 8 of january and with high priority please",
        **TK_NYE,
        seed=(T("Renew passport", due="2029-01-15"), T("Call my mother")),
        calls=(C("update_task", task_id=Id(0), due_date="2029-01-08", priority="high"),),
        reply=r"(?i)passport",
    ),
    case(
        "fd-multi-parent-diapers-after-add",
        ("add buy diapers size 3", "make it high priority and due tmrw, tag it baby"),
        **AK_JUN,
        calls=(C("update_task", task_id=New(0), priority="high", due_date="2028-06-16"),),
        todos=(
            {
                "title": Re(r"(?i)^buy diapers(,? \(?size 3\)?)?$"),
                "priority": "high",
                "due_date": "2028-06-16",
                "tags": ["baby"],
            },
        ),
    ),
]

PLURALS: list[Case] = [
    case(
        "fd-plural-chef-this-week-move-both-monday",
        ("what's due this week?", "move both to monday"),
        **BE_AUG,
        seed=(
            T("Order new chef knives", due="2028-08-17"),
            T("Call the linen service", due="2028-08-18"),
            T("Menu tasting", due="2028-08-25"),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2028-08-21"),
            C("update_task", task_id=Id(1), due_date="2028-08-21"),
        ),
        todos=(
            {"title": "Order new chef knives", "due_date": "2028-08-21"},
            {"title": "Call the linen service", "due_date": "2028-08-21"},
            {"title": "Menu tasting", "due_date": "2028-08-25"},
        ),
        before=r"(?is)(?=.*knives)(?=.*linen)",
    ),
    case(
        "fd-plural-parent-tick-off-first-two",
        ("show me my list", "tick off the first two"),
        **NY_NYE,
        seed=(
            T("Champagne pickup", due="2027-12-31", at="15:00"),
            T("Text the babysitter", due="2027-12-31", at="18:00"),
            T("Return the ugly sweater", due="2028-01-03"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Champagne pickup", "completed": True},
            {"title": "Text the babysitter", "completed": True},
            {"title": "Return the ugly sweater", "completed": False},
        ),
    ),
    case(
        "fd-plural-spanish-done-milk-and-eggs",
        ("add milk, eggs and bread to my list", "done with milk and eggs"),
        **TK_JUL,
        calls=(
            C("complete_task", task_id=New(0)),
            C("complete_task", task_id=New(1)),
        ),
        todos=(
            {"title": Re(r"(?i)^(buy )?milk$"), "completed": True},
            {"title": Re(r"(?i)^(buy )?eggs$"), "completed": True},
            {"title": Re(r"(?i)^(buy )?bread$"), "completed": False},
        ),
    ),
    case(
        "fd-plural-parent-both-tomorrow-after-adding-two",
        ("add 2 things: call the daycare, buy formula", "both for tomorrow morning pls"),
        **AK_DST,
        calls=(
            C("update_task", task_id=New(0), due_date="2027-04-02"),
            C("update_task", task_id=New(1), due_date="2027-04-02"),
        ),
        todos=(
            {"title": Re(r"(?i)^call (the )?daycare$"), "due_date": "2027-04-02"},
            {"title": Re(r"(?i)^buy (baby )?formula$"), "due_date": "2027-04-02"},
        ),
    ),
    case(
        "fd-plural-nurse-mark-both-shift-swaps-done",
        ("show everything tagged shifts", "mark both done, sorted them in person"),
        **BE_DST,
        seed=(
            T("Swap shift with Anja", due="2027-03-27", tags=("shifts",)),
            T("Swap shift with Jonas", due="2027-03-29", tags=("shifts",)),
            T("Flu vaccine clinic", due="2027-03-30"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Swap shift with Anja", "completed": True},
            {"title": "Swap shift with Jonas", "completed": True},
            {"title": "Flu vaccine clinic", "completed": False},
        ),
    ),
    case(
        "fd-plural-chef-all-three-high",
        (
            "add: order lemons, order butter, order cream, all for wednesday",
            "make all three high priority",
        ),
        **TK_LEAP,
        calls=(
            C("update_task", task_id=New(0), priority="high"),
            C("update_task", task_id=New(1), priority="high"),
            C("update_task", task_id=New(2), priority="high"),
        ),
        todos=(
            {"title": "Order lemons", "priority": "high", "due_date": "2028-03-01"},
            {"title": "Order butter", "priority": "high", "due_date": "2028-03-01"},
            {"title": "Order cream", "priority": "high", "due_date": "2028-03-01"},
        ),
    ),
    case(
        "fd-plural-gamer-push-last-two",
        ("whats on my list", "push the last two to saturday the 30th"),
        **AK_SEP,
        seed=(
            T("Beat the water temple", due="2028-09-23"),
            T("Trade in old controller", due="2028-09-25"),
            T("Finish history essay", due="2028-09-26"),
        ),
        calls=(
            C("update_task", task_id=Id(1), due_date="2028-09-30"),
            C("update_task", task_id=Id(2), due_date="2028-09-30"),
        ),
        todos=(
            {"title": "Beat the water temple", "due_date": "2028-09-23"},
            {"title": "Trade in old controller", "due_date": "2028-09-30"},
            {"title": "Finish history essay", "due_date": "2028-09-30"},
        ),
    ),
    case(
        "fd-plural-admissions-delete-both-interviews",
        (
            "which interviews do I have coming up?",
            "delete both of them, the candidates withdrew",
        ),
        **NY_OCT,
        seed=(
            T("Interview: Garcia applicant", due="2028-10-13"),
            T("Interview: Nguyen applicant", due="2028-10-16"),
            T("Committee meeting", due="2028-10-14"),
        ),
        calls=(
            C("delete_task", task_id=Id(0)),
            C("delete_task", task_id=Id(1)),
        ),
        todos=({"title": "Committee meeting"},),
        before=r"(?is)(?=.*garcia)(?=.*nguyen)",
    ),
]

FOLLOW_UPS: list[Case] = [
    case(
        "fd-follow-oh-and-stamps",
        ("add buy envelopes", "oh and stamps"),
        **BE_JUNE,
        calls=(C("add_task", title=Re(r"(?i)^(buy )?stamps$")),),
        todos=(
            {"title": Re(r"(?i)^buy envelopes$")},
            {"title": Re(r"(?i)^(buy )?stamps$")},
        ),
        reply=r"(?i)stamps",
    ),
    case(
        "fd-follow-driver-and-tomorrow",
        ("whats on today", "and tomorrow?"),
        **NY_DST,
        seed=(
            T("Car service", due="2027-11-05"),
            T("Soccer practice pickup", due="2027-11-06", at="10:00"),
            T("Laundry"),
        ),
        reply=r"(?i)soccer practice",
        not_reply=r"(?i)car service",
    ),
    case(
        "fd-follow-what-about-high-priority",
        ("show everything", "what about the high priority ones?"),
        **TK_APR,
        seed=(
            T("Submit grant report", priority="high", tags=("work",)),
            T("Book dentist", priority="low"),
            T("Fix bike light", priority="high"),
        ),
        reply=r"(?is)(?=.*grant report)(?=.*bike light)",
        not_reply=r"(?i)book dentist",
    ),
    case(
        "fd-follow-chef-same-for-sugar",
        ("add order flour from Bakels for thursday", "same for the sugar"),
        **AK_AUG,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^order (the )?sugar( from bakels)?$"),
                due_date="2027-09-02",
            ),
        ),
        todos=(
            {"title": Re(r"(?i)^order (the )?flour( from bakels)?$"), "due_date": "2027-09-02"},
            {"title": Re(r"(?i)^order (the )?sugar( from bakels)?$"), "due_date": "2027-09-02"},
        ),
    ),
    case(
        "fd-follow-nurse-and-next-week",
        ("anything due this week?", "and next week?"),
        **BE_LEAP,
        seed=(
            T("Staff rota", due="2028-03-01"),
            T("Annual leave request", due="2028-03-08"),
            T("Fire drill", due="2028-03-10"),
        ),
        reply=r"(?is)(?=.*annual leave)(?=.*fire drill)",
        not_reply=r"(?i)staff rota",
    ),
    case(
        "fd-follow-parent-another-one-at-9",
        ("remind me to sterilize bottles at 3", "another one at 9"),
        **NY_MAY,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^sterili[sz]e (the )?bottles$"),
                due_date="2028-05-31",
                due_time="21:00",
            ),
        ),
    ),
    case(
        "fd-follow-and-what-did-i-finish",
        ("what's left to do?", "and what did i finish?"),
        **TK_NYE,
        seed=(
            T("Wrap presents", done=True),
            T("Book onsen trip"),
            T("Clean the fridge", done=True),
        ),
        reply=r"(?is)(?=.*wrap presents)(?=.*clean the fridge)",
        not_reply=r"(?i)onsen",
    ),
    case(
        "fd-follow-gamer-and-game-tag",
        ("show #school", "and #game?"),
        **AK_JAN,
        seed=(
            T("Quest: dragon egg", tags=("game",)),
            T("Science project", tags=("school",), due="2028-01-10"),
            T("Buy headset", tags=("game",)),
        ),
        reply=r"(?is)(?=.*dragon egg)(?=.*headset)",
        not_reply=r"(?i)science project",
    ),
]

FILTERED: list[Case] = [
    case(
        "fd-filter-work-tag",
        "show my #work stuff",
        **BE_NYE,
        seed=(
            T("Quarterly report", tags=("work",), due="2028-01-05"),
            T("Buy fireworks", due="2027-12-31"),
            T("Expense claims", tags=("work",)),
        ),
        reply=r"(?is)(?=.*quarterly report)(?=.*expense claims)",
        not_reply=r"(?i)fireworks",
    ),
    case(
        "fd-filter-driver-due-thursday",
        "anything due thursday",
        **NY_DST,
        seed=(
            T("Vet appointment", due="2027-11-11", at="09:00"),
            T("Pay water bill", due="2027-11-10"),
            T("Pick up prescriptions", due="2027-11-11"),
        ),
        reply=r"(?is)(?=.*vet appointment)(?=.*prescriptions)",
        not_reply=r"(?i)water bill",
    ),
    case(
        "fd-filter-overdue-second-one-done",
        ("what's overdue", "the second one is done"),
        **TK_SEP,
        seed=(
            T("Submit visa form", due="2027-09-27"),
            T("Return library books", due="2027-09-28"),
            T("Pay gas bill", due="2027-10-05"),
            T("Book hair cut"),
        ),
        calls=(C("complete_task", task_id=Id(1)),),
        todos=(
            {"title": "Submit visa form", "completed": False},
            {"title": "Return library books", "completed": True},
            {"title": "Pay gas bill", "completed": False},
            {"title": "Book hair cut", "completed": False},
        ),
        reply=r"(?i)library books",
    ),
    case(
        "fd-filter-nurse-high-then-delete-first",
        ("list high priority", "delete the first one, pharmacy called back"),
        **AK_JUN,
        seed=(
            T("Chase pharmacy re: insulin", priority="high", due="2028-06-15"),
            T("Team huddle notes", priority="low", due="2028-06-15"),
            T("Update care plan bed 4", priority="high", due="2028-06-16"),
        ),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=(
            {"title": "Team huddle notes"},
            {"title": "Update care plan bed 4"},
        ),
        reply=r"(?i)pharmacy",
    ),
    case(
        "fd-filter-chef-suppliers-third-to-wednesday",
        ("show me #suppliers", "move the third one to wednesday"),
        **BE_AUG,
        seed=(
            T("Veg order", tags=("suppliers",), due="2028-08-19"),
            T("Dairy order", tags=("suppliers",), due="2028-08-21"),
            T("Fix the extractor fan", due="2028-08-18"),
            T("Meat order", tags=("suppliers",), due="2028-08-22"),
        ),
        calls=(C("update_task", task_id=Id(3), due_date="2028-08-23"),),
        reply=r"(?i)meat order",
    ),
    case(
        "fd-filter-no-due-date",
        "what's on my list with no due date?",
        **NY_NYE,
        seed=(T("Learn guitar"), T("Dentist", due="2028-01-04"), T("Paint the hallway")),
        reply=r"(?is)(?=.*learn guitar)(?=.*paint the hallway)",
        not_reply=r"(?i)dentist",
    ),
    case(
        "fd-filter-next-week-move-2nd-tomorrow",
        ("what's coming up in the next week", "move the 2nd one to tomorrow"),
        **AK_SEP,
        seed=(
            T("Car WOF", due="2028-09-27"),
            T("Dentist check-up", due="2028-09-25"),
            T("Renew library card", due="2028-11-01"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2028-09-23"),),
        todos=(
            {"title": "Car WOF", "due_date": "2028-09-23"},
            {"title": "Dentist check-up", "due_date": "2028-09-25"},
            {"title": "Renew library card", "due_date": "2028-11-01"},
        ),
    ),
    case(
        "fd-filter-spanish-completed-ones",
        "show me the tasks that i have finish already",
        **TK_JUL,
        seed=(
            T("Pay electricity", done=True),
            T("Clean the aquarium"),
            T("Book summer festival tickets", done=True),
        ),
        reply=r"(?is)(?=.*pay electricity)(?=.*festival tickets)",
        not_reply=r"(?i)aquarium",
    ),
]

BULK: list[Case] = [
    case(
        "fd-bulk-nurse-delete-tag-asks-first",
        "delete everything tagged agency",
        **BE_DST,
        seed=(
            T("Call agency about cover nurse", tags=("agency",)),
            T("Agency invoice March", tags=("agency",), due="2027-03-31"),
            T("Order gloves"),
        ),
        todos=(
            {"title": "Call agency about cover nurse"},
            {"title": "Agency invoice March"},
            {"title": "Order gloves"},
        ),
        reply=r"(?is)(?=.*call agency about cover nurse)(?=.*agency invoice march)(?=.*"
        + ASKS
        + ")",
    ),
    case(
        "fd-bulk-admissions-delete-tag-yes",
        ("delete all my #openhouse tasks", "yes"),
        **NY_OCT,
        seed=(
            T("Print campus maps", tags=("openhouse",)),
            T("Book student guides", tags=("openhouse",)),
            T("Read Garcia file"),
        ),
        calls=(C("delete_task", task_id=Id(0)), C("delete_task", task_id=Id(1))),
        todos=({"title": "Read Garcia file"},),
        before=r"(?is)(?=.*campus maps)(?=.*student guides)",
    ),
    case(
        "fd-bulk-complete-groceries-then-no",
        ("mark everything tagged groceries as done", "no"),
        **TK_APR,
        seed=(
            T("Tofu", tags=("groceries",)),
            T("Rice", tags=("groceries",)),
            T("Call landlord"),
        ),
        todos=(
            {"title": "Tofu", "completed": False},
            {"title": "Rice", "completed": False},
            {"title": "Call landlord", "completed": False},
        ),
        before=r"(?is)(?=.*tofu)(?=.*rice)",
    ),
    case(
        "fd-bulk-move-overdue-asks-first",
        "move everything overdue to tomorrow",
        **AK_DST,
        seed=(
            T("Pay parking fine", due="2027-03-29"),
            T("Return drill to Sam", due="2027-03-31"),
            T("Book WOF", due="2027-04-10"),
        ),
        todos=(
            {"title": "Pay parking fine", "due_date": "2027-03-29"},
            {"title": "Return drill to Sam", "due_date": "2027-03-31"},
            {"title": "Book WOF", "due_date": "2027-04-10"},
        ),
        reply=r"(?is)(?=.*parking fine)(?=.*return drill)(?=.*" + ASKS + ")",
    ),
    case(
        "fd-bulk-move-overdue-yes-please",
        ("move everything overdue to tomorrow", "yes please"),
        **AK_DST,
        seed=(
            T("Pay parking fine", due="2027-03-29"),
            T("Return drill to Sam", due="2027-03-31"),
            T("Book WOF", due="2027-04-10"),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2027-04-02"),
            C("update_task", task_id=Id(1), due_date="2027-04-02"),
        ),
        todos=(
            {"title": "Pay parking fine", "due_date": "2027-04-02"},
            {"title": "Return drill to Sam", "due_date": "2027-04-02"},
            {"title": "Book WOF", "due_date": "2027-04-10"},
        ),
    ),
    case(
        "fd-bulk-chef-prep-tag-high-go-ahead",
        ("set everything tagged prep to high priority", "yep go ahead"),
        **BE_JUNE,
        seed=(
            T("Prep stock", tags=("prep",)),
            T("Prep mirepoix", tags=("prep",)),
            T("Call the accountant"),
        ),
        calls=(
            C("update_task", task_id=Id(0), priority="high"),
            C("update_task", task_id=Id(1), priority="high"),
        ),
        todos=(
            {"title": "Prep stock", "priority": "high"},
            {"title": "Prep mirepoix", "priority": "high"},
            {"title": "Call the accountant", "priority": "none"},
        ),
    ),
    case(
        "fd-bulk-gamer-complete-today-asks-first",
        "mark everything due today as done",
        **TK_LEAP,
        seed=(
            T("Daily login bonus", due="2028-02-28"),
            T("Homework ch 5", due="2028-02-28"),
            T("Buy new mouse", due="2028-03-02"),
        ),
        todos=(
            {"title": "Daily login bonus", "completed": False},
            {"title": "Homework ch 5", "completed": False},
            {"title": "Buy new mouse", "completed": False},
        ),
        reply=r"(?is)(?=.*daily login bonus)(?=.*homework ch 5)(?=.*" + ASKS + ")",
    ),
    case(
        "fd-bulk-delete-everything-then-keep",
        ("delete everything", "no, keep them"),
        **NY_MAY,
        seed=(
            T("Book pool party venue"),
            T("Order graduation cards"),
            T("Pay daycare", due="2028-06-01"),
        ),
        todos=(
            {"title": "Book pool party venue"},
            {"title": "Order graduation cards"},
            {"title": "Pay daycare"},
        ),
        before=r"(?is)(?=.*pool party)(?=.*graduation cards)(?=.*pay daycare)",
    ),
]

TYPOS: list[Case] = [
    case(
        "fd-typo-remidn-call-bank",
        ("morning 🙂", "remidn me to call the bank tmrw at 10"),
        **BE_LEAP,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^call (the )?bank$"),
                due_date="2028-03-01",
                due_time="10:00",
            ),
        ),
        reply=r"(?i)call the bank",
    ),
    case(
        "fd-typo-cancle-dentist-thingy",
        "cancle the dentist thingy",
        **NY_JAN,
        seed=(T("Dentist appointment", due="2027-01-20", at="14:00"), T("Buy dog food")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Buy dog food"},),
        reply=r"(?i)dentist",
    ),
    case(
        "fd-typo-pls-laundry-stuff-done",
        "pls mark the laundry stuff done",
        **TK_NYE,
        seed=(T("Do the laundry"), T("Call grandma")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Do the laundry", "completed": True},
            {"title": "Call grandma", "completed": False},
        ),
    ),
    case(
        "fd-typo-gamer-ad-gpu-low-prio",
        "ad 'upgrade my gpu' to the list lol, low prio",
        **AK_AUG,
        calls=(C("add_task", title=Re(r"(?i)^upgrade (my )?gpu$"), priority="low"),),
        todos=({"title": Re(r"(?i)^upgrade (my )?gpu$"), "priority": "low"},),
    ),
    case(
        "fd-typo-parent-add-the-thing-wipes",
        "umm can u like.. add the thing.. buy wipes",
        **BE_AUG,
        calls=(C("add_task", title=Re(r"(?i)^buy (baby )?wipes$")),),
        todos=({"title": Re(r"(?i)^buy (baby )?wipes$")},),
    ),
    case(
        "fd-typo-spanish-tomorow-profesor",
        "please you can put for tomorow the meeting with the profesor at 11 of the morning",
        **NY_OCT,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^meeting with (the )?profes+or$"),
                due_date="2028-10-13",
                due_time="11:00",
            ),
        ),
    ),
    case(
        "fd-typo-driver-uh-oil-change-done",
        "uh mark the uh the oil change thing as done i did it this morning",
        **TK_SEP,
        seed=(T("Oil change", due="2027-09-30"), T("Buy windscreen wipers")),
        calls=(C("complete_task", task_id=Id(0)),),
        reply=r"(?i)oil change",
    ),
    case(
        "fd-typo-chef-moove-fishmonger-wendesday",
        "can u pls moove the fishmonger order to wendesday",
        **AK_JAN,
        seed=(T("Fishmonger order", due="2028-01-04"), T("Staff meal plan")),
        calls=(C("update_task", task_id=Id(0), due_date="2028-01-05"),),
        todos=(
            {"title": "Fishmonger order", "due_date": "2028-01-05"},
            {"title": "Staff meal plan", "due_date": ABSENT},
        ),
    ),
]

DATES: list[Case] = [
    case(
        "fd-date-nurse-in-3-days-quarter-past-4",
        "remind me to collect the uniforms from the laundry in 3 days at quarter past 4",
        **BE_DST,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^collect (the |my )?uniforms?( from the laundry)?$"),
                due_date="2027-03-29",
                due_time="16:15",
            ),
        ),
    ),
    case(
        "fd-date-admissions-the-15th-at-noon",
        "lunch with the dean on the 15th at noon",
        **NY_NYE,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^lunch with (the )?dean$"),
                due_date="2028-01-15",
                due_time="12:00",
            ),
        ),
        todos=(
            {
                "title": Re(r"(?i)^lunch with (the )?dean$"),
                "due_date": "2028-01-15",
                "due_time": "12:00",
            },
        ),
    ),
    case(
        "fd-date-engineer-end-of-month-leap",
        "Submit the expense report by the end of the month.",
        **TK_LEAP,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^submit (the )?expense report$"),
                due_date="2028-02-29",
            ),
        ),
    ),
    case(
        "fd-date-chef-first-monday-next-month",
        "first monday of next month: inventory count",
        **AK_AUG,
        calls=(C("add_task", title=Re(r"(?i)^inventory count$"), due_date="2027-09-06"),),
        todos=({"title": "Inventory count", "due_date": "2027-09-06"},),
    ),
    case(
        "fd-date-chef-staff-briefing-1830",
        "staff briefing tomorrow 1830",
        **BE_JUNE,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^staff briefing$"),
                due_date="2027-07-01",
                due_time="18:30",
            ),
        ),
    ),
    case(
        "fd-date-nurse-meds-weekdays-at-7am",
        "add take blood pressure meds weekdays at 7am",
        **NY_DST,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^take (my )?blood pressure med(s|ication)$"),
                due_date="2027-11-08",
                due_time="07:00",
                recurrence=Re(r"BYDAY=MO,TU,WE,TH,FR"),
            ),
        ),
    ),
    case(
        "fd-date-engineer-bonsai-every-other-saturday",
        "Water the bonsai every other week on Saturday.",
        **TK_JUL,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^water (the )?bonsai$"),
                due_date="2027-07-24",
                recurrence=Rule("FREQ=WEEKLY", "INTERVAL=2", "BYDAY=SA"),
            ),
        ),
    ),
    case(
        "fd-date-chef-stocktake-last-friday-monthly",
        "wine stocktake on the last friday of each month",
        **AK_SEP,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^wine stocktake$"),
                due_date="2028-09-29",
                recurrence=Re(
                    r"^(?=.*FREQ=MONTHLY)(?=.*(BYDAY=-1FR|BYDAY=FR;BYSETPOS=-1|BYSETPOS=-1;BYDAY=FR))"
                ),
            ),
        ),
    ),
]

SMALL_TALK: list[Case] = [
    case(
        "fd-talk-thanks-after-add",
        ("add buy sparklers for tomorrow", "thanks!"),
        **BE_NYE,
        todos=({"title": Re(r"(?i)^buy sparklers$"), "due_date": "2027-12-31"},),
    ),
    case(
        "fd-talk-hi-what-can-you-do",
        "hi there, what can you do",
        **NY_JAN,
        reply=r"(?i)add|todo|task|remind",
    ),
    case(
        "fd-talk-thats-all-for-today",
        ("what's due today", "ok that's all for today"),
        **TK_APR,
        seed=(T("Team standup notes", due="2027-04-08"),),
        todos=({"title": "Team standup notes", "completed": False},),
    ),
    case(
        "fd-talk-parent-lifesaver-plus-pump",
        "you're a lifesaver 🙏 can you also add pump milk at 10",
        **AK_JUN,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^pump( milk)?$"),
                due_date="2028-06-15",
                due_time="10:00",
            ),
        ),
    ),
    case(
        "fd-talk-good-morning-plus-library-card",
        "good morning! hope you're well. please add renew my library card, no rush",
        **TK_APR,
        calls=(C("add_task", title=Re(r"(?i)^renew (my |the )?library card$")),),
        reply=r"(?i)library card",
    ),
    case(
        "fd-talk-gamer-lol-smart-bot",
        "lol ur kinda smart for a bot",
        **AK_AUG,
        seed=(T("Ranked matches"),),
        todos=({"title": "Ranked matches"},),
    ),
    case(
        "fd-talk-spanish-muchas-gracias",
        ("mark the onsen booking as done", "muchas gracias, you are very kind"),
        **TK_NYE,
        seed=(T("Book the onsen"),),
        todos=({"title": "Book the onsen", "completed": True},),
    ),
]

UNDO: list[Case] = [
    case(
        "fd-undo-chef-after-add",
        ("add order 20kg of potatoes for saturday", "undo"),
        **BE_AUG,
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "fd-undo-scratch-that-after-delete",
        ("delete the oil change", "scratch that"),
        **NY_DST,
        seed=(T("Oil change", due="2027-11-09"), T("Call insurance")),
        calls=(C("undo"),),
        todos=(
            {"title": "Oil change", "due_date": "2027-11-09"},
            {"title": "Call insurance"},
        ),
    ),
    case(
        "fd-undo-oops-put-it-back",
        ("delete the residence card one", "oops put it back"),
        **TK_SEP,
        seed=(T("Buy rice cooker"), T("Renew residence card", due="2027-10-20")),
        calls=(C("undo"),),
        todos=(
            {"title": "Buy rice cooker"},
            {"title": "Renew residence card", "due_date": "2027-10-20"},
        ),
        reply=r"(?i)residence card",
    ),
    case(
        "fd-undo-gamer-after-moving-two",
        ("show my list", "move the first two to friday", "undo that"),
        **AK_JAN,
        seed=(
            T("Scrim with team", due="2028-01-04"),
            T("Stream setup", due="2028-01-05"),
            T("Study for exam", due="2028-01-06"),
        ),
        calls=(C("undo"),),
        todos=(
            {"title": "Scrim with team", "due_date": "2028-01-04"},
            {"title": "Stream setup", "due_date": "2028-01-05"},
            {"title": "Study for exam", "due_date": "2028-01-06"},
        ),
        before=r"(?is)(?=.*scrim)(?=.*stream setup)",
    ),
    case(
        "fd-undo-after-completing-two",
        ("done with champagne and the shirt", "wait undo"),
        **BE_NYE,
        seed=(T("Buy champagne"), T("Iron shirt"), T("Call Oma")),
        calls=(C("undo"),),
        todos=(
            {"title": "Buy champagne", "completed": False},
            {"title": "Iron shirt", "completed": False},
            {"title": "Call Oma", "completed": False},
        ),
    ),
    case(
        "fd-undo-driver-no-no-scratch-that",
        ("add call mike back at four", "no no scratch that"),
        **NY_NYE,
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "fd-undo-after-rename",
        ("rename the flights one to 'Book flights to Wanaka'", "undo please"),
        **AK_DST,
        seed=(T("Book flights to Queenstown"), T("Mow the lawn")),
        calls=(C("undo"),),
        todos=({"title": "Book flights to Queenstown"}, {"title": "Mow the lawn"}),
    ),
]

QUESTIONS: list[Case] = [
    case(
        "fd-q-chef-anything-tomorrow",
        "do i have anything tomorrow?",
        **BE_JUNE,
        seed=(
            T("Butcher delivery", due="2027-07-01", at="07:00"),
            T("Menu print", due="2027-07-03"),
        ),
        reply=r"(?i)butcher delivery",
        not_reply=r"(?i)menu print",
    ),
    case(
        "fd-q-parent-did-i-add-milk",
        "did i already add milk?",
        **NY_NYE,
        seed=(T("Buy milk"), T("Buy bread")),
        todos=({"title": "Buy milk"}, {"title": "Buy bread"}),
        reply=r"(?i)yes|buy milk",
    ),
    case(
        "fd-q-when-is-the-dentist",
        "when is the dentist?",
        **TK_LEAP,
        seed=(T("Dentist", due="2028-03-02", at="15:30"), T("Gym")),
        reply=r"(?i)thu|mar(ch)?\.? 2|2 mar|2028-03-02|3:30|15:30",
    ),
    case(
        "fd-q-nurse-shift-time-saturday",
        "what time is my shift on saturday?",
        **AK_SEP,
        seed=(
            T("Night shift ward 7", due="2028-09-23", at="19:00"),
            T("Day shift ward 7", due="2028-09-27", at="07:00"),
        ),
        reply=r"(?i)7(:00)?\s*pm|19:00",
    ),
    case(
        "fd-q-nurse-did-that-save",
        ("add order new stethoscope", "did that save?"),
        **BE_DST,
        todos=({"title": Re(r"(?i)^order (a )?new stethoscope$")},),
        reply=r"(?i)stethoscope|yes",
    ),
    case(
        "fd-q-how-many-left",
        "how many things do i still have to do",
        **NY_MAY,
        seed=(
            T("Renew car registration"),
            T("Buy sunscreen"),
            T("Mow the lawn"),
            T("Pay phone bill", done=True),
        ),
        reply=r"(?i)\b3\b|three",
    ),
    case(
        "fd-q-spanish-did-i-finish-tickets",
        "did i finish the festival tickets thing?",
        **TK_JUL,
        seed=(T("Book festival tickets", done=True), T("Clean the aquarium")),
        todos=(
            {"title": "Book festival tickets", "completed": True},
            {"title": "Clean the aquarium", "completed": False},
        ),
        reply=r"(?i)yes|done|complete|finished",
    ),
]

NAMES: list[Case] = [
    case(
        "fd-name-chef-delete-yoga-not-found",
        "delete the yoga class",
        **BE_AUG,
        seed=(T("Veg order"), T("Fix the extractor fan")),
        todos=({"title": "Veg order"}, {"title": "Fix the extractor fan"}),
        reply=NOT_FOUND,
    ),
    case(
        "fd-name-passport-renewal-not-found",
        "mark the passport renewal done",
        **NY_JAN,
        seed=(T("Renew driver's license"), T("Buy groceries")),
        todos=(
            {"title": "Renew driver's license", "completed": False},
            {"title": "Buy groceries", "completed": False},
        ),
        reply=NOT_FOUND,
    ),
    case(
        "fd-name-two-call-mom-asks-which",
        "mark call mom done",
        **TK_APR,
        seed=(T("Call mom about the flight"), T("Call mom re birthday"), T("Buy stamps")),
        todos=(
            {"title": "Call mom about the flight", "completed": False},
            {"title": "Call mom re birthday", "completed": False},
            {"title": "Buy stamps", "completed": False},
        ),
        reply=WHICH,
    ),
    case(
        "fd-name-admissions-two-interviews-asks-which",
        "move the interview to friday",
        **AK_AUG,
        seed=(
            T("Interview with Li applicant", due="2027-09-01"),
            T("Interview with Osei applicant", due="2027-09-02"),
        ),
        todos=(
            {"title": "Interview with Li applicant", "due_date": "2027-09-01"},
            {"title": "Interview with Osei applicant", "due_date": "2027-09-02"},
        ),
        reply=WHICH,
    ),
    case(
        "fd-name-chef-delete-the-order-asks-which",
        "delete the order",
        **BE_JUNE,
        seed=(
            T("Fish order", due="2027-07-01"),
            T("Wine order", due="2027-07-02"),
            T("Clean grill"),
        ),
        reply=WHICH,
    ),
    case(
        "fd-name-swimming-lessons-not-found-after-list",
        ("show my list", "tick off the swimming lessons"),
        **NY_OCT,
        seed=(T("Pay tuition"), T("Interview prep")),
        todos=(
            {"title": "Pay tuition", "completed": False},
            {"title": "Interview prep", "completed": False},
        ),
        reply=NOT_FOUND,
    ),
    case(
        "fd-name-rename-vet-not-found",
        "rename the vet thing to vet checkup for Luna",
        **AK_JUN,
        seed=(T("Buy nappies"), T("Book GP appointment")),
        todos=({"title": "Buy nappies"}, {"title": "Book GP appointment"}),
        reply=NOT_FOUND,
    ),
]

PLAIN: list[Case] = [
    case(
        "fd-plain-engineer-add-with-all-details",
        "Please create a task titled 'Service the boiler' due on 5 January at 14:00, high "
        "priority, tagged house.",
        **BE_NYE,
        calls=(
            C(
                "add_task",
                title="Service the boiler",
                due_date="2028-01-05",
                due_time="14:00",
                priority="high",
                tags=["house"],
            ),
        ),
        reply=r"(?i)service the boiler",
    ),
    case(
        "fd-plain-parent-finished-car-seat",
        ("what's on my list", "finished the car seat install"),
        **NY_DST,
        seed=(T("Install the car seat"), T("Wash bottles")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Install the car seat", "completed": True},
            {"title": "Wash bottles", "completed": False},
        ),
    ),
    case(
        "fd-plain-delete-gym-membership-one",
        "delete the gym membership one",
        **TK_NYE,
        seed=(T("Cancel gym membership"), T("New year cards", due="2028-12-30")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "New year cards"},),
        reply=r"(?i)gym membership",
    ),
    case(
        "fd-plain-move-inspection-next-tuesday",
        "move the rent inspection to next tuesday",
        **AK_DST,
        seed=(T("Rent inspection", due="2027-04-02", at="10:00"), T("Buy light bulbs")),
        calls=(C("update_task", task_id=Id(0), due_date="2027-04-06"),),
        reply=r"(?i)rent inspection",
    ),
    case(
        "fd-plain-nurse-rename-ward-meeting",
        "rename 'ward meeting' to 'ward meeting + audit review'",
        **BE_DST,
        seed=(T("Ward meeting", due="2027-03-30"), T("Order compression socks")),
        calls=(C("update_task", task_id=Id(0), title="Ward meeting + audit review"),),
        todos=(
            {"title": "Ward meeting + audit review", "due_date": "2027-03-30"},
            {"title": "Order compression socks"},
        ),
    ),
    case(
        "fd-plain-show-all-todos",
        "show me all my todos",
        **NY_MAY,
        seed=(
            T("Call the plumber", due="2028-06-02"),
            T("Buy graduation gift"),
            T("Renew gym pass", due="2028-06-10"),
        ),
        reply=r"(?is)(?=.*call the plumber)(?=.*graduation gift)(?=.*renew gym pass)",
    ),
    case(
        "fd-plain-add-conference-next-tuesday",
        "add parent-teacher conference next tuesday at 4:30pm",
        **TK_APR,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^parent.teacher conference$"),
                due_date="2027-04-13",
                due_time="16:30",
            ),
        ),
        todos=(
            {
                "title": Re(r"(?i)^parent.teacher conference$"),
                "due_date": "2027-04-13",
                "due_time": "16:30",
            },
        ),
    ),
    case(
        "fd-plain-driver-cake-saturday-eleven-tag-party",
        "add pick up the cake from the bakery on saturday at eleven in the morning tag party",
        **AK_JAN,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^pick up (the )?cake( from the bakery)?$"),
                due_date="2028-01-08",
                due_time="11:00",
                tags=["party"],
            ),
        ),
    ),
]

FRESH_D: list[Case] = [
    *CORRECTIONS,
    *MULTI_CHANGE,
    *PLURALS,
    *FOLLOW_UPS,
    *FILTERED,
    *BULK,
    *TYPOS,
    *DATES,
    *SMALL_TALK,
    *UNDO,
    *QUESTIONS,
    *NAMES,
    *PLAIN,
]
