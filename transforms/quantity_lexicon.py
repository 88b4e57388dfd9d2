"""The words a language puts around its numbers, compiled once per language: `load_lexicon(language)`.

Everything comes from the language's `numbers.json` (number words, shared with the temporal tagger)
and `units.json` (units, currencies, qualifiers, reference markers, ...); the keys are described in
the `about` field of each file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from schemas.vocabulary import QUALIFIERS
from transforms.alternation import alt
from transforms.resources import load


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything one language needs, compiled once."""

    language: str
    cardinals: dict[str, float]
    scales: dict[str, float]
    articles: frozenset[str]
    weak: frozenset[str]
    vague: frozenset[str]  # plural number words that stand for "many" (dozens, tientallen)
    decimal_separator: str
    thousands_separator: str
    nouns: dict[str, str]
    # Dutch compounds match on a known noun of four or more letters at their end: those nouns, each
    # as (its place in `nouns`, its unit), so a word looks up its own endings; the first place wins.
    compound_tails: dict[str, tuple[int, str]]
    measure_units: frozenset[str]  # units that measure something else: `200 kilo cocaïne`
    measure_links: frozenset[str]  # the word between a measure and what it measures (`of`, `aan`)
    share_links: frozenset[str]  # the word between a percentage and its whole (`of`, `van`)
    determiners: frozenset[str]  # articles and the like skipped before the whole (`van de gevallen`)
    anaphoric: frozenset[str]  # words before a small number word that point back (`the two countries`)
    currencies: dict[str, str]
    percent: dict[str, str]
    durations: dict[str, str]
    duration_anchors: frozenset[str]  # after a duration, these make it a point in time (`ago`)
    clock_re: re.Pattern[str]  # after a number, a word that makes it a time of day (`3 pm`, `10 a.m.`)
    time_prepositions: frozenset[str]  # before a bare small number, these make it a day or hour (`om 7`)
    range_joiners: frozenset[str]  # between the ends of a range (`5 to 6`, `van 5 tot 6`)
    multipliers: frozenset[str]  # after a number, these make it a factor or frequency (`four times`)
    count_modifiers: frozenset[str]  # may stand between a number and its noun (`10 other people`)
    ratio_links: tuple[
        tuple[str, ...], ...
    ]  # between the two numbers of a ratio (`one in three`, `1 op de 5`)
    plural_endings: tuple[str, ...]  # a count other than one counts a plural (`main areas`, `momenten`)
    singular_endings: tuple[str, ...]  # ... but not these (`status`, `crisis`)
    months: frozenset[str]  # a number before one is a day (`eenentwintig januari`)
    demonyms: frozenset[str]  # peoples, from the entities' gazetteer (`12 Americans`, `5 Syriërs`)
    custodial: tuple[str, ...]
    custodial_res: tuple[re.Pattern[str], ...]  # per custodial word: white space, the word, a boundary
    stopwords: frozenset[str]
    default_currency: str
    # comparators by their tokens (lower case, straight apostrophes: `("ca", ".")`, `("meer", "dan")`) ->
    # the qualifier they say, or None (`a total of`, `maar liefst`); longest phrase first
    comparators: dict[tuple[str, ...], str | None]
    comparator_sizes: tuple[int, ...]
    level_phrases: frozenset[tuple[str, ...]]  # comparators that are a plain preposition after a level word
    level_words: frozenset[str]  # `steeg tot 1.200`: the level reached, not an upper bound
    sentencing_words: frozenset[str]  # `veroordeeld tot vijf jaar cel`: the term imposed, not an upper bound
    markers: frozenset[str]  # a number after one is a label or citation (`vraag 3`, `nr. 925`)
    date_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    # multi-word cardinals ("a dozen", "een paar") by first word: (pattern, value, phrase), longest first
    phrase_cardinals: dict[str, tuple[tuple[re.Pattern[str], float, str], ...]]


def read_month_names(language: str, fallback: list[str]) -> list[str]:
    """Month names and abbreviations from calendar.json (owned by the temporal tagger), else our fallback."""
    months = load(language, "calendar").get("months") or fallback
    return [str(m) for m in months]


def compile_date_re(months: list[str], language: str) -> re.Pattern[str]:
    """Day-and-month dates in either order. English month names must be capitalised ("may" is a verb)."""
    names = alt(months)
    month = (
        rf"(?:{names})\.?" if language != "en" else rf"(?-i:(?:{alt([m.capitalize() for m in months])}))\.?"
    )
    day = r"\d{1,2}(?:st|nd|rd|th|e|ste|de)?"
    pattern = rf"(?<!\d){day}\s+(?:of\s+)?{month}(?:\s+\d{{4}})?\b|\b{month}\s+{day}\b(?:,?\s+\d{{4}})?"
    return re.compile(pattern, re.IGNORECASE)


# How a phrase is cut into tokens, as `quantities.TOKEN_RE` cuts a sentence.
PHRASE_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\S")


def phrase_tokens(text: str) -> tuple[str, ...]:
    """A phrase as the tokens a sentence shows it in, lower case, apostrophes straight: `Zo’n` -> ("zo'n",),
    `ca.` -> ("ca", ".")."""
    return tuple(t.lower().replace("’", "'") for t in PHRASE_TOKEN_RE.findall(text))


def read_comparators(units: dict) -> dict[tuple[str, ...], str | None]:
    """`comparators` (kept in the text, no qualifier: `a total of`) and `qualifiers` in units.json, which
    maps each qualifier to the phrases that say it. A phrase under a name that is not one of QUALIFIERS
    is dropped rather than let through to the records."""
    table: dict[tuple[str, ...], str | None] = {phrase_tokens(p): None for p in units.get("comparators", [])}
    for qualifier, phrases in units.get("qualifiers", {}).items():
        if qualifier in QUALIFIERS:
            table.update({phrase_tokens(p): qualifier for p in phrases})
    table.pop((), None)
    return table


def lower_set(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@cache
def load_lexicon(language: str) -> Lexicon:
    numbers, units = load(language, "numbers"), load(language, "units")
    cardinals = {k.lower(): float(v) for k, v in numbers.get("cardinals", {}).items()}
    phrases: dict[str, list[tuple[re.Pattern[str], float, str]]] = {}
    for phrase, value in sorted(
        ((k, v) for k, v in cardinals.items() if " " in k), key=lambda kv: -len(kv[0])
    ):
        pattern = re.compile(alt([phrase]) + r"\b", re.IGNORECASE)
        phrases.setdefault(phrase.split()[0], []).append((pattern, value, phrase))
    percent = {k.lower(): v for k, v in units.get("percent", {}).items()}
    words = [w for w in percent if w != "%"]
    percent_re = re.compile(rf"\s?%|\s+(?:{alt(words)})(?![^\W\d_])", re.IGNORECASE)
    comparators = read_comparators(units)
    nouns = {k.lower(): v for k, v in units.get("nouns", {}).items()}
    months = read_month_names(language, units.get("months", []))
    custodial = tuple(units.get("custodial", []))
    return Lexicon(
        language=language,
        cardinals=cardinals,
        scales={k.lower(): float(v) for k, v in numbers.get("scales", {}).items()},
        articles=frozenset(numbers.get("articles", [])),
        weak=frozenset(numbers.get("weak", [])),
        vague=lower_set(numbers.get("vague", [])),
        decimal_separator=str(numbers.get("decimal_separator", ".")),
        thousands_separator=str(numbers.get("thousands_separator", ",")),
        nouns=nouns,
        compound_tails={
            noun: (place, unit) for place, (noun, unit) in enumerate(nouns.items()) if len(noun) >= 4
        },
        measure_units=frozenset(units.get("measure_units", [])),
        measure_links=lower_set(units.get("measure_links", [])),
        share_links=lower_set(units.get("share_links", [])),
        determiners=lower_set(units.get("determiners", [])),
        anaphoric=lower_set(units.get("anaphoric", [])),
        currencies=dict(units.get("currencies", {})),
        percent=percent,
        durations={k.lower(): v for k, v in units.get("durations", {}).items()},
        duration_anchors=lower_set(units.get("duration_anchors", [])),
        time_prepositions=lower_set(units.get("time_prepositions", [])),
        range_joiners=lower_set(units.get("range_joiners", [])),
        multipliers=lower_set(units.get("multipliers", [])),
        count_modifiers=lower_set(units.get("count_modifiers", [])),
        ratio_links=tuple(
            sorted((tuple(w.lower().split()) for w in units.get("ratio_links", [])), key=len, reverse=True)
        ),
        plural_endings=tuple(units.get("plural_endings", [])),
        singular_endings=tuple(units.get("singular_endings", [])),
        months=lower_set(months),
        demonyms=lower_set(load(language, "gazetteer").get("demonyms", [])),
        clock_re=re.compile(rf"\s*(?:{alt(units.get('clock_words', []))})(?![^\W\d_])", re.IGNORECASE),
        custodial=custodial,
        custodial_res=tuple(re.compile(rf"\s+{re.escape(word)}\b") for word in custodial),
        stopwords=lower_set(units.get("stopwords", [])),
        default_currency=units.get("default_currency", ""),
        comparators=comparators,
        comparator_sizes=tuple(sorted({len(k) for k in comparators}, reverse=True)),
        level_phrases=frozenset(phrase_tokens(p) for p in units.get("level_phrases", [])),
        level_words=lower_set(units.get("level_words", [])),
        sentencing_words=lower_set(units.get("sentencing_words", [])),
        markers=lower_set(units.get("reference_markers", [])),
        date_re=compile_date_re(months, language),
        percent_re=percent_re,
        phrase_cardinals={k: tuple(v) for k, v in phrases.items()},
    )
