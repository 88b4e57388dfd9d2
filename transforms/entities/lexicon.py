"""One language's name clues (`resources/<lang>/gazetteer.json`), compiled once: `load_gazetteer(language)`.

Names (countries, places, organisations, unions) are every language's, merged, since a Dutch text names
the `National Crime Agency` too; the clue words (titles, prepositions, pronouns, ...) are the language's
own. What each key means is in the `about` of the JSON files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.resources import languages, load

# The kinds of known names, and the gazetteer key each comes from.
NAME_KINDS = (
    ("countries", "country"),
    ("places", "place"),
    ("organisations", "organisation"),
    ("unions", "union"),
)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """One language's clues plus every language's names, compiled once."""

    language: str
    names_re: re.Pattern[str]
    kinds: dict[str, str]  # name -> country | place | organisation | union
    aliases: dict[str, str]  # short name -> the full name it stands for (`EU` -> `Europese Unie`)
    demonyms: frozenset[str]
    demonym_countries: dict[
        str, str
    ]  # `nederlandse` -> `Nederland`: whose government `de Nederlandse regering` is
    institutions: tuple[str, ...]
    titles: frozenset[str]
    office_titles: frozenset[str]  # singular titles of an office: `Minister van Defensie` names one
    body_nouns: frozenset[str]  # `commissie voor Justitie en Veiligheid`: a body named by its brief
    portfolios: frozenset[str]
    org_heads: tuple[str, ...]
    document_heads: frozenset[str]
    # `Beleidskader`, `Actieplan`: a document head of four letters or more closing a longer word, read on the
    # word reversed (a match at its start, three letters or more before the head)
    document_ends_re: re.Pattern[str]
    event_heads: frozenset[str]
    generic_nouns: frozenset[str]
    title_nouns: frozenset[str]
    geographic_nouns: frozenset[str]
    territory_nouns: tuple[str, ...]  # `the Dutch borders`: the country is the place (also a compound's end)
    source_prepositions: frozenset[str]  # `from Syria`: an origin, no place and no actor
    origin_nouns: frozenset[str]  # `countries of origin ... were Syria and Eritrea`: origins
    copulas: frozenset[str]
    topic_prepositions: frozenset[str]  # `a report on Syria`: what a text or a meeting is about
    response_nouns: frozenset[str]  # `Antwoord op vragen van X`: what an answer answers is its topic
    response_prepositions: frozenset[str]
    organisation_kinds: dict[str, str]  # `Frontex` -> `agency`: `the Agency` is the one the document names
    kind_nouns: frozenset[str]  # the kinds: after a determiner they describe an organisation
    # `(hereinafter 'the participants')`: a term defined for the names listed before it
    alias_re: re.Pattern[str]
    list_gap_re: re.Pattern[
        str
    ]  # what stands between the names of a list: commas, `and`, articles  # `a report on Syria`: what a text or a meeting is about
    government_nouns: frozenset[str]
    determiners: frozenset[str]
    particles: frozenset[str]
    function_words: frozenset[str]
    speech_verbs: frozenset[str]
    locative: frozenset[str]
    prepositions: frozenset[str]
    acting_nouns: frozenset[str]  # `invitation of the UK`, `inspanning van de EU`: the country or union acts
    agentive: frozenset[str]  # `door`, `met`, `by`, `with`: a country after one acts
    genitive: frozenset[
        str
    ]  # `van`, `of`, `from`: a country after one acts when an institution or title heads it
    territory: frozenset[str]  # a union (`EU`) after one is a place
    brief_prepositions: frozenset[str]  # `van`, `voor`, `of`, `for`: between a title and its brief
    objects_follow_verbs: bool  # English: a country after a verb is its object, no actor
    coordinators: frozenset[str]  # `en`/`of` in Dutch, `and`/`or` in English: `of` means "or" in Dutch
    first_person: frozenset[str]
    addressee_words: frozenset[str]
    addressee_nouns: frozenset[str]
    addressee_determiners: frozenset[str]
    calendar: frozenset[str]
    ignorable: frozenset[str]
    all_titles: frozenset[str]  # titles and office titles
    no_name_words: frozenset[str]  # ignorable and generic: a run of only these is no name
    # the lower-case words some rule starts from (first person, address, the government, offices, bodies)
    key_words: frozenset[str]  # demonyms, briefs, particles and titles: a run of only these is no name


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


def reversed_ends(heads: frozenset[str], min_head: int = 4, min_before: int = 3) -> re.Pattern[str]:
    """A pattern that matches a reversed word ending in one of `heads` (of `min_head` characters or more)
    with at least `min_before` characters before it: `re.match` on `word[::-1]` tests every head at once."""
    tails = sorted((h[::-1] for h in heads if len(h) >= min_head), key=len, reverse=True)
    if not tails:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?:{'|'.join(re.escape(t) for t in tails)})(?=.{{{min_before}}})", re.S)


def alias_pattern(openers: list[str]) -> re.Pattern[str]:
    """`(hereinafter 'the participants')`, `(hierna: het programma)`: group `alias` is the term."""
    if not openers:
        return re.compile(r"(?!x)x")
    words = "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(openers, key=len, reverse=True))
    quote = "[‘'\"“”’]"
    return re.compile(rf"\(\s*(?i:{words})\s*:?\s*{quote}?(?P<alias>[^‘'\"“”’()]{{1,60}}?){quote}?\s*\)")


def list_gap_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """Only white space, punctuation of a list and `words` (coordinators, articles)."""
    plain = sorted((w for w in words if w.isalpha()), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in plain) or "(?!x)x"
    return re.compile(rf"(?:[\s,;]|(?i:{alternation})(?![^\W\d_]))*")


def known_names(language: str) -> dict[str, str]:
    """Every language's names with their kinds; the own language's word wins where two disagree."""
    kinds: dict[str, str] = {}
    for lang in (*[other for other in languages() if other != language], language):
        gaz = load(lang, "gazetteer")
        for key, kind in NAME_KINDS:
            kinds.update({name: kind for name in gaz.get(key, [])})
    return kinds


@cache
def load_gazetteer(language: str) -> Gazetteer:
    own = load(language, "gazetteer")
    kinds = known_names(language)
    names = sorted(kinds, key=len, reverse=True)
    alternation = grouped_alternation(names) or "(?!x)x"
    # Not inside a word nor a lower-case compound (`EU-agentschappen`), but `UK-Belgium` splits.
    names_re = re.compile(rf"(?<!\w)(?<![a-zà-ÿ]-)(?:{alternation})(?!\w)(?!-[a-zà-ÿ])")

    def lower_set(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in own.get(key, []))

    demonyms = frozenset(
        w.lower() for lang in languages() for w in load(lang, "gazetteer").get("demonyms", [])
    )
    portfolios = lower_set("portfolios")
    particles, titles = lower_set("particles"), lower_set("titles")
    return Gazetteer(
        language=language,
        names_re=names_re,
        kinds=kinds,
        aliases=dict(own.get("aliases", {})),
        demonyms=demonyms,
        demonym_countries={k.lower(): v for k, v in own.get("demonym_countries", {}).items()},
        institutions=tuple(w.lower() for w in own.get("institutions", [])),
        titles=titles,
        office_titles=lower_set("office_titles"),
        body_nouns=lower_set("body_nouns"),
        portfolios=portfolios,
        org_heads=tuple(w.lower() for w in own.get("org_heads", [])),
        document_heads=lower_set("document_heads"),
        document_ends_re=reversed_ends(lower_set("document_heads")),
        event_heads=lower_set("event_heads"),
        generic_nouns=lower_set("generic_nouns"),
        title_nouns=lower_set("title_nouns"),
        geographic_nouns=lower_set("geographic_nouns"),
        territory_nouns=tuple(sorted(lower_set("territory_nouns"))),
        source_prepositions=lower_set("source_prepositions"),
        origin_nouns=lower_set("origin_nouns"),
        copulas=lower_set("copulas"),
        topic_prepositions=lower_set("topic_prepositions"),
        response_nouns=lower_set("response_nouns"),
        response_prepositions=lower_set("response_prepositions"),
        organisation_kinds={name: kind.lower() for name, kind in own.get("organisation_kinds", {}).items()},
        kind_nouns=frozenset(kind.lower() for kind in own.get("organisation_kinds", {}).values()),
        alias_re=alias_pattern(own.get("alias_openers", [])),
        list_gap_re=list_gap_pattern(
            lower_set("coordinators") | lower_set("determiners") | {"the", "a", "an", "de", "het", "een"}
        ),
        government_nouns=lower_set("government_nouns"),
        determiners=lower_set("determiners"),
        particles=particles,
        function_words=lower_set("function_words"),
        speech_verbs=lower_set("speech_verbs"),
        locative=lower_set("locative_prepositions"),
        prepositions=lower_set("prepositions"),
        acting_nouns=lower_set("acting_nouns") | lower_set("document_heads") | lower_set("event_heads"),
        agentive=lower_set("agentive_prepositions"),
        genitive=lower_set("genitive_prepositions"),
        territory=lower_set("territory_prepositions"),
        brief_prepositions=lower_set("brief_prepositions"),
        objects_follow_verbs=bool(own.get("objects_follow_verbs", False)),
        coordinators=lower_set("coordinators"),
        first_person=lower_set("first_person"),
        addressee_words=lower_set("addressee_words"),
        addressee_nouns=lower_set("addressee_nouns"),
        addressee_determiners=lower_set("addressee_determiners"),
        calendar=read_calendar_words(language),
        ignorable=demonyms | portfolios | particles | titles,
        all_titles=titles | lower_set("office_titles"),
        no_name_words=demonyms | portfolios | particles | titles | lower_set("generic_nouns"),
        key_words=frozenset().union(
            *(
                lower_set(key)
                for key in (
                    "first_person",
                    "addressee_words",
                    "government_nouns",
                    "office_titles",
                    "body_nouns",
                    "addressee_nouns",
                )
            ),
            (kind.lower() for kind in own.get("organisation_kinds", {}).values()),
        ),
    )
