"""The event the resolve stage assembles from the mentions that refer to one happening.

``resolve`` folds mentions into ``Draft``s; ``tolls`` gives them their casualty claims,
``event_coding`` their codes, ``event_actors`` the actors their record names.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .detect import Mention
from .model import Actor, CasualtyClaim, Location, ResolvedDate


@dataclass
class Draft:
    """An event being assembled from the mentions that refer to it."""

    mentions: list[Mention]
    plover_type: str
    sub_event_type: str | None
    actor1: Actor | None
    actor2: Actor | None
    location: Location | None
    own_place: bool  # placed by its own words, not by the story's other events
    date: ResolvedDate
    own_date: bool
    background: bool
    claims: list[CasualtyClaim] = field(default_factory=list)  # given by tolls.attach_tolls once all are folded
    other_locations: list[Location] = field(default_factory=list)
    context_country: str | None = None  # the event's place's country, else the story's
    location_reason: str = "named in its sentence"  # where the place was read: the record's location_reason
