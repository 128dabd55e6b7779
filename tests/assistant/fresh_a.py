"""Fresh corpus A: 110 conversations written blind, to measure the assistant on new phrasings.

Written by a helper session from the twelve failure classes in its brief (corrections, multi-change
references, plural references, short follow-ups, filtered listings and positions, bulk acts,
typos and fillers, dates and times, small talk, undo, questions that must not write, names that
match nothing or two todos), without reading the engine, its docs or the earlier corpora. The
voices are a nurse on a phone between shifts, a retired teacher, a teenager and a freelance
designer juggling clients. Every weekday and expected date was computed with Python. Clocks
(local time in the case's timezone): Europe/Berlin 2026-12-28 09:15 Mon, 2027-03-26 18:40 Fri
(DST starts Sun 2027-03-28), 2027-06-09 13:05 Wed, 2027-09-15 21:30 Wed, 2027-11-18 16:20 Thu;
America/New_York 2026-12-30 20:10 Wed, 2027-03-12 11:45 Fri (DST starts Sun 2027-03-14),
2027-05-19 07:30 Wed, 2027-08-11 15:00 Wed, 2027-10-06 12:20 Wed; Asia/Tokyo 2027-01-13 08:05
Wed, 2027-04-22 22:15 Thu, 2027-07-22 12:40 Thu, 2027-10-02 10:00 Sat, 2027-12-27 19:30 Mon;
Pacific/Auckland 2026-12-10 17:45 Thu, 2027-04-02 09:30 Fri (DST ends Sun 2027-04-04),
2027-06-25 14:10 Fri, 2027-09-25 11:00 Sat (DST starts Sun 2027-09-26), 2027-12-29 10:25 Wed.
"""

from __future__ import annotations

from tests.assistant.spec import C, Case, Id, New, Re, Rule, T, case

BER = "Europe/Berlin"
NYC = "America/New_York"
TYO = "Asia/Tokyo"
AKL = "Pacific/Auckland"

NOT_FOUND = (
    r"(?i)couldn.t find|can.t find|could not find|cannot find|didn.t find|did not find"
    r"|no (todo|task|match|item)|don.t see|do not see|doesn.t match|not on your list"
    r"|nothing (called|named|matching|like|about)|no .{0,40}found|not found"
)
WHICH = r"(?i)which|\?"
OK_NO = r"(?i)\b(ok|okay|sure|alright|fine|no problem|won.t|haven.t|left|kept|keep|nothing)\b"
NO_CHANGE_CLAIM = r"(?i)\b(added|deleted|removed|moved|completed|marked)\b"

FRESH_A: list[Case] = [
    # ------------------------------------------------------------------------------------------
    # 1. Corrections right after an action
    # ------------------------------------------------------------------------------------------
    case(
        "fa-corr-nurse-pharmacy-6pm",
        ("pharmacy pickup tmrw 5pm", "no wait make that 6pm"),
        now="2026-12-28 09:15",
        tz=BER,
        calls=(C("update_task", task_id=New(0), due_time="18:00"),),
        todos=(
            {
                "title": Re(r"(?i)^(pharmacy pick-? ?up|pick ?up (at |from )?(the )?pharmacy)$"),
                "due_date": "2026-12-29",
                "due_time": "18:00",
            },
        ),
        reply=r"(?i)6(:00)? ?pm|18:00",
    ),
    case(
        "fa-corr-teacher-library-day-after",
        (
            "Could you kindly remind me to return the library books on Tuesday?",
            "Actually, the day after, if you would.",
        ),
        now="2027-03-12 11:45",
        tz=NYC,
        calls=(C("update_task", task_id=New(0), due_date="2027-03-17"),),
        todos=({"title": Re(r"(?i)^return (the )?library books$"), "due_date": "2027-03-17"},),
    ),
    case(
        "fa-corr-teen-bio-meant-friday",
        ("add bio project due thursday", "sorry i meant friday lol"),
        now="2027-01-13 08:05",
        tz=TYO,
        calls=(C("update_task", task_id=New(0), due_date="2027-01-15"),),
        todos=({"title": Re(r"(?i)^bio project$"), "due_date": "2027-01-15"},),
    ),
    case(
        "fa-corr-designer-not-tom-tim",
        ("remind me to call tom about the logo tomorrow #acme", "not tom, tim"),
        now="2026-12-10 17:45",
        tz=AKL,
        calls=(C("update_task", task_id=New(0), title=Re(r"(?i)^call tim( about the logo)?$")),),
        todos=(
            {
                "title": Re(r"(?i)^call tim( about the logo)?$"),
                "due_date": "2026-12-11",
                "tags": ["acme"],
            },
        ),
        reply=r"(?i)tim",
    ),
    case(
        "fa-corr-nurse-flu-shot-3pm",
        ("book flu shot fri 2pm", "no 3pm sry"),
        now="2027-05-19 07:30",
        tz=NYC,
        calls=(C("update_task", task_id=New(0), due_time="15:00"),),
        todos=(
            {
                "title": Re(r"(?i)^book (a )?flu shot$"),
                "due_date": "2027-05-21",
                "due_time": "15:00",
            },
        ),
    ),
    case(
        "fa-corr-teacher-newsletter-high-not-low",
        (
            "Please add 'Prepare the garden club newsletter' for Monday, low priority.",
            "I'm sorry, I meant high priority, not low.",
        ),
        now="2027-06-09 13:05",
        tz=BER,
        calls=(C("update_task", task_id=New(0), priority="high"),),
        todos=(
            {
                "title": "Prepare the garden club newsletter",
                "due_date": "2027-06-14",
                "priority": "high",
            },
        ),
    ),
    case(
        "fa-corr-teen-wrong-one-done",
        ("finished math hw", "wait no i meant clean my room lol math isnt done"),
        now="2027-10-06 12:20",
        tz=NYC,
        seed=(T("Math homework", due="2027-10-06"), T("Clean my room", due="2027-10-07")),
        calls=(
            C("uncomplete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Math homework", "completed": False},
            {"title": "Clean my room", "completed": True},
        ),
    ),
    case(
        "fa-corr-designer-invoice-the-30th",
        ("add send invoice #bloom p2 due monday", "actually make it the 30th"),
        now="2027-04-22 22:15",
        tz=TYO,
        calls=(C("update_task", task_id=New(0), due_date="2027-04-30"),),
        todos=(
            {
                "title": Re(r"(?i)^send (the )?invoice( to bloom)?$"),
                "due_date": "2027-04-30",
                "priority": "medium",
                "tags": ["bloom"],
            },
        ),
    ),
    case(
        "fa-corr-nurse-registration-july-3",
        ("renew nursing registration by the 30th", "oops i mean july 3"),
        now="2027-06-25 14:10",
        tz=AKL,
        calls=(C("update_task", task_id=New(0), due_date="2027-07-03"),),
        todos=({"title": Re(r"(?i)^renew (my )?nursing registration$"), "due_date": "2027-07-03"},),
    ),
    case(
        "fa-corr-teacher-sister-morning",
        (
            "Would you be so kind as to remind me to ring my sister on Sunday at 7?",
            "Oh dear, I meant seven in the morning.",
        ),
        now="2027-11-18 16:20",
        tz=BER,
        calls=(C("update_task", task_id=New(0), due_time="07:00"),),
        todos=(
            {
                "title": Re(r"(?i)^(ring|call) my sister$"),
                "due_date": "2027-11-21",
                "due_time": "07:00",
            },
        ),
    ),
    # ------------------------------------------------------------------------------------------
    # 2. Changes by reference to an existing todo, several in one message
    # ------------------------------------------------------------------------------------------
    case(
        "fa-multi-teen-gym-high-health",
        "pls make the gym thing high priority n tag it health",
        now="2026-12-30 20:10",
        tz=NYC,
        seed=(T("Gym"), T("Text grandma back")),
        calls=(C("update_task", task_id=Id(0), priority="high"),),
        todos=(
            {"title": "Gym", "priority": "high", "tags": ["health"]},
            {"title": "Text grandma back", "priority": "none", "tags": []},
        ),
    ),
    case(
        "fa-multi-designer-moodboard-monday-10-p1",
        "push the moodboard to monday 10am and make it p1",
        now="2027-07-22 12:40",
        tz=TYO,
        seed=(
            T("Moodboard for Lumen", due="2027-07-23", tags=("lumen",)),
            T("Update portfolio site"),
        ),
        calls=(
            C(
                "update_task",
                task_id=Id(0),
                due_date="2027-07-26",
                due_time="10:00",
                priority="high",
            ),
        ),
        todos=(
            {
                "title": "Moodboard for Lumen",
                "due_date": "2027-07-26",
                "due_time": "10:00",
                "priority": "high",
                "tags": ["lumen"],
            },
            {"title": "Update portfolio site", "due_date": None},
        ),
    ),
    case(
        "fa-multi-nurse-socks-urgent-sunday",
        "socks thing make it urgent and due sun",
        now="2027-04-02 09:30",
        tz=AKL,
        seed=(
            T("Order compression socks", priority="low"),
            T("Swap shift with Priya", due="2027-04-06"),
        ),
        calls=(C("update_task", task_id=Id(0), priority="high", due_date="2027-04-04"),),
    ),
    case(
        "fa-multi-teacher-council-rename-wednesday",
        "Could you kindly rename the council letter to 'Write to the council about the bench' "
        "and set it for Wednesday?",
        now="2027-03-26 18:40",
        tz=BER,
        seed=(
            T("Write to the council about the bus stop"),
            T("Bake a cake for Margaret", due="2027-03-27"),
        ),
        calls=(
            C(
                "update_task",
                task_id=Id(0),
                title="Write to the council about the bench",
                due_date="2027-03-31",
            ),
        ),
        todos=(
            {"title": "Write to the council about the bench", "due_date": "2027-03-31"},
            {"title": "Bake a cake for Margaret", "due_date": "2027-03-27"},
        ),
    ),
    case(
        "fa-multi-teen-chem-wed-high",
        "chem report is due wed now not tue, and its high prio",
        now="2027-10-02 10:00",
        tz=TYO,
        seed=(
            T("Skate with Ren", due="2027-10-03", at="15:00"),
            T("Chem lab report", due="2027-10-05", priority="medium"),
        ),
        calls=(C("update_task", task_id=Id(1), due_date="2027-10-06", priority="high"),),
    ),
    case(
        "fa-multi-designer-banner-swap-tag-high",
        "banner ads: swap #kettle for #kettleco, bump to high",
        now="2027-08-11 15:00",
        tz=NYC,
        seed=(
            T("Banner ads for Kettle", due="2027-08-13", tags=("kettle",), priority="medium"),
            T("Send W-9 to Orbit", tags=("orbit",)),
        ),
        calls=(C("update_task", task_id=Id(0), priority="high"),),
        todos=(
            {"title": "Banner ads for Kettle", "priority": "high", "tags": ["kettleco"]},
            {"title": "Send W-9 to Orbit", "tags": ["orbit"]},
        ),
    ),
    case(
        "fa-multi-nurse-pharmacy-fri-830-meds",
        "pharmacy call move to fri 830 and add tag meds",
        now="2027-09-15 21:30",
        tz=BER,
        seed=(T("Call pharmacy re refill", due="2027-09-16", at="09:00"), T("Buy milk")),
        calls=(C("update_task", task_id=Id(0), due_date="2027-09-17", due_time="08:30"),),
        todos=(
            {
                "title": "Call pharmacy re refill",
                "due_date": "2027-09-17",
                "due_time": "08:30",
                "tags": ["meds"],
            },
            {"title": "Buy milk"},
        ),
    ),
    case(
        "fa-multi-teacher-passport-high-first-monday",
        "Would you please make the passport renewal a high priority and have it due on the "
        "first Monday of next month?",
        now="2027-09-25 11:00",
        tz=AKL,
        seed=(
            T("Renew my passport", priority="low"),
            T("Lunch with the Hendersons", due="2027-09-29", at="12:30"),
        ),
        calls=(C("update_task", task_id=Id(0), priority="high", due_date="2027-10-04"),),
        todos=(
            {"title": "Renew my passport", "priority": "high", "due_date": "2027-10-04"},
            {"title": "Lunch with the Hendersons", "due_date": "2027-09-29", "due_time": "12:30"},
        ),
    ),
    case(
        "fa-multi-designer-invoice-today-p1-billing",
        "invoice zeno -> today, p1, and add #billing",
        now="2027-03-12 11:45",
        tz=NYC,
        seed=(
            T("Invoice Zeno for February", tags=("zeno",)),
            T("Pitch deck for Acme", due="2027-03-18", tags=("acme",)),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2027-03-12", priority="high"),),
        todos=(
            {
                "title": "Invoice Zeno for February",
                "due_date": "2027-03-12",
                "priority": "high",
                "tags": ["zeno", "billing"],
            },
            {"title": "Pitch deck for Acme", "due_date": "2027-03-18", "tags": ["acme"]},
        ),
    ),
    case(
        "fa-multi-teen-hoodie-5th-next-month-low",
        ("add return hoodie to zara", "make that one due the 5th of next month n low prio"),
        now="2026-12-28 09:15",
        tz=BER,
        calls=(C("update_task", task_id=New(0), due_date="2027-01-05", priority="low"),),
        todos=(
            {
                "title": Re(r"(?i)^return (the |my )?hoodie( to zara)?$"),
                "due_date": "2027-01-05",
                "priority": "low",
            },
        ),
    ),
    # ------------------------------------------------------------------------------------------
    # 3. Plural references after a listing or after adding several
    # ------------------------------------------------------------------------------------------
    case(
        "fa-plural-nurse-got-milk-and-eggs",
        ("add milk, eggs and bread", "got milk and eggs"),
        now="2027-05-19 07:30",
        tz=NYC,
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
        "fa-plural-teacher-tick-first-two",
        (
            "What do I have coming up this week?",
            "Thank you. Could you please tick off the first two?",
        ),
        now="2027-01-13 08:05",
        tz=TYO,
        seed=(
            T("Post the birthday card to Alice", due="2027-01-14"),
            T("Collect the dry cleaning", due="2027-01-15"),
            T("Telephone the plumber", due="2027-01-16"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Post the birthday card to Alice", "completed": True},
            {"title": "Collect the dry cleaning", "completed": True},
            {"title": "Telephone the plumber", "completed": False},
        ),
    ),
    case(
        "fa-plural-teen-both-next-week-new-year",
        ("add study for physics and study for history", "move both to next week"),
        now="2027-12-29 10:25",
        tz=AKL,
        calls=(
            C("update_task", task_id=New(0), due_date=Re(r"^2028-01-0[3-9]$")),
            C("update_task", task_id=New(1), due_date=Re(r"^2028-01-0[3-9]$")),
        ),
        todos=(
            {"title": Re(r"(?i)^study for physics$"), "due_date": Re(r"^2028-01-0[3-9]$")},
            {"title": Re(r"(?i)^study for history$"), "due_date": Re(r"^2028-01-0[3-9]$")},
        ),
    ),
    case(
        "fa-plural-designer-pixelfarm-both-monday",
        ("what's on for #pixelfarm", "push both to monday"),
        now="2027-06-09 13:05",
        tz=BER,
        seed=(
            T("Wireframes for Pixelfarm", tags=("pixelfarm",), due="2027-06-10"),
            T("Brand guide for Pixelfarm", tags=("pixelfarm",), due="2027-06-11"),
            T("Quote for Norrland", tags=("norrland",), due="2027-06-12"),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2027-06-14"),
            C("update_task", task_id=Id(1), due_date="2027-06-14"),
        ),
        todos=(
            {"title": "Wireframes for Pixelfarm", "due_date": "2027-06-14"},
            {"title": "Brand guide for Pixelfarm", "due_date": "2027-06-14"},
            {"title": "Quote for Norrland", "due_date": "2027-06-12"},
        ),
    ),
    case(
        "fa-plural-nurse-scrubs-n-parking-done",
        ("whats this week", "scrubs n parking done"),
        now="2027-12-27 19:30",
        tz=TYO,
        seed=(
            T("Return scrubs", due="2027-12-28"),
            T("Pay parking fine", due="2027-12-29"),
            T("Call mum", due="2027-12-30"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
    ),
    case(
        "fa-plural-teacher-both-sunday-instead",
        (
            "Could you add two things for Saturday, please: buy birdseed and repot the fern.",
            "Actually, would you mind making both of them Sunday instead?",
        ),
        now="2027-08-11 15:00",
        tz=NYC,
        calls=(
            C("update_task", task_id=New(0), due_date="2027-08-15"),
            C("update_task", task_id=New(1), due_date="2027-08-15"),
        ),
        todos=(
            {"title": Re(r"(?i)^buy (some )?birdseed$"), "due_date": "2027-08-15"},
            {"title": Re(r"(?i)^repot the fern$"), "due_date": "2027-08-15"},
        ),
    ),
    case(
        "fa-plural-teen-last-two-done",
        ("what do i have due", "the last two r done"),
        now="2027-11-18 16:20",
        tz=BER,
        seed=(
            T("Eng essay draft", due="2027-11-19"),
            T("Spanish vocab quiz", due="2027-11-22"),
            T("Return library book", due="2027-11-24"),
        ),
        calls=(
            C("complete_task", task_id=Id(1)),
            C("complete_task", task_id=Id(2)),
        ),
    ),
    case(
        "fa-plural-designer-tag-both-q1",
        ("add: export icons #tidal p1, send proofs #tidal p1", "both of those also get #q1"),
        now="2026-12-10 17:45",
        tz=AKL,
        calls=(
            C("update_task", task_id=New(0)),
            C("update_task", task_id=New(1)),
        ),
        todos=(
            {
                "title": Re(r"(?i)^export (the )?icons$"),
                "tags": ["tidal", "q1"],
                "priority": "high",
            },
            {"title": Re(r"(?i)^send (the )?proofs$"), "tags": ["tidal", "q1"], "priority": "high"},
        ),
    ),
    case(
        "fa-plural-nurse-del-1-and-3",
        ("show list", "del 1 and 3"),
        now="2027-10-06 12:20",
        tz=NYC,
        seed=(T("Flu shot clinic signup"), T("Drop off uniform"), T("Book oil change")),
        calls=(
            C("delete_task", task_id=Id(0)),
            C("delete_task", task_id=Id(2)),
        ),
        todos=({"title": "Drop off uniform"},),
    ),
    # ------------------------------------------------------------------------------------------
    # 4. Short follow-ups
    # ------------------------------------------------------------------------------------------
    case(
        "fa-follow-nurse-oh-and-stamps",
        ("add envelopes", "oh and stamps"),
        now="2027-04-02 09:30",
        tz=AKL,
        calls=(C("add_task", title=Re(r"(?i)^(buy |get )?stamps$")),),
        todos=(
            {"title": Re(r"(?i)^(buy |get )?envelopes$")},
            {"title": Re(r"(?i)^(buy |get )?stamps$")},
        ),
    ),
    case(
        "fa-follow-teacher-and-tomorrow",
        ("Is there anything on my list for today?", "And tomorrow?"),
        now="2027-04-22 22:15",
        tz=TYO,
        seed=(
            T("Water the orchids", due="2027-04-22"),
            T("Choir practice", due="2027-04-23", at="18:30"),
            T("Pay the gas bill", due="2027-04-24"),
        ),
        reply=r"(?i)choir practice",
        not_reply=r"(?i)gas bill|orchids",
    ),
    case(
        "fa-follow-teen-and-my-headphones",
        ("remind me to charge my camera tmrw", "and my headphones"),
        now="2026-12-30 20:10",
        tz=NYC,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^charge (my )?headphones$"),
                due_date="2026-12-31",
            ),
        ),
        todos=(
            {"title": Re(r"(?i)^charge (my )?camera$"), "due_date": "2026-12-31"},
            {"title": Re(r"(?i)^charge (my )?headphones$"), "due_date": "2026-12-31"},
        ),
    ),
    case(
        "fa-follow-designer-what-about-halden",
        ("show #vireo", "what about #halden"),
        now="2027-03-26 18:40",
        tz=BER,
        seed=(
            T("Kickoff call", tags=("vireo",), due="2027-03-29"),
            T("Sketches", tags=("vireo",), due="2027-03-30"),
            T("Retainer invoice", tags=("halden",), due="2027-03-31"),
            T("Color study", tags=("halden",), due="2027-04-01"),
        ),
        reply=r"(?is)(?=.*retainer invoice)(?=.*color study)",
        not_reply=r"(?i)kickoff|sketches",
    ),
    case(
        "fa-follow-nurse-mon-after-fri",
        ("anything fri", "mon?"),
        now="2027-07-22 12:40",
        tz=TYO,
        seed=(
            T("Staff meeting", due="2027-07-23", at="07:30"),
            T("Pick up kid from camp", due="2027-07-26", at="16:00"),
        ),
        reply=r"(?i)pick up kid",
        not_reply=r"(?i)staff meeting",
    ),
    case(
        "fa-follow-teacher-another-for-sunday",
        (
            "Could you add 'Buy a present for Lucy' for Saturday, please?",
            "And another one for Sunday: call Lucy to wish her well.",
        ),
        now="2027-06-25 14:10",
        tz=AKL,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^call lucy( to wish her well)?$"),
                due_date="2027-06-27",
            ),
        ),
        todos=(
            {"title": "Buy a present for Lucy", "due_date": "2027-06-26"},
            {"title": Re(r"(?i)^call lucy( to wish her well)?$"), "due_date": "2027-06-27"},
        ),
    ),
    case(
        "fa-follow-teen-also-band-practice-dst-sunday",
        ("add finish lab writeup", "also band practice sun 3"),
        now="2027-03-12 11:45",
        tz=NYC,
        calls=(C("add_task", title="Band practice", due_date="2027-03-14", due_time="15:00"),),
        todos=(
            {"title": Re(r"(?i)^finish (the |my )?lab write-? ?up$"), "due_date": None},
            {"title": "Band practice", "due_date": "2027-03-14", "due_time": "15:00"},
        ),
    ),
    case(
        "fa-follow-designer-overdue-then-friday",
        ("what's overdue", "ok and friday?"),
        now="2027-09-15 21:30",
        tz=BER,
        seed=(
            T("Proof poster", tags=("brio",), due="2027-09-14"),
            T("Send files to printer", tags=("brio",), due="2027-09-13"),
            T("Call with Aster", tags=("aster",), due="2027-09-17"),
        ),
        reply=r"(?i)call with aster",
        not_reply=r"(?i)poster|printer",
    ),
    case(
        "fa-follow-nurse-n-car-insurance",
        ("add pay phone bill fri", "n car insurance"),
        now="2026-12-28 09:15",
        tz=BER,
        calls=(C("add_task", title=Re(r"(?i)^(pay )?(the )?car insurance( bill)?$")),),
    ),
    # ------------------------------------------------------------------------------------------
    # 5. Filtered listings and positions in them
    # ------------------------------------------------------------------------------------------
    case(
        "fa-filter-designer-work-2nd-done",
        ("pull up everything #work", "2nd one is done"),
        now="2027-05-19 07:30",
        tz=NYC,
        seed=(
            T("Homepage mockup", tags=("work",), due="2027-05-20"),
            T("Dentist", due="2027-05-21"),
            T("Client call prep", tags=("work",), due="2027-05-24"),
            T("Buy plant food"),
        ),
        calls=(C("complete_task", task_id=Id(2)),),
        todos=(
            {"title": "Homepage mockup", "completed": False},
            {"title": "Dentist", "completed": False},
            {"title": "Client call prep", "completed": True},
            {"title": "Buy plant food", "completed": False},
        ),
        before=r"(?is)(?=.*homepage mockup)(?=.*client call prep)",
    ),
    case(
        "fa-filter-nurse-overdue-first-done",
        ("whats overdue", "first one done"),
        now="2027-10-02 10:00",
        tz=TYO,
        seed=(
            T("Laundry", due="2027-10-01"),
            T("Return library dvd", due="2027-09-30"),
            T("Meal prep", due="2027-10-03"),
        ),
        calls=(C("complete_task", task_id=Id(1)),),
    ),
    case(
        "fa-filter-teacher-due-thursday",
        "Could you tell me what is due on Thursday, please?",
        now="2027-09-25 11:00",
        tz=AKL,
        seed=(
            T("Book club meeting", due="2027-09-30", at="14:00"),
            T("Take the car for its warrant", due="2027-09-28"),
            T("Order new reading glasses"),
        ),
        reply=r"(?i)book club",
        not_reply=r"(?i)warrant|glasses",
    ),
    case(
        "fa-filter-teen-high-prio-2nd-done",
        ("wats high prio rn", "k the 2nd one is done"),
        now="2027-06-09 13:05",
        tz=BER,
        seed=(
            T("Geo test", due="2027-06-10", priority="high"),
            T("Return hoodie", due="2027-06-11"),
            T("Art portfolio", due="2027-06-14", priority="high"),
            T("Call grandma", priority="low"),
        ),
        calls=(C("complete_task", task_id=Id(2)),),
    ),
    case(
        "fa-filter-designer-admin-this-year",
        "anything #admin due this year?",
        now="2027-12-29 10:25",
        tz=AKL,
        seed=(
            T("Year-end invoices", tags=("admin",), due="2027-12-30"),
            T("Logo for Kiwi Cafe", tags=("kiwicafe",), due="2027-12-31"),
            T("Tax receipts", tags=("admin",), due="2028-01-04"),
        ),
        reply=r"(?i)year-end invoices",
        not_reply=r"(?i)tax receipts|kiwi",
    ),
    case(
        "fa-filter-nurse-thursday-done-w-that",
        ("anything due thurs", "done w that"),
        now="2027-08-11 15:00",
        tz=NYC,
        seed=(
            T("Sign timesheet", due="2027-08-12"),
            T("Buy birthday card", due="2027-08-13"),
            T("Schedule mammogram", due="2027-08-16"),
        ),
        calls=(C("complete_task", task_id=Id(0)),),
        before=r"(?i)sign timesheet",
    ),
    case(
        "fa-filter-teacher-church-second-to-26th",
        (
            "Would you kindly show me everything tagged church?",
            "Please move the second one to Friday the 26th.",
        ),
        now="2027-11-18 16:20",
        tz=BER,
        seed=(
            T("Choose hymns for Sunday", tags=("church",), due="2027-11-20"),
            T("Mend the fence", tags=("garden",), due="2027-11-19"),
            T("Arrange the flower rota", tags=("church",), due="2027-11-23"),
        ),
        calls=(C("update_task", task_id=Id(2), due_date="2027-11-26"),),
        todos=(
            {"title": "Choose hymns for Sunday", "due_date": "2027-11-20"},
            {"title": "Mend the fence", "due_date": "2027-11-19"},
            {"title": "Arrange the flower rota", "due_date": "2027-11-26"},
        ),
    ),
    case(
        "fa-filter-teen-overdue-delete-first",
        ("wat did i miss lol whats overdue", "delete the first one i already gave it back"),
        now="2027-12-27 19:30",
        tz=TYO,
        seed=(
            T("Buy nye snacks", due="2027-12-31"),
            T("Return game to Kai", due="2027-12-24"),
            T("Clean room", due="2027-12-26"),
            T("Dentist", due="2028-01-05"),
        ),
        calls=(C("delete_task", task_id=Id(1)),),
    ),
    case(
        "fa-filter-designer-p1-for-halo",
        "p1 stuff for #halo?",
        now="2027-10-06 12:20",
        tz=NYC,
        seed=(
            T("Revise Halo deck", tags=("halo",), priority="high", due="2027-10-07"),
            T("Halo invoice", tags=("halo",), priority="low", due="2027-10-08"),
            T("Sketch mascot", tags=("pip",), priority="high", due="2027-10-09"),
        ),
        reply=r"(?i)revise halo deck",
        not_reply=r"(?i)halo invoice|mascot",
    ),
    # ------------------------------------------------------------------------------------------
    # 6. Bulk acts chosen by a filter: list and ask first, write on "yes"
    # ------------------------------------------------------------------------------------------
    case(
        "fa-bulk-designer-delete-clientx-asks",
        "delete everything tagged #clientx",
        now="2027-01-13 08:05",
        tz=TYO,
        seed=(
            T("Draft contract", tags=("clientx",)),
            T("Kickoff notes", tags=("clientx",)),
            T("Renew domain"),
        ),
        reply=r"(?is)(?=.*draft contract)(?=.*kickoff notes)(?=.*(\?|yes|confirm|sure))",
    ),
    case(
        "fa-bulk-designer-clear-clientx-yes",
        ("clear out all the #clientx todos", "yes"),
        now="2026-12-10 17:45",
        tz=AKL,
        seed=(
            T("Old mockups", tags=("clientx",)),
            T("Archive emails", tags=("clientx",)),
            T("Renew domain"),
        ),
        calls=(
            C("delete_task", task_id=Id(0)),
            C("delete_task", task_id=Id(1)),
        ),
        todos=({"title": "Renew domain"},),
    ),
    case(
        "fa-bulk-nurse-overdue-to-tmrw-asks",
        "move evrything overdue to tmrw",
        now="2026-12-30 20:10",
        tz=NYC,
        seed=(
            T("Pay water bill", due="2026-12-27"),
            T("Return scrubs", due="2026-12-29"),
            T("Pick up meds", due="2027-01-02"),
        ),
        reply=r"(?is)(?=.*pay water bill)(?=.*return scrubs)(?=.*(\?|yes|confirm|sure))",
        not_reply=r"(?i)pick up meds",
        todos=(
            {"title": "Pay water bill", "due_date": "2026-12-27"},
            {"title": "Return scrubs", "due_date": "2026-12-29"},
            {"title": "Pick up meds", "due_date": "2027-01-02"},
        ),
    ),
    case(
        "fa-bulk-nurse-overdue-to-sun-yep",
        ("push all overdue to sun", "yep"),
        now="2027-03-26 18:40",
        tz=BER,
        seed=(
            T("Ironing", due="2027-03-24"),
            T("Call landlord", due="2027-03-25"),
            T("Gym", due="2027-03-29"),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2027-03-28"),
            C("update_task", task_id=Id(1), due_date="2027-03-28"),
        ),
        todos=(
            {"title": "Ironing", "due_date": "2027-03-28"},
            {"title": "Call landlord", "due_date": "2027-03-28"},
            {"title": "Gym", "due_date": "2027-03-29"},
        ),
    ),
    case(
        "fa-bulk-teacher-crafts-done-asks",
        "Could you kindly mark everything tagged crafts as done?",
        now="2027-06-09 13:05",
        tz=BER,
        seed=(
            T("Knit scarf for Ada", tags=("crafts",)),
            T("Buy yarn", tags=("crafts",)),
            T("Doctor's appointment", due="2027-06-11"),
        ),
        reply=r"(?is)(?=.*knit scarf)(?=.*buy yarn)(?=.*(\?|yes|confirm|sure))",
    ),
    case(
        "fa-bulk-teacher-spring-complete-yes",
        (
            "Would you please mark all of my tasks tagged spring as complete?",
            "Yes, please go ahead.",
        ),
        now="2027-07-22 12:40",
        tz=TYO,
        seed=(
            T("Dust the bookshelves", tags=("spring",)),
            T("Wash the curtains", tags=("spring",)),
            T("Visit Aunt Clara", due="2027-07-25"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Dust the bookshelves", "completed": True},
            {"title": "Wash the curtains", "completed": True},
            {"title": "Visit Aunt Clara", "completed": False},
        ),
    ),
    case(
        "fa-bulk-teen-school-high-asks",
        "make all my #school stuff high prio",
        now="2027-06-25 14:10",
        tz=AKL,
        seed=(
            T("Study chem", tags=("school",), priority="low"),
            T("Finish essay", tags=("school",), priority="medium"),
            T("Concert tix", priority="high"),
        ),
        reply=r"(?is)(?=.*study chem)(?=.*finish essay)(?=.*(\?|yes|confirm|sure))",
        not_reply=r"(?i)concert",
    ),
    case(
        "fa-bulk-teen-delete-chores-ya",
        ("delete all the #chores ones", "ya do it"),
        now="2027-08-11 15:00",
        tz=NYC,
        seed=(
            T("Dishes", tags=("chores",), due="2027-08-10"),
            T("Vacuum", tags=("chores",), due="2027-08-12"),
            T("Movie w Sam", due="2027-08-13"),
        ),
        calls=(
            C("delete_task", task_id=Id(0)),
            C("delete_task", task_id=Id(1)),
        ),
        todos=({"title": "Movie w Sam"},),
    ),
    case(
        "fa-bulk-designer-orca-friday-no",
        ("move all #orca stuff to friday", "no, leave them"),
        now="2027-09-25 11:00",
        tz=AKL,
        seed=(
            T("Send final files", tags=("orca",), due="2027-09-27"),
            T("Invoice Orca", tags=("orca",), due="2027-09-28"),
            T("Update Behance"),
        ),
        reply=OK_NO,
        todos=(
            {"title": "Send final files", "due_date": "2027-09-27"},
            {"title": "Invoice Orca", "due_date": "2027-09-28"},
            {"title": "Update Behance", "due_date": None},
        ),
    ),
    # ------------------------------------------------------------------------------------------
    # 7. Typos and filler words in commands
    # ------------------------------------------------------------------------------------------
    case(
        "fa-typo-nurse-remidn-scripts",
        "remidn me to pick up scripts tmrw 8am",
        now="2027-12-29 10:25",
        tz=AKL,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^pick ?up (the |my )?scripts$"),
                due_date="2027-12-30",
                due_time="08:00",
            ),
        ),
        todos=(
            {
                "title": Re(r"(?i)^pick ?up (the |my )?scripts$"),
                "due_date": "2027-12-30",
                "due_time": "08:00",
            },
        ),
    ),
    case(
        "fa-typo-teen-cancle-dentist-thingy",
        "pls cancle the dentist thingy",
        now="2027-04-22 22:15",
        tz=TYO,
        seed=(
            T("Dentist appt", due="2027-04-27", at="15:30"),
            T("Drama club rehearsal", due="2027-04-23"),
        ),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Drama club rehearsal"},),
        reply=r"(?i)dentist",
    ),
    case(
        "fa-typo-nurse-laundry-finaly-done",
        "laundry finaly done ugh",
        now="2027-09-15 21:30",
        tz=BER,
        seed=(T("Do laundry"), T("Buy detergent"), T("Call Sara")),
        calls=(C("complete_task", task_id=Id(0)),),
    ),
    case(
        "fa-typo-designer-hgih-wendesday",
        "ad a taks: finalise brochure for #marlow, hgih priority, due wendesday",
        now="2027-03-12 11:45",
        tz=NYC,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^finali[sz]e (the )?brochure( for marlow)?$"),
                tags=["marlow"],
                priority="high",
                due_date="2027-03-17",
            ),
        ),
    ),
    case(
        "fa-typo-teen-umm-move-bio-next-tues",
        "umm so like can u move bio hw to next tues thx",
        now="2027-04-02 09:30",
        tz=AKL,
        seed=(
            T("Bio homework", due="2027-04-05"),
            T("Buy bday gift for Mia", due="2027-04-03"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2027-04-06"),),
    ),
    case(
        "fa-typo-teacher-wordy-casserole-done",
        "I wonder if you could possibly, when you have a moment, mark the casserole dish one "
        "as completed? Many thanks.",
        now="2027-05-19 07:30",
        tz=NYC,
        seed=(
            T("Return the casserole dish to Joan"),
            T("Prune the roses", due="2027-05-22"),
        ),
        calls=(C("complete_task", task_id=Id(0)),),
    ),
    case(
        "fa-typo-nurse-rmind-bloodwork-mon-7am",
        "rmind me fasting bloodwork mon 7am",
        now="2027-10-02 10:00",
        tz=TYO,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^(fasting )?bloodwork( \(?fasting\)?)?$"),
                due_date="2027-10-04",
                due_time="07:00",
            ),
        ),
    ),
    case(
        "fa-typo-designer-deelte-nordlys",
        "deelte the nordlys banner one pls, client cancelled",
        now="2026-12-28 09:15",
        tz=BER,
        seed=(
            T("Deliver Nordlys banner", tags=("nordlys",), due="2026-12-30"),
            T("Year review post"),
        ),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Year review post"},),
    ),
    case(
        "fa-typo-teen-filler-buy-jeans-sat",
        "yo add like smth for saturday idk... oh yeah buy jeans lol",
        now="2027-10-06 12:20",
        tz=NYC,
        calls=(C("add_task", title=Re(r"(?i)^buy (new )?jeans$"), due_date="2027-10-09"),),
        todos=({"title": Re(r"(?i)^buy (new )?jeans$"), "due_date": "2027-10-09"},),
    ),
    # ------------------------------------------------------------------------------------------
    # 8. Dates and times
    # ------------------------------------------------------------------------------------------
    case(
        "fa-date-teacher-in-3-days",
        "Please remind me to send the New Year cards in 3 days.",
        now="2027-12-27 19:30",
        tz=TYO,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^send (the |my )?new year cards$"),
                due_date="2027-12-30",
            ),
        ),
        todos=({"title": Re(r"(?i)^send (the |my )?new year cards$"), "due_date": "2027-12-30"},),
    ),
    case(
        "fa-date-designer-the-15th-p2",
        "invoice #fernco on the 15th p2",
        now="2027-06-25 14:10",
        tz=AKL,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^(send )?invoice( (to )?fernco)?$"),
                due_date="2027-07-15",
                priority="medium",
                tags=["fernco"],
            ),
        ),
    ),
    case(
        "fa-date-nurse-end-of-month-dst",
        "mandatory training end of the month",
        now="2027-03-26 18:40",
        tz=BER,
        calls=(C("add_task", title=Re(r"(?i)^(do )?mandatory training$"), due_date="2027-03-31"),),
        todos=({"title": Re(r"(?i)^(do )?mandatory training$"), "due_date": "2027-03-31"},),
    ),
    case(
        "fa-date-teen-quarter-past-4-new-years-eve",
        "remind me to call jake tmrw at quarter past 4",
        now="2026-12-30 20:10",
        tz=NYC,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^call jake$"),
                due_date="2026-12-31",
                due_time="16:15",
            ),
        ),
        reply=r"(?i)4:15|16:15",
    ),
    case(
        "fa-date-teacher-noon-saturday",
        "Could you add lunch with Dorothy at noon on Saturday, please?",
        now="2027-11-18 16:20",
        tz=BER,
        calls=(
            C(
                "add_task",
                title="Lunch with Dorothy",
                due_date="2027-11-20",
                due_time="12:00",
            ),
        ),
        todos=({"title": "Lunch with Dorothy", "due_date": "2027-11-20", "due_time": "12:00"},),
    ),
    case(
        "fa-date-designer-weekdays-930-standup",
        "standup with #cobalt weekdays at 9:30am",
        now="2027-08-11 15:00",
        tz=NYC,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^(daily )?stand-? ?up( with cobalt)?$"),
                due_time="09:30",
                tags=["cobalt"],
                recurrence=Re(r"BYDAY=MO,TU,WE,TH,FR"),
            ),
        ),
    ),
    case(
        "fa-date-nurse-1830-fri",
        "team huddle 1830 fri",
        now="2027-01-13 08:05",
        tz=TYO,
        calls=(
            C("add_task", title=Re(r"(?i)^team huddle$"), due_date="2027-01-15", due_time="18:30"),
        ),
        todos=({"title": Re(r"(?i)^team huddle$"), "due_date": "2027-01-15", "due_time": "18:30"},),
    ),
    case(
        "fa-date-teen-every-other-week-from-dst-sunday",
        "pls remind me every other week to clean my fish tank starting sunday",
        now="2027-09-25 11:00",
        tz=AKL,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^clean (my |the )?fish ?tank$"),
                due_date="2027-09-26",
                recurrence=Rule("FREQ=WEEKLY", "INTERVAL=2"),
            ),
        ),
        todos=(
            {
                "title": Re(r"(?i)^clean (my |the )?fish ?tank$"),
                "due_date": "2027-09-26",
                "recurrence": Rule("FREQ=WEEKLY", "INTERVAL=2", "BYDAY=SU"),
            },
        ),
    ),
    case(
        "fa-date-teacher-last-friday-monthly",
        "Would you kindly set up a reminder to pay the church tithe on the last Friday of "
        "each month?",
        now="2027-03-12 11:45",
        tz=NYC,
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^pay the church tithe$"),
                due_date="2027-03-26",
                recurrence=Re(r"^(?=.*FREQ=MONTHLY)(?=.*(BYDAY=-1FR|BYSETPOS=-1)).*$"),
            ),
        ),
    ),
    # ------------------------------------------------------------------------------------------
    # 9. Small talk, alone or after an action: no writes
    # ------------------------------------------------------------------------------------------
    case(
        "fa-chat-nurse-thx-after-add",
        ("add buy coffee", "thx"),
        now="2026-12-10 17:45",
        tz=AKL,
        todos=({"title": Re(r"(?i)^buy coffee$")},),
        reply=r"\w",
        not_reply=r"(?i)\b(deleted|removed|moved)\b",
    ),
    case(
        "fa-chat-teacher-what-can-you-do",
        "Good evening! Could you tell me what you are able to do?",
        now="2027-04-22 22:15",
        tz=TYO,
        seed=(T("Water the orchids", due="2027-04-23"),),
        reply=r"(?i)add|remind|todo|task",
    ),
    case(
        "fa-chat-teen-lifesaver",
        ("add skate w leo sat", "ur a lifesaver fr"),
        now="2027-09-15 21:30",
        tz=BER,
        todos=({"title": Re(r"(?i)^skate w(/|ith)? leo$"), "due_date": "2027-09-18"},),
        reply=r"\w",
    ),
    case(
        "fa-chat-designer-thats-all-today",
        "ok that's everything for today, ttyl",
        now="2027-10-02 10:00",
        tz=TYO,
        seed=(T("Send revised quote", tags=("wren",), due="2027-10-04"), T("Backup drive")),
        reply=r"\w",
        not_reply=NO_CHANGE_CLAIM,
    ),
    case(
        "fa-chat-teacher-hello-there",
        "Hello there.",
        now="2027-12-27 19:30",
        tz=TYO,
        reply=r"\w",
    ),
    case(
        "fa-chat-teacher-lovely-thank-you",
        ("Please mark the vet call as done.", "Lovely, thank you so much. You are very helpful."),
        now="2027-04-02 09:30",
        tz=AKL,
        seed=(T("Ring the vet", due="2027-04-05"), T("Buy lavender seeds")),
        reply=r"\w",
        not_reply=r"(?i)\b(deleted|removed|moved)\b",
    ),
    case(
        "fa-chat-teen-lol-ok-cool",
        ("whats due tmrw", "lol ok cool"),
        now="2026-12-30 20:10",
        tz=NYC,
        seed=(T("Return jacket", due="2026-12-31"),),
        todos=({"title": "Return jacket", "completed": False, "due_date": "2026-12-31"},),
    ),
    case(
        "fa-chat-designer-can-you-do-recurring",
        "quick q - can you do recurring stuff? like things that repeat",
        now="2027-06-09 13:05",
        tz=BER,
        seed=(T("Invoice Pax", tags=("pax",)),),
        reply=r"(?i)yes|can|repeat|recurr|every",
    ),
    case(
        "fa-chat-nurse-thats-all-for-today",
        ("add call dr office", "ok thats all for today"),
        now="2027-12-29 10:25",
        tz=AKL,
        todos=({"title": Re(r"(?i)^call (the )?(dr|doctor'?s?) office$")},),
    ),
    # ------------------------------------------------------------------------------------------
    # 10. Undo after an add, a delete, a change to several todos
    # ------------------------------------------------------------------------------------------
    case(
        "fa-undo-teen-after-add",
        ("add get haircut sat", "undo"),
        now="2027-07-22 12:40",
        tz=TYO,
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "fa-undo-nurse-scratch-that-after-delete",
        ("delete cpr cert", "scratch that"),
        now="2027-11-18 16:20",
        tz=BER,
        seed=(T("Renew cpr cert", due="2027-11-30"), T("Buy lunch stuff")),
        calls=(C("undo"),),
        todos=(
            {"title": "Renew cpr cert", "due_date": "2027-11-30"},
            {"title": "Buy lunch stuff"},
        ),
    ),
    case(
        "fa-undo-designer-put-them-back-after-move",
        ("show #gemma", "move both to monday", "oops put them back"),
        now="2027-08-11 15:00",
        tz=NYC,
        seed=(
            T("Mockup A", tags=("gemma",), due="2027-08-12"),
            T("Mockup B", tags=("gemma",), due="2027-08-13"),
            T("Pay rent", due="2027-08-31"),
        ),
        calls=(C("undo"),),
        todos=(
            {"title": "Mockup A", "due_date": "2027-08-12"},
            {"title": "Mockup B", "due_date": "2027-08-13"},
            {"title": "Pay rent", "due_date": "2027-08-31"},
        ),
    ),
    case(
        "fa-undo-teacher-three-added",
        (
            "Please add three things: buy stamps, write to Edith, and water the tomatoes.",
            "Oh, I'm afraid I didn't mean to do that. Could you undo it?",
        ),
        now="2027-06-25 14:10",
        tz=AKL,
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "fa-undo-teen-after-complete",
        ("done w pick up sis", "wait no undo that shes still at practice lol"),
        now="2027-10-06 12:20",
        tz=NYC,
        seed=(T("Pick up sis from practice", due="2027-10-06", at="17:00"),),
        calls=(C("undo"),),
        todos=({"title": "Pick up sis from practice", "completed": False},),
    ),
    case(
        "fa-undo-designer-after-multi-change",
        ("make export assets p1 and tag it #urgent", "undo pls"),
        now="2027-10-02 10:00",
        tz=TYO,
        seed=(T("Export assets", tags=("lumen",), priority="low"),),
        calls=(C("undo"),),
        todos=({"title": "Export assets", "priority": "low", "tags": ["lumen"]},),
    ),
    case(
        "fa-undo-nurse-put-them-back-after-bulk-delete",
        ("delete all #ward5", "yes", "oops put them back"),
        now="2027-09-25 11:00",
        tz=AKL,
        seed=(
            T("Old shift notes", tags=("ward5",)),
            T("Ward 5 handover", tags=("ward5",)),
            T("Buy shoes"),
        ),
        calls=(C("undo"),),
        todos=(
            {"title": "Old shift notes", "tags": ["ward5"]},
            {"title": "Ward 5 handover", "tags": ["ward5"]},
            {"title": "Buy shoes"},
        ),
    ),
    case(
        "fa-undo-teacher-scratch-that-after-add",
        (
            "Kindly remind me to take down the Christmas tree on the 6th of January.",
            "Scratch that, please.",
        ),
        now="2026-12-28 09:15",
        tz=BER,
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "fa-undo-teen-nvm-after-move",
        ("move math worksheet to fri", "nvm undo"),
        now="2027-01-13 08:05",
        tz=TYO,
        seed=(T("Math worksheet", due="2027-01-14"),),
        calls=(C("undo"),),
        todos=({"title": "Math worksheet", "due_date": "2027-01-14"},),
    ),
    # ------------------------------------------------------------------------------------------
    # 11. Questions that must not write
    # ------------------------------------------------------------------------------------------
    case(
        "fa-ask-nurse-when-dentist",
        "when is the dentist",
        now="2027-03-12 11:45",
        tz=NYC,
        seed=(T("Dentist", due="2027-03-17", at="14:00"), T("Oil change")),
        reply=r"(?i)wed|17",
    ),
    case(
        "fa-ask-teacher-did-i-add-milk",
        "Did I already add milk to my list?",
        now="2027-12-29 10:25",
        tz=AKL,
        seed=(T("Buy milk"), T("Collect prescription", due="2027-12-30")),
        reply=r"(?i)buy milk",
    ),
    case(
        "fa-ask-teen-anything-tmrw",
        "do i have anything tmrw",
        now="2027-03-26 18:40",
        tz=BER,
        seed=(T("Math quiz", due="2027-03-29"), T("Movie night", due="2027-03-27", at="20:00")),
        reply=r"(?i)movie night",
        not_reply=r"(?i)math quiz",
    ),
    case(
        "fa-ask-designer-priority-of-audit",
        "what's the priority on the brand audit?",
        now="2027-04-22 22:15",
        tz=TYO,
        seed=(
            T("Brand audit", tags=("solis",), due="2027-04-26", priority="high"),
            T("Invoice Solis", tags=("solis",), due="2027-04-30"),
        ),
        reply=r"(?i)high",
    ),
    case(
        "fa-ask-nurse-what-time-shift-sat",
        "what time is my night shift sat",
        now="2026-12-10 17:45",
        tz=AKL,
        seed=(T("Night shift", due="2026-12-12", at="19:00"), T("Buy snacks for shift")),
        reply=r"(?i)7(:00)? ?pm|19:00",
    ),
    case(
        "fa-ask-teacher-anything-overdue",
        "Have I anything overdue, dear?",
        now="2027-07-22 12:40",
        tz=TYO,
        seed=(
            T("Recorder lesson for Ben", due="2027-07-23", at="16:00"),
            T("Return the hedge trimmer", due="2027-07-21"),
        ),
        reply=r"(?i)hedge trimmer",
        not_reply=r"(?i)recorder",
    ),
    case(
        "fa-ask-teen-did-i-do-yuki-gift",
        "did i do the yuki gift already?",
        now="2027-12-27 19:30",
        tz=TYO,
        seed=(T("NYE party", due="2027-12-31", at="21:00"), T("Buy gift for Yuki", done=True)),
        reply=r"(?i)\b(yes|yep|yeah|done|completed|finished|checked|ticked)\b",
    ),
    case(
        "fa-ask-designer-how-many-norra",
        "how many #norra things are still open?",
        now="2027-09-15 21:30",
        tz=BER,
        seed=(
            T("Pitch to Norra", tags=("norra",), due="2027-09-20"),
            T("Fix kerning", tags=("norra",)),
            T("Renew Adobe", due="2027-09-30"),
        ),
        reply=r"(?i)\b(2|two)\b",
    ),
    case(
        "fa-ask-nurse-did-that-save",
        ("add flu shot fri", "did that save?"),
        now="2027-10-06 12:20",
        tz=NYC,
        reply=r"(?i)flu shot",
        todos=({"title": Re(r"(?i)^(get |book )?(a |my )?flu shot$"), "due_date": "2027-10-08"},),
    ),
    # ------------------------------------------------------------------------------------------
    # 12. A name that matches nothing, or two todos
    # ------------------------------------------------------------------------------------------
    case(
        "fa-name-teacher-dentist-not-there",
        "Could you please mark the dentist appointment as done?",
        now="2027-07-22 12:40",
        tz=TYO,
        seed=(T("Pay the electricity bill", due="2027-07-28"), T("Visit the library")),
        reply=NOT_FOUND,
    ),
    case(
        "fa-name-teacher-two-dr-patel",
        "Would you mark my telephone call to Dr Patel as done, please?",
        now="2027-10-02 10:00",
        tz=TYO,
        seed=(T("Call Dr Patel re results"), T("Call Dr Patel office re bill")),
        reply=WHICH,
    ),
    case(
        "fa-name-teen-two-max",
        "delete the max one",
        now="2027-04-02 09:30",
        tz=AKL,
        seed=(T("Skate park w Max"), T("Return Max's charger")),
        reply=WHICH,
    ),
    case(
        "fa-name-designer-two-logo-revisions",
        "mark logo revisions done",
        now="2027-11-18 16:20",
        tz=BER,
        seed=(
            T("Logo revisions", tags=("acme",), due="2027-11-22"),
            T("Logo revisions", tags=("zeno",), due="2027-11-24"),
        ),
        reply=WHICH,
    ),
    case(
        "fa-name-teacher-piano-not-there",
        "Please move my piano lesson to Friday.",
        now="2026-12-30 20:10",
        tz=NYC,
        seed=(T("Write thank-you notes"), T("Book the hairdresser", due="2027-01-05")),
        reply=NOT_FOUND,
    ),
    case(
        "fa-name-nurse-cancel-yoga-not-there",
        ("whats on today", "cancel yoga"),
        now="2027-01-13 08:05",
        tz=TYO,
        seed=(T("Drop off donation bag", due="2027-01-13"), T("Night shift", due="2027-01-13")),
        reply=NOT_FOUND,
    ),
    case(
        "fa-name-teen-two-jess",
        "move the jess one to sunday",
        now="2027-06-09 13:05",
        tz=BER,
        seed=(T("Text Jess about Saturday"), T("Text Jess happy bday", due="2027-06-12")),
        reply=WHICH,
    ),
    case(
        "fa-name-designer-pixelpop-not-there",
        "bump the #pixelpop invoice to high",
        now="2027-09-25 11:00",
        tz=AKL,
        seed=(T("Invoice Marlow", tags=("marlow",)),),
        reply=NOT_FOUND,
    ),
    case(
        "fa-name-teacher-two-frank-visits",
        (
            "Would you add 'Telephone Mrs Okafor' for Monday, please?",
            "Thank you. Now please mark the visit to Frank as done.",
        ),
        now="2027-06-25 14:10",
        tz=AKL,
        seed=(
            T("Visit Frank in hospital", due="2027-06-28"),
            T("Visit Frank at home", due="2027-06-30"),
        ),
        reply=WHICH,
    ),
]
