"""An event's toll: a lone toll sentence joins the event before it; a peaceful protest has none."""
from __future__ import annotations

from datetime import date

from eventwire.model import Article


def _events(pipeline, text):
    """The story's current events (published 9 May 2024)."""
    _, events = pipeline.extract(Article(origin="t", text=text), date(2024, 5, 9))
    return [e for e in events if not e.background]


def _top(pipeline, text):
    return max(_events(pipeline, text), key=lambda e: e.confidence)


def test_a_lone_toll_sentence_joins_the_riot_before_it(pipeline):
    event = _top(pipeline, "Students rioted in Kisumu on Monday. One protester died.")
    assert event.coding.acled_sub_event_type == "Violent demonstration"
    assert event.fatalities.best == 1


def test_a_peaceful_protest_carries_no_toll(pipeline):
    event = _top(pipeline, "Hundreds of teachers marched peacefully in Nairobi on Monday to demand higher pay. "
                           "One teacher died.")
    assert event.coding.acled_sub_event_type == "Peaceful protest"
    assert event.fatalities is None


def test_a_killing_naming_no_killer_lends_its_toll_to_the_riot_before_it(pipeline):
    event = _top(pipeline, "Students rioted in Kisumu on Monday. Two protesters were killed.")
    assert event.coding.acled_sub_event_type == "Violent demonstration"
    assert event.fatalities.best == 2


def test_a_toll_in_the_protest_sentence_is_the_protest_toll(pipeline):
    event = _top(pipeline, "One person died during a violent protest in Homa Bay on Monday.")
    assert event.fatalities.best == 1


def test_a_toll_told_in_an_event_is_that_event_toll(pipeline):
    events = _events(pipeline, "A trader was shot dead by police during a riot in Kisumu on Monday.")
    tolls = {e.coding.plover_type: e.fatalities.best if e.fatalities else None for e in events}
    assert tolls == {"PROTEST": 1, "ASSAULT": None}


def test_a_toll_during_a_protest_no_sentence_told_before_stays_on_the_killing(pipeline):
    event = _top(pipeline, "Two traders were shot dead by police during the protest against the tax. "
                           "Police said the two were shot as they tried to break into a shop in Kisumu.")
    assert event.coding.plover_type == "ASSAULT"
    assert event.fatalities.best == 2


def test_police_killing_rioters_is_part_of_the_riot_and_its_toll(pipeline):
    event = _top(pipeline, "Riots broke out in Kisumu on Monday after the election results. "
                           "Police shot two people dead as they intervened.")
    assert event.coding.acled_sub_event_type == "Violent demonstration"
    assert event.actor1.canonical == "Rioters (Kenya)"
    assert event.fatalities.best == 2


def test_police_killing_at_a_peaceful_protest_keeps_its_toll(pipeline):
    events = _events(pipeline, "Hundreds of teachers marched peacefully in Nairobi on Monday to demand higher pay. "
                               "Police shot two teachers dead.")
    tolls = {e.coding.acled_sub_event_type: e.fatalities.best if e.fatalities else None for e in events}
    assert tolls == {"Peaceful protest": None, "Attack": 2}


def test_police_firing_at_the_crowd_of_a_clash_lends_its_toll_to_the_clash(pipeline):
    events = _events(pipeline, "Students clashed with police in Kisumu on Monday. Police fired at the demonstrators. "
                               "Three people were killed.")
    tolls = {e.coding.acled_sub_event_type: e.fatalities.best if e.fatalities else None for e in events}
    assert tolls == {"Violent demonstration": 3, "Excessive force against protesters": None}


def test_police_firing_at_demonstrators_keeps_its_toll_when_no_protest_is_told_before(pipeline):
    event = _top(pipeline, "Police fired at demonstrators in Kisumu on Monday. Three people were killed.")
    # ACLED codes excessive force with the crowd as actor1 and the force as actor2.
    assert (event.actor1.canonical, event.actor2.canonical) == ("Protesters (Kenya)", "Police Forces of Kenya")
    assert event.fatalities.best == 3


def test_the_event_the_story_gives_a_toll_for_is_its_main_event(pipeline):
    event = _top(pipeline, "A student was killed during protests in Kisumu on Monday.")
    assert event.coding.plover_type == "PROTEST"
    assert event.fatalities.best == 1


def test_each_event_is_coded_once_though_its_coding_decides_the_toll(pipeline, monkeypatch):
    """The peaceful protest's coding keeps the police killing's toll apart, and is not made twice."""
    from eventwire import resolve

    code_event, coded = resolve.code_event, []

    def counting(draft, lead, paragraph):
        coded.append(lead.trigger.text)
        return code_event(draft, lead, paragraph)

    monkeypatch.setattr(resolve, "code_event", counting)
    _, events = pipeline.extract(Article(origin="t", text="Hundreds of teachers marched peacefully in Nairobi on Monday "
                                                          "to demand higher pay. Police shot two teachers dead."),
                                 date(2024, 5, 9))
    assert len(coded) == len(events) == 2
    assert {e.coding.acled_sub_event_type: e.fatalities.best if e.fatalities else None for e in events} == {
        "Peaceful protest": None, "Attack": 2}



def test_deaths_told_before_the_attack_of_their_sentence_are_that_attacks(pipeline):
    # The killings fit the abduction of the paragraph before too; they are the ambush's.
    text = ("Al Shabaab militants hijacked a car in Falana, near Mandera. The driver and a passenger were kidnapped.\n\n"
            "Three people were killed and four injured after a passenger bus was ambushed by Al Shabaab.")
    events = [e.to_dict() for e in _events(pipeline, text)]
    tolls = {e["acled"]["sub_event_type"]: (e["fatalities"] or {}).get("best") for e in events}
    assert tolls == {"Abduction/forced disappearance": None, "Attack": 3}


def test_the_clashes_a_reprisal_answers_are_history_and_take_no_toll(pipeline):
    text = "On 26 April 2018, Fulani herdmen attacked Igboiganan, Ketou, as a reprisal for the 25 April clashes. 5 civilians were killed."
    _, events = pipeline.extract(Article(origin="t", text=text), date(2018, 4, 29))
    current = [e for e in events if not e.background]
    assert [(e.to_dict()["event_date"], e.fatalities.best) for e in current] == [("2018-04-26", 5)]
    cause = next(e.to_dict() for e in events if e.background)
    assert (cause["trigger"], cause["event_date"]) == ("clashes", "2018-04-25")
