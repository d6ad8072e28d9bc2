"""READ stage: files, folders, JSON Lines batches and standard input -> Article.

Public entry point: ``read_inputs(paths) -> Iterator[Article | InputError]``. Nothing here
raises for bad input: an unreadable file, a binary file, a file over the size limit or a broken
JSON line becomes an ``InputError`` with a one-line message, and the other inputs go on.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, TextIO

from charset_normalizer import from_bytes

from .model import Article, InputError

SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl"}
_MAGIC = {b"%PDF": "PDF", b"PK\x03\x04": "ZIP or Office document", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image",
          b"GIF8": "GIF image", b"\x1f\x8b": "gzip archive", b"\x7fELF": "executable", b"SQLite format": "SQLite database"}


def read_inputs(
    paths: Sequence[str], *, stdin: TextIO | BinaryIO | None = None, max_bytes: int = 5_000_000
) -> Iterator[Article | InputError]:
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin or sys.stdin, max_bytes)
            continue
        target = Path(path)
        if target.is_dir():
            files = sorted(p for p in target.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError(path, "folder holds no .txt, .html or .jsonl files")
            for file in files:
                yield from _read_file(file, max_bytes)
        elif target.exists():
            yield from _read_file(target, max_bytes)
        else:
            yield InputError(path, "no such file or folder")


def _read_stdin(stream: TextIO | BinaryIO, max_bytes: int) -> Iterator[Article | InputError]:
    data = stream.read(max_bytes + 1)
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogateescape")
    if len(raw) > max_bytes:
        yield InputError("-", f"standard input is over the {max_bytes / 1e6:.0f} MB limit; split it or pass --max-bytes")
        return
    try:
        yield Article(origin="-", text=_decode(raw, "-"))
    except InputError as err:
        yield err


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(origin, f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit; split it or pass --max-bytes")
            return
        raw = path.read_bytes()
    except OSError as err:
        yield InputError(origin, f"cannot be read ({err.strerror or err})")
        return
    try:
        text = _decode(raw, origin)
    except InputError as err:
        yield err
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(text, origin)
    elif suffix in {".html", ".htm"}:
        yield Article(origin=origin, html=text)
    else:
        yield Article(origin=origin, text=text)


def _decode(raw: bytes, origin: str) -> str:
    if not raw.strip():
        raise InputError(origin, "empty input")
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise InputError(origin, f"binary file (looks like {kind}), not text")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise InputError(origin, "binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw[:200_000]).best()
    if best is None or best.chaos > 0.2:
        raise InputError(origin, "not UTF-8 and no text encoding fits; convert it to UTF-8 (e.g. iconv -t utf-8)")
    return raw.decode(best.encoding, errors="replace")


def _read_jsonl(text: str, origin: str) -> Iterator[Article | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            yield _article_from_json(json.loads(line), where)
        except json.JSONDecodeError as err:
            yield InputError(where, f"not valid JSON ({err.msg} at column {err.colno})")
        except InputError as err:
            yield err


def _article_from_json(record: object, where: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(where, "a JSON Lines article must be an object with 'text' or 'html'")
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError(where, "article has neither a 'text' nor an 'html' string")
    fields = {k: record.get(k) for k in ("id", "url", "title", "source")}
    for key, value in fields.items():
        if value is not None and not isinstance(value, (str, int)):
            raise InputError(where, f"'{key}' must be a string")
    return Article(
        origin=where,
        text=text if isinstance(text, str) else None,
        html=None if isinstance(text, str) else html,
        id=str(fields["id"]) if fields["id"] is not None else None,
        url=fields["url"],
        title=fields["title"],
        source=fields["source"],
        published=_published(record.get("published"), where),
    )


def _published(value: object, where: str) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(where, "'published' must be a date string like 2024-11-30")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(where, f"'published' {value!r} is not an ISO date like 2024-11-30") from None
