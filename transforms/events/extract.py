"""A document's events, one per clause that states one: `extract_events(doc)`.

The steps, per sentence of the story (`sentences.split_sentences`):
1. skip what states no event: questions, headings and lines of fields (`eventhood.is_story_sentence`);
2. cut the sentence into clauses (`clauses.split_clauses`) and the clauses into units, one per event
   (`units.clause_units`), with nouns dated on their own as units of their own (`nominals`);
3. per unit: its predicate (`predicate`: a verb of the lexicon before an event noun before a light
   verb before a reporting verb), its tense, whether it is an event at all (`eventhood.is_event`),
   its date (`dating`), its status (`status.read_status`), and who, where and how many.
Footnotes are never story sentences; a footnote that cites a dated publication is a PUBLICATION.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from transforms.clauses import clause_tense, split_clauses
from transforms.entities import extract_entities
from transforms.events import dating
from transforms.events.dating import UNDATED, DateChoice
from transforms.events.eventhood import Reading, is_event, is_performative, is_preamble, is_story_sentence
from transforms.events.lexicon import Trigger, find_triggers
from transforms.events.nominals import nominal_dates
from transforms.events.status import read_status
from transforms.events.timexes import TimexesBySpan
from transforms.events.units import Part, Unit, clause_units
from transforms.events.words import event_words
from transforms.model import Document, Event, Quantity, Timex
from transforms.quantities import extract_quantities, parse_number_word
from transforms.sentences import Segment, scan_tokens, split_sentences
from transforms.temporal import tag
from transforms.temporal.tagger import masked_spans
from transforms.version import EXTRACTOR_VERSION

# How far each kind of date source can be trusted, before the smaller adjustments below.
SOURCE_CONFIDENCE = {
    "explicit": 0.9,
    "relative_to_dct": 0.8,
    "inherited": 0.6,
    "dct": 0.55,
    "unresolved": 0.4,
}
# An event in the past without a date of its own takes the story's last date from at most this many
# sentences back, in the same or the previous paragraph, when no other date stood between.
INHERIT_SENTENCES = 3
INHERIT_PARAGRAPHS = 2  # `split_sentences` counts a blank line after a finished one as two
# Priority of a predicate by its kind and place (lower first): see `predicate`.
VERB_RANK = {"verb": 0, "statement": 1, "noun": 2, "light": 4}


@dataclass
class Story:
    """What the sentences before tell the next one: the last date stated, and whether the document's
    own act (its letter) is on the timeline yet."""

    last: tuple[int, int, DateChoice] | None = None  # (sentence number, paragraph, date)
    own_act: bool = False
    events: list[Event] = field(default_factory=list)


def extract_events(doc: Document) -> list[Event]:
    """All events of a document, in text order."""
    timexes = TimexesBySpan(tag(doc.text, doc.published, doc.language))
    cuts = masked_spans(doc.text, doc.language)
    story = Story()
    for n, seg in enumerate(split_sentences(doc.text, doc.language, doc.title)):
        own = timexes.within(seg.start, seg.end)
        if seg.kind == "footnote":
            footnote_event(doc, seg, own, story)
            continue
        if not is_story_sentence(seg, doc.text, doc.language, seg.kind == "title"):
            continue
        inside = [(s, e) for s, e in cuts if s < seg.end and e > seg.start]
        own = [t for t in own if not any(s <= t.start < e for s, e in inside)]  # a citation dates nothing
        first = len(story.events)
        sentence_events(doc, seg, n, own, story)
        if inside:
            story.events[first:] = [without_citations(doc, seg, e, inside) for e in story.events[first:]]
    return story.events


def without_citations(doc: Document, seg: Segment, e: Event, cuts: list[tuple[int, int]]) -> Event:
    """The evidence is the piece of the sentence between citations, case numbers and URLs that holds
    the trigger: a citation is never evidence ('(ingezonden 21 november, 20242024Z19016)')."""
    pieces, pos = [], seg.start
    for s, e_ in sorted(cuts):
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, e_)
    if pos < seg.end:
        pieces.append((pos, seg.end))
    holding = [p for p in pieces if p[0] <= e.trigger_start < p[1]] or pieces
    if not holding:
        return e
    lo, hi = max(holding, key=lambda p: p[1] - p[0]) if len(holding) > 1 else holding[0]
    while lo < hi and doc.text[lo] in " \t\n,;:(":
        lo += 1
    while hi > lo and doc.text[hi - 1] in " \t\n,;:(":
        hi -= 1
    clause_start, clause_end = max(e.clause_start, lo), min(e.clause_end, hi)
    if clause_end <= clause_start:
        clause_start, clause_end = lo, hi
    return replace(
        e,
        sentence=doc.text[lo:hi],
        char_start=lo,
        char_end=hi,
        clause_start=clause_start,
        clause_end=clause_end,
    )


def sentence_events(doc: Document, seg: Segment, n: int, timexes: list[Timex], story: Story) -> None:
    text, language = doc.text, doc.language
    triggers = find_triggers(text, seg.start, seg.end, language)
    dates = dating.own_dates(text, language, timexes)
    nouns = [t for t in triggers if t.kind == "noun"]
    nominal = nominal_dates(text, language, nouns, dates, seg.start, seg.end)
    taken = {id(t) for _, t in nominal}
    clauses = split_clauses(text, language, seg.start, seg.end, tuple((t.start, t.end) for t in timexes))
    free = [t for t in dates if id(t) not in taken]
    dated = [any(c.holds(t.start) for t in free) for c in clauses]
    units = clause_units(clauses, dated)
    if seg.kind == "title":
        units = [Unit("title", [Part(((seg.start, seg.end),), "head")])]
    for noun, t in nominal:
        span = (min(noun.start, t.start), max(noun.end, t.end))
        units.append(Unit("nominal", [Part((span,), "head")], noun=noun, date=t))
    units.sort(key=lambda u: u.start)
    nominal_nouns = {id(noun) for noun, _ in nominal}
    emitted = []
    for unit in units:
        event = unit_event(doc, seg, n, unit, triggers, free, nominal_nouns, timexes, story)
        if event is not None:
            emitted.append(event)
    for event in emitted:
        story.events.append(with_arguments(doc, seg, event, single=len(emitted) == 1))


def unit_event(
    doc: Document,
    seg: Segment,
    n: int,
    unit: Unit,
    triggers: list[Trigger],
    dates: list[Timex],
    nominal_nouns: set[int],
    timexes: list[Timex],
    story: Story,
) -> Event | None:
    text, language = doc.text, doc.language
    if unit.kind == "nominal":
        pred, own = unit.noun, [unit.date]
    else:
        inside = [t for t in triggers if unit.holds(t.start) and id(t) not in nominal_nouns]
        pred = predicate(inside, unit, text, language)
        own = [t for t in dates if unit.holds(t.start)]
    part = unit.part_of(pred.start) if pred is not None else None
    part_spans = part.spans if part is not None else unit.spans
    tense = clause_tense(text, language, part_spans) if unit.kind != "nominal" else "past"
    if unit.kind == "title" and tense == "present":
        tense = "past"  # a headline's present tense reports: 'EU-leiders bereiken akkoord'
    if tense == "past" and unit.kind != "nominal":
        own = [t for t in own if not is_target(text, t, language)]
    performative = unit.kind != "nominal" and is_performative(text, language, unit.spans)
    if performative:
        pred = own_act_trigger(triggers, unit) or pred
    habitual = any(
        t.type == "SET" and unit.holds(t.start) and not is_rate(text, t, language) for t in timexes
    )
    light = any(t.kind == "light" and unit.holds(t.start) for t in triggers)
    head = next((p.spans for p in unit.parts if p.role == "head"), ())
    reading = Reading(
        text,
        language,
        unit.spans,
        part_spans,
        head,
        seg,
        pred,
        tense,
        bool(own),
        performative,
        habitual,
        light,
    )
    if unit.kind == "title":
        if pred is None:
            return None
    elif unit.kind != "nominal" and (not is_event(reading) or (is_preamble(seg) and not own)):
        return None
    date = unit_date(doc, seg, n, unit, pred, own, tense, performative, timexes, story)
    if date is None:
        return None
    event_type = "PUBLICATION" if performative else refine_type(pred, unit, text, language)
    status = read_status(
        text, language, part_spans, pred.start if pred else unit.start, tense, date.start, doc.published.end
    )
    if unit.kind == "nominal" and status == "planned" and date.start is not None:
        status = "happened" if doc.published.known and date.end <= doc.published.end else status
    return build_event(doc, seg, unit, pred, event_type, status, date)


def unit_date(
    doc: Document,
    seg: Segment,
    n: int,
    unit: Unit,
    pred: Trigger | None,
    own: list[Timex],
    tense: str,
    performative: bool,
    timexes: list[Timex],
    story: Story,
) -> DateChoice | None:
    """The unit's date (`dating`); None when the unit is a second copy of the document's own act."""
    text, language = doc.text, doc.language
    if performative:  # the text's own act is now; a date in it dates what it hands over ('2023–2026')
        if story.own_act:
            return None  # the letter is on the timeline once
        story.own_act = True
        return dating.dct_date(doc)
    anchor = pred.start if pred is not None else unit.start
    group = dating.choose(own, anchor, text)
    if group:
        date = dating.from_timexes(group, doc)
        heads = ("main", "coordinate", "title")
        if (
            date.source in ("explicit", "relative_to_dct")
            and date.known
            and tense != "future"
            and unit.kind in heads
        ):
            story.last = (n, seg.paragraph, date)
        return date
    stretch = dating.past_stretch([t for t in timexes if unit.holds(t.start)], text, language, doc)
    if stretch is not None:
        return stretch
    if unit.kind == "title":
        return dating.dct_date(doc)
    if pred is not None and pred.kind == "statement":
        return dating.dct_date(doc)
    if tense == "past" and story.last is not None:
        m, paragraph, date = story.last
        if n - m <= INHERIT_SENTENCES and seg.paragraph - paragraph <= INHERIT_PARAGRAPHS:
            return dating.inherited(date)
    return UNDATED


def is_target(text: str, t: Timex, language: str) -> bool:
    """'de onderlinge prioriteiten voor 2025 werden bevestigd': a date a plan is for, not when it was made."""
    return bool(event_words(language).target_prepositions.search(text[max(0, t.start - 30) : t.start]))


def is_rate(text: str, t: Timex, language: str) -> bool:
    """'tientallen miljoenen per jaar', 'jaarlijks 500.000 euro': a SET within three words of an amount
    is a rate of that amount, not a habit."""
    before = text[max(0, t.start - 40) : t.start].split()[-3:]
    after = text[t.end : t.end + 40].split()[:3]
    return any(
        any(c.isdigit() for c in w) or parse_number_word(w.strip(".,;:").lower(), language) is not None
        for w in before + after
    )


def own_act_trigger(triggers: list[Trigger], unit: Unit) -> Trigger | None:
    """The word that names the text's own act: a publication's verb or noun ('bied', 'informeer',
    'brief'), else its first verb."""
    inside = [t for t in triggers if unit.holds(t.start)]
    publication = [t for t in inside if t.event_type == "PUBLICATION"]
    verbs = [t for t in inside if t.kind != "noun"]
    return min(publication, key=lambda t: (t.kind == "noun", t.start), default=None) or (
        verbs[0] if verbs else None
    )


def predicate(triggers: list[Trigger], unit: Unit, text: str, language: str) -> Trigger | None:
    """The trigger that names the unit's event. A verb of the lexicon first, one in a reported clause
    before one of the reporting clause ('afgesproken | dat we Frontex gaan versterken': the
    strengthening); then a reporting verb ('affirmed their commitment'); then an event noun that no
    time preposition governs ('tijdens de top' is a time); then an infinitive ('om ... te
    investeren'); then a light verb."""
    if not triggers:
        return None
    temporal = event_words(language).temporal_prepositions

    def rank(t: Trigger) -> tuple:
        role = unit.role_of(t.start) or "head"
        before = word_before(text, t.start)
        infinitive = before in ("te", "to")
        kind_rank = VERB_RANK[t.kind]
        if t.kind in ("verb", "statement") and infinitive:
            kind_rank = 3
        if t.kind == "noun" and governed_by(text, t.start, temporal):
            kind_rank = 6
        framing = role == "head" and t.kind == "verb" and t.event_type in ("AGREEMENT", "STATEMENT")
        role_rank = {"complement": 0, "head": 1, "sub": 2}[role]
        if t.kind == "verb" and not framing:
            role_rank = {"head": 0, "complement": 0, "sub": 2}[role]
        return (kind_rank, role_rank, t.start)

    return min(triggers, key=rank)


def word_before(text: str, pos: int) -> str:
    words = text[max(0, pos - 30) : pos].split()
    return words[-1].lower() if words else ""


def governed_by(text: str, pos: int, prepositions: frozenset[str]) -> bool:
    """A preposition of `prepositions` within the three words before pos ('tijdens de vorige JBZ-raad')."""
    words = [w.lower().strip(",.") for w in text[max(0, pos - 60) : pos].split()[-3:]]
    return any(w in prepositions for w in words)


CHANGE_TYPES = ("OTHER", "CROSSING_STATISTIC")


def refine_type(pred: Trigger | None, unit: Unit, text: str, language: str) -> str:
    """The predicate's type; a light verb takes the type of the event noun it governs."""
    if pred is None:
        return "OTHER"
    return pred.event_type


def build_event(
    doc: Document,
    seg: Segment,
    unit: Unit,
    pred: Trigger | None,
    event_type: str,
    status: str,
    date: DateChoice,
) -> Event:
    start, end = unit.start, unit.end
    trigger_text = pred.text if pred is not None else (date.text or doc.text[start:end].split()[0])
    t_start = pred.start if pred is not None else start
    t_end = pred.end if pred is not None else start + len(trigger_text)
    key = f"{doc.doc_id}:{start}:{t_start}:{event_type}"
    return Event(
        event_id=hashlib.sha256(key.encode()).hexdigest()[:32],
        doc_id=doc.doc_id,
        source_name=doc.source_name,
        language=doc.language,
        sentence=seg.text,
        char_start=seg.start,
        char_end=seg.end,
        event_type=event_type,
        trigger=trigger_text,
        date_text=date.text,
        date_value=date.value,
        date_start=date.start,
        date_end=date.end,
        date_precision=date.precision if date.start is not None else "unknown",
        date_source=date.source,
        actors=(),
        locations=(),
        quantities=(),
        confidence=confidence(date, event_type, status),
        extractor_version=EXTRACTOR_VERSION,
        status=status,
        clause_start=start,
        clause_end=end,
        trigger_start=t_start,
        trigger_end=t_end,
    )


def confidence(date: DateChoice, event_type: str, status: str) -> float:
    c = SOURCE_CONFIDENCE[date.source]
    if event_type == "OTHER":
        c -= 0.15
    if status != "happened":
        c -= 0.05
    return round(min(1.0, max(0.05, c)), 3)


def with_arguments(doc: Document, seg: Segment, e: Event, single: bool) -> Event:
    """Who, where and how many: from the whole sentence when it states one event, else from the clause."""
    lo, hi = (seg.start, seg.end) if single else (e.clause_start, e.clause_end)
    piece = doc.text[lo:hi]
    scanned = scan_tokens(piece)
    actors, locations = extract_entities(piece, doc.language, scanned)
    quantities = tuple(
        Quantity(float(q.value), q.unit, q.text, q.qualifier, q.what)
        for _, _, q in extract_quantities(piece, doc.language, scanned)
    )
    return replace(e, actors=tuple(actors), locations=tuple(locations), quantities=quantities)


def footnote_event(doc: Document, seg: Segment, timexes: list[Timex], story: Story) -> None:
    """A footnote such as 'De Telegraaf, 19 november 2024, "Title"' cites a dated publication."""
    dated = [t for t in timexes if t.dated and t.precision in ("day", "month")]
    if not dated:
        return
    t = dated[0]
    unit = Unit("nominal", [Part(((seg.start, seg.end),), "head")])
    pred = Trigger(t.start, t.end, t.text, "PUBLICATION", "noun")
    date = dating.own_date(t, doc)
    story.events.append(
        with_arguments(doc, seg, build_event(doc, seg, unit, pred, "PUBLICATION", "happened", date), True)
    )
