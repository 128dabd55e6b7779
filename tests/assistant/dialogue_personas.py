"""Dialogue corpus, third set: written from personas, without reading the engine.

Seven people type the way they really would: a busy parent on a phone (``parent``), a university
student (``student``), a non-native English speaker (``esl``), an older, very polite person
(``polite``), a terse software developer (``dev``), a small business owner (``biz``) and someone
planning a trip across timezones (``trip``). Every case gives its own ``now`` and ``tz``.

Clocks used (weekday of ``now``):
Europe/Berlin: Wed 2026-12-02, Sat 2027-02-06, Fri 2027-06-25, Sun 2026-09-13, Mon 2027-08-09.
America/New_York: Thu 2027-01-14, Mon 2027-03-08, Sun 2026-11-29, Thu 2027-04-01, Sun 2027-01-10.
Asia/Tokyo: Mon 2027-03-08, Thu 2027-01-14, Fri 2027-06-25, Fri 2026-10-16, Thu 2027-04-01.
Pacific/Auckland: Fri 2026-10-16, Thu 2027-05-20, Sat 2027-07-03, Thu 2027-06-03, Wed 2026-12-02.
"""

from __future__ import annotations

from tests.assistant.spec import ABSENT, C, Case, Id, New, Re, Rule, T, case

BER = "Europe/Berlin"
NYC = "America/New_York"
TYO = "Asia/Tokyo"
AKL = "Pacific/Auckland"

# The reply to a name that matches nothing says so (wording free).
NOT_FOUND = (
    r"couldn.t find|could not find|can.t find|cannot find|no todo|not find|don.t see|"
    r"no match|doesn.t match|isn.t on|not on your list|nothing (called|named|matching|like|about)"
)
# A reply that claims a change was made.
CLAIMS_CHANGE = r"\b(deleted|removed|completed|marked|moved|updated)\b"
ASKS = r"\?"

DIALOGUE_PERSONAS: list[Case] = [
    # ----------------------------------------------------------------------------------------
    # (1) A busy parent typing one-handed on a phone.
    # ----------------------------------------------------------------------------------------
    case(
        "dlg3-parent-milk-n-bread-tmrw",
        "buy milk n bread tmrw",
        tz=BER,
        now="2026-12-02 07:40",
        calls=(C("add_task", title=Re(r"(?i)^buy milk (n|and) bread$"), due_date="2026-12-03"),),
    ),
    case(
        "dlg3-parent-pickup-kids-at-3",
        "pick up the kids at 3",
        tz=NYC,
        now="2027-01-14 11:20",
        calls=(C("add_task", title="pick up the kids", due_date="2027-01-14", due_time="15:00"),),
    ),
    case(
        "dlg3-parent-permission-slip-thurs",
        ("sign permission slip fri", "no thurs sorry"),
        tz=TYO,
        now="2027-03-08 21:10",
        calls=(C("update_task", task_id=New(0), due_date="2027-03-11"),),
        todos=({"title": "sign permission slip", "due_date": "2027-03-11"},),
    ),
    case(
        "dlg3-parent-pediatrician-oops-undo",
        ("call the pediatrician tmrw morning", "oops undo"),
        tz=AKL,
        now="2026-10-16 12:05",
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "dlg3-parent-swim-bag-done",
        ("what do i still need to do", "swim bag done"),
        tz=BER,
        now="2027-02-06 09:30",
        seed=(T("Pack swim bag"), T("Buy birthday present for Leo")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Pack swim bag", "completed": True},
            {"title": "Buy birthday present for Leo", "completed": False},
        ),
    ),
    case(
        "dlg3-parent-soccer-which-snacks",
        ("soccer done", "the snacks one"),
        tz=NYC,
        now="2026-11-29 22:10",
        seed=(
            T("Soccer practice", due="2026-12-01", at="17:00"),
            T("Soccer snacks rota", due="2026-12-05"),
        ),
        before=ASKS,
        calls=(C("complete_task", task_id=Id(1)),),
        todos=(
            {"title": "Soccer practice", "completed": False},
            {"title": "Soccer snacks rota", "completed": True},
        ),
    ),
    case(
        "dlg3-parent-piano-not-found",
        ("whats on today", "delete piano lesson"),
        tz=TYO,
        now="2027-01-14 08:00",
        seed=(T("Buy diapers", due="2027-01-14"), T("Call school nurse")),
        reply=r"piano|" + NOT_FOUND,
        not_reply=CLAIMS_CHANGE,
        todos=(
            {"title": "Buy diapers", "completed": False},
            {"title": "Call school nurse", "completed": False},
        ),
    ),
    case(
        "dlg3-parent-nappies-then-ty",
        ("buy nappies n wipes", "ty!!"),
        tz=AKL,
        now="2027-05-20 17:45",
        todos=({"title": Re(r"(?i)^buy nappies (n|and) wipes$"), "completed": False},),
    ),
    case(
        "dlg3-parent-today-both-done",
        ("whats due today", "both done"),
        tz=BER,
        now="2026-12-02 19:30",
        seed=(
            T("Return library books", due="2026-12-02"),
            T("Buy bday card for gran", due="2026-12-02"),
            T("Book flu shots", due="2026-12-10"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Return library books", "completed": True},
            {"title": "Buy bday card for gran", "completed": True},
            {"title": "Book flu shots", "completed": False},
        ),
    ),
    case(
        "dlg3-parent-ballet-later-same-day",
        ("whats on tmrw", "move ballet to 5:30pm"),
        tz=NYC,
        now="2027-04-01 13:00",
        seed=(
            T("Pick up Ella from ballet", due="2027-04-02", at="16:00"),
            T("Buy snacks for the car"),
        ),
        calls=(C("update_task", task_id=Id(0), due_time="17:30"),),
        todos=(
            {"title": "Pick up Ella from ballet", "due_date": "2027-04-02", "due_time": "17:30"},
            {"title": "Buy snacks for the car", "due_date": None},
        ),
    ),
    case(
        "dlg3-parent-laundry-tonight",
        "do laundry tonight!!",
        tz=AKL,
        now="2027-05-20 17:45",
        calls=(C("add_task", title="do laundry", due_date="2027-05-20", due_time="20:00"),),
    ),
    case(
        "dlg3-parent-bins-every-tues-night",
        "put the bins out every tues night",
        tz=BER,
        now="2027-02-06 09:30",
        calls=(
            C(
                "add_task",
                title="put the bins out",
                recurrence=Rule("FREQ=WEEKLY", "BYDAY=TU"),
                due_date="2027-02-09",
                due_time="20:00",
            ),
        ),
    ),
    case(
        "dlg3-parent-lunch-money-asap",
        "call school about lunch money asap",
        tz=NYC,
        now="2027-01-14 11:20",
        calls=(C("add_task", title="call school about lunch money", priority="high"),),
    ),
    case(
        "dlg3-parent-swim-class-on-list",
        "is swim class on my list",
        tz=TYO,
        now="2027-06-25 07:30",
        seed=(T("Sign up for swim class", due="2027-06-30"), T("Buy school shoes")),
        reply=r"swim",
        todos=(
            {"title": "Sign up for swim class", "completed": False},
            {"title": "Buy school shoes", "completed": False},
        ),
    ),
    case(
        "dlg3-parent-tag-them-baby",
        ("buy diapers; buy wipes", "tag them #baby"),
        tz=AKL,
        now="2026-10-16 12:05",
        calls=(
            C("update_task", task_id=New(0)),
            C("update_task", task_id=New(1)),
        ),
        todos=(
            {"title": "buy diapers", "tags": ["baby"]},
            {"title": "buy wipes", "tags": ["baby"]},
        ),
    ),
    case(
        "dlg3-parent-dentist-11-not-10",
        ("take mia to dentist thurs 10am", "wait 11am not 10"),
        tz=TYO,
        now="2027-04-01 08:00",
        calls=(C("update_task", task_id=New(0), due_time="11:00"),),
        todos=({"title": "take mia to dentist", "due_date": "2027-04-01", "due_time": "11:00"},),
    ),
    case(
        "dlg3-parent-costume-nvm-delete",
        ("make costume for school play fri", "nvm delete it"),
        tz=BER,
        now="2026-09-13 19:05",
        calls=(C("delete_task", task_id=New(0)),),
        todos=(),
    ),
    case(
        "dlg3-parent-groceries-all-yes",
        ("mark all my #groceries done", "yes"),
        tz=NYC,
        now="2027-03-08 18:45",
        seed=(
            T("Buy juice boxes", tags=("groceries",)),
            T("Buy apples", tags=("groceries",)),
            T("Call plumber"),
        ),
        before=ASKS,
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Buy juice boxes", "completed": True},
            {"title": "Buy apples", "completed": True},
            {"title": "Call plumber", "completed": False},
        ),
    ),
    case(
        "dlg3-parent-school-delete-nope",
        ("delete all the #school ones", "nope"),
        tz=TYO,
        now="2026-10-16 23:15",
        seed=(
            T("Label school uniforms", tags=("school",)),
            T("Pay for school trip", tags=("school",)),
            T("Fix the bike"),
        ),
        before=ASKS,
        not_reply=r"\bdeleted\b",
        todos=(
            {"title": "Label school uniforms", "completed": False},
            {"title": "Pay for school trip", "completed": False},
            {"title": "Fix the bike", "completed": False},
        ),
    ),
    case(
        "dlg3-parent-rename-facetime-grandma",
        "rename call mum to facetime grandma",
        tz=AKL,
        now="2027-07-03 10:00",
        seed=(T("Call mum"), T("Book swimming lessons")),
        calls=(C("update_task", task_id=Id(0), title="facetime grandma"),),
        todos=(
            {"title": "facetime grandma", "completed": False},
            {"title": "Book swimming lessons", "completed": False},
        ),
    ),
    case(
        "dlg3-parent-car-next-wk",
        ("whats on today", "push clean out the car to next wk"),
        tz=BER,
        now="2026-12-02 07:40",
        seed=(
            T("Clean out the car", due="2026-12-02"),
            T("Order school photos", due="2026-12-02"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2026-12-07"),),
        todos=(
            {"title": "Clean out the car", "due_date": "2026-12-07"},
            {"title": "Order school photos", "due_date": "2026-12-02"},
        ),
    ),
    case(
        "dlg3-parent-hey-diapers-5pm",
        ("hey", "remind me grab diapers on the way home 5pm"),
        tz=NYC,
        now="2026-11-29 22:10",
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^grab diapers on the way home$"),
                due_date="2026-11-30",
                due_time="17:00",
            ),
        ),
        todos=(
            {
                "title": Re(r"(?i)^grab diapers on the way home$"),
                "due_date": "2026-11-30",
                "due_time": "17:00",
            },
        ),
    ),
    # ----------------------------------------------------------------------------------------
    # (2) A university student.
    # ----------------------------------------------------------------------------------------
    case(
        "dlg3-student-essay-fri-lol",
        "add history essay due fri lol",
        tz=NYC,
        now="2027-01-14 11:20",
        calls=(C("add_task", title=Re(r"(?i)^history essay$"), due_date="2027-01-15"),),
    ),
    case(
        "dlg3-student-lab-report-p1",
        "todo lab report p1 due thurs 11:59pm",
        tz=BER,
        now="2027-08-09 12:10",
        calls=(
            C(
                "add_task",
                title="lab report",
                priority="high",
                due_date="2027-08-12",
                due_time="23:59",
            ),
        ),
    ),
    case(
        "dlg3-student-email-prof-make-it-tonight",
        ("remind me to email prof about extension tmrw", "ngl make it tonight"),
        tz=AKL,
        now="2027-05-20 17:45",
        calls=(C("update_task", task_id=New(0), due_date="2027-05-20", due_time="20:00"),),
        todos=(
            {
                "title": "email prof about extension",
                "due_date": "2027-05-20",
                "due_time": "20:00",
            },
        ),
    ),
    case(
        "dlg3-student-lowkey-saving-gpa",
        ("mark finish stats homework done", "lol this app is lowkey saving my gpa"),
        tz=BER,
        now="2027-06-25 16:20",
        seed=(T("Finish stats homework"), T("Book library room")),
        not_reply=r"\b(added|created)\b",
        todos=(
            {"title": "Finish stats homework", "completed": True},
            {"title": "Book library room", "completed": False},
        ),
    ),
    case(
        "dlg3-student-calc-set-finished-emoji",
        "finally finished the calc problem set 🎉",
        tz=NYC,
        now="2027-03-08 18:45",
        seed=(T("Calc problem set 5", due="2027-03-09"), T("Read chapter 7 for psych")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Calc problem set 5", "completed": True},
            {"title": "Read chapter 7 for psych", "completed": False},
        ),
    ),
    case(
        "dlg3-student-reading-which-psych",
        ("done with the reading", "the psych one"),
        tz=TYO,
        now="2027-01-14 08:00",
        seed=(T("Read chapter 7 for psych"), T("Read chapter 3 for sociology")),
        before=ASKS,
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Read chapter 7 for psych", "completed": True},
            {"title": "Read chapter 3 for sociology", "completed": False},
        ),
    ),
    case(
        "dlg3-student-group-meeting-cs101",
        "need to set up group project meeting wed 7pm #cs101",
        tz=AKL,
        now="2026-10-16 12:05",
        calls=(
            C(
                "add_task",
                title="set up group project meeting",
                due_date="2026-10-21",
                due_time="19:00",
                tags=["cs101"],
            ),
        ),
    ),
    case(
        "dlg3-student-midterm-next-friday",
        "add study for midterm next friday",
        tz=BER,
        now="2027-08-09 12:10",
        calls=(C("add_task", title="study for midterm", due_date="2027-08-20"),),
    ),
    case(
        "dlg3-student-energy-drinks-scratch",
        ("add buy energy drinks", "scratch that lol"),
        tz=NYC,
        now="2026-11-29 22:10",
        calls=(C("undo"),),
        todos=(),
    ),
    case(
        "dlg3-student-bio-lab-when",
        ("hey quick q", "when is the bio lab due again"),
        tz=TYO,
        now="2027-06-25 07:30",
        seed=(T("Submit bio lab", due="2027-06-29", at="23:59"), T("Buy lab goggles")),
        reply=r"tue|jun\w* 29|29 jun|06-29|29th",
        todos=(
            {"title": "Submit bio lab", "due_date": "2027-06-29", "completed": False},
            {"title": "Buy lab goggles", "completed": False},
        ),
    ),
    case(
        "dlg3-student-textbook-found-pdf",
        "delete the textbook one i found a pdf lol",
        tz=AKL,
        now="2027-05-20 17:45",
        seed=(T("Buy textbook for stats"), T("Return library laptop")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Return library laptop", "completed": False},),
    ),
    case(
        "dlg3-student-cs101-mark-both",
        ("show my #cs101 stuff", "mark both done"),
        tz=BER,
        now="2026-12-02 07:40",
        seed=(
            T("CS101 quiz 4", tags=("cs101",)),
            T("CS101 reading response", tags=("cs101",)),
            T("Laundry"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "CS101 quiz 4", "completed": True},
            {"title": "CS101 reading response", "completed": True},
            {"title": "Laundry", "completed": False},
        ),
    ),
    case(
        "dlg3-student-stats-hw-oh-urgent",
        ("add finish stats hw due tmrw", "oh and its urgent"),
        tz=NYC,
        now="2027-04-01 13:00",
        calls=(C("update_task", task_id=New(0), priority="high"),),
        todos=({"title": "finish stats hw", "due_date": "2027-04-02", "priority": "high"},),
    ),
    case(
        "dlg3-student-overdue-to-tmrw-yes",
        ("push all my overdue stuff to tmrw", "yes pls"),
        tz=TYO,
        now="2026-10-16 23:15",
        seed=(
            T("Lit review draft", due="2026-10-14"),
            T("Email group about slides", due="2026-10-15"),
            T("Buy printer paper", due="2026-10-20"),
        ),
        before=ASKS,
        calls=(
            C("update_task", task_id=Id(0), due_date="2026-10-17"),
            C("update_task", task_id=Id(1), due_date="2026-10-17"),
        ),
        todos=(
            {"title": "Lit review draft", "due_date": "2026-10-17"},
            {"title": "Email group about slides", "due_date": "2026-10-17"},
            {"title": "Buy printer paper", "due_date": "2026-10-20"},
        ),
    ),
    case(
        "dlg3-student-yoga-not-found",
        "mark the yoga thing done",
        tz=AKL,
        now="2027-07-03 10:00",
        seed=(T("Go to the gym"), T("Meal prep for the week")),
        reply=r"yoga|" + NOT_FOUND,
        todos=(
            {"title": "Go to the gym", "completed": False},
            {"title": "Meal prep for the week", "completed": False},
        ),
    ),
    case(
        "dlg3-student-reflection-every-monday",
        "remind me every monday 8am to submit weekly reflection",
        tz=BER,
        now="2026-09-13 19:05",
        calls=(
            C(
                "add_task",
                title="submit weekly reflection",
                recurrence=Rule("FREQ=WEEKLY", "BYDAY=MO"),
                due_date="2026-09-14",
                due_time="08:00",
            ),
        ),
    ),
    case(
        "dlg3-student-tuition-not-paid-yet",
        ("show completed", "wait i didnt actually pay tuition yet"),
        tz=NYC,
        now="2027-01-14 11:20",
        seed=(T("Pay tuition", done=True), T("Buy groceries")),
        calls=(C("uncomplete_task", task_id=Id(0)),),
        todos=(
            {"title": "Pay tuition", "completed": False},
            {"title": "Buy groceries", "completed": False},
        ),
    ),
    case(
        "dlg3-student-add-these-three",
        "add these: print notes, buy highlighters, email the TA",
        tz=TYO,
        now="2027-04-01 08:00",
        calls=(
            C("add_task", title="print notes"),
            C("add_task", title="buy highlighters"),
            C("add_task", title="email the TA"),
        ),
    ),
    case(
        "dlg3-student-sapiens-oops-ch5",
        ("add read sapiens ch 4", "oops ch 5"),
        tz=AKL,
        now="2026-10-16 12:05",
        calls=(C("update_task", task_id=New(0), title=Re(r"(?i)^read sapiens ch(apter)? 5$")),),
        todos=({"title": Re(r"(?i)^read sapiens ch(apter)? 5$"), "completed": False},),
    ),
    case(
        "dlg3-student-prof-extended-monday",
        ("omg prof extended the deadline", "push philosophy paper to monday"),
        tz=NYC,
        now="2027-04-01 13:00",
        seed=(T("Philosophy paper", due="2027-04-02", at="17:00"), T("Gym")),
        calls=(C("update_task", task_id=Id(0), due_date="2027-04-05"),),
        todos=(
            {"title": "Philosophy paper", "due_date": "2027-04-05", "due_time": "17:00"},
            {"title": "Gym", "due_date": None},
        ),
    ),
    case(
        "dlg3-student-this-week-them-next-week",
        ("whats due this week", "move them to next week"),
        tz=TYO,
        now="2027-01-14 08:00",
        seed=(
            T("Econ problem set", due="2027-01-15"),
            T("Spanish vocab quiz", due="2027-01-16"),
            T("Renew gym pass", due="2027-02-10"),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2027-01-18"),
            C("update_task", task_id=Id(1), due_date="2027-01-18"),
        ),
        todos=(
            {"title": "Econ problem set", "due_date": "2027-01-18"},
            {"title": "Spanish vocab quiz", "due_date": "2027-01-18"},
            {"title": "Renew gym pass", "due_date": "2027-02-10"},
        ),
    ),
    # ----------------------------------------------------------------------------------------
    # (3) A non-native English speaker.
    # ----------------------------------------------------------------------------------------
    case(
        "dlg3-esl-make-remind-insurance",
        "please make remind for me tomorrow 10 o'clock call to insurance company",
        tz=BER,
        now="2026-12-02 07:40",
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^call (to )?(the )?insurance company$"),
                due_date="2026-12-03",
                due_time="10:00",
            ),
        ),
    ),
    case(
        "dlg3-esl-meeting-want-change-friday",
        ("what is on my list?", "the landlord meeting, i want change it to friday"),
        tz=NYC,
        now="2027-01-14 11:20",
        seed=(T("Meeting with landlord", due="2027-01-19", at="14:00"), T("Buy rice")),
        calls=(C("update_task", task_id=Id(0), due_date="2027-01-15"),),
        todos=(
            {"title": "Meeting with landlord", "due_date": "2027-01-15", "due_time": "14:00"},
            {"title": "Buy rice", "due_date": None},
        ),
    ),
    case(
        "dlg3-esl-already-did-documents",
        ("hello", "i already did send documents to embassy"),
        tz=TYO,
        now="2027-03-08 21:10",
        seed=(T("Send documents to embassy"), T("Buy rice")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Send documents to embassy", "completed": True},
            {"title": "Buy rice", "completed": False},
        ),
    ),
    case(
        "dlg3-esl-you-can-delete-train",
        "please you can delete the train ticket",
        tz=AKL,
        now="2026-10-16 12:05",
        seed=(T("Buy train ticket"), T("Pay electricity bill")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Pay electricity bill", "completed": False},),
    ),
    case(
        "dlg3-esl-must-to-visit-doctor",
        "i must to visit doctor thursday afternoon",
        tz=BER,
        now="2027-06-25 16:20",
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^(to )?visit (the )?doctor$"),
                due_date="2027-07-01",
                due_time="15:00",
            ),
        ),
    ),
    case(
        "dlg3-esl-present-is-for-saturday",
        ("add buy present for my daughter birthday", "is for saturday"),
        tz=NYC,
        now="2027-03-08 18:45",
        calls=(C("update_task", task_id=New(0), due_date="2027-03-13"),),
        todos=({"title": "buy present for my daughter birthday", "due_date": "2027-03-13"},),
    ),
    case(
        "dlg3-esl-tanaka-which-dinner",
        ("call tanaka san is done", "the dinner one"),
        tz=TYO,
        now="2027-01-14 08:00",
        seed=(T("Call Tanaka san about the contract"), T("Call Tanaka san about the dinner")),
        before=ASKS,
        calls=(C("complete_task", task_id=Id(1)),),
        todos=(
            {"title": "Call Tanaka san about the contract", "completed": False},
            {"title": "Call Tanaka san about the dinner", "completed": True},
        ),
    ),
    case(
        "dlg3-esl-what-i-have-tomorrow",
        "what i have for tomorrow?",
        tz=AKL,
        now="2027-05-20 17:45",
        seed=(T("Pay water bill", due="2027-05-21"), T("Buy bus card")),
        reply=r"water",
        todos=(
            {"title": "Pay water bill", "completed": False},
            {"title": "Buy bus card", "completed": False},
        ),
    ),
    case(
        "dlg3-esl-change-hour-3-oclock",
        "can you change the hour of post office to 3 o'clock",
        tz=BER,
        now="2026-09-13 19:05",
        seed=(T("Pick up package at post office", due="2026-09-15", at="10:00"), T("Buy bread")),
        calls=(C("update_task", task_id=Id(0), due_time="15:00"),),
        todos=(
            {
                "title": "Pick up package at post office",
                "due_date": "2026-09-15",
                "due_time": "15:00",
            },
            {"title": "Buy bread", "due_date": None},
        ),
    ),
    case(
        "dlg3-esl-medicine-every-day-8",
        "remind me take medicine every day at 8 in morning",
        tz=NYC,
        now="2026-11-29 22:10",
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^take (the |my )?medicine$"),
                recurrence=Rule("FREQ=DAILY"),
                due_date="2026-11-30",
                due_time="08:00",
            ),
        ),
    ),
    case(
        "dlg3-esl-teacher-sorry-tuesday",
        ("add meeting with teacher on monday 4pm", "sorry no, tuesday"),
        tz=TYO,
        now="2027-06-25 07:30",
        calls=(C("update_task", task_id=New(0), due_date="2027-06-29"),),
        todos=({"title": "meeting with teacher", "due_date": "2027-06-29", "due_time": "16:00"},),
    ),
    case(
        "dlg3-esl-bread-thank-you-help",
        ("put on my list buy bread", "thank you very much for help"),
        tz=AKL,
        now="2027-07-03 10:00",
        todos=({"title": "buy bread", "completed": False},),
    ),
    case(
        "dlg3-esl-make-mistake-undo",
        ("delete pay gas bill", "oh no i make mistake, undo please"),
        tz=BER,
        now="2027-08-09 12:10",
        seed=(T("Pay gas bill"), T("Buy soap")),
        calls=(C("undo"),),
        todos=(
            {"title": "Pay gas bill", "completed": False},
            {"title": "Buy soap", "completed": False},
        ),
    ),
    case(
        "dlg3-esl-task-of-passport-missing",
        "finish the task of the passport please",
        tz=NYC,
        now="2027-04-01 13:00",
        seed=(T("Buy milk"), T("Clean kitchen")),
        reply=r"passport|" + NOT_FOUND,
        not_reply=r"\b(completed|marked)\b",
        todos=(
            {"title": "Buy milk", "completed": False},
            {"title": "Clean kitchen", "completed": False},
        ),
    ),
    case(
        "dlg3-esl-visa-very-important",
        ("show me my tasks please", "the visa is very important, put high priority"),
        tz=TYO,
        now="2026-10-16 23:15",
        seed=(T("Renew visa"), T("Buy rice")),
        calls=(C("update_task", task_id=Id(0), priority="high"),),
        todos=(
            {"title": "Renew visa", "priority": "high"},
            {"title": "Buy rice", "priority": "none"},
        ),
    ),
    case(
        "dlg3-esl-next-week-monday-immigration",
        "i need to go to immigration office next week monday",
        tz=AKL,
        now="2026-10-16 12:05",
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^go to (the )?immigration office$"),
                due_date="2026-10-19",
            ),
        ),
    ),
    case(
        "dlg3-esl-tasks-of-today-move-them",
        ("show me the tasks of today", "move them for tomorrow"),
        tz=BER,
        now="2027-02-06 09:30",
        seed=(
            T("Wash the car", due="2027-02-06"),
            T("Call my cousin", due="2027-02-06"),
            T("Buy winter tyres", due="2027-02-20"),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2027-02-07"),
            C("update_task", task_id=Id(1), due_date="2027-02-07"),
        ),
        todos=(
            {"title": "Wash the car", "due_date": "2027-02-07"},
            {"title": "Call my cousin", "due_date": "2027-02-07"},
            {"title": "Buy winter tyres", "due_date": "2027-02-20"},
        ),
    ),
    case(
        "dlg3-esl-tag-shopping-mark-finish",
        ("please mark finish all with tag shopping", "yes please"),
        tz=NYC,
        now="2027-01-14 11:20",
        seed=(
            T("Buy eggs", tags=("shopping",)),
            T("Buy cooking oil", tags=("shopping",)),
            T("Call the school"),
        ),
        before=ASKS,
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Buy eggs", "completed": True},
            {"title": "Buy cooking oil", "completed": True},
            {"title": "Call the school", "completed": False},
        ),
    ),
    case(
        "dlg3-esl-put-tag-family",
        "please put the tag family on write email to school",
        tz=TYO,
        now="2027-04-01 08:00",
        seed=(T("Write email to school"), T("Buy rice")),
        calls=(C("update_task", task_id=Id(0)),),
        todos=(
            {"title": "Write email to school", "tags": ["family"]},
            {"title": "Buy rice", "tags": []},
        ),
    ),
    case(
        "dlg3-esl-hello-then-need-buy-shoes",
        ("hello, how are you today?", "i need buy new shoes for my son"),
        tz=BER,
        now="2026-09-13 19:05",
        calls=(C("add_task", title=Re(r"(?i)^(to )?buy new shoes for my son$")),),
        todos=({"title": Re(r"(?i)^(to )?buy new shoes for my son$"), "completed": False},),
    ),
    case(
        "dlg3-esl-not-7-is-8",
        ("remind me tomorrow 7 o'clock morning to call my mother", "excuse me, not 7, is 8"),
        tz=NYC,
        now="2026-11-29 22:10",
        calls=(C("update_task", task_id=New(0), due_time="08:00"),),
        todos=({"title": "call my mother", "due_date": "2026-11-30", "due_time": "08:00"},),
    ),
    # ----------------------------------------------------------------------------------------
    # (4) An older person who is very polite and wordy.
    # ----------------------------------------------------------------------------------------
    case(
        "dlg3-polite-ring-margaret-sunday",
        "Would you be so kind as to remind me to ring my sister Margaret on Sunday afternoon? "
        "Thank you, dear.",
        tz=BER,
        now="2026-12-02 10:00",
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^ring my sister margaret$"),
                due_date="2026-12-06",
                due_time="15:00",
            ),
        ),
    ),
    case(
        "dlg3-polite-prescription-tuesday-morning",
        "I should be most grateful if you would make a note that I must collect my "
        "prescription from the chemist on Tuesday morning.",
        tz=NYC,
        now="2027-01-14 11:20",
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^collect my prescription from the chemist$"),
                due_date="2027-01-19",
                due_time="09:00",
            ),
        ),
    ),
    case(
        "dlg3-polite-roses-beg-pardon-thursday",
        (
            "Please remind me to water the roses tomorrow evening.",
            "Oh dear, I do beg your pardon, I meant Thursday evening.",
        ),
        tz=TYO,
        now="2027-03-08 21:10",
        calls=(C("update_task", task_id=New(0), due_date="2027-03-11"),),
        todos=({"title": "water the roses", "due_date": "2027-03-11", "due_time": "20:00"},),
    ),
    case(
        "dlg3-polite-posted-card-harold",
        "I have posted the birthday card to Harold now, thank you ever so much.",
        tz=AKL,
        now="2026-10-16 12:05",
        seed=(T("Post birthday card to Harold"), T("Book hair appointment")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Post birthday card to Harold", "completed": True},
            {"title": "Book hair appointment", "completed": False},
        ),
    ),
    case(
        "dlg3-polite-dr-patel-knee",
        (
            "Would you mark the Dr. Patel one as done, please?",
            "The one about my knee, if you please.",
        ),
        tz=BER,
        now="2027-02-06 09:30",
        seed=(T("Ring Dr. Patel about blood test"), T("Ring Dr. Patel about my knee")),
        before=ASKS,
        calls=(C("complete_task", task_id=Id(1)),),
        todos=(
            {"title": "Ring Dr. Patel about blood test", "completed": False},
            {"title": "Ring Dr. Patel about my knee", "completed": True},
        ),
    ),
    case(
        "dlg3-polite-lovely-day",
        "Good morning! Isn't it a lovely day today? I do hope you're keeping well.",
        tz=NYC,
        now="2027-03-08 08:05",
        seed=(T("Collect dry cleaning"),),
        not_reply=r"\b(added|created|deleted)\b",
        todos=({"title": "Collect dry cleaning", "completed": False},),
    ),
    case(
        "dlg3-polite-when-window-cleaner",
        "Might you tell me when I am meant to pay the window cleaner?",
        tz=TYO,
        now="2027-06-25 07:30",
        seed=(T("Pay the window cleaner", due="2027-07-02"), T("Buy birdseed")),
        reply=r"jul\w* 0?2\b|2 jul|\bfri|07-02|2nd",
        todos=(
            {"title": "Pay the window cleaner", "due_date": "2027-07-02", "completed": False},
            {"title": "Buy birdseed", "completed": False},
        ),
    ),
    case(
        "dlg3-polite-remove-the-wool",
        (
            "Good afternoon, dear.",
            "I'm awfully sorry to trouble you, but would you remove the item about the wool? "
            "I no longer need it.",
        ),
        tz=AKL,
        now="2027-05-20 15:10",
        seed=(T("Buy wool for knitting"), T("Take library books back")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Take library books back", "completed": False},),
    ),
    case(
        "dlg3-polite-library-books-undo",
        (
            "Please delete the library books item.",
            "Oh goodness, that was a mistake. Could you undo that, please?",
        ),
        tz=BER,
        now="2027-06-25 16:20",
        seed=(T("Take library books back"), T("Buy wool for knitting")),
        calls=(C("undo"),),
        todos=(
            {"title": "Take library books back", "completed": False},
            {"title": "Buy wool for knitting", "completed": False},
        ),
    ),
    case(
        "dlg3-polite-victoria-sponge-noon",
        "Would you add 'bake a Victoria sponge' for Saturday at noon, please?",
        tz=NYC,
        now="2026-11-29 22:10",
        calls=(
            C(
                "add_task",
                title="bake a Victoria sponge",
                due_date="2026-12-05",
                due_time="12:00",
            ),
        ),
    ),
    case(
        "dlg3-polite-done-both-of-those",
        ("What have I got to do today, dear?", "I've done both of those now, thank you."),
        tz=TYO,
        now="2026-10-16 10:15",
        seed=(
            T("Telephone the bank", due="2026-10-16"),
            T("Write to cousin Edna", due="2026-10-16"),
            T("Order new spectacles", due="2026-10-28"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Telephone the bank", "completed": True},
            {"title": "Write to cousin Edna", "completed": True},
            {"title": "Order new spectacles", "completed": False},
        ),
    ),
    case(
        "dlg3-polite-gas-man-not-found",
        "Would you be so good as to cross off the item about the gas man, please?",
        tz=AKL,
        now="2027-07-03 10:00",
        seed=(T("Feed the cat"), T("Wind the clocks")),
        reply=r"gas|" + NOT_FOUND,
        not_reply=r"\b(completed|crossed off|marked)\b",
        todos=(
            {"title": "Feed the cat", "completed": False},
            {"title": "Wind the clocks", "completed": False},
        ),
    ),
    case(
        "dlg3-polite-council-rather-important",
        (
            "I'd like to add a reminder to telephone the council about the bins.",
            "And could you make that rather important, please?",
        ),
        tz=BER,
        now="2027-08-09 12:10",
        calls=(C("update_task", task_id=New(0), priority="high"),),
        todos=({"title": "telephone the council about the bins", "priority": "high"},),
    ),
    case(
        "dlg3-polite-daughter-every-sunday-morning",
        "Please remind me every Sunday morning to telephone my daughter in Canada.",
        tz=NYC,
        now="2027-04-01 13:00",
        calls=(
            C(
                "add_task",
                title="telephone my daughter in Canada",
                recurrence=Rule("FREQ=WEEKLY", "BYDAY=SU"),
                due_date="2027-04-04",
                due_time="09:00",
            ),
        ),
    ),
    case(
        "dlg3-polite-chiropodist-rang-to-change",
        (
            "What appointments have I got coming up?",
            "Could you move my chiropodist appointment to Friday, please? They rang to change it.",
        ),
        tz=TYO,
        now="2027-04-01 08:00",
        seed=(T("Chiropodist appointment", due="2027-04-07", at="11:00"), T("Buy birthday card")),
        calls=(C("update_task", task_id=Id(0), due_date="2027-04-02"),),
        todos=(
            {"title": "Chiropodist appointment", "due_date": "2027-04-02", "due_time": "11:00"},
            {"title": "Buy birthday card", "due_date": None},
        ),
    ),
    case(
        "dlg3-polite-joan-hospital-next-tuesday",
        ("Please change the visit to Joan to next Tuesday.", "The hospital one, dear."),
        tz=AKL,
        now="2026-10-16 12:05",
        seed=(
            T("Visit Joan in hospital", due="2026-10-18"),
            T("Visit Joan for afternoon tea", due="2026-10-24"),
        ),
        before=ASKS,
        calls=(C("update_task", task_id=Id(0), due_date="2026-10-20"),),
        todos=(
            {"title": "Visit Joan in hospital", "due_date": "2026-10-20"},
            {"title": "Visit Joan for afternoon tea", "due_date": "2026-10-24"},
        ),
    ),
    case(
        "dlg3-polite-fed-cat-treasure",
        ("I've fed the cat, dear.", "Thank you, you are a treasure."),
        tz=NYC,
        now="2027-01-14 11:20",
        seed=(T("Feed the cat"), T("Wind the clocks")),
        todos=(
            {"title": "Feed the cat", "completed": True},
            {"title": "Wind the clocks", "completed": False},
        ),
    ),
    case(
        "dlg3-polite-two-things-stamps-parcel",
        "Would you please add two things for me: buy stamps and post the parcel to Australia.",
        tz=TYO,
        now="2027-01-14 08:00",
        calls=(
            C("add_task", title="buy stamps"),
            C("add_task", title="post the parcel to Australia"),
        ),
    ),
    case(
        "dlg3-polite-milkman-not-paid",
        "I'm afraid I marked paying the milkman as done by mistake; he hasn't been paid yet.",
        tz=AKL,
        now="2027-05-20 17:45",
        seed=(T("Pay the milkman", done=True), T("Buy birdseed")),
        calls=(C("uncomplete_task", task_id=Id(0)),),
        todos=(
            {"title": "Pay the milkman", "completed": False},
            {"title": "Buy birdseed", "completed": False},
        ),
    ),
    case(
        "dlg3-polite-garden-then-hedge",
        (
            "Is there anything on my list about the garden?",
            "Please mark the hedge one as done, then.",
        ),
        tz=BER,
        now="2026-12-02 10:00",
        seed=(
            T("Trim the garden hedge"),
            T("Plant bulbs in the garden"),
            T("Ring the gas board"),
        ),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Trim the garden hedge", "completed": True},
            {"title": "Plant bulbs in the garden", "completed": False},
            {"title": "Ring the gas board", "completed": False},
        ),
    ),
    case(
        "dlg3-polite-scones-in-the-morning",
        (
            "Would you add a reminder to buy scones for the vicar's visit on Wednesday?",
            "Oh, and I should like that for the morning, if possible.",
        ),
        tz=NYC,
        now="2027-03-08 08:05",
        calls=(C("update_task", task_id=New(0), due_time="09:00"),),
        todos=(
            {
                "title": Re(r"(?i)^buy scones for the vicar.s visit$"),
                "due_date": "2027-03-10",
                "due_time": "09:00",
            },
        ),
    ),
    # ----------------------------------------------------------------------------------------
    # (5) A terse software developer.
    # ----------------------------------------------------------------------------------------
    case(
        "dlg3-dev-todo-flaky-e2e-p1",
        "todo: fix flaky e2e checkout test p1 #work",
        tz=BER,
        now="2026-12-02 07:40",
        calls=(C("add_task", title="fix flaky e2e checkout test", priority="high", tags=["work"]),),
    ),
    case(
        "dlg3-dev-mv-retro-notes-mon",
        "mv 'retro notes' -> mon 9am",
        tz=NYC,
        now="2027-01-14 11:20",
        seed=(T("Retro notes", due="2027-01-15", at="16:00"), T("Review PR 412")),
        calls=(C("update_task", task_id=Id(0), due_date="2027-01-18", due_time="09:00"),),
        todos=(
            {"title": "Retro notes", "due_date": "2027-01-18", "due_time": "09:00"},
            {"title": "Review PR 412", "due_date": None},
        ),
    ),
    case(
        "dlg3-dev-ls-rm-docker",
        ("ls", "rm docker"),
        tz=TYO,
        now="2027-03-08 21:10",
        seed=(T("Upgrade docker compose"), T("Review PR 412")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Review PR 412", "completed": False},),
    ),
    case(
        "dlg3-dev-done-colon-pr-412",
        "done: review pr 412",
        tz=AKL,
        now="2026-10-16 12:05",
        seed=(T("Review PR 412"), T("Bump deps")),
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Review PR 412", "completed": True},
            {"title": "Bump deps", "completed": False},
        ),
    ),
    case(
        "dlg3-dev-bump-node-then-p2",
        ("todo bump node to 22 #infra", "p2"),
        tz=BER,
        now="2027-02-06 09:30",
        calls=(C("update_task", task_id=New(0), priority="medium"),),
        todos=(
            {
                "title": "bump node to 22",
                "priority": "medium",
                "tags": ["infra"],
                "due_time": ABSENT,
            },
        ),
    ),
    case(
        "dlg3-dev-postmortem-thu-not-fri",
        ("add write postmortem fri", "thu not fri"),
        tz=NYC,
        now="2027-03-08 18:45",
        calls=(C("update_task", task_id=New(0), due_date="2027-03-11"),),
        todos=({"title": "write postmortem", "due_date": "2027-03-11"},),
    ),
    case(
        "dlg3-dev-done-deploy-which-staging",
        ("done deploy api", "staging"),
        tz=TYO,
        now="2027-06-25 07:30",
        seed=(T("Deploy api to staging"), T("Deploy api to prod")),
        before=ASKS,
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Deploy api to staging", "completed": True},
            {"title": "Deploy api to prod", "completed": False},
        ),
    ),
    case(
        "dlg3-dev-rm-then-undo",
        ("rm bump deps", "undo"),
        tz=AKL,
        now="2027-05-20 17:45",
        seed=(T("Bump deps"), T("Write changelog")),
        calls=(C("undo"),),
        todos=(
            {"title": "Bump deps", "completed": False},
            {"title": "Write changelog", "completed": False},
        ),
    ),
    case(
        "dlg3-dev-ls-oncall-done-both",
        ("ls #oncall", "done both"),
        tz=BER,
        now="2027-08-09 12:10",
        seed=(
            T("Check pager alerts", tags=("oncall",)),
            T("Update runbook", tags=("oncall",)),
            T("Lunch with Sam"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Check pager alerts", "completed": True},
            {"title": "Update runbook", "completed": True},
            {"title": "Lunch with Sam", "completed": False},
        ),
    ),
    case(
        "dlg3-dev-all-work-p3-yes",
        ("set all #work to p3", "yes"),
        tz=NYC,
        now="2026-11-29 22:10",
        seed=(
            T("Write ADR", tags=("work",)),
            T("Clean up feature flags", tags=("work",)),
            T("Buy coffee filters"),
        ),
        before=ASKS,
        calls=(
            C("update_task", task_id=Id(0), priority="low"),
            C("update_task", task_id=Id(1), priority="low"),
        ),
        todos=(
            {"title": "Write ADR", "priority": "low"},
            {"title": "Clean up feature flags", "priority": "low"},
            {"title": "Buy coffee filters", "priority": "none"},
        ),
    ),
    case(
        "dlg3-dev-tag-adr-arch",
        "tag adr #arch",
        tz=TYO,
        now="2026-10-16 23:15",
        seed=(T("Write ADR for caching"), T("Bump deps")),
        calls=(C("update_task", task_id=Id(0)),),
        todos=(
            {"title": "Write ADR for caching", "tags": ["arch"]},
            {"title": "Bump deps", "tags": []},
        ),
    ),
    case(
        "dlg3-dev-prep-standup-weekdays",
        "todo: prep standup every weekday 9:45am",
        tz=AKL,
        now="2027-07-03 10:00",
        calls=(
            C(
                "add_task",
                title="prep standup",
                recurrence=Rule("BYDAY=MO,TU,WE,TH,FR"),
                due_date="2027-07-05",
                due_time="09:45",
            ),
        ),
    ),
    case(
        "dlg3-dev-rm-k8s-not-found",
        ("ls", "rm the k8s one"),
        tz=BER,
        now="2027-06-25 16:20",
        seed=(T("Rotate api keys"), T("Bump deps")),
        reply=r"k8s|" + NOT_FOUND,
        not_reply=r"\b(deleted|removed)\b",
        todos=(
            {"title": "Rotate api keys", "completed": False},
            {"title": "Bump deps", "completed": False},
        ),
    ),
    case(
        "dlg3-dev-rotate-keys-due-when",
        "rotate api keys due when?",
        tz=NYC,
        now="2027-04-01 13:00",
        seed=(T("Rotate api keys", due="2027-04-06", at="10:00"), T("Bump deps")),
        reply=r"apr\w* 0?6\b|6 apr|\btue|04-06|10(:00)? ?am|10:00",
        todos=(
            {"title": "Rotate api keys", "due_date": "2027-04-06", "due_time": "10:00"},
            {"title": "Bump deps", "due_date": None},
        ),
    ),
    case(
        "dlg3-dev-certs-make-it-16",
        ("todo: rotate staging certs tmrw 14:00", "make it 16:00"),
        tz=TYO,
        now="2027-04-01 08:00",
        calls=(C("update_task", task_id=New(0), due_time="16:00"),),
        todos=({"title": "rotate staging certs", "due_date": "2027-04-02", "due_time": "16:00"},),
    ),
    case(
        "dlg3-dev-drop-due-date",
        "drop the due date on refactor auth middleware",
        tz=AKL,
        now="2026-10-16 12:05",
        seed=(T("Refactor auth middleware", due="2026-10-20"), T("Bump deps", due="2026-10-21")),
        calls=(C("update_task", task_id=Id(0)),),
        todos=(
            {"title": "Refactor auth middleware", "due_date": None},
            {"title": "Bump deps", "due_date": "2026-10-21"},
        ),
    ),
    case(
        "dlg3-dev-postgres-add-db-tag",
        ("todo: upgrade postgres to 17 #infra p2", "add #db to it"),
        tz=BER,
        now="2026-09-13 19:05",
        calls=(C("update_task", task_id=New(0)),),
        todos=({"title": "upgrade postgres to 17", "priority": "medium", "tags": ["infra", "db"]},),
    ),
    case(
        "dlg3-dev-cut-release-iso-date",
        "todo: cut release 2.4 on 2027-06-30",
        tz=NYC,
        now="2027-03-08 18:45",
        calls=(C("add_task", title="cut release 2.4", due_date="2027-06-30"),),
    ),
    case(
        "dlg3-dev-stop-repeating-error-budget",
        "stop repeating the error budget one",
        tz=TYO,
        now="2027-01-14 08:00",
        seed=(
            T("Check error budget", due="2027-01-18", rrule="FREQ=WEEKLY;BYDAY=MO"),
            T("Bump deps"),
        ),
        calls=(C("update_task", task_id=Id(0), recurrence=""),),
    ),
    case(
        "dlg3-dev-ls-rm-the-2nd",
        ("ls", "rm the 2nd one"),
        tz=AKL,
        now="2027-05-20 17:45",
        seed=(
            T("Triage bug backlog", due="2027-05-21"),
            T("Write load test", due="2027-05-24"),
            T("Renew TLS cert", due="2027-05-30"),
        ),
        calls=(C("delete_task", task_id=Id(1)),),
        todos=(
            {"title": "Triage bug backlog", "completed": False},
            {"title": "Renew TLS cert", "completed": False},
        ),
    ),
    case(
        "dlg3-dev-pr-number-typo",
        ("todo: review PR 518", "typo, 581"),
        tz=BER,
        now="2027-08-09 12:10",
        calls=(C("update_task", task_id=New(0), title=Re(r"(?i)^review PR 581$")),),
        todos=({"title": Re(r"(?i)^review PR 581$"), "completed": False},),
    ),
    case(
        "dlg3-dev-migration-mv-it-fri",
        ("todo: write migration for users table", "mv it -> fri 2pm"),
        tz=NYC,
        now="2027-01-14 11:20",
        calls=(C("update_task", task_id=New(0), due_date="2027-01-15", due_time="14:00"),),
        todos=(
            {
                "title": "write migration for users table",
                "due_date": "2027-01-15",
                "due_time": "14:00",
            },
        ),
    ),
    # ----------------------------------------------------------------------------------------
    # (6) A small business owner with many errands and tags.
    # ----------------------------------------------------------------------------------------
    case(
        "dlg3-biz-invoice-hendersons-friday",
        "invoice the Hendersons by friday #billing #clients",
        tz=BER,
        now="2026-12-02 07:40",
        calls=(
            C(
                "add_task",
                title="invoice the Hendersons",
                due_date="2026-12-04",
                tags=["billing", "clients"],
            ),
        ),
    ),
    case(
        "dlg3-biz-coffee-beans-high-supplies",
        "order more coffee beans for the shop, high priority #supplies",
        tz=NYC,
        now="2027-01-14 11:20",
        calls=(
            C(
                "add_task",
                title="order more coffee beans for the shop",
                priority="high",
                tags=["supplies"],
            ),
        ),
    ),
    case(
        "dlg3-biz-errands-colon-three",
        "add errands: pick up receipt paper, drop off cheques at the bank, buy printer ink",
        tz=TYO,
        now="2027-03-08 21:10",
        calls=(
            C("add_task", title="pick up receipt paper"),
            C("add_task", title="drop off cheques at the bank"),
            C("add_task", title="buy printer ink"),
        ),
    ),
    case(
        "dlg3-biz-accountant-tag-finance",
        ("add call the accountant about the GST return", "tag it #finance"),
        tz=AKL,
        now="2026-10-16 12:05",
        calls=(C("update_task", task_id=New(0)),),
        todos=({"title": "call the accountant about the GST return", "tags": ["finance"]},),
    ),
    case(
        "dlg3-biz-errands-all-done-yes",
        ("mark all #errands done", "yes"),
        tz=BER,
        now="2027-02-06 09:30",
        seed=(
            T("Pick up banners", tags=("errands",)),
            T("Drop off keys", tags=("errands",)),
            T("Drop off flyers", tags=("errands",)),
            T("Update website"),
        ),
        before=ASKS,
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
            C("complete_task", task_id=Id(2)),
        ),
        todos=(
            {"title": "Pick up banners", "completed": True},
            {"title": "Drop off keys", "completed": True},
            {"title": "Drop off flyers", "completed": True},
            {"title": "Update website", "completed": False},
        ),
    ),
    case(
        "dlg3-biz-suppliers-to-monday-no",
        ("move everything tagged suppliers to monday", "no"),
        tz=NYC,
        now="2027-03-08 18:45",
        seed=(
            T("Call flour supplier", tags=("suppliers",)),
            T("Pay dairy supplier", tags=("suppliers",)),
            T("Fix the till"),
        ),
        before=ASKS,
        not_reply=r"\bmoved\b",
        todos=(
            {"title": "Call flour supplier", "due_date": None},
            {"title": "Pay dairy supplier", "due_date": None},
            {"title": "Fix the till", "due_date": None},
        ),
    ),
    case(
        "dlg3-biz-called-supplier-flour",
        ("called the supplier", "about the flour"),
        tz=TYO,
        now="2027-06-25 07:30",
        seed=(T("Call supplier about flour"), T("Call supplier about milk")),
        before=ASKS,
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Call supplier about flour", "completed": True},
            {"title": "Call supplier about milk", "completed": False},
        ),
    ),
    case(
        "dlg3-biz-rename-pay-brian",
        ("show everything", "rename pay brian to pay brian for weekend shifts"),
        tz=AKL,
        now="2027-05-20 17:45",
        seed=(T("Pay Brian"), T("Order cups")),
        calls=(C("update_task", task_id=Id(0), title="pay brian for weekend shifts"),),
        todos=(
            {"title": "pay brian for weekend shifts", "completed": False},
            {"title": "Order cups", "completed": False},
        ),
    ),
    case(
        "dlg3-biz-payroll-every-other-friday",
        "run payroll every other friday #admin",
        tz=BER,
        now="2027-06-25 16:20",
        calls=(
            C(
                "add_task",
                title="run payroll",
                recurrence=Rule("FREQ=WEEKLY", "INTERVAL=2", "BYDAY=FR"),
                tags=["admin"],
            ),
        ),
    ),
    case(
        "dlg3-biz-shop-rent-1st-monthly",
        "pay shop rent on the 1st of every month",
        tz=NYC,
        now="2026-11-29 22:10",
        calls=(
            C(
                "add_task",
                title="pay shop rent",
                recurrence=Rule("FREQ=MONTHLY", "BYMONTHDAY=1"),
                due_date="2026-12-01",
            ),
        ),
    ),
    case(
        "dlg3-biz-overdue-push-them-all",
        ("what's overdue", "push them all to tomorrow"),
        tz=TYO,
        now="2026-10-16 18:00",
        seed=(
            T("Send quote to Marsh & Co", due="2026-10-14"),
            T("Chase unpaid invoice", due="2026-10-15"),
            T("Reorder labels", due="2026-10-22"),
        ),
        calls=(
            C("update_task", task_id=Id(0), due_date="2026-10-17"),
            C("update_task", task_id=Id(1), due_date="2026-10-17"),
        ),
        todos=(
            {"title": "Send quote to Marsh & Co", "due_date": "2026-10-17"},
            {"title": "Chase unpaid invoice", "due_date": "2026-10-17"},
            {"title": "Reorder labels", "due_date": "2026-10-22"},
        ),
    ),
    case(
        "dlg3-biz-anything-tagged-payroll",
        "anything tagged #payroll?",
        tz=AKL,
        now="2027-07-03 10:00",
        seed=(T("Run payroll", tags=("payroll",)), T("Order cups")),
        reply=r"run payroll",
        todos=(
            {"title": "Run payroll", "completed": False},
            {"title": "Order cups", "completed": False},
        ),
    ),
    case(
        "dlg3-biz-remove-urgent-tag",
        "remove the urgent tag from email the landlord",
        tz=BER,
        now="2026-09-13 19:05",
        seed=(T("Email the landlord", tags=("shop", "urgent")), T("Order cups", tags=("shop",))),
        calls=(C("update_task", task_id=Id(0)),),
        todos=(
            {"title": "Email the landlord", "tags": ["shop"]},
            {"title": "Order cups", "tags": ["shop"]},
        ),
    ),
    case(
        "dlg3-biz-bakery-delivery-530",
        (
            "remind me to meet the bakery delivery tomorrow at 6am",
            "actually make it 5:30am",
        ),
        tz=NYC,
        now="2027-04-01 13:00",
        calls=(C("update_task", task_id=New(0), due_time="05:30"),),
        todos=(
            {"title": "meet the bakery delivery", "due_date": "2027-04-02", "due_time": "05:30"},
        ),
    ),
    case(
        "dlg3-biz-health-inspection-not-found",
        ("whats left today", "done with the health inspection"),
        tz=TYO,
        now="2027-04-01 08:00",
        seed=(T("Renew business insurance", due="2027-04-01"), T("Order cups")),
        reply=r"inspection|" + NOT_FOUND,
        not_reply=r"\b(completed|marked)\b",
        todos=(
            {"title": "Renew business insurance", "completed": False},
            {"title": "Order cups", "completed": False},
        ),
    ),
    case(
        "dlg3-biz-napkins-cheers-mate",
        ("add restock napkins #supplies", "cheers mate, flat out today"),
        tz=AKL,
        now="2026-10-16 12:05",
        todos=({"title": "restock napkins", "tags": ["supplies"], "completed": False},),
    ),
    case(
        "dlg3-biz-patel-quote-make-it-high",
        (
            "new task: quote for the Patel wedding cake, due next tuesday #quotes",
            "and make it high",
        ),
        tz=BER,
        now="2027-08-09 12:10",
        calls=(C("update_task", task_id=New(0), priority="high"),),
        todos=(
            {
                "title": Re(r"(?i)^quote for the Patel wedding cake$"),
                "due_date": "2027-08-17",
                "tags": ["quotes"],
                "priority": "high",
            },
        ),
    ),
    case(
        "dlg3-biz-delete-done-menus",
        "delete print new menus",
        tz=NYC,
        now="2027-01-14 11:20",
        seed=(T("Print new menus", done=True), T("Fix the sign")),
        calls=(C("delete_task", task_id=Id(0)),),
        todos=({"title": "Fix the sign", "completed": False},),
    ),
    case(
        "dlg3-biz-errands-yes-then-undo",
        ("mark all #errands done", "yes", "undo"),
        tz=AKL,
        now="2027-05-20 17:45",
        seed=(
            T("Drop off keys", tags=("errands",)),
            T("Pick up banners", tags=("errands",)),
            T("Update website"),
        ),
        calls=(C("undo"),),
        todos=(
            {"title": "Drop off keys", "completed": False},
            {"title": "Pick up banners", "completed": False},
            {"title": "Update website", "completed": False},
        ),
    ),
    case(
        "dlg3-biz-tax-end-of-month",
        "do the quarterly tax filing at the end of the month #finance",
        tz=NYC,
        now="2027-03-08 18:45",
        calls=(
            C(
                "add_task",
                title="do the quarterly tax filing",
                due_date="2027-03-31",
                tags=["finance"],
            ),
        ),
    ),
    case(
        "dlg3-biz-morning-van-to-thursday",
        ("morning! what's on today", "move the van service to thursday"),
        tz=BER,
        now="2026-12-02 07:40",
        seed=(
            T("Van service", due="2026-12-02", at="08:30"),
            T("Bank the takings", due="2026-12-02"),
        ),
        calls=(C("update_task", task_id=Id(0), due_date="2026-12-03"),),
        todos=(
            {"title": "Van service", "due_date": "2026-12-03", "due_time": "08:30"},
            {"title": "Bank the takings", "due_date": "2026-12-02"},
        ),
    ),
    # ----------------------------------------------------------------------------------------
    # (7) Someone planning a trip across timezones.
    # ----------------------------------------------------------------------------------------
    case(
        "dlg3-trip-airport-transfer-the-14th",
        "book airport transfer on the 14th",
        tz=AKL,
        now="2027-05-20 17:45",
        calls=(C("add_task", title="book airport transfer", due_date="2027-06-14"),),
    ),
    case(
        "dlg3-trip-passport-week-before-flight",
        "remind me to check my passport expiry a week before the flight",
        tz=BER,
        now="2027-06-25 16:20",
        seed=(T("Flight to Lisbon", due="2027-07-20", at="07:15"),),
        calls=(
            C(
                "add_task",
                title=Re(r"(?i)^check (my )?passport expiry$"),
                due_date="2027-07-13",
            ),
        ),
    ),
    case(
        "dlg3-trip-hotel-9am-jst",
        "call the hotel in Tokyo at 9am JST tomorrow",
        tz=BER,
        now="2026-12-02 10:00",
        calls=(
            C(
                "add_task",
                title="call the hotel in Tokyo",
                due_date="2026-12-03",
                due_time="01:00",
            ),
        ),
    ),
    case(
        "dlg3-trip-kickoff-3pm-est-friday",
        "join the kickoff call at 3pm EST on friday",
        tz=TYO,
        now="2027-01-14 08:00",
        calls=(
            C(
                "add_task",
                title="join the kickoff call",
                due_date="2027-01-16",
                due_time="05:00",
            ),
        ),
    ),
    case(
        "dlg3-trip-flight-to-the-16th",
        ("when is my flight to tokyo", "move the flight to the 16th"),
        tz=AKL,
        now="2027-05-20 17:45",
        seed=(T("Flight to Tokyo", due="2027-06-14", at="19:30"), T("Buy travel adapters")),
        calls=(C("update_task", task_id=Id(0), due_date="2027-06-16"),),
        todos=(
            {"title": "Flight to Tokyo", "due_date": "2027-06-16", "due_time": "19:30"},
            {"title": "Buy travel adapters", "due_date": None},
        ),
    ),
    case(
        "dlg3-trip-exchange-money-the-2nd",
        ("remind me to exchange money on 3 july", "no make it the 2nd"),
        tz=BER,
        now="2027-06-25 16:20",
        calls=(C("update_task", task_id=New(0), due_date="2027-07-02"),),
        todos=({"title": "exchange money", "due_date": "2027-07-02"},),
    ),
    case(
        "dlg3-trip-booked-hotel-kyoto",
        ("booked the hotel", "kyoto"),
        tz=TYO,
        now="2027-06-25 07:30",
        seed=(T("Book hotel in Kyoto"), T("Book hotel in Osaka")),
        before=ASKS,
        calls=(C("complete_task", task_id=Id(0)),),
        todos=(
            {"title": "Book hotel in Kyoto", "completed": True},
            {"title": "Book hotel in Osaka", "completed": False},
        ),
    ),
    case(
        "dlg3-trip-insurance-by-aug-1",
        "renew travel insurance by Aug 1",
        tz=TYO,
        now="2027-06-25 07:30",
        calls=(C("add_task", title="renew travel insurance", due_date="2027-08-01"),),
    ),
    case(
        "dlg3-trip-visa-march-3-next-year",
        "apply for the Japan visa by March 3",
        tz=NYC,
        now="2027-04-01 13:00",
        calls=(C("add_task", title="apply for the Japan visa", due_date="2028-03-03"),),
    ),
    case(
        "dlg3-trip-due-today-done-both",
        ("what's due today", "done both"),
        tz=AKL,
        now="2027-07-03 10:00",
        seed=(
            T("Print boarding passes", due="2027-07-03"),
            T("Charge power bank", due="2027-07-03"),
            T("Cancel newspaper delivery", due="2027-07-25"),
        ),
        calls=(
            C("complete_task", task_id=Id(0)),
            C("complete_task", task_id=Id(1)),
        ),
        todos=(
            {"title": "Print boarding passes", "completed": True},
            {"title": "Charge power bank", "completed": True},
            {"title": "Cancel newspaper delivery", "completed": False},
        ),
    ),
    case(
        "dlg3-trip-pet-sitter-next-week",
        "sort out pet sitter next week",
        tz=NYC,
        now="2027-01-14 11:20",
        calls=(C("add_task", title="sort out pet sitter", due_date="2027-01-18"),),
    ),
    case(
        "dlg3-trip-delete-flight-scratch-that",
        ("delete the flight to Lisbon", "scratch that"),
        tz=BER,
        now="2026-09-13 19:05",
        seed=(T("Flight to Lisbon", due="2026-10-02", at="07:15"), T("Pack suitcase")),
        calls=(C("undo"),),
        todos=(
            {"title": "Flight to Lisbon", "due_date": "2026-10-02", "due_time": "07:15"},
            {"title": "Pack suitcase", "completed": False},
        ),
    ),
    case(
        "dlg3-trip-what-time-flight",
        ("hi! trip planning time", "what time is my flight to lisbon?"),
        tz=NYC,
        now="2027-03-08 18:45",
        seed=(T("Flight to Lisbon", due="2027-03-20", at="07:15"), T("Pack suitcase")),
        reply=r"7:15|07:15",
        todos=(
            {"title": "Flight to Lisbon", "due_date": "2027-03-20", "due_time": "07:15"},
            {"title": "Pack suitcase", "completed": False},
        ),
    ),
    case(
        "dlg3-trip-check-in-online-3-days",
        "check in online in 3 days",
        tz=TYO,
        now="2026-10-16 23:15",
        calls=(C("add_task", title="check in online", due_date="2026-10-19", due_time=ABSENT),),
    ),
    case(
        "dlg3-trip-taxi-make-that-430",
        ("book a taxi to the airport on the 14th at 5am", "make that 4:30am"),
        tz=AKL,
        now="2027-06-03 09:00",
        calls=(C("update_task", task_id=New(0), due_time="04:30"),),
        todos=(
            {"title": "book a taxi to the airport", "due_date": "2027-06-14", "due_time": "04:30"},
        ),
    ),
    case(
        "dlg3-trip-tag-both-japan",
        ("buy travel adapters; pack hiking boots", "tag both #japan"),
        tz=BER,
        now="2027-08-09 12:10",
        calls=(
            C("update_task", task_id=New(0)),
            C("update_task", task_id=New(1)),
        ),
        todos=(
            {"title": "buy travel adapters", "tags": ["japan"]},
            {"title": "pack hiking boots", "tags": ["japan"]},
        ),
    ),
    case(
        "dlg3-trip-japan-next-saturday-yes",
        ("move all the #japan stuff to next saturday", "yes"),
        tz=NYC,
        now="2026-11-29 22:10",
        seed=(
            T("Get yen", tags=("japan",)),
            T("Download offline maps", tags=("japan",)),
            T("Buy a neck pillow", tags=("japan",)),
            T("Pay phone bill"),
        ),
        before=ASKS,
        calls=(
            C("update_task", task_id=Id(0), due_date="2026-12-05"),
            C("update_task", task_id=Id(1), due_date="2026-12-05"),
            C("update_task", task_id=Id(2), due_date="2026-12-05"),
        ),
        todos=(
            {"title": "Get yen", "due_date": "2026-12-05"},
            {"title": "Download offline maps", "due_date": "2026-12-05"},
            {"title": "Buy a neck pillow", "due_date": "2026-12-05"},
            {"title": "Pay phone bill", "due_date": None},
        ),
    ),
    case(
        "dlg3-trip-car-rental-not-found",
        "delete the car rental todo",
        tz=TYO,
        now="2027-04-01 08:00",
        seed=(T("Book hotel in Kyoto"), T("Get yen")),
        reply=r"car rental|rental|" + NOT_FOUND,
        not_reply=r"\b(deleted|removed)\b",
        todos=(
            {"title": "Book hotel in Kyoto", "completed": False},
            {"title": "Get yen", "completed": False},
        ),
    ),
    case(
        "dlg3-trip-sydney-call-utc",
        "dial into the Sydney call at 22:00 UTC on the 14th",
        tz=NYC,
        now="2027-01-10 09:00",
        calls=(
            C(
                "add_task",
                title="dial into the Sydney call",
                due_date="2027-01-14",
                due_time="17:00",
            ),
        ),
    ),
    case(
        "dlg3-trip-ryokan-day-after-tomorrow",
        "remind me to confirm the ryokan booking day after tomorrow in the morning",
        tz=AKL,
        now="2026-12-02 20:00",
        calls=(
            C(
                "add_task",
                title="confirm the ryokan booking",
                due_date="2026-12-04",
                due_time="09:00",
            ),
        ),
    ),
    case(
        "dlg3-trip-rental-car-11th-then-9am",
        ("move return rental car to the 11th", "and make it 9am"),
        tz=TYO,
        now="2027-06-25 07:30",
        seed=(T("Return rental car", due="2027-07-10", at="11:00"), T("Pack suitcase")),
        calls=(C("update_task", task_id=Id(0), due_time="09:00"),),
        todos=(
            {"title": "Return rental car", "due_date": "2027-07-11", "due_time": "09:00"},
            {"title": "Pack suitcase", "due_date": None},
        ),
    ),
    case(
        "dlg3-trip-planning-then-sim-card",
        ("hey, planning my trip", "remind me to buy a sim card on the 2nd"),
        tz=AKL,
        now="2027-06-03 09:00",
        calls=(C("add_task", title="buy a sim card", due_date="2027-07-02"),),
        todos=({"title": "buy a sim card", "due_date": "2027-07-02"},),
    ),
]
