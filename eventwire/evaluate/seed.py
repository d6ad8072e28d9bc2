"""The seed article against examples/EXPECTED.md: one pass/fail check per line of it.

Public entry point: ``score_seed``; ``CHECKS`` and ``run_seed`` are what tests/test_seed.py
asserts, so the eval table and the test suite check the same things.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import Article, CleanArticle
from .common import rate

SEED = Path(__file__).resolve().parents[2] / "examples" / "000_68e5d158b3363ef7.txt"
PUBLISHED_OPTION = date(2019, 12, 1)  # any date: the option must beat the inferred one


class CheckFailed(Exception):
    """A line of EXPECTED.md the output does not satisfy; the message says which field."""


@dataclass(frozen=True)
class SeedRun:
    clean: CleanArticle
    events: list[dict]  # contract records, background ones included
    with_published: list[dict]  # the same article extracted with --published PUBLISHED_OPTION


def run_seed(pipeline, path: Path = SEED) -> SeedRun:
    text = path.read_text(encoding="utf-8")
    clean, events = pipeline.extract(Article(origin=str(path), text=text))
    _, again = pipeline.extract(Article(origin=str(path), text=text), published=PUBLISHED_OPTION)
    return SeedRun(clean, [e.to_dict() for e in events], [e.to_dict() for e in again])


def score_seed(path: str | None, pipeline, limit: int | None = None, progress=None) -> dict:
    """Pass/fail per check; ``path`` is the seed article (default: examples/ in the repository)."""
    run = run_seed(pipeline, Path(path) if path else SEED)
    failures = {}
    for name, check in CHECKS.items():
        try:
            check(run)
        except CheckFailed as failed:
            failures[name] = str(failed)
    return {
        "task": "seed",
        "file": str(path or SEED),
        "n": len(CHECKS),
        "passed": len(CHECKS) - len(failures),
        "metrics": {name: {"value": "fail" if name in failures else "pass"} for name in CHECKS}
        | {"pass_rate": {"value": rate(len(CHECKS) - len(failures), len(CHECKS))}},
        "failures": failures,
    }


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def current(events: list[dict], plover_type: str) -> list[dict]:
    return [e for e in events if e["plover"]["type"] == plover_type and not e["background"]]


def one(events: list[dict], plover_type: str, sub_event_type: str | None = None) -> dict:
    """The one current event of a type (and ACLED sub-event type); fails on none or several."""
    found = [
        e for e in current(events, plover_type)
        if sub_event_type is None or e["acled"]["sub_event_type"] == sub_event_type
    ]
    expect(len(found) == 1, f"{len(found)} current {plover_type}/{sub_event_type} events: "
           f"{[(e['trigger'], e['acled']['sub_event_type']) for e in found]}")
    return found[0]


def _field(event: dict, path: str, wanted) -> None:
    """Compare ``event['a']['b']`` (path "a.b") with ``wanted`` (a value or a test)."""
    value = event
    for key in path.split("."):
        value = (value or {}).get(key)
    ok = wanted(value) if callable(wanted) else value == wanted
    expect(ok, f"{event['trigger']!r}: {path} is {value!r}")


def publication_date(run: SeedRun) -> None:
    expect(run.clean.published == date(2024, 11, 30), f"published is {run.clean.published}, not 2024-11-30")
    expect(run.clean.published_source == "inferred", f"published_source is {run.clean.published_source}")
    strikes = one(run.with_published, "ASSAULT", "Air/drone strike")
    _field(strikes, "event_date", "2019-11-30")  # --published 2019-12-01 wins: 'Saturday' is the day before


def event1_air_strikes(run: SeedRun) -> None:
    e = one(run.events, "ASSAULT", "Air/drone strike")
    for path, wanted in {
        "event_date": "2024-11-30", "date_precision": "day", "acled.event_type": "Explosions/Remote violence",
        "plover.mode": "aerial", "cameo": "195", "actor1.country": "RUS", "actor1.type": "state_military",
        "actor2.type": "rebel_group", "location.name": "Aleppo", "location.country": "SYR",
        "location.admin1": "Aleppo", "location.latitude": lambda v: v is not None and abs(v - 36.20) < 0.1,
        "location.longitude": lambda v: v is not None and abs(v - 37.16) < 0.1,
        "locations": lambda v: any(other["admin1"] == "Idlib" for other in v or ()),
        "fatalities.best": 300, "fatalities.low": 300, "fatalities.high": 300,
    }.items():
        _field(e, path, wanted)
    claims = (e["fatalities"] or {}).get("claims", [])
    expect(len(claims) == 1, f"{len(claims)} fatality claims, expected the one Russian claim")
    expect((claims[0]["count"], claims[0]["group"], claims[0]["source"]) == (300, "fighters", "Moscow")
           and "claims" in claims[0]["text"], f"300 claim read as {claims[0]}")


def event2_rebels_seize_airport(run: SeedRun) -> None:
    e = one(run.events, "ASSAULT", "Non-state actor overtakes territory")
    for path, wanted in {
        "acled.event_type": "Battles", "event_date": "2024-11-30", "date_precision": "week",
        "actor1.type": "rebel_group", "location.name": "Aleppo", "fatalities": None,
    }.items():
        _field(e, path, wanted)


def event3_offensive_launched(run: SeedRun) -> None:
    e = one(run.events, "ASSAULT", "Armed clash")
    for path, wanted in {
        "event_date": "2024-11-27", "date_precision": "day", "actor1.type": "rebel_group",
        "cameo": lambda v: (v or "").startswith("19"),
        "fatalities.best": 327, "fatalities.low": 327, "fatalities.high": 327,
    }.items():
        _field(e, path, wanted)
    counts = {c["count"]: c for c in (e["fatalities"] or {}).get("claims", ())}
    expect(327 in counts and counts[327]["qualifier"] == "at_least"
           and counts[327]["source"] == "Syrian Observatory for Human Rights", f"327 claim read as {counts.get(327)}")
    expect(44 in counts and counts[44]["group"] == "civilians", f"44 civilians read as {counts.get(44)}")


def event4_ceasefire(run: SeedRun) -> None:
    e = one(run.events, "AGREE")
    for path, wanted in {
        "acled": {"event_type": "Strategic developments", "sub_event_type": "Agreement"},
        "event_date": "2024-11-27", "location.country": "LBN", "location.precision": "country",
        "cameo": lambda v: (v or "").startswith("08"),
    }.items():
        _field(e, path, wanted)


def event5_phone_call(run: SeedRun) -> None:
    e = one(run.events, "CONSULT")
    for path, wanted in {
        "plover.mode": "phone", "cameo": lambda v: (v or "").startswith("04"), "actor1.country": "SYR",
        "actor1.type": "government", "actor2.country": "ARE",
        "acled": {"event_type": None, "sub_event_type": None},
    }.items():
        _field(e, path, wanted)


def event6_assad_pledges(run: SeedRun) -> None:
    e = one(run.events, "THREATEN")
    _field(e, "actor1.country", "SYR")
    _field(e, "cameo", lambda v: (v or "").startswith("13"))
    _field(e, "location", lambda v: v is None or v["country"] == "SYR")


def event7_france_calls(run: SeedRun) -> None:
    e = one(run.events, "REQUEST")
    _field(e, "actor1.country", "FRA")
    _field(e, "cameo", lambda v: (v or "").startswith("02"))


def event8_us_accuses(run: SeedRun) -> None:
    e = one(run.events, "ACCUSE")
    _field(e, "actor1.country", "USA")
    _field(e, "cameo", lambda v: (v or "").startswith("11"))
    _field(e, "event_date", "2024-11-30")


def exactly_eight_events(run: SeedRun) -> None:
    found = [e["trigger"] for e in run.events if not e["background"]]
    expect(len(found) == 8, f"{len(found)} current events: {found}")


def nothing_from_teasers(run: SeedRun) -> None:
    for word in ("consulate", "hostage", "Gaza"):
        expect(word not in run.clean.text, f"{word!r} (an 'Also read' story) is in the cleaned text")
        expect(all(word not in ev["text"] for e in run.events for ev in e["evidence"]), f"{word!r} is in evidence")


def history_is_background(run: SeedRun) -> None:
    for e in run.events:
        evidence = " ".join(ev["text"] for ev in e["evidence"])
        if "Back then" in evidence or (e["event_date"] or "").startswith("2016"):
            expect(e["background"], f"{e['trigger']!r} ({e['event_date']}) is 2016 history but not background")


def no_boilerplate(run: SeedRun) -> None:
    for banned in ("Advertisment", "Also read", "With inputs from agencies"):
        expect(banned not in run.clean.text, f"{banned!r} is in the cleaned text")
        expect(all(banned not in ev["text"] for e in run.events for ev in e["evidence"]), f"{banned!r} is in evidence")


def dateline_is_not_a_place(run: SeedRun) -> None:
    dateline = run.clean.dateline
    expect(dateline is not None and dateline.place == "Beirut, Lebanon", f"dateline read as {dateline}")
    expect(all((e["location"] or {}).get("name") != "Beirut" for e in run.events), "an event is located in Beirut")


def claims_not_summed(run: SeedRun) -> None:
    bests = sorted((e["fatalities"] or {}).get("best") for e in run.events if e["fatalities"] and not e["background"])
    expect(300 in bests and 327 in bests and 627 not in bests, f"fatality figures {bests}: 300 and 327 must stay apart")
    offensive = one(run.events, "ASSAULT", "Armed clash")
    civilians = [c for c in (offensive["fatalities"] or {}).get("claims", ()) if c["count"] == 44]
    expect(bool(civilians) and civilians[0]["part_of"] is not None, "the 44 civilians are not part of the 327")


# One entry per line of examples/EXPECTED.md, in its order.
CHECKS: dict[str, Callable[[SeedRun], None]] = {
    "publication_date": publication_date,
    "event1_air_strikes": event1_air_strikes,
    "event2_rebels_seize_airport": event2_rebels_seize_airport,
    "event3_offensive_launched": event3_offensive_launched,
    "event4_ceasefire": event4_ceasefire,
    "event5_phone_call": event5_phone_call,
    "event6_assad_pledges": event6_assad_pledges,
    "event7_france_calls": event7_france_calls,
    "event8_us_accuses": event8_us_accuses,
    "exactly_eight_events": exactly_eight_events,
    "nothing_from_teasers": nothing_from_teasers,
    "history_is_background": history_is_background,
    "no_boilerplate": no_boilerplate,
    "dateline_is_not_a_place": dateline_is_not_a_place,
    "claims_not_summed": claims_not_summed,
}
