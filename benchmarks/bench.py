"""Speed and memory of eventwire on a fixed corpus, against a bare spaCy parse of the same text.

    python benchmarks/bench.py [--data DIR] [--notes 2000] [--stories 100] [--batch-size 64] [--json FILE]

Corpus (deterministic): the first N ACLED notes of the report split, and full-length stories
of about 600 words made by joining the report-split notes of one country in date order. Each
measurement runs in a fresh process, so its peak RSS (getrusage) is its own: eventwire's
full pipeline (read-to-resolve, Pipeline.extract_many), the same spaCy model alone
(Pipeline().nlp.pipe, same batch size), and ingesting the
notes' results into a temporary SQLite database. Timings exclude model loading (reported
apart) and a 20-article warm-up. Not a test: run it on a quiet machine.
"""
from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

STORY_WORDS = 600
WARM_UP = 20
BATCH_SIZE = 64  # Pipeline.extract_many's default


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    data = Path(args.data or os.environ.get("EVENTWIRE_DATA") or Path("..") / "shared" / "data")
    gold = data / "acled_dev.csv"
    if not gold.exists():
        print(f"bench: {gold}: not found: give the development data with --data DIR", file=sys.stderr)
        return 1
    notes, stories = build_corpus(gold, args.notes, args.stories)
    runs = []
    for name, corpus in (("ACLED notes", notes), (f"~{STORY_WORDS}-word stories", stories)):
        if not corpus:
            continue
        for stage in ("eventwire", "spacy parse"):
            runs.append({"corpus": name, "stage": stage, **_in_fresh_process(stage, corpus, args.batch_size)})
    report = {"cpu_count": os.cpu_count(), "batch_size": args.batch_size, "runs": runs,
              "ingest": _ingest_overhead(notes, args.batch_size)}
    print(format_report(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bench.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--data", metavar="DIR", help="development data (default $EVENTWIRE_DATA, else ../shared/data)")
    p.add_argument("--notes", type=int, default=2000, metavar="N", help="ACLED notes in the corpus (default 2000)")
    p.add_argument("--stories", type=int, default=100, metavar="N", help="full-length stories (default 100)")
    p.add_argument("--batch-size", type=int, default=BATCH_SIZE, metavar="N",
                   help=f"articles per spaCy batch, both stages (default {BATCH_SIZE}, as Pipeline.extract_many)")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    return p


def build_corpus(gold: Path, n_notes: int, n_stories: int) -> tuple[list[tuple], list[tuple]]:
    """(id, text, publication date) items: notes as they come, stories joined per country."""
    from eventwire.evaluate.split import is_report_row

    with open(gold, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if is_report_row(r["event_id_cnty"])]
    notes = [(r["event_id_cnty"], r["notes"], _published(r)) for r in rows[:n_notes]]
    stories, words, parts = [], 0, []
    for row in sorted(rows, key=lambda r: (r["country"], r["event_date"], r["event_id_cnty"])) if n_stories else ():
        if parts and parts[-1]["country"] != row["country"]:
            words, parts = 0, []  # a story never mixes countries
        parts.append(row)
        words += len(row["notes"].split())
        if words >= STORY_WORDS:
            text = "\n\n".join(p["notes"] for p in parts)
            stories.append((f"story-{len(stories)}", text, _published(parts[-1])))
            words, parts = 0, []
            if len(stories) >= n_stories:
                break
    return notes, stories


def _published(row: dict) -> date:
    return date.fromisoformat(row["event_date"]) + timedelta(days=3)


def _in_fresh_process(stage: str, corpus: list[tuple], batch_size: int, ingest: bool = False) -> dict:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_measure, (stage, corpus, batch_size, ingest))


def _measure(stage: str, corpus: list[tuple], batch_size: int, ingest: bool = False) -> dict:
    """Runs in a child process: load, warm up, then time one pass over the corpus."""
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline()
    load_seconds = time.perf_counter() - started
    articles = [Article(origin=i, id=i, text=text, published=published) for i, text, published in corpus]

    def run(items: list[Article]) -> list:
        if stage == "eventwire":
            stream = pipeline.extract_many(items, batch_size=batch_size)
        else:
            stream = pipeline.nlp.pipe((a.text for a in items), batch_size=batch_size)
        # Keep results only to ingest them: held Docs would inflate the parse pass's peak RSS.
        return list(stream) if ingest else [sum(1 for _ in stream)]

    run(articles[:WARM_UP])
    wall, cpu = time.perf_counter(), time.process_time()
    results = run(articles)
    figures = _figures(len(articles), sum(len(t.split()) for _, t, _ in corpus),
                       time.perf_counter() - wall, time.process_time() - cpu, load_seconds)
    if ingest:
        figures["ingest_seconds"] = _time_ingest(results)
    return figures


def _figures(n: int, words: int, wall: float, cpu: float, load: float) -> dict:
    return {
        "articles": n,
        "words": words,
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "articles_per_second": round(n / wall, 1),
        "articles_per_cpu_second": round(n / cpu, 1),
        "seconds_per_1000_words": round(wall / words * 1000, 4),
        "seconds_per_article": round(wall / n, 4),
        "load_seconds": round(load, 2),
        # ru_maxrss is in kilobytes on Linux
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _ingest_overhead(notes: list[tuple], batch_size: int) -> dict | None:
    """Extract the notes, then ingest the results into a temporary SQLite store, timed apart."""
    if not notes:
        return None
    figures = _in_fresh_process("eventwire", notes, batch_size, ingest=True)
    return {"articles": figures["articles"], "extract_seconds": figures["seconds"],
            "ingest_seconds": figures["ingest_seconds"],
            "ingest_over_extract": round(figures["ingest_seconds"] / figures["seconds"], 3)}


def _time_ingest(results: list) -> float:
    from eventwire.model import InputError
    from eventwire.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/bench.db")
        started = time.perf_counter()
        for result in results:
            if not isinstance(result, InputError):
                store.ingest(*result)
        seconds = time.perf_counter() - started
        store.close()
    return round(seconds, 2)


def format_report(report: dict) -> str:
    header = ["corpus", "stage", "articles", "words", "seconds", "art/s", "art/cpu-s", "s/1k words",
              "s/article", "peak RSS MB"]
    keys = ["articles", "words", "seconds", "articles_per_second", "articles_per_cpu_second",
            "seconds_per_1000_words", "seconds_per_article", "peak_rss_mb"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for run in report["runs"]:
        lines.append("| " + " | ".join([run["corpus"], run["stage"], *(str(run[k]) for k in keys)]) + " |")
    lines.append("")
    by = {(r["corpus"], r["stage"]): r for r in report["runs"]}
    for corpus in dict.fromkeys(r["corpus"] for r in report["runs"]):
        ratio = by[(corpus, "eventwire")]["seconds"] / by[(corpus, "spacy parse")]["seconds"]
        lines.append(f"{corpus}: eventwire takes {ratio:.2f}x the time of the bare spaCy parse")
    lines.append(f"model load: {report['runs'][0]['load_seconds']} s; batch size {report['batch_size']}; "
                 f"machine: {report['cpu_count']} cores, one process")
    ingest = report["ingest"]
    if ingest:
        lines.append(f"ingest into SQLite: {ingest['ingest_seconds']} s for {ingest['articles']} notes extracted in "
                     f"{ingest['extract_seconds']} s ({ingest['ingest_over_extract']:.2f}x the extract time)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
