"""The store: idempotent ingest, updates, merged queries, order independence, two writers,
a killed writer, schema and connection errors. SQLite always; PostgreSQL when
EVENTWIRE_TEST_PG_URL is set (.ci/run sets it), each run in a schema of its own."""
from __future__ import annotations

import os
import pickle
import random
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from eventbuilder import PROTEST, article, record
from sqlalchemy import create_engine, text

from eventwire.cli import main
from eventwire.store import EventQuery, Store, StoreError

from conftest import REPO

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")


def stories() -> list[tuple]:
    """Three outlets on one Idlib strike, two on a Nairobi protest, a distractor, an article
    with two events (one of them history it recalls)."""
    return [
        (article("reuters"), [record("reuters", killed=11)]),
        (article("afp", published="2024-12-02"), [record("afp", day="2024-12-03", killed=14)]),
        (article("aljazeera"), [record("aljazeera", place="Saraqib", killed=16)]),
        (article("nation", published="2024-06-25"),
         [record("nation", day="2024-06-25", place="Nairobi", coding=PROTEST, actor1=None, actor2=None)]),
        (article("bbc", published="2024-06-26"),
         [record("bbc", day="2024-06-25", place="Nairobi", coding=PROTEST, actor1=None, actor2=None)]),
        (article("later"), [record("later", day="2024-12-06", killed=3)]),
        (article("review"), [record("review", 0, day="2024-12-02", place="Aleppo"),
                             record("review", 1, day="2016-12-01", place="Aleppo", background=True)]),
    ]


def snapshot(store: Store) -> list[tuple]:
    return [(e["event_id"], tuple(s["article_id"] for s in e["sources"]), e["fatalities"] and e["fatalities"]["best"])
            for e in store.events(EventQuery(background=None))]


def consistent(url: str) -> dict[str, int]:
    """Row counts, after checking every mention sits in exactly one event and events are not empty."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        q = lambda sql: conn.execute(text(sql)).scalar_one()  # noqa: E731
        assert q("SELECT count(*) FROM mentions m WHERE (SELECT count(*) FROM event_mentions l WHERE l.mention_id = m.id) != 1") == 0
        assert q("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions l WHERE l.event_id = e.id)") == 0
        assert q("SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id)") == 0
        counts = {t: q(f"SELECT count(*) FROM {t}") for t in ("articles", "mentions", "events")}
    engine.dispose()
    return counts


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/events.db"
        return
    if not PG_URL:
        pytest.skip("EVENTWIRE_TEST_PG_URL is not set: no PostgreSQL to test against")
    schema = f"ew_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def store(url):
    with Store(url) as s:
        for art, records in stories():
            s.ingest(art, records)
        yield s


def test_reingesting_stores_nothing_new(url):
    with Store(url) as s:
        art, records = stories()[0]
        assert s.ingest(art, records).status == "new"
        assert s.ingest(art, records).status == "unchanged"
        # The same text under another id (a syndicated copy) is the same article.
        assert s.ingest(replace(art, article_id="copy"), records).status == "unchanged"
        assert consistent(url) == {"articles": 1, "mentions": 1, "events": 1}


def test_an_updated_article_replaces_its_own_mentions_and_remerges(store, url):
    assert store.event("reuters-e0")["n_sources"] == 3
    # Reuters rewrites its story: now the strike was on Aleppo, 50 km away, with a higher toll.
    result = store.ingest(article("reuters", "Updated: the strike hit Aleppo."), [record("reuters", place="Aleppo", killed=20)])
    assert result.status == "updated"
    idlib = store.event("afp-e0")
    assert [s["article_id"] for s in idlib["sources"]] == ["afp", "aljazeera"]
    assert store.event("reuters-e0")["sources"][0]["fatalities"]["best"] == 20
    assert store.article("reuters")["text"] == "Updated: the strike hit Aleppo."
    assert consistent(url)["mentions"] == 8


def test_events_are_merged_across_articles(store):
    idlib = store.event("reuters-e0")  # found through any of its mention ids
    assert idlib["event_id"] == "afp-e0"
    assert idlib["n_sources"] == 3
    assert [s["article_id"] for s in idlib["sources"]] == ["afp", "aljazeera", "reuters"]
    assert {s["url"] for s in idlib["sources"]} >= {"https://news.example/reuters"}
    assert (idlib["fatalities"]["best"], idlib["fatalities"]["low"], idlib["fatalities"]["high"]) == (11, 11, 16)
    assert [c["count"] for c in idlib["sources"][0]["claims"]] == [14]
    assert "place: Idlib and Saraqib 17 km apart" in " ".join(idlib["merge"]["explanation"])
    assert store.count(EventQuery()) == 4  # Idlib, Nairobi, the strike 4 days later, Aleppo
    assert store.count(EventQuery(background=True)) == 1


def test_query_filters(store):
    def ids(**kw):
        return sorted(e["event_id"] for e in store.events(EventQuery(**kw)))

    assert ids(country="ken") == ["bbc-e0"]
    assert ids(since=date(2024, 12, 3)) == ["later-e0"]
    assert ids(until=date(2024, 6, 30)) == ["bbc-e0"]
    assert ids(type="peaceful PROTEST") == ids(type="protests") == ids(type="protest") == ["bbc-e0"]
    assert ids(actor="russian JETS") == ["afp-e0", "later-e0", "review-e0"]
    assert ids(near=(35.93, 36.63, 25.0)) == ["afp-e0", "later-e0"]
    assert ids(near=(35.93, 36.63, 60.0)) == ["afp-e0", "later-e0", "review-e0"]
    assert [e["event_id"] for e in store.events(EventQuery(limit=2, offset=1))] == ["afp-e0", "review-e0"]


def test_article_and_stats(store):
    assert store.article("afp")["published"] == "2024-12-02"
    assert store.article("nope") is None and store.event("nope") is None
    stats = store.stats(EventQuery())
    assert stats["events"] == 4 and stats["articles"] == 7
    assert stats["by_type"] == {"Explosions/Remote violence": 3, "Protests": 1}
    assert stats["by_country"] == {"SYR": 3, "KEN": 1}
    assert stats["by_day"]["2024-12-02"] == {"Explosions/Remote violence": 2}
    assert store.stats(EventQuery(country="KEN"))["articles"] == 2


def test_ingest_order_does_not_change_the_events(tmp_path):
    items = stories()
    orders = [items, items[::-1], random.Random(3).sample(items, len(items))]
    snapshots = []
    for n, order in enumerate(orders):
        with Store(f"sqlite:///{tmp_path}/order{n}.db") as s:
            for art, records in order:
                s.ingest(art, records)
            snapshots.append([e for e in s.events(EventQuery(background=None))])
    assert snapshots[0] == snapshots[1] == snapshots[2]


def test_merge_test_set_in_two_orders_gives_the_same_events(pipeline, tmp_path):
    from eventwire.evaluate.merge import MERGE_SET, _merge_set_articles

    results = list(pipeline.extract_many(_merge_set_articles(MERGE_SET / "articles.jsonl")))
    snapshots = []
    for n, order in enumerate((results, results[::-1])):
        with Store(f"sqlite:///{tmp_path}/set{n}.db") as s:
            for art, records in order:
                s.ingest(art, records)
            snapshots.append(s.events(EventQuery(background=None)))
    assert snapshots[0] == snapshots[1]
    assert max(e["n_sources"] for e in snapshots[0]) == 3


INGEST = """
import pickle, sys, time
from eventwire.store import Store
items = pickle.load(open(sys.argv[1], "rb"))
with Store(sys.argv[2]) as store:
    print("ready", flush=True)
    for article, records in items:
        store.ingest(article, records)
        time.sleep(float(sys.argv[3]))
"""


def ingest_process(items, url, tmp_path, delay=0.0) -> subprocess.Popen:
    path = tmp_path / f"items-{uuid.uuid4().hex[:6]}.pickle"
    path.write_bytes(pickle.dumps(items))
    return subprocess.Popen([sys.executable, "-c", INGEST, str(path), url, str(delay)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def many_stories() -> list[tuple]:
    """40 articles: twenty pairs of outlets, each pair on one strike, three days from the next."""
    items = []
    for n in range(20):
        day = (date(2024, 10, 1) + timedelta(days=3 * n)).isoformat()
        for outlet in ("a", "b"):
            items.append((article(f"{outlet}{n:02d}"), [record(f"{outlet}{n:02d}", day=day, killed=n)]))
    return items


def test_two_processes_ingesting_the_same_files_neither_duplicate_nor_corrupt(url, tmp_path):
    items = many_stories()
    with Store(url):  # create the schema once, as a first `eventwire ingest` would
        pass
    procs = [ingest_process(items, url, tmp_path), ingest_process(items[::-1], url, tmp_path)]
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read()
    assert consistent(url) == {"articles": 40, "mentions": 40, "events": 20}
    with Store(url) as s:
        assert {e["n_sources"] for e in s.events(EventQuery())} == {2}


def test_a_killed_ingest_leaves_a_consistent_database_and_a_rerun_completes_it(tmp_path):
    url = f"sqlite:///{tmp_path}/killed.db"
    items = many_stories()
    proc = ingest_process(items, url, tmp_path, delay=0.02)
    assert proc.stdout.readline().strip() == "ready"
    deadline = time.time() + 60
    while consistent(url)["articles"] < 10 and time.time() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    counts = consistent(url)
    assert 10 <= counts["articles"] < 40
    rerun = ingest_process(items, url, tmp_path)
    assert rerun.wait(timeout=120) == 0, rerun.stderr.read()
    assert consistent(url) == {"articles": 40, "mentions": 40, "events": 20}


def test_a_newer_schema_is_refused_with_a_clear_message(url):
    Store(url).close()
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"database schema 9999 in .* is newer than this eventwire knows \(latest 0001\); upgrade eventwire"):
        Store(url)


def test_an_unreachable_database_is_one_clear_line(tmp_path, capsys):
    with pytest.raises(StoreError, match=r"cannot reach postgresql://postgres@127.0.0.1:9/test: .*check the --db URL"):
        Store("postgresql://postgres@127.0.0.1:9/test")
    assert main(["events", "--db", f"sqlite:///{tmp_path}/missing.db"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no database at" in err and "missing.db" in err


@pytest.mark.parametrize("url", ["mysql://user@host/events", "oracle://user@host/events", "nosuch://host/events"])
def test_a_database_other_than_sqlite_or_postgresql_is_one_clear_line(url):
    with pytest.raises(StoreError, match="unsupported database; use sqlite:///FILE or postgresql://"):
        Store(url)


def test_ingest_and_events_commands(tmp_path, capsys):
    db = f"sqlite:///{tmp_path}/cli.db"
    inputs = str(REPO / "tests" / "data" / "merge" / "articles.jsonl")
    assert main(["ingest", inputs, "--db", db]) == 0
    assert "23 articles (23 new, 0 unchanged, 0 updated)" in capsys.readouterr().err
    assert main(["ingest", inputs, "--db", db]) == 0
    assert "23 articles (0 new, 23 unchanged, 0 updated), 0 events; 0 inputs failed" in capsys.readouterr().err
    assert main(["events", "--db", db, "--country", "UKR", "--near", "49.99,36.23,25", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("event_id,") and len(rows) >= 2


def test_events_country_and_type_take_names_and_refuse_what_matches_nothing(tmp_path, capsys):
    db = f"sqlite:///{tmp_path}/cli.db"
    assert main(["ingest", str(REPO / "tests" / "data" / "merge" / "articles.jsonl"), "--db", db]) == 0
    capsys.readouterr()
    assert main(["events", "--db", db, "--country", "UKR", "--type", "ASSAULT"]) == 0
    by_code = capsys.readouterr().out
    assert by_code and main(["events", "--db", db, "--country", "Ukraine", "--type", "assault"]) == 0
    assert capsys.readouterr().out == by_code
    for option, value, problem in (("--country", "Ukrania", "'Ukrania' is not a country; give its ISO 3166-1"),
                                   ("--type", "airstrike", "'airstrike' is no ACLED event or sub-event type")):
        with pytest.raises(SystemExit) as exit_:
            main(["events", "--db", db, option, value])
        assert exit_.value.code == 2 and problem in capsys.readouterr().err


def test_a_bad_batch_leaves_what_is_stored_as_it_was(tmp_path, capsys):
    db = f"sqlite:///{tmp_path}/kept.db"
    seed = REPO / "examples" / "000_68e5d158b3363ef7.txt"
    assert main(["ingest", str(seed), "--db", db]) == 0
    with Store(db) as store:
        before = (snapshot(store), consistent(db))
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (bad / "french.txt").write_text("Les rebelles ont pris le contrôle de la ville et de l'aéroport, selon une ONG.")
    (bad / "broken.jsonl").write_text('{"id": "x", "text": "cut off\n')
    (bad / "seed-again.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    capsys.readouterr()
    assert main(["ingest", str(bad), "--db", db]) == 1
    assert "1 articles (0 new, 1 unchanged, 0 updated), 0 events; 4 inputs failed" in capsys.readouterr().err
    with Store(db) as store:
        assert (snapshot(store), consistent(db)) == before
