"""READ stage: files, folders, JSON Lines and standard input in; ``Article`` records out.

Public entry point: ``read_inputs``. It never raises for bad input: an unreadable file, a
binary file, an over-long file or a broken JSON line is yielded as an ``InputError`` with a
one-line message saying what is wrong and what to do, and reading goes on with the next input.

Bytes become text here (UTF-8 with or without BOM, UTF-16/32 with BOM, UTF-16 without BOM,
else a confident charset_normalizer guess); cleaning, language checks and HTML extraction
belong to ``clean``.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO, TextIO

from .model import Article, InputError

EXTENSIONS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STRING_FIELDS = ("url", "title", "source")

# Leading bytes of formats people mistake for text: "binary file (looks like PDF), not text".
MAGIC = (
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP, DOCX or XLSX"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"), (b"\x1f\x8b", "gzip"), (b"\xd0\xcf\x11\xe0", "Word or Excel (OLE)"),
    (b"{\\rtf", "RTF"), (b"\x7fELF", "an executable"), (b"7z\xbc\xaf", "7-Zip"), (b"Rar!\x1a", "RAR"),
    (b"\xfd7zXZ", "xz"), (b"SQLite format 3\x00", "SQLite"), (b"OggS", "Ogg"), (b"RIFF", "RIFF audio/video/WebP"),
)
UTF8_BOM = b"\xef\xbb\xbf"
BOMS = (
    (UTF8_BOM, "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
# Bytes below 0x20 that plain text uses; any other control byte is a sign of binary data.
TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x0b\x1b")
MAX_CONTROL_RATIO = 0.01
MAX_CHAOS = 0.1  # charset_normalizer's mess ratio above which a guessed decoding is refused
# UTF-16 without a byte-order mark (Windows "Unicode" files): Latin-script text puts a NUL in
# every other byte, at odd offsets for little-endian, even ones for big-endian, and none in between.
MIN_UTF16_NUL_SHARE = 0.4


def read_inputs(
    paths: Sequence[str], *, stdin: TextIO | BinaryIO | None = None, max_bytes: int = 5_000_000
) -> Iterator[Article | InputError]:
    """Yield one Article per text/HTML file, per JSON line and for "-" (stdin), in order.

    Folders are walked recursively in sorted order; hidden files and folders (".name") and
    files without a known extension (.txt, .html, .htm, .jsonl) are skipped there, but read
    when named directly (as HTML if they start like HTML, else as text). ``max_bytes`` bounds a file, stdin, and each
    line of a JSON Lines file (those are streamed, so a corpus may be any size).
    """
    for path in paths:
        if path == "-":
            yield _read_stdin(stdin if stdin is not None else sys.stdin, max_bytes)
        elif os.path.isdir(path):
            files = list(_walk(Path(path)))
            if not files:
                yield InputError(path, "the folder holds no .txt, .html, .htm or .jsonl files")
            for file in files:
                yield from _read_file(file, EXTENSIONS[file.suffix.lower()], max_bytes)
        elif os.path.exists(path):
            yield from _read_file(Path(path), EXTENSIONS.get(Path(path).suffix.lower(), "sniff"), max_bytes)
        else:
            yield InputError(path, "no such file or folder; check the path")


def _walk(folder: Path) -> Iterator[Path]:
    """Article files under ``folder``. Hidden ones are not articles but copies or metadata:
    .ipynb_checkpoints/story-checkpoint.txt, macOS's binary ._story.txt, .git."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() in EXTENSIONS and not name.startswith("."):
                yield Path(root) / name


def _read_file(path: Path, kind: str, max_bytes: int) -> Iterator[Article | InputError]:
    origin = str(path)
    try:
        if kind == "jsonl":
            yield from _read_jsonl(path, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(origin, _too_big(size, max_bytes))
            return
        data = path.read_bytes()
    except OSError as err:
        yield InputError(origin, f"cannot read it ({err.strerror or err}); check the permissions")
        return
    yield _article(origin, data, kind)


def _read_stdin(stream: TextIO | BinaryIO, max_bytes: int) -> Article | InputError:
    source = getattr(stream, "buffer", stream)  # sys.stdin: read bytes so decoding is ours
    data = source.read(max_bytes + 1)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        return InputError("-", f"standard input is over the {max_bytes / 1e6:g} MB limit; split it or pass --max-bytes")
    return _article("-", data, "sniff")


def _article(origin: str, data: bytes, kind: str) -> Article | InputError:
    """Decode one whole text or HTML file; "sniff" reads HTML when the text starts like HTML."""
    if not data:
        return InputError(origin, "empty file; nothing to read")
    text = decode(data)
    if isinstance(text, Undecodable):
        return InputError(origin, text.problem)
    if not text.strip():
        return InputError(origin, "the file holds only whitespace; nothing to read")
    if kind == "sniff":
        kind = "html" if looks_like_html(text) else "text"
    return Article(origin=origin, text=text) if kind == "text" else Article(origin=origin, html=text)


# A page's first tag, after any XML declaration (XHTML) and comments ("<!-- saved from url=... -->").
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:10_000]) is not None


class Undecodable:
    """Bytes that are not text, and why (a value, not an exception: see read_inputs)."""

    def __init__(self, problem: str):
        self.problem = problem


def decode(data: bytes) -> str | Undecodable:
    """Bytes to text, or why they are not text. A BOM decides; else UTF-8; else a confident guess."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return Undecodable(f"not valid {encoding.upper()} despite its byte-order mark; re-save it as UTF-8")
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    binary = _binary_kind(data)
    if binary:
        return Undecodable(f"binary file ({binary}), not text; convert it to .txt or .html first")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _guess(data)


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:65536]
    if len(data) % 2 or len(sample) < 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls.count(0) >= MIN_UTF16_NUL_SHARE * len(nuls) and 0 not in other:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return None if _binary_kind(text.encode("utf-8")) else text
    return None


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return f"looks like {kind}"
    sample = data[:65536]
    if b"\x00" in sample:
        return "it has NUL bytes"
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in TEXT_CONTROLS)
    if controls > MAX_CONTROL_RATIO * len(sample):
        return f"{controls} control bytes in the first {len(sample)}"
    return None


def _guess(data: bytes) -> str | Undecodable:
    """Legacy encodings (Windows-1252, Latin-1 ...): accept only a low-chaos decoding."""
    from charset_normalizer import from_bytes  # only files that are not UTF-8 pay for the import

    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > MAX_CHAOS:
        return Undecodable("not UTF-8 and its encoding cannot be told with confidence; re-save it as UTF-8")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return Undecodable(f"not UTF-8 and not valid {best.encoding} either; re-save it as UTF-8")


def _too_big(size: int, max_bytes: int) -> str:
    return f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit; split it or pass --max-bytes"


# --- JSON Lines ---------------------------------------------------------------------------------

def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    with path.open("rb") as lines:
        head = lines.read(16)
        binary = None if head.startswith(UTF8_BOM) else _binary_kind(head)
        if binary:
            problem = ("UTF-16 or UTF-32 text, but JSON Lines files must be UTF-8; re-save it as UTF-8"
                       if _wide_unicode(head) else f"binary file ({binary}), not JSON Lines")
            yield InputError(str(path), problem)
            return
        lines.seek(len(UTF8_BOM) if head.startswith(UTF8_BOM) else 0)
        for number, raw in enumerate(lines, start=1):
            origin = f"{path}:{number}"
            if len(raw) > max_bytes:
                yield InputError(origin, _too_big(len(raw), max_bytes))
            elif raw.strip():
                yield _json_article(origin, raw)


def _wide_unicode(head: bytes) -> bool:
    """Text in UTF-16 or UTF-32, which a line-by-line UTF-8 reader sees as NUL bytes."""
    wide_boms = (bom for bom, encoding in BOMS if encoding != "utf-8-sig")
    return any(head.startswith(bom) for bom in wide_boms) or _bomless_utf16(head) is not None


def _json_article(origin: str, raw: bytes) -> Article | InputError:
    try:
        record = json.loads(raw.rstrip(b"\r\n").decode("utf-8"))
    except UnicodeDecodeError:
        return InputError(origin, "line is not UTF-8; JSON Lines files must be UTF-8")
    except json.JSONDecodeError as err:
        return InputError(origin, f"bad JSON ({err.msg}: column {err.colno}); each line must be one JSON object")
    try:
        return _article_from_record(origin, record)
    except ValueError as err:
        return InputError(origin, str(err))


def _article_from_record(origin: str, record: object) -> Article:
    if not isinstance(record, dict):
        raise ValueError(f"line is a JSON {_json_type(record)}, not an object with a `text` or `html` field")
    body = {key: record[key] for key in ("text", "html") if record.get(key) is not None}
    if not body:
        raise ValueError("no `text` or `html` field; each line needs one of them")
    for key, value in body.items():
        if not isinstance(value, str):
            raise ValueError(f"`{key}` must be a string, not a JSON {_json_type(value)}")
    key = "text" if "text" in body else "html"  # already-extracted text beats the page it came from
    if not body[key].strip():
        raise ValueError(f"`{key}` is empty; nothing to read")
    return Article(
        origin=origin,
        **{key: body[key]},
        id=_identifier(record.get("id")),
        published=_published(record.get("published")),
        **{name: _optional_string(record, name) for name in STRING_FIELDS},
    )


def _identifier(value: object) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"`id` must be a non-empty string or an integer, not {json.dumps(value)[:40]}")


def _optional_string(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise ValueError(f"`{name}` must be a string, not a JSON {_json_type(value)}")


def _published(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        # the date as written: "2024-05-14T23:30-05:00" was published on the 14th where it was
        try:
            if len(value) == 10:
                return date.fromisoformat(value)
            # Python 3.10 reads no "Z"; feeds converted from RSS carry RFC 2822 dates
            return datetime.fromisoformat(re.sub(r"Z$", "+00:00", value)).date()
        except ValueError:
            pass
        try:
            return parsedate_to_datetime(value).date()  # "Tue, 14 May 2024 23:30:00 -0500"
        except (TypeError, ValueError):
            pass
    raise ValueError(f"`published` is {json.dumps(value)[:40]}, not an ISO date like 2024-11-30; fix or drop it")


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")
