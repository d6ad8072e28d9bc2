"""CAMEO verb patterns (cameo_verbs.tsv): verbs the ACLED trigger lexicon leaves out still give
events coded as the CAMEO codebook says, with the PLOVER coding of their CAMEO code."""
from __future__ import annotations

import pytest

from eventwire import cameo
from eventwire.datafiles import read_tsv
from eventwire.model import Article

# sentence -> (CAMEO code, PLOVER type) of its top event
CODED = {
    "Kenya and Somalia renewed diplomatic ties on Monday.": ("054", "SUPPORT"),
    "The two ministers signed a memorandum on energy cooperation in Accra.": ("057", "SUPPORT"),
    "The foreign minister expressed support for the peace plan.": ("051", "SUPPORT"),
    "The president toured the flooded districts on Tuesday.": ("042", "CONSULT"),
    "Japan will contribute ten million dollars to the relief fund.": ("070", "AID"),
    "The governor pardoned forty prisoners on Independence Day.": ("0841", "RETREAT"),
    "The president chided the opposition leader in a speech on Sunday.": ("111", "ACCUSE"),
    "The union abandoned talks with the employers on Friday.": ("164", "SANCTION"),
    "Ghana summoned the Nigerian ambassador on Monday.": ("114", "ACCUSE"),
    "The cabinet turned down the proposal on Wednesday.": ("120", "REJECT"),
    "The authorities shut down the internet in the capital.": ("1721", "COERCE"),
    "The government accepted the demands of the striking doctors on Thursday.": ("083", "CONCEDE"),
    "The court cancelled restrictions on the use of the Russian language.": ("081", "CONCEDE"),
    "The council denied entry to the foreign delegation on Monday.": ("120", "REJECT"),
    "The donors reduced aid to the ministry after the audit.": ("162", "SANCTION"),
    "The United States prohibited all aid to the rebels on Wednesday.": ("162", "SANCTION"),
    "Nigerian authorities jailed 52 members of the separatist movement on Monday.": ("173", "COERCE"),
    "Israel mounted its long-threatened invasion of south Lebanon on Tuesday.": ("190", "ASSAULT"),
    # "talks" is a trigger of its own, not only a form of "talk" (whose noun rows need "phone")
    "The minister is in Nairobi for talks with the president.": ("046", "CONSULT"),
}


@pytest.mark.parametrize("text", list(CODED))
def test_verb_the_trigger_lexicon_lacks_is_coded_as_the_codebook_says(pipeline, text):
    _, events = pipeline.extract(Article(origin="test", text=text))
    assert events, f"no event in {text!r}"
    top = max((e.to_dict() for e in events), key=lambda e: e["confidence"])
    assert (top["cameo"], top["plover"]["type"]) == CODED[text]


@pytest.mark.parametrize("text, sub_event_type", [
    ("The authorities shut down the internet in the capital.", "Other"),  # as a curfew is
    ("The army and the rebels exchanged prisoners in Kismayo on Sunday.", "Agreement"),  # ACLED codebook
])
def test_word_that_fixes_the_acled_sub_event_type(pipeline, text, sub_event_type):
    _, events = pipeline.extract(Article(origin="test", text=text))
    assert [e.coding.acled_sub_event_type for e in events] == [sub_event_type]


def test_pattern_takes_the_plover_coding_of_its_cameo_code():
    renew = next(r for r in cameo.verb_patterns() if r["lemma"] == "renew")
    pardon = next(r for r in cameo.verb_patterns() if r["lemma"] == "pardon")
    assert (renew["plover_type"], renew["plover_mode"]) == ("SUPPORT", "-")
    assert (pardon["plover_type"], pardon["plover_mode"]) == ("RETREAT", "release")


def test_statement_code_without_plover_type_is_refused():
    with pytest.raises(ValueError, match="013"):
        cameo._trigger_row({"lemma": "hope", "pos": "VERB", "modifier": "-", "cameo": "013"})


def _overlap(a: dict, b: dict) -> bool:
    same_pos = a["pos"] == b["pos"] or "ANY" in (a["pos"], b["pos"])
    mods_a, mods_b = set(a["modifier"].split("|")), set(b["modifier"].split("|"))
    return a["lemma"] == b["lemma"] and same_pos and bool(mods_a & mods_b)


def test_no_pattern_repeats_a_trigger_row():
    triggers = read_tsv("triggers.tsv")
    for row in cameo.verb_patterns():
        assert not any(_overlap(row, t) for t in triggers), row


# sentence -> (actor2 country, location name) of its top event: a state that is accused or
# dealt with is the target (CAMEO's dyad); the object of a material event is its place.
TARGETS = {
    "Ethiopia accused Egypt of arming the rebels.": ("EGY", None),
    "Kuwait restored full diplomatic ties with Libya on Monday.": ("LBY", None),
    "The president visited Kenya on Monday.": ("KEN", None),
    "Government forces shelled Aleppo on Monday.": (None, "Aleppo"),
}


@pytest.mark.parametrize("text", list(TARGETS))
def test_state_object_of_a_diplomatic_event_is_its_target(pipeline, text):
    _, events = pipeline.extract(Article(origin="test", text=text))
    top = max((e.to_dict() for e in events), key=lambda e: e["confidence"])
    target = top["actor2"]["country"] if top["actor2"] else None
    place = top["location"]["name"] if top["location"] else None
    assert (target, place) == TARGETS[text]


def test_subject_of_is_about_to_is_the_agent(pipeline):
    _, events = pipeline.extract(Article(origin="test", text="Kuwait is about to restore full diplomatic ties with Libya."))
    top = max((e.to_dict() for e in events), key=lambda e: e["confidence"])
    assert (top["cameo"], top["actor1"]["country"], top["actor2"]["country"]) == ("054", "KWT", "LBY")


def test_clause_years_before_the_news_is_background(pipeline):
    text = "Kenya restored diplomatic ties with Somalia, five years after crowds burned down its embassy in Mogadishu."
    _, events = pipeline.extract(Article(origin="test", text=text))
    assert sorted((e.coding.cameo, e.background) for e in events) == [("054", False), ("1712", True)]
