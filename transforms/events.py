"""Turn a document into events: one per story sentence that states something that happened or will.

A sentence is an event when a trigger from the language's lexicon (`resources/<lang>/triggers.json`)
occurs in it, or when it carries a date of its own. Its date comes, in order, from:
1. its own temporal expression nearest the trigger (not a comparison baseline: "meer dan het jaar
   ervoor"); an unresolved one keeps the event undated (no fallback may invent a date);
2. the document's date, for reporting verbs and the headline (`dct`);
3. the previous dated sentence of the same paragraph (`inherited`);
4. else nothing (`unresolved`).
Footnotes are never story sentences; a footnote that cites a dated publication is a PUBLICATION.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from schemas.ontology import EVENT_TYPES
from schemas.tables import DATE_WINDOW
from transforms import resources
from transforms.entities import extract_entities
from transforms.model import Document, Event, Quantity, Timex
from transforms.quantities import extract_quantities
from transforms.sentences import Segment, scan_tokens, split_sentences
from transforms.temporal import tag
from transforms.temporal.grammar import alt
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
GENERIC_VALUES = ("PAST_REF", "FUTURE_REF", "PRESENT_REF")


@dataclass(frozen=True)
class Trigger:
    start: int  # offsets in the sentence
    end: int
    text: str
    event_type: str


@dataclass(frozen=True)
class DateChoice:
    text: str | None
    value: str | None
    start: object
    end: object
    precision: str
    source: str


UNDATED = DateChoice(None, None, None, None, "unknown", "unresolved")


@cache
def trigger_lexicon(language: str) -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, event type) pairs; a trailing * in the lexicon matches any word ending."""
    data = resources.load(language, "triggers") or resources.load("en", "triggers")
    out = []
    for event_type, words in data.items():
        if event_type not in EVENT_TYPES:
            continue
        for w in words:
            parts = [re.escape(p).replace(r"\*", r"\w*") for p in w.lower().split()]
            body = r"\s+".join(p if p != r"\w*" else r"\w+" for p in parts)
            # "top" is a summit, "top-5" is not: no word character or hyphenated word right after
            out.append((re.compile(rf"(?<!\w){body}(?![\w]|-\w)", re.I), event_type))
    return tuple(out)


@cache
def comparison_pattern(language: str) -> re.Pattern:
    cues = resources.load(language, "temporal").get("comparison_cues", [])
    return re.compile(rf"(?<!\w){alt(cues)}\s+(?:\w+\s+){{0,3}}$", re.I)


@cache
def continuation_pattern(language: str) -> re.Pattern:
    starts = resources.load(language, "temporal").get("continuation_starts", [])
    return re.compile(rf"^\W*{alt(starts)}(?!\w)", re.I)


def continues_previous(seg: Segment, language: str) -> bool:
    """'Hij schrapte direct het beleid': the sentence carries on the story of the one before."""
    return bool(continuation_pattern(language).match(seg.text))


def cut_at_masked(seg: Segment, spans: list[tuple[int, int]], keep: tuple[int, int] | None) -> Segment:
    """The clause of the sentence that holds `keep` (its date or trigger), without any citation, case
    number or URL: a citation is never evidence, and never dates anything."""
    inside = [(max(s, seg.start), min(e, seg.end)) for s, e in spans if s < seg.end and e > seg.start]
    if not inside:
        return seg
    pieces, pos = [], seg.start
    for s, e in inside:
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, e)
    if pos < seg.end:
        pieces.append((pos, seg.end))
    if not pieces:
        return seg
    if keep is not None:
        holding = [p for p in pieces if p[0] <= keep[0] and keep[1] <= p[1]]
        piece = holding[0] if holding else max(pieces, key=lambda p: p[1] - p[0])
    else:
        piece = max(pieces, key=lambda p: p[1] - p[0])
    text = seg.text[piece[0] - seg.start : piece[1] - seg.start]
    lead = len(text) - len(text.lstrip(" \t\n,;:("))
    text = text.strip(" \t\n,;:(")
    start = piece[0] + lead
    return Segment(start, start + len(text), text, seg.paragraph, seg.kind)


@cache
def trigger_prefixes(language: str) -> tuple[str, ...]:
    """Per lexicon pattern, the literal its first word starts with ("" when none): a pattern can only
    match a sentence whose lower-cased text contains that literal."""
    data = resources.load(language, "triggers") or resources.load("en", "triggers")
    return tuple(
        w.lower().split()[0].split("*")[0] if w.split() else ""
        for event_type, words in data.items()
        if event_type in EVENT_TYPES
        for w in words
    )


# Length of the slices of a prefix that index the lexicon (see `patterns_by_slice`).
SLICE = 3


@cache
def patterns_by_slice(language: str) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """The lexicon's patterns (by position) indexed by the first SLICE characters of their prefix, and
    those whose prefix is shorter than that. A pattern can only match where the first slice of its
    prefix stands in the lower-cased sentence with no word character before it, so the slices at those
    places find a sentence's few candidate patterns without a test per pattern."""
    by_slice: dict[str, list[int]] = {}
    short: list[int] = []
    for index, prefix in enumerate(trigger_prefixes(language)):
        if len(prefix) < SLICE:
            short.append(index)
        else:
            by_slice.setdefault(prefix[:SLICE], []).append(index)
    return {k: tuple(v) for k, v in by_slice.items()}, tuple(short)


# The SLICE characters at each place of a lower-cased sentence where a trigger can begin: every
# lexicon pattern opens with (?<!\w), and lower-casing keeps whether a character is a word character
# (the one character that lowers to two, "İ", is in CASE_SPECIAL below: it never comes here).
WORD_START_SLICES = re.compile(rf"(?<!\w)(?=(.{{{SLICE}}}))", re.S)


def candidate_patterns(lowered: str, language: str) -> list[int]:
    """Positions, in lexicon order, of the patterns whose prefix occurs in `lowered` where a word may
    begin (or that are too short to index): every pattern that can match is among them."""
    by_slice, short = patterns_by_slice(language)
    slices = set(WORD_START_SLICES.findall(lowered))
    found = [index for key in slices & by_slice.keys() for index in by_slice[key]]
    prefixes = trigger_prefixes(language)
    return sorted(index for index in (*short, *found) if prefixes[index] in lowered)


# Characters for which `str.lower()` is not what `re.IGNORECASE` compares ("İ" lowers to two
# characters, "ſ" matches "s", "ς" matches "σ"): a sentence holding one is searched with every pattern.
_FOLDS = {chr(c) for k, v in re._casefix._EXTRA_CASES.items() for c in (k, *v)}
_FOLDS |= {c.upper() for c in _FOLDS} | {"\u0130", "\u03a3"}
CASE_SPECIAL = re.compile("[" + "".join(sorted(re.escape(c) for c in _FOLDS if not c.isascii())) + "]")


def find_triggers(sentence: str, language: str) -> list[Trigger]:
    found = []
    lexicon = trigger_lexicon(language)
    if CASE_SPECIAL.search(sentence) is None:
        # Only the patterns whose literal prefix is in the sentence (~5% of them) can match.
        patterns = [lexicon[index] for index in candidate_patterns(sentence.lower(), language)]
    else:
        patterns = list(lexicon)
    for rx, event_type in patterns:
        for m in rx.finditer(sentence):
            found.append(Trigger(m.start(), m.end(), m.group(0), event_type))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    return found


def main_trigger(triggers: list[Trigger]) -> Trigger | None:
    """A content event beats a reporting verb ("Hij verklaarde dat ... gedeporteerd"): the first one wins."""
    content = [t for t in triggers if t.event_type != "STATEMENT"]
    return (content or triggers or [None])[0]


def is_comparison(t: Timex, sentence_text: str, offset: int, language: str) -> bool:
    before = sentence_text[: t.start - offset]
    return bool(comparison_pattern(language).search(before))


class TimexesBySpan:
    """A document's temporal expressions, looked up by the span that holds them. A long document has
    thousands of sentences and of expressions: testing every expression for every sentence grows with
    the square of its length, a lookup in the expressions sorted by start does not."""

    def __init__(self, timexes: list[Timex]) -> None:
        self.timexes = timexes
        self.order = sorted(range(len(timexes)), key=lambda k: timexes[k].start)
        self.starts = [timexes[k].start for k in self.order]
        # Only an expression that ends before it starts (never made) could lie in a span that does not
        # hold its start: then every one is tested, as before.
        self.sound = all(t.start <= t.end for t in timexes)

    def within(self, start: int, end: int) -> list[Timex]:
        """The expressions t with start <= t.start and t.end <= end, in the document's order of them."""
        if not self.sound:
            return [t for t in self.timexes if t.start >= start and t.end <= end]
        first, last = bisect_left(self.starts, start), bisect_right(self.starts, end)
        found = sorted(k for k in self.order[first:last] if self.timexes[k].end <= end)
        return [self.timexes[k] for k in found]


def date_candidates(seg: Segment, timexes: list[Timex], language: str) -> list[Timex]:
    inside = [t for t in timexes if t.start >= seg.start and t.end <= seg.end and t.type in ("DATE", "TIME")]
    inside = [t for t in inside if t.value not in ("PAST_REF", "FUTURE_REF")]
    specific = [t for t in inside if t.value != "PRESENT_REF"]
    inside = specific or inside
    main = [t for t in inside if not is_comparison(t, seg.text, seg.start, language)]
    return main or inside


def closest_pair(triggers: list[Trigger], timexes: list[Timex], seg: Segment) -> tuple[Trigger | None, Timex]:
    """The content trigger and the date that stand closest together: in "The measures ... the
    declaration, signed by ... in November 2021" the date belongs to "signed", not "measures"."""
    content = [t for t in triggers if t.event_type != "STATEMENT"] or triggers
    if not content:
        return None, timexes[0]

    def distance(trigger: Trigger, t: Timex) -> int:
        ts, te = seg.start + trigger.start, seg.start + trigger.end
        return max(0, t.start - te, ts - t.end)

    return min(
        ((tr, t) for tr in content for t in timexes), key=lambda p: (distance(*p), p[1].start, p[0].start)
    )


def own_date(t: Timex, doc: Document) -> DateChoice:
    outside = any(
        d is not None and not DATE_WINDOW[0] <= d <= DATE_WINDOW[1] for d in (t.date_start, t.date_end)
    )
    if t.date_start is None or (t.date_end is None and t.mod != "SINCE") or outside:
        # unknown; open at the start ('tot 2012') or end ('na 2016'); or outside the believable window
        # ('in 1391', 'het jaar 2101'): no honest period for the event, which stays on the timeline undated
        return DateChoice(t.text, t.value, None, None, "unknown", "unresolved")
    end = t.date_end
    if end is None:  # an open interval ("sinds 2021"): up to the document date, else the first period
        known = doc.published.end if doc.published.known and doc.published.end >= t.date_start else None
        end = known or (t.parts[0].date_end if t.parts else t.date_start)
    precision = t.precision if t.date_end is not None else "range"
    return DateChoice(t.text, t.value, t.date_start, end, precision, t.source)


def dct_date(doc: Document) -> DateChoice:
    p = doc.published
    if not p.known:
        return UNDATED
    return DateChoice(None, None, p.start, p.end, p.precision, "dct")


def event_id(doc_id: str, seg: Segment, event_type: str) -> str:
    key = f"{doc_id}:{seg.start}:{seg.end}:{event_type}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def confidence(date: DateChoice, trigger: Trigger | None, seg: Segment) -> float:
    c = SOURCE_CONFIDENCE[date.source]
    if trigger is None or trigger.event_type == "OTHER":
        c -= 0.15
    if seg.text.rstrip().endswith("?"):
        c -= 0.1  # a question asks, it does not state
    return round(min(1.0, max(0.05, c)), 3)


def is_dated_publication(seg: Segment, timexes: list[Timex]) -> bool:
    """A footnote such as 'De Telegraaf, 19 november 2024, "Title"' cites a dated publication."""
    return any(
        t.start >= seg.start and t.end <= seg.end and t.dated and t.precision in ("day", "month")
        for t in timexes
    )


def build_event(doc: Document, seg: Segment, trigger: Trigger | None, date: DateChoice) -> Event:
    scanned = scan_tokens(seg.text)  # one scan of the sentence for both extractors
    actors, locations = extract_entities(seg.text, doc.language, scanned)
    quantities = tuple(q for _, _, q in extract_quantities(seg.text, doc.language, scanned))
    event_type = trigger.event_type if trigger else "OTHER"
    return Event(
        event_id=event_id(doc.doc_id, seg, event_type),
        doc_id=doc.doc_id,
        source_name=doc.source_name,
        language=doc.language,
        sentence=seg.text,
        char_start=seg.start,
        char_end=seg.end,
        event_type=event_type,
        trigger=trigger.text if trigger else (date.text or ""),
        date_text=date.text,
        date_value=date.value,
        date_start=date.start,
        date_end=date.end,
        date_precision=date.precision if date.start is not None else "unknown",
        date_source=date.source,
        actors=tuple(actors),
        locations=tuple(locations),
        quantities=tuple(Quantity(float(q.value), q.unit, q.text) for q in quantities),
        confidence=confidence(date, trigger, seg),
        extractor_version=EXTRACTOR_VERSION,
    )


def extract_events(doc: Document) -> list[Event]:
    """All events of a document, in text order."""
    by_span = TimexesBySpan(tag(doc.text, doc.published, doc.language))
    cuts = masked_spans(doc.text, doc.language)
    events: list[Event] = []
    previous: tuple[int, DateChoice] | None = None  # (paragraph, date) of the sentence just before
    for seg in split_sentences(doc.text, doc.language, doc.title):
        timexes = by_span.within(seg.start, seg.end)  # the sentence's own; the functions below need no others
        if seg.kind == "footnote":
            previous = None
            if is_dated_publication(seg, timexes):
                t = date_candidates(seg, timexes, doc.language)[0]
                seg = cut_at_masked(seg, cuts, (t.start, t.end))
                events.append(build_event(doc, seg, Trigger(0, 0, t.text, "PUBLICATION"), own_date(t, doc)))
            continue
        triggers = find_triggers(seg.text, doc.language)
        trigger = main_trigger(triggers)
        dates = date_candidates(seg, timexes, doc.language)
        if trigger is None and not dates:
            previous = None
            continue
        reporting = next((t for t in triggers if t.event_type == "STATEMENT"), None)
        if dates:
            trigger, chosen = closest_pair(triggers, dates, seg)
            date = own_date(chosen, doc)
            seg = cut_at_masked(seg, cuts, (chosen.start, chosen.end))
        elif seg.kind == "title" or reporting is not None:
            # A headline and a report ("Dat schrijven de ministers") are dated by the document itself;
            # what was reported is not, so the event is the statement (or the publication).
            date = dct_date(doc)
            if reporting is not None and (trigger is None or trigger.event_type != "PUBLICATION"):
                trigger = reporting
        elif previous is not None and previous[0] == seg.paragraph and continues_previous(seg, doc.language):
            p = previous[1]
            date = DateChoice(p.text, p.value, p.start, p.end, p.precision, "inherited")
        else:
            date = UNDATED
        if not dates and cuts:
            seg = cut_at_masked(
                seg, cuts, (seg.start + trigger.start, seg.start + trigger.end) if trigger else None
            )
        # Only the very next sentence may inherit, and only a date the previous one stated itself.
        stated = date.start is not None and date.source in ("explicit", "relative_to_dct") and bool(dates)
        previous = (seg.paragraph, date) if stated else None
        events.append(build_event(doc, seg, trigger, date))
    return events
