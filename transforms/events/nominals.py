"""Events named by a noun with a date of their own: 'het verzoek van de vaste Kamercommissie van 14
augustus jl.', 'in its conclusions of 24-25 June 2021', 'the 2022 ministerial meeting'.

Policy texts date what they refer to this way more than with verbs. The date belongs to the nearest
event noun before its link word ('van', 'of', 'dated'), skipping nouns that are only the noun's
owner ('het besluit | van de Europese Raad | van oktober 2015') or its topic ('de Kamerbrief | inzake
het Actieplan | van 23 april'); or to an event noun right after it ('the March 2016 summit'). A
clause boundary or a finite verb between them breaks the tie.
"""

from __future__ import annotations

import re

from transforms.clauses import clause_tokens, is_finite
from transforms.events.lexicon import Trigger
from transforms.events.words import event_words
from transforms.model import Timex

# Words between an event noun and the link word of its date, at most.
REACH_WORDS = 9
# Prepositions after which a noun is the owner or the topic of another noun, not the one a date dates.
OWNER_OR_TOPIC = {
    "nl": frozenset(["van", "inzake", "over", "betreffende", "aangaande", "omtrent", "namens", "door"]),
    "en": frozenset(["of", "on", "about", "regarding", "concerning", "by", "from"]),
}
ARTICLES = frozenset(["de", "het", "een", "the", "a", "an"])
BREAKS = re.compile(r"[;:.!?()]")


def nominal_dates(
    text: str, language: str, nouns: list[Trigger], timexes: list[Timex], lo: int, hi: int
) -> list[tuple[Trigger, Timex]]:
    """(noun, date) pairs in text[lo:hi]: each date at most once, each noun at most once."""
    if not nouns or not timexes:
        return []  # most sentences: nothing to pair, no need to read their words
    words = clause_tokens(text, lo, hi)
    index = {w.start: k for k, w in enumerate(words)}
    links = event_words(language).date_links
    owners = OWNER_OR_TOPIC.get(language, OWNER_OR_TOPIC["en"])
    pairs: list[tuple[Trigger, Timex]] = []
    used: set[int] = set()
    for t in timexes:
        k = first_word_at(index, words, t.start)
        if k is None:
            continue
        noun = None
        if k > 0 and words[k - 1].low in links:
            noun = noun_before(text, language, words, k - 1, nouns, owners)
        if noun is None:
            noun = noun_just_before(words, k, nouns) or noun_after(words, k, t, nouns)
        if noun is not None and id(noun) not in used:
            used.add(id(noun))
            pairs.append((noun, t))
    return pairs


def first_word_at(index: dict[int, int], words: list, start: int) -> int | None:
    if start in index:
        return index[start]
    return next((k for k, w in enumerate(words) if w.start >= start), None)


def noun_before(
    text: str, language: str, words: list, link: int, nouns: list[Trigger], owners: frozenset[str]
) -> Trigger | None:
    """The event noun the date after words[link] belongs to, looking back at most REACH_WORDS words: the
    nearest one that is not the owner or topic of another ('van de Europese Raad', 'inzake het
    Actieplan'), else the farthest ('de Kamerbrief inzake het Actieplan ... van 23 april')."""
    by_start = {n.start: n for n in nouns}
    found: list[Trigger] = []
    for j in range(link - 1, max(0, link - REACH_WORDS) - 1, -1):
        w = words[j]
        if BREAKS.match(w.low) or is_finite(w, words[j - 1].low if j else "", language):
            break
        noun = by_start.get(w.start)
        if noun is None:
            continue
        if not governed(words, j, owners):
            return noun
        found.append(noun)
    return found[-1] if found else None


def governed(words: list, j: int, owners: frozenset[str]) -> bool:
    """An owner or topic preposition within the three words before words[j] ('van de vaste ...')."""
    for k in range(j - 1, max(0, j - 4) - 1, -1):
        if words[k].low in owners:
            return True
        if BREAKS.match(words[k].low) or words[k].low == ",":
            return False
    return False


def noun_after(words: list, k: int, t: Timex, nouns: list[Trigger]) -> Trigger | None:
    """'the 2022 ministerial meeting', 'de maart 2016 top': an event noun right after an article and a
    year or month, only adjectives between ('in 2024 de oversteek' dates the clause, not the noun)."""
    if t.precision not in ("year", "month", "quarter", "half", "season"):
        return None
    if k == 0 or words[k - 1].low not in ARTICLES:
        return None  # 'In May asylum applications rose': the date of the clause, no premodifier
    after = [w for w in words[k:] if w.start >= t.end][:3]
    for w in after:
        noun = next((n for n in nouns if n.start == w.start), None)
        if noun is not None:
            return noun
        if BREAKS.match(w.low) or w.low == "," or w.low in ARTICLES or not w.low[:1].isalpha():
            return None
    return None


def noun_just_before(words: list, k: int, nouns: list[Trigger]) -> Trigger | None:
    """'since its creation five years ago', 'de arrestatie vorige week': an event noun right before the
    date, nothing between; not one that completes another event noun ('a surge in crossings later this
    week': the date is the surge's)."""
    if k == 0:
        return None
    noun = next((n for n in nouns if n.end == words[k - 1].end), None)
    if noun is None:
        return None
    j = next((i for i, w in enumerate(words) if w.start == noun.start), None)
    if j is not None and j > 0 and words[j - 1].low in ARTICLES:
        j -= 1  # 'een stijging van de arrestaties'
    completes = j is not None and j >= 2 and words[j - 1].low in COMPLEMENT_PREPOSITIONS
    if completes and any(n.end == words[j - 2].end for n in nouns if n is not noun):
        return None
    return noun


# Prepositions by which a noun completes the event noun before it ('a surge in crossings', 'een toename
# van de instroom').
COMPLEMENT_PREPOSITIONS = frozenset(["in", "of", "on", "for", "van", "naar", "op", "om", "voor"])
