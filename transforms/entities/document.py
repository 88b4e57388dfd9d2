"""A document's actors and places, read once: `read_entities(text, language).in_span(start, end)`.

The whole text is read first (sentence by sentence, `mentions.find_mentions`), then every mention is
named by the fullest form the document uses:

1. An acronym the document ties to a name in parentheses is that name (`Koninklijke Marechaussee (KMar)`:
   a later `KMar` is `Koninklijke Marechaussee`); a known short form (`aliases` in the gazetteer: `EU`,
   `VK`) is its full form when the document uses that.
2. A shorter name whose words stand together in exactly one longer name of the same sort in the document
   is that name: `Starmer` -> `Keir Starmer`, `United Kingdom` -> `United Kingdom of Great Britain and
   Northern Ireland`, `de Kamer` -> `Tweede Kamer der Staten-Generaal`.
3. A bare office title is the one person the document names with that title (`de Minister-President`
   -> `Rutte`); an office in apposition to a person is that person; an organisation's kind after a
   determiner is the one organisation of that kind the document names (`the Agency` -> `Frontex`).
4. A term the document defines for a list of names (`X, Y and Z (hereinafter 'the participants')`) stands
   for all of them wherever it is used after (`the participants agreed`).
5. In a letter or an answer to questions (`letters.find_roles`), first person (`ik`, `wij`, `I`, `we`) is
   the sender and address (`u`, `uw Kamer`) the addressee.

What the document does not resolve (a bare title nobody holds, `u` without an addressee) is left out.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from transforms.entities.letters import Roles, Segmented, find_roles, letter_clues, office_from_capitals
from transforms.entities.lexicon import load_gazetteer
from transforms.entities.mentions import find_mentions
from transforms.entities.words import Link, Mention
from transforms.sentences import Segment, split_sentences

# Sorts of names that stand for one another (rule 2): a country's short name for its full one, a
# person's surname for the full name; an organisation's shorter name for its full one.
SORTS = {
    "person": "person",
    "name": "person",
    "organisation": "organisation",
    "function": "function",
    "country": "country",
    "nation": "country",
    "union": "organisation",
    "place": "place",
}


def is_in_capitals(name: str) -> bool:
    """`EUROPEAN PARLIAMENT`: a name of two words or more written in capitals (not an acronym)."""
    words = name.split()
    return len(words) >= 2 and name.isupper() and any(len(w) >= 5 for w in words)


def words_of(name: str) -> tuple[str, ...]:
    return tuple(name.casefold().replace("-", " - ").split())


def contains_words(longer: tuple[str, ...], shorter: tuple[str, ...], particles: frozenset[str]) -> bool:
    """Do the shorter name's words stand together in the longer one, not as a complement after a
    particle (`EU` is not `Council of the EU`, but `Kamer` is `Tweede Kamer der Staten-Generaal`)?"""
    n = len(shorter)
    return any(
        longer[k : k + n] == shorter and (k == 0 or longer[k - 1] not in particles)
        for k in range(len(longer) - n + 1)
    )


class Resolved(NamedTuple):
    start: int
    end: int
    name: str
    actor: bool
    location: bool
    own_side: bool = False  # the text's own side: its writer, its addressee, its government (`het kabinet`)


class DocumentEntities:
    """The resolved mentions of one document, in order; `in_span` answers for any part of it."""

    def __init__(self, resolved: list[Resolved], roles: Roles, issued_at: str | None = None) -> None:
        self.mentions = resolved
        self.roles = roles  # a letter's sender and addressee, where the document says them
        self.issued_at = issued_at  # the place of the document's dateline (`Brussels, 16.10.2019`)
        self._starts = [m.start for m in resolved]

    def in_span(
        self, start: int, end: int, topic: tuple[int, int] | None = None
    ) -> tuple[list[str], list[str]]:
        """(actors, locations) mentioned in text[start:end], fullest forms, deduplicated, in order.
        `topic`: a span inside it that is what the event is about (`topics.topic_span`): of its mentions
        only the text's own side counts (`uw Kamer is geïnformeerd over de afspraken die het kabinet maakte`).

        >>> read_entities("Starmer sprak. Keir Starmer sprak in Londen.", "nl").in_span(0, 14)
        (['Keir Starmer'], [])
        """
        actors: dict[str, None] = {}
        locations: dict[str, None] = {}
        for m in self.mentions[bisect.bisect_left(self._starts, start) :]:
            if m.start >= end:
                break
            if m.end > end:
                continue
            if topic is not None and topic[0] <= m.start < topic[1] and not m.own_side:
                continue
            if m.actor:
                actors.setdefault(m.name)
            if m.location:
                locations.setdefault(m.name)
        return list(actors), list(locations)


class Namer:
    """The fullest form of each name (rules 1-3), from every mention and link of the document."""

    def __init__(self, segments: list[Segmented], language: str) -> None:
        gaz = load_gazetteer(language)
        self.particles = gaz.particles
        self.kinds = gaz.organisation_kinds
        self.clues = letter_clues(language)
        self.links: dict[str, str] = {}
        self.by_sort: dict[str, dict[tuple[str, ...], str]] = {}
        self.by_word: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        self.titled: dict[str, set[str]] = {}
        used = set()
        for seg in segments:
            for link in seg.links:
                if link.kind != "alias":  # a term for a list stands for several names (`alias_mentions`)
                    self.links.setdefault(link.short, link.full)
            for m in seg.mentions:
                if m.kind != "nation":  # a name the document writes, not one read from its demonym
                    used.add(m.name)
                sort = SORTS.get(m.kind)
                if sort is None:
                    continue
                words = words_of(m.name)
                names = self.by_sort.setdefault(sort, {})
                if words not in names:
                    names[words] = m.name
                    for w in set(words):
                        self.by_word.setdefault((sort, w), []).append(words)
                if m.kind == "person" and m.title:
                    self.titled.setdefault(m.title, set()).add(m.name)
        for short, full in gaz.aliases.items():
            if full in used:
                self.links.setdefault(short, full)
        # a country read from a demonym, in the form the document writes (`Europese` -> `EU`)
        self.written = {
            full: short for short, full in gaz.aliases.items() if short in used and full not in used
        }
        self.cache: dict[tuple[str, str], str] = {}

    def fullest(self, name: str, kind: str) -> str:
        key = (name, kind)
        if key not in self.cache:
            self.cache[key] = self._fullest(name, kind)
        return self.cache[key]

    def _fullest(self, name: str, kind: str) -> str:
        if kind == "nation":
            name = self.written.get(name, name)
        if kind in ("function", "organisation", "name", "institution") and is_in_capitals(name):
            name = office_from_capitals(name, self.clues)  # `STAATSSECRETARIS VAN ...` in a heading
        seen = {name}
        while name in self.links and self.links[name] not in seen:  # rule 1, and offices in apposition
            name = self.links[name]
            seen.add(name)
        sort = SORTS.get(kind)
        if sort is None:
            return name
        words = words_of(name)
        if not words:
            return name
        longer = {
            cand
            for cand in self.candidates(sort, words)
            if len(cand) > len(words) and contains_words(cand, words, self.particles)
        }
        if sort == "person":  # a surname stands for a full name it ends
            longer = {cand for cand in longer if cand[-len(words) :] == words}
        if len(longer) == 1:
            return self.by_sort[sort][longer.pop()]
        return name

    def candidates(self, sort: str, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The names of `sort` holding the rarest of `words` (a particle such as `van` is in many)."""
        lists = [self.by_word.get((sort, w), []) for w in words]
        return min(lists, key=len)

    def opened_by(self, word: str) -> str | None:
        """The one organisation of the document whose name starts with `word` (`Council` -> `Council of
        the EU`), for a sentence's first word."""
        key = word.casefold()
        found = {
            self.fullest(self.by_sort["organisation"][words], "organisation")
            for words in self.by_word.get(("organisation", key), [])
            if words[0] == key and len(words) > 1
        }
        return found.pop() if len(found) == 1 else None

    def described(self, kind: str) -> str | None:
        """The one organisation of the document of `kind` (`agency`): by the gazetteer's kinds or by its
        name's last word (`National Crime Agency`)."""
        found = {
            self.fullest(name, "organisation")
            for words, name in self.by_sort.get("organisation", {}).items()
            if self.kinds.get(name) == kind or words[-1] == kind
        }
        return found.pop() if len(found) == 1 else None

    def holder(self, title: str) -> str | None:
        """The one person the document names with `title` (rule 3)."""
        names = {self.fullest(n, "person") for n in self.titled.get(title, ())}
        return names.pop() if len(names) == 1 else None


def resolve(m: Mention, namer: Namer, roles: Roles, addressee_org: str | None) -> Resolved | None:
    if m.kind == "self":
        return Resolved(m.start, m.end, roles.sender, True, False, True) if roles.sender else None
    if m.kind == "addressee":
        target = roles.addressee or (addressee_org if " " in m.name else None)
        return Resolved(m.start, m.end, target, True, False, True) if target else None
    if m.kind == "title":
        person = namer.holder(m.title)
        return Resolved(m.start, m.end, person, True, False) if person else None
    if m.kind == "start":
        org = namer.opened_by(m.name)
        return Resolved(m.start, m.end, org, True, False) if org else None
    if m.kind == "description":
        org = namer.described(m.name)
        return Resolved(m.start, m.end, org, True, False) if org else None
    name = namer.fullest(m.name, m.kind)
    own = m.kind == "government" or name in (roles.sender, roles.addressee)
    return Resolved(m.start, m.end, name, m.actor, m.location, own)


def addressed_organisation(mentions: list[Mention], namer: Namer, language: str) -> str | None:
    """For `de Kamer` without a letter's addressee: the one organisation of the document named by the
    addressee noun (`Tweede Kamer der Staten-Generaal`)."""
    nouns = load_gazetteer(language).addressee_nouns
    found = {
        namer.fullest(m.name, m.kind)
        for m in mentions
        if m.kind == "organisation" and nouns & set(words_of(m.name))
    }
    return found.pop() if len(found) == 1 else None


def read_entities(text: str, language: str, sentences: list[Segment] | None = None) -> DocumentEntities:
    """Read the whole document once (linear in its length); ask `in_span` for any part of it.
    `sentences`: `split_sentences(text, language)` (with or without the title), when the caller has it.

    >>> doc = read_entities("De Koninklijke Marechaussee (KMar) controleerde. De KMar hield er vijf aan.", "nl")
    >>> doc.in_span(49, 76)
    (['Koninklijke Marechaussee'], [])
    """
    if sentences is None:
        sentences = split_sentences(text or "", language)
    segments = [read_segment(seg.start, seg.text, language) for seg in sentences]
    roles = find_roles(segments, language)
    namer = Namer(segments, language)
    every = [m for seg in segments for m in seg.mentions]
    addressee_org = addressed_organisation(every, namer, language)
    if roles.sender:
        sender = namer.fullest(roles.sender, "person")
        if (
            sender == roles.sender
        ):  # `Commission` (COMMUNICATION FROM THE COMMISSION) -> `European Commission`
            sender = namer.fullest(roles.sender, "organisation")
        roles = Roles(sender, roles.addressee)
    dateline = dateline_place(segments)
    resolved = [
        r for m in every if m is not dateline and (r := resolve(m, namer, roles, addressee_org)) is not None
    ]
    terms = alias_mentions(text or "", segments, namer)
    if terms:
        resolved = sorted(resolved + terms, key=lambda r: r.start)
    return DocumentEntities(resolved, roles, dateline.name if dateline else None)


def alias_mentions(text: str, segments: list[Segmented], namer: Namer) -> list[Resolved]:
    """Every use of a term the document defines for a list of names (`(hereinafter 'the participants')`)
    after its definition: one mention of each name at the term."""
    terms: dict[str, tuple[int, dict[str, None]]] = {}
    for seg in segments:
        for link in seg.links:
            if link.kind == "alias":
                end, names = terms.setdefault(link.short, (link.end, {}))
                names.setdefault(namer.fullest(link.full, "organisation"))
    found = []
    for term, (end, names) in terms.items():
        words = r"\s+".join(re.escape(w) for w in term.split())
        for m in re.finditer(rf"(?<![^\W\d_])(?i:{words})(?![^\W\d_])", text[end:]):
            found.extend(Resolved(end + m.start(), end + m.end(), name, True, False) for name in names)
    return found


def read_segment(start: int, sentence: str, language: str) -> Segmented:
    """One sentence's mentions and links, with offsets into the document."""
    mentions, links = find_mentions(sentence, language)
    if not mentions and not links:
        return Segmented(start, sentence, [], [])
    return Segmented(
        start,
        sentence,
        [
            Mention(m.start + start, m.end + start, m.name, m.kind, m.actor, m.location, m.title)
            for m in mentions
        ],
        [Link(k.short, k.full, k.kind, k.start + start, k.end + start) for k in links],
    )


def dateline_place(segments: list[Segmented], within: int = 12) -> Mention | None:
    """The place of a dateline near the top: a line that is a place, a comma and a date (`Den Haag, 17
    augustus 2015`, `Brussels, 29.9.2021`). Where the document was issued, not where its events happened:
    it is not in any span's locations."""
    for seg in segments[:within]:
        if not seg.mentions or seg.mentions[0].kind not in ("place", "country"):
            continue
        first = seg.mentions[0]
        rest = seg.text[first.end - seg.start :]
        if (
            first.start == seg.start
            and rest.startswith(",")
            and any(c.isdigit() for c in rest)
            and len(rest) < 40
        ):
            return first
    return None
