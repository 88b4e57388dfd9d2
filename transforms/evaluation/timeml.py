"""TempEval-3 scoring of TIMEX3 annotations (strict/relaxed extent, value and type), pure.

Attribute F1 as TempEval-3 counts it: attribute matches over relaxed matches, precision over all
system timexes, recall over all gold timexes. The creation time (an empty-extent or
functionInDocument=CREATION_TIME TIMEX3 outside <TEXT>) is not scored.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str


def read_timexes(raw: str) -> tuple[str, list[Span]]:
    """The plain text of <TEXT> and its TIMEX3 spans."""
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not m:
        return "", []
    body = m.group(1)
    text: list[str] = []
    out, open_ = [], []
    pos = 0
    for t in TAG.finditer(body):
        text.append(html.unescape(body[pos : t.start()]))
        pos = t.end()
        if t.group(2) != "TIMEX3":
            continue
        offset = sum(map(len, text))
        if t.group(1):
            if open_:
                start, a = open_.pop()
                out.append(Span(start, offset, a.get("type", ""), a.get("value", "")))
        elif not t.group(4):
            open_.append((offset, dict(ATTR.findall(t.group(3)))))
    text.append(html.unescape(body[pos:]))
    return "".join(text), out


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # (kind, text, gold, system)

    def add(self, other: Counts) -> None:
        for k in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors.extend(other.errors)

    def f1(self, hit: int) -> tuple[float, float, float]:
        p = hit / self.system if self.system else 0.0
        r = hit / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_document(gold_raw: str, system_raw: str | None) -> Counts:
    gtext, gold = read_timexes(gold_raw)
    stext, system = read_timexes(system_raw) if system_raw is not None else ("", [])
    c = Counts(gold=len(gold))
    if system_raw is not None and re.sub(r"\s+", "", stext) != re.sub(r"\s+", "", gtext):
        system = []  # a system that changed the text is not scored
    c.system = len(system)
    used: set[int] = set()
    for g in gold:
        best = None
        for k, s in enumerate(system):
            if k in used or s.end <= g.start or s.start >= g.end:
                continue
            if (s.start, s.end) == (g.start, g.end):
                best = k
                break
            best = k if best is None else best
        if best is None:
            c.errors.append(("missed", gtext[g.start : g.end], f"{g.type} {g.value}", ""))
            continue
        used.add(best)
        s = system[best]
        c.relaxed += 1
        c.strict += (s.start, s.end) == (g.start, g.end)
        c.value += s.value == g.value
        c.type += s.type == g.type
        if s.value != g.value or s.type != g.type or (s.start, s.end) != (g.start, g.end):
            c.errors.append(
                (
                    "differs",
                    f"{gtext[g.start : g.end]} | {stext[s.start : s.end]}",
                    f"{g.type} {g.value}",
                    f"{s.type} {s.value}",
                )
            )
    for k, s in enumerate(system):
        if k not in used:
            c.errors.append(("spurious", stext[s.start : s.end], "", f"{s.type} {s.value}"))
    return c
