"""Clauses and their tense: where the clause around a span begins and ends, and whether it looks back or ahead.

One reading of tense for the whole pipeline: the temporal tagger asks it where to place a bare weekday
or a yearless month ("De Kamer stemt dinsdag" looks ahead, "bezocht dinsdag" back), and the event
extractor asks it for the status of each clause's event. The words are data, in the language's
`temporal.json`:

- `past_cues` / `future_cues`: words and phrases that say the clause looks back or ahead ("vorige",
  "zal", "will", "plans to"); `cue_exceptions` lists the word after a cue that undoes it ("next to");
- `past_verb_suffixes`: endings of a verb in the past tense ("-ed", "-de", "-te", "-kten");
  `not_past_verbs` the words that only look like one ("hundred", "unaccompanied");
- `participle_auxiliaries`: after these a past form is a participle ("will be signed");
  `articles` + `adjective_leads`: after these it is an adjective ("the planned sale", "its revised");
- `reported_speech_starts` ("saying") and `attribution_verbs` ("..., sources said"): what was said,
  and who said it, are not the tense of the clause that reports it;
- `perfect_auxiliaries`, `irregular_participles`, `participle_patterns`: the perfect, which looks back
  like the past ("this year 80 have been convicted", "dit jaar zijn er al 80 veroordeeld");
  `forecast_cues`: a clause with one of these forecasts or supposes ("had predicted", "zou"), so it
  does not look back on what has happened.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from transforms import resources
from transforms.alternation import alt
from transforms.clause_words import ClauseWords, clause_words
from transforms.sentences import is_abbreviation, sliceable_lower

# A clause ends at these; a period only at a word's end before white space (not in '3.15', 'a.m.').
CLAUSE_END = re.compile(r"[;!?\n]|(?<=(\w))?\.(?=\s|$)")
# quotation marks: double ones, typographic ones, and TimeBank's `` and '' (a single ' is an apostrophe)
QUOTE = re.compile(r"``|''|[\"“”„«»]")


@cache
def tense_words(language: str) -> dict:
    """The language's temporal.json: the tense words live beside the temporal grammar's."""
    return resources.load(language, "temporal")


def phrase_key(words: str) -> str:
    """A matched phrase as the lexicons spell their keys: lower case, single spaces ('Next  Week'
    and 'next\nweek' are 'next week')."""
    return re.sub(r"\s+", " ", words.lower())


def word_before(text: str, pos: int) -> str:
    r"""The word (letters, digits, '_', dots and apostrophes) that ends within the 40 characters before
    `pos`, with only white space after it; '' when there is none. What `re.search(r"([\w.'’]+)\s*$",
    ...)` finds, read backwards from the end instead of tried at every place of the window."""
    window = text[max(0, pos - 40) : pos].rstrip()
    start = len(window)
    while start and (window[start - 1].isalnum() or window[start - 1] in WORD_BEFORE_MARKS):
        start -= 1
    return window[start:].lower()


# The characters besides letters and digits (`str.isalnum`, what `\w` adds '_' to) of `word_before`.
WORD_BEFORE_MARKS = "_.'’"


def word_after(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w'’]+)", text[pos : pos + 40])
    return m.group(1).lower() if m else ""


def clause_bounds(text: str, language: str, start: int, end: int, reach: int = 600) -> tuple[int, int]:
    """The sentence around text[start:end]: from the last stop before it to the first after it, each
    looked for within `reach` characters. The period of an abbreviation is no stop: 'a.m.', 'U.S.',
    'Nov.', 'Mr.' (the sentence splitter's abbreviations), or '4 a.m. EDT Thursday' would lose the
    'will' of its sentence."""
    stops = text_stops(text, language)
    lo_from = max(0, start - reach)
    # a period right before `start` ends the part searched, as if the text ended there ('$' of CLAUSE_END)
    last = bisect.bisect_right(stops, (start, start)) - 1
    lo = None
    if start > lo_from and text[start - 1] == "." and is_stop(text, start - 1, language):
        lo = start
    elif last >= 0 and stops[last][0] >= lo_from and stops[last][1] <= start:
        lo = stops[last][1]
    lo = lo if lo is not None else (0 if lo_from == 0 else lo_from)
    window_end = min(len(text), end + reach)
    first = bisect.bisect_left(stops, (end, end))
    hi = stops[first][0] if first < len(stops) and stops[first][1] <= window_end else None
    if (
        window_end < len(text)
        and window_end > end
        and text[window_end - 1] == "."
        and is_stop(text, window_end - 1, language)
    ):
        hi = window_end - 1 if hi is None else hi  # the window's last period, as if the text ended there
    return lo, window_end if hi is None else hi


def is_stop(text: str, dot: int, language: str) -> bool:
    return not is_abbreviation(text, dot, language)


@lru_cache(maxsize=8)
def text_stops(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of every stop of `text` that ends a clause (`CLAUSE_END`, no abbreviation's
    period): read once per text, not once per expression that asks for its sentence."""
    return tuple(
        m.span() for m in CLAUSE_END.finditer(text) if m.group() != "." or is_stop(text, m.start(), language)
    )


def quotation_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """A quotation is a clause of its own. Inside one (an odd number of quote marks before the
    expression) the clause is the quotation: '"He will leave at 4 (4 a.m. Thursday)," Castro said'
    takes its tense from 'will'. Outside, a quotation that a colon or comma opens after the expression
    is what was said: 'He said Friday: "we will win"' is past. A quoted name or title ('will vote on
    the "Green Deal" Friday') is neither."""
    before = [m.end() for m in QUOTE.finditer(text, lo, start)]
    after = QUOTE.search(text, end, hi)
    if len(before) % 2:
        return before[-1], after.start() if after else hi
    if after and re.search(r"[:,]\s*$", text[end : after.start()]):
        return lo, after.start()
    return lo, hi


@dataclass(frozen=True)
class PastVerbWords:
    """A language's words for telling a verb in the past tense by its ending (read once, not per call)."""

    suffixes: tuple[str, ...]
    future: frozenset[str]  # verbs in -ed that look ahead ('scheduled', 'expected')
    auxiliaries: frozenset[str]  # after these a word in -ed is a participle ('will be named')
    leads: frozenset[str]  # articles and adjective leads: after these it is an adjective ('its revised')
    not_verbs: frozenset[str]  # words that only look like one ('hundred', 'unaccompanied')

    @property
    def not_before(self) -> frozenset[str]:
        return self.auxiliaries | self.leads

    def looks_past(self, word: str) -> bool:
        return len(word) > 4 and word.endswith(self.suffixes) and word not in self.future


@cache
def past_verb_words(language: str) -> PastVerbWords:
    words = tense_words(language)
    return PastVerbWords(
        tuple(words.get("past_verb_suffixes", [])),
        future_cue_heads(language),
        frozenset(w.lower() for w in words.get("participle_auxiliaries", [])),
        frozenset(w.lower() for w in words.get("articles", []) + words.get("adjective_leads", [])),
        frozenset(words.get("not_past_verbs", [])),
    )


@cache
def future_cue_heads(language: str) -> frozenset[str]:
    """First words of the future cues ('scheduled', 'expected' of 'expected to'): verbs in -ed that
    look ahead."""
    return frozenset(w.lower().split()[0] for w in tense_words(language).get("future_cues", []))


@cache
def tense_cues(language: str) -> tuple[re.Pattern, dict[str, int]]:
    """All past and future cues of a language as one pattern, and each cue's direction (a cue in both
    lists counts as past)."""
    words = tense_words(language)
    directions: dict[str, int] = {}
    for direction, cues in ((1, words.get("future_cues", [])), (-1, words.get("past_cues", []))):
        directions.update({phrase_key(cue): direction for cue in cues})
    return re.compile(rf"(?<!\w)(?=({alt(directions)})(?!\w))", re.I), directions


def past_verb_positions(text: str, language: str, lo: int, hi: int) -> list[int]:
    """Where words in the past tense stand between `lo` and `hi`: the language's `past_verb_suffixes`
    on a word of over four letters that is no future cue's verb ('scheduled', 'expected'), is no
    participle after 'be' ('will be named'), no adjective after an article, a determiner or an adverb
    ('the proposed', 'its revised budget', 'a closely watched vote'), none in a compound
    ('long-delayed'), and none of the words that only look like one ('hundred', 'untouched')."""
    pv = past_verb_words(language)
    if not pv.suffixes:
        return []
    not_before = pv.not_before
    found, previous = [], None
    for m in re.finditer(r"\w+", text[lo:hi]):
        w = m.group().lower()
        if (
            pv.looks_past(w)
            and (m.group()[0].islower() or previous is None)  # a capital mid-sentence is a name: 'Rutte'
            and w not in pv.not_verbs
            and previous not in not_before
            and text[lo + m.start() - 1 : lo + m.start()] != "-"
        ):
            found.append(lo + m.start())
        previous = w
    return found


def clause_direction(text: str, language: str, start: int, end: int, past_verbs: bool = False) -> int:
    """Tense of the clause around text[start:end]: -1 past, 1 future, 0 unknown. The cue nearest the
    span wins ("said Tuesday it will ..." is past for Tuesday). With `past_verbs`, a word that looks
    like a verb in the past tense is a cue too, but only before the clause's first future cue ('issued
    a joint statement Friday saying ... will' is past; 'will present its revised budget on Tuesday' and
    'will be sentenced Friday for crimes he committed' are not: the verb is in the scope of 'will')."""
    lo, hi = quotation_bounds(text, start, end, *clause_bounds(text, language, start, end))
    words = tense_words(language)
    not_cues = words.get("cue_exceptions", {})  # 'next to' says where, not when
    pattern, directions = tense_cues(language)
    pv = past_verb_words(language)
    reported_speech, attribution = reported_patterns(language)
    reported = reported_speech.search(text[end:hi])
    if reported:  # 'issued a statement Friday saying ... will': the 'will' is what was said
        hi = end + reported.start()
    trailing = attribution.search(text[end:hi]) if attribution is not None else None
    if trailing:  # 'will vote on Tuesday, government sources said': the attribution is not the vote's tense
        hi = end + trailing.start()
    lo, hi = own_coordinate(text, language, start, end, lo, hi)
    cues = []
    for m in pattern.finditer(text, lo, hi):  # one scan for all cues (a lookahead: overlapping ones too)
        pos, cue = m.start(), phrase_key(m.group(1))
        if start <= pos < end or word_after(text, m.end(1)) in not_cues.get(cue, ()):
            continue
        if directions[cue] < 0 and word_before(text, pos) in pv.auxiliaries:
            continue  # a participle after 'be' is no past tense: 'will be signed Friday'
        if directions[cue] > 0 and word_before(text, pos) in pv.leads:
            continue  # 'because of the planned sale': an adjective, no look ahead
        cues.append((pos, directions[cue]))
    if past_verbs:  # not in the scope of a future cue: only those before the first one
        first_future = min((pos for pos, d in cues if d > 0), default=hi)
        cues += [
            (pos, -1)
            for pos in past_verb_positions(text, language, lo, first_future)
            if not start <= pos < end
        ]
    best = min(cues, key=lambda pd: start - pd[0] if pd[0] < start else pd[0] - end, default=None)
    return best[1] if best else 0


@cache
def coordinate_opening(language: str) -> re.Pattern:
    """A comma and a coordinator (', and', ', maar'): the start of another main clause."""
    return re.compile(rf",\s+{alt(clause_words(language).coordinators)}(?![\w'’])", re.I)


def own_coordinate(text: str, language: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The part of lo..hi that is the coordinate clause of text[start:end]: 'The minister visited Calais
    on Monday, and she will travel to Brussels in July' reads 'Monday' in the past, whatever the clause
    after ', and' says."""
    opening = coordinate_opening(language)
    after = opening.search(text, end, hi)
    before = None
    for m in opening.finditer(text, lo, start):
        before = m
    return (before.end() if before else lo), (after.start() if after else hi)


@cache
def reported_patterns(language: str) -> tuple[re.Pattern, re.Pattern | None]:
    """What starts reported speech ('saying', 'zeggende'), and a trailing attribution (', government
    sources said'), compiled once."""
    words = tense_words(language)
    reported = re.compile(rf"(?<!\w){alt(words.get('reported_speech_starts', []))}(?!\w)", re.I)
    verbs = words.get("attribution_verbs", [])
    trailing = (
        re.compile(rf",\s+(?:[\w'’.-]+\s+){{0,6}}?(?:{alt(verbs)})(?!\w)[^,;:]*$", re.I) if verbs else None
    )
    return reported, trailing


def perfect_in_clause(text: str, language: str, start: int, end: int) -> bool:
    """The clause around text[start:end] is in the perfect: an auxiliary of the perfect with a participle
    ('this year 80 have been convicted'; Dutch anywhere in the clause: 'dit jaar zijn er al 80
    veroordeeld', 'dat er dit jaar 80 zijn veroordeeld')."""
    lo, hi = quotation_bounds(text, start, end, *clause_bounds(text, language, start, end))
    return perfect([w.lower() for w in re.findall(r"\w+(?:n't)?|'\w+", text[lo:hi])], language)


@cache
def forecast_pattern(language: str) -> re.Pattern | None:
    """The language's forecast and modal words ('may', 'would', 'predicted', 'verwacht', 'zou'), matched
    as written in lower case ('May' the month is none)."""
    cues = tense_words(language).get("forecast_cues", [])
    return re.compile(rf"(?<!\w){alt(cues)}(?!\w)") if cues else None


def looks_back(text: str, language: str, start: int, end: int) -> bool:
    """The clause around text[start:end] speaks of what has happened by now: its nearest tense cue (or a
    verb) is in the past, or it is in the perfect, with no cue that looks ahead nearer, and nothing in
    it forecasts or supposes ('analysts had predicted earnings for this year', 'may plead guilty this
    week', 'zou dit jaar ... kunnen')."""
    direction = clause_direction(text, language, start, end, past_verbs=True)
    if not (direction < 0 or (direction == 0 and perfect_in_clause(text, language, start, end))):
        return False
    forecast = forecast_pattern(language)
    lo, hi = quotation_bounds(text, start, end, *clause_bounds(text, language, start, end))
    return forecast is None or forecast.search(text, lo, hi) is None


def past_verb_in_clause(text: str, language: str, start: int) -> int:
    """-1 when a verb in the past tense ('stepped down ... in March') comes earlier in the sentence."""
    lo = clause_bounds(text, language, start, start)[0]
    return -1 if past_verb_positions(text, language, lo, start) else 0


def verb_before(text: str, language: str, start: int) -> int:
    """-1 when the word right before text[start:] (past 'on') is a verb in the past tense ('predicted
    Wednesday', 'issued on Friday'): the closest cue there is. 0 otherwise."""
    pv = past_verb_words(language)
    if not pv.suffixes:
        return 0
    before = text[max(0, start - 60) : start]
    m = last_word_pattern(language).search(before)
    if not m:
        return 0
    aux = LAST_WORD.search(before[: m.start()])
    if aux and aux.group(1).lower() in pv.auxiliaries:
        return 0  # a participle after 'be' is no past tense: 'to be published in November', 'will be named'
    return -1 if pv.looks_past(m.group(1).lower()) else 0


# The last word of a text, with white space after it.
LAST_WORD = re.compile(r"(\w+)\s+$")


@cache
def last_word_pattern(language: str) -> re.Pattern:
    """The last word of a text, with white space and maybe a date preposition ('on') after it."""
    preps = alt(tense_words(language).get("date_prepositions", []))
    return re.compile(rf"(\w+)\s+(?:{preps}\s+)?$", re.I)


# --- the clauses of a sentence, and the tense of each ------------------------------------------------

# Words and the punctuation that can end or open a clause (offsets into the text).
CLAUSE_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,]*|[,;:()\[\]–—\"“”«»„]")
CLOSERS = frozenset(",;:)]–—")


class Word(NamedTuple):
    start: int
    end: int
    low: str


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of a sentence. A clause may be interrupted by another ('De man die vrijdag verdronk,
    wordt begraven'): `spans` are its pieces, `start`/`end` their hull. `parent` is the index of the
    clause a subordinate one depends on (None for a main clause and its coordinates)."""

    start: int
    end: int
    kind: str  # main | coordinate | complement | relative | adverbial
    parent: int | None
    spans: tuple[tuple[int, int], ...]

    def holds(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.spans)


@lru_cache(maxsize=4096)
def clause_tokens(text: str, start: int, end: int) -> tuple[Word, ...]:
    """The words and punctuation of text[start:end]. Cached: the extractor asks for the same clause
    several times (its tense, its verbs, its status), and a str keeps its hash, so the key is cheap."""
    part = text[start:end]
    lowered = sliceable_lower(part)
    new = tuple.__new__  # a named tuple made without its Python-level __new__: several times cheaper
    if lowered is None:
        return tuple(
            Word(m.start(), m.end(), m.group().lower()) for m in CLAUSE_TOKEN.finditer(text, start, end)
        )
    return tuple(
        [
            new(Word, (s + start, e + start, lowered[s:e]))
            for s, e in map(re.Match.span, CLAUSE_TOKEN.finditer(part))
        ]
    )


def is_finite(word: Word, previous: str, language: str) -> bool:
    """A word that can be the finite verb of a clause: an auxiliary, modal or copula, an irregular past,
    or a word with the ending of a past tense that no article or auxiliary turns into an adjective or
    participle. Never a verb after 'te'/'to' ('een toename te zien', 'plans to have'): an infinitive."""
    cw = clause_words(language)
    if previous in cw.infinitive_markers:
        return False
    if word.low in cw.finite or cw.is_past(word.low):
        return True
    pv = past_verb_words(language)
    return pv.looks_past(word.low) and word.low not in pv.not_verbs and previous not in pv.not_before


# How far a reported clause may look for its finite verb ('dat'/'that' + a long subject).
REPORTED_REACH = 20


def is_participle(word: str, language: str, previous: str | None = None) -> bool:
    """A past participle by its form: 'arrested', 'taken'; 'gearresteerd', 'afgesproken', 'besloten'
    ('ge-' after an optional separable prefix, or an unstressed prefix, and a participle's ending). Not
    a noun of that shape ('gezinsleden'), nor after an article or an adjective lead ('het gebied', 'a
    limited'), unless that word is an auxiliary of the perfect ('zijn aangekomen')."""
    cw = clause_words(language)
    pv = past_verb_words(language)
    if previous is not None and previous in pv.leads and previous not in cw.perfect:
        return False
    if word in pv.not_verbs or (cw.not_participles and word.endswith(cw.not_participles)):
        return False
    if word in cw.participle_irregular:
        return True
    if not cw.participle_prefixes:
        return pv.looks_past(word)
    if len(word) < 6 or not word.endswith(("d", "t", "en")):
        return False
    stem = word
    for prefix in cw.separable_prefixes:
        if stem.startswith(prefix + "ge"):
            stem = stem[len(prefix) :]
            break
    return stem.startswith(cw.participle_prefixes)


def is_attributive(text: str, start: int, end: int, language: str, sentence_start: int) -> bool:
    """A participle before its noun is an adjective, not a verb: 'Increased migration', 'aangenomen
    moties', 'the targeted basis'. A content word follows it; in English, before it stands nothing,
    an article, a determiner or an adjective lead (Dutch puts more before one: 'eerder door de Kamer
    aangenomen moties')."""
    word = text[start:end].lower()
    participle = word.endswith("ed") if language == "en" else is_participle(word, language)
    if not participle or " " in word:
        return False
    after = re.match(r"\s+([\w'’-]+|[^\w\s])", text[end : end + 40])
    cw = clause_words(language)
    if not after or after.group(1).lower() in cw.function_words or not after.group(1)[:1].isalpha():
        return False
    if language != "en":
        return True
    before = re.search(r"([\w'’-]+)\W*$", text[max(sentence_start, start - 40) : start])
    return not before or before.group(1).lower() in past_verb_words(language).leads


def is_participial(word: str, language: str) -> bool:
    """A present participle that can open a clause: 'noting', 'saying'; 'zeggende', 'stellende'."""
    return len(word) > 5 and word.endswith("ing" if language == "en" else "ende")


def finite_between(words: Sequence[Word], lo: int, hi: int, language: str) -> bool:
    return any(is_finite(words[k], words[k - 1].low if k else "", language) for k in range(lo, hi))


def next_stop(words: Sequence[Word], i: int, cw: ClauseWords) -> int:
    """Index of the first punctuation or clause word after i that closes what i opened."""
    k = i + 1
    while k < len(words) and words[k].low not in CLOSERS and words[k].low not in cw.coordinators:
        k += 1
    return k


def split_clauses(
    text: str, language: str, start: int, end: int, protected: tuple[tuple[int, int], ...] = ()
) -> list[Clause]:
    """The clauses of the sentence text[start:end], in order of their first word.

    A semicolon, or a coordinator ('en', 'and', 'while', 'terwijl') with a finite verb on both sides,
    starts a coordinate clause; a subordinator ('omdat', 'after'), a complementizer ('dat', 'that')
    or a relative word ('die', 'which') followed by a finite verb opens a subordinate clause, which a
    comma closes again (a complement runs on to the end of its parent). Without a finite verb these
    words join phrases, not clauses ('Syrië en Eritrea', 'the rescue of over 23,000 migrants'). No
    clause begins inside a `protected` span (a date: 'van 2021 tot en met 2024').

    >>> [text for c in split_clauses(t := "Vorig jaar werden 120 smokkelaars veroordeeld en dit jaar zijn "
    ...  "het er al 80.", "nl", 0, len(t)) for text in [t[c.start:c.end]]]
    ['Vorig jaar werden 120 smokkelaars veroordeeld', 'en dit jaar zijn het er al 80.']
    """
    words = clause_tokens(text, start, end)
    cw = clause_words(language)
    if not any(
        w.low in cw.openers or (w.low == "," and after_comma(words, k, language)) for k, w in enumerate(words)
    ):
        # most sentences: one clause, read at once
        spans = ((start, end),) if text[start:end].strip(" ,;:") else ()
        return [Clause(start, end, "main", None, spans)] if spans else []
    reader = ClauseReader(text, language, start)
    inside = {k for k, w in enumerate(words) if any(s < w.start < e for s, e in protected)}
    for i in range(len(words)):
        if i not in inside:  # inside a date ('van 2021 tot en met 2024') no clause begins
            reader.read(words, i)
    return reader.finish(end)


def after_comma(words: Sequence[Word], k: int, language: str) -> bool:
    """A word after the comma at k that may begin a clause: a participle ('noting') or a verb in the
    past ('reported')."""
    if k + 1 >= len(words):
        return False
    nxt = words[k + 1].low
    return is_participial(nxt, language) or past_verb_words(language).looks_past(nxt)


class ClauseReader:
    """The state of `split_clauses` while it reads a sentence's words from left to right."""

    def __init__(self, text: str, language: str, start: int) -> None:
        self.text, self.language = text, language
        self.cw = clause_words(language)
        self.kinds: list[str] = ["main"]
        self.parents: list[int | None] = [None]
        self.pieces: list[list[tuple[int, int]]] = [[]]
        self.stack = [0]  # the open clauses, outermost first; the last is being read
        self.piece_start = start
        self.finite: set[int] = set()  # the clauses with a finite verb read so far

    def move(self, to_stack: list[int], at: int) -> None:
        """Close the piece being read at `at`, and go on reading the innermost clause of `to_stack`."""
        if at > self.piece_start:
            self.pieces[self.stack[-1]].append((self.piece_start, at))
        self.stack = to_stack
        self.piece_start = at

    def new(self, kind: str, parent: int | None) -> int:
        self.kinds.append(kind)
        self.parents.append(parent)
        self.pieces.append([])
        return len(self.kinds) - 1

    def coordinate(self, at: int) -> None:
        """Start a clause beside the one being read (a coordinate of a main clause, or of a subordinate
        one of the same kind)."""
        current = self.stack[-1]
        kind = self.kinds[current]
        sibling = self.new("coordinate" if kind in ("main", "coordinate") else kind, self.parents[current])
        self.move([*self.stack[:-1], sibling], at)

    def opens(self, words: Sequence[Word], i: int, reach: int = 0) -> bool:
        """Is there a finite verb between words[i] and the punctuation or coordinator that follows? With
        `reach`, commas and coordinators do not stop the search within that many words (the subject of a
        reported clause may hold a list: 'that the smuggling of migrants into, across and out of Europe
        remains ...')."""
        k = i + 1
        cw = self.cw
        while k < len(words) and words[k].low not in CLOSERS and words[k].low not in cw.coordinators:
            if not reach and words[k].low in cw.relatives | cw.complementizers | cw.subordinators:
                break  # the verb of a clause in this one is not its own ('en ... een toename die ... kwamen')
            k += 1
        if reach:
            k = i + 1
            while k < len(words) and k <= i + reach and words[k].low not in (";", ":"):
                k += 1
        if words[i].low in self.cw.verb_final_only:
            # 'als vorig jaar zien we ...' is no clause: its verb would stand at the end of one
            return finite_between(words, max(i + 1, k - 3), k, self.language)
        return finite_between(words, i + 1, k, self.language)

    def read(self, words: Sequence[Word], i: int) -> None:
        w, cw = words[i], self.cw
        previous = words[i - 1].low if i else ""
        current = self.stack[-1]
        if w.low == ";":
            self.move([self.new("coordinate", None)], w.end)
        elif w.low == "," and len(self.stack) > 1 and self.kinds[current] in ("relative", "adverbial"):
            self.move(self.stack[:-1], w.end)  # the subordinate clause ends, its parent goes on
        elif (
            w.low == ","
            and len(self.stack) == 1
            and self.kinds[current] == "adverbial"
            and self.parents[current] is None
        ):
            # 'Nadat de minister was vertrokken, begon het debat': the main clause follows the comma
            main = self.new("main", None)
            self.parents[current] = main
            self.move([main], w.end)
        elif (
            w.low in cw.coordinators
            and current in self.finite
            and self.opens(words, i)
            or previous == ","
            and current in self.finite
            and self.lists_verbs(words, i)
        ):
            self.coordinate(w.start)
        elif previous == "," and is_participial(w.low, self.language):
            # ', noting that ...', ', zeggende dat ...': a participial clause beside the main one
            self.move([self.stack[0], self.new("adverbial", self.stack[0])], w.start)
        elif (w.low in cw.subordinators or w.low in cw.complementizers or w.low in cw.relatives) and (
            self.opens(words, i, REPORTED_REACH if w.low in cw.complementizers else 0)
            or i == 0
            and w.low in cw.subordinators
            and self.inverted_after_comma(words)
        ):
            if i == 0:
                if w.low in cw.subordinators:
                    self.kinds[current] = "adverbial"
            else:
                kind = self.subordinate_kind(words, i)
                self.move([*self.stack, self.new(kind, current)], w.start)
        if self.stack[-1] not in self.finite and is_finite(w, previous, self.language):
            self.finite.add(self.stack[-1])

    def inverted_after_comma(self, words: Sequence[Word]) -> bool:
        """A finite verb right after the first comma: the main clause after a fronted subordinate one
        whose own verb no list knows ('Toen de politie de woning doorzocht, arresteerde zij ...')."""
        k = next((k for k, w in enumerate(words) if w.low == ","), None)
        return k is not None and k + 1 < len(words) and is_finite(words[k + 1], ",", self.language)

    def lists_verbs(self, words: Sequence[Word], i: int) -> bool:
        """A verb in the past with its object right after a comma, as the clause before it has a verb:
        the next item of a list of clauses that share their subject ('the Agency welcomed ...,
        reported key migration trends, and hosted ...'). Not a participle before its complement ('a
        boat, packed with 58 migrants', ', coordinated by judicial authorities')."""
        w = words[i]
        pv = past_verb_words(self.language)
        if not pv.looks_past(w.low) or w.low in pv.not_verbs or i + 1 >= len(words):
            return False
        after = words[i + 1].low
        return after[:1].isalpha() and after not in self.cw.function_words

    def subordinate_kind(self, words: Sequence[Word], i: int) -> str:
        """'dat'/'that' after a verb or a comma reports ('afgesproken dat we ...'); after a noun it is a
        relative ('het aantal mensen dat ... aankomt')."""
        low, before = words[i].low, words[i - 1]
        if low in self.cw.complementizers:
            after_verb = is_finite(before, "", self.language) or is_participle(before.low, self.language)
            if before.low == "," or after_verb or is_participial(before.low, self.language):
                return "complement"
            if low not in self.cw.relatives:
                return "complement"
        if low in self.cw.relatives:
            return "relative"
        return "adverbial"

    def finish(self, end: int) -> list[Clause]:
        if end > self.piece_start:
            self.pieces[self.stack[-1]].append((self.piece_start, end))
        out = []
        index = {}
        for k, spans in enumerate(self.pieces):
            spans = [(s, e) for s, e in spans if self.text[s:e].strip(" ,;:")]
            if spans:
                index[k] = len(out)
                out.append((k, spans))
        clauses = []
        for k, spans in out:
            parent = self.parents[k]
            clauses.append(
                Clause(
                    spans[0][0],
                    spans[-1][1],
                    self.kinds[k],
                    index.get(parent) if parent is not None else None,
                    tuple(spans),
                )
            )
        return clauses


def clause_tense(text: str, language: str, spans: tuple[tuple[int, int], ...]) -> str:
    """'future', 'past' or 'present': how the clause made of `spans` places what it says.

    Future: a verb that looks ahead ('will', 'zal', 'plans to', 'gaat ... investeren'). Past: an
    irregular past ('was', 'werd', 'kwam'), a verb with a past ending that is no participle after 'be'
    or adjective after an article ('arrested', 'meldde'), or a perfect (an auxiliary of the perfect and a
    participle: 'has been set aside', 'is ... gestegen', 'hebben ... bereikt'). Else present ('wordt
    uitgevoerd', 'are carried out', 'zet in op')."""
    cw = clause_words(language)
    words = [w for s, e in spans for w in clause_tokens(text, s, e)]
    for s, e in spans:
        for m in cw.future.finditer(text, s, e):
            if m.group().lower() in ("gaat", "gaan") and not infinitive_follows(text, m.end(), e):
                continue  # 'het gaat om', 'gaan naar': no future
            before = word_before(text, m.start())
            if before in past_verb_words(language).leads or before.endswith(("'s", "’s")):
                continue  # "the administration's plan to send", 'het plan om': a noun, no future
            return "future"
    lows = [w.low for w in words]
    pv = past_verb_words(language)
    if any(cw.is_past(w) and not (k and lows[k - 1] in pv.auxiliaries) for k, w in enumerate(lows)):
        return "past"  # not 'are made available', 'is held': a participle after 'be'

    if perfect(lows, language):
        return "past"
    for k, w in enumerate(lows):
        if "-" in w or not pv.looks_past(w) or w in pv.not_verbs:
            continue  # 'intelligence-led', 'long-delayed': adjectives
        if is_attributive(text, words[k].start, words[k].end, language, spans[0][0]):
            continue  # 'Increased migration increases ...': an adjective
        if (k and lows[k - 1] in pv.not_before) or (k > 1 and lows[k - 2] in pv.auxiliaries):
            continue  # 'the proposed rules', 'is therefore committed': an adjective or a participle
        if language == "en" or not is_participle(w, language):
            return "past"
    return "present"


# 'gaat ... investeren': an infinitive within a few words; 'gaat om', 'gaan naar' are no future.
INFINITIVE_AFTER = re.compile(
    r"^(?:\s+(?!(?:om|over|naar|erom|erover|door|mee)\b)[\w'’-]+){0,6}?\s+[a-zë]+en\b", re.I
)


def infinitive_follows(text: str, pos: int, end: int) -> bool:
    m = INFINITIVE_AFTER.match(text[pos:end])
    return bool(m) and not re.match(r"\s+(?:om|over|naar|erom|erover|door|mee)\b", text[pos:end], re.I)


def perfect(lows: list[str], language: str) -> bool:
    """An auxiliary of the perfect with a participle after it, within the language's reach ('has been',
    'heeft ... besloten')."""
    return with_participle(lows, language, clause_words(language).perfect)


def pluperfect(lows: list[str], language: str) -> bool:
    """The perfect in the past ('had been arrested', 'was ... vertrokken', 'hadden ... gesloten'): what it
    says happened before the time the story is at, not at it."""
    return with_participle(lows, language, clause_words(language).pluperfect)


def clause_pluperfect(text: str, language: str, spans: tuple[tuple[int, int], ...], verb: int) -> bool:
    """The verb at `verb` is in the pluperfect in its clause `spans`. Where the participle stands near its
    auxiliary (`perfect_within`: English), only up to the verb counts: 'said Bah had not intended' is
    no pluperfect of 'said'; Dutch puts the auxiliary anywhere ('dat hij vertrokken was')."""
    words = [w for s, e in spans for w in clause_tokens(text, s, e)]
    if clause_words(language).perfect_within is not None:
        words = [w for w in words if w.start <= verb]
    return pluperfect([w.low for w in words], language)


def with_participle(lows: list[str], language: str, auxiliaries: frozenset[str]) -> bool:
    cw = clause_words(language)
    for k, w in enumerate(lows):
        if w not in auxiliaries:
            continue
        last = len(lows) if cw.perfect_within is None else k + 1 + cw.perfect_within
        if any(is_participle(lows[j], language, lows[j - 1]) for j in range(k + 1, min(len(lows), last))):
            return True
    return False
