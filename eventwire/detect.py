"""DETECT stage: event mentions in a parsed article.

Public entry point: ``detect(parsed) -> list[Mention]``. A mention is one trigger word
(data/triggers.tsv) with what the dependency parse says about it: who did it (agent), to whom
(recipient), the place and date phrases that hang off it, whether it is claimed, denied or
planned, and whether the story recalls it as history. Nothing is resolved here: names stay
text spans for the resolve stage.

Mechanisms, in the order they apply:
- a noun event that is the object of a light verb ("launched air strikes", "carried out an
  attack") takes the verb's subject, dates and places;
- a trigger under an intent verb ("pledged to defeat", "called for an end to attacks") is
  folded into that verb's event, not reported as having happened;
- agents are found through subjects, passive "by" phrases, relative clauses, participles and
  coordination, so "rebels that have seized the airport" has the rebels as agent.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from .cameo import verb_patterns
from .datafiles import read_tsv
from .parse import RESIDENT_WORDS, ParsedArticle, paragraph_start, paragraph_text, sentence_entities, sentences
from .places import ADMIN_WORDS, SETTLEMENT_WORDS

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Events that happen somewhere: with no place of their own they take their sentence's place.
# Statements (ACCUSE, REQUEST ...) do not: "criticised reliance on Russia" is not in Russia.
MATERIAL_TYPES = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AGREE"}
# What a crowd says: a demand, a denunciation, a rejection, a threat; voiced by a crowd, its protest.
CLAIM_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
_NOUN_POS = {"NOUN", "PROPN"}
# What a named object is, for the trigger rows that read it ("<place>", "<person>" in triggers.tsv).
_NAMED_KINDS = {"GPE": "<place>", "LOC": "<place>", "FAC": "<place>", "PERSON": "<person>"}
_PERSONAL_PRONOUNS = {"he", "she", "him", "her", "they", "them"}
# nsubjpass: "firearms were seized" names what was seized as "seized firearms" does.
_MODIFIER_DEPS = {"compound", "amod", "nmod", "prt", "dobj", "nsubjpass", "prep", "pobj", "npadvmod", "appos", "attr", "oprd", "dep", "xcomp"}
# A DATE entity names a time only with a digit, a day or month name, or a relative day word
# ("in years", "decades" are durations).
_DATE_WORDS = re.compile(
    r"\d|\b(mon|tues|wednes|thurs|fri|satur|sun)day|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(yesterday|today|tonight|overnight|last|this|next|earlier|past|previous|weekend|week|month|year)\b",
    re.IGNORECASE,
)
_SUFFIXES = (
    ("ied", ("y",)), ("ies", ("y",)), ("ed", ("", "e")), ("ing", ("", "e")), ("es", ("", "e")), ("s", ("",)),
)
_SCENE_PREPS = {"in", "inside", "near", "around", "outside", "across", "during"}
_CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "acl", "parataxis", "conj", "csubj"}
_PHRASE_CUT_DEPS = {"relcl", "acl", "prep", "punct", "cc", "advcl", "appos"}


@dataclass(frozen=True)
class TriggerEntry:
    lemma: str
    pos: str
    modifiers: frozenset[str]
    plover_type: str
    plover_mode: str | None
    cameo: str | None
    acled_sub_event_type: str | None
    weight: float


@dataclass
class Mention:
    """One event trigger in one sentence, with spans read off the parse."""

    trigger: Token
    entry: TriggerEntry
    sentence: Span
    agent: Span | None = None
    recipient: Span | None = None
    places: list[Span] = field(default_factory=list)
    own_places: bool = False  # the places hang off the trigger, not just off its sentence
    dates: list[Span] = field(default_factory=list)
    own_date: bool = False  # the date hangs off the trigger, not just off its sentence
    perfect: bool = False  # "have seized": happened at or before the date, not on it
    status: str = "reported"
    background: bool = False
    cited_cause: bool = False  # "a reprisal for the 25 April clashes": came before the story's event
    anaphoric: bool = False  # "the offensive": refers back, never opens a new event
    setting: bool = False  # "protesters calling for": describes someone of another event

    @property
    def trigger_text(self) -> str:
        """The trigger as written: "cease-fire", not its last part."""
        token = self.trigger
        return token.doc[token.i - 2: token.i + 1].text if _ends_hyphenated(token) else token.text


def _none(value: str) -> str | None:
    return None if value == "-" else value


@lru_cache(maxsize=1)
def trigger_lexicon() -> dict[str, list[TriggerEntry]]:
    """triggers.tsv, then the CAMEO verb patterns it lacks (its rows come first, so win ties)."""
    entries: dict[str, list[TriggerEntry]] = defaultdict(list)
    for row in (*read_tsv("triggers.tsv"), *verb_patterns()):
        entries[row["lemma"]].append(
            TriggerEntry(
                lemma=row["lemma"],
                pos=row["pos"],
                modifiers=frozenset() if row["modifier"] == "-" else frozenset(row["modifier"].split("|")),
                plover_type=row["plover_type"],
                plover_mode=_none(row["plover_mode"]),
                cameo=_none(row["cameo"]),
                acled_sub_event_type=_none(row["acled_sub_event_type"]),
                weight=float(row["weight"]),
            )
        )
    return dict(entries)


@lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_tsv("cues.tsv"):
        table[row["cue"]][row["lemma"]] = row["value"]
    return dict(table)


# A speech sentence with no event of its own ("..., said spokesman Sean Savett in a statement
# on Saturday") is a STATEMENT mention: it never opens an event, but lends its speaker's date and
# its evidence to the statement event it reports.
STATEMENT = TriggerEntry("say", "VERB", frozenset(), "STATEMENT", None, None, None, 0.0)


def detect(parsed: ParsedArticle) -> list[Mention]:
    mentions: list[Mention] = []
    # A text that is all headline ("Anti-IEBC protests in Kitui") is read; otherwise subheads are skipped.
    headline_only = all(_is_heading(s) for s in sentences(parsed.doc))
    for sentence in sentences(parsed.doc):
        if _is_heading(sentence) and not headline_only:
            continue
        found = [
            _mention(token, entry, sentence)
            for token in sentence
            if (entry := _match_trigger(token)) is not None and not _folded_into_intent(token, entry)
            and not _opposed(token) and not _in_aside(token, sentence)
        ]
        found = _claims_of_gatherings(_without_consumed_objects(found))
        if len(found) == 1 and found[0].anaphoric and (_opens_dated_paragraph(sentence) or _first_of_its_kind(found[0], mentions)):
            # "On 8 March, police foiled the protest march of Mohila Dal": a definite noun points
            # back only where the story has told an event of its kind, and not from a paragraph
            # that opens with a day of its own (a round-up's next report); otherwise, as the only
            # event of its sentence ("killed during the protest" names a killing's scene), it is
            # the story's report, with its sentence's places and dates.
            found = [_mention(found[0].trigger, found[0].entry, sentence, may_point_back=False)]
        if not found and _lookup(cues()["reporting"], sentence.root) is not None:
            found = [_mention(sentence.root, STATEMENT, sentence)]
        mentions.extend(found)
    if not any(m.entry.plover_type in MATERIAL_TYPES for m in mentions):
        mentions.extend(_model_mention(parsed))
    mentions.extend(_model_mentions_of_reports(parsed, mentions))
    return mentions


def _first_of_its_kind(mention: Mention, before: list[Mention]) -> bool:
    return all(m.entry.plover_type != mention.entry.plover_type for m in before)


def _opens_dated_paragraph(sentence: Span) -> bool:
    """'On 8 March 2024, police foiled ...' starting a paragraph: a report of its own day."""
    if paragraph_start(sentence) != sentence.start_char:
        return False
    return any(e.label_ == "DATE" and _opens_sentence(e[0]) for e in sentence_entities(sentence))


def _opens_sentence(token: Token) -> bool:
    """At most a note tag and a preposition before it: "Looting: On 4 November 2020, ..."."""
    return sum(not t.is_punct for t in token.doc[token.sent.start : token.i]) <= 4


def _in_aside(token: Token, sentence: Span) -> bool:
    """'members of Islami Oikya Jote (likely a Muslim group, given the issue of protest) staged a
    rally': a word between round brackets is a comment on the sentence, not an event it reports."""
    before = sentence.doc[sentence.start : token.i]
    opened = next((t for t in reversed(before) if t.text in {"(", ")"}), None)
    return (opened is not None and opened.text == "("
            and any(t.text == ")" for t in sentence.doc[token.i + 1 : sentence.end]))


def _without_consumed_objects(found: list[Mention]) -> list[Mention]:
    """'Police seized grenades', 'grenades were discovered', 'attacked a demonstration': a noun
    that fixed the sense of a material event's trigger (its modifier) is that event's object,
    not an event of its own ('signed a peace agreement' keeps the agreement)."""
    consumed = {
        noun.i
        for m in found if m.entry.modifiers and m.entry.plover_type in MATERIAL_TYPES
        for child in m.trigger.children if child.dep_ in {"dobj", "nsubjpass"}
        for nouns in [_object_nouns(child)]
        if m.entry.modifiers.intersection(f for t in nouns for f in lemma_forms(t))
        for noun in nouns
    }
    return [m for m in found if m.trigger.i not in consumed]


def _object_nouns(noun: Token) -> list[Token]:
    """The object and what it holds or measures: 'a cache of grenades', '75kg of mines and
    grenades', 'rifles and pistols'."""
    nouns = [noun, *noun.conjuncts]
    contents = [o for n in nouns for prep in n.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for o in prep.children if o.dep_ == "pobj"]
    return nouns + [c for o in contents for c in (o, *o.conjuncts)]


def _claims_of_gatherings(found: list[Mention]) -> list[Mention]:
    """'Workers gathered to call for higher wages', 'staged a sit-in demanding ...': what a
    gathering says in a purpose clause is its claim, not a second event; the gathering is the
    event, a protest (cues.tsv `assembly` names the verbs of gathering)."""
    protests = {i for m in found if m.entry.plover_type == "PROTEST" for i in (m.trigger.i, _governor(m.trigger).i)}
    kept = []
    for mention in found:
        token, head = mention.trigger, mention.trigger.head
        if mention.entry.plover_type in CLAIM_TYPES and token.dep_ in {"xcomp", "advcl", "conj"} and head != token:
            if head.i in protests:
                continue
            if _lookup(cues()["assembly"], head) is not None:
                protest = replace(trigger_lexicon()["protest"][0], lemma=head.lemma_, pos="VERB", weight=mention.entry.weight)
                mention = _mention(head, protest, mention.sentence)
                protests.add(head.i)
        kept.append(mention)
    return kept


# The learned model detects an event only where no trigger did, and only when it is this sure.
# 0.6 since it reads stems, which make it surer of prose ("the police exchange programme" reads
# like "police exchanged fire", 0.55); pipeline CV in the tuning split loses 1 of 3,904 notes.
_MODEL_DETECTION = 0.6


def _model_mentions_of_reports(parsed: ParsedArticle, mentions: list[Mention]) -> list[Mention]:
    """A round-up's later paragraphs are reports of their own ("On 10 February, hundreds
    gathered in Aix-en-Provence ..."): one that opens on a day and a place, and whose words no
    trigger knows as a material event, is read by the learned model like a story's lead."""
    material = {paragraph_start(m.sentence) for m in mentions if m.entry.plover_type in MATERIAL_TYPES}
    leads = {}
    for sentence in sentences(parsed.doc):
        leads.setdefault(paragraph_start(sentence), sentence)
    later = list(leads.items())[1:]  # the story's lead paragraph is read as its lead (_model_mention)
    return [m for start, lead in later if start not in material and _opens_report(lead)
            for m in _model_mention(parsed, lead)]


def _opens_report(sentence: Span) -> bool:
    """Whether a paragraph's first sentence opens a report of its own: it names a day and a place."""
    labels = {e.label_ for e in sentence_entities(sentence)}
    return "DATE" in labels and bool(labels & PLACE_LABELS) and not _is_heading(sentence)


def _model_mention(parsed: ParsedArticle, lead: Span | None = None) -> list[Mention]:
    """A story whose words no trigger knows ("Election violence caused two deaths", "activists
    continued to block a construction site") is read by the learned sub-event model: when its
    lead paragraph is clearly one kind of ACLED event, that is an event, with the lead
    sentence as evidence and a zero trigger weight (so a low confidence). An ACLED note tag
    ("Displacement: ...") names the event outright."""
    from .classify import SubEventClassifier, tagged_sub_event  # detection's last resort only
    from .typology import cameo_for, plover_for_acled

    lead = lead or next((s for s in sentences(parsed.doc) if not _is_heading(s)), None)
    if lead is None:
        return []
    paragraph = paragraph_text(lead)
    sub_event_type = tagged_sub_event(paragraph)
    if sub_event_type is None:
        model = SubEventClassifier.load()
        sub_event_type, probability = model.predict(paragraph)[0]
        # A type it learned from a few texts is no evidence of an event ("talks" read as an Agreement).
        if probability < _MODEL_DETECTION or model.learned_from_few(sub_event_type):
            return []
    plover_type, plover_mode = plover_for_acled(sub_event_type)
    entry = TriggerEntry(lead.root.lemma_, lead.root.pos_, frozenset(), plover_type, plover_mode,
                         cameo_for(plover_type, plover_mode), sub_event_type, 0.0)
    return [_mention(lead.root, entry, lead)]


def _opposed(token: Token) -> bool:
    """'protested against police killings', 'action against sexual violence': what people stand
    against is their grievance, not an event the text reports; 'a man suspected of rape', 'accused
    of killing': what someone is accused of is the accusation's content (cues.tsv `accusation`);
    'a coalition tasked with fighting Daesh': a duty (`duty`)."""
    while token.dep_ == "conj" and token.head != token:  # "against violence and killings"
        token = token.head
    if token.pos_ in _NOUN_POS and token.dep_ == "pobj" and token.head.lower_ == "against":
        return True
    if token.dep_ not in {"pobj", "pcomp"}:
        return False
    cue = {"of": "accusation", "with": "duty"}.get(token.head.lower_)
    return cue is not None and _lookup(cues()[cue], token.head.head) is not None


def _is_heading(sentence: Span) -> bool:
    """Subheads ("A bold rebel assault") have no verb; they repeat the story, not add to it."""
    return len(sentence) < 10 and not any(t.pos_ in {"VERB", "AUX"} for t in sentence)


def lemma_forms(token: Token) -> tuple[str, ...]:
    """spaCy's lemma and suffix-stripped forms: the small model lemmatises "staged" as "stag"."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    if _ends_hyphenated(token):
        forms.insert(0, token.nbor(-2).lower_ + lower)  # "cease-fire" is the noun "ceasefire"
    for suffix, replacements in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms.extend(lower[: -len(suffix)] + r for r in replacements)
    return tuple(dict.fromkeys(forms))


def _lookup(table: dict, token: Token):
    return next((table[form] for form in lemma_forms(token) if form in table), None)


def _match_trigger(token: Token) -> TriggerEntry | None:
    # Every form's rows: "talks" is not only the lemma "talk" (a phone talk) but its own noun.
    lexicon = trigger_lexicon()
    candidates = [entry for form in lemma_forms(token) for entry in lexicon.get(form, ())]
    if not candidates or token.dep_ in {"amod", "compound"} and token.pos_ not in _NOUN_POS:
        return None
    if token.ent_type_ and token.ent_type_ not in {"EVENT"} and not _capitalised_by_position(token):
        return None  # "March" in "25 March 2022", "Strike" in a name
    if token.dep_ == "compound" and _match_trigger(token.head) is not None:
        return None  # "bomb" in "bomb strikes": the head noun is the trigger
    if token.dep_ in {"compound", "amod", "nmod"} and _describes_a_noun(token):
        return None  # "riot police", "protest organisers": a kind of people or gear, no event
    pos = "NOUN" if token.pos_ in _NOUN_POS else "VERB" if token.pos_ == "VERB" else token.pos_
    fitting = [e for e in candidates if e.pos in ("ANY", pos)]
    modifiers = _modifier_lemmas(token)
    for entry in fitting:
        if entry.modifiers and entry.modifiers & modifiers:
            return entry
    return next((e for e in fitting if not e.modifiers), None)


def _describes_a_noun(token: Token) -> bool:
    """Its head, or the word right after it, is a noun of cues.tsv `described_noun`: a run of
    nouns the model misparses ("Riot police chase demonstrators", one noun phrase) still holds
    "riot police"."""
    described = cues()["described_noun"]
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token.head
    return token.head.lemma_.lower() in described or after.lemma_.lower() in described


def _capitalised_by_position(token: Token) -> bool:
    """'Protests also spread to Mombasa': a sentence's first word, capitalised for it, that the
    model tagged as a name on its own (NORP, ORG) is still the common noun."""
    return token.is_sent_start and token.ent_type_ != "DATE" and token.ent_iob_ == "B" and (
        token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")


def _modifier_lemmas(token: Token) -> set[str]:
    lemmas: set[str] = set()
    for child in token.children:
        if (child.dep_ in _MODIFIER_DEPS or _particle(child)) and child.ent_type_ != "DATE":
            # An object with what it holds or measures: "seized 75kg of explosives".
            nouns = _object_nouns(child) if child.dep_ in {"dobj", "nsubjpass"} else [child]
            lemmas.update(f for noun in nouns for f in lemma_forms(noun))
            if child.dep_ in {"dobj", "nsubjpass"} and child.ent_type_ in _NAMED_KINDS:
                lemmas.add(_NAMED_KINDS[child.ent_type_])  # "captured Seoul", "Santacruz was captured"
            elif child.dep_ in {"dobj", "nsubjpass"} and child.lower_ in _PERSONAL_PRONOUNS:
                lemmas.add("<person>")  # "He was captured in Sudan"
            if child.dep_ == "prep" and child.lower_ in _SCENE_PREPS:
                continue  # "seized his car in the town": where it happened, not what was seized
            for grandchild in child.children:
                # "On 29 March, gunmen attacked": a month is no march the attack was aimed at.
                if grandchild.dep_ in _MODIFIER_DEPS and grandchild.ent_type_ != "DATE" and not _ends_hyphenated(grandchild):
                    lemmas.update(lemma_forms(grandchild))
    if _governed_by_light_verb(token):
        lemmas.update(lemma_forms(token.head))
    if token.dep_ == "pobj" and token.pos_ in _NOUN_POS:
        lemmas.add(f"{token.head.lower_} {token.lemma_.lower()}")  # "went on strike"
    if token.dep_ == "nsubj" and token.pos_ in _NOUN_POS:
        lemmas.update(_predicated(token.head))
    return lemmas


def _particle(child: Token) -> bool:
    """'pushed back the rebels', 'pulled out of the town': the small model often reads a verb's
    particle as an adverb."""
    return child.dep_ == "advmod" and child.i == child.head.i + 1


def _ends_hyphenated(token: Token) -> bool:
    """'fire' in 'the cease-fire agreement was set': the end of a hyphenated word is not the
    word on its own (the ceasefire set nothing on fire)."""
    return token.i >= 2 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_ and not token.nbor(-2).whitespace_


def _predicated(verb: Token) -> set[str]:
    """What a noun event's predicate says it became: "the protests turned violent" (`violent`),
    "the rally descended into violence" (`into violence`). The phrase keeps its preposition so
    that a protest "against violence" is not read as a violent one."""
    said: set[str] = set()
    for child in verb.children:
        if child.dep_ in {"acomp", "attr", "oprd"}:
            said.update(lemma_forms(child))
        elif child.dep_ == "prep":
            said.update(f"{child.lower_} {pobj.lemma_.lower()}" for pobj in child.children if pobj.dep_ == "pobj")
    return said


def _governed_by_light_verb(token: Token) -> bool:
    return (
        token.pos_ in _NOUN_POS
        and token.dep_ in {"dobj", "nsubjpass"}
        and _lookup(cues()["light_verb"], token.head) is not None
    )


def _governor(token: Token) -> Token:
    """The token whose dates, places and objects are the event's.

    A noun event governed by a light verb ("launched strikes") or the subject of a predicate
    ("the strikes had targeted depots in Idlib", "the fighting has killed 327") is described
    by that verb.
    """
    if _governed_by_light_verb(token) or (token.pos_ in _NOUN_POS and token.dep_ in {"nsubj", "nsubjpass"}):
        return token.head
    return token


def _folded_into_intent(token: Token, entry: TriggerEntry) -> bool:
    """True when an intent verb above the trigger ("pledged to defeat") is the event."""
    intent = cues()["intend"]
    below = token
    for ancestor in token.ancestors:
        if _lookup(intent, ancestor) is not None and ancestor.pos_ == "VERB":
            # "In a phone call with X, Assad pledged ...": an adjunct phrase is its own event.
            if below.dep_ == "prep" and below.lower_ not in {"for", "to", "against"}:
                return False
            own = _match_trigger(ancestor)
            return own is not None and own != entry
        below = ancestor
    return False


def _mention(token: Token, entry: TriggerEntry, sentence: Span, may_point_back: bool = True) -> Mention:
    governor = _governor(token)
    mention = Mention(trigger=token, entry=entry, sentence=sentence)
    mention.agent = _agent(token, governor)
    mention.recipient = _recipient(token, governor, entry)
    # The actor itself is not a place ("Russia launched"), but a place inside the actor's
    # phrase is where it acted ("residents of Ruiru protested").
    taken = {span.root.i for span in (mention.agent, mention.recipient) if span is not None}
    mention.places = _places(token, governor, sentence, taken | _origins(mention.agent), entry.plover_type in MATERIAL_TYPES)
    mention.own_places = any(_in_clause(p.root, governor) or _in_clause(p.root, token) for p in mention.places)
    mention.dates, mention.own_date = _dates(token, governor, sentence)
    mention.perfect = any(c.lemma_ == "have" and c.dep_ == "aux" for c in governor.children)
    mention.status = _status(token, governor, entry)
    mention.background = _is_background(token, governor, sentence) or _is_years_before(governor)
    mention.cited_cause = _is_cited_cause(token)
    mention.setting = _is_setting(token, entry)
    mention.anaphoric = may_point_back and _is_anaphoric(token, governor, mention)
    if mention.anaphoric:  # "the offensive has drawn attention": nothing new about it
        mention.places = [p for p in mention.places if _under(p.root, token)]
        mention.dates, mention.own_date = [], False
    return mention


# --- who --------------------------------------------------------------------------------------

def _agent(token: Token, governor: Token) -> Span | None:
    if token.pos_ in _NOUN_POS and not _governed_by_light_verb(token):
        return _noun_agent(token)
    return _clause_agent(governor)


def _noun_agent(noun: Token) -> Span | None:
    """'Russian strikes', 'rebel offensive', "Russia's strikes", 'strikes by Russia'.

    A noun event inside a phrase of a clause ("In a phone call with X, Assad pledged") is the
    clause subject's.
    """
    own = _own_noun_agent(noun)
    if own is None and noun.dep_ == "pobj" and noun.head.lower_ in {"in", "during", "at"} and noun.head.head.pos_ == "VERB":
        return _clause_agent(noun.head.head)
    return own


def _own_noun_agent(noun: Token) -> Span | None:
    for child in noun.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            pobj = _first_child(child, {"pobj"})
            if pobj is not None:
                return _phrase(pobj)
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return _phrase(child)
        if child.dep_ in {"amod", "compound", "nmod"} and (child.ent_type_ in {"NORP", "GPE", "ORG"} or child.pos_ == "PROPN"):
            return child.doc[child.i : child.i + 1]
        if child.dep_ in {"amod", "compound"} and child.lemma_.lower() in {"rebel", "militant", "jihadist", "police", "army", "government", "military", "insurgent", "militia"}:
            return child.doc[child.i : child.i + 1]
    return None


def _clause_agent(verb: Token) -> Span | None:
    if _is_passive(verb) or (verb.dep_ == "conj" and _is_passive(verb.head) and _reads_passive(verb)):
        # "was shot and killed by gunmen": the by-phrase of either coordinated verb
        linked = [verb, *(c for c in verb.children if c.dep_ == "conj"), *([verb.head] if verb.dep_ == "conj" else [])]
        agent = next((a for v in linked if (a := _first_child(v, {"agent"})) is not None), None)
        pobj = _first_child(agent, {"pobj"}) if agent is not None else None
        return _phrase(pobj) if pobj is not None else None
    # A place the parse makes a second subject is none: "in Tabayin township (Shwebo district,
    # Sagaing region), the military conducted".
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not _is_label(c)]
    subject = next((c for c in subjects if not _names_place(c)), subjects[0] if subjects else None)
    if subject is not None:
        if subject.tag_ == "WDT" or subject.lower_ in {"who", "which", "that"}:
            return _phrase(verb.head) if verb.dep_ == "relcl" else None
        if subject.pos_ == "PRON" and subject.lower_ in {"this", "it"}:
            return None
        return _phrase(subject)
    if verb.dep_ == "conj" and verb.head.dep_ == "acl" and _is_passive(verb.head) and verb.head.head.pos_ in _NOUN_POS:
        return _phrase(verb.head.head)  # "forces supported by air raids clashed ... and took control"
    if verb.dep_ in {"xcomp", "conj", "advcl", "acomp"} and verb.head is not verb:
        # "claims to have killed", "labelling ... and criticised", "is about to restore"
        return _clause_agent(verb.head)
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in _NOUN_POS:
        return _phrase(verb.head)  # "forces firing on the crowd"
    return None


def _is_label(noun: Token) -> bool:
    """'Movement of forces: On 7 April, a US patrol ...': the label a note opens with, which the
    parse makes a second subject, names the kind of event, not who did it."""
    edge = noun.right_edge
    # The colon may hang off the label ("Defusal:") or come after its phrase.
    colon = edge if edge.text == ":" else noun.doc[edge.i + 1] if edge.i + 1 < len(noun.doc) else None
    return noun.left_edge.i == noun.sent.start and colon is not None and colon.text == ":"


def _reads_passive(verb: Token) -> bool:
    """'was shot and killed by gunmen': a participle with no object of its own shares the passive
    of the verb it is joined to; 'forces supported by air raids ... and took control' does not."""
    return verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children)


def _names_place(noun: Token) -> bool:
    """'Nablus' in '(Nablus, West Bank)', 'Tabayin township': a place name or a word for a place."""
    return noun.ent_type_ in {"GPE", "LOC"} or noun.lemma_.lower() in SETTLEMENT_WORDS | ADMIN_WORDS


def _is_passive(verb: Token) -> bool:
    # A reduced relative has no auxiliary, only its by-phrase: "heavy weapons fired by the troops".
    return any(c.dep_ in {"nsubjpass", "auxpass", "agent"} for c in verb.children)


def _recipient(token: Token, governor: Token, entry: TriggerEntry) -> Span | None:
    heads = [token, governor] if governor != token else [token]
    # "pledged to defeat the terrorists": the intended act's object is the recipient.
    heads += [c for c in token.children if c.dep_ == "xcomp"]
    # "restored ties with Libya": the partner hangs off the object that made the trigger.
    heads += [c for c in token.children if c.dep_ == "dobj" and c.lemma_ in entry.modifiers]
    # "attacked and injured a demonstration": coordinated verbs share their object.
    if token.pos_ == "VERB":
        heads += [c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for head in heads:
        for child in head.children:
            if child.dep_ == "dobj" and child != token and not _not_actor(child, entry) and child.lemma_ not in entry.modifiers:
                return _phrase(child)
            if child.dep_ == "nsubjpass" and child != token and child.pos_ != "PRON":
                return _phrase(child)
            if child.dep_ == "prep" and child.lower_ in cues()["recipient_prep"]:
                pobj = _first_child(child, {"pobj"}) or _clause_subject(_first_child(child, {"pcomp"}))
                if pobj is not None and not _not_actor(pobj, entry) and pobj.pos_ in _NOUN_POS:
                    return _phrase(pobj)
            if child.dep_ == "advcl" and child.lemma_ in {"target", "hit"}:
                obj = _first_child(child, {"dobj"})
                if obj is not None:
                    return _phrase(obj)
    return None


def _clause_subject(clause: Token | None) -> Token | None:
    """'clashed with police forces using brickbats': the model makes the partner the subject
    of a clause after the preposition."""
    return _first_child(clause, {"nsubj"}) if clause is not None else None


def _not_actor(token: Token, entry: TriggerEntry) -> bool:
    """A place or a time is no recipient, but a state that is accused, visited or sanctioned is:
    only material events happen at their object ("shelled Aleppo", "accused Egypt")."""
    if token.ent_type_ == "GPE" and entry.plover_type not in MATERIAL_TYPES:
        return False
    return _is_place(token)


# --- where and when --------------------------------------------------------------------------

def _places(token: Token, governor: Token, sentence: Span, taken: set[int], borrow: bool) -> list[Span]:
    own = [
        ent
        for head in {token, governor}
        for ent in sentence_entities(sentence)
        if ent.label_ in PLACE_LABELS
        and ent.root.i not in taken
        and (_in_clause(ent.root, head) if borrow else _place_phrase_of(ent.root, head))
    ]
    if own or not borrow:
        return sorted(set(own), key=lambda e: e.start)
    return [
        ent
        for ent in sentence_entities(sentence)
        if ent.label_ in PLACE_LABELS and ent.root.i not in taken and not _is_actor_like(ent) and not _is_destination(ent)
    ]


def _is_destination(ent: Span) -> bool:
    """'abducted several workers and took them into Somalia': where another verb of the sentence
    took someone is not where this event happened."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ == "into"


def _origins(agent: Span | None) -> set[int]:
    """'members of a Zamfara militia shot ...': a place naming the doers' origin ("Zamfara
    militia", "Pokot raiders", "men from Ethiopia") is where the event happened only if the sentence names no other
    place; "Kasarani residents" still live where they protested."""
    if agent is None:
        return set()
    named_by = {t.i for t in agent if t.dep_ == "compound" and t.ent_type_ in {"GPE", "LOC"}
                and t.head.pos_ in {"NOUN", "PROPN"} and t.head.lower_ not in _RESIDENT_NOUNS}
    return named_by | {t.i for t in places_come_from(agent)}


def places_come_from(agent: Span) -> list[Token]:
    """The places the doers are said to come from, in their phrase or its clauses: 'armed men who
    were suspected to be from Ethiopia'."""
    return [t for t in agent.root.subtree if t.ent_type_ in {"GPE", "LOC"} and t.dep_ == "pobj" and t.head.lower_ == "from"]


def _in_clause(token: Token, head: Token) -> bool:
    """Under ``head`` without entering another clause ("after a ceasefire in Lebanon took effect")."""
    node = token
    while node != head:
        if node.head == node or (node.dep_ in _CLAUSE_DEPS and (node.dep_ != "conj" or node.pos_ == "VERB")):
            return False
        node = node.head
    return True


def _place_phrase_of(token: Token, head: Token) -> bool:
    """'met in Doha': a place preposition right on the head, not deep inside its object."""
    prep = token.head
    return token.dep_ == "pobj" and prep.head == head and prep.lower_ in cues()["place_prep"]


# People named after where they live, whose place is the event's ("Kasarani residents protested").
_RESIDENT_NOUNS = RESIDENT_WORDS | {"people", "community", "communities"}


def _is_actor_like(ent: Span) -> bool:
    """'Russia' as the subject of 'launched', or the doer of a passive ('a militia backed by the
    United Arab Emirates'), is an actor, not a place."""
    root = ent.root
    return (root.dep_ in {"nsubj", "nsubjpass", "poss"} and root.head.pos_ == "VERB") or is_passive_doer(ent)


def is_passive_doer(ent: Span) -> bool:
    """'shelled by Russia', 'backed by the United Arab Emirates': the object of a passive's "by"."""
    return ent.root.dep_ == "pobj" and ent.root.head.dep_ == "agent"


def describes_other_thing(place: Span) -> bool:
    """A place that says where someone or something comes from, not where the event is: "a man
    from Isiolo", "residents of Oxchuc", "Sonargaon textile mill", a road's ends ("Dhaka -
    Mymensingh highway, Gazipur city"). Such a place loses a tie to one that is not; a unit
    or spot word keeps the name a place ("Gazipur city", "the outskirts of Kabul", "Eidgaon station")."""
    root = place.root
    if root.dep_ == "pobj" and root.head.lower_ in {"from", "of"}:
        # "of" names an origin after people ("residents of"), a spot after things ("a bar of Torrevieja").
        described = root.head.head
        if described.ent_type_ in {"PERSON", "ORG"}:
            return True  # "Ricardo Munguia of El Salvador", "Blackwater Security Consulting of North Carolina"
        people = root.head.lower_ == "from" or described.tag_ == "NNS"
        return described.pos_ == "NOUN" and people and not _names_place_kind(described)
    if root.dep_ != "compound":
        return False
    head, other_end = _compound_head(root)
    return _is_route(head, other_end) or (head.pos_ == "NOUN" and not _names_place_kind(head))


def is_route_end(place: Span) -> bool:
    """'the Nairobi-Mombasa highway', 'Dhaka - Mymensingh highway': a road between two places is
    no place of either (an event on it is placed by another place, "at Mlolongo", where the
    sentence names one); "Homs highway" is in Homs."""
    return place.root.dep_ == "compound" and _is_route(*_compound_head(place.root))


def _is_route(head: Token, other_end: bool) -> bool:
    return other_end and head.pos_ == "NOUN" and head.lower_ in cues()["route"]


def _compound_head(root: Token) -> tuple[Token, bool]:
    """The noun a name is a compound of, through the other end of a route; and whether there was one."""
    head, other_end = root.head, any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in root.children)
    while head.dep_ == "compound" and head.pos_ == "PROPN" and head.head.i > head.i:
        head, other_end = head.head, True  # "Dhaka - Mymensingh highway": through the other end to the road
    return head, other_end


def is_reference_point(place: Span) -> bool:
    """'near their patrol in Diyala province, north of Baghdad', '50 km west of Mosul': a place
    named only to say where another lies is not where the event is ('the north of Syria' is)."""
    root = place.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    direction = root.head.head
    return direction.lower_ in cues()["compass"] and not any(c.dep_ == "det" for c in direction.children)


def _names_place_kind(noun: Token) -> bool:
    table = cues()
    kind = table["place_feature"].get(noun.lower_)
    word = noun.lower_
    return kind is not None or word in table["place_part"] or word in SETTLEMENT_WORDS or word in ADMIN_WORDS


def _dates(token: Token, governor: Token, sentence: Span) -> tuple[list[Span], bool]:
    candidates = [e for e in sentence_entities(sentence) if e.label_ == "DATE" and _DATE_WORDS.search(e.text) and not _after_since(e)
                  and not describes_a_noun(e.root, token)]
    own = [e for e in candidates if _under(e.root, governor) or _under(e.root, token)]
    # The nearest date in the tree is the event's: "said ... on Saturday", not "a 2015 process".
    own.sort(key=lambda e: (_depth_below(e.root, governor), e.start))
    return (own, True) if own else (candidates, False)


# How a date hangs on a noun it dates.
_NOUN_DATE_DEPS = {"npadvmod", "compound", "nmod", "poss", "nummod"}


def describes_a_noun(token: Token, trigger: Token) -> bool:
    """'a bomb dropped over 40 years ago ... has been detonated', 'the prefect, appointed on 27
    December 2013': a date in a clause that describes a noun dates that clause, not the event.
    A date opening the sentence ("On 4 November 2020, militants described as ...") dates it whole,
    wherever the parse hangs it, unless a determiner puts it inside a noun phrase ("Myanmar's Feb. 1 coup")."""
    on_noun = (token.dep_ in _NOUN_DATE_DEPS and token.head.pos_ in _NOUN_POS and token.head != trigger
               and token.head.ent_type_ not in {"DATE", "TIME"}  # "Friday night" is Friday
               and not _frames(token.head, trigger))
    opens = _opens_sentence(token)
    if on_noun and (not opens or _after_determiner(token)):
        return True  # "Greece's biggest corruption trial this century", "Myanmar's Feb. 1 coup": when that was
    if opens:
        return False
    node = token
    while node.head != node:
        if node.dep_ in {"acl", "relcl"} and node != trigger and node not in trigger.ancestors:
            return True
        node = node.head
    return False


# Prepositions of a time frame; "over an October ruling", "due to the detention" give a cause.
_FRAME_PREPS = {"in", "during", "amid", "amidst", "throughout", "at"}


def _frames(noun: Token, trigger: Token) -> bool:
    """'captured the town in the 1967 war', 'killed during the 2015 elections': a noun the event
    hangs on through prepositions is its time frame, and the noun's date is the event's."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in _FRAME_PREPS:
        noun = noun.head.head
        if noun == trigger or noun == trigger.head:
            return True
    return False


def _after_determiner(token: Token) -> bool:
    """'Myanmar's Feb. 1 coup', 'the 2015 agreement': the date is written inside a noun phrase."""
    start = token
    while start.ent_iob_ == "I" and start.i > 0:
        start = start.nbor(-1)
    return start.i > 0 and start.nbor(-1).tag_ in {"POS", "DT", "PRP$"}


def _depth_below(token: Token, head: Token) -> int:
    depth = 0
    while token != head and token.head != token:
        token, depth = token.head, depth + 1
    return depth


def _after_since(ent: Span) -> bool:
    """'since 2016' anchors a duration; it is never the date of the event."""
    start = ent.start
    previous = ent.doc[start - 1].lower_ if start else ""
    if previous in {"a", "the"} and start > 1:
        previous = ent.doc[start - 2].lower_
    return previous in {"since", "until", "till"}


# --- how sure, how current ---------------------------------------------------------------------

def _status(token: Token, governor: Token, entry: TriggerEntry) -> str:
    if any(c.dep_ == "neg" for c in governor.children):
        return "denied"
    table = cues()
    if any(c.dep_ == "amod" and _lookup(table["plan"], c) is not None for c in token.children):
        return "planned"  # "a possible attack", "planned strikes"
    if _is_purpose(governor) and entry.plover_type != "PROTEST":
        return "planned"  # but "gathered to protest" is the protest
    for ancestor in [governor, *governor.ancestors]:
        if ancestor != governor and _lookup(table["claim"], ancestor) is not None:
            return "claimed"
        if _lookup(table["deny"], ancestor) is not None:
            return "denied"
        if ancestor != governor and _lookup(table["plan"], ancestor) is not None:
            return "planned"
        if any(c.lemma_ == "will" and c.dep_ == "aux" for c in ancestor.children):
            return "planned"
    return "reported"


def _is_years_before(governor: Token) -> bool:
    """'restore ties five years after crowds burned down its embassy': the burning is history."""
    return governor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in governor.children) and any(
        c.dep_ == "npadvmod" and _lookup(cues()["history_span"], c) is not None for c in governor.children
    )


def _is_purpose(verb: Token) -> bool:
    """'launched an offensive to retake the town', 'an attack to capture positions': an
    infinitive of purpose says what was meant to happen, not what did."""
    return verb.pos_ == "VERB" and verb.dep_ in {"advcl", "acl"} and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _is_background(trigger: Token, governor: Token, sentence: Span) -> bool:
    """'Back then, rebels seized the town', 'two years ago'; but 'protested ... an attempt five years
    ago' is a protest now: the past word must be in the event's own clause, and on the event or a
    verb, not on another noun ('to protest against an attack on the ceremony, 24 years ago'). A past
    word that modifies an adverb ('once again') tells a repetition, one on an adjective ('a previously
    unannounced visit') describes that word, not the past."""
    words = cues()["background"]
    return any(t.lower_ in words and t.dep_ in {"advmod", "npadvmod"}
               and (t.head.pos_ in {"VERB", "AUX"} or t.head in {trigger, governor})
               and words[t.lower_] in {"-", t.nbor(-1).lower_ if t.i else ""}
               and _in_clause(t, governor) and not _recent(t)
               for t in sentence) and not any(t.lower_ in {"now", "today", "currently"} for t in sentence)


def _recent(ago: Token) -> bool:
    """'a short while ago', 'two days ago': a span shorter than the years of history (cues.tsv
    `history_span`) before "ago" puts the event in the news, not in the story's past."""
    spans = [c for c in ago.children if c.dep_ == "npadvmod"]
    return ago.lower_ == "ago" and bool(spans) and all(_lookup(cues()["history_span"], c) is None for c in spans)


def _is_cited_cause(token: Token) -> bool:
    """'as a reprisal for the 25 April clashes', 'in response to the killing of a student': the
    happening the story gives as its event's reason came before it (cues.tsv `cause`); so did
    what a crowd protests ('residents protested the killing of a man')."""
    prep = token.head
    if token.dep_ == "dobj" and token.pos_ in _NOUN_POS:
        protest = _match_trigger(token.head)
        return protest is not None and protest.plover_type == "PROTEST"
    return (token.dep_ in {"pobj", "pcomp"} and prep.lower_ in {"for", "to", "of"}
            and prep.head.lemma_.lower() in cues()["cause"])


def _is_setting(token: Token, entry: TriggerEntry) -> bool:
    """'demonstrators calling for the departure', 'a man accused of being a member': words said,
    in a reduced relative clause, describe someone of another event ('foreigners arrested' is
    still an arrest)."""
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ == "acl" and token.tag_ in {"VBG", "VBN"} and entry.plover_type not in MATERIAL_TYPES


def _is_anaphoric(token: Token, governor: Token, mention: Mention) -> bool:
    if token.pos_ not in _NOUN_POS or _governed_by_light_verb(token):
        return False
    own_date = any(_under(d.root, token) for d in mention.dates)
    return is_definite(token) and not own_date and not any(_under(p.root, token) for p in mention.places)


def is_definite(token: Token) -> bool:
    """'the strikes', 'this attack': a noun trigger a determiner points back with."""
    return token.pos_ in _NOUN_POS and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in token.children)


# --- span helpers ------------------------------------------------------------------------------

def _first_child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _under(token: Token, head: Token) -> bool:
    return token == head or head in token.ancestors


def _is_place(token: Token) -> bool:
    return token.ent_type_ in PLACE_LABELS or token.ent_type_ in {"DATE", "TIME", "CARDINAL"}


def _phrase(head: Token) -> Span:
    """The noun phrase headed by ``head``, with coordination but without clauses and PPs
    (save "members of", and whom they are loyal to: "forces loyal to Haftar")."""
    doc = head.doc
    keep = {head.i}
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            # "members of Awami League" keeps its "of"; other phrases and clauses are cut.
            if child.dep_ in _PHRASE_CUT_DEPS and not (child.dep_ == "appos" and child.ent_type_) and not (
                child.dep_ == "prep" and (child.lower_ == "of" or node.lemma_.lower() in cues()["allegiance"])
            ):
                continue
            keep.add(child.i)
            stack.append(child)
    start, end = min(keep), max(keep) + 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]
