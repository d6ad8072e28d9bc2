"""``eventwire eval``: score the extractor against the expert-coded development data.

Prints one table per task (with the issue's target beside the figures it sets one for) and
writes every figure, per-country and per-label breakdowns included, with ``--json FILE``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import import_module
from pathlib import Path

from .common import GoldError

# task -> (scorer module, gold file under --data); the seed ships in the repository.
TASKS = {
    "acled": ("acled", "acled_dev.csv"),
    "case": ("case", "case2021_task2_dev.tsv"),
    "petrarch": ("petrarch", "petrarch_unittest_records.xml"),
    "location": ("location", "event_location_labeled_text.jsonl.zip"),
    "plover": ("plover", "plover_gsr.json"),
    "seed": ("seed", None),
    "merge": ("merge", "acled_dev.csv"),
    "roundup": ("roundup", "acled_dev.csv"),
}
# Figures issue 3 asks for, on the column that is scored strictly (the top event).
TARGETS = {
    ("acled", "sub_event_macro_f1"): 0.70,
    ("acled", "sub_event_type"): 0.80,
    ("acled", "admin1"): 0.85,
    ("acled", "location_25km"): 0.75,
    ("acled", "fatalities_exact"): 0.90,
    ("acled", "event_date"): 0.95,
    ("acled", "actor1_country"): 0.85,
    ("case", "weighted_f1_25"): 0.80,
    ("petrarch", "cameo_root"): 0.70,
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="score the extractor against expert-coded gold data",
        description="Run the pipeline over the development data and print the figures per task. "
        "ACLED rows and CASE snippets are scored on the report split (20%, never tuned on) unless --split says otherwise.",
    )
    p.add_argument("--data", metavar="DIR", help="gold data folder (default $EVENTWIRE_DATA, else ../shared/data)")
    p.add_argument("--only", type=_tasks, default=list(TASKS), metavar="TASKS",
                   help=f"comma-separated tasks among {','.join(TASKS)} (default all)")
    p.add_argument("--limit", type=int, metavar="N", help="score at most N gold items per task (quick runs)")
    p.add_argument("--split", choices=["report", "tune", "all"], default="report",
                   help="ACLED rows and CASE snippets scored: the report split (default, 20%%, never tuned on), "
                   "the tuning split (the other 80%%, for development) or all of them (slow)")
    p.add_argument("--json", metavar="FILE", help="also write every figure as JSON to FILE")
    p.set_defaults(func=_cmd_eval)


def _tasks(text: str) -> list[str]:
    tasks = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [t for t in tasks if t not in TASKS]
    if unknown or not tasks:
        raise argparse.ArgumentTypeError(f"unknown task(s) {', '.join(unknown) or '(none)'}; choose among {','.join(TASKS)}")
    return tasks


def _cmd_eval(args: argparse.Namespace) -> int:
    from ..cli import Progress
    from ..pipeline import Pipeline

    data = Path(args.data or os.environ.get("EVENTWIRE_DATA") or Path("..") / "shared" / "data")
    if not data.is_dir() and any(TASKS[task][1] for task in args.only):
        print(f"eventwire: {data}: no such folder: give the gold data with --data DIR or $EVENTWIRE_DATA", file=sys.stderr)
        return 1
    pipeline = Pipeline()
    results, failed = {}, False
    for task in args.only:
        try:
            result = run_task(task, data, pipeline, args.limit, args.split, Progress())
        except (GoldError, FileNotFoundError) as err:
            print(f"eventwire: {err}", file=sys.stderr)
            failed = True
            continue
        if result is None:
            print(f"{task}: skipped (eventwire.evaluate.{TASKS[task][0]} is not there yet)\n")
            continue
        results[task] = result
        print(format_result(result))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if failed else 0


def run_task(task: str, data: Path, pipeline, limit: int | None, split: str, progress=None) -> dict | None:
    """The task's figures; None when its scorer is not part of this version."""
    module_name, filename = TASKS[task]
    try:
        module = import_module(f"{__package__}.{module_name}")
    except ModuleNotFoundError as err:
        if err.name != f"{__package__}.{module_name}":
            raise
        return None
    path = data / filename if filename else None
    if path is not None and not path.exists():
        raise FileNotFoundError(f"{path}: not found: the {task} task needs it (see ../shared/data/README.md)")
    kwargs = {"split": split} if task in ("acled", "case", "merge", "roundup") else {}
    if task != "merge":  # the store helper's scorer takes the interface's three arguments only
        kwargs["progress"] = progress
    return getattr(module, f"score_{task}")(str(path) if path else None, pipeline, limit=limit, **kwargs)


def format_result(result: dict) -> str:
    """The task's metrics as a text table, with the targets issue 3 sets."""
    metrics = result["metrics"]
    columns = [c for c in ("top", "any", "value") if any(c in v for v in metrics.values())]
    header = result["task"] + ": " + ", ".join(
        f"{k}={v}" for k, v in result.items() if k not in ("task", "file") and isinstance(v, (int, float, str))
    )
    lines = [header, _row(["metric", *columns, "target"])]
    for name, values in metrics.items():
        target = TARGETS.get((result["task"], name))
        strict = values.get("top", values.get("value"))
        verdict = "" if target is None else f">={target:.2f} {'ok' if strict is not None and strict >= target else 'SHORT'}"
        lines.append(_row([name, *(_fmt(values.get(c)) for c in columns), verdict]))
    if "by_country" in result:
        lines += ["", _by_country(result["by_country"])]
    if "failures" in result:
        lines += [f"  FAIL {name}: {why}" for name, why in result["failures"].items()]
    return "\n".join(lines) + "\n"


def _by_country(by_country: dict, min_rows: int = 20) -> str:
    """Top-event figures of the countries with ``min_rows`` rows or more (--json has them all)."""
    names = ["sub_event_type", "actor1_country", "admin1", "location_25km", "fatalities_exact", "event_date"]
    lines = [_row(["country", "n", *names])]
    lines += [_row([c, str(v["n"]), *(_fmt(v[m]) for m in names)]) for c, v in by_country.items() if v["n"] >= min_rows]
    rest = sum(v["n"] for v in by_country.values() if v["n"] < min_rows)
    return "\n".join(lines + ([f"  ({rest} rows of countries with fewer than {min_rows}: see --json)"] if rest else []))


def _row(cells: list[str]) -> str:
    return f"  {cells[0]:<30}" + "".join(f"{c:>18}" for c in cells[1:])


def _fmt(value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)
