"""Date phrases against a publication date: news reports the past, and every date says how
precise it is."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from eventwire.dates import find_absolute_date, find_weekday, infer_publication_date, is_background_expression, resolve_date

SATURDAY = date(2024, 11, 30)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def test_weekday_with_day_and_month():
    when = resolve_date("Saturday (Nov 30)", SATURDAY)
    assert (when.date, when.precision) == (SATURDAY, "day")


def test_bare_weekday_is_the_latest_one_on_or_before_publication():
    assert resolve_date("Wednesday", SATURDAY).date == date(2024, 11, 27)


def test_relative_phrases():
    assert resolve_date("last week", SATURDAY).precision == "week"
    assert resolve_date("two days ago", SATURDAY).date == date(2024, 11, 28)


def test_a_length_of_time_is_not_a_date():
    for phrase in ("5 day", "three weeks", "24 hours"):
        assert resolve_date(phrase, SATURDAY).date is None


def test_day_and_month_after_publication_is_last_year():
    assert resolve_date("December 12", SATURDAY).date == date(2023, 12, 12)


def test_history_is_background():
    assert is_background_expression("since 2016", SATURDAY)
    assert not is_background_expression("on Saturday", SATURDAY)


def test_undated_story_year_from_weekday_and_named_years():
    inferred = infer_publication_date("Russia on Saturday (Nov 30) launched its first strikes since 2016.",
                                      today=date(2026, 11, 25))
    assert (inferred.date, inferred.precision) == (SATURDAY, "day")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 6))
def test_a_weekday_is_within_the_week_before_publication(anchor, weekday):
    when = resolve_date(f"on {WEEKDAYS[weekday]}", anchor)
    assert when.date.weekday() == weekday
    assert anchor - timedelta(days=6) <= when.date <= anchor


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)))
def test_written_out_dates_are_read_exactly(day):
    for text in (f"On {day.day} {MONTHS[day.month - 1]} {day.year}, police fired tear gas.",
                 f"Police fired tear gas on {MONTHS[day.month - 1]} {day.day}, {day.year}."):
        found = find_absolute_date(text, date(2050, 1, 1))
        assert (found.date, found.precision) == (day, "day")


def test_a_range_of_days_stands_on_its_first_day():
    assert find_absolute_date("17-18 April: residents blocked the road.", SATURDAY).date == date(2024, 4, 17)


def test_the_weekend_is_its_saturday_to_the_week():
    when = resolve_date("at the weekend", date(2024, 12, 3))
    assert (when.date, when.precision) == (SATURDAY, "week")


def test_a_month_stands_on_its_fifteenth():
    assert (resolve_date("in July", SATURDAY).date, resolve_date("in July", SATURDAY).precision) == (date(2024, 7, 15), "month")
    assert resolve_date("March 2023", SATURDAY).date == date(2023, 3, 15)


def test_the_first_written_date_wins():
    text = "On June 1, 2022, people marched against the killing of a man on 13 December 2021."
    assert find_absolute_date(text, SATURDAY).date == date(2022, 6, 1)


def test_a_weekday_taken_for_a_time():
    assert find_weekday("A mob lynched a thief on Sunday night.", SATURDAY).date == date(2024, 11, 24)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 30)))
def test_any_range_is_read_as_its_first_day(day):
    text = f"On {day.day}-{day.day + 1} {MONTHS[day.month - 1]} {day.year}, traders went on strike."
    assert find_absolute_date(text, date(2050, 1, 1)).date == day


@given(st.dates(min_value=date(1951, 1, 1), max_value=date(2049, 12, 31)))
def test_a_two_digit_year_is_the_latest_century_not_after_publication(day):
    found = find_absolute_date(f"Clashes were reported on {day.day}/{day.month}/{day.year % 100:02d}.", date(2050, 1, 1))
    assert found.date == day
    assert find_absolute_date("recorded for 6/9/98", date(2008, 9, 8)).date == date(1998, 9, 6)


def test_a_weekday_dated_day_written_with_its_year_is_in_that_year():
    found = infer_publication_date("Riot police beat a protester in Beirut, Lebanon, Saturday, Dec. 14, 2019.", today=date(2026, 12, 2))
    assert (found.date, found.precision) == (date(2019, 12, 14), "day")
