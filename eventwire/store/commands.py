"""``eventwire ingest`` (articles -> store) and ``eventwire events`` (store -> any export format)."""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from .store import DEFAULT_URL, EventQuery, Store, StoreError


def add_parser(sub: argparse._SubParsersAction) -> None:
    from ..cli import add_input_options, add_output_options, iso_date, positive_int

    p = sub.add_parser(
        "ingest",
        help="extract the events of articles and store them, merged across articles",
        description="Read articles like `extract`, store them with their events in a database and merge "
        "the reports of one happening into one event. Articles already stored (same id or same text) "
        "are skipped; a changed article replaces its own events. Exit code 1 if any input failed.",
    )
    add_input_options(p)
    _db_option(p)
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser(
        "events",
        help="print the stored events, merged across articles, in any export format",
        description="Print merged events from the database: one record per real-world event with its "
        "sources (one per article) and fatalities reconciled across them.",
    )
    _db_option(p)
    p.add_argument("--country", type=_country, metavar="ISO3",
                   help="events in this country (ISO 3166-1 alpha-3 like SYR, or a name like Syria)")
    p.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="events on or after this day")
    p.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD", help="events on or before this day")
    p.add_argument("--type", type=_event_type, metavar="TYPE",
                   help="ACLED event or sub-event type, or PLOVER type (any case)")
    p.add_argument("--actor", metavar="TEXT", help="events with an actor whose name contains TEXT")
    p.add_argument("--near", type=_near, metavar="LAT,LON,KM", help="events within KM km of a point")
    p.add_argument("--include-background", action="store_true",
                   help="also print events the stories recall as history (background: true)")
    p.add_argument("--limit", type=positive_int, metavar="N", help="at most N events (newest first)")
    add_output_options(p)
    p.set_defaults(func=_cmd_events)


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_URL, metavar="URL",
                   help=f"SQLAlchemy database URL (default {DEFAULT_URL}; postgresql://USER@HOST/DB for PostgreSQL)")


def _country(text: str) -> str:
    """An ISO3 code or a country's name: an unknown one would silently match no event."""
    from ..countries import country_by_iso3, country_by_name

    country = (country_by_iso3(text) if len(text) == 3 else None) or country_by_name(text)
    if country is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a country; give its ISO 3166-1 alpha-3 code, e.g. SYR")
    return country.iso3


def _event_type(text: str) -> str:
    from ..typology import ACLED_SUB_EVENT_TYPES, PLOVER_TYPES, acled_event_type

    acled = {*ACLED_SUB_EVENT_TYPES, *map(acled_event_type, ACLED_SUB_EVENT_TYPES)}
    if text.strip().lower() not in {name.lower() for name in (*acled, *PLOVER_TYPES)}:
        raise argparse.ArgumentTypeError(
            f"{text!r} is no ACLED event or sub-event type and no PLOVER type; e.g. Battles, "
            f"\"Air/drone strike\", or one of {', '.join(PLOVER_TYPES)}")
    return text


def _near(text: str) -> tuple[float, float, float]:
    try:
        lat, lon, km = (float(x) for x in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not LAT,LON,KM like 36.2,37.16,25") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise argparse.ArgumentTypeError(f"{text!r}: latitude -90..90, longitude -180..180, km > 0")
    return lat, lon, km


def _open(url: str, create: bool = True) -> Store | None:
    try:
        return Store(url, create=create)
    except StoreError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return None


def _cmd_ingest(args: argparse.Namespace) -> int:
    from ..cli import Progress, extraction
    from ..model import InputError

    store = _open(args.db)
    if store is None:
        return 1
    progress = Progress()
    statuses: Counter[str] = Counter()
    stored = 0
    try:
        with store:
            for result in extraction(args):
                if isinstance(result, InputError):
                    progress.error(result)
                    continue
                article, records = result
                outcome = store.ingest(article, records)
                statuses[outcome.status] += 1
                stored += outcome.mentions
                progress.article(len(records))
    except ConnectionError as err:  # the Dask scheduler could not be reached; what is stored stays
        print(f"eventwire: {err}", file=sys.stderr)
        return 1
    progress.done()
    print(f"{sum(statuses.values())} articles ({statuses['new']} new, {statuses['unchanged']} unchanged, "
          f"{statuses['updated']} updated), {stored} events; {progress.errors} inputs failed", file=sys.stderr)
    return 1 if progress.errors else 0


def _cmd_events(args: argparse.Namespace) -> int:
    from ..cli import output_problem
    from ..export import write_events

    if problem := output_problem(args):
        print(f"eventwire: {problem}", file=sys.stderr)
        return 2
    store = _open(args.db, create=False)
    if store is None:
        return 1
    query = EventQuery(
        country=args.country, since=args.since, until=args.until, type=args.type, actor=args.actor,
        near=args.near, limit=args.limit, background=None if args.include_background else False,
    )
    with store:
        write_events(store.events(query), args.format, args.output)
    return 0
