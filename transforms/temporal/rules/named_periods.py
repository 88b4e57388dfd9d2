"""Named periods: quarters and halves ('Q3 2024', 'the third quarter', "last year's period"), seasons
('next spring', 'de zomer van 2021') and holidays ('Christmas 2010', 'Prinsjesdag').
"""

from __future__ import annotations

from transforms.alternation import alt
from transforms.temporal.fragments import Fragments
from transforms.temporal.grammar import needs_one_of


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
