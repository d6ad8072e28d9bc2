"""Is this text English? A cheap check on function words and script, for the clean stage.

Public entry point: ``language_problem(text)``: None for English, else a one-line reason
("text looks like French (only 3% English function words); eventwire reads English").

Function words ("the", "of", "was") make up a third of any English prose, whatever its topic,
so their share over a sample tells languages apart in microseconds. Short notes in headline
style ("Raiders ambush police") carry almost none, so a text is only refused on evidence:
another language's function words outnumbering English ones, a long text with almost no
English ones, or letters mostly outside the Latin script.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .datafiles import read_tsv

SAMPLE_CHARS = 3000
MIN_FOREIGN_HITS = 3  # another language's function words needed to name it
MIN_WORDS_UNKNOWN = 40  # words needed to refuse text whose language we cannot name
MIN_ENGLISH_SHARE = 0.06  # real English prose is at 0.3-0.5; headline notes can be at 0
MIN_LETTERS_SCRIPT = 20
# Unicode names scripts in capitals; these are acronyms or need a word readers know.
SCRIPT_NAMES = {"CJK": "Chinese or Japanese (CJK)"}
_WORD = re.compile(r"\w+")  # digits never match a function word; \w+ is twice as fast
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = re.compile(r"[^A-Za-z]+")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, ...]]:
    """word -> the languages it is a function word of; "english" words belong to English only."""
    rows = {row["language"]: set(row["words"].split()) for row in read_tsv("function_words.tsv")}
    english = rows.pop("english")
    table: dict[str, tuple[str, ...]] = {word: ("english",) for word in english}
    for language, words in rows.items():
        for word in words - english:
            table[word] = table.get(word, ()) + (language,)
    return table


def language_problem(text: str) -> str | None:
    """None when ``text`` reads as English, else why not (for an InputError)."""
    sample = text[:SAMPLE_CHARS]
    return _script_problem(sample) or _function_word_problem(sample)


def _script_problem(sample: str) -> str | None:
    if sample.isascii():
        return None
    accented = [c for c in _NON_ASCII.findall(sample) if c.isalpha()]
    scripts = Counter(unicodedata.name(c, "UNKNOWN").split()[0] for c in accented)
    ascii_letters = len(_ASCII_LETTERS.sub("", sample))
    latin = ascii_letters + scripts.pop("LATIN", 0)
    letters = ascii_letters + len(accented)
    if letters < MIN_LETTERS_SCRIPT or latin * 2 >= letters:
        return None
    script, count = scripts.most_common(1)[0]
    name = SCRIPT_NAMES.get(script, script.title())
    return f"text is mostly in {name} script ({100 * count // letters}% of letters); eventwire reads English"


def _function_word_problem(sample: str) -> str | None:
    words = _WORD.findall(sample.lower())
    table = _lexicon()
    hits: Counter[str] = Counter()
    for word, n in Counter(words).items():
        for language in table.get(word, ()):
            hits[language] += n
    n_english = hits.pop("english", 0)
    share = n_english / len(words) if words else 1.0
    language, n_foreign = max(hits.items(), key=lambda item: item[1], default=("", 0))
    if n_foreign >= MIN_FOREIGN_HITS and n_foreign > 2 * n_english:
        return f"text looks like {language} (only {share:.0%} English function words); eventwire reads English"
    if len(words) >= MIN_WORDS_UNKNOWN and share < MIN_ENGLISH_SHARE:
        return f"text does not look like English (only {share:.0%} English function words); eventwire reads English"
    return None
