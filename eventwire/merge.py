"""MERGE stage: event mentions from many articles -> one event per real-world happening.

Public entry point: ``merge_events(mentions)``. A mention is a contract record
(``EventRecord.to_dict()``) with its article's metadata under ``"article"`` (``article_id``,
``url``, ``title``, ``published``, ``source``). The result does not depend on the order of
the input:

1. Two mentions are *compatible* when they come from different articles, are both news or
   both background, have sub-event types that can describe one happening, within one ACLED
   event type or across kindred ones (merge_subevent_groups.tsv: a tear-gassed march is one
   outlet's riot and another's protest; or the PLOVER type when one has no ACLED type),
   have dates within their precision (day +-1, unless both stories wrote the day out; a
   week-precision date +-6 days, two of them at most 6 days apart; a month its month;
   year-only and undated mentions never merge), the same or nested places (same GeoNames id,
   within 25 km, or one is the admin1 or country containing the other; never two known,
   different districts; a locality the gazetteer lacks is not its province) and no
   conflicting actors (actor1, actor2, and the organisation that led a crowd; a state named as
   the associated actor of a joint attack may be another report's actor1).
2. Compatible mentions are linked into connected components. A component is closed: no
   mention outside it is compatible with one inside, so the store re-merges one component at a
   time when an article arrives (``date_window`` gives the dates a mention can link to).
3. Inside a component, mentions are clustered greedily in a fixed order (date, id): each joins
   the closest cluster whose every member it is compatible with and that has no mention from
   its own article, ties going to the cluster with the smaller id; else it starts a cluster.
   Chains (A~B, B~C, A!~C) thus never put incompatible reports in one event.

A merged event's id is its smallest member mention id, so a one-source event keeps the id
``eventwire extract`` printed. Fatalities: each source's claims are kept; per outlet only its
latest report counts (a later, larger toll updates, it does not add); ``low`` is the lowest
outlet figure, ``high`` the highest and ``best`` the most conservative outlet best, as ACLED
does. Counts from two sources are never summed.
"""
from __future__ import annotations

from calendar import monthrange
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from .actors import is_generic_name
from .datafiles import read_tsv
from .places import distance_km, same_admin1
from .countries import normalise
from . import typology

Record = dict[str, Any]

MAX_KM = 25.0
DATE_SLACK = timedelta(days=1)  # reports of one day-precision event differ by a day at most
CALENDAR_REASONS = ("absolute date", "day and month")  # eventwire.dates reasons for a written-out day
WEEK = timedelta(days=6)
DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
PLACE_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
FATALITIES_RULE = ("best: the lowest of the outlets' best counts (ACLED's conservative rule); "
                   "low/high: lowest and highest outlet counts; per outlet only its latest report counts")


@dataclass(frozen=True)
class MergedEvent:
    event_id: str  # the smallest member mention id: stable whatever the ingestion order
    component: str  # smallest mention id of the connected component the event belongs to
    mention_ids: tuple[str, ...]
    record: Record  # contract fields + sources, merge, n_sources


@dataclass(frozen=True)
class _Mention:
    id: str
    record: Record
    window: tuple[date, date] | None

    @property
    def article_id(self) -> str:
        return self.record["article_id"]


def merge_events(mentions: Sequence[Record]) -> list[MergedEvent]:
    """Group mentions into events (sorted by event id); see the module docstring for the rules."""
    items = sorted((_Mention(m["event_id"], m, date_window(m)) for m in mentions), key=_order)
    merged = []
    for component in _components(items):
        for cluster in _clusters(component):
            merged.append(_merged(cluster, component[0].id))
    return sorted(merged, key=lambda e: e.event_id)


def date_window(mention: Record) -> tuple[date, date] | None:
    """The days a mention's event may fall on, or None when its date is too vague to merge."""
    if not mention.get("event_date"):
        return None
    day = date.fromisoformat(mention["event_date"])
    precision = mention.get("date_precision")
    if precision == "day":
        return day, day
    if precision == "week":
        return day - WEEK, day + WEEK
    if precision == "month":
        return day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1])
    return None


def _order(m: _Mention) -> tuple:
    return (m.window[0] if m.window else date.max, m.id)


# --- compatibility ----------------------------------------------------------------------------

def compatible(a: Record, b: Record) -> list[str] | None:
    """Why two mentions report the same happening (one reason per field), or None."""
    if a["article_id"] == b["article_id"] or bool(a.get("background")) != bool(b.get("background")):
        return None
    reasons = []
    for check in (_same_dates, _same_place, _same_type, _same_actors):
        reason = check(a, b)
        if reason is None:
            return None
        reasons.append(reason)
    return reasons


def _same_dates(a: Record, b: Record) -> str | None:
    wa, wb = date_window(a), date_window(b)
    if wa is None or wb is None or wa[0] > wb[1] + DATE_SLACK or wb[0] > wa[1] + DATE_SLACK:
        return None
    if a["event_date"] == b["event_date"]:
        return f"date: same {a['date_precision']} {a['event_date']}"
    if a["date_precision"] == b["date_precision"] == "week" and not wa[0] <= date.fromisoformat(b["event_date"]) <= wa[1]:
        return None  # two windows that only overlap at their ends: the stories' weeks are a week apart
    if wa[0] == wa[1] and wb[0] == wb[1]:
        if _calendar_date(a) and _calendar_date(b):
            return None  # two stories that both name the day disagree: two days, two events
        return f"date: {a['event_date']} vs {b['event_date']} within 1 day"
    return f"date: {a['event_date']} ({a['date_precision']}) vs {b['event_date']} ({b['date_precision']}) overlap"


def _calendar_date(r: Record) -> bool:
    """The story wrote the day out ("30 November"); relative dates ("on Saturday") may be a day off."""
    return (r.get("date_reason") or "").startswith(CALENDAR_REASONS)


def _same_place(a: Record, b: Record) -> str | None:
    la, lb = a.get("location"), b.get("location")
    if not la or not lb or not la.get("country") or la.get("country") != lb.get("country"):
        return None
    if la.get("geonameid") and la.get("geonameid") == lb.get("geonameid"):
        return f"place: same geonameid {la['geonameid']} ({la['name']})"
    if _other_admin2(la, lb):
        return None
    km = _km(la, lb)
    if km is not None and km <= MAX_KM and PLACE_RANK[la["precision"]] < 3 and PLACE_RANK[lb["precision"]] < 3:
        return f"place: {la['name']} and {lb['name']} {km:.0f} km apart"
    if _unlocated(la) and _unlocated(lb) and normalise(la["name"]) == normalise(lb["name"]):
        return f"place: same locality {la['name']} ({la['admin1']})"
    for outer, inner in ((la, lb), (lb, la)):
        if _unlocated(outer) and outer.get("admin2") and outer["admin2"] == inner.get("admin2"):
            return f"place: {inner['name']} and {outer['name']} are in {outer['admin2']}"
        if outer["precision"] == "country":
            return f"place: {inner['name']} is in {outer['name']}"
        if (outer["precision"] == "admin1" and not _unlocated(outer)
                and same_admin1(outer.get("admin1") or outer["name"], inner.get("admin1"))):
            return f"place: {inner['name']} is in {outer['name']}"
    return None


def _unlocated(loc: Record) -> bool:
    """A locality the gazetteer lacks, kept at its province's precision under its own name: it
    lies somewhere in the province but is not the province, so it contains no other place."""
    return loc["precision"] == "admin1" and not loc.get("geonameid") and not same_admin1(loc["name"], loc.get("admin1"))


def _other_admin2(la: Record, lb: Record) -> bool:
    """Two places in known, different districts: towns a few km apart across a district line are
    two places, and so is a locality the gazetteer lacks (kept at its province's precision, with
    the district the story named) and a town of another district of that province."""
    return bool(la.get("admin2")) and bool(lb.get("admin2")) and la["admin2"] != lb["admin2"]


def _km(la: Record, lb: Record) -> float | None:
    if None in (la.get("latitude"), la.get("longitude"), lb.get("latitude"), lb.get("longitude")):
        return None
    return distance_km(la["latitude"], la["longitude"], lb["latitude"], lb["longitude"])


def _same_type(a: Record, b: Record) -> str | None:
    """Same ACLED event type and sub-event types that can describe one happening; the PLOVER
    type decides only when one of them has no ACLED type (a battle and an attack on civilians
    are both PLOVER ASSAULT, yet not one event)."""
    aa, ab = a.get("acled") or {}, b.get("acled") or {}
    if aa.get("event_type") and ab.get("event_type"):
        if aa["event_type"] not in kindred_event_types(ab["event_type"]) or not _same_happening(aa.get("sub_event_type"), ab.get("sub_event_type")):
            return None
        same_sub = aa.get("sub_event_type") and aa.get("sub_event_type") == ab.get("sub_event_type")
        return f"type: {aa['sub_event_type'] if same_sub else aa['event_type']}"
    pa, pb = (a.get("plover") or {}).get("type"), (b.get("plover") or {}).get("type")
    if pa and pa == pb:
        return f"type: PLOVER {pa}"
    return None


@lru_cache(maxsize=None)
def kindred_event_types(event_type: str) -> frozenset[str]:
    """The ACLED event types two reports of one happening may give it: its own, and those of the
    sub-event types that share a happening with its own ("Violent demonstration", a riot, and
    "Protest with intervention" both describe a crowd the police broke up)."""
    groups = _subevent_groups()
    own = set().union(*(g for sub, g in groups.items() if typology.acled_event_type(sub) == event_type))
    return frozenset({event_type} | {typology.acled_event_type(sub) for sub, g in groups.items() if g & own})


def _same_happening(sub_a: str | None, sub_b: str | None) -> bool:
    groups = _subevent_groups()
    return sub_a not in groups or sub_b not in groups or bool(groups[sub_a] & groups[sub_b])


@lru_cache(maxsize=1)
def _subevent_groups() -> dict[str, frozenset[str]]:
    return {row["sub_event_type"]: frozenset(row["group"].split("|")) for row in read_tsv("merge_subevent_groups.tsv")}


def _same_actors(a: Record, b: Record) -> str | None:
    """Actors that can name the same sides; the organisations that led two crowds
    (``assoc_actor_1``: "members of BNP" vs "members of Awami League") must agree too."""
    a1, a2, b1, b2 = a.get("actor1"), a.get("actor2"), b.get("actor1"), b.get("actor2")
    assoc_a, assoc_b = a.get("assoc_actor_1"), b.get("assoc_actor_1")
    if (_actor_ok(a1, b1) or _joint(a, b) or _joint(b, a)) and _actor_ok(a2, b2) and _actor_ok(assoc_a, assoc_b):
        pairs = ((a1, b1), (a2, b2), (assoc_a, assoc_b))
    elif (_named(a1, b2) or _named(a2, b1)) and _actor_ok(a1, b2) and _actor_ok(a2, b1):
        # "X attacked Y" and "Y clashed with X"; a swap that pairs no two named actors would let
        # any two one-sided reports ("Al Shabaab attacked", "ISIS attacked") through
        pairs = ((a1, b2), (a2, b1))
    else:
        return None
    named = [f"{x['canonical']} ~ {y['canonical']}" for x, y in pairs if _named(x, y)]
    return "actors: " + ("; ".join(named) if named else "no conflict")


def _joint(a: Record, b: Record) -> bool:
    """'Syrian and Russian warplanes struck' (actor 1 Syria's forces, Russia's associated) and
    'Russian jets bombed': one report names only one of a joint attack's sides."""
    partner, actor = a.get("assoc_actor_1"), b.get("actor1")
    return bool(partner and actor and partner.get("canonical") and partner["canonical"] == actor.get("canonical"))


def _named(x: Record | None, y: Record | None) -> bool:
    return bool(x and y and x.get("canonical") and y.get("canonical"))


def _actor_ok(x: Record | None, y: Record | None) -> bool:
    if not x or not y or not x.get("canonical") or not y.get("canonical") or x["canonical"] == y["canonical"]:
        return True
    groups = _actor_groups()
    group = groups.get(x.get("type") or "")
    if group is None or group != groups.get(y.get("type") or ""):
        return False
    if _vague(x) or _vague(y):
        return True
    return group == "state_forces" and x.get("country") is not None and x.get("country") == y.get("country")


def _vague(actor: Record) -> bool:
    return is_generic_name(actor["canonical"])


@lru_cache(maxsize=1)
def _actor_groups() -> dict[str, str]:
    return {row["type"]: row["group"] for row in read_tsv("merge_actor_groups.tsv")}


# --- clustering -------------------------------------------------------------------------------

def _components(items: list[_Mention]) -> list[list[_Mention]]:
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(items):
        if a.window is None:
            continue
        for j in range(i + 1, len(items)):
            b = items[j]
            if b.window is None or b.window[0] > a.window[1] + DATE_SLACK:
                break  # sorted by window start: no later mention can overlap a's window
            if compatible(a.record, b.record):
                parent[root(j)] = root(i)
    groups: dict[int, list[_Mention]] = {}
    for i, item in enumerate(items):
        groups.setdefault(root(i), []).append(item)
    return [sorted(g, key=lambda m: m.id) for g in groups.values()]


@dataclass
class _Cluster:
    members: list[_Mention]
    links: list[tuple[str, str, list[str]]]  # (member id, closest earlier member id, reasons)


def _clusters(component: list[_Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for m in sorted(component, key=_order):
        best = None
        for cluster in clusters:
            fit = _fit(m, cluster)
            if fit is not None and (best is None or (fit[0], min(x.id for x in cluster.members)) < best[0]):
                best = ((fit[0], min(x.id for x in cluster.members)), cluster, fit[1])
        if best is None:
            clusters.append(_Cluster([m], []))
        else:
            best[1].members.append(m)
            best[1].links.append(best[2])
    return clusters


def _fit(m: _Mention, cluster: _Cluster) -> tuple[float, tuple[str, str, list[str]]] | None:
    """Mean distance of ``m`` to the cluster and its link to the closest member, or None."""
    scored = []
    for other in cluster.members:
        reasons = compatible(m.record, other.record)
        if reasons is None:
            return None
        scored.append((_distance(m.record, other.record), other.id, reasons))
    closest = min(scored, key=lambda s: (s[0], s[1]))
    return sum(s[0] for s in scored) / len(scored), (m.id, closest[1], closest[2])


def _distance(a: Record, b: Record) -> float:
    """Days apart plus km / 25 (a nested place counts as one step)."""
    days = abs((date.fromisoformat(a["event_date"]) - date.fromisoformat(b["event_date"])).days)
    la, lb = a["location"], b["location"]
    if la.get("geonameid") and la.get("geonameid") == lb.get("geonameid"):
        return days
    km = _km(la, lb)
    return days + (km / MAX_KM if km is not None else 1.0)


# --- the merged record ------------------------------------------------------------------------

def _merged(cluster: _Cluster, component: str) -> MergedEvent:
    members = sorted(cluster.members, key=lambda m: m.id)
    records = [m.record for m in members]
    lead = min(records, key=lambda r: (DATE_RANK.get(r.get("date_precision"), 4), -r.get("confidence", 0), r["event_id"]))
    record = {k: v for k, v in lead.items() if k != "article"}
    record.update(
        event_id=members[0].id,
        event_date=_mode_date(records, lead.get("date_precision")),
        location=_best_location(records),
        actor1=lead.get("actor1") or next((r["actor1"] for r in records if r.get("actor1")), None),
        actor2=lead.get("actor2") or next((r["actor2"] for r in records if r.get("actor2")), None),
        fatalities=_fatalities(records),
        confidence=max(r.get("confidence", 0) for r in records),
        sources=sorted((_source(r) for r in records), key=lambda s: (s["published"] or "", s["article_id"])),
        n_sources=len(records),
        merge={
            "explanation": [f"{a} ~ {b}: " + "; ".join(reasons) for a, b, reasons in sorted(cluster.links)],
            "fatalities_rule": FATALITIES_RULE,
        },
    )
    return MergedEvent(members[0].id, component, tuple(m.id for m in members), record)


def _mode_date(records: list[Record], precision: str | None) -> str | None:
    dates = Counter(r["event_date"] for r in records if r.get("date_precision") == precision and r.get("event_date"))
    if not dates:
        return None
    return min(dates, key=lambda d: (-dates[d], d))


def _best_location(records: list[Record]) -> Record | None:
    located = [r["location"] for r in records if r.get("location")]
    if not located:
        return None
    ids = Counter(loc.get("geonameid") for loc in located)
    return min(located, key=lambda loc: (PLACE_RANK.get(loc.get("precision"), 5), -ids[loc.get("geonameid")], loc["name"]))


def _fatalities(records: list[Record]) -> Record | None:
    reports = [r for r in records if r.get("fatalities")]
    if not reports:
        return None
    latest: dict[str, Record] = {}
    for r in sorted(reports, key=lambda r: (_published(r), r["fatalities"]["best"], r["event_id"])):
        latest[_outlet(r)] = r  # a later (or, same day, larger) report of one outlet replaces its earlier one
    figures = [r["fatalities"] for r in latest.values()]
    claims = [{**c, "article_id": r["article_id"]} for r in reports for c in r["fatalities"].get("claims", [])]
    return {
        "best": min(f["best"] for f in figures),
        "low": min(f["low"] for f in figures),
        "high": max(f["high"] for f in figures),
        "claims": claims,
    }


def _published(r: Record) -> str:
    return (r.get("article") or {}).get("published") or ""


def _outlet(r: Record) -> str:
    article = r.get("article") or {}
    if article.get("source"):
        return article["source"].strip().lower()
    host = urlsplit(article.get("url") or "").hostname
    return host.removeprefix("www.") if host else r["article_id"]


def _source(r: Record) -> Record:
    article = r.get("article") or {}
    return {
        "article_id": r["article_id"],
        "event_id": r["event_id"],
        "url": article.get("url"),
        "title": article.get("title"),
        "published": article.get("published"),
        "source": article.get("source"),
        "event_date": r.get("event_date"),
        "location": (r.get("location") or {}).get("name"),
        "fatalities": {k: r["fatalities"][k] for k in ("best", "low", "high")} if r.get("fatalities") else None,
        "claims": (r.get("fatalities") or {}).get("claims", []),
        "evidence": r.get("evidence", []),
    }
