"""Casualty counts: the number, what happened to whom, who says so, and the reconciliation
that never adds one source's count to another's."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventwire.model import CasualtyClaim
from eventwire.numbers import extract_casualties, parse_number_words, reconcile


def claims(sentence):
    return [(c.count, c.kind, c.group, c.qualifier, c.source) for c in extract_casualties(sentence)]


def test_claim_keeps_its_source():
    assert claims("Moscow claims to have killed 300 fighters.") == [(300, "killed", "fighters", "exact", "Moscow")]


def test_subset_is_part_of_the_total():
    found = extract_casualties("The fighting has killed 327 people, including 44 civilians, according to the "
                               "Syrian Observatory for Human Rights.")
    assert [(c.count, c.group, c.part_of) for c in found] == [(327, "people", None), (44, "civilians", 0)]
    assert reconcile(found).best == 327


def test_each_verb_binds_its_own_number():
    assert claims("IS attacked a bus near Tadmor, killing 15 soldiers and wounding 18 others.") == [
        (15, "killed", "soldiers", "exact", None), (18, "wounded", "people", "exact", None)]


def test_two_word_group_and_qualifier():
    assert claims("At least five police officers were killed when a bomb tore through their vehicle.") == [
        (5, "killed", "police", "at_least", None)]


def test_demonym_is_a_group_of_people():
    assert claims("Six Palestinians were injured with live bullets.") == [(6, "wounded", "people", "exact", None)]


def test_gunned_down_and_a_definite_victim():
    assert claims("Police gunned down 2 suspected gang members.")[0][:2] == (2, "killed")
    assert claims("Gunmen shot and killed the ward administrator.")[0][:2] == (1, "killed")


def test_vague_quantities_as_acled_codes_them():
    assert claims("Dozens of people were killed in the raid.")[0][:2] == (12, "killed")


def test_ages_and_years_are_not_counts():
    assert claims("A 12-year-old boy was killed in 2016.") == [(1, "killed", "children", "exact", None)]


def _claim(count, source, text="x killed"):
    return CasualtyClaim(count=count, kind="killed", source=source, text=text)


def test_two_sources_are_never_summed():
    f = reconcile([_claim(12, "police"), _claim(15, "hospital officials"), _claim(12, "police")])
    assert (f.low, f.best, f.high) == (12, 12, 15)


def test_a_later_larger_toll_from_the_same_source_updates_it():
    assert reconcile([_claim(5, "police"), _claim(8, "police")]).best == 8


@given(st.integers(min_value=2, max_value=99_999))
def test_any_digit_count_is_read(n):
    (count, kind, group, *_), = claims(f"Gunmen killed {n:,} villagers on Sunday.")
    assert (count, kind, group) == (n, "killed", "civilians")


_WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
         "seventeen eighteen nineteen".split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _in_words(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [f"{_WORDS[hundreds - 1]} hundred"] if hundreds else []
    if rest:
        tens, units = divmod(rest, 10)
        parts.append(_WORDS[rest - 1] if rest < 20 else _TENS_WORDS[tens - 2] + (f"-{_WORDS[units - 1]}" if units else ""))
    return " and ".join(parts) if len(parts) == 2 else parts[0]


@given(st.integers(min_value=1, max_value=999))
def test_numbers_in_words(n):
    words = _in_words(n).split()
    assert parse_number_words(words + ["people"]) == (n, len(words))


@given(st.lists(st.tuples(st.integers(1, 500), st.sampled_from([None, "police", "medics", "Reuters"])), min_size=1))
def test_reconciled_best_lies_between_low_and_high_and_is_some_source_total(pairs):
    f = reconcile([_claim(count, source) for count, source in pairs])
    per_source_max = {s: max(c for c, s2 in pairs if s2 == s) for _, s in pairs}
    assert f.low <= f.best <= f.high
    assert f.best in per_source_max.values() and f.high == max(per_source_max.values())


def test_the_killers_number_is_not_a_toll():
    assert claims("A gang of 100 members killed 5 people in Kiambu.") == [(5, "killed", "people", "exact", None)]


def test_group_noun_after_a_long_name():
    assert claims("Two Kenya Defence Forces (KDF) soldiers have been killed in a shootout.")[0][:3] == (2, "killed", "soldiers")


def test_a_list_of_the_dead_goes_on_past_a_bracket_and_an_acronym():
    assert claims("Three volunteer fighters (VDP) and a councilman were killed.")[0][:2] == (4, "killed")
    assert claims("6 VDP and 1 civilian were killed and 2 VDP severely wounded.")[0][:2] == (7, "killed")
    # A capitalised rank is no long name whose group noun comes later in the list.
    assert claims("Ukrainian forces killed a Lieutenant Colonel and 40 of his soldiers.")[0][:3] == (41, "killed", "soldiers")


def test_deaths_an_event_led_to_are_its_toll_an_earlier_death_is_not():
    assert claims("Herders and farmers clashed, resulting in the killing of 3 people.")[0][:2] == (3, "killed")
    assert claims("The argument resulted in the death of the pastoralist.")[0][:2] == (1, "killed")
    assert claims("The woman subsequently died in the hospital.")[0][:2] == (1, "killed")
    assert claims("Residents protested following the death of 4 members of the group.") == []
    assert claims("The attack was a result of the killing of a farmer.") == []


def test_a_bracketed_aside_between_the_dead_and_their_verb():
    assert claims("28 'terrorists' (likely to be JNIM militants) were killed.")[0][:2] == (28, "killed")


def test_a_headlines_victim_without_article_and_a_death_by_any_blow():
    assert claims("Mob kills suspected chicken thief")[0][:2] == (1, "killed")
    assert claims("Grenade attack kills police officer in unrest")[0][:3] == (1, "killed", "police")
    assert claims("4 civilians macheted to death by Mungiki members.")[0][:2] == (4, "killed")
    # A dead man described is no toll, nor is someone of another clause.
    assert claims("A former ally of slain Muslim cleric Aboud Rogo was injured.")[0][:2] == (1, "wounded")
    assert claims("Four people were shot and killed while one person is missing.")[0][:2] == (4, "killed")


def test_a_plural_demonym_counts_people():
    assert claims("Fourteen Iraqis were killed in a car bombing.")[0][:3] == (14, "killed", "people")
    assert claims("Three Kenyans were injured.")[0][:3] == (3, "wounded", "people")


def test_one_named_victim():
    assert claims("He later died in hospital.") == [(1, "killed", "people", "exact", None)]
    assert claims("The driver was killed.")[0][:2] == (1, "killed")
    assert claims("Unknown gunmen kill civilian near the market.")[0][:2] == (1, "killed")
    assert claims("A leader of the Jubilee Party was killed in the clash.")[0][:2] == (1, "killed")
    assert claims("The victims were killed.") == []


def test_counts_joined_by_and_are_one_toll():
    assert claims("Two soldiers and three civilians were killed.") == [(5, "killed", "people", "exact", None)]
    assert claims("A man and his 12-year-old son were killed by assailants.")[0][:2] == (2, "killed")


def test_killers_are_not_counted():
    assert claims("Two armed men shot dead a shopkeeper in the village.") == [(1, "killed", "civilians", "exact", None)]


def test_people_named_by_their_ending_and_acled_tolls():
    assert claims("Four cattle rustlers were shot dead by police.")[0][:3] == (4, "killed", "people")
    assert claims("Fatalities coded as 4.")[0][:2] == (4, "killed")
    assert claims("1 fatality.")[0][:2] == (1, "killed")
    assert claims("Five cows were killed.") == []


def test_an_earlier_death_is_not_a_toll():
    assert claims("Residents rioted following the death of 4 students in an accident.") == []


def test_an_aside_naming_some_victims_is_skipped():
    assert claims("Five people, including a policeman, were killed.")[0][:2] == (5, "killed")


def test_a_named_victim_is_one_and_no_one_is_none():
    assert claims("Councillor Jane Atieno was shot dead outside her home.")[0][:2] == (1, "killed")
    assert claims("No one was killed.") == []
    assert claims("The death toll was unclear.") == []
    assert claims("Five shot dead by bandits.")[0][:2] == (5, "killed")


def test_a_listed_toll_is_summed_and_its_number_wins_over_an_article():
    assert claims("A boy, a pregnant woman, and a demonstrator were killed by police bullets.")[0][:2] == (3, "killed")
    assert claims("A bomb under a military vehicle causes seven soldier deaths.")[0][:3] == (7, "killed", "soldiers")


def test_a_bare_or_definite_singular_who_dies_is_one():
    assert claims("Pastor killed outside police post, another man injured.")[0][:2] == (1, "killed")
    assert claims("The man later died in hospital.")[0][:2] == (1, "killed")
    assert claims("A woman was stoned to death by a mob.")[0][:2] == (1, "killed")
    assert [c[1] for c in claims("The man who killed her was arrested.")] == ["arrested"]


def test_a_time_of_day_between_count_and_cue():
    assert claims("Two policemen were Friday afternoon shot dead by gunmen.")[0][:2] == (2, "killed")


def test_a_bare_count_of_things_or_of_an_earlier_toll_is_no_toll():
    assert claims("The rustlers also killed two goats.") == []
    assert claims("It was a revenge attack for 2 herders killed last year.") == []
    assert claims("Police intervened, killing 1.")[0][:2] == (1, "killed")


def test_a_victim_named_by_role_or_as_a_youth_is_one():
    assert [c[0] for c in claims("Locals assaulted and killed a youth in Naogaon village.")] == [1]
    assert [c[0] for c in claims("Gunmen shot and killed a Ye town entrance gate keeper, who was a member.")] == [1]
    assert [c[0] for c in claims("ADF militants killed a driver and his co-driver in Kalembo village.")] == [2]
    # Bare, the youth of a town are many: no count.
    assert claims("The youth protested and were dispersed.") == []


def test_bodies_found_are_dead_and_a_range_is_its_lower_figure():
    assert [c[:2] for c in claims("Two bodies were found in the river.")] == [(2, "killed")]
    assert [c[:3] for c in claims("The bodies of two women were found in the camp.")] == [(2, "killed", "women")]
    assert [c[:4] for c in claims("Militants killed between 3 and 10 people in the village.")] == [(3, "killed", "people", "at_least")]
    # A body may be an organisation.
    assert claims("Residents clashed with a member of a local government body over civic issues.") == []


def test_him_and_a_bystander_are_one():
    assert [c[:2] for c in claims("Assailants hit the editor with blunt objects and killed him.")] == [(1, "killed")]
    assert [c[:4] for c in claims("At least one bystander died in the attack.")] == [(1, "killed", "civilians", "at_least")]


def test_an_of_phrase_may_stand_between_count_and_cue_but_a_relative_clause_may_not():
    assert claims("Three members of the same family were killed in an attack.") == [(3, "killed", "people", "exact", None)]
    # The leaders are not the dead: the trader is.
    assert claims("Two leaders of the gang that killed the trader were arrested.") == [(1, "killed", "civilians", "exact", None)]


def test_a_singular_subject_shot_and_killed_is_one():
    assert claims("A human rights defender was shot and killed by police in Meru.") == [(1, "killed", "people", "exact", None)]
    assert claims("Eleven were shot and killed in Meru.") == [(11, "killed", "people", "exact", None)]


def test_forces_are_a_group_counted():
    assert claims("2 Kenyan security forces were killed and 7 others injured when their vehicle ran over an IED.") == [
        (2, "killed", "soldiers", "exact", None), (7, "wounded", "people", "exact", None)]


def test_a_count_of_deaths_and_victims_attacked_and_killed():
    assert claims("Rival clans clashed over land. One death, plus other injuries reported.") == [(1, "killed", "people", "exact", None)]
    assert claims("Three are attacked and killed with blunt objects in Garissa.") == [(3, "killed", "people", "exact", None)]
    assert claims("Police are probing the death of 4 members of a gang.") == [], "a death the story refers to is no toll"


def test_an_assassinated_or_killed_person_named_by_trade_is_one():
    assert claims("Unknown gunmen assassinated a Fulani pastoralist in Toko-Bio.") == [(1, "killed", "civilians", "exact", None)]
    assert claims("An armed group shot and killed a merchant on the road.") == [(1, "killed", "civilians", "exact", None)]
    assert claims("A police officer attempts to assassinate an election officer.") == [], "an attempt kills no one"


def test_an_aside_listing_victims_reaches_its_verb_across_its_commas():
    assert claims("6 people, including a poultry trader, rickshaw puller, school student and mason were killed.") == [
        (6, "killed", "people", "exact", None)]
    assert claims("2 people, including a student, and a farmer, were killed on Monday.") == [(2, "killed", "people", "exact", None)]


def test_a_peoples_name_is_counted_and_gives_way_to_the_noun_after_it():
    assert claims("6 Kikuyu were killed with machetes.") == [(6, "killed", "people", "exact", None)]
    assert claims("3 Pokot raiders were killed.") == [(3, "killed", "people", "exact", None)]
    assert claims("Police killed a Fulani Burkina Faso national in Derou.") == [(1, "killed", "civilians", "exact", None)]
