"""Verbal and diplomatic events (CAMEO 02-17): each sentence's top event has the CAMEO code and
PLOVER type the CAMEO codebook gives it, and the trigger lexicon agrees with cameo.tsv."""
from __future__ import annotations

import pytest

from eventwire.datafiles import read_tsv
from eventwire.model import Article
from eventwire.typology import plover_for_cameo

# sentence -> (CAMEO code, PLOVER type) of its top event
CODED = {
    # 02 appeal, 10 demand
    "The African Union urged both sides to hold talks in Addis Ababa.": ("026", "REQUEST"),
    "Human rights groups called for the release of the detained journalists.": ("0253", "REQUEST"),
    "The opposition demanded the resignation of the interior minister.": ("1041", "REQUEST"),
    # 03 intent to cooperate, 04 consult
    "Norway offered to mediate between the government and the rebels.": ("039", "AGREE"),
    "The Kenyan president hosted his Ugandan counterpart in Nairobi on Monday.": ("043", "CONSULT"),
    "Qatar mediated between the two movements last year.": ("045", "CONSULT"),
    "The foreign ministers met in Geneva on Tuesday.": ("040", "CONSULT"),
    # 05 diplomatic cooperation
    "The prime minister praised the army for its restraint.": ("051", "SUPPORT"),
    "Saudi Arabia and Iran restored diplomatic ties on Friday.": ("054", "SUPPORT"),
    "The minister apologized to the families of the victims.": ("055", "SUPPORT"),
    "The two governments signed a trade agreement in Dakar.": ("057", "SUPPORT"),
    # 06 material cooperation, 07 aid
    "The two countries shared intelligence on militant groups.": ("064", "COOPERATE"),
    "The European Union provided humanitarian aid to flood victims.": ("073", "AID"),
    # 08 yield
    "The rebels released 12 hostages on Friday.": ("0841", "RETREAT"),
    "The government lifted the curfew in the capital.": ("0813", "RETREAT"),
    "Government troops withdrew from the border town.": ("0874", "RETREAT"),
    # 09 investigate, 11 disapprove
    "Prosecutors are investigating corruption at the port authority.": ("091", "ACCUSE"),
    "The United Nations condemned the execution of the activists.": ("111", "ACCUSE"),
    "Ethiopia accused Egypt of arming the rebels.": ("112", "ACCUSE"),
    # 12 reject, 13 threaten
    "The junta rejected talks with the opposition.": ("125", "REJECT"),
    "Russia vetoed the Security Council resolution.": ("129", "REJECT"),
    "The president threatened to impose sanctions on the neighbouring country.": ("1312", "THREATEN"),
    # 15 force posture, 16 reduce relations, 17 coerce
    "The army mobilized reservists along the northern border.": ("154", "MOBILIZE"),
    "Niger cut diplomatic ties with Ukraine.": ("161", "SANCTION"),
    "Mali expelled the French ambassador.": ("161", "SANCTION"),
    "The government declared a state of emergency in three provinces.": ("1724", "COERCE"),
}


def _top(pipeline, text: str) -> dict:
    _, events = pipeline.extract(Article(origin="test", text=text))
    assert events, f"no event in {text!r}"
    return max((e.to_dict() for e in events), key=lambda e: e["confidence"])


@pytest.mark.parametrize("text", list(CODED))
def test_sentence_is_coded_as_the_codebook_says(pipeline, text):
    cameo, plover_type = CODED[text]
    event = _top(pipeline, text)
    assert (event["cameo"], event["plover"]["type"]) == (cameo, plover_type)


def test_statements_stay_below_violence_in_the_same_story(pipeline):
    event = _top(pipeline, "Gunmen killed five villagers in Zamfara, and the governor condemned the attack.")
    assert event["plover"]["type"] == "ASSAULT"


def test_declined_comment_is_no_rejection(pipeline):
    _, events = pipeline.extract(Article(origin="test", text="The ministry declined to comment on the report."))
    assert not any(e.coding.plover_type == "REJECT" for e in events)


# The seed's EXPECTED.md codes a ceasefire taking effect as AGREE (ceasefire); cameo.tsv puts
# CAMEO 0871 under RETREAT. Every other verbal or diplomatic row (CAMEO 02-16) follows cameo.tsv.
_SEED_CODED = {"ceasefire", "truce"}


def test_verbal_and_diplomatic_rows_agree_with_cameo_tsv():
    for row in read_tsv("triggers.tsv"):
        if not "02" <= row["cameo"][:2] <= "16" or row["lemma"] in _SEED_CODED:
            continue
        plover_type, mode = plover_for_cameo(row["cameo"])
        assert (row["plover_type"], row["plover_mode"]) == (plover_type, mode or "-"), row


def test_every_trigger_mode_is_a_plover_mode_of_its_type():
    from eventwire.datafiles import read_tsv
    from eventwire.typology import PLOVER_TYPES, plover_modes

    rows = [r for r in read_tsv("triggers.tsv") if r["plover_type"] in PLOVER_TYPES]
    wrong = [(r["lemma"], r["plover_type"], r["plover_mode"]) for r in rows
             if r["plover_mode"] != "-" and r["plover_mode"] not in plover_modes(r["plover_type"])]
    assert wrong == []
