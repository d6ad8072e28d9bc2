"""Reading the lexicons and mappings shipped in eventwire/data (formats: docs/data-files.md)."""
from __future__ import annotations

import csv
from importlib import resources


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file in eventwire/data; '#' lines are its documentation."""
    text = resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))
