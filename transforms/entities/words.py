"""The records and word tests every entity rule shares: `Mention`, `Link`, tokens, capitals, titles."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from transforms.entities.lexicon import Gazetteer, load_gazetteer
from transforms.sentences import TOKEN_RE, Token, sliceable_lower

# Where a hyphenated or apostrophe word splits into parts (`Labour-regering`, `O'Brien`).
PART_SPLIT_RE = re.compile(r"[-’']")

# A sentence starts again after these (headlines and quotes are often glued into one "sentence").
START_MARKS = set(".!?:;“”\"‘'«»–—[\n|")  # `|`: a table cell

POSSESSIVE = ("'s", "’s")

ARTICLES = {"de", "het", "the", "een", "a", "an"}


class Mention(NamedTuple):
    """A name in a sentence (a named tuple: texts make thousands, and a tuple is cheap to create)."""

    start: int
    end: int
    name: str
    kind: str  # person | organisation | function | institution | government | name | country | union |
    # nation (a country named by its demonym: `the Dutch borders`) |
    # place | title | self | addressee | start (a sentence's first word that may name an organisation)
    actor: bool
    location: bool
    title: str = ""  # a person's title, lower case (`minister-president`), for bare titles to find them


class Link(NamedTuple):
    """Two names of one entity in a sentence: an acronym in parentheses, an office in apposition."""

    short: str
    full: str
    kind: str  # acronym | apposition
    start: int  # the span both take in the sentence
    end: int


def tokenize(sentence: str, scanned: list[Token] | None = None) -> list[Token]:
    """The sentence's tokens (`sentences.scan_tokens`), possessives stripped from words. `scanned`:
    `scan_tokens(sentence)`, when the caller has it already (it is not changed)."""
    tokens = scan(sentence) if scanned is None else scanned
    if "'s" in sentence or "’s" in sentence:  # the rare sentence with a possessive
        tokens = [strip_possessive(tok) if tok.text.endswith(POSSESSIVE) else tok for tok in tokens]
    return tokens


def scan(sentence: str, stop: int | None = None) -> list[Token]:
    """What `sentences.scan_tokens(sentence)` gives, made faster: each token's lower case sliced from the
    sentence's (where that is the same: no letter whose lower case is longer, no capital sigma, whose lower
    case depends on the letters around it). With `stop`: only the tokens that start before it and the one
    after them (the start of a sentence whose rest holds nothing to read)."""
    lowered = sliceable_lower(sentence)
    tokens = []
    new = tuple.__new__
    for m in TOKEN_RE.finditer(sentence):
        s, e = m.span()
        text = sentence[s:e]
        tokens.append(
            new(Token, (m.lastgroup, text, s, e, text.lower() if lowered is None else lowered[s:e]))
        )
        if stop is not None and s >= stop:
            break
    return tokens


def strip_possessive(tok: Token) -> Token:
    """UK’s -> UK. A word never ends in an apostrophe (TOKEN_RE needs letters after one), so a
    possessive is exactly a word of three or more characters ending in 's."""
    if tok.kind == "word" and len(tok.text) > 2 and tok.text.endswith(POSSESSIVE):
        text = tok.text[:-2]
        return Token(tok.kind, text, tok.start, tok.end - 2, text.lower())
    return tok


def find_sentence_starts(tokens: list[Token], sentence: str, among: list[int]) -> set[int]:
    """Which of the word tokens `among` (indices) open a sentence, a quote or a clause after a colon:
    no word before them, a start mark since the word before, or a line break right before them."""

    def opens(k: int) -> bool:
        if "\n" in sentence[tokens[k - 1].end if k else 0 : tokens[k].start]:
            return True
        j = k - 1
        while j >= 0 and tokens[j].kind != "word":
            if tokens[j].kind == "sym" and tokens[j].text in START_MARKS:
                return True
            j -= 1
        return j < 0

    return {k for k in among if opens(k)}


def is_capitalised(tok: Token) -> bool:
    if tok.kind != "word" or not tok.text[0].isupper():
        return False
    if "-" not in tok.text:
        return True
    return PART_SPLIT_RE.split(tok.text)[-1][:1].isupper()  # `Labour-regering` is a common noun


def is_initial(tokens: list[Token], k: int) -> bool:
    """`A.` of `A.G. Koenders`: one capital letter with a full stop glued on."""
    tok = tokens[k]
    return (
        tok.kind == "word"
        and len(tok.text) == 1
        and tok.text.isupper()
        and k + 1 < len(tokens)
        and tokens[k + 1].text == "."
        and tokens[k + 1].start == tok.end
    )


def has_org_head(words: list[str], gaz: Gazetteer) -> bool:
    return any(w.lower().endswith(gaz.org_heads) for w in words)


def is_title(low: str, gaz: Gazetteer) -> bool:
    return low in gaz.all_titles


def is_document_word(word: str, gaz: Gazetteer) -> bool:
    """`Actieplan`, `Beleidskader`, `Agenda`, `Top`: a document or an event, also as a compound's end."""
    return document_word(word, gaz.language)


@lru_cache(maxsize=8192)  # names recur in a text, and across texts
def document_word(word: str, language: str) -> bool:
    gaz = load_gazetteer(language)
    low = word.lower()
    if low in gaz.document_heads or low in gaz.event_heads:
        return True
    last = PART_SPLIT_RE.split(low)[-1]
    if last in gaz.document_heads or last in gaz.event_heads:
        return True
    return gaz.document_ends_re.match(low[::-1]) is not None  # `Beleidskader`: a head closing a compound


def word_before(tokens: list[Token], i: int, gaz: Gazetteer) -> int:
    """Index of the word before token i, articles and determiners skipped; -1 when none."""
    j = i - 1
    while j >= 0 and (tokens[j].low in ARTICLES or tokens[j].low in gaz.determiners):
        j -= 1
    return j
