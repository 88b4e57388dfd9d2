"""Counts and amounts stated in one sentence (or clause): `extract_quantities(sentence, language)`.

Returns `(start, end, Quantity)` with offsets into the sentence; `Quantity` has the `value` (the number:
`minder dan vijf` is 5), the `unit`, the `text` at those offsets, the `qualifier` (one of
`schemas.vocabulary.QUALIFIERS`, None when the text states the number as exact) and `what` is counted
(as the text writes it, None when it does not say).

Rules, in the order they are applied:

1. Spans that only look numeric are blocked first (`quantity_guards`): URLs, footnote marks
   (`[footnoteRef:3]`, `[3:`), dates (`21 november`, `19 november 2024`, `November 21`, `21-11-2024`),
   clock times (`10:30`), year ranges (`2024-2025`, `2019/20`), section numbers (`1.`, `2)`, `1.1
   Background`, `1.INTRODUCTION`) and telephone numbers (`+32 22812074`, `(206) 555-1212`). Dates are
   found by local patterns, not by the temporal tagger (a tagger run per clause would cost more than
   all of this module): dates, year ranges and section numbers are matched anchored at the few tokens
   before each number; URLs, footnote marks, clock times and telephone numbers are scanned for only
   when the sentence has a character they need. Reference markers and comparators are looked up by
   the tokens before the number, not by a regex over the text before it.
2. Number cores are read from the tokens (`quantity_numbers`): digits (`36.800`, `36,800`, `2,5`, `3.5`,
   `35 000`) or number words (`vijf`, `eenentwintig`, `twenty-one`, `tientallen miljoenen`, `a million`).
   A separator followed by exactly three digits is a thousands separator in either language (`41,000`
   in a Dutch text, `3.770 migrants` in an English one), except before a scale word, where the
   language's decimal mark is a decimal (`1.250 million` in English, `1,250 miljoen` in Dutch), and
   where the sentence's other numbers group thousands with the other mark (`$1.875` next to `800,000`).
   Articles (`een`, `a`) count only before a scale, and weak quantifiers (`enkele`, `several`) never.
3. Not quantities (`quantity_guards`, `accept_count`):
   - codes and citations: a number glued to a letter or hyphen-word (`20242024Z19016`, `top-5`,
     `COVID-19`, ordinals `3e`/`5th`), after a reference marker or a series code (`vraag 3 en 4`,
     `plek 3`, `nr. 925`, `Kamerstuk 35 788`, `COM(2019) 481`), a bare integer of five or more digits
     (`32317`), digits grouped by spaces that count no known noun (`19 637 Vreemdelingenbeleid`), a
     leading zero (`020`), a range whose upper end is lower or a year (`751-613`, `89-52`, `11-2016`),
     a bare number with digits only a space away (table cells, `June 2021 2 ,`) or with a space before
     the comma or stop after it (the footnote `Asylum 1 .`), a number after a capitalised name
     (`Boeing 747`), a number before capitalised words that are no known noun (`285 Toure Drive`);
   - years, days and times: a lone year 1900-2100 (`in 2024`) unless a counted noun follows, a day
     (`eenentwintig januari`), a time of day (`3 pm`, `om 7`, `16.00`), a range of hours, days or
     durations (`12 to 18 months`), a duration (`tien jaar`, `24 uur`) unless a custodial word follows
     (`4 jaar cel`: a sentence is an amount) or a bound states a requirement or limit (`at least 2
     years`, `maximaal 18 maanden`; not `at least 2 years ago`);
   - other readings: ages (`66-year-old`, `66-jarige`, `Slepian, 52,`: skipped on purpose, an age
     describes a person), hyphen compounds (`two-day`), ratios (`one in three`, `1 op de 5`),
     multipliers (`four times`, `drie keer`), decimals without a unit (`15.82`, `1.6714`).
4. The unit: a currency before or after (`€ 118 miljoen`, `118 miljoen euro`, `£2m`, `EUR 5 mln`,
   `duizenden ponden`) gives EUR/GBP/USD; `%`/`procent`/`percent` gives percent; else the counted noun
   (`quantity_nouns`) is looked up in `units.json` (Dutch compounds match on their last part:
   `herkomstlanden` -> countries); else that noun itself, lower-cased; else "". A bare Dutch amount of a
   million or more with no noun (`tientallen miljoenen per jaar`) takes the language's `default_currency`.
5. Number words need some sign that they are a quantity: a noun, a comparator, a scale, a currency or
   percent (keeps the verb `acht` and the pronoun `one` out). A small one (below twenty, not a vague
   `dozens`) needs a noun the lexicon knows (`three boats`, not `three main areas`: small spelled-out
   numbers in prose enumerate aspects) and is no count after a word that points back (`the two
   countries`, `de twee landen`: the countries already named).
6. The qualifier: a vague plural (`dozens`, `tientallen`, `hundreds of`) is more than its unit; else
   the comparator right before the amount (units.json `qualifiers`: `meer dan`, `ruim`,
   `over` -> more than; `minder dan`, `under` -> less than; `ten minste`, `at least` -> at least;
   `hooguit`, `no more than` -> at most; `circa`, `zo'n`, `some` -> about; `bijna`, `nearly` -> almost;
   `tot`, `up to` -> up to). Dutch `tot` after a word of change (`steeg tot`, `oplopend tot`) or after a
   number (`van 45 tot 151`) is the level reached or a range's end, not an upper bound: no qualifier.
   Comparators that are no qualifier (`a total of`, `slechts`, `maar liefst`) stay in the text with
   qualifier None.
7. What is counted: the words from the amount to the counted noun (`irregular border crossings`,
   `EU lidstaten`); after a measure the thing measured (`200 kilo cocaïne` -> `cocaïne`); after a
   percentage the whole it is a share of (`100% of passengers` -> `passengers`); None for money and
   for a bare number (`7 in Austria`: the text does not say).

The text of a quantity is the qualifier phrase plus the amount with its currency/percent/scale, as
written (`Meer dan 36.800`, `over € 5 million`); the counted noun is left out (the unit and `what` stand
for it). So the offsets cover the qualifier too: a clause holding the number holds its qualifier.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from transforms.model import Quantity
from transforms.quantity_guards import (
    after_name,
    after_reference_marker,
    after_time_preposition,
    find_blocked_spans,
    in_date_or_label,
    in_ratio,
    is_age,
    is_blocked,
    is_clock_time,
    is_custodial,
    is_glued_to_word,
    is_lone_year,
    is_point_in_time,
    is_reference_number,
    is_spaced_footnote,
    next_to_digits,
    range_upper,
)
from transforms.quantity_lexicon import Lexicon, load_lexicon
from transforms.quantity_nouns import Counted, counted_noun, lookup_noun, share_of
from transforms.quantity_numbers import (
    GLUED_SCALES,
    Amount,
    find_currency_before,
    may_start_word_amount,
    parse_digits,
    parse_number_word,
    read_digit_amount,
    read_word_amount,
    sentence_decimal,
)
from transforms.sentences import Token, sliceable_lower

# The names other modules and tests use from here; they live in the quantity_* modules.
__all__ = [
    "GLUED_SCALES",
    "TOKEN_RE",
    "Lexicon",
    "extract_quantities",
    "is_custodial",
    "load_lexicon",
    "lookup_noun",
    "may_start_word_amount",
    "parse_digits",
    "parse_number_word",
    "read_word_amount",
    "tokenize",
]

# Tokens: a run of digits with inner separators, a word (hyphens and apostrophes inside), or one symbol.
TOKEN_RE = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)|(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*)|(?P<sym>\S)")
# Where TOKEN_RE and `sentences.TOKEN_RE` cut a sentence differently: digits with a separator inside
# (`36.800`, one token here, three there) and an ampersand between letters (`AT&T`, three tokens here,
# one there). Everywhere else both match the same spans, with the same group names.
SCANS_DIFFER_RE = re.compile(r"\d[.,]\d|[^\W\d_]&[^\W\d_]")
# Qualifiers that make a duration a quantity: the minimum or maximum a rule sets (`at least 2 years`).
BOUND_QUALIFIERS = ("at least", "at most")
# A small number word (below this, not a vague `dozens`) needs a noun the lexicon knows.
SMALL_NUMBER_WORD = 20


def tokenize(sentence: str, scanned: list[Token] | None = None) -> list[Token]:
    """The sentence's tokens by TOKEN_RE. `scanned`: `sentences.scan_tokens(sentence)`, when the caller
    has it already; it is these same tokens unless SCANS_DIFFER_RE finds a place where they differ
    (most sentences have none), so the sentence is only scanned again then."""
    if scanned is not None and SCANS_DIFFER_RE.search(sentence) is None:
        return scanned
    lowered = sliceable_lower(sentence)
    new = tuple.__new__  # a named tuple made without its Python-level __new__: several times cheaper
    tokens = []
    for m in TOKEN_RE.finditer(sentence):
        s, e = m.span()
        text = sentence[s:e]
        low = text.lower() if lowered is None else lowered[s:e]
        tokens.append(new(Token, (m.lastgroup or "sym", text, s, e, low)))
    return tokens


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


def read_qualifier(tokens: list[Token], start: int, lex: Lexicon) -> tuple[str | None, int] | None:
    """The comparator written right before the token at `start` (the amount, or its currency sign):
    (its qualifier or None, where it starts), or None when there is none. It is looked up by the few
    tokens before, longest phrase first. `tot` after a word of change or a number is no comparator at all
    (`steeg tot`, `van 45 tot 151`): the level reached or the end of a range."""
    i = bisect_left(tokens, start, key=attrgetter("start"))
    for size in lex.comparator_sizes:
        if size > i:
            continue
        key = tuple(t.low.replace("’", "'") for t in tokens[i - size : i])
        if key not in lex.comparators:
            continue
        if key in lex.level_phrases and i - size > 0 and after_level_word(tokens[i - size - 1], lex):
            return None
        return lex.comparators[key], tokens[i - size].start
    return None


def after_level_word(before: Token, lex: Lexicon) -> bool:
    """Whether the token before `tot` makes it the level reached or a range's end: a number, a word of
    change (`steeg`, `oplopend`), a scale or a currency (`45 miljoen tot`)."""
    word = before.low
    return (
        before.kind == "num"
        or parse_number_word(word, lex.language) is not None
        or word in lex.level_words
        or word in lex.scales
        or word in lex.currencies
    )


def is_bound_duration(qualifier: str | None, tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """`at least 2 years`, `maximaal 18 maanden`: a minimum or maximum is a quantity of a rule, unless
    the duration places something in time (`at least 2 years ago`). j: the token after the amount."""
    return qualifier in BOUND_QUALIFIERS and not is_point_in_time(tokens, j, lex)


def points_back(tokens: list[Token], amount: Amount, counted: Counted, lex: Lexicon) -> bool:
    """A small number word after `the`, `our`, `de`, `beide` (`the two countries`, `de drie pijlers`):
    the parties or parts already named, no new figure. People are the exception (`the three suspects
    were arrested`): how many took part is what a timeline reports, named before or not."""
    return amount.first > 0 and tokens[amount.first - 1].low in lex.anaphoric and counted.unit != "people"


def is_small_number_word(amount: Amount, tokens: list[Token], lex: Lexicon) -> bool:
    return (
        amount.from_words
        and not amount.scaled
        and amount.value < SMALL_NUMBER_WORD
        and tokens[amount.first].low not in lex.vague
    )


def accept_count(
    amount: Amount, counted: Counted, compared: bool, tokens: list[Token], sentence: str, lex: Lexicon
) -> bool:
    """Whether an amount without currency or percent is a count (rules 3 and 5 of the module)."""
    if counted.kind in ("date", "multiplier") or (counted.kind == "name" and not compared):
        return False  # `eenentwintig januari`, `four times`, `285 Toure Drive`
    known = counted.known or counted.kind == "duration"  # a duration here is a prison term or a bound
    right_after = counted.kind in ("lexicon", "demonym")
    if not right_after and (is_lone_year(amount, tokens) or is_reference_number(amount, tokens)):
        return False  # `2000 migranten` is a count, `in 2024 middels kleine boten` a year, `32317` a file
    if not known and amount.spaced:
        return False  # `19 637 Vreemdelingenbeleid`, `35 300 VI`: a dossier number; `35 000 migrants` counts
    if amount.fraction and not known:
        return False  # `16.00`, `15.82`, `1.6714`: a decimal needs a unit (a time, an index, a price)
    bare = counted.kind is None or counted.kind == "name"
    if amount.from_words:
        if bare and not compared and not amount.scaled:
            return False  # a bare number word is too often a verb or pronoun (acht, one)
        if is_small_number_word(amount, tokens, lex) and (
            points_back(tokens, amount, counted, lex) or not (known or compared)
        ):
            return False
        # after a name a number word is part of it, unless a noun the lexicon counts follows ('in Breda
        # twee mannen', 'in Dover three men')
        return right_after or not after_name(amount, tokens)
    if not known and not compared and ends_in_time(amount, tokens, sentence, lex):
        return False
    if bare and not compared:
        # a bare number: a code or table cell when digits stand beside it, a footnote mark when a space
        # stands before the punctuation after it, an age, part of a name, an hour or a day
        return not (
            next_to_digits(amount, tokens, sentence)
            or is_spaced_footnote(amount, tokens, sentence)
            or is_age(amount, tokens, sentence)
            or after_name(amount, tokens)
            or after_time_preposition(amount, tokens, lex)
        )
    return True


def ends_in_time(amount: Amount, tokens: list[Token], sentence: str, lex: Lexicon) -> bool:
    """`5 to 6 p.m.`, `12 tot 18 maanden`, `tussen 10 en 11:30`, `between 2 and 7 Feb`, `13:30 tot 4`: an
    end of a range of hours, durations or days."""
    i = amount.first
    if (
        i >= 3
        and tokens[i - 1].low in lex.range_joiners
        and tokens[i - 2].kind == "num"
        and tokens[i - 3].text == ":"
    ):
        return True  # the upper end after a clock time
    j = range_upper(amount, tokens, lex)
    if j is None:
        return False
    if sentence.startswith(":", tokens[j].end) or lex.clock_re.match(sentence, tokens[j].end):
        return True
    return counted_noun(tokens, j + 1, 2, lex).kind in ("duration", "date")


def build_quantity(
    tokens: list[Token], amount: Amount, sentence: str, lex: Lexicon
) -> tuple[int, int, Quantity] | None:
    """Attach qualifier, currency, percent and counted noun to an amount; None when it is not one."""
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
    next_index = bisect_left(tokens, end, key=attrgetter("start"))  # the first token from `end` on
    comparator = read_qualifier(tokens, start, lex)
    if (
        comparator is not None
        and tuple(sentence[comparator[1] : start].lower().split()) in lex.level_phrases
        and is_custodial_after(sentence, tokens, next_index, lex)
        and any(
            t.low in lex.sentencing_words
            for t in tokens[: bisect_left(tokens, start, key=attrgetter("start"))]
        )
    ):
        comparator = None  # 'veroordeeld tot vijf jaar cel': the term imposed, no upper bound
    qualifier = None
    if comparator is not None:
        qualifier, start = comparator
    elif tokens[amount.first].low in lex.vague:
        qualifier = "more than"  # 'dozens', 'tientallen', 'hundreds of': many, not exactly 12, 10 or 100
    what = (0, 0)
    if unit is None:
        if is_clock_time(sentence, amount, lex):
            return None  # `3 pm`
        counted = counted_noun(tokens, next_index, value, lex)
        if counted.kind == "duration" and not (
            is_custodial_after(sentence, tokens, next_index, lex)
            or is_bound_duration(qualifier, tokens, next_index, lex)
        ):
            return None  # tien jaar, 24 uur: a duration, the temporal tagger's
        if not accept_count(amount, counted, comparator is not None, tokens, sentence, lex):
            return None
        unit, what = counted.unit, (counted.start, counted.end)
        if counted.kind is None and amount.scaled and value >= 1e6 and lex.default_currency:
            unit = lex.default_currency
    elif unit == "percent":
        what = share_of(tokens, next_index, lex)
    named = " ".join(sentence[what[0] : what[1]].split()) or None
    return (
        start,
        end,
        Quantity(value=value, unit=unit, text=sentence[start:end], qualifier=qualifier, what=named),
    )


def is_custodial_after(sentence: str, tokens: list[Token], next_index: int, lex: Lexicon) -> bool:
    return next_index < len(tokens) and is_custodial(sentence, tokens[next_index].end, lex)


def find_amounts(tokens: list[Token], sentence: str, lex: Lexicon) -> list[Amount]:
    """Every number core in token order; a core is never read twice."""
    decimal = sentence_decimal(tokens, lex)
    amounts: list[Amount] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        amount = None
        if tok.kind == "num" and not is_glued_to_word(sentence, tok.start):
            amount = read_digit_amount(tokens, i, sentence, lex, decimal)
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

    >>> [(q.value, q.unit, q.text, q.qualifier, q.what)
    ...  for _, _, q in extract_quantities("Meer dan 36.800 mensen staken over.", "nl")]
    [(36800.0, 'people', 'Meer dan 36.800', 'more than', 'mensen')]
    """
    lex = load_lexicon(language)
    tokens = tokenize(sentence, scanned)
    amounts = find_amounts(tokens, sentence, lex)
    if not amounts:
        return []  # most sentences: no need to look for blocked spans
    blocked = find_blocked_spans(sentence)
    found: list[tuple[int, int, Quantity]] = []
    for amount in amounts:
        if (
            is_blocked(amount.start, amount.end, blocked)
            or in_date_or_label(amount, tokens, sentence, lex)
            or in_ratio(amount, tokens, lex)
            or after_reference_marker(amount, tokens, lex)
        ):
            continue
        quantity = build_quantity(tokens, amount, sentence, lex)
        if quantity is not None:
            found.append(quantity)
    return found
