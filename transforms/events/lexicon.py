"""Event triggers: the verbs and event nouns of a language's lexicon (`resources/<lang>/triggers.json`).

Each entry has an event type from `schemas.ontology` and a kind:
- `verb`: a predicate that decides its event's type ('arrested', 'ondertekend', 'dismantles');
- `statement`: a reporting verb ('said', 'benadrukte'): the event is the saying;
- `light`: a verb that takes its type from the event noun it governs ('reached an agreement', 'vond
  een bijeenkomst plaats'); alone it is OTHER (or the type it has as a verb of the lexicon);
- `noun`: an event noun ('summit', 'arrestatie', 'akkoord').

A trailing * matches any ending; `a ... b` is a verb with its particle later in the same sentence
('voerde vanmorgen een actie uit', 'carried the operation out'): the trigger is the verb, found only
where the particle follows. Where one word is both a verb and a noun of the lexicon ('visit',
'bezoek'), a determiner before it makes it the noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from schemas.ontology import EVENT_TYPES
from transforms import resources
from transforms.alternation import alt
from transforms.clause_words import clause_words
from transforms.clauses import is_attributive

# How far after a separable verb its particle may stand (characters): Dutch puts it at the clause's end.
PARTICLE_REACH = 120
# Characters for which `str.lower()` is not what `re.IGNORECASE` compares ("İ" lowers to two
# characters, "ſ" matches "s", "ς" matches "σ"): a text holding one is searched with every entry.
_FOLDS = {chr(c) for k, v in re._casefix._EXTRA_CASES.items() for c in (k, *v)}
_FOLDS |= {c.upper() for c in _FOLDS} | {"\u0130", "\u03a3"}
CASE_SPECIAL = re.compile("[" + "".join(sorted(re.escape(c) for c in _FOLDS if not c.isascii())) + "]")
ARTICLES = frozenset(["de", "het", "een", "the", "a", "an"])
DETERMINERS = {
    "en": frozenset(
        [
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "its",
            "his",
            "her",
            "their",
            "our",
            "your",
            "my",
            "no",
            "any",
            "each",
            "every",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "deze",
            "dit",
            "die",
            "dat",
            "zijn",
            "haar",
            "hun",
            "ons",
            "onze",
            "uw",
            "mijn",
            "geen",
            "elke",
            "iedere",
        ]
    ),
}


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int  # document offsets of the trigger (the verb of a separable verb), end exclusive
    end: int
    text: str
    event_type: str
    kind: str  # verb | statement | light | noun


@dataclass(frozen=True, slots=True)
class Entry:
    pattern: re.Pattern  # the (first) word(s), with word boundaries
    particle: re.Pattern | None  # the particle of a separable verb, searched after the match
    event_type: str
    kind: str
    prefix: str  # the literal its first word starts with: a text without it cannot match


def compile_words(words: str) -> str:
    parts = [re.escape(p).replace(r"\*", r"\w*") for p in words.lower().split()]
    return r"\s+".join(parts)


def compile_entry(word: str, event_type: str, kind: str) -> Entry:
    head, _, particle = word.partition(" ... ")
    # "top" is a summit, "top-5" is not: no word character or hyphenated word right after
    pattern = re.compile(rf"(?<![\w-]){compile_words(head)}(?![\w]|-\w)", re.I)
    after = re.compile(rf"(?<!\w){compile_words(particle)}(?!\w)", re.I) if particle else None
    return Entry(pattern, after, event_type, kind, head.lower().split()[0].split("*")[0])


@cache
def not_triggers(language: str) -> re.Pattern | None:
    """Phrases in which a trigger word names no event ('law enforcement', 'georganiseerde criminaliteit')."""
    data = resources.load(language, "triggers") or resources.load("en", "triggers")
    phrases = data.get("not_triggers", [])
    if not phrases:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(compile_words(p) for p in phrases)})(?!\w)", re.I)


def is_light_verb(word: str, language: str) -> bool:
    """A light verb of one word ('launched', 'startte', 'opende' for 'opende*'): a verb that is also one
    has its event noun object's type where it has one (`predicate.event_type`)."""
    exact, prefixes = light_verb_words(language)
    w = word.lower()
    return w in exact or w.startswith(prefixes)


@cache
def light_verb_words(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    data = resources.load(language, "triggers") or resources.load("en", "triggers")
    words = [w.lower() for w in data.get("light_verbs", []) if " " not in w]
    return frozenset(w for w in words if "*" not in w), tuple(w.rstrip("*") for w in words if w.endswith("*"))


@cache
def lexicon(language: str) -> tuple[Entry, ...]:
    """All entries of a language, longer words first (so 'algemeen overleg' wins over 'overleg')."""
    data = resources.load(language, "triggers") or resources.load("en", "triggers")
    verbs: dict[str, str] = {}
    entries: list[Entry] = []
    for event_type, words in data.get("verbs", {}).items():
        if event_type not in EVENT_TYPES:
            continue
        for w in words:
            verbs.setdefault(w.lower(), event_type)
            entries.append(compile_entry(w, event_type, "statement" if event_type == "STATEMENT" else "verb"))
    for w in data.get("light_verbs", []):
        entries.append(compile_entry(w, verbs.get(w.lower(), "OTHER"), "light"))
    for event_type, words in data.get("nouns", {}).items():
        if event_type in EVENT_TYPES:
            entries.extend(compile_entry(w, event_type, "noun") for w in words)
    return tuple(entries)


def find_triggers(text: str, start: int, end: int, language: str) -> list[Trigger]:
    """The triggers in text[start:end], in text order, without overlaps: at one place the longest match
    wins, and of two matches of the same words the noun after a determiner, else the verb."""
    found: dict[tuple[int, int], list[Trigger]] = {}
    for t in all_matches(text, start, end, language):
        found.setdefault((t.start, t.end), []).append(t)
    blocked = not_triggers(language)
    spans = [m.span() for m in blocked.finditer(text, start, end)] if blocked else []
    chosen: list[Trigger] = []
    for span in sorted(found, key=lambda s: (s[0], -(s[1] - s[0]))):
        if chosen and span[0] < chosen[-1].end:
            continue
        if any(s <= span[0] < e for s, e in spans):
            continue
        verbs = [t for t in found[span] if t.kind != "noun"]
        if verbs and len(verbs) == len(found[span]):
            first = verbs[0]
            if is_name(text, first, start) or is_attributive(text, first.start, first.end, language, start):
                continue  # 'Organized Crime', 'de genomen coronamaatregelen': no verb
        reading = pick_reading(found[span], text, language)
        chosen.append(reading)
    return chosen


# Length of the slices of a prefix that index the lexicon (see `entries_by_slice`).
SLICE = 3


@cache
def word_starts(language: str) -> re.Pattern:
    """The places of a lower-cased text where an entry of SLICE characters or more can begin: a word
    start (no word character or hyphen before) that opens with one of their prefixes (one trie). The
    other word starts ('the', 'van', 'said') have no fitting entry: the regex engine passes over them,
    not a Python loop. Every entry opens with (?<![\\w-]), and lower-casing keeps whether a character is
    a word character (the one character that lowers to two, "İ", is in CASE_SPECIAL: such a text is
    searched with every entry). No prefixes: `alt` gives a pattern that matches nothing."""
    by_slice, _ = entries_by_slice(language)
    prefixes = {lexicon(language)[i].prefix for indices in by_slice.values() for i in indices}
    return re.compile(rf"(?<![\w-])(?={alt(prefixes)})")


# The characters up to the next white space at a word start, and how many of them a language keeps the
# fitting entries of (`entries_by_run`).
RUN = re.compile(r"\S*")
RUNS_REMEMBERED = 100_000


@cache
def entries_by_run(language: str) -> dict[str, tuple[int, ...]]:
    """The entries that can match at a word start, by its run of characters up to white space (lower
    case): filled as texts are read; a text's words repeat, so most word starts cost one look-up."""
    return {}


@cache
def entries_by_slice(language: str) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """The lexicon's entries (by position) indexed by the first SLICE characters of their prefix, and
    those whose prefix is shorter than that: the slices of a text's word starts find its few candidate
    entries without a test per entry."""
    by_slice: dict[str, list[int]] = {}
    short: list[int] = []
    for index, entry in enumerate(lexicon(language)):
        if len(entry.prefix) < SLICE:
            short.append(index)
        else:
            by_slice.setdefault(entry.prefix[:SLICE], []).append(index)
    return {k: tuple(v) for k, v in by_slice.items()}, tuple(short)


def all_matches(text: str, start: int, end: int, language: str, shortcut: bool = True) -> list[Trigger]:
    """Every match of every entry in text[start:end], in lexicon order. With `shortcut`, an entry is
    tried only where a word starts with the first SLICE characters of its prefix, anchored there: a
    few anchored tries per word instead of a scan of the text per entry (a test proves both find the
    same on made-up text)."""
    entries = lexicon(language)
    found: list[tuple[int, int, Trigger]] = []
    if not shortcut or CASE_SPECIAL.search(text, start, end) is not None:
        for index, entry in enumerate(entries):
            found += [
                (index, m.start(), t)
                for m in entry.pattern.finditer(text, start, end)
                if (t := hit(entry, m, text, end))
            ]
    else:
        by_slice, short = entries_by_slice(language)
        by_run = entries_by_run(language)
        lowered = text[start:end].lower()
        for m in word_starts(language).finditer(lowered):
            run = RUN.match(lowered, m.start()).group()
            fitting = by_run.get(run)
            if fitting is None:
                # of the entries its slice finds, those whose prefix the run starts with: the prefix has
                # no white space and is matched at the start, so the run must start with it
                key = lowered[m.start() : m.start() + SLICE]
                fitting = tuple(i for i in by_slice.get(key, ()) if run.startswith(entries[i].prefix))
                if len(by_run) > RUNS_REMEMBERED:
                    by_run.clear()  # a bound on memory over a long run
                by_run[run] = fitting
            pos = start + m.start()
            for index in fitting:
                match = entries[index].pattern.match(text, pos, end)
                if match and (t := hit(entries[index], match, text, end)):
                    found.append((index, pos, t))
        for index in short:
            entry = entries[index]
            found += [
                (index, m.start(), t)
                for m in entry.pattern.finditer(text, start, end)
                if (t := hit(entry, m, text, end))
            ]
    return [t for _, _, t in sorted(found, key=lambda f: (f[0], f[1]))]


def hit(entry: Entry, m: re.Match, text: str, end: int) -> Trigger | None:
    """The trigger of a match, when its particle (if any) follows within reach."""
    if entry.particle is not None and not entry.particle.search(
        text, m.end(), min(end, m.end() + PARTICLE_REACH)
    ):
        return None
    return Trigger(m.start(), m.end(), m.group(), entry.event_type, entry.kind)


def is_name(text: str, t: Trigger, sentence_start: int) -> bool:
    """A capitalised verb after the sentence's first word is part of a name ('Organized Crime')."""
    return capitalised_inside(text, t.start, sentence_start)


# What opens a sentence, a quotation or a list item: a capital after it says nothing.
OPENS_BEFORE = re.compile(r"[.:;!?\"“‘«(\n]\s*$")


def capitalised_inside(text: str, start: int, sentence_start: int = 0) -> bool:
    """The word at `start` is capitalised, and not as the first word of its sentence (from
    `sentence_start`) or after what opens one: a name's word ('Organized Crime', 'Theresa May')."""
    if not text[start : start + 1].isupper() or not text[sentence_start:start].strip():
        return False
    return not OPENS_BEFORE.search(text[max(sentence_start, start - 3) : start])


def pick_reading(readings: list[Trigger], text: str, language: str) -> Trigger:
    """Of the entries that match the same words, the noun after a determiner ('the visit', 'een bezoek'),
    else the first verb reading (a heavy verb before a statement before a light one). A verb after an
    article with no noun reading is a noun still ('het versterken van de aanpak')."""
    before = re.search(r"([\w'’]+)\W*$", text[max(0, readings[0].start - 30) : readings[0].start])
    after = re.match(r"\s+([\w'’]+)", text[readings[0].end : readings[0].end + 30])
    determined = bool(before) and before.group(1).lower() in DETERMINERS.get(language, DETERMINERS["en"])
    # a verb is seldom followed by an auxiliary: 'Additional funds are made available' is the noun
    nominal = determined or bool(after) and after.group(1).lower() in clause_words(language).finite
    order = ("noun", "verb", "statement", "light") if nominal else ("verb", "statement", "light", "noun")
    reading = min(readings, key=lambda t: order.index(t.kind))
    if before and before.group(1).lower() in ARTICLES and reading.kind != "noun" and " " not in reading.text:
        return replace(reading, kind="noun")
    return reading
