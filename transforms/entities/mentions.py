"""Who and where one sentence names: `find_mentions(sentence, language)` -> mentions with their kinds.

Rules (word lists in `resources/<lang>/gazetteer.json`):

1. Known names first, every language's merged: the longest case-sensitive match wins. Organisations act;
   places are places. A country is a place after a preposition (`naar Rwanda`, `in Belgium`); it acts after
   an agentive one (`door`, `met`, `tussen`, `by`, `with`, `between`) and after `van`/`of`/`uit`/`from`
   when an institution or a title heads it (`authorities from Austria`, `Prime Minister of Albania`);
   unguarded it is both (`België en het VK hebben ...`). A union (`EU`) acts, and is a place only after a
   preposition of territory (`into the EU`). Conjuncts share the role of the first; the parts of a hyphen
   compound (`EU-Turkije Top`, `UK-Albania`) are parties.
2. Unknown names: runs of capitalised words, particles inside (`van der`, `of the`; `en`/`and` only in an
   organisation name, and a run splits at `en`/`and` between two organisation names), initials glued on
   (`A.G. Koenders`), a capitalised particle opening one mid-sentence (`Ter Apel`). A run splits at person
   titles; after a title the minister's brief is stripped. Runs of only demonyms, briefs, generic nouns
   (`Member States`), month or weekday names, runs holding a document or event word (`Actieplan`,
   `Agenda`, `Top`, `Overleg`), a run after a document noun (`het programma Samen`), a Roman numeral after
   a number and a plural acronym (`NGOs`) are no names. A one-word run at a sentence start is an ordinary
   word unless a speech or action verb follows.
3. A run after a locative preposition or a geographic noun (`het eiland Kos`) is a place, else an actor.
4. An office named by its title and brief with no name after it acts (`de Minister van Defensie`,
   `Commissioner for Home Affairs`); so does a body named by its brief (`commissie voor Justitie en
   Veiligheid`). A bare title (`de Minister-President`) is left for the document to resolve.
5. A demonym before an institution noun acts (`Belgische politie`), before a government noun it is the
   country acting (`the Dutch government` -> `Netherlands`); before a geographic noun after a
   locative preposition it is a place (`in the Nigerien desert`). The government named bare (`het
   kabinet`, `the government`) acts.
6. First person (`ik`, `wij`, `I`, `we`) and address (`u`, `uw Kamer`) are left for the document to resolve.
7. Parentheses and appositions: an acronym in parentheses after a name is that name (`Openbaar Ministerie
   (OM)`: not listed again, and tied to it); a party in parentheses after a person is an affiliation
   (`Keijzer (CDA)`), and so is an organisation before a title and a name (`EU Commissioner Magnus
   Brunner`): neither is listed. An office in apposition to a person is that person (`De Minister van
   Buitenlandse Zaken, A.G. Koenders`). Possessive `'s` is dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from transforms.entities.lexicon import Gazetteer, load_gazetteer
from transforms.sentences import Token, scan_tokens

# Where a hyphenated or apostrophe word splits into parts (`Labour-regering`, `O'Brien`).
PART_SPLIT_RE = re.compile(r"[-’']")
# A sentence starts again after these (headlines and quotes are often glued into one "sentence").
START_MARKS = set(".!?:;“”\"‘'«»–—[\n|")  # `|`: a table cell
ARTICLES = {"de", "het", "the", "een", "a", "an"}
# Capitalised mid-sentence, these open no name (a heading's words); `De`, `Van`, `Ter` open surnames and places.
NOT_OPENERS = {"the", "het", "een", "a", "an", "and", "en", "of", "for", "voor", "op", "on"}
ROMAN_RE = re.compile(r"[IVXLC]{1,5}\Z")
PLURAL_ACRONYM_RE = re.compile(r"[A-Z]{2,}s\Z")
# The kinds whose names are actors once resolved; `self`, `addressee` and `title` need the document.
ACTING_KINDS = {"person", "organisation", "function", "institution", "government", "name"}


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
    if word in gaz.prepositions:
        return (False, True)
    return (True, True)


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
        else:
            role = country_role(tokens, max(index, 0), kind, gaz) or previous_role
        if kind == "union" and role == (True, True):
            role = (True, False)
        previous_role, previous_end = role, m.end()
        mentions.append(Mention(m.start(), m.end(), name, kind, *role))
    return mentions


def free_words(tokens: list[Token], taken: list[bool], starts_at: set[int], gaz: Gazetteer) -> list[bool]:
    """Which tokens may be words of an unknown name."""

    def free(k: int) -> bool:
        tok = tokens[k]
        if tok.kind != "word" or not tok.text[0].isupper() or taken[k]:
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

    return [free(k) for k in range(len(tokens))]


def find_runs(tokens: list[Token], free: list[bool], gaz: Gazetteer) -> list[list[int]]:
    """Runs of capitalised tokens (indices), particles allowed between them and initials glued on."""
    runs: list[list[int]] = []
    i = 0
    while i < len(tokens):
        if not free[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(tokens):
            if free[j]:
                run.append(j)
                j += 1
                continue
            if tokens[j].text == "." and is_initial(tokens, run[-1]) and j + 1 < len(tokens) and free[j + 1]:
                run.extend((j, j + 1))  # `A.G. Koenders`
                j += 2
                continue
            k = j  # up to two particles, then a name word: `van der`, `of the`
            while k < len(tokens) and k - j < 2 and tokens[k].low in gaz.particles:
                k += 1
            joiners = {tokens[p].low for p in range(j, k)}
            org_only = joiners & {"en", "and"}
            words = [tokens[p].text for p in run] + following_words(tokens, free, k, gaz)
            if k > j and k < len(tokens) and free[k] and (not org_only or has_org_head(words, gaz)):
                two = has_org_head([tokens[p].text for p in run], gaz) and has_org_head(
                    following_words(tokens, free, k, gaz), gaz
                )
                if org_only and two:
                    break  # `State Police and Regional Border and Migration Police`: two organisations
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        if free[run[0]] and tokens[run[0]].low in gaz.particles and len(run) == 1:
            i = j  # a lone capitalised particle
            continue
        runs.append(run)
        i = j
    return runs


def following_words(
    tokens: list[Token], free: list[bool], k: int, gaz: Gazetteer, limit: int = 8
) -> list[str]:
    """The capitalised words from k on, particles between (at most `limit` tokens): an organisation's head
    may come after `and` (`Regional Border and Migration Police`)."""
    words = []
    end = min(len(tokens), k + limit)
    while k < end and (free[k] or tokens[k].low in gaz.particles):
        if free[k]:
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
    return tokens[j].low if j >= 0 and is_title(tokens[j].low, gaz) else ""


def split_at_titles(run: list[int], tokens: list[Token], gaz: Gazetteer) -> list[tuple[list[int], str]]:
    """Pieces of a run as (token indices, the title before it or ""). Before a title only organisations
    survive."""
    pieces: list[tuple[list[int], str]] = []
    current: list[int] = []
    title = title_before(tokens, run[0], gaz)
    for k in run:
        if is_title(tokens[k].low, gaz):
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

    def strippable_head(k: int) -> bool:
        word, low = tokens[k].text, tokens[k].low
        if word[0].isupper() and low in gaz.particles and len(piece) > 1:
            return False  # `Van der Laan`: a capitalised particle opens a surname
        return low in gaz.particles or low in gaz.function_words or (titled and low in gaz.portfolios)

    def strippable_tail(k: int) -> bool:
        low = tokens[k].low
        return low in gaz.particles or (titled and low in gaz.portfolios)  # `Van der Laan van Justitie`

    while piece and strippable_head(piece[0]):
        piece = piece[1:]
    while piece and strippable_tail(piece[-1]):
        piece = piece[:-1]
    return piece


def names_a_document(word: str, gaz: Gazetteer) -> bool:
    """`Actieplan`, `Beleidskader`, `Agenda`, `Top`: a document or an event, also as a compound's end."""
    low = word.lower()
    if low in gaz.document_heads or low in gaz.event_heads:
        return True
    last = PART_SPLIT_RE.split(low)[-1]
    if last in gaz.document_heads or last in gaz.event_heads:
        return True
    return any(
        len(head) >= 4 and len(low) >= len(head) + 3 and low.endswith(head) for head in gaz.document_heads
    )


def is_not_a_name(piece: list[int], tokens: list[Token], gaz: Gazetteer) -> bool:
    words = [tokens[k].low for k in piece if tokens[k].kind == "word"]
    if all(w in gaz.ignorable or w in gaz.generic_nouns for w in words):
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
        if not piece or is_not_a_name(piece, tokens, gaz):
            continue
        after = piece[-1] + 1
        next_word = tokens[after].low if after < len(tokens) else ""
        if piece[0] in starts and len(piece) == 1 and not title and next_word not in gaz.speech_verbs:
            tok = tokens[piece[0]]
            if tok.low in gaz.org_heads:  # `Council conclusions`: the document may name the Council in full
                mentions.append(Mention(tok.start, tok.end, tok.text, "start", False, False))
            continue  # an ordinary word capitalised by its position
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


def find_institutions(tokens: list[Token], sentence: str, gaz: Gazetteer) -> list[Mention]:
    """`de Belgische politie`, `French authorities` act, `the Dutch government` is the country acting;
    `in the Nigerien desert` is a place (rule 5)."""
    mentions = []
    for i in range(len(tokens) - 1):
        tok, nxt = tokens[i], tokens[i + 1]
        if tok.low in gaz.demonyms and tok.text[0].isupper() and nxt.kind == "word":
            noun, span = nxt.low, (tok.start, nxt.end)
            country = gaz.demonym_countries.get(tok.low)
            if noun in gaz.government_nouns and country:
                mentions.append(Mention(*span, country, "country", True, False))  # `the Dutch government`
            elif noun.startswith(gaz.institutions):
                mentions.append(Mention(*span, sentence[span[0] : span[1]], "institution", True, False))
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


def find_offices(tokens: list[Token], sentence: str, gaz: Gazetteer) -> list[Mention]:
    """Offices and bodies named by their brief (rule 4), and bare office titles."""
    mentions = []
    for i, tok in enumerate(tokens):
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


def find_references(tokens: list[Token], sentence: str, gaz: Gazetteer) -> list[Mention]:
    """The bare government (`het kabinet`), first person and address (rules 5 and 6)."""
    mentions = []
    for i, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        low = tok.low
        if low in gaz.government_nouns and prev is not None and prev.low in gaz.determiners:
            if nxt is None or nxt.low not in gaz.genitive:
                mentions.append(Mention(tok.start, tok.end, tok.text, "government", True, False))
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


def parenthesised_after(sentence: str, end: int, start: int) -> bool:
    """Is text[start:] inside parentheses opened right after `end` (`Keijzer (CDA)`, `(beiden VVD)`)?"""
    between = sentence[end:start]
    opening = between.find("(")
    return (
        opening >= 0 and not between[:opening].strip() and ")" not in between and "," not in between[opening:]
    )


def closes_right_after(sentence: str, end: int) -> bool:
    return sentence[end:].lstrip().startswith(")")


def could_abbreviate(acronym: str, name: str) -> bool:
    """`OM` for `Openbaar Ministerie`, `KMar` for `Koninklijke Marechaussee`: short, no space, two capitals
    or more, its first letter the name's first, its capitals in the name's order, the name two words or more."""
    if not acronym or " " in acronym or len(acronym) > 10 or len(name.split()) < 2:
        return False
    if sum(c.isupper() for c in acronym) < 2:
        return False
    if acronym[0].lower() != name[0].lower():
        return False
    rest = name.lower()
    pos = 0
    for ch in (c for c in acronym if c.isupper()):
        pos = rest.find(ch.lower(), pos)
        if pos < 0:
            return False
        pos += 1
    return True


def tie_parentheses(
    mentions: list[Mention], sentence: str, gaz: Gazetteer
) -> tuple[list[Mention], list[Link]]:
    """Rule 7: acronyms tied to their names, affiliations and appositions dropped."""
    kept: list[Mention] = []
    links: list[Link] = []
    for m in mentions:
        owner = next((p for p in reversed(kept) if p.end <= m.start), None)
        if (
            owner is not None
            and parenthesised_after(sentence, owner.end, m.start)
            and closes_right_after(sentence, m.end)
        ):
            if owner.kind != "person" and could_abbreviate(m.name, owner.name):
                links.append(Link(m.name, owner.name, "acronym", owner.start, m.end))
                continue
            if owner.kind in ("person", "name") and m.kind in ("organisation", "name", "union"):
                continue  # `Keijzer (CDA)`: an affiliation
        kept.append(m)
    out: list[Mention] = []
    for k, m in enumerate(kept):
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        if nxt is not None and m.kind in ("organisation", "union") and nxt.kind == "person" and nxt.title:
            between = sentence[m.end : nxt.start].split()
            if between and all(
                w.lower() in gaz.titles or w.lower() in gaz.office_titles or w.lower() in gaz.portfolios
                for w in between
            ):
                continue  # `EU Commissioner Magnus Brunner`: the person's affiliation
        if nxt is not None and m.kind in ("function", "title") and nxt.kind in ("person", "name"):
            between = sentence[m.end : nxt.start]
            words = between.replace(",", " ").split()
            if between.strip().startswith(",") and all(w.lower() in gaz.titles for w in words):
                links.append(Link(m.name, nxt.name, "apposition", m.start, nxt.end))
                continue  # `De Minister van Buitenlandse Zaken, A.G. Koenders`
        out.append(m)
    return out, links


def drop_nested(mentions: list[Mention], sentence: str) -> list[Mention]:
    """Of two mentions on the same words, the longer (the earlier on a tie) stays; a lone capitalised word
    right before an organisation's name is a heading's adjective (`Informele Europese Raad`)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return [
        m
        for k, m in enumerate(out)
        if not (
            m.kind == "name"
            and " " not in m.name
            and k + 1 < len(out)
            and out[k + 1].kind in ("organisation", "union")
            and not sentence[m.end : out[k + 1].start].strip()
        )
    ]


def find_mentions(
    sentence: str, language: str, scanned: list[Token] | None = None
) -> tuple[list[Mention], list[Link]]:
    """The mentions of `sentence` (offsets into it) in order, and the name links it states.

    >>> [m.name for m in find_mentions("Het Openbaar Ministerie (OM) sprak in Londen.", "nl")[0]]
    ['Openbaar Ministerie', 'Londen']
    """
    gaz = load_gazetteer(language)
    tokens = tokenize(sentence, scanned)
    token_starts = [t.start for t in tokens]
    known = match_known_names(sentence, tokens, token_starts, gaz)
    references = find_references(tokens, sentence, gaz)
    taken = [False] * len(tokens)
    for m in known + [r for r in references if r.kind == "addressee"]:
        k = bisect.bisect_left(token_starts, m.start)
        while k < len(tokens) and tokens[k].start < m.end:
            taken[k] = True
            k += 1
    starts = find_sentence_starts(tokens, sentence)
    free = free_words(tokens, taken, starts, gaz)
    mentions = list(known)
    if not is_heading(tokens, gaz):
        for run in find_runs(tokens, free, gaz):
            mentions.extend(read_run_mentions(run, tokens, sentence, starts, gaz))
    mentions.extend(find_institutions(tokens, sentence, gaz))
    mentions.extend(find_offices(tokens, sentence, gaz))
    mentions.extend(references)
    return tie_parentheses(drop_nested(mentions, sentence), sentence, gaz)


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
