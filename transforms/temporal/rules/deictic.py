"""Deictic and relative expressions counted from the document date: 'today', 'next week', 'earlier
this year', 'the end of the month', 'the rest of this week', 'two days before yesterday', 'now';
and after resolution the current year or month a clause counts only up to the document date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from transforms.alternation import alt
from transforms.clauses import looks_back, phrase_key, word_after, word_before
from transforms.model import Period, Timex
from transforms.temporal import calendar as cal
from transforms.temporal.context import Candidate, Context, dct_relative, deictic, finish
from transforms.temporal.fragments import Fragments
from transforms.temporal.grammar import Grammar, needs_one_of
from transforms.temporal.rules.anaphora import anaphor_base, compared, year_back_base, year_shifted
from transforms.temporal.rules.lengths import duration_value


def patterns(f: Fragments) -> list[tuple[str, str]]:
    """The family's rules: (name, regular expression)."""
    return [
        ("relative_day", rf"{f.START}(?P<rel>{alt(f.W.get('relative_days', {}))}){f.END}"),
        (
            "earlier_this",
            rf"{f.START}(?P<el>{f.EARLYLATE})\s+(?:{f.OF}\s+)?(?P<deic>{f.DEICTIC})\s+{f.FISCAL_UNIT}(?P<unit>{f.UNITWORDS}){f.END}",
        ),
        (
            "deictic_unit",
            rf"{f.START}(?:{f.ART}\s+)?(?P<deic>{f.DEICTIC})\s+{f.FISCAL_UNIT}(?P<unit>{f.UNITWORDS}){f.END}",
        ),
        # 'the end of the year', 'het begin van de maand', 'year-end': that part of the current one
        (
            "unit_part",
            rf"{f.START}(?:(?P<pw>{alt(f.W.get('part_of_period', {}))})(?:\s+|-)(?:{f.OF}\s+)?{f.ART}\s+(?P<unit>{f.UNITWORDS})"
            rf"|(?P<uend>{alt(f.W.get('unit_ends', {}))})){f.END}(?!-\w)",
        ),
        # 'de rest van het jaar', 'the rest of this week': from the document date to the end of the unit
        (
            "rest_of",
            rf"{f.START}(?:{f.ART}\s+)?{alt(f.W.get('rest_of', []))}\s+(?:{f.ART}\s+)?(?:(?P<deic>{f.DEICTIC})\s+)?"
            rf"(?P<unit>{alt(k for k, v in f.W.get('deictic_unit_words', {}).items() if v in ('W', 'M', 'Q', 'Y'))}){f.END}",
        ),
        # 'two days before yesterday', 'drie weken na morgen': that many units from a day named relative
        # to the document date
        (
            "offset_day",
            # 'within 2 weeks from today', 'binnen 2 weken na vandaag': the stretch up to then
            rf"{f.START}(?:(?P<within>{alt(f.W.get('within_prepositions', []))})\s+)?(?P<num>{f.NUM})\s+(?P<unit>{f.DAYUNITS})\s+"
            rf"(?:{alt(f.W.get('offset_counting_words', []))}\s+)?"
            rf"(?P<dir>{alt(f.W.get('offset_words', {}))})\s+(?P<rel>{alt(k for k, v in f.W.get('relative_days', {}).items() if v[1] is None)}){f.END}",
        ),
        ("generic", rf"{f.START}(?P<gen>{alt(f.W.get('generic_tagged', []))}){f.END}"),
    ]


def gates(f: Fragments) -> dict[str, tuple[str, ...]]:
    """The words one of which a text must hold for a rule to be tried (`grammar.Rule.gate`)."""
    W = f.W
    return {
        "rest_of": tuple(sorted({w.split()[0].lower() for w in W.get("rest_of", [])})),
        "offset_day": needs_one_of(k for k, v in W.get("relative_days", {}).items() if v[1] is None),
    }


def accept_deictic_unit(c: Candidate, text: str, g: Grammar) -> bool:
    """'"This Week With David Brinkley"': a title, not a date ('this week', 'THIS WEEK' are dates)."""
    unit_word = c.g.get("unit") or ""
    return not (unit_word[:1].isupper() and unit_word[1:].islower())


def accept_offset_day(c: Candidate, text: str, g: Grammar) -> bool:
    """'for 3 days from today', 'within 2 weeks from today': a stretch from that day, not a day."""
    return word_before(text, c.start) not in g.words.get("offset_stretch_leads", [])


def accept_generic(c: Candidate, text: str, g: Grammar) -> bool:
    """'now that ...' is a reason, not a time."""
    return not (text[c.start : c.end].lower() == "now" and word_after(text, c.end) in ("that",))


def resolve_relative_day(c: Candidate, ctx: Context) -> Timex | None:
    """'today', 'gisteren', 'tomorrow morning', 'vanavond': a day (and part of it) from the document date."""
    g = ctx.grammar
    gd = c.g
    kind = "DATE"
    offset, part = g.words["relative_days"][phrase_key(gd["rel"])]
    period, source = dct_relative(ctx, lambda d: cal.day(d + dt.timedelta(days=offset)))
    if part:
        kind = "TIME"
    value = (period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX") + (
        f"T{part}" if part else ""
    )
    return finish(c, ctx, kind, value, period, source)


def resolve_deictic_unit(c: Candidate, ctx: Context) -> Timex | None:
    """'next week', 'vorig jaar', 'the past year', 'earlier this year', 'the following month'."""
    g = ctx.grammar
    gd = c.g
    r = c.rule
    kind, period, source, value, mod = "DATE", None, "explicit", "XXXX", None
    unit = g.words["deictic_unit_words"][phrase_key(gd["unit"])]
    kind_d, n = deictic(g, gd["deic"])
    if r == "earlier_this":
        mod = g.words["earlier_later"][gd["el"].lower()]
    if kind_d == "duration" and unit in g.words.get("past_unit_is_previous", []):
        kind_d, n = "shift", -1  # 'the past year' is last year (TimeBank), as 'het afgelopen jaar'
    if unit in g.words.get("stretch_deictics", {}).get(phrase_key(gd["deic"]), []):
        kind_d = "duration"  # 'het afgelopen decennium' is the past ten years, as 'the past decade'
    if kind_d == "duration":
        kind, value = "DURATION", duration_value(1, unit)
    elif unit == "2W":
        return None  # 'last fortnight': no calendar fortnight to shift to ('the past fortnight' is a length)
    else:
        base = anaphor_base(ctx, c) if kind_d == "anaphoric" else None
        prev = (
            year_back_base(ctx, c, ("quarter", "half", "month"))
            if r == "deictic_unit" and (unit, n) == ("Y", -1) and compared(ctx, c)
            else None
        )
        if prev is not None:  # 'profit rose 11%, from $85 million last year': that quarter, a year back
            period, source = year_shifted(prev, -1), "inherited"
            unit = prev.precision[0].upper()
        elif base is not None:
            d0 = base.date_start
            period, source = cal.unit_period(unit, cal.shift(d0, unit, n)), "inherited"
        else:
            period, source = dct_relative(ctx, lambda d: cal.unit_period(unit, cal.shift(d, unit, n)))
        weekend = unit == "WE" and period is not None and (period.end - period.start).days == 1
        value = (
            cal.timex_value(period, unit)
            if period and (period.precision != "range" or weekend)
            else {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX", "WE": "XXXX-WXX-WE"}.get(
                unit, "XXXX"
            )
        )
        if (
            r == "earlier_this"
            and n == 0
            and period is not None
            and period.known
            and source == "relative_to_dct"
        ):
            # 'earlier this year': from its start to the day before the document date; 'later this
            # week': from the document date to its end (as 'earlier in the year', 'later in the week')
            d = ctx.dct.start
            if mod == "START" and period.start < d <= period.end:
                period = Period(period.start, d - dt.timedelta(days=1), "range")
            elif mod == "END" and period.start <= d <= period.end:
                period = Period(d, period.end, "range")
    return finish(c, ctx, kind, value, period, source, mod)


def resolve_rest_of(c: Candidate, ctx: Context) -> Timex | None:
    """'de rest van het jaar', 'the rest of this week': from the document date to the end of the unit."""
    g = ctx.grammar
    gd = c.g
    unit = g.words["deictic_unit_words"][phrase_key(gd["unit"])]
    kind_d, n = deictic(g, gd.get("deic"))
    if kind_d != "shift":
        return None
    whole, source = dct_relative(ctx, lambda d: cal.unit_period(unit, cal.shift(d, unit, n)))
    value = cal.timex_value(whole, unit) if whole and whole.precision != "range" else "XXXX"
    period = whole
    if whole is not None and whole.known and ctx.dct.start >= whole.start and ctx.dct.end <= whole.end:
        period = Period(ctx.dct.start, whole.end, "range")  # what is left of it
    return finish(c, ctx, "DATE", value, period, source)


def resolve_unit_part(c: Candidate, ctx: Context) -> Timex | None:
    """'the end of the year', 'het begin van de maand', 'year-end', 'later in the week'."""
    g = ctx.grammar
    gd = c.g
    mod = None
    if gd.get("uend"):
        unit, part = g.words["unit_ends"][phrase_key(gd["uend"])], "END"
    else:
        unit = g.words["deictic_unit_words"][phrase_key(gd["unit"])]
        part = g.words["part_of_period"][phrase_key(gd["pw"])]
    if unit not in ("W", "M", "Q", "Y"):
        return None
    period, source = dct_relative(ctx, lambda d: cal.unit_period(unit, d))
    value = cal.timex_value(period, unit) if period and period.precision != "range" else "XXXX"
    pw = phrase_key(gd.get("pw") or "")
    if pw in g.words.get("parts_from_now", []) and period is not None and period.known:
        # 'earlier in the week': from its start to the day before the document date; 'later in the
        # year': from the document date to its end
        d = ctx.dct.start
        if part == "START" and period.start < d:
            period, mod = Period(period.start, d - dt.timedelta(days=1), "range"), part
        elif part == "END":
            period, mod = Period(d, period.end, "range"), part
        else:
            c = replace(c, part=part)
    else:
        c = replace(c, part=part)
    return finish(c, ctx, "DATE", value, period, source, mod)


def resolve_offset_day(c: Candidate, ctx: Context) -> Timex | None:
    """'two days before yesterday', 'drie weken na morgen', 'within 2 weeks from today'."""
    g = ctx.grammar
    surface = ctx.text[c.start : c.end]
    gd = c.g
    unit = g.words["units"][phrase_key(gd["unit"])]
    n = g.lookup_number(gd["num"])
    if n is None or not float(n).is_integer():
        return None
    days = g.words["relative_days"][phrase_key(gd["rel"])][0]
    sign = g.words["offset_words"][phrase_key(gd["dir"])]
    if gd.get("within"):
        # 'within 2 weeks from today': from that day up to (not including) two weeks on; 'binnen 2
        # weken voor gisteren' the two weeks up to yesterday
        def stretch(d: dt.date, k=int(n)) -> Period:
            day = d + dt.timedelta(days=days)
            end = cal.shift(day, unit, sign * k) - dt.timedelta(days=sign)
            return Period(min(day, end), max(day, end), "range")

        period, source = dct_relative(ctx, stretch)
        value = duration_value(n, unit)
        if period is None:
            return Timex(c.start, c.end, surface, "DURATION", value)
        return Timex(c.start, c.end, surface, "DURATION", value, period.start, period.end, "range", source)
    period, source = dct_relative(
        ctx, lambda d: cal.day(cal.shift(d + dt.timedelta(days=days), unit, sign * int(n)))
    )
    value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
    return finish(c, ctx, "DATE", value, period, source)


def resolve_generic(c: Candidate, ctx: Context) -> Timex | None:
    """'now', 'nu', 'the past', 'in the future': the present (the document date) or a vague reference."""
    g = ctx.grammar
    gd = c.g
    period, source = None, "explicit"
    value = g.words["generic"][phrase_key(gd["gen"])]
    if value == "PRESENT_REF":
        period, source = dct_relative(ctx, cal.day)
    else:
        source = "unresolved"
    return finish(c, ctx, "DATE", value, period, source)


# the current periods a clause in the past or the perfect counts only up to the document date (a quarter
# in a report is too often a fiscal one: 'the fourth quarter ended Sept. 30'; a week is short enough whole)
SO_FAR_PRECISIONS = ("year", "month")


def so_far(timexes: list[Timex], ctx: Context) -> list[Timex]:
    """'this year 80 have been convicted', 'dit jaar zijn er al 80 veroordeeld', 'deze maand werden 12
    mensen opgepakt': the year or month the document date falls in, in a clause that speaks of what has
    happened by now (`clauses.looks_back`), runs from its start up to the document date, not to its
    end; in a clause that looks ahead or says neither ('this year 80 will be convicted') it stays
    whole, as does the period of a noun ('this year's election', 'the dividend for this year'). After
    resolution: anaphora ('het jaar ervoor') refer to the whole period."""
    d = ctx.dct
    if d is None or not d.known:
        return timexes
    out = []
    for t in timexes:
        if (
            t.type == "DATE"
            and t.source == "relative_to_dct"
            and t.mod is None
            and t.precision in SO_FAR_PRECISIONS
            and t.date_start is not None
            and t.date_end is not None
            and t.date_start <= d.start
            and d.end < t.date_end
            and not names_a_whole_period(t, ctx)
            and looks_back(ctx.text, ctx.grammar.language, t.start, t.end)
        ):
            t = replace(t, date_end=d.end, precision="range")
        out.append(t)
    return out


def names_a_whole_period(t: Timex, ctx: Context) -> bool:
    """'this year's election', 'the dividend for this year', 'de begroting voor dit jaar': the period a
    noun is of, or a target is set for, is the whole one."""
    possessive = re.match(r"'s(?!\w)", ctx.text[t.end : t.end + 3]) is not None
    return possessive or word_before(ctx.text, t.start) in ctx.grammar.words.get("whole_period_leads", [])


# The family's acceptance checks by rule (`candidates.accept`): False drops the candidate.
ACCEPT: dict[str, Callable[[Candidate, str, Grammar], bool]] = {
    "deictic_unit": accept_deictic_unit,
    "offset_day": accept_offset_day,
    "generic": accept_generic,
}
# The family's resolvers by rule (`tagger.resolve`): the Timex, or None when it is no temporal expression.
RESOLVE: dict[str, Callable[[Candidate, Context], Timex | None]] = {
    "relative_day": resolve_relative_day,
    "earlier_this": resolve_deictic_unit,
    "deictic_unit": resolve_deictic_unit,
    "unit_part": resolve_unit_part,
    "rest_of": resolve_rest_of,
    "offset_day": resolve_offset_day,
    "generic": resolve_generic,
}
