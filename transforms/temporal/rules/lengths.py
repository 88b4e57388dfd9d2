"""Lengths of time and sets: '3 years', 'for years', 'two years ago', 'over 5 dagen', 'binnen 2
weken', 'three nights in a row', 'each Thursday', 'weekly'; and after resolution '3 days from
Tuesday'.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from transforms.alternation import alt
from transforms.clauses import phrase_key, word_after, word_before
from transforms.model import Period, Timex
from transforms.temporal import calendar as cal
from transforms.temporal.context import (
    Candidate,
    Context,
    day_number,
    dct_relative,
    deictic,
    finish,
    period_fields,
)
from transforms.temporal.fragments import Fragments, number_pattern
from transforms.temporal.grammar import Grammar, amount_pattern, grammar, needs_one_of
from transforms.temporal.rules.anaphora import (
    last_referable,
    stated_day_in_clause,
    year_back_base,
    year_shifted,
)


def patterns(f: Fragments) -> list[tuple[str, str]]:
    """The family's rules: (name, regular expression)."""
    return [
        # before the durations: with an amount before it 'a year' is a rate ('$1.76 a year')
        ("set", rf"{f.START}(?P<set>{alt(f.W.get('sets', {}))}){f.END}"),
        # 'each Thursday', 'every July', 'iedere dinsdag': a set, not one day
        (
            "each_calendar",
            rf"{f.START}{alt(f.W.get('set_quantifiers', []))}\s+(?:(?P<wd>{f.WD_FULL})(?P<part>{f.DAYPART})?(?:\s+(?P<part2>{f.DAYPART}))?|(?P<month>{f.MONTH_FULL})){f.END}",
        ),
        (
            "ago",
            rf"{f.START}{f.APPROX}(?P<num>{f.NUM}|{f.VAGUE})\s+(?P<unit>{f.DURUNITS}){f.MORE}\s+(?P<ago>{f.AGO}){f.END}",
        ),
        (
            "from_now",
            rf"{f.START}{f.APPROX}(?P<num>{f.NUM})\s+(?P<unit>{f.DURUNITS}){f.MORE}\s+{f.FROMNOW}{f.END}",
        ),
        (
            "in_future",
            rf"{f.START}(?P<prep>{f.FUTPREP})\s+(?P<num>{f.NUM})\s+(?P<unit>{f.DURUNITS}){f.MORE}{f.END}",
        ),
        (
            "duration",
            rf"{f.START}{f.APPROX}(?:{f.ART}\s+)?(?:(?P<deic>{f.DEICTIC}|{f.DURMOD})\s+)?{f.HALFART}(?P<num>{f.NUM}|{f.VAGUE})"
            rf"(?:\s*(?P<frac>{f.FRAC}))?(?:\s+{alt(f.W.get('duration_inner_modifiers', []))})?"
            # 'the 5 upcoming years', '10 previous weeks': the deictic after the number, before a plural
            # ('up 5 last week' is last week)
            rf"(?:\s+(?P<deic2>{f.DEICTIC})(?=\s+{f.PLURAL}{f.END}))?(?:\s+|-)(?P<unit>{f.DURUNITS})"
            rf"(?:\s+(?P<frac2>{alt(f.W.get('fractions_after_unit', {}))}))?(?:-(?:long|lang))?{f.END}",
        ),
        # 'for years', 'al jaren', 'the coming weeks', 'the weeks ahead', 'decades-long', 'jarenlang':
        # a stretch of time of no stated length. The lead word ('for', 'al') only says the plural is
        # one (not 'the years 1990-1995'); TimeML leaves it out of the expression.
        (
            "vague_units",
            rf"{f.START}(?:{f.PLURAL_LEADS}(?P<lunit>{f.PLURAL})(?![-\w]|\s+\d)"
            rf"|(?:{f.ART}\s+)?{alt(f.W.get('plural_unit_modifiers', []))}\s+(?P<munit>{f.PLURAL})"
            rf"|{f.ART}\s+(?P<punit>{f.PLURAL})\s+{alt(f.W.get('plural_unit_postfixes', []))}"
            rf"|(?P<sunit>{f.DURUNITS}){alt(f.W.get('unit_suffixes', []))}){f.END}",
        ),
        # 'the fiscal year ended Sept. 30': a year's length, the date after it says which
        (
            "year_ended",
            rf"{f.START}{f.ART}\s+(?:{f.FISCAL}\s+)?{f.YEARWORD}"
            rf"(?=\s+{alt(f.W.get('period_ended_words', []))}(?!\w))",
        ),
        # 'three nights in a row', 'the third day running', 'vier dagen op rij', 'de derde opeenvolgende
        # nacht': a run of units up to now (a prefix word, or a postfix word, or both)
        (
            "in_a_row",
            rf"{f.START}(?:{f.ART}\s+)?(?:(?P<num>{f.NUM})|(?P<ord>{f.ROW_ORD}))\s+(?:(?P<pre>{alt(f.W.get('row_prefixes', []))})\s+)?"
            rf"(?P<unit>{f.ROW_UNITS})(?(pre)(?:\s+(?P<post>{f.ROW_POST}))?|\s+(?P<post2>{f.ROW_POST})){f.END}",
        ),
    ]


def gates(f: Fragments) -> dict[str, tuple[str, ...]]:
    """The words one of which a text must hold for a rule to be tried (`grammar.Rule.gate`)."""
    # most texts have none of these words ('three nights in a row', 'two years ago')
    W = f.W
    return {
        "in_a_row": needs_one_of(W.get("row_postfixes", []) + W.get("row_prefixes", [])),
        "ago": needs_one_of(W.get("ago", [])),
        "from_now": needs_one_of(W.get("from_now", [])),
    }


def accept_ago(c: Candidate, text: str, g: Grammar) -> bool:
    """'10 days before the murder', 'two days before 15 January': counted from what follows; the length
    alone is the expression (or, before a day, the day that many units before it)."""
    return not (
        phrase_key(c.g["ago"]) in g.words.get("ago_prepositions", [])
        and re.match(r"\s+\w", text[c.end : c.end + 3])
    )


def accept_set(c: Candidate, text: str, g: Grammar) -> bool:
    """'a year' is a rate only after an amount ('$1.76 a year')."""
    return c.g["set"].lower() not in g.words.get("set_requires_amount", []) or amount_before(text, c.start, g)


def accept_duration(c: Candidate, text: str, g: Grammar) -> bool:
    """A number and a unit that are no length of time: a year or a count ('1988 quarter'), a time of day
    ('om 8 uur'), an age ('44-year-old', '37 years old'), an article ('a decades-long battle'), an
    ordinal ('a second group'), a share ('three-quarters of its food')."""
    num = c.g.get("num", "")
    if re.fullmatch(r"\d{4,}|\d+[.,]\d{3}", num):
        return False  # '1988 quarter', '36.800 jaar': a year or a count, not a length of time
    hour_unit = g.words.get("units", {}).get(c.g["unit"].lower()) == "H"
    if re.fullmatch(r"\d{1,2}[.:][0-5]\d", num) and hour_unit:
        return False  # 'om 20.00 uur' is a time of day
    if hour_unit and word_before(text, c.start) in g.words.get("clock_prepositions", []):
        return False  # 'om 8 uur', 'rond acht uur': a time of day, not eight hours
    if text[c.end : c.end + 4].lower() == "-old":
        return False  # '44-year-old': an age, not a length of time ('a 16-hour flight' is one)
    W = g.words
    after = word_after(text, c.end)
    if after in W.get("age_words", []) and re.match(r"\s", text[c.end : c.end + 1]):
        return False  # '37 years old', '55 jaar oud': an age
    unit = phrase_key(c.g["unit"])
    if (
        unit in W.get("plural_units", [])
        and not (num[:1].isdigit() or c.g.get("frac") or c.g.get("frac2"))
        and g.lookup_number(num) == 1
    ):
        return False  # 'a decades-long battle': the article of the noun, not one decade
    ordinal = unit in W.get("ordinal_unit_words", []) and num.lower() in ("a", "an")
    if (
        ordinal
        and re.match(r"\s+[^\W\d]", text[c.end : c.end + 3])
        and after not in W.get("duration_followers", [])
    ):
        return False  # 'a second group', 'a second betrayal': the ordinal, not a length of time
    hyphened = text[c.spans["unit"][0] - 1] == "-"
    if W.get("units", {}).get(unit) in W.get("fraction_units", []) and (
        num.lower() in ("a", "an") or hyphened
    ):
        m = re.match(
            rf"\s+of\s+(?:{alt(W.get('articles', []) + ['a', 'an'])}\s+)?([^\W\d]+)",
            text[c.end : c.end + 40],
            re.I,
        )
        if (
            m
            and m.group(1).lower() not in W.get("units", {})
            and m.group(1).lower() not in W.get("year_words", [])
        ):
            return False  # 'three-quarters of its food', 'more than a quarter of the market': a share
    return True


def resolve_each_calendar(c: Candidate, ctx: Context) -> Timex | None:
    """'each Thursday', 'every July', 'iedere dinsdagavond': a set."""
    g = ctx.grammar
    gd = c.g
    if gd.get("wd"):
        part = g.words.get("day_parts", {}).get((gd.get("part") or gd.get("part2") or "").lower())
        value = f"XXXX-WXX-{g.weekdays[gd['wd'].lower()] + 1}" + (f"T{part}" if part else "")
    else:
        value = f"XXXX-{g.lookup_month(gd['month']):02d}"
    return finish(c, ctx, "SET", value, None, "explicit")


def resolve_counted(c: Candidate, ctx: Context) -> Timex | None:
    """'two years ago', 'over 5 dagen', '1 month 21 days ago': one amount, or several."""
    return resolve_compound_offset(c, ctx) if c.g.get("more") else resolve_offset(c, ctx)


def resolve_compound_offset(c: Candidate, ctx: Context) -> Timex | None:
    """'1 month 21 days ago', 'over 2 jaar en 21 dagen': every amount counts (`compound_offset`)."""
    g = ctx.grammar
    surface = ctx.text[c.start : c.end]
    gd = c.g
    r = c.rule
    parts = [
        (g.lookup_number(m["num"]), g.words["units"][phrase_key(m["unit"])])
        for m in amount_pattern(g.language).finditer(f"{gd['num']} {gd['unit']}{gd['more']}")
    ]
    if phrase_key(gd["num"]) in g.words.get("vague_numbers", []):
        return Timex(c.start, c.end, surface, "DATE", "PAST_REF") if r == "ago" else None
    within = r == "in_future" and gd["prep"].lower() in g.words.get("within_prepositions", [])
    t = compound_offset(c, ctx, surface, parts, -1 if r == "ago" else 1, within)
    if t is None or t.type == "DURATION":
        return t
    kind, value, source = t.type, t.value, t.source
    period = Period(t.date_start, t.date_end, t.precision) if t.dated else None
    return finish(c, ctx, kind, value, period, source)


def resolve_offset(c: Candidate, ctx: Context) -> Timex | None:
    """'two years ago', 'in 3 days', 'over 5 minuten', 'binnen 5 dagen', 'a year ago': that many units
    from the document date (or the stretch up to then)."""
    g = ctx.grammar
    surface = ctx.text[c.start : c.end]
    gd = c.g
    r = c.rule
    kind, period, source, value = "DATE", None, "explicit", "XXXX"
    unit = g.words["units"][phrase_key(gd["unit"])]
    vague = phrase_key(gd["num"]) in g.words.get("vague_numbers", [])
    n = None if vague else g.lookup_number(gd["num"])
    if unit == "2W" and n is not None:
        unit, n = "W", 2 * n  # 'a fortnight ago' is two weeks ago, a week's value
    if n is None and r == "ago":
        return Timex(c.start, c.end, surface, "DATE", "PAST_REF")  # 'several years ago'
    sign = -1 if r == "ago" else 1
    seconds = {"H": 3600, "MIN": 60, "S": 1}.get(unit)
    if n is None or not (float(n).is_integer() or seconds):
        return None  # 'half an hour from now' has its time; 'anderhalf jaar geleden' no calendar unit
    if r == "in_future" and gd["prep"].lower() in g.words.get("within_prepositions", []):
        # 'binnen 5 dagen': from the document date up to (not including) five days later
        kind, value = "DURATION", duration_value(n, unit)
        if seconds is None:

            def within(d: dt.date, k=int(n), u=unit) -> Period:
                return Period(d, max(d, cal.shift(d, u, k) - dt.timedelta(days=1)), "range")
        else:

            def within(d: dt.date, k=n, sec=seconds) -> Period:
                return Period(d, d + dt.timedelta(seconds=k * sec), "range")

        period, source = dct_relative(ctx, within)
        if period is not None:
            return Timex(c.start, c.end, surface, kind, value, period.start, period.end, "range", source)
    elif seconds is not None:
        # 'over 5 minuten', '3 hours ago': a time on (or next to) the document's day
        kind = "TIME"
        period, source = dct_relative(
            ctx,
            lambda d: cal.day(
                (dt.datetime.combine(d, dt.time(12)) + sign * dt.timedelta(seconds=n * seconds)).date()
            ),
        )
        value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
    else:
        from_document = r == "ago" and phrase_key(gd["ago"]) in g.words.get("ago_from_document", [])
        prev = (
            year_back_base(ctx, c, ("quarter", "half", "month"), 400 if from_document else 1500)
            if (unit, n, r) == ("Y", 1, "ago")
            else None
        )
        if prev is None and (unit, n, r) == ("Y", 1, "ago") and not from_document:
            # 'a year earlier' counts from the text's own time, a year it names too ('crossed in 2022,
            # against 28,526 a year earlier'); only a year written out, not 'last year's'
            year = last_referable(ctx, c.start, ("year",), within=400)
            prev = year if year is not None and re.fullmatch(r"\d{4}", year.text.strip()) else None
        if prev is not None:  # 'third-quarter profit fell from a year ago': that quarter, a year back
            period, source = year_shifted(prev, -int(n)), "inherited"
            value = cal.timex_value(period)
        else:
            period, source = dct_relative(
                ctx, lambda d: cal.unit_period(unit, cal.shift(d, unit, sign * int(n)))
            )
            value = cal.timex_value(period, unit) if period and period.precision != "range" else "XXXX"
    return finish(c, ctx, kind, value, period, source)


def resolve_duration(c: Candidate, ctx: Context) -> Timex | None:
    """'3 years', 'een half jaar', 'the 30-day period', 'de afgelopen tien jaar': a length of time, and
    for a deictic one its stretch before or after the document date."""
    g = ctx.grammar
    surface = ctx.text[c.start : c.end]
    gd = c.g
    period, source = None, "explicit"
    unit = g.words["units"][phrase_key(gd["unit"])]
    art = re.match(rf"{alt(g.words.get('articles', []))}\s+", surface, re.I)
    if art and (ctx.text[c.spans["unit"][0] - 1] == "-" or gd.get("deic2")):
        # 'the 30-day period', 'the eight-year war': the duration describes the noun, whose article
        # it is (TimeBank leaves it out); so in 'the 5 upcoming years' (Recognizers-Text)
        c = replace(c, start=c.start + art.end())
        surface = ctx.text[c.start : c.end]
    vague = phrase_key(gd["num"]) in g.words.get("vague_numbers", [])
    n = None if vague else g.lookup_number(gd["num"])
    for key, table in (("frac", "fractions"), ("frac2", "fractions_after_unit")):
        if n is not None and gd.get(key):  # '2 1/2 years', 'an hour and a half'
            n += g.words[table][phrase_key(gd[key])]
    kind = "DURATION"
    # 'a couple of years' is written P2Y (TimeML, Recognizers-Text), but stays vague for the calendar
    counted = g.words.get("vague_number_values", {}).get(phrase_key(gd["num"])) if vague else None
    value = duration_value(counted or n, unit)
    deic_word = gd.get("deic") or gd.get("deic2")  # before the number, or between it and the unit
    kind_d, direction = deictic(g, deic_word)
    if kind_d == "duration":
        direction = -1
    if (
        deic_word
        and n is not None
        and float(n).is_integer()
        and direction in (-1, 1)
        and unit in ("D", "W", "M", "Q", "Y", "DE", "CE")
    ):
        # 'de afgelopen tien jaar', 'komende 3 dagen': the stretch of time before or after the document date
        def stretch(d: dt.date, k=int(n), u=unit, sign=direction) -> Period:
            if sign < 0:
                return Period(cal.shift(d, u, -k), d - dt.timedelta(days=1), "range")
            return Period(d + dt.timedelta(days=1), cal.shift(d, u, k), "range")

        period, source = dct_relative(ctx, stretch)
        if period is not None:
            return Timex(c.start, c.end, surface, kind, value, period.start, period.end, "range", source)
    return finish(c, ctx, kind, value, period, source)


def resolve_vague_units(c: Candidate, ctx: Context) -> Timex | None:
    """'for years', 'al jaren', 'the coming weeks', 'decades-long': a length of no stated amount."""
    g = ctx.grammar
    gd = c.g
    word = phrase_key(gd.get("lunit") or gd.get("munit") or gd.get("punit") or gd["sunit"])
    n = None if word in g.words.get("plural_units", []) else 1  # 'decades-long' PXDE, 'day-long' P1D
    kind, value = "DURATION", duration_value(n, g.words["units"][word])
    return finish(c, ctx, kind, value, None, "explicit")


def resolve_year_ended(c: Candidate, ctx: Context) -> Timex | None:
    """'the fiscal year ended Sept. 30': a year's length (the date after it says which)."""
    kind, value = "DURATION", "P1Y"
    return finish(c, ctx, kind, value, None, "explicit")


def resolve_set(c: Candidate, ctx: Context) -> Timex | None:
    """'weekly', 'elke dag', 'a year' after an amount: a set."""
    g = ctx.grammar
    gd = c.g
    kind, value = "SET", g.words["sets"][phrase_key(gd["set"])]
    return finish(c, ctx, kind, value, None, "explicit")


SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def duration_value(n: float | None, unit: str) -> str:
    """P3Y, PT24H, PXD (a vague number: 'several days'); decades and centuries in years ('decades-long'
    PXY, as TimeBank writes it)."""
    if unit in ("DE", "CE"):
        n, unit = (None if n is None else n * (10 if unit == "DE" else 100)), "Y"
    if n is not None and not float(n).is_integer() and unit in SMALLER:
        # 'anderhalf jaar' P1Y6M, '5 1/2 hours' PT5H30M, 'een half jaar' P6M: the rest in the next unit down
        lower, times = SMALLER[unit]
        whole, rest = int(n), (n - int(n)) * times
        if float(rest).is_integer():
            tail = duration_value(rest, lower)
            if whole == 0:
                return tail
            head = duration_value(whole, unit)
            return head + (tail[2:] if "T" in head else tail[1:])  # PT5H + PT30M, P2Y + P6M, P1D + PT12H
    if n is None:
        num = "X"
    else:
        num = str(int(n)) if float(n).is_integer() else str(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{num}{'M' if unit == 'MIN' else unit}"
    if unit == "2W":
        return f"P{num}W" if n is None else f"P{int(n * 2) if float(n).is_integer() else n * 2}W"
    return f"P{num}{unit}"


# finest first: the finest unit of a compound length is the precision of the day it points to
UNIT_RANK = {"S": 0, "MIN": 1, "H": 2, "D": 3, "W": 4, "2W": 4, "M": 5, "Q": 6, "Y": 7, "DE": 8, "CE": 9}


UNIT_SECONDS = {"H": 3600, "MIN": 60, "S": 1}


def compound_duration(parts: list[tuple[int, str]]) -> str:
    """P2Y3M21D, P1DT2H: a length of several units, each in its TimeML field (weeks as days beside
    other units: ISO 8601 writes weeks alone)."""
    in_fields = {"DE": ("Y", 10), "CE": ("Y", 100), "Q": ("M", 3), "2W": ("W", 2)}
    total: dict[str, int] = {}
    for n, u in parts:
        unit, times = in_fields.get(u, (u, 1))
        total[unit] = total.get(unit, 0) + n * times
    if "W" in total and len(total) > 1:
        total["D"] = total.get("D", 0) + 7 * total.pop("W")
    date = "".join(f"{total[u]}{u}" for u in ("Y", "M", "W", "D") if u in total)
    time = "".join(f"{total[u]}{'M' if u == 'MIN' else u}" for u in ("H", "MIN", "S") if u in total)
    return "P" + date + (f"T{time}" if time else "")


def compound_offset(
    c: Candidate, ctx: Context, surface: str, parts: list, sign: int, within: bool
) -> Timex | None:
    """'1 month 21 days ago' (2 October from 23 November), '2 years and 3 months from now' (a month: the
    finest unit is the honest precision), '2 jaar, 1 maand en 21 dagen geleden', 'binnen 2 jaar en 3
    maanden' (the stretch up to then). Largest unit first, as one counts ('1 maand, 2 jaar, 21 dagen'
    is two years, then a month, then 21 days back); an amount that is not a whole number, or a weekend,
    gives no date rather than a guessed one."""
    if any(n is None or not float(n).is_integer() or u not in UNIT_RANK for n, u in parts):
        return Timex(c.start, c.end, surface, "DATE" if not within else "DURATION", "XXXX")
    parts = sorted(((int(n), u) for n, u in parts), key=lambda p: -UNIT_RANK[p[1]])
    seconds = sum(n * UNIT_SECONDS[u] for n, u in parts if u in UNIT_SECONDS)

    def moved(d: dt.date) -> dt.date:
        for n, u in parts:
            if u not in UNIT_SECONDS:
                d = cal.shift(d, u, sign * n)
        if seconds:  # 'over 2 dagen en 3 uur': from the middle of the day, as for hours alone
            d = (dt.datetime.combine(d, dt.time(12)) + sign * dt.timedelta(seconds=seconds)).date()
        return d

    if within:
        period, source = dct_relative(
            ctx, lambda d: Period(d, max(d, moved(d) - dt.timedelta(days=0 if seconds else 1)), "range")
        )
        if period is None:
            return Timex(c.start, c.end, surface, "DURATION", compound_duration(parts))
        return Timex(
            c.start,
            c.end,
            surface,
            "DURATION",
            compound_duration(parts),
            period.start,
            period.end,
            "range",
            source,
        )
    finest = min((u for _, u in parts), key=UNIT_RANK.get)
    if finest in UNIT_SECONDS:
        period, source = dct_relative(ctx, lambda d: cal.day(moved(d)))
        value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
        return Timex(c.start, c.end, surface, "TIME", value, *period_fields(period), source)
    finest = "W" if finest == "2W" else finest
    period, source = dct_relative(ctx, lambda d: cal.unit_period(finest, moved(d)))
    value = cal.timex_value(period, finest) if period and period.precision != "range" else "XXXX"
    return Timex(c.start, c.end, surface, "DATE", value, *period_fields(period), source)


def resolve_in_a_row(c: Candidate, ctx: Context) -> Timex | None:
    """'three nights in a row', 'the third day running', 'vier dagen op rij', 'drie nachten achter elkaar':
    a length, and its stretch up to the document date (a night counts as its day), or up to the day a
    clause in the past states before it ('on 3 May boats arrived for the third day running'). A
    clause that looks ahead ('will strike three days in a row') has the length alone."""
    g = ctx.grammar
    word = phrase_key(c.g["unit"])
    unit = g.words.get("units", {}).get(word) or g.words["row_units"][word]
    n = g.lookup_number(c.g["num"]) if c.g.get("num") else day_number(c.g["ord"], g)
    if n is None or not float(n).is_integer() or n < 1:
        return None
    value = duration_value(n, unit)
    direction = ctx.tense(c.start, c.end, past_verbs=True)
    if direction > 0:
        return finish(c, ctx, "DURATION", value, None, "unresolved")

    def run(d: dt.date, k: int = int(n)) -> Period:
        return Period(cal.unit_period(unit, cal.shift(d, unit, 1 - k)).start, d, "range")

    anchor = stated_day_in_clause(ctx, c) if direction < 0 else None
    if anchor is not None and anchor.date_start is not None:
        period, source = run(anchor.date_start), "inherited"
    else:
        period, source = dct_relative(ctx, run)
    if period is None:
        return finish(c, ctx, "DURATION", value, None, "unresolved")
    surface = ctx.text[c.start : c.end]
    return Timex(c.start, c.end, surface, "DURATION", value, period.start, period.end, "range", source)


def amount_before(text: str, pos: int, g: Grammar) -> bool:
    """An amount or a count right before `pos` ('$1.76 a year', 'four flights a week', '700 seats a
    week', 'twice a year'): what makes 'a year' a rate. A preposition in between ('rose 5% in a year')
    makes it a length of time again."""
    before = text[max(0, pos - 40) : pos]
    if re.search(r"\b(?:once|twice|times)\s*$", before, re.I):
        return True
    nums = alt(w for w in g.numbers if w not in ("a", "an", "een"))
    m = re.search(rf"(?:\d|(?<!\w){nums}(?!\w))[\d.,%]*((?:\s+[^\W\d]+){{0,2}})\s*$", before, re.I)
    if not m:
        return False
    between = m.group(1).lower().split()
    return not any(w in g.words.get("duration_followers", []) for w in between)


@cache
def offset_patterns(language: str) -> tuple[re.Pattern, re.Pattern]:
    """A bare length ('3 days', 'two weeks', 'drie dagen') and the word that counts it from a day
    ('after', 'counting from', 'na')."""
    g = grammar(language)
    W = g.words
    units = alt(k for k, v in W.get("units", {}).items() if v in ("D", "W", "2W", "M", "Y"))
    length = re.compile(rf"(?P<num>{number_pattern(g.numbers)})\s+(?P<unit>{units})", re.I)
    counting = alt(W.get("offset_counting_words", []))
    link = re.compile(rf"\s+(?:{counting}\s+)?(?P<dir>{alt(W.get('offset_words', {}))})\s+", re.I)
    return length, link


def offsets_from_days(timexes: list[Timex], text: str, g: Grammar) -> list[Timex]:
    """'3 days from Tuesday', 'two weeks after January 15', 'drie dagen na 15 januari': the day that many
    units from the named day, the whole phrase one expression (as TimeML writes it), instead of a
    length and the anchor day. Not a stretch that starts at the day ('for two weeks after January 15',
    'the three days before Christmas'), nor a count of working days ('eight trading days after Oct. 12'
    is no calendar day from it)."""
    W = g.words
    if not W.get("offset_words"):
        return timexes
    length, link = offset_patterns(g.language)
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if (
            nxt is not None
            and t.type == "DURATION"
            and nxt.type == "DATE"
            and nxt.precision == "day"
            and nxt.dated
            and nxt.mod is None
            and (m := length.fullmatch(t.text))
            and (d := link.fullmatch(text, t.end, nxt.start))
            and phrase_key(m["unit"]) not in W.get("working_day_units", [])
            and word_before(text, t.start) not in W.get("offset_stretch_leads", [])
        ):
            n = g.lookup_number(m["num"])
            if n is not None and float(n).is_integer():
                unit = W["units"][phrase_key(m["unit"])]
                day = cal.shift(nxt.date_start, unit, W["offset_words"][phrase_key(d["dir"])] * int(n))
                out.append(
                    Timex(
                        t.start,
                        nxt.end,
                        text[t.start : nxt.end],
                        "DATE",
                        day.isoformat(),
                        day,
                        day,
                        "day",
                        nxt.source,
                    )
                )
                i += 2
                continue
        out.append(t)
        i += 1
    return out


# The family's acceptance checks by rule (`candidates.accept`): False drops the candidate.
ACCEPT: dict[str, Callable[[Candidate, str, Grammar], bool]] = {
    "ago": accept_ago,
    "set": accept_set,
    "duration": accept_duration,
}
# The family's resolvers by rule (`tagger.resolve`): the Timex, or None when it is no temporal expression.
RESOLVE: dict[str, Callable[[Candidate, Context], Timex | None]] = {
    "set": resolve_set,
    "each_calendar": resolve_each_calendar,
    "ago": resolve_counted,
    "from_now": resolve_counted,
    "in_future": resolve_counted,
    "duration": resolve_duration,
    "vague_units": resolve_vague_units,
    "year_ended": resolve_year_ended,
    "in_a_row": resolve_in_a_row,
}
