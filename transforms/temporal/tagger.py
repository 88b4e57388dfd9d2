"""Find temporal expressions and normalise them to TIMEX3 values and calendar periods.

Steps (each a small function): mask what must never be read as a date (URLs, citations, case
numbers) → collect candidates of every rule → keep the best non-overlapping ones → extend with
"begin/medio/eind" modifiers → resolve each against the document's date (or, for day-month
dates only, the document's own explicit dates) → join ranges and open intervals.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from schemas.tables import DATE_WINDOW as WINDOW
from transforms.clauses import (
    clause_bounds,
    clause_direction,
    looks_back,
    past_verb_in_clause,
    phrase_key,
    verb_before,
    word_after,
    word_before,
)
from transforms.model import Period, Published, Timex
from transforms.temporal import calendar as cal
from transforms.temporal.grammar import (
    OF_WORDS,
    Grammar,
    alt,
    amount_pattern,
    fold,
    grammar,
    number_pattern,
    range_joiners,
)
from transforms.temporal.scan import RuleScan

# An e-mail address starts at the first letter of its run of address characters: the look-behind and the
# possessive run try each run once (a plain '\b[\w.+-]+@' retried every position of a long run of digits
# and dots, time growing with the square of its length); group 1 is the address.
URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[.+-]*+(\w[\w.+-]*+@[\w-]+\.[\w.]+\b)|\[footnoteRef:\d+\]", re.I
)
# an international phone number ('+32 2 281 2074', '+31 (0)70 2024 555'): its groups of digits are no years
# (the '+' first, so the engine can skip to it; the look-behind then checks the character before it)
PHONE = re.compile(r"\+(?<![\w+]\+)\d{2,3}(?:[\s.-]?(?:\(\d{1,4}\)|\d{1,4})){2,6}(?!\d)")
# Rule names whose result is anchored on the calendar alone (no document date needed).
ABSOLUTE = {
    "iso_date",
    "numeric_date",
    "month_year",
    "year",
    "fiscal_year",
    "year_range",
    "decade",
    "decade_words",
    "century",
    "half_code",
}


@dataclass
class Candidate:
    start: int
    end: int
    rule: str
    g: dict  # named groups
    spans: dict = field(default_factory=dict)  # named group -> (start, end)
    part: str | None = None  # START | MID | END from a "begin/medio/eind" modifier
    year_hint: int | None = None  # year lent by the other end of a range ("tussen januari en november 2021")


@dataclass
class Context:
    """What resolution needs besides the expression itself."""

    text: str
    grammar: Grammar
    dct: Period | None  # the document's date
    anchor: Period | None = None  # inferred from the document's own explicit dates when there is no dct
    resolved: list[Timex] = field(default_factory=list)  # earlier timexes (for "het jaar ervoor")
    # starts of anaphora naming a stated period again, or a day of the story ('the next morning')
    restated: set[int] = field(default_factory=set)
    numeric_order: str | None = None  # 'dmy' or 'mdy' when the document shows which it writes

    def tense(self, start: int, end: int, past_verbs: bool = False) -> int:
        """The tense of the clause around text[start:end] (`clauses.clause_direction`)."""
        return clause_direction(self.text, self.grammar.language, start, end, past_verbs)

    def verb_before(self, start: int) -> int:
        """-1 when a verb in the past tense stands right before text[start:] (`clauses.verb_before`)."""
        return verb_before(self.text, self.grammar.language, start)

    def past_verb_before(self, start: int) -> int:
        """-1 when a verb in the past tense comes earlier in the clause (`clauses.past_verb_in_clause`)."""
        return past_verb_in_clause(self.text, self.grammar.language, start)


def numeric_order(text: str, g: Grammar) -> str | None:
    """How this document writes numeric dates, where it shows it: a date whose first number cannot be a
    month ('23/04/2024') means day first, one whose second cannot ('04/23/2024') month first; else a
    spelling of the language's day-first variety ('organisation', 'programme': British English). None
    when nothing tells (the language's default then holds)."""
    firsts = [(int(m.group(1)), int(m.group(2))) for m in NUMERIC_DATE.finditer(text)]
    if any(a > 12 >= b for a, b in firsts):
        return "dmy"
    if any(b > 12 >= a for a, b in firsts):
        return "mdy"
    words = g.words.get("day_first_spellings", [])
    if words and re.search(rf"(?<!\w){alt(words)}", text, re.I):
        return "dmy"
    return None


NUMERIC_DATE = re.compile(r"(?<![\w/.,:-])(\d{1,2})[-/.](\d{1,2})[-/.](?:\d{4}|\d{2})(?![\w/-]|[.,]\d)")


# ---------------------------------------------------------------- masking and candidates


@lru_cache(maxsize=8)
def masked_spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Spans never read as dates: URLs, e-mail addresses, phone numbers, footnote markers, citations,
    case and document numbers.
    Cached: the tagger and the event extractor both ask for them, one document after the other."""
    try:
        g = grammar(language)
    except KeyError:
        g = grammar("en")
    patterns = [URL, PHONE] + ([g.citation] if g.citation else [])
    spans = [m.span(1) if rx is URL and m.group(1) else m.span() for rx in patterns for m in rx.finditer(text)]
    return tuple(sorted(spans))


def mask_text(text: str, g: Grammar) -> str:
    """Blank out (same length, newlines kept) the masked spans."""
    chars = list(text)
    for s, e in masked_spans(text, g.language):
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def is_an_amount(c: Candidate, text: str, g: Grammar) -> bool:
    """A year-like number that is the lower end of an amount: '2000 tot 3000 euro', 'between 2000 and
    2500 migrants' (round numbers far apart, then a currency or a count noun), or before a currency
    code and its word ('2000 US dollars')."""
    W = g.words
    joiners = alt(range_joiners(W) + ["or", "of"])
    m = re.match(
        rf"\s*(?:[-–]|(?:{joiners})(?!\w))\s*(\d[\d.,]*)\s+([\w$€£]+)", text[c.end : c.end + 40], re.I
    )
    units = currency_words(g.language) | count_nouns(g.language)
    if m and m.group(2).lower() in units:
        upper = re.sub(r"[.,]", "", m.group(1))
        if not (upper.isdigit() and len(upper) == 4 and a_few_years_apart(int(c.g["year"]), int(upper))):
            return True
    code = re.match(r"\s+[A-Z]{2,3}\s+([\w$€£]+)", text[c.end : c.end + 20])
    return code is not None and code.group(1).lower() in currency_words(g.language)


def is_a_name(c: Candidate, text: str, g: Grammar) -> bool:
    """A capitalised weekday, season or holiday between an article and a capitalised word is part of
    a name ('The Sunday Times', 'the Good Friday Agreement', 'De Zomer Olympische Spelen'), unless that
    word is a month or a weekday ('the Friday December 3 meeting')."""
    articles = alt(g.words.get("articles", []) + ["the", "de", "het"])
    surface = text[c.start : c.end]
    article = re.match(rf"(?:{articles})\s+", surface, re.I)
    word = surface[article.end() :] if article else surface
    # the article may stand before more capitalised words of the name: 'the Good Friday Agreement'
    run = re.search(rf"(?<!\w)(?i:{articles})\s+(?:[A-Z][\w'’-]*\s+)*$", text[max(0, c.start - 60) : c.start])
    if not word[:1].isupper() or not (article or run):
        return False
    nxt = re.match(r"\s+([A-Z][\w'’-]*)", text[c.end : c.end + 40])
    if not nxt:
        return False
    name = nxt.group(1).lower().rstrip(".")
    return g.lookup_month(name) is None and name not in g.weekdays


@cache
def currency_words(language: str) -> frozenset[str]:
    """Currencies written as words ('euro', 'dollars'; not '€'), from the quantities' units table."""
    return frozenset(k for k in units_table(language, "currencies") if k[:1].isalpha())


def units_table(language: str, section: str) -> list[str]:
    """The lower-cased keys of one section of a language's units.json (owned by the quantities)."""
    from transforms import resources

    units = resources.load(language, "units")
    table = units.get(section, units if section == "nouns" else {}) if isinstance(units, dict) else {}
    return [k.lower() for k in table if isinstance(k, str) and not k.startswith("about")]


def a_few_years_apart(earlier: int, later: int) -> bool:
    """Two four-digit numbers close enough to be the years of one stretch ('between 2019 and 2023'),
    not the ends of an amount ('2000 tot 3000 euro')."""
    return 0 < later - earlier <= 20


def named_by_year(before: str, left: str, g: Grammar) -> bool:
    """A year that is part of a name: after a word the language lists as one that names a law, plan or
    programme by its year ('Act', 'Agenda', 'Vw'), or after a word with such an ending
    ('Vreemdelingenwet', 'Vreemdelingenbesluit'); the word is capitalised ('de wet 2000' is no name)."""
    words = g.words.get("names_with_year", {})
    names, endings = words.get("words", []), tuple(words.get("endings", []))
    # the law word right before the year, or up to three words before with no 'of'/'van' between:
    # 'Wet inburgering 2021', 'Tijdelijke wet opvangvoorzieningen 2023', 'Refugee Convention 1951'
    tail = re.findall(r"[\w'’-]+", left)[-4:]
    breakers = set(OF_WORDS) | set(g.words.get("year_prepositions", []))
    for i, w in enumerate(reversed(tail)):
        lw = w.lower()
        if lw in breakers:
            return False  # 'de wet van 2021', 'het verdrag uit 1951': the year of the law, a date
        if (lw in names or lw.endswith(endings)) and (w[0].isupper() or i > 0 and tail[0][0].isupper()):
            return True
    return False


@cache
def count_nouns(language: str) -> frozenset[str]:
    return frozenset(units_table(language, "nouns"))


def accept(c: Candidate, text: str, g: Grammar) -> bool:
    """Guards against readings that are not dates (a count, a verb, a case number)."""
    surface = text[c.start : c.end]
    month = c.g.get("month")
    if month and month.lower().rstrip(".") in g.ambiguous_months:
        if not month[0].isupper():
            return False  # 'may', 'march' as verbs
        # 'mid-March': the word before a hyphen is context too
        hyphened = c.start > 0 and text[c.start - 1] == "-"
        if (
            c.rule == "month"
            and word_before(text, c.start - 1 if hyphened else c.start)
            not in g.words.get("month_context", [])
            and not month_span(c, text, g)
        ):
            return False
    if (
        c.rule in ("quarter", "half")
        and g.ordinals.get(c.g.get("ord", "").lower()) == -1
        and not any(c.g.get(k) for k in ("year", "year0", "ydeic", "ydeic0", "deic"))
    ):
        return False  # 'the last quarter' without a year is the previous or latest one, not the fourth
    if c.rule in ("weekday", "season", "holiday") and is_a_name(c, text, g):
        return False  # 'The Sunday Times', 'the Good Friday Agreement', 'The Autumn Statement'
    if c.rule == "spelled_year":
        if c.g.get("ythou") and not (c.g.get("yrest") or c.g.get("month") or c.g.get("yart")):
            return False  # 'two thousand' alone is a count
        after = word_after(text, c.end)
        if after and after in count_nouns(g.language):
            return False  # 'nineteen twenty-five people'
    if (
        c.rule == "clock_words"
        and not (c.g.get("chalf") or c.g.get("chalf2") or c.g.get("cpart"))
        and (c.g["cmin"].lower() not in g.words["clock_words"]["quarter"])
        and word_before(text, c.start) not in g.words.get("time_prepositions", [])
    ):
        return False  # 'vijf voor twaalf' alone is a saying; 'om vijf voor twaalf' a time
    unit_word = c.g.get("unit") or ""
    if c.rule == "deictic_unit" and unit_word[:1].isupper() and unit_word[1:].islower():
        return False  # '"This Week With David Brinkley"': a title, not a date ('this week', 'THIS WEEK' are dates)
    if c.rule == "time_word" and word_before(text, c.start) in g.words.get("time_word_not_after", []):
        return False  # 'High Noon' is a film, 'high noon' a moment of truth
    if (
        c.rule == "month_abbr"
        and word_before(text, c.start) not in g.words.get("month_abbr_context", [])
        and not month_span(c, text, g)
    ):
        return False  # 'jan' is a name, 'mar' a word: an abbreviation alone needs 'in jan', 'aanstaande feb'
    if c.rule in ("month", "deictic_month") and month and not month[0].isupper() and g.language == "en":
        return False
    if c.rule == "year":
        if re.search(r"[€$£¥]\s*$|\b(?:EUR|USD|GBP)\s*$", text[max(0, c.start - 6) : c.start]):
            return False  # '€ 2024' is an amount
        before = word_before(text, c.start)
        if before in g.words.get("reference_words", []):
            return False
        after = word_after(text, c.end)
        # the second year of a pair a few years apart ('between 2019 and 2023 arrivals') is a year
        pair = re.search(r"(\d{4})\s*(?:[-–]|\w+)\s*$", text[max(0, c.start - 20) : c.start])
        paired = pair is not None and a_few_years_apart(int(pair.group(1)), int(c.g["year"]))
        year_lead = before in g.words.get("since", []) or before in g.words.get("year_leads", []) or paired
        if after in currency_words(g.language) or (after in count_nouns(g.language) and not year_lead):
            return False  # '2000 mensen' is a count, '2000 euro' an amount; 'since 2019 arrivals' a year
        if is_an_amount(c, text, g):
            return False
        # 'Vreemdelingenwet 2000', 'Vw 2000', 'Terrorism Act 2000': the name of a law or plan
        if named_by_year(before, text[max(0, c.start - 60) : c.start], g):
            return False
    if c.rule == "time" and word_before(text, c.start) in g.words.get("reference_words", []):
        return False  # 'artikel 4:13 Awb', 'John 3:16': a reference, not a time
    if c.rule == "time" and c.g.get("hh3"):
        after = word_after(text, c.end)
        m = re.match(r"\s*(?:[-–]|\w+)\s+\d+[.,]\d+\s+([\w%]+)", text[c.end : c.end + 40])
        if m:  # 'tussen 2.50 en 3.50 euro': the unit after the range
            after = m.group(1).lower()
        if word_before(text, c.start) not in g.words.get("time_prepositions", []):
            return False  # '8.00' is a time only after 'om', 'tot', 'vanaf' ...; else a number or an amount
        if after in count_nouns(g.language) or after in g.words.get("amount_words", []):
            return False  # 'en 3.50 euro', 'tot 2.30 miljoen'
    if c.rule == "time" and c.g.get("suf") and not c.g.get("mm"):
        before = word_before(text, c.start)
        suf = c.g["suf"].lower()
        if suf in ("uur", "u") and before not in (
            "om",
            "rond",
            "omstreeks",
            "tegen",
            "vanaf",
            "tot",
            "na",
            "voor",
        ):
            return False  # '24 uur' is a duration
    if c.rule == "numeric_date":
        a, b = int(c.g["a"]), int(c.g["b"])
        if c.g["sep"] == "." and len(c.g["y"]) == 2:
            return False  # '1.7.23' is more often a version or a number
        if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
            return False
    if c.rule == "year_range":
        y1, y2 = int(c.g["y1"]), int(c.g["y2"])
        if len(c.g["y2"]) == 2:
            y2 = y1 // 100 * 100 + y2
        if not 0 < y2 - y1 <= 60:
            return False
    if (
        c.rule == "ago"
        and phrase_key(c.g["ago"]) in g.words.get("ago_prepositions", [])
        and re.match(r"\s+\w", text[c.end : c.end + 3])
    ):
        # '10 days before the murder', 'two days before 15 January': counted from what follows; the length
        # alone is the expression (or, before a day, the day that many units before it)
        return False
    if c.rule == "offset_day" and word_before(text, c.start) in g.words.get("offset_stretch_leads", []):
        # 'for 3 days from today', 'within 2 weeks from today': a stretch from that day, not a day
        return False
    if c.rule == "duration":
        num = c.g.get("num", "")
        if re.fullmatch(r"\d{4,}|\d+[.,]\d{3}", num):
            return False  # '1988 quarter', '36.800 jaar': a year or a count, not a length of time
        hour_unit = g.words.get("units", {}).get(c.g["unit"].lower()) == "H"
        if re.fullmatch(r"\d{1,2}[.:][0-5]\d", num) and hour_unit:
            return False  # 'om 20.00 uur' is a time of day
        if hour_unit and word_before(text, c.start) in g.words.get("clock_prepositions", []):
            return False  # 'om 8 uur', 'rond acht uur': a time of day, not eight hours
        if text[c.end : c.end + 4].lower() == "-old":
            return False  # '44-year-old': an age, not a length of time ('a 16-hour flight' is one)
        W = g.words
        after = word_after(text, c.end)
        if after in W.get("age_words", []) and re.match(r"\s", text[c.end : c.end + 1]):
            return False  # '37 years old', '55 jaar oud': an age
        unit = phrase_key(c.g["unit"])
        if (
            unit in W.get("plural_units", [])
            and not (num[:1].isdigit() or c.g.get("frac") or c.g.get("frac2"))
            and g.lookup_number(num) == 1
        ):
            return False  # 'a decades-long battle': the article of the noun, not one decade
        ordinal = unit in W.get("ordinal_unit_words", []) and num.lower() in ("a", "an")
        if (
            ordinal
            and re.match(r"\s+[^\W\d]", text[c.end : c.end + 3])
            and after not in W.get("duration_followers", [])
        ):
            return False  # 'a second group', 'a second betrayal': the ordinal, not a length of time
        hyphened = text[c.spans["unit"][0] - 1] == "-"
        if W.get("units", {}).get(unit) in W.get("fraction_units", []) and (
            num.lower() in ("a", "an") or hyphened
        ):
            m = re.match(
                rf"\s+of\s+(?:{alt(W.get('articles', []) + ['a', 'an'])}\s+)?([^\W\d]+)",
                text[c.end : c.end + 40],
                re.I,
            )
            if (
                m
                and m.group(1).lower() not in W.get("units", {})
                and m.group(1).lower() not in W.get("year_words", [])
            ):
                return False  # 'three-quarters of its food', 'more than a quarter of the market': a share
    season = c.g.get("season")
    if (
        season
        and season.lower() in g.words.get("ambiguous_seasons", [])
        and not (
            c.g.get("year")
            or c.g.get("deic")
            or re.search(
                r"(?i)\b(?:the|this|last|next|early|late|mid|in|during)\s+$",
                text[max(0, c.start - 12) : c.start],
            )
        )
    ):
        return False  # 'prices fall', 'spring into action'

    if (
        c.rule == "set"
        and c.g["set"].lower() in g.words.get("set_requires_amount", [])
        and not amount_before(text, c.start, g)
    ):
        return False
    # 'now that ...' is a reason, not a time
    return not (c.rule == "generic" and surface.lower() == "now" and word_after(text, c.end) in ("that",))


def month_span(c: Candidate, text: str, g: Grammar) -> bool:
    """'April-May', 'jan.-mei': a month after a dash and another month is a month, whatever else its
    word can be ('May' the verb); the month before the dash is the rule `month_span`'s."""
    prev = re.search(r"([^\W\d_]+)\.?\s*[-–]\s*$", text[max(0, c.start - 20) : c.start])
    return bool(prev and g.lookup_month(prev.group(1)))


def amount_before(text: str, pos: int, g: Grammar) -> bool:
    """An amount or a count right before `pos` ('$1.76 a year', 'four flights a week', '700 seats a
    week', 'twice a year'): what makes 'a year' a rate. A preposition in between ('rose 5% in a year')
    makes it a length of time again."""
    before = text[max(0, pos - 40) : pos]
    if re.search(r"\b(?:once|twice|times)\s*$", before, re.I):
        return True
    nums = alt(w for w in g.numbers if w not in ("a", "an", "een"))
    m = re.search(rf"(?:\d|(?<!\w){nums}(?!\w))[\d.,%]*((?:\s+[^\W\d]+){{0,2}})\s*$", before, re.I)
    if not m:
        return False
    between = m.group(1).lower().split()
    return not any(w in g.words.get("duration_followers", []) for w in between)


def clock_time(gd: dict, g: Grammar) -> tuple[int, int]:
    """'half acht' 7:30, 'kwart over negen' 9:15, 'tien voor half zeven' 6:20, 'kwart voor 10 's avonds'
    21:45: Dutch counts the half hour towards the next hour."""
    cw = g.words["clock_words"]
    hour = gd["chour"].lower()
    h = int(hour) if hour.isdigit() else cw["hours"][hour]
    minutes = h * 60 - (30 if gd.get("chalf") or gd.get("chalf2") else 0)
    if gd.get("cmin"):
        m = gd["cmin"].lower()
        n = 15 if m in cw["quarter"] else cw["minutes"][m]
        minutes += n if gd["cdir"].lower() in cw["past"] else -n
    minutes %= 12 * 60
    if minutes < 60 and not gd.get("cpart"):
        minutes += 12 * 60  # 'half één' is half past twelve in the day
    if gd.get("cpart"):
        minutes += 60 * cw["parts"][phrase_key(gd["cpart"])]
    return minutes // 60, minutes % 60


# A paragraph break: no expression runs over it ('4 March 2024\n\nLast night' are two). `tag` reads the
# text with the break's last newline as PARAGRAPH_MARK, which no rule's white space matches.
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
PARAGRAPH_MARK = "\u00b6"


@cache
def rule_scan(language: str) -> tuple[RuleScan, tuple[int, ...]]:
    """The grammar's rules that run on folded text (`RuleScan`, see `transforms.temporal.scan`), and
    their priorities."""
    g = grammar(language)
    folded = tuple(priority for priority, rule in enumerate(g.rules) if rule.folded)
    return RuleScan([g.rules[p].pattern for p in folded]), folded


def find_candidates(text: str, g: Grammar) -> list[Candidate]:
    found = []
    folded = fold(text)
    scan, priorities = rule_scan(g.language)
    gated = {
        i
        for i, p in enumerate(priorities)
        if not g.rules[p].gate or any(w in folded for w in g.rules[p].gate)
    }
    matches = [(priorities[i], m) for i, m in scan.matches(folded, gated)]
    for priority, rule in enumerate(g.rules):
        if not rule.folded and (not rule.gate or any(w in folded for w in rule.gate)):
            matches.extend((priority, m) for m in rule.pattern.finditer(text) if m.end() > m.start())
    for priority, m in matches:
        spans = {k: m.span(k) for k, v in m.groupdict().items() if v is not None}
        groups = {k: text[a:b] for k, (a, b) in spans.items()}  # as written, not lower-cased
        c = Candidate(m.start(), m.end(), g.rules[priority].name, groups, spans)
        if accept(c, text, g):
            found.append((c, priority))
    # Longest first, then rule priority: a full date beats the year inside it.
    found.sort(key=lambda cp: (-(cp[0].end - cp[0].start), cp[1], cp[0].start))
    # the taken spans never overlap, so sorted by start one bisection finds the neighbours a candidate
    # could overlap (a check against every taken span made long documents quadratic)
    starts: list[int] = []
    taken: list[Candidate] = []
    for c, _ in found:
        i = bisect.bisect_left(starts, c.start)
        if (i < len(taken) and taken[i].start < c.end) or (i > 0 and taken[i - 1].end > c.start):
            continue
        starts.insert(i, c.start)
        taken.insert(i, c)
    return [extend_part(c, text, g) for c in taken]


PARTABLE = {
    "month_abbr",
    "month_span",
    "month",
    "month_year",
    "year",
    "fiscal_year",
    "month_rel_year",
    "deictic_unit",
    "season",
    "decade",
    "quarter",
    "quarter_code",
    "deictic_month",
}


@cache
def part_pattern(language: str) -> re.Pattern:
    """'begin', 'medio', 'the end of' before a period (`extend_part`), compiled once."""
    g = grammar(language)
    parts = g.words.get("part_of_period", {})
    return re.compile(
        rf"(?<![\w])({alt(parts)})(?:\s+|-)(?:(?:van|of)\s+)?(?:{alt(g.words.get('articles', []))}\s+)?$",
        re.I,
    )


def extend_part(c: Candidate, text: str, g: Grammar) -> Candidate:
    """'begin 2025', 'medio juni', 'the end of 2024', 'mid-2024': the part of the period meant."""
    if c.rule not in PARTABLE:
        return c
    parts = g.words.get("part_of_period", {})
    m = part_pattern(g.language).search(text[max(0, c.start - 40) : c.start])
    if not m:
        return c
    key = phrase_key(m.group(1))
    return replace(
        c, start=c.start - (len(text[max(0, c.start - 40) : c.start]) - m.start()), part=parts[key]
    )


# ---------------------------------------------------------------- resolution helpers


def day_number(word: str, g: Grammar) -> int | None:
    """'15', '15de', '3rd', 'twee', 'eenentwintig', 'eerste' as a day of the month."""
    m = re.match(r"\d+", word)
    if m:
        return int(m.group())
    w = re.sub(r"\s+", " ", word.lower())
    if w in g.ordinals:
        return g.ordinals[w]
    # 'twenty-first', 'thirty first' (the grammar admits only its language's joiners)
    for joiner in ("-", " "):
        tens, _, unit = w.partition(joiner)
        if unit in g.ordinals and 1 <= g.ordinals[unit] <= 9 and g.numbers.get(tens) in (20, 30):
            return int(g.numbers[tens]) + g.ordinals[unit]
    n = g.lookup_number(w)
    for suffix in g.words.get("ordinal_word_suffixes", []):  # 'vijftiende', 'eenentwintigste'
        if n is None and w.endswith(suffix):
            n = g.lookup_number(w[: -len(suffix)])
    return int(n) if n is not None and float(n).is_integer() else None


def to_year(s: str) -> int:
    s = s.strip("'’")
    y = int(s)
    if len(s) == 2:
        y += 2000 if y < 50 else 1900
    return y


def dct_relative(ctx: Context, fn) -> tuple[Period | None, str]:
    """Resolve `fn(day) -> Period` against the document date; a date known only to the month gives a range."""
    if ctx.dct is None or not ctx.dct.known:
        return None, "unresolved"
    a, b = fn(ctx.dct.start), fn(ctx.dct.end)
    if a is None or b is None:
        return None, "unresolved"
    if a == b:
        return a, "relative_to_dct"
    return Period(min(a.start, b.start), max(a.end, b.end), "range"), "relative_to_dct"


def weekday_direction(ctx: Context, c: Candidate) -> int:
    """A bare weekday is the one on or before the document date (news reports what happened), unless the
    nearest tense cue of its clause points forward ('zal vrijdag', 'will meet Friday'), or the language
    says the future in the present tense and the clause has no past ('De Kamer stemt dinsdag')."""
    if word_before(ctx.text, c.start) in ctx.grammar.words.get("since_by_now", []):
        return -1  # 'sinds vrijdag': a time since which something holds has begun by now
    direction = ctx.verb_before(c.start) or ctx.tense(c.start, c.end, past_verbs=True)
    perfect = ctx.grammar.words.get("present_looks_ahead")
    if direction == 0 and perfect is not None:
        lo, hi = clause_bounds(ctx.text, ctx.grammar.language, c.start, c.end)
        possessive = set(ctx.grammar.words.get("possessive_after", []))
        auxiliary = (
            m
            for m in re.finditer(rf"(?<!\w){alt(perfect)}(?!\w)", ctx.text[lo:hi], re.I)
            if word_before(ctx.text, lo + m.start()) not in possessive  # 'met zijn collega': his
        )
        if next(auxiliary, None) is None:
            return 1  # 'De Kamer stemt dinsdag': no past tense in the clause, and Dutch says the future so
    return direction or -1


def month_day_direction(ctx: Context, c: Candidate) -> int:
    """A month or day-month without a year: the nearest occurrence, unless a past-tense verb stands right
    before it ('introduced in April', 'the year ended March 31'), or the nearest tense cue of its clause
    looks ahead (`partial_date`). Measured on TimeBank/AQUAINT: a past tense in the clause misleads
    more often than it helps ('the reduced dividend is payable Jan. 2'); the verb right before does not,
    nor does a future cue."""
    return ctx.verb_before(c.start)


def deictic(g: Grammar, word: str | None):
    """('shift', n) for last/this/next, ('duration', None) for 'past', ('anaphoric', n) for 'following'."""
    if not word:
        return ("shift", 0)
    v = g.words.get("deictic", {}).get(phrase_key(word))
    if isinstance(v, int):
        return ("shift", v)
    if v == "P":
        return ("duration", None)
    if isinstance(v, str) and v.startswith("A"):
        return ("anaphoric", int(v[1:]))
    return ("shift", 0)


def referable(ctx: Context, t: Timex) -> bool:
    """What anaphora may refer back to: a stated date, or 'the quarter' that named a stated one again
    (the same period, unshifted, so referring through it cannot drift)."""
    return stated(t) or t.start in ctx.restated


def last_referable(
    ctx: Context,
    before: int,
    precisions: tuple[str, ...],
    within: int | None = None,
    ended_by: dt.date | None = None,
) -> Timex | None:
    """The latest referable date before `before` at one of `precisions`, at most `within` characters
    back (no limit for the quarter a report names once and means throughout), and when `ended_by` is
    given one over by then."""
    return next(
        (
            t
            for t in reversed(ctx.resolved)
            if referable(ctx, t)
            and t.precision in precisions
            and t.end <= before
            and (within is None or before - t.end < within)
            and (ended_by is None or t.date_end < ended_by)
        ),
        None,
    )


def reportable(ctx: Context, t: Timex) -> bool:
    """A period figures can be reported for by the document date: one over by then, or the year in
    progress (its figures to date)."""
    d = ctx.dct.start
    return t.date_end < d or (t.precision == "year" and t.date_start <= d)


def year_back_base(
    ctx: Context, c: Candidate, precisions: tuple[str, ...], reach: int = 1500
) -> Timex | None:
    """The period a year-back comparison ('a year earlier', 'the year-ago period', 'from $85 million last
    year') sets a figure against: the latest referable one within a few sentences (at one of
    `precisions`), unless that one has yet to come. A result is reported for a period figures exist
    for ('Bethlehem posted a 54% drop in third-quarter profit ... he thinks steelmakers will report
    losses through the third quarter of 1990 ... In the year-ago period' is the third quarter of 1988,
    not of 1989), so then forecasts are passed over for the latest period spoken of that figures exist
    for: within a few sentences, or up to `reach` characters back the quarter or half a report is
    about ('a year ago', which counts from the document date, reaches less far than 'a year earlier',
    which counts from the text's own time). A later period spoken of as no forecast (a document whose
    date is off) stops the search, as does a stretch in the same few sentences ('in the nine months
    ... a year earlier' compares the nine months). A clause that looks ahead ('sales are expected to
    rise from a year earlier') compares with the forecast period itself, so there the latest one stays."""
    prev = last_referable(ctx, c.start, precisions, within=400)
    if ctx.dct is None or not ctx.dct.known or (prev is not None and reportable(ctx, prev)):
        return prev
    if prev is not None and ctx.tense(c.start, c.end) > 0:
        return prev
    for t in reversed(ctx.resolved):
        if t.end > c.start:
            continue
        near = c.start - t.end < 400
        if c.start - t.end >= reach or (t.type == "DURATION" and near):
            break
        if not referable(ctx, t) or (not near and t.precision not in ("quarter", "half")):
            continue  # paragraphs back only the quarter or half a report is about
        if not reportable(ctx, t):
            if ctx.tense(t.start, t.end) > 0:
                continue  # a forecast ('will report losses through the third quarter of 1990')
            return prev
        # the latest period with figures; one of another granularity ('1988') is not compared
        return t if t.precision in precisions else prev
    return prev


def compared(ctx: Context, c: Candidate) -> bool:
    """A comparison ('than', 'compared with', 'from') earlier in the clause: 'compared with earnings of
    $6 million last year' sets a figure against the same period a year back."""
    cues = ctx.grammar.words.get("comparison_cues", [])
    lo = max(max(ctx.text.rfind(ch, 0, c.start) for ch in ".;!?\n,") + 1, c.start - 80)
    return bool(cues) and re.search(rf"(?<!\w){alt(cues)}(?!\w)", ctx.text[lo : c.start], re.I) is not None


def stated(t: Timex) -> bool:
    """A date the text states (itself or against the document date): what anaphora may refer back to.
    Dates found by anaphora are not, or 'the quarter' after 'a year earlier' would drift a year back."""
    return t.dated and t.type == "DATE" and t.source in ("explicit", "relative_to_dct")


def moved_a_year(t: Timex, n: int, g: Grammar) -> Timex | None:
    """A yearless date the document date placed (a day or month it names, a quarter or half), n years
    on: its period and its value. None for anything else ('tomorrow', 'next Monday' are no such date)."""
    if t.source != "relative_to_dct" or t.precision not in ("day", "month", "quarter", "half"):
        return None
    if t.precision in ("day", "month") and not any(
        g.lookup_month(w) for w in re.findall(r"[^\W\d_]+\.?", t.text)
    ):
        return None
    if not re.match(r"\d{4}(?!\d)", t.value):
        return None
    p = year_shifted(t, n)
    return replace(t, value=f"{p.start.year}{t.value[4:]}", date_start=p.start, date_end=p.end)


def year_shifted(t: Timex, n: int) -> Period:
    """The period of `t` moved by n years, at the same granularity."""
    start = cal.shift(t.date_start, "Y", n)
    if t.precision == "quarter":
        return cal.quarter(start.year, (start.month - 1) // 3 + 1)
    if t.precision == "half":
        return cal.half(start.year, 1 if start.month <= 6 else 2)
    if t.precision == "month":
        return cal.month(start.year, start.month)
    if t.precision == "day":
        return cal.day(start)
    return cal.year(start.year)


def anaphor_base(ctx: Context, c: Candidate) -> Timex | None:
    """The latest dated expression before `c` (within a few paragraphs) that 'the following year' refers to."""
    return next(
        (t for t in reversed(ctx.resolved) if t.dated and t.end <= c.start and c.start - t.end < 1500), None
    )


def nearest_year_date(ref: dt.date, month: int, day: int | None, direction: int) -> Period | None:
    """The occurrence of (month, day) nearest to `ref`: direction -1 on/before, +1 on/after, 0 nearest."""
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if day is None:
            p = cal.month(y, month)
        else:
            d = cal.valid_day(y, month, day)
            if d is None:
                continue
            p = cal.day(d)
        options.append(p)
    if not options:
        return None
    if direction < 0:
        past = [p for p in options if p.start <= ref]
        return max(past, key=lambda p: p.start) if past else None
    if direction > 0:
        future = [p for p in options if p.end >= ref]
        return min(future, key=lambda p: p.start) if future else None
    # nearest; a tie goes to the past (news reports what happened)
    return min(
        options,
        key=lambda p: (
            0 if p.start <= ref <= p.end else min(abs((p.start - ref).days), abs((p.end - ref).days)),
            p.start > ref,
        ),
    )


FAR_DAYS = 120
# 'Tuesday the first <noun>': how near the document date an ordinal in words must put the day
WEEKDAY_DAY_REACH = 35
JUST_OVER_DAYS = 45


def tensed_year(ctx: Context, c: Candidate, period: Period) -> int:
    """-1, 1 or 0 years for a yearless quarter, half or season placed in the document's year, when it
    is the time something happens in ('in het vierde kwartaal daalde de instroom' in January: the one
    over; 'ik zal u in het voorjaar informeren' in October: the coming one). Only after a word that
    says so ('in', 'tijdens'): 'will report third-quarter results' in November is this year's."""
    if ctx.dct is None or not ctx.dct.known:
        return 0
    preps = ctx.grammar.words.get("period_prepositions", [])
    if not preps or not re.search(
        rf"(?<!\w){alt(preps)}\s+$", ctx.text[max(0, c.start - 20) : c.start], re.I
    ):
        return 0
    direction = ctx.tense(c.start, c.end, past_verbs=True)
    if direction < 0 and period.start > ctx.dct.end:
        return -1
    if direction > 0 and period.end < ctx.dct.start:
        return 1
    return 0


def partial_date(ctx: Context, c: Candidate, month: int, day: int | None, direction: int):
    """A day-month (or month) without a year: from the document date, else from its own explicit dates."""
    if ctx.dct is not None and ctx.dct.known:
        if direction == 0:
            near = nearest_year_date(ctx.dct.start, month, day, 0)
            days = (near.start - ctx.dct.start).days if near is not None else 0
            if abs(days) > FAR_DAYS:
                # 'in March' eight months before or four after: near the middle the clause's tense decides
                direction = ctx.tense(c.start, c.end, past_verbs=True) or ctx.past_verb_before(c.start)
            elif (
                near is not None
                and near.end < ctx.dct.start - dt.timedelta(days=JUST_OVER_DAYS)
                and not re.search(
                    rf"(?<!\w){alt(ctx.grammar.words.get('until', []))}\s+$",
                    ctx.text[max(0, c.start - 20) : c.start],
                )
            ):
                # a month well over under a verb that looks ahead is the coming one ('will be named
                # commander for a mission in December', in March); one just over is not ('will report
                # October sales' in November), nor is the end of a stretch ('an order that he remain
                # until March 6': its 'until' says how long, not that the clause looks ahead)
                direction = max(ctx.tense(c.start, c.end), 0)
        return dct_relative(ctx, lambda d: nearest_year_date(d, month, day, direction))
    if ctx.anchor is not None and ctx.anchor.known and day is not None:
        # the document never says when it was written, but it does say which days it talks about
        p = nearest_year_date(ctx.anchor.start, month, day, 0)
        return p, "inherited"
    return None, "unresolved"


def spelled_year(gd: dict, g: Grammar) -> int | None:
    """'nineteen ninety-six' 1996, 'negentien achtenzeventig' 1978, 'twenty oh five' 2005,
    'two thousand and eighteen' 2018."""
    if gd.get("ythou"):
        rest = g.lookup_number(gd["yrest"]) if gd.get("yrest") else 0
        return None if rest is None else 2000 + int(rest)
    cent = g.lookup_number(gd["ycent"])
    yy = g.lookup_number(gd.get("yy") or gd.get("yunit") or "")
    if cent is None or yy is None:
        return None
    return int(cent) * 100 + int(yy)


def x_value(month: int | None = None, day: int | None = None) -> str:
    if day is not None and month is not None:
        return f"XXXX-{month:02d}-{day:02d}"
    if month is not None:
        return f"XXXX-{month:02d}"
    return "XXXX"


SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def duration_value(n: float | None, unit: str) -> str:
    """P3Y, PT24H, PXD (a vague number: 'several days'); decades and centuries in years ('decades-long'
    PXY, as TimeBank writes it)."""
    if unit in ("DE", "CE"):
        n, unit = (None if n is None else n * (10 if unit == "DE" else 100)), "Y"
    if n is not None and not float(n).is_integer() and unit in SMALLER:
        # 'anderhalf jaar' P1Y6M, '5 1/2 hours' PT5H30M, 'een half jaar' P6M: the rest in the next unit down
        lower, times = SMALLER[unit]
        whole, rest = int(n), (n - int(n)) * times
        if float(rest).is_integer():
            tail = duration_value(rest, lower)
            if whole == 0:
                return tail
            head = duration_value(whole, unit)
            return head + (tail[2:] if "T" in head else tail[1:])  # PT5H + PT30M, P2Y + P6M, P1D + PT12H
    if n is None:
        num = "X"
    else:
        num = str(int(n)) if float(n).is_integer() else str(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{num}{'M' if unit == 'MIN' else unit}"
    if unit == "2W":
        return f"P{num}W" if n is None else f"P{int(n * 2) if float(n).is_integer() else n * 2}W"
    return f"P{num}{unit}"


# finest first: the finest unit of a compound length is the precision of the day it points to
UNIT_RANK = {"S": 0, "MIN": 1, "H": 2, "D": 3, "W": 4, "2W": 4, "M": 5, "Q": 6, "Y": 7, "DE": 8, "CE": 9}
UNIT_SECONDS = {"H": 3600, "MIN": 60, "S": 1}


def compound_duration(parts: list[tuple[int, str]]) -> str:
    """P2Y3M21D, P1DT2H: a length of several units, each in its TimeML field (weeks as days beside
    other units: ISO 8601 writes weeks alone)."""
    in_fields = {"DE": ("Y", 10), "CE": ("Y", 100), "Q": ("M", 3), "2W": ("W", 2)}
    total: dict[str, int] = {}
    for n, u in parts:
        unit, times = in_fields.get(u, (u, 1))
        total[unit] = total.get(unit, 0) + n * times
    if "W" in total and len(total) > 1:
        total["D"] = total.get("D", 0) + 7 * total.pop("W")
    date = "".join(f"{total[u]}{u}" for u in ("Y", "M", "W", "D") if u in total)
    time = "".join(f"{total[u]}{'M' if u == 'MIN' else u}" for u in ("H", "MIN", "S") if u in total)
    return "P" + date + (f"T{time}" if time else "")


def compound_offset(
    c: Candidate, ctx: Context, surface: str, parts: list, sign: int, within: bool
) -> Timex | None:
    """'1 month 21 days ago' (2 October from 23 November), '2 years and 3 months from now' (a month: the
    finest unit is the honest precision), '2 jaar, 1 maand en 21 dagen geleden', 'binnen 2 jaar en 3
    maanden' (the stretch up to then). Largest unit first, as one counts ('1 maand, 2 jaar, 21 dagen'
    is two years, then a month, then 21 days back); an amount that is not a whole number, or a weekend,
    gives no date rather than a guessed one."""
    if any(n is None or not float(n).is_integer() or u not in UNIT_RANK for n, u in parts):
        return Timex(c.start, c.end, surface, "DATE" if not within else "DURATION", "XXXX")
    parts = sorted(((int(n), u) for n, u in parts), key=lambda p: -UNIT_RANK[p[1]])
    seconds = sum(n * UNIT_SECONDS[u] for n, u in parts if u in UNIT_SECONDS)

    def moved(d: dt.date) -> dt.date:
        for n, u in parts:
            if u not in UNIT_SECONDS:
                d = cal.shift(d, u, sign * n)
        if seconds:  # 'over 2 dagen en 3 uur': from the middle of the day, as for hours alone
            d = (dt.datetime.combine(d, dt.time(12)) + sign * dt.timedelta(seconds=seconds)).date()
        return d

    if within:
        period, source = dct_relative(
            ctx, lambda d: Period(d, max(d, moved(d) - dt.timedelta(days=0 if seconds else 1)), "range")
        )
        if period is None:
            return Timex(c.start, c.end, surface, "DURATION", compound_duration(parts))
        return Timex(
            c.start,
            c.end,
            surface,
            "DURATION",
            compound_duration(parts),
            period.start,
            period.end,
            "range",
            source,
        )
    finest = min((u for _, u in parts), key=UNIT_RANK.get)
    if finest in UNIT_SECONDS:
        period, source = dct_relative(ctx, lambda d: cal.day(moved(d)))
        value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
        return Timex(c.start, c.end, surface, "TIME", value, *period_fields(period), source)
    finest = "W" if finest == "2W" else finest
    period, source = dct_relative(ctx, lambda d: cal.unit_period(finest, moved(d)))
    value = cal.timex_value(period, finest) if period and period.precision != "range" else "XXXX"
    return Timex(c.start, c.end, surface, "DATE", value, *period_fields(period), source)


def period_fields(period: Period | None) -> tuple:
    return (period.start, period.end, period.precision) if period else (None, None, "unknown")


# ---------------------------------------------------------------- rules


def resolve(c: Candidate, ctx: Context) -> Timex | None:
    """The Timex for one candidate, or None when it turns out not to be a temporal expression."""
    own = resolver_apart(c)
    if own is not None:
        return own(c, ctx)
    g = ctx.grammar
    surface = ctx.text[c.start : c.end]
    kind = "DATE"
    period: Period | None = None
    source = "explicit"
    value = "XXXX"
    mod = None
    r = c.rule
    gd = c.g

    if r == "iso_date":
        d = cal.valid_day(int(gd["y"]), int(gd["m"]), int(gd["d"]))
        if d is None:
            return None
        period, value = cal.day(d), d.isoformat()
        if gd.get("hh"):
            kind, value = "TIME", f"{d.isoformat()}T{gd['hh']}:{gd['mm']}"
    elif r == "numeric_date":
        a, b, y = int(gd["a"]), int(gd["b"]), to_year(gd["y"])
        order = ctx.numeric_order or g.words.get("numeric_date_order", "dmy")
        dd, mm = (a, b) if order == "dmy" else (b, a)
        if mm > 12 and dd <= 12:
            dd, mm = mm, dd
        d = cal.valid_day(y, mm, dd)
        if d is None:
            return None
        period, value = cal.day(d), d.isoformat()
    elif r in ("dmy", "mdy", "dmy_joined"):
        month = g.lookup_month(gd["month"])
        dnum = day_number(gd.get("d") or gd["dw"], g)
        if month is None or dnum is None or not 1 <= dnum <= 31:
            return None
        if not gd.get("year") and re.match(r"\s*,?\s*\d{3,4}(?!\d)", ctx.text[c.end : c.end + 8]):
            return None  # '5 december 1391': a year we do not believe; never guess another one
        if gd.get("year"):
            d = cal.valid_day(to_year(gd["year"]), month, dnum)
            if d is None:
                return None  # "31 februari 2024": not a day
            period, value = cal.day(d), d.isoformat()
        else:
            if cal.valid_day(2024, month, dnum) is None:
                return None  # no year has a 31 February
            direction = -1 if gd.get("past") else 1 if gd.get("fut") else month_day_direction(ctx, c)
            weekday = g.weekdays.get(gd["wd"].lower().rstrip(".")) if gd.get("wd") else None
            if c.year_hint:
                d = cal.valid_day(c.year_hint, month, dnum)
                period, source = (cal.day(d), "explicit") if d else (None, "unresolved")
            elif weekday is not None and ctx.dct is not None and ctx.dct.known:
                # 'Monday, Oct. 26': the year in which that day is a Monday, nearest the document date
                years = [
                    y
                    for y in range(ctx.dct.start.year - 1, ctx.dct.start.year + 2)
                    if (d := cal.valid_day(y, month, dnum)) and d.weekday() == weekday
                ]
                if years:
                    y = min(years, key=lambda y: abs((dt.date(y, month, dnum) - ctx.dct.start).days))
                    period, source = cal.day(dt.date(y, month, dnum)), "relative_to_dct"
                else:
                    # no year near the document date has that day on that weekday: any year we chose
                    # would contradict the text ('Sunday, March eighth' in May 2018 is not 8 March 2019)
                    period, source = None, "unresolved"
            else:
                period, source = partial_date(ctx, c, month, dnum, direction)
            value = period.start.isoformat() if period and period.precision == "day" else x_value(month, dnum)
    elif r == "day_range":
        month = g.lookup_month(gd["month"])
        d1, d2 = int(re.match(r"\d+", gd["d1"]).group()), int(re.match(r"\d+", gd["d2"]).group())
        conn = phrase_key(gd["conn"])
        if conn in g.words.get("range_exclusive", []):
            d2 -= 1  # Dutch 'van 4 tot 22': up to the 22nd, not including it
        if month is None or d2 < d1:
            return None
        spelled = gd.get("ycent") or gd.get("ythou")  # 'van 2 tot 7 feb, tweeduizend achttien'
        y = int(gd["year"]) if gd.get("year") else spelled_year(gd, g) if spelled else None
        if y is not None:
            a, b = cal.valid_day(y, month, d1), cal.valid_day(y, month, d2)
            if not a or not b:
                return None
            period = Period(a, b, "range")
        else:
            p1, source = partial_date(ctx, c, month, d1, 0)
            if p1 is not None and p1.start is not None:
                b = cal.valid_day(p1.start.year, month, d2)
                period = Period(p1.start, b, "range") if b else None
        value = (
            f"{period.start.isoformat()}/{period.end.isoformat()}"
            if period and period.known
            else x_value(month)
        )
    elif r == "month_year":
        month = g.lookup_month(gd["month"])
        if month is None:
            return None
        period = cal.month(to_year(gd["year"]), month)
        value = cal.timex_value(period)
    elif r in ("month", "month_abbr", "month_span", "deictic_month", "month_rel_year"):
        if "month2" in gd:
            gd = dict(gd, month=gd["month2"], ydeic=gd["ydeic2"])
        month = g.lookup_month(gd["month"])
        if month is None:
            return None
        if r == "month_rel_year":
            n = g.words["deictic"].get(gd["ydeic"].lower(), 0)
            if not isinstance(n, int):
                return None
            period, source = dct_relative(ctx, lambda d: cal.month(d.year + n, month))
        elif r == "deictic_month":
            n = g.words["deictic"].get(phrase_key(gd["deic"]), 0)
            if n == 0:  # 'this September': the one of the document's year
                period, source = dct_relative(ctx, lambda d: cal.month(d.year, month))
            else:
                direction = -1 if (isinstance(n, int) and n < 0) else 1
                period, source = dct_relative(ctx, lambda d: nearest_year_date(d, month, None, direction))
        elif c.year_hint:
            period, source = cal.month(c.year_hint, month), "explicit"
        else:
            direction = -1 if gd.get("past") else 1 if gd.get("fut") else month_day_direction(ctx, c)
            period, source = partial_date(ctx, c, month, None, direction)
            if period is None and ctx.dct is None and ctx.anchor is not None and ctx.anchor.known:
                period, source = cal.month(ctx.anchor.start.year, month), "inherited"
        value = cal.timex_value(period) if period else x_value(month)
    elif r == "holiday":
        rule = g.words["holidays"][phrase_key(gd["hol"])]
        if gd.get("year"):
            d = cal.holiday(rule, int(gd["year"]))
            period = cal.day(d) if d else None
        elif gd.get("ydeic"):  # 'Christmas of last year': that year's
            n = g.words["deictic"][phrase_key(gd["ydeic"])]
            period, source = dct_relative(ctx, lambda d: cal.day(cal.holiday(rule, d.year + n)))
        else:
            # the nearest one, unless the clause's tense says the one before or after ('Op Prinsjesdag
            # presenteerde het kabinet' in May is last September's)
            tense = ctx.verb_before(c.start) or ctx.tense(c.start, c.end, past_verbs=True)

            def nearest_holiday(ref: dt.date) -> Period | None:
                days = [
                    d for d in (cal.holiday(rule, y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d
                ]
                # a holiday within weeks of the document date is the one at hand ('as Easter week began')
                far = [d for d in days if abs((d - ref).days) > JUST_OVER_DAYS]
                days = [
                    d for d in days if d not in far or (tense >= 0 or d <= ref) and (tense <= 0 or d >= ref)
                ] or days
                return cal.day(min(days, key=lambda d: (abs((d - ref).days), d > ref))) if days else None

            period, source = dct_relative(ctx, nearest_holiday)
        value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
    elif r == "weekday_day":
        # 'vrijdag de 15e': the 15th, in the month near the document date where it falls on a Friday
        wd, dnum = g.weekdays[gd["wd"].lower()], day_number(gd["d"], g)
        if dnum is None or not 1 <= dnum <= 31:
            return None

        def weekday_day(ref: dt.date) -> Period | None:
            options = []
            for k in range(-12, 13):
                y, m = cal.add_months(ref.year, ref.month, k)
                d = cal.valid_day(y, m, dnum)
                if d and d.weekday() == wd:
                    options.append(d)
            return cal.day(min(options, key=lambda d: (abs((d - ref).days), d > ref))) if options else None

        period, source = dct_relative(ctx, weekday_day)
        after = word_after(ctx.text, c.end)
        near = (
            period is not None
            and period.known
            and ctx.dct is not None
            and ctx.dct.known
            and abs((period.start - ctx.dct.start).days) <= WEEKDAY_DAY_REACH
        )
        counts_a_noun = re.match(rf"\s*[^\W\d_]+\s+(?:{alt(OF_WORDS)})\s", ctx.text[c.end : c.end + 40], re.I)
        if (
            not any(ch.isdigit() for ch in gd["d"])
            and after[:1].isalpha()
            and after not in OF_WORDS
            and (not near or counts_a_noun)
        ):
            # an ordinal in words may count the noun after it ('announced on Tuesday the first generation
            # of', 'Friday the second round of talks'): with 'of' after that noun it does, else it is a
            # day only when it falls near the document date ('monday the twenty seventh at six pm')
            wd_span = c.spans["wd"]
            return resolve(
                Candidate(wd_span[0], wd_span[1], "weekday", {"wd": gd["wd"]}, {"wd": wd_span}), ctx
            )
        value = period.start.isoformat() if period and period.precision == "day" else f"XXXX-XX-{dnum:02d}"
    elif r in ("day_of_month", "nth_weekday"):
        kind_d, n = deictic(g, gd.get("deic"))
        if kind_d != "shift":
            return None
        if r == "day_of_month":
            dnum = day_number(gd["d"], g)
            if dnum is None:
                return None

            def pick(y: int, m: int) -> dt.date | None:
                return cal.valid_day(y, m, dnum)
        else:
            o = gd["ord"].lower()
            k = g.ordinals.get(o) or (int(re.match(r"\d+", o).group()) if re.match(r"\d", o) else None)
            wd = g.weekdays[gd["wd"].lower()]
            if not k:
                return None

            def pick(y: int, m: int) -> dt.date | None:
                rule = f"{m:02d}-{list(cal.WEEKDAY_CODES)[wd]}-{'L' if k == -1 else k}"
                d = cal.holiday(rule, y)
                return d if d and d.month == m else None

        if gd.get("month"):
            month = g.lookup_month(gd["month"])
            if gd.get("year"):
                d = pick(int(gd["year"]), month)
                period = cal.day(d) if d else None
            else:

                def in_month(ref: dt.date) -> Period | None:
                    days = [d for d in (pick(y, month) for y in (ref.year - 1, ref.year, ref.year + 1)) if d]
                    return cal.day(min(days, key=lambda d: (abs((d - ref).days), d > ref))) if days else None

                period, source = dct_relative(ctx, in_month)
        else:

            def relative_month(ref: dt.date) -> Period | None:
                y, m = cal.add_months(ref.year, ref.month, n)
                d = pick(y, m)
                return cal.day(d) if d else None

            period, source = dct_relative(ctx, relative_month)
        value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
    elif r == "weekend":
        # 'the weekend', 'het weekend': the one just past, or the coming one when the clause looks ahead
        direction = weekday_direction(ctx, c)

        def weekend(ref: dt.date) -> Period:
            saturday = cal.week_of(ref).start + dt.timedelta(days=5)
            if direction < 0 and saturday > ref:
                saturday -= dt.timedelta(days=7)
            return Period(saturday, saturday + dt.timedelta(days=1), "range")

        period, source = dct_relative(ctx, weekend)
        if period is not None and period.known:
            iy, iw, _ = period.start.isocalendar()
            value = f"{iy}-W{iw:02d}-WE"
    elif r == "numeric_month":
        y, m = (int(gd["y"]), int(gd["m"])) if gd.get("y") else (int(gd["y2"]), int(gd["m2"]))
        period = cal.month(y, m)
        value = cal.timex_value(period)
    elif r == "week_weekday":
        kind_d, n = deictic(g, gd.get("deic") or gd["deic2"])
        if kind_d != "shift":
            return None
        wd = g.weekdays[(gd.get("wd") or gd["wd2"]).lower()]
        period, source = dct_relative(
            ctx, lambda d: cal.day(cal.week_of(cal.shift(d, "W", n)).start + dt.timedelta(days=wd))
        )
        value = period.start.isoformat() if period and period.precision == "day" else f"XXXX-WXX-{wd + 1}"
    elif r == "spelled_year":
        y = spelled_year(gd, g)
        if y is None:
            return None
        month = g.lookup_month(gd["month"]) if gd.get("month") else None
        dword = gd.get("d") or gd.get("d2")
        dnum = day_number(dword, g) if dword else None
        if month and dnum:
            d = cal.valid_day(y, month, dnum)
            if d is None:
                return None
            period, value = cal.day(d), d.isoformat()
        elif month:
            period = cal.month(y, month)
            value = cal.timex_value(period)
        else:
            period, value = cal.year(y), str(y)
    elif r in ("year", "fiscal_year"):
        y = int(gd["year"])
        period, value = cal.year(y), str(y)
    elif r == "year_range":
        y1 = int(gd["y1"])
        y2 = int(gd["y2"]) if len(gd["y2"]) == 4 else y1 // 100 * 100 + int(gd["y2"])
        period = cal.years(y1, y2)
        value = f"{y1}/{y2}"
    elif r in ("quarter", "quarter_code", "half", "half_code"):
        if r == "quarter_code":
            n = int(gd["q"])
        elif r == "half_code":
            n = int(gd["h"])
        else:
            o = gd["ord"].lower()
            n = (
                g.ordinals.get(o) or int(re.match(r"\d", o).group())
                if re.match(r"\d", o)
                else g.ordinals.get(o)
            )
        limit = 4 if r.startswith("quarter") else 2
        if n == -1:
            n = limit  # 'the last quarter of 2024', 'the last half of 1989' (a year is named: see `accept`)
        if not n or not 1 <= n <= limit:
            return None
        make = cal.quarter if r.startswith("quarter") else cal.half
        ytext = gd.get("year") or gd.get("year0")
        if ytext:
            period = make(to_year(ytext), n)
        else:
            ydeic = gd.get("ydeic") or gd.get("ydeic0")
            shift_years = g.words["deictic"].get((ydeic or "").lower(), 0)
            if not isinstance(shift_years, int):
                return None
            period, source = dct_relative(ctx, lambda d: make(d.year + shift_years, n))
            if not ydeic and period is not None and period.known:
                period = make(period.start.year + tensed_year(ctx, c, period), n)
        value = cal.timex_value(period) if period else (f"XXXX-Q{n}" if limit == 4 else f"XXXX-H{n}")
    elif r == "year_period":
        # 'the 1988 quarter', "last year's period": the quarter last spoken of, in the year named
        quarter = last_referable(ctx, c.start, ("quarter",))
        if gd.get("year"):
            year, source = cal.year(int(gd["year"])), "explicit"
        else:
            shift_years = g.words["deictic"].get(gd["ydeic"].lower(), 0)
            if not isinstance(shift_years, int):
                return None
            year, source = dct_relative(ctx, lambda d: cal.year(d.year + shift_years))
        if year is None:
            period, value = None, "XXXX"
        elif quarter is None:
            period = year  # no quarter to speak of: the year, which the text does name
            value = cal.timex_value(period)
        else:
            q = (quarter.date_start.month - 1) // 3 + 1
            period, source = cal.quarter(year.start.year, q), "inherited"
            value = cal.timex_value(period)
    elif r == "season":
        code = g.words["seasons"][gd["season"].lower()]
        if gd.get("year"):
            period = cal.season(int(gd["year"]), code)
        elif gd.get("ydeic"):
            k = g.words["deictic"][phrase_key(gd["ydeic"])]
            period, source = dct_relative(ctx, lambda d: cal.season(d.year + k, code))
        else:
            n = g.words["deictic"].get((gd.get("deic") or "").lower(), 0)
            if not isinstance(n, int):
                return None

            recent = phrase_key(gd.get("deic") or "") in g.words.get("recent_deictics", [])

            def season_near(d: dt.date) -> Period:
                seasons = [cal.season(y, code) for y in range(d.year - 2, d.year + 3)]
                if n > 0:  # 'next spring', 'komende winter': the first still to begin
                    return [p for p in seasons if p.start > d][n - 1]
                if n < 0 and recent:  # 'this past spring', 'afgelopen zomer' in October: the latest over
                    return [p for p in seasons if p.end < d][n]
                # 'last spring' is the spring of last year (TimeBank), 'this spring' this year's; a winter
                # is named by the year it begins in, so in January 'this winter' began last year
                year = d.year - 1 if code == "WI" and d.month <= 2 else d.year
                return cal.season(year + n, code)

            period, source = dct_relative(ctx, season_near)
            if not gd.get("deic") and period is not None and period.known:
                period = cal.season(period.start.year + tensed_year(ctx, c, period), code)
        value = cal.timex_value(period) if period else f"XXXX-{code}"
    elif r == "decade":
        if gd.get("decade"):
            y = int(gd["decade"])
        elif gd.get("dplural"):  # 'the seventies', 'the nineteen seventies'
            cent = g.lookup_number(gd["dcent"]) if gd.get("dcent") else 19
            y = int(cent) * 100 + 10 * g.words["decade_plurals"][gd["dplural"].lower()]
        else:  # "the '70s", 'the 70s'
            y = 1900 + int(gd.get("dd") or gd["dd2"])
        period, value = cal.decade(y), str(y)[:3]
    elif r == "decade_words":
        if gd.get("dyear"):  # 'de jaren 1970', 'de jaren 2000'
            y = int(gd["dyear"])
        else:
            dd = int(gd["dd"]) if gd.get("dd") else 10 * g.words["decade_names"][gd["dname"].lower()]
            y = 1900 + dd
        period, value = cal.decade(y), str(y)[:3]
    elif r == "century":
        n = int(gd["n"])
        if not 1 <= n <= 21:
            return None
        period, value = cal.century(n), f"{n - 1:02d}"
    elif r == "relative_day":
        offset, part = g.words["relative_days"][phrase_key(gd["rel"])]
        period, source = dct_relative(ctx, lambda d: cal.day(d + dt.timedelta(days=offset)))
        if part:
            kind = "TIME"
        value = (period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX") + (
            f"T{part}" if part else ""
        )
    elif r == "nth_week":
        o = gd["ord"].lower()
        k = g.ordinals.get(o) or (int(re.match(r"\d+", o).group()) if re.match(r"\d", o) else None)
        if not k:
            return None
        if gd.get("month"):
            month = g.lookup_month(gd["month"])
            if month is None:
                return None
            if gd.get("year"):
                box = cal.month(int(gd["year"]), month)
            else:
                box, source = partial_date(ctx, c, month, None, month_day_direction(ctx, c))
        elif gd.get("year2"):
            box = cal.year(int(gd["year2"]))
        else:
            kind_d, n = deictic(g, gd["deic"])
            unit = g.words["deictic_unit_words"][phrase_key(gd["unit"])]
            if kind_d != "shift":
                return None
            box, source = dct_relative(ctx, lambda d: cal.unit_period(unit, cal.shift(d, unit, n)))
        period = cal.nth_week(box, k) if box is not None and box.known else None
        value = cal.timex_value(period) if period else "XXXX-WXX"
    elif r == "each_calendar":
        kind = "SET"
        if gd.get("wd"):
            part = g.words.get("day_parts", {}).get((gd.get("part") or gd.get("part2") or "").lower())
            value = f"XXXX-WXX-{g.weekdays[gd['wd'].lower()] + 1}" + (f"T{part}" if part else "")
        else:
            value = f"XXXX-{g.lookup_month(gd['month']):02d}"
    elif r == "week_number":
        wn = int(gd["wn"])

        def iso_week(y: int) -> Period | None:
            try:
                return cal.week_of(dt.date.fromisocalendar(y, wn, 1))
            except ValueError:
                return None  # week 53 of a year with 52

        if gd.get("year"):
            period = iso_week(int(gd["year"]))
        else:  # the week of that number in the document's year
            period, source = dct_relative(ctx, lambda d: iso_week(d.isocalendar()[0]))
        value = cal.timex_value(period) if period else f"XXXX-W{wn:02d}"
    elif r == "weekday":
        wd = g.weekdays[gd["wd"].lower()]
        kind_d, deic = deictic(g, gd.get("deic"))
        deic = deic if isinstance(deic, int) else -1
        upcoming = phrase_key(gd.get("deic") or "") in g.words.get("upcoming_weekday_deictics", [])
        # 'volgende vrijdag' is the Friday of next week, 'aanstaande vrijdag' the first Friday to come
        weekly = deic == 0 or (deic > 0 and g.words.get("next_weekday_is_next_week", False) and not upcoming)
        if gd.get("deic") and kind_d == "shift" and weekly:
            # 'deze vrijdag' is the Friday of this week, 'volgende zondag' the Sunday of next week
            period, source = dct_relative(
                ctx, lambda d: cal.day(cal.week_of(cal.shift(d, "W", deic)).start + dt.timedelta(days=wd))
            )
            value = period.start.isoformat() if period and period.precision == "day" else f"XXXX-WXX-{wd + 1}"
            return Timex(c.start, c.end, surface, "DATE", value, *period_fields(period), source)
        if gd.get("past") or deic < 0:
            direction, strict = -1, deic < 0  # 'vorige maandag', 'last Monday': not today
        elif gd.get("fut") or deic > 0:
            direction, strict = 1, deic > 0  # English 'next Friday': the coming one, not today
        else:
            direction, strict = weekday_direction(ctx, c), False

        def weekday_near(d: dt.date) -> Period:
            delta = (d.weekday() - wd) % 7 if direction < 0 else (wd - d.weekday()) % 7
            if strict and delta == 0:
                delta = 7
            return cal.day(d - dt.timedelta(days=delta) if direction < 0 else d + dt.timedelta(days=delta))

        period, source = dct_relative(ctx, weekday_near)
        # 'Friday night' is annotated as the day (TimeBank, AQUAINT): the part of the day stays in the text
        value = period.start.isoformat() if period and period.precision == "day" else f"XXXX-WXX-{wd + 1}"
    elif r in ("deictic_unit", "earlier_this"):
        unit = g.words["deictic_unit_words"][phrase_key(gd["unit"])]
        kind_d, n = deictic(g, gd["deic"])
        if r == "earlier_this":
            mod = g.words["earlier_later"][gd["el"].lower()]
        if kind_d == "duration" and unit in g.words.get("past_unit_is_previous", []):
            kind_d, n = "shift", -1  # 'the past year' is last year (TimeBank), as 'het afgelopen jaar'
        if unit in g.words.get("stretch_deictics", {}).get(phrase_key(gd["deic"]), []):
            kind_d = "duration"  # 'het afgelopen decennium' is the past ten years, as 'the past decade'
        if kind_d == "duration":
            kind, value = "DURATION", duration_value(1, unit)
        elif unit == "2W":
            return (
                None  # 'last fortnight': no calendar fortnight to shift to ('the past fortnight' is a length)
            )
        else:
            base = anaphor_base(ctx, c) if kind_d == "anaphoric" else None
            prev = (
                year_back_base(ctx, c, ("quarter", "half", "month"))
                if r == "deictic_unit" and (unit, n) == ("Y", -1) and compared(ctx, c)
                else None
            )
            if prev is not None:  # 'profit rose 11%, from $85 million last year': that quarter, a year back
                period, source = year_shifted(prev, -1), "inherited"
                unit = prev.precision[0].upper()
            elif base is not None:
                d0 = base.date_start
                period, source = cal.unit_period(unit, cal.shift(d0, unit, n)), "inherited"
            else:
                period, source = dct_relative(ctx, lambda d: cal.unit_period(unit, cal.shift(d, unit, n)))
            weekend = unit == "WE" and period is not None and (period.end - period.start).days == 1
            value = (
                cal.timex_value(period, unit)
                if period and (period.precision != "range" or weekend)
                else {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX", "WE": "XXXX-WXX-WE"}.get(
                    unit, "XXXX"
                )
            )
            if (
                r == "earlier_this"
                and n == 0
                and period is not None
                and period.known
                and source == "relative_to_dct"
            ):
                # 'earlier this year': from its start to the day before the document date; 'later this
                # week': from the document date to its end (as 'earlier in the year', 'later in the week')
                d = ctx.dct.start
                if mod == "START" and period.start < d <= period.end:
                    period = Period(period.start, d - dt.timedelta(days=1), "range")
                elif mod == "END" and period.start <= d <= period.end:
                    period = Period(d, period.end, "range")
    elif r == "rest_of":
        unit = g.words["deictic_unit_words"][phrase_key(gd["unit"])]
        kind_d, n = deictic(g, gd.get("deic"))
        if kind_d != "shift":
            return None
        whole, source = dct_relative(ctx, lambda d: cal.unit_period(unit, cal.shift(d, unit, n)))
        value = cal.timex_value(whole, unit) if whole and whole.precision != "range" else "XXXX"
        period = whole
        if whole is not None and whole.known and ctx.dct.start >= whole.start and ctx.dct.end <= whole.end:
            period = Period(ctx.dct.start, whole.end, "range")  # what is left of it
    elif r == "unit_part":
        if gd.get("uend"):
            unit, part = g.words["unit_ends"][phrase_key(gd["uend"])], "END"
        else:
            unit = g.words["deictic_unit_words"][phrase_key(gd["unit"])]
            part = g.words["part_of_period"][phrase_key(gd["pw"])]
        if unit not in ("W", "M", "Q", "Y"):
            return None
        period, source = dct_relative(ctx, lambda d: cal.unit_period(unit, d))
        value = cal.timex_value(period, unit) if period and period.precision != "range" else "XXXX"
        pw = phrase_key(gd.get("pw") or "")
        if pw in g.words.get("parts_from_now", []) and period is not None and period.known:
            # 'earlier in the week': from its start to the day before the document date; 'later in the
            # year': from the document date to its end
            d = ctx.dct.start
            if part == "START" and period.start < d:
                period, mod = Period(period.start, d - dt.timedelta(days=1), "range"), part
            elif part == "END":
                period, mod = Period(d, period.end, "range"), part
            else:
                c = replace(c, part=part)
        else:
            c = replace(c, part=part)
    elif r == "offset_day":
        unit = g.words["units"][phrase_key(gd["unit"])]
        n = g.lookup_number(gd["num"])
        if n is None or not float(n).is_integer():
            return None
        days = g.words["relative_days"][phrase_key(gd["rel"])][0]
        sign = g.words["offset_words"][phrase_key(gd["dir"])]
        if gd.get("within"):
            # 'within 2 weeks from today': from that day up to (not including) two weeks on; 'binnen 2
            # weken voor gisteren' the two weeks up to yesterday
            def stretch(d: dt.date, k=int(n)) -> Period:
                day = d + dt.timedelta(days=days)
                end = cal.shift(day, unit, sign * k) - dt.timedelta(days=sign)
                return Period(min(day, end), max(day, end), "range")

            period, source = dct_relative(ctx, stretch)
            value = duration_value(n, unit)
            if period is None:
                return Timex(c.start, c.end, surface, "DURATION", value)
            return Timex(
                c.start, c.end, surface, "DURATION", value, period.start, period.end, "range", source
            )
        period, source = dct_relative(
            ctx, lambda d: cal.day(cal.shift(d + dt.timedelta(days=days), unit, sign * int(n)))
        )
        value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
    elif r in ("ago", "from_now", "in_future") and gd.get("more"):
        # '1 month 21 days ago', 'over 2 jaar en 21 dagen': every amount counts
        parts = [
            (g.lookup_number(m["num"]), g.words["units"][phrase_key(m["unit"])])
            for m in amount_pattern(g.language).finditer(f"{gd['num']} {gd['unit']}{gd['more']}")
        ]
        if phrase_key(gd["num"]) in g.words.get("vague_numbers", []):
            return Timex(c.start, c.end, surface, "DATE", "PAST_REF") if r == "ago" else None
        within = r == "in_future" and gd["prep"].lower() in g.words.get("within_prepositions", [])
        t = compound_offset(c, ctx, surface, parts, -1 if r == "ago" else 1, within)
        if t is None or t.type == "DURATION":
            return t
        kind, value, source = t.type, t.value, t.source
        period = Period(t.date_start, t.date_end, t.precision) if t.dated else None
    elif r in ("ago", "from_now", "in_future"):
        unit = g.words["units"][phrase_key(gd["unit"])]
        vague = phrase_key(gd["num"]) in g.words.get("vague_numbers", [])
        n = None if vague else g.lookup_number(gd["num"])
        if unit == "2W" and n is not None:
            unit, n = "W", 2 * n  # 'a fortnight ago' is two weeks ago, a week's value
        if n is None and r == "ago":
            return Timex(c.start, c.end, surface, "DATE", "PAST_REF")  # 'several years ago'
        sign = -1 if r == "ago" else 1
        seconds = {"H": 3600, "MIN": 60, "S": 1}.get(unit)
        if n is None or not (float(n).is_integer() or seconds):
            return None  # 'half an hour from now' has its time; 'anderhalf jaar geleden' no calendar unit
        if r == "in_future" and gd["prep"].lower() in g.words.get("within_prepositions", []):
            # 'binnen 5 dagen': from the document date up to (not including) five days later
            kind, value = "DURATION", duration_value(n, unit)
            if seconds is None:

                def within(d: dt.date, k=int(n), u=unit) -> Period:
                    return Period(d, max(d, cal.shift(d, u, k) - dt.timedelta(days=1)), "range")
            else:

                def within(d: dt.date, k=n, sec=seconds) -> Period:
                    return Period(d, d + dt.timedelta(seconds=k * sec), "range")

            period, source = dct_relative(ctx, within)
            if period is not None:
                return Timex(c.start, c.end, surface, kind, value, period.start, period.end, "range", source)
        elif seconds is not None:
            # 'over 5 minuten', '3 hours ago': a time on (or next to) the document's day
            kind = "TIME"
            period, source = dct_relative(
                ctx,
                lambda d: cal.day(
                    (dt.datetime.combine(d, dt.time(12)) + sign * dt.timedelta(seconds=n * seconds)).date()
                ),
            )
            value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
        else:
            from_document = r == "ago" and phrase_key(gd["ago"]) in g.words.get("ago_from_document", [])
            prev = (
                year_back_base(ctx, c, ("quarter", "half", "month"), 400 if from_document else 1500)
                if (unit, n, r) == ("Y", 1, "ago")
                else None
            )
            if prev is None and (unit, n, r) == ("Y", 1, "ago") and not from_document:
                # 'a year earlier' counts from the text's own time, a year it names too ('crossed in 2022,
                # against 28,526 a year earlier'); only a year written out, not 'last year's'
                year = last_referable(ctx, c.start, ("year",), within=400)
                prev = year if year is not None and re.fullmatch(r"\d{4}", year.text.strip()) else None
            if prev is not None:  # 'third-quarter profit fell from a year ago': that quarter, a year back
                period, source = year_shifted(prev, -int(n)), "inherited"
                value = cal.timex_value(period)
            else:
                period, source = dct_relative(
                    ctx, lambda d: cal.unit_period(unit, cal.shift(d, unit, sign * int(n)))
                )
                value = cal.timex_value(period, unit) if period and period.precision != "range" else "XXXX"
    elif r == "duration":
        unit = g.words["units"][phrase_key(gd["unit"])]
        art = re.match(rf"{alt(g.words.get('articles', []))}\s+", surface, re.I)
        if art and (ctx.text[c.spans["unit"][0] - 1] == "-" or gd.get("deic2")):
            # 'the 30-day period', 'the eight-year war': the duration describes the noun, whose article
            # it is (TimeBank leaves it out); so in 'the 5 upcoming years' (Recognizers-Text)
            c = replace(c, start=c.start + art.end())
            surface = ctx.text[c.start : c.end]
        vague = phrase_key(gd["num"]) in g.words.get("vague_numbers", [])
        n = None if vague else g.lookup_number(gd["num"])
        for key, table in (("frac", "fractions"), ("frac2", "fractions_after_unit")):
            if n is not None and gd.get(key):  # '2 1/2 years', 'an hour and a half'
                n += g.words[table][phrase_key(gd[key])]
        kind = "DURATION"
        # 'a couple of years' is written P2Y (TimeML, Recognizers-Text), but stays vague for the calendar
        counted = g.words.get("vague_number_values", {}).get(phrase_key(gd["num"])) if vague else None
        value = duration_value(counted or n, unit)
        deic_word = gd.get("deic") or gd.get("deic2")  # before the number, or between it and the unit
        kind_d, direction = deictic(g, deic_word)
        if kind_d == "duration":
            direction = -1
        if (
            deic_word
            and n is not None
            and float(n).is_integer()
            and direction in (-1, 1)
            and unit in ("D", "W", "M", "Q", "Y", "DE", "CE")
        ):
            # 'de afgelopen tien jaar', 'komende 3 dagen': the stretch of time before or after the document date
            def stretch(d: dt.date, k=int(n), u=unit, sign=direction) -> Period:
                if sign < 0:
                    return Period(cal.shift(d, u, -k), d - dt.timedelta(days=1), "range")
                return Period(d + dt.timedelta(days=1), cal.shift(d, u, k), "range")

            period, source = dct_relative(ctx, stretch)
            if period is not None:
                return Timex(c.start, c.end, surface, kind, value, period.start, period.end, "range", source)
    elif r == "vague_units":
        word = phrase_key(gd.get("lunit") or gd.get("munit") or gd.get("punit") or gd["sunit"])
        n = None if word in g.words.get("plural_units", []) else 1  # 'decades-long' PXDE, 'day-long' P1D
        kind, value = "DURATION", duration_value(n, g.words["units"][word])
    elif r == "anaphoric_year":
        # 'het jaar ervoor', 'a year earlier': the period last spoken of, a year back, at its own granularity
        # ('third-quarter profit ... a year earlier' is the third quarter of the year before)
        n = g.words["anaphoric_years"][phrase_key(gd["ana"])]
        fine = ("year", "quarter", "half", "month", "day")
        prev = year_back_base(ctx, c, fine) if n < 0 else last_referable(ctx, c.start, fine, within=400)
        if prev is not None:
            period = year_shifted(prev, n)
            source, value = "inherited", cal.timex_value(period)
        else:
            period, source, value = None, "unresolved", "XXXX"
    elif r == "year_ended":
        kind, value = "DURATION", "P1Y"
    elif r == "anaphoric_unit":
        # 'that year', 'dat jaar', 'the quarter': the period of that unit last spoken of
        unit = (
            g.words["anaphoric_unit_words"][gd["unit"].lower()]
            if gd.get("unit")
            else g.words["bare_anaphoric_units"][phrase_key(gd["bare"])]
        )
        fine = {
            "Y": ("year", "half", "quarter", "month", "week", "day"),
            "Q": ("quarter",),
            "M": ("month", "day"),
            "W": ("week", "day"),
            "D": ("day",),
        }[unit]
        # 'the latest quarter' may come pages after the quarter was named; other units within a few paragraphs
        within = None if unit == "Q" else 1500
        prev = last_referable(ctx, c.start, fine, within)
        dem = phrase_key(gd.get("dem") or "")
        latest = g.words["anaphoric_units"].get(dem) == "latest"
        if latest and ctx.dct is not None and ctx.dct.known:
            # 'the latest quarter' is one that is over: not the fourth quarter a charge is expected in
            prev = last_referable(ctx, c.start, fine, within, ended_by=ctx.dct.start) or prev
        if prev is not None:
            period, source = cal.unit_period(unit, prev.date_start), "inherited"
            value = cal.timex_value(period, unit)
            ctx.restated.add(c.start)  # the period of a stated date, unshifted: a base for later anaphora
        elif latest:  # 'het laatste kwartaal' with none named: the last one over by the document date
            period, source = dct_relative(ctx, lambda d: cal.unit_period(unit, cal.shift(d, unit, -1)))
            value = cal.timex_value(period, unit) if period and period.precision != "range" else "XXXX"
        elif gd.get("bare"):
            return None  # 'the quarter' with nothing to refer to is no date
        else:
            period, source, value = None, "unresolved", "XXXX"
    elif r == "set":
        kind, value = "SET", g.words["sets"][phrase_key(gd["set"])]
    elif r == "generic":
        value = g.words["generic"][phrase_key(gd["gen"])]
        if value == "PRESENT_REF":
            period, source = dct_relative(ctx, cal.day)
        else:
            source = "unresolved"
    elif r in ("time", "time_word", "clock_words"):
        if r == "clock_words":
            hh, mm = clock_time(gd, g)
        elif r == "time_word":
            hh, mm = map(int, g.words["time_words"][phrase_key(gd["tw"])].split(":"))
        else:
            hh = int(g.lookup_number(gd.get("hh") or gd.get("hh2") or gd.get("hh3")))
            mm = int(gd.get("mm") or gd.get("mm2") or gd.get("mm3") or 0)
        suf = (gd.get("suf") or "").lower().replace(".", "")
        if suf == "pm" and hh < 12:
            hh += 12
        if suf == "am" and hh == 12:
            hh = 0
        tpart = gd.get("tpart") or gd.get("tpart2") or gd.get("tpart3")
        if tpart and hh < 12:  # "om acht uur 's avonds", "om 7:56 's avonds", 'at ten in the evening'
            hh += g.words["clock_parts"][phrase_key(tpart)]
        kind = "TIME"
        period, source = dct_relative(ctx, cal.day)
        day_value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
        value = f"{day_value}T{hh:02d}:{mm:02d}"
    else:
        return None

    timex = finish(c, ctx, kind, value, period, source, mod)
    if r == "year_range" and timex.dated:  # TimeML annotates each year of "2023-2026" on its own
        first = ctx.text.index(gd["y1"], c.start)
        last = ctx.text.rindex(gd["y2"], c.start, c.end)
        y2 = period.end.year
        timex = replace(
            timex,
            parts=(
                Timex(
                    first,
                    first + len(gd["y1"]),
                    gd["y1"],
                    "DATE",
                    gd["y1"],
                    period.start,
                    dt.date(period.start.year, 12, 31),
                    "year",
                    source,
                ),
                Timex(
                    last,
                    last + len(gd["y2"]),
                    gd["y2"],
                    "DATE",
                    str(y2),
                    dt.date(y2, 1, 1),
                    period.end,
                    "year",
                    source,
                ),
            ),
        )
    return timex


def finish(
    c: Candidate,
    ctx: Context,
    kind: str,
    value: str,
    period: Period | None,
    source: str,
    mod: str | None = None,
) -> Timex:
    """The Timex of a resolved candidate: its period narrowed to the part a modifier names ('begin
    2025'); no period for a length or a set, nor outside the believable window ('5 december 1391'
    keeps its value)."""
    surface = ctx.text[c.start : c.end]
    if c.part and period is not None and period.known:
        period = cal.part_of(period, c.part)
        mod = c.part
    if kind in ("DURATION", "SET"):
        return Timex(c.start, c.end, surface, kind, value, None, None, "unknown", "unresolved", mod)
    if period is not None and period.known and not (WINDOW[0] <= period.start and period.end <= WINDOW[1]):
        period = None
    if period is None or not period.known:
        return Timex(c.start, c.end, surface, kind, value, None, None, "unknown", "unresolved", mod)
    return Timex(
        c.start, c.end, surface, kind, value, period.start, period.end, period.precision, source, mod
    )


# ---------------------------------------------------------------- rules resolved apart (one function each)


def resolve_day_rel_year(c: Candidate, ctx: Context) -> Timex | None:
    """'op 14 maart vorig jaar', 'on 3 June last year', '14 maart van dit jaar', 'June 3 of next year':
    that day of the year counted from the document date (a day, not the month nor the year)."""
    g = ctx.grammar
    month = g.lookup_month(c.g["month"])
    dnum = day_number(c.g.get("d") or c.g["dw"], g)
    n = g.words["deictic"].get(phrase_key(c.g["ydeic"]))
    if month is None or dnum is None or not isinstance(n, int) or cal.valid_day(2024, month, dnum) is None:
        return None  # no year has a 31 February (29 February is checked in the year it falls in)

    def that_day(d: dt.date) -> Period | None:
        day = cal.valid_day(d.year + n, month, dnum)
        return cal.day(day) if day else None

    period, source = dct_relative(ctx, that_day)
    value = period.start.isoformat() if period and period.precision == "day" else x_value(month, dnum)
    return finish(c, ctx, "DATE", value, period, source)


# how far back a day of the story may be stated (a few paragraphs)
STORY_REACH = 1500


def story_anchor(ctx: Context, before: int) -> Timex | None:
    """The day the story is at: the last date the text states before `before` (within a few
    paragraphs), when that is a day ('On 3 May ... That afternoon'); None when it is not ('In May ...
    that afternoon' names no day, nor does a 'today' without a document date) or when there is none."""
    last = next((t for t in reversed(ctx.resolved) if t.end <= before and t.type == "DATE"), None)
    if (
        last is None
        or before - last.end >= STORY_REACH
        or last.precision != "day"
        or not referable(ctx, last)
    ):
        return None
    return last


def resolve_story_day(c: Candidate, ctx: Context) -> Timex | None:
    """'that same afternoon', 'later die dag' ('that day' is `anaphoric_unit`'s), 'the next morning', 'de
    volgende ochtend', 'de dag erna', 'the previous evening': the day of the story (the last day stated
    before it), or the day after or before it, not the document date; unresolved without such a day.
    As TimeML writes 'the next morning', the value is the day. A later 'that evening' may refer to it."""
    W = ctx.grammar.words
    if c.g.get("same"):
        step = 0
    elif c.g.get("step"):
        step = W["story_day_words"][phrase_key(c.g["step"])]
    else:
        step = W["story_day_postfixes"][phrase_key(c.g["post"])]
    anchor = story_anchor(ctx, c.start)
    if anchor is None or anchor.date_start is None:
        return finish(c, ctx, "DATE", "XXXX-XX-XX", None, "unresolved")
    day = anchor.date_start + dt.timedelta(days=step)
    ctx.restated.add(c.start)
    return finish(c, ctx, "DATE", day.isoformat(), cal.day(day), "inherited")


def resolve_in_a_row(c: Candidate, ctx: Context) -> Timex | None:
    """'three nights in a row', 'the third day running', 'vier dagen op rij', 'drie nachten achter elkaar':
    a length, and its stretch up to the document date (a night counts as its day), or up to the day a
    clause in the past states before it ('on 3 May boats arrived for the third day running'). A
    clause that looks ahead ('will strike three days in a row') has the length alone."""
    g = ctx.grammar
    word = phrase_key(c.g["unit"])
    unit = g.words.get("units", {}).get(word) or g.words["row_units"][word]
    n = g.lookup_number(c.g["num"]) if c.g.get("num") else day_number(c.g["ord"], g)
    if n is None or not float(n).is_integer() or n < 1:
        return None
    value = duration_value(n, unit)
    direction = ctx.tense(c.start, c.end, past_verbs=True)
    if direction > 0:
        return finish(c, ctx, "DURATION", value, None, "unresolved")

    def run(d: dt.date, k: int = int(n)) -> Period:
        return Period(cal.unit_period(unit, cal.shift(d, unit, 1 - k)).start, d, "range")

    anchor = stated_day_in_clause(ctx, c) if direction < 0 else None
    if anchor is not None and anchor.date_start is not None:
        period, source = run(anchor.date_start), "inherited"
    else:
        period, source = dct_relative(ctx, run)
    if period is None:
        return finish(c, ctx, "DURATION", value, None, "unresolved")
    surface = ctx.text[c.start : c.end]
    return Timex(c.start, c.end, surface, "DURATION", value, period.start, period.end, "range", source)


def stated_day_in_clause(ctx: Context, c: Candidate) -> Timex | None:
    """The last day stated in the clause of `c`, before it."""
    lo = clause_bounds(ctx.text, ctx.grammar.language, c.start, c.end)[0]
    return last_referable(ctx, c.start, ("day",), within=c.start - lo)


RESOLVED_APART: dict[str, Callable[[Candidate, Context], Timex | None]] = {
    "in_a_row": resolve_in_a_row,
    "story_day": resolve_story_day,
}


def resolver_apart(c: Candidate) -> Callable[[Candidate, Context], Timex | None] | None:
    """The function that resolves `c` apart from resolve()'s chain: its rule's, or for a day-month with a
    year named from the document date (found by the rules dmy and mdy: '3 June last year')
    `resolve_day_rel_year`. None: resolve() resolves it."""
    if c.rule in ("dmy", "mdy") and c.g.get("ydeic"):
        return resolve_day_rel_year
    return RESOLVED_APART.get(c.rule)


# ---------------------------------------------------------------- ranges and open intervals


@cache
def period_up_to_pattern(language: str) -> re.Pattern | None:
    g = grammar(language)
    to = g.words.get("period_to_words", [])
    if not to:
        return None
    units = alt(k for k, v in g.words.get("units", {}).items() if v in ("M", "Y"))
    art = alt(g.words.get("articles", []) + ["the", "de", "het"])
    return re.compile(
        rf"(?<!\w)(?:(?:{art})\s+)?(?:(?P<num>{number_pattern(g.numbers)})\s+)?(?P<unit>{units})\s+(?:{alt(to)})\s+$",
        re.I,
    )


def periods_up_to(timexes: list[Timex], text: str, g: Grammar) -> list[Timex]:
    """'the year to March 2024', 'the 12 months to June 2024', 'the year ending June 2023' (how UK
    statistics name their periods): the stretch of that length that ends with the month or day, one
    expression, instead of a length and the month alone."""
    pattern = period_up_to_pattern(g.language)
    if pattern is None:
        return timexes
    out: list[Timex] = []
    for t in timexes:
        m = pattern.search(text, max(0, t.start - 40), t.start) if t.type == "DATE" and t.dated else None
        if m is None or t.precision not in ("month", "day"):
            out.append(t)
            continue
        n = g.lookup_number(m.group("num")) if m.group("num") else 1
        months = int(n) * (12 if g.words["units"][phrase_key(m.group("unit"))] == "Y" else 1) if n else 0
        if not 1 <= months <= 120 or float(n) != int(n):
            out.append(t)
            continue
        if t.precision == "month":
            first = cal.shift(t.date_start, "M", 1 - months)
        else:
            first = cal.shift(t.date_end, "M", -months) + dt.timedelta(days=1)
        length = []
        while out and out[-1].end > m.start():
            length.insert(0, out.pop())  # the length ('the 12 months') is part of the stretch now
        start = m.start()
        out.append(
            Timex(
                start,
                t.end,
                text[start : t.end],
                "DATE",
                f"{first.isoformat() if t.precision == 'day' else first.isoformat()[:7]}/{t.value}",
                first,
                t.date_end,
                "range",
                t.source,
                None,
                (*length, t),  # TimeML writes the length and the date apart ('the year' P1Y, 'June 30, 1990')
            )
        )
    return out


def yearless_range(t: Timex, nxt: Timex, ctx: Context | None) -> tuple[Timex, Timex] | None:
    """Two yearless ends the document date placed in different years the wrong way round ('tussen
    oktober en december' in May: October 2024, December 2023): the end a year on, or the start a year
    back. The clause's tense chooses ('staken over': the one over), else the pair nearer the document
    date."""
    if ctx is None or ctx.dct is None or not ctx.dct.known:
        return None
    d = ctx.dct.start
    g = ctx.grammar
    later, earlier = moved_a_year(nxt, 1, g), moved_a_year(t, -1, g)
    if later is None or earlier is None:
        return None  # both ends must be yearless dates ('Friday to December' is no such range)
    options = [(t, later), (earlier, nxt)]
    direction = ctx.tense(t.start, nxt.end, past_verbs=True)
    if direction < 0:
        options = [pair for pair in options if pair[0].date_start <= d] or options
    elif direction > 0:
        options = [pair for pair in options if pair[1].date_end >= d] or options

    def distance(pair: tuple[Timex, Timex]) -> int:
        a, b = pair[0].date_start, pair[1].date_end
        return 0 if a <= d <= b else min(abs((a - d).days), abs((b - d).days))

    return min(options, key=distance, default=None)


def join_ranges(timexes: list[Timex], text: str, g: Grammar, ctx: Context | None = None) -> list[Timex]:
    """'van 2021 tot en met 2024', '2019 - 2023', 'tussen januari en november 2021', 'sinds 2021'."""
    W = g.words
    FROM = alt(W.get("range_from", []) + W.get("range_between", []))
    TO = alt(range_joiners(W))
    SINCE = alt(W.get("since", []))
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if nxt is not None and t.type == "DATE" and nxt.type == "DATE":
            between = text[t.end : nxt.start]
            head = re.search(rf"(?<!\w)({FROM})\s+$", text[max(0, t.start - 30) : t.start], re.I)
            connector = re.fullmatch(rf"\s*(?:[-–]|{TO})\s*", between, re.I)
            is_and = re.fullmatch(rf"\s*{alt(W.get('range_and', []))}\s*", between, re.I)
            if connector and (head or not is_and) and t.dated and nxt.dated:
                if nxt.date_end < t.date_start:
                    # 'tussen oktober en december' placed apart by the document date: one year for both,
                    # the pair nearer the document date
                    t, nxt = yearless_range(t, nxt, ctx) or (t, nxt)
                if nxt.date_end < t.date_start:
                    out += [t, nxt]  # a range that runs backwards is no range ('van 2024 tot 2021')
                    i += 2
                    continue
                start = t.start - (len(head.group(0)) if head else 0)
                whole = (
                    "multi_year"
                    if t.precision in ("year", "multi_year") and nxt.precision in ("year", "multi_year")
                    else "range"
                )
                word = phrase_key(between.strip())
                end = nxt.date_end
                if word in W.get("range_exclusive", []) and nxt.date_start > t.date_start:
                    end = nxt.date_start - dt.timedelta(days=1)  # Dutch 'tot' stops before its end point
                    if whole == "multi_year" and end.year == t.date_end.year:
                        whole = "year"
                out.append(
                    Timex(
                        start,
                        nxt.end,
                        text[start : nxt.end],
                        "DATE",
                        f"{t.value}/{nxt.value}",
                        t.date_start,
                        end,
                        whole,
                        weakest(t.source, nxt.source),
                        None,
                        (t, nxt),
                    )
                )
                i += 2
                continue
        if t.type == "DATE" and t.dated:
            since = re.search(rf"(?<!\w)({SINCE})\s+$", text[max(0, t.start - 20) : t.start], re.I)
            if since:
                start = t.start - len(since.group(0))
                by_now = phrase_key(since.group(1)) in g.words.get("since_by_now", [])
                if (
                    by_now
                    and ctx is not None
                    and ctx.dct is not None
                    and ctx.dct.known
                    and t.date_start > ctx.dct.end
                ):
                    # 'sinds september' in May: a time since which something holds has begun by now
                    t = moved_a_year(t, -1, g) or t
                out.append(
                    Timex(
                        start,
                        t.end,
                        text[start : t.end],
                        "DATE",
                        t.value,
                        t.date_start,
                        None,
                        "range",
                        t.source,
                        "SINCE",
                        (t,),
                    )
                )
                i += 1
                continue
            opened = open_interval(t, text, g)
            if opened is not None:
                out.append(opened)
                i += 1
                continue
        out.append(t)
        i += 1
    return out


@cache
def open_patterns(language: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The words before a date that open its interval ('na', 'before'), after it ('of erna', 'or
    later'), and the ambiguous ones with what makes them 'before' ('kort voor'): compiled once."""
    g = grammar(language)
    before = g.words.get("open_before", {})
    after = g.words.get("open_after_postfix", {})
    leads = g.words.get("ambiguous_open_before_leads", [])
    words = g.words.get("ambiguous_open_before", {})
    return (
        re.compile(rf"(?<!\w)({alt(before)})\s+$", re.I),
        re.compile(rf"\s+({alt(after)})(?!\w)", re.I),
        re.compile(rf"(?<!\w)(?:({alt(leads)})\s+)?({alt(words)})\s+$", re.I),
    )


def open_interval(t: Timex, text: str, g: Grammar) -> Timex | None:
    """'na 1-1-2016', 'tot 2012', 'before 2020', '2012 of erna': a date with one open end."""
    before = g.words.get("open_before", {})
    after = g.words.get("open_after_postfix", {})
    before_rx, after_rx, _ = open_patterns(g.language)
    m = before_rx.search(text[max(0, t.start - 25) : t.start])
    start, end, mod = t.start, t.end, None
    if m:
        mod = before[phrase_key(m.group(1))]
        start = t.start - len(m.group(0))
    else:
        m = after_rx.match(text[t.end : t.end + 20])
        if m:
            mod = after[phrase_key(m.group(1))]
            end = t.end + m.end()
        else:
            start, mod = ambiguous_before(t, text, g) or (start, None)
    if mod is None:
        return None
    if mod == "AFTER":
        # 'na 1-1-2016' from that day on (the specs' reading of a point); 'after 2018', 'na feb 2018'
        # once the period is over: 2019, March
        lo = t.date_start if t.precision == "day" else t.date_end + dt.timedelta(days=1)
        hi = None
    elif mod == "ON_OR_AFTER":
        lo, hi = t.date_start, None
    elif mod == "BEFORE" and t.mod != "END":
        lo, hi = None, t.date_start - dt.timedelta(days=1)
    else:
        # 'tot het einde van dit jaar', 'until the end of 2026': up to that end, not to where it begins
        mod = "ON_OR_BEFORE" if mod == "BEFORE" else mod
        lo, hi = None, t.date_end
    return Timex(start, end, text[start:end], "DATE", t.value, lo, hi, "range", t.source, mod, (t,))


def ambiguous_before(t: Timex, text: str, g: Grammar) -> tuple[int, str] | None:
    """Where a word that also means 'for' opens the interval before a date (Dutch 'voor': 'gepland voor
    dinsdag', 'de begroting voor 2026'), its start and mod: after a word that says it is 'before' ('kort
    voor 1 maart', 'vlak voor maandag'), or before a day in a clause with a deadline ('moet voor 1 juli
    klaar zijn'). None otherwise."""
    words = g.words.get("ambiguous_open_before", {})
    if not words:
        return None
    lo = max(0, t.start - 40)
    m = open_patterns(g.language)[2].search(text[lo : t.start])
    if m is None:
        return None
    if m.group(1) is None and not (t.precision == "day" and deadline_in_clause(t, text, g)):
        return None
    return lo + m.start(2), words[phrase_key(m.group(2))]


def deadline_in_clause(t: Timex, text: str, g: Grammar) -> bool:
    """The clause of `t` sets a deadline ('moet', 'dient', 'uiterlijk')."""
    cues = g.words.get("deadline_cues", [])
    lo, hi = clause_bounds(text, g.language, t.start, t.end)
    return bool(cues) and re.search(rf"(?<!\w){alt(cues)}(?!\w)", text[lo:hi], re.I) is not None


def weakest(a: str, b: str) -> str:
    order = ["explicit", "inherited", "relative_to_dct", "unresolved"]
    return max(a, b, key=order.index)


# ---------------------------------------------------------------- entry point


def infer_anchor(cands: list[Candidate], ctx: Context) -> Period | None:
    """Without a document date: the latest fully explicit day the document mentions (a lower bound for
    when it was written), used only to give day-month dates their year."""
    days = []
    for c in cands:
        if c.rule in ("iso_date", "numeric_date") or (
            c.rule in ("dmy", "mdy", "dmy_joined") and c.g.get("year")
        ):
            t = resolve(c, ctx)
            if t is not None and t.dated:
                days.append(t.date_start)
    if not days:
        return None
    latest = max(days)
    return Period(latest, latest, "day")


def as_period(dct: Published | Period | None) -> Period | None:
    if dct is None or dct.start is None or dct.end is None:
        return None
    return Period(dct.start, dct.end, dct.precision)


APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def tag(text: str, dct: Published | Period | None = None, language: str = "en") -> list[Timex]:
    """All temporal expressions in `text`, in order, with TIMEX3 values and periods.

    `dct` is the document's own date (its creation time); relative expressions are resolved
    against it and stay unresolved without it. No date is ever taken from the clock.
    """
    try:
        g = grammar(language)
    except KeyError:
        g = grammar("en")
    # one apostrophe for all the ways it is typeset ('’s avonds', 'New Year’s Day'), offsets unchanged
    masked = mask_text(text, g).translate(APOSTROPHES)
    if "\n" in masked:
        masked = BLANK_LINE.sub(lambda m: m.group()[:-1] + PARAGRAPH_MARK, masked)
    cands = find_candidates(masked, g)
    ctx = Context(masked, g, as_period(dct))
    ctx.numeric_order = numeric_order(masked, g)
    if ctx.dct is None:
        ctx.anchor = infer_anchor(cands, ctx)
    lend_range_years(cands, masked, g)
    cands = attach_spelled_years(cands, masked, g)
    for c in cands:
        t = resolve(c, ctx)
        if t is not None:
            ctx.resolved.append(t)
    days = offsets_from_days(weeks_of_days(so_far(ctx.resolved, ctx), masked, g), masked, g)
    joined = join_times_to_days(join_ranges(periods_up_to(days, masked, g), masked, g, ctx), masked, g)
    return [replace(t, text=text[t.start : t.end]) for t in joined]


# the current periods a clause in the past or the perfect counts only up to the document date (a quarter
# in a report is too often a fiscal one: 'the fourth quarter ended Sept. 30'; a week is short enough whole)
SO_FAR_PRECISIONS = ("year", "month")


def so_far(timexes: list[Timex], ctx: Context) -> list[Timex]:
    """'this year 80 have been convicted', 'dit jaar zijn er al 80 veroordeeld', 'deze maand werden 12
    mensen opgepakt': the year or month the document date falls in, in a clause that speaks of what has
    happened by now (`clauses.looks_back`), runs from its start up to the document date, not to its
    end; in a clause that looks ahead or says neither ('this year 80 will be convicted') it stays
    whole, as does the period of a noun ('this year's election', 'the dividend for this year'). After
    resolution: anaphora ('het jaar ervoor') refer to the whole period."""
    d = ctx.dct
    if d is None or not d.known:
        return timexes
    out = []
    for t in timexes:
        if (
            t.type == "DATE"
            and t.source == "relative_to_dct"
            and t.mod is None
            and t.precision in SO_FAR_PRECISIONS
            and t.date_start is not None
            and t.date_end is not None
            and t.date_start <= d.start
            and d.end < t.date_end
            and not names_a_whole_period(t, ctx)
            and looks_back(ctx.text, ctx.grammar.language, t.start, t.end)
        ):
            t = replace(t, date_end=d.end, precision="range")
        out.append(t)
    return out


def names_a_whole_period(t: Timex, ctx: Context) -> bool:
    """'this year's election', 'the dividend for this year', 'de begroting voor dit jaar': the period a
    noun is of, or a target is set for, is the whole one."""
    possessive = re.match(r"'s(?!\w)", ctx.text[t.end : t.end + 3]) is not None
    return possessive or word_before(ctx.text, t.start) in ctx.grammar.words.get("whole_period_leads", [])


@cache
def offset_patterns(language: str) -> tuple[re.Pattern, re.Pattern]:
    """A bare length ('3 days', 'two weeks', 'drie dagen') and the word that counts it from a day
    ('after', 'counting from', 'na')."""
    g = grammar(language)
    W = g.words
    units = alt(k for k, v in W.get("units", {}).items() if v in ("D", "W", "2W", "M", "Y"))
    length = re.compile(rf"(?P<num>{number_pattern(g.numbers)})\s+(?P<unit>{units})", re.I)
    counting = alt(W.get("offset_counting_words", []))
    link = re.compile(rf"\s+(?:{counting}\s+)?(?P<dir>{alt(W.get('offset_words', {}))})\s+", re.I)
    return length, link


def offsets_from_days(timexes: list[Timex], text: str, g: Grammar) -> list[Timex]:
    """'3 days from Tuesday', 'two weeks after January 15', 'drie dagen na 15 januari': the day that many
    units from the named day, the whole phrase one expression (as TimeML writes it), instead of a
    length and the anchor day. Not a stretch that starts at the day ('for two weeks after January 15',
    'the three days before Christmas'), nor a count of working days ('eight trading days after Oct. 12'
    is no calendar day from it)."""
    W = g.words
    if not W.get("offset_words"):
        return timexes
    length, link = offset_patterns(g.language)
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if (
            nxt is not None
            and t.type == "DURATION"
            and nxt.type == "DATE"
            and nxt.precision == "day"
            and nxt.dated
            and nxt.mod is None
            and (m := length.fullmatch(t.text))
            and (d := link.fullmatch(text, t.end, nxt.start))
            and phrase_key(m["unit"]) not in W.get("working_day_units", [])
            and word_before(text, t.start) not in W.get("offset_stretch_leads", [])
        ):
            n = g.lookup_number(m["num"])
            if n is not None and float(n).is_integer():
                unit = W["units"][phrase_key(m["unit"])]
                day = cal.shift(nxt.date_start, unit, W["offset_words"][phrase_key(d["dir"])] * int(n))
                out.append(
                    Timex(
                        t.start,
                        nxt.end,
                        text[t.start : nxt.end],
                        "DATE",
                        day.isoformat(),
                        day,
                        day,
                        "day",
                        nxt.source,
                    )
                )
                i += 2
                continue
        out.append(t)
        i += 1
    return out


def weeks_of_days(timexes: list[Timex], text: str, g: Grammar) -> list[Timex]:
    """'the week of March 6', 'de week van 9 oktober': the week that holds the day."""
    words = g.words.get("week_of", [])
    if not words:
        return timexes
    rx = re.compile(rf"(?<!\w)(?:{alt(words)})\s+$", re.I)
    out = []
    for t in timexes:
        m = (
            rx.search(text[max(0, t.start - 20) : t.start])
            if t.type == "DATE" and t.precision == "day"
            else None
        )
        if m and t.date_start is not None:
            week = cal.week_of(t.date_start)
            start = t.start - (len(text[max(0, t.start - 20) : t.start]) - m.start())
            t = replace(
                t,
                start=start,
                value=cal.timex_value(week),
                date_start=week.start,
                date_end=week.end,
                precision="week",
            )
        out.append(t)
    return out


TIME_OF_DAY = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}T(\d\d:\d\d)")


def join_times_to_days(timexes: list[Timex], text: str, g: Grammar) -> list[Timex]:
    """'9 a.m. Tuesday', '4 a.m. EDT Thursday': the time on that day, one expression (a time alone is
    put on the document's day, which is wrong when the text names another)."""
    zones = alt(g.words.get("time_zones", []))
    links = alt(g.words.get("time_links", []))
    # 'at 3.15am on Sunday 12 May', 'rond 23.00 uur op 12 mei': the day after its time
    day_links = alt(g.words.get("day_links", []))
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        m = TIME_OF_DAY.fullmatch(prev.value) if prev is not None and prev.type == "TIME" else None
        if (
            m
            and t.type == "DATE"
            and t.precision == "day"
            and t.date_start is not None
            and re.fullmatch(
                rf"\s*,?\s+(?:{zones}\s+)?(?:(?:{day_links})\s+)?", text[prev.end : t.start], re.I
            )
        ):
            out[-1] = replace(
                t, start=prev.start, type="TIME", value=f"{t.date_start.isoformat()}T{m.group(1)}", parts=()
            )
            continue
        m = TIME_OF_DAY.fullmatch(t.value) if t.type == "TIME" else None
        opened = open_day(prev) if m and prev is not None else None
        if (
            opened is not None
            and prev is not None
            and re.fullmatch(rf"\s*,?\s+(?:(?:{links})\s+)?", text[prev.end : t.start], re.I)
        ):
            out[-1] = time_on_open_day(prev, opened, t, m.group(1), text)
            continue
        if (
            m
            and prev is not None
            and prev.type in ("DATE", "TIME")
            and prev.precision == "day"
            and prev.date_start is not None
            and not TIME_OF_DAY.fullmatch(prev.value)
            and re.fullmatch(rf"\s*,?\s+(?:(?:{links})\s+)?", text[prev.end : t.start], re.I)
        ):
            # 'vandaag om 20.30', 'Tuesday at 9 a.m.', '12 mei 2024 14:32': the time on that day
            day = prev.date_start.isoformat()
            out[-1] = replace(
                t,
                start=prev.start,
                value=f"{day}T{m.group(1)}",
                date_start=prev.date_start,
                date_end=prev.date_end,
                parts=(),
            )
            continue
        out.append(t)
    return out


def open_day(t: Timex) -> Timex | None:
    """The day an open interval opens at ('voor aankomende dinsdag', 'after Monday'), if it is a day."""
    if t.mod is None or t.type != "DATE" or len(t.parts) != 1:
        return None
    day = t.parts[0]
    return day if day.precision == "day" and day.date_start is not None else None


def time_on_open_day(opened: Timex, day: Timex, t: Timex, clock: str, text: str) -> Timex:
    """'voor aankomende dinsdag om 12.00', 'after Monday at 9 a.m.': the interval (`opened`, at `day`)
    opens at that time of the day, so one before it ends with that day, not the one before."""
    value = f"{day.date_start.isoformat() if day.date_start else 'XXXX-XX-XX'}T{clock}"
    inner = replace(day, end=t.end, text=text[day.start : t.end], type="TIME", value=value)
    end = day.date_end if opened.date_end is not None else None
    return replace(opened, end=t.end, type="TIME", value=value, date_end=end, parts=(inner,))


def lend_range_years(cands: list[Candidate], text: str, g: Grammar) -> None:
    """In 'tussen januari en november 2021' the first month takes the year of the second."""
    W = g.words
    TO = alt(range_joiners(W))
    for a, b in itertools.pairwise(cands):
        if (
            a.rule in ("month", "month_span", "dmy", "mdy", "dmy_joined")
            and not a.g.get("year")
            and b.g.get("year")
            and re.fullmatch(rf"\s*(?:[-–]|{TO})\s*", text[a.end : b.start], re.I)
        ):
            a.year_hint = to_year(b.g["year"])
            ma, mb = (g.lookup_month(x.g["month"]) if x.g.get("month") else None for x in (a, b))
            if ma and mb and ma > mb:
                a.year_hint -= 1  # 'Nov-Feb 2017', 'December 28 - January 3, 1998': over the turn of the year


YEARLESS = ("season", "quarter", "half", "day_range")  # rules whose year is the group 'year'


def attach_spelled_years(cands: list[Candidate], text: str, g: Grammar) -> list[Candidate]:
    """'the spring of nineteen seventy eight', 'het derde kwartaal van tweeduizend twintig', 'van 2 tot 7
    feb, tweeduizend achttien': a year in words after a period without one is that period's year (the
    rules read years in digits themselves; a year in words is found on its own)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and c.rule == "spelled_year"
            and not (c.g.get("month") or c.g.get("yart"))
            and prev.rule in YEARLESS
            and not prev.g.get("year")
            and re.fullmatch(r"\s*,?\s*(?:(?:of|van|in)\s+)?", text[prev.end : c.start], re.I)
        ):
            year = spelled_year(c.g, g)
            if year is not None:
                out[-1] = replace(prev, end=c.end, g=dict(prev.g, year=str(year)))
                continue
        out.append(c)
    return out
