"""Unit tests for the nlu bugs the corpus revealed (one test per fix)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from todochat import nlu
from todochat.nlu import CreateTasks, Delete, Intent, Reschedule, Unknown

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 21, 14, 30, tzinfo=BERLIN)  # Saturday


def parse(text: str) -> Intent:
    return nlu.parse_message(text, NOW, BERLIN)


def one(text: str) -> nlu.TaskDraft:
    intent = parse(text)
    assert isinstance(intent, CreateTasks) and len(intent.tasks) == 1, intent
    return intent.tasks[0]


def test_this_afternoon_is_today_not_the_day_after_tomorrow() -> None:
    # "afternoon" contains "after": it was read as "the day after tomorrow".
    draft = one("add review the PR this afternoon")
    assert (draft.title, draft.due_date, draft.due_time) == (
        "Review the PR",
        date(2026, 11, 21),
        time(15, 0),
    )
    assert one("add call Bob the day after tomorrow").due_date == date(2026, 11, 23)


def test_at_the_end_of_the_month_leaves_no_dangling_at() -> None:
    draft = one("add close the books at the end of the month")
    assert (draft.title, draft.due_date) == ("Close the books", date(2026, 11, 30))


@pytest.mark.parametrize(
    ("text", "rule", "first", "at"),
    [
        ("add plan the week every sunday evening", "FREQ=WEEKLY;BYDAY=SU", date(2026, 11, 22), 20),
        (
            "add standup every weekday morning",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            date(2026, 11, 23),
            9,
        ),
        ("add long run every weekend morning", "FREQ=WEEKLY;BYDAY=SA,SU", date(2026, 11, 22), 9),
        ("add bins out on mondays evening", "FREQ=WEEKLY;BYDAY=MO", date(2026, 11, 23), 20),
    ],
)
def test_part_of_day_after_a_repeating_weekday_is_the_time(
    text: str, rule: str, first: date, at: int
) -> None:
    draft = one(text)
    assert "evening" not in draft.title.lower() and "morning" not in draft.title.lower()
    assert (draft.recurrence, draft.due_date, draft.due_time) == (rule, first, time(at, 0))


def test_semicolon_between_task_verbs_is_a_list() -> None:
    intent = parse("remind me to call mom; buy flowers on friday")
    assert isinstance(intent, CreateTasks)
    assert [(t.title, t.due_date) for t in intent.tasks] == [
        ("Call mom", None),
        ("Buy flowers", date(2026, 11, 27)),
    ]
    # Not a list: the part after ";" is a note, not a task.
    assert one("add buy milk; the organic one").title == "Buy milk; the organic one"


def test_actually_before_a_command_is_filler() -> None:
    assert parse("actually delete that") == Delete(nlu.Reference(pronoun=True))
    assert isinstance(parse("oops, delete it"), Delete)


@pytest.mark.parametrize("text", ["set buy milk due to friday", "make buy milk due friday"])
def test_set_or_make_is_not_part_of_the_reference(text: str) -> None:
    intent = parse(text)
    assert isinstance(intent, Reschedule)
    assert (intent.ref.words, intent.due_date) == ("buy milk", date(2026, 11, 27))


def test_spanish_with_one_english_looking_word_is_foreign() -> None:
    # "a" is also English; enough Spanish words still make it foreign, so no todo is made.
    assert parse("recordarme llamar a mi madre mañana") == Unknown(
        "foreign", "recordarme llamar a mi madre mañana"
    )


def test_an_abbreviation_does_not_end_a_clause() -> None:
    # "Mr." ended a sentence for the clause reader: "Braun to Monday" became a new todo.
    from todochat.nlu.frames import clauses

    assert clauses("Please move the meeting with Mr. Braun to Monday") == [
        "Please move the meeting with Mr. Braun to Monday"
    ]
    assert clauses("email Dr. Smith; call mom. buy milk") == [
        "email Dr. Smith",
        "call mom",
        "buy milk",
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "add um remind me to uh call the school about the the field trip form",
            "Call the school about the field trip form",
        ),
        (
            "Please add that I bring the winter tyres to the garage",
            "Bring the winter tyres to the garage",
        ),
        ("er, buy milk", "Buy milk"),
        ("buy an umbrella", "Buy an umbrella"),  # "um" inside a word stays
        ("call Uhura", "Call Uhura"),
    ],
)
def test_hesitations_and_leads_after_add_are_not_the_title(text: str, title: str) -> None:
    assert one(text).title == title


def test_a_hesitation_inside_a_reference_is_dropped() -> None:
    intent = parse("uhh so like can u move the, um, liquor order thing to friday or whatever")
    assert isinstance(intent, Reschedule), intent
    assert intent.ref.words == "liquor order"
    assert intent.due_date == date(2026, 11, 27)


@pytest.mark.parametrize(
    ("phrase", "selector"),
    [
        # "my" was read as a tag: "You have no todos tagged #my".
        ("everything on my list", nlu.Selector(shown=True, everything=True)),
        ("everything on the groceries list", nlu.Selector({"tag": "groceries"})),
        # A reason after a comma is not part of the group.
        ("every task tagged fundraising, round's closed", nlu.Selector({"tag": "fundraising"})),
        ("everything w/ the errands tag", nlu.Selector({"tag": "errands"})),
        ("all tasks tagged work", nlu.Selector({"tag": "work"})),
    ],
)
def test_groups_of_todos(phrase: str, selector: nlu.Selector) -> None:
    assert nlu.bulk_selector(phrase) == selector


def test_a_refusal_then_its_reason_is_a_no() -> None:
    # The reason ("I want to keep them") was read as a new todo "Keep them for now".
    assert parse("Actually no, don't. I want to keep them for now.") == nlu.Confirm(yes=False)


def test_finished_jobs_are_completed_todos() -> None:
    assert parse("clear out all the finished jobs") == nlu.ClearCompleted()


def test_tag_with_shorthand() -> None:
    intent = parse("tag the budget sheet & the deck one w/ work pls")
    assert isinstance(intent, nlu.ChangeTags) and intent.add == ("work",), intent
    # A title keeps "w/" as typed.
    assert one("add lunch w/ dad tuesday 1pm").title == "Lunch w/ dad"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("I have a dentist appointment on friday", "Dentist appointment"),
        ("I've got a parcel to collect tomorrow", "Parcel to collect"),
        ("add I have my driving test friday", "My driving test"),
        ("I have to call mom", "Call mom"),
    ],
)
def test_what_i_have_is_the_todo(text: str, title: str) -> None:
    assert one(text).title == title


def test_a_quoted_new_title_ends_at_its_quote() -> None:
    # The rest of the request was part of the new title.
    intent = parse(
        "Can you rename 'Photocopy worksheets' to 'Photocopy fractions worksheets for 3B' and "
        "give it the tags maths and copying?"
    )
    assert isinstance(intent, nlu.Update), intent
    assert intent.changes.title == "Photocopy fractions worksheets for 3B"
    assert intent.changes.tags == ("maths", "copying")
    # "umbenennen in": a learner's "rename 'A' in 'B'".
    renamed = parse("Please rename 'Buy present for Oma' in 'Buy present for grandma'.")
    assert isinstance(renamed, nlu.Rename) and renamed.new_title == "Buy present for grandma"


def test_no_due_date_anymore_is_only_a_change() -> None:
    changes = nlu.read_changes("no due date anymore & make it low prio pls", NOW, BERLIN)
    assert (changes.clear_due, changes.priority, changes.title) == (True, "low", None)


@pytest.mark.parametrize(
    "text", ["um what do i have due between now and friday", "what's due from today to friday"]
)
def test_from_now_until_a_day(text: str) -> None:
    intent = parse(text)
    assert isinstance(intent, nlu.ListTasks), intent
    assert (intent.due_from, intent.due_to) == (date(2026, 11, 21), date(2026, 11, 27))


@pytest.mark.parametrize(
    ("text", "words", "title"),
    [
        ("the name should be 'Write email to landlord'", None, "Write email to landlord"),
        ("the dentist: the title should be 'Dentist check-up'", "dentist", "Dentist check-up"),
        (
            "change the landlord task: the name should be 'Email landlord'",
            "landlord",
            "Email landlord",
        ),
    ],
)
def test_the_name_should_be(text: str, words: str | None, title: str) -> None:
    intent = parse(text)
    assert isinstance(intent, nlu.Rename), intent
    assert (intent.ref.words, intent.new_title) == (words, title)
    assert intent.ref.pronoun == (words is None)


def test_a_reason_is_not_part_of_a_new_title() -> None:
    draft = one("add renew my passport because it runs out in the spring and I keep forgetting")
    assert draft.title == "Renew my passport"
    assert one("add 'fix it because' to the list").title == "Fix it because"


def test_tick_that_one_off_is_not_a_one_off() -> None:
    # "one off" read as "stop repeating": the bank call got its repeat cleared, too.
    changes = nlu.read_changes("you can tick that one off", NOW, BERLIN)
    assert changes.recurrence is None
    assert nlu.read_changes("make it a one-off", NOW, BERLIN).recurrence == ""


@pytest.mark.parametrize(
    ("text", "title", "day", "at"),
    [
        ("remain me to return the rental car tomorrows at noon", "Return the rental car", 22, 12),
        ("remain me to email the landlord tomorrows morning at 9", "Email the landlord", 22, 9),
        (
            "Add pick up parcel from the post office on thirsty",
            "Pick up parcel from the post office",
            26,
            None,
        ),
    ],
)
def test_a_phones_autocorrect(text: str, title: str, day: int, at: int | None) -> None:
    draft = one(text)
    assert (draft.title, draft.due_date) == (title, date(2026, 11, day))
    assert draft.due_time == (None if at is None else time(at, 0))


def test_autocorrected_words_elsewhere_stay() -> None:
    assert one("read tomorrows news").title == "Read tomorrows news"
    assert isinstance(parse("delight the yoga class task"), nlu.Delete)
    # What happened after the request is not part of it.
    done = parse("mark the plumber one as done he came this mourning")
    assert isinstance(done, nlu.Complete) and done.ref.words == "plumber", done


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("add study group friday at 4pm 📚", "Study group"),
        ("add buy 🥛 and 🍞", "Buy 🥛 and 🍞"),
        ("add chem lab report due thursday 😭 make it high priority pls", "Chem lab report"),
        (
            "Would you please add a reminder for me to collect my prescription",
            "Collect my prescription",
        ),
        ("Please put for me take out the garbage every tuesday", "Take out the garbage"),
        (
            "I need to remember call to my sister Lucía on sunday, please add it",
            "Call to my sister Lucía",
        ),
        ("Add meeting with the accountant the monday at 11", "Meeting with the accountant"),
        (
            "umm can u like add buy birthdya present for maya lol by saturday 🎁",
            "Buy birthdya present for maya",
        ),
        ("add remember the milk", "Remember the milk"),
    ],
)
def test_what_is_around_a_new_title(text: str, title: str) -> None:
    assert one(text).title == title


def test_the_task_of_the_gym_names_a_todo() -> None:
    # A learner's "the task of the gym" was filed as a new todo when no todo matched.
    intent = parse("The task of the gym, can you put it for tomorrow please?")
    assert not isinstance(intent, CreateTasks), intent


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "back on nights tonight. add pack lunch for the shift at 6:15pm tonight",
            "Pack lunch for the shift",
        ),
        (
            "ok so today was a LOT, the dog got into the bins again, anyway can you add renew my "
            "passport because it runs out in the spring, and also I really need to sleep more",
            "Renew my passport",
        ),
        (
            "ok um so basically, like, I keep forgetting this and then it beeps at 3am, um, add "
            "check the smoke alarm batteries tomorow, yeah, and er, that's it I think",
            "Check the smoke alarm batteries",
        ),
    ],
)
def test_a_todo_asked_for_after_a_story(text: str, title: str) -> None:
    intent = parse(text)
    assert isinstance(intent, CreateTasks) and [t.title for t in intent.tasks] == [title], intent


def test_a_question_said_again() -> None:
    assert isinstance(parse("wait when is my stats exam again 😭"), nlu.Check)


def test_a_starred_word_corrects() -> None:
    assert nlu.read_act("omg no saturday*") == nlu.Act("correct", "saturday")
    assert nlu.read_act("what*ever") is None


def test_learners_rename_and_done() -> None:
    renamed = parse("Can you change the name of 'Pay gas' for 'Pay the gas bill'?")
    assert isinstance(renamed, nlu.Rename) and renamed.new_title == "Pay the gas bill"
    # "so I don't chicken out" is what for, not part of the todo.
    draft = one("add call the landlord at 19:00 today so I don't chicken out")
    assert draft.title == "Call the landlord"


def test_a_name_then_what_happened() -> None:
    todos = [
        nlu.Candidate(1, "Submit timesheet"),
        nlu.Candidate(2, "Vet visit for the heifers"),
        nlu.Candidate(3, "Meeting with Mrs. Schulz"),
    ]

    def match(words: str) -> list[int]:
        return [c.id for c in nlu.match_reference(nlu.Reference(words=words), todos)]

    assert match("submitted my timesheet before handover") == [1]
    assert match("vet coming out for the heifers") == [2]
    # "with" may be part of a name: no other meeting is this one.
    assert match("meeting with Mr. Braun") == []


@pytest.mark.parametrize(
    "text", ["remind me to call mom, add buy milk too", "I need to call mom, and add eggs"]
)
def test_two_requests_are_not_a_story(text: str) -> None:
    # The first request was dropped as if it were a story before the "add"; before that, both
    # were one todo "Call mom, add buy milk too".
    intent = parse(text)
    assert isinstance(intent, CreateTasks), intent
    assert [t.title for t in intent.tasks] == ["Call mom", "Buy milk" if "milk" in text else "Eggs"]


def test_add_it_is_not_another_todo() -> None:
    # "add it" names no new todo: one todo, not a second one called "It to the garage list".
    assert one("add buy paint and add it to the garage list").title.startswith("Buy paint")
