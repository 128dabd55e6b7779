"""Fresh held-out set F: 100 conversations for the built-in assistant, to be scored once, at the end.

Written by a helper session (an AI writer) working only from the failure classes (plain everyday
requests, dates and times, read-only questions, corrections, short follow-ups, typos and fillers,
unknown or ambiguous names, undo, small talk, bulk acts with confirmation) and ten personas, ten
conversations each: a nurse on night shifts, a farmer, a software engineer who writes terse
commands, a retired teacher who writes full polite sentences, a university student with slang and
emoji, a small-shop owner, a parent of three, a native Spanish speaker writing English, a phone
user fighting autocorrect, and a rambler who buries the request mid-message. Written without
reading the engine, its docs or any other corpus, and without running these cases against it.
Every weekday and expected date was computed with Python.

Clocks (local time in the case's timezone):
Europe/London 2030-01-31 07:05 Thursday (month end), 2030-03-30 21:40 Saturday (BST starts Sunday
31st), 2030-12-24 15:00 Tuesday (Christmas Eve, year change a week later);
America/Chicago 2030-02-28 10:10 Thursday (month end, not a leap year), 2030-11-01 18:20 Friday
(DST ends Sunday 3rd);
America/Los_Angeles 2030-06-30 23:15 Sunday (late night, already Monday in UTC, month end);
Asia/Kolkata 2030-08-15 09:45 Thursday;
Australia/Sydney 2030-04-05 17:30 Friday (DST ends Sunday 7th), 2030-10-04 08:00 Friday (DST starts
Sunday 6th);
Europe/Berlin 2031-02-28 12:00 Friday (month end, not a leap year).
"""

from __future__ import annotations

from typing import Any

from tests.assistant.spec import C, Case, Id, New, Re, Rule, T, case

# Europe/London
LN_JAN: dict[str, Any] = {"now": "2030-01-31 07:05", "tz": "Europe/London"}  # Thursday
LN_DST: dict[str, Any] = {"now": "2030-03-30 21:40", "tz": "Europe/London"}  # Saturday
LN_XMAS: dict[str, Any] = {"now": "2030-12-24 15:00", "tz": "Europe/London"}  # Tuesday
# America/Chicago
CH_FEB: dict[str, Any] = {"now": "2030-02-28 10:10", "tz": "America/Chicago"}  # Thursday
CH_DST: dict[str, Any] = {"now": "2030-11-01 18:20", "tz": "America/Chicago"}  # Friday
# America/Los_Angeles
LA_JUN: dict[str, Any] = {"now": "2030-06-30 23:15", "tz": "America/Los_Angeles"}  # Sunday
# Asia/Kolkata
KO_AUG: dict[str, Any] = {"now": "2030-08-15 09:45", "tz": "Asia/Kolkata"}  # Thursday
# Australia/Sydney
SY_DST: dict[str, Any] = {"now": "2030-04-05 17:30", "tz": "Australia/Sydney"}  # Friday
SY_OCT: dict[str, Any] = {"now": "2030-10-04 08:00", "tz": "Australia/Sydney"}  # Friday
# Europe/Berlin
BE_FEB: dict[str, Any] = {"now": "2031-02-28 12:00", "tz": "Europe/Berlin"}  # Friday

NOT_FOUND = (
    r"(?i)couldn.?t find|can.?t find|could not find|cannot find|unable to find|"
    r"couldn.?t see|can.?t see|don.?t see|do not see|no (task|todo|match)|not found|"
    r"nothing (called|named|like|about|matching|for)|not on your list|isn.?t on your list|"
    r"don.?t have|doesn.?t (look|seem)"
)
WHICH = r"(?i)which|\?"
ASKS = r"(?i)\?|yes|confirm|sure"
WEEKDAYS = Re(
    r"^(?=.*FREQ=(WEEKLY|DAILY))"
    r"(?=.*BYDAY=(?=[A-Z,]*MO)(?=[A-Z,]*TU)(?=[A-Z,]*WE)(?=[A-Z,]*TH)(?=[A-Z,]*FR)(?![A-Z,]*S[AU]))"
)


PLAIN: list[Case] = [
    # nurse
    case(
        "ff-plain-nurse-cpr-recert-friday",
        "just off a night shift. add renew CPR certification for friday, high priority",
        **LN_JAN,
        calls=(C("add_task", due_date="2030-02-01", priority="high"),),
        todos=(
            {
                "title": Re(r"(?i)^renew (my )?cpr cert(ification)?$"),
                "due_date": "2030-02-01",
                "priority": "high",
            },
        ),
    ),
    case(
        "ff-plain-nurse-timesheet-done",
        "submitted my timesheet before handover, tick it off",
        **LN_JAN,
        seed=(T("Submit timesheet", due="2030-01-31"), T("Order compression socks")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Submit timesheet", "completed": True},
            {"title": "Order compression socks", "completed": False},
        ),
    ),
    case(
        "ff-plain-nurse-list-work-tag",
        "morning (well, my morning). what's tagged work on my list?",
        **SY_OCT,
        seed=(
            T("Swap night shift with Priya", tags=("work",)),
            T("Order new scrubs", tags=("work",)),
            T("Call mum", tags=("family",)),
        ),
        reply=r"(?is)^(?=.*priya)(?=.*scrubs)",
        not_reply=r"(?i)call mum",
    ),
    # farmer
    case(
        "ff-plain-farmer-fence-saturday",
        "add fix the fence in the north paddock on saturday",
        **CH_FEB,
        calls=(C("add_task", due_date="2030-03-02"),),
        todos=(
            {
                "title": Re(r"(?i)^fix (the )?fence( in (the )?north paddock)?$"),
                "due_date": "2030-03-02",
            },
        ),
    ),
    case(
        "ff-plain-farmer-delete-ear-tags",
        "delete the ear tags task, picked them up at the co-op this afternoon",
        **CH_DST,
        seed=(T("Order ear tags for the calves"), T("Service the tractor", due="2030-11-12")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Service the tractor", "due_date": "2030-11-12"},),
    ),
    case(
        "ff-plain-farmer-rename-lame-ewe",
        "change call vet about the ewe to call vet about the lame ewe",
        **KO_AUG,
        seed=(T("Call vet about the ewe"), T("Check the irrigation pump")),
        calls=(C("update_task", task_id=Id(0), title="Call vet about the lame ewe"),),
        todos=({"title": "Call vet about the lame ewe"}, {"title": "Check the irrigation pump"}),
    ),
    # software engineer
    case(
        "ff-plain-eng-rotate-keys-fri",
        "add rotate api keys fri 10:00 tag ops",
        **LA_JUN,
        calls=(C("add_task", due_date="2030-07-05", due_time="10:00", tags=["ops"]),),
        todos=(
            {
                "title": Re(r"(?i)^rotate (the )?api keys$"),
                "due_date": "2030-07-05",
                "due_time": "10:00",
                "tags": ["ops"],
            },
        ),
    ),
    case(
        "ff-plain-eng-done-pr",
        "done: review PR 482",
        **LA_JUN,
        seed=(T("Review PR 482"), T("Write postmortem for the outage")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Review PR 482", "completed": True},
            {"title": "Write postmortem for the outage", "completed": False},
        ),
    ),
    case(
        "ff-plain-eng-postmortem-high",
        "postmortem -> high prio",
        **BE_FEB,
        seed=(T("Write incident postmortem", due="2031-03-04"), T("Update on-call runbook")),
        calls=(C("update_task", task_id=Id(0), priority="high"),),
        todos=(
            {"title": "Write incident postmortem", "priority": "high", "due_date": "2031-03-04"},
            {"title": "Update on-call runbook", "priority": "none"},
        ),
    ),
    # retired teacher
    case(
        "ff-plain-teacher-prescription-monday",
        "Good afternoon. Would you please add a reminder for me to collect my prescription from "
        "the pharmacy on Monday at ten o'clock in the morning? Thank you kindly.",
        **LN_XMAS,
        calls=(C("add_task", due_date="2030-12-30", due_time="10:00"),),
        todos=(
            {
                "title": Re(r"(?i)^collect (my )?prescription( from the pharmacy)?$"),
                "due_date": "2030-12-30",
                "due_time": "10:00",
            },
        ),
    ),
    case(
        "ff-plain-teacher-finished-novel",
        "I have at last finished reading the novel for the book club, so you may mark that task "
        "as done. Thank you.",
        **KO_AUG,
        seed=(T("Finish the book club novel", due="2030-08-20"), T("Write to cousin Margaret")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Finish the book club novel", "completed": True},
            {"title": "Write to cousin Margaret", "completed": False},
        ),
    ),
    case(
        "ff-plain-teacher-remove-library-books",
        "Could you kindly remove the task about returning the library books? I took them back "
        "this morning.",
        **CH_FEB,
        seed=(T("Return library books", due="2030-03-01"), T("Order the seed catalogue")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Order the seed catalogue"},),
    ),
    # university student
    case(
        "ff-plain-student-chem-report-thursday",
        "add chem lab report due thursday 😭 make it high priority pls",
        **SY_OCT,
        calls=(C("add_task", due_date="2030-10-10", priority="high"),),
        todos=(
            {
                "title": Re(r"(?i)^chem(istry)? lab report$"),
                "due_date": "2030-10-10",
                "priority": "high",
            },
        ),
    ),
    case(
        "ff-plain-student-psych-reading-done",
        "did the psych reading lol mark it done ✅",
        **KO_AUG,
        seed=(T("Psych reading ch 4"), T("Pay phone bill", due="2030-08-20")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Psych reading ch 4", "completed": True},
            {"title": "Pay phone bill", "completed": False},
        ),
    ),
    case(
        "ff-plain-student-whats-on-list",
        "whats on my list rn 👀",
        **LA_JUN,
        seed=(T("Return hoodie to Jess"), T("Group project slides", due="2030-07-03")),
        reply=r"(?is)^(?=.*hoodie)(?=.*slides)",
    ),
    # small-shop owner
    case(
        "ff-plain-shop-paper-bags-stock",
        "add reorder paper bags from the supplier, tag it stock",
        **BE_FEB,
        calls=(C("add_task", tags=["stock"]),),
        todos=(
            {
                "title": Re(r"(?i)^reorder (the )?paper bags( from (the )?supplier)?$"),
                "tags": ["stock"],
            },
        ),
    ),
    case(
        "ff-plain-shop-vat-to-monday",
        "move the VAT return to monday",
        **BE_FEB,
        seed=(T("File VAT return", due="2031-02-28"), T("Clean the shop window")),
        calls=(C("update_task", task_id=Id(0), due_date="2031-03-03"),),
        todos=(
            {"title": "File VAT return", "due_date": "2031-03-03"},
            {"title": "Clean the shop window"},
        ),
    ),
    case(
        "ff-plain-shop-till-low-priority",
        "make fixing the till drawer low priority, it can wait till after christmas",
        **LN_XMAS,
        seed=(
            T("Fix the till drawer", priority="medium"),
            T("Count the Christmas float", due="2030-12-24"),
        ),
        calls=(C("update_task", task_id=Id(0), priority="low"),),
        todos=(
            {"title": "Fix the till drawer", "priority": "low"},
            {"title": "Count the Christmas float", "priority": "none"},
        ),
    ),
    # parent of three
    case(
        "ff-plain-parent-permission-slip-wednesday",
        "add sign Leo's permission slip for the school trip, due wednesday",
        **CH_DST,
        calls=(C("add_task", due_date="2030-11-06"),),
        todos=({"title": Re(r"(?i)permission slip"), "due_date": "2030-11-06"},),
    ),
    case(
        "ff-plain-parent-swim-lesson-time",
        "Sam's swim lesson got moved to 5:15, can you change it",
        **CH_DST,
        seed=(
            T("Sam swimming lesson", due="2030-11-02", at="16:30"),
            T("Buy school shoes for Mia"),
        ),
        calls=(C("update_task", task_id=Id(0), due_time="17:15"),),
        todos=(
            {"title": "Sam swimming lesson", "due_date": "2030-11-02", "due_time": "17:15"},
            {"title": "Buy school shoes for Mia"},
        ),
    ),
    case(
        "ff-plain-parent-delete-bake-sale",
        "delete the bake sale thing, school cancelled it",
        **SY_DST,
        seed=(T("Bake cupcakes for the bake sale", due="2030-04-09"), T("Buy PE kit for Mia")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Buy PE kit for Mia"},),
    ),
    # Spanish speaker
    case(
        "ff-plain-spanish-call-sister-sunday",
        "I need to remember call to my sister Lucía on sunday, please add it",
        **SY_DST,
        calls=(C("add_task", due_date="2030-04-07"),),
        todos=(
            {
                "title": Re(
                    r"(?i)^call (to )?(my sister )?luc[ií]a$|^call (to )?my sister( luc[ií]a)?$"
                ),
                "due_date": "2030-04-07",
            },
        ),
    ),
    case(
        "ff-plain-spanish-dentist-done",
        "The task of the dentist, I already went yesterday. You can mark it like done",
        **CH_FEB,
        seed=(T("Dentist appointment", due="2030-02-27"), T("Buy bread")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Dentist appointment", "completed": True},
            {"title": "Buy bread", "completed": False},
        ),
    ),
    case(
        "ff-plain-spanish-rename-gas-bill",
        "Can you change the name of 'Pay gas' for 'Pay the gas bill'?",
        **LA_JUN,
        seed=(T("Pay gas"), T("Water the plants")),
        calls=(C("update_task", task_id=Id(0), title="Pay the gas bill"),),
        todos=({"title": "Pay the gas bill"}, {"title": "Water the plants"}),
    ),
    # phone with autocorrect
    case(
        "ff-plain-phone-rental-car-noon",
        "remain me to return the rental car tomorrows at noon",
        **LN_DST,
        calls=(C("add_task", due_date="2030-03-31", due_time="12:00"),),
        todos=(
            {
                "title": Re(r"(?i)^return (the )?rental car$"),
                "due_date": "2030-03-31",
                "due_time": "12:00",
            },
        ),
    ),
    case(
        "ff-plain-phone-parcel-thirsty",
        "Add pick up parcel from the post office on thirsty",
        **CH_DST,
        calls=(C("add_task", due_date="2030-11-07"),),
        todos=(
            {
                "title": Re(r"(?i)^pick up (the |a |my )?parcel( from the post office)?$"),
                "due_date": "2030-11-07",
            },
        ),
    ),
    case(
        "ff-plain-phone-plumber-done",
        "mark the plumber one as done he came this mourning",
        **KO_AUG,
        seed=(T("Call the plumber"), T("Renew gym membership")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Call the plumber", "completed": True},
            {"title": "Renew gym membership", "completed": False},
        ),
    ),
    # rambler
    case(
        "ff-plain-rambler-renew-passport",
        "ok so today was a LOT, the dog got into the bins again and I spent twenty minutes "
        "looking for my glasses which were on my head, classic, anyway can you add renew my "
        "passport because it runs out in the spring and I keep forgetting, and also I really "
        "need to start going to bed earlier, my sister keeps telling me that",
        **CH_FEB,
        calls=(C("add_task"),),
        todos=({"title": Re(r"(?i)^renew (my |the )?passport$")},),
    ),
    case(
        "ff-plain-rambler-bank-call-done",
        "I was going to do the food shop this morning but the queue at the butcher's was out "
        "the door so I came home and ended up on the phone instead, I did actually ring the bank "
        "about the card so you can tick that one off, then I got distracted by the neighbour's "
        "cat who has decided he lives here now, honestly",
        **LN_XMAS,
        seed=(T("Call the bank about the card"), T("Weed the veg patch")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Call the bank about the card", "completed": True},
            {"title": "Weed the veg patch", "completed": False},
        ),
    ),
    case(
        "ff-plain-rambler-delete-pottery",
        "right so the pottery class is off because the teacher moved to Newcastle or somewhere, "
        "which is a shame, I was getting good at bowls, so please delete the pottery sign-up "
        "task, anyway I'm thinking of trying climbing instead but my friend says it's expensive",
        **SY_OCT,
        seed=(T("Pottery class sign-up", due="2030-10-08"), T("Return library DVDs")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Return library DVDs"},),
    ),
]


DATES: list[Case] = [
    case(
        "ff-date-nurse-badge-next-tuesday",
        "add pick up my new ID badge from security next tuesday",
        **LN_JAN,
        calls=(C("add_task", due_date="2030-02-05"),),
        todos=(
            {
                "title": Re(r"(?i)^pick up (my |the )?new (id )?badge( from security)?$"),
                "due_date": "2030-02-05",
            },
        ),
    ),
    case(
        "ff-date-nurse-lunch-tonight",
        "back on nights tonight. add pack lunch for the shift at 6:15pm tonight",
        **LN_JAN,
        calls=(C("add_task", due_date="2030-01-31", due_time="18:15"),),
        todos=(
            {
                "title": Re(r"(?i)^pack (my |a )?lunch( for (the |my )?shift)?$"),
                "due_date": "2030-01-31",
                "due_time": "18:15",
            },
        ),
    ),
    case(
        "ff-date-farmer-worm-ewes-every-other-monday",
        "add worm the ewes every other monday",
        **CH_FEB,
        calls=(C("add_task", recurrence=Rule("FREQ=WEEKLY", "INTERVAL=2", "BYDAY=MO")),),
        todos=(
            {
                "title": Re(r"(?i)^worm (the )?ewes$"),
                "recurrence": Rule("FREQ=WEEKLY", "INTERVAL=2", "BYDAY=MO"),
            },
        ),
    ),
    case(
        "ff-date-rambler-mot-in-two-weeks",
        "honestly this week has been chaos, my sister is moving house and I said I'd help with "
        "boxes, why do I do this to myself, anyway the car's MOT is coming up so can you add "
        "book the MOT in two weeks, and I still haven't worked out what to cook tonight, maybe "
        "soup, soup is easy",
        **LN_JAN,
        calls=(C("add_task", due_date="2030-02-14"),),
        todos=({"title": Re(r"(?i)\bmot\b"), "due_date": "2030-02-14"},),
    ),
    case(
        "ff-date-eng-standup-every-weekday",
        "add standup notes every weekday 09:30",
        **LA_JUN,
        calls=(C("add_task", due_time="09:30", recurrence=WEEKDAYS),),
        todos=(
            {
                "title": Re(r"(?i)^(write |post |prep )?standup notes$"),
                "due_time": "09:30",
                "recurrence": WEEKDAYS,
            },
        ),
    ),
    case(
        "ff-date-eng-tls-cert-end-of-month",
        "add: renew tls cert, end of month",
        **KO_AUG,
        calls=(C("add_task", due_date="2030-08-31"),),
        todos=({"title": Re(r"(?i)^renew (the )?tls cert(ificate)?$"), "due_date": "2030-08-31"},),
    ),
    case(
        "ff-date-teacher-sister-day-after-tomorrow",
        "Would you be so kind as to add a reminder to telephone my sister the day after tomorrow, "
        "at half past 7 in the evening?",
        **LN_XMAS,
        calls=(C("add_task", due_date="2030-12-26", due_time="19:30"),),
        todos=(
            {
                "title": Re(r"(?i)^(telephone|call|phone|ring) (my )?sister$"),
                "due_date": "2030-12-26",
                "due_time": "19:30",
            },
        ),
    ),
    case(
        "ff-date-student-rent-first-of-month",
        "add send rent to jess on the 1st of every month 💸",
        **KO_AUG,
        calls=(C("add_task", due_date="2030-09-01", recurrence=Rule("FREQ=MONTHLY")),),
        todos=(
            {
                "title": Re(r"(?i)^(send |pay )?(the )?rent( to jess)?$"),
                "due_date": "2030-09-01",
                "recurrence": Rule("FREQ=MONTHLY"),
            },
        ),
    ),
    case(
        "ff-date-shop-bank-takings-noon",
        "add bank the takings tomorrow at noon",
        **BE_FEB,
        calls=(C("add_task", due_date="2031-03-01", due_time="12:00"),),
        todos=(
            {
                "title": Re(r"(?i)^bank (the )?takings$"),
                "due_date": "2031-03-01",
                "due_time": "12:00",
            },
        ),
    ),
    case(
        "ff-date-rambler-landlord-1900",
        "so the landlord finally texted back after like three weeks, unbelievable, and the "
        "radiator is still making that noise like a dying whale, add call the landlord at 19:00 "
        "today so I don't chicken out, ugh, also do plants need water in winter or not",
        **BE_FEB,
        calls=(C("add_task", due_date="2031-02-28", due_time="19:00"),),
        todos=(
            {
                "title": Re(r"(?i)^call (the )?landlord$"),
                "due_date": "2031-02-28",
                "due_time": "19:00",
            },
        ),
    ),
    case(
        "ff-date-parent-parents-evening-next-thursday",
        "add parents evening at 7:45pm next thursday",
        **CH_DST,
        calls=(C("add_task", due_date="2030-11-07", due_time="19:45"),),
        todos=(
            {
                "title": Re(r"(?i)^parents.? evening$"),
                "due_date": "2030-11-07",
                "due_time": "19:45",
            },
        ),
    ),
    case(
        "ff-date-spanish-garbage-every-tuesday",
        "Please put for me take out the garbage every tuesday",
        **SY_OCT,
        calls=(C("add_task", recurrence=Rule("FREQ=WEEKLY", "BYDAY=TU")),),
        todos=(
            {
                "title": Re(r"(?i)^take (out )?the (garbage|trash|rubbish|bins?)( out)?$"),
                "recurrence": Rule("FREQ=WEEKLY", "BYDAY=TU"),
            },
        ),
    ),
    case(
        "ff-date-spanish-lawyer-in-ten-days",
        "Put me the appointment with the lawyer in ten days, please",
        **SY_DST,
        calls=(C("add_task", due_date="2030-04-15"),),
        todos=({"title": Re(r"(?i)lawyer"), "due_date": "2030-04-15"},),
    ),
    case(
        "ff-date-phone-haircut-weds-4pm",
        "Add haircut on weds at 4pm",
        **LN_DST,
        calls=(C("add_task", due_date="2030-04-03", due_time="16:00"),),
        todos=({"title": Re(r"(?i)^haircut$"), "due_date": "2030-04-03", "due_time": "16:00"},),
    ),
    case(
        "ff-date-rambler-dentist-september-3rd",
        "I found a leaflet in my coat pocket from the dentist which reminded me I never booked "
        "the checkup they kept emailing about, so I called them and it's September 3rd at "
        "8:40am, can you put that in as dentist checkup, also the leaflet had a cartoon tooth "
        "on it which was frankly unsettling",
        **KO_AUG,
        calls=(C("add_task", due_date="2030-09-03", due_time="08:40"),),
        todos=(
            {
                "title": Re(r"(?i)^dentist( check.?up| appointment)?$"),
                "due_date": "2030-09-03",
                "due_time": "08:40",
            },
        ),
    ),
]


READS: list[Case] = [
    case(
        "ff-read-nurse-anything-overdue",
        "anything overdue? been on nights all week and lost track of everything",
        **LN_JAN,
        seed=(
            T("Return occupational health form", due="2030-01-28"),
            T("Book annual leave", due="2030-02-10"),
            T("Buy mum's birthday card", due="2030-01-30"),
        ),
        reply=r"(?is)^(?=.*occupational)(?=.*birthday card)",
    ),
    case(
        "ff-read-farmer-when-vet",
        "when's the vet coming out for the heifers?",
        **CH_FEB,
        seed=(
            T("Vet visit for the heifers", due="2030-03-05", at="08:00"),
            T("Order mineral licks"),
        ),
        reply=r"(?i)tue|mar(ch)?\.? 5\b|\b5(th)? mar|2030-03-05",
    ),
    case(
        "ff-read-eng-ls-today",
        "ls today",
        **LA_JUN,
        seed=(
            T("Ship release notes", due="2030-06-30"),
            T("Deploy hotfix", due="2030-07-01"),
            T("Clean up feature flags"),
        ),
        reply=r"(?i)release notes",
        not_reply=r"(?i)hotfix|feature flags",
    ),
    case(
        "ff-read-spanish-high-priority",
        "Which tasks I have with the high priority?",
        **CH_DST,
        seed=(
            T("Renew passport", priority="high"),
            T("Paint the balcony", priority="low"),
            T("Pay the electricity", priority="high"),
        ),
        reply=r"(?is)^(?=.*passport)(?=.*electricity)",
        not_reply=r"(?i)balcony",
    ),
    case(
        "ff-read-teacher-anything-saturday",
        "Good afternoon. Could you tell me whether I have anything planned for Saturday?",
        **LN_XMAS,
        seed=(
            T("Lunch with the Hendersons", due="2030-12-28", at="12:30"),
            T("Take down the decorations", due="2031-01-05"),
        ),
        reply=r"(?i)henderson",
        not_reply=r"(?i)decorations",
    ),
    case(
        "ff-read-student-stats-exam-when",
        "wait when is my stats exam again 😭",
        **SY_OCT,
        seed=(T("Stats exam", due="2030-10-14", at="09:00"), T("Buy printer ink")),
        reply=r"(?i)mon|oct(ober)?\.? 14|\b14(th)? oct|2030-10-14",
    ),
    case(
        "ff-read-shop-whats-on-today",
        "what's on today?",
        **BE_FEB,
        seed=(
            T("Pay the window cleaner", due="2031-02-28"),
            T("Reorder receipt rolls", due="2031-03-03"),
            T("Staff rota for March", due="2031-02-26"),
        ),
        reply=r"(?i)window cleaner",
        not_reply=r"(?i)receipt rolls",
    ),
    case(
        "ff-read-shop-count-suppliers",
        "how many jobs have I got tagged suppliers?",
        **KO_AUG,
        seed=(
            T("Pay the milk supplier", tags=("suppliers",)),
            T("Call the bread supplier", tags=("suppliers",)),
            T("Repaint the shop sign"),
        ),
        reply=r"(?i)\b(2|two)\b",
    ),
    case(
        "ff-read-parent-anything-saturday",
        "do I have anything on saturday? trying to work out if we can see my parents",
        **CH_DST,
        seed=(
            T("Leo football match", due="2030-11-02", at="10:00"),
            T("Mia birthday party drop-off", due="2030-11-02", at="14:00"),
            T("Dentist for Sam", due="2030-11-05"),
        ),
        reply=r"(?is)^(?=.*football)(?=.*party)",
        not_reply=r"(?i)dentist",
    ),
    case(
        "ff-read-spanish-tomorrow",
        "Which things I have for tomorrow?",
        **SY_DST,
        seed=(
            T("Take the car to the mechanic", due="2030-04-06", at="09:00"),
            T("Cook for the family dinner", due="2030-04-07"),
        ),
        reply=r"(?i)mechanic",
        not_reply=r"(?i)family dinner",
    ),
    case(
        "ff-read-phone-when-dentist",
        "whens my dentist appt? i fogot",
        **LN_DST,
        seed=(T("Dentist appointment", due="2030-04-02", at="15:40"), T("Pay the window cleaner")),
        reply=r"(?i)tue|apr(il)?\.? 2\b|\b2(nd)? apr|2030-04-02",
    ),
    case(
        "ff-read-rambler-anything-tomorrow",
        "I have this nagging feeling I promised someone something, you know when you wake up "
        "and your brain goes hmm, so is there anything I'm supposed to do tomorrow, and also I "
        "think I left the oven on last night but it's fine, it was fine",
        **LN_JAN,
        seed=(
            T("Return Dave's drill", due="2030-02-01"),
            T("Renew car insurance", due="2030-02-20"),
        ),
        reply=r"(?i)drill",
        not_reply=r"(?i)insurance",
    ),
]


CORRECTIONS: list[Case] = [
    case(
        "ff-corr-nurse-occ-health-half-past",
        ("add occupational health appointment thursday at 2pm", "no sorry, 2:30"),
        **SY_DST,
        calls=(C("update_task", task_id=New(0), due_time="14:30"),),
        todos=(
            {
                "title": Re(r"(?i)^occupational health( appointment| appt)?$"),
                "due_date": "2030-04-11",
                "due_time": "14:30",
            },
        ),
    ),
    case(
        "ff-corr-farmer-market-sunday",
        ("add take the lambs to market saturday", "wait no, market's on sunday this time"),
        **KO_AUG,
        calls=(C("update_task", task_id=New(0), due_date="2030-08-18"),),
        todos=(
            {
                "title": Re(r"(?i)^take (the )?lambs to (the )?market$"),
                "due_date": "2030-08-18",
            },
        ),
    ),
    case(
        "ff-corr-eng-tag-infra-not-backend",
        ("add migrate db to pg16 tag backend", "tag infra not backend"),
        **LA_JUN,
        calls=(C("update_task", task_id=New(0)),),
        todos=({"title": Re(r"(?i)^migrate (the )?db to pg16$"), "tags": ["infra"]},),
    ),
    case(
        "ff-corr-teacher-new-year-cards",
        (
            "Please add a task to post the Christmas cards to my former colleagues.",
            "Oh dear, I meant New Year cards, not Christmas cards. Would you correct that?",
        ),
        **LN_XMAS,
        calls=(C("update_task", task_id=New(0), title=Re(r"(?i)new year cards")),),
        todos=({"title": Re(r"(?i)^post (the )?new year cards( to my former colleagues)?$")},),
    ),
    case(
        "ff-corr-student-study-group-saturday",
        ("add study group friday at 4pm 📚", "omg no saturday*"),
        **CH_FEB,
        calls=(C("update_task", task_id=New(0), due_date="2030-03-02"),),
        todos=(
            {
                "title": Re(r"(?i)^study group$"),
                "due_date": "2030-03-02",
                "due_time": "16:00",
            },
        ),
    ),
    case(
        "ff-corr-shop-sixty-loaves",
        ("add order 40 loaves from the bakery for tomorrow", "make that 60 loaves"),
        **BE_FEB,
        calls=(C("update_task", task_id=New(0), title=Re(r"(?i)60 loaves")),),
        todos=(
            {
                "title": Re(r"(?i)^order 60 loaves( from the bakery)?$"),
                "due_date": "2031-03-01",
            },
        ),
    ),
    case(
        "ff-corr-parent-leo-not-mia",
        ("remind me to pick up Mia from school at 3:15 today", "ugh Leo not Mia"),
        **KO_AUG,
        calls=(C("update_task", task_id=New(0), title=Re(r"(?i)leo")),),
        todos=(
            {
                "title": Re(r"(?i)^pick up leo( from school)?$"),
                "due_date": "2030-08-15",
                "due_time": "15:15",
            },
        ),
    ),
    case(
        "ff-corr-spanish-accountant-twelve",
        ("Add meeting with the accountant the monday at 11", "sorry, is at 12, not at 11"),
        **BE_FEB,
        calls=(C("update_task", task_id=New(0), due_time="12:00"),),
        todos=(
            {
                "title": Re(r"(?i)^meeting with (the |my )?accountant$"),
                "due_date": "2031-03-03",
                "due_time": "12:00",
            },
        ),
    ),
]


FOLLOW_UPS: list[Case] = [
    case(
        "ff-follow-nurse-flu-jab-high",
        ("add book flu jab", "make it high priority"),
        **LN_JAN,
        calls=(C("update_task", task_id=New(0), priority="high"),),
        todos=({"title": Re(r"(?i)^book (a |my )?flu jab$"), "priority": "high"},),
    ),
    case(
        "ff-follow-farmer-tractor-push-friday",
        ("when's the tractor service?", "push it to friday"),
        **CH_DST,
        seed=(T("Tractor service", due="2030-11-05"), T("Buy baler twine")),
        calls=(C("update_task", task_id=Id(0), due_date="2030-11-08"),),
        todos=(
            {"title": "Tractor service", "due_date": "2030-11-08"},
            {"title": "Buy baler twine"},
        ),
        before=r"(?i)tue|nov(ember)?\.? 5\b|\b5(th)? nov|2030-11-05",
    ),
    case(
        "ff-follow-eng-overdue-done-first",
        ("list overdue", "done the first one"),
        **LA_JUN,
        seed=(
            T("Patch staging server", due="2030-06-25"),
            T("Reply to recruiter", due="2030-06-28"),
            T("Plan sprint", due="2030-07-02"),
        ),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Patch staging server", "completed": True},
            {"title": "Reply to recruiter", "completed": False},
            {"title": "Plan sprint", "completed": False},
        ),
        before=r"(?i)patch staging",
    ),
    case(
        "ff-follow-teacher-orchids-every-sunday",
        (
            "Please add a task to water the orchids.",
            "Thank you. Could you also make that repeat every Sunday?",
        ),
        **SY_DST,
        calls=(C("update_task", task_id=New(0), recurrence=Rule("FREQ=WEEKLY", "BYDAY=SU")),),
        todos=(
            {
                "title": Re(r"(?i)^water (the )?orchids$"),
                "recurrence": Rule("FREQ=WEEKLY", "BYDAY=SU"),
            },
        ),
    ),
    case(
        "ff-follow-shop-sign-maker-tomorrow-9",
        ("add call the sign maker about the new board", "tomorrow at 9 please"),
        **BE_FEB,
        calls=(C("update_task", task_id=New(0), due_date="2031-03-01", due_time="09:00"),),
        todos=(
            {
                "title": Re(r"(?i)^call (the )?sign maker( about the new board)?$"),
                "due_date": "2031-03-01",
                "due_time": "09:00",
            },
        ),
    ),
    case(
        "ff-follow-parent-move-dentist-tuesday",
        ("what's on for the kids tomorrow?", "ok move the dentist one to tuesday"),
        **CH_FEB,
        seed=(
            T("Sam dentist check-up", due="2030-03-01", at="15:30"),
            T("Leo library books back", due="2030-03-01"),
            T("Mia violin practice", due="2030-03-04"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2030-03-05"),),
        todos=(
            {"title": "Sam dentist check-up", "due_date": "2030-03-05", "due_time": "15:30"},
            {"title": "Leo library books back", "due_date": "2030-03-01"},
            {"title": "Mia violin practice", "due_date": "2030-03-04"},
        ),
    ),
    case(
        "ff-follow-phone-council-tax-monthly",
        ("add pay council tax", "and make it reoccur on the 1st of every month"),
        **LN_JAN,
        calls=(C("update_task", task_id=New(0), recurrence=Rule("FREQ=MONTHLY")),),
        todos=(
            {
                "title": Re(r"(?i)^pay (the )?council tax$"),
                "due_date": "2030-02-01",
                "recurrence": Rule("FREQ=MONTHLY"),
            },
        ),
    ),
    case(
        "ff-follow-rambler-garage-sunday",
        (
            "add clean out the garage",
            "oh and so my brother says he can lend me his van but only at the weekend, which "
            "honestly is so typical of him, so put it on sunday, and then I'll finally be able "
            "to park in there, imagine that",
        ),
        **LN_JAN,
        calls=(C("update_task", task_id=New(0), due_date="2030-02-03"),),
        todos=({"title": Re(r"(?i)^clean (out )?the garage( out)?$"), "due_date": "2030-02-03"},),
    ),
]


TYPOS: list[Case] = [
    case(
        "ff-typo-phone-email-landlord-tomorrows",
        "remain me to email the landlord tomorrows morning at 9",
        **KO_AUG,
        calls=(C("add_task", due_date="2030-08-16", due_time="09:00"),),
        todos=(
            {
                "title": Re(r"(?i)^email (the |my )?landlord$"),
                "due_date": "2030-08-16",
                "due_time": "09:00",
            },
        ),
    ),
    case(
        "ff-typo-phone-delight-yoga",
        "delight the yoga class task",
        **SY_OCT,
        seed=(T("Yoga class", due="2030-10-07", at="18:00"), T("Buy stamps")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Buy stamps"},),
    ),
    case(
        "ff-typo-phone-car-wash-dine",
        "Mark the car wash as dine",
        **CH_FEB,
        seed=(T("Car wash"), T("Return library card")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Car wash", "completed": True},
            {"title": "Return library card", "completed": False},
        ),
    ),
    case(
        "ff-typo-student-birthdya-present",
        "umm can u like add buy birthdya present for maya lol by saturday 🎁",
        **SY_DST,
        calls=(C("add_task", due_date="2030-04-06"),),
        todos=(
            {
                "title": Re(r"(?i)^buy (a )?(birthday|birthdya|bday) present for maya$"),
                "due_date": "2030-04-06",
            },
        ),
    ),
    case(
        "ff-typo-student-thhe-laundry",
        "yo mark thhe laundry thing done pls",
        **LN_DST,
        seed=(T("Do laundry"), T("Email my tutor")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Do laundry", "completed": True},
            {"title": "Email my tutor", "completed": False},
        ),
    ),
    case(
        "ff-typo-eng-compelte-checklist",
        "compelte deploy checklist",
        **CH_DST,
        seed=(T("Deploy checklist"), T("Rotate logs")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Deploy checklist", "completed": True},
            {"title": "Rotate logs", "completed": False},
        ),
    ),
    case(
        "ff-typo-rambler-smoke-alarm-tomorow",
        "ok um so basically, like, I keep forgetting this and then it beeps at 3am, um, add "
        "check the smoke alarm batteries tomorow, yeah, and er, that's it I think",
        **CH_FEB,
        calls=(C("add_task", due_date="2030-03-01"),),
        todos=(
            {
                "title": Re(r"(?i)^check (the )?smoke alarm( batteries)?$"),
                "due_date": "2030-03-01",
            },
        ),
    ),
    case(
        "ff-typo-spanish-plese-ad-bus-tickets",
        "plese ad buy the bus tickets for Madrid for the friday",
        **LN_JAN,
        calls=(C("add_task", due_date="2030-02-01"),),
        todos=({"title": Re(r"(?i)bus tickets"), "due_date": "2030-02-01"},),
    ),
]


UNKNOWN: list[Case] = [
    case(
        "ff-unknown-nurse-pharmacy-order-missing",
        "tick off the pharmacy order",
        **LA_JUN,
        seed=(T("Call the ward manager"), T("Renew parking permit", due="2030-07-08")),
        reply=NOT_FOUND,
    ),
    case(
        "ff-unknown-farmer-which-feed-order",
        "mark the feed order done",
        **LN_XMAS,
        seed=(
            T("Order cattle feed", due="2030-12-27"),
            T("Order chicken feed", due="2030-12-30"),
        ),
        reply=WHICH,
    ),
    case(
        "ff-unknown-teacher-piano-tuner-missing",
        "Would you kindly mark the task about the piano tuner as done? He came round yesterday "
        "afternoon.",
        **CH_DST,
        seed=(T("Buy birdseed"), T("Renew library card", due="2030-11-20")),
        reply=NOT_FOUND,
    ),
    case(
        "ff-unknown-teacher-which-dr-patel",
        "Would you please move my appointment with Dr Patel to Friday?",
        **LN_JAN,
        seed=(
            T("Dr Patel appointment - blood test", due="2030-02-04", at="09:10"),
            T("Dr Patel appointment - results", due="2030-02-18", at="11:00"),
        ),
        reply=WHICH,
    ),
    case(
        "ff-unknown-shop-alarm-company-missing",
        "delete the alarm company task, sorted it",
        **LN_JAN,
        seed=(T("Reorder till rolls"), T("Pay the card machine fee", due="2030-02-03")),
        reply=NOT_FOUND,
    ),
    case(
        "ff-unknown-parent-which-swimming",
        "move the swimming one to saturday",
        **SY_OCT,
        seed=(
            T("Mia swimming", due="2030-10-08", at="16:00"),
            T("Leo swimming", due="2030-10-09", at="16:30"),
        ),
        reply=WHICH,
    ),
    case(
        "ff-unknown-spanish-gym-missing",
        "The task of the gym, can you put it for tomorrow please?",
        **BE_FEB,
        seed=(T("Buy bread"), T("Call to Mamá")),
        reply=NOT_FOUND,
    ),
    case(
        "ff-unknown-student-which-essay",
        "mark the essay done 🙏",
        **KO_AUG,
        seed=(
            T("History essay draft", due="2030-08-19"),
            T("English essay final", due="2030-08-22"),
        ),
        reply=WHICH,
    ),
]


UNDO: list[Case] = [
    case(
        "ff-undo-rambler-kettle",
        (
            "add buy a new kettle",
            "ok so I was standing in the kitchen just now and realised my partner already bought "
            "one last week?? it's in the cupboard, still in the box, so undo that, sorry, my "
            "brain is somewhere else today, we also need to talk about the holiday but not now",
        ),
        **SY_DST,
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "ff-undo-eng-rm-prep-demo",
        ("rm prep demo", "undo"),
        **LA_JUN,
        seed=(T("Prep demo", due="2030-07-02"), T("Book retro room")),
        calls=(C("undo"),),
        todos=(
            {"title": "Prep demo", "due_date": "2030-07-02", "completed": False},
            {"title": "Book retro room"},
        ),
    ),
    case(
        "ff-undo-parent-pe-kit-scratch-that",
        ("mark the PE kit done", "scratch that, haven't actually bought it yet"),
        **CH_FEB,
        seed=(T("Buy PE kit for Leo"), T("Sign reading record")),
        calls=(C("undo"),),
        todos=(
            {"title": "Buy PE kit for Leo", "completed": False},
            {"title": "Sign reading record", "completed": False},
        ),
    ),
    case(
        "ff-undo-teacher-rename-garden-club",
        (
            "Please change the title of 'Garden club' to 'Garden club committee meeting'.",
            "I'm terribly sorry, that was a mistake on my part. Could you undo that, please?",
        ),
        **LN_XMAS,
        seed=(T("Garden club", due="2031-01-08"),),
        calls=(C("undo"),),
        todos=({"title": "Garden club", "due_date": "2031-01-08"},),
    ),
]


SMALL_TALK: list[Case] = [
    case(
        "ff-chat-farmer-better-than-notebook",
        "cheers, you're more use than my old notebook in the truck",
        **KO_AUG,
        seed=(T("Grease the combine"),),
    ),
    case(
        "ff-chat-shop-quiet-day",
        "quiet day in the shop, hardly anyone in. how's your day going?",
        **CH_DST,
        seed=(T("Put up the new price labels"),),
    ),
    case(
        "ff-chat-phone-life-saver",
        "thanks you!! your a life saver honestly",
        **SY_OCT,
        seed=(T("Pick up prescription", due="2030-10-05"),),
    ),
    case(
        "ff-chat-nurse-off-to-bed",
        "that's my last night shift done for the week. off to bed, night night",
        **LN_DST,
        seed=(T("Renew parking permit"),),
    ),
]


BULK: list[Case] = [
    case(
        "ff-bulk-farmer-sheep-jobs-done",
        ("mark all the sheep jobs as done", "yes"),
        **BE_FEB,
        seed=(
            T("Move the sheep to the top field", due="2031-02-26", tags=("sheep",)),
            T("Order sheep dip", due="2031-03-02", tags=("sheep",)),
            T("Grease the baler", due="2031-03-01"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Move the sheep to the top field", "completed": True},
            {"title": "Order sheep dip", "completed": True},
            {"title": "Grease the baler", "completed": False},
        ),
        before=ASKS,
    ),
    case(
        "ff-bulk-student-uni-high-priority",
        ("make all my uni stuff high priority 🔥", "yes pls"),
        **SY_DST,
        seed=(
            T("Stats problem set", due="2030-04-08", tags=("uni",)),
            T("Essay outline", due="2030-04-10", tags=("uni",)),
            T("Call grandma"),
        ),
        calls=(
            C("update_task", task_id=Id(0), priority="high"),
            C("update_task", task_id=Id(1), priority="high"),
        ),
        todos=(
            {"title": "Stats problem set", "priority": "high"},
            {"title": "Essay outline", "priority": "high"},
            {"title": "Call grandma", "priority": "none"},
        ),
        before=ASKS,
    ),
    case(
        "ff-bulk-parent-delete-halloween",
        ("halloween's over thank god, delete all the halloween tasks", "yes go ahead"),
        **CH_DST,
        seed=(
            T("Buy face paint for costumes", due="2030-10-30", tags=("halloween",)),
            T("Carve the pumpkins", due="2030-10-31", tags=("halloween",)),
            T("Book flu shots for the kids", due="2030-11-08"),
        ),
        calls=(
            C("delete_task", task_id=Id(0)),
            C("delete_task", task_id=Id(1)),
        ),
        todos=({"title": "Book flu shots for the kids"},),
        before=ASKS,
    ),
]


FRESH_F: list[Case] = (
    PLAIN + DATES + READS + CORRECTIONS + FOLLOW_UPS + TYPOS + UNKNOWN + UNDO + SMALL_TALK + BULK
)
