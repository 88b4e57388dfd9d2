"""Anaphora: expressions that name a period the text stated before ('that year', 'the quarter', 'a
year earlier', 'het jaar ervoor', 'the next morning'), and the helpers that find what they refer to.
"""

from __future__ import annotations

from transforms.alternation import alt
from transforms.temporal.fragments import Fragments


def patterns(f: Fragments) -> list[tuple[str, str]]:
    """The family's rules: (name, regular expression)."""
    return [
        ("anaphoric_year", rf"{f.START}(?P<ana>{alt(f.W.get('anaphoric_years', {}))}){f.END}"),
        (
            "anaphoric_unit",
            # 'later that year', 'Earlier that day': the period, the word before it stays in the expression
            rf"{f.START}(?:(?:(?P<el>{f.EARLYLATE})\s+)?(?P<dem>{alt(f.W.get('anaphoric_units', {}))})\s+(?P<unit>"
            rf"{alt(f.W.get('anaphoric_unit_words', {}))})|(?P<bare>{alt(f.W.get('bare_anaphoric_units', {}))})){f.END}",
        ),
        # 'that same afternoon', 'the next morning', 'de dag erna', 'later die avond': a day of the story
        (
            "story_day",
            rf"{f.START}(?:(?P<el>{f.EARLYLATE})\s+)?(?:(?P<same>{f.STORY_SAME})\s+(?P<part>{f.SAME_DAYPART})"
            rf"|(?P<step>{f.STORY_STEP})\s+(?P<unit>{f.DAYPART}|{f.STORY_DAY})"
            rf"|{f.ART}\s+(?P<unit2>{f.DAYPART}|{f.STORY_DAY})\s+(?P<post>{alt(f.W.get('story_day_postfixes', {}))})){f.END}",
        ),
    ]
