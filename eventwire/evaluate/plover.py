"""Score PLOVER types against the PLOVER project's gold-standard record (plover_gsr.json).

Public entry point: ``score_plover``. The record predates PLOVER v1: its types are mapped to
v1 by data/crosswalk_plover_gsr.tsv. The top event is right when its PLOVER type is the gold
type; modes are compared, as written, on the records that give one.
"""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache

from ..datafiles import read_tsv
from .common import GoldError, Tally, current, extract_texts


def score_plover(path: str, pipeline, limit: int | None = None, progress=None) -> dict:
    records = _read_records(path, limit)
    items = [(r["id"], r["text"], r["date"]) for r in records]
    types, modes, no_event = Tally(), Tally(), 0
    for record, events in zip(records, extract_texts(pipeline, items, progress)):
        found = current(events)
        no_event += not found
        types.add(found, {"type": lambda e: e["plover"]["type"] == record["type"]})
        if record["mode"]:
            modes.add(found, {"mode": lambda e: e["plover"]["type"] == record["type"] and e["plover"]["mode"] == record["mode"]})
    return {
        "task": "plover",
        "file": path,
        "n": types.n,
        "n_mode": modes.n,
        "no_event": no_event,
        "metrics": types.metrics() | modes.metrics(),
    }


def _read_records(path: str, limit: int | None) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except json.JSONDecodeError as err:
        raise GoldError(f"{path}:{err.lineno}: broken JSON: {err.msg}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{path}: cannot read: {err}") from None
    if not isinstance(data, list):
        raise GoldError(f"{path}:1: expected a JSON list of coded records")
    records = []
    for i, raw in enumerate(data, 1):
        record = _record(path, i, raw)
        if record is not None:
            records.append(record)
        if limit is not None and len(records) >= limit:
            break
    return records


def _record(path: str, i: int, raw) -> dict | None:
    if not isinstance(raw, dict) or "event" not in raw:
        raise GoldError(f"{path}: record {i}: not an object with an 'event' field")
    v1 = _v1_types().get(raw["event"], raw["event"])
    if v1 == "-":
        return None
    if not raw.get("text"):
        raise GoldError(f"{path}: record {i} ({raw.get('id', '?')}): no 'text'")
    try:
        published = date.fromisoformat(raw["date"]) if raw.get("date") else None
    except ValueError:
        published = None
    return {"id": raw.get("id", str(i)), "text": raw["text"], "date": published, "type": v1,
            "mode": raw.get("mode") or None}


@lru_cache(maxsize=1)
def _v1_types() -> dict[str, str]:
    return {row["gsr_type"]: row["plover_v1"] for row in read_tsv("crosswalk_plover_gsr.tsv")}
