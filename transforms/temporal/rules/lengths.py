"""Lengths of time and sets: '3 years', 'for years', 'two years ago', 'over 5 dagen', 'binnen 2
weken', 'three nights in a row', 'each Thursday', 'weekly'; and after resolution '3 days from
Tuesday'.
"""

from __future__ import annotations

from transforms.alternation import alt
from transforms.temporal.fragments import Fragments
from transforms.temporal.grammar import needs_one_of


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
