"""Score extracted events against a hand-made reference timeline (format: docs/gold-format.md).

The same figures, with the same rules, as the acceptance checks' scorer (../shared/tools/score_timeline.py):

- An extracted event is a candidate for a reference event when its sentence contains one of the cues
  (after NFKC, quote/dash folding, case and white-space folding). Where several rows share the sentence
  (one per clause), the candidates are those whose trigger lies inside a cue, where there are such.
- A candidate is dated right when its [date_start, date_end] lies inside an accepted envelope and spans
  at least `min_days`; `accept: null` is right only undated; `start_within` checks the start of an open
  interval.
- What the rows say is judged on the best candidate (one dated right if any, then one of the right
  type): its type, its status, and its actors, locations and quantities as precision and recall.

    >>> score = score_timeline(gold, events, documents)
    >>> score.events_line()   # 'events: type 3/4 right; status ...; rows 12, 2 match no reference event ...'
    >>> score.summary()       # 'timeline: required 1/1, all 3/4 dated right; invented 0; traps 0; dct 2/2'
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

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
# The export columns the scorer reads beyond source_name, sentence, date_start and date_end, when present.
OPTIONAL_COLUMNS = ("event_type", "actors", "locations", "quantities", "status", "trigger")


def norm(s: str | None) -> str:
    """Compare texts as a reader would: Unicode-normalised, quotes and dashes folded, white space and case
    ignored."""
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


def same_name(a: str, b: str) -> bool:
    """'Starmer' names 'Keir Starmer'; 'politie' is part of 'de Belgische politie'."""
    a, b = norm(a), norm(b)
    return bool(a and b) and (a in b or b in a)


def close(a: float, b: float) -> bool:
    """Two stated amounts are the same within half a percent (or 0.005 near zero)."""
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1)


@dataclass(frozen=True)
class Row:
    """One exported event as the scorer sees it."""

    sentence: str  # normalised
    start: dt.date | None
    end: dt.date | None
    event_type: str | None
    status: str | None
    trigger: str  # normalised; "" when the export has none
    actors: list[str]
    locations: list[str]
    quantities: list[float]

    @classmethod
    def of(cls, e: dict) -> Row:
        return cls(
            sentence=norm(e["sentence"]),
            start=as_day(e["date_start"]),
            end=as_day(e["date_end"]),
            event_type=e.get("event_type"),
            status=e.get("status"),
            trigger=norm(e.get("trigger")),
            actors=list(e.get("actors") or []),
            locations=list(e.get("locations") or []),
            quantities=[q["value"] for q in (e.get("quantities") or []) if q and q.get("value") is not None],
        )


@dataclass
class Match:
    """Precision and recall counts: reference items found, of how many; row items right, of how many."""

    found: int = 0
    wanted: int = 0
    right: int = 0
    given: int = 0

    def add(self, found: int, wanted: int, right: int, given: int) -> None:
        self.found += found
        self.wanted += wanted
        self.right += right
        self.given += given

    def prf(self) -> str:
        p = self.right / self.given if self.given else 0.0
        r = self.found / self.wanted if self.wanted else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.2f} R {r:.2f} F1 {f:.2f}"


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
    # what the best candidates say
    type_right: int = 0
    type_total: int = 0
    status_right: int = 0
    status_total: int = 0
    other_status_right: int = 0  # of the reference events that did not simply happen
    other_status_total: int = 0
    actors: Match = field(default_factory=Match)
    locations: Match = field(default_factory=Match)
    quantities: Match = field(default_factory=Match)
    rows: int = 0
    unmatched: int = 0  # rows that are a candidate for no reference event
    unmatched_dated: int = 0
    non_events: int = 0  # rows from a not_events text
    lines: list[str] = field(default_factory=list)

    def events_line(self) -> str:
        return "events: " + "; ".join(
            [
                f"type {self.type_right}/{self.type_total} right",
                f"status {self.status_right}/{self.status_total} right"
                f" ({self.other_status_right}/{self.other_status_total} of the not happened)",
                f"actors {self.actors.prf()}",
                f"locations {self.locations.prf()}",
                f"quantities {self.quantities.prf()}",
                f"rows {self.rows}, {self.unmatched} match no reference event ({self.unmatched_dated} dated), "
                f"{self.non_events} non-events",
            ]
        )

    def summary(self) -> str:
        return (
            f"timeline: required {self.required}/{self.required_total}, all {self.right}/{self.total} dated "
            f"right; invented {self.invented}; traps {self.traps}; dct {self.dct_right}/{self.dct_total}"
        )


def candidates(ev: dict, rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """(every row whose sentence holds a cue, the candidates among them): where several rows share the
    sentence, those whose trigger lies inside a cue, when there are such."""
    cues = [norm(c) for c in ev["cues"]]
    holding = [p for p in rows if any(c in p.sentence for c in cues)]
    own = [p for p in holding if p.trigger and any(p.trigger in c for c in cues)]
    return holding, own or holding


def score_content(ev: dict, cands: list[Row], s: TimelineScore) -> None:
    """What the best candidate says against the reference: a field the reference leaves out (None) is
    not scored. The best is one dated right if any, then one of the right type (the first such row)."""
    best = max(cands, key=lambda p: (dated_right(ev, p.start, p.end), p.event_type == ev.get("type")))
    if ev.get("type"):
        s.type_total += 1
        s.type_right += best.event_type == ev["type"]
    if ev.get("status"):
        s.status_total += 1
        s.status_right += best.status == ev["status"]
        if ev["status"] != "happened":
            s.other_status_total += 1
            s.other_status_right += best.status == ev["status"]
    for want, have, match in (
        (ev.get("actors"), best.actors, s.actors),
        (ev.get("locations"), best.locations, s.locations),
    ):
        if want is None:
            continue
        match.add(
            sum(any(same_name(w, h) for h in have) for w in want),
            len(want),
            sum(any(same_name(w, h) for w in want) for h in have),
            len(have),
        )
    if ev.get("quantities") is not None:
        values = [q["value"] for q in ev["quantities"] if q.get("value") is not None]
        have = best.quantities
        s.quantities.add(
            sum(any(close(w, h) for h in have) for w in values),
            len(values),
            sum(any(close(w, h) for w in values) for h in have),
            len(have),
        )


def score_document(name: str, d: dict, mine: list[Row], published: tuple | None, s: TimelineScore) -> None:
    matched: set[int] = set()
    for ev in d["events"]:
        holding, cands = candidates(ev, mine)
        matched.update(id(p) for p in holding)
        ok = any(dated_right(ev, p.start, p.end) for p in cands)
        if cands:
            score_content(ev, cands, s)
        s.total += 1
        s.right += ok
        if ev.get("required"):
            s.required_total += 1
            s.required += ok
        if ev.get("accept", "absent") is None:
            s.invented += sum(p.start is not None for p in cands)
        mark = "ok  " if ok else ("DATE" if cands else "MISS")
        got = sorted({(str(p.start), str(p.end)) for p in cands})[:3]
        s.lines.append(f"{mark} {ev['id']:28s} {'req' if ev.get('required') else 'opt'} got {got}")
    for text in d.get("not_events", []):
        bad = [p for p in mine if norm(text) in p.sentence]
        s.non_events += len(bad)
        if bad:
            s.lines.append(f"NOTEV {name}: {len(bad)} row(s) from {text[:60]!r}")
    s.rows += len(mine)
    s.unmatched += sum(id(p) not in matched for p in mine)
    s.unmatched_dated += sum(id(p) not in matched and p.start is not None for p in mine)
    for trap in d.get("must_not", []):
        bad = [p for p in mine if p.start is not None and norm(trap) in p.sentence]
        s.traps += len(bad)
        if bad:
            s.lines.append(f"TRAP {name}: {len(bad)} dated event(s) from text containing {trap!r}")
    if published is not None or d.get("published") is not None:
        s.dct_total += 1
        want = d.get("published")
        if want is None:
            good = published is not None and published[0] is None
        else:
            good = published == (dt.date.fromisoformat(want["start"]), dt.date.fromisoformat(want["end"]))
        s.dct_right += good
        if not good:
            s.lines.append(f"DCT  {name}: want {want and (want['start'], want['end'])} got {published}")


def score_timeline(gold: dict, events: list[dict], documents: list[dict]) -> TimelineScore:
    """`events`: dicts with source_name, sentence, date_start, date_end and, where the export has them,
    the OPTIONAL_COLUMNS, in the export's row order (it decides between equally good candidates);
    `documents`: source_name, published_start, published_end."""
    rows: dict[str, list[Row]] = {}
    for e in events:
        rows.setdefault(PurePath(str(e["source_name"])).name, []).append(Row.of(e))
    published = {
        PurePath(str(d["source_name"])).name: (as_day(d["published_start"]), as_day(d["published_end"]))
        for d in documents
    }
    s = TimelineScore()
    for name, d in gold["documents"].items():
        score_document(name, d, rows.get(name, []), published.get(name), s)
    return s
