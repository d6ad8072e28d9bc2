"""CAMEO verb patterns: the verbs of verbal and material cooperation and conflict that the ACLED
trigger lexicon leaves out ("renewed ties", "signed a protocol", "chided", "hosted").

Public entry point: ``verb_patterns()``, the rows of data/cameo_verbs.tsv in the shape of
triggers.tsv rows, so detection reads both lexicons alike. A pattern names only its CAMEO code;
its PLOVER type and mode are the code's own (cameo.tsv), so the two codings never disagree.
"""
from __future__ import annotations

from functools import lru_cache

from .datafiles import read_tsv
from .typology import plover_for_cameo


@lru_cache(maxsize=1)
def verb_patterns() -> tuple[dict[str, str], ...]:
    """('renew', 'VERB', 'tie|ties|...', '054', '-', '0.6') -> the same row with plover_type SUPPORT.
    ValueError for a code without a PLOVER type (01x statements) or unknown to CAMEO."""
    return tuple(_trigger_row(row) for row in read_tsv("cameo_verbs.tsv"))


def _trigger_row(row: dict[str, str]) -> dict[str, str]:
    try:
        plover_type, plover_mode = plover_for_cameo(row["cameo"])
    except KeyError:
        raise ValueError(f"cameo_verbs.tsv: {row['lemma']}: CAMEO code {row['cameo']} has no PLOVER type") from None
    return row | {"plover_type": plover_type, "plover_mode": plover_mode or "-"}
