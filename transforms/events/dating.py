"""The date of an event, from its own clause first.

In order:
1. the temporal expressions of the event's own unit (not a comparison's baseline: 'meer dan het jaar
   ervoor'; not one that dates a noun of another event): the one nearest the trigger, or, when the
   unit lists several joined by 'en'/'and'/a comma ('in de maanden juni en juli'), the stretch that
   covers them; an edge of a period where the text names one ('the first six months of 2024'). An
   unresolved one keeps the event undated: no fallback may invent a date. What happened is never
   dated after the document (`not_ahead`);
2. a count over a stretch up to now ('about 2,000 people over the past fortnight'): that stretch,
   ending at the document date; an event in the past 'just' or 'onlangs' done: the stretch that word
   allows, ending at the document date (`recent_stretch`);
3. the document's date, for the document's own acts (the headline, 'hierbij', 'met deze brief',
   'today') and for statements without a date of their own (`dct`), but not for what was said before
   the story ('had previously warned', 'sindsdien heeft hij toegezegd');
4. the date of a 'when'/'toen' clause of the same sentence, for its main clause in the past; the date
   of the story so far (at most a month long), for an event in the past tense in one of the next two
   sentences of its paragraph, or in a sentence that carries the story on ('Hij schrapte direct ...',
   'As a result, ...') a few sentences later (`inherited`); never into the pluperfect, nor where the
   clause has a time of its own ('after the election', a year the tagger could not read);
5. else none (`unresolved`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from schemas.tables import DATE_WINDOW
from transforms import resources
from transforms.alternation import alt
from transforms.model import Document, Timex
from transforms.temporal import calendar as cal

GENERIC_VALUES = ("PAST_REF", "FUTURE_REF", "PRESENT_REF")
# Words that join the dates of one event into one stretch ('juni en juli', '10, 11 and 12 June').
DATE_JOINERS = re.compile(r"^\s*(?:,|en|and|&|of|or)\s*$", re.I)
YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")


@dataclass(frozen=True)
class DateChoice:
    text: str | None
    value: str | None
    start: dt.date | None
    end: dt.date | None
    precision: str
    source: str

    @property
    def known(self) -> bool:
        return self.start is not None and self.end is not None


UNDATED = DateChoice(None, None, None, None, "unknown", "unresolved")


@cache
def comparison_pattern(language: str) -> re.Pattern:
    cues = resources.load(language, "events").get("comparison_cues", [])
    return re.compile(rf"(?<!\w){alt(cues)}\s+(?:[\w-]+\s+){{0,3}}$", re.I)


@cache
def past_stretch_pattern(language: str) -> re.Pattern:
    """'the past fortnight', 'de afgelopen twee weken': a stretch that ends now."""
    words = resources.load(language, "temporal").get("deictic", {})
    past = [w for w, v in words.items() if v == "P" or v == -1]
    return re.compile(rf"(?<!\w){alt(past)}(?!\w)", re.I)


def is_comparison(t: Timex, text: str, language: str) -> bool:
    return bool(comparison_pattern(language).search(text[max(0, t.start - 60) : t.start]))


def usable(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and t.value not in GENERIC_VALUES


def own_dates(text: str, language: str, timexes: list[Timex]) -> list[Timex]:
    """The expressions that can date an event: dates and times, not generic ('nu', 'currently'), not
    a comparison's baseline (unless nothing else is left)."""
    dates = [t for t in timexes if usable(t) and not is_span_of_name(t, text)]
    main = [t for t in dates if not is_comparison(t, text, language)]
    return main or dates


def is_span_of_name(t: Timex, text: str) -> bool:
    """'action plan against migrant smuggling (2021-2025)', 'het programma (2014–2020)': a date alone in
    brackets after a word is the period of what that word names, not when anything happened."""
    return (
        bool(re.search(r"\w\s?\($", text[max(0, t.start - 3) : t.start])) and text[t.end : t.end + 1] == ")"
    )


def choose(dates: list[Timex], anchor: int, text: str) -> list[Timex]:
    """The date nearest `anchor` (the trigger), with the dates joined to it by a list ('juni en juli')."""
    if not dates:
        return []
    dates = sorted(dates, key=lambda t: t.start)
    nearest = min(dates, key=lambda t: (max(0, t.start - anchor, anchor - t.end), t.start))
    k = dates.index(nearest)
    group = [nearest]
    for step in (-1, 1):
        j = k
        while 0 <= j + step < len(dates):
            a, b = (dates[j + step], dates[j]) if step < 0 else (dates[j], dates[j + step])
            if not DATE_JOINERS.match(text[a.end : b.start]) or b.precision != a.precision:
                break
            j += step
            group.insert(0, dates[j]) if step < 0 else group.append(dates[j])
    return group


def from_timexes(group: list[Timex], doc: Document) -> DateChoice:
    """The event's period from its own expression(s)."""
    if len(group) > 1:
        dated = [t for t in group if t.dated]
        if len(dated) == len(group):
            first, last = group[0], group[-1]
            text = doc.text[first.start : last.end]
            start, end = min(t.date_start for t in dated), max(t.date_end for t in dated)
            return checked(DateChoice(text, None, start, end, "range", first.source))
    return own_date(group[0], doc)


def own_date(t: Timex, doc: Document) -> DateChoice:
    if t.date_start is None or (t.date_end is None and t.mod != "SINCE"):
        # unknown; or open at the start ('tot 2012') or end ('na 2016'): no honest period for the event
        return DateChoice(t.text, t.value, None, None, "unknown", "unresolved")
    end = t.date_end
    if end is None:  # an open interval ("sinds 2021"): up to the document date, else the first period
        known = doc.published.end if doc.published.known and doc.published.end >= t.date_start else None
        end = known or (t.parts[0].date_end if t.parts else t.date_start)
    precision = t.precision if t.date_end is not None else "range"
    return checked(DateChoice(t.text, t.value, t.date_start, end, precision, t.source))


def period_edge(t: Timex, timexes: list[Timex], text: str, language: str) -> DateChoice | None:
    """'the first six months of 2024', 'de laatste drie maanden van 2023': the tagger reads a length
    ('the first six months', P6M) and a period ('2024'); the event's date is that edge of the period."""
    words = resources.load(language, "temporal")
    edges, links = words.get("period_edges", {}), words.get("period_edge_links", [])
    if not t.dated or not edges:
        return None
    for d in timexes:
        m = DURATION.match(d.value or "")
        if d.type != "DURATION" or not m or d.end > t.start or not d.text.split():
            continue
        if text[d.end : t.start].strip().lower() not in links:
            continue
        edge = next(
            (v for k, v in edges.items() if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", d.text, re.I)), None
        )
        n, unit = m.group(1), m.group(2)
        if edge is None or "." in n:
            continue
        if edge == "START":
            start, end = t.date_start, cal.shift(t.date_start, unit, int(n)) - dt.timedelta(days=1)
        else:
            start, end = cal.shift(t.date_end + dt.timedelta(days=1), unit, -int(n)), t.date_end
        if not (t.date_start <= start <= end <= t.date_end):
            continue  # longer than the period itself: no edge of it
        return checked(DateChoice(text[d.start : t.end], None, start, end, "range", t.source))
    return None


def checked(d: DateChoice) -> DateChoice:
    """Outside the believable window ('in 1391', 'het jaar 2101') the event stays undated."""
    if any(x is not None and not DATE_WINDOW[0] <= x <= DATE_WINDOW[1] for x in (d.start, d.end)):
        return DateChoice(d.text, d.value, None, None, "unknown", "unresolved")
    return d


def past_stretch(timexes: list[Timex], text: str, language: str, doc: Document) -> DateChoice | None:
    """'over the past fortnight', 'in de afgelopen twee weken': the stretch that ends at the document's
    date, when the document has a date to the day."""
    p = doc.published
    if not p.known or p.precision != "day":
        return None
    for t in timexes:
        m = DURATION.match(t.value or "")
        if t.type != "DURATION" or not m or not past_stretch_pattern(language).search(t.text):
            continue
        n, unit = float(m.group(1)), m.group(2)
        days = {"D": 1, "W": 7, "M": 30.4375, "Y": 365.25}[unit] * n
        start = p.end - dt.timedelta(days=max(1, round(days)) - 1)
        return checked(DateChoice(t.text, t.value, start, p.end, "range", "relative_to_dct"))
    return None


def not_ahead(d: DateChoice, doc: Document) -> DateChoice:
    """What happened did not happen after the document was written. A month or day without a year that
    the tagger placed in the coming months ('in maart werden elf leden opgepakt', in November) is the
    one before; any other date after the document's leaves the event undated (a wrong date is worse
    than none)."""
    p = doc.published
    if not d.known or not p.known or d.start <= p.end:
        return d
    if (
        d.source == "relative_to_dct"
        and d.text
        and d.precision in ("month", "day")
        and yearless_month(d.text, doc.language)
    ):
        earlier = year_before(d)
        if earlier is not None and earlier.end <= p.end:
            return earlier
    return DateChoice(d.text, d.value, None, None, "unknown", "unresolved")


def yearless_month(text: str, language: str) -> bool:
    """'maart', '12 March': a month named without a year ('woensdag' names none: a year earlier is no
    Wednesday)."""
    months = resources.load(language, "calendar").get("months", {})
    words = re.findall(r"[^\W\d_]+\.?", text.lower())
    return not YEAR.search(text) and any(w in months or w.rstrip(".") in months for w in words)


def year_before(d: DateChoice) -> DateChoice | None:
    try:
        start, end = d.start.replace(year=d.start.year - 1), d.end.replace(year=d.end.year - 1)
    except ValueError:  # 29 February
        return None
    value = f"{start.year:04d}{d.value[4:]}" if d.value and d.value[:4].isdigit() else d.value
    return DateChoice(d.text, value, start, end, d.precision, d.source)


def recent_stretch(
    text: str, language: str, spans: tuple[tuple[int, int], ...], doc: Document
) -> DateChoice | None:
    """'have just celebrated', 'heeft onlangs besloten': in the past, shortly before the document's date;
    the stretch the word allows (`recent_words`: days back), ending at that date."""
    p = doc.published
    words = resources.load(language, "events").get("recent_words", {})
    if not p.known or not words:
        return None
    for s, e in spans:
        m = recent_pattern(language).search(text, s, e)
        if m:
            days = words[m.group().lower()]
            return checked(
                DateChoice(
                    m.group(), None, p.end - dt.timedelta(days=days), p.end, "range", "relative_to_dct"
                )
            )
    return None


@cache
def recent_pattern(language: str) -> re.Pattern:
    words = resources.load(language, "events").get("recent_words", {})
    return re.compile(rf"(?<!\w){alt(words)}(?!\w)", re.I)


def dct_date(doc: Document) -> DateChoice:
    p = doc.published
    if not p.known:
        return UNDATED
    return DateChoice(None, None, p.start, p.end, p.precision, "dct")


def inherited(d: DateChoice) -> DateChoice:
    return DateChoice(d.text, d.value, d.start, d.end, d.precision, "inherited")
