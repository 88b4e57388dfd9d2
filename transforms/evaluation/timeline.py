"""Score extracted events against a hand-made reference timeline (format: docs/gold-format.md).

An extracted event is a candidate for a reference event when its sentence contains one of the
cues (after NFKC, quote/dash folding, case and white-space folding). A candidate is dated right
when its [date_start, date_end] lies inside an accepted envelope and spans at least `min_days`;
`accept: null` is right only undated; `start_within` checks the start of an open interval.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").translate(QUOTES)
    return re.sub(r"\s+", " ", s).strip().casefold()


def as_day(x) -> dt.date | None:
    if x is None:
        return None
    return x if isinstance(x, dt.date) else dt.date.fromisoformat(str(x)[:10])


def dated_right(ev: dict, start: dt.date | None, end: dt.date | None) -> bool:
    if ev.get("accept", "absent") is None:
        return start is None
    if start is None or end is None:
        return False
    if "start_within" in ev:
        lo, hi = map(dt.date.fromisoformat, ev["start_within"])
        return lo <= start <= hi
    if (end - start).days + 1 < ev.get("min_days", 1):
        return False
    return any(dt.date.fromisoformat(a) <= start and end <= dt.date.fromisoformat(b) for a, b in ev["accept"])


@dataclass
class TimelineScore:
    required: int = 0
    required_total: int = 0
    right: int = 0
    total: int = 0
    invented: int = 0
    traps: int = 0
    dct_right: int = 0
    dct_total: int = 0
    lines: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"timeline: required {self.required}/{self.required_total}, all {self.right}/{self.total} dated "
            f"right; invented {self.invented}; traps {self.traps}; dct {self.dct_right}/{self.dct_total}"
        )


def score_timeline(gold: dict, events: list[dict], documents: list[dict]) -> TimelineScore:
    """`events`: dicts with source_name, sentence, date_start, date_end; `documents`: source_name,
    published_start, published_end."""
    preds: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    for e in events:
        name = str(e["source_name"]).rsplit("/", 1)[-1]
        preds.setdefault(name, []).append(
            (norm(e["sentence"]), as_day(e["date_start"]), as_day(e["date_end"]))
        )
    docs = {
        str(d["source_name"]).rsplit("/", 1)[-1]: (as_day(d["published_start"]), as_day(d["published_end"]))
        for d in documents
    }
    s = TimelineScore()
    for name, d in gold["documents"].items():
        mine = preds.get(name, [])
        for ev in d["events"]:
            cues = [norm(c) for c in ev["cues"]]
            cands = [p for p in mine if any(c in p[0] for c in cues)]
            ok = any(dated_right(ev, a, b) for _, a, b in cands)
            s.total += 1
            s.right += ok
            if ev.get("required"):
                s.required_total += 1
                s.required += ok
            if ev.get("accept", "absent") is None:
                s.invented += sum(a is not None for _, a, _ in cands)
            mark = "ok  " if ok else ("DATE" if cands else "MISS")
            got = sorted({(str(a), str(b)) for _, a, b in cands})[:3]
            s.lines.append(f"{mark} {ev['id']:28s} {'req' if ev.get('required') else 'opt'} got {got}")
        for trap in d.get("must_not", []):
            bad = [p for p in mine if p[1] is not None and norm(trap) in p[0]]
            s.traps += len(bad)
            if bad:
                s.lines.append(f"TRAP {name}: {len(bad)} dated event(s) from text containing {trap!r}")
        if name in docs or d.get("published") is not None:
            s.dct_total += 1
            want, have = d.get("published"), docs.get(name)
            if want is None:
                good = have is not None and have[0] is None
            else:
                good = have == (dt.date.fromisoformat(want["start"]), dt.date.fromisoformat(want["end"]))
            s.dct_right += good
            if not good:
                s.lines.append(f"DCT  {name}: want {want and (want['start'], want['end'])} got {have}")
    return s
