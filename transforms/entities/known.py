"""Known names (countries, places, organisations, unions from the gazetteer) and the role each plays.

The longest case-sensitive match wins. Organisations act; places are places. A country is a place after a
preposition (`naar Rwanda`, `in Belgium`); it acts after an agentive one (`door`, `met`, `tussen`, `by`,
`with`, `between`), and after `van`/`of`/`uit`/`from` when an institution (then also at home: a place),
a title or an acting noun heads it (`authorities from Austria`, `Prime Minister of Albania`, `at the
invitation of the UK`); after a source preposition it is an origin, neither (`asielzoekers uit Syrië`), and so
are the countries a sentence about origins lists after a copula (`the main countries of origin were Syria and
Eritrea`); unguarded it is both (`België en het VK hebben ...`), except as the object of an
English verb (`entered the UK`: a place). A union (`EU`) acts, and is
a place only after a preposition of territory (`into the EU`). Conjuncts share the role of the first; the
parts of a hyphen compound (`EU-Turkije Top`, `UK-Albania`) are parties; a known name inside a lower-case
compound (`GroenLinks-PvdA-fractie`) is no name.
"""

from __future__ import annotations

import bisect

from transforms.entities.lexicon import Gazetteer
from transforms.entities.words import PART_SPLIT_RE, Mention, is_title, word_before
from transforms.sentences import Token


def acting_head_before(tokens: list[Token], j: int, gaz: Gazetteer) -> tuple[bool, bool] | None:
    """The role of a country after the preposition at j when the word before it acts through it:
    an institution (`authorities from Austria`: they act, and at home) or a title or an acting noun
    (`Minister of Internal Affairs of Belgium`, `invitation of the UK`: the country acts); else None."""
    k = word_before(tokens, j, gaz)
    while k >= 0 and tokens[k].text[:1].isupper() and tokens[k].low in gaz.portfolios:
        k = word_before(tokens, k, gaz)
        if k >= 0 and tokens[k].low in gaz.brief_prepositions:
            k = word_before(tokens, k, gaz)
    if k < 0:
        return None
    low = tokens[k].low
    if low.startswith(gaz.institutions) or low in gaz.government_nouns:
        return (True, True)
    if is_title(low, gaz) or low in gaz.acting_nouns:
        return (True, False)
    return None


def country_role(tokens: list[Token], i: int, kind: str, gaz: Gazetteer) -> tuple[bool, bool] | None:
    """(actor, location) of a country or union whose first token is i; None when a coordinator governs
    it (the caller gives it the role of the conjunct before)."""
    j = word_before(tokens, i, gaz)
    if j < 0:
        return (True, kind == "country")
    word = tokens[j].low
    if word in gaz.coordinators:
        return None
    if word in gaz.agentive:
        return (True, False)
    acting = acting_head_before(tokens, j, gaz) if word in gaz.genitive else None
    if acting is not None:
        return acting if kind == "country" else (True, False)
    if kind == "union":
        return (False, True) if word in gaz.territory else (True, False)
    if (
        word in gaz.source_prepositions
        or (word in gaz.copulas or word == ":")
        and about_origins(tokens, j, gaz)
    ):
        return (False, False)  # `nareizigers uit Syrië`, `herkomstlanden ... zijn Afghanistan, Iran`: origins
    if word in gaz.prepositions:
        return (False, True)
    if gaz.objects_follow_verbs and is_content_word(tokens[j], gaz):
        return (False, True)  # `entered the UK`: the object of a verb
    return (True, True)


def about_origins(tokens: list[Token], j: int, gaz: Gazetteer) -> bool:
    """Does an origin noun (`herkomstlanden`, `countries of origin`) stand before token j?"""
    return any(tokens[k].low in gaz.origin_nouns for k in range(j))


def is_content_word(tok: Token, gaz: Gazetteer) -> bool:
    """A lower-case word that is no function word, preposition or determiner (a verb, mostly)."""
    low = tok.low
    if tok.kind != "word" or not tok.text.islower():
        return False
    return not (low in gaz.function_words or low in gaz.prepositions or low in gaz.determiners)


def is_common_compound(tok: Token, name_end: int) -> bool:
    """Does the token go on past the name into a lower-case part (`GroenLinks-PvdA-fractie`)?"""
    return tok.end > name_end and tok.text[-1].islower() and PART_SPLIT_RE.split(tok.text)[-1][:1].islower()


def match_known_names(sentence: str, tokens: list[Token], starts: list[int], gaz: Gazetteer) -> list[Mention]:
    """Gazetteer names with their roles (rule 1). `starts`: the tokens' start offsets."""
    mentions: list[Mention] = []
    previous_role: tuple[bool, bool] = (True, True)
    previous_end = -1
    for m in gaz.names_re.finditer(sentence):
        name, kind = m.group(), gaz.kinds[m.group()]
        if kind in ("organisation", "place"):
            index = bisect.bisect_right(starts, m.start()) - 1
            if index >= 0 and is_common_compound(tokens[index], m.end()):
                continue
        if kind == "organisation":
            mentions.append(Mention(m.start(), m.end(), name, kind, True, False))
            continue
        if kind == "place":
            mentions.append(Mention(m.start(), m.end(), name, kind, False, True))
            continue
        index = bisect.bisect_right(starts, m.start()) - 1  # the token holding the name's start
        if index >= 0 and is_common_compound(tokens[index], m.end()):
            continue  # `GroenLinks-PvdA-fractie`, `EU-landen`: a common noun
        if index >= 0 and tokens[index].start < m.start():
            role = (True, False)  # the second part of a hyphen compound: `EU-Turkije Top`
        elif previous_end >= 0 and sentence[previous_end : m.start()] == "-":
            role = (True, False)
        elif sentence[m.end() : m.end() + 1] == "-" and sentence[m.end() + 1 : m.end() + 2].isupper():
            role = (True, False)  # the first part of a hyphen compound: `UK-Albania Joint Communique`
        elif sentence[m.end() : m.end() + 2] in ("'s", "’s"):
            role = (True, True)  # `Russia's invasion`: the possessor acts
        else:
            role = country_role(tokens, max(index, 0), kind, gaz) or previous_role
        if kind == "union" and role == (True, True):
            role = (True, False)
        previous_role, previous_end = role, m.end()
        mentions.append(Mention(m.start(), m.end(), name, kind, *role))
    return mentions
