"""Dates the calendar alone anchors: ISO and numeric dates, month and year, years (in digits and in
words), year ranges, fiscal years, decades and centuries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from transforms.alternation import alt
from transforms.clauses import word_after, word_before
from transforms.model import Timex
from transforms.temporal import calendar as cal
from transforms.temporal.context import Candidate, Context, day_number, finish, to_year
from transforms.temporal.fragments import OF_WORDS, Fragments, range_joiners
from transforms.temporal.grammar import Grammar


def patterns(f: Fragments) -> list[tuple[str, str]]:
    """The family's rules: (name, regular expression)."""
    return [
        (
            "iso_date",
            r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
            r"(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2})?)?(?![\w/-]|\.\d)",
        ),
        (
            "numeric_date",
            r"(?<![\w/.,:-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<y>\d{4}|\d{2})(?![\w/-]|[.,]\d)",
        ),
        (
            "numeric_month",
            rf"(?<![\w/.,:-])(?:(?P<y>{f.YEAR4})[-/](?P<m>1[0-2]|0?[1-9])|(?P<m2>1[0-2]|0?[1-9])[-/](?P<y2>{f.YEAR4}))"
            rf"(?![\w/-]|[.,]\d)",
        ),
        (
            "month_year",
            rf"{f.START}(?P<month>{f.MONTH_ANY})\s*,?\s+(?:{f.OF}\s+)?(?P<year>{f.YEAR})(?![\d.,]\d){f.END}",
        ),
        ("year_range", rf"(?<![\w/.,#-])(?P<y1>{f.YEAR4})\s*[-–/]\s*(?P<y2>{f.YEAR4}|\d\d)(?![\w/]|[-.,]\d)"),
        ("fiscal_year", rf"{f.START}{f.FISCAL}\s+(?P<year>{f.YEAR4}){f.YEAR_END}"),
        (
            "spelled_year",
            rf"{f.START}(?:(?:(?P<wd>{f.WD})\s*,?\s+)?(?:(?P<d>{f.DAY}|{f.DAYWORD})\s+(?:{f.OF}\s+)?)?(?P<month>{f.MONTH_ANY})\s*,?\s+"
            # 'September the twenty-first nineteen seventy eight', 'June of nineteen ninety nine'
            rf"(?:(?:{f.ART}\s+)?(?P<d2>{f.DAY}|{f.DAYWORD})\s*,?\s+)?(?:{f.OF}\s+)?"
            rf"|(?P<yart>{f.ART}\s+{f.YEARWORD}\s+))?{f.SPELLED}{f.END}(?!-\w)",
        ),
        # '(?=[12])' first: most positions fail at once, before the look-behinds of f.YEAR_START are tried
        ("year", rf"(?=[12]){f.YEAR_START}(?P<year>{f.YEAR4}){f.YEAR_END}"),
        (
            "decade",
            rf"{f.START}(?:{f.ART}\s+)?(?:(?P<decade>(?:1[89]|20)\d0)'?s|'(?P<dd>[2-9]0)s|(?<=the )(?P<dd2>[2-9]0)s"
            rf"|(?:(?<=the\s)|(?P<dcent>{alt(f.SP.get('centuries', []))})[\s-]+)(?P<dplural>{alt(f.W.get('decade_plurals', {}))})){f.END}",
        ),
        (
            "decade_words",
            rf"{f.START}(?:{f.ART}\s+)?jaren\s+(?:(?P<dyear>(?:1[89]|20)\d0)(?!\s*(?:[-–/]|tot\b|t/m)\s*\d)|'?(?P<dd>[2-9]0)|(?P<dname>{alt(f.W.get('decade_names', {}))})){f.END}",
        ),
        (
            "century",
            rf"{f.START}(?:{f.ART}\s+)?(?P<n>\d{{1,2}})(?:{f.SUF})\s+{alt(f.W.get('century_words', []))}{f.END}",
        ),
    ]


def gates(f: Fragments) -> dict[str, tuple[str, ...]]:
    """The words one of which a text must hold for a rule to be tried (`grammar.Rule.gate`)."""
    # a year in words needs its century or thousand word: most texts have none
    SP = f.SP
    gate_words = SP.get("centuries", []) + [re.split(r"[\s-]", w)[-1] for w in SP.get("thousand", [])]
    return {"spelled_year": tuple(sorted({w.lower() for w in gate_words}))}


def accept_spelled_year(c: Candidate, text: str, g: Grammar) -> bool:
    """'two thousand' alone is a count, and so is 'nineteen twenty-five people'."""
    if c.g.get("ythou") and not (c.g.get("yrest") or c.g.get("month") or c.g.get("yart")):
        return False
    after = word_after(text, c.end)
    return not (after and after in count_nouns(g.language))


def accept_year(c: Candidate, text: str, g: Grammar) -> bool:
    """A four-digit number that is no year: an amount ('€ 2024', '2000 euro', '2000 tot 3000 euro'), a
    count ('2000 mensen'), a reference ('artikel 2000') or the name of a law ('Vreemdelingenwet 2000')."""
    if re.search(r"[€$£¥]\s*$|\b(?:EUR|USD|GBP)\s*$", text[max(0, c.start - 6) : c.start]):
        return False  # '€ 2024' is an amount
    before = word_before(text, c.start)
    if before in g.words.get("reference_words", []):
        return False
    after = word_after(text, c.end)
    # the second year of a pair a few years apart ('between 2019 and 2023 arrivals') is a year
    pair = re.search(r"(\d{4})\s*(?:[-–]|\w+)\s*$", text[max(0, c.start - 20) : c.start])
    paired = pair is not None and a_few_years_apart(int(pair.group(1)), int(c.g["year"]))
    year_lead = before in g.words.get("since", []) or before in g.words.get("year_leads", []) or paired
    if after in currency_words(g.language) or (after in count_nouns(g.language) and not year_lead):
        return False  # '2000 mensen' is a count, '2000 euro' an amount; 'since 2019 arrivals' a year
    if is_an_amount(c, text, g):
        return False
    # 'Vreemdelingenwet 2000', 'Vw 2000', 'Terrorism Act 2000': the name of a law or plan
    return not named_by_year(before, text[max(0, c.start - 60) : c.start], g)


def accept_numeric_date(c: Candidate, text: str, g: Grammar) -> bool:
    """Two numbers that can be a day and a month; '1.7.23' is more often a version or a number."""
    a, b = int(c.g["a"]), int(c.g["b"])
    if c.g["sep"] == "." and len(c.g["y"]) == 2:
        return False
    return 1 <= a <= 31 and 1 <= b <= 31 and not (a > 12 and b > 12)


def accept_year_range(c: Candidate, text: str, g: Grammar) -> bool:
    """Two years at most 60 apart, the later second."""
    y1, y2 = int(c.g["y1"]), int(c.g["y2"])
    if len(c.g["y2"]) == 2:
        y2 = y1 // 100 * 100 + y2
    return 0 < y2 - y1 <= 60


def resolve_iso_date(c: Candidate, ctx: Context) -> Timex | None:
    """'2024-11-21', '2024-11-21T14:30'."""
    gd = c.g
    kind = "DATE"
    d = cal.valid_day(int(gd["y"]), int(gd["m"]), int(gd["d"]))
    if d is None:
        return None
    period, value = cal.day(d), d.isoformat()
    if gd.get("hh"):
        kind, value = "TIME", f"{d.isoformat()}T{gd['hh']}:{gd['mm']}"
    return finish(c, ctx, kind, value, period, "explicit")


def resolve_numeric_date(c: Candidate, ctx: Context) -> Timex | None:
    """'21-11-2024', '11/21/24': day or month first as the document (or the language) writes it."""
    g = ctx.grammar
    gd = c.g
    a, b, y = int(gd["a"]), int(gd["b"]), to_year(gd["y"])
    order = ctx.numeric_order or g.words.get("numeric_date_order", "dmy")
    dd, mm = (a, b) if order == "dmy" else (b, a)
    if mm > 12 and dd <= 12:
        dd, mm = mm, dd
    d = cal.valid_day(y, mm, dd)
    if d is None:
        return None
    period, value = cal.day(d), d.isoformat()
    return finish(c, ctx, "DATE", value, period, "explicit")


def resolve_month_year(c: Candidate, ctx: Context) -> Timex | None:
    """'juni 2024', "June '24"."""
    g = ctx.grammar
    gd = c.g
    month = g.lookup_month(gd["month"])
    if month is None:
        return None
    period = cal.month(to_year(gd["year"]), month)
    value = cal.timex_value(period)
    return finish(c, ctx, "DATE", value, period, "explicit")


def resolve_numeric_month(c: Candidate, ctx: Context) -> Timex | None:
    """'2024-03', '03/2024'."""
    gd = c.g
    y, m = (int(gd["y"]), int(gd["m"])) if gd.get("y") else (int(gd["y2"]), int(gd["m2"]))
    period = cal.month(y, m)
    value = cal.timex_value(period)
    return finish(c, ctx, "DATE", value, period, "explicit")


def resolve_spelled_year(c: Candidate, ctx: Context) -> Timex | None:
    """'nineteen ninety-six', 'June 3, nineteen ninety-six': a year in words, with its month and day."""
    g = ctx.grammar
    gd = c.g
    y = spelled_year(gd, g)
    if y is None:
        return None
    month = g.lookup_month(gd["month"]) if gd.get("month") else None
    dword = gd.get("d") or gd.get("d2")
    dnum = day_number(dword, g) if dword else None
    if month and dnum:
        d = cal.valid_day(y, month, dnum)
        if d is None:
            return None
        period, value = cal.day(d), d.isoformat()
    elif month:
        period = cal.month(y, month)
        value = cal.timex_value(period)
    else:
        period, value = cal.year(y), str(y)
    return finish(c, ctx, "DATE", value, period, "explicit")


def resolve_year(c: Candidate, ctx: Context) -> Timex | None:
    """'2024', 'fiscal 2024'."""
    gd = c.g
    y = int(gd["year"])
    period, value = cal.year(y), str(y)
    return finish(c, ctx, "DATE", value, period, "explicit")


def resolve_year_range(c: Candidate, ctx: Context) -> Timex | None:
    """'2023-2026', '2019/20': the years, each also on its own (as TimeML annotates them)."""
    gd = c.g
    y1 = int(gd["y1"])
    y2 = int(gd["y2"]) if len(gd["y2"]) == 4 else y1 // 100 * 100 + int(gd["y2"])
    period = cal.years(y1, y2)
    timex = finish(c, ctx, "DATE", f"{y1}/{y2}", period, "explicit")
    if not timex.dated:
        return timex
    # TimeML annotates each year of "2023-2026" on its own
    source = timex.source
    first = ctx.text.index(gd["y1"], c.start)
    last = ctx.text.rindex(gd["y2"], c.start, c.end)
    y2 = period.end.year
    return replace(
        timex,
        parts=(
            Timex(
                first,
                first + len(gd["y1"]),
                gd["y1"],
                "DATE",
                gd["y1"],
                period.start,
                dt.date(period.start.year, 12, 31),
                "year",
                source,
            ),
            Timex(
                last,
                last + len(gd["y2"]),
                gd["y2"],
                "DATE",
                str(y2),
                dt.date(y2, 1, 1),
                period.end,
                "year",
                source,
            ),
        ),
    )


def resolve_decade(c: Candidate, ctx: Context) -> Timex | None:
    """'the 1990s', "the '70s", 'the seventies', 'the nineteen seventies'."""
    g = ctx.grammar
    gd = c.g
    if gd.get("decade"):
        y = int(gd["decade"])
    elif gd.get("dplural"):  # 'the seventies', 'the nineteen seventies'
        cent = g.lookup_number(gd["dcent"]) if gd.get("dcent") else 19
        y = int(cent) * 100 + 10 * g.words["decade_plurals"][gd["dplural"].lower()]
    else:  # "the '70s", 'the 70s'
        y = 1900 + int(gd.get("dd") or gd["dd2"])
    period, value = cal.decade(y), str(y)[:3]
    return finish(c, ctx, "DATE", value, period, "explicit")


def resolve_decade_words(c: Candidate, ctx: Context) -> Timex | None:
    """'de jaren 1970', 'de jaren zeventig', "de jaren '80"."""
    g = ctx.grammar
    gd = c.g
    if gd.get("dyear"):  # 'de jaren 1970', 'de jaren 2000'
        y = int(gd["dyear"])
    else:
        dd = int(gd["dd"]) if gd.get("dd") else 10 * g.words["decade_names"][gd["dname"].lower()]
        y = 1900 + dd
    period, value = cal.decade(y), str(y)[:3]
    return finish(c, ctx, "DATE", value, period, "explicit")


def resolve_century(c: Candidate, ctx: Context) -> Timex | None:
    """'the 19th century', 'de 20e eeuw'."""
    gd = c.g
    n = int(gd["n"])
    if not 1 <= n <= 21:
        return None
    period, value = cal.century(n), f"{n - 1:02d}"
    return finish(c, ctx, "DATE", value, period, "explicit")


def is_an_amount(c: Candidate, text: str, g: Grammar) -> bool:
    """A year-like number that is the lower end of an amount: '2000 tot 3000 euro', 'between 2000 and
    2500 migrants' (round numbers far apart, then a currency or a count noun), or before a currency
    code and its word ('2000 US dollars')."""
    W = g.words
    joiners = alt(range_joiners(W) + ["or", "of"])
    m = re.match(
        rf"\s*(?:[-–]|(?:{joiners})(?!\w))\s*(\d[\d.,]*)\s+([\w$€£]+)", text[c.end : c.end + 40], re.I
    )
    units = currency_words(g.language) | count_nouns(g.language)
    if m and m.group(2).lower() in units:
        upper = re.sub(r"[.,]", "", m.group(1))
        if not (upper.isdigit() and len(upper) == 4 and a_few_years_apart(int(c.g["year"]), int(upper))):
            return True
    code = re.match(r"\s+[A-Z]{2,3}\s+([\w$€£]+)", text[c.end : c.end + 20])
    return code is not None and code.group(1).lower() in currency_words(g.language)


@cache
def currency_words(language: str) -> frozenset[str]:
    """Currencies written as words ('euro', 'dollars'; not '€'), from the quantities' units table."""
    return frozenset(k for k in units_table(language, "currencies") if k[:1].isalpha())


def units_table(language: str, section: str) -> list[str]:
    """The lower-cased keys of one section of a language's units.json (owned by the quantities)."""
    from transforms import resources

    units = resources.load(language, "units")
    table = units.get(section, units if section == "nouns" else {}) if isinstance(units, dict) else {}
    return [k.lower() for k in table if isinstance(k, str) and not k.startswith("about")]


def a_few_years_apart(earlier: int, later: int) -> bool:
    """Two four-digit numbers close enough to be the years of one stretch ('between 2019 and 2023'),
    not the ends of an amount ('2000 tot 3000 euro')."""
    return 0 < later - earlier <= 20


def named_by_year(before: str, left: str, g: Grammar) -> bool:
    """A year that is part of a name: after a word the language lists as one that names a law, plan or
    programme by its year ('Act', 'Agenda', 'Vw'), or after a word with such an ending
    ('Vreemdelingenwet', 'Vreemdelingenbesluit'); the word is capitalised ('de wet 2000' is no name)."""
    words = g.words.get("names_with_year", {})
    names, endings = words.get("words", []), tuple(words.get("endings", []))
    # the law word right before the year, or up to three words before with no 'of'/'van' between:
    # 'Wet inburgering 2021', 'Tijdelijke wet opvangvoorzieningen 2023', 'Refugee Convention 1951'
    tail = re.findall(r"[\w'’-]+", left)[-4:]
    breakers = set(OF_WORDS) | set(g.words.get("year_prepositions", []))
    for i, w in enumerate(reversed(tail)):
        lw = w.lower()
        if lw in breakers:
            return False  # 'de wet van 2021', 'het verdrag uit 1951': the year of the law, a date
        if (lw in names or lw.endswith(endings)) and (w[0].isupper() or i > 0 and tail[0][0].isupper()):
            return True
    return False


@cache
def count_nouns(language: str) -> frozenset[str]:
    return frozenset(units_table(language, "nouns"))


def spelled_year(gd: dict, g: Grammar) -> int | None:
    """'nineteen ninety-six' 1996, 'negentien achtenzeventig' 1978, 'twenty oh five' 2005,
    'two thousand and eighteen' 2018."""
    if gd.get("ythou"):
        rest = g.lookup_number(gd["yrest"]) if gd.get("yrest") else 0
        return None if rest is None else 2000 + int(rest)
    cent = g.lookup_number(gd["ycent"])
    yy = g.lookup_number(gd.get("yy") or gd.get("yunit") or "")
    if cent is None or yy is None:
        return None
    return int(cent) * 100 + int(yy)


YEARLESS = ("season", "quarter", "half", "day_range")  # rules whose year is the group 'year'


def attach_spelled_years(cands: list[Candidate], text: str, g: Grammar) -> list[Candidate]:
    """'the spring of nineteen seventy eight', 'het derde kwartaal van tweeduizend twintig', 'van 2 tot 7
    feb, tweeduizend achttien': a year in words after a period without one is that period's year (the
    rules read years in digits themselves; a year in words is found on its own)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and c.rule == "spelled_year"
            and not (c.g.get("month") or c.g.get("yart"))
            and prev.rule in YEARLESS
            and not prev.g.get("year")
            and re.fullmatch(r"\s*,?\s*(?:(?:of|van|in)\s+)?", text[prev.end : c.start], re.I)
        ):
            year = spelled_year(c.g, g)
            if year is not None:
                out[-1] = replace(prev, end=c.end, g=dict(prev.g, year=str(year)))
                continue
        out.append(c)
    return out


# The family's acceptance checks by rule (`candidates.accept`): False drops the candidate.
ACCEPT: dict[str, Callable[[Candidate, str, Grammar], bool]] = {
    "spelled_year": accept_spelled_year,
    "year": accept_year,
    "numeric_date": accept_numeric_date,
    "year_range": accept_year_range,
}
# The family's resolvers by rule (`tagger.resolve`): the Timex, or None when it is no temporal expression.
RESOLVE: dict[str, Callable[[Candidate, Context], Timex | None]] = {
    "iso_date": resolve_iso_date,
    "numeric_date": resolve_numeric_date,
    "numeric_month": resolve_numeric_month,
    "month_year": resolve_month_year,
    "year_range": resolve_year_range,
    "fiscal_year": resolve_year,
    "spelled_year": resolve_spelled_year,
    "year": resolve_year,
    "decade": resolve_decade,
    "decade_words": resolve_decade_words,
    "century": resolve_century,
}
