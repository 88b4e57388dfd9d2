"""Anaphora: expressions that name a period the text stated before ('that year', 'the quarter', 'a
year earlier', 'het jaar ervoor', 'the next morning'), and the helpers that find what they refer to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from transforms.alternation import alt
from transforms.clauses import clause_bounds, phrase_key
from transforms.model import Period, Timex
from transforms.temporal import calendar as cal
from transforms.temporal.context import Candidate, Context, dct_relative, finish
from transforms.temporal.fragments import Fragments
from transforms.temporal.grammar import Grammar


def patterns(f: Fragments) -> list[tuple[str, str]]:
    """The family's rules: (name, regular expression)."""
    return [
        ("anaphoric_year", rf"{f.START}(?P<ana>{alt(f.W.get('anaphoric_years', {}))}){f.END}"),
        (
            "anaphoric_unit",
            # 'later that year', 'Earlier that day': the period, the word before it stays in the expression
            rf"{f.START}(?:(?:(?P<el>{f.EARLYLATE})\s+)?(?P<dem>{alt(f.W.get('anaphoric_units', {}))})\s+(?P<unit>"
            rf"{alt(f.W.get('anaphoric_unit_words', {}))})|(?P<bare>{alt(f.W.get('bare_anaphoric_units', {}))})){f.END}",
        ),
        # 'that same afternoon', 'the next morning', 'de dag erna', 'later die avond': a day of the story
        (
            "story_day",
            rf"{f.START}(?:(?P<el>{f.EARLYLATE})\s+)?(?:(?P<same>{f.STORY_SAME})\s+(?P<part>{f.SAME_DAYPART})"
            rf"|(?P<step>{f.STORY_STEP})\s+(?P<unit>{f.DAYPART}|{f.STORY_DAY})"
            rf"|{f.ART}\s+(?P<unit2>{f.DAYPART}|{f.STORY_DAY})\s+(?P<post>{alt(f.W.get('story_day_postfixes', {}))})){f.END}",
        ),
    ]


def resolve_anaphoric_year(c: Candidate, ctx: Context) -> Timex | None:
    """'het jaar ervoor', 'a year earlier': the period last spoken of, a year back, at its own granularity."""
    g = ctx.grammar
    gd = c.g
    period, source, value = None, "explicit", "XXXX"
    # 'het jaar ervoor', 'a year earlier': the period last spoken of, a year back, at its own granularity
    # ('third-quarter profit ... a year earlier' is the third quarter of the year before)
    n = g.words["anaphoric_years"][phrase_key(gd["ana"])]
    fine = ("year", "quarter", "half", "month", "day")
    prev = year_back_base(ctx, c, fine) if n < 0 else last_referable(ctx, c.start, fine, within=400)
    if prev is not None:
        period = year_shifted(prev, n)
        source, value = "inherited", cal.timex_value(period)
    else:
        period, source, value = None, "unresolved", "XXXX"
    return finish(c, ctx, "DATE", value, period, source)


def resolve_anaphoric_unit(c: Candidate, ctx: Context) -> Timex | None:
    """'that year', 'dat jaar', 'the quarter', 'the latest quarter': the period of that unit last
    spoken of."""
    g = ctx.grammar
    gd = c.g
    period, source, value = None, "explicit", "XXXX"
    # 'that year', 'dat jaar', 'the quarter': the period of that unit last spoken of
    unit = (
        g.words["anaphoric_unit_words"][gd["unit"].lower()]
        if gd.get("unit")
        else g.words["bare_anaphoric_units"][phrase_key(gd["bare"])]
    )
    fine = {
        "Y": ("year", "half", "quarter", "month", "week", "day"),
        "Q": ("quarter",),
        "M": ("month", "day"),
        "W": ("week", "day"),
        "D": ("day",),
    }[unit]
    # 'the latest quarter' may come pages after the quarter was named; other units within a few paragraphs
    within = None if unit == "Q" else 1500
    prev = last_referable(ctx, c.start, fine, within)
    dem = phrase_key(gd.get("dem") or "")
    latest = g.words["anaphoric_units"].get(dem) == "latest"
    if latest and ctx.dct is not None and ctx.dct.known:
        # 'the latest quarter' is one that is over: not the fourth quarter a charge is expected in
        prev = last_referable(ctx, c.start, fine, within, ended_by=ctx.dct.start) or prev
    if prev is not None:
        period, source = cal.unit_period(unit, prev.date_start), "inherited"
        value = cal.timex_value(period, unit)
        ctx.restated.add(c.start)  # the period of a stated date, unshifted: a base for later anaphora
    elif latest:  # 'het laatste kwartaal' with none named: the last one over by the document date
        period, source = dct_relative(ctx, lambda d: cal.unit_period(unit, cal.shift(d, unit, -1)))
        value = cal.timex_value(period, unit) if period and period.precision != "range" else "XXXX"
    elif gd.get("bare"):
        return None  # 'the quarter' with nothing to refer to is no date
    else:
        period, source, value = None, "unresolved", "XXXX"
    return finish(c, ctx, "DATE", value, period, source)


def referable(ctx: Context, t: Timex) -> bool:
    """What anaphora may refer back to: a stated date, or 'the quarter' that named a stated one again
    (the same period, unshifted, so referring through it cannot drift)."""
    return stated(t) or t.start in ctx.restated


def last_referable(
    ctx: Context,
    before: int,
    precisions: tuple[str, ...],
    within: int | None = None,
    ended_by: dt.date | None = None,
) -> Timex | None:
    """The latest referable date before `before` at one of `precisions`, at most `within` characters
    back (no limit for the quarter a report names once and means throughout), and when `ended_by` is
    given one over by then."""
    return next(
        (
            t
            for t in reversed(ctx.resolved)
            if referable(ctx, t)
            and t.precision in precisions
            and t.end <= before
            and (within is None or before - t.end < within)
            and (ended_by is None or t.date_end < ended_by)
        ),
        None,
    )


def reportable(ctx: Context, t: Timex) -> bool:
    """A period figures can be reported for by the document date: one over by then, or the year in
    progress (its figures to date)."""
    d = ctx.dct.start
    return t.date_end < d or (t.precision == "year" and t.date_start <= d)


def year_back_base(
    ctx: Context, c: Candidate, precisions: tuple[str, ...], reach: int = 1500
) -> Timex | None:
    """The period a year-back comparison ('a year earlier', 'the year-ago period', 'from $85 million last
    year') sets a figure against: the latest referable one within a few sentences (at one of
    `precisions`), unless that one has yet to come. A result is reported for a period figures exist
    for ('Bethlehem posted a 54% drop in third-quarter profit ... he thinks steelmakers will report
    losses through the third quarter of 1990 ... In the year-ago period' is the third quarter of 1988,
    not of 1989), so then forecasts are passed over for the latest period spoken of that figures exist
    for: within a few sentences, or up to `reach` characters back the quarter or half a report is
    about ('a year ago', which counts from the document date, reaches less far than 'a year earlier',
    which counts from the text's own time). A later period spoken of as no forecast (a document whose
    date is off) stops the search, as does a stretch in the same few sentences ('in the nine months
    ... a year earlier' compares the nine months). A clause that looks ahead ('sales are expected to
    rise from a year earlier') compares with the forecast period itself, so there the latest one stays."""
    prev = last_referable(ctx, c.start, precisions, within=400)
    if ctx.dct is None or not ctx.dct.known or (prev is not None and reportable(ctx, prev)):
        return prev
    if prev is not None and ctx.tense(c.start, c.end) > 0:
        return prev
    for t in reversed(ctx.resolved):
        if t.end > c.start:
            continue
        near = c.start - t.end < 400
        if c.start - t.end >= reach or (t.type == "DURATION" and near):
            break
        if not referable(ctx, t) or (not near and t.precision not in ("quarter", "half")):
            continue  # paragraphs back only the quarter or half a report is about
        if not reportable(ctx, t):
            if ctx.tense(t.start, t.end) > 0:
                continue  # a forecast ('will report losses through the third quarter of 1990')
            return prev
        # the latest period with figures; one of another granularity ('1988') is not compared
        return t if t.precision in precisions else prev
    return prev


def compared(ctx: Context, c: Candidate) -> bool:
    """A comparison ('than', 'compared with', 'from') earlier in the clause: 'compared with earnings of
    $6 million last year' sets a figure against the same period a year back."""
    cues = ctx.grammar.words.get("comparison_cues", [])
    lo = max(max(ctx.text.rfind(ch, 0, c.start) for ch in ".;!?\n,") + 1, c.start - 80)
    return bool(cues) and re.search(rf"(?<!\w){alt(cues)}(?!\w)", ctx.text[lo : c.start], re.I) is not None


def stated(t: Timex) -> bool:
    """A date the text states (itself or against the document date): what anaphora may refer back to.
    Dates found by anaphora are not, or 'the quarter' after 'a year earlier' would drift a year back."""
    return t.dated and t.type == "DATE" and t.source in ("explicit", "relative_to_dct")


def year_shifted(t: Timex, n: int) -> Period:
    """The period of `t` moved by n years, at the same granularity."""
    start = cal.shift(t.date_start, "Y", n)
    if t.precision == "quarter":
        return cal.quarter(start.year, (start.month - 1) // 3 + 1)
    if t.precision == "half":
        return cal.half(start.year, 1 if start.month <= 6 else 2)
    if t.precision == "month":
        return cal.month(start.year, start.month)
    if t.precision == "day":
        return cal.day(start)
    return cal.year(start.year)


def anaphor_base(ctx: Context, c: Candidate) -> Timex | None:
    """The latest dated expression before `c` (within a few paragraphs) that 'the following year' refers to."""
    return next(
        (t for t in reversed(ctx.resolved) if t.dated and t.end <= c.start and c.start - t.end < 1500), None
    )


# how far back a day of the story may be stated (a few paragraphs)
STORY_REACH = 1500


def story_anchor(ctx: Context, before: int) -> Timex | None:
    """The day the story is at: the last date the text states before `before` (within a few
    paragraphs), when that is a day ('On 3 May ... That afternoon'); None when it is not ('In May ...
    that afternoon' names no day, nor does a 'today' without a document date) or when there is none."""
    last = next((t for t in reversed(ctx.resolved) if t.end <= before and t.type == "DATE"), None)
    if (
        last is None
        or before - last.end >= STORY_REACH
        or last.precision != "day"
        or not referable(ctx, last)
    ):
        return None
    return last


def resolve_story_day(c: Candidate, ctx: Context) -> Timex | None:
    """'that same afternoon', 'later die dag' ('that day' is `anaphoric_unit`'s), 'the next morning', 'de
    volgende ochtend', 'de dag erna', 'the previous evening': the day of the story (the last day stated
    before it), or the day after or before it, not the document date; unresolved without such a day.
    As TimeML writes 'the next morning', the value is the day. A later 'that evening' may refer to it."""
    W = ctx.grammar.words
    if c.g.get("same"):
        step = 0
    elif c.g.get("step"):
        step = W["story_day_words"][phrase_key(c.g["step"])]
    else:
        step = W["story_day_postfixes"][phrase_key(c.g["post"])]
    anchor = story_anchor(ctx, c.start)
    if anchor is None or anchor.date_start is None:
        return finish(c, ctx, "DATE", "XXXX-XX-XX", None, "unresolved")
    day = anchor.date_start + dt.timedelta(days=step)
    ctx.restated.add(c.start)
    return finish(c, ctx, "DATE", day.isoformat(), cal.day(day), "inherited")


def stated_day_in_clause(ctx: Context, c: Candidate) -> Timex | None:
    """The last day stated in the clause of `c`, before it."""
    lo = clause_bounds(ctx.text, ctx.grammar.language, c.start, c.end)[0]
    return last_referable(ctx, c.start, ("day",), within=c.start - lo)


# The family's acceptance checks by rule (`candidates.accept`): False drops the candidate.
ACCEPT: dict[str, Callable[[Candidate, str, Grammar], bool]] = {}
# The family's resolvers by rule (`tagger.resolve`): the Timex, or None when it is no temporal expression.
RESOLVE: dict[str, Callable[[Candidate, Context], Timex | None]] = {
    "anaphoric_year": resolve_anaphoric_year,
    "anaphoric_unit": resolve_anaphoric_unit,
    "story_day": resolve_story_day,
}
