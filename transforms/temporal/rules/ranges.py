"""Ranges and open intervals: 'van 2021 tot en met 2024', 'tussen januari en november 2021', 'sinds 2021',
'na 1-1-2016', 'before 2020', 'the year to March 2024': joined from the expressions resolved at their ends.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import replace
from functools import cache

from transforms.alternation import alt
from transforms.clauses import clause_bounds, phrase_key
from transforms.model import Timex
from transforms.temporal import calendar as cal
from transforms.temporal.context import Candidate, Context, to_year
from transforms.temporal.fragments import number_pattern, range_joiners
from transforms.temporal.grammar import Grammar, grammar
from transforms.temporal.rules.anaphora import year_shifted


def moved_a_year(t: Timex, n: int, g: Grammar) -> Timex | None:
    """A yearless date the document date placed (a day or month it names, a quarter or half), n years
    on: its period and its value. None for anything else ('tomorrow', 'next Monday' are no such date)."""
    if t.source != "relative_to_dct" or t.precision not in ("day", "month", "quarter", "half"):
        return None
    if t.precision in ("day", "month") and not any(
        g.lookup_month(w) for w in re.findall(r"[^\W\d_]+\.?", t.text)
    ):
        return None
    if not re.match(r"\d{4}(?!\d)", t.value):
        return None
    p = year_shifted(t, n)
    return replace(t, value=f"{p.start.year}{t.value[4:]}", date_start=p.start, date_end=p.end)


@cache
def period_up_to_pattern(language: str) -> re.Pattern | None:
    g = grammar(language)
    to = g.words.get("period_to_words", [])
    if not to:
        return None
    units = alt(k for k, v in g.words.get("units", {}).items() if v in ("M", "Y"))
    art = alt(g.words.get("articles", []) + ["the", "de", "het"])
    return re.compile(
        rf"(?<!\w)(?:(?:{art})\s+)?(?:(?P<num>{number_pattern(g.numbers)})\s+)?(?P<unit>{units})\s+(?:{alt(to)})\s+$",
        re.I,
    )


def periods_up_to(timexes: list[Timex], text: str, g: Grammar) -> list[Timex]:
    """'the year to March 2024', 'the 12 months to June 2024', 'the year ending June 2023' (how UK
    statistics name their periods): the stretch of that length that ends with the month or day, one
    expression, instead of a length and the month alone."""
    pattern = period_up_to_pattern(g.language)
    if pattern is None:
        return timexes
    out: list[Timex] = []
    for t in timexes:
        m = pattern.search(text, max(0, t.start - 40), t.start) if t.type == "DATE" and t.dated else None
        if m is None or t.precision not in ("month", "day"):
            out.append(t)
            continue
        n = g.lookup_number(m.group("num")) if m.group("num") else 1
        months = int(n) * (12 if g.words["units"][phrase_key(m.group("unit"))] == "Y" else 1) if n else 0
        if not 1 <= months <= 120 or float(n) != int(n):
            out.append(t)
            continue
        if t.precision == "month":
            first = cal.shift(t.date_start, "M", 1 - months)
        else:
            first = cal.shift(t.date_end, "M", -months) + dt.timedelta(days=1)
        length = []
        while out and out[-1].end > m.start():
            length.insert(0, out.pop())  # the length ('the 12 months') is part of the stretch now
        start = m.start()
        out.append(
            Timex(
                start,
                t.end,
                text[start : t.end],
                "DATE",
                f"{first.isoformat() if t.precision == 'day' else first.isoformat()[:7]}/{t.value}",
                first,
                t.date_end,
                "range",
                t.source,
                None,
                (*length, t),  # TimeML writes the length and the date apart ('the year' P1Y, 'June 30, 1990')
            )
        )
    return out


def yearless_range(t: Timex, nxt: Timex, ctx: Context | None) -> tuple[Timex, Timex] | None:
    """Two yearless ends the document date placed in different years the wrong way round ('tussen
    oktober en december' in May: October 2024, December 2023): the end a year on, or the start a year
    back. The clause's tense chooses ('staken over': the one over), else the pair nearer the document
    date."""
    if ctx is None or ctx.dct is None or not ctx.dct.known:
        return None
    d = ctx.dct.start
    g = ctx.grammar
    later, earlier = moved_a_year(nxt, 1, g), moved_a_year(t, -1, g)
    if later is None or earlier is None:
        return None  # both ends must be yearless dates ('Friday to December' is no such range)
    options = [(t, later), (earlier, nxt)]
    direction = ctx.tense(t.start, nxt.end, past_verbs=True)
    if direction < 0:
        options = [pair for pair in options if pair[0].date_start <= d] or options
    elif direction > 0:
        options = [pair for pair in options if pair[1].date_end >= d] or options

    def distance(pair: tuple[Timex, Timex]) -> int:
        a, b = pair[0].date_start, pair[1].date_end
        return 0 if a <= d <= b else min(abs((a - d).days), abs((b - d).days))

    return min(options, key=distance, default=None)


def join_ranges(timexes: list[Timex], text: str, g: Grammar, ctx: Context | None = None) -> list[Timex]:
    """'van 2021 tot en met 2024', '2019 - 2023', 'tussen januari en november 2021', 'sinds 2021'."""
    W = g.words
    FROM = alt(W.get("range_from", []) + W.get("range_between", []))
    TO = alt(range_joiners(W))
    SINCE = alt(W.get("since", []))
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if nxt is not None and t.type == "DATE" and nxt.type == "DATE":
            between = text[t.end : nxt.start]
            head = re.search(rf"(?<!\w)({FROM})\s+$", text[max(0, t.start - 30) : t.start], re.I)
            connector = re.fullmatch(rf"\s*(?:[-–]|{TO})\s*", between, re.I)
            is_and = re.fullmatch(rf"\s*{alt(W.get('range_and', []))}\s*", between, re.I)
            if connector and (head or not is_and) and t.dated and nxt.dated:
                if nxt.date_end < t.date_start:
                    # 'tussen oktober en december' placed apart by the document date: one year for both,
                    # the pair nearer the document date
                    t, nxt = yearless_range(t, nxt, ctx) or (t, nxt)
                if nxt.date_end < t.date_start:
                    out += [t, nxt]  # a range that runs backwards is no range ('van 2024 tot 2021')
                    i += 2
                    continue
                start = t.start - (len(head.group(0)) if head else 0)
                whole = (
                    "multi_year"
                    if t.precision in ("year", "multi_year") and nxt.precision in ("year", "multi_year")
                    else "range"
                )
                word = phrase_key(between.strip())
                end = nxt.date_end
                if word in W.get("range_exclusive", []) and nxt.date_start > t.date_start:
                    end = nxt.date_start - dt.timedelta(days=1)  # Dutch 'tot' stops before its end point
                    if whole == "multi_year" and end.year == t.date_end.year:
                        whole = "year"
                out.append(
                    Timex(
                        start,
                        nxt.end,
                        text[start : nxt.end],
                        "DATE",
                        f"{t.value}/{nxt.value}",
                        t.date_start,
                        end,
                        whole,
                        weakest(t.source, nxt.source),
                        None,
                        (t, nxt),
                    )
                )
                i += 2
                continue
        if t.type == "DATE" and t.dated:
            since = re.search(rf"(?<!\w)({SINCE})\s+$", text[max(0, t.start - 20) : t.start], re.I)
            if since:
                start = t.start - len(since.group(0))
                by_now = phrase_key(since.group(1)) in g.words.get("since_by_now", [])
                if (
                    by_now
                    and ctx is not None
                    and ctx.dct is not None
                    and ctx.dct.known
                    and t.date_start > ctx.dct.end
                ):
                    # 'sinds september' in May: a time since which something holds has begun by now
                    t = moved_a_year(t, -1, g) or t
                out.append(
                    Timex(
                        start,
                        t.end,
                        text[start : t.end],
                        "DATE",
                        t.value,
                        t.date_start,
                        None,
                        "range",
                        t.source,
                        "SINCE",
                        (t,),
                    )
                )
                i += 1
                continue
            opened = open_interval(t, text, g)
            if opened is not None:
                out.append(opened)
                i += 1
                continue
        out.append(t)
        i += 1
    return out


@cache
def open_patterns(language: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The words before a date that open its interval ('na', 'before'), after it ('of erna', 'or
    later'), and the ambiguous ones with what makes them 'before' ('kort voor'): compiled once."""
    g = grammar(language)
    before = g.words.get("open_before", {})
    after = g.words.get("open_after_postfix", {})
    leads = g.words.get("ambiguous_open_before_leads", [])
    words = g.words.get("ambiguous_open_before", {})
    return (
        re.compile(rf"(?<!\w)({alt(before)})\s+$", re.I),
        re.compile(rf"\s+({alt(after)})(?!\w)", re.I),
        re.compile(rf"(?<!\w)(?:({alt(leads)})\s+)?({alt(words)})\s+$", re.I),
    )


def open_interval(t: Timex, text: str, g: Grammar) -> Timex | None:
    """'na 1-1-2016', 'tot 2012', 'before 2020', '2012 of erna': a date with one open end."""
    before = g.words.get("open_before", {})
    after = g.words.get("open_after_postfix", {})
    before_rx, after_rx, _ = open_patterns(g.language)
    m = before_rx.search(text[max(0, t.start - 25) : t.start])
    start, end, mod = t.start, t.end, None
    if m:
        mod = before[phrase_key(m.group(1))]
        start = t.start - len(m.group(0))
    else:
        m = after_rx.match(text[t.end : t.end + 20])
        if m:
            mod = after[phrase_key(m.group(1))]
            end = t.end + m.end()
        else:
            start, mod = ambiguous_before(t, text, g) or (start, None)
    if mod is None:
        return None
    if mod == "AFTER":
        # 'na 1-1-2016' from that day on (the specs' reading of a point); 'after 2018', 'na feb 2018'
        # once the period is over: 2019, March
        lo = t.date_start if t.precision == "day" else t.date_end + dt.timedelta(days=1)
        hi = None
    elif mod == "ON_OR_AFTER":
        lo, hi = t.date_start, None
    elif mod == "BEFORE" and t.mod != "END":
        lo, hi = None, t.date_start - dt.timedelta(days=1)
    else:
        # 'tot het einde van dit jaar', 'until the end of 2026': up to that end, not to where it begins
        mod = "ON_OR_BEFORE" if mod == "BEFORE" else mod
        lo, hi = None, t.date_end
    return Timex(start, end, text[start:end], "DATE", t.value, lo, hi, "range", t.source, mod, (t,))


def ambiguous_before(t: Timex, text: str, g: Grammar) -> tuple[int, str] | None:
    """Where a word that also means 'for' opens the interval before a date (Dutch 'voor': 'gepland voor
    dinsdag', 'de begroting voor 2026'), its start and mod: after a word that says it is 'before' ('kort
    voor 1 maart', 'vlak voor maandag'), or before a day in a clause with a deadline ('moet voor 1 juli
    klaar zijn'). None otherwise."""
    words = g.words.get("ambiguous_open_before", {})
    if not words:
        return None
    lo = max(0, t.start - 40)
    m = open_patterns(g.language)[2].search(text[lo : t.start])
    if m is None:
        return None
    if m.group(1) is None and not (t.precision == "day" and deadline_in_clause(t, text, g)):
        return None
    return lo + m.start(2), words[phrase_key(m.group(2))]


def deadline_in_clause(t: Timex, text: str, g: Grammar) -> bool:
    """The clause of `t` sets a deadline ('moet', 'dient', 'uiterlijk')."""
    cues = g.words.get("deadline_cues", [])
    lo, hi = clause_bounds(text, g.language, t.start, t.end)
    return bool(cues) and re.search(rf"(?<!\w){alt(cues)}(?!\w)", text[lo:hi], re.I) is not None


def weakest(a: str, b: str) -> str:
    order = ["explicit", "inherited", "relative_to_dct", "unresolved"]
    return max(a, b, key=order.index)


def lend_range_years(cands: list[Candidate], text: str, g: Grammar) -> None:
    """In 'tussen januari en november 2021' the first month takes the year of the second."""
    W = g.words
    TO = alt(range_joiners(W))
    for a, b in itertools.pairwise(cands):
        if (
            a.rule in ("month", "month_span", "dmy", "mdy", "dmy_joined")
            and not a.g.get("year")
            and b.g.get("year")
            and re.fullmatch(rf"\s*(?:[-–]|{TO})\s*", text[a.end : b.start], re.I)
        ):
            a.year_hint = to_year(b.g["year"])
            ma, mb = (g.lookup_month(x.g["month"]) if x.g.get("month") else None for x in (a, b))
            if ma and mb and ma > mb:
                a.year_hint -= 1  # 'Nov-Feb 2017', 'December 28 - January 3, 1998': over the turn of the year
