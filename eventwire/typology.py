"""The typologies users code to: ACLED types, PLOVER types and modes, CAMEO codes.

Public entry points: ``ACLED_SUB_EVENT_TYPES``, ``acled_event_type``, ``acled_for``,
``disorder_type``. Data: data/acled_types.tsv (ACLED codebook names) and
data/acled_options.tsv (which ACLED sub-event types each PLOVER type may take).
"""
from __future__ import annotations

from functools import lru_cache

from .datafiles import read_tsv

# Events of these PLOVER types are not political violence, protest or a strategic
# development in ACLED's sense ("Assad spoke to his Emirati counterpart"): ACLED codes nulls.
_NOT_ACLED = {"CONSULT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "COOPERATE", "AID", "SANCTION"}


@lru_cache(maxsize=1)
def _acled_rows() -> tuple[dict[str, str], ...]:
    return tuple(read_tsv("acled_types.tsv"))


@lru_cache(maxsize=1)
def _event_types() -> dict[str, str]:
    return {row["sub_event_type"]: row["event_type"] for row in _acled_rows()}


ACLED_SUB_EVENT_TYPES: tuple[str, ...] = tuple(row["sub_event_type"] for row in _acled_rows())


def acled_event_type(sub_event_type: str) -> str:
    """'Air/drone strike' -> 'Explosions/Remote violence'. KeyError for a name not in the codebook."""
    return _event_types()[sub_event_type]


@lru_cache(maxsize=1)
def acled_options() -> dict[str, frozenset[str]]:
    """ACLED sub-event types an event of each PLOVER type may be coded to."""
    options: dict[str, set[str]] = {}
    for row in read_tsv("acled_options.tsv"):
        options.setdefault(row["plover_type"], set()).add(row["sub_event_type"])
    return {k: frozenset(v) for k, v in options.items()}


def acled_for(plover_type: str, mode: str | None = None) -> tuple[str | None, str | None]:
    """The ACLED coding of an event type whose trigger fixes no sub-event type."""
    if plover_type in _NOT_ACLED:
        return None, None
    defaults = {"AGREE": "Agreement", "RETREAT": "Non-violent transfer of territory", "CONCEDE": "Change to group/activity",
                "MOBILIZE": "Other", "COERCE": "Arrests" if mode == "arrest" else "Other", "PROTEST": "Peaceful protest",
                "ASSAULT": "Attack"}
    sub = defaults.get(plover_type)
    return (acled_event_type(sub), sub) if sub else (None, None)


def disorder_type(sub_event_type: str | None) -> str | None:
    """ACLED's disorder_type column: Political violence, Demonstrations, both, or Strategic developments."""
    row = next((r for r in _acled_rows() if r["sub_event_type"] == sub_event_type), None)
    if row is None:
        return None
    if row["demonstrations"] == "1":
        return "Political violence; Demonstrations" if row["political_violence"] == "1" else "Demonstrations"
    return "Political violence" if row["political_violence"] == "1" else "Strategic developments"
