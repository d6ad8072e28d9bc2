"""Small hand-built articles and event records for the merge and store tests (no NLP needed)."""
from __future__ import annotations

from datetime import date

from eventwire.model import (Actor, CasualtyClaim, CleanArticle, Coding, EventRecord, Evidence, Fatalities,
                             Location, ResolvedDate)

PLACES = {
    "Idlib": Location("Idlib", "SYR", "Idlib", None, 35.9306, 36.6339, "city", 169389),
    "Saraqib": Location("Saraqib", "SYR", "Idlib", None, 35.8647, 36.8006, "city", 169304),  # 17 km from Idlib
    "Aleppo": Location("Aleppo", "SYR", "Aleppo", None, 36.2021, 37.1343, "city", 170063),  # 50 km
    "Idlib Governorate": Location("Idlib", "SYR", "Idlib", None, 35.83, 36.70, "admin1", 169387),
    "Nairobi": Location("Nairobi", "KEN", "Nairobi", None, -1.2833, 36.8167, "city", 184745),
}
AIR_STRIKE = Coding("ASSAULT", "aerial", "Explosions/Remote violence", "Air/drone strike", "195")
SHELLING = Coding("ASSAULT", "artillery", "Explosions/Remote violence", "Shelling/artillery/missile attack", "194")
PROTEST = Coding("PROTEST", "demonstrate", "Protests", "Peaceful protest", "141")
RUSSIA = Actor("Russian jets", "Military Forces of Russia", "RUS", "state_military")
TURKEY = Actor("Turkish drones", "Military Forces of Turkey", "TUR", "state_military")
CIVILIANS = Actor("civilians", "Civilians (Syria)", "SYR", "civilians")


def record(article_id: str, n: int = 0, *, day: str = "2024-12-02", precision: str = "day", place: str = "Idlib",
           coding: Coding = AIR_STRIKE, actor1: Actor | None = RUSSIA, actor2: Actor | None = CIVILIANS,
           killed: int | None = None, background: bool = False) -> EventRecord:
    text = f"{article_id} reports event {n}."
    claims = (CasualtyClaim(killed, "killed", text=text),) if killed is not None else ()
    return EventRecord(
        event_id=f"{article_id}-e{n}",
        article_id=article_id,
        coding=coding,
        event_date=ResolvedDate(date.fromisoformat(day), precision),
        background=background,
        actor1=actor1,
        actor2=actor2,
        location=PLACES[place] if place else None,
        fatalities=Fatalities(killed, killed, killed, claims) if killed is not None else None,
        evidence=[Evidence(text, 0, len(text))],
        confidence=0.8,
    )


def article(article_id: str, text: str | None = None, *, published: str = "2024-12-03",
            source: str | None = None) -> CleanArticle:
    return CleanArticle(article_id=article_id, text=text or f"The story {article_id} tells.", origin=article_id,
                        published=date.fromisoformat(published), published_source="input",
                        url=f"https://news.example/{article_id}", title=f"Story {article_id}",
                        source=source or f"Outlet {article_id}")


def mention(rec: EventRecord, art: CleanArticle | None = None) -> dict:
    """What the store hands merge_events: the record with its article's metadata."""
    art = art or article(rec.article_id)
    return {**rec.to_dict(), "article": {"article_id": art.article_id, "url": art.url, "title": art.title,
                                          "published": art.published.isoformat(), "source": art.source}}
