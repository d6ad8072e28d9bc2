"""Casualty counts in a sentence, with qualifier, group and source, and their reconciliation.

Public entry points: ``extract_casualties(sentence, offset)`` and ``reconcile(claims)``.

A small grammar over word tokens: a NUMBER PHRASE (qualifier + digits, number words or the
vague quantities ACLED codes: dozens = 12, tens = 10, hundreds = 100; "a man" = 1) tied to a
CASUALTY CUE (killed, dead, wounded, abducted, arrested ...) either directly ("killed 300
fighters", "300 killed") or through a group noun ("at least 12 people were killed"). Ages
("12-year-old"), years and dates are not counts. The source is who the sentence says reported
it ("according to X", "X said", "X claims").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .actors import is_named_actor, is_people_name
from .countries import is_demonym
from .datafiles import read_tsv
from .dates import MONTHS
from .model import CasualtyClaim, Fatalities

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[A-Za-z]+(?:[-'’][A-Za-z]+)*|[^\sA-Za-z\d]")
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# ACLED's conventions for vague quantities; "several" and "many" give no number.
_VAGUE = {"dozens": 12, "dozen": 12, "tens": 10, "scores": 20, "hundreds": 100, "thousands": 1000}
_QUALIFIERS = [
    (("at", "least"), "at_least"), (("more", "than"), "at_least"), (("no", "fewer", "than"), "at_least"),
    (("upwards", "of"), "at_least"), (("over",), "at_least"), (("up", "to"), "at_most"), (("as", "many", "as"), "at_most"),
    (("at", "most"), "at_most"), (("about",), "about"), (("around",), "about"), (("approximately",), "about"),
    (("some",), "about"), (("roughly",), "about"), (("nearly",), "about"), (("almost",), "about"),
    (("an", "estimated"), "about"), (("estimated",), "about"), (("close", "to"), "about"),
    (("between",), "at_least"),  # "killed between 3 and 10 people": ACLED codes the lower figure
]


def _vocabulary(kind: str) -> dict[str, str]:
    """Word -> cue kind or group name, from data/casualty_words.tsv."""
    return {word: row["value"] for row in read_tsv("casualty_words.tsv") if row["kind"] == kind
            for word in row["words"].split("|")}


_CUES = _vocabulary("cue")
_GROUPS = _vocabulary("group")
_PERSON_SUFFIXES = tuple(_vocabulary("person_suffix"))
_NOT_PERSONS = set(_vocabulary("not_person"))
_COLLECTIVES = set(_vocabulary("collective")) | set(_vocabulary("collective_or_one"))
_ONE_AFTER_ARTICLE = set(_vocabulary("collective_or_one"))
# "He later died", "killed him": a singular pronoun as the subject or object of a death is one
# victim ("her" is as often a possessive: "killed her two sons").
_PRONOUNS = {"he", "she", "him"}
# "the man [was later found stabbed] to death": the words between a victim and the cue of their
# death; a count takes more ("11 [were all] killed", "[at least] 5 ...", quotes, times of day).
_ON_THE_WAY_TO_DEATH = {"was", "is", "later", "subsequently", "eventually", "reportedly", "allegedly", "also", "then",
                        "found", "confirmed", "shot", "attacked", "hacked", "stabbed", "beaten", "burnt", "burned",
                        "stoned", "clubbed", "to"}
_FILLER = _ON_THE_WAY_TO_DEATH | {
    "were", "have", "has", "had", "been", "being", "are", "up", '"', "'", "’", "”", "“", ")", "(", "all", "feared",
    "left", "and", "be", "believed", "killed", "who", "while", "at", "least", "reported",
    "morning", "afternoon", "evening", "night", "hours"}
_RELATIVES = {"who", "that", "which", "whose", "whom"}
_NOT_COUNT_AFTER = {"year", "years", "yr", "percent", "%", "km", "kilometres", "kilometers", "miles", "am", "pm",
                    "hours", "hour", "days", "day", "months", "month", "weeks", "week", "minutes", "meters", "metres",
                    "st", "nd", "rd", "th", "brigade", "battalion", "division", "taka", "shillings", "dollars"}
# "the death toll rose to 40", "fatalities coded as 4": words between a toll noun and its number.
_TOLL_WORDS = {"toll", "rose", "reached", "climbed", "stood", "to", "at", "of", "is", "was", "has", "had", "have",
               "risen", "jumped", "the", "least", "more", "than", "over", "about", "around", "nearly", "coded",
               "as", "estimated", "reportedly", "allegedly", "down", ":"}
# Nouns of the dead that count them whatever else the sentence says ("two bodies were found"); not
# "body", which is also an organisation ("a local government body").
_REMAINS = {"bodies", "corpses"}
_SOURCE_VERBS = r"(?:said|says|say|reported|reports|claimed|claims|claim|stated|states|told|confirmed|announced|estimated|estimates)"
_SOURCE_PATTERNS = [
    re.compile(r"\baccording to (?P<src>(?:the )?[A-Za-z][\w'’.-]*(?: (?:for|of|the|and|on|de|al|[A-Z][\w'’.-]*))*)"),
    re.compile(rf"^(?:The |the )?(?P<src>(?:[A-Z][\w'’.-]*|state-run|state|local|the)(?: (?:for|of|the|and|[A-Z][\w'’.-]*))*|[Pp]olice|[Oo]fficials|[Ww]itnesses|[Mm]edics|[Rr]esidents|[Aa]uthorities) {_SOURCE_VERBS}\b"),
    re.compile(rf"[,;] (?P<src>(?:the )?[A-Za-z][\w'’.-]*(?: [\w'’.-]+){{0,4}}?) {_SOURCE_VERBS}\b"),
    re.compile(rf"\b{_SOURCE_VERBS} (?:by )?(?P<src>(?:the )?[A-Z][\w'’.-]*(?: (?:for|of|the|[A-Z][\w'’.-]*))*)"),
]


@dataclass(frozen=True)
class _Token:
    text: str
    low: str
    start: int
    end: int


def _tokens(sentence: str) -> list[_Token]:
    return [_Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


def parse_number_words(words: Sequence[str]) -> tuple[int, int] | None:
    """Value and length of a number written in words at the start: 'twenty-one', 'two hundred'."""
    total, current, used = 0, None, 0
    for word in words:
        parts = word.split("-")
        if all(p in _UNITS or p in _TENS for p in parts) and len(parts) <= 2:
            value = sum(_UNITS.get(p, 0) + _TENS.get(p, 0) for p in parts)
            current = (current or 0) + value
        elif word in _SCALES and (current is not None or used == 0):
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, None
        elif word == "and" and current is not None and used and words[used - 1] in _SCALES:
            pass
        else:
            break
        used += 1
    if used == 0 or (current is None and total == 0):
        return None
    return total + (current or 0), used


def _number_at(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """(value, index after the number) for a number phrase starting at token i."""
    token = tokens[i]
    if token.low[0].isdigit():
        if "." in token.low:
            return None
        value = int(token.low.replace(",", ""))
        return (value, i + 1) if value < 1_000_000 else None
    if token.low in _VAGUE:
        nxt = i + 1
        if nxt < len(tokens) and tokens[nxt].low == "of":
            nxt += 1
        return _VAGUE[token.low], nxt
    if token.low in ("a", "an", "one") and i + 1 < len(tokens) and tokens[i + 1].low == "dozen":
        return 12, i + 2
    words = [t.low for t in tokens[i : i + 6]]
    found = parse_number_words(words)
    return (found[0], i + found[1]) if found else None


def _qualifier_before(tokens: list[_Token], i: int) -> tuple[str, int]:
    for words, qualifier in _QUALIFIERS:
        n = len(words)
        if i - n >= 0 and tuple(t.low for t in tokens[i - n : i]) == words:
            return qualifier, i - n
    return "exact", i


def _is_not_a_count(tokens: list[_Token], i: int, end: int) -> bool:
    after = tokens[end].low if end < len(tokens) else ""
    before = tokens[i - 1].low if i else ""
    if after == "-" and end + 1 < len(tokens):
        after = tokens[end + 1].low
    if after.split("-")[0] in _NOT_COUNT_AFTER or before in MONTHS or before in {"$", "no", "no.", "number", "page", "route", "for"}:
        return True
    return after in MONTHS or (tokens[i].low.isdigit() and 1900 <= int(tokens[i].low) <= 2100)


def _cue_after(tokens: list[_Token], j: int) -> tuple[str, int] | None:
    k, end = j - 1, min(j + 7, len(tokens))
    while k + 1 < end:
        k += 1
        low = tokens[k].low
        if low == "(" and (after := _after_bracket(tokens, k, 10)) > k:
            k, end = after - 1, min(after + 7, len(tokens))  # "28 terrorists (likely JNIM militants) were killed"
            continue
        if low == "," and k + 1 < len(tokens) and tokens[k + 1].low in {"including", "among"}:
            # "5 people, including a policeman, were killed", "6 people, including a trader, a
            # student and a mason were killed": the aside names some of them, up to the verb.
            cue_at = next((m for m in range(k + 2, min(k + 24, len(tokens)))
                           if tokens[m].low in _CUES or tokens[m].text in {".", ";"}), None)
            if cue_at is None or tokens[cue_at].text in {".", ";"}:
                return None
            k, end = cue_at - 1, min(cue_at + 7, len(tokens))
            continue
        if (low.endswith("ed") and low not in _CUES and k + 2 < len(tokens)
                and (tokens[k + 1].low, tokens[k + 2].low) == ("to", "death")):
            continue  # "4 civilians macheted to death"
        # "death" counts only right after the count ("one death reported") or as "to death".
        if (low in _CUES and low not in {"killing", "kidnapping", "death"}) or (
                low == "death" and (tokens[k - 1].low == "to" or k == j)):
            # "was kidnapped, murdered and buried": the death counts, not the abduction.
            for m in range(k + 1, min(k + 5, len(tokens))):
                if _CUES.get(tokens[m].low) == "killed" and tokens[m - 1].low in {",", "and"}:
                    return "killed", m
            return _CUES[low], k
        # "5 people in Ruaraka were shot dead", "a leader of Awami League was killed", "three
        # members of the same family were killed": a short place or affiliation phrase may stand between.
        place_phrase = low in {"in", "at", "near", "from", "of", "the"} or (tokens[k].text[:1].isupper() and k > j)
        if low not in _FILLER and not place_phrase and not _in_of_phrase(tokens, j, k):
            return None
    return None


def _in_of_phrase(tokens: list[_Token], j: int, k: int) -> bool:
    """Whether word k is a plain word of an "of" phrase that began after the count ended at j
    ("of the same family"); a relative pronoun or a comma ends the phrase."""
    for m in range(k - 1, j - 1, -1):
        low = tokens[m].low
        if low == "of":
            return tokens[k].text.isalpha() and tokens[k].low not in _RELATIVES
        if not tokens[m].text.isalpha() or low in _RELATIVES:
            return False
    return False


def _cue_before(tokens: list[_Token], q_start: int) -> tuple[str, int] | None:
    for k in range(q_start - 1, max(q_start - 6, -1), -1):
        low = tokens[k].low
        if low in _CUES:
            return _CUES[low], k
        # "gunned down 2 suspects", "the death toll rose to 40", "the bodies of two women"; never
        # "the death of 4 members", the noun of an earlier happening ("following the death of").
        if low not in _TOLL_WORDS or (low == "of" and tokens[k - 1].low not in _REMAINS and not _outcome_of(tokens, k)):
            return None
    return None


# Participles of outcome before a death noun: "resulting in the killing of"; not "led to",
# "caused", whose subject is often an earlier happening.
_OUTCOME_VERBS = {"resulting", "resulted", "leading", "causing"}


def _outcome_of(tokens: list[_Token], k: int) -> bool:
    """'resulting in the killing of 3 people', 'leading to the death of the pastoralist': the death
    noun before "of" at k is what the event led to, not an earlier happening."""
    return (k >= 2 and tokens[k].low == "of" and tokens[k - 1].low in {"death", "deaths", "killing", "killings"}
            and any(t.low in _OUTCOME_VERBS for t in tokens[max(k - 5, 0) : k - 1]))


def _group_after(tokens: list[_Token], j: int) -> tuple[str | None, int]:
    """Group noun right after the number, skipping up to five modifiers ('Ukrainian soldiers',
    'Kenya Defence Forces (KDF) soldiers'), or a people's name counted ('6 Kikuyu were killed')."""
    for k in range(j, min(j + 8, len(tokens))):
        group = _group_of(tokens[k]) or ("people" if _names_a_group(tokens[k].text) else None)
        if group is not None and tokens[k].text[:1].isupper() and _name_goes_on(tokens, k + 1):
            continue  # "Forces" of a name: the noun after the name is the group
        if group is not None:
            while k + 1 < len(tokens) and tokens[k + 1].low in _GROUPS:  # "police officers"
                k += 1
                group = _GROUPS[tokens[k].low]
            return group, k + 1
        if tokens[k].low in _CUES or tokens[k].text in {",", ".", ";"}:
            break
    return None, j


def _names_a_group(word: str) -> bool:
    """A people's name ('6 Kikuyu were killed') or a group's acronym ('6 VDP and 1 civilian')."""
    return word[:1].isupper() and (is_people_name(word) or (word.isupper() and len(word) > 1 and is_named_actor(word)))


def _name_goes_on(tokens: list[_Token], k: int) -> bool:
    """'Kenya Defence Forces (KDF) soldiers': capitalised words and brackets up to a group noun,
    so the capitalised group word before them is part of a name. Not 'a Lieutenant Colonel
    and 40 of his soldiers', where the list goes on to another count."""
    group, end = _group_after(tokens, k)
    return group is not None and all(t.text[:1].isupper() or t.text in {"(", ")"} for t in tokens[k : end - 1])


def _group_of(token: _Token) -> str | None:
    """The group a noun names: listed ('fighters'), a plural demonym ('6 Palestinians were injured'),
    a plural with a person ending ('raiders', 'pastoralists', 'militiamen') or a pronoun."""
    if token.low in _GROUPS:
        return _GROUPS[token.low]
    if token.low in _PRONOUNS:
        return "people"
    plural = token.low.endswith("s") or token.low.endswith("men")
    if plural and token.low.endswith(_PERSON_SUFFIXES) and token.low not in _NOT_PERSONS:
        return "people"
    # "6 Palestinians", "14 Iraqis": the table lists some demonyms' plurals, not all.
    plural_demonym = is_demonym(token.text) or is_demonym(token.text[:-1])
    return "people" if token.text[:1].isupper() and token.low.endswith("s") and plural_demonym else None


def _is_singular(token: _Token) -> bool:
    return token.low in _PRONOUNS or (not token.low.endswith("s") and not token.low.endswith("men")
                                       and token.low not in _COLLECTIVES and token.low in _GROUPS)


def extract_casualties(sentence: str, offset: int = 0) -> list[CasualtyClaim]:
    tokens = _tokens(sentence)
    source = _source(sentence)
    claims: list[CasualtyClaim] = []
    i = 0
    while i < len(tokens):
        found = _claim_at(tokens, i, sentence, offset, source, claims[-1] if claims else None)
        if found is None:
            i += 1
            continue
        claim, i = found
        if claims and re.match(r"(including|among)\b", sentence[claim.start - offset :], re.IGNORECASE):
            # "killed 327 people, including 44 civilians": the 44 are part of the 327, never added.
            claim = CasualtyClaim(**{**claim.__dict__, "part_of": len(claims) - 1})
        claims.append(claim)
    return claims


def _claim_at(tokens: list[_Token], i: int, sentence: str, offset: int, source: str | None, previous: CasualtyClaim | None):
    number = _number_at(tokens, i) or _singular_victim(tokens, i) or _singular_passive(tokens, i)
    if number is None:
        return None
    value, j = number
    if _is_not_a_count(tokens, i, j):
        return None
    qualifier, q_start = _qualifier_before(tokens, i)
    group, after_group = _group_after(tokens, j)
    if group is not None:
        value, group, after_group = _joined_counts(tokens, value, group, after_group)
    before = _cue_before(tokens, q_start)
    if before is not None and before[1] == q_start - 1:
        cue = before  # "killing 15 regime members and wounding 18": the verb before binds tighter
    else:
        cue = _cue_after(tokens, after_group if group else j) or before
    if cue is None and group and tokens[after_group - 1].low in _REMAINS:
        cue = "killed", after_group - 1  # "two bodies were found"
    if cue is None and previous is not None and group and q_start and tokens[q_start - 1].low in {"including", "among"}:
        cue = previous.kind, q_start - 1  # "killed 327 people, including 44 civilians"
    if cue is None or (group is None and not _directly_tied(tokens, i, j, cue[1])):
        return None
    if cue[1] > i and _has_object_count(tokens, cue[1]):
        return None  # "a gang of 100 members kill 5 people": the 100 did the killing
    kind, cue_at = cue
    first, last = min(q_start, cue_at), max(after_group if group else j, cue_at + 1)
    start, end = tokens[first].start, tokens[last - 1].end
    claim = CasualtyClaim(
        count=value, kind=kind, qualifier=qualifier, group=group or "people", source=source,
        text=sentence, start=offset + start, end=offset + end,
    )
    return claim, max(last, j, i + 1)


def _joined_counts(tokens: list[_Token], value: int, group: str, k: int) -> tuple[int, str, int]:
    """'two soldiers and three civilians were killed' = 5; 'a boy, a woman and a demonstrator' = 3:
    counts listed before their one cue are one toll (the same sentence, so the same source)."""
    k = _after_bracket(tokens, k)  # "Three volunteer fighters (VDP) and a councilman"
    while k + 1 < len(tokens) and tokens[k].low in {"and", ","}:
        nxt = k + 2 if tokens[k].low == "," and tokens[k + 1].low == "and" else k + 1
        number = _number_at(tokens, nxt) or _singular_victim(tokens, nxt, joined=True) if nxt < len(tokens) else None
        if number is None or _is_not_a_count(tokens, nxt, number[1]):
            break
        more, after = _group_after(tokens, number[1])
        if more is None:
            break
        value, group, k = value + number[0], group if more == group else "people", after
    return value, group, k


def _after_bracket(tokens: list[_Token], k: int, longest: int = 4) -> int:
    """The word after a bracketed aside of up to ``longest`` words at k ('(VDP)'), else k."""
    if k < len(tokens) and tokens[k].text == "(":
        close = next((m for m in range(k + 1, min(k + longest + 1, len(tokens))) if tokens[m].text == ")"), None)
        return close + 1 if close is not None else k
    return k


def _has_object_count(tokens: list[_Token], cue_at: int) -> bool:
    """'kill 5 people', 'killed two', 'shot dead a civilian': the verb is active, with its victims
    after it, so a number before it counts the killers."""
    after = cue_at + 1
    if after >= len(tokens):
        return False
    number = _number_at(tokens, after) or _singular_victim(tokens, after)
    return number is not None and not _is_not_a_count(tokens, after, number[1])


def _directly_tied(tokens: list[_Token], i: int, j: int, cue_at: int) -> bool:
    """'300 killed', 'killed 300', 'left 5 dead': no group noun, so the cue must be adjacent."""
    if cue_at < i and all(t.low in _TOLL_WORDS for t in tokens[cue_at + 1 : i]):
        return not _counts_things(tokens, j)  # "the death toll rose to 40", not "killed two goats"
    # "5 shot dead", "11 were killed", "four reported killed", "was shot and killed"
    return cue_at - j <= 4 and all(t.low in _FILLER or t.low == "people" for t in tokens[j:cue_at])


# Words that may follow a bare count of the dead ("killing 5 in Mandera", "killed 3 and injured 4").
_AFTER_BARE_COUNT = {"in", "at", "on", "and", "or", "during", "while", "when", "after", "before", "near", "as", "with",
                     "by", "from", "including", "among", "of", "more", "other", "last", "this", "overnight", "others",
                     "suspected", "alleged", "armed", "unarmed", "innocent"}


def _counts_things(tokens: list[_Token], j: int) -> bool:
    """'killed two goats': a lower-case word no group knows follows the number, so it counts that."""
    if j >= len(tokens):
        return False
    word = tokens[j]
    return word.text.isalpha() and word.text.islower() and word.low not in _AFTER_BARE_COUNT | _FILLER


def _singular_victim(tokens: list[_Token], i: int, joined: bool = False) -> tuple[int, int] | None:
    """One person: 'a man was killed', 'He later died', 'the driver was killed', 'killed the ward
    administrator', 'Gunmen kill civilian'; (1, index of the group noun, read by the caller)."""
    after_kill = i > 0 and (_CUES.get(tokens[i - 1].low) == "killed" or _outcome_of(tokens, i - 1))
    bare = i == 0 or tokens[i - 1].low not in {"a", "an", "the", "his", "her", "their"}
    if tokens[i].low in _PRONOUNS or (after_kill and _is_singular(tokens[i])):
        return 1, i
    if after_kill and (noun := _described_victim(tokens, i)) is not None:
        return 1, noun  # "Mob kills suspected chicken thief", "Grenade attack kills police officer"
    if bare and _is_singular(tokens[i]) and _dies_next(tokens, i):
        return 1, i  # "Pastor killed outside police post"
    if tokens[i].low not in {"a", "an", "the", "his", "her", "their"}:
        return None
    k = i + 1
    while k < len(tokens) and k - i <= 6 and not _group_of(tokens[k]):
        number = _number_at(tokens, k)
        if tokens[k].low in _CUES or tokens[k].text in {",", ".", ";"} or (number and not _is_not_a_count(tokens, k, number[1])):
            return None  # "a vehicle causes seven soldier deaths": the seven are the count
        k += 1
    if k >= len(tokens) or not _group_of(tokens[k]):
        return None
    while k + 1 < len(tokens) and tokens[k + 1].low in _GROUPS:  # "a police officer"
        k += 1
    if not (_is_singular(tokens[k]) or (tokens[i].low in {"a", "an"} and tokens[k].low in _ONE_AFTER_ARTICLE)):
        return None
    # "the driver was killed": a definite victim must be the one who dies
    if tokens[i].low in {"a", "an"} or after_kill or joined or _dies_next(tokens, k):
        return 1, k
    return None


def _described_victim(tokens: list[_Token], i: int) -> int | None:
    """A singular victim noun written without an article after up to two words that describe it
    ('suspected chicken thief', 'Kenyan police officer'); its index, else None."""
    if i > 1 and tokens[i - 2].low in _ARTICLES_AND_LINKS:
        return None  # "an ally of slain Muslim cleric Aboud Rogo": a dead man described, no toll
    for k in range(i, min(i + 3, len(tokens))):
        word = tokens[k]
        if _is_singular(word) and word.low not in _PRONOUNS and (k + 1 >= len(tokens) or tokens[k + 1].low not in _GROUPS):
            return k if k > i else None
        if not word.text.isalpha() or word.low in _CUES or word.low in _NOT_DESCRIBING or parse_number_words([word.low]):
            return None
    return None


_ARTICLES_AND_LINKS = {"a", "an", "the", "of", "his", "her", "their", "its"}
# Words that end a victim's description: articles, links and the openings of other clauses.
_NOT_DESCRIBING = _ARTICLES_AND_LINKS | {"and", "or", "in", "at", "on", "by", "with", "while", "when", "after", "before",
                                         "as", "but", "during", "near", "from", "for", "to", "that", "who", "which"}


def _dies_next(tokens: list[_Token], k: int) -> bool:
    """Whether the noun at k is the one who dies: 'the man later died', 'officer killed by
    carjackers'; not 'the man who killed her', 'the man killed two'."""
    m = k + 1
    while m < len(tokens) and tokens[m].low in _ON_THE_WAY_TO_DEATH:
        m += 1
    return m < len(tokens) and _kills(tokens, m) and not _has_object_count(tokens, m)


def _kills(tokens: list[_Token], m: int) -> bool:
    """A killed cue at m; 'death' only as 'to death' ('stoned to death')."""
    low = tokens[m].low
    return _CUES.get(low) == "killed" and (low != "death" or tokens[m - 1].low == "to")


def _singular_passive(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """'Melitus Were was shot dead': whoever the singular subject, one victim (not 'no one was')."""
    if tokens[i].low not in {"was", "is"} or i == 0:
        return None
    subject = tokens[i - 1].low
    if subject in {"nobody", "none", "it", "this", "that"} or (subject == "one" and i > 1 and tokens[i - 2].low == "no"):
        return None
    return (1, i) if _cue_after(tokens, i + 1) else None  # "the death toll was unclear" is no victim


def _source(sentence: str) -> str | None:
    for pattern in _SOURCE_PATTERNS:
        m = pattern.search(sentence)
        # "One death, plus other injuries reported": what is reported is no speaker.
        if m and not any(w.lower() in _CUES for w in m.group("src").split()):
            src = m.group("src").strip()
            src = re.sub(r"^(the|The) ", "", src)
            return src.rstrip(".,") or None
    return None


def reconcile(claims: Sequence[CasualtyClaim]) -> Fatalities | None:
    """One event's fatalities across claims, never summing two sources' counts of the same deaths.

    Per source (None: the story's own voice) the largest total it gives counts (a later, larger
    toll updates). low and high are the smallest and largest of those; best is ACLED's
    conservative choice: the smallest, leaving out a claim that is the attacker's own boast
    ("claims to have killed") when an independent count exists.
    """
    killed = [c for c in claims if c.kind == "killed" and c.part_of is None]
    if not killed:
        return None
    per_source: dict[str | None, CasualtyClaim] = {}
    for claim in killed:
        kept = per_source.get(claim.source)
        if kept is None or claim.count > kept.count:
            per_source[claim.source] = claim
    totals = [c.count for c in per_source.values()]
    independent = [c.count for c in per_source.values() if not _is_boast(c)]
    best = min(independent or totals)
    return Fatalities(best=best, low=min(totals), high=max(totals), claims=tuple(c for c in claims if c.kind == "killed"))


def _is_boast(claim: CasualtyClaim) -> bool:
    return bool(re.search(r"\bclaim(s|ed)? to have killed\b", claim.text))
