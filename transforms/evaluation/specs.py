"""Score the tagger on Microsoft Recognizers-Text DateTime specs (extent and resolved period), pure.

Two spec formats: the model format (`TypeName`, `Resolution.values` with `value` or `start`/`end`)
and the component parser/extractor format (`Type`, `Value.FutureResolution`/`PastResolution` with
`date` or `startDate`/`endDate`; extractor files have no value). Their ranges are end-EXCLUSIVE;
a system period is right when it equals the gold period of any alternative (past or future).
Matching and counting follow the acceptance checks' `score_specs.py` (TempEval-3 style: value F1 =
right date-like pairs over the mean of gold and system date-like counts).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

DATE_LIKE = ("date", "daterange", "datetime", "datetimerange", "time", "timerange")
SEPARATE = ("duration", "set")
DEFAULT_REF = "2016-11-07"
SEASONS = {
    "SP": ((3, 1), (5, 31), (3, 21), (6, 20)),
    "SU": ((6, 1), (8, 31), (6, 21), (9, 22)),
    "FA": ((9, 1), (11, 30), (9, 23), (12, 20)),
    "AU": ((9, 1), (11, 30), (9, 23), (12, 20)),
    "WI": ((12, 1), None, (12, 21), (3, 20)),
}

Period = tuple[dt.date | None, dt.date | None]


@dataclass
class Gold:
    start: int
    end: int
    category: str
    periods: set[Period] | None  # None: an extractor spec (no value to check)


@dataclass
class Case:
    text: str
    ref: dt.date
    golds: list[Gold]


def lower(s: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def gold_span(inp: str, r: dict) -> tuple[int, int] | None:
    s, e, text = r.get("Start"), r.get("End"), r.get("Text") or ""
    if not text:
        return None
    if e is None and isinstance(s, int) and isinstance(r.get("Length"), int):
        e = s + r["Length"] - 1
    li, lt = lower(inp), lower(text)
    if isinstance(s, int) and s >= 0:
        if isinstance(e, int) and li[s : e + 1] == lt:
            return s, e + 1
        if li[s : s + len(text)] == lt:
            return s, s + len(text)
    hits = [m.start() for m in re.finditer(re.escape(lt), li)]
    if hits:
        k = min(hits, key=lambda h: abs(h - (s if isinstance(s, int) else 0)))
        return k, k + len(text)
    return None


def parse_day(s) -> tuple[dt.datetime | None, bool]:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?", str(s or "").strip())
    if not m:
        return None, False
    try:
        return dt.datetime(*(int(x) for x in m.groups(default="0"))), m.group(4) is not None
    except ValueError:
        return None, False


def season_periods(timex: str) -> set[Period]:
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", timex or "")
    if not m:
        return set()
    y = int(m.group(1))
    a, b, c, d = SEASONS[m.group(2)]
    out = set()
    out.add((dt.date(y, *a), dt.date(y + 1, 3, 1) - dt.timedelta(days=1) if b is None else dt.date(y, *b)))
    out.add((dt.date(y, *c), dt.date(y + (1 if d < c else 0), *d)))
    return out


def exclusive_period(start, end) -> Period:
    s, _ = parse_day(start)
    e, has_time = parse_day(end)
    sd = s.date() if s else None
    ed = None
    if e:
        ed = (e - dt.timedelta(seconds=1)).date() if has_time else (e - dt.timedelta(days=1)).date()
    if sd and ed and ed < sd:
        ed = sd
    return sd, ed


def model_periods(r: dict, category: str, ref: dt.date) -> set[Period]:
    if category in ("time", "timerange"):
        return {(None, None), (ref, ref)}
    out: set[Period] = set()
    for v in (r.get("Resolution") or {}).get("values") or []:
        if "value" in v and v["value"] != "not resolved":
            d, _ = parse_day(v["value"])
            out.add((d.date(), d.date()) if d else (None, None))
        elif "start" in v or "end" in v:
            out.add(exclusive_period(v.get("start"), v.get("end")))
        else:
            out.update(season_periods(v.get("timex")) or {(None, None)})
    return out or {(None, None)}


def parser_periods(r: dict, category: str, ref: dt.date) -> set[Period]:
    if category in ("time", "timerange"):
        return {(None, None), (ref, ref)}
    value = r.get("Value") or {}
    out: set[Period] = set()
    for key in ("FutureResolution", "PastResolution"):
        res = value.get(key) or {}
        for k in ("date", "dateTime"):
            if k in res:
                d, _ = parse_day(res[k])
                out.add((d.date(), d.date()) if d else (None, None))
        if "startDate" in res or "endDate" in res:
            out.add(exclusive_period(res.get("startDate"), res.get("endDate")))
        if "startDateTime" in res or "endDateTime" in res:
            out.add(exclusive_period(res.get("startDateTime"), res.get("endDateTime")))
    if not out:
        out.update(season_periods(value.get("Timex")) or {(None, None)})
    return out


def category_of(r: dict) -> str:
    name = r.get("TypeName") or r.get("Typename") or r.get("Type") or ""
    short = name.split(".")[-1].lower()
    return short if short in DATE_LIKE + SEPARATE else "other"


def read_cases(spec: list[dict]) -> tuple[list[Case], int]:
    """The cases, and how many gold results had no recoverable span (dropped)."""
    cases, dropped = [], 0
    for case in spec:
        inp = case.get("Input") or ""
        ref = dt.date.fromisoformat(
            ((case.get("Context") or {}).get("ReferenceDateTime") or DEFAULT_REF)[:10]
        )
        golds = []
        for r in case.get("Results") or []:
            span = gold_span(inp, r)
            if span is None:
                dropped += 1
                continue
            cat = category_of(r)
            if cat not in DATE_LIKE:
                periods = None
            elif "Resolution" in r:
                periods = model_periods(r, cat, ref)
            elif "values" in (r.get("Value") or {}):  # the merged-parser files use the model's resolution
                periods = model_periods({"Resolution": r["Value"]}, cat, ref)
            elif "Value" in r:
                periods = parser_periods(r, cat, ref)
            else:
                periods = None
            golds.append(Gold(span[0], span[1], cat, periods))
        cases.append(Case(inp, ref, golds))
    return cases, dropped


@dataclass
class SpecScore:
    gold: int = 0  # date-like gold results
    system: int = 0  # date-like system timexes
    relaxed: int = 0
    strict: int = 0
    right: int = 0  # date-like pairs whose period is right
    valued: int = 0  # matched date-like pairs whose gold has a value
    errors: list[str] = field(default_factory=list)

    def value_f1(self) -> float:
        """TempEval-3 style: right date-like pairs over the mean of gold and system date-like counts."""
        return self.right / ((self.gold + self.system) / 2) if self.gold + self.system else 0.0

    def f1(self, hit: int) -> float:
        p = hit / self.system if self.system else 0.0
        r = hit / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, o: SpecScore) -> None:
        for k in ("gold", "system", "relaxed", "strict", "right", "valued"):
            setattr(self, k, getattr(self, k) + getattr(o, k))
        self.errors += o.errors


def score_case(case: Case, timexes: list[dict]) -> SpecScore:
    """`timexes`: dicts with start, end, type, date_start, date_end (ISO strings or None)."""
    s = SpecScore()
    items = [(t["start"], t["end"], str(t.get("type") or "").upper(), t) for t in timexes]
    pairs = []
    for gi, g in enumerate(case.golds):
        for si, (ss, se, _, _) in enumerate(items):
            if ss < g.end and g.start < se:
                pairs.append(((ss, se) != (g.start, g.end), -(min(g.end, se) - max(g.start, ss)), gi, si))
    g_used: dict[int, int] = {}
    s_used: dict[int, int] = {}
    for _, _, gi, si in sorted(pairs):
        if gi not in g_used and si not in s_used:
            g_used[gi], s_used[si] = si, gi
    s.gold = sum(1 for g in case.golds if g.category in DATE_LIKE)
    for gi, si in g_used.items():
        g = case.golds[gi]
        ss, se, _, t = items[si]
        if g.category not in DATE_LIKE:
            continue
        s.relaxed += 1
        s.strict += (ss, se) == (g.start, g.end)
        if g.periods is not None:
            s.valued += 1
            mine = (day(t.get("date_start")), day(t.get("date_end")))
            ok = mine in g.periods
            s.right += ok
            if not ok:
                s.errors.append(
                    f"value  {case.text[g.start : g.end]!r} in {case.text!r} (ref {case.ref}): "
                    f"got {mine}, want {sorted(g.periods, key=str)[:2]}"
                )
    for si, (ss, se, typ, _) in enumerate(items):
        if si in s_used:
            s.system += case.golds[s_used[si]].category in DATE_LIKE
        elif typ not in ("DURATION", "SET"):
            s.system += 1
            s.errors.append(f"extra  {case.text[ss:se]!r} in {case.text!r}")
    for gi, g in enumerate(case.golds):
        if gi not in g_used and g.category in DATE_LIKE:
            s.errors.append(f"missed {case.text[g.start : g.end]!r} ({g.category}) in {case.text!r}")
    return s


def day(x) -> dt.date | None:
    if x in (None, ""):
        return None
    d, _ = parse_day(str(x)[:10])
    return d.date() if d else None
