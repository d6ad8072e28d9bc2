"""``eventwire serve``: the REST API and the map page over a store, with uvicorn."""
from __future__ import annotations

import argparse
import socket
import sys

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the REST API and the map page over a store",
        description="Serve /api/events, /api/events/{id}, /api/articles/{id}, /api/stats, /openapi.json "
        "and a map page at / over the events stored by `eventwire ingest`. Read-only unless "
        "--allow-ingest is given.",
    )
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default sqlite:///eventwire.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--allow-ingest", action="store_true",
                   help="let the page and POST /api/articles add articles (extracted and stored)")
    p.add_argument("--max-upload-kb", type=int, default=1000, metavar="KB",
                   help="largest article accepted with --allow-ingest (default 1000 KB)")
    p.add_argument("--tiles", metavar="URL",
                   help="tile server for the map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
                   "(default: the bundled world map only, works offline)")
    p.set_defaults(func=_cmd_serve)


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..store import Store, StoreError
    from .app import create_app

    try:
        store = Store(args.db, create=args.allow_ingest)  # read-only: a mistyped --db is no new empty map
    except StoreError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return 1
    problem = _cannot_listen(args.host, args.port)
    if problem:
        print(f"eventwire: cannot listen on {args.host}:{args.port}: {problem}; pick another --port or --host", file=sys.stderr)
        return 1
    if args.allow_ingest and args.host not in LOOPBACK:
        print(f"eventwire: warning: anyone who can reach {args.host}:{args.port} can add articles", file=sys.stderr)
    app = create_app(store, allow_ingest=args.allow_ingest, max_upload_bytes=args.max_upload_kb * 1000,
                     tile_url=args.tiles)
    mode = "ingest allowed" if args.allow_ingest else "read-only; --allow-ingest to add articles"
    print(f"eventwire: serving http://{args.host}:{args.port}/ ({mode})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _cannot_listen(host: str, port: int) -> str | None:
    """Why uvicorn would fail to bind (it would say so in a log line and exit 3), or None."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as err:
        return err.strerror or str(err)
    return None
