"""Numbers that are no quantity: dates, times, codes, citations, list and footnote numbers.

Each guard is a cheap local test on the sentence around one number; together they keep the digits
of `Kamerstuk 28 638, nr. 249`, `COM(2019) 481`, `+32 22812074`, `1.INTRODUCTION` and the footnote
`Asylum 1 .` out of the quantities.
"""

from __future__ import annotations

import re

from transforms.quantity_lexicon import Lexicon
from transforms.quantity_numbers import Amount, parse_number_word
from transforms.sentences import Token

# Characters that may stand right before a number that is an amount (anything else glues it to a code).
OPENERS = set(" \t\n\r\u00a0([\"'“‘«~±≈+")
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.\w[\w.]*")
FOOTNOTE_RE = re.compile(r"\[footnoteRef:\d+\]|\[\s*\d+\s*:|\[\d+\]|\^\d+")
NUMERIC_DATE_RE = re.compile(r"(?<![\d.,])\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?![\d])")
TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
YEAR_RANGE_RE = re.compile(r"(?<![\d.,])(?:19|20)\d{2}\s*[-–/]\s*(?:(?:19|20)\d{2}|\d{2})(?![\d.,]?\d)")
# Section numbers: `1.`, `2)`, `(3)` at the start; `1.1 Background`, `2.3.1 Scope` (a capital follows);
# and anywhere a number glued to a heading by its dot (`1.INTRODUCTION`, `2.Achtergrond`).
LIST_MARKER_RE = re.compile(
    r"^\s*\(?\d{1,2}[.)](?=\s)|^\s*\d{1,2}(?:\.\d{1,2})+\.?(?=\s+[A-ZÀ-ÖØ-Þ])|(?<![\d.,])\d{1,2}\.(?=[^\W\d_])"
)
# Telephone numbers: an area code in brackets (`(206) 555-1212`, `(254-2) 751-613`) or an international
# prefix (`+32 22812074`, `+31 (0)70 123 4567`).
PHONE_RE = re.compile(
    r"\(\d{2,5}(?:-\d{1,3})?\)\s*\d{3,4}[-\s]\d{3,4}|(?<![\w+])\+\d{1,3}[\s-]+[\d()\s-]{6,}\d"
)
# What joins a list of numbers after a reference marker (`vraag 8, 9 en 10`, `nr. 3-5`, `t/m`), and how
# many tokens back such a list may reach.
LIST_JOINERS = frozenset({",", "&", "-", "–", "/", "en", "and", "t", "m", "tot", "met", "to", "of"})
LIST_REACH = 12


# The sentence-wide patterns, each with the characters one of which any match contains: most sentences
# lack them all, and a substring test is far cheaper than a scan.
BLOCKING = (
    (URL_RE, ("//", "www.", "@")),
    (FOOTNOTE_RE, ("[", "^")),
    (TIME_RE, (":",)),
    (PHONE_RE, ("+", "(")),
)
# Patterns that start at a number (or at the month before it): tried anchored at the tokens just before
# each amount, not along the whole sentence.
NEAR_NUMBERS = (NUMERIC_DATE_RE, YEAR_RANGE_RE, LIST_MARKER_RE)
# How many tokens before an amount such a match may start (`November 21, 2024`: three before `2024`).
NEAR_REACH = 4


def find_blocked_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans whose digits are never amounts: URLs, footnote marks, clock times, telephone numbers."""
    return [
        m.span()
        for pattern, needles in BLOCKING
        if any(n in sentence for n in needles)
        for m in pattern.finditer(sentence)
    ]


def in_date_or_label(amount: Amount, tokens: list[Token], sentence: str, lex: Lexicon) -> bool:
    """Whether the amount lies in a date (`21 november`, `19 november 2024`, `November 21, 2024`,
    `21-11-2024`), a year range (`2024-2025`) or a section number (`1.`, `1.1 Background`,
    `1.INTRODUCTION`). Such an expression starts at most NEAR_REACH tokens before the amount, so each
    pattern is tried only there, anchored."""
    for k in range(max(0, amount.first - NEAR_REACH), amount.first + 1):
        for pattern in (lex.date_re, *NEAR_NUMBERS):
            m = pattern.match(sentence, tokens[k].start)
            if m is not None and m.start() < amount.end and amount.start < m.end():
                return True
    return False


def is_blocked(start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in blocked)


def is_glued_to_word(sentence: str, start: int) -> bool:
    """True when the character before `start` ties the number to a word or code (`top-5`, `Z19016`, `.12`)."""
    if start == 0:
        return False
    before = sentence[start - 1]
    if before in OPENERS or before in "€£$":
        return False
    # A bullet or minus sign standing alone is no glue; `top-5`, `COVID-19` are.
    return not (before in "-–" and (start == 1 or sentence[start - 2].isspace()))


def after_reference_marker(amount: Amount, tokens: list[Token], lex: Lexicon) -> bool:
    """`vraag 3`, `vraag 8, 9 en 10`, `nr. 925`, `Kamerstuk 35 788`, `COM(2019) 481`: a label or citation.
    Walks back over a list of numbers already seen, each with its joiner (at most LIST_REACH tokens), then
    looks for a marker word (and its dot) or a series code glued to a year in brackets. `on volume of
    3,609,800 shares` is no list: `of` follows no number."""
    k = amount.first - 1
    stop = max(-1, k - LIST_REACH)
    while True:  # back over `9 en`, `8,`: joiners with a number before them
        j = k
        while j > stop and tokens[j].low in LIST_JOINERS:
            j -= 1
        if j == k or j <= stop or tokens[j].kind != "num":
            break
        k = j - 1
    if k >= 0 and tokens[k].text == ".":
        k -= 1
    if k >= 0 and tokens[k].kind == "word" and tokens[k].low in lex.markers:
        return True
    # `COM(2019) 481`, `C(2020) 12`: a word, `(`, a year, `)`, written together
    return (
        k >= 3
        and tokens[k].text == ")"
        and tokens[k - 2].text == "("
        and tokens[k - 1].kind == "num"
        and len(tokens[k - 1].text) == 4
        and tokens[k - 3].kind == "word"
        and tokens[k - 3].end == tokens[k - 2].start
    )


def is_reference_number(amount: Amount, tokens: list[Token]) -> bool:
    """A bare run of five or more digits (`32317`) is a document or case number: counts that large are
    written with thousands separators in both languages."""
    text = tokens[amount.first].text
    return not amount.from_words and not amount.scaled and text.isdigit() and len(text) >= 5


def is_lone_year(amount: Amount, tokens: list[Token]) -> bool:
    """A four-digit 1900-2100 without separators or scale reads as a year (`in 2024`)."""
    text = tokens[amount.first].text
    return (
        not amount.from_words
        and not amount.scaled
        and not amount.spaced
        and text.isdigit()
        and 1900 <= int(text) <= 2100
    )


def next_to_digits(amount: Amount, tokens: list[Token], sentence: str) -> bool:
    """Digits only white space away on either side (`+32 22812074`, `June 2021 2 ,`, a flattened
    table's `2019 2020 2021`): a code, a footnote number or a table cell, not an amount of a clause."""
    before = tokens[amount.first - 1] if amount.first > 0 else None
    after = tokens[amount.last + 1] if amount.last + 1 < len(tokens) else None
    return (
        before is not None and before.kind == "num" and not sentence[before.end : amount.start].strip()
    ) or (after is not None and after.kind == "num" and not sentence[amount.end : after.start].strip())


def is_spaced_footnote(amount: Amount, tokens: list[Token], sentence: str) -> bool:
    """`Asylum 1 .`, `June 2021 2 ,`: a footnote number set off by spaces, with the punctuation that
    follows it also after a space (the way EUR-Lex and converted PDFs print them). An amount has no
    space before the comma or full stop after it."""
    if amount.last + 1 >= len(tokens):
        return False
    after = tokens[amount.last + 1]
    return (
        after.text in ".,;:" and after.start > amount.end and not sentence[amount.end : after.start].strip()
    )


def is_clock_time(sentence: str, amount: Amount, lex: Lexicon) -> bool:
    """`3 pm`, `10 a.m.`: a time of day."""
    return lex.clock_re.match(sentence, amount.end) is not None


def is_custodial(sentence: str, end: int, lex: Lexicon) -> bool:
    """`4 jaar cel`, `two years in prison`: a prison term right after a duration."""
    rest = sentence[end : end + 25].lower()
    return any(pattern.match(rest) for pattern in lex.custodial_res)


def is_point_in_time(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """`two years ago`, `vijf jaar geleden`, `two more years later`: a duration that places an event in
    time. j: the first token after the amount; the anchor follows within the next three words."""
    for tok in tokens[j : j + 3]:
        if tok.kind != "word":
            return False
        if tok.low in lex.duration_anchors:
            return True
    return False


def is_age(amount: Amount, tokens: list[Token], sentence: str) -> bool:
    """`Slepian, 52, an obstetrician`, `Angela Esparragera, 71.`: an age set off by commas after a name."""
    i, j = amount.first, amount.last + 1
    return (
        i >= 2
        and tokens[i - 1].text == ","
        and tokens[i - 2].kind == "word"
        and tokens[i - 2].text[0].isupper()
        and (j >= len(tokens) or tokens[j].text in ",.;)")
    )


def after_name(amount: Amount, tokens: list[Token]) -> bool:
    """`Boeing 747`, `Salyut 6`, `TWA eight hundred`: a number right after a capitalised word inside the
    sentence is part of a name, a model or a route. Not after the sentence's first word (`With two
    members`) nor after a possessive (`NATO's three newest members`)."""
    i = amount.first
    if i < 2:
        return False
    name, before = tokens[i - 1], tokens[i - 2]
    return (
        name.kind == "word"
        and name.text[0].isupper()
        and not name.low.endswith(("'s", "’s"))
        and (before.kind in ("word", "num") or before.text in ",;:(")
    )


def after_time_preposition(amount: Amount, tokens: list[Token], lex: Lexicon) -> bool:
    """`om 7`, `on 15`, `until 4`: a bare small number after these is an hour or a day."""
    i = amount.first
    return i > 0 and tokens[i - 1].low in lex.time_prepositions and amount.value <= 31


def range_upper(amount: Amount, tokens: list[Token], lex: Lexicon) -> int | None:
    """The token of a range's upper end after this bare lower end (`5 to 6`, `12 tot 18`), or None."""
    j = amount.last + 1
    if j + 1 < len(tokens) and tokens[j].low in lex.range_joiners and tokens[j + 1].kind == "num":
        return j + 1
    return None


def in_ratio(amount: Amount, tokens: list[Token], lex: Lexicon) -> bool:
    """`one in three`, `7 in 10 Americans`, `1 op de 5 asielzoekers`: the two numbers of a ratio are no
    counts. The first is at most the second, and the second no year (`150,000 in 2018`)."""
    i, j = amount.first, amount.last + 1
    for link in lex.ratio_links:
        n = len(link)
        after = tokens[j : j + n]
        if len(after) == n and tuple(t.low for t in after) == link and j + n < len(tokens):
            other = number_value(tokens[j + n], lex)
            if other is not None and amount.value <= other and not is_year_number(tokens[j + n], other):
                return True
        before = tokens[max(0, i - n) : i]
        if i - n - 1 >= 0 and len(before) == n and tuple(t.low for t in before) == link:
            other = number_value(tokens[i - n - 1], lex)
            if other is not None and other <= amount.value and not is_year_number(tokens[i], amount.value):
                return True
    return False


def number_value(tok: Token, lex: Lexicon) -> float | None:
    """A token's number: digits without separators, or a number word."""
    if tok.kind == "num":
        return float(tok.text) if tok.text.isdigit() else None
    if tok.kind == "word":
        return parse_number_word(tok.low, lex.language)
    return None


def is_year_number(tok: Token, value: float) -> bool:
    return tok.kind == "num" and len(tok.text) == 4 and 1900 <= value <= 2100
