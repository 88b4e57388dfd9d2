"""Times of day: '14.30', '9 a.m.', 'noon', 'half acht', "kwart over negen 's avonds"; and after
resolution a time joined to its day ('vandaag om 20.30', '9 a.m. Tuesday').
"""

from __future__ import annotations

from transforms.alternation import alt
from transforms.temporal.fragments import Fragments


def patterns(f: Fragments) -> list[tuple[str, str]]:
    """The family's rules: (name, regular expression)."""
    return [
        (
            "time",
            rf"{f.START}(?:(?P<hh>[01]?\d|2[0-3]|{f.HOURWORD})(?:[:.](?P<mm>[0-5]\d))?\s*(?P<suf>{alt(f.W.get('times_suffix', []))})"
            rf"(?:\s+(?P<tpart>{alt(f.W.get('clock_parts', {}))}))?(?!\w)|(?P<hh2>[01]?\d|2[0-3]):(?P<mm2>[0-5]\d)(?![\d:.,]\d|\w)"
            rf"(?:\s+(?P<tpart2>{alt(f.W.get('clock_parts', {}))})(?!\w))?"
            rf"|(?<![\d.,])(?P<hh3>[01]?\d|2[0-3])\.(?P<mm3>[0-5]\d)(?![\d:.,]\d|\w)"
            rf"(?:\s+(?P<tpart3>{alt(f.W.get('clock_parts', {}))})(?!\w))?)",
        ),
        # 'noon', 'midnight', 'het middaguur': a time of day named by a word
        ("time_word", rf"{f.START}(?P<tw>{alt(f.W.get('time_words', {}))}){f.END}"),
    ] + clock_word_patterns(f)


def clock_word_patterns(f: Fragments) -> list[tuple[str, str]]:
    """Dutch clock words: 'half acht', 'kwart over negen', 'tien voor half zeven', 'vijf over elf 's avonds'."""
    CW = f.CW
    if not CW:
        return []
    HALFW = alt([CW["half"]])
    return [
        (
            "clock_words",
            rf"{f.START}(?:(?P<cmin>{alt(CW['quarter'] + list(CW['minutes']))})\s+(?P<cdir>{alt(CW['past'] + CW['to'])})"
            rf"\s+(?:(?P<chalf>{HALFW})\s+)?|(?P<chalf2>{HALFW})\s+)(?P<chour>{alt(CW['hours'])}|1[0-2]|[1-9])"
            rf"(?:\s+(?P<cpart>{alt(CW['parts'])}))?{f.END}",
        )
    ]


def gates(f: Fragments) -> dict[str, tuple[str, ...]]:
    """Clock words need one of their own words ('kwart', 'over', 'voor', 'half')."""
    CW = f.CW
    words = CW.get("quarter", []) + CW.get("past", []) + CW.get("to", []) + [CW.get("half", "")]
    return {"clock_words": tuple(sorted({w.lower() for w in words if w}))}
