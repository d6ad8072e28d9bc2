"""The typologies users code to: ACLED types, PLOVER types and modes, CAMEO codes, and the
crosswalks between them.

Public entry points: ``ACLED_SUB_EVENT_TYPES``, ``PLOVER_TYPES``, ``acled_event_type``,
``disorder_type``, ``acled_options``, ``acled_for``, ``plover_for_acled``, ``plover_for_cameo``,
``cameo_for``, ``cameo_name``, ``plover_modes``, ``quad_class``. Data (formats in
docs/data-files.md): acled_types.tsv (ACLED codebook names and flags), plover.tsv (types,
quad classes, modes), cameo.tsv (CAMEO codes, descriptions, PLOVER type and mode),
crosswalk_acled.tsv (PLOVER -> ACLED defaults, with the reason for each row) and
acled_options.tsv (the ACLED sub-types the classifier may give each PLOVER type).
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .datafiles import read_tsv


@lru_cache(maxsize=1)
def _acled_rows() -> dict[str, dict[str, str]]:
    return {row["sub_event_type"]: row for row in read_tsv("acled_types.tsv")}


@lru_cache(maxsize=1)
def _plover_rows() -> dict[str, dict[str, str]]:
    return {row["plover_type"]: row for row in read_tsv("plover.tsv")}


ACLED_SUB_EVENT_TYPES: tuple[str, ...] = tuple(_acled_rows())
PLOVER_TYPES: tuple[str, ...] = tuple(_plover_rows())


def acled_event_type(sub_event_type: str) -> str:
    """'Air/drone strike' -> 'Explosions/Remote violence'. KeyError for a name not in the codebook."""
    return _acled_rows()[sub_event_type]["event_type"]


def disorder_type(sub_event_type: str | None) -> str | None:
    """ACLED's disorder_type column: Political violence, Demonstrations, both, or Strategic developments."""
    row = _acled_rows().get(sub_event_type or "")
    if row is None:
        return None
    if row["demonstrations"] == "1":
        return "Political violence; Demonstrations" if row["political_violence"] == "1" else "Demonstrations"
    return "Political violence" if row["political_violence"] == "1" else "Strategic developments"


@lru_cache(maxsize=1)
def acled_options() -> dict[str, frozenset[str]]:
    """ACLED sub-event types an event of each PLOVER type may be coded to."""
    options: dict[str, set[str]] = {}
    for row in read_tsv("acled_options.tsv"):
        options.setdefault(row["plover_type"], set()).add(row["sub_event_type"])
    return {k: frozenset(v) for k, v in options.items()}


def plover_modes(plover_type: str) -> tuple[str, ...]:
    """The PLOVER v1 modes of a type: 'ASSAULT' -> ('abduct', 'beat', ...). KeyError for an unknown type."""
    modes = _plover_rows()[plover_type]["modes"]
    return () if modes == "-" else tuple(modes.split("|"))


def quad_class(plover_type: str) -> int:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    return int(_plover_rows()[plover_type]["quad_class"])


# --- CAMEO -------------------------------------------------------------------------------------


class _Cameo(NamedTuple):
    name: str
    plover_type: str | None
    plover_mode: str | None


@lru_cache(maxsize=1)
def _cameo() -> dict[str, _Cameo]:
    return {
        row["code"]: _Cameo(row["name"], _dash(row["plover_type"]), _dash(row["plover_mode"]))
        for row in read_tsv("cameo.tsv")
    }


def _dash(value: str) -> str | None:
    return None if value == "-" else value


def cameo_name(code: str) -> str | None:
    """'195' -> 'Employ aerial weapons, not specified below'; None for a code CAMEO lacks."""
    entry = _cameo().get(code)
    return entry.name if entry else None


def plover_for_cameo(code: str) -> tuple[str, str | None]:
    """'195' -> ('ASSAULT', 'aerial'). A code missing from the table takes its parent's coding
    ('1954' -> '195'). KeyError for codes PLOVER does not code (01x statements) or CAMEO lacks."""
    table = _cameo()
    while code and code not in table:
        code = code[:-1] if len(code) > 2 else ""
    entry = table.get(code)
    if entry is None or entry.plover_type is None:
        raise KeyError(f"no PLOVER type for CAMEO code {code!r}")
    return entry.plover_type, entry.plover_mode


@lru_cache(maxsize=None)
def cameo_for(plover_type: str, mode: str | None = None) -> str | None:
    """The most typical CAMEO code of a PLOVER type and mode: the shortest, then lowest, code
    coded so ('ASSAULT', 'aerial') -> '195'. A mode no code carries falls back to the type."""
    codes = sorted((len(c), c) for c, e in _cameo().items() if e.plover_type == plover_type and len(c) > 2)
    exact = [c for _, c in codes if _cameo()[c].plover_mode == mode]
    if exact:
        return exact[0]
    return cameo_for(plover_type) if mode is not None else (codes[0][1] if codes else None)


# --- PLOVER -> ACLED ---------------------------------------------------------------------------


class _Crosswalk(NamedTuple):
    plover_type: str
    plover_mode: tuple[str, ...] | None  # None: any
    actor_type: tuple[str, ...] | None
    recipient_type: tuple[str, ...] | None
    object: tuple[str, ...] | None
    sub_event_type: str
    inverse: bool


def _any_or(value: str) -> tuple[str, ...] | None:
    return None if value == "*" else tuple(value.split("|"))


@lru_cache(maxsize=1)
def _crosswalk() -> tuple[_Crosswalk, ...]:
    return tuple(
        _Crosswalk(r["plover_type"], _any_or(r["plover_mode"]), _any_or(r["actor_type"]),
                   _any_or(r["recipient_type"]), _any_or(r["object"]), r["sub_event_type"], r["inverse"] == "1")
        for r in read_tsv("crosswalk_acled.tsv")
    )


def _matches(allowed: tuple[str, ...] | None, value: str | None) -> bool:
    return allowed is None or value in allowed


def acled_for(
    plover_type: str,
    mode: str | None = None,
    *,
    actor_types: tuple[str | None, str | None] = (None, None),
    object_kind: str | None = None,
) -> tuple[str | None, str | None]:
    """The default ACLED (event_type, sub_event_type) of a PLOVER event (crosswalk_acled.tsv).

    ``actor_types`` are the actor's and recipient's types (Actor.type); ``object_kind`` is what
    the event noun adds beyond the mode ('territory', 'weapons', 'base', 'grenade'):
    ('COERCE', 'seize', actor_types=('rebel_group', None), object_kind='territory') ->
    ('Battles', 'Non-state actor overtakes territory'). (None, None) for types ACLED does not
    code as events (CONSULT, ACCUSE, ...)."""
    actor, recipient = actor_types
    for row in _crosswalk():
        if (row.plover_type == plover_type and _matches(row.plover_mode, mode) and _matches(row.actor_type, actor)
                and _matches(row.recipient_type, recipient) and _matches(row.object, object_kind)):
            return acled_event_type(row.sub_event_type), row.sub_event_type
    return None, None


def plover_for_acled(sub_event_type: str) -> tuple[str, str | None]:
    """The PLOVER type and mode that typically code an ACLED sub-event type:
    'Air/drone strike' -> ('ASSAULT', 'aerial'). KeyError for a name not in the codebook."""
    for row in _crosswalk():
        if row.inverse and row.sub_event_type == sub_event_type:
            return row.plover_type, row.plover_mode[0] if row.plover_mode else None
    raise KeyError(sub_event_type)
