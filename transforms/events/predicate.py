"""The predicate of an event unit: the trigger that names what happened, and the event type it gives.

A verb of the lexicon first, one in a reported clause before one of the reporting clause ('afgesproken
| dat we Frontex gaan versterken': the strengthening); then a reporting verb ('affirmed their
commitment'); then an event noun that no time preposition governs ('tijdens de top' is a time, not
the event); then an infinitive ('om ... te investeren'); then a light verb ('vond ... plaats').
"""

from __future__ import annotations

import re

from transforms.clause_words import clause_words
from transforms.clauses import (
    QUOTE,
    clause_tokens,
    is_finite,
    is_participial,
    is_participle,
    past_verb_words,
)
from transforms.events.lexicon import Trigger, is_light_verb
from transforms.events.units import Unit
from transforms.events.words import event_words, found_in

# Priority of a predicate by its kind (lower first).
KIND_RANK = {"verb": 0, "statement": 1, "noun": 2, "light": 4}
INFINITIVE_RANK = 3
GOVERNED_NOUN_RANK = 6
QUOTED_RANK = 10  # a word inside quotation marks names the event only when nothing outside does
# A verb of these types in a reporting clause frames what its reported clause says.
FRAMING_TYPES = ("AGREEMENT", "STATEMENT")
# Words that end the phrase before a noun: it is not in the phrase a preposition further back heads.
STOPS_PHRASE = frozenset(
    ["en", "and", "of", "or", "heeft", "hebben", "is", "zijn", "was", "were", "has", "have", "had"]
)
MONEY_UNITS = ("EUR", "USD", "GBP")


def predicate(triggers: list[Trigger], unit: Unit, text: str, language: str) -> Trigger | None:
    """The trigger that names the unit's event (see the module's docstring)."""
    if not triggers:
        return None
    temporal = event_words(language).temporal_prepositions

    reported = any(p.role == "complement" for p in unit.parts)

    def rank(t: Trigger) -> tuple:
        role = unit.role_of(t.start) or "head"
        kind_rank = KIND_RANK[t.kind]
        before = word_before(text, t.start)
        if t.kind in ("verb", "statement") and after_infinitive_marker(text, t.start, language):
            kind_rank = INFINITIVE_RANK
        if t.kind in ("verb", "statement") and is_gerund(t.text, before, language):
            kind_rank = KIND_RANK["noun"]  # 'and strengthening operational cooperation': a noun's place
        if t.kind == "noun" and governed_by(text, t.start, temporal):
            kind_rank = GOVERNED_NOUN_RANK
        if quoted(text, unit.start, unit.end, t.start):
            kind_rank += QUOTED_RANK  # '... promised to "smash the gangs"': the promise, not the smashing
        framing = reported and role == "head" and t.kind == "verb" and t.event_type in FRAMING_TYPES
        role_rank = {"complement": 0, "head": 1, "sub": 2}[role]
        if t.kind == "verb" and not framing:
            role_rank = {"head": 0, "complement": 0, "sub": 2}[role]
        return (kind_rank, role_rank, t.start)

    return min(triggers, key=rank)


def after_infinitive_marker(text: str, pos: int, language: str) -> bool:
    """The verb at `pos` is an infinitive: right after 'te'/'to' ('om te investeren'), or a participle
    after 'to be'/'te worden' ('calls for his boy to be returned', 'om te worden uitgezet')."""
    cw = clause_words(language)
    words = [w.strip(".,;:'’\"").lower() for w in text[max(0, pos - 40) : pos].split()[-2:]]
    if words and words[-1] in cw.infinitive_markers:
        return True
    return len(words) == 2 and words[0] in cw.infinitive_markers and words[1] in cw.finite | cw.perfect


def is_gerund(word: str, before: str, language: str) -> bool:
    """An English -ing form that no form of 'be' makes a verb ('is allocating' is one)."""
    return language == "en" and word.lower().endswith("ing") and before not in BE_FORMS


BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"])


def own_act_trigger(triggers: list[Trigger], unit: Unit) -> Trigger | None:
    """The word that names the text's own act: a publication's verb or noun ('bied', 'informeer',
    'brief'), else its first verb."""
    inside = [t for t in triggers if unit.holds(t.start)]
    publication = [t for t in inside if t.event_type == "PUBLICATION"]
    verbs = [t for t in inside if t.kind != "noun"]
    return min(publication, key=lambda t: (t.kind == "noun", t.start), default=None) or (
        verbs[0] if verbs else None
    )


def named(pred: Trigger, text: str) -> bool:
    """A capitalised noun after a capitalised word: part of a name ('the EU-Turkey Statement')."""
    before = text[max(0, pred.start - 40) : pred.start].split()
    return pred.text[:1].isupper() and bool(before) and before[-1][:1].isupper()


def event_type(
    pred: Trigger | None, unit: Unit, triggers: list[Trigger], money: bool, text: str, language: str
) -> str:
    """The predicate's type. A change without a type of its own ('fell', 'gestegen', 'een stijging';
    or no predicate at all) is a crossing statistic where the unit names crossings or arrivals
    ('Irregular border crossings fell to 150,000'), a funding where it states an amount of money
    ('rising from € 45 million in 2025'). A statement named as a text of its own ('the EU-Turkey
    Statement') is an agreement."""
    own = pred.event_type if pred is not None else "OTHER"
    if reports_findings(pred, unit, text, language):
        return "PUBLICATION"  # 'Uit onderzoek van het WODC bleek dat ...': a study's findings
    if own == "STATEMENT" and pred is not None and pred.kind == "noun" and named(pred, text):
        return "AGREEMENT"  # 'the EU-Turkey Statement', 'the Joint Declaration': a text states agree
    # a verb that announces or starts something has its event noun object's type: 'confirmed the arrest of
    # three men' is an arrest, 'launched an investigation', 'startte een onderzoek' an investigation
    announces = (
        own == "STATEMENT" and pred is not None and pred.kind == "statement" and announcing(pred, language)
    )
    starts = (
        own == "OTHER" and pred is not None and pred.kind == "verb" and is_light_verb(pred.text, language)
    )
    if announces or starts:
        object_ = announced(pred, unit, triggers, text, language)
        if object_ is not None:
            return object_.event_type
    if own != "OTHER":
        return own
    if money:
        return "FUNDING"  # an amount of money that is no price ('rising from € 45 million in 2025')
    if any(t.event_type == "CROSSING_STATISTIC" and unit.holds(t.start) for t in triggers):
        return "CROSSING_STATISTIC"
    return own


# How far after a dated noun (a unit of its own) the verb of its finding may stand.
FINDING_REACH = 30


def reports_findings(pred: Trigger | None, unit: Unit, text: str, language: str) -> bool:
    """A study, research or investigation whose unit says what it found ('Uit eerder onderzoek van het
    EMM uit 2022 bleek dat ...', 'Research by Europol showed that ...'): the publication of findings,
    named by the noun or by the verb of finding (a trigger or none), whatever else the noun can mean
    ('het onderzoek naar de bende' is a police operation)."""
    w = event_words(language)
    spans = unit.spans
    if unit.kind == "nominal":  # 'Uit onderzoek van het WODC uit 2022 | bleek': the verb after its date
        spans = spans + ((unit.end, min(len(text), unit.end + FINDING_REACH)),)
    finding = found_in(w.findings, text, spans)
    if finding is None:
        return False
    if pred is not None and pred.kind == "noun":
        return w.research.fullmatch(pred.text) is not None
    study = found_in(w.research, text, spans)
    verb = pred is None or pred.start == finding.start()
    return verb and study is not None and study.start() < finding.start()


# How many words after a verb of saying its object may begin ('announced an extra £75 million for ...').
OBJECT_REACH = 4


def announcing(pred: Trigger, language: str) -> bool:
    """A verb that makes known what happened ('announced', 'confirmed', 'bevestigt'), not one that
    judges or promises ('criticised', 'praised', 'beloofde')."""
    return bool(event_words(language).announcing.fullmatch(pred.text))


def announced(pred: Trigger, unit: Unit, triggers: list[Trigger], text: str, language: str) -> Trigger | None:
    """The event noun that a verb of announcing has as its object ('confirmed the arrest of three men',
    'bevestigt de aanhouding'): within OBJECT_REACH words after it, in its own part, with no
    punctuation or clause between, and no verb right after it ('said the arrests were made': the
    subject of what was said)."""
    part = unit.part_of(pred.start)
    for t in sorted(triggers, key=lambda t: t.start):
        if t.kind != "noun" or t.start <= pred.end or t.event_type in ("OTHER", "STATEMENT"):
            continue
        if part is None or unit.part_of(t.start) is not part:
            return None
        between = text[pred.end : t.start]
        if re.search(r"[,;:()\"“”]", between) or len(between.split()) > OBJECT_REACH:
            return None
        after = clause_tokens(text, t.end, min(t.end + 40, unit.end))[:3]
        if any(w.low in clause_words(language).finite for w in after):
            return None
        return t
    return None


# How far after its auxiliary an English infinitive stands ('will not go', 'will also decide').
INFINITIVE_REACH = 3


def infinitive_after(words, k: int, language: str):
    """The infinitive an auxiliary or modal at words[k] governs: in English the next content word
    ('will decide'), in Dutch the clause's last word in -en ('zal ... beslissen')."""
    cw = clause_words(language)
    if cw.perfect_within is None:  # verb-final: the infinitive closes the clause
        last = words[-1] if len(words) > k + 1 else None
        return (
            last
            if last is not None and last.low.endswith("en") and last.low not in cw.function_words
            else None
        )
    for w in words[k + 1 : k + 1 + INFINITIVE_REACH]:
        if (
            w.low in cw.function_words
            or w.low in cw.finite
            or w.low.endswith("ly")
            or w.low in ("not", "n't")
        ):
            continue
        return w if w.low.isalpha() else None
    return None


def quoted(text: str, start: int, end: int, pos: int) -> bool:
    """text[pos] stands inside quotation marks within text[start:end]: an odd number of straight or
    double curly quotes before it, or a single opening quote (‘) before it that closes after it (an
    apostrophe is the same mark as a closing one: only a pair counts)."""
    if len(QUOTE.findall(text, start, pos)) % 2:
        return True
    opening = text.rfind("‘", start, pos)
    return (
        opening >= 0
        and SINGLE_CLOSE.search(text, opening + 1, pos) is None
        and SINGLE_CLOSE.search(text, pos, end) is not None
    )


SINGLE_CLOSE = re.compile(r"’(?!\w)")


def word_before(text: str, pos: int) -> str:
    words = text[max(0, pos - 30) : pos].split()
    return words[-1].lower() if words else ""


def governed_by(text: str, pos: int, prepositions: frozenset[str]) -> bool:
    """A preposition of `prepositions` heads the noun phrase of the word at pos, with only articles,
    determiners and adjectives between ('tijdens de vorige JBZ-raad'; not 'in 2024 de oversteek',
    where 'in' heads the year)."""
    words = [w.strip(",.;:()").lower() for w in text[max(0, pos - 80) : pos].split()]
    for w in reversed(words[-4:]):
        if w in prepositions:
            return True
        if not (w.isalpha() or (w.isdigit() and len(w) == 4)) or w in STOPS_PHRASE:
            return False  # a year may stand in the phrase: 'since the 2022 ministerial meeting'
    return False


def stand_in(text: str, language: str, spans: tuple[tuple[int, int], ...], timexes) -> Trigger:
    """What names an event whose clause has no trigger (it is dated, so it is one): its verb, the
    participle of its auxiliary ('sinds 2021 ... hebben gebracht': 'gebracht') or its finite verb
    ('Een geplande demonstratie op woensdag gaat niet door': 'gaat'; 'rising from € 45 million'), else
    its date, else its first word that is no article. Never an article: 'Een', 'The' tell a reader
    nothing."""
    words = [w for s, e in spans for w in clause_tokens(text, s, e) if w.low[:1].isalnum()]
    finite = clause_words(language).finite
    verb = None
    for k, w in enumerate(words):
        if is_participial(w.low, language) or is_finite(w, words[k - 1].low if k else "", language):
            verb = w
            if w.low in finite:  # an auxiliary: its participle or infinitive says what happened
                verb = next((p for p in words[k + 1 :] if is_participle(p.low, language, None)), None)
                verb = verb or infinitive_after(words, k, language) or w
            break
    if verb is None:
        verb = next((t for t in timexes if any(s <= t.start < e for s, e in spans)), None)
    if verb is None:
        leads = past_verb_words(language).not_before
        verb = next((w for w in words if w.low not in leads), words[0] if words else None)
    if verb is None:
        start = spans[0][0] if spans else 0
        return Trigger(start, start, "", "OTHER", "verb")
    return Trigger(verb.start, verb.end, text[verb.start : verb.end], "OTHER", "verb")
