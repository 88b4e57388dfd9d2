"""Actors and locations named in one sentence: `extract_entities(sentence, language)`.

Rules:

1. Known names first (`resources/<lang>/gazetteer.json`, all languages' names merged, since a Dutch text
   names the `National Crime Agency` too): the longest case-sensitive match wins. Organisations are
   actors; cities, regions and seas are locations; countries are locations, and also actors unless a
   preposition governs them (`naar Rwanda`, `van Groot-Brittannië`, `in Belgium` are places;
   `België en het Verenigd Koninkrijk hebben ...`, `Russia's invasion` act). Conjuncts share the role of
   the first (`waaronder de Verenigde Staten, Frankrijk en Vietnam`). A country can so be both.
2. Unknown names: runs of capitalised words, with particles inside (`van`, `de`, `der`, `ten`, `of`,
   `the`; `en`/`and` only inside an organisation name such as `Expertisecentrum Mensenhandel en
   Mensensmokkel`). A run is split at person titles (`Interior Minister Priti Patel` -> `Priti Patel`);
   what stands before a title is dropped unless it names an organisation. After a title (also a
   lower-case one before the run: `minister van Binnenlandse Veiligheid Bernard Quintin`) the words of
   a minister's brief are stripped. Runs of only demonyms, briefs, month or weekday names, and runs
   ending in a document word (`Plan`, `Verdrag`) are not entities.
3. A one-word run at the start of a sentence is an ordinary capitalised word unless a speech or action
   verb follows (`Starmer sprak`, `Verlinden briefed`).
4. An unknown name right after a locative preposition (`in`, `te`, `near`) is a location, else an actor.
   A demonym before an institution noun is an actor (`de Belgische politie` -> `Belgische politie`).
5. An acronym in parentheses right after the name it abbreviates is not listed again (`Openbaar
   Ministerie (OM)`). Possessive `'s` is dropped. Both lists are deduplicated, in order of appearance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.resources import languages, load
from transforms.sentences import Token, scan_tokens

# Where a hyphenated or apostrophe word splits into parts (`Labour-regering`, `O'Brien`).
PART_SPLIT_RE = re.compile(r"[-’']")
# A sentence starts again after these (headlines and quotes are often glued into one "sentence").
START_MARKS = set(".!?:;“”\"‘'«»–—[\n")
ARTICLES = {"de", "het", "the", "een", "a", "an"}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    actor: bool
    location: bool


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """One language's clues plus every language's names, compiled once."""

    names_re: re.Pattern[str]
    kinds: dict[str, str]  # name -> country | place | organisation
    demonyms: frozenset[str]
    institutions: tuple[str, ...]
    titles: frozenset[str]
    portfolios: frozenset[str]
    org_heads: tuple[str, ...]
    document_heads: frozenset[str]
    particles: frozenset[str]
    function_words: frozenset[str]
    speech_verbs: frozenset[str]
    locative: frozenset[str]
    prepositions: frozenset[str]
    coordinators: frozenset[str]  # `en`/`of` in Dutch, `and`/`or` in English: `of` means "or" in Dutch
    calendar: frozenset[str]
    ignorable: frozenset[str]  # demonyms, briefs, particles and titles: a run of only these is no name


def read_calendar_words(language: str) -> frozenset[str]:
    """Month and weekday names (lower case) from calendar.json, owned by the temporal tagger; may be absent."""
    calendar = load(language, "calendar")
    words: set[str] = set()
    for key in ("months", "weekdays"):
        entries = calendar.get(key) or {}
        words.update(str(w).lower() for w in entries if len(str(w)) >= 3)
    return frozenset(words)


def grouped_alternation(names: list[str]) -> str:
    """The regex alternation of `names` (literal, case-sensitive), grouped by first character:
    `A(?:msterdam|ntwerpen)|B(?:elgië)`. It matches exactly what the flat alternation matches (within a
    group the names keep their order, longest first, and two groups never match the same text), but the
    regex engine tries a few dozen first characters at each position instead of hundreds of names."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name[1:])
    return "|".join(
        f"{re.escape(first)}(?:{'|'.join(re.escape(rest) for rest in tails)})"
        for first, tails in groups.items()
    )


@cache
def load_gazetteer(language: str) -> Gazetteer:
    own = load(language, "gazetteer")
    kinds: dict[str, str] = {}
    for lang in (*[other for other in languages() if other != language], language):  # own language wins
        gaz = load(lang, "gazetteer")
        for key, kind in (("countries", "country"), ("places", "place"), ("organisations", "organisation")):
            kinds.update({name: kind for name in gaz.get(key, [])})
    names = sorted(kinds, key=len, reverse=True)
    alternation = grouped_alternation(names) or "(?!x)x"
    # Not inside a word nor a lower-case compound (`EU-agentschappen`), but `UK-Belgium` splits.
    names_re = re.compile(rf"(?<!\w)(?<![a-zà-ÿ]-)(?:{alternation})(?!\w)(?!-[a-zà-ÿ])")

    def lower_set(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in own.get(key, []))

    demonyms, portfolios = lower_set("demonyms"), lower_set("portfolios")
    particles, titles = lower_set("particles"), lower_set("titles")
    return Gazetteer(
        names_re=names_re,
        kinds=kinds,
        demonyms=demonyms,
        institutions=tuple(w.lower() for w in own.get("institutions", [])),
        titles=titles,
        portfolios=portfolios,
        org_heads=tuple(w.lower() for w in own.get("org_heads", [])),
        document_heads=lower_set("document_heads"),
        particles=particles,
        function_words=lower_set("function_words"),
        speech_verbs=lower_set("speech_verbs"),
        locative=lower_set("locative_prepositions"),
        prepositions=lower_set("prepositions"),
        coordinators=lower_set("coordinators"),
        calendar=read_calendar_words(language),
        ignorable=demonyms | portfolios | particles | titles,
    )


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


def has_org_head(words: list[str], gaz: Gazetteer) -> bool:
    return any(w.lower().endswith(gaz.org_heads) for w in words)


def governed_by_preposition(tokens: list[Token], i: int, gaz: Gazetteer) -> bool | None:
    """True/False when the word before token i (articles skipped) is/is not a preposition; None when it is a
    coordinator, so the caller can give a conjunct the role of the one before."""
    j = i - 1
    while j >= 0 and tokens[j].low in ARTICLES:
        j -= 1
    if j < 0:
        return False
    word = tokens[j].low
    if word in gaz.coordinators:
        return None
    return word in gaz.prepositions


def is_parenthesised_abbreviation(sentence: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """`Openbaar Ministerie (OM)`: the acronym right after its name is the same entity."""
    before = sentence[:start].rstrip()
    if not before.endswith("(") or not sentence[end:].lstrip().startswith(")"):
        return False
    opening = len(before) - 1
    return any(0 <= opening - m.end <= 2 for m in mentions)


def drop_abbreviations(mentions: list[Mention], sentence: str) -> list[Mention]:
    kept: list[Mention] = []
    for mention in mentions:
        if not is_parenthesised_abbreviation(sentence, mention.start, mention.end, kept):
            kept.append(mention)
    return kept


def match_known_names(
    sentence: str, tokens: list[Token], gaz: Gazetteer, matches: list[re.Match[str]] | None = None
) -> list[Mention]:
    """Gazetteer names with their roles (see rule 1). `matches`: the names regex's matches in
    `sentence`, when the caller has them already (the regex is long: run it once per sentence)."""
    mentions: list[Mention] = []
    previous_country_governed = False
    for m in gaz.names_re.finditer(sentence) if matches is None else matches:
        name, kind = m.group(), gaz.kinds[m.group()]
        if kind == "organisation":
            mentions.append(Mention(m.start(), m.end(), name, True, False))
        elif kind == "place":
            mentions.append(Mention(m.start(), m.end(), name, False, True))
        else:
            index = next((k for k, t in enumerate(tokens) if t.start >= m.start()), len(tokens))
            governed = governed_by_preposition(tokens, index, gaz)
            if governed is None:
                governed = previous_country_governed
            previous_country_governed = governed
            mentions.append(Mention(m.start(), m.end(), name, not governed, True))
    return mentions


def find_runs(tokens: list[Token], taken: list[tuple[int, int]], gaz: Gazetteer) -> list[list[int]]:
    """Runs of capitalised tokens (indices) outside known names, particles allowed between them."""

    def free_name_word(k: int) -> bool:
        tok = tokens[k]
        inside = any(s <= tok.start < e for s, e in taken)
        glued = (k > 0 and tokens[k - 1].kind == "num" and tokens[k - 1].end == tok.start) or (
            k + 1 < len(tokens) and tokens[k + 1].kind == "num" and tokens[k + 1].start == tok.end
        )  # 20242024Z19016: a code, not a name
        return not inside and not glued and is_capitalised(tok) and tok.low not in gaz.function_words

    # Each token's answer once, up front; the cheap test first, since most tokens are lower-case words.
    free = [
        tok.kind == "word" and tok.text[0].isupper() and free_name_word(k) for k, tok in enumerate(tokens)
    ]

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
            k = j  # up to two particles, then a name word: `van der`, `of the`
            while k < len(tokens) and k - j < 2 and tokens[k].low in gaz.particles:
                k += 1
            joiners = {tokens[p].low for p in range(j, k)}
            org_only = joiners & {"en", "and"}
            words = [tokens[p].text for p in run]
            if k > j and k < len(tokens) and free[k] and (not org_only or has_org_head(words, gaz)):
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        runs.append(run)
        i = j
    return runs


def title_before(tokens: list[Token], first: int, gaz: Gazetteer) -> bool:
    """A lower-case title before the run, particles and brief words between (`minister voor Migratie`)."""
    j = first - 1
    while j >= 0 and (tokens[j].low in gaz.particles or tokens[j].low in gaz.portfolios):
        j -= 1
    return j >= 0 and tokens[j].low in gaz.titles


def split_at_titles(run: list[int], tokens: list[Token], gaz: Gazetteer) -> list[tuple[list[int], bool]]:
    """Pieces of a run as (token indices, follows a title). Before a title only organisations survive."""
    pieces: list[tuple[list[int], bool]] = []
    current: list[int] = []
    titled = title_before(tokens, run[0], gaz)
    for k in run:
        if tokens[k].low in gaz.titles:
            if current and has_org_head([tokens[p].text for p in current], gaz):
                pieces.append((current, titled))
            current, titled = [], True
        else:
            current.append(k)
    if current:
        pieces.append((current, titled))
    return pieces


def trim_piece(piece: list[int], titled: bool, tokens: list[Token], gaz: Gazetteer) -> list[int]:
    """Strip particles at both ends, and the minister's brief after a title."""

    def strippable_head(k: int) -> bool:
        word, low = tokens[k].text, tokens[k].low
        if word[0].isupper() and low in gaz.particles:
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


def is_not_a_name(piece: list[int], tokens: list[Token], gaz: Gazetteer) -> bool:
    words = [tokens[k].low for k in piece]
    if all(w in gaz.ignorable for w in words):
        return True
    if len(words) == 1 and words[0] in gaz.calendar:
        return True  # Monday, November
    # `Immigration Plan`, `Kamerstukken II`: documents, not actors.
    first, last = tokens[piece[0]].text, tokens[piece[-1]].text
    ends = {first.lower(), last.lower(), PART_SPLIT_RE.split(last)[-1].lower()}
    return bool(ends & gaz.document_heads)


def read_run_mentions(
    run: list[int], tokens: list[Token], sentence: str, starts: set[int], gaz: Gazetteer
) -> list[Mention]:
    mentions = []
    for piece, titled in split_at_titles(run, tokens, gaz):
        piece = trim_piece(piece, titled, tokens, gaz)
        if not piece or is_not_a_name(piece, tokens, gaz):
            continue
        after = piece[-1] + 1
        next_word = tokens[after].low if after < len(tokens) else ""
        if piece[0] in starts and len(piece) == 1 and not titled and next_word not in gaz.speech_verbs:
            continue  # an ordinary word capitalised by its position
        if any(tokens[k].low in gaz.calendar for k in piece) and has_number_near(piece, tokens):
            continue  # `November 21`
        start, end = tokens[piece[0]].start, tokens[piece[-1]].end
        before = tokens[piece[0] - 1].low if piece[0] > 0 else ""
        words = [tokens[k].text for k in piece]
        is_place = before in gaz.locative and not titled and not has_org_head(words, gaz)
        mentions.append(Mention(start, end, sentence[start:end], not is_place, is_place))
    return mentions


def has_number_near(piece: list[int], tokens: list[Token]) -> bool:
    neighbours = (piece[0] - 1, piece[-1] + 1)
    return any(0 <= k < len(tokens) and tokens[k].kind == "num" for k in neighbours)


def find_institutions(tokens: list[Token], sentence: str, gaz: Gazetteer) -> list[Mention]:
    """`de Belgische politie`, `French authorities`: a demonym before an institution noun acts."""
    mentions = []
    for i in range(len(tokens) - 1):
        tok, nxt = tokens[i], tokens[i + 1]
        if tok.low in gaz.demonyms and tok.text[0].isupper() and nxt.kind == "word":
            noun = nxt.low
            if nxt.text[0].islower() and noun.startswith(gaz.institutions):
                mentions.append(Mention(tok.start, nxt.end, sentence[tok.start : nxt.end], True, False))
    return mentions


def extract_entities(
    sentence: str, language: str, scanned: list[Token] | None = None
) -> tuple[list[str], list[str]]:
    """(actors, locations) named in `sentence`, each deduplicated in order of appearance. `scanned`:
    `sentences.scan_tokens(sentence)`, when the caller has it already.

    >>> extract_entities("De Britse premier Keir Starmer sprak in Londen.", "nl")
    (['Keir Starmer'], ['Londen'])
    """
    gaz = load_gazetteer(language)
    tokens = tokenize(sentence, scanned)
    names = list(gaz.names_re.finditer(sentence))
    known = match_known_names(sentence, tokens, gaz, names)
    taken = [m.span() for m in names]
    starts = find_sentence_starts(tokens, sentence)
    mentions = list(known)
    for run in find_runs(tokens, taken, gaz):
        mentions.extend(read_run_mentions(run, tokens, sentence, starts, gaz))
    mentions.extend(find_institutions(tokens, sentence, gaz))
    mentions = drop_abbreviations(sorted(mentions, key=lambda m: m.start), sentence)
    actors = list(dict.fromkeys(m.name for m in mentions if m.actor))
    locations = list(dict.fromkeys(m.name for m in mentions if m.location))
    return actors, locations
