"""Weeks and weekdays: 'vrijdag', 'next Friday', 'Friday the 2nd', 'week 12', 'the first week of
September', 'the third Monday of next month', 'the 15th of next month', 'het weekend'; and after
resolution 'the week of March 6'.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from transforms.alternation import alt
from transforms.clauses import clause_bounds, phrase_key, word_after, word_before
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
from transforms.temporal.fragments import OF_WORDS, Fragments
from transforms.temporal.grammar import Grammar, needs_one_of
from transforms.temporal.rules.dates import month_day_direction, partial_date
from transforms.temporal.rules.named_periods import is_a_name

# 'Tuesday the first <noun>': how near the document date an ordinal in words must put the day
WEEKDAY_DAY_REACH = 35


def patterns(f: Fragments) -> list[tuple[str, str]]:
    """The family's rules: (name, regular expression)."""
    return [
        # 'week 12', 'week 12 van 2024': the ISO week of that number
        (
            "week_number",
            rf"{f.START}{alt(f.W.get('week_number_words', []))}\s+(?P<wn>0?[1-9]|[1-4]\d|5[0-3])"
            rf"(?:\s*,?\s+(?:{f.OF}\s+)?(?P<year>{f.YEAR4}))?(?![\w.,:]\d|\w)",
        ),
        # 'next week Friday', 'volgende week vrijdag'; the weekday first: 'on Friday next week',
        # 'Monday of last week', 'vrijdag van volgende week' (not this week's Friday)
        (
            "week_weekday",
            rf"{f.START}(?:(?P<deic>{f.DEICTIC})\s+week\s+(?:op\s+|on\s+)?(?P<wd>{f.WD_FULL})"
            rf"|(?P<wd2>{f.WD_FULL})\s+(?:{f.OF}\s+)?(?:{f.ART}\s+)?(?P<deic2>{f.SHIFT})\s+week){f.END}",
        ),
        # 'vrijdag de 15e', 'Friday the 2nd'; after a comma not an ordinal with a noun of its own:
        # 'closed lower Friday, the fourth decline in five days' is the weekday alone
        (
            "weekday_day",
            rf"{f.START}(?P<wd>{f.WD_FULL})(?P<comma>\s*,)?\s+(?:(?:{f.ART})\s+)?(?P<d>{f.DAYORD}){f.END}"
            rf"(?(comma)(?!\s+(?!{f.OF}\b)[^\W\d_]))",
        ),
        (
            "day_of_month",
            rf"{f.START}(?:{f.ART}\s+)?(?P<d>{f.DAYORD})\s+{f.OF}\s+(?:{f.ART}\s+)?(?P<deic>{f.DEICTIC})\s+"
            rf"{alt(k for k, v in f.W.get('deictic_unit_words', {}).items() if v == 'M')}{f.END}",
        ),
        # 'de eerste week van september', 'the last week of 2015', 'de derde week van deze maand'
        (
            "nth_week",
            rf"{f.START}(?:{f.ART}\s+)?(?P<ord>{f.ORD})\s+{alt(f.W.get('week_number_words', []))}\s+{f.OF}\s+"
            rf"(?:(?P<month>{f.MONTH_ANY})(?:\s+(?P<year>{f.YEAR4}))?|(?P<year2>{f.YEAR4})"
            rf"|(?:{f.ART}\s+)?(?P<deic>{f.DEICTIC})\s+(?P<unit>{alt(k for k, v in f.W.get('deictic_unit_words', {}).items() if v in ('M', 'Y'))})){f.END}",
        ),
        (
            "nth_weekday",
            rf"{f.START}(?:{f.ART}\s+)?(?P<ord>{f.ORD})\s+(?P<wd>{f.WD_FULL})\s+{f.OF}\s+(?:(?P<month>{f.MONTH_FULL})"
            rf"(?:\s+(?P<year>{f.YEAR4}))?|(?:{f.ART}\s+)?(?P<deic>{f.DEICTIC})\s+"
            rf"{alt(k for k, v in f.W.get('deictic_unit_words', {}).items() if v == 'M')}){f.END}",
        ),
        (
            "weekday",
            rf"{f.START}(?:(?P<deic>{f.DEICTIC})\s+)?(?P<wd>{f.WD_FULL})(?P<part>{f.DAYPART})?"
            rf"(?:\s+(?P<part2>{f.DAYPART}))?(?:\s+(?P<past>{f.PAST})|\s+(?P<fut>{f.FUT}))?{f.END}",
        ),
        ("weekend", rf"{f.START}(?P<we>{alt(f.W.get('weekend_words', []))}){f.END}"),
    ]


def gates(f: Fragments) -> dict[str, tuple[str, ...]]:
    """The words one of which a text must hold for a rule to be tried (`grammar.Rule.gate`)."""
    week_words = tuple(sorted({w.lower() for w in f.W.get("week_number_words", [])}))
    return {
        "week_number": week_words,
        "nth_week": week_words,
        "day_of_month": needs_one_of(k for k, v in f.W.get("deictic_unit_words", {}).items() if v == "M"),
    }


def accept_weekday(c: Candidate, text: str, g: Grammar) -> bool:
    """'The Sunday Times' is a name."""
    return not is_a_name(c, text, g)


def resolve_weekday_day(c: Candidate, ctx: Context) -> Timex | None:
    """'vrijdag de 15e', 'Friday the 2nd': the 15th, in the month near the document date where it falls
    on a Friday."""
    g = ctx.grammar
    gd = c.g
    # 'vrijdag de 15e': the 15th, in the month near the document date where it falls on a Friday
    wd, dnum = g.weekdays[gd["wd"].lower()], day_number(gd["d"], g)
    if dnum is None or not 1 <= dnum <= 31:
        return None

    def weekday_day(ref: dt.date) -> Period | None:
        options = []
        for k in range(-12, 13):
            y, m = cal.add_months(ref.year, ref.month, k)
            d = cal.valid_day(y, m, dnum)
            if d and d.weekday() == wd:
                options.append(d)
        return cal.day(min(options, key=lambda d: (abs((d - ref).days), d > ref))) if options else None

    period, source = dct_relative(ctx, weekday_day)
    after = word_after(ctx.text, c.end)
    near = (
        period is not None
        and period.known
        and ctx.dct is not None
        and ctx.dct.known
        and abs((period.start - ctx.dct.start).days) <= WEEKDAY_DAY_REACH
    )
    counts_a_noun = re.match(rf"\s*[^\W\d_]+\s+(?:{alt(OF_WORDS)})\s", ctx.text[c.end : c.end + 40], re.I)
    if (
        not any(ch.isdigit() for ch in gd["d"])
        and after[:1].isalpha()
        and after not in OF_WORDS
        and (not near or counts_a_noun)
    ):
        # an ordinal in words may count the noun after it ('announced on Tuesday the first generation
        # of', 'Friday the second round of talks'): with 'of' after that noun it does, else it is a
        # day only when it falls near the document date ('monday the twenty seventh at six pm')
        wd_span = c.spans["wd"]
        return resolve_weekday(
            Candidate(wd_span[0], wd_span[1], "weekday", {"wd": gd["wd"]}, {"wd": wd_span}), ctx
        )
    value = period.start.isoformat() if period and period.precision == "day" else f"XXXX-XX-{dnum:02d}"
    return finish(c, ctx, "DATE", value, period, source)


def resolve_day_in_month(c: Candidate, ctx: Context) -> Timex | None:
    """'the 15th of next month', 'the third Monday of January', 'de eerste maandag van volgende maand'."""
    g = ctx.grammar
    gd = c.g
    r = c.rule
    period, source = None, "explicit"
    kind_d, n = deictic(g, gd.get("deic"))
    if kind_d != "shift":
        return None
    if r == "day_of_month":
        dnum = day_number(gd["d"], g)
        if dnum is None:
            return None

        def pick(y: int, m: int) -> dt.date | None:
            return cal.valid_day(y, m, dnum)
    else:
        o = gd["ord"].lower()
        k = g.ordinals.get(o) or (int(re.match(r"\d+", o).group()) if re.match(r"\d", o) else None)
        wd = g.weekdays[gd["wd"].lower()]
        if not k:
            return None

        def pick(y: int, m: int) -> dt.date | None:
            rule = f"{m:02d}-{list(cal.WEEKDAY_CODES)[wd]}-{'L' if k == -1 else k}"
            d = cal.holiday(rule, y)
            return d if d and d.month == m else None

    if gd.get("month"):
        month = g.lookup_month(gd["month"])
        if gd.get("year"):
            d = pick(int(gd["year"]), month)
            period = cal.day(d) if d else None
        else:

            def in_month(ref: dt.date) -> Period | None:
                days = [d for d in (pick(y, month) for y in (ref.year - 1, ref.year, ref.year + 1)) if d]
                return cal.day(min(days, key=lambda d: (abs((d - ref).days), d > ref))) if days else None

            period, source = dct_relative(ctx, in_month)
    else:

        def relative_month(ref: dt.date) -> Period | None:
            y, m = cal.add_months(ref.year, ref.month, n)
            d = pick(y, m)
            return cal.day(d) if d else None

        period, source = dct_relative(ctx, relative_month)
    value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
    return finish(c, ctx, "DATE", value, period, source)


def resolve_weekend(c: Candidate, ctx: Context) -> Timex | None:
    """'the weekend', 'het weekend': the one just past, or the coming one when the clause looks ahead."""
    value = "XXXX"
    # 'the weekend', 'het weekend': the one just past, or the coming one when the clause looks ahead
    direction = weekday_direction(ctx, c)

    def weekend(ref: dt.date) -> Period:
        saturday = cal.week_of(ref).start + dt.timedelta(days=5)
        if direction < 0 and saturday > ref:
            saturday -= dt.timedelta(days=7)
        return Period(saturday, saturday + dt.timedelta(days=1), "range")

    period, source = dct_relative(ctx, weekend)
    if period is not None and period.known:
        iy, iw, _ = period.start.isocalendar()
        value = f"{iy}-W{iw:02d}-WE"
    return finish(c, ctx, "DATE", value, period, source)


def resolve_week_weekday(c: Candidate, ctx: Context) -> Timex | None:
    """'next week Friday', 'vrijdag van volgende week': that weekday of the week named."""
    g = ctx.grammar
    gd = c.g
    kind_d, n = deictic(g, gd.get("deic") or gd["deic2"])
    if kind_d != "shift":
        return None
    wd = g.weekdays[(gd.get("wd") or gd["wd2"]).lower()]
    period, source = dct_relative(
        ctx, lambda d: cal.day(cal.week_of(cal.shift(d, "W", n)).start + dt.timedelta(days=wd))
    )
    value = period.start.isoformat() if period and period.precision == "day" else f"XXXX-WXX-{wd + 1}"
    return finish(c, ctx, "DATE", value, period, source)


def resolve_nth_week(c: Candidate, ctx: Context) -> Timex | None:
    """'de eerste week van september', 'the last week of 2015', 'de derde week van deze maand'."""
    g = ctx.grammar
    gd = c.g
    source = "explicit"
    o = gd["ord"].lower()
    k = g.ordinals.get(o) or (int(re.match(r"\d+", o).group()) if re.match(r"\d", o) else None)
    if not k:
        return None
    if gd.get("month"):
        month = g.lookup_month(gd["month"])
        if month is None:
            return None
        if gd.get("year"):
            box = cal.month(int(gd["year"]), month)
        else:
            box, source = partial_date(ctx, c, month, None, month_day_direction(ctx, c))
    elif gd.get("year2"):
        box = cal.year(int(gd["year2"]))
    else:
        kind_d, n = deictic(g, gd["deic"])
        unit = g.words["deictic_unit_words"][phrase_key(gd["unit"])]
        if kind_d != "shift":
            return None
        box, source = dct_relative(ctx, lambda d: cal.unit_period(unit, cal.shift(d, unit, n)))
    period = cal.nth_week(box, k) if box is not None and box.known else None
    value = cal.timex_value(period) if period else "XXXX-WXX"
    return finish(c, ctx, "DATE", value, period, source)


def resolve_week_number(c: Candidate, ctx: Context) -> Timex | None:
    """'week 12', 'week 12 van 2024': the ISO week of that number."""
    gd = c.g
    period, source = None, "explicit"
    wn = int(gd["wn"])

    def iso_week(y: int) -> Period | None:
        try:
            return cal.week_of(dt.date.fromisocalendar(y, wn, 1))
        except ValueError:
            return None  # week 53 of a year with 52

    if gd.get("year"):
        period = iso_week(int(gd["year"]))
    else:  # the week of that number in the document's year
        period, source = dct_relative(ctx, lambda d: iso_week(d.isocalendar()[0]))
    value = cal.timex_value(period) if period else f"XXXX-W{wn:02d}"
    return finish(c, ctx, "DATE", value, period, source)


def resolve_weekday(c: Candidate, ctx: Context) -> Timex | None:
    """'vrijdag', 'last Monday', 'volgende zondag', 'maandag jl.': the weekday near the document date
    the words and the clause's tense point to."""
    g = ctx.grammar
    surface = ctx.text[c.start : c.end]
    gd = c.g
    period, source, value = None, "explicit", "XXXX"
    wd = g.weekdays[gd["wd"].lower()]
    kind_d, deic = deictic(g, gd.get("deic"))
    deic = deic if isinstance(deic, int) else -1
    upcoming = phrase_key(gd.get("deic") or "") in g.words.get("upcoming_weekday_deictics", [])
    # 'volgende vrijdag' is the Friday of next week, 'aanstaande vrijdag' the first Friday to come
    weekly = deic == 0 or (deic > 0 and g.words.get("next_weekday_is_next_week", False) and not upcoming)
    if gd.get("deic") and kind_d == "shift" and weekly:
        # 'deze vrijdag' is the Friday of this week, 'volgende zondag' the Sunday of next week
        period, source = dct_relative(
            ctx, lambda d: cal.day(cal.week_of(cal.shift(d, "W", deic)).start + dt.timedelta(days=wd))
        )
        value = period.start.isoformat() if period and period.precision == "day" else f"XXXX-WXX-{wd + 1}"
        return Timex(c.start, c.end, surface, "DATE", value, *period_fields(period), source)
    if gd.get("past") or deic < 0:
        direction, strict = -1, deic < 0  # 'vorige maandag', 'last Monday': not today
    elif gd.get("fut") or deic > 0:
        direction, strict = 1, deic > 0  # English 'next Friday': the coming one, not today
    else:
        direction, strict = weekday_direction(ctx, c), False

    def weekday_near(d: dt.date) -> Period:
        delta = (d.weekday() - wd) % 7 if direction < 0 else (wd - d.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return cal.day(d - dt.timedelta(days=delta) if direction < 0 else d + dt.timedelta(days=delta))

    period, source = dct_relative(ctx, weekday_near)
    # 'Friday night' is annotated as the day (TimeBank, AQUAINT): the part of the day stays in the text
    value = period.start.isoformat() if period and period.precision == "day" else f"XXXX-WXX-{wd + 1}"
    return finish(c, ctx, "DATE", value, period, source)


def weekday_direction(ctx: Context, c: Candidate) -> int:
    """A bare weekday is the one on or before the document date (news reports what happened), unless the
    nearest tense cue of its clause points forward ('zal vrijdag', 'will meet Friday'), or the language
    says the future in the present tense and the clause has no past ('De Kamer stemt dinsdag')."""
    if word_before(ctx.text, c.start) in ctx.grammar.words.get("since_by_now", []):
        return -1  # 'sinds vrijdag': a time since which something holds has begun by now
    direction = ctx.verb_before(c.start) or ctx.tense(c.start, c.end, past_verbs=True)
    perfect = ctx.grammar.words.get("present_looks_ahead")
    if direction == 0 and perfect is not None:
        lo, hi = clause_bounds(ctx.text, ctx.grammar.language, c.start, c.end)
        possessive = set(ctx.grammar.words.get("possessive_after", []))
        auxiliary = (
            m
            for m in re.finditer(rf"(?<!\w){alt(perfect)}(?!\w)", ctx.text[lo:hi], re.I)
            if word_before(ctx.text, lo + m.start()) not in possessive  # 'met zijn collega': his
        )
        if next(auxiliary, None) is None:
            return 1  # 'De Kamer stemt dinsdag': no past tense in the clause, and Dutch says the future so
    return direction or -1


def weeks_of_days(timexes: list[Timex], text: str, g: Grammar) -> list[Timex]:
    """'the week of March 6', 'de week van 9 oktober': the week that holds the day."""
    words = g.words.get("week_of", [])
    if not words:
        return timexes
    rx = re.compile(rf"(?<!\w)(?:{alt(words)})\s+$", re.I)
    out = []
    for t in timexes:
        m = (
            rx.search(text[max(0, t.start - 20) : t.start])
            if t.type == "DATE" and t.precision == "day"
            else None
        )
        if m and t.date_start is not None:
            week = cal.week_of(t.date_start)
            start = t.start - (len(text[max(0, t.start - 20) : t.start]) - m.start())
            t = replace(
                t,
                start=start,
                value=cal.timex_value(week),
                date_start=week.start,
                date_end=week.end,
                precision="week",
            )
        out.append(t)
    return out


# The family's acceptance checks by rule (`candidates.accept`): False drops the candidate.
ACCEPT: dict[str, Callable[[Candidate, str, Grammar], bool]] = {
    "weekday": accept_weekday,
}
# The family's resolvers by rule (`tagger.resolve`): the Timex, or None when it is no temporal expression.
RESOLVE: dict[str, Callable[[Candidate, Context], Timex | None]] = {
    "week_number": resolve_week_number,
    "week_weekday": resolve_week_weekday,
    "weekday_day": resolve_weekday_day,
    "day_of_month": resolve_day_in_month,
    "nth_week": resolve_nth_week,
    "nth_weekday": resolve_day_in_month,
    "weekday": resolve_weekday,
    "weekend": resolve_weekend,
}
