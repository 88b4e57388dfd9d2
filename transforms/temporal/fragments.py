"""The pieces the temporal rules are written with (`transforms/temporal/rules/`): month and weekday names,
days and years, deictic and unit words, each a regular expression built from the language's resource files.

`fragments` gathers them on one namespace; a rule reads `f.MONTH_ANY`, `f.DAY`, `f.YEAR4` ... and the
language's own word lists as `f.W` (temporal.json), `f.SP` (years in words) and `f.CW` (clock words).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from transforms.alternation import alt

# 'the 2nd of June', 'de 15e van juni', 'the third quarter in 2024': the words that tie a part to its whole
OF_WORDS = ("of", "van", "in")


def range_joiners(words: dict) -> list[str]:
    """The words that join the two ends of a range: 'tot en met', 'tot', 'en', 'to', 'and'."""
    return words.get("range_inclusive", []) + words.get("range_exclusive", []) + words.get("range_and", [])


def is_abbreviation(name: str, names: dict[str, int]) -> bool:
    """'sept', 'mrt' and 'jun' are abbreviations: a longer name with the same number exists."""
    value = names[name]
    return any(len(other) > len(name) and v == value for other, v in names.items()) and len(name) <= 4


def number_pattern(numbers: dict[str, float]) -> str:
    """Digits, number words, and compounds of number words."""
    units = [w for w, v in numbers.items() if 1 <= v < 10 and " " not in w]
    tens = [w for w, v in numbers.items() if v >= 20 and v < 100 and v % 10 == 0]
    compound = f"(?:{alt(units)}(?:ën|en|-)?{alt(tens)}|{alt(tens)}-{alt(units)})"
    return rf"(?:\d+(?:[.,]\d+)?|{compound}|{alt(numbers)})"


# A namespace of regex pieces (str) and word tables (`W`, `SP`, `CW`), one per language.
Fragments = SimpleNamespace


def fragments(
    months: dict[str, int],
    weekdays: dict[str, int],
    numbers: dict[str, float],
    ordinals: dict[str, int],
    words: dict,
    nums: dict,
) -> Fragments:
    """Every piece the rules use, for one language's calendar words, numbers and temporal words."""
    f = Fragments(W=words)
    f.month_full = [m for m in months if not is_abbreviation(m, months)]
    f.month_abbr = [m for m in months if is_abbreviation(m, months)]
    calendar_pieces(f, weekdays, numbers, ordinals, words, nums)
    word_pieces(f, numbers, ordinals)
    year_pieces(f, numbers)
    return f


def calendar_pieces(f: Fragments, weekdays, numbers, ordinals, words, nums) -> None:
    """Months, weekdays, days (in digits and in words) and years in digits."""
    month_full, month_abbr = f.month_full, f.month_abbr
    wd_full = [w for w in weekdays if len(w) > 3]
    wd_abbr = [w for w in weekdays if len(w) <= 4]
    f.MONTH_ANY = rf"(?:{alt(month_full)}|{alt(month_abbr)}\.?)"
    f.MONTH_FULL = alt(month_full)
    f.WD = rf"(?:{alt(wd_full)}|{alt(wd_abbr)}\.?)"
    f.WD_FULL = alt(wd_full)
    f.SUF = alt(f.W.get("ordinal_suffixes", []))
    f.DAY = rf"(?:[012]?\d|3[01])(?:{f.SUF})?"
    # Days written as words ('twee oktober', 'de eerste van januari'); 'een'/'a' are articles far more often.
    day_words = [
        w
        for w, v in numbers.items()
        if isinstance(v, (int, float)) and 1 <= v <= 31 and float(v).is_integer() and " " not in w and v != 1
    ]
    units = [w for w, v in numbers.items() if 1 <= v < 10 and " " not in w and v != 1 or w in ("een", "one")]
    tens = [w for w, v in numbers.items() if v in (20, 30)]
    compound = f"(?:{alt(units)}(?:ën|en|-){alt(tens)}|{alt(tens)}-{alt(units)})"
    f.ORDSUF = alt(words.get("ordinal_word_suffixes", []))
    # English writes an ordinal day as a ten and an ordinal unit: 'twenty-first', 'thirty first' (Dutch
    # 'eenentwintigste' is the compound above with its suffix)
    tens_joiners = nums.get("ordinal_tens_joiners", [])
    f.ORDCOMP = (
        rf"{alt(tens)}(?:{alt(tens_joiners)}){alt([o for o, v in ordinals.items() if 1 <= v <= 9])}|"
        if tens_joiners
        else ""
    )
    f.DAYWORD = rf"(?:{f.ORDCOMP}(?:{compound}|{alt(day_words)})(?:{f.ORDSUF})?|{alt([o for o, v in ordinals.items() if 1 <= v <= 31])})"
    # an ordinal day without its month: '15e', '15th', 'vijftiende'
    f.DAYORD = rf"(?:(?:[012]?\d|3[01])(?:{f.SUF})|{f.ORDCOMP}(?:{compound}|{alt(day_words)})(?:{f.ORDSUF})"
    f.DAYORD += rf"|{alt([o for o, v in ordinals.items() if 1 <= v <= 31])})"
    f.YEAR4 = r"(?:1[89]\d\d|20\d\d|21\d\d)"
    f.YEAR = rf"(?:{f.YEAR4}|'\d\d)"
    # Beside a day and a month a four-digit number is a year, however far back: '5 december 1391'.
    f.ANYYEAR = r"(?:[12]\d\d\d|'\d\d)"


def word_pieces(f: Fragments, numbers, ordinals) -> None:
    """Articles, deictics, units, numbers, parts of the day, seasons, quarters, the edges of a word."""
    f.ART = alt(f.W.get("articles", []))
    f.DEICTIC = alt(f.W.get("deictic", {}))
    # deictics counted from the document date ('next', 'vorige'), not from the story ('following')
    f.SHIFT = alt(k for k, v in f.W.get("deictic", {}).items() if isinstance(v, int))
    # 'the last fiscal quarter', 'the current financial year': a fiscal word may stand before the unit
    f.FISCAL_UNIT = rf"(?:{alt(f.W.get('fiscal_words', []))}\s+)?" if f.W.get("fiscal_words") else ""
    f.UNITWORDS = alt(f.W.get("deictic_unit_words", {}))
    f.DURUNITS = alt(f.W.get("units", {}))
    # a day or longer: '3 minutes from today' is a length and a day, not a moment of that day
    f.DAYUNITS = alt(k for k, v in f.W.get("units", {}).items() if v not in ("H", "MIN", "S"))
    f.DURMOD = alt(f.W.get("duration_modifiers", []))
    f.VAGUE = alt(f.W.get("vague_numbers", []))
    f.PLURAL = alt(f.W.get("plural_units", []))
    # each lead word as a look-behind of its own (a look-behind has one width): 'for ', 'over the '
    f.PLURAL_LEADS = (
        "(?:" + "|".join(rf"(?<=(?<![\w'’]){re.escape(w)}\s)" for w in f.W.get("plural_unit_leads", [])) + ")"
        if f.W.get("plural_unit_leads")
        else r"(?!x)x"
    )
    f.NUM = number_pattern(numbers)
    # 'een half jaar', '2 1/2 years', 'twee en een half uur', 'an hour and a half'
    f.FRAC = alt(f.W.get("fractions", {}))
    f.CW = f.W.get("clock_words", {})
    # hours in words before 'a.m.', "o'clock", 'uur': 'ten am', 'om acht uur'
    f.HOURWORD = alt(
        w
        for w, v in numbers.items()
        if 1 <= v <= 12 and float(v).is_integer() and " " not in w and len(w) > 2
    )
    halves = [w for w, v in numbers.items() if v == 0.5]
    f.HALFART = rf"(?:{alt(f.W.get('half_articles', []))}\s+(?=(?:{alt(halves)})\s))?" if halves else ""
    f.ORD = rf"(?:{alt(ordinals)}|[1-4](?:{f.SUF}))"
    f.PAST = alt(f.W.get("past_suffixes", []))
    f.FUT = alt(f.W.get("future_suffixes", []))
    f.DAYPART = alt(f.W.get("day_parts", {}))
    # the part of the day a weekday before a date may carry: 'woensdagavond 12 maart', 'Friday night, March 3'
    f.WDPART = rf"(?:{f.DAYPART}|\s+{f.DAYPART})?"
    f.SEASON = alt(f.W.get("seasons", {}))
    f.QUARTER = alt(f.W.get("quarter_words", []))
    f.HALF = alt(f.W.get("half_words", []))
    f.YEARWORD = alt(f.W.get("year_words", []))
    f.AGO = alt(f.W.get("ago", []))
    f.FROMNOW = alt(f.W.get("from_now", []))
    f.FUTPREP = alt(f.W.get("future_prepositions", []))
    # '1 month 21 days ago', '2 jaar, 1 maand en 21 dagen geleden': the further amounts of a compound
    # length, each counted (the tagger reads them from `more` with `amount_pattern`)
    f.JOIN = alt(f.W.get("amount_joiners", []))
    f.MORE = rf"(?P<more>(?:(?:\s*,\s*|\s+)(?:{f.JOIN}\s+)?{f.NUM}\s+{f.DURUNITS}(?!\w))+)?"
    f.EARLYLATE = alt(f.W.get("earlier_later", {}))
    # a run of units up to now: 'drie nachten achter elkaar', 'the third consecutive year'
    f.ROW_UNITS = alt(
        [k for k, v in f.W.get("units", {}).items() if v in ("D", "W", "M", "Q", "Y")]
        + list(f.W.get("row_units", {}))
    )
    f.ROW_ORD = rf"(?:{alt(o for o, v in ordinals.items() if v >= 2)}|\d{{1,2}}(?:{f.SUF}))"
    f.ROW_POST = alt(f.W.get("row_postfixes", []))
    # a day of the story: the one stated last ('that same afternoon'), or one on from it ('the next day')
    f.STORY = f.W.get("story_day_words", {})
    f.STORY_SAME = alt(k for k, v in f.STORY.items() if v == 0)
    f.STORY_STEP = alt(k for k, v in f.STORY.items() if v != 0)
    f.STORY_DAY = alt(k for k, v in f.W.get("anaphoric_unit_words", {}).items() if v == "D")
    # not a part of the day that is also a relative day: 'de minister, die morgen vertrekt' is 'who
    # tomorrow', not 'that morning'
    f.SAME_DAYPART = alt(k for k in f.W.get("day_parts", {}) if k not in f.W.get("relative_days", {}))
    f.OF = alt(OF_WORDS)
    f.QCODE = alt(f.W.get("quarter_codes", ["Q"]))
    f.FISCAL = alt(f.W.get("fiscal_words", []))
    # A year follows no word, number or hyphen ('2-1996' is no year), except a part word's: 'mid-1996'
    hyphened = [re.escape(k) for k in f.W.get("part_of_period", {}) if re.fullmatch(r"\w+", k)]
    hyphened += [re.escape(k) for k in f.W.get("year_prefixes", [])]  # 'post-1959', 'pre-2000'
    f.YEAR_START = "(?:(?<![\\w.,/#€$£:-])" + "".join(f"|(?<={k}-)" for k in hyphened) + ")"
    f.YEAR_END = r"(?![\w%]|[.,:]\d|-\d|/\d)"  # not a percentage, a decimal, a number range or a fraction
    # 'nearly four years', 'meer dan 2 weken': an approximation TimeML keeps inside the expression
    f.APPROX = rf"(?:{alt(f.W.get('approximators', []))}\s+)?"
    f.END = r"(?!\w|['’](?!s\b))"  # no word character right after; a possessive ("Friday's") is fine
    f.START = r"(?<![\w'’])"
    f.yr_ref = rf"(?:(?P<year>{f.YEAR4})|(?:{f.ART}\s+)?(?:(?P<ydeic>{f.DEICTIC})\s+)?{f.YEARWORD})"


def year_pieces(f: Fragments, numbers) -> None:
    """Years in words ('nineteen ninety-six', 'tweeduizend achttien'), and what may follow a day and a
    month (an ordinal after the month, a year named from the document date)."""

    # Years in words: 'nineteen ninety-six', 'negentien achtenzeventig' (or as one word, as Dutch writes
    # it: 'negentienachtenzeventig'), 'two thousand and eighteen'
    f.SP = f.W.get("spelled_years", {})
    teens = [w for w, v in numbers.items() if 10 <= v < 20 and " " not in w]
    tens_all = [w for w, v in numbers.items() if 20 <= v < 100 and v % 10 == 0 and " " not in w]
    units_yr = [w for w, v in numbers.items() if 1 <= v < 10 and " " not in w and len(w) > 2]
    f.AND = alt(f.SP.get("and", []))
    f.TWO_DIGIT = (
        rf"(?:{alt(tens_all)}(?:[-\s]{alt(units_yr)})?|{alt(units_yr)}(?:ën|en){alt(tens_all)}|{alt(teens)})"
    )
    f.SPELLED = (
        rf"(?:(?P<ycent>{alt(f.SP.get('centuries', []))})(?:[-\s]?{alt(f.SP.get('hundred', []))})?"
        rf"(?:\s+(?:{f.AND}\s+)?|-)?(?:(?P<yzero>{alt(f.SP.get('zero', []))})[-\s]+(?P<yunit>{alt(units_yr)})"
        rf"|(?P<yy>{f.TWO_DIGIT}))|(?P<ythou>{alt(f.SP.get('thousand', []))})(?:\s+(?:{f.AND}\s+)?(?P<yrest>{f.TWO_DIGIT}|{alt(units_yr)}))?)"
    )

    # An ordinal after the month, as English writes it ('January the 5th', 'June twenty-first'); not one
    # with a noun of its own ('in January the first shipments', 'January first-quarter sales'). Dutch
    # has no such order: 'Ajax werd in januari de derde' is a rank.
    f.MDY_ORD = (
        rf"|(?:{alt(f.W['month_day_articles'])}\s+)?(?P<dw>{f.DAYORD})"
        rf"(?!-|\s+(?!(?:{f.OF}|{alt(range_joiners(f.W))})\b)[^\W\d_])"
        if "month_day_articles" in f.W
        else ""
    )

    # '14 maart vorig jaar', 'on 3 June last year', 'June 3 of next year': after a day and a month, a year
    # named from the document date (the day of that year, not the month)
    f.REL_YEAR = rf"|\s+(?:{f.OF}\s+)?(?P<ydeic>{f.SHIFT})\s+{f.YEARWORD}"
