"""The detect stage on real sentences: which words are events, and who did what to whom."""
from __future__ import annotations

import pytest

from eventwire.detect import detect
from eventwire.model import CleanArticle
from eventwire.parse import ParsedArticle


@pytest.fixture(scope="module")
def mentions(pipeline):
    def run(text: str):
        parsed = pipeline.parser.parse(CleanArticle("t", text, "test"))
        return [(m.trigger.text, m) for m in detect(parsed)]

    return run


def by_trigger(found, word):
    matches = [m for text, m in found if text == word]
    assert matches, f"no mention for {word!r} in {[t for t, _ in found]}"
    return matches[0]


def test_light_verb_gives_noun_event_its_subject_date_and_place(mentions):
    m = by_trigger(mentions("Russia on Saturday (Nov 30) launched its first air strikes on Aleppo since 2016."), "strikes")
    assert m.entry.acled_sub_event_type == "Air/drone strike"
    assert m.agent.text == "Russia"
    assert [p.text for p in m.places] == ["Aleppo"]
    assert "Saturday" in m.dates[0].text and m.own_date
    assert all("2016" not in d.text for d in m.dates), "'since 2016' is never the event date"


def test_relative_clause_subject_is_the_agent(mentions):
    m = by_trigger(mentions("Russia struck jihadist-led rebels that have seized the town's airport."), "seized")
    assert m.agent.text == "jihadist-led rebels"
    assert m.perfect and m.entry.acled_sub_event_type == "Non-state actor overtakes territory"


def test_passive_by_phrase_is_the_agent(mentions):
    m = by_trigger(mentions("Five people were shot dead by unidentified gunmen in Baragoi on Monday."), "shot")
    assert m.agent.text == "unidentified gunmen"


def test_whom_the_doers_are_loyal_to_stays_in_their_mention(mentions):
    m = by_trigger(mentions("Militiamen loyal to the Islamic State attacked a checkpoint in Mosul."), "attacked")
    assert m.agent.text == "Militiamen loyal to the Islamic State"


def test_riot_police_are_police_not_a_riot(mentions):
    found = mentions("Riot police officers patrolled the streets of Nairobi as protest organisers met on Monday.")
    assert [t for t, m in found if m.entry.plover_type == "PROTEST"] == []
    # The model reads "Riot police chase demonstrators" as one noun phrase.
    found = mentions("Riot police chase demonstrators during anti-government protests in Tebourba on Tuesday.")
    assert [m.trigger.text for _, m in found] == ["protests"]


def test_targeted_with_a_weapon_is_an_attack_by_that_weapon(mentions):
    m = by_trigger(mentions("Russian forces targeted Kharkiv with missiles on Monday."), "targeted")
    assert m.entry.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert mentions("The sanctions target senior officials.") == []


def test_a_fight_between_two_groups_is_the_trigger_not_the_verb_it_hangs_on(mentions):
    m = by_trigger(mentions("A fight between farmers and herders over a water source arose in Taveta, leaving one dead."), "fight")
    assert m.entry.plover_type == "ASSAULT"
    assert mentions("The fight against corruption continues in Nairobi.") == []


def test_claim_verb_marks_status_claimed(mentions):
    m = by_trigger(mentions("Moscow claims to have killed 300 fighters."), "killed")
    assert m.status == "claimed" and m.agent.text == "Moscow"


def test_trigger_under_pledge_is_folded_into_the_threat(mentions):
    found = mentions('President Bashar al-Assad pledged to defeat the "terrorists", no matter how extensive their attacks.')
    assert [t for t, _ in found] == ["pledged"]
    assert found[0][1].entry.plover_type == "THREATEN"


def test_adjunct_phone_call_is_its_own_event(mentions):
    found = mentions("In a phone call with his Emirati counterpart, President Bashar al-Assad pledged to defeat the rebels.")
    call = by_trigger(found, "call")
    assert call.entry.plover_type == "CONSULT" and call.entry.plover_mode == "phone"
    assert "Assad" in call.agent.text and "Emirati" in call.recipient.text


def test_back_then_marks_background(mentions):
    m = by_trigger(mentions("Back then, rebels clashed with the army in eastern Aleppo."), "clashed")
    assert m.background


def test_what_a_crowd_protests_is_its_cause_not_news(mentions):
    found = mentions("Residents protested the killing of a man in Kisumu on Monday.")
    assert by_trigger(found, "killing").cited_cause
    assert not by_trigger(found, "protested").cited_cause


def test_then_alone_tells_what_came_next_not_the_past(mentions):
    m = by_trigger(mentions("On 23 March 2022, protesters rallied at the office, then marched to the city hall."), "rallied")
    assert not m.background
    assert by_trigger(mentions("Back then, rebels seized the town of Kidal."), "seized").background


def test_a_past_word_on_what_a_crowd_protests_dates_that_not_the_protest(mentions):
    text = ("On 20 March 2023, people staged a cultural gathering in front of the National Museum in Dhaka, "
            "to protest against an attack on the Udichi ceremony in Narail, 24 years ago.")
    assert not by_trigger(mentions(text), "protest").background


def test_once_again_is_a_repetition_not_the_past(mentions):
    assert not by_trigger(mentions("Bangladesh has once again rejected an Indian proposal."), "rejected").background
    assert by_trigger(mentions("Rebels once attacked the town of Idlib."), "attacked").background


def test_a_rejected_proposal_is_the_rejection_only(mentions):
    found = mentions("Khomeini today rejected Saddam Hussein's proposal for a cease-fire.")
    assert [m.entry.plover_type for _, m in found] == ["REJECT"]


def test_month_name_is_not_a_march(mentions):
    found = mentions("On 25 March 2022, militants attacked civilians of Malembe village.")
    assert [t for t, _ in found] == ["attacked"]


def test_labour_strike_is_a_protest_not_an_air_strike(mentions):
    m = by_trigger(mentions("Teachers began a nationwide strike on Monday over unpaid salaries."), "strike")
    assert m.entry.plover_type == "PROTEST"


def test_definite_noun_refers_back(mentions):
    found = mentions("Rebels launched an offensive on Aleppo on Friday. The offensive has drawn global attention.")
    assert [m.anaphoric for text, m in found if text == "offensive"] == [False, True]


def test_a_definite_noun_before_any_event_of_its_kind_is_the_storys_report(mentions):
    m = by_trigger(mentions("On 8 March 2024, police foiled the protest march of Mohila Dal in front of the BNP office in Dhaka."),
                   "march")
    assert not m.anaphoric
    assert [p.text for p in m.places] == ["Dhaka"] and m.dates


def test_heading_without_verb_is_skipped(mentions):
    found = mentions("Rebels seized the town of Kidal on Monday, officials said.\n\nA bold rebel assault\n\nResidents fled.")
    assert "assault" not in [m.trigger.lower_ for _, m in found]


def test_a_text_that_is_only_a_headline_is_read(mentions):
    assert [m.entry.plover_type for _, m in mentions("Anti-IEBC protests in Kitui")] == ["PROTEST"]


def test_parsed_article_type_is_the_stage_contract(pipeline):
    parsed = pipeline.parser.parse(CleanArticle("t", "Police arrested ten protesters in Dhaka.", "test"))
    assert isinstance(parsed, ParsedArticle)
    (m,) = detect(parsed)
    assert m.entry.plover_type == "COERCE" and m.entry.acled_sub_event_type == "Arrests"


def test_learned_model_detects_what_no_trigger_names(mentions):
    (text, m), = mentions("Teachers poured into the streets of Kisumu on Monday over unpaid salaries.")
    assert m.entry.weight == 0.0, "found by the model, not by a trigger"
    assert (m.entry.plover_type, m.entry.acled_sub_event_type) == ("PROTEST", "Peaceful protest")
    assert [p.text for p in m.places] == ["Kisumu"]


def test_model_stays_silent_when_a_trigger_found_the_event(mentions):
    found = mentions("Gunmen shot dead two traders in Kisumu on Monday.")
    assert all(m.entry.weight > 0 for _, m in found)


def test_a_crowd_demanding_is_its_protest(pipeline):
    from datetime import date

    from eventwire.model import Article

    _, events = pipeline.extract(
        Article(origin="t", text="Hundreds of protesters demanded the resignation of the governor outside his "
                                 "office in Mombasa on Tuesday."), date(2024, 5, 9))
    (event,) = events
    assert (event.coding.plover_type, event.coding.acled_sub_event_type) == ("PROTEST", "Peaceful protest")
    assert event.actor1.canonical == "Protesters (Kenya)"
    assert event.event_date.date == date(2024, 5, 7)


def test_what_a_protesting_crowd_calls_for_is_its_protests_claim(pipeline):
    from datetime import date

    from eventwire.model import Article

    _, events = pipeline.extract(Article(origin="t", text=(
        "On 21 April 2022, dozens of adult orphans gathered in Talgar township of Almaty region in protest of "
        "lack of social support from the state calling for the authorities to provide financial aid.")), date(2022, 4, 24))
    (event,) = events
    assert (event.coding.plover_type, event.coding.acled_sub_event_type) == ("PROTEST", "Peaceful protest")


def test_by_phrase_of_coordinated_passive_verbs_is_the_agent(mentions):
    found = mentions("Two traders were abducted and later killed by Al Shabaab militants near Mandera.")
    abducted = by_trigger(found, "abducted")
    assert abducted.agent.text == "Al Shabaab militants"
    assert abducted.recipient.text == "Two traders"


def test_by_phrase_of_a_reduced_relative_is_the_agent(mentions):
    found = mentions("Heavy weapons fired by the military troops at around 5 am killed two civilians.")
    assert by_trigger(found, "fired").agent.text == "the military troops", "not the weapons the verb describes"


def test_a_notes_opening_label_is_no_agent_whichever_word_its_colon_hangs_off(mentions):
    found = mentions("Defusal: On 17 June 2022, in Popayan (Cauca), military forces deactivated two explosive devices.")
    assert by_trigger(found, "deactivated").agent.text == "military forces"


def test_a_place_the_parse_makes_a_second_subject_is_no_agent(mentions):
    found = mentions("On 14 January 2022, in Tabayin township (Shwebo district, Sagaing region), the military "
                     "conducted airstrikes on Nyaung Hla villages.")
    assert by_trigger(found, "airstrikes").agent.text == "the military"


def test_a_curfew_someone_extends_is_theirs(mentions):
    found = mentions("On 31 May 2022, the government of Kenya extended a dusk-to-dawn curfew in Marsabit county.")
    assert by_trigger(found, "curfew").agent.text == "the government of Kenya"


def test_a_past_word_on_an_adjective_is_no_history(mentions):
    found = mentions("Iraqi President Saddam Hussein arrived in Amman on a previously unannounced visit on Wednesday.")
    assert not by_trigger(found, "visit").background
    assert by_trigger(mentions("Back then, rebels seized the town."), "seized").background


def test_a_completed_withdrawal_is_a_retreat_by_who_completed_it(mentions):
    found = mentions("Bosnian Serbs said on Tuesday their forces had completed their withdrawal from the town of Gorazde.")
    withdrawal = by_trigger(found, "withdrawal")
    assert (withdrawal.entry.plover_type, withdrawal.agent.text) == ("RETREAT", "their forces")


def test_what_a_noun_described_by_a_reduced_relative_does_next_is_the_nouns(mentions):
    found = mentions("On 23 January 2022, pro-Hadi forces supported by Saudi-led coalition air raids clashed with "
                     "Houthi forces and took control of Al Akhlud (Maqbanah, Taizz).")
    assert by_trigger(found, "took").agent.text == "pro-Hadi forces", "not the air raids that supported them"


def test_the_dateline_city_lends_its_country_to_ambiguous_places(pipeline):
    from eventwire.model import Article

    _, events = pipeline.extract(Article(
        origin="t", text="MOGADISHU, Aug 3 (Reuters) - A suicide bomber blew himself up at Lido beach on Friday "
                         "evening, killing 32 people, police said."))
    assert events[0].location.country == "SOM", "not Lido Beach, New York"


def test_the_militants_are_the_named_group_and_their_killing_its_toll(pipeline):
    from datetime import date

    from eventwire.model import Article

    _, events = pipeline.extract(Article(origin="t", text=(
        "On 31 January 2022, presumed JNIM militants attacked VDP in the village of Basma (Barsalogho, "
        "Sanmatenga). The militants killed one volunteer fighter and burned the market.")), date(2022, 2, 3))
    (event,) = events
    assert event.actor1.canonical.startswith("JNIM")
    assert event.fatalities.best == 1
    assert event.location.country == "BFA", "Sanmatenga, a district, outvotes a village named Basma abroad"


@pytest.mark.parametrize("text, sub_event_type", [
    ("Government forces carried out a poison gas attack on the town, medics said.", "Chemical weapon"),
    ("Investigators said chemical weapons were used in the strike.", "Chemical weapon"),
    ("Police seized seven illegal firearms and 200 rounds of ammunition in Kingston.", "Disrupted weapons use"),
    ("Two rifles and a pistol were seized at a checkpoint in Mandera.", "Disrupted weapons use"),
    ("The army pushed back the rebels from the hills near Homs on Monday.", "Government regains territory"),  # "back" parsed as an adverb
    ("Security forces opened fire on peaceful protesters in Basra on Friday.", "Excessive force against protesters"),
])
def test_codebook_words_give_their_sub_event_type(pipeline, text, sub_event_type):
    from datetime import date

    from eventwire.model import Article

    _, events = pipeline.extract(Article(origin="t", text=text), date(2024, 5, 9))
    assert max(events, key=lambda e: e.confidence).coding.acled_sub_event_type == sub_event_type


def test_an_unnamed_perpetrator_is_coded_as_acled_codes_it(pipeline):
    from datetime import date

    from eventwire.model import Article

    _, (event,) = pipeline.extract(Article(origin="t", text="A man was shot dead in Kisumu on Monday."), date(2024, 5, 9))
    assert event.actor1.canonical == "Unidentified Armed Group (Kenya)"
    assert event.actor1.name == "(not named)", "never passed off as words of the story"


def test_a_possible_or_intended_attack_is_planned_not_reported(mentions):
    found = mentions("Fighters mobilized in Panjshir on Monday, fearing a possible attack by the Taliban.")
    assert {m.trigger.lower_: m.status for _, m in found}["attack"] == "planned"
    found = mentions("The army launched an offensive on Monday to recapture the town of Kidal.")
    assert {m.trigger.lower_: m.status for _, m in found}["recapture"] == "planned"


def test_a_protest_in_a_purpose_clause_is_the_protest(mentions):
    found = mentions("Hundreds of people gathered in Nairobi on Monday to protest against the killing of a student.")
    assert [m.status for _, m in found if m.entry.plover_type == "PROTEST"] == ["reported"]


def test_a_past_word_in_another_clause_leaves_the_event_current(mentions):
    found = mentions("Relatives of a woman who went missing a week ago held a protest in Chalco on Monday.")
    assert [m.background for _, m in found if m.entry.plover_type == "PROTEST"] == [False]
    found = mentions("Back then, rebels seized the town of Kidal.")
    assert [m.background for _, m in found] == [True]


def test_what_people_stand_against_is_no_event(mentions):
    found = mentions("Hundreds of women marched in Nairobi on Monday against sexual violence and police killings.")
    assert [m.entry.plover_type for _, m in found] == ["PROTEST"]


def test_what_someone_is_suspected_of_is_no_event(mentions):
    found = mentions("A mob beat a man suspected of rape in Kisii on Monday.")
    assert {m.entry.plover_mode for _, m in found} == {"beat"}


def test_what_someone_is_tasked_with_is_no_event(mentions):
    found = mentions("The US-led coalition tasked with fighting Daesh withdrew from the Abu Ghraib base on Sunday.")
    assert [m.trigger.lemma_ for _, m in found] == ["withdraw"]


def test_a_month_in_the_date_is_no_march(mentions):
    found = mentions("On 29 March 2024, gunmen attacked the village of Kawo near Kidal.")
    assert [m.entry.acled_sub_event_type for _, m in found] == [None]


def test_headline_verb_tagged_as_noun_is_read_as_the_verb(mentions):
    # The small model reads "exchange fire" as a compound noun; the headline is re-read.
    m = by_trigger(mentions("Police exchange fire with raiders"), "exchange")
    assert m.entry.acled_sub_event_type == "Armed clash"
    assert m.agent.text == "Police" and m.recipient.text == "raiders"


def test_headline_third_person_verb_is_read_with_its_subject(mentions):
    m = by_trigger(mentions("Militia kidnaps county official"), "kidnaps")
    assert m.entry.acled_sub_event_type == "Abduction/forced disappearance"
    assert m.agent.text == "Militia"


def test_noun_use_of_a_verb_in_prose_is_no_event(mentions):
    assert mentions("The police exchange programme ended in May.") == []


def test_headline_noun_after_a_singular_noun_stays_a_noun(pipeline):
    # "Revenge attack": a base-form verb would need a plural subject; "militia" takes one.
    doc = pipeline.parser.parse(CleanArticle("t", "Revenge attack on Kamae village", "test")).doc
    assert doc[1].pos_ == "NOUN"
    doc = pipeline.parser.parse(CleanArticle("t", "Militia attack herders near Kamae", "test")).doc
    assert doc[1].pos_ == "VERB" and doc[0].dep_ == "nsubj"


def test_title_case_headline_verb_is_read(mentions):
    m = by_trigger(mentions("Police Exchange Fire With Raiders In Kitui"), "Exchange")
    assert m.entry.acled_sub_event_type == "Armed clash" and m.agent.text == "Police"


@pytest.mark.parametrize("text, word", [
    ("Residents threw stones at police in Lamu.", "threw"),
    ("Youths hurled petrol bombs at a police station in Kisumu.", "hurled"),
    ("Protesters pelted police with stones in Nairobi.", "pelted"),
])
def test_stones_thrown_are_violence_by_the_throwers(mentions, text, word):
    m = by_trigger(mentions(text), word)
    assert m.entry.plover_type == "ASSAULT"
    assert m.agent.text in {"Residents", "Youths", "Protesters"}


def test_throwing_a_party_is_no_violence(mentions):
    assert all(text != "threw" for text, _ in mentions("The governor threw a party for the winners in Mombasa."))


@pytest.mark.parametrize("text, word, sub_event_type", [
    ("A man blew himself up at a mosque in Kabul on Friday.", "blew", "Suicide bomb"),
    ("Militants blew up a bridge near Kandahar on Friday.", "blew", "Remote explosive/landmine/IED"),
    ("A woman detonated an explosive belt at a market in Maiduguri.", "detonated", "Suicide bomb"),
])
def test_blowing_oneself_up_or_an_explosive_belt_is_a_suicide_bomb(mentions, text, word, sub_event_type):
    assert by_trigger(mentions(text), word).entry.acled_sub_event_type == sub_event_type


@pytest.mark.parametrize("text, violent", [
    ("The rally in Lagos ended in violence on Monday.", True),
    ("Anti-government protests in Beirut turned violent.", True),
    ("Protests against violence spread in Lagos on Monday.", False),
])
def test_a_protest_is_violent_by_what_its_predicate_says(mentions, text, violent):
    found = [m for _, m in mentions(text) if m.entry.plover_type == "PROTEST"]
    assert (found[0].entry.acled_sub_event_type == "Violent demonstration") is violent


def test_a_word_between_round_brackets_is_no_event(mentions):
    found = mentions("On 13 May 2024, members of a party (likely a Muslim group given the issue of protest) staged a rally in Dhaka.")
    assert [text for text, _ in found] == ["rally"]


def test_years_ago_is_history_and_a_short_while_ago_is_news(mentions):
    assert by_trigger(mentions("Gunmen attacked the village two years ago, residents said."), "attacked").background
    assert not by_trigger(mentions("An explosive device detonated a short while ago near an army post."), "detonated").background
    assert not by_trigger(mentions("Gunmen attacked the village two days ago, residents said."), "attacked").background


def test_a_definite_noun_opening_a_dated_paragraph_is_a_new_report(mentions):
    found = mentions("On 7 March 2024, students protested in Khulna.\n\n"
                     "On 8 March 2024, police foiled the protest march of Mohila Dal in Dhaka.")
    march = by_trigger(found, "march")
    assert not march.anaphoric and [p.text for p in march.places] == ["Dhaka"]


def test_a_paragraphs_first_word_the_model_tags_as_a_name_is_still_a_trigger(mentions):
    # The model tags a capitalised "Protests" opening a paragraph as NORP.
    found = mentions("Police fired tear gas in Nairobi on Tuesday.\n\nProtests also spread to Mombasa and Kisumu, witnesses said.")
    assert by_trigger(found, "Protests").entry.plover_type == "PROTEST"


def test_words_said_in_a_reduced_relative_clause_describe_someone_and_are_not_the_news(mentions, pipeline):
    from datetime import date

    from eventwire.model import Article

    text = ("A large cache of firearms has been found at the home of Le Quoc Binh, a man accused of being "
            "a member of Viet Tan, an overseas group.")
    assert {m.trigger.lower_: m.setting for _, m in mentions(text)} == {"found": False, "accused": True}
    _, events = pipeline.extract(Article(origin="t", text=text), date(2024, 5, 9))
    confidence = {e.trigger: (e.coding.plover_type, e.confidence) for e in events}
    assert confidence["accused"][0] == "ACCUSE", "still recorded"
    assert confidence["accused"][1] < confidence["found"][1] - 0.05
    found = mentions("Police arrested 14 men on Monday. The foreigners arrested were granted bail.")
    assert [m.setting for _, m in found] == [False, False], "an arrest, even described, is an arrest"


def test_the_partner_of_a_clash_is_read_when_the_model_makes_it_a_clause_subject(mentions):
    found = mentions("On 5 August 2024, a mob of thousands clashed with police forces using brickbats at a police station in Sonaimuri.")
    assert {m.trigger.lower_: m.recipient.text for _, m in found if m.recipient is not None}["clashed"] == "police forces"
