"""Which written date is the event's: the day opening the sentence over a date of another
happening later in it; a later sentence's day when the event's own sentences give none."""
from __future__ import annotations

from datetime import date

from eventwire.model import Article


def _dates(pipeline, text, published=date(2022, 6, 4)):
    _, events = pipeline.extract(Article(origin="t", text=text), published)
    return {e.trigger: (e.event_date.date, e.event_date.precision) for e in events}


def test_the_day_opening_the_sentence_outranks_a_date_of_another_happening(pipeline):
    found = _dates(pipeline, "On 1 June 2022, a group of people protested in Las Vegas against the police killing of "
                             "a protester on 1 June 2020.")
    assert found["protested"] == (date(2022, 6, 1), "day")


def test_a_noun_pointing_back_at_the_event_does_not_redate_it(pipeline):
    found = _dates(pipeline, "On 13 March 2022, OLF-Shane continued to clash with Oromia regional special force in Gibsi "
                             "Shone. The armed clash began on 12 March 2021 and continued until 15 March 2022.",
                   date(2022, 3, 16))
    assert found["clash"] == (date(2022, 3, 13), "day")  # the day reported on, not when the fighting began


def test_a_year_naming_the_agents_past_is_not_the_events(pipeline):
    _, (event,) = pipeline.extract(Article(origin="t", text=(
        "200 survivors of the 2008 election violence gathered in Eldoret to call on politicians to avoid hate speech.")),
        date(2022, 6, 4))
    assert not event.background and event.event_date.date.year == 2022


def test_a_date_of_the_trigger_itself_is_kept(pipeline):
    found = _dates(pipeline, "On Friday, officials said gunmen killed four villagers on Wednesday.")
    assert found["killed"] == (date(2022, 6, 1), "day")


def test_a_later_sentence_dates_an_undated_event_to_the_week(pipeline):
    found = _dates(pipeline, "Officers destroyed three hideouts of the militants in Witu. The raids took place on or "
                             "before 30/05.")
    assert found["destroyed"] == (date(2022, 5, 30), "week")


def test_a_day_years_before_publication_is_history_the_story_recalls(pipeline):
    _, events = pipeline.extract(Article(origin="t", text=(
        "On 19 January 2022, activists staged a demonstration in Genoa to commemorate a student who set "
        "himself on fire in Prague to protest the Soviet occupation on 19 January 1969.")), date(2022, 1, 22))
    assert any(not e.background and (e.event_date.date, e.location.name) == (date(2022, 1, 19), "Genoa") for e in events)
    assert all(e.background for e in events if e.event_date.date.year == 1969)
    assert any(e.event_date.date.year == 1969 for e in events)


def test_a_date_in_a_clause_describing_a_noun_does_not_date_the_event(pipeline):
    text = ("A bomb suspected to be dropped over 40 years ago in central Kenya by British colonial forces "
            "has been detonated by a Kenyan police explosive expert.")
    _, events = pipeline.extract(Article(origin="t", text=text), date(2014, 3, 28))
    assert [(e.to_dict()["date_precision"], e.background) for e in events] == [("week", False)]


def test_a_date_that_says_when_a_noun_was_does_not_date_the_event(pipeline):
    text = ("Former prime minister Andreas Papandreou demanded immediate elections after a special court cleared him "
            "of all charges in Greece's biggest corruption trial this century.")
    _, events = pipeline.extract(Article(origin="t", text=text), date(1992, 1, 18))
    assert events and not any(e.background for e in events)


def test_a_date_written_on_a_noun_dates_that_noun(pipeline):
    found = _dates(pipeline, "Opponents of Myanmar's Feb. 1 military coup marched in Yangon, police said on Friday.")
    assert found["marched"][0] != date(2022, 2, 1)
    found = _dates(pipeline, "Gunmen attacked a bar in Garissa on Friday night.")
    assert found["attacked"] == (date(2022, 6, 3), "day")  # "Friday night" is Friday
    # A noun the event happens in or during is its time frame: its date is the event's.
    _, events = pipeline.extract(Article(origin="t", text="Police shot a protester in Kisumu during the August 2017 "
                                                          "election protests."), date(2022, 6, 4))
    shot = next(e for e in events if e.trigger == "shot")
    assert (shot.event_date.date, shot.background) == (date(2017, 8, 15), True)


def test_a_date_written_in_a_relative_clause_is_not_looked_up_for_the_event(pipeline):
    _, events = pipeline.extract(Article(origin="t", text="Protesters rallied in Nairobi against the governor, who was elected "
                                                          "on 9 August 2022."), date(2023, 3, 1))
    assert [(e.to_dict()["event_date"], e.to_dict()["date_precision"]) for e in events] == [("2023-03-01", "week")]


def test_a_day_the_perpetrators_claim_does_not_replace_the_reported_day(pipeline):
    found = _dates(pipeline, "On 4 July 2022, IS Sahel militants ambushed Beninese Forest Guard soldiers near Guene "
                             "(Malanville, Alibori), between Alfakoara and the Alibori bridge. IS Sahel claimed "
                             "responsibility but said the attack occurred on 2 July.", date(2022, 7, 7))
    assert found["ambushed"] == (date(2022, 7, 4), "day")


def test_a_vaguer_date_of_a_folded_mention_does_not_replace_the_events_day(pipeline):
    _, events = pipeline.extract(Article(origin="t", text=(
        "Around 8 June 2022 (week of), an unidentified armed group killed 2 Fulani pastoralists in Birni Lafia "
        "(Karimama, Alibori). The Fulani pastoralists had been kidnapped in April.")), date(2022, 6, 11))
    assert [e.event_date.date for e in events if not e.background] == [date(2022, 6, 8)]
