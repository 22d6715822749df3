"""Event-date rules, each with a fixed publication date (sentences written for these tests)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thucydides import dates
from thucydides.dates import find_date_expressions, parse_pub_date, resolve_event_date

TUESDAY = "2011-10-25"  # a Tuesday
MONDAY = "2011-10-24"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # weekdays: the most recent such day on or before publication
        ("The militia rejected Monday an offer of talks.", ("2011-10-24", "day")),
        ("Rebels shelled the port on Sunday.", ("2011-10-23", "day")),
        ("The council voted Tuesday to end the curfew.", ("2011-10-25", "day")),
        ("The minister resigned on Wednesday.", ("2011-10-19", "day")),
        ("Gunmen attacked a convoy on Wednesday night.", ("2011-10-19", "day")),
        ("Monday's raid left four dead.", ("2011-10-24", "day")),
        ("The envoy arrived last Tuesday.", ("2011-10-18", "day")),
        ("Officials will meet on Friday.", ("2011-10-28", "day")),
        ("Officials meet again next Monday.", ("2011-10-31", "day")),
        # days relative to publication
        ("Police said yesterday that two men were held.", ("2011-10-24", "day")),
        ("Troops fired on marchers last night.", ("2011-10-24", "day")),
        ("The talks resume today.", ("2011-10-25", "day")),
        ("Leaders will meet tonight.", ("2011-10-25", "day")),
        ("The verdict is expected tomorrow.", ("2011-10-26", "day")),
        # weeks: the Monday of the week meant; weekends: their Saturday
        ("Last week, the foreign minister toured the border.", ("2011-10-17", "week")),
        ("Talks broke down earlier this week.", ("2011-10-24", "week")),
        ("Talks are scheduled for next week.", ("2011-10-31", "week")),
        ("Rebels seized the town over the weekend.", ("2011-10-22", "week")),
        ("Protests are planned for this weekend, organisers will say.", ("2011-10-29", "week")),
        # months and years
        ("Soldiers clashed with students earlier this month.", ("2011-10-01", "month")),
        ("Exports to the region fell last month.", ("2011-09-01", "month")),
        ("Fighting broke out in early April.", ("2011-04-01", "month")),
        ("The blockade began in November.", ("2010-11-01", "month")),
        ("A march in May ended peacefully.", ("2011-05-01", "month")),
        ("The treaty was signed in March 2009.", ("2009-03-01", "month")),
        ("The accord was signed in 2009.", ("2009-01-01", "year")),
        ("The economy shrank last year.", ("2010-01-01", "year")),
        # explicit dates; a missing year is inferred so the date is not after publication
        ("The ceasefire was signed on Oct. 3.", ("2011-10-03", "day")),
        ("The ceasefire was signed on October 3.", ("2011-10-03", "day")),
        ("The ceasefire was signed on 3 October.", ("2011-10-03", "day")),
        ("The ceasefire was signed on the 3rd of October.", ("2011-10-03", "day")),
        ("The ceasefire was signed on Nov. 3.", ("2010-11-03", "day")),
        ("Delegates will meet on Nov. 3.", ("2011-11-03", "day")),
        ("The accord of October 3, 2009 collapsed.", ("2009-10-03", "day")),
        ("The vote held on 2011-09-30 was annulled.", ("2011-09-30", "day")),
        # the most precise expression wins
        ("The pact signed in 2009 was torn up on Monday.", ("2011-10-24", "day")),
        # not dates
        ("He watched Monday Night Football with friends.", (TUESDAY, "publication")),
        ("Shoppers crowded the malls on Black Friday.", (TUESDAY, "publication")),
        ("The Sunday Times reported the leak.", (TUESDAY, "publication")),
        ("Russia Today reported the leak.", (TUESDAY, "publication")),
        ("Today, the talks resume.", ("2011-10-25", "day")),
        ("The rally drew 2009 people.", (TUESDAY, "publication")),
        ("The army said it may withdraw in 30 days.", (TUESDAY, "publication")),
        ("Nobody said when the talks would end.", (TUESDAY, "publication")),
    ],
)
def test_rules_with_tuesday_publication(sentence, expected):
    assert resolve_event_date(sentence, TUESDAY) == expected


def test_weekday_in_a_story_published_that_day_is_that_day():
    assert resolve_event_date("The militia rejected Monday an offer of talks.", MONDAY) == (
        "2011-10-24",
        "day",
    )
    assert resolve_event_date("The envoy arrived last Monday.", MONDAY) == ("2011-10-17", "day")


def test_weekend_in_a_sunday_story():
    assert resolve_event_date("Rebels seized the town over the weekend.", "2011-10-23") == (
        "2011-10-22",
        "week",
    )


def test_year_boundary():
    assert resolve_event_date("Exports fell last month.", "2011-01-10") == ("2010-12-01", "month")
    assert resolve_event_date("The strike began on Dec. 30.", "2011-01-02") == (
        "2010-12-30",
        "day",
    )


def test_publication_date_accepts_date_objects():
    assert resolve_event_date("Police said yesterday.", date(2011, 10, 25)) == ("2011-10-24", "day")


def test_without_publication_date_only_absolute_dates_resolve():
    assert resolve_event_date("The militia rejected Monday an offer.", None) == (None, None)
    assert resolve_event_date("Nothing happened.", None) == (None, None)
    assert resolve_event_date("It was signed on October 3, 2009.", None) == ("2009-10-03", "day")
    assert resolve_event_date("It was signed in 2009.", None) == ("2009-01-01", "year")


def test_impossible_calendar_date_is_ignored():
    assert resolve_event_date("The vote held on 2011-02-30 was annulled.", TUESDAY) == (
        TUESDAY,
        "publication",
    )


def test_find_date_expressions_gives_offsets():
    sentence = "Last week, envoys met on Oct. 18 and again on Friday."
    found = find_date_expressions(sentence)
    assert [text for _, _, text in found] == ["Last week", "Oct. 18", "Friday"]
    for start, end, text in found:
        assert sentence[start:end] == text


@pytest.mark.parametrize(
    "value",
    [
        "2011-10-25",
        "2011-10-25T23:10:00-05:00",
        "2011-10-25T08:00:00Z",
        "Tue, 25 Oct 2011 10:00:00 GMT",
        "October 25, 2011",
        "25 Oct 2011",
        "20111025",
        date(2011, 10, 25),
    ],
)
def test_parse_pub_date_formats(value):
    assert parse_pub_date(value) == date(2011, 10, 25)


def test_parse_pub_date_missing_is_none():
    assert parse_pub_date(None) is None
    assert parse_pub_date("   ") is None


@pytest.mark.parametrize("value", ["garbage", "yesterday", "1319500800", "2011-13-45", "12345"])
def test_parse_pub_date_rejects_garbage_clearly(value):
    with pytest.raises(ValueError, match="publication date"):
        parse_pub_date(value)


def test_bad_publication_date_in_resolve_is_a_clear_error():
    with pytest.raises(ValueError, match="cannot read publication date 'soon'"):
        resolve_event_date("Police said yesterday.", "soon")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_sentence_gives_a_valid_answer(sentence):
    iso, precision = resolve_event_date(sentence, TUESDAY)
    assert precision in {"day", "week", "month", "year", "publication"}
    assert date.fromisoformat(iso)


# -- the one validator of every --date (code, ingest, actors lookup, POST /api/code) -----


def test_check_day_keeps_an_iso_day():
    from thucydides.dates import check_day

    assert check_day("2025-06-01") == "2025-06-01"
    assert check_day(" 2024-02-29 ") == "2024-02-29"
    assert check_day(None) is None


@pytest.mark.parametrize(
    "text",
    ["06/01/2025", "1/6/2025", "2025-06", "2025", "20250601", "2025-W22-7", "2025-02-30",
     "June 1, 2025", "2025-06-01T10:00", "", "yesterday"],
)  # fmt: skip
def test_check_day_refuses_all_but_yyyy_mm_dd_in_one_sentence(text):
    from thucydides.dates import check_day
    from thucydides.errors import UserError

    with pytest.raises(UserError) as err:
        check_day(text, "--date")
    message = str(err.value)
    assert message.startswith(f"--date {text!r} is not a date") and "YYYY-MM-DD" in message
    assert message.count(". ") == 0 and "\n" not in message


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The vote was set for 2024-03-05.", "iso"),
        ("Talks resumed on March 4, 2023.", "month_day"),
        ("Talks resumed on 4 March 2023.", "day_month"),
        ("The deal was signed in late Sept. 2021.", "month_year"),
        ("The deal was signed in early May.", "month"),
        ("The army withdrew in 2019.", "year"),
        ("Prices rose LAST YEAR.", "year_rel"),
        ("The minister resigned earlier this month.", "month_rel"),
        ("Fighting flared over the weekend.", "weekend"),
        ("The envoy arrived last week.", "week_rel"),
        ("Police arrested him the day before yesterday.", "day_before_yesterday"),
        ("Police arrested him yesterday.", "yesterday"),
        ("Rockets hit the town last night.", "last_night"),
        ("The president speaks tonight.", "today"),
        ("The president speaks tomorrow.", "tomorrow"),
        ("The president spoke on Sunday morning.", "weekday"),
    ],
)
def test_every_pattern_passes_the_quick_filter(sentence, kind):
    """MAY_HOLD_DATE skips sentences before the patterns run: none of theirs may be lost."""
    assert dates.MAY_HOLD_DATE.search(sentence)
    assert kind in [e.kind for e in dates._expressions(sentence)]
    assert dates._expressions("The talks went well, officials said.") == []
