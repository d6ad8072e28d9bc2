"""SERVE stage: a FastAPI application over a Store: the REST API and the map page.

Public entry point: ``create_app(store)``. Routes:

- ``GET /api/events``: merged events matching the filters of ``eventwire events``, as a JSON
  list of event records (the contract); the number matching before paging is in the
  ``X-Total-Count`` header;
- ``GET /api/events/{event_id}``: one merged event with its sources and evidence;
- ``GET /api/articles/{article_id}``: an article's cleaned text (evidence offsets point into it);
- ``GET /api/stats``: counts by type, country, day and week;
- ``GET /api/config``: what the page needs to know (ingest allowed, upload limit, tile URL,
  the values of the type filter);
- ``POST /api/articles``: extract, store and return an article's events, only when the app
  was created with ``allow_ingest`` (else 403) and within ``max_upload_bytes`` (else 413);
- ``GET /``: the page (map, timeline, filters, event panel), a bundle built from ../../web.

Every error is JSON ``{"detail": "one-line message"}``; bad parameters give 422 naming each.
"""
from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, Response, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..model import Article, InputError
from ..read import Undecodable, decode, looks_like_html
from ..store import EventQuery
from ..typology import ACLED_SUB_EVENT_TYPES, PLOVER_TYPES, acled_event_type

STATIC = Path(__file__).parent / "static"
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10_000
MAX_UPLOAD_BYTES = 1_000_000
INGEST_PATH = "/api/articles"


def create_app(
    store: Any,
    *,
    allow_ingest: bool = False,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    tile_url: str | None = None,
    pipeline: Any = None,
) -> FastAPI:
    """The API and page over ``store`` (an ``eventwire.store.Store`` or anything with its methods).

    ``pipeline`` (an ``eventwire.pipeline.Pipeline``) codes ingested articles; it is loaded on
    the first upload when not given. ``tile_url`` (``https://.../{z}/{x}/{y}.png``) puts tiles
    under the events for users who are online, the bundled world map one click away.
    """
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Coded, located, dated and attributed events from news articles, merged across sources.",
    )
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _server_error)
    # Level 5: within 8% of level 9's size at a tenth of its time (the 756 KB world map, big event lists).
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)
    app.add_middleware(_IngestGate, allowed=allow_ingest, max_bytes=max_upload_bytes)
    api = _Api(store, pipeline, config={
        "allow_ingest": allow_ingest, "max_upload_bytes": max_upload_bytes, "tile_url": tile_url,
        "version": __version__, "types": _types(),
    })
    app.get("/api/events", summary="List merged events")(api.events)
    app.get("/api/events/{event_id}", summary="One event with its sources and evidence")(api.event)
    app.get("/api/articles/{article_id}", summary="An article's cleaned text")(api.article)
    app.get("/api/stats", summary="Event counts by type, country, day and week")(api.stats)
    app.get("/api/config", summary="Settings the page reads")(api.config)
    app.post(INGEST_PATH, summary="Extract and store an article's events (needs --allow-ingest)")(api.ingest)
    app.get("/", include_in_schema=False)(_index)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    return app


# --- query parameters ------------------------------------------------------------------------

def _filters(
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code, e.g. SYR")] = None,
    since: Annotated[date | None, Query(description="first event date, YYYY-MM-DD")] = None,
    until: Annotated[date | None, Query(description="last event date, YYYY-MM-DD")] = None,
    type: Annotated[str | None, Query(description="ACLED event or sub-event type, or PLOVER type")] = None,
    actor: Annotated[str | None, Query(description="actor name, as written or canonical")] = None,
    near: Annotated[str | None, Query(description="lat,lon,km: events within km of a point", examples=["36.2,37.16,50"])] = None,
    include_background: Annotated[bool, Query(description="also events the stories recall as history")] = False,
) -> EventQuery:
    """The filters of ``eventwire events``, checked; one 422 names every bad parameter."""
    problems = []
    point = _near(near, problems) if near else None
    if since and until and since > until:
        problems.append(_problem("until", until.isoformat(), f"is before since ({since.isoformat()})"))
    if problems:
        raise RequestValidationError(problems)
    return EventQuery(country=country.upper() if country else None, since=since, until=until,
                      type=type, actor=actor, near=point, background=None if include_background else False)


def _near(text: str, problems: list[dict]) -> tuple[float, float, float] | None:
    try:
        lat, lon, km = (float(part) for part in text.split(","))
    except ValueError:
        problems.append(_problem("near", text, "is not lat,lon,km like 36.2,37.16,50"))
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        problems.append(_problem("near", text, "needs a latitude in -90..90, a longitude in -180..180 and km > 0"))
        return None
    return lat, lon, km


def _problem(name: str, value: str, message: str) -> dict:
    return {"type": "value_error", "loc": ("query", name), "msg": message, "input": value}


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI lists problems as objects; lead with one line a person can read, keep the list."""
    errors = jsonable_encoder(exc.errors())
    lines = [f"{_where(e['loc'])} {e.get('input')!r}: {e['msg']}" if e.get("input") is not None
             else f"{_where(e['loc'])}: {e['msg']}" for e in errors]
    return JSONResponse({"detail": "; ".join(lines), "errors": errors}, status_code=422)


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    """A failure of ours (or of the database) still answers in JSON; uvicorn logs the traceback."""
    return JSONResponse({"detail": f"internal error ({type(exc).__name__}: {exc}); see the server log"}, status_code=500)


def _where(loc: list) -> str:
    return ".".join(str(part) for part in loc[1:]) or str(loc[0])


# --- routes ------------------------------------------------------------------------------------

class _Api:
    """Route handlers. Plain ``def``: FastAPI runs them in worker threads, so store calls don't
    block the event loop; ingests take a lock because a spaCy pipeline is not thread-safe."""

    def __init__(self, store: Any, pipeline: Any, config: dict[str, Any]) -> None:
        self.store = store
        self.pipeline = pipeline
        self.settings = config
        self.lock = threading.Lock()

    def events(
        self,
        response: Response,
        query: Annotated[EventQuery, Depends(_filters)],
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")] = DEFAULT_LIMIT,
        offset: Annotated[int, Query(ge=0, description="events to skip")] = 0,
    ) -> list[dict[str, Any]]:
        """A JSON list of merged event records; the count before paging is ``X-Total-Count``."""
        response.headers["X-Total-Count"] = str(self.store.count(query))
        return self.store.events(replace(query, limit=limit, offset=offset))

    def event(self, event_id: str) -> dict[str, Any]:
        event = self.store.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}; /api/events lists the stored events")
        return event

    def article(self, article_id: str) -> dict[str, Any]:
        article = self.store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}; article ids are in each event's sources")
        return article

    def stats(self, query: Annotated[EventQuery, Depends(_filters)]) -> dict[str, Any]:
        """The store's counts plus ``by_week``: events per type in weeks starting on Monday."""
        stats = self.store.stats(query)
        return {**stats, "by_week": _by_week(stats.get("by_day", {}))}

    def config(self) -> dict[str, Any]:
        return self.settings

    def ingest(
        self,
        text: Annotated[str | None, Form(description="the article as plain text or HTML")] = None,
        file: Annotated[UploadFile | None, File(description="a .txt or .html file")] = None,
        title: Annotated[str | None, Form()] = None,
        url: Annotated[str | None, Form()] = None,
        published: Annotated[date | None, Form(description="publication date, YYYY-MM-DD")] = None,
    ) -> dict[str, Any]:
        """Extract the events of one article (pasted or uploaded), store them, return them."""
        article = _article(text, file, title=title or None, url=url or None, published=published)
        with self.lock:
            try:
                clean, events = self._pipeline().extract(article)
            except InputError as err:
                raise HTTPException(422, str(err)) from None
            result = self.store.ingest(clean, events)
        return {"article_id": clean.article_id, "status": result.status, "title": clean.title,
                "events": [event.to_dict() for event in events]}

    def _pipeline(self) -> Any:
        if self.pipeline is None:
            from ..pipeline import Pipeline  # loads spaCy: only servers that ingest pay for it

            self.pipeline = Pipeline()
        return self.pipeline


def _article(text: str | None, file: UploadFile | None, **meta: Any) -> Article:
    """An Article from a pasted text or an uploaded file; HTML is told by name or first tag."""
    if (text is None or not text.strip()) == (file is None):
        raise HTTPException(422, "give the article either as `text` or as a `file`, not both or neither")
    origin = (file.filename or "upload") if file else "pasted text"
    if file is not None:
        decoded = decode(file.file.read())
        if isinstance(decoded, Undecodable):
            raise HTTPException(422, f"{origin}: {decoded.problem}")
        text = decoded
    is_html = origin.lower().endswith((".html", ".htm")) or looks_like_html(text)
    return Article(origin=origin, **({"html": text} if is_html else {"text": text}), **meta)


def _types() -> dict[str, Any]:
    """The values the `type` filter takes, for the page's menu: ACLED types with their sub-event types, PLOVER types."""
    acled: dict[str, list[str]] = {}
    for sub_event_type in ACLED_SUB_EVENT_TYPES:
        acled.setdefault(acled_event_type(sub_event_type), []).append(sub_event_type)
    return {"acled": acled, "plover": list(PLOVER_TYPES)}


def _by_week(by_day: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    weeks: dict[str, dict[str, int]] = {}
    for day, counts in sorted(by_day.items()):
        start = date.fromisoformat(day)
        monday = (start - timedelta(days=start.weekday())).isoformat()
        week = weeks.setdefault(monday, {})
        for kind, n in counts.items():
            week[kind] = week.get(kind, 0) + n
    return weeks


def _index() -> FileResponse:
    page = STATIC / "index.html"
    if not page.exists():
        raise HTTPException(500, f"{page} is missing; build the page with `cd web && npm ci && npm run build`")
    return FileResponse(page)


# --- ingest gate -------------------------------------------------------------------------------

class _IngestGate:
    """Closes POST /api/articles unless ingest is allowed, and stops an upload at the size
    limit while it is received (before the form is parsed or spooled to disk)."""

    def __init__(self, app: Any, *, allowed: bool, max_bytes: int) -> None:
        self.app = app
        self.allowed = allowed
        self.max_bytes = max_bytes
        self.too_large = f"the upload is over the {max_bytes:,} byte limit; send a shorter article " \
                         "or restart the server with a larger --max-upload-kb"

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != INGEST_PATH:
            return await self.app(scope, receive, send)
        if not self.allowed:
            message = "this server is read-only; restart it with `eventwire serve --allow-ingest` to add articles"
            return await JSONResponse({"detail": message}, status_code=403)(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            return await JSONResponse({"detail": self.too_large}, status_code=413)(scope, receive, send)
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Any) -> Any:
        received = 0

        async def counted() -> dict:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:  # a chunked upload with no Content-Length
                raise HTTPException(413, self.too_large)
            return message

        return counted
