"""STORE stage: articles and their event mentions in, merged events out (SQLite or PostgreSQL).

Public entry point: ``Store(url)``. ``ingest`` stores one article and its event records in
one transaction and re-merges the components of compatible mentions it touches
(``eventwire.merge``); ``events``/``count``/``stats``/``event``/``article`` answer queries.

Writers are serialised per database: SQLite takes its write lock when the transaction starts
(``BEGIN IMMEDIATE``, WAL journal, a busy timeout) and PostgreSQL an advisory transaction lock,
so two processes ingesting the same files neither duplicate nor lose a merge; unique keys on
the article id and text hash back this up. A killed ingest loses only the article being
written: the rerun finds the others unchanged.
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Float, and_, bindparam, create_engine, delete, event, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError, OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql.functions import FunctionElement

from ..merge import MergedEvent, compatible, date_window, kindred_event_types, merge_events
from ..places import distance_km
from ..model import CleanArticle, EventRecord
from .schema import articles, claims, event_mentions, events, mentions

DEFAULT_URL = "sqlite:///eventwire.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
WRITE_LOCK = 0x65766E74  # PostgreSQL advisory lock key ("evnt") held by each writing transaction
RETRIES = 5
# The widest date window a mention can have (a month), for an index range on date_lo.
WIDEST_WINDOW = timedelta(days=32)
Record = dict[str, Any]


class StoreError(Exception):
    """A database that cannot be opened or used; ``str(err)`` is a one-line message."""


@dataclass(frozen=True)
class EventQuery:
    country: str | None = None  # ISO3
    since: date | None = None
    until: date | None = None
    type: str | None = None  # ACLED event type, ACLED sub-event type or PLOVER type, any case
    actor: str | None = None  # part of an actor's name or canonical name, any case
    near: tuple[float, float, float] | None = None  # latitude, longitude, km
    limit: int | None = None
    offset: int = 0
    background: bool | None = False  # False: news only; True: history recalled by stories; None: both


@dataclass(frozen=True)
class IngestResult:
    article_id: str
    status: Literal["new", "unchanged", "updated"]
    mentions: int = 0  # event records stored for the article (0 when unchanged)


class Store:
    """``url``: an SQLAlchemy URL (default ``sqlite:///eventwire.db``), ``postgresql://...``,
    or a plain file path for SQLite. Opening creates or upgrades the schema."""

    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        given = _parse_url(url or DEFAULT_URL)
        self.shown_url = given.render_as_string(hide_password=True)
        self.url = given.set(drivername="postgresql+psycopg") if given.drivername in ("postgresql", "postgres") else given
        if not create and _missing_sqlite_file(self.url):
            raise StoreError(f"no database at {self.url.database}; run `eventwire ingest` first or give --db URL")
        try:
            self.engine = _engine(self.url)
        except (NoSuchModuleError, ImportError):  # an unknown dialect, or one whose driver is not installed
            raise StoreError(f"{self.shown_url}: unsupported database; use sqlite:///FILE or postgresql://USER@HOST/DB") from None
        self.postgres = self.url.get_backend_name() == "postgresql"
        self._writer = self.engine.execution_options(eventwire_write=True)
        try:
            self._migrate()
        except (OperationalError, DBAPIError) as err:
            self.engine.dispose()
            raise StoreError(f"cannot reach {self.shown_url}: {_first_line(err)}; check the --db URL and that the database is running") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------

    def ingest(self, article: CleanArticle, records: list[EventRecord]) -> IngestResult:
        """Store one article and its events in one transaction and re-merge what they touch."""
        digest = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
        for attempt in range(RETRIES):
            try:
                with self._write() as conn:
                    return _ingest(conn, article, records, digest)
            except (IntegrityError, OperationalError):
                # Another writer stored the same article first, or held the lock too long.
                if attempt == RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._writer.begin() as conn:
            if self.postgres:
                conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))
            yield conn

    def _migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        script = ScriptDirectory.from_config(config)
        with self._write() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            if current is not None and current not in {r.revision for r in script.walk_revisions()}:
                raise StoreError(
                    f"database schema {current} in {self.shown_url} is newer than this eventwire knows "
                    f"(latest {script.get_current_head()}); upgrade eventwire"
                )
            if current != script.get_current_head():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")

    # --- reading ------------------------------------------------------------------------------

    def events(self, query: EventQuery = EventQuery()) -> list[Record]:
        """Merged events matching ``query``, newest first."""
        stmt = (select(events.c.record).where(*self._where(query))
                .order_by(events.c.event_date.desc().nulls_last(), events.c.id)
                .offset(query.offset))
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        with self.engine.connect() as conn:
            return [row.record for row in conn.execute(stmt)]

    def count(self, query: EventQuery = EventQuery()) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(events).where(*self._where(query))).scalar_one()

    def event(self, event_id: str) -> Record | None:
        """A merged event by its id, or by the id of one of its mentions (``extract``'s ids)."""
        with self.engine.connect() as conn:
            record = conn.execute(select(events.c.record).where(events.c.id == event_id)).scalar()
            if record is None:
                record = conn.execute(
                    select(events.c.record).join(event_mentions, event_mentions.c.event_id == events.c.id)
                    .where(event_mentions.c.mention_id == event_id)
                ).scalar()
            return record

    def article(self, article_id: str) -> Record | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            return None
        return {
            "article_id": row.id, "title": row.title, "url": row.url,
            "published": row.published.isoformat() if row.published else None,
            "published_source": row.published_source, "source": row.source, "text": row.text,
        }

    def stats(self, query: EventQuery = EventQuery()) -> Record:
        where = self._where(query)
        kind = func.coalesce(events.c.acled_event_type, "unclassified")
        with self.engine.connect() as conn:
            n = conn.execute(select(func.count()).select_from(events).where(*where)).scalar_one()
            n_articles = conn.execute(
                select(func.count(func.distinct(mentions.c.article_id)))
                .select_from(events.join(event_mentions, event_mentions.c.event_id == events.c.id)
                             .join(mentions, mentions.c.id == event_mentions.c.mention_id))
                .where(*where)
            ).scalar_one()
            by_type = conn.execute(select(kind, func.count()).where(*where).group_by(kind)).all()
            by_country = conn.execute(
                select(events.c.country, func.count()).where(*where, events.c.country.is_not(None)).group_by(events.c.country)
            ).all()
            by_day_rows = conn.execute(
                select(events.c.event_date, kind, func.count())
                .where(*where, events.c.event_date.is_not(None)).group_by(events.c.event_date, kind)
            ).all()
        by_day: dict[str, dict[str, int]] = {}
        for day, name, count in sorted(by_day_rows, key=lambda r: (r[0], r[1])):
            by_day.setdefault(day.isoformat(), {})[name] = count
        return {
            "events": n,
            "articles": n_articles,
            "by_type": dict(sorted(by_type, key=lambda r: (-r[1], r[0]))),
            "by_country": dict(sorted(by_country, key=lambda r: (-r[1], r[0]))),
            "by_day": by_day,
        }

    def _where(self, q: EventQuery) -> list:
        where = []
        if q.background is not None:
            where.append(events.c.background.is_(q.background))
        if q.country:
            where.append(events.c.country == q.country.upper())
        if q.since:
            where.append(events.c.event_date >= q.since)
        if q.until:
            where.append(events.c.event_date <= q.until)
        if q.type:
            name = q.type.strip().lower()
            where.append(or_(*(func.lower(c) == name for c in
                               (events.c.acled_event_type, events.c.acled_sub_event_type, events.c.plover_type))))
        if q.actor:
            where.append(events.c.actors.contains(q.actor.strip().lower(), autoescape=True))
        if q.near:
            lat, lon, km = q.near
            # A bounding box the indexes can use, then the exact distance.
            dlat = km / 111.0
            dlon = km / (111.0 * max(math.cos(math.radians(lat)), 0.01))
            where += [events.c.latitude.between(lat - dlat, lat + dlat),
                      events.c.longitude.between(lon - dlon, lon + dlon),
                      _km(events.c.latitude, events.c.longitude, lat, lon) <= km]
        return where


# --- ingest -----------------------------------------------------------------------------------

def _ingest(conn: Connection, article: CleanArticle, records: list[EventRecord], digest: str) -> IngestResult:
    found = conn.execute(_FIND_ARTICLE, {"id": article.article_id, "hash": digest}).scalars().all()
    if digest in found:
        return IngestResult(article.article_id, "unchanged")
    exists = bool(found)  # only the id can have matched: the article changed
    touched = _drop_mentions(conn, article.article_id) if exists else set()
    row = _article_row(article, digest)
    if exists:
        conn.execute(update(articles).where(articles.c.id == article.article_id).values(**row))
    else:
        conn.execute(_INSERT_ARTICLE, {"id": article.article_id, **row})
    meta = _article_meta(article)
    new = [{**r.to_dict(), "article": meta} for r in records]
    stored = _stored_members(conn, new, touched)
    merged = merge_events(new + [r.record for r in stored])
    _write_merge(conn, merged, new, stored, touched | {r.component for r in stored})
    return IngestResult(article.article_id, "updated" if exists else "new", len(new))


def _drop_mentions(conn: Connection, article_id: str) -> set[str]:
    """Delete an article's mentions; return the components they belonged to."""
    rows = conn.execute(select(mentions.c.id, mentions.c.component).where(mentions.c.article_id == article_id)).all()
    ids = [r.id for r in rows]
    if ids:
        conn.execute(delete(claims).where(claims.c.mention_id.in_(ids)))
        conn.execute(delete(event_mentions).where(event_mentions.c.mention_id.in_(ids)))
        conn.execute(delete(mentions).where(mentions.c.id.in_(ids)))
    return {r.component for r in rows}


def _stored_members(conn: Connection, new: list[Record], touched: set[str]) -> list:
    """Stored mentions (id, component, record) of the components the new mentions link to,
    and of those an update took mentions from: together a closed set to re-merge."""
    components = set(touched) | _linked_components(conn, new)
    if not components:
        return []
    return conn.execute(select(mentions.c.id, mentions.c.component, mentions.c.record)
                        .where(mentions.c.component.in_(components))).all()


def _write_merge(conn: Connection, merged: list[MergedEvent], new: list[Record], stored: list, old: set[str]) -> None:
    """Replace the events of the ``old`` components by ``merged``; store the new mentions."""
    if old:
        conn.execute(delete(event_mentions).where(
            event_mentions.c.event_id.in_(select(events.c.id).where(events.c.component.in_(old)))))
        conn.execute(delete(events).where(events.c.component.in_(old)))
    component_of = {m: e.component for e in merged for m in e.mention_ids}
    if new:
        conn.execute(_INSERT_MENTION, [_mention_row(m, component_of[m["event_id"]]) for m in new])
        claim_rows = [_claim_row(m, c) for m in new for c in (m.get("fatalities") or {}).get("claims", [])]
        if claim_rows:
            conn.execute(_INSERT_CLAIM, claim_rows)
    if not merged:
        return
    by_id = {m["event_id"]: m for m in new} | {r.id: r.record for r in stored}
    conn.execute(_INSERT_EVENT, [_event_row(e, [by_id[i] for i in e.mention_ids]) for e in merged])
    conn.execute(_INSERT_LINK, [{"event_id": e.event_id, "mention_id": m} for e in merged for m in e.mention_ids])
    moved: dict[str, list[str]] = {}
    for r in stored:
        if component_of[r.id] != r.component:
            moved.setdefault(component_of[r.id], []).append(r.id)
    for component, ids in moved.items():
        conn.execute(update(mentions).where(mentions.c.id.in_(ids)).values(component=component))


def _linked_components(conn: Connection, new: list[Record]) -> set[str]:
    """Components holding a stored mention compatible with one of ``new`` (indexed lookups)."""
    found: set[str] = set()
    for m in new:
        window, country = date_window(m), (m.get("location") or {}).get("country")
        event_type, plover = (m.get("acled") or {}).get("event_type"), (m.get("plover") or {}).get("type")
        if window is None or country is None or not (event_type or plover):
            continue
        lo, hi = window[0] - timedelta(days=1), window[1] + timedelta(days=1)
        params = {"country": country, "lo": lo, "first": lo - WIDEST_WINDOW, "hi": hi, "article": m["article_id"],
                  "background": bool(m.get("background")), "plover": plover,
                  "event_types": sorted(kindred_event_types(event_type)) if event_type else []}
        rows = conn.execute(_CANDIDATES[bool(event_type), bool(plover)], params)
        found |= {row.component for row in rows if row.component not in found and compatible(m, row.record)}
    return found


def _candidates(by_acled: bool, by_plover: bool):
    """The SQL side of merge's date, country and type rules, so few records need decoding:
    a kindred ACLED event type (merge.kindred_event_types), or (when one of the two has none) the
    same PLOVER type."""
    same_plover = mentions.c.plover_type == bindparam("plover")
    if by_acled:
        same_acled = mentions.c.acled_event_type.in_(bindparam("event_types", expanding=True))
        kind = or_(same_acled, and_(mentions.c.acled_event_type.is_(None), same_plover)) if by_plover else same_acled
    else:
        kind = same_plover
    return select(mentions.c.component, mentions.c.record).where(
        mentions.c.country == bindparam("country"),
        mentions.c.date_lo.between(bindparam("first"), bindparam("hi")),
        mentions.c.date_hi >= bindparam("lo"),
        mentions.c.article_id != bindparam("article"),
        mentions.c.background == bindparam("background"),
        kind,
    )


# Statements of the per-article path, built once (building them costs more than running them).
_FIND_ARTICLE = select(articles.c.content_hash).where(
    or_(articles.c.id == bindparam("id"), articles.c.content_hash == bindparam("hash")))
_INSERT_ARTICLE = insert(articles)
_INSERT_MENTION = insert(mentions)
_INSERT_CLAIM = insert(claims)
_INSERT_EVENT = insert(events)
_INSERT_LINK = insert(event_mentions)
_CANDIDATES = {(a, p): _candidates(a, p) for a in (True, False) for p in (True, False) if a or p}


def _article_row(article: CleanArticle, digest: str) -> Record:
    return {
        "content_hash": digest, "url": article.url, "title": article.title, "source": article.source,
        "published": article.published, "published_source": article.published_source,
        "text": article.text, "ingested_at": datetime.now(timezone.utc),
    }


def _article_meta(article: CleanArticle) -> Record:
    return {
        "article_id": article.article_id, "url": article.url, "title": article.title,
        "published": article.published.isoformat() if article.published else None, "source": article.source,
    }


def _mention_row(m: Record, component: str) -> Record:
    window = date_window(m)
    location = m.get("location") or {}
    return {
        "id": m["event_id"],
        "article_id": m["article_id"],
        "record": m,
        "event_date": _day(m.get("event_date")),
        "date_lo": window[0] if window else None,
        "date_hi": window[1] if window else None,
        "country": location.get("country"),
        "latitude": location.get("latitude"),
        "longitude": location.get("longitude"),
        "acled_event_type": (m.get("acled") or {}).get("event_type"),
        "acled_sub_event_type": (m.get("acled") or {}).get("sub_event_type"),
        "plover_type": (m.get("plover") or {}).get("type"),
        "actor1": _actor_name(m.get("actor1")),
        "actor2": _actor_name(m.get("actor2")),
        "fatalities": (m.get("fatalities") or {}).get("best"),
        "background": bool(m.get("background")),
        "component": component,
    }


def _claim_row(m: Record, claim: Record) -> Record:
    return {
        "mention_id": m["event_id"], "article_id": m["article_id"], "count": claim["count"],
        "kind": claim.get("kind"), "qualifier": claim.get("qualifier"), "group": claim.get("group"),
        "source": claim.get("source"), "text": claim.get("text"),
    }


def _event_row(merged: MergedEvent, members: list[Record]) -> Record:
    record = merged.record
    location = record.get("location") or {}
    # Every source's wording of the actors, so --actor finds the event by any of them.
    names = {
        name.lower()
        for m in members for slot in ("actor1", "actor2") if m.get(slot)
        for name in (m[slot].get("name"), m[slot].get("canonical")) if name
    }
    return {
        "id": merged.event_id,
        "component": merged.component,
        "record": record,
        "event_date": _day(record.get("event_date")),
        "country": location.get("country"),
        "latitude": location.get("latitude"),
        "longitude": location.get("longitude"),
        "acled_event_type": (record.get("acled") or {}).get("event_type"),
        "acled_sub_event_type": (record.get("acled") or {}).get("sub_event_type"),
        "plover_type": (record.get("plover") or {}).get("type"),
        "actors": "|".join(sorted(names)),
        "fatalities": (record.get("fatalities") or {}).get("best"),
        "background": bool(record.get("background")),
        "n_sources": record.get("n_sources", 1),
    }


def _actor_name(actor: Record | None) -> str | None:
    return (actor.get("canonical") or actor.get("name")) if actor else None


def _day(text_date: str | None) -> date | None:
    return date.fromisoformat(text_date) if text_date else None


# --- engine -----------------------------------------------------------------------------------

def _parse_url(url: str):
    if "://" not in url:  # a plain path: an SQLite file
        url = f"sqlite:///{url}"
    try:
        return make_url(url)
    except ArgumentError:
        raise StoreError(f"{url!r} is not a database URL; use sqlite:///FILE or postgresql://USER@HOST/DB") from None


def _missing_sqlite_file(url) -> bool:
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") and not Path(url.database).exists()


def _engine(url) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, connect_args={"connect_timeout": 5}, pool_pre_ping=True)
    memory = url.database in (None, "", ":memory:")
    engine = create_engine(url, poolclass=StaticPool) if memory else create_engine(url)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        # Let SQLAlchemy's "begin" below issue BEGIN itself (pysqlite would defer it).
        dbapi_conn.isolation_level = None
        dbapi_conn.create_function("ew_km", 4, _sqlite_km, deterministic=True)
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA busy_timeout = 60000")
        if not memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        # Writers take the lock up front: a deferred transaction that upgrades to writing
        # fails with "database is locked" instead of waiting.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("eventwire_write") else "BEGIN")

    return engine


def _sqlite_km(lat1, lon1, lat2, lon2) -> float | None:
    if None in (lat1, lon1, lat2, lon2):
        return None
    return distance_km(lat1, lon1, lat2, lon2)


class _km(FunctionElement):
    """Great-circle distance in km: a Python function on SQLite, SQL on PostgreSQL."""

    type = Float()
    inherit_cache = True


@compiles(_km)
def _km_sqlite(element, compiler, **kw) -> str:
    return f"ew_km({compiler.process(element.clauses, **kw)})"


@compiles(_km, "postgresql")
def _km_postgres(element, compiler, **kw) -> str:
    lat1, lon1, lat2, lon2 = (compiler.process(c, **kw) for c in element.clauses)
    h = (f"power(sin(radians({lat2} - {lat1}) / 2), 2) + "
         f"cos(radians({lat1})) * cos(radians({lat2})) * power(sin(radians({lon2} - {lon1}) / 2), 2)")
    return f"(2 * 6371.0 * asin(least(1.0, sqrt({h}))))"


def _first_line(err: Exception) -> str:
    orig = getattr(err, "orig", None) or err
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]
