"""A document's events, one per clause that states one: `extract_events(doc)`.

The steps, per sentence of the story (`sentences.split_sentences`):
1. skip what states no event: questions, headings and lines of fields (`eventhood.is_story_sentence`);
2. cut the sentence into clauses (`clauses.split_clauses`) and the clauses into units, one per event
   (`units.clause_units`), with nouns dated on their own as units of their own (`nominals`);
3. per unit: its predicate (`predicate`), its tense, whether it is an event at all
   (`eventhood.is_event`), its date (`dating`), its status (`status.read_status`), its type; one
   event per amount where a unit gives amounts for several dates (`rows.per_amount`);
4. who, where and how many (`rows.with_arguments`), and evidence without citations.
Footnotes are never story sentences; a footnote that cites a dated publication is a PUBLICATION.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cached_property

from transforms.clause_words import clause_words
from transforms.clauses import (
    clause_pluperfect,
    clause_tense,
    is_participial,
    is_participle,
    split_clauses,
)
from transforms.entities import DocumentEntities, read_entities
from transforms.events import dating, own_act, rows
from transforms.events.dating import UNDATED, DateChoice
from transforms.events.eventhood import Reading, is_event, is_performative, is_preamble, is_story_sentence
from transforms.events.lexicon import Trigger, find_triggers
from transforms.events.nominals import nominal_dates
from transforms.events.predicate import (
    MONEY_UNITS,
    OBJECT_REACH,
    event_type,
    governed_by,
    own_act_trigger,
    predicate,
    stand_in,
    word_before,
)
from transforms.events.status import read_status
from transforms.events.timexes import TimexesBySpan
from transforms.events.units import Part, Unit, clause_units
from transforms.events.words import event_words, found_in
from transforms.layout import metadata_lines, title_span
from transforms.model import Document, Event, Quantity, Timex
from transforms.quantities import extract_quantities, parse_number_word
from transforms.sentences import Segment, split_sentences
from transforms.temporal import tag
from transforms.temporal.tagger import masked_spans

# An event in the past without a date of its own takes the story's last date: in the next sentences
# of its paragraph, or a few sentences on where a word carries the story on ('Hij', 'As a result').
INHERIT_SAME_PARAGRAPH = 2
INHERIT_SENTENCES = 3
INHERIT_PARAGRAPHS = 2  # `split_sentences` counts a blank line after a finished one as two
MONTH_DAYS = 31
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class Spans:
    """Spans of a document (citations, metadata lines) looked up by the range they overlap: a long
    document has thousands of sentences and of spans, and testing every span for every sentence would
    grow with the square of its length."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        first = bisect_left(self.starts, start - self.longest)
        last = bisect_left(self.starts, end)
        return [(s, e) for s, e in self.spans[first:last] if e > start]


@dataclass
class Story:
    """What the sentences before tell the next one (the last date stated), and the events so far with
    the ones that may be the document's own act or its headline (`own_act`)."""

    last: tuple[int, int, DateChoice] | None = None  # (sentence number, paragraph, date)
    events: list[Event] = field(default_factory=list)
    own_acts: dict[str, str] = field(default_factory=dict)  # event id -> kind of own-act candidate
    titles: set[str] = field(default_factory=set)  # ids of the headline's events


@dataclass
class Sentence:
    """One sentence as the extractor reads it."""

    doc: Document
    seg: Segment
    n: int  # its number in the document
    timexes: list[Timex]  # all its temporal expressions
    dates: list[Timex]  # those that can date one of its clauses (not a noun's of its own)
    triggers: list[Trigger]
    nominal_nouns: set[int]  # ids of the nouns dated on their own
    when: tuple[Unit, DateChoice] | None = None  # the unit opened by 'when', 'toen' and its date

    @cached_property
    def amounts(self) -> list[tuple[int, int, Quantity]]:
        """Its quantities with their document offsets; read only for a sentence that has an event. Not a
        number of a date ('12' of '12 tot en met 14 november', '2025' of 'in 2025')."""
        seg = self.seg
        found = [(seg.start + a, seg.start + b, q) for a, b, q in extract_quantities(seg.text, self.language)]
        return [(a, b, q) for a, b, q in found if not any(t.start <= a < t.end for t in self.timexes)]

    def when_date(self, units: list[Unit]) -> tuple[Unit, DateChoice] | None:
        """The date of a unit opened by 'when', 'toen', 'while' ('When police raided the house on
        Tuesday, they arrested 20 migrants'): its main clause happened then too."""
        opener = event_words(self.language).simultaneous
        for unit in units:
            if unit.kind == "nominal" or not opener.match(self.text, unit.start):
                continue
            group = dating.choose([t for t in self.dates if unit.holds(t.start)], unit.start, self.text)
            if group:
                date = dating.from_timexes(group, self.doc)
                return (unit, date) if date.known else None
        return None

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def language(self) -> str:
        return self.doc.language


def extract_events(doc: Document) -> list[Event]:
    """All events of a document, in text order."""
    timexes = TimexesBySpan(tag(doc.text, doc.published, doc.language))
    cuts = Spans(masked_spans(doc.text, doc.language))
    metadata = Spans([(s, e) for s, e, _ in metadata_lines(doc.text, doc.language)])
    headline = title_span(doc.text, doc.language)
    sentences = split_sentences(doc.text, doc.language, doc.title)
    entities = read_entities(doc.text, doc.language, sentences)  # the same sentences, split once
    story = Story()
    for n, seg in enumerate(sentences):
        own = timexes.within(seg.start, seg.end)
        if seg.kind == "footnote":
            event = rows.footnote_event(doc, seg, own, entities)
            story.events.extend([event] if event is not None else [])
            continue
        spans = metadata.overlapping(seg.start, seg.end)
        if any(s <= seg.start and seg.end <= e for s, e in spans):
            continue  # a dateline, byline, label, reference, letterhead or site boilerplate
        seg = after_dateline(doc.text, seg, spans)
        if seg.kind != "title" and is_headline(seg, headline, doc.title):
            seg = replace(seg, kind="title")
        if not is_story_sentence(seg, doc.text, doc.language, seg.kind == "title"):
            continue
        inside = cuts.overlapping(seg.start, seg.end)
        own = [t for t in own if not any(s <= t.start < e for s, e in inside)]  # a citation dates nothing
        found = sentence_events(doc, seg, n, own, story, entities)
        story.events.extend(rows.without_citations(doc, seg, e, inside) if inside else e for e in found)
        if seg.kind == "title":
            story.titles.update(e.event_id for e in found)
    writer = [name for name in (entities.roles.sender, entities.roles.addressee) if name]
    return own_act.keep_once(story.events, story.own_acts, story.titles, writer)


def after_dateline(text: str, seg: Segment, spans: list[tuple[int, int]]) -> Segment:
    """The sentence without the dateline that opens it ('LONDON (Reuters) - ', 'Den Haag, 3 juni 2024 –'):
    its place and agency are no actors or places of the event."""
    cut = max((e for s, e in spans if s <= seg.start < e < seg.end), default=None)
    if cut is None:
        return seg
    while cut < seg.end and text[cut].isspace():
        cut += 1
    return replace(seg, start=cut, text=text[cut : seg.end])


def is_headline(seg: Segment, headline: tuple[int, int] | None, title: str | None) -> bool:
    """The sentence is the document's title: where the layout finds the headline, or the metadata's."""
    if headline is not None and seg.start <= headline[0] < seg.end:
        return True
    return bool(title) and seg.text.strip() == title.strip()


def sentence_events(
    doc: Document, seg: Segment, n: int, timexes: list[Timex], story: Story, entities: DocumentEntities
) -> list[Event]:
    text, language = doc.text, doc.language
    triggers = find_triggers(text, seg.start, seg.end, language)
    dates = dating.own_dates(text, language, timexes)
    if not triggers and not dates:
        return []  # nothing names an event and nothing dates one: most sentences of a text
    nominal = [
        (noun, t)
        for noun, t in nominal_dates(
            text, language, [t for t in triggers if t.kind == "noun"], dates, seg.start, seg.end
        )
        if not object_of_verb(text, noun, t, triggers, language)
    ]
    # a noun's own date dates the clause too where a time preposition governs it ('In het debat van 8
    # september heb ik toegezegd', 'since the 2022 ministerial meeting there have been deaths')
    temporal = event_words(language).temporal_prepositions
    taken = {id(t) for noun, t in nominal if not governed_by(text, noun.start, temporal)}
    s = Sentence(doc, seg, n, timexes, [t for t in dates if id(t) not in taken], triggers, set())
    s.nominal_nouns = {id(noun) for noun, _ in nominal}
    clauses = split_clauses(text, language, seg.start, seg.end, tuple((t.start, t.end) for t in timexes))
    units = clause_units(clauses, [any(c.holds(t.start) for t in s.dates) for c in clauses])
    if seg.kind == "title":
        units = [Unit("title", [Part(((seg.start, seg.end),), "head")])]
    for noun, t in nominal:
        span = (min(noun.start, t.start), max(noun.end, t.end))
        units.append(Unit("nominal", [Part((span,), "head")], noun=noun, date=t))
    s.when = s.when_date(units)
    emitted: list[Event] = []
    for unit in sorted(units, key=lambda u: u.start):
        event = unit_event(s, unit, story)
        if event is not None:
            dated = [t for t in s.dates if unit.holds(t.start)] if unit.kind != "nominal" else []
            if len(dated) > 1:
                amounts = [(a, b) for a, b, _ in s.amounts if unit.holds(a)]
                emitted.extend(rows.per_amount(doc, event, amounts, dated))
            else:
                emitted.append(event)
    return [rows.with_arguments(doc, seg, e, entities, s.amounts, single=len(emitted) == 1) for e in emitted]


def object_of_verb(text: str, noun: Trigger, date: Timex, triggers: list[Trigger], language: str) -> bool:
    """A noun right before its date that is the object of a verb ('will introduce the bill next month';
    Dutch 'zal het wetsvoorstel volgende maand indienen', the verb at the end after a finite verb before
    the noun): the date is the verb's, the noun no event of its own ('The arrest last week caused ...'
    and 'De arrestatie vorige week leidde tot ...' are)."""
    if text[noun.end : date.start].strip():
        return False  # linked by a word ('het verzoek van 14 mei'): the noun's own date

    def near(a: int, b: int) -> bool:
        return not re.search(r"[,;:()\"“”.]", text[a:b]) and len(text[a:b].split()) <= OBJECT_REACH

    verbs = [v for v in triggers if v.kind in ("verb", "light", "statement")]
    if any(v.end <= noun.start and near(v.end, noun.start) for v in verbs):
        return True
    finite = clause_words(language).finite
    before = re.split(r"[,;:()\"“”]", text[max(0, noun.start - 80) : noun.start])[-1].split()
    middle = any(w.lower() in finite for w in before[1:])  # a finite verb before it: not the subject
    if not middle:
        return False
    if any(v.start >= date.end and near(date.end, v.start) for v in verbs):
        return True
    # the verb no lexicon knows, closing the clause: 'zal het wetsvoorstel volgende maand indienen'
    rest = re.split(r"[,;:()\"“”.]", text[date.end : date.end + 80])[0].split()
    return 0 < len(rest) <= OBJECT_REACH and is_infinitive_or_participle(rest[-1].lower(), language)


def is_infinitive_or_participle(word: str, language: str) -> bool:
    """A verb form that closes a Dutch clause after its finite verb: an infinitive ('indienen') or a
    participle ('ingediend')."""
    return is_participle(word, language) or (
        clause_words(language).perfect_within is None and len(word) > 4 and word.endswith("en")
    )


def unit_event(s: Sentence, unit: Unit, story: Story) -> Event | None:
    """The event a unit states, or None when it states none."""
    text, language = s.text, s.language
    if unit.kind == "nominal":
        pred, own = unit.noun, [unit.date]
    else:
        inside = [t for t in s.triggers if unit.holds(t.start) and id(t) not in s.nominal_nouns]
        own = [t for t in s.dates if unit.holds(t.start)]
        if not inside and not own:
            return None  # nothing in it names an event or dates one
        pred = predicate(inside, unit, text, language)
    part = unit.part_of(pred.start) if pred is not None else None
    # without a trigger, the unit's head clause is what it says ('... gaat niet door, omdat ...')
    part_spans = own_spans = (
        part.spans
        if part is not None
        else next((p.spans for p in unit.parts if p.role == "head"), unit.spans)
    )
    if unit.context and is_participial(text[unit.start : unit.end].split()[0].lower(), language):
        part_spans = part_spans + unit.context  # ', rising from ...': its verb's tense is its clause's
    tense = clause_tense(text, language, part_spans) if unit.kind != "nominal" else "past"
    if unit.kind == "title" and tense == "present":
        tense = "past"  # a headline's present tense reports: 'EU-leiders bereiken akkoord'
        if pred is not None and word_before(text, pred.start) in event_words(language).headline_plans:
            tense = "future"  # 'UK to double Channel patrols'
    if tense == "past" and unit.kind != "nominal":
        own = [t for t in own if not is_target(text, t, language)]
    performative = unit.kind != "nominal" and is_performative(text, language, unit.spans)
    if performative:
        pred = own_act_trigger(s.triggers, unit) or pred
    reading = Reading(
        text,
        language,
        unit.spans,
        part_spans,
        next((p.spans for p in unit.parts if p.role == "head"), ()),
        s.seg,
        pred,
        tense,
        bool(own),
        performative,
        any(t.type == "SET" and unit.holds(t.start) and not is_rate(text, t, language) for t in s.timexes),
        any(t.kind == "light" and unit.holds(t.start) and not infinitive(text, t) for t in s.triggers),
        # 'Frontex expects | that crossings will rise': what the unit hangs on frames it
        ((min(unit.context[0][0], unit.start), unit.end),) if unit.context else (),
    )
    if unit.kind == "title" and pred is None:
        return None
    if unit.kind not in ("title", "nominal") and (not is_event(reading) or (is_preamble(s.seg) and not own)):
        return None
    date = unit_date(s, unit, pred, own, tense, performative, story, part_spans)
    if date is None:
        return None
    prices = event_words(language).prices  # 'EUR 3,000 each', '3000 euro per persoon': a price, no funding
    money = any(q.unit in MONEY_UNITS and not prices.match(text, b) for a, b, q in s.amounts if unit.holds(a))
    kind = "PUBLICATION" if performative else event_type(pred, unit, s.triggers, money, text, language)
    named = pred if pred is not None else stand_in(text, language, own_spans, s.timexes)
    timex_spans = tuple((t.start, t.end) for t in s.timexes)
    trigger = (named.start, named.end)
    status = read_status(
        text, language, part_spans, trigger, tense, date.start, s.doc.published.end, timex_spans
    )
    if unit.kind == "nominal":  # a noun dated on its own happened, unless its date lies ahead
        later = date.start is not None and s.doc.published.known and date.start > s.doc.published.end
        status = "planned" if later else "happened"
    elif status == "happened":
        date = dating.not_ahead(date, s.doc)
    event = rows.build_event(s.doc, s.seg, (unit.start, unit.end), named, kind, status, date)
    candidate = own_act.own_act_kind(event, s.doc, performative, unit.kind == "title")
    if candidate is not None:
        story.own_acts[event.event_id] = candidate
    return event


def unit_date(
    s: Sentence,
    unit: Unit,
    pred: Trigger | None,
    own: list[Timex],
    tense: str,
    performative: bool,
    story: Story,
    part_spans: tuple[tuple[int, int], ...],
) -> DateChoice | None:
    """The unit's date (`dating`)."""
    doc, text, language = s.doc, s.text, s.language
    if performative:  # the text's own act is now; a date in it dates what it hands over ('2023–2026')
        return dating.dct_date(doc)
    group = dating.choose(own, pred.start if pred is not None else unit.start, text)
    if group:
        edge = dating.period_edge(group[0], s.timexes, text, language) if len(group) == 1 else None
        date = edge or dating.from_timexes(group, doc)
        if tense == "past":
            date = dating.not_ahead(date, doc)
        stated = date.source in ("explicit", "relative_to_dct") and date.known and tense != "future"
        if stated and unit.kind in ("main", "coordinate", "title"):
            story.last = (s.n, s.seg.paragraph, date)
        return date
    stretch = dating.past_stretch([t for t in s.timexes if unit.holds(t.start)], text, language, doc)
    if stretch is not None:
        return stretch
    recent = dating.recent_stretch(text, language, part_spans, doc) if tense == "past" else None
    if recent is not None:
        return recent
    if unit.kind == "title":  # a headline reports what the document tells, as of its date
        return dating.dct_date(doc) if tense != "future" else UNDATED
    if before_the_story(s, unit, part_spans, pred.start if pred is not None else unit.start):
        return UNDATED  # 'had been arrested', 'previously said', 'since the election': some time before
    if pred is not None and pred.kind == "statement":
        return dating.dct_date(doc)
    if (
        tense == "past"
        and s.when is not None
        and s.when[0] is not unit
        and unit.kind in ("main", "coordinate")
    ):
        return dating.inherited(s.when[1])
    if tense == "past" and story.last is not None and inherits(s, unit, story.last, part_spans):
        return dating.inherited(story.last[2])
    return UNDATED


def infinitive(text: str, t: Trigger) -> bool:
    """'om hetzelfde te doen', 'to take': a verb after 'te'/'to' governs nothing the clause states."""
    return word_before(text, t.start) in ("te", "to")


def inherits(
    s: Sentence, unit: Unit, last: tuple[int, int, DateChoice], part_spans: tuple[tuple[int, int], ...]
) -> bool:
    """An undated event in the past takes the story's last date (`INHERIT_*`) when that date is at most a
    month long (a year says too little of when the next thing happened), and the unit has no time of its
    own, even one that is no date ('Op 29 februari 2023 tekende', 'after the election')."""
    m, paragraph, date = last
    if date.start is None or date.end is None or (date.end - date.start).days > MONTH_DAYS:
        return False
    if any(unit.holds(t.start) for t in s.timexes if t.type in ("DATE", "TIME")):
        return False
    if any(YEAR.search(s.text, a, b) for a, b in unit.spans):
        return False
    if found_in(event_words(s.language).anchors, s.text, part_spans):
        return False
    same = s.seg.paragraph == paragraph and s.n - m <= INHERIT_SAME_PARAGRAPH
    carried = bool(event_words(s.language).continuation.match(s.seg.text))
    near = s.n - m <= INHERIT_SENTENCES and s.seg.paragraph - paragraph <= INHERIT_PARAGRAPHS
    return same or (carried and near)


def before_the_story(s: Sentence, unit: Unit, part_spans: tuple[tuple[int, int], ...], verb: int) -> bool:
    """The unit tells what came before the time the story is at: its verb in the pluperfect ('had been
    arrested', 'was eerder vertrokken'; not 'said Bah had not intended'), or a word that looks further
    back ('previously', 'sinds')."""
    return clause_pluperfect(s.text, s.language, part_spans, verb) or bool(
        found_in(
            event_words(s.language).earlier, s.text, unit.spans, tuple((t.start, t.end) for t in s.timexes)
        )
    )


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
