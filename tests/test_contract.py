"""The record fields and command line that outside tools rely on (the project contract), end to
end: the seed through `eventwire extract`, and through `ingest` + `events` for merged events."""
from __future__ import annotations

import json
import re

import pytest

from eventwire.cli import main

from conftest import SEED

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
ISO3 = re.compile(r"[A-Z]{3}$")
PLOVER_TYPES = {"AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
                "DEMAND", "DEFY", "DISAPPROVE", "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT",
                "SANCTION", "SUPPORT", "THREATEN"}


def optional(check):
    return lambda value: value is None or check(value)


def keys(**checks):
    """A JSON object holding at least these fields, each passing its check."""
    return lambda value: isinstance(value, dict) and all(
        name in value and check(value[name]) for name, check in checks.items())


def string(value) -> bool:
    return isinstance(value, str) and value != ""


def number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


ACTOR = optional(keys(name=optional(string), canonical=optional(string), country=optional(ISO3.match),
                      type=optional(string)))
CLAIM = keys(count=count, qualifier={"exact", "at_least", "at_most", "about"}.__contains__,
             group=optional(string), source=optional(string), text=string)
RECORD = keys(
    event_id=string,
    article_id=string,
    event_date=optional(ISO_DATE.match),
    date_precision={"day", "week", "month", "year", "unknown"}.__contains__,
    background=lambda v: isinstance(v, bool),
    status={"reported", "claimed", "denied", "threatened", "planned"}.__contains__,
    plover=keys(type=PLOVER_TYPES.__contains__, mode=optional(string)),
    acled=keys(event_type=optional(string), sub_event_type=optional(string)),
    cameo=optional(lambda v: isinstance(v, str) and v.isdigit()),
    actor1=ACTOR,
    actor2=ACTOR,
    location=optional(keys(name=string, country=optional(ISO3.match), admin1=optional(string),
                           admin2=optional(string), latitude=optional(lambda v: number(v) and -90 <= v <= 90),
                           longitude=optional(lambda v: number(v) and -180 <= v <= 180),
                           precision={"point", "city", "admin2", "admin1", "country"}.__contains__)),
    fatalities=optional(keys(best=count, low=count, high=count,
                             claims=lambda v: isinstance(v, list) and all(map(CLAIM, v)))),
    evidence=lambda v: isinstance(v, list) and v and all(
        keys(text=string, start=count, end=count)(e) and e["start"] < e["end"] for e in v),
    confidence=lambda v: number(v) and 0 <= v <= 1,
)
SOURCE = keys(article_id=string, url=optional(string), title=optional(string),
              published=optional(ISO_DATE.match), claims=lambda v: isinstance(v, list))


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_extract_prints_contract_records_for_the_seed(capsys):
    assert main(["extract", str(SEED)]) == 0
    records = lines(capsys.readouterr().out)
    assert len(records) >= 5
    for record in records:
        assert RECORD(record), record
    first = records[0]
    assert (first["plover"], first["acled"], first["cameo"]) == (
        {"type": "ASSAULT", "mode": "aerial"},
        {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}, "195")
    assert first["location"]["country"] == "SYR" and first["fatalities"]["claims"][0]["count"] == 300


def test_stored_events_are_contract_records_with_their_sources(tmp_path, capsys):
    db = f"sqlite:///{tmp_path}/contract.db"
    assert main(["ingest", str(SEED), "--db", db]) == 0
    capsys.readouterr()
    assert main(["events", "--db", db]) == 0
    records = lines(capsys.readouterr().out)
    assert records
    for record in records:
        assert RECORD(record), record
        assert len(record["sources"]) == 1 and SOURCE(record["sources"][0]), record["sources"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_json_formats_hold_the_same_records(fmt, capsys):
    assert main(["extract", str(SEED), "--format", fmt]) == 0
    out = capsys.readouterr().out
    records = json.loads(out) if fmt == "json" else lines(out)
    assert all(RECORD(r) for r in records)
