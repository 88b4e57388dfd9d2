"""Day-month dates and months: '3 juni 2024', 'June 3', '10, 11 en 12 juni', 'maart', 'vorige maand
maart'. A date without its year (a partial date) is placed near the document date, or near the
document's own explicit dates when it has none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from transforms.alternation import alt
from transforms.clauses import phrase_key, word_before
from transforms.model import Period, Timex
from transforms.temporal import calendar as cal
from transforms.temporal.context import Candidate, Context, day_number, dct_relative, finish, to_year, x_value
from transforms.temporal.fragments import Fragments, range_joiners
from transforms.temporal.grammar import Grammar
from transforms.temporal.rules.absolute import spelled_year


def patterns(f: Fragments) -> list[tuple[str, str]]:
    """The family's rules: (name, regular expression)."""
    return [
        (
            "day_range",
            # 'op 10, 11 en 12 juni': a list of days is the stretch from the first to the last
            rf"{f.START}(?:{alt(f.W.get('range_from', []) + f.W.get('range_between', []))}\s+)?(?P<d1>{f.DAY})(?:\s*,\s*{f.DAY})*\s*(?P<conn>[-–]|{alt(range_joiners(f.W))})"
            rf"\s*(?P<d2>{f.DAY})\s+(?P<month>{f.MONTH_ANY})(?:\s*,?\s*(?:(?P<year>{f.YEAR4})|{f.SPELLED}))?{f.END}",
        ),
        (
            "dmy",
            rf"{f.START}(?<!\d[.,:])(?:(?P<wd>{f.WD}){f.WDPART}\s*,?\s+(?:the\s+)?)?(?:{f.ART}\s+)?(?P<d>{f.DAY}|{f.DAYWORD})\.?\s+(?:{f.OF}\s+)?(?P<month>{f.MONTH_ANY})"
            rf"(?:\s*,?\s*(?P<year>{f.ANYYEAR})(?![\d.,]\d){f.REL_YEAR})?(?:\s+(?P<past>{f.PAST})|\s+(?P<fut>{f.FUT}))?(?!\w)",
        ),
        # '1-jan', '28-nov', '23-Sep-2020', '01/sep/2019': a day and a month name joined as in a table
        (
            "dmy_joined",
            rf"(?<![\w/.,:-])(?P<d>[012]?\d|3[01])(?P<sep>[-/])(?P<month>{f.MONTH_ANY})"
            rf"(?:(?P=sep)(?P<year>{f.YEAR4}))?(?![\w/-]|[.,]\d)",
        ),
        (
            "mdy",
            # 'January the 5th', 'June twenty-first': an ordinal with a noun of its own counts that noun
            # ('in January the first shipments', 'January first-quarter sales'); a number with a thousands
            # separator is a count, not a day ('In April 3,100 applications', 'in april 3.100 aanvragen')
            rf"{f.START}(?:(?P<wd>{f.WD}){f.WDPART}\s*,?\s+)?(?P<month>{f.MONTH_ANY})\s+(?:(?P<d>{f.DAY})(?!\d|:\d|[.,]\d{{3}})"
            rf"{f.MDY_ORD})"
            rf"(?:\s*,?\s*(?P<year>{f.YEAR4}){f.REL_YEAR})?{f.END}",
        ),
        (
            "month_rel_year",
            rf"{f.START}(?:(?P<month>{f.MONTH_FULL})\s+(?:{f.OF}\s+)?(?P<ydeic>{f.DEICTIC})\s+{f.YEARWORD}"
            rf"|(?P<ydeic2>{f.DEICTIC})\s+{f.YEARWORD}\s+(?:in\s+)?(?P<month2>{f.MONTH_FULL})){f.END}",
        ),
        ("deictic_month", rf"{f.START}(?P<deic>{f.DEICTIC})\s+(?P<month>{f.MONTH_FULL}){f.END}"),
        # 'juni jl.', 'maart a.s.': the past or coming one
        (
            "month",
            rf"{f.START}(?P<month>{f.MONTH_FULL})(?:\s+(?P<past>{f.PAST})|\s+(?P<fut>{f.FUT}))?{f.END}",
        ),
        # 'May-June 2017', 'Jan.-March', 'Nov–Feb 2017': a month a dash joins to another month is a month,
        # whatever else its word can be ('May' the verb, 'Jan' the name); the range is joined later
        ("month_span", rf"{f.START}(?P<month>{f.MONTH_ANY})(?=\s*[-–]\s*{f.MONTH_ANY}(?!\w))"),
        # an abbreviated month on its own only after a word that announces a month: 'in jan', 'aanstaande feb'
        ("month_abbr", rf"{f.START}(?-i:(?P<month>{alt(f.month_abbr)}))\.?{f.END}"),
    ]


def month_word_accepted(c: Candidate, text: str, g: Grammar) -> bool:
    """A month whose word is also a verb ('may', 'march'): a month only capitalised, and alone (the rule
    `month`) only where a word before it or a month range says it is one. Every rule with a month asks."""
    month = c.g.get("month")
    if month and month.lower().rstrip(".") in g.ambiguous_months:
        if not month[0].isupper():
            return False  # 'may', 'march' as verbs
        # 'mid-March': the word before a hyphen is context too
        hyphened = c.start > 0 and text[c.start - 1] == "-"
        if (
            c.rule == "month"
            and word_before(text, c.start - 1 if hyphened else c.start)
            not in g.words.get("month_context", [])
            and not month_span(c, text, g)
        ):
            return False
    return True


def accept_month(c: Candidate, text: str, g: Grammar) -> bool:
    """English writes a month capitalised: 'march', 'may' in lower case are words."""
    month = c.g.get("month")
    return not (month and not month[0].isupper() and g.language == "en")


def accept_month_abbr(c: Candidate, text: str, g: Grammar) -> bool:
    """'jan' is a name, 'mar' a word: an abbreviation alone needs 'in jan', 'aanstaande feb'."""
    return word_before(text, c.start) in g.words.get("month_abbr_context", []) or month_span(c, text, g)


def resolve_day_month(c: Candidate, ctx: Context) -> Timex | None:
    """'3 juni 2024', 'June 3', 'Monday, Oct. 26', '3 juni jl.': a day and a month, with its year or
    placed near the document date. A year named from the document date ('3 June last year') is
    `resolve_day_rel_year`'s."""
    if c.g.get("ydeic"):
        return resolve_day_rel_year(c, ctx)
    g = ctx.grammar
    gd = c.g
    period, source, value = None, "explicit", "XXXX"
    month = g.lookup_month(gd["month"])
    dnum = day_number(gd.get("d") or gd["dw"], g)
    if month is None or dnum is None or not 1 <= dnum <= 31:
        return None
    if not gd.get("year") and re.match(r"\s*,?\s*\d{3,4}(?!\d)", ctx.text[c.end : c.end + 8]):
        return None  # '5 december 1391': a year we do not believe; never guess another one
    if gd.get("year"):
        d = cal.valid_day(to_year(gd["year"]), month, dnum)
        if d is None:
            return None  # "31 februari 2024": not a day
        period, value = cal.day(d), d.isoformat()
    else:
        if cal.valid_day(2024, month, dnum) is None:
            return None  # no year has a 31 February
        direction = -1 if gd.get("past") else 1 if gd.get("fut") else month_day_direction(ctx, c)
        weekday = g.weekdays.get(gd["wd"].lower().rstrip(".")) if gd.get("wd") else None
        if c.year_hint:
            d = cal.valid_day(c.year_hint, month, dnum)
            period, source = (cal.day(d), "explicit") if d else (None, "unresolved")
        elif weekday is not None and ctx.dct is not None and ctx.dct.known:
            # 'Monday, Oct. 26': the year in which that day is a Monday, nearest the document date
            years = [
                y
                for y in range(ctx.dct.start.year - 1, ctx.dct.start.year + 2)
                if (d := cal.valid_day(y, month, dnum)) and d.weekday() == weekday
            ]
            if years:
                y = min(years, key=lambda y: abs((dt.date(y, month, dnum) - ctx.dct.start).days))
                period, source = cal.day(dt.date(y, month, dnum)), "relative_to_dct"
            else:
                # no year near the document date has that day on that weekday: any year we chose
                # would contradict the text ('Sunday, March eighth' in May 2018 is not 8 March 2019)
                period, source = None, "unresolved"
        else:
            period, source = partial_date(ctx, c, month, dnum, direction)
        value = period.start.isoformat() if period and period.precision == "day" else x_value(month, dnum)
    return finish(c, ctx, "DATE", value, period, source)


def resolve_day_range(c: Candidate, ctx: Context) -> Timex | None:
    """'op 10, 11 en 12 juni', 'van 4 tot 22 mei 2024': the stretch from the first day to the last."""
    g = ctx.grammar
    gd = c.g
    period, source = None, "explicit"
    month = g.lookup_month(gd["month"])
    d1, d2 = int(re.match(r"\d+", gd["d1"]).group()), int(re.match(r"\d+", gd["d2"]).group())
    conn = phrase_key(gd["conn"])
    if conn in g.words.get("range_exclusive", []):
        d2 -= 1  # Dutch 'van 4 tot 22': up to the 22nd, not including it
    if month is None or d2 < d1:
        return None
    spelled = gd.get("ycent") or gd.get("ythou")  # 'van 2 tot 7 feb, tweeduizend achttien'
    y = int(gd["year"]) if gd.get("year") else spelled_year(gd, g) if spelled else None
    if y is not None:
        a, b = cal.valid_day(y, month, d1), cal.valid_day(y, month, d2)
        if not a or not b:
            return None
        period = Period(a, b, "range")
    else:
        p1, source = partial_date(ctx, c, month, d1, 0)
        if p1 is not None and p1.start is not None:
            b = cal.valid_day(p1.start.year, month, d2)
            period = Period(p1.start, b, "range") if b else None
    value = (
        f"{period.start.isoformat()}/{period.end.isoformat()}" if period and period.known else x_value(month)
    )
    return finish(c, ctx, "DATE", value, period, source)


def resolve_month(c: Candidate, ctx: Context) -> Timex | None:
    """'maart', 'in jan', 'May-June', 'this September', 'maart vorig jaar': a month, placed near the
    document date (or by the year a range lends it)."""
    g = ctx.grammar
    gd = c.g
    r = c.rule
    period, source = None, "explicit"
    if "month2" in gd:
        gd = dict(gd, month=gd["month2"], ydeic=gd["ydeic2"])
    month = g.lookup_month(gd["month"])
    if month is None:
        return None
    if r == "month_rel_year":
        n = g.words["deictic"].get(gd["ydeic"].lower(), 0)
        if not isinstance(n, int):
            return None
        period, source = dct_relative(ctx, lambda d: cal.month(d.year + n, month))
    elif r == "deictic_month":
        n = g.words["deictic"].get(phrase_key(gd["deic"]), 0)
        if n == 0:  # 'this September': the one of the document's year
            period, source = dct_relative(ctx, lambda d: cal.month(d.year, month))
        else:
            direction = -1 if (isinstance(n, int) and n < 0) else 1
            period, source = dct_relative(ctx, lambda d: nearest_year_date(d, month, None, direction))
    elif c.year_hint:
        period, source = cal.month(c.year_hint, month), "explicit"
    else:
        direction = -1 if gd.get("past") else 1 if gd.get("fut") else month_day_direction(ctx, c)
        period, source = partial_date(ctx, c, month, None, direction)
        if period is None and ctx.dct is None and ctx.anchor is not None and ctx.anchor.known:
            period, source = cal.month(ctx.anchor.start.year, month), "inherited"
    value = cal.timex_value(period) if period else x_value(month)
    return finish(c, ctx, "DATE", value, period, source)


def month_day_direction(ctx: Context, c: Candidate) -> int:
    """A month or day-month without a year: the nearest occurrence, unless a past-tense verb stands right
    before it ('introduced in April', 'the year ended March 31'), or the nearest tense cue of its clause
    looks ahead (`partial_date`). Measured on TimeBank/AQUAINT: a past tense in the clause misleads
    more often than it helps ('the reduced dividend is payable Jan. 2'); the verb right before does not,
    nor does a future cue."""
    return ctx.verb_before(c.start)


# A yearless month or day further from the document date than this (about four months either way) is
# placed by its clause's tense, not by nearness alone
FAR_DAYS = 120
# A month or holiday over by at most this many days is one just over, not the coming one
JUST_OVER_DAYS = 45


def nearest_year_date(ref: dt.date, month: int, day: int | None, direction: int) -> Period | None:
    """The occurrence of (month, day) nearest to `ref`: direction -1 on/before, +1 on/after, 0 nearest."""
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if day is None:
            p = cal.month(y, month)
        else:
            d = cal.valid_day(y, month, day)
            if d is None:
                continue
            p = cal.day(d)
        options.append(p)
    if not options:
        return None
    if direction < 0:
        past = [p for p in options if p.start <= ref]
        return max(past, key=lambda p: p.start) if past else None
    if direction > 0:
        future = [p for p in options if p.end >= ref]
        return min(future, key=lambda p: p.start) if future else None
    # nearest; a tie goes to the past (news reports what happened)
    return min(
        options,
        key=lambda p: (
            0 if p.start <= ref <= p.end else min(abs((p.start - ref).days), abs((p.end - ref).days)),
            p.start > ref,
        ),
    )


def partial_date(ctx: Context, c: Candidate, month: int, day: int | None, direction: int):
    """A day-month (or month) without a year: from the document date, else from its own explicit dates."""
    if ctx.dct is not None and ctx.dct.known:
        if direction == 0:
            near = nearest_year_date(ctx.dct.start, month, day, 0)
            days = (near.start - ctx.dct.start).days if near is not None else 0
            if abs(days) > FAR_DAYS:
                # 'in March' eight months before or four after: near the middle the clause's tense decides
                direction = ctx.tense(c.start, c.end, past_verbs=True) or ctx.past_verb_before(c.start)
            elif (
                near is not None
                and near.end < ctx.dct.start - dt.timedelta(days=JUST_OVER_DAYS)
                and not re.search(
                    rf"(?<!\w){alt(ctx.grammar.words.get('until', []))}\s+$",
                    ctx.text[max(0, c.start - 20) : c.start],
                )
            ):
                # a month well over under a verb that looks ahead is the coming one ('will be named
                # commander for a mission in December', in March); one just over is not ('will report
                # October sales' in November), nor is the end of a stretch ('an order that he remain
                # until March 6': its 'until' says how long, not that the clause looks ahead)
                direction = max(ctx.tense(c.start, c.end), 0)
        return dct_relative(ctx, lambda d: nearest_year_date(d, month, day, direction))
    if ctx.anchor is not None and ctx.anchor.known and day is not None:
        # the document never says when it was written, but it does say which days it talks about
        p = nearest_year_date(ctx.anchor.start, month, day, 0)
        return p, "inherited"
    return None, "unresolved"


def resolve_day_rel_year(c: Candidate, ctx: Context) -> Timex | None:
    """'op 14 maart vorig jaar', 'on 3 June last year', '14 maart van dit jaar', 'June 3 of next year':
    that day of the year counted from the document date (a day, not the month nor the year)."""
    g = ctx.grammar
    month = g.lookup_month(c.g["month"])
    dnum = day_number(c.g.get("d") or c.g["dw"], g)
    n = g.words["deictic"].get(phrase_key(c.g["ydeic"]))
    if month is None or dnum is None or not isinstance(n, int) or cal.valid_day(2024, month, dnum) is None:
        return None  # no year has a 31 February (29 February is checked in the year it falls in)

    def that_day(d: dt.date) -> Period | None:
        day = cal.valid_day(d.year + n, month, dnum)
        return cal.day(day) if day else None

    period, source = dct_relative(ctx, that_day)
    value = period.start.isoformat() if period and period.precision == "day" else x_value(month, dnum)
    return finish(c, ctx, "DATE", value, period, source)


def month_span(c: Candidate, text: str, g: Grammar) -> bool:
    """'April-May', 'jan.-mei': a month after a dash and another month is a month, whatever else its
    word can be ('May' the verb); the month before the dash is the rule `month_span`'s."""
    prev = re.search(r"([^\W\d_]+)\.?\s*[-–]\s*$", text[max(0, c.start - 20) : c.start])
    return bool(prev and g.lookup_month(prev.group(1)))


# The family's acceptance checks by rule (`candidates.accept`): False drops the candidate.
ACCEPT: dict[str, Callable[[Candidate, str, Grammar], bool]] = {
    "month": accept_month,
    "deictic_month": accept_month,
    "month_abbr": accept_month_abbr,
}
# The family's resolvers by rule (`tagger.resolve`): the Timex, or None when it is no temporal expression.
RESOLVE: dict[str, Callable[[Candidate, Context], Timex | None]] = {
    "day_range": resolve_day_range,
    "dmy": resolve_day_month,
    "dmy_joined": resolve_day_month,
    "mdy": resolve_day_month,
    "month_rel_year": resolve_month,
    "deictic_month": resolve_month,
    "month": resolve_month,
    "month_span": resolve_month,
    "month_abbr": resolve_month,
}
