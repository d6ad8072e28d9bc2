"""Build eventwire/data/cameo.tsv: every CAMEO event code, its description and its PLOVER type/mode.

    pip download --no-deps gdeltforge==0.14.0 && unzip -o gdeltforge-0.14.0-py3-none-any.whl 'gdeltforge/data/*'
    python scripts/build_cameo.py --codes gdeltforge/data/cameo_codes.json \
        --crosswalk ../shared/data/cameo2plover.txt

Sources: the CAMEO descriptions come from gdeltforge's cameo_codes.json (Apache-2.0); the
PLOVER types and modes from the PLOVER project's CAMEO-to-PLOVER table (MIT, Schrodt 2021).
That table stops at 185; the rest (175, 186, 19x, 20x and three CAMEO 1.1b3 additions) is in EXTRA below, taken from the
PLOVER repository's CAMEO2PLOVER-2021.txt. Mode names are then brought to PLOVER v1 (MODE_V1).
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "cameo.tsv"

# Codes the shared crosswalk lacks: openeventdata/PLOVER CAMEO2PLOVER-2021.txt, except the
# aerial codes, which PLOVER v1 gives their own modes (the 2021 table still said heavy-weapons).
EXTRA = {
    "155": ("MOBILIZE", None),  # cyber-forces (CAMEO 1.1b3 additions)
    "175": ("ASSAULT", "crowd-control"),  # use tactics of violent repression
    "176": ("COERCE", None),  # attack cybernetically: no physical violence
    "1834": ("ASSAULT", "explosives"),  # location bombing, like the car and roadside bombings
    "186": ("ASSAULT", "targeted"),
    "190": ("ASSAULT", None),
    "193": ("ASSAULT", "firearms"),
    "194": ("ASSAULT", "heavy-weapons"),
    "195": ("ASSAULT", "aerial"),
    "1951": ("ASSAULT", "aerial"),
    "1952": ("ASSAULT", "drone"),
    "196": ("ASSAULT", None),  # violate ceasefire
    "200": ("ASSAULT", "unconventional"),
    "201": ("COERCE", "deport"),  # mass expulsion
    "202": ("ASSAULT", None),
    "203": ("ASSAULT", None),
    "204": ("ASSAULT", "unconventional"),
    "2041": ("ASSAULT", "unconventional"),
    "2042": ("ASSAULT", "unconventional"),
}
# PLOVER merged CAMEO 02 (appeal) into REQUEST with CAMEO 10 (demand): same modes as the 10x twin.
APPEAL_MODE = {"021": "assist", "022": "assist", "023": "assist", "024": "change", "025": "yield",
               "026": "meet", "027": "meet", "028": "meet"}
# 2021 draft mode names -> PLOVER v1 names.
MODE_V1 = {"assassinate": "targeted", "confiscate": "seize"}
# Codes whose 2021 mode is not an ASSAULT mode in v1: property destruction is "destroy".
OVERRIDE = {"1712": ("ASSAULT", "destroy")}
LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*)")


def crosswalk(path: Path) -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = LINE.match(line)
        if match:
            mode = match.group(3).strip() or None
            table[match.group(1)] = (match.group(2), MODE_V1.get(mode, mode))
    return table


def plover_of(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    if code in OVERRIDE or code in EXTRA:
        return OVERRIDE.get(code) or EXTRA[code]
    if code.startswith("02"):
        return "REQUEST", APPEAL_MODE.get(code[:3])
    if code in table:
        return table[code]
    if len(code) == 2:  # a root takes its base code's type, without a mode ("18" -> "180")
        base = plover_of(code + "0", table)
        return (base[0], None) if base else None
    return None  # 01x statements: PLOVER does not code them


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--codes", type=Path, required=True)
    parser.add_argument("--crosswalk", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    names = json.loads(args.codes.read_text(encoding="utf-8"))["EVENT_CODES"]
    table = crosswalk(args.crosswalk)
    lines = [
        "# CAMEO event codes (2-4 digits) with their description and PLOVER type and mode ('-': none).",
        "# Built by scripts/build_cameo.py from gdeltforge's cameo_codes.json (Apache-2.0) and the PLOVER",
        "# project's CAMEO-to-PLOVER table (MIT). 01x statements have no PLOVER type.",
        "code\tname\tplover_type\tplover_mode",
    ]
    for code in sorted(c for c in names if c.isdigit()):
        plover_type, mode = plover_of(code, table) or ("-", None)
        lines.append(f"{code}\t{names[code].strip()}\t{plover_type}\t{mode or '-'}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(lines) - 4} codes")


if __name__ == "__main__":
    main()
