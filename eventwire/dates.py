"""Resolve date phrases against a publication date, with a precision on every date.

Public entry points: ``resolve_date``, ``infer_publication_date``, ``is_background_expression``.

News reports the past: a bare weekday is the latest such day on or before the publication date;
a day and month without a year is in the publication year unless that would put it after
publication. Common shapes are parsed by regular expressions (fast, exact); dateparser is the
fallback for the rest, run on the short phrase only (never searched over whole text).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

import dateparser

from .model import ResolvedDate

MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for m in names}
WEEKDAYS = {d: i for i, names in enumerate(
    [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thurs"),
     ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]) for d in names}

_M = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "17-18 April": a range of days stands on its first day, as ACLED codes it.
_DR = _D + r"(?:\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PATTERNS = [
    re.compile(rf"\b{_Y}-(?P<mnum>[01]\d)-{_D}\b"),
    re.compile(rf"\b{_D}/(?P<mnum>[01]?\d)/{_Y}\b"),
    re.compile(rf"\b{_D}/(?P<mnum>[01]?\d)/(?P<yy>\d\d)\b"),  # "6/9/08"
    re.compile(rf"\b{_DR}\s+(?:of\s+)?{_M},?\s+{_Y}\b"),
    re.compile(rf"\b{_M}\s+{_D},?\s+{_Y}\b"),
    re.compile(rf"\b{_D}/(?P<mnum>[01]?\d)\b(?!/)"),
    re.compile(rf"\b{_DR}\s+(?:of\s+)?{_M}\b"),
    re.compile(rf"\b{_M}\s+{_D}\b(?!\s*,?\s*(?:19|20)\d\d)"),
]
_WEEKDAY = re.compile(rf"\b{_WD}\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b{_M}\s+(?:of\s+)?{_Y}\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(rf"\b(?:in|during|early|late|mid-?|this|last)?\s*{_M}\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(rf"\b{_Y}\b")
_AGO = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|ten)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.IGNORECASE)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_RELATIVE = [
    (re.compile(r"\b(the day before yesterday)\b", re.I), -2, "day"),
    (re.compile(r"\b(yesterday|last night)\b", re.I), -1, "day"),
    (re.compile(r"\b(today|tonight|this morning|this afternoon|this evening|overnight|earlier today)\b", re.I), 0, "day"),
    (re.compile(r"\b(last week|past week|previous week)\b", re.I), -7, "week"),
    (re.compile(r"\b(this week|earlier this week|the week|recent days|past few days)\b", re.I), 0, "week"),
]
_WEEKEND = re.compile(r"\b(the|this|last) weekend\b", re.I)
_BACKGROUND = re.compile(r"\b(since|back then|years ago|decades ago|in the past|at the time|formerly|once)\b", re.I)


def resolve_date(expression: str, anchor: date | None, *, anchor_precision: str = "day") -> ResolvedDate:
    text = " ".join(expression.split())
    low = text.lower()
    for resolver in (_absolute, _weekday, _relative, _month_or_year):
        found = resolver(low, anchor)
        if found is not None:
            when, precision, reason = found
            if anchor is not None and anchor_precision == "year" and "publication" in reason:
                precision = "year"
            return ResolvedDate(when, precision, text, reason)
    return _fallback(text, anchor)


def _absolute(low: str, anchor: date | None):
    """The first date written out in the text (by position: "On 1 June 2022 ... on May 3, 2020")."""
    found = [m for m in (pattern.search(low) for pattern in _PATTERNS) if m]
    for m in sorted(found, key=lambda m: m.start()):  # stable: the fuller pattern first at one place
        parts = m.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["month"][:3] if parts["month"][:4] != "sept" else "sep"]
        day = int(parts["day"])
        year = int(parts["year"]) if parts.get("year") else _century(int(parts["yy"]), anchor) if parts.get("yy") else None
        if year is None:
            if anchor is None:
                return None
            year = _year_near(anchor, month, day)
            reason = "day and month; year of the publication date"
        else:
            reason = "absolute date"
        try:
            return date(year, month, day), "day", reason
        except ValueError:
            continue
    return None


def find_absolute_date(text: str, anchor: date | None) -> ResolvedDate | None:
    """A day-precise date written anywhere in a sentence the NER found no date in ("25 Sep. ...")."""
    found = _absolute(text.lower(), anchor)
    return ResolvedDate(found[0], found[1], text, found[2] + " (found in the sentence)") if found else None


def find_weekday(text: str, anchor: date | None) -> ResolvedDate | None:
    """A weekday the NER took for a time ("on Sunday night", "Tuesday morning")."""
    found = _weekday(text.lower(), anchor)
    return ResolvedDate(found[0], found[1], text, found[2] + " (found in the sentence)") if found else None


def _century(yy: int, anchor: date | None) -> int:
    """'08' is 2008 unless that is after publication (or after today): then 1908."""
    latest = (anchor or date.today()).year
    return 2000 + yy if 2000 + yy <= latest else 1900 + yy


def _year_near(anchor: date, month: int, day: int) -> int:
    """The year that puts day/month on or shortly after publication rather than 11 months later."""
    try:
        candidate = date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    return anchor.year - 1 if candidate > anchor + timedelta(days=7) else anchor.year


def _weekday(low: str, anchor: date | None):
    m = _WEEKDAY.search(low)
    if not m or anchor is None:
        return None
    target = WEEKDAYS[m.group("weekday").lower()]
    back = (anchor.weekday() - target) % 7
    if re.search(r"\bnext\b", low):
        return anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7), "day", "next weekday after publication"
    if re.search(r"\blast\b", low) and back == 0:
        back = 7
    return anchor - timedelta(days=back), "day", "latest such weekday on or before publication"


def _relative(low: str, anchor: date | None):
    if anchor is None:
        return None
    if _WEEKEND.search(low):  # ACLED codes "at the weekend" on its Saturday, precision week
        return anchor - timedelta(days=(anchor.weekday() - 5) % 7), "week", "the weekend: its Saturday"
    for pattern, days, precision in _RELATIVE:
        if pattern.search(low):
            return anchor + timedelta(days=days), precision, f"relative to publication ({pattern.search(low).group(0)})"
    m = _AGO.search(low)
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else _SMALL[m.group("n").lower()]
        unit = m.group("unit").lower()
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        return anchor - timedelta(days=days), "day" if unit == "day" else unit, "counted back from publication"
    if re.search(r"\b(last|previous) month\b", low):
        first = anchor.replace(day=1) - timedelta(days=1)
        return _mid_month(first.year, first.month), "month", "month before publication"
    if re.search(r"\b(this|earlier this) month\b", low):
        return min(anchor, _mid_month(anchor.year, anchor.month)), "month", "month of publication"
    if re.search(r"\b(this|earlier this) year\b", low):
        return anchor.replace(month=1, day=1), "year", "year of publication"
    if re.search(r"\blast year\b", low):
        return date(anchor.year - 1, 1, 1), "year", "year before publication"
    return None


def _month_or_year(low: str, anchor: date | None):
    m = _MONTH_YEAR.search(low)
    if m:
        return _mid_month(int(m.group("year")), MONTHS[m.group("month")[:3]]), "month", "month and year"
    m = _YEAR_ONLY.search(low)
    if m:
        return date(int(m.group("year")), 1, 1), "year", "year"
    m = _MONTH_ONLY.search(low)
    if m and anchor is not None:
        month = MONTHS[m.group("month")[:3]]
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return _mid_month(year, month), "month", "month; year of the publication date"
    return None


def _mid_month(year: int, month: int) -> date:
    """A date known to the month stands on the 15th, as ACLED codes it (time precision 3)."""
    return date(year, month, 15)


# "5 day", "three weeks", "24 hours": a length of time, not a time (dateparser would count it back
# from the publication date, as if "ago" followed).
_DURATION = re.compile(r"^(?:an?|\d+|[a-z]+(?:-[a-z]+)?)[\s-]+(?:hours?|days?|weeks?|months?|years?)(?:\s+long)?$", re.IGNORECASE)


def _fallback(text: str, anchor: date | None) -> ResolvedDate:
    if _DURATION.match(text.strip()):
        return ResolvedDate(None, "unknown", text, "a length of time, not a date")
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if anchor is not None:
        settings["RELATIVE_BASE"] = _midday(anchor)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        return ResolvedDate(None, "unknown", text, "not a date eventwire can resolve")
    return ResolvedDate(parsed.date(), "day", text, "dateparser")


def _midday(day: date):
    from datetime import datetime

    return datetime(day.year, day.month, day.day, 12)


def is_background_expression(expression: str, anchor: date | None) -> bool:
    """'since 2016', 'in 2016' (in a 2024 story), 'back then', 'years ago': history, not news."""
    if _BACKGROUND.search(expression):
        return True
    years = [int(y) for y in _YEAR_ONLY.findall(expression)]
    return bool(anchor and years and max(years) < anchor.year and not _absolute(expression.lower(), anchor))


# --- publication date of an undated story ---------------------------------------------------------

# "Saturday, Dec. 14, 2019": the year, when written, is the year.
_WRITTEN_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
_WEEKDAY_AND_DATE = [
    re.compile(rf"\b{_WD}\W{{1,3}}(?:\(\s*)?{_M}\s+{_D}\b{_WRITTEN_YEAR}", re.IGNORECASE),
    re.compile(rf"\b{_WD}\W{{1,3}}(?:\(\s*)?{_D}\s+{_M}\b{_WRITTEN_YEAR}", re.IGNORECASE),
]


def _weekday_dated(parts: dict, floor: int, today: date) -> tuple[date, str] | None:
    """The day a 'Saturday, 30 November' names: in its written year, else the latest year from
    ``floor`` on where that day is that weekday, never after today."""
    month, day = MONTHS[parts["month"].lower()[:3]], int(parts["day"])
    if parts["year"]:
        try:
            written = date(int(parts["year"]), month, day)
        except ValueError:
            return None
        return (written, "day and year as written") if written <= today else None
    for year in range(today.year, floor - 1, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == WEEKDAYS[parts["weekday"].lower()] and candidate <= today:
            return candidate, f"weekday and day fit {year}, the latest year on or after {floor}"
    return None


def infer_publication_date(text: str, *, today: date, dateline_raw: str | None = None) -> ResolvedDate:
    """An undated story's date from its own clues.

    "Saturday (Nov 30)" fits only years where 30 November is a Saturday; the years the story
    names ("since 2016", "a 2015 peace process") are a lower bound, today the upper bound; the
    latest consistent year wins, unless the day is written with its year ("Saturday, Dec. 14,
    2019"). The latest such weekday-dated day is taken as the publication day: stories are
    published on or just after the last day they date.
    """
    floor = max((int(y) for y in _YEAR_ONLY.findall(text) if int(y) <= today.year), default=today.year - 30)
    found = [day for m in (m for pattern in _WEEKDAY_AND_DATE for m in pattern.finditer(text))
             if (day := _weekday_dated(m.groupdict(), floor, today)) is not None]
    if found:
        best, reason = max(found)
        return ResolvedDate(best, "day", "", reason)
    if dateline_raw:
        found = _absolute(dateline_raw.lower(), today)
        if found is not None:
            return ResolvedDate(found[0], "day", dateline_raw, "dateline day and month; latest year not after today")
    years = [int(y) for y in _YEAR_ONLY.findall(text) if int(y) <= today.year]
    if years:
        return ResolvedDate(date(max(years), 1, 1), "year", "", "no dated day; the latest year the story names")
    return ResolvedDate(None, "unknown", "", "no publication date and no date clue in the text")
