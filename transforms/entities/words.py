"""The records and word tests every entity rule shares: `Mention`, `Link`, tokens, capitals, titles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.entities.lexicon import Gazetteer
from transforms.sentences import Token, scan_tokens

# Where a hyphenated or apostrophe word splits into parts (`Labour-regering`, `O'Brien`).
PART_SPLIT_RE = re.compile(r"[-’']")

# A sentence starts again after these (headlines and quotes are often glued into one "sentence").
START_MARKS = set(".!?:;“”\"‘'«»–—[\n|")  # `|`: a table cell

ARTICLES = {"de", "het", "the", "een", "a", "an"}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    kind: str  # person | organisation | function | institution | government | name | country | union |
    # place | title | self | addressee | start (a sentence's first word that may name an organisation)
    actor: bool
    location: bool
    title: str = ""  # a person's title, lower case (`minister-president`), for bare titles to find them


@dataclass(frozen=True, slots=True)
class Link:
    """Two names of one entity in a sentence: an acronym in parentheses, an office in apposition."""

    short: str
    full: str
    kind: str  # acronym | apposition
    start: int  # the span both take in the sentence
    end: int


def tokenize(sentence: str, scanned: list[Token] | None = None) -> list[Token]:
    """The sentence's tokens (`sentences.scan_tokens`), possessives stripped from words. `scanned`:
    `scan_tokens(sentence)`, when the caller has it already (it is not changed)."""
    tokens = scan_tokens(sentence) if scanned is None else scanned
    if "'s" in sentence or "’s" in sentence:  # the rare sentence with a possessive
        tokens = [strip_possessive(tok) for tok in tokens]
    return tokens


def strip_possessive(tok: Token) -> Token:
    """UK’s -> UK. A word never ends in an apostrophe (TOKEN_RE needs letters after one), so a
    possessive is exactly a word of three or more characters ending in 's."""
    if tok.kind == "word" and len(tok.text) > 2 and tok.text.endswith(("'s", "’s")):
        text = tok.text[:-2]
        return Token(tok.kind, text, tok.start, tok.end - 2, text.lower())
    return tok


def find_sentence_starts(tokens: list[Token], sentence: str) -> set[int]:
    """Indices of word tokens that open a sentence, a quote or a clause after a colon."""
    starts, opened = set(), True
    for i, tok in enumerate(tokens):
        if tok.kind == "word":
            if opened or "\n" in sentence[tokens[i - 1].end if i else 0 : tok.start]:
                starts.add(i)
            opened = False
        elif tok.kind == "sym" and tok.text in START_MARKS:
            opened = True
    return starts


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
    return low in gaz.titles or low in gaz.office_titles


def word_before(tokens: list[Token], i: int, gaz: Gazetteer) -> int:
    """Index of the word before token i, articles and determiners skipped; -1 when none."""
    j = i - 1
    while j >= 0 and (tokens[j].low in ARTICLES or tokens[j].low in gaz.determiners):
        j -= 1
    return j
