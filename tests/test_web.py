"""The REST API of `eventwire serve`, over a temporary SQLite store holding the seed's events."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.read import read_inputs
from eventwire.store import Store
from eventwire.web import create_app

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "000_68e5d158b3363ef7.txt"
DHAKA = REPO / "tests" / "data" / "inputs" / "dhaka.txt"


def seeded_store(pipeline, path: Path) -> Store:
    store = Store(f"sqlite:///{path}")
    for clean, events in pipeline.extract_many(read_inputs([str(SEED)])):
        store.ingest(clean, events)
    return store


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    return TestClient(create_app(seeded_store(pipeline, tmp_path_factory.mktemp("web") / "seed.db")))


@pytest.fixture
def ingest_client(pipeline, tmp_path):
    app = create_app(Store(f"sqlite:///{tmp_path / 'ingest.db'}"), allow_ingest=True, max_upload_bytes=5000,
                     pipeline=pipeline)
    return TestClient(app)


def strike_on_aleppo(events: list[dict]) -> dict:
    return next(e for e in events if e["acled"]["sub_event_type"] == "Air/drone strike"
                and (e["location"] or {}).get("name") == "Aleppo")


def test_events_is_a_list_of_records_with_the_total_in_a_header(client):
    response = client.get("/api/events")
    assert response.status_code == 200
    events = response.json()
    assert int(response.headers["X-Total-Count"]) == len(events) >= 3
    strike = strike_on_aleppo(events)
    assert strike["event_date"] == "2024-11-30"
    assert strike["actor1"]["country"] == "RUS"
    assert strike["location"]["country"] == "SYR"
    assert strike["fatalities"]["best"] == 300


def test_events_takes_the_filters_of_the_events_command(client):
    syria = client.get("/api/events", params={"country": "syr"}).json()
    assert syria and all(e["location"]["country"] == "SYR" for e in syria)
    strikes = client.get("/api/events", params={"type": "air/drone strike"}).json()
    assert {e["acled"]["sub_event_type"] for e in strikes} == {"Air/drone strike"}
    battles = client.get("/api/events", params={"type": "Battles", "until": "2024-11-27"}).json()
    assert battles and all(e["acled"]["event_type"] == "Battles" and e["event_date"] <= "2024-11-27" for e in battles)
    near_aleppo = client.get("/api/events", params={"near": "36.2,37.16,25"}).json()
    assert near_aleppo and {e["location"]["name"] for e in near_aleppo} == {"Aleppo"}
    assert client.get("/api/events", params={"near": "-33.9,18.4,50"}).json() == []  # Cape Town


def test_events_pages_with_limit_and_offset(client):
    everything = client.get("/api/events").json()
    page = client.get("/api/events", params={"limit": 1, "offset": 1})
    assert page.json() == everything[1:2]
    assert page.headers["X-Total-Count"] == str(len(everything))


@pytest.mark.parametrize("params, named", [
    ({"since": "last week"}, "since 'last week'"),
    ({"country": "Syria"}, "country 'Syria'"),
    ({"near": "36.2,37.16"}, "near '36.2,37.16': is not lat,lon,km"),
    ({"near": "136.2,37.16,5"}, "needs a latitude in -90..90"),
    ({"since": "2024-12-01", "until": "2024-11-01"}, "until '2024-11-01': is before since (2024-12-01)"),
    ({"limit": 0}, "limit '0': Input should be greater than or equal to 1"),
])
def test_bad_parameters_give_422_naming_what_was_wrong(client, params, named):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert named in response.json()["detail"]


def test_an_event_carries_its_sources_and_the_evidence_points_into_the_article(client):
    strike = strike_on_aleppo(client.get("/api/events").json())
    event = client.get(f"/api/events/{strike['event_id']}").json()
    [source] = event["sources"]
    assert source["claims"][0]["text"] == "Moscow claims to have killed 300 fighters."
    article = client.get(f"/api/articles/{source['article_id']}").json()
    assert article["text"].startswith("Russia on Saturday (Nov 30) launched its first air strikes on Aleppo")
    for evidence in source["evidence"]:
        assert article["text"][evidence["start"]:evidence["end"]] == evidence["text"]


def test_unknown_ids_are_404_with_a_message(client):
    response = client.get("/api/events/nope")
    assert response.status_code == 404
    assert response.json() == {"detail": "no event 'nope'; /api/events lists the stored events"}
    assert client.get("/api/articles/nope").status_code == 404


def test_stats_count_by_type_country_day_and_week(client):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 1
    assert stats["by_type"]["Explosions/Remote violence"] >= 1
    assert stats["by_country"]["SYR"] >= 3
    assert stats["by_day"]["2024-11-30"]["Explosions/Remote violence"] >= 1
    # Saturday 30 November 2024 falls in the week starting Monday 25 November.
    assert stats["by_week"]["2024-11-25"]["Explosions/Remote violence"] >= 1
    assert client.get("/api/stats", params={"country": "NGA"}).json()["events"] == 0


def test_openapi_describes_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats"} <= set(paths)
    assert {p["name"] for p in paths["/api/events"]["get"]["parameters"]} >= {"country", "since", "near", "limit"}


def test_the_page_and_its_bundle_are_served_with_no_cdn(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'src="static/app.js"' in page.text and "https://" not in page.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/countries.json").json()["type"] == "Topology"
    config = client.get("/api/config").json()
    assert config["allow_ingest"] is False
    assert "Air/drone strike" in config["types"]["acled"]["Explosions/Remote violence"]  # the type menu


def test_ingest_is_off_unless_allowed(client):
    response = client.post("/api/articles", data={"text": DHAKA.read_text()})
    assert response.status_code == 403
    assert "--allow-ingest" in response.json()["detail"]


def test_a_pasted_article_is_extracted_stored_and_listed(ingest_client):
    response = ingest_client.post("/api/articles", data={"text": DHAKA.read_text(), "published": "2024-07-15"})
    assert response.status_code == 200
    stored = response.json()
    assert stored["status"] == "new"
    assert [e["acled"]["event_type"] for e in stored["events"]] == ["Riots"]
    listed = ingest_client.get("/api/events").json()
    assert [e["location"]["name"] for e in listed] == ["Dhaka"]
    again = ingest_client.post("/api/articles", data={"text": DHAKA.read_text(), "published": "2024-07-15"})
    assert again.json()["status"] == "unchanged"


def test_an_uploaded_html_file_is_read_as_html(ingest_client):
    html = b"<html><body><article><p>Gunmen killed four villagers near Maiduguri on Tuesday.</p></article></body></html>"
    response = ingest_client.post("/api/articles", files={"file": ("raid.html", html, "text/html")},
                                  data={"published": "2024-05-14"})
    assert response.status_code == 200
    [event] = [e for e in response.json()["events"] if not e["background"]]
    assert event["fatalities"]["best"] == 4


FORM_START = b'--b\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
FORM_END = b"\r\n--b--\r\n"


@pytest.mark.parametrize("kwargs, status, message", [
    ({"data": {"text": "word " * 2000}}, 413, "over the 5,000 byte limit"),
    ({"content": iter([FORM_START, b"x" * 8000, FORM_END]), "headers": {"content-type": "multipart/form-data; boundary=b"}},
     413, "over the 5,000 byte limit"),  # streamed with no Content-Length: counted as it arrives
    ({"files": {"file": ("scan.pdf", b"%PDF-1.4 binary", "application/pdf")}}, 422, "scan.pdf: binary file (looks like PDF)"),
    ({"data": {"text": "Der Präsident sagte am Montag, dass die Regierung neue Gesetze plane. "
                        "Die Opposition kritisierte den Plan scharf und forderte Neuwahlen."}}, 422, "pasted text:"),
    ({"data": {"title": "no text"}}, 422, "give the article either as `text` or as a `file`"),
])
def test_bad_uploads_are_refused_with_a_message(ingest_client, kwargs, status, message):
    response = ingest_client.post("/api/articles", **kwargs)
    assert response.status_code == status
    assert message in response.json()["detail"]


def test_serve_says_when_its_port_is_taken(tmp_path, capsys):
    import socket

    from eventwire.cli import main

    db = f"sqlite:///{tmp_path / 'e.db'}"
    Store(db).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", db, "--port", str(port)]) == 1
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in capsys.readouterr().err


def test_serving_a_database_that_does_not_exist_says_so_and_creates_nothing(tmp_path, capsys):
    from eventwire.cli import main

    assert main(["serve", "--db", f"sqlite:///{tmp_path / 'typo.db'}"]) == 1
    assert "no database at" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_failing_store_still_answers_in_json():
    class BrokenStore:
        def count(self, query):
            raise RuntimeError("database is locked")

    response = TestClient(create_app(BrokenStore()), raise_server_exceptions=False).get("/api/events")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error (RuntimeError: database is locked); see the server log"}
