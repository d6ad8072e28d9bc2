"""The store's tables (SQLAlchemy Core). Alembic migrations in ``migrations/`` create them.

articles -> mentions (one per event an article reports, the contract record as JSON plus
indexed columns) -> event_mentions <- events (merged, the merged record as JSON plus the
columns the query filters use). claims holds each mention's own casualty claims.
``component`` (on mentions and events) names the connected component of compatible mentions an
event belongs to: the unit the store re-merges when an article arrives (see eventwire.merge).
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData,
                        String, Table, Text)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),  # sha256 of the cleaned text
    Column("url", Text),
    Column("title", Text),
    Column("source", Text),
    Column("published", Date),
    Column("published_source", String(20)),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("id", String(64), primary_key=True),  # the record's event_id
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("record", JSON, nullable=False),
    Column("event_date", Date),
    Column("date_lo", Date),  # the window merge.date_window gives; null: never merged
    Column("date_hi", Date),
    Column("country", String(3)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("acled_event_type", String(60)),
    Column("acled_sub_event_type", String(80)),
    Column("plover_type", String(40)),
    Column("actor1", Text),
    Column("actor2", Text),
    Column("fatalities", Integer),
    Column("background", Boolean, nullable=False),
    Column("component", String(64), nullable=False, index=True),
    Index("ix_mentions_block", "country", "date_lo"),
)

events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),
    Column("component", String(64), nullable=False, index=True),
    Column("record", JSON, nullable=False),
    Column("event_date", Date, index=True),
    Column("country", String(3), index=True),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("acled_event_type", String(60)),
    Column("acled_sub_event_type", String(80)),
    Column("plover_type", String(40)),
    Column("actors", Text),  # lower-case names and canonical names of every member, for --actor
    Column("fatalities", Integer),
    Column("background", Boolean, nullable=False),
    Column("n_sources", Integer, nullable=False),
)

event_mentions = Table(
    "event_mentions", metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("mention_id", String(64), ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_event_mentions_mention", "mention_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mention_id", String(64), ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("article_id", String(200), nullable=False),
    Column("count", Integer, nullable=False),
    Column("kind", String(20)),
    Column("qualifier", String(20)),
    Column("group", String(60)),
    Column("source", Text),
    Column("text", Text),
)
