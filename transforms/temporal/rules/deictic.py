"""Deictic and relative expressions counted from the document date: 'today', 'next week', 'earlier
this year', 'the end of the month', 'the rest of this week', 'two days before yesterday', 'now';
and after resolution the current year or month a clause counts only up to the document date.
"""

from __future__ import annotations

from transforms.alternation import alt
from transforms.temporal.fragments import Fragments
from transforms.temporal.grammar import needs_one_of


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
