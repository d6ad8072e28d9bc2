"""Exports of the seed's events load as what each format's users expect."""
from __future__ import annotations

import csv
import io
import json

import pytest

from eventwire.export import ACLED_COLUMNS, CSV_COLUMNS, write_events
from eventwire.model import Article


@pytest.fixture(scope="module")
def seed_records(pipeline, seed_text):
    _, events = pipeline.extract(Article(origin="seed.txt", text=seed_text))
    return [e.to_dict() for e in events if not e.background]


def _written(records, fmt, capsys) -> str:
    write_events(iter(records), fmt)
    return capsys.readouterr().out


def test_jsonl_is_one_record_per_line(seed_records, capsys):
    lines = _written(seed_records, "jsonl", capsys).splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == [r["event_id"] for r in seed_records]


def test_json_is_one_array(seed_records, capsys):
    assert json.loads(_written(seed_records, "json", capsys)) == json.loads(json.dumps(seed_records))
    assert json.loads(_written([], "json", capsys)) == []


def test_csv_spreads_nested_fields_into_columns(seed_records, capsys):
    rows = list(csv.DictReader(io.StringIO(_written(seed_records, "csv", capsys))))
    assert tuple(rows[0]) == CSV_COLUMNS
    strike = rows[0]
    assert strike["acled_sub_event_type"] == "Air/drone strike"
    assert strike["actor1_canonical"] == "Military Forces of Russia"
    assert strike["location"] == "Aleppo" and float(strike["latitude"]) == pytest.approx(36.2, abs=0.1)
    assert strike["fatalities_best"] == "300"
    assert "300 fighters killed (according to" in strike["fatality_claims"]
    assert all("\n" not in row["evidence"] for row in rows)  # the sentences' paragraph breaks are spaces
    assert strike["evidence"].startswith("Russia on Saturday (Nov 30) launched its first air strikes on Aleppo")


def test_acled_csv_uses_acled_columns_and_codes(seed_records, capsys):
    rows = list(csv.DictReader(io.StringIO(_written(seed_records, "acled", capsys))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    strike = rows[0]
    assert (strike["event_type"], strike["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (strike["actor1"], strike["inter1"], strike["inter2"], strike["interaction"]) == (
        "Military Forces of Russia", "1", "2", "12")
    assert (strike["country"], strike["iso"], strike["admin1"]) == ("Syria", "760", "Aleppo")
    assert (strike["time_precision"], strike["geo_precision"], strike["fatalities"]) == ("1", "1", "300")
    assert strike["disorder_type"] == "Political violence"
    assert all("\n" not in row["notes"] for row in rows)
    # Statements by Damascus, Paris, Washington are no ACLED events: not in the ACLED export.
    assert all(row["sub_event_type"] for row in rows)
    assert len(rows) < len(seed_records)


def test_geojson_holds_located_events_as_points(seed_records, capsys):
    collection = json.loads(_written(seed_records, "geojson", capsys))
    assert collection["type"] == "FeatureCollection"
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert (round(lat), round(lon)) == (36, 37)
    located = [r for r in seed_records if r["location"] and r["location"]["latitude"] is not None]
    assert len(collection["features"]) == len(located)


def test_plover_records_have_the_required_fields(seed_records, capsys):
    first = json.loads(_written(seed_records, "plover", capsys).splitlines()[0])
    assert {"id", "date", "actor", "event"} <= set(first)
    assert (first["event"], first["mode"], first["actor"][0]["code"]) == ("ASSAULT", "aerial", "RUS")


def test_parquet_loads_with_types(seed_records, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert write_events(seed_records, "parquet", str(path)) == len(seed_records)
    table = pq.read_table(path)
    assert table.column_names == list(CSV_COLUMNS)
    assert str(table.schema.field("latitude").type) == "double"
    assert table.column("fatalities_best").to_pylist()[0] == 300


def test_parquet_needs_a_file(seed_records):
    with pytest.raises(ValueError, match="--output"):
        write_events(seed_records, "parquet")
