"""READ stage: files, folders, JSON Lines and stdin in; Articles or InputErrors out, never an exception."""
from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.model import Article, InputError
from eventwire.read import decode, read_inputs

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
SEED = Path(__file__).resolve().parents[1] / "examples" / "000_68e5d158b3363ef7.txt"


def read_one(path: Path, **options) -> Article | InputError:
    (item,) = read_inputs([str(path)], **options)
    return item


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_file_is_read_as_is():
    article = read_one(SEED)
    assert isinstance(article, Article)
    assert article.origin == str(SEED)
    assert article.text.startswith("Beirut, Lebanon\n\nRussia on Saturday (Nov 30)")
    assert article.html is None and article.id is None and article.published is None


def test_html_file_is_read_as_html():
    article = read_one(INPUTS / "news_page.html")
    assert article.text is None
    assert "<article class=\"story\">" in article.html


def test_jsonl_lines_become_articles_or_errors_with_line_numbers():
    items = list(read_inputs([str(INPUTS / "articles.jsonl")]))
    origin = str(INPUTS / "articles.jsonl")
    by_line = {item.origin.rsplit(":", 1)[1]: item for item in items}
    assert set(by_line) == {"1", "2", "4", "5", "6", "7", "8", "9", "10"}  # line 3 is blank
    first = by_line["1"]
    assert (first.id, first.url, first.title, first.source) == ("ke-001", "https://example.org/ke-001",
                                                                "Police tear-gas protesters in Nairobi", "Example Wire")
    assert first.published == date(2024, 3, 3) and first.text.startswith("NAIROBI")
    second = by_line["2"]
    assert second.id == "42" and second.html.startswith("<html>") and second.text is None
    assert second.published == date(2024, 5, 14)  # the date as written, whatever the offset
    problems = {line: item.problem for line, item in by_line.items() if isinstance(item, InputError)}
    assert problems == {
        "4": '`published` is "yesterday", not an ISO date like 2024-11-30; fix or drop it',
        "5": "bad JSON (Expecting value: column 38); each line must be one JSON object",
        "6": "line is a JSON array, not an object with a `text` or `html` field",
        "7": "no `text` or `html` field; each line needs one of them",
        "8": "`text` must be a string, not a JSON number",
        "9": "`text` is empty; nothing to read",
        "10": "`url` must be a string, not a JSON number",
    }
    assert all(str(item).startswith(origin + ":") for item in items if isinstance(item, InputError))


def test_folder_is_walked_recursively_in_sorted_order_skipping_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    write(tmp_path, "b/2.txt", b"Second story.")
    write(tmp_path, "a.htm", b"<html><body><p>First story.</p></body></html>")
    write(tmp_path, "notes.md", b"# not an article")
    write(tmp_path, "image.png", b"\x89PNG\r\n")
    origins = [item.origin for item in read_inputs([str(tmp_path)])]
    assert origins == [str(tmp_path / "a.htm"), str(tmp_path / "b" / "2.txt")]


def test_hidden_files_and_folders_are_no_articles_but_are_read_when_named(tmp_path):
    write(tmp_path, "story.txt", b"Drones hit Kyiv.")
    write(tmp_path, "._story.txt", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")  # macOS AppleDouble
    (tmp_path / ".ipynb_checkpoints").mkdir()
    write(tmp_path, ".ipynb_checkpoints/story-checkpoint.txt", b"Drones hit Kyiv.")
    assert [item.origin for item in read_inputs([str(tmp_path)])] == [str(tmp_path / "story.txt")]
    (checkpoint,) = read_inputs([str(tmp_path / ".ipynb_checkpoints")])
    assert checkpoint.text == "Drones hit Kyiv."


def test_folder_without_articles_is_an_error(tmp_path):
    write(tmp_path, "notes.md", b"# not an article")
    (error,) = read_inputs([str(tmp_path)])
    assert error.problem == "the folder holds no .txt, .html, .htm or .jsonl files"


def test_missing_path_is_an_error_and_reading_goes_on(tmp_path):
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(SEED)]))
    assert isinstance(items[0], InputError) and items[0].problem == "no such file or folder; check the path"
    assert isinstance(items[1], Article)


@pytest.mark.parametrize("stdin", [io.StringIO("KYIV (Reuters) - Drones hit Kyiv."),
                                   io.BytesIO("KYIV (Reuters) - Drones hit Kyiv.".encode())])
def test_stdin_text_or_bytes(stdin):
    (article,) = read_inputs(["-"], stdin=stdin)
    assert article == Article(origin="-", text="KYIV (Reuters) - Drones hit Kyiv.")


@pytest.mark.parametrize("start", [
    "<!DOCTYPE html><html><body>",
    "  <HTML><BODY>",
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">'
    '<html xmlns="http://www.w3.org/1999/xhtml"><body>',
    "<!-- saved from url=(0014)about:internet -->\n<html><body>",
    "<head><title>Shelling</title></head><body>",
])
def test_stdin_html_is_recognised(start):
    (article,) = read_inputs(["-"], stdin=io.StringIO(start + "<p>Hi</p></body></html>"))
    assert article.html is not None


@pytest.mark.parametrize("text", ["<b>Breaking:</b> Drones hit Kyiv.", "Drones hit Kyiv.\n<html> is a tag."])
def test_text_that_merely_holds_tags_is_text(text):
    (article,) = read_inputs(["-"], stdin=io.StringIO(text))
    assert article.text == text


@pytest.mark.parametrize(("data", "expected"), [
    ("Kyiv’s mayor said".encode("utf-8"), "Kyiv’s mayor said"),
    (b"\xef\xbb\xbf" + "Kyiv’s mayor said".encode("utf-8"), "Kyiv’s mayor said"),
    ("Kyiv’s mayor said".encode("utf-16"), "Kyiv’s mayor said"),
    ("Kyiv’s mayor said".encode("utf-16-be").join([b"\xfe\xff", b""]), "Kyiv’s mayor said"),
    ("Kyiv’s mayor said".encode("utf-16-le"), "Kyiv’s mayor said"),  # no byte-order mark
    ("Kyiv’s mayor said".encode("utf-16-be"), "Kyiv’s mayor said"),
    (("The mayor of Kyiv said the city’s “critical infrastructure” was hit again overnight; "
      "officials in Kharkiv and Odesa reported damage too. ") .encode("cp1252") * 3,
     "The mayor of Kyiv said the city’s “critical infrastructure”"),
])
def test_encodings(data, expected):
    assert decode(data).startswith(expected)


@pytest.mark.parametrize(("data", "problem"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (looks like PDF), not text; convert it to .txt or .html first"),
    (b"PK\x03\x04\x14\x00\x06\x00", "binary file (looks like ZIP, DOCX or XLSX), not text; convert it to .txt or .html first"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (looks like PNG), not text; convert it to .txt or .html first"),
    (b"plain words\x00with a NUL", "binary file (it has NUL bytes), not text; convert it to .txt or .html first"),
    (b"", "empty file; nothing to read"),
    (b" \n\t\r\n ", "the file holds only whitespace; nothing to read"),
])
def test_bad_files(tmp_path, data, problem):
    error = read_one(write(tmp_path, "story.txt", data))
    assert isinstance(error, InputError)
    assert error.problem == problem
    assert str(error) == f"{tmp_path / 'story.txt'}: {problem}"


def test_too_big_jsonl_line_is_one_error_and_the_next_line_goes_on(tmp_path):
    jsonl = write(tmp_path, "a.jsonl", b'{"text": "' + b"x" * 100 + b'"}\n{"text": "Short."}\n')
    items = list(read_inputs([str(jsonl)], max_bytes=50))
    assert isinstance(items[0], InputError) and "over the" in items[0].problem
    assert items[1] == Article(origin=f"{jsonl}:2", text="Short.")


def test_too_big_file_message_names_sizes(tmp_path):
    path = write(tmp_path, "big.txt", b"a" * 60_000)
    assert read_one(path, max_bytes=50_000).problem == "0.1 MB is over the 0.05 MB limit; split it or pass --max-bytes"
    assert isinstance(read_one(path, max_bytes=60_000), Article)


def test_undecodable_bytes_are_refused(tmp_path):
    error = read_one(write(tmp_path, "x.txt", bytes(range(128, 256)) * 4))
    assert isinstance(error, InputError)


def test_explicit_file_with_other_extension_is_sniffed(tmp_path):
    assert read_one(write(tmp_path, "story", b"Police fired tear gas.")).text == "Police fired tear gas."
    assert read_one(write(tmp_path, "page", b"<html><body>x</body></html>")).html is not None


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    for name in ("x.txt", "x.html", "x.jsonl"):
        for item in read_inputs([str(write(folder, name, data))]):
            assert isinstance(item, (Article, InputError))


def test_fixture_folder_reads_in_sorted_order():
    origins = [item.origin for item in read_inputs([str(INPUTS)])]
    jsonl = str(INPUTS / "articles.jsonl")
    assert origins == [f"{jsonl}:{n}" for n in (1, 2, 4, 5, 6, 7, 8, 9, 10)] + [
        str(INPUTS / "dhaka.txt"), str(INPUTS / "news_page.html")]


def test_a_line_cut_off_mid_string_says_where_the_string_starts(tmp_path):
    jsonl = write(tmp_path, "cut.jsonl", b'{"id": "a2", "text": "Police fired\n{"text": "Short."}\n')
    error, article = read_inputs([str(jsonl)])
    assert error.problem == ("bad JSON (Unterminated string starting at: column 22); "
                             "each line must be one JSON object")
    assert article.text == "Short."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_jsonl_in_utf16_or_utf32_is_told_to_be_resaved_as_utf8(tmp_path, encoding):
    jsonl = write(tmp_path, "wide.jsonl", '{"text": "Police fired tear gas."}\n'.encode(encoding))
    (error,) = read_inputs([str(jsonl)])
    assert error.problem == "UTF-16 or UTF-32 text, but JSON Lines files must be UTF-8; re-save it as UTF-8"


def test_binary_jsonl_is_still_called_binary(tmp_path):
    (error,) = read_inputs([str(write(tmp_path, "x.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00"))])
    assert error.problem == "binary file (looks like PNG), not JSON Lines"


@pytest.mark.parametrize("published", ["2024-05-14", "2024-05-14T23:30:00Z", "2024-05-14T23:30:00.250-05:00",
                                       "Tue, 14 May 2024 23:30:00 -0500", "Tue, 14 May 2024 23:30:00 GMT"])
def test_jsonl_published_as_iso_or_as_rss_gives_the_day_as_written(tmp_path, published):
    line = json.dumps({"text": "Police fired tear gas.", "published": published}).encode() + b"\n"
    (article,) = read_inputs([str(write(tmp_path, "feed.jsonl", line))])
    assert article.published == date(2024, 5, 14)
