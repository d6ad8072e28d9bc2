"""Which event a death toll belongs to: the casualty claims of a story given to its events.

Public entry point: ``attach_tolls(parsed, mentions, drafts, codings)``, which fills each
draft's ``claims``. A sentence's toll goes to the event the dead were killed in ("six were
killed in the clash"), else its first attack; a toll no event of its sentence takes goes to the
attack or protest told last in the paragraph, and one the forces' shooting at a riot took goes
to the riot (ACLED codes one riot, with its toll). A toll told in a mention that folded into
no event (a "killed in the clash" with no clash told before) is such an orphan too.
"""
from __future__ import annotations

from . import actors, numbers
from .detect import Mention
from .event_coding import aimed_at_crowd
from .event_draft import Draft
from .model import CasualtyClaim, Coding
from .parse import ParsedArticle, line_start, paragraph_start, sentences

# The prepositions that name the event a killing happened in: "killed in the clash".
_SCENE_PREPS = {"in", "during", "amid"}


def attach_tolls(parsed: ParsedArticle, mentions: list[Mention], drafts: list[Draft], codings: list[Coding]) -> None:
    """Gives ``drafts`` (the story's events, folded from ``mentions``, with their ``codings``)
    the casualty claims of the story's sentences."""
    claims_by_sentence = _casualties(parsed)
    claimed = _attach_to_hosts(drafts, _toll_hosts(mentions), claims_by_sentence)
    _attach_orphan_claims(drafts, codings, claims_by_sentence, claimed)


def _casualties(parsed: ParsedArticle) -> dict[int, list[CasualtyClaim]]:
    """Casualty claims of every sentence that gives any, by sentence start."""
    found = {sentence.start: numbers.extract_casualties(sentence.text, sentence.start_char) for sentence in sentences(parsed.doc)}
    return {start: claims for start, claims in found.items() if claims}


def _attach_to_hosts(drafts: list[Draft], hosts: dict[int, Mention],
                     claims_by_sentence: dict[int, list[CasualtyClaim]]) -> set[int]:
    """Each sentence's claims go to the event its host mention folded into, in text order; the
    sentences whose claims found their event, by sentence start."""
    claimed: set[int] = set()
    for draft in drafts:
        for mention in draft.mentions:
            start = mention.sentence.start
            if hosts.get(start) is mention and start in claims_by_sentence:
                draft.claims.extend(claims_by_sentence[start])
                claimed.add(start)
    return claimed


def _toll_hosts(mentions: list[Mention]) -> dict[int, Mention]:
    """The mention each sentence's casualty claims belong to, by sentence start: the event the
    dead were killed in or during ('six people were killed in the clash', 'a student died
    during protests'), else the sentence's first attack that is not the cause it cites."""
    hosts: dict[int, Mention] = {}
    for mention in mentions:
        start = mention.sentence.start
        if _frames_toll(mention, mentions):
            hosts[start] = mention
        elif start not in hosts and mention.entry.plover_type == "ASSAULT" and not mention.cited_cause:
            hosts[start] = mention  # not the attack a reprisal answers: that one came before
    return hosts


def _frames_toll(mention: Mention, mentions: list[Mention]) -> bool:
    """'killed in the clash': an attack or protest named as the scene of another mention's killing."""
    trigger = mention.trigger
    return (
        mention.entry.plover_type in {"ASSAULT", "PROTEST"}
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ in _SCENE_PREPS
        and any(m.trigger == trigger.head.head and m.entry.plover_type == "ASSAULT" for m in mentions)
    )


def _attach_orphan_claims(drafts: list[Draft], codings: list[Coding], claims_by_sentence: dict[int, list[CasualtyClaim]],
                          claimed: set[int]) -> None:
    """'JNIM militants ambushed a gendarmerie unit. One gendarme was killed.': a toll in a
    sentence with no attack of its own belongs to the attack or protest told last up to that
    sentence in the paragraph ('One person died during a violent protest'); so does the toll of
    a killing that is part of that attack or protest (_toll_owner). A peaceful protest's toll
    is dropped when its record is made (resolve._killed_claims)."""
    # Forces shooting into a peaceful protest keep the toll on their own event.
    peaceful = {id(d) for d, coding in zip(drafts, codings) if coding.acled_sub_event_type == "Peaceful protest"}
    for start, claims in sorted(claims_by_sentence.items()):
        if start not in claimed:
            host = _event_before(drafts, start)
            if host is not None:
                host.claims.extend(claims)
    for draft in drafts:
        if draft.claims and not draft.background:
            host = _toll_owner(drafts, draft, peaceful)
            if host is not None:
                host.claims.extend(draft.claims)
                draft.claims = []


def _toll_owner(drafts: list[Draft], killing: Draft, peaceful: set[int]) -> Draft | None:
    """The event a killing is part of, which takes its toll: the attack or protest told before a
    killing naming no one doing it; the riot or protest the forces answered ('Riots broke out in
    Kisumu. Police shot one dead as they intervened', 'police fired at the demonstrators'), told
    before or in the same sentence, which ACLED codes as the riot, with its toll; not a protest
    coded peaceful (its ``id`` in ``peaceful``)."""
    start = killing.mentions[0].sentence.start
    if killing.actor1 is None:
        return _event_before(drafts, start, same_sentence=False)
    if killing.actor1.type not in actors.STATE_TYPES:
        return None
    host = _event_before([d for d in drafts if d is not killing], start)
    if host is None or id(host) in peaceful:
        return None
    crowd_side = host.actor1 is None or host.actor1.type not in actors.STATE_TYPES
    return host if host.plover_type == "PROTEST" or (crowd_side and aimed_at_crowd(killing) is not None) else None


def _event_before(drafts: list[Draft], start: int, same_sentence: bool = True) -> Draft | None:
    """The attack or protest told last before the sentence starting at token ``start`` (or in
    it), in its paragraph."""
    told = {}  # each attack or protest -> its last sentence up to that one
    for d in drafts:
        if d.plover_type in {"ASSAULT", "PROTEST"} and not d.background:
            up_to = [m.sentence for m in d.mentions if m.sentence.start < start or same_sentence and m.sentence.start == start]
            if up_to:
                told[id(d)] = (d, max(up_to, key=lambda s: s.start))
    if not told:
        return None
    draft, last = max(told.values(), key=lambda pair: pair[1].start)
    # Not the span's end: a sentence ending its line holds the line break ("thief.\n\n").
    return draft if line_start(last.doc, last.doc[start].idx) == paragraph_start(last) else None

