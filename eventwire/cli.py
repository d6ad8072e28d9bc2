"""Command line: ``eventwire extract | ingest | events | serve | eval``.

Each command parses its options here and calls one library function; the work lives in the
pipeline, store, export, web and evaluate modules. Diagnostics go to standard error, data to
standard output. Exit codes: 0 all inputs read, 1 some input could not be, 2 usage error.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from datetime import date

from .export import FORMATS

# Each command's --help ends with these: commands a user can copy, from the simplest up.
EXAMPLES = {
    "extract": """\
  eventwire extract examples/000_68e5d158b3363ef7.txt
  eventwire extract news/ --published 2024-12-01 --format csv > events.csv
  cat story.txt | eventwire extract - --published 2024-12-01
  eventwire extract big.jsonl --workers 4 --format parquet --output events.parquet""",
    "ingest": """\
  eventwire ingest news/                                 # into ./eventwire.db
  eventwire ingest big.jsonl --db sqlite:///events.db --published 2024-12-01
  eventwire ingest news/ --db postgresql://user@host/events""",
    "events": """\
  eventwire events --db sqlite:///events.db --country SYR --since 2024-11-01
  eventwire events --type "Air/drone strike" --near 36.2,37.16,50 --format acled --output acled.csv
  eventwire events --actor "Hayat Tahrir" --format geojson --output hts.geojson
  eventwire events --format parquet --output events.parquet""",
    "serve": """\
  eventwire serve --db sqlite:///events.db               # then open http://127.0.0.1:8000
  eventwire serve --host 0.0.0.0 --port 8080 --allow-ingest""",
    "eval": """\
  eventwire eval --only seed
  eventwire eval --data ../shared/data --split tune --only acled --limit 500
  eventwire eval --data ../shared/data --json eval.json""",
}


# The top-level --help: the first example of every command.
EPILOG = "examples:\n" + "\n".join(examples.splitlines()[0] for examples in EXAMPLES.values())


class HelpFormatter(argparse.HelpFormatter):
    """Wraps one-line descriptions to the terminal; keeps text with line breaks of its own
    (the examples) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-11-30") from None


# --- extract (lead) -----------------------------------------------------------------------

def _add_extract_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="print the events reported in articles (JSON Lines by default)",
        description="Read articles (.txt, .html, .jsonl, folders, or - for stdin), extract the events "
        "they report and print one event record per line. Bad inputs are reported on stderr "
        "and skipped; the exit code is 1 if any input could not be read.",
    )
    add_input_options(p)
    add_output_options(p)
    p.add_argument("--include-background", action="store_true",
                   help="also print events the story recalls as history (marked background: true)")
    p.set_defaults(func=_cmd_extract)


def add_input_options(p: argparse.ArgumentParser) -> None:
    """The options of every command that reads articles (extract, ingest)."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - for standard input")
    p.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                   help="publication date for inputs that carry none of their own")
    p.add_argument("--max-bytes", type=positive_int, default=5_000_000, metavar="N",
                   help="refuse inputs (files, stdin, .jsonl lines) larger than N bytes (default 5 MB)")
    p.add_argument("--workers", type=positive_int, default=1, metavar="N",
                   help="extract in N worker processes with Dask (default 1: in this process)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="extract on the workers of a running Dask scheduler (tcp://host:8786)")


def add_output_options(p: argparse.ArgumentParser) -> None:
    """The options of every command that prints events (extract, events)."""
    p.add_argument("--format", default="jsonl", choices=FORMATS,
                   help="output format (default jsonl): json array, flat csv, ACLED-style csv, PLOVER "
                   "JSON Lines, GeoJSON (located events) or Parquet (needs --output)")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")


def output_problem(args: argparse.Namespace) -> str | None:
    """A usage error in the output options, found before any article is read (so a long run
    never ends on a file it cannot write)."""
    if args.format == "parquet" and not args.output:
        return "parquet is a binary format: give a file with --output events.parquet"
    if args.output:
        existed = os.path.exists(args.output)
        try:
            open(args.output, "ab").close()  # as root, os.access says yes to anything: try it
        except OSError as err:
            return f"--output {args.output}: cannot write it ({err.strerror}); give another file or create its folder"
        if not existed:
            os.remove(args.output)
    return None


def extraction(args: argparse.Namespace):
    """The results of the articles named by ``add_input_options``: (article, events) pairs or
    InputErrors, in input order; on Dask workers when asked."""
    from .pipeline import Pipeline
    from .read import read_inputs

    articles = read_inputs(args.paths, stdin=sys.stdin, max_bytes=args.max_bytes)
    if args.workers > 1 or args.scheduler:
        from .batch import extract_distributed

        return extract_distributed(articles, published=args.published, scheduler=args.scheduler, workers=args.workers)
    return Pipeline().extract_many(articles, args.published)


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def _cmd_extract(args: argparse.Namespace) -> int:
    from .export import write_events
    from .model import InputError

    if problem := output_problem(args):
        print(f"eventwire: {problem}", file=sys.stderr)
        return 2
    progress = Progress()

    def records():
        for result in extraction(args):
            if isinstance(result, InputError):
                progress.error(result)
                continue
            _, events = result
            progress.article(len(events))
            for event in events:
                if args.include_background or not event.background:
                    yield event.to_dict()

    try:
        write_events(records(), args.format, args.output)
    except BrokenPipeError:  # a ConnectionError too, but not the scheduler's: main() handles it
        raise
    except ConnectionError as err:  # the Dask scheduler could not be reached
        print(f"eventwire: {err}", file=sys.stderr)
        return 1
    progress.done()
    return 1 if progress.errors else 0


class Progress:
    """Counts on standard error: a live line on a terminal, a summary at the end of long runs."""

    def __init__(self, every: int = 100) -> None:
        self.articles = self.events = self.errors = 0
        self.every = every
        self.live = sys.stderr.isatty()

    def article(self, n_events: int) -> None:
        self.articles += 1
        self.events += n_events
        if self.live and self.articles % self.every == 0:
            print(f"\r{self.articles} articles, {self.events} events, {self.errors} errors", end="", file=sys.stderr)

    def error(self, err: Exception) -> None:
        self.errors += 1
        if self.live and self.articles >= self.every:
            print(file=sys.stderr)
        print(f"eventwire: {err}", file=sys.stderr)

    def done(self) -> None:
        if self.live and self.articles >= self.every:
            print(f"\r{self.articles} articles, {self.events} events, {self.errors} errors", file=sys.stderr)


# Commands other than extract live beside the code they drive; each module has
# ``add_parser(subparsers)`` and sets ``func`` on its parser.
COMMANDS = [
    "eventwire.store.commands",
    "eventwire.evaluate.commands",
    "eventwire.web.commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="News articles in, coded, located, dated and attributed events out.",
        epilog=EPILOG,
        formatter_class=HelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract_parser(sub)
    for module in COMMANDS:
        importlib.import_module(module).add_parser(sub)
    for name, command in sub.choices.items():
        command.formatter_class = HelpFormatter
        command.epilog = "examples:\n" + EXAMPLES[name]
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`eventwire extract ... | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
