"""Counts and amounts stated in one sentence: `extract_quantities(sentence, language)`.

Rules, in the order they are applied:

1. Spans that only look numeric are blocked first: URLs, footnote marks (`[footnoteRef:3]`, `[3:`),
   dates (`21 november`, `19 november 2024`, `November 21`, `21-11-2024`), clock times (`10:30`),
   year ranges (`2024-2025`, `2019/20`) and list markers at the start (`1.`, `2)`).
2. Number cores are read from the tokens: digits (`36.800`, `36,800`, `2,5`, `3.5`) or number words
   (`vijf`, `eenentwintig`, `twenty-one`, `tientallen miljoenen`, `a million`). A separator followed by
   exactly three digits is a thousands separator in either language (`41,000` in a Dutch text too); else
   it is the decimal separator. Articles (`een`, `a`) count only before a scale, and weak quantifiers
   (`enkele`, `several`) never count on their own.
3. Not quantities: a number glued to a letter or hyphen-word (`20242024Z19016`, `top-5`, `COVID-19`,
   ordinals `3e`/`2nd`), hyphen compounds (`66-year-old`, `66-jarige`, `two-day`: ages and durations are
   modifiers of a person or an event, not amounts; ages are skipped on purpose), a number after a
   reference marker (`vraag 3 en 4`, `plek 3`, `nr. 925`), a lone year 1900-2100 (`in 2024`) unless a
   counted noun, percent or currency follows, a bare integer of five or more digits without separators
   (`32317`: document and case numbers; real counts that large are written with separators), numbers
   with a leading zero (phone numbers, codes), and durations (`tien jaar`, `24 uur`) unless a custodial
   word follows (`4 jaar cel`: a sentence is an amount).
4. The unit: a currency before or after (`€ 118 miljoen`, `118 miljoen euro`, `£2m`, `EUR 5 mln`,
   `duizenden ponden`) gives EUR/GBP/USD; `%`/`procent`/`percent` gives percent; else the counted noun
   found within the next few words (adjectives and demonyms skipped, a function word stops the search)
   is looked up in `units.json` (Dutch compounds match on their last part: `herkomstlanden` ->
   countries); else that noun itself, lower-cased; else "". A bare Dutch amount of a million or more
   with no noun (`tientallen miljoenen per jaar`) takes the language's `default_currency`.
5. Number words (as opposed to digits) need some sign that they are a quantity: a noun, a comparator,
   a scale, a currency or percent. That keeps the verb `acht` ("het kabinet acht het ...") and the
   pronoun `one` ("one of the ...") out.

The text of a quantity is the comparator (`meer dan`, `minder dan`, `more than`) plus the amount with
its currency/percent/scale, as written; the counted noun is left out (the unit stands for it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter

from transforms.model import Quantity
from transforms.resources import load
from transforms.sentences import Token

# Tokens: a run of digits with inner separators, a word (hyphens and apostrophes inside), or one symbol.
TOKEN_RE = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)|(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*)|(?P<sym>\S)")
# Where TOKEN_RE and `sentences.TOKEN_RE` cut a sentence differently: digits with a separator inside
# (`36.800`, one token here, three there) and an ampersand between letters (`AT&T`, three tokens here,
# one there). Everywhere else both match the same spans, with the same group names.
SCANS_DIFFER_RE = re.compile(r"\d[.,]\d|[^\W\d_]&[^\W\d_]")
# Characters that may stand right before a number that is an amount (anything else glues it to a code).
OPENERS = set(" \t\n\r\u00a0([\"'“‘«~±≈+")
# Characters that may stand right after a number (punctuation, end); letters are checked separately.
CLOSERS = set(" \t\n\r\u00a0.,;:!?)]\"'”’»…%")
# Scale abbreviations that may be glued to the number (`£2m`, `$3.5bn`); `m` and `k` only with a currency.
GLUED_SCALES = {"m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "k": 1e3, "mld": 1e9, "mrd": 1e9}
AMBIGUOUS_GLUED = {"m", "k"}

# The thousands or decimal separators inside a digit token.
SEPARATOR_RE = re.compile(r"[.,]")
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.\w[\w.]*")
FOOTNOTE_RE = re.compile(r"\[footnoteRef:\d+\]|\[\s*\d+\s*:|\[\d+\]|\^\d+")
NUMERIC_DATE_RE = re.compile(r"(?<![\d.,])\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?![\d])")
TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
YEAR_RANGE_RE = re.compile(r"(?<![\d.,])(?:19|20)\d{2}\s*[-–/]\s*(?:(?:19|20)\d{2}|\d{2})(?![\d.,]?\d)")
LIST_MARKER_RE = re.compile(r"^\s*\(?\d{1,2}[.)](?=\s)")


@dataclass(frozen=True, slots=True)
class Amount:
    """A number core: its value, token range [first, last] and character span."""

    value: float
    first: int
    last: int
    start: int
    end: int
    from_words: bool
    scaled: bool = False  # a scale word or abbreviation multiplied it


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything one language needs, compiled once."""

    language: str
    cardinals: dict[str, float]
    scales: dict[str, float]
    articles: frozenset[str]
    weak: frozenset[str]
    nouns: dict[str, str]
    # Dutch compounds match on a known noun of four or more letters at their end: those nouns, each
    # as (its place in `nouns`, its unit), so a word looks up its own endings; the first place wins.
    compound_tails: dict[str, tuple[int, str]]
    currencies: dict[str, str]
    percent: dict[str, str]
    durations: dict[str, str]
    custodial: tuple[str, ...]
    custodial_res: tuple[re.Pattern[str], ...]  # per custodial word: white space, the word, a boundary
    stopwords: frozenset[str]
    default_currency: str
    comparator_re: re.Pattern[str]
    marker_re: re.Pattern[str]
    date_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    # multi-word cardinals ("a dozen", "een paar") by first word: (pattern, value, phrase), longest first
    phrase_cardinals: dict[str, tuple[tuple[re.Pattern[str], float, str], ...]]


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that `meer dan` beats `meer`.
    An empty list gives a pattern that never matches (a language without that resource)."""
    if not words:
        return "(?!x)x"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def read_month_names(language: str, fallback: list[str]) -> list[str]:
    """Month names and abbreviations from calendar.json (owned by the temporal tagger), else our fallback."""
    months = load(language, "calendar").get("months") or fallback
    return [str(m) for m in months]


def compile_date_re(months: list[str], language: str) -> re.Pattern[str]:
    """Day-and-month dates in either order. English month names must be capitalised ("may" is a verb)."""
    names = alternation(months)
    month = (
        rf"(?:{names})\.?"
        if language != "en"
        else rf"(?-i:(?:{alternation([m.capitalize() for m in months])}))\.?"
    )
    day = r"\d{1,2}(?:st|nd|rd|th|e|ste|de)?"
    pattern = rf"(?<!\d){day}\s+(?:of\s+)?{month}(?:\s+\d{{4}})?\b|\b{month}\s+{day}\b(?:,?\s+\d{{4}})?"
    return re.compile(pattern, re.IGNORECASE)


@cache
def load_lexicon(language: str) -> Lexicon:
    numbers, units = load(language, "numbers"), load(language, "units")
    cardinals = {k.lower(): float(v) for k, v in numbers.get("cardinals", {}).items()}
    phrases: dict[str, list[tuple[re.Pattern[str], float, str]]] = {}
    for phrase, value in sorted(
        ((k, v) for k, v in cardinals.items() if " " in k), key=lambda kv: -len(kv[0])
    ):
        pattern = re.compile(alternation([phrase]) + r"\b", re.IGNORECASE)
        phrases.setdefault(phrase.split()[0], []).append((pattern, value, phrase))
    percent = {k.lower(): v for k, v in units.get("percent", {}).items()}
    words = [w for w in percent if w != "%"]
    percent_re = re.compile(rf"\s?%|\s+(?:{alternation(words)})(?![^\W\d_])", re.IGNORECASE)
    markers = units.get("reference_markers", [])
    # A marker, then optionally a list of numbers already seen (`vraag 8, 9 en` before `10`).
    joiners = r"(?:,|&|-|–|/|en|and|t/m|tot en met|to|of)"
    marker_re = re.compile(
        rf"(?<![\w-])(?:{alternation(markers)})\.?[\s-]*(?:\d+\s*{joiners}\s*)*$", re.IGNORECASE
    )
    comparator_re = re.compile(
        rf"(?<![\w-])(?:{alternation(units.get('comparators', []))})\s+$", re.IGNORECASE
    )
    nouns = {k.lower(): v for k, v in units.get("nouns", {}).items()}
    custodial = tuple(units.get("custodial", []))
    return Lexicon(
        language=language,
        cardinals=cardinals,
        scales={k.lower(): float(v) for k, v in numbers.get("scales", {}).items()},
        articles=frozenset(numbers.get("articles", [])),
        weak=frozenset(numbers.get("weak", [])),
        nouns=nouns,
        compound_tails={
            noun: (place, unit) for place, (noun, unit) in enumerate(nouns.items()) if len(noun) >= 4
        },
        currencies=dict(units.get("currencies", {})),
        percent=percent,
        durations={k.lower(): v for k, v in units.get("durations", {}).items()},
        custodial=custodial,
        custodial_res=tuple(re.compile(rf"\s+{re.escape(word)}\b") for word in custodial),
        stopwords=frozenset(w.lower() for w in units.get("stopwords", [])),
        default_currency=units.get("default_currency", ""),
        comparator_re=comparator_re,
        marker_re=marker_re,
        date_re=compile_date_re(read_month_names(language, units.get("months", [])), language),
        percent_re=percent_re,
        phrase_cardinals={k: tuple(v) for k, v in phrases.items()},
    )


def tokenize(sentence: str, scanned: list[Token] | None = None) -> list[Token]:
    """The sentence's tokens by TOKEN_RE. `scanned`: `sentences.scan_tokens(sentence)`, when the caller
    has it already; it is these same tokens unless SCANS_DIFFER_RE finds a place where they differ
    (most sentences have none), so the sentence is only scanned again then."""
    if scanned is not None and SCANS_DIFFER_RE.search(sentence) is None:
        return scanned
    tokens = []
    for m in TOKEN_RE.finditer(sentence):
        text = m.group()
        tokens.append(Token(m.lastgroup or "sym", text, m.start(), m.end(), text.lower()))
    return tokens


def find_blocked_spans(sentence: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans whose digits are never amounts: URLs, footnotes, dates, times, year ranges, list markers."""
    patterns = (URL_RE, FOOTNOTE_RE, NUMERIC_DATE_RE, TIME_RE, YEAR_RANGE_RE, LIST_MARKER_RE, lex.date_re)
    return [m.span() for pattern in patterns for m in pattern.finditer(sentence)]


def parse_digits(text: str) -> float | None:
    """`36.800`/`36,800` -> 36800, `2,5`/`2.5` -> 2.5, `1.234,5` -> 1234.5; None for malformed runs.

    Exactly three digits after a lone separator means thousands, in both languages, because news texts
    mix conventions (translations, quotes) and a decimal with three places is rare in counts.
    """
    seps = [c for c in text if c in ".,"]
    if not seps:
        return float(text)
    groups = SEPARATOR_RE.split(text)
    if len(set(seps)) == 2:  # both kinds: the last one is the decimal separator
        dec = seps[-1]
        integer, _, fraction = text.rpartition(dec)
        thousands = integer.replace("." if dec == "," else ",", "")
        return float(f"{thousands}.{fraction}") if thousands.isdigit() else None
    if len(seps) > 1:  # repeated separator: thousands groups of three
        ok = len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        return float("".join(groups)) if ok else None
    head, tail = groups
    if len(tail) == 3 and len(head) <= 3 and head != "0":
        return float(head + tail)
    return float(f"{head}.{tail}")


# Asked for every word of every sentence (`may_start_word_amount`): unbounded, the cache would hold the
# whole vocabulary of the corpus, growing with every new name and typo of a long run.
@lru_cache(maxsize=2**15)
def parse_number_word(word: str, language: str) -> float | None:
    """One word as a number: a cardinal, a Dutch compound (`eenentwintig`, `tweeduizend`,
    `driehonderdvijftig`) or an English hyphen compound (`twenty-one`). None when it is not a number."""
    lex = load_lexicon(language)
    w = word.lower()
    if w in lex.cardinals:
        return lex.cardinals[w]
    if "-" in w and language == "en":
        parts = [parse_number_word(p, language) for p in w.split("-")]
        tens, units = (parts + [None, None])[:2] if len(parts) == 2 else (None, None)
        if (
            tens is not None
            and units is not None
            and tens in (20, 30, 40, 50, 60, 70, 80, 90)
            and 1 <= units <= 9
        ):
            return tens + units
        return None
    if language == "nl":
        return parse_dutch_compound(w)
    return None


def parse_dutch_compound(w: str) -> float | None:
    """Dutch writes numbers below a million as one word: split on the largest scale inside it."""
    for scale_word, scale in (("duizend", 1000), ("honderd", 100)):
        head, found, tail = w.partition(scale_word)
        if not found or not (head or tail):
            continue
        left = parse_dutch_compound(head) if head else 1
        right = parse_dutch_compound(tail) if tail else 0
        if (
            left is not None
            and right is not None
            and 1 <= left < (1000 if scale == 1000 else 10)
            and right < scale
        ):
            return left * scale + right
        return None
    m = re.fullmatch(
        r"(een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)(twintig|dertig|veertig|vijftig|"
        r"zestig|zeventig|tachtig|negentig)",
        w,
    )
    if m:
        units = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen").index(m.group(1)) + 1
        tens = ("twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")
        return 20 + 10 * tens.index(m.group(2)) + units
    simple = {
        "een": 1,
        "twee": 2,
        "drie": 3,
        "vier": 4,
        "vijf": 5,
        "zes": 6,
        "zeven": 7,
        "acht": 8,
        "negen": 9,
        "tien": 10,
        "elf": 11,
        "twaalf": 12,
        "dertien": 13,
        "veertien": 14,
        "vijftien": 15,
        "zestien": 16,
        "zeventien": 17,
        "achttien": 18,
        "negentien": 19,
        "twintig": 20,
        "dertig": 30,
        "veertig": 40,
        "vijftig": 50,
        "zestig": 60,
        "zeventig": 70,
        "tachtig": 80,
        "negentig": 90,
    }
    return float(simple[w]) if w in simple else None


def may_start_word_amount(word: str, lex: Lexicon) -> bool:
    """Whether `read_word_amount` can find anything at a token `word` (lower case): only a multi-word
    cardinal's first word, a scale, an article or a number word can start an amount. A cheap test that
    spares the full reading for the ordinary words of a sentence."""
    return (
        word in lex.phrase_cardinals
        or word in lex.scales
        or word in lex.articles
        or parse_number_word(word, lex.language) is not None
    )


def read_word_amount(tokens: list[Token], i: int, sentence: str, lex: Lexicon) -> Amount | None:
    """A run of number words from token i: `twee miljoen`, `tientallen miljoenen`, `one hundred and twenty`,
    `tens of thousands`, `a million`. Combines like a spoken number: scales multiply what came before."""
    for pattern, value, phrase in lex.phrase_cardinals.get(tokens[i].low, ()):  # "a dozen", "een paar"
        m = pattern.match(sentence, tokens[i].start)
        if m is None:
            continue
        if phrase in lex.weak:
            return None
        last = i
        while last + 1 < len(tokens) and tokens[last + 1].start < m.end():
            last += 1
        return Amount(value, i, last, m.start(), m.end(), True)
    total, current, j, last, scaled = 0.0, 0.0, i, -1, False
    while j < len(tokens) and tokens[j].kind == "word":
        w = tokens[j].low
        is_scale = w in lex.scales and (j > i or w not in lex.cardinals or lex.scales[w] >= 1e6)
        if j == i and w in GLUED_SCALES:
            return None  # `m`, `bn` alone are abbreviations of something else (metres, a stray letter)
        if j == i and w in lex.articles:
            # "een"/"a" is a number only before a scale: "een miljoen", "a million", "a hundred".
            if j + 1 < len(tokens) and tokens[j + 1].low in lex.scales:
                current, last, j = 1.0, j, j + 1
                continue
            return None
        if is_scale:
            current = max(current, 1.0) * lex.scales[w]
            scaled = True
            if lex.scales[w] >= 1000:
                total, current = total + current, 0.0
        else:
            value = parse_number_word(w, lex.language)
            if value is None or (j > i and w in lex.weak):
                break
            if j == i and w in lex.weak:
                return None
            current += value
        last = j
        j += 1
        # English joins with "and" after a scale (one hundred and twenty) and "of" before one (tens of
        # thousands); "two and three" stays two numbers.
        if j + 1 < len(tokens) and lex.language == "en" and tokens[j].low in ("and", "of"):
            joiner, nxt = tokens[j].low, tokens[j + 1].low
            joins_scale = joiner == "of" and nxt in lex.scales
            joins_tail = joiner == "and" and is_scale and parse_number_word(nxt, "en") is not None
            j += 1 if joins_scale or joins_tail else 0
    if last < 0:
        return None
    return Amount(total + current, i, last, tokens[i].start, tokens[last].end, True, scaled)


def read_digit_amount(tokens: list[Token], i: int, sentence: str, lex: Lexicon) -> Amount | None:
    """Digits, with a glued or following scale (`118 miljoen`, `3.5bn`) and a range tail (`10-15`)."""
    tok = tokens[i]
    value = parse_digits(tok.text)
    if value is None:
        return None
    first_digits = SEPARATOR_RE.split(tok.text)[0]
    if len(first_digits) > 1 and first_digits.startswith("0"):
        return None  # phone numbers, postcodes, codes
    last, end, scaled = i, tok.end, False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.start == tok.end:
        if nxt.kind == "word":
            w = nxt.low
            if w not in GLUED_SCALES and w not in lex.percent:
                return None  # 3e, 2nd, 4G, 19016Z...: ordinals and codes
            if w in GLUED_SCALES:
                if w in AMBIGUOUS_GLUED and find_currency_before(tokens, i, sentence, lex) is None:
                    return None  # `100m` is a distance unless money is meant
                value, last, end, scaled = value * GLUED_SCALES[w], i + 1, nxt.end, True
        elif nxt.kind == "sym" and nxt.text in "-–" and i + 2 < len(tokens):
            after = tokens[i + 2]
            if after.start == nxt.end and after.kind == "word":
                return None  # 66-year-old, 66-jarige, 5-year plan: modifiers, not amounts
            if after.start == nxt.end and after.kind == "num":
                last, end = i + 2, after.end  # a range `10-15`: the lower bound stands for it
        elif nxt.kind == "sym" and nxt.text not in CLOSERS and nxt.text not in lex.currencies:
            return None  # 24/7, 1/3, 10x and the like
    if not scaled and last + 1 < len(tokens) and tokens[last + 1].kind == "word":
        w = tokens[last + 1].low
        if (
            w in lex.scales and w not in lex.cardinals and w not in AMBIGUOUS_GLUED
        ) or w in GLUED_SCALES.keys() - AMBIGUOUS_GLUED:
            factor = lex.scales.get(w) or GLUED_SCALES[w]
            value, last, end, scaled = value * factor, last + 1, tokens[last + 1].end, True
        elif w in ("honderd", "duizend", "hundred", "thousand"):
            value, last, end, scaled = value * lex.scales[w], last + 1, tokens[last + 1].end, True
    return Amount(value, i, last, tok.start, end, False, scaled)


def find_currency_before(tokens: list[Token], i: int, sentence: str, lex: Lexicon) -> tuple[str, int] | None:
    """The currency written before token i (`€ 118`, `£2`, `EUR 5`, `US$ 3`): (code, start) or None."""
    if i == 0:
        return None
    prev = tokens[i - 1]
    if sentence[prev.end : tokens[i].start].strip() or tokens[i].start - prev.end > 1:
        return None
    code = lex.currencies.get(prev.text) if prev.kind == "sym" or prev.text.isupper() else None
    if code is None:
        return None
    start = prev.start
    if prev.text == "$" and i >= 2 and tokens[i - 2].text == "US" and tokens[i - 2].end == prev.start:
        start = tokens[i - 2].start
    return code, start


def is_glued_to_word(sentence: str, start: int) -> bool:
    """True when the character before `start` ties the number to a word or code (`top-5`, `Z19016`, `.12`)."""
    if start == 0:
        return False
    before = sentence[start - 1]
    if before in OPENERS or before in "€£$":
        return False
    # A bullet or minus sign standing alone is no glue; `top-5`, `COVID-19` are.
    return not (before in "-–" and (start == 1 or sentence[start - 2].isspace()))


def is_blocked(start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in blocked)


def follow_words(tokens: list[Token], j: int, lex: Lexicon, limit: int = 4) -> list[Token]:
    """The words after an amount up to punctuation or a function word: where the counted noun may be.
    English `of` is skipped right after the amount (`thousands of people`)."""
    words: list[Token] = []
    if j < len(tokens) and tokens[j].low == "of" and lex.language == "en":
        j += 1
    while j < len(tokens) and len(words) < limit:
        tok = tokens[j]
        if tok.kind != "word" or tok.low in lex.stopwords:
            break
        words.append(tok)
        j += 1
    return words


def lookup_noun(word: str, lex: Lexicon) -> str | None:
    """The unit class of a noun; Dutch compounds by their last part (`bootmigranten` -> people)."""
    w = word.lower()
    if w in lex.nouns:
        return lex.nouns[w]
    if lex.language == "nl":
        # The known nouns of four or more letters that end `w` and leave at least three letters before
        # them; of those, the first in the lexicon's order.
        ends = [w[-size:] for size in range(4, len(w) - 2)]
        found = [lex.compound_tails[end] for end in ends if end in lex.compound_tails]
        if found:
            return min(found)[1]
    return None


def classify_noun(words: list[Token], lex: Lexicon) -> tuple[str, str | None]:
    """(unit, kind) from the words after an amount. kind: "lexicon" (a known noun right after the amount),
    "lexicon_later" (after adjectives), "noun", "duration" or None."""
    if not words:
        return "", None
    first = words[0].low
    if first in lex.durations:
        return lex.durations[first], "duration"
    for k, tok in enumerate(words):
        unit = lookup_noun(tok.text, lex)
        if unit is not None:
            return unit, "lexicon" if k == 0 else "lexicon_later"
    for k, tok in enumerate(words):
        w = tok.text
        if w[0].isupper() or w.isupper():
            continue  # demonyms and names before the noun: "Vietnamese", "EU"
        if lex.language == "nl" and w.endswith("e") and k + 1 < len(words):
            continue  # an inflected Dutch adjective before its noun: "grote schepen"
        return w.lower(), "noun"
    return "", None


def is_custodial(sentence: str, end: int, lex: Lexicon) -> bool:
    """`4 jaar cel`, `two years in prison`: a prison term right after a duration."""
    rest = sentence[end : end + 25].lower()
    return any(pattern.match(rest) for pattern in lex.custodial_res)


def match_percent(sentence: str, end: int, lex: Lexicon) -> tuple[str, int] | None:
    """A percent sign or word right after an amount: (unit, new end)."""
    m = lex.percent_re.match(sentence, end)
    if m is None:
        return None
    word = " ".join(m.group().split()).lower()
    return lex.percent.get(word, "percent"), m.end()


def match_currency_after(tokens: list[Token], j: int, lex: Lexicon) -> tuple[str, int] | None:
    """A currency word after an amount (`118 miljoen euro`, `5 mln. euro`, `millions of pounds`)."""
    if j < len(tokens) and tokens[j].text == "." and j + 1 < len(tokens):
        j += 1  # `mln. euro`
    if j < len(tokens) and tokens[j].low == "of" and lex.language == "en" and j + 1 < len(tokens):
        j += 1
    if j < len(tokens):
        tok = tokens[j]
        code = lex.currencies.get(tok.text) or lex.currencies.get(tok.low)
        if code and tok.kind == "word":
            return code, tok.end
    return None


def build_quantity(
    tokens: list[Token], amount: Amount, sentence: str, lex: Lexicon
) -> tuple[int, int, Quantity] | None:
    """Attach comparator, currency, percent and counted noun to an amount; None when it is not one."""
    start, end, value = amount.start, amount.end, amount.value
    unit: str | None = None
    currency = find_currency_before(tokens, amount.first, sentence, lex)
    if currency is not None:
        unit, start = currency
    percent = match_percent(sentence, end, lex) if unit is None else None
    if percent is not None:
        unit, end = percent
    if unit is None:
        after = match_currency_after(tokens, amount.last + 1, lex)
        if after is not None:
            unit, end = after
    comparator = lex.comparator_re.search(sentence, 0, start)
    if comparator is not None:
        start = comparator.start()
    if unit is None:
        next_index = bisect_left(tokens, end, key=attrgetter("start"))  # the first token from `end` on
        unit, kind = classify_noun(follow_words(tokens, next_index, lex), lex)
        if kind == "duration" and not is_custodial_after(sentence, tokens, next_index, lex):
            return None  # tien jaar, 24 uur: a duration, the temporal tagger's
        # `2000 migranten` is a count, but `in 2024 middels kleine boten` is a year: only a known noun
        # right after a year-like number makes it a count.
        if kind != "lexicon" and (is_lone_year(amount, tokens) or is_reference_number(amount, tokens)):
            return None
        if kind is None and amount.scaled and value >= 1e6 and lex.default_currency:
            unit, kind = lex.default_currency, "currency"
        if amount.from_words and kind is None and comparator is None and not amount.scaled:
            return None  # a bare number word is too often a verb or pronoun (acht, one)
        if amount.from_words and kind == "noun" and value == 1:
            return None  # "no one knows", "één keer": too weak without a known noun
    return start, end, Quantity(value=value, unit=unit, text=sentence[start:end])


def is_custodial_after(sentence: str, tokens: list[Token], next_index: int, lex: Lexicon) -> bool:
    return next_index < len(tokens) and is_custodial(sentence, tokens[next_index].end, lex)


def is_reference_number(amount: Amount, tokens: list[Token]) -> bool:
    """A bare run of five or more digits (`32317`) is a document or case number: counts that large are
    written with thousands separators in both languages."""
    text = tokens[amount.first].text
    return not amount.from_words and not amount.scaled and text.isdigit() and len(text) >= 5


def is_lone_year(amount: Amount, tokens: list[Token]) -> bool:
    """A four-digit 1900-2100 without separators or scale reads as a year (`in 2024`)."""
    text = tokens[amount.first].text
    return not amount.from_words and not amount.scaled and text.isdigit() and 1900 <= int(text) <= 2100


def find_amounts(tokens: list[Token], sentence: str, lex: Lexicon) -> list[Amount]:
    """Every number core in token order; a core is never read twice."""
    amounts: list[Amount] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        amount = None
        if tok.kind == "num" and not is_glued_to_word(sentence, tok.start):
            amount = read_digit_amount(tokens, i, sentence, lex)
        elif tok.kind == "word" and may_start_word_amount(tok.low, lex):
            amount = read_word_amount(tokens, i, sentence, lex)
        if amount is not None:
            amounts.append(amount)
            i = amount.last + 1
        else:
            i += 1
    return amounts


def extract_quantities(
    sentence: str, language: str, scanned: list[Token] | None = None
) -> list[tuple[int, int, Quantity]]:
    """Counts and amounts in `sentence`, as (start, end, Quantity) with offsets into the sentence.
    `scanned`: `sentences.scan_tokens(sentence)`, when the caller has it already.

    >>> [(q.value, q.unit, q.text) for _, _, q in extract_quantities("Meer dan 36.800 mensen staken over.", "nl")]
    [(36800.0, 'people', 'Meer dan 36.800')]
    """
    lex = load_lexicon(language)
    tokens = tokenize(sentence, scanned)
    amounts = find_amounts(tokens, sentence, lex)
    if not amounts:
        return []  # most sentences: no need to look for blocked spans
    blocked = find_blocked_spans(sentence, lex)
    found: list[tuple[int, int, Quantity]] = []
    for amount in amounts:
        if is_blocked(amount.start, amount.end, blocked):
            continue
        if lex.marker_re.search(sentence, 0, amount.start):
            continue  # vraag 3, plek 3, nr. 925
        quantity = build_quantity(tokens, amount, sentence, lex)
        if quantity is not None:
            found.append(quantity)
    return found
