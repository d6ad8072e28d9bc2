"""A round-up reports one event per paragraph: paragraphs that state other days or other towns
are never folded into one event, whatever their verbs; within a paragraph, a second sentence
about the same happening still is."""
from __future__ import annotations

from datetime import date

from eventwire.model import Article

ROUNDUP = (
    "On December 20 2019, men protested in Kapsabet (Emgwen, Nandi) over a land dispute.\n\n"
    "On December 17 2019, residents protested in Kitui against the Deputy President.\n"
    "On December 15 2019, hundreds of churchgoers protested against bars in Kithirune (Central Imenti, Meru).\n\n"
    "On December 12 2019, two attackers hacked to death a chief and his assistant in their office in Lamu."
)


def _events(pipeline, text, published=date(2019, 12, 23)):
    _, events = pipeline.extract(Article(origin="t", text=text), published)
    return sorted((e.event_date.date.isoformat(), e.location.admin1 if e.location else None,
                   e.coding.acled_sub_event_type) for e in events if not e.background)


def test_each_paragraph_of_a_roundup_is_its_own_event(pipeline):
    assert _events(pipeline, ROUNDUP) == [
        ("2019-12-12", "Lamu", "Attack"),
        ("2019-12-15", "Meru", "Peaceful protest"),
        ("2019-12-17", "Kitui", "Peaceful protest"),
        ("2019-12-20", "Nandi", "Peaceful protest"),
    ]


def test_a_bare_mention_in_the_same_paragraph_is_still_the_same_event(pipeline):
    found = _events(pipeline, "On 12 January 2022, in Manaus (Amazonas), a man was killed in a drive-by shooting "
                              "in the Cidade Nova neighborhood by armed individuals in a car.", date(2022, 1, 15))
    assert found == [("2022-01-12", "Amazonas", "Attack")]



def test_a_paragraph_stating_another_day_is_another_event_even_in_the_same_province(pipeline):
    # The first paragraph's date reaches "repulsed" only through its paragraph; the second's
    # clashes still happened a day earlier, in the same province.
    found = _events(pipeline, "On 10 June 2022, resistance fighters repulsed Taliban attacks on two posts in Panjshir.\n\n"
                              "On 9 June 2022, clashes broke out between the Taliban and resistance fighters in Shutul "
                              "district, Panjshir.", date(2022, 6, 13))
    assert [(d, a) for d, a, _ in found] == [("2022-06-09", "Panjshir"), ("2022-06-10", "Panjshir")]


def test_an_unplaced_event_lies_in_its_own_paragraphs_town_not_the_paragraph_befores(pipeline):
    # The gazetteer lacks Kholapara: its paragraph's Sirajganj, not the Feni of the paragraph
    # before, says where the clash was.
    found = _events(pipeline, "On 7 January 2023, opposition members held a rally in Feni city (Feni Sadar, Chittagong).\n\n"
                              "On 8 January 2023, two families clashed over a pond in Kholapara village, police in "
                              "Sirajganj said.", date(2023, 1, 11))
    assert [(d, a) for d, a, _ in found] == [("2023-01-07", "Chittagong"), ("2023-01-08", "Rajshahi")]


def test_a_paragraph_with_its_own_day_and_town_is_its_own_report_even_on_the_same_day_in_the_same_city(pipeline):
    found = _events(pipeline, "On 30 December 2022, opposition supporters clashed with police in Dhaka city during a "
                              "demonstration.\n\nOn 30 December 2022, members of a teachers' union staged a protest in "
                              "front of the Press Club in Dhaka city, demanding higher pay.", date(2023, 1, 2))
    # Folded into the clash, the teachers' protest was no event of its own.
    assert ("2022-12-30", "Dhaka", "Peaceful protest") in found


def test_a_paragraphs_killing_keeps_its_toll_when_the_paragraph_before_ends_on_a_killing(pipeline):
    # The first sentence ends its line and holds the line break; the second paragraph's killer
    # is no named actor, so its toll looked for the killing told before it, across the break.
    _, events = pipeline.extract(Article(origin="t", text=(
        "On 1 February 2023, villagers beat and killed a man in Faridpur city (Faridpur Sadar, Dhaka), "
        "suspecting him of theft.\n\n"
        "On 31 January 2023, rivals assaulted and killed a man in Matlab Dakshin upazila (Chandpur, Chittagong), "
        "after a quarrel over land.")), date(2023, 2, 3))
    tolls = sorted((e.event_date.date.isoformat(), e.fatalities.best if e.fatalities else 0)
                   for e in events if not e.background)
    assert tolls == [("2023-01-31", 1), ("2023-02-01", 1)]


def test_a_paragraph_stating_a_day_and_a_place_does_not_lend_its_verb_to_the_paragraph_before(pipeline):
    # The date hangs off "staged", not "vandalize"; the sentence still states its day and place.
    text = ("On 3 April 2024, villagers beat and killed a man in Rupganj upazila (Narayanganj, Dhaka), suspecting him "
            "of theft.\n\nOn 3 April 2024, hundreds of factory workers staged a demonstration and tried to vandalize "
            "the factory in Dhamrai upazila (Dhaka), demanding their salaries.")
    _, events = pipeline.extract(Article(origin="t", text=text), date(2024, 4, 6))
    first = [e for e in events if e.evidence[0].start < text.index("\n")]
    assert [e.coding.acled_sub_event_type for e in first] == ["Mob violence"]


def test_a_dated_paragraph_whose_own_town_the_gazetteer_lacks_is_still_its_own_report(pipeline):
    # Galachipa is unknown: the killing has no place of its own, but its paragraph names Patuakhali.
    found = _events(pipeline, "On 21 February 2023, university guards assaulted members of a student group at Dhaka "
                              "university, Dhaka - Shahbagh (Shahbagh), during a wreath-laying.\n\nOn 21 February 2023, "
                              "locals assaulted and killed a man in Galachipa upazila (Patuakhali, Barisal), suspecting "
                              "him of robbery.", date(2023, 2, 24))
    assert [(d, a) for d, a, _ in found] == [("2023-02-21", "Barisal"), ("2023-02-21", "Dhaka")]


def test_a_later_paragraph_no_trigger_knows_is_read_by_the_model_like_a_lead(pipeline):
    # No trigger knows "gathered": the learned model reads each dated, placed paragraph, not only the first.
    _, events = pipeline.extract(Article(origin="t", text=(
        "On 9 February 2022, farmers protested in Lyon against a new tax on diesel.\n\n"
        "On 10 February 2022, hundreds of people gathered in Avignon as part of the 'Freedom Convoy' "
        "movement to denounce coronavirus restrictions.")), date(2022, 2, 13))
    protests = {(e.event_date.date.isoformat(), e.location.name) for e in events
                if e.coding.acled_sub_event_type == "Peaceful protest"}
    assert protests == {("2022-02-09", "Lyon"), ("2022-02-10", "Avignon")}


def test_a_later_paragraph_pointing_back_at_the_event_is_the_same_event(pipeline):
    story = ("Russian warplanes struck the city of Idlib on Monday, killing at least 11 civilians, rescuers said.\n\n"
             "The strikes on Monday hit a market in Idlib, the White Helmets said.\n\n"
             "Syrian government forces shelled villages south of Idlib on Monday, local media reported.")
    assert _events(pipeline, story, date(2024, 12, 3)) == [
        ("2024-12-02", "Idlib", "Air/drone strike"),
        ("2024-12-02", "Idlib", "Shelling/artillery/missile attack"),
    ]


def test_an_undated_unplaced_paragraph_naming_its_doers_afresh_is_another_event(pipeline):
    # Short notes with no day or town: the second paragraph's raiders are not the first's youths.
    roundup = ("Kikuyu youths attack civilians in Naivasha and burn houses belonging to Kalenjins.\n\n"
               "Ethnic raiders attack civilians. 1 killed, several injured.")
    _, events = pipeline.extract(Article(origin="t", text=roundup), date(2008, 1, 30))
    attacks = [e for e in events if not e.background and e.coding.acled_event_type == "Violence against civilians"]
    assert len(attacks) == 2
    assert sorted(e.fatalities.best if e.fatalities else 0 for e in attacks) == [0, 1]


def test_a_paragraph_going_on_about_the_same_doers_is_the_same_event(pipeline):
    story = ("Russian warplanes struck rebel positions in Idlib on Monday, the defence ministry said.\n\n"
             "Russian jets killed 30 fighters, the ministry claimed.")
    strikes = [e for e in _events(pipeline, story, date(2024, 12, 3)) if e[2] is not None]
    assert len(strikes) == 1


def test_an_undated_unplaced_paragraph_with_no_doer_is_another_event(pipeline):
    roundup = ("Riots broke out when the results of the election came through. Rioters clashed with police.\n\n"
               "Rioting after the controversial announcement of the presidential election and alleged vote-rigging.")
    _, events = pipeline.extract(Article(origin="t", text=roundup), date(2008, 1, 3))
    riots = [e for e in events if not e.background and e.coding.acled_event_type == "Riots"]
    assert any(e.evidence[0].text.startswith("Rioting after") for e in riots)


def test_a_march_and_the_police_response_told_in_one_sentence_are_one_protest(pipeline):
    story = ("Police fired tear gas at thousands of protesters in Nairobi on Tuesday as demonstrators opposed to "
             "the finance bill marched towards parliament.")
    protests = [e for e in _events(pipeline, story, date(2024, 6, 26)) if e[2] is not None]
    assert protests == [("2024-06-25", "Nairobi", "Protest with intervention")]


def test_a_march_elsewhere_in_the_sentence_is_its_own_protest(pipeline):
    story = "Police dispersed a protest by traders in Nairobi on Monday while teachers marched peacefully in Kisumu."
    places = sorted(e[1] for e in _events(pipeline, story, date(2024, 6, 26)) if e[2] is not None)
    assert places == ["Kisumu", "Nairobi"]


def test_a_place_borrowed_from_the_story_says_so(pipeline):
    # The unplaced stone-throwing is where the story is, not where its latest report was.
    story = ("Police fired tear gas at protesters in Nairobi on Tuesday.\n\n"
             "Protests also spread to Mombasa, witnesses said.\n\n"
             "Demonstrators threw stones at officers near parliament.")
    _, events = pipeline.extract(Article(origin="t", text=story), date(2024, 6, 26))
    placed = {e.trigger: (e.location.name, e.extra["location_reason"]) for e in events}
    assert placed["fired"] == ("Nairobi", "named in its sentence")
    assert placed["threw"] == ("Nairobi", "the first place the story names")
