"""Who and where one sentence names: `find_mentions(sentence, language)` -> mentions with their kinds,
and `extract_entities(sentence, language)` -> (actors, locations).

The rules, each in its module (word lists in `resources/<lang>/gazetteer.json`): known names and their
roles (`known`), unknown capitalised names (`runs`), offices, institutions, the government, first person
and address (`offices`), and names side by side in parentheses or apposition (`ties`). What needs the
rest of the document (pronouns, address, bare titles, short forms) is resolved by `document`.
"""

from __future__ import annotations

import bisect

from transforms.entities.known import match_known_names
from transforms.entities.lexicon import Gazetteer, load_gazetteer
from transforms.entities.offices import find_institutions, find_offices, find_references
from transforms.entities.runs import find_runs, free_words, is_heading, read_run_mentions
from transforms.entities.sieve import reading_extent
from transforms.entities.ties import drop_nested, find_aliases, tie_parentheses
from transforms.entities.words import Link, Mention, find_sentence_starts, scan, tokenize
from transforms.sentences import Token

__all__ = ["Link", "Mention", "extract_entities", "find_mentions", "tokenize"]


def find_mentions(
    sentence: str, language: str, scanned: list[Token] | None = None
) -> tuple[list[Mention], list[Link]]:
    """The mentions of `sentence` (offsets into it) in order, and the name links it states.

    >>> [m.name for m in find_mentions("Het Openbaar Ministerie (OM) sprak in Londen.", "nl")[0]]
    ['Openbaar Ministerie', 'Londen']
    """
    gaz = load_gazetteer(language)
    extent = reading_extent(sentence, language)
    if extent == 0:
        return [], []
    if extent > 0:
        return read_key_words(sentence, tokenize(sentence, scanned or scan(sentence, extent)), gaz)
    tokens = tokenize(sentence, scanned)
    token_starts = [t.start for t in tokens]
    # The few tokens the rules start from: capitalised words, and the lower-case words they read.
    capitals = [k for k, t in enumerate(tokens) if t.kind == "word" and t.text[0].isupper()]
    keyed = [k for k, t in enumerate(tokens) if t.low in gaz.key_words]
    known = [
        m
        for m in match_known_names(sentence, tokens, token_starts, gaz)
        if not heads_an_organisation(m, tokens, token_starts, gaz)
    ]
    references = find_references(tokens, keyed, sentence, gaz)
    taken: set[int] = set()
    for m in known + [r for r in references if r.kind == "addressee"]:
        k = bisect.bisect_left(token_starts, m.start)
        while k < len(tokens) and tokens[k].start < m.end:
            taken.add(k)
            k += 1
    starts = find_sentence_starts(tokens, sentence, capitals)
    free = free_words(tokens, capitals, taken, starts, gaz)
    mentions = list(known)
    if free and not is_heading(tokens, gaz):
        for run in find_runs(tokens, free, gaz):
            mentions.extend(read_run_mentions(run, tokens, sentence, starts, gaz))
    mentions.extend(find_institutions(tokens, capitals, sentence, gaz))
    mentions.extend(find_offices(tokens, keyed, sentence, gaz))
    mentions.extend(references)
    kept, links = tied(mentions, sentence, gaz)
    if "(" in sentence:
        links = links + find_aliases(kept, sentence, gaz)
    return kept, links


def heads_an_organisation(m: Mention, tokens: list[Token], token_starts: list[int], gaz: Gazetteer) -> bool:
    """A known place right before or after a capitalised organisation head names the organisation with
    it (`Kent Police`, `Rechtbank Den Haag`, `Politie Limburg`): the run of both is read as one name,
    not as a place and a body."""
    if m.kind not in ("place", "country"):
        return False

    def head(tok: Token) -> bool:
        return tok.kind == "word" and tok.text[:1].isupper() and tok.low in gaz.org_heads

    k = bisect.bisect_left(token_starts, m.end)
    if k < len(tokens) and tokens[k].start - m.end <= 1 and head(tokens[k]):
        return True
    j = bisect.bisect_left(token_starts, m.start) - 1
    return j >= 0 and m.start - tokens[j].end <= 1 and head(tokens[j])


def tied(mentions: list[Mention], sentence: str, gaz: Gazetteer) -> tuple[list[Mention], list[Link]]:
    """Nested mentions dropped, parentheses and appositions tied (`ties`); a lone mention stays as it is."""
    if len(mentions) <= 1:
        return mentions, []
    return tie_parentheses(drop_nested(mentions, sentence), sentence, gaz)


def read_key_words(sentence: str, tokens: list[Token], gaz: Gazetteer) -> tuple[list[Mention], list[Link]]:
    """The mentions of a sentence that names nobody but by its key words (`sieve.reading_extent`): offices
    and references. `tokens`: the sentence's, or those up to the one after its last key word."""
    keyed = [k for k, t in enumerate(tokens) if t.low in gaz.key_words]
    mentions = find_offices(tokens, keyed, sentence, gaz) + find_references(tokens, keyed, sentence, gaz)
    return tied(mentions, sentence, gaz)


def extract_entities(
    sentence: str, language: str, scanned: list[Token] | None = None
) -> tuple[list[str], list[str]]:
    """(actors, locations) named in `sentence` alone, each deduplicated in order of appearance; names
    that need the rest of the document (pronouns, bare titles) are left out. `read_entities` reads a
    whole document and resolves them. `scanned`: `sentences.scan_tokens(sentence)`, when the caller has it.

    >>> extract_entities("De Britse premier Keir Starmer sprak in Londen.", "nl")
    (['Keir Starmer'], ['Londen'])
    """
    mentions, _ = find_mentions(sentence, language, scanned)
    actors = list(dict.fromkeys(m.name for m in mentions if m.actor))
    locations = list(dict.fromkeys(m.name for m in mentions if m.location))
    return actors, locations
