"""Sentences that name nobody, or only by a few lower-case words, told apart without tokenizing them:
`reading_extent(sentence, language)`.

Most sentences of a text hold no capital after their first word and none of the few lower-case words
the rules read (first person, address, the government, office titles, bodies). For such a sentence every
rule of `mentions.find_mentions` comes up empty unless its first word names something itself: a known
name (`Europol`), a demonym (`Belgische politie`), an organisation's head word (`Council`), or a word
before a speech verb (`Starmer said`). The sieve checks exactly these, so `find_mentions` skips only
sentences where it would find nothing, and reads the key words of the others only as far as the last of
them (tests/test_entities.py compares this with the whole reading on every seed sentence).
"""

from __future__ import annotations

import re
from functools import cache

from transforms.entities.lexicon import Gazetteer, load_gazetteer
from transforms.sentences import TOKEN_RE

# A word as `sentences.TOKEN_RE` reads one (letters, hyphens and apostrophes inside).
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’&][^\W\d_]+)*")


@cache
def head_words(language: str) -> frozenset[str]:
    return frozenset(load_gazetteer(language).org_heads)


def first_word_names(sentence: str, first: re.Match[str], gaz: Gazetteer, heads: frozenset[str]) -> bool:
    """Could the sentence's first word name something on its own: a demonym, an organisation's head word
    (`heads`), or a word before a speech verb (the token right after it, as `runs.read_run_mentions` reads
    it)?"""
    word = first.group().lower()
    if word in gaz.demonyms or word in heads:
        return True
    if word.endswith(("'s", "’s")) and (word[:-2] in gaz.demonyms or word[:-2] in heads):
        return True  # `Starmer's`, as `tokenize` strips it
    after = TOKEN_RE.search(sentence, first.end())
    if after is None:
        return False
    verb = after.group().lower()
    if len(verb) > 2 and verb.endswith(("'s", "’s")):
        verb = verb[:-2]  # as `tokenize` strips a possessive (`Laan zei’s ...`)
    return verb in gaz.speech_verbs


# `reading_extent` when a sentence must be read whole, with every rule.
WHOLE = -1


def reading_extent(sentence: str, language: str) -> int:
    """How much of `sentence` `find_mentions` must read: WHOLE (-1), with every rule; 0, nothing (it names
    nobody); n > 0, only the tokens up to the key words (`Gazetteer.key_words`: first person, address, the
    government, offices, bodies), which all end by n: the sentence names nobody else (no capital after
    its first word, no known name, a first word that names nothing by itself)."""
    gaz = load_gazetteer(language)
    first = WORD_RE.search(sentence)
    if first is None:
        return 0 if gaz.names_re.search(sentence) is None else WHOLE  # no word at all
    if not sentence[first.end() :].islower():
        return WHOLE  # a capital after the first word (or no cased letter at all)
    if gaz.names_re.search(sentence) or first_word_names(sentence, first, gaz, head_words(language)):
        return WHOLE
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        return WHOLE  # a letter whose lower case is longer (`İ`): offsets would not hold
    words = WORD_RE.findall(lowered)  # the words as tokens read them (lower-cased)
    found = gaz.key_words.intersection(words)
    if "'s" in sentence or "’s" in sentence:  # `minister's`, as `tokenize` strips it
        found |= gaz.key_words.intersection(w[:-2] for w in words if w.endswith(("'s", "’s")))
    # the end of the last occurrence of a key word: of its last token, or later (inside a longer word)
    return max((lowered.rfind(w) + len(w) for w in found), default=0)
