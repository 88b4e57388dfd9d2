"""Named periods: quarters and halves ('Q3 2024', 'the third quarter', "last year's period"), seasons
('next spring', 'de zomer van 2021') and holidays ('Christmas 2010', 'Prinsjesdag').
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from transforms.alternation import alt
from transforms.clauses import phrase_key
from transforms.model import Period, Timex
from transforms.temporal import calendar as cal
from transforms.temporal.context import Candidate, Context, dct_relative, finish, to_year
from transforms.temporal.fragments import Fragments
from transforms.temporal.grammar import Grammar, needs_one_of
from transforms.temporal.rules.anaphora import last_referable
from transforms.temporal.rules.dates import JUST_OVER_DAYS


def patterns(f: Fragments) -> list[tuple[str, str]]:
    """The family's rules: (name, regular expression)."""
    return [
        (
            "quarter",
            rf"{f.START}(?:{f.ART}\s+)?(?:(?P<year0>{f.YEAR4})\s+|(?P<ydeic0>{f.DEICTIC})\s+{f.YEARWORD}['’]s\s+"
            rf"|(?P<deic>{f.DEICTIC})\s+)?(?:{f.FISCAL}(?:\s+|-))?(?P<ord>{f.ORD})(?:\s+|-){f.QUARTER}"
            rf"(?:\s+(?:{f.OF}\s+)?{f.yr_ref})?{f.END}",
        ),
        # 'the 1988 quarter', "last year's period": the quarter the text speaks of, in that year
        (
            "year_period",
            rf"{f.START}(?:{f.ART}\s+)?(?:(?P<year>{f.YEAR4})|(?P<ydeic>{f.DEICTIC})\s+{f.YEARWORD}['’]s)\s+"
            rf"(?P<pword>{alt(f.W.get('year_period_words', []))}){f.END}",
        ),
        (
            "quarter_code",
            rf"{f.START}(?:(?P<year0>{f.YEAR4})\s*[-/]?\s*)?(?-i:{f.QCODE})(?P<q>[1-4])"
            rf"(?:\s*[-/]?\s*(?P<year>{f.YEAR4}|'?\d\d)|\s+(?P<ydeic>{f.DEICTIC})\s+{f.YEARWORD})?{f.END}",
        ),
        ("half", rf"{f.START}(?:{f.ART}\s+)?(?P<ord>{f.ORD})\s+{f.HALF}\s+(?:{f.OF}\s+)?{f.yr_ref}{f.END}"),
        ("half_code", rf"{f.START}H(?P<h>[12])\s*(?P<year>{f.YEAR4}){f.END}"),
        (
            "season",
            rf"{f.START}(?:{f.ART}\s+)?(?:(?P<deic>{f.DEICTIC})\s+)?(?P<season>{f.SEASON})"
            # 'de zomer van vorig jaar', 'the summer of last year': the year counted from the document date
            rf"(?:\s+(?:{f.OF}\s+)?(?P<year>{f.YEAR4})|\s+{f.OF}\s+(?:{f.ART}\s+)?(?P<ydeic>{f.SHIFT})\s+{f.YEARWORD})?{f.END}",
        ),
        # 'Christmas 2010', "father's day of 2015", 'vaderdag van 2015', 'Easter of last year', 'kerst van
        # vorig jaar' (deictics counted from the document date only: 'of the following year' stays apart)
        (
            "holiday",
            rf"{f.START}(?P<hol>{alt(f.W.get('holidays', {}))})(?:\s+(?:{f.OF}\s+)?(?P<year>{f.YEAR4})"
            rf"|\s+{f.OF}\s+(?:{f.ART}\s+)?(?P<ydeic>{f.SHIFT})\s+{f.YEARWORD})?{f.END}",
        ),
    ]


def gates(f: Fragments) -> dict[str, tuple[str, ...]]:
    """The words one of which a text must hold for a rule to be tried (`grammar.Rule.gate`)."""
    # most texts have none of these words ('the third quarter', 'next spring')
    W = f.W
    return {
        "quarter": needs_one_of(W.get("quarter_words", [])),
        "half": needs_one_of(W.get("half_words", [])),
        "year_period": needs_one_of(W.get("year_period_words", [])),
        "season": needs_one_of(W.get("seasons", {})),
    }


def accept_quarter_or_half(c: Candidate, text: str, g: Grammar) -> bool:
    """'the last quarter' without a year is the previous or latest one, not the fourth."""
    return not (
        g.ordinals.get(c.g.get("ord", "").lower()) == -1
        and not any(c.g.get(k) for k in ("year", "year0", "ydeic", "ydeic0", "deic"))
    )


def accept_season(c: Candidate, text: str, g: Grammar) -> bool:
    """'The Autumn Statement' is a name; 'prices fall', 'spring into action': a season word that is also
    a verb is a season only with a year, a deictic or a word before it that says so."""
    if is_a_name(c, text, g):
        return False
    season = c.g.get("season")
    return not (
        season
        and season.lower() in g.words.get("ambiguous_seasons", [])
        and not (
            c.g.get("year")
            or c.g.get("deic")
            or re.search(
                r"(?i)\b(?:the|this|last|next|early|late|mid|in|during)\s+$",
                text[max(0, c.start - 12) : c.start],
            )
        )
    )


def accept_holiday(c: Candidate, text: str, g: Grammar) -> bool:
    """'the Good Friday Agreement' is a name."""
    return not is_a_name(c, text, g)


def resolve_holiday(c: Candidate, ctx: Context) -> Timex | None:
    """'Christmas 2010', 'kerst van vorig jaar', 'Prinsjesdag': the holiday's day in that year, or the
    nearest one."""
    g = ctx.grammar
    gd = c.g
    period, source = None, "explicit"
    rule = g.words["holidays"][phrase_key(gd["hol"])]
    if gd.get("year"):
        d = cal.holiday(rule, int(gd["year"]))
        period = cal.day(d) if d else None
    elif gd.get("ydeic"):  # 'Christmas of last year': that year's
        n = g.words["deictic"][phrase_key(gd["ydeic"])]
        period, source = dct_relative(ctx, lambda d: cal.day(cal.holiday(rule, d.year + n)))
    else:
        # the nearest one, unless the clause's tense says the one before or after ('Op Prinsjesdag
        # presenteerde het kabinet' in May is last September's)
        tense = ctx.verb_before(c.start) or ctx.tense(c.start, c.end, past_verbs=True)

        def nearest_holiday(ref: dt.date) -> Period | None:
            days = [d for d in (cal.holiday(rule, y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d]
            # a holiday within weeks of the document date is the one at hand ('as Easter week began')
            far = [d for d in days if abs((d - ref).days) > JUST_OVER_DAYS]
            days = [
                d for d in days if d not in far or (tense >= 0 or d <= ref) and (tense <= 0 or d >= ref)
            ] or days
            return cal.day(min(days, key=lambda d: (abs((d - ref).days), d > ref))) if days else None

        period, source = dct_relative(ctx, nearest_holiday)
    value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
    return finish(c, ctx, "DATE", value, period, source)


def resolve_quarter_or_half(c: Candidate, ctx: Context) -> Timex | None:
    """'Q3 2024', 'the third quarter', 'H1 2024', 'the second half of last year'."""
    g = ctx.grammar
    gd = c.g
    r = c.rule
    period, source = None, "explicit"
    if r == "quarter_code":
        n = int(gd["q"])
    elif r == "half_code":
        n = int(gd["h"])
    else:
        o = gd["ord"].lower()
        n = g.ordinals.get(o) or int(re.match(r"\d", o).group()) if re.match(r"\d", o) else g.ordinals.get(o)
    limit = 4 if r.startswith("quarter") else 2
    if n == -1:
        n = limit  # 'the last quarter of 2024', 'the last half of 1989' (a year is named: see `accept`)
    if not n or not 1 <= n <= limit:
        return None
    make = cal.quarter if r.startswith("quarter") else cal.half
    ytext = gd.get("year") or gd.get("year0")
    if ytext:
        period = make(to_year(ytext), n)
    else:
        ydeic = gd.get("ydeic") or gd.get("ydeic0")
        shift_years = g.words["deictic"].get((ydeic or "").lower(), 0)
        if not isinstance(shift_years, int):
            return None
        period, source = dct_relative(ctx, lambda d: make(d.year + shift_years, n))
        if not ydeic and period is not None and period.known:
            period = make(period.start.year + tensed_year(ctx, c, period), n)
    value = cal.timex_value(period) if period else (f"XXXX-Q{n}" if limit == 4 else f"XXXX-H{n}")
    return finish(c, ctx, "DATE", value, period, source)


def resolve_year_period(c: Candidate, ctx: Context) -> Timex | None:
    """'the 1988 quarter', "last year's period": the quarter last spoken of, in the year named."""
    g = ctx.grammar
    gd = c.g
    period, source, value = None, "explicit", "XXXX"
    # 'the 1988 quarter', "last year's period": the quarter last spoken of, in the year named
    quarter = last_referable(ctx, c.start, ("quarter",))
    if gd.get("year"):
        year, source = cal.year(int(gd["year"])), "explicit"
    else:
        shift_years = g.words["deictic"].get(gd["ydeic"].lower(), 0)
        if not isinstance(shift_years, int):
            return None
        year, source = dct_relative(ctx, lambda d: cal.year(d.year + shift_years))
    if year is None:
        period, value = None, "XXXX"
    elif quarter is None:
        period = year  # no quarter to speak of: the year, which the text does name
        value = cal.timex_value(period)
    else:
        q = (quarter.date_start.month - 1) // 3 + 1
        period, source = cal.quarter(year.start.year, q), "inherited"
        value = cal.timex_value(period)
    return finish(c, ctx, "DATE", value, period, source)


def resolve_season(c: Candidate, ctx: Context) -> Timex | None:
    """'summer 2021', 'next spring', 'de zomer van vorig jaar', 'in het voorjaar'."""
    g = ctx.grammar
    gd = c.g
    period, source = None, "explicit"
    code = g.words["seasons"][gd["season"].lower()]
    if gd.get("year"):
        period = cal.season(int(gd["year"]), code)
    elif gd.get("ydeic"):
        k = g.words["deictic"][phrase_key(gd["ydeic"])]
        period, source = dct_relative(ctx, lambda d: cal.season(d.year + k, code))
    else:
        n = g.words["deictic"].get((gd.get("deic") or "").lower(), 0)
        if not isinstance(n, int):
            return None

        recent = phrase_key(gd.get("deic") or "") in g.words.get("recent_deictics", [])

        def season_near(d: dt.date) -> Period:
            seasons = [cal.season(y, code) for y in range(d.year - 2, d.year + 3)]
            if n > 0:  # 'next spring', 'komende winter': the first still to begin
                return [p for p in seasons if p.start > d][n - 1]
            if n < 0 and recent:  # 'this past spring', 'afgelopen zomer' in October: the latest over
                return [p for p in seasons if p.end < d][n]
            # 'last spring' is the spring of last year (TimeBank), 'this spring' this year's; a winter
            # is named by the year it begins in, so in January 'this winter' began last year
            year = d.year - 1 if code == "WI" and d.month <= 2 else d.year
            return cal.season(year + n, code)

        period, source = dct_relative(ctx, season_near)
        if not gd.get("deic") and period is not None and period.known:
            period = cal.season(period.start.year + tensed_year(ctx, c, period), code)
    value = cal.timex_value(period) if period else f"XXXX-{code}"
    return finish(c, ctx, "DATE", value, period, source)


def tensed_year(ctx: Context, c: Candidate, period: Period) -> int:
    """-1, 1 or 0 years for a yearless quarter, half or season placed in the document's year, when it
    is the time something happens in ('in het vierde kwartaal daalde de instroom' in January: the one
    over; 'ik zal u in het voorjaar informeren' in October: the coming one). Only after a word that
    says so ('in', 'tijdens'): 'will report third-quarter results' in November is this year's."""
    if ctx.dct is None or not ctx.dct.known:
        return 0
    preps = ctx.grammar.words.get("period_prepositions", [])
    if not preps or not re.search(
        rf"(?<!\w){alt(preps)}\s+$", ctx.text[max(0, c.start - 20) : c.start], re.I
    ):
        return 0
    direction = ctx.tense(c.start, c.end, past_verbs=True)
    if direction < 0 and period.start > ctx.dct.end:
        return -1
    if direction > 0 and period.end < ctx.dct.start:
        return 1
    return 0


def is_a_name(c: Candidate, text: str, g: Grammar) -> bool:
    """A capitalised weekday, season or holiday between an article and a capitalised word is part of
    a name ('The Sunday Times', 'the Good Friday Agreement', 'De Zomer Olympische Spelen'), unless that
    word is a month or a weekday ('the Friday December 3 meeting')."""
    articles = alt(g.words.get("articles", []) + ["the", "de", "het"])
    surface = text[c.start : c.end]
    article = re.match(rf"(?:{articles})\s+", surface, re.I)
    word = surface[article.end() :] if article else surface
    # the article may stand before more capitalised words of the name: 'the Good Friday Agreement'
    run = re.search(rf"(?<!\w)(?i:{articles})\s+(?:[A-Z][\w'’-]*\s+)*$", text[max(0, c.start - 60) : c.start])
    if not word[:1].isupper() or not (article or run):
        return False
    nxt = re.match(r"\s+([A-Z][\w'’-]*)", text[c.end : c.end + 40])
    if not nxt:
        return False
    name = nxt.group(1).lower().rstrip(".")
    return g.lookup_month(name) is None and name not in g.weekdays


# The family's acceptance checks by rule (`candidates.accept`): False drops the candidate.
ACCEPT: dict[str, Callable[[Candidate, str, Grammar], bool]] = {
    "quarter": accept_quarter_or_half,
    "half": accept_quarter_or_half,
    "season": accept_season,
    "holiday": accept_holiday,
}
# The family's resolvers by rule (`tagger.resolve`): the Timex, or None when it is no temporal expression.
RESOLVE: dict[str, Callable[[Candidate, Context], Timex | None]] = {
    "quarter": resolve_quarter_or_half,
    "year_period": resolve_year_period,
    "quarter_code": resolve_quarter_or_half,
    "half": resolve_quarter_or_half,
    "half_code": resolve_quarter_or_half,
    "season": resolve_season,
    "holiday": resolve_holiday,
}
