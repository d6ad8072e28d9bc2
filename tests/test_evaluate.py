"""`eventwire eval`: how gold values are compared, small scored runs, and bad gold files."""
from __future__ import annotations

import json
import re
import zipfile

import pytest

from eventwire.cli import main
from eventwire.evaluate.acled import actor_key, admin1_key, gold_actor_country, score_acled
from eventwire.places import distance_km as km
from eventwire.evaluate.case import case_label, score_case
from eventwire.evaluate.common import GoldError
from eventwire.evaluate.location import overlaps, score_location
from eventwire.evaluate.petrarch import score_petrarch
from eventwire.evaluate.plover import score_plover
from eventwire.evaluate.roundup import build_roundups, score_roundup
from eventwire.evaluate.split import is_report_row

from conftest import DEV_DATA, needs_dev_data

HEADER = ("event_id_cnty,event_date,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,"
          "country,iso3,admin1,admin2,admin3,location,latitude,longitude,geo_precision,time_precision,"
          "fatalities,source,notes\n")


def test_acled_actor_names_compare_without_period_and_case():
    assert actor_key("Police Forces of Kenya (2013-2022)") == actor_key("police forces of Kenya")
    assert actor_key("Police Forces of Kenya (2013-)") == "police forces of kenya"


def test_acled_actor_country_from_the_name_else_the_row():
    assert gold_actor_country("Police Forces of Kenya (2013-2022)", "Kenya") == "KEN"
    assert gold_actor_country("Rioters (Kenya)", "Kenya") == "KEN"
    assert gold_actor_country("Military Forces of Ethiopia (2018-)", "Kenya") == "ETH"
    assert gold_actor_country("Al Shabaab", "Kenya") == "KEN"
    assert gold_actor_country("Protesters (Bangladesh)", "", "") == "BGD"


def test_admin1_names_compare_without_feature_words_and_accents():
    assert admin1_key("Kakamega County") == admin1_key("Kakamega")
    assert admin1_key("Dhaka Division") == admin1_key("dhaka")
    assert admin1_key("Atlantique Department") == admin1_key("Atlantique")
    assert admin1_key("Ouémé") == admin1_key("Oueme")
    assert admin1_key("Nairobi Area") != admin1_key("Nairobi")  # only the four feature words


def test_distance_nairobi_to_mombasa_is_about_440_km():
    assert 430 < km(-1.2864, 36.8172, -4.0435, 39.6682) < 450


def test_case_labels_come_from_the_acled_sub_event_type_then_plover():
    def event(sub, plover):
        return {"acled": {"sub_event_type": sub}, "plover": {"type": plover}}

    assert case_label(event("Air/drone strike", "ASSAULT")) == "AIR_STRIKE"
    assert case_label(event("Shelling/artillery/missile attack", "ASSAULT")) == "ART_MISS_ATTACK"
    assert case_label(event(None, "ACCUSE")) == "ATTRIB"
    assert case_label(event(None, "CONSULT")) == "DIPLO"
    assert case_label(event(None, "MOBILIZE")) == "(no event)"
    assert case_label(None) == "(no event)"


def test_chosen_place_must_overlap_the_gold_span():
    text = "Gunmen killed five people in Kismayo on Monday, officials in Mogadishu said."
    gold = [(29, 36)]  # Kismayo
    assert overlaps({"name": "Kismayo"}, text, gold)
    assert not overlaps({"name": "Mogadishu"}, text, gold)
    assert overlaps({"name": "Al Kismayo"}, text, gold)  # a gazetteer spelling sharing the word
    assert not overlaps(None, text, gold)


def test_acled_scores_a_note_the_system_reads_right(tmp_path, pipeline):
    gold = tmp_path / "acled.csv"
    # a note written for this test, coded as ACLED would
    gold.write_text(HEADER + 'T1,2021-03-14,Violence against civilians,Attack,Unidentified Armed Group (Kenya),,'
                    'Civilians (Kenya),,Kenya,KEN,Garissa,Garissa,,Garissa,-0.4536,39.6401,1,1,2,Test,'
                    '"On 14 March 2021, gunmen shot dead two traders in Garissa town, Garissa County."\n', encoding="utf-8")
    result = score_acled(str(gold), pipeline, split="all")
    assert result["n"] == 1 and result["no_event"] == 0
    m = result["metrics"]
    for name in ("event_date", "fatalities_exact", "admin1", "location_25km"):
        assert m[name] == {"top": 1.0, "any": 1.0}, name
    assert result["by_country"]["Kenya"]["n"] == 1


ROUNDUP_NOTES = [  # notes written for this test, coded as ACLED would
    ('R1,2021-03-10,Violence against civilians,Attack,Unidentified Armed Group (Kenya),,Civilians (Kenya),,Kenya,KEN,'
     'Garissa,Garissa,,Garissa,-0.4536,39.6401,1,1,2,T,"On 10 March 2021, gunmen shot dead two traders in Garissa town."'),
    ('R2,2021-03-12,Protests,Peaceful protest,Protesters (Kenya),,,,Kenya,KEN,Kisumu,Kisumu,,Kisumu,-0.1022,34.7617,1,1,0,T,'
     '"On 12 March 2021, teachers marched peacefully in Kisumu to demand higher pay."'),
    ('R3,2021-03-13,Riots,Mob violence,Rioters (Kenya),,,,Kenya,KEN,Nakuru,Nakuru,,Nakuru,-0.3031,36.08,1,1,1,T,'
     '"On 13 March 2021, a mob beat a suspected thief to death in Nakuru."'),
]


def test_roundups_group_a_weeks_notes_of_one_country_and_score_each_paragraph(tmp_path, pipeline):
    gold = tmp_path / "acled.csv"
    gold.write_text(HEADER + "\n".join(ROUNDUP_NOTES) + "\n", encoding="utf-8")
    result = score_roundup(str(gold), pipeline, split="all")
    assert (result["roundups"], result["n"], result["no_event_in_paragraph"]) == (1, 3, 0)
    m = result["metrics"]
    for name in ("sub_event_type", "admin1", "event_date", "fatalities_exact"):
        assert m[name]["value"] == m[f"{name}_alone"]["value"] == 1.0, name


def test_a_roundup_paragraph_opening_like_another_is_scored_on_its_own_event(tmp_path, pipeline):
    alike = ('{id},2021-03-13,Riots,Violent demonstration,Rioters (Kenya),,,,Kenya,KEN,{county},{county},,{town},{lat},{lon},1,1,0,T,'
             '"On 13 March 2021, rioters (likely supporters of the opposition party during the ongoing nationwide strike) set fire to a bus in {town} town, {county} County."')
    notes = [ROUNDUP_NOTES[0], alike.format(id="R4", county="Kisumu", town="Kisumu", lat=-0.1022, lon=34.7617),
             alike.format(id="R5", county="Nakuru", town="Nakuru", lat=-0.3031, lon=36.08)]
    gold = tmp_path / "acled.csv"
    gold.write_text(HEADER + "\n".join(notes) + "\n", encoding="utf-8")
    result = score_roundup(str(gold), pipeline, split="all")
    assert result["no_event_in_paragraph"] == 0
    assert result["metrics"]["admin1"]["value"] == 1.0


def test_roundups_are_built_the_same_way_every_time():
    rows = [{"event_id_cnty": f"X{i}", "country": "Kenya" if i < 7 else "Benin", "event_date": f"2021-03-{1 + i:02d}",
             "notes": f"Note {i}."} for i in range(10)]
    first, again = build_roundups(rows), build_roundups(list(reversed(rows)))
    assert [r.text for r in first] == [r.text for r in again]
    # Benin sorts first; up to 3, 4, 5 notes in turn; every other round-up newest first.
    assert [[row["event_id_cnty"] for row, _, _ in r.spans] for r in first] == [
        ["X7", "X8", "X9"], ["X3", "X2", "X1", "X0"], ["X4", "X5", "X6"]]
    assert all(r.text[start:end] == row["notes"] for r in first for row, start, end in r.spans)


def test_acled_report_split_skips_tuning_rows(tmp_path, pipeline):
    gold = tmp_path / "acled.csv"
    rows = [f'ID{i},2021-03-14,Riots,Mob violence,Rioters (Kenya),,,,Kenya,KEN,Nairobi,,,Nairobi,-1.28,36.81,1,1,0,T,'
            f'"On 14 March 2021, a mob beat a man in Nairobi."\n' for i in range(20)]
    gold.write_text(HEADER + "".join(rows), encoding="utf-8")
    report = sum(is_report_row(f"ID{i}") for i in range(20))
    assert 0 < report < 20
    assert score_acled(str(gold), pipeline)["n"] == report
    assert score_acled(str(gold), pipeline, split="tune")["n"] == 20 - report


def test_case_scores_its_report_split_unless_told(tmp_path, pipeline):
    gold = tmp_path / "case.tsv"
    rows = [f"{i}\tPolice fired tear gas at protesters in Nairobi.\tEXCESSIVE_FORCE\n" for i in range(20)]
    gold.write_text("id\tEventSnippet\tSubType\n" + "".join(rows), encoding="utf-8")
    report = sum(is_report_row(str(i)) for i in range(20))
    assert score_case(str(gold), pipeline)["n"] == report
    assert score_case(str(gold), pipeline, split="tune")["n"] == 20 - report
    assert score_case(str(gold), pipeline, split="all")["n"] == 20


@pytest.mark.parametrize("content, message", [
    ("event_id_cnty,event_date,notes\nX,2020-01-01,text\n", "acled.csv:1: missing column(s) event_type"),
    (HEADER + "X1,2020-01-01,Riots,Mob violence,A,,,,Kenya,KEN,Nairobi\n", "acled.csv:2: bad row: fewer fields"),
    (HEADER + 'X1,31/01/2020,Riots,Mob violence,A,,,,Kenya,KEN,N,,,N,1,1,1,1,0,S,"a"\n', "acled.csv:2: bad row"),
])
def test_bad_acled_file_names_file_and_line(tmp_path, pipeline, content, message):
    gold = tmp_path / "acled.csv"
    gold.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=re.escape(message)):
        score_acled(str(gold), pipeline, split="all")


def test_broken_json_names_file_and_line(tmp_path, pipeline):
    gold = tmp_path / "plover_gsr.json"
    gold.write_text('[\n{"id": "A", "event": "AGREE", "text": "x"},\n{"id": "B" "event"}\n]', encoding="utf-8")
    with pytest.raises(GoldError, match=r"plover_gsr.json:3: broken JSON"):
        score_plover(str(gold), pipeline)


def test_broken_xml_names_file_and_line(tmp_path, pipeline):
    gold = tmp_path / "records.xml"
    gold.write_text("<Validation>\n<Sentences>\n<Sentence id='A'>\n</Sentences>\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"records.xml:4: broken XML"):
        score_petrarch(str(gold), pipeline)


def test_broken_json_line_inside_the_zip(tmp_path, pipeline):
    gold = tmp_path / "loc.jsonl.zip"
    with zipfile.ZipFile(gold, "w") as archive:
        archive.writestr("labeled_text.jsonl", '{"text": "a", "spans": [], "source": "RELABEL"}\n{"text": \n')
    with pytest.raises(GoldError, match=r"loc.jsonl.zip:labeled_text.jsonl:2: broken JSON"):
        score_location(str(gold), pipeline)


def test_location_scores_the_place_of_the_labelled_verb(tmp_path, pipeline):
    text = "Gunmen killed five villagers in Kismayo on Monday."
    record = {"text": text, "source": "RELABEL", "spans": [
        {"start": 7, "end": 13, "label": "VERB"}, {"start": 32, "end": 39, "label": "LOCATION"}]}
    gold = tmp_path / "loc.jsonl.zip"
    with zipfile.ZipFile(gold, "w") as archive:
        archive.writestr("labeled_text.jsonl", json.dumps([record, {**record, "source": "AP"}]))
    result = score_location(str(gold), pipeline)
    assert result["n"] == 1
    assert result["metrics"]["place"] == {"top": 1.0, "any": 1.0}


def test_a_location_is_matched_where_the_sentence_writes_it():
    text = "Also in Baquba, north of Baghdad, hundreds of students demonstrated."
    gold = [(8, 14)]
    assert overlaps({"name": "Baqubah", "text": "Baquba"}, text, gold)
    assert not overlaps({"name": "Baqubah", "text": None}, text, gold)
    assert not overlaps({"name": "Baghdad", "text": "Baghdad"}, text, gold)


def test_a_location_span_given_in_token_numbers_is_read_from_its_tokens(tmp_path, pipeline):
    # "start": 6, "end": 7 are token numbers here (the words "Kismayo port"), not characters.
    text = "Gunmen killed five villagers in Kismayo port on Monday."
    tokens = [{"id": i, "start": m.start(), "end": m.end(), "text": m.group()} for i, m in enumerate(re.finditer(r"\w+|\S", text))]
    record = {"text": text, "source": "RELABEL", "tokens": tokens, "spans": [
        {"start": 7, "end": 13, "token_start": 1, "token_end": 1, "label": "VERB", "text": "killed"},
        {"start": 5, "end": 6, "token_start": 5, "token_end": 6, "label": "LOCATION", "text": "Kismayo port"}]}
    gold = tmp_path / "loc.jsonl.zip"
    with zipfile.ZipFile(gold, "w") as archive:
        archive.writestr("labeled_text.jsonl", json.dumps([record]))
    assert score_location(str(gold), pipeline)["metrics"]["place"] == {"top": 1.0, "any": 1.0}


def test_eval_command_reports_a_bad_gold_file_in_one_line(tmp_path, capsys):
    (tmp_path / "acled_dev.csv").write_text("event_id_cnty,notes\nX,text\n", encoding="utf-8")
    code = main(["eval", "--data", str(tmp_path), "--only", "acled,case"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [
        f"eventwire: {tmp_path / 'acled_dev.csv'}:1: missing column(s) event_date, event_type, sub_event_type, "
        "actor1, country, iso3, admin1, latitude, longitude, fatalities: is this the right file?",
        f"eventwire: {tmp_path / 'case2021_task2_dev.tsv'}: not found: the case task needs it (see ../shared/data/README.md)",
    ]


def test_eval_command_prints_the_seed_checks_and_writes_json(tmp_path, capsys):
    out_json = tmp_path / "eval.json"
    assert main(["eval", "--data", str(tmp_path), "--only", "seed", "--json", str(out_json)]) == 0
    out, _ = capsys.readouterr()
    assert "seed: n=15" in out and "event1_air_strikes" in out
    assert json.loads(out_json.read_text())["seed"]["metrics"]["pass_rate"] == {"value": 1.0}


@needs_dev_data
def test_dev_data_scores_on_a_few_rows(pipeline):
    result = score_acled(str(DEV_DATA / "acled_dev.csv"), pipeline, limit=20)
    assert result["n"] == 20 and result["split"] == "report"
    assert 0 < result["metrics"]["event_date"]["top"] <= 1
    assert sum(row["support"] for row in result["sub_event_types"].values()) == 20


def test_petrarch_invented_country_sharing_an_iso_code_is_not_scored(tmp_path, pipeline):
    gold = tmp_path / "records.xml"
    gold.write_text(
        "<Validation><Sentences>"
        "<Sentence id='A' date='20240101'><Text>Kenya criticised Eriador on Monday.</Text>"
        "<EventCoding sourcecode='KEN' targetcode='ERI' eventcode='111'></EventCoding></Sentence>"
        "</Sentences></Validation>",
        encoding="utf-8",
    )
    result = score_petrarch(str(gold), pipeline)
    assert (result["n_source_country"], result["n_target_country"]) == (1, 0)
    assert result["metrics"]["source_country"]["top"] == 1.0
