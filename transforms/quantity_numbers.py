"""Number cores in a sentence's tokens: digits (`36.800`, `2,5`, `35 000`, `€118m`) and number words
(`vijf`, `eenentwintig`, `twenty-one`, `tientallen miljoenen`, `a million`), read into an `Amount`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.quantity_lexicon import Lexicon, load_lexicon
from transforms.sentences import Token

# Characters that may stand right after a number (punctuation, end); letters are checked separately.
CLOSERS = set(" \t\n\r\u00a0.,;:!?)]\"'”’»…%")
# Scale abbreviations that may be glued to the number (`£2m`, `$3.5bn`); `m` and `k` only with a currency.
GLUED_SCALES = {"m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "k": 1e3, "mld": 1e9, "mrd": 1e9}
AMBIGUOUS_GLUED = {"m", "k"}
# The thousands or decimal separators inside a digit token.
SEPARATOR_RE = re.compile(r"[.,]")
THOUSANDS_DOT_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
THOUSANDS_COMMA_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
DECIMALS_RE = re.compile(r"[.,]\d{1,2}$")
# What may stand between the digit groups of a number written with spaces (`35 000`): one space, a
# no-break space or a thin space, nothing else.
GROUP_SPACES = {" ", "\u00a0", "\u202f", "\u2009"}


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
    spaced: bool = False  # digit groups joined across spaces (`35 000`, or the code `19 637`)
    fraction: bool = False  # written with decimals (`2,5`, `16.00`), as read


def parse_digits(text: str, decimal: str | None = None) -> float | None:
    """`36.800`/`36,800` -> 36800, `2,5`/`2.5` -> 2.5, `1.234,5` -> 1234.5; None for malformed runs.

    Exactly three digits after a lone separator means thousands, in both languages, because news texts
    mix conventions (translations, quotes) and a decimal with three places is rare in counts. `decimal`:
    the separator that is a decimal point even then: the language's own, before a scale word
    (`1.250 million` is 1.25 million in English, `1,250 miljoen` in Dutch).
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
    if len(tail) == 3 and len(head) <= 3 and head != "0" and seps[0] != decimal:
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


DUTCH_UNITS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
DUTCH_TENS = ("twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")
DUTCH_TEENS = ("tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien")
DUTCH_SIMPLE = (
    {w: i + 1 for i, w in enumerate(DUTCH_UNITS)}
    | {w: i + 10 for i, w in enumerate(DUTCH_TEENS)}
    | {"negentien": 19}
    | {w: 20 + 10 * i for i, w in enumerate(DUTCH_TENS)}
)
DUTCH_TENS_RE = re.compile(rf"({'|'.join(DUTCH_UNITS)})(?:en|ën)({'|'.join(DUTCH_TENS)})")


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
    m = DUTCH_TENS_RE.fullmatch(w)
    if m:
        return 20 + 10 * DUTCH_TENS.index(m.group(2)) + DUTCH_UNITS.index(m.group(1)) + 1
    return float(DUTCH_SIMPLE[w]) if w in DUTCH_SIMPLE else None


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
        if (
            j == i
            and w in lex.scales
            and i > 0
            and tokens[i - 1].kind == "num"
            and tokens[i - 1].end + 1 >= tokens[i].start
        ):
            return None  # the scale of digits that were not an amount (`#301 million`, a code): not one alone
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


def next_group(tokens: list[Token], i: int, sentence: str) -> int | None:
    """The token after i when it continues a number written with spaces between its groups of three
    digits (`35 000`, `1 250 000`): one space, then exactly three digits that end the number."""
    if i + 1 >= len(tokens):
        return None
    tok, nxt = tokens[i], tokens[i + 1]
    if (
        nxt.kind != "num"
        or len(nxt.text) != 3
        or not nxt.text.isdigit()
        or nxt.start != tok.end + 1
        or sentence[tok.end] not in GROUP_SPACES
    ):
        return None
    return i + 1


def read_spaced_digits(tokens: list[Token], i: int, sentence: str) -> tuple[float, int] | None:
    """`35 000`, `19 637`: a head of one to three digits and groups of three after single spaces.
    (value, last token) or None when token i does not start such a number."""
    head = tokens[i].text
    if not head.isdigit() or len(head) > 3:
        return None
    last, digits = i, head
    while (j := next_group(tokens, last, sentence)) is not None:
        digits += tokens[j].text
        last = j
    return (float(digits), last) if last > i else None


def read_digit_amount(
    tokens: list[Token], i: int, sentence: str, lex: Lexicon, decimal: str | None = None
) -> Amount | None:
    """Digits, with a glued or following scale (`118 miljoen`, `3.5bn`), groups written with spaces
    (`35 000`) and a range tail (`10-15`). `decimal`: the separator the sentence's other numbers show to
    be its decimal mark (`sentence_decimal`), if any."""
    tok = tokens[i]
    value = parse_digits(tok.text, decimal)
    if value is None:
        return None
    first_digits = SEPARATOR_RE.split(tok.text)[0]
    if len(first_digits) > 1 and first_digits.startswith("0"):
        return None  # phone numbers, postcodes, codes
    last, end, scaled, spaced = i, tok.end, False, False
    groups = read_spaced_digits(tokens, i, sentence)
    if groups is not None:
        value, last = groups
        end, spaced = tokens[last].end, True
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is not None and nxt.start == end:
        if nxt.kind == "word":
            w = nxt.low
            if w not in GLUED_SCALES and w not in lex.percent:
                return None  # 3e, 2nd, 4G, 19016Z...: ordinals and codes
            if w in GLUED_SCALES:
                if w in AMBIGUOUS_GLUED and find_currency_before(tokens, i, sentence, lex) is None:
                    return None  # `100m` is a distance unless money is meant
                value = read_scaled_digits(tok.text, lex) if not spaced else value
                value, last, end, scaled = value * GLUED_SCALES[w], last + 1, nxt.end, True
        elif nxt.kind == "sym" and nxt.text in "-–" and last + 2 < len(tokens):
            after = tokens[last + 2]
            if after.start == nxt.end and after.kind == "word":
                return None  # 66-year-old, 66-jarige, 5-year plan: modifiers, not amounts
            if after.start == nxt.end and after.kind == "num":
                upper = parse_digits(after.text, decimal)
                if upper is None or upper < value or (len(after.text) > 1 and after.text.startswith("0")):
                    return None  # `751-613`, `666-015`, `89-52`: a phone number, a code or a score
                if len(after.text) == 4 and 1900 <= upper <= 2100 and value < 1900:
                    return None  # `11-2016`: a month and its year
                last, end = last + 2, after.end  # a range `10-15`: the lower bound stands for it
        elif nxt.kind == "sym" and nxt.text not in CLOSERS and nxt.text not in lex.currencies:
            return None  # 24/7, 1/3, 10x and the like
    if not scaled and last + 1 < len(tokens) and tokens[last + 1].kind == "word":
        w = tokens[last + 1].low
        if (
            w in lex.scales and w not in lex.cardinals and w not in AMBIGUOUS_GLUED
        ) or w in GLUED_SCALES.keys() - AMBIGUOUS_GLUED:
            factor = lex.scales.get(w) or GLUED_SCALES[w]
            value = read_scaled_digits(tok.text, lex) if last == i else value
            value, last, end, scaled = value * factor, last + 1, tokens[last + 1].end, True
        elif w in ("honderd", "duizend", "hundred", "thousand"):
            value, last, end, scaled = value * lex.scales[w], last + 1, tokens[last + 1].end, True
    fraction = not scaled and not spaced and has_fraction(tok.text, value)
    return Amount(value, i, last, tok.start, end, False, scaled, spaced, fraction)


def has_fraction(text: str, value: float) -> bool:
    """Whether the digits were read with decimals: `2,5`, `16.00` (not `36.800`, read as thousands)."""
    digits = text.replace(".", "").replace(",", "")
    return digits != text and value != float(digits)


def sentence_decimal(tokens: list[Token], lex: Lexicon) -> str | None:
    """The decimal mark a sentence's numbers show by their thousands groups: `.` when some number groups
    thousands with commas (`8,000`) and none with dots, `,` the other way round (`36.800`), else None.
    One group of the other language's separator (`1.875` in English) is no evidence: it is the very
    case in doubt. So `$1.875` next to `800,000 shares` is a decimal, `3.770 migrants` alone is 3770."""
    dots = commas = False
    for tok in tokens:
        if tok.kind == "num" and len(tok.text) > 4:
            dots = dots or shows_thousands(tok.text, ".", THOUSANDS_DOT_RE, lex)
            commas = commas or shows_thousands(tok.text, ",", THOUSANDS_COMMA_RE, lex)
    if dots == commas:
        return None
    return "," if dots else "."


def shows_thousands(text: str, sep: str, pattern: re.Pattern[str], lex: Lexicon) -> bool:
    """Digits grouped in thousands by `sep`: by the language's own separator, or by the other in more than
    one group (`1.234.567`)."""
    return pattern.fullmatch(text) is not None and (lex.thousands_separator == sep or text.count(sep) > 1)


def read_scaled_digits(text: str, lex: Lexicon) -> float:
    """The digits before a scale word, where the language's decimal mark is a decimal even before three
    digits (`1.250 million` in English, `1,250 miljoen` in Dutch)."""
    value = parse_digits(text, lex.decimal_separator)
    return value if value is not None else 0.0


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
