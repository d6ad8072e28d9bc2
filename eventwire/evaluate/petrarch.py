"""Score against PETRARCH2's validation records: sentences with their expected CAMEO events.

Public entry point: ``score_petrarch``. Sentences that expect events are scored; those coded
``noevents`` or ``error`` are left out (counted in ``skipped``). The top event is right when its
CAMEO code (root: first two digits) equals that of one of the expected events. Actor codes
start with a country code; most records use invented countries (Arnor, Gondor), so actor
country is scored only where the expected code starts with a real ISO 3166 alpha-3 code that
is not one of the invented ones (ERI is Eriador, not Eritrea).
The expected codes come from PETRARCH's test verb dictionary, mostly WEIS codes rather than
CAMEO ones ("condemned" 122, CAMEO 111): see docs/evaluation.md. Some exist in no CAMEO
version (222, 903, 174K): the root is also scored on the sentences with at least one code
CAMEO has (``cameo_root_standard``).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime

from ..countries import country_by_iso3
from ..typology import cameo_name
from .common import GoldError, Tally, current, extract_texts, rate


def score_petrarch(path: str, pipeline, limit: int | None = None, progress=None) -> dict:
    sentences, skipped = _read_sentences(path, limit)
    items = [(s["id"], s["text"], s["date"]) for s in sentences]
    tally, standard, actors = Tally(), Tally(), {"source": [0, 0], "target": [0, 0]}
    for sentence, events in zip(sentences, extract_texts(pipeline, items, progress)):
        found = [e for e in current(events) if e["cameo"]]
        expected = sentence["events"]
        checks = {
            "cameo_root": lambda e: any(e["cameo"][:2] == x["eventcode"][:2] for x in expected),
            "cameo_code": lambda e: any(e["cameo"] == x["eventcode"] for x in expected),
        }
        tally.add(found, checks)
        if any(cameo_name(x["eventcode"]) for x in expected):
            standard.add(found, {"cameo_root_standard": checks["cameo_root"]})
        if found:
            _score_actors(found[0], expected, actors)
    metrics = tally.metrics() | standard.metrics()
    for role, (hits, n) in actors.items():
        metrics[f"{role}_country"] = {"top": rate(hits, n)}
    return {
        "task": "petrarch",
        "file": path,
        "n": tally.n,
        "skipped": skipped,
        "n_standard": standard.n,
        "n_source_country": actors["source"][1],
        "n_target_country": actors["target"][1],
        "metrics": metrics,
    }


# Invented countries of PETRARCH's test actor dictionary whose codes are also ISO 3166 codes:
# "ERI" is Eriador there, not Eritrea; "FRO" is Fornost, not the Faroe Islands.
_INVENTED = {"ERI", "FRO"}


def _score_actors(event: dict, expected: list[dict], actors: dict) -> None:
    """Compare actors with the expected event of the same CAMEO root (else the first one)."""
    gold = next((x for x in expected if x["eventcode"][:2] == event["cameo"][:2]), expected[0])
    for role, ours in (("source", event["actor1"]), ("target", event["actor2"])):
        code = gold[f"{role}code"][:3]
        country = None if code in _INVENTED else country_by_iso3(code)
        if country is None:
            continue
        actors[role][1] += 1
        actors[role][0] += bool(ours) and ours["country"] == country.iso3


def _read_sentences(path: str, limit: int | None) -> tuple[list[dict], int]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise GoldError(f"{path}:{err.position[0]}: broken XML: {err}") from None
    except OSError as err:
        raise GoldError(f"{path}: cannot read: {err}") from None
    sentences, skipped = [], 0
    for element in root.iter("Sentence"):
        codings = element.findall("EventCoding")
        events = [c.attrib for c in codings if "eventcode" in c.attrib]
        if not events:
            skipped += 1
            continue
        sentences.append(_sentence(path, element, events))
        if limit is not None and len(sentences) >= limit:
            break
    if not sentences and not skipped:
        raise GoldError(f"{path}: no <Sentence> records: is this PETRARCH's validation file?")
    return sentences, skipped


def _sentence(path: str, element: ET.Element, events: list[dict]) -> dict:
    text = " ".join((element.findtext("Text") or "").split())
    sid = element.get("id", "?")
    if not text or any(not {"sourcecode", "targetcode"} <= set(e) for e in events):
        raise GoldError(f"{path}: sentence {sid}: needs <Text> and sourcecode/targetcode/eventcode")
    return {"id": sid, "text": text, "date": _date(element.get("date")), "events": events}


def _date(value: str | None) -> date | None:
    try:
        return datetime.strptime(value or "", "%Y%m%d").date()
    except ValueError:
        return None
