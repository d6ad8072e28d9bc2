"""Typed records passed between the pipeline stages.

read -> Article -> clean -> CleanArticle -> parse -> ParsedArticle -> detect ->
EventRecord (actors, places, dates, numbers resolved) -> merge -> store -> export.

Every stage takes and returns these dataclasses; no stage reaches into another's
internals. ``EventRecord.to_dict()`` is the JSON event record of ../CONTRACT.md.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

DatePrecision = Literal["day", "week", "month", "year", "unknown"]
PlacePrecision = Literal["point", "city", "admin2", "admin1", "country"]
Status = Literal["reported", "claimed", "denied", "threatened", "planned"]
Qualifier = Literal["exact", "at_least", "at_most", "about"]


class InputError(Exception):
    """An input that cannot be read or holds no usable English text.

    ``origin`` names the file (or ``file.jsonl:LINE``, or ``-`` for stdin);
    ``str(err)`` is a one-line message for standard error.
    """

    def __init__(self, origin: str, problem: str):
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


@dataclass(frozen=True)
class Article:
    """One input article as read, before cleaning. Exactly one of text/html is set."""

    origin: str
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    source: str | None = None


@dataclass(frozen=True)
class Dateline:
    """The filing place (and date, when the dateline carries one) at the top of a story."""

    place: str
    date: date | None = None
    raw: str = ""


@dataclass(frozen=True)
class CleanArticle:
    """Main text with boilerplate removed. Evidence offsets point into ``text``."""

    article_id: str
    text: str
    origin: str
    dateline: Dateline | None = None
    published: date | None = None
    # where ``published`` came from: input | metadata | dateline | cli | inferred
    published_source: str | None = None
    # for inferred dates: "year" when only the year was inferred, else "day"
    published_precision: DatePrecision = "day"
    title: str | None = None
    url: str | None = None
    source: str | None = None
    removed: tuple[str, ...] = ()  # boilerplate lines dropped, for audit


@dataclass(frozen=True)
class Actor:
    name: str  # as written in the text
    canonical: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    type: str | None = None  # state_military, government, rebel_group, militia, police,
    # civilians, protesters, rioters, international_organisation, unidentified_armed_group, ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None = None  # ISO3
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: PlacePrecision = "city"
    geonameid: int | None = None
    # The place as the article writes it ("Baquba" for GeoNames' Baqubah): the words the location
    # was read from; not part of what makes two locations the same place.
    text: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ResolvedDate:
    date: date | None
    precision: DatePrecision
    text: str = ""  # the expression it was read from
    reason: str = ""  # how it was resolved, for audit


@dataclass(frozen=True)
class CasualtyClaim:
    """One reported number: '300 fighters killed, Moscow claims'."""

    count: int
    kind: Literal["killed", "wounded", "abducted", "arrested"]
    qualifier: Qualifier = "exact"
    group: str | None = None  # civilians, fighters, soldiers, people, police, ...
    source: str | None = None  # who reported it; None when the story states it as fact
    text: str = ""  # the sentence (or clause) it was read from
    start: int = 0  # offsets into CleanArticle.text
    end: int = 0
    part_of: int | None = None  # index of the claim this one is a subset of ("including 44 civilians")

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "group": self.group,
            "source": self.source,
            "text": self.text,
            "part_of": self.part_of,
        }


@dataclass(frozen=True)
class Fatalities:
    best: int
    low: int
    high: int
    claims: tuple[CasualtyClaim, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "best": self.best,
            "low": self.low,
            "high": self.high,
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Coding:
    """An event's codes in the three typologies users ask for."""

    plover_type: str | None
    plover_mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo: str | None = None


@dataclass
class EventRecord:
    event_id: str
    article_id: str
    coding: Coding
    event_date: ResolvedDate
    background: bool = False
    status: Status = "reported"
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    fatalities: Fatalities | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    trigger: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # other counts, associated actors, notes

    def to_dict(self) -> dict[str, Any]:
        c = self.coding
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "event_date": self.event_date.date.isoformat() if self.event_date.date else None,
            "date_precision": self.event_date.precision,
            "background": self.background,
            "status": self.status,
            "plover": {"type": c.plover_type, "mode": c.plover_mode},
            "acled": {"event_type": c.acled_event_type, "sub_event_type": c.acled_sub_event_type},
            "cameo": c.cameo,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities.to_dict() if self.fatalities else None,
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
            "date_text": self.event_date.text,
            **self.extra,
        }
