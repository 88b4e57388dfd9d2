"""What resolving a candidate works with: the candidate (`Candidate`), what resolution needs besides it
(`Context`: the text, the grammar, the document date, what was resolved before), and the helpers every
family of rules shares (the document date applied to a function of a day, day numbers, deictic words,
the Timex of a result)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemas.tables import DATE_WINDOW as WINDOW
from transforms.clauses import clause_direction, past_verb_in_clause, phrase_key, verb_before
from transforms.model import Period, Timex
from transforms.temporal import calendar as cal
from transforms.temporal.grammar import Grammar


@dataclass
class Candidate:
    start: int
    end: int
    rule: str
    g: dict  # named groups
    spans: dict = field(default_factory=dict)  # named group -> (start, end)
    part: str | None = None  # START | MID | END from a "begin/medio/eind" modifier
    year_hint: int | None = None  # year lent by the other end of a range ("tussen januari en november 2021")


@dataclass
class Context:
    """What resolution needs besides the expression itself."""

    text: str
    grammar: Grammar
    dct: Period | None  # the document's date
    anchor: Period | None = None  # inferred from the document's own explicit dates when there is no dct
    resolved: list[Timex] = field(default_factory=list)  # earlier timexes (for "het jaar ervoor")
    # starts of anaphora naming a stated period again, or a day of the story ('the next morning')
    restated: set[int] = field(default_factory=set)
    numeric_order: str | None = None  # 'dmy' or 'mdy' when the document shows which it writes

    def tense(self, start: int, end: int, past_verbs: bool = False) -> int:
        """The tense of the clause around text[start:end] (`clauses.clause_direction`)."""
        return clause_direction(self.text, self.grammar.language, start, end, past_verbs)

    def verb_before(self, start: int) -> int:
        """-1 when a verb in the past tense stands right before text[start:] (`clauses.verb_before`)."""
        return verb_before(self.text, self.grammar.language, start)

    def past_verb_before(self, start: int) -> int:
        """-1 when a verb in the past tense comes earlier in the clause (`clauses.past_verb_in_clause`)."""
        return past_verb_in_clause(self.text, self.grammar.language, start)


def day_number(word: str, g: Grammar) -> int | None:
    """'15', '15de', '3rd', 'twee', 'eenentwintig', 'eerste' as a day of the month."""
    m = re.match(r"\d+", word)
    if m:
        return int(m.group())
    w = re.sub(r"\s+", " ", word.lower())
    if w in g.ordinals:
        return g.ordinals[w]
    # 'twenty-first', 'thirty first' (the grammar admits only its language's joiners)
    for joiner in ("-", " "):
        tens, _, unit = w.partition(joiner)
        if unit in g.ordinals and 1 <= g.ordinals[unit] <= 9 and g.numbers.get(tens) in (20, 30):
            return int(g.numbers[tens]) + g.ordinals[unit]
    n = g.lookup_number(w)
    for suffix in g.words.get("ordinal_word_suffixes", []):  # 'vijftiende', 'eenentwintigste'
        if n is None and w.endswith(suffix):
            n = g.lookup_number(w[: -len(suffix)])
    return int(n) if n is not None and float(n).is_integer() else None


def to_year(s: str) -> int:
    s = s.strip("'’")
    y = int(s)
    if len(s) == 2:
        y += 2000 if y < 50 else 1900
    return y


def dct_relative(ctx: Context, fn) -> tuple[Period | None, str]:
    """Resolve `fn(day) -> Period` against the document date; a date known only to the month gives a range."""
    if ctx.dct is None or not ctx.dct.known:
        return None, "unresolved"
    a, b = fn(ctx.dct.start), fn(ctx.dct.end)
    if a is None or b is None:
        return None, "unresolved"
    if a == b:
        return a, "relative_to_dct"
    return Period(min(a.start, b.start), max(a.end, b.end), "range"), "relative_to_dct"


def deictic(g: Grammar, word: str | None):
    """('shift', n) for last/this/next, ('duration', None) for 'past', ('anaphoric', n) for 'following'."""
    if not word:
        return ("shift", 0)
    v = g.words.get("deictic", {}).get(phrase_key(word))
    if isinstance(v, int):
        return ("shift", v)
    if v == "P":
        return ("duration", None)
    if isinstance(v, str) and v.startswith("A"):
        return ("anaphoric", int(v[1:]))
    return ("shift", 0)


def x_value(month: int | None = None, day: int | None = None) -> str:
    if day is not None and month is not None:
        return f"XXXX-{month:02d}-{day:02d}"
    if month is not None:
        return f"XXXX-{month:02d}"
    return "XXXX"


def period_fields(period: Period | None) -> tuple:
    return (period.start, period.end, period.precision) if period else (None, None, "unknown")


def finish(
    c: Candidate,
    ctx: Context,
    kind: str,
    value: str,
    period: Period | None,
    source: str,
    mod: str | None = None,
) -> Timex:
    """The Timex of a resolved candidate: its period narrowed to the part a modifier names ('begin
    2025'); no period for a length or a set, nor outside the believable window ('5 december 1391'
    keeps its value)."""
    surface = ctx.text[c.start : c.end]
    if c.part and period is not None and period.known:
        period = cal.part_of(period, c.part)
        mod = c.part
    if kind in ("DURATION", "SET"):
        return Timex(c.start, c.end, surface, kind, value, None, None, "unknown", "unresolved", mod)
    if period is not None and period.known and not (WINDOW[0] <= period.start and period.end <= WINDOW[1]):
        period = None
    if period is None or not period.known:
        return Timex(c.start, c.end, surface, kind, value, None, None, "unknown", "unresolved", mod)
    return Timex(
        c.start, c.end, surface, kind, value, period.start, period.end, period.precision, source, mod
    )
