"""Find temporal expressions and normalise them to TIMEX3 values and calendar periods.

`tag` is the pipeline: mask what must never be read as a date (URLs, citations, case numbers) → collect
the candidates of every rule and keep the acceptable ones (`candidates.collect`) → choose the best that
do not overlap → extend them with 'begin/medio/eind' modifiers → resolve each against the document's
date (or, for day-month dates only, the document's own explicit dates) through its rule's resolver
(`rules.RESOLVE`) → join ranges, open intervals and times with their days. The rules themselves live
in `transforms/temporal/rules/`, one module per family (see README.md there).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from transforms.alternation import alt
from transforms.model import Period, Published, Timex
from transforms.temporal.candidates import choose, collect, extend
from transforms.temporal.context import Candidate, Context
from transforms.temporal.grammar import Grammar, grammar
from transforms.temporal.rules import RESOLVE
from transforms.temporal.rules.absolute import attach_spelled_years
from transforms.temporal.rules.clock import join_times_to_days
from transforms.temporal.rules.deictic import so_far
from transforms.temporal.rules.lengths import offsets_from_days
from transforms.temporal.rules.ranges import join_ranges, lend_range_years, periods_up_to
from transforms.temporal.rules.weeks import weeks_of_days
from transforms.temporal.scan import with_first_chars_gate

# An e-mail address starts at the first letter of its run of address characters: the look-behind and the
# possessive run try each run once (a plain '\b[\w.+-]+@' retried every position of a long run of digits
# and dots, time growing with the square of its length); group 1 is the address.
URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[.+-]*+(\w[\w.+-]*+@[\w-]+\.[\w.]+\b)|\[footnoteRef:\d+\]", re.I
)
# URL without its e-mail branch, for a text without an '@' (most): that branch can match nowhere there,
# and it is the one tried at every word character.
WEB = with_first_chars_gate(re.compile(r"(?:https?://|www\.)\S+|\[footnoteRef:\d+\]", re.I))
# an international phone number ('+32 2 281 2074', '+31 (0)70 2024 555'): its groups of digits are no years
# (the '+' first, so the engine can skip to it; the look-behind then checks the character before it)
PHONE = re.compile(r"\+(?<![\w+]\+)\d{2,3}(?:[\s.-]?(?:\(\d{1,4}\)|\d{1,4})){2,6}(?!\d)")


def tag(text: str, dct: Published | Period | None = None, language: str = "en") -> list[Timex]:
    """All temporal expressions in `text`, in order, with TIMEX3 values and periods.

    `dct` is the document's own date (its creation time); relative expressions are resolved
    against it and stay unresolved without it. No date is ever taken from the clock.
    """
    try:
        g = grammar(language)
    except KeyError:
        g = grammar("en")
    masked = mask(text, g)
    cands = extend(choose(collect(masked, g)), masked, g)
    ctx = context(masked, g, dct, cands)
    joined = join(resolve_all(cands, ctx), ctx)
    return [replace(t, text=text[t.start : t.end]) for t in joined]


def mask(text: str, g: Grammar) -> str:
    """The text the rules read: the masked spans blanked, one apostrophe for all the ways it is typeset
    ('’s avonds', 'New Year’s Day'), and a paragraph break marked; offsets unchanged."""
    masked = mask_text(text, g).translate(APOSTROPHES)
    if "\n" in masked:
        masked = BLANK_LINE.sub(lambda m: m.group()[:-1] + PARAGRAPH_MARK, masked)
    return masked


def context(text: str, g: Grammar, dct: Published | Period | None, cands: list[Candidate]) -> Context:
    """What resolution needs: the document date, how the document writes numeric dates, and without a
    document date the latest explicit day the document names (`infer_anchor`)."""
    ctx = Context(text, g, as_period(dct))
    ctx.numeric_order = numeric_order(text, g)
    if ctx.dct is None:
        ctx.anchor = infer_anchor(cands, ctx)
    return ctx


def resolve_all(cands: list[Candidate], ctx: Context) -> list[Timex]:
    """Every candidate resolved, in text order (anaphora read what was resolved before them). First the
    first end of a range takes the year of the second, and a year in words joins the period before it."""
    lend_range_years(cands, ctx.text, ctx.grammar)
    for c in attach_spelled_years(cands, ctx.text, ctx.grammar):
        t = resolve(c, ctx)
        if t is not None:
            ctx.resolved.append(t)
    return ctx.resolved


def resolve(c: Candidate, ctx: Context) -> Timex | None:
    """The Timex for one candidate by its rule's resolver, or None when it turns out not to be a
    temporal expression."""
    resolver = RESOLVE.get(c.rule)
    return resolver(c, ctx) if resolver is not None else None


def join(timexes: list[Timex], ctx: Context) -> list[Timex]:
    """The resolved expressions read with their neighbours and the words around them: a current period
    counted up to the document date, the week of a day, '3 days from Tuesday', 'the year to March 2024',
    ranges and open intervals, a time and its day."""
    text, g = ctx.text, ctx.grammar
    timexes = so_far(timexes, ctx)
    timexes = weeks_of_days(timexes, text, g)
    timexes = offsets_from_days(timexes, text, g)
    timexes = periods_up_to(timexes, text, g)
    timexes = join_ranges(timexes, text, g, ctx)
    return join_times_to_days(timexes, text, g)


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


@lru_cache(maxsize=8)
def masked_spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Spans never read as dates: URLs, e-mail addresses, phone numbers, footnote markers, citations,
    case and document numbers.
    Cached: the tagger and the event extractor both ask for them, one document after the other."""
    try:
        g = grammar(language)
    except KeyError:
        g = grammar("en")
    patterns = [URL if "@" in text else WEB, PHONE] + ([g.citation] if g.citation else [])
    spans = [
        m.span(1) if rx is URL and m.group(1) else m.span() for rx in patterns for m in rx.finditer(text)
    ]
    return tuple(sorted(spans))


def mask_text(text: str, g: Grammar) -> str:
    """Blank out (same length, newlines kept) the masked spans."""
    chars = list(text)
    for s, e in masked_spans(text, g.language):
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# A paragraph break: no expression runs over it ('4 March 2024\n\nLast night' are two). `tag` reads the
# text with the break's last newline as PARAGRAPH_MARK, which no rule's white space matches.
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
PARAGRAPH_MARK = "\u00b6"


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
