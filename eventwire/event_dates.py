"""When an event happened: its mention's date phrase resolved against the publication date.

Public entry points: ``event_date(mention, published, parsed) -> (ResolvedDate, background)``
and ``published_date(...)``, the date relative expressions count from. ``dates`` reads one
expression; this module chooses which expression of the text dates an event: the phrase hanging
off its trigger, a day opening its sentence, a date written out in it, else the date of the
paragraph's preceding sentence, else the week of publication (never a guess at a day).
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from . import dates
from .detect import Mention, describes_a_noun
from .model import ResolvedDate
from .parse import (
    ParsedArticle,
    paragraph_start,
    sentence_before,
    sentence_entities,
    sentences,
)

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# How long ago a dated event can be and still be the news a story reports.
_NEWS_SPAN_DAYS = 366


def _date_phrase(spans: list[Span]) -> str:
    """Adjacent DATE entities form one phrase: 'Saturday (Nov 30)'."""
    first = spans[0]
    end = first.end
    for span in spans[1:]:
        between = first.doc[end : span.start]
        if span.start >= end and all(t.is_punct for t in between):
            end = span.end
        else:
            break
    start = first.start
    # The small model cuts dates short: "Oct 30th 2019" tagged "30th 2019", "27 February" "February".
    while start and start > first.start - 2 and _date_piece(first.doc[start - 1]):
        start -= 1
    phrase = first.doc[start:end].text
    closing = first.doc[end].text if end < len(first.doc) else ""
    return phrase + closing if closing == ")" and "(" in phrase and ")" not in phrase else phrase


def _date_piece(token) -> bool:
    text = token.lower_.rstrip(".")
    return text in dates.MONTHS or (text[:2].isdigit() or text[:1].isdigit()) and len(text) <= 4 and not token.is_sent_start or text in {"st", "nd", "rd", "th"}


def event_date(mention: Mention, published: ResolvedDate, parsed: ParsedArticle) -> tuple[ResolvedDate, bool]:
    """The mention's date, and whether it is history the story recalls (a past year, a cause
    it cites) rather than news."""
    when, background = _dated(mention, published, parsed)
    return when, background or mention.cited_cause


def _dated(mention: Mention, published: ResolvedDate, parsed: ParsedArticle) -> tuple[ResolvedDate, bool]:
    anchor = published.date
    if mention.background:
        year = _recalled_year(mention, parsed)
        when = ResolvedDate(None, "unknown", reason="recalled as history")
        if year:
            when = ResolvedDate(anchor.replace(year=year, month=1, day=1) if anchor else None, "year", str(year), "year of the recalled history")
        return when, True
    written = _own_words(mention)
    absolute = dates.find_absolute_date(written, anchor)
    head = _head_date(mention)
    if mention.dates:
        phrase = _date_phrase([head] if head is not None else mention.dates)
        when = dates.resolve_date(phrase, anchor, anchor_precision=published.precision)
        # A phrase only dateparser could read ("Fridays for Future"), or one vaguer than a date
        # written out in the sentence ("27 February: ... in February"), yields to that date.
        if when.date is not None and not (absolute is not None and (when.reason.startswith("dateparser") or finer(absolute, when))):
            if mention.perfect and not mention.own_date and when.precision == "day":
                # "rebels that have seized ..." in a Saturday story: on or before that day.
                when = replace(when, precision="week", reason=when.reason + "; perfect aspect: on or before")
            return when, dates.is_background_expression(phrase, anchor) or _years_before(when, published)
    found = absolute or dates.find_weekday(written, anchor) or _paragraph_date(mention, anchor)
    if found is not None:
        return found, False
    if anchor is None:
        return ResolvedDate(None, "unknown", reason="no date in the sentence and no publication date"), False
    return ResolvedDate(anchor, "week", "", "no date in the sentence: the week of publication"), False


def _own_words(mention: Mention) -> str:
    """The sentence with the dates of clauses describing a noun blanked out ("the prefect,
    appointed on 27 December 2013"): the text a date written out for the event is looked for in."""
    sentence = mention.sentence
    text = sentence.text
    for ent in sentence_entities(sentence):
        if ent.label_ == "DATE" and describes_a_noun(ent.root, mention.trigger):
            start, end = ent.start_char - sentence.start_char, ent.end_char - sentence.start_char
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _years_before(when: ResolvedDate, published: ResolvedDate) -> bool:
    """'to commemorate a student who set himself on fire on 19 January 1969': a day or month
    more than a year before a story's known day of publication is history the story recalls."""
    return (published.precision == "day" and None not in (when.date, published.date)
            and when.precision in {"day", "week", "month"} and (published.date - when.date).days > _NEWS_SPAN_DAYS)


def _head_date(mention: Mention) -> Span | None:
    """'On 1 June 2022, people protested against the killing of X on 1 June 2020': a day that
    opens the sentence dates its event over a date hanging off another word later on (an event
    noun, a verb of a relative clause); not over a date of the trigger's own ('..., the ministry
    said 30 people were killed on Thursday')."""
    sentence = mention.sentence
    ents = [e for e in sentence_entities(sentence) if e.label_ == "DATE"]
    if not ents or not mention.dates or mention.dates[0].start == ents[0].start:
        return None
    opening = ents[0]
    lead = [t for t in sentence.doc[sentence.start : opening.start] if not t.is_punct]
    if len(lead) > 3 or opening.end > mention.trigger.i or _dates_trigger(mention.dates[0], mention.trigger):
        return None
    return opening


def _dates_trigger(span: Span, trigger) -> bool:
    """The date hangs off the trigger (or the verb it is the object or subject of) through
    prepositions only: 'killed on Thursday', 'launched strikes on Monday'."""
    token = span.root.head
    while token.pos_ == "ADP" and token.head != token:
        token = token.head
    return token == trigger or token == trigger.head


def _paragraph_date(mention: Mention, anchor) -> ResolvedDate | None:
    """'22 April: A worker was shot dead ...': a sentence with no date of its own continues the
    story of the dated sentence before it in the same paragraph. Failing one, a day written in
    one of the next two sentences ('The raids took place on or before 10/09.') dates it to the
    week: it may be a later step of the story."""
    paragraph = _paragraph_sentences(mention.sentence)
    at = next(i for i, s in enumerate(paragraph) if s.start == mention.sentence.start)
    for previous in reversed(paragraph[:at]):
        found = _stated_date(previous, anchor)
        if found is not None:
            return replace(found, reason=found.reason + "; date of the preceding sentence") if found.precision in {"day", "week"} else None
    for later in paragraph[at + 1 : at + 3]:
        found = _stated_date(later, anchor)
        if found is not None:
            return replace(found, precision="week", reason=found.reason + "; date of a later sentence") if found.precision == "day" else None
    return None


def _stated_date(sentence: Span, anchor) -> ResolvedDate | None:
    """The date a sentence states, if it names one (its date may still be unknown)."""
    absolute = dates.find_absolute_date(sentence.text, anchor)
    if absolute is not None:
        return absolute
    found = [e for e in sentence_entities(sentence) if e.label_ == "DATE"]
    return dates.resolve_date(_date_phrase(found), anchor) if found else None


def _paragraph_sentences(sentence: Span) -> list[Span]:
    """The sentences of the paragraph (the line of text) holding ``sentence``."""
    listed, start = sentences(sentence.doc), paragraph_start(sentence)
    at = next(i for i, s in enumerate(listed) if s.start == sentence.start)
    first, last = at, at
    while first > 0 and paragraph_start(listed[first - 1]) == start:
        first -= 1
    while last + 1 < len(listed) and paragraph_start(listed[last + 1]) == start:
        last += 1
    return listed[first : last + 1]


def _recalled_year(mention: Mention, parsed: ParsedArticle) -> int | None:
    """'Back then, ...': the latest year named in this or the previous sentence."""
    sentence = mention.sentence
    previous = sentence_before(sentence) or sentence
    years = [int(y) for y in _YEAR.findall(previous.text + " " + sentence.text)]
    return max(years) if years else None


def finer(a: ResolvedDate, b: ResolvedDate) -> bool:
    """Whether ``a`` is the more precise date (a day over a week over a month ...)."""
    order = ["day", "week", "month", "year", "unknown"]
    return order.index(a.precision) < order.index(b.precision)


def published_date(text: str, published, published_precision: str, today, dateline_raw: str | None) -> ResolvedDate:
    """The date relative expressions count from: the article's own, else inferred from the text."""
    if published is not None:
        return ResolvedDate(published, published_precision, reason="publication date")
    return dates.infer_publication_date(text, today=today, dateline_raw=dateline_raw)
