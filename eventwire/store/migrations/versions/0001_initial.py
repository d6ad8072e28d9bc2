"""Initial schema: articles, mentions, events, event_mentions, claims.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("published_source", sa.String(20)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("date_lo", sa.Date),
        sa.Column("date_hi", sa.Date),
        sa.Column("country", sa.String(3)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("acled_event_type", sa.String(60)),
        sa.Column("acled_sub_event_type", sa.String(80)),
        sa.Column("plover_type", sa.String(40)),
        sa.Column("actor1", sa.Text),
        sa.Column("actor2", sa.Text),
        sa.Column("fatalities", sa.Integer),
        sa.Column("background", sa.Boolean, nullable=False),
        sa.Column("component", sa.String(64), nullable=False),
    )
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_index("ix_mentions_component", "mentions", ["component"])
    op.create_index("ix_mentions_block", "mentions", ["country", "date_lo"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("component", sa.String(64), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("country", sa.String(3)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("acled_event_type", sa.String(60)),
        sa.Column("acled_sub_event_type", sa.String(80)),
        sa.Column("plover_type", sa.String(40)),
        sa.Column("actors", sa.Text),
        sa.Column("fatalities", sa.Integer),
        sa.Column("background", sa.Boolean, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
    )
    op.create_index("ix_events_component", "events", ["component"])
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_table(
        "event_mentions",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("mention_id", sa.String(64), sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_event_mentions_mention", "event_mentions", ["mention_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("mention_id", sa.String(64), sa.ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20)),
        sa.Column("qualifier", sa.String(20)),
        sa.Column("group", sa.String(60)),
        sa.Column("source", sa.Text),
        sa.Column("text", sa.Text),
    )
    op.create_index("ix_claims_mention_id", "claims", ["mention_id"])


def downgrade() -> None:
    for table in ("claims", "event_mentions", "events", "mentions", "articles"):
        op.drop_table(table)
