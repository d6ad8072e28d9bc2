"""The seed article, coded as ../shared/seed/EXPECTED.md says a careful human coder would.

Each test is one line of EXPECTED.md. The article ships in examples/ (it is the README's example).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.model import Article
from eventwire.pipeline import Pipeline

SEED = Path(__file__).resolve().parents[1] / "examples" / "000_68e5d158b3363ef7.txt"


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline):
    article = Article(origin=str(SEED), text=SEED.read_text(encoding="utf-8"))
    clean, events = pipeline.extract(article)
    return clean, [e.to_dict() for e in events]


def current(events, plover_type):
    return [e for e in events if e["plover"]["type"] == plover_type and not e["background"]]


def one(events, plover_type, sub_event_type=None):
    found = [
        e for e in current(events, plover_type)
        if sub_event_type is None or e["acled"]["sub_event_type"] == sub_event_type
    ]
    assert len(found) == 1, f"{plover_type}/{sub_event_type}: {[(e['trigger'], e['acled']) for e in found]}"
    return found[0]


def test_publication_date_inferred_from_weekday_and_years(seed):
    clean, _ = seed
    assert clean.published == date(2024, 11, 30)
    assert clean.published_source == "inferred"


def test_published_option_wins(pipeline):
    article = Article(origin="seed", text=SEED.read_text(encoding="utf-8"))
    clean, events = pipeline.extract(article, published=date(2019, 12, 1))
    assert clean.published == date(2019, 12, 1)
    strikes = one([e.to_dict() for e in events], "ASSAULT", "Air/drone strike")
    assert strikes["event_date"] == "2019-11-30"


def test_event1_russian_air_strikes_on_aleppo(seed):
    e = one(seed[1], "ASSAULT", "Air/drone strike")
    assert e["event_date"] == "2024-11-30" and e["date_precision"] == "day"
    assert e["acled"]["event_type"] == "Explosions/Remote violence"
    assert e["plover"]["mode"] == "aerial"
    assert e["cameo"] == "195"
    assert e["actor1"]["country"] == "RUS" and e["actor1"]["type"] == "state_military"
    assert e["actor2"]["type"] == "rebel_group"
    loc = e["location"]
    assert (loc["name"], loc["country"], loc["admin1"]) == ("Aleppo", "SYR", "Aleppo")
    assert abs(loc["latitude"] - 36.20) < 0.1 and abs(loc["longitude"] - 37.16) < 0.1
    assert any(other["admin1"] == "Idlib" for other in e["locations"])


def test_event1_300_is_a_russian_claim_about_fighters(seed):
    f = one(seed[1], "ASSAULT", "Air/drone strike")["fatalities"]
    assert f["best"] == f["low"] == f["high"] == 300
    (claim,) = f["claims"]
    assert claim["count"] == 300 and claim["group"] == "fighters"
    assert claim["source"] == "Moscow"
    assert "claims" in claim["text"]


def test_event2_rebels_seize_airport_and_towns(seed):
    e = one(seed[1], "ASSAULT", "Non-state actor overtakes territory")
    assert e["acled"]["event_type"] == "Battles"
    assert e["event_date"] == "2024-11-30" and e["date_precision"] == "week"
    assert e["actor1"]["type"] == "rebel_group"
    assert e["location"]["name"] == "Aleppo"
    assert e["fatalities"] is None


def test_event3_offensive_launched_on_wednesday(seed):
    e = one(seed[1], "ASSAULT", "Armed clash")
    assert e["event_date"] == "2024-11-27" and e["date_precision"] == "day"
    assert e["actor1"]["type"] == "rebel_group"
    assert e["cameo"].startswith("19")


def test_event3_327_per_sohr_with_44_civilians_not_summed(seed):
    f = one(seed[1], "ASSAULT", "Armed clash")["fatalities"]
    assert f["best"] == 327 and f["low"] == 327 and f["high"] == 327
    counts = {c["count"]: c for c in f["claims"]}
    assert counts[327]["qualifier"] == "at_least"
    assert counts[327]["source"] == "Syrian Observatory for Human Rights"
    assert counts[44]["group"] == "civilians" and counts[44]["part_of"] is not None


def test_event4_ceasefire_in_lebanon(seed):
    e = one(seed[1], "AGREE")
    assert e["acled"] == {"event_type": "Strategic developments", "sub_event_type": "Agreement"}
    assert e["event_date"] == "2024-11-27"
    assert e["location"]["country"] == "LBN" and e["location"]["precision"] == "country"
    assert e["cameo"].startswith("08")


def test_event5_assad_phone_call_with_uae_president(seed):
    e = one(seed[1], "CONSULT")
    assert e["plover"]["mode"] == "phone" and e["cameo"].startswith("04")
    assert e["actor1"]["country"] == "SYR" and e["actor1"]["type"] == "government"
    assert e["actor2"]["country"] == "ARE"
    assert e["acled"] == {"event_type": None, "sub_event_type": None}


def test_event6_assad_pledges_to_defeat_terrorists(seed):
    e = one(seed[1], "THREATEN")
    assert e["actor1"]["country"] == "SYR" and e["cameo"].startswith("13")
    assert e["location"] is None or e["location"]["country"] == "SYR"


def test_event7_france_calls_for_protection_of_civilians(seed):
    e = one(seed[1], "REQUEST")
    assert e["actor1"]["country"] == "FRA" and e["cameo"].startswith("02")


def test_event8_us_labels_hts_and_criticises_assad(seed):
    e = one(seed[1], "ACCUSE")
    assert e["actor1"]["country"] == "USA" and e["cameo"].startswith("11")
    assert e["event_date"] == "2024-11-30"


def test_nothing_from_teasers_dateline_or_agency_lines(seed):
    clean, events = seed
    for banned in ("Advertisment", "Also read", "With inputs from agencies", "consulate", "hostage", "Gaza"):
        assert banned not in clean.text
        assert all(banned not in ev["text"] for e in events for ev in e["evidence"])
    assert clean.dateline is not None and clean.dateline.place == "Beirut, Lebanon"
    assert all((e["location"] or {}).get("name") != "Beirut" for e in events)


def test_2016_history_is_never_a_current_event(seed):
    for e in seed[1]:
        if "Back then" in " ".join(ev["text"] for ev in e["evidence"]) or (e["event_date"] or "").startswith("2016"):
            assert e["background"] is True


def test_no_extra_current_events(seed):
    assert len([e for e in seed[1] if not e["background"]]) == 8


def test_evidence_offsets_point_into_cleaned_text(seed):
    clean, events = seed
    for e in events:
        for ev in e["evidence"]:
            assert clean.text[ev["start"] : ev["end"]] == ev["text"]


def test_event_ids_are_stable(pipeline, seed):
    article = Article(origin=str(SEED), text=SEED.read_text(encoding="utf-8"))
    _, again = pipeline.extract(article)
    assert [e.event_id for e in again] == [e["event_id"] for e in seed[1]]
