"""Unknown names: runs of capitalised words, and what they are.

A run takes particles inside (`van der`, `of the`; `en`/`and` only in an organisation's name, and it
splits at `en`/`and` between two organisations), initials (`A.G. Koenders`) and a capitalised particle
opening it mid-sentence (`Ter Apel`). It splits at person titles; after a title the minister's brief is
stripped. Runs of only demonyms, briefs or generic nouns (`Member States`), month or weekday names, runs
holding a document or event word (`Actieplan`, `Agenda`, `Top`, `Overleg`), a run after a document noun
(`het programma Samen`), a Roman numeral after a number and a plural acronym (`NGOs`) are no names, and
in a title-case heading capitals say nothing. A one-word run at a sentence start is an ordinary word
unless a speech or action verb follows (or it heads an organisation the document names: left to the
document). A run after a locative preposition or a geographic noun (`het eiland Kos`) is a place; after a
title a person; with an organisation's head word an organisation; else a name that acts.
"""

from __future__ import annotations

import re

from transforms.entities.lexicon import Gazetteer
from transforms.entities.words import (
    Mention,
    has_org_head,
    is_capitalised,
    is_document_word,
    is_initial,
)
from transforms.sentences import Token

# Capitalised mid-sentence, these open no name (a heading's words); `De`, `Van`, `Ter` open surnames and places.
NOT_OPENERS = {"the", "het", "een", "a", "an", "and", "en", "of", "for", "voor", "op", "on"}

ROMAN_RE = re.compile(r"[IVXLC]{1,5}\Z")

PLURAL_ACRONYM_RE = re.compile(r"[A-Z]{2,}s\Z")


def free_words(
    tokens: list[Token], capitals: list[int], taken: set[int], starts_at: set[int], gaz: Gazetteer
) -> set[int]:
    """Which tokens may be words of an unknown name, of `capitals` (the capitalised words' indices)."""

    def free(k: int) -> bool:
        tok = tokens[k]
        if k in taken:
            return False
        glued = (k > 0 and tokens[k - 1].kind == "num" and tokens[k - 1].end == tok.start) or (
            k + 1 < len(tokens) and tokens[k + 1].kind == "num" and tokens[k + 1].start == tok.end
        )  # 20242024Z19016: a code, not a name
        if glued:
            return False
        if not is_capitalised(tok):
            # `Anti-trafficking Team`: a capitalised compound inside a name
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            return "-" in tok.text and nxt is not None and nxt.kind == "word" and is_capitalised(nxt)
        if is_initial(tokens, k):
            return not (k in starts_at and ROMAN_RE.match(tok.text))  # `I. Mensenhandel`: a heading's number
        if tok.low in gaz.function_words:
            # `Ter Apel`, `Van der Laan`: a capitalised particle opens a name, but not a sentence's
            opener = tok.low in gaz.particles and tok.low not in NOT_OPENERS and tok.text.istitle()
            return opener and k not in starts_at and k + 1 < len(tokens)
        return True

    return {k for k in capitals if free(k)}


def find_runs(tokens: list[Token], free: set[int], gaz: Gazetteer) -> list[list[int]]:
    """Runs of capitalised tokens (indices), particles allowed between them and initials glued on."""
    runs: list[list[int]] = []
    j = 0  # the first token after the last run
    for i in sorted(free):
        if i < j:
            continue
        run = [i]
        j = i + 1
        while j < len(tokens):
            if j in free:
                run.append(j)
                j += 1
                continue
            if tokens[j].text == "." and is_initial(tokens, run[-1]) and j + 1 in free:
                run.extend((j, j + 1))  # `A.G. Koenders`
                j += 2
                continue
            k = j  # up to two particles, then a name word: `van der`, `of the`
            while k < len(tokens) and k - j < 2 and tokens[k].low in gaz.particles:
                k += 1
            if k == j or k not in free or tokens[k].low in gaz.calendar:
                break  # not across a particle to a month or weekday: `Wimereux on Sunday`
            org_only = {tokens[p].low for p in range(j, k)} & {"en", "and"}
            if org_only:
                words = [tokens[p].text for p in run] + following_words(tokens, free, k, gaz)
                if not has_org_head(words, gaz):
                    break
                if has_org_head([tokens[p].text for p in run], gaz) and has_org_head(
                    following_words(tokens, free, k, gaz), gaz
                ):
                    break  # `State Police and Regional Border and Migration Police`: two organisations
            run.extend(range(j, k + 1))
            j = k + 1
        if tokens[run[0]].low in gaz.particles and len(run) == 1:
            continue  # a lone capitalised particle
        runs.append(run)
    return runs


def following_words(tokens: list[Token], free: set[int], k: int, gaz: Gazetteer, limit: int = 8) -> list[str]:
    """The capitalised words from k on, particles between (at most `limit` tokens): an organisation's head
    may come after `and` (`Regional Border and Migration Police`)."""
    words = []
    end = min(len(tokens), k + limit)
    while k < end and (k in free or tokens[k].low in gaz.particles):
        if k in free:
            words.append(tokens[k].text)
        k += 1
    return words


def is_heading(tokens: list[Token], gaz: Gazetteer) -> bool:
    """A title-case line (`Decline in Illegal Border Crossings in the Western Balkans`): four longer words
    or more, every one capitalised, no comma, number or closing full stop; capitals say nothing there."""
    if not tokens or tokens[-1].text in ".!?" or any(t.kind == "num" or t.text == "," for t in tokens):
        return False
    long_words = [
        t for t in tokens if t.kind == "word" and len(t.text) >= 3 and t.low not in gaz.function_words
    ]
    return len(long_words) >= 4 and all(t.text[0].isupper() for t in long_words)


def title_before(tokens: list[Token], first: int, gaz: Gazetteer) -> str:
    """A lower-case title before the run, particles and brief words between (`minister voor Migratie`)."""
    j = first - 1
    while j >= 0 and (tokens[j].low in gaz.particles or tokens[j].low in gaz.portfolios):
        j -= 1
    return tokens[j].low if j >= 0 and tokens[j].low in gaz.all_titles else ""


def split_at_titles(run: list[int], tokens: list[Token], gaz: Gazetteer) -> list[tuple[list[int], str]]:
    """Pieces of a run as (token indices, the title before it or ""). Before a title only organisations
    survive."""
    titles = gaz.all_titles
    if not any(tokens[k].low in titles for k in run):
        return [(run, title_before(tokens, run[0], gaz))]  # most runs: no title inside
    pieces: list[tuple[list[int], str]] = []
    current: list[int] = []
    title = title_before(tokens, run[0], gaz)
    for k in run:
        if tokens[k].low in titles:
            if current and has_org_head([tokens[p].text for p in current], gaz):
                pieces.append((current, title))
            current, title = [], tokens[k].low
        else:
            current.append(k)
    if current:
        pieces.append((current, title))
    return pieces


def trim_piece(piece: list[int], titled: bool, tokens: list[Token], gaz: Gazetteer) -> list[int]:
    """Strip particles at both ends, and the minister's brief after a title."""
    first, last = 0, len(piece)
    while first < last:
        tok = tokens[piece[first]]
        low = tok.low
        if tok.text[0].isupper() and low in gaz.particles and last - first > 1:
            break  # `Van der Laan`: a capitalised particle opens a surname
        if not (low in gaz.particles or low in gaz.function_words or (titled and low in gaz.portfolios)):
            break
        first += 1
    while first < last:
        low = tokens[piece[last - 1]].low
        if not (low in gaz.particles or (titled and low in gaz.portfolios)):  # `Van der Laan van Justitie`
            break
        last -= 1
    return piece[first:last] if first or last < len(piece) else piece


def names_a_document(word: str, gaz: Gazetteer) -> bool:
    """`Actieplan`, `Beleidskader`, `Agenda`, `Top`: a document or an event, also as a compound's end."""
    return is_document_word(word, gaz)


def is_not_a_name(piece: list[int], tokens: list[Token], gaz: Gazetteer) -> bool:
    words = [tokens[k].low for k in piece if tokens[k].kind == "word"]
    if all(w in gaz.no_name_words for w in words):
        return True
    if len(words) == 1 and words[0] in gaz.calendar:
        return True  # Monday, November
    if len(piece) == 1 and PLURAL_ACRONYM_RE.match(tokens[piece[0]].text):
        return True  # NGOs
    before = piece[0] - 1
    if (
        len(piece) == 1
        and ROMAN_RE.match(tokens[piece[0]].text)
        and before >= 0
        and tokens[before].kind == "num"
    ):
        return True  # `kamerstuk 35 300 VI`
    if before >= 0 and tokens[before].low in gaz.title_nouns:
        return True  # `het programma Samen tegen mensenhandel`
    return any(names_a_document(tokens[k].text, gaz) for k in piece if tokens[k].kind == "word")


def read_run_mentions(
    run: list[int], tokens: list[Token], sentence: str, starts: set[int], gaz: Gazetteer
) -> list[Mention]:
    mentions = []
    for piece, title in split_at_titles(run, tokens, gaz):
        piece = trim_piece(piece, bool(title), tokens, gaz)
        if not piece:
            continue
        after = piece[-1] + 1
        next_word = tokens[after].low if after < len(tokens) else ""
        if piece[0] in starts and len(piece) == 1 and not title and next_word not in gaz.speech_verbs:
            tok = tokens[piece[0]]
            if tok.low in gaz.org_heads and not is_not_a_name(piece, tokens, gaz):
                # `Council conclusions`: the document may name the Council in full
                mentions.append(Mention(tok.start, tok.end, tok.text, "start", False, False))
            continue  # an ordinary word capitalised by its position
        if is_not_a_name(piece, tokens, gaz):
            continue
        if any(tokens[k].low in gaz.calendar for k in piece) and has_number_near(piece, tokens):
            continue  # `November 21`
        start, end = tokens[piece[0]].start, tokens[piece[-1]].end
        before = tokens[piece[0] - 1].low if piece[0] > 0 else ""
        words = [tokens[k].text for k in piece]
        org = has_org_head(words, gaz)
        if not title and not org and (before in gaz.locative or after_geographic_noun(tokens, piece[0], gaz)):
            mentions.append(Mention(start, end, sentence[start:end], "place", False, True))
            continue
        kind = "person" if title and not org else "organisation" if org else "name"
        mentions.append(Mention(start, end, sentence[start:end], kind, True, False, title))
    return mentions


def after_geographic_noun(tokens: list[Token], first: int, gaz: Gazetteer) -> bool:
    """`het eiland Kos`, `the island of Kos`: a name right after a geographic noun (`of`/`van` between)."""
    j = first - 1
    if j >= 0 and tokens[j].low in gaz.genitive:
        j -= 1
    return j >= 0 and tokens[j].low in gaz.geographic_nouns


def has_number_near(piece: list[int], tokens: list[Token]) -> bool:
    neighbours = (piece[0] - 1, piece[-1] + 1)
    return any(0 <= k < len(tokens) and tokens[k].kind == "num" for k in neighbours)
