"""Dates the calendar alone anchors: ISO and numeric dates, month and year, years (in digits and in
words), year ranges, fiscal years, decades and centuries.
"""

from __future__ import annotations

import re

from transforms.alternation import alt
from transforms.temporal.fragments import Fragments


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
