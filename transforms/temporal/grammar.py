"""The temporal grammar of one language, compiled from its resource files.

The patterns are language-neutral templates (day month year, month day year, deictic + unit,
number + unit + ago, ...); every word they use comes from `transforms/resources/<lang>/`
(calendar.json, numbers.json, temporal.json). A new language is a new resource folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms import resources
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


def needs_one_of(phrases) -> tuple[str, ...]:
    """A rule's gate (`Rule.gate`) when every match holds one of `phrases`: the longest word of each (the
    last of equally long ones: 'op een rij' needs 'rij'), in lower case; a phrase may be broken over
    lines, a word not."""
    return tuple(sorted({max(reversed(p.lower().split()), key=len) for p in phrases if p.strip()}))


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    folded: bool  # compiled without IGNORECASE, to run on `fold(text)` (see `compile_rule`)
    # Lower-case words of which the rule needs one: a text with none of them is not scanned at all
    gate: tuple[str, ...] = ()


def compile_rule(name: str, source: str, gate: tuple[str, ...] = ()) -> Rule:
    """Compile a rule; when nothing in it depends on case, for lower-cased text.

    The regex engine compares case-insensitive letters the slow way, one branch at a time, so a
    rule runs about 1.5 times faster on text lower-cased once than with IGNORECASE. A rule that
    names an upper-case letter ('Q3', 'H1', ISO's 'T') or switches case-sensitivity on keeps
    IGNORECASE and reads the text as written.
    """
    letters = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", source)  # escapes and group names are not text
    if "(?-i" in source or any(c.isupper() for c in letters):
        return Rule(name, re.compile(source, re.IGNORECASE | re.UNICODE), folded=False, gate=gate)
    return Rule(name, re.compile(source, re.UNICODE), folded=True, gate=gate)


def fold(text: str) -> str:
    """`text` lower-cased, character for character (offsets stay valid): the few characters whose
    lower case is longer ('İ') stay as they are."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered  # lower() never shortens a character, so equal lengths map one to one
    return "".join(low if len(low) == 1 else c for c, low in ((c, c.lower()) for c in text))


@dataclass(frozen=True)
class Grammar:
    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    words: dict  # temporal.json
    rules: tuple[Rule, ...]  # in priority order
    citation: re.Pattern | None
    ambiguous_months: frozenset[str]

    def lookup_month(self, word: str) -> int | None:
        return self.months.get(word.lower().rstrip("."))

    def lookup_number(self, word: str) -> float | None:
        """A cardinal written in digits or words ('3', 'drie', 'twenty-one', 'eenentwintig')."""
        w = re.sub(r"\s+", " ", word.lower().strip())
        if re.fullmatch(r"\d+", w):
            return float(w)
        if re.fullmatch(r"\d+[.,]\d{1,2}", w):  # '1,5 uur', '2.5 years'
            return float(w.replace(",", "."))
        if w in self.numbers:
            return float(self.numbers[w])
        for joiner in ("ën", "en", "-", " "):
            # English 'twenty-one'; Dutch 'eenentwintig' is unit + en + tens ('een' itself holds 'en')
            for m in re.finditer(re.escape(joiner), w):
                a, b = w[: m.start()], w[m.end() :]
                if a in self.numbers and b in self.numbers:
                    return float(self.numbers[a] + self.numbers[b])
        return None


@cache
def amount_pattern(language: str) -> re.Pattern:
    """One amount of a unit ('21 days', 'een maand'), to read the further amounts of a compound length."""
    g = grammar(language)
    units = alt(g.words.get("units", {}))
    return re.compile(rf"(?<!\w)(?P<num>{number_pattern(g.numbers)})\s+(?P<unit>{units})(?!\w)", re.I)


def number_words(language: str) -> dict[str, float]:
    data = resources.load(language, "numbers")
    return {k: v for k, v in data.get("cardinals", {}).items() if isinstance(v, (int, float))}


def number_pattern(numbers: dict[str, float]) -> str:
    """Digits, number words, and compounds of number words."""
    units = [w for w, v in numbers.items() if 1 <= v < 10 and " " not in w]
    tens = [w for w, v in numbers.items() if v >= 20 and v < 100 and v % 10 == 0]
    compound = f"(?:{alt(units)}(?:ën|en|-)?{alt(tens)}|{alt(tens)}-{alt(units)})"
    return rf"(?:\d+(?:[.,]\d+)?|{compound}|{alt(numbers)})"


@cache
def grammar(language: str) -> Grammar:
    cal = resources.load(language, "calendar")
    words = resources.load(language, "temporal")
    nums = resources.load(language, "numbers")
    if not cal or not words:
        raise KeyError(f"no temporal resources for language {language!r}")
    months: dict[str, int] = cal["months"]
    weekdays: dict[str, int] = cal["weekdays"]
    numbers = number_words(language) | words.get("duration_numbers", {})
    ordinals = {k: v for k, v in nums.get("ordinals", {}).items()}

    month_full = [m for m in months if not is_abbreviation(m, months)]
    month_abbr = [m for m in months if is_abbreviation(m, months)]
    wd_full = [w for w in weekdays if len(w) > 3]
    wd_abbr = [w for w in weekdays if len(w) <= 4]
    ambiguous = frozenset(words.get("ambiguous_months", []))

    W = words
    MONTH_ANY = rf"(?:{alt(month_full)}|{alt(month_abbr)}\.?)"
    MONTH_FULL = alt(month_full)
    WD = rf"(?:{alt(wd_full)}|{alt(wd_abbr)}\.?)"
    WD_FULL = alt(wd_full)
    SUF = alt(W.get("ordinal_suffixes", []))
    DAY = rf"(?:[012]?\d|3[01])(?:{SUF})?"
    # Days written as words ('twee oktober', 'de eerste van januari'); 'een'/'a' are articles far more often.
    day_words = [
        w
        for w, v in numbers.items()
        if isinstance(v, (int, float)) and 1 <= v <= 31 and float(v).is_integer() and " " not in w and v != 1
    ]
    units = [w for w, v in numbers.items() if 1 <= v < 10 and " " not in w and v != 1 or w in ("een", "one")]
    tens = [w for w, v in numbers.items() if v in (20, 30)]
    compound = f"(?:{alt(units)}(?:ën|en|-){alt(tens)}|{alt(tens)}-{alt(units)})"
    ORDSUF = alt(words.get("ordinal_word_suffixes", []))
    # English writes an ordinal day as a ten and an ordinal unit: 'twenty-first', 'thirty first' (Dutch
    # 'eenentwintigste' is the compound above with its suffix)
    tens_joiners = nums.get("ordinal_tens_joiners", [])
    ORDCOMP = (
        rf"{alt(tens)}(?:{alt(tens_joiners)}){alt([o for o, v in ordinals.items() if 1 <= v <= 9])}|"
        if tens_joiners
        else ""
    )
    DAYWORD = rf"(?:{ORDCOMP}(?:{compound}|{alt(day_words)})(?:{ORDSUF})?|{alt([o for o, v in ordinals.items() if 1 <= v <= 31])})"
    # an ordinal day without its month: '15e', '15th', 'vijftiende'
    DAYORD = rf"(?:(?:[012]?\d|3[01])(?:{SUF})|{ORDCOMP}(?:{compound}|{alt(day_words)})(?:{ORDSUF})"
    DAYORD += rf"|{alt([o for o, v in ordinals.items() if 1 <= v <= 31])})"
    YEAR4 = r"(?:1[89]\d\d|20\d\d|21\d\d)"
    YEAR = rf"(?:{YEAR4}|'\d\d)"
    # Beside a day and a month a four-digit number is a year, however far back: '5 december 1391'.
    ANYYEAR = r"(?:[12]\d\d\d|'\d\d)"
    ART = alt(W.get("articles", []))
    DEICTIC = alt(W.get("deictic", {}))
    # deictics counted from the document date ('next', 'vorige'), not from the story ('following')
    SHIFT = alt(k for k, v in W.get("deictic", {}).items() if isinstance(v, int))
    # 'the last fiscal quarter', 'the current financial year': a fiscal word may stand before the unit
    FISCAL_UNIT = rf"(?:{alt(W.get('fiscal_words', []))}\s+)?" if W.get("fiscal_words") else ""
    UNITWORDS = alt(W.get("deictic_unit_words", {}))
    DURUNITS = alt(W.get("units", {}))
    # a day or longer: '3 minutes from today' is a length and a day, not a moment of that day
    DAYUNITS = alt(k for k, v in W.get("units", {}).items() if v not in ("H", "MIN", "S"))
    DURMOD = alt(W.get("duration_modifiers", []))
    VAGUE = alt(W.get("vague_numbers", []))
    PLURAL = alt(W.get("plural_units", []))
    # each lead word as a look-behind of its own (a look-behind has one width): 'for ', 'over the '
    PLURAL_LEADS = (
        "(?:" + "|".join(rf"(?<=(?<![\w'’]){re.escape(w)}\s)" for w in W.get("plural_unit_leads", [])) + ")"
        if W.get("plural_unit_leads")
        else r"(?!x)x"
    )
    NUM = number_pattern(numbers)
    # 'een half jaar', '2 1/2 years', 'twee en een half uur', 'an hour and a half'
    FRAC = alt(W.get("fractions", {}))
    CW = W.get("clock_words", {})
    # hours in words before 'a.m.', "o'clock", 'uur': 'ten am', 'om acht uur'
    HOURWORD = alt(
        w
        for w, v in numbers.items()
        if 1 <= v <= 12 and float(v).is_integer() and " " not in w and len(w) > 2
    )
    halves = [w for w, v in numbers.items() if v == 0.5]
    HALFART = rf"(?:{alt(W.get('half_articles', []))}\s+(?=(?:{alt(halves)})\s))?" if halves else ""
    ORD = rf"(?:{alt(ordinals)}|[1-4](?:{SUF}))"
    PAST = alt(W.get("past_suffixes", []))
    FUT = alt(W.get("future_suffixes", []))
    DAYPART = alt(W.get("day_parts", {}))
    # the part of the day a weekday before a date may carry: 'woensdagavond 12 maart', 'Friday night, March 3'
    WDPART = rf"(?:{DAYPART}|\s+{DAYPART})?"
    SEASON = alt(W.get("seasons", {}))
    QUARTER = alt(W.get("quarter_words", []))
    HALF = alt(W.get("half_words", []))
    YEARWORD = alt(W.get("year_words", []))
    AGO = alt(W.get("ago", []))
    FROMNOW = alt(W.get("from_now", []))
    FUTPREP = alt(W.get("future_prepositions", []))
    # '1 month 21 days ago', '2 jaar, 1 maand en 21 dagen geleden': the further amounts of a compound
    # length, each counted (the tagger reads them from `more` with `amount_pattern`)
    JOIN = alt(W.get("amount_joiners", []))
    MORE = rf"(?P<more>(?:(?:\s*,\s*|\s+)(?:{JOIN}\s+)?{NUM}\s+{DURUNITS}(?!\w))+)?"
    EARLYLATE = alt(W.get("earlier_later", {}))
    # a run of units up to now: 'drie nachten achter elkaar', 'the third consecutive year'
    ROW_UNITS = alt(
        [k for k, v in W.get("units", {}).items() if v in ("D", "W", "M", "Q", "Y")]
        + list(W.get("row_units", {}))
    )
    ROW_ORD = rf"(?:{alt(o for o, v in ordinals.items() if v >= 2)}|\d{{1,2}}(?:{SUF}))"
    ROW_POST = alt(W.get("row_postfixes", []))
    # a day of the story: the one stated last ('that same afternoon'), or one on from it ('the next day')
    STORY = W.get("story_day_words", {})
    STORY_SAME = alt(k for k, v in STORY.items() if v == 0)
    STORY_STEP = alt(k for k, v in STORY.items() if v != 0)
    STORY_DAY = alt(k for k, v in W.get("anaphoric_unit_words", {}).items() if v == "D")
    # not a part of the day that is also a relative day: 'de minister, die morgen vertrekt' is 'who
    # tomorrow', not 'that morning'
    SAME_DAYPART = alt(k for k in W.get("day_parts", {}) if k not in W.get("relative_days", {}))
    OF = alt(OF_WORDS)
    QCODE = alt(W.get("quarter_codes", ["Q"]))
    FISCAL = alt(W.get("fiscal_words", []))
    # A year follows no word, number or hyphen ('2-1996' is no year), except a part word's: 'mid-1996'
    hyphened = [re.escape(k) for k in W.get("part_of_period", {}) if re.fullmatch(r"\w+", k)]
    hyphened += [re.escape(k) for k in W.get("year_prefixes", [])]  # 'post-1959', 'pre-2000'
    YEAR_START = "(?:(?<![\\w.,/#€$£:-])" + "".join(f"|(?<={k}-)" for k in hyphened) + ")"
    YEAR_END = r"(?![\w%]|[.,:]\d|-\d|/\d)"  # not a percentage, a decimal, a number range or a fraction
    # 'nearly four years', 'meer dan 2 weken': an approximation TimeML keeps inside the expression
    APPROX = rf"(?:{alt(W.get('approximators', []))}\s+)?"
    END = r"(?!\w|['’](?!s\b))"  # no word character right after; a possessive ("Friday's") is fine
    START = r"(?<![\w'’])"
    yr_ref = rf"(?:(?P<year>{YEAR4})|(?:{ART}\s+)?(?:(?P<ydeic>{DEICTIC})\s+)?{YEARWORD})"

    # Years in words: 'nineteen ninety-six', 'negentien achtenzeventig' (or as one word, as Dutch writes
    # it: 'negentienachtenzeventig'), 'two thousand and eighteen'
    SP = W.get("spelled_years", {})
    teens = [w for w, v in numbers.items() if 10 <= v < 20 and " " not in w]
    tens_all = [w for w, v in numbers.items() if 20 <= v < 100 and v % 10 == 0 and " " not in w]
    units_yr = [w for w, v in numbers.items() if 1 <= v < 10 and " " not in w and len(w) > 2]
    AND = alt(SP.get("and", []))
    TWO_DIGIT = (
        rf"(?:{alt(tens_all)}(?:[-\s]{alt(units_yr)})?|{alt(units_yr)}(?:ën|en){alt(tens_all)}|{alt(teens)})"
    )
    SPELLED = (
        rf"(?:(?P<ycent>{alt(SP.get('centuries', []))})(?:[-\s]?{alt(SP.get('hundred', []))})?"
        rf"(?:\s+(?:{AND}\s+)?|-)?(?:(?P<yzero>{alt(SP.get('zero', []))})[-\s]+(?P<yunit>{alt(units_yr)})"
        rf"|(?P<yy>{TWO_DIGIT}))|(?P<ythou>{alt(SP.get('thousand', []))})(?:\s+(?:{AND}\s+)?(?P<yrest>{TWO_DIGIT}|{alt(units_yr)}))?)"
    )

    # An ordinal after the month, as English writes it ('January the 5th', 'June twenty-first'); not one
    # with a noun of its own ('in January the first shipments', 'January first-quarter sales'). Dutch
    # has no such order: 'Ajax werd in januari de derde' is a rank.
    MDY_ORD = (
        rf"|(?:{alt(W['month_day_articles'])}\s+)?(?P<dw>{DAYORD})"
        rf"(?!-|\s+(?!(?:{OF}|{alt(range_joiners(W))})\b)[^\W\d_])"
        if "month_day_articles" in W
        else ""
    )

    # '14 maart vorig jaar', 'on 3 June last year', 'June 3 of next year': after a day and a month, a year
    # named from the document date (the day of that year, not the month)
    REL_YEAR = rf"|\s+(?:{OF}\s+)?(?P<ydeic>{SHIFT})\s+{YEARWORD}"

    rules = [
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
            "day_range",
            # 'op 10, 11 en 12 juni': a list of days is the stretch from the first to the last
            rf"{START}(?:{alt(W.get('range_from', []) + W.get('range_between', []))}\s+)?(?P<d1>{DAY})(?:\s*,\s*{DAY})*\s*(?P<conn>[-–]|{alt(range_joiners(W))})"
            rf"\s*(?P<d2>{DAY})\s+(?P<month>{MONTH_ANY})(?:\s*,?\s*(?:(?P<year>{YEAR4})|{SPELLED}))?{END}",
        ),
        (
            "dmy",
            rf"{START}(?<!\d[.,:])(?:(?P<wd>{WD}){WDPART}\s*,?\s+(?:the\s+)?)?(?:{ART}\s+)?(?P<d>{DAY}|{DAYWORD})\.?\s+(?:{OF}\s+)?(?P<month>{MONTH_ANY})"
            rf"(?:\s*,?\s*(?P<year>{ANYYEAR})(?![\d.,]\d){REL_YEAR})?(?:\s+(?P<past>{PAST})|\s+(?P<fut>{FUT}))?(?!\w)",
        ),
        # '1-jan', '28-nov', '23-Sep-2020', '01/sep/2019': a day and a month name joined as in a table
        (
            "dmy_joined",
            rf"(?<![\w/.,:-])(?P<d>[012]?\d|3[01])(?P<sep>[-/])(?P<month>{MONTH_ANY})"
            rf"(?:(?P=sep)(?P<year>{YEAR4}))?(?![\w/-]|[.,]\d)",
        ),
        (
            "mdy",
            # 'January the 5th', 'June twenty-first': an ordinal with a noun of its own counts that noun
            # ('in January the first shipments', 'January first-quarter sales'); a number with a thousands
            # separator is a count, not a day ('In April 3,100 applications', 'in april 3.100 aanvragen')
            rf"{START}(?:(?P<wd>{WD}){WDPART}\s*,?\s+)?(?P<month>{MONTH_ANY})\s+(?:(?P<d>{DAY})(?!\d|:\d|[.,]\d{{3}})"
            rf"{MDY_ORD})"
            rf"(?:\s*,?\s*(?P<year>{YEAR4}){REL_YEAR})?{END}",
        ),
        (
            "month_year",
            rf"{START}(?P<month>{MONTH_ANY})\s*,?\s+(?:{OF}\s+)?(?P<year>{YEAR})(?![\d.,]\d){END}",
        ),
        (
            "month_rel_year",
            rf"{START}(?:(?P<month>{MONTH_FULL})\s+(?:{OF}\s+)?(?P<ydeic>{DEICTIC})\s+{YEARWORD}"
            rf"|(?P<ydeic2>{DEICTIC})\s+{YEARWORD}\s+(?:in\s+)?(?P<month2>{MONTH_FULL})){END}",
        ),
        # 'week 12', 'week 12 van 2024': the ISO week of that number
        (
            "week_number",
            rf"{START}{alt(W.get('week_number_words', []))}\s+(?P<wn>0?[1-9]|[1-4]\d|5[0-3])"
            rf"(?:\s*,?\s+(?:{OF}\s+)?(?P<year>{YEAR4}))?(?![\w.,:]\d|\w)",
        ),
        # 'next week Friday', 'volgende week vrijdag'; the weekday first: 'on Friday next week',
        # 'Monday of last week', 'vrijdag van volgende week' (not this week's Friday)
        (
            "week_weekday",
            rf"{START}(?:(?P<deic>{DEICTIC})\s+week\s+(?:op\s+|on\s+)?(?P<wd>{WD_FULL})"
            rf"|(?P<wd2>{WD_FULL})\s+(?:{OF}\s+)?(?:{ART}\s+)?(?P<deic2>{SHIFT})\s+week){END}",
        ),
        (
            "numeric_month",
            rf"(?<![\w/.,:-])(?:(?P<y>{YEAR4})[-/](?P<m>1[0-2]|0?[1-9])|(?P<m2>1[0-2]|0?[1-9])[-/](?P<y2>{YEAR4}))"
            rf"(?![\w/-]|[.,]\d)",
        ),
        ("deictic_month", rf"{START}(?P<deic>{DEICTIC})\s+(?P<month>{MONTH_FULL}){END}"),
        (
            "quarter",
            rf"{START}(?:{ART}\s+)?(?:(?P<year0>{YEAR4})\s+|(?P<ydeic0>{DEICTIC})\s+{YEARWORD}['’]s\s+"
            rf"|(?P<deic>{DEICTIC})\s+)?(?:{FISCAL}(?:\s+|-))?(?P<ord>{ORD})(?:\s+|-){QUARTER}"
            rf"(?:\s+(?:{OF}\s+)?{yr_ref})?{END}",
        ),
        # 'the 1988 quarter', "last year's period": the quarter the text speaks of, in that year
        (
            "year_period",
            rf"{START}(?:{ART}\s+)?(?:(?P<year>{YEAR4})|(?P<ydeic>{DEICTIC})\s+{YEARWORD}['’]s)\s+"
            rf"(?P<pword>{alt(W.get('year_period_words', []))}){END}",
        ),
        (
            "quarter_code",
            rf"{START}(?:(?P<year0>{YEAR4})\s*[-/]?\s*)?(?-i:{QCODE})(?P<q>[1-4])"
            rf"(?:\s*[-/]?\s*(?P<year>{YEAR4}|'?\d\d)|\s+(?P<ydeic>{DEICTIC})\s+{YEARWORD})?{END}",
        ),
        ("half", rf"{START}(?:{ART}\s+)?(?P<ord>{ORD})\s+{HALF}\s+(?:{OF}\s+)?{yr_ref}{END}"),
        ("half_code", rf"{START}H(?P<h>[12])\s*(?P<year>{YEAR4}){END}"),
        (
            "season",
            rf"{START}(?:{ART}\s+)?(?:(?P<deic>{DEICTIC})\s+)?(?P<season>{SEASON})"
            # 'de zomer van vorig jaar', 'the summer of last year': the year counted from the document date
            rf"(?:\s+(?:{OF}\s+)?(?P<year>{YEAR4})|\s+{OF}\s+(?:{ART}\s+)?(?P<ydeic>{SHIFT})\s+{YEARWORD})?{END}",
        ),
        (
            "decade",
            rf"{START}(?:{ART}\s+)?(?:(?P<decade>(?:1[89]|20)\d0)'?s|'(?P<dd>[2-9]0)s|(?<=the )(?P<dd2>[2-9]0)s"
            rf"|(?:(?<=the\s)|(?P<dcent>{alt(SP.get('centuries', []))})[\s-]+)(?P<dplural>{alt(W.get('decade_plurals', {}))})){END}",
        ),
        (
            "decade_words",
            rf"{START}(?:{ART}\s+)?jaren\s+(?:(?P<dyear>(?:1[89]|20)\d0)(?!\s*(?:[-–/]|tot\b|t/m)\s*\d)|'?(?P<dd>[2-9]0)|(?P<dname>{alt(W.get('decade_names', {}))})){END}",
        ),
        (
            "century",
            rf"{START}(?:{ART}\s+)?(?P<n>\d{{1,2}})(?:{SUF})\s+{alt(W.get('century_words', []))}{END}",
        ),
        # 'Christmas 2010', "father's day of 2015", 'vaderdag van 2015', 'Easter of last year', 'kerst van
        # vorig jaar' (deictics counted from the document date only: 'of the following year' stays apart)
        (
            "holiday",
            rf"{START}(?P<hol>{alt(W.get('holidays', {}))})(?:\s+(?:{OF}\s+)?(?P<year>{YEAR4})"
            rf"|\s+{OF}\s+(?:{ART}\s+)?(?P<ydeic>{SHIFT})\s+{YEARWORD})?{END}",
        ),
        ("relative_day", rf"{START}(?P<rel>{alt(W.get('relative_days', {}))}){END}"),
        # 'vrijdag de 15e', 'Friday the 2nd'; after a comma not an ordinal with a noun of its own:
        # 'closed lower Friday, the fourth decline in five days' is the weekday alone
        (
            "weekday_day",
            rf"{START}(?P<wd>{WD_FULL})(?P<comma>\s*,)?\s+(?:(?:{ART})\s+)?(?P<d>{DAYORD}){END}"
            rf"(?(comma)(?!\s+(?!{OF}\b)[^\W\d_]))",
        ),
        (
            "day_of_month",
            rf"{START}(?:{ART}\s+)?(?P<d>{DAYORD})\s+{OF}\s+(?:{ART}\s+)?(?P<deic>{DEICTIC})\s+"
            rf"{alt(k for k, v in W.get('deictic_unit_words', {}).items() if v == 'M')}{END}",
        ),
        # 'de eerste week van september', 'the last week of 2015', 'de derde week van deze maand'
        (
            "nth_week",
            rf"{START}(?:{ART}\s+)?(?P<ord>{ORD})\s+{alt(W.get('week_number_words', []))}\s+{OF}\s+"
            rf"(?:(?P<month>{MONTH_ANY})(?:\s+(?P<year>{YEAR4}))?|(?P<year2>{YEAR4})"
            rf"|(?:{ART}\s+)?(?P<deic>{DEICTIC})\s+(?P<unit>{alt(k for k, v in W.get('deictic_unit_words', {}).items() if v in ('M', 'Y'))})){END}",
        ),
        (
            "nth_weekday",
            rf"{START}(?:{ART}\s+)?(?P<ord>{ORD})\s+(?P<wd>{WD_FULL})\s+{OF}\s+(?:(?P<month>{MONTH_FULL})"
            rf"(?:\s+(?P<year>{YEAR4}))?|(?:{ART}\s+)?(?P<deic>{DEICTIC})\s+"
            rf"{alt(k for k, v in W.get('deictic_unit_words', {}).items() if v == 'M')}){END}",
        ),
        # 'each Thursday', 'every July', 'iedere dinsdag': a set, not one day
        (
            "each_calendar",
            rf"{START}{alt(W.get('set_quantifiers', []))}\s+(?:(?P<wd>{WD_FULL})(?P<part>{DAYPART})?(?:\s+(?P<part2>{DAYPART}))?|(?P<month>{MONTH_FULL})){END}",
        ),
        (
            "weekday",
            rf"{START}(?:(?P<deic>{DEICTIC})\s+)?(?P<wd>{WD_FULL})(?P<part>{DAYPART})?"
            rf"(?:\s+(?P<part2>{DAYPART}))?(?:\s+(?P<past>{PAST})|\s+(?P<fut>{FUT}))?{END}",
        ),
        (
            "earlier_this",
            rf"{START}(?P<el>{EARLYLATE})\s+(?:{OF}\s+)?(?P<deic>{DEICTIC})\s+{FISCAL_UNIT}(?P<unit>{UNITWORDS}){END}",
        ),
        (
            "deictic_unit",
            rf"{START}(?:{ART}\s+)?(?P<deic>{DEICTIC})\s+{FISCAL_UNIT}(?P<unit>{UNITWORDS}){END}",
        ),
        # 'the end of the year', 'het begin van de maand', 'year-end': that part of the current one
        (
            "unit_part",
            rf"{START}(?:(?P<pw>{alt(W.get('part_of_period', {}))})(?:\s+|-)(?:{OF}\s+)?{ART}\s+(?P<unit>{UNITWORDS})"
            rf"|(?P<uend>{alt(W.get('unit_ends', {}))})){END}(?!-\w)",
        ),
        # 'de rest van het jaar', 'the rest of this week': from the document date to the end of the unit
        (
            "rest_of",
            rf"{START}(?:{ART}\s+)?{alt(W.get('rest_of', []))}\s+(?:{ART}\s+)?(?:(?P<deic>{DEICTIC})\s+)?"
            rf"(?P<unit>{alt(k for k, v in W.get('deictic_unit_words', {}).items() if v in ('W', 'M', 'Q', 'Y'))}){END}",
        ),
        # before the durations: with an amount before it 'a year' is a rate ('$1.76 a year')
        ("set", rf"{START}(?P<set>{alt(W.get('sets', {}))}){END}"),
        # 'two days before yesterday', 'drie weken na morgen': that many units from a day named relative
        # to the document date
        (
            "offset_day",
            # 'within 2 weeks from today', 'binnen 2 weken na vandaag': the stretch up to then
            rf"{START}(?:(?P<within>{alt(W.get('within_prepositions', []))})\s+)?(?P<num>{NUM})\s+(?P<unit>{DAYUNITS})\s+"
            rf"(?:{alt(W.get('offset_counting_words', []))}\s+)?"
            rf"(?P<dir>{alt(W.get('offset_words', {}))})\s+(?P<rel>{alt(k for k, v in W.get('relative_days', {}).items() if v[1] is None)}){END}",
        ),
        ("ago", rf"{START}{APPROX}(?P<num>{NUM}|{VAGUE})\s+(?P<unit>{DURUNITS}){MORE}\s+(?P<ago>{AGO}){END}"),
        ("from_now", rf"{START}{APPROX}(?P<num>{NUM})\s+(?P<unit>{DURUNITS}){MORE}\s+{FROMNOW}{END}"),
        ("in_future", rf"{START}(?P<prep>{FUTPREP})\s+(?P<num>{NUM})\s+(?P<unit>{DURUNITS}){MORE}{END}"),
        (
            "duration",
            rf"{START}{APPROX}(?:{ART}\s+)?(?:(?P<deic>{DEICTIC}|{DURMOD})\s+)?{HALFART}(?P<num>{NUM}|{VAGUE})"
            rf"(?:\s*(?P<frac>{FRAC}))?(?:\s+{alt(W.get('duration_inner_modifiers', []))})?"
            # 'the 5 upcoming years', '10 previous weeks': the deictic after the number, before a plural
            # ('up 5 last week' is last week)
            rf"(?:\s+(?P<deic2>{DEICTIC})(?=\s+{PLURAL}{END}))?(?:\s+|-)(?P<unit>{DURUNITS})"
            rf"(?:\s+(?P<frac2>{alt(W.get('fractions_after_unit', {}))}))?(?:-(?:long|lang))?{END}",
        ),
        # 'for years', 'al jaren', 'the coming weeks', 'the weeks ahead', 'decades-long', 'jarenlang':
        # a stretch of time of no stated length. The lead word ('for', 'al') only says the plural is
        # one (not 'the years 1990-1995'); TimeML leaves it out of the expression.
        (
            "vague_units",
            rf"{START}(?:{PLURAL_LEADS}(?P<lunit>{PLURAL})(?![-\w]|\s+\d)"
            rf"|(?:{ART}\s+)?{alt(W.get('plural_unit_modifiers', []))}\s+(?P<munit>{PLURAL})"
            rf"|{ART}\s+(?P<punit>{PLURAL})\s+{alt(W.get('plural_unit_postfixes', []))}"
            rf"|(?P<sunit>{DURUNITS}){alt(W.get('unit_suffixes', []))}){END}",
        ),
        ("weekend", rf"{START}(?P<we>{alt(W.get('weekend_words', []))}){END}"),
        ("anaphoric_year", rf"{START}(?P<ana>{alt(W.get('anaphoric_years', {}))}){END}"),
        # 'the fiscal year ended Sept. 30': a year's length, the date after it says which
        (
            "year_ended",
            rf"{START}{ART}\s+(?:{FISCAL}\s+)?{YEARWORD}"
            rf"(?=\s+{alt(W.get('period_ended_words', []))}(?!\w))",
        ),
        (
            "anaphoric_unit",
            # 'later that year', 'Earlier that day': the period, the word before it stays in the expression
            rf"{START}(?:(?:(?P<el>{EARLYLATE})\s+)?(?P<dem>{alt(W.get('anaphoric_units', {}))})\s+(?P<unit>"
            rf"{alt(W.get('anaphoric_unit_words', {}))})|(?P<bare>{alt(W.get('bare_anaphoric_units', {}))})){END}",
        ),
        # 'three nights in a row', 'the third day running', 'vier dagen op rij', 'de derde opeenvolgende
        # nacht': a run of units up to now (a prefix word, or a postfix word, or both)
        (
            "in_a_row",
            rf"{START}(?:{ART}\s+)?(?:(?P<num>{NUM})|(?P<ord>{ROW_ORD}))\s+(?:(?P<pre>{alt(W.get('row_prefixes', []))})\s+)?"
            rf"(?P<unit>{ROW_UNITS})(?(pre)(?:\s+(?P<post>{ROW_POST}))?|\s+(?P<post2>{ROW_POST})){END}",
        ),
        # 'that same afternoon', 'the next morning', 'de dag erna', 'later die avond': a day of the story
        (
            "story_day",
            rf"{START}(?:(?P<el>{EARLYLATE})\s+)?(?:(?P<same>{STORY_SAME})\s+(?P<part>{SAME_DAYPART})"
            rf"|(?P<step>{STORY_STEP})\s+(?P<unit>{DAYPART}|{STORY_DAY})"
            rf"|{ART}\s+(?P<unit2>{DAYPART}|{STORY_DAY})\s+(?P<post>{alt(W.get('story_day_postfixes', {}))})){END}",
        ),
        ("generic", rf"{START}(?P<gen>{alt(W.get('generic_tagged', []))}){END}"),
        (
            "time",
            rf"{START}(?:(?P<hh>[01]?\d|2[0-3]|{HOURWORD})(?:[:.](?P<mm>[0-5]\d))?\s*(?P<suf>{alt(W.get('times_suffix', []))})"
            rf"(?:\s+(?P<tpart>{alt(W.get('clock_parts', {}))}))?(?!\w)|(?P<hh2>[01]?\d|2[0-3]):(?P<mm2>[0-5]\d)(?![\d:.,]\d|\w)"
            rf"(?:\s+(?P<tpart2>{alt(W.get('clock_parts', {}))})(?!\w))?"
            rf"|(?<![\d.,])(?P<hh3>[01]?\d|2[0-3])\.(?P<mm3>[0-5]\d)(?![\d:.,]\d|\w)"
            rf"(?:\s+(?P<tpart3>{alt(W.get('clock_parts', {}))})(?!\w))?)",
        ),
        # 'noon', 'midnight', 'het middaguur': a time of day named by a word
        ("time_word", rf"{START}(?P<tw>{alt(W.get('time_words', {}))}){END}"),
        ("year_range", rf"(?<![\w/.,#-])(?P<y1>{YEAR4})\s*[-–/]\s*(?P<y2>{YEAR4}|\d\d)(?![\w/]|[-.,]\d)"),
        # 'juni jl.', 'maart a.s.': the past or coming one
        ("month", rf"{START}(?P<month>{MONTH_FULL})(?:\s+(?P<past>{PAST})|\s+(?P<fut>{FUT}))?{END}"),
        # 'May-June 2017', 'Jan.-March', 'Nov–Feb 2017': a month a dash joins to another month is a month,
        # whatever else its word can be ('May' the verb, 'Jan' the name); the range is joined later
        ("month_span", rf"{START}(?P<month>{MONTH_ANY})(?=\s*[-–]\s*{MONTH_ANY}(?!\w))"),
        # an abbreviated month on its own only after a word that announces a month: 'in jan', 'aanstaande feb'
        ("month_abbr", rf"{START}(?-i:(?P<month>{alt(month_abbr)}))\.?{END}"),
        ("fiscal_year", rf"{START}{FISCAL}\s+(?P<year>{YEAR4}){YEAR_END}"),
        (
            "spelled_year",
            rf"{START}(?:(?:(?P<wd>{WD})\s*,?\s+)?(?:(?P<d>{DAY}|{DAYWORD})\s+(?:{OF}\s+)?)?(?P<month>{MONTH_ANY})\s*,?\s+"
            # 'September the twenty-first nineteen seventy eight', 'June of nineteen ninety nine'
            rf"(?:(?:{ART}\s+)?(?P<d2>{DAY}|{DAYWORD})\s*,?\s+)?(?:{OF}\s+)?"
            rf"|(?P<yart>{ART}\s+{YEARWORD}\s+))?{SPELLED}{END}(?!-\w)",
        ),
        # '(?=[12])' first: most positions fail at once, before the look-behinds of YEAR_START are tried
        ("year", rf"(?=[12]){YEAR_START}(?P<year>{YEAR4}){YEAR_END}"),
    ]
    if CW:  # Dutch clock words: 'half acht', 'kwart over negen', 'tien voor half zeven', 'vijf over elf 's avonds'
        HALFW = alt([CW["half"]])
        clock = (
            "clock_words",
            rf"{START}(?:(?P<cmin>{alt(CW['quarter'] + list(CW['minutes']))})\s+(?P<cdir>{alt(CW['past'] + CW['to'])})"
            rf"\s+(?:(?P<chalf>{HALFW})\s+)?|(?P<chalf2>{HALFW})\s+)(?P<chour>{alt(CW['hours'])}|1[0-2]|[1-9])"
            rf"(?:\s+(?P<cpart>{alt(CW['parts'])}))?{END}",
        )
        rules.insert(next(i for i, r in enumerate(rules) if r[0] == "time_word"), clock)
    flags = re.IGNORECASE | re.UNICODE
    # a year in words needs its century or thousand word: most texts have none
    gate_words = SP.get("centuries", []) + [re.split(r"[\s-]", w)[-1] for w in SP.get("thousand", [])]
    gates = {
        "spelled_year": tuple(sorted({w.lower() for w in gate_words})),
        "week_number": tuple(sorted({w.lower() for w in W.get("week_number_words", [])})),
        "nth_week": tuple(sorted({w.lower() for w in W.get("week_number_words", [])})),
        "clock_words": tuple(
            sorted(
                {
                    w.lower()
                    for w in CW.get("quarter", [])
                    + CW.get("past", [])
                    + CW.get("to", [])
                    + [CW.get("half", "")]
                    if w
                }
            )
        ),
        "rest_of": tuple(sorted({w.split()[0].lower() for w in W.get("rest_of", [])})),
        # rules that need a word of one list: most texts have none ('three nights in a row', 'two years
        # ago', 'the third quarter', 'next spring')
        "in_a_row": needs_one_of(W.get("row_postfixes", []) + W.get("row_prefixes", [])),
        "ago": needs_one_of(W.get("ago", [])),
        "from_now": needs_one_of(W.get("from_now", [])),
        "offset_day": needs_one_of(k for k, v in W.get("relative_days", {}).items() if v[1] is None),
        "day_of_month": needs_one_of(k for k, v in W.get("deictic_unit_words", {}).items() if v == "M"),
        "quarter": needs_one_of(W.get("quarter_words", [])),
        "half": needs_one_of(W.get("half_words", [])),
        "year_period": needs_one_of(W.get("year_period_words", [])),
        "season": needs_one_of(W.get("seasons", {})),
    }
    compiled = tuple(compile_rule(name, rx, gates.get(name, ())) for name, rx in rules)
    cites = W.get("citations", [])
    citation = re.compile("|".join(f"(?:{c})" for c in cites), flags) if cites else None
    return Grammar(language, months, weekdays, numbers, ordinals, W, compiled, citation, ambiguous)
