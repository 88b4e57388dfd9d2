"""Event records from what the extractor read: ids, evidence, confidence, who, where and how many."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from transforms.entities import DocumentEntities, resolve_place, topic_span
from transforms.entities.lexicon import load_gazetteer
from transforms.events import dating
from transforms.events.dating import DateChoice
from transforms.events.lexicon import Trigger, find_triggers
from transforms.layout import metadata_lines
from transforms.model import Document, Event, Quantity, Timex
from transforms.quantities import extract_quantities
from transforms.sentences import Segment
from transforms.version import EXTRACTOR_VERSION

# How far each kind of date source can be trusted, before the smaller adjustments below.
SOURCE_CONFIDENCE = {
    "explicit": 0.9,
    "relative_to_dct": 0.8,
    "inherited": 0.6,
    "dct": 0.55,
    "unresolved": 0.4,
}
# Events that are texts: a place they name is what they are about.
TEXT_TYPES = ("PUBLICATION", "STATEMENT")
# Events a country's authorities carry out: where no one is named, the country where they happened acts.
AUTHORITY_TYPES = ("POLICE_OPERATION", "ARREST", "SEIZURE", "PROSECUTION")
# Events that are about something (`informeer ik uw Kamer over ...`, `talks about ...`): names after the
# topic preposition are their topic (`entities.topic_span`).
TOPICAL_TYPES = (*TEXT_TYPES, "MEETING")
# What a country's own government does at home: a budget, a policy, a count of its inflow. Without a
# place of its own such an event happened in the document's home country (`home_country`).
DOMESTIC_TYPES = ("FUNDING", "POLICY_CHANGE", "CROSSING_STATISTIC")
# A country is the document's home when it is named at least this often, and more than any other.
HOME_MENTIONS = 2
# A line that reads as a sentence: words and a full stop.
LEAD_LINE = re.compile(r"\w\W+\w.*[.!?][\"'”’)]*\s*$")
# Where a noun phrase's complements end.
PHRASE_END = re.compile(r"[,;:()]")
# At most this many words between an amount and the date it is for ('€ 45 million in 2025').
AMOUNT_DATE_WORDS = 3


def event_id(doc: Document, clause_start: int, trigger_start: int, event_type: str) -> str:
    """Stable across re-runs for the same text: the document, where the event's clause and trigger
    stand, and its type."""
    key = f"{doc.doc_id}:{clause_start}:{trigger_start}:{event_type}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def build_event(
    doc: Document,
    seg: Segment,
    span: tuple[int, int],
    pred: Trigger | None,
    event_type: str,
    status: str,
    date: DateChoice,
) -> Event:
    """The event of the clause text[span] of sentence `seg`; without a trigger, its first word names it."""
    start, end = span
    if pred is not None:
        trigger, t_start, t_end = pred.text, pred.start, pred.end
    else:
        first = doc.text[start:end].split()[0] if doc.text[start:end].split() else ""
        t_start = doc.text.find(first, start, end) if first else start
        trigger, t_end = first.strip(",.;:"), t_start + len(first.strip(",.;:"))
    return Event(
        event_id=event_id(doc, start, t_start, event_type),
        doc_id=doc.doc_id,
        source_name=doc.source_name,
        language=doc.language,
        sentence=seg.text,
        char_start=seg.start,
        char_end=seg.end,
        event_type=event_type,
        trigger=trigger,
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


def per_amount(
    doc: Document, event: Event, amounts: list[tuple[int, int]], dates: list[Timex]
) -> list[Event]:
    """'rising from € 45 million in 2025 to a sustained € 151 million from 2029': one event per amount
    and the date it is for, when a clause states two or more such pairs; else the event as it is.
    `amounts`: document offsets of the clause's amounts."""
    pairs = []
    for t in sorted(dates, key=lambda t: t.start):
        before = [
            a
            for a in amounts
            if a[1] <= t.start and len(doc.text[a[1] : t.start].split()) <= AMOUNT_DATE_WORDS
        ]
        if before:
            pairs.append((before[-1], t))
    if len(pairs) < 2 or len({a for a, _ in pairs}) < len(pairs):
        return [event]
    out = []
    for (a_start, _), t in pairs:
        date = dating.own_date(t, doc)
        later = date.start is not None and doc.published.known and date.start > doc.published.end
        out.append(
            replace(
                event,
                event_id=event_id(doc, a_start, event.trigger_start, event.event_type),
                clause_start=a_start,
                clause_end=t.end,
                date_text=date.text,
                date_value=date.value,
                date_start=date.start,
                date_end=date.end,
                date_precision=date.precision if date.start is not None else "unknown",
                date_source=date.source,
                status="planned" if later else event.status,
            )
        )
    return out


def with_arguments(
    doc: Document,
    seg: Segment,
    e: Event,
    entities: DocumentEntities,
    amounts: list[tuple[int, int, Quantity]],
    single: bool,
) -> Event:
    """Who, where and how many: from the whole sentence when it states one event, else from the clause;
    who and where as the document resolves them (`entities.read_entities`), where also on the map.
    `amounts`: the sentence's quantities with their document offsets."""
    lo, hi = (seg.start, seg.end) if single else (e.clause_start, nominal_end(doc, seg, e))
    actors, locations = entities.in_span(lo, hi)
    if e.event_type in TOPICAL_TYPES and lo <= e.trigger_end < hi:
        topic = topic_span(doc.text, e.trigger_end, hi, doc.language)
        if topic is not None:  # what a text or a meeting is about: its names are no actors or places of it
            actors, locations = entities.in_span(lo, hi, topic)
    if not single:
        actors = list(dict.fromkeys(carried_subject(doc, seg, e, entities) + actors))
    if e.event_type in AUTHORITY_TYPES and not actors:
        # `23 suspects were arrested: 7 in Austria, 13 in Greece`: no one named, a country's authorities act
        kinds = load_gazetteer(doc.language).kinds
        actors = [name for name in locations if kinds.get(name) == "country"]
    if e.event_type in TEXT_TYPES:
        locations = []  # the places a letter or a statement speaks of are its topic, not where it was made
    if seg.kind == "title" and not locations and entities.issued_at:
        locations = [entities.issued_at]  # the headline's event happened where the document was issued
    if seg.kind == "title" and e.event_type not in TEXT_TYPES and not (actors and locations):
        lead = lead_paragraph(doc, seg)  # a headline restates its story's lead (a text is its own act)
        lead_actors, lead_places = entities.in_span(*lead) if lead else ([], [])
        actors, locations = actors or lead_actors, locations or lead_places
    if e.event_type in DOMESTIC_TYPES and not locations and all(own_side(entities, a) for a in actors):
        home = home_country(entities, doc.language)
        locations = [home] if home else []  # 'The government is allocating € 95 million' at home
    quantities = tuple(q for a, b, q in amounts if lo <= a and b <= hi)
    places = tuple(resolve_place(name, doc.language) for name in locations)
    return replace(e, actors=tuple(actors), locations=tuple(locations), quantities=quantities, places=places)


def home_country(entities: DocumentEntities, language: str) -> str | None:
    """The country a document is about: named as a place at least HOME_MENTIONS times and more often
    than any other ('The Netherlands is unable to cope ...', 'the Dutch borders', 'de Nederlandse
    asielinstroom')."""
    kinds = load_gazetteer(language).kinds
    counts: dict[str, int] = {}
    for m in entities.mentions:
        if m.location and kinds.get(m.name) == "country":
            counts[m.name] = counts.get(m.name, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < HOME_MENTIONS or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return max(counts, key=counts.get)


def own_side(entities: DocumentEntities, name: str) -> bool:
    """The actor is the text's own side: its writer, its addressee, its government ('het kabinet')."""
    return any(m.name == name and m.own_side for m in entities.mentions)


def lead_paragraph(doc: Document, seg: Segment) -> tuple[int, int] | None:
    """The first paragraph of the story after the headline `seg`: the first line after it that is no
    metadata (dateline, label, byline) and reads as a sentence."""
    metadata = metadata_lines(doc.text, doc.language)
    pos = seg.end
    while pos < len(doc.text):
        end = doc.text.find("\n", pos)
        end = len(doc.text) if end < 0 else end
        line = doc.text[pos:end].strip()
        marked = any(a <= pos + 1 and b >= end - 1 for a, b, _ in metadata if a < end and b > pos)
        if line and not marked and LEAD_LINE.search(line):
            return pos, end
        pos = end + 1
    return None


def nominal_end(doc: Document, seg: Segment, e: Event) -> int:
    """Where the arguments of the event end: for a noun dated on its own (`de brief van 10 september 2020
    aan de Kamer`), the noun phrase's complements after its date, up to the next comma, semicolon, colon,
    parenthesis or the sentence's end; else the clause's end."""
    own = doc.text[e.clause_start : e.clause_end]
    if not (e.date_text and e.trigger_start == e.clause_start and own.endswith(e.date_text)):
        return e.clause_end
    stop = PHRASE_END.search(doc.text, e.clause_end, seg.end)
    return stop.start() if stop else seg.end


def carried_subject(doc: Document, seg: Segment, e: Event, entities: DocumentEntities) -> list[str]:
    """The actors of the sentence's subject, for a clause that goes on without a subject of its own: only
    a coordinator or a comma before its verb (`the Agency welcomed ..., reported ..., and hosted EU
    Commissioner Magnus Brunner`: the Agency hosted him). The subject: the actors before the sentence's
    first verb; in Dutch, where a subject may follow its verb, else the first actor after it (`Op 3 maart
    verwelkomde Frontex ...`), and no clause whose verb has an actor after it (`en ontving minister
    Faber een rapport`)."""
    if not e.clause_start <= e.trigger_start < e.clause_end or e.clause_start <= seg.start:
        return []
    before = doc.text[e.clause_start : e.trigger_start].lower().replace(",", " ").split()
    if any(word not in load_gazetteer(doc.language).coordinators for word in before):
        return []
    triggers = find_triggers(doc.text, seg.start, seg.end, doc.language)
    own = next((t for t in triggers if t.start == e.trigger_start), None)
    first = next((t for t in triggers if t.kind != "noun"), None)
    if own is None or own.kind == "noun" or first is None or first.start >= e.clause_start:
        return []  # a noun names an event of its own (`de brief van 23 april`); no verb before this clause
    gaz = load_gazetteer(doc.language)
    if not gaz.objects_follow_verbs and entities.in_span(e.trigger_end, e.clause_end)[0]:
        return []  # Dutch puts a subject after the verb too (`en ontving minister Faber een rapport`)
    subject = entities.in_span(seg.start, first.start)[0]
    if not subject and not gaz.objects_follow_verbs:  # `Op 3 maart verwelkomde Frontex ...`: after the verb
        comma = doc.text.find(",", first.end, e.clause_start)
        subject = entities.in_span(first.end, comma if comma >= 0 else e.clause_start)[0][:1]
    return subject


def without_citations(doc: Document, seg: Segment, e: Event, cuts: list[tuple[int, int]]) -> Event:
    """The evidence is the piece of the sentence between citations, case numbers and URLs that holds
    the trigger: a citation is never evidence ('(ingezonden 21 november, 20242024Z19016)')."""
    pieces, pos = [], seg.start
    for s, end in sorted(cuts):
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, end)
    if pos < seg.end:
        pieces.append((pos, seg.end))
    holding = [p for p in pieces if p[0] <= e.trigger_start < p[1]] or pieces
    if not holding:
        return e
    lo, hi = max(holding, key=lambda p: p[1] - p[0])
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


def footnote_event(
    doc: Document, seg: Segment, timexes: list[Timex], entities: DocumentEntities
) -> Event | None:
    """A footnote such as 'De Telegraaf, 19 november 2024, "Title"' cites a dated publication."""
    dated = [t for t in timexes if t.dated and t.precision in ("day", "month")]
    if not dated:
        return None
    t = dated[0]
    pred = Trigger(t.start, t.end, t.text, "PUBLICATION", "noun")
    event = build_event(
        doc, seg, (seg.start, seg.end), pred, "PUBLICATION", "happened", dating.own_date(t, doc)
    )
    amounts = [(seg.start + a, seg.start + b, q) for a, b, q in extract_quantities(seg.text, doc.language)]
    return with_arguments(doc, seg, event, entities, amounts, True)
