"""Weeks and weekdays: 'vrijdag', 'next Friday', 'Friday the 2nd', 'week 12', 'the first week of
September', 'the third Monday of next month', 'the 15th of next month', 'het weekend'; and after
resolution 'the week of March 6'.
"""

from __future__ import annotations

from transforms.alternation import alt
from transforms.temporal.fragments import Fragments
from transforms.temporal.grammar import needs_one_of


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
