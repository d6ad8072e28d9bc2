"""CLEAN stage: an ``Article`` as read -> a ``CleanArticle`` whose text the later stages trust.

Public entry point: ``clean(article, published)``.

- HTML goes through trafilatura (main text and metadata: title, date, url, site name).
- Boilerplate lines that scrapers leave in ("Advertisment", "Also read | ...", bylines,
  "(With inputs from agencies)", photo credits, share and follow lines, copyright) are
  dropped by the patterns in data/boilerplate.tsv and kept in ``CleanArticle.removed``.
- The dateline ("Beirut, Lebanon" on its own line, or "KYIV, Dec 2 (Reuters) -" before the
  lead) is cut from the text into ``CleanArticle.dateline``: it says where the story was
  filed, not where anything happened.
- The text comes out as paragraphs separated by one blank line, each on one line, with
  whitespace normalised and every other character as written: evidence offsets point into
  it. Cleaning its own output changes nothing.
- Text that is empty after cleaning or not English is refused with an InputError.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .countries import country_by_name, is_demonym
from .datafiles import read_tsv
from .language import language_problem
from .model import Article, CleanArticle, Dateline, InputError
from .places import is_known_place

# Control characters, soft hyphens, zero-width marks and lone surrogates: invisible, and they
# split words for the parser. Line separators (\x0b \x0c \x1c-\x1e \x85 \u2028 \u2029) stay:
# str.splitlines() reads them as line ends.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200d\u2060\ufeff\ud800-\udfff]")
WRAP_WIDTH = 100  # lines longer than this were not hard-wrapped: each is a paragraph
MAX_BOILERPLATE_CHARS = 600  # boilerplate lines are short; longer paragraphs are never tested
END_WINDOW = 300  # trailing credits are looked for in this many last characters
_CREDIT_OPENER = re.compile(r"\s*[(\-–—]")

# --- dateline grammar ----------------------------------------------------------------------------
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
         rf"(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
         rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH}))"
         rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?")
# Place words: capitalised or all caps ("Gaza City", "NEW DELHI", "Ras al-Ain", "Port-au-Prince").
_WORD = r"(?:[A-Z][\w'’.\-]*|(?:al|el|ad|an|ar|as|ash|at|az)-[\w'’.\-]+)"
_LINK = r"(?:de|del|al|el|of|the|la|le|du|da|di|do|dos|es|bin|ibn|upon|sur|am|im)"
_NAME = rf"{_WORD}(?:\s+(?:{_LINK}\s+)?{_WORD}){{0,3}}"
_PLACE = rf"(?P<place>{_NAME}(?:\s*,\s*{_NAME}){{0,2}}|{_NAME}\s*\[{_NAME}\])"
_AGENCY = r"\((?P<agency>[A-Z][\w&.'’ ]{0,30})\)"
_HEAD = rf"{_PLACE}(?:\s*,\s*{_DATE})?\s*(?:{_AGENCY})?"
_SEPARATOR = r"(?:--?|[–—:|])"
_DATELINE_LINE = re.compile(rf"{_HEAD}\s*{_SEPARATOR}?")
_DATELINE_PREFIX = re.compile(rf"{_HEAD}\s*{_SEPARATOR}\s+(?=\S)")
_HAS_DATE = re.compile(rf"\b{_DATE}\b")
MIN_BARE_PLACE_POPULATION = 100_000  # "Gaza City:" alone is a dateline; "Police:" is not


@dataclass(frozen=True)
class _Boilerplate:
    line: re.Pattern[str]  # a whole paragraph that is boilerplate
    end: re.Pattern[str]  # a credit at the end of a paragraph


@lru_cache(maxsize=1)
def _boilerplate() -> _Boilerplate:
    patterns: dict[str, list[str]] = {"line": [], "end": []}
    for row in read_tsv("boilerplate.tsv"):
        pattern = row["pattern"]
        # "(?i)" must open a whole expression: scope it to this alternative of the union.
        if pattern.startswith("(?i)"):
            pattern = f"(?i:{pattern[4:]})"
        patterns[row["where"]].append(f"(?:{pattern})")
    return _Boilerplate(
        line=re.compile("|".join(patterns["line"])),
        end=re.compile(f"(?:{'|'.join(patterns['end'])})\\Z"),
    )


# A long feature runs to 50,000 characters; more is a book, a dump or several stories at once.
MAX_TEXT_CHARS = 200_000


def clean(article: Article, published: date | None = None) -> CleanArticle:
    """Main text, dateline and provenance of one article. Raises InputError for unusable text."""
    meta: dict[str, str | None] = {}
    raw = _from_html(article.html, meta) if article.html is not None else article.text or ""
    title = article.title or meta.get("title")
    paragraphs, removed = _paragraphs(raw)
    paragraphs, dateline = _tidy(paragraphs, title, removed)
    text = "\n\n".join(paragraphs)
    if not text:
        where = ("the page holds only menus, scripts or nothing; give the article's own page or its text"
                 if article.html is not None else "only boilerplate or blank lines")
        raise InputError(article.origin, f"no article text found ({where})")
    if len(text) > MAX_TEXT_CHARS:
        # Parsing holds the whole text at once (about 3 GB for a million characters).
        raise InputError(article.origin, f"{len(text):,} characters of text after cleaning is more than one article "
                                         f"(limit {MAX_TEXT_CHARS:,}); split it into articles, e.g. one per .jsonl line")
    problem = language_problem(text)
    if problem:
        raise InputError(article.origin, problem)
    chosen, source = _publication_date(article.published, _iso_date(meta.get("date")), dateline, published)
    return CleanArticle(
        article_id=article.id or "a" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16],
        text=text,
        origin=article.origin,
        dateline=dateline,
        published=chosen,
        published_source=source,
        title=title,
        url=article.url or meta.get("url"),
        source=article.source or meta.get("sitename"),
        removed=tuple(removed),
    )


def _publication_date(given: date | None, metadata: date | None, dateline: Dateline | None,
                      cli: date | None) -> tuple[date | None, str | None]:
    """The article's own date beats the page's, the dateline's and lastly --published."""
    candidates = ((given, "input"), (metadata, "metadata"), (dateline.date if dateline else None, "dateline"),
                  (cli, "cli"))
    return next(((day, source) for day, source in candidates if day is not None), (None, None))


def _from_html(html: str, meta: dict[str, str | None]) -> str:
    """Main text via trafilatura, one paragraph per line; fills ``meta`` from the page."""
    import trafilatura  # imported here: it takes most of a second to load, and plain text never needs it

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception:  # noqa: BLE001 - a third-party parser on untrusted markup: any failure means "no text"
        document = None
    if document is not None:
        meta.update(title=document.title, date=document.date, url=document.url, sitename=document.sitename)
    text = document.text if document is not None and document.text else ""
    if not text.strip():
        try:
            text = trafilatura.html2txt(html)  # no main block found: all visible text, as a last resort
        except Exception:  # noqa: BLE001 - same boundary as above
            text = ""
    return text.replace("\n", "\n\n")  # trafilatura writes one block element per line


def _paragraphs(raw: str) -> tuple[list[str], list[str]]:
    """Blank-line separated blocks -> paragraphs, boilerplate lines dropped into ``removed``."""
    removed: list[str] = []
    blocks: list[list[str]] = [[]]
    for line in _INVISIBLE.sub("", raw).splitlines():
        line = " ".join(line.split())
        if not line:
            blocks.append([])
        elif _is_boilerplate(line):
            removed.append(line)
        else:
            blocks[-1].append(line)
    paragraphs = [p for block in blocks if block for p in _unwrap(block)]
    return paragraphs, removed


def _unwrap(lines: list[str]) -> list[str]:
    """A hard-wrapped block is one paragraph; a block of long lines is a paragraph per line."""
    longest = max(map(len, lines))
    wrapped = longest <= WRAP_WIDTH and all(len(line) >= longest // 2 for line in lines[:-1])
    return [" ".join(lines)] if wrapped else lines


@lru_cache(maxsize=4096)  # a line is tested once as a line and again as a paragraph
def _is_boilerplate(paragraph: str) -> bool:
    return len(paragraph) <= MAX_BOILERPLATE_CHARS and _boilerplate().line.fullmatch(paragraph) is not None


def _tidy(paragraphs: list[str], title: str | None, removed: list[str]) -> tuple[list[str], Dateline | None]:
    """Drop boilerplate and trailing credits, then a repeated title and datelines off the lead.

    The lead is worked on until it is neither, because a dateline cut off it can uncover
    another ("Beirut, Lebanon" above "BEIRUT (AP) — ..."): that makes ``clean`` idempotent.
    """
    paragraphs = _without_boilerplate(paragraphs, removed)
    dateline = None
    while paragraphs:
        lead = paragraphs[0]
        if title and lead.casefold() == " ".join(title.split()).casefold():
            removed.append(lead)
            rest = ""
        else:
            found, rest = _dateline(lead)
            if found is None:
                break
            dateline = _better_dateline(dateline, found)
        paragraphs = _without_boilerplate([rest], removed) + paragraphs[1:]
    return paragraphs, dateline


def _without_boilerplate(paragraphs: list[str], removed: list[str]) -> list[str]:
    kept = []
    for paragraph in paragraphs:
        paragraph = _strip_end(paragraph, removed)
        if paragraph and _is_boilerplate(paragraph):
            removed.append(paragraph)
        elif paragraph:
            kept.append(paragraph)
    return kept


def _strip_end(paragraph: str, removed: list[str]) -> str:
    """Cut trailing credits ("... said. (With inputs from agencies)"), one after another."""
    while True:
        window = max(0, len(paragraph) - END_WINDOW)
        # Every credit opens with a bracket or a dash: try only there, not at every character.
        starts = (m.start() for m in _CREDIT_OPENER.finditer(paragraph, window))
        match = next(filter(None, (_boilerplate().end.match(paragraph, start) for start in starts)), None)
        if match is None:
            return paragraph
        removed.append(match.group().strip())
        paragraph = paragraph[: match.start()].rstrip()


def _dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """(dateline, rest of the paragraph): a place-only paragraph, or a place prefix of the lead."""
    for pattern, rest in ((_DATELINE_LINE, False), (_DATELINE_PREFIX, True)):
        match = pattern.fullmatch(paragraph) if not rest else pattern.match(paragraph)
        if match and _is_filing_place(match):
            raw = match.group().strip()
            return Dateline(place=match["place"], date=_dateline_date(match), raw=raw), paragraph[match.end():]
    return None, paragraph


def _is_filing_place(match: re.Match[str]) -> bool:
    """Is the would-be dateline a real place? A bare name must be a country or a big city.

    "MZUZU, Malawi —", "Beirut, Lebanon" and "KYIV, Dec 2 (Reuters) -" have the form of a
    dateline, so any known place will do; "Gaza City:" does not, so "Police:" must not pass.
    """
    parts = [p.strip() for p in re.split(r"[,\[\]]", match["place"]) if p.strip()]
    first = parts[0]
    datelike = len(parts) > 1 or (first.isupper() and bool(match["agency"] or match["month"] or match["month2"]))
    return _is_country(first) or is_known_place(first, 0 if datelike else MIN_BARE_PLACE_POPULATION)


def _is_country(name: str) -> bool:
    return country_by_name(name) is not None and not is_demonym(name)


def _dateline_date(match: re.Match[str]) -> date | None:
    """The date a dateline gives with its year; "Dec 2" alone stays in ``raw`` for the dates stage."""
    month, day = match["month"] or match["month2"], match["day"] or match["day2"]
    if not (month and match["year"]):
        return None
    number = "jan feb mar apr may jun jul aug sep oct nov dec".split().index(month[:3].lower()) + 1
    try:
        return date(int(match["year"]), number, int(day))
    except ValueError:
        return None


def _better_dateline(kept: Dateline | None, found: Dateline | None) -> Dateline | None:
    """The first dateline wins, unless a later one carries a date and it does not."""
    if found is None:
        return kept
    if kept is None or (_HAS_DATE.search(found.raw) and not _HAS_DATE.search(kept.raw)):
        return found
    return kept


def _iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
