"""Actors named by common nouns: offices, bodies, institutions, the government, first person and address.

An office named by its title and brief with no name after it acts (`de Minister van Defensie`,
`Commissioner for Home Affairs`); so does a body named by its brief (`commissie voor Justitie en
Veiligheid`); a bare title (`de Minister-President`) is left for the document to resolve. A demonym before
an institution noun acts (`Belgische politie`), before a government noun it is the country acting (`the
Dutch government` -> `Netherlands`), before a geographic noun after a locative preposition it is a place
(`in the Nigerien desert`). The government named bare (`het kabinet`, `the government`) acts. First
person (`ik`, `wij`, `I`, `we`) and address (`u`, `uw Kamer`) are left for the document to resolve.
"""

from __future__ import annotations

from transforms.entities.lexicon import Gazetteer
from transforms.entities.words import ARTICLES, Mention, is_capitalised, word_before
from transforms.sentences import Token


def find_institutions(
    tokens: list[Token], capitals: list[int], sentence: str, gaz: Gazetteer
) -> list[Mention]:
    """`de Belgische politie`, `French authorities` act, `the Dutch government` is the country acting;
    `in the Nigerien desert` is a place, and `the Dutch borders`, `de Nederlandse asielinstroom` are the
    country as the place (rule 5). `capitals`: the indices of the capitalised words."""
    mentions = []
    for i in capitals:
        if i + 1 >= len(tokens):
            break
        tok, nxt = tokens[i], tokens[i + 1]
        if tok.low not in gaz.demonyms or nxt.kind != "word":
            continue
        noun, span = nxt.low, (tok.start, nxt.end)
        country = gaz.demonym_countries.get(tok.low)
        if noun in gaz.government_nouns and country:
            mentions.append(Mention(*span, country, "nation", True, False))  # `the Dutch government`
        elif noun.startswith(gaz.institutions):
            mentions.append(Mention(*span, sentence[span[0] : span[1]], "institution", True, False))
        elif country and noun.endswith(gaz.territory_nouns):
            mentions.append(Mention(*span, country, "nation", False, True))  # `the Dutch borders`
        elif noun in gaz.geographic_nouns and tokens[word_before(tokens, i, gaz)].low in gaz.locative:
            # `in the Nigerien desert`
            mentions.append(Mention(*span, sentence[span[0] : span[1]], "place", False, True))
    return mentions


def read_brief(tokens: list[Token], i: int, gaz: Gazetteer) -> int:
    """The index after the brief that follows the title at i (`van Justitie en Veiligheid`), or i + 1."""
    end = i + 1
    k = i + 1
    while k < len(tokens) and tokens[k].low in gaz.brief_prepositions:
        k += 1
        while k < len(tokens) and tokens[k].low in ARTICLES:
            k += 1
        words = 0
        while k < len(tokens):
            tok = tokens[k]
            brief_word = tok.text[:1].isupper() and (
                tok.low in gaz.portfolios or tok.low.endswith(gaz.org_heads)
            )
            if brief_word and not taken_by_name(tok, gaz):
                words += 1
                k += 1
            elif (
                words
                and tok.low in gaz.coordinators
                and k + 1 < len(tokens)
                and tokens[k + 1].low in gaz.portfolios
            ):
                k += 1  # `Volksgezondheid, Welzijn en Sport`
            else:
                break
        if not words:
            break
        end = k
    return end


def taken_by_name(tok: Token, gaz: Gazetteer) -> bool:
    return gaz.kinds.get(tok.text) in ("country", "union")


def names_a_person(tok: Token, gaz: Gazetteer) -> bool:
    """Could the word after a title and its brief open the office holder's name?"""
    if not is_capitalised(tok) or tok.low in gaz.function_words or tok.low in gaz.particles:
        return False
    return not taken_by_name(tok, gaz)


def find_offices(tokens: list[Token], keyed: list[int], sentence: str, gaz: Gazetteer) -> list[Mention]:
    """Offices and bodies named by their brief (rule 4), and bare office titles. `keyed`: the indices of
    the tokens that are key words (`Gazetteer.key_words`), office titles and bodies among them."""
    mentions = []
    for i in keyed:
        tok = tokens[i]
        office, body = tok.low in gaz.office_titles, tok.low in gaz.body_nouns
        if not (office or body) or tok.kind != "word":
            continue
        end = read_brief(tokens, i, gaz)
        follower = tokens[end] if end < len(tokens) else None
        if follower and names_a_person(follower, gaz):
            continue  # a name follows: the person (the runs read it)
        first = i
        while (
            first > 0
            and tokens[first - 1].text[:1].isupper()
            and tokens[first - 1].low in (gaz.portfolios | gaz.demonyms)
        ):
            first -= 1  # `European Commissioner`, `Home Secretary`
        start, stop = tokens[first].start, tokens[end - 1].end
        name = sentence[start:stop]
        if end > i + 1:
            kind = "function" if office else "organisation"
            mentions.append(Mention(start, stop, name, kind, True, False))
        elif office:
            mentions.append(Mention(start, stop, name, "title", False, False, tok.low))
    return mentions


def find_references(tokens: list[Token], keyed: list[int], sentence: str, gaz: Gazetteer) -> list[Mention]:
    """The bare government (`het kabinet`), an organisation by its kind (`the Agency`), first person and
    address (rules 5 and 6). `keyed`: the
    indices of the tokens that are key words (`Gazetteer.key_words`)."""
    mentions = []
    for i in keyed:
        tok = tokens[i]
        if tok.kind != "word":
            continue
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        low = tok.low
        if low in gaz.government_nouns and prev is not None and prev.low in gaz.determiners:
            if nxt is None or nxt.low not in gaz.genitive:
                mentions.append(Mention(tok.start, tok.end, tok.text, "government", True, False))
        elif low in gaz.kind_nouns and prev is not None and prev.low in gaz.determiners:
            if nxt is None or not (
                nxt.low in gaz.genitive or is_capitalised(nxt)
            ):  # not `the Agency for ...`
                mentions.append(Mention(tok.start, tok.end, low, "description", False, False))  # `the Agency`
        elif low in gaz.first_person and (
            low != "i" or (tok.text == "I" and nxt is not None and nxt.text.islower())
        ):
            mentions.append(Mention(tok.start, tok.end, tok.text, "self", False, False))
        elif low in gaz.addressee_words and tok.text.islower():
            mentions.append(Mention(tok.start, tok.end, tok.text, "addressee", False, False))
        elif tok.low in gaz.addressee_nouns and tok.text[0].isupper() and prev is not None:
            continued = nxt is not None and (nxt.low in gaz.brief_prepositions or is_capitalised(nxt))
            if (
                prev.low in gaz.addressee_determiners and not continued
            ):  # not `the Committee for Home Affairs`
                mentions.append(
                    Mention(prev.start, tok.end, sentence[prev.start : tok.end], "addressee", False, False)
                )
    return mentions
