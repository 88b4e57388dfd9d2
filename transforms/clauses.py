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

import re
from dataclasses import dataclass
from functools import cache

from transforms import resources
from transforms.alternation import alt
from transforms.sentences import is_abbreviation

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
    m = re.search(r"([\w.'’]+)\s*$", text[max(0, pos - 40) : pos])
    return m.group(1).lower() if m else ""


def word_after(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w'’]+)", text[pos : pos + 40])
    return m.group(1).lower() if m else ""


def clause_bounds(text: str, language: str, start: int, end: int, reach: int = 600) -> tuple[int, int]:
    """The sentence around text[start:end]: from the last stop before it to the first after it. The
    period of an abbreviation is no stop: 'a.m.', 'U.S.', 'Nov.', 'Mr.' (the sentence splitter's
    abbreviations), or '4 a.m. EDT Thursday' would lose the 'will' of its sentence."""

    def stop(m: re.Match) -> bool:
        return m.group() != "." or not is_abbreviation(text, m.start(), language)

    lo_from = max(0, start - reach)
    stops = [m.end() for m in CLAUSE_END.finditer(text, lo_from, start) if stop(m)]
    lo = stops[-1] if stops else (0 if lo_from == 0 else lo_from)
    hi = next((m.start() for m in CLAUSE_END.finditer(text, end, end + reach) if stop(m)), None)
    return lo, min(len(text), end + reach) if hi is None else hi


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
    reported = re.search(rf"(?<!\w){alt(words.get('reported_speech_starts', []))}(?!\w)", text[end:hi], re.I)
    if reported:  # 'issued a statement Friday saying ... will': the 'will' is what was said
        hi = end + reported.start()
    attribution = words.get("attribution_verbs", [])
    trailing = attribution and re.search(
        rf",\s+(?:[\w'’.-]+\s+){{0,6}}?(?:{alt(attribution)})(?!\w)[^,;:]*$", text[end:hi], re.I
    )
    if trailing:  # 'will vote on Tuesday, government sources said': the attribution is not the vote's tense
        hi = end + trailing.start()
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


@dataclass(frozen=True)
class PerfectWords:
    """A language's words for telling the perfect ('have been convicted', 'zijn ... veroordeeld')."""

    auxiliaries: frozenset[str]
    irregular: frozenset[str]  # participles without a regular ending ('been', 'grown')
    pattern: re.Pattern | None  # participles by their shape ('veroordeeld', 'aangekomen')
    within: (
        int | None
    )  # the participle this many words after the auxiliary at most; None: anywhere in the clause


@cache
def perfect_words(language: str) -> PerfectWords:
    words = tense_words(language)
    shapes = words.get("participle_patterns", [])
    return PerfectWords(
        frozenset(w.lower() for w in words.get("perfect_auxiliaries", [])),
        frozenset(w.lower() for w in words.get("irregular_participles", [])),
        re.compile("|".join(f"(?:{p})" for p in shapes)) if shapes else None,
        words.get("perfect_participle_within"),
    )


def is_participle(word: str, previous: str | None, language: str) -> bool:
    """'convicted', 'been', 'veroordeeld', 'aangekomen'; not after an article or an adjective lead ('het
    gebied', 'a limited'), unless that word is the auxiliary itself ('zijn aangekomen')."""
    pv, pw = past_verb_words(language), perfect_words(language)
    if (previous in pv.leads and previous not in pw.auxiliaries) or word in pv.not_verbs:
        return False
    if word in pw.irregular or pv.looks_past(word):
        return True
    return pw.pattern is not None and pw.pattern.fullmatch(word) is not None


def perfect_in_clause(text: str, language: str, start: int, end: int) -> bool:
    """The clause around text[start:end] is in the perfect: an auxiliary of the perfect with a participle
    ('this year 80 have been convicted'; Dutch anywhere in the clause: 'dit jaar zijn er al 80
    veroordeeld', 'dat er dit jaar 80 zijn veroordeeld')."""
    pw = perfect_words(language)
    if not pw.auxiliaries:
        return False
    lo, hi = quotation_bounds(text, start, end, *clause_bounds(text, language, start, end))
    tokens = [w.lower() for w in re.findall(r"\w+(?:n't)?|'\w+", text[lo:hi])]
    for i, w in enumerate(tokens):
        if w not in pw.auxiliaries:
            continue
        window = range(i + 1, min(len(tokens), i + 1 + pw.within)) if pw.within else range(len(tokens))
        if any(j != i and is_participle(tokens[j], tokens[j - 1] if j else None, language) for j in window):
            return True
    return False


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
    preps = alt(tense_words(language).get("date_prepositions", []))
    before = text[max(0, start - 60) : start]
    m = re.search(rf"(\w+)\s+(?:{preps}\s+)?$", before, re.I)
    if not m:
        return 0
    aux = re.search(r"(\w+)\s+$", before[: m.start()])
    if aux and aux.group(1).lower() in pv.auxiliaries:
        return 0  # a participle after 'be' is no past tense: 'to be published in November', 'will be named'
    return -1 if pv.looks_past(m.group(1).lower()) else 0
