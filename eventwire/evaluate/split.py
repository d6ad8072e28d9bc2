"""The fixed split of the development data: what is tuned on is never what is reported."""
from __future__ import annotations

import hashlib


def is_report_row(event_id: str) -> bool:
    """20% of ACLED rows, by a hash of their id: the rows `eventwire eval` reports on."""
    return int(hashlib.sha256(event_id.encode()).hexdigest(), 16) % 5 == 0


def in_split(item_id: str, split: str) -> bool:
    """Whether an item belongs to ``split``: "report" (20%), "tune" (the other 80%) or "all"."""
    if split == "all":
        return True
    return is_report_row(item_id) == (split == "report")
