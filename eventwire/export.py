"""EXPORT stage: event records -> the formats analysts load (pandas, R, QGIS, ACLED scripts).

Public entry point: ``write_events(records, fmt, output)``. Records are contract dicts
(``EventRecord.to_dict()``) or merged events from the store (the same fields plus
``sources``). Formats:

- ``jsonl`` / ``json``: the records as they are (JSON Lines, or one JSON array);
- ``csv``: one flat row per event, nested fields spread into ``actor1_name``,
  ``latitude``, ``fatalities_best``... (pandas.read_csv, R read.csv);
- ``acled``: ACLED's column names and value conventions (time_precision 1-3, geo_precision
  1-3, inter codes, ISO numeric country code), one row per ACLED-typed event, so scripts
  written for ACLED exports read it; events outside ACLED's scope (statements,
  consultations) have no ACLED type and are left out;
- ``plover``: PLOVER v1 JSON Lines (id, date, actor, recipient, event, mode, event_loc...);
- ``geojson``: a FeatureCollection of located events (QGIS, geopandas); unlocated events and
  country-precision ones (no coordinates) are left out;
- ``parquet``: the csv columns as a typed Parquet file (pandas, DuckDB); needs ``output``.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from .actors import acled_inter
from .countries import country_by_iso3
from .model import Actor
from .typology import disorder_type

FORMATS = ("jsonl", "json", "csv", "acled", "plover", "geojson", "parquet")

Record = dict[str, Any]

# ACLED codes how exactly the date and place are known on 1-3 scales.
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3}

CSV_COLUMNS = (
    "event_id", "article_id", "event_date", "date_precision", "background", "status",
    "acled_event_type", "acled_sub_event_type", "plover_type", "plover_mode", "cameo",
    "actor1_name", "actor1_canonical", "actor1_country", "actor1_type",
    "actor2_name", "actor2_canonical", "actor2_country", "actor2_type",
    "location", "location_text", "location_reason", "country", "admin1", "admin2", "latitude", "longitude", "geo_precision", "geonameid",
    "fatalities_best", "fatalities_low", "fatalities_high", "fatality_claims",
    "confidence", "n_sources", "source_urls", "evidence",
)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)


def write_events(records: Iterable[Record], fmt: str, output: str | None = None) -> int:
    """Write ``records`` in ``fmt`` to the file ``output`` (standard output when None).
    Returns the number of events written. ValueError for an unknown format, or parquet
    without a file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not output:
            raise ValueError("parquet is a binary format: give a file with --output")
        return _write_parquet(records, output)
    with _open(output) as out:
        return _WRITERS[fmt](records, out)


@contextmanager
def _open(output: str | None) -> Iterator[TextIO]:
    if output is None:
        # Data is UTF-8, as in a file, whatever the console's encoding (cp1252 would fail on Arabic names).
        if sys.stdout.encoding.lower().replace("-", "") != "utf8" and hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(output, "w", encoding="utf-8", newline="") as out:
            yield out


def _dumps(record: Record) -> str:
    return json.dumps(record, ensure_ascii=False, default=str)


def _write_jsonl(records: Iterable[Record], out: TextIO, convert: Callable[[Record], Record | None] = dict) -> int:
    n = 0
    for record in records:
        converted = convert(record)
        if converted is not None:
            out.write(_dumps(converted) + "\n")
            n += 1
    return n


def _write_json(records: Iterable[Record], out: TextIO) -> int:
    # Streamed, so a long export never holds every record in memory.
    n = 0
    out.write("[")
    for record in records:
        out.write(("\n" if n == 0 else ",\n") + _dumps(record))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def _write_rows(records: Iterable[Record], out: TextIO, columns: tuple[str, ...],
                convert: Callable[[Record], Record | None]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for record in records:
        row = convert(record)
        if row is not None:
            writer.writerow(row)
            n += 1
    return n


# --- flat rows ---------------------------------------------------------------------------------


def flat_row(record: Record) -> Record:
    """One CSV row: nested fields spread into columns, lists joined with ' | '."""
    coded = {"plover": record.get("plover") or {}, "acled": record.get("acled") or {}}
    location = record.get("location") or {}
    fatalities = record.get("fatalities") or {}
    sources = record.get("sources") or []
    return {
        **{key: record.get(key) for key in ("event_id", "article_id", "event_date", "date_precision",
                                            "background", "status", "cameo", "confidence")},
        "acled_event_type": coded["acled"].get("event_type"),
        "acled_sub_event_type": coded["acled"].get("sub_event_type"),
        "plover_type": coded["plover"].get("type"),
        "plover_mode": coded["plover"].get("mode"),
        **_actor_columns("actor1", record.get("actor1")),
        **_actor_columns("actor2", record.get("actor2")),
        "location": location.get("name"),
        "location_text": location.get("text"),
        "location_reason": record.get("location_reason"),
        "country": location.get("country"),
        "admin1": location.get("admin1"),
        "admin2": location.get("admin2"),
        "latitude": location.get("latitude"),
        "longitude": location.get("longitude"),
        "geo_precision": location.get("precision"),
        "geonameid": location.get("geonameid"),
        "fatalities_best": fatalities.get("best"),
        "fatalities_low": fatalities.get("low"),
        "fatalities_high": fatalities.get("high"),
        "fatality_claims": " | ".join(_claim_text(c) for c in fatalities.get("claims", [])),
        "n_sources": record.get("n_sources", len(sources) or 1),
        "source_urls": " | ".join(s["url"] for s in sources if s.get("url")),
        "evidence": " | ".join(_one_line(e["text"]) for e in record.get("evidence", [])),
    }


def _one_line(text: str) -> str:
    """A sentence for a spreadsheet cell: the paragraph breaks it ends with, and any inside it,
    become spaces (line breaks in cells trip up spreadsheets and line-based tools)."""
    return " ".join(text.split())


def _actor_columns(prefix: str, actor: Record | None) -> Record:
    actor = actor or {}
    return {f"{prefix}_{key}": actor.get(field) for key, field in
            (("name", "name"), ("canonical", "canonical"), ("country", "country"), ("type", "type"))}


def _claim_text(claim: Record) -> str:
    qualifier = "" if claim.get("qualifier") in (None, "exact") else claim["qualifier"].replace("_", " ") + " "
    group = f" {claim['group']}" if claim.get("group") else ""
    source = f" (according to {claim['source']})" if claim.get("source") else ""
    return f"{qualifier}{claim['count']}{group} {claim['kind']}{source}"


# --- ACLED -------------------------------------------------------------------------------------


def acled_row(record: Record) -> Record | None:
    """The record in ACLED's columns, or None when it has no ACLED event type."""
    acled = record.get("acled") or {}
    if not acled.get("sub_event_type") or not record.get("event_date"):
        return None
    location = record.get("location") or {}
    country = country_by_iso3(location.get("country") or "") if location.get("country") else None
    actors = [_actor(record.get("actor1")), _actor(record.get("actor2"))]
    inter = [acled_inter(a) if a else 0 for a in actors]
    fatalities = record.get("fatalities") or {}
    sources = record.get("sources") or []
    return {
        "event_id_cnty": record["event_id"],
        "event_date": record["event_date"],
        "year": record["event_date"][:4],
        "time_precision": _TIME_PRECISION.get(record.get("date_precision"), 3),
        "disorder_type": disorder_type(acled["sub_event_type"]),
        "event_type": acled["event_type"],
        "sub_event_type": acled["sub_event_type"],
        "actor1": _acled_actor_name(actors[0]),
        "assoc_actor_1": (record.get("assoc_actor_1") or {}).get("canonical", ""),
        "inter1": inter[0] or "",
        "actor2": _acled_actor_name(actors[1]),
        "assoc_actor_2": "",
        "inter2": inter[1] or "",
        "interaction": "".join(str(i) for i in sorted(i for i in inter if i)) or "",
        "civilian_targeting": "Civilian targeting" if actors[1] and actors[1].type == "civilians" else "",
        "iso": _iso_numeric(country.iso3) if country else "",
        "region": "",
        "country": country.name if country else "",
        "admin1": location.get("admin1") or "",
        "admin2": location.get("admin2") or "",
        "admin3": "",
        "location": location.get("name") or "",
        "latitude": location.get("latitude") if location.get("latitude") is not None else "",
        "longitude": location.get("longitude") if location.get("longitude") is not None else "",
        "geo_precision": _GEO_PRECISION.get(location.get("precision"), 3) if location else "",
        "source": "; ".join(sorted({s.get("source") or s.get("url") or s["article_id"] for s in sources}))
        or record.get("article_id", ""),
        "source_scale": "",
        "notes": " ".join(_one_line(e["text"]) for e in record.get("evidence", [])),
        "fatalities": fatalities.get("best") or 0,
        "tags": "",
        "timestamp": "",
    }


def _iso_numeric(iso3: str) -> int | str:
    import pycountry

    entry = pycountry.countries.get(alpha_3=iso3)
    return int(entry.numeric) if entry else ""


def _actor(data: Record | None) -> Actor | None:
    return Actor(**{k: data.get(k) for k in ("name", "canonical", "country", "type")}) if data else None


def _acled_actor_name(actor: Actor | None) -> str:
    return (actor.canonical or actor.name) if actor else ""


# --- PLOVER ------------------------------------------------------------------------------------


def plover_record(record: Record) -> Record | None:
    """PLOVER v1 JSON (the manual's data fields): required id, date, actor, event."""
    plover = record.get("plover") or {}
    if not plover.get("type"):
        return None
    location = record.get("location")
    evidence = record.get("evidence") or []
    return {
        "id": record["event_id"],
        "date": record.get("event_date"),
        "actor": [_plover_entity(record.get("actor1"))] if record.get("actor1") else [],
        "recipient": [_plover_entity(record.get("actor2"))] if record.get("actor2") else [],
        "event": plover["type"],
        "mode": plover.get("mode"),
        "event_text": record.get("trigger") or None,
        "event_loc": _plover_location(location) if location else None,
        "text": evidence[0]["text"] if evidence else None,
        "text_info": [{"start": e["start"], "end": e["end"]} for e in evidence],
        "cite_info": [{"url": s.get("url"), "title": s.get("title")} for s in record.get("sources") or []]
        or [{"article_id": record.get("article_id")}],
        "coder": "eventwire",
    }


def _plover_entity(actor: Record) -> Record:
    return {"code": actor.get("country"), "sector": actor.get("type"), "entity_text": actor.get("name"),
            "identifier_text": actor.get("canonical")}


def _plover_location(location: Record) -> Record:
    return {"geonameid": location.get("geonameid"), "lat": location.get("latitude"), "lon": location.get("longitude"),
            "city": location.get("name"), "district": location.get("admin2"), "province": location.get("admin1"),
            "country_code": location.get("country"), "resolution": location.get("precision")}


# --- GeoJSON -----------------------------------------------------------------------------------


def _write_geojson(records: Iterable[Record], out: TextIO) -> int:
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for record in records:
        location = record.get("location") or {}
        if location.get("latitude") is None or location.get("longitude") is None:
            continue
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [location["longitude"], location["latitude"]]},
            "properties": flat_row(record),
        }
        out.write(("\n" if n == 0 else ",\n") + _dumps(feature))
        n += 1
    out.write("\n]}\n")
    return n


# --- Parquet -----------------------------------------------------------------------------------


def _write_parquet(records: Iterable[Record], output: str) -> int:
    import pyarrow as pa  # only parquet needs it; it takes a while to import
    import pyarrow.parquet as pq

    rows = [flat_row(r) for r in records]
    columns = {name: [row[name] for row in rows] for name in CSV_COLUMNS}
    # Explicit types: a column that is all null in this batch still gets the right type.
    numeric = {"latitude": pa.float64(), "longitude": pa.float64(), "confidence": pa.float64(),
               "fatalities_best": pa.int64(), "fatalities_low": pa.int64(), "fatalities_high": pa.int64(),
               "n_sources": pa.int64(), "geonameid": pa.int64(), "background": pa.bool_()}
    schema = pa.schema([(name, numeric.get(name, pa.string())) for name in CSV_COLUMNS])
    pq.write_table(pa.table(columns, schema=schema), output)
    return len(rows)


_WRITERS: dict[str, Callable[[Iterable[Record], TextIO], int]] = {
    "jsonl": _write_jsonl,
    "json": _write_json,
    "csv": lambda records, out: _write_rows(records, out, CSV_COLUMNS, flat_row),
    "acled": lambda records, out: _write_rows(records, out, ACLED_COLUMNS, acled_row),
    "plover": lambda records, out: _write_jsonl(records, out, plover_record),
    "geojson": _write_geojson,
}
