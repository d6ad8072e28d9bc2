"""CLEAN stage: boilerplate, datelines, paragraphs, provenance and the English check."""
from __future__ import annotations

import csv
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.clean import clean
from eventwire.model import Article, Dateline, InputError

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "000_68e5d158b3363ef7.txt"
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
DEV_DATA = REPO.parent / "shared" / "data"


def text_of(text: str, **fields) -> str:
    return clean(Article(origin="t", text=text, **fields)).text


@pytest.fixture(scope="module")
def seed():
    return clean(Article(origin=str(SEED), text=SEED.read_text(encoding="utf-8")))


def test_seed_loses_its_boilerplate(seed):
    for junk in ("Advertisment", "Also read", "(With inputs from agencies)", "Beirut, Lebanon"):
        assert junk not in seed.text
    assert seed.removed.count("Advertisment") == 3
    assert sum(line.startswith("Also read |") for line in seed.removed) == 2
    assert seed.removed[-1] == "(With inputs from agencies)"


def test_seed_dateline_and_lead(seed):
    assert seed.dateline == Dateline(place="Beirut, Lebanon", date=None, raw="Beirut, Lebanon")
    assert seed.text.startswith("Russia on Saturday (Nov 30) launched its first air strikes on Aleppo since 2016")
    assert seed.published is None and seed.published_source is None


def test_seed_paragraphs_and_characters_are_kept(seed):
    paragraphs = seed.text.split("\n\n")
    assert len(paragraphs) == 10
    assert "A bold rebel assault" in paragraphs  # a subhead stays its own paragraph
    assert "Syria’s economic hub" in seed.text  # curly apostrophe as written
    assert all(p == p.strip() and "\n" not in p and "  " not in p for p in paragraphs)
    assert seed.article_id.startswith("a") and len(seed.article_id) == 17


def test_published_date_argument_is_the_last_resort(seed):
    cleaned = clean(Article(origin="s", text=SEED.read_text(encoding="utf-8")), date(2024, 12, 1))
    assert (cleaned.published, cleaned.published_source) == (date(2024, 12, 1), "cli")
    given_date = Article(origin="s", text="KYIV, Dec 2, 2024 (Reuters) - Drones hit Kyiv.", published=date(2024, 12, 3))
    assert (clean(given_date, date(2025, 1, 1)).published, clean(given_date).published_source) == (date(2024, 12, 3), "input")
    from_dateline = clean(Article(origin="s", text="KYIV, Dec 2, 2024 (Reuters) - Drones hit Kyiv."), date(2025, 1, 1))
    assert (from_dateline.published, from_dateline.published_source) == (date(2024, 12, 2), "dateline")


def test_html_page_gives_the_article_text_and_metadata():
    page = (INPUTS / "news_page.html").read_text(encoding="utf-8")
    cleaned = clean(Article(origin="page", html=page), date(2030, 1, 1))
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs[0].startswith("Shells fired by the paramilitary Rapid Support Forces hit a crowded market")
    assert paragraphs[-1] == "El Fasher is the last major city in Darfur still held by the army and its allies."
    assert len(paragraphs) == 4
    for junk in ("Advertisement", "Also read", "Floods displace", "Home", "Related stories", "Follow us",
                 "©", "Reporting by", "Share this", "Breaking:", "By Amina Yusuf", "KHARTOUM"):
        assert junk not in cleaned.text
    assert cleaned.dateline == Dateline(place="KHARTOUM", date=None, raw="KHARTOUM, June 14 (Reuters) -")
    assert (cleaned.published, cleaned.published_source) == (date(2024, 6, 14), "metadata")
    assert cleaned.title == "RSF shelling kills 12 in El Fasher market"  # and not repeated in the text
    assert cleaned.url == "https://dailyledger.example/world/africa/rsf-shelling-el-fasher-market"
    assert cleaned.source == "The Daily Ledger"


def test_given_id_and_fields_win():
    cleaned = clean(Article(origin="t", text="Gunmen killed four villagers.", id="x-1", url="u", title="T", source="S"))
    assert (cleaned.article_id, cleaned.url, cleaned.title, cleaned.source) == ("x-1", "u", "T", "S")


def test_article_id_is_a_hash_of_the_cleaned_text():
    assert clean(Article(origin="a", text="Gunmen killed four villagers.\n\nAdvertisement")).article_id == \
        clean(Article(origin="b", text="  Gunmen  killed four villagers. ")).article_id


@pytest.mark.parametrize(("lead", "place", "raw", "day"), [
    ("KYIV, Dec 2 (Reuters) - ", "KYIV", "KYIV, Dec 2 (Reuters) -", None),
    ("WASHINGTON (AP) — ", "WASHINGTON", "WASHINGTON (AP) —", None),
    ("NAIROBI, Kenya, March 3 — ", "NAIROBI, Kenya", "NAIROBI, Kenya, March 3 —", None),
    ("NAIROBI, Kenya, March 3, 2024 — ", "NAIROBI, Kenya", "NAIROBI, Kenya, March 3, 2024 —", date(2024, 3, 3)),
    ("Gaza City: ", "Gaza City", "Gaza City:", None),
    ("DHAKA, Aug 5: ", "DHAKA", "DHAKA, Aug 5:", None),
    ("New Delhi [India], Dec 1 (ANI): ", "New Delhi [India]", "New Delhi [India], Dec 1 (ANI):", None),
    ("MZUZU, Malawi — ", "MZUZU, Malawi", "MZUZU, Malawi —", None),
    ("RAMALLAH, West Bank, 14 May 2023 (AFP) - ", "RAMALLAH, West Bank", "RAMALLAH, West Bank, 14 May 2023 (AFP) -",
     date(2023, 5, 14)),
    ("Beirut, Lebanon\n\n", "Beirut, Lebanon", "Beirut, Lebanon", None),
    ("KABUL\n", "KABUL", "KABUL", None),
])
def test_datelines(lead, place, raw, day):
    cleaned = clean(Article(origin="t", text=lead + "Police fired tear gas at protesters on Sunday."))
    assert cleaned.dateline == Dateline(place=place, date=day, raw=raw)
    assert cleaned.text == "Police fired tear gas at protesters on Sunday."


@pytest.mark.parametrize("lead", [
    "Russia on Saturday (Nov 30) launched its first air strikes on Aleppo since 2016.",
    "Police: two men were arrested after the clash in Kisumu.",
    "Displacement: On 5 May 2022, hundreds of families fled the village.",
    "27 February: Gunmen attacked a police post in Mandera.",
    "BREAKING: Rebels seize the airport in Goma.",
    "Ministry of Defence: The strikes hit rebel depots.",
    "Al Shabaab (AS): militants attacked a base.",
    "Non-violent activity: 10 April, 23:00EAT, Mandera, Kenya: al Shabaab militants entered Mandera.",
])
def test_sentences_are_not_datelines(lead):
    cleaned = clean(Article(origin="t", text=lead))
    assert cleaned.dateline is None and cleaned.text == lead


def test_a_second_dateline_under_the_first_goes_too():
    cleaned = clean(Article(origin="t", text="Beirut, Lebanon\n\nBEIRUT (AP) — Israeli strikes hit Beirut on Sunday."))
    assert cleaned.text == "Israeli strikes hit Beirut on Sunday."
    assert cleaned.dateline.place == "Beirut, Lebanon"


BOILERPLATE = """\
Advertisement
ADVERTISEMENT
Story continues below advertisement
ALSO READ: Kenya deploys troops to the border
Read more: Kenya deploys troops
Related: Somalia talks
By John Smith
By JOHN SMITH, Associated Press
Written by Staff Reporter
Staff Reporter | Nairobi
Published: December 1, 2024 08:15 IST
Updated - December 01, 2024 08:15 am IST
Follow us on Twitter and Facebook
Subscribe to our newsletter for daily updates
Click here to join our WhatsApp channel
Share this article: Facebook Twitter WhatsApp Email
Smoke rises after an airstrike in Aleppo, Syria, November 30, 2024. REUTERS/Mahmoud Hassano
(AP Photo/Hussein Malla)
Photo: AFP
Representational image
(With inputs from PTI)
With inputs from agencies
(Reporting by Tom Balmforth in Kyiv and Max Hunder in London; Editing by Gareth Jones)
Reporting by Tom Balmforth; Editing by Gareth Jones
(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)
© 2024 Reuters. All rights reserved.
Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
Our Standards: The Thomson Reuters Trust Principles.
Tags: Kenya, Somalia, al-Shabaab
-- IANS"""


@pytest.mark.parametrize("line", BOILERPLATE.splitlines())
def test_boilerplate_lines_are_removed(line):
    cleaned = clean(Article(origin="t", text=f"Militants attacked a police post in Mandera.\n\n{line}\n\nThree officers died."))
    assert cleaned.text == "Militants attacked a police post in Mandera.\n\nThree officers died."
    assert cleaned.removed == (line,)


@pytest.mark.parametrize(("paragraph", "credit"), [
    ("The governor said the attack was the third this month. (With inputs from agencies)", "(With inputs from agencies)"),
    ("Security was tightened in the town. -- IANS", "-- IANS"),
    ("Security was tightened. (Reporting by Ali Said; Editing by Ed Osmond)", "(Reporting by Ali Said; Editing by Ed Osmond)"),
])
def test_trailing_credits_are_cut(paragraph, credit):
    cleaned = clean(Article(origin="t", text=paragraph))
    assert paragraph == cleaned.text + " " + credit and cleaned.removed == (credit,)


@pytest.mark.parametrize("sentence", [
    "By Saturday, rebels had taken the airport in Aleppo.",
    "Reporting by the BBC showed that 40 people died in the attack.",
    "Input from the community was sought by the county officials.",
    "Like many on X, the governor criticised the police response.",
    "A Reuters/Ipsos poll showed support for the government fell in March.",
    "Copyright infringement is not a crime that the militia cares about.",
    "Follow the money, the prosecutor told the court in Nairobi.",
    "Related violence spread to three other counties on Monday.",
    "Share prices fell after the attack on the oil terminal in Aden.",
    "Watch towers were set on fire by the protesters in the town.",
    "Photo journalists were beaten by police during the protest.",
    "Tags were found on the bodies of the victims, police said.",
    "He said the raid was carried out by the army (AP reported).",
])
def test_news_sentences_are_not_boilerplate(sentence):
    assert text_of(sentence) == sentence


def test_paragraphs_hard_wrapped_lines_are_joined_long_lines_are_not():
    wrapped = "Police fired tear gas at hundreds of protesters\nwho had blocked the main road into the city\ncentre on Sunday."
    assert text_of(wrapped) == " ".join(wrapped.splitlines())
    one_per_line = ("Police fired tear gas at hundreds of protesters who had blocked the main road into the city centre on Sunday.\n"
                    "Three people were taken to hospital with injuries, a doctor at the Kenyatta National Hospital told reporters.")
    assert text_of(one_per_line) == one_per_line.replace("\n", "\n\n")
    assert text_of("One.\r\n\r\n\r\n\tTwo\u00a0 words.\u200b\n") == "One.\n\nTwo words."


def test_short_english_notes_are_accepted():
    for note in ("On December 31 2019, a man and his 12-year-old son were killed by unidentified assailans in Baragoi, Samburu.",
                 "Raiders ambush police", "MRC kidnaps IEBC official"):
        assert text_of(note) == note


@pytest.mark.parametrize(("text", "language"), [
    ("Au moins douze civils ont été tués vendredi dans des frappes aériennes sur la ville d'Alep, selon "
     "l'Observatoire syrien des droits de l'homme.", "French"),
    ("Al menos doce civiles murieron el viernes en un ataque aéreo contra la ciudad de Alepo, según el "
     "Observatorio Sirio para los Derechos Humanos.", "Spanish"),
    ("Mindestens zwölf Zivilisten wurden am Freitag bei Luftangriffen auf die Stadt Aleppo getötet, teilte die "
     "Syrische Beobachtungsstelle für Menschenrechte mit.", "German"),
    ("قتل ما لا يقل عن اثني عشر مدنيا يوم الجمعة في غارات جوية على مدينة حلب، وفقا للمرصد السوري لحقوق الإنسان.",
     "Arabic"),
    ("По меньшей мере двенадцать мирных жителей погибли в пятницу в результате авиаударов по городу Алеппо.",
     "Cyrillic"),
    ("星期五，叛军袭击了阿勒颇市，造成至少十二名平民死亡，叙利亚人权观察站说。", "Chinese or Japanese \\(CJK\\)"),
])
def test_other_languages_are_refused(text, language):
    with pytest.raises(InputError, match=f"{language}.*eventwire reads English") as err:
        clean(Article(origin="foreign.txt", text=text))
    assert err.value.origin == "foreign.txt"


def test_french_message_names_the_share():
    with pytest.raises(InputError) as err:
        clean(Article(origin="f", text="Les rebelles ont pris le contrôle de la ville et de l'aéroport, selon une ONG."))
    assert err.value.problem == "text looks like French (only 0% English function words); eventwire reads English"


@pytest.mark.parametrize(("article", "problem"), [
    (Article(origin="p", html="<html><head><title>x</title></head><body></body></html>"),
     "no article text found (the page holds only menus, scripts or nothing; give the article's own page or its text)"),
    (Article(origin="p", text="Advertisement\n\nAlso read | Other story\n\n(With inputs from agencies)"),
     "no article text found (only boilerplate or blank lines)"),
])
def test_no_text_left_is_an_error(article, problem):
    with pytest.raises(InputError) as err:
        clean(article)
    assert err.value.problem == problem


def test_malformed_html_does_not_crash():
    cleaned = clean(Article(origin="p", html="<html><body><p>Gunmen killed four <b>villagers in <div>Zamfara</p></span>"))
    assert "Gunmen killed four villagers in" in cleaned.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_only_ever_raises_input_error_and_cleaning_is_idempotent(text):
    try:
        cleaned = clean(Article(origin="h", text=text))
    except InputError:
        return
    assert clean(Article(origin="h", text=cleaned.text)).text == cleaned.text


NEWSY = st.lists(st.sampled_from([
    "Advertisement", "Beirut, Lebanon", "KYIV (Reuters) -", "By John Smith", "Also read | Other news",
    "Police fired tear gas at protesters.", "Gunmen killed four villagers", "in Zamfara state on Sunday.",
    "(With inputs from agencies)", "Gaza City:", "A bold rebel assault", "", " ", "\n", "Photo: AFP", "-- IANS",
]), max_size=12).map(lambda parts: "\n".join(parts))


@settings(max_examples=200, deadline=None)
@given(NEWSY)
def test_cleaning_news_shaped_text_is_idempotent(text):
    try:
        cleaned = clean(Article(origin="h", text=text))
    except InputError:
        return
    again = clean(Article(origin="h", text=cleaned.text))
    assert (again.text, again.removed) == (cleaned.text, ())


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcdiv p html body script title &;#\n")), max_size=200))
def test_arbitrary_html_only_ever_raises_input_error(html):
    try:
        clean(Article(origin="h", html=html))
    except InputError:
        pass


@pytest.mark.skipif(not DEV_DATA.exists(), reason="../shared/data not present")
def test_no_acled_note_is_refused_and_cleaning_is_fast():
    with (DEV_DATA / "acled_dev.csv").open(encoding="utf-8") as rows:
        notes = [row["notes"] for row in csv.DictReader(rows) if row["notes"].strip()]
    start = time.perf_counter()
    refused = []
    for i, note in enumerate(notes):
        try:
            clean(Article(origin=str(i), text=note))
        except InputError as err:
            refused.append(str(err))
    per_note = (time.perf_counter() - start) / len(notes)
    assert len(notes) > 19_000 and refused == []
    assert per_note < 0.001
