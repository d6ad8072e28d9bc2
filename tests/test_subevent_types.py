"""Every one of ACLED's 25 sub-event types is reachable from plain news sentences."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import Article
from eventwire.typology import ACLED_SUB_EVENT_TYPES

SENTENCES = {
"Armed clash":"Soldiers and Al Shabaab militants exchanged fire for hours near Mandera on Tuesday.",
"Government regains territory":"The Sudanese army recaptured the town of Wad Madani from the RSF on Saturday.",
"Non-state actor overtakes territory":"M23 rebels seized the town of Rubaya in North Kivu on Tuesday.",
"Chemical weapon":"Syrian government forces dropped chlorine gas on Khan Sheikhoun in Idlib province on Saturday, medics said.",
"Air/drone strike":"Russian warplanes bombed the city of Idlib on Monday.",
"Suicide bomb":"A suicide bomber blew himself up at a checkpoint in Mogadishu on Friday, killing five soldiers.",
"Shelling/artillery/missile attack":"Russian forces shelled the city of Kharkiv with artillery on Sunday.",
"Remote explosive/landmine/IED":"A roadside bomb exploded under a police vehicle near Garissa on Monday, killing three officers.",
"Grenade":"Unknown attackers hurled a grenade at a bar in Bujumbura on Saturday.",
"Peaceful protest":"Hundreds of teachers marched peacefully in Nairobi on Monday to demand higher pay.",
"Protest with intervention":"Police dispersed protesters with tear gas in Dhaka on Monday and arrested ten of them.",
"Excessive force against protesters":"Security forces opened fire on peaceful protesters in Khartoum on Thursday, killing seven.",
"Violent demonstration":"Rioters burned tyres, blocked roads and stoned police in Kisumu on Monday.",
"Mob violence":"A mob lynched a suspected thief in Kisii on Sunday.",
"Agreement":"The government and the rebels signed a peace agreement in Addis Ababa on Tuesday.",
"Arrests":"Police arrested the opposition leader at his home in Kampala on Monday.",
"Change to group/activity":"The militia announced on Monday that it had disbanded in Bunia.",
"Disrupted weapons use":"Security forces defused a bomb planted near a church in Maiduguri on Sunday.",
"Headquarters or base established":"Wagner fighters set up a new base near the town of Menaka on Friday.",
"Looting/property destruction":"Gunmen looted shops and torched houses in Gusau, Zamfara state, on Saturday.",
"Non-violent transfer of territory":"Rebels seized the town of Kidal on Sunday without resistance.",
"Other":"Authorities imposed a curfew in Beni on Monday.",
"Sexual violence":"Soldiers raped three women in Goma on Tuesday, a local official said.",
"Attack":"Gunmen killed four villagers in the village of Kawo in Zamfara on Monday.",
"Abduction/forced disappearance":"Armed men abducted 20 students from a school in Kaduna on Thursday.",
}


def test_the_sentences_cover_the_codebook():
    assert sorted(SENTENCES) == sorted(ACLED_SUB_EVENT_TYPES)


@pytest.mark.parametrize("sub_event_type", sorted(SENTENCES))
def test_sub_event_type_is_reachable(pipeline, sub_event_type):
    _, events = pipeline.extract(Article(origin="t", text=SENTENCES[sub_event_type]), date(2024, 5, 9))
    top = max(events, key=lambda e: e.confidence)
    assert top.coding.acled_sub_event_type == sub_event_type
    assert top.event_date.date is not None and top.location is not None


@pytest.mark.parametrize("note, sub_event_type", [
    ("Defusal: On 3 May 2024, police found and defused a bomb near the market in Garissa.", "Disrupted weapons use"),
    ("Movement of forces: On 3 May 2024, soldiers attacked nobody but patrolled the roads of Mandera.", "Change to group/activity"),
    ("Displacement: On 3 May 2024, hundreds of families left their homes in Bunia.", "Other"),
])
def test_acled_note_tag_names_the_sub_event_type(pipeline, note, sub_event_type):
    assert top_sub_event_type(pipeline, note) == sub_event_type


def test_an_unknown_note_tag_is_ignored():
    from eventwire.classify import tagged_sub_event
    assert tagged_sub_event("Raid: On 3 May, soldiers raided a camp.") is None
    assert tagged_sub_event("defusal: lower-case openings are no tags") is None


def test_the_model_reads_stems_with_names_numbers_and_nationalities_masked():
    from eventwire.classify import normalise_for_model
    assert normalise_for_model("Kenyan police clashed with protesters in Kisumu on 3 May, attacking them.") == [
        "<demonym>", "polic", "clash", "with", "protester", "in", "<name>", "on", "<num>", "<name>", "attack", "them"]
    # A nationality opening a sentence is masked too; other first words and acronyms stay.
    assert normalise_for_model("Somali troops killed five. Gunmen planted an IED.") == [
        "<demonym>", "troop", "kill", "fiv", "gunmen", "plant", "an", "ied"]


@pytest.mark.parametrize("forms, stem", [
    ("clash clashes clashed clashing", "clash"),
    ("attack attacks attacked attacking", "attack"),
    ("kidnap kidnaps kidnapped kidnapping", "kidnap"),
    ("fire fires fired firing", "fir"),
    ("casualty casualties", "casualty"),
])
def test_inflections_share_one_feature(forms, stem):
    from eventwire.classify import stem as stemmed
    assert {stemmed(form) for form in forms.split()} == {stem}


def test_the_shipped_model_learned_these_types_from_few_texts():
    from eventwire.classify import SubEventClassifier
    model = SubEventClassifier.load()
    assert {s for s in ACLED_SUB_EVENT_TYPES if model.learned_from_few(s)} == {
        "Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory",
        "Chemical weapon", "Suicide bomb", "Agreement", "Headquarters or base established"}
    assert model.texts["Peaceful protest"] > 5000


@pytest.mark.parametrize("hint, sub_event_type", [
    ("Attack", "Armed clash"),  # learned from many texts: a sure model overrules it
    ("Suicide bomb", "Suicide bomb"),  # learned from a few: kept
    ("Remote explosive/landmine/IED", "Remote explosive/landmine/IED"),  # not learned at all: kept
    (None, "Armed clash"),
])
def test_the_model_overrules_no_type_it_learned_from_few_texts(monkeypatch, hint, sub_event_type):
    from types import SimpleNamespace

    import numpy as np

    from eventwire import event_coding
    from eventwire.classify import SubEventClassifier

    labels, probabilities, texts = ["Armed clash", "Attack", "Suicide bomb"], [0.9, 0.05, 0.05], [1000, 1000, 10]
    model = SubEventClassifier(labels, {}, np.zeros(0, np.float32), np.zeros((0, 3), np.float32),
                               np.log(np.array(probabilities, np.float32)), texts)
    monkeypatch.setattr(SubEventClassifier, "load", lambda: model)
    event_coding._predicted.cache_clear()
    try:
        assert event_coding._classified_sub_event(SimpleNamespace(plover_type="ASSAULT"), "Gunmen struck.", hint) == sub_event_type
    finally:
        event_coding._predicted.cache_clear()  # the fake model's readings are not the shipped model's


@pytest.mark.parametrize("text, sub_event_type", [
    ("Warplanes hit a rebel base near Idlib on Monday, killing several fighters.", "Air/drone strike"),
    ("Three tanks attacked army positions near Kidal on Monday.", "Shelling/artillery/missile attack"),
    ("An SVBIED struck an army base near Deir ez-Zor on Monday.", "Suicide bomb"),
])
def test_an_aircraft_or_heavy_weapon_as_the_doer_fixes_the_sub_event_type(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    # Another side took the ground without a fight: the withdrawal handed it over.
    ("Iraqi security forces withdrew on Sunday from the Walid crossing, a matter that allowed Daesh elements to seize "
     "it without resistance.", "Non-violent transfer of territory"),
    # Nothing says anyone took it: a withdrawal alone, whatever else did not happen.
    ("Kenyan troops withdrew on Sunday from their base near Kismayo. No violence was reported.", "Change to group/activity"),
])
def test_a_withdrawal_is_a_transfer_only_where_another_side_took_the_ground(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


@pytest.mark.parametrize("text", [
    "On Monday, dozens of nurses gathered outside the hospital in Nakuru to call for higher pay.",
    "Hundreds of students took to the streets of Kisumu on Friday to demand safer schools.",
    "About 50 factory workers went on strike in Thika on Monday.",
    "Transport workers staged a strike in Cotonou on Monday.",
    "Protesters chant anti-government slogans in Minsk.",
])
def test_a_gathering_with_a_claim_and_a_labour_strike_are_peaceful_protests(pipeline, text):
    _, events = pipeline.extract(Article(origin="t", text=text), date(2024, 5, 9))
    assert [e.coding.acled_sub_event_type for e in events] == ["Peaceful protest"]


@pytest.mark.parametrize("text, sub_event_type", [
    ("Officers attacked and injured a peaceful student demonstration in Delhi on Monday.", "Excessive force against protesters"),
    ("Six people were killed after soldiers opened fire on protesters in Basra on Monday.", "Excessive force against protesters"),
    ("Police said grenades and ammunition were discovered near the bus station in Garissa on Monday.", "Disrupted weapons use"),
    ("Twin car bomb attacks killed ten people in Hodeidah on Monday.", "Remote explosive/landmine/IED"),
    ("Turkish forces set up a new observation post near Idlib on Monday.", "Headquarters or base established"),
    ("Iraqi forces freed several villages near Mosul from Islamic State militants on Monday.", "Government regains territory"),
    ("Rebels fired shells filled with poisonous gas into the town of Hama on Monday, medics said.", "Chemical weapon"),
    ("Houthi rebels captured the port of Mokha on Monday.", "Non-state actor overtakes territory"),
    ("Militants seized a deserted rocket-launching site near Palmyra on Monday.", "Non-violent transfer of territory"),
    ("The coalition handed control of the military camp back to the Iraqi army on Monday.", "Non-violent transfer of territory"),
    ("A helicopter attacked the village of Sarmin near Idlib with chlorine on Monday.", "Chemical weapon"),
])
def test_what_the_violence_is_aimed_at_or_done_with_fixes_the_sub_event_type(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Russia said it launched airstrikes on rebels it accused of carrying out a chlorine attack on Aleppo.", "Air/drone strike"),
    ("Rebels fired shells filled with poison gas at Aleppo on Monday.", "Chemical weapon"),
    ("Militants shelled an army post near Hama with rockets filled with chlorine gas on Monday.", "Chemical weapon"),
])
def test_a_chemical_agent_is_the_weapon_of_the_event_it_modifies(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


@pytest.mark.parametrize("text", [
    "Soldiers fired tear gas and live rounds at villagers in Sarmin on Monday.",
    "Sea pirates attacked a chemical tanker off the coast of Cotonou on Thursday.",  # what was attacked
])
def test_no_chemical_weapon(pipeline, text):
    _, events = pipeline.extract(Article(origin="t", text=text), date(2024, 5, 9))
    assert "Chemical weapon" not in {e.coding.acled_sub_event_type for e in events}


def test_rioters_fought_by_police_are_no_excessive_force(pipeline):
    _, events = pipeline.extract(Article(origin="t", text="Police clashed with rioters in Kibera on Monday."), date(2024, 5, 9))
    assert "Excessive force against protesters" not in {e.coding.acled_sub_event_type for e in events}


@pytest.mark.parametrize("text, sub_event_type", [
    ("About 150 rebel fighters surrendered to the army near Beni on Monday.", "Agreement"),
    ("French troops withdrew from their base near Gao on Monday.", "Change to group/activity"),
    ("Militants detonated a suicide vest at a checkpoint in Mogadishu on Monday.", "Suicide bomb"),
    ("A rocket-propelled grenade hit an army truck near Kidal on Monday.", "Shelling/artillery/missile attack"),
    ("Teachers held a sit-in outside the ministry in Cotonou on Monday.", "Peaceful protest"),
    ("Doctors began an unlimited strike at the hospital in Cotonou on Monday.", "Peaceful protest"),
    ("Soldiers destroyed 300 landmines and 20 explosive devices near Kidal on Monday.", "Disrupted weapons use"),
    ("The two sides exchanged prisoners in Aden on Monday.", "Agreement"),
    ("A suspected chemical attack killed 40 civilians in Douma on Saturday.", "Chemical weapon"),
    ("A government helicopter dropped two barrel bombs on farmland near Hama on Monday.", "Air/drone strike"),
    ("One man molested a woman at the bus station in Karachi on Monday.", "Sexual violence"),
    ("A new brigade was formed in the army of Mali on Monday.", "Change to group/activity"),
    ("Rebels seized the town of Kidal on Monday following the withdrawal of the army.", "Non-violent transfer of territory"),
    ("Militants seized an army outpost near Palmyra on Monday.", "Non-state actor overtakes territory"),
    ("The Sudanese army recovered a rebel stronghold near Omdurman on Monday.", "Government regains territory"),
    ("Government forces pushed al-Shabab militants out of three villages near Afgoye on Monday.", "Government regains territory"),
    ("Rebel fighters entered the town of Kidal on Monday after heavy fighting.", "Non-state actor overtakes territory"),
])
def test_trigger_words_fix_these_sub_event_types(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Protests in Paris turned violent on Saturday.", "Violent demonstration"),
    ("A demonstration in Nairobi descended into violence on Monday.", "Violent demonstration"),
    ("A demonstration against gun violence was held in Chicago on Monday.", "Peaceful protest"),
])
def test_a_protest_said_to_turn_violent_is_a_violent_demonstration(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


def test_unknown_gunmen_seizing_a_car_in_a_town_take_no_territory(pipeline):
    text = "Unknown gunmen shot a trader and seized his car in the town of Kidal on Monday."
    _, events = pipeline.extract(Article(origin="t", text=text), date(2024, 5, 9))
    assert "Non-state actor overtakes territory" not in {e.coding.acled_sub_event_type for e in events}


@pytest.mark.parametrize("text, sub_event_type", [
    ("Soldiers clashed with Al Shabaab militants near Mandera on Monday.", "Armed clash"),
    ("Supporters of two rival candidates clashed in Nakuru town on Monday, injuring three people.", "Mob violence"),
])
def test_who_clashes_decides_the_sub_event_type(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Russian forces took control of the town of Izium in Kharkiv region on Monday.", "Non-state actor overtakes territory"),
    ("The Ukrainian army recaptured the town of Izium in Kharkiv region on Monday.", "Government regains territory"),
    ("Al Shabaab claimed to have overrun an army base near Mandera on Monday.", "Armed clash"),
    ("Rebels attempted to capture the town of Goma on Monday but were repelled by soldiers.", "Armed clash"),
])
def test_territory_changes_hands_only_when_reported_and_a_foreign_army_overtakes_it(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Police fired tear gas at protesters in Nairobi on Monday.", "Protest with intervention"),
    ("Officers shot rubber bullets at striking teachers in Kisumu on Monday.", "Protest with intervention"),
    ("Police fired live bullets at protesters in Khartoum on Monday, killing three.", "Excessive force against protesters"),
])
def test_tear_gas_and_rubber_bullets_are_an_intervention_live_fire_excessive_force(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Al Shabaab militants detained two teachers in the town of Bardera on Monday.", "Abduction/forced disappearance"),
    ("Police arrested two teachers in Nairobi on Monday.", "Arrests"),
])
def test_only_the_state_arrests_an_armed_group_abducts(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


def top_sub_event_type(pipeline, text: str) -> str | None:
    """The ACLED sub-event type of the story's most confident event (published 9 May 2024)."""
    _, events = pipeline.extract(Article(origin="t", text=text), date(2024, 5, 9))
    return max(events, key=lambda e: e.confidence).coding.acled_sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Gunmen took two engineers hostage in Zamfara on Monday.", "Abduction/forced disappearance"),
    ("Rebels achieved a victory by controlling the entire Lajat area on Monday.", "Non-state actor overtakes territory"),
    ("Al Shabaab fighters captured Jowhar on Monday.", "Non-state actor overtakes territory"),
    ("Santacruz was captured by police on Monday as he dined at a restaurant in Bogota.", "Arrests"),
    ("Rebels captured two soldiers near Goma on Monday.", "Abduction/forced disappearance"),
    ("He was captured by police in Nairobi on Monday.", "Arrests"),
])
def test_taking_or_controlling_a_place_takes_ground_and_capturing_people_holds_them(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


def test_an_aircraft_as_the_doer_outweighs_the_dead_civilians(pipeline):
    # The dead civilians would make a plain killing an attack; the warplanes make it an air strike.
    text = "Coalition jets pounded a market in Saada on Monday, killing 12 civilians, including four women."
    assert top_sub_event_type(pipeline, text) == "Air/drone strike"


@pytest.mark.parametrize("text, sub_event_type", [
    ("Two militants detonated explosives near a checkpoint in Diyarbakir on Monday, killing themselves.", "Suicide bomb"),
    ("A bomb exploded near a checkpoint in Diyarbakir on Monday, killing two soldiers.", "Remote explosive/landmine/IED"),
])
def test_bombers_killing_themselves_make_a_suicide_bombing(pipeline, text, sub_event_type):
    assert top_sub_event_type(pipeline, text) == sub_event_type


def test_a_hyphenated_word_is_read_whole(pipeline):
    # "cease-fire" is the noun "ceasefire", and its "fire" sets nothing on fire.
    _, events = pipeline.extract(Article(origin="t", text=(
        "The cease-fire agreement between the army and the rebels is set to take effect in Juba on Friday.")), date(2024, 5, 9))
    assert [(e.trigger, e.coding.acled_sub_event_type) for e in events] == [("cease-fire", "Agreement")]


@pytest.mark.parametrize("text", [
    "Police seized a cache of grenades in Garissa on Monday.",
    "At least 75kg of mines and grenades were discovered near Beit Tima on Monday.",
])
def test_weapons_found_in_a_cache_or_by_weight_are_the_finds_object_not_an_attack(pipeline, text):
    _, events = pipeline.extract(Article(origin="t", text=text), date(2024, 5, 9))
    assert [e.coding.acled_sub_event_type for e in events] == ["Disrupted weapons use"]


def test_a_protest_said_to_turn_violent_stays_violent_whatever_else_the_paragraph_says(pipeline):
    text = "Protests in Biarritz turned violent on Saturday after thousands of activists marched peacefully to the border."
    assert top_sub_event_type(pipeline, text) == "Violent demonstration"


def test_what_was_done_leads_an_event_not_what_was_meant(pipeline):
    text = ("The militants' attack to capture the army's positions in northern Aleppo was fended off by "
            "Syrian troops on Monday.")
    _, events = pipeline.extract(Article(origin="t", text=text), date(2024, 5, 9))
    top = max(events, key=lambda e: e.confidence)
    assert (top.trigger, top.status) == ("attack", "reported")
    assert top.coding.acled_sub_event_type != "Non-state actor overtakes territory"


def test_an_attempted_act_does_not_type_what_happened(pipeline):
    text = ("Three women attacked a police station in Mombasa on Monday. One drew a knife and another attempted "
            "to detonate a dud suicide pack. The officers responded and killed the three.")
    assert top_sub_event_type(pipeline, text) != "Suicide bomb"


def test_a_gathering_for_a_vigil_or_against_something_is_a_protest_beside_the_killing_it_mourns(pipeline):
    _, events = pipeline.extract(Article(origin="t", text=(
        "Dozens of people gathered for a vigil in Derry on Monday to pay tribute to two men killed in a shooting.")),
        date(2024, 5, 9))
    assert "Peaceful protest" in [e.coding.acled_sub_event_type for e in events]
