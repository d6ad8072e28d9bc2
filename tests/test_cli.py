"""`eventwire extract` as a user runs it: data on stdout, one line per bad input on stderr,
exit code 1 when any input failed, and the good inputs still processed."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys

import pytest

from eventwire.cli import EXAMPLES, build_parser, main

from conftest import REPO, SEED


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "nobody.html").write_text("<html><head><title>x</title></head></html>", encoding="utf-8")
    (tmp_path / "french.txt").write_text(
        "Le gouvernement a annoncé mardi que les forces de sécurité ont arrêté plusieurs personnes "
        "dans la capitale après des manifestations qui ont fait deux morts.", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("word " * 300_000, encoding="utf-8")
    return tmp_path


def test_extract_prints_the_seed_events(capsys):
    assert main(["extract", str(SEED)]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0]["acled"]["sub_event_type"] == "Air/drone strike"
    assert all(not r["background"] for r in records)
    assert err == ""


def test_bad_inputs_get_one_line_each_and_the_rest_is_processed(inputs, capsys):
    code = main(["extract", str(inputs), "--max-bytes", "1000000"])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) >= 5  # the good article's events
    problems = err.strip().splitlines()
    assert len(problems) == 5
    assert all(line.startswith(f"eventwire: {inputs}") for line in problems)
    assert "Traceback" not in err
    by_file = {line.split(":")[1].strip().rsplit("/", 1)[-1]: line for line in problems}
    assert "empty" in by_file["empty.txt"]
    assert "binary" in by_file["binary.txt"]
    assert "French" in by_file["french.txt"]
    assert "limit" in by_file["huge.txt"]
    assert "no article text" in by_file["nobody.html"]


def test_missing_path_is_an_input_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(SEED), "--format", "xml"])
    assert exit_.value.code == 2
    assert main(["extract", str(SEED), "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err
    for command in (["extract", str(SEED), "--max-bytes", "-1"], ["extract", str(SEED), "--workers", "0"],
                    ["events", "--limit", "0"]):
        with pytest.raises(SystemExit) as exit_:
            main(command)
        assert exit_.value.code == 2
        assert "is not a whole number of 1 or more" in capsys.readouterr().err


def test_csv_to_a_file(tmp_path, capsys):
    out = tmp_path / "events.csv"
    assert main(["extract", str(SEED), "--format", "csv", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("event_id,article_id,event_date")
    assert capsys.readouterr().out == ""


def test_text_longer_than_any_article_is_refused_before_parsing(tmp_path, capsys):
    many = tmp_path / "many.txt"
    many.write_text(SEED.read_text(encoding="utf-8") * 100, encoding="utf-8")
    assert main(["extract", str(many), str(SEED)]) == 1
    out, err = capsys.readouterr()
    assert "more than one article" in err and "split it" in err
    assert len(out.splitlines()) >= 5  # the seed after it is still extracted


@pytest.mark.parametrize("command", list(EXAMPLES))
def test_every_command_help_ends_with_examples_that_parse(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    help_text = capsys.readouterr().out
    examples = help_text.split("examples:\n", 1)[1].strip().splitlines()
    assert len(examples) >= 2
    for example in examples:
        words = shlex.split(example.split(" #")[0].split(" > ")[0].split(" | ")[-1])
        assert words[:2] == ["eventwire", command]
        build_parser().parse_args(words[1:])  # exits 2 on an example that no longer parses


@pytest.mark.parametrize(("output", "problem"), [
    ("missing-folder/events.csv", "cannot write it (No such file or directory)"),
    (".", "cannot write it (Is a directory)"),
])
def test_an_output_that_cannot_be_written_is_a_usage_error_before_any_work(tmp_path, monkeypatch, capsys,
                                                                            output, problem):
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(SEED), "--format", "csv", "--output", output]) == 2
    out, err = capsys.readouterr()
    assert err == f"eventwire: --output {output}: {problem}; give another file or create its folder\n"
    assert main(["events", "--db", "sqlite:///none.db", "--output", output]) == 2
    assert not (tmp_path / "none.db").exists()


def test_a_reader_that_goes_away_is_no_error():
    """`eventwire extract ... | head -1`: the closed pipe ends the run quietly, exit code 0."""
    five_seeds = [str(SEED)] * 5  # more events than a pipe holds, so the writer sees the reader go
    run = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "extract", *five_seeds],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
                           env={**os.environ, "PYTHONPATH": str(REPO)})
    assert run.stdout.readline().startswith(b'{"event_id"')
    run.stdout.close()
    assert run.wait(timeout=120) == 0
    assert run.stderr.read() == b""


def test_standard_output_is_utf8_whatever_the_console_encoding(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Gunmen killed four people in Tsafe (تسافي) on Monday, police said.", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "eventwire.cli", "extract", str(story), "--format", "csv"],
                         capture_output=True, cwd=REPO,
                         env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "cp1252"})
    assert run.returncode == 0, run.stderr.decode()
    assert "(تسافي)" in run.stdout.decode("utf-8")
