"""Split a document into the sentences of its story, and set its footnotes apart; a sentence into tokens.

Footnote markers ("[footnoteRef:3]") are not part of any sentence; footnote bodies ("[3: De
Telegraaf, 19 november 2024, ...]") and lines that are only a URL are `footnote` segments, so a
citation is never glued to the sentence before it. Offsets always point into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from transforms import resources

FOOTNOTE_MARKER = re.compile(r"\[footnoteRef:\d+\]|\[\^?\d+\](?!:)")
FOOTNOTE_BODY = re.compile(r"\[\^?(\d+)\]?:\s+([^\[\]]*)\]?")
BRACKET_FOOTNOTE = re.compile(r"\[(\d+):\s+([^\[\]]*)\]")
URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
# A sentence ends at . ! ? (and closing quotes/brackets after them) before white space and a new sentence.
END = re.compile(
    r"(?:[.!?…]+[\"”’'»)]*|(?<=[^\W\d_])[.!?]\d{1,2})(?=\s+[\"“‘'«(]?[A-ZÀ-ÖØ-Þ0-9])"
)  # the second: a footnote number glued to the full stop ('de opvangcrisis.1 De uitvoering')
# The word (with its inner periods) right before a period: `J.`, `bijv.`, `U.S.`.
WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")
# A line that ends a sentence (or a heading with a colon, a closing quote).
FINISHED = re.compile(r"[.!?:\"”’]\s*$")
# The marks a finished line ends with (FINISHED's, before white space).
FINISHED_MARKS = frozenset('.!?:"”’')
MIN_CHARS = 3
# A "sentence" longer than this (a run-on text without punctuation, a table flattened to one line) is
# cut into pieces of at most this many characters, at white space where there is any: evidence stays
# readable and the work per sentence stays bounded.
MAX_SENTENCE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    text: str
    paragraph: int
    kind: str  # title | story | footnote


class Token(NamedTuple):
    """A named tuple rather than a frozen dataclass: sentences make thousands of tokens, and a tuple
    is several times cheaper to create."""

    kind: str  # word | num | sym
    text: str
    start: int
    end: int
    low: str  # text.lower(), computed once: nearly every rule compares lower-case words


# A word (letters, with hyphens, apostrophes and ampersands inside: `Labour-regering`, `O'Brien`,
# `AT&T`), a run of digits, or one other non-space character.
TOKEN_RE = re.compile(r"(?P<word>[^\W\d_]+(?:[-'’&][^\W\d_]+)*)|(?P<num>\d+)|(?P<sym>\S)")


# A letter of any script (a word character that is no digit and no '_').
LETTER = re.compile(r"[^\W\d_]")


def sliceable_lower(text: str) -> str | None:
    """`text.lower()` when each character's lower case is the slice at its place in it (no letter whose
    lower case is longer, no capital sigma, whose lower case depends on the letters around it), else
    None: tokenizers then slice a token's lower case from it instead of lower-casing each token."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) and "Σ" not in text else None


def scan_tokens(sentence: str) -> list[Token]:
    """The tokens of `sentence` by TOKEN_RE. The entity and the quantity extractors both start from
    these (each tokenizes a little differently, see their `tokenize`): an event's sentence is scanned
    once for both."""
    tokens = []
    for m in TOKEN_RE.finditer(sentence):
        text = m.group()
        tokens.append(Token(m.lastgroup or "sym", text, m.start(), m.end(), text.lower()))
    return tokens


@cache
def abbreviations(language: str) -> frozenset[str]:
    words = set(resources.load(language, "sentences").get("abbreviations", []))
    return frozenset(words)


@cache
def word_abbreviations(language: str) -> frozenset[str]:
    """Abbreviations that are words too ('sun', 'zo', 'jl.'): before a capital their period ends a
    sentence ('the heat of the sun. On Friday', 'op 12 maart jl. De minister')."""
    return frozenset(resources.load(language, "sentences").get("also_words", []))


def blank(text: str, spans) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def footnote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(outer start, outer end, body start, body end) of each bracketed footnote body."""
    return [(m.start(), m.end(), m.start(2), m.end(2)) for m in BRACKET_FOOTNOTE.finditer(text)]


def is_abbreviation(text: str, dot: int, language: str) -> bool:
    """Is the period at `dot` the end of an abbreviation or an initial (not of a sentence)?"""
    m = WORD_BEFORE_DOT.search(text[max(0, dot - 20) : dot])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if all(len(part) == 1 and part.isalpha() for part in word.split(".")):
        return True  # initials: "J. Smith", "D.C.", "o.l.v."
    if word in word_abbreviations(language) | word_abbreviations("en"):
        after = re.match(r"\s*(\S)", text[dot + 1 : dot + 8])
        if after and after.group(1).isupper():
            return False
    return word in abbreviations(language) or word in abbreviations("en")


def split_line(text: str, lo: int, hi: int, language: str) -> list[tuple[int, int]]:
    spans = []
    start = lo
    for m in END.finditer(text, lo, hi):
        dot = m.start()
        if text[dot] == "." and is_abbreviation(text, dot, language):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, hi))
    return spans


def cut_long(text: str, s: int, e: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """`text[s:e]` as pieces of at most `limit` characters, each ending at white space if it can."""
    pieces = []
    while e - s > limit:
        cut = s + limit
        space = max(text.rfind(" ", s + limit // 2, cut), text.rfind("\n", s + limit // 2, cut))
        if space > s:
            cut = space
        pieces.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    pieces.append((s, e))
    return pieces


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when it was not: at least five different
    long lines (40 characters or more), half of them within a few characters of their median length,
    and most of those ending mid-sentence (a text of one paragraph per line ends its lines with
    full stops; a table repeats its rows)."""
    long = sorted({line.rstrip() for line in lines if len(line.rstrip()) >= 40}, key=len)
    if len(long) < 5:
        return None
    median = len(long[len(long) // 2])
    near = [line for line in long if abs(len(line) - median) <= WRAP_SLACK]
    open_ended = sum(not FINISHED.search(line) and not line.endswith("|") for line in near)
    return median if 2 * len(near) >= len(long) and 2 * open_ended > len(near) else None


# How far from the wrap width a wrapped line may end (words are not cut: lines end short of it).
WRAP_SLACK = 12
# A line that opens a list item or a numbered heading starts a block of its own.
ITEM_START = re.compile(r"^\s*(?:[•*·–-]|\d{1,2}[.)]\s|[A-Z][a-z]{0,10}\s+\d+\b)")


def blocks(text: str) -> list[tuple[int, int]]:
    """Lines, with hard-wrapped lines joined: a line that ends mid-sentence and a next line that starts
    in lower case are one block; in a text wrapped at a fixed width, so are a line of about that width
    that ends mid-sentence and any next line that is no list item ('... in de brief van 10 september' +
    '2020 aan de Kamer.'). Blank lines are blocks of their own (paragraph breaks)."""
    lines = text.split("\n")
    width = wrap_width(lines)
    out: list[tuple[int, int]] = []
    pos = 0
    for line in lines:
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if out and line.strip():
            plo, phi = out[-1]
            # the block's last line only: a block's lines after its first are never blank, so the block
            # is blank, or ends finished, as its last line is or does (reading the whole block for each
            # line made a long block of joined lines, a pasted table, cost the square of its length)
            cut = text.rfind("\n", plo, phi)
            last = text[cut + 1 if cut >= 0 else plo : phi].rstrip()
            wrapped = width is not None and width - 2 * WRAP_SLACK <= len(last) <= width + WRAP_SLACK
            fields = "|" in last or "|" in line  # a row of a table is no wrapped sentence
            goes_on = line.lstrip()[:1].islower() or (wrapped and not fields and not ITEM_START.match(line))
            if last and last[-1] not in FINISHED_MARKS and goes_on:
                out[-1] = (plo, hi)
                continue
        out.append((lo, hi))
    return out


def split_sentences(text: str, language: str, title: str | None = None) -> list[Segment]:
    """Story sentences (with paragraph numbers) and footnote segments, in document order."""
    notes = footnote_spans(text)
    story = blank(text, [(a, b) for a, b, _, _ in notes] + [m.span() for m in FOOTNOTE_MARKER.finditer(text)])
    out: list[Segment] = []
    paragraph = 0
    for lo, hi in blocks(story):
        line = story[lo:hi]
        if not line.strip():
            paragraph += 1
            continue
        kind = "footnote" if URL_LINE.match(line) else "story"
        for s, e in (p for span in split_line(story, lo, hi, language) for p in cut_long(story, *span)):
            s, e = trim(story, s, e)
            if e - s < MIN_CHARS:
                continue
            k = kind
            if lo == 0 and title and text[s:e].strip() == title.strip():
                k = "title"
            out.append(Segment(s, e, text[s:e], paragraph, k))
        # A single newline after a finished sentence starts a new paragraph (texts without blank lines).
        if FINISHED.search(line) or len(line.strip()) < 120:
            paragraph += 1
    for _, _, bs, be in notes:
        bs, be = trim(text, bs, be)
        if be - bs >= MIN_CHARS:
            out.append(Segment(bs, be, text[bs:be], -1, "footnote"))
    out.sort(key=lambda s: s.start)
    return out
