"""Build data/dev/dev.jsonl: each hand-written plain-English case in dev_base.jsonl, plus the same case
rewritten in police-log style (capitals, IP/SUSP/O/S/W/ abbreviations, a few common misspellings).

Run: .venv/bin/python data/dev/build_dev.py
The held-out set (heldout.jsonl) is written separately by hand and is never generated or tuned on.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (pattern, replacement) applied in order, case-insensitively, before upper-casing.
LOG_STYLE: list[tuple[str, str]] = [
    (r"\bthe victim's\b", "IPS"),
    (r"\bthe victim\b", "IP"),
    (r"\bvictim\b", "VIC"),
    (r"\bthe suspect's\b", "SUSPS"),
    (r"\bthe suspect\b", "SUSP"),
    (r"\bsuspect\b", "S/"),
    (r"^she\b", "IP"),
    (r"\. She\b", ". IP"),
    (r"^he\b", "SUSP"),
    (r"\. He\b", ". SUSP"),
    (r"\boutside\b", "O/S"),
    (r"\bwith\b", "W/"),
    (r"\bapproximately\b", "APPROX"),
    (r"\bmessages\b", "MSGS"),
    (r"\bmessage\b", "MSG"),
    (r"\breceived\b", "RECIEVED"),
    (r"\bharassment\b", "HARRASSMENT"),
    (r"\bthreatened\b", "THREATEND"),
    (r"\baddress\b", "ADRESS"),
    (r"\bneighbour\b", "NEIGHBOR"),
    (r"\bboyfriend\b", "BF"),
    (r"\bhours\b", "HRS"),
]


def to_log_style(text: str) -> str:
    out = text
    for pattern, repl in LOG_STYLE:
        out = re.sub(pattern, repl, out, flags=re.IGNORECASE)
    return out.upper()


def main() -> None:
    rows = [json.loads(line) for line in (HERE / "dev_base.jsonl").read_text().splitlines() if line.strip()]
    with (HERE / "dev.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps({**row, "style": "plain"}) + "\n")
        for row in rows:
            log = {**row, "id": row["id"] + "L", "style": "log", "text": to_log_style(row["text"])}
            fh.write(json.dumps(log) + "\n")
    print(f"wrote {2 * len(rows)} cases to {HERE / 'dev.jsonl'}")


if __name__ == "__main__":
    main()
