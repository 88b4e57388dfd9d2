"""Day-month dates and months: '3 juni 2024', 'June 3', '10, 11 en 12 juni', 'maart', 'vorige maand
maart'. A date without its year (a partial date) is placed near the document date, or near the
document's own explicit dates when it has none.
"""

from __future__ import annotations

from transforms.alternation import alt
from transforms.temporal.fragments import Fragments, range_joiners


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
